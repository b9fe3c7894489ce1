"""Ribbon action 政策匹配: the selected ledger row -> a new sheet listing every program of the
year's guides it fits, with the amount, the fields to fill and the conditions it fails.

The ledger is read as 生成汇总表 reads it (`subsidykit.workbooks.ledger.read_values` finds the
header row and maps the columns); the selected cell's row (desktop: the selection; Office.js:
the active cell the add-in sends) picks the project, which is matched as `subsidykit match
--ledger` matches every row (`subsidykit.matching.match_ledger`: unreadable cells and the
ledger's own choice — 申报项目类别, 项目子类, 申报年度 — are not conditions; the year is the one
given, else the row's 申报年度, else the newest guide). Every status and amount comes from
`subsidykit.rules.matching.match`; the names and cells are those of =ELIGIBLE_PROGRAMS
(`udfs.matching`), so the table can be checked against the worksheet function.

The sheet is new every time (政策匹配_行N, then 政策匹配_行N(2) …): an earlier result, or a
sheet of the clerk's with that name, is never overwritten.
"""

from __future__ import annotations

import dataclasses
import re

import xlwings as xw

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.cite import cite
from subsidykit.errors import BadInputError, SubsidyError
from subsidykit.matching import match_ledger
from subsidykit.matching.ledger import shown_name
from subsidykit.matching.table import failure_text
from subsidykit.rules.matching import ELIGIBLE, INELIGIBLE, STATUSES, UNKNOWN, MatchResult, ProgramMatch
from subsidykit.rules.parsing import fmt_wan
from subsidykit.workbooks.cells import as_text
from subsidykit.workbooks.ledger import Ledger, LedgerRow, read_values
from subsidykit.workbooks.summary_layout import AMOUNT_FORMAT, safe_sheet_name
from udfs.matching import amount_cell, program_name, to_fill

from ._book import TITLE, is_remote
from .settings import review_register, setting
from .summary import _active_values as active_values  # the active sheet as 生成汇总表 reads it

SHEET_PREFIX = "政策匹配_行"
COLUMNS = ["项目", "子类", "结论", "最高补助（万元）", "待补字段", "未满足条件", "出处"]
WIDTHS = (40, 30, 16, 16, 40, 60, 34)
HEADER_ROW = 5  # title, best program, counts and notes above the table
FAILED_PREFIX = "不通过："
CELL_TEXT = 32767  # characters an Excel cell holds (a longer text makes Excel refuse the whole write)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell(value: object) -> object:
    """A value as the sheet gets it: a text without control characters (Excel cannot keep them),
    at most CELL_TEXT characters (cut with "…"), never read as a formula (`as_text`)."""
    if isinstance(value, str):
        if not value.isprintable():
            value = _CONTROL.sub("?", value)
        if len(value) > CELL_TEXT:
            value = value[: CELL_TEXT - 1] + "…"
    return as_text(value)


def selected_row(book: xw.Book) -> int:
    """The sheet row of the selected cell (the first row of a selected range)."""
    sel = book.selection
    if sel is None:
        raise BadInputError("请先在台账中选中一个项目所在的行")
    return int(sel.row)


def ledger_row(ledger: Ledger, row: int) -> LedgerRow:
    """The project on sheet row `row`, or a message saying why that row is none."""
    for r in ledger.rows:
        if r.row == row:
            return r
    if row <= ledger.header_row:
        raise BadInputError(f"第{row}行在表头（第{ledger.header_row}行）之上或就是表头：请选中表头下方的一个项目行")
    if row in ledger.skipped:
        raise BadInputError(f"第{row}行是空行、合计行或重复的表头，不是项目：请选中一个项目行")
    raise BadInputError(f"第{row}行不在台账的项目行中（台账「{ledger.sheet}」的项目在第{ledger.header_row + 1}行以下）")


def _failures(m: ProgramMatch) -> str | None:
    texts = [failure_text(f).removeprefix(FAILED_PREFIX) for f in m.failed]
    return "；".join(texts) or None


def _status(m: ProgramMatch) -> str:
    return f"{m.status_zh}（免申直达）" if m.exempt_application else m.status_zh


def table_rows(result: MatchResult, catalog: Catalog) -> list[list[object]]:
    """The sheet's table: header, then every program and 子类 in the engine's order."""
    rows: list[list[object]] = [list(COLUMNS)]
    for m in result.matches:
        rows.append(
            [
                program_name(m, catalog),
                m.variant,
                _status(m),
                amount_cell(m),
                to_fill(m),
                _failures(m),
                cite(m.source) if m.source is not None else None,
            ]
        )
    return rows


def best_line(result: MatchResult, catalog: Catalog) -> str:
    """The one program to apply for (同一申报单位原则上只能申报一个项目), in words."""
    rule = f"（同一申报单位原则上只能申报一个项目，{cite(result.exclusivity)}）" if result.exclusivity is not None else ""
    b = result.best
    if b is None:
        return f"最优项目：无（没有全部条件均满足的补助项目）{rule}"
    amount = f"最高补助 {fmt_wan(b.amount)} 万元" if b.amount is not None else "最高补助未能计算"
    exempt = "，免申直达（无需申报）" if b.exempt_application else ""
    return f"最优项目：{program_name(b, catalog, with_variant=True)}，{amount}{exempt}{rule}"


def _counts(result: MatchResult) -> str:
    n = {s: len(result.of_status(s)) for s in STATUSES}
    return (
        f"{result.year} 年度：符合 {n[ELIGIBLE]} 个、待补充 {n[UNKNOWN]} 个、不符合 {n[INELIGIBLE]} 个。"
        "最高补助按所填数据计算；贷款、担保、投资等额度不是补助，只写文字；出处为补助标准条款，未满足条件各自注明条款。"
    )


def _notes(chosen: str, result: MatchResult, unread: tuple[str, ...], year_note: str | None) -> str:
    notes = [year_note] if year_note else []
    if chosen:
        notes.append(f"台账所报类别：{shown_name(chosen)}（不作为匹配条件，本表也不改动它）")
    if unread:
        notes.append(f"无法读取、未用于匹配的字段：{'、'.join(unread)}（相关条件按待补充）")
    if result.unused:
        notes.append(f"不是本年度任何项目条件的字段：{'、'.join(result.unused)}")
    return "；".join(notes)


def _who(row: LedgerRow) -> str:
    parts = [shown_name(str(row.values[k])) for k in ("单位名称", "申报项目名称") if row.values.get(k)]
    return f"（{' / '.join(parts)}）" if parts else ""


def match_programs(book: xw.Book | None = None, year: object = None) -> str:
    """政策匹配：选中台账中的一行，新建工作表列出该项目符合、待补充和不符合的全部项目及最高补助。

    Desktop: ``RunPython "import macros; macros.match_programs()"`` (the clerk's 设置 year applies);
    xlwings Server: the task pane's year. A blank year: the row's 申报年度, else the newest guide.
    Returns the message shown to the clerk.
    """
    book = book or xw.Book.caller()
    if not is_remote(book):
        year = setting("YEAR", year)
    try:
        name, values, origin = active_values(book)
        row_number = selected_row(book)
        ledger = read_values(values, sheet=name, origin=origin)
        row = ledger_row(ledger, row_number)
        cat = load_catalog()
        # the one ledger matching (the values the engine gets, the year from 申报年度), for this row only
        with review_register(is_remote(book)) as reg:  # the project register: prior support, the same project
            history = (lambda v, y: reg.history_for(v, at_year=y, source_file=book.name)) if reg.configured else None
            matched = match_ledger(
                dataclasses.replace(ledger, rows=[row]), year=year, statuses=STATUSES, catalog=cat, history=history
            ).rows[0]
        if matched.result is None:
            raise BadInputError(matched.error or f"第{row_number}行无法匹配")
        result = matched.result
    except SubsidyError as exc:
        message = f"无法进行政策匹配：{exc.message}"
        book.app.alert(message, title=TITLE)
        return message
    rows = table_rows(result, cat)
    head = [
        f"政策匹配：台账「{name}」第{row_number}行{_who(row)}，{result.year} 年度指南",
        best_line(result, cat),
        _counts(result),
        _notes(matched.chosen, result, matched.unread, matched.year_note),
    ]
    sheet_name = safe_sheet_name(f"{SHEET_PREFIX}{row_number}", [s.name for s in book.sheets])
    sheet = book.sheets.add(sheet_name, after=book.sheets[-1])
    sheet["A1"].value = [[cell(t) or None] for t in head]
    sheet.range((HEADER_ROW, 1)).value = [[cell(v) for v in r] for r in rows]
    sheet.range((1, 1), (2, 1)).font.bold = True
    sheet.range((HEADER_ROW, 1), (HEADER_ROW, len(COLUMNS))).font.bold = True
    if len(rows) > 1:
        sheet.range((HEADER_ROW + 1, 4), (HEADER_ROW + len(rows) - 1, 4)).number_format = AMOUNT_FORMAT
    for i, width in enumerate(WIDTHS, start=1):
        sheet.range((1, i)).column_width = width
    sheet.activate()
    best = result.best
    found = f"最优：{program_name(best, cat, with_variant=True)}" if best is not None else "没有全部条件均满足的补助项目"
    message = (
        f"已插入工作表「{sheet_name}」：第{row_number}行在 {result.year} 年度符合 {len(result.of_status(ELIGIBLE))} 个项目、"
        f"待补充 {len(result.of_status(UNKNOWN))} 个；{found}。"
    )
    book.app.alert(message, title=TITLE)
    return message
