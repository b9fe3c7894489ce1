"""Ribbon action 生成汇总表: the active ledger sheet -> 附件2 推荐项目汇总表 (+ 审核).

Reads the active sheet through the xlwings Book API and puts the result in front of the
clerk:

* desktop Excel (a real workbook): the formatted summary workbook (merged headers,
  borders, print setup) is saved next to the ledger and opened, together with 附件3/附件4;
* xlwings Server (the JSON book Office.js sends): the tables are added as new sheets of the
  open workbook (values, merged headers, column widths, bold headers; Office.js cannot set
  borders or print settings from here, so the print-ready file comes from the desktop
  action, `subsidykit summary` or the task pane download).

No rule lives here: the ledger is read and the tables are built by `subsidykit.summary.table`.
"""

from __future__ import annotations

from pathlib import Path

import xlwings as xw

from subsidykit.errors import SubsidyError
from subsidykit.rules.parsing import optional_year
from subsidykit.summary.forms import write_forms
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.outputs import check_writable, os_error_text
from subsidykit.summary.table import Summary
from subsidykit.summary.build import build_from_values

from ._book import TITLE, free_path, is_remote, output_folder, replace_sheet
from .settings import review_register, setting


def _active_values(book: xw.Book) -> tuple[str, list[list[object]], str]:
    sheet = book.sheets.active
    used = sheet.used_range
    values = used.options(ndim=2).value or [[]]
    origin = used.address.replace("$", "").split(":")[0]
    return sheet.name, values, origin


def _summary(book: xw.Book, year: object, region: object) -> Summary:
    name, values, origin = _active_values(book)
    with review_register(is_remote(book)) as reg:  # the project register: prior support, the same project
        history = reg.for_rows(source_file=book.name)  # None without a register
        return build_from_values(
            values, sheet=name, origin=origin, year=optional_year(year), region="" if region is None else str(region),
            history=history,
        )  # blank year: the ledger's 申报年度


def _message(summary: Summary, where: str) -> str:
    counts = "，".join(
        f"{c.sheet_name} {len(summary.tables.get(c.number, []))} 个" for c in summary.categories if summary.tables.get(c.number)
    )
    unmatched = len(summary.unmatched)
    extra = f"；{unmatched} 行未能对应到指南类别，见「审核」表" if unmatched else ""
    done = f"已生成 {summary.year} 年度汇总表（{counts or '无项目'}）{extra}。{where}"
    gaps = summary.header_gaps.lines()  # the same list as the console and the top of 审核, said first
    return "\n".join([*gaps, "", done]) if gaps else done


def _write_remote(book: xw.Book, summary: Summary) -> list[str]:
    """New sheets in the open workbook (replacing earlier runs' sheets of the same names)."""
    names = []
    for spec in summary.for_excel():
        name = spec["name"]
        sheet = replace_sheet(book, name)
        values = spec["values"]
        width = max((len(r) for r in values), default=0)
        if width:
            sheet["A1"].value = [list(r) + [None] * (width - len(r)) for r in values]
        for ref in spec["merges"]:
            sheet[ref].merge()
        for i, w in enumerate(spec["column_widths"], start=1):
            if w:
                sheet.range((1, i)).column_width = w
        first, last = spec["header_rows"]
        if width and first:
            sheet.range((first, 1), (last, width)).font.bold = True
        names.append(name)
    if names:
        book.sheets[names[0]].activate()
    return names


def generate_summary(book: xw.Book | None = None, year: object = None, region: object = "") -> str:
    """生成汇总表：把当前台账工作表生成附件2 汇总表（及审核表、附件3/附件4）。

    Desktop: ``RunPython "import macros; macros.generate_summary()"`` (the calling workbook).
    Returns the message shown to the clerk.
    """
    book = book or xw.Book.caller()
    if not is_remote(book):  # the desktop ribbon passes nothing: the clerk's 设置 apply
        year, region = setting("YEAR", year), setting("REGION", region) or ""
    try:
        summary = _summary(book, year, region)
    except SubsidyError as exc:
        message = f"无法生成汇总表：{exc.message}"
        book.app.alert(message, title=TITLE)
        return message
    if is_remote(book):
        names = _write_remote(book, summary)
        message = _message(summary, f"已添加工作表：{'、'.join(names)}。打印版（含边框、打印设置）请用桌面版或任务窗格下载。")
        book.app.alert(message, title=TITLE)
        return message
    folder = output_folder(book)
    stem = Path(book.name).stem
    try:
        check_writable(folder, what="汇总表")
        out = free_path(folder / f"{stem}_附件2汇总表_{summary.year}.xlsx")
        summary.ledger_path = book.fullname
        try:
            write_bytes_atomic(out, summary.xlsx_bytes(), overwrite=False)
        except FileExistsError:  # taken meanwhile: the next free name
            out = write_bytes_atomic(free_path(out), summary.xlsx_bytes(), overwrite=False)
        forms_dir = free_path(folder / f"{stem}_附件3附件4_{summary.year}")
        write_forms(summary, forms_dir, overwrite=False)
    except (SubsidyError, OSError) as exc:
        message = f"无法生成汇总表：{exc.message if isinstance(exc, SubsidyError) else os_error_text(exc)}"
        book.app.alert(message, title=TITLE)
        return message
    book.app.books.open(str(out))
    message = _message(summary, f"已保存并打开：{out}；附件3、附件4 在 {forms_dir}")
    book.app.alert(message, title=TITLE)
    return message
