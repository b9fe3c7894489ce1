"""Ribbon action 批量校验: application workbooks -> findings that point at the cell.

* desktop Excel: pick a folder of submitted workbooks (or pass `folder`); the report
  workbook (summary with a chart, findings with links) is saved next to the folder and
  opened;
* xlwings Server (Office.js): the open workbook is validated and the findings are written
  to a sheet 校验结果.

No rule lives here: reading and checking are `subsidykit.workbooks.submissions` / `subsidykit.validation.checks`.
"""

from __future__ import annotations

from pathlib import Path

import xlwings as xw

from subsidykit.validation.checks import validate_sheets
from subsidykit.validation.pool import validate_paths
from subsidykit.errors import SubsidyError
from subsidykit.rules.findings import ERROR
from subsidykit.workbooks.outputs import check_writable, os_error_text
from subsidykit.validation.report import findings_table, write_report
from subsidykit.workbooks.cells import as_text

from ._book import TITLE, free_path, is_remote, output_folder, replace_sheet
from .settings import review_register, setting

RESULT_SHEET = "校验结果"
WIDTHS = [24, 14, 8, 18, 20, 6, 80, 36]


def _pick_folder(start: Path) -> Path | None:  # desktop only: a folder dialog
    import tkinter
    from tkinter import filedialog

    root = tkinter.Tk()
    root.withdraw()
    root.attributes("-topmost", True)
    try:
        chosen = filedialog.askdirectory(title="选择申报材料所在文件夹", initialdir=str(start))
    finally:
        root.destroy()
    return Path(chosen) if chosen else None


def _validate_open_book(book: xw.Book, year: object) -> str:
    sheets, hidden = {}, []
    for sheet in book.sheets:
        if sheet.name == RESULT_SHEET:
            continue
        sheets[sheet.name] = sheet.used_range.options(ndim=2).value or [[]]
        if not sheet.visible:
            hidden.append(sheet.name)
    with review_register(remote=True) as reg:  # the server's own register (its environment)
        history = reg.for_files()  # None without a register
        result = validate_sheets(sheets, file=book.name, year=year, hidden=hidden, history=history)
    rows = [[as_text(v) for v in row] for row in findings_table(result)]
    out = replace_sheet(book, RESULT_SHEET)
    out["A1"].value = rows
    out.range((1, 1), (1, len(rows[0]))).font.bold = True
    for i, w in enumerate(WIDTHS, start=1):
        out.range((1, i)).column_width = w
    out.activate()
    errors = sum(1 for f in result.findings if f.severity == ERROR)
    warnings = len(result.findings) - errors
    if not result.findings:
        return f"{book.name}：未发现问题。"
    return f"{book.name}：错误 {errors} 条，警告/提示 {warnings} 条，见工作表「{RESULT_SHEET}」（每条注明工作表、单元格和指南出处）。"


def validate_submissions(book: xw.Book | None = None, folder: str | None = None, year: object = None) -> str:
    """批量校验：桌面版校验一个文件夹的申报表并打开报告；网页版校验当前工作簿。

    Desktop: ``RunPython "import macros; macros.validate_submissions()"``; the VBA may pass
    the folder it asked for. Returns the message shown to the clerk.
    """
    book = book or xw.Book.caller()
    try:
        if is_remote(book):
            message = _validate_open_book(book, year)
        else:
            year = setting("YEAR", year)
            chosen = Path(folder) if folder else _pick_folder(output_folder(book))
            if chosen is None:
                return "已取消。"
            if not chosen.is_dir():
                raise SubsidyError(f"文件夹不存在：{chosen}")
            check_writable(chosen.parent, what="校验报告")  # before the work, not after it
            result = validate_paths([chosen], year=year, register_url=review_register(remote=False).url)
            report = free_path(chosen.parent / f"{chosen.name}_校验报告.xlsx")  # beside the folder, never in it
            try:
                write_report(result, report, overwrite=False)
            except FileExistsError:  # taken while validating: the next free name
                report = write_report(result, free_path(report), overwrite=False)
            book.app.books.open(str(report))
            bad = result.stats()["invalid"]
            message = f"已校验 {len(result.files)} 个文件，{bad} 个有错误；报告已保存并打开：{report}"
    except SubsidyError as exc:
        message = f"无法校验：{exc.message}"
    except OSError as exc:  # a read-only folder, a full disk: a message, not a Python error box
        message = f"无法校验：{os_error_text(exc)}"
    book.app.alert(message, title=TITLE)
    return message
