"""政策匹配 in cells (issue 16): =ELIGIBLE_PROGRAMS and =BEST_PROGRAM called directly, inside a
real xlsx computed by the `formulas` engine, and over the Office.js protocol of the real
xlwings Server on 127.0.0.1.

Profiles and expected statuses and amounts are written by hand from the guides' clauses
(seed file and lines in each comment), never taken from the engine.
"""

from __future__ import annotations

import inspect

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula
from xlserver import get_json, post_json

import udfs
from macros.help import help_rows
from subsidykit.rules.lookup import find_program
from udfs import BEST_PROGRAM, ELIGIBLE_PROGRAMS, SUBSIDY_CAP
from udfs.cells import XlErr
from udfs.formulas_engine import evaluate, value_at

HEADER = ["项目", "子类", "结论", "最高补助", "待补字段"]
SMART = "2023/智能制造示范工厂项目"
SERVICE = "2023/服务化改造升级标杆示范项目"

# A 2023 智能制造示范工厂 applicant (000_e236479adaf7e68e.txt):
#   the notice's general conditions, lines 78-101: 江苏省域内注册、独立法人 (78), 正常经营1年以上截至2022年6月30日
#   (78-83), 近三年无重大事故 (87-89), 无严重失信 (89), 无未验收的本专项资金项目 (91-97), 同一项目未获国家或省级
#   财政资金 (99-101); 同一申报单位原则上只能申报一个项目 (91);
#   智能制造示范工厂项目: 省级（含）以上示范工厂 (428), 手续完备 (430-432), 实施周期不超过3年 (434),
#   2021-01-01（含）至2022-06-30（含）完工 (434-436), 截止前完成验收 (436-440), 总投入不低于3000万元 (442),
#   软件等投入不低于300万元 (448-450), 规模以上工业企业 (456); 10%, 最高不超过2000万元 (452-454).
PROFILE = {
    "项目总投入": 6000,
    "软件投入": 350,
    "完工日期": "2022-06-30",
    "项目实施周期": 2,
    "示范级别": "省级",
    "规模以上工业企业": "是",
    "手续完备": "是",
    "已完成验收": "是",
    "成立日期": "2015-01-01",
    "注册地省份": "江苏省",
    "独立法人资格": "是",
    "近三年重大以上安全环保质量事故": "否",
    "严重失信行为": "否",
    "本专项资金已支持项目未完成验收": "否",
    "同一项目已获国家或省级财政资金支持": "否",
}
LABELS = [list(PROFILE)]
VALUES = [list(PROFILE.values())]


def row_with(**changed) -> list[list[object]]:
    return [[changed.get(k, v) for k, v in PROFILE.items()]]


def rows_of(table: list[list[object]], program: str, variant: str | None = None) -> list[list[object]]:
    return [r for r in table[1:] if r[0] == program and r[1] == variant]


def is_err(value: object, code: str) -> bool:
    return isinstance(value, XlErr) and str(value) == code and bool(value.message)


# --- ELIGIBLE_PROGRAMS ---------------------------------------------------------------------


def test_2023_smart_factory_profile_lists_the_eligible_programs_first_with_their_amounts():
    table = ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023)
    assert table[0] == HEADER
    # 000 lines 452-454: 6000 × 10% = 600 ≤ 2000
    assert table[1] == [SMART, None, "符合", 600.0, None]
    # 000 lines 577-599: the same window, 总投入不低于2000万元, 软件投入不低于300万元; 10% 最高不超过500万元:
    # 6000 × 10% = 600 > 500
    assert table[2] == [SERVICE, None, "符合", 500.0, None]
    statuses = [r[2] for r in table[1:]]
    assert set(statuses) == {"符合", "待补充"}  # the default: eligible and unknown, never 不符合
    assert statuses == sorted(statuses, key=["符合", "待补充"].index)  # 符合 first
    # among the 待补充 rows with an amount, the largest first
    amounts = [r[3] for r in table[1:] if r[2] == "待补充" and isinstance(r[3], float)]
    assert amounts == sorted(amounts, reverse=True)


def test_a_missing_condition_is_to_fill_and_the_amount_still_computed():
    # no 软件投入 (000 lines 448-450 need it): the program cannot be confirmed, 600 is still its maximum
    table = ELIGIBLE_PROGRAMS(LABELS, row_with(软件投入=None), 2023)
    assert rows_of(table, SMART) == [[SMART, None, "待补充", 600.0, "软件投入"]]


def test_status_argument_chinese_english_and_mixed_separators():
    # 000 line 382: 重大技术改造项目总投入不低于1亿元; 6000 < 10000. Its amount (000 lines 399-401: 10%, 最高 4000)
    # is still shown: 600
    failing = ["2023/高端化改造升级项目", "重大技术改造项目", "不符合", 600.0, None]
    assert ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023, "不符合") == [HEADER, failing]
    assert ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023, "ineligible") == [HEADER, failing]
    both = ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023, "符合，不符合")
    assert {r[2] for r in both[1:]} == {"符合", "不符合"} and both[-1] == failing
    assert ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023, "eligible,unknown") == ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023)
    assert ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023, " ") == ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023)


def test_tiered_program_rows_name_the_variant_and_every_name_works_in_subsidy_cap():
    table = ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023, "符合,待补充,不符合")
    # 000 lines 657-663: 二级节点 单个项目补助400万元; 公共服务平台 20%, 最高 2000: 6000 × 20% = 1200
    assert rows_of(table, "2023/工业互联网标识解析项目", "工业互联网标识解析二级节点项目")[0][3] == 400.0
    assert rows_of(table, "2023/工业互联网标识解析项目", "工业互联网标识解析公共服务平台项目")[0][3] == 1200.0
    checked = 0
    for program, variant, _, amount, _ in table[1:]:
        if isinstance(amount, float):
            assert SUBSIDY_CAP(program, 6000, variant) == amount, (program, variant)
            checked += 1
    assert checked >= 10


def test_2024_names_are_the_ones_a_clerk_types_even_where_titles_repeat():
    # 003 line 445: 优秀创业项目最高给予8万元支持和300万元创业担保贷款 — two programs under one heading
    # (鼓励青年人才创新创业); the table names each by the name that finds it alone
    table = ELIGIBLE_PROGRAMS([["单位名称"]], [["示例科技有限公司"]], 2024)
    assert rows_of(table, "2024/大学生优秀创业项目支持")[0][2:4] == ["待补充", 8.0]
    loan = rows_of(table, "2024/大学生创业担保贷款")[0]
    assert isinstance(loan[3], str) and "不是补助资金" in loan[3] and "300 万元" in loan[3]  # a loan limit: words, never a number
    for program, variant, *_ in table[1:]:
        sel = find_program(program, variant=variant)
        assert (sel.program.year, sel.variant.name if sel.variant else None) == (2024, variant)


def test_2026_no_application_award():
    # 004 lines 337-339: 入选2025年度省级零碳（近零碳）工厂名单的企业; 零碳工厂每家企业200万元 （免申直达, line 333)
    table = ELIGIBLE_PROGRAMS([["入选名单"]], [["2025年度省级零碳工厂名单"]], 2026)
    assert table[1] == ["2026/省级零碳（近零碳）工厂奖励项目", "零碳工厂", "符合", 200.0, None]
    near = ELIGIBLE_PROGRAMS([["入选名单"]], [["2025年度省级零碳工厂名单"]], 2026, "不符合")
    assert rows_of(near, "2026/省级零碳（近零碳）工厂奖励项目", "近零碳工厂")[0][2:4] == ["不符合", 150.0]


def test_labels_and_values_as_two_columns_and_the_year_from_the_row():
    columns = ELIGIBLE_PROGRAMS([[k] for k in PROFILE], [[v] for v in PROFILE.values()], 2023)
    assert columns == ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023)
    with_year = ELIGIBLE_PROGRAMS([["申报年度", *PROFILE]], [[2023, *PROFILE.values()]])
    assert with_year == columns


def test_values_as_excel_cells_hold_them():
    # a date cell as its serial (44742 = 2022-06-30, the window's last day, 000 lines 434-436) or a
    # datetime, TRUE/FALSE cells: the same answer as the texts
    import datetime as dt

    cells = row_with(完工日期=44742, 成立日期=dt.datetime(2015, 1, 1), 规模以上工业企业=True, 严重失信行为=False)
    assert ELIGIBLE_PROGRAMS(LABELS, cells, 2023) == ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023)
    assert BEST_PROGRAM(LABELS, cells, 2023) == SMART


def test_empty_rows_stay_empty():
    assert ELIGIBLE_PROGRAMS(LABELS, [[None] * len(PROFILE)], 2023) is None
    assert ELIGIBLE_PROGRAMS(LABELS, [[""] * len(PROFILE)]) is None
    assert BEST_PROGRAM(LABELS, [[None] * len(PROFILE)], 2023) is None


# --- BEST_PROGRAM --------------------------------------------------------------------------


def test_best_program_is_the_highest_eligible_grant_and_works_in_subsidy_cap():
    # 600 (智能制造示范工厂) > 500 (服务化改造升级标杆示范): 同一申报单位原则上只能申报一个项目 (000 line 91)
    best = BEST_PROGRAM(LABELS, VALUES, 2023)
    assert best == SMART
    assert SUBSIDY_CAP(best, 6000) == 600.0


def test_best_program_names_the_variant():
    best = BEST_PROGRAM([["入选名单"]], [["2025年度省级零碳工厂名单"]], 2026)
    assert best == "2026/省级零碳（近零碳）工厂奖励项目/零碳工厂"
    assert SUBSIDY_CAP(best, None) == 200.0  # 004 line 339


def test_completed_one_day_late_leaves_no_best_program():
    # 000 lines 434-436 and 581-583: 2022-06-30（含）is the last day for both programs
    late = row_with(完工日期="2022-07-01")
    best = BEST_PROGRAM(LABELS, late, 2023)
    assert is_err(best, "#N/A") and "2023 年度没有全部条件均满足的补助项目" in best.message
    assert "待补充" in best.message  # and where to look next
    failing = rows_of(ELIGIBLE_PROGRAMS(LABELS, late, 2023, "不符合"), SMART)
    assert failing == [[SMART, None, "不符合", 600.0, None]]


def test_best_program_over_several_rows_gives_a_column():
    rows = VALUES + row_with(完工日期="2022-07-01") + [[None] * len(PROFILE)]
    out = BEST_PROGRAM(LABELS, rows, 2023)
    assert out[0] == [SMART] and is_err(out[1][0], "#N/A") and out[2] == [None]
    years = BEST_PROGRAM(LABELS, VALUES + VALUES, [[2023], [2022]])
    assert years[0] == [SMART] and is_err(years[1][0], "#N/A")  # the 2022 guide has no such program


# --- errors ----------------------------------------------------------------------------------


def test_unknown_label_is_a_name_error_with_the_closest_fields():
    out = ELIGIBLE_PROGRAMS([["项目总投资额度x"]], [[100]], 2023)
    assert is_err(out, "#NAME?") and "无法识别的字段" in out.message
    assert is_err(BEST_PROGRAM([["项目总投资额度x"]], [[100]], 2023), "#NAME?")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (([["项目总投入"]], [["三千万"]], 2023), "项目总投入：无法识别的金额「三千万」"),  # an amount that cannot be read
        ((LABELS, VALUES, 2023, "全都要"), "无法识别的匹配结论"),
        ((LABELS, VALUES + VALUES, 2023), "只核对一行"),
        (([["项目总投入", "软件投入"]], [[1]], 2023), "表头有 2 列"),
        ((LABELS, VALUES, 1999), "没有 1999 年度"),
        ((LABELS, VALUES, "明年"), "年度应为数字"),
        ((LABELS, VALUES, [[2023], [2022]]), "年度须为单个单元格"),
        ((LABELS, VALUES, 2023, [["符合"], ["不符合"]]), "结论参数须为单个单元格"),
        (([["项目总投入", "项目总投入（万元）"]], [[100, 200]], 2023), "是同一项"),
    ],
)
def test_bad_input_is_value_error_with_a_chinese_reason(args, words):
    out = ELIGIBLE_PROGRAMS(*args)
    assert is_err(out, "#VALUE!") and words in out.message, out


def test_bad_input_to_best_program():
    assert is_err(BEST_PROGRAM([["项目总投入"]], [["三千万"]], 2023), "#VALUE!")
    assert is_err(BEST_PROGRAM(LABELS, VALUES + VALUES, [[2023], [2023], [2023]]), "#VALUE!")


def test_error_cells_are_passed_on_and_nothing_found_is_na():
    err = XlErr("#N/A", "上游错误")
    assert ELIGIBLE_PROGRAMS(LABELS, row_with(项目总投入=err), 2023) is err
    assert BEST_PROGRAM(LABELS, row_with(项目总投入=err), 2023) is err
    none = ELIGIBLE_PROGRAMS(LABELS, VALUES, 2022, "符合")
    assert is_err(none, "#N/A") and none.message == "2022 年度没有结论为符合的项目"


# --- registration and help --------------------------------------------------------------------


def test_registered_with_chinese_help_everywhere():
    assert {"ELIGIBLE_PROGRAMS", "BEST_PROGRAM"} <= set(udfs.__all__)
    import formulas

    from udfs.formulas_engine import register

    assert {"ELIGIBLE_PROGRAMS", "BEST_PROGRAM"} <= set(register()) <= set(formulas.get_functions())
    usage = {r[1]: r[2] for r in help_rows() if r[0] == "工作表函数"}
    assert usage["ELIGIBLE_PROGRAMS"] == "ELIGIBLE_PROGRAMS(labels, values, [year], [status])"
    assert usage["BEST_PROGRAM"] == "BEST_PROGRAM(labels, values, [year])"
    for fn in (ELIGIBLE_PROGRAMS, BEST_PROGRAM):
        doc = inspect.getdoc(fn)
        assert doc.startswith(("政策匹配", "同一申报单位")) and len(doc) <= 255
    from subsidykit.xlam.udfgen import collect

    docs = {u.name: [a.doc for a in u.args] for u in collect(udfs, "专项资金")}
    for name in ("ELIGIBLE_PROGRAMS", "BEST_PROGRAM"):
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in d) and len(d) <= 255 for d in docs[name]), docs[name]


# --- the formulas engine: the functions in the cells of a real xlsx ---------------------------------


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("match") / "政策匹配.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "申请"
    ws.append(LABELS[0])  # row 1: the header (columns A:O)
    ws.append(VALUES[0])  # row 2: the applicant
    ws.append(row_with(完工日期="2022-07-01")[0])  # row 3: completed one day late
    ws["A5"] = "=BEST_PROGRAM(A1:O1,A2:O2,2023)"
    ws["B5"] = "=SUBSIDY_CAP(BEST_PROGRAM(A1:O1,A2:O2,2023),A2)"
    ws["C5"] = '=IFERROR(BEST_PROGRAM(A1:O1,A3:O3,2023),"无")'
    ws["D5"] = "=INDEX(ELIGIBLE_PROGRAMS(A1:O1,A2:O2,2023),2,4)"
    ws["E5"] = "=ISNA(BEST_PROGRAM(A1:O1,A3:O3,2023))"
    ws["F5"] = '=INDEX(ELIGIBLE_PROGRAMS(A1:O1,A2:O2,2023,"不符合"),2,2)'
    ws["G5"] = "=ELIGIBLE_PROGRAMS(A1:O1,A2:O2,1999)"
    ws["H5"] = "=BEST_PROGRAM(A1:B1,A2:A2,2023)"
    eligible = ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023, "符合")  # the array's size, as a clerk sizes it
    rows = len(eligible)
    ws["A7"] = ArrayFormula(f"A7:E{6 + rows}", '=ELIGIBLE_PROGRAMS(A1:O1,A2:O2,2023,"符合")')
    ws["G7"] = f'=COUNTIF(C7:C{6 + rows},"符合")'
    ws["H7"] = f"=SUM(D7:D{6 + rows})"
    wb.save(path)
    return path, eligible


@pytest.fixture(scope="module")
def results(workbook):
    return evaluate(workbook[0])


def test_formulas_engine_computes_best_program_and_chains_it(results):
    assert value_at(results, "申请", "A5") == SMART
    assert value_at(results, "申请", "B5") == 600.0  # 000 lines 452-454
    assert value_at(results, "申请", "C5") == "无"
    assert value_at(results, "申请", "D5") == 600.0
    assert value_at(results, "申请", "E5") is True
    assert value_at(results, "申请", "F5") == "重大技术改造项目"  # 000 line 382
    assert value_at(results, "申请", "G5") == "#VALUE!"
    assert value_at(results, "申请", "H5") == "#VALUE!"  # two labels, one value


def test_formulas_engine_spills_the_table_as_the_direct_call(results, workbook):
    _, eligible = workbook
    got = [[value_at(results, "申请", f"{c}{r}") for c in "ABCDE"] for r in range(7, 7 + len(eligible))]
    expected = [[("" if v is None else v) for v in row] for row in eligible]
    assert got == expected
    assert got[1][:4] == [SMART, "", "符合", 600.0] and got[2][:4] == [SERVICE, "", "符合", 500.0]
    assert value_at(results, "申请", "G7") == len(eligible) - 1
    # the text of programs without a computed amount is not added: 600 + 500 only
    assert value_at(results, "申请", "H7") == 1100.0


# --- xlwings Server: the Office.js call over HTTP ------------------------------------------------


def call(base: str, func: str, *args) -> tuple[int, object]:
    payload = {
        "client": "Office.js",
        "func_name": func,
        "args": list(args),
        "caller_address": "[申请.xlsx]申请!A5",
        "culture_info_name": "zh-CN",
        "date_format": "yyyy/m/d",
        "version": __import__("xlwings").__version__,
        "runtime": "1.4",
        "session_id": "test-session",
    }
    return post_json(f"{base}/xlwings/custom-functions-call", payload)


def test_server_meta_describes_both_functions(xlwings_server):
    meta = {f["id"]: f for f in get_json(f"{xlwings_server}/xlwings/custom-functions-meta")["functions"]}
    eligible, best = meta["ELIGIBLE_PROGRAMS"], meta["BEST_PROGRAM"]
    assert eligible["description"].startswith("政策匹配")
    assert [(p["name"], p.get("optional", False)) for p in eligible["parameters"]] == [
        ("labels", False), ("values", False), ("year", True), ("status", True),
    ]
    assert [(p["name"], p.get("optional", False)) for p in best["parameters"]] == [
        ("labels", False), ("values", False), ("year", True),
    ]


def test_server_spills_the_table_and_names_the_best(xlwings_server):
    status, body = call(xlwings_server, "ELIGIBLE_PROGRAMS", LABELS, VALUES, [[2023]], None)
    assert status == 200, body
    table = body["result"]
    assert table[0] == HEADER
    assert table[1] == [SMART, "", "符合", 600.0, ""] and table[2] == [SERVICE, "", "符合", 500.0, ""]
    assert len(table) == len(ELIGIBLE_PROGRAMS(LABELS, VALUES, 2023))
    status, body = call(xlwings_server, "BEST_PROGRAM", LABELS, VALUES + row_with(完工日期="2022-07-01"), [[2023]])
    assert status == 200, body
    assert body["result"] == [[SMART], [{"type": "Error", "errorType": "NotAvailable"}]]


def test_server_single_cell_errors_carry_the_reason(xlwings_server):
    # the add-in shows the text on the cell's #VALUE! flag
    status, body = call(xlwings_server, "ELIGIBLE_PROGRAMS", LABELS, VALUES, [[2023]], [["全都要"]])
    assert status == 400 and "无法识别的匹配结论：全都要" in body
    status, body = call(xlwings_server, "BEST_PROGRAM", LABELS, row_with(完工日期="2022-07-01"), [[2023]])
    assert status == 400 and "2023 年度没有全部条件均满足的补助项目" in body
