"""Every kind of amount the guides use is in the catalog and behaves as its clause says."""

from decimal import Decimal

import pytest

from subsidykit.rules.amounts import cap
from subsidykit.catalog import load_catalog
from subsidykit.errors import BadInputError, NoAmountError, VariantRequiredError

CAT = load_catalog()
REQUIRED_KINDS = {"rate_cap", "fixed", "cap_only", "per_unit", "tiered", "two_stage", "combined", "actual_cost", "none"}


def test_the_catalog_uses_every_kind_of_amount():
    kinds = {p.kind for p in CAT.programs} | {v.kind for p in CAT.programs for v in p.variants if v.kind}
    assert REQUIRED_KINDS <= kinds


# 000 452-454: 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元
def test_2023_smart_factory_cap_is_10pct_up_to_2000():
    assert cap("2023/智能制造示范工厂项目", 15000).amount == Decimal("1500")
    assert cap("2023/智能制造示范工厂项目", 20000).amount == Decimal("2000")
    assert cap("2023/智能制造示范工厂项目", "3.5亿").amount == Decimal("2000")
    assert cap("2023/智能制造示范工厂项目", "12,345.67").amount == Decimal("1234.567")


def test_amounts_are_rounded_half_up_to_the_yuan():
    # 10% of 1234.56785 万元 = 123.456785 -> 123.4568 (half-up at the yuan)
    assert cap("2023/智能制造示范工厂项目", "1234.56785").amount == Decimal("123.4568")


def test_the_explanation_gives_formula_and_clause():
    award = cap("2023/智能制造示范工厂项目", 30000)
    assert "30000 万元 × 10% = 3000 万元" in award.explanation
    assert "000_e236479adaf7e68e.txt 第452-454行" in award.explanation


# 000 399-403: 首次拨付补助资金总额的50%
def test_first_payment_share_is_reported_not_deducted():
    award = cap("2023/高端化改造升级项目/重大技术改造项目", 30000)
    assert award.amount == Decimal("3000") and award.first_payment == Decimal("1500")


def test_notified_later_is_a_clear_message_not_zero():
    none = next(p for p in CAT.programs if p.kind == "none")
    with pytest.raises(NoAmountError) as exc:
        cap(none.id, 1000)
    assert "另行通知" in exc.value.message or "未明确" in exc.value.message


def test_recognitions_have_no_amount():
    rec = next(p for p in CAT.programs if p.kind == "recognition")
    with pytest.raises(NoAmountError) as exc:
        cap(rec.id)
    assert "认定" in exc.value.message


def test_tiered_needs_a_variant():
    with pytest.raises(VariantRequiredError):
        cap("2026/省级零碳（近零碳）工厂奖励项目")


# 004 339: 零碳工厂每家企业 200 万元，近零碳工厂每家企业 150 万元
def test_2026_zero_carbon_factory_fixed_by_variant():
    assert cap("2026/省级零碳（近零碳）工厂奖励项目", variant="零碳工厂").amount == Decimal("200")
    assert cap("2026/省级零碳（近零碳）工厂奖励项目", variant="近零碳工厂").amount == Decimal("150")


# 004 423: 按每家企业定额补助 2 万元
def test_2026_ai_diagnosis_is_2_wan_per_enterprise():
    assert cap("2026/“人工智能+制造”诊断项目", count=37).amount == Decimal("74")
    with pytest.raises(BadInputError):
        cap("2026/“人工智能+制造”诊断项目", count="2.5")


# 001 105: 首期按照总投资预算的30%安排，最高不超过2000万元 … 后期 … 最高不超过1000万元 (总 3000)
def test_2022_xinchuang_pilot_zone_two_stages():
    assert cap("2022/信息技术应用创新先导区项目", 5000).amount == Decimal("2500")  # 1500 + 1000
    assert cap("2022/信息技术应用创新先导区项目", 10000).amount == Decimal("3000")  # 2000 + 1000
    assert "绩效" in cap("2022/信息技术应用创新先导区项目", 5000).explanation


# 001 19: 贴息 … 设备发票金额 … 不超过10% … 单个项目的贴息和补助金额合计不超过2000万元
def test_2022_interest_and_equipment_under_one_cap():
    name = "2022/技术改造贷款贴息和设备补助项目"
    assert cap(name, bases={"贷款贴息": 300, "设备补助": 5000}).amount == Decimal("800")
    assert cap(name, bases={"贷款贴息": 300, "设备补助": 25000}).amount == Decimal("2000")
    assert cap(name, "贷款贴息=120；设备补助=1000").amount == Decimal("220")
    with pytest.raises(BadInputError):
        cap(name, 5000)  # one number cannot be both bases


# 2022 产业人才培养项目: actual cost up to 300
def test_actual_cost_up_to_the_cap():
    assert cap("2022/产业人才培养项目", 180).amount == Decimal("180")
    assert cap("2022/产业人才培养项目", 450).amount == Decimal("300")


@pytest.mark.parametrize("bad", [-1, "-5万", "很多", None, ""])
def test_bad_bases_raise(bad):
    with pytest.raises(BadInputError):
        cap("2023/智能制造示范工厂项目", bad)
