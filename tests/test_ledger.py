"""Reading clerks' ledgers: header search, column synonyms, units, dates, blanks — on real xlsx files."""

import datetime as dt
import hashlib
import json
from decimal import Decimal

import pytest
from ledgers import HEADER, PROJECTS, write_ledger

from subsidykit.errors import BadInputError
from subsidykit.workbooks.ledger import load_mapping, read_ledger, read_values


def test_header_under_merged_title_rows_is_found_and_cells_are_kept(tmp_path):
    path = write_ledger(tmp_path / "台账.xlsx", title_rows=2)
    led = read_ledger(path)
    assert led.sheet == "台账" and led.header_row == 4  # 2 title rows, a blank row, then the header
    assert len(led.rows) == 6
    first = led.rows[0]
    assert first.row == 5
    assert first.values["单位名称"] == "示例甲智造有限公司"
    assert first.cells["单位名称"] == "台账!B5"
    assert first.cells["申请补助资金"] == "台账!M5"
    assert first.values["项目总投入"] == Decimal(3500)
    assert first.values["开工日期"] == dt.date(2021, 3, 1)
    assert first.values["是否集群项目"] is True
    assert first.values["联系电话"] == "13900000001"


def test_renamed_and_reordered_columns_map_to_the_vocabulary(tmp_path):
    header = [
        "竣工时间",
        "申请金额",
        "申报单位",
        "项目总投资（万元）",
        "申报项目",
        "支持方向",
        "其中：固定资产投资（万元）",
        "开工日期",
    ]
    row = [
        dt.date(2022, 6, 30),
        300,
        "示例庚有限公司",
        3000,
        "庚项目",
        "智能制造示范工厂项目",
        2000,
        dt.date(2021, 1, 1),
    ]
    led = read_ledger(write_ledger(tmp_path / "a.xlsx", [row], header=header, title_rows=0))
    assert [c.field for c in led.columns] == [
        "完工日期", "申请补助资金", "单位名称", "项目总投入", "申报项目名称", "申报项目类别", "固定资产投资", "开工日期",
    ]  # fmt: skip
    assert led.header_row == 1
    assert led.rows[0].values["申报项目类别"] == "智能制造示范工厂项目"


def test_year_prefixed_headers_map_too(tmp_path):
    header = ["企业名称", "2021年主营业务收入（万元）", "2021年度实缴税金", "项目名称"]
    led = read_ledger(write_ledger(tmp_path / "a.xlsx", [["示例", "1,200", 30, "x"]], header=header, title_rows=0))
    assert led.rows[0].values["主营业务收入"] == Decimal(1200)
    assert led.rows[0].values["实缴税金"] == Decimal(30)


def test_numbers_typed_as_text_with_units():
    values = [
        ["单位名称", "项目名称", "总投资", "申请补助资金"],
        ["示例一", "p1", "3,500", "350万元"],
        ["示例二", "p2", "1.2亿", "１２００"],
        ["示例三", "p3", "3500万", "500000元"],
    ]
    led = read_values(values, sheet="S")
    got = [(r.values["项目总投入"], r.values["申请补助资金"]) for r in led.rows]
    assert got == [(Decimal(3500), Decimal(350)), (Decimal(12000), Decimal(1200)), (Decimal(3500), Decimal(50))]
    # 500000元 is converted because the text says 元, and the conversion is noted
    notes = [i for i in led.rows[2].issues if i.code == "AMOUNT_UNIT_CONVERTED"]
    assert notes and notes[0].cell == "S!D4" and notes[0].severity == "提示"


def test_bare_number_that_looks_like_yuan_is_flagged_not_divided():
    values = [["单位名称", "项目名称", "总投资（万元）", "申请补助（万元）"], ["示例", "p", 3500, 3000000]]
    row = read_values(values, sheet="台账").rows[0]
    assert row.values["申请补助资金"] == Decimal(3000000)  # kept as typed
    flags = [i for i in row.issues if i.code == "AMOUNT_LOOKS_LIKE_YUAN"]
    assert len(flags) == 1 and flags[0].cell == "台账!D2" and "疑似以元填写" in flags[0].message


def test_request_larger_than_investment_is_flagged_as_unit_mismatch():
    values = [["单位名称", "项目名称", "总投资", "申请补助"], ["示例", "p", 800, 900]]
    row = read_values(values).rows[0]
    assert [i.code for i in row.issues] == ["AMOUNT_LOOKS_LIKE_YUAN"]
    assert "大于项目总投入" in row.issues[0].message


def test_header_in_yuan_converts_each_amount_and_says_so():
    values = [["单位名称", "项目名称", "申请补助（元）"], ["示例", "p", 3000000], ["示例二", "q", "50万元"]]
    rows = read_values(values).rows
    assert rows[0].values["申请补助资金"] == Decimal(300)
    assert rows[0].issues[0].code == "AMOUNT_UNIT_CONVERTED"
    assert rows[1].values["申请补助资金"] == Decimal(50)  # the text's own unit wins
    assert rows[1].issues == []


def test_dates_in_several_forms():
    forms = [dt.date(2022, 6, 30), dt.datetime(2022, 6, 30, 0, 0), "2022年6月30日", "2022.6.30", "2022/6/30", "20220630",
             44742, "2022-06-30"]  # fmt: skip
    values = [["单位名称", "项目名称", "竣工时间"]] + [[f"示例{i}", "p", f] for i, f in enumerate(forms)]
    assert [r.values["完工日期"] for r in read_values(values).rows] == [dt.date(2022, 6, 30)] * len(forms)


def test_unreadable_values_are_kept_as_typed_and_flagged():
    values = [["单位名称", "项目名称", "总投资", "开工时间", "是否集群"], ["示例", "p", "待定", "2022-13-01", "也许"]]
    row = read_values(values, sheet="台账").rows[0]
    assert (
        row.values["项目总投入"] == "待定"
        and row.values["开工日期"] == "2022-13-01"
        and row.values["是否集群项目"] == "也许"
    )
    assert {i.code: i.cell for i in row.issues} == {
        "BAD_AMOUNT": "台账!C2",
        "BAD_DATE": "台账!D2",
        "BAD_BOOL": "台账!E2",
    }


def test_blank_rows_totals_and_stamp_lines_are_skipped(tmp_path):
    rows = [PROJECTS[0], [None] * len(HEADER), PROJECTS[1], [None, "合计", None, None, None, None, None, None, 15500]]
    led = read_ledger(write_ledger(tmp_path / "a.xlsx", rows, title_rows=1))
    assert [r.values["单位名称"] for r in led.rows] == ["示例甲智造有限公司", "示例乙精工有限公司"]
    assert led.skipped == [5, 7]  # header on row 3: data 4, blank 5, data 6, 合计 7
    values = [["单位名称", "项目名称"], ["示例", "p"], [None, None], ["市、县（市）工业和信息化主管部门（盖章）", None]]
    assert len(read_values(values).rows) == 1


def test_values_from_a_macro_and_from_the_file_give_the_same_rows(tmp_path):
    path = write_ledger(tmp_path / "a.xlsx", title_rows=1, start_col=2)  # the table starts at column B
    from_file = read_ledger(path)
    from openpyxl import load_workbook

    ws = load_workbook(path).active
    used = [list(r) for r in ws.iter_rows(min_row=1, min_col=2, values_only=True)]  # like used_range.value from B1
    from_values = read_values(used, sheet="台账", origin="B1")
    assert [r.values for r in from_values.rows] == [r.values for r in from_file.rows]
    assert [r.cells for r in from_values.rows] == [r.cells for r in from_file.rows]
    assert from_file.rows[0].cells["单位名称"] == "台账!C4"


def test_user_mapping_file_names_the_other_columns(tmp_path):
    mapping = tmp_path / "对照.yaml"
    mapping.write_text("甲方: 单位名称\n工程: 申报项目名称\n备注:\n", encoding="utf-8")
    values = [["甲方", "工程", "备注", "企业名称"], ["示例甲", "p", "略", "另一个名称"]]
    led = read_values(values, mapping=load_mapping(mapping))
    assert led.rows[0].values["单位名称"] == "示例甲"
    assert any(i.code == "DUPLICATE_COLUMN" for i in led.issues)  # 企业名称 also means 单位名称: first one wins
    as_json = tmp_path / "m.json"
    as_json.write_text(json.dumps({"甲方": "企业名称", "工程": "项目名称"}, ensure_ascii=False), encoding="utf-8")
    assert read_values(values[:2], mapping=load_mapping(as_json)).rows[0].values["申报项目名称"] == "p"


def test_bad_mapping_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "m.yaml"
    bad.write_text("- 不是对照表\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="对照"):
        load_mapping(bad)


def test_no_header_is_a_clear_error():
    with pytest.raises(BadInputError, match="找不到表头"):
        read_values([["甲", "乙"], [1, 2]])


def test_missing_file_and_sheet_are_clear_errors(tmp_path):
    with pytest.raises(BadInputError, match="找不到台账文件"):
        read_ledger(tmp_path / "无.xlsx")
    path = write_ledger(tmp_path / "a.xlsx")
    with pytest.raises(BadInputError, match="没有工作表「汇总」"):
        read_ledger(path, sheet="汇总")
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(BadInputError, match="无法打开"):
        read_ledger(broken)


def test_invalid_credit_code_is_flagged():
    values = [["单位名称", "项目名称", "统一社会信用代码"], ["示例", "p", "91320102MA1XYZ1234"]]
    issues = read_values(values).rows[0].issues
    assert [i.code for i in issues] == ["USCC_INVALID"]


def test_reading_never_modifies_the_ledger(tmp_path):
    path = write_ledger(tmp_path / "a.xlsx")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    read_ledger(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
