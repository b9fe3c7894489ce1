"""Reading a submission by its labels, wherever they stand (subsidykit.workbooks.submissions)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from subsidykit.workbooks.submissions import label_field, read_sheets, read_submission
from subsidykit.workbooks.safe import ErrorValue, UncachedFormula, read_workbook
from tests.submission_files import SMART, USCC, write


def _plain(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, dt.datetime):
        return v.date()
    return v


@pytest.mark.parametrize("layout", ["template", "attachment3", "columns"])
def test_the_same_data_in_three_layouts_reads_the_same(tmp_path, layout):
    sub = read_submission(write(tmp_path / f"{layout}.xlsx", SMART, layout))
    got = {k: _plain(v.value) for k, v in sub.fields.items() if v.status == "value"}
    assert got == SMART


def test_layouts_keep_the_cell_of_each_value(tmp_path):
    # template: 单位名称 is the label in A8, its answer merged over B8:F8
    sub = read_submission(write(tmp_path / "t.xlsx", SMART, "template"))
    loc = sub.get("单位名称")
    assert (loc.sheet, loc.label_cell, loc.cell) == ("项目申报表", "A8", "B8")
    # 附件3 wording: 项目申报单位 | value | 统一社会信用代码 | value in row 3
    sub = read_submission(write(tmp_path / "a.xlsx", SMART, "attachment3"))
    assert (sub.get("单位名称").label, sub.get("单位名称").cell) == ("项目申报单位", "B3")
    assert (sub.get("统一社会信用代码").cell, sub.get("项目总投入").label) == ("E3", "项目总投入额或执行额")
    # 附件2 column form: labels in row 6 under a merged group heading, values in row 7
    sub = read_submission(write(tmp_path / "c.xlsx", SMART, "columns"))
    assert sub.get("申请补助资金").cell == "N7"
    assert sub.get("申请补助资金").label == "项目申请补助资金（万元）"


def test_label_wording_variants_of_the_forms():
    assert label_field("项目申报单位") == "单位名称"
    assert label_field("企业名称：") == "单位名称"
    assert label_field("申报项目总投入（万元）") == "项目总投入"
    assert label_field("项目总投入额或执行额") == "项目总投入"
    assert label_field("其中：固定资产投资（万元）") == "固定资产投资"
    assert label_field("项目申请补助资金（万元）*") == "申请补助资金"
    assert label_field("申请财政资金") == "申请补助资金"
    assert label_field("项目开始时间") == "开工日期"
    assert label_field("项目结束时间") == "完工日期"
    assert label_field("主营业务收入（万元）") == "主营业务收入"
    assert label_field("联系电话（手机）") == "联系电话"
    assert label_field("1. 项目名称") == "申报项目名称"
    assert label_field("已开工且尚未建成") == "已开工且尚未建成"  # a catalog condition field
    assert label_field("本单位近三年信用状况良好，无严重失信行为。") is None
    assert label_field("项目申报单位2021年基本情况") is None


def test_in_memory_sheets_read_like_the_file(tmp_path):
    path = write(tmp_path / "t.xlsx", SMART, "attachment3")
    raw = read_workbook(path)
    sheets = {s.name: s.rows for s in raw.sheets}
    merged = {s.name: [] for s in raw.sheets}
    from_file = read_submission(path)
    from_memory = read_sheets(sheets, file="当前工作簿", merged=merged)
    assert {k: (v.value, v.cell) for k, v in from_memory.fields.items()} == {
        k: (v.value, v.cell) for k, v in from_file.fields.items()
    }


def test_in_memory_values_may_start_elsewhere_than_a1():
    sub = read_sheets({"表": [["单位名称", "示例公司"], ["统一社会信用代码", USCC]]}, origins={"表": "C5"})
    assert sub.get("单位名称").cell == "D5"
    assert sub.get("统一社会信用代码").value == USCC and sub.get("统一社会信用代码").cell == "D6"


def test_a_blank_answer_is_not_the_next_label_and_unit_cells_are_skipped():
    sub = read_sheets(
        {
            "表": [
                ["项目申报单位", None, "统一社会信用代码", USCC],
                ["项目总投入额或执行额", None, "万元", "申请财政资金", 300, "万元"],
                ["申报依据：", None, "项目名称", None],
            ]
        }
    )
    assert sub.get("单位名称").status == "blank" and sub.get("单位名称").cell == "B1"
    assert sub.get("项目总投入").status == "blank"
    assert sub.get("申请补助资金").value == 300
    assert sub.get("申报项目名称").status == "blank"


def test_column_style_reads_below_and_merged_labels_span(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"] = "企业名称", "联系电话", "申请补助资金（万元）"
    ws.merge_cells("A1:A2")
    ws["A3"], ws["B2"], ws["C2"] = "示例公司", "13812345678", 200
    wb.save(tmp_path / "c.xlsx")
    sub = read_submission(tmp_path / "c.xlsx")
    assert (sub.get("单位名称").value, sub.get("单位名称").cell) == ("示例公司", "A3")
    assert sub.get("联系电话").value == "13812345678"
    assert sub.get("申请补助资金").value == 200


def test_hidden_sheets_are_not_read(tmp_path):
    path = write(tmp_path / "h.xlsx", SMART, "template", hidden={"申报项目类别": "2023/不存在的项目", "项目总投入": 10})
    sub = read_submission(path)
    assert sub.hidden == ("草稿",)
    assert sub.value("申报项目类别") == "2023/智能制造示范工厂项目"
    assert sub.value("项目总投入") == 3500


def test_uncached_formulas_and_error_values_are_marked_not_blank(tmp_path):
    values = {**SMART, "固定资产投资": "#REF!"}
    del values["申请补助资金"]
    path = write(tmp_path / "f.xlsx", values, "template", formulas={"申请补助资金": "=E16*0.1"})
    sub = read_submission(path)
    assert sub.get("申请补助资金").status == "uncached"
    assert sub.get("申请补助资金").value == UncachedFormula("E16*0.1")
    assert sub.get("固定资产投资").value == ErrorValue("#REF!")
    assert "申请补助资金" not in sub.values() and "固定资产投资" not in sub.values()


def test_conflicting_answers_are_kept(tmp_path):
    sub = read_sheets({"表": [["单位名称", "甲公司"], ["企业名称", "乙公司"]]})
    assert sub.value("单位名称") == "甲公司"
    assert [(a.value, b.value) for a, b in sub.conflicts] == [("甲公司", "乙公司")]


def test_the_template_reads_as_an_empty_form(tmp_path):
    from subsidykit.workbooks.application_form import build_template

    build_template().save(tmp_path / "blank.xlsx")
    sub = read_submission(tmp_path / "blank.xlsx")
    assert sub.values() == {}
    assert sub.get("单位名称").cell == "B8"
