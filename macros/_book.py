"""What both ribbon actions need from the workbook: which host, where to save, a fresh sheet.

Text written into a live workbook goes through `subsidykit.workbooks.cells.as_text` (the one
formula guard)."""

from __future__ import annotations

from pathlib import Path

import xlwings as xw

from subsidykit.workbooks.outputs import free_path as _free_path

TITLE = "专项资金助手"


def is_remote(book: xw.Book) -> bool:
    """True for the JSON book of xlwings Server (Office.js), False for a desktop workbook."""
    return getattr(getattr(book.app, "engine", None), "type", "") == "remote"


def free_path(path: Path) -> Path:
    """`path`, or the first of `name（2）`, `name（3）`… that does not exist yet (names shortened
    to fit the file system's 255-byte limit). The same rule the command line uses for
    annotated copies (`subsidykit.workbooks.outputs.free_path`)."""
    return _free_path(Path(path))


def output_folder(book: xw.Book) -> Path:
    """The workbook's folder; for a workbook never saved, the user's Documents."""
    full = Path(book.fullname)
    if full.parent != Path(".") and full.parent.exists():
        return full.parent
    docs = Path.home() / "Documents"
    return docs if docs.exists() else Path.home()


def replace_sheet(book: xw.Book, name: str) -> xw.Sheet:
    """A fresh sheet `name` at the end (an earlier run's sheet of that name is replaced)."""
    if name in {s.name for s in book.sheets}:
        book.sheets[name].delete()
    return book.sheets.add(name, after=book.sheets[-1])
