"""The same county clerk's day on SQLite and on PostgreSQL (issue 18): last year's lists imported
with `subsidykit register import`, then `check`, `validate` and `summary` with `--db` flag the
prior support and the same project with their sources — identical answers on both databases
(real processes; tests/pg.py starts a throwaway PostgreSQL cluster)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "examples" / "登记簿"
LEDGER = ROOT / "examples" / "台账_2023.xlsx"
SUBMISSION = ROOT / "examples" / "submissions" / "01_示例无锡华宇精密.xlsx"
BEICHEN = ("统一社会信用代码=91320102PHQ46PN614", "单位名称=示例北辰电子科技有限公司", "申报年度=2023")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "subsidykit.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "SUBSIDYKIT_DB": "off"}, timeout=300)


def test_lists_then_check_validate_and_summary(register_url, tmp_path):
    for f in ("2022_支持项目名单.xlsx", "2022_验收结果.xlsx"):
        r = run("register", "import", LISTS / f, "--db", register_url)
        assert r.returncode == 0, r.stdout + r.stderr
    again = run("register", "import", LISTS / "2022_支持项目名单.xlsx", "--db", register_url, "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["files"][0]["already_imported"] is True

    # check: 北辰, supported 2022 (300 万元) without an acceptance record (000:91-97)
    r = run("check", "2023/智能制造示范工厂项目", *BEICHEN, "项目总投入=3500", "--only-given", "--db", register_url, "--json")
    assert r.returncode == 1, r.stdout + r.stderr
    data = json.loads(r.stdout)
    assert data["verdict"] == "fail"
    unaccepted = [f for f in data["findings"] if f["code"] == "HISTORY_UNACCEPTED"]
    assert len(unaccepted) == 1 and "北辰数字化车间改造项目" in unaccepted[0]["message"]
    assert "2022_支持项目名单.xlsx · 支持项目 · 第 3 行" in unaccepted[0]["message"]

    # validate: 华宇, 验收 不通过
    r = run("validate", SUBMISSION, "--db", register_url, "--json", "--no-progress")
    found = [f for file in json.loads(r.stdout)["files"] for f in file["findings"] if f["code"] == "HISTORY_UNACCEPTED"]
    assert len(found) == 1 and "验收未通过" in found[0]["message"]

    # summary: 审核 shows 明月's same project (accepted, but funded: 000:99-101)
    out = tmp_path / "附件2.xlsx"
    r = run("summary", LEDGER, "--year", "2023", "--region", "示例市", "--out", out, "--db", register_url)
    assert r.returncode == 0, r.stdout + r.stderr
    audit = "\n".join(str(c) for row in openpyxl.load_workbook(out)["审核"].iter_rows(values_only=True) for c in row if c)
    assert "同一项目已获支持（相似度 1.00）：2022 年度「明月生产线高端化改造项目」" in audit
    assert "s3cret" not in r.stdout + r.stderr
