"""Per-clause tests for the 2022 guide: 001_e4a129325442ddc7.txt lines 1-345
(2022年度江苏省工业和信息产业转型升级专项资金项目指南), all 20 programs of
subsidykit/catalog/data/001_2022.yaml.

Every expected number was read by hand from the seed text (file line numbers in the comment
above each row or test); amounts are 万元.  Wording per 民法典1259: 以上/不低于/不少于/（含）
include the number, 未满/大于/超过 exclude it.
"""

from decimal import Decimal

import pytest
from clauses import assert_cap, assert_no_amount, assert_threshold, flatten, program

from subsidykit.amounts import cap
from subsidykit.errors import VariantRequiredError

Y = "2022/"
SEED = "001_e4a129325442ddc7.txt"

# ----------------------------------------------------------------------------------------------
# rate × base up to the cap: below (rate × base by hand), exact boundary, just past, far above
# ----------------------------------------------------------------------------------------------
RATE_CAP = [
    # 51: 按不超过项目总投资的10%予以补助，单个项目支持额度最高不超过2000万元 (boundary 20000)
    (Y + "“智改数转”标杆示范项目", None, [(3000, "300"), (19999, "1999.9"), (20000, "2000"), (20001, "2000"), (50000, "2000")]),
    # the four 支持方向 share the clause of line 51
    (Y + "“智改数转”标杆示范项目", "智能制造示范工厂项目", [(3000, "300"), (20000, "2000"), (25000, "2000")]),
    (Y + "“智改数转”标杆示范项目", "工业互联网标杆工厂项目", [(4500, "450"), (20000, "2000"), (30000, "2000")]),
    (Y + "“智改数转”标杆示范项目", "“5G+工业互联网”融合应用项目", [(2000, "200"), (20000, "2000"), (20010, "2000")]),
    (Y + "“智改数转”标杆示范项目", "服务化改造升级标杆示范项目", [(2500, "250"), (20000, "2000"), (40000, "2000")]),
    # 87: 工业互联网安全项目，按不超过项目总投资的 20% 予以补助，单个项目支持额度最高不超过 500 万元 (boundary 2500)
    (Y + "工业互联网创新应用项目", "工业互联网安全项目", [(500, "100"), (2499, "499.8"), (2500, "500"), (2501, "500"), (8000, "500")]),
    # 143: 按不超过项目总投资的 20% 进行补助，单个项目补助金额不超过 500 万元 (boundary 2500)
    (Y + "数据产品化项目", None, [(1000, "200"), (2499.5, "499.9"), (2500, "500"), (2600, "500")]),
    # 169: 按一般不超过研发攻关投入的30%予以补助，单个项目支持额度最高不超过3000万元 (boundary 10000)
    (Y + "关键核心技术（装备）攻关产业化", None, [(3000, "900"), (9999, "2999.7"), (10000, "3000"), (10001, "3000"), (20000, "3000")]),
    # 191: 按不超过并购企业对目标企业的实际出资额现金部分的5%予以补助，最高不超过2000万元 (boundary 40000)
    (Y + "企业重大兼并重组项目", None, [(5000, "250"), (39990, "1999.5"), (40000, "2000"), (40010, "2000"), (100000, "2000")]),
    # 211: 按不超过项目综合投入的20%予以补助,最高不超过500万元 (boundary 2500)
    (Y + "专精特新小巨人企业培育项目", None, [(1000, "200"), (2499, "499.8"), (2500, "500"), (2501, "500")]),
    # 221: 重大展会项目 … 按最高不超过项目总投资的50%予以补助,单个项目支持额度最高不超过1000万元 (boundary 2000)
    (Y + "省委省政府部署的重大展会、重大活动项目", "重大展会项目", [(800, "400"), (1999, "999.5"), (2000, "1000"), (2001, "1000")]),
    # 241: 按不超过项目总投资投入的 20% 予以补助，单个项目支持额度最高不超过 2000 万元 (boundary 10000)
    (Y + "绿色化改造升级项目", None, [(2000, "400"), (9999, "1999.8"), (10000, "2000"), (10001, "2000"), (30000, "2000")]),
    # 259: 按不超过项目总投资的 30% 予以补助，最高不超过 3000 万元 (boundary 10000)
    (Y + "省级制造业创新中心创新能力建设项目", None, [(5000, "1500"), (8000, "2400"), (9999, "2999.7"), (10000, "3000"), (12000, "3000")]),
    # 281: 按不超过 2021 年服务收入的 50% 予以一次性补助，最高不超过 300 万元 (boundary 600)
    (Y + "集群发展促进机构项目", None, [(200, "100"), (599, "299.5"), (600, "300"), (601, "300"), (1000, "300")]),
    # 301: 按不超过2021年项目投入总额的20%予以一次性补助,最高不超过300万元 (boundary 1500)
    (Y + "中小企业公共服务示范平台项目", "省级中小企业公共服务示范平台", [(400, "80"), (1499, "299.8"), (1500, "300"), (1501, "300")]),
    (Y + "中小企业公共服务示范平台项目", "省级小微企业双创示范基地", [(400, "80"), (1500, "300"), (2000, "300")]),
    (Y + "中小企业公共服务示范平台项目", "各地中小企业服务中心", [(200, "40"), (1500, "300"), (1600, "300")]),
    # 317: 按不超过项目总投资的20%予以补助,单个项目支持额度最高不超过300万元 (boundary 1500)
    (Y + "信息消费升级平台项目", None, [(500, "100"), (1499, "299.8"), (1500, "300"), (1501, "300")]),
]


@pytest.mark.parametrize(
    "name, variant, base, expected",
    flatten(RATE_CAP),
    ids=lambda x: str(x),
)
def test_2022_rate_times_base_up_to_cap(name, variant, base, expected):
    assert_cap(name, base, expected, variant=variant)


# ----------------------------------------------------------------------------------------------
# 技术改造贷款贴息和设备补助项目 (一、(一), line 19): 贴息 + 10% × 设备发票金额, 合计不超过2000万元
# ----------------------------------------------------------------------------------------------
TECH = Y + "技术改造贷款贴息和设备补助项目"


@pytest.mark.parametrize(
    "interest, equipment, expected",
    [
        # 19: 对…企业实际支付项目固定资产(不含土建)贷款利息,按不超过贷款同期限LPR的利率水平给予贴息
        #     (the 贴息 base is the interest at ≤ LPR, paid in full);
        #     对…设备发票金额(不含税),按照不超过10%的比例给予补助
        (100, 5000, "600"),  # 100 + 500
        (0, 3000, "300"),  # equipment only: 10% × 3000
        (250, 0, "250"),  # interest only
        (200, 18000, "2000"),  # 200 + 1800 = exactly the combined cap
        (200, 17990, "1999"),  # 200 + 1799
        (201, 18000, "2000"),  # 2001 > 2000: 单个项目的贴息和补助金额合计不超过2000万元
        (500, 20000, "2000"),  # 500 + 2000 = 2500 -> 2000
        (2500, 0, "2000"),  # interest alone above the combined cap
    ],
)
def test_2022_tech_upgrade_interest_plus_10pct_equipment_combined_cap_2000(interest, equipment, expected):
    assert_cap(TECH, None, expected, bases={"贷款贴息": interest, "设备补助": equipment})


def test_2022_tech_upgrade_combined_cap_and_equipment_rate_in_catalog():
    # 19: 按照不超过10%的比例给予补助。单个项目的贴息和补助金额合计不超过2000万元。
    p = program(TECH).program
    assert p.cap == Decimal("2000")
    rates = {c.name: c.rate for c in p.components}
    assert rates["设备补助"] == Decimal("0.1")
    # 23: 4. 支持数量。不超过200个。
    assert p.quota.value == 200
    assert p.first_payment is None


TECH_THRESHOLDS = [
    # 17: 项目备案总投资原则上不低于 3000 万元
    ("项目总投入", 3000, "pass"),
    ("项目总投入", 2999.99, "fail"),
    # 17: 其中固定资产贷款总额不低于 2000 万元
    ("固定资产贷款总额", 2000, "pass"),
    ("固定资产贷款总额", 1999, "fail"),
    # 19: 2021年1月1日(含)至2021年12月31日(含)期间 … 贷款利息 / 设备发票
    ("贷款利息支付日期", "2021-01-01", "pass"),
    ("贷款利息支付日期", "2021-12-31", "pass"),
    ("贷款利息支付日期", "2020-12-31", "fail"),
    ("贷款利息支付日期", "2022-01-01", "fail"),
    ("设备发票日期", "2021-01-01", "pass"),
    ("设备发票日期", "2021-12-31", "pass"),
    ("设备发票日期", "2020-12-31", "fail"),
    ("设备发票日期", "2022-01-01", "fail"),
]


@pytest.mark.parametrize("field, value, status", TECH_THRESHOLDS, ids=lambda x: str(x))
def test_2022_tech_upgrade_thresholds(field, value, status):
    assert_threshold(TECH, field, value, status)


# ----------------------------------------------------------------------------------------------
# “智改数转”标杆示范项目 (一、(二), lines 39-57)
# ----------------------------------------------------------------------------------------------
BENCH = Y + "“智改数转”标杆示范项目"


def test_2022_benchmark_quotas_and_5g_first_payment():
    # 57: 不超过55个。其中，智能制造示范工厂项目不超过10个，工业互联网标杆工厂项目不超过10个，
    #     “5G+工业互联网”融合应用项目不超过15个，服务化改造升级标杆示范项目不超过20个。
    assert program(BENCH).program.quota.value == 55
    assert program(BENCH, "智能制造示范工厂项目").variant.quota.value == 10
    assert program(BENCH, "工业互联网标杆工厂项目").variant.quota.value == 10
    assert program(BENCH, "“5G+工业互联网”融合应用项目").variant.quota.value == 15
    assert program(BENCH, "服务化改造升级标杆示范项目").variant.quota.value == 20
    # 51: 其中，“5G+工业互联网”融合应用项目首次拨付补助资金总额的50% — only that direction
    sel = program(BENCH, "“5G+工业互联网”融合应用项目")
    assert sel.field("first_payment").share == Decimal("0.5")
    assert cap(BENCH, 10000, variant="“5G+工业互联网”融合应用项目").first_payment == Decimal("500")
    for other in ("智能制造示范工厂项目", "工业互联网标杆工厂项目", "服务化改造升级标杆示范项目"):
        assert program(BENCH, other).field("first_payment") is None


def test_2022_benchmark_subcase_found_by_its_own_name():
    # (1)-(4) are printed as their own headings (lines 29-37) under one 补助标准
    assert_cap(Y + "智能制造示范工厂项目", 5000, "500")
    assert_cap(Y + "“5G+工业互联网”融合应用项目", 30000, "2000")


BENCH_THRESHOLDS = [
    # 49: 智能制造示范工厂、工业互联网标杆工厂项目总投资投入不低于3000万元
    ("智能制造示范工厂项目", "项目总投入", 3000, "pass"),
    ("智能制造示范工厂项目", "项目总投入", 2999, "fail"),
    ("工业互联网标杆工厂项目", "项目总投入", 3000, "pass"),
    ("工业互联网标杆工厂项目", "项目总投入", 2999, "fail"),
    # 49: “5G+工业互联网”融合应用、服务化改造升级标杆示范项目总投入不低于2000万元
    ("“5G+工业互联网”融合应用项目", "项目总投入", 2000, "pass"),
    ("“5G+工业互联网”融合应用项目", "项目总投入", 1999, "fail"),
    ("服务化改造升级标杆示范项目", "项目总投入", 2000, "pass"),
    ("服务化改造升级标杆示范项目", "项目总投入", 1999, "fail"),
    # 49: 其中，软件、系统集成、公私有云等投入不低于400万元 (all four directions)
    ("智能制造示范工厂项目", "软件投入", 400, "pass"),
    ("智能制造示范工厂项目", "软件投入", 399, "fail"),
    ("服务化改造升级标杆示范项目", "软件投入", 400, "pass"),
    ("“5G+工业互联网”融合应用项目", "软件投入", 399.9, "fail"),
    # 45-47: 项目在2021年1月1日(含)至2021年12月31日(含)期间完工
    ("智能制造示范工厂项目", "完工日期", "2021-01-01", "pass"),
    ("智能制造示范工厂项目", "完工日期", "2021-12-31", "pass"),
    ("智能制造示范工厂项目", "完工日期", "2020-12-31", "fail"),
    ("智能制造示范工厂项目", "完工日期", "2022-01-01", "fail"),
    ("工业互联网标杆工厂项目", "完工日期", "2021-12-31", "pass"),
    ("工业互联网标杆工厂项目", "完工日期", "2022-01-01", "fail"),
    ("服务化改造升级标杆示范项目", "完工日期", "2021-01-01", "pass"),
    ("服务化改造升级标杆示范项目", "完工日期", "2020-12-31", "fail"),
    # 47: 其中，“5G+工业互联网”融合应用项目 … 截至2021年底项目实际进度 … 达20%以上，且在2023年底前建设完成
    ("“5G+工业互联网”融合应用项目", "已投入比例", "20%", "pass"),
    ("“5G+工业互联网”融合应用项目", "已投入比例", 0.1999, "fail"),
    ("“5G+工业互联网”融合应用项目", "完工日期", "2023-12-31", "pass"),
    ("“5G+工业互联网”融合应用项目", "完工日期", "2024-01-01", "fail"),
    ("“5G+工业互联网”融合应用项目", "完工日期", "2022-06-30", "pass"),  # not bound to the 2021 window
]


@pytest.mark.parametrize("variant, field, value, status", BENCH_THRESHOLDS, ids=lambda x: str(x))
def test_2022_benchmark_thresholds(variant, field, value, status):
    assert_threshold(BENCH, field, value, status, variant=variant)


# ----------------------------------------------------------------------------------------------
# 工业互联网创新应用项目 (一、(三), lines 71-91)
# ----------------------------------------------------------------------------------------------
IIOT = Y + "工业互联网创新应用项目"
NODE, PLATFORM, SECURITY = "工业互联网标识解析二级节点项目", "工业互联网平台项目", "工业互联网安全项目"


def test_2022_iiot_needs_a_subcase():
    with pytest.raises(VariantRequiredError):
        cap(IIOT, 1000)


def test_2022_iiot_identifier_node_is_fixed_400_first_100():
    # 83: 单个项目补助400万元，2022年首次拨付100万元，通过验收审核后，拨付剩余资金。
    assert_cap(IIOT, None, "400", variant=NODE)
    assert_cap(IIOT, 99999, "400", variant=NODE)  # a base does not change a fixed amount
    sel = program(IIOT, NODE)
    assert sel.field("first_payment").amount == Decimal("100")
    assert cap(IIOT, variant=NODE).first_payment == Decimal("100")


def test_2022_iiot_platform_is_graded_up_to_500():
    # 85: 按服务绩效分档实施一次性补助，单个项目支持额度最高不超过500万元 (grades not printed: the maximum)
    assert_cap(IIOT, None, "500", variant=PLATFORM)


def test_2022_iiot_security_first_payment_half():
    # 87: 首次拨付补助资金总额的 50%
    assert program(IIOT, SECURITY).field("first_payment").share == Decimal("0.5")
    assert cap(IIOT, 1000, variant=SECURITY).first_payment == Decimal("100")  # 50% of 200


def test_2022_iiot_quotas():
    # 91: 不超过45个。其中，工业互联网标识解析二级节点项目不超过25个，工业互联网平台项目不超过10个，工业互联网安全项目不超过10个。
    assert program(IIOT).program.quota.value == 45
    assert program(IIOT, NODE).variant.quota.value == 25
    assert program(IIOT, PLATFORM).variant.quota.value == 10
    assert program(IIOT, SECURITY).variant.quota.value == 10


IIOT_THRESHOLDS = [
    # 73: ②2023年6月底前上线 … 开展标识应用推广场次不少于5场
    (NODE, "上线日期", "2023-06-30", "pass"),
    (NODE, "上线日期", "2023-07-01", "fail"),
    (NODE, "标识应用推广场次", 5, "pass"),
    (NODE, "标识应用推广场次", 4, "fail"),
    # 73: ③累计标识注册量不低于2亿，累计标识解析量不低于1亿，接入企业不少于1000家
    (NODE, "累计标识注册量", 200000000, "pass"),
    (NODE, "累计标识注册量", 199999999, "fail"),
    (NODE, "累计标识解析量", 100000000, "pass"),
    (NODE, "累计标识解析量", 99999999, "fail"),
    (NODE, "接入企业数量", 1000, "pass"),
    (NODE, "接入企业数量", 999, "fail"),
    # 73-75: ④项目总投资投入不低于1000万元，并在2023年6月底前完成
    (NODE, "项目总投入", 1000, "pass"),
    (NODE, "项目总投入", 999, "fail"),
    (NODE, "完工日期", "2023-06-30", "pass"),
    (NODE, "完工日期", "2023-07-01", "fail"),
    # 77: ①须为2018年以来认定的省(含)以上重点工业互联网平台
    (PLATFORM, "平台认定日期", "2018-01-01", "pass"),
    (PLATFORM, "平台认定日期", "2017-12-31", "fail"),
    (PLATFORM, "平台认定级别", "省级", "pass"),
    (PLATFORM, "平台认定级别", "国家级", "pass"),
    (PLATFORM, "平台认定级别", "市级", "fail"),
    # 77: ③项目总投资投入不低于1000万元，须在2021年1月1日(含)至2021年12月31日(含)期间完工
    (PLATFORM, "项目总投入", 1000, "pass"),
    (PLATFORM, "项目总投入", 999.99, "fail"),
    (PLATFORM, "完工日期", "2021-01-01", "pass"),
    (PLATFORM, "完工日期", "2021-12-31", "pass"),
    (PLATFORM, "完工日期", "2020-12-31", "fail"),
    (PLATFORM, "完工日期", "2022-01-01", "fail"),
    # 79: ③项目总投资投入不低于500万元，截至2021年底已投入不少于总投入的20%，并在2023年6月底前完成
    (SECURITY, "项目总投入", 500, "pass"),
    (SECURITY, "项目总投入", 499, "fail"),
    (SECURITY, "已投入比例", 0.2, "pass"),
    (SECURITY, "已投入比例", 0.19, "fail"),
    (SECURITY, "完工日期", "2023-06-30", "pass"),
    (SECURITY, "完工日期", "2023-07-01", "fail"),
]


@pytest.mark.parametrize("variant, field, value, status", IIOT_THRESHOLDS, ids=lambda x: str(x))
def test_2022_iiot_thresholds(variant, field, value, status):
    assert_threshold(IIOT, field, value, status, variant=variant)


# ----------------------------------------------------------------------------------------------
# 信息技术应用创新 (一、(四)): two-stage awards; the later stage is only a maximum
# ----------------------------------------------------------------------------------------------
PILOT = Y + "信息技术应用创新先导区项目"
LAB = Y + "信息技术应用创新实验室项目"


@pytest.mark.parametrize(
    "budget, expected",
    [
        # 105: 不超过 3000 万元，分两期安排。首期按照总投资预算的 30%安排，最高不超过 2000 万元，
        #      …后期补助资金，最高不超过 1000 万元。  max = min(30% × budget, 2000) + 1000
        (5000, "2500"),  # 1500 + 1000
        (6000, "2800"),  # 1800 + 1000
        (6666.66, "2999.998"),  # 1999.998 + 1000
        (6700, "3000"),  # 2010 -> 2000, + 1000
        (10000, "3000"),  # the 1亿元 budget floor: 2000 + 1000
        (30000, "3000"),
    ],
)
def test_2022_xinchuang_pilot_zone_first_stage_30pct_up_to_2000_plus_later_1000(budget, expected):
    assert_cap(PILOT, budget, expected)


def test_2022_xinchuang_pilot_zone_stages_in_catalog():
    # 105: 每个先导区安排补助资金不超过 3000 万元 … 首期 … 30% … 2000 … 后期 … 1000
    p = program(PILOT).program
    assert p.cap == Decimal("3000")
    first, later = p.stages
    assert (first.rate, first.cap) == (Decimal("0.3"), Decimal("2000"))
    assert later.rate is None and later.fixed is None and later.cap == Decimal("1000")
    # 109: 支持数量。不超过 3 个。
    assert p.quota.value == 3


@pytest.mark.parametrize(
    "budget, expected",
    [
        # 125: 补助资金总额不超过 500 万元，分两期安排。首期资金按照总投资预算的 30% 安排，最高不超过 300 万元；
        #      二期资金 … 最高不超过 200 万元。  max = min(30% × budget, 300) + 200
        (500, "350"),  # 150 + 200
        (800, "440"),  # 240 + 200
        (999, "499.7"),  # 299.7 + 200
        (1000, "500"),  # 300 + 200: the 1000万 floor reaches both caps
        (1001, "500"),
        (5000, "500"),
    ],
)
def test_2022_xinchuang_lab_first_stage_30pct_up_to_300_plus_second_200(budget, expected):
    assert_cap(LAB, budget, expected)


def test_2022_xinchuang_lab_stages_in_catalog():
    p = program(LAB).program
    assert p.cap == Decimal("500")
    first, second = p.stages
    assert (first.rate, first.cap) == (Decimal("0.3"), Decimal("300"))
    assert second.rate is None and second.fixed is None and second.cap == Decimal("200")
    # 129: 支持数量。不超过 5 个。
    assert p.quota.value == 5


XINCHUANG_THRESHOLDS = [
    # 101: 实施期内用于先导区建设的投资预算不低于 1 亿元 (= 10000 万元)
    (PILOT, "总投资预算", 10000, "pass"),
    (PILOT, "总投资预算", "1亿元", "pass"),
    (PILOT, "总投资预算", 9999.99, "fail"),
    # 103: 创建实施期截至 2023 年 6 月底，不超过 2 年
    (PILOT, "完工日期", "2023-06-30", "pass"),
    (PILOT, "完工日期", "2023-07-01", "fail"),
    (PILOT, "项目实施周期", 2, "pass"),
    (PILOT, "项目实施周期", 2.1, "fail"),
    # 117: 每个试验室合作期不少于 5 年，其中建设期截至 2023 年 12 月，不超过 2 年
    (LAB, "合作期", 5, "pass"),
    (LAB, "合作期", 4.9, "fail"),
    (LAB, "完工日期", "2023-12-31", "pass"),
    (LAB, "完工日期", "2024-01-01", "fail"),
    (LAB, "项目实施周期", 2, "pass"),
    (LAB, "项目实施周期", 2.5, "fail"),
    # 121: 2 年建设期内建设总投入不低于 1000 万
    (LAB, "项目总投入", 1000, "pass"),
    (LAB, "项目总投入", 999, "fail"),
]


@pytest.mark.parametrize("name, field, value, status", XINCHUANG_THRESHOLDS, ids=lambda x: str(x))
def test_2022_xinchuang_thresholds(name, field, value, status):
    assert_threshold(name, field, value, status)


# ----------------------------------------------------------------------------------------------
# Quotas and first payments of the rate × base programs
# ----------------------------------------------------------------------------------------------
QUOTA = [
    (Y + "数据产品化项目", 20),  # 147: 4. 支持数量。不超过 20 个。
    (Y + "关键核心技术（装备）攻关产业化", 60),  # 173: （五）支持数量。不超过60个
    (Y + "企业重大兼并重组项目", 15),  # 195: 4. 支持数量。不超过15个
    (Y + "专精特新小巨人企业培育项目", 70),  # 215: 4. 支持数量。不超过70个
    (Y + "绿色化改造升级项目", 70),  # 245: 4. 支持数量。不超过70个。
    (Y + "省级制造业创新中心创新能力建设项目", 3),  # 263: 4. 支持数量。不超过 3 个。
    (Y + "集群发展促进机构项目", 10),  # 285: 4. 支持数量。不超过 10 个。
    (Y + "中小企业公共服务示范平台项目", 30),  # 305: 4. 支持数量。不超过30个。
    (Y + "信息消费升级平台项目", 10),  # 321: 4. 支持数量。不超过10个。
    (Y + "产业人才培养项目", 20),  # 343: 4. 支持数量。不超过 20 个。
]


@pytest.mark.parametrize("name, quota", QUOTA, ids=lambda x: str(x))
def test_2022_quota(name, quota):
    assert program(name).program.quota.value == quota


FIRST_HALF = [
    # 169: 首次拨付补助资金总额50%的启动资金  (30% × 5000 = 1500 -> 750)
    (Y + "关键核心技术（装备）攻关产业化", 5000, "750"),
    # 241: 首次拨付补助资金总额的 50%  (20% × 5000 = 1000 -> 500)
    (Y + "绿色化改造升级项目", 5000, "500"),
    # 259: 分 2 期安排，首次拨付补助资金的 50%  (30% × 8000 = 2400 -> 1200)
    (Y + "省级制造业创新中心创新能力建设项目", 8000, "1200"),
    # 317: 首次拨付补助资金总额的50%  (20% × 1000 = 200 -> 100)
    (Y + "信息消费升级平台项目", 1000, "100"),
]


@pytest.mark.parametrize("name, base, first", FIRST_HALF, ids=lambda x: str(x))
def test_2022_first_payment_is_half(name, base, first):
    assert program(name).program.first_payment.share == Decimal("0.5")
    assert cap(name, base).first_payment == Decimal(first)


NO_FIRST_PAYMENT = [
    # no 首次拨付 in 143, 191, 211, 221, 281, 301
    Y + "数据产品化项目",
    Y + "企业重大兼并重组项目",
    Y + "专精特新小巨人企业培育项目",
    Y + "集群发展促进机构项目",
]


@pytest.mark.parametrize("name", NO_FIRST_PAYMENT)
def test_2022_no_first_payment_where_none_is_printed(name):
    assert program(name).program.first_payment is None


def test_2022_key_core_tech_quota_sub_limits_in_note():
    # 173-175: 其中，自然灾害防治、提升本质安全水平攻关项目不超过6个，生物医药和医疗器械产业领域项目不少于5个
    q = program(Y + "关键核心技术（装备）攻关产业化").program.quota
    assert "不超过6个" in q.note and "不少于5个" in q.note


# ----------------------------------------------------------------------------------------------
# 中小企业公共服务示范平台项目 (五、(三), line 301): 20%/300 vs 纯公益类 按实际支出
# ----------------------------------------------------------------------------------------------
SME = Y + "中小企业公共服务示范平台项目"


def test_2022_sme_pure_public_platform_is_actual_cost_without_the_300_cap():
    # 301: 承担国家和省重点公共服务任务的中小企业纯公益类服务平台,按实际支出予以补助。
    # (the 最高不超过300万元 belongs to the 20% sentence before; none is printed for this one)
    assert_cap(SME, 120, "120", variant="纯公益类服务平台")
    assert_cap(SME, 300, "300", variant="纯公益类服务平台")
    assert_cap(SME, 450, "450", variant="纯公益类服务平台")


def test_2022_sme_platform_needs_a_subcase():
    with pytest.raises(VariantRequiredError):
        cap(SME, 1000)


SME_THRESHOLDS = [
    # 293: 2021 年申报单位线下服务省内中小微企业不少于 120 家，开展公益性公共服务活动 8 场(次)以上，
    #      中小微企业服务满意度 90% 以上，小微企业双创示范基地新增规模以上企业 1-2 家
    ("省级中小企业公共服务示范平台", "服务企业数量", 120, "pass"),
    ("省级中小企业公共服务示范平台", "服务企业数量", 119, "fail"),
    ("省级中小企业公共服务示范平台", "公益性公共服务活动场次", 8, "pass"),
    ("省级中小企业公共服务示范平台", "公益性公共服务活动场次", 7, "fail"),
    ("省级中小企业公共服务示范平台", "中小微企业服务满意度", "90%", "pass"),
    ("省级中小企业公共服务示范平台", "中小微企业服务满意度", 0.899, "fail"),
    ("省级小微企业双创示范基地", "服务企业数量", 120, "pass"),
    ("省级小微企业双创示范基地", "服务企业数量", 119, "fail"),
    ("省级小微企业双创示范基地", "新增规模以上企业数量", 1, "pass"),
    ("省级小微企业双创示范基地", "新增规模以上企业数量", 0, "fail"),
    # 295: 2021 年度平台(基地)项目投入不低于 400 万元，提供的免费公益性服务或低收费服务不少于总服务的 20%
    ("省级中小企业公共服务示范平台", "项目总投入", 400, "pass"),
    ("省级中小企业公共服务示范平台", "项目总投入", 399, "fail"),
    ("省级中小企业公共服务示范平台", "免费或低收费服务比例", 0.2, "pass"),
    ("省级中小企业公共服务示范平台", "免费或低收费服务比例", 0.19, "fail"),
    ("省级小微企业双创示范基地", "项目总投入", 400, "pass"),
    ("省级小微企业双创示范基地", "项目总投入", 399.99, "fail"),
    # 299: 各地中小企业服务中心建设投入和服务中小微企业支出 … 总额达200万元以上,所有服务均须为免费公益性服务
    ("各地中小企业服务中心", "建设投入和服务中小微企业支出", 200, "pass"),
    ("各地中小企业服务中心", "建设投入和服务中小微企业支出", 199.99, "fail"),
    ("各地中小企业服务中心", "免费公益性服务比例", 1, "pass"),
    ("各地中小企业服务中心", "免费公益性服务比例", 0.99, "fail"),
]


@pytest.mark.parametrize("variant, field, value, status", SME_THRESHOLDS, ids=lambda x: str(x))
def test_2022_sme_platform_thresholds(variant, field, value, status):
    assert_threshold(SME, field, value, status, variant=variant)


# ----------------------------------------------------------------------------------------------
# 产业人才培养项目 (五、(五), line 339): 实际总投入 up to 300, first 50% of 核定总预算
# ----------------------------------------------------------------------------------------------
TALENT = Y + "产业人才培养项目"


@pytest.mark.parametrize("cost, expected", [(180, "180"), (299.99, "299.99"), (300, "300"), (300.01, "300"), (450, "300")])
def test_2022_talent_training_actual_cost_up_to_300(cost, expected):
    # 339: 按符合规定的实际总投入予以补助, 最高不超过 300 万元。
    assert_cap(TALENT, cost, expected)


def test_2022_talent_training_first_payment_half_of_the_approved_budget():
    # 339: 首次按核定总预算的 50% 予以补助 (of the budget, not of the award: see the catalog note)
    fp = program(TALENT).program.first_payment
    assert fp.share == Decimal("0.5")
    assert "核定总预算" in fp.note


# ----------------------------------------------------------------------------------------------
# Thresholds of the remaining programs: value at the boundary and just past it
# ----------------------------------------------------------------------------------------------
THRESHOLDS = [
    # 135: 项目入选 2020 年（含）以来的省级大数据、区块链应用示范项目名单
    (Y + "数据产品化项目", "入选省级大数据区块链应用示范项目日期", "2020-01-01", "pass", None),
    (Y + "数据产品化项目", "入选省级大数据区块链应用示范项目日期", "2019-12-31", "fail", None),
    # 139: 项目总投资投入不低于 1000 万元
    (Y + "数据产品化项目", "项目总投入", 1000, "pass", None),
    (Y + "数据产品化项目", "项目总投入", 999, "fail", None),
    # 139-141: 项目在 2021 年 1 月 1 日（含）至 2021 年 12 月 31 日（含）期间完工
    (Y + "数据产品化项目", "完工日期", "2021-01-01", "pass", None),
    (Y + "数据产品化项目", "完工日期", "2021-12-31", "pass", None),
    (Y + "数据产品化项目", "完工日期", "2020-12-31", "fail", None),
    (Y + "数据产品化项目", "完工日期", "2022-01-01", "fail", None),
    # 165: 项目实施期原则上不超过3年，须在2024年6月底前完成攻关任务
    (Y + "关键核心技术（装备）攻关产业化", "项目实施周期", 3, "pass", None),
    (Y + "关键核心技术（装备）攻关产业化", "项目实施周期", 3.5, "fail", None),
    (Y + "关键核心技术（装备）攻关产业化", "完工日期", "2024-06-30", "pass", None),
    (Y + "关键核心技术（装备）攻关产业化", "完工日期", "2024-07-01", "fail", None),
    # 167: 项目研发攻关投入不低于3000万元
    (Y + "关键核心技术（装备）攻关产业化", "攻关总投入", 3000, "pass", None),
    (Y + "关键核心技术（装备）攻关产业化", "攻关总投入", 2999.99, "fail", None),
    # 183: 2021年1月1日至2021年12月31日期间，成功并购国内外企业 (a date span: both ends included)
    (Y + "企业重大兼并重组项目", "并购完成日期", "2021-01-01", "pass", None),
    (Y + "企业重大兼并重组项目", "并购完成日期", "2021-12-31", "pass", None),
    (Y + "企业重大兼并重组项目", "并购完成日期", "2020-12-31", "fail", None),
    (Y + "企业重大兼并重组项目", "并购完成日期", "2022-01-01", "fail", None),
    # 187: 发起方须为企业唯一控股50%及以上的最大股东
    (Y + "企业重大兼并重组项目", "发起方持股比例", "50%", "pass", None),
    (Y + "企业重大兼并重组项目", "发起方持股比例", 0.4999, "fail", None),
    # 189: 实际出资额折合人民币5000万元以上 (以上: 5000 included)
    (Y + "企业重大兼并重组项目", "并购实际出资额", 5000, "pass", None),
    (Y + "企业重大兼并重组项目", "并购实际出资额", 4999.99, "fail", None),
    # 189: 列入合并计算的单个项目出资额须大于5000万元 (大于: 5000 excluded; only when combined)
    (Y + "企业重大兼并重组项目", "列入合并计算的单个并购项目出资额", 5000.01, "pass", {"多个并购项目合并计算": True}),
    (Y + "企业重大兼并重组项目", "列入合并计算的单个并购项目出资额", 5000, "fail", {"多个并购项目合并计算": True}),
    # 201: 2021年新认定的省级专精特新小巨人企业
    (Y + "专精特新小巨人企业培育项目", "省级专精特新小巨人认定日期", "2021-01-01", "pass", None),
    (Y + "专精特新小巨人企业培育项目", "省级专精特新小巨人认定日期", "2021-12-31", "pass", None),
    (Y + "专精特新小巨人企业培育项目", "省级专精特新小巨人认定日期", "2020-12-31", "fail", None),
    (Y + "专精特新小巨人企业培育项目", "省级专精特新小巨人认定日期", "2022-01-01", "fail", None),
    # 203: 企业近三年主营业务收入平均增长8%以上
    (Y + "专精特新小巨人企业培育项目", "近三年主营业务收入平均增长率", "8%", "pass", None),
    (Y + "专精特新小巨人企业培育项目", "近三年主营业务收入平均增长率", 0.0799, "fail", None),
    # 205: 主导产品销售收入占主营业务收入比重60%以上 … 研发投入占主营业务收入比重平均达4%以上
    (Y + "专精特新小巨人企业培育项目", "主导产品销售收入占主营业务收入比重", 0.6, "pass", None),
    (Y + "专精特新小巨人企业培育项目", "主导产品销售收入占主营业务收入比重", 0.5999, "fail", None),
    (Y + "专精特新小巨人企业培育项目", "近三年研发投入占主营业务收入平均比重", 0.04, "pass", None),
    (Y + "专精特新小巨人企业培育项目", "近三年研发投入占主营业务收入平均比重", 0.0399, "fail", None),
    # 207: 项目综合投入 … 不低于1000万元
    (Y + "专精特新小巨人企业培育项目", "项目综合投入", 1000, "pass", None),
    (Y + "专精特新小巨人企业培育项目", "项目综合投入", 999, "fail", None),
    # 209: 上年度实缴税金不低于400万元
    (Y + "专精特新小巨人企业培育项目", "实缴税金", 400, "pass", None),
    (Y + "专精特新小巨人企业培育项目", "实缴税金", 399.99, "fail", None),
    # 235: 项目总投资投入不低于2000万元，截至2021年底已投入不少于项目总投资投入的20%
    (Y + "绿色化改造升级项目", "项目总投入", 2000, "pass", None),
    (Y + "绿色化改造升级项目", "项目总投入", 1999, "fail", None),
    (Y + "绿色化改造升级项目", "已投入比例", 0.2, "pass", None),
    (Y + "绿色化改造升级项目", "已投入比例", 0.1999, "fail", None),
    # 239: 须在2023年底前建设完成
    (Y + "绿色化改造升级项目", "完工日期", "2023-12-31", "pass", None),
    (Y + "绿色化改造升级项目", "完工日期", "2024-01-01", "fail", None),
    # 255: 经省批复试点建设的省级制造业创新中心，未满 3 年 (未满: 3 excluded)
    (Y + "省级制造业创新中心创新能力建设项目", "创新中心批复建设年限", 2.99, "pass", None),
    (Y + "省级制造业创新中心创新能力建设项目", "创新中心批复建设年限", 3, "fail", None),
    # 257: 项目建设周期不超过 3 年，总投入不低于 8000 万元；项目建设周期为 2 年以内（含）的，总投入不低于 5000 万元
    (Y + "省级制造业创新中心创新能力建设项目", "项目实施周期", 3, "pass", None),
    (Y + "省级制造业创新中心创新能力建设项目", "项目实施周期", 3.1, "fail", None),
    (Y + "省级制造业创新中心创新能力建设项目", "项目总投入", 8000, "pass", {"项目实施周期": 3}),
    (Y + "省级制造业创新中心创新能力建设项目", "项目总投入", 7999, "fail", {"项目实施周期": 3}),
    (Y + "省级制造业创新中心创新能力建设项目", "项目总投入", 7999, "fail", {"项目实施周期": 2.5}),
    (Y + "省级制造业创新中心创新能力建设项目", "项目总投入", 5000, "pass", {"项目实施周期": 2}),
    (Y + "省级制造业创新中心创新能力建设项目", "项目总投入", 4999, "fail", {"项目实施周期": 2}),
    (Y + "省级制造业创新中心创新能力建设项目", "项目总投入", 5000, "pass", {"项目实施周期": 1.5}),
    # 275: 拥有 10 人以上的专职服务团队
    (Y + "集群发展促进机构项目", "服务团队人数", 10, "pass", None),
    (Y + "集群发展促进机构项目", "服务团队人数", 9, "fail", None),
    # 279: 2021 年开展集群服务收入不低于 200 万元
    (Y + "集群发展促进机构项目", "服务收入", 200, "pass", None),
    (Y + "集群发展促进机构项目", "服务收入", 199.99, "fail", None),
    # 313: 项目总投入不低于500万元,截至2021年底已投入不少于总投入的20%,并在2023年6月底前完成
    (Y + "信息消费升级平台项目", "项目总投入", 500, "pass", None),
    (Y + "信息消费升级平台项目", "项目总投入", 499, "fail", None),
    (Y + "信息消费升级平台项目", "已投入比例", 0.2, "pass", None),
    (Y + "信息消费升级平台项目", "已投入比例", 0.19, "fail", None),
    (Y + "信息消费升级平台项目", "完工日期", "2023-06-30", "pass", None),
    (Y + "信息消费升级平台项目", "完工日期", "2023-07-01", "fail", None),
    # 327: 注册运营时间及实际开展培训业务时间不低于3年(截至2021年12月底) -> registered by 2018-12-31
    (TALENT, "成立日期", "2018-12-31", "pass", None),
    (TALENT, "成立日期", "2019-01-01", "fail", None),
    (TALENT, "培训业务开展年限", 3, "pass", None),
    (TALENT, "培训业务开展年限", 2.9, "fail", None),
    # 329: 注册资金不低于500万元,近三年年均收入不低于500万元 … 事业单位和非营利性机构不受注册资金和收入总额限制
    (TALENT, "注册资金", 500, "pass", {"事业单位或非营利性机构": False}),
    (TALENT, "注册资金", 499, "fail", {"事业单位或非营利性机构": False}),
    (TALENT, "年均收入", 500, "pass", {"事业单位或非营利性机构": False}),
    (TALENT, "年均收入", 499.99, "fail", {"事业单位或非营利性机构": False}),
    # 329: 近三年年均培训不低于1200人次
    (TALENT, "年均培训人次", 1200, "pass", None),
    (TALENT, "年均培训人次", 1199, "fail", None),
    # 335: 单个项目培训总人数不少于 800 人, 每个班次学员不少于 50 人, 时长 3.5 天及以上 … 的班次不少于 8 个。
    #      培训地点不少于省内 4 个设区市
    (TALENT, "培训总人数", 800, "pass", None),
    (TALENT, "培训总人数", 799, "fail", None),
    (TALENT, "每班次学员人数", 50, "pass", None),
    (TALENT, "每班次学员人数", 49, "fail", None),
    (TALENT, "3.5天以上班次数量", 8, "pass", None),
    (TALENT, "3.5天以上班次数量", 7, "fail", None),
    (TALENT, "培训地点设区市数量", 4, "pass", None),
    (TALENT, "培训地点设区市数量", 3, "fail", None),
    # 275/17: counts and amounts of the remaining thresholds of 集群 are above
]


@pytest.mark.parametrize("name, field, value, status, extra", THRESHOLDS, ids=lambda x: str(x))
def test_2022_thresholds_at_and_past_the_boundary(name, field, value, status, extra):
    assert_threshold(name, field, value, status, extra=extra)


def test_2022_talent_training_public_institutions_are_exempt_from_capital_and_revenue():
    # 329: 事业单位和非营利性机构不受注册资金和收入总额限制
    from subsidykit.thresholds import check

    report = check(TALENT, {"注册资金": 10, "年均收入": 10, "事业单位或非营利性机构": True}, only_given=True, include_general=False)
    assert not [r for r in report.results if r.field in ("注册资金", "年均收入")]


# ----------------------------------------------------------------------------------------------
# No amount in the guide: 另行通知 / 按文件规定 / 配套支持 / 切块 / 一定补助
# ----------------------------------------------------------------------------------------------
NO_AMOUNT = [
    # 149: 根据各设区市…2022 年拟开展免费诊断的项目数，切块予以支持
    (Y + "“智改数转”免费诊断服务项目", None),
    # 217: 按照省委、省政府文件规定给予一次性奖励
    (Y + "省级以上授牌认定奖励项目", None),
    (Y + "省级以上授牌认定奖励项目", "国家制造业单项冠军企业"),
    (Y + "省级以上授牌认定奖励项目", "全国质量奖"),
    (Y + "省级以上授牌认定奖励项目", "中国企业500强"),
    (Y + "省级以上授牌认定奖励项目", "i创杯"),
    # 221: 重大活动项目按专项审计后的实际支出予以一定补助
    (Y + "省委省政府部署的重大展会、重大活动项目", "重大活动项目"),
    # 247: 支持新能源汽车推广应用（具体方案另行通知）
    (Y + "新能源汽车推广应用项目", None),
    # 265: 国家制造业创新中心创新能力建设项目按照项目合同要求配套支持
    (Y + "国家制造业创新中心创新能力建设项目", None),
]


@pytest.mark.parametrize("name, variant", NO_AMOUNT, ids=lambda x: str(x))
def test_2022_no_amount_printed(name, variant):
    assert_no_amount(name, variant=variant)


def test_2022_every_program_of_the_guide_is_covered():
    from subsidykit.catalog import load_catalog

    ids = {p.id for p in load_catalog().programs if p.year == 2022}
    assert len(ids) == 20
    for i in ids:
        p = program(i).program
        assert p.kind == "tiered" or p.source.file == SEED, i


# ----------------------------------------------------------------------------------------------
# Issue 12 item 8: qualitative conditions the guide states (手续完备, 培训资质, 企业内训 …) are yes/no
# conditions (unit 是否, or a date/category where the text gives one).  Each row: the clause (lines and
# words, read by hand) and a value that meets it, then one that does not.
# ----------------------------------------------------------------------------------------------
YES_NO_2022 = [
    # 15-15: 且备案（核准）、环评、能评手续完备
    ("2022-tech-upgrade-loan-interest-equipment", None, "手续完备", True, "pass", None),
    ("2022-tech-upgrade-loan-interest-equipment", None, "手续完备", False, "fail", None),
    # 17-17: 且已使用贷款购置项目所需设备
    ("2022-tech-upgrade-loan-interest-equipment", None, "已使用贷款购置项目所需设备", True, "pass", None),
    ("2022-tech-upgrade-loan-interest-equipment", None, "已使用贷款购置项目所需设备", False, "fail", None),
    # 43-43: 项目备案(核准)、环评、能评等手续完备(无需相关手续的须由项目推荐单位作出说明)
    ("2022-benchmark-demonstration", None, "手续完备", True, "pass", None),
    ("2022-benchmark-demonstration", None, "手续完备", False, "fail", None),
    # 237-237: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2022-green-upgrade", None, "手续完备", True, "pass", None),
    ("2022-green-upgrade", None, "手续完备", False, "fail", None),
    # 315-315: 项目备案(核准)、环评、能评等手续完备(无需相关手续的须由项目推荐单位作出说明)
    ("2022-info-consumption-platform", None, "手续完备", True, "pass", None),
    ("2022-info-consumption-platform", None, "手续完备", False, "fail", None),
    # 277-277: 已参与国家集群竞赛、省市产业强链等专项工作
    ("2022-cluster-promotion-agency", None, "已参与国家集群竞赛或省市产业强链专项工作", True, "pass", None),
    ("2022-cluster-promotion-agency", None, "已参与国家集群竞赛或省市产业强链专项工作", False, "fail", None),
    # 327-327: 申报单位具有培训资质(登记证书、营业执照等证照中包含教育或培训类表述)
    ("2022-industry-talent-training", None, "具有培训资质", True, "pass", None),
    ("2022-industry-talent-training", None, "具有培训资质", False, "fail", None),
    # 333-333: 面向省内工业和信息产业企业人员开展 (不包括企业内训)
    ("2022-industry-talent-training", None, "培训项目为企业内训", False, "pass", None),
    ("2022-industry-talent-training", None, "培训项目为企业内训", True, "fail", None),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", YES_NO_2022, ids=lambda x: str(x))
def test_2022_qualitative_conditions_stated_in_the_guide(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)
