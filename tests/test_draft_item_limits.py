"""The drafter (issue 17) on limits a program's items share, said before or after the items.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import by_title, drafted

from subsidykit.authoring.clauses import parse_award

HEAD = "2097年度示范市创新产品推广专项资金申报指南\n\n一、推广应用\n\n"


def test_a_cumulative_limit_said_before_the_items_rule_leaves_the_rule_whole():
    p = parse_award([(11, "补助标准。分类核定，同一用户单位年度累计补助不超过250万元："),
                     (12, "（1）首台装备。按不超过采购合同金额的15%给予补助，单台补助不超过120万元。")], "g.txt")
    # the item's rule: 15% of the contract, at most 120 万元; the 250 万元 a limit over the items
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.15"), D("120"))
    assert [v["cap"] for v in p.data["variants"]] == [D("250")]


def test_the_same_limit_after_the_rule_reads_the_same():
    p = parse_award([(11, "按不超过采购合同金额的15%给予补助，单台补助不超过120万元，同一用户单位年度累计补助不超过250万元。")], "g.txt")
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.15"), D("120"))
    assert [v["cap"] for v in p.data["variants"]] == [D("250")]


def test_items_of_a_program_under_a_shared_limit_each_keep_their_rate_and_cap(tmp_path):
    body = ("（一）创新产品推广奖励\n\n"
            "1.支持条件。采购合同于2096年1月1日（含）至2096年12月31日（含）期间签订。\n\n"
            "2.补助标准。按产品类别分别核定，同一用户单位年度累计获得补助不超过250万元：\n\n"
            "（1）首台装备推广。按不超过采购合同金额的15%给予补助，单台补助不超过120万元。\n\n"
            "（2）首版软件推广。按采购合同金额的25%给予补助，单个软件封顶40万元。\n\n"
            "3.支持数量。不超过20个。\n")
    progs = by_title(drafted(tmp_path, HEAD + body, 2097))
    first, second = progs["首台装备推广"], progs["首版软件推广"]
    assert (first["kind"], first["rate"], first["cap"]) == ("rate_cap", D("0.15"), D("120"))
    assert (second["kind"], second["rate"], second["cap"]) == ("rate_cap", D("0.25"), D("40"))
    assert progs["创新产品推广奖励"]["cap"] == D("250")


def test_a_bands_high_end_is_never_paid():
    # a band table flattened into one sentence: "3000万元（含）—1亿元" is who is awarded; the
    # 1亿元 after the dash must not become a fixed award of 10000 万元
    p = parse_award([(11, "对营业收入较上年增长15%以上的企业，按营业收入分档给予奖励：档次认定条件奖励标准一档营业收入3000万元（含）—1亿元4万元二档营业收入1亿元（含）—3亿元8万元")], "g.txt")
    drafted = [v for k, v in p.data.items() if k in ("fixed", "cap")] + [
        v.get("fixed") for v in p.data.get("variants") or []]
    assert D("10000") not in drafted and D("30000") not in drafted


def test_a_floor_said_after_the_award_is_a_condition_never_an_amount():
    # "…须达到80万元": the applicant's turnover, not a fixed award of 80 万元
    p = parse_award([(11, "按年度场内实际成交额的4%给予奖励，单个企业最高不超过40万元；单个企业年度场内累计成交额须达到80万元。")], "g.txt")
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.04"), D("40"))
    assert "fixed" not in p.data and not p.data.get("variants")


def test_the_most_an_award_can_reach_is_still_its_cap():
    p = parse_award([(11, "对新获评的单项冠军企业给予奖励，奖励资金最高可达300万元。")], "g.txt")
    assert p.data.get("cap") == D("300")


def test_the_size_of_a_pool_used_until_it_runs_out_is_no_ones_cap():
    p = parse_award([(11, "按服务合同金额的30%使用服务券抵扣，每家企业每年抵扣额度不超过15万元。服务券年度发放总额不超过600万元，额度用完即止。")], "g.txt")
    assert (p.data["rate"], p.data["cap"]) == (D("0.3"), D("15"))
    assert D("600") not in [v.get("cap") for v in p.data.get("variants") or []]


def test_classes_with_short_names_or_named_by_kind_are_programs_of_their_own(tmp_path):
    # "（2）换电站。" (a three-character class) and "（2）研发攻关类。" (a class named by its kind,
    # not a grade like "一类" or "省级")
    body = ("（一）充换电设施建设项目\n\n1.支持条件。2096年度建成投运。\n\n2.补助标准：\n\n"
            "（1）公共快充站。按额定输出功率每千瓦150元给予建设补助，单站最高不超过40万元。\n\n"
            "（2）换电站。每座换电站给予一次性建设补助45万元。\n\n"
            "（二）企业能力提升项目\n\n1.补助标准：分以下两类予以支持。\n\n"
            "（1）数字化改造类。按软硬件投入的12%予以补助，最高补助60万元。\n\n"
            "（2）研发攻关类。按研发费用增量部分的8%予以补助，单个企业最高不超过25万元。\n")
    progs = by_title(drafted(tmp_path, HEAD + body, 2097))
    assert progs["换电站"]["fixed"] == D("45")
    assert (progs["公共快充站"]["unit_amount"], progs["公共快充站"]["cap"]) == (D("0.015"), D("40"))
    assert (progs["研发攻关类"]["rate"], progs["研发攻关类"]["cap"]) == (D("0.08"), D("25"))
    assert (progs["数字化改造类"]["rate"], progs["数字化改造类"]["cap"]) == (D("0.12"), D("60"))
