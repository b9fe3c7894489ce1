"""Per-clause tests for 002_1632e1bcc76db33b.txt, the 2021 江苏省工业和信息产业转型升级专项资金项目指南
(附件1, lines 1-425; per-direction 支持数量 from 附件1-2 / 1-3, lines 583-615).

Every expected number below was read from the seed text by hand; the clause's lines and a short
quote stand above each case.  Amounts are 万元.  "以上/不低于/不少于/（含）/前" include the number,
"超过/大于/低于/未满" exclude it (民法典 第一千二百五十九条; /work/shared/DOMAIN.md).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from clauses import assert_cap, assert_no_amount, assert_threshold, flatten, program

from subsidykit.amounts import cap
from subsidykit.errors import VariantRequiredError
from subsidykit.thresholds import check

SEED = "002_1632e1bcc76db33b.txt"

HIGH_END = "2021/高端化改造升级项目"
SMART = "2021/智能制造示范工厂项目"
BENCHMARK = "2021/工业互联网标杆工厂项目"
G5 = "2021/“5G+工业互联网”融合应用项目"
GREEN = "2021/绿色化改造升级项目"
SERVICE = "2021/服务化改造升级项目"
KEY_TECH = "2021/关键核心技术（装备）攻关"
IDENT = "2021/工业互联网标识解析项目"
PLATFORM = "2021/工业互联网平台项目"
SECURITY = "2021/工业互联网安全项目"
PILOT_ZONE = "2021/信息技术应用创新先导区项目"
XC_LAB = "2021/信息技术应用创新实验室项目"
DATA = "2021/数据产品化项目"
DIGI_PLATFORM = "2021-digital-public-service-platform"  # "(1)公共服务平台项目", line 300
DIGI_SOLUTION = "2021/系统解决方案服务商项目"
MERGER = "2021/企业重大兼并重组项目"
GIANT = "2021/专精特新“小巨人”企业培育项目"
STANDARD = "2021/标准领航质量提升工程项目"
NEV = "2021/新能源汽车推广应用项目"
AWARD = "2021/省级以上授牌认定奖励项目"
EVENTS = "2021/省委省政府部署的重大展会、重大活动项目"
INNOV = "2021/省级制造业创新中心建设发展项目"
CLUSTER = "2021/集群发展促进机构项目"
SME = "2021/中小企业公共服务平台项目"
TALENT = "2021/“英才名匠”产业人才培养项目"
GREEN_SOL = "2021/绿色制造系统解决方案服务商项目"

ALL = [
    HIGH_END, SMART, BENCHMARK, G5, GREEN, SERVICE, KEY_TECH, IDENT, PLATFORM, SECURITY, PILOT_ZONE,
    XC_LAB, DATA, DIGI_PLATFORM, DIGI_SOLUTION, MERGER, GIANT, STANDARD, NEV, AWARD, EVENTS, INNOV,
    CLUSTER, SME, TALENT, GREEN_SOL,
]

DP1 = "重点方向1（工业互联网标识解析公共应用服务平台）"
DP_OTHER = "其他重点方向（智慧江苏建设重点应用平台）"
DP_TENDER = "采用招投标方式的项目"
SME_1 = "平台建设投入和服务中小企业支出总额400万元以上（条件①）"
SME_2 = "各地中小企业服务中心（条件②）"
SME_3 = "承担国家和省重点任务的中小企业公益性平台"
GREEN_VARIANTS = ["以节能改造为主的项目", "以节水改造为主的项目", "废旧动力电池再生利用项目", "其他绿色化改造项目"]


def test_2021_guide_has_26_programs_all_in_the_catalog():
    from subsidykit.catalog import load_catalog

    cat = load_catalog()
    ids = {program(n).program.id for n in ALL}
    assert len(ids) == 26
    assert ids == {p.id for p in cat.programs if cat.doc_of[p.id].file == SEED}


# ----------------------------------------------------------------------------------------------
# rate × base up to the cap: below the cap, at the exact boundary, a cent under it, above it
# ----------------------------------------------------------------------------------------------
RATE_CAP = [
    # 26: 按不超过项目总投资的20%予以补助，单个项目支持额度最高不超过4000万元  (20000 × 20% = 4000)
    (HIGH_END, None, [(10000, "2000"), (20000, "4000"), (19999.99, "3999.998"), (30000, "4000")]),
    (HIGH_END, "产业链现代化提升项目", [(10000, "2000"), (20000, "4000"), (25000, "4000")]),
    (HIGH_END, "产业基础再造项目", [(5000, "1000"), (20000, "4000"), (19999.99, "3999.998"), (21000, "4000")]),
    # 50: 按不超过项目投入的 10% 予以补助，单个项目支持额度最高不超过 4000 万元
    (SMART, None, [(10000, "1000"), (40000, "4000"), (39999.99, "3999.999"), (50000, "4000")]),
    # 74: 按不超过项目总投资投入的 10%予以补助,单个项目支持额度最高不超过 2000 万元
    (BENCHMARK, None, [(3000, "300"), (20000, "2000"), (19999.99, "1999.999"), (25000, "2000")]),
    # 92: 按不超过项目总投资的 10% 予以补助，单个项目支持额度最高不超过 2000 万。 (万 = 万元)
    (G5, None, [(2000, "200"), (20000, "2000"), (19999.99, "1999.999"), (30000, "2000")]),
    # 114: 按不超过项目总投资投入的 10%予以补助，单个项目支持额度最高不超过 1000 万元
    (GREEN, None, [(1000, "100"), (10000, "1000"), (9999.99, "999.999"), (12000, "1000")]),
    *[(GREEN, v, [(1000, "100"), (10000, "1000"), (15000, "1000")]) for v in GREEN_VARIANTS],
    # 132: 按不超过项目总投资的 10%予以补助，单个项目支持额度最高不超过 1000 万元
    (SERVICE, None, [(1000, "100"), (10000, "1000"), (9999.99, "999.999"), (12000, "1000")]),
    # 150-152: 按一般不超过项目研发投入的30%予以补助，单个项目支持额度最高不超过 3000 万元
    (KEY_TECH, None, [(3000, "900"), (10000, "3000"), (9999.99, "2999.997"), (15000, "3000")]),
    # 196: 按不超过项目总投资的10%予以补助,单个项目支持额度最高不超过3000万元
    (PLATFORM, None, [(2000, "200"), (30000, "3000"), (29999.99, "2999.999"), (40000, "3000")]),
    # 214: 按不超过项目总投资的20%予以补助，单个项目支持额度最高不超过1000万元
    (SECURITY, None, [(500, "100"), (5000, "1000"), (4999.99, "999.998"), (6000, "1000")]),
    (SECURITY, "具备安全公共服务项目经验", [(500, "100"), (5000, "1000"), (6000, "1000")]),
    (SECURITY, "开展溯源方向专业性服务", [(500, "100"), (5000, "1000"), (6000, "1000")]),
    # 272: 按不超过项目总投资的 20% 进行补助，总额不超过 500 万元
    (DATA, None, [(1000, "200"), (2500, "500"), (2499.99, "499.998"), (3000, "500")]),
    # 300: 公共服务平台项目按不超过总投入的 20%予以补助,最高不超过 2000 万元
    (DIGI_PLATFORM, DP1, [(1000, "200"), (10000, "2000"), (9999.99, "1999.998"), (12000, "2000")]),
    (DIGI_PLATFORM, DP_OTHER, [(1000, "200"), (10000, "2000"), (9999.99, "1999.998"), (12000, "2000")]),
    # 302: 单个服务商补助额分为 200、300、500 万元三档,且支持比例不超过已完成合同金额的 20%
    (DIGI_SOLUTION, "200万元档", [(500, "100"), (1000, "200"), (999.99, "199.998"), (2000, "200")]),
    (DIGI_SOLUTION, "300万元档", [(1000, "200"), (1500, "300"), (1499.99, "299.998"), (2000, "300")]),
    (DIGI_SOLUTION, "500万元档", [(2000, "400"), (2500, "500"), (2499.99, "499.998"), (3000, "500")]),
    # 330: 按不超过并购企业对目标企业的实际出资额（支付现金部分）的5%予以补助，最高不超过3000万元
    (MERGER, None, [(5000, "250"), (60000, "3000"), (59999.99, "2999.9995"), (100000, "3000")]),
    # 350: 按不超过项目综合投入的20%予以补助,最高不超过500万元
    (GIANT, None, [(1000, "200"), (2500, "500"), (2499.99, "499.998"), (5000, "500")]),
    # 366: 按不超过项目综合投入的20%予以补助,最高不超过200万元
    (STANDARD, None, [(500, "100"), (1000, "200"), (999.99, "199.998"), (2000, "200")]),
    # 406: 省级制造业创新中心重大共性技术开发，按不超过项目投入的20%予以补助，最高不超过2000万元
    (INNOV, "重大共性技术开发", [(5000, "1000"), (10000, "2000"), (9999.99, "1999.998"), (20000, "2000")]),
    # 410: 按不超过项目总投资的 20% 予以补助，最高不超过 500 万元
    (CLUSTER, None, [(200, "40"), (2500, "500"), (2499.99, "499.998"), (3000, "500")]),
    # 412: 按不超过建设投入和服务支出总额的 20% 予以一次性补助，最高不超过 300 万元
    (SME, SME_1, [(400, "80"), (1500, "300"), (1499.99, "299.998"), (2000, "300")]),
    (SME, SME_2, [(200, "40"), (1500, "300"), (1499.99, "299.998"), (2000, "300")]),
    # 416: 单个服务商补助额分为 200、300、500 万元三档，且支持比例不超过已完成合同金额的 20%
    (GREEN_SOL, "200万元档", [(500, "100"), (1000, "200"), (999.99, "199.998"), (3000, "200")]),
    (GREEN_SOL, "300万元档", [(1000, "200"), (1500, "300"), (1499.99, "299.998"), (3000, "300")]),
    (GREEN_SOL, "500万元档", [(2000, "400"), (2500, "500"), (2499.99, "499.998"), (3000, "500")]),
]


@pytest.mark.parametrize(
    "name, variant, base, expected",
    flatten(RATE_CAP),
    ids=lambda x: str(x),
)
def test_2021_rate_times_base_up_to_cap(name, variant, base, expected):
    assert_cap(name, base, expected, variant=variant)


# 26: the rate of 2021 高端化改造升级项目 is 20% (not the 10% of the other 技术改造 headings)
def test_2021_high_end_upgrade_rate_is_20pct_of_total_investment_cap_4000():
    sel = program(HIGH_END)
    assert sel.program.rate == Decimal("0.20")
    assert sel.program.cap == Decimal("4000")
    assert sel.program.base == "项目总投资"
    assert sel.program.source.lines == (26, 26)
    assert "20%" in sel.program.source.text and "4000万元" in sel.program.source.text


# 50/74/92/114/132/150/196/214/272/330/350/366/410: the rate and base as printed
@pytest.mark.parametrize(
    "name, rate, base, top",
    [
        (SMART, "0.10", "项目投入", "4000"),
        (BENCHMARK, "0.10", "项目总投资投入", "2000"),
        (G5, "0.10", "项目总投资", "2000"),
        (GREEN, "0.10", "项目总投资投入", "1000"),
        (SERVICE, "0.10", "项目总投资", "1000"),
        (KEY_TECH, "0.30", "项目研发投入", "3000"),
        (PLATFORM, "0.10", "项目总投资", "3000"),
        (SECURITY, "0.20", "项目总投资", "1000"),
        (DATA, "0.20", "项目总投资", "500"),
        (MERGER, "0.05", "并购企业对目标企业的实际出资额（支付现金部分）", "3000"),
        (GIANT, "0.20", "项目综合投入", "500"),
        (STANDARD, "0.20", "项目综合投入", "200"),
        (CLUSTER, "0.20", "项目总投资", "500"),
    ],
)
def test_2021_rate_cap_program_has_printed_rate_base_and_cap(name, rate, base, top):
    p = program(name).program
    assert p.kind == "rate_cap"
    assert (p.rate, p.base, p.cap) == (Decimal(rate), base, Decimal(top))


# ----------------------------------------------------------------------------------------------
# fixed tiers, cap-only, actual cost, two-stage, no amount
# ----------------------------------------------------------------------------------------------
# 174: 单个项目补助额分为400、500万元两档 (the tier is set after the 考核; a tier must be chosen)
@pytest.mark.parametrize("variant, expected", [("400万元档", "400"), ("500万元档", "500")])
def test_2021_identifier_resolution_tiers_are_400_and_500(variant, expected):
    assert_cap(IDENT, None, expected, variant=variant)


@pytest.mark.parametrize("name", [IDENT, DIGI_SOLUTION, GREEN_SOL, DIGI_PLATFORM, SME, INNOV])
def test_2021_tiered_programs_need_a_variant(name):
    with pytest.raises(VariantRequiredError):
        cap(name, 1000)


# 406: 其建设发展资金支持未满3000万元的，给予不超过1000万元的补助
def test_2021_innovation_centre_development_fund_is_up_to_1000():
    assert_cap(INNOV, None, "1000", variant="建设发展资金")


# 414: 按符合规定的实际总投入予以补助，最高不超过 300 万元
@pytest.mark.parametrize("base, expected", [(100, "100"), (299.99, "299.99"), (300, "300"), (500, "300")])
def test_2021_talent_training_is_actual_cost_up_to_300(base, expected):
    assert_cap(TALENT, base, expected)


# 412: 承担国家和省重点任务的中小企业公益性平台，按实际支出予以补助 (no cap printed for this sentence)
@pytest.mark.parametrize("base, expected", [(250, "250"), (1000, "1000")])
def test_2021_sme_platform_key_task_pays_actual_expenditure(base, expected):
    assert_cap(SME, base, expected, variant=SME_3)


# 232: 每个先导区安排补助资金不超过3000万元，分两期安排。首期按照总投资预算的30%安排，最高不超过2000万元，
#      ……后期补助资金，最高不超过1000万元  (后期 depends on 绩效评价: the engine counts its maximum)
@pytest.mark.parametrize(
    "base, expected",
    [(5000, "2500"), (6000, "2800"), (6666.66, "2999.998"), (20000 / 3, "3000"), (10000, "3000"), (20000, "3000")],
)
def test_2021_xinchuang_pilot_zone_first_stage_30pct_up_to_2000_plus_1000(base, expected):
    assert_cap(PILOT_ZONE, base, expected)


# 252: 每个信创实验室补助资金总额不超过500万元……首期资金按照总投资预算的30%安排，最高不超过300万元；
#      二期……最高不超过200万元
@pytest.mark.parametrize("base, expected", [(500, "350"), (800, "440"), (999.99, "499.997"), (1000, "500"), (2000, "500")])
def test_2021_xinchuang_lab_first_stage_30pct_up_to_300_plus_200(base, expected):
    assert_cap(XC_LAB, base, expected)


@pytest.mark.parametrize(
    "name, total, stages",
    [
        (PILOT_ZONE, "3000", [("0.30", "总投资预算", "2000"), (None, None, "1000")]),  # 232
        (XC_LAB, "500", [("0.30", "总投资预算", "300"), (None, None, "200")]),  # 252
    ],
)
def test_2021_xinchuang_stages_as_printed(name, total, stages):
    p = program(name).program
    assert p.kind == "two_stage" and p.cap == Decimal(total)
    got = [(s.rate, s.base, s.cap) for s in p.stages]
    want = [(None if r is None else Decimal(r), b, Decimal(c)) for r, b, c in stages]
    assert got == want


# 372: (具体方案另行通知); 374: 按照省委省政府文件规定给予一次性奖励; 376: heading only;
# 300: 采用招投标方式的项目,按照财政规定标准或实际支出需要予以补助
@pytest.mark.parametrize("name, variant", [(NEV, None), (AWARD, None), (EVENTS, None), (DIGI_PLATFORM, DP_TENDER)])
def test_2021_programs_without_a_printed_amount(name, variant):
    assert_no_amount(name, variant=variant)


# ----------------------------------------------------------------------------------------------
# first payment (首次拨付)
# ----------------------------------------------------------------------------------------------
HALF = [
    (HIGH_END, None, 26),  # 首次拨付补助资金总额的50%，通过竣工验收审核后，再拨付剩余50%资金
    (SMART, None, 50),
    (BENCHMARK, None, 74),
    (G5, None, 92),
    (GREEN, None, 114),
    (SERVICE, None, 132),
    (KEY_TECH, None, 152),  # 首次拨付补助资金总额 50% 的启动资金
    (PLATFORM, None, 196),
    (SECURITY, None, 214),
    (DATA, None, 272),
    (DIGI_PLATFORM, DP1, 300),
    (DIGI_PLATFORM, DP_OTHER, 300),
    (MERGER, None, 330),  # 首次拨付补助资金总额的50%，完成并购后，再拨付剩余50%资金
    (INNOV, "重大共性技术开发", 406),
    (CLUSTER, None, 410),
    (TALENT, None, 414),  # 首次按照核定总预算的 50% 予以补助
]


@pytest.mark.parametrize("name, variant, line", HALF, ids=lambda x: str(x))
def test_2021_first_payment_is_half(name, variant, line):
    fp = program(name, variant=variant).field("first_payment")
    assert fp.share == Decimal("0.5") and fp.amount is None
    assert fp.source.lines[0] <= line <= fp.source.lines[1]


# 174 / 302 / 416: 2021年首次拨付100万元,经考核通过后,拨付剩余资金
@pytest.mark.parametrize(
    "name, variant, line",
    [(IDENT, "400万元档", 174), (IDENT, "500万元档", 174), (DIGI_SOLUTION, "200万元档", 302),
     (DIGI_SOLUTION, "500万元档", 302), (GREEN_SOL, "300万元档", 416)],
)
def test_2021_first_payment_is_100_wan(name, variant, line):
    fp = program(name, variant=variant).field("first_payment")
    assert fp.amount == Decimal("100") and fp.share is None
    assert fp.source.lines[0] <= line <= fp.source.lines[1]


def test_2021_first_payment_amounts_computed():
    # 26: 20000 × 20% = 4000 → 首次 50% = 2000
    assert cap(HIGH_END, 20000).first_payment == Decimal("2000")
    # 330: 5000 × 5% = 250 → 首次 125
    assert cap(MERGER, 5000).first_payment == Decimal("125")
    # 174: 首次拨付100万元 of the 400 tier
    assert cap(IDENT, None, variant="400万元档").first_payment == Decimal("100")
    # 302: 200 tier, completed contract 1000 → 200, 首次 100
    assert cap(DIGI_SOLUTION, 1000, variant="200万元档").first_payment == Decimal("100")


# 350/366 (no 首次拨付 sentence); 232/252 (two stages, no 首次拨付); 372-376; 406 建设发展资金; 412
@pytest.mark.parametrize(
    "name, variant",
    [(GIANT, None), (STANDARD, None), (PILOT_ZONE, None), (XC_LAB, None), (NEV, None), (AWARD, None),
     (EVENTS, None), (INNOV, "建设发展资金"), (SME, SME_1), (SME, SME_2), (SME, SME_3)],
)
def test_2021_no_first_payment_printed(name, variant):
    assert program(name, variant=variant).field("first_payment") is None


# ----------------------------------------------------------------------------------------------
# 支持数量 (quota)
# ----------------------------------------------------------------------------------------------
QUOTA = [
    (HIGH_END, None, 30, 30),  # 4. 支持数量。不超过30个。
    (SMART, None, 10, 54),
    (BENCHMARK, None, 15, 78),
    (G5, None, 15, 96),
    (GREEN, None, 50, 118),
    (SERVICE, None, 20, 136),
    (KEY_TECH, None, 60, 156),
    (IDENT, None, 25, 178),
    (PLATFORM, None, 5, 200),
    (SECURITY, None, 3, 218),
    (PILOT_ZONE, None, 3, 236),
    (XC_LAB, None, 5, 256),
    (DATA, None, 20, 276),
    # 附件1-2 (公共服务平台) 586-587: 不超过 2 个 + 不超过 6 个
    (DIGI_PLATFORM, None, 8, 586),
    (DIGI_PLATFORM, DP1, 2, 586),
    (DIGI_PLATFORM, DP_OTHER, 6, 587),
    # 附件1-2 (系统解决方案服务商) 592-600: 10 + 2 + 6 + 4 + 10
    (DIGI_SOLUTION, None, 32, 592),
    (MERGER, None, 15, 334),
    (GIANT, None, 60, 354),
    (STANDARD, None, 10, 370),
    # 附件1-3 605/606/609/610/615
    (INNOV, None, 10, 605),
    (CLUSTER, None, 5, 606),
    (SME, None, 30, 609),
    (TALENT, None, 20, 610),
    (GREEN_SOL, None, 20, 615),
]


@pytest.mark.parametrize("name, variant, n, line", QUOTA, ids=lambda x: str(x))
def test_2021_quota(name, variant, n, line):
    q = program(name, variant=variant).field("quota")
    assert q.value == n
    assert q.source.lines[0] <= line <= q.source.lines[1]


# 306: (四)数字经济服务体系建设项目 5. 支持数量。不超过 40 个。 = 8 + 32
# 420: 五、产业升级平台建设 (五)支持数量。不超过 85 个。 = 10 + 5 + 30 + 20 + 20
def test_2021_heading_totals_match_the_attachment_quotas():
    assert sum(program(n).program.quota.value for n in (DIGI_PLATFORM, DIGI_SOLUTION)) == 40
    assert sum(program(n).program.quota.value for n in (INNOV, CLUSTER, SME, TALENT, GREEN_SOL)) == 85


# 372-376: no 支持数量 printed
@pytest.mark.parametrize("name", [NEV, AWARD, EVENTS])
def test_2021_no_quota_printed(name):
    assert program(name).program.quota is None


# ----------------------------------------------------------------------------------------------
# 每个设区市限报 (city limits): only line 28 in lines 1-425 prints one
# ----------------------------------------------------------------------------------------------
# 28: 每个设区市（含所辖县、市、区）限报6个，其中，产业链现代化提升项目限报4个，产业基础再造项目限报2个。
def test_2021_high_end_upgrade_city_limits_6_of_which_4_and_2():
    lims = program(HIGH_END).program.city_limits
    assert [lim.value for lim in lims] == [6, 4, 2]
    for lim in lims:
        assert lim.scope.startswith("每个设区市（含所辖县、市、区）")
        assert lim.source.lines == (28, 28)
        assert not lim.shared_with  # both sub-types are variants of this one entry
    assert "产业链现代化提升项目" in lims[1].scope and "4" in lims[1].label
    assert "产业基础再造项目" in lims[2].scope and "2" in lims[2].label
    assert lims[1].value + lims[2].value == lims[0].value


@pytest.mark.parametrize("name", [n for n in ALL if n != HIGH_END])
def test_2021_no_other_city_limit_in_the_guide(name):
    assert not program(name).program.city_limits


# ----------------------------------------------------------------------------------------------
# thresholds: boundary value and just past it
# ----------------------------------------------------------------------------------------------
def T(name, variant, field, value, status, extra=None, *, id):
    return pytest.param(name, variant, field, value, status, extra, id=id)


THRESHOLDS = [
    # --- 高端化改造升级项目 ---
    # 15: 研发类项目不予支持
    T(HIGH_END, None, "研发类项目", False, "pass", id="high-end-not-rd"),
    T(HIGH_END, None, "研发类项目", True, "fail", id="high-end-rd"),
    # 16: 产业链现代化提升项目总投资原则上不低于1亿元
    T(HIGH_END, "产业链现代化提升项目", "项目总投入", 10000, "pass", id="high-end-chain-1e8"),
    T(HIGH_END, "产业链现代化提升项目", "项目总投入", 9999.99, "fail", id="high-end-chain-below-1e8"),
    # 16-18: 产业基础再造项目总投资原则上不低于5000万元
    T(HIGH_END, "产业基础再造项目", "项目总投入", 5000, "pass", id="high-end-base-5000"),
    T(HIGH_END, "产业基础再造项目", "项目总投入", 4999.99, "fail", id="high-end-base-below-5000"),
    # 18: 截至2021年3月底已投入不少于总投资的20%
    T(HIGH_END, None, "已投入比例", "20%", "pass", id="high-end-invested-20"),
    T(HIGH_END, None, "已投入比例", "19.99%", "fail", id="high-end-invested-below-20"),
    # 22: 项目已开工建设，须在2023年6月底前建设完成
    T(HIGH_END, None, "已开工建设", True, "pass", id="high-end-started"),
    T(HIGH_END, None, "已开工建设", False, "fail", id="high-end-not-started"),
    T(HIGH_END, None, "完工日期", "2023-06-30", "pass", id="high-end-done-by-june-2023"),
    T(HIGH_END, None, "完工日期", "2023-07-01", "fail", id="high-end-done-after-june-2023"),
    # --- 智能制造示范工厂项目 ---
    # 42: 智能制造装备应用总量不少于 10 台套，应用场景不少于 3 个
    T(SMART, None, "智能制造装备应用数量", 10, "pass", id="smart-10-sets"),
    T(SMART, None, "智能制造装备应用数量", 9, "fail", id="smart-9-sets"),
    T(SMART, None, "应用场景数量", 3, "pass", id="smart-3-scenes"),
    T(SMART, None, "应用场景数量", 2, "fail", id="smart-2-scenes"),
    # 46: 项目投入原则上不低于 1 亿元，截至 2021 年 3 月底已投入不少于 20%
    T(SMART, None, "项目总投入", 10000, "pass", id="smart-1e8"),
    T(SMART, None, "项目总投入", 9999.99, "fail", id="smart-below-1e8"),
    T(SMART, None, "已投入比例", "20%", "pass", id="smart-invested-20"),
    T(SMART, None, "已投入比例", "19.99%", "fail", id="smart-invested-below-20"),
    # 48: 项目已开工建设且尚未建成……须在 2022 年底前建设完成
    T(SMART, None, "已开工且尚未建成", True, "pass", id="smart-under-construction"),
    T(SMART, None, "已开工且尚未建成", False, "fail", id="smart-not-under-construction"),
    T(SMART, None, "完工日期", "2022-12-31", "pass", id="smart-done-2022"),
    T(SMART, None, "完工日期", "2023-01-01", "fail", id="smart-done-2023"),
    # --- 工业互联网标杆工厂项目 ---
    # 62-64: 企业须通过国家两化融合管理体系贯标
    T(BENCHMARK, None, "通过两化融合管理体系贯标", True, "pass", id="benchmark-dcmm-yes"),
    T(BENCHMARK, None, "通过两化融合管理体系贯标", False, "fail", id="benchmark-dcmm-no"),
    # 68: 项目总投资投入不低于 3000 万元,截至 2020 年底已投入不少于总投入的 60%,且软件投入……不少于总投入的
    #     20%,人工费用不超过总投入的 10%
    T(BENCHMARK, None, "项目总投入", 3000, "pass", id="benchmark-3000"),
    T(BENCHMARK, None, "项目总投入", 2999.99, "fail", id="benchmark-below-3000"),
    T(BENCHMARK, None, "已投入比例", "60%", "pass", id="benchmark-invested-60"),
    T(BENCHMARK, None, "已投入比例", "59.99%", "fail", id="benchmark-invested-below-60"),
    T(BENCHMARK, None, "软件投入占比", "20%", "pass", id="benchmark-software-20"),
    T(BENCHMARK, None, "软件投入占比", "19.99%", "fail", id="benchmark-software-below-20"),
    T(BENCHMARK, None, "人工费用占比", "10%", "pass", id="benchmark-labour-10"),
    T(BENCHMARK, None, "人工费用占比", "10.01%", "fail", id="benchmark-labour-above-10"),
    # 70: 制造系统能力至少满足 5 项指标
    T(BENCHMARK, None, "制造系统能力满足指标数", 5, "pass", id="benchmark-5-indicators"),
    T(BENCHMARK, None, "制造系统能力满足指标数", 4, "fail", id="benchmark-4-indicators"),
    # 72: 须在 2022 年底前建设完成
    T(BENCHMARK, None, "已开工且尚未建成", True, "pass", id="benchmark-under-construction"),
    T(BENCHMARK, None, "完工日期", "2022-12-31", "pass", id="benchmark-done-2022"),
    T(BENCHMARK, None, "完工日期", "2023-01-01", "fail", id="benchmark-done-2023"),
    # --- “5G+工业互联网”融合应用项目 ---
    # 86: 项目总投资投入不低于 2000 万元，截至 2021 年 3 月底已投入不少于总投入的 20%
    T(G5, None, "项目总投入", 2000, "pass", id="5g-2000"),
    T(G5, None, "项目总投入", 1999.99, "fail", id="5g-below-2000"),
    T(G5, None, "已投入比例", "20%", "pass", id="5g-invested-20"),
    T(G5, None, "已投入比例", "19.99%", "fail", id="5g-invested-below-20"),
    # 88: 须在 2022 年底前建设完成。项目建设主体与电信运营企业已签订 5G 网络建设或租赁合同。
    T(G5, None, "已开工且尚未建成", False, "fail", id="5g-not-under-construction"),
    T(G5, None, "完工日期", "2022-12-31", "pass", id="5g-done-2022"),
    T(G5, None, "完工日期", "2023-01-01", "fail", id="5g-done-2023"),
    T(G5, None, "已签订5G网络建设或租赁合同", True, "pass", id="5g-contract"),
    T(G5, None, "已签订5G网络建设或租赁合同", False, "fail", id="5g-no-contract"),
    # --- 绿色化改造升级项目 ---
    # 106: 项目总投资投入不低于1000万元，截至2021年3月底已投入不少于总投入的20%
    T(GREEN, None, "项目总投入", 1000, "pass", id="green-1000"),
    T(GREEN, None, "项目总投入", 999.99, "fail", id="green-below-1000"),
    T(GREEN, None, "已投入比例", "20%", "pass", id="green-invested-20"),
    T(GREEN, None, "已投入比例", "19.99%", "fail", id="green-invested-below-20"),
    # 110: 须在2022年底前建设完成
    T(GREEN, None, "已开工且尚未建成", False, "fail", id="green-not-under-construction"),
    T(GREEN, None, "完工日期", "2022-12-31", "pass", id="green-done-2022"),
    T(GREEN, None, "完工日期", "2023-01-01", "fail", id="green-done-2023"),
    # 112: 以节能改造为主的项目节能量不少于1000吨标准煤；以节水改造为主的项目节水量不少于10万吨；
    #      废旧动力电池再生利用项目年处置废旧动力电池不低于5000吨；其他……至少应符合3项指标中的2项
    T(GREEN, "以节能改造为主的项目", "节能量", 1000, "pass", id="green-energy-1000tce"),
    T(GREEN, "以节能改造为主的项目", "节能量", 999.99, "fail", id="green-energy-below-1000tce"),
    T(GREEN, "以节水改造为主的项目", "节水量不少于10万吨", True, "pass", id="green-water-yes"),
    T(GREEN, "以节水改造为主的项目", "节水量不少于10万吨", False, "fail", id="green-water-no"),
    T(GREEN, "废旧动力电池再生利用项目", "年处置废旧动力电池不低于5000吨", True, "pass", id="green-battery-yes"),
    T(GREEN, "废旧动力电池再生利用项目", "年处置废旧动力电池不低于5000吨", False, "fail", id="green-battery-no"),
    T(GREEN, "其他绿色化改造项目", "符合绿色化指标数量", 2, "pass", id="green-other-2-of-3"),
    T(GREEN, "其他绿色化改造项目", "符合绿色化指标数量", 1, "fail", id="green-other-1-of-3"),
    # --- 服务化改造升级项目 ---
    # 126: 项目总投资投入不低于1000万元，截至2021年3月底已投入不少于总投入的20%
    T(SERVICE, None, "项目总投入", 1000, "pass", id="service-1000"),
    T(SERVICE, None, "项目总投入", 999.99, "fail", id="service-below-1000"),
    T(SERVICE, None, "已投入比例", "20%", "pass", id="service-invested-20"),
    T(SERVICE, None, "已投入比例", "19.99%", "fail", id="service-invested-below-20"),
    # 130: 须在2022年底前建设完成
    T(SERVICE, None, "已开工且尚未建成", False, "fail", id="service-not-under-construction"),
    T(SERVICE, None, "完工日期", "2022-12-31", "pass", id="service-done-2022"),
    T(SERVICE, None, "完工日期", "2023-01-01", "fail", id="service-done-2023"),
    # --- 关键核心技术（装备）攻关 ---
    # 144: 有相关自主知识产权
    T(KEY_TECH, None, "有相关自主知识产权", True, "pass", id="key-tech-ip"),
    T(KEY_TECH, None, "有相关自主知识产权", False, "fail", id="key-tech-no-ip"),
    # 146: 须在2023年6月底前完成攻关任务
    T(KEY_TECH, None, "完工日期", "2023-06-30", "pass", id="key-tech-done-june-2023"),
    T(KEY_TECH, None, "完工日期", "2023-07-01", "fail", id="key-tech-done-july-2023"),
    # 148: 项目研发投入不低于3000万元
    T(KEY_TECH, None, "攻关总投入", 3000, "pass", id="key-tech-3000"),
    T(KEY_TECH, None, "攻关总投入", 2999.99, "fail", id="key-tech-below-3000"),
    # --- 工业互联网标识解析项目 ---
    # 166: 已通过工信部相关单位组织的专家评估
    T(IDENT, None, "通过工信部所属单位专家评估", True, "pass", id="ident-assessed"),
    T(IDENT, None, "通过工信部所属单位专家评估", False, "fail", id="ident-not-assessed"),
    # 168: 2021年底前上线……累计标识注册量不低于5000万，累计标识解析量不低于2000万，接入企业不少于50家
    T(IDENT, None, "上线日期", "2021-12-31", "pass", id="ident-online-2021"),
    T(IDENT, None, "上线日期", "2022-01-01", "fail", id="ident-online-2022"),
    T(IDENT, None, "累计标识注册量", 50_000_000, "pass", id="ident-reg-5e7"),
    T(IDENT, None, "累计标识注册量", 49_999_999, "fail", id="ident-reg-below-5e7"),
    T(IDENT, None, "累计标识解析量", 20_000_000, "pass", id="ident-resolve-2e7"),
    T(IDENT, None, "累计标识解析量", 19_999_999, "fail", id="ident-resolve-below-2e7"),
    T(IDENT, None, "接入企业数量", 50, "pass", id="ident-50-firms"),
    T(IDENT, None, "接入企业数量", 49, "fail", id="ident-49-firms"),
    # 170: 项目总投资投入不低于1000万元
    T(IDENT, None, "项目总投入", 1000, "pass", id="ident-1000"),
    T(IDENT, None, "项目总投入", 999.99, "fail", id="ident-below-1000"),
    # 172: 项目须在 2021 年底前完成
    T(IDENT, None, "完工日期", "2021-12-31", "pass", id="ident-done-2021"),
    T(IDENT, None, "完工日期", "2022-01-01", "fail", id="ident-done-2022"),
    # --- 工业互联网平台项目 ---
    # 184: 2018 年以来经认定的省、部级重点工业互联网平台、两化融合双创平台
    T(PLATFORM, None, "认定日期", "2018-01-01", "pass", id="platform-recognised-2018"),
    T(PLATFORM, None, "认定日期", "2017-12-31", "fail", id="platform-recognised-2017"),
    T(PLATFORM, None, "平台认定级别", "省级", "pass", id="platform-provincial"),
    T(PLATFORM, None, "平台认定级别", "部级", "pass", id="platform-ministerial"),
    T(PLATFORM, None, "平台认定级别", "市级", "fail", id="platform-city"),
    # 186: 项目总投资投入不低于 2000 万元,截至 2020 年底已投入不少于总投入的 60%,且软件投入……不少于总投入的
    #      30%,人工费用不超过总投入的 20%
    T(PLATFORM, None, "项目总投入", 2000, "pass", id="platform-2000"),
    T(PLATFORM, None, "项目总投入", 1999.99, "fail", id="platform-below-2000"),
    T(PLATFORM, None, "已投入比例", "60%", "pass", id="platform-invested-60"),
    T(PLATFORM, None, "已投入比例", "59.99%", "fail", id="platform-invested-below-60"),
    T(PLATFORM, None, "软件投入占比", "30%", "pass", id="platform-software-30"),
    T(PLATFORM, None, "软件投入占比", "29.99%", "fail", id="platform-software-below-30"),
    T(PLATFORM, None, "人工费用占比", "20%", "pass", id="platform-labour-20"),
    T(PLATFORM, None, "人工费用占比", "20.01%", "fail", id="platform-labour-above-20"),
    # 192: 须在2022年底前建设完成
    T(PLATFORM, None, "已开工且尚未建成", False, "fail", id="platform-not-under-construction"),
    T(PLATFORM, None, "完工日期", "2022-12-31", "pass", id="platform-done-2022"),
    T(PLATFORM, None, "完工日期", "2023-01-01", "fail", id="platform-done-2023"),
    # --- 工业互联网安全项目 ---
    # 206: 项目总投资不低于500万元,截至2021年3月底已投入不少于总投资的20%
    T(SECURITY, None, "项目总投入", 500, "pass", id="security-500"),
    T(SECURITY, None, "项目总投入", 499.99, "fail", id="security-below-500"),
    T(SECURITY, None, "已投入比例", "20%", "pass", id="security-invested-20"),
    T(SECURITY, None, "已投入比例", "19.99%", "fail", id="security-invested-below-20"),
    # 208-210: 具备不少于20家工业企业、2个行业的安全公共服务项目经验；或……全省工业企业IP地址在库数10万以上
    T(SECURITY, "具备安全公共服务项目经验", "安全公共服务工业企业数量", 20, "pass", id="security-20-firms"),
    T(SECURITY, "具备安全公共服务项目经验", "安全公共服务工业企业数量", 19, "fail", id="security-19-firms"),
    T(SECURITY, "具备安全公共服务项目经验", "安全公共服务行业数量", 2, "pass", id="security-2-sectors"),
    T(SECURITY, "具备安全公共服务项目经验", "安全公共服务行业数量", 1, "fail", id="security-1-sector"),
    T(SECURITY, "开展溯源方向专业性服务", "全省工业企业IP地址在库数", 100000, "pass", id="security-1e5-ip"),
    T(SECURITY, "开展溯源方向专业性服务", "全省工业企业IP地址在库数", 99999, "fail", id="security-below-1e5-ip"),
    # 212: 项目须在2022年底前完成
    T(SECURITY, None, "完工日期", "2022-12-31", "pass", id="security-done-2022"),
    T(SECURITY, None, "完工日期", "2023-01-01", "fail", id="security-done-2023"),
    # --- 信息技术应用创新先导区项目 ---
    # 228: 实施期内用于先导区建设的投资预算不低于1亿元
    T(PILOT_ZONE, None, "总投资预算", 10000, "pass", id="pilot-zone-1e8"),
    T(PILOT_ZONE, None, "总投资预算", 9999.99, "fail", id="pilot-zone-below-1e8"),
    # 230: 创建实施期为2年
    T(PILOT_ZONE, None, "项目实施周期", 2, "pass", id="pilot-zone-2-years"),
    T(PILOT_ZONE, None, "项目实施周期", 3, "fail", id="pilot-zone-3-years"),
    # 234: 申报主体。软件及信息产业园、经济开发区或高新技术产业开发区。
    T(PILOT_ZONE, None, "申报主体类型", "经济开发区", "pass", id="pilot-zone-dev-zone"),
    T(PILOT_ZONE, None, "申报主体类型", "企业", "fail", id="pilot-zone-firm"),
    # --- 信息技术应用创新实验室项目 ---
    # 254: 《江苏省信息技术应用创新产品图谱》中列入的省内骨干信创企业
    T(XC_LAB, None, "列入信创产品图谱的省内骨干信创企业", True, "pass", id="lab-listed"),
    T(XC_LAB, None, "列入信创产品图谱的省内骨干信创企业", False, "fail", id="lab-not-listed"),
    # 250: 每个试验室合作期不少于5年，其中建设期为2年
    T(XC_LAB, None, "合作期", 5, "pass", id="lab-5-years"),
    T(XC_LAB, None, "合作期", 4, "fail", id="lab-4-years"),
    T(XC_LAB, None, "项目实施周期", 2, "pass", id="lab-build-2-years"),
    T(XC_LAB, None, "项目实施周期", 1, "fail", id="lab-build-1-year"),
    # 248: 至少实现一个方向的突破
    T(XC_LAB, None, "攻关突破方向数量", 1, "pass", id="lab-1-breakthrough"),
    T(XC_LAB, None, "攻关突破方向数量", 0, "fail", id="lab-0-breakthrough"),
    # --- 数据产品化项目 ---
    # 262: 已入……企业库，项目入选近两年省级大数据、区块链应用示范项目且未获得过专项资金支持
    T(DATA, None, "已入省云计算大数据区块链企业库", True, "pass", id="data-in-pool"),
    T(DATA, None, "已入省云计算大数据区块链企业库", False, "fail", id="data-not-in-pool"),
    T(DATA, None, "示范级别", "省级", "pass", id="data-provincial-demo"),
    T(DATA, None, "示范级别", "市级", "fail", id="data-city-demo"),
    T(DATA, None, "项目已获本专项资金支持", False, "pass", id="data-not-funded"),
    T(DATA, None, "项目已获本专项资金支持", True, "fail", id="data-funded"),
    # 268: 项目总投资不低于 1000 万元，截至 2021 年 3 月底已投入不少于总投资的 20%
    T(DATA, None, "项目总投入", 1000, "pass", id="data-1000"),
    T(DATA, None, "项目总投入", 999.99, "fail", id="data-below-1000"),
    T(DATA, None, "已投入比例", "20%", "pass", id="data-invested-20"),
    T(DATA, None, "已投入比例", "19.99%", "fail", id="data-invested-below-20"),
    # 270: 项目须于 2022 年底前完成
    T(DATA, None, "完工日期", "2022-12-31", "pass", id="data-done-2022"),
    T(DATA, None, "完工日期", "2023-01-01", "fail", id="data-done-2023"),
    # --- 公共服务平台项目 (数字经济服务体系) ---
    # 288: 公共服务平台项目总投资不低于 1000 万元，截至 2020 年底已投入不少于总投资的 60%，原则上 2021 年底前
    #      建成运营（其中重点方向 1 原则上在 2021 年 3 月底投入不少于总投资的 20%，且在 2022 年底前建成运营)
    T(DIGI_PLATFORM, DP_OTHER, "项目总投入", 1000, "pass", {"采用招投标方式": False}, id="dp-1000"),
    T(DIGI_PLATFORM, DP_OTHER, "项目总投入", 999.99, "fail", {"采用招投标方式": False}, id="dp-below-1000"),
    T(DIGI_PLATFORM, DP1, "项目总投入", 999.99, "fail", {"采用招投标方式": False}, id="dp1-below-1000"),
    T(DIGI_PLATFORM, DP_OTHER, "已投入比例", "60%", "pass", id="dp-other-invested-60"),
    T(DIGI_PLATFORM, DP_OTHER, "已投入比例", "59.99%", "fail", id="dp-other-invested-below-60"),
    T(DIGI_PLATFORM, DP_OTHER, "完工日期", "2021-12-31", "pass", id="dp-other-running-2021"),
    T(DIGI_PLATFORM, DP_OTHER, "完工日期", "2022-01-01", "fail", id="dp-other-running-2022"),
    T(DIGI_PLATFORM, DP1, "已投入比例", "20%", "pass", id="dp1-invested-20"),
    T(DIGI_PLATFORM, DP1, "已投入比例", "19.99%", "fail", id="dp1-invested-below-20"),
    T(DIGI_PLATFORM, DP1, "完工日期", "2022-12-31", "pass", id="dp1-running-2022"),
    T(DIGI_PLATFORM, DP1, "完工日期", "2023-01-01", "fail", id="dp1-running-2023"),
    # --- 系统解决方案服务商项目 ---
    # 292: 2020 年 1 月 1 日至 2020 年 12 月 31 日签订的服务合同金额不低于 1000 万元(其中两化融合贯标系统解决方案
    #      服务商合同金额不低于 500 万元)
    T(DIGI_SOLUTION, None, "服务合同金额", 1000, "pass", {"两化融合贯标系统解决方案服务商": False}, id="ds-1000"),
    T(DIGI_SOLUTION, None, "服务合同金额", 999.99, "fail", {"两化融合贯标系统解决方案服务商": False}, id="ds-below-1000"),
    T(DIGI_SOLUTION, None, "服务合同金额", 500, "pass", {"两化融合贯标系统解决方案服务商": True}, id="ds-integration-500"),
    T(DIGI_SOLUTION, None, "服务合同金额", 499.99, "fail", {"两化融合贯标系统解决方案服务商": True}, id="ds-integration-below-500"),
    T(DIGI_SOLUTION, None, "合同签订日期", "2020-01-01", "pass", id="ds-signed-2020-01-01"),
    T(DIGI_SOLUTION, None, "合同签订日期", "2020-12-31", "pass", id="ds-signed-2020-12-31"),
    T(DIGI_SOLUTION, None, "合同签订日期", "2019-12-31", "fail", id="ds-signed-2019"),
    T(DIGI_SOLUTION, None, "合同签订日期", "2021-01-01", "fail", id="ds-signed-2021"),
    # --- 企业重大兼并重组项目 ---
    # 320: 同一母公司控制下的各子公司间交易所进行的兼并重组不可申报
    T(MERGER, None, "同一母公司控制下子公司间交易", False, "pass", id="merger-arms-length"),
    T(MERGER, None, "同一母公司控制下子公司间交易", True, "fail", id="merger-intra-group"),
    # 322: 发起方须为企业唯一控股 50% 及以上的最大股东
    T(MERGER, None, "发起方持股比例", "50%", "pass", id="merger-50pct"),
    T(MERGER, None, "发起方持股比例", "49.99%", "fail", id="merger-below-50pct"),
    # 324-326: 实际出资额折合人民币5000万元以上（……列入合并计算的单个项目出资额须大于5000万元）
    T(MERGER, None, "并购实际出资额", 5000, "pass", id="merger-5000"),
    T(MERGER, None, "并购实际出资额", 4999.99, "fail", id="merger-below-5000"),
    T(MERGER, None, "列入合并计算的单个并购项目出资额", 5000, "fail", {"多个并购项目合并计算": True}, id="merger-single-5000-not-above"),
    T(MERGER, None, "列入合并计算的单个并购项目出资额", 5000.01, "pass", {"多个并购项目合并计算": True}, id="merger-single-above-5000"),
    # 328: 2021年底前完成并购。2020年底已完成的兼并重组项目不予支持。
    T(MERGER, None, "并购完成日期", "2021-01-01", "pass", id="merger-done-2021-01-01"),
    T(MERGER, None, "并购完成日期", "2021-12-31", "pass", id="merger-done-2021-12-31"),
    T(MERGER, None, "并购完成日期", "2020-12-31", "fail", id="merger-done-2020"),
    T(MERGER, None, "并购完成日期", "2022-01-01", "fail", id="merger-done-2022"),
    # --- 专精特新“小巨人”企业培育项目 ---
    # 340: 2020年省认定的专精特新小巨人企业
    T(GIANT, None, "认定日期", "2020-01-01", "pass", id="giant-recognised-2020-01-01"),
    T(GIANT, None, "认定日期", "2020-12-31", "pass", id="giant-recognised-2020-12-31"),
    T(GIANT, None, "认定日期", "2019-12-31", "fail", id="giant-recognised-2019"),
    T(GIANT, None, "认定日期", "2021-01-01", "fail", id="giant-recognised-2021"),
    T(GIANT, None, "专精特新资质", "省级专精特新小巨人企业", "pass", id="giant-provincial"),
    T(GIANT, None, "专精特新资质", "市级专精特新中小企业", "fail", id="giant-city"),
    # 342: 企业近三年主营业务收入平均增长8%以上
    T(GIANT, None, "主营业务收入平均增长率", "8%", "pass", id="giant-growth-8"),
    T(GIANT, None, "主营业务收入平均增长率", "7.99%", "fail", id="giant-growth-below-8"),
    # 344: 主导产品销售收入占主营业务收入比重60%以上，……研发投入占主营业务收入比重平均达4%以上
    T(GIANT, None, "主导产品销售收入占主营业务收入比例", "60%", "pass", id="giant-main-product-60"),
    T(GIANT, None, "主导产品销售收入占主营业务收入比例", "59.99%", "fail", id="giant-main-product-below-60"),
    T(GIANT, None, "研发费用占主营业务收入比例", "4%", "pass", id="giant-rd-4"),
    T(GIANT, None, "研发费用占主营业务收入比例", "3.99%", "fail", id="giant-rd-below-4"),
    # 346: 项目综合投入……不低于1000万元
    T(GIANT, None, "项目综合投入", 1000, "pass", id="giant-invest-1000"),
    T(GIANT, None, "项目综合投入", 999.99, "fail", id="giant-invest-below-1000"),
    # 348: 上年度实缴税金不低于400万元
    T(GIANT, None, "实缴税金", 400, "pass", id="giant-tax-400"),
    T(GIANT, None, "实缴税金", 399.99, "fail", id="giant-tax-below-400"),
    # --- 标准领航质量提升工程项目 ---
    # 360: 承担2021年度“质量提升标准领航工程”的企业
    T(STANDARD, None, "承担2021年度质量提升标准领航工程", True, "pass", id="standard-in-programme"),
    T(STANDARD, None, "承担2021年度质量提升标准领航工程", False, "fail", id="standard-not-in-programme"),
    # 364: 企业上年度综合投入……不低于500万元
    T(STANDARD, None, "项目综合投入", 500, "pass", id="standard-500"),
    T(STANDARD, None, "项目综合投入", 499.99, "fail", id="standard-below-500"),
    # --- 省级以上授牌认定奖励项目 ---
    # 374: 获2020年中国工业大奖 ……
    T(AWARD, None, "奖励事项", "2020年中国工业大奖", "pass", id="award-industry-prize"),
    T(AWARD, None, "奖励事项", "2021年中国工业大奖", "fail", id="award-wrong-year"),
    # --- 省级制造业创新中心建设发展项目 ---
    # 388: 申报建设发展资金须为省试点建设的制造业创新中心
    T(INNOV, "建设发展资金", "省试点建设的制造业创新中心", True, "pass", id="innov-pilot"),
    T(INNOV, "建设发展资金", "省试点建设的制造业创新中心", False, "fail", id="innov-not-pilot"),
    # 406: 其建设发展资金支持未满3000万元的
    T(INNOV, "建设发展资金", "已获建设发展资金支持累计额", 2999.99, "pass", id="innov-fund-below-3000"),
    T(INNOV, "建设发展资金", "已获建设发展资金支持累计额", 3000, "fail", id="innov-fund-3000"),
    # 388: 项目总投资投入5000万元以上,截至2021年3月底已投入不少于1000万元
    T(INNOV, "重大共性技术开发", "项目总投入", 5000, "pass", id="innov-tech-5000"),
    T(INNOV, "重大共性技术开发", "项目总投入", 4999.99, "fail", id="innov-tech-below-5000"),
    T(INNOV, "重大共性技术开发", "已投入金额", 1000, "pass", id="innov-tech-invested-1000"),
    T(INNOV, "重大共性技术开发", "已投入金额", 999.99, "fail", id="innov-tech-invested-below-1000"),
    # 390: 重大共性技术开发项目原则上应在 2022 年底前完成
    T(INNOV, "重大共性技术开发", "完工日期", "2022-12-31", "pass", id="innov-tech-done-2022"),
    T(INNOV, "重大共性技术开发", "完工日期", "2023-01-01", "fail", id="innov-tech-done-2023"),
    # --- 集群发展促进机构项目 ---
    # 392: 拥有 10 人以上的专职服务团队……项目总投入不低于 200 万元，截至 2021 年 3 月底已投入不少于总投入的
    #      20%……项目须于 2022 年底前完成
    T(CLUSTER, None, "服务团队人数", 10, "pass", id="cluster-10-staff"),
    T(CLUSTER, None, "服务团队人数", 9, "fail", id="cluster-9-staff"),
    T(CLUSTER, None, "项目总投入", 200, "pass", id="cluster-200"),
    T(CLUSTER, None, "项目总投入", 199.99, "fail", id="cluster-below-200"),
    T(CLUSTER, None, "已投入比例", "20%", "pass", id="cluster-invested-20"),
    T(CLUSTER, None, "已投入比例", "19.99%", "fail", id="cluster-invested-below-20"),
    T(CLUSTER, None, "完工日期", "2022-12-31", "pass", id="cluster-done-2022"),
    T(CLUSTER, None, "完工日期", "2023-01-01", "fail", id="cluster-done-2023"),
    # --- 中小企业公共服务平台项目 ---
    # 394: 须为有效期内的省级以上（含省）中小企业公共服务示范平台（基地）
    T(SME, SME_1, "示范级别", "省级", "pass", id="sme-provincial"),
    T(SME, SME_1, "示范级别", "国家级", "pass", id="sme-national"),
    T(SME, SME_1, "示范级别", "市级", "fail", id="sme-city"),
    # 394 ①: 总额达 400 万元以上，提供的免费公益性服务或低收费服务不少于总服务量的 20%
    T(SME, SME_1, "建设投入和服务中小微企业支出", 400, "pass", id="sme-1-400"),
    T(SME, SME_1, "建设投入和服务中小微企业支出", 399.99, "fail", id="sme-1-below-400"),
    T(SME, SME_1, "公益性或低收费服务占总服务量比例", "20%", "pass", id="sme-1-free-20"),
    T(SME, SME_1, "公益性或低收费服务占总服务量比例", "19.99%", "fail", id="sme-1-free-below-20"),
    # 394 ②: 总额达 200 万元以上，所有服务均为免费公益性服务
    T(SME, SME_2, "建设投入和服务中小微企业支出", 200, "pass", id="sme-2-200"),
    T(SME, SME_2, "建设投入和服务中小微企业支出", 199.99, "fail", id="sme-2-below-200"),
    T(SME, SME_2, "免费公益性服务比例", "100%", "pass", id="sme-2-all-free"),
    T(SME, SME_2, "免费公益性服务比例", "99.99%", "fail", id="sme-2-not-all-free"),
    # --- “英才名匠”产业人才培养项目 ---
    # 396-398: 申报单位具有培训资质
    T(TALENT, None, "具有培训资质", True, "pass", id="talent-licensed"),
    T(TALENT, None, "具有培训资质", False, "fail", id="talent-unlicensed"),
    # 398: 注册运营时间及实际开展培训业务时间不低于3年（截至2020年12月底）
    T(TALENT, None, "成立日期", "2017-12-31", "pass", id="talent-founded-2017-12-31"),
    T(TALENT, None, "成立日期", "2018-01-01", "fail", id="talent-founded-2018"),
    T(TALENT, None, "培训业务开展年限", 3, "pass", id="talent-training-3y"),
    T(TALENT, None, "培训业务开展年限", 2.9, "fail", id="talent-training-below-3y"),
    # 398: 注册资金不低于500万元，近三年年均收入不低于500万元……事业单位和非营利性机构不受注册资金和收入总额限制
    T(TALENT, None, "注册资金", 500, "pass", {"事业单位或非营利性机构": False}, id="talent-capital-500"),
    T(TALENT, None, "注册资金", 499.99, "fail", {"事业单位或非营利性机构": False}, id="talent-capital-below-500"),
    T(TALENT, None, "年均收入", 500, "pass", {"事业单位或非营利性机构": False}, id="talent-income-500"),
    T(TALENT, None, "年均收入", 499.99, "fail", {"事业单位或非营利性机构": False}, id="talent-income-below-500"),
    # 398: 近三年年均培训不低于1200人次（不含线上培训）
    T(TALENT, None, "年均培训人次", 1200, "pass", id="talent-1200-trainees"),
    T(TALENT, None, "年均培训人次", 1199, "fail", id="talent-1199-trainees"),
    T(TALENT, None, "承接省级以上政府部门培训项目经验", True, "pass", id="talent-gov-experience"),
    T(TALENT, None, "承接省级以上政府部门培训项目经验", False, "fail", id="talent-no-gov-experience"),
    # --- 绿色制造系统解决方案服务商项目 ---
    # 400: 2020年1月1日至2020年12月31日签订的服务省内企业的合同总额不低于3000万元
    T(GREEN_SOL, None, "服务合同金额", 3000, "pass", id="green-sol-3000"),
    T(GREEN_SOL, None, "服务合同金额", 2999.99, "fail", id="green-sol-below-3000"),
    T(GREEN_SOL, None, "合同签订日期", "2020-12-31", "pass", id="green-sol-signed-2020"),
    T(GREEN_SOL, None, "合同签订日期", "2021-01-01", "fail", id="green-sol-signed-2021"),
    T(GREEN_SOL, None, "合同签订日期", "2019-12-31", "fail", id="green-sol-signed-2019"),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", THRESHOLDS)
def test_2021_thresholds_follow_the_counting_words(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)


# 326: the 大于5000万元 condition applies only when several acquisitions are counted together
def test_2021_merger_single_deal_condition_only_when_combined():
    report = check(MERGER, {"列入合并计算的单个并购项目出资额": 3000, "多个并购项目合并计算": False},
                   only_given=True, include_general=False)
    assert not [r for r in report.results if r.field == "列入合并计算的单个并购项目出资额"]


# 398: 事业单位和非营利性机构不受注册资金和收入总额限制
@pytest.mark.parametrize("field", ["注册资金", "年均收入"])
def test_2021_talent_capital_and_income_floors_do_not_bind_public_institutions(field):
    report = check(TALENT, {field: 100, "事业单位或非营利性机构": True}, only_given=True, include_general=False)
    assert not [r for r in report.results if r.field == field]


# 288/294: 采用招投标方式的项目,按标书要求申报 — the 1000万元 floor is read as not applying to them
def test_2021_digital_platform_investment_floor_not_for_tendered_projects():
    report = check(DIGI_PLATFORM, {"项目总投入": 500, "采用招投标方式": True}, variant=DP_TENDER,
                   only_given=True, include_general=False)
    assert not [r for r in report.results if r.field == "项目总投入"]


# 16-18: the 1亿 / 5000万 floors belong to the sub-type — without one chosen the engine asks for it
def test_2021_high_end_upgrade_floor_depends_on_sub_type():
    report = check(HIGH_END, {"项目总投资": 6000}, only_given=True, include_general=False)
    assert any(r.status == "missing" and r.field == "子类" for r in report.results)
    assert_threshold(HIGH_END, "项目总投入", 6000, "pass", variant="产业基础再造项目")
    assert_threshold(HIGH_END, "项目总投入", 6000, "fail", variant="产业链现代化提升项目")


# Lines 1-425 have no 申报条件 for the whole guide (each heading has its own 支持条件).
def test_2021_no_general_thresholds():
    from subsidykit.catalog import load_catalog

    cat = load_catalog()
    assert cat.general_thresholds(program(HIGH_END).program) == []


# ==============================================================================================
# 附件1-2 / 1-3 (lines 583-615): the 认定标准, 建设内容 / 实施内容 and 实施目标 that 284 and 384 make
# conditions ("项目符合附件规定的重点方向、建设内容、实施目标、认定标准等").  Read by hand from the table rows.
# ==============================================================================================
DS_DIGITAL = "数字化转型解决方案服务商"  # 592
DS_DCMM = "数据管理能力成熟度（DCMM）评估与服务（招标）"  # 593
DS_SECURITY = "工业互联网安全解决方案提供商"  # 596
DS_STANDARD = "标准研制与应用解决方案服务商"  # 599
DS_FIRST_SOFTWARE = "重点领域首版次软件产品应用解决方案提供商"  # 600
DS_DIRECTIONS = [DS_DIGITAL, DS_DCMM, DS_SECURITY, DS_STANDARD, DS_FIRST_SOFTWARE]

CRYPTO = {"安全解决方案方向": "工业互联网与密码融合创新应用"}  # 596 ①
PROTECT = {"安全解决方案方向": "工业信息安全防护能力提升"}  # 596 ②
AWARE = {"安全解决方案方向": "企业侧安全态势感知系统"}  # 596 ③
EMC = {"服务项目类型": "合同能源管理项目"}  # 615 第4条
EMC_BATTERY = {"服务项目类型": "合同能源管理项目（退役动力电池回收利用）"}  # 615 第4条“其中”
BATTERY = {"服务项目类型": "退役动力电池回收利用项目"}  # 615 第5条
TRANSFORMER = {"服务项目类型": "高效节能变压器"}  # 615 第6条
NOT_MIIT = {"两化融合贯标系统解决方案服务商": False}
MIIT = {"两化融合贯标系统解决方案服务商": True}


# 302: 单个服务商补助额分为 200、300、500 万元三档,且支持比例不超过已完成合同金额的 20%
# (a direction variant keeps the program's amounts; the tier is set after the 考核, so its maximum is the top tier)
@pytest.mark.parametrize("variant", [d for d in DS_DIRECTIONS if d != DS_DCMM])
@pytest.mark.parametrize("base, expected", [(1000, "200"), (2499.99, "499.998"), (2500, "500"), (4000, "500")])
def test_2021_solution_provider_directions_are_20pct_up_to_the_500_tier(variant, base, expected):
    assert_cap(DIGI_SOLUTION, base, expected, variant=variant)


# 592: 不超过 10 个; 593: 不超过 2 个; 596: 不超过6个; 599: 不超过 4 个; 600: 不超过 10 个 (sum 32, line 592-600)
@pytest.mark.parametrize(
    "variant, quota",
    [(DS_DIGITAL, 10), (DS_DCMM, 2), (DS_SECURITY, 6), (DS_STANDARD, 4), (DS_FIRST_SOFTWARE, 10)],
)
def test_2021_solution_provider_direction_quotas(variant, quota):
    assert program(DIGI_SOLUTION, variant).variant.quota.value == quota


def test_2021_solution_provider_direction_quotas_add_up_to_32():
    p = program(DIGI_SOLUTION).program
    assert sum(v.quota.value for v in p.variants if v.name in DS_DIRECTIONS) == p.quota.value == 32


# 302: 2021 年首次拨付 100 万元 — the direction variants inherit the program's first payment
def test_2021_solution_provider_direction_first_payment_is_100():
    assert cap(DIGI_SOLUTION, 3000, variant=DS_SECURITY).first_payment == Decimal("100")


ANNEX_THRESHOLDS = [
    # --- 数字化转型解决方案服务商, 592 认定标准 2、3 ---
    # 592: 服务企业数量不少于 30 家，且中小企业数量占比不少于全部用户数量的 30%，
    #      2021 年应用合同不低于 1000 万元 (工业互联网) / 不低于 500 万元 (两化融合贯标)
    T(DIGI_SOLUTION, DS_DIGITAL, "服务企业数量", 30, "pass", id="ds-digital-30-firms"),
    T(DIGI_SOLUTION, DS_DIGITAL, "服务企业数量", 29, "fail", id="ds-digital-29-firms"),
    T(DIGI_SOLUTION, DS_DIGITAL, "中小企业用户占比", "30%", "pass", id="ds-digital-sme-30pct"),
    T(DIGI_SOLUTION, DS_DIGITAL, "中小企业用户占比", "29.99%", "fail", id="ds-digital-sme-below-30pct"),
    T(DIGI_SOLUTION, DS_DIGITAL, "应用合同金额", 1000, "pass", NOT_MIIT, id="ds-digital-iiot-1000"),
    T(DIGI_SOLUTION, DS_DIGITAL, "应用合同金额", 999.99, "fail", NOT_MIIT, id="ds-digital-iiot-below-1000"),
    T(DIGI_SOLUTION, DS_DIGITAL, "应用合同金额", 500, "pass", MIIT, id="ds-digital-miit-500"),
    T(DIGI_SOLUTION, DS_DIGITAL, "应用合同金额", 499.99, "fail", MIIT, id="ds-digital-miit-below-500"),
    # --- DCMM（招标）, 593 ---
    # 593 认定标准 3: 有专门从事……评估服务工作的队伍，不少于 3 人
    T(DIGI_SOLUTION, DS_DCMM, "DCMM评估服务人员数", 3, "pass", id="ds-dcmm-3-staff"),
    T(DIGI_SOLUTION, DS_DCMM, "DCMM评估服务人员数", 2, "fail", id="ds-dcmm-2-staff"),
    # --- 工业互联网安全解决方案提供商, 596 ---
    # 596 认定 1: 有不少于2项商用密码产品认证证书……提供不少于2个工业互联网行业应用场景
    T(DIGI_SOLUTION, DS_SECURITY, "商用密码产品认证证书数量", 2, "pass", CRYPTO, id="ds-sec-crypto-2-certs"),
    T(DIGI_SOLUTION, DS_SECURITY, "商用密码产品认证证书数量", 1, "fail", CRYPTO, id="ds-sec-crypto-1-cert"),
    T(DIGI_SOLUTION, DS_SECURITY, "工业互联网行业应用场景数量", 2, "pass", CRYPTO, id="ds-sec-crypto-2-scenes"),
    T(DIGI_SOLUTION, DS_SECURITY, "工业互联网行业应用场景数量", 1, "fail", CRYPTO, id="ds-sec-crypto-1-scene"),
    # 596 认定 2: 是省级及以上工业信息安全服务支撑机构……服务案例大于10个 (大于 excludes 10)
    T(DIGI_SOLUTION, DS_SECURITY, "工业信息安全服务支撑机构级别", "省级", "pass", PROTECT, id="ds-sec-protect-provincial"),
    T(DIGI_SOLUTION, DS_SECURITY, "工业信息安全服务支撑机构级别", "国家级", "pass", PROTECT, id="ds-sec-protect-national"),
    T(DIGI_SOLUTION, DS_SECURITY, "工业信息安全服务支撑机构级别", "市级", "fail", PROTECT, id="ds-sec-protect-city"),
    T(DIGI_SOLUTION, DS_SECURITY, "服务案例数量", 11, "pass", PROTECT, id="ds-sec-protect-11-cases"),
    T(DIGI_SOLUTION, DS_SECURITY, "服务案例数量", 10, "fail", PROTECT, id="ds-sec-protect-10-cases"),
    # 596 认定 3: 省内应用案例不少于2个
    T(DIGI_SOLUTION, DS_SECURITY, "省内应用案例数量", 2, "pass", AWARE, id="ds-sec-aware-2-cases"),
    T(DIGI_SOLUTION, DS_SECURITY, "省内应用案例数量", 1, "fail", AWARE, id="ds-sec-aware-1-case"),
    # --- 标准研制与应用解决方案服务商, 599 ---
    # 599 认定 1: 近 3 年牵头制定的……标准项目 (read: 发布或立项 on or after 2018-01-01)
    T(DIGI_SOLUTION, DS_STANDARD, "标准项目发布或立项日期", "2018-01-01", "pass", id="ds-std-2018-01-01"),
    T(DIGI_SOLUTION, DS_STANDARD, "标准项目发布或立项日期", "2017-12-31", "fail", id="ds-std-2017-12-31"),
    # 599 认定 2: 所制定的标准在 2020 年获得……正式立项……或在 2020 年通过……ITSS……评估
    T(DIGI_SOLUTION, DS_STANDARD, "标准立项发布或ITSS评估日期", "2020-01-01", "pass", id="ds-std-2020-start"),
    T(DIGI_SOLUTION, DS_STANDARD, "标准立项发布或ITSS评估日期", "2020-12-31", "pass", id="ds-std-2020-end"),
    T(DIGI_SOLUTION, DS_STANDARD, "标准立项发布或ITSS评估日期", "2019-12-31", "fail", id="ds-std-2019"),
    T(DIGI_SOLUTION, DS_STANDARD, "标准立项发布或ITSS评估日期", "2021-01-01", "fail", id="ds-std-2021"),
    # 599: 2020 年至今……合同总额不低于 1000 万; 近两年软件业务收入年增长率不低于 20%
    T(DIGI_SOLUTION, DS_STANDARD, "软件产品销售和信息技术服务合同总额", 1000, "pass", id="ds-std-contracts-1000"),
    T(DIGI_SOLUTION, DS_STANDARD, "软件产品销售和信息技术服务合同总额", 999.99, "fail", id="ds-std-contracts-below-1000"),
    T(DIGI_SOLUTION, DS_STANDARD, "软件业务收入年增长率", "20%", "pass", id="ds-std-growth-20pct"),
    T(DIGI_SOLUTION, DS_STANDARD, "软件业务收入年增长率", "19.99%", "fail", id="ds-std-growth-below-20pct"),
    # --- 重点领域首版次软件产品应用解决方案提供商, 600 ---
    # 600 认定 3: 开发完成日期须在 2020 年 1 月 1 日及以后; 6: 通过省级以上软件产品检测机构的检测
    T(DIGI_SOLUTION, DS_FIRST_SOFTWARE, "软件开发完成日期", "2020-01-01", "pass", id="ds-first-sw-2020-01-01"),
    T(DIGI_SOLUTION, DS_FIRST_SOFTWARE, "软件开发完成日期", "2019-12-31", "fail", id="ds-first-sw-2019-12-31"),
    T(DIGI_SOLUTION, DS_FIRST_SOFTWARE, "软件产品检测机构级别", "省级", "pass", id="ds-first-sw-provincial-lab"),
    T(DIGI_SOLUTION, DS_FIRST_SOFTWARE, "软件产品检测机构级别", "国家级", "pass", id="ds-first-sw-national-lab"),
    T(DIGI_SOLUTION, DS_FIRST_SOFTWARE, "软件产品检测机构级别", "市级", "fail", id="ds-first-sw-city-lab"),
    # --- 绿色制造系统解决方案供应商, 615 认定标准 ---
    # 615 第1条: 单个项目服务客户数量 3 个以上; 第2条: ……中的三项
    T(GREEN_SOL, None, "服务客户数量", 3, "pass", EMC, id="green-sol-3-clients"),
    T(GREEN_SOL, None, "服务客户数量", 2, "fail", EMC, id="green-sol-2-clients"),
    T(GREEN_SOL, None, "服务内容项数", 3, "pass", id="green-sol-3-services"),
    T(GREEN_SOL, None, "服务内容项数", 2, "fail", id="green-sol-2-services"),
    # 615 第4条: 合同能源管理项目合计投入金额不少于 1000 万元，合计节能量不少于 1000 吨标准煤
    T(GREEN_SOL, None, "合同能源管理项目合计投入金额", 1000, "pass", EMC, id="green-sol-emc-1000"),
    T(GREEN_SOL, None, "合同能源管理项目合计投入金额", 999.99, "fail", EMC, id="green-sol-emc-below-1000"),
    T(GREEN_SOL, None, "节能量", 1000, "pass", EMC, id="green-sol-emc-1000-tce"),
    T(GREEN_SOL, None, "节能量", 999.9, "fail", EMC, id="green-sol-emc-below-1000-tce"),
    # 615 第4条: 其中退役动力电池回收利用项目投入金额不低于 1500 万
    T(GREEN_SOL, None, "退役动力电池回收利用项目投入金额", 1500, "pass", EMC_BATTERY, id="green-sol-emc-battery-1500"),
    T(GREEN_SOL, None, "退役动力电池回收利用项目投入金额", 1499.99, "fail", EMC_BATTERY, id="green-sol-emc-battery-below-1500"),
    # 615 第5条: 退役动力电池回收利用项目投资额不低于 2000 万
    T(GREEN_SOL, None, "退役动力电池回收利用项目投入金额", 2000, "pass", BATTERY, id="green-sol-battery-2000"),
    T(GREEN_SOL, None, "退役动力电池回收利用项目投入金额", 1999.99, "fail", BATTERY, id="green-sol-battery-below-2000"),
    # 615 第6条: 合同金额不低于 1000 万元，推广一级能效变压器台数在 50 台以上
    T(GREEN_SOL, None, "高效节能变压器合同金额", 1000, "pass", TRANSFORMER, id="green-sol-transformer-1000"),
    T(GREEN_SOL, None, "高效节能变压器合同金额", 999.99, "fail", TRANSFORMER, id="green-sol-transformer-below-1000"),
    T(GREEN_SOL, None, "一级能效变压器推广台数", 50, "pass", TRANSFORMER, id="green-sol-transformer-50"),
    T(GREEN_SOL, None, "一级能效变压器推广台数", 49, "fail", TRANSFORMER, id="green-sol-transformer-49"),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", ANNEX_THRESHOLDS)
def test_2021_annex_criteria_follow_the_counting_words(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)


def _fields(name, values, variant=None):
    report = check(name, values, variant=variant, only_given=True, include_general=False)
    return {r.field: r.status for r in report.results}


# 596: 有不少于2项商用密码产品认证证书,或承接过1项省级及以上工业互联网密码方向的项目 — either suffices
def test_2021_security_crypto_certificates_not_needed_with_a_provincial_crypto_project():
    got = _fields(DIGI_SOLUTION, {"商用密码产品认证证书数量": 0, "承接省级及以上工业互联网密码方向项目数量": 1, **CRYPTO},
                  variant=DS_SECURITY)
    assert "商用密码产品认证证书数量" not in got
    got = _fields(DIGI_SOLUTION, {"商用密码产品认证证书数量": 0, "承接省级及以上工业互联网密码方向项目数量": 0, **CRYPTO},
                  variant=DS_SECURITY)
    assert got["商用密码产品认证证书数量"] == "fail"


# 596: each of the three security directions has its own criteria — 服务案例大于10个 is for ② only
def test_2021_security_criteria_bind_only_their_own_direction():
    assert "服务案例数量" not in _fields(DIGI_SOLUTION, {"服务案例数量": 3, **AWARE}, variant=DS_SECURITY)
    assert _fields(DIGI_SOLUTION, {"服务案例数量": 3, **PROTECT}, variant=DS_SECURITY)["服务案例数量"] == "fail"


# 615 第5条: 退役动力电池回收利用项目……（不受客户数量限制）
def test_2021_green_solution_battery_recycling_has_no_client_count_floor():
    assert "服务客户数量" not in _fields(GREEN_SOL, {"服务客户数量": 1, **BATTERY})
    assert _fields(GREEN_SOL, {"服务客户数量": 1, **EMC_BATTERY})["服务客户数量"] == "fail"


# 615 第4条 vs 第5条: 1500 万 for battery recycling under 合同能源管理, 2000 万 otherwise
def test_2021_green_solution_battery_floor_depends_on_the_project_type():
    assert _fields(GREEN_SOL, {"退役动力电池回收利用项目投入金额": 1800, **EMC_BATTERY})["退役动力电池回收利用项目投入金额"] == "pass"
    assert _fields(GREEN_SOL, {"退役动力电池回收利用项目投入金额": 1800, **BATTERY})["退役动力电池回收利用项目投入金额"] == "fail"


# 615: the 合同能源管理 / 变压器 floors do not bind a provider of another kind of solution
def test_2021_green_solution_type_floors_do_not_bind_other_solutions():
    other = {"服务项目类型": "先进节能环保技术装备集成应用"}
    got = _fields(GREEN_SOL, {"合同能源管理项目合计投入金额": 10, "高效节能变压器合同金额": 10, "节能量": 1, **other})
    assert got == {}


# Issue 12 item 8: the annex columns 实施目标 / 实施内容 / 主要建设内容 are what a funded project must
# deliver, not something an applicant meets when applying; they are documented in the note, not checked.
TARGETS = [
    # 586 主要建设内容: 标识应用软件 15 款以上; 10 个以上省内二级节点相关服务
    (DIGI_PLATFORM, DP1, ["二级节点接入使用的标识应用软件数量", "服务二级节点数量"], ["15款以上", "10个以上省内二级节点"]),
    # 593 实施内容: 完成评估企事业单位 30 家; 现场赴企业诊断、咨询次数不少于 30 次
    (DIGI_SOLUTION, DS_DCMM, ["完成DCMM评估单位数量", "现场诊断咨询次数"], ["完成评估企事业单位30家", "不少于30次"]),
    # 596 实施内容 1-3
    (DIGI_SOLUTION, DS_SECURITY,
     ["密码应用场景数量", "密码应用标准草案或行业应用方案数量", "密码应用平台数量", "平台用户规模或终端数量",
      "完成安全防护能力评估辅导企业数量", "完成安全态势感知系统部署企业数量", "每家企业数据上传次数"],
     ["应用场景不少于5个", "至少200家", "完成50家", "不少于10次"]),
    # 599 实施内容 1: 组织……标准不少于 4 项
    (DIGI_SOLUTION, DS_STANDARD, ["组织研制标准数量"], ["不少于4项"]),
    # 606 实施目标: 建成 1 类以上集群观测站，组织 10 次以上赋能集群的专场活动
    (CLUSTER, None, ["集群观测站数量", "赋能集群专场活动次数"], ["1类以上集群观测站", "10次以上"]),
    # 609 实施目标: 年服务省内中小企业 120 家以上……10 场（次）以上……满意度 90% 以上……新增规模以上企业 1-2 家
    (SME, SME_1, ["服务企业数量", "中小微企业服务满意度", "公益性公共服务活动场次", "新增规模以上企业数量"],
     ["120家以上", "10场（次）以上", "90%以上", "1-2家"]),
    # 610 实施目标: 不少于 100 个班次，培训产业人才不少于 10000 人次，学员总体满意度超过 90%
    (TALENT, None, ["培训班次数量", "培训总人数", "学员总体满意度"], ["不少于100个班次", "不少于10000人次", "超过90%"]),
]


def _all_thresholds(sel):
    return list(sel.program.thresholds) + (list(sel.variant.thresholds) if sel.variant else [])


def _notes(sel):
    return (sel.program.note or "") + (sel.variant.note or "" if sel.variant else "")


@pytest.mark.parametrize("name, variant, fields, words", TARGETS, ids=lambda x: str(x))
def test_2021_annex_targets_are_not_entry_conditions(name, variant, fields, words):
    sel = program(name, variant)
    assert not {t.field for t in _all_thresholds(sel)} & set(fields)
    for w in words:
        assert w in _notes(sel), w


# 592 认定标准 2/3: the 1000 万 application-contract floor is the 工业互联网 one; 两化融合贯标 needs 500 万
def test_2021_digital_transformation_contract_floor_depends_on_the_solution():
    assert _fields(DIGI_SOLUTION, {"应用合同金额": 800, **MIIT}, variant=DS_DIGITAL)["应用合同金额"] == "pass"
    assert _fields(DIGI_SOLUTION, {"应用合同金额": 800, **NOT_MIIT}, variant=DS_DIGITAL)["应用合同金额"] == "fail"



# 593 marks the DCMM direction （招标）; 300: 采用招投标方式的项目,按照财政规定标准或实际支出需要予以补助
def test_2021_tendered_dcmm_direction_has_no_computable_amount():
    assert_no_amount(DIGI_SOLUTION, variant=DS_DCMM)


# ----------------------------------------------------------------------------------------------
# Issue 12 item 8: qualitative conditions the guide states (手续完备, 前期工作, 批准手续, 近两年示范项目 …) are yes/no
# conditions (unit 是否, or a date/category where the text gives one).  Each row: the clause (lines and
# words, read by hand) and a value that meets it, then one that does not.
# ----------------------------------------------------------------------------------------------
YES_NO_2021 = [
    # 20-20: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（无需相关手续的项目须作出说明）
    ("2021-high-end-upgrade", None, "手续完备", True, "pass", None),
    ("2021-high-end-upgrade", None, "手续完备", False, "fail", None),
    # 44-44: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（无需相关手续的项目须作出说明）
    ("2021-smart-factory", None, "手续完备", True, "pass", None),
    ("2021-smart-factory", None, "手续完备", False, "fail", None),
    # 66-66: 申报项目须在当地工信或发改部门完成备案登记(无需相关手续的项目须作出说明)
    ("2021-industrial-internet-benchmark-factory", None, "手续完备", True, "pass", None),
    ("2021-industrial-internet-benchmark-factory", None, "手续完备", False, "fail", None),
    # 108-108: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（无需相关手续的项目须作出说明）
    ("2021-green-upgrade", None, "手续完备", True, "pass", None),
    ("2021-green-upgrade", None, "手续完备", False, "fail", None),
    # 128-128: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（无需相关手续的项目须作出说明）
    ("2021-service-upgrade", None, "手续完备", True, "pass", None),
    ("2021-service-upgrade", None, "手续完备", False, "fail", None),
    # 194-194: 申报单位承诺平台通过数据接口方式自动上报监测统计数据到工业互联网平台监测系统
    ("2021-industrial-internet-platform", None, "承诺与平台监测系统对接", True, "pass", None),
    ("2021-industrial-internet-platform", None, "承诺与平台监测系统对接", False, "fail", None),
    # 262-262: 项目入选近两年省级大数据、区块链应用示范项目
    ("2021-data-productization", None, "入选省级大数据区块链应用示范项目日期", "2019-01-01", "pass", None),
    ("2021-data-productization", None, "入选省级大数据区块链应用示范项目日期", "2020-12-31", "pass", None),
    ("2021-data-productization", None, "入选省级大数据区块链应用示范项目日期", "2018-12-31", "fail", None),
    # 296-296: 项目备案(核准)、环评、能评、安评、规划、土地等手续完备(无需相关手续的项目须作出说明)
    ("2021-digital-public-service-platform", None, "手续完备", True, "pass", None),
    ("2021-digital-public-service-platform", None, "手续完备", False, "fail", None),
    # 296-296: 项目备案(核准)、环评、能评、安评、规划、土地等手续完备(无需相关手续的项目须作出说明)
    ("2021-digital-solution-provider", None, "手续完备", True, "pass", None),
    ("2021-digital-solution-provider", None, "手续完备", False, "fail", None),
    # 318-318: 项目已完成尽职调查、资产评估、兼并重组协议书(合同)等前期工作
    ("2021-major-merger", None, "已完成尽职调查等前期工作", True, "pass", None),
    ("2021-major-merger", None, "已完成尽职调查等前期工作", False, "fail", None),
    # 320-320: 兼并重组交易必须是符合国家规定并已取得相关批准手续的交易
    ("2021-major-merger", None, "已取得相关批准手续", True, "pass", None),
    ("2021-major-merger", None, "已取得相关批准手续", False, "fail", None),
    # 344-344: 技术水平达到国内领先或替代进口
    ("2021-specialized-little-giant", None, "主导产品技术水平", "国内领先", "pass", None),
    ("2021-specialized-little-giant", None, "主导产品技术水平", "替代进口", "pass", None),
    ("2021-specialized-little-giant", None, "主导产品技术水平", "国内先进", "fail", None),
    # 362-362: 技术水平达到国内领先以上或替代进口
    ("2021-standard-quality-upgrade", None, "主导产品技术水平", "国际领先", "pass", None),
    ("2021-standard-quality-upgrade", None, "主导产品技术水平", "国内领先", "pass", None),
    ("2021-standard-quality-upgrade", None, "主导产品技术水平", "替代进口", "pass", None),
    ("2021-standard-quality-upgrade", None, "主导产品技术水平", "国内先进", "fail", None),
    # 402-402: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（其中，系统解决方案服务商项目无需提供，其他无需相关手续的…
    ("2021-manufacturing-innovation-center", None, "手续完备", True, "pass", None),
    ("2021-manufacturing-innovation-center", None, "手续完备", False, "fail", None),
    # 402-402: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（其中，系统解决方案服务商项目无需提供，其他无需相关手续的…
    ("2021-cluster-promotion-agency", None, "手续完备", True, "pass", None),
    ("2021-cluster-promotion-agency", None, "手续完备", False, "fail", None),
    # 402-402: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（其中，系统解决方案服务商项目无需提供，其他无需相关手续的…
    ("2021-sme-public-service-platform", None, "手续完备", True, "pass", None),
    ("2021-sme-public-service-platform", None, "手续完备", False, "fail", None),
    # 402-402: 项目备案（核准）、环评、能评、安评、规划、土地等手续完备（其中，系统解决方案服务商项目无需提供，其他无需相关手续的…
    ("2021-talent-training", None, "手续完备", True, "pass", None),
    ("2021-talent-training", None, "手续完备", False, "fail", None),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", YES_NO_2021, ids=lambda x: str(x))
def test_2021_qualitative_conditions_stated_in_the_guide(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)


def test_2021_platform_procedures_clause_spares_the_green_solution_providers():
    # 402: ……手续完备（其中，系统解决方案服务商项目无需提供……）
    assert "手续完备" not in {t.field for t in program("2021-green-manufacturing-solution-provider").program.thresholds}
    for name in ["2021-manufacturing-innovation-center", "2021-cluster-promotion-agency",
                 "2021-sme-public-service-platform", "2021-talent-training"]:
        assert "手续完备" in {t.field for t in program(name).program.thresholds}
