"""Per-clause tests for the 2026 guides: 004_4f6895fa74c99952.txt (附件1—附件4 of the
2026年度江苏省制造强省建设专项资金项目申报指南), all 23 programs of
subsidykit/catalog/data/004_2026.yaml:

  附件1 重点产业技术创新 (lines 5-195): 8 programs
  附件2 产业转型升级 (lines 281-341): 2 programs
  附件3 智改数转网联 (lines 365-529): 7 programs
  附件4 服务体系建设 (lines 580-712): 6 programs

Every expected number was read by hand from the seed text (file line numbers in the comment
above each row or test); amounts are 万元.  Wording per 民法典1259: 以上/不低于/不少于/不超过/（含）
include the number, 超过/低于 exclude it.
"""

from decimal import Decimal

import pytest
from clauses import assert_cap, assert_threshold, flatten, program

from subsidykit.amounts import cap
from subsidykit.errors import VariantRequiredError
from subsidykit.thresholds import check

Y = "2026/"
SEED = "004_4f6895fa74c99952.txt"

RD = Y + "企业研发机构创新能力提升项目"
MIC = Y + "制造业创新中心建设项目"
CHAIN = Y + "重点产业链技术协同攻关项目"
FIRST_SET = Y + "首台（套）装备示范应用项目"
FIRST_BATCH = Y + "首批次新材料示范应用项目"
FIRST_SOFT = Y + "首版次软件示范应用项目"
DRUG = Y + "创新药和医疗器械奖励项目"
CLINIC = Y + "临床试验机构创新药械研发服务项目"
RELOC = Y + "重点行业企业搬迁入园改造项目"
ZERO = Y + "省级零碳（近零碳）工厂奖励项目"
PILOT = Y + "中小企业数字化转型试点县（市、区）项目"
LEADING = Y + "国家领航级智能工厂奖励项目"
EXCELLENT = Y + "国家卓越级智能工厂奖励项目"
DIAG = Y + "“人工智能+制造”诊断项目"
LLM = Y + "工业大模型建设项目"
DATASET = Y + "重点行业高质量数据集建设项目"
AI_CARRIER = Y + "人工智能赋能新型工业化国家级载体奖励项目"
SME = Y + "中小企业公共服务体系建设项目"
CLUSTER = Y + "先进制造业集群公共服务平台建设项目"
EVENTS = Y + "重点产业促进活动项目"
OPENATOM = Y + "开放原子开源专区建设（二期）项目"
INTERN = Y + "大学生企业实习实训基地项目"
ENGINEER = Y + "工信部卓越工程师实践基地和工程师协同创新中心项目"

ALL = [
    RD, MIC, CHAIN, FIRST_SET, FIRST_BATCH, FIRST_SOFT, DRUG, CLINIC,
    RELOC, ZERO,
    PILOT, LEADING, EXCELLENT, DIAG, LLM, DATASET, AI_CARRIER,
    SME, CLUSTER, EVENTS, OPENATOM, INTERN, ENGINEER,
]

# ----------------------------------------------------------------------------------------------
# rate × base up to the cap: below (rate × base by hand), just under, exact boundary, just past, far above
# ----------------------------------------------------------------------------------------------
RATE_CAP = [
    # 21: 按不超过项目实际发生的研发设备及配套软件购置额（不含税）的 10% 予以补助，单个项目支持额度最高不超过 200 万元
    #     (boundary 2000)
    (RD, None, [(1000, "100"), (1500, "150"), (1999, "199.9"), (2000, "200"), (2001, "200"), (5000, "200")]),
    # 61-63: 按照不超过项目研发设备及配套软件投入(不含税)的 50%予以补助,单个项目支持额度最高不超过 3000 万元
    #        (boundary 6000)
    (MIC, None, [(2000, "1000"), (5999, "2999.5"), (6000, "3000"), (6001, "3000"), (10000, "3000")]),
    # 103: 按不超过项目攻关总投入的10%予以补助，单个项目支持额度最高不超过600万元 (boundary 6000)
    (CHAIN, None, [(2000, "200"), (4500, "450"), (5999, "599.9"), (6000, "600"), (6001, "600"), (20000, "600")]),
    # 189-191: 按照不超过申报主体年度服务金额 5%的比例，给予最高 500 万元补助 (boundary 10000)
    (CLINIC, None, [(1001, "50.05"), (4000, "200"), (9999, "499.95"), (10000, "500"), (10001, "500"), (30000, "500")]),
    # 301: 按不超过项目总投资的 15%予以补助，单个项目补助最高不超过 600 万元 (boundary 4000)
    (RELOC, None, [(1000, "150"), (2000, "300"), (3999, "599.85"), (4000, "600"), (4001, "600"), (9000, "600")]),
    # the four industries (297) share the clause of line 301
    (RELOC, "化工项目", [(1000, "150"), (4000, "600"), (5000, "600")]),
    (RELOC, "印染项目", [(1200, "180"), (4000, "600"), (4100, "600")]),
    (RELOC, "电镀项目", [(500, "75"), (4000, "600"), (6000, "600")]),
    (RELOC, "铸造项目", [(800, "120"), (3999, "599.85"), (4000, "600")]),
    # 445: 按不超过项目总投资的20%予以补助，单个项目支持额度最高不超过2000万元 (boundary 10000)
    (LLM, None, [(5000, "1000"), (8000, "1600"), (9999, "1999.8"), (10000, "2000"), (10001, "2000"), (30000, "2000")]),
    # 487: 按不超过项目总投资投入的 20%予以补助，单个项目支持额度最高不超过 400 万元 (boundary 2000)
    (DATASET, None, [(1000, "200"), (1500, "300"), (1999, "399.8"), (2000, "400"), (2001, "400"), (8000, "400")]),
    # 654: 活动总投入（不含税）的一定比例分档予以奖补（…最高不超过 50%），单个活动支持额度最高不超过 1000 万元
    #      (top band 50%; boundary 2000)
    (EVENTS, None, [(800, "400"), (1999, "999.5"), (2000, "1000"), (2001, "1000"), (5000, "1000")]),
    # 666-668: 经核定后按不超过总投入的 50% 给予补助，最高不超过 500 万元 (boundary 1000)
    (OPENATOM, None, [(600, "300"), (999, "499.5"), (1000, "500"), (1001, "500"), (3000, "500")]),
]


@pytest.mark.parametrize(
    "name, variant, base, expected",
    flatten(RATE_CAP),
    ids=lambda x: str(x),
)
def test_2026_rate_times_base_up_to_cap(name, variant, base, expected):
    assert_cap(name, base, expected, variant=variant)


RATES_IN_CATALOG = [
    # (name, rate, cap, words that must be in the base's wording)
    (RD, "0.1", "200", "研发设备及配套软件购置额"),  # 21
    (MIC, "0.5", "3000", "研发设备及配套软件投入"),  # 61-63
    (CHAIN, "0.1", "600", "攻关总投入"),  # 103
    (CLINIC, "0.05", "500", "年度服务金额"),  # 189-191
    (RELOC, "0.15", "600", "项目总投资"),  # 301
    (LLM, "0.2", "2000", "项目总投资"),  # 445
    (DATASET, "0.2", "400", "项目总投资投入"),  # 487
    (EVENTS, "0.5", "1000", "活动总投入"),  # 654
    (OPENATOM, "0.5", "500", "开源专区建设及运营总投入"),  # 666-668
]


@pytest.mark.parametrize("name, rate, top, base_words", RATES_IN_CATALOG, ids=lambda x: str(x))
def test_2026_rate_cap_programs_rate_cap_and_base_wording(name, rate, top, base_words):
    p = program(name).program
    assert p.kind == "rate_cap"
    assert p.rate == Decimal(rate)
    assert p.cap == Decimal(top)
    assert base_words in p.base
    assert p.source.file == SEED


# ----------------------------------------------------------------------------------------------
# 首次拨付 (share of the award before acceptance); it never changes the maximum
# ----------------------------------------------------------------------------------------------
FIRST_PAYMENT = [
    # 63: 首次拨付补助资金总额的 70%,项目验收通过后,拨付剩余资金
    (MIC, "0.7", 6000, "3000", "2100"),
    (MIC, "0.7", 2000, "1000", "700"),
    # 103: 首次拨付补助资金总额的50%，项目验收通过后，拨付剩余资金
    (CHAIN, "0.5", 6000, "600", "300"),
    (CHAIN, "0.5", 3000, "300", "150"),
    # 445: 首次拨付补助资金总额的50%，项目验收通过后，拨付剩余资金
    (LLM, "0.5", 10000, "2000", "1000"),
    (LLM, "0.5", 6000, "1200", "600"),
    # 487: 首次拨付补助资金总额的 70%，通过验收后，拨付剩余资金
    (DATASET, "0.7", 2000, "400", "280"),
    (DATASET, "0.7", 1000, "200", "140"),
]


@pytest.mark.parametrize("name, share, base, total, first", FIRST_PAYMENT, ids=lambda x: str(x))
def test_2026_first_payment_share(name, share, base, total, first):
    assert program(name).program.first_payment.share == Decimal(share)
    award = cap(name, base)
    assert award.amount == Decimal(total)
    assert award.first_payment == Decimal(first)


@pytest.mark.parametrize(
    "name",
    [RD, FIRST_SET, FIRST_BATCH, FIRST_SOFT, DRUG, CLINIC, RELOC, ZERO, PILOT, LEADING, EXCELLENT, DIAG,
     AI_CARRIER, SME, CLUSTER, EVENTS, OPENATOM, INTERN, ENGINEER],
    ids=lambda x: str(x),
)
def test_2026_no_first_payment_where_none_is_printed(name):
    p = program(name).program
    assert p.first_payment is None
    assert all(v.first_payment is None for v in p.variants)


# ----------------------------------------------------------------------------------------------
# fixed amounts and caps only (免申直达 awards mostly)
# ----------------------------------------------------------------------------------------------
FIXED_OR_CAP = [
    # 137: 单个装备支持额度最高不超过200万元
    (FIRST_SET, None, "cap_only", "200"),
    # 149: 单个产品支持额度最高不超过200万元
    (FIRST_BATCH, None, "cap_only", "200"),
    # 161: 单个工信部首版次软件产品支持额度最高不超过 300 万元，单个省级首版次软件产品支持额度最高不超过 100 万元
    (FIRST_SOFT, "工信部首版次软件产品", "cap_only", "300"),
    (FIRST_SOFT, "省级首版次软件产品", "cap_only", "100"),
    (FIRST_SOFT, "江苏省首版次软件", "cap_only", "100"),  # 159: 已获 2025 年江苏省首版次软件认定 (alias)
    # 339: 零碳工厂每家企业 200 万元，近零碳工厂每家企业 150 万元
    (ZERO, "零碳工厂", "fixed", "200"),
    (ZERO, "近零碳工厂", "fixed", "150"),
    # 375: 对每家入选试点县（市、区）予以一次性扶持资金不超过 1200 万元
    (PILOT, None, "cap_only", "1200"),
    # 397: 对每家入选企业予以 1000 万元定额奖励
    (LEADING, None, "fixed", "1000"),
    # 409: 对每家入选企业予以 100 万元定额奖励
    (EXCELLENT, None, "fixed", "100"),
    # 525: 中试基地所在的城市给予 2000 万元奖励；…先导区的城市给予 2000 万元奖励。两者不重复支持
    (AI_CARRIER, None, "fixed", "2000"),
    (AI_CARRIER, "国家人工智能应用中试基地（制造领域）", "fixed", "2000"),
    (AI_CARRIER, "国家人工智能产业创新应用先导区", "fixed", "2000"),
    # 590-592: 创建对象单个支持额度不超过 300 万元；…服务机构单个支持额度不超过 100 万元
    (SME, "国家中小企业公共服务示范平台（基地）创建对象", "cap_only", "300"),
    (SME, "服务与发展指数测算排名靠前或相较于2024年度指数提升较快的服务机构", "cap_only", "100"),
    (SME, "服务与发展指数排名靠前的服务机构", "cap_only", "100"),
    (SME, "服务与发展指数提升较快的服务机构", "cap_only", "100"),
    # 616: 单个平台支持额度不超过200万元
    (CLUSTER, None, "cap_only", "200"),
    # 696: 每个基地不超过 50 万元
    (INTERN, None, "cap_only", "50"),
    # 708: 工信部卓越工程师实践基地单个支持额度不超过 500 万元，工信部工程师协同创新中心单个支持额度不超过 100 万元
    (ENGINEER, "工信部卓越工程师实践基地", "cap_only", "500"),
    (ENGINEER, "工信部工程师协同创新中心", "cap_only", "100"),
]


@pytest.mark.parametrize("name, variant, kind, expected", FIXED_OR_CAP, ids=lambda x: str(x))
def test_2026_fixed_and_cap_only_amounts(name, variant, kind, expected):
    sel = program(name, variant)
    assert sel.field("kind") == kind
    # the base plays no part in a fixed amount or a bare maximum
    assert_cap(name, None, expected, variant=variant)
    assert_cap(name, 99999, expected, variant=variant)


def test_2026_first_version_software_variant_in_the_name():
    # 161: the variant may be written as a third part of the name
    assert_cap(FIRST_SOFT + "/工信部首版次软件产品", None, "300")
    assert_cap(FIRST_SOFT + "/省级首版次软件产品", None, "100")


@pytest.mark.parametrize("name", [FIRST_SOFT, DRUG, ZERO, SME, ENGINEER], ids=lambda x: str(x))
def test_2026_tiered_programs_need_a_subcase(name):
    assert program(name).program.kind == "tiered"
    with pytest.raises(VariantRequiredError):
        cap(name, 1000, count=1)


def test_2026_tiered_variants_as_printed():
    names = lambda n: [v.name for v in program(n).program.variants]  # noqa: E731
    # 161
    assert names(FIRST_SOFT) == ["工信部首版次软件产品", "省级首版次软件产品"]
    # 339
    assert names(ZERO) == ["零碳工厂", "近零碳工厂"]
    # 171-173: one variant per category × production address
    assert names(DRUG) == [
        "创新药（生产地址在我省）",
        "改良型新药（生产地址在我省）",
        "三类创新医疗器械（生产地址在我省）",
        "创新药（生产地址在省外）",
        "改良型新药（生产地址在省外）",
        "三类创新医疗器械（生产地址在省外）",
    ]
    # 708
    assert names(ENGINEER) == ["工信部卓越工程师实践基地", "工信部工程师协同创新中心"]
    # 592
    assert len(names(SME)) == 2
    # 297: the four industries of the relocation program
    assert names(RELOC) == ["化工项目", "印染项目", "电镀项目", "铸造项目"]


# ----------------------------------------------------------------------------------------------
# per-unit awards
# ----------------------------------------------------------------------------------------------
DRUG_ROWS = [
    # 171-173: 按注册证书类别和数量给予一次性奖励。生产地址在我省的，创新药每个奖励不超过 1000 万元，改良型新药每个
    # 奖励不超过 330 万元，三类创新医疗器械每个奖励不超过 660 万元。生产地址在省外的（委托生产），创新药每个奖励不超过
    # 700 万元，改良型新药每个奖励不超过 230 万元，三类创新医疗器械每个奖励不超过 460 万元。同一通用名称奖励一次。
    ("创新药（生产地址在我省）", 1, "1000"),
    ("创新药（生产地址在我省）", 2, "2000"),
    ("创新药（生产地址在我省）", 0, "0"),
    ("改良型新药（生产地址在我省）", 1, "330"),
    ("改良型新药（生产地址在我省）", 3, "990"),
    ("三类创新医疗器械（生产地址在我省）", 1, "660"),
    ("三类创新医疗器械（生产地址在我省）", 2, "1320"),
    ("创新药（生产地址在省外）", 1, "700"),
    ("创新药（生产地址在省外）", 2, "1400"),
    ("改良型新药（生产地址在省外）", 1, "230"),
    ("改良型新药（生产地址在省外）", 3, "690"),
    ("三类创新医疗器械（生产地址在省外）", 1, "460"),
    ("三类创新医疗器械（生产地址在省外）", 2, "920"),
    # 173: 生产地址在省外的（委托生产） — the aliases
    ("创新药（委托生产）", 1, "700"),
    ("改良型新药（委托生产）", 2, "460"),
    ("三类创新医疗器械（委托生产）", 3, "1380"),
]


@pytest.mark.parametrize("variant, count, expected", DRUG_ROWS, ids=lambda x: str(x))
def test_2026_innovative_drug_device_award_per_certificate(variant, count, expected):
    assert program(DRUG, variant).field("kind") == "per_unit"
    assert_cap(DRUG, None, expected, variant=variant, count=count)


def test_2026_innovative_drug_device_award_mixed_holder_adds_the_categories():
    # 171: 按注册证书类别和数量 — a holder with 1 创新药 made in Jiangsu, 2 改良型新药 made elsewhere and
    # 1 三类器械 made in Jiangsu: 1000 + 2 × 230 + 660 = 2120
    total = (
        cap(DRUG, variant="创新药（生产地址在我省）", count=1).amount
        + cap(DRUG, variant="改良型新药（生产地址在省外）", count=2).amount
        + cap(DRUG, variant="三类创新医疗器械（生产地址在我省）", count=1).amount
    )
    assert total == Decimal("2120")


def test_2026_innovative_drug_device_award_has_no_numeric_quota():
    # 177: 支持数量。根据江苏省药监局提供的 2025 年度省内注册证书数量和生产地址信息确定。
    p = program(DRUG).program
    assert p.quota is None
    assert all(v.quota is None for v in p.variants)
    assert "同一通用名称" in p.source.text  # 173: 同一通用名称奖励一次


@pytest.mark.parametrize(
    "count, expected",
    [
        # 423: 对 2026 年开展诊断的 2006 家“筑峰强链”制造业企业，按每家企业定额补助 2 万元
        (1, "2"),
        (150, "300"),
        (333, "666"),
        (2006, "4012"),  # the whole province
        (0, "0"),
    ],
)
def test_2026_ai_manufacturing_diagnosis_2_per_enterprise(count, expected):
    p = program(DIAG).program
    assert p.kind == "per_unit"
    assert p.unit_amount == Decimal("2")
    assert p.unit == "家"
    assert_cap(DIAG, None, expected, count=count)


# ----------------------------------------------------------------------------------------------
# 支持数量
# ----------------------------------------------------------------------------------------------
QUOTAS = [
    (RD, None, 20),  # 31: 不超过 20 个
    (MIC, None, 3),  # 73: 不超过 3 个
    (CHAIN, None, 20),  # 109: 不超过20个
    (FIRST_SET, None, 41),  # 141: 不超过41个
    (FIRST_BATCH, None, 33),  # 153: 不超过 33 个产品
    (FIRST_SOFT, None, 40),  # 165: 不超过 40 个
    (CLINIC, None, 30),  # 195: 不超过 30 个
    (RELOC, None, 50),  # 305: 不超过 50 个
    (ZERO, None, 30),  # 341: 不超过 30 个
    (PILOT, None, 22),  # 389: 22 个
    (LEADING, None, 2),  # 401: 2 个
    (EXCELLENT, None, 43),  # 413: 43 个
    (DIAG, None, 13),  # 427: 13 个
    (LLM, None, 15),  # 451: 不超过15个
    (DATASET, None, 15),  # 493: 不超过 15 个
    (AI_CARRIER, None, 3),  # 529: 不超过 3 个
    # 596: 创建对象支持数量不超过 2 个；…服务机构支持数量不超过 50 个
    (SME, "国家中小企业公共服务示范平台（基地）创建对象", 2),
    (SME, "服务与发展指数测算排名靠前或相较于2024年度指数提升较快的服务机构", 50),
    (CLUSTER, None, 25),  # 620: 不超过25个
    (EVENTS, None, 5),  # 658: 不超过 5 个
    (OPENATOM, None, 1),  # 672: 1 个
    (INTERN, None, 40),  # 700: 不超过 40 个
    # 712: 实践基地支持数量不超过 1 个，协同创新中心支持数量不超过 4 个
    (ENGINEER, "工信部卓越工程师实践基地", 1),
    (ENGINEER, "工信部工程师协同创新中心", 4),
]


@pytest.mark.parametrize("name, variant, quota", QUOTAS, ids=lambda x: str(x))
def test_2026_quota(name, variant, quota):
    q = program(name, variant).field("quota")
    assert q.value == quota
    assert q.source.file == SEED


# ----------------------------------------------------------------------------------------------
# 免申直达 marker
# ----------------------------------------------------------------------------------------------
NO_APPLICATION = {
    # 131, 143, 155, 167, 333, 369, 391, 403, 415, 517-519, 584, 646, 690, 702: （免申直达）
    FIRST_SET, FIRST_BATCH, FIRST_SOFT, DRUG, ZERO, PILOT, LEADING, EXCELLENT, DIAG, AI_CARRIER,
    SME, EVENTS, INTERN, ENGINEER,
}


@pytest.mark.parametrize("name", ALL, ids=lambda x: str(x))
def test_2026_no_application_marker(name):
    p = program(name).program
    assert p.no_application is (name in NO_APPLICATION)
    assert "免申" not in p.title


# ----------------------------------------------------------------------------------------------
# thresholds: at the boundary and just past it
# ----------------------------------------------------------------------------------------------
THRESHOLDS = [
    # --- 企业研发机构创新能力提升项目 ---
    # 17-19: 在 2025 年 1 月 1 日（含）至 2025 年 12 月 31 日（含）期间 … 研发设备及配套软件购置额不低于 1000 万元（不含税）
    (RD, None, "研发设备及配套软件投入", 1000, "pass", None),
    (RD, None, "研发设备及配套软件投入", 999.99, "fail", None),
    (RD, None, "研发设备购置日期", "2025-01-01", "pass", None),
    (RD, None, "研发设备购置日期", "2025-12-31", "pass", None),
    (RD, None, "研发设备购置日期", "2024-12-31", "fail", None),
    (RD, None, "研发设备购置日期", "2026-01-01", "fail", None),
    # 15: 建有研发机构
    (RD, None, "建有研发机构", True, "pass", None),
    (RD, None, "建有研发机构", False, "fail", None),
    # --- 制造业创新中心建设项目 ---
    # 53: 2025 年获批复建设的省级制造业创新中心依托公司
    (MIC, None, "创新中心批复日期", "2025-01-01", "pass", None),
    (MIC, None, "创新中心批复日期", "2025-12-31", "pass", None),
    (MIC, None, "创新中心批复日期", "2024-12-31", "fail", None),
    (MIC, None, "创新中心批复日期", "2026-01-01", "fail", None),
    (MIC, None, "创新中心级别", "省级", "pass", None),
    (MIC, None, "创新中心级别", "国家级", "fail", None),
    # 55: 已签订省制造业创新中心三年建设任务书
    (MIC, None, "已签订三年建设任务书", True, "pass", None),
    (MIC, None, "已签订三年建设任务书", False, "fail", None),
    # 57: 项目起始时间应在 2026 年 1 月 1 日（含）之后，项目结束时间应在 2028 年 12 月 31 日（含）之前
    (MIC, None, "开工日期", "2026-01-01", "pass", None),
    (MIC, None, "开工日期", "2025-12-31", "fail", None),
    (MIC, None, "完工日期", "2028-12-31", "pass", None),
    (MIC, None, "完工日期", "2029-01-01", "fail", None),
    # 59: 其中：研发设备及配套软件购置费占比不低于 50%
    (MIC, None, "研发设备及配套软件购置费占项目总投入比例", 0.5, "pass", None),
    (MIC, None, "研发设备及配套软件购置费占项目总投入比例", "50%", "pass", None),
    (MIC, None, "研发设备及配套软件购置费占项目总投入比例", 0.4999, "fail", None),
    # --- 重点产业链技术协同攻关项目 ---
    # 95: 新型电力装备、新能源、生物医药、高端纺织、高技术船舶与海工装备等5个集群或工程机械、具身智能机器人产业链
    (CHAIN, None, "攻关方向", "新型电力装备", "pass", None),
    (CHAIN, None, "攻关方向", "高技术船舶与海工装备", "pass", None),
    (CHAIN, None, "攻关方向", "具身智能机器人", "pass", None),
    (CHAIN, None, "攻关方向", "集成电路", "fail", None),
    # 99: 项目实施期起始时间应在2026年3月24日（含）之后，实施周期原则上不超过3年
    (CHAIN, None, "开工日期", "2026-03-24", "pass", None),
    (CHAIN, None, "开工日期", "2026-03-23", "fail", None),
    (CHAIN, None, "项目实施周期", 3, "pass", None),
    (CHAIN, None, "项目实施周期", 3.01, "fail", None),
    # 101: 项目攻关总投入不低于2000万元（不含税；资金来源为项目牵头企业）
    (CHAIN, None, "攻关总投入", 2000, "pass", None),
    (CHAIN, None, "攻关总投入", 1999.99, "fail", None),
    # --- 首台（套）/ 首批次 / 首版次 ---
    # 135: 入选《江苏省重点推广应用的新技术新产品目录（2025年）》的首台（套）装备
    (FIRST_SET, None, "入选名单", "江苏省重点推广应用的新技术新产品目录（2025年）", "pass", None),
    (FIRST_SET, None, "入选名单", "江苏省重点推广应用的新技术新产品目录（2024年）", "fail", None),
    # 147
    (FIRST_BATCH, None, "入选名单", "江苏省重点推广应用的新技术新产品目录（2025年）", "pass", None),
    (FIRST_BATCH, None, "入选名单", "江苏省重点推广应用的新技术新产品目录（2024年）", "fail", None),
    # 159: 已入选 2025 年工信部首版次软件产品或已获 2025 年江苏省首版次软件认定
    (FIRST_SOFT, "工信部首版次软件产品", "入选名单", "2025年工信部首版次软件产品", "pass", None),
    (FIRST_SOFT, "工信部首版次软件产品", "入选名单", "2025年江苏省首版次软件认定", "fail", None),
    (FIRST_SOFT, "省级首版次软件产品", "入选名单", "2025年江苏省首版次软件认定", "pass", None),
    (FIRST_SOFT, "省级首版次软件产品", "入选名单", "2024年江苏省首版次软件认定", "fail", None),
    # --- 创新药和医疗器械奖励项目 ---
    # 169: 2025 年度获得 … 注册证书
    (DRUG, "创新药（生产地址在我省）", "注册证书取得日期", "2025-01-01", "pass", None),
    (DRUG, "创新药（生产地址在我省）", "注册证书取得日期", "2025-12-31", "pass", None),
    (DRUG, "创新药（生产地址在我省）", "注册证书取得日期", "2024-12-31", "fail", None),
    (DRUG, "创新药（生产地址在省外）", "注册证书取得日期", "2026-01-01", "fail", None),
    # 169: 创新药（化学药品 1 类、生物制品 1 类、中药 1 类）、改良型新药（… 2 类 …）
    (DRUG, "创新药（生产地址在我省）", "注册证书类别", "化学药品1类", "pass", None),
    (DRUG, "创新药（生产地址在我省）", "注册证书类别", "中药1类", "pass", None),
    (DRUG, "创新药（生产地址在我省）", "注册证书类别", "化学药品2类", "fail", None),
    (DRUG, "改良型新药（生产地址在省外）", "注册证书类别", "生物制品2类", "pass", None),
    (DRUG, "改良型新药（生产地址在省外）", "注册证书类别", "生物制品1类", "fail", None),
    (DRUG, "三类创新医疗器械（生产地址在我省）", "注册证书类别", "三类创新医疗器械", "pass", None),
    (DRUG, "三类创新医疗器械（生产地址在我省）", "注册证书类别", "化学药品1类", "fail", None),
    # 171/173: 生产地址在我省的 / 生产地址在省外的（委托生产）
    (DRUG, "创新药（生产地址在我省）", "生产地址", "省内", "pass", None),
    (DRUG, "创新药（生产地址在我省）", "生产地址", "省外（委托生产）", "fail", None),
    (DRUG, "三类创新医疗器械（生产地址在省外）", "生产地址", "省外（委托生产）", "pass", None),
    (DRUG, "三类创新医疗器械（生产地址在省外）", "生产地址", "省内", "fail", None),
    # 175: 我省 … 上市许可持有人
    (DRUG, "创新药（生产地址在省外）", "所在地", "江苏省", "pass", None),
    (DRUG, "创新药（生产地址在省外）", "所在地", "浙江省", "fail", None),
    # --- 临床试验机构创新药械研发服务项目 ---
    # 187: 2025年度 … 提供研发服务金额超过1000万元 (超过: 1000 excluded)
    (CLINIC, None, "服务收入", 1000.01, "pass", None),
    (CLINIC, None, "服务收入", 1000, "fail", None),
    # 185/193: 省内具有临床试验机构资质 … 的医疗机构
    (CLINIC, None, "临床试验机构资质", True, "pass", None),
    (CLINIC, None, "临床试验机构资质", False, "fail", None),
    (CLINIC, None, "所在地", "江苏省", "pass", None),
    (CLINIC, None, "所在地", "上海市", "fail", None),
    # --- 重点行业企业搬迁入园改造项目 ---
    # 297: 化工、印染项目设备投入不低于 1000 万元，电镀、铸造项目设备投入不低于 500 万元
    (RELOC, "化工项目", "设备投入", 1000, "pass", None),
    (RELOC, "化工项目", "设备投入", 999.99, "fail", None),
    (RELOC, "化工项目", "设备投入", 600, "fail", None),
    (RELOC, "印染项目", "设备投入", 1000, "pass", None),
    (RELOC, "印染项目", "设备投入", 999.99, "fail", None),
    (RELOC, "电镀项目", "设备投入", 500, "pass", None),
    (RELOC, "电镀项目", "设备投入", 499.99, "fail", None),
    (RELOC, "电镀项目", "设备投入", 600, "pass", None),
    (RELOC, "铸造项目", "设备投入", 500, "pass", None),
    (RELOC, "铸造项目", "设备投入", 499.99, "fail", None),
    # 295: 项目须为 2023 年 1 月 1 日至指南印发前期间实施并完成验收
    (RELOC, "化工项目", "开工日期", "2023-01-01", "pass", None),
    (RELOC, "化工项目", "开工日期", "2022-12-31", "fail", None),
    (RELOC, "电镀项目", "指南印发前完成验收", True, "pass", None),
    (RELOC, "电镀项目", "指南印发前完成验收", False, "fail", None),
    # 311: 购置设备的开票时间须在2023年1月1日至指南印发前
    (RELOC, "印染项目", "设备发票日期", "2023-01-01", "pass", None),
    (RELOC, "印染项目", "设备发票日期", "2022-12-31", "fail", None),
    # 291: 搬迁入园项目 / 园区内改造提升项目；不含园区内新建、扩建项目
    (RELOC, "化工项目", "项目类型", "搬迁入园项目", "pass", None),
    (RELOC, "化工项目", "项目类型", "园区内改造提升项目", "pass", None),
    (RELOC, "化工项目", "项目类型", "园区内新建项目", "fail", None),
    # --- 省级零碳（近零碳）工厂奖励项目 ---
    # 337: 入选 2025 年度省级零碳（近零碳）工厂名单的企业
    (ZERO, "零碳工厂", "入选名单", "2025年度省级零碳工厂名单", "pass", None),
    (ZERO, "零碳工厂", "入选名单", "2025年度省级近零碳工厂名单", "fail", None),
    (ZERO, "近零碳工厂", "入选名单", "2025年度省级近零碳工厂名单", "pass", None),
    (ZERO, "近零碳工厂", "入选名单", "2024年度省级近零碳工厂名单", "fail", None),
    # --- 中小企业数字化转型试点县（市、区）项目 ---
    # 373: 入选 2025 年度江苏省中小企业数字化转型县（市、区）试点名单的地区
    (PILOT, None, "入选名单", "2025年度江苏省中小企业数字化转型县（市、区）试点名单", "pass", None),
    (PILOT, None, "入选名单", "2024年度江苏省中小企业数字化转型县（市、区）试点名单", "fail", None),
    # 379: 安排不低于 90%的补助资金用于 … 数字化改造工作；对单个企业总体补助金额不低于 20 万元
    (PILOT, None, "用于中小企业数字化改造的补助资金比例", 0.9, "pass", None),
    (PILOT, None, "用于中小企业数字化改造的补助资金比例", 0.8999, "fail", None),
    (PILOT, None, "单个企业补助金额", 20, "pass", None),
    (PILOT, None, "单个企业补助金额", 19.99, "fail", None),
    # --- 国家领航级 / 卓越级智能工厂 ---
    # 395 / 407: 入选 2025 年度国家领航级（卓越级）智能工厂的企业
    (LEADING, None, "入选名单", "2025年度国家领航级智能工厂", "pass", None),
    (LEADING, None, "入选名单", "2025年度国家卓越级智能工厂", "fail", None),
    (EXCELLENT, None, "入选名单", "2025年度国家卓越级智能工厂", "pass", None),
    (EXCELLENT, None, "入选名单", "2025年度国家领航级智能工厂", "fail", None),
    # --- “人工智能+制造”诊断项目 ---
    # 423: 对 2026 年开展诊断的 … 企业
    (DIAG, None, "诊断日期", "2026-01-01", "pass", None),
    (DIAG, None, "诊断日期", "2026-12-31", "pass", None),
    (DIAG, None, "诊断日期", "2025-12-31", "fail", None),
    (DIAG, None, "诊断日期", "2027-01-01", "fail", None),
    # 419-421: 开展“人工智能+制造”诊断工作的设区市工业和信息化局
    (DIAG, None, "开展人工智能+制造诊断工作", True, "pass", None),
    (DIAG, None, "开展人工智能+制造诊断工作", False, "fail", None),
    # --- 工业大模型建设项目 ---
    # 437: 项目总投资投入不低于 5000 万元（不含税；资金来源仅限项目牵头企业）
    (LLM, None, "项目总投入", 5000, "pass", None),
    (LLM, None, "项目总投入", 4999.99, "fail", None),
    # 437: 项目牵头企业实缴注册资本金规模应不低于项目总投资投入
    (LLM, None, "实缴注册资本不低于项目总投资投入", True, "pass", None),
    (LLM, None, "实缴注册资本不低于项目总投资投入", False, "fail", None),
    # 441: 项目实施周期不超过2年，实施期应在2026年1月1日（含）至2027年12月31日（含）之间
    (LLM, None, "项目实施周期", 2, "pass", None),
    (LLM, None, "项目实施周期", 2.01, "fail", None),
    (LLM, None, "开工日期", "2026-01-01", "pass", None),
    (LLM, None, "开工日期", "2025-12-31", "fail", None),
    (LLM, None, "完工日期", "2027-12-31", "pass", None),
    (LLM, None, "完工日期", "2028-01-01", "fail", None),
    # 449: 鼓励联合申报 … 联合体单位不超过5家 (only when applying jointly)
    (LLM, None, "联合体单位数量", 5, "pass", {"联合申报": True}),
    (LLM, None, "联合体单位数量", 6, "fail", {"联合申报": True}),
    # --- 重点行业高质量数据集建设项目 ---
    # 479: 已纳入“江苏省工业和信息化领域行业高质量数据集建设先行先试”范围
    (DATASET, None, "入选名单", "江苏省工业和信息化领域行业高质量数据集建设先行先试", "pass", None),
    (DATASET, None, "入选名单", "其他", "fail", None),
    # 481: 项目总投资投入不低于 1000 万元 … 申报主体实缴注册资本金规模应不低于项目总投资投入
    (DATASET, None, "项目总投入", 1000, "pass", None),
    (DATASET, None, "项目总投入", 999.99, "fail", None),
    (DATASET, None, "实缴注册资本不低于项目总投资投入", True, "pass", None),
    (DATASET, None, "实缴注册资本不低于项目总投资投入", False, "fail", None),
    # 483: 项目实施周期原则上不超过 18 个月 (= 1.5 年)，实施期应在 2026 年 1 月 1 日（含）至 2027 年 6 月 30 日（含）之间
    (DATASET, None, "项目实施周期", 1.5, "pass", None),
    (DATASET, None, "项目实施周期", 1.51, "fail", None),
    (DATASET, None, "开工日期", "2026-01-01", "pass", None),
    (DATASET, None, "开工日期", "2025-12-31", "fail", None),
    (DATASET, None, "完工日期", "2027-06-30", "pass", None),
    (DATASET, None, "完工日期", "2027-07-01", "fail", None),
    # 491: 须以联合体形式申报
    (DATASET, None, "联合申报", True, "pass", None),
    (DATASET, None, "联合申报", False, "fail", None),
    # --- 人工智能赋能新型工业化国家级载体奖励项目 ---
    # 523: 中试基地（制造领域） / 先导区
    (AI_CARRIER, "国家人工智能应用中试基地（制造领域）", "入选名单", "国家人工智能应用中试基地（制造领域）", "pass", None),
    (AI_CARRIER, "国家人工智能应用中试基地（制造领域）", "入选名单", "国家人工智能产业创新应用先导区", "fail", None),
    (AI_CARRIER, "国家人工智能产业创新应用先导区", "入选名单", "国家人工智能产业创新应用先导区", "pass", None),
    (AI_CARRIER, "国家人工智能产业创新应用先导区", "入选名单", "国家人工智能应用中试基地（制造领域）", "fail", None),
    # --- 中小企业公共服务体系建设项目 ---
    # 588
    (SME, "国家中小企业公共服务示范平台（基地）创建对象", "入选名单",
     "2025年度国家中小企业公共服务示范平台（基地）创建对象", "pass", None),
    (SME, "国家中小企业公共服务示范平台（基地）创建对象", "入选名单", "其他", "fail", None),
    # --- 先进制造业集群公共服务平台建设项目 ---
    # 604: 公共技术服务平台运营 2 年以上
    (CLUSTER, None, "平台运营年限", 2, "pass", None),
    (CLUSTER, None, "平台运营年限", 1.99, "fail", None),
    # 606: 专职技术服务人员或外聘专家不少于 30 人
    (CLUSTER, None, "专职技术服务人员或外聘专家人数", 30, "pass", None),
    (CLUSTER, None, "专职技术服务人员或外聘专家人数", 29, "fail", None),
    # 608-610: 2025 年 … 服务企业的服务收入 2000 万元(含)以上
    (CLUSTER, None, "服务收入", 2000, "pass", None),
    (CLUSTER, None, "服务收入", 1999.99, "fail", None),
    # 610: 服务企业的服务收入占主营业务收入60%(含)以上
    (CLUSTER, None, "服务收入占主营业务收入比例", 0.6, "pass", None),
    (CLUSTER, None, "服务收入占主营业务收入比例", "60%", "pass", None),
    (CLUSTER, None, "服务收入占主营业务收入比例", 0.5999, "fail", None),
    # 610: 服务省内制造业企业 … 150 家(含)以上
    (CLUSTER, None, "服务企业数量", 150, "pass", None),
    (CLUSTER, None, "服务企业数量", 149, "fail", None),
    # --- 重点产业促进活动项目 ---
    # 652: 根据 2025 年度全省工信领域重点产业促进活动遴选结果，对排名靠前的 … 给予事后奖补
    (EVENTS, None, "入选名单", "2025年度全省工信领域重点产业促进活动遴选结果排名靠前", "pass", None),
    (EVENTS, None, "入选名单", "其他", "fail", None),
    # --- 开放原子开源专区建设（二期）项目 ---
    # 664: 在已完成与开放原子开源基金会合作的基础上
    (OPENATOM, None, "已完成与开放原子开源基金会合作", True, "pass", None),
    (OPENATOM, None, "已完成与开放原子开源基金会合作", False, "fail", None),
    # 670: 省内综合型开源社区运营机构（非企业法人组织）
    (OPENATOM, None, "申报主体类型", "省内综合型开源社区运营机构（非企业法人组织）", "pass", None),
    (OPENATOM, None, "申报主体类型", "企业法人", "fail", None),
    # --- 大学生企业实习实训基地项目 ---
    # 694-698: 2026 年被评定为省级大学生企业实习实训基地的依托企业
    (INTERN, None, "入选名单", "2026年评定的省级大学生企业实习实训基地（第二批）", "pass", None),
    (INTERN, None, "入选名单", "其他", "fail", None),
    # --- 工信部卓越工程师实践基地和工程师协同创新中心项目 ---
    # 706
    (ENGINEER, "工信部卓越工程师实践基地", "入选名单", "2026年度工信部卓越工程师实践基地", "pass", None),
    (ENGINEER, "工信部卓越工程师实践基地", "入选名单", "2026年度工信部工程师协同创新中心", "fail", None),
    (ENGINEER, "工信部工程师协同创新中心", "入选名单", "2026年度工信部工程师协同创新中心", "pass", None),
    (ENGINEER, "工信部工程师协同创新中心", "入选名单", "2025年度工信部工程师协同创新中心", "fail", None),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", THRESHOLDS, ids=lambda x: str(x))
def test_2026_thresholds_at_and_past_the_boundary(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)


ALIASES = [
    # the guides' own wordings reach the catalog's fields (results carry the canonical name)
    (RD, None, "研发设备及配套软件购置额", 1000, "研发设备及配套软件投入", "pass"),  # 19: 购置额不低于 1000 万元
    (RD, None, "研发设备及配套软件购置额", 999, "研发设备及配套软件投入", "fail"),
    (CHAIN, None, "项目攻关总投入", 2000, "攻关总投入", "pass"),  # 101: 项目攻关总投入不低于2000万元
    (CHAIN, None, "项目攻关总投入", 1999, "攻关总投入", "fail"),
    (RELOC, "铸造项目", "设备购置额", 500, "设备投入", "pass"),  # 297: 电镀、铸造项目设备投入不低于 500 万元
    (RELOC, "铸造项目", "设备购置额", 499, "设备投入", "fail"),
    (LLM, None, "项目总投资", 5000, "项目总投入", "pass"),  # 437: 项目总投资投入不低于 5000 万元
    (LLM, None, "项目总投资", 4999, "项目总投入", "fail"),
]


@pytest.mark.parametrize("name, variant, given, value, canonical, status", ALIASES, ids=lambda x: str(x))
def test_2026_thresholds_reached_by_the_guides_wording(name, variant, given, value, canonical, status):
    report = check(name, {given: value}, variant=variant, only_given=True, include_general=False)
    assert [r.status for r in report.results if r.field == canonical] == [status]


def test_2026_large_model_consortium_limit_only_applies_when_applying_jointly():
    # 449: 鼓励联合申报 … 联合体单位不超过5家 — encouraged, not required: a lone applicant is not checked
    report = check(LLM, {"联合体单位数量": 8, "联合申报": False}, only_given=True, include_general=False)
    assert not [r for r in report.results if r.field == "联合体单位数量"]


THRESHOLD_OPS = [
    # (name, variant, field, op, value) — the op as the wording reads it (民法典1259)
    (RD, None, "研发设备及配套软件投入", ">=", "1000"),  # 19: 不低于
    (MIC, None, "开工日期", ">=", "2026-01-01"),  # 57: （含）之后
    (MIC, None, "完工日期", "<=", "2028-12-31"),  # 57: （含）之前
    (CHAIN, None, "攻关总投入", ">=", "2000"),  # 101: 不低于
    (CHAIN, None, "项目实施周期", "<=", "3"),  # 99: 不超过
    (CLINIC, None, "服务收入", ">", "1000"),  # 187: 超过
    (LLM, None, "项目总投入", ">=", "5000"),  # 437: 不低于
    (DATASET, None, "项目总投入", ">=", "1000"),  # 481: 不低于
    (DATASET, None, "项目实施周期", "<=", "1.5"),  # 483: 不超过 18 个月
    (CLUSTER, None, "服务收入", ">=", "2000"),  # 608-610: (含)以上
    (CLUSTER, None, "服务企业数量", ">=", "150"),  # 610: (含)以上
    (RELOC, "电镀项目", "设备投入", ">=", "500"),  # 297: 不低于
    (RELOC, "印染项目", "设备投入", ">=", "1000"),  # 297: 不低于
]


@pytest.mark.parametrize("name, variant, field, op, value", THRESHOLD_OPS, ids=lambda x: str(x))
def test_2026_threshold_op_and_value_in_catalog(name, variant, field, op, value):
    sel = program(name, variant)
    pool = list(sel.program.thresholds) + (list(sel.variant.thresholds) if sel.variant else [])
    hits = [t for t in pool if t.field == field]
    assert len(hits) == 1, field
    t = hits[0]
    assert t.op == op
    assert str(t.value) == value
    assert t.source.file == SEED


# ----------------------------------------------------------------------------------------------
# the whole range: every heading of the four guides with a 补助标准 / 支持标准 is one program
# ----------------------------------------------------------------------------------------------
def test_2026_every_program_of_the_four_guides_is_covered():
    from subsidykit.catalog import load_catalog

    progs = [p for p in load_catalog().programs if p.year == 2026]
    assert len(progs) == 23
    # 9-179: 8 headings; 285-333: 2; 369-517: 7; 584-702: 6
    by_guide = {}
    for p in progs:
        by_guide.setdefault(p.guide, []).append(p.id)
    assert sorted(len(v) for v in by_guide.values()) == [2, 6, 7, 8]
    assert {program(n).program.id for n in ALL} == {p.id for p in progs}
    for p in progs:
        assert p.source.file == SEED, p.id
        assert p.kind != "none", p.id  # every 2026 heading prints an amount


# ----------------------------------------------------------------------------------------------
# Issue 12 item 8: qualitative conditions the guide states (手续完备, 园区界定, 化工证明 …) are yes/no
# conditions (unit 是否, or a date/category where the text gives one).  Each row: the clause (lines and
# words, read by hand) and a value that meets it, then one that does not.
# ----------------------------------------------------------------------------------------------
YES_NO_2026 = [
    # 97-97: 有相关自主知识产权，并能保障项目所需资金
    ("2026-key-chain-joint-research", None, "有相关自主知识产权", True, "pass", None),
    ("2026-key-chain-joint-research", None, "有相关自主知识产权", False, "fail", None),
    # 299-299: 项目备案（核准）、环评、能评、安评等手续完备（无需相关手续的须由相关具有审批权限部门作出说明）
    ("2026-relocation-into-parks", None, "手续完备", True, "pass", None),
    ("2026-relocation-into-parks", None, "手续完备", False, "fail", None),
    # 291-291: 不含园区内新建、扩建项目
    ("2026-relocation-into-parks", None, "园区内新建扩建项目", False, "pass", None),
    ("2026-relocation-into-parks", None, "园区内新建扩建项目", True, "fail", None),
    # 293-293: 园区界定。化工园区须为省人民政府认定的化工园区；印染园区特指由生态环境部门认可的具有印染产业定位的园区（集聚区）；…
    ("2026-relocation-into-parks", None, "园区符合界定", True, "pass", None),
    ("2026-relocation-into-parks", None, "园区符合界定", False, "fail", None),
    # 291-291: 搬迁入园项目须为腾退原有老旧设备，采用先进工艺、技术和装备的搬迁入园项目
    ("2026-relocation-into-parks", None, "腾退原有老旧设备", True, "pass", {"项目类型": "搬迁入园项目"}),
    ("2026-relocation-into-parks", None, "腾退原有老旧设备", False, "fail", {"项目类型": "搬迁入园项目"}),
    # 315-315: 化工园区内改造提升项目，项目推荐单位须出具“项目2023-2025年期间未获得过省化工（危险化学品）企业老旧装置更…
    ("2026-relocation-into-parks", "化工项目", "2023-2025年获省化工老旧装置更新改造补助", False, "pass", {"项目类型": "园区内改造提升项目"}),
    ("2026-relocation-into-parks", "化工项目", "2023-2025年获省化工老旧装置更新改造补助", True, "fail", {"项目类型": "园区内改造提升项目"}),
    # 315-315: 涉及沿江化工园区的项目，须属地人民政府或相关部门（如长江办、自然资源、水利、生态环境等）出具“项目不涉及长江干支流…
    ("2026-relocation-into-parks", "化工项目", "涉及长江干支流岸线一公里范围", False, "pass", {"位于沿江化工园区": True}),
    ("2026-relocation-into-parks", "化工项目", "涉及长江干支流岸线一公里范围", True, "fail", {"位于沿江化工园区": True}),
    # 291-291: 印染改造项目须有淘汰老旧设备
    ("2026-relocation-into-parks", "印染项目", "淘汰老旧设备", True, "pass", {"项目类型": "园区内改造提升项目"}),
    ("2026-relocation-into-parks", "印染项目", "淘汰老旧设备", False, "fail", {"项目类型": "园区内改造提升项目"}),
    # 491-491: 牵头单位应为江苏省工业和信息化领域行业高质量数据集建设先行先试联合体牵头单位
    ("2026-industry-high-quality-dataset", None, "牵头单位为先行先试联合体牵头单位", True, "pass", None),
    ("2026-industry-high-quality-dataset", None, "牵头单位为先行先试联合体牵头单位", False, "fail", None),
    # 614-614: 本项目与中小企业公共服务体系建设项目不重复支持
    ("2026-cluster-public-service-platform", None, "已获中小企业公共服务体系建设项目支持", False, "pass", None),
    ("2026-cluster-public-service-platform", None, "已获中小企业公共服务体系建设项目支持", True, "fail", None),
    # 618-618: 智改数转网联服务商除外
    ("2026-cluster-public-service-platform", None, "智改数转网联服务商", False, "pass", None),
    ("2026-cluster-public-service-platform", None, "智改数转网联服务商", True, "fail", None),
]


@pytest.mark.parametrize("name, variant, field, value, status, extra", YES_NO_2026, ids=lambda x: str(x))
def test_2026_qualitative_conditions_stated_in_the_guide(name, variant, field, value, status, extra):
    assert_threshold(name, field, value, status, variant=variant, extra=extra)


RELOC_2026 = "2026-relocation-into-parks"


def test_2026_chemical_proofs_bind_only_their_own_projects():
    # 315: 化工园区内改造提升项目……未获得过……老旧装置更新改造补助资金支持; 涉及沿江化工园区的项目……不涉及长江干支流岸线一公里范围
    got = check(RELOC_2026, {"2023-2025年获省化工老旧装置更新改造补助": True, "项目类型": "搬迁入园项目",
                             "涉及长江干支流岸线一公里范围": True, "位于沿江化工园区": False},
                variant="化工项目", only_given=True, include_general=False)
    fields = {r.field: r.status for r in got.results}
    assert "2023-2025年获省化工老旧装置更新改造补助" not in fields
    assert "涉及长江干支流岸线一公里范围" not in fields
    # the same proofs are not asked of a 印染 project
    assert "2023-2025年获省化工老旧装置更新改造补助" not in {t.field for t in program(RELOC_2026, "印染项目").variant.thresholds}


def test_2026_before_the_guide_is_read_as_on_or_before_the_issue_date():
    # 295: 项目须为 2023 年 1 月 1 日至指南印发前期间实施并完成验收 — DOMAIN: "…前" is on or before that day
    t = next(t for t in program(RELOC_2026).program.thresholds if t.field == "指南印发前完成验收")
    assert "含印发当日" in t.note
