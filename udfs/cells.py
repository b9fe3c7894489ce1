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

import datetime as dt
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import chain
from typing import Self

from subsidykit.errors import (
    NoAmountError,
    SubsidyError,
    UnknownProgramError,
)
from subsidykit.rules.parsing import MAX_TEXT, OutOfRangeError, is_blank, shown
from subsidykit.rules.thresholds import UnknownFieldError

log = logging.getLogger(__name__)

MAX_CELL_TEXT = 32767  # Excel's limit for one cell
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in a cell (tab and newlines are)

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
        obj.message = _cell_text(message or code, 2000)
        return obj

    def __repr__(self) -> str:
        return f"XlErr({str(self)!r}, {self.message!r})"


def error_for(exc: SubsidyError) -> XlErr:
    """The Excel error an engine error shows as.

    #NAME? the program (or its 子类), or a field name, cannot be identified; #N/A the guide gives no amount
    to compute (另行通知, 认定, a loan limit); #NUM! a number beyond the bounds of
    `subsidykit.rules.parsing` (an amount above 10^12 万元); #VALUE! a value cannot be read.
    """
    if isinstance(exc, (UnknownProgramError, UnknownFieldError)):  # also ambiguous names and a missing 子类
        return XlErr("#NAME?", exc.message)
    if isinstance(exc, NoAmountError):
        return XlErr("#N/A", exc.message)
    if isinstance(exc, OutOfRangeError):
        return XlErr("#NUM!", exc.message)
    return XlErr("#VALUE!", exc.message)


def _cell_text(text: str, limit: int = MAX_CELL_TEXT) -> str:
    """Text a cell can hold: control characters replaced, at most `limit` characters."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if _CONTROL.search(text):
        text = _CONTROL.sub("?", text)
    return text


# --- one cell in, one row through -----------------------------------------------------------

_SCALAR_TYPES = (str, int, float, bool, Decimal, dt.date, dt.time, type(None))
_HUGE_INT = 10**308


def bad_cell(value: object) -> XlErr | None:
    """The error a cell argument answers with by itself, or None when it can be read.

    An Excel error value passed in is passed on (as every Excel function does); a text
    longer than MAX_TEXT characters and anything that is not a cell value (a nested list,
    a dict, bytes...) is #VALUE!.
    """
    t = type(value)
    if t is float or value is None:
        return None
    if t is int:  # no Excel number is beyond 1.8e308: a bigger int is out of every range
        if -_HUGE_INT <= value <= _HUGE_INT:  # type: ignore[operator]
            return None
        return XlErr("#NUM!", "数值超出范围")
    if t is XlErr:
        return value  # type: ignore[return-value]
    if t is str:
        if len(value) > MAX_TEXT:  # type: ignore[arg-type]
            return XlErr("#VALUE!", f"文字过长（{len(value)} 个字符，单元格参数不超过 {MAX_TEXT} 个）")  # type: ignore[arg-type]
        return None
    if isinstance(value, XlErr):
        return value
    if isinstance(value, _SCALAR_TYPES):
        return bad_cell(str(value)) if isinstance(value, str) else None
    return XlErr("#VALUE!", f"无法识别的单元格值（{shown(type(value).__name__)}）")


_PLAIN_TYPES = frozenset({float, int, bool, type(None), str})


def clean_column(values: Sequence[object]) -> bool:
    """True when no cell of the column needs `bad_cell` (checked at C speed for the usual columns)."""
    types = set(map(type, values))
    if not types <= _PLAIN_TYPES:
        return False
    if int in types and any(not -_HUGE_INT <= v <= _HUGE_INT for v in values if type(v) is int):  # type: ignore[operator]
        return False
    return str not in types or max(len(v) for v in values if type(v) is str) <= MAX_TEXT  # type: ignore[arg-type]


def first_bad(values: Sequence[object]) -> XlErr | None:
    for v in values:
        bad = bad_cell(v)
        if bad is not None:
            return bad
    return None


def guarded(fn: Callable[..., object], *args: object) -> object:
    """fn(*args) for one row of cells, never an exception.

    An error or unreadable cell among the arguments is the answer; engine errors become
    their Excel error values; anything else unexpected becomes #VALUE! for this row only
    (and is logged), so one bad cell never fails a whole column.
    """
    bad = first_bad(args)
    if bad is not None:
        return bad
    try:
        return fn(*args)
    except SubsidyError as exc:
        return error_for(exc)
    except Exception:  # the worksheet boundary: a bug must not take the column down with it
        log.exception("worksheet function %s failed on %s", getattr(fn, "__name__", fn), [shown(a) for a in args])
        return XlErr("#VALUE!", "无法处理该值（内部错误，已记录）")


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
        if set(map(type, value)) == {list}:  # at C speed: 10,000 rows of a column
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
    if any(not g[0] for g in grids):
        return XlErr("#VALUE!", "区域为空")
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
    if shape[1] == 1:  # a column (shape_of checked every row has one cell)
        return [x for x, in g]
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


def _safe(value: object) -> object:
    """A result Excel can hold: no inf/NaN (#NUM!), no -0.0, text a cell can take."""
    t = type(value)
    if t is float:
        if value - value != 0.0:  # type: ignore[operator]  # inf or NaN
            return XlErr("#NUM!", "结果超出数值范围")
        return value + 0.0  # type: ignore[operator]  # -0.0 -> 0.0
    if t is str:
        return _cell_text(value)  # type: ignore[arg-type]
    return value


def range_cell(value: object) -> object:
    """One result cell of a range as `finish` gives it (see `_safe`; a COM error variant on desktop)."""
    if type(value) is not float or value - value != 0.0 or value == 0.0:  # type: ignore[operator]
        value = _safe(value)
    return _to_com(value) if ON_COM else value


def spill(values: list[object], shape: tuple[int, int]) -> list[list[object]]:
    """Flat result cells (each as `range_cell` gives it) shaped as the range."""
    rows, cols = shape
    if cols == 1:
        return [[v] for v in values]
    return [values[r * cols : (r + 1) * cols] for r in range(rows)]


def finish(values: list[object], shape: tuple[int, int], single: bool) -> object:
    """Shape the flat results for Excel and turn errors into what this host shows."""
    values = [v if type(v) is float and v - v == 0.0 and v != 0.0 else _safe(v) for v in values]  # type: ignore[operator]
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
    return spill(values, shape)


def elementwise(fn: Callable[..., object], *args: object) -> object:
    """Apply `fn` to each broadcast tuple of cell values (see `guarded`): never an exception."""
    grids = [grid(a) for a in args]
    single = all(is_single(g) for g in grids)
    shape = shape_of(grids)
    if isinstance(shape, XlErr):
        return finish([shape], (1, 1), True)
    columns = [cells(g, shape) for g in grids]
    if single:
        return finish([guarded(fn, *columns_row(columns))], shape, single)
    # a column repeats itself (one program name in 10,000 rows): each distinct row is computed
    # once per call; the types are part of the key, since 1 == 1.0 == True
    memo: dict[tuple, object] = {}
    out: list[object] = []
    for row in zip(*columns, strict=True):
        key = row + tuple(map(type, row))
        try:
            value = memo[key]
        except KeyError:
            value = memo[key] = guarded(fn, *row)
        except TypeError:  # an unhashable cell
            value = guarded(fn, *row)
        out.append(value)
    return finish(out, shape, single)


def columns_row(columns: list[list[object]]) -> tuple[object, ...]:
    return tuple(col[0] for col in columns)
