"""Issue 12 (engine): no 通过 on what was not checked, no input silently ignored.

Inputs are the ones the issue shows; the expected outcomes come from the clauses:
2023 智能制造示范工厂项目, 000_e236479adaf7e68e.txt 第434行 "项目实施周期不超过3年",
第442行 "项目总投入不低于3000万元"; the notice's 第78行 "在江苏省域内注册".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from subsidykit.rules.thresholds import UnknownFieldError, check, years_between
from subsidykit.rules.regions import same_province

SMART = "2023/智能制造示范工厂"


def test_misspelt_field_is_an_input_error_naming_the_closest():
    with pytest.raises(UnknownFieldError) as exc:
        check(SMART, {"项目总资": "1.2亿"}, only_given=True)
    assert "项目总资" in exc.value.message and "项目总投入" in exc.value.message


def test_known_field_that_is_no_condition_is_reported_unused_and_never_pass():
    report = check(SMART, {"营业收入": "5亿"}, only_given=True)
    assert report.verdict == "incomplete" and report.unused == ("营业收入",)
    assert report.headline().startswith("待核实：没有给出可核对的条件")


def test_start_date_wording_reaches_the_start_date_rule():
    report = check(SMART, {"开始日期": "2020年1月1日", "结束日期": "2021年6月30日"}, only_given=True)
    assert {r.field for r in report.results} >= {"完工日期", "项目实施周期"}


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (dt.date(2020, 1, 1), dt.date(2023, 1, 1), Decimal("3.00")),  # three calendar years
        (dt.date(2018, 1, 1), dt.date(2022, 3, 1), Decimal("4.16")),  # 4 years + 59/365
        (dt.date(2019, 7, 1), dt.date(2022, 6, 30), Decimal("3.00")),  # 2 years + 364/365 = 2.997 -> 3.00
        (dt.date(2020, 2, 29), dt.date(2021, 2, 28), Decimal("1.00")),
    ],
)
def test_years_between_counts_calendar_years(start, end, years):
    assert years_between(start, end) == years


def test_implementation_period_is_derived_from_the_dates():
    """`check … 开工日期=2018年1月1日 完工日期=2022年3月1日` was 通过: 4.16 years > 3 (第434行)."""
    report = check(SMART, {"开工日期": "2018年1月1日", "完工日期": "2022年3月1日"}, only_given=True)
    period = next(r for r in report.results if r.field == "项目实施周期")
    assert period.status == "fail" and "推算" in period.message and "4.16 年" in period.message
    assert report.verdict == "fail"


def test_ledger_row_2017_to_2022_fails_the_period():
    report = check(SMART, {"开工日期": dt.date(2017, 1, 1), "完工日期": dt.date(2022, 6, 1), "项目总投入": 3500}, only_given=True)
    assert report.verdict == "fail"


def test_stated_period_contradicting_the_dates_is_flagged_never_pass():
    report = check(SMART, {"开工日期": "2017-01-01", "完工日期": "2022-01-01", "项目实施周期": 2.5}, only_given=True)
    assert report.conflicts and "2.5" in report.conflicts[0] and report.verdict != "pass"


@pytest.mark.parametrize("place", ["江苏", "江苏省", "江苏省南京市", "南京市", "昆山市", "江宁区"])
def test_places_in_jiangsu_meet_registered_in_jiangsu(place):
    report = check(SMART, {"注册地省份": place}, only_given=True)
    assert [r.status for r in report.results] == ["pass"], report.summary()


def test_a_place_elsewhere_fails_and_an_unreadable_one_is_an_input_error():
    assert check(SMART, {"注册地省份": "上海市"}, only_given=True).verdict == "fail"
    report = check(SMART, {"注册地省份": "浦东"}, only_given=True)
    assert report.verdict == "incomplete" and report.invalid and "无法判断" in report.invalid[0].message
    assert same_province("鼓楼区", "江苏省") is None  # 南京、徐州 and 福州 all have one


def test_levels_compare_by_rank():
    ok = check(SMART, {"示范级别": "国家级示范工厂"}, only_given=True)
    assert ok.verdict == "pass"
    assert check(SMART, {"示范级别": "市级"}, only_given=True).verdict == "fail"


def test_missing_data_is_pending_not_failed():
    """Without only_given, nothing failed and data was only missing: 待核实, not 未通过."""
    report = check(SMART, {"项目总投入": 3500})
    assert report.verdict == "incomplete" and not report.failures
    assert report.headline().startswith("待核实：") and "项目实施周期" in report.headline()


def test_only_given_says_how_many_conditions_were_left_out():
    report = check(SMART, {"项目总投入": 3500}, only_given=True)
    assert report.verdict == "pass" and "另有" in report.headline() and len(report.left_out) >= 5


def test_unreadable_value_is_not_a_failure():
    report = check(SMART, {"项目总投入": "abc"}, only_given=True)
    assert report.verdict == "incomplete" and report.invalid


def test_invested_share_is_derived_from_the_amounts():
    from subsidykit.catalog import load_catalog

    prog = next(p for p in load_catalog().programs if any(t.field == "已投入比例" for t in p.thresholds))
    t = next(t for t in prog.thresholds if t.field == "已投入比例")
    total = Decimal(10000)
    done = (Decimal(str(t.value)) * total) if t.op in (">=", "<=", "==") else None
    report = check(prog.id, {"项目总投入": total, "已完成投资": done}, only_given=True)
    share = next(r for r in report.results if r.field == "已投入比例")
    assert "推算" in share.message


# --- 审核 (summary) on a real ledger ------------------------------------------------------------


def test_audit_says_pending_when_conditions_could_not_be_checked_and_fails_a_long_period(tmp_path):
    """Issue 12: 审核 printed 通过 when 3 of 6 conditions could be checked, and 通过 for a row
    running 2017-01-01 -> 2022-06-01 (项目实施周期不超过3年, 000 第434行)."""
    from ledgers import PROJECTS, write_ledger

    from subsidykit.workbooks.ledger import read_ledger
    from subsidykit.summary.build import build

    rows = [list(PROJECTS[0]), list(PROJECTS[0])]
    rows[1][0], rows[1][1], rows[1][2], rows[1][7] = 2, "示例庚智造有限公司", None, "庚智能工厂项目"
    rows[1][10], rows[1][11] = dt.date(2017, 1, 1), dt.date(2022, 6, 1)
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows)), year=2023, date=dt.date(2022, 12, 5))
    clean, long_run = summary.reviews
    assert clean.check_status == "待核实" and clean.check_lines[0].startswith("待核实：")
    assert "示范级别" in clean.check_lines[0]  # the ledger has no column for it: named, not passed
    assert long_run.check_status == "不通过"
    assert any("项目实施周期" in x and "推算" in x for x in long_run.check_lines)


# --- the program's own base ---------------------------------------------------------------------


def test_every_programs_base_is_a_field_of_the_vocabulary():
    from subsidykit.catalog import load_catalog
    from subsidykit.rules.vocabulary import canonical_field, known_fields

    known = known_fields()
    missing = []
    for p in load_catalog().programs:
        items = [(p.id, p.base), *((f"{p.id}/{v.name}", v.base) for v in p.variants)]
        items += [(f"{p.id}//{x.name}", x.base) for x in [*(p.components or []), *(p.stages or [])]]
        missing += [(who, base) for who, base in items if base and canonical_field(base) not in known]
    assert not missing


RD_HEADER = ["序号", "企业名称", "项目类别", "项目名称", "总投资(万元)", "研发设备及配套软件购置额(万元)", "申请补助(万元)"]


def test_summary_caps_from_the_programs_own_base_not_the_total(tmp_path):
    """2026 企业研发机构创新能力提升项目: 按不超过研发设备及配套软件购置额的10%，最高200万元
    (004_4f6895fa74c99952.txt 第21行): a base of 500 gives 50, so a request of 150 is over it;
    审核 said 180 (10% of the 1800 total) and called 150 未超过."""
    from ledgers import write_ledger

    from subsidykit.workbooks.ledger import read_ledger
    from subsidykit.summary.build import build

    rows = [[1, "示例研发有限公司", "企业研发机构创新能力提升项目", "研发中心扩建", 1800, 500, 150]]
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows, header=RD_HEADER)), year=2026, date=dt.date(2026, 3, 1))
    (review,) = summary.reviews
    assert review.cap == Decimal(50)
    assert review.request_text.startswith("超过最高补助 100 万元")


def test_summary_without_the_programs_base_says_pending_and_names_it(tmp_path):
    from ledgers import write_ledger

    from subsidykit.workbooks.ledger import read_ledger
    from subsidykit.summary.build import build

    header = [h for h in RD_HEADER if not h.startswith("研发设备")]
    rows = [[1, "示例研发有限公司", "企业研发机构创新能力提升项目", "研发中心扩建", 1800, 150]]
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows, header=header)), year=2026, date=dt.date(2026, 3, 1))
    (review,) = summary.reviews
    assert review.cap is None
    assert review.cap_text.startswith("待核实") and "研发设备及配套软件投入" in review.cap_text


# --- validate: counts agree everywhere, batch errors count, distinct projects -----------------


def test_a_batch_error_keeps_a_file_out_of_no_errors_and_every_surface_agrees(tmp_path):
    """Issue 12: the report counted a file under 无错误（可推荐） although a batch check gave it an
    error; the sample counted a duplicated project twice; 汇总 said 批次问题 3 where the console
    said 批次错误 2."""
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from openpyxl import load_workbook

    root = Path(__file__).resolve().parents[1]
    clean = root / "examples" / "submissions" / "01_示例无锡华宇精密.xlsx"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(clean, folder / "a.xlsx")
    shutil.copy(clean, folder / "b.xlsx")  # the same project twice: DUPLICATE_PROJECT (错误)
    report = tmp_path / "r.xlsx"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "subsidykit.cli", "validate", str(folder), "--no-progress", *args],
                              capture_output=True, text=True, cwd=root, timeout=300)

    data = json.loads(run("--json").stdout)
    assert [f["valid"] for f in data["files"]] == [False, False]
    assert [f["valid_alone"] for f in data["files"]] == [True, True]
    assert data["summary"]["valid"] == 0 and data["summary"]["batch_errors"] == 1
    sample = next(b for b in data["batch"] if b["code"] == "SAMPLE_SIZE")
    assert "可推荐（无错误）的项目 0 个" in sample["message"]
    proc = run("--report", str(report))
    assert proc.returncode == 1
    last = proc.stdout.strip().splitlines()[-2 if "报告已写入" in proc.stdout else -1]
    assert "无错误（可推荐）0 个，有错误 2 个" in last and "批次问题 1 条（其中错误 1 条）" in last
    ws = load_workbook(report)["汇总"]
    table = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(3, 10)}
    assert table["无错误（可推荐）"] == 0 and table["有错误"] == 2 and table["批次问题"] == 1 and table["其中批次错误"] == 1
    files = load_workbook(report)["文件"]
    assert {files.cell(row=r, column=2).value for r in (2, 3)} == {"有错误（批次）"}


def test_the_sample_counts_a_project_once():
    from subsidykit.validation.batch import check_sample
    from subsidykit.validation.results import Facts, FileResult
    from subsidykit.catalog import load_catalog

    facts = Facts(year=2023, applicant="甲公司", uscc="91320500MA1Q7K1X3D", project="甲项目")
    results = [FileResult("a.xlsx", [], facts), FileResult("b.xlsx", [], facts), FileResult("c.xlsx", [], Facts(year=2023, applicant="乙", project="乙项目"))]
    (finding,) = check_sample(results, load_catalog(), 2023)
    # 000 第250-255行: up to 20 projects, all of them are checked: 2 distinct projects -> 2
    assert "项目 2 个（3 个文件，同一项目只计一次）" in finding.message and "须核查 2 个" in finding.message


# --- the command line: the exact inputs of the issue, exit codes as documented -------------------


def _cli(*args):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    return subprocess.run([sys.executable, "-m", "subsidykit.cli", *args], capture_output=True, text=True, cwd=root, timeout=120)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["项目总资=1.2亿", "--only-given"], 2, "无法识别的字段：「项目总资」（是否指：项目总投入"),
        (["营业收入=5亿", "--only-given"], 3, "[未使用] 营业收入"),
        (["开始日期=2020-01-01", "--only-given"], 3, "给出了开工日期，还缺完工日期，无法推算项目实施周期"),
        (["开始日期=2020-01-01", "结束日期=2021-12-31", "--only-given"], 0, "通过（只核对了给出的 2 项"),
        (["开工日期=2018年1月1日", "完工日期=2022年3月1日", "--only-given"], 1, "推算为 4.16 年"),
        (["注册地省份=江苏", "--only-given"], 0, "（即“江苏省”）"),
        (["注册地省份=江苏省南京市", "--only-given"], 0, "通过"),
        (["项目总投入=3500"], 3, "待核实："),
        (["项目总投入=abc"], 2, "无法识别的金额「abc」"),
        (["项目总投入=-3000", "--only-given"], 2, "不能为负数"),
    ],
)
def test_check_on_the_command_line(args, code, says):
    proc = _cli("check", "2023/智能制造示范工厂", *args)
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert says in proc.stdout + proc.stderr


def test_check_json_keeps_passed_and_adds_verdict():
    import json

    data = json.loads(_cli("check", "2023/智能制造示范工厂", "项目总投入=3500", "--json").stdout)
    assert data["passed"] is False and data["verdict"] == "incomplete"


def test_a_variant_is_required_for_a_full_check_exit_2():
    proc = _cli("check", "2023/高端化改造升级项目", "项目总投入=9000")
    assert proc.returncode == 2 and "请指定子类" in proc.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["2023/智能制造示范工厂", "2500", "--count", "3"], "给出的数量「3」不适用"),
        (["2023/智能制造示范工厂", "2500", "--part", "二期=500"], "给出的分项基数「二期」不适用"),
        (["2023/信息技术应用创新先导区项目", "500", "--part", "二期=500"], "没有分项「二期」；可用的分项：首期"),
        (["2024-pengcheng-student-internship-allowance", "500"], "给出的计算基数「500」不适用"),
    ],
)
def test_cap_refuses_arguments_that_do_not_apply(args, says):
    proc = _cli("cap", *args)
    assert proc.returncode == 2 and says in proc.stderr, proc.stdout + proc.stderr
