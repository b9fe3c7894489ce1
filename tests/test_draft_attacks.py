"""The drafter under hostile text (issue 17, attack of the fourth session): broken layouts must
never turn into a wrong amount that passes the quote and number checks, a long sentence must not
take the drafter minutes, and names and control characters must not leak into YAML or sheets.

Each fragment is the smallest form of a failure the attack found (benchmarks were not used)."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from decimal import Decimal as D

import yaml
from test_draft_guides import assert_cited, by_title, write

from subsidykit.authoring.draft import draft_guide

HEAD = "2037年度专项资金申报指南\n\n一、智能化改造\n\n"


def amounts(draft) -> set[D]:
    out: set[D] = set()

    def walk(d):
        if isinstance(d, dict):
            for k, v in d.items():
                if k in ("rate", "cap", "fixed", "unit_amount") and isinstance(v, D):
                    out.add(v)
                elif k not in ("source", "thresholds", "todo"):
                    walk(v)
        elif isinstance(d, list):
            for x in d:
                walk(x)

    walk(draft.programs)
    return out


def test_a_number_split_by_a_line_break_is_one_number(tmp_path):
    # "3" / "00" / "" / "万元": the bare "00" is the rest of 300, never a page number
    text = HEAD + "（一）智能化改造项目补助\n\n1.补助标准。按设备投入的12%予以补助，单个项目最高不超过3\n00\n\n万元。\n"
    d = draft_guide(write(tmp_path, "g.txt", text), year=2037)
    assert D("3") not in amounts(d)
    assert D("300") in amounts(d)
    assert_cited(d, tmp_path)


def test_a_repeated_wrap_fragment_is_no_running_header(tmp_path):
    # "元以" four times (a PDF wrap of "万元以上"): never dropped as a header, so "5000万元以上"
    # stays a bound on who, not an award of 5000万元
    text = HEAD + (
        "（一）研发投入奖励。对研发费用3000万\n元以\n上的企业，奖励20万元；研发费用1000万\n元以\n上的企业，奖励10万元；"
        "研发费用500万\n元以\n上的企业，奖励5万元。\n（二）小升规奖励。对当年主营业务收入达到5000万\n元以\n上的，奖励5万元/家。\n"
    )
    d = draft_guide(write(tmp_path, "g.txt", text), year=2037)
    got = amounts(d)
    assert not got & {D("3000"), D("1000"), D("5000")}, got
    assert {D("20"), D("10"), D("5")} <= got
    assert_cited(d, tmp_path)


def test_a_bound_with_yishang_is_never_an_amount(tmp_path):
    text = HEAD + "（一）研发投入奖励。对研发费用500万元以上、研发投入占比不低于3%的企业，奖励20万元。\n"
    d = draft_guide(write(tmp_path, "g.txt", text), year=2037)
    assert amounts(d) == {D("20")}
    assert any(t["value"] == D("500") and t["op"] == ">=" for p in d.programs for t in p.get("thresholds", []))


def test_two_amounts_glued_by_a_broken_table_are_never_read_as_one(tmp_path):
    text = HEAD + (
        "（一）营收规模跨越奖励。对年主营业务收入首次突破5亿元、10亿元的工业企业，按下表给予一次性奖励：\n\n"
        "年主营业务收入首次突破  一次性奖励（万元）\n\n5亿元  3\n0\n\n1\n0亿元  6\n0\n"
    )
    d = draft_guide(write(tmp_path, "g.txt", text), year=2037)
    assert all(v < D("1000") for v in amounts(d)), amounts(d)  # no 50000 (5亿元), no 30100000


def test_a_heading_with_an_ascii_comma_is_a_heading(tmp_path):
    text = HEAD + "（一）甲项目。按投入的10%予以补助，最高不超过100万元。\n六,绿色发展\n（一）乙项目。按投入的20%予以补助，最高不超过50万元。\n"
    d = draft_guide(write(tmp_path, "g.txt", text), year=2037)
    paths = {p["title"]: p["path"] for p in d.programs}
    assert set(paths) == {"甲项目", "乙项目"}
    assert any("绿色发展" in x for x in paths["乙项目"])


def test_a_long_sentence_is_listed_not_spun_on(tmp_path):
    """Work grows with a sentence's square: a hostile 30 000-character sentence is listed to do,
    and the draft takes seconds, not minutes (run in a child under a memory limit)."""
    hostile = "对企业" + "不低于1亿元以上" * 4000 + "的，给予补助。"
    text = HEAD + "（一）甲项目。按投入的10%予以补助，最高不超过100万元。\n（二）乙项目。" + hostile + "\n"
    path = write(tmp_path, "g.txt", text)
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from pathlib import Path\nfrom subsidykit.authoring.draft import draft_guide\n"
        f"d = draft_guide(Path({str(path)!r}), year=2037)\n"
        "notes = [t.get('note', '') for p in d.programs for t in p.get('todo', [])]\n"
        "print(any('句子过长' in n for n in notes))\n"
    )
    t = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "True"
    assert time.time() - t < 60
    _ = resource  # the limit is set in the child


def test_a_line_of_leader_dots_is_linear(tmp_path):
    from subsidykit.authoring.draft import _toc_line

    t = time.time()
    assert not _toc_line("…" * 200_000)
    assert _toc_line("第一章 总则" + "." * 50_000 + "3")
    assert time.time() - t < 1


def test_a_file_name_cannot_write_yaml_and_a_control_character_cannot_break_the_sheet(tmp_path):
    from subsidykit.authoring.review import review_sheet

    text = HEAD + "（一）甲项目。按投入的10%予以补助，最高不超过100万\x1b[31m元。\n"
    name = "g\nsampling: {all_up_to: 1}\n#.txt"
    path = write(tmp_path, name, text)
    d = draft_guide(path, year=2037)
    out = tmp_path / "d.yaml"
    d.write(out)
    loaded = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert "sampling" not in loaded
    sheet = tmp_path / "审阅.xlsx"
    review_sheet(out, sheet)  # a quote holding ESC: shown as "�" in the sheet, no crash
    assert sheet.stat().st_size > 0


def test_the_library_never_writes_over_the_guide(tmp_path):
    import pytest

    from subsidykit.errors import BadInputError

    text = HEAD + "（一）甲项目。按投入的10%予以补助，最高不超过100万元。\n"
    path = write(tmp_path, "g.txt", text)
    d = draft_guide(path, year=2037)
    with pytest.raises(BadInputError):
        d.write(path)
    assert path.read_text(encoding="utf-8") == text


# ------------------------------------------------------------------------------------------
# the fifth session's attack (a helper feeding hostile fragments to the new readers)
# ------------------------------------------------------------------------------------------
def test_an_award_only_in_words_is_a_program_and_a_longer_number_in_words_is_never_cut(tmp_path):
    text = """\
2077年度示范市专项资金申报指南
一、支持内容
（一）上市奖励
对在主板上市的企业，奖励一百五十万元。
（二）小升规奖励
对首次纳入规模以上工业统计的企业，给予三万五千元奖励。
（三）人才奖励
对引进的团队给予数十万元支持。
"""
    d = draft_guide(write(tmp_path, "guide_2077.txt", text), year=2077)
    progs = {p["title"]: p for p in d.programs}
    assert progs["上市奖励"]["fixed"] == D("150")
    # "三万五千元" is 3.5万元: never read as 3; "数十万元" names no amount
    assert progs["小升规奖励"].get("fixed") is None and progs["小升规奖励"]["todo"]
    assert progs["人才奖励"].get("fixed") is None and progs["人才奖励"]["todo"]
    assert_cited(d, tmp_path)


def test_a_reference_to_an_article_that_is_no_number_is_never_merged(tmp_path):
    text = """\
示范市促进工业发展若干政策
一、支持措施
第一条 支持技术改造。对设备投资额1000万元以上的项目，按设备投资额的8%给予补助，最高200万元。
第二条 支持企业上规。对首次纳入规上统计的企业，奖励10万元。
第三条 本政策自2077年1月1日起施行。
示范市促进工业发展若干政策实施细则
（一）技术改造（对应第一条）
支持数量：2077年度不超过9个。
（二）其他（对应第九九九九条）
支持数量：不超过3个。
"""
    d = draft_guide(write(tmp_path, "guide_2077.txt", text), year=2077)
    progs = {p["title"]: p for p in d.programs}
    assert progs["支持技术改造"]["quota"]["value"] == D("9")
    assert "quota" not in progs["支持企业上规"]
    assert_cited(d, tmp_path)


def test_a_table_of_money_per_city_is_no_table_of_places(tmp_path):
    rows = "\n".join(f"{i}\t{c}\t{v}\t{w}" for i, (c, v, w) in enumerate(
        [("南京市", 1200, 300), ("无锡市", 900, 200), ("徐州市", 600, 150), ("常州市", 700, 160), ("苏州市", 1500, 400), ("南通市", 650, 140)], 1))
    text = f"""\
2077年度示范省专项资金申报指南
一、支持内容
（一）数字化转型服务券项目
按服务合同金额的50%给予补助，每家最高10万元。
附表
2076年度各设区市专项资金下达情况
序号\t设区市\t下达资金（万元）\t服务券资金（万元）
{rows}
"""
    d = draft_guide(write(tmp_path, "guide_2077.txt", text), year=2077)
    assert not any(p.get("city_limits") for p in d.programs)
    assert any("不是名额分配表" in (t.get("note") or "") for t in d.document["todo"])


def test_long_lines_of_spaces_and_of_pieces_are_read_in_linear_time(tmp_path):
    head = "2077年度示范县政策兑现通知\n一、申报条件\n申报企业应在本县依法登记。\n"
    for body in ("字  " * 30000, " " * 300000 + "x"):
        path = write(tmp_path, "guide_2077.txt", head + body + "\n")
        start = time.monotonic()
        draft_guide(path, year=2077)
        assert time.monotonic() - start < 20


def test_a_table_of_thousands_of_programs_past_the_column_readers_limit_is_read_in_time(tmp_path):
    """Over 20 000 lines the column reader is not tried; the programs are read another way and
    each program's contact search must not walk the whole table again (it took 145 s)."""
    rows = []
    for k in (n % 1000 for n in range(5000)):  # five blocks of rows 0-999
        rows.append(
            "\n                              2060年1月1日（含）至2060年12月  按设备投资额的9%给予奖补，最高    县工信局\n"
            f"{k:<6}技改设备奖补{k:<12}31日（含）期间竣工，设备投资    不超过400万元。年度支持项目不     （技改科）\n"
            "                              不低于800万元。                 超过15个。\n"
        )
    text = (
        "关于开展2060年度示范县工业奖补政策兑现申报工作的通知\n各镇（街道）：现将有关事项通知如下。\n"
        "一、申报条件\n申报企业应在本县依法登记，正常经营1年以上。\n"
        "二、奖补项目及标准\n2060年度示范县工业奖补政策兑现项目一览表\n序号    奖补项目                      奖补条件                        奖补标准                  责任单位\n"
        + "".join(rows)
        + "三、申报材料\n申报表及相关证明材料。\n四、联系方式\n县工信局技改科，电话：0516-12345678\n"
    )
    path = write(tmp_path, "guide_2060.txt", text)
    assert len(text.splitlines()) > 20000
    start = time.monotonic()
    d = draft_guide(path, year=2060)
    assert time.monotonic() - start < 60
    assert len(d.programs) >= 1000


def test_numbers_of_neighbouring_cells_are_never_read_as_one_number(tmp_path):
    """A table's row of bare numbers ("1      7       100万元", its columns apart by runs of
    spaces) is never the amount 17100; a space inside one number ("3 000万元") still joins."""
    rows = "".join(f"{k}      {7 * k}       {100 * k}万元       {3 * k}%      {k}\n\n" for k in range(1, 13))
    text = (
        "关于开展2060年度示范县工业奖补政策兑现申报工作的通知\n各镇（街道）：现将有关事项通知如下。\n"
        "一、申报条件\n申报企业应在本县依法登记，正常经营1年以上。\n二、奖补项目及标准\n"
        "2060年度示范县工业奖补政策兑现项目一览表\n"
        "序号    奖补项目                      奖补条件                        奖补标准                  责任单位\n" + rows
        + "三、技改奖补项目\n按设备投资额的10%给予奖补，最高不超过3 000万元。\n"
        + "四、设备奖补项目\n按设备投资额的8%给予奖补，最高不超过1  500万元。\n"
    )
    d = draft_guide(write(tmp_path, "guide_2060.txt", text), year=2060)
    written = {str(v) for p in d.programs for k in ("fixed", "cap", "unit_amount") if (v := p.get(k)) is not None}
    written |= {str(v.get(k)) for p in d.programs for v in p.get("variants") or [] for k in ("fixed", "cap") if v.get(k) is not None}
    assert not any(w.startswith(("17", "214", "321")) for w in written)
    assert by_title(d)["技改奖补项目"]["cap"] == D("3000")
    assert by_title(d)["设备奖补项目"]["cap"] == D("1500")  # two spaces before a group of three
    assert_cited(d, tmp_path)


def test_a_literal_record_separator_in_the_guide_neither_breaks_a_quote_nor_drops_an_award(tmp_path):
    text = (
        "2061年度示范市工业专项资金项目申报指南\n一、支持方向\n（一）上云奖励\n"
        "对新认定的五星级上云企业奖励\u241e20万元。\n（二）技改奖励\n\u241e按设备投资额的10%给予奖励，\n\u241e最高100万元。\n"
    )
    d = draft_guide(write(tmp_path, "guide_2061.txt", text), year=2061)
    progs = by_title(d)
    assert progs["上云奖励"]["fixed"] == D("20")
    assert (progs["技改奖励"]["rate"], progs["技改奖励"]["cap"]) == (D("0.1"), D("100"))
    assert_cited(d, tmp_path)


def test_a_number_cut_by_a_gap_is_read_whole_only_where_a_wrap_can_have_cut_it():
    from subsidykit.authoring.draft import number_in_quote

    # over two lines (a cell's wrap): "最高1……500万元" is 1500
    assert number_in_quote(D("1500"), "最高1……500万元", wrapped=True)
    # on one line: two cells side by side are never one number; a cut shown in the number is
    assert not number_in_quote(D("500200"), "中国企业500……200万元")
    assert number_in_quote(D("1000"), "最高1……000万元") and number_in_quote(D("1500"), "1,……500万元")


def test_a_table_header_repeated_thousands_of_times_is_read_in_time(tmp_path):
    """Each copy of a header scanned the lines after it for its table, finding every other copy
    (a page's repeated header) and no row: quadratic, 270 s for 20 000 copies.  A copy inside the
    lines an earlier copy's scan read and found no table in is passed over."""
    for header in ("序号    项目名称        支持条件        补助标准        支持数量",
                   "序号\t项目名称\t支持条件\t补助标准\t支持数量"):
        text = "2078年度示范县专项资金申报指南\n一、申报条件\n申报企业应在本县依法登记。\n" + (header + "\n") * 15000
        path = write(tmp_path, "guide_2078.txt", text)
        start = time.monotonic()
        draft_guide(path, year=2078)
        assert time.monotonic() - start < 60
