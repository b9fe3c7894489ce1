"""Ribbon action 项目目录: a new sheet whose table is the worksheet function =PROGRAMS(year).

The table is computed by the function in the cell, so it follows the installed catalog.
Desktop Excel gets an array formula over the table's size (works in Excel 2016/2019, which
have no spilling); Office.js Excel spills, and its functions carry the add-in's namespace.
"""

from __future__ import annotations

import xlwings as xw

from subsidykit.errors import SubsidyError
from subsidykit.rules.parsing import optional_year
from subsidykit.workbooks.summary_layout import safe_sheet_name
from udfs import PROGRAMS
from udfs.cells import XlErr

from ._book import TITLE, is_remote
from .settings import setting

TITLE_ROWS = 2  # a note above the table


def insert_program_catalog(book: xw.Book | None = None, year: object = None, namespace: str = "") -> str:
    """项目目录：新建工作表并插入 =PROGRAMS(年度)，列出该年度可申报项目及补助方式、比例和上限。"""
    book = book or xw.Book.caller()
    remote = is_remote(book)
    try:
        yr = optional_year(year if remote else setting("YEAR", year))  # blank: every year
        table = PROGRAMS(yr)
        if isinstance(table, list) and table and isinstance(table[0], XlErr):
            raise SubsidyError(table[0].message)
    except SubsidyError as exc:
        message = f"无法列出项目目录：{exc.message}"
        book.app.alert(message, title=TITLE)
        return message
    rows, cols = len(table), len(table[0])
    name = safe_sheet_name(f"项目目录{yr or ''}", [s.name for s in book.sheets])
    sheet = book.sheets.add(name, after=book.sheets[-1])
    func = f"{namespace}.PROGRAMS" if namespace else "PROGRAMS"
    formula = f"={func}({yr})" if yr else f"={func}()"
    sheet["A1"].value = f"{yr or '全部'}年度项目目录（由函数 {formula} 计算；编号可直接用于 SUBSIDY_CAP 等函数）"
    anchor = sheet.range((TITLE_ROWS + 1, 1))
    if remote:
        anchor.formula = formula  # Office.js Excel spills the table
    else:
        anchor.resize(rows, cols).formula_array = formula
    sheet.range((TITLE_ROWS + 1, 1), (TITLE_ROWS + 1, cols)).font.bold = True
    for i, width in enumerate((14, 6, 40, 10, 8, 10, 10, 6), start=1):
        sheet.range((1, i)).column_width = width
    sheet.activate()
    message = f"已插入工作表「{name}」：{rows - 1} 个项目（公式 {formula}）。"
    book.app.alert(message, title=TITLE)
    return message
