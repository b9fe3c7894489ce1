"""A1 cell addresses and cell texts: the one column-letter helper and the one formula guard.

Columns and rows are **0-based** here (column 0 is "A", row 0 is row 1), as in the grids the
readers produce; a 1-based spreadsheet column `c` is ``col_letters(c - 1)``.  Modules that
already use openpyxl may call its ``get_column_letter`` (1-based); nothing else writes its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Text starting with one of these is read as a formula when typed or pasted into Excel
# (tab and carriage return: a pasted cell whose formula follows a control character).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@lru_cache(maxsize=4096)
def col_letters(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA", 27 -> "AB"."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def col_index(letters: str) -> int:
    """"A" -> 0, "AB" -> 27 (upper-case letters)."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def address(row: int, col: int) -> str:
    """0-based row and column -> "B3"."""
    return f"{col_letters(col)}{row + 1}"


_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


def parse_address(ref: str) -> tuple[int, int]:
    """"B3" or "$B$3" (any case) -> (row 2, column 1), 0-based; ValueError otherwise."""
    m = _CELL_REF.match(ref.replace("$", "").upper())
    if not m:
        raise ValueError(ref)
    return int(m.group(2)) - 1, col_index(m.group(1))


def as_text(value: object) -> object:
    """A value for a live workbook (xlwings, Office.js): a text that Excel would read as a
    formula gets Excel's text marker (a leading apostrophe); anything else is returned as is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
