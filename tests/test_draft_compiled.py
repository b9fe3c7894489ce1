"""A clerk's compiled working copy: a notice, then several policy documents pasted one after
another under "附件N", each with its own numbering (一、/（一） from a PDF, 第N条【标题】 from a web
page, 第一部分 / 1、 from a word processor).  Every document's programs are read; years past 2099
(the fictional years of a test) are years like any other."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from subsidykit.authoring.draft import draft_guide

from tests.test_draft_guides import assert_cited, by_title, validates, write

COMPILED = """\
【内部稿】2088年度市软件产业专项资金 申报材料汇编
说明：附件1-3为政策原文。

关于组织申报2088年度桃源市软件产业专项资金项目的通知

各区经信局：
现就2088年度专项资金申报工作通知如下：

一、申报条件
（一）在本市登记注册，具有独立法人资格。
二、申报时间
（一）2088年3月1日至3月31日。

附件：1.桃源市软件产业提升若干政策
      2.桃源市促进信息消费专项政策
      3.桃源市支持软件人才集聚的若干措施

==================================================================
附件1

桃源市软件产业提升若干政策

一、做强软件企业

（一）软件企业成长奖励。对营业收入首次突破1亿元的软件企业，
给予20万元奖励。

（二）软件著作权登记补助。对企业新登记软件著作权的，每件补
助500元，单个企业最高不超过5万元。

==================================================================
附件2

桃源市促进信息消费专项政策
发布日期:2087-05-02    来源:市政府办公室
【打印本页】  【关闭窗口】

第一条 为促进信息消费,制定本政策。
第二条 【体验中心建设】对新建成的信息消费体验中心,按建设投入的20%给予补助,最高不超过60万元。
第三条 【应用示范项目】对入选市级信息消费应用示范的项目,每个奖励15万元。
第四条 本政策自2087年6月1日起施行。

==================================================================
附件3

桃源市支持软件人才集聚的若干措施

第一部分  人才引进

1、领军人才安家补贴。对新引进的软件领军人才，给予一次性安家补贴40万元。
2、高校毕业生实习补贴。对接收高校毕业生实习的企业，按每人每月800元给予补贴。

第二部分  人才培训

3、软件工程师培训补贴。对企业开展软件工程师培训的，按培训费用的30%给予补贴，最高10万元。

------------------------------------------

桃源市数据中心节能改造扶持办法

第一条 【节能改造补助】对完成节能改造的数据中心，按改造投入的10%给予补助，最高不超过80万元。
"""


def test_each_pasted_document_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "汇编.txt", COMPILED)
    draft = draft_guide(path, year=2088)
    progs = by_title(draft)
    # the PDF's 一、/（一）
    assert progs["软件企业成长奖励"]["fixed"] == 20
    assert progs["软件著作权登记补助"]["cap"] == 5
    # the web page's 第N条【标题】
    assert progs["体验中心建设"]["rate"] == Decimal("0.2") and progs["体验中心建设"]["cap"] == 60
    assert progs["体验中心建设"]["guide"] == "桃源市促进信息消费专项政策"
    assert "应用示范项目" in progs
    # the word processor's 第一部分 / 1、, numbered on across its parts
    assert progs["领军人才安家补贴"]["fixed"] == 40
    assert progs["软件工程师培训补贴"]["guide"] == "桃源市支持软件人才集聚的若干措施"
    assert progs["软件工程师培训补贴"]["cap"] == 10
    assert "高校毕业生实习补贴" in progs
    # a document set off by a drawn line only, without "附件N"
    assert progs["节能改造补助"]["cap"] == 80
    assert progs["节能改造补助"]["guide"] == "桃源市数据中心节能改造扶持办法"
    assert_cited(draft, tmp_path)
    validates(draft)


PARENT_LEAD = """\
2140年度示范区先进制造专项资金申报指南

一、扩大投资

（一）智能装备购置奖补。对2139年3月
1日（含）至2139年12月31日（含）期间完成购置的
项目，按以下类别奖补：
1.大型购置项目。单个项目购置额达到3000万元的，按购置额的
5%给予奖补，最高不超过300万元。
2.小型购置项目。单个项目购置额在500万元以上的，按购置额的
4%给予奖补，最高不超过100万元。
以上奖补资金分两次拨付，审核通过后先拨付70%，
其余验收后拨付。

（二）外资项目落户奖励。对2139年新签约落户的外资制造业项目，
给予一次性奖励50万元。

（三）博士后引进补贴。对2139年5月1日（含）以后新引进、年龄在40周岁以下的博士后，
按每人每月2000元给予补贴。
"""


def test_parent_lead_and_closing_note_are_every_items(tmp_path: Path) -> None:
    """A heading granting nothing itself, its date window written once above its numbered
    classes, and a closing "以上…" note on payment: every class's.  Years after 2099 are years."""
    path = write(tmp_path, "指南.txt", PARENT_LEAD)
    draft = draft_guide(path)
    assert draft.document["year"] == 2140
    progs = by_title(draft)
    for name in ("大型购置项目", "小型购置项目"):
        prog = progs[name]
        windows = [t for t in prog["thresholds"] if t["op"] == "between"]
        assert [t["value"] for t in windows] == [["2139-03-01", "2139-12-31"]], name
        assert prog["first_payment"]["share"] == Decimal("0.7"), name
        assert prog["path"] == ["一、扩大投资", "（一）智能装备购置奖补"]
    assert progs["大型购置项目"]["cap"] == 300 and progs["小型购置项目"]["cap"] == 100
    # "2139年新签约": the year of the signing
    sign = [t for t in progs["外资项目落户奖励"]["thresholds"] if t["op"] == "between"]
    assert [t["value"] for t in sign] == [["2139-01-01", "2139-12-31"]]
    # "2139年5月1日（含）以后新引进、年龄在…": the day of the hiring, then the age
    post = {(t["op"], str(t["value"])) for t in progs["博士后引进补贴"]["thresholds"]}
    assert (">=", "2139-05-01") in post and ("<=", "40") in post
    assert_cited(draft, tmp_path)
    validates(draft)


OVERRIDE = """\
关于组织申报2091年度星河区服务业专项资金项目的通知

附件1

星河区促进现代服务业发展的若干措施

一、支持平台建设

（一）“上云用数”评估补贴。委托区认定机构开展“上云用数”评估的，按评估费用的50%给予补贴，
每家企业不超过2万元。年度补贴企业数量原则上控制在60家以内。

（二）英才项目资助。对入选英才计划的团队，按甲、乙两类分别给予200万元、100万元资助。
资助资金首期拨付30%，其余考核后拨付。

附件2

申报须知（综合科整理）

一、经区政府研究，2091年度“上云用数”评估补贴企业数量调整为不超过45家，其余按原政策执行。
"""


def test_a_clerks_note_changes_a_quota(tmp_path: Path) -> None:
    path = write(tmp_path, "汇编.txt", OVERRIDE)
    draft = draft_guide(path)
    progs = by_title(draft)
    prog = progs["“上云用数”评估补贴"]
    assert prog["quota"]["value"] == 45
    assert prog["quota"]["source"]["lines"] == [19, 19]
    assert any("60" in t["text"] for t in prog["todo"])
    # "资助资金首期拨付30%": the benefit's own noun names no class, the program's first payment
    talent = progs["英才项目资助"]
    assert talent["first_payment"]["share"] == Decimal("0.3")
    assert sorted(v["fixed"] for v in talent["variants"]) == [100, 200]
    assert_cited(draft, tmp_path)
    validates(draft)


def test_a_range_marked_included_at_its_lower_end_only() -> None:
    """"300万元（含）至800万元之间的，按不超过投入额的5%…": >= 300 and < 800 (the next class
    starts at 800), both own conditions, not cases of the award's rate."""
    from subsidykit.authoring import clauses

    parsed = clauses.parse_conditions([(1, "投入在300万元（含）至800万元之间的，按不超过投入额的5%予以补助。")], "g.txt")
    got = {(t["op"], str(t["value"])) for t in parsed.data["thresholds"] if not t.get("when")}
    assert (">=", "300") in got and ("<", "800") in got
    both = clauses.parse_conditions([(1, "投入在300万元（含）至800万元（含）之间的企业。")], "g.txt")
    assert [(t["op"], [str(x) for x in t["value"]]) for t in both.data["thresholds"]] == [("between", ["300", "800"])]


def test_a_funds_total_is_no_award(tmp_path: Path) -> None:
    """"市财政每年安排X资金总额800万元，用完即止": the fund's size, kept in todo, never a program
    or a variant of one."""
    text = """\
2141年度数据产业专项资金申报指南

一、数据券。支持企业购买数据服务,按实际支付费用的40%发放数据券,每家企业每年最高20万元。市财政每年安排数据券资金总额800万元,用完即止。
"""
    path = write(tmp_path, "指南.txt", text)
    draft = draft_guide(path)
    assert [p["title"] for p in draft.programs] == ["数据券"]
    prog = draft.programs[0]
    assert prog["kind"] == "rate_cap" and prog["cap"] == 20 and "variants" not in prog
    assert any("800" in t["text"] for t in prog["todo"])
    assert_cited(draft, tmp_path)
    validates(draft)


def test_listed_sums_after_one_counting_word_are_thresholds_each() -> None:
    """"营业收入首次突破3000万元、1亿元的，分别给予…": one '>=' per listed sum (a tier's bar)."""
    from subsidykit.authoring import clauses

    parsed = clauses.parse_conditions([(1, "对软件企业,营业收入首次突破3000万元、1亿元的,分别给予10万元、20万元奖励。")], "g.txt")
    got = [(t["field"], t["op"], str(t["value"])) for t in parsed.data["thresholds"]]
    assert ("营业收入", ">=", "3000") in got and ("营业收入", ">=", "10000") in got
