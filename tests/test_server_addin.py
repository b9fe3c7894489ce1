"""The Office.js add-in from the bureau server: manifest, functions, ribbon scripts, uploads, security.

Everything runs against the real xlwings Server (project addin/server) on 127.0.0.1, started
with its own token file, small upload limits and its own TMPDIR; the expected figures come
from the engine run directly on the same files (the CLI's reading), never from the server.
"""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import jsonbook
import openpyxl
import pytest
from xlserver import PROJECT, ROOT, get_json, post_json, running_server

import udfs
from subsidykit.validation.pool import validate_paths
from subsidykit.workbooks.summary_layout import ledger_template

SUBMISSIONS = ROOT / "examples" / "submissions"
LEDGER = ROOT / "examples" / "台账_2023.xlsx"
RIBBON_LABELS = {"生成汇总表", "批量校验", "政策匹配", "插入台账模板", "项目目录", "设置", "帮助"}
NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "v": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
# a company name and a credit code that must never reach the server's log
SECRET_COMPANY = "示例保密测试科技有限公司"


@pytest.fixture(scope="module")
def server():
    env = {"SUBSIDYKIT_MAX_UPLOAD_MB": "1", "SUBSIDYKIT_MAX_FILES": "40", "SUBSIDYKIT_MAX_FILE_MB": "0.5"}
    with running_server(env) as base:
        yield base


def _auth(base) -> dict[str, str]:
    return {"Authorization": f"Bearer {base.token}"}


def _upload(base, path: str, files: list[tuple[str, bytes]], data: dict | None = None, headers: dict | None = None, field="files"):
    multipart = [(field, (name, content, "application/octet-stream")) for name, content in files]
    return httpx.post(f"{base}{path}", files=multipart, data=data or {}, headers=_auth(base) if headers is None else headers, timeout=120)


def _leftovers(base) -> list[Path]:
    return [p for p in base.tmpdir.rglob("*")]


def _manifest(base) -> ET.Element:
    with urllib.request.urlopen(f"{base}/manifest", timeout=30) as resp:
        return ET.fromstring(resp.read())


# --- manifest ---------------------------------------------------------------------------------
def test_manifest_is_xml_naming_every_ribbon_command(server):
    root = _manifest(server)
    strings = {s.get("id"): s.get("DefaultValue") for s in root.iterfind(".//bt:ShortStrings/bt:String", NS)}
    long_strings = {s.get("id") for s in root.iterfind(".//bt:LongStrings/bt:String", NS)}
    urls = {u.get("id"): u.get("DefaultValue") for u in root.iterfind(".//bt:Urls/bt:Url", NS)}
    images = {i.get("id") for i in root.iterfind(".//bt:Images/bt:Image", NS)}
    tab = root.find(".//v:CustomTab", NS)
    assert strings[tab.find("v:Label", NS).get("resid")] == "专项资金"
    labels, functions, views = set(), set(), set()
    for control in tab.iterfind(".//v:Control", NS):
        assert control.get(XSI_TYPE) == "Button"
        label = strings[control.find("v:Label", NS).get("resid")]
        labels.add(label)
        assert control.find("v:Supertip/v:Description", NS).get("resid") in long_strings
        for image in control.iterfind("v:Icon/bt:Image", NS):
            assert image.get("resid") in images
        action = control.find("v:Action", NS)
        if action.get(XSI_TYPE) == "ExecuteFunction":
            functions.add(action.find("v:FunctionName", NS).text)
        else:
            assert action.get(XSI_TYPE) == "ShowTaskpane"
            url = urls[action.find("v:SourceLocation", NS).get("resid")]
            views.add(re.search(r"view=(\w+)", url).group(1))
    assert labels == RIBBON_LABELS
    assert views == {"validate", "settings"}
    # every ExecuteFunction is bound in ribbon.js to a script the server publishes
    ribbon_js = (PROJECT / "static" / "js" / "ribbon.js").read_text(encoding="utf-8")
    bound = dict(re.findall(r'"([\w-]+)": \(e\) =>\s*subsidykitRun\(e, "(\w+)"', ribbon_js))
    assert set(bound) == functions
    scripts = {s["function_name"] for s in get_json(f"{server}/xlwings/custom-scripts-meta")}
    assert set(bound.values()) <= scripts
    # the views the ShowTaskpane buttons open exist in the task pane
    with urllib.request.urlopen(f"{server}/taskpane.html", timeout=30) as resp:
        page = resp.read().decode()
    for view in views:
        assert f'id="view-{view}"' in page
    # the icons are served and are PNGs
    for image in root.iterfind(".//bt:Images/bt:Image", NS):
        with urllib.request.urlopen(image.get("DefaultValue"), timeout=30) as resp:
            assert resp.read(8) == b"\x89PNG\r\n\x1a\n"
    assert root.find(".//v:Namespace", NS) is not None
    assert strings["Functions.Namespace"] == "ZXZJ"


def test_desktop_and_server_ribbons_have_the_same_buttons(server):
    custom_ui = ET.parse(ROOT / "addin" / "desktop" / "customUI14.xml").getroot()
    desktop = {b.get("label") for b in custom_ui.iter() if b.tag.endswith("}button")}
    root = _manifest(server)
    strings = {s.get("id"): s.get("DefaultValue") for s in root.iterfind(".//bt:ShortStrings/bt:String", NS)}
    server_labels = {strings[c.find("v:Label", NS).get("resid")] for c in root.iterfind(".//v:Control", NS)}
    assert desktop == server_labels == RIBBON_LABELS


def test_functions_meta_lists_every_udf(server):
    meta = get_json(f"{server}/xlwings/custom-functions-meta")
    assert {f["name"] for f in meta["functions"]} == set(udfs.__all__)


# --- the ribbon's scripts on a JSON book --------------------------------------------------------
def _script(base, name: str, payload: dict) -> list[dict]:
    status, body = post_json(f"{base}/xlwings/custom-scripts-call/{name}", payload)
    assert status == 200, body
    return body["actions"]


def _added(actions: list[dict]) -> list[str]:
    """Names of the sheets added (addSheet's args are [position, name])."""
    return [a["args"][1] for a in actions if a["func"] == "addSheet"]


def test_insert_ledger_template_adds_the_columns_the_summary_reads(server):
    book = jsonbook.book("台账.xlsx", [jsonbook.sheet("Sheet1", [["x"]])], args=[2023])
    actions = _script(server, "insert_ledger_template", book)
    assert _added(actions) == ["台账2023"]
    values = [a["values"] for a in actions if a["func"] == "setValues"]
    assert values == [[["序号", "单位名称", "统一社会信用代码", "单位主要经营地址", "所属行业", "主营业务收入（万元）", "实缴税金（万元）",
                        "利润总额（万元）", "申报项目类别", "申报项目名称", "申报项目总投入（万元）", "其中：固定资产投资（万元）",
                        "项目开始时间", "项目结束时间", "项目申请补助资金（万元）", "是否为省先进制造业集群中的项目"]]]
    assert values[0][0] == ledger_template(2023).headers
    (choices,) = [a["args"] for a in actions if a["func"] == "setDataValidationList"]
    assert choices[0] == {"type": "literal", "values": list(ledger_template(2023).categories)}
    alert = next(a for a in actions if a["func"] == "alert")
    assert "智能化改造数字化转型" in alert["args"][0]  # 2023's first category is offered


def test_program_catalog_inserts_the_namespaced_function(server):
    book = jsonbook.book("台账.xlsx", [jsonbook.sheet("Sheet1", [["x"]])], args=[2023])
    actions = _script(server, "insert_program_catalog", book)
    assert _added(actions) == ["项目目录2023"]
    formulas = [a["values"] for a in actions if a["func"] == "setFormula"]
    assert formulas == [[["=ZXZJ.PROGRAMS(2023)"]]]


def test_help_writes_the_usage_sheet(server):
    book = jsonbook.book("台账.xlsx", [jsonbook.sheet("Sheet1", [["x"]])])
    actions = _script(server, "show_help", book)
    assert _added(actions) == ["使用说明"]
    rows = next(a["values"] for a in actions if a["func"] == "setValues")
    assert {r[1] for r in rows if r[0] == "功能区按钮"} == RIBBON_LABELS
    assert {r[1] for r in rows if r[0] == "工作表函数"} == set(udfs.__all__)
    assert not any(isinstance(v, str) and v.startswith("=") for r in rows for v in r)


def test_generate_summary_and_validate_run_from_the_ribbon(server):
    actions = _script(server, "generate_summary", jsonbook.from_xlsx(LEDGER, args=[2023, "示例市"]))
    assert "2-1 智能化改造数字化转型" in _added(actions)
    form = SUBMISSIONS / "01_示例无锡华宇精密.xlsx"
    actions = _script(server, "validate_submissions", jsonbook.from_xlsx(form, args=[2023]))
    assert _added(actions) == ["校验结果"]


# --- security -----------------------------------------------------------------------------------
WRITES = [
    ("/xlwings/custom-functions-call", {"func_name": "SUBSIDY_CAP", "args": [[["2023/智能制造示范工厂项目"]], [[5000]]], "caller_address": "Sheet1!A1",
                                        "culture_info_name": "zh-CN", "date_format": "yyyy/m/d", "version": "0.37.8", "runtime": "1.4", "client": "Office.js"}),
    ("/xlwings/custom-scripts-call/generate_summary", None),
    ("/xlwings/custom-scripts-call/insert_ledger_template", None),
    ("/subsidykit/whoami", {}),
]


@pytest.mark.parametrize(("path", "payload"), WRITES, ids=[w[0] for w in WRITES])
@pytest.mark.parametrize("header", [None, "Bearer wrong-token", "", f"Bearer {'x' * 32}"])
def test_requests_without_a_valid_token_are_refused(server, path, payload, header):
    if payload is None:
        payload = jsonbook.from_xlsx(LEDGER, args=[2023, "示例市"])
    status, body = post_json(f"{server}{path}", payload, headers={} if header is None else {"Authorization": header}, auth=False)
    assert status == 401
    assert "访问令牌" in (body["detail"] if isinstance(body, dict) else body)


def test_uploads_without_a_token_are_refused_before_anything_is_stored(server):
    content = (SUBMISSIONS / "01_示例无锡华宇精密.xlsx").read_bytes()
    for path, field in (("/subsidykit/validate", "files"), ("/subsidykit/summary", "ledger")):
        resp = _upload(server, path, [("a.xlsx", content)], headers={}, field=field)
        assert resp.status_code == 401
        assert "访问令牌" in resp.json()["detail"]
    assert _leftovers(server) == []


def test_a_valid_token_works_and_revoking_it_needs_no_restart(tmp_path):
    with running_server() as base:
        assert post_json(f"{base}/subsidykit/whoami", {})[1] == {"name": "测试科员"}
        done = subprocess.run(
            [sys.executable, "-m", "subsidykit.cli", "serve", "--token-file", str(base.token_file), "--revoke-token", "测试科员"],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False,
        )
        assert done.returncode == 0, done.stderr
        time.sleep(0.05)
        status, _ = post_json(f"{base}/subsidykit/whoami", {})
        assert status == 401


def test_the_token_file_stores_only_hashes(server):
    text = server.token_file.read_text(encoding="utf-8")
    assert server.token not in text
    assert "sha256:" in text


def test_oversize_upload_is_refused_with_a_message(server):
    big = b"PK" + b"\0" * (1_100_000)
    resp = _upload(server, "/subsidykit/validate", [("大.xlsx", big)])
    assert resp.status_code == 413
    assert "上传内容过大" in resp.json()["detail"] and "1 MB" in resp.json()["detail"]
    # one file over the per-file limit (0.5 MB) within the total limit
    resp = _upload(server, "/subsidykit/validate", [("中.xlsx", b"PK" + b"\0" * 600_000)])
    assert resp.status_code == 413
    assert "单个文件上限" in resp.json()["detail"]
    # too many files (limit 40)
    small = (SUBMISSIONS / "01_示例无锡华宇精密.xlsx").read_bytes()
    resp = _upload(server, "/subsidykit/validate", [(f"{i}.xlsx", small[:100]) for i in range(41)])
    assert resp.status_code == 413
    assert "文件过多" in resp.json()["detail"]
    assert _leftovers(server) == []


def test_upload_without_workbooks_is_explained(server):
    resp = _upload(server, "/subsidykit/validate", [("说明.txt", "不是工作簿".encode())])
    assert resp.status_code == 400
    assert "没有收到 Excel 工作簿" in resp.json()["detail"]


# --- uploads end to end ---------------------------------------------------------------------------
def test_folder_upload_gives_the_same_findings_as_the_engine_and_a_report(server):
    paths = sorted(SUBMISSIONS.glob("*.xls*"))
    files = [(f"申报材料/{p.name}", p.read_bytes()) for p in paths]
    resp = _upload(server, "/subsidykit/validate", files, data={"year": "2023"})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    expected = validate_paths(paths, year="2023", workers=1)
    by_name = {Path(r.file).name: r for r in expected.files}
    assert body["files"] == len(paths) == len(expected.files)
    assert body["with_errors"] == expected.stats()["invalid"]  # batch errors included, as in the report
    assert body["findings"] == sum(len(r.findings) for r in expected.files)
    for row in body["by_file"]:
        assert row["file"].startswith("申报材料/")  # the folder the clerk chose, no server path
        assert row["errors"] == sum(f.severity == "错误" for f in by_name[row["file"].split("/", 1)[1]].findings)
    assert {b["code"] for b in body["batch"]} == {b.code for b in expected.batch}
    report = openpyxl.load_workbook(io.BytesIO(base64.b64decode(body["report"]["content_base64"])))
    assert report.sheetnames[:2] == ["汇总", "文件"]
    shown = [c.value for c in report["文件"]["A"][1:]]
    assert all(v.startswith("申报材料/") for v in shown) and len(shown) == len(paths)
    links = [c.hyperlink.target for c in report["文件"]["A"][1:]]
    assert all(link.startswith("申报材料/") for link in links)
    assert "/tmp" not in json.dumps(body, ensure_ascii=False) and str(server.tmpdir) not in json.dumps(body)
    assert _leftovers(server) == []


def test_ledger_upload_gives_the_print_ready_summary(server):
    resp = _upload(server, "/subsidykit/summary", [("台账_2023.xlsx", LEDGER.read_bytes())], data={"year": "2023", "region": "示例市"}, field="ledger")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["year"] == 2023 and body["file"]["name"] == "附件2汇总表_2023.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(body["file"]["content_base64"])))
    assert "2-1 智能化改造数字化转型" in wb.sheetnames
    ws = wb["2-1 智能化改造数字化转型"]
    assert ws.print_options.horizontalCentered is not None and ws.page_setup.orientation == "landscape"
    assert body["tables"]["2-1 智能化改造数字化转型"] == sum(
        1 for row in ws.iter_rows(min_row=7, values_only=True) if isinstance(row[0], int)
    )
    assert _leftovers(server) == []


def test_the_log_names_no_company(server):
    form = (SUBMISSIONS / "01_示例无锡华宇精密.xlsx").read_bytes()
    _upload(server, "/subsidykit/validate", [(f"{SECRET_COMPANY}.xlsx", form)])
    # a function error whose reason quotes the argument
    post_json(f"{server}/xlwings/custom-functions-call", {**WRITES[0][1], "args": [[[f"2023/{SECRET_COMPANY}"]], [[5000]]]})
    time.sleep(0.3)
    log = server.log()
    assert "批量校验" in log and "custom-functions-call" in log  # the calls were logged ...
    assert SECRET_COMPANY not in log  # ... without the name
    assert "无锡华宇" not in log


# --- `subsidykit serve` as a real process -----------------------------------------------------------
def test_subsidykit_serve_starts_the_server_and_creates_the_first_token(tmp_path):
    from xlserver import _free_port

    port = _free_port()
    token_file = tmp_path / "tokens"
    env = {"SUBSIDYKIT_TOKEN_FILE": str(token_file), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "subsidykit.cli", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/manifest", timeout=2) as resp:
                    assert resp.status == 200
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    token = re.search(r"已生成访问令牌（只显示这一次）：(\S+)", err).group(1)
    from subsidykit.server.access import TokenStore

    assert TokenStore(token_file).verify(f"Bearer {token}") == "管理员"
    assert f"{base}/manifest" in err


def test_serve_options_are_checked(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "subsidykit.cli", "serve", *a], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False)
    done = run("--project", str(tmp_path), "--dry-run", "--token-file", str(tmp_path / "t"))
    assert done.returncode == 2 and "不是 xlwings Server 项目" in done.stderr
    done = run("--max-files", "0", "--dry-run", "--token-file", str(tmp_path / "t"))
    assert done.returncode == 2 and "须为正数" in done.stderr
    done = run("--max-files", "7", "--dry-run", "--token-file", str(tmp_path / "t"))
    assert done.returncode == 0 and "SUBSIDYKIT_MAX_FILES=7" in done.stdout
    assert not (tmp_path / "t").exists()  # a dry run creates no token
    done = run("--new-token", "张三", "--token-file", str(tmp_path / "t"))
    assert done.returncode == 0 and "张三" in done.stdout
    again = run("--new-token", "张三", "--token-file", str(tmp_path / "t"))
    assert again.returncode == 2 and "已有名为「张三」的令牌" in again.stderr
