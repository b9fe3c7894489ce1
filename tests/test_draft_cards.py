"""Guides written as form-like cards, as a clerk fills a word processor's template: each program a
"项目名称：X" line and labelled lines under it (支持对象 / 申报条件 / 支持标准 / 支持数量 / 兑付方式 /
受理科室 + 联系电话), grouped under chapter lines.  Fragments invented for these tests."""

from __future__ import annotations

import resource
import time
from decimal import Decimal as D

from subsidykit.authoring.draft import draft_guide
from tests.test_draft_guides import assert_cited, by_title, validates, write

CARDS = """\
甲市工业和信息化局文件

关于组织申报2061年度市级产业扶持资金的通知

各区工信部门：
现将2061年度资金申报有关事项通知如下。专项资金安排9000万元。
一、申报时间
2061年4月1日至4月30日。
二、有关要求
对弄虚作假的，5年内取消申报资格。

附件：1.申报指南
      2.联系方式

附件1

甲市2061年度产业扶持资金申报指南

第一章 装备升级类

【序号1】项目名称：数控装备更新补助
政策依据：甲政发〔2060〕7号第二条
支持对象：本市规模以上制造业企业
申报条件：①2060年度新购数控设备投入不低于800万元；
②单台设备价值不低于20万元。
支持标准：按数控设备投入的7%给予补助，单个企业最高补助250万元。
支持数量：不超过12个
兑付方式：一次性兑付
受理科室：装备工业科    联系电话：0999-55501001

NO.2
事项名称:工业软件应用补贴
支持对象:购买工业软件的中小企业
申报条件:工业软件投入不低于30万元。
奖补标准:\t按软件投入的25%给予补贴，单家企业不超过15万元。
名额：不超过40家
拨付方式：免申即享，依据平台数据直接拨付。
责任科室：软件服务科
联系电话：0999-55501002

— 3 —

第二章 绿色发展类

名称：
绿色车间创建奖励（免申直达）
适用对象：新获评绿色车间的企业
认定条件：
2060年度新获评省级绿色车间。
奖补标准：
省级绿色车间奖励25万元。
支持数量：/
兑现方式：依据认定文件兑付
受理科室：节能科    联系电话：0999-55501003

项目名称：余热回收改造补助
支持对象：实施余热回收改造的企业
申报条件：①项目年节能量达到600吨标准煤以上；
②改造设备投入（不含税）不低于

— 4 —
甲市2061年度产业扶持资金申报指南

200万元。
补助标准：分类给予支持：
（1）示范改造项目。年节能量2000吨标准煤以上的，按设备投入的15%给予补助，最高不超过300万元。
（2）一般改造项目。按设备投入的10%给予补助，最高不超过80万元。
支持数量：不超过9个，其中示范改造项目不超过3个。
兑付方式：一次性兑付
受理科室：节能科    联系电话：0999-55501003

附件2

联系方式

科室\t联系人\t联系电话
装备工业科\t钱工\t0999-55501001
节能科\t吴工\t0999-55501003
"""


def test_form_cards_are_programs_with_their_chapter_as_path(tmp_path):
    draft = draft_guide(write(tmp_path, "卡片指南.txt", CARDS), year=2061)
    progs = by_title(draft)
    assert {"数控装备更新补助", "工业软件应用补贴", "绿色车间创建奖励", "余热回收改造补助",
            "示范改造项目", "一般改造项目"} <= set(progs)
    # nothing of the notice (its fund, its 5年内) nor of the 联系方式 table is a program
    assert not any("联系方式" in t or "申报时间" in t or "有关要求" in t for t in progs)
    cnc = progs["数控装备更新补助"]
    assert cnc["path"] == ["装备升级类"]
    assert (cnc["rate"], cnc["cap"], cnc["quota"]["value"]) == (D("0.07"), D("250"), D("12"))
    assert (cnc["office"], cnc["phone"]) == ("装备工业科", "0999-55501001")
    th = {(t["op"], t["value"], t["unit"]) for t in cnc["thresholds"]}
    assert (">=", D("800"), "万元") in th and (">=", D("20"), "万元") in th
    assert not cnc.get("no_application")


def test_half_width_colons_tabs_and_exempt_in_the_payment_line(tmp_path):
    draft = draft_guide(write(tmp_path, "卡片指南.txt", CARDS), year=2061)
    soft = by_title(draft)["工业软件应用补贴"]
    assert soft["path"] == ["装备升级类"]
    assert (soft["rate"], soft["cap"], soft["quota"]["value"]) == (D("0.25"), D("15"), D("40"))
    assert soft["no_application"] is True  # 免申即享 only in 拨付方式
    assert (soft["office"], soft["phone"]) == ("软件服务科", "0999-55501002")
    assert [(t["op"], t["value"]) for t in soft["thresholds"]] == [(">=", D("30"))]


def test_a_label_alone_with_its_value_on_the_next_lines(tmp_path):
    draft = draft_guide(write(tmp_path, "卡片指南.txt", CARDS), year=2061)
    green = by_title(draft)["绿色车间创建奖励"]
    assert green["path"] == ["绿色发展类"]
    assert green["no_application"] is True  # the title's （免申直达）
    assert D("25") in (green.get("fixed"), green.get("unit_amount")) or any(
        t.get("amount") == D("25") for t in green.get("tiers") or [])
    assert green["office"] == "节能科"
    # "支持数量：/" is the template's mark for a field that does not apply: nothing to do
    assert not any(t.get("text", "").strip() == "/" for t in green.get("todo") or [])


def test_sub_items_of_a_card_and_a_page_break_inside_a_condition(tmp_path):
    draft = draft_guide(write(tmp_path, "卡片指南.txt", CARDS), year=2061)
    progs = by_title(draft)
    demo, plain = progs["示范改造项目"], progs["一般改造项目"]
    assert demo["path"] == ["绿色发展类", "余热回收改造补助"] == plain["path"]
    assert (demo["rate"], demo["cap"]) == (D("0.15"), D("300"))
    assert (plain["rate"], plain["cap"]) == (D("0.1"), D("80"))
    # the page line and the running header between "不低于" and "200万元" are furniture
    found = [t for p in (progs.get("余热回收改造补助"), demo, plain) if p for t in p.get("thresholds") or []]
    assert any(t["value"] == D("200") and t["op"] == ">=" for t in found)
    assert_cited(draft, tmp_path)
    validates(draft)


def test_a_name_label_without_card_labels_after_it_is_no_card(tmp_path):
    text = """\
乙县2061年度专项资金申报指南

一、企业技改奖励
对设备投入不低于500万元的项目，按投入的5%给予奖励，最高不超过50万元。
附：申报表
项目名称：
申报单位：
联系人：
"""
    draft = draft_guide(write(tmp_path, "表单.txt", text), year=2061)
    assert set(by_title(draft)) == {"企业技改奖励"}


def test_cards_in_linear_time(tmp_path):
    card = ("【序号{n}】项目名称：第{n}号设备补助\n支持对象：企业\n申报条件：投入不低于100万元。\n"
            "支持标准：按投入的5%给予补助，最高不超过20万元。\n支持数量：/\n兑付方式：一次性兑付\n"
            "受理科室：甲科    联系电话：0999-55500000\n\n")
    body = "丙县2061年度专项资金申报指南\n\n第一章 设备类\n\n" + "".join(card.format(n=n) for n in range(1, 2501))
    long_line = "项目名称：" + "甲" * 1_000_000 + "\n支持对象：企业\n申报条件：无\n"
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, hard))
    try:
        t0 = time.monotonic()
        draft = draft_guide(write(tmp_path, "长.txt", body), year=2061)
        assert len(draft.programs) == 2500
        draft_guide(write(tmp_path, "宽.txt", "丁县2061年度专项资金申报指南\n\n" + long_line), year=2061)
        assert time.monotonic() - t0 < 120
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


TABS_AND_TAIL = """\
丙县2061年度产业政策申报指南

第一章 设备类

1.项目名称\t数控装备更新补助
支持对象\t本县制造业企业
申报条件\t新购数控设备投入不低于800万元。
补助标准\t按数控设备投入的7%给予补助，单个企业最高补助250万元。
支持数量\t不超过12个
受理科室\t装备工业科

政策名称：软件应用补贴
申报对象：中小企业
兑现条件：软件投入不低于30万元。
兑现标准：按软件投入的25%给予补贴，最高15万元。
兑现方式：首期兑付60%，验收后兑付剩余部分。
责任科室：软件科
联系电话：0999-55501002

联系方式

科室\t联系人\t联系电话
装备工业科\t钱工\t0999-55501001

请各单位于2061年5月1日前报送材料。对弄虚作假的，3年内不得申报。
"""


def test_tab_cards_other_label_words_and_what_follows_the_last_card(tmp_path):
    draft = draft_guide(write(tmp_path, "卡片.txt", TABS_AND_TAIL), year=2061)
    progs = by_title(draft)
    assert set(progs) == {"数控装备更新补助", "软件应用补贴"}
    cnc, soft = progs["数控装备更新补助"], progs["软件应用补贴"]
    assert cnc["path"] == soft["path"] == ["设备类"]
    assert (cnc["rate"], cnc["cap"], cnc["quota"]["value"], cnc["office"]) == (D("0.07"), D("250"), D("12"), "装备工业科")
    assert (soft["rate"], soft["cap"]) == (D("0.25"), D("15"))
    assert soft["first_payment"]["share"] == D("0.6")  # from its 兑现方式 field
    assert not soft.get("no_application")
    # the notice's closing paragraph is no condition of the last card
    for p in progs.values():
        assert all(t["value"] != D("3") for t in p.get("thresholds") or [])
        assert all(t["value"] != "2061-05-01" for t in p.get("thresholds") or [])
    assert_cited(draft, tmp_path)
    validates(draft)


ALIGNED = """\
戊县2061年度产业政策申报指南

第三章 服务业类

序号：7
名　　称：物流降本补贴
支持对象：本县物流企业
申报条件：年度营业收入不低于3000万元。
支持标准：按年度运输费用的3%给予补贴，单家企业最高不超过40万元。
名　　额：不超过25家      兑付方式：免申即享
受理科室：服务业科      联系电话：0999-55501007
"""


def test_spaced_labels_and_two_fields_on_one_line(tmp_path):
    draft = draft_guide(write(tmp_path, "卡片.txt", ALIGNED), year=2061)
    progs = by_title(draft)
    assert set(progs) == {"物流降本补贴"}
    p = progs["物流降本补贴"]
    assert p["path"] == ["服务业类"]
    assert (p["rate"], p["cap"], p["quota"]["value"]) == (D("0.03"), D("40"), D("25"))
    assert p["no_application"] is True  # 免申即享 in the 兑付方式 that shares the 名额 line
    assert (p["office"], p["phone"]) == ("服务业科", "0999-55501007")
    assert [(t["op"], t["value"]) for t in p["thresholds"]] == [(">=", D("3000"))]
    assert_cited(draft, tmp_path)
    validates(draft)


NUMBERED = """\
己县2061年度产业政策申报指南

（一）项目名称：厂房租金补贴
支持对象：新落户的制造业企业
申报条件：租用标准厂房面积不低于2000平方米。
支持标准：按实际租金的20%给予补贴，最高不超过30万元。
支持数量：全年安排补贴企业60家

（二）项目名称：检验检测服务补助
支持对象：中小企业
申报条件：购买检验检测服务费用不低于5万元。
支持标准：按服务费用的40%给予补助，最高不超过8万元。
支持数量：不超过30家，其中对专精特新企业单列10家。
"""


def test_cards_numbered_in_brackets_and_quota_wordings(tmp_path):
    draft = draft_guide(write(tmp_path, "卡片.txt", NUMBERED), year=2061)
    progs = by_title(draft)
    assert set(progs) == {"厂房租金补贴", "检验检测服务补助"}
    assert progs["厂房租金补贴"]["quota"]["value"] == D("60")  # "安排补贴企业60家"
    assert progs["检验检测服务补助"]["quota"]["value"] == D("30")
    assert_cited(draft, tmp_path)
    validates(draft)


def test_the_year_of_a_publication_or_a_grant_is_a_window(tmp_path):
    text = """\
庚县2061年度产业政策申报指南

项目名称：团体标准奖励
支持对象：主导制定团体标准的企业
申报条件：①2060年度发布的团体标准；
②2060年度新授权的发明专利。
支持标准：每项奖励3万元。
"""
    draft = draft_guide(write(tmp_path, "卡片.txt", text), year=2061)
    th = by_title(draft)["团体标准奖励"]["thresholds"]
    windows = [t for t in th if t["op"] == "between" and t["value"] == ["2060-01-01", "2060-12-31"]]
    assert len(windows) == 2
    assert_cited(draft, tmp_path)


def test_two_rates_for_named_cases_side_by_side_are_variants(tmp_path):
    text = """\
辛县2061年度产业政策申报指南

项目名称：厂房建设奖励
支持对象：新建或扩建厂房的企业
申报条件：厂房建筑面积不低于5000平方米。
支持标准：对新建厂房按建设投资的4%给予奖励，对扩建厂房按建设投资的2%给予奖励，单个项目最高不超过120万元。
"""
    draft = draft_guide(write(tmp_path, "卡片.txt", text), year=2061)
    p = by_title(draft)["厂房建设奖励"]
    rates = {v["name"]: v["rate"] for v in p["variants"]}
    assert rates == {"新建厂房": D("0.04"), "扩建厂房": D("0.02")}
    # "单个项目最高不超过120万元" after both cases: the program's limit, not a third case
    assert p["cap"] == D("120") and len(p["variants"]) == 2
    assert_cited(draft, tmp_path)
    validates(draft)


def test_a_chapter_line_ends_the_card_above_it(tmp_path):
    text = """\
壬县2061年度产业政策申报指南

第一章 设备类

项目名称：设备更新补助
支持对象：制造业企业
申报条件：设备投入不低于300万元。
支持标准：按设备投入的6%给予补助，最高不超过90万元。

第二章 人才类

本章各项政策的资金总额不超过2000万元，对获评省级以上荣誉的人才另按有关规定给予奖励50万元。

项目名称：技能人才补贴
支持对象：规模以上工业企业
申报条件：新引进高级技工不少于10人。
支持标准：每人补贴0.5万元，单家企业最高不超过20万元。
"""
    draft = draft_guide(write(tmp_path, "卡片.txt", text), year=2061)
    progs = by_title(draft)
    assert set(progs) == {"设备更新补助", "技能人才补贴"}
    dev = progs["设备更新补助"]
    assert (dev["rate"], dev["cap"]) == (D("0.06"), D("90"))
    assert dev["path"] == ["设备类"] and progs["技能人才补贴"]["path"] == ["人才类"]
    # the chapter's opening words are no part of the card above it
    assert "2000" not in str(dev) and "50" not in str(dev.get("todo", ""))
    assert_cited(draft, tmp_path)
