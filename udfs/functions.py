"""The worksheet functions (=SUBSIDY_CAP and friends): thin adapters over the engine.

One module serves desktop Excel (xlwings add-in, COM: ``xw.func`` registers the
function under the category 专项资金) and Excel on the web or Mac (xlwings Server,
Office.js: the same decorator publishes the metadata). Outside both, ``xw.func`` leaves
the functions as plain Python, which is how the tests and the ``formulas`` engine call
them.

No rule lives here: amounts, conditions and facts come from ``subsidykit``; this module
only reads cells, broadcasts ranges and turns engine errors into Excel error values
(see ``udfs.cells``).

Every argument is bounded before the engine sees it and every row is guarded
(``udfs.cells.guarded``): a function returns a number, a text, TRUE/FALSE, empty or an
Excel error value, never an exception, inf/NaN or a negative amount. The bounds are those
of ``subsidykit.rules.parsing`` (amounts up to 10^12 万元, else #NUM!; years 1900–2100; counts
0–1,000,000; text up to 1000 characters) plus names up to ``MAX_NAME`` characters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import xlwings as xw

from subsidykit.rules import amounts, uscc
from subsidykit.rules.amounts import FastCap, cap, cap_values, fast_amounts, fast_cap_named, limit_of, rate_of
from subsidykit.rules.drafts import DRAFT_WORD, is_draft, mark
from subsidykit.errors import BadInputError, SubsidyError, UnknownProgramError
from subsidykit.rules.lookup import find_program
from subsidykit.rules.parsing import optional_year, parse_amount_wan, parse_bool, shown
from subsidykit.rules.programs import KIND_ZH, list_programs, num, program_info
from subsidykit.rules.sampling import sample_size
from subsidykit.rules.findings import INFO
from subsidykit.rules.review import OTHER_THAN_CONDITIONS, ProjectReview, review_project
from subsidykit.rules.vocabulary import canonical_field

from .cells import (
    Grid,
    XlErr,
    log,
    bad_cell,
    blank,
    cells,
    clean_column,
    elementwise,
    error_for,
    finish,
    first_bad,
    grid,
    guarded,
    is_single,
    range_cell,
    shape_of,
    spill,
)
from .register_cells import register_url, review_register

CATEGORY = "专项资金"
PASS = "通过"

__all__ = [
    "CHECK_ROW",
    "CHECK_THRESHOLD",
    "PROGRAMS",
    "PROGRAM_INFO",
    "SUBSIDY_CAP",
    "SUBSIDY_EXPLAIN",
    "SUBSIDY_LIMIT",
    "SUBSIDY_RATE",
    "TO_WAN",
    "USCC_VALID",
    "VERIFY_SAMPLE_SIZE",
]

# Argument help shown by the function wizard (desktop) and Office.js (server).
DOC_PROGRAM = "项目：编号或“年度/项目名称[/子类]”，如 2023/智能制造示范工厂项目；可选一列"
DOC_BASE = (
    "计算基数（万元）：如项目总投入；可写 1.2亿、3000万元；不超过 10^12 万元（否则 #NUM!）；可选一列。"
    "多项合计的项目（各分项基数不同）写成 软硬件投入=1000；贷款利息=100（用 ；;，, 或换行分隔）"
)
DOC_VARIANT = "可选：子类，如 重大技术改造项目（分档项目必填）；多项合计的项目写分项名称（如 软硬件投入）只计该分项"
DOC_COUNT = (
    "可选：数量，0 至 1000000 的整数：按数量补助的项目（个、家、人），或金额按单个计的项目（单个装备、每家企业 …）"
    "乘以数量；其他项目给出数量为 #VALUE!"
)
DOC_PART_LABELS = "可选：分项名称（表头一行，如 软硬件投入、贷款利息），与 part_values 一起给出多项合计项目的各分项基数"
DOC_PART_VALUES = "可选：与分项名称对应的一行基数（万元）；可选多行，每行返回一个结果；空单元格的分项按 0 计"
DOC_YEAR = "可选：年度，如 2023（1900 至 2100；项目名称已含年度时可省略）"

MAX_NAME = 200  # characters of a program or 子类 name; longer ones are #NAME? at once


def _text(value: object) -> str | None:
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    elif type(value) is int and abs(value) >= 10**15:  # type: ignore[arg-type]
        raise BadInputError("数值过大，不是可识别的名称或文字")  # str() of a huge int is slow, or refused
    return str(value).strip()


def _name(value: object, what: str = "项目名称") -> str | None:
    """A program or 子类 name cell as text; an overlong one cannot be a name (#NAME?)."""
    text = _text(value)
    if text is not None and len(text) > MAX_NAME:
        raise UnknownProgramError(f"{what}过长（{len(text)} 个字符，超过 {MAX_NAME} 个），无法识别")
    return text


# --- amounts ------------------------------------------------------------------------------

def _cap_one(
    program: object, base: object, variant: object, count: object, year: object, parts: dict[str, object] | None = None
) -> object:
    if blank(program):
        return None
    try:
        award = cap(_name(program), base, variant=_name(variant, "子类"), count=count, year=optional_year(year), bases=parts)
    except BadInputError:
        if blank(base) and blank(count) and not parts:
            return None  # the row's base is not typed in yet: stay empty, not an error
        raise
    return float(award.amount)


def label_records(labels: object, values: object, mismatch: str):
    """(labels, value rows) of a labels range and a values range (CHECK_ROW, the parts of
    SUBSIDY_CAP), or the error result to return: labels and values may also stand as two
    columns (one record)."""
    lab = [v for r in grid(labels) for v in r]
    bad = first_bad(lab)
    if bad is not None:
        return finish([bad], (1, 1), True)
    rows = grid(values)
    if len(rows) == len(lab) and all(len(r) == 1 for r in rows) and len(lab) > 1:
        rows = [[r[0] for r in rows]]  # labels and values given as two columns: one record
    if any(type(r) is not list or len(r) != len(lab) for r in rows):
        return finish([XlErr("#VALUE!", mismatch.format(n=len(lab)))], (1, 1), True)
    return lab, rows


def _with_parts(
    one: Callable[..., object],
    program: object,
    base: object,
    variant: object,
    count: object,
    year: object,
    part_labels: object,
    part_values: object,
) -> object:
    """The parts of a combined award as a labels row and a values range (as CHECK_ROW): one result
    per values row; program, base, variant, count and year a single cell or a column of that length."""
    records = label_records(part_labels, part_values, "分项名称有 {n} 个，分项基数每行的个数须相同")
    if not isinstance(records, tuple):
        return records
    lab, rows = records
    others = [grid(a) for a in (program, base, variant, count, year)]
    for g in others:
        if not is_single(g) and (len(g) != len(rows) or len(g[0]) != 1):
            return finish([XlErr("#VALUE!", "项目、基数、子类、数量、年度须为单个单元格或与分项基数行数相同的一列")], (1, 1), True)

    def row_result(prog: object, b: object, v: object, c: object, y: object, *vals: object) -> object:
        if blank(prog) or all(blank(x) for x in vals):
            return None
        parts: dict[str, object] = {}
        for label, value in zip(lab, vals, strict=True):
            if blank(value):
                continue  # a part left empty: not given (the engine counts it 0 and says so)
            name = _text(label)
            if not name:
                raise BadInputError("分项基数所在列的分项名称为空")
            if name in parts:
                raise BadInputError(f"分项名称「{name}」出现了两次")
            parts[name] = value
        return one(prog, b, v, c, y, parts)

    def pick(g: list[list[object]], i: int) -> object:
        return g[0][0] if is_single(g) else g[i][0]

    out = [guarded(row_result, *(pick(g, i) for g in others), *row) for i, row in enumerate(rows)]
    return finish(out, (len(rows), 1), len(rows) == 1)


# program text -> FastCap.amount (None: no fast path), for the catalog in _FAST_AMOUNT_OF; that
# catalog is compared with the one `amounts` reads, so a reloaded catalog is never answered from here
_FAST_AMOUNT: dict[str, Callable[[object], float | None] | None] = {}
_FAST_AMOUNT_OF: list[object] = [None]
_FAST_AMOUNT_SIZE = 4096  # names remembered at most (then forgotten at once)


def _fast_amount(program: str) -> Callable[[object], float | None] | None:
    """The float amount function of a program typed in one cell (`fast_cap_named`), remembered."""
    cat = amounts.load_catalog()
    if _FAST_AMOUNT_OF[0] is not cat or len(_FAST_AMOUNT) >= _FAST_AMOUNT_SIZE:
        _FAST_AMOUNT.clear()
        _FAST_AMOUNT_OF[0] = cat
    if len(program) > MAX_NAME:
        return None  # #NAME? in the general form
    fast = fast_cap_named(program)
    amount = _FAST_AMOUNT[program] = fast.amount if fast is not None else None
    return amount


def _cap_column(program: str, bases: list[object], variant: str | None, year: int | None) -> list[object]:
    """cap_values over clean cells; should it ever raise, each cell on its own (errors per row)."""
    try:
        return cap_values(program, bases, variant=variant, year=year, on_error=error_for)
    except Exception:  # the worksheet boundary (see guarded): logged, answered per row
        log.exception("cap_values failed for %s", shown(program))
        return [guarded(_cap_one, program, b, variant, None, year) for b in bases]


@xw.func(category=CATEGORY)
@xw.arg("program", ndim=2, doc=DOC_PROGRAM)
@xw.arg("base", ndim=2, doc=DOC_BASE)
@xw.arg("variant", ndim=2, doc=DOC_VARIANT)
@xw.arg("count", ndim=2, doc=DOC_COUNT)
@xw.arg("year", ndim=2, doc=DOC_YEAR)
@xw.arg("part_labels", ndim=2, doc=DOC_PART_LABELS)
@xw.arg("part_values", ndim=2, doc=DOC_PART_VALUES)
def SUBSIDY_CAP(program, base, variant=None, count=None, year=None, part_labels=None, part_values=None):
    """按年度指南计算项目的最高补助金额（万元，四舍五入到元）。项目和基数可选整列，结果溢出为一列。多项合计项目的分项写在基数中（软硬件投入=1000；贷款利息=100）或用分项名称、分项基数两个区域；按单个装备、每家企业计的金额乘以数量。空单元格返回空；名称无法识别 #NAME?，指南未规定金额 #N/A，数值无法读取或参数不适用 #VALUE!，超过 10^12 万元 #NUM!；原因见 SUBSIDY_EXPLAIN。"""
    # the common single-cell case: the rules' float form of cap() answers where it is sure
    # (FastCap.amount: None for a base that is not a number, or where floats are not sure)
    if type(program) is str and variant is None and count is None and year is None and part_labels is None and part_values is None:
        try:
            amount = _FAST_AMOUNT[program]
        except KeyError:
            amount = _fast_amount(program)
        else:
            if _FAST_AMOUNT_OF[0] is not amounts.load_catalog():  # reloaded since
                amount = _fast_amount(program)
        if amount is not None:
            value = amount(base)  # type: ignore[operator]
            if value is not None:
                return value
    return _cap_cells(program, base, variant, count, year, part_labels, part_values)


def _cap_cells(program, base, variant, count, year, part_labels, part_values):  # type: ignore[no-untyped-def]
    """SUBSIDY_CAP beyond the single-cell fast path (kept apart: the fast path's frame stays small)."""
    if (part_labels is not None or part_values is not None) and _has_parts(part_labels, part_values):
        return _with_parts(_cap_one, program, base, variant, count, year, part_labels, part_values)
    grids = [grid(a) for a in (program, base, variant, count, year)]
    single = all(is_single(g) for g in grids)
    shape = shape_of(grids)
    if isinstance(shape, XlErr):
        return finish([shape], (1, 1), True)
    if single:
        return finish([guarded(_cap_one, *(g[0][0] for g in grids))], shape, True)
    p, b, v, c, y = grids
    bases = cells(b, shape)
    n = len(bases)
    if is_single(p) and is_single(v) and is_single(y) and is_single(c) and blank(c[0][0]):
        # one program for the whole column: one engine call, vectorised where it can be
        prog, var, yr = p[0][0], v[0][0], y[0][0]
        err = first_bad((prog, var, yr))  # an error cell shared by every row
        if err is None:
            if blank(prog):
                return finish([None] * n, shape, False)
            try:
                name, var_name, year_n = _name(prog), _name(var, "子类"), optional_year(yr)
            except SubsidyError as exc:
                err = error_for(exc)
        if err is not None:
            return finish([None if blank(x) else err for x in bases], shape, False)
        bad = [] if clean_column(bases) else [bad_cell(x) for x in bases]
        if any(e is not None for e in bad):
            clean = [None if e is not None else x for x, e in zip(bases, bad, strict=True)]
            out = _cap_column(name, clean, var_name, year_n)  # type: ignore[arg-type]
            out = [x if e is None else e for x, e in zip(out, bad, strict=True)]
        else:
            out = _cap_column(name, bases, var_name, year_n)  # type: ignore[arg-type]
        return finish(out, shape, False)
    if is_single(v) and is_single(c) and is_single(y):  # a ledger: a program column, a base column
        done = _cap_ledger(p, bases, v[0][0], c[0][0], y[0][0], shape)
        if done is not None:
            return done
    progs, variants, counts, years = (cells(g, shape) for g in (p, v, c, y))
    out: list[object] = [None] * n
    _cap_rows(progs, bases, variants, counts, years, range(n), out, not all(map(clean_column, (progs, bases, variants, counts, years))))
    return finish(out, shape, False)


def _cap_rows(
    progs: list[object],
    bases: list[object],
    variants: list[object],
    counts: list[object],
    years: list[object],
    rows: Sequence[int],
    out: list[object],
    check_rows: bool,
) -> None:
    """The range form's answers for `rows` (indices into the columns) into `out`: each row as the
    single-cell form answers it, the rows of one program (and 子类, year) computed together."""
    groups: dict[tuple[object, object, object], list[int]] = {}
    keys: dict[tuple[object, ...], tuple[object, object, object] | None] = {}  # the same cells, the same key
    for i in rows:
        prog = progs[i]
        row = (prog, bases[i], variants[i], counts[i], years[i])
        if check_rows:
            bad_row = first_bad(row)
            if bad_row is not None:
                out[i] = bad_row
                continue
        if blank(prog):
            continue
        if not blank(counts[i]):
            out[i] = guarded(_cap_one, *row)
            continue
        raw = (type(prog), prog, type(variants[i]), variants[i], type(years[i]), years[i])
        try:
            key = keys[raw]
        except KeyError:
            try:
                key = (_name(prog), _name(variants[i], "子类"), optional_year(years[i]))
            except SubsidyError:
                key = None
            keys[raw] = key
        except TypeError:  # an unhashable cell (already refused above, but never an exception)
            key = None
        if key is None:
            out[i] = guarded(_cap_one, *row)  # the same answer as the single-cell form
            continue
        groups.setdefault(key, []).append(i)
    for (prog, var, yr), idx in groups.items():
        values = _cap_column(prog, [bases[i] for i in idx], var, yr)  # type: ignore[arg-type]
        for i, value in zip(idx, values, strict=True):
            out[i] = value


# A ledger's columns: cells of these types are equal only when they mean the same (an XlErr is
# not a str, and 1 == 1.0 == True are not program cells here), so a dict keyed by the cell
# resolves each distinct program once.
_PROGRAM_CELLS = frozenset({str, type(None)})
_BLANK, _OTHER = -2, -1  # program codes of the ledger form besides FastCap indices


def _cap_ledger(p: Grid, bases: list[object], var: object, count: object, yr: object, shape: tuple[int, int]) -> object:
    """The range form for a column of programs, a column of bases and shared 子类, count and year
    cells (how a ledger is laid out), or None where the general form answers.

    Each distinct program cell is resolved once to its FastCap (`fast_cap_named`); the rows of
    all of them are computed in one vectorised pass (`fast_amounts`); the rows it is not sure
    of, and those of programs without a fast path, are answered by `_cap_rows` as the general
    form answers them, so every cell is what the general form gives."""
    if not blank(count) or first_bad((var, count, yr)) is not None:
        return None
    progs = cells(p, shape)
    if not set(map(type, progs)) <= _PROGRAM_CELLS:
        return None
    try:
        var_name, year_n = _name(var, "子类"), optional_year(yr)
    except SubsidyError:
        return None  # the general form answers the error in every row
    try:
        fasts: list[FastCap] = []
        code: dict[object, int] = {}
        for prog in set(progs):
            if bad_cell(prog) is not None:  # text beyond MAX_TEXT
                code[prog] = _OTHER
            elif blank(prog):
                code[prog] = _BLANK
            else:
                try:
                    fast = fast_cap_named(_name(prog), var_name, year_n)  # type: ignore[arg-type]
                except SubsidyError:  # a name beyond MAX_NAME
                    fast = None
                if fast is None:
                    code[prog] = _OTHER
                elif fast in fasts:
                    code[prog] = fasts.index(fast)
                else:
                    code[prog] = len(fasts)
                    fasts.append(fast)
        if not fasts:
            return None  # no program of the column has a fast path: the general form
        which = list(map(code.__getitem__, progs))
        out, todo = fast_amounts(fasts, which, bases)
        # a blank program's row is empty, unless its base is an error of its own (as in _cap_rows)
        rest = [i for i in todo if which[i] != _BLANK or bad_cell(bases[i]) is not None]
    except Exception:  # the worksheet boundary: the general form answers instead
        log.exception("the ledger form of SUBSIDY_CAP failed")
        return None
    if rest:
        n = len(progs)
        _cap_rows(progs, bases, [var] * n, [count] * n, [yr] * n, rest, out, True)
        for i in rest:
            out[i] = range_cell(out[i])
    return spill(out, shape)


def _explain_one(
    program: object, base: object, variant: object, count: object, year: object, parts: dict[str, object] | None = None
) -> object:
    if blank(program):
        return None
    try:
        return cap(
            _name(program), base, variant=_name(variant, "子类"), count=count, year=optional_year(year), bases=parts
        ).explanation
    except SubsidyError as exc:
        return f"{error_for(exc)} {exc.message}"


@xw.func(category=CATEGORY)
@xw.arg("program", ndim=2, doc=DOC_PROGRAM)
@xw.arg("base", ndim=2, doc=DOC_BASE)
@xw.arg("variant", ndim=2, doc=DOC_VARIANT)
@xw.arg("count", ndim=2, doc=DOC_COUNT)
@xw.arg("year", ndim=2, doc=DOC_YEAR)
@xw.arg("part_labels", ndim=2, doc=DOC_PART_LABELS)
@xw.arg("part_values", ndim=2, doc=DOC_PART_VALUES)
def SUBSIDY_EXPLAIN(program, base=None, variant=None, count=None, year=None, part_labels=None, part_values=None):
    """说明 SUBSIDY_CAP 的计算过程和指南出处（文件、行号）；不能计算时给出原因（文字）。参数与 SUBSIDY_CAP 相同，多项合计项目的分项同样可写在基数单元格中或用分项名称、分项基数两个区域。"""
    if _has_parts(part_labels, part_values):
        return _with_parts(_explain_one, program, base, variant, count, year, part_labels, part_values)
    return elementwise(_explain_one, program, base, variant, count, year)


def _has_parts(part_labels: object, part_values: object) -> bool:
    """True when the parts range arguments are given (an omitted or empty single cell is not)."""
    for arg in (part_labels, part_values):
        if arg is None:
            continue
        g = grid(arg)
        if not (is_single(g) and blank(g[0][0])):
            return True
    return False


def _rate_one(program: object, variant: object, year: object) -> object:
    if blank(program):
        return None
    return float(rate_of(_name(program), variant=_name(variant, "子类"), year=optional_year(year)).value)


@xw.func(category=CATEGORY)
@xw.arg("program", ndim=2, doc=DOC_PROGRAM)
@xw.arg("variant", ndim=2, doc=DOC_VARIANT)
@xw.arg("year", ndim=2, doc=DOC_YEAR)
def SUBSIDY_RATE(program, variant=None, year=None):
    """项目的补助比例（小数，如 0.1 即 10%，可设为百分比格式）。不按单一比例补助的项目返回 #N/A。"""
    return elementwise(_rate_one, program, variant, year)


def _limit_one(program: object, variant: object, year: object) -> object:
    if blank(program):
        return None
    return float(limit_of(_name(program), variant=_name(variant, "子类"), year=optional_year(year)).value)


@xw.func(category=CATEGORY)
@xw.arg("program", ndim=2, doc=DOC_PROGRAM)
@xw.arg("variant", ndim=2, doc=DOC_VARIANT)
@xw.arg("year", ndim=2, doc=DOC_YEAR)
def SUBSIDY_LIMIT(program, variant=None, year=None):
    """单个项目最高补助额（万元）；定额项目为定额。指南未规定上限的返回 #N/A。"""
    return elementwise(_limit_one, program, variant, year)


# --- conditions ---------------------------------------------------------------------------


def _check_one(program: object, field: object, value: object, year: object) -> object:
    if blank(program) or blank(field) or blank(value):
        return None
    sel = find_program(_name(program), year=optional_year(year))
    name = canonical_field(_text(field))
    rv = review_project(sel, {name: value}, strict=True, only_given=True)  # an unknown field name: #NAME?
    report = rv.report
    if not any(r.field == name for r in report.results):
        return f"{sel.label} 没有关于「{name}」的量化条件（该字段不是本项目的条件，未核对）"
    return _verdict_text(rv)


def _verdict_text(rv: ProjectReview) -> str:
    """The review in one cell: exactly 通过 when every condition was met and nothing else was
    found; else the verdict's summary and the findings about amounts and dates (as validate and 审核)."""
    others = [
        f"[{f.severity}] {f.message}"
        for f in rv.findings
        if f.code in OTHER_THAN_CONDITIONS or (f.code.startswith("HISTORY_") and f.severity != INFO)  # the register's, with sources
    ]
    text = PASS if rv.report.passed else rv.report.summary()
    return "；".join([text, *others])


@xw.func(category=CATEGORY)
@xw.arg("program", ndim=2, doc=DOC_PROGRAM)
@xw.arg("field", ndim=2, doc="条件字段，如 项目总投入、完工日期、软件投入、已投入比例")
@xw.arg("value", ndim=2, doc="该字段的数值、日期或文字；可选一列")
@xw.arg("year", ndim=2, doc=DOC_YEAR)
def CHECK_THRESHOLD(program, field, value, year=None):
    """核对一个量化条件：返回“通过”，或一句不通过的原因（含指南出处）。值为空时返回空。"""
    return elementwise(_check_one, program, field, value, year)


def row_values(labels: Sequence[object], row: Sequence[object]) -> dict[str, object]:
    """A header row and a values row as {label: value} (labels trimmed, columns without a label
    left out). The same field under two labels is refused, never the last one taken."""
    values: dict[str, object] = {}
    seen: dict[str, str] = {}  # canonical field -> its label
    for label, v in zip(labels, row, strict=True):
        if blank(label):
            continue
        key = str(label).strip()
        field = canonical_field(key)
        if field in seen:
            raise BadInputError(f"表头「{key}」与「{seen[field]}」是同一项（{field}），只能有一列")
        seen[field] = key
        values[key] = v
    return values


def _row_verdict(
    program: object, labels: list[object], row: list[object], year: object, only_given: bool, register: str | None = None
) -> object:
    if blank(program):
        return None
    if all(blank(v) for v in row):
        return None
    values = row_values(labels, row)
    sel = find_program(_name(program), year=optional_year(year))
    # the project register (register_cells): prior support not accepted, the same project funded
    history = review_register(register).history_for(values, sel, year=year) if register is not None else None
    rv = review_project(sel, values, strict=True, only_given=only_given, history=history)  # unknown labels: #NAME?
    report = rv.report
    text = _verdict_text(rv)
    if text == PASS:
        return PASS  # exactly 通过, so =IF(CHECK_ROW(…)="通过", …) works; the CLI says what was left out
    if report.unused:
        text += f"（未使用的列：{'、'.join(report.unused)}，不是本项目的条件）"
    return text


@xw.func(category=CATEGORY)
@xw.arg("program", ndim=2, doc=DOC_PROGRAM)
@xw.arg("labels", ndim=2, doc="表头一行（字段名称，如 项目总投入、完工日期）")
@xw.arg("values", ndim=2, doc="与表头对应的一行数值；可选多行，每行返回一个结果")
@xw.arg("year", ndim=2, doc=DOC_YEAR)
@xw.arg("only_given", ndim=2, doc="可选：TRUE 时只核对已填的字段（默认全部条件，缺少的列为“缺少数据”）")
def CHECK_ROW(program, labels, values, year=None, only_given=None):
    """用表头和一行数值核对项目的全部量化条件（含通知的申报基本条件）：全部满足返回“通过”，否则列出每一项不通过或缺少的条件。已配置项目登记簿时，同时按登记簿核对往年支持和验收（注明来源）。多行数值返回一列结果。"""
    records = label_records(labels, values, "表头有 {n} 列，数值行的列数须相同")
    if not isinstance(records, tuple):
        return records
    lab, rows = records
    progs, years, onlys = grid(program), grid(year), grid(only_given)
    for g in (progs, years, onlys):
        if not is_single(g) and (len(g) != len(rows) or len(g[0]) != 1):
            return finish([XlErr("#VALUE!", "项目、年度须为单个单元格或与数值行数相同的一列")], (1, 1), True)

    def pick(g: list[list[object]], i: int) -> object:
        return g[0][0] if is_single(g) else g[i][0]

    register = register_url()  # once for the whole range: the ribbon's 设置, else SUBSIDYKIT_DB

    def verdict(program: object, year: object, flag: object, *row: object) -> object:
        only = False if blank(flag) else _truthy(flag)
        return _row_verdict(program, lab, list(row), year, only, register)

    out = [guarded(verdict, pick(progs, i), pick(years, i), pick(onlys, i), *row) for i, row in enumerate(rows)]
    return finish(out, (len(rows), 1), len(rows) == 1)


def _truthy(value: object) -> bool:
    return value if isinstance(value, bool) else parse_bool(value)


# --- the catalog ----------------------------------------------------------------------------

PROGRAM_COLUMNS = ["编号", "年度", "项目名称", "补助方式", "补助比例", "最高（万元）", "支持数量", "免申直达"]


@xw.func(category=CATEGORY)
@xw.arg("year", doc="可选：年度，如 2023；空则列出全部年度")
@xw.arg("keyword", doc="可选：名称关键词，如 智能制造")
def PROGRAMS(year=None, keyword=None):
    """政策目录：列出项目（编号、年度、名称、补助方式、比例、最高额、支持数量），溢出为一张表，编号可直接用于其他函数。"""
    found = guarded(lambda y, k: list_programs(optional_year(y), _text(k)), year, keyword)
    if not isinstance(found, list):
        return finish([found], (1, 1), True)
    progs = found
    if not progs:
        return finish([XlErr("#N/A", "没有符合条件的项目")], (1, 1), True)
    table: list[list[object]] = [list(PROGRAM_COLUMNS)]
    for p in progs:
        if is_draft(p):  # a draft entry: marked, and its figures are not served (rules.drafts)
            figures: list[object] = [DRAFT_WORD] * 3
        else:
            figures = [num(p.rate), num(p.cap if p.cap is not None else p.fixed), num(p.quota.value) if p.quota else None]
        table.append([p.id, p.year, p.title + mark(p), KIND_ZH[p.kind], *figures, "是" if p.no_application else None])
    return table


def _info_one(program: object, field: object) -> object:
    if blank(program):
        return None
    try:
        return program_info(find_program(_name(program)), _text(field))
    except SubsidyError as exc:
        return f"错误：{exc.message}"


@xw.func(category=CATEGORY)
@xw.arg("program", ndim=2, doc=DOC_PROGRAM)
@xw.arg("field", ndim=2, doc="可选：信息项，如 来源、主办处室、联系电话、比例、最高、名额、条件、补助标准；空则返回摘要")
def PROGRAM_INFO(program, field=None):
    """项目的任一目录信息；“来源”给出指南文件、行号和原文。项目名称有误时返回出错原因（文字），便于查明其他函数的 #NAME?。"""
    return elementwise(_info_one, program, field)


# --- helpers --------------------------------------------------------------------------------


def _sample_one(n: object, year: object) -> object:
    if blank(n):
        return None
    return sample_size(n, year=optional_year(year)).size


@xw.func(category=CATEGORY)
@xw.arg("n", ndim=2, doc="推荐（申报）项目数：0 至 1000000 的整数")
@xw.arg("year", ndim=2, doc=DOC_YEAR)
def VERIFY_SAMPLE_SIZE(n, year=None):
    """真实性核查须核查的项目数（按通知的抽查比例）。项目数须为 0 至 1000000 的整数，年度 1900 至 2100，否则返回 #VALUE!。"""
    return elementwise(_sample_one, n, year)


def _uscc_one(code: object) -> object:
    if blank(code):
        return None
    return uscc.is_valid(_text(code))


@xw.func(category=CATEGORY)
@xw.arg("code", ndim=2, doc="统一社会信用代码（18 位）；可选一列")
def USCC_VALID(code):
    """统一社会信用代码是否有效（GB 32100-2015：字符集、长度和第 18 位校验码）。返回 TRUE/FALSE，空单元格返回空。"""
    return elementwise(_uscc_one, code)


def _wan_one(text: object, unit: object) -> object:
    if blank(text):
        return None
    u = _text(unit) or "万元"
    if u not in ("万元", "元", "亿元", "千元", "万", "亿"):
        raise BadInputError(f"单位应为 元、千元、万元 或 亿元：{shown(u)}")
    u = {"万": "万元", "亿": "亿元"}.get(u, u)
    amount = parse_amount_wan(text, default_unit=u)  # at most 10^12 万元, else OutOfRangeError (#NUM!)
    if amount < 0:
        raise BadInputError(f"金额不能为负数：{shown(text)}")
    return float(amount) + 0.0


@xw.func(category=CATEGORY)
@xw.arg("text", ndim=2, doc="金额，如 1.2亿、3,500万元、１２０００、1200000元；可选一列")
@xw.arg("unit", ndim=2, doc="可选：不带单位的数字按此单位读（元、万元、亿元），默认万元")
def TO_WAN(text, unit=None):
    """把金额文字换算为万元（数字）：识别 亿、万、元、千分位和全角数字。无法识别或为负数返回 #VALUE!，超过 10^12 万元返回 #NUM!。"""
    return elementwise(_wan_one, text, unit)
