"""Counts mean what the clause says; combined awards take their parts everywhere (issue 13, items 2 and 3).

Expected amounts are worked out by hand from the clauses (seed file and line cited at each);
they are checked through the command line (a real process), the worksheet functions, the
`formulas` engine computing a workbook, and once through the real xlwings Server.
"""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from subsidykit.rules.amounts import cap
from subsidykit.catalog import load_catalog
from subsidykit.errors import BadInputError
from udfs.cells import XlErr
from udfs.functions import SUBSIDY_CAP, SUBSIDY_EXPLAIN
from cli_process import run

FIRST_SET = "2026/首台（套）装备示范应用项目"  # 004 line 137: 单个装备支持额度最高不超过200万元
NEW_MATERIAL = "2026/首批次新材料示范应用项目"  # 004 line 149: 单个产品支持额度最高不超过200万元
SOFTWARE = "2026/首版次软件示范应用项目"  # 004 line 161: 单个工信部首版次软件产品…300万元，单个省级…100万元
LEADING = "2026/国家领航级智能工厂奖励项目"  # 004 line 397: 对每家入选企业予以 1000 万元定额奖励
BASE_2026 = "2026/大学生企业实习实训基地项目"  # 004 line 696: 每个基地不超过 50 万元
SMART = "2023/智能制造示范工厂项目"  # 000 lines 452-454: 按不超过项目总投入的10%…最高不超过2000万元
# 000 lines 1114-1118: 按不超过软硬件投入的20%、不超过贷款利息的40%予以补助，两者合计单个项目支持额度最高不超过500万元
SME = "2023/专精特新中小企业能力提升项目"
# 001 line 19: 贷款利息…按不超过贷款同期限LPR的利率水平给予贴息；设备发票金额(不含税)，按照不超过10%的比例给予补助；
# 单个项目的贴息和补助金额合计不超过2000万元
TECH = "2022/技术改造贷款贴息和设备补助项目"




def cli_amount(*args: str) -> float:
    code, out, err = run("cap", *args, "--json")
    assert code == 0, err
    return json.loads(out)["amount_wan"]


def is_err(value: object, code: str, words: str = "") -> bool:
    return isinstance(value, XlErr) and str(value) == code and words in value.message


# --- 2. per-item amounts: the count multiplies ------------------------------------------------

PER_ITEM = [
    # name, variant, count, expected (万元), clause
    (FIRST_SET, None, 3, 600),  # 004:137 单个装备 200 × 3
    (FIRST_SET, None, 1, 200),
    (FIRST_SET, None, 0, 0),
    (NEW_MATERIAL, None, 2, 400),  # 004:149 单个产品 200 × 2
    (SOFTWARE, "工信部首版次软件产品", 2, 600),  # 004:161 单个工信部首版次软件产品 300 × 2
    (SOFTWARE, "省级首版次软件产品", 3, 300),  # 004:161 单个省级首版次软件产品 100 × 3
    (LEADING, None, 2, 2000),  # 004:397 每家入选企业 1000 × 2
    ("2026/省级零碳（近零碳）工厂奖励项目", "近零碳工厂", 4, 600),  # 004:339 近零碳工厂每家企业 150 × 4
    (BASE_2026, None, 5, 250),  # 004:696 每个基地 50 × 5
]


@pytest.mark.parametrize("name, variant, count, expected", PER_ITEM, ids=lambda x: str(x))
def test_per_item_amount_times_count_in_the_engine(name, variant, count, expected):
    assert cap(name, variant=variant, count=count).amount == Decimal(expected)
    assert cap(name, variant=variant, count=count, strict=True).amount == Decimal(expected)


def test_per_item_without_a_count_is_one_item():
    award = cap(FIRST_SET)
    assert award.amount == Decimal(200) and "单个装备" in award.explanation  # 004:137


def test_the_per_item_programs_in_the_catalog_cite_a_per_item_clause():
    words = ("单个", "每个", "每家", "每人")
    seen = []
    for p in load_catalog().programs:
        for holder in (p, *p.variants):
            if holder.per:
                src = holder.source or p.source
                assert src is not None and any(w in src.text for w in words), (p.id, src)
                assert (holder.kind or p.kind) in ("fixed", "cap_only", "tiered"), p.id
                seen.append(p.id)
    assert "2026-first-set-equipment" in seen and "2026-first-batch-new-material" in seen


def test_cli_per_item_count():
    # the command: 004:137 单个装备支持额度最高不超过200万元, three 装备 -> 600
    code, out, err = run("cap", FIRST_SET, "0", "--count", "3")
    assert code == 0, err
    assert out.startswith("最高补助：600 万元") and "200 万元 × 3 = 600 万元" in out and "第137行" in out
    assert cli_amount(LEADING, "--count", "2") == 2000  # 004:397


def test_a_count_without_a_per_item_amount_is_refused_with_the_reason():
    # 000:452-454 is a rate of the project's total investment: no amount per item
    code, _, err = run("cap", SMART, "1000", "--count", "3")
    assert code == 2 and "没有按数量计算的金额" in err and "「3」不适用" in err
    with pytest.raises(BadInputError, match="没有按数量计算的金额"):
        cap(SMART, 1000, count=3)  # not only in strict mode
    # 001:85 工业互联网平台项目 单个项目支持额度最高不超过500万元: per project, not per item
    code, _, err = run("cap", "2022/工业互联网创新应用项目", "--variant", "工业互联网平台项目", "--count", "2")
    assert code == 2 and "数量" in err


def test_udf_count():
    assert SUBSIDY_CAP(FIRST_SET, None, None, 3) == 600.0  # 004:137
    assert SUBSIDY_CAP(FIRST_SET, None, None, [[1], [2], [None]]) == [[200.0], [400.0], [200.0]]
    out = SUBSIDY_CAP(SMART, None, None, 3)  # =SUBSIDY_CAP(P, , 3) for a rate program
    assert is_err(out, "#VALUE!", "没有按数量计算的金额")
    assert "数量「3」不适用" in SUBSIDY_EXPLAIN(SMART, None, None, 3)
    assert "200 万元 × 3 = 600 万元" in SUBSIDY_EXPLAIN(FIRST_SET, None, None, 3)


# --- 3. combined awards: the parts by name, alone, as the variant, in a cell -------------------


@pytest.mark.parametrize(
    "parts, expected",
    [
        (["软硬件投入=1000", "贷款利息=100"], 240),  # 20% × 1000 + 40% × 100
        (["软硬件投入补助=1000", "贷款贴息=100"], 240),  # the parts' own names
        (["软硬件投入=3000", "贷款利息=1000"], 500),  # 600 + 400 -> 合计最高不超过500
        (["软硬件投入=1000"], 200),  # no loan: the interest part counts 0
        (["贷款利息=100"], 40),
    ],
)
def test_cli_parts_by_base_or_part_name(parts, expected):
    args = [a for p in parts for a in ("--part", p)]
    assert cli_amount(SME, *args) == expected


def test_cli_a_single_part_says_the_other_counts_zero():
    code, out, err = run("cap", SME, "--part", "软硬件投入=1000")
    assert code == 0, err
    assert out.startswith("最高补助：200 万元") and "贷款贴息：未给出贷款利息，该分项按 0 计" in out


def test_cli_a_part_named_as_the_variant():
    # 000:1114 按不超过软硬件投入的20%: 1000 -> 200 (the interest part not counted)
    code, out, err = run("cap", SME, "1000", "--variant", "软硬件投入")
    assert code == 0, err and out.startswith("最高补助：200 万元")
    assert "只计分项「软硬件投入补助」" in out
    assert cli_amount(SME, "1000", "--variant", "贷款利息") == 400  # 000:1114 40% × 1000
    assert cli_amount(SME, "3000", "--variant", "贷款利息") == 500  # 1200 -> 合计最高不超过500
    assert cli_amount(SME + "/软硬件投入", "1000") == 200


def test_cli_parts_matched_inside_a_long_base():
    # 001:19 the bases are printed as long phrases; 贷款利息 and 设备发票金额 name one part each
    assert cli_amount(TECH, "--part", "贷款利息=100", "--part", "设备发票金额=3000") == 400  # 100 + 10% × 3000
    assert cli_amount(TECH, "--part", "贷款贴息=100", "--part", "设备补助=25000") == 2000  # 100 + 2500 -> 2000


def test_cli_refusals_name_the_parts():
    code, _, err = run("cap", SME, "1000")
    assert code == 2 and "软硬件投入=1000；贷款利息=100" in err and "--part" in err
    code, _, err = run("cap", SME, "--part", "设备=1")
    assert code == 2 and "没有分项「设备」" in err and "软硬件投入补助（软硬件投入）" in err
    code, _, err = run("cap", SME, "--part", "软硬件投入=1", "--part", "软硬件投入补助=2")
    assert code == 2 and "给了两次" in err


@pytest.mark.parametrize(
    "text",
    ["软硬件投入=1000；贷款利息=100", "软硬件投入=1000;贷款利息=100", "软硬件投入=1000，贷款利息=100",
     "软硬件投入=1000,贷款利息=100", "软硬件投入=1000\n贷款利息=100", "软硬件投入＝1000；贷款利息＝100"],
)
def test_udf_parts_in_one_cell(text):
    assert SUBSIDY_CAP(SME, text) == 240.0  # 000:1114-1118: 200 + 40


def test_udf_parts_as_labels_and_values_ranges():
    labels = [["软硬件投入", "贷款利息"]]
    assert SUBSIDY_CAP(SME, None, None, None, None, labels, [[1000, 100]]) == 240.0
    rows = [[1000, 100], [3000, 1000], [1000, None], [None, None]]
    # 240; 600 + 400 -> 500; no interest -> 200; an empty row stays empty
    assert SUBSIDY_CAP(SME, None, None, None, None, labels, rows) == [[240.0], [500.0], [200.0], [None]]
    # labels and values as two columns: one record
    assert SUBSIDY_CAP(SME, None, None, None, None, [["软硬件投入"], ["贷款利息"]], [[1000], [100]]) == 240.0
    # a column of programs beside the rows
    assert SUBSIDY_CAP([[SME], [TECH]], None, None, None, None, [["软硬件投入补助", "设备补助"]], [[1000, None], [None, 3000]]) == [
        [200.0],  # 000:1114 20% × 1000; 贷款贴息 not given
        [300.0],  # 001:19 10% × 3000; 贷款贴息 not given
    ]
    text = SUBSIDY_EXPLAIN(SME, None, None, None, None, labels, [[1000, None]])
    assert "未给出贷款利息，该分项按 0 计" in text and "第1114-1118行" in text
    assert is_err(SUBSIDY_CAP(SME, None, None, None, None, [["设备"]], [[1]]), "#VALUE!", "没有分项「设备」")
    assert is_err(SUBSIDY_CAP(SME, None, None, None, None, labels, [[1, 2, 3]]), "#VALUE!", "分项名称有 2 个")


def test_udf_one_number_for_a_combined_program_says_how_to_give_the_parts():
    out = SUBSIDY_CAP(SME, 1000)
    assert is_err(out, "#VALUE!", "须分别给出各分项的计算基数")
    assert "软硬件投入=1000；贷款利息=100" in out.message and "子类" in out.message
    assert SUBSIDY_CAP(SME, 1000, "软硬件投入") == 200.0  # the part as the variant (000:1114)
    assert SUBSIDY_CAP(SME, None) is None  # nothing typed yet: empty


# --- the formulas engine and the xlwings Server -----------------------------------------------


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    from udfs.formulas_engine import evaluate, value_at

    path = tmp_path_factory.mktemp("parts") / "parts.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目", "软硬件投入", "贷款利息", "数量", "分项（一格）"])
    ws.append([SME, 1000, 100, None, "软硬件投入=1000；贷款利息=100"])
    ws.append([SME, 3000, 1000, None, None])
    ws.append([SME, 1000, None, None, None])
    ws.append([FIRST_SET, None, None, 3, None])
    ws.append([SMART, None, None, 3, None])
    ws["G2"] = "=SUBSIDY_CAP(A2,E2)"
    # `formulas` passes an omitted argument as 0 (Excel passes it as missing): "" stands for it here
    ws["G3"] = ArrayFormula("G3:G5", '=SUBSIDY_CAP(A2:A4,"","","","",B1:C1,B2:C4)')
    ws["G6"] = '=SUBSIDY_CAP(A5,"","",D5)'
    ws["G7"] = '=IFERROR(SUBSIDY_CAP(A6,"","",D6),"不适用")'
    ws["G8"] = "=SUBSIDY_CAP(A2,B2,\"软硬件投入\")"
    wb.save(path)
    results = evaluate(path)
    return lambda cell: value_at(results, "台账", cell)


def test_formulas_engine_computes_parts_and_counts(computed):
    assert computed("G2") == 240  # 000:1114-1118 200 + 40
    assert [computed(c) for c in ("G3", "G4", "G5")] == [240, 500, 200]  # spilled rows
    assert computed("G6") == 600  # 004:137 200 × 3
    assert computed("G7") == "不适用"  # a count for a rate program is #VALUE!
    assert computed("G8") == 200  # the part as the variant


def test_one_call_through_the_real_xlwings_server(xlwings_server):
    from xlserver import post_json

    import xlwings as xw

    payload = {
        "client": "Office.js",
        "func_name": "SUBSIDY_CAP",
        "args": [[[SME]], [[""]], None, None, None, [["软硬件投入", "贷款利息"]], [[1000, 100], [3000, 1000], [1000, ""]]],
        "caller_address": "[台账.xlsx]台账!G2",
        "culture_info_name": "zh-CN",
        "date_format": "yyyy/m/d",
        "version": xw.__version__,
        "runtime": "1.4",
        "session_id": "test-session",
    }
    status, body = post_json(f"{xlwings_server}/xlwings/custom-functions-call", payload)
    assert status == 200, body
    assert body["result"] == [[240.0], [500.0], [200.0]]  # 000:1114-1118


def test_a_part_named_in_a_column_gives_what_the_cell_gives():
    """000:1114 按不超过软硬件投入的20%、不超过贷款利息的40%: "program/分项" in a column of a ledger is
    the same part as in one cell (it was #NAME? in the range form only)."""
    from udfs import SUBSIDY_CAP

    hw, loan = f"{SME}/软硬件投入", f"{SME}/贷款利息"
    assert SUBSIDY_CAP(hw, 1000) == 200.0  # 1000 × 20%
    column = SUBSIDY_CAP([[hw], [loan], [hw], ["2023/智能制造示范工厂项目"]], [[1000], [100], [None], [3000]])
    assert column == [[200.0], [40.0], [None], [300.0]]  # 100 × 40%; blank stays blank; 3000 × 10%
