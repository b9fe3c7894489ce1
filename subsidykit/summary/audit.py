"""The internal 审核 sheet of a summary: one line per project, what the review found.

Not part of the official table: per project the program matched in the catalog, the cap,
requested vs cap, the verdict, the findings (错误/警告/提示) with their cells and the ledger's
reading notes (`table.Summary.audit_sheet` builds the values, `write_audit` the styled sheet).
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


def write_audit(ws, s, *, paper: str) -> None:
    from openpyxl.styles import Font

    header = s.header_rows[0]
    for c, w in enumerate(s.column_widths):
        ws.column_dimensions[col_letters(c)].width = w
    amount_cols = {i for i, (h, _) in enumerate(AUDIT_COLUMNS) if h.endswith("（万元）")}
    cache = L.StyleCache()
    for r, values in enumerate(s.values, 1):
        for c, v in enumerate(values, 1):
            if v is None and r <= header:
                continue
            cell = ws.cell(row=r, column=c)
            if isinstance(v, str):
                L.set_text(cell, v)
            elif v is not None:
                cell.value = v
            if r == 1:
                cell.style = "sk_line"
                cell.font = Font(name="宋体", size=13, bold=True)
            elif r < header:
                cell.style = "sk_line"
            elif r == header:
                cell.style = "sk_head"
            else:
                cache.apply(cell, "sk_amount" if (c - 1) in amount_cols else "sk_text")
        if r > header:
            ws.row_dimensions[r].height = L.row_height(values, s.column_widths)
    for rng in s.merges:
        ws.merge_cells(rng)
    ws.freeze_panes = f"E{header + 1}"
    last = len(s.values)
    L.apply_audit_print_setup(
        ws, paper=paper, header_row=header, last_row=last, last_col=col_letters(len(AUDIT_COLUMNS) - 1)
    )
