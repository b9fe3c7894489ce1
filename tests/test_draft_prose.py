"""The drafter on rules written as prose (issue 17): articles and measures with no 支持条件 /
补助标准 headings, their conditions inside the award sentence, tiers over several sentences,
programs whose money is decided elsewhere, a part's own 申报基本条件, quotas said in passing.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

import re
from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, drafted, validates, write

from subsidykit.authoring.draft import draft_guide

RULES = """\
示范县促进工业发展奖补办法

第一章 总 则

第一条 为推动工业发展，制定本办法。

第二条 申请奖补的企业应当符合下列条件：
（一）在本县依法登记，正常经营满2年（含）以上；
（二）上年度在本县纳税不低于30万元。

第二章 奖补措施

第三条【技改设备奖补】 对2030年1月1日（含）至2030年12月31日（含）期间竣工、设备投入达到1 500万元以上的项目，按设备投入的7%给予奖补，单个项目最高不超过400万元。
其中，项目总投资5亿元（含）以上的重点项目，奖补比例提高到9%，单个项目最高不超过800万元。

第四条【研发投入奖励】 对研发费用占营业收入比重达到4%（含）以上、研发人员不少于20人的企业，按研发费用增量的8%给予奖励，单个企业最高不超过60万元。

第五条【梯度培育奖励】（免申即享）对首次认定的国家级专精特新“小巨人”企业奖励80万元；
对首次认定的省级专精特新中小企业奖励15万元。
对首次入库的创新型中小企业奖励1万元。

第六条【诊断服务补贴】（免申即享） 县工信局遴选服务商开展免费诊断，费用由县财政按每家企业1.5万元的标准拨付，年度诊断企业数量不超过60家。

第三章 要素保障

第七条【人才安家补贴】 对新引进并签订3年以上劳动合同的博士，每人给予8万元安家补贴；同一企业年度补贴总额不超过40万元。

第八条【重大项目扶持】 对总投资超过30亿元的重大项目，实行“一事一议”。

第九条【上级资金配套】 县级配套比例按上级文件执行。

第四章 附 则

第十条 本办法由县工信局负责解释。
"""


def test_rules_in_articles_read_as_programs_with_their_prose_conditions(tmp_path):
    draft = draft_guide(write(tmp_path, "办法.txt", RULES), year=2031)
    progs = by_title(draft)
    assert set(progs) == {"技改设备奖补", "研发投入奖励", "梯度培育奖励", "诊断服务补贴", "人才安家补贴", "重大项目扶持", "上级资金配套"}

    # a later sentence "其中…比例提高到9%" is a sub-class of the same award, with the base before
    # it; the general rule stays the program's own
    tech = progs["技改设备奖补"]
    assert (tech["rate"], tech["base"], tech["cap"]) == (D("0.07"), "设备投入", D("400"))
    got = {v["name"]: (v.get("rate"), v.get("base"), v.get("cap")) for v in tech["variants"]}
    assert got == {"重点项目": (D("0.09"), "设备投入", D("800"))}
    assert [t["value"] for t in tech["variants"][0]["thresholds"]] == [D("50000")]  # 5亿元

    # the conditions in the award sentence are read; the award's own cap is not one
    research = progs["研发投入奖励"]
    assert (research["rate"], research["cap"]) == (D("0.08"), D("60"))
    th = {(t["op"], t["value"], t["unit"]) for t in research["thresholds"]}
    assert (">=", D("0.04"), "比例") in th and (">=", D("20"), "人") in th
    assert not any(t["value"] == D("60") for t in research["thresholds"])

    # three sentences granting the same 奖励 to three levels: one program, three tiers
    ladder = progs["梯度培育奖励"]
    assert ladder["no_application"] is True and ladder["kind"] == "tiered"
    assert sorted(v["fixed"] for v in ladder["variants"]) == [D("1"), D("15"), D("80")]

    # a per-unit award with its count of awards said in the prose
    diag = progs["诊断服务补贴"]
    assert diag["unit_amount"] == D("1.5") and diag["quota"]["value"] == D("60")
    assert "60" in diag["quota"]["source"]["text"]

    # a benefit-titled article in a chapter named 保障 is a program; its annual total is its cap,
    # not a program of its own
    talent = progs["人才安家补贴"]
    assert talent["cap"] == D("40")
    assert [p["title"] for p in draft.programs].count("人才安家补贴") == 1

    # money decided elsewhere: a program without an amount, never passed over
    for title in ("重大项目扶持", "上级资金配套"):
        assert progs[title]["kind"] == "none", title

    # the rules' own 申请条件 (an article in 总则) are the document's general conditions
    general = {(t["op"], t["value"]) for t in draft.document["general_thresholds"]}
    assert (">=", D("2")) in general and (">=", D("30")) in general
    assert_cited(draft, tmp_path)
    validates(draft)


NOTICE = """\
示范市关于组织申报2031年度工业专项资金项目的通知

一、申报要求
请各地认真组织。

附件1

2031年度示范市工业专项资金项目申报指南

一、申报基本条件
（一）申报单位资产负债率不高于75%。
（二）同一申报单位原则上只能申报1个项目。

二、支持方向
（一）企业上市奖励（免申即享）。对在境内证券交易所首发上市的企业分阶段给予奖励：完成辅导备案后奖励60万元；申请获受理后奖励120万元；成功上市后奖励180万元。累计奖励最高360万元。
（二）支持人才安居。对新引进的博士给予10万元购房补贴。对全职引进的硕士，每月给予1500元生活补贴。
（三）园区配套专项。对纳入国家试点的改造项目，市级配套资金按照国家、省有关规定执行，具体标准据实核定。
（四）技术改造项目
对2031年度竣工的技术改造项目，分类给予补助：
一般项目按设备投入的6%给予补助，单个项目最高不超过200万元；
重点项目按设备投入的8%给予补助，单个项目最高不超过500万元。
申报条件：设备投入不低于800万元。
支持数量：不超过40个（其中，重点项目不超过8个）。

附件2

联系方式
产业处 025-12345678
"""


def test_a_notice_with_measures_a_part_of_its_own_conditions_and_a_paragraph_before_the_sections(tmp_path):
    draft = draft_guide(write(tmp_path, "通知.txt", NOTICE), year=2031)
    progs = by_title(draft)
    # （免申即享） is the no-application marker, taken off the title
    listing = progs["企业上市奖励"]
    assert listing["no_application"] is True
    # stages of one named benefit are one program, its 累计 limit its cap
    assert [p["title"] for p in draft.programs].count("企业上市奖励") == 1
    assert listing["cap"] == D("360")
    assert sorted(v["fixed"] for v in listing["variants"]) == [D("60"), D("120"), D("180")]
    # a measure named for an aim granting two benefits for different purposes: one program each
    assert [p["title"] for p in draft.programs].count("支持人才安居") == 2
    # money decided elsewhere
    assert progs["园区配套专项"]["kind"] == "none"
    # the paragraph before 申报条件 is the award of a program with no 补助标准 heading
    tech = progs["技术改造项目"]
    assert tech["kind"] == "tiered"
    assert sorted((v.get("rate"), v.get("cap")) for v in tech["variants"]) == [(D("0.06"), D("200")), (D("0.08"), D("500"))]
    assert tech["quota"]["value"] == D("40")
    assert any(t["op"] == ">=" and t["value"] == D("800") for t in tech["thresholds"])
    # the one named sub-quota goes to its variant
    named = {v["name"]: v for v in tech["variants"]}
    assert named["重点项目"]["quota"]["value"] == D("8")
    # the guide's own 申报基本条件 (a part after the notice): the document's general conditions
    general = {(t["op"], t["value"], t["unit"]) for t in draft.document["general_thresholds"]}
    assert ("<=", D("0.75"), "比例") in general
    assert_cited(draft, tmp_path)
    validates(draft)


def test_a_notice_and_rules_each_with_their_own_conditions_keep_them_apart(tmp_path):
    """Rules in articles with their 申请条件, then an attached guide with its own 申报基本条件: each
    part's conditions go to its own programs, never to the other part's."""
    text = RULES.replace("第四章 附 则\n\n第十条 本办法由县工信局负责解释。\n", "") + """
附件

2031年度示范县竞争性项目申报指南

一、申报基本条件
（一）申报单位资产负债率不高于70%。

二、项目类别
（一）数字化改造项目
1. 支持条件。项目总投入不低于300万元。
2. 补助标准。按不超过项目总投入的10%予以补助，单个项目最高不超过100万元。
"""
    draft = draft_guide(write(tmp_path, "细则.txt", text), year=2031)
    progs = by_title(draft)
    digital = {(t["op"], t["value"]) for t in progs["数字化改造项目"]["thresholds"]}
    assert ("<=", D("0.7")) in digital and (">=", D("2")) not in digital
    research = {(t["op"], t["value"]) for t in progs["研发投入奖励"]["thresholds"]}
    assert (">=", D("2")) in research and ("<=", D("0.7")) not in research
    assert not draft.document["general_thresholds"]
    assert_cited(draft, tmp_path)
    validates(draft)


def test_units_of_quantities_beyond_money_in_prose(tmp_path):
    text = """\
示范县绿色发展奖补细则

第一章 奖补

第一条【分布式光伏补助】 对装机容量2兆瓦（含）以上、于2030年内并网的分布式光伏项目，按每千瓦80元给予补助，单个项目最高不超过30万元。

第二条【固废利用奖励】 对年综合利用工业固废3万吨以上、厂房面积不低于5000平方米的企业，奖励20万元。

第三条【节能改造补助】 对年节能量达到800吨标准煤以上的节能改造项目，按每吨标准煤400元给予补助，单个项目最高不超过60万元。
"""
    draft = draft_guide(write(tmp_path, "细则.txt", text), year=2031)
    progs = by_title(draft)
    solar = {(t["op"], tuple(t["value"]) if isinstance(t["value"], list) else t["value"], t["unit"])
             for t in progs["分布式光伏补助"]["thresholds"]}
    assert (">=", D("2000"), "千瓦") in solar
    # "于2030年内并网": the year a window of dates, never a count of years
    assert ("between", ("2030-01-01", "2030-12-31"), "日期") in solar
    assert not any(unit == "年" for _op, _v, unit in solar)
    assert progs["分布式光伏补助"]["unit_amount"] == D("0.008")
    waste = {(t["op"], t["value"], t["unit"]) for t in progs["固废利用奖励"]["thresholds"]}
    assert (">=", D("30000"), "吨") in waste and (">=", D("5000"), "平方米") in waste
    assert_cited(draft, tmp_path)
    validates(draft)


RECORDS = """\
2031年度示范市工业专项资金项目申报指南

一、智能制造

（一）智能工厂

表1 智能工厂建设项目
项目名称 | 智能工厂建设项目
支持条件 | 1.申报主体为规模以上工业企业；
 | 2.智能化改造投入不低于1 500万元；
- 3 -
 | 3.关键工序数控化率达到65%以上。
补助标准 | 按智能化改造投入的9%给予奖补，单个项目最高不超过350万元。
支持数量 | 不超过12个
申报主体 | 符合上述条件的规模以上工业企业

表2 数据资产奖励
项目名称\t数据资产入表奖励（免申直达）
补助标准\t对完成数据资产入表的企业，每家奖励15万元。
支持数量\t不超过30个

（二）绿色制造

表3 节能改造
项目名称
节能改造项目
支持条件
项目年节能量不低于600吨标准煤。
补助标准
按年节能量每吨标准煤400元给予奖补，单个项目最高不超过80万元。
支持数量
不超过9个
"""


def test_a_guide_laid_out_as_one_table_per_program(tmp_path):
    """"项目名称 | X" rows (pipes, tabs, or one cell per line) name the programs; the rows below
    are their sections, a row without a label continues the cell above, a page line between."""
    draft = draft_guide(write(tmp_path, "表格指南.txt", RECORDS), year=2031)
    progs = by_title(draft)
    assert set(progs) == {"智能工厂建设项目", "数据资产入表奖励", "节能改造项目"}
    factory = progs["智能工厂建设项目"]
    assert (factory["rate"], factory["cap"], factory["quota"]["value"]) == (D("0.09"), D("350"), D("12"))
    th = {(t["op"], t["value"], t["unit"]) for t in factory["thresholds"]}
    assert (">=", D("1500"), "万元") in th and (">=", D("0.65"), "比例") in th
    data = progs["数据资产入表奖励"]
    assert data["no_application"] is True and data["quota"]["value"] == D("30")
    assert D("15") in (data.get("fixed"), data.get("unit_amount"))
    energy = progs["节能改造项目"]
    assert (energy["unit_amount"], energy["cap"], energy["quota"]["value"]) == (D("0.04"), D("80"), D("9"))
    assert [(t["op"], t["value"], t["unit"]) for t in energy["thresholds"]] == [(">=", D("600"), "吨标准煤")]
    assert_cited(draft, tmp_path)
    validates(draft)


APPENDED = """\
2031年度示范省专项资金项目申报指南

一、绿色制造

（一）绿色名单奖励项目（免申直达）。对2030年度新入选绿色制造名单的企业给予奖励，奖励标准和支持数量见附表1。

（二）平台培育项目。根据服务绩效评价结果分档给予一次性补助：一档400万元，二档250万元，三档120万元。

1. 支持数量。诊断企业不超过500家。

（三）上云补贴项目
1. 补助标准。按实际支付云服务费用的40%给予补贴，单户年度补贴额上限4万元。
2. 支持数量。年度支持名额原则上控制在150家以内。

附表1

绿色制造名单奖励标准及支持数量

名单类别 | 级别 | 奖励标准 | 支持数量
绿色工厂 | 国家级 | 90万元 | 不超过35个
绿色工厂 | 省级 | 25万元 | 不超过70个
"""


def test_an_appended_table_a_colon_list_and_quotas_that_name_what_they_count(tmp_path):
    draft = draft_guide(write(tmp_path, "附表指南.txt", APPENDED), year=2031)
    progs = by_title(draft)
    # "奖励标准和支持数量见附表1": the appended table's amounts and quotas are the program's tiers
    green = progs["绿色名单奖励项目"]
    assert green["kind"] == "tiered" and green["no_application"] is True
    got = sorted((v["fixed"], v["quota"]["value"]) for v in green["variants"])
    assert got == [(D("25"), D("70")), (D("90"), D("35"))]
    assert not any("附表1" in t.get("text", "") for t in green.get("todo", []))
    # "分档给予…：一档400万元，二档250万元，三档120万元": graded amounts after an award word
    platform = progs["平台培育项目"]
    assert sorted(v["fixed"] for v in platform["variants"]) == [D("120"), D("250"), D("400")]
    # a quota naming what it counts, and 原则上 after the name
    assert platform["quota"]["value"] == D("500")
    cloud = progs["上云补贴项目"]
    assert (cloud["rate"], cloud["cap"], cloud["quota"]["value"]) == (D("0.4"), D("4"), D("150"))
    assert "原则上" in cloud["quota"]["note"]
    assert_cited(draft, tmp_path)
    validates(draft)


def test_a_refused_case_is_written_as_its_opposite(tmp_path):
    """"不足N…的，不予支持" states who is refused: the condition is ">= N", never "< N" (which
    would pass exactly the applicants the guide refuses)."""
    from subsidykit.authoring.clauses import parse_conditions

    for text, want in [
        ("年节能量不足1 000吨标准煤的不予支持。", (">=", D("1000"), "吨标准煤")),
        ("资产负债率高于85%的，不予支持。", ("<=", D("0.85"), "比例")),
        ("服务商年度完成诊断企业数量不足10家的，不予补助。", (">=", D("10"), "家")),
        ("申报企业上年度营业收入低于2000万元的，不得申报。", (">=", D("2000"), "万元")),
        ("从业人员超过300人的，不在支持范围。", ("<=", D("300"), "人")),
    ]:
        p = parse_conditions([(1, text)], "g.txt")
        got = [(t["op"], t["value"], t["unit"]) for t in p.data.get("thresholds", [])]
        assert got == [want], text
        assert "反面" in p.data["thresholds"][0]["note"], text
        assert not any("不予" in (t.get("note") or "") or "不得" in (t.get("note") or "") for t in p.todo), text


def test_award_wordings_of_other_offices(tmp_path):
    """Wordings the seeds do not use, each read as the clause says (values by hand)."""
    from subsidykit.authoring.clauses import parse_award

    def award(text):
        return parse_award([(1, text)], "g.txt").data

    got = award("按国家当年下达支持资金1:1比例给予配套，单个项目最高不超过1000万元。")
    assert (got["kind"], got["rate"], got["cap"]) == ("rate_cap", D("1"), D("1000"))
    assert award("按项目总投入的12%给予补助，单个项目补助总额以600万元为限。")["cap"] == D("600")
    got = award("按40万元/个的标准给予一次性奖补。")
    assert (got["kind"], got["unit_amount"], got["unit"]) == ("per_unit", D("40"), "个")
    got = award("根据评价结果分档给予一次性补助：一档400万元，二档250万元。")
    assert sorted(v["fixed"] for v in got["variants"]) == [D("250"), D("400")]
    got = award("根据年度评估结果分档支持：评估为“优秀”的，支持200万元；评估为“良好”的，支持100万元。")
    assert {v["name"]: v["fixed"] for v in got["variants"]} == {"评估为“优秀”": D("200"), "评估为“良好”": D("100")}
    # a sharing of costs between governments is no rate of an award
    assert award("市、县两级财政按5:5比例分担。") == {} or "rate" not in award("市、县两级财政按5:5比例分担。")


PROGRAM_TABLE = """\
2031年度示范市专项资金项目申报指南

第一部分  技术改造

一、技术改造项目

（一）支持条件。设备投入不低于500万元。

（二）补助标准。按不超过设备投入的10%予以补助，单个项目最高不超过300万元。

第二部分  认定类奖励（免申即享）

以下事项依据2030年度认定名单直接兑现，企业无需申报。

序号\t事项名称\t奖励标准\t兑现方式\t责任处室
1\t企业技术中心\t国家级80万元/家；省级25万元/家\t免申即享\t科技处
2\t能效领跑者企业\t一次性奖励20万元\t免申即享\t节能处
3\t质量奖企业\t按有关规定执行\t免申即享\t质量处
"""


def test_a_table_whose_rows_are_programs(tmp_path):
    draft = draft_guide(write(tmp_path, "清单.txt", PROGRAM_TABLE), year=2031)
    progs = by_title(draft)
    assert set(progs) == {"技术改造项目", "企业技术中心", "能效领跑者企业", "质量奖企业"}
    center = progs["企业技术中心"]
    assert center["no_application"] is True and center["kind"] == "tiered"
    assert sorted((v["unit_amount"], v["unit"]) for v in center["variants"]) == [(D("25"), "家"), (D("80"), "家")]
    assert progs["能效领跑者企业"]["fixed"] == D("20")
    assert progs["质量奖企业"]["kind"] == "none"
    # the lead's "2030年度认定名单" is every row's condition; the office column its office
    for title in ("企业技术中心", "能效领跑者企业", "质量奖企业"):
        th = progs[title]["thresholds"]
        assert [(t["op"], t["value"]) for t in th] == [("between", ["2030-01-01", "2030-12-31"])], title
    assert progs["能效领跑者企业"]["office"] == "节能处"
    # the part heading is the path, never a program; the program before it keeps its own text
    assert progs["技术改造项目"]["path"][0].startswith("第一部分")
    assert (progs["技术改造项目"]["rate"], progs["技术改造项目"]["cap"]) == (D("0.1"), D("300"))
    assert_cited(draft, tmp_path)
    validates(draft)


def test_an_amount_read_is_in_the_data_or_listed_never_dropped(tmp_path):
    """Every amount of an award clause ends in the data or in a todo that names it, whatever
    shape the reader gives the clause (never silent)."""
    from decimal import Decimal

    from subsidykit.authoring.clauses import parse_award
    from subsidykit.authoring.draft import _numbers_in

    clauses = [
        "对首台（套）重大装备，按不超过首台销售价格的20%给予奖励，每台（套）奖励最高不超过200万元，同一企业年度奖励不超过500万元。",
        "按实际支付金额的20%给予补助；其中购买国产工业软件部分，补助比例提高到30%。每家企业年度补助最多不超过100万元。",
        "软件购置费用按20%、硬件设备按10%分别计算补助，两项合计单个项目最高不超过200万元。",
        "培训费用按每人次不超过3000元核定，单个企业年度补助不超过20万元。",
        "其中境内展会每个最高补助5万元，境外展会每个最高补助10万元；同一企业年度累计补助不超过20万元。",
    ]
    for text in clauses:
        p = parse_award([(1, text)], "g.txt")
        written: set[Decimal] = set()

        def walk(d):
            if isinstance(d, dict):
                for k, v in d.items():
                    if isinstance(v, Decimal):
                        written.add(v)
                    elif k not in ("source", "thresholds"):
                        walk(v)
            elif isinstance(d, list):
                for x in d:
                    walk(x)

        walk(p.data)
        listed = "".join(t.get("note", "") + t.get("text", "") for t in p.todo)
        for m in re.finditer(r"(\d+(?:\.\d+)?)(%|万元|元)", text):
            v = Decimal(m.group(1))
            value = v / 100 if m.group(2) == "%" else (v / 10000 if m.group(2) == "元" else v)
            noted = any(n == v for n in _numbers_in(listed))
            assert value in written or noted, (text, m.group(0), p.data, p.todo)


UNDER_HEADINGS = """\
2098年度示范县生物医药产业专项资金申报指南

一、载体建设
（一）中试基地建设项目
项目名称\t示范县生物医药中试基地建设项目
支持对象\t中试基地运营单位。
申报条件\t新增中试设备投入不低于1 200万元。
支持标准\t按新增中试设备投入的15%给予补助，最多补助300万元。
支持数量\t不超过3个
（二）洁净厂房租金补贴
项目名称\t洁净厂房租金补贴
支持标准\t按每平方米每月8元的标准给予补贴，每家企业每年不超过20万元。
支持数量\t据实核定
"""


def test_a_program_table_under_a_heading_of_its_own_is_named_by_the_heading(tmp_path):
    """"（一）中试基地建设项目" over "项目名称 | 示范县生物医药中试基地建设项目": the outline's name is
    the program's title, the table's name an alias cited at its line."""
    draft = drafted(tmp_path, UNDER_HEADINGS, 2098)
    progs = by_title(draft)
    assert set(progs) == {"中试基地建设项目", "洁净厂房租金补贴"}
    base = progs["中试基地建设项目"]
    assert (base["rate"], base["cap"], base["quota"]["value"]) == (D("0.15"), D("300"), D("3"))
    assert base["path"] == ["一、载体建设"]
    assert [(a["name"], a["source"]["lines"]) for a in base["aliases"]] == [("示范县生物医药中试基地建设项目", [5, 5])]
    assert "aliases" not in progs["洁净厂房租金补贴"]
