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
