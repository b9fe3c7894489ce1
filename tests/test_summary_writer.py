"""The 附件2 file a clerk gets is written directly (summary/xlsx.py, no openpyxl); the same
summary drawn by openpyxl (`Summary.to_workbook`, what the templates and the forms use) must give
the same file, part by part — one layout, two renderers that cannot drift apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from xlsx_parts import same_workbook

from subsidykit.summary.build import build_from_file, build_from_values

ROOT = Path(__file__).resolve().parents[1]

HEADER = ["序号", "单位名称", "统一社会信用代码", "申报项目名称", "申报项目类别", "项目总投入", "申请补助资金", "开工日期", "完工日期", "所在地"]


def _odd_ledger(year: int, program: str) -> list[list[object]]:
    return [
        HEADER,
        [1, "=HYPERLINK(\"http://x\")公司", "91320000MA1XXXXXXX", "  前后有空格  ", program, 3500, 350, dt.date(2021, 3, 1), dt.date(2022, 6, 30), "苏州市"],
        [2, "甲&乙<丙>公司", None, "换行\n回车\r项目" + "长" * 3000, program, 12000.5, None, "2021-01-01", None, "@南京"],
        [3, "+1 公司", "913200001234567890", "-负号开头", "不存在的项目类别", float("nan"), True, None, dt.datetime(2022, 1, 2, 3, 4), ""],
        [None, None, None, None, None, None, None, None, None, None],
        [4, "丁公司", None, "项目四", program, "1.2亿", "350万元", 45000, 45100, "徐州市"],
    ]


CASES = {
    "example-ledger-A4": lambda: (build_from_file(ROOT / "examples" / "台账_2023.xlsx", year=2023, region="示例市"), "A4"),
    "example-ledger-A3": lambda: (build_from_file(ROOT / "examples" / "台账_2023.xlsx", year=2023, region="示例市"), "A3"),
    "odd-values-2023": lambda: (build_from_values(_odd_ledger(2023, "2023/智能制造示范工厂项目"), year=2023, region="某市"), "A4"),
    "odd-values-2026": lambda: (build_from_values(_odd_ledger(2026, "2026/首台（套）装备示范应用项目"), year=2026), "A4"),
    "empty-first-table": lambda: (build_from_values([HEADER, [1, "甲公司", None, "项目", "2021/高端化改造升级项目/产业基础再造项目", 20000, 1000, None, None, None]], year=2021), "A4"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_direct_writer_and_openpyxl_give_the_same_file(case):
    summary, paper = CASES[case]()
    assert same_workbook(summary, paper) == []


def test_the_comparison_sees_a_changed_cell(monkeypatch):
    summary, _ = CASES["example-ledger-A4"]()
    drawn = summary.to_workbook

    def changed(*args, **kwargs):
        wb = drawn(*args, **kwargs)
        ws = wb.worksheets[0]
        ws.cell(row=7, column=2).value = "改过的单元格"  # the first data row (summary_layout.FIRST_DATA_ROW)
        return wb

    monkeypatch.setattr(summary, "to_workbook", changed)
    assert same_workbook(summary, "A4") != []


def test_the_theme_we_write_is_openpyxls():
    """workbooks/theme.py carries openpyxl's theme part so files written without openpyxl (附件2,
    the .xlam) match one openpyxl saves; an openpyxl upgrade that changes it shows here."""
    from openpyxl.writer.theme import theme_xml

    from subsidykit.workbooks.theme import THEME_XML

    assert THEME_XML == (theme_xml.decode() if isinstance(theme_xml, bytes) else theme_xml)
