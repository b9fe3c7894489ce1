"""Ribbon action 插入台账模板: a new sheet with the ledger columns 生成汇总表 reads.

The columns and the year's categories come from `subsidykit.workbooks.summary_layout.ledger_template`;
this module only puts them on a sheet (header, widths, number formats, a drop-down of the
categories for 申报项目类别).
"""

from __future__ import annotations

import xlwings as xw

from subsidykit.errors import SubsidyError
from subsidykit.rules.parsing import optional_year
from subsidykit.workbooks.summary_layout import (
    AMOUNT_FORMAT,
    DATE_FORMAT,
    latest_fund_year,
    ledger_template,
    safe_sheet_name,
)

from ._book import TITLE, is_remote
from .settings import setting

TEMPLATE_ROWS = 200  # rows formatted and given the drop-down below the header


def insert_ledger_template(book: xw.Book | None = None, year: object = None) -> str:
    """插入台账模板：新建工作表，表头即附件2 各栏，填好后可直接「生成汇总表」。"""
    book = book or xw.Book.caller()
    try:
        yr = optional_year(year if is_remote(book) else setting("YEAR", year))
        if yr is None:  # not chosen: the newest 专项资金 guide
            yr = latest_fund_year()
        template = ledger_template(yr)
    except SubsidyError as exc:
        message = f"无法插入台账模板：{exc.message}"
        book.app.alert(message, title=TITLE)
        return message
    name = safe_sheet_name(f"台账{yr}", [s.name for s in book.sheets])
    sheet = book.sheets.add(name, after=book.sheets[-1])
    headers = template.headers
    sheet["A1"].value = [headers]
    last = len(headers)
    sheet.range((1, 1), (1, last)).font.bold = True
    for i, width in enumerate(template.widths, start=1):
        sheet.range((1, i)).column_width = width
    body_rows = (2, TEMPLATE_ROWS + 1)
    for i, col in enumerate(template.columns, start=1):
        target = sheet.range((body_rows[0], i), (body_rows[1], i))
        if col.kind == "amount":
            target.number_format = AMOUNT_FORMAT
        elif col.kind == "date":
            target.number_format = DATE_FORMAT
        elif col.kind == "text":
            target.number_format = "@"  # credit codes and names stay text
    category = sheet.range((body_rows[0], template.column_of("申报项目类别")), (body_rows[1], template.column_of("申报项目类别")))
    try:
        category.data_validation.set_list(list(template.categories))
    except Exception:  # noqa: BLE001, S110 - older Excel/Office.js without data validation: the sheet is still usable
        pass
    sheet.activate()
    message = f"已插入工作表「{name}」：{yr} 年度台账模板，申报项目类别可选：{'、'.join(template.categories)}。填好后点「生成汇总表」。"
    book.app.alert(message, title=TITLE)
    return message
