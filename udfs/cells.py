"""Cell plumbing for the worksheet functions: argument grids, broadcasting, Excel error values.

Nothing here knows a rule. Arguments arrive as scalars (a direct call, desktop Excel
with a single cell) or as 2-D lists (a range; xlwings passes every argument with
``ndim=2``). Results are a scalar when every argument was a single cell, else a 2-D
list of the broadcast shape, so one array formula fills a whole column.

Errors are :class:`XlErr` values: a ``str`` equal to the Excel error code (``"#VALUE!"``)
that also carries the Chinese reason. How they leave Python depends on where we run:

* xlwings Server (Office.js): a single-cell error is raised as ``XlwingsError(reason)``,
  which the add-in shows as ``#VALUE!`` with the reason on the cell's error flag; inside
  a spilled array the code string becomes a native Excel error of that type.
* desktop Excel (COM on Windows): each error becomes a ``VT_ERROR`` variant, a real
  Excel error value (``SUM`` propagates it, ``IFERROR`` catches it).
* plain Python (tests, the ``formulas`` engine): the :class:`XlErr` itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Self

from subsidykit.errors import (
    NoAmountError,
    SubsidyError,
    UnknownProgramError,
)
from subsidykit.parsing import is_blank

ON_SERVER = os.environ.get("XLWINGS_ON_SERVER") == "true"
ON_COM = sys.platform == "win32" and not ON_SERVER

# Excel's error codes as COM HRESULTs (CVErr(xlErrValue) etc.)
COM_ERRORS = {
    "#NULL!": -2146826288,
    "#DIV/0!": -2146826281,
    "#VALUE!": -2146826273,
    "#REF!": -2146826265,
    "#NAME?": -2146826259,
    "#NUM!": -2146826252,
    "#N/A": -2146826246,
}


class XlErr(str):
    """An Excel error value (``"#N/A"``...) with the reason in Chinese."""

    message: str

    def __new__(cls, code: str, message: str = "") -> Self:
        if code not in COM_ERRORS:
            raise ValueError(code)
        obj = super().__new__(cls, code)
        obj.message = message or code
        return obj

    def __repr__(self) -> str:
        return f"XlErr({str(self)!r}, {self.message!r})"


def error_for(exc: SubsidyError) -> XlErr:
    """The Excel error an engine error shows as.

    #NAME? the program (or its 子类) cannot be identified; #N/A the guide gives no amount
    to compute (另行通知, 认定, a loan limit); #VALUE! a value cannot be read.
    """
    if isinstance(exc, UnknownProgramError):  # also ambiguous names and a missing 子类
        return XlErr("#NAME?", exc.message)
    if isinstance(exc, NoAmountError):
        return XlErr("#N/A", exc.message)
    return XlErr("#VALUE!", exc.message)


# --- arguments ----------------------------------------------------------------------------

Grid = list[list[object]]


def _plain(value: object) -> object:
    """Excel's view of a cell: '' and whitespace are empty; numpy scalars become Python ones."""
    if isinstance(value, str):
        return None if not value.strip() else value
    item = getattr(value, "item", None)  # numpy scalar
    if item is not None and not isinstance(value, (list, tuple)):
        try:
            return item()
        except (TypeError, ValueError):
            return value
    return value


def grid(value: object) -> Grid:
    """Any argument as a 2-D list: a scalar is 1x1, a flat list is a column.

    Cells of a 2-D list are passed on as they are (xlwings and the `formulas` adapter hand
    over Python values; blanks are recognised where they are used), so a 10,000-row column
    costs no per-cell work here.
    """
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy arrays
        value = value.tolist()
    if type(value) is list or type(value) is tuple:
        if not value:
            return [[None]]
        if all(type(r) is list for r in value):
            return value  # type: ignore[return-value]
        if all(isinstance(r, (list, tuple)) for r in value):
            return [list(r) for r in value]
        return [[_plain(c)] for c in value]
    return [[_plain(value)]]


def is_single(g: Grid) -> bool:
    return len(g) == 1 and len(g[0]) == 1


def shape_of(grids: Sequence[Grid]) -> tuple[int, int] | XlErr:
    """The common shape of the range arguments (single cells broadcast), or #VALUE!."""
    shapes = {(len(g), len(g[0])) for g in grids if not is_single(g)}
    if any(len(set(map(len, g))) > 1 for g in grids):
        return XlErr("#VALUE!", "区域的各行长度不一致")
    if not shapes:
        return (1, 1)
    if len(shapes) > 1:
        sizes = "、".join(f"{r} 行 {c} 列" for r, c in sorted(shapes))
        return XlErr("#VALUE!", f"各区域参数的大小须相同（或为单个单元格），实为 {sizes}")
    return shapes.pop()


def cells(g: Grid, shape: tuple[int, int]) -> list[object]:
    """The grid's values row by row, a single cell repeated to fill the shape."""
    if is_single(g):
        return [g[0][0]] * (shape[0] * shape[1])
    return list(chain.from_iterable(g))


def blank(value: object) -> bool:
    return is_blank(value)


# --- results ------------------------------------------------------------------------------


def _to_com(value: object) -> object:
    if isinstance(value, XlErr):
        import pythoncom  # type: ignore[import-not-found]
        from win32com.client import VARIANT  # type: ignore[import-not-found]

        return VARIANT(pythoncom.VT_ERROR, COM_ERRORS[str(value)])
    return value


def finish(values: list[object], shape: tuple[int, int], single: bool) -> object:
    """Shape the flat results for Excel and turn errors into what this host shows."""
    if single:
        value = values[0]
        if isinstance(value, XlErr):
            if ON_SERVER:
                import xlwings as xw

                raise xw.XlwingsError(value.message)
            if ON_COM:
                return _to_com(value)
        return value
    if ON_COM:
        values = [_to_com(v) for v in values]
    rows, cols = shape
    if cols == 1:
        return [[v] for v in values]
    return [values[r * cols : (r + 1) * cols] for r in range(rows)]


def elementwise(fn: Callable[..., object], *args: object) -> object:
    """Apply `fn` to each broadcast tuple of cell values; SubsidyError becomes an Excel error."""
    grids = [grid(a) for a in args]
    single = all(is_single(g) for g in grids)
    shape = shape_of(grids)
    if isinstance(shape, XlErr):
        return finish([shape], (1, 1), True)
    columns = [cells(g, shape) for g in grids]
    out: list[object] = []
    for row in zip(*columns, strict=True):
        try:
            out.append(fn(*row))
        except SubsidyError as exc:
            out.append(error_for(exc))
    return finish(out, shape, single)
