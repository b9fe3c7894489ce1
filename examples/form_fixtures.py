"""Filled application workbooks (项目申报表) in three layouts, for the examples, tests and benchmarks.

- "template": the official template's sheet (`subsidykit.workbooks.application_form.form_sheet`)
  with the answers filled in;
- "attachment3": a 附件3-style commitment form (信用承诺书 block, the rest on a 补充信息 sheet);
- "columns": a 附件2-style one-row column form (入库项目汇总表 headings).

They show that :mod:`subsidykit.workbooks.submissions` reads a field wherever its label stands.
The wording comes from the official definitions (`summary_layout.COLUMNS`, `COMMITMENT_*`,
`GROUPS`); the bytes are reproducible (`subsidykit.workbooks.reproducible`).  Not part of the
package: ``examples/make_submissions.py`` imports it from this folder, the tests through
``tests/example_forms.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from subsidykit.catalog import Catalog
from subsidykit.rules.vocabulary import field_units
from subsidykit.workbooks.application_form import form_sheet, print_setup, put
from subsidykit.workbooks.reproducible import workbook_bytes
from subsidykit.workbooks.summary_layout import (
    COLUMNS,
    COMMITMENT_BLOCK,
    COMMITMENT_LABELS,
    COMMITMENT_PLEDGES,
    COMMITMENT_TITLE,
    GROUPS,
    TITLE_1,
    column_header,
)

LAYOUTS = ("template", "attachment3", "columns")
BASE_YEAR = 2021  # the year of the columns layout's 基本情况 heading (a 2023 guide's, line 4580)
COLUMNS_FUND = "江苏省工业和信息产业转型升级专项资金"  # the fund in the columns layout's title

_PAGE_WIDTH_UNITS = 150  # column-width units printed across landscape A4 at about 80 %
# 附件2 columns (lines 4578-4654): (canonical field, heading), 序号 left out
_ATT2_COLUMNS = tuple((c.field, c.header) for c in COLUMNS if c.field)
# labels of fields outside the 附件3 block / 附件2 columns; any other field is labelled with its name
_EXTRA_LABELS = {name: column_header(name) for name in ("开工日期", "完工日期", "项目总投入", "固定资产投资", "申请补助资金")}
_EXTRA_LABELS["所在地"] = COMMITMENT_LABELS["所在地"]


def _unit_of(name: str) -> str:
    return field_units().get(name, "文本")


def _attachment3(wb: Workbook, values: Mapping[str, object], formulas: Mapping[str, str]) -> None:
    ws = wb.active
    ws.title = "信用承诺书"
    ws.merge_cells("A1:I1")
    ws["A1"] = COMMITMENT_TITLE.format(year=values.get("申报年度") or "")
    ws["A1"].font = Font(bold=True, size=14)
    used: set[str] = set()
    row = 3
    for line in COMMITMENT_BLOCK:
        col = 1
        for name, label in line:
            put(ws, row, col, label, label=True)
            put(ws, row, col + 1, values.get(name), unit=_unit_of(name), formula=formulas.get(name), field=name)
            if _unit_of(name) == "万元":
                put(ws, row, col + 2, "万元")
            used.add(name)
            col += 3
        row += 1
    for text in COMMITMENT_PLEDGES[:4]:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
        ws.cell(row=row, column=1, value=text)
        row += 1
    print_setup(ws, last_row=row - 1, last_col="I", title_rows=None)
    extra = wb.create_sheet("补充信息")
    extra.column_dimensions["A"].width = 34
    extra.column_dimensions["B"].width = 30
    put(extra, 1, 1, "项目补充信息", label=True)
    r = 2
    for name in [*values, *(k for k in formulas if k not in values)]:
        if name in used:
            continue
        put(extra, r, 1, _EXTRA_LABELS.get(name, name), label=True)
        put(extra, r, 2, values.get(name), unit=_unit_of(name), formula=formulas.get(name), field=name)
        r += 1
    print_setup(extra, last_row=r - 1, last_col="B", title_rows="1:1")


def _columns(wb: Workbook, values: Mapping[str, object], formulas: Mapping[str, str], base_year: int) -> None:
    ws = wb.active
    ws.title = "入库项目汇总表"
    ws["A1"] = TITLE_1.format(year=values.get("申报年度") or "", fund=COLUMNS_FUND)
    ws["A2"] = "入库项目汇总表"
    ws["A3"] = "地区：           汇总时间："
    names = [n for n, _ in _ATT2_COLUMNS]
    labels = dict(_ATT2_COLUMNS)
    for name in [*values, *formulas]:
        if name not in labels:
            names.append(name)
            labels[name] = _EXTRA_LABELS.get(name, name)
    # group headings (line 4580) over two-row label cells; 序号 spans both rows
    company, basics, project = GROUPS
    ws.merge_cells(start_row=5, start_column=1, end_row=6, end_column=1)
    put(ws, 5, 1, COLUMNS[0].header, label=True)
    put(ws, 5, 2, company + basics.format(base_year=base_year), label=True)
    ws.merge_cells(start_row=5, start_column=2, end_row=5, end_column=7)
    put(ws, 5, 8, project, label=True)
    ws.merge_cells(start_row=5, start_column=8, end_row=5, end_column=len(_ATT2_COLUMNS) + 1)
    for i, name in enumerate(names):
        col = i + 2
        if col > len(_ATT2_COLUMNS) + 1:  # extra columns: label cells merged over both rows
            ws.merge_cells(start_row=5, start_column=col, end_row=6, end_column=col)
            put(ws, 5, col, labels[name], label=True)
        else:
            put(ws, 6, col, labels[name], label=True)
        put(ws, 7, col, values.get(name), unit=_unit_of(name), formula=formulas.get(name), field=name)
        ws.column_dimensions[get_column_letter(col)].width = 16
    put(ws, 7, 1, 1)
    ws.cell(row=9, column=1, value="市、县（市）工业和信息化主管部门（盖章）     市、县（市）财政局（盖章）")
    print_setup(ws, last_row=9, last_col=get_column_letter(len(names) + 1), title_rows="5:6", landscape=True)
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
    base_year: int = BASE_YEAR,
) -> bytes:
    """A filled application workbook as .xlsx bytes (the same bytes for the same arguments).

    `values` are keyed by canonical field name; `formulas` puts a formula (saved without a
    calculated value, as a generator or converter leaves it) in a field's answer cell;
    `hidden` adds a hidden sheet with those label/value pairs (a stale draft that must not
    be read); `note` becomes a comment on the title; `base_year` is the year of the columns
    layout's 基本情况 heading.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout}")
    formulas = formulas or {}
    wb = Workbook()
    if layout == "template":
        form_sheet(wb, values, formulas, catalog=catalog)
    elif layout == "attachment3":
        _attachment3(wb, values, formulas)
    else:
        _columns(wb, values, formulas, base_year)
    if note:
        wb.active["A1"].comment = Comment(note, "示例生成")
    if hidden:
        hs = wb.create_sheet("草稿")
        hs.sheet_state = "hidden"
        for r, (k, v) in enumerate(hidden.items(), start=1):
            hs.cell(row=r, column=1, value=k)
            hs.cell(row=r, column=2, value=v)
    return workbook_bytes(wb, reproducible=True)
