"""Checking submitted application workbooks: small named checks, findings that point at the cell.

Each check is a function over a :class:`Context` (the parsed submission, the program it
applies for, the batch year) yielding :class:`Finding`s with a stable code, a severity
(错误/警告/提示), where (file, sheet, cell, field), a Chinese message and, where a rule of
the catalog decides, its citation.  Rules come only from the catalog and the engine
(:mod:`subsidykit.rules.thresholds`, :mod:`subsidykit.rules.amounts`, :mod:`subsidykit.rules.sampling`);
this module only decides how a result is reported.  The project's own review (conditions,
cap, amounts, dates) is :func:`subsidykit.rules.review.review_project`, the same one `check`, the
cells and the 审核 sheet use; here its findings are placed on the form's cells.

Batch checks look across files: the same applicant twice, the same project twice, the
2021 guide's per-city limits, and the 真实性核查 sample size — :mod:`subsidykit.rules.batch`, shared
with the 审核 sheet.

Entry points: :func:`validate_file` (a path), :func:`validate_sheets` (in-memory sheets,
for an Excel macro), :func:`validate_paths` (files and folders, in parallel).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from subsidykit.rules import batch
from subsidykit.workbooks.application_form import BATCH_COUNTED, REQUIRED_FIELDS
from subsidykit.rules.batch import CODES as BATCH_CODES
from subsidykit.rules.batch import Project as Facts
from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.schema import Source
from subsidykit.catalog.cite import source_json
from subsidykit.errors import BadInputError, UnknownProgramError
from subsidykit.rules.lookup import Selection, find_program, require_variant
from subsidykit.rules.regions import city_of_text, city_of_uscc
from subsidykit.rules.review import CODES as REVIEW_CODES
from subsidykit.rules.review import ERROR, INFO, SEVERITIES, WARNING, ProjectReview, review_project
from subsidykit.workbooks.submissions import Submission, read_sheets, read_submission
from subsidykit.rules.thresholds import field_units, parse_value
from subsidykit.rules.uscc import normalise as uscc_normalise
from subsidykit.rules.uscc import problem as uscc_problem
from subsidykit.workbooks.safe import DEFAULT_LIMITS, Limits, UnreadableWorkbook


# code -> (severity, short title): the stable vocabulary of findings; the codes of one
# project's review (conditions, amounts, dates) are the engine's (`review.CODES`)
CODES: dict[str, tuple[str, str]] = {
    "FILE_UNREADABLE": (ERROR, "文件无法读取"),
    "CHECK_FAILED": (ERROR, "校验出错"),
    "FORMULA_UNCACHED": (ERROR, "公式未计算"),
    "FORMULA_EXTERNAL": (ERROR, "外部链接或 DDE 公式"),
    "FORMULA_PRESENT": (INFO, "含公式（按保存的计算结果读取）"),
    "CELL_ERROR": (ERROR, "单元格错误值"),
    "REQUIRED_MISSING": (ERROR, "必填项缺失"),
    "VALUE_INVALID": (ERROR, "数值无法识别"),
    "USCC_CHECKSUM": (ERROR, "统一社会信用代码错误"),
    "PHONE_FORMAT": (WARNING, "联系电话格式"),
    "PROGRAM_UNKNOWN": (ERROR, "申报项目无法识别"),
    "YEAR_MISMATCH": (WARNING, "申报年度不一致"),
    **REVIEW_CODES,
    "FIELD_CONFLICT": (WARNING, "同一字段填写不一致"),
    "MACROS_PRESENT": (INFO, "含宏（未执行）"),
    **BATCH_CODES,
}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    file: str = ""
    sheet: str | None = None
    cell: str | None = None
    field: str | None = None
    source: Source | None = None

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "field": self.field,
            "message": self.message,
            "source": source_json(self.source),
            "title": CODES.get(self.code, ("", ""))[1],
        }


@dataclass(frozen=True)
class BatchFinding:
    code: str
    severity: str
    files: tuple[str, ...]
    message: str
    source: Source | None = None

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "files": list(self.files),
            "message": self.message,
            "source": source_json(self.source),
            "title": CODES.get(self.code, ("", ""))[1],
        }


@dataclass
class FileResult:
    file: str
    findings: list[Finding]
    facts: Facts | None = None  # None: the file could not be read
    sha256: str | None = None  # of the exact bytes validated (annotation refuses a changed file)
    verdict: str | None = None  # the review's: pass / fail / incomplete (None: no program to review)
    cap: Decimal | None = None  # the review's maximum award (万元), None when not computable

    @property
    def readable(self) -> bool:
        return self.facts is not None

    @property
    def valid(self) -> bool:
        return all(f.severity != ERROR for f in self.findings)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "valid": self.valid,
            "findings": [f.to_json() for f in self.findings],
            "verdict": self.verdict,
            "cap_wan": None if self.cap is None else float(self.cap),
        }


@dataclass
class BatchResult:
    files: list[FileResult]
    batch: list[BatchFinding]

    @property
    def batch_error_files(self) -> frozenset[str]:
        """Files an 错误 of the batch checks names (a duplicate project, over a city limit)."""
        return frozenset(f for b in self.batch if b.severity == ERROR for f in b.files)

    def is_valid(self, r: FileResult) -> bool:
        """No 错误 finding of its own and none of the batch: the file may be recommended."""
        return r.valid and r.file not in self.batch_error_files

    @property
    def has_errors(self) -> bool:
        return any(not r.valid for r in self.files) or any(b.severity == ERROR for b in self.batch)

    def stats(self) -> dict[str, int]:
        """The counts every surface prints (console, report, JSON, task pane): computed once here."""
        valid = sum(self.is_valid(r) for r in self.files)
        return {
            "files": len(self.files),
            "valid": valid,
            "invalid": len(self.files) - valid,
            "unreadable": sum(not r.readable for r in self.files),
            "batch_errors": sum(b.severity == ERROR for b in self.batch),
            "batch_warnings": sum(b.severity == WARNING for b in self.batch),
            "batch_findings": sum(b.code != "SAMPLE_SIZE" for b in self.batch),
        }

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for r in self.files:
            for f in r.findings:
                out[f.code] += 1
        for b in self.batch:
            out[b.code] += 1
        return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))

    def to_json(self) -> dict:
        files = []
        for r in self.files:
            item = r.to_json()
            item["valid"] = self.is_valid(r)
            item["valid_alone"] = r.valid
            files.append(item)
        return {
            "files": files,
            "batch": [b.to_json() for b in self.batch],
            "summary": {**self.stats(), "counts": self.counts()},
        }


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

    def finding(self, code: str, message: str, name: str | None = None, source: Source | None = None, *, severity: str | None = None) -> Finding:
        loc = self.sub.get(name) if name else None
        return Finding(
            code,
            severity or CODES[code][0],
            message,
            self.sub.file,
            loc.sheet if loc else None,
            loc.cell if loc else None,
            name,
            source,
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
            sub.file,
            f.sheet,
            f.cell,
        )
    if len(external) > MAX_LISTED:
        yield Finding("FORMULA_EXTERNAL", ERROR, f"另有 {len(external) - MAX_LISTED} 个单元格的公式含外部链接或 DDE", sub.file)
    for part in sub.external_links:
        yield Finding("FORMULA_EXTERNAL", ERROR, f"工作簿含外部链接（{_clip(part)}），请断开链接、改为数值后重新提交", sub.file)
    plain = [f for f in sub.formulas if not f.external and f.cached]
    if plain:
        where = "、".join(f"{f.sheet}!{f.cell}" for f in plain[:5]) + ("等" if len(plain) > 5 else "")
        yield Finding("FORMULA_PRESENT", INFO, f"{len(plain)} 个单元格为公式（{where}），已按保存的计算结果读取", sub.file)


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


_SELECTIONS: dict[tuple[str, int | None, int], Selection | Exception] = {}


def _select(name: str, year: int | None, catalog: Catalog) -> Selection:
    """find_program + require_variant, remembered (the catalog does not change while we run)."""
    key = (name, year, id(catalog))
    hit = _SELECTIONS.get(key)
    if hit is None:
        try:
            hit = require_variant(find_program(name, year=year, catalog=catalog))
        except (UnknownProgramError, BadInputError) as exc:
            hit = exc
        if len(_SELECTIONS) < 10000:
            _SELECTIONS[key] = hit
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
    rv = review_project(
        sel,
        ctx.sub.values(),
        catalog=ctx.catalog,
        unreadable=ctx.bad,
        counted={name: 1 for name in BATCH_COUNTED},  # this file is one project; the batch counts the rest
    )
    ctx.review = rv
    for f in rv.findings:
        if f.code == "VARIANT_MISSING":  # the form names the program and its 子类 in one cell
            yield ctx.finding("PROGRAM_UNKNOWN", f"申报项目类别{f.message}", "申报项目类别", f.source, severity=f.severity)
            continue
        yield ctx.finding(f.code, f.message, f.field, f.source, severity=f.severity)


def check_conflicts(ctx: Context) -> Iterator[Finding]:
    for first, other in ctx.sub.conflicts:
        yield Finding(
            "FIELD_CONFLICT",
            WARNING,
            f"「{first.field}」填写了两处且不一致：{first.sheet}!{first.cell}「{first.value}」与 {other.sheet}!{other.cell}「{other.value}」，按前者核对",
            ctx.sub.file,
            other.sheet,
            other.cell,
            first.field,
        )


def check_macros(ctx: Context) -> Iterator[Finding]:
    if ctx.sub.has_macros:
        yield Finding("MACROS_PRESENT", INFO, "工作簿含有宏（VBA），校验时未执行；请勿启用来历不明的宏", ctx.sub.file)


CHECKS: tuple[tuple[str, Check], ...] = (
    ("cells", check_cells),
    ("formulas", check_formulas),
    ("required", check_required),
    ("values", check_values),
    ("uscc", check_uscc),
    ("phone", check_phone),
    ("program", check_program),
    ("review", check_review),
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


def check_submission(sub: Submission, *, year: object = None, catalog: Catalog | None = None) -> FileResult:
    """Every per-file check on a parsed submission."""
    cat = catalog or load_catalog()
    y = int(str(year).removesuffix("年度").removesuffix("年")) if year not in (None, "") else None
    ctx = Context(sub, cat, y)
    findings: list[Finding] = []
    for _name, fn in CHECKS:
        findings.extend(fn(ctx))
    rv = ctx.review
    return FileResult(
        sub.file, findings, _facts(ctx), sub.sha256 or None, rv.verdict if rv else None, rv.cap if rv else None
    )


def unreadable(file: str, exc: UnreadableWorkbook) -> FileResult:
    return FileResult(file, [Finding("FILE_UNREADABLE", ERROR, exc.message, file, field=exc.reason)])


def validate_file(path: str | Path, *, year: object = None, catalog: Catalog | None = None, limits: Limits = DEFAULT_LIMITS) -> FileResult:
    """One file: read it safely, then every per-file check. Never raises for a bad file."""
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
        return FileResult(file, [Finding("FILE_UNREADABLE", ERROR, f"文件无法读取：{type(exc).__name__}: {exc}", file, field="corrupt")])
    try:
        return check_submission(sub, year=year, catalog=catalog)
    except Exception as exc:  # noqa: BLE001
        return FileResult(file, [Finding("CHECK_FAILED", ERROR, f"校验时出现内部错误：{type(exc).__name__}: {exc}", file)])


def validate_sheets(
    sheets: Mapping[str, Sequence[Sequence[object]]],
    *,
    file: str = "当前工作簿",
    year: object = None,
    hidden: Collection[str] = (),
    origins: Mapping[str, str] | None = None,
    catalog: Catalog | None = None,
) -> FileResult:
    """In-memory sheets ``{name: 2-D values}`` (an open workbook on xlwings Server) -> findings."""
    sub = read_sheets(sheets, file=file, hidden=hidden, origins=origins)
    return check_submission(sub, year=year, catalog=catalog)


# --- batch checks ----------------------------------------------------------------------------


def _batch(results: Sequence[FileResult]) -> list[tuple[str, Facts | None]]:
    return [(r.file, r.facts) for r in results]


def _notes(notes) -> Iterator[BatchFinding]:
    for n in notes:
        yield BatchFinding(n.code, n.severity, n.members, n.message, n.source)


def check_duplicates(results: Sequence[FileResult], cat: Catalog) -> Iterator[BatchFinding]:
    """DUPLICATE_PROJECT / DUPLICATE_APPLICANT (`batch.duplicates`, the same as the 审核 sheet)."""
    yield from _notes(batch.duplicates(_batch(results), cat))


def check_city_limits(results: Sequence[FileResult], cat: Catalog) -> Iterator[BatchFinding]:
    """CITY_LIMIT / CITY_UNKNOWN (`batch.city_limits`, the same counting as the 审核 sheet)."""
    yield from _notes(batch.city_limits(_batch(results), cat))


def check_sample(
    results: Sequence[FileResult], cat: Catalog, year: object = None, excluded: frozenset[str] = frozenset()
) -> Iterator[BatchFinding]:
    """SAMPLE_SIZE: how many of the recommendable projects the notice's 真实性核查 requires.

    A project counts once however many files carry it, and a file with an 错误 (its own or
    the batch's, `excluded`) is not recommendable."""
    ok = [r for r in results if r.readable and r.valid and r.file not in excluded]
    y = int(year) if year not in (None, "") else None
    years = [r.facts.year for r in results if r.facts is not None and r.facts.year]
    if y is None and years:
        y = max(set(years), key=years.count)
    yield from _notes([batch.sample(_batch(ok), cat, y).note])


BATCH_CHECKS = (check_duplicates, check_city_limits)


def check_batch(results: Sequence[FileResult], *, year: object = None, catalog: Catalog | None = None) -> list[BatchFinding]:
    cat = catalog or load_catalog()
    out: list[BatchFinding] = []
    for fn in BATCH_CHECKS:
        out.extend(fn(results, cat))
    excluded = frozenset(f for b in out if b.severity == ERROR for f in b.files)
    out.extend(check_sample(results, cat, year, excluded))
    return out


# --- many files --------------------------------------------------------------------------------

# what is read (by content: an .xls saved as .xlsx still reads); .xlsb/.et are named so that
# they are told apart from "not a workbook" in the message the reader gives
READ_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
WORKBOOK_SUFFIXES = (*READ_SUFFIXES, ".xltx", ".xltm", ".xlt", ".xlsb", ".et", ".ett", ".ots", ".fods")
# operating-system litter in a copied folder (not submissions; listing them would be noise)
SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db"})


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every file under folders (recursively, sorted; symlinked folders not
    followed): workbooks are read, anything else (.docx, .pdf, .txt ...) is listed so that
    `validate_file` reports it (FILE_UNREADABLE, reason not_workbook) instead of dropping it
    silently.  Only Excel/WPS lock files (``~$x.xlsx``), macOS resource forks (``._x``) and
    system litter (.DS_Store, Thumbs.db, desktop.ini) are left out.  A pipe, device or socket
    is listed too, so that it is reported as unreadable (the reader refuses it by type without
    opening it)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs.sort()
                for name in names:
                    if not name.startswith(("~$", "._")) and name.lower() not in SYSTEM_FILES:
                        found.append(Path(root) / name)
            out.extend(sorted(found))
        elif p.exists() or p.is_symlink():
            out.append(p)
        else:
            raise BadInputError(f"找不到文件或文件夹：{p}")
    seen: set[Path] = set()
    unique = []
    for p in out:
        try:
            key = p.resolve()
        except (OSError, RuntimeError):  # a symlink loop: listed, and reported unreadable
            key = p.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _worker(args: tuple[str, object]) -> FileResult:
    path, year = args
    return validate_file(path, year=year)


def _limit_memory() -> None:
    """Cap a worker's address space, so a file that makes a parser allocate without bound ends
    that worker (reported as unreadable), not the machine."""
    from subsidykit.workbooks import rlimits
    try:
        mb = int(os.environ.get(rlimits.WORKER_MEMORY_ENV, "2048"))
        if mb > 0:  # 0 or less: no cap
            rlimits.cap(memory_bytes=mb * rlimits.MB)
    except (ValueError, OSError):  # not a number, or a limit the platform will not take: run uncapped
        pass


def _init_worker() -> None:
    _limit_memory()
    warm_up()


def warm_up() -> None:
    """Load the catalog and the label tables once (before forking, the workers share them)."""
    from subsidykit.workbooks.submissions import label_index

    load_catalog()
    field_units()
    label_index()


def _crashed(path: str) -> FileResult:
    return FileResult(
        path,
        [
            Finding(
                "FILE_UNREADABLE",
                ERROR,
                "文件无法读取：处理该文件的进程异常退出（内存或资源耗尽，疑似恶意构造的文件），已跳过",
                path,
                field="crashed",
            )
        ],
    )


def _isolated(job: tuple[str, object], ctx) -> FileResult:
    """One file in a process of its own: a crash there is that file's finding."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init_worker) as pool:
            return pool.submit(_worker, job).result()
    except BrokenProcessPool:
        return _crashed(job[0])


def validate_paths(
    paths: Iterable[str | Path],
    *,
    year: object = None,
    workers: int | None = None,
    progress: Callable[[FileResult], None] | None = None,
    catalog: Catalog | None = None,
) -> BatchResult:
    """Every file under `paths` (files or folders), in parallel, then the batch checks.

    In parallel, a worker that dies on a file (however it dies) does not end the batch: the
    files not yet done are validated again one process each, and the one that kills its
    process is reported FILE_UNREADABLE."""
    cat = catalog or load_catalog()
    files = collect_files(paths)
    if year not in (None, ""):
        try:
            int(str(year).removesuffix("年度").removesuffix("年"))
        except ValueError:
            raise BadInputError(f"无法识别的年度「{year}」") from None
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    results: list[FileResult] = []
    jobs = [(str(p), year) for p in files]
    if n_workers <= 1 or len(jobs) < 8:
        for job in jobs:
            res = _worker(job) if catalog is None else validate_file(job[0], year=year, catalog=cat)
            results.append(res)
            if progress:
                progress(res)
    else:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        warm_up()
        gc.freeze()  # forked workers then share the catalog's pages instead of copying them
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, min(32, len(jobs) // (n_workers * 4)))
        try:
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_init_worker) as pool:
                for res in pool.map(_worker, jobs, chunksize=chunk):
                    results.append(res)
                    if progress:
                        progress(res)
        except BrokenProcessPool:
            for job in jobs[len(results) :]:
                res = _isolated(job, ctx)
                results.append(res)
                if progress:
                    progress(res)
        finally:
            gc.unfreeze()
    return BatchResult(results, check_batch(results, year=year, catalog=cat))


__all__ = [
    "CHECKS",
    "CODES",
    "ERROR",
    "INFO",
    "SEVERITIES",
    "WARNING",
    "BatchFinding",
    "BatchResult",
    "FileResult",
    "Finding",
    "check_batch",
    "check_submission",
    "collect_files",
    "validate_file",
    "validate_paths",
    "validate_sheets",
]


