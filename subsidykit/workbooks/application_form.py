"""The official application workbook (项目申报表) an enterprise fills in: the template builder.

The template (``templates/项目申报表.xlsx``, built by ``templates/build_application_template.py``)
lays out the model of :mod:`subsidykit.workbooks.form_model` (sections, fields, choices) with
openpyxl: label/answer pairs, drop-downs (lists on a hidden sheet), number formats by unit,
the per-program condition list and the page setup.  `form_sheet`, `put` and `print_setup`
are public so that filled forms in the same layout can be written (``examples/form_fixtures.py``
writes the examples' and tests' forms with them).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.rules.vocabulary import canonical_field
from subsidykit.workbooks.form_model import (
    BATCH_COUNTED,
    FORM_SHEET,
    GUIDE_SHEET,
    LIST_SHEET,
    OTHER_ROWS,
    FormField,
    all_sections,
    choice_lists,
    program_choices,
)
from subsidykit.workbooks.summary_layout import apply_print_setup  # the one page setup of every printed sheet

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


# --- styles ---------------------------------------------------------------------------

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
_WRAP = Alignment(wrap_text=True, vertical="center")


def put(
    ws, row: int, col: int, value, *, unit: str | None = None, label: bool = False, formula: str | None = None,
    field: str | None = None,
):
    """One boxed cell of the form: a label (bold, shaded) or an answer (`value`, or `formula`
    saved without a calculated value), formatted by the field's unit (NUMBER_FORMATS)."""
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


def print_setup(ws, *, last_row: int, last_col: str, title_rows: str | None, landscape: bool = False) -> None:
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
    refs: dict[str, str] = {}
    for i, (key, items) in enumerate(choice_lists(cat).items(), start=1):
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


def form_sheet(
    wb: Workbook,
    values: Mapping[str, object] | None = None,
    formulas: Mapping[str, str] | None = None,
    *,
    catalog: Catalog | None = None,
    refs: Mapping[str, str] | None = None,
) -> None:
    """The 项目申报表 sheet (the workbook's active sheet): every section of the model, `values`
    (by canonical field; fields outside the sections go to 六、其他申报条件) and `formulas` in
    the answer cells; drop-downs and input rules when the list sheet's `refs` are given."""
    values, formulas = values or {}, formulas or {}
    cat = catalog or load_catalog()
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
            put(ws, row, col, label, label=True)
            vcol = col + 1
            put(ws, row, vcol, values.get(f.name), unit=f.unit, formula=formulas.get(f.name), field=f.name)
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
    put(ws, row, 1, "条件名称", label=True)
    put(ws, row, 2, "填报内容", label=True)
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
    row += 1
    extra = [(k, v) for k, v in values.items() if k not in placed]
    extra += [(k, None) for k in formulas if k not in placed and k not in values]
    for i in range(max(OTHER_ROWS, len(extra))):
        name, value = extra[i] if i < len(extra) else (None, None)
        put(ws, row, 1, name)
        put(ws, row, 2, value, formula=formulas.get(name) if name else None)
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
    print_setup(ws, last_row=row + 1, last_col="F", title_rows="1:1")


def _guide_sheet(wb: Workbook, cat: Catalog) -> None:
    """What each program asks: its conditions in the guide's words, field names in 「」."""
    from subsidykit.catalog.cite import cite

    ws = wb.create_sheet(GUIDE_SHEET)
    heads = ("申报项目类别", "须填写的条件", "条件（指南原文）", "单位", "出处")
    for c, h in enumerate(heads, start=1):
        put(ws, 1, c, h, label=True)
    for col, width in zip("ABCDE", (46, 30, 50, 8, 36), strict=True):
        ws.column_dimensions[col].width = width
    from subsidykit.rules.lookup import find_program

    row = 2
    for label in program_choices(cat):
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
    print_setup(ws, last_row=row - 1, last_col="E", title_rows="1:1", landscape=True)


def build_template(cat: Catalog | None = None) -> Workbook:
    """The blank 项目申报表 with drop-downs, number formats and the per-program condition list."""
    cat = cat or load_catalog()
    wb = Workbook()
    refs = _lists_sheet(wb, cat)
    form_sheet(wb, catalog=cat, refs=refs)
    _guide_sheet(wb, cat)
    wb.move_sheet(LIST_SHEET, offset=2)
    return wb
