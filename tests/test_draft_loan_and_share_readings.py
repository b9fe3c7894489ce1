"""The drafter (issue 17) on shares per thousand, ceilings on the applicant's own rate or loan,
rates and caps each listed in order, and first payments opened by an event.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import by_title, drafted

from subsidykit.authoring.clauses import parse_award, parse_conditions
from subsidykit.authoring.draft import number_in_quote

HEAD = "2096年度示范市中小企业发展专项资金申报指南\n\n一、融资服务\n\n"


def _draft(tmp_path, body: str, year: int = 2096):
    return by_title(drafted(tmp_path, HEAD + body, year))


def _award(text: str):
    return parse_award([(11, text)], "g.txt")


def test_a_share_per_thousand_with_the_sign_is_a_rate():
    p = _award("对发行债券的企业，按实际融资额的2‰给予奖励，单户最高不超过80万元。")
    # 2‰ is the share 0.002 (0.2%); the cap 80 万元
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.002"), D("80"))
    assert "实际融资额" in p.data["base"]


def test_a_share_per_thousand_stands_in_its_quote():
    assert number_in_quote(D("0.002"), "按实际融资额的2‰给予奖励")
    assert number_in_quote(D("0.007"), "按保费的千分之七给予补贴")
    assert not number_in_quote(D("0.003"), "按保费的千分之七给予补贴")


def test_a_ceiling_on_the_applicants_own_rate_is_who_is_awarded_not_the_award():
    p = _award("对综合融资成本不高于4%的科技型企业，按其实际支付利息的40%给予贴息，每户每年不超过30万元。")
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.4"), D("30"))
    got = [(t["field"], t["op"], t["value"]) for t in p.data.get("thresholds", [])]
    assert ("综合融资成本", "<=", D("0.04")) in got


def test_a_ceiling_on_a_loan_the_applicant_takes_is_a_condition_never_a_cap():
    p = _award("返乡创业人员可申请最高20万元的贴息贷款，按贷款利息的60%给予贴息。")
    assert (p.data["kind"], p.data["rate"]) == ("rate_cap", D("0.6"))
    assert "cap" not in p.data
    got = [(t["op"], t["value"]) for t in p.data.get("thresholds", [])]
    assert ("<=", D("20")) in got


def test_a_bound_on_the_applicants_transfer_loan_is_a_condition():
    p = parse_award([(21, "1.单笔过桥资金金额不超过2000万元，使用期限不超过15天；"),
                     (22, "2.对按期归还的企业，按实际缴纳使用费的40%给予补助，单户全年累计不超过8万元。")], "g.txt")
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.4"), D("8"))
    assert "variants" not in p.data
    got = [(t["op"], t["value"]) for t in p.data.get("thresholds", [])]
    assert ("<=", D("2000")) in got


def test_an_award_capped_after_a_loan_word_is_still_capped():
    # a 贴息 amount is the award's: its ceiling is the cap
    p = _award("对企业技改贷款给予贴息，单个企业贴息额最高不超过60万元。")
    assert p.data.get("cap") == D("60")


def test_rates_listed_then_caps_listed_with_fenbie_pair_in_order():
    p = _award("对新认定的国家级、省级中试基地，按其设备投入的15%、8%给予补助，最高分别不超过400万元、150万元。")
    got = [(v["name"], v["rate"], v["cap"]) for v in p.data["variants"]]
    assert got == [("国家级中试基地", D("0.15"), D("400")), ("省级中试基地", D("0.08"), D("150"))]


def test_rates_and_caps_both_with_fenbie_pair_in_order():
    p = _award("对甲类、乙类平台，分别按服务收入的12%、6%给予奖励，最高分别不超过90万元、45万元。")
    got = [(v["rate"], v["cap"]) for v in p.data["variants"]]
    assert got == [(D("0.12"), D("90")), (D("0.06"), D("45"))]


def test_a_share_paid_on_an_event_before_the_rest_is_the_first_payment():
    p = _award("对在主板上市的企业奖励400万元。奖励分两次兑现：上市申请获受理后兑现30%，完成上市后兑现其余部分。")
    assert (p.data["kind"], p.data["fixed"]) == ("fixed", D("400"))
    assert p.data["first_payment"]["share"] == D("0.3")
    assert "variants" not in p.data  # the event's words name no sub-type


def test_a_share_on_an_event_with_no_rest_said_is_not_a_first_payment():
    p = _award("项目竣工投产后发放奖励资金的60%给予企业研发团队。单个项目最高100万元。")
    assert "first_payment" not in p.data


def test_a_year_after_the_acts_date_is_a_one_year_window(tmp_path):
    p = parse_conditions([(31, "（二）获批（认定）时间在2095年度内；")], "g.txt")
    got = [(t["op"], t["value"]) for t in p.data["thresholds"]]
    assert ("between", ["2095-01-01", "2095-12-31"]) in got


def test_names_and_sums_under_the_awards_label_are_the_award():
    p = _award("奖励标准：国家级示范中心60万元，省级示范中心25万元。")
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [("国家级示范中心", D("60")), ("省级示范中心", D("25"))]


def test_sums_per_unit_listed_after_a_label_line_are_the_award():
    p = parse_award([(41, "2. 奖补标准。"), (42, "智慧工厂80万元/家;数字化车间30万元/家。")], "g.txt")
    got = [(v["name"], v["unit_amount"], v["unit"]) for v in p.data["variants"]]
    assert got == [("智慧工厂", D("80"), "家"), ("数字化车间", D("30"), "家")]


def test_a_list_of_sums_under_no_award_label_stays_todo():
    p = parse_award([(41, "2. 考核指标。"), (42, "甲园区产值80万元;乙园区30万元。")], "g.txt")
    assert not p.data.get("variants") and not p.data.get("fixed")
    assert p.todo


def test_first_payments_said_in_tenths_as_a_ratio_word_or_before_the_verb():
    base = "按设备投资额的12%给予补助，单个项目最高900万元。"
    tenths = _award(base + "首笔资金按核定补助额的三成下达，验收合格后清算余款。")
    ratio = _award(base + "首期拨款比例为70%，验收通过后拨付尾款。")
    half = _award(base + "首批资金按核定金额的一半预拨。")
    assert [p.data["first_payment"]["share"] for p in (tenths, ratio, half)] == [D("0.3"), D("0.7"), D("0.5")]
    for p in (tenths, ratio, half):
        assert (p.data["rate"], p.data["cap"]) == (D("0.12"), D("900"))


def test_an_award_and_quota_field_pointing_to_a_spaced_table_with_a_row_that_gives_nothing(tmp_path):
    progs = _draft(tmp_path, (
        "（一）数字化车间梯度奖励\n"
        "    1. 适用对象。本年度新认定的标杆级、示范级数字化车间。\n"
        "    2. 奖励标准及名额（见下表）。\n"
        "        级别          奖励标准（万元/家）        名额上限（家）\n"
        "       标杆级               90                       12\n"
        "       示范级               35                       50\n"
        "       培育级      不安排资金奖励，纳入培育库       —\n"
        "    3. 同一车间晋级的，按差额补足。\n"))
    p = progs["数字化车间梯度奖励"]
    got = [(v["name"], v["unit_amount"], v["quota"]["value"]) for v in p["variants"]]
    assert got == [("标杆级", D("90"), D("12")), ("示范级", D("35"), D("50"))]


def test_a_first_payment_in_tenths_and_a_share_per_thousand_survive_the_drafts_quote_check(tmp_path):
    progs = _draft(tmp_path, (
        "（一）设备更新奖补\n    1. 奖补办法\n    补助比例最高12%，单个项目奖补总额以2 000万元为限。\n"
        "    2. 资金拨付\n    首笔资金按核定补助额的六成下达，验收合格后清算余款。\n\n"
        "（二）债券融资奖励\n    1. 奖励标准。按实际发行额的5‰给予奖励，单户最高不超过60万元。\n"))
    a, b = progs["设备更新奖补"], progs["债券融资奖励"]
    assert (a["rate"], a["cap"], a["first_payment"]["share"]) == (D("0.12"), D("2000"), D("0.6"))
    assert (b["rate"], b["cap"]) == (D("0.005"), D("60"))


RULES = """\
2099年度示范省软件产业专项资金管理办法（申报指南）

第一章 总则

第一条 为支持软件产业发展，制定本办法。

第二章 支持方向与标准

第二条 安全应急软件首版次推广应用项目（免申直达）

（一）支持条件。软件产品入选省首版次推广目录。

（二）奖励标准。奖补资金按下列公式计算：奖补资金＝上年度首版次软件销售收入（不含税）×15%。计算结果高于350万元的，按350万元核定。

第三条 标识解析体系建设项目

（一）分类支持。

1.行业节点项目。累计标识注册量不低于2亿条。单个项目补助300万元。

2.服务平台项目。服务节点不少于6个。按不超过项目总投入的25%予以补助，单个项目支持额度最高不超过900万元，首次拨付补助资金总额的40%。

（二）支持数量。不超过7个（其中，行业节点项目不超过5个，服务平台项目不超过2个）。
"""


def test_articles_of_rules_a_formula_a_cap_said_as_a_cut_and_a_parents_quota_parted_among_its_items(tmp_path):
    d = drafted(tmp_path, RULES, 2099)
    progs = by_title(d)
    # the article's title with its remark is the program's (it was read as no title past 20 characters)
    first = progs["安全应急软件首版次推广应用项目"]
    assert first.get("no_application") is True
    # "奖补资金＝X×15%": the base is X; "高于350万元的，按350万元核定": the cap
    assert (first["rate"], first["cap"]) == (D("0.15"), D("350"))
    assert first["base"] == "上年度首版次软件销售收入（不含税）"
    assert not any("350" in str(t.get("note", "")) and "未解析" in str(t.get("note", "")) for t in first.get("todo", []))
    node, platform = progs["行业节点项目"], progs["服务平台项目"]
    # "…予以补助，单个项目支持额度最高不超过900万元": one benefit, its cap
    assert (platform["rate"], platform["cap"], platform["first_payment"]["share"]) == (D("0.25"), D("900"), D("0.4"))
    assert [p["title"] for p in d.programs].count("服务平台项目") == 1
    # the parent's "其中" parts go to the items it names
    assert (node["quota"]["value"], platform["quota"]["value"]) == (D("5"), D("2"))
    assert node["fixed"] == D("300")



def test_named_sums_listed_as_the_standard_are_the_classes():
    p = _award("对新获评的数字化标杆企业，按国家级标杆 60 万元、省级标杆 25 万元、市级标杆 8 万元的标准给予奖励。")
    got = [(v["name"], v["fixed"]) for v in p.data["variants"]]
    assert got == [("国家级标杆", D("60")), ("省级标杆", D("25")), ("市级标杆", D("8"))]
    assert not any("未解析" in (t.get("note") or "") for t in p.todo)


def test_two_payments_in_a_ratio_give_the_first_share_and_a_ratio_of_no_whole_percent_is_left():
    base = "按项目研发投入的15%给予补助，最高可达600万元。"
    p = _award(base + "补助资金分两期按4∶6比例拨付，中期评估合格后拨付首期，验收后拨付其余。")
    assert p.data["first_payment"]["share"] == D("0.4")
    assert number_in_quote(D("0.4"), "补助资金分两期按4∶6比例拨付")
    three = _award("对新落户的总部企业，一次性奖励300万元，分三年按5:3:2比例兑现。")
    assert (three.data["fixed"], three.data["first_payment"]["share"]) == (D("300"), D("0.5"))
    q = _award(base + "补助资金分两期按1:2比例拨付。")
    assert "first_payment" not in q.data and q.todo


def test_a_numbered_line_that_ends_a_wrapped_reference_is_no_heading(tmp_path):
    text = (
        "（一）设备投入奖补\n1.支持条件。设备投入不低于500万元。\n2.补助标准。按设备投入的8%给予补助，最高不超过300万元。\n\n"
        "（二）重大技改项目\n1.支持条件。项目总投入不低于1亿元。\n2.奖补标准。\n（1）按项目设备投入的10%予以补助，最高不超过1500万元。\n"
        "（2）获得本项奖补的项目，不再重复享受本指南第\n（一）项设备投入奖补。\n"
        "3.拨付方式。项目通过审核后首次拨付奖补资金总额的60%，验收后拨付剩余部分。\n4.支持数量。不超过6个。\n")
    progs = _draft(tmp_path, text)
    big = progs["重大技改项目"]
    assert (big["rate"], big["cap"], big["first_payment"]["share"], big["quota"]["value"]) == (D("0.1"), D("1500"), D("0.6"), D("6"))
    assert sorted(progs) == ["设备投入奖补", "重大技改项目"]


def test_rates_said_by_the_award_sum_or_as_an_offset_and_a_cap_said_as_a_limit():
    a = _award("补助额度为核定设备投入的12%，单项封顶900万元。")
    b = _award("按上年度实际支付仓储租金的25%给予补助，额度以40万元为上限。")
    c = _award("企业可使用服务券抵扣咨询合同金额的60%，每家企业年度抵扣总额不超过6万元。")
    assert (a.data["rate"], a.data["base"], a.data["cap"]) == (D("0.12"), "核定设备投入", D("900"))
    assert (b.data["rate"], b.data["cap"]) == (D("0.25"), D("40"))
    assert (c.data["rate"], c.data["base"], c.data["cap"]) == (D("0.6"), "咨询合同金额", D("6"))
    for p in (a, b, c):
        assert not any("未解析" in (t.get("note") or "") for t in p.todo)


def test_grades_said_after_the_awards_clause_and_two_cases_parted_by_a_pause_mark():
    g = _award("按年度绩效评价结果给予运营补贴，评价为优秀的40万元，良好的20万元，合格及以下不予补贴。")
    assert [(v["name"], v["fixed"]) for v in g.data["variants"]] == [("评价为优秀", D("40")), ("良好", D("20"))]
    r = _award("对制造业项目按当年实际到资额的2%、对服务业项目按当年实际到资额的1%给予奖励，单个项目奖励最高不超过300万元。")
    assert [(v["name"], v["rate"]) for v in r.data["variants"]] == [("制造业项目", D("0.02")), ("服务业项目", D("0.01"))]
    assert r.data["cap"] == D("300")


def test_items_naming_their_classes_and_money_after_a_programs_who_may_apply(tmp_path):
    progs = _draft(tmp_path, (
        "（一）人才实训基地\n支持对象：连续开展实训3年以上的培训机构或龙头企业\n"
        "（1）实训基地建设补助。对新认定的市级实训基地，实训工位不少于150个的，给予一次性建设补助40万元。\n"
        "（2）实训就业补贴。对结业后在本市就业的学员，按每人1500元给予基地补贴，每个基地年度补贴最高不超过60万元。\n"
        "（二）岗位补贴\n补助标准：每人每月补贴500元。\n"))
    build, jobs = progs["实训基地建设补助"], progs["实训就业补贴"]
    assert build["fixed"] == D("40") and build["path"][-1] == "（一）人才实训基地"
    assert (jobs["unit_amount"], jobs["cap"]) == (D("0.15"), D("60"))
    # who may apply, said once above the items, is each item's condition
    for p in (build, jobs):
        assert (">=", D("3")) in [(t["op"], t["value"]) for t in p["thresholds"]]
    assert "人才实训基地" not in progs


def test_a_printed_web_pages_address_and_time_lines_are_page_furniture(tmp_path):
    progs = _draft(tmp_path, (
        "（一）企业上市奖励\n1.境内上市。在主板上市的奖励400万元，在北京证券交易所上市的奖励\n"
        "https://zwfw.example.gov.cn/art/2096/3/12/art_1208_4471.html\t2/5\n\n"
        "2096/3/18 上午10:21\t2096年度示范市政策兑现问答-示范市政务服务网\n"
        "200万元；首发募集资金在本市投资比例须不低于50%。\n2.境外上市。在境外主要资本市场首发上市的，一次性奖励300万元。\n"))
    p = progs["境内上市"]
    got = sorted(v.get("fixed") for v in p.get("variants", [])) or [p.get("fixed")]
    assert D("200") in got and D("400") in got


def test_sums_listed_with_each_per_item_pair_with_the_listed_recipients():
    p = _award("对主导制定国际标准、国家标准、行业标准的企业，分别给予每项60万元、25万元、12万元奖励。")
    # 国际标准 60 per 项, 国家标准 25, 行业标准 12: three pairs, none left in a todo
    got = [(v["name"][-4:], v["unit_amount"], v["unit"]) for v in p.data["variants"]]
    assert got == [("国际标准", D("60"), "项"), ("国家标准", D("25"), "项"), ("行业标准", D("12"), "项")]
    assert not p.todo


def test_a_year_before_the_listed_recipients_does_not_hide_them():
    p = _award("对2096年度新获评国家级绿色工厂、绿色供应链管理企业的，分别奖励70万元、40万元。")
    names = [v["name"] for v in p.data["variants"]]
    assert [v["fixed"] for v in p.data["variants"]] == [D("70"), D("40")]
    assert "绿色工厂" in names[0] and "绿色供应链管理企业" in names[1]
    assert not any("档" in n for n in names)  # not named by their sums, for the reviewer to pair


def test_a_share_in_tenths_is_a_rate_and_stands_in_its_quote():
    p = _award("按实际支付利息的三成给予贴息，单户最高不超过25万元。")
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.3"), D("25"))
    q = _award("按不超过检测设备投入的两成予以补助。")
    assert q.data["rate"] == D("0.2")
    assert number_in_quote(D("0.2"), "按不超过检测设备投入的两成予以补助")
    # 成本, 成果: no share
    assert "rate" not in _award("按研发的成本给予支持。").data


def test_a_sum_in_financial_numerals_is_read_and_stands_in_its_quote():
    # 大写 as a finance clerk writes it, the figure in brackets beside it
    p = _award("对新认定的企业，给予一次性奖励人民币叁拾万元（¥300,000.00）。")
    assert (p.data["kind"], p.data["fixed"]) == ("fixed", D("30"))
    assert number_in_quote(D("30"), "给予一次性奖励人民币叁拾万元（¥300,000.00）")
    q = _award("每人补贴人民币捌仟元（¥8,000.00），先行拨付400,000元。")
    assert q.data["unit_amount"] == D("0.8")
    assert "0400000" not in str(q.data)  # a sum's separators never shown as a leading zero
    # 陆 alone is land, not six: "陆上风电项目100万元" stays 100
    assert _award("对陆上风电项目给予奖励100万元。").data["fixed"] == D("100")
