"""The drafter (issue 17) on guide texts written here, not on the seeds: headings at every level,
inline headings, 免申直达, a 联系方式 table, a notice's general conditions, items named in a shared
补助标准, PDF damage; a real .pdf (made by LibreOffice from a sheet, page numbers and wrapped
lines included) and a real .docx (Word's automatic numbering, a table).  Every source of every
draft must pass the catalog's own quote check, no number may stand outside its quote, and no
sentence of a 补助标准 or 支持条件 may be dropped without a todo."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from subsidykit.authoring.draft import Draft, draft_guide, invented_numbers, iter_sources
from subsidykit.authoring.text import GuideText, read_guide
from subsidykit.catalog import schema
from subsidykit.catalog.records import Source
from subsidykit.catalog.sources import quote_problem
from subsidykit.errors import BadInputError

GUIDE = """\
附件 1

2030 年度江苏省示例产业专项资金 项目申报指南

2030 年度江苏省示例产业专项资金，重点支持智能化改造、首台套、产业平台建设。

一、智能化改造

（一）数字化车间项目。支持企业建设数字化车间，提升

生产效率。

1. 支持条件。

（1）项目总投入不低于 2000 万元。

（2）项目在 2029 年 1 月 1 日（含）至 2029 年 12 月 31 日（含）期间完工。

2. 补助标准。按不超过项目总投入的 10%予以补助，单个项目支持额度最高不超过 500 万元。首次拨付补助资金总额的 50%，通过验收后，拨付剩余资金。

3. 申报主体。符合上述条件的企业。

4. 支持数量。不超过 20 个。

5. 申报材料。项目专项审计报告。

（二）标杆示范项目。支持企业创建智能工厂和工业互联网平台。

1. 智能工厂项目。支持企业建设智能工厂。

（1）支持条件。项目总投入不低于 1 亿元。

（2）补助标准。按不超过项目总投入的 8%予以补助，单个项目支持额度最高不超过 1000 万元。

（3）支持数量。不超过 10 个。

2. 工业互联网平台项目。

（1）支持条件。

①平台连接设备不少于 5000 台。

（2）补助标准。按不超过项目总投入的 20%予以补助，单个项目支持额度最高不超过 300 万元。

（3）支持数量。不超过 5 个。

（三）服务商培育项目。具体方案另行通知。

二、首台套奖励项目（免申直达）

（一）支持对象。入选 2029 年度首台套目录的装备。

（二）补助标准。单个装备支持额度最高不超过 200 万元。

（三）支持数量。不超过 30 个。

三、人工智能赋能示范项目（免申

直达）

（一）补助标准。对每家入选企业予以 100 万元定额奖励。

（二）支持数量。15 个。

四、产业平台建设

（一）支持条件

1. 项目符合重点方向。

（二）补助标准

1. 创新中心项目，按不超过项目总投入的 30%予以补助，最高不超过 2000 万元。

2. 促进机构项目，按不超过服务收入的 50%予以补助，最高不超过 300 万元。

（三）支持数量。不超过 15 个。其中，创新中心项目不超过 5 个，促进机构项目不超过 10 个。

附件：1-1. 2030 年度项目绩效目标申报表

附件 1-1

一、数字化车间项目绩效目标

（一）支持条件。项目名称

附件 2

2030 年度江苏省示例产业专项资金项目联系方式

重点方向 重点领域 资金项目主办处室 联系电话

一、智能化

改造

（一）数字化车间 技术改造处 025-11112222

（二）标杆示范

1. 智能工厂 装备工业处 025-33334444

2. 工业互联网平

台

二、首台套奖励 装备工业处 025-33334444
"""

NOTICE = """\
江苏省示例厅文件

示工信〔2029〕12 号

关于组织2030年度江苏省示例产业专项资金项目

申报的通知

各设区市工业和信息化主管部门：

一、申报条件

（一）在江苏省域内注册，具有独立法人资格，正常经营 1 年以上。

（二）近三年未发生重大安全事故。

附件 1

2030年度江苏省示例产业专项资金项目申报指南

一、数字化车间项目

（一）补助标准。按不超过项目总投入的 10%予以补助，单个项目支持额度最高不超过 500 万元。

（二）支持数量。不超过 8 个。
"""

# what a PDF conversion does to a guide: a clause broken by a page number, a number with a space
# inside, full-width digits and half-width brackets, a running header on every page
DAMAGED = """\
2030 年度江苏省示例产业专项资金项目申报指南

示例产业专项资金

一、绿色工厂项目

（一）支持条件。

１．项目总投入不低于 1 000 万元。

（二）补助标准。按不超过项目总投入的１０％予以补助，单个项目支持额度最高不超

- 3 -

示例产业专项资金

过 500 万元。

(三) 支持数量。不超过 ２０ 个。

二、节能改造项目

(一) 补助标准。按不超过项目总投入的 15%予以补助，单个项目支持额度最高不超过 800 万元。

示例产业专项资金

(二) 支持数量。不超过 12 个。

示例产业专项资金
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def by_title(draft: Draft) -> dict[str, dict]:
    return {p["title"]: p for p in draft.programs}


def assert_cited(draft: Draft, root: Path) -> None:
    """Every source of the draft stands at its lines (the catalog's own check) and holds its numbers."""
    assert draft.problems == []
    sources = list(iter_sources(draft.document))
    assert sources
    for where, s in sources:
        why = quote_problem(Source(file=s["file"], lines=tuple(s["lines"]), text=s["text"]), root=root)
        assert why is None, f"{where}: {why}"
    assert invented_numbers(draft.document) == []
    for holder in [draft.document, *draft.programs]:
        for t in holder.get("todo", []):
            why = quote_problem(Source(file=draft.text.file, lines=tuple(t["lines"]), text=t["text"]), root=root)
            assert why is None, f"todo {t}: {why}"


def validates(draft: Draft) -> schema.Document:
    return schema.Document.model_validate(yaml.safe_load(draft.to_yaml()))


def drafted(tmp_path: Path, text: str, year: int, name: str | None = None) -> Draft:
    """The draft of a guide written for a test, its sources checked and its document valid."""
    d = draft_guide(write(tmp_path, name or f"guide_{year}.txt", text), year=year)
    assert_cited(d, tmp_path)
    validates(d)
    return d


# ───────────────────────────── structure ─────────────────────────────


@pytest.fixture(scope="module")
def guide_draft(tmp_path_factory) -> tuple[Draft, Path]:
    folder = tmp_path_factory.mktemp("guide")
    path = write(folder, "示例指南.txt", GUIDE)
    return draft_guide(path), folder


def test_programs_at_every_heading_level_with_their_path(guide_draft):
    draft, _ = guide_draft
    got = {p["title"]: p["path"] for p in draft.programs}
    assert got == {
        "数字化车间项目": ["一、智能化改造"],
        "智能工厂项目": ["一、智能化改造", "（二）标杆示范项目"],
        "工业互联网平台项目": ["一、智能化改造", "（二）标杆示范项目"],
        "服务商培育项目": ["一、智能化改造"],
        "首台套奖励项目": [],
        "人工智能赋能示范项目": [],
        "创新中心项目": ["四、产业平台建设"],
        "促进机构项目": ["四、产业平台建设"],
        # the heading whose 补助标准 lists the two classes stays a program: their shared
        # 支持条件 and the total of their 支持数量, no amount of its own
        "产业平台建设": [],
    }
    # nothing from the forms after "附件：" (附件 1-1 has headings and a 支持条件 of its own)
    assert all(p["guide"] == "2030年度江苏省示例产业专项资金项目申报指南" for p in draft.programs)


def test_the_frame_year_fund_and_guide_come_from_the_title_lines(guide_draft):
    draft, _ = guide_draft
    doc = draft.document
    assert doc["year"] == 2030
    assert doc["fund"] == "江苏省示例产业专项资金"
    assert doc["guides"] == ["2030年度江苏省示例产业专项资金项目申报指南"]
    assert doc["review"] == "draft" and all(p["review"] == "draft" for p in draft.programs)


def test_free_application_marker_sets_no_application_even_when_wrapped(guide_draft):
    progs = by_title(guide_draft[0])
    assert progs["首台套奖励项目"]["no_application"] is True
    assert progs["人工智能赋能示范项目"]["no_application"] is True  # "（免申\n\n直达）"
    assert "no_application" not in progs["数字化车间项目"]


def test_sections_feed_award_conditions_and_quota(guide_draft):
    p = by_title(guide_draft[0])["数字化车间项目"]
    assert p["kind"] == "rate_cap" and p["rate"] == Decimal("0.1") and p["cap"] == Decimal("500")
    assert p["base"] == "项目总投入"
    assert p["first_payment"]["share"] == Decimal("0.5")
    assert p["quota"]["value"] == Decimal("20")
    floors = [t for t in p["thresholds"] if t["unit"] == "万元"]
    assert [(t["op"], t["value"]) for t in floors] == [(">=", Decimal("2000"))]
    # the 申报材料 section is not a condition: nothing of it in the data
    assert all("审计报告" not in t["source"]["text"] for t in p["thresholds"])
    # the sections are cut where they stand: the award clause's citation is its own line
    assert p["source"]["lines"][0] == p["source"]["lines"][1]
    assert "按不超过项目总投入的10%" in re.sub(r"\s+", "", p["source"]["text"])


def test_inline_program_headings_at_the_third_level(guide_draft):
    progs = by_title(guide_draft[0])
    factory = progs["智能工厂项目"]
    assert factory["rate"] == Decimal("0.08") and factory["cap"] == Decimal("1000")
    assert factory["quota"]["value"] == Decimal("10")
    assert [t["value"] for t in factory["thresholds"] if t["unit"] == "万元"] == [Decimal("10000")]  # 1 亿元
    platform = progs["工业互联网平台项目"]
    assert platform["rate"] == Decimal("0.2") and platform["cap"] == Decimal("300")


def test_named_items_of_a_shared_award_become_programs_with_their_quota(guide_draft):
    progs = by_title(guide_draft[0])
    centre, agency = progs["创新中心项目"], progs["促进机构项目"]
    assert (centre["rate"], centre["cap"], centre["quota"]["value"]) == (Decimal("0.3"), Decimal("2000"), Decimal("5"))
    assert (agency["rate"], agency["cap"], agency["quota"]["value"]) == (Decimal("0.5"), Decimal("300"), Decimal("10"))
    assert agency["base"] == "服务收入"
    # their heading holds the total (不超过 15 个) and no amount, its sub-quotas left to the items
    whole = progs["产业平台建设"]
    assert (whole["kind"], whole["quota"]["value"], whole.get("variants")) == ("none", Decimal("15"), None)


def test_a_scheme_announced_later_has_no_amount_and_says_why(guide_draft):
    p = by_title(guide_draft[0])["服务商培育项目"]
    assert p["kind"] == "none"
    assert "rate" not in p and "cap" not in p
    # "具体方案另行通知" is cited as the reason, or listed as todo: never silent
    said = [p.get("source", {}).get("text", "")] + [t["text"] for t in p["todo"]]
    assert any("另行通知" in t for t in said)


def test_contact_table_gives_office_and_phone_with_its_source(guide_draft):
    draft, folder = guide_draft
    progs = by_title(draft)
    assert (progs["数字化车间项目"]["office"], progs["数字化车间项目"]["phone"]) == ("技术改造处", "025-11112222")
    assert (progs["智能工厂项目"]["office"], progs["智能工厂项目"]["phone"]) == ("装备工业处", "025-33334444")
    # a merged cell: the platform's row has no office of its own, it shares the row above
    assert progs["工业互联网平台项目"]["phone"] == "025-33334444"
    assert progs["首台套奖励项目"]["office"] == "装备工业处"
    src = progs["数字化车间项目"]["contact_source"]
    assert "技术改造处" in src["text"] and draft.text.lines[src["lines"][0] - 1].strip().startswith("（一）数字化车间")
    assert "office" not in progs["创新中心项目"]


def test_every_number_is_cited_and_the_draft_loads(guide_draft):
    draft, folder = guide_draft
    assert_cited(draft, folder)
    doc = validates(draft)
    assert len(doc.programs) == 9


def test_ids_are_ascii_and_do_not_move_when_a_program_is_added(tmp_path):
    first = draft_guide(write(tmp_path, "a.txt", GUIDE))
    text = GUIDE.replace("二、首台套奖励项目（免申直达）", "二、新增示范项目\n\n（一）补助标准。单个项目支持额度最高不超过 50 万元。\n\n三、首台套奖励项目（免申直达）")
    second = draft_guide(write(tmp_path, "b.txt", text))
    ids1 = {p["title"]: p["id"] for p in first.programs}
    ids2 = {p["title"]: p["id"] for p in second.programs}
    assert all(re.fullmatch(r"2030-d[0-9a-f]{7}", i) for i in ids1.values())
    assert len(set(ids1.values())) == len(ids1)
    assert "新增示范项目" in ids2
    assert all(ids2[t] == i for t, i in ids1.items())


def test_notice_conditions_and_title(tmp_path):
    draft = draft_guide(write(tmp_path, "通知.txt", NOTICE))
    doc = draft.document
    assert doc["title"] == "关于组织2030年度江苏省示例产业专项资金项目申报的通知（示工信〔2029〕12号）"
    assert doc["guides"] == ["2030年度江苏省示例产业专项资金项目申报指南"]
    assert [p["title"] for p in draft.programs] == ["数字化车间项目"]
    # the notice's 申报条件 are the document's: read as thresholds, or listed as todo
    cited = [t["source"]["lines"][0] for t in doc["general_thresholds"]] + [t["lines"][0] for t in doc["todo"]]
    lines = {i + 1 for i, line in enumerate(draft.text.lines) if "正常经营" in line or "安全事故" in line}
    assert lines <= set(cited)
    if doc["general_thresholds"]:
        assert doc["general_applies_to"] == doc["guides"]
    assert_cited(draft, tmp_path)
    validates(draft)


def test_pdf_damage_page_numbers_running_headers_widths(tmp_path):
    draft = draft_guide(write(tmp_path, "受损.txt", DAMAGED))
    progs = by_title(draft)
    assert list(progs) == ["绿色工厂项目", "节能改造项目"]
    green = progs["绿色工厂项目"]
    # "１０％" and a cap broken over the page number "- 3 -" and the running header
    assert green["rate"] == Decimal("0.1") and green["cap"] == Decimal("500")
    a, b = green["source"]["lines"]
    page = next(i + 1 for i, line in enumerate(draft.text.lines) if line.strip() == "- 3 -")
    assert a < page < b and "……" in green["source"]["text"]
    assert green["quota"]["value"] == Decimal("20")  # "２０"
    assert [t["value"] for t in green.get("thresholds", []) if t["unit"] == "万元"] == [Decimal("1000")]  # "1 000"
    saving = progs["节能改造项目"]
    assert (saving["rate"], saving["cap"], saving["quota"]["value"]) == (Decimal("0.15"), Decimal("800"), Decimal("12"))
    assert_cited(draft, tmp_path)
    validates(draft)


def test_unreadable_sentences_are_todo_never_dropped(tmp_path):
    text = """\
2030 年度江苏省示例产业专项资金项目申报指南

一、荣誉奖励项目

（一）支持条件。获得省级荣誉称号的企业，具体名单由省厅另行确定。

（二）补助标准。按照省委、省政府文件规定给予一次性奖励。

二、无标准项目

（一）支持条件。项目总投入不低于 300 万元。
"""
    draft = draft_guide(write(tmp_path, "奖励.txt", text))
    progs = by_title(draft)
    honours = progs["荣誉奖励项目"]
    todo = "".join(t["text"] for t in honours["todo"])
    assert honours["kind"] == "none" and "rate" not in honours and "cap" not in honours
    assert "另行确定" in todo  # a condition sentence that is not a number
    # an award without an amount: cited as the reason for kind none, or listed as todo
    assert "一次性奖励" in todo + honours.get("source", {}).get("text", "")
    bare = progs["无标准项目"]
    assert bare["kind"] == "none" and any("未找到补助标准" in (t.get("note") or "") for t in bare["todo"])
    assert draft.todo == sum(len(p["todo"]) for p in draft.programs) + len(draft.document["todo"])
    assert_cited(draft, tmp_path)


def test_year_and_fund_can_be_given(tmp_path):
    text = "一、示例项目\n\n（一）补助标准。单个项目支持额度最高不超过 50 万元。\n"
    draft = draft_guide(write(tmp_path, "无标题.txt", text), year=2031, fund="示例专项资金")
    assert draft.document["year"] == 2031 and draft.document["fund"] == "示例专项资金"
    assert draft.programs[0]["id"].startswith("2031-") and draft.programs[0]["cap"] == Decimal("50")
    with pytest.raises(BadInputError):
        draft_guide(write(tmp_path, "无年度.txt", text))


def test_a_paragraph_naming_another_program_after_the_sections_is_a_program(tmp_path):
    text = """\
2030 年度江苏省示例产业专项资金项目申报指南

一、省级创新中心项目

（一）补助标准。按不超过项目总投入的 30%予以补助，单个项目支持额度最高不超过 3000 万元。

（二）支持数量。不超过 5 个。

国家创新中心配套项目按照项目合同要求配套支持。

二、集群促进项目

（一）补助标准。单个项目支持额度最高不超过 300 万元。
"""
    draft = draft_guide(write(tmp_path, "配套.txt", text))
    progs = by_title(draft)
    assert list(progs) == ["省级创新中心项目", "国家创新中心配套项目", "集群促进项目"]
    assert progs["省级创新中心项目"]["quota"]["value"] == Decimal("5")
    assert "按照项目合同要求配套支持" not in "".join(t["text"] for t in progs["省级创新中心项目"]["todo"])
    assert progs["国家创新中心配套项目"]["kind"] == "none"
    assert_cited(draft, tmp_path)


def test_unnumbered_section_lines(tmp_path):
    text = """\
2030 年度江苏省示例产业专项资金项目申报指南

一、智慧园区项目

支持条件：

1. 项目总投入不低于 800 万元。

2. 项目已建成投用。

【补助标准】按不超过项目总投入的 15%予以补助，单个项目支持额度最高不超过 120 万元。

支持数量：不超过 6 个。

二、数字孪生项目

补助标准：单个项目支持额度最高不超过 90 万元。
"""
    draft = draft_guide(write(tmp_path, "无编号.txt", text))
    progs = by_title(draft)
    assert list(progs) == ["智慧园区项目", "数字孪生项目"]
    park = progs["智慧园区项目"]
    assert (park["rate"], park["cap"], park["quota"]["value"]) == (Decimal("0.15"), Decimal("120"), Decimal("6"))
    assert [t["value"] for t in park["thresholds"] if t["unit"] == "万元"] == [Decimal("800")]
    assert progs["数字孪生项目"]["cap"] == Decimal("90")
    assert_cited(draft, tmp_path)


DIGEST = """\
# 示例市工信领域政策汇编

## 第二章 资金支持

## 示例市技术改造奖励项目

一、\t文件依据
\t《示例市关于推进技术改造的若干政策》
二、\t归口部门
\t示例市工业和信息化局投资处
三、\t政策优惠
\t按不超过设备投资额的 10% 给予奖励，最高不超过 200 万元。
四、\t申报条件
\t<p>1. 在示例市注册，设备投资额不低于 500 万元；</p> <p>2. 近三年无重大安全事故。</p>

## » 第二章 资金支持

## 第三章 人才政策

## 示例市人才安居政策

一、\t政策要点
\t<p>一、引进人才</p>
1. 支持青年人才安居。对新引进的博士给予 30 万元购房补贴，有效期 2030 年。
2. 优化人才服务。建设人才服务平台，提供政策咨询。
"""


def test_a_policy_digest_chapters_departments_and_measures(tmp_path):
    """A digest in markdown (chapters as guides, "一、\t归口部门" sections, HTML paragraphs) and a
    policy whose numbered measures grant money."""
    draft = draft_guide(write(tmp_path, "汇编.txt", DIGEST), year=2030)
    doc = draft.document
    assert doc["guides"] == ["第二章 资金支持", "第三章 人才政策"]
    progs = by_title(draft)
    assert list(progs) == ["示例市技术改造奖励项目", "支持青年人才安居"]  # 优化人才服务 grants nothing
    grant = progs["示例市技术改造奖励项目"]
    assert grant["guide"] == "第二章 资金支持" and grant["office"] == "示例市工业和信息化局投资处"
    assert (grant["rate"], grant["cap"]) == (Decimal("0.1"), Decimal("200"))
    assert [t["value"] for t in grant["thresholds"] if t["unit"] == "万元"] == [Decimal("500")]
    housing = progs["支持青年人才安居"]
    assert housing["guide"] == "第三章 人才政策"
    # the <p> heading is a heading (of the HTML block under 一、政策要点, whose numbering restarts)
    assert housing["path"] == ["示例市人才安居政策", "一、政策要点", "一、引进人才"]
    assert_cited(draft, tmp_path)
    validates(draft)


# ───────────────────────────── reading the text ─────────────────────────────


def test_guide_text_quote_and_find():
    g = GuideText(file="x.txt", lines=("一、示例", "", "按不超过项目总投入的 10%予以补", "助。", "按不超过项目总投入的 10%予以补助。"))
    assert g.quote(3, 4) == "按不超过项目总投入的 10%予以补助。"
    assert g.find("项目总投入的10%予以补助") == (3, 4)
    assert g.find("项目总投入的10%予以补助", near=5) == (5, 5)
    assert g.find("不在文中") is None


def test_gb18030_text_is_re_encoded_and_cited_by_its_own_name(tmp_path):
    path = write(tmp_path, "国标.txt", NOTICE, encoding="gb18030")
    g = read_guide(path)
    assert g.extracted and g.file == "国标.utf8.txt"
    assert "关于组织2030年度江苏省示例产业专项资金项目" in g.lines[4]
    draft = draft_guide(path)
    assert all(s["file"] == "国标.utf8.txt" for _, s in iter_sources(draft.document))
    out = tmp_path / "草稿" / "draft.yaml"
    written = draft.write(out)
    assert (tmp_path / "草稿" / "国标.utf8.txt") in written
    assert_cited(draft, tmp_path / "草稿")


def test_unreadable_files_say_why(tmp_path):
    with pytest.raises(BadInputError, match="不支持"):
        read_guide(write(tmp_path, "x.xls", "x"))
    with pytest.raises(BadInputError, match="找不到"):
        read_guide(tmp_path / "none.txt")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    with pytest.raises(BadInputError, match="docx"):
        read_guide(tmp_path / "bad.docx")


# ───────────────────────────── .docx ─────────────────────────────

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _para(text: str, num: tuple[int, int] | None = None) -> str:
    ppr = f"<w:pPr><w:numPr><w:ilvl w:val=\"{num[1]}\"/><w:numId w:val=\"{num[0]}\"/></w:numPr></w:pPr>" if num else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{_para(c)}</w:tc>" for c in cells) + "</w:tr>"


def make_docx(path: Path) -> Path:
    """A guide as Word writes it: program and section numbers are automatic (numbering.xml), the
    contact list is a table."""
    body = "".join([
        _para("2030年度江苏省示例产业专项资金项目申报指南"),
        _para("智能车间项目", (1, 0)),  # 一、
        _para("支持条件。项目总投入不低于 3000 万元。", (1, 1)),  # （一）
        _para("补助标准。按不超过项目总投入的 12%予以补助，单个项目支持额度最高不超过 600 万元。", (1, 1)),
        _para("支持数量。不超过 25 个。", (1, 1)),
        _para("数据平台项目（免申直达）", (1, 0)),  # 二、
        _para("补助标准。对每家入选企业予以 80 万元定额奖励。", (1, 1)),  # （一）again
        _para("支持数量。不超过 6 个。", (1, 1)),
        _para("2030年度江苏省示例产业专项资金项目联系方式"),
        "<w:tbl>" + _row("重点方向", "资金项目主办处室", "联系电话") + _row("一、智能车间", "技术改造处", "025-55556666")
        + _row("二、数据平台", "大数据处", "025-77778888") + "</w:tbl>",
    ])
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{body}</w:body></w:document>'
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_W}>'
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/numbering.xml", numbering)
        zf.writestr("word/_rels/document.xml.rels", doc_rels)
    return path


def test_docx_automatic_numbers_and_table(tmp_path):
    path = make_docx(tmp_path / "示例指南.docx")
    g = read_guide(path)
    assert g.extracted and g.file == "示例指南.txt"
    assert "一、智能车间项目" in g.lines and "（二）补助标准。按不超过项目总投入的 12%予以补助，单个项目支持额度最高不超过 600 万元。" in g.lines
    assert "二、数据平台项目（免申直达）" in g.lines
    assert "一、智能车间\t技术改造处\t025-55556666" in g.lines  # a table row: its cells tab-separated

    draft = draft_guide(path)
    progs = by_title(draft)
    assert list(progs) == ["智能车间项目", "数据平台项目"]
    workshop, data = progs["智能车间项目"], progs["数据平台项目"]
    assert (workshop["rate"], workshop["cap"], workshop["quota"]["value"]) == (Decimal("0.12"), Decimal("600"), Decimal("25"))
    assert (workshop["office"], workshop["phone"]) == ("技术改造处", "025-55556666")
    assert data["no_application"] is True and data["fixed"] == Decimal("80") and data["phone"] == "025-77778888"

    out = tmp_path / "草稿"
    written = draft.write(out / "draft.yaml")
    assert written == [out / "示例指南.txt", out / "draft.yaml"]
    assert (out / "示例指南.txt").read_text(encoding="utf-8").splitlines() == list(g.lines)
    assert_cited(draft, out)
    validates(draft)


# ───────────────────────────── .pdf ─────────────────────────────

PDF_LINES = [
    "2030年度江苏省示例产业专项资金项目申报指南",
    "一、智能车间项目",
    "（一）支持条件。",
    "1.项目总投入不低于 3000 万元。",
    "2.项目在 2029 年 1 月 1 日（含）至 2029 年 12 月 31 日（含）期间完工。",
    "（二）补助标准。按不超过项目总投入的 12%予以补助，单个项目支持额度最高不超过 600 万元。首次拨付补助资金总额的 60%。",
    "（三）支持数量。不超过 25 个。",
    "二、绿色改造项目",
    "（一）补助标准。按不超过项目总投入的 20%予以补助，单个项目支持额度最高不超过 900 万元。",
    "（二）支持数量。不超过 14 个。",
    "三、数据平台项目（免申直达）",
    "（一）补助标准。对每家入选企业予以 80 万元定额奖励。",
    "（二）支持数量。不超过 6 个。",
]


def make_pdf(folder: Path) -> Path:
    """A PDF of the guide as a sheet printed by LibreOffice: long clauses wrap inside their cell
    (a sentence broken across lines), the programs run over two pages with "- N -" at the foot."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    if shutil.which("soffice") is None:
        pytest.fail("缺少 soffice（LibreOffice）：请运行 scripts/system-deps.sh")
    wb = Workbook()
    ws = wb.active
    ws.column_dimensions["A"].width = 40
    filler = [f"说明第{i}条：本指南所称项目均指在江苏省域内实施的项目。" for i in range(1, 31)]
    rows = PDF_LINES[:7] + filler + PDF_LINES[7:]
    for i, text in enumerate(rows, 1):
        cell = ws.cell(row=i, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[i].height = 16 * (1 + len(text) // 22)
    ws.oddFooter.center.text = "- &P -"
    src = folder / "示例指南.xlsx"
    wb.save(src)
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder / 'lo'}", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(src)],
        capture_output=True, text=True, timeout=120,
    )
    pdf = folder / "示例指南.pdf"
    assert pdf.exists(), proc.stdout + proc.stderr
    src.unlink()
    return pdf


def test_pdf_guide_through_pdftotext(tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.fail("缺少 pdftotext（poppler-utils）：请运行 scripts/system-deps.sh")
    pdf = make_pdf(tmp_path)
    g = read_guide(pdf)
    assert g.extracted and g.file == "示例指南.txt"
    assert any(re.fullmatch(r"\s*-\s*1\s*-\s*", line) for line in g.lines)  # the page number is in the text
    # the long clause wraps: its rate and its cap stand on different lines
    assert not any("12%" in line and "600" in line for line in g.lines)

    draft = draft_guide(pdf)
    progs = by_title(draft)
    assert list(progs) == ["智能车间项目", "绿色改造项目", "数据平台项目"]
    workshop = progs["智能车间项目"]
    assert (workshop["rate"], workshop["cap"]) == (Decimal("0.12"), Decimal("600"))
    assert workshop["first_payment"]["share"] == Decimal("0.6")
    assert workshop["quota"]["value"] == Decimal("25")
    assert [t["value"] for t in workshop["thresholds"] if t["unit"] == "万元"] == [Decimal("3000")]
    a, b = workshop["source"]["lines"]
    assert b > a  # the wrapped clause is cited over its lines
    green = progs["绿色改造项目"]
    assert (green["rate"], green["cap"], green["quota"]["value"]) == (Decimal("0.2"), Decimal("900"), Decimal("14"))
    assert progs["数据平台项目"]["no_application"] is True and progs["数据平台项目"]["fixed"] == Decimal("80")

    out = tmp_path / "out"
    draft.write(out / "draft_2030.yaml")
    assert_cited(draft, out)
    validates(draft)


# ───────────────────────────── measures, HTML lines, quota tables ─────────────────────────────

MEASURES = """\
# 示例市政策汇编

## 第一章 人才政策

## 示例市青年创业扶持政策

一、\t发布部门
\t示例市人民政府
二、\t政策要点
1. 支持青年创业。对在本市首次创业的高校毕业生，给予 2 万元一次性创业补贴；创业项目经评审最高给予 20 万元项目资助和 50 万元创业担保贷款。
2. 支持人才安居。对新引进的博士、硕士分别给予 10 万元、5 万元购房补贴。对全职引进的，连续 2 年每月给予 2000 元生活补贴。
3. 优化创业服务。建设创业服务平台，提供政策咨询。
4. 支持青年就业。对毕业 3 年内来本市就业的本科毕业生，每月给予 1000 元生活补贴。其中，外地生源毕业生每年给予 2000 元交通补贴。
"""


def test_a_measure_granting_different_kinds_of_money_is_one_program_per_kind(tmp_path):
    """A grant, a project grant and a loan in one measure are three programs under its title (the
    loan `grant: false`); amounts of one kind in one sentence ("分别给予10万元、5万元购房补贴") are
    tiers of one program; a measure granting nothing is no program."""
    draft = draft_guide(write(tmp_path, "措施.txt", MEASURES), year=2030)
    progs = draft.programs
    assert [p["title"] for p in progs] == ["支持青年创业"] * 3 + ["支持人才安居"] * 2 + ["支持青年就业"] * 2
    start, project, loan, housing, living, allowance, travel = progs
    assert (start["kind"], start["fixed"]) == ("fixed", Decimal("2"))
    assert (project["kind"], project["cap"]) == ("cap_only", Decimal("20"))
    assert (loan["kind"], loan["cap"], loan["grant"]) == ("cap_only", Decimal("50"), False)
    assert all(p.get("grant", True) for p in (start, project, housing, living))
    # the loan shares its clause's lead with the project grant: quoted with "……" where they meet
    assert loan["source"]["text"] == "创业项目经评审最高给予……50万元创业担保贷款。"
    assert housing["kind"] == "tiered"
    assert [(v["name"], v["fixed"]) for v in housing["variants"]] == [("博士", Decimal("10")), ("硕士", Decimal("5"))]
    assert (living["kind"], living["unit_amount"]) == ("per_unit", Decimal("0.2"))
    # "其中" ("among them"): the travel subsidy is for the recipients of the sentence before, which
    # it carries as its conditions (read as a threshold, or listed to do: never lost)
    assert (allowance["unit_amount"], travel["unit_amount"]) == (Decimal("0.1"), Decimal("0.2"))
    carried = [t["source"]["text"] for t in travel.get("thresholds", [])] + [t["text"] for t in travel["todo"]]
    assert any("毕业3年内" in text for text in carried)
    assert len({p["id"] for p in progs}) == 7  # one id each, stable: the benefit is in the key
    (tmp_path / "again").mkdir()
    again = draft_guide(write(tmp_path / "again", "措施.txt", MEASURES), year=2030)
    assert [p["id"] for p in again.programs] == [p["id"] for p in progs]
    assert_cited(draft, tmp_path)
    validates(draft)


def test_a_measure_with_one_loan_is_not_a_grant_and_an_interest_subsidy_is(tmp_path):
    text = """\
## 示例市科技金融政策

一、\t政策要点
1. 支持科技贷款。为科技企业提供最高 500 万元“科技贷”。
2. 支持贷款贴息。对科技企业的贷款利息，最高给予 30 万元贷款贴息。
"""
    draft = draft_guide(write(tmp_path, "金融.txt", text), year=2030)
    progs = by_title(draft)
    assert (progs["支持科技贷款"]["cap"], progs["支持科技贷款"]["grant"]) == (Decimal("500"), False)
    assert progs["支持贷款贴息"]["cap"] == Decimal("30") and progs["支持贷款贴息"].get("grant", True)
    assert_cited(draft, tmp_path)


HTML_DIGEST = """\
# 示例市政策汇编

## 第二章 科技政策

## 示例市创新平台支持政策

一、\t政策要点
\t<p>一、支持创新平台</p> <p>1. 支持研发中心建设。对新认定的市级研发中心，给予 50 万元奖励。</p> <p>2. 支持中试基地。对中试基地按设备投入的 20% 给予补助，最高不超过 300 万元。</p>
3. 支持成果转化。对技术转移机构最高给予 30 万元奖
\t<p>励。</p> <p>4. 支持科技金融。为科技企业提供最高 500 万元“科技贷”。</p>

## 示例市研发机构认定

一、\t政策优惠
\t给予一定资金支持
二、\t申报条件
\t<p>一、基本条件</p> <p>1. 在本市注册，上年度营业收入不低于 2000 万元。</p> <p>二、其他条件</p> <p>1. 研发人员不少于 20 人。</p>
三、\t申报资料
\t申请表
"""


def test_measures_in_html_paragraphs_are_found_and_cited_by_their_line(tmp_path):
    """A digest converted from web pages: measures inside <p> … </p> on one line are headings
    like any other, cited by the line they stand on; a measure broken across an HTML line is
    joined (its quote skips the tags with "……"); "4." after a plain "3." continues the numbering;
    an HTML block's own "一、" under "二、申报条件" does not close that section."""
    draft = draft_guide(write(tmp_path, "网页.txt", HTML_DIGEST), year=2030)
    progs = by_title(draft)
    assert list(progs) == ["支持研发中心建设", "支持中试基地", "支持成果转化", "支持科技金融", "示例市研发机构认定"]
    centre, pilot, transfer, finance = (progs[t] for t in list(progs)[:4])
    assert centre["path"] == ["示例市创新平台支持政策", "一、政策要点", "一、支持创新平台"]
    assert (centre["fixed"], centre["source"]["lines"]) == (Decimal("50"), [8, 8])
    assert (pilot["rate"], pilot["cap"], pilot["source"]["lines"]) == (Decimal("0.2"), Decimal("300"), [8, 8])
    assert (transfer["cap"], transfer["source"]["lines"]) == (Decimal("30"), [9, 10])
    assert "……" in transfer["source"]["text"]
    assert finance["path"] == centre["path"] and finance["grant"] is False
    recognised = progs["示例市研发机构认定"]
    assert [(t["value"], t["unit"]) for t in recognised["thresholds"]] == [(Decimal("2000"), "万元"), (Decimal("20"), "人")]
    assert_cited(draft, tmp_path)
    validates(draft)


QUOTA_TABLES = """\
2030 年度江苏省示例产业专项资金项目申报指南

一、服务体系建设

（一）服务平台建设项目。支持建设服务平台。

1. 支持条件。服务平台总投入不低于 500 万元。

2. 补助标准。

（1）公共服务平台项目，按不超过项目总投入的 20%予以补助，最高不超过 300 万元。

（2）解决方案服务商项目，按不超过合同金额的 10%予以补助，最高不超过 200 万元。

3. 支持数量。不超过 12 个。

二、平台能力建设

（一）创新中心项目

1. 补助标准。按不超过项目总投入的 30%予以补助，最高不超过 1000 万元。

（二）促进机构项目

1. 补助标准。按不超过服务收入的 50%予以补助，最高不超过 100 万元。

（三）质量提升项目

1. 补助标准。按不超过项目总投入的 10%予以补助，最高不超过 80 万元。

2. 支持数量。不超过 9 个。

附件：1-1. 2030 年度重点方向

附件 1-1

2030 年度服务平台建设（公共服务平台）重点方向

序号\t重点任务\t主要建设内容\t支持数量
1\t工业数据公共服务平台\t建设数据服务平台。\t不超过 3 个
2\t产业链协同服务平台\t建设协同平台。\t不超过 4 个

2030 年度服务平台建设（解决方案服务商）重点方向

序号\t重点方向\t认定标准\t支持数量
1\t数字化转型解决方案服务商\t服务企业不少于 30 家。\t不超过 5 个

2030 年度平台能力建设重点任务

序号\t重点任务\t实施目标\t支持数量
1\t省级创新中心\t完成年度目标。\t不超过 6 个

序号\t重点任务\t实施目标\t支持数量
2\t集群促进机构\t举办活动
10 次以上。\t不超过 8 个
3\t质量提升服务机构\t服务企业 50 家。\t不超过 2 个
"""


def test_quotas_from_tables_with_a_quota_column(tmp_path):
    """Attachment tables with a 支持数量 column: rows naming a program give its quota (a header
    repeated after a page break goes on with the table, a wrapped cell with its row); rows naming no program belong to the
    program the title names in brackets, whose quota is their sum, cited by every row; the title
    outside the brackets picks the heading; a program with its own 支持数量 keeps it, and a row
    left over is a todo of the document."""
    draft = draft_guide(write(tmp_path, "附表.txt", QUOTA_TABLES))
    progs = by_title(draft)
    platform = progs["公共服务平台项目"]["quota"]
    assert platform["value"] == Decimal("7") and platform["source"]["lines"] == [40, 41]
    assert platform["source"]["text"] == "工业数据公共服务平台……不超过3个……产业链协同服务平台……不超过4个"
    assert "3 + 4 = 7" in platform["note"]
    assert progs["解决方案服务商项目"]["quota"]["value"] == Decimal("5")
    assert progs["创新中心项目"]["quota"]["value"] == Decimal("6")
    # a row whose cell wraps onto the next line is read as one row
    assert progs["促进机构项目"]["quota"]["value"] == Decimal("8")
    assert progs["促进机构项目"]["quota"]["source"]["lines"] == [54, 55]
    own = progs["质量提升项目"]["quota"]
    assert own["value"] == Decimal("9") and own["source"]["lines"] == [31, 31]
    assert [t["lines"] for t in draft.document["todo"] if "附表" in t.get("note", "")] == [[56, 56]]
    # the shared "不超过 12 个" is no longer a todo of the items the table gave a quota
    assert not any("各子项合计" in t.get("note", "") for p in draft.programs for t in p["todo"])
    assert_cited(draft, tmp_path)
    validates(draft)


def test_a_table_sum_stands_only_when_it_is_the_sum_of_the_quoted_counts():
    quote = {"file": "x.txt", "lines": [3, 4], "text": "甲平台……不超过2个……乙平台……不超过5个"}
    good = {"id": "2030-a", "quota": {"value": 7, "source": quote, "note": "附表中2行之和：2 + 5 = 7"}}
    assert invented_numbers(good) == []
    assert invented_numbers({"id": "2030-a", "quota": {"value": 8, "source": quote, "note": "附表中2行之和"}})
    # without the note saying it is a sum, a number not in its quote is invented
    assert invented_numbers({"id": "2030-a", "quota": {"value": 7, "source": quote}})
