"""The drafter on a word processor's decimal outline numbering, "1）" and "a)" items, a notice
forwarded by e-mail with "> " quote marks, and a list of grades after "分N档：" (issue 17).

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, drafted, validates, write

from subsidykit.authoring.draft import draft_guide

OUTLINE = """\
2071年度示范省产业发展专项资金申报指南

1\t智能化改造

1.1\t设备更新项目

支持企业更新生产设备。

1.1.1 支持条件

① 项目设备投入不低于2000万元。

② 项目于2070年1月1日（含）至2071年6月30日（含）期间竣工。

1.1.2 补助标准

按不超过设备投入的8%予以补助，单个项目最高不超过600万元。

1.1.3 支持数量

不超过40个。

1.2\u3000标杆培育

1.2.1\t灯塔工厂奖励项目（免申即享）

1.2.1.1 支持对象

2070年度新获评的灯塔工厂。

1.2.1.2 奖励标准

一次性奖励500万元。

1.2.2数字车间项目

1.2.2.1 支持条件

车间设备联网率达到80%以上。

1.2.2.2 补助标准

a) 新建车间。按不超过投入的10%予以补助，最高不超过200万元。

b) 改造车间。按不超过投入的6%予以补助，最高不超过100万元。

2 绿色低碳

2.1 节能改造项目

2.1.1 支持条件

年节能量达到2.5万吨标准煤以上。

2.1.2 补助标准

按节能量每吨标准煤500元给予补助，单个项目最高不超过300万元。
"""


def test_a_decimal_outline_is_read_at_every_depth(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2071.txt", OUTLINE), year=2071)
    progs = by_title(d)
    assert {"设备更新项目", "灯塔工厂奖励项目", "新建车间", "改造车间", "节能改造项目"} <= set(progs)
    dev = progs["设备更新项目"]
    assert dev["path"] == ["1 智能化改造"]  # the path as printed
    assert (dev["rate"], dev["cap"], dev["quota"]["value"]) == (D("0.08"), D("600"), D("40"))
    assert any(t["op"] == ">=" and t["value"] == D("2000") for t in dev["thresholds"])
    light = progs["灯塔工厂奖励项目"]
    assert light["path"] == ["1 智能化改造", "1.2 标杆培育"] and light["no_application"] is True
    assert light["fixed"] == D("500")
    # "a)" "b)" items naming their own class and award are programs under their card
    new, old = progs["新建车间"], progs["改造车间"]
    assert (new["rate"], new["cap"]) == (D("0.1"), D("200")) and (old["rate"], old["cap"]) == (D("0.06"), D("100"))
    assert new["path"][-1] == "1.2.2 数字车间项目"
    energy = progs["节能改造项目"]
    assert energy["path"] == ["2 绿色低碳"]
    assert (energy["unit_amount"], energy["cap"]) == (D("0.05"), D("300"))
    assert_cited(d, tmp_path)
    validates(d)


NOT_OUTLINE = """\
2072年度示范市工业奖补政策
一、技改奖补
（一）设备奖补项目
1.支持条件。设备投入不低于500万元。
2.补助标准。按设备投入的10%给予补助，最高不超过
2.5万元的部分不予计算，单个项目最高不超过100万元。
3 个月内完成验收。
（二）5G工厂项目
2.5G工厂建设。对新建5G工厂奖励30万元。
"""


def test_a_number_with_a_unit_or_a_lone_number_without_its_outline_is_no_heading(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2072.txt", NOT_OUTLINE), year=2072)
    progs = by_title(d)
    # "2.5万元…" (a wrapped line) and "3 个月…" stay the program's text: no program of their own
    assert not any(t.startswith(("5万元", "个月")) for t in progs)
    assert progs["设备奖补项目"]["cap"] == D("100")
    assert_cited(d, tmp_path)
    validates(d)


HALF_PARENS = """\
2073年度示范县惠企政策
一、支持内容
1．数字化改造项目
1）支持条件。项目投入不低于300万元。
2）补助标准。按项目投入的10%给予补助，最高不超过50万元。
3）支持数量。不超过12个。
2．星级上云奖励（免申即享）
1）支持条件。2072年度新认定的星级上云企业。
2）补助标准。根据评定结果分三档奖励：A档20万元、B档10万元、C档5万元。
"""


def test_items_numbered_with_a_closing_bracket_only_are_sections_and_a_list_of_grades_after_a_split(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2073.txt", HALF_PARENS), year=2073)
    progs = by_title(d)
    digital = progs["数字化改造项目"]
    assert (digital["rate"], digital["cap"], digital["quota"]["value"]) == (D("0.1"), D("50"), D("12"))
    assert any(t["value"] == D("300") for t in digital["thresholds"])
    stars = progs["星级上云奖励"]
    assert stars["no_application"] is True
    assert sorted((v["name"], v["fixed"]) for v in stars["variants"]) == [("A档", D("20")), ("B档", D("10")), ("C档", D("5"))]
    assert_cited(d, tmp_path)
    validates(d)


FORWARDED = """\
转发：关于组织申报2074年度示范省专项资金项目的通知
发件人：市工信局办公室
各县（市、区）工信局：现将省厅通知转发给你们，请认真组织申报。
> 一、支持内容
> （一）公共服务平台项目
> 1.支持条件。平台服务企业不少于100家。
> 2.补助标准。按平台年度服务收入的10%核定补助，单个平台支持额度不超过1
> 50万元。
> 3.支持数量。不超过8个。
"""


def test_a_number_broken_across_e_mail_quote_marks_is_read_whole_and_cited(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2074.txt", FORWARDED), year=2074)
    prog = by_title(d)["公共服务平台项目"]
    assert (prog["rate"], prog["cap"], prog["quota"]["value"]) == (D("0.1"), D("150"), D("8"))
    assert prog["source"]["lines"] == [7, 8]
    assert_cited(d, tmp_path)
    validates(d)


def test_the_citation_check_leaves_out_quote_marks_only_at_a_lines_start():
    from subsidykit.catalog.sources import normalise

    assert normalise("> 不超过1\n> 50万元") == "不超过150万元"
    assert normalise(">> > 甲\n  > 乙") == "甲乙"
    assert normalise("增速>5%") == "增速>5%"


RANGE = """\
2075年度示范市服务业政策
一、服务商补助项目
按服务合同金额分档支持：合同金额1000万元（含）至3000万元的，补助60万元；合同金额3000万元以上的，补助100万元。
"""


def test_the_low_end_of_a_range_with_its_inclusion_mark_is_never_an_amount(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2075.txt", RANGE), year=2075)
    prog = by_title(d)["服务商补助项目"]
    amounts = sorted(v.get("fixed") for v in prog["variants"])
    assert amounts == [D("60"), D("100")]
    assert_cited(d, tmp_path)


SHARED = """\
2076年度示范省技改专项资金申报指南
一、技术改造
（一）技术改造项目
1.支持条件
（1）项目于2075年1月1日（含）以后开工。
（2）重点技改项目总投入不低于1亿元；普通技改项目总投入在2000万元（含）以上、1亿元以下。
2.补助标准
（1）重点技改项目。按不超过设备投入的8%予以补助，最高不超过1000万元。
（2）普通技改项目。按不超过设备投入的10%予以补助，最高不超过300万元。
上述两类项目均首次拨付补助资金总额的60%，验收后拨付剩余资金。
3.支持数量
预计不超过30个。
"""


def test_a_shared_condition_naming_one_item_is_that_items_only_and_a_count_after_a_lead_is_the_quota(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2076.txt", SHARED), year=2076)
    progs = by_title(d)
    key, plain = progs["重点技改项目"], progs["普通技改项目"]
    key_bounds = {(t["op"], t["value"]) for t in key["thresholds"] if t["field"] != "开工日期"}
    plain_bounds = {(t["op"], t["value"]) for t in plain["thresholds"] if t["field"] != "开工日期"}
    assert key_bounds == {(">=", D("10000"))}
    assert plain_bounds == {(">=", D("2000")), ("<=", D("10000"))}  # 以下 includes (DOMAIN.md)
    # the paragraph after the items that speaks of both is both items' first payment
    assert key["first_payment"]["share"] == plain["first_payment"]["share"] == D("0.6")
    assert not any(v.get("first_payment") for p in (key, plain) for v in p.get("variants") or [])
    # the other item's condition is said, not dropped in silence
    assert any("普通技改项目" in t.get("note", "") for t in key.get("todo", []))
    # the date window of the common text is both items'
    assert all(any(t["field"] == "开工日期" for t in p["thresholds"]) for p in (key, plain))
    assert_cited(d, tmp_path)
    validates(d)


ESTIMATE = """\
2077年度示范市奖励项目
一、奖励项目
（一）灯塔工厂奖励项目
1.支持对象。新获评的灯塔工厂。
2.奖励标准。一次性奖励200万元。
3.支持数量。以公布名单为准，预计不超过6个。
（二）平台项目
1.补助标准。一次性奖励50万元。
2.支持数量。甲类平台据实支持，乙类平台不超过4个。
"""


def test_a_count_after_a_lead_without_a_number_is_the_quota_but_one_class_s_count_is_not(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2077.txt", ESTIMATE), year=2077)
    progs = by_title(d)
    assert progs["灯塔工厂奖励项目"]["quota"]["value"] == D("6")
    # "乙类平台不超过4个" counts one class: no quota of the whole program
    assert (progs["平台项目"].get("quota") or {}).get("value") != D("4")
    assert_cited(d, tmp_path)


NAMED_COUNTS = """\
2078年度示范省工业专项资金项目申报指南
一、支持方向
（二）首台套项目
按产品类别分两类支持：
（1）首台套产品。对认定的首台套产品奖励100万元。
（2）首批次材料。对认定的首批次材料奖励50万元。
支持数量：首台套产品不超过5个，首批次材料不超过3个。
"""


def test_a_count_naming_each_of_several_items_is_each_items_quota(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2078.txt", NAMED_COUNTS), year=2078)
    progs = by_title(d)
    assert progs["首台套产品"]["quota"]["value"] == D("5")
    assert progs["首批次材料"]["quota"]["value"] == D("3")
    assert_cited(d, tmp_path)


OTHER_SECTION_NAMES = """\
2079年度示范省专项资金申报指南
一、技术改造
（一）重点技改项目
1.申报门槛。项目设备投资不低于3000万元。
2.资助办法。按设备投资的9%资助，单个项目最多补500万元。
3.资金拨付。首期拨付核定资助额的60%，验收后拨付余款。
4.名额安排。全省不超过30个。
（二）单项冠军奖励（免申直达）
1.扶持对象。认定年度为2078年的国家制造业单项冠军企业。
2.奖补标准。一次性奖励200万元。
"""


def test_other_drafters_section_names(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2079.txt", OTHER_SECTION_NAMES), year=2079)
    progs = by_title(d)
    tech = progs["重点技改项目"]
    assert (tech["rate"], tech["cap"], tech["quota"]["value"]) == (D("0.09"), D("500"), D("30"))
    assert tech["first_payment"]["share"] == D("0.6")
    assert any(t["op"] == ">=" and t["value"] == D("3000") for t in tech["thresholds"])
    champ = progs["单项冠军奖励"]
    assert champ["fixed"] == D("200")
    assert any(t["value"] in (D("2078"), ["2078-01-01", "2078-12-31"]) for t in champ["thresholds"])
    assert_cited(d, tmp_path)
    validates(d)


LETTERED_RUN = """\
示范区促进制造业发展若干政策
第一条 总则。为促进发展，制定本政策。
第二条　支持品牌建设

(a)甲类示范。对2079年度新获评国家级、省级甲类示范企业（平台）的，分别奖励50万元、20万元。(b)乙类标杆。对首次获得
乙类标杆称号的企业奖励100万元，首次获得丙类标杆称号的奖励30万元。（c）展会补贴。
对企业参加区工信局组织的重点展会的，按展位费的50%给予补贴，最高不超过10万元。
第三条 附则。本政策由区工信局负责解释。
第四条 施行。本政策自发布之日起施行。
"""


def test_a_lettered_paragraph_running_into_the_next_letter_over_lines_is_cut_into_programs(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2080.txt", LETTERED_RUN), year=2080)
    progs = by_title(d)
    assert {"甲类示范", "乙类标杆", "展会补贴"} <= set(progs)
    assert (progs["展会补贴"]["rate"], progs["展会补贴"]["cap"]) == (D("0.5"), D("10"))
    assert_cited(d, tmp_path)


def test_a_lettered_line_whose_paragraph_runs_into_the_next_letter_is_no_heading():
    from subsidykit.authoring.draft import _classify
    from subsidykit.authoring.text import GuideText

    lines = ("第二条　支持品牌建设", "", "(a)甲类示范。对新获评的甲类示范企业（平",
             "台）奖励50万元。(b)乙类标杆。对首次获得乙类标杆称号的企业奖励100万元。",
             "", "a) 丙类项目。按投入的10%补助，最高不超过200万元。", "b) 丁类项目。按投入的8%补助。")
    out = _classify(GuideText(file="g.txt", lines=lines))
    kinds = {ln.src: ln.kind for ln in out}
    assert kinds[3] == "text"  # its paragraph goes on into "(b)" on the next line
    assert kinds[6] == "heading" and kinds[7] == "heading"  # items standing each on its own line


ISSUED_UNDER_ANNEX = """\
示范县工业和信息化局 示范县财政局
关于组织开展2081年度政策兑现申报工作的通知
各镇人民政府：现将有关事项通知如下。
一、兑现范围
本次兑现《若干政策措施》所列事项。
附件：1．关于促进工业发展的若干政策措施
      2．2081年度政策兑现申报材料清单

附件 1

示范县人民政府办公室文件
县政府办公室关于印发《关于促进工业发展的若干政策措施》的通知
各镇人民政府：《关于促进工业发展的若干政策措施》已经县政府审议通过，现印发给你们。
                               2080 年 7 月 16 日

关于促进工业发展的若干政策措施

  一、加大工业投入
  1.支持设备投入。对设备投资达到 2 000 万元的工业项目，按设备投资额的 8%给予补助，单个项目补助封顶 500 万元。
  2.技术改造贷款贴息。对单笔贷款金额 500 万元以上的，按实际支付利息的 50%给予贴息。

附件 2

2081 年度政策兑现申报材料清单

1.申报表。
2.营业执照复印件。
"""


def test_rules_issued_by_a_notice_printed_under_an_annex_are_the_guide_and_a_list_of_papers_is_not(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2081.txt", ISSUED_UNDER_ANNEX), year=2081)
    progs = by_title(d)
    assert (progs["支持设备投入"]["rate"], progs["支持设备投入"]["cap"]) == (D("0.08"), D("500"))
    # a measure that grants only a share of its base is a program too
    assert progs["技术改造贷款贴息"]["rate"] == D("0.5")
    assert not any("材料清单" in g for g in d.document["guides"])
    assert_cited(d, tmp_path)
    validates(d)


def test_labels_for_what_an_applicant_must_meet(tmp_path):
    for label in ("申报要件", "准入门槛", "申请要件"):
        text = (f"2082年度示范省专项资金申报指南\n一、技术攻关\n（一）攻关项目\n1.{label}。项目研发总投入不少于3000万元。\n"
                "2.资助额度。按研发总投入的10%资助，最高500万元。\n")
        d = draft_guide(write(tmp_path, "guide_2082.txt", text), year=2082)
        prog = by_title(d)["攻关项目"]
        assert any(t["op"] == ">=" and t["value"] == D("3000") for t in prog["thresholds"]), label
        assert_cited(d, tmp_path)


def test_a_label_the_drafter_does_not_know_is_read_as_conditions_and_said_in_todo(tmp_path):
    # labels not in the drafter's word lists; the fragment's thresholds read by hand:
    # 研发总投入 >= 3000 万元 (不少于3 000万元), 发明专利 >= 5 件 (不少于5件)
    for label in ("入围要求", "企业资质", "遴选要求", "申报须知"):
        text = (f"2083年度示范省专项资金申报指南\n一、技术攻关\n（一）攻关项目\n1.扶持对象。在前沿领域具有研发实力的企业。\n"
                f"2.{label}。\n（1）项目研发总投入不少于3 000万元。\n（2）拥有发明专利不少于5件。\n"
                "3.资助额度。按研发总投入的10%资助，最高500万元。\n")
        d = draft_guide(write(tmp_path, "guide_2083.txt", text), year=2083)
        prog = by_title(d)["攻关项目"]
        got = {(t["op"], t["value"]) for t in prog.get("thresholds") or []}
        assert {(">=", D("3000")), (">=", D("5"))} <= got, label
        assert (prog["rate"], prog["cap"]) == (D("0.1"), D("500")), label
        said = [t for t in prog.get("todo") or [] if label in t.get("note", "")]
        assert len(said) == 1 and "须审阅" in said[0]["note"], label
        assert_cited(d, tmp_path)


def test_an_unknown_label_that_grants_money_or_sets_targets_is_not_read_as_conditions(tmp_path):
    # "绩效目标" is what a project must reach after the award, "资金安排" grants money: neither is
    # a condition to apply
    text = ("2083年度示范省专项资金申报指南\n一、技术攻关\n（一）攻关项目\n1.扶持对象。在前沿领域具有研发实力的企业。\n"
            "2.绩效目标。项目验收时新增产值不低于8000万元。\n"
            "3.资金安排。按研发总投入的10%给予资助，最高500万元。\n")
    d = draft_guide(write(tmp_path, "guide_2083.txt", text), year=2083)
    prog = by_title(d)["攻关项目"]
    assert not any(t["value"] == D("8000") for t in prog.get("thresholds") or [])
    assert not any("不是常见的条件段名" in t.get("note", "") for t in prog.get("todo") or [])


def test_a_cap_in_wan_without_yuan_is_the_award_not_a_count_condition(tmp_path):
    # "单个项目不超过1 500万" (no 元): the award's cap, 1500 万元, never a condition "单个项目 ≤ 15000000 个"
    text = ("2084年度示范省专项资金申报指南\n一、技术攻关\n（一）攻关项目\n"
            "对项目研发总投入不低于8000万元的，省财政按研发总投入的15%安排资助，单个项目不超过1 500万。\n")
    d = draft_guide(write(tmp_path, "guide_2084.txt", text), year=2084)
    prog = by_title(d)["攻关项目"]
    assert (prog["rate"], prog["cap"]) == (D("0.15"), D("1500"))
    assert [(t["op"], t["value"]) for t in prog["thresholds"]] == [(">=", D("8000"))]
    assert_cited(d, tmp_path)


PARENT_AND_ITEMS = """2085年度示范市转型升级专项资金项目申报指南
一、推进技术改造
（一）设备更新改造项目
支持企业实施设备更新。
1.申报条件
（1）项目设备投入不低于1000万元。
2.奖补标准
（1）甲类改造项目。设备投入达到5000万元及以上的，按设备投入的8%给予补助，单个项目补助上限800万元。支持数量：择优支持不超过
10个。
（2）乙类改造项目。设备投入不足5000万元的，按设备投入的6%给予补助，补助额度封顶300万元。支持数量：择优支持不超过40个。
3.拨付方式
补助资金分两次拨付，项目通过评审公示后先行拨付60%，验收合格后拨付剩余部分。
（二）诊断服务项目
1.服务机构条件
（1）上年度咨询服务收入不低于300万元。
2.补助标准
按每家企业1.5万元的标准向服务机构支付诊断费用。
3.扶持数量
不超过6个。
（三）评价激励项目
对排名靠前的县分档给予激励：
档次
激励名额
激励资金
第一档
5个
每个100万元
"""


def test_a_program_whose_award_lists_classes_stays_a_program_and_its_items_hold_their_own_quota_and_instalments(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2085.txt", PARENT_AND_ITEMS), year=2085)
    progs = by_title(d)
    # the items: their own rate, cap and quota (said inside the item after 支持数量：), and the
    # program's 拨付方式 (先行拨付60%) as each one's first payment
    a, b = progs["甲类改造项目"], progs["乙类改造项目"]
    assert (a["rate"], a["cap"], a["quota"]["value"]) == (D("0.08"), D("800"), D("10"))
    assert (b["rate"], b["cap"], b["quota"]["value"]) == (D("0.06"), D("300"), D("40"))
    assert a["first_payment"]["share"] == b["first_payment"]["share"] == D("0.6")
    assert a["path"][-1].endswith("设备更新改造项目")
    # the program itself stays, with what its items share and no amount of its own
    parent = progs["设备更新改造项目"]
    assert parent["kind"] == "none" and not parent.get("variants")
    assert "子类各为一个项目" in parent["note"]
    assert any(t["op"] == ">=" and t["value"] == D("1000") for t in parent["thresholds"])
    # "3.扶持数量" and "1.服务机构条件" alone on their numbered lines are sections
    diag = progs["诊断服务项目"]
    assert diag["quota"]["value"] == D("6")
    assert any(t["op"] == ">=" and t["value"] == D("300") for t in diag["thresholds"])
    # "激励名额" alone on an unnumbered line is a table's column, not a quota section
    assert "评价激励项目" in progs
    assert_cited(d, tmp_path)
    validates(d)


def test_an_article_titled_with_two_things_joined_by_dunhao_keeps_its_title(tmp_path):
    text = ("2087年度示范县工业政策兑现申报指南\n第一章　总则\n第一条　为促进工业发展，制定本细则。\n第二章　支持创新\n"
            "第二条　首台（套）装备奖励\n【兑现标准】对经认定的首台（套）装备，按销售单价的10%给予奖励，最高不超过50万元。\n"
            "第三条　首批次新材料、首版次软件奖励\n【兑现标准】对首次获评首批次新材料的产品，每个产品一次性奖励20万元；"
            "对获评首版次软件的产品，每个产品一次性奖励15万元。\n"
            "第四条　标准制定奖励\n【兑现标准】对主导制定国家标准的企业，每项奖励30万元。\n")
    d = draft_guide(write(tmp_path, "guide_2087.txt", text), year=2087)
    progs = by_title(d)
    assert "首批次新材料、首版次软件奖励" in progs and "第三条" not in progs
    assert_cited(d, tmp_path)


def test_the_guide_title_over_a_page_number_inside_a_program_is_a_running_header(tmp_path):
    text = ("2089 年度示范省中小企业专项资金项目申报指南\n\n一、创业基地\n\n（一）基地改造提升项目\n\n1.支持条件。\n\n"
            "（1）项目总投入不低于 300 万元。\n\n2089 年度示范省中小企业专项资金项目申报指南 \n\n- 8 - \n\n"
            "（2）项目须于 2090 年 6 月 30 日前完成建设。\n\n"
            "2.补助标准。按不超过项目总投入的 30%予以补助，单个项目支持额度最高不超过 200 万元。\n\n3.支持数量。不超过 15 个。\n")
    d = draft_guide(write(tmp_path, "guide_2089.txt", text), year=2089)
    prog = by_title(d)["基地改造提升项目"]
    assert (prog["rate"], prog["cap"], prog["quota"]["value"]) == (D("0.3"), D("200"), D("15"))
    assert any(t["unit"] == "日期" and t["value"] == "2090-06-30" for t in prog["thresholds"])
    assert_cited(d, tmp_path)


def test_a_table_one_cell_per_line_with_bare_numbers_in_a_document_paged_with_dashes(tmp_path):
    # pages numbered "- N -": "80" alone between blank lines is a cell, "支持数量（个）" a column
    cells = ["平台星级", "奖补标准（万元）", "支持数量（个）", "五星级", "80", "不超过 10", "- 5 -", "四星级", "50", "不超过 25",
             "三星级", "30", "不超过 35"]
    text = ("2090 年度示范省中小企业专项资金项目申报指南\n\n- 1 -\n\n一、服务体系\n\n（一）平台服务绩效奖补\n\n"
            "1.支持条件。有效期内的三星级及以上示范平台。\n\n2.奖补标准。按平台星级分档定额奖补，具体如下：\n\n"
            + "".join(f"{c} \n\n" for c in cells) + "（二）其他项目\n\n对新认定的基地，一次性奖励 50 万元。\n")
    d = draft_guide(write(tmp_path, "guide_2090.txt", text), year=2090)
    prog = by_title(d)["平台服务绩效奖补"]
    assert [(v["name"], v["fixed"], v["quota"]["value"]) for v in prog["variants"]] == [
        ("五星级", D("80"), D("10")), ("四星级", D("50"), D("25")), ("三星级", D("30"), D("35"))]
    assert_cited(d, tmp_path)
    validates(d)


def test_rules_named_after_the_policy_in_guillemets_under_an_annex_are_the_guide(tmp_path):
    text = ("县政府办公室关于印发《〈示范县促进工业企业提质增效的若干措施〉实施细则》的通知\n各镇人民政府：现印发给你们。\n"
            "附件：1.《示范县促进工业企业提质增效的若干措施》实施细则\n示范县人民政府办公室\n2091年4月22日\n\n附件1\n\n"
            "《示范县促进工业企业提质增效的若干措施》实施细则\n\n第一章　总　则\n　　第一条　为推动工业企业提质增效，制定本细则。\n"
            "第二章　鼓励投入\n　　第二条　技术改造设备投入奖补\n　　（一）兑现标准。按设备实际投入额的6%给予奖补，单个项目奖补金额最高不超过300万元。\n"
            "　　第三条　重大项目竣工投产奖励\n　　（一）兑现标准。对新竣工投产的重大工业项目，一次性奖励50万元。\n")
    d = draft_guide(write(tmp_path, "guide_2091.txt", text), year=2091)
    progs = by_title(d)
    assert (progs["技术改造设备投入奖补"]["rate"], progs["技术改造设备投入奖补"]["cap"]) == (D("0.06"), D("300"))
    assert progs["重大项目竣工投产奖励"]["fixed"] == D("50")
    assert_cited(d, tmp_path)


def test_the_end_of_a_wrapped_sentence_that_reads_like_a_label_is_not_a_section(tmp_path):
    # "…降低数字" / "化转型门槛。": the second line ends the preamble's sentence; "门槛" names no section
    text = ("2092年度示范市数字经济专项资金申报指南\n\n一、数字化转型\n\n（一）企业上云项目\n\n"
            "鼓励中小企业购买云资源、工业软件订阅及平台服务，降低数字\n化转型门槛。\n\n"
            "1.支持条件。年度实际支付云服务费用达到10万元。\n\n"
            "2.补助标准。按企业年度实际支付云服务费用的30%给予补贴，单家企业最高不超过20万元。\n\n"
            "3.支持数量。不超过120个。\n\n"
            "（二）工业设计中心奖励项目\n\n1.支持条件。新认定的市级工业设计中心。\n\n2.补助标准。一次性奖励30万元。\n")
    d = draft_guide(write(tmp_path, "guide_2092.txt", text), year=2092)
    prog = by_title(d)["企业上云项目"]
    assert (prog["kind"], prog["rate"], prog["cap"], prog["quota"]["value"]) == ("rate_cap", D("0.3"), D("20"), D("120"))
    assert [(t["op"], t["value"]) for t in prog["thresholds"]] == [(">=", D("10"))]
    assert by_title(d)["工业设计中心奖励项目"]["fixed"] == D("30")
    assert_cited(d, tmp_path)


def test_a_notice_whose_list_of_items_is_attached_as_cards_without_a_title(tmp_path):
    # the notice's "附件：…事项清单" list line, then the export of cards under "附件": the cards are
    # the programs; "申报对象" holding a year is a condition; a field after a full line is a field
    text = ("关于发布2094年度示范县中小企业奖补事项清单的通知\n\n各有关企业：\n\n现将2094年度奖补事项清单予以发布。\n\n"
            "一、申报主体基本条件\n\n申报企业应在本县注册，正常经营1年以上。\n\n"
            "附件：2094年度示范县中小企业奖补事项清单\n\n示范县工业和信息化局\n2094年3月1日\n\n附件\n\n"
            "政务服务网 事项清单导出\n导出时间：2094-03-01 10:00:00    共 2 条\n\n"
            "事项名称：创新型企业评价奖励\n事项编码：320000000000-ZX-0001\n"
            "申报对象：经省级主管部门公告、2093年度首次评价为创新型中小企业的本县工业企业和软件企业\n"
            "奖补标准：每家给予一次性奖励6万元。\n兑现方式：免申即享\n受理部门：县工信局中小企业科\n\n"
            "事项名称：企业上云补助\n事项编码：320000000000-ZX-0002\n申报条件：年度云服务费用达到5万元。\n"
            "奖补标准：按云服务费用的20%给予补助，最高不超过8万元。\n支持数量：不超过40家\n受理部门：县工信局信息化科\n")
    d = draft_guide(write(tmp_path, "guide_2094.txt", text), year=2094)
    progs = by_title(d)
    first, cloud = progs["创新型企业评价奖励"], progs["企业上云补助"]
    assert (first["kind"], first["unit_amount"]) == ("per_unit", D("6"))
    assert [(t["op"], t["value"]) for t in first["thresholds"]] == [("between", ["2093-01-01", "2093-12-31"])]
    assert (cloud["rate"], cloud["cap"], cloud["quota"]["value"]) == (D("0.2"), D("8"), D("40"))
    assert [(t["op"], t["value"]) for t in cloud["thresholds"]] == [(">=", D("5"))]
    # the notice before "附件" is the preamble: its 申报主体基本条件 are the document's
    assert [(t["op"], t["value"], t["unit"]) for t in d.document["general_thresholds"]] == [(">=", D("1"), "年")]
    assert_cited(d, tmp_path)
    validates(d)


def test_a_questions_and_answers_page_each_question_naming_a_benefit_in_quotes_is_a_program(tmp_path):
    text = ("2096年度示范市中小企业政策兑现问答\n\n一、融资支持类\n\n"
            "问：小微企业申请“担保费补贴”，可以享受什么奖励？\n答：对通过政府性融资担保机构获得贷款的小微企业，按实际缴纳担保费的40%给予补贴，单户企业年度补贴不超过15万元。\n\n"
            "问：专精特新“小巨人”企业申请“研发增量补助”，可以享受什么奖励？\n答：\n申报条件：\n1.有效期内的国家级专精特新“小巨人”企业；\n"
            "2.年度研发费用占营业收入比重不低于6%。\n补助标准：按研发费用增量部分的20%给予补助，单个企业最高不超过40万元。\n支持数量：不超过25个。\n\n"
            "问：“免申即享”是什么意思？\n答：由部门依据名单直接拨付，企业无需申请。\n")
    d = draft_guide(write(tmp_path, "guide_2096.txt", text), year=2096)
    progs = by_title(d)
    assert sorted(progs) == ["担保费补贴", "研发增量补助"]
    assert (progs["担保费补贴"]["rate"], progs["担保费补贴"]["cap"]) == (D("0.4"), D("15"))
    rd = progs["研发增量补助"]
    assert (rd["rate"], rd["cap"], rd["quota"]["value"]) == (D("0.2"), D("40"), D("25"))
    assert [(t["op"], t["value"]) for t in rd["thresholds"]] == [(">=", D("0.06"))]
    assert_cited(d, tmp_path)
    validates(d)


def test_unnumbered_titles_right_over_their_labelled_fields_are_programs(tmp_path):
    text = ("2097年度示范市软件产业专项资金申报指南\n\n二、信创适配与应用推广\n"
            "信创适配中心建设\n支持条件：项目建设总投入不低于800万元。\n"
            "补助标准：按不超过项目建设总投入30%的比例给予补助，单个中心最高补助400万元。\n支持数量：不超过3个。\n"
            "兼容适配认证奖励\n支持条件：当年度累计取得适配认证3项（含）以上。\n奖励标准：每取得1项适配认证奖励2万元。\n"
            "三、人才培养\n实训基地建设补助\n补助标准：一次性补助50万元。\n"
            "四、工业软件\n1. 订阅服务补贴\n补贴标准：一次性补贴5万元。\n2 替代迁移补助\n补助标准：每替换1套补助3000元。\n"
            "3.优秀产品奖励\n奖励标准：一次性奖励20万元。\n")
    d = draft_guide(write(tmp_path, "guide_2097.txt", text), year=2097)
    progs = by_title(d)
    assert sorted(progs) == ["优秀产品奖励", "信创适配中心建设", "兼容适配认证奖励", "实训基地建设补助", "替代迁移补助", "订阅服务补贴"]
    # "2 替代迁移补助": a number and a space, its dot lost, between "1." and "3."
    assert (progs["替代迁移补助"]["unit_amount"], progs["替代迁移补助"]["path"]) == (D("0.3"), ["四、工业软件"])
    c = progs["信创适配中心建设"]
    assert (c["rate"], c["cap"], c["quota"]["value"]) == (D("0.3"), D("400"), D("3"))
    assert [(t["op"], t["value"]) for t in c["thresholds"]] == [(">=", D("800"))]
    assert progs["实训基地建设补助"]["fixed"] == D("50") and progs["实训基地建设补助"]["path"] == ["三、人才培养"]
    assert_cited(d, tmp_path)


def test_an_articles_award_label_after_its_list_of_conditions_is_the_articles(tmp_path):
    text = ("示范区促进先进制造业发展若干政策实施细则\n\n第一章  总则\n\n第一条  为促进先进制造业发展，制定本细则。\n\n"
            "第二章  项目招引\n\n第二条  重大项目落户奖励\n\n新引进的先进制造业项目，同时符合下列条件的，给予落户奖励：\n\n"
            "（一）计划总投资8亿元以上，且固定资产投资占比达到60%；\n\n（二）项目签约后12个月以内开工建设，并按期竣工投产。\n\n"
            "奖励标准：按项目实际完成设备投资额的6%给予奖励，单个项目奖励总额不超过2000万元。\n\n"
            "第三条  招商引荐奖励\n\n对引荐重大项目落户的中介机构，一次性奖励20万元。\n")
    d = draft_guide(write(tmp_path, "guide_2098.txt", text), year=2098)
    progs = by_title(d)
    assert sorted(progs) == ["招商引荐奖励", "重大项目落户奖励"]
    p = progs["重大项目落户奖励"]
    assert (p["rate"], p["cap"]) == (D("0.06"), D("2000"))
    assert (">=", D("80000")) in [(t["op"], t["value"]) for t in p["thresholds"]]
    assert_cited(d, tmp_path)


def test_an_annexed_table_the_article_says_to_award_by_is_its_tiers(tmp_path):
    text = ("示范区先进制造业若干政策实施细则\n\n第一章  总则\n\n第一条  为促进发展，制定本细则。\n\n第二章  亩均\n\n"
            "第二条  亩均效益领跑奖励\n\n对年度亩均效益综合评价为A类的工业企业，按附表2所列档次给予奖励。\n\n"
            "第三条  招商引荐奖励\n\n对引荐重大项目落户的中介机构，一次性奖励20万元。\n\n"
            "附表2\n\n亩均效益领跑奖励标准\n\n档次 亩均税收（万元/亩） 奖励金额（万元）\n一档 120以上 90\n二档 70以上、不足120 45\n")
    d = draft_guide(write(tmp_path, "guide_2099.txt", text), year=2099)
    p = by_title(d)["亩均效益领跑奖励"]
    assert [(v["name"], v["fixed"]) for v in p["variants"]] == [("一档", D("90")), ("二档", D("45"))]
    assert_cited(d, tmp_path)


OUTLINE_CHAPTERS = """\
2096年度示范市节水降碳专项资金项目申报指南

1 总体要求
1.1 支持原则
  单户企业年度累计获得专项资金支持原则上不超过800万元。
1.2 申报主体基本条件
(1) 在本市依法登记注册，成立满2年；
(2) 上年度资产负债率不高于65%。
1.3 申报程序
  网上申报与纸质材料报送相结合。
2 支持方向与补助标准
2.1 节水改造
2.1.1 工业节水改造项目
(1) 支持条件。项目设备投入不低于600万元。
(2) 补助标准。按项目设备投入的9%予以补助，最高不超过300万元。
(3) 支持数量。不超过12个。
2.1.2 节水标杆奖励项目
(1) 支持条件。上年度获评省级节水标杆企业。
(2) 奖励标准。每家奖励40万元。
3 附则
3.1 本指南由市工信局负责解释。
4 联系方式
支持方向  项目类别  责任科室  联系电话
2.1 节水  2.1.1 工业节水改造项目  节能科  0511-80000001
改造      2.1.2 节水标杆奖励项目
"""


def test_an_outline_whose_chapter_joins_two_section_words_and_ends_with_a_contact_table(tmp_path):
    d = drafted(tmp_path, OUTLINE_CHAPTERS, 2096)
    progs = by_title(d)
    # the general chapter (基本条件 and 申报程序, no award) is no program; the contact table's
    # rows, which repeat the programs' numbers, are none either
    assert sorted(progs) == ["工业节水改造项目", "节水标杆奖励项目"]
    a, b = progs["工业节水改造项目"], progs["节水标杆奖励项目"]
    assert (a["rate"], a["cap"], a["quota"]["value"]) == (D("0.09"), D("300"), D("12"))
    assert b["unit_amount"] == D("40")
    assert a["path"] == ["2.1 节水改造"]


LETTERED = """\
2096年度示范省集群发展专项资金项目申报指南

Ⅰ、集群培育

A.集群促进机构能力提升项目
支持集群促进机构提升服务能力。
（a）支持条件。
1.申报单位为经备案的集群发展促进机构。
2.专职服务团队不少于 10 人。
3.规定期间集群服务性收入不低于 150 万元。
（b）补助标准。按不超过规定期间集群服务性收入的 40%予以一次性补助，最高不超过 250 万元。
（c）支持数量。入选项目数量控制在 6 个以内。

B.链长制工作成效激励项目（免申直达）
（a）支持对象。年度评估位列前 4 位的设区市。
（b）激励标准。评估结果按名次分为两档：第 1 至 2 名为一档，每市安排激励资金 900 万元；第 3 至 4 名为二档，每市 500 万元。

Ⅱ、新材料

A.首批次新材料应用项目
（a）支持条件。
1.产品首个销售合同金额不低于 80 万元。
（b）补助标准。奖励额为合同金额的 12%以内，封顶 300 万元。
（c）支持数量。不超过 9 个。
"""


def test_a_lettered_outline_ranks_its_field_letters_above_their_numbered_items(tmp_path):
    """"A.X项目" / "（a）支持条件。" / "1.…": the small letters are the programs' fields, the
    numbered lines their items (ranked by the fixed order, "1." took the fields under it)."""
    d = drafted(tmp_path, LETTERED, 2096)
    progs = by_title(d)
    assert set(progs) == {"集群促进机构能力提升项目", "链长制工作成效激励项目", "首批次新材料应用项目"}
    a = progs["集群促进机构能力提升项目"]
    assert (a["rate"], a["cap"], a["quota"]["value"]) == (D("0.4"), D("250"), D("6"))
    assert sorted((t["op"], t["value"]) for t in a["thresholds"]) == [(">=", D("10")), (">=", D("150"))]
    b = progs["链长制工作成效激励项目"]
    assert [(v["name"], v["fixed"]) for v in b["variants"]] == [("一档", D("900")), ("二档", D("500"))]
    c = progs["首批次新材料应用项目"]
    assert (c["rate"], c["cap"], c["quota"]["value"]) == (D("0.12"), D("300"), D("9"))


def test_a_scans_heading_run_into_its_paragraph_is_named_by_the_words_before_it(tmp_path):
    text = (
        "2096年度示范市安全发展专项资金申报指南\n\n一、安全发展\n"
        "（一）危化品企业搬迁改造项目 对列入搬迁改造计划的危险化学品生产企业，支持其整体搬迁入园。\n"
        "1.支持条件。项目固定资产投资不低于5000万元。\n2.补助标准。按设备投入的10%给予补助，最高不超过800万元。\n"
        "（二）绿色工厂梯度奖励（免申直达）对新认定的国家级、省级绿色工厂，分别给予80万元、30万元一次性奖励。\n"
    )
    d = draft_guide(write(tmp_path, "guide_2096.txt", text), year=2096)
    assert_cited(d, tmp_path)
    progs = by_title(d)
    assert set(progs) == {"危化品企业搬迁改造项目", "绿色工厂梯度奖励"}
    assert (progs["危化品企业搬迁改造项目"]["rate"], progs["危化品企业搬迁改造项目"]["cap"]) == (D("0.1"), D("800"))
    green = progs["绿色工厂梯度奖励"]
    assert green.get("no_application") is True
    assert sorted(v["fixed"] for v in green["variants"]) == [D("30"), D("80")]


def test_a_program_whose_conditions_are_labelled_by_what_they_are_for_is_one(tmp_path):
    # "1.参评条件。…" / "1.遴选条件：…": a conditions section the word list did not name; the
    # heading above it is a program with its grades and those conditions
    text = ("2098年度示范市创新载体专项资金申报指南\n\n一、创新载体\n\n"
            "（一）企业研发机构建设项目\n\n1.支持条件。研发设备购置额不低于300万元。\n\n"
            "2.补助标准。按购置额的10%予以补助，最高不超过100万元。\n\n"
            "（二）新型研发机构绩效奖励\n\n"
            "依据年度绩效评价结果分档奖励：A档奖励200万元，B档奖励80万元。\n\n"
            "1.参评条件。备案满2年，年度研发经费支出不低于400万元，全职研发人员不少于25人。\n\n"
            "（三）孵化载体奖励\n\n对新认定的国家级孵化器奖励60万元。\n\n"
            "1.遴选条件：在孵企业不少于40家。\n")
    progs = by_title(drafted(tmp_path, text, 2098))
    award = progs["新型研发机构绩效奖励"]
    assert sorted(v["fixed"] for v in award["variants"]) == [D("80"), D("200")]
    got = {(t["op"], t["value"], t["unit"]) for t in award["thresholds"]}
    assert {(">=", D("2"), "年"), (">=", D("400"), "万元"), (">=", D("25"), "人")} <= got
    assert not [t for t in award.get("todo") or [] if "参评条件" in t["text"]]
    incubator = progs["孵化载体奖励"]
    assert (">=", D("40"), "家") in {(t["op"], t["value"], t["unit"]) for t in incubator["thresholds"]}


LOST_NUMBERING = """\
2099年度示范市新能源产业专项资金申报指南

支持方向和标准
整车及零部件
电驱系统技术改造项目
支持条件：
项目生产性设备投入不低于1500万元。
补助标准：按不超过设备投入的9%予以补助，单个项目最高不超过700万元。
支持数量：不超过12个。
储能电池
储能电芯产能建设项目
重点支持储能电芯重大产能项目落地建设，提升本地配套能力。
支持条件。
项目总投资不低于8亿元，其中设备投入占比不低于50%。
补助标准。按不超过设备投入的5%予以补助，单个项目一般不超过4000万元。
支持数量。不超过3个。
储能系统集成奖励
支持条件：
2098年度储能系统集成销售收入超过2亿元。
补助标准：给予一次性奖励80万元。
"""


def test_headings_whose_numbering_was_lost_in_a_copy_are_still_programs(tmp_path):
    # Word's automatic numbering lost: each program's title alone on its line over its labelled
    # fields, sometimes under a group's name, sometimes with a paragraph introducing it first
    progs = by_title(drafted(tmp_path, LOST_NUMBERING, 2099))
    assert {"电驱系统技术改造项目", "储能电芯产能建设项目", "储能系统集成奖励"} <= set(progs)
    cell = progs["储能电芯产能建设项目"]
    assert (cell["rate"], cell["cap"], cell["quota"]["value"]) == (D("0.05"), D("4000"), D("3"))
    assert (">=", D("80000")) in {(t["op"], t["value"]) for t in cell["thresholds"]}
    assert progs["电驱系统技术改造项目"]["quota"]["value"] == D("12")  # closed by the next title
    assert progs["储能系统集成奖励"]["fixed"] == D("80")


def test_a_tables_header_cells_and_a_wrapped_line_are_no_lost_headings(tmp_path):
    text = ("2099年度示范市专项资金申报指南\n\n一、标杆培育\n\n（一）质量标杆奖励（免申即享）\n\n"
            "对新获评的质量标杆企业按等级给予奖励：\n\n认定等级\n奖励标准\n备注\n国家级\n60万元\n\n省级\n25万元\n\n"
            "（二）数据产品挂牌奖励\n\n对企业将数据产品在省内数据交易场所挂牌交\n易的，按交易额的3%给予奖励。\n\n"
            "支持条件：挂牌数据产品不少于2个。\n")
    progs = by_title(drafted(tmp_path, text, 2099))
    assert set(progs) == {"质量标杆奖励", "数据产品挂牌奖励"}


def test_a_measure_whose_answer_lists_numbered_conditions_is_a_program(tmp_path):
    # a 问答 page: the conditions numbered inside an answer ("2.…高于5%。", "3.联合申报的，…")
    # are a list of the measure, not headings that would hide it
    text = ("示范市2099年度数字经济政策申报问答\n\n一、工业软件\n\n（一）工业软件攻关\n\n"
            "问：申报条件是什么？\n答：1.项目攻关总投入不低于800万元。\n2.项目实施周期不超过2年。\n"
            "3.牵头企业研发费用占营业收入比重高于5%。\n4.联合申报的，联合体成员不超过4家。\n\n"
            "问：支持标准是多少？\n答：按不超过项目攻关总投入的15%予以补助，单个项目最高不超过400万元。\n\n"
            "问：今年支持多少个项目？\n答：不超过6个。\n")
    progs = by_title(drafted(tmp_path, text, 2099))
    p = progs["工业软件攻关"]
    assert (p["rate"], p["cap"], p["quota"]["value"]) == (D("0.15"), D("400"), D("6"))
    got = {(t["op"], t["value"]) for t in p["thresholds"]}
    assert {(">=", D("800")), ("<=", D("2")), (">", D("0.05")), ("<=", D("4"))} <= got


def test_an_answer_giving_a_rough_count_is_no_quota(tmp_path):
    # "10个左右" is not a limit: the clerk decides, the draft does not guess
    text = ("示范市2099年度数字经济政策申报问答\n\n一、工业软件\n\n（一）工业软件推广奖励\n\n"
            "问：支持标准是多少？\n答：按合同金额的10%给予奖励，最高不超过50万元。\n\n"
            "问：今年支持多少家企业？\n答：10家左右。\n")
    p = by_title(drafted(tmp_path, text, 2099))["工业软件推广奖励"]
    assert (p["rate"], p["cap"]) == (D("0.1"), D("50"))
    assert "quota" not in p


def test_the_general_conditions_heading_whose_numbering_was_lost_gives_general_conditions(tmp_path):
    text = LOST_NUMBERING.replace("支持方向和标准\n", "申报主体基本条件\n"
                                  "申报主体须在本市注册登记，截至2098年12月31日正常经营2年以上。\n"
                                  "同一企业本年度申报项目原则上不超过3个。\n\n支持方向和标准\n")
    d = draft_guide(write(tmp_path, "guide.txt", text), year=2099)
    general = {(t["op"], t["value"]) for t in d.document.get("general_thresholds") or []}
    assert (">=", D("2")) in general
    assert len(by_title(d)) == 3


def test_a_question_on_who_may_apply_gives_the_general_conditions(tmp_path):
    text = ("示范市2099年度数字经济政策申报问答\n\n一、总体要求\n\n问：哪些单位可以申报？需要满足哪些基本条件？\n"
            "答：1.在本市注册登记，具有独立法人资格。\n2.成立时间满2年。\n\n二、工业软件\n\n（一）工业软件推广奖励\n\n"
            "问：申报条件是什么？\n答：合同金额不低于100万元。\n\n"
            "问：支持标准是多少？\n答：按合同金额的10%给予奖励，最高不超过50万元。\n")
    d = draft_guide(write(tmp_path, "guide.txt", text), year=2099)
    assert (">=", D("2")) in {(t["op"], t["value"]) for t in d.document["general_thresholds"]}
    p = by_title(d)["工业软件推广奖励"]
    assert (p["rate"], p["cap"]) == (D("0.1"), D("50"))  # the program's own questions stay its own


def test_a_notices_basic_conditions_before_its_attached_guide_are_the_documents(tmp_path):
    # the notice's own chapter of basic conditions, no program in the notice: every program's
    text = ("关于组织申报2099年度示范市软件产业专项资金的通知\n\n一、申报主体基本条件\n\n"
            "（一）在本市注册登记，截至2098年12月31日正常经营3年以上。\n\n"
            "二、有关要求\n\n（一）申报单位对申报材料的真实性负责。\n\n"
            "附件1\n\n2099年度示范市软件产业专项资金申报指南\n\n一、软件企业\n\n（一）软件企业首版次奖励\n\n"
            "1.支持条件。合同金额不低于50万元。\n\n2.补助标准。按合同金额的20%给予奖励，最高不超过80万元。\n")
    d = draft_guide(write(tmp_path, "guide.txt", text), year=2099)
    assert (">=", D("3")) in {(t["op"], t["value"]) for t in d.document["general_thresholds"]}
    assert set(by_title(d)) == {"软件企业首版次奖励"}
