"""The layout of 附件2 入库项目汇总表: categories, title, two-level header, stamp line, print setup.

Faithful to the official table of the 2023 notice, 000_e236479adaf7e68e.txt lines 4571-5025
(附件2-1 … 2-5, one table per category, identical apart from the category in the title).
The 2026 制造强省 guides (004_4f6895fa74c99952.txt) publish no summary table; they use the
same layout with one table per guide.  Shared by `summary` (filled tables), the CLI and
`templates/build_summary_template.py` (empty templates).  The 附件2 columns (`COLUMNS`) and
the 附件3 信用承诺书 wording (`COMMITMENT_*`) are written here once; the application form,
the ledger template and 附件3 take their headings from them.

Only wording of the form lives here; every rule comes from the catalog.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field

from subsidykit.catalog import Catalog, Document, Program, load_catalog
from subsidykit.errors import BadInputError
from subsidykit.workbooks.cells import col_letters

# --- the form's wording (000_e236479adaf7e68e.txt 4571-4619, repeated for 2-2 … 2-5) ----------
ATTACHMENT = "附件{number}"  # " 附件 2-1 " (line 4571)
TITLE_1 = "{year}年度{fund}"  # "2023年度江苏省工业和信息产业转型升级专项资金" (line 4573)
TITLE_2 = "（{category}）入库项目汇总表"  # "（智能化改造数字化转型）入库项目汇总表" (line 4575)
REGION = "地区：{region}"  # "地区：           汇总时间：" (line 4576)
DATE = "汇总时间：{date}"
GROUPS = ("项目申报单位", "{base_year}年基本情况", "项目基本情况")  # line 4580; base year = guide year - 2
STAMP_LEFT = "市、县（市）工业和信息化主管部门（盖章）"  # line 4618
STAMP_RIGHT = "市、县（市）财政局（盖章）"
NOTE = "注：此表系统内自动生成，各设区市（县、市）工信部门、财政部门或省属企业（单位）及其主管部门加盖单位公章。"  # line 4619
TEMPLATE_BLANK_ROWS = 7  # the official form prints seven empty rows (lines 4604-4616)


@dataclass(frozen=True)
class Column:
    header: str  # as printed (line breaks of the PDF joined)
    field: str | None  # canonical ledger field (catalog/fields.yaml); None for 序号
    kind: str  # seq | text | amount | date | bool
    width: float  # characters


# lines 4578-4602: 序号, then 3 + 3 + 8 columns under the three groups
COLUMNS: tuple[Column, ...] = (
    Column("序号", None, "seq", 5),
    Column("单位名称", "单位名称", "text", 24),
    Column("单位主要经营地址", "单位主要经营地址", "text", 24),
    Column("所属行业", "所属行业", "text", 14),
    Column("主营业务收入（万元）", "主营业务收入", "amount", 16),
    Column("实缴税金（万元）", "实缴税金", "amount", 13),
    Column("利润总额（万元）", "利润总额", "amount", 13),
    Column("申报项目类别", "申报项目类别", "text", 20),
    Column("申报项目名称", "申报项目名称", "text", 24),
    Column("申报项目总投入（万元）", "项目总投入", "amount", 12),
    Column("其中：固定资产投资（万元）", "固定资产投资", "amount", 12),
    Column("项目开始时间", "开工日期", "date", 11),
    Column("项目结束时间", "完工日期", "date", 11),
    Column("项目申请补助资金（万元）", "申请补助资金", "amount", 12),
    Column("是否为省先进制造业集群中的项目", "是否集群项目", "bool", 13),
)
GROUP_SPANS = ((2, 4), (5, 7), (8, 15))  # 1-based column ranges under GROUPS


def column_header(field: str) -> str:
    """The 附件2 heading of a canonical field ("项目总投入" -> "申报项目总投入（万元）")."""
    return next(c.header for c in COLUMNS if c.field == field)


# --- 附件3 信用承诺书 (000_e236479adaf7e68e.txt lines 5026-5069) ----------------------------------
COMMITMENT_TITLE = "{year}年度省级财政专项资金项目申报信用承诺书"  # line 5028
# lines 5030-5035: the block at the top of the form, one tuple per printed line, each pair
# (canonical field, label as printed); the answer stands right of its label
COMMITMENT_BLOCK: tuple[tuple[tuple[str, str], ...], ...] = (
    (("单位名称", "项目申报单位"), ("统一社会信用代码", "统一社会信用代码")),
    (("申报项目名称", "项目名称"), ("申报依据", "申报依据")),
    (("项目总投入", "项目总投入额或执行额"), ("申请补助资金", "申请财政资金")),
    (("所在地", "项目所在地"), ("项目责任人", "项目责任人"), ("联系电话", "联系电话")),
)
COMMITMENT_LABELS = {name: label for line in COMMITMENT_BLOCK for name, label in line}
COMMITMENT_PLEDGES = (  # lines 5041-5058
    "项目申报单位承诺:",
    "1. 本单位近三年信用状况良好，无严重失信行为。",
    "2. 申报的所有材料均依据相关项目申报要求，据实提供。",
    "3. 专项资金获批后将按规定使用。",
    "4. 自觉接受财政、工信、审计、纪检等部门的监督检查。",
    "5. 近三年未发生重大及以上安全、环保、质量事故。",
    "6. 杜绝社会中介机构包装项目。",
    "7. 如违背以上承诺，愿意承担相关责任，同意有关主管部门将相关失信信息记入公共信用信息系统。",
)
COMMITMENT_SIGN = ("项目申报责任人（签名）", "单位负责人（签名）          （公章）", "日期：")  # lines 5060-5069
NCOLS = len(COLUMNS)
LAST_COL = col_letters(NCOLS - 1)  # "O"

# rows (1-based)
ROW_ATTACHMENT, ROW_TITLE_1, ROW_TITLE_2, ROW_REGION, ROW_GROUPS, ROW_HEADERS = 1, 2, 3, 4, 5, 6
FIRST_DATA_ROW = 7

PAPER = {"A4": 9, "A3": 8}  # openpyxl / SpreadsheetML paperSize codes
AMOUNT_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Category:
    """One 汇总表: 附件2-<index>, the category as printed in the title, and its programs."""

    number: str  # "2-1"
    name: str  # "智能化改造数字化转型"
    year: int
    fund: str
    programs: tuple[str, ...]  # program ids

    @property
    def sheet_name(self) -> str:
        return safe_sheet_name(f"{self.number} {self.name}")

    @property
    def title(self) -> str:
        return f"{TITLE_1.format(year=self.year, fund=self.fund)}{TITLE_2.format(category=self.name)}"


def safe_sheet_name(name: str, taken: Sequence[str] = ()) -> str:
    """An Excel sheet name: no []:*?/\\, at most 31 characters, unique among `taken`."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "Sheet"
    base = base[:31]
    out, n = base, 2
    lowered = {t.lower() for t in taken}
    while out.lower() in lowered:
        suffix = f"({n})"
        out = base[: 31 - len(suffix)] + suffix
        n += 1
    return out


def _strip_number(heading: str) -> str:
    """ "一、智能化改造数字化转型" -> "智能化改造数字化转型"."""
    return re.sub(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])\s*", "", heading.strip())


def _guide_category(doc: Document, guide: str) -> str:
    """ "2026年度江苏省制造强省建设专项资金重点产业技术创新项目申报指南" -> "重点产业技术创新项目"."""
    name = re.sub(r"\s+", "", guide)
    name = re.sub(rf"^{doc.year}年度?", "", name)
    name = name.removeprefix(re.sub(r"\s+", "", doc.fund))
    name = re.sub(r"(申报指南|征集指南|项目指南|指南)$", "", name)
    return name or guide


def program_category(doc: Document, program: Program) -> str:
    """The category a program belongs to: its guide (documents with several guides) or its top heading."""
    if len(doc.guides) > 1:
        return _guide_category(doc, program.guide)
    if program.path:
        return _strip_number(program.path[0])
    return program.title


def document_for(year: int, fund: str | None = None, catalog: Catalog | None = None) -> Document:
    cat = catalog or load_catalog()
    docs = [d for d in cat.documents if d.year == year and (fund is None or d.fund == fund or fund in d.fund)]
    if not docs:
        have = "、".join(str(d.year) for d in cat.documents)
        what = f" {year} 年度{('「' + fund + '」') if fund else ''}"
        raise BadInputError(f"政策目录中没有{what}的指南（已有年度：{have}）")
    if len(docs) > 1:
        raise BadInputError(f"{year} 年度有多份文件，请指定专项资金名称：{'、'.join(d.fund for d in docs)}")
    return docs[0]


def categories(year: int, fund: str | None = None, catalog: Catalog | None = None) -> list[Category]:
    """The 汇总表 of a year's guide(s), in the order of the guide: 2-1, 2-2, …"""
    doc = document_for(year, fund, catalog)
    order: dict[str, list[str]] = {}
    if len(doc.guides) > 1:
        for g in doc.guides:
            order.setdefault(_guide_category(doc, g), [])
    for p in doc.programs:
        order.setdefault(program_category(doc, p), []).append(p.id)
    return [Category(f"2-{i}", name, doc.year, doc.fund, tuple(ids)) for i, (name, ids) in enumerate(order.items(), 1)]


def base_year(year: int) -> int:
    """The year of the 基本情况 columns: two years before the guide's year (2023 guide -> 2021, line 4580)."""
    return year - 2


def date_text(date: dt.date | None) -> str:
    return "" if date is None else f"{date.year}年{date.month}月{date.day}日"


def header_grid(category: Category, region: str = "", date: dt.date | None = None) -> list[list[object]]:
    """Rows 1-6 of the table as values (merged cells: value in the top-left cell, None elsewhere)."""
    blank = [None] * NCOLS
    r1 = list(blank)
    r1[0] = ATTACHMENT.format(number=category.number)
    r2 = list(blank)
    r2[0] = TITLE_1.format(year=category.year, fund=category.fund)
    r3 = list(blank)
    r3[0] = TITLE_2.format(category=category.name)
    r4 = list(blank)
    r4[0] = REGION.format(region=region or "")
    r4[REGION_SPLIT] = DATE.format(date=date_text(date))
    r5 = list(blank)
    r5[0] = COLUMNS[0].header
    for text, (a, _b) in zip(GROUPS, GROUP_SPANS, strict=True):
        r5[a - 1] = text.format(base_year=base_year(category.year))
    r6 = [None] + [c.header for c in COLUMNS[1:]]
    return [r1, r2, r3, r4, r5, r6]


REGION_SPLIT = 7  # 0-based column where 汇总时间 starts (H)


def footer_rows(last_data_row: int) -> dict[int, list[object]]:
    """The stamp line and the note below the data, after one spacer row (room for the seals)."""
    stamp = [None] * NCOLS
    stamp[0] = STAMP_LEFT
    stamp[REGION_SPLIT] = STAMP_RIGHT
    note = [None] * NCOLS
    note[0] = NOTE
    return {last_data_row + 2: stamp, last_data_row + 3: note}


def merges(n_rows: int) -> list[str]:
    """Merged ranges of a table with `n_rows` data rows."""
    last = FIRST_DATA_ROW + n_rows - 1
    stamp = last + 2
    note = last + 3
    h = col_letters(REGION_SPLIT)  # REGION_SPLIT is 0-based: H, and G before it
    g = col_letters(REGION_SPLIT - 1)
    out = [
        f"A{ROW_TITLE_1}:{LAST_COL}{ROW_TITLE_1}",
        f"A{ROW_TITLE_2}:{LAST_COL}{ROW_TITLE_2}",
        f"A{ROW_REGION}:{g}{ROW_REGION}",
        f"{h}{ROW_REGION}:{LAST_COL}{ROW_REGION}",
        f"A{ROW_GROUPS}:A{ROW_HEADERS}",
    ]
    out += [f"{col_letters(a - 1)}{ROW_GROUPS}:{col_letters(b - 1)}{ROW_GROUPS}" for a, b in GROUP_SPANS]
    out += [f"A{stamp}:{g}{stamp}", f"{h}{stamp}:{LAST_COL}{stamp}", f"A{note}:{LAST_COL}{note}"]
    return out


# ---------------------------------------------------------------- styles and sheet plans
#
# A sheet is described once, as data (`SheetPlan`: styled cells in writing order, row heights,
# merges, frozen panes, print setup), and rendered by one of two writers: `render` (openpyxl:
# the committed templates, the forms, `Summary.to_workbook`) or `summary.xlsx` (the summary
# workbook written directly as SpreadsheetML, the same file without openpyxl's per-cell cost).


@dataclass(frozen=True)
class StyleSpec:
    """A named cell style: font, alignment, thin box border or none, number format."""

    name: str
    font: str = "宋体"
    size: float = 10
    bold: bool = False
    h: str = "center"
    v: str = "center"
    wrap: bool = True
    border: bool = True
    fmt: str | None = None


@dataclass(frozen=True)
class FontSpec:
    name: str
    size: float
    bold: bool = False


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("sk_attach", "黑体", 12, h="left", border=False, wrap=False),
    StyleSpec("sk_title", "方正小标宋简体", 16, bold=True, border=False, wrap=False),
    StyleSpec("sk_line", size=11, h="left", border=False, wrap=False),
    StyleSpec("sk_head", bold=True),
    StyleSpec("sk_seq"),
    StyleSpec("sk_text", h="left"),
    StyleSpec("sk_amount", h="right", fmt=AMOUNT_FORMAT),
    StyleSpec("sk_date", fmt=DATE_FORMAT),
    StyleSpec("sk_center"),
    StyleSpec("sk_stamp", size=11, h="left", v="bottom", border=False, wrap=False),
    StyleSpec("sk_note", h="left", v="top", border=False),
)
BORDER_COLOR = "000000"  # the thin box of bordered styles


def _styles():
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    thin = Side(style="thin", color=BORDER_COLOR)
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    out = []
    for spec in STYLES:
        s = NamedStyle(name=spec.name)
        s.font = Font(name=spec.font, size=spec.size, bold=spec.bold)
        s.alignment = Alignment(horizontal=spec.h, vertical=spec.v, wrap_text=spec.wrap)
        if spec.border:
            s.border = box
        if spec.fmt:
            s.number_format = spec.fmt
        out.append(s)
    return out


STYLE_NAMES = {
    "seq": "sk_seq",
    "text": "sk_text",
    "amount": "sk_amount",
    "date": "sk_date",
    "bool": "sk_center",
}


def text_width(text: str) -> float:
    """Display width in column-width units of a 10-point text: a CJK or full-width character
    is about 1.5 units (measured on the LibreOffice rendering with Noto CJK), others one."""
    n = len(text)
    if n == 0:
        return 0.0
    if text.isascii():
        return float(n)
    wide = (len(text.encode("utf-8")) - n) / 2  # CJK and U+2000… take 3 bytes in UTF-8, ASCII one
    return n + wide * 0.5


def row_height(values: Sequence[object], widths: Sequence[float], *, line: float = 13.5, minimum: float = 18) -> float:
    """The height (points) a row needs for its wrapped texts: spreadsheets do not grow rows
    with explicit heights, and LibreOffice does not grow rows written by openpyxl."""
    lines = 1
    for v, w in zip(values, widths, strict=False):
        if isinstance(v, str) and v:
            usable = max(w - 0.8, 1.0)
            if "\n" in v:
                n = sum(max(1, math.ceil(text_width(part) / usable)) for part in v.split("\n"))
            else:
                n = math.ceil(text_width(v) / usable)
            lines = max(lines, n)
    return min(409.0, max(minimum, lines * line + 4))


class StyleCache:
    """Assigning a named style by name is slow on big tables; copy the style array of the first
    cell that got each style instead (the same result in the file)."""

    def __init__(self) -> None:
        self._arrays: dict[str, object] = {}

    def apply(self, cell, name: str) -> None:
        arr = self._arrays.get(name)
        if arr is None:
            cell.style = name
            self._arrays[name] = copy(cell._style)
        else:
            cell._style = copy(arr)


def register_styles(wb) -> None:
    have = set(wb.style_names)
    for s in _styles():
        if s.name not in have:
            wb.add_named_style(s)


def set_text(cell, value: str) -> None:
    """Write a ledger text as data: never a formula, whatever it starts with (=, +, -, @)."""
    cell.value = value
    cell.data_type = "s"


MARGINS = (0.4, 0.5, 0.6, 0.2, 0.3)  # inches: left/right, top, bottom, header, footer
FOOTER = "第 &P 页"


def paper_size(paper: str) -> int:
    """The SpreadsheetML paperSize code of "A4"/"A3" (a clear error for anything else)."""
    if paper not in PAPER:
        raise BadInputError(f"纸张只能是 {'、'.join(PAPER)}：{paper}")
    return PAPER[paper]


def apply_print_setup(
    ws,
    *,
    paper: str = "A4",
    title_rows: str | None = None,
    last_row: int,
    last_col: str,
    landscape: bool = True,
    margins: tuple[float, float, float, float, float] = MARGINS,
    footer: str = FOOTER,
) -> None:
    """One page wide (as many pages tall as needed), repeated title rows, print area, centred,
    page numbers in the footer; `margins` = (left/right, top, bottom, header, footer) inches.
    The one page setup of every printed table and form (附件2/3/4, 审核, the application form)."""
    size = paper_size(paper)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = size
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    side, top, bottom, header, foot = margins
    ws.page_margins.left = ws.page_margins.right = side
    ws.page_margins.top = top
    ws.page_margins.bottom = bottom
    ws.page_margins.header = header
    ws.page_margins.footer = foot
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_area = f"A1:{last_col}{last_row}"
    ws.oddFooter.center.text = footer


# 审核 (internal, about 300 column-width units of 17 columns): one page wide would print it
# at under half size.  It gets its own setup instead: landscape, two pages wide at a readable
# scale, as many pages tall as needed, the columns identifying a project (序号 … 单位名称) and
# the header row repeated on every page, the two halves of a band printed one after the other.
AUDIT_PAGES_WIDE = 2
AUDIT_KEY_COLUMNS = "A:D"
AUDIT_PAGE_ORDER = "overThenDown"
AUDIT_FOOTER = "审核（内部核对用，报送时不打印）　第 &P 页，共 &N 页"


@dataclass(frozen=True)
class PrintSetup:
    """The page setup of a planned sheet: `apply_print_setup` (a table) or the 审核 variant."""

    paper: str
    last_row: int
    last_col: str
    title_rows: str | None = None
    audit: bool = False

    def __post_init__(self) -> None:
        paper_size(self.paper)  # an unknown paper is refused when the sheet is planned

    @property
    def paper_size(self) -> int:
        return paper_size(self.paper)

    @property
    def fit_width(self) -> int:
        return AUDIT_PAGES_WIDE if self.audit else 1

    @property
    def title_cols(self) -> str | None:
        return AUDIT_KEY_COLUMNS if self.audit else None

    @property
    def page_order(self) -> str | None:
        return AUDIT_PAGE_ORDER if self.audit else None

    @property
    def centered(self) -> bool:
        return not self.audit

    @property
    def footer(self) -> str:
        return AUDIT_FOOTER if self.audit else FOOTER


def apply_plan_print_setup(ws, p: PrintSetup) -> None:
    """A plan's page setup on an openpyxl worksheet (`apply_print_setup`, and 审核's own)."""
    apply_print_setup(ws, paper=p.paper, title_rows=p.title_rows, last_row=p.last_row, last_col=p.last_col)
    if p.audit:
        ws.page_setup.fitToWidth = p.fit_width
        ws.page_setup.pageOrder = p.page_order
        ws.print_title_cols = p.title_cols
        ws.print_options.horizontalCentered = p.centered
        ws.oddFooter.center.text = p.footer


@dataclass
class SheetPlan:
    """One worksheet as data: what both writers (`render`, `summary.xlsx`) put in the file.

    `cells`: (row, column, value, style name), 1-based, in writing order; a text is written as
    text (never a formula).  `fonts`: cells whose font differs from their style's.  Merged
    ranges keep the value and style of their top-left cell, as a spreadsheet does."""

    name: str
    widths: Sequence[float]
    cells: list[tuple[int, int, object, str]]
    heights: dict[int, float]
    merges: list[str]
    freeze: str
    print_setup: PrintSetup
    fonts: dict[tuple[int, int], FontSpec] = field(default_factory=dict)


def render(ws, plan: SheetPlan) -> None:
    """Fill an empty openpyxl worksheet from a plan (the workbook has the styles registered)."""
    from openpyxl.styles import Font

    for col, width in enumerate(plan.widths):
        ws.column_dimensions[col_letters(col)].width = width
    cache = StyleCache()
    for r, c, v, style in plan.cells:
        cell = ws.cell(row=r, column=c)
        if isinstance(v, str):
            set_text(cell, v)
        elif v is not None:
            cell.value = v
        cache.apply(cell, style)
    for (r, c), f in plan.fonts.items():
        ws.cell(row=r, column=c).font = Font(name=f.name, size=f.size, bold=f.bold)
    for r, h in plan.heights.items():
        ws.row_dimensions[r].height = h
    for rng in plan.merges:
        ws.merge_cells(rng)
    ws.freeze_panes = plan.freeze
    apply_plan_print_setup(ws, plan.print_setup)


HEADER_HEIGHTS = {ROW_TITLE_1: 24, ROW_TITLE_2: 24, ROW_REGION: 20, ROW_GROUPS: 20, ROW_HEADERS: 44}
BLANK_ROW_HEIGHT = 20
STAMP_HEIGHT = 36
NOTE_HEIGHT = 30


def table_plan(
    category: Category,
    rows: Sequence[Sequence[object]],
    *,
    region: str = "",
    date: dt.date | None = None,
    paper: str = "A4",
    blank_rows: int = 0,
    name: str | None = None,
) -> SheetPlan:
    """One 汇总表: the form and `rows` (values in COLUMNS order); `blank_rows` adds empty
    bordered rows (the template)."""
    cells: list[tuple[int, int, object, str]] = []
    grid = header_grid(category, region, date)
    head_style = {
        (ROW_ATTACHMENT, 1): "sk_attach",
        (ROW_TITLE_1, 1): "sk_title",
        (ROW_TITLE_2, 1): "sk_title",
        (ROW_REGION, 1): "sk_line",
        (ROW_REGION, REGION_SPLIT + 1): "sk_line",
    }
    for r, values in enumerate(grid, 1):
        for c, v in enumerate(values, 1):
            style = "sk_head" if r in (ROW_GROUPS, ROW_HEADERS) else head_style.get((r, c))
            if style is not None:
                cells.append((r, c, v, style))
    heights: dict[int, float] = dict(HEADER_HEIGHTS)
    styles = [STYLE_NAMES[c.kind] for c in COLUMNS]
    widths = [c.width for c in COLUMNS]
    r = FIRST_DATA_ROW
    for values in rows:
        if len(values) != NCOLS:
            raise ValueError(f"a 汇总表 row has {NCOLS} values, not {len(values)}")
        cells += [(r, c, v, style) for c, (v, style) in enumerate(zip(values, styles), 1)]
        heights[r] = row_height(values, widths)
        r += 1
    for _ in range(blank_rows):
        cells += [(r, c, None, style) for c, style in enumerate(styles, 1)]
        heights[r] = BLANK_ROW_HEIGHT
        r += 1
    n = r - FIRST_DATA_ROW
    foot = footer_rows(r - 1)
    stamp_row, note_row = sorted(foot)
    foot_style = {(stamp_row, 1): "sk_stamp", (stamp_row, REGION_SPLIT + 1): "sk_stamp", (note_row, 1): "sk_note"}
    for rr in (stamp_row, note_row):
        for c, v in enumerate(foot[rr], 1):
            if (rr, c) in foot_style:
                cells.append((rr, c, v, foot_style[rr, c]))
    heights[stamp_row] = STAMP_HEIGHT
    heights[note_row] = NOTE_HEIGHT
    return SheetPlan(
        name or category.sheet_name,
        widths,
        cells,
        heights,
        merges(n),
        f"B{FIRST_DATA_ROW}",
        PrintSetup(paper, note_row, LAST_COL, f"{ROW_GROUPS}:{ROW_HEADERS}"),
    )


def write_table(
    ws,
    category: Category,
    rows: Sequence[Sequence[object]],
    *,
    region: str = "",
    date: dt.date | None = None,
    paper: str = "A4",
    blank_rows: int = 0,
) -> None:
    """Fill an empty openpyxl worksheet with one 汇总表: the form and `rows` (values in COLUMNS order).

    The workbook must have the styles registered (`register_styles`).  Text values are written
    as data (never formulas).  `blank_rows` adds empty bordered rows (the template).
    """
    render(ws, table_plan(category, rows, region=region, date=date, paper=paper, blank_rows=blank_rows))


def template_workbook(year: int, fund: str | None = None, *, paper: str = "A4", catalog: Catalog | None = None):
    """An empty 附件2 workbook for a year: one sheet per category, seven blank rows each."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    register_styles(wb)
    for cat in categories(year, fund, catalog):
        ws = wb.create_sheet(cat.sheet_name)
        write_table(ws, cat, [], paper=paper, blank_rows=TEMPLATE_BLANK_ROWS)
    return wb


# --- the clerk's ledger (台账) template: the columns 附件2 is filled from ------------------------
LEDGER_EXTRA = (Column("统一社会信用代码", "统一社会信用代码", "text", 22),)  # 附件3 信用承诺书 and the checks need it


@dataclass(frozen=True)
class LedgerTemplate:
    """An empty ledger sheet: header row, column widths and kinds, and the year's categories."""

    year: int
    columns: tuple[Column, ...]
    categories: tuple[str, ...]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def widths(self) -> list[float]:
        return [c.width for c in self.columns]

    def column_of(self, field: str) -> int:
        """1-based column of a canonical field."""
        return next(i for i, c in enumerate(self.columns, 1) if c.field == field)


def ledger_template(year: int, fund: str | None = None, catalog: Catalog | None = None) -> LedgerTemplate:
    """The ledger columns in 附件2's order (its own headers, so the ledger reader needs no mapping),
    with 统一社会信用代码 after 单位名称; 申报项目类别 takes one of the year's categories."""
    cols = list(COLUMNS)
    cols[2:2] = LEDGER_EXTRA
    return LedgerTemplate(year, tuple(cols), tuple(c.name for c in categories(year, fund, catalog)))


def is_fund_guide(doc: Document) -> bool:
    """A 专项资金 notice or guide (projects apply on the 申报表 and are summed up in 附件2),
    not a compilation of other policies (the 2024 政策汇编)."""
    return "专项资金" in doc.fund


def latest_fund_year(catalog: Catalog | None = None) -> int:
    """The newest year with a 专项资金 guide (the default when the clerk has not chosen a year)."""
    cat = catalog or load_catalog()
    return max(d.year for d in cat.documents if is_fund_guide(d))
