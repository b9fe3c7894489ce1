"""The JSON book Office.js sends to xlwings Server (custom-scripts-call), built from xlsx or rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import xlwings as xw


def _cell(value: object) -> object:
    """A cell as Office.js sends it: dates as ISO text with milliseconds and Z, blanks as ''."""
    if isinstance(value, dt.datetime | dt.date):
        if not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day)
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return "" if value is None else value


def sheet(name: str, rows: list[list[object]]) -> dict:
    width = max((len(r) for r in rows), default=1)
    values = [[_cell(v) for v in r] + [""] * (width - len(r)) for r in rows] or [[""]]
    return {
        "name": name,
        "values": values,
        "visibility": "Visible",
        "show_gridlines": True,
        "pictures": [],
        "shapes": [],
        "charts": [],
        "tables": [],
        "pivot_tables": [],
        "notes": [],
        "notes_supported": True,
    }


def book(name: str, sheets: list[dict], active: int = 0, args: list | None = None) -> dict:
    data = {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": name, "active_sheet_index": active, "selection": "A1", "calculation": "Automatic"},
        "names": [],
        "sheets": sheets,
    }
    if args is not None:
        data["args"] = args
    return data


def from_xlsx(path: str | Path, active: int = 0, args: list | None = None) -> dict:
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = [sheet(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    return book(Path(path).name, sheets, active, args)
