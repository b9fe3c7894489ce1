"""Reading lists for the register (`subsidykit.intake.reading`): the wording of published lists
through the one vocabulary (fields.yaml), the kind of a list, our own 附件2, acceptance wording;
the input is never modified."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from subsidykit.errors import BadInputError
from subsidykit.intake.reading import acceptance, read_batch

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "台账_2023.xlsx"


def _book(path: Path, rows: list[list], title: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "header",
    [
        ["企业名称", "信用代码", "项目名称", "补助金额（万元）", "年度"],
        ["申报单位", "统一社会信用代码", "项目名称", "支持金额(万元)", "支持年度"],
        ["单位名称", "社会信用代码", "申报项目名称", "拟支持金额", "立项年度"],
    ],
)
def test_supported_list_headers_of_any_wording(tmp_path, header):
    path = _book(tmp_path / "list.xlsx", [header, ["示例甲有限公司", "91320102MA1AAAAA1X", "甲项目", 120, 2022]])
    b = read_batch(path)
    assert b.kind == "supported"
    (r,) = b.rows
    assert (r.applicant, r.uscc, r.project, r.award, r.year) == (
        "示例甲有限公司", "91320102MA1AAAAA1X", "甲项目", Decimal("120"), 2022)
    assert r.cells["单位名称"] == {"cell": "Sheet1!A2", "value": "示例甲有限公司"}


def test_an_award_headed_in_yuan_is_read_in_wan(tmp_path):
    path = _book(tmp_path / "list.xlsx", [["企业名称", "项目名称", "补助金额（元）", "年度"], ["示例乙有限公司", "乙项目", 1_500_000, 2021]])
    (r,) = read_batch(path, kind="supported").rows
    assert r.award == Decimal("150")


def test_acceptance_list_wording_and_dates(tmp_path):
    path = _book(
        tmp_path / "验收.xlsx",
        [["单位名称", "项目名称", "项目代码", "验收结果", "验收时间"],
         ["示例丙有限公司", "丙项目", "2020-320100-34-03-000001", "验收通过", "2023年12月20日"],
         ["示例丁有限公司", "丁项目", None, "不通过", "2023/12/21"],
         ["示例戊有限公司", "戊项目", None, "待验收", None]],
    )
    b = read_batch(path)
    assert b.kind == "accepted"
    assert [(r.accepted, str(r.accepted_on)) for r in b.rows] == [(True, "2023-12-20"), (False, "2023-12-21"), (None, "None")]
    assert b.rows[0].code == "2020-320100-34-03-000001"
    assert all(r.year is None for r in b.rows)  # an acceptance list's title year is not the project's year


@pytest.mark.parametrize(
    ("text", "expected"),
    [("通过", True), ("验收通过", True), ("合格", True), ("同意通过验收", True), ("不通过", False),
     ("未通过", False), ("不合格", False), ("待验收", None), ("限期整改", None), ("", None), (None, None), (True, True)],
)
def test_acceptance_wording(text, expected):
    assert acceptance(text) is expected


def test_the_example_ledger_reads_with_years_counties_and_programs():
    before = hashlib.sha256(LEDGER.read_bytes()).hexdigest(), LEDGER.stat().st_mtime_ns
    b = read_batch(LEDGER)
    assert b.kind == "ledger" and len(b.rows) == 40
    assert {r.year for r in b.rows} == {2023}  # from the title "… 2023年度 …"
    r = b.rows[0]
    assert (r.uscc, r.county, r.program_label, r.requested) == (
        "91320102PHQ46PN614", "青山区", "2023/智能制造示范工厂项目", Decimal("436"))
    assert r.variant is None and b.rows[1].variant == "重大技术改造项目"
    assert [(s, row) for s, row, _m in b.skipped] == [("申报台账", 46)]  # the 合计 row, said
    assert (hashlib.sha256(LEDGER.read_bytes()).hexdigest(), LEDGER.stat().st_mtime_ns) == before


def test_our_summary_reads_every_category_sheet_not_the_audit(tmp_path):
    from subsidykit.cli.app import main

    out = tmp_path / "附件2.xlsx"
    assert main(["summary", str(LEDGER), "--year", "2023", "--out", str(out)]) in (0, 1)
    b = read_batch(out)
    assert b.kind == "summary"
    assert {r.sheet for r in b.rows} <= {"2-1 智能化改造数字化转型", "2-2 关键核心技术（装备）工程化攻关", "2-3 自主品牌企业培育",
                                         "2-4 绿色化改造提升", "2-5 产业支撑体系建设"}
    assert len(b.rows) >= 30 and {r.year for r in b.rows} == {2023}
    assert all(r.uscc is None and r.applicant for r in b.rows)
    assert b.skipped == []


def test_a_city_summary_names_the_city_not_a_county(tmp_path):
    path = _book(tmp_path / "s.xlsx", [
        ["附件2-1"], ["2023年度江苏省工业和信息产业转型升级专项资金"], ["（智能化改造数字化转型）入库项目汇总表"],
        ["地区：徐州市"], ["序号", "单位名称", "申报项目类别", "申报项目名称"], [1, "示例己有限公司", "智能制造示范工厂项目", "己项目"]])
    (r,) = read_batch(path).rows
    assert (r.county, r.city, r.year) == (None, "徐州市", 2023)


def test_rows_without_name_or_uscc_are_skipped_with_a_reason(tmp_path):
    path = _book(tmp_path / "l.xlsx", [["企业名称", "信用代码", "项目名称", "年度"], [None, None, "无主项目", 2023],
                                      ["示例庚有限公司", None, "庚项目", 2023]])
    b = read_batch(path, kind="ledger")
    assert len(b.rows) == 1 and b.skipped == [("Sheet1", 2, "跳过：缺少单位名称和统一社会信用代码")]


def test_a_file_without_a_header_is_a_clear_error(tmp_path):
    path = _book(tmp_path / "x.xlsx", [["随便"], ["什么"]])
    with pytest.raises(BadInputError, match="没有找到表头"):
        read_batch(path)
    with pytest.raises(BadInputError, match="文件夹"):
        read_batch(tmp_path)
