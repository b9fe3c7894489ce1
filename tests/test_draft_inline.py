"""The drafter on a web page's paragraphs and a city's wordings (issue 17): several numbered
measures in one line, a "分别" list of grades named inside the applicant's description, an
amount per person and month with its term.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.draft import draft_guide

WEB_PAGE = """\
关于组织申报2051年度示范市数字经济政策兑现项目的通知
发布时间：2051-03-02 来源：市工信局 【字体：大 中 小】
各有关企业：现将有关事项通知如下。
一、支持内容
（一）数字产业培育
1.软件企业上规奖励。对首次纳入规上统计的软件企业，给予一次性奖励25万元。2.云服务补助。按照企业上云实际支付费用的30%给予补助，每家企业每年最高不超过40万元。3.博士生活补贴。对企业新引进的全职博士，给予每人每月1500元生活补贴，最长2年。
（二）绿色工厂奖励（免申即享）
对新获评国家级、省级、市级绿色工厂的企业，分别给予60万元、20万元、5万元奖励。
（三）等级评定奖励
按以下标准给予奖励：1.一级企业，奖励30万元；2.二级企业，奖励10万元。
二、联系方式
市工信局软件处，电话：0515-88886666
"""


def test_numbered_measures_in_one_line_are_programs_each(tmp_path):
    path = write(tmp_path, "guide_2051.txt", WEB_PAGE)
    d = draft_guide(path, year=2051)
    progs = by_title(d)
    assert {"软件企业上规奖励", "云服务补助", "博士生活补贴"} <= set(progs)
    sw = progs["软件企业上规奖励"]
    assert (sw["kind"], sw["fixed"]) == ("fixed", D("25"))
    assert sw["source"]["lines"] == [6, 6]
    cloud = progs["云服务补助"]
    assert (cloud["kind"], cloud["rate"], cloud["cap"]) == ("rate_cap", D("0.3"), D("40"))
    assert cloud["source"]["lines"] == [6, 6]
    # 每人每月1500元: 0.15万元 per person and month, and the term is said, not folded in
    phd = progs["博士生活补贴"]
    assert (phd["kind"], phd["unit_amount"], phd["unit"]) == ("per_unit", D("0.15"), "人·月")
    assert "最长2年" in phd["note"]
    # a list of grades after a colon is one program's tiers, not programs of their own
    grade = progs["等级评定奖励"]
    assert sorted(v["fixed"] for v in grade["variants"]) == [D("10"), D("30")]
    assert "一级企业" not in progs and "二级企业" not in progs
    assert_cited(d, tmp_path)
    validates(d)


def test_a_list_of_grades_before_the_noun_names_each_amount(tmp_path):
    path = write(tmp_path, "guide_2051.txt", WEB_PAGE)
    d = draft_guide(path, year=2051)
    green = by_title(d)["绿色工厂奖励"]
    assert green["no_application"] is True
    assert {v["name"]: v["fixed"] for v in green["variants"]} == {
        "新获评国家级绿色工厂": D("60"),
        "新获评省级绿色工厂": D("20"),
        "新获评市级绿色工厂": D("5"),
    }


def test_a_line_is_cut_only_where_numbering_counts_on(tmp_path):
    """"2." after a sentence inside a line is an item only when it follows the line's own "1."
    (or starts at 1); a number in a sentence ("第2.5条") or a skipped count is no heading."""
    from subsidykit.authoring.draft import _inline_items

    line = "1.甲奖励。对甲给予10万元。2.乙补助。对乙给予5万元。4.丁奖励。对丁给予1万元。"
    assert _inline_items(line) == ["1.甲奖励。对甲给予10万元。", "2.乙补助。对乙给予5万元。4.丁奖励。对丁给予1万元。"]
    prose = "对符合条件的企业给予奖励。按照本办法第2.5条执行。其余事项另行通知，请各单位认真组织申报。"
    assert _inline_items(prose) == [prose]
    chinese = "（一）技改奖励。对技改项目给予奖励，最高100万元。（二）上规奖励。对上规企业奖励10万元。"
    assert _inline_items(chinese) == ["（一）技改奖励。对技改项目给予奖励，最高100万元。", "（二）上规奖励。对上规企业奖励10万元。"]


COUNTY = """\
2052年度示范县工业专项资金申报指南
一、支持内容
（一）智能化改造项目补助
对2051年1月1日（含）至2051年12月31日（含）期间竣工的项目，按以下标准给予补助：(1)标杆项目。设备投入达到3000万元的，按设备投入的9%给予补助，单个项目最高不超过400万元；(2)普及项目。设备投入在300万元（含）至3000万元（不含）的，按设备投入的6%给予补助，单个项目最高不超过80万元。
（二）设计中心建设支持
支持标准：认定后先行拨付建设资金15万元；期满考核合格的，再拨付25万元。
（三）节能改造补助
奖励标准：按不超过节能设备投资额的12%给予补助，单个项目最高不超过90万元。补助资金分两次拨付：评审通过后拨付40%，节能量核查确认后拨付剩余资金。
（四）规模跨越奖励
奖励标准：营业收入首次突破10亿元、5亿元的，分别给予企业经营团队奖励40万元、15万元。
（五）上市挂牌奖励
按照《示范县推进企业上市若干措施（修订稿）》有关规定执行，本指南不再单独受理。
（六）5G工厂奖励
1.数字化诊断补贴。对购买诊断服务的企业按合同金额的50%给予补贴，每家最高5万元。2.5G工厂建设奖励。对新建成的5G工厂，每个给予20万元奖励。
（七）首台套产品奖励
奖励标准。每个产品给予45万元奖励，同一企业年度奖励不超过2个产品。
"""


def test_sub_items_after_a_colon_first_payments_by_event_and_recipients_in_a_list(tmp_path):
    path = write(tmp_path, "guide_2052.txt", COUNTY)
    d = draft_guide(path, year=2052)
    progs = by_title(d)
    # "(1)标杆项目。…；(2)普及项目。…" after a colon: two programs under the measure
    top, common = progs["标杆项目"], progs["普及项目"]
    assert (top["rate"], top["cap"]) == (D("0.09"), D("400"))
    assert (common["rate"], common["cap"]) == (D("0.06"), D("80"))
    assert top["path"][-1].endswith("智能化改造项目补助")
    # two payments as sums with no total ("先行拨付…15万元；…再拨付25万元"): not read, listed
    design = progs["设计中心建设支持"]
    assert "25万元" in " ".join(t["text"] for t in design["todo"])
    assert "fixed" not in design and "cap" not in design
    # a first payment on an event before acceptance ("评审通过后拨付40%")
    assert progs["节能改造补助"]["first_payment"]["share"] == D("0.4")
    # the recipient between 分别给予 and the amounts
    tiers = sorted(v.get("fixed") for v in progs["规模跨越奖励"]["variants"])
    assert tiers == [D("15"), D("40")]
    # money decided by a rule named in 《》: a program without an amount, never dropped
    assert progs["上市挂牌奖励"]["kind"] == "none"
    # "2.5G工厂建设奖励" is item 2, not the number 2.5
    assert progs["5G工厂建设奖励"]["unit_amount" if "unit_amount" in progs["5G工厂建设奖励"] else "fixed"] == D("20")
    assert progs["数字化诊断补贴"]["rate"] == D("0.5")
    # a limit on one applicant is no quota of the program
    assert "quota" not in progs["首台套产品奖励"]
    assert_cited(d, tmp_path)
    validates(d)


def test_a_lead_in_range_before_an_award_is_the_programs_condition():
    """"X在A万元（含）至B万元（不含）的，按…给予补助，单个项目最高…": the range says who is
    awarded; it is not folded into the cap after the award (which the drafter drops as the
    award's own number, losing the range with it)."""
    from subsidykit.authoring.clauses import parse_conditions

    text = "设备投入在600万元(含)至1800万元(不含)的，按照设备投入的7%给予补助，单个项目最高不超过90万元。"
    got = parse_conditions([(1, text)], "g.txt").data["thresholds"]
    by = {(t["field"], t["op"]): t for t in got}
    assert by[("设备投入", ">=")]["value"] == D("600") and "when" not in by[("设备投入", ">=")]
    assert by[("设备投入", "<")]["value"] == D("1800")
    # "…的，X" with no award between stays a case of X
    cased = parse_conditions([(1, "研发投入超过500万元的，研发人员不少于20人。")], "g.txt").data["thresholds"]
    assert [t["field"] for t in cased] == ["研发人员"] and cased[0]["when"][0]["value"] == D("500")
