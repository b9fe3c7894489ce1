"""The drafter on a city's policy with its 实施细则 (articles, then rules that detail them "（对应第N
条）"), on a provincial 附表 of places per 设区市, and on a program whose numbered items are classes
with their own awards (issue 17); and the rules counting a limit for one named city.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.draft import draft_guide

POLICY = """\
示范市人民政府关于印发《示范市促进制造业发展若干政策》的通知
各县（市、区）人民政府：现将《若干政策》印发给你们，请认真贯彻执行。
示范市促进制造业发展若干政策
一、扩大有效投资
第一条 支持技术改造。对设备投资额2000万元以上的技术改造项目，按设备购置额的9%给予补助，最高800万元。
第二条 鼓励企业上规模。
（一）小升规奖励。对首次纳入规模以上工业统计的企业，给予每家8万元奖励。
(二)技改贴息.对企业技术改造项目贷款，按实际支付利息的40%给予贴息，单户每年不超过60万元。
二、强化要素支撑保障
第三条 支持公共服务平台建设。对新认定的国家级、省级中小企业公共服务示范平台，按等级分别给予一次性奖励。
第四条 鼓励企业参加展会。对企业参加市统一组织的重点展会，按展位费的40%给予补贴，单个企业每年不超过15万元。
第五条 本政策由市工业和信息化局负责解释，自2055年1月1日起施行。
示范市促进制造业发展若干政策实施细则
一、申报主体基本条件
申报企业应在本市依法登记注册，正常经营2年以上。
二、条款细则
（一）技术改造补助（对应第一条）
1.项目于2054年1月1日（含）至2054年12月31日（含）期间竣工。
2.支持数量：2055年度不超过12个。
3.兑现方式：项目竣工验收后先行拨付70%，绩效评价后拨付剩余资金。
（二）技改贴息（对应第二条第（二）项）
贷款须为2054年度内发放，单笔贷款金额不低于300万元。
（三）公共服务平台奖励（对应第三条）
国家级中小企业公共服务示范平台奖励40万元，省级中小企业公共服务示范平台奖励15万元。
"""


def test_rules_that_detail_articles_are_read_into_the_articles_programs(tmp_path):
    path = write(tmp_path, "guide_2055.txt", POLICY)
    d = draft_guide(path, year=2055)
    progs = by_title(d)
    # the articles are the programs; the detail adds what they left out, cited at its lines
    tech = progs["支持技术改造"]
    assert (tech["rate"], tech["cap"]) == (D("0.09"), D("800"))
    assert tech["quota"]["value"] == D("12") and tech["quota"]["source"]["lines"] == [19, 19]
    assert tech["first_payment"]["share"] == D("0.7") and tech["first_payment"]["source"]["lines"] == [20, 20]
    assert any(t["op"] == "between" and t["value"] == ["2054-01-01", "2054-12-31"] for t in tech["thresholds"])
    assert "实施细则" in tech["note"]
    # "(二)技改贴息." (half-width) is an item of its own; its detail ("对应第二条第（二）项") is its
    loan = progs["技改贴息"]
    assert (loan["rate"], loan["cap"]) == (D("0.4"), D("60"))
    assert any(t["value"] == D("300") and t["op"] == ">=" for t in loan["thresholds"])
    assert not any(t.get("value") == D("300") for t in progs["小升规奖励"].get("thresholds") or [])
    # an article promising money without a sum is a program; its tiers stand in the detail
    platform = progs["支持公共服务平台建设"]
    assert sorted(v["fixed"] for v in platform["variants"]) == [D("15"), D("40")]
    # a chapter named "强化要素支撑保障" is no procedure: its articles are programs
    fair = progs["鼓励企业参加展会"]
    assert (fair["rate"], fair["cap"]) == (D("0.4"), D("15"))
    # the detail items are not programs of their own; the interpretation article is none
    assert not any("对应" in t for t in progs) and "本政策由市工业和信息化局负责解释" not in progs
    assert_cited(d, tmp_path)
    validates(d)


PROVINCE = """\
2056年度省数字化转型专项资金项目申报指南
一、支持方向
（一）数字化转型服务券项目
对购买数字化转型服务的中小企业，按服务合同金额的50%给予补助，每家最高10万元。名额分配见附表。
（二）平台应用诊断项目
为企业提供免费诊断服务，按每家企业2万元标准购买服务。名额分配见附表。
（三）工业设计成果产业化项目
支持工业设计大赛获奖作品产业化。申报作品须于2054年1月1日（含）至2055年12月31日（含）期间获奖。按获奖等次分两类支持：
（1）金奖成果产业化。获得金奖的作品，产业化产品2055年度销售收入达到800万元的，给予一次性奖励60万元。
（2）银奖成果产业化。获得银奖的作品，产业化产品2055年度销售收入300万元以上的，给予一次性奖励25万元。
申报主体为获奖作品的设计和生产企业。支持数量合计不超过12个，其中金奖成果产业化不超过4个。
附表
2056年度数字化转型服务券和平台应用诊断名额分配表
单位：家
序号    设区市    数字化转型服务券    平台应用诊断        备注
                  企业名额          企业名额
1       南京市    150               60
2       无锡市    140               50
3       徐州市    90                40
4       常州市    110               45
5       苏州市    210               80              含工业园区
6       南通市    100               40
       合  计    800               315
"""


def test_a_table_of_places_per_city_gives_each_program_its_city_limits(tmp_path):
    path = write(tmp_path, "guide_2056.txt", PROVINCE)
    d = draft_guide(path, year=2056)
    progs = by_title(d)
    vouchers = {lim["scope"]: lim["value"] for lim in progs["数字化转型服务券项目"]["city_limits"]}
    assert vouchers == {"南京市": D("150"), "无锡市": D("140"), "徐州市": D("90"), "常州市": D("110"), "苏州市": D("210"), "南通市": D("100")}
    diagnosis = {lim["scope"]: lim["value"] for lim in progs["平台应用诊断项目"]["city_limits"]}
    assert diagnosis["南京市"] == D("60") and diagnosis["苏州市"] == D("80") and len(diagnosis) == 6
    nj = next(lim for lim in progs["平台应用诊断项目"]["city_limits"] if lim["scope"] == "南京市")
    assert nj["source"]["lines"] == [17, 17]
    # the total row is no city
    assert not any("合" in lim["scope"] for p in d.programs for lim in p.get("city_limits") or [])
    assert_cited(d, tmp_path)
    validates(d)


def test_numbered_classes_with_their_own_awards_are_programs_under_their_program(tmp_path):
    path = write(tmp_path, "guide_2056.txt", PROVINCE)
    d = draft_guide(path, year=2056)
    progs = by_title(d)
    gold, silver = progs["金奖成果产业化"], progs["银奖成果产业化"]
    assert (gold["kind"], gold["fixed"]) == ("fixed", D("60"))
    assert (silver["kind"], silver["fixed"]) == ("fixed", D("25"))
    assert gold["path"][-1].endswith("工业设计成果产业化项目") and silver["path"] == gold["path"]
    # the shared window before the items is each item's condition
    for prog in (gold, silver):
        assert any(t["op"] == "between" and t["value"] == ["2054-01-01", "2055-12-31"] for t in prog["thresholds"])
    # the shared quota's named part is the gold item's; the silver item's is not written
    assert gold["quota"]["value"] == D("4")
    assert "quota" not in silver
    assert any(t["value"] == D("800") for t in gold["thresholds"])
    assert_cited(d, tmp_path)


def test_a_limit_for_one_named_city_counts_that_city_only():
    from subsidykit.rules.batch import city_counts, limit_city

    nj = SimpleNamespace(scope="南京市", value=D("1"), label="服务券：南京市1", shared_with=[], source=None)
    each = SimpleNamespace(scope="每个设区市", value=D("2"), label="每个设区市限报2个", shared_with=[], source=None)
    assert limit_city(nj) == "南京市" and limit_city(each) is None
    # the city however its scope is written: short, with a remark of what it includes
    for scope in ("南京", "南京市（含江北新区）", "南 京 市", "南京市(包括江北新区)"):
        assert limit_city(SimpleNamespace(scope=scope, value=D("1"), label="", shared_with=[], source=None)) == "南京市"
    assert limit_city(SimpleNamespace(scope="各设区市", value=D("1"), label="", shared_with=[], source=None)) is None
    prog = SimpleNamespace(id="2056-x", year=2056, title="服务券", variants=[], city_limits=[nj, each])
    batch = [(f"f{i}.xlsx", SimpleNamespace(program="2056-x", variant=None, city=city))
             for i, city in enumerate(["南京市", "南京市", "苏州市", None])]
    counts = city_counts(batch, None, programs=[prog])
    by = {(c.limit.scope, c.city): c.count for c in counts}
    # the Nanjing limit counts Nanjing's two only (and lists the one whose city is unknown)
    assert by[("南京市", "南京市")] == 2 and ("南京市", "苏州市") not in by and by[("南京市", None)] == 1
    assert [c.exceeded for c in counts if c.limit is nj and c.city == "南京市"] == [True]
    # the limit for every city counts each city
    assert by[("每个设区市", "南京市")] == 2 and by[("每个设区市", "苏州市")] == 1


RULES_AND_GUIDE = """\
示范县工业企业发展奖励办法
第一章 总则
第一条 为促进工业发展，制定本办法。
第二章 奖励措施
第二条 对企业技术改造按下列标准给予奖励：
（一）重大技改项目。设备投资额3000万元以上的，按设备投资额的8%给予奖励，最高300万元。
（二）一般技改项目。设备投资额500万元以上的，按设备投资额的6%给予奖励，最高100万元。
第三条 对新获评省级智能工厂的企业，一次性奖励60万元。
第三章 附则
第四条 本办法自2071年1月1日起施行。
示范县工业企业发展奖励2071年度申报指南
一、分条款申报要求
第二条第（一）项：支持数量不超过6个，项目须于2070年1月1日（含）至2070年12月31日（含）期间竣工投产。
第二条第（二）项：支持数量不超过20个。
第三条：免申即享，奖励对象为2070年度新获评的企业。
"""


def test_articles_named_again_in_an_attached_guide_are_read_into_their_programs(tmp_path):
    path = write(tmp_path, "guide_2071.txt", RULES_AND_GUIDE)
    d = draft_guide(path, year=2071)
    progs = by_title(d)
    major, general = progs["重大技改项目"], progs["一般技改项目"]
    assert (major["rate"], major["cap"]) == (D("0.08"), D("300"))
    assert major["quota"]["value"] == D("6") and major["quota"]["source"]["lines"] == [13, 13]
    assert any(t["op"] == "between" and t["value"] == ["2070-01-01", "2070-12-31"] for t in major["thresholds"])
    assert general["quota"]["value"] == D("20")
    assert not any(t.get("op") == "between" for t in general.get("thresholds") or [])
    assert "第二条" not in " ".join(progs) and len(d.programs) == 3
    assert_cited(d, tmp_path)
    validates(d)
