"""The drafter on measures whose tiers are named by thresholds (issue 17): "首次突破10亿元的奖励50万元",
"营业收入首次突破10亿元、50亿元、100亿元 … 分别给予…", and a table "首次突破档次 | 奖励金额".  The
thresholds are the tiers' (one of which an applicant meets), never awards and never all of them
at once on the program.

Every fragment here was written for these tests; the expected values are read off the fragment
by hand (亿元 × 10000 = 万元)."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.draft import draft_guide

HEAD = "2086年度示范区先进制造业政策兑现申报指南\n一、企业培育\n"


def _tiers(prog: dict) -> list[tuple]:
    return [(v.get("fixed"), [(t["op"], t["value"]) for t in v.get("thresholds") or []]) for v in prog.get("variants") or []]


def test_an_amount_after_tupo_and_before_de_jiangli_names_the_tier_not_the_award(tmp_path):
    text = HEAD + ("（一）营收跃升奖励\n1.申报条件。区内工业企业年度营业收入首次突破10亿元。\n"
                   "2.奖励标准。首次突破10亿元的奖励50万元，首次突破50亿元的奖励100万元，首次突破100亿元的奖励200万元。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    prog = by_title(d)["营收跃升奖励"]
    assert prog["kind"] == "tiered"
    assert [v.get("fixed") for v in prog["variants"]] == [D("50"), D("100"), D("200")]
    # no award of 10亿元 anywhere
    assert not any(v.get("fixed") in (D("100000"), D("500000"), D("1000000")) for v in prog["variants"])
    assert [(t["op"], t["value"]) for t in prog["thresholds"]] == [(">=", D("100000"))]
    assert_cited(d, tmp_path)
    validates(d)


def test_listed_sums_of_one_condition_go_to_the_tiers_in_order(tmp_path):
    text = HEAD + ("（一）规模跨越奖励\n1.奖励对象。年度营业收入首次达到10亿元、50亿元、100亿元的工业企业。\n"
                   "2.奖励标准。分别给予30万元、60万元、100万元奖励。对首次入围中国制造业企业500强的，另行奖励100万元。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    prog = by_title(d)["规模跨越奖励"]
    # never "≥10亿 and ≥50亿 and ≥100亿" on the program
    assert not [t for t in prog.get("thresholds") or [] if t["unit"] == "万元"]
    tiers = [x for x in _tiers(prog) if x[1]]
    assert tiers == [(D("30"), [(">=", D("100000"))]), (D("60"), [(">=", D("500000"))]), (D("100"), [(">=", D("1000000"))])]
    assert_cited(d, tmp_path)
    validates(d)


def test_listed_sums_that_do_not_match_the_tiers_keep_the_first_and_say_the_others(tmp_path):
    # two tiers, three sums: no guess which sum is whose
    text = HEAD + ("（一）规模跨越奖励\n1.奖励对象。年度营业收入首次达到10亿元、50亿元、100亿元的工业企业。\n"
                   "2.奖励标准。分别给予30万元、60万元奖励。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    prog = by_title(d)["规模跨越奖励"]
    money = [t for t in prog.get("thresholds") or [] if t["unit"] == "万元"]
    assert [(t["op"], t["value"]) for t in money] == [(">=", D("100000"))]
    assert "其他各档的门槛" in money[0]["note"] and "50亿元" in money[0]["note"]


def test_a_table_whose_first_column_is_the_threshold_passed(tmp_path):
    text = HEAD + ("（一）营收跃升奖励\n"
                   "【兑现标准】对营业收入首次突破以下规模的工业企业，按档次给予一次性奖励：\n"
                   "首次突破档次　　奖励金额\n10亿元　　30万元\n30亿元　　60万元\n50亿元　　100万元\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    prog = by_title(d)["营收跃升奖励"]
    assert _tiers(prog) == [(D("30"), [(">=", D("100000"))]), (D("60"), [(">=", D("300000"))]), (D("100"), [(">=", D("500000"))])]
    assert prog.get("fixed") is None
    assert_cited(d, tmp_path)
    validates(d)


def test_a_list_of_long_grade_names_each_with_its_sum_after_a_colon(tmp_path):
    # names of 11 characters ("国家级智能制造示范工厂"): each its own tier
    text = HEAD + ("（一）智能制造示范奖励\n【兑现标准】对新获评的智能制造示范企业，按以下标准给予一次性奖励：国家级智能制造示范工厂300万元，"
                   "省级智能制造示范工厂100万元，省级智能制造示范车间30万元。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    prog = by_title(d)["智能制造示范奖励"]
    assert [(v["name"], v["fixed"]) for v in prog["variants"]] == [
        ("国家级智能制造示范工厂", D("300")), ("省级智能制造示范工厂", D("100")), ("省级智能制造示范车间", D("30"))]
    assert_cited(d, tmp_path)


def test_a_heading_whose_lead_counts_its_programs_is_a_program_with_the_total(tmp_path):
    text = HEAD + ("（一）智改项目奖补\n对考核期内完成验收的项目，按以下类别给予奖补。本项年度支持项目数量合计不超过40个，其中\n"
                   "甲类改造项目不超过25个、乙类转型项目不超过10个、丙类联接项目不超过5个。\n"
                   "1.甲类改造项目。对投入300万元以上的项目，按投入额的12%给予补助，单个项目补助封顶200万元。\n"
                   "2.乙类转型项目。对投入50万元以上的项目，按投入额的20%给予补助，单个项目最高补助80万元。\n"
                   "3.丙类联接项目。对建成专网的企业，一次性奖励20万元。\n"
                   "（二）星级上云奖励\n对新认定的五星级上云企业，一次性奖励10万元。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    progs = by_title(d)
    assert {t: progs[t]["quota"]["value"] for t in ("甲类改造项目", "乙类转型项目", "丙类联接项目")} == {
        "甲类改造项目": D("25"), "乙类转型项目": D("10"), "丙类联接项目": D("5")}
    whole = progs["智改项目奖补"]
    assert (whole["kind"], whole["quota"]["value"]) == ("none", D("40"))
    assert progs["甲类改造项目"]["path"][-1].endswith("智改项目奖补")
    assert "quota" not in progs["星级上云奖励"]
    assert_cited(d, tmp_path)
    validates(d)


def test_a_class_named_by_two_words_joined_by_a_dunhao_is_a_program_of_its_own(tmp_path):
    text = HEAD + ("（一）平台提质项目\n1.支持条件。项目总投入须在2000万元以上。\n2.补助标准。按平台类别分别予以支持：\n"
                   "（1）跨行业跨领域平台。按不超过项目总投入的15%给予补助，单个项目最多补助1500万元。\n"
                   "（2）行业级、区域级平台。按不超过项目总投入的12%给予补助，单个项目最多补助800万元。\n"
                   "3.支持数量。原则上不超过12个，其中跨行业跨领域平台不超过4个。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    progs = by_title(d)
    assert (progs["跨行业跨领域平台"]["rate"], progs["跨行业跨领域平台"]["cap"]) == (D("0.15"), D("1500"))
    assert (progs["行业级、区域级平台"]["rate"], progs["行业级、区域级平台"]["cap"]) == (D("0.12"), D("800"))
    assert progs["跨行业跨领域平台"]["quota"]["value"] == D("4")
    assert progs["平台提质项目"]["quota"]["value"] == D("12")
    assert_cited(d, tmp_path)
    validates(d)


def test_grade_lists_parted_by_semicolons_or_with_bracketed_remarks_and_each_per_person(tmp_path):
    text = HEAD + ("（一）研发机构奖励\n【兑现标准】对新认定的研发机构，按以下标准给予一次性奖励：国家企业技术中心100万元；"
                   "省级企业技术中心30万元；市级企业技术中心5万元。\n"
                   "（二）贯标评估奖励\n按评估等级给予一次性奖励：五级（优化级）80万元，四级（量化管理级）50万元，二级（受管理级）50000元。\n"
                   "（三）技能人才补助\n对企业职工新取得高级工、技师、高级技师职业技能等级证书的，分别按每人1000元、2000元、3000元给予补助。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    progs = by_title(d)
    assert [(v["name"], v["fixed"]) for v in progs["研发机构奖励"]["variants"]] == [
        ("国家企业技术中心", D("100")), ("省级企业技术中心", D("30")), ("市级企业技术中心", D("5"))]
    # 50000元 = 5万元
    assert [(v["name"], v["fixed"]) for v in progs["贯标评估奖励"]["variants"]] == [
        ("五级（优化级）", D("80")), ("四级（量化管理级）", D("50")), ("二级（受管理级）", D("5"))]
    # 1000元 = 0.1万元 per person, and so on; never a name cut inside "高级技师"
    skill = progs["技能人才补助"]["variants"]
    assert [(v["unit_amount"], v["unit"]) for v in skill] == [(D("0.1"), "人"), (D("0.2"), "人"), (D("0.3"), "人")]
    assert not any("高技师" in v["name"] or "高高级" in v["name"] for v in skill)
    assert_cited(d, tmp_path)
    validates(d)


def test_a_rate_said_after_the_verb_and_an_instalment_said_under_the_way_of_payment(tmp_path):
    text = HEAD + ("（一）首版次软件推广项目\n1.申报条件。单个销售合同金额达到50万元。\n"
                   "2.补助标准。以首年度销售合同金额为基数，给予研发单位20%的奖励，单个产品奖励不超过100万元。\n"
                   "（二）资源综合利用项目\n1.申报条件。项目设备投入800万元以上。\n"
                   "2.补助标准。给予设备投入额10%的补助，单个项目补助不超过150万元。\n"
                   "3.兑现方式。依申请兑现，分两期拨付：项目竣工并经核查后，先\n行拨付奖补资金的60%；次年度复核后拨付剩余40%。\n"
                   "（三）服务券项目\n1.补助标准。给予企业10%的补助，单个企业补助不超过15万元。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    progs = by_title(d)
    soft = progs["首版次软件推广项目"]
    assert (soft["rate"], soft["base"], soft["cap"]) == (D("0.2"), "首年度销售合同金额", D("100"))
    reuse = progs["资源综合利用项目"]
    assert (reuse["rate"], reuse["base"], reuse["cap"]) == (D("0.1"), "设备投入额", D("150"))
    assert reuse["first_payment"]["share"] == D("0.6")
    # a share of what, the text does not say: no rate, the 10% left in todo
    coupon = progs["服务券项目"]
    assert coupon.get("rate") is None and coupon["cap"] == D("15")
    assert any("10%" in t.get("note", "") for t in coupon.get("todo") or [])
    assert_cited(d, tmp_path)
    validates(d)


def test_a_table_whose_band_cells_say_tupo_themselves(tmp_path):
    text = HEAD + ("（一）头雁企业奖励\n按软件业务收入规模分档给予一次性奖励：\n\n| 档次 | 软件业务收入 | 奖励金额（万元） |\n|---|---|---|\n"
                   "| 第一档 | 首次突破100亿元 | 500 |\n| 第二档 | 首次突破50亿元 | 300 |\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    prog = by_title(d)["头雁企业奖励"]
    assert _tiers(prog) == [(D("500"), [(">=", D("1000000"))]), (D("300"), [(">=", D("500000"))])]
    assert [v["name"] for v in prog["variants"]] == ["第一档", "第二档"]
    assert_cited(d, tmp_path)


def test_a_step_of_net_growth_and_a_bound_on_a_loan_are_no_amounts(tmp_path):
    text = HEAD + ("（一）营收增量奖励\n奖励标准：按营业收入净增量计算，每净增1 000万元奖励1万元，单家企业封顶30万元。\n"
                   "（二）专精特新贷风险补偿\n对合作银行向专精特新中小企业发放的单户3000万元以下信用贷款发生的损失，按照有关规定据实核定补偿金额。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    progs = by_title(d)
    step = progs["营收增量奖励"]
    assert (step["kind"], step["unit_amount"], step["cap"]) == ("per_unit", D("1"), D("30"))
    assert "。。" not in step["note"]
    loan = progs["专精特新贷风险补偿"]
    assert loan["kind"] == "none" and loan.get("fixed") is None
    assert_cited(d, tmp_path)
    validates(d)


def test_per_mille_a_first_sum_paid_first_and_an_extra_award(tmp_path):
    text = HEAD + ("（一）满负荷增产奖励\n● 奖励标准：按新增产值的千分之五给予奖励，最高奖励50万元。\n"
                   "（二）新升规企业奖励\n● 奖励标准：奖励20万元，分两年兑现：入库当年先兑现10万元，次年末仍在库的再兑现剩余部分。"
                   "当年营业收入达到5000万元（含）以上的，另加奖5万元。\n")
    d = draft_guide(write(tmp_path, "guide_2086.txt", text), year=2086)
    progs = by_title(d)
    full = progs["满负荷增产奖励"]
    assert (full["rate"], full["cap"]) == (D("0.005"), D("50"))  # 千分之五 = 0.5%
    new = progs["新升规企业奖励"]
    amounts = {v["fixed"]: v for v in new["variants"]}
    assert set(amounts) == {D("20"), D("5")}
    assert amounts[D("20")]["first_payment"]["amount"] == D("10")
    assert [(t["op"], t["value"]) for t in amounts[D("5")]["thresholds"]] == [(">=", D("5000"))]
    assert_cited(d, tmp_path)
    validates(d)
