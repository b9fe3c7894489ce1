"""The pure engine: what the guides' rules say about a project, from values to verdicts and amounts.

`parsing` reads values (amounts in 万元, dates, ratios, years), `vocabulary` is the one home
of field names (catalog/fields.yaml and every catalog condition), `lookup` finds a program
by any name a clerk writes, `amounts` computes awards (Decimal, rounded to the yuan; the
float and vectorised fast paths are generated from the same data), `thresholds` checks
conditions, `review` is the single review of one project (verdict, cap, findings), `findings`
the one findings model and severity vocabulary, `batch` the rules across projects,
`sampling` the 真实性核查 sample, `programs` describes the catalog, `regions`/`uscc` decode
codes and places.

Layer: rules.  May import: `subsidykit.catalog`, `subsidykit.errors`, the standard library
(numpy lazily, for the vectorised path); never openpyxl, calamine, xlwings, pandas, a
workflow or an adapter.
"""
