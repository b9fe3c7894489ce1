"""The worksheet functions called directly: every kind of amount, every error path, ranges.

Expected amounts are worked out by hand from the quoted clause (seed file and lines in
each comment), never by the engine.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import udfs
from subsidykit.rules.amounts import cap
from udfs import (
    CHECK_ROW,
    CHECK_THRESHOLD,
    PROGRAM_INFO,
    PROGRAMS,
    SUBSIDY_CAP,
    SUBSIDY_EXPLAIN,
    SUBSIDY_LIMIT,
    SUBSIDY_RATE,
    TO_WAN,
    USCC_VALID,
    VERIFY_SAMPLE_SIZE,
)
from udfs.cells import XlErr

SMART = "2023/智能制造示范工厂项目"  # 000 lines 452-454: 10%, 单个项目最高不超过2000万元
DATA = "2023/数据产品化项目"  # 000 lines 905-907: 20%, 不超过 500 万元


def is_err(value: object, code: str) -> bool:
    return isinstance(value, XlErr) and str(value) == code and bool(value.message)


# --- SUBSIDY_CAP: each kind of amount --------------------------------------------------


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        (2500, 250.0),  # 2500 × 10%
        (2500.0, 250.0),
        ("3,500", 350.0),  # text with a thousands separator
        ("1.2亿", 1200.0),  # 12000 万元 × 10%
        ("25000000元", 250.0),  # 2500 万元 × 10%
        (20000, 2000.0),  # exactly at the cap
        (35000, 2000.0),  # 3500 > 2000: the cap
        (0, 0.0),
    ],
)
def test_2023_smart_factory_cap_is_10pct_up_to_2000(base, expected):
    assert SUBSIDY_CAP(SMART, base) == expected


def test_rounding_is_half_up_to_the_yuan():
    # 000 lines 905-907: 20%. 1234.56789 × 20% = 246.913578 万元 -> 246.9136 (yuan)
    assert SUBSIDY_CAP(DATA, 1234.56789) == 246.9136
    # exact half-yuan ties round up: 0.00025 × 20% = 0.00005 万元 = 0.5 元 -> 1 元
    assert SUBSIDY_CAP(DATA, 0.00025) == 0.0001
    assert SUBSIDY_CAP(DATA, [[0.00025], [0.00075]]) == [[0.0001], [0.0002]]


def test_variant_in_the_name_or_as_argument():
    # 000 lines 399-401: 重大技术改造项目 10%, 最高 4000 万元
    assert SUBSIDY_CAP("2023/高端化改造升级项目/重大技术改造项目", 50000) == 4000.0
    assert SUBSIDY_CAP("2023/高端化改造升级项目", 50000, "重大技术改造项目") == 4000.0


def test_tiered_fixed_and_rate_variants():
    # 000 lines 657-663: 二级节点 单个项目补助400万元; 公共服务平台 20%, 最高 2000 万
    assert SUBSIDY_CAP("2023/工业互联网标识解析项目", None, "工业互联网标识解析二级节点项目") == 400.0
    assert SUBSIDY_CAP("2023/工业互联网标识解析项目", 5000, "工业互联网标识解析公共服务平台项目") == 1000.0
    assert SUBSIDY_CAP("2023/工业互联网标识解析项目", 50000, "工业互联网标识解析公共服务平台项目") == 2000.0


def test_cap_only_per_unit_two_stage_combined_actual_cost():
    # 004 line 616: 单个平台支持额度不超过200万元
    assert SUBSIDY_CAP("2026-cluster-public-service-platform", None) == 200.0
    # 004 line 423: 每家企业定额补助 2 万元; 15 家 -> 30; the count as 4th argument or as base
    assert SUBSIDY_CAP("2026-ai-manufacturing-diagnosis", None, None, 15) == 30.0
    assert SUBSIDY_CAP("2026-ai-manufacturing-diagnosis", 15) == 30.0
    # 000 lines 855-857: 首期 30% 最高 300, 二期 最高 200, 总额不超过 500: 2000 -> 300 + 200
    assert SUBSIDY_CAP("2023-xinchuang-lab", 2000) == 500.0
    # 000 lines 1114-1118: 软硬件投入 20% + 贷款利息 40%, 合计最高 500: 1000, 100 -> 200 + 40
    assert SUBSIDY_CAP("2023-specialized-sme-capability", "软硬件投入补助=1000;贷款贴息=100") == 240.0
    assert SUBSIDY_CAP("2023-specialized-sme-capability", "软硬件投入=3000;贷款利息=1000") == 500.0
    # 000 lines 1516-1518: 按实际总投入, 最高不超过 300 万元
    assert SUBSIDY_CAP("2023-talent-training-yingcai", 250) == 250.0
    assert SUBSIDY_CAP("2023-talent-training-yingcai", 400) == 300.0


# --- SUBSIDY_CAP: empty and error paths ------------------------------------------------


def test_empty_cells_give_empty_results():
    assert SUBSIDY_CAP(None, 2500) is None
    assert SUBSIDY_CAP("", 2500) is None
    assert SUBSIDY_CAP(SMART, None) is None  # base not typed in yet
    assert SUBSIDY_CAP(SMART, "  ") is None
    assert SUBSIDY_CAP([[SMART], [None], [SMART]], [[2500], [3000], [None]]) == [[250.0], [None], [None]]


def test_unknown_ambiguous_or_incomplete_names_are_name_errors():
    assert is_err(SUBSIDY_CAP("2023/智能制造示范工程", 3000), "#NAME?")
    assert "智能制造示范工厂项目" in SUBSIDY_CAP("2023/智能制造示范工程", 3000).message  # the closest candidate
    assert is_err(SUBSIDY_CAP("2023/工业互联网标识解析项目", 3000), "#NAME?")  # tiered: 子类 required
    assert "请指定子类" in SUBSIDY_CAP("2023/工业互联网标识解析项目", 3000).message


def test_no_computable_amount_is_na():
    assert is_err(SUBSIDY_CAP("2023/免费诊断服务项目", 100), "#N/A")  # 000 lines 919-923: 另行通知
    assert is_err(SUBSIDY_CAP("2024-dyeing-enterprise-norms", 1), "#N/A")  # a 认定 without money
    loan = SUBSIDY_CAP("2024-pengcheng-student-startup-guaranteed-loan", None)
    assert is_err(loan, "#N/A") and "不是补助资金" in loan.message  # a loan limit is not a grant


@pytest.mark.parametrize("base", ["三千万", "abc", -1, True, "1e3"])
def test_unreadable_or_negative_bases_are_value_errors(base):
    assert is_err(SUBSIDY_CAP(SMART, base), "#VALUE!")


def test_errors_never_hide_as_numbers_or_text_in_a_range():
    out = SUBSIDY_CAP(SMART, [[2500], ["x"], [None], [-5], [30000]])
    assert out[0] == [250.0] and out[2] == [None] and out[4] == [2000.0]
    assert is_err(out[1][0], "#VALUE!") and is_err(out[3][0], "#VALUE!")


def test_ranges_of_programs_and_bases_spill_one_result_per_row():
    programs = [[SMART], ["2023/高端化改造升级项目/重大技术改造项目"], [DATA], ["2023/不存在的项目"], [None]]
    bases = [[2500], [50000], [1234.56789], [100], [100]]
    out = SUBSIDY_CAP(programs, bases)
    assert out[:3] == [[250.0], [4000.0], [246.9136]]
    assert is_err(out[3][0], "#NAME?") and out[4] == [None]


def test_a_row_range_spills_a_row_and_mismatched_ranges_are_value_errors():
    assert SUBSIDY_CAP(SMART, [[1000, 2000, 30000]]) == [[100.0, 200.0, 2000.0]]
    assert is_err(SUBSIDY_CAP([[SMART], [SMART]], [[1], [2], [3]]), "#VALUE!")


def test_flat_lists_and_tuples_are_columns():
    assert SUBSIDY_CAP(SMART, [2500, 35000]) == [[250.0], [2000.0]]
    assert SUBSIDY_CAP(SMART, (2500,)) == 250.0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.floats(min_value=0, max_value=1e7, allow_nan=False), st.integers(0, 10**7)), max_size=30))
def test_the_range_form_equals_the_engine_cell_by_cell(bases):
    out = SUBSIDY_CAP(DATA, [[b] for b in bases]) if bases else []
    if len(bases) == 1:
        out = [[out]]  # a 1x1 range is a single cell: a scalar comes back
    for b, row in zip(bases, out, strict=True):
        assert row[0] == float(cap(DATA, b).amount)
    for b in bases:
        assert SUBSIDY_CAP(DATA, b) == float(cap(DATA, b).amount)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**9))
def test_half_yuan_ties_agree_with_decimal(n):
    base = (n + 0.5) / 2000.0  # × 20% puts the product on a half-yuan tie when exact
    assert SUBSIDY_CAP(DATA, base) == float(cap(DATA, base).amount)
    assert SUBSIDY_CAP(DATA, [[base]]) == float(cap(DATA, base).amount)


def test_explain_gives_the_formula_and_clause_or_the_reason():
    text = SUBSIDY_EXPLAIN(SMART, 2500)
    assert "2500 万元 × 10% = 250 万元" in text and "000_e236479adaf7e68e.txt 第452-454行" in text
    reason = SUBSIDY_EXPLAIN("2023/免费诊断服务项目", 100)
    assert reason.startswith("#N/A") and "另行通知" in reason


# --- rate and limit ------------------------------------------------------------------------


def test_rate_and_limit():
    assert SUBSIDY_RATE(SMART) == 0.1 and SUBSIDY_LIMIT(SMART) == 2000.0
    assert SUBSIDY_RATE(DATA) == 0.2 and SUBSIDY_LIMIT(DATA) == 500.0
    # 000 lines 657-663
    assert SUBSIDY_LIMIT("2023/工业互联网标识解析项目", "工业互联网标识解析二级节点项目") == 400.0
    assert SUBSIDY_RATE("2023/工业互联网标识解析项目", "工业互联网标识解析公共服务平台项目") == 0.2
    assert is_err(SUBSIDY_RATE("2023/工业互联网标识解析项目"), "#NAME?")
    assert is_err(SUBSIDY_RATE("2023/工业互联网标识解析项目", "工业互联网标识解析二级节点项目"), "#N/A")
    assert is_err(SUBSIDY_LIMIT("2023/免费诊断服务项目"), "#N/A")
    assert SUBSIDY_LIMIT([[SMART], [DATA], [None]]) == [[2000.0], [500.0], [None]]
    # the year as a separate argument (Excel passes numbers as floats)
    assert SUBSIDY_RATE("智能制造示范工厂项目", None, 2023.0) == 0.1


# --- conditions ----------------------------------------------------------------------------


def test_check_threshold_passes_or_gives_the_reason_with_the_clause():
    # 000 line 442: 项目总投入不低于3000万元
    assert CHECK_THRESHOLD(SMART, "项目总投入", 3000) == "通过"
    assert CHECK_THRESHOLD(SMART, "总投资", "3,500") == "通过"  # a synonym, text number
    reason = CHECK_THRESHOLD(SMART, "项目总投入", 2500)
    assert reason.startswith("不通过：项目总投入 2500 万元，低于 3000 万元")
    assert "000_e236479adaf7e68e.txt 第442行" in reason


def test_check_threshold_reads_excel_date_serials():
    # 000 lines 434-436: 2021年1月1日（含）至2022年6月30日（含）期间完工; serial 44742 = 2022-06-30
    assert CHECK_THRESHOLD(SMART, "完工日期", 44742) == "通过"
    assert CHECK_THRESHOLD(SMART, "完工日期", 44743.0).startswith("不通过：完工日期 2022年7月1日")
    assert CHECK_THRESHOLD(SMART, "完工日期", "2021.01.01") == "通过"


def test_check_threshold_empty_unknown_and_ranges():
    assert CHECK_THRESHOLD(SMART, "项目总投入", None) is None
    assert "没有关于「职工人数」的量化条件" in CHECK_THRESHOLD(SMART, "职工人数", 3)
    assert is_err(CHECK_THRESHOLD("2023/不存在", "项目总投入", 3000), "#NAME?")
    out = CHECK_THRESHOLD(SMART, "项目总投入", [[3000], [2999.99], [None]])
    assert out[0] == ["通过"] and out[1][0].startswith("不通过") and out[2] == [None]
    # issue 12: an unreadable value is not 不通过 but 待核实 (an input error); an unknown field is #NAME?
    assert CHECK_THRESHOLD(SMART, "软件投入", "abc").startswith("待核实：无法识别：软件投入：无法识别的金额")
    assert is_err(CHECK_THRESHOLD(SMART, "项目总资", 12000), "#NAME?")


def test_check_row_all_conditions_or_only_given():
    labels = [["项目总投入", "软件投入", "完工日期"]]
    assert CHECK_ROW(SMART, labels, [[3500, 350, 44742]], None, True) == "通过"  # exactly, for =IF(…="通过")
    strict = CHECK_ROW(SMART, labels, [[3500, 350, 44742]])
    assert strict.startswith("待核实：") and "缺少示范级别" in strict  # 000 line 428: 省级（含）以上示范工厂
    bad = CHECK_ROW(SMART, labels, [[2500, 100, "2022-07-01"]], None, True)
    assert bad.count("不通过：") == 3
    rows = CHECK_ROW(SMART, labels, [[3500, 350, 44742], [2500, 350, 44742], [None, None, None]], None, True)
    assert rows[0] == ["通过"] and rows[1][0].startswith("不通过：项目总投入 2500 万元") and rows[2] == [None]
    # labels and values as two columns
    assert CHECK_ROW(SMART, [["项目总投入"], ["软件投入"]], [[3500], [350]], None, True) == "通过"
    assert is_err(CHECK_ROW(SMART, [["项目总资"]], [[3500]], None, True), "#NAME?")  # issue 12: never dropped
    assert is_err(CHECK_ROW(SMART, labels, [[3500, 350]]), "#VALUE!")


# --- catalog facts -------------------------------------------------------------------------


def test_programs_is_a_table_to_pick_from():
    table = PROGRAMS(2023)
    assert table[0] == ["编号", "年度", "项目名称", "补助方式", "补助比例", "最高（万元）", "支持数量", "免申直达"]
    rows = {r[0]: r for r in table[1:]}
    assert len(rows) == 29  # the 2023 guide's programs in the catalog
    # 000 lines 452-458: 10%, 2000 万元, 不超过15个
    assert rows["2023-smart-factory"][1:7] == [2023, "智能制造示范工厂项目", "比例补助", 0.1, 2000, 15]
    assert all(r[1] == 2023 for r in table[1:])
    assert {r[0] for r in PROGRAMS(2023.0, "智能制造")[1:]} == {"2023-smart-factory"}
    assert is_err(PROGRAMS(1999), "#N/A") and is_err(PROGRAMS("明年"), "#VALUE!")


def test_program_info_fields_and_citation():
    assert PROGRAM_INFO(SMART, "主办处室") == "装备工业处"  # 000 line 5461
    assert PROGRAM_INFO(SMART, "联系电话") == "025-69652756"
    assert PROGRAM_INFO(SMART, "来源").startswith("000_e236479adaf7e68e.txt 第452-454行：按不超过项目总投入的10%")
    assert PROGRAM_INFO(SMART, "比例") == 0.1 and PROGRAM_INFO(SMART, "最高") == 2000 and PROGRAM_INFO(SMART, "名额") == 15
    assert PROGRAM_INFO(SMART).startswith("2023/智能制造示范工厂项目：比例补助，10%，最高 2000 万元")
    assert PROGRAM_INFO(SMART, "首次拨付") == "（指南未列明）"
    assert PROGRAM_INFO("2023-talent-training-yingcai", "首次拨付") == "50%"  # 000 lines 1518-1520
    assert PROGRAM_INFO("2023/不存在", "来源").startswith("错误：")  # the reason, as text
    assert PROGRAM_INFO(SMART, "颜色").startswith("错误：没有信息项「颜色」")
    assert PROGRAM_INFO([[SMART], [None]], "主办处室") == [["装备工业处"], [None]]


# --- helpers -------------------------------------------------------------------------------


def test_verify_sample_size():
    # 000 lines 250-255: 不超过20个的全部核查；超过20个的，按照新增数量的20%累加核查
    assert VERIFY_SAMPLE_SIZE(20) == 20
    assert VERIFY_SAMPLE_SIZE(21) == 21  # 20 + 1 × 20% -> 1 (不足一个按一个)
    assert VERIFY_SAMPLE_SIZE(47.0) == 26  # 20 + 27 × 20% = 25.4 -> 26
    assert VERIFY_SAMPLE_SIZE(None) is None
    assert is_err(VERIFY_SAMPLE_SIZE(-3), "#VALUE!") and is_err(VERIFY_SAMPLE_SIZE(2.5), "#VALUE!")
    assert VERIFY_SAMPLE_SIZE([[5], [40]]) == [[5], [24]]


def test_uscc_valid():
    # GB 32100-2015's own example code, and the same with the check digit changed
    assert USCC_VALID("91350100M000100Y43") is True
    assert USCC_VALID("91350100M000100Y44") is False
    assert USCC_VALID("９１３５０１００Ｍ０００１００Ｙ４３") is True  # full-width, as pasted from a PDF
    assert USCC_VALID("91350100M000100Y4") is False  # 17 characters
    assert USCC_VALID("91350100M000100I43") is False  # I is not in the character set
    assert USCC_VALID(None) is None
    assert USCC_VALID([["91350100M000100Y43"], [""], ["x"]]) == [[True], [None], [False]]


def test_to_wan():
    assert TO_WAN("1.2亿") == 12000.0
    assert TO_WAN("3,500.5万") == 3500.5
    assert TO_WAN("１２０００") == 12000.0
    assert TO_WAN(1200000, "元") == 120.0
    assert TO_WAN("6,001,000元") == 600.1
    assert TO_WAN(None) is None
    assert is_err(TO_WAN("abc"), "#VALUE!") and is_err(TO_WAN(1, "斤"), "#VALUE!")


# --- help text -----------------------------------------------------------------------------


def test_every_function_has_chinese_help_and_ascii_upper_name():
    for name in udfs.__all__:
        fn = getattr(udfs, name)
        assert name.isascii() and name == name.upper()
        doc = fn.__doc__ or ""
        assert any("\u4e00" <= ch <= "\u9fff" for ch in doc), name
        assert len(doc) <= 255, f"{name}: Excel's function wizard shows at most 255 characters"


def test_engine_errors_map_to_three_excel_errors():
    from subsidykit import errors
    from udfs.cells import error_for

    expected = {
        errors.UnknownProgramError: "#NAME?",
        errors.AmbiguousProgramError: "#NAME?",
        errors.VariantRequiredError: "#NAME?",
        errors.NoAmountError: "#N/A",
        errors.BadInputError: "#VALUE!",
        errors.CatalogError: "#VALUE!",
        errors.SubsidyError: "#VALUE!",
    }
    for exc_type, code in expected.items():
        err = error_for(exc_type("原因"))
        assert str(err) == code and err.message == "原因"


def test_on_desktop_excel_errors_become_com_error_variants(monkeypatch):
    """Desktop Excel (COM) cannot run here: fake only pywin32's two names, run the real code."""
    import sys
    import types

    from udfs import cells

    made = []

    class VARIANT:  # stands in for win32com.client.VARIANT
        def __init__(self, vt, value):
            self.vt, self.value = vt, value
            made.append(self)

    monkeypatch.setitem(sys.modules, "pythoncom", types.SimpleNamespace(VT_ERROR=10))
    monkeypatch.setitem(sys.modules, "win32com", types.ModuleType("win32com"))
    monkeypatch.setitem(sys.modules, "win32com.client", types.SimpleNamespace(VARIANT=VARIANT))
    monkeypatch.setattr(cells, "ON_COM", True)
    single = SUBSIDY_CAP("2023/不存在", 1)
    assert isinstance(single, VARIANT) and (single.vt, single.value) == (10, -2146826259)  # #NAME?
    column = SUBSIDY_CAP(SMART, [[2500], ["abc"]])
    assert column[0] == [250.0] and (column[1][0].vt, column[1][0].value) == (10, -2146826273)  # #VALUE!
