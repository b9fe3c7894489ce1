"""The drafter on what the third round of held-out guides showed (issue 17): a table of programs
laid out in columns by pdftotext -layout, a document title repeated at the top of every page, a
WeChat article's bullets, numbers in words (二千万元, 三百人), month-only windows, an award for
each step of a base ("每增加1亿元奖励8万元").

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, drafted, validates, write

from subsidykit.authoring.draft import draft_guide

LAYOUT = """\
关于开展2060年度示范县工业奖补政策兑现申报工作的通知
各镇（街道）：现将有关事项通知如下。
一、申报条件
申报企业应在本县依法登记，正常经营1年以上。
二、奖补项目及标准
2060年度示范县工业奖补政策兑现项目一览表
序号    奖补项目                      奖补条件                        奖补标准                  责任单位
  一、技术改造类

                              2060年1月1日（含）至2060年12月  按设备投资额的9%给予奖补，最高    县工信局
1     技改设备奖补            31日（含）期间竣工，设备投资    不超过400万元。年度支持项目不     （技改科）
                              不低于800万元。                 超过15个。

                              2060年度新获评国家级、省级      国家级奖励60万元，省级奖励        县工信局
2     绿色工厂                绿色工厂。                      20万元。
      （免申即享）

                              年开票销售增量达到2亿元以上。   每增加1亿元奖励8万元，单个企      县税务局
3     开票增量奖                                              业最高不超过40万元。

                              经认定的培训机构。              按每人次400元给予补贴。           县人社局
4     技能培训补贴

三、申报材料
申报表及相关证明材料。
四、联系方式
县工信局技改科，电话：0516-12345678
"""


def test_a_table_laid_out_in_columns_gives_one_program_per_row(tmp_path):
    path = write(tmp_path, "guide_2060.txt", LAYOUT)
    d = draft_guide(path, year=2060)
    progs = by_title(d)
    assert {"技改设备奖补", "绿色工厂", "开票增量奖", "技能培训补贴"} <= set(progs)
    tech = progs["技改设备奖补"]
    assert (tech["kind"], tech["rate"], tech["cap"]) == ("rate_cap", D("0.09"), D("400"))
    assert tech["quota"]["value"] == D("15")
    assert any(t["op"] == "between" and t["value"] == ["2060-01-01", "2060-12-31"] for t in tech["thresholds"])
    assert any(t["op"] == ">=" and t["value"] == D("800") for t in tech["thresholds"])
    assert tech["path"][-1] == "一、技术改造类" and tech["office"].startswith("县工信局")
    # the 免申即享 mark on the name's second line; the tiers of the award cell
    green = progs["绿色工厂"]
    assert green["no_application"] is True
    assert sorted(v.get("fixed") for v in green["variants"]) == [D("20"), D("60")]
    # an award for each step of the base, never the step itself read as an amount
    step = progs["开票增量奖"]
    assert (step["kind"], step["unit_amount"], step["cap"]) == ("per_unit", D("8"), D("40"))
    assert step["unit"] == "增加1亿元"
    assert not any(v.get("fixed") == D("10000") for v in step.get("variants") or [])
    assert progs["技能培训补贴"]["unit_amount"] == D("0.04")
    # quotes across the columns' pieces carry "……" and stand at their lines
    assert "……" in tech["source"]["text"]
    assert_cited(d, tmp_path)
    validates(d)


RUNNING = """\
关于组织申报2061年度示范市智能制造专项资金项目的通知
各有关单位：现将有关事项通知如下。
附件1
2061年度示范市智能制造专项资金
项目申报指南
第一章 智能化改造
一、智能化改造设备奖补
（一）申报条件。
1.项目于2060年1月至2061年6月（含）期间竣工，设备投入不低于
第 2 页 共 5 页
2061年度示范市智能制造专项资金项目申报指南
二千万元（不含税）。
2.研发人员不少于三百人。
（二）奖补标准。按设备投入的10%给予奖补，单个项目最高不超过600万元。
（三）支持数量。原则上不超过20个。
二、智能工厂奖励（免申即享）
对2060年1月（含）以后获评的智能工厂奖励50万元。
第 3 页 共 5 页
2061年度示范市智能制造专项资金项目申报指南
三、展会补贴
对企业参加2061年1月至12月期间举办的重点展会，按展位费的50%给予补贴，最高10万元。
第 4 页 共 5 页
2061年度示范市智能制造专项资金项目申报指南
"""


def test_a_title_repeated_on_every_page_numbers_in_words_and_month_windows(tmp_path):
    path = write(tmp_path, "guide_2061.txt", RUNNING)
    d = draft_guide(path, year=2061)
    progs = by_title(d)
    # the running title is page furniture: the program's sections are not cut off at it
    tech = progs["智能化改造设备奖补"]
    assert (tech["rate"], tech["cap"], tech["quota"]["value"]) == (D("0.1"), D("600"), D("20"))
    by = {(t["op"], str(t["value"])) for t in tech["thresholds"]}
    assert ("between", str(["2060-01-01", "2061-06-30"])) in by
    assert (">=", "2000") in by  # 二千万元, across the page break
    assert (">=", "300") in by  # 三百人
    factory = progs["智能工厂奖励"]
    assert factory["no_application"] is True and factory["fixed"] == D("50")
    assert any(t["op"] == ">=" and t["value"] == "2060-01-01" for t in factory["thresholds"])
    fair = progs["展会补贴"]
    assert any(t["op"] == "between" and t["value"] == ["2061-01-01", "2061-12-31"] for t in fair["thresholds"])
    assert len(d.programs) == 3
    assert_cited(d, tmp_path)
    validates(d)


ARTICLE = """\
2062年度示范区工业政策申报指南（政策解读）
——————
**一、智能化改造类**
◆1.设备投资补助
【支持对象】区内规模以上工业企业。
【申报条件】
●项目设备投资额不低于500万元；
●项目于2061年1月1日（含）至2061年12月31日（含）期间完成。
【奖励标准】按设备投资额的8%给予补助,单个项目最高不超过200万元。
◆2.上云奖励(免申即享)
【奖励标准】对新认定的五星级上云企业奖励20万元。
"""


def test_an_articles_bullets_before_its_numbered_items(tmp_path):
    path = write(tmp_path, "guide_2062.txt", ARTICLE)
    d = draft_guide(path, year=2062)
    progs = by_title(d)
    assert set(progs) == {"设备投资补助", "上云奖励"}
    equip = progs["设备投资补助"]
    assert (equip["rate"], equip["cap"]) == (D("0.08"), D("200"))
    assert any(t["op"] == ">=" and t["value"] == D("500") for t in equip["thresholds"])
    assert progs["上云奖励"]["no_application"] is True
    assert_cited(d, tmp_path)


def test_a_year_of_an_act_before_or_after_it_is_a_window_of_that_year():
    from subsidykit.authoring.clauses import parse_conditions

    def windows(text):
        return [(t["op"], t["value"]) for t in parse_conditions([(1, text)], "g.txt").data.get("thresholds", [])]

    year = ("between", ["2063-01-01", "2063-12-31"])
    assert windows("2063年度实施完成的数字化改造项目。") == [year]
    assert windows("2063年度经市级以上认定的首版次软件。") == [year]
    assert windows("项目须于2063年内开工建设。") == [year]
    assert windows("入选2063年度江苏省绿色工厂名单的企业。") == [year]
    # a preference is no condition; a year that dates a quantity is no window
    assert windows("优先支持列入2063年度省重点项目清单的项目。") == []
    assert windows("2063年度营业收入不低于3000万元。") == [(">=", D("3000"))]


BASES = """\
2064年度示范省中小企业专项资金申报指南
一、支持内容
（一）创业创新示范基地建设项目
1.支持对象。新认定的国家级、省级示范基地运营单位。
2.支持条件。示范基地建筑面积1万平方米以上。
3.支持标准。
（1）国家级示范基地创建奖励（免申即享）。对新认定为国家级示范基地的运营单位，一次性奖励120万元。
（2）省级示范基地能力提升。对新认定的省级示范基地，按不超过其服务能力建设投入的30%予以补助，最高不超
过80万元。
4.支持数量。不超过30个（其中国家级示范基地创建奖励不超过2个）。
（二）公共服务平台奖励项目
1.支持标准。
（1）国家级。奖励60万元。
（2）省级。奖励25万元。
"""


def test_named_classes_in_a_award_section_are_programs_and_grades_are_tiers(tmp_path):
    path = write(tmp_path, "guide_2064.txt", BASES)
    d = draft_guide(path, year=2064)
    progs = by_title(d)
    national, provincial = progs["国家级示范基地创建奖励"], progs["省级示范基地能力提升"]
    assert national["no_application"] is True and national["fixed"] == D("120")
    assert (provincial["rate"], provincial["cap"]) == (D("0.3"), D("80"))
    assert national["quota"]["value"] == D("2")
    # "（1）国家级。奖励60万元。" names a grade: tiers of the one program
    platform = progs["公共服务平台奖励项目"]
    assert sorted(v.get("fixed") for v in platform["variants"]) == [D("25"), D("60")]
    assert "国家级" not in progs and "省级" not in progs
    assert_cited(d, tmp_path)


LIST_TABLE = (
    "2097年度示范省中小企业专项资金申报指南\n\n"
    "表1  2097年度示范省中小企业专项资金支持一览表\n\n"
    "序号\t支持方向\t支持对象及条件\t支持标准\t支持数量\n"
    "一、梯度培育\n"
    "1\t创新型企业研发后补助\t2096年度研发费用不低于\t按研发费用增量的8%给予\t不超过40个\n"
    "\t\t150万元的创新型中小企业。\t后补助，单户最高60万元。\n"
    "2\t公共服务平台奖补\t2096年度服务企业不少于\t按服务支出的25%予以奖补，\t不超过12个\n"
    "\t（免申直达）\t200家的省级示范平台。\t最高不超过90万元。\n"
    "\n- 4 -\n\n"
    "序号  支持方向              支持对象及条件              支持标准                  支持数量\n"
    "3     融资担保降费奖补      2096年度担保费率不高于      按新增担保额的1%给予奖    不超过9家\n"
    "                            1.5%的融资担保机构。        补，单个机构最高200万元。\n"
    "\n二、其他事项\n\n本指南由省工信厅负责解释。\n"
)


def test_a_list_table_by_direction_with_a_quota_column_across_tab_and_spaced_pages(tmp_path):
    d = drafted(tmp_path, LIST_TABLE, 2097)
    progs = by_title(d)
    assert sorted(progs) == ["公共服务平台奖补", "创新型企业研发后补助", "融资担保降费奖补"]
    a, b, c = progs["创新型企业研发后补助"], progs["公共服务平台奖补"], progs["融资担保降费奖补"]
    assert (a["rate"], a["cap"], a["quota"]["value"]) == (D("0.08"), D("60"), D("40"))
    assert (b["rate"], b["cap"], b["quota"]["value"], b.get("no_application")) == (D("0.25"), D("90"), D("12"), True)
    assert (c["rate"], c["cap"], c["quota"]["value"]) == (D("0.01"), D("200"), D("9"))
    assert [(t["op"], t["value"]) for t in a["thresholds"]] == [(">=", D("150"))]


def test_a_list_table_all_in_tabs_lines_its_cells_up_by_their_widest_field(tmp_path):
    only_tabs = LIST_TABLE.split("\n- 4 -")[0] + "\n\n二、其他事项\n\n本指南由省工信厅负责解释。\n"
    d = draft_guide(write(tmp_path, "guide_2097.txt", only_tabs), year=2097)
    assert_cited(d, tmp_path)
    progs = by_title(d)
    assert sorted(progs) == ["公共服务平台奖补", "创新型企业研发后补助"]
    assert progs["公共服务平台奖补"]["quota"]["value"] == D("12")
    assert progs["创新型企业研发后补助"]["cap"] == D("60")


def test_the_sentence_over_a_list_table_gives_every_row_its_conditions(tmp_path):
    text = LIST_TABLE.replace("表1  2097年度", "下列事项的申报单位须成立满3年。\n\n表1  2097年度")
    d = draft_guide(write(tmp_path, "guide_2097.txt", text), year=2097)
    assert_cited(d, tmp_path)
    progs = by_title(d)
    for title in ("公共服务平台奖补", "创新型企业研发后补助", "融资担保降费奖补"):
        got = [(t["op"], t["value"], t["unit"]) for t in progs[title]["thresholds"]]
        assert (">=", D("3"), "年") in got, title


def test_a_band_table_set_one_space_apart_never_pays_the_band_edge():
    # a PDF's table, cells one space apart, the edge's number wrapped onto a line of its own:
    # the number after "突破" is the band's condition; the award is the sum after it
    from subsidykit.authoring.clause_tables import read_tier_table

    rows = ["对年营业收入首次跨越以下节点的企业给予一次性奖励：", "档次 认定条件 奖励标准",
            "一档 年营业收入首次突破 3 亿元 15 万元", "二档 年营业收入首次突破 30 亿", "元", "45 万元",
            "三档 年营业收入首次突破 90 亿", "元", "150 万元"]
    p = read_tier_table([(i + 1, r) for i, r in enumerate(rows)], "g.txt")
    assert [v["fixed"] for v in p.data["variants"]] == [D("15"), D("45"), D("150")]
    edges = [[(t["op"], t["value"]) for t in v["thresholds"]] for v in p.data["variants"]]
    assert edges == [[(">=", D("30000"))], [(">=", D("300000"))], [(">=", D("900000"))]]
    assert not p.todo


def test_a_record_tables_items_starting_on_the_labels_row_are_programs(tmp_path):
    # one two-column 项目简表 per program, tab-separated: the 支持标准 cell's first item on the
    # label's own row, the next items on rows of their own; "对标…项目" is a class's name
    text = ("2099年度示范市标准化专项资金申报指南\n\n一、标准化\n\n表1　标准化提升项目\n"
            "项目名称\t标准化提升项目\n申报条件\t配备专职标准化人员不少于2人。\n"
            "支持标准\t（1）标准化试点项目。通过验收的，奖励20万元。\n"
            "\t（2）对标达标提升项目。按不超过对标投入的8%予以补助，单个\n\t项目最高不超过40万元。\n"
            "支持数量\t不超过20个。\n")
    progs = by_title(drafted(tmp_path, text, 2099))
    assert progs["标准化试点项目"]["fixed"] == D("20")
    assert (progs["对标达标提升项目"]["rate"], progs["对标达标提升项目"]["cap"]) == (D("0.08"), D("40"))
    assert progs["标准化提升项目"]["quota"]["value"] == D("20")
