"""The drafter (issue 17) on guides copied in forms a clerk meets: a WeChat article's emoji
bullets and highlighted sums, years past 2199, and a table whose numbers stand one space from
their units.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import by_title, drafted

from subsidykit.authoring.clauses import parse_award, parse_conditions, read_tier_table

WECHAT = """\
重磅｜2097年度示范市传统产业专项资金申报启动！最高400万元→
原创 示范发布 2097-03-05 08:30 江苏
🔥划重点
✅ 今年专项资金总规模8000万元
✅ 绿色印染项目【最高400万元】
📖 附件
2097年度示范市传统产业改造专项资金项目申报指南
🔸 一、绿色化改造
📌 1. 绿色印染改造项目
支持印染企业实施节水减排改造。
▶ 申报条件
✅ 项目于2096年1月1日（含）至2096年12月31日（含）期间完成改造；
✅ 改造设备投入不低于600万元。
💰 支持标准
按改造设备投入的12%给予补助，
单个项目【最高400万元】。
🔢 支持数量
不超过8个。
📌 2. 绿色工厂奖励（免申即享）
对2096年度获评绿色工厂的企业，直接兑现奖励，无需申报：
🔸 国家级绿色工厂：90万元
🔸 省级绿色工厂：40万元
🔸 市级绿色工厂：15万元
已获低等级奖励后晋级的，按差额补足。
↓↓↓ 点击阅读原文
分享 收藏 点赞 在看
"""


def test_a_wechat_articles_emoji_bullets_headings_fields_and_highlighted_cap(tmp_path):
    d = drafted(tmp_path, WECHAT, 2097)
    progs = by_title(d)
    assert set(progs) == {"绿色印染改造项目", "绿色工厂奖励"}
    dye = progs["绿色印染改造项目"]
    # "【最高400万元】": a highlight, not a remark in brackets
    assert (dye["rate"], dye["cap"], dye["quota"]["value"]) == (D("0.12"), D("400"), D("8"))
    assert sorted((t["op"], str(t["value"])) for t in dye["thresholds"]) == [
        (">=", "600"), ("between", "['2096-01-01', '2096-12-31']")]
    green = progs["绿色工厂奖励"]
    assert green.get("no_application") is True
    assert [(v["name"], v["fixed"]) for v in green["variants"]] == [
        ("国家级绿色工厂", D("90")), ("省级绿色工厂", D("40")), ("市级绿色工厂", D("15"))]


def test_names_and_sums_listed_line_by_line_after_the_awards_colon():
    p = parse_award([(1, "对新认定的示范车间，给予一次性奖励："), (2, "● 国家级示范车间：60万元"), (3, "● 省级示范车间：25万元")], "g.txt")
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [("国家级示范车间", D("60")), ("省级示范车间", D("25"))]


def test_a_year_past_2199_is_a_year():
    p = parse_conditions([(5, "项目于2202年1月1日（含）至2202年12月31日（含）期间建成投产。")], "g.txt")
    assert [(t["op"], t["value"]) for t in p.data["thresholds"]] == [("between", ["2202-01-01", "2202-12-31"])]


def test_a_band_table_whose_numbers_stand_one_space_from_their_units():
    rows = [(1, "营业收入 奖励金额"), (2, "2000 万元（含）—5000 万元 8 万元"), (3, "1 亿元（含）—2 亿元 16 万元"), (4, "2 亿元以上 25 万元")]
    p = read_tier_table(rows, "g.txt")
    got = [(v["name"], v["fixed"], [(t["op"], t["value"]) for t in v.get("thresholds", [])]) for v in p.data["variants"]]
    assert got == [
        ("2000万元（含）—5000万元", D("8"), [(">=", D("2000")), ("<", D("5000"))]),
        ("1亿元（含）—2亿元", D("16"), [(">=", D("10000")), ("<", D("20000"))]),
        ("2亿元以上", D("25"), [(">=", D("20000"))]),
    ]


def test_a_fine_table_with_a_thousands_space_and_a_remark_wrapped_to_the_margin():
    rows = [(1, "认定层级 奖励标准 备注"), (2, "国家级示范工厂 1 000 万元/家"), (3, "省级示范工厂 150 万元/家 含已获市级奖励"),
            (4, "的企业"), (5, "市级示范工厂 40 万元/家")]
    p = read_tier_table(rows, "g.txt")
    got = [(v["name"], v.get("unit_amount") or v.get("fixed")) for v in p.data["variants"]]
    assert got == [("国家级示范工厂", D("1000")), ("省级示范工厂", D("150")), ("市级示范工厂", D("40"))]


def test_grades_and_sums_alone_shares_listed_for_instalments_and_a_threshold_named_by_the_heading():
    g = parse_award([(1, "国家级60万元,省级25万元")], "g.txt")
    assert [(v["name"], v["fixed"]) for v in g.data["variants"]] == [("国家级", D("60")), ("省级", D("25"))]
    s = parse_award([(1, "按不超过项目设备投资的10%予以补助，单个项目最高不超过900万元，分三年按40%、30%、30%的比例兑现。")], "g.txt")
    assert (s.data["rate"], s.data["cap"], s.data["first_payment"]["share"]) == (D("0.1"), D("900"), D("0.4"))
    h = parse_award([(1, "▲首次突破2亿元的，奖励20万元；"), (2, "▲首次突破5亿元的，奖励40万元。")], "g.txt", heading="营业收入首次突破奖励")
    assert [[(t["field"], t["op"], t["value"]) for t in v["thresholds"]] for v in h.data["variants"]] == [
        [("营业收入", ">=", D("20000"))], [("营业收入", ">=", D("50000"))]]


ANNEXED_NOTES = """\
2098年度示范市数字经济政策清单

序号,政策名称,支持对象,支持标准,支持数量
1,算力券,中小微企业,按实际支付算力服务费用的30%核发算力券,不超过100家
2,数据集建设,数据企业,按项目投入的20%予以补助，最高不超过300万元,不超过6个

附件2

部分政策实施说明

一、智能体应用示范推广（免申直达）

对入选省典型场景名单的本市企业，每个场景奖励12万元，单家企业累计不超过24万元。
"""


def test_an_annexed_implementation_note_is_a_part_of_the_guide(tmp_path):
    d = drafted(tmp_path, ANNEXED_NOTES, 2098)
    progs = by_title(d)
    assert "智能体应用示范推广" in progs
    agent = progs["智能体应用示范推广"]
    assert (agent["unit_amount"], agent["cap"], agent.get("no_application")) == (D("12"), D("24"), True)


def test_an_amount_for_each_thing_capped_per_applicant_and_levels_of_one_benefit():
    p = parse_award([(1, "每条验收合格的产线补助50万元，单个企业本年度补助以150万元为限。")], "g.txt")
    assert (p.data["kind"], p.data["unit_amount"], p.data["unit"], p.data["cap"]) == ("per_unit", D("50"), "条", D("150"))
    q = parse_award([(1, "每个场景奖励12万元，单家企业累计不超过24万元。")], "g.txt")
    assert (q.data["kind"], q.data["unit_amount"], q.data["cap"]) == ("per_unit", D("12"), D("24"))


def test_levels_of_one_benefit_in_one_sentence_are_one_programs_classes(tmp_path):
    text = ("2099年度示范市船舶产业专项资金申报指南\n\n一、首台套\n（一）海工装备首台（套）推广应用项目\n"
            "【扶持额度】按认定层级给予一次性奖励：国家级首台（套）奖励200万元，省级首台（套）奖励90万元；同一产品按最高层级奖励。\n")
    d = drafted(tmp_path, text, 2099)
    assert [p["title"] for p in d.programs] == ["海工装备首台（套）推广应用项目"]
    assert sorted(v["fixed"] for v in d.programs[0]["variants"]) == [D("90"), D("200")]


def test_a_bracketed_field_label_names_no_benefit(tmp_path):
    text = ("2099年度示范市船舶产业专项资金申报指南\n\n一、智能化改造\n（一）分段智能焊接产线改造项目\n"
            "【支持对象】实施产线智能化改造的企业。【申报门槛】单条产线设备投入不低于300万元。\n"
            "【扶持额度】每条验收合格的产线补助50万元，单个企业本年度补助以150万元为限。\n")
    d = drafted(tmp_path, text, 2099)
    assert [p["title"] for p in d.programs] == ["分段智能焊接产线改造项目"]
    p = d.programs[0]
    assert (p["kind"], p["unit_amount"], p["cap"]) == ("per_unit", D("50"), D("150"))


def test_vehicles_ships_and_kilograms_are_units_of_the_catalog():
    for text, value, unit in (("日加氢能力达到500公斤及以上。", D("500"), "公斤"), ("申报车辆数量不少于10辆。", D("10"), "辆"),
                              ("年交付船舶不少于3艘。", D("3"), "艘"), ("单站日服务能力不低于200车次。", D("200"), "次")):
        got = parse_conditions([(1, text)], "g.txt").data["thresholds"]
        assert [(t["op"], t["value"], t["unit"]) for t in got] == [(">=", value, unit)], text


TWO_CHAPTERS = """\
2099年度示范市工业互联网专项资金申报指南

二、支持方向和申报条件
（一）工业互联网标杆工厂建设项目
申报条件：上年度营业收入不低于5亿元，数字化改造投入不低于3000万元。
（二）5G全连接工厂建设项目
申报条件：5G网络覆盖主要生产区域，改造投入不低于800万元。
（三）企业内网改造升级项目
申报条件：内网改造投入不低于300万元。

三、支持标准
（一）工业互联网标杆工厂
按项目投入的10%给予奖补，最高不超过500万元。支持数量不超过8个。
（二）5G工厂
按12%给予奖补，封顶300万元。
（三）企业内网改造升级项目
按改造投入的15%给予补助，最高不超过100万元。

四、申报程序
网上申报。
"""


def test_conditions_and_money_in_two_chapters_make_one_program_each(tmp_path):
    d = drafted(tmp_path, TWO_CHAPTERS, 2099)
    progs = by_title(d)
    assert set(progs) == {"工业互联网标杆工厂建设项目", "5G全连接工厂建设项目", "企业内网改造升级项目"}
    a, b, c = progs["工业互联网标杆工厂建设项目"], progs["5G全连接工厂建设项目"], progs["企业内网改造升级项目"]
    assert (a["rate"], a["cap"], a["quota"]["value"]) == (D("0.1"), D("500"), D("8"))
    assert {D("3000"), D("50000")} <= {t["value"] for t in a["thresholds"]}  # (the conditions chapter's)
    assert (b["rate"], b["cap"]) == (D("0.12"), D("300"))
    assert (c["rate"], c["cap"], [t["value"] for t in c["thresholds"]]) == (D("0.15"), D("100"), [D("300")])
