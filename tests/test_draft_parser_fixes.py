"""Parser fixes of the drafter (issue 17, helper PARSER): fragments written here in wordings of
their own — not copied from the seed guides — each with negative cases where a number must not
be read that way.  Every citation is checked against the fragment written to a file (the helpers
of test_draft_clauses)."""

from __future__ import annotations

from tests.test_draft_clauses import D, award, bare, conditions, quota, thresholds


# ------------------------------------------------------------------------------------------
# 1. two-item groups: "分别" with two recipients, two rates
# ------------------------------------------------------------------------------------------
def test_two_levels_with_a_shared_tail_are_two_named_tiers(tmp_path):
    p = award("对获评国家级、省级绿色园区分别给予80万元、40万元奖励。", tmp_path)
    assert [(v["name"], v["kind"], v["fixed"]) for v in p.data["variants"]] == [
        ("获评国家级绿色园区", "fixed", D("80")), ("获评省级绿色园区", "fixed", D("40")),
    ]
    assert p.todo == []
    # full-width comma, a degree with its tail
    p = award("对新引进的博士、硕士研究生，分别给予每月2500元、1200元的生活津贴。", tmp_path)
    assert [(v["name"], v["unit_amount"], v["unit"]) for v in p.data["variants"]] == [
        ("博士研究生", D("0.25"), "月"), ("硕士研究生", D("0.12"), "月"),
    ]


def test_two_items_without_a_shared_tail_keep_their_words(tmp_path):
    # 技师 is a title of its own: no tail to share
    p = award("对新取得高级技师、技师资格的，分别给予3万元、1万元奖励。", tmp_path)
    assert [v["name"] for v in p.data["variants"]][1] == "技师资格"
    p = award("对市级、县级龙头企业分别奖励20万元、10万元。", tmp_path)
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [("市级龙头企业", D("20")), ("县级龙头企业", D("10"))]
    # two recipients, three amounts: not paired
    p = award("对国家级、省级平台分别给予60万元、30万元、10万元支持。", tmp_path)
    assert [v["name"] for v in p.data["variants"]] == ["60万元档", "30万元档", "10万元档"]
    assert p.todo and "未能与列举的对象一一对应" in p.todo[0]["note"]


def test_two_rates_listed_with_fenbie_are_two_tiers_with_the_base_and_a_shared_cap(tmp_path):
    text = "对首次认定的国家级、省级技术中心，分别按其上年度研发费用的8%、4%给予奖励，单个企业最高不超过1\n50万元。"
    p = award(text, tmp_path)
    assert bare(p.data["variants"]) == [
        {"name": "国家级技术中心", "kind": "rate_cap", "rate": D("0.08"), "base": "其上年度研发费用", "cap": D("150")},
        {"name": "省级技术中心", "kind": "rate_cap", "rate": D("0.04"), "base": "其上年度研发费用", "cap": D("150")},
    ]
    assert p.data["kind"] == "tiered"
    assert p.todo == []
    # "按…的N%、M%分别给予": 分别 after the list
    p = award("对认定的一级、二级服务机构，按服务合同额的6%、3%分别给予补贴。", tmp_path)
    assert [(v["name"], v["rate"]) for v in p.data["variants"]] == [("一级服务机构", D("0.06")), ("二级服务机构", D("0.03"))]


def test_two_percentages_without_fenbie_are_not_a_list_of_rates(tmp_path):
    # "研发投入占比5%、增速10%": conditions, not two rates; a single rate stays a rate
    p = award("按设备投资额的12%给予补助，最高不超过300万元。", tmp_path)
    assert (p.data["kind"], p.data["rate"], p.data["cap"]) == ("rate_cap", D("0.12"), D("300"))
    assert "variants" not in p.data


# ------------------------------------------------------------------------------------------
# 2. "每年最高给予N万元": a cap for each year, not an amount per year
# ------------------------------------------------------------------------------------------
def test_a_yearly_maximum_is_a_cap_counted_by_years_not_a_per_unit_amount(tmp_path):
    p = award("对入选的领军人才每年最高给予3万元岗位津贴。", tmp_path)
    assert bare(p.data) == {"kind": "cap_only", "cap": D("3"), "per": "年"}
    assert "每年的上限" in p.data["note"] and "原文未写" in p.data["note"]
    # with a duration: still the yearly cap; the duration is noted, no total is computed
    p = award("按考核结果给予团队奖励，每年奖励不超过15万元，最长不超过两年。", tmp_path)
    assert bare(p.data) == {"kind": "cap_only", "cap": D("15"), "per": "年"}
    assert "最长不超过两年" in p.data["note"]
    assert "30" not in str(bare(p.data))


def test_an_amount_per_year_or_per_item_without_a_cap_word_stays_per_unit(tmp_path):
    p = award("连续2年每年给予8000元的交通补贴。", tmp_path)
    assert bare(p.data) == {"kind": "per_unit", "unit_amount": D("0.8"), "unit": "年"}
    # "每个奖励不超过N万元": the catalog's per-item amount (per_unit), not a yearly cap
    p = award("一类证书每个奖励不超过60万元。", tmp_path)
    assert (p.data["kind"], p.data["unit_amount"], p.data["unit"]) == ("per_unit", D("60"), "个")


# ------------------------------------------------------------------------------------------
# 3. "不低于…N%": a least share, never a cap
# ------------------------------------------------------------------------------------------
def test_a_rate_floor_is_a_minimum_and_never_the_maximum(tmp_path):
    p = award("见习期间，每月发放不低于本市最低工资标准60%的见习补贴。", tmp_path)
    assert bare(p.data) == {"kind": "rate_cap", "rate": D("0.6"), "minimum": True, "base": "本市最低工资标准"}
    assert "cap" not in p.data and "下限" in p.data["note"]
    p = award("按不低于实际培训费用40%的比例给予补助。", tmp_path)
    assert (p.data["rate"], p.data["minimum"], p.data["base"]) == (D("0.4"), True, "实际培训费用")
    # a floor with a stated cap: the cap is the guide's own, the floor still a minimum
    p = award("按不少于项目投资的15%给予奖励，单个项目最高不超过80万元。", tmp_path)
    assert (p.data["rate"], p.data["cap"], p.data["minimum"]) == (D("0.15"), D("80"), True)


def test_a_floor_on_the_applicants_own_money_is_not_the_award(tmp_path):
    p = award("企业自筹资金不低于总投资的40%，按项目投资的10%给予补助。", tmp_path)
    assert (p.data["kind"], p.data["rate"]) == ("rate_cap", D("0.1"))
    assert "minimum" not in p.data
    # a cap rate is still a cap rate
    p = award("按不超过实际支出的50%给予补助。", tmp_path)
    assert "minimum" not in p.data and p.data["rate"] == D("0.5")


def test_a_rate_floor_in_one_named_case_is_left_to_todo(tmp_path):
    text = "对A类机构按不低于服务收入20%的比例给予补贴；对B类机构给予10万元奖励。"
    p = award(text, tmp_path)
    a = p.data["variants"][0]
    assert a["kind"] == "none" and "rate" not in a
    assert any("下限比例" in (t.get("note") or "") for t in p.todo)


# ------------------------------------------------------------------------------------------
# 4. ages and years since graduating in the "对……的" lead-in and in conditions
# ------------------------------------------------------------------------------------------
def test_age_and_years_since_graduating_in_the_lead_in(tmp_path):
    p = award("对年龄不超过38周岁的青年博士，给予6万元科研启动经费。", tmp_path)
    assert thresholds(p) == [("年龄", "<=", D("38"), "年")]
    assert p.data["thresholds"][0]["source"]["text"] == "年龄不超过38周岁"
    p = award("对毕业两年内来本区创业的高校毕业生，给予8000元一次性创业补贴。", tmp_path)
    assert thresholds(p) == [("毕业年限", "<=", D("2"), "年")]
    p = award("对年龄在42周岁（含）以下的技能人才给予2万元安家补贴。", tmp_path)
    assert thresholds(p) == [("年龄", "<=", D("42"), "年")]
    # 未满 excludes the number
    p = award("对未满28周岁的青年技工给予5000元奖励。", tmp_path)
    assert thresholds(p) == [("年龄", "<", D("28"), "年")]
    assert p.todo == []


def test_numbers_after_the_lead_in_or_without_a_counting_word_are_no_age(tmp_path):
    # an exclusion after the award is not who gets it: left to todo
    p = award("对离校两年内的毕业生给予1000元补贴，年龄超过40周岁的不予支持。", tmp_path)
    assert thresholds(p) == [("离校年限", "<=", D("2"), "年")]
    assert p.todo and "40" in p.todo[0]["note"]
    # "两家企业": a count without a counting word is no condition
    p = award("对引进两家企业的机构给予5万元奖励。", tmp_path)
    assert "thresholds" not in p.data


def test_age_and_years_in_conditions(tmp_path):
    p = conditions("申报人年龄不超过45周岁（含）。毕业3年以内的全日制本科生。", tmp_path)
    # the field keeps the guide's subject ("申报人年龄"); the unit 周岁 is read as 年
    assert thresholds(p) == [("申报人年龄", "<=", D("45"), "年"), ("毕业年限", "<=", D("3"), "年")]
    p = conditions("申请人须为离校两年内的高校毕业生。", tmp_path)
    assert thresholds(p) == [("离校年限", "<=", D("2"), "年")]
    p = conditions("35岁以下的青年人才。", tmp_path)
    assert thresholds(p) == [("年龄", "<=", D("35"), "年")]
    # "近3年内获得…": a window, not the years since an act: not read as 年限
    p = conditions("近3年内获得过市级以上荣誉。", tmp_path)
    assert not any(t[0].endswith("年限") for t in thresholds(p))


# ------------------------------------------------------------------------------------------
# 5. other weaknesses: a quota named in the award clause, a name qualified by how it was chosen,
#    the recipients of a "分别" list said before the clause
# ------------------------------------------------------------------------------------------
def test_a_number_chosen_in_the_award_clause_is_the_quota(tmp_path):
    p = award("每年择优遴选60名青年骨干，连续2年给予每月800元培养补贴。", tmp_path)
    assert p.data["quota"]["value"] == D("60")
    assert p.data["quota"]["source"]["text"] == "每年择优遴选60名"
    assert p.todo == []
    # a floor ("遴选10家以上") is a condition, not a quota; two numbers chosen: none
    p = award("遴选10家以上企业的，给予20万元奖励。", tmp_path)
    assert "quota" not in p.data
    p = award("每年遴选20名领军人才和50名青年人才，每人给予2万元奖励。", tmp_path)
    assert "quota" not in p.data


def test_a_name_qualified_by_where_it_was_put_forward_keeps_who(tmp_path):
    p = award("对从本区申报入选的国家级领军人才给予100万元奖励，对入选省级人才计划的给予30万元奖励。", tmp_path)
    assert [v["name"] for v in p.data["variants"]] == ["国家级领军人才", "入选省级人才计划"]


def test_fenbie_amounts_named_by_the_recipients_said_before_the_clause(tmp_path):
    from subsidykit.authoring.clauses import parse_award
    from tests.test_draft_clauses import cited, section

    ctx = section("对新落户的高级工、中级工、初级工")
    text = "一次性安家补贴分别为6万元、4万元、2万元。"
    p = cited(parse_award(section(text, 2), "guide.txt", context=ctx), "对新落户的高级工、中级工、初级工\n" + text, tmp_path)
    assert [(v["name"], v["fixed"]) for v in p.data["variants"]] == [("高级工", D("6")), ("中级工", D("4")), ("初级工", D("2"))]
    assert all(v["source"]["lines"] == [2, 2] for v in p.data["variants"])
    assert p.todo == []
    # a context of another count does not name them
    ctx = section("对新落户的高级工、中级工")
    p = parse_award(section(text, 2), "guide.txt", context=ctx)
    assert [v["name"] for v in p.data["variants"]] == ["6万元档", "4万元档", "2万元档"]


# ------------------------------------------------------------------------------------------
# a measure's closing "甲、乙分别参照丙、丁给予X": variants that take the referred ones' amounts
# ------------------------------------------------------------------------------------------
REFER_GUIDE = """2025年关于支持技能人才的若干措施

一、集聚技能人才

1. 提高技能人才津贴。对新入职本市企业的高级工和中级工，连续2年分别给予每月1200元、800元的岗位津贴。

2. 加强技能人才安居支持。对新入职本市企业的高级工和中级工，分别发放12万元、6万元安居券。

3. 鼓励技能人才创业。对创业项目最高给予5万元支持。

企业新引进的一级、二级技师分别参照高级工、中级工给予岗位津贴和安居支持。
"""


def test_variants_referred_to_others_take_their_amounts_and_quotes(tmp_path):
    from subsidykit.authoring.draft import invented_numbers

    doc = _draft(tmp_path, REFER_GUIDE)  # validated, every quote at its lines
    progs = {p["title"]: p for p in doc["programs"]}
    allowance = {v["name"]: v for v in progs["提高技能人才津贴"]["variants"]}
    housing = {v["name"]: v for v in progs["加强技能人才安居支持"]["variants"]}
    assert (allowance["一级技师"]["unit_amount"], allowance["二级技师"]["unit_amount"]) == (allowance["高级工"]["unit_amount"], allowance["中级工"]["unit_amount"])
    assert (housing["一级技师"]["fixed"], housing["二级技师"]["fixed"]) == (12, 6)
    assert housing["一级技师"]["source"] == housing["高级工"]["source"]
    assert "参照" in housing["一级技师"]["note"]
    # the sentence was turned into data: not a todo any more; nothing invented
    assert not any("分别参照" in t["text"] for p in doc["programs"] for t in p.get("todo", []))
    assert invented_numbers(doc["programs"]) == []
    # the program of another benefit (创业) takes nothing
    assert "variants" not in progs["鼓励技能人才创业"]


# ==========================================================================================
# helper PARSER2: wordings an unseen guide used and the seeds did not (issue 17).  Every
# fragment below is written here in words of its own.
# ==========================================================================================
def _q(p):
    q = p.data.get("quota")
    return q["value"] if q else None


def test_a_quota_with_a_verb_before_or_after_its_counting_word(tmp_path):
    for text, value in [
        ("计划支持不超过25个。", D("25")),
        ("拟择优支持不超过8家。", D("8")),
        ("至多遴选12个。", D("12")),
        ("最多安排六个。", D("6")),
        ("拟支持18个项目。", D("18")),
    ]:
        p = quota(text, tmp_path)
        assert _q(p) == value, text
        assert p.todo == [], text
        assert p.data["quota"]["source"]["text"] == text


def test_a_quota_named_as_a_total_or_as_places(tmp_path):
    p = quota("共计不超过45个。", tmp_path)
    assert _q(p) == D("45") and "合计" in p.data["quota"]["note"]
    p = quota("名额为16家。", tmp_path)
    assert _q(p) == D("16")
    p = quota("总数控制在22个以内。", tmp_path)
    assert _q(p) == D("22")
    # the heading "支持名额" is a quota heading as "支持数量" is
    p = quota("3. 支持名额。\n不超过35家。", tmp_path)
    assert _q(p) == D("35")
    assert p.data["quota"]["source"] == {"file": "guide.txt", "lines": [1, 2], "text": "支持名额。不超过35家。"}


def test_a_total_with_a_part_for_one_class_after_it_or_in_brackets(tmp_path):
    p = quota("总计不超过50个，其中示范类不超过15个。", tmp_path)
    assert _q(p) == D("50")
    assert [(s["name"], s["op"], s["value"]) for s in p.sub_quotas] == [("示范类", "<=", D("15"))]
    # the part in brackets, no "其中"
    p = quota("不超过24个（省级重点实验室不超过6个）。", tmp_path)
    assert _q(p) == D("24")
    assert [(s["name"], s["value"]) for s in p.sub_quotas] == [("省级重点实验室", D("6"))]
    assert p.sub_quotas[0]["source"]["text"] == "省级重点实验室不超过6个"
    assert "省级重点实验室不超过6个" in p.data["quota"]["note"]
    assert p.todo == []
    # two parts in brackets
    p = quota("不超过30家（龙头企业不超过10家、成长型企业不超过20家）。", tmp_path)
    assert [(s["name"], s["value"]) for s in p.sub_quotas] == [("龙头企业", D("10")), ("成长型企业", D("20"))]


def test_words_in_brackets_that_are_not_parts_are_no_sub_quota(tmp_path):
    # a limit per city in brackets is not a part of the total
    p = quota("不超过40个（每个设区市推荐不超过3个）。", tmp_path)
    assert _q(p) == D("40")
    assert p.sub_quotas == []
    # a remark in brackets
    p = quota("不超过20个（以评审结果为准）。", tmp_path)
    assert _q(p) == D("20") and p.sub_quotas == []


def test_numbers_that_are_not_a_quota(tmp_path):
    # a floor is no quota; a year is no quota; an estimate is no cap
    for text in ("支持不少于10个。", "拟支持2026年度认定的企业。", "根据评审情况确定。"):
        p = quota(text, tmp_path)
        assert "quota" not in p.data, text
        assert len(p.todo) == 1, text
    # "约N家": an estimate, never written as the quota (read as "不超过N个"); the todo says why
    p = quota("约150家，最终以认定名单为准。", tmp_path)
    assert "quota" not in p.data
    assert "约数" in p.todo[0]["note"] and "150" in p.todo[0]["note"]
    p = quota("预计支持约80个。", tmp_path)
    assert "quota" not in p.data


def test_a_rate_written_in_words(tmp_path):
    p = award("按软件采购额的百分之十五给予补贴，每家企业最高不超过200万元。", tmp_path)
    assert (p.data["kind"], p.data["rate"], p.data["base"], p.data["cap"]) == ("rate_cap", D("0.15"), "软件采购额", D("200"))
    p = award("按照不超过项目总投资百分之八的比例予以补助。", tmp_path)
    assert (p.data["kind"], p.data["rate"]) == ("rate_cap", D("0.08"))
    p = award("补助比例为百分之二十五，单个项目不超过80万元。", tmp_path)
    assert p.data["rate"] == D("0.25")
    # a rate in words in a condition
    p = conditions("研发费用占营业收入比重不低于百分之六。", tmp_path)
    assert thresholds(p)[0][1:] == (">=", D("0.06"), "比例")
    # "百分之百" / "百分之一百二十" are not read as 1..99 shares: no rate is made up
    p = award("按设备投资额的百分之一百二十计算基数。", tmp_path)
    assert "rate" not in p.data


def test_a_first_payment_by_its_timing_words(tmp_path):
    head = "按设备投资的10%给予补助，最高不超过800万元。"
    for tail, share in [
        ("合同签订后先拨付补助资金的40%，验收后拨付其余部分。", D("0.4")),
        ("立项后先行下达资金的60%。", D("0.6")),
        ("项目启动时预拨补助资金的百分之三十，余款验收后拨付。", D("0.3")),
        ("中期评估前先期拨付一半，其余验收通过后拨付。", D("0.5")),
        ("提前下达补助资金半数。", D("0.5")),
    ]:
        p = award(head + tail, tmp_path)
        assert p.data["first_payment"]["share"] == share, tail
        assert p.data["first_payment"]["source"]["text"].startswith(tail[:4]), tail
        assert (p.data["rate"], p.data["cap"]) == (D("0.1"), D("800")), tail
    # as an amount
    p = award("最高补助500万元，先拨付150万元，验收后拨付其余。", tmp_path)
    assert p.data["first_payment"]["amount"] == D("150")


def test_words_like_a_first_payment_that_are_not_one(tmp_path):
    head = "按设备投资的10%给予补助，最高不超过800万元。"
    for tail in (
        "优先拨付50%以上资金已到位的项目。",  # 优先: a priority, not a first payment
        "验收通过后拨付剩余的50%。",  # after acceptance
        "不预拨资金，验收后一次性拨付。",  # no advance at all
    ):
        p = award(head + tail, tmp_path)
        assert "first_payment" not in p.data, tail
    # "一半" far from a payment word is no share
    p = award(head + "其中一半以上用于研发设备。", tmp_path)
    assert "first_payment" not in p.data


def test_years_as_anniversaries_and_a_limit_on_applications(tmp_path):
    p = conditions("企业登记注册满5周年。", tmp_path)
    assert thresholds(p) == [("正常经营年限", ">=", D("5"), "年")]
    assert "周年" in p.data["thresholds"][0]["note"]
    # the refused case ("…不满两周年的企业不得申报") is written as its opposite: at least two years
    p = conditions("成立不满两周年的企业不得申报。", tmp_path)
    assert thresholds(p)[0][1:] == (">=", D("2"), "年")
    # no counting word: an anniversary named in passing is no condition
    p = conditions("围绕建厂60周年开展技术改造。", tmp_path)
    assert "thresholds" not in p.data
    # at most so many applications
    for text, value, unit in [
        ("每个申报单位当年限报2个项目。", D("2"), "个"),
        ("同一企业限申报1个项目。", D("1"), "个"),
        ("每家单位最多申报3项。", D("3"), "项"),
    ]:
        p = conditions(text, tmp_path)
        got = [t for t in p.data["thresholds"] if t["op"] == "<="]
        assert [(t["value"], t["unit"]) for t in got] == [(value, unit)], text
        assert "至多" in got[0]["note"], text


def test_a_quantity_in_a_unit_the_catalog_has_is_written_and_one_it_has_not_is_a_todo(tmp_path):
    # units the catalog has (schema.Unit): 万 and 兆 multiply as the text says
    for text, value, unit in [
        ("样本数据总量达到50TB以上。", D("50"), "TB"),
        ("年处理废旧电池不少于3万吨。", D("30000"), "吨"),
        ("每期集中授课不少于5天。", D("5"), "天"),
        ("厂房面积不低于2000平方米。", D("2000"), "平方米"),
        ("光伏装机容量1兆瓦（含）以上。", D("1000"), "千瓦"),
        ("年发电量不低于2兆瓦时。", D("2000"), "千瓦时"),
        ("年节约标准煤不少于5000吨标准煤。", D("5000"), "吨标准煤"),
    ]:
        p = conditions(text, tmp_path)
        assert thresholds(p)[0][1:] == (">=", value, unit), text
    # a unit it has not is never guessed: "10MWh" is no 10 MW, "200PFlops" no count
    for text, unit in [("储能电站容量不低于10GWh。", "GWh"), ("算力规模达到300EFlops以上。", "EFlops")]:
        p = conditions(text, tmp_path)
        assert "thresholds" not in p.data, text
        assert unit in p.todo[0]["note"], text
    # part of a sentence read, the foreign unit named in the todo
    p = conditions("具有独立法人资格，算力规模不低于200PFlops。", tmp_path)
    assert p.data["thresholds"][0]["unit"] == "是否"
    assert "PFlops" in p.todo[0]["note"]


def test_the_place_of_registration_with_yifa(tmp_path):
    p = conditions("在江苏省行政区域内依法登记，具有独立法人资格。", tmp_path)
    assert thresholds(p)[0] == ("注册地省份", "==", "江苏省", "文本")


GENERAL_GUIDE = """关于组织申报2031年度省示范项目的通知

一、申报企业基本条件

（一）在江苏省境内依法注册，经营满3周年。

（二）每家企业本年度限报1个项目。

二、其他事项

请按要求申报。

附件1

2031年度省示范项目申报指南

一、示范工厂建设

（一）示范工厂项目

1. 支持条件。上年度营业收入不低于5000万元。

2. 补助标准。按设备投资的百分之十给予补助，最高不超过300万元。项目开工后先行拨付补助资金的一半。

3. 支持名额。不超过12个（其中标杆工厂不超过4个）。
"""


def test_a_qualified_general_conditions_heading_and_the_new_wordings_in_a_whole_draft(tmp_path):
    doc = _draft(tmp_path, GENERAL_GUIDE)  # validated, nothing invented, every quote at its lines
    general = [(t["field"], t["op"], t["value"]) for t in doc["general_thresholds"]]
    assert ("正常经营年限", ">=", 3) in general
    assert ("申报项目数量", "<=", 1) in general
    assert ("注册地省份", "==", "江苏省") in general
    (prog,) = doc["programs"]
    assert (D(str(prog["rate"])), prog["cap"]) == (D("0.1"), 300)
    assert D(str(prog["first_payment"]["share"])) == D("0.5")
    assert prog["quota"]["value"] == 12


def test_the_verifier_reads_a_share_in_words_and_a_half():
    from subsidykit.authoring.draft import invented_numbers, number_in_quote

    assert number_in_quote(D("0.15"), "按投资额的百分之十五给予补助")
    assert not number_in_quote(D("0.16"), "按投资额的百分之十五给予补助")
    assert number_in_quote(D("0.5"), "验收前先期拨付一半")
    assert not number_in_quote(D("0.4"), "验收前先期拨付一半")
    prog = {"id": "x", "rate": D("0.15"), "source": {"file": "g.txt", "lines": [1, 1], "text": "按投资额的百分之十五给予补助"},
            "first_payment": {"share": D("0.3"), "source": {"file": "g.txt", "lines": [2, 2], "text": "先行拨付一半"}}}
    assert len(invented_numbers([prog])) == 1  # 0.3 is not in "一半"


# ------------------------------------------------------------------------------------------
# PARSER3: a PDF's text (spaces around numbers), prose programs, lists under a measure,
# quotas named in prose, ranges with (含), counts after a foreign unit
# ------------------------------------------------------------------------------------------
def _draft(tmp_path, text: str) -> dict:
    import yaml

    from subsidykit.authoring.draft import draft_guide, invented_numbers, iter_sources
    from subsidykit.catalog import schema
    from subsidykit.catalog.records import Source
    from subsidykit.catalog.sources import quote_problem

    path = tmp_path / "guide.txt"
    path.write_text(text, encoding="utf-8")
    doc = yaml.safe_load(draft_guide(path).to_yaml())
    schema.Document.model_validate(doc)
    assert invented_numbers(doc) == []
    for _where, s in iter_sources(doc):
        assert quote_problem(Source(file=s["file"], lines=tuple(s["lines"]), text=s["text"]), root=tmp_path) is None
    return doc


def _prog(doc: dict, title: str) -> dict:
    (p,) = [p for p in doc["programs"] if p["title"] == title]
    return p


PDF_GUIDE = """2033年度某市产业发展资金申报指南

一、数字化提升

1.4K超高清制作中心项目

申报单位须为规模以上企业，部署 4K 制作设备不少于 40

台套，形成不少于 6 个示范场景，项目于 2032 年 10 月 31 日前建成。经

评审通过的，补助金额最高不超过 80 万元，全年立项数量不

超过 7 个。

2.3D打印服务平台项目

（1）支持条件 平台年服务企业不少于 120 家。

（2）补助标准 按平台建设投入的 15%予以补助，最高不超过 60 万元。

（3）支持数量 全年不超过 9 个。

二、载体建设

（一）技术中心奖励

对新认定的企业技术中心给予一次性奖励，标准如下：

（1）国家级企业技术中心，奖励 120 万元；

（2）省级企业技术中心，奖励 60 万元；

（3）市级企业技术中心，奖励 15 万元。

晋级的补足差额。申报条件：研发人员不少于 25 人。

（二）人才研修班项目

1.支持条件。年营业收入在 3000 万元（含）至 2 亿元（含）之间。

2.补助标准。按每期不超过 8 万元给予补助。

3.支持数量。每年不超过 6 期。
"""


def test_a_heading_whose_name_opens_with_digits_and_a_latin_letter(tmp_path):
    doc = _draft(tmp_path, PDF_GUIDE)
    titles = [p["title"] for p in doc["programs"]]
    assert "4K超高清制作中心项目" in titles and "3D打印服务平台项目" in titles


def test_negative_a_decimal_at_the_start_of_a_line_is_no_heading():
    from subsidykit.authoring.draft import _HEADING, RANK_NUM

    pat = dict((r, p) for r, p in _HEADING)[RANK_NUM]
    assert pat.match("2.5G基站改造项目")
    assert pat.match("3.4K显示面板项目")
    assert not pat.match("2.5万元以下的部分按……")
    assert not pat.match("1.5倍计算")
    assert not pat.match("2.5%的比例")
    assert not pat.match("1.25G/s带宽")


def test_a_prose_program_reads_its_conditions_and_the_quota_in_its_award_sentence(tmp_path):
    p = _prog(_draft(tmp_path, PDF_GUIDE), "4K超高清制作中心项目")
    assert D(str(p["cap"])) == D("80")
    got = {(t["op"], str(t["value"])) for t in p["thresholds"]}
    assert (">=", "40") in got and (">=", "6") in got and ("<=", "2032-10-31") in got
    assert p["quota"]["value"] == 7 and "年" in p["quota"]["note"]
    # no sentence that gave thresholds stays todo without a note
    assert not [t for t in p.get("todo") or [] if "不少于6个" in t["text"] and not t.get("note")]


def test_a_section_word_parted_from_its_content_by_a_space(tmp_path):
    p = _prog(_draft(tmp_path, PDF_GUIDE), "3D打印服务平台项目")
    assert (D(str(p["rate"])), D(str(p["cap"]))) == (D("0.15"), D("60"))
    assert p["quota"]["value"] == 9
    assert [(t["op"], t["value"]) for t in p["thresholds"]] == [(">=", 120)]


def test_a_numbered_list_of_tiers_under_a_measure(tmp_path):
    p = _prog(_draft(tmp_path, PDF_GUIDE), "技术中心奖励")
    assert p["kind"] == "tiered"
    assert [(v["name"], v["fixed"]) for v in p["variants"]] == [
        ("国家级企业技术中心", 120), ("省级企业技术中心", 60), ("市级企业技术中心", 15)]
    assert [(t["op"], t["value"]) for t in p["thresholds"]] == [(">=", 25)]


def test_negative_numbered_measures_under_a_heading_stay_programs_of_their_own(tmp_path):
    guide = """2033年度人才政策

（一）引进高端人才

1.领军人才。对新引进的领军人才，给予 100 万元安家补贴。

2.青年人才。对新引进的青年人才，给予 20 万元安家补贴。
"""
    titles = [p["title"] for p in _draft(tmp_path, guide)["programs"]]
    assert titles == ["领军人才", "青年人才"]


def test_a_quota_by_year_or_by_session(tmp_path):
    doc = _draft(tmp_path, PDF_GUIDE)
    p = _prog(doc, "人才研修班项目")
    assert p["quota"]["value"] == 6 and "每年" in p["quota"]["note"] and "期" in p["quota"]["note"]
    for text, value in [("全年不超过4期。", D("4")), ("每批不超过3批。", D("3")), ("本年度不超过11个。", D("11"))]:
        q = quota(text, tmp_path)
        assert q.data["quota"]["value"] == value, text
    # a number of days or people is no quota
    for text in ("每期不少于3天。", "参训人员约60人。"):
        assert "quota" not in quota(text, tmp_path).data, text


def test_a_quota_named_in_prose(tmp_path):
    for text, value in [
        ("对通过验收的，给予最高50万元补助。立项数量：最多4项。", D("4")),
        ("对通过验收的，给予最高50万元补助，本年度资助名额不超过5个。", D("5")),
        ("对通过验收的，给予最高50万元补助。奖励数量不超过3家。", D("3")),
    ]:
        p = award(text, tmp_path)
        assert p.data["quota"]["value"] == value, text
    # a count of what the applicant has is no quota; two named counts are left to the reviewer
    p = award("对服务企业数量不少于30家的平台，给予最高50万元补助。", tmp_path)
    assert "quota" not in p.data
    p = award("给予最高50万元补助。A类支持数量不超过3个，B类支持数量不超过2个。", tmp_path)
    assert "quota" not in p.data


def test_a_range_with_inclusion_marks_at_both_ends(tmp_path):
    p = _prog(_draft(tmp_path, PDF_GUIDE), "人才研修班项目")
    assert ("营业收入", "between", [3000, 20000]) in [(t["field"], t["op"], t["value"]) for t in p["thresholds"]]
    for text, lo, hi in [
        ("上年度营业收入在500万元（含）至1亿元（含）之间。", D("500"), D("10000")),
        ("职工人数在20人(含)至200人(含)。", D("20"), D("200")),
    ]:
        got = [(t["op"], t["value"]) for t in conditions(text, tmp_path).data["thresholds"]]
        assert got == [("between", [lo, hi])], text
    # an end that excludes itself is no inclusive range: two conditions, each end as marked
    p = conditions("上年度营业收入在500万元（不含）至1亿元（不含）之间。", tmp_path)
    assert [(t["op"], t["value"]) for t in p.data["thresholds"]] == [(">", D("500")), ("<", D("10000"))]
    p = conditions("生产性设备购置额300万元（含）至2 000万元（不含）的项目。", tmp_path)
    assert [(t["op"], t["value"]) for t in p.data["thresholds"]] == [(">=", D("300")), ("<", D("2000"))]


def test_a_foreign_unit_with_its_counting_word_after_it(tmp_path):
    for text, unit in [("运营线路200公里以上。", "公里"), ("出口带宽200Gbps以上。", "Gbps"), ("年处理危废5000升以上。", "升")]:
        p = conditions(text, tmp_path)
        assert "thresholds" not in p.data, text
        assert f"单位“{unit}”" in p.todo[0]["note"], text
    # units the catalog has, with 以上 after them, are written (万 multiplies)
    for text, value, unit in [("年回收废旧塑料8万吨以上。", D("80000"), "吨"), ("年培训时长200小时以上。", D("200"), "小时"),
                              ("仓储面积5000平方米以上。", D("5000"), "平方米"), ("年节水量5万立方米以上。", D("50000"), "立方米"),
                              ("单台容量不低于630千伏安。", D("630"), "千伏安"), ("新增容量不低于2兆伏安。", D("2000"), "千伏安")]:
        assert thresholds(conditions(text, tmp_path))[0][1:] == (">=", value, unit), text
    # a unit the catalog has, with 以上 after it, is written
    p = conditions("年节能量3000吨标准煤以上。", tmp_path)
    assert thresholds(p)[0][1:] == (">=", D("3000"), "吨标准煤")


def test_a_year_of_first_recognition_and_a_joining_word_that_opens_a_word(tmp_path):
    p = award("对2032年度首次认定的省级工程研究中心，给予一次性奖励40万元。", tmp_path)
    (t,) = p.data["thresholds"]
    assert (t["op"], t["value"]) == ("between", ["2032-01-01", "2032-12-31"])
    p = conditions("企业已建立质量体系，并购重组交易额不低于8000万元。", tmp_path)
    assert [t["field"] for t in p.data["thresholds"] if t["unit"] == "万元"][0].startswith("并购")
    # 并 as a joining word is still dropped
    p = conditions("具有独立法人资格并拥有发明专利不少于3项。", tmp_path)
    assert not any(t["field"].startswith("并") for t in p.data["thresholds"])


# ------------------------------------------------------------------------------------------
# PARSER4: rules in articles (第X章 / 第X条), thousands separators, page lines, lead-in
# conditions in award sentences ("…突破N万元的", "…不低于N%的单位")
# ------------------------------------------------------------------------------------------
ARTICLE_RULES = """某区数字经济发展扶持办法实施细则

第一章 总 则

第一条 为落实区委区政府部署，加快数字经济发展，制定本细则。

第二条 本细则适用于在本区登记注册、具有独立法人资格的企业。

第二章 扶持内容

第三条【数字化车间奖励】对当年通过市级评定的数字化车间，给予一次性奖励30万元。

第四条 软件产品首版次。对首版次软件产品按销售合同金额的20%予以补助，单个产品最高不超过2,500万元。

第 3 页 共 12 页

第五条 对主营业务收入首次超过5,000万元且利润率不低于8%的企业，奖励15万元；首次突破20,000万元的，奖励40万元。

- 4 -

第六条 [人才安居] 对引进的高层次人才，每人给予购房补贴60万元。

第三章 申报与审核

第七条 企业应于每年3月31日前提交申报材料，逾期不予受理。

第八条 区工信局会同区财政局对申报材料进行审核，必要时组织专家评审，评审结果公示7天。

第四章 附 则

第九条 对弄虚作假骗取资金的，追回已拨付资金，5年内不得申报。

第十条 本细则自2033年1月1日起施行。
"""


def test_articles_that_grant_money_are_programs_in_their_chapter(tmp_path):
    doc = _draft(tmp_path, ARTICLE_RULES)
    titles = [p["title"] for p in doc["programs"]]
    assert titles == ["数字化车间奖励", "软件产品首版次", "第五条", "人才安居"]
    assert all(p["path"] == ["第二章 扶持内容"] for p in doc["programs"])
    assert doc["guides"] == [doc["title"]]  # the chapters are parts of the rules, not guides
    assert D(str(_prog(doc, "数字化车间奖励")["fixed"])) == D("30")
    soft = _prog(doc, "软件产品首版次")
    assert (soft["kind"], D(str(soft["rate"])), D(str(soft["cap"]))) == ("rate_cap", D("0.2"), D("2500"))
    assert "2,500万元" in soft["source"]["text"]
    assert D(str(_prog(doc, "人才安居")["unit_amount"])) == D("60")


def test_an_untitled_article_keeps_its_whole_text_and_reads_its_lead_ins(tmp_path):
    doc = _draft(tmp_path, ARTICLE_RULES)
    p = _prog(doc, "第五条")
    assert [D(str(v["fixed"])) for v in p["variants"]] == [D("15"), D("40")]
    got = sorted((t["op"], D(str(t["value"]))) for v in p["variants"] for t in v.get("thresholds") or [])
    assert (">", D("5000")) in got and (">=", D("0.08")) in got  # 5,000 read whole, 8% a condition
    # page lines ("第 3 页 共 12 页", "- 4 -") are no text of any program
    assert not any("页" in (s.get("text") or "") for p in doc["programs"] for s in [p.get("source") or {}])


def test_procedure_articles_and_stray_article_words_are_no_programs(tmp_path):
    doc = _draft(tmp_path, ARTICLE_RULES)
    assert not any(p["title"] in ("第七条", "第八条", "第九条", "第十条") for p in doc["programs"])
    # a line opening with "第三条" in an outline guide (fewer than three articles) is text
    text = """2033年度某市服务业发展资金申报指南

一、总部经济

（一）总部企业落户奖励

第三条所称总部企业，按实缴注册资本的1%给予奖励，最高不超过300万元。
"""
    doc = _draft(tmp_path, text)
    assert [p["title"] for p in doc["programs"]] == ["总部企业落户奖励"]


def test_thousands_separators_are_one_number(tmp_path):
    p = award("按设备投资额的10%给予补助，单个项目最高不超过1,200万元。", tmp_path)
    assert (p.data["rate"], p.data["cap"]) == (D("0.1"), D("1200"))
    assert "1,200万元" in p.data["source"]["text"]
    c = conditions("申报企业上年度营业收入不低于12,000万元，研发投入不低于1,500万元。", tmp_path)
    assert sorted(t[2] for t in thresholds(c)) == [D("1500"), D("12000")]
    # a full-width comma parts two numbers: never one
    c = conditions("申报企业职工人数不少于100，年纳税额不低于300万元。", tmp_path)
    assert D("100300") not in [t[2] for t in thresholds(c)] and D("300") in [t[2] for t in thresholds(c)]


def test_lead_in_thresholds_are_conditions_not_amounts(tmp_path):
    p = award("对年产值首次突破2亿元的企业，奖励10万元；首次突破5亿元的，奖励30万元。", tmp_path)
    assert [v["fixed"] for v in p.data["variants"]] == [D("10"), D("30")]
    assert sorted(t["value"] for v in p.data["variants"] for t in v.get("thresholds") or []) == [D("20000"), D("50000")]
    p = award("设备贷款余额不低于500万元的，按实际支付利息的40%给予贴息，单家企业最高不超过80万元。", tmp_path)
    assert (p.data["rate"], p.data["cap"]) == (D("0.4"), D("80"))
    assert [(t["op"], t["value"]) for t in p.data["thresholds"]] == [(">=", D("500"))]
    p = award("对出口额占比不少于30%的企业，给予一次性奖励20万元。", tmp_path)
    assert p.data["fixed"] == D("20") and "rate" not in p.data
    assert [(t["op"], t["value"], t["unit"]) for t in p.data["thresholds"]] == [(">=", D("0.3"), "比例")]
    # negatives: a floor of the award itself stays the award's
    p = award("对认定的企业给予不低于20%的补助，最高不超过100万元。", tmp_path)
    assert p.data.get("rate") == D("0.2") and not p.data.get("thresholds")
    p = award("每人给予不低于2000元的交通补贴。", tmp_path)
    assert D("0.2") in [p.data.get("fixed"), p.data.get("unit_amount")]


# ------------------------------------------------------------------------------------------
# Rules in articles issued together with an attached guide (a notice that prints both): the rules
# are a part of their own, never passed over as the guide's preamble; and nothing with an amount
# is passed over in silence (a line with money no program took is a todo of the document)
# ------------------------------------------------------------------------------------------
RULES_AND_GUIDE = """某市经济和信息化局文件

关于印发《某市制造业数字化转型奖补办法》及申报指南的通知

各区县经信部门：现将有关文件印发给你们，请遵照执行。

某市制造业数字化转型奖补办法

第一章 总则

第一条 为推动制造业数字化转型，制定本办法。

第二条 本办法所称企业，是指在本市登记注册的工业企业。

第二章 奖补标准

第三条【数字化车间奖补】对新认定的市级数字化车间，每个给予奖补25万元。

第四条【上云用云补贴】对企业上云服务费用，按实际支出的30%给予补贴，单个企业最高8万元。

第五条 专项资金年度总额为3000万元，由市财政统筹安排。

第三章 附则

第六条 本办法自发布之日起施行。

2034年度某市制造业数字化转型项目申报指南

一、工业互联网平台项目

1. 支持条件。平台连接设备不少于500台。

2. 补助标准。按平台建设投入的15%给予补助，最高不超过200万元。
"""


def test_rules_in_articles_before_an_attached_guide_are_drafted_too(tmp_path):
    doc = _draft(tmp_path, RULES_AND_GUIDE)
    titles = [p["title"] for p in doc["programs"]]
    assert titles[:2] == ["数字化车间奖补", "上云用云补贴"] and "工业互联网平台项目" in titles
    assert doc["guides"][0] == "某市制造业数字化转型奖补办法"  # the rules' own title, a guide of the document
    cloud = _prog(doc, "上云用云补贴")
    assert (cloud["kind"], D(str(cloud["rate"])), D(str(cloud["cap"]))) == ("rate_cap", D("0.3"), D("8"))


def test_a_line_with_money_that_no_program_took_is_a_todo_of_the_document(tmp_path):
    doc = _draft(tmp_path, RULES_AND_GUIDE)
    loose = [t for t in doc["todo"] if "未归入任何项目" in (t.get("note") or "")]
    assert [t["text"] for t in loose] == ["第五条 专项资金年度总额为3000万元，由市财政统筹安排。"]
    # a number without money or a share (a date, a count) is not swept up
    assert not any("500台" in t["text"] for t in loose)


def test_a_date_then_a_long_act_names_the_field_by_the_act(tmp_path):
    # "…（含）以后" includes the day (>=); the act after it names the field, up to 10 characters
    p = conditions("申报人才须为2134年1月1日（含）以后全职来区创新创业的高层次人才。", tmp_path)
    (t,) = [t for t in p.data["thresholds"] if t["unit"] == "日期"]
    assert (t["field"], t["op"], t["value"]) == ("全职来区创新创业日期", ">=", "2134-01-01")


def test_a_count_after_a_service_counts_those_served(tmp_path):
    p = conditions("为区内规模以上工业企业提供免费诊断服务不少于20家，并出具诊断报告。", tmp_path)
    (t,) = p.data["thresholds"]
    assert (t["op"], t["value"], t["unit"]) == (">=", D("20"), "家") and t["field"].endswith("服务对象数")
    # the counted thing named after the count still names the field
    assert thresholds(conditions("至少有3项指标比上年提升。", tmp_path))[0][1:] == (">=", D("3"), "项")
