"""The internal 审核 sheet of a summary: one line per project, what the review found.

Not part of the official table: per project the program matched in the catalog, the cap,
requested vs cap, the verdict, the findings (错误/警告/提示) with their cells and the ledger's
reading notes (`table.Summary._audit_sheet` builds the values, `audit_plan` the styled sheet,
written by `summary_layout.render` or `summary.xlsx` like the tables).  A project that fails its
chosen program gets, in 台账提示, the 提示 FITS_OTHER_PROGRAMS naming the programs it does
qualify for (`build._other_programs`); 匹配的政策项目 and 条件核对 stay the clerk's choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from subsidykit.workbooks import summary_layout as L
from subsidykit.workbooks.cells import col_letters

AUDIT_SHEET = "审核"
# findings shown in 条件明细 rather than 台账提示
CONDITION_CODES = frozenset({"BELOW_THRESHOLD", "DATE_WINDOW", "CONDITION_MISSING", "VALUE_INVALID", "VALUE_CONFLICT"})

# 审核 sheet: (header, width)
AUDIT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 5),
    ("汇总表", 7),
    ("表内序号", 6),
    ("单位名称", 20),
    ("统一社会信用代码", 20),
    ("申报项目名称", 22),
    ("申报项目类别（台账）", 16),
    ("匹配的政策项目", 24),
    ("项目编号", 16),
    ("项目总投入（万元）", 11),
    ("申请补助资金（万元）", 11),
    ("最高补助（万元）", 11),
    ("申请与最高补助", 18),
    ("条件核对", 9),
    ("条件明细", 48),
    ("台账提示", 40),
    ("台账行", 12),
)


def _join(lines: Sequence[str]) -> str:
    return "\n".join(lines)


def audit_row(i: int, r) -> list[object]:
    """The 审核 line of one project (`r`: a `table.Review`)."""
    row = r.row
    sel = r.selection
    matched = sel.label if sel else (r.match_note or "")
    if sel and r.match_note:
        matched = f"{sel.label}（{r.match_note}）"
    issues = r.notes()
    return [
        i,
        r.category.number if r.category else "未归类",
        r.table_seq,
        row.values.get("单位名称"),
        row.values.get("统一社会信用代码"),
        row.values.get("申报项目名称"),
        row.values.get("申报项目类别"),
        matched,
        sel.program.id if sel else None,
        row.values.get("项目总投入"),
        row.values.get("申请补助资金"),
        r.cap,
        r.request_text,
        r.check_status,
        _join(r.check_lines),
        _join(issues),
        f"第{row.row}行",
    ]


AUDIT_TITLE_FONT = L.FontSpec("宋体", 13, bold=True)


def audit_plan(s, *, paper: str) -> L.SheetPlan:
    """The styled 审核 sheet of `s` (a `table.SummarySheet` of kind "audit"): the title and
    the notes above (unbordered lines), the header row, one bordered line per project."""
    header = s.header_rows[0]
    headings = [h for h in s.values[header - 1]]  # AUDIT_COLUMNS, and a city's 县（市、区）, 来源文件
    amount_cols = {i for i, h in enumerate(headings) if isinstance(h, str) and h.endswith("（万元）")}
    data_styles = ["sk_amount" if c in amount_cols else "sk_text" for c in range(len(headings))]
    cells: list[tuple[int, int, object, str]] = []
    heights: dict[int, float] = {}
    widths = s.column_widths
    fonts: dict[tuple[int, int], L.FontSpec] = {}
    for r, values in enumerate(s.values, 1):
        if r <= header:
            style = "sk_head" if r == header else "sk_line"
            cells += [(r, c, v, style) for c, v in enumerate(values, 1) if v is not None]
            if r == 1:  # the title: bigger and bold
                fonts = {(1, c): AUDIT_TITLE_FONT for c, v in enumerate(values, 1) if v is not None}
        else:
            cells += [(r, c, v, style) for c, (v, style) in enumerate(zip(values, data_styles), 1)]
            heights[r] = L.row_height(values, widths)
    last_col = col_letters(len(headings) - 1)
    return L.SheetPlan(
        s.name,
        widths,
        cells,
        heights,
        list(s.merges),
        f"E{header + 1}",
        L.PrintSetup(paper, len(s.values), last_col, f"{header}:{header}", audit=True),
        fonts,
    )
