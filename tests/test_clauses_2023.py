"""Per-clause tests for 000_e236479adaf7e68e.txt (2023 年度江苏省工业和信息产业转型升级专项资金,
苏工信综合〔2022〕567号): the notice's 申报条件 (lines 74-101), every program of 附件1 (lines 343-1524)
and the contacts of 附件6 (lines 5445-5570).

Every expected number below was read by hand from the seed text (line numbers and a short quote
above each row or test); amounts are 万元.  Wording (民法典 1259): 以上/不低于/不少于/不超过/（含）
include the number, 超过/大于/未满/低于 exclude it.
"""

from decimal import Decimal

import pytest
from clauses import assert_cap, assert_no_amount, assert_threshold, flatten, program

from subsidykit.amounts import cap
from subsidykit.errors import VariantRequiredError
from subsidykit.thresholds import check

Y = "2023/"

# ----------------------------------------------------------------------------------------------
# rate × base, up to the cap: a base below, the exact boundary, just below it, one above
# ----------------------------------------------------------------------------------------------
RATE_CAP = [
    # 399-401 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过4000万元 (boundary 40000)
    (Y + "高端化改造升级项目", None, [(30000, "3000"), (39999, "3999.9"), (40000, "4000"), (100000, "4000")]),
    (Y + "高端化改造升级项目", "重大技术改造项目", [(10000, "1000"), (40000, "4000"), (50000, "4000")]),
    (Y + "高端化改造升级项目", "产业基础再造项目", [(5000, "500"), (40000, "4000"), (45000, "4000")]),
    # 452-454 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元 (boundary 20000)
    (Y + "智能制造示范工厂项目", None, [(3000, "300"), (19999, "1999.9"), (20000, "2000"), (30000, "2000")]),
    # 501-503 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过1000万元 (boundary 10000)
    (Y + "工业互联网标杆工厂项目", None, [(3000, "300"), (9999, "999.9"), (10000, "1000"), (12000, "1000")]),
    # 554-556 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过1000万元
    (Y + "“5G+工业互联网”融合应用项目", None, [(2000, "200"), (9999, "999.9"), (10000, "1000"), (15000, "1000")]),
    # 597-599 按不超过项目总投入的 10%予以补助，单个项目支持额度最高不超过 500 万元 (boundary 5000)
    (Y + "服务化改造升级标杆示范项目", None, [(2000, "200"), (4999, "499.9"), (5000, "500"), (8000, "500")]),
    # 661-663 公共服务平台项目，按不超过项目总投入的20%予以补助，单个项目支持额度最高不超过2000万 (万元)
    (
        Y + "工业互联网标识解析项目",
        "工业互联网标识解析公共服务平台项目",
        [(1000, "200"), (9999, "1999.8"), (10000, "2000"), (20000, "2000")],
    ),
    # 718-720 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过500万元
    (Y + "工业互联网平台项目", None, [(1000, "100"), (4999, "499.9"), (5000, "500"), (6000, "500")]),
    # 765-767 按不超过项目总投入的20%予以补助，单个项目支持额度最高不超过500万元 (boundary 2500)
    (Y + "工业互联网安全项目", None, [(500, "100"), (2499, "499.8"), (2500, "500"), (4000, "500")]),
    # 905-907 按不超过项目总投入的 20%进行补助，单个项目补助金额不超过 500 万元
    (Y + "数据产品化项目", None, [(1000, "200"), (2499, "499.8"), (2500, "500"), (3000, "500")]),
    # 1006-1008 按不超过申报单位项目新增研发投入的30%予以补助，单个项目支持额度最高不超过3000万元 (boundary 10000)
    (Y + "关键核心技术（装备）工程化攻关", None, [(3000, "900"), (9999, "2999.7"), (10000, "3000"), (20000, "3000")]),
    # 1065-1067 按不超过并购企业对目标企业的实际出资额现金部分的5%予以补助，最高不超过2000万元 (boundary 40000)
    (Y + "企业重大兼并重组项目", None, [(5000, "250"), (39999, "1999.95"), (40000, "2000"), (80000, "2000")]),
    # 1151-1153 按不超过上年度软件和信息技术相关投入的20%予以补助，单个项目支持额度最高不超过500万元
    (Y + "头雁型软件企业培育项目", None, [(1000, "200"), (2499, "499.8"), (2500, "500"), (5000, "500")]),
    (Y + "头雁型软件企业培育项目", "省专精特新软件企业", [(1000, "200"), (2500, "500"), (3000, "500")]),
    (Y + "头雁型软件企业培育项目", "成立独立法人软件和信息技术服务企业项目", [(1200, "240"), (2600, "500")]),
    (Y + "头雁型软件企业培育项目", "入选最新年度省规划布局内重点软件企业", [(1500, "300"), (2500, "500")]),
    # 1174-1178 重大展会……按最高不超过项目总投入的50%予以补助，单个项目支持额度最高不超过1000万元 (boundary 2000)
    (Y + "省委省政府部署的重大展会、重大活动项目", "重大展会项目", [(800, "400"), (1999, "999.5"), (2000, "1000"), (3000, "1000")]),
    # 1219-1221 按不超过项目总投入的 20%予以补助，单个项目支持额度最高不超过 2000 万元 (boundary 10000)
    (Y + "绿色化改造升级项目", None, [(2000, "400"), (9999, "1999.8"), (10000, "2000"), (15000, "2000")]),
    # 1266-1268 按不超过项目总投入的 20%予以补助，单个项目支持额度最高不超过 500 万元
    (Y + "车联网示范应用项目", None, [(1000, "200"), (2499, "499.8"), (2500, "500"), (3000, "500")]),
    # 1305-1307 按不超过项目总投入的 30%予以补助，单个项目支持额度最高不超过 3000 万元
    (Y + "省级制造业创新中心创新能力建设项目", None, [(5000, "1500"), (9999, "2999.7"), (10000, "3000"), (12000, "3000")]),
    # 1356-1358 按不超过规定期间服务收入的 50%予以一次性补助，最高不超过 300 万元 (boundary 600)
    (Y + "集群发展促进机构项目", None, [(200, "100"), (599, "299.5"), (600, "300"), (1000, "300")]),
    # 1411-1413 按不超过项目投入总额的 20%予以补助，单个项目支持额度最高不超过 300 万元 (boundary 1500)
    (Y + "中小企业公共服务示范平台项目", "省级中小企业公共服务示范平台", [(400, "80"), (1499, "299.8"), (1500, "300"), (2000, "300")]),
    (Y + "中小企业公共服务示范平台项目", "省级小微企业双创示范基地", [(400, "80"), (1499, "299.8"), (1500, "300"), (2000, "300")]),
    # 1450-1452 按不超过项目总投入的 20%予以补助，单个项目支持额度最高不超过 500 万元
    (Y + "信息消费升级平台项目", None, [(500, "100"), (2499, "499.8"), (2500, "500"), (4000, "500")]),
    (Y + "信息消费升级平台项目", "信息消费创新应用项目", [(500, "100"), (2500, "500")]),
    (Y + "信息消费升级平台项目", "信息化提升公共服务平台项目", [(1000, "200"), (3000, "500")]),
]


@pytest.mark.parametrize(
    "name, variant, base, expected",
    flatten(RATE_CAP),
    ids=lambda x: str(x),
)
def test_2023_rate_times_base_up_to_cap(name, variant, base, expected):
    assert_cap(name, base, expected, variant=variant)


# 382: 重大技术改造项目总投入不低于1亿元 — a base typed in 亿元 is read as 10000 万元 (10% = 1000)
def test_2023_high_end_upgrade_base_in_yi_yuan():
    assert_cap(Y + "高端化改造升级项目", "1亿元", "1000", variant="重大技术改造项目")


# 657-659 工业互联网标识解析二级节点项目，单个项目补助400万元，首次拨付100万元
def test_2023_identifier_resolution_secondary_node_is_fixed_400_first_100():
    assert_cap(Y + "工业互联网标识解析项目", None, "400", variant="工业互联网标识解析二级节点项目")
    award = cap(Y + "工业互联网标识解析项目", None, variant="工业互联网标识解析二级节点项目")
    assert award.first_payment == Decimal("100")


# tiered programs: the amount depends on the sub-case, which must be named
@pytest.mark.parametrize(
    "name",
    [
        Y + "工业互联网标识解析项目",  # 657-667 二级节点 400 / 公共服务平台 20% ≤2000
        Y + "省委省政府部署的重大展会、重大活动项目",  # 1174-1180 展会 50% ≤1000 / 活动 一定补助
        Y + "中小企业公共服务示范平台项目",  # 1411-1415 20% ≤300 / 纯公益类 按实际支出
    ],
)
def test_2023_tiered_programs_need_a_variant(name):
    with pytest.raises(VariantRequiredError):
        cap(name, 1000)


# ----------------------------------------------------------------------------------------------
# actual cost (据实)
# ----------------------------------------------------------------------------------------------
ACTUAL_COST = [
    # 1516-1518 按符合规定的实际总投入予以补助，最高不超过 300 万元
    (Y + "“英才名匠”产业人才培训项目", None, [(120, "120"), (299.99, "299.99"), (300, "300"), (300.01, "300"), (800, "300")]),
    # 1413-1415 承担国家和省重点公共服务任务的中小企业纯公益类服务平台，按实际支出予以补助 (no cap printed)
    (
        Y + "中小企业公共服务示范平台项目",
        "承担国家和省重点公共服务任务的中小企业纯公益类服务平台",
        [(200, "200"), (350.5, "350.5"), (5000, "5000")],
    ),
    (Y + "中小企业公共服务示范平台项目", "各地中小企业服务中心", [(260, "260")]),
]


@pytest.mark.parametrize(
    "name, variant, base, expected",
    flatten(ACTUAL_COST),
    ids=lambda x: str(x),
)
def test_2023_actual_cost_up_to_cap(name, variant, base, expected):
    assert_cap(name, base, expected, variant=variant)


# ----------------------------------------------------------------------------------------------
# two-stage totals (首期 rate × 总投资预算 up to its cap + 后期 maximum), combined totals
# ----------------------------------------------------------------------------------------------
TWO_STAGE = [
    # 812-817 每个先导区……不超过 3000 万元，分两期安排。首期按照总投资预算的 30%安排，最高不超过 2000
    #         万元，……后期补助资金，最高不超过 1000 万元。 (first stage boundary 2000/0.3 = 6666.67)
    (Y + "信息技术应用创新先导区项目", [(5000, "2500"), (6000, "2800"), (6666, "2999.8"), (10000, "3000"), (20000, "3000")]),
    # 855-860 每个信创实验室补助资金总额不超过 500 万元，分两期安排。首期资金按照总投资预算的 30%安排，
    #         最高不超过 300 万元；二期……最高不超过 200 万元。 (first stage boundary 1000)
    (Y + "信息技术应用创新实验室项目", [(500, "350"), (800, "440"), (999, "499.7"), (1000, "500"), (3000, "500")]),
]


@pytest.mark.parametrize(
    "name, base, expected", [(n, b, e) for n, rows in TWO_STAGE for b, e in rows], ids=lambda x: str(x)
)
def test_2023_two_stage_total_is_first_stage_plus_later_maximum(name, base, expected):
    assert_cap(name, base, expected)


# 1114-1118 按不超过软硬件投入的20%、不超过贷款利息的40%予以补助，两者合计单个项目支持额度最高不超过500万元
@pytest.mark.parametrize(
    "hw_sw, interest, expected",
    [
        (1000, 100, "240"),  # 200 + 40
        (2000, 200, "480"),  # 400 + 80
        (2000, 250, "500"),  # 400 + 100 = exactly 500
        (2000, 251, "500"),  # 400 + 100.4 -> 500
        (3000, 0, "500"),  # 600 -> 500
        (0, 1000, "400"),  # 0 + 400
        (800, 0, "160"),
    ],
)
def test_2023_specialized_sme_is_20pct_hw_sw_plus_40pct_interest_up_to_500(hw_sw, interest, expected):
    name = Y + "专精特新中小企业能力提升项目"
    assert_cap(name, None, expected, bases={"软硬件投入": hw_sw, "贷款利息": interest})
    assert_cap(name, None, expected, bases={"软硬件投入补助": hw_sw, "贷款贴息": interest})
    assert_cap(name, f"软硬件投入={hw_sw};贷款利息={interest}", expected)


# ----------------------------------------------------------------------------------------------
# no amount: 另行通知 / 一定补助 / 按文件规定 / 配套支持
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, variant",
    [
        (Y + "免费诊断服务项目", None),  # 923 具体入库方案另行通知
        (Y + "领军服务商培育项目", None),  # 929 给予一定补助。具体入库方案另行通知
        (Y + "数字经济卓越工程师培育项目", None),  # 1512-1514 具体入库方案另行通知
        (Y + "充电设施建设运营及公交车购置补贴项目", None),  # 1274-1276 具体方案另行通知
        (Y + "省级以上授牌认定奖励项目", None),  # 1170 按照省委、省政府文件规定给予一次性奖励
        (Y + "省级以上授牌认定奖励项目", "2022年度首次入围中国企业500强的制造业企业"),
        (Y + "省级以上授牌认定奖励项目", "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业"),
        (Y + "省委省政府部署的重大展会、重大活动项目", "重大活动项目"),  # 1180 按专项审计后的实际支出予以一定补助
        (Y + "国家制造业创新中心能力建设项目", None),  # 1315-1317 按照项目合同要求配套支持
    ],
)
def test_2023_programs_without_a_stated_amount(name, variant):
    assert_no_amount(name, variant=variant)


# ----------------------------------------------------------------------------------------------
# 支持数量 (quota)
# ----------------------------------------------------------------------------------------------
QUOTA = [
    (Y + "高端化改造升级项目", 30),  # 407 不超过 30 个
    (Y + "智能制造示范工厂项目", 15),  # 458 不超过15个
    (Y + "工业互联网标杆工厂项目", 10),  # 507 不超过10个
    (Y + "“5G+工业互联网”融合应用项目", 10),  # 559 不超过10个
    (Y + "服务化改造升级标杆示范项目", 20),  # 602 不超过20个
    (Y + "工业互联网标识解析项目", 12),  # 671 不超过12个
    (Y + "工业互联网平台项目", 10),  # 724 不超过10个
    (Y + "工业互联网安全项目", 10),  # 772 不超过10个
    (Y + "信息技术应用创新先导区项目", 3),  # 823 不超过 3 个
    (Y + "信息技术应用创新实验室项目", 5),  # 864 不超过 5 个
    (Y + "数据产品化项目", 20),  # 911 不超过 20 个
    (Y + "关键核心技术（装备）工程化攻关", 60),  # 1018 不超过60个
    (Y + "企业重大兼并重组项目", 15),  # 1071 不超过15个
    (Y + "专精特新中小企业能力提升项目", 150),  # 1121 不超过150个
    (Y + "头雁型软件企业培育项目", 15),  # 1157 不超过15个
    (Y + "绿色化改造升级项目", 50),  # 1227 不超过50个
    (Y + "车联网示范应用项目", 20),  # 1272 不超过 20 个
    (Y + "省级制造业创新中心创新能力建设项目", 5),  # 1313 不超过 5 个
    (Y + "集群发展促进机构项目", 5),  # 1362 不超过 5 个
    (Y + "中小企业公共服务示范平台项目", 20),  # 1419 不超过 20 个
    (Y + "信息消费升级平台项目", 15),  # 1458 不超过 15 个
    (Y + "“英才名匠”产业人才培训项目", 20),  # 1524 不超过 20 个 (listed under （五）产业人才培训项目)
]


@pytest.mark.parametrize("name, n", QUOTA, ids=lambda x: str(x))
def test_2023_quota(name, n):
    assert program(name).program.quota.value == n


VARIANT_QUOTA = [
    # 671-675 其中，工业互联网标识解析二级节点项目不超过10个，工业互联网标识解析公共服务平台项目不超过2个
    (Y + "工业互联网标识解析项目", "工业互联网标识解析二级节点项目", 10),
    (Y + "工业互联网标识解析项目", "工业互联网标识解析公共服务平台项目", 2),
    # 1157-1161 其中，成立独立法人软件和信息技术服务企业项目不超过5个，专精特新软件企业项目不超过10个
    (Y + "头雁型软件企业培育项目", "成立独立法人软件和信息技术服务企业项目", 5),
    (Y + "头雁型软件企业培育项目", "专精特新软件企业项目", 10),
    # 1458-1460 其中，信息消费创新应用项目不超过 5 个，信息化提升公共服务平台项目不超过 10 个
    (Y + "信息消费升级平台项目", "信息消费创新应用项目", 5),
    (Y + "信息消费升级平台项目", "信息化提升公共服务平台项目", 10),
]


@pytest.mark.parametrize("name, variant, n", VARIANT_QUOTA, ids=lambda x: str(x))
def test_2023_sub_quota(name, variant, n):
    assert program(name, variant=variant).variant.quota.value == n


@pytest.mark.parametrize(
    "name",
    [
        Y + "免费诊断服务项目",
        Y + "领军服务商培育项目",
        Y + "省级以上授牌认定奖励项目",
        Y + "省委省政府部署的重大展会、重大活动项目",
        Y + "充电设施建设运营及公交车购置补贴项目",
        Y + "国家制造业创新中心能力建设项目",
        Y + "数字经济卓越工程师培育项目",
    ],
)
def test_2023_programs_without_a_printed_quota(name):
    assert program(name).program.quota is None


# ----------------------------------------------------------------------------------------------
# 首次拨付
# ----------------------------------------------------------------------------------------------
FIRST_SHARE = [
    (Y + "高端化改造升级项目", None, 30000, "1500"),  # 401 首次拨付补助资金总额的50%
    (Y + "工业互联网标识解析项目", "工业互联网标识解析公共服务平台项目", 5000, "500"),  # 665 首次拨付补助资金总额的50%
    (Y + "工业互联网安全项目", None, 2000, "200"),  # 767-769 首次拨付补助资金总额的50%
    (Y + "关键核心技术（装备）工程化攻关", None, 20000, "1500"),  # 1008 首次拨付补助资金总额的50%
    (Y + "绿色化改造升级项目", None, 5000, "500"),  # 1221-1223 首次拨付补助资金总额的50%
    (Y + "省级制造业创新中心创新能力建设项目", None, 8000, "1200"),  # 1307 首次拨付补助资金的 50%
    (Y + "信息消费升级平台项目", None, 1000, "100"),  # 1452-1454 首次拨付补助资金总额的50%
    (Y + "“英才名匠”产业人才培训项目", None, 300, "150"),  # 1518 首次按核定总预算的 50%予以补助
]


@pytest.mark.parametrize("name, variant, base, first", FIRST_SHARE, ids=lambda x: str(x))
def test_2023_first_payment_is_half(name, variant, base, first):
    sel = program(name, variant=variant)
    fp = sel.variant.first_payment if variant else sel.program.first_payment
    assert fp.share == Decimal("0.5")
    assert cap(name, base, variant=variant).first_payment == Decimal(first)


@pytest.mark.parametrize(
    "name",
    [
        Y + "智能制造示范工厂项目",  # 452-454: no 首次拨付 printed
        Y + "工业互联网标杆工厂项目",  # 501-503
        Y + "“5G+工业互联网”融合应用项目",  # 554-556
        Y + "服务化改造升级标杆示范项目",  # 597-599
        Y + "工业互联网平台项目",  # 718-720
        Y + "数据产品化项目",  # 905-907
        Y + "企业重大兼并重组项目",  # 1065-1067
        Y + "专精特新中小企业能力提升项目",  # 1114-1118
        Y + "头雁型软件企业培育项目",  # 1151-1153
        Y + "车联网示范应用项目",  # 1266-1268
        Y + "集群发展促进机构项目",  # 1356-1358
        Y + "中小企业公共服务示范平台项目",  # 1411-1415
    ],
)
def test_2023_programs_without_first_payment(name):
    assert program(name).program.first_payment is None


def test_2023_identifier_node_first_payment_is_amount_100():
    # 659 首次拨付100万元
    fp = program(Y + "工业互联网标识解析项目", variant="工业互联网标识解析二级节点项目").variant.first_payment
    assert fp.amount == Decimal("100") and fp.share is None


# ----------------------------------------------------------------------------------------------
# thresholds of each program: at the boundary and just past it
# (name, variant, field, value, expected, extra)
# ----------------------------------------------------------------------------------------------
HE = Y + "高端化改造升级项目"
SF = Y + "智能制造示范工厂项目"
BF = Y + "工业互联网标杆工厂项目"
G5 = Y + "“5G+工业互联网”融合应用项目"
SV = Y + "服务化改造升级标杆示范项目"
IR = Y + "工业互联网标识解析项目"
IR_NODE = "工业互联网标识解析二级节点项目"
IR_PLAT = "工业互联网标识解析公共服务平台项目"
IP = Y + "工业互联网平台项目"
IS = Y + "工业互联网安全项目"
PZ = Y + "信息技术应用创新先导区项目"
LAB = Y + "信息技术应用创新实验室项目"
DP = Y + "数据产品化项目"
KC = Y + "关键核心技术（装备）工程化攻关"
MG = Y + "企业重大兼并重组项目"
SME = Y + "专精特新中小企业能力提升项目"
SW = Y + "头雁型软件企业培育项目"
AW = Y + "省级以上授牌认定奖励项目"
EX = Y + "省委省政府部署的重大展会、重大活动项目"
GR = Y + "绿色化改造升级项目"
CV = Y + "车联网示范应用项目"
MC = Y + "省级制造业创新中心创新能力建设项目"
CL = Y + "集群发展促进机构项目"
PF = Y + "中小企业公共服务示范平台项目"
PF_DEMO = "省级中小企业公共服务示范平台"
PF_BASE = "省级小微企业双创示范基地"
PF_FREE = "承担国家和省重点公共服务任务的中小企业纯公益类服务平台"
IC = Y + "信息消费升级平台项目"
TT = Y + "“英才名匠”产业人才培训项目"


def window(name, variant, field, extra=None):
    """2021年1月1日（含）至2022年6月30日（含）: both ends in, the days outside out."""
    return [
        (name, variant, field, "2021-01-01", "pass", extra),
        (name, variant, field, "2022-06-30", "pass", extra),
        (name, variant, field, "2020-12-31", "fail", extra),
        (name, variant, field, "2022-07-01", "fail", extra),
    ]


THRESHOLDS = [
    # --- 高端化改造升级 (376-395)
    # 378 项目实施地在江苏省域内
    (HE, None, "项目实施地省份", "江苏省", "pass", None),
    (HE, None, "项目实施地省份", "浙江省", "fail", None),
    # 378-380 研发类项目不予支持
    (HE, None, "研发类项目", False, "pass", None),
    (HE, None, "研发类项目", True, "fail", None),
    # 393-395 项目已开工建设……但尚未竣工
    (HE, None, "已开工建设", True, "pass", None),
    (HE, None, "已开工建设", False, "fail", None),
    (HE, None, "已竣工", False, "pass", None),
    (HE, None, "已竣工", True, "fail", None),
    # 382 重大技术改造项目总投入不低于1亿元
    (HE, "重大技术改造项目", "项目总投入", 10000, "pass", None),
    (HE, "重大技术改造项目", "项目总投入", "1亿元", "pass", None),
    (HE, "重大技术改造项目", "项目总投入", 9999.99, "fail", None),
    (HE, "重大技术改造项目", "项目总投入", 5000, "fail", None),
    # 382-384 产业基础再造项目总投入不低于5000万元
    (HE, "产业基础再造项目", "项目总投入", 5000, "pass", None),
    (HE, "产业基础再造项目", "项目总投入", 4999.99, "fail", None),
    # --- 智能制造示范工厂 (427-456)
    # 428 申报主体须为省级（含）以上智能制造示范工厂
    (SF, None, "示范级别", "省级", "pass", None),
    (SF, None, "示范级别", "国家级", "pass", None),
    (SF, None, "示范级别", "市级", "fail", None),
    # 434 项目实施周期不超过 3 年
    (SF, None, "项目实施周期", 3, "pass", None),
    (SF, None, "项目实施周期", 3.01, "fail", None),
    # 434-436 须在 2021 年 1 月 1 日（含）至 2022 年 6 月 30 日（含）期间完工
    *window(SF, None, "完工日期"),
    # 442 项目总投入不低于 3000 万元; 448-450 软件、系统集成、公私有云等投入不低于 300 万元
    (SF, None, "项目总投入", 3000, "pass", None),
    (SF, None, "项目总投入", 2999.99, "fail", None),
    (SF, None, "软件投入", 300, "pass", None),
    (SF, None, "软件投入", 299.99, "fail", None),
    # 456 符合上述条件的规模以上工业企业
    (SF, None, "规模以上工业企业", True, "pass", None),
    (SF, None, "规模以上工业企业", False, "fail", None),
    # --- 工业互联网标杆工厂 (468-505)
    # 470-473 2018 年以来省级（含）以上工业互联网标杆工厂，通过……贯标（A 级（含）以上等级）
    (BF, None, "示范级别", "省级", "pass", None),
    (BF, None, "示范级别", "国家级", "pass", None),
    (BF, None, "示范级别", "市级", "fail", None),
    (BF, None, "认定日期", "2018-01-01", "pass", None),
    (BF, None, "认定日期", "2017-12-31", "fail", None),
    (BF, None, "两化融合贯标等级", "A级", "pass", None),
    (BF, None, "两化融合贯标等级", "AAA级", "pass", None),
    (BF, None, "两化融合贯标等级", "未贯标", "fail", None),
    *window(BF, None, "完工日期"),  # 479-481
    (BF, None, "项目总投入", 3000, "pass", None),  # 485 不低于 3000 万元
    (BF, None, "项目总投入", 2999.99, "fail", None),
    (BF, None, "软件投入", 300, "pass", None),  # 491-493 不低于 300 万元
    (BF, None, "软件投入", 299.99, "fail", None),
    # 497-499 至少有 3 项（含）细分指标比认定时提升
    (BF, None, "提升指标数量", 3, "pass", None),
    (BF, None, "提升指标数量", 2, "fail", None),
    (BF, None, "规模以上工业企业", True, "pass", None),  # 505
    (BF, None, "规模以上工业企业", False, "fail", None),
    # --- 5G+工业互联网 (518-557)
    # 522-526 设备无线联网率……不低于 50%
    (G5, None, "5G设备无线联网率", "50%", "pass", None),
    (G5, None, "5G设备无线联网率", "49.99%", "fail", None),
    # 528-530 应用工信部发布的场景数量不少于 8 个
    (G5, None, "5G应用场景数量", 8, "pass", None),
    (G5, None, "5G应用场景数量", 7, "fail", None),
    *window(G5, None, "完工日期"),  # 538-540
    (G5, None, "项目总投入", 2000, "pass", None),  # 544 不低于 2000 万元
    (G5, None, "项目总投入", 1999.99, "fail", None),
    (G5, None, "软件投入", 300, "pass", None),  # 550-552
    (G5, None, "软件投入", 299.99, "fail", None),
    (G5, None, "规模以上工业企业", False, "fail", None),  # 557
    # --- 服务化改造升级标杆示范 (571-595)
    *window(SV, None, "完工日期"),  # 581-583
    (SV, None, "项目总投入", 2000, "pass", None),  # 587
    (SV, None, "项目总投入", 1999.99, "fail", None),
    (SV, None, "软件投入", 300, "pass", None),  # 593-595
    (SV, None, "软件投入", 299.99, "fail", None),
    # --- 工业互联网标识解析 (620-655)
    # 622 项目总投入不低于 1000 万元，须在 2023 年 12 月 31 日前建设完成
    (IR, IR_NODE, "项目总投入", 1000, "pass", None),
    (IR, IR_NODE, "项目总投入", 999.99, "fail", None),
    (IR, IR_PLAT, "项目总投入", 1000, "pass", None),
    (IR, IR_PLAT, "项目总投入", 999.99, "fail", None),
    (IR, IR_NODE, "完工日期", "2023-12-31", "pass", None),
    (IR, IR_NODE, "完工日期", "2024-01-01", "fail", None),
    # 624-626 公共服务平台项目截至 2022 年 6 月 30 日已投入不少于总投入的 20%
    (IR, IR_PLAT, "已投入比例", "20%", "pass", None),
    (IR, IR_PLAT, "已投入比例", "19.99%", "fail", None),
    # 636-642 二级节点：专家评估、展示体验区、推广场次不少于 5 场、注册量不低于 2 亿、解析量不低于 1 亿、接入企业不少于 1000 家
    (IR, IR_NODE, "通过工信部所属单位专家评估", True, "pass", None),
    (IR, IR_NODE, "通过工信部所属单位专家评估", False, "fail", None),
    (IR, IR_NODE, "建成标识解析展示体验区", True, "pass", None),
    (IR, IR_NODE, "建成标识解析展示体验区", False, "fail", None),
    (IR, IR_NODE, "标识应用推广场次", 5, "pass", None),
    (IR, IR_NODE, "标识应用推广场次", 4, "fail", None),
    (IR, IR_NODE, "累计标识注册量", 200000000, "pass", None),
    (IR, IR_NODE, "累计标识注册量", 199999999, "fail", None),
    (IR, IR_NODE, "累计标识解析量", 100000000, "pass", None),
    (IR, IR_NODE, "累计标识解析量", 99999999, "fail", None),
    (IR, IR_NODE, "接入企业数量", 1000, "pass", None),
    (IR, IR_NODE, "接入企业数量", 999, "fail", None),
    # 643-655 公共服务平台：软件 20 款以上、免费 10 款以上、优惠价 10 款以上、培训推广不少于 10 场、
    #         上架不少于 60 款、服务企业不少于 1000 家、服务二级节点不少于 10 家
    (IR, IR_PLAT, "自研标识应用软件数量", 20, "pass", None),
    (IR, IR_PLAT, "自研标识应用软件数量", 19, "fail", None),
    (IR, IR_PLAT, "免费标识应用软件数量", 10, "pass", None),
    (IR, IR_PLAT, "免费标识应用软件数量", 9, "fail", None),
    (IR, IR_PLAT, "优惠价标识应用软件数量", 10, "pass", None),
    (IR, IR_PLAT, "优惠价标识应用软件数量", 9, "fail", None),
    (IR, IR_PLAT, "应用培训推广场次", 10, "pass", None),
    (IR, IR_PLAT, "应用培训推广场次", 9, "fail", None),
    (IR, IR_PLAT, "上架标识应用软件产品数量", 60, "pass", None),
    (IR, IR_PLAT, "上架标识应用软件产品数量", 59, "fail", None),
    (IR, IR_PLAT, "服务企业数量", 1000, "pass", None),
    (IR, IR_PLAT, "服务企业数量", 999, "fail", None),
    (IR, IR_PLAT, "服务二级节点数量", 10, "pass", None),
    (IR, IR_PLAT, "服务二级节点数量", 9, "fail", None),
    # --- 工业互联网平台 (686-716)
    # 688 2018 年以来认定的省级（含）以上的工业互联网平台、工业电子商务重点培育平台
    (IP, None, "示范级别", "省级", "pass", None),
    (IP, None, "示范级别", "市级", "fail", None),
    (IP, None, "认定日期", "2018-01-01", "pass", None),
    (IP, None, "认定日期", "2017-12-31", "fail", None),
    (IP, None, "项目总投入", 1000, "pass", None),  # 692
    (IP, None, "项目总投入", 999.99, "fail", None),
    (IP, None, "软件投入", 300, "pass", None),  # 700
    (IP, None, "软件投入", 299.99, "fail", None),
    (IP, None, "项目实施周期", 3, "pass", None),  # 702 不超过 3 年
    (IP, None, "项目实施周期", 3.01, "fail", None),
    *window(IP, None, "完工日期"),  # 702-704
    (IP, None, "提升指标数量", 3, "pass", None),  # 714 至少有 3 项（含）
    (IP, None, "提升指标数量", 2, "fail", None),
    # --- 工业互联网安全 (733-743): 已开工建设但尚未竣工，总投入不低于 500 万元，已投入不少于 20%，实施周期不超过 2 年
    (IS, None, "已开工建设", True, "pass", None),
    (IS, None, "已开工建设", False, "fail", None),
    (IS, None, "已竣工", False, "pass", None),
    (IS, None, "已竣工", True, "fail", None),
    (IS, None, "项目总投入", 500, "pass", None),
    (IS, None, "项目总投入", 499.99, "fail", None),
    (IS, None, "已投入比例", 0.2, "pass", None),
    (IS, None, "已投入比例", 0.1999, "fail", None),
    (IS, None, "项目实施周期", 2, "pass", None),
    (IS, None, "项目实施周期", 2.01, "fail", None),
    # --- 信创先导区 (792-821)
    # 804-806 2 年实施期内用于先导区建设的投资预算不低于 1 亿元
    (PZ, None, "总投资预算", 10000, "pass", None),
    (PZ, None, "总投资预算", 9999.99, "fail", None),
    # 808-810 须在 2024 年 6 月 30 日前创建完成
    (PZ, None, "完工日期", "2024-06-30", "pass", None),
    (PZ, None, "完工日期", "2024-07-01", "fail", None),
    # 819-821 软件及信息产业园、经济开发区或高新技术开发区
    (PZ, None, "申报主体类型", "经济开发区", "pass", None),
    (PZ, None, "申报主体类型", "高新技术开发区", "pass", None),
    (PZ, None, "申报主体类型", "软件及信息产业园", "pass", None),
    (PZ, None, "申报主体类型", "企业", "fail", None),
    # --- 信创实验室 (827-853)
    # 833-835 每个试验室合作期不少于 5 年，须在 2024 年 6 月 30 日前创建完成
    (LAB, None, "合作期", 5, "pass", None),
    (LAB, None, "合作期", 4.9, "fail", None),
    (LAB, None, "完工日期", "2024-06-30", "pass", None),
    (LAB, None, "完工日期", "2024-07-01", "fail", None),
    # 849 2 年建设期内总投资预算不低于 1000 万
    (LAB, None, "总投资预算", 1000, "pass", None),
    (LAB, None, "总投资预算", 999.99, "fail", None),
    # 851-853 至少实现一个方向的突破
    (LAB, None, "攻关突破方向数量", 1, "pass", None),
    (LAB, None, "攻关突破方向数量", 0, "fail", None),
    # --- 数据产品化 (874-903)
    # 876-880 已入……企业库，项目入选 2020 年（含）以来的省级……示范项目名单且未获得过本专项资金支持
    (DP, None, "已入省云计算大数据区块链企业库", True, "pass", None),
    (DP, None, "已入省云计算大数据区块链企业库", False, "fail", None),
    (DP, None, "示范级别", "省级", "pass", None),
    (DP, None, "示范级别", "市级", "fail", None),
    (DP, None, "认定日期", "2020-01-01", "pass", None),
    (DP, None, "认定日期", "2019-12-31", "fail", None),
    (DP, None, "项目已获本专项资金支持", False, "pass", None),
    (DP, None, "项目已获本专项资金支持", True, "fail", None),
    (DP, None, "项目总投入", 1000, "pass", None),  # 892
    (DP, None, "项目总投入", 999.99, "fail", None),
    *window(DP, None, "完工日期"),  # 900-901
    # --- 关键核心技术攻关 (951-1000)
    # 957-959 项目实施期原则上不超过3年，在2024年底前完成攻关任务
    (KC, None, "项目实施周期", 3, "pass", None),
    (KC, None, "项目实施周期", 3.5, "fail", None),
    (KC, None, "完工日期", "2024-12-31", "pass", None),
    (KC, None, "完工日期", "2025-01-01", "fail", None),
    # 961-963 项目自2022年7月1日（含）起新增研发投入不低于3000万元
    (KC, None, "攻关总投入", 3000, "pass", None),
    (KC, None, "攻关总投入", 2999.99, "fail", None),
    # --- 企业重大兼并重组 (1039-1063)
    # 1041-1043 2021年1月1日（含）至2022年6月30日（含）期间，成功并购
    *window(MG, None, "并购完成日期"),
    # 1049-1051 同一母公司控制下的各子公司间交易所进行的兼并重组不可申报
    (MG, None, "同一母公司控制下子公司间交易", False, "pass", None),
    (MG, None, "同一母公司控制下子公司间交易", True, "fail", None),
    # 1053-1055 唯一控股50%（含）以上的最大股东
    (MG, None, "发起方持股比例", "50%", "pass", None),
    (MG, None, "发起方持股比例", "49.99%", "fail", None),
    # 1057-1059 实际出资额折合人民币不低于5000万元
    (MG, None, "并购实际出资额", 5000, "pass", None),
    (MG, None, "并购实际出资额", 4999.99, "fail", None),
    # 1059-1063 列入合并计算的单个项目出资额须大于5000万元 (大于: 5000 itself is out)
    (MG, None, "列入合并计算的单个并购项目出资额", 5000.01, "pass", {"多个并购项目合并计算": True}),
    (MG, None, "列入合并计算的单个并购项目出资额", 5000, "fail", {"多个并购项目合并计算": True}),
    # --- 专精特新中小企业能力提升 (1080-1108)
    # 1082-1084 有效期内的省级专精特新小巨人企业，且 2021-2022 年未获得过本专项资金支持
    (SME, None, "专精特新资质", "省级专精特新小巨人企业", "pass", None),
    (SME, None, "专精特新资质", "市级专精特新中小企业", "fail", None),
    (SME, None, "2021-2022年获本专项资金支持", False, "pass", None),
    (SME, None, "2021-2022年获本专项资金支持", True, "fail", None),
    # 1086-1090 新增软硬件投入和贷款利息总额合计不低于 800 万元
    (SME, None, "软硬件投入和贷款利息合计", 800, "pass", None),
    (SME, None, "软硬件投入和贷款利息合计", 799.99, "fail", None),
    *window(SME, None, "投入发生日期"),  # 1086-1088
    *window(SME, None, "贷款利息发生日期"),  # 1102-1106
    # --- 头雁型软件企业 (1131-1149)
    # 1139-1141 上年度软件和信息技术服务业务收入不低于 5000 万元，增速不低于 10%
    (SW, None, "软件和信息技术服务业务收入", 5000, "pass", None),
    (SW, None, "软件和信息技术服务业务收入", 4999.99, "fail", None),
    (SW, None, "软件和信息技术服务业务收入增长率", "10%", "pass", None),
    (SW, None, "软件和信息技术服务业务收入增长率", "9.99%", "fail", None),
    # 1143 上年度软件和信息技术相关投入不低于 1000 万元
    (SW, None, "软件和信息技术相关投入", 1000, "pass", None),
    (SW, None, "软件和信息技术相关投入", 999.99, "fail", None),
    # 1149 上年度获得软件著作权不低于 10 件
    (SW, None, "软件著作权数量", 10, "pass", None),
    (SW, None, "软件著作权数量", 9, "fail", None),
    # --- 省级以上授牌认定奖励 (1163-1170)
    (AW, "2022年度首次入围中国企业500强的制造业企业", "首次入围中国企业500强年度", "2022年度", "pass", None),
    (AW, "2022年度首次入围中国企业500强的制造业企业", "首次入围中国企业500强年度", "2021年度", "fail", None),
    (AW, "2022年度首次入围中国企业500强的制造业企业", "行业", "制造业", "pass", None),
    (AW, "2022年度首次入围中国企业500强的制造业企业", "行业", "批发和零售业", "fail", None),
    # 1166-1170 本省以及在参赛后、2022年6月30日（含）前落户江苏的……二等奖（含）以上获奖企业
    (AW, "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业", "获奖等级", "二等奖", "pass", None),
    (AW, "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业", "获奖等级", "一等奖", "pass", None),
    (AW, "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业", "获奖等级", "三等奖", "fail", None),
    (AW, "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业", "落户江苏日期", "2022-06-30", "pass", {"参赛时为本省企业": False}),
    (AW, "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业", "落户江苏日期", "2022-07-01", "fail", {"参赛时为本省企业": False}),
    # --- 重大展会、重大活动 (1182-1184) 省工信厅、各设区市工信局、省级（含）以上经开区、高新区等单位
    (EX, "重大展会项目", "申报主体类型", "省工信厅", "pass", None),
    (EX, "重大展会项目", "申报主体类型", "设区市工信局", "pass", None),
    (EX, "重大活动项目", "申报主体类型", "省级（含）以上高新区", "pass", None),
    (EX, "重大展会项目", "申报主体类型", "县级工信局", "fail", None),
    # --- 绿色化改造升级 (1198-1217)
    # 1202-1204 项目总投入不低于 2000 万元，截至 2022 年 6 月 30 日已投入不少于项目总投入的 20%
    (GR, None, "项目总投入", 2000, "pass", None),
    (GR, None, "项目总投入", 1999.99, "fail", None),
    (GR, None, "已投入比例", "20%", "pass", None),
    (GR, None, "已投入比例", "19.99%", "fail", None),
    # 1215-1217 项目已开工建设且尚未建成……须在2024年6月30日前建设完成
    (GR, None, "已开工且尚未建成", True, "pass", None),
    (GR, None, "已开工且尚未建成", False, "fail", None),
    (GR, None, "完工日期", "2024-06-30", "pass", None),
    (GR, None, "完工日期", "2024-07-01", "fail", None),
    # --- 车联网示范应用 (1241-1258)
    (CV, None, "项目总投入", 1000, "pass", None),  # 1247 不低于 1000 万元
    (CV, None, "项目总投入", 999.99, "fail", None),
    *window(CV, None, "完工日期"),  # 1254-1256
    # --- 省级制造业创新中心 (1288-1303)
    # 1290 经省批复试点建设的省级制造业创新中心，未满 3 年 (未满: 3 itself is out)
    (MC, None, "创新中心批复建设年限", 2.99, "pass", None),
    (MC, None, "创新中心批复建设年限", 3, "fail", None),
    # 1292-1295 建设周期不超过 3 年的，总投入不低于 8000 万元；为 2 年以内（含）的，总投入不低于 5000 万元
    (MC, None, "项目实施周期", 3, "pass", None),
    (MC, None, "项目实施周期", 3.01, "fail", None),
    (MC, None, "项目总投入", 5000, "pass", {"项目实施周期": 2}),
    (MC, None, "项目总投入", 4999.99, "fail", {"项目实施周期": 2}),
    (MC, None, "项目总投入", 5000, "pass", {"项目实施周期": 1.5}),
    (MC, None, "项目总投入", 8000, "pass", {"项目实施周期": 2.5}),
    (MC, None, "项目总投入", 7999.99, "fail", {"项目实施周期": 2.5}),
    (MC, None, "项目总投入", 5000, "fail", {"项目实施周期": 2.01}),
    (MC, None, "项目总投入", 8000, "pass", {"项目实施周期": 3}),
    (MC, None, "项目总投入", 7999.99, "fail", {"项目实施周期": 3}),
    # --- 集群发展促进机构 (1327-1354)
    (CL, None, "服务团队人数", 10, "pass", None),  # 1333 拥有 10 人以上的服务团队
    (CL, None, "服务团队人数", 9, "fail", None),
    (CL, None, "牵头编制发布成果数量", 20, "pass", None),  # 1340 不少于 20 个
    (CL, None, "牵头编制发布成果数量", 19, "fail", None),
    (CL, None, "牵头组织交流活动场次", 10, "pass", None),  # 1340-1342 不少于 10 场
    (CL, None, "牵头组织交流活动场次", 9, "fail", None),
    (CL, None, "服务企业数量", 100, "pass", None),  # 1342-1344 不少于 100 家
    (CL, None, "服务企业数量", 99, "fail", None),
    (CL, None, "服务收入", 200, "pass", None),  # 1352-1354 服务收入不低于 200 万元
    (CL, None, "服务收入", 199.99, "fail", None),
    # --- 中小企业公共服务示范平台 (1372-1409)
    # 1378-1385 线下服务……不少于 200 家，活动 8 场（次）以上，联合活动至少 1 场以上，满意度 90%以上
    (PF, PF_DEMO, "服务企业数量", 200, "pass", None),
    (PF, PF_DEMO, "服务企业数量", 199, "fail", None),
    (PF, PF_FREE, "服务企业数量", 199, "fail", None),
    (PF, PF_DEMO, "公益性公共服务活动场次", 8, "pass", None),
    (PF, PF_DEMO, "公益性公共服务活动场次", 7, "fail", None),
    (PF, PF_DEMO, "与工信部门联合开展公益服务活动场次", 1, "pass", None),
    (PF, PF_DEMO, "与工信部门联合开展公益服务活动场次", 0, "fail", None),
    (PF, PF_DEMO, "中小微企业服务满意度", "90%", "pass", None),
    (PF, PF_DEMO, "中小微企业服务满意度", "89.99%", "fail", None),
    # 1385-1387 小微企业双创示范基地新增规模以上企业 1-2 家
    (PF, PF_BASE, "新增规模以上企业数量", 1, "pass", None),
    (PF, PF_BASE, "新增规模以上企业数量", 0, "fail", None),
    # 1389-1393 项目投入不低于 400 万元，免费公益性服务或低收费服务不少于总服务的 20%
    (PF, PF_DEMO, "项目总投入", 400, "pass", None),
    (PF, PF_DEMO, "项目总投入", 399.99, "fail", None),
    (PF, PF_BASE, "项目总投入", 400, "pass", None),
    (PF, PF_BASE, "项目总投入", 399.99, "fail", None),
    (PF, PF_DEMO, "免费或低收费服务比例", "20%", "pass", None),
    (PF, PF_DEMO, "免费或低收费服务比例", "19.99%", "fail", None),
    (PF, PF_BASE, "免费或低收费服务比例", "19.99%", "fail", None),
    # 1401-1405 各地中小企业服务中心……总额达 200 万元以上，所有服务均须为免费公益性服务
    (PF, PF_FREE, "建设投入和服务中小微企业支出", 200, "pass", None),
    (PF, PF_FREE, "建设投入和服务中小微企业支出", 199.99, "fail", None),
    (PF, PF_FREE, "免费公益性服务比例", "100%", "pass", None),
    (PF, PF_FREE, "免费公益性服务比例", "99%", "fail", None),
    # 1407-1409 2022 年度或连续 3 年获得过……专项资金支持的不得申报
    (PF, PF_DEMO, "2022年度获示范平台专项资金支持", False, "pass", None),
    (PF, PF_DEMO, "2022年度获示范平台专项资金支持", True, "fail", None),
    (PF, PF_BASE, "连续3年获示范平台专项资金支持", False, "pass", None),
    (PF, PF_BASE, "连续3年获示范平台专项资金支持", True, "fail", None),
    # --- 信息消费升级平台 (1436-1440): 已开工建设但尚未竣工，总投入不低于500万元，已投入不少于20%，实施周期不超过2年
    (IC, None, "已开工且尚未建成", True, "pass", None),
    (IC, None, "已开工且尚未建成", False, "fail", None),
    (IC, None, "项目总投入", 500, "pass", None),
    (IC, None, "项目总投入", 499.99, "fail", None),
    (IC, None, "已投入比例", "20%", "pass", None),
    (IC, None, "已投入比例", "19.99%", "fail", None),
    (IC, None, "项目实施周期", 2, "pass", None),
    (IC, None, "项目实施周期", 2.01, "fail", None),
    # --- “英才名匠”产业人才培训 (1469-1510)
    # 1475-1477 注册运营时间及实际开展培训业务时间不低于 3 年（截至 2022 年 6 月 30 日）
    (TT, None, "成立日期", "2019-06-30", "pass", None),
    (TT, None, "成立日期", "2019-07-01", "fail", None),
    (TT, None, "培训业务开展年限", 3, "pass", None),
    (TT, None, "培训业务开展年限", 2.99, "fail", None),
    # 1479-1483 注册资金不低于 500 万元，2019-2021 年年均收入不低于 500 万元……事业单位和非营利性机构不受……限制
    (TT, None, "注册资金", 500, "pass", {"事业单位或非营利性机构": False}),
    (TT, None, "注册资金", 499.99, "fail", {"事业单位或非营利性机构": False}),
    (TT, None, "年均收入", 500, "pass", {"事业单位或非营利性机构": False}),
    (TT, None, "年均收入", 499.99, "fail", {"事业单位或非营利性机构": False}),
    # 1493-1495 近三年年均培训不低于 1200 人次
    (TT, None, "年均培训人次", 1200, "pass", None),
    (TT, None, "年均培训人次", 1199, "fail", None),
    # 1501 不对学员收取任何费用
    (TT, None, "对学员收费", False, "pass", None),
    (TT, None, "对学员收费", True, "fail", None),
    # 1505-1510 总人数不少于 800 人，每班次不少于 50 人，3.5 天（含）以上的班次不少于 8 个，
    #           学员来自不少于省内 4 个设区市，苏南、苏中、苏北地区分别至少一个班次
    (TT, None, "培训总人数", 800, "pass", None),
    (TT, None, "培训总人数", 799, "fail", None),
    (TT, None, "每班次学员人数", 50, "pass", None),
    (TT, None, "每班次学员人数", 49, "fail", None),
    (TT, None, "3.5天以上班次数量", 8, "pass", None),
    (TT, None, "3.5天以上班次数量", 7, "fail", None),
    (TT, None, "学员来源设区市数量", 4, "pass", None),
    (TT, None, "学员来源设区市数量", 3, "fail", None),
    (TT, None, "苏南苏中苏北各至少一个班次", True, "pass", None),
    (TT, None, "苏南苏中苏北各至少一个班次", False, "fail", None),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", THRESHOLDS, ids=lambda x: str(x))
def test_2023_program_threshold_boundary(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)


def _no_result(name, values, field, variant=None):
    report = check(name, values, variant=variant, only_given=True, include_general=False)
    return not [r for r in report.results if r.field == field]


def test_2023_identifier_invested_share_applies_to_the_platform_only():
    # 624-626 “其中，工业互联网公共服务平台项目截至 2022 年 6 月 30 日已投入不少于总投入的 20%”
    assert _no_result(IR, {"已投入比例": "5%"}, "已投入比例", variant=IR_NODE)


def test_2023_merger_single_deal_rule_applies_only_when_deals_are_combined():
    # 1059-1063 发起方为同一企业的……可合并计算，列入合并计算的单个项目出资额须大于5000万元
    assert _no_result(MG, {"列入合并计算的单个并购项目出资额": 3000, "多个并购项目合并计算": False}, "列入合并计算的单个并购项目出资额")


@pytest.mark.parametrize("field", ["注册资金", "年均收入"])
def test_2023_talent_training_public_institutions_are_exempt_from_capital_and_income(field):
    # 1481-1483 事业单位和非营利性机构不受注册资金和收入总额限制
    assert _no_result(TT, {field: 10, "事业单位或非营利性机构": True}, field)


def test_2023_i_chuang_award_local_winner_has_no_settling_date_rule():
    # 1166 本省以及在参赛后、2022年6月30日（含）前落户江苏的 — 本省企业 not bound by the date
    v = "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业"
    assert _no_result(AW, {"落户江苏日期": "2022-09-01", "参赛时为本省企业": True}, "落户江苏日期", variant=v)


@pytest.mark.parametrize("value, status", [(300, "pass"), (299.99, "fail")])
def test_2023_smart_factory_software_share_by_the_guide_wording(value, status):
    # 448-450 其中，软件、系统集成、公私有云等投入不低于 300 万元 — typed under the guide's own words
    report = check(SF, {"软件、系统集成、公私有云等投入": value}, only_given=True, include_general=False)
    assert [r.status for r in report.results if r.field == "软件投入"] == [status]


def test_2023_high_end_variant_floor_depends_on_the_variant():
    # 382-384 重大技术改造 ≥ 1亿元, 产业基础再造 ≥ 5000万元: 8000 passes one and fails the other
    assert_threshold(HE, "项目总投入", 8000, "pass", variant="产业基础再造项目")
    assert_threshold(HE, "项目总投入", 8000, "fail", variant="重大技术改造项目")


# ----------------------------------------------------------------------------------------------
# the notice's general conditions (二、申报条件, lines 74-101), for every program of the guide
# ----------------------------------------------------------------------------------------------
GENERAL = [
    # 78-80 在江苏省域内注册，具有独立的法人资格且正常经营 1 年以上（截至 2022 年 6 月 30 日）
    ("成立日期", "2021-06-30", "pass"),
    ("成立日期", "2020-03-15", "pass"),
    ("成立日期", "2021-07-01", "fail"),
    ("注册地省份", "江苏省", "pass"),
    ("注册地省份", "浙江省", "fail"),
    ("独立法人资格", True, "pass"),
    ("独立法人资格", False, "fail"),
    # 87-89 近三年未发生重大（含）以上安全、环保、质量事故（事件），无严重失信行为
    ("近三年重大以上安全环保质量事故", False, "pass"),
    ("近三年重大以上安全环保质量事故", True, "fail"),
    ("严重失信行为", False, "pass"),
    ("严重失信行为", True, "fail"),
    # 91 同一申报单位原则上只能申报一个项目
    ("申报项目数量", 1, "pass"),
    ("申报项目数量", 2, "fail"),
    # 91-97 已获得……专项资金支持但尚未完成验收的单位，本次不得再申报项目
    ("本专项资金已支持项目未完成验收", False, "pass"),
    ("本专项资金已支持项目未完成验收", True, "fail"),
    # 99-101 同一项目获得过国家和省级财政资金支持的，不再予以支持
    ("同一项目已获国家或省级财政资金支持", False, "pass"),
    ("同一项目已获国家或省级财政资金支持", True, "fail"),
]

GENERAL_PROGRAMS = [SF, KC, GR, ("2023/车联网示范应用项目", None), TT]  # 标识解析 is exempt from 成立日期 (80-83)


def _general(name, variant, field, value):
    report = check(name, {field: value}, variant=variant, include_general=True, only_given=True)
    return [r for r in report.results if r.field == field and r.general]


@pytest.mark.parametrize("target", GENERAL_PROGRAMS, ids=lambda x: str(x))
@pytest.mark.parametrize("field, value, status", GENERAL, ids=lambda x: str(x))
def test_2023_general_condition(target, field, value, status):
    name, variant = target if isinstance(target, tuple) else (target, None)
    got = _general(name, variant, field, value)
    assert len(got) == 1, f"{name}: general condition on {field}: {got}"
    assert got[0].status == status, got[0].message


def test_2023_every_program_carries_the_general_conditions():
    fields = {"成立日期", "注册地省份", "独立法人资格", "近三年重大以上安全环保质量事故", "严重失信行为",
              "申报项目数量", "本专项资金已支持项目未完成验收", "同一项目已获国家或省级财政资金支持"}
    from subsidykit.catalog import load_catalog

    cat = load_catalog()
    progs = [p for p in cat.programs if p.year == 2023]
    assert len(progs) == 29
    for p in progs:
        got = {t.field for t in cat.general_thresholds(p)}
        assert got == fields, p.id


def test_2023_talent_training_own_3_year_rule_is_stricter_than_the_general_1_year():
    # 78-80 正常经营1年以上 vs 1475-1477 注册运营时间……不低于 3 年（截至 2022 年 6 月 30 日）
    report = check(TT, {"成立日期": "2020-01-01"}, include_general=True, only_given=True)
    by_kind = {r.general: r.status for r in report.results if r.field == "成立日期"}
    assert by_kind == {True: "pass", False: "fail"}


# 80-83 “i 创杯”大赛获奖、工业互联网标识解析等前瞻类以及转移至苏北的项目申报主体可不受经营年限限制;
# 93-97 ……本次不得再申报项目（省级以上授牌认定奖励、省委省政府部署的重大展会、重大活动项目除外）.
# The exemptions are encoded as `exempt` (by program / sub-case) on the general conditions.
@pytest.mark.parametrize(
    "target, field, value",
    [
        ((IR, IR_NODE), "成立日期", "2022-05-01"),
        ((AW, "第七届“i创杯”互联网创新创业大赛二等奖（含）以上获奖企业"), "成立日期", "2022-05-01"),
        ((AW, "2022年度首次入围中国企业500强的制造业企业"), "本专项资金已支持项目未完成验收", True),
        ((EX, "重大展会项目"), "本专项资金已支持项目未完成验收", True),
    ],
    ids=lambda x: str(x),
)
def test_2023_general_condition_exemptions(target, field, value):
    name, variant = target
    assert _general(name, variant, field, value) == []  # exempt: the condition is not applied


# ----------------------------------------------------------------------------------------------
# 附件6 联系方式 (5445-5570)
# ----------------------------------------------------------------------------------------------
CONTACTS = [
    (HE, "投资与技术改造处", "025-69652865"),  # 5457
    (SF, "装备工业处", "025-69652756"),  # 5461
    (BF, "两化融合推进处", "025-69652603"),  # 5463
    (G5, "信息基础设施处", "025-69652833"),  # 5465-5468
    (SV, "生产服务业处", "025-69652689"),  # 5470-5473
    (IR, "信息基础设施处", "025-69652617"),  # 5479
    (IP, "两化融合推进处", "025-69652717"),  # 5481
    (IS, "信息化发展处", "025-69652659"),  # 5483
    (PZ, "软件与信息服务业处", "025-69652993"),  # 5489-5492
    (LAB, "软件与信息服务业处", "025-69652993"),  # 5494-5496 (row without its own cell: merged with 先导区)
    (DP, "大数据产业处", "025-69652661"),  # 5498
    (KC, "技术创新处", "025-69652738"),  # 5500-5514
    (MG, "产业转型升级处", "025-69652940"),  # 5520
    (SME, "中小企业局", "025-69652749"),  # 5522
    (SW, "软件与信息服务业处", "025-69652742"),  # 5524
    (GR, "节能与综合利用处", "025-69652873"),  # 5551
    (CV, "产业转型升级处", "025-69652632"),  # 5553-5556
    (MC, "技术创新处", "025-69652812"),  # 5562
    (CL, "制造强省推进处", "025-69652985"),  # 5564
    (PF, "服务体系建设处", "025-69652793"),  # 5566
    (IC, "信息化发展处", "025-69652796"),  # 5568
    (TT, "产业人才与合作处", "025-69652912"),  # 5570 （五）产业人才培训
    (Y + "数字经济卓越工程师培育项目", "产业人才与合作处", "025-69652912"),  # 5570 same row covers both sub-items
]


@pytest.mark.parametrize("name, office, phone", CONTACTS, ids=lambda x: str(x))
def test_2023_contact_from_annex_6(name, office, phone):
    p = program(name).program
    assert p.office == office
    assert p.phone == phone
    assert p.contact_source is not None and phone in p.contact_source.text.replace(" ", "")


def test_2023_award_contacts_name_both_offices():
    # 5530-5544 中国企业500强 产业转型升级处 025-69652940；“i 创杯” 大数据产业处 025-69652661
    p = program(AW).program
    assert "产业转型升级处" in p.office and "大数据产业处" in p.office
    assert "025-69652940" in p.phone and "025-69652661" in p.phone


@pytest.mark.parametrize(
    "name",
    [
        Y + "免费诊断服务项目",
        Y + "领军服务商培育项目",
        EX,
        Y + "充电设施建设运营及公交车购置补贴项目",
        Y + "国家制造业创新中心能力建设项目",
    ],
)
def test_2023_programs_absent_from_annex_6_have_no_contact(name):
    # 附件6 (5449-5570) lists no row for these
    assert program(name).program.office is None and program(name).program.phone is None


def test_2023_document_has_29_programs_with_titles_as_printed():
    from subsidykit.catalog import load_catalog

    titles = {p.title for p in load_catalog().programs if p.year == 2023}
    assert titles == {
        "高端化改造升级项目", "智能制造示范工厂项目", "工业互联网标杆工厂项目", "“5G+工业互联网”融合应用项目",
        "服务化改造升级标杆示范项目", "工业互联网标识解析项目", "工业互联网平台项目", "工业互联网安全项目",
        "信息技术应用创新先导区项目", "信息技术应用创新实验室项目", "数据产品化项目", "免费诊断服务项目",
        "领军服务商培育项目", "关键核心技术（装备）工程化攻关", "企业重大兼并重组项目", "专精特新中小企业能力提升项目",
        "头雁型软件企业培育项目", "省级以上授牌认定奖励项目", "省委省政府部署的重大展会、重大活动项目",
        "绿色化改造升级项目", "车联网示范应用项目", "充电设施建设运营及公交车购置补贴项目",
        "省级制造业创新中心创新能力建设项目", "国家制造业创新中心能力建设项目", "集群发展促进机构项目",
        "中小企业公共服务示范平台项目", "信息消费升级平台项目", "“英才名匠”产业人才培训项目", "数字经济卓越工程师培育项目",
    }


# 80-83: “i创杯”大赛获奖 … 以及转移至苏北的项目申报主体可不受经营年限限制 — applicant attributes
@pytest.mark.parametrize("flag", ["“i创杯”大赛获奖", "转移至苏北的项目"])
def test_2023_one_year_rule_lifted_for_icup_winners_and_moves_to_north_jiangsu(flag):
    young = {"成立日期": "2022-05-01"}
    assert _general(SF, None, "成立日期", "2022-05-01")[0].status == "fail"
    report = check(SF, {**young, flag: "是"}, include_general=True, only_given=True)
    assert not [r for r in report.results if r.field == "成立日期"]
    report = check(SF, {**young, flag: "否"}, include_general=True, only_given=True)
    assert [r.status for r in report.results if r.field == "成立日期"] == ["fail"]


# ----------------------------------------------------------------------------------------------
# Issue 12 item 8: qualitative conditions the guide states (手续完备, 验收意见, 资质, 申报主体 …) are yes/no
# conditions (unit 是否, or a date/category where the text gives one).  Each row: the clause (lines and
# words, read by hand) and a value that meets it, then one that does not.
# ----------------------------------------------------------------------------------------------
YES_NO_2023 = [
    # 389-391: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2023-high-end-upgrade", None, "手续完备", True, "pass", None),
    ("2023-high-end-upgrade", None, "手续完备", False, "fail", None),
    # 430-432: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2023-smart-factory", None, "手续完备", True, "pass", None),
    ("2023-smart-factory", None, "手续完备", False, "fail", None),
    # 436-440: 并在项目申报截止日期前由项目推荐单位完成验收工作（须由项目推荐单位出具验收意见）
    ("2023-smart-factory", None, "已完成验收", True, "pass", None),
    ("2023-smart-factory", None, "已完成验收", False, "fail", None),
    # 475-477: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2023-industrial-internet-benchmark-factory", None, "手续完备", True, "pass", None),
    ("2023-industrial-internet-benchmark-factory", None, "手续完备", False, "fail", None),
    # 481-483: 并在项目申报截止日期前由项目推荐单位完成验收工作（须由项目推荐单位出具验收意见）
    ("2023-industrial-internet-benchmark-factory", None, "已完成验收", True, "pass", None),
    ("2023-industrial-internet-benchmark-factory", None, "已完成验收", False, "fail", None),
    # 473-473: 且在省两化融合贯标联盟完成贯标备案审核
    ("2023-industrial-internet-benchmark-factory", None, "完成贯标备案审核", True, "pass", None),
    ("2023-industrial-internet-benchmark-factory", None, "完成贯标备案审核", False, "fail", None),
    # 520-522: 项目实施区域内 5G 网络全面覆盖，搭建边缘计算系统（MEC），应用设备全部联网
    ("2023-5g-industrial-internet", None, "5G网络全面覆盖且设备全部联网", True, "pass", None),
    ("2023-5g-industrial-internet", None, "5G网络全面覆盖且设备全部联网", False, "fail", None),
    # 534-536: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2023-5g-industrial-internet", None, "手续完备", True, "pass", None),
    ("2023-5g-industrial-internet", None, "手续完备", False, "fail", None),
    # 540-542: 并在项目申报截止日期前由项目推荐单位完成验收工作（须由项目推荐单位出具验收意见）
    ("2023-5g-industrial-internet", None, "已完成验收", True, "pass", None),
    ("2023-5g-industrial-internet", None, "已完成验收", False, "fail", None),
    # 577-579: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2023-service-manufacturing-benchmark", None, "手续完备", True, "pass", None),
    ("2023-service-manufacturing-benchmark", None, "手续完备", False, "fail", None),
    # 583-585: 并在项目申报截止日期前由项目推荐单位完成验收工作（须由项目推荐单位出具验收意见）
    ("2023-service-manufacturing-benchmark", None, "已完成验收", True, "pass", None),
    ("2023-service-manufacturing-benchmark", None, "已完成验收", False, "fail", None),
    # 704-708: 并在项目申报截止日期前由项目推荐单位完成验收工作（须由项目推荐单位出具验收意见）
    ("2023-industrial-internet-platform", None, "已完成验收", True, "pass", None),
    ("2023-industrial-internet-platform", None, "已完成验收", False, "fail", None),
    # 862-862: 申报主体。省内骨干信创企业
    ("2023-xinchuang-lab", None, "申报主体类型", "省内骨干信创企业", "pass", None),
    ("2023-xinchuang-lab", None, "申报主体类型", "高等院校", "fail", None),
    # 901-903: 并在项目申报截止日期前完成项目验收工作（须由项目推荐单位出具验收意见）
    ("2023-data-productization", None, "已完成验收", True, "pass", None),
    ("2023-data-productization", None, "已完成验收", False, "fail", None),
    # 953-955: 有与攻关项目相关的自主知识产权
    ("2023-key-core-tech", None, "拥有与攻关项目相关的自主知识产权", True, "pass", None),
    ("2023-key-core-tech", None, "拥有与攻关项目相关的自主知识产权", False, "fail", None),
    # 1110-1112: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2023-specialized-sme-capability", None, "手续完备", True, "pass", None),
    ("2023-specialized-sme-capability", None, "手续完备", False, "fail", None),
    # 1102-1102: 贷款应为企业获得的商业银行人民币贷款
    ("2023-specialized-sme-capability", None, "贷款为商业银行人民币贷款", True, "pass", None),
    ("2023-specialized-sme-capability", None, "贷款为商业银行人民币贷款", False, "fail", None),
    # 1211-1213: 项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）
    ("2023-green-upgrade", None, "手续完备", True, "pass", None),
    ("2023-green-upgrade", None, "手续完备", False, "fail", None),
    # 1256-1258: 并在项目申报截止日期前由项目推荐单位完成验收工作（须由项目推荐单位出具验收意见）
    ("2023-connected-vehicle-demo", None, "已完成验收", True, "pass", None),
    ("2023-connected-vehicle-demo", None, "已完成验收", False, "fail", None),
    # 1243-1243: 申报单位为项目建设和运营主体
    ("2023-connected-vehicle-demo", None, "申报单位为项目建设和运营主体", True, "pass", None),
    ("2023-connected-vehicle-demo", None, "申报单位为项目建设和运营主体", False, "fail", None),
    # 1348-1348: 已参与国家集群竞赛、省市产业强链等专项工作
    ("2023-cluster-promotion-agency", None, "已参与国家集群竞赛或省市产业强链专项工作", True, "pass", None),
    ("2023-cluster-promotion-agency", None, "已参与国家集群竞赛或省市产业强链专项工作", False, "fail", None),
    # 1374-1376: 申报单位须为有效期内的省级中小企业公共服务示范平台
    ("2023-sme-public-service-platform", "省级中小企业公共服务示范平台", "有效期内省级中小企业公共服务示范平台", True, "pass", None),
    ("2023-sme-public-service-platform", "省级中小企业公共服务示范平台", "有效期内省级中小企业公共服务示范平台", False, "fail", None),
    # 1376-1376: 小升规孵化成效明显的省级小微企业双创示范基地
    ("2023-sme-public-service-platform", "省级小微企业双创示范基地", "小升规孵化成效明显的省级小微企业双创示范基地", True, "pass", None),
    ("2023-sme-public-service-platform", "省级小微企业双创示范基地", "小升规孵化成效明显的省级小微企业双创示范基地", False, "fail", None),
    # 1471-1473: 申报主体具有培训资质（登记证书、营业执照等证照中包含教育或培训类表述）
    ("2023-talent-training-yingcai", None, "具有培训资质", True, "pass", None),
    ("2023-talent-training-yingcai", None, "具有培训资质", False, "fail", None),
    # 1491-1493: 有承接设区市级（含）以上政府部门培训项目的经验
    ("2023-talent-training-yingcai", None, "承接设区市级以上政府部门培训项目经验", True, "pass", None),
    ("2023-talent-training-yingcai", None, "承接设区市级以上政府部门培训项目经验", False, "fail", None),
    # 1497-1499: 培训项目面向省内工业和信息产业企业人员开展（不包括企业内训）
    ("2023-talent-training-yingcai", None, "培训项目为企业内训", False, "pass", None),
    ("2023-talent-training-yingcai", None, "培训项目为企业内训", True, "fail", None),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", YES_NO_2023, ids=lambda x: str(x))
def test_2023_qualitative_conditions_stated_in_the_guide(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)


def test_2023_unconfirmed_yes_no_condition_is_reported_missing():
    # 900-903: ……并在项目申报截止日期前完成项目验收工作（须由项目推荐单位出具验收意见）: not given -> 缺少数据
    report = check("2023-data-productization", {"项目总投入": 1200}, include_general=False)
    assert {r.status for r in report.results if r.field == "已完成验收"} == {"missing"}


@pytest.mark.parametrize("clerk_word", ["是否完成验收", "已验收", "推荐单位已出具验收意见"])
def test_2023_acceptance_condition_reads_clerk_wordings(clerk_word):
    # 581-585 (服务型制造标杆): 验收意见 given as a clerk would write it
    assert_threshold("2023-service-manufacturing-benchmark", clerk_word, "是", "pass")
    assert_threshold("2023-service-manufacturing-benchmark", clerk_word, "否", "fail")


def test_2023_acceptance_uses_the_2022_field_for_the_same_phrase():
    # 001:47 codes "并在项目申报截止日期前由项目推荐单位完成验收工作" as 已完成验收; 000 uses the same words
    for name in ["2023-service-manufacturing-benchmark", "2023-industrial-internet-benchmark-factory", "2023-data-productization"]:
        assert "已完成验收" in {t.field for t in program(name).program.thresholds}
    assert "已完成验收" in {t.field for t in program("2022-benchmark-demonstration", "服务化改造升级标杆示范项目").variant.thresholds}
