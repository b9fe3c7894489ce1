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
