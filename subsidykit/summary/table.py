"""附件2 入库项目汇总表 from a ledger: one table per category, plus an internal 审核 sheet.

    ledger = read_ledger("台账.xlsx")                     # or read_values(used_range.value, ...)
    summary = build(ledger, year=2023, region="某某市")
    summary.write_xlsx("out/附件2_推荐项目汇总表.xlsx")     # atomic; the ledger is never touched
    summary.sheets                                      # per sheet: name, title, 2-D values, merges
    summary.for_excel()                                 # the same, Excel-safe (floats, texts never formulas)

The tables follow `summary_layout` (the official form).  The 审核 sheet is not part of the
official table: per project it shows the program matched in the catalog and the one review
(`review.review_project`, as validate and check): the cap, requested vs cap, the verdict, the
findings (错误/警告/提示) with their cells, the ledger's reading notes; above, the 真实性核查
sample size, per-city quota counts and the batch notes (`batch`, as validate).  Every rule
comes from the catalog.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from subsidykit.workbooks import summary_layout as L
from subsidykit.rules import batch as B
from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.cite import cite
from subsidykit.errors import BadInputError, SubsidyError
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.cells import as_text, col_letters
from subsidykit.workbooks.reproducible import workbook_bytes
from subsidykit.workbooks.ledger import Ledger, issue, LedgerRow, read_ledger, read_values, suggest_mapping
from subsidykit.rules.lookup import Selection, find_program, name_key
from subsidykit.rules.parsing import optional_year
from subsidykit.rules.regions import city_of_text, city_of_uscc
from subsidykit.rules.findings import ERROR, INFO, WARNING, BatchFinding, Finding
from subsidykit.rules.review import review_project
from subsidykit.rules.thresholds import VERDICT_ZH
from subsidykit.rules.uscc import normalise as uscc_normalise
from subsidykit.rules.uscc import problem as uscc_problem
from subsidykit.rules.vocabulary import form_stand_in

AUDIT_SHEET = "审核"
# findings shown in 条件明细 rather than 台账提示
CONDITION_CODES = frozenset({"BELOW_THRESHOLD", "DATE_WINDOW", "CONDITION_MISSING", "VALUE_INVALID", "VALUE_CONFLICT"})

# 审核 sheet: (header, width)
AUDIT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 5),
    ("汇总表", 7),
    ("表内序号", 6),
    ("单位名称", 20),
    ("统一社会信用代码", 20),
    ("申报项目名称", 22),
    ("申报项目类别（台账）", 16),
    ("匹配的政策项目", 24),
    ("项目编号", 16),
    ("项目总投入（万元）", 11),
    ("申请补助资金（万元）", 11),
    ("最高补助（万元）", 11),
    ("申请与最高补助", 18),
    ("条件核对", 9),
    ("条件明细", 48),
    ("台账提示", 40),
    ("台账行", 12),
)


@dataclass
class Review:
    """The 审核 line of one project."""

    row: LedgerRow
    category: L.Category | None = None
    selection: Selection | None = None
    match_note: str = ""
    cap: Decimal | None = None
    cap_text: str = ""
    request_text: str = ""
    check_status: str = ""  # 通过 / 不通过 / 待核实 (thresholds.VERDICT_ZH) / 无法核对 / ""
    check_lines: list[str] = field(default_factory=list)
    issues: list[Finding] = field(default_factory=list)  # the row's ledger findings and the matching's
    table_seq: int | None = None  # 序号 within its table
    findings: list[Finding] = field(default_factory=list)  # review.review_project's and the batch's
    verdict: str | None = None  # pass / fail / incomplete

    def notes(self) -> list[str]:
        """The 台账提示 column: the review's findings (the conditions are in 条件明细) and the
        ledger's reading notes the review does not repeat."""
        shown = [f.text() for f in self.findings if f.code not in CONDITION_CODES]
        reviewed = self.verdict is not None  # the review re-ran the 元 heuristic with the program
        shown += [i.text() for i in self.issues if not (reviewed and i.code == "AMOUNT_LOOKS_LIKE_YUAN")]
        return shown

    @property
    def flagged(self) -> bool:
        return any(f.severity in (ERROR, WARNING) for f in self.findings) or any(i.severity != INFO for i in self.issues)


@dataclass(frozen=True)
class QuotaCount:
    region: str
    program: str  # label
    label: str  # the limit in the guide's words
    limit: Decimal
    count: int
    source: str

    @property
    def exceeded(self) -> bool:
        return self.count > self.limit

    def text(self) -> str:
        state = f"超出 {self.count - int(self.limit)} 个" if self.exceeded else "未超出"
        return f"{self.region or '（未填地区）'}｜{self.program}｜{self.label}｜已报 {self.count} 个｜{state}（{self.source}）"


@dataclass(frozen=True)
class HeaderGaps:
    """Ledger headers nothing maps, and official 附件2 columns no ledger column fills: said first
    on every surface (the console's stderr, the top of 审核, the ribbon's message, the JSON)."""

    unmapped: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (header as typed, header cell, closest fields)
    empty: tuple[tuple[str, str], ...] = ()  # (附件2 column header, field)
    stand_ins: tuple[tuple[str, str, str], ...] = ()  # (附件2 column header, ledger header, field standing in)

    def __bool__(self) -> bool:
        return bool(self.unmapped or self.empty)

    def mapping_lines(self) -> list[str]:
        """Ready-to-paste lines of a --mapping YAML file, the closest field for each unmapped column."""
        out = []
        for header, _cell, near in self.unmapped:
            key = json.dumps(header, ensure_ascii=False)  # a YAML double-quoted key, whatever the header holds
            if near:
                rest = f"  # 或：{'、'.join(near[1:])}" if len(near) > 1 else ""
                out.append(f"{key}: {near[0]}{rest}")
            else:
                out.append(f'{key}: ""  # 未找到相近且尚未读入的字段；留空 = 不读入该列')
        return out

    def lines(self) -> list[str]:
        """The warning, one line each: unmapped columns, empty 附件2 columns, the mapping lines."""
        if not self:
            return []
        out = []
        if self.unmapped:
            cols = "、".join(f"「{h}」（{c}）" for h, c, _ in self.unmapped)
            out.append(f"[{WARNING}] 台账有 {len(self.unmapped)} 列未能识别，未读入汇总表：{cols}")
        if self.empty:
            cols = "、".join(h for h, _ in self.empty)
            out.append(f"[{WARNING}] 附件2 有 {len(self.empty)} 列为空（台账中没有能对应的列）：{cols}")
        if self.unmapped:
            out.append(f"[{WARNING}] 如这些列应读入，请写在列名对照文件（YAML）中并用 --mapping 指定，或把表头改为字段名；可直接粘贴：")
            out += [f"  {line}" for line in self.mapping_lines()]
        else:
            out.append(f"[{WARNING}] 如台账另有这些数据，请在台账中加列（列名用上述字段名），或用列名对照文件（--mapping）说明")
        return out

    def notes(self) -> list[str]:
        """The 附件2 columns filled by a field standing in (fields.yaml form_stand_in)."""
        return [
            f"[{INFO}] 附件2「{col}」列取自台账「{header}」列（台账没有该列，按字段表以{name}填写，请核实口径）"
            for col, header, name in self.stand_ins
        ]

    def to_json(self) -> dict:
        return {
            "columns": [{"header": h, "cell": c, "suggest": list(near)} for h, c, near in self.unmapped],
            "empty": [{"column": h, "field": f} for h, f in self.empty],
            "stand_ins": [{"column": col, "ledger_header": h, "field": f} for col, h, f in self.stand_ins],
            "mapping": self.mapping_lines(),
            "message": "\n".join(self.lines()),
        }


def header_gaps(ledger: Ledger | None, rows: Sequence[LedgerRow] = ()) -> tuple[HeaderGaps, dict[str, str]]:
    """(the gaps, 附件2 field -> the ledger field that fills its column)."""
    if ledger is not None:
        present = {c.field: c.header for c in ledger.columns if c.field}
    else:
        present = {k: k for r in rows for k in r.values}
    fills: dict[str, str] = {}
    empty: list[tuple[str, str]] = []
    stand_ins: list[tuple[str, str, str]] = []
    for col in L.COLUMNS:
        if not col.field:
            continue
        if col.field in present:
            fills[col.field] = col.field
            continue
        other = form_stand_in(col.field)
        if other and other in present:
            fills[col.field] = other
            stand_ins.append((col.header, present[other], other))
        else:
            empty.append((col.header, col.field))
    unmapped: list[tuple[str, str, tuple[str, ...]]] = []
    if ledger is not None:
        prefer = tuple(f for _, f in empty)  # the empty 附件2 columns first, fields already read never
        for c in ledger.unmapped:
            near = [f for f in suggest_mapping(c.header, prefer, 6) if f not in present][:3]
            unmapped.append((c.header, ledger.cell_of(c), tuple(near)))
    return HeaderGaps(tuple(unmapped), tuple(empty), tuple(stand_ins)), fills


@dataclass
class SummarySheet:
    """One output sheet as plain values (what a macro writes into a workbook at A1)."""

    name: str
    title: str
    kind: str  # "table" (附件2-x) or "audit" (审核)
    values: list[list[object]]
    merges: list[str]
    column_widths: list[float]
    header_rows: tuple[int, int]  # first and last 1-based row repeated on each printed page
    category: L.Category | None = None

    def excel_values(self) -> list[list[object]]:
        """Values for a live workbook: amounts as float, texts that start like a formula
        prefixed with an apostrophe (Excel's text marker) so they stay text."""
        return [[_excel_value(v) for v in row] for row in self.values]


def _excel_value(v: object) -> object:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return as_text(v)


@dataclass
class Summary:
    year: int
    fund: str
    region: str
    date: dt.date
    categories: list[L.Category]
    tables: dict[str, list[Review]]  # category number -> reviews, in ledger order
    reviews: list[Review]  # every project, in ledger order
    sample_text: str
    sample_size: int | None
    quotas: list[QuotaCount]
    ledger: Ledger | None = None
    batch: list[BatchFinding] = field(default_factory=list)  # duplicates, city limits (batch.py, as validate)

    # ------------------------------------------------------------ values

    @property
    def unmatched(self) -> list[Review]:
        return [r for r in self.reviews if r.category is None]

    @property
    def header_gaps(self) -> HeaderGaps:
        """Ledger columns nothing maps and 附件2 columns left empty (said first everywhere)."""
        return self._gaps[0]

    @cached_property
    def _gaps(self) -> tuple[HeaderGaps, dict[str, str]]:
        return header_gaps(self.ledger, [r.row for r in self.reviews])

    def unmapped_json(self) -> dict:
        """The `unmapped` key of the summary's JSON (CLI --json, the server's summary answer)."""
        return self.header_gaps.to_json()

    def table_rows(self, number: str) -> list[list[object]]:
        """The data rows of one 汇总表, in the official column order."""
        fills = self._gaps[1]
        return [_table_row(r, fills) for r in self.tables.get(number, [])]

    @property
    def sheets(self) -> list[SummarySheet]:
        out = []
        for cat in self.categories:
            rows = self.table_rows(cat.number)
            grid = L.header_grid(cat, self.region, self.date) + rows
            foot = L.footer_rows(L.FIRST_DATA_ROW + len(rows) - 1)
            for rr in sorted(foot):
                while len(grid) < rr - 1:
                    grid.append([None] * L.NCOLS)
                grid.append(foot[rr])
            out.append(
                SummarySheet(
                    cat.sheet_name,
                    cat.title,
                    "table",
                    grid,
                    L.merges(len(rows)),
                    [c.width for c in L.COLUMNS],
                    (L.ROW_GROUPS, L.ROW_HEADERS),
                    cat,
                )
            )
        out.append(self._audit_sheet())
        return out

    def _audit_lines(self) -> list[str]:
        n_in = sum(len(v) for v in self.tables.values())
        flagged = sum(1 for r in self.reviews if r.flagged)
        gaps = self.header_gaps
        lines = [f"表头：{line}" for line in gaps.lines()]  # first: columns not read, 附件2 columns left empty
        lines += [f"表头：{line}" for line in gaps.notes()]
        if self.ledger:
            lines += [f"表头：{i.text()}" for i in self.ledger.issues if i.code == "COLUMN_UNIT_CONVERTED"]
        lines += [
            f"地区：{self.region or '（未填）'}　汇总时间：{L.date_text(self.date)}"
            + (f"　台账：{self.ledger.sheet}（表头在第 {self.ledger.header_row} 行）" if self.ledger else ""),
            f"项目共 {len(self.reviews)} 个：列入汇总表 {n_in} 个，未能归类 {len(self.unmatched)} 个（未列入汇总表），有错误或警告的 {flagged} 个",
            f"真实性核查：{self.sample_text}",
        ]
        if self.quotas:
            lines += [f"限报名额：{q.text()}" for q in self.quotas]
        else:
            lines.append(f"限报名额：{self.year} 年度政策目录中未规定各地限报名额")
        lines += [f"批次：[{b.severity}] {b.message}（{'、'.join(b.members)}）" for b in self.batch]
        if self.ledger:
            lines += [f"台账：{i.text()}" for i in self.ledger.issues if i.severity != INFO and i.code != "UNMAPPED_COLUMN"]
        return lines

    def _audit_sheet(self) -> SummarySheet:
        ncol = len(AUDIT_COLUMNS)
        title = f"审核：{self.year}年度{self.fund}入库项目（内部核对用，不属于附件2，报送时不打印）"
        grid: list[list[object]] = [[title] + [None] * (ncol - 1)]
        for line in self._audit_lines():
            grid.append([line] + [None] * (ncol - 1))
        grid.append([None] * ncol)
        header_row = len(grid) + 1
        grid.append([h for h, _ in AUDIT_COLUMNS])
        for i, r in enumerate(self.reviews, 1):
            grid.append(_audit_row(i, r))
        merges = [f"A{k}:{col_letters(ncol - 1)}{k}" for k in range(1, header_row - 1)]
        return SummarySheet(
            AUDIT_SHEET, title, "audit", grid, merges, [w for _, w in AUDIT_COLUMNS], (header_row, header_row)
        )

    def for_excel(self) -> list[dict]:
        """Per sheet: name, title, kind, values (Excel-safe), merges, column widths, header rows."""
        return [
            {
                "name": s.name,
                "title": s.title,
                "kind": s.kind,
                "values": s.excel_values(),
                "merges": list(s.merges),
                "column_widths": list(s.column_widths),
                "header_rows": list(s.header_rows),
            }
            for s in self.sheets
        ]

    def to_json(self) -> dict:
        return {
            "year": self.year,
            "fund": self.fund,
            "region": self.region,
            "date": self.date.isoformat(),
            "sample_size": self.sample_size,
            "sample": self.sample_text,
            "tables": [
                {
                    "number": c.number,
                    "category": c.name,
                    "sheet": c.sheet_name,
                    "count": len(self.tables.get(c.number, [])),
                }
                for c in self.categories
            ],
            "quotas": [
                {
                    "region": q.region,
                    "program": q.program,
                    "label": q.label,
                    "limit": int(q.limit),
                    "count": q.count,
                    "exceeded": q.exceeded,
                }
                for q in self.quotas
            ],
            "projects": [
                {
                    "row": r.row.row,
                    "unit": r.row.get("单位名称"),
                    "project": r.row.get("申报项目名称"),
                    "table": r.category.number if r.category else None,
                    "program": r.selection.program.id if r.selection else None,
                    "variant": r.selection.variant.name if r.selection and r.selection.variant else None,
                    "cap_wan": None if r.cap is None else float(r.cap),
                    "cap": r.cap_text,
                    "request": r.request_text,
                    "check": r.check_status,
                    "verdict": r.verdict,
                    "issues": [i.to_json() for i in r.issues],
                    "findings": [f.to_json() for f in r.findings],
                }
                for r in self.reviews
            ],
            "ledger_issues": [i.to_json() for i in (self.ledger.issues if self.ledger else [])],
            "batch": [b.to_json() for b in self.batch],
            "unmapped": self.unmapped_json(),
        }

    # ------------------------------------------------------------ files

    def to_workbook(self, *, paper: str = "A4"):
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        L.register_styles(wb)
        for s in self.sheets:
            ws = wb.create_sheet(s.name)
            if s.kind == "table":
                n = len(self.tables.get(s.category.number, []))
                rows = s.values[L.FIRST_DATA_ROW - 1 : L.FIRST_DATA_ROW - 1 + n]
                L.write_table(ws, s.category, rows, region=self.region, date=self.date, paper=paper)
            else:
                _write_audit(ws, s, paper=paper)
        return wb

    def xlsx_bytes(self, *, paper: str = "A4") -> bytes:
        return workbook_bytes(self.to_workbook(paper=paper))

    def write_xlsx(self, path: str | Path, *, paper: str = "A4") -> Path:
        """Write the summary workbook atomically (a temporary file, then a rename)."""
        target = Path(path)
        if self.ledger_path is not None and target.resolve() == Path(self.ledger_path).resolve():
            raise BadInputError("输出文件不能与台账文件相同（台账不会被改动）")
        return write_bytes_atomic(target, self.xlsx_bytes(paper=paper))

    ledger_path: str | None = None


# ---------------------------------------------------------------- building


def _table_row(r: Review, fills: dict[str, str] | None = None) -> list[object]:
    """`fills`: 附件2 field -> the ledger field filling its column (itself, or a stand-in)."""
    row = r.row
    out: list[object] = []
    for col in L.COLUMNS:
        if col.kind == "seq":
            out.append(r.table_seq)
            continue
        v = row.values.get((fills or {}).get(col.field or "", col.field))
        if col.kind == "bool" and isinstance(v, bool):
            v = "是" if v else "否"
        out.append(v)
    return out


def _join(lines: Sequence[str]) -> str:
    return "\n".join(lines)


def _audit_row(i: int, r: Review) -> list[object]:
    row = r.row
    sel = r.selection
    matched = sel.label if sel else (r.match_note or "")
    if sel and r.match_note:
        matched = f"{sel.label}（{r.match_note}）"
    issues = r.notes()
    return [
        i,
        r.category.number if r.category else "未归类",
        r.table_seq,
        row.values.get("单位名称"),
        row.values.get("统一社会信用代码"),
        row.values.get("申报项目名称"),
        row.values.get("申报项目类别"),
        matched,
        sel.program.id if sel else None,
        row.values.get("项目总投入"),
        row.values.get("申请补助资金"),
        r.cap,
        r.request_text,
        r.check_status,
        _join(r.check_lines),
        _join(issues),
        f"第{row.row}行",
    ]


def _write_audit(ws, s: SummarySheet, *, paper: str) -> None:
    from openpyxl.styles import Font

    header = s.header_rows[0]
    for c, w in enumerate(s.column_widths):
        ws.column_dimensions[col_letters(c)].width = w
    amount_cols = {i for i, (h, _) in enumerate(AUDIT_COLUMNS) if h.endswith("（万元）")}
    cache = L.StyleCache()
    for r, values in enumerate(s.values, 1):
        for c, v in enumerate(values, 1):
            if v is None and r <= header:
                continue
            cell = ws.cell(row=r, column=c)
            if isinstance(v, str):
                L.set_text(cell, v)
            elif v is not None:
                cell.value = v
            if r == 1:
                cell.style = "sk_line"
                cell.font = Font(name="宋体", size=13, bold=True)
            elif r < header:
                cell.style = "sk_line"
            elif r == header:
                cell.style = "sk_head"
            else:
                cache.apply(cell, "sk_amount" if (c - 1) in amount_cols else "sk_text")
        if r > header:
            ws.row_dimensions[r].height = L.row_height(values, s.column_widths)
    for rng in s.merges:
        ws.merge_cells(rng)
    ws.freeze_panes = f"E{header + 1}"
    last = len(s.values)
    L.apply_audit_print_setup(
        ws, paper=paper, header_row=header, last_row=last, last_col=col_letters(len(AUDIT_COLUMNS) - 1)
    )


class _Matcher:
    """Ledger 申报项目类别 text -> (category, selection, note), cached (ledgers repeat the same texts)."""

    def __init__(self, year: int, doc, cats: list[L.Category], catalog: Catalog):
        self.year, self.doc, self.cats, self.catalog = year, doc, cats, catalog
        self.by_program = {pid: c for c in cats for pid in c.programs}
        self.cache: dict[tuple[str, str], tuple[L.Category | None, Selection | None, str, bool]] = {}

    def __call__(self, text: object, variant: object) -> tuple[L.Category | None, Selection | None, str, bool]:
        key = (str(text or ""), str(variant or ""))
        if key not in self.cache:
            self.cache[key] = self._match(*key)
        return self.cache[key]

    def _match(self, text: str, variant: str) -> tuple[L.Category | None, Selection | None, str, bool]:
        """(category, selection, note, unknown?)"""
        if not text.strip():
            return None, None, "台账未填申报项目类别", True
        error = ""
        try:
            sel = find_program(text, year=self.year, variant=variant or None, catalog=self.catalog)
            cat = self.by_program.get(sel.program.id)
            if cat is not None:
                return cat, sel, "", False
            error = f"「{text}」是 {sel.program.year}/{self.catalog.doc_of[sel.program.id].fund} 的项目，不属于本汇总表"
        except SubsidyError as exc:
            error = exc.message
            if variant:  # the sub-case may be the culprit: match the program alone, and say so
                try:
                    sel = find_program(text, year=self.year, catalog=self.catalog)
                    cat = self.by_program.get(sel.program.id)
                    if cat is not None:
                        return cat, sel, f"子类「{variant}」未能识别：{exc.message}", False
                except SubsidyError:
                    pass
        key = name_key(text)
        for cat in self.cats:  # the category itself typed ("绿色化改造提升")
            ck = name_key(cat.name)
            if key == ck or (len(ck) >= 4 and ck in key):
                return cat, None, f"按类别「{cat.name}」归入，未能对应到具体项目：{error}", False
        return None, None, error, True


def _review(r: Review, catalog: Catalog) -> None:
    """The project's review (`review.review_project`, the same as validate, check and the cells),
    formatted for the 审核 line."""
    sel, row = r.selection, r.row
    if sel is None:
        return
    unreadable = {i.field for i in row.issues if i.severity == ERROR and i.field and i.code.startswith("BAD_")}
    try:
        rv = review_project(
            sel, row.values, row.cells, catalog=catalog, unreadable=unreadable, stated_units=row.stated_units,
            counted={"申报项目数量": 1},  # this row is one project; the batch counts the unit's others
        )  # fmt: skip
    except SubsidyError as exc:
        r.check_status = "无法核对"
        r.check_lines = [exc.message]
        return
    r.cap, r.cap_text, r.request_text = rv.cap, rv.cap_text, rv.request_text
    r.findings = list(rv.findings)
    r.verdict = rv.verdict
    report = rv.report
    r.check_status = VERDICT_ZH[rv.verdict]
    passed = sum(x.status == "pass" for x in report.results)
    r.check_lines = [report.headline() + (f"；已核对通过 {passed} 项" if passed and rv.verdict != "pass" else "")]
    missing = [f for f in rv.findings if f.code == "CONDITION_MISSING"]
    for f in rv.findings:
        if f.code in CONDITION_CODES and f.code != "CONDITION_MISSING":
            r.check_lines.append(f.text())
    if missing:  # one line: the fields to fill
        names = "、".join(dict.fromkeys(f.field or "" for f in missing))
        r.check_lines.append(f"[{WARNING}] 缺少数据，无法核对：{names}")
    r.check_lines += [f"[推算] {n}" for n in report.notes]


def _project(r: Review, region: str) -> B.Project:
    values, sel = r.row.values, r.selection
    code = values.get("统一社会信用代码")
    city = city_of_text(values.get("地区")) or city_of_text(values.get("所在地")) or city_of_uscc(code) or city_of_text(region)

    def text(name: str) -> str | None:
        v = values.get(name)
        return None if v is None else str(v).strip() or None

    return B.Project(
        year=sel.program.year if sel else None,
        program=sel.program.id if sel else None,
        variant=sel.variant.name if sel and sel.variant else None,
        label=sel.label if sel else None,
        applicant=text("单位名称"),
        uscc=uscc_normalise(code) if isinstance(code, str) and uscc_problem(code) is None else None,
        project=text("申报项目名称"),
        city=city,
    )


def _batch(region: str, reviews: list[Review], doc, catalog: Catalog) -> tuple[list[QuotaCount], list[BatchFinding]]:
    """The batch checks of `batch.py` (the same as validate's): duplicates and per-city limits
    counted over the ledger; their notes go to the rows they name."""
    items = [(r.row.where, _project(r, region)) for r in reviews if r.selection is not None]
    notes = list(B.duplicates(items, catalog))
    quotas: list[QuotaCount] = []
    for c in B.city_counts(items, catalog, programs=[p for p in doc.programs if p.city_limits]):
        place = c.city or (region if not c.members else "（无法确定设区市）")
        quotas.append(QuotaCount(place, c.label, c.limit.label, c.limit.value, c.count, cite(c.limit.source)))
    notes += list(B.city_limits(items, catalog))
    by_member = {r.row.where: r for r in reviews}
    for n in notes:
        for m in n.members:
            if m in by_member:
                by_member[m].findings.append(Finding(n.code, n.severity, n.message, None, m, n.source))
    return quotas, notes


def _infer_year(rows: Sequence[LedgerRow]) -> int:
    years = Counter()
    for r in rows:
        y = r.values.get("申报年度")
        if isinstance(y, Decimal) and y == y.to_integral_value():
            years[int(y)] += 1
    if not years:
        raise BadInputError("请指定年度（--year），台账中也没有「申报年度」列")
    return years.most_common(1)[0][0]


def build(
    rows: Ledger | Sequence[LedgerRow],
    *,
    year: int | str | None = None,
    region: str = "",
    fund: str | None = None,
    date: dt.date | None = None,
    catalog: Catalog | None = None,
) -> Summary:
    """The 汇总表 of the year's guide(s) and the 审核 sheet from ledger rows."""
    cat = catalog or load_catalog()
    ledger = rows if isinstance(rows, Ledger) else None
    items = list(ledger.rows if ledger else rows)
    y = optional_year(year)  # blank: the ledger's 申报年度
    if y is None:
        y = _infer_year(items)
    doc = L.document_for(y, fund, cat)
    cats = L.categories(y, fund, cat)
    match = _Matcher(y, doc, cats, cat)
    reviews: list[Review] = []
    tables: dict[str, list[Review]] = defaultdict(list)
    for row in items:
        category, sel, note, unknown = match(row.values.get("申报项目类别"), row.values.get("项目子类"))
        rv = Review(row, category, sel, note, issues=list(row.issues))
        if unknown:
            typed = row.values.get("申报项目类别")
            rv.issues.append(
                issue(
                    "UNKNOWN_CATEGORY",
                    WARNING,
                    f"申报项目类别「{typed or ''}」未能对应到 {y} 年度指南的项目，未列入汇总表：{note}",
                    row.cells.get("申报项目类别", f"{row.sheet}!第{row.row}行"),
                    "申报项目类别",
                )
            )
        elif category is not None:
            tables[category.number].append(rv)
            rv.table_seq = len(tables[category.number])
        _review(rv, cat)
        reviews.append(rv)
    quotas, notes = _batch(region or "", reviews, doc, cat)
    tabled = [(r.row.where, _project(r, region or "")) for r in reviews if r.category is not None]
    s = B.sample(tabled, cat, y, what="列入汇总表的项目", unit="行")
    sample_text, size = s.note.message, s.size
    return Summary(
        y,
        doc.fund,
        region or "",
        date or dt.date.today(),
        cats,
        dict(tables),
        reviews,
        sample_text,
        size,
        quotas,
        ledger,
        notes,
    )


def build_from_values(
    values: Sequence[Sequence[object]],
    *,
    sheet: str = "Sheet1",
    origin: str | tuple[int, int] = "A1",
    year: int | str | None = None,
    region: str = "",
    fund: str | None = None,
    mapping=None,
    date: dt.date | None = None,
) -> Summary:
    """For a macro: the active sheet's values (`used_range.value`, its first cell as `origin`)."""
    return build(
        read_values(values, sheet=sheet, origin=origin, mapping=mapping), year=year, region=region, fund=fund, date=date
    )


def build_from_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    year: int | str | None = None,
    region: str = "",
    fund: str | None = None,
    mapping=None,
    date: dt.date | None = None,
) -> Summary:
    summary = build(read_ledger(path, sheet=sheet, mapping=mapping), year=year, region=region, fund=fund, date=date)
    summary.ledger_path = str(path)
    return summary
