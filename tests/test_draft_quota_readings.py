"""The drafter (issue 17) on quotas said in ways the 支持数量 reader did not know, fields set
after bullets, and vouchers paid out ("兑付") instead of granted.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.clauses import parse_quota
from subsidykit.authoring.draft import draft_guide

HEAD = "2093年度示范市工业和信息化专项资金申报指南\n\n一、转型升级\n\n"


def _draft(tmp_path, body: str, year: int = 2093):
    d = draft_guide(write(tmp_path, f"guide_{year}.txt", HEAD + body), year=year)
    assert_cited(d, tmp_path)
    validates(d)
    return by_title(d)


def test_a_limit_for_every_city_before_the_province_total_leaves_the_total_as_the_quota():
    p = parse_quota([(7, "3.支持数量。每个设区市推荐不超过 3 个，全省不超过 30 个。")], "g.txt")
    assert p.data["quota"]["value"] == D("30")
    assert [(c["scope"], c["value"]) for c in p.data["city_limits"]] == [("每个设区市", D("3"))]
    assert "全省" in p.data["quota"]["source"]["text"]


def test_a_quota_whose_word_runs_into_its_count_is_the_programs_quota(tmp_path):
    progs = _draft(tmp_path, (
        "（一）专利培育中心\n1.支持条件：有效发明专利拥有量不少于40件。\n2.支持标准：经评审立项的，给予60万元资助。\n"
        "3.立项数量最多4项。\n\n"
        "（二）中试平台运营补助\n1.申报条件：年度技术服务收入超过100万元。\n"
        "2.补助标准：按其年度技术服务收入的15%给予运营补助，最高不超过150万元。\n3.本年度奖励名额控制在8家以内。\n"))
    a, b = progs["专利培育中心"], progs["中试平台运营补助"]
    assert (a["fixed"], a["quota"]["value"]) == (D("60"), D("4"))
    assert "立项数量" in a["quota"]["source"]["text"]
    assert (b["rate"], b["cap"], b["quota"]["value"]) == (D("0.15"), D("150"), D("8"))
    assert [(t["op"], t["value"]) for t in b["thresholds"]] == [(">", D("100"))]


def test_a_prose_quota_of_those_recognised_or_diagnosed_and_its_part_for_a_class(tmp_path):
    progs = _draft(tmp_path, (
        "（一）诊断服务\n兑现标准：按照每家企业3万元的标准向服务商支付诊断服务费，其中专项诊断每家6万元。"
        "全年诊断不超过200家，其中专项诊断不超过20家。\n\n"
        "（二）亩均领跑企业奖励\n兑现标准：对亩均效益评价为A类的工业企业，每家奖励20万元。每年认定不超过10家，其中成长型企业不超过3家。\n"))
    diag, lead = progs["诊断服务"], progs["亩均领跑企业奖励"]
    assert (diag["unit_amount"], diag["quota"]["value"]) == (D("3"), D("200"))
    assert [(v["name"], v["unit_amount"], v["quota"]["value"]) for v in diag["variants"]] == [("专项诊断", D("6"), D("20"))]
    assert (lead["unit_amount"], lead["quota"]["value"]) == (D("20"), D("10"))
    # a class the award does not name: a variant holding only its quota, the amount the program's
    assert [(v["name"], v["quota"]["value"]) for v in lead["variants"]] == [("成长型企业", D("3"))]


def test_fields_set_after_bullets_are_sections(tmp_path):
    progs = _draft(tmp_path, (
        "（一）公共海外仓建设补助\n● 支持条件：单仓面积不少于2000平方米。\n"
        "● 补助标准：按仓储设施建设实际投入的20%给予补助，最高不超过60万元。\n● 支持数量：全区不超过3个。\n\n"
        "（二）跨境电商奖励\n■ 支持对象：年度跨境电商进出口额达到500万美元的企业。\n■ 奖励标准：一次性奖励10万元。\n"))
    hub, shop = progs["公共海外仓建设补助"], progs["跨境电商奖励"]
    assert (hub["kind"], hub["rate"], hub["cap"], hub["quota"]["value"]) == ("rate_cap", D("0.2"), D("60"), D("3"))
    assert "variants" not in hub
    assert [(t["op"], t["value"]) for t in hub["thresholds"]] == [(">=", D("2000"))]
    assert (shop["kind"], shop["fixed"]) == ("fixed", D("10"))


def test_a_voucher_paid_out_as_a_share_of_the_fee_is_a_program(tmp_path):
    progs = _draft(tmp_path, (
        "（一）科技创新券\n企业使用创新券购买检验检测、技术转移等科技服务的，按实际支付服务费用的50%兑付，"
        "单家企业年度兑付额最高10万元。\n\n（二）研发机构奖励\n对新认定的市级研发机构，一次性奖励30万元。\n"))
    voucher = progs["科技创新券"]
    assert (voucher["rate"], voucher["cap"]) == (D("0.5"), D("10"))
    assert "服务费用" in voucher["base"]


def test_a_total_that_names_the_classes_it_counts():
    p = parse_quota([(9, "3.支持数量。三类合计不超过 45 个，其中甲类项目不超过 12 个。")], "g.txt")
    assert p.data["quota"]["value"] == D("45")
    assert [(q["name"], q["value"]) for q in p.sub_quotas] == [("甲类项目", D("12"))]
    assert parse_quota([(9, "支持数量：两类合计不超过9家。")], "g.txt").data["quota"]["value"] == D("9")


def test_an_instalment_paragraph_after_the_last_class_is_every_classs_and_the_parents(tmp_path):
    progs = _draft(tmp_path, (
        "（一）融合应用项目\n\n1.支持条件。项目总投入不低于500万元。\n\n2.补助标准。\n\n"
        "（1）示范工厂项目。已列入示范名录的，按不超过项目总投入的20%给予补助，单个项目最高补助300万元。\n\n"
        "（2）应用车间项目。通过市级评定的，按不超过项目总投入的10%给予补助，单个项目最高补助100万元。\n\n"
        "补助资金分两期拨付：首期拨付核定补助金额的70%，项目绩效评价合格后拨付其余部分。\n\n3.支持数量。不超过12个。\n"))
    assert [(progs[t]["rate"], progs[t]["cap"], progs[t]["first_payment"]["share"]) for t in ("示范工厂项目", "应用车间项目")] == [
        (D("0.2"), D("300"), D("0.7")), (D("0.1"), D("100"), D("0.7"))]
    parent = progs["融合应用项目"]
    assert (parent["kind"], parent["first_payment"]["share"], parent["quota"]["value"]) == ("none", D("0.7"), D("12"))


def test_a_limit_per_city_said_in_the_applicants_section_is_listed_not_dropped(tmp_path):
    progs = _draft(tmp_path, (
        "（一）产业链提升项目\n1.支持条件。项目总投资不低于5000万元。\n2.补助标准。按不超过项目总投资的10%予以补助，单个项目最高不超过1000万元。\n"
        "3.申报主体。符合上述条件的企业。每个设区市（含所辖县、市、区）限报5个。\n4.支持数量。不超过25个。\n"))
    p = progs["产业链提升项目"]
    assert p["quota"]["value"] == D("25")
    assert [(t["op"], t["value"]) for t in p["thresholds"]] == [(">=", D("5000"))]
    assert any("限报5个" in t["text"] and "限报数量" in t["note"] for t in p["todo"])
