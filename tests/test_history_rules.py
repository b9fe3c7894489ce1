"""Issue 18: the checks from history (rules.history), with hand-written register records.

The clauses (000_e236479adaf7e68e.txt):
  lines 91-97  已获得江苏省工业和信息产业转型升级专项资金支持但尚未完成验收的单位，本次不得再申报项目
               （省级以上授牌认定奖励、省委省政府部署的重大展会、重大活动项目除外）  -> rule A
  lines 99-101 同一项目获得过国家和省级财政资金支持的，不再予以支持                       -> rule B
  line 91      同一申报单位原则上只能申报一个项目                                         -> rule C
and 2024's wording (003_7a2f4ff3c5f69e6c.txt line 497): 同一申报单位已获得省工业和信息产业转型升级
专项资金支持但尚未完成验收的，本次不得再申报同类别项目.

No database here: PriorProject/History are written by hand as the register would give them.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from subsidykit.catalog import load_catalog
from subsidykit.rules.findings import CODES, ERROR, INFO, WARNING
from subsidykit.rules.history import (
    SAME_PROJECT_SIMILARITY,
    SIMILAR_PROJECT_SIMILARITY,
    History,
    PriorProject,
    history_checks,
    similarity,
)
from subsidykit.rules.lookup import Selection, find_program
from subsidykit.rules.review import review_project
from tests.submission_files import SMART, USCC

A = "本专项资金已支持项目未完成验收"
B = "同一项目已获国家或省级财政资金支持"
WHERE = "登记簿 sqlite:////tmp/register.db"
SMART_SEL = find_program("2023/智能制造示范工厂项目")
NAME = SMART["申报项目名称"]  # 高端数控机床智能制造示范工厂项目 (16 characters)
OTHER_USCC = "91320100MA1XXXXX0X"
SRC_2022 = "支持名单_2022.xlsx · Sheet1 · 第 7 行"


def prior(**kw) -> PriorProject:
    base = dict(
        year=2022,
        uscc=USCC,
        applicant="苏州示例精密机械有限公司",
        project="工业互联网平台建设项目",
        program="2022/工业互联网标杆工厂",
        county="吴中区",
        city="苏州市",
        status="supported",
        award=Decimal(200),
        accepted=None,
        source=SRC_2022,
    )
    base.update(kw)
    return PriorProject(**base)


def history(priors=(), same_year=(), covered=(2021, 2022), year=2023, uscc=USCC) -> History:
    return History(uscc, "苏州示例精密机械有限公司", year, tuple(priors), tuple(same_year), covered, WHERE)


ONE = {"申报项目数量": 1}  # this file is one project (as validate and summary count it)


def review(values, h, sel=SMART_SEL):
    return review_project(sel, values, history=h, strict=False, counted=ONE)


def codes(rv) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity, f.field) for f in rv.findings if f.code.startswith("HISTORY_")]


def without(*names) -> dict:
    return {k: v for k, v in SMART.items() if k not in names}


def test_codes_are_registered_with_their_severity():
    assert CODES["HISTORY_UNACCEPTED"][0] == ERROR
    assert CODES["HISTORY_UNACCEPTED_OTHER"][0] == WARNING
    assert CODES["HISTORY_FUNDED"][0] == ERROR
    assert CODES["HISTORY_FUNDED_SIMILAR"][0] == WARNING
    assert CODES["HISTORY_CLEAR"][0] == INFO
    assert CODES["HISTORY_OTHER_COUNTY"][0] == WARNING
    assert CODES["CROSS_COUNTY_APPLICANT"][0] == WARNING


def test_the_clean_project_passes_with_a_register_that_knows_nothing_against_it():
    rv = review(SMART, history(priors=[prior(accepted=True)]))
    assert rv.verdict == "pass", [f.message for f in rv.findings]
    assert codes(rv) == []  # both fields were declared 否 by the applicant: they stay, no 提示


# --- rule A: 000:91-97 ---------------------------------------------------------------------------


def test_2023_supported_prior_not_accepted_bars_the_application_lines_91_97():
    rv = review(SMART, history(priors=[prior()]))
    assert rv.verdict == "fail"
    assert codes(rv) == [("HISTORY_UNACCEPTED", ERROR, A)]
    f = rv.findings[[x.code for x in rv.findings].index("HISTORY_UNACCEPTED")]
    assert f.message == (
        "已获本专项资金支持但尚未完成验收：2022 年度「工业互联网平台建设项目」（2022/工业互联网标杆工厂，支持 200 万元，吴中区）"
        "尚无验收通过记录（来源：支持名单_2022.xlsx · Sheet1 · 第 7 行，登记簿）"
        "；申报填写为“否”，与登记簿不符。"
        "已获得本专项资金支持但尚未完成验收的单位，本次不得再申报项目（000_e236479adaf7e68e.txt 第91-97行）"
    )
    assert f.source.file == "000_e236479adaf7e68e.txt" and tuple(f.source.lines) == (91, 97)
    # the history finding explains the failure: no BELOW_THRESHOLD repeating it
    assert not [x for x in rv.findings if x.code == "BELOW_THRESHOLD" and x.field == A]
    assert rv.report.failures[0].field == A


def test_prior_that_failed_its_acceptance_is_said_so():
    rv = review(SMART, history(priors=[prior(accepted=False)]))
    assert rv.verdict == "fail"
    (f,) = [x for x in rv.findings if x.code == "HISTORY_UNACCEPTED"]
    assert "验收未通过（来源：支持名单_2022.xlsx · Sheet1 · 第 7 行" in f.message


def test_accepted_prior_is_no_finding():
    rv = review(without(A, B), history(priors=[prior(accepted=True)]))
    assert [c for c in codes(rv) if c[0] != "HISTORY_CLEAR"] == []
    assert rv.verdict == "pass"


def test_only_supported_earlier_projects_count():
    recommended = prior(status="recommended")  # recommended but never on a supported list
    this_year = prior(year=2023)  # this year's entry is no earlier support
    rv = review(SMART, history(priors=[recommended, this_year]))
    assert codes(rv) == [] and rv.verdict == "pass"


def test_exempt_programs_of_2023_are_not_barred_lines_91_97():
    # 省级以上授牌认定奖励 is on the threshold's exempt list (000_2023.yaml, lines 91-97's 除外)
    sel = find_program("2023-provincial-award-reward")
    sel = Selection(sel.program, sel.program.variants[0])
    out = history_checks(sel, {}, history(priors=[prior()]), catalog=load_catalog())
    assert [f.code for f in out.findings if f.field == A] == []
    assert A not in out.values  # nothing filled in either: the condition does not apply


def test_2024_same_category_wording_bars_only_the_same_program_line_497():
    sel = find_program("2024-xz-digest-manufacturing-province-fund")
    h = History(USCC, "苏州示例精密机械有限公司", 2024, (
        prior(year=2023, program="2023/工业互联网标杆工厂", source="支持名单_2023.xlsx · 公示 · 第 3 行"),
    ), (), (2023,), WHERE)  # fmt: skip
    out = history_checks(sel, {A: "否", B: "否"}, h)
    (f,) = out.findings
    assert (f.code, f.severity, f.field) == ("HISTORY_UNACCEPTED_OTHER", WARNING, A)
    assert "本次只限同类别项目，请核实是否同类别" in f.message
    assert "支持名单_2023.xlsx · 公示 · 第 3 行" in f.message
    assert f.source.file == "003_7a2f4ff3c5f69e6c.txt" and tuple(f.source.lines) == (497, 497)
    assert out.values[A] == "否"  # a 警告 changes nothing
    same = History(USCC, "苏州示例精密机械有限公司", 2024, (
        prior(year=2023, program="2023/江苏省制造强省建设专项资金申报项目"),
    ), (), (2023,), WHERE)  # fmt: skip
    out = history_checks(sel, {A: "否", B: "否"}, same)
    assert [(f.code, f.severity) for f in out.findings] == [("HISTORY_UNACCEPTED", ERROR)]
    assert out.values[A] is True


# --- rule B: 000:99-101 --------------------------------------------------------------------------


def test_same_project_code_is_the_same_project_lines_99_101():
    code = "2101-320506-89-02-123456"
    p = prior(project="另一个名字完全不同的项目", project_code=code, accepted=True)
    out = history_checks(SMART_SEL, {**SMART, "项目代码": "2101－320506－89－02－123456"}, history(priors=[p]))
    (f,) = out.findings
    assert (f.code, f.severity, f.field) == ("HISTORY_FUNDED", ERROR, B)
    assert f.message.startswith(f"同一项目已获支持（项目代码 {code} 相同）：2022 年度「另一个名字完全不同的项目」")
    assert f"来源 {SRC_2022}（登记簿）；申报填写为“否”，与登记簿不符" in f.message
    assert tuple(f.source.lines) == (99, 101)
    assert out.values[B] is True


def test_similar_name_above_085_is_the_same_project():
    # 「高端数控机床智能制造示范工厂」 is the first 14 of the 16 characters: 2*14/30 = 0.93
    p = prior(project="高端数控机床智能制造示范工厂", accepted=True)
    assert similarity(NAME, p.project) == pytest.approx(28 / 30)
    rv = review(SMART, history(priors=[p]))
    assert codes(rv) == [("HISTORY_FUNDED", ERROR, B)]
    (f,) = [x for x in rv.findings if x.code == "HISTORY_FUNDED"]
    assert f.message.startswith("同一项目已获支持（相似度 0.93）：2022 年度「高端数控机床智能制造示范工厂」")
    assert rv.verdict == "fail"
    assert not [x for x in rv.findings if x.code == "BELOW_THRESHOLD" and x.field == B]


def test_similar_name_between_060_and_085_is_a_warning():
    # 「高端数控机床智能制造车间项目」 (14): 高端数控机床智能制造 (10) + 项目 (2) in common: 2*12/30 = 0.80
    p = prior(project="高端数控机床智能制造车间项目", accepted=True)
    assert similarity(NAME, p.project) == pytest.approx(0.8)
    assert SIMILAR_PROJECT_SIMILARITY <= similarity(NAME, p.project) < SAME_PROJECT_SIMILARITY
    rv = review(SMART, history(priors=[p]))
    assert codes(rv) == [("HISTORY_FUNDED_SIMILAR", WARNING, B)]
    (f,) = [x for x in rv.findings if x.code == "HISTORY_FUNDED_SIMILAR"]
    assert "相似度 0.80" in f.message and "请核实是否同一项目" in f.message
    assert rv.verdict == "pass"  # the declared 否 stands; the clerk confirms


def test_undeclared_value_with_only_a_similar_name_stays_to_be_verified():
    p = prior(project="高端数控机床智能制造车间项目", accepted=True)
    rv = review(without(B), history(priors=[p]))
    assert ("HISTORY_FUNDED_SIMILAR", WARNING, B) in codes(rv)
    assert ("HISTORY_CLEAR", INFO, B) not in codes(rv)
    assert rv.verdict == "incomplete"


def test_dissimilar_name_is_nothing():
    # 「新能源汽车电池包生产线项目」 shares only 项目: 2*2/29 = 0.14
    p = prior(project="新能源汽车电池包生产线项目", accepted=True)
    assert similarity(NAME, p.project) < SIMILAR_PROJECT_SIMILARITY
    assert codes(review(SMART, history(priors=[p]))) == []


def test_names_compare_without_width_spaces_or_brackets():
    a = "高端数控机床（二期）智能制造示范工厂项目"
    b = "高端数控机床(二期) 智能制造示范工厂项目"
    c = "ＡＢＣ高端数控机床　二期"  # full-width letters and an ideographic space
    assert similarity(a, b) == 1.0
    assert similarity(c, "ABC高端数控机床二期") == 1.0
    p = prior(project=b, accepted=True)
    rv = review({**SMART, "申报项目名称": a}, history(priors=[p]))
    (f,) = [x for x in rv.findings if x.code == "HISTORY_FUNDED"]
    assert "相似度 1.00" in f.message


def test_another_enterprise_with_the_same_name_is_never_matched():
    p = prior(uscc=OTHER_USCC, project=NAME)  # same applicant name and project name, other USCC
    rv = review(SMART, history(priors=[p]))
    assert codes(rv) == [] and rv.verdict == "pass"


# --- rule C: 000:91 ------------------------------------------------------------------------------


def test_same_year_in_another_county_is_a_warning_line_91():
    other = prior(year=2023, county="相城区", status="applied", project="智能仓储项目", source="相城区台账.xlsx · 台账 · 第 5 行")
    rv = review(SMART, history(priors=[], same_year=[other]))
    assert codes(rv) == [("HISTORY_OTHER_COUNTY", WARNING, "申报项目数量")]
    (f,) = [x for x in rv.findings if x.code == "HISTORY_OTHER_COUNTY"]
    assert f.message == (
        "同一单位本年度还出现在其他县（市、区）或文件的申报中：相城区「智能仓储项目」，来源 相城区台账.xlsx · 台账 · 第 5 行"
        "（登记簿）。同一申报单位原则上只能申报一个项目（000_e236479adaf7e68e.txt 第91行）"
    )
    assert tuple(f.source.lines) == (91, 91)
    assert rv.verdict == "pass"  # a 警告 for the clerk (the city roll-up decides)


# --- nothing found --------------------------------------------------------------------------------


def test_register_covering_earlier_years_fills_the_undeclared_fields_with_no():
    values = without(A, B)
    assert review_project(SMART_SEL, values, strict=False, counted=ONE).verdict == "incomplete"  # today: 待核实
    rv = review(values, history(priors=[prior(accepted=True, project="新能源汽车电池包生产线项目")]))
    assert codes(rv) == [("HISTORY_CLEAR", INFO, A), ("HISTORY_CLEAR", INFO, B)]
    a, b = [x for x in rv.findings if x.code == "HISTORY_CLEAR"]
    assert a.message == (
        "登记簿 2021–2022 年度支持名单中未见已支持未验收的项目（已支持的 1 个项目均已验收），按“否”核对："
        "已获得本专项资金支持但尚未完成验收的单位，本次不得再申报项目（000_e236479adaf7e68e.txt 第91-97行）"
    )
    assert b.message == (
        "登记簿 2021–2022 年度支持名单中未见同一项目，按“否”核对："
        "同一项目获得过国家和省级财政资金支持的，不再予以支持（000_e236479adaf7e68e.txt 第99-101行）"
    )
    assert rv.verdict == "pass"


def test_register_without_an_earlier_year_leaves_the_fields_to_be_verified():
    values = without(A, B)
    for covered in [(), (2023,), (2024, 2025)]:
        rv = review(values, history(covered=covered))
        assert codes(rv) == []
        assert {(f.code, f.field) for f in rv.findings} >= {("CONDITION_MISSING", A), ("CONDITION_MISSING", B)}
        assert rv.verdict == "incomplete"  # never 通过


def test_declared_yes_stays_when_the_register_finds_nothing():
    rv = review({**SMART, A: "是"}, history())
    assert codes(rv) == []
    assert rv.verdict == "fail"
    assert [f.code for f in rv.findings if f.field == A] == ["BELOW_THRESHOLD"]


def test_unreadable_declared_value_is_not_filled_in():
    out = history_checks(SMART_SEL, without(A, B), history(), unreadable=[A])
    assert A not in out.values and out.values[B] is False


# --- no register: exactly today's review ---------------------------------------------------------


def _standard(sel: Selection) -> dict:
    """A profile of every field a program's conditions commonly read (not necessarily passing)."""
    return {**SMART, "申报年度": sel.program.year, "申报项目类别": sel.label}


def _dump(rv) -> str:
    return json.dumps([rv.to_json(), rv.report.to_json(), rv.request_text], ensure_ascii=False, sort_keys=True)


def test_no_history_and_empty_history_give_todays_review_for_every_program():
    cat = load_catalog()
    n = 0
    for prog in cat.programs:
        sels = [Selection(prog, v) for v in prog.variants] or [Selection(prog)]
        for sel in sels:
            for values in (_standard(sel), without(A, B), {}):
                today = _dump(review_project(sel, values, strict=False, counted=ONE))
                none = _dump(review_project(sel, values, strict=False, counted=ONE, history=None))
                h = History(USCC, "苏州示例精密机械有限公司", prog.year, (), (), (), WHERE)  # no covered year
                blank = _dump(review_project(sel, values, strict=False, counted=ONE, history=h))
                assert today == none == blank, sel.label
                n += 1
    assert n > 300


def test_names_differing_only_in_case_and_dashes_are_the_same_project():
    """The similarity compares the one name key (rules.batch.norm_name) the register matches by:
    「MES—ERP系统集成」 and 「mes erp系统集成」 are one project (000:99-101), never a HISTORY_CLEAR."""
    from subsidykit.rules.history import similarity

    assert similarity("MES—ERP系统集成", "mes erp系统集成") == 1.0
    assert similarity("【示例】数字化车间/改造", "示例数字化车间改造") == 1.0
    assert similarity("数字化车间改造", "绿色工厂建设") < 0.60
