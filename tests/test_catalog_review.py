"""Issue 17: draft entries (`review: draft`) are refused on every surface unless allowed, the
review sheet a person signs off, and `accept` flipping only fully ticked programs.

Expected values are written by hand from the YAML below (and from the 2026/2023 catalog
entries the draft catalog copies: 004_4f6895fa74c99952.txt line 21 "按不超过…的 10% 予以补助，
单个项目支持额度最高不超过 200 万元"; 000_e236479adaf7e68e.txt lines 452-454, 10%, 最高 2000 万元)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from subsidykit.catalog import cache as catalog_cache
from subsidykit.catalog import DATA_DIR, load_catalog, schema
from subsidykit.errors import BadInputError, DraftEntryError, NoAmountError
from subsidykit.rules import amounts, drafts
from subsidykit.rules.lookup import find_program

ROOT = Path(__file__).resolve().parents[1]
DRAFT_PROGRAM = "2026/企业研发机构创新能力提升项目"  # 2026-rd-institution-capability: 10%, 最高 200 万元 (line 21)
DRAFT_2023 = "2023/智能制造示范工厂项目"  # 2023-smart-factory: 10%, 最高 2000 万元 (lines 452-454)
REVIEWED = "2026/制造业创新中心建设项目"  # stays reviewed: 50%, 最高 3000 万元 (lines 61-63)
WORD = "草稿（未审核）"


# --- a catalog with drafts ---------------------------------------------------------------------


def _insert_after(text: str, line: str, new: str) -> str:
    assert text.count(line) == 1, line
    return text.replace(line, line + new)


@pytest.fixture
def draft_catalog(tmp_path, monkeypatch):
    """The installed catalog with 2026-rd-institution-capability and 2023-smart-factory marked
    `review: draft`, and the whole 2022 document marked draft; load_catalog() serves it."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    f = data / "004_2026.yaml"
    f.write_text(_insert_after(f.read_text(encoding="utf-8"), "  - id: 2026-rd-institution-capability\n", "    review: draft\n"), encoding="utf-8")
    f = data / "000_2023.yaml"
    f.write_text(_insert_after(f.read_text(encoding="utf-8"), "  - id: 2023-smart-factory\n", "    review: draft\n"), encoding="utf-8")
    f = data / "001_2022.yaml"
    f.write_text(_insert_after(f.read_text(encoding="utf-8"), "general_applies_to: []\n", "review: draft\n"), encoding="utf-8")
    monkeypatch.setenv("SUBSIDYKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(drafts.ALLOW_ENV, raising=False)
    served = load_catalog().documents  # the catalog every other test module holds on to
    wrapped = load_catalog.__wrapped__
    load_catalog.cache_clear()
    monkeypatch.setattr(wrapped, "__defaults__", (data,))
    yield load_catalog()
    monkeypatch.setattr(wrapped, "__defaults__", (DATA_DIR,))
    load_catalog.cache_clear()
    # serve the very same records again (other modules compare programs by identity)
    real = catalog_cache.load
    catalog_cache.load = lambda files: served
    try:
        assert load_catalog().documents is served
    finally:
        catalog_cache.load = real


def test_the_installed_catalog_is_all_reviewed_and_unchanged():
    cat = load_catalog()
    assert {p.review for p in cat.programs} == {"done"} and {d.review for d in cat.documents} == {"done"}
    assert all(p.todo == [] for p in cat.programs) and all(d.todo == [] for d in cat.documents)
    assert not any(drafts.is_draft(p) for p in cat.programs)


def test_the_schema_knows_review_and_todo():
    base = {"file": "x.txt", "title": "t", "year": 2027, "fund": "f", "guides": ["g"], "programs": []}
    prog = {"id": "2027-a", "year": 2027, "fund": "f", "guide": "g", "path": [], "title": "甲项目", "kind": "none"}
    doc = schema.Document.model_validate({**base, "review": "draft", "todo": [{"lines": [3, 4], "text": "某句", "note": "n"}],
                                          "programs": [prog]})  # fmt: skip
    assert doc.review == "draft" and doc.todo[0].lines == (3, 4) and doc.todo[0].note == "n"
    assert doc.programs[0].review == "draft"  # a draft document's programs are drafts
    assert schema.Document.model_validate({**base, "programs": [prog]}).programs[0].review == "done"
    for bad in ({"review": "maybe"}, {"todo": [{"lines": [5, 4], "text": "x"}]}, {"todo": [{"text": "no lines"}]}):
        with pytest.raises(ValueError):
            schema.Document.model_validate({**base, "programs": [{**prog, **bad}]})


# --- the engine ----------------------------------------------------------------------------------


def test_cap_refuses_a_draft_and_says_how_to_allow_it(draft_catalog):
    with pytest.raises(DraftEntryError) as info:
        amounts.cap(DRAFT_PROGRAM, 3000)
    assert isinstance(info.value, NoAmountError) and info.value.code == "DRAFT_ENTRY"
    msg = info.value.message
    assert msg.startswith(DRAFT_PROGRAM) and WORD in msg and "SUBSIDYKIT_ALLOW_DRAFT=1" in msg
    for figure in (amounts.rate_of, amounts.limit_of):
        with pytest.raises(DraftEntryError):
            figure(DRAFT_PROGRAM)
    # a program of a draft document is a draft too (001_2022.yaml: review: draft at the top)
    with pytest.raises(DraftEntryError):
        amounts.cap("2022/“智改数转”标杆示范项目", 5000)
    # the reviewed programs of the same catalog are served as before: 50% × 1000 = 500
    assert amounts.cap(REVIEWED, 1000).amount == Decimal(500)
    assert amounts.cap_values(DRAFT_PROGRAM, [3000, None], on_error=lambda e: e.code) == ["DRAFT_ENTRY", None]


def test_an_allowed_draft_is_computed_and_still_said_to_be_a_draft(draft_catalog, monkeypatch):
    award = amounts.cap(DRAFT_PROGRAM, 3000, allow_draft=True)  # 3000 × 10% = 300 > 200
    assert award.amount == Decimal(200) and award.explanation.startswith(f"［{WORD}")
    monkeypatch.setenv(drafts.ALLOW_ENV, "1")
    assert amounts.cap(DRAFT_PROGRAM, 1500).amount == Decimal(150)
    assert amounts.cap_values(DRAFT_PROGRAM, [1500.0, 3000.0]) == [150.0, 200.0]
    assert amounts.rate_of(DRAFT_PROGRAM).value == Decimal("0.10")
    with pytest.raises(DraftEntryError):
        amounts.cap(DRAFT_PROGRAM, 1500, allow_draft=False)  # the explicit parameter wins


def test_a_draft_has_no_fast_path(draft_catalog):
    sel = find_program(DRAFT_PROGRAM)
    assert amounts.fast_cap(sel) is None
    assert amounts.fast_cap(find_program(REVIEWED)) is not None


def test_the_review_of_a_draft_says_so_first(draft_catalog):
    from subsidykit.rules.findings import WARNING
    from subsidykit.rules.review import OTHER_THAN_CONDITIONS, review_project

    rv = review_project(find_program(DRAFT_PROGRAM), {"研发设备及配套软件投入": 1200})
    first = rv.findings[0]
    assert first.code == "DRAFT_ENTRY" and first.severity == WARNING and first.code in OTHER_THAN_CONDITIONS
    assert WORD in first.message and "SUBSIDYKIT_ALLOW_DRAFT=1" in first.message
    assert rv.cap is None and WORD in rv.cap_text  # the conditions are still checked
    assert any(r.field == "研发设备及配套软件投入" and r.status == "pass" for r in rv.report.results)
    reviewed = review_project(find_program(REVIEWED), {"项目总投入": 100})
    assert "DRAFT_ENTRY" not in {f.code for f in reviewed.findings}


# --- every surface ---------------------------------------------------------------------------------


def _main(capsys, *argv: str) -> tuple[int, str, str]:
    from subsidykit.cli.app import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_cap_check_show_programs_say_draft(draft_catalog, capsys):
    code, out, err = _main(capsys, "cap", DRAFT_PROGRAM, "3000")
    assert code == 2 and out == "" and WORD in err and "SUBSIDYKIT_ALLOW_DRAFT=1" in err
    code, out, _ = _main(capsys, "cap", DRAFT_PROGRAM, "3000", "--json")
    data = json.loads(out)
    assert code == 2 and data["amount_wan"] is None and WORD in data["explanation"] and data["source"]["lines"] == [21, 21]

    code, out, _ = _main(capsys, "check", DRAFT_PROGRAM, "研发设备及配套软件投入=1200", "--only-given")
    assert code == 0  # the one condition given passes: the verdict stands, with the warning
    assert out.splitlines()[0] == f"{DRAFT_PROGRAM}：通过（只核对了给出的 1 项；另有 2 项条件未核对）"
    assert any(line.strip().startswith("[警告]") and WORD in line for line in out.splitlines())
    code, out, _ = _main(capsys, "check", DRAFT_PROGRAM, "研发设备及配套软件投入=1200", "--only-given", "--json")
    data = json.loads(out)
    assert data["findings"][0]["code"] == "DRAFT_ENTRY" and WORD in data["cap"] and data["cap_wan"] is None

    code, out, _ = _main(capsys, "show", DRAFT_PROGRAM)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "［草稿］企业研发机构创新能力提升项目（2026-rd-institution-capability）"
    assert any(line.startswith("  审核：") and WORD in line for line in lines)
    code, out, _ = _main(capsys, "show", DRAFT_PROGRAM, "--json")
    assert json.loads(out)["review"] == "draft"
    code, out, _ = _main(capsys, "show", REVIEWED)
    assert "［草稿］" not in out and "审核：" not in out

    code, out, _ = _main(capsys, "programs", "--year", "2026")
    marked = [line.split("\t")[0] for line in out.splitlines() if "［草稿］" in line]
    assert marked == ["2026-rd-institution-capability"]
    code, out, _ = _main(capsys, "programs", "--year", "2026", "--json")
    assert {p["id"] for p in json.loads(out) if p["review"] == "draft"} == {"2026-rd-institution-capability"}


def test_cli_cap_of_an_allowed_draft(draft_catalog, capsys, monkeypatch):
    monkeypatch.setenv(drafts.ALLOW_ENV, "1")
    code, out, _ = _main(capsys, "cap", DRAFT_PROGRAM, "3000")
    assert code == 0 and out.splitlines()[0] == "最高补助：200 万元" and WORD in out.splitlines()[1]


def test_worksheet_functions_say_draft(draft_catalog, monkeypatch):
    from udfs.functions import CHECK_ROW, PROGRAM_INFO, SUBSIDY_CAP, SUBSIDY_EXPLAIN, SUBSIDY_LIMIT

    cell = SUBSIDY_CAP(DRAFT_PROGRAM, 3000.0)  # the single-cell fast path asks cap(): no fast path for a draft
    assert cell == "#N/A" and WORD in cell.message and "SUBSIDYKIT_ALLOW_DRAFT=1" in cell.message
    column = SUBSIDY_CAP(DRAFT_PROGRAM, [[3000.0], [None], [500.0]])
    assert [c[0] for c in column] == ["#N/A", None, "#N/A"] and WORD in column[0][0].message
    assert WORD in SUBSIDY_EXPLAIN(DRAFT_PROGRAM, 3000.0)
    assert SUBSIDY_LIMIT(DRAFT_PROGRAM) == "#N/A"
    assert PROGRAM_INFO(DRAFT_PROGRAM).startswith("［草稿］")
    row = CHECK_ROW(DRAFT_PROGRAM, [["研发设备及配套软件投入"]], [[1200]], None, True)
    assert row.startswith("通过；[警告]") and WORD in row  # never exactly 通过 for a draft
    assert SUBSIDY_CAP(REVIEWED, 1000.0) == 500.0
    monkeypatch.setenv(drafts.ALLOW_ENV, "1")
    assert SUBSIDY_CAP(DRAFT_PROGRAM, 3000.0) == 200.0
    assert SUBSIDY_EXPLAIN(DRAFT_PROGRAM, 3000.0).startswith(f"［{WORD}")


def test_the_audit_sheet_of_a_summary_says_draft(draft_catalog, tmp_path):
    from openpyxl import Workbook

    from subsidykit.summary.build import build
    from subsidykit.workbooks.ledger import read_ledger
    from tests.submission_files import SMART

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(list(SMART))
    ws.append(list(SMART.values()))
    wb.save(tmp_path / "台账.xlsx")
    summary = build(read_ledger(tmp_path / "台账.xlsx"), year=2023, date=dt.date(2023, 3, 1))
    (project,) = summary.to_json()["projects"]
    assert project["cap_wan"] is None and WORD in project["cap"]
    assert any(f["code"] == "DRAFT_ENTRY" for f in project["findings"])
    ws = load_workbook(summary.write_xlsx(tmp_path / "汇总.xlsx"))["审核"]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "序号")
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    line = {h: ws.cell(row=head + 1, column=c).value for h, c in cols.items()}
    assert line["最高补助（万元）"] in (None, "") and WORD in line["台账提示"]


# --- the review sheet ------------------------------------------------------------------------------

# A hand-written draft (what `catalog draft` writes, shortened): comments, flow mappings, one
# quoted review value and one already reviewed program, so that accept's textual edit is tested.
SAMPLE = """\
# 2027 示例专项资金（手写的测试草稿）
file: guide_2027.txt
title: 2027年度示例专项资金项目申报指南
year: 2027
fund: 示例专项资金
guides: [2027年度示例专项资金项目申报指南]
review: draft   # 文件级：通用条件待审
general_thresholds:
  - field: 成立日期
    op: "<="
    value: "2026-06-30"
    unit: 日期
    label: 正常经营1年以上（截至2027年6月30日）
    source: {file: guide_2027.txt, lines: [5, 5], text: 申报单位须正常经营1年以上}
general_applies_to: [2027年度示例专项资金项目申报指南]
todo:
  - {lines: [7, 7], text: 申报材料须真实有效。}
programs:
  - id: 2027-smart-upgrade
    review: draft  # 待审
    year: 2027
    fund: 示例专项资金
    guide: 2027年度示例专项资金项目申报指南
    path: [一、智能化改造]
    title: 智能化改造项目
    kind: rate_cap
    base: 项目总投入
    rate: 0.10
    cap: 2000
    source: {file: guide_2027.txt, lines: [12, 13], text: 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元。}
    first_payment:
      share: 0.5
      source: {file: guide_2027.txt, lines: [13, 13], text: 首次拨付补助资金总额的50%}
    quota:
      value: 30
      source: {file: guide_2027.txt, lines: [15, 15], text: 支持数量。不超过30个。}
    thresholds:
      - field: 项目总投入
        op: ">="
        value: 3000
        unit: 万元
        label: 项目总投入不低于3000万元
        source: {file: guide_2027.txt, lines: [10, 10], text: 项目总投入不低于3000万元}
    todo:
      - {lines: [11, 11], text: 优先支持绿色低碳项目。, note: 非量化}
  - id: 2027-first-set
    review: "draft"
    year: 2027
    fund: 示例专项资金
    guide: 2027年度示例专项资金项目申报指南
    path: [二、首台套]
    title: 首台（套）装备示范应用项目
    no_application: true
    kind: cap_only
    cap: 200
    per: 装备
    source: {file: guide_2027.txt, lines: [20, 20], text: 单个装备支持额度最高不超过200万元}
  - {id: 2027-old-program, review: done, year: 2027, fund: 示例专项资金, guide: 2027年度示例专项资金项目申报指南, path: [], title: 已审核项目, kind: fixed, fixed: 50, source: {file: guide_2027.txt, lines: [30, 30], text: 给予50万元定额奖励}}
"""

# (key, 内容, 数据值, 读作, 原文引文, 行号) of every row, in order, worked out by hand from SAMPLE
WANT_ROWS = [
    ("（全文）/general_thresholds/0", "条件", "成立日期 <= 2026-06-30 日期", "成立日期 ≤ 2026-06-30（正常经营1年以上（截至2027年6月30日））", "申报单位须正常经营1年以上", "5"),
    ("2027-smart-upgrade/kind", "补助方式", "rate_cap", "按比例补助，计算基数：项目总投入", "按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元。", "12-13"),
    ("2027-smart-upgrade/rate", "比例", "0.1", "按不超过项目总投入的10%", "按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元。", "12-13"),
    ("2027-smart-upgrade/cap", "上限", "2000", "最高不超过 2000 万元", "按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元。", "12-13"),
    ("2027-smart-upgrade/first_payment", "首次拨付", "share 0.5", "首次拨付补助资金的 50%", "首次拨付补助资金总额的50%", "13"),
    ("2027-smart-upgrade/quota", "支持数量", "30", "不超过 30 个", "支持数量。不超过30个。", "15"),
    ("2027-smart-upgrade/thresholds/0", "条件", "项目总投入 >= 3000 万元", "项目总投入 ≥ 3000 万元（项目总投入不低于3000万元）", "项目总投入不低于3000万元", "10"),
    ("2027-first-set/kind", "补助方式", "cap_only", "只规定最高额（免申直达）", "单个装备支持额度最高不超过200万元", "20"),
    ("2027-first-set/cap", "上限", "200", "单个装备最高不超过 200 万元", "单个装备支持额度最高不超过200万元", "20"),
    ("2027-old-program/kind", "补助方式", "fixed", "定额补助", "给予50万元定额奖励", "30"),
    ("2027-old-program/fixed", "定额", "50", "定额 50 万元", "给予50万元定额奖励", "30"),
]
WANT_TODO = [("（全文）/todo/0", "（全文）", "7", "申报材料须真实有效。"), ("2027-smart-upgrade/todo/0", "2027-smart-upgrade", "11", "优先支持绿色低碳项目。")]


def _sample(tmp_path: Path, newline: str = "\n") -> Path:
    path = tmp_path / "草稿2027.yaml"
    path.write_bytes(SAMPLE.replace("\n", newline).encode("utf-8"))
    return path


def _sheet_rows(path: Path, sheet: str) -> tuple[list[str], list[tuple]]:
    ws = load_workbook(path)[sheet]
    values = list(ws.iter_rows(values_only=True))
    return list(values[0]), values[1:]


def test_review_sheet_rows_and_quotes_read_back(tmp_path):
    from subsidykit.authoring.review import review_sheet

    result = review_sheet(_sample(tmp_path), tmp_path / "审阅.xlsx")
    assert (result.programs, result.drafts, len(result.rows), len(result.todo)) == (3, 3, 11, 2)
    header, rows = _sheet_rows(tmp_path / "审阅.xlsx", "审阅")
    assert header == ["序号", "项目编号", "项目名称", "项目位置", "子类/分项", "内容", "数据值", "读作", "原文引文", "文件", "行号",
                      "审核（填 ✓ 或 是）", "意见", "定位（勿改）"]  # fmt: skip
    col = {h: i for i, h in enumerate(header)}
    got = [(r[col["定位（勿改）"]], r[col["内容"]], r[col["数据值"]], r[col["读作"]], r[col["原文引文"]], r[col["行号"]]) for r in rows]
    assert got == WANT_ROWS
    assert [r[col["序号"]] for r in rows] == list(range(1, 12))
    assert {r[col["文件"]] for r in rows} == {"guide_2027.txt"}
    assert all(r[col["审核（填 ✓ 或 是）"]] is None and r[col["意见"]] is None for r in rows)
    smart = rows[2]
    assert (smart[col["项目编号"]], smart[col["项目名称"]], smart[col["项目位置"]]) == ("2027-smart-upgrade", "智能化改造项目", "一、智能化改造")
    header, todo = _sheet_rows(tmp_path / "审阅.xlsx", "待处理语句")
    col = {h: i for i, h in enumerate(header)}
    assert [(r[col["定位（勿改）"]], r[col["项目编号"]], r[col["行号"]], r[col["未转成数据的语句"]]) for r in todo] == WANT_TODO
    assert todo[1][col["说明"]] == "非量化"
    assert "catalog accept" in "".join(str(r[0]) for r in load_workbook(tmp_path / "审阅.xlsx")["说明"].iter_rows(values_only=True))
    with pytest.raises(FileExistsError):  # an existing sheet is never replaced without asking
        review_sheet(_sample(tmp_path), tmp_path / "审阅.xlsx")


def test_review_sheet_as_html_has_the_same_rows(tmp_path):
    from subsidykit.authoring.review import review_sheet

    review_sheet(_sample(tmp_path), tmp_path / "审阅.html")
    page = (tmp_path / "审阅.html").read_text(encoding="utf-8")
    for key, what, value, reading, quote, lines in WANT_ROWS:
        assert f"<td>{key}</td>" in page and f"<td>{quote}</td>" in page
    assert "<td>项目总投入 &gt;= 3000 万元</td>" in page  # escaped


# --- accept ----------------------------------------------------------------------------------------


def _tick(sheet: Path, out: Path, keys: set[str], todo_keys: set[str], mark: str = "✓") -> Path:
    wb = load_workbook(sheet)
    for name, tick_col, want in (("审阅", 12, keys), ("待处理语句", 8, todo_keys)):
        ws = wb[name]
        key_col = ws.max_column
        for r in range(2, ws.max_row + 1):
            if ws.cell(row=r, column=key_col).value in want:
                ws.cell(row=r, column=tick_col).value = mark
    wb.save(out)
    return out


def _with_review(text: str, n: int, old: str, new: str) -> str:
    """`text` with its n-th `review:` value (0-based, in file order) changed by hand."""
    spots = [m for m in re.finditer(r"review: (\"?)draft\1", text)]
    m = spots[n]
    assert m.group(0) == old
    return text[: m.start()] + new + text[m.end() :]


SMART_KEYS = {k for k, *_ in WANT_ROWS if k.startswith("2027-smart-upgrade/")}
DOC_KEYS = {k for k, *_ in WANT_ROWS if k.startswith("（全文）/")}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_accept_flips_only_fully_ticked_programs_and_keeps_every_other_byte(tmp_path, newline, monkeypatch):
    from subsidykit.authoring.review import accept, review_sheet

    monkeypatch.setenv("SUBSIDYKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(drafts.ALLOW_ENV, raising=False)

    src = _sample(tmp_path, newline)
    before = src.read_bytes()
    review_sheet(src, tmp_path / "审阅.xlsx")
    # every row of 2027-smart-upgrade and its todo sentence, the document's rows; 2027-first-set only half
    ticked = _tick(tmp_path / "审阅.xlsx", tmp_path / "已审.xlsx", SMART_KEYS | DOC_KEYS | {"2027-first-set/kind"},
                   {"（全文）/todo/0", "2027-smart-upgrade/todo/0"})  # fmt: skip
    result = accept(src, ticked, tmp_path / "审核后.yaml")
    assert result.accepted == ["2027-smart-upgrade"] and result.already == ["2027-old-program"]
    assert result.pending == {"2027-first-set": ["1 行数值或条件未打勾"]}
    assert result.document_flipped and result.document == "done"
    assert src.read_bytes() == before  # the input is untouched
    want = SAMPLE.replace("review: draft   # 文件级", "review: done   # 文件级", 1).replace("review: draft  # 待审", "review: done  # 待审", 1)
    assert want.count("review: done") == 3 and '"draft"' in want
    assert (tmp_path / "审核后.yaml").read_bytes() == want.replace("\n", newline).encode("utf-8")

    # the accepted file in a catalog: the accepted program is served, the half-ticked one is not
    data = tmp_path / "catalog"
    data.mkdir()
    shutil.copy(tmp_path / "审核后.yaml", data / "900_2027.yaml")
    cat = load_catalog(data)
    assert amounts.cap("2027/智能化改造项目", 25000, catalog=cat).amount == Decimal(2000)  # 25000 × 10% > 2000
    with pytest.raises(DraftEntryError):
        amounts.cap("2027/首台（套）装备示范应用项目", catalog=cat)


def test_accept_leaves_the_document_draft_while_its_own_rows_are_not_ticked(tmp_path):
    from subsidykit.authoring.review import DOC_ID, accept, review_sheet

    src = _sample(tmp_path)
    review_sheet(src, tmp_path / "审阅.xlsx")
    ticked = _tick(tmp_path / "审阅.xlsx", tmp_path / "已审.xlsx", SMART_KEYS | {"2027-first-set/kind", "2027-first-set/cap"},
                   {"2027-smart-upgrade/todo/0"}, mark="是")  # fmt: skip
    result = accept(src, ticked, write=False)
    assert result.accepted == ["2027-smart-upgrade", "2027-first-set"] and result.document == "draft"
    assert result.pending == {DOC_ID: ["1 行通用条件或抽样规则未打勾", "1 行全文的待处理语句未打勾"]}
    want = _with_review(_with_review(SAMPLE, 2, 'review: "draft"', 'review: "done"'), 1, "review: draft", "review: done")
    assert result.text == want  # the quoted value keeps its quotes


def test_a_todo_sentence_not_ticked_keeps_its_program_draft(tmp_path):
    from subsidykit.authoring.review import accept, review_sheet

    src = _sample(tmp_path)
    review_sheet(src, tmp_path / "审阅.xlsx")
    ticked = _tick(tmp_path / "审阅.xlsx", tmp_path / "已审.xlsx", SMART_KEYS, set())
    result = accept(src, ticked, write=False)
    assert "2027-smart-upgrade" not in result.accepted
    assert result.pending["2027-smart-upgrade"] == ["1 行待处理语句未打勾"]


def test_a_row_changed_since_the_sheet_was_made_is_not_accepted(tmp_path):
    from subsidykit.authoring.review import accept, review_sheet

    src = _sample(tmp_path)
    review_sheet(src, tmp_path / "审阅.xlsx")
    ticked = _tick(tmp_path / "审阅.xlsx", tmp_path / "已审.xlsx", SMART_KEYS, {"2027-smart-upgrade/todo/0"})
    src.write_text(SAMPLE.replace("    cap: 2000\n", "    cap: 2500\n"), encoding="utf-8")  # edited after the sheet
    result = accept(src, ticked, write=False)
    assert result.accepted == [] and result.stale_rows == 1
    (why,) = result.pending["2027-smart-upgrade"]
    assert why.startswith("1 行数值或条件与当前 YAML 不一致")


def test_accept_never_writes_over_its_input_without_the_flag(tmp_path):
    from subsidykit.authoring.review import accept, review_sheet

    src = _sample(tmp_path)
    before, mtime = src.read_bytes(), src.stat().st_mtime_ns
    review_sheet(src, tmp_path / "审阅.xlsx")
    ticked = _tick(tmp_path / "审阅.xlsx", tmp_path / "已审.xlsx", SMART_KEYS, {"2027-smart-upgrade/todo/0"})
    for out in (src, None, tmp_path / "." / src.name):
        with pytest.raises(BadInputError):
            accept(src, ticked, out)
    link = tmp_path / "link.yaml"
    os.link(src, link)  # the same file under another name
    with pytest.raises(BadInputError):
        accept(src, ticked, link)
    assert src.read_bytes() == before and src.stat().st_mtime_ns == mtime
    result = accept(src, ticked, in_place=True)
    assert result.accepted == ["2027-smart-upgrade"] and result.out == src
    assert src.read_bytes() == _with_review(SAMPLE, 1, "review: draft", "review: done").encode("utf-8")


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "subsidykit.cli", *map(str, args)], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)


def test_catalog_review_and_accept_commands(tmp_path):
    src = _sample(tmp_path)
    before = src.read_bytes()
    sheet = tmp_path / "审阅.xlsx"
    proc = _run("catalog", "review", src, "--out", sheet)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == f"已写入 {sheet}：项目 3 个（草稿 3 个），待核对的数值和条件 11 行，未转成数据的语句 2 句"
    proc = _run("catalog", "review", src, "--out", sheet)  # exists: refused without --force
    assert proc.returncode == 2 and "已存在" in proc.stderr and "--force" in proc.stderr
    assert _run("catalog", "review", src, "--out", src, "--force").returncode == 2  # never over the input
    ticked = _tick(sheet, tmp_path / "已审.xlsx", SMART_KEYS | DOC_KEYS, {"（全文）/todo/0", "2027-smart-upgrade/todo/0"})

    proc = _run("catalog", "accept", src, "--sheet", ticked, "--out", src)
    assert proc.returncode == 2 and "--in-place" in proc.stderr and src.read_bytes() == before
    proc = _run("catalog", "accept", src, "--sheet", ticked)
    assert proc.returncode == 2 and "--out" in proc.stderr and src.read_bytes() == before
    proc = _run("catalog", "accept", src, "--sheet", ticked, "--out", ticked)
    assert proc.returncode == 2 and src.read_bytes() == before

    out = tmp_path / "审核后.yaml"
    proc = _run("catalog", "accept", src, "--sheet", ticked, "--out", out, "--json")
    assert proc.returncode == 3, proc.stderr  # 2027-first-set is still a draft
    data = json.loads(proc.stdout)
    assert data == {"accepted": ["2027-smart-upgrade"], "already_done": ["2027-old-program"],
                    "pending": {"2027-first-set": ["2 行数值或条件未打勾"]}, "document_review": "done",
                    "document_pending": [], "out": str(out)}  # fmt: skip
    assert _run("catalog", "accept", src, "--sheet", ticked, "--out", out).returncode == 2  # exists
    proc = _run("catalog", "accept", src, "--sheet", ticked, "--in-place")
    assert proc.returncode == 3 and src.read_bytes() == out.read_bytes() != before
    assert "仍为草稿的项目 1 个" in proc.stdout and "2027-first-set：2 行数值或条件未打勾" in proc.stdout


# --- catalog draft (the command around the drafter) -------------------------------------------------

GUIDE = """\
2027年度示例省示例专项资金项目申报指南

一、智能化改造项目

（一）支持条件。

1.项目总投入不低于3000万元。

（二）补助标准。按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元。

（三）支持数量。不超过30个。
"""


def test_catalog_draft_writes_a_draft_and_refuses_to_overwrite(tmp_path):
    from subsidykit.authoring.review import read_catalog_file

    guide = tmp_path / "guide_2027.txt"
    guide.write_text(GUIDE, encoding="utf-8")
    out = tmp_path / "草稿.yaml"
    proc = _run("catalog", "draft", guide, "--year", "2027", "--fund", "示例专项资金", "--out", out, "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    counts = json.loads(proc.stdout)
    assert counts["out"] == str(out) and counts["text"] is None and counts["problems"] == []
    assert counts["programs"] == 1
    _text, data, model = read_catalog_file(out)  # valid for the schema
    (prog,) = model.programs
    assert model.year == 2027 and model.review == "draft" and prog.review == "draft"
    # 按不超过项目总投入的10%予以补助，单个项目支持额度最高不超过2000万元 (line 9)
    assert (prog.kind, prog.rate, prog.cap) == ("rate_cap", Decimal("0.1"), Decimal(2000))
    assert prog.source.file == "guide_2027.txt" and prog.source.lines == (9, 9)
    assert counts["numbers"] >= 2 and counts["todo"] == sum(len(p.todo) for p in model.programs) + len(model.todo)

    before = out.read_bytes()
    proc = _run("catalog", "draft", guide, "--out", out)
    assert proc.returncode == 2 and "已存在" in proc.stderr and out.read_bytes() == before
    proc = _run("catalog", "draft", guide, "--out", guide.with_suffix(".yaml"))
    assert proc.returncode == 0 and "草稿已写入" in proc.stdout and "引文问题 0 处" in proc.stdout
    proc = _run("catalog", "draft", guide, "--out", guide, "--force")  # the guide itself: never
    assert proc.returncode == 2 and guide.read_text(encoding="utf-8") == GUIDE
    proc = _run("catalog", "draft", tmp_path / "none.txt", "--out", tmp_path / "x.yaml")
    assert proc.returncode == 2 and "找不到指南文件" in proc.stderr


def test_match_never_calls_a_draft_entry_fits(draft_catalog):
    """政策匹配 on a catalog whose 2023 智能制造示范工厂项目 is a draft: the profile that makes it
    符合 on the reviewed catalog (000 lines 428-456, 6000 万元 × 10% = 600, tests/test_matching.py)
    leaves the draft 待补充 with the draft's words, and never the best program."""
    from subsidykit.rules.matching import UNKNOWN, match

    values = {
        "项目总投入": 6000, "软件投入": 350, "完工日期": "2022-06-30", "项目实施周期": 2, "示范级别": "省级",
        "规模以上工业企业": "是", "手续完备": "是", "已完成验收": "是", "成立日期": "2015-01-01",
        "注册地省份": "江苏省", "独立法人资格": "是", "近三年重大以上安全环保质量事故": "否", "严重失信行为": "否",
        "本专项资金已支持项目未完成验收": "否", "同一项目已获国家或省级财政资金支持": "否",
    }  # fmt: skip
    res = match(values, 2023, catalog=draft_catalog)
    (factory,) = [m for m in res.matches if m.selection.program.id == "2023-smart-factory"]
    assert factory.status == UNKNOWN and drafts.DRAFT_WORD in factory.note
    assert factory.amount is None and drafts.DRAFT_WORD in factory.amount_text
    assert res.best is not None and res.best.selection.program.id != "2023-smart-factory"


def test_programs_list_marks_a_draft_and_serves_none_of_its_figures(draft_catalog):
    """=PROGRAMS(2023): the draft 智能制造示范工厂项目 is listed with ［草稿］ and no rate, cap or quota
    (the reviewed catalog lists 0.1, 2000 and its quota: 000 lines 452-454); a reviewed program's
    figures are unchanged (数据产品化项目: 20%, 500, 000 lines 905-907)."""
    from udfs import PROGRAMS

    rows = {r[0]: r for r in PROGRAMS(2023)[1:]}
    factory = rows["2023-smart-factory"]
    assert factory[2].endswith(drafts.DRAFT_MARK)
    assert factory[4:7] == [drafts.DRAFT_WORD] * 3
    data = next(r for r in rows.values() if r[2] == "数据产品化项目")
    assert data[4:6] == [0.2, 500]


@pytest.fixture
def draft_notice(tmp_path, monkeypatch):
    """The installed catalog with the whole 2023 notice (000_2023.yaml, which states the sampling
    rule) marked `review: draft`."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    f = data / "000_2023.yaml"
    f.write_text(_insert_after(f.read_text(encoding="utf-8"), "\nfund: 江苏省工业和信息产业转型升级专项资金\n", "review: draft\n"), encoding="utf-8")
    monkeypatch.setenv("SUBSIDYKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(drafts.ALLOW_ENV, raising=False)
    return load_catalog(data)


def test_the_sampling_rule_of_a_draft_notice_is_refused_unless_allowed(draft_notice, monkeypatch):
    """真实性核查 (000 lines 250-255: 20 个以内全部核查，超出部分按 20% 累加): 47 recommended -> 20 + 27 × 20%
    = 5.4 -> 6 (不足一个按一个) = 26 on the reviewed catalog; the drafted notice's rule is refused,
    and served marked as a draft when allowed."""
    from subsidykit.errors import DraftEntryError
    from subsidykit.rules.sampling import sample_size

    assert sample_size(47, year=2023).size == 26  # the installed, reviewed catalog
    with pytest.raises(DraftEntryError, match="草稿"):
        sample_size(47, year=2023, catalog=draft_notice)
    monkeypatch.setenv(drafts.ALLOW_ENV, "1")
    allowed = sample_size(47, year=2023, catalog=draft_notice)
    assert allowed.size == 26 and allowed.explanation.startswith("［草稿（未审核）")
