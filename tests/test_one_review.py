"""Issue 12, item 1: one review behind every surface.

One project (the same values) goes through the engine (`review.review_project`), `subsidykit
check --json`, `CHECK_ROW`, a ledger row through `summary` (the 审核 sheet read back from the
written xlsx, and its JSON) and a submitted form through `validate --json`; every surface must
give the same verdict, the same (code, severity, field) findings and the same cap."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from subsidykit.workbooks.ledger import read_ledger
from subsidykit.rules.lookup import find_program
from subsidykit.rules.findings import CODES, ERROR, WARNING
from subsidykit.rules.review import review_project
from subsidykit.summary.build import build
from subsidykit.rules.vocabulary import is_known_field
from subsidykit.rules.uscc import make
from tests.submission_files import BASE_2021, SMART, write

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = "2023/智能制造示范工厂项目"
# 000_e236479adaf7e68e.txt: 软件等投入不低于300万元 (448-450); 10%，最高 2000 万元 (452-454): 3500 -> 350
PROJECT = {**SMART, "软件投入": 250, "申请补助资金": 400}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "subsidykit.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def _text(v: object) -> str:
    return v.isoformat() if isinstance(v, dt.date) else str(v)


def _ledger(path: Path, rows: list[dict]) -> Path:
    header = list(rows[0])
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(header)
    for r in rows:
        ws.append([r[h] for h in header])
    wb.save(path)
    return path


def _keys(findings) -> set[tuple]:
    return {(f["code"], f["severity"], f["field"]) for f in findings}


def _engine(values: dict):
    return review_project(find_program(values["申报项目类别"], year=values["申报年度"]), values, counted={"申报项目数量": 1})


def _validate(*paths: Path) -> dict:
    proc = _cli("validate", *map(str, paths), "--json")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_one_project_gets_the_same_review_on_every_surface(tmp_path):
    rv = _engine(PROJECT)
    want = rv.keys()
    assert rv.verdict == "fail" and rv.cap == Decimal(350)
    assert want == {("BELOW_THRESHOLD", ERROR, "软件投入"), ("CAP_EXCEEDED", ERROR, "申请补助资金")}

    # subsidykit check --json (the same fields; 申报项目数量 given, as validate and 审核 count one)
    given = {k: v for k, v in PROJECT.items() if is_known_field(k) and k != "申报项目类别"}
    proc = _cli("check", PROGRAM, *(f"{k}={_text(v)}" for k, v in given.items()), "申报项目数量=1", "--json")
    out = json.loads(proc.stdout)
    assert proc.returncode == 1 and out["verdict"] == rv.verdict
    assert _keys(out["findings"]) == want and out["cap_wan"] == 350

    # CHECK_ROW: the verdict and every finding's words in the cell
    from udfs.functions import CHECK_ROW

    labels = [*given, "申报项目数量"]
    cell = CHECK_ROW(PROGRAM, [labels], [[*given.values(), 1]])
    assert cell.startswith("不通过")
    for f in rv.findings:
        assert f.message in cell

    # a ledger row through summary: the 审核 sheet read back from the written file, and its JSON
    ledger = _ledger(tmp_path / "台账.xlsx", [PROJECT])
    summary = build(read_ledger(ledger), year=2023, date=dt.date(2023, 3, 1))
    (project,) = summary.to_json()["projects"]
    assert _keys(project["findings"]) == want and project["verdict"] == rv.verdict and project["cap_wan"] == 350
    ws = load_workbook(summary.write_xlsx(tmp_path / "汇总.xlsx"))["审核"]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "序号")
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    line = {h: ws.cell(row=head + 1, column=c).value for h, c in cols.items()}
    assert line["条件核对"] == rv.verdict_zh == "不通过" and line["最高补助（万元）"] == 350
    shown = f"{line['条件明细']}\n{line['台账提示']}".splitlines()
    for f in rv.findings:  # "[错误] 台账!X2：message": the same severity word and message
        assert any(x.startswith(f"[{f.severity}]") and x.endswith(f.message) for x in shown), f

    # a submitted form through validate --json
    out = _validate(write(tmp_path / "申报表.xlsx", PROJECT))
    (file,) = out["files"]
    assert _keys(file["findings"]) == want and file["verdict"] == rv.verdict and file["cap_wan"] == 350


def test_request_above_the_cap_is_an_error_in_review_and_validate(tmp_path):
    assert CODES["CAP_EXCEEDED"][0] == ERROR
    values = {**SMART, "申请补助资金": 350.01}
    summary = build(read_ledger(_ledger(tmp_path / "a.xlsx", [values])), year=2023, date=dt.date(2023, 3, 1))
    (audit,) = [f for f in summary.reviews[0].findings if f.code == "CAP_EXCEEDED"]
    (file,) = _validate(write(tmp_path / "b.xlsx", values))["files"]
    (form,) = [f for f in file["findings"] if f["code"] == "CAP_EXCEEDED"]
    assert audit.severity == form["severity"] == ERROR and not file["valid"]


def test_a_2021_city_limit_is_counted_the_same_way_in_both(tmp_path):
    # 002_1632e1bcc76db33b.txt line 28: 其中，产业基础再造项目限报2个; 苏州市吴中区 is in 苏州市
    rng = random.Random(12)
    rows = []
    for i, place in enumerate(["苏州市", "苏州市吴中区", "江苏省苏州市", "南京市"]):
        rows.append({**BASE_2021, "地区": place, "单位名称": f"示例{i}号有限公司", "统一社会信用代码": make(rng, "320500"),
                     "申报项目名称": f"示例{i}号项目"})  # fmt: skip
    out = _validate(*(write(tmp_path / f"{i}.xlsx", r) for i, r in enumerate(rows)))
    (limit,) = [b for b in out["batch"] if b["code"] == "CITY_LIMIT"]
    assert len(limit["files"]) == 3 and "苏州市" in limit["message"] and "限报2个" in limit["message"]
    summary = build(read_ledger(_ledger(tmp_path / "台账.xlsx", rows)), year=2021, date=dt.date(2021, 3, 1))
    (note,) = [b for b in summary.batch if b.code == "CITY_LIMIT"]
    assert note.message == limit["message"] and len(note.members) == 3
    counted = {(q.region, q.label): q.count for q in summary.quotas}
    assert counted[("苏州市", "产业基础再造项目限报2个")] == 3 and counted[("南京市", "产业基础再造项目限报2个")] == 1
    assert counted[("苏州市", "每个设区市（含所辖县、市、区）限报6个")] == 3
    assert sum(f.code == "CITY_LIMIT" and f.severity == ERROR for r in summary.reviews for f in r.findings) == 3


@pytest.mark.parametrize(("field", "value"), [("申请补助资金", 3500000), ("项目总投入", 35000000), ("固定资产投资", 28000000)])
def test_the_yuan_heuristic_flags_the_same_value_in_both(tmp_path, field, value):
    values = {**SMART, field: value}
    want = {k for k in _engine(values).keys() if k[0] in ("UNIT_SUSPECT", "AMOUNT_ORDER")}
    assert want == {("UNIT_SUSPECT", ERROR, field)}
    summary = build(read_ledger(_ledger(tmp_path / "a.xlsx", [values])), year=2023, date=dt.date(2023, 3, 1))
    audit = {f.key() for f in summary.reviews[0].findings if f.code in ("UNIT_SUSPECT", "AMOUNT_ORDER")}
    (file,) = _validate(write(tmp_path / "b.xlsx", values))["files"]
    form = {k for k in _keys(file["findings"]) if k[0] in ("UNIT_SUSPECT", "AMOUNT_ORDER")}
    assert audit == form == want


def test_a_request_above_the_total_is_the_same_warning_in_ledger_and_form(tmp_path):
    values = {**SMART, "项目总投入": 800, "固定资产投资": 700, "申请补助资金": 900}
    summary = build(read_ledger(_ledger(tmp_path / "a.xlsx", [values])), year=2023, date=dt.date(2023, 3, 1))
    audit = {f.key() for f in summary.reviews[0].findings if f.code == "AMOUNT_ORDER"}
    (file,) = _validate(write(tmp_path / "b.xlsx", values))["files"]
    assert audit == {k for k in _keys(file["findings"]) if k[0] == "AMOUNT_ORDER"} == {("AMOUNT_ORDER", WARNING, "申请补助资金")}
