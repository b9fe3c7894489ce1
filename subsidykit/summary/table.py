"""The summary of a ledger: one 附件2 table per category and the 审核 lines, as values and as a workbook.

    ledger = read_ledger("台账.xlsx")                     # or read_values(used_range.value, ...)
    summary = build(ledger, year=2023, region="某某市")    # summary.build
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
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from subsidykit.summary.audit import AUDIT_COLUMNS, AUDIT_SHEET, CONDITION_CODES, audit_plan, audit_row
from subsidykit.workbooks import summary_layout as L
from subsidykit.errors import BadInputError
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.cells import as_text, col_letters
from subsidykit.workbooks.ledger import Ledger, LedgerRow, suggest_mapping
from subsidykit.rules.lookup import Selection
from subsidykit.rules.findings import ERROR, INFO, WARNING, BatchFinding, Finding
from subsidykit.rules.vocabulary import form_stand_in


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
            grid.append(audit_row(i, r))
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

    def plans(self, *, paper: str = "A4") -> list[L.SheetPlan]:
        """Every sheet of the workbook as a styled plan (`summary_layout.SheetPlan`)."""
        out = []
        for s in self.sheets:
            if s.kind == "table":
                n = len(self.tables.get(s.category.number, []))
                rows = s.values[L.FIRST_DATA_ROW - 1 : L.FIRST_DATA_ROW - 1 + n]
                out.append(L.table_plan(s.category, rows, region=self.region, date=self.date, paper=paper, name=s.name))
            else:
                out.append(audit_plan(s, paper=paper))
        return out

    def to_workbook(self, *, paper: str = "A4"):
        """The workbook as an openpyxl object (the same content as `xlsx_bytes`)."""
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        L.register_styles(wb)
        for plan in self.plans(paper=paper):
            L.render(wb.create_sheet(plan.name), plan)
        return wb

    def xlsx_bytes(self, *, paper: str = "A4") -> bytes:
        """The .xlsx file, written directly (`summary.xlsx`): the same workbook as
        `to_workbook` saved by openpyxl, in a fraction of the time."""
        from subsidykit.summary.xlsx import workbook_xlsx

        return workbook_xlsx(self.plans(paper=paper))

    def write_xlsx(self, path: str | Path, *, paper: str = "A4") -> Path:
        """Write the summary workbook atomically (a temporary file, then a rename)."""
        target = Path(path)
        if self.ledger_path is not None and target.resolve() == Path(self.ledger_path).resolve():
            raise BadInputError("输出文件不能与台账文件相同（台账不会被改动）")
        return write_bytes_atomic(target, self.xlsx_bytes(paper=paper))

    ledger_path: str | None = None


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
