"""Issue 18: `--db URL` on every reviewing command (check, validate, summary, match), as a clerk
runs them: whole processes against a SQLite register filled through the register's API, and with
no register (SUBSIDYKIT_DB=off: today's review, the two self-declared conditions 待核实).

The clauses: 000_e236479adaf7e68e.txt lines 91-97 (已获得…支持但尚未完成验收的单位，本次不得再申报项目),
lines 99-101 (同一项目获得过国家和省级财政资金支持的，不再予以支持).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from subsidykit.register import open_register
from subsidykit.register.ingest import Batch, IncomingRow
from tests.submission_files import SMART, USCC

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = "2023/智能制造示范工厂项目"
A = "本专项资金已支持项目未完成验收"
B = "同一项目已获国家或省级财政资金支持"
NO_REGISTER = "未配置登记簿：已支持未验收、同一项目已获支持两项仍须人工核实"
# examples/submissions/01_示例无锡华宇精密.xlsx and the first row (row 5) of examples/台账_2023.xlsx
EXAMPLE_USCC = "9132020065XB92LT82"
LEDGER_USCC = "91320102PHQ46PN614"
OTHER_USCC = "91320100MA1XXXXX0X"  # in the register, but nobody's application here


def run(*args: str, env: dict | None = None) -> tuple[int, str, str]:
    e = {**os.environ, "SUBSIDYKIT_DB": "off", **(env or {})}
    p = subprocess.run(
        [sys.executable, "-m", "subsidykit.cli", *map(str, args)], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=e,
        timeout=600,
    )  # fmt: skip
    return p.returncode, p.stdout, p.stderr


def _supported(uscc: str, name: str, project: str, row: int) -> IncomingRow:
    return IncomingRow(
        "Sheet1", row, year=2022, uscc=uscc, applicant=name, project=project, program_label="2022/工业互联网标杆工厂",
        county="示例区", city="苏州市", award=Decimal(200),
    )  # fmt: skip


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> str:
    """A register with the 2022 supported list: the example applicants' earlier projects (none
    accepted) and another enterprise's."""
    folder = tmp_path_factory.mktemp("register")
    url = f"sqlite:///{folder}/register.db"
    reg = open_register(url, create=True)
    rows = [
        _supported(USCC, "苏州示例精密机械有限公司", "工业互联网平台建设项目", 2),
        _supported(EXAMPLE_USCC, "示例无锡华宇精密制造有限公司", "数字化车间改造项目", 3),
        _supported(LEDGER_USCC, "示例北辰电子科技有限公司", "北辰5G工厂项目", 4),
        _supported(OTHER_USCC, "另一家公司", "高端数控机床智能制造示范工厂项目", 5),
    ]
    reg.import_rows(Batch(file=str(folder / "支持名单_2022.xlsx"), sha256="a" * 64, kind="supported", rows=rows, year=2022))
    reg.close()
    return url


@pytest.fixture(scope="module")
def clear_register(tmp_path_factory) -> str:
    """A register with a 2022 supported list on which our applicant does not appear."""
    folder = tmp_path_factory.mktemp("clear")
    url = f"sqlite:///{folder}/register.db"
    reg = open_register(url, create=True)
    rows = [_supported(OTHER_USCC, "另一家公司", "新能源汽车电池包生产线项目", 2)]
    reg.import_rows(Batch(file=str(folder / "支持名单_2022.xlsx"), sha256="b" * 64, kind="supported", rows=rows, year=2022))
    reg.close()
    return url


def _args(values: dict) -> list[str]:
    return [f"{k}={v}" for k, v in values.items() if k not in ("申报项目类别",)]


# --- check ----------------------------------------------------------------------------------------


def test_check_with_a_register_fails_an_unaccepted_prior_lines_91_97(register):
    code, out, err = run("check", PROGRAM, *_args(SMART), "--db", register)
    assert code == 1, out + err
    assert f"[登记簿] 已核对登记簿 {register}" in out
    assert "[错误] 已获本专项资金支持但尚未完成验收：2022 年度「工业互联网平台建设项目」" in out
    assert "来源：支持名单_2022.xlsx · Sheet1 · 第 2 行" in out
    assert "申报填写为“否”，与登记簿不符" in out
    code, out, _ = run("check", PROGRAM, *_args(SMART), "--db", register, "--json")
    data = json.loads(out)
    assert data["verdict"] == "fail" and data["register"] == f"登记簿 {register}"
    assert [(f["code"], f["field"]) for f in data["findings"] if f["code"].startswith("HISTORY_")] == [("HISTORY_UNACCEPTED", A)]
    assert not [f for f in data["findings"] if f["code"] == "BELOW_THRESHOLD" and f["field"] == A]


def test_check_register_from_the_environment(register):
    code, out, _ = run("check", PROGRAM, *_args(SMART), "--json", env={"SUBSIDYKIT_DB": register})
    assert code == 1 and json.loads(out)["register"] == f"登记簿 {register}"


def test_check_without_a_register_is_todays_review():
    values = {k: v for k, v in SMART.items() if k not in (A, B)}
    code, out, _ = run("check", PROGRAM, *_args(values), "申报项目数量=1")
    assert code == 3  # 待核实: never 通过 without the register
    assert f"[登记簿] {NO_REGISTER}" in out
    assert f"缺少{A}，无法核对" in out and f"缺少{B}，无法核对" in out
    code, out, _ = run("check", PROGRAM, *_args(values), "申报项目数量=1", "--json")
    data = json.loads(out)
    assert data["register"] is None and data["register_note"] == NO_REGISTER
    assert not [f for f in data["findings"] if f["code"].startswith("HISTORY_")]
    # the same as the engine without history (the review is what it was)
    from subsidykit.rules.lookup import find_program
    from subsidykit.rules.review import review_project

    rv = review_project(find_program(PROGRAM), {**values, "申报项目数量": 1}, strict=True)
    assert data["findings"] == [f.to_json() for f in rv.findings] and data["verdict"] == rv.verdict == "incomplete"


def test_check_register_covering_2022_with_nothing_found_can_pass(clear_register):
    values = {k: v for k, v in SMART.items() if k not in (A, B)}
    code, out, _ = run("check", PROGRAM, *_args(values), "申报项目数量=1", "--db", clear_register)
    assert code == 0, out
    assert f"[提示] 登记簿 2022 年度支持名单中未见已支持未验收的项目，按“否”核对" in out
    assert f"[提示] 登记簿 2022 年度支持名单中未见同一项目，按“否”核对" in out


def test_check_another_enterprise_with_the_same_project_name_is_not_matched(register):
    # OTHER_USCC's 2022 project has SMART's very name: never this applicant's
    values = {**SMART, "统一社会信用代码": "91320500MA1Q7K1X3D"}
    code, out, _ = run("check", PROGRAM, *_args(values), "--db", register, "--json")
    data = json.loads(out)
    assert not [f for f in data["findings"] if f["code"] == "HISTORY_FUNDED"]


def test_check_missing_register_file_is_a_bad_input(tmp_path):
    code, out, err = run("check", PROGRAM, *_args(SMART), "--db", f"sqlite:///{tmp_path}/none.db")
    assert code == 2 and "错误：" in err


def test_password_never_printed():
    code, out, err = run("check", PROGRAM, *_args(SMART), "--db", "postgresql+psycopg://clerk:s3cr3t@127.0.0.1:1/register")
    assert code == 2
    assert "s3cr3t" not in out + err


# --- validate -------------------------------------------------------------------------------------


def _validate(*extra: str, env: dict | None = None) -> dict:
    code, out, err = run("validate", "examples/submissions", "--json", "--no-progress", *extra, env=env)
    assert code in (0, 1), err
    return json.loads(out)


def _history_of(data: dict) -> dict[str, list[str]]:
    return {Path(f["file"]).name: [x["code"] for x in f["findings"] if x["code"].startswith("HISTORY_")] for f in data["files"]}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_validate_with_a_register_in_serial_and_in_worker_processes(register, workers):
    data = _validate("--db", register, "--workers", workers)
    assert data["register"] == f"登记簿 {register}"
    got = _history_of(data)
    assert got["01_示例无锡华宇精密.xlsx"] == ["HISTORY_UNACCEPTED"]
    assert sum(bool(v) for v in got.values()) == 1  # nobody else is in the register
    (f,) = [f for f in data["files"] if f["file"].endswith("01_示例无锡华宇精密.xlsx")]
    assert f["valid"] is False and f["verdict"] == "fail"
    (h,) = [x for x in f["findings"] if x["code"] == "HISTORY_UNACCEPTED"]
    assert "2022 年度「数字化车间改造项目」" in h["message"] and "支持名单_2022.xlsx · Sheet1 · 第 3 行" in h["message"]
    assert h["cell"] is not None  # on the form's own cell for the condition


def test_validate_without_a_register_is_todays_output():
    off = _validate()
    assert off["register"] is None and off["register_note"] == NO_REGISTER
    assert not any(_history_of(off).values())
    code, out, _ = run("validate", "examples/submissions", "--no-progress")
    assert out.splitlines()[0] == f"登记簿：{NO_REGISTER}"


def test_validate_timing_with_and_without_register(register, capsys):
    """Not a limit: the figures for the status note (examples/submissions, 37 files)."""
    t0 = time.perf_counter()
    _validate("--workers", "1")
    t1 = time.perf_counter()
    _validate("--workers", "1", "--db", register)
    t2 = time.perf_counter()
    with capsys.disabled():
        print(f"\nvalidate examples/submissions --workers 1: {t1 - t0:.2f}s without, {t2 - t1:.2f}s with --db")


# --- summary --------------------------------------------------------------------------------------


def test_summary_with_a_register_marks_the_row_and_names_the_register(register, tmp_path):
    out_file = tmp_path / "附件2.xlsx"
    code, out, err = run("summary", "examples/台账_2023.xlsx", "--year", "2023", "--out", out_file, "--json", "--db", register)
    assert code == 0, err
    data = json.loads(out)
    assert data["register"] == f"登记簿 {register}"
    (row5,) = [p for p in data["projects"] if p["row"] == 5]
    codes = [(f["code"], f["field"]) for f in row5["findings"] if f["code"].startswith("HISTORY_")]
    # the ledger has neither column: 验收 from the register (错误), 同一项目 checked against 2022 (提示)
    assert codes == [("HISTORY_UNACCEPTED", A), ("HISTORY_CLEAR", B)] and row5["verdict"] == "fail"
    others = {f["code"] for p in data["projects"] if p["row"] != 5 for f in p["findings"] if f["code"].startswith("HISTORY_")}
    assert others == {"HISTORY_CLEAR"}
    code, out, _ = run("summary", "examples/台账_2023.xlsx", "--year", "2023", "--out", tmp_path / "b.xlsx", "--db", register)
    assert f"登记簿：已核对登记簿 {register}" in out


def test_summary_without_a_register_says_so(tmp_path):
    code, out, _ = run("summary", "examples/台账_2023.xlsx", "--year", "2023", "--out", tmp_path / "c.xlsx")
    assert code == 0 and f"登记簿：{NO_REGISTER}" in out
    code, out, _ = run("summary", "examples/台账_2023.xlsx", "--year", "2023", "--out", tmp_path / "d.xlsx", "--json")
    data = json.loads(out)
    assert data["register"] is None and not [f for p in data["projects"] for f in p["findings"] if f["code"].startswith("HISTORY_")]


# --- match ----------------------------------------------------------------------------------------


def test_match_with_a_register_puts_history_in_every_review(register):
    values = [f"统一社会信用代码={USCC}", "申报年度=2023", *_args({k: v for k, v in SMART.items() if k not in ("申报年度", "统一社会信用代码")})]
    code, out, _ = run("match", *values, "--status", "符合,待补充,不符合", "--json", "--db", register)
    data = json.loads(out)
    assert data["register"] == f"登记簿 {register}"
    smart = [p for p in data["programs"] if p["label"] == PROGRAM]
    assert smart and smart[0]["status"] == "ineligible"
    code, out, _ = run("match", *values, "--status", "符合,待补充,不符合", "--json")
    data = json.loads(out)
    assert data["register"] is None
    assert [p for p in data["programs"] if p["label"] == PROGRAM][0]["status"] == "eligible"
