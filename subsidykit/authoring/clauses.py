"""Clause parsers: a guide's award clause, quota and conditions as catalog data, every number cited.

Pure functions (no file I/O) over a *section* — `[(1-based line number, line text), ...]` as
the drafter cut it from the guide — and the file name to cite.  Each returns a `Parsed`:

* `data`: catalog YAML fields with schema.py's names.
  - `parse_award` (补助标准 / 支持方式 / 政策优惠): `kind` (rate_cap, fixed, cap_only, per_unit,
    tiered, two_stage, combined, actual_cost, none, recognition) and base, rate, cap, fixed,
    unit_amount, unit, per, minimum, stages, components, first_payment, variants, source, note;
    also `thresholds` for conditions inside the clause (dated windows "对2021年1月1日(含)至…期间",
    "…未满3000万元的，给予…").  A general rule followed by named cases ("按…20%…；承担…平台，按
    实际支出予以补助") is the program's own amount with the cases as variants; several named
    amounts are `tiered` (one amount for every named case: the program's, the cases variants
    without amounts).  A "分别" list of amounts is named by the applicants listed before it when
    the counts match ("对甲、乙分别给予N万元、M万元" -> 甲 N, 乙 M), else by the amount
    ("N万元档") with a todo note.  A first payment that names its sub-type ("其中，X类项目首次
    拨付…") goes to the variant X (made if need be), not to the program.
    `parse_award(section, file, heading=None)`: the program's heading, when the drafter passes
    it, tells a first amount named by the heading itself ("X项目按…" under X项目) as the
    program's own rule, and a clause without amounts under a status heading ("…认定", "…示范
    企业", "…公告"; not one naming 资金/补助/贴息…) as `recognition` — "以…通知为准" under
    "…技术中心" is a recognition, under "…资金…项目" none; "另行通知" is none under any
    heading.
  - `parse_conditions` (支持条件 / 申报条件): `thresholds` (field, op, value, unit, label,
    source, note, when).
  - `parse_quota` (支持数量): `quota` ({value, source, note}).
  Numbers are `Decimal` (amounts in 万元, rates and shares as fractions: "10%" ->
  Decimal("0.1"), "1亿元" -> Decimal("10000"), "5000元" -> Decimal("0.5")), dates ISO strings,
  yes/no booleans — what `yaml.safe_load` of a hand entry gives after the schema's validation.
* `todo`: `{"lines": [a, b], "text": sentence}` for every sentence of the section not turned
  into data, with a `note` when part of it was (the clauses or numbers left): nothing is
  skipped silently.  Headings ("2. 补助标准。", "（四）支持数量") and lead-ins ("应同时具备以下
  条件：") are not sentences to do.
* `sub_quotas` (parse_quota only): the "其中 X 不超过 N 个" parts, `{name, op, value, source}`,
  for the drafter to hang on variants; `data["quota"]["note"]` says them too.  The parts may
  stand in the quota's sentence, in the next one ("不超过N个。其中，X类不超过M个，…"), or
  alone ("X类…不超过N个；Y类…不超过M个": parts, and no `quota`, since the guide gives no
  total).

Every `source` is `{file, lines: [a, b], text}`: `text` is the guide's own characters at those
lines with white space dropped ("……" where a page number was left out), so
`catalog.sources.quote_problem` passes, and every number written into `data` is read from that
very quote ("1亿元" -> 10000, "10%" -> 0.1, "2021年1月1日" -> "2021-01-01", "2023年底" ->
"2023-12-31"); a number the text does not state (a total computed from a monthly amount, a date
a year before another) is never written.  How words decide numbers: /work/shared/DOMAIN.md
(以上/以下/以内 include, 不满/超过 exclude, （含）, 亿元/元 -> 万元, "2000万" -> 万元 with a note,
"…前" on or before).

Threshold fields use the vocabulary of `catalog/fields.yaml` (through
`rules.vocabulary.alias_index`/`candidates`, the keys `canonical_field` uses) and a few period
words (`clause_common.LOCAL_ALIASES`: 实施期/建设期 … -> 项目实施周期), and only those: the fields
the hand catalog made up for its own entries are not consulted, so a guide nobody has encoded
is named the same way as a seed.  A base ("项目总投入", "并购企业对目标企业的实际出资额现金部分")
keeps the guide's exact wording.

The modules: `clause_text` (the section as one citable string; sentences), `clause_numbers`
(amounts, shares, counts, dates, counting words), `clause_common` (Parsed, headings, field
names), `clause_award`, `clause_conditions`, `clause_quota`, and `clause_tables` (`read_tier_table`:
an award whose amounts stand in a table, one variant per amount cell; None when there is none;
`read_program_table`: a table whose rows are programs, "事项名称 | 奖励标准 | …").
`read_first_payment`: a first payment stated alone, with no amount beside it (rules that detail
an article whose amount stands in the article).
"""

from __future__ import annotations

from subsidykit.authoring.clause_award import parse_award, read_first_payment
from subsidykit.authoring.clause_common import Parsed, Section
from subsidykit.authoring.clause_conditions import parse_conditions
from subsidykit.authoring.clause_quota import parse_quota
from subsidykit.authoring.clause_tables import read_program_table, read_tier_table
from subsidykit.authoring.clause_text import sentence_list

__all__ = ["Parsed", "parse_award", "parse_conditions", "parse_quota", "read_first_payment", "read_program_table", "read_tier_table",
           "split_sentences"]


def split_sentences(section: Section) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each sentence of a section.

    Broken lines are joined (white space dropped), page-number lines ("— 12 —", "- 3 -") and
    running headers ("## » 第二章 …") skipped ("……" marks the gap in `text`).  A sentence ends at
    。；！？ (；！？ outside brackets), at "." after a Chinese word, at an HTML tag, before a line
    that starts with an enumerator ("（2）", "②", "3.", "四、") and after a heading line without
    。 ("（三）补助标准").  `text` is citable at those lines as it is (quote_problem passes)."""
    return sentence_list(section)
