"""subsidykit (专项资金助手): Jiangsu special-fund rules as data, an engine, and Excel adapters.

The folders are the layers, each importing only those below it (pyproject.toml
[tool.importlinter], checked by `lint-imports` in `make test`):

    catalog/      data: the guides as cited YAML, the schema, the citation tools
    rules/        the pure engine: parsing, vocabulary, lookup, amounts, thresholds, review, batch rules
    workbooks/    files: the safe reader, ledger and submission readers, official layouts, writers
    summary/      workflow: the 附件2 summary, 审核, 附件3/附件4
    validation/   workflow: checking a folder of submitted workbooks, the report
    cli/ server/ xlam/ and the top-level udfs/ macros/ addin/: adapters

Layer: root package.  May import: nothing (it only names the version).
"""

__version__ = "0.1.0"
