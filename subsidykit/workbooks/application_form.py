"""The application workbook (项目申报表) an enterprise fills in, and its layouts.

The official template (``templates/项目申报表.xlsx``, built by
``templates/build_application_template.py``) holds the fields of 附件2 (入库项目汇总表,
000_e236479adaf7e68e.txt lines 4571-4661) and 附件3 (信用承诺书, lines 5026-5039), plus
申报年度, 申报项目类别 and the fields the catalog's conditions use.  The condition fields
and the drop-down lists (programs, years) are taken from the catalog when the workbook is
built; nothing here states a rule.

Two further layouts write the same data the way older or home-made forms do (a 附件3-style
commitment form, a 附件2-style column form): the examples, tests and benchmark use them to
show that :mod:`subsidykit.workbooks.submissions` reads a field wherever its label stands.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.rules.regions import CITIES
from subsidykit.workbooks.summary_layout import apply_print_setup  # the one page setup of every printed sheet
from subsidykit.rules.thresholds import canonical_field

LAYOUTS = ("template", "attachment3", "columns")
# counted by the batch (one file = one project), never asked on the form
BATCH_COUNTED = ("申报项目数量",)
OTHER_ROWS = 12
FORM_SHEET = "项目申报表"
LIST_SHEET = "_lists"
GUIDE_SHEET = "各项目申报条件"
REFERENCE_SHEETS = (LIST_SHEET, GUIDE_SHEET)  # the template's own lists: never read as answers

# Number formats by unit: amounts in 万元 with two decimals (up to four, i.e. to the 元, when
# given), dates as 2022-06-30, ratios as 35.00%.  Durations in years (项目实施周期, 合作期) stay
# General (3, 1.5); the 申报年度 is a year, shown 2023 (FIELD_FORMATS).
NUMBER_FORMATS = {
    "万元": "#,##0.00##",
    "日期": "yyyy-mm-dd",
    "比例": "0.00%",
    "年": "General",
}
FIELD_FORMATS = {"申报年度": "0"}


@dataclass(frozen=True)
class FormField:
    name: str  # canonical field name (catalog/fields.yaml)
    label: str  # as printed on the form
    unit: str = "文本"
    required: bool = False
    choices: str | None = None  # a list of _lists: programs, years, cities, yesno
    wide: bool = False  # the answer takes the whole row


# 附件2 column headings (lines 4571-4661) and 附件3 (lines 5026-5039), with 申报年度/类别.
FIXED_SECTIONS: tuple[tuple[str, tuple[FormField, ...]], ...] = (
    (
        "一、申报信息",
        (
            FormField("申报年度", "申报年度", "年", True, "years"),
            FormField("地区", "地区（设区市）", "文本", False, "cities"),
            FormField("申报项目类别", "申报项目类别", "文本", True, "programs", wide=True),
            FormField("是否集群项目", "是否为省先进制造业集群中的项目", "是否", False, "yesno"),
        ),
    ),
    (
        "二、项目申报单位基本情况",
        (
            FormField("单位名称", "单位名称", "文本", True, wide=True),
            FormField("统一社会信用代码", "统一社会信用代码", "文本", True),
            FormField("所属行业", "所属行业"),
            FormField("单位主要经营地址", "单位主要经营地址", wide=True),
            FormField("主营业务收入", "主营业务收入（万元）", "万元"),
            FormField("实缴税金", "实缴税金（万元）", "万元"),
            FormField("利润总额", "利润总额（万元）", "万元"),
            FormField("项目责任人", "项目责任人", "文本", True),
            FormField("联系电话", "联系电话", "文本", True),
        ),
    ),
    (
        "三、项目基本情况",
        (
            FormField("申报项目名称", "申报项目名称", "文本", True, wide=True),
            FormField("所在地", "项目所在地"),
            FormField("项目总投入", "申报项目总投入（万元）", "万元", True),
            FormField("固定资产投资", "其中：固定资产投资（万元）", "万元"),
            FormField("开工日期", "项目开始时间", "日期"),
            FormField("完工日期", "项目结束时间", "日期"),
            FormField("申请补助资金", "项目申请补助资金（万元）", "万元", True),
        ),
    ),
)
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for _, fs in FIXED_SECTIONS for f in fs if f.required)


def _conditions(cat: Catalog):
    for doc in cat.documents:
        for t in doc.general_thresholds:
            yield doc, None, t
        for p in doc.programs:
            for t in p.thresholds:
                yield doc, p, t
            for v in p.variants:
                for t in v.thresholds:
                    yield doc, p, t


def condition_sections(cat: Catalog | None = None) -> tuple[tuple[str, tuple[FormField, ...]], ...]:
    """四、申报基本条件 (the notices' general conditions) and 五、常用项目条件 (fields used by at
    least three programs' conditions in the provincial guides), from the catalog."""
    cat = cat or load_catalog()
    fixed = {f.name for _, fs in FIXED_SECTIONS for f in fs}
    general: dict[str, str] = {}
    counts: Counter[str] = Counter()
    units: dict[str, str] = {}
    for doc, prog, t in _conditions(cat):
        name = canonical_field(t.field)
        units.setdefault(name, t.unit)
        if prog is None:
            general.setdefault(name, t.unit)
            for c in t.unless:
                general.setdefault(canonical_field(c.field), c.unit)
        elif doc.year != 2024 or prog.fund.startswith("江苏省"):
            counts[name] += 1
    gen = tuple(
        FormField(n, n, u, False, "yesno" if u == "是否" else None)
        for n, u in general.items()
        if n not in fixed and n not in BATCH_COUNTED
    )
    common = sorted((n for n, k in counts.items() if k >= 3 and n not in fixed and n not in general), key=lambda n: (-counts[n], n))
    com = tuple(FormField(n, n, units[n], False, "yesno" if units[n] == "是否" else None) for n in common)
    return (("四、申报基本条件（通知）", gen), ("五、项目条件（按所选项目的支持条件填写）", com))


def all_sections(cat: Catalog | None = None):
    return (*FIXED_SECTIONS, *condition_sections(cat))


def program_choices(cat: Catalog | None = None) -> list[str]:
    """"2023/智能制造示范工厂项目", and "年度/项目/子类" for programs with variants."""
    cat = cat or load_catalog()
    out: list[str] = []
    for p in sorted(cat.programs, key=lambda p: (-p.year, cat.programs.index(p))):
        if p.no_application or p.kind == "recognition" or p.year == 2024:
            continue
        out.append(f"{p.year}/{p.title}")
        out += [f"{p.year}/{p.title}/{v.name}" for v in p.variants]
    return out


def condition_field_names(cat: Catalog | None = None) -> list[str]:
    cat = cat or load_catalog()
    names = {canonical_field(t.field) for _, _, t in _conditions(cat)}
    return sorted(n for n in names if n not in BATCH_COUNTED)


# --- styles ---------------------------------------------------------------------------

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
_WRAP = Alignment(wrap_text=True, vertical="center")


def _put(
    ws, row: int, col: int, value, *, unit: str | None = None, label: bool = False, formula: str | None = None,
    field: str | None = None,
):
    cell = ws.cell(row=row, column=col)
    if formula is not None:
        cell.value = formula if formula.startswith("=") else "=" + formula
    else:
        if isinstance(value, Decimal):
            value = float(value)
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
    cell.border = _BOX
    cell.alignment = _WRAP
    if label:
        cell.fill = _LABEL_FILL
        cell.font = Font(bold=True)
    elif field in FIELD_FORMATS:
        cell.number_format = FIELD_FORMATS[field]
    elif unit in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[unit]
    elif unit == "文本":
        cell.number_format = "@"
    return cell


# --- printing ---------------------------------------------------------------------------

_PAGE_WIDTH_UNITS = 150  # column-width units printed across landscape A4 at about 80 %


def _print_setup(ws, *, last_row: int, last_col: str, title_rows: str | None, landscape: bool = False) -> None:
    """A4, one page wide (as many pages tall as needed), print area, repeated title rows,
    margins, centred, "第 n 页，共 N 页" in the footer."""
    apply_print_setup(
        ws, paper="A4", title_rows=title_rows, last_row=last_row, last_col=last_col, landscape=landscape,
        margins=(0.5, 0.6, 0.7, 0.3, 0.3), footer="第 &P 页，共 &N 页",
    )  # fmt: skip


# --- the official template --------------------------------------------------------------


def _lists_sheet(wb: Workbook, cat: Catalog) -> dict[str, str]:
    ws = wb.create_sheet(LIST_SHEET)
    ws.sheet_state = "hidden"
    lists = {
        "programs": program_choices(cat),
        "years": [str(y) for y in sorted({p.year for p in cat.programs if p.year != 2024}, reverse=True)],
        "cities": list(CITIES),
        "yesno": ["是", "否"],
        "fields": condition_field_names(cat),
    }
    refs: dict[str, str] = {}
    for i, (key, items) in enumerate(lists.items(), start=1):
        col = get_column_letter(i)
        ws.cell(row=1, column=i, value=f"〔{key}〕")
        for r, item in enumerate(items, start=2):
            ws.cell(row=r, column=i, value=item).data_type = "s"
        refs[key] = f"{LIST_SHEET}!${col}$2:${col}${len(items) + 1}"
    return refs


def _validation(ws, f: FormField, ref: str, refs: Mapping[str, str], cache: dict) -> None:
    if f.choices:
        key = ("list", f.choices)
        if key not in cache:
            dv = DataValidation(type="list", formula1=f"={refs[f.choices]}", allow_blank=True)
            dv.error, dv.errorTitle = "请从下拉列表中选择", "申报表"
            ws.add_data_validation(dv)
            cache[key] = dv
        cache[key].add(ref)
        return
    rule = {
        "万元": {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0", "error": "请填写以万元为单位的数字"},
        "日期": {"type": "date", "operator": "greaterThan", "formula1": "DATE(1990,1,1)", "error": "请填写日期，如 2022-06-30"},
    }.get(f.unit)
    if f.name == "统一社会信用代码":
        rule = {"type": "textLength", "operator": "equal", "formula1": "18", "error": "统一社会信用代码为 18 位"}
    if rule is None:
        return
    key = ("rule", f.unit, f.name == "统一社会信用代码")
    if key not in cache:
        error = rule.pop("error")
        dv = DataValidation(allow_blank=True, **rule)
        dv.error, dv.errorTitle = error, "申报表"
        ws.add_data_validation(dv)
        cache[key] = dv
    cache[key].add(ref)


def _template_sheet(
    wb: Workbook,
    values: Mapping[str, object],
    formulas: Mapping[str, str],
    cat: Catalog,
    refs: Mapping[str, str] | None,
) -> None:
    ws = wb.active
    ws.title = FORM_SHEET
    for col, width in zip("ABCDEF", (30, 22, 12, 30, 22, 12), strict=True):
        ws.column_dimensions[col].width = width
    ws.merge_cells("A1:F1")
    ws["A1"] = "江苏省省级专项资金项目申报表"
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:F2")
    ws["A2"] = "说明：带 * 为必填项；金额单位为万元；日期如 2022-06-30；比例如 35%。“各项目申报条件”表列出每个项目须填写的条件。"
    ws["A2"].alignment = _WRAP
    ws.row_dimensions[2].height = 30
    cache: dict = {}
    row = 3
    placed: set[str] = set()
    for title, fields in all_sections(cat):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        head = ws.cell(row=row, column=1, value=title)
        head.font, head.fill = Font(bold=True), _HEAD_FILL
        row += 1
        col = 1
        for f in fields:
            if f.wide and col != 1:
                row, col = row + 1, 1
            label = f.label + ("*" if f.required else "")
            _put(ws, row, col, label, label=True)
            vcol = col + 1
            _put(ws, row, vcol, values.get(f.name), unit=f.unit, formula=formulas.get(f.name), field=f.name)
            last = 6 if f.wide else col + 2
            for c in range(vcol + 1, last + 1):
                ws.cell(row=row, column=c).border = _BOX
            ws.merge_cells(start_row=row, start_column=vcol, end_row=row, end_column=last)
            if refs is not None:
                _validation(ws, f, f"{get_column_letter(vcol)}{row}", refs, cache)
            placed.add(f.name)
            if f.wide or col == 4:
                row, col = row + 1, 1
            else:
                col = 4
        if col != 1:
            row += 1
    # 六、其他申报条件: label (a drop-down of every condition field) and value
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    head = ws.cell(row=row, column=1, value="六、其他申报条件（按所选项目的支持条件逐项填写）")
    head.font, head.fill = Font(bold=True), _HEAD_FILL
    row += 1
    _put(ws, row, 1, "条件名称", label=True)
    _put(ws, row, 2, "填报内容", label=True)
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
    row += 1
    extra = [(k, v) for k, v in values.items() if k not in placed]
    extra += [(k, None) for k in formulas if k not in placed and k not in values]
    for i in range(max(OTHER_ROWS, len(extra))):
        name, value = extra[i] if i < len(extra) else (None, None)
        _put(ws, row, 1, name)
        _put(ws, row, 2, value, formula=formulas.get(name) if name else None)
        for c in range(3, 7):
            ws.cell(row=row, column=c).border = _BOX
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        if refs is not None:
            _validation(ws, FormField("", "", choices="fields"), f"A{row}", refs, cache)
        row += 1
    ws.cell(row=row + 1, column=1, value="项目申报责任人（签名）：")
    ws.cell(row=row + 1, column=4, value="单位负责人（签名）      （公章）")
    ws.freeze_panes = "A3"
    # A4 portrait, one page wide; the title repeats on a second page
    _print_setup(ws, last_row=row + 1, last_col="F", title_rows="1:1")


def _guide_sheet(wb: Workbook, cat: Catalog) -> None:
    """What each program asks: its conditions in the guide's words, field names in 「」."""
    from subsidykit.catalog.cite import cite

    ws = wb.create_sheet(GUIDE_SHEET)
    heads = ("申报项目类别", "须填写的条件", "条件（指南原文）", "单位", "出处")
    for c, h in enumerate(heads, start=1):
        _put(ws, 1, c, h, label=True)
    for col, width in zip("ABCDE", (46, 30, 50, 8, 36), strict=True):
        ws.column_dimensions[col].width = width
    row = 2
    for label in program_choices(cat):
        from subsidykit.rules.lookup import find_program

        sel = find_program(label, catalog=cat)
        ts = [*cat.general_thresholds(sel.program), *sel.program.thresholds, *(sel.variant.thresholds if sel.variant else [])]
        for t in ts:
            name = canonical_field(t.field)
            if name in BATCH_COUNTED:
                continue
            for c, v in enumerate((label, f"「{name}」", t.label, t.unit, cite(t.source)), start=1):
                ws.cell(row=row, column=c, value=v).data_type = "s"
            row += 1
    ws.freeze_panes = "A2"
    # reference list, printed on its own (landscape, the heading on every page)
    _print_setup(ws, last_row=row - 1, last_col="E", title_rows="1:1", landscape=True)


def build_template(cat: Catalog | None = None) -> Workbook:
    """The blank 项目申报表 with drop-downs, number formats and the per-program condition list."""
    cat = cat or load_catalog()
    wb = Workbook()
    refs = _lists_sheet(wb, cat)
    _template_sheet(wb, {}, {}, cat, refs)
    _guide_sheet(wb, cat)
    wb.move_sheet(LIST_SHEET, offset=2)
    return wb


# --- filled forms in three layouts (examples, tests, benchmark) -------------------------

# 附件3 wording (lines 5030-5035): the block at the top of the commitment form
_ATT3_BLOCK = (
    (("单位名称", "项目申报单位"), ("统一社会信用代码", "统一社会信用代码")),
    (("申报项目名称", "项目名称"), ("申报依据", "申报依据")),
    (("项目总投入", "项目总投入额或执行额"), ("申请补助资金", "申请财政资金")),
    (("所在地", "项目所在地"), ("项目责任人", "项目责任人"), ("联系电话", "联系电话")),
)
# 附件2 column headings (lines 4578-4654)
_ATT2_COLUMNS = (
    ("单位名称", "单位名称"),
    ("单位主要经营地址", "单位主要经营地址"),
    ("所属行业", "所属行业"),
    ("主营业务收入", "主营业务收入（万元）"),
    ("实缴税金", "实缴税金（万元）"),
    ("利润总额", "利润总额（万元）"),
    ("申报项目类别", "申报项目类别"),
    ("申报项目名称", "申报项目名称"),
    ("项目总投入", "申报项目总投入（万元）"),
    ("固定资产投资", "其中：固定资产投资（万元）"),
    ("开工日期", "项目开始时间"),
    ("完工日期", "项目结束时间"),
    ("申请补助资金", "项目申请补助资金（万元）"),
    ("是否集群项目", "是否为省先进制造业集群中的项目"),
)
_ATT2_FIXED_LABELS = {
    "开工日期": "项目开始时间",
    "完工日期": "项目结束时间",
    "项目总投入": "申报项目总投入（万元）",
    "固定资产投资": "其中：固定资产投资（万元）",
    "申请补助资金": "项目申请补助资金（万元）",
    "所在地": "项目所在地",
    "地区": "地区",
}


def _unit_of(name: str) -> str:
    from subsidykit.rules.thresholds import field_units

    return field_units().get(name, "文本")


def _attachment3(wb: Workbook, values: Mapping[str, object], formulas: Mapping[str, str]) -> None:
    ws = wb.active
    ws.title = "信用承诺书"
    year = values.get("申报年度") or ""
    ws.merge_cells("A1:I1")
    ws["A1"] = f"{year}年度省级财政专项资金项目申报信用承诺书"
    ws["A1"].font = Font(bold=True, size=14)
    used: set[str] = set()
    row = 3
    for line in _ATT3_BLOCK:
        col = 1
        for name, label in line:
            _put(ws, row, col, label, label=True)
            _put(ws, row, col + 1, values.get(name), unit=_unit_of(name), formula=formulas.get(name), field=name)
            if _unit_of(name) == "万元":
                _put(ws, row, col + 2, "万元")
            used.add(name)
            col += 3
        row += 1
    pledges = (
        "项目申报单位承诺:",
        "1. 本单位近三年信用状况良好，无严重失信行为。",
        "2. 申报的所有材料均依据相关项目申报要求，据实提供。",
        "3. 专项资金获批后将按规定使用。",
    )
    for text in pledges:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
        ws.cell(row=row, column=1, value=text)
        row += 1
    _print_setup(ws, last_row=row - 1, last_col="I", title_rows=None)
    extra = wb.create_sheet("补充信息")
    extra.column_dimensions["A"].width = 34
    extra.column_dimensions["B"].width = 30
    _put(extra, 1, 1, "项目补充信息", label=True)
    r = 2
    for name in [*values, *(k for k in formulas if k not in values)]:
        if name in used:
            continue
        _put(extra, r, 1, _ATT2_FIXED_LABELS.get(name, name), label=True)
        _put(extra, r, 2, values.get(name), unit=_unit_of(name), formula=formulas.get(name), field=name)
        r += 1
    _print_setup(extra, last_row=r - 1, last_col="B", title_rows="1:1")


def _columns(wb: Workbook, values: Mapping[str, object], formulas: Mapping[str, str]) -> None:
    ws = wb.active
    ws.title = "入库项目汇总表"
    year = values.get("申报年度") or ""
    ws["A1"] = f"{year}年度江苏省工业和信息产业转型升级专项资金"
    ws["A2"] = "入库项目汇总表"
    ws["A3"] = "地区：           汇总时间："
    names = [n for n, _ in _ATT2_COLUMNS]
    labels = dict(_ATT2_COLUMNS)
    for name in [*values, *formulas]:
        if name not in labels:
            names.append(name)
            labels[name] = _ATT2_FIXED_LABELS.get(name, name)
    # group headings (line 4580) over two-row label cells; 序号 spans both rows
    ws.merge_cells(start_row=5, start_column=1, end_row=6, end_column=1)
    _put(ws, 5, 1, "序号", label=True)
    _put(ws, 5, 2, "项目申报单位2021年基本情况", label=True)
    ws.merge_cells(start_row=5, start_column=2, end_row=5, end_column=7)
    _put(ws, 5, 8, "项目基本情况", label=True)
    ws.merge_cells(start_row=5, start_column=8, end_row=5, end_column=len(_ATT2_COLUMNS) + 1)
    for i, name in enumerate(names):
        col = i + 2
        if col > len(_ATT2_COLUMNS) + 1:  # extra columns: label cells merged over both rows
            ws.merge_cells(start_row=5, start_column=col, end_row=6, end_column=col)
            _put(ws, 5, col, labels[name], label=True)
        else:
            _put(ws, 6, col, labels[name], label=True)
        _put(ws, 7, col, values.get(name), unit=_unit_of(name), formula=formulas.get(name), field=name)
        ws.column_dimensions[get_column_letter(col)].width = 16
    _put(ws, 7, 1, 1)
    ws.cell(row=9, column=1, value="市、县（市）工业和信息化主管部门（盖章）     市、县（市）财政局（盖章）")
    _print_setup(ws, last_row=9, last_col=get_column_letter(len(names) + 1), title_rows="5:6", landscape=True)
    # a one-row table as wide as its fields: as many landscape pages wide as keep 10-point text readable
    ws.page_setup.fitToWidth = max(1, -(-(16 * len(names) + 9) // _PAGE_WIDTH_UNITS))


def write_form(
    values: Mapping[str, object],
    layout: str = "template",
    *,
    formulas: Mapping[str, str] | None = None,
    hidden: Mapping[str, object] | None = None,
    note: str | None = None,
    catalog: Catalog | None = None,
) -> bytes:
    """A filled application workbook as .xlsx bytes.

    `values` are keyed by canonical field name; `formulas` puts a formula (saved without a
    calculated value, as a generator or converter leaves it) in a field's answer cell;
    `hidden` adds a hidden sheet with those label/value pairs (a stale draft that must not
    be read); `note` becomes a comment on the title.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout}")
    formulas = formulas or {}
    cat = catalog or load_catalog()
    wb = Workbook()
    if layout == "template":
        _template_sheet(wb, values, formulas, cat, None)
    elif layout == "attachment3":
        _attachment3(wb, values, formulas)
    else:
        _columns(wb, values, formulas)
    if note:
        wb.active["A1"].comment = Comment(note, "示例生成")
    if hidden:
        hs = wb.create_sheet("草稿")
        hs.sheet_state = "hidden"
        for r, (k, v) in enumerate(hidden.items(), start=1):
            hs.cell(row=r, column=1, value=k)
            hs.cell(row=r, column=2, value=v)
    wb.properties.creator = "subsidykit"
    wb.properties.created = wb.properties.modified = dt.datetime(2022, 9, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


_FIXED_TIME = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def deterministic_zip(data: bytes, extra: Mapping[str, bytes] | None = None) -> bytes:
    """The same zip with fixed member timestamps (byte-identical output for the same input),
    optionally with `extra` members added."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        members = [(i.filename, src.read(i.filename)) for i in src.infolist()]
        members = [(n, _FIXED_TIME.sub(rb"\g<1>2022-09-01T00:00:00Z\g<2>", b) if n == "docProps/core.xml" else b) for n, b in members]
        for name, body in [*members, *(extra or {}).items()]:
            info = zipfile.ZipInfo(name, date_time=(2022, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, body)
    return out.getvalue()
