"""The worksheet functions inside real formulas: the example ledger evaluated by `formulas`.

`examples/make_function_ledger.py` writes the workbook (ledger, error cases, condition
checks, the program table, helpers); the `formulas` Excel engine computes it with our
functions registered, including =IF(...), =SUM(...), =MIN(...), =COUNTIF(...), IFERROR and
array formulas over whole columns. Expected values are worked out by hand from the clauses.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
from pathlib import Path

import openpyxl
import pytest

from udfs.cells import XlErr
from udfs.formulas_engine import evaluate, value_at, write_evaluated

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "台账_函数示例.xlsx"


def _generator():
    spec = importlib.util.spec_from_file_location("make_function_ledger", ROOT / "examples" / "make_function_ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "台账_函数示例.xlsx"
    return _generator().build(path)


@pytest.fixture(scope="module")
def results(book):
    return evaluate(book)


def v(results, sheet: str, cell: str):
    value = value_at(results, sheet, cell)
    return None if value == "" else value


def _shown(value: object) -> str:
    text = getattr(value, "text", None)  # an ArrayFormula: compare its formula, not the object
    return f"{{{text}}}@{value.ref}" if text is not None else str(value)


def test_the_committed_example_is_what_the_script_writes(book):
    fresh, committed = openpyxl.load_workbook(book), openpyxl.load_workbook(EXAMPLE)
    assert fresh.sheetnames == committed.sheetnames
    for name in fresh.sheetnames:
        a = [[_shown(c.value) for c in row] for row in fresh[name].iter_rows()]
        b = [[_shown(c.value) for c in row] for row in committed[name].iter_rows()]
        assert a == b, f"examples/台账_函数示例.xlsx is stale: run examples/make_function_ledger.py ({name})"


def test_ledger_caps_in_cells(results):
    # 000 lines 452-454: 10%, 最高 2000
    assert v(results, "台账", "G2") == 250  # 2500 × 10%
    assert v(results, "台账", "G3") == 2000  # 35000 × 10% = 3500 > 2000
    # 000 lines 399-401: 重大技术改造项目 10%, 最高 4000; "1.2亿" = 12000 万元
    assert v(results, "台账", "G4") == 1200
    # 000 lines 1219-1221: 绿色化改造 20%, 最高 2000: 3000.5 × 20% = 600.1
    assert v(results, "台账", "G5") == pytest.approx(600.1, abs=1e-9)
    # 000 lines 905-907: 数据产品化 20%, 最高 500: 1234.56789 × 20% = 246.913578 -> 246.9136
    assert v(results, "台账", "G6") == pytest.approx(246.9136, abs=1e-9)


def test_threshold_verdicts_drive_if(results):
    # 000 line 442: 项目总投入不低于3000万元
    assert v(results, "台账", "H2").startswith("不通过：项目总投入 2500 万元，低于 3000 万元")
    assert v(results, "台账", "I2") == "暂缓"
    assert v(results, "台账", "H3") == "通过" and v(results, "台账", "I3") == "推荐"


def test_uscc_to_wan_and_min(results):
    assert v(results, "台账", "J2") is True
    assert v(results, "台账", "J9") is False  # the row written with a wrong check digit
    assert v(results, "台账", "L3") == 2100  # "2100万元"
    assert v(results, "台账", "L5") == pytest.approx(600.1)  # "6,001,000元"
    assert v(results, "台账", "M3") == 2000  # MIN(cap 2000, requested 2100)
    assert v(results, "台账", "M2") == 200  # MIN(cap 250, requested 200)


def test_array_formula_over_the_column_equals_the_cell_formulas(results):
    column = [v(results, "台账", f"G{r}") for r in range(2, 41)]
    spilled = [v(results, "台账", f"N{r}") for r in range(2, 41)]
    assert all(isinstance(x, float | int) for x in column)
    assert spilled == column


def test_sum_countif_and_sample_size(results):
    column = [v(results, "台账", f"G{r}") for r in range(2, 41)]
    assert v(results, "台账", "G42") == pytest.approx(math.fsum(column), abs=1e-6)
    assert v(results, "台账", "N42") == pytest.approx(v(results, "台账", "G42"), abs=1e-9)
    recommended = sum(1 for r in range(2, 41) if v(results, "台账", f"I{r}") == "推荐")
    assert v(results, "台账", "G43") == recommended
    # 000 lines 250-255: 20 个以内全部核查, 超出部分按 20% 累加 (不足一个按一个)
    expected = recommended if recommended <= 20 else 20 + math.ceil((recommended - 20) * 0.2 - 1e-12)
    assert v(results, "台账", "G44") == expected


def test_error_cells_are_excel_errors_and_iferror_catches_them(results):
    sheet = "异常示例"
    assert v(results, sheet, "D2") == "#NAME?" and isinstance(value_at(results, sheet, "D2"), XlErr)
    assert v(results, sheet, "D3") == "#N/A"
    assert v(results, sheet, "D4") == "#VALUE!"
    assert v(results, sheet, "D5") is None  # base not typed in: empty
    assert v(results, sheet, "D6") == "#NAME?"  # tiered without 子类
    assert v(results, sheet, "D7") == 400  # 000 lines 657-659: 二级节点 单个项目补助400万元
    assert [v(results, sheet, f"E{r}") for r in (2, 3, 4, 6)] == [0, 0, 0, 0]
    assert "智能制造示范工厂项目" in v(results, sheet, "F2")  # the reason names the closest program
    assert "另行通知" in v(results, sheet, "F3")
    assert v(results, sheet, "G2").startswith("错误：")


def test_check_row_in_cells(results):
    assert v(results, "条件核对", "E2") == "通过"
    assert v(results, "条件核对", "E3").startswith("不通过：完工日期 2022年7月1日")
    assert v(results, "条件核对", "E4") == "通过"  # "2021.01.01": the window's first day is included
    assert "缺少" in v(results, "条件核对", "F2")


def test_program_table_spills(results):
    assert [v(results, "目录", f"{c}1") for c in "ABC"] == ["编号", "年度", "项目名称"]
    rows = {v(results, "目录", f"A{r}"): r for r in range(2, 31)}
    assert len(rows) == 29
    r = rows["2023-smart-factory"]
    assert [v(results, "目录", f"{c}{r}") for c in "CEFG"] == ["智能制造示范工厂项目", 0.1, 2000, 15]


def test_helpers_in_cells(results):
    got = [v(results, "工具", f"C{r}") for r in range(2, 13)]
    assert got == [12000, 3500.5, 12000, 120, True, False, 26, 0.1, 2000, "装备工业处", "025-69652756"]


def test_write_evaluated_keeps_the_input_and_replaces_formulas(book, tmp_path):
    before = hashlib.sha256(book.read_bytes()).hexdigest()
    out = tmp_path / "计算结果.xlsx"
    n = write_evaluated(book, out)
    assert hashlib.sha256(book.read_bytes()).hexdigest() == before
    assert n > 300
    ws = openpyxl.load_workbook(out)["台账"]
    assert ws["G2"].value == 250 and ws["G2"].comment.text == "公式：=SUBSIDY_CAP(A2,D2)"
    assert ws["N3"].value == 2000  # inside the spilled array
    formulas_left = [c.coordinate for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert formulas_left == []


def test_policy_matching_sheet_best_program_and_spilled_table(results):
    """政策匹配: an applicant's figures in a row, the best program and its award in the next cells.

    Row 2 (项目总投入 6000): 智能制造示范工厂 按不超过项目总投入的10%，最高不超过2000万元
    (000 lines 452-454) -> 600; 服务化改造升级标杆示范 按不超过项目总投入的 10%，最高不超过 500 万元
    (000 lines 597-599) -> 500; the larger is best.  Row 3 (项目总投入 2500): below the smart
    factory's 项目总投入不低于3000万元 (000 line 442), so the service benchmark is best: 2500 × 10% = 250.
    Row 4 (注册地 浙江省): fails 在江苏省域内注册 (000 line 78), no program fits: #N/A."""
    sheet = "政策匹配"
    assert v(results, sheet, "Q2") == "2023/智能制造示范工厂项目"
    assert v(results, sheet, "R2") == 600
    assert v(results, sheet, "Q3") == "2023/服务化改造升级标杆示范项目"
    assert v(results, sheet, "R3") == 250
    assert v(results, sheet, "Q4") == "#N/A" and isinstance(value_at(results, sheet, "Q4"), XlErr)
    assert v(results, sheet, "R4") is None  # IFERROR(…, "")
    assert [v(results, sheet, f"{c}7") for c in "ABCDE"] == ["项目", "子类", "结论", "最高补助", "待补字段"]
    assert [v(results, sheet, f"{c}8") for c in "ACD"] == ["2023/智能制造示范工厂项目", "符合", 600]
    assert [v(results, sheet, f"{c}9") for c in "ACD"] == ["2023/服务化改造升级标杆示范项目", "符合", 500]
