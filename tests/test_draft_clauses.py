"""The clause parsers of the drafter (issue 17): subsidykit/authoring/clauses.py.

Three kinds of tests:

* fragments written here (not copied from the seeds: other wordings, full-/half-width mixed,
  numbers broken across lines or by a page number, spaces inside numbers, 亿/万/元, （含）,
  以上/超过/不低于/不满), each asserting the exact data and that every `source` passes the
  catalog's own citation check (`catalog.sources.quote_problem`) against the fragment written
  to a file;
* real clauses of the seed guides, cited by file and lines, with the values the hand catalog
  (subsidykit/catalog/data) gives them;
* a property: over every stretch of the seed guides, every number the parsers write stands in
  its own quote (after unit conversion) and every quote stands at its lines.

Values are what `yaml.safe_load` of a hand entry gives after the schema: amounts Decimal 万元,
rates and shares Decimal fractions (Decimal("0.1") for 10%, never "0.10"), dates ISO strings,
yes/no booleans.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from subsidykit.authoring.clauses import Parsed, parse_award, parse_conditions, parse_quota, split_sentences
from subsidykit.catalog import Source
from subsidykit.catalog.sources import quote_problem, seeds_dir

D = Decimal
FILE = "guide.txt"


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------
def section(text: str, first: int = 1) -> list[tuple[int, str]]:
    return [(first + i, line) for i, line in enumerate(text.split("\n"))]


def sources(obj):
    """Every {file, lines, text} in a parse result (data and todo)."""
    if isinstance(obj, dict):
        if {"file", "lines", "text"} <= set(obj):
            yield obj
        for v in obj.values():
            yield from sources(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from sources(v)


_CALLS = iter(range(1_000_000))


def cited(parsed: Parsed, text: str, tmp_path: Path, first: int = 1) -> Parsed:
    """Write the fragment as the guide file and check every citation of the parse against it
    (a directory of its own each time: the check caches files by path)."""
    tmp_path = tmp_path / f"f{next(_CALLS)}"
    tmp_path.mkdir()
    (tmp_path / FILE).write_text("\n" * (first - 1) + text + "\n", encoding="utf-8")
    for src in sources(parsed.data):
        problem = quote_problem(Source(file=src["file"], lines=tuple(src["lines"]), text=src["text"]), root=tmp_path)
        assert problem is None, problem
    for item in [*parsed.todo, *parsed.sub_quotas]:
        src = item.get("source") or {"file": FILE, "lines": item["lines"], "text": item["text"]}
        problem = quote_problem(Source(file=FILE, lines=tuple(src["lines"]), text=src["text"]), root=tmp_path)
        assert problem is None, problem
    return parsed


def award(text: str, tmp_path: Path, first: int = 1) -> Parsed:
    return cited(parse_award(section(text, first), FILE), text, tmp_path, first)


def conditions(text: str, tmp_path: Path, first: int = 1) -> Parsed:
    return cited(parse_conditions(section(text, first), FILE), text, tmp_path, first)


def quota(text: str, tmp_path: Path, first: int = 1) -> Parsed:
    return cited(parse_quota(section(text, first), FILE), text, tmp_path, first)


def src(a: int, b: int, text: str, note: str | None = None) -> dict:
    out = {"file": FILE, "lines": [a, b], "text": text}
    if note:
        out["note"] = note
    return out


def bare(obj):
    """The data without sources, labels and notes: the numbers and words a reviewer signs."""
    if isinstance(obj, dict):
        return {k: bare(v) for k, v in obj.items() if k not in ("source", "label", "note")}
    if isinstance(obj, list):
        return [bare(v) for v in obj]
    return obj


def thresholds(parsed: Parsed) -> list[tuple]:
    return [(t["field"], t["op"], t["value"], t["unit"]) for t in parsed.data.get("thresholds", [])]


# ------------------------------------------------------------------------------------------
# award clauses: fragments
# ------------------------------------------------------------------------------------------
def test_rate_and_cap_full_width_spaces_and_a_number_broken_across_lines(tmp_path):
    text = "（二）补助标准。按不超过项目总投资额的 1 5％予以补助，单个项目支持额度最高不超过2\n000万元。"
    p = award(text, tmp_path)
    assert p.data == {
        "kind": "rate_cap",
        "rate": D("0.15"),
        "base": "项目总投资额",
        "cap": D("2000"),
        "source": src(1, 2, "按不超过项目总投资额的15％予以补助，单个项目支持额度最高不超过2000万元。"),
    }
    assert str(p.data["rate"]) == "0.15" and str(p.data["cap"]) == "2000"
    assert p.todo == []


def test_cap_in_yi_yuan_first_payment_over_a_page_number_and_half_width_punctuation(tmp_path):
    text = "补助标准:按照不超过项目设备投资额的15%给予补助,单个企业最高补助1.5亿元;首次拨付补助资金的\n— 12 —\n60%。"
    p = award(text, tmp_path)
    assert p.data == {
        "kind": "rate_cap",
        "rate": D("0.15"),
        "base": "项目设备投资额",
        "cap": D("15000"),
        "source": src(1, 1, "按照不超过项目设备投资额的15%给予补助,单个企业最高补助1.5亿元;"),
        "first_payment": {"share": D("0.6"), "source": src(1, 3, "首次拨付补助资金的……60%。")},
        "note": "1.5亿元 = 15000万元",
    }


def test_full_width_digits_and_percent(tmp_path):
    p = award("按不超过项目总投入的１０％予以补助，最高不超过２０００万元。", tmp_path)
    assert bare(p.data) == {"kind": "rate_cap", "rate": D("0.1"), "base": "项目总投入", "cap": D("2000")}
    assert p.data["source"]["text"] == "按不超过项目总投入的１０％予以补助，最高不超过２０００万元。"


def test_a_general_rule_with_a_named_exception_is_the_program_with_a_variant(tmp_path):
    text = "按不超过项目投入总额的20%予以补助，单个项目支持额度最高不超过300万元。承担省重点任务的公益类服务平台，按实际支出予以补助。"
    p = award(text, tmp_path)
    assert bare(p.data) == {
        "kind": "rate_cap", "rate": D("0.2"), "base": "项目投入总额", "cap": D("300"),
        "variants": [{"name": "承担省重点任务的公益类服务平台", "kind": "actual_cost", "base": "实际支出"}],
    }


def test_wan_without_yuan_is_wan_yuan_with_a_note_and_yiban_is_noted(tmp_path):
    p = award("按一般不超过研发投入的25%予以补助，最高不超过800万。", tmp_path)
    assert bare(p.data) == {"kind": "rate_cap", "rate": D("0.25"), "base": "研发投入", "cap": D("800")}
    assert "“一般不超过”" in p.data["note"] and "原文“800万”未写“元”，按万元读。" in p.data["note"]


def test_fixed_amount_and_first_payment_as_an_amount(tmp_path):
    text = "对入选企业给予一次性奖励50万元，首次拨付20万元，验收通过后拨付剩余资金。"
    p = award(text, tmp_path)
    assert p.data == {
        "kind": "fixed",
        "fixed": D("50"),
        "source": src(1, 1, text),
        "first_payment": {"amount": D("20"), "source": src(1, 1, "首次拨付20万元，验收通过后拨付剩余资金。")},
    }


def test_per_unit_in_yuan_per_month_with_its_duration_noted(tmp_path):
    p = award("对全职引进的人才，连续2年每月给予3000元生活补贴。", tmp_path)
    assert bare(p.data) == {"kind": "per_unit", "unit_amount": D("0.3"), "unit": "月"}
    assert "3000元 = 0.3万元" in p.data["note"] and "连续2年" in p.data["note"]


def test_fixed_per_item_and_per_unit_per_head(tmp_path):
    p = award("对每家入选企业予以 300 万元定额奖励。", tmp_path)
    assert bare(p.data) == {"kind": "fixed", "fixed": D("300"), "per": "企业"}
    p = award("按每人500元标准给予引才奖励。", tmp_path)
    assert bare(p.data) == {"kind": "per_unit", "unit_amount": D("0.05"), "unit": "人"}


def test_per_unit_with_a_cap_per_enterprise_and_other_rate_wordings(tmp_path):
    p = award("奖励标准为每台（套）50万元，单个企业年度奖励不超过300万元。", tmp_path)
    assert bare(p.data) == {"kind": "per_unit", "unit_amount": D("50"), "unit": "台套", "cap": D("300")}
    p = award("贴息比例为贷款利息的50%，最高不超过200万元。", tmp_path)
    assert bare(p.data) == {"kind": "rate_cap", "rate": D("0.5"), "base": "贷款利息", "cap": D("200")}
    p = award("给予最高不超过项目投资额10%的补助，最多不超过1000万元。", tmp_path)
    assert bare(p.data) == {"kind": "rate_cap", "rate": D("0.1"), "base": "项目投资额", "cap": D("1000")}


def test_two_tiers_in_one_clause(tmp_path):
    p = award("对省级示范企业奖励30万元、国家级示范企业奖励50万元。", tmp_path)
    assert [(v["name"], v["fixed"], v["source"]["text"]) for v in p.data["variants"]] == [
        ("省级示范企业", D("30"), "对省级示范企业奖励30万元"),
        ("国家级示范企业", D("50"), "国家级示范企业奖励50万元。"),
    ]


def test_cap_only_per_item(tmp_path):
    p = award("单个装备支持额度最高不超过150万元。", tmp_path)
    assert p.data == {"kind": "cap_only", "cap": D("150"), "per": "装备", "source": src(1, 1, "单个装备支持额度最高不超过150万元。")}


def test_tiers_by_level_are_variants_named_by_their_words(tmp_path):
    text = "对获得国家级专精特新“小巨人”称号的企业，给予一次性奖励200万元；\n对获得省级称号的企业，给予一次性奖励50万元。"
    p = award(text, tmp_path)
    assert p.data["kind"] == "tiered"
    assert [bare(v) for v in p.data["variants"]] == [
        {"name": "获得国家级专精特新“小巨人”称号的企业", "kind": "fixed", "fixed": D("200")},
        {"name": "获得省级称号的企业", "kind": "fixed", "fixed": D("50")},
    ]
    assert p.data["variants"][1]["source"] == src(2, 2, "对获得省级称号的企业，给予一次性奖励50万元。")


def test_tiers_by_kind_with_a_lead_in_that_qualifies_each(tmp_path):
    text = "委托生产的，一类产品每个奖励不超过300万元，二类产品每个奖励不超过 120 万元。"
    p = award(text, tmp_path)
    assert [bare(v) for v in p.data["variants"]] == [
        {"name": "一类产品（委托生产）", "kind": "per_unit", "unit_amount": D("300"), "unit": "个"},
        {"name": "二类产品（委托生产）", "kind": "per_unit", "unit_amount": D("120"), "unit": "个"},
    ]


def test_a_named_sub_program_per_clause_with_its_own_first_payment(tmp_path):
    text = (
        "(1)区域节点项目，单个项目补助300万元，首次拨付80万元，验收后拨付剩余资金；\n"
        "(2)行业平台项目，按不超过项目总投入的25%予以补助，单个项目支持额度最高不超过1500万元，"
        "首次拨付补助资金总额的40%。"
    )
    p = award(text, tmp_path)
    assert [bare(v) for v in p.data["variants"]] == [
        {"name": "区域节点项目", "kind": "fixed", "fixed": D("300"), "first_payment": {"amount": D("80")}},
        {"name": "行业平台项目", "kind": "rate_cap", "rate": D("0.25"), "base": "项目总投入", "cap": D("1500"), "first_payment": {"share": D("0.4")}},
    ]


def test_list_of_tiers_with_a_rate(tmp_path):
    p = award("单个服务商补助额分为 150、250、400 万元三档，且支持比例不超过已完成合同金额的15%。", tmp_path)
    assert p.data["kind"] == "tiered"
    assert [bare(v) for v in p.data["variants"]] == [
        {"name": f"{n}万元档", "kind": "rate_cap", "rate": D("0.15"), "cap": D(n), "base": "已完成合同金额"} for n in ("150", "250", "400")
    ]


def test_two_stages_with_a_total_cap(tmp_path):
    text = (
        "每个基地安排补助资金总额不超过1000万元，分两期拨付。一期资金按照建设投入的30%安排，最高不超过600万元，\n"
        "二期资金在验收通过后根据绩效安排，最高不超过400万元。"
    )
    p = award(text, tmp_path)
    assert bare(p.data) == {
        "kind": "two_stage",
        "cap": D("1000"),
        "stages": [
            {"name": "一期", "base": "建设投入", "rate": D("0.3"), "cap": D("600")},
            {"name": "二期", "cap": D("400")},
        ],
    }
    assert p.data["source"] == src(1, 1, "每个基地安排补助资金总额不超过1000万元，分两期拨付。")
    assert p.data["stages"][1]["source"] == src(2, 2, "二期资金在验收通过后根据绩效安排，最高不超过400万元。")
    assert "不能由申报材料算出" in p.data["stages"][1]["note"]


def test_combined_parts_share_one_cap(tmp_path):
    p = award("按不超过智能化改造投入的15%、不超过贷款利息的50%予以补助，两者合计单个项目最高不超过800万元。", tmp_path)
    assert bare(p.data) == {
        "kind": "combined",
        "components": [
            {"name": "智能化改造投入补助", "base": "智能化改造投入", "rate": D("0.15")},
            {"name": "贷款贴息", "base": "贷款利息", "rate": D("0.5")},
        ],
        "cap": D("800"),
    }


def test_interest_subsidy_without_a_share_and_equipment_subsidy_under_one_total(tmp_path):
    text = (
        "对经银行确认的企业实际支付的项目贷款利息，按不超过同期LPR的利率水平给予贴息；\n"
        "对2023年1月1日(含)至2023年12月31日(含)期间企业购置设备的发票金额(不含税)，按照不超过8%的比例给予补助。\n"
        "单个项目的贴息和补助金额合计不超过1500万元。"
    )
    p = award(text, tmp_path)
    assert bare(p.data) == {
        "kind": "combined",
        "cap": D("1500"),
        "components": [
            {"name": "贷款贴息", "base": "经银行确认的企业实际支付的项目贷款利息"},
            {"name": "设备补助", "base": "企业购置设备的发票金额(不含税)", "rate": D("0.08")},
        ],
        "thresholds": [{"field": "购置日期", "op": "between", "value": ["2023-01-01", "2023-12-31"], "unit": "日期"}],
    }
    assert p.todo == []


def test_actual_cost_with_a_cap_and_a_first_share_of_the_budget(tmp_path):
    text = "按符合规定的实际支出予以补助，最高不超过200万元。首次按核定预算的40%予以补助，验收后拨付剩余资金。"
    p = award(text, tmp_path)
    assert bare(p.data) == {"kind": "actual_cost", "base": "符合规定的实际支出", "cap": D("200"), "first_payment": {"share": D("0.4")}}


def test_a_condition_inside_the_award_clause_is_a_threshold(tmp_path):
    p = award("对已获省级资金支持不满2000万元的，给予不超过600万元的补助。", tmp_path)
    assert bare(p.data) == {
        "kind": "cap_only",
        "cap": D("600"),
        "thresholds": [{"field": "已获省级资金支持", "op": "<", "value": D("2000"), "unit": "万元"}],
    }


@pytest.mark.parametrize(
    "text, kind",
    [
        ("具体方案另行通知。", "none"),
        ("具体优惠以当年申报通知为准", "none"),
        ("对考核优秀的服务商给予一定补助。", "none"),
        ("授予“绿色工厂”荣誉称号。", "recognition"),
        ("列入《节能装备推荐目录》。", "recognition"),
    ],
)
def test_no_amount(text, kind, tmp_path):
    p = award(text, tmp_path)
    assert p.data["kind"] == kind and p.data["source"] == src(1, 1, text)
    assert not any(k in p.data for k in ("rate", "cap", "fixed", "unit_amount"))
    assert p.todo == []


def test_sentences_not_read_are_todo_and_read_ones_are_not(tmp_path):
    text = "按注册证书类别和数量给予一次性奖励。单个产品支持额度最高不超过200万元。同一通用名称奖励一次。"
    p = award(text, tmp_path)
    assert bare(p.data) == {"kind": "cap_only", "cap": D("200"), "per": "产品"}
    assert p.todo == [
        {"lines": [1, 1], "text": "按注册证书类别和数量给予一次性奖励。"},
        {"lines": [1, 1], "text": "同一通用名称奖励一次。"},
    ]


def test_the_heading_of_a_section_is_not_a_todo(tmp_path):
    p = award("2. 补助标准。\n按不超过项目总投入的10%予以补助。", tmp_path)
    assert bare(p.data) == {"kind": "rate_cap", "rate": D("0.1"), "base": "项目总投入"}
    assert p.todo == []


# ------------------------------------------------------------------------------------------
# conditions: fragments
# ------------------------------------------------------------------------------------------
def test_amount_floors_and_caps_in_yi_wan_and_yuan_with_operators_from_the_wording(tmp_path):
    text = "\n".join([
        "（1）申报企业上年度营业收入不低于2亿元，研发费用占营业收入比例不低于3%。",
        "（2）项目总投入超过5 000万元（含），其中设备投入不少于",
        "2000万元。",
        "（3）单笔贷款金额在500万元以上，年利息支出超过50万元。",
        "（4）人均培训费用不高于3000元，职工人数不满300人。",
    ])
    p = conditions(text, tmp_path)
    assert thresholds(p) == [
        ("营业收入", ">=", D("20000"), "万元"),
        ("研发费用占营业收入比例", ">=", D("0.03"), "比例"),
        ("项目总投入", ">=", D("5000"), "万元"),  # 超过 … （含）: inclusive
        ("设备投入", ">=", D("2000"), "万元"),
        ("单笔贷款金额", ">=", D("500"), "万元"),  # 以上 includes
        ("年利息支出", ">", D("50"), "万元"),  # 超过 excludes
        ("人均培训费用", "<=", D("0.3"), "万元"),
        ("职工人数", "<", D("300"), "人"),  # 不满 excludes
    ]
    first = p.data["thresholds"][0]
    assert first["label"] == "申报企业上年度营业收入不低于2亿元"
    assert first["source"] == src(1, 1, "申报企业上年度营业收入不低于2亿元")
    assert "2亿元 = 20000万元" in first["note"]
    assert p.data["thresholds"][3]["source"] == src(2, 3, "设备投入不少于2000万元")
    assert p.todo == []


def test_date_windows_deadlines_and_starts(tmp_path):
    text = "\n".join([
        "①项目须在2024年1月1日（含）至2025年6月30日（含）期间完工，",
        "须在2025年12月31日前完成验收。",
        "②项目起始时间应在2026年1月1日（含）之后，项目结束时间应在2027年12月31日（含）之前。",
        "③2019年以来获得省级（含）以上专精特新中小企业认定。",
        "④实施期应在2026年3月1日（含）至2027年8月31日（含）之间。",
        "⑤项目须为2022年1月1日至指南印发前期间实施。",
    ])
    p = conditions(text, tmp_path)
    assert thresholds(p) == [
        ("完工日期", "between", ["2024-01-01", "2025-06-30"], "日期"),
        ("完工日期", "<=", "2025-12-31", "日期"),
        ("开工日期", ">=", "2026-01-01", "日期"),
        ("完工日期", "<=", "2027-12-31", "日期"),
        ("认定日期", ">=", "2019-01-01", "日期"),
        ("示范级别", "in", ["省级", "国家级"], "文本"),
        ("开工日期", ">=", "2026-03-01", "日期"),
        ("完工日期", "<=", "2027-08-31", "日期"),
        ("开工日期", ">=", "2022-01-01", "日期"),
    ]
    assert p.data["thresholds"][0]["source"] == src(1, 1, "项目须在2024年1月1日（含）至2025年6月30日（含）期间完工")
    assert p.data["thresholds"][1]["source"] == src(2, 2, "须在2025年12月31日前完成")
    assert "含当日" in p.data["thresholds"][1]["note"]


def test_years_counts_ratios_and_ranges(tmp_path):
    text = "\n".join([
        "1.企业正常经营2年以上（截至2024年6月30日）。",
        "2.项目实施周期不超过3年，截至2024年6月30日已投入不少于总投入的30%。",
        "3.拥有有效发明专利5件以上，开展推广活动8场（次）以上。",
        "4.新增规模以上企业1-2家，至少实现一个方向的突破。",
        "5.创建实施期为2年。",
    ])
    p = conditions(text, tmp_path)
    assert thresholds(p) == [
        ("正常经营年限", ">=", D("2"), "年"),
        ("项目实施周期", "<=", D("3"), "年"),
        ("已投入比例", ">=", D("0.3"), "比例"),
        ("有效发明专利", ">=", D("5"), "项"),
        ("开展推广活动", ">=", D("8"), "次"),
        ("新增规模以上企业", "between", [D("1"), D("2")], "家"),
        ("方向数量", ">=", D("1"), "个"),
        ("项目实施周期", "==", D("2"), "年"),
    ]


def test_other_wordings_of_the_same_kinds(tmp_path):
    text = "\n".join([
        "1.企业上年度主营业务收入达到1亿元以上，资产负债率不高于70%。",
        "2.研发人员占职工总数的比例不低于10%，申报企业成立时间须满3年。",
        "3.近三年累计研发投入不少于500万元，2023年度纳税总额超过100万元。",
        "4.年销售收入在2000万元至4亿元之间，员工人数不少于50人且不超过300人。",
    ])
    p = conditions(text, tmp_path)
    assert thresholds(p) == [
        ("主营业务收入", ">=", D("10000"), "万元"),
        ("资产负债率", "<=", D("0.7"), "比例"),
        ("研发人员占职工总数的比例", ">=", D("0.1"), "比例"),
        ("正常经营年限", ">=", D("3"), "年"),
        ("研发费用", ">=", D("500"), "万元"),
        ("实缴税金", ">", D("100"), "万元"),
        ("年销售收入", "between", [D("2000"), D("40000")], "万元"),
        ("职工人数", ">=", D("50"), "人"),
        ("职工人数", "<=", D("300"), "人"),
    ]
    assert p.data["thresholds"][6]["label"] == "年销售收入在2000万元至4亿元之间"
    assert p.todo == []


def test_a_conditional_clause_becomes_when(tmp_path):
    p = conditions("项目建设周期不超过2年的，总投入不低于3000万元；建设周期超过2年的，总投入不低于6000万元。", tmp_path)
    assert bare(p.data["thresholds"]) == [
        {"field": "项目总投入", "op": ">=", "value": D("3000"), "unit": "万元", "when": [{"field": "项目实施周期", "op": "<=", "value": D("2"), "unit": "年"}]},
        {"field": "项目总投入", "op": ">=", "value": D("6000"), "unit": "万元", "when": [{"field": "项目实施周期", "op": ">", "value": D("2"), "unit": "年"}]},
    ]
    assert p.data["thresholds"][0]["source"] == src(1, 1, "项目建设周期不超过2年的，总投入不低于3000万元")


def test_yes_no_level_and_place_statements(tmp_path):
    text = "\n".join([
        "（1）在江苏省域内注册，具有独立的法人资格，项目实施地在江苏省域内。",
        "（2）近三年未发生重大（含）以上安全、环保、质量事故（事件），无严重失信行为。",
        "（3）项目备案（核准）、环评、能评等手续完备。",
        "（4）研发类项目不予支持。",
    ])
    p = conditions(text, tmp_path)
    assert thresholds(p) == [
        ("注册地省份", "==", "江苏省", "文本"),
        ("独立法人资格", "==", True, "是否"),
        ("项目实施地省份", "==", "江苏省", "文本"),
        ("近三年重大以上安全环保质量事故", "==", False, "是否"),
        ("严重失信行为", "==", False, "是否"),
        ("手续完备", "==", True, "是否"),
        ("研发类项目", "==", False, "是否"),
    ]
    assert p.todo == []


def test_a_sentence_read_in_part_is_a_todo_with_a_note(tmp_path):
    p = conditions("项目总投入不低于800万元，符合重点方向要求。\n项目总投入不含税额，包括设备投入。", tmp_path)
    assert thresholds(p) == [("项目总投入", ">=", D("800"), "万元")]
    assert p.todo == [
        {"lines": [1, 1], "text": "项目总投入不低于800万元，符合重点方向要求。", "note": "已解析部分条件；未解析：符合重点方向要求"},
        {"lines": [2, 2], "text": "项目总投入不含税额，包括设备投入。"},
    ]


def test_a_lead_in_is_not_a_todo(tmp_path):
    p = conditions("申报单位应同时具备以下条件：\n1.项目总投入不低于500万元。", tmp_path)
    assert thresholds(p) == [("项目总投入", ">=", D("500"), "万元")]
    assert p.todo == []


# ------------------------------------------------------------------------------------------
# quota: fragments
# ------------------------------------------------------------------------------------------
def test_quota_with_its_heading_in_the_quote(tmp_path):
    p = quota("4. 支持数量。不超过 25 个。", tmp_path)
    assert p.data == {"quota": {"value": D("25"), "source": src(1, 1, "支持数量。不超过25个。")}}
    assert p.todo == [] and p.sub_quotas == []


def test_quota_with_sub_quotas_across_lines(tmp_path):
    text = "（五）支持数量。不超过18个（其中，A类项目不超过12\n个，B类项目不少于3个）。"
    p = quota(text, tmp_path)
    assert p.data["quota"]["value"] == D("18")
    assert p.data["quota"]["source"] == src(1, 2, "支持数量。不超过18个（其中，A类项目不超过12个，B类项目不少于3个）。")
    assert [bare(s) for s in p.sub_quotas] == [
        {"name": "A类项目", "op": "<=", "value": D("12")},
        {"name": "B类项目", "op": ">=", "value": D("3")},
    ]
    assert p.sub_quotas[0]["source"] == src(1, 2, "A类项目不超过12个")
    assert "B类项目不少于3个（下限）" in p.data["quota"]["note"]


def test_quota_under_a_heading_line_without_a_full_stop(tmp_path):
    p = quota("（四）支持数量\n不超过 10 家左右。", tmp_path)
    assert p.data["quota"] == {"value": D("10"), "source": src(1, 2, "支持数量不超过10家左右。"), "note": "原文“不超过10家左右”。"}
    assert p.todo == []


def test_quota_in_chinese_numerals_and_per_product(tmp_path):
    assert quota("支持数量：不超过五个。", tmp_path).data["quota"]["value"] == D("5")
    p = quota("支持数量。不超过 33 个产品。", tmp_path)
    assert p.data["quota"]["value"] == D("33") and p.data["quota"]["note"] == "按产品计。"


def test_quota_with_a_bracketed_sub_quota_name_and_yuanzeshang(tmp_path):
    p = quota("支持数量。不超过30个，其中县（市）不少于10个。", tmp_path)
    assert p.data["quota"]["value"] == D("30")
    assert [bare(s) for s in p.sub_quotas] == [{"name": "县（市）", "op": ">=", "value": D("10")}]
    p = quota("4.支持数量。原则上不超过 8 个。", tmp_path)
    assert p.data["quota"] == {"value": D("8"), "source": src(1, 1, "支持数量。原则上不超过8个。"), "note": "“原则上”：例外可能存在。"}


def test_quota_without_a_number_is_todo(tmp_path):
    p = quota("（四）支持数量。根据省药监局提供的注册证书数量确定。", tmp_path)
    assert p.data == {}
    assert p.todo == [{"lines": [1, 1], "text": "根据省药监局提供的注册证书数量确定。"}]


# ------------------------------------------------------------------------------------------
# award clauses: who a "分别" list of amounts is for, first payments for one sub-type, one
# amount for named cases, the heading's own rule, recognition vs none
# ------------------------------------------------------------------------------------------
def test_amounts_listed_with_fenbie_are_named_by_the_applicants_listed_before(tmp_path):
    # the tail "毕业生" of the last item goes to every item; a number broken across lines
    text = "对毕业3年内来本市就业的本科、硕士、博士毕业生，连续2年分别给予每月1500元、25\n00元、4000元的生活补贴。"
    p = award(text, tmp_path)
    assert bare(p.data) == {
        "kind": "tiered",
        "variants": [
            {"name": "本科毕业生", "kind": "per_unit", "unit_amount": D("0.15"), "unit": "月"},
            {"name": "硕士毕业生", "kind": "per_unit", "unit_amount": D("0.25"), "unit": "月"},
            {"name": "博士毕业生", "kind": "per_unit", "unit_amount": D("0.4"), "unit": "月"},
        ],
        "thresholds": [{"field": "毕业年限", "op": "<=", "value": D("3"), "unit": "年"}],
    }
    quote = "本科、硕士、博士毕业生，连续2年分别给予每月1500元、2500元、4000元的生活补贴。"
    assert [v["source"] for v in p.data["variants"]] == [src(1, 2, quote)] * 3
    assert p.todo == []


def test_fenbie_names_with_a_shared_head_ordinals_and_a_second_group(tmp_path):
    # "第一、二、三层次": the head and the tail go to each ordinal; full-width commas
    p = award("对入选市级人才计划第一、二、三层次的，分别给予50万元、30万元、10万元奖励。", tmp_path)
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [
        ("入选市级人才计划第一层次", D("50")),
        ("入选市级人才计划第二层次", D("30")),
        ("入选市级人才计划第三层次", D("10")),
    ]
    # "博士和全日制硕士、学士、专科学历人才": two groups joined by 和, the head and tail of the
    # "、" group go to its items; half-width punctuation
    text = "对新引进的博士和全日制硕士、学士、专科学历人才,分别发放20万元、10万元、6万元、3万元购房券。"
    p = award(text, tmp_path)
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [
        ("博士", D("20")),
        ("全日制硕士学历人才", D("10")),
        ("全日制学士学历人才", D("6")),
        ("全日制专科学历人才", D("3")),
    ]


def test_fenbie_list_in_the_sentence_before(tmp_path):
    text = "对新落户的高级技师和技师，给予安家补贴；\n安家补贴分别为8万元、5万元。"
    p = award(text, tmp_path)
    assert [(v["name"], v["fixed"], v["source"]) for v in p.data["variants"]] == [
        ("高级技师", D("8"), src(1, 2, "高级技师和技师，给予安家补贴；安家补贴分别为8万元、5万元。")),
        ("技师", D("5"), src(1, 2, "高级技师和技师，给予安家补贴；安家补贴分别为8万元、5万元。")),
    ]


def test_fenbie_amounts_that_do_not_line_up_keep_their_amount_names_with_a_todo(tmp_path):
    text = "对国家级、省级示范企业分别给予100万元、50万元、20万元奖励。"
    p = award(text, tmp_path)
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [
        ("100万元档", D("100")), ("50万元档", D("50")), ("20万元档", D("20")),
    ]
    assert p.todo == [{
        "lines": [1, 1],
        "text": "对国家级、省级示范企业分别给予100万元、50万元、20万元奖励。",
        "note": "“分别”列出的金额未能与列举的对象一一对应，子类按金额命名，须审阅。",
    }]
    # no list at all: the same
    p = award("个人公积金贷款额度分别提高20万元、10万元。", tmp_path)
    assert [v["name"] for v in p.data["variants"]] == ["20万元档", "10万元档"]
    assert [t["note"] for t in p.todo] == ["“分别”列出的金额未能与列举的对象一一对应，子类按金额命名，须审阅。"]


def test_a_first_payment_for_one_sub_type_goes_to_that_variant(tmp_path):
    text = (
        "3. 补助标准。按不超过项目总投资的15％予以补助，单个项目支持额度最高不超过1 500万元。"
        "其中，“数字孪生”试点项目首次拨付补助资金总额的60%，\n通过验收审核后，拨付剩余资金。"
    )
    p = award(text, tmp_path)
    assert bare(p.data) == {
        "kind": "rate_cap", "rate": D("0.15"), "base": "项目总投资", "cap": D("1500"),
        "variants": [{"name": "“数字孪生”试点项目", "first_payment": {"share": D("0.6")}}],
    }
    assert "first_payment" not in p.data
    assert p.data["variants"][0]["first_payment"]["source"] == src(
        1, 2, "“数字孪生”试点项目首次拨付补助资金总额的60%，通过验收审核后，拨付剩余资金。"
    )


def test_a_first_payment_after_a_year_is_the_programs(tmp_path):
    text = "对认定的服务商给予一次性奖励80万元。2026年首次拨付30万元,考核通过后拨付剩余资金。"
    p = award(text, tmp_path)
    assert bare(p.data) == {"kind": "fixed", "fixed": D("80"), "first_payment": {"amount": D("30")}}
    # "入库项目" names no sub-type; a first payment with no amount to go with is a todo
    p = award("按不超过总投入的10%予以补助。入库项目首次拨付补助资金总额的50%。", tmp_path)
    assert bare(p.data) == {"kind": "rate_cap", "rate": D("0.1"), "base": "总投入", "first_payment": {"share": D("0.5")}}
    p = award("首次拨付补助资金总额的50%，验收后拨付剩余资金。", tmp_path)
    assert p.data == {} and p.todo == [{"lines": [1, 1], "text": "首次拨付补助资金总额的50%，验收后拨付剩余资金。"}]


def test_named_cases_with_one_amount_put_the_amount_on_the_program(tmp_path):
    text = "对获得甲类称号的城市给予500万元奖励；\n对获得乙类称号的城市给予500万元奖励。两者不重复支持。"
    p = award(text, tmp_path)
    assert bare(p.data) == {
        "kind": "fixed", "fixed": D("500"),
        "variants": [{"name": "获得甲类称号的城市"}, {"name": "获得乙类称号的城市"}],
    }
    assert p.data["variants"][1]["source"] == src(2, 2, "对获得乙类称号的城市给予500万元奖励。")


def test_the_rule_named_by_the_heading_is_the_programs_own(tmp_path):
    text = (
        "数字平台项目按不超过总投入的25%予以补助,最高不超过1500万元。首次拨付补助资金总额的40%。"
        "采用招标方式的项目,按实际支出予以补助。"
    )
    p = cited(parse_award(section(text), FILE, heading="（2）数字平台项目"), text, tmp_path)
    assert bare(p.data) == {
        "kind": "rate_cap", "rate": D("0.25"), "base": "总投入", "cap": D("1500"),
        "first_payment": {"share": D("0.4")},
        "variants": [{"name": "采用招标方式的项目", "kind": "actual_cost", "base": "实际支出"}],
    }
    # without the heading the two named amounts stay tiers
    p = award(text, tmp_path)
    assert p.data["kind"] == "tiered" and [v["name"] for v in p.data["variants"]] == ["数字平台项目", "采用招标方式的项目"]


@pytest.mark.parametrize(
    "text, heading, kind",
    [
        ("授予“示范基地”牌匾；符合条件的按专项资金项目给予资金。", None, "recognition"),
        ("列入省级示范名单。", None, "recognition"),
        ("经认定，享受相关扶持政策。", None, "recognition"),
        ("具体优惠以年度申报通知为准。", None, "none"),
        ("具体优惠以年度申报通知为准。", "（三）示例省企业技术中心（免申直达）", "recognition"),
        ("具体优惠以年度申报通知为准", "12. 示范企业认定", "recognition"),
        ("具体优惠以年度申报通知为准。", "某某专项资金申报项目", "none"),
        ("具体优惠以年度申报通知为准。", "首批次应用保险补偿试点", "none"),
        ("具体方案另行通知。", "示范企业认定", "none"),
        ("给予一定资金支持。", "示范企业认定", "none"),
    ],
)
def test_recognition_or_none(text, heading, kind, tmp_path):
    p = cited(parse_award(section(text), FILE, heading=heading), text, tmp_path)
    assert p.data["kind"] == kind and p.data["source"] == src(1, 1, text)
    assert not any(k in p.data for k in ("rate", "cap", "fixed", "unit_amount"))
    assert p.todo == []


def test_recognition_notes_money_named_without_an_amount_and_the_heading(tmp_path):
    p = award("授予“示范基地”牌匾；符合条件的按专项资金项目给予资金。", tmp_path)
    assert p.data["note"] == "另提及资金，未给金额：符合条件的按专项资金项目给予资金"
    p = cited(parse_award(section("具体优惠以年度申报通知为准。"), FILE, heading="示范企业认定"), "具体优惠以年度申报通知为准。", tmp_path)
    assert p.data["note"] == "未规定金额：具体优惠以年度申报通知为准；据标题“示范企业认定”按认定（资格）记，须审阅。"


def test_an_empty_section_under_a_recognition_heading(tmp_path):
    assert parse_award([], FILE, heading="专精特新中小企业认定").data == {
        "kind": "recognition", "note": "原文未写支持方式；据标题“专精特新中小企业认定”按认定（资格）记，须审阅。",
    }
    assert parse_award([], FILE, heading="技术改造专项资金项目").data == {}
    assert parse_award([], FILE).data == {}


def test_counts_in_the_lead_in_of_an_award_are_conditions_of_who_gets_it(tmp_path):
    text = "对年培养3\n0名以上技师的企业，按每人2000元给予补贴。"
    p = award(text, tmp_path)
    assert bare(p.data) == {
        "kind": "per_unit", "unit_amount": D("0.2"), "unit": "人",
        "thresholds": [{"field": "年培养技师数量", "op": ">=", "value": D("30"), "unit": "人"}],
    }
    assert p.data["thresholds"][0]["source"] == src(1, 2, "年培养30名以上技师")
    assert p.todo == []
    # 以下 and 以内 include (DOMAIN.md); "N年内" is "N年以内"; 周岁 is an age in years
    p = award("对35周岁以下、毕业3年内来本市就业的硕士,给予一次性奖励2万元。", tmp_path)
    assert [(t["field"], t["op"], t["value"], t["unit"], t["source"]["text"]) for t in p.data["thresholds"]] == [
        ("年龄", "<=", D("35"), "年", "35周岁以下"),
        ("毕业年限", "<=", D("3"), "年", "毕业3年内"),
    ]
    assert p.todo == []


def test_a_tier_name_drops_the_words_of_the_grant(tmp_path):
    text = "对新当选的院士给予个人100万元奖励；对新入选的青年人才给予个人2\n0万元奖励。"
    p = award(text, tmp_path)
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [("新当选的院士", D("100")), ("新入选的青年人才", D("20"))]


# ------------------------------------------------------------------------------------------
# quota: parts in the next sentence, parts without a total
# ------------------------------------------------------------------------------------------
def test_quota_with_sub_quotas_in_the_next_sentence(tmp_path):
    text = "（四）支持数量。不超过15个。其中，A类项目不超过5个，\nB类、C类项目不超过1\n0个。"
    p = quota(text, tmp_path)
    assert p.data == {"quota": {
        "value": D("15"),
        "source": src(1, 1, "支持数量。不超过15个。"),
        "note": "其中：A类项目不超过5个；B类、C类项目不超过10个。",
    }}
    assert p.sub_quotas == [
        {"name": "A类项目", "op": "<=", "value": D("5"), "source": src(1, 1, "A类项目不超过5个")},
        {"name": "B类、C类项目", "op": "<=", "value": D("10"), "source": src(2, 3, "B类、C类项目不超过10个")},
    ]
    assert p.todo == []


def test_quota_parts_without_a_total(tmp_path):
    text = "(四)支持数量。甲类平台支持数量不超过2个；乙类服务机构支持数量不超过3\n0个。"
    p = quota(text, tmp_path)
    assert p.data == {}
    assert p.sub_quotas == [
        {"name": "甲类平台", "op": "<=", "value": D("2"), "source": src(1, 1, "甲类平台支持数量不超过2个")},
        {"name": "乙类服务机构", "op": "<=", "value": D("30"), "source": src(1, 2, "乙类服务机构支持数量不超过30个")},
    ]
    assert p.todo == []
    # one named part and nothing else is not a list of parts: the reviewer reads it
    p = quota("支持数量。甲类平台支持数量不超过2个。", tmp_path)
    assert p.data == {} and p.sub_quotas == []
    assert p.todo == [{"lines": [1, 1], "text": "甲类平台支持数量不超过2个。"}]
    # limits per applicant or place are not parts of the quota
    # (the city's is the catalog's limit for every 设区市; the sentence stays listed for the rest)
    p = quota("支持数量。每个设区市推荐不超过3个,各县（市）不超过1个。", tmp_path)
    assert "quota" not in p.data and p.sub_quotas == []
    assert [(lim["scope"], lim["value"], lim["source"]["text"]) for lim in p.data["city_limits"]] == [("每个设区市", D("3"), "每个设区市推荐不超过3个")]
    assert p.todo == [{"lines": [1, 1], "text": "每个设区市推荐不超过3个,各县（市）不超过1个。"}]
    p = quota("支持数量。不超过20个。其中，每个设区市不超过3个。", tmp_path)
    assert p.data["quota"]["value"] == D("20") and p.sub_quotas == []
    assert p.todo == [{"lines": [1, 1], "text": "其中，每个设区市不超过3个。"}]


# ------------------------------------------------------------------------------------------
# conditions: more wordings
# ------------------------------------------------------------------------------------------
def test_only_one_application_counts_with_wan_and_volumes_of_acts(tmp_path):
    text = "\n".join([
        "1.同一企业原则上只能申报一个项目，每家企业只能申请1个产品。",
        "2.年综合能耗超过2\n万吨标准煤。",
        "3.日均访问量不低于500万，累计注册用户不低于1.5亿。",
        "4.年检测样品不少于2万项。",
    ])
    p = conditions(text, tmp_path)
    assert thresholds(p) == [
        ("申报项目数量", "<=", D("1"), "个"),
        ("申请产品数量", "<=", D("1"), "个"),
        ("年综合能耗", ">", D("20000"), "吨标准煤"),
        ("日均访问量", ">=", D("5000000"), "次"),
        ("累计注册用户", ">=", D("150000000"), "个"),
        ("年检测样品", ">=", D("20000"), "项"),  # 万 before a count unit multiplies the count, not 万元
    ]
    assert p.data["thresholds"][0]["source"] == src(1, 1, "同一企业原则上只能申报一个项目")
    assert p.data["thresholds"][2]["source"] == src(2, 3, "年综合能耗超过2万吨标准煤")
    assert "“原则上”：例外可能存在。" in p.data["thresholds"][0]["note"]
    assert p.todo == []


def test_kinds_listed_before_deng_verbs_after_a_count_and_a_shared_counting_word(tmp_path):
    text = "\n".join([
        "（1）提供检测、认证、培训等服务功能不少于3类；",
        "（2）至少2项关键工序采用数字化管控；",
        "（3）具备不少于30家企业、5个行业的服务经验。",
        "（4）建设期截至2027年6月底，不超过2年。",
    ])
    p = conditions(text, tmp_path)
    assert thresholds(p) == [
        ("服务功能", ">=", D("3"), "项"),
        ("采用数字化管控的关键工序数量", ">=", D("2"), "项"),
        ("企业数量", ">=", D("30"), "家"),
        ("行业数量", ">=", D("5"), "个"),
        ("完工日期", "<=", "2027-06-30", "日期"),
        ("项目实施周期", "<=", D("2"), "年"),
    ]
    t = p.data["thresholds"]
    assert t[0]["note"] == "原文为「提供检测、认证、培训等服务功能」。原文单位“类”，按“项”计。"
    assert t[3]["source"] == src(3, 3, "5个行业") and "运算同前一项" in t[3]["note"]
    assert t[5]["source"] == src(4, 4, "建设期截至2027年6月底，不超过2年")


# ------------------------------------------------------------------------------------------
# sentences
# ------------------------------------------------------------------------------------------
def test_split_sentences_joins_lines_and_skips_page_numbers():
    sec = section("（1）项目总投入不低于\n\n- 3 -\n\n1000万元。首次拨付\n50%；\n（三）补助标准\n按实际支出予以补助\n1.另一项")
    assert split_sentences(sec) == [
        (1, 5, "（1）项目总投入不低于……1000万元。"),
        (5, 6, "首次拨付50%；"),
        (7, 7, "（三）补助标准"),  # a heading line without 。 stands alone
        (8, 8, "按实际支出予以补助"),  # and so does a line before a numbered one
        (9, 9, "1.另一项"),
    ]


def test_split_sentences_keeps_semicolons_inside_brackets_and_splits_at_tags():
    sec = section("项目攻关总投入不低于2000万元（不含税；资金来源为牵头企业）。<p>2.另一句。</p>")
    assert [t for _a, _b, t in split_sentences(sec)] == ["项目攻关总投入不低于2000万元（不含税；资金来源为牵头企业）。", "2.另一句。"]


# ------------------------------------------------------------------------------------------
# real clauses of the seeds, with the hand catalog's values
# ------------------------------------------------------------------------------------------
SEEDS = seeds_dir()
SEED_FILES = {p.name[:3]: p.name for p in SEEDS.glob("0*.txt")} if SEEDS.is_dir() else {}


def seed_section(seed: str, a: int, b: int) -> tuple[list[tuple[int, str]], str]:
    name = SEED_FILES[seed]
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    return [(i, lines[i - 1]) for i in range(a, b + 1)], name


def seed_cited(parsed: Parsed) -> Parsed:
    for s in sources(parsed.data):
        problem = quote_problem(Source(file=s["file"], lines=tuple(s["lines"]), text=s["text"]))
        assert problem is None, problem
    return parsed




@pytest.mark.parametrize(
    "seed, lines, expect",
    [
        # 000 第399-403行 高端化改造升级项目: rate 0.10, cap 4000, first payment 0.5 (000_2023.yaml)
        ("000", (399, 403), {"kind": "rate_cap", "rate": D("0.1"), "base": "项目总投入", "cap": D("4000"), "first_payment": {"share": D("0.5")}}),
        # 000 第657-667行 工业互联网标识解析项目: 二级节点 fixed 400 (首拨 100)；公共服务平台 20% / 2000
        ("000", (657, 667), {"kind": "tiered", "variants": [
            {"name": "工业互联网标识解析二级节点项目", "kind": "fixed", "fixed": D("400"), "first_payment": {"amount": D("100")}},
            {"name": "工业互联网标识解析公共服务平台项目", "kind": "rate_cap", "rate": D("0.2"), "base": "项目总投入", "cap": D("2000"), "first_payment": {"share": D("0.5")}},
        ]}),
        # 000 第812-817行 信息技术应用创新先导区项目: two_stage cap 3000, 首期 30% 总投资预算 / 2000, 后期 1000
        ("000", (812, 817), {"kind": "two_stage", "cap": D("3000"), "stages": [
            {"name": "首期", "base": "总投资预算", "rate": D("0.3"), "cap": D("2000")},
            {"name": "后期", "cap": D("1000")},
        ]}),
        # 000 第1065-1067行 企业重大兼并重组项目: 5% of 并购企业对目标企业的实际出资额现金部分, cap 2000
        ("000", (1065, 1067), {"kind": "rate_cap", "rate": D("0.05"), "base": "并购企业对目标企业的实际出资额现金部分", "cap": D("2000")}),
        # 000 第1114-1118行 专精特新中小企业能力提升项目: combined 20% 软硬件投入 + 40% 贷款利息, cap 500
        ("000", (1114, 1118), {"kind": "combined", "components": [
            {"name": "软硬件投入补助", "base": "软硬件投入", "rate": D("0.2")},
            {"name": "贷款贴息", "base": "贷款利息", "rate": D("0.4")},
        ], "cap": D("500")}),
        # 000 第1516-1520行 “英才名匠”产业人才培训项目: actual_cost 符合规定的实际总投入, cap 300, first payment 0.5
        ("000", (1516, 1520), {"kind": "actual_cost", "base": "符合规定的实际总投入", "cap": D("300"), "first_payment": {"share": D("0.5")}}),
        # 000 第919-923行 免费诊断服务项目: none (具体入库方案另行通知)
        ("000", (919, 923), {"kind": "none"}),
        # 002 第174行 工业互联网标识解析项目: 400万元档 / 500万元档, first payment 100
        ("002", (174, 174), {"kind": "tiered", "variants": [
            {"name": "400万元档", "kind": "fixed", "fixed": D("400")},
            {"name": "500万元档", "kind": "fixed", "fixed": D("500")},
        ], "first_payment": {"amount": D("100")}}),
        # 004 第61-63行 制造业创新中心建设项目: 50% of 项目研发设备及配套软件投入(不含税), cap 3000, first 0.7
        ("004", (61, 63), {"kind": "rate_cap", "rate": D("0.5"), "base": "项目研发设备及配套软件投入(不含税)", "cap": D("3000"), "first_payment": {"share": D("0.7")}}),
        # 004 第137行 首台（套）装备示范应用项目: cap_only 200 per 装备
        ("004", (137, 137), {"kind": "cap_only", "cap": D("200"), "per": "装备"}),
        # 004 第161行 首版次软件示范应用项目: 工信部 300 / 省级 100
        ("004", (161, 161), {"kind": "tiered", "variants": [
            {"name": "工信部首版次软件产品", "kind": "cap_only", "cap": D("300")},
            {"name": "省级首版次软件产品", "kind": "cap_only", "cap": D("100")},
        ]}),
        # 004 第189-191行 临床试验机构创新药械研发服务项目: 5% of 申报主体年度服务金额, cap 500
        ("004", (189, 191), {"kind": "rate_cap", "rate": D("0.05"), "base": "申报主体年度服务金额", "cap": D("500")}),
        # 004 第339行 省级零碳（近零碳）工厂奖励项目: 零碳工厂 200 / 近零碳工厂 150 per 企业
        ("004", (339, 339), {"kind": "tiered", "variants": [
            {"name": "零碳工厂", "kind": "fixed", "fixed": D("200"), "per": "企业"},
            {"name": "近零碳工厂", "kind": "fixed", "fixed": D("150"), "per": "企业"},
        ]}),
        # 004 第397行 国家领航级智能工厂奖励项目: fixed 1000 per 企业
        ("004", (397, 397), {"kind": "fixed", "fixed": D("1000"), "per": "企业"}),
    ],
)
def test_seed_award_clauses_match_the_hand_catalog(seed, lines, expect):
    sec, name = seed_section(seed, *lines)
    p = seed_cited(parse_award(sec, name))
    got = bare(p.data)
    got.pop("thresholds", None)
    assert got == expect


def test_seed_award_clause_of_the_drugs_with_a_qualifying_lead_in():
    # 004 第171-173行 创新药和医疗器械奖励项目: per certificate, in province / outside (hand: unit_amount each)
    sec, name = seed_section("004", 171, 173)
    p = seed_cited(parse_award(sec, name))
    assert [(v["name"], v["unit_amount"]) for v in p.data["variants"]] == [
        ("创新药（生产地址在我省）", D("1000")),
        ("改良型新药（生产地址在我省）", D("330")),
        ("三类创新医疗器械（生产地址在我省）", D("660")),
        ("创新药（生产地址在省外）", D("700")),
        ("改良型新药（生产地址在省外）", D("230")),
        ("三类创新医疗器械（生产地址在省外）", D("460")),
    ]
    assert [t["text"] for t in p.todo] == ["按注册证书类别和数量给予一次性奖励。", "同一通用名称奖励一次。"]


@pytest.mark.parametrize(
    "seed, lines, expect",
    [
        # 000 第382-384行: 重大技术改造项目总投入不低于1亿元 (10000), 产业基础再造项目总投入不低于5000万元
        ("000", (382, 384), [("项目总投入", ">=", D("10000"), "万元"), ("项目总投入", ">=", D("5000"), "万元")]),
        # 000 第434-440行: 项目实施周期不超过3年; 完工日期 2021-01-01..2022-06-30; 已完成验收
        ("000", (434, 440), [
            ("项目实施周期", "<=", D("3"), "年"),
            ("完工日期", "between", ["2021-01-01", "2022-06-30"], "日期"),
            ("已完成验收", "==", True, "是否"),
        ]),
        # 000 第448-450行: 其中，软件、系统集成、公私有云等投入不低于300万元 (软件投入)
        ("000", (448, 450), [("软件投入", ">=", D("300"), "万元")]),
        # 000 第522-530行: 5G设备无线联网率不低于50%；场景数量不少于8个
        ("000", (522, 530), [("设备无线联网率", ">=", D("0.5"), "比例"), ("场景数量", ">=", D("8"), "个")]),
        # 000 第622-626行: 项目总投入不低于1000万元；2023年12月31日前建设完成；已投入不少于总投入的20%
        ("000", (622, 626), [
            ("项目总投入", ">=", D("1000"), "万元"),
            ("完工日期", "<=", "2023-12-31", "日期"),
            ("已投入比例", ">=", D("0.2"), "比例"),
        ]),
        # 000 第1292-1295行: 建设周期的两档门槛 (hand: 8000 / 5000 with when on 项目实施周期)
        ("000", (1292, 1295), [("项目总投入", ">=", D("8000"), "万元"), ("项目总投入", ">=", D("5000"), "万元")]),
        # 004 第57行: 开工日期 >= 2026-01-01, 完工日期 <= 2028-12-31
        ("004", (57, 57), [("开工日期", ">=", "2026-01-01", "日期"), ("完工日期", "<=", "2028-12-31", "日期")]),
        # 004 第99行: 开工日期 >= 2026-03-24；实施周期原则上不超过3年
        ("004", (99, 99), [("开工日期", ">=", "2026-03-24", "日期"), ("项目实施周期", "<=", D("3"), "年")]),
        # 004 第441行: 实施期在2026-01-01..2027-12-31 之间 (hand: 开工 >= / 完工 <=)
        ("004", (441, 441), [
            ("项目实施周期", "<=", D("2"), "年"),
            ("开工日期", ">=", "2026-01-01", "日期"),
            ("完工日期", "<=", "2027-12-31", "日期"),
        ]),
    ],
)
def test_seed_conditions_match_the_hand_catalog(seed, lines, expect):
    sec, name = seed_section(seed, *lines)
    p = seed_cited(parse_conditions(sec, name))
    assert thresholds(p) == expect


def test_seed_conditions_when_and_quota_with_sub_quotas():
    sec, name = seed_section("000", 1292, 1295)
    p = parse_conditions(sec, name)
    assert [t.get("when") for t in p.data["thresholds"]] == [
        [{"field": "项目实施周期", "op": "<=", "value": D("3"), "unit": "年"}],
        [{"field": "项目实施周期", "op": "<=", "value": D("2"), "unit": "年"}],
    ]
    # 000 第671-675行 工业互联网标识解析项目: 不超过12个（其中 二级节点 10，公共服务平台 2）
    sec, name = seed_section("000", 671, 675)
    p = parse_quota(sec, name)
    seed_cited(p)
    assert p.data["quota"]["value"] == D("12")
    assert [(s["name"], s["op"], s["value"]) for s in p.sub_quotas] == [
        ("工业互联网标识解析二级节点项目", "<=", D("10")),
        ("工业互联网标识解析公共服务平台项目", "<=", D("2")),
    ]
    # 004 第153行: 不超过 33 个产品 (hand: 33, 按产品计)
    sec, name = seed_section("004", 153, 153)
    p = parse_quota(sec, name)
    assert p.data["quota"] == {"value": D("33"), "source": {"file": name, "lines": [153, 153], "text": "支持数量。不超过33个产品。"}, "note": "按产品计。"}


# ------------------------------------------------------------------------------------------
# never a number that is not in its quote
# ------------------------------------------------------------------------------------------
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def quoted_numbers(quote: str) -> set[Decimal]:
    """Every value a quote can stand for: each number as written, as a percentage, in 亿/万/元
    converted to 万元, or as a count of 亿/万; Chinese numerals one to ten."""
    flat = re.sub(r"\s+", "", quote).translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})
    out: set[Decimal] = set()
    for m in re.finditer(r"\d+(?:\.\d+)?", flat):
        n = Decimal(m.group(0))
        out |= {n, n / 100, n * 10000, n / 10000, n / 10, n * 100000000}
    for ch, v in _CN.items():
        if ch in flat:
            out.add(Decimal(v))
    return out


def date_in(value: str, quote: str) -> bool:
    y, m, d = (int(x) for x in value.split("-"))
    nums = {int(Decimal(x)) for x in re.findall(r"\d+", re.sub(r"\s+", "", quote))}
    if y not in nums:
        return False
    if m in nums and d in nums:
        return True
    if (m, d) in ((1, 1), (12, 31)):  # "2018年以来", "2023年底", "2025年度"
        return True
    return m in nums and re.search(r"月底|月末|\d+月(?!\d)", re.sub(r"\s+", "", quote)) is not None  # "6月底", "截至2023年12月"


NUMERIC_KEYS = ("rate", "cap", "fixed", "unit_amount", "share", "amount", "value")


def numbers_stand_in_their_quotes(obj, quote: str | None = None) -> list[str]:
    """Problems: a number of `obj` (or of its nested items) absent from the quote of its own
    source (an item without a source, such as a `when`, answers to its holder's)."""
    bad: list[str] = []
    if isinstance(obj, list):
        for v in obj:
            bad += numbers_stand_in_their_quotes(v, quote)
        return bad
    if not isinstance(obj, dict):
        return bad
    if isinstance(obj.get("source"), dict):
        quote = obj["source"].get("text")
    for key in NUMERIC_KEYS:
        for v in obj[key] if isinstance(obj.get(key), list) else [obj.get(key)]:
            if isinstance(v, Decimal):
                if quote is None or v not in quoted_numbers(quote):
                    bad.append(f"{key}={v} 不在「{quote}」")
            elif isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                if quote is None or not date_in(v, quote):
                    bad.append(f"{key}={v} 不在「{quote}」")
    for key, v in obj.items():
        if key != "source" and isinstance(v, (dict, list)):
            bad += numbers_stand_in_their_quotes(v, quote)
    return bad


# the guide parts of the seeds (seeds/README.md): where award clauses and conditions stand
GUIDE_PARTS = {"000": (343, 1530), "001": (1, 345), "002": (1, 425), "003": (486, 1535), "004": (1, 800)}


def test_every_drafted_number_stands_in_its_quote_over_the_seed_guides():
    checked = 0
    for seed, (first, last) in GUIDE_PARTS.items():
        name = SEED_FILES[seed]
        lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
        last = min(last, len(lines))
        for a in range(first, last + 1, 12):  # overlapping stretches, cut anywhere
            b = min(last, a + 17)
            sec = [(i, lines[i - 1]) for i in range(a, b + 1)]
            for parse in (parse_award, parse_conditions, parse_quota):
                p = parse(sec, name)
                bad = numbers_stand_in_their_quotes(p.data)
                assert not bad, f"{name}:{a}-{b} {parse.__name__}: {bad}"
                for s in sources(p.data):
                    assert s["file"] == name and a <= s["lines"][0] <= s["lines"][1] <= b and s["text"]
                    problem = quote_problem(Source(file=name, lines=tuple(s["lines"]), text=s["text"]))
                    assert problem is None, problem
                    checked += 1
                for t in p.todo:
                    problem = quote_problem(Source(file=name, lines=tuple(t["lines"]), text=t["text"]))
                    assert problem is None, problem
    assert checked > 500


def test_the_number_check_itself_catches_an_invented_number():
    assert numbers_stand_in_their_quotes({"cap": D("36"), "source": {"text": "连续3年每月给予1万元"}})
    assert numbers_stand_in_their_quotes({"value": "2021-06-30", "source": {"text": "正常经营1年以上（截至2022年6月30日）"}})
    assert not numbers_stand_in_their_quotes({"cap": D("10000"), "source": {"text": "不低于1亿元"}})
    assert not numbers_stand_in_their_quotes({"rate": D("0.1"), "source": {"text": "的10%予以补助"}})


@pytest.mark.parametrize(
    "text",
    [
        "按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元。首次拨付补助资金总额的50%。",
        "连续3年每月给予1万元生活补贴，在本市购房的，按照购房金额50%比例最高给予200万元购房补贴。",
        "对年引进20名以上大学毕业生的企业，按照每人500元标准给予引才奖励。",
        "每个先导区安排补助资金不超过3000万元，分两期安排。首期按照总投资预算的30%安排，最高不超过2000万元，后期最高不超过1000万元。",
        "项目总投入不低于1.2亿元，正常经营3年以上（截至2023年12月31日），研发人员占比不低于10%，员工人数200人以上。",
        "须在2023年1月1日（含）至2023年12月31日（含）期间完工，2024年6月底前完成验收，2020年以来获得认定。",
        "支持数量。不超过20个（其中，A类不超过15个，B类不少于5个）。",
    ],
)
def test_fragments_write_no_number_outside_their_quotes(text, tmp_path):
    for parse in (award, conditions, quota):
        p = parse(text, tmp_path)
        assert not numbers_stand_in_their_quotes(p.data), parse.__name__
        assert not [s for s in p.sub_quotas if numbers_stand_in_their_quotes(s)]


def test_a_year_of_an_act_is_a_window_unless_it_is_one_of_several_ways_to_qualify(tmp_path):
    got = thresholds(conditions("（一）支持条件。2070年度首次入围中国企业500强的制造业企业。", tmp_path))
    assert ("发生日期", "between", ["2070-01-01", "2070-12-31"], "日期") in got
    got = thresholds(conditions("（一）支持条件。2070年度获奖并在本市落地的项目。", tmp_path))
    assert any(t[1] == "between" and t[2] == ["2070-01-01", "2070-12-31"] for t in got)
    # alternatives: a window on one of them is no condition every applicant must meet
    got = thresholds(conditions("（一）支持对象。包括2070年度新认定的单项冠军企业、2070年度首次入围中国企业500强的企业。", tmp_path))
    assert not any(t[1] == "between" for t in got)
    got = thresholds(conditions("（一）支持对象。获评国家级称号或2070年度首次入围百强的企业。", tmp_path))
    assert not any(t[1] == "between" for t in got)


def test_an_amount_per_step_of_a_base_down_as_well_as_up(tmp_path):
    for text, unit in (("营业收入每增加1亿元奖励10万元，最高100万元。", "增加1亿元"),
                       ("单位产值能耗每降低1个百分点奖励5万元，最高50万元。", "降低1个百分点")):
        data = award("（二）补助标准。" + text, tmp_path).data
        assert data["kind"] == "per_unit" and data["unit"] == unit
        assert (data["unit_amount"], data["cap"]) in ((D("10"), D("100")), (D("5"), D("50")))


def test_a_rank_among_the_first_n_is_a_bound_on_the_rank(tmp_path):
    got = thresholds(conditions("（一）支持条件。亩均效益评价全区排名前20名，且作为起草单位排名前三。", tmp_path))
    assert ("亩均效益评价排名", "<=", D("20"), "名") in got
    assert ("起草单位排名", "<=", D("3"), "名") in got
    # no rank: "前三季度" is a period, "500强" a list's name
    got = thresholds(conditions("（一）支持条件。前三季度产值增长，入围中国企业500强。", tmp_path))
    assert not any(t[3] == "名" for t in got)


def test_a_grade_reached_is_a_lower_bound_unless_grades_are_alternatives_or_name_whom_an_amount_is_for(tmp_path):
    got = thresholds(conditions("（一）支持条件。改造后企业数字化水平评测达到二级（含）以上。", tmp_path))
    assert ("改造后企业数字化水平评测等级", ">=", D("2"), "级") in got
    got = thresholds(conditions("（一）支持条件。数据管理能力成熟度评估四级及以上、三级的企业。", tmp_path))
    assert not any(t[3] == "级" for t in got)
    got = thresholds(conditions("（一）支持条件。成熟度达到3级及以上的，奖励50万元。", tmp_path))
    assert not any(t[3] == "级" for t in got)
    # a grade in a name ("二级节点") is no bound
    got = thresholds(conditions("（一）支持条件。建成标识解析二级节点。", tmp_path))
    assert not any(t[3] == "级" for t in got)


def test_a_refused_case_naming_whom_or_per_what_is_written_as_its_opposite(tmp_path):
    got = thresholds(conditions("（一）支持条件。年度实际支付服务费用不足20万元的企业不予支持。", tmp_path))
    assert ("年度实际支付服务费用", ">=", D("20"), "万元") in got
    got = thresholds(conditions("（一）支持条件。上年度亩均税收低于3万元/亩的企业一律不予推荐。", tmp_path))
    assert any(t[1:] == (">=", D("3"), "万元") for t in got)
    got = thresholds(conditions("（一）支持条件。资产负债率高于70%的企业不予支持。", tmp_path))
    assert ("资产负债率", "<=", D("0.7"), "比例") in got


def test_years_of_the_twenty_second_century_are_years(tmp_path):
    # a fictional or far-future guide's years read as any other year's
    got = thresholds(conditions("（一）支持条件。项目于2100年1月1日至2100年12月31日期间竣工投产，2101年度新认定。", tmp_path))
    assert ("完工日期", "between", ["2100-01-01", "2100-12-31"], "日期") in got
    assert any(t[1] == "between" and t[2] == ["2101-01-01", "2101-12-31"] for t in got)


def test_a_year_of_registering_or_publishing_is_a_window(tmp_path):
    got = thresholds(conditions("（一）支持条件。2070年度在本区新注册设立的企业。", tmp_path))
    assert any(t[1] == "between" and t[2] == ["2070-01-01", "2070-12-31"] for t in got)
    got = thresholds(conditions("（一）支持条件。标准于2070年度内正式发布。", tmp_path))
    assert any(t[1] == "between" and t[2] == ["2070-01-01", "2070-12-31"] for t in got)


def test_a_share_named_by_the_award_and_at_most_wordings(tmp_path):
    data = award("（二）资助办法。甲类装置按更新投资额的15%给予补助，最多补600万元；乙类设备按更新投资额的12%给予补助，最多补400万元。", tmp_path).data
    assert sorted((v["name"], v["rate"], v["cap"]) for v in data["variants"]) == [
        ("乙类设备", D("0.12"), D("400")), ("甲类装置", D("0.15"), D("600"))]
    data = award("（二）资助办法。一般项目资助比例8%，每个项目资助上限1500万元；重大项目资助比例提高到10%，资助上限相应提高到3000万元。", tmp_path).data
    by = {v["name"]: v for v in data["variants"]}
    assert (by["一般项目"]["rate"], by["一般项目"]["cap"]) == (D("0.08"), D("1500"))
    assert (by["重大项目"]["rate"], by["重大项目"]["cap"]) == (D("0.1"), D("3000"))
    # the award's own words ("单个奖励最多") name no class: the clause before does
    data = award("（二）奖励标准。国家级首版次软件产品，单个奖励最多300万元；省级首版次软件产品，单个奖励最多100万元。", tmp_path).data
    assert sorted((v["name"], v["cap"]) for v in data["variants"]) == [("国家级首版次软件产品", D("300")), ("省级首版次软件产品", D("100"))]


def test_first_payments_said_for_every_class_or_as_the_first_years_share(tmp_path):
    data = award("（二）资助办法。按项目总投入的20%给予资助，最高500万元。两类项目均于立项后拨付资助额的50%，通过验收后拨付剩余部分。", tmp_path).data
    assert data["first_payment"]["share"] == D("0.5") and not data.get("variants")
    data = award("（二）支持标准。分别给予每人200万元、100万元安家补贴，按5年分期发放，首年发放总额的30%。", tmp_path).data
    assert data["first_payment"]["share"] == D("0.3")


def test_a_list_of_sums_each_for_the_listed_applicants_even_when_two_sums_are_equal(tmp_path):
    data = award("（二）奖励标准。对新获评国家级绿色工厂、绿色供应链管理企业、绿色工业园区的，分别奖励50万元、50万元、100万元。", tmp_path).data
    assert [(v["name"], v["fixed"]) for v in data["variants"]] == [
        ("新获评国家级绿色工厂", D("50")), ("绿色供应链管理企业", D("50")), ("绿色工业园区", D("100"))]
    # the recipient between "分别给予" and the sums ("企业经营团队300万元、…")
    data = award("（二）奖励标准。对甲类、乙类企业，分别给予企业经营团队300万元、150万元奖励。", tmp_path).data
    assert sorted(v["fixed"] for v in data["variants"]) == [D("150"), D("300")]
    # "每月" is a period, never a recipient
    data = award("（二）补贴标准。分别给予每月3000元、1500元生活补贴。", tmp_path).data
    assert {v["kind"] for v in data["variants"]} == {"per_unit"}


def test_dates_bounded_by_words_before_them_and_a_window_between_two_days(tmp_path):
    got = thresholds(conditions("（一）支持条件。投产日期不晚于2070年3月31日，开工时间不早于2069年1月1日。", tmp_path))
    assert ("完工日期", "<=", "2070-03-31", "日期") in got and ("开工日期", ">=", "2069-01-01", "日期") in got
    got = thresholds(conditions("（一）支持条件。设备发票开具日期介于2069年7月1日与2070年6月30日之间。", tmp_path))
    assert any(t[1:] == ("between", ["2069-07-01", "2070-06-30"], "日期") for t in got)


def test_amounts_in_us_dollars_are_conditions_in_wan_dollars_never_wan_yuan(tmp_path):
    # "500万美元" is no 500万元: a foreign-trade figure keeps its currency (亿美元 x 10000, 美元 / 10000)
    p = conditions("1.上年度进出口额不低于 600 万美元；\n2.项目总投资 2 亿美元以上；\n3.单笔合同金额 8000 美元以上。", tmp_path)
    assert [(t["op"], t["value"], t["unit"]) for t in p.data["thresholds"]] == [
        (">=", Decimal("600"), "万美元"), (">=", Decimal("20000"), "万美元"), (">=", Decimal("0.8"), "万美元")]
    assert not any(t["unit"] == "万元" for t in p.data["thresholds"])


def test_a_year_that_dates_an_act_of_setting_up_insuring_hiring_or_joining_is_a_window(tmp_path):
    p = conditions("1.2097年度新设或增资的外资企业；\n2.2097年度在区内投保出口信用保险；\n3.2097年度首次在区内产生进出口实绩。", tmp_path)
    assert [(t["op"], t["value"], t["unit"]) for t in p.data["thresholds"]] == [
        ("between", ["2097-01-01", "2097-12-31"], "日期")] * 3


def test_a_cap_for_each_person_and_year_after_a_rate_is_the_programs_cap_with_its_reading(tmp_path):
    p = award("按其年度工资薪金收入的12%给予补贴，每人每年补贴上限25万元。", tmp_path)
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", Decimal("0.12"), Decimal("25"))
    assert "每人每年的上限" in p.data["note"]
    p = award("按实际缴纳担保费的50%给予补贴，每户每年最高补贴12万元。", tmp_path)
    assert (p.data["rate"], p.data["cap"]) == (Decimal("0.5"), Decimal("12"))


def test_grades_after_the_first_grade_s_award_need_no_award_word_of_their_own(tmp_path):
    p = award("五星级企业奖励12万元，四星级6万元，三星级2万元；已获奖励后晋级的，按差额补足。", tmp_path)
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [
        ("五星级企业", Decimal("12")), ("四星级", Decimal("6")), ("三星级", Decimal("2"))]
    # never a grade's words without an award before them in the sentence
    p = award("营业收入达到四星级5万元，须同时满足其他条件。", tmp_path)
    assert "variants" not in p.data


def test_an_amount_for_each_one_replaced_or_brought_in_is_per_unit_not_fixed(tmp_path):
    p = award("每替换1套（点）补助4000元，单个企业最高补助50万元。", tmp_path)
    assert (p.data["kind"], p.data["unit_amount"], p.data["cap"]) == ("per_unit", Decimal("0.4"), Decimal("50"))


def test_two_cases_each_named_before_its_rate_in_one_sentence_and_a_limit_over_both(tmp_path):
    p = award("境内展会按展位费的40%给予补贴，境外展会按展位费的60%给予补贴，单个企业年度补贴最高不超过8万元。", tmp_path)
    assert [(v["name"], v["rate"]) for v in p.data["variants"]] == [("境内展会", Decimal("0.4")), ("境外展会", Decimal("0.6"))]
    assert p.data["cap"] == Decimal("8") and "合计上限" in p.data["note"]


def test_a_first_loan_in_the_base_is_no_first_payment_and_a_cap_for_each_household(tmp_path):
    # "首笔贷款": the loan the rate is of, not the first payment of the award; "每户封顶2万元": the cap
    p = award("按首笔贷款实际支付利息的25%给予一次性贴息，每户封顶2万元。", tmp_path)
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", Decimal("0.25"), Decimal("2"))
    assert "first_payment" not in p.data
