"""Evaluate a workbook that uses the worksheet functions, without Excel.

The ``formulas`` package (PyPI) is an Excel formula engine in Python. Registering our
functions in it lets a real xlsx with ``=SUBSIDY_CAP(A2,C2)``, ``=SUM(E2:E40)`` and array
formulas compute exactly as the add-in would: the tests use it, and ``make demo`` writes
the evaluated example ledger with it.

    python -m udfs.formulas_engine examples/台账_函数示例.xlsx --out out/台账_函数示例_计算结果.xlsx
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from subsidykit.workbooks.atomic import write_bytes_atomic

import udfs

from .cells import XlErr


def _cell_in(value: object) -> object:
    """A value as the functions see it: Python scalars, None for empty, XlErr for errors."""
    import schedula as sh
    from formulas.tokens.operand import XlError

    if value is sh.EMPTY:
        return None
    if isinstance(value, XlError):
        return XlErr(str(value)) if str(value) in ("#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#DIV/0!", "#NULL!") else None
    item = getattr(value, "item", None)
    if item is not None and not isinstance(value, str):
        return item()
    return value


def _arg_in(arg: object) -> object:
    value = getattr(arg, "value", arg)  # formulas' Ranges carry a 2-D numpy array
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 2:
        rows = [[_cell_in(c) for c in row] for row in value.tolist()]
        return rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else rows
    if hasattr(value, "tolist"):
        value = value.tolist()
    return _cell_in(value)


def _cell_out(value: object) -> object:
    from formulas.functions import Error

    if isinstance(value, XlErr):
        return Error.errors[str(value)]
    if value is None:
        return ""
    return value


def _wrap(fn: Callable[..., object]) -> Callable[..., object]:
    import numpy as np

    def call(*args: object) -> object:
        result = fn(*(_arg_in(a) for a in args))
        if isinstance(result, list):
            return np.array([[_cell_out(v) for v in row] for row in result], dtype=object)
        return _cell_out(result)

    call.__name__ = fn.__name__
    return call


def register() -> list[str]:
    """Make every worksheet function known to the `formulas` engine; returns their names."""
    import formulas

    table = formulas.get_functions()
    for name in udfs.__all__:
        table[name] = _wrap(getattr(udfs, name))
    return list(udfs.__all__)


def evaluate(path: str | Path) -> dict[tuple[str, str], object]:
    """Compute every formula of the workbook: {(sheet, "E2"): value}, values as Excel shows them."""
    import formulas

    register()
    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:  # formulas keys books by file name; read a private copy
        copy = Path(tmp) / "book.xlsx"
        copy.write_bytes(path.read_bytes())
        model = formulas.ExcelModel().loads(str(copy)).finish()
        solution = model.calculate()
    out: dict[tuple[str, str], object] = {}
    for ref, ranges in solution.items():
        book_sheet, _, cell_ref = ref.rpartition("!")
        sheet = book_sheet.split("]", 1)[-1].rstrip("'")
        value = getattr(ranges, "value", ranges)
        if not hasattr(value, "shape"):
            continue
        first_row, first_col, _ = _first_cell(cell_ref)
        for r, row in enumerate(value.tolist()):
            for c, cell in enumerate(row):
                out[(sheet.upper(), _a1(first_row + r, first_col + c))] = _cell_in(cell)
    return out


def _first_cell(ref: str) -> tuple[int, int, str]:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    first = ref.split(":")[0].replace("$", "")
    col, row = coordinate_from_string(first)
    return row, column_index_from_string(col), first


def _a1(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col)}{row}"


def value_at(results: dict[tuple[str, str], object], sheet: str, cell: str) -> object:
    return results.get((sheet.upper(), cell.upper()))


def write_evaluated(path: str | Path, out: str | Path) -> int:
    """A copy of the workbook with each formula cell replaced by its computed value.

    Styles, widths and the other cells stay; each replaced cell gets a comment holding its
    formula. The input file is not touched; the output is written atomically. Returns the
    number of formula cells evaluated.
    """
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.worksheet.formula import ArrayFormula

    results = evaluate(path)
    wb = openpyxl.load_workbook(path)
    count = 0
    for ws in wb.worksheets:
        arrays: dict[str, str] = {}
        for row in ws.iter_rows():
            for cell in row:
                formula = cell.value
                if isinstance(formula, ArrayFormula):
                    arrays[cell.coordinate] = formula.ref
                    formula = "{" + formula.text + "}"
                if not (isinstance(formula, str) and formula.startswith("=") or isinstance(cell.value, ArrayFormula)):
                    continue
                value = value_at(results, ws.title, cell.coordinate)
                if isinstance(value, XlErr):
                    value = str(value)
                cell.value = value
                cell.comment = Comment(f"公式：{formula}", "专项资金助手")
                count += 1
        for anchor, ref in arrays.items():  # the other cells an array formula spills into
            for row in ws[ref]:
                for cell in row:
                    if cell.coordinate != anchor:
                        value = value_at(results, ws.title, cell.coordinate)
                        cell.value = str(value) if isinstance(value, XlErr) else value
    buf = io.BytesIO()
    wb.save(buf)
    write_bytes_atomic(Path(out), buf.getvalue())
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="用 formulas 公式引擎计算含专项资金函数的工作簿（不需要 Excel）")
    ap.add_argument("workbook")
    ap.add_argument("--out", required=True, help="写出计算结果（公式替换为值，批注中保留公式）")
    args = ap.parse_args(argv)
    n = write_evaluated(args.workbook, args.out)
    print(f"已计算 {n} 个公式单元格，结果写入 {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
