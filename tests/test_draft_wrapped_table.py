"""The drafter on a table of programs as `pdftotext -layout` prints a word processor's table
whose rows are not parted by blank lines (issue 17): an index cell ("1.", "（2）") starts a row,
every cell wraps over several lines, a page break cuts a row (page number, running header and
the table's header repeated before the row goes on), band rows ("二、平台建设类") name the rows
under them, a number is cut by the wrap ("最高1" / "500万元"), a 备注 column holds quotas, first
payments and 免申即享.  Tables whose rows are parted by blank lines read as before, and two rows
a blank line should have parted are read as two.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

import resource
import time
import unicodedata
from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.draft import draft_guide
from subsidykit.authoring.layout_table import read_layout_tables

AT = (2, 8, 22, 50, 78)


def _w(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def row(*cells: str, wide: bool = False, at=AT) -> str:
    """One printed line: each cell's piece at its column (in characters, or in display width
    as a layout set in a CJK font puts it), two spaces at least between pieces."""
    line = ""
    for cell, col in zip(cells, at):
        if not cell:
            continue
        size = _w(line) if wide else len(line)
        line += " " * max(col - size, 2 if line else 0) + cell
    return line


def wrapped_guide(wide: bool = False, serial=("1.", "2.", "3.", "4."), pages: bool = True) -> str:
    r = lambda *c: row(*c, wide=wide)  # noqa: E731
    head = r("编号", "项目类型", "申报对象及条件", "扶持标准", "备注")
    lines = [
        "关于组织申报示范市2070年度制造业专项资金的通知",
        "各有关单位：现将2070年度专项资金申报指南印发给你们，请按要求组织申报。",
        "",
        "附件",
        "",
        "                  示范市2070年度制造业专项资金申报指南",
        "",
        head,
        r("一、数字化转型类"),
        r(serial[0], "数字化车间", "2069年度新建成数字化车", "按设备投入的10%给予补", "支持数量不"),
        r("", "改造项目", "间，设备投入不低于800万", "助，单个项目最高1", "超过12个"),
        r("", "", "元。", "500万元。"),
        r(serial[1], "上云标杆企", "2069年度新评定的上云标杆", "每家奖励15万元。", "免申即享"),
        r("", "业（免申即", "企业。"),
        r("", "享）"),
        r("二、平台建设类"),
        r(serial[2], "公共技术服", "平台上年度服务企业不少于", "按平台建设投入的20%给", "首期拨付"),
        r("", "务平台", "50家，建设投入不低于200", "予补助，最高不超过100", "60%；不超"),
        r("", "", "万元", "", "过4个"),
        "",
        "                                 — 2 —",
        "",
        "                  示范市2070年度制造业专项资金申报指南",
        "",
        head,
        r("", "", "（不含土地）。", "万元。"),
        r("三、绿色低碳类"),
        "",
        "                                 — 3 —",
        "",
        "                  示范市2070年度制造业专项资金申报指南",
        "",
        head,
        r(serial[3], "屋顶光伏", "装机容量不低于2兆瓦，2069", "按每千瓦80元给予补助，", "全市不超"),
        r("", "建设补助", "年度建成并网。", "最高不超过40万元。", "过5个"),
        "",
        "附件2",
        "联系人：示范市工信局 王某，电话：0000-1234567",
        "",
    ]
    return "\n".join(x if pages or "—" not in x else "" for x in lines)


def _check(d) -> None:
    progs = by_title(d)
    assert set(progs) == {"数字化车间改造项目", "上云标杆企业", "公共技术服务平台", "屋顶光伏建设补助"}
    shop = progs["数字化车间改造项目"]
    assert (shop["rate"], shop["cap"]) == (D("0.1"), D("1500"))  # "最高1" / "500万元" read whole
    assert shop["quota"]["value"] == D("12")  # the 备注 column's count, cut over two lines
    assert any(t["op"] == ">=" and t["value"] == D("800") for t in shop["thresholds"])
    assert shop["path"][-1] == "一、数字化转型类"
    cloud = progs["上云标杆企业"]
    assert cloud["no_application"] is True  # in the title (over three lines) and in 备注
    platform = progs["公共技术服务平台"]
    assert (platform["rate"], platform["cap"]) == (D("0.2"), D("100"))  # 万元 after the page break
    assert platform["first_payment"]["share"] == D("0.6")
    assert platform["quota"]["value"] == D("4")
    assert {(t["op"], t["value"]) for t in platform["thresholds"]} >= {(">=", D("50")), (">=", D("200"))}
    assert platform["path"][-1] == "二、平台建设类"
    solar = progs["屋顶光伏建设补助"]
    assert solar["path"][-1] == "三、绿色低碳类"  # the band row at the foot of the page before
    assert (solar["unit_amount"], solar["cap"]) == (D("0.008"), D("40"))
    assert solar["quota"]["value"] == D("5")
    assert any(t["op"] == ">=" and t["value"] == D("2000") for t in solar["thresholds"])  # 2兆瓦


def test_rows_started_by_their_index_cell_without_blank_lines(tmp_path):
    path = write(tmp_path, "guide_2070.txt", wrapped_guide())
    d = draft_guide(path, year=2070)
    _check(d)
    # the furniture of the page break is no row's text, and no line is left unread
    assert not any("没有归入" in str(t) or "未能归入" in str(t) for t in d.document.get("todo", []))
    assert_cited(d, tmp_path)
    validates(d)


def test_display_width_layout_and_bracketed_index_cells(tmp_path):
    path = write(tmp_path, "guide_2070.txt", wrapped_guide(wide=True, serial=("（1）", "（2）", "（3）", "（4）")))
    d = draft_guide(path, year=2070)
    _check(d)
    assert_cited(d, tmp_path)
    validates(d)


def test_the_table_reader_parts_rows_and_joins_a_row_across_the_break():
    lines = wrapped_guide().split("\n")
    (table,) = read_layout_tables(lines)
    assert table.roles == ["serial", "name", "cond", "award", "remark"]
    assert [r.serial for r in table.rows] == ["1", "2", "3", "4"]
    platform = table.rows[2]
    assert (platform.first, platform.last) == (17, 26)  # its last line stands after the break
    assert not any("指南" in t for r in table.rows for ps in r.cells.values() for _n, t in ps)
    assert table.furniture == {23, 31}


def test_a_running_header_without_page_numbers_is_the_table_title_repeated(tmp_path):
    (table,) = read_layout_tables(wrapped_guide(pages=False).split("\n"))
    assert table.furniture == {23, 31} and [(r.first, r.last) for r in table.rows][2] == (17, 26)
    path = write(tmp_path, "guide_2070.txt", wrapped_guide(pages=False))
    d = draft_guide(path, year=2070)
    _check(d)
    assert_cited(d, tmp_path)


def test_a_rows_last_line_before_a_page_number_is_no_running_footer():
    lines = BLANK_PARTED.split("\n")
    head = lines[3]
    # row 1's office cell ends on a line of its own, just before the page break
    lines[7:7] = [" " * 88 + "（综合科）", "", "                — 2 —", "", head]
    (table,) = read_layout_tables(lines)
    first = table.rows[0]
    assert (first.first, first.last) == (6, 8) and not table.furniture
    assert "".join(t for _n, t in first.cells["dept"]).endswith("（综合科）")


BLANK_PARTED = """\
关于开展2071年度示范区企业奖补兑现的通知
一、奖补项目
2071年度示范区企业奖补项目表
序号    奖补项目                奖补条件                      奖补标准                  责任单位

1       研发投入奖              上年度研发投入不低于          按研发投入的5%给予奖      区科技局
                                300万元。                     励，最高不超过50万元。

2       质量标杆奖              新获评市级质量标杆。          一次性奖励10万元。        区市监局
3       品牌培育奖              新获评省级品牌。              一次性奖励20万元。        区市监局

4       人才引进奖              新引进博士研究生。            每人奖励5万元。           区人社局

二、申报材料
申报表。
"""


def test_two_rows_a_blank_line_should_have_parted_are_two(tmp_path):
    (table,) = read_layout_tables(BLANK_PARTED.split("\n"))
    assert [r.serial for r in table.rows] == ["1", "2", "3", "4"]
    assert [(r.first, r.last) for r in table.rows] == [(6, 7), (9, 9), (10, 10), (12, 12)]
    path = write(tmp_path, "guide_2071.txt", BLANK_PARTED)
    d = draft_guide(path, year=2071)
    progs = by_title(d)
    assert progs["质量标杆奖"]["fixed"] == D("10") and progs["品牌培育奖"]["fixed"] == D("20")
    assert (progs["研发投入奖"]["rate"], progs["研发投入奖"]["cap"]) == (D("0.05"), D("50"))
    assert_cited(d, tmp_path)


def test_a_long_table_and_a_long_line_are_read_in_linear_time():
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, hard))
    try:
        body = wrapped_guide().split("\n")
        head, rows = body[:8], body[8:19]
        lines = head + rows * 1800  # about 20,000 lines of rows without blank lines
        start = time.monotonic()
        tables = read_layout_tables(lines)
        assert tables and len(tables[0].rows) > 1000
        long = head + [row("1.", "长行", "条" * 1_000_000, "奖励1万元。")] + rows
        read_layout_tables(long)
        assert time.monotonic() - start < 20
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_a_header_whose_words_wrap_onto_a_second_line(tmp_path):
    text = wrapped_guide()
    one = row("编号", "项目类型", "申报对象及条件", "扶持标准", "备注")
    two = row("编号", "项目", "申报对象", "扶持", "备注") + "\n" + row("", "类型", "及条件", "标准")
    assert text.count(one) == 3
    text = text.replace(one, two)  # the first header and both repeated ones
    (table,) = read_layout_tables(text.split("\n"))
    assert table.roles == ["serial", "name", "cond", "award", "remark"]
    assert [r.serial for r in table.rows] == ["1", "2", "3", "4"]
    assert not any("类型" in t or "标准" == t.strip("\u241e") for r in table.rows for ps in r.cells.values() for _n, t in ps)
    path = write(tmp_path, "guide_2070.txt", text)
    d = draft_guide(path, year=2070)
    _check(d)
    assert not any("未能归入" in str(t) for t in d.document.get("todo", []))
    assert_cited(d, tmp_path)


def test_an_index_column_with_no_word_over_it(tmp_path):
    text = wrapped_guide(serial=("（1）", "（2）", "（3）", "（4）"))
    one = row("编号", "项目类型", "申报对象及条件", "扶持标准", "备注")
    text = text.replace(one, row("", "项目类型", "申报对象及条件", "扶持标准", "备注"))
    (table,) = read_layout_tables(text.split("\n"))
    assert table.roles[0] == "serial" and [r.serial for r in table.rows] == ["1", "2", "3", "4"]
    path = write(tmp_path, "guide_2070.txt", text)
    d = draft_guide(path, year=2070)
    _check(d)
    assert_cited(d, tmp_path)


def test_a_title_wrapped_over_two_lines_and_repeated_at_each_page(tmp_path):
    for pages in (True, False):
        text = wrapped_guide(pages=pages).replace(
            "                  示范市2070年度制造业专项资金申报指南",
            "                  示范市2070年度制造业\n                    专项资金申报指南")
        (table,) = read_layout_tables(text.split("\n"))
        assert table.title == "示范市2070年度制造业专项资金申报指南"
        assert table.furniture == {24, 25, 33, 34}  # both lines of the title at both breaks
        assert [r.serial for r in table.rows] == ["1", "2", "3", "4"]
        path = write(tmp_path, "guide_2070.txt", text)
        d = draft_guide(path, year=2070)
        _check(d)
        assert not any("未能归入" in str(t) for t in d.document.get("todo", []))
        assert_cited(d, tmp_path)


def test_an_index_one_space_from_its_name_a_centred_band_and_a_grouped_number_cut(tmp_path):
    import re

    text = wrapped_guide()
    # a narrow serial column: the index one space from the name's first piece (later columns
    # where they were)
    text = re.sub(r"(?m)^(  \d\.)( +)(\S+)", lambda m: m.group(1) + " " + m.group(3) + " " * (len(m.group(2)) - 1), text)
    assert "  1. 数字化车间" in text
    text = text.replace("\n  二、平台建设类\n", "\n" + " " * 30 + "二、平台建设类\n")  # centred
    text = text.replace("最高1 ", "最高1,")  # "1,500万元" cut after its comma
    (table,) = read_layout_tables(text.split("\n"))
    assert [r.serial for r in table.rows] == ["1", "2", "3", "4"]
    assert "".join(t for _n, t in table.rows[0].cells["name"]).replace("\u241e", "") == "数字化车间改造项目"
    assert table.rows[2].band == "二、平台建设类"
    path = write(tmp_path, "guide_2070.txt", text)
    d = draft_guide(path, year=2070)
    _check(d)
    cap = by_title(d)["数字化车间改造项目"]
    assert "1,……500" in cap["source"]["text"] or any("1,……500" in str(v) for v in cap.values())
    assert_cited(d, tmp_path)


def test_bare_page_numbers_and_other_header_words():
    text = wrapped_guide().replace("— 2 —", "2").replace("— 3 —", "3")
    text = text.replace(row("编号", "项目类型", "申报对象及条件", "扶持标准", "备注"),
                        row("编号", "类别", "申报条件及要求", "支持方式及标准", "说明"))
    (table,) = read_layout_tables(text.split("\n"))
    assert table.roles == ["serial", "name", "cond", "award", "remark"]
    assert [r.serial for r in table.rows] == ["1", "2", "3", "4"]
    assert [(r.first, r.last) for r in table.rows][2] == (17, 26)
    assert not any(t.strip("\u241e") in ("2", "3") for r in table.rows for ps in r.cells.values() for _n, t in ps)


CENTRED = """\
2072年度示范县工业奖补项目表
序号    奖补项目                奖补条件                      奖补标准                  责任单位

                                上年度研发投入不低于          按研发投入的5%给予奖      县科技局
1       研发投入奖              300万元。                     励，最高不超过50万元。
                                                              
                                新获评市级质量标杆。          一次性奖励10万元。        县市监局
2       质量标杆奖
                                新获评省级品牌。              一次性奖励20万元。        县市监局
3       品牌培育奖

                                新引进博士研究生。            每人奖励5万元。           县人社局
4       人才引进奖

二、申报材料
"""


def test_index_cells_centred_in_their_rows_do_not_cut_a_run():
    """Index cells standing on their row's middle line (the table's cells centred): a run of
    lines with two of them is not cut at them (where one row ends is not known), as before."""
    (table,) = read_layout_tables(CENTRED.split("\n"))
    assert [(r.first, r.last) for r in table.rows] == [(4, 5), (7, 10), (12, 13)]


def test_band_rows_numbered_in_brackets_and_a_heading_after_the_table():
    text = wrapped_guide(serial=("1.", "2.", "3.", "4."))
    for a, b in (("一、数字化转型类", "（一）数字化转型类"), ("二、平台建设类", "（二）平台建设类"), ("三、绿色低碳类", "（三）绿色低碳类")):
        text = text.replace(a, b)
    text = text.replace("\n附件2\n", "\n（四）申报时间\n2070年5月31日前报送。\n附件2\n")
    (table,) = read_layout_tables(text.split("\n"))
    assert [r.band for r in table.rows] == ["（一）数字化转型类", "（一）数字化转型类", "（二）平台建设类", "（三）绿色低碳类"]
    assert table.last == 35  # the heading after the table is not a band row


def test_a_blank_line_inside_a_row_of_a_table_without_blank_lines_between_rows(tmp_path):
    lines = wrapped_guide().split("\n")
    lines.insert(10, "")  # inside row 1, before its second line
    (table,) = read_layout_tables(lines)
    assert [(r.serial, r.first, r.last) for r in table.rows][:2] == [("1", 10, 13), ("2", 14, 16)]
    path = write(tmp_path, "guide_2070.txt", "\n".join(lines))
    d = draft_guide(path, year=2070)
    _check(d)
    assert_cited(d, tmp_path)
