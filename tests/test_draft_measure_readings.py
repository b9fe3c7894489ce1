"""The drafter (issue 17) on measures whose money stands in a table, a 分别 list or a year of
an act the vocabulary did not know.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

from decimal import Decimal as D

from test_draft_guides import by_title, drafted

from subsidykit.authoring.clauses import parse_conditions

HEAD = "2097年度示范市数字化转型专项资金申报指南\n\n一、加快数字化转型\n\n"


def test_a_measure_whose_amounts_stand_in_a_table_headed_per_enterprise_is_a_program(tmp_path):
    # "奖励标准（万元/家）": the unit of the column carries "per enterprise"; the measure must
    # not be passed over because its prose names no sum
    body = ("（一）企业上云奖励（免申即享）\n"
            "对2096年度新评定的星级上云企业，按所评星级给予一次性奖励，奖励标准见下表：\n"
            "评定星级 | 奖励标准（万元/家） | 备注\n"
            "五星级上云企业 | 25 | 限工业企业\n"
            "四星级上云企业 | 9 | 限工业企业\n"
            "三星级上云企业 | 3 | 工业及软件企业\n"
            "注：企业当年跨星晋升的，按所获最高星级给予奖励，不重复累计。\n\n"
            "（二）数据贯标奖励\n"
            "对2096年通过数据管理能力成熟度评估的企业，获得稳健级的奖励15万元。\n")
    progs = by_title(drafted(tmp_path, HEAD + body, 2097))
    cloud = progs["企业上云奖励"]
    assert cloud.get("no_application") is True
    got = {v["name"]: v.get("unit_amount") or v.get("fixed") for v in cloud["variants"]}
    assert got == {"五星级上云企业": D("25"), "四星级上云企业": D("9"), "三星级上云企业": D("3")}
    assert progs["数据贯标奖励"]["fixed"] == D("15")


def test_a_measure_paying_two_levels_by_fenbie_an_standard_is_a_program(tmp_path):
    # "分别按 200 万元、80 万元标准…给予一次性奖励", wrapped and letter-spaced as PDF text gives it:
    # a measure of its own with one sum per level
    body = ("（二）人才服务\n\n"
            "1. 人才市场引进奖励。对新引进并实际运营满 1 年的全国人才服务机构综合实力前 50 名企业，\n"
            "每家给予 40 万元落户奖励。\n\n"
            "2. 人才服务园区奖励。对 2096 年度新获批的国家级、省级\n"
            "人才服务园区，分别按 150 万元、60 万元标准对园区运营主体给予一次性奖励。\n")
    progs = by_title(drafted(tmp_path, HEAD + body, 2097))
    park = progs["人才服务园区奖励"]
    got = sorted(v["fixed"] for v in park["variants"])
    assert got == [D("60"), D("150")]
    windows = [t["value"] for t in park.get("thresholds") or [] if t["op"] == "between"]
    assert ["2096-01-01", "2096-12-31"] in windows


def test_a_year_of_going_into_operation_or_use_is_a_window_of_that_year():
    p = parse_conditions([(1, "项目须于2096年度内投入运行并经第三方机构节能量审核。"),
                          (2, "设备于2096年内投入使用。"),
                          (3, "2095年度内交付使用的厂房。")], "g.txt")
    got = sorted((t["field"], tuple(t["value"])) for t in p.data["thresholds"])
    assert got == [("完工日期", ("2095-01-01", "2095-12-31")),
                   ("完工日期", ("2096-01-01", "2096-12-31")),
                   ("完工日期", ("2096-01-01", "2096-12-31"))]


RULES_AND_GUIDE = """示范市首台（套）装备推广实施细则

第一章  总则

第一条  为鼓励企业研制和使用首台（套）装备，制定本细则。
第二条  本细则所称专项资金，是指市级财政安排的专项资金。

第二章  支持内容和标准

第三条  对本市企业研制并经认定的首台（套）装备，按认定
级别给予研制单位一次性奖励：通过国家级认定的，奖励 200 万
元；通过省级认定的，奖励 60 万元。
对本市企业购买使用首台（套）装备的，按不超过采购金额的
12% 给予使用单位补助，单个企业年度补助最高不超过 150 万元。
每台装备只补助一次。
对研制单位投保首台（套）装备综合保险的，按不超过年度实际
缴纳保费的 70% 给予保费补贴，单个企业年度补贴最高不超过 90
万元。
对新建检测实验室首次获得国家认可的，一次性奖励 12 万元。
第四条  支持首版次软件推广应用：
（一）对经认定的国家级首版次软件产品，奖励 40 万元；
（二）对本市企业购买使用首版次软件的，按不超过合同金额的
25% 给予补助，单个项目最高不超过 80 万元。

第三章  附则

第五条  本细则由市工业和信息化局负责解释。

附件2

2097年度首台（套）装备推广申报指南

一、申报项目

1.首台（套）装备推广应用补助
依据：《实施细则》第三条第二款。
支持条件：采购合同于 2096 年 1 月 1 日（含）至 2096 年 12 月
31 日（含）期间签订。
补助标准：按《实施细则》第三条第二款执行。首次拨付补助资金
总额的 60%，项目验收后拨付剩余资金。
支持数量：不超过 15 个。

2.首台（套）装备综合保险补贴
依据：《实施细则》第三条第三款。
补贴标准：补贴比例按《实施细则》第三条第三款执行。本年度单个
企业补贴最高不超过 60 万元。

3.检测实验室认可奖励
依据：《实施细则》第三条第四款。
奖励标准：按《实施细则》第三条第四款执行。

4.首版次软件推广应用补助
奖励标准：按《实施细则》第四条第（二）项执行。
支持数量：不超过 8 个。
"""


def test_a_guide_program_takes_the_money_of_the_article_paragraph_or_item_it_names(tmp_path):
    progs = by_title(drafted(tmp_path, RULES_AND_GUIDE, 2097))
    use = progs["首台（套）装备推广应用补助"]
    # 第三条第二款: 12% of the purchase, at most 150 万元, cited at the article's lines
    assert (use["kind"], use["rate"], use["cap"]) == ("rate_cap", D("0.12"), D("150"))
    assert use["source"]["lines"][0] == 13
    assert use["first_payment"]["share"] == D("0.6") and use["quota"]["value"] == D("15")
    # 第四条第（二）项: 25%, at most 80 万元
    soft = progs["首版次软件推广应用补助"]
    assert (soft["rate"], soft["cap"], soft["quota"]["value"]) == (D("0.25"), D("80"), D("8"))


def test_the_paragraph_counted_one_off_by_a_sentence_closing_a_line_is_found_by_what_it_speaks_of(tmp_path):
    # "每台装备只补助一次。" closes at a line's end and goes on with the second 款: counted as a
    # 款 of its own, the 第四款 would be the 保险 one — never its numbers for the 实验室 program
    progs = by_title(drafted(tmp_path, RULES_AND_GUIDE, 2097))
    lab = progs["检测实验室认可奖励"]
    assert lab["fixed"] == D("12")
    assert "rate" not in lab


def test_a_sum_the_guide_sets_for_the_year_is_kept_and_the_articles_rule_is_listed_to_do(tmp_path):
    progs = by_title(drafted(tmp_path, RULES_AND_GUIDE, 2097))
    insure = progs["首台（套）装备综合保险补贴"]
    # the year's 60 万元 stands; the article's 70% and 90 万元 are not merged into one reading
    assert insure["cap"] == D("60") and "rate" not in insure
    assert any("第三条第三款" in (t.get("note") or "") for t in insure["todo"])


LAYOUT = """示范市2097年度集成电路产业发展专项资金申报通知

三、支持内容和标准

（一）重大产业化项目

     1. 新型显示模组产业化项目
     支持条件：项目计划总投资不低于8亿元，2096年度完成设备投入（不含税）不低于
2亿元。
     补助标准：按不超过2096年度设备投入的5%予以补助，单个项目最高不超过5000万元。
     支持数量：不超过6个（其中，模组项目不超过3个）。

（二）研发创新项目

     2. 流片补助项目
     支持条件：本市设计企业于2096年1月1日（含）至2096年12月31日（含）期间开展流片。
     补助标准：按实际支付的流片费用分类予以补助，具体标准见表1。

                          表1  流片补助标准

   流片类别          工艺节点            补助比例      单个企业年度补助上限
   MPW流片           14纳米及以下        45%           280万元
                     14纳米以上          35%           140万元
   工程批流片        14纳米及以下        25%           900万元
                     14纳米以上          15%           450万元

     支持数量：不超过30家企业。
"""


def test_a_floor_said_before_the_next_condition_is_no_benefit_of_its_own(tmp_path):
    # "项目计划总投资不低于8亿元，2096年度完成…": the investment is who may apply, never a
    # second measure "计划总投资" beside the grant
    progs = drafted(tmp_path, LAYOUT, 2097).programs
    module = [p for p in progs if p["title"] == "新型显示模组产业化项目"]
    assert len(module) == 1
    p = module[0]
    assert (p["kind"], p["rate"], p["cap"], p["quota"]["value"]) == ("rate_cap", D("0.05"), D("5000"), D("6"))
    assert {"项目总投入": D("80000")}.items() <= {t["field"]: t["value"] for t in p["thresholds"]}.items()
    # the part of the quota in brackets after it: the class it names, at most 3
    parts = {v["name"]: v["quota"]["value"] for v in p.get("variants") or [] if v.get("quota")}
    assert parts == {"模组项目": D("3")}


def test_a_layout_table_with_a_rate_and_a_cap_column_gives_one_class_per_row(tmp_path):
    progs = by_title(drafted(tmp_path, LAYOUT, 2097))
    tape = progs["流片补助项目"]
    got = sorted((v["rate"], v["cap"]) for v in tape["variants"])
    # every row: its rate with its cap; the cap column never a set award, the merged first
    # cell never pushing 14纳米以上 into the class column
    assert got == [(D("0.15"), D("450")), (D("0.25"), D("900")), (D("0.35"), D("140")), (D("0.45"), D("280"))]
    assert all("fixed" not in v for v in tape["variants"])
    # "支持数量：不超过30家企业" under a table whose header says "单个企业…": the quota
    assert tape["quota"]["value"] == D("30")


def test_a_labelled_program_over_classes_keeps_its_conditions_and_its_closing_quota(tmp_path):
    # a .docx saved as text, the programs under a part named "支持内容和补助标准": the program's
    # lines open with labels (no headings of their own there); its 补助标准 lists two classes
    # that are programs of their own; "支持数量：" after them is the program's, never the last
    # class's (which would then hold the total 35 as its own quota)
    text = ("示范县2097年度传统产业转型升级政策兑现申报指南\n\n"
            "二、支持内容和补助标准\n\n"
            "（一）智能化改造\n\n"
            "　　1.设备更新改造项目\n"
            "　　支持条件：\n"
            "　　（1）项目于2096年1月1日（含）至2096年12月31日（含）期间竣工投产；\n"
            "　　（2）设备购置发票开具日期在2095年1月1日（含）以后。\n"
            "　　补助标准：按项目类别分档给予补助，同一项目只能选择一个类别申报。\n"
            "　　（1）重大技改项目。设备投入2500万元以上的，按设备投入的7%给予补助，单个项目最高不超过350万元。\n"
            "　　（2）一般技改项目。设备投入200万元（含）以上、不足2500万元的，按设备投入的5%给予补助，单个项目最高不超过100万元。\n"
            "　　支持数量：不超过35个，其中重大技改项目不超过8个。\n"
            "　　2.智能工厂建设项目（免申即享）\n"
            "　　对2096年度新认定的省级智能工厂，一次性奖励50万元。\n")
    progs = by_title(drafted(tmp_path, text, 2097))
    parent, big, small = progs["设备更新改造项目"], progs["重大技改项目"], progs["一般技改项目"]
    assert parent["quota"]["value"] == D("35")
    windows = [t["value"] for t in parent["thresholds"] if t["op"] == "between"]
    assert ["2096-01-01", "2096-12-31"] in windows
    assert (big["rate"], big["cap"], big["quota"]["value"]) == (D("0.07"), D("350"), D("8"))
    assert (small["rate"], small["cap"]) == (D("0.05"), D("100"))
    assert "quota" not in small
    # the program's conditions are every class's too
    assert ["2096-01-01", "2096-12-31"] in [t["value"] for t in small["thresholds"] if t["op"] == "between"]
    assert progs["智能工厂建设项目"]["fixed"] == D("50")


PAGE = """首页 | 政务公开 | 通知公告
当前位置：首页 > 政务公开 > 通知公告

关于组织开展2097年度示范区科技型企业政策兑现工作的通知

发布时间：2097-03-18　　来源：示范区科技局　　浏览次数：1288
字号：[ 大 中 小 ]　　[打印]

各有关企业：
　　现就2097年度政策兑现工作有关事项通知如下。

　　一、兑现项目及标准

　　1.高新技术企业认定奖励（免申即享）
　　支持条件：2096年度首次认定为高新技术企业。
　　兑现标准：给予一次性奖励20万元。

　　2.研发投入增长奖励
　　支持条件：2096年度研发费用总额不低于300万元。
　　兑现标准：按研发费用增量的10%给予奖励，最高不超过50万元。
　　支持数量：不超过20家。

示范区科技局
2097年3月15日

{foot}
2097年度示范区惠企政策兑现服务指南（图解）

网站地图 | 联系我们
主办单位：示范区管理委员会　　联系电话：0517-86510000
"""


def test_a_guide_title_linked_at_a_web_pages_foot_is_no_part_of_the_notice(tmp_path):
    progs = by_title(drafted(tmp_path, PAGE.replace("{foot}", "【打印本页】　　【关闭窗口】\n\n相关链接"), 2097))
    assert progs["高新技术企业认定奖励"]["fixed"] == D("20")
    grow = progs["研发投入增长奖励"]
    assert (grow["rate"], grow["cap"], grow["quota"]["value"]) == (D("0.1"), D("50"), D("20"))


def test_titles_that_frame_no_program_give_way_to_the_whole_text_and_the_draft_says_so(tmp_path):
    # a title line nobody marks as a link ("扫码查看" is no page furniture the drafter knows):
    # its part holds no program, so the whole text is drafted, with a todo saying why
    d = drafted(tmp_path, PAGE.replace("{foot}", "扫码查看图解："), 2097)
    progs = by_title(d)
    assert progs["高新技术企业认定奖励"]["fixed"] == D("20")
    assert "未找到任何项目" in d.document["todo"][0]["note"]


def test_a_policy_pasted_after_a_pages_foot_under_its_attachment_line_is_a_part_of_its_own(tmp_path):
    # a working copy of several web pages: "【关闭窗口】" ends one, "附件2" and a policy's title
    # open the next, whose measures are programs (never a link's title under the foot)
    text = PAGE.replace("{foot}", "【打印本页】　　【关闭窗口】\n\n附件2\n\n示范区促进数字经济发展专项政策\n\n"
                                  "一、支持数字化改造\n\n1.数字化车间奖励。对2096年度新认定的市级数字化车间，给予一次性奖励30万元。\n")
    d = drafted(tmp_path, text, 2097)
    progs = by_title(d)
    assert progs["数字化车间奖励"]["fixed"] == D("30")
    # the policy's title framed a short part, the notice above it held more programs: the whole
    # text is drafted (with a todo saying so), the notice's programs with it
    assert progs["研发投入增长奖励"]["cap"] == D("50")


def test_a_year_before_an_office_that_acted_insuring_in_full_or_a_part_played_is_a_window():
    p = parse_conditions([(1, "2095年度经江苏省工业和信息化厅新认定为专精特新中小企业。"),
                          (2, "在2095年度足额投保安全生产责任保险。"),
                          (3, "2096 年度作为第一起草单位主导制定国家标准。"),
                          (4, "2094年度经工业和信息化部等部门批复建设的平台。")], "g.txt")
    got = sorted(tuple(t["value"]) for t in p.data["thresholds"] if t["op"] == "between")
    assert got == [("2094-01-01", "2094-12-31"), ("2095-01-01", "2095-12-31"),
                   ("2095-01-01", "2095-12-31"), ("2096-01-01", "2096-12-31")]


LAYOUT_TIERS = """    示范市化工产业绿色安全转型奖补资金申报通知                  示工信发〔2097〕8号

三、支持项目和标准

    （一）本质安全提升类

        1.安全风险等级下降奖励（免申即享）
        支持条件：化工生产企业经2096年度安全风险评估，风险等级较上年下降。
        补助标准：按表1标准给予一次性奖励。

                      表1  安全风险等级下降奖励标准

           等级变化情况                奖励金额（万元）      核定依据
           由红色（重大风险）                 45           年度安全风险
           降为橙色（较大风险）                            评估报告
           由橙色（较大风险）                 28           年度安全风险
           降为黄色（一般风险）                            评估报告

        2.公共服务设施建设项目
        支持条件：项目建设投资不低于3000万元。
        补助标准：按不超过项目建设投资的30%予以补助，单个项目一般不

                                    — 2 —
    示范市化工产业绿色安全转型奖补资金申报通知                  示工信发〔2097〕8号

    超过450万元。
        支持数量：不超过2个。

                                    — 3 —
    示范市化工产业绿色安全转型奖补资金申报通知                  示工信发〔2097〕8号

    示范市工业和信息化局
"""


def test_a_layout_table_whose_labels_wrap_onto_a_second_line_and_a_running_header_with_its_number(tmp_path):
    progs = by_title(drafted(tmp_path, LAYOUT_TIERS, 2097))
    # rows whose second line holds a label and a note, one gap apart, keep their columns
    got = sorted(v.get("fixed") for v in progs["安全风险等级下降奖励"]["variants"])
    assert got == [D("28"), D("45")]
    # "示范市…申报通知   示工信发〔2097〕8号" on every page is furniture: the cap goes on after it
    assert progs["公共服务设施建设项目"]["cap"] == D("450")



def test_a_title_that_frames_little_of_the_text_and_few_programs_gives_way_to_the_whole_text(tmp_path):
    # the title framed a short part with one measure of its own at the page's foot; the notice
    # above it holds the programs: the whole text is drafted, nothing of the notice lost
    foot = "扫码查看图解：\n2097年度示范区惠企政策兑现服务指南（图解）\n\n一、图解说明\n\n1.企业上云奖励。对星级上云企业给予一次性奖励5万元。\n"
    d = drafted(tmp_path, PAGE.replace("{foot}", foot), 2097)
    progs = by_title(d)
    assert progs["研发投入增长奖励"]["cap"] == D("50") and progs["高新技术企业认定奖励"]["fixed"] == D("20")
    assert "只找到1个项目" in d.document["todo"][0]["note"] and "按全文起草" in d.document["todo"][0]["note"]


def test_label_lines_under_a_part_named_for_the_standards_are_sections_and_a_table_announced_in_one_is_the_award(tmp_path):
    # "二、支持内容和补助标准" over the programs is a part, not the programs' 补助标准: the label
    # lines under each program are its sections; "奖励标准如下：" at the end of its 支持对象
    # announces the table below, which is the award
    text = ("示范县2097年度传统产业转型升级政策兑现申报指南\n\n"
            "二、支持内容和补助标准\n\n"
            "（一）创新能力提升\n\n"
            "　　1.创新载体建设奖励\n"
            "　　政策依据：《若干政策措施》第七条。\n"
            "　　支持对象：2096年度新认定企业技术中心、工业设计中心的企业。奖励标准如下：\n"
            "载体类别\t认定级别\t奖励金额（万元）\n"
            "企业技术中心\t国家级\t90\n"
            "企业技术中心\t省级\t35\n"
            "工业设计中心\t国家级\t70\n"
            "　　由低层级晋升为高层级的，按差额给予奖励。\n"
            "　　2.质量标杆企业奖励项目（免申即享）\n"
            "　　对2096年度新获评省级质量标杆的企业，一次性奖励15万元。\n\n"
            "（二）高技术船舶\n\n"
            "　　1.高技术船舶首制船奖励项目\n"
            "【支持对象】在本市总装建造并完成交付的高技术船舶首制船。\n"
            "【支持标准】按单船合同金额的1%给予一次性奖励，单船奖励封顶400万元。\n"
            "【支持数量】不超过8艘。\n")
    progs = by_title(drafted(tmp_path, text, 2097))
    got = sorted(v.get("fixed") for v in progs["创新载体建设奖励"]["variants"])
    assert got == [D("35"), D("70"), D("90")]
    assert progs["质量标杆企业奖励项目"]["fixed"] == D("15")
    ship = progs["高技术船舶首制船奖励项目"]
    assert (ship["rate"], ship["cap"], ship["quota"]["value"]) == (D("0.01"), D("400"), D("8"))


CELLS = """2097年度示范市绿色低碳专项资金申报指南

二、绿色制造体系建设
（一）绿色制造示范单位奖励（免申即享）
对2096年度新获评国家级、省级绿色制造示范单位的企业，按表1标准给予一次性奖励。
表1 绿色制造示范单位奖励标准
序号
示范类别
级别
奖励标准
（万元）
1
绿色工厂
国家级
70
2
省级
25
3

— 7 —

绿色供应链管理企业
国家级
55
4
省级
15
同一单位同一年度获评多项的，按就高原则给予一次奖励。
（二）用户侧新型储能项目
1.支持条件。储能设施额定容量不低于2000千瓦时。
2.补助标准。按储能设施额定容量给予一次性补助，标准见表
2，单个项目最高不超过180万元。
表2 用户侧新型储能项目补助标准
储能技术类型
补助标准

— 10 —

（元/千瓦时）
锂离子电池储能
90
液流电池储能
140
3.支持数量。不超过12个。
（三）链式改造项目
1.支持条件。项目总投入不低于1亿元。
2.补助标准。按项目投资主体类型分类予以补助：
（1）链主企业延链项目。按不超过项目总投入的7%予以补助，单个项目支持额
度最高不超过2500万元，首次拨付补助资金总额的50%。
（2）配套企业补链项目。按不超过项目总投入的11%予以补助，单个项目支持额

— 11 —

度最高不超过1800万元，首次拨付补助资金总额的60%。
3.支持数量。不超过20个。
"""


def test_tables_one_cell_per_line_with_merged_cells_units_under_headers_and_page_lines(tmp_path):
    progs = by_title(drafted(tmp_path, CELLS, 2097))
    # an index column, the category cell merged over two rows, the unit under the last header
    # cell, a page line inside a row; "奖励标准" is a header cell, never a section
    got = {v["name"]: v["fixed"] for v in progs["绿色制造示范单位奖励"]["variants"]}
    assert sorted(got.values()) == [D("15"), D("25"), D("55"), D("70")]
    assert got["绿色工厂·省级"] == D("25")
    # a two-column table whose unit "（元/千瓦时）" stands after a page line: 元 per 千瓦时; the
    # lead's "单个项目最高不超过180万元" is every class's cap
    store = progs["用户侧新型储能项目"]
    assert sorted((v["unit_amount"], v["unit"]) for v in store["variants"]) == [(D("0.009"), "千瓦时"), (D("0.014"), "千瓦时")]
    assert store["cap"] == D("180") and store["quota"]["value"] == D("12")


def test_an_items_words_after_a_page_line_are_its_own_never_a_closing_paragraph_of_all_items(tmp_path):
    progs = by_title(drafted(tmp_path, CELLS, 2097))
    lead, fill = progs["链主企业延链项目"], progs["配套企业补链项目"]
    assert (lead["rate"], lead["cap"], lead["first_payment"]["share"]) == (D("0.07"), D("2500"), D("0.5"))
    assert (fill["rate"], fill["cap"], fill["first_payment"]["share"]) == (D("0.11"), D("1800"), D("0.6"))


def test_two_cases_after_a_semicolon_one_a_share_the_other_a_sum_per_booth_are_two_classes():
    from subsidykit.authoring.clauses import parse_award

    p = parse_award([(1, "参加境内重点展会的，按实际展位费的40%给予补助；参加境外重点展会的，按每个标准展位（9平方米）6000元给予补助。单个企业年度补助最高不超过4万元。")], "g.txt")
    got = {v["name"]: (v["kind"], v.get("rate") or v.get("unit_amount")) for v in p.data["variants"]}
    assert sorted(got.values()) == [("per_unit", D("0.6")), ("rate_cap", D("0.4"))]
    assert p.data["cap"] == D("4")


def test_a_limit_per_enterprise_wrapped_over_two_lines_is_no_quota(tmp_path):
    # "单个企" / "业年度获奖产品不超过2个": a limit on each applicant, hard-wrapped; never the
    # program's number of awards
    text = ("2097年度示范县专精特新专项资金申报指南\n\n二、创新产品\n\n"
            "    （七）首台（套）产品奖励\n"
            "    1.支持条件。2096年度通过省级认定的首台（套）重大装备，且该产品2096\n"
            "年度销售收入不低于100万元。\n"
            "    2.奖励标准。首台（套）重大装备每个产品奖励25万元。单个企\n"
            "业年度获奖产品不超过2个。\n")
    prog = by_title(drafted(tmp_path, text, 2097))["首台（套）产品奖励"]
    assert "quota" not in prog
