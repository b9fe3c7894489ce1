"""The drafter on what the fourth round of held-out guides showed (issue 17): two-column tables
drawn with box characters, unnumbered program titles over their paragraphs, joined section words
("支持方式和标准"), a limit for every 设区市 said in the quota, an award given as a range.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.draft import draft_guide

BOXES = """\
2070年度示范市智能化改造专项资金申报指南
第一部分  智能化改造

┌────────┬──────────────────────────────┐
│项目名称│智能化改造示范项目                                            │
├────────┼──────────────────────────────┤
│支持条件│1.项目设备（含软件）投入不低于2000万元；                      │
│        │2.项目于2069年1月1日（含）至2069年12月31日（含）期间竣工投│
│        │产。                                                          │
├────────┼──────────────────────────────┤
│支持标准│按项目设备（含软件）投入的10%给予补助，单个项目最高不超过    │
│        │600万元。首次拨付补助资金的60%。                              │
├────────┼──────────────────────────────┤
│支持数量│不超过15个                                                    │
├────────┼──────────────────────────────┤
│责任处室│投资与技术改造处                                              │
└────────┴──────────────────────────────┘

设备更新贷款贴息项目

对企业为实施设备更新向银行申请的贷款给予贴息支持，单笔贷款金额不低于500万元的，按实际支付利息的40%给予贴息，单个企业年度贴息总额不超过80万元。

┌────────┬──────────────────────────────┐
│项目名称│首台（套）和首版次推广应用奖励                                │
├────────┼──────────────────────────────┤
│支持标准│（1）首台（套）重大装备。按单台（套）销售价格的20%给予奖励，│
│        │单个企业最高不超过300万元。                                  │
│        │（2）首版次软件产品。按首个销售合同金额的30%给予奖励，最    │
│        │高不超过100万元。                                            │
├────────┼──────────────────────────────┤
│支持数量│首台（套）重大装备不超过10个，首版次软件产品不超过5个          │
└────────┴──────────────────────────────┘
"""


def test_tables_drawn_with_box_characters_and_titles_between_them(tmp_path):
    path = write(tmp_path, "guide_2070.txt", BOXES)
    d = draft_guide(path, year=2070)
    progs = by_title(d)
    demo = progs["智能化改造示范项目"]
    assert (demo["kind"], demo["rate"], demo["cap"]) == ("rate_cap", D("0.1"), D("600"))
    assert demo["first_payment"]["share"] == D("0.6") and demo["quota"]["value"] == D("15")
    assert demo["office"] == "投资与技术改造处"
    assert any(t["op"] == "between" and t["value"] == ["2069-01-01", "2069-12-31"] for t in demo["thresholds"])
    # a cap split over two drawn rows: cited across them with "……"
    assert demo["source"]["lines"] == [11, 12] and "……" in demo["source"]["text"]
    loan = progs["设备更新贷款贴息项目"]
    assert (loan["rate"], loan["cap"]) == (D("0.4"), D("80"))
    first, soft = progs["首台（套）重大装备"], progs["首版次软件产品"]
    assert (first["rate"], first["cap"], first["quota"]["value"]) == (D("0.2"), D("300"), D("10"))
    assert (soft["rate"], soft["cap"], soft["quota"]["value"]) == (D("0.3"), D("100"), D("5"))
    assert not any("│" in p["title"] for p in d.programs)
    assert_cited(d, tmp_path)
    validates(d)


SERVICE = """\
2071年度省服务业发展引导资金申报指南
一、支持方向
（一）集聚区公共服务平台项目
1.支持条件。平台已运营2年以上，服务企业不少于100家。
2.支持方式和标准。采取后补助方式，原则上每个项目支持额度在80万元至300万元之间。
3.支持数量。全省拟支持10个左右，各设区市推荐不超过2个。
（二）检验检测平台项目
1.支持方式和标准。按不超过新增仪器设备投入的20%给予补助，最高不超过600万元。
2.支持数量。每个设区市限报1个。
"""


def test_joined_section_words_a_range_and_a_limit_for_every_city(tmp_path):
    path = write(tmp_path, "guide_2071.txt", SERVICE)
    d = draft_guide(path, year=2071)
    progs = by_title(d)
    hub = progs["集聚区公共服务平台项目"]
    # a range: its high end the cap, never its low end an amount
    assert hub["kind"] == "cap_only" and hub["cap"] == D("300") and "80" in hub["note"]
    assert not any(v.get("fixed") == D("80") for v in hub.get("variants") or []) and hub.get("fixed") is None
    # "各设区市推荐不超过2个": the city limit; "10个左右" is no quota (an estimate, listed)
    assert [(lim["scope"], lim["value"]) for lim in hub["city_limits"]] == [("每个设区市", D("2"))]
    assert "quota" not in hub
    lab = progs["检验检测平台项目"]
    assert (lab["rate"], lab["cap"]) == (D("0.2"), D("600"))
    assert [(lim["scope"], lim["value"]) for lim in lab["city_limits"]] == [("每个设区市", D("1"))]
    assert_cited(d, tmp_path)
    validates(d)


SPACED = """\
2072年度示范市软件产业专项资金申报指南
一、支持内容
（一）重点软件企业培育
1.研发投入增量补助。支持软件企业加大研发投入，申报单位须同时满足以下条件：
（ 1 ） 上 年 度 软 件 业 务 收 入 不 低 于 2 0 0 0 万 元 。
（2）上年度末研发人员占职工总数比例不低于30%，拥有软件著作权不少于10件。
补助标准：按不超过上年度研发费用增量部分的25%给予补助，单个企业最高不超过200万元。
支持数量：不超过30个。
（二）信创适配验证中心建设项目
支持建设面向全市的适配验证中心。
（ 1 ） 中 心 建 设 投 入 不 低 于 5 0 0 万 元 。
（2）中心具有专职技术人员不少于20人。
补助标准：按建设投入的30%给予补助，最高不超过300万元。
"""


def test_a_list_of_conditions_before_a_programs_sections_and_letter_spaced_lines(tmp_path):
    path = write(tmp_path, "guide_2072.txt", SPACED)
    d = draft_guide(path, year=2072)
    progs = by_title(d)
    # the section line "补助标准：" is the program's, never the list item's above it
    rd = progs["研发投入增量补助"]
    assert (rd["rate"], rd["cap"], rd["quota"]["value"]) == (D("0.25"), D("200"), D("30"))
    got = {(t["op"], str(t["value"])) for t in rd["thresholds"]}
    assert {(">=", "2000"), (">=", "0.3"), (">=", "10")} <= got
    center = progs["信创适配验证中心建设项目"]
    assert (center["rate"], center["cap"]) == (D("0.3"), D("300"))
    assert {(">=", "500"), (">=", "20")} <= {(t["op"], str(t["value"])) for t in center["thresholds"]}
    assert not any("上年度" in t for t in progs)
    assert_cited(d, tmp_path)
    validates(d)


def test_joined_section_words_name_the_award_and_an_items_own_conditions(tmp_path):
    text = """\
2073年度示范省中试平台申报指南
一、支持内容
（一）制造业中试平台建设项目
**支持条件：**
1. 项目总投入不低于3000万元。
**支持方向及补助标准：**
（1）综合性中试平台。年服务企业不少于50家。按不超过中试设备投入的20%予以补助，单个项目最高不超过900万元。
（2）专业性中试平台。年服务企业不少于20家。按不超过中试设备投入的15%予以补助，单个项目最高不超过400万元。
"""
    d = draft_guide(write(tmp_path, "guide_2073.txt", text), year=2073)
    progs = by_title(d)
    full, special = progs["综合性中试平台"], progs["专业性中试平台"]
    assert (full["rate"], full["cap"], special["rate"], special["cap"]) == (D("0.2"), D("900"), D("0.15"), D("400"))
    assert (">=", "50") in {(t["op"], str(t["value"])) for t in full["thresholds"]}
    assert (">=", "20") in {(t["op"], str(t["value"])) for t in special["thresholds"]}
    # the rate is the award's, never a condition "≤ 20%"
    assert not any(t.get("unit") == "比例" for t in full["thresholds"])
    assert (">=", "3000") in {(t["op"], str(t["value"])) for t in full["thresholds"]}
    assert_cited(d, tmp_path)


CSV = '''\
关于做好2074年度惠企政策兑现工作的通知
各企业：现将兑现清单印发给你们。
2074年度惠企政策兑现清单
序号,政策名称,兑现条件,兑现标准,兑现方式,责任单位
一、技术改造类,,,,,
1,技术改造设备奖补,"项目于2073年1月1日（含）至2073年12月31日（含）期间竣工；
设备投入不低于800万元","按设备投入的8%给予奖补,单个项目最高不超过300万元",企业申报,县工信局
2,""小巨人""企业奖励,新认定的国家级专精特新“小巨人”企业,一次性奖励50万元,免申即享,县工信局
3,数字化诊断补贴,购买诊断服务的规上企业,"按合同金额的50%给予补贴，
单个企业不超过5万元",企业申报,"县工信局,县财政局"
'''


def test_a_list_of_programs_exported_as_csv(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2074.txt", CSV), year=2074)
    progs = by_title(d)
    tech = progs["技术改造设备奖补"]
    assert (tech["rate"], tech["cap"]) == (D("0.08"), D("300"))
    assert any(t["op"] == "between" and t["value"] == ["2073-01-01", "2073-12-31"] for t in tech["thresholds"])
    assert any(t["op"] == ">=" and t["value"] == D("800") for t in tech["thresholds"])
    assert tech["path"][-1] == "一、技术改造类"
    giant = next(p for t, p in progs.items() if "小巨人" in t)
    assert giant["fixed"] == D("50") and giant["no_application"] is True
    diag = progs["数字化诊断补贴"]
    assert (diag["rate"], diag["cap"]) == (D("0.5"), D("5")) and diag["source"]["lines"] == [9, 10]
    assert len(d.programs) == 3
    assert_cited(d, tmp_path)
    validates(d)


HTML = """\
<p style="text-indent:2em">2075年度示范省制造业专项资金申报指南</p>
<p style="text-indent:2em">一、支持方向</p>
<p style="text-indent:2em">（一）重大技术改造项目</p>
<p><strong>1.支持条件。</strong>项目总投入不低于1亿元。</p>
<p><strong>2.补助标准。</strong>按不超过项目总投入的8%予以补助，单个项目最高不超过1500万元。</p>
<p><strong>3.支持数量。</strong>不超过25个。</p>
"""


def test_a_web_pages_bold_section_labels(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2075.txt", HTML), year=2075)
    prog = by_title(d)["重大技术改造项目"]
    assert (prog["rate"], prog["cap"], prog["quota"]["value"]) == (D("0.08"), D("1500"), D("25"))
    assert any(t["op"] == ">=" and t["value"] == D("10000") for t in prog["thresholds"])
    assert_cited(d, tmp_path)


HTML_ENTITIES = """\
<p style="text-indent:2em">2075年度示范省制造业专项资金申报指南</p>
<p style="text-indent:2em">一、支持方向</p>
<p style="text-indent:2em">（一）&ldquo;智改数转&rdquo;标杆项目</p>
<p><strong>1.支持条件。</strong>项目总投入不低于&nbsp;2000万元，列入&ldquo;省级重点项目&rdquo;清单，资产负债率低于&nbsp;70%。</p>
<p><strong>2.补助标准。</strong>按不超过项目总投入的&nbsp;6%予以补助，单个项目最高不超过&#160;800万元。</p>
<p><strong>3.支持数量。</strong>不超过&nbsp;12个。</p>
"""


def test_html_entities_neither_end_a_sentence_nor_stand_between_a_word_and_its_number(tmp_path):
    # "&ldquo;" ends with ";" and "&nbsp;" sits where a space was: neither is a sentence's end,
    # and a quote may leave them out as it leaves out white space
    d = draft_guide(write(tmp_path, "guide_2075.txt", HTML_ENTITIES), year=2075)
    # the title keeps its words, not the ";"-cut "&ldquo"
    prog = by_title(d)["智改数转标杆项目"]
    assert (prog["rate"], prog["cap"], prog["quota"]["value"]) == (D("0.06"), D("800"), D("12"))
    ops = {(t["op"], t["value"]) for t in prog["thresholds"]}
    assert (">=", D("2000")) in ops and ("<", D("0.7")) in ops  # a ratio as a fraction
    assert_cited(d, tmp_path)
    validates(d)


def test_the_citation_check_leaves_out_html_entities_only():
    from subsidykit.catalog.sources import normalise

    assert normalise("不低于&nbsp;1500万元") == normalise("不低于 1500万元") == "不低于1500万元"
    assert normalise("&ldquo;专精特新&rdquo;&#8220;小巨人&#x201D;") == "专精特新小巨人"
    # an ampersand that is not an entity stays: it is text
    assert normalise("R&D投入 & 研发") == "R&D投入&研发"


TWO_IN_ONE = """\
示范市制造业发展政策实施细则
第一章 总则
第一条 为推动制造业发展，制定本细则。
第二章 支持措施
第二条　【设备更新奖补】（一）申报条件：设备投入不低于500万元；（二）奖补标准：按设备投入的8%给予奖补，最高不超过200万元。【贷款贴息】（一）申报条件：单笔贷款不低于300万元；（二）奖补标准：按实际支付利息的50%给予贴息，单个企业每年最高不超过60万元。
第三条　【上规奖励】（一）申报条件：首次纳入规上统计；（二）奖补标准：一次性奖励10万元。
第三章 附则
第四条 本细则自2076年1月1日起施行。
"""


def test_an_article_line_granting_two_benefits_under_two_titles(tmp_path):
    d = draft_guide(write(tmp_path, "guide_2076.txt", TWO_IN_ONE), year=2076)
    progs = by_title(d)
    assert set(progs) == {"设备更新奖补", "贷款贴息", "上规奖励"}
    assert (progs["设备更新奖补"]["rate"], progs["设备更新奖补"]["cap"]) == (D("0.08"), D("200"))
    assert (progs["贷款贴息"]["rate"], progs["贷款贴息"]["cap"]) == (D("0.5"), D("60"))
    assert any(t["value"] == D("300") for t in progs["贷款贴息"]["thresholds"])
    assert not any(t["value"] == D("300") for t in progs["设备更新奖补"]["thresholds"])
    assert progs["上规奖励"]["fixed"] == D("10")
    assert_cited(d, tmp_path)
    validates(d)
