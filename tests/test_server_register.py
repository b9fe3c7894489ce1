"""The bureau server (one per city) reviews with its own project register (SUBSIDYKIT_DB): the
real xlwings Server over HTTP, uploads validated and summarised with the history checks
(issue 18), and the register's address never sent to the clerk's browser."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import openpyxl
import pytest
from xlserver import running_server

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "examples" / "登记簿"
SUBMISSION = ROOT / "examples" / "submissions" / "01_示例无锡华宇精密.xlsx"
LEDGER = ROOT / "examples" / "台账_2023.xlsx"


def _import(url: str, *files: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "subsidykit.cli", "register", "import", *map(str, files), "--db", url],
                       capture_output=True, text=True, cwd=ROOT, env={**os.environ, "SUBSIDYKIT_DB": "off"}, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    d = tmp_path_factory.mktemp("server-register")
    url = f"sqlite:///{d / 'register.db'}"
    _import(url, LISTS / "2022_支持项目名单.xlsx")
    _import(url, LISTS / "2022_验收结果.xlsx")
    with running_server({"SUBSIDYKIT_DB": url}) as base:
        base.register_dir = d
        yield base


def _upload(base, path: str, files, data=None, field="files"):
    multipart = [(field, (name, content, "application/octet-stream")) for name, content in files]
    return httpx.post(f"{base}{path}", files=multipart, data=data or {}, headers={"Authorization": f"Bearer {base.token}"}, timeout=120)


def test_validate_flags_the_prior_support_not_accepted(server):
    resp = _upload(server, "/subsidykit/validate", [("申报材料/" + SUBMISSION.name, SUBMISSION.read_bytes())], data={"year": "2023"})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["register"] == "已核对本服务器的项目登记簿" and body["register_note"] is None
    assert str(server.register_dir) not in json.dumps(body, ensure_ascii=False) and "sqlite" not in json.dumps(body)
    report = openpyxl.load_workbook(io.BytesIO(base64.b64decode(body["report"]["content_base64"])))
    text = "\n".join(str(c) for ws in report.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    # examples/登记簿: 华宇 supported in 2022 (400 万元), 验收 不通过 (examples/make_register_lists.py)
    assert "已获本专项资金支持但尚未完成验收" in text
    assert "华宇精密铸件绿色化改造项目" in text and "2022_支持项目名单.xlsx" in text


def test_summary_flags_prior_support_and_the_same_project(server):
    resp = _upload(server, "/subsidykit/summary", [("台账_2023.xlsx", LEDGER.read_bytes())], data={"year": "2023", "region": "示例市"}, field="ledger")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["register"] == "已核对本服务器的项目登记簿"
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(body["file"]["content_base64"])))
    audit = "\n".join(str(c) for row in wb["审核"].iter_rows(values_only=True) for c in row if c)
    assert "北辰数字化车间改造项目" in audit  # 北辰: supported 2022, not accepted
    assert "同一项目已获支持" in audit and "明月生产线高端化改造项目" in audit  # 明月: the same project, 2022


def test_without_a_register_the_server_says_so():
    with running_server({"SUBSIDYKIT_DB": "off"}) as base:
        resp = _upload(base, "/subsidykit/validate", [("a/" + SUBMISSION.name, SUBMISSION.read_bytes())], data={"year": "2023"})
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["register"] is None and body["register_note"].startswith("未配置登记簿")


def test_a_city_server_on_postgresql(postgres_server):
    """One bureau server per city, its register on PostgreSQL (tests/pg.py's throwaway cluster):
    the same upload gets the same finding, and neither the address nor the password reaches the
    task pane or the server's log."""
    url = postgres_server.url(postgres_server.create_db(), password="s3cret-city")
    _import(url, LISTS / "2022_支持项目名单.xlsx")
    _import(url, LISTS / "2022_验收结果.xlsx")
    with running_server({"SUBSIDYKIT_DB": url}) as base:
        resp = _upload(base, "/subsidykit/validate", [("申报材料/" + SUBMISSION.name, SUBMISSION.read_bytes())], data={"year": "2023"})
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["register"] == "已核对本服务器的项目登记簿"
        text = json.dumps(body, ensure_ascii=False)
        assert "postgresql" not in text and "s3cret-city" not in text
        report = openpyxl.load_workbook(io.BytesIO(base64.b64decode(body["report"]["content_base64"])))
        cells = "\n".join(str(c) for ws in report.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
        assert "已获本专项资金支持但尚未完成验收" in cells and "华宇精密铸件绿色化改造项目" in cells
        log = base.log_path.read_text(errors="replace")
        assert "s3cret-city" not in log
