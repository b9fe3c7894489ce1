"""政策匹配 in cells: =ELIGIBLE_PROGRAMS(labels, values, [year], [status]) and
=BEST_PROGRAM(labels, values, [year]) (issue 16).

Thin adapters over `subsidykit.rules.matching.match`: the header row and the values row are
read as CHECK_ROW reads them (`functions.label_records`, `functions.row_values`), the engine
decides every status and amount, and this module only lays the answer out in cells. The
program names written are those a clerk types (`lookup.typing_label`), so a cell of the table
or the answer of BEST_PROGRAM can be passed to SUBSIDY_CAP as it is.

The ribbon button 政策匹配 (`macros.matching`) writes the same table, with the failing
conditions and citations, to a new sheet; `match_table` and `profile_year` are shared with it.
"""

from __future__ import annotations

from collections.abc import Mapping

import xlwings as xw

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.rules.lookup import typing_label
from subsidykit.rules.matching import STATUS_ZH, UNKNOWN, MatchResult, MatchSummary, ProgramMatch, best_of, match, parse_statuses, values_year
from subsidykit.rules.parsing import optional_year

from .cells import XlErr, blank, finish, grid, guarded, is_single
from .functions import CATEGORY, label_records, row_values

__all__ = ["BEST_PROGRAM", "ELIGIBLE_PROGRAMS"]

TABLE_HEADER = ["项目", "子类", "结论", "最高补助", "待补字段"]

DOC_LABELS = "表头一行（字段名称，如 项目总投入、软件投入、完工日期、成立日期、注册地省份）；也可与数值并列为两列"
DOC_MATCH_YEAR = "可选：指南年度，如 2023；空则取数值中的「申报年度」，再空则为最新年度"
DOC_BEST_YEAR = DOC_MATCH_YEAR + "；可选与数值行数相同的一列"
DOC_STATUS = "可选：列出哪些结论：符合、待补充、不符合（或 eligible、unknown、ineligible），逗号分隔；默认 符合,待补充"


def profile_year(year: object, values: Mapping[str, object]) -> int | None:
    """The year to match in: the argument, else the profile's own 申报年度, else None (the
    engine's newest year)."""
    y = optional_year(year)
    return y if y is not None else values_year({k: v for k, v in values.items() if not blank(v)})


def program_name(m: ProgramMatch, catalog: Catalog, *, with_variant: bool = False) -> str:
    """The name to type for the match's program (with its 子类: `with_variant`), unique in the
    catalog: SUBSIDY_CAP(name, base[, 子类]) finds exactly this program."""
    sel = m.selection
    return typing_label(catalog, sel.program, sel.variant if with_variant else None)


def amount_cell(m: ProgramMatch) -> float | str:
    """最高补助: the amount in 万元 for a grant where the engine computed one; else its words
    (a loan or guarantee limit is never a number here, so =SUM never adds it to grants)."""
    if m.amount is not None and m.grant:
        return float(m.amount)
    return m.amount_text


def to_fill(m: ProgramMatch) -> str | None:
    """待补字段: the fields to fill; else, for a 待补充 without fields, why it stays open."""
    if m.missing:
        return "、".join(m.missing)
    if m.conflicts:
        return "数据互相矛盾：" + "；".join(m.conflicts)
    return m.note or None


def _row_profile(labels: list[object], row: list[object]) -> dict[str, object] | None:
    """{label: value} of the non-blank cells of a values row; None for a row not typed in yet."""
    if all(blank(v) for v in row):
        return None
    values = {k: v for k, v in row_values(labels, row).items() if not blank(v)}
    return values or None  # values only under columns without a label: nothing typed in


def match_row(labels: list[object], row: list[object], year: object, catalog: Catalog) -> MatchResult | None:
    """The engine's match of one header row and values row; None for a row not typed in yet."""
    values = _row_profile(labels, row)
    if values is None:
        return None
    return match(values, profile_year(year, values), catalog=catalog)


def best_row(labels: list[object], row: list[object], year: object, catalog: Catalog) -> MatchSummary | None:
    """`match_row`'s year, best program and counts (`rules.matching.best_of`: only the candidates
    that can be 符合 are reviewed); None for a row not typed in yet."""
    values = _row_profile(labels, row)
    if values is None:
        return None
    return best_of(values, profile_year(year, values), catalog=catalog)


def match_table(result: MatchResult, statuses: tuple[str, ...], catalog: Catalog) -> list[list[object]]:
    """The rows of ELIGIBLE_PROGRAMS (header first), in the engine's order."""
    rows: list[list[object]] = [list(TABLE_HEADER)]
    for m in result.of_status(*statuses):
        rows.append([program_name(m, catalog), m.variant, m.status_zh, amount_cell(m), to_fill(m)])
    return rows


def _one_row(labels: object, values: object) -> tuple[list[object], list[object]] | object:
    """(labels, the values row), or the error result: ELIGIBLE_PROGRAMS spills a table, so one row."""
    records = label_records(labels, values, "表头有 {n} 列，数值行的列数须相同")
    if not isinstance(records, tuple):
        return records
    lab, rows = records
    if len(rows) != 1:
        return finish([XlErr("#VALUE!", f"数值有 {len(rows)} 行：ELIGIBLE_PROGRAMS 只核对一行（结果是一张表）；多行请逐行写公式，或用 BEST_PROGRAM")], (1, 1), True)
    return lab, rows[0]


def _cell_arg(arg: object, what: str) -> object:
    """The one cell of an argument that must be a single cell (year, status), or #VALUE!."""
    g = grid(arg)
    if not is_single(g):
        return XlErr("#VALUE!", f"{what}须为单个单元格")
    return g[0][0]


@xw.func(category=CATEGORY)
@xw.arg("labels", ndim=2, doc=DOC_LABELS)
@xw.arg("values", ndim=2, doc="与表头对应的一行数值（申报单位和项目的数据；只能一行）")
@xw.arg("year", ndim=2, doc=DOC_MATCH_YEAR)
@xw.arg("status", ndim=2, doc=DOC_STATUS)
def ELIGIBLE_PROGRAMS(labels, values, year=None, status=None):
    """政策匹配：用表头和一行数值核对该年度全部项目（含子类），溢出一张表：项目、子类、结论、最高补助（万元）、待补字段。默认列出符合和待补充，符合在前、金额从高到低；贷款、担保等额度不是补助，只写文字。没有这样的项目返回 #N/A。"""
    one = _one_row(labels, values)
    if not isinstance(one, tuple):
        return one
    lab, row = one

    def table(year: object, status: object, *row: object) -> object:
        statuses = parse_statuses(None if blank(status) else str(status).strip())
        cat = load_catalog()
        result = match_row(lab, list(row), year, cat)
        if result is None:
            return None
        rows = match_table(result, statuses, cat)
        if len(rows) == 1:
            wanted = "或".join(STATUS_ZH[s] for s in statuses)
            return XlErr("#N/A", f"{result.year} 年度没有结论为{wanted}的项目")
        return rows

    out = guarded(table, _cell_arg(year, "年度"), _cell_arg(status, "结论参数"), *row)
    if isinstance(out, list):
        return finish([c for r in out for c in r], (len(out), len(TABLE_HEADER)), False)
    return finish([out], (1, 1), True)


@xw.func(category=CATEGORY)
@xw.arg("labels", ndim=2, doc=DOC_LABELS)
@xw.arg("values", ndim=2, doc="与表头对应的一行数值；可选多行，每行返回一个结果")
@xw.arg("year", ndim=2, doc=DOC_BEST_YEAR)
def BEST_PROGRAM(labels, values, year=None):
    """同一申报单位原则上只能申报一个项目：返回全部条件均满足、补助最高的项目名称（含子类，可直接用于 SUBSIDY_CAP 等函数）；没有全部满足的补助项目返回 #N/A。多行数值返回一列结果，空行返回空。"""
    records = label_records(labels, values, "表头有 {n} 列，数值行的列数须相同")
    if not isinstance(records, tuple):
        return records
    lab, rows = records
    years = grid(year)
    if not is_single(years) and (len(years) != len(rows) or len(years[0]) != 1):
        return finish([XlErr("#VALUE!", "年度须为单个单元格或与数值行数相同的一列")], (1, 1), True)

    def best(year: object, *row: object) -> object:
        cat = load_catalog()
        result = best_row(lab, list(row), year, cat)
        if result is None:
            return None
        if result.best is None:
            open_ = result.counts[UNKNOWN]
            more = f"；另有 {open_} 个项目待补充数据，用 ELIGIBLE_PROGRAMS 查看" if open_ else ""
            return XlErr("#N/A", f"{result.year} 年度没有全部条件均满足的补助项目{more}")
        return program_name(result.best, cat, with_variant=True)

    # a column copied down repeats rows: each distinct (year, row) is matched once
    seen: dict[tuple, object] = {}
    out = []
    for i, row in enumerate(rows):
        args = (years[0][0] if is_single(years) else years[i][0], *row)
        key = _row_key(args)
        if key is None:
            out.append(guarded(best, *args))
            continue
        if key not in seen:
            seen[key] = guarded(best, *args)
        out.append(seen[key])
    return finish(out, (len(rows), 1), len(rows) == 1)


def _row_key(args: tuple) -> tuple | None:
    """A key telling equal rows apart exactly (type and value of each cell, and the message of an
    error value passed in), or None when a cell is of a kind that cannot be a key (the row is then
    matched on its own)."""
    try:
        key = tuple((type(v), v, getattr(v, "message", None)) for v in args)
        hash(key)
    except TypeError:
        return None
    return key
