"""Checking one submitted application workbook: small named checks, findings that point at the cell.

Each check is a function over a :class:`Context` (the parsed submission, the program it
applies for, the batch year) yielding :class:`~subsidykit.rules.findings.Finding`s with a
stable code, a severity (错误/警告/提示), where (file, sheet, cell, field), a Chinese message
and, where a rule of the catalog decides, its citation.  Rules come only from the catalog and
the engine (:mod:`subsidykit.rules.thresholds`, :mod:`subsidykit.rules.amounts`); this module
only decides how a result is reported.  The project's own review (conditions, cap, amounts,
dates) is :func:`subsidykit.rules.review.review_project`, the same one `check`, the cells and
the 审核 sheet use; here its findings are placed on the form's cells.

Entry points: :func:`validate_file` (a path), :func:`validate_sheets` (in-memory sheets, for
an Excel macro), :func:`check_submission` (a parsed submission).  Checks across files are
:mod:`subsidykit.validation.batch`; many files in parallel, :mod:`subsidykit.validation.pool`.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.records import Source
from subsidykit.errors import BadInputError, RegisterError, SubsidyError, UnknownProgramError
from subsidykit.rules.batch import Project as Facts
from subsidykit.rules.findings import ERROR, INFO, WARNING, Finding, severity_of
from subsidykit.rules.lookup import Selection, find_program, require_variant
from subsidykit.rules.matching import other_programs_finding
from subsidykit.rules.parsing import optional_year
from subsidykit.rules.regions import city_of_text, city_of_uscc
from subsidykit.rules.review import ProjectReview, review_project
from subsidykit.rules.thresholds import parse_value
from subsidykit.rules.uscc import normalise as uscc_normalise
from subsidykit.rules.uscc import problem as uscc_problem
from subsidykit.rules.vocabulary import field_units
from subsidykit.validation.results import FileResult
from subsidykit.workbooks.form_model import BATCH_COUNTED, REQUIRED_FIELDS
from subsidykit.workbooks.safe import DEFAULT_LIMITS, Limits, UnreadableWorkbook
from subsidykit.workbooks.submissions import Submission, read_sheets, read_submission

# what is read (by content: an .xls saved as .xlsx still reads); .xlsb/.et are named so that
# they are told apart from "not a workbook" in the message the reader gives
READ_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
WORKBOOK_SUFFIXES = (*READ_SUFFIXES, ".xltx", ".xltm", ".xlt", ".xlsb", ".et", ".ett", ".ots", ".fods")


# --- context -----------------------------------------------------------------------------


@dataclass
class Context:
    sub: Submission
    catalog: Catalog
    year: int | None = None  # the batch's year (--year), a default for files without one
    selection: Selection | None = None
    program_error: bool = False
    parsed: dict[str, object] = field(default_factory=dict)  # canonical -> parsed value
    bad: set[str] = field(default_factory=set)  # fields already reported unreadable
    review: ProjectReview | None = None
    # (values, selection, file) -> rules.history.History or None: the project register's answer
    # about the applicant (None: no register configured, the review as without one)
    history: Callable[[Mapping[str, object], Selection, str], object] | None = None

    def finding(self, code: str, message: str, name: str | None = None, source: Source | None = None, *, severity: str | None = None) -> Finding:
        loc = self.sub.get(name) if name else None
        return Finding(
            code,
            severity or severity_of(code),
            message,
            name,
            loc.cell if loc else None,
            source,
            file=self.sub.file,
            sheet=loc.sheet if loc else None,
        )

    def amount(self, name: str) -> Decimal | None:
        v = self.parsed.get(name)
        return v if isinstance(v, Decimal) and name not in self.bad else None


Check = Callable[[Context], Iterable[Finding]]


def _parse(unit: str, value: object):
    """The engine's reading of a value, except that text is kept as typed (for messages)."""
    return str(value) if unit == "文本" else parse_value(unit, value)


# --- per-file checks ------------------------------------------------------------------------


def check_cells(ctx: Context) -> Iterator[Finding]:
    """FORMULA_UNCACHED / CELL_ERROR: answers that cannot be read as they stand."""
    for name, loc in ctx.sub.fields.items():
        if loc.status == "uncached":
            yield ctx.finding(
                "FORMULA_UNCACHED",
                f"{loc.label}：单元格 {loc.cell} 是未计算的公式（{loc.value}），无法读取其数值；"
                "请在 Excel/WPS 中打开、重新计算并保存后再提交",
                name,
            )
        elif loc.status == "error":
            yield ctx.finding("CELL_ERROR", f"{loc.label}：单元格 {loc.cell} 为错误值 {loc.value}，请更正", name)


MAX_LISTED = 20  # formula cells named one by one; the rest are counted


def check_formulas(ctx: Context) -> Iterator[Finding]:
    """FORMULA_EXTERNAL: a DDE link (cmd|' /C calc'!A0), a reference to another workbook, a web
    call or a hyperlink out of the workbook, cached value or not: opening the file in Excel may
    run or fetch it, so the form is not accepted as it stands.  FORMULA_PRESENT: other formulas
    are read by the value saved with them, said once per file."""
    sub = ctx.sub
    external = [f for f in sub.formulas if f.external]
    for f in external[:MAX_LISTED]:
        yield Finding(
            "FORMULA_EXTERNAL",
            ERROR,
            f"{f.sheet}!{f.cell} 的公式含{f.external}（{_clip(f.text)}），打开时可能执行程序或访问外部；"
            "请改为直接填写数值后重新提交（标注副本只保留数值）",
            cell=f.cell,
            file=sub.file,
            sheet=f.sheet,
        )
    if len(external) > MAX_LISTED:
        yield Finding("FORMULA_EXTERNAL", ERROR, f"另有 {len(external) - MAX_LISTED} 个单元格的公式含外部链接或 DDE", file=sub.file)
    for part in sub.external_links:
        yield Finding("FORMULA_EXTERNAL", ERROR, f"工作簿含外部链接（{_clip(part)}），请断开链接、改为数值后重新提交", file=sub.file)
    plain = [f for f in sub.formulas if not f.external and f.cached]
    if plain:
        where = "、".join(f"{f.sheet}!{f.cell}" for f in plain[:5]) + ("等" if len(plain) > 5 else "")
        yield Finding("FORMULA_PRESENT", INFO, f"{len(plain)} 个单元格为公式（{where}），已按保存的计算结果读取", file=sub.file)


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n] + "…"


def check_required(ctx: Context) -> Iterator[Finding]:
    required = list(REQUIRED_FIELDS)
    if ctx.year is not None or _year_in_category(ctx.sub):
        required.remove("申报年度")
    for name in required:
        loc = ctx.sub.get(name)
        if loc is None:
            yield ctx.finding("REQUIRED_MISSING", f"缺少必填项「{name}」（表中找不到该栏目）", name)
        elif loc.status == "blank":
            yield ctx.finding("REQUIRED_MISSING", f"必填项「{loc.label}」未填写（{loc.sheet}!{loc.cell}）", name)


def check_values(ctx: Context) -> Iterator[Finding]:
    """VALUE_INVALID: amounts, dates, ratios and yes/no answers that cannot be read."""
    units = field_units()
    for name, loc in ctx.sub.fields.items():
        if loc.status != "value":
            continue
        unit = units.get(name, "文本")
        if name == "申报年度":
            unit = "年"
        try:
            ctx.parsed[name] = _parse(unit, loc.value)
        except BadInputError as exc:
            ctx.bad.add(name)
            yield ctx.finding("VALUE_INVALID", f"{loc.label}：{exc.message}（{loc.sheet}!{loc.cell}）", name)


def check_uscc(ctx: Context) -> Iterator[Finding]:
    loc = ctx.sub.get("统一社会信用代码")
    if loc is None or loc.status != "value":
        return
    if isinstance(loc.value, (int, float)) and not isinstance(loc.value, bool):
        yield ctx.finding(
            "USCC_CHECKSUM",
            f"统一社会信用代码以数字格式保存（{loc.value}），末几位可能已丢失；请将单元格设为文本格式后重新填写",
            "统一社会信用代码",
        )
        return
    why = uscc_problem(loc.value)
    if why:
        yield ctx.finding("USCC_CHECKSUM", why, "统一社会信用代码")


_PHONE = (
    re.compile(r"^(\+?86)?1[3-9]\d{9}$"),  # mobile
    re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$"),  # landline with area code, optional extension
    re.compile(r"^[48]00-?\d{3}-?\d{4}$"),  # 400/800 service numbers
)


def phone_problem(value: object) -> str | None:
    """None when every number in the cell is a mainland mobile or a landline with area code."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    parts = [p for p in re.split(r"[/、,，;；\s]+", text.replace("—", "-").replace("－", "-")) if p]
    if not parts:
        return "联系电话为空"
    for p in parts:
        bare = p.replace("(", "").replace(")", "-").replace("--", "-")
        if not any(rx.match(bare) for rx in _PHONE):
            if re.fullmatch(r"\d{7,8}", bare):
                return f"联系电话「{p}」缺少区号（如 025-12345678）"
            return f"联系电话「{p}」不是有效的手机号码（11 位）或带区号的固定电话"
    return None


def check_phone(ctx: Context) -> Iterator[Finding]:
    loc = ctx.sub.get("联系电话")
    if loc is None or loc.status != "value":
        return
    why = phone_problem(loc.value)
    if why:
        yield ctx.finding("PHONE_FORMAT", why, "联系电话")


def _year_in_category(sub: Submission) -> bool:
    v = sub.value("申报项目类别")
    return isinstance(v, str) and bool(re.match(r"^\s*\d{4}\s*(年度?)?\s*[/／]", unicodedata.normalize("NFKC", v)))


def _file_year(ctx: Context) -> int | None:
    y = ctx.parsed.get("申报年度")
    if isinstance(y, Decimal) and y == y.to_integral_value():
        return int(y)
    return None


# (name, year, id(catalog)) -> (the catalog, its answer): the catalog is held, so that its id
# is never another catalog's while the entry lives
_SELECTIONS: dict[tuple[str, int | None, int], tuple[Catalog, Selection | Exception]] = {}


def _select(name: str, year: int | None, catalog: Catalog) -> Selection:
    """find_program + require_variant, remembered (a catalog does not change while we run)."""
    key = (name, year, id(catalog))
    entry = _SELECTIONS.get(key)
    if entry is not None and entry[0] is catalog:
        hit = entry[1]
    else:
        try:
            hit = require_variant(find_program(name, year=year, catalog=catalog))
        except (UnknownProgramError, BadInputError) as exc:
            hit = exc
        if len(_SELECTIONS) < 10000:
            _SELECTIONS[key] = (catalog, hit)
    if isinstance(hit, Exception):
        raise hit
    return hit


def check_program(ctx: Context) -> Iterator[Finding]:
    """PROGRAM_UNKNOWN: 申报项目类别 must name a program of the year (and its 子类 where needed)."""
    loc = ctx.sub.get("申报项目类别")
    if loc is None or loc.status != "value":
        ctx.program_error = True
        return
    own = _file_year(ctx)
    if own is not None and ctx.year is not None and own != ctx.year:
        yield ctx.finding("YEAR_MISMATCH", f"申报年度 {own} 与本批次年度 {ctx.year} 不一致，按表中年度 {own} 核对", "申报年度")
    year = own if own is not None else ctx.year
    try:
        sel = _select(str(loc.value), year, ctx.catalog)
    except (UnknownProgramError, BadInputError) as exc:
        ctx.program_error = True
        yield ctx.finding("PROGRAM_UNKNOWN", f"申报项目类别「{loc.value}」：{exc.message}", "申报项目类别")
        return
    ctx.selection = sel


def check_review(ctx: Context) -> Iterator[Finding]:
    """BELOW_THRESHOLD, DATE_WINDOW, CONDITION_MISSING, VALUE_CONFLICT, CAP_EXCEEDED, FIXED_GT_TOTAL,
    DATE_ORDER, UNIT_SUSPECT, AMOUNT_ORDER: the one review of the project (`review.review_project`,
    the same as `check`, the cells and the 审核 sheet), placed on the form's cells."""
    sel = ctx.selection
    if sel is None:
        return
    values = ctx.sub.values()
    rv = review_project(
        sel,
        values,
        catalog=ctx.catalog,
        unreadable=ctx.bad,
        counted={name: 1 for name in BATCH_COUNTED},  # this file is one project; the batch counts the rest
        history=ctx.history(values, sel, ctx.sub.file) if ctx.history is not None else None,
    )
    ctx.review = rv
    for f in rv.findings:
        if f.code == "VARIANT_MISSING":  # the form names the program and its 子类 in one cell
            yield ctx.finding("PROGRAM_UNKNOWN", f"申报项目类别{f.message}", "申报项目类别", f.source, severity=f.severity)
            continue
        yield ctx.finding(f.code, f.message, f.field, f.source, severity=f.severity)


def check_other_programs(ctx: Context) -> Iterator[Finding]:
    """FITS_OTHER_PROGRAMS (提示): the chosen program fails (the review's verdict 不通过; never for
    待核实), yet with the very values the review used (the form's, less those reported
    unreadable) the project meets every condition of other programs of the year
    (`matching.qualifying_others`): they are named on the 申报项目类别 cell, with their maximum
    award.  Information only: the program chosen, the verdict, the cap, the file's validity
    and the exit code stay as they are.  Runs only for failing projects (a match over the
    year's programs costs a few reviews' time)."""
    rv, sel = ctx.review, ctx.selection
    if rv is None or sel is None or rv.verdict != "fail":
        return
    values = {k: v for k, v in ctx.sub.values().items() if k not in ctx.bad}
    try:
        hint = other_programs_finding(sel, values, catalog=ctx.catalog)
    except SubsidyError:  # a hint never stands in the way of the review
        return
    if hint is not None:  # the engine's words, on the form's 申报项目类别 cell
        yield ctx.finding(hint.code, hint.message, hint.field, hint.source)


def check_conflicts(ctx: Context) -> Iterator[Finding]:
    for first, other in ctx.sub.conflicts:
        yield Finding(
            "FIELD_CONFLICT",
            WARNING,
            f"「{first.field}」填写了两处且不一致：{first.sheet}!{first.cell}「{first.value}」与 {other.sheet}!{other.cell}「{other.value}」，按前者核对",
            first.field,
            other.cell,
            file=ctx.sub.file,
            sheet=other.sheet,
        )


def check_macros(ctx: Context) -> Iterator[Finding]:
    if ctx.sub.has_macros:
        yield Finding("MACROS_PRESENT", INFO, "工作簿含有宏（VBA），校验时未执行；请勿启用来历不明的宏", file=ctx.sub.file)


CHECKS: tuple[tuple[str, Check], ...] = (
    ("cells", check_cells),
    ("formulas", check_formulas),
    ("required", check_required),
    ("values", check_values),
    ("uscc", check_uscc),
    ("phone", check_phone),
    ("program", check_program),
    ("review", check_review),
    ("other_programs", check_other_programs),
    ("conflicts", check_conflicts),
    ("macros", check_macros),
)


def _facts(ctx: Context) -> Facts:
    sub, sel = ctx.sub, ctx.selection
    code = sub.value("统一社会信用代码")
    city = None
    for name in ("地区", "所在地"):
        city = city or city_of_text(sub.value(name))
    city = city or city_of_uscc(code)
    year = sel.program.year if sel else (_file_year(ctx) or ctx.year)
    return Facts(
        year=year,
        program=sel.program.id if sel else None,
        variant=sel.variant.name if sel and sel.variant else None,
        label=sel.label if sel else None,
        applicant=_text(sub.value("单位名称")),
        uscc=uscc_normalise(code) if code is not None and uscc_problem(code) is None else None,
        project=_text(sub.value("申报项目名称")),
        city=city,
    )


def _text(v: object) -> str | None:
    return None if v is None else str(v).strip() or None


def check_submission(sub: Submission, *, year: object = None, catalog: Catalog | None = None, history=None) -> FileResult:
    """Every per-file check on a parsed submission; `history(values, selection, file)`: the
    register's `History` of the applicant (see `Context.history`)."""
    cat = catalog or load_catalog()
    ctx = Context(sub, cat, optional_year(year), history=history)
    findings: list[Finding] = []
    for _name, fn in CHECKS:
        findings.extend(fn(ctx))
    rv = ctx.review
    return FileResult(
        sub.file, findings, _facts(ctx), sub.sha256 or None, rv.verdict if rv else None, rv.cap if rv else None
    )


def unreadable(file: str, exc: UnreadableWorkbook) -> FileResult:
    return FileResult(file, [Finding("FILE_UNREADABLE", ERROR, exc.message, exc.reason, file=file)])


def validate_file(
    path: str | Path, *, year: object = None, catalog: Catalog | None = None, limits: Limits = DEFAULT_LIMITS, history=None
) -> FileResult:
    """One file: read it safely, then every per-file check. Never raises for a bad file (a
    register that cannot be read is the caller's: `history` raises RegisterError through)."""
    file = str(path)
    suffix = Path(file).suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES and os.path.isfile(file):  # a pipe or device: refused by type below
        kind = f"{suffix} 文件" if suffix else "没有扩展名的文件"
        return unreadable(file, UnreadableWorkbook("not_workbook", f"{kind}，未读取"))
    try:
        sub = read_submission(path, limits)
    except UnreadableWorkbook as exc:
        return unreadable(file, exc)
    except Exception as exc:  # noqa: BLE001 - a bad file must never stop the batch
        return FileResult(file, [Finding("FILE_UNREADABLE", ERROR, f"文件无法读取：{type(exc).__name__}: {exc}", "corrupt", file=file)])
    try:
        return check_submission(sub, year=year, catalog=catalog, history=history)
    except RegisterError:
        raise  # the register, not this file: the whole run says so (exit 2)
    except Exception as exc:  # noqa: BLE001
        return FileResult(file, [Finding("CHECK_FAILED", ERROR, f"校验时出现内部错误：{type(exc).__name__}: {exc}", file=file)])


def validate_sheets(
    sheets: Mapping[str, Sequence[Sequence[object]]],
    *,
    file: str = "当前工作簿",
    year: object = None,
    hidden: Collection[str] = (),
    origins: Mapping[str, str] | None = None,
    catalog: Catalog | None = None,
    history=None,
) -> FileResult:
    """In-memory sheets ``{name: 2-D values}`` (an open workbook on xlwings Server) -> findings;
    `history` as for :func:`check_submission`."""
    sub = read_sheets(sheets, file=file, hidden=hidden, origins=origins)
    return check_submission(sub, year=year, catalog=catalog, history=history)


__all__ = [
    "CHECKS",
    "HINT_LISTED",
    "READ_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "Check",
    "Context",
    "check_other_programs",
    "check_submission",
    "phone_problem",
    "unreadable",
    "validate_file",
    "validate_sheets",
]
