"""Issue 16, "Summary and validation": where a project fails its chosen program, the 审核 sheet of
`summary` and the validation report add a 提示 (FITS_OTHER_PROGRAMS) naming the programs it does
qualify for, best first, with their maximum award — and change nothing the clerk chose.

Real ledgers and real submission workbooks, written here, go through `summary` / `validate`.
Every expected program and amount is worked out by hand from the 2023 guide,
/work/shared/seeds/000_e236479adaf7e68e.txt (catalog: subsidykit/catalog/data/000_2023.yaml):

  智能制造示范工厂项目        完工 2021-01-01..2022-06-30 (434-436), 周期 ≤ 3 年 (434), 总投入 ≥ 3000 (442),
                              软件等投入 ≥ 300 (448-450), 省级以上示范工厂 (428), 规上 (456),
                              手续完备 (430-432), 已验收 (436-440); 10%，最高 2000 万元 (452-454)
  工业互联网标杆工厂项目      省级以上、2018 年以来认定 (470-471), 贯标 A 级以上 (471-473), 贯标备案 (473),
                              完工窗口 (479-481), 总投入 ≥ 3000 (485), 软件等 ≥ 300 (491-493),
                              至少 3 项指标提升 (495-499), 规上 (505); 10%，最高 1000 万元 (501-503)
  服务化改造升级标杆示范项目  完工窗口 (581-583), 总投入 ≥ 2000 (587), 软件等 ≥ 300 (593-595),
                              手续完备 (577-579), 已验收 (583-585); 10%，最高 500 万元 (597-599)
  高端化改造升级项目          实施地江苏 (378), 非研发类 (378-380), 已开工未竣工 (393-395), 手续完备
                              (389-391); 重大技术改造 ≥ 1 亿元 (382), 产业基础再造 ≥ 5000 (382-384);
                              10%，最高 4000 万元 (399-401)
  工业互联网平台项目          省级以上、2018 年以来认定 (688-690), 总投入 ≥ 1000 (692), 软件等 ≥ 300 (700),
                              周期 ≤ 3 年 (702), 完工窗口 (702-704), 已验收 (704-708), 3 项指标提升
                              (710-714); 10%，最高 500 万元 (718-720)
and the notice's general conditions (lines 78-101), which tests/submission_files.SMART meets.

Programs the catalog lists no condition of their own for (免费诊断服务项目 919-923, 领军服务商培育项目
927-929 …: 具体方案另行通知) pass on the general conditions alone; they are never named.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import subsidykit.summary.build as summary_build
import subsidykit.validation.checks as checks
from subsidykit.cli.app import main
from subsidykit.rules.findings import INFO
from subsidykit.rules.lookup import find_program
from subsidykit.rules.matching import qualifying_others
from subsidykit.rules.review import review_project
from subsidykit.rules.uscc import make
from subsidykit.summary.build import build
from subsidykit.validation.checks import validate_file
from subsidykit.workbooks.ledger import read_ledger
from tests.submission_files import SMART, write

CODE = "FITS_OTHER_PROGRAMS"
TAIL = "；申报项目以申报单位选择为准"
SEED = "000_e236479adaf7e68e.txt"

# Chosen: 工业互联网标杆工厂项目, with only 2 indicators improved: fails 至少有3项 (495-499).  Every other
# condition of it is met, and so is every condition of 智能制造示范工厂项目 and 服务化改造升级标杆示范项目.
IIBF = {
    **SMART,
    "申报项目类别": "2023/工业互联网标杆工厂项目",
    "项目总投入": 15000,
    "固定资产投资": 9000,
    "申请补助资金": 1000,
    "认定日期": dt.date(2019, 12, 1),
    "两化融合贯标等级": "AA级",
    "完成贯标备案审核": "是",
    "提升指标数量": 2,
}
# 10% × 15000 = 1500 ≤ 2000 (452-454); 10% × 15000 = 1500 > 500 -> 500 (597-599).  Larger first.
IIBF_HINT = "按所填数据，本项目符合：2023/智能制造示范工厂项目（最高 1500 万元）、2023/服务化改造升级标杆示范项目（最高 500 万元）" + TAIL
# the chosen program's own cap, unchanged by the hint: 10% × 15000 = 1500 > 1000 -> 1000 (501-503)
IIBF_CAP = Decimal(1000)

# Fails and fits nothing: 软件投入 250 < 300 fails 智能制造示范工厂 (448-450), and every program with its
# own conditions that the values could meet asks for 软件等投入 ≥ 300 too (491-493, 593-595, 700).
NOTHING = {**SMART, "软件投入": 250}
# 待核实, not 不通过: 示范级别 not given (428); every given condition is met.  服务化改造升级标杆示范项目
# does not ask for 示范级别, so the engine finds it eligible — the 提示 is still not given.
PENDING = {k: v for k, v in SMART.items() if k != "示范级别"}

# Five others fit, three are named: 高端化改造升级项目 chosen as 重大技术改造项目 with 6000 < 1 亿元 (382).
#   产业基础再造项目    6000 ≥ 5000 (382-384): 10% × 6000 = 600 ≤ 4000 (399-401)
#   智能制造示范工厂    600 ≤ 2000 (452-454)
#   工业互联网标杆工厂  600 ≤ 1000 (501-503); 3 项指标提升 (495-499)
#   服务化改造升级标杆  600 > 500 -> 500 (597-599)
#   工业互联网平台      600 > 500 -> 500 (718-720)
# 600 before 500; on a tie the order of the guide (高端化 378-407, 智能制造 428-458, 标杆工厂 470-507).
HIGH_END = {
    **IIBF,
    "申报项目类别": "2023/高端化改造升级项目/重大技术改造项目",
    "项目总投入": 6000,
    "固定资产投资": 4000,
    "申请补助资金": 600,
    "提升指标数量": 3,
    "项目实施地省份": "江苏省",
    "研发类项目": "否",
    "已开工建设": "是",
    "已竣工": "否",
}
HIGH_END_HINT = (
    "按所填数据，本项目符合：2023/高端化改造升级项目/产业基础再造项目（最高 600 万元）、"
    "2023/智能制造示范工厂项目（最高 600 万元）、2023/工业互联网标杆工厂项目（最高 600 万元）等 5 个" + TAIL
)


def _distinct(values: dict, i: int) -> dict:
    """The same project as another applicant (no duplicate-applicant note between the rows)."""
    return {**values, "单位名称": f"示例{i}号有限公司", "统一社会信用代码": make(random.Random(i), "320500"), "申报项目名称": f"示例{i}号项目"}


def _ledger(path: Path, rows: list[dict]) -> Path:
    """A ledger whose headers are the field names (the union of the rows', in order)."""
    header = list(dict.fromkeys(k for r in rows for k in r))
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(header)
    for r in rows:
        ws.append([r.get(h) for h in header])
    wb.save(path)
    return path


def _hints(findings) -> list:
    return [f for f in findings if f.code == CODE]


def _review(values: dict):
    sel = find_program(values["申报项目类别"], year=2023)
    return sel, review_project(sel, values, counted={"申报项目数量": 1})


# --- the engine's answer the surfaces format ----------------------------------------------------


def test_the_cases_are_what_the_guide_makes_them():
    """The verdicts of the chosen programs, and what qualifying_others answers, by hand."""
    sel, rv = _review(IIBF)
    assert rv.verdict == "fail" and rv.cap == IIBF_CAP
    assert [(f.code, f.field, f.source.lines) for f in rv.findings] == [("BELOW_THRESHOLD", "提升指标数量", (495, 499))]
    named = [(m.typing, m.amount) for m in qualifying_others(sel, IIBF) if not m.note]
    assert named == [("2023/智能制造示范工厂项目", Decimal(1500)), ("2023/服务化改造升级标杆示范项目", Decimal(500))]

    sel, rv = _review(NOTHING)
    assert rv.verdict == "fail"
    # at most programs passing on the notice's general conditions alone (免费诊断服务项目 …), never named
    assert [m.typing for m in qualifying_others(sel, NOTHING) if not m.note] == []

    sel, rv = _review(PENDING)
    assert rv.verdict == "incomplete"
    assert "2023/服务化改造升级标杆示范项目" in {m.typing for m in qualifying_others(sel, PENDING) if not m.note}


# --- 审核 (summary) ------------------------------------------------------------------------------


@pytest.fixture()
def ledger(tmp_path) -> Path:
    return _ledger(tmp_path / "台账.xlsx", [_distinct(v, i) for i, v in enumerate([IIBF, NOTHING, PENDING, SMART])])


def _audit_lines(path: Path) -> list[dict]:
    ws = load_workbook(path)["审核"]
    head = next(r for r in range(1, 40) if ws.cell(row=r, column=1).value == "序号")
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    return [{h: ws.cell(row=r, column=c).value for h, c in cols.items()} for r in range(head + 1, ws.max_row + 1)]


def test_audit_sheet_names_the_programs_a_failing_row_qualifies_for(ledger, tmp_path):
    summary = build(read_ledger(ledger), year=2023, date=dt.date(2023, 3, 1))
    first, nothing, pending, passing = summary.reviews
    (hint,) = _hints(first.findings)
    # 申报项目类别 is the 3rd column of the ledger (申报年度, 地区, 申报项目类别), the project on row 2
    assert (hint.severity, hint.field, hint.cell, hint.message) == (INFO, "申报项目类别", "台账!C2", IIBF_HINT)
    assert (hint.source.file, hint.source.lines) == (SEED, (452, 454))  # the amount clause of the first named
    assert not _hints(nothing.findings) and not _hints(pending.findings) and not _hints(passing.findings)
    assert [r.check_status for r in summary.reviews] == ["不通过", "不通过", "待核实", "通过"]

    lines = _audit_lines(summary.write_xlsx(tmp_path / "汇总.xlsx"))
    assert f"[提示] 台账!C2：{IIBF_HINT}" in lines[0]["台账提示"].splitlines()
    # what the clerk chose stands: the program matched, its verdict and its own cap
    assert lines[0]["匹配的政策项目"] == "2023/工业互联网标杆工厂项目" and lines[0]["项目编号"] == "2023-industrial-internet-benchmark-factory"
    assert lines[0]["条件核对"] == "不通过" and lines[0]["最高补助（万元）"] == 1000
    assert all(CODE not in (line["台账提示"] or "") and "按所填数据" not in (line["台账提示"] or "") for line in lines[1:])

    (project, *_) = summary.to_json()["projects"]
    (j,) = [f for f in project["findings"] if f["code"] == CODE]
    assert j["severity"] == "提示" and j["message"] == IIBF_HINT and j["source"]["lines"] == [452, 454]
    assert project["program"] == "2023-industrial-internet-benchmark-factory" and project["verdict"] == "fail" and project["cap_wan"] == 1000


def test_the_hint_changes_nothing_else_in_the_summary(ledger, monkeypatch):
    with_hint = build(read_ledger(ledger), year=2023, date=dt.date(2023, 3, 1))
    monkeypatch.setattr(summary_build, "other_programs_finding", lambda *a, **k: None)
    without = build(read_ledger(ledger), year=2023, date=dt.date(2023, 3, 1))
    assert not any(_hints(r.findings) for r in without.reviews)

    def drop(js: dict) -> dict:
        for p in js["projects"]:
            p["findings"] = [f for f in p["findings"] if f["code"] != CODE]
        return js

    assert drop(with_hint.to_json()) == drop(without.to_json())
    assert [r.flagged for r in with_hint.reviews] == [r.flagged for r in without.reviews]
    tables = lambda s: [x.values for x in s.sheets if x.kind == "table"]  # noqa: E731
    assert tables(with_hint) == tables(without)  # the 附件2 tables: each row where the clerk put it


# --- validate ------------------------------------------------------------------------------------


@pytest.fixture()
def forms(tmp_path) -> Path:
    folder = tmp_path / "申报表"
    folder.mkdir()
    for i, (name, values, layout) in enumerate(
        [("a_标杆工厂.xlsx", IIBF, "template"), ("b_高端化.xlsx", HIGH_END, "columns"), ("c_无.xlsx", NOTHING, "template"),
         ("d_待核实.xlsx", PENDING, "attachment3"), ("e_通过.xlsx", SMART, "template")]  # fmt: skip
    ):
        write(folder / name, _distinct(values, i), layout)
    return folder


def _by_name(out: dict) -> dict[str, dict]:
    return {Path(f["file"]).name: f for f in out["files"]}


def test_validate_report_has_the_hint_on_the_program_cell(forms, tmp_path, capsys):
    report, copies = tmp_path / "报告.xlsx", tmp_path / "标注"
    code = main(["validate", str(forms), "--json", "--workers", "1", "--report", str(report), "--annotate", str(copies)])
    out = _by_name(json.loads(capsys.readouterr().out))
    (a,) = [f for f in out["a_标杆工厂.xlsx"]["findings"] if f["code"] == CODE]
    # the template's 申报项目类别 answer cell (as test_checks' cells: 项目申报表!E12, E16 …)
    assert (a["severity"], a["sheet"], a["cell"], a["field"], a["message"]) == ("提示", "项目申报表", "B5", "申报项目类别", IIBF_HINT)
    assert a["source"]["file"] == SEED and a["source"]["lines"] == [452, 454]
    (b,) = [f for f in out["b_高端化.xlsx"]["findings"] if f["code"] == CODE]
    assert b["message"] == HIGH_END_HINT and b["source"]["lines"] == [399, 401] and b["field"] == "申报项目类别"
    for name in ("c_无.xlsx", "d_待核实.xlsx", "e_通过.xlsx"):
        assert not [f for f in out[name]["findings"] if f["code"] == CODE], name
    assert [out[n]["verdict"] for n in sorted(out)] == ["fail", "fail", "fail", "incomplete", "pass"]
    assert out["a_标杆工厂.xlsx"]["cap_wan"] == 1000 and out["b_高端化.xlsx"]["cap_wan"] == 600  # the chosen programs' caps
    assert code == 1  # 错误 in a, b, c (the failing conditions), not because of the 提示

    wb = load_workbook(report)
    rows = [[c.value for c in r] for r in wb["问题清单"].iter_rows(min_row=2)]
    (row,) = [r for r in rows if r[4] == CODE and Path(r[0]).name == "a_标杆工厂.xlsx"]
    assert row[1:8] == ["项目申报表", "B5", "申报项目类别", CODE, "提示", IIBF_HINT, f"{SEED} 第452-454行"]
    files = {Path(r[0].value).name: [c.value for c in r] for r in wb["文件"].iter_rows(min_row=2)}
    assert files["a_标杆工厂.xlsx"][1] == "有错误" and files["a_标杆工厂.xlsx"][7] == 1  # 结果; 提示 count
    assert files["e_通过.xlsx"][1] == "无错误"
    # the annotated copy: the 提示 as the comment of the program cell
    (copy,) = copies.glob("a_标杆工厂*.xlsx")
    comment = load_workbook(copy)["项目申报表"]["B5"].comment.text
    assert f"[提示] {CODE}：{IIBF_HINT}" in comment


def test_the_hint_changes_nothing_else_in_validate(forms, capsys, monkeypatch):
    code = main(["validate", str(forms), "--json", "--workers", "1"])
    with_hint = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(checks, "CHECKS", tuple(c for c in checks.CHECKS if c[0] != "other_programs"))
    code_without = main(["validate", str(forms), "--json", "--workers", "1"])
    without = json.loads(capsys.readouterr().out)
    assert code == code_without == 1
    assert sum(f["code"] == CODE for x in with_hint["files"] for f in x["findings"]) == 2
    for x in with_hint["files"]:
        x["findings"] = [f for f in x["findings"] if f["code"] != CODE]
    with_hint["summary"]["counts"].pop(CODE)
    assert with_hint == without  # verdicts, caps, validity, batch notes, counts: all as without the 提示


def test_the_same_words_on_both_surfaces(tmp_path):
    values = _distinct(IIBF, 0)
    summary = build(read_ledger(_ledger(tmp_path / "a.xlsx", [values])), year=2023, date=dt.date(2023, 3, 1))
    (audit,) = _hints(summary.reviews[0].findings)
    for layout in ("template", "attachment3", "columns"):
        (form,) = _hints(validate_file(write(tmp_path / f"{layout}.xlsx", values, layout)).findings)
        assert (form.message, form.source, form.severity) == (audit.message, audit.source, audit.severity) == (IIBF_HINT, audit.source, INFO)


def test_an_unreadable_value_is_left_out_as_the_review_leaves_it_out(tmp_path):
    # 项目总投入 unreadable: reported VALUE_INVALID, not read by the review, nor by the match —
    # which then finds no program whose 项目总投入 condition it could check (none named, no crash)
    values = {**_distinct(IIBF, 0), "项目总投入": "一万五千"}
    result = validate_file(write(tmp_path / "x.xlsx", values))
    assert ("VALUE_INVALID", "项目总投入") in {(f.code, f.field) for f in result.findings}
    assert result.verdict == "fail" and not _hints(result.findings)
