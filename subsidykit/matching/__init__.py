"""Workflow: policy matching (政策匹配) of a clerk's ledger, and the words every surface shows for a match.

`table` turns one `rules.matching.ProgramMatch` into the texts of a table row (项目, 子类, 结论,
最高补助, 待补字段 / 未满足条件, 说明, 出处): the command line's table and the ledger sheet show
the same words.  `ledger` matches every row of a ledger (`workbooks.ledger`, any column order
and wording) against the year's programs with the one engine (`rules.matching.match`) and
writes one sheet: a row per (ledger row, program) of the asked statuses, with a note area
saying what was not used (columns, rows, unreadable values); `xlsx` writes that sheet directly
as SpreadsheetML (no openpyxl: a 1,000-row ledger makes some 27,000 rows).  No rule is decided here.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.rules`, `subsidykit.catalog`,
`subsidykit.errors`; never `subsidykit.summary` or `subsidykit.validation` (siblings) or an
adapter.
"""

from __future__ import annotations

__all__ = ["LedgerMatch", "match_ledger", "match_ledger_file"]


def __getattr__(name: str):
    # the ledger reader is imported when a ledger is matched, not by `subsidykit match 字段=数值`
    if name in __all__:
        from subsidykit.matching import ledger

        return getattr(ledger, name)
    raise AttributeError(name)
