"""Award tables in a 补助标准: subsidykit/authoring/clause_tables.py (`read_tier_table`, and
`read_program_table` for tables whose rows are programs).

Fragments written here, in the shapes a clerk receives a guide's table after PDF/DOCX extraction
(one cell per line, pipe rows, tab rows, `pdftotext -layout` columns, matrices), with page lines,
repeated headers, wrapped labels and merged cells.  Every test checks, besides the data, that
each quote of the result stands at its lines of the fragment written to a file
(`catalog.sources.quote_problem`) and that every number written stands in its own quote
(`authoring.draft.number_in_quote`): no number is invented.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from subsidykit.authoring.clause_tables import read_program_table, read_tier_table
from subsidykit.authoring.draft import number_in_quote
from subsidykit.catalog import Source
from subsidykit.catalog.sources import quote_problem

D = Decimal
FILE = "guide.txt"
_CALLS = iter(range(1_000_000))


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------
from test_draft_clauses import section, sources  # noqa: E402  (one home for the test helpers)


def numbers_stand(data: dict) -> None:
    """Every amount, threshold and quota value stands in the quote it is cited with."""
    for v in [data, *data.get("variants", [])]:
        if "source" not in v:
            continue
        for key in ("fixed", "cap", "rate", "unit_amount"):
            if key in v:
                assert number_in_quote(v[key], v["source"]["text"]), (v["name"], key, v[key], v["source"]["text"])
        for t in v.get("thresholds", []):
            assert number_in_quote(t["value"], t["source"]["text"]), (t, v["name"])
    for q in data.get("variant_quotas", []):
        assert number_in_quote(q["value"], q["source"]["text"]), q


def table(text: str, tmp_path: Path, first: int = 1):
    """read_tier_table on the fragment; every citation checked against the fragment as a file."""
    p = read_tier_table(section(text, first), FILE)
    if p is None:
        return None
    root = tmp_path / f"f{next(_CALLS)}"
    root.mkdir()
    (root / FILE).write_text("\n" * (first - 1) + text + "\n", encoding="utf-8")
    for src in sources(p.data):
        assert src["file"] == FILE
        problem = quote_problem(Source(file=FILE, lines=tuple(src["lines"]), text=src["text"]), root=root)
        assert problem is None, problem
    for t in p.todo:
        assert set(t) == {"lines", "text", "note"} and t["note"]
        problem = quote_problem(Source(file=FILE, lines=tuple(t["lines"]), text=t["text"]), root=root)
        assert problem is None, problem
    numbers_stand(p.data)
    for v in p.data.get("variants", []):
        assert v["kind"] in ("fixed", "cap_only", "rate_cap", "per_unit")
        for key in ("fixed", "cap", "unit_amount"):
            if key in v:
                assert isinstance(v[key], Decimal) and v[key] > 0
    return p


def tiers(p) -> list[tuple]:
    out = []
    for v in p.data["variants"]:
        amount = v.get("fixed", v.get("cap", v.get("unit_amount")))
        out.append((v["name"], v["kind"], amount))
    return out


def quotes(p) -> list[str]:
    return [v["source"]["text"] for v in p.data["variants"]]


def conds(v: dict) -> list[tuple]:
    return [(t["field"], t["op"], t["value"]) for t in v.get("thresholds", [])]


# ------------------------------------------------------------------------------------------
# 1. one cell per line
# ------------------------------------------------------------------------------------------
ONE_PER_LINE = """按设备投入规模分档给予奖励，具体标准如下：
档次
设备投入（不含税）
奖励金额

第一档
500万元（含）—1000万元
30万元
第二档
1000万元（含）—3000万元

第 2 页 共 11 页

档次
设备投入（不含税）
奖励金额
50万元
第三档
3000万元（含）以上
最高不超过100万元
同一企业同时符合多档的，按就高原则奖励，不重复支持。"""


def test_one_cell_per_line_with_bands_a_page_break_inside_a_row_and_the_header_repeated(tmp_path):
    p = table(ONE_PER_LINE, tmp_path)
    assert tiers(p) == [("第一档", "fixed", D("30")), ("第二档", "fixed", D("50")), ("第三档", "cap_only", D("100"))]
    assert quotes(p) == ["第一档……30万元", "第二档……50万元", "第三档……最高不超过100万元"]
    v1, v2, v3 = p.data["variants"]
    assert v1["source"]["lines"] == [6, 8]
    assert v2["source"]["lines"] == [9, 17]  # the row runs over the page break and the repeated header
    assert conds(v1) == [("设备投入", ">=", D("500")), ("设备投入", "<", D("1000"))]
    assert conds(v2) == [("设备投入", ">=", D("1000")), ("设备投入", "<", D("3000"))]
    assert conds(v3) == [("设备投入", ">=", D("3000"))]
    assert v1["thresholds"][0]["source"]["text"] == "设备投入（不含税）……500万元（含）—1000万元"
    assert "设备投入（不含税）" in v1["thresholds"][0]["note"]
    # the whole table, over the page line
    assert p.data["source"]["lines"] == [1, 20]
    assert "……档次设备投入（不含税）奖励金额50万元" in p.data["source"]["text"]
    assert "表格" in p.data["note"]
    # the sentence after the table is not lost
    assert p.todo == [{"lines": [21, 21], "text": "同一企业同时符合多档的，按就高原则奖励，不重复支持。", "note": "表格后的说明，未转为数据。"}]


def test_one_cell_per_line_matrix_with_a_blank_corner_full_width_digits_and_a_bare_page_number(tmp_path):
    text = "对通过评价的服务平台分档给予奖补（单位：万元）：\n国家级\n省级\n市级\n企业技术中心\n２００\n5 0\n10\n\n9\n\n工业设计中心\n100\n最高30\n—"
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("企业技术中心·国家级", "fixed", D("200")),
        ("企业技术中心·省级", "fixed", D("50")),
        ("企业技术中心·市级", "fixed", D("10")),
        ("工业设计中心·国家级", "fixed", D("100")),
        ("工业设计中心·省级", "cap_only", D("30")),
    ]  # "—": no award for 工业设计中心·市级, and the page number 9 is no amount
    assert quotes(p)[0] == "企业技术中心……２００" and quotes(p)[2] == "企业技术中心……10"
    assert "（单位：万元）" in p.data["note"]
    assert "5010……工业设计中心" in p.data["source"]["text"]  # the page number left out
    assert p.todo == []


# ------------------------------------------------------------------------------------------
# 2. pipe and tab rows
# ------------------------------------------------------------------------------------------
def test_pipe_rows_with_a_separator_a_merged_first_column_and_yi_yuan(tmp_path):
    text = (
        "对2030年度新认定的各级企业技术中心、工业设计中心，按以下标准给予一次性奖励：\n"
        "| 级别 | 载体类型 | 奖励金额 |\n"
        "|------|----------|----------|\n"
        "| 国家级 | 企业技术中心、工业设计中心 | 200万元 |\n"
        "| 省级 | 企业技术中心、工业设计中心 | 5０万元 |\n"
        "|  | 制造业创新中心 | 0.1亿元 |"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国家级·企业技术中心、工业设计中心", "fixed", D("200")),
        ("省级·企业技术中心、工业设计中心", "fixed", D("50")),
        ("省级·制造业创新中心", "fixed", D("1000")),
    ]
    assert quotes(p) == ["国家级|企业技术中心、工业设计中心|200万元", "省级|企业技术中心、工业设计中心|5０万元", "省级……制造业创新中心|0.1亿元"]
    assert p.data["variants"][2]["note"] == "0.1亿元 = 1000万元。"
    # the lead's year is a condition the table does not carry: todo, not dropped
    assert [(t["lines"], t["note"]) for t in p.todo] == [([1, 1], "表格前的引导句，其中的数字未转为数据。")]


def test_tab_rows_in_yuan_from_the_lead_and_a_remarks_column(tmp_path):
    text = "对认定的单项冠军企业给予奖励，具体如下（单位：元）：\n级别\t奖励金额\t备注\n国家级\t500000\t含培育企业\n省级\t200000\t"
    p = table(text, tmp_path)
    assert tiers(p) == [("国家级", "fixed", D("50")), ("省级", "fixed", D("20"))]
    assert p.data["variants"][0]["note"] == "500000元 = 50万元。表中备注：含培育企业。"
    assert "（单位：元）" in p.data["note"] and "元" in p.data["note"]
    assert p.todo == []


def test_a_pipe_row_with_an_empty_amount_is_todo(tmp_path):
    text = "奖励标准如下：\n级别 | 奖励金额\n国家级 | 100万元\n省级 | \n市级 | 20万元"
    p = table(text, tmp_path)
    assert tiers(p) == [("国家级", "fixed", D("100")), ("市级", "fixed", D("20"))]
    assert len(p.todo) == 1 and p.todo[0]["lines"] == [4, 4] and "未见金额" in p.todo[0]["note"]


# ------------------------------------------------------------------------------------------
# 3. pdftotext -layout rows
# ------------------------------------------------------------------------------------------
LAYOUT = """对新获评的绿色制造示范单位给予一次性奖励，标准如下：
   类别                  级别        奖励金额          支持数量
   绿色工厂              国家级      100万元           不超过40个
                         省级        50万元            不超过60个
   绿色供应链管理        国家级      80万元            不超过10个
   示范企业
- 9 -
   绿色工业园区          国家级      1 000万元
                         省级        300万元
同一单位获多项认定的，按就高原则奖励，不重复支持。"""


def test_layout_rows_merged_label_wrapped_label_quota_column_and_a_page_line(tmp_path):
    p = table(LAYOUT, tmp_path, first=101)
    assert tiers(p) == [
        ("绿色工厂·国家级", "fixed", D("100")),
        ("绿色工厂·省级", "fixed", D("50")),
        ("绿色供应链管理示范企业·国家级", "fixed", D("80")),
        ("绿色工业园区·国家级", "fixed", D("1000")),
        ("绿色工业园区·省级", "fixed", D("300")),
    ]
    assert quotes(p) == ["绿色工厂国家级100万元", "绿色工厂……省级50万元", "绿色供应链管理国家级80万元……示范企业", "绿色工业园区国家级1000万元", "绿色工业园区……省级300万元"]
    assert [v["source"]["lines"] for v in p.data["variants"]] == [[103, 103], [103, 104], [105, 106], [108, 108], [108, 109]]
    assert "跨行" in p.data["variants"][2]["note"]
    # the quota column is not an amount: it is handed over for the caller to attach
    assert [(q["name"], q["value"], q["source"]["text"]) for q in p.data["variant_quotas"]] == [
        ("绿色工厂·国家级", D("40"), "绿色工厂国家级……不超过40个"),
        ("绿色工厂·省级", D("60"), "绿色工厂……省级……不超过60个"),
        ("绿色供应链管理示范企业·国家级", D("10"), "绿色供应链管理国家级……不超过10个……示范企业"),
    ]
    assert [t["lines"] for t in p.todo] == [[110, 110]]


def test_layout_label_wrapped_onto_the_next_row_and_a_header_unit(tmp_path):
    text = (
        "对入选的示范项目按类别给予补助，具体标准如下：\n"
        "    项目类别                              奖励金额（万元）        备注\n"
        "    先进制造业和现代服务业融合            200\n"
        "    发展试点企业\n"
        "    服务型制造示范企业（平台、\n"
        "    项目）                                80                      首批\n"
        "    国家级工业互联网平台                  1,500"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("先进制造业和现代服务业融合发展试点企业", "fixed", D("200")),
        ("服务型制造示范企业（平台、项目）", "fixed", D("80")),
        ("国家级工业互联网平台", "fixed", D("1500")),
    ]
    assert quotes(p)[0] == "先进制造业和现代服务业融合200……发展试点企业"
    assert "奖励金额（万元）" in p.data["note"]
    assert p.todo == []


def test_layout_merged_label_centred_below_its_first_row(tmp_path):
    text = (
        "按认定级别给予奖励（单位：万元）：\n"
        "                     国家级       100\n"
        "   制造业单项冠军\n"
        "                     省级         30\n"
        "   专精特新“小巨人”  国家级       50"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("制造业单项冠军·国家级", "fixed", D("100")),
        ("制造业单项冠军·省级", "fixed", D("30")),
        ("专精特新“小巨人”·国家级", "fixed", D("50")),
    ]


# ------------------------------------------------------------------------------------------
# 4. matrices
# ------------------------------------------------------------------------------------------
def test_matrix_with_single_spaces_unit_from_the_lead_and_a_dash(tmp_path):
    text = "根据评价结果分档支持（单位：万元）：\n平台类别 国家级 省级 市级\n企业技术中心 100 30 5\n工业设计中心 80 — 5"
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("企业技术中心·国家级", "fixed", D("100")),
        ("企业技术中心·省级", "fixed", D("30")),
        ("企业技术中心·市级", "fixed", D("5")),
        ("工业设计中心·国家级", "fixed", D("80")),
        ("工业设计中心·市级", "fixed", D("5")),
    ]
    assert quotes(p)[1] == "企业技术中心……30"
    assert p.data["note"] == "金额按原文表格逐行读取，共5档。表中未写单位的数字按“（单位：万元）”读作万元。"
    assert p.todo == []


def test_matrix_without_a_unit_is_todo_not_a_guess(tmp_path):
    text = "（三）奖励标准\n按以下标准给予奖励：\n类别\n国家级\n省级\n市级\n企业技术中心\n200\n50\n10\n工业设计中心\n100\n30\n10"
    p = table(text, tmp_path)
    assert p.data["kind"] == "none" and "variants" not in p.data
    assert [t["lines"] for t in p.todo] == [[7, 10], [11, 14]]
    assert all("未注明单位" in t["note"] for t in p.todo)
    assert p.todo[0]["text"] == "企业技术中心……200……50……10"


# ------------------------------------------------------------------------------------------
# 5. what is not turned into data
# ------------------------------------------------------------------------------------------
def test_a_band_without_its_inclusive_end_and_a_rate_cell(tmp_path):
    text = (
        "按项目设备投资额分档补助，标准如下：\n"
        "   设备投资额                       补助标准\n"
        "   500万元—1000万元                 投资额的10%，最高80万元\n"
        "   1000万元以上                     最高不超过150万元\n"
        "   每个企业每年奖励不超过1次。"
    )
    p = table(text, tmp_path)
    a, b = p.data["variants"]
    assert (a["name"], a["kind"], a["rate"], a["base"], a["cap"]) == ("500万元—1000万元", "rate_cap", D("0.1"), "投资额", D("80"))
    assert "thresholds" not in a  # which end is included is not said: no condition guessed
    assert (b["name"], b["kind"], b["cap"]) == ("1000万元以上", "cap_only", D("150"))
    assert conds(b) == [("设备投入", ">=", D("1000"))]
    assert [(t["lines"], t["note"]) for t in p.todo] == [
        ([3, 3], "档位区间未写明端点是否含在内，未转为条件。"),
        ([5, 5], "表格后的说明，未转为数据。"),
    ]


def test_cells_in_yuan_and_wan_without_yuan_carry_notes(tmp_path):
    text = "给予一次性奖励，标准如下：\n等级 | 奖励\n五星级 | 300000元\n四星级 | 20万"
    p = table(text, tmp_path)
    assert tiers(p) == [("五星级", "fixed", D("30")), ("四星级", "fixed", D("20"))]
    assert p.data["variants"][0]["note"] == "300000元 = 30万元。"
    assert "未写“元”" in p.data["variants"][1]["note"]


def test_an_announced_table_that_cannot_be_read_cell_by_cell_is_todo(tmp_path):
    text = "奖励标准如下：\n国家级\n100万元\n省级企业技术中心\n工业设计中心\n50万元\n市级\n"
    p = table(text, tmp_path)
    assert p.data["kind"] == "none" and "variants" not in p.data
    assert [t["lines"] for t in p.todo] == [[3, 3], [6, 6]]  # every line with a number


def test_clauses_without_a_table_are_none(tmp_path):
    for text in [
        "对认定为国家级企业技术中心的，给予200万元奖励；\n对认定为省级企业技术中心的，给予50万元奖励。",
        "（三）补助标准。按不超过项目总投资额的15%予以补助，单个项目最高不超过2000万元。",
        "1. 国家级：200万元；\n2. 省级：50万元；\n3. 市级：10万元。",
        "对新认定的国家级企业技术中心给予\n200万元奖励，省级给予50万元\n奖励。",
        "具体奖励标准另行通知。",
        "",
    ]:
        assert table(text, tmp_path) is None, text


def test_a_table_of_thresholds_only_is_none(tmp_path):
    text = "申报企业应达到以下标准：\n指标 | 要求\n营业收入 | 5000万元以上\n研发投入 | 200万元（含）以上"
    assert table(text, tmp_path) is None
    text = "申报企业应达到以下标准：\n   指标            要求\n   营业收入        5000万元以上\n   研发投入        200万元（含）以上"
    assert table(text, tmp_path) is None


def test_one_name_in_two_bands_a_total_row_a_unit_under_the_header_and_a_cell_with_more_words(tmp_path):
    text = (
        "（三）奖励标准  对首次认定的企业给予奖励，具体标准如下：\n"
        "类别\n奖励金额\n（万元）\n投资额\n"
        "绿色工厂\n100\n1000万元（含）以上\n"
        "绿色工厂\n50\n500万元（含）—1000万元\n"
        "示范车间\n给予20，分两年拨付\n300万元（含）以上\n"
        "合计\n170\n—"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("绿色工厂·1000万元（含）以上", "fixed", D("100")),
        ("绿色工厂·500万元（含）—1000万元", "fixed", D("50")),
    ]
    assert conds(p.data["variants"][1]) == [("投资额", ">=", D("500")), ("投资额", "<", D("1000"))]
    assert "奖励金额（万元）" in p.data["note"]
    # a cell with words around a bare number, and the total, are the reviewer's
    assert [(t["text"], t["note"]) for t in p.todo] == [
        ("示范车间……给予20，分两年拨付……300万元（含）以上", "「给予20，分两年拨付」：表格单元中的数字未能读作金额；该行未读出金额，区间条件也未写入。"),
        ("合计……170……—", "合计行，未作为一档。"),
    ]


def test_a_rate_cell_without_its_base_is_noted_and_a_band_in_another_unit_is_todo(tmp_path):
    text = (
        "对节能改造项目按节能量分档支持，标准如下：\n"
        "类别 | 节能量（吨标准煤） | 支持标准\n"
        "重点项目 | 1000以上 | 补助比例10%，最高不超过200万元\n"
        "一般项目 | 500（含）—1000 | 50万元"
    )
    p = table(text, tmp_path)
    a, b = p.data["variants"]
    assert (a["name"], a["kind"], a["rate"], a["cap"]) == ("重点项目", "rate_cap", D("0.1"), D("200"))
    assert "基数" in a["note"] and "base" not in a
    assert (b["name"], b["kind"], b["fixed"]) == ("一般项目", "fixed", D("50"))
    # 吨标准煤 is no amount: the bands are left to the reviewer
    assert "thresholds" not in a and "thresholds" not in b
    assert [t["lines"] for t in p.todo] == [[3, 3], [4, 4]]


# ------------------------------------------------------------------------------------------
# 6. appended tables ("奖励标准见附表2"): a title, page furniture, 序号, cells wrapped over lines
# ------------------------------------------------------------------------------------------
APPENDED = """                     省级以上授牌认定奖励标准
   序号   奖励事项                         奖励标准              备注
    1     2029年度新认定的国家制造业       一次性奖励300万元     同一企业（产品）
          单项冠军企业（产品）                                   不重复奖励
    2     2029年度首次入围中国企业500      一次性奖励            按照省委、省政府
          强的制造业企业                   200万元               文件规定执行
    3     第十三届“i创杯”互联网创新创      一等奖100万元、二     须在2029年6月30
          业大赛获奖并落户江苏的企业       等奖50万元            日（含）前落户江苏"""


def test_an_appended_table_with_a_title_an_index_column_wrapped_cells_and_graded_amounts(tmp_path):
    p = table(APPENDED, tmp_path, first=201)
    contest = "第十三届“i创杯”互联网创新创业大赛获奖并落户江苏的企业"
    assert tiers(p) == [
        ("2029年度新认定的国家制造业单项冠军企业（产品）", "fixed", D("300")),
        ("2029年度首次入围中国企业500强的制造业企业", "fixed", D("200")),  # 500 is part of the name
        (f"{contest}·一等奖", "fixed", D("100")),
        (f"{contest}·二等奖", "fixed", D("50")),  # "二" / "等奖50万元": wrapped inside the cell
    ]
    assert quotes(p) == [
        "2029年度新认定的国家制造业一次性奖励300万元……单项冠军企业（产品）",
        "2029年度首次入围中国企业500一次性奖励……强的制造业企业200万元",
        "第十三届“i创杯”互联网创新创一等奖100万元……业大赛获奖并落户江苏的企业",
        "第十三届“i创杯”互联网创新创……二……业大赛获奖并落户江苏的企业等奖50万元",
    ]
    assert [v["source"]["lines"] for v in p.data["variants"]] == [[203, 204], [205, 206], [207, 208], [207, 208]]
    v1, v2, v3, _v4 = p.data["variants"]
    assert "表中备注：同一企业（产品）不重复奖励。" in v1["note"] and "跨行" in v1["note"]
    assert "表中备注：按照省委、省政府文件规定执行。" in v2["note"]
    assert "一等奖100万元、二等奖50万元" in v3["note"]
    assert not any("thresholds" in v for v in p.data["variants"])  # the 备注's date is no condition
    assert "variant_quotas" not in p.data
    # the date in the 备注 column is left to the reviewer, the title is the lead
    assert [(t["lines"], t["note"]) for t in p.todo] == [([207, 208], "备注「须在2029年6月30日（含）前落户江苏」未转为数据。")]
    assert p.data["source"]["lines"] == [201, 208] and p.data["source"]["text"].startswith("省级以上授牌认定奖励标准序号")


def test_a_title_over_two_lines_a_running_header_and_page_line_and_amounts_led_in_on_the_line_above(tmp_path):
    text = (
        "2029年度省级工业和信息化发展专项资金\n"
        "奖励标准\n"
        "— 15 —\n"
        "苏工信综合〔2029〕318号\n"
        "   支持事项                          补助标准                 备注\n"
        "   首次认定的国家级企业技术中心、    一次性奖励               含分中心\n"
        "   国家级工业设计中心                200万元\n"
        "   国家级专精特新“小巨人”企业        最高不超过\n"
        "   （第六批）                        100万元                  按实际到位\n"
        "                                                              资金核定\n"
        "   省级智能制造示范工厂              一次性奖励30\n"
        "                                     0万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("首次认定的国家级企业技术中心、国家级工业设计中心", "fixed", D("200")),
        ("国家级专精特新“小巨人”企业（第六批）", "cap_only", D("100")),
        ("省级智能制造示范工厂", "fixed", D("300")),
    ]
    # "…30" / "0万元" with nothing else between: one number, quoted as it stands
    assert quotes(p)[2] == "省级智能制造示范工厂一次性奖励300万元"
    assert "跨两行" in p.data["variants"][2]["note"]
    assert "表中备注：按实际到位资金核定。" in p.data["variants"][1]["note"]
    # the page line and the running header are neither header nor cells; the title's year is todo
    assert [(t["lines"], t["note"]) for t in p.todo] == [([1, 2], "表格前的引导句，其中的数字未转为数据。")]


def test_a_number_broken_over_two_lines_with_other_cells_between_is_todo_never_30_or_0(tmp_path):
    text = (
        "省级工业互联网发展奖励标准\n"
        "   序号   奖励事项                      奖励标准           备注\n"
        "    1     国家级工业互联网平台          一次性奖励30       按认定\n"
        "          （跨行业跨领域）              0万元              批次\n"
        "    2     省级工业互联网标杆工厂        50万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [("省级工业互联网标杆工厂", "fixed", D("50"))]
    assert len(p.todo) == 1 and p.todo[0]["lines"] == [3, 4]
    assert "断在两行" in p.todo[0]["note"] and "300" not in p.todo[0]["note"]
    # the same under a unit line, the first part a bare "30": not 30万元
    text = (
        "绿色工厂奖励标准（单位：万元）\n"
        "   奖励事项                 奖励金额         备注\n"
        "   国家级绿色工厂           30               含园区\n"
        "   （2029年新认定）         0万元            内企业\n"
        "   省级绿色工厂             50"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [("省级绿色工厂", "fixed", D("50"))]
    assert [(t["lines"], t["note"]) for t in p.todo] == [([3, 4], "「30／0万元」：金额的数字断在两行，中间隔有其他文字，未转为数据。")]


def test_pipe_rows_with_an_index_column_a_wrapped_row_graded_amounts_and_quotas(tmp_path):
    text = (
        "专精特新企业奖励标准\n"
        "| 序号 | 奖励事项 | 奖励金额 | 支持数量 |\n"
        "|---|---|---|---|\n"
        "| 1 | 国家级专精特新“小巨人”企业 | 50万元 | 不超过20个 |\n"
        "| 2 | 省级专精特新中小企业 | 20万元 | 不超过100个 |\n"
        "| 3 | 创新型中小企业 | 一等奖10万元、二等奖5万元 |  |\n"
        "| 4 | 2029年度新获评的国家级制造业 | 一次性奖励 | |\n"
        "|   | 单项冠军企业 | 100万元 | |"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国家级专精特新“小巨人”企业", "fixed", D("50")),
        ("省级专精特新中小企业", "fixed", D("20")),
        ("创新型中小企业·一等奖", "fixed", D("10")),
        ("创新型中小企业·二等奖", "fixed", D("5")),
        ("2029年度新获评的国家级制造业单项冠军企业", "fixed", D("100")),  # a row without its 序号 goes on
    ]
    assert quotes(p)[2:] == ["创新型中小企业|一等奖10万元", "创新型中小企业……二等奖5万元", "2029年度新获评的国家级制造业|一次性奖励……单项冠军企业|100万元"]
    assert [(q["name"], q["value"]) for q in p.data["variant_quotas"]] == [("国家级专精特新“小巨人”企业", D("20")), ("省级专精特新中小企业", D("100"))]
    assert p.todo == []


def test_chinese_index_numbers_a_unit_line_and_a_label_wrapped_over_three_lines(tmp_path):
    text = (
        "智能制造项目补助标准\n"
        "（单位：万元）\n"
        "    序号    补助事项                              补助标准        说明\n"
        "    一      首次获评国家级智能制造示范工厂        500             需通过\n"
        "            （含2028年度入围揭榜单位），且\n"
        "            近两年未获同类补助                                    验收\n"
        "    二      省级智能制造示范车间                  最高50"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("首次获评国家级智能制造示范工厂（含2028年度入围揭榜单位），且近两年未获同类补助", "fixed", D("500")),
        ("省级智能制造示范车间", "cap_only", D("50")),
    ]
    assert p.data["variants"][0]["source"]["lines"] == [4, 6]
    assert "（单位：万元）" in p.data["note"]
    assert p.todo == []  # 2028 is part of the name


def test_a_page_break_inside_the_table_with_page_line_running_header_and_header_again(tmp_path):
    text = (
        "数字化转型奖励标准\n"
        "— 15 —\n"
        "苏工信综合〔2029〕318号\n"
        "   序号   奖励事项                         奖励标准              备注\n"
        "    1     国家级数字化转型促进中心         一次性奖励100万元\n"
        "    2     省级数字化转型促进中心           一次性奖励\n"
        "                                           50万元\n"
        "- 16 -\n"
        "苏工信综合〔2029〕318号\n"
        "   序号   奖励事项                         奖励标准              备注\n"
        "    3     省级工业互联网平台（面向         一次性奖励30万元      2029年新\n"
        "          重点行业）                                             认定\n"
        "注：同一企业按就高原则奖励。"
    )
    p = table(text, tmp_path, first=301)
    assert tiers(p) == [
        ("国家级数字化转型促进中心", "fixed", D("100")),
        ("省级数字化转型促进中心", "fixed", D("50")),
        ("省级工业互联网平台（面向重点行业）", "fixed", D("30")),
    ]
    assert [v["source"]["lines"] for v in p.data["variants"]] == [[305, 305], [306, 307], [311, 312]]
    assert [(t["lines"], t["note"]) for t in p.todo] == [
        ([311, 312], "备注「2029年新认定」未转为数据。"),
        ([313, 313], "表格后的说明，未转为数据。"),
    ]


def test_index_numbers_standing_in_the_middle_of_their_rows(tmp_path):
    # pdftotext centres a cell in its row: the 序号 (and short cells) on a row's middle line
    text = (
        "省级企业技术中心奖励标准\n"
        "   序号   奖励事项                         奖励标准              备注\n"
        "          首次认定的国家级企业技术中\n"
        "    1     心、国家级工业设计中心           一次性奖励200万元\n"
        "          （含分中心）\n"
        "          省级企业技术中心                 一次性奖励            同一企业不重复\n"
        "    2     （2029年度新认定）               50万元                奖励\n"
        "    3     省级工业设计中心                 一次性奖励30万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("首次认定的国家级企业技术中心、国家级工业设计中心（含分中心）", "fixed", D("200")),
        ("省级企业技术中心（2029年度新认定）", "fixed", D("50")),
        ("省级工业设计中心", "fixed", D("30")),
    ]
    assert [v["source"]["lines"] for v in p.data["variants"]] == [[3, 5], [6, 7], [8, 8]]
    assert "表中备注：同一企业不重复奖励。" in p.data["variants"][1]["note"]
    # numbers on the first lines, but one row's words leading to its amount stand above its number
    text = (
        "省级企业技术中心奖励标准\n"
        "   序号   奖励事项                         奖励标准              备注\n"
        "    1     国家级企业技术中心               100万元\n"
        "          省级企业技术中心                 一次性奖励\n"
        "    2     （2029年度新认定）               50万元\n"
        "    3     省级工业设计中心                 一次性奖励30万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国家级企业技术中心", "fixed", D("100")),
        ("省级企业技术中心（2029年度新认定）", "fixed", D("50")),
        ("省级工业设计中心", "fixed", D("30")),
    ]


def test_graded_caps_and_letter_classes_in_one_cell_and_names_under_an_unusual_header(tmp_path):
    text = (
        "品牌建设奖励标准\n"
        "   编号   企业                                 奖励金额                                 说明\n"
        "    1     江苏精品认证企业                     国家级最高200万元，省级最高50万元\n"
        "    2     2029年度首次入围中国民营企业500      100万元                                  按就高\n"
        "          强的制造业企业                                                                原则\n"
        "    3     数字化转型标杆企业                   A类50万元、B类20万元\n"
        "    4     质量标杆企业                         100万元、50万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("江苏精品认证企业·国家级", "cap_only", D("200")),
        ("江苏精品认证企业·省级", "cap_only", D("50")),
        ("2029年度首次入围中国民营企业500强的制造业企业", "fixed", D("100")),
        ("数字化转型标杆企业·A类", "fixed", D("50")),
        ("数字化转型标杆企业·B类", "fixed", D("20")),
    ]
    assert quotes(p)[1] == "江苏精品认证企业……省级最高50万元"
    # two amounts without grades: which is which is not said
    assert [(t["lines"], t["note"]) for t in p.todo] == [([7, 7], "「100万元、50万元」：一格中有多个金额，未转为数据。")]


def test_one_cell_per_line_under_an_index_header(tmp_path):
    text = "\n".join(
        [
            "省级以上授牌认定奖励标准",
            "序号", "奖励事项", "奖励标准", "备注",
            "1", "2029年度新认定的国家制造业单项冠军企业（产品）", "一次性奖励300万元", "同一企业（产品）不重复奖励",
            "2", "2029年度首次入围中国企业500强的制造业企业", "一次性奖励200万元", "按照省委、省政府文件规定执行",
            "— 16 —",
            "3", "第十三届“i创杯”互联网创新创业大赛获奖并落户江苏的企业", "一等奖100万元、二等奖50万元", "须在2029年6月30日（含）前落户江苏",
        ]
    )
    p = table(text, tmp_path)
    contest = "第十三届“i创杯”互联网创新创业大赛获奖并落户江苏的企业"
    assert tiers(p) == [
        ("2029年度新认定的国家制造业单项冠军企业（产品）", "fixed", D("300")),
        ("2029年度首次入围中国企业500强的制造业企业", "fixed", D("200")),
        (f"{contest}·一等奖", "fixed", D("100")),
        (f"{contest}·二等奖", "fixed", D("50")),
    ]
    assert quotes(p)[0] == "2029年度新认定的国家制造业单项冠军企业（产品）……一次性奖励300万元"
    assert [t["lines"] for t in p.todo] == [[15, 18]]


def test_a_title_with_its_unit_on_one_line_and_a_rate_cell_wrapped_over_three_lines(tmp_path):
    text = (
        "                 技术改造项目补助标准                         单位：万元\n"
        "   项目类别                   补助标准                        支持数量\n"
        "   重大技术改造项目           按设备投资额的10%给予\n"
        "                              补助，最高不超过500\n"
        "                              万元                            不超过20个\n"
        "   一般技术改造项目           200                             不超过50个"
    )
    p = table(text, tmp_path)
    a, b = p.data["variants"]
    assert (a["name"], a["kind"], a["rate"], a["base"], a["cap"]) == ("重大技术改造项目", "rate_cap", D("0.1"), "设备投资额", D("500"))
    assert a["source"]["lines"] == [3, 5]
    assert (b["name"], b["kind"], b["fixed"]) == ("一般技术改造项目", "fixed", D("200"))
    assert "单位：万元" in p.data["note"]
    assert [(q["name"], q["value"]) for q in p.data["variant_quotas"]] == [("重大技术改造项目", D("20")), ("一般技术改造项目", D("50"))]


def test_titles_headers_and_index_columns_that_are_no_table_or_hold_no_numbers(tmp_path):
    # a title and no table
    assert table("省级以上授牌认定奖励标准\n对认定的企业给予一次性奖励，具体另行通知。", tmp_path) is None
    # a 序号 header whose column holds no numbers: rows as without it
    text = (
        "奖励标准如下：\n"
        "   序号   奖励事项                  奖励金额\n"
        "          国家级企业技术中心        100万元\n"
        "          省级企业技术中心          30万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [("国家级企业技术中心", "fixed", D("100")), ("省级企业技术中心", "fixed", D("30"))]
    # a bare "奖励标准" over prose is a heading, not a table's title
    text = "支持标准\n对新认定的国家级企业技术中心\n给予200万元奖励\n对省级企业技术中心给予50万元\n奖励。"
    assert table(text, tmp_path) is None


def test_the_drafter_reads_an_appended_table_the_program_refers_to(tmp_path):
    from subsidykit.authoring.draft import draft_guide, invented_numbers

    guide = (
        "2029年度省级工业和信息化发展专项资金项目申报指南\n\n一、授牌认定奖励\n\n"
        "（一）省级以上授牌认定奖励项目（免申直达）。对获得国家级、省级授牌认定的企业给予奖励，奖励标准见附表2。\n\n"
        "附表2\n\n" + APPENDED + "\n"
    )
    path = tmp_path / "guide.txt"
    path.write_text(guide, encoding="utf-8")
    draft = draft_guide(path, year=2029)
    prog = next(p for p in draft.document["programs"] if p["title"] == "省级以上授牌认定奖励项目")
    assert prog["kind"] == "tiered"
    assert [(v["name"][-3:], v["fixed"]) for v in prog["variants"]] == [("产品）", D("300")), ("制造业企业"[-3:], D("200")), ("一等奖", D("100")), ("二等奖", D("50"))]
    assert invented_numbers(draft.document) == [] and draft.problems == []


# ------------------------------------------------------------------------------------------
# 8. amounts per unit in award tables
# ------------------------------------------------------------------------------------------
def test_per_unit_cells_in_a_tier_table_graded_per_unit_yuan_per_kilowatt_and_caps_per_unit(tmp_path):
    text = (
        "对认定的首台（套）装备等按以下标准给予奖励：\n"
        "| 类别 | 奖励标准 |\n"
        "| --- | --- |\n"
        "| 首台（套）重大技术装备 | 0.5万元/台（套） |\n"
        "| 企业技术中心 | 国家级100万元/家；省级30万元/家 |\n"
        "| 分布式光伏示范 | 200元/千瓦 |\n"
        "| 公共服务平台 | 最高50万元/个 |\n"
        "| 首席技术官 | 每人每年10万元 |"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("首台（套）重大技术装备", "per_unit", D("0.5")),
        ("企业技术中心·国家级", "per_unit", D("100")),
        ("企业技术中心·省级", "per_unit", D("30")),
        ("分布式光伏示范", "per_unit", D("0.02")),
        ("公共服务平台", "cap_only", D("50")),
    ]
    v = p.data["variants"]
    assert [x.get("unit") for x in v] == ["台套", "家", "家", "千瓦", None]
    assert v[4]["per"] == "个" and "上限" in v[4]["note"]
    assert quotes(p) == [
        "首台（套）重大技术装备|0.5万元/台（套）",
        "企业技术中心|国家级100万元/家",
        "企业技术中心……省级30万元/家",
        "分布式光伏示范|200元/千瓦",
        "公共服务平台|最高50万元/个",
    ]
    assert "200元 = 0.02万元" in v[3]["note"]
    assert "表格原文" not in v[0].get("note", "")  # "/台（套）" is the unit, not words around the amount
    # two units in one cell (每人 and 每年): todo, never a guess
    assert [t["text"] for t in p.todo] == ["首席技术官|每人每年10万元"]
    assert "按单位计" in p.todo[0]["note"]
    # a unit per item in the header only ("万元/家"): each bare number is each one's amount, as a
    # cell's "100万元/家" is
    p = table("按以下标准给予奖励：\n类别        奖励金额（万元/家）\n国家级      100\n省级        30", tmp_path)
    assert tiers(p) == [("国家级", "per_unit", D("100")), ("省级", "per_unit", D("30"))]
    assert [x.get("unit") for x in p.data["variants"]] == ["家", "家"] and not p.todo


# ------------------------------------------------------------------------------------------
# 9. tables whose rows are programs: read_program_table
# ------------------------------------------------------------------------------------------
ROW_KEYS = {"title", "lines", "data", "no_application", "office", "todo"}


def programs(text: str, tmp_path: Path, first: int = 1):
    """read_program_table on the fragment; every citation and number checked as `table` does, and
    each row's shape."""
    rows = read_program_table(section(text, first), FILE)
    if rows is None:
        return None
    root = tmp_path / f"f{next(_CALLS)}"
    root.mkdir()
    (root / FILE).write_text("\n" * (first - 1) + text + "\n", encoding="utf-8")
    assert rows, "an empty list is never returned"
    for r in rows:
        assert set(r) == ROW_KEYS, r
        assert r["title"] and isinstance(r["no_application"], bool)
        assert r["office"] is None or isinstance(r["office"], str)
        d = r["data"]
        assert d["kind"] in ("fixed", "cap_only", "per_unit", "rate_cap", "tiered", "none"), d
        for src in sources(d):
            assert src["file"] == FILE
            assert src["lines"][0] <= src["lines"][1] <= r["lines"][1]  # the row, maybe its header above
            problem = quote_problem(Source(file=FILE, lines=tuple(src["lines"]), text=src["text"]), root=root)
            assert problem is None, problem
        for t in r["todo"]:
            assert set(t) == {"lines", "text", "note"} and t["note"]
            problem = quote_problem(Source(file=FILE, lines=tuple(t["lines"]), text=t["text"]), root=root)
            assert problem is None, problem
        numbers_stand(d)
        for v in [d, *d.get("variants", [])]:
            for key in ("fixed", "cap", "unit_amount"):
                if key in v:
                    assert isinstance(v[key], Decimal) and v[key] > 0
            if v.get("kind") == "per_unit":
                assert v["unit"] and "unit_amount" in v
        if d["kind"] == "tiered":
            assert d["variants"] and all(v["kind"] != "tiered" for v in d["variants"])
        if d["kind"] == "none":
            assert d["note"] and not {"fixed", "cap", "rate", "unit_amount"} & set(d)
    return rows


def amounts(row: dict) -> list[tuple]:
    d = row["data"]
    out = []
    for v in d.get("variants", [d]):
        amount = v.get("fixed", v.get("cap", v.get("unit_amount", v.get("rate"))))
        out.append((v.get("name"), v["kind"], amount, v.get("unit")))
    return out


BRIEF = """以下事项由市工信局依据国家、省公布的2034年度认定名单直接兑现，企业无需申报。
序号	事项名称	奖励标准	兑现方式	责任处室
1	企业技术中心	国家级100万元/家；省级30万元/家	免申即享	科技与质量处
2	绿色工厂	国家级50万元/家；省级20万元/家	免申即享	节能与综合利用处
3	重点行业能效“领跑者”企业	一次性奖励30万元	免申即享	节能与综合利用处
4	制造业单项冠军企业	示范企业100万元；	免申即享	产业发展处
	（产品）	单项冠军产品50万元/个"""


def test_a_table_of_programs_in_tab_rows_graded_per_unit_cells_and_a_name_wrapped_onto_the_next_line(tmp_path):
    rows = programs(BRIEF, tmp_path)
    assert [r["title"] for r in rows] == ["企业技术中心", "绿色工厂", "重点行业能效“领跑者”企业", "制造业单项冠军企业（产品）"]
    assert [r["lines"] for r in rows] == [[3, 3], [4, 4], [5, 5], [6, 7]]
    assert amounts(rows[0]) == [("国家级", "per_unit", D("100"), "家"), ("省级", "per_unit", D("30"), "家")]
    assert amounts(rows[1]) == [("国家级", "per_unit", D("50"), "家"), ("省级", "per_unit", D("20"), "家")]
    assert amounts(rows[2]) == [(None, "fixed", D("30"), None)]
    assert amounts(rows[3]) == [("示范企业", "fixed", D("100"), None), ("单项冠军产品", "per_unit", D("50"), "个")]
    assert [v["source"]["text"] for v in rows[0]["data"]["variants"]] == ["国家级100万元/家", "省级30万元/家"]
    assert [v["source"]["lines"] for v in rows[3]["data"]["variants"]] == [[6, 6], [7, 7]]
    assert rows[2]["data"]["source"] == {"file": FILE, "lines": [5, 5], "text": "重点行业能效“领跑者”企业一次性奖励30万元"}
    assert rows[3]["data"]["source"]["text"] == "制造业单项冠军企业示范企业100万元；……（产品）单项冠军产品50万元/个"
    assert "跨行" in rows[3]["data"]["note"]
    assert all(r["no_application"] for r in rows)
    assert [r["office"] for r in rows] == ["科技与质量处", "节能与综合利用处", "节能与综合利用处", "产业发展处"]
    assert all(r["todo"] == [] for r in rows)  # the lead's "2034年度" is the caller's, no row's
    # the same table as a tier table is the caller's choice; as programs the lead is no row
    assert programs(BRIEF.split("\n", 1)[1], tmp_path) is not None


def test_a_table_of_programs_in_pipe_rows_with_a_row_without_an_amount_and_numbers_outside_the_amounts(tmp_path):
    text = (
        "三、免申即享事项\n"
        "对2034年度新认定的下列企业，按以下标准给予奖励：\n"
        "| 事项名称 | 奖励标准 | 兑现方式 | 责任部门 |\n"
        "| --- | --- | --- | --- |\n"
        "| 2034年度国家级专精特新“小巨人”企业 | 一次性奖励50万元 | 免申直达 | 中小企业处 |\n"
        "| 首台（套）重大技术装备 | 0.5万元/台（套） | 企业申报 | 装备工业处 |\n"
        "| 分布式光伏示范项目 | 200元/千瓦 | 企业申报 | 能源处 |\n"
        "| 智能制造示范工厂 | 按有关规定执行 | 免于申报 | 智能制造处（电话：12345678） |\n"
        "| 工业互联网平台 | 另行通知 | 企业申报 |  |\n"
        "注：同一企业同一年度按就高原则奖励，最高不超过200万元。"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == [
        "2034年度国家级专精特新“小巨人”企业", "首台（套）重大技术装备", "分布式光伏示范项目", "智能制造示范工厂", "工业互联网平台",
    ]
    # the year in the name is part of the title: no amount, no todo
    assert amounts(rows[0]) == [(None, "fixed", D("50"), None)] and rows[0]["todo"] == []
    assert rows[0]["data"]["source"]["text"] == "2034年度国家级专精特新“小巨人”企业|一次性奖励50万元"
    assert amounts(rows[1]) == [(None, "per_unit", D("0.5"), "台套")]
    assert amounts(rows[2]) == [(None, "per_unit", D("0.02"), "千瓦")]
    assert "200元 = 0.02万元" in rows[2]["data"]["note"]
    assert [r["no_application"] for r in rows] == [True, False, False, True, False]
    assert [r["office"] for r in rows] == ["中小企业处", "装备工业处", "能源处", "智能制造处（电话：12345678）", None]
    # a row whose amount cell has no amount: a program of kind none, its cell in todo and note
    for r, cell in ((rows[3], "按有关规定执行"), (rows[4], "另行通知")):
        assert r["data"]["kind"] == "none" and cell in r["data"]["note"]
        assert any(t["text"] == f"{r['title']}|{cell}" for t in r["todo"])
    # the office's telephone is a number not turned into data
    assert {"lines": [8, 8], "text": "智能制造示范工厂……智能制造处（电话：12345678）", "note": "「智能制造处（电话：12345678）」未转为数据。"} in rows[3]["todo"]
    # the note after the table is no row, and its 200万元 is in no row
    assert all("200万元" not in str(r) for r in rows)


PROGRAM_LAYOUT = """序号    事项名称                  奖励标准                    兑现方式    责任
                                                                          处室
 1      企业技术中心              国家级100万元/家            免申即享    科技与质量处
                                  省级30万元/家
 2      重点行业能效“领跑者”      一次性奖励30万元            免申即享    节能与综合
        企业                                                              利用处
                                         — 3 —
 3      分布式光伏示范项目        200元/千瓦                  企业申报    能源处
 4      制造业单项冠军企业        示范企业100万元             免申即享    产业发展处
        （产品）                  单项冠军产品50万元/个
以上事项的认定名单以国家、省公布的为准。"""


def test_a_table_of_programs_in_layout_columns_with_wrapped_names_offices_header_and_a_page_line(tmp_path):
    rows = programs(PROGRAM_LAYOUT, tmp_path, first=11)
    assert [r["title"] for r in rows] == ["企业技术中心", "重点行业能效“领跑者”企业", "分布式光伏示范项目", "制造业单项冠军企业（产品）"]
    assert [r["lines"] for r in rows] == [[13, 14], [15, 16], [18, 18], [19, 20]]
    # graded amounts one to a line, no separator between them
    assert amounts(rows[0]) == [("国家级", "per_unit", D("100"), "家"), ("省级", "per_unit", D("30"), "家")]
    assert [v["source"]["lines"] for v in rows[0]["data"]["variants"]] == [[13, 13], [14, 14]]
    assert amounts(rows[1]) == [(None, "fixed", D("30"), None)]
    assert amounts(rows[2]) == [(None, "per_unit", D("0.02"), "千瓦")]
    assert amounts(rows[3]) == [("示范企业", "fixed", D("100"), None), ("单项冠军产品", "per_unit", D("50"), "个")]
    # the header "责任" / "处室" over two lines names the office column; the office wraps too
    assert [r["office"] for r in rows] == ["科技与质量处", "节能与综合利用处", "能源处", "产业发展处"]
    assert [r["no_application"] for r in rows] == [True, True, False, True]
    assert all(r["todo"] == [] for r in rows)


def test_a_table_of_programs_in_layout_columns_without_an_index_a_name_wrapped_after_and_and_a_cap(tmp_path):
    text = (
        "（二）省级以上认定奖励\n"
        "项目名称              支持标准              责任处室\n"
        "企业技术中心          国家级100万元/家      科技处\n"
        "工业设计中心          另行通知              科技处\n"
        "绿色工厂和            50万元/家             节能处\n"
        "绿色供应链管理企业\n"
        "服务型制造示范        最高30万元            服务业处\n"
        "平台\n"
        "　　以上事项按就高原则奖励，同一企业最高不超过150万元。"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["企业技术中心", "工业设计中心", "绿色工厂和绿色供应链管理企业", "服务型制造示范平台"]
    assert [r["lines"] for r in rows] == [[3, 3], [4, 4], [5, 6], [7, 8]]
    assert amounts(rows[0]) == [(None, "per_unit", D("100"), "家")]
    assert "国家级100万元/家" in rows[0]["data"]["note"]  # the grade word stays visible
    assert rows[1]["data"]["kind"] == "none" and "另行通知" in rows[1]["data"]["note"]
    assert amounts(rows[2]) == [(None, "per_unit", D("50"), "家")]
    assert amounts(rows[3]) == [(None, "cap_only", D("30"), None)]
    assert [r["office"] for r in rows] == ["科技处", "科技处", "节能处", "服务业处"]
    assert not any(r["no_application"] for r in rows)
    assert all("150" not in str(r) for r in rows)  # the paragraph after the table is no cell


def test_a_table_of_programs_with_an_amount_column_per_grade_units_in_the_header_and_a_dash(tmp_path):
    text = (
        "事项                    国家级（万元）    省级（万元）    兑现方式\n"
        "企业技术中心            100               30              免申即享\n"
        "工业设计中心            80                —               免申即享\n"
        "绿色工厂                50                20              企业申报"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["企业技术中心", "工业设计中心", "绿色工厂"]
    assert amounts(rows[0]) == [("国家级", "fixed", D("100"), None), ("省级", "fixed", D("30"), None)]
    assert amounts(rows[1]) == [("国家级", "fixed", D("80"), None)]
    assert "「省级」一栏为「—」" in rows[1]["data"]["note"]
    assert [v["source"]["text"] for v in rows[0]["data"]["variants"]] == ["国家级（万元）……100", "省级（万元）……30"]
    assert "按表头" in rows[0]["data"]["note"]
    assert [r["no_application"] for r in rows] == [True, True, False]
    assert all(r["office"] is None for r in rows)


def test_a_table_of_programs_with_a_rate_an_amount_per_unit_money_in_a_name_an_unreadable_cell_and_a_total(tmp_path):
    text = (
        "序号\t政策名称\t支持标准\t兑现方式\t主办处室\n"
        "1\t技术改造综合奖补\t按设备投资额的10%给予补助，最高不超过500万元\t企业申报\t投资处\n"
        "2\t首台（套）重大技术装备\t每台（套）50万元\t企业申报\t装备处\n"
        "3\t营业收入首次突破10亿元企业\t一次性奖励20万元\t免申即享\t运行处\n"
        "4\t数字化转型标杆\t按2034年有关文件执行\t免申即享\t信息化处\n"
        "合计\t\t600万元\t\t"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["技术改造综合奖补", "首台（套）重大技术装备", "营业收入首次突破10亿元企业", "数字化转型标杆"]
    d = rows[0]["data"]
    assert (d["kind"], d["rate"], d["base"], d["cap"]) == ("rate_cap", D("0.1"), "设备投资额", D("500"))
    assert amounts(rows[1]) == [(None, "per_unit", D("50"), "台套")]
    # money in a name is a condition not turned into data, never an amount
    assert amounts(rows[2]) == [(None, "fixed", D("20"), None)]
    assert rows[2]["todo"] == [{"lines": [4, 4], "text": "营业收入首次突破10亿元企业", "note": "名称「营业收入首次突破10亿元企业」中的金额或比例未转为条件。"}]
    # a cell with a number that is no amount: kind none, the cell in todo
    assert rows[3]["data"]["kind"] == "none"
    assert rows[3]["todo"][0]["text"] == "数字化转型标杆按2034年有关文件执行"
    # the total is no program; its number goes with the row above
    assert rows[3]["todo"][-1] == {"lines": [6, 6], "text": "合计600万元", "note": "合计行，未作为事项。"}
    assert [r["office"] for r in rows] == ["投资处", "装备处", "运行处", "信息化处"]


def test_a_table_of_programs_one_cell_per_line_and_index_numbers_centred_in_their_rows(tmp_path):
    text = (
        "以下事项免申即享（单位：万元）：\n"
        "序号\n事项名称\n奖励标准\n责任处室\n"
        "1\n企业技术中心\n国家级100万元/家；省级30万元/家\n科技处\n"
        "2\n绿色工厂\n50\n节能处"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["企业技术中心", "绿色工厂"]
    assert amounts(rows[0]) == [("国家级", "per_unit", D("100"), "家"), ("省级", "per_unit", D("30"), "家")]
    assert amounts(rows[1]) == [(None, "fixed", D("50"), None)]
    assert "单位：万元" in rows[1]["data"]["note"]
    assert [r["office"] for r in rows] == ["科技处", "节能处"]
    assert not any(r["no_application"] for r in rows)  # the lead says so, no cell: the caller's
    # pdftotext centres the number in its row: the lines above it belong to it
    text = (
        "序号  事项名称            奖励标准                兑现方式\n"
        "      制造业单项冠军\n"
        " 1    企业（产品）        示范企业100万元；       免申即享\n"
        "                          单项冠军产品50万元/个\n"
        "      国家级绿色\n"
        " 2    工厂                50万元/家               免申即享\n"
        "      （园区）\n"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["制造业单项冠军企业（产品）", "国家级绿色工厂（园区）"]
    assert [r["lines"] for r in rows] == [[2, 4], [5, 7]]
    assert amounts(rows[0]) == [("示范企业", "fixed", D("100"), None), ("单项冠军产品", "per_unit", D("50"), "个")]
    assert amounts(rows[1]) == [(None, "per_unit", D("50"), "家")]
    # the number on the row's last line, the words leading to its amount on the line above
    text = (
        "序号   奖励事项                    奖励标准          责任处室\n"
        " 1     国家级企业技术中心          100万元/家        科技处\n"
        "       省级企业技术中心            一次性奖励\n"
        " 2     （2034年度新认定）          30万元/家         科技处\n"
    )
    rows = programs(text, tmp_path)
    assert [(r["title"], r["lines"]) for r in rows] == [("国家级企业技术中心", [2, 2]), ("省级企业技术中心（2034年度新认定）", [3, 4])]
    assert [amounts(r) for r in rows] == [[(None, "per_unit", D("100"), "家")], [(None, "per_unit", D("30"), "家")]]
    assert rows[1]["todo"] == []  # the year is part of the name


def test_tables_that_name_no_programs_and_texts_without_a_table_are_none(tmp_path):
    # a table of tiers: no column names programs
    assert programs(ONE_PER_LINE, tmp_path) is None
    tiers_ = (
        "按设备投入分档奖励，标准如下：\n"
        "档次      设备投入                       奖励金额\n"
        "第一档    500万元（含）—1000万元         30万元\n"
        "第二档    1000万元（含）以上             50万元"
    )
    assert programs(tiers_, tmp_path) is None
    assert programs("| 奖励类别 | 奖励金额 |\n| --- | --- |\n| 国家级 | 100万元/家 |\n| 省级 | 30万元/家 |", tmp_path) is None
    # programs without amounts: a table of conditions, of ways to apply
    assert programs("事项名称      申报条件                    责任处室\n企业技术中心  2034年新认定                科技处\n绿色工厂      获评国家级绿色工厂          节能处", tmp_path) is None
    assert programs("事项\t兑现方式\t责任处室\n企业技术中心\t免申即享\t科技处\n绿色工厂\t免申即享\t节能处", tmp_path) is None
    # no table at all
    assert programs("对新认定的国家级企业技术中心，给予一次性奖励100万元；对省级企业技术中心，给予30万元奖励。", tmp_path) is None
    assert programs("（一）事项名称：企业技术中心。\n（二）奖励标准：国家级100万元/家；省级30万元/家。", tmp_path) is None
    assert programs("事项名称、奖励标准及兑现方式另行通知。", tmp_path) is None
    assert programs("", tmp_path) is None
    # a header without rows
    assert programs("序号\t事项名称\t奖励标准\n", tmp_path) is None


def test_a_table_of_programs_with_bare_amounts_under_a_unit_header_remarks_and_a_cell_wrapped_in_pipes(tmp_path):
    text = (
        "（三）支持事项及标准\n"
        "|序号|支持事项|补助金额（万元）|备注|归口处室|\n"
        "|:-:|:-|-:|-|-|\n"
        "|1|国家级制造业创新中心|500|2034年6月30日前认定|科技处|\n"
        "|2|省级制造业创新中心|200|免申报|科技处|\n"
        "| |（含培育）| | | |\n"
        "|3|工业设计研究院|按评估结果另行确定| |设计处|"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["国家级制造业创新中心", "省级制造业创新中心（含培育）", "工业设计研究院"]
    assert [r["lines"] for r in rows] == [[4, 4], [5, 6], [7, 7]]
    assert amounts(rows[0]) == [(None, "fixed", D("500"), None)]
    assert amounts(rows[1]) == [(None, "fixed", D("200"), None)]
    # the unit comes from the header, which the quote holds
    assert rows[0]["data"]["source"]["text"] == "补助金额（万元）……国家级制造业创新中心|500"
    assert "补助金额（万元）" in rows[0]["data"]["note"]
    # a remark goes to the note; with a number (a date) it is todo too
    assert "表中备注：2034年6月30日前认定" in rows[0]["data"]["note"]
    assert rows[0]["todo"] == [{"lines": [4, 4], "text": "国家级制造业创新中心……2034年6月30日前认定", "note": "备注「2034年6月30日前认定」未转为数据。"}]
    assert [r["no_application"] for r in rows] == [False, True, False]
    assert rows[2]["data"]["kind"] == "none" and rows[2]["todo"][0]["text"] == "工业设计研究院|按评估结果另行确定"
    assert [r["office"] for r in rows] == ["科技处", "科技处", "设计处"]


# ------------------------------------------------------------------------------------------
# 9. cells apart by one space (text from a PDF): 序号 glued to the name, headers and names
#    wrapped onto the next line, amounts listed with "分别"
# ------------------------------------------------------------------------------------------
ONE_SPACE = """对2039年度新认定的各类优质企业，按下表标准给予一次性奖励：
表1 优质企业奖励标准
序号 类别 奖励金额
（万元）
1 国家级制造业单项冠军企业 200
2 省级制造业单项冠军企业 50
3 国家级专精特新“小巨人”
企业 80
4 省级专精特新中小企业 20
5 创新型中小企业 3
注：企业由低层级晋升为高层级的，按差额补足。"""


def test_one_space_cells_an_index_glued_to_the_name_a_wrapped_header_and_a_name_wrapped_with_its_amount(tmp_path):
    p = table(ONE_SPACE, tmp_path)
    assert tiers(p) == [
        ("国家级制造业单项冠军企业", "fixed", D("200")),
        ("省级制造业单项冠军企业", "fixed", D("50")),
        ("国家级专精特新“小巨人”企业", "fixed", D("80")),
        ("省级专精特新中小企业", "fixed", D("20")),
        ("创新型中小企业", "fixed", D("3")),
    ]
    assert [v["source"]["lines"] for v in p.data["variants"]] == [[5, 5], [6, 6], [7, 8], [9, 9], [10, 10]]
    assert quotes(p) == ["国家级制造业单项冠军企业200", "省级制造业单项冠军企业50", "国家级专精特新“小巨人”企业80", "省级专精特新中小企业20", "创新型中小企业3"]
    assert "跨行" in p.data["variants"][2]["note"]
    # the unit of the bare numbers: the header wrapped over two lines
    assert "奖励金额（万元）" in p.data["note"]
    # the lead's year and the note after the table are todo; the 序号 and the title's "表1" are no numbers
    assert [t["lines"] for t in p.todo] == [[1, 2], [11, 11]]
    assert p.todo[1]["text"] == "注：企业由低层级晋升为高层级的，按差额补足。"
    # without the header's second line the numbers have no unit: todo, never 万元 by guess
    no_unit = ONE_SPACE.replace("（万元）\n", "")
    p = table(no_unit, tmp_path)
    assert p.data["kind"] == "none" and len([t for t in p.todo if "未注明单位" in t["note"]]) == 5
    # as a table of programs it names no programs (类别 is no 事项)
    assert programs(ONE_SPACE, tmp_path) is None


ONE_SPACE_PROGRAMS = """序号 奖励事项 奖励标准 兑现说明
1 国家级专精特新“小巨人”企业 首次认定的奖励100万元；通过复核的奖励30万元 已享受省级专精特新奖励的
按差额兑现
2 省级科学技术奖 一、二、三等奖分别奖励100、50、30万元 免申即享
3 制造业单项冠军企业 一次性奖励100万元 免申即享
4 绿色工厂 50万元/家
5 营业收入规模跨档奖励 2038年度营业收入首次突破10亿
元、50亿元、100亿元的，分
－ 7 －
别奖励30万元、80万元、150
万元
以上奖励由市财政局统一拨付。"""


def test_one_space_programs_listed_grades_and_thresholds_matched_by_fenbie_and_a_cell_over_a_page_line(tmp_path):
    rows = programs(ONE_SPACE_PROGRAMS, tmp_path)
    assert [r["title"] for r in rows] == ["国家级专精特新“小巨人”企业", "省级科学技术奖", "制造业单项冠军企业", "绿色工厂", "营业收入规模跨档奖励"]
    assert [r["lines"] for r in rows] == [[2, 3], [4, 4], [5, 5], [6, 6], [7, 11]]
    assert amounts(rows[0]) == [("首次认定", "fixed", D("100"), None), ("通过复核", "fixed", D("30"), None)]
    assert "表中兑现说明：已享受省级专精特新奖励的按差额兑现" in rows[0]["data"]["note"]
    # "一、二、三等奖分别奖励100、50、30万元": three grades, three amounts, in order — never 30 alone
    assert amounts(rows[1]) == [("一等奖", "fixed", D("100"), None), ("二等奖", "fixed", D("50"), None), ("三等奖", "fixed", D("30"), None)]
    assert [v["source"]["text"] for v in rows[1]["data"]["variants"]] == ["一、二、三等奖……100、50、30万元", "二、三等奖……50、30万元", "三等奖……30万元"]
    assert rows[1]["no_application"] and not rows[0]["no_application"]
    assert amounts(rows[2]) == [(None, "fixed", D("100"), None)]
    assert amounts(rows[3]) == [(None, "per_unit", D("50"), "家")]
    # thresholds listed and amounts listed: one variant per threshold, named by it; the thresholds
    # are no amounts, and the cell runs over a page line
    assert amounts(rows[4]) == [("突破10亿元", "fixed", D("30"), None), ("突破50亿元", "fixed", D("80"), None), ("突破100亿元", "fixed", D("150"), None)]
    assert [(v["source"]["lines"], v["source"]["text"]) for v in rows[4]["data"]["variants"]] == [
        ([7, 10], "10亿元……30万元"), ([8, 10], "50亿元……80万元"), ([8, 11], "100亿元……150万元"),
    ]
    assert rows[4]["todo"] == [{
        "lines": [7, 8], "text": "营业收入规模跨档奖励2038年度营业收入首次突破10亿元、50亿元、100亿元",
        "note": "「2038年度营业收入首次突破10亿元、50亿元、100亿元」：所列门槛或条件未转为条件（各档按所列门槛命名）。",
    }]
    # the sentence after the table is no row
    assert all("财政局" not in str(r) for r in rows)
    # as many thresholds as amounts, or todo — never a guess
    short = ONE_SPACE_PROGRAMS.replace("别奖励30万元、80万元、150\n万元", "别奖励30万元、80万元")
    rows = programs(short, tmp_path)
    last = rows[4]
    assert last["data"]["kind"] == "none" and "个数不一致（3个等次或门槛、2个金额）" in last["todo"][0]["note"]
    assert all(v.get("fixed") not in (D("100000"), D("500000")) for r in rows for v in r["data"].get("variants", []))
    # the same rows read as a tier table
    p = table(ONE_SPACE_PROGRAMS, tmp_path)
    assert [(n, a) for n, _k, a in tiers(p)][-3:] == [("营业收入规模跨档奖励·突破10亿元", D("30")), ("营业收入规模跨档奖励·突破50亿元", D("80")), ("营业收入规模跨档奖励·突破100亿元", D("150"))]
    assert ("省级科学技术奖·二等奖", "fixed", D("50")) in tiers(p)


def test_one_space_matrix_with_a_page_line_inside_a_wrapped_name_and_a_number_whose_column_cannot_be_told(tmp_path):
    text = (
        "对首次入选2039年度省级以上服务型制造示范的企业（平台、项目），按以下标准给予奖励（单位：万元）：\n"
        "序号 示范类型 国家级 省级\n"
        "1 服务型制造示范企业 100 30\n"
        "2 服务型制造示范平台（含共享\n"
        "— 5 —\n"
        "制造平台） 80 20\n"
        "3 服务型制造示范项目 50 —"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("服务型制造示范企业·国家级", "fixed", D("100")),
        ("服务型制造示范企业·省级", "fixed", D("30")),
        ("服务型制造示范平台（含共享制造平台）·国家级", "fixed", D("80")),
        ("服务型制造示范平台（含共享制造平台）·省级", "fixed", D("20")),
        ("服务型制造示范项目·国家级", "fixed", D("50")),
    ]
    assert p.data["variants"][3]["source"] == {"file": FILE, "lines": [4, 6], "text": "服务型制造示范平台（含共享……制造平台）……20"}
    # one number under two amount columns on a wrapped row: which column is not written — todo
    text = (
        "按以下标准给予奖励（单位：万元）：\n"
        "序号 类别 国家级 省级\n"
        "1 专精特新“小巨人”企业 80 20\n"
        "2 制造业单项冠军\n"
        "企业 100\n"
        "3 绿色工厂 50 10"
    )
    p = table(text, tmp_path)
    assert [n for n, _k, _a in tiers(p)] == ["专精特新“小巨人”企业·国家级", "专精特新“小巨人”企业·省级", "绿色工厂·国家级", "绿色工厂·省级"]
    assert p.todo == [{"lines": [4, 5], "text": "2制造业单项冠军企业100", "note": "「100」：单空格分隔，所在列无法确定，未转为数据。"}]


def test_one_space_header_wrapped_in_two_cells_a_header_repeated_after_a_page_and_names_wrapped_below(tmp_path):
    # "认定" / "类别" and "奖励金额" / "（万元）": each word of the second line to the cell it completes
    text = (
        "对2039年度新认定的创新载体给予一次性奖励：\n"
        "序号 认定 奖励金额 备注\n"
        "类别 （万元）\n"
        "1 国家级企业技术中心 200 含分中心\n"
        "2 省级工业设计中心 30\n"
        "3 省级制造业创新中心（培育 100 2040年起\n"
        "单位）"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国家级企业技术中心", "fixed", D("200")),
        ("省级工业设计中心", "fixed", D("30")),
        ("省级制造业创新中心（培育单位）", "fixed", D("100")),
    ]
    assert "奖励金额（万元）" in p.data["note"]
    assert "表中备注：含分中心。" in p.data["variants"][0]["note"]
    assert p.todo[-1] == {"lines": [6, 7], "text": "3省级制造业创新中心（培育100……2040年起……单位）", "note": "备注「2040年起」未转为数据。"}
    # the header again after a page line; a name wrapped onto the line of its amount
    text = (
        "按下表给予补助：\n"
        "序号 项目类别 补助标准\n"
        "1 国家级企业技术中心 100万元\n"
        "2 国家级工业设计中心 80万元\n"
        "第 3 页 共 8 页\n"
        "序号 项目类别 补助标准\n"
        "3 省级企业技术中心 30万元\n"
        "4 省级工业设计中心（含\n"
        "分中心） 20万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国家级企业技术中心", "fixed", D("100")),
        ("国家级工业设计中心", "fixed", D("80")),
        ("省级企业技术中心", "fixed", D("30")),
        ("省级工业设计中心（含分中心）", "fixed", D("20")),
    ]
    assert p.todo == []
    # the amount on the row's first line, the name going on below it
    text = (
        "对2039年度新获批的创新平台，按以下标准给予一次性奖励：\n"
        "序号 平台类别 奖励金额（万元）\n"
        "1 国家制造业创新中心 1000\n"
        "（含国家地方共建）\n"
        "2 省级制造业创新中心 300\n"
        "3 省级制造业创新中心培育 50\n"
        "单位"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国家制造业创新中心（含国家地方共建）", "fixed", D("1000")),
        ("省级制造业创新中心", "fixed", D("300")),
        ("省级制造业创新中心培育单位", "fixed", D("50")),
    ]
    assert [v["source"]["lines"] for v in p.data["variants"]] == [[3, 4], [5, 5], [6, 7]]


def test_amounts_listed_apart_from_their_grades_with_fenbie_in_tier_tables(tmp_path):
    text = (
        "对获得2039年度工业设计奖项的企业，按下表给予奖励：\n"
        "赛事名称 奖励标准\n"
        "中国优秀工业设计奖 金奖、银奖、优秀奖分别奖励100万元、50万元、20万元\n"
        "省长杯工业设计大赛 一、二、三等奖分别奖励30、20、10\n"
        "万元"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("中国优秀工业设计奖·金奖", "fixed", D("100")),
        ("中国优秀工业设计奖·银奖", "fixed", D("50")),
        ("中国优秀工业设计奖·优秀奖", "fixed", D("20")),
        ("省长杯工业设计大赛·一等奖", "fixed", D("30")),
        ("省长杯工业设计大赛·二等奖", "fixed", D("20")),
        ("省长杯工业设计大赛·三等奖", "fixed", D("10")),
    ]
    assert quotes(p)[4] == "省长杯工业设计大赛……二、三等奖……20、10万元"
    assert p.data["variants"][5]["source"]["lines"] == [4, 5]
    # caps, "和" before the last amount, "…企业" after the grades; lists that do not match are todo
    text = (
        "按以下标准给予奖励：\n"
        "奖项    奖励标准\n"
        "质量奖    国家级、省级分别给予最高100万元、50万元奖励\n"
        "技术奖    对A类、B类企业分别奖励50万元和20万元\n"
        "省长杯    一、二、三等奖分别奖励100、50万元\n"
        "营收奖    营业收入达10亿元、利润达1亿元\n"
        "规模奖    营业收入首次突破10亿"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("质量奖·国家级", "cap_only", D("100")),
        ("质量奖·省级", "cap_only", D("50")),
        ("技术奖·A类", "fixed", D("50")),
        ("技术奖·B类", "fixed", D("20")),
    ]
    assert quotes(p)[0] == "质量奖国家级……最高100万元"
    notes = {t["text"][:3]: t["note"] for t in p.todo}
    assert "个数不一致（3个等次或门槛、2个金额）" in notes["省长杯"]
    assert "一格中有多个金额" in notes["营收奖"]  # thresholds, no grades: never 10亿 as an amount
    assert "门槛" in notes["规模奖"]


def test_one_space_programs_with_a_header_wrapped_so_neither_line_names_both_a_title_and_lead_in_words(tmp_path):
    text = (
        "附表3\n"
        "2039年度先进制造业集群培育奖励事项一览表\n"
        "序号 奖励 奖励标准 兑现\n"
        "事项 方式\n"
        "1 国家先进制造业集群 一次性奖励500万元 免申即享\n"
        "促进机构\n"
        "— 12 —\n"
        "2 省级先进制造业集群 一次性奖励 免申即享\n"
        "促进机构 200万元\n"
        "3 集群龙头企业 营业收入首次突破50亿元、100亿元的，分别 企业申报\n"
        "奖励50万元、100万元"
    )
    rows = programs(text, tmp_path)
    assert [(r["title"], r["lines"]) for r in rows] == [
        ("国家先进制造业集群促进机构", [5, 6]), ("省级先进制造业集群促进机构", [8, 9]), ("集群龙头企业", [10, 11]),
    ]
    assert [amounts(r) for r in rows[:2]] == [[(None, "fixed", D("500"), None)], [(None, "fixed", D("200"), None)]]
    assert rows[1]["data"]["source"]["text"] == "省级先进制造业集群一次性奖励……促进机构200万元"
    assert amounts(rows[2]) == [("突破50亿元", "fixed", D("50"), None), ("突破100亿元", "fixed", D("100"), None)]
    assert [r["no_application"] for r in rows] == [True, True, False]


def test_one_space_programs_with_an_office_header_over_two_lines_a_rate_wrapped_and_lists_that_do_not_match(tmp_path):
    text = (
        "（二）2039年度工业企业提质增效奖励事项\n"
        "序号 政策事项 支持标准 责任 备注\n"
        "处室\n"
        "1 智能制造示范工厂 国家级最高奖励200万元 智能制造处 免申即享\n"
        "2 工业互联网标杆工厂 50万元/家 信息化处\n"
        "3 首台（套）重大技术 按销售额的10%给予奖励，最高 装备处\n"
        "装备 不超过300万元\n"
        "4 规上工业企业营业收入 首次突破5亿元、10亿元的，分 运行处 2038年度数据为准\n"
        "增长奖励 别奖励20万元、50万元、100万元\n"
        "以上事项按就高原则，不重复奖励。"
    )
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["智能制造示范工厂", "工业互联网标杆工厂", "首台（套）重大技术装备", "规上工业企业营业收入增长奖励"]
    assert [r["office"] for r in rows] == ["智能制造处", "信息化处", "装备处", "运行处"]
    assert amounts(rows[0]) == [(None, "cap_only", D("200"), None)]
    assert amounts(rows[1]) == [(None, "per_unit", D("50"), "家")]
    d = rows[2]["data"]
    assert (d["kind"], d["rate"], d["base"], d["cap"]) == ("rate_cap", D("0.1"), "销售额", D("300"))
    # two thresholds, three amounts: todo, kind none — the lists are not matched by guess
    assert rows[3]["data"]["kind"] == "none"
    assert any("个数不一致（2个等次或门槛、3个金额）" in t["note"] for t in rows[3]["todo"])
    assert any(t["note"] == "备注「2038年度数据为准」未转为数据。" for t in rows[3]["todo"])
    assert [r["no_application"] for r in rows] == [True, False, False, False]
    # no 序号 column: every line with all its cells is a row
    text = "事项名称 奖励标准 兑现方式\n企业技术中心 国家级100万元/家；省级30万元/家 免申即享\n绿色工厂 50万元/家 免申即享\n工业设计中心 另行通知 企业申报"
    rows = programs(text, tmp_path)
    assert [r["title"] for r in rows] == ["企业技术中心", "绿色工厂", "工业设计中心"]
    assert amounts(rows[0]) == [("国家级", "per_unit", D("100"), "家"), ("省级", "per_unit", D("30"), "家")]
    assert rows[2]["data"]["kind"] == "none"


def test_prose_and_lists_with_single_spaces_and_numbers_are_no_tables(tmp_path):
    texts = [
        "具体奖励标准如下：\n1 对新认定的国家级企业技术中心，给予100万元奖励。\n2 对新认定的省级企业技术中心，给予30万元奖励。",
        "企业 2039年 营业收入 首次突破 10亿元 的\n给予 一次性 奖励 30万元\n对 新认定 的 企业 奖励 50万元",
        "表1 2039年度奖励资金安排情况\n全年共安排资金 5000万元，其中\n技术改造 3000万元。",
        "对获得一、二、三等奖的项目分别奖励100、50、30万元。\n对获得优秀奖的项目奖励10万元。",
        "序号 事项名称 奖励标准\n以上事项的奖励标准另行通知。",
    ]
    for text in texts:
        assert table(text, tmp_path) is None, text
        assert programs(text, tmp_path) is None, text
    # a list of materials is no award table (no amounts, no unit: never a number as 万元)
    p = table("申报材料清单如下：\n序号 材料名称 份数\n1 项目申报书 3\n2 营业执照复印件 1", tmp_path)
    assert p is None or "variants" not in p.data


def test_one_space_a_blank_top_left_header_cell_and_a_two_line_header_repeated_after_a_page(tmp_path):
    # the header has no cell over the names: the rows have one cell more than the header
    p = table("根据评价结果分档支持（单位：万元）：\n国家级 省级\n企业技术中心 100 30\n工业设计中心 80 20", tmp_path)
    assert tiers(p) == [
        ("企业技术中心·国家级", "fixed", D("100")),
        ("企业技术中心·省级", "fixed", D("30")),
        ("工业设计中心·国家级", "fixed", D("80")),
        ("工业设计中心·省级", "fixed", D("20")),
    ]
    assert p.todo == []
    # both lines of the header again after the page line: no cell of any row
    text = (
        "按下表给予奖励：\n"
        "序号 奖励事项 奖励金额\n"
        "（万元）\n"
        "1 国家级企业技术中心 100\n"
        "2 国家级工业设计中心 80\n"
        "- 3 -\n"
        "序号 奖励事项 奖励金额\n"
        "（万元）\n"
        "3 省级企业技术中心 30"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [("国家级企业技术中心", "fixed", D("100")), ("国家级工业设计中心", "fixed", D("80")), ("省级企业技术中心", "fixed", D("30"))]
    assert p.todo == []
    rows = programs(text, tmp_path)
    assert [(r["title"], r["lines"], amounts(r)) for r in rows] == [
        ("国家级企业技术中心", [4, 4], [(None, "fixed", D("100"), None)]),
        ("国家级工业设计中心", [5, 5], [(None, "fixed", D("80"), None)]),
        ("省级企业技术中心", [9, 9], [(None, "fixed", D("30"), None)]),
    ]
    assert all(r["todo"] == [] for r in rows)


# ------------------------------------------------------------------------------------------
# one-space tables after a heading or a hard-wrapped lead; "100 万元" with a space
# ------------------------------------------------------------------------------------------
HEADING_CUT = """（一次性）。
序号 认定类别 奖励标准 
1 国家级专精特新“小巨人”企业 100 万元 
2 省级专精特新中小企业 30 万元 
3 市级专精特新中小企业 8 万元 
晋级企业按差额补足。通过工信部复核的国家级“小巨人”企业，"""

WRAPPED_LEAD_BANDS = """对2040年度营业收入首次突破相应规模的工业企业给予一次性奖
励。申报企业2040年度营业收入增速不低于10%，按照就高原则，
不重复享受。
营业收入规模 奖励金额（万元）
首次突破100亿元 300
首次突破50亿元 150
首次突破20亿元 60
首次突破10亿元 30"""


def test_a_one_space_header_that_reads_like_a_heading_and_amounts_with_a_space_before_the_unit(tmp_path):
    # "序号 认定类别 奖励标准" ends like a heading ("…奖励标准") but heads rows as wide: the table's header
    for text, first in ((HEADING_CUT, 1), ("2.奖励标准（一次性）。\n" + HEADING_CUT.split("\n", 1)[1], 1), (HEADING_CUT, 40)):
        p = table(text, tmp_path, first)
        assert tiers(p) == [
            ("国家级专精特新“小巨人”企业", "fixed", D("100")),
            ("省级专精特新中小企业", "fixed", D("30")),
            ("市级专精特新中小企业", "fixed", D("8")),
        ]
        assert [v["source"]["lines"] for v in p.data["variants"]] == [[first + 2, first + 2], [first + 3, first + 3], [first + 4, first + 4]]
        assert quotes(p)[0] == "国家级专精特新“小巨人”企业100万元"
        # the sentence after the table (cut in the middle) is todo, not a row
        assert [t["lines"] for t in p.todo] == [[first + 5, first + 5]] * 2
        assert "".join(t["text"] for t in p.todo) == "晋级企业按差额补足。通过工信部复核的国家级“小巨人”企业，"
        # 类别 names no programs
        assert programs(text, tmp_path, first) is None


def test_a_hard_wrapped_lead_and_a_band_column_that_names_the_rows(tmp_path):
    p = table(WRAPPED_LEAD_BANDS, tmp_path)
    assert tiers(p) == [
        ("首次突破100亿元", "fixed", D("300")),
        ("首次突破50亿元", "fixed", D("150")),
        ("首次突破20亿元", "fixed", D("60")),
        ("首次突破10亿元", "fixed", D("30")),
    ]
    # "首次突破N" reaches N (>=, as the drafter reads 突破 in a sentence): each row's threshold,
    # 亿元 in 万元; the band stays in the name too
    assert [[(t["op"], t["value"]) for t in v["thresholds"]] for v in p.data["variants"]] == [
        [(">=", D("1000000"))], [(">=", D("500000"))], [(">=", D("200000"))], [(">=", D("100000"))]]
    assert "thresholds" not in p.data
    assert [t["lines"] for t in p.todo] == [[1, 2], [2, 3]]
    assert "奖励金额（万元）" in p.data["note"]
    # the lead wrapped over three lines is the lead, not a row; its numbers are todo
    assert p.data["source"]["lines"][0] == 1
    # 亿元 in the band column is never an amount
    assert not {D("100"), D("50"), D("20"), D("10"), D("1000000")} & {v["fixed"] for v in p.data["variants"]}
    # without a unit for the bare numbers: nothing read as 万元
    p = table(WRAPPED_LEAD_BANDS.replace("奖励金额（万元）", "奖励金额"), tmp_path)
    assert p is None or "variants" not in p.data or all(v["fixed"] in (D("300"), D("150")) for v in p.data["variants"])
    # a band that says its included end (亿元 turned into 万元, as before)
    text = (
        "对2040年度营业收入首次突破相应规模的工业企业给予一次性奖\n励，按照就高原则，不重复享受。\n"
        "营业收入规模 奖励金额\n100亿元（含）以上 300 万元 \n50亿元（含）—100亿元 150 万元 \n注：营业收入以税务部门数据为准。"
    )
    p = table(text, tmp_path)
    assert tiers(p) == [("100亿元（含）以上", "fixed", D("300")), ("50亿元（含）—100亿元", "fixed", D("150"))]
    assert [conds(v) for v in p.data["variants"]] == [
        [("营业收入规模", ">=", D("1000000"))],
        [("营业收入规模", ">=", D("500000")), ("营业收入规模", "<", D("1000000"))],
    ]
    assert [t["lines"] for t in p.todo] == [[1, 2], [6, 6]]


def test_amounts_with_a_space_before_the_unit_in_every_layout(tmp_path):
    lead = "对新认定的企业给予一次性奖励：\n"
    want = [("国家级企业技术中心", "fixed", D("100")), ("省级企业技术中心", "cap_only", D("30"))]
    texts = [
        "奖励事项    奖励金额\n国家级企业技术中心    100 万元\n省级企业技术中心    最高 30 万元",
        "| 奖励事项 | 奖励金额 |\n| --- | --- |\n| 国家级企业技术中心 | 100 万元 |\n| 省级企业技术中心 | 最高 30 万元 |",
        "奖励事项\t奖励金额\n国家级企业技术中心\t100 万元\n省级企业技术中心\t最高 30 万元",
        "奖励事项\n奖励金额\n国家级企业技术中心\n100 万元\n省级企业技术中心\n最高 30 万元",
        "奖励事项 奖励金额 \n国家级企业技术中心 100 万元 \n省级企业技术中心 最高 30 万元 ",
        "序号 奖励事项 奖励金额\n1 国家级企业技术中心 100 万元\n2 省级企业技术中心 最高 30 万元",
    ]
    for text in texts:
        assert tiers(table(lead + text, tmp_path)) == want, text
    p = table(lead + "奖励事项 奖励金额\n绿色工厂 50 万元/家\n智能工厂 100 万元", tmp_path)
    assert tiers(p) == [("绿色工厂", "per_unit", D("50")), ("智能工厂", "fixed", D("100"))]
    # a matrix, one cell with its unit, one without (unit from the lead)
    p = table("根据认定级别给予奖励（单位：万元）：\n类别 国家级 省级 \n企业技术中心 100 30 \n工业设计中心 80 万元 20 万元 ", tmp_path)
    assert tiers(p) == [
        ("企业技术中心·国家级", "fixed", D("100")),
        ("企业技术中心·省级", "fixed", D("30")),
        ("工业设计中心·国家级", "fixed", D("80")),
        ("工业设计中心·省级", "fixed", D("20")),
    ]
    rows = programs("序号 事项名称 奖励标准\n1 国家级企业技术中心 100 万元\n2 省级企业技术中心 最高 30 万元", tmp_path)
    assert [(r["title"], amounts(r)) for r in rows] == [
        ("国家级企业技术中心", [(None, "fixed", D("100"), None)]),
        ("省级企业技术中心", [(None, "cap_only", D("30"), None)]),
    ]


def test_a_heading_a_wrapped_lead_an_index_header_ending_in_standard_a_page_line_and_a_cap_apart(tmp_path):
    text = """三、支持标准
对本年度新认定的市级以上专精特新企业按认定等级给予一次性奖
励，同一企业按最高等级奖励，不重复享受。
序号 认定等级 奖励标准 
1 国家级专精特新“小巨人”企业 200 万元 
2 省级专精特新中小企业 最高 50 万元 
- 5 -
3 市级专精特新中小企业 10 万元 
已享受上级同类奖励的企业按差额补足。"""
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国家级专精特新“小巨人”企业", "fixed", D("200")),
        ("省级专精特新中小企业", "cap_only", D("50")),
        ("市级专精特新中小企业", "fixed", D("10")),
    ]
    assert quotes(p)[1] == "省级专精特新中小企业最高50万元"
    assert [t["lines"] for t in p.todo] == [[9, 9]]
    # no 序号, the heading whole before the header
    p = table("2.奖励标准（一次性）。\n认定类别 奖励标准 \n国家级专精特新“小巨人”企业 100 万元 \n省级专精特新中小企业 30 万元 \n晋级企业按差额补足。", tmp_path)
    assert tiers(p) == [("国家级专精特新“小巨人”企业", "fixed", D("100")), ("省级专精特新中小企业", "fixed", D("30"))]
    assert [t["lines"] for t in p.todo] == [[5, 5]]


def test_hard_wrapped_prose_with_spaced_amounts_and_header_like_lines_are_no_tables(tmp_path):
    texts = [
        "对新认定的国家级企业技术中心给予一次性奖励 100 万元，对省级\n企业技术中心给予 30 万元。对新认定的国家级工业设计中心给予一\n次性奖励 80 万元。",
        "序号 认定类别 奖励标准\n1 对新认定的国家级企业技术中心，给予 100 万元奖励。\n2 对新认定的省级企业技术中心，给予 30 万元奖励。",
        "对企业参加展会给予补助，补助金额按展位费用的50%计算，单个企业\n全年补助不超过 20 万元。\n企业 名称 展位\n费用 由 企业 先行 垫付",
        "对2040年度营业收入首次突破相应规模的工业企业给予一次性奖\n励。申报企业2040年度营业收入增速不低于10%，按照就高原则，\n不重复享受。",
    ]
    for text in texts:
        assert table(text, tmp_path) is None, text
        assert programs(text, tmp_path) is None, text


def test_a_tier_tables_unit_per_one_and_a_column_of_counts(tmp_path):
    from subsidykit.authoring.clause_tables import read_tier_table

    sec = [
        (1, "2.奖励标准。按下表执行，同一企业按所获最高等级奖励。"),
        (2, "          等    级               奖励额度（万元/家）           计划数量"),
        (3, "       甲级示范工厂                  1 200                     据实"),
        (4, "       乙级示范工厂                    150                  不超过40家"),
        (5, "       丙级示范工厂                     30                 不超过300家"),
    ]
    p = read_tier_table(sec, "g.txt")
    assert [(v["name"], v["kind"], v["unit_amount"], v["unit"]) for v in p.data["variants"]] == [
        ("甲级示范工厂", "per_unit", D("1200"), "家"), ("乙级示范工厂", "per_unit", D("150"), "家"),
        ("丙级示范工厂", "per_unit", D("30"), "家")]
    quotas = {q["name"]: q["value"] for q in p.data["variant_quotas"]}
    assert quotas == {"乙级示范工厂": D("40"), "丙级示范工厂": D("300")}


def test_a_first_column_merged_over_its_rows_a_lead_wrapped_over_three_lines_and_a_total_cap_after(tmp_path):
    # "中国…奖" alone over "组织 300" / "个人 50": the name spans the rows below it (a merged cell),
    # also over a page number; the lead's sentence ends on its third line ("…标准见" / "表 1。");
    # "累计不超过120万元" after the table limits the rows' sum
    text = ("对 2095 年度获得示范省质量奖、示范市质量奖（含提名奖）的组织\n和个人给予一次性奖励，单个组织奖励标准见\n表 1。\n"
            "表 1  质量奖奖励标准\n奖项名称 获奖主体 奖励金额（万元）\n示范省质量奖\n组织 120\n个人 40\n示范省质量奖提名奖 组织 60\n"
            "示范市质量奖\n组织 70\n\n— 6 —\n\n个人 15\n"
            "同一组织同一年度奖励累计不超过120万元。")
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("示范省质量奖·组织", "fixed", D("120")),
        ("示范省质量奖·个人", "fixed", D("40")),
        ("示范省质量奖提名奖·组织", "fixed", D("60")),
        ("示范市质量奖·组织", "fixed", D("70")),
        ("示范市质量奖·个人", "fixed", D("15")),
    ]
    assert quotes(p)[1] == "示范省质量奖……个人40"
    assert p.data["cap"] == D("120")
    assert "合计上限" in p.data["note"]


def test_a_unit_per_item_on_a_line_of_its_own_over_a_matrix(tmp_path):
    text = "按标准类别给予一次性奖励，标准见表2。\n单位：万元/项\n标准类别 主导制定 参与制定\n国际标准 50 15\n国家标准 25 8\n团体标准 4 —"
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("国际标准·主导制定", "fixed", D("50")), ("国际标准·参与制定", "fixed", D("15")),
        ("国家标准·主导制定", "fixed", D("25")), ("国家标准·参与制定", "fixed", D("8")),
        ("团体标准·主导制定", "fixed", D("4")),
    ]
    assert "cap" not in p.data


def test_a_class_number_in_a_header_cell_and_amounts_that_the_lead_says_are_limits(tmp_path):
    # "创新药（1类）" is a header's words; "不超过表1所列标准": each row's amount is its limit
    text = ("每个阶段补助额不超过该阶段实际支出的30%，且不超过表1所列标准；单个企业年度累计补助不超过 1 500 万元。\n"
            "单位：万元\n临床阶段\n创新药（1类）\n改良型新药（2类）\nⅠ期\n150\n80\nⅡ期\n300\n150\n")
    p = table(text, tmp_path)
    assert tiers(p) == [
        ("Ⅰ期·创新药（1类）", "cap_only", D("150")), ("Ⅰ期·改良型新药（2类）", "cap_only", D("80")),
        ("Ⅱ期·创新药（1类）", "cap_only", D("300")), ("Ⅱ期·改良型新药（2类）", "cap_only", D("150")),
    ]
    assert p.data["cap"] == D("1500")
    assert "各档上限" in p.data["note"]


def test_one_cell_per_line_with_spaces_inside_a_number_and_a_bracket_and_a_header_per_set(tmp_path):
    text = "按考核等级给予一次性奖励：\n考核等级\n奖励金额（万元）\n优秀（A 类）\n1 200\n良好（B 类）\n600\n"
    p = table(text, tmp_path)
    assert tiers(p) == [("优秀（A类）", "fixed", D("1200")), ("良好（B类）", "fixed", D("600"))]
    text = "按认定等级分档奖励，同一企业最高不超过700万元。\n认定等级    奖励标准（万元/台套）\n国际领先    350\n国内领先    120\n"
    p = table(text, tmp_path)
    assert [(v["name"], v["kind"], v["unit_amount"], v["unit"]) for v in p.data["variants"]] == [
        ("国际领先", "per_unit", D("350"), "台套"), ("国内领先", "per_unit", D("120"), "台套")]
    assert p.data["cap"] == D("700")


def test_a_sentence_after_a_table_granting_one_more_sum_to_a_named_case_is_one_more_class(tmp_path):
    text = ("按规模档次给予一次性奖励：\n营业收入档次\t奖励金额\n首次突破5亿元\t25万元\n首次突破20亿元\t80万元\n"
            "首次入围全国民营企业500强的，另给予一次性奖励120万元。")
    p = table(text, tmp_path)
    assert tiers(p) == [("首次突破5亿元", "fixed", D("25")), ("首次突破20亿元", "fixed", D("80")),
                        ("首次入围全国民营企业500强", "fixed", D("120"))]
    assert "可与表中档次叠加" in p.data["note"]


def test_a_band_with_both_ends_in_one_cell_under_a_header_per_mu(tmp_path):
    # "60以上、不足100": >= 60 and < 100 (以上 includes, 不足 excludes); "（万元/亩）" is the band's unit
    text = "按档次给予奖励，标准如下：\n档次 亩均税收（万元/亩） 奖励金额（万元）\n一档 120以上 90\n二档 70以上、不足120 45\n三档 40以上、不足70 20\n"
    p = table(text, tmp_path)
    assert [(v["name"], v["fixed"], [(t["op"], t["value"]) for t in v["thresholds"]]) for v in p.data["variants"]] == [
        ("一档", D("90"), [(">=", D("120"))]),
        ("二档", D("45"), [(">=", D("70")), ("<", D("120"))]),
        ("三档", D("20"), [(">=", D("40")), ("<", D("70"))]),
    ]


def test_a_number_only_in_a_row_names_remark_leaves_the_column_a_label(tmp_path):
    text = ("按评价结果给予奖励，具体见表5。\n表5  综合评价奖励标准\n评价结果                        奖励标准\n"
            "A类企业（综合得分前10名）       25万元/家\nA类企业（其他）                 12万元/家\n")
    p = table(text, tmp_path)
    assert [(v["name"], v["kind"], v["unit_amount"]) for v in p.data["variants"]] == [
        ("A类企业（综合得分前10名）", "per_unit", D("25")), ("A类企业（其他）", "per_unit", D("12"))]
