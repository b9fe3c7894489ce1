"""The city roll-up: several counties' ledgers or 附件2 workbooks merged into the 设区市's 附件2.

    summary = build_city(["丰县台账.xlsx", "沛县_附件2.xlsx", …], region="徐州市", year=2021)
    summary.xlsx_bytes()          # the city's 附件2 and 审核 (with 县（市、区） and 来源文件)

Each input is read once (the safe reader) and told apart by its content: a workbook with the
附件2 headings is read back through them (`readback`), any other through the ledger reader
(its first sheet, or `sheet`); a file that is neither, or cannot be read, is a finding
(FILE_UNREADABLE) and the others are merged — "a broken file is a finding, the batch goes on".
Two inputs with the same content (sha256) are refused (BadInputError): the same list twice
would count every project twice.

Every row keeps its county: the row's own 县（市、区） column (the field 地区), else the
file's 地区：… line, a county named in its title lines, or its file name (`regions.place_of`,
names only); when none says, the row gets COUNTY_UNKNOWN (警告) — said, never guessed.  A file
whose 地区 line, title or name places it in another 设区市 (or, where none does, whose rows'
地区 and 统一社会信用代码 all do) is not merged (REGION_MISMATCH, 错误), nor is a file of
another year (INPUT_YEAR_MISMATCH, 错误).

The merged rows go through the one summary build (`build.build`: the same review per row, the
same batch checks): the per-city limits (2021, 002:28) count the merged list, every row for the
region's 设区市 unless its own 地区 names another; the same applicant (统一社会信用代码, else
the normalised name) in two counties → CROSS_COUNTY_APPLICANT (警告) naming both files and rows.

Layer: workflow.  May import workbooks, rules, catalog, errors; the summary package's own modules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import stat
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.errors import BadInputError
from subsidykit.rules import batch as B
from subsidykit.rules.findings import ERROR, WARNING, BatchFinding, Finding
from subsidykit.rules.parsing import is_blank, optional_year
from subsidykit.rules.regions import CITIES, city_of_text, city_of_uscc, place_of
from subsidykit.rules.uscc import normalise as uscc_normalise
from subsidykit.rules.uscc import problem as uscc_problem
from subsidykit.summary import readback
from subsidykit.summary.audit import AUDIT_COLUMNS, AUDIT_SHEET, audit_row
from subsidykit.summary.build import build
from subsidykit.summary.table import Review, Summary, SummarySheet
from subsidykit.workbooks.cells import col_letters
from subsidykit.workbooks.ledger import LedgerRow, issue, read_values
from subsidykit.workbooks.ledger import plain_value as _plain  # one reading of a cell for every ledger reader

KIND_LEDGER, KIND_SUMMARY = "台账", "附件2"
CITY_AUDIT_COLUMNS: tuple[tuple[str, float], ...] = ((readback.COUNTY_HEADER, 12), (readback.SOURCE_HEADER, 40))


@dataclass
class InputFile:
    """One input of the roll-up: what it is, where it says it is from, and its rows."""

    path: Path
    label: str  # the name shown (the file name; with its folders where two inputs share a name)
    kind: str = ""  # 台账 / 附件2 / "" (not read)
    sha256: str = ""
    sheet: str = ""  # the ledger sheet read (台账)
    year: int | None = None
    region_text: str = ""  # the 地区：… line as written
    city: str | None = None  # the 设区市 the file names (地区 line, title, file name)
    county: str | None = None
    county_from: str = ""  # 地区行 / 标题 / 文件名
    titles: list[str] = field(default_factory=list)  # the texts above a ledger's header (its title lines)
    rows: list[LedgerRow] = field(default_factory=list)
    issues: list[Finding] = field(default_factory=list)  # about the file (columns, …)
    refused: BatchFinding | None = None  # why it is not merged

    @property
    def merged(self) -> bool:
        return self.refused is None and bool(self.kind)

    def to_json(self) -> dict:
        return {
            "file": str(self.path),
            "label": self.label,
            "kind": self.kind or None,
            "sha256": self.sha256 or None,
            "year": self.year,
            "region": self.region_text or None,
            "county": self.county,
            "county_from": self.county_from or None,
            "rows": len(self.rows),
            "merged": self.merged,
            "refused": self.refused.to_json() if self.refused else None,
            "issues": [i.to_json() for i in self.issues],
        }


@dataclass(frozen=True)
class Origin:
    """Where a merged row came from and its county."""

    file: InputFile
    sheet: str
    county: str | None
    county_from: str

    def source(self, row: LedgerRow) -> str:
        return f"{self.file.label} · {self.sheet} · 第 {row.row} 行"


# ---------------------------------------------------------------- inputs


def input_paths(paths: Sequence[str | os.PathLike]) -> list[Path]:
    """The inputs as given, refused (BadInputError) when one is missing, not a regular file, or
    listed twice (the same file under two names included: symlink, hardlink)."""
    out: list[Path] = []
    seen: dict[tuple[int, int], Path] = {}
    for raw in paths:
        p = Path(raw)
        try:
            st = os.stat(p)
        except OSError:
            raise BadInputError(f"找不到输入文件：{p}") from None
        if not stat.S_ISREG(st.st_mode):
            raise BadInputError(f"输入不是普通文件（文件夹、设备或管道）：{p}")
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            same = "列了两次" if os.path.abspath(seen[ident]) == os.path.abspath(p) else f"与 {seen[ident]} 是同一个文件"
            raise BadInputError(f"输入文件 {p} {same}；每个文件只能汇总一次")
        seen[ident] = p
        out.append(p)
    if not out:
        raise BadInputError("请给出要汇总的台账或附件2 文件")
    return out


def labels(paths: Sequence[Path]) -> list[str]:
    """A short unique name per input: the file name, with as many parent folders as needed
    where names repeat (丰县/附件2.xlsx, 沛县/附件2.xlsx)."""
    parts = [Path(os.path.abspath(p)).parts for p in paths]
    depth = [1] * len(paths)
    while True:
        names = ["/".join(pp[-d:]) for pp, d in zip(parts, depth)]
        counts = Counter(names)
        clash = [i for i, n in enumerate(names) if counts[n] > 1 and depth[i] < len(parts[i])]
        if not clash:
            return names
        for i in clash:
            depth[i] += 1




def _refuse(f: InputFile, code: str, message: str) -> None:
    f.refused = BatchFinding(code, ERROR, (f.label,), message)


def _ledger_year(rows: Sequence[LedgerRow]) -> int | None:
    years = Counter(
        int(y) for r in rows if isinstance(y := r.values.get("申报年度"), Decimal) and y == y.to_integral_value()
    )
    return years.most_common(1)[0][0] if years else None


def _region_line(lines: Sequence[object]) -> str:
    """The place of a 地区：… line among a ledger's title lines ("" when none)."""
    for v in lines:
        if isinstance(v, str):
            m = re.match(r"\s*地\s*区\s*[:：]\s*(\S.*?)\s*(汇总时间.*)?$", unicodedata.normalize("NFKC", v))
            if m:
                return m.group(1).strip()
    return ""


def read_input(
    f: InputFile, *, sheet: str | None, mapping: Mapping[str, str | None] | None, catalog: Catalog, seen: dict[str, str]
) -> None:
    """Read one input into `f` (kind, rows, year, 地区 line); an unreadable file, or one that is
    neither a ledger nor a 附件2, is `f.refused`.  `seen`: sha256 -> label of the inputs read
    (the same content twice: BadInputError)."""
    from subsidykit.workbooks.safe import LEDGER_LIMITS, UnreadableWorkbook, load_bytes, read_workbook_bytes, sha256_of

    try:
        data = load_bytes(f.path, LEDGER_LIMITS)
    except UnreadableWorkbook as exc:
        _refuse(f, "FILE_UNREADABLE", f"{f.label}：文件无法读取（{exc.message}），未并入")
        return
    f.sha256 = sha256_of(data)
    if f.sha256 in seen:
        raise BadInputError(f"{f.label} 与 {seen[f.sha256]} 内容完全相同（sha256 {f.sha256[:12]}…），同一份名单只能汇总一次；请只保留一份")
    seen[f.sha256] = f.label
    try:
        raw = read_workbook_bytes(data, str(f.path), LEDGER_LIMITS)
    except UnreadableWorkbook as exc:
        _refuse(f, "FILE_UNREADABLE", f"{f.label}：文件无法读取（{exc.message}），未并入")
        return
    del data
    sheets = [(s.name, [[_plain(v) for v in row] for row in s.rows]) for s in raw.sheets]
    if readback.is_attachment2(sheets):
        a2 = readback.read_attachment2(sheets, label=f.label, catalog=catalog)
        f.kind, f.rows, f.year, f.region_text = KIND_SUMMARY, a2.rows, a2.year, a2.region
        f.issues += a2.issues
        for ledger in a2.ledgers:
            f.issues += [i for i in ledger.issues if i.severity != "提示"]
        return
    names = [n for n, _ in sheets]
    if not sheets:
        _refuse(f, "FILE_UNREADABLE", f"{f.label}：没有工作表，未并入")
        return
    if sheet is None:
        name, values = sheets[0]
    elif sheet in names:
        name, values = sheets[names.index(sheet)]
    elif sheet.isdigit() and 1 <= int(sheet) <= len(sheets):
        name, values = sheets[int(sheet) - 1]
    else:
        _refuse(f, "FILE_UNREADABLE", f"{f.label}：没有工作表「{sheet}」（现有：{'、'.join(names)}），未并入")
        return
    width = max((len(r) for r in values), default=0)
    values = [r + [""] * (width - len(r)) for r in values]
    try:
        ledger = read_values(values, sheet=f"{f.label} · {name}", mapping=mapping)
    except BadInputError as exc:
        _refuse(f, "FILE_UNREADABLE", f"{f.label}：既不是台账也不是附件2 汇总表（{exc.message}），未并入")
        return
    f.kind, f.sheet, f.rows = KIND_LEDGER, name, ledger.rows
    f.year = _ledger_year(ledger.rows)
    above = [v for row in values[: ledger.header_row - 1] for v in row if not is_blank(v)]
    f.region_text = _region_line(above)
    f.issues += [i for i in ledger.issues if i.severity != "提示"]
    f.titles = [v for v in above if isinstance(v, str)]


# ---------------------------------------------------------------- places


def _place(f: InputFile, region: str) -> None:
    """The file's 设区市 and county, from its 地区 line, its title lines, its file name."""
    tries: list[tuple[str, str]] = []
    if f.region_text:
        tries.append(("地区行", f.region_text))
    tries += [("标题", t) for t in f.titles]
    tries.append(("文件名", f.path.stem))
    for how, text in tries:
        city, county = place_of(text, region)
        if city is None and county is None and how == "地区行":
            city = city_of_text(text)
        if how == "标题" and county is None:  # a title's free text: only a county named in it counts
            continue
        if f.city is None and city is not None:
            f.city = city
            if city != region:
                _refuse(f, "REGION_MISMATCH", f"{f.label}：{how}「{text}」属于{city}，不属于{region}；未并入（如确属{region}，请更正后再汇总）")
                return
        if f.county is None and county is not None and (city is None or city == region):
            f.county, f.county_from = county, how
    if f.county is None and f.region_text:  # the 地区 line names a place but no known county: as written
        rest = f.region_text
        for prefix in ("江苏省", "江苏", region):
            rest = rest.removeprefix(prefix)
        if rest.strip() and city_of_text(rest) is None and place_of(rest)[0] in (None, region):
            f.county, f.county_from = rest.strip(), "地区行"
    if f.city is None:  # nothing names a city: the rows' 地区 and 统一社会信用代码 may
        cities = Counter(c for r in f.rows if (c := _row_city(r, region)) is not None)
        if cities and region not in cities:
            other, n = cities.most_common(1)[0]
            _refuse(f, "REGION_MISMATCH", f"{f.label}：{n} 个项目的地区或统一社会信用代码属于{other}，没有一个属于{region}；未并入（如确属{region}，请在文件中写明地区后再汇总）")


def _row_city(r: LedgerRow, region: str) -> str | None:
    own = r.values.get("地区")
    city = place_of(own, region)[0] if isinstance(own, str) else None
    if city is None:
        code = r.values.get("统一社会信用代码")
        city = city_of_uscc(code) if isinstance(code, str) and uscc_problem(code) is None else None
    return city


def _row_origin(r: LedgerRow, f: InputFile, sheet: str, region: str) -> tuple[Origin, str | None]:
    """(origin, the 设区市 the row counts for: None when its own 地区 names another city)."""
    own = r.values.get("地区")
    text = own if isinstance(own, str) and own.strip() else None
    if text is not None:
        city, county = place_of(text, region)
        if city is not None and city != region:
            return Origin(f, sheet, county, "本行地区"), None
        if county is None and city is None:  # a county column as written (经开区, 高新区)
            county = text
        if county is not None:
            return Origin(f, sheet, county, "本行县（市、区）列"), region
    if f.county is not None:
        return Origin(f, sheet, f.county, f.county_from), region
    return Origin(f, sheet, None, ""), region


# ---------------------------------------------------------------- the roll-up


@dataclass
class CitySummary(Summary):
    """A summary of the city's merged list: the inputs, and each row's origin."""

    inputs: list[InputFile] = field(default_factory=list)
    origins: dict[int, Origin] = field(default_factory=dict)  # id(LedgerRow) -> origin

    @property
    def refused(self) -> list[InputFile]:
        return [f for f in self.inputs if not f.merged]

    def origin(self, r: Review) -> Origin | None:
        return self.origins.get(id(r.row))

    def input_lines(self) -> list[str]:
        out = []
        for f in self.inputs:
            if f.merged:
                county = f"{f.county}（{f.county_from}）" if f.county else "未写明（见各行）"
                out.append(f"{f.label}｜{f.kind}｜县（市、区）：{county}｜{len(f.rows)} 个项目｜sha256 {f.sha256[:12]}")
            else:
                out.append(f"[{ERROR}] {f.refused.message}")
            out += [f"  {f.label}：{i.text()}" for i in f.issues]
        return out

    def _audit_lines(self) -> list[str]:
        merged = [f for f in self.inputs if f.merged]
        head = [f"设区市汇总：{self.region}，输入 {len(self.inputs)} 个文件：并入 {len(merged)} 个，未并入 {len(self.refused)} 个"]
        head += [f"文件：{line}" for line in self.input_lines()]
        return head + super()._audit_lines()

    def _audit_sheet(self) -> SummarySheet:
        columns = (*AUDIT_COLUMNS, *CITY_AUDIT_COLUMNS)
        ncol = len(columns)
        title = f"审核：{self.year}年度{self.fund}入库项目·{self.region}汇总（内部核对用，不属于附件2，报送时不打印）"
        grid: list[list[object]] = [[title] + [None] * (ncol - 1)]
        for line in self._audit_lines():
            grid.append([line] + [None] * (ncol - 1))
        grid.append([None] * ncol)
        header_row = len(grid) + 1
        grid.append([h for h, _ in columns])
        for i, r in enumerate(self.reviews, 1):
            o = self.origin(r)
            county = (o.county or "未能确定") if o else None
            grid.append(audit_row(i, r) + [county, o.source(r.row) if o else None])
        merges = [f"A{k}:{col_letters(ncol - 1)}{k}" for k in range(1, header_row - 1)]
        return SummarySheet(AUDIT_SHEET, title, "audit", grid, merges, [w for _, w in columns], (header_row, header_row))

    def to_json(self) -> dict:
        data = super().to_json()
        data["level"] = "city"
        data["inputs"] = [f.to_json() for f in self.inputs]
        for p, r in zip(data["projects"], self.reviews, strict=True):
            o = self.origin(r)
            p["county"] = o.county if o else None
            p["source"] = o.source(r.row) if o else None
        return data


def _key(r: LedgerRow) -> tuple[str | None, str | None]:
    code = r.values.get("统一社会信用代码")
    uscc = uscc_normalise(code) if isinstance(code, str) and uscc_problem(code) is None else None
    name = r.values.get("单位名称")
    return uscc, (B.norm_name(str(name)) or None) if not is_blank(name) else None


def cross_county(summary: CitySummary, catalog: Catalog) -> list[BatchFinding]:
    """CROSS_COUNTY_APPLICANT: the same applicant (统一社会信用代码, else the normalised name; a
    row without a code joins the one code its name is written with) in two counties' rows; the
    findings go to the rows they name."""
    keys = {id(r): _key(r.row) for r in summary.reviews}
    by_name: dict[str, set[str]] = defaultdict(set)
    for uscc, name in keys.values():
        if uscc and name:
            by_name[name].add(uscc)
    groups: dict[str, list[Review]] = defaultdict(list)
    for r in summary.reviews:
        uscc, name = keys[id(r)]
        if uscc is None and name and len(by_name.get(name, ())) == 1:
            uscc = next(iter(by_name[name]))
        key = f"code:{uscc}" if uscc else (f"name:{name}" if name else None)
        if key is not None and summary.origin(r) is not None:
            groups[key].append(r)
    out: list[BatchFinding] = []
    for items in groups.values():
        origins = [summary.origin(r) for r in items]
        places = {o.county or f"（{o.file.label}）" for o in origins}
        if len(places) < 2:
            continue
        first = items[0].row
        who = first.values.get("单位名称") or first.values.get("统一社会信用代码")
        code = next((c for r in items if isinstance(c := r.row.values.get("统一社会信用代码"), str)), None)
        parts = [
            f"{o.county or '县（市、区）未能确定'}（{o.source(r.row)}「{r.row.values.get('申报项目名称') or ''}」）"
            for r, o in zip(items, origins, strict=True)
        ]
        sel = next((r.selection for r in items if r.selection is not None), None)
        rule = B._rule(catalog, B.Project(program=sel.program.id), "申报项目数量") if sel else None
        message = (
            f"{who}{f'（{code}）' if code else ''} 在 {len(places)} 个县（市、区）的名单中申报：{'；'.join(parts)}。"
            "同一申报单位原则上只能申报一个项目，请与各县（市、区）核实"
        )
        note = BatchFinding("CROSS_COUNTY_APPLICANT", WARNING, tuple(r.row.where for r in items), message, rule.source if rule else None)
        out.append(note)
        for r in items:
            r.findings.append(Finding(note.code, note.severity, note.message, None, r.row.where, note.source))
    return out


def build_city(
    paths: Sequence[str | os.PathLike],
    *,
    region: str,
    year: int | str | None = None,
    sheet: str | None = None,
    fund: str | None = None,
    mapping: Mapping[str, str | None] | None = None,
    date: dt.date | None = None,
    catalog: Catalog | None = None,
    history=None,
) -> CitySummary:
    """The 设区市's 附件2 from its counties' ledgers and 附件2 workbooks (any mix).
    `history(values, selection, source_file)`: the project register's History of a row's
    applicant (as `build.build`; None: no register)."""
    cat = catalog or load_catalog()
    city = city_of_text(region)
    if city is None:
        raise BadInputError(f"设区市汇总须用 --region 指定设区市（如 徐州市；可选：{'、'.join(CITIES)}），不能是「{region}」")
    files = [InputFile(p, label) for p, label in zip(input_paths(paths), labels([Path(p) for p in paths]), strict=True)]
    seen: dict[str, str] = {}
    for f in files:
        read_input(f, sheet=sheet, mapping=mapping, catalog=cat, seen=seen)
    y = optional_year(year)
    if y is None:
        years = Counter(f.year for f in files if f.kind and f.year is not None)
        if not years:
            raise BadInputError("请指定年度（--year）：各文件的标题和「申报年度」列都没有写明年度")
        y = years.most_common(1)[0][0]
    for f in files:
        if f.refused is None and f.kind and f.year is not None and f.year != y:
            _refuse(f, "INPUT_YEAR_MISMATCH", f"{f.label}：是 {f.year} 年度的名单，不是 {y} 年度；未并入")
        if f.refused is None and f.kind:
            _place(f, city)
    rows: list[LedgerRow] = []
    origins: dict[int, Origin] = {}
    counts_for: dict[int, str | None] = {}
    for f in files:
        if not f.merged:
            continue
        for r in f.rows:
            sheet_name = r.sheet.removeprefix(f"{f.label} · ")
            origin, counted = _row_origin(r, f, sheet_name, city)
            if origin.county is None:
                r.issues.append(
                    issue("COUNTY_UNKNOWN", WARNING, f"无法确定所属县（市、区）：本行没有县（市、区）列，文件 {f.label} 的地区行、标题和文件名也都没有写明", r.where)
                )
            origins[id(r)] = origin
            counts_for[id(r)] = counted
            rows.append(r)
    merged = [f for f in files if f.merged]
    if not merged:
        why = "；".join(f.refused.message for f in files if f.refused)
        raise BadInputError(f"没有可汇总的文件：{why}")
    file_of = {id(r.values): str(origins[id(r)].file.path) for r in rows}
    lookup = (lambda values, sel: history(values, sel, file_of.get(id(values)))) if history is not None else None
    base = build(
        rows, year=y, region=city, fund=fund, date=date, catalog=cat, city_of=lambda row: counts_for.get(id(row)), history=lookup
    )
    values = {fl.name: getattr(base, fl.name) for fl in dataclasses.fields(Summary)}
    summary = CitySummary(**values, inputs=files, origins=origins)
    summary.batch = list(summary.batch) + cross_county(summary, cat)
    return summary


__all__ = ["CITY_AUDIT_COLUMNS", "CitySummary", "InputFile", "Origin", "build_city", "cross_county", "input_paths", "labels"]
