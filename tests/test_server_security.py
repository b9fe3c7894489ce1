"""The bureau server's hardening, reproduced against the real server over HTTP on 127.0.0.1.

Each finding of the security review is sent exactly as reported (raw request lines, so nothing
normalises the path), then the new behaviour is asserted:

1. path traversal through ``/static`` (``..%2f`` and friends) never reads a file outside it;
6. the token is checked before any body is read; bodies are capped; failed tokens are rate
   limited; half-open connections are closed after the header timeout; errors are JSON
   without tracebacks;
4/7/8. an upload is read by a child process: a workbook that blows up the reader (the
   XFD1048576 file, a crash, an out-of-memory, a hang) ends the child only, the upload folder
   is removed, odd or clashing names never give 500;
10. no file name, query string or token reaches the log.

The servers are started by `xlserver.running_server`, i.e. ``subsidykit serve``.
"""

from __future__ import annotations

import io
import json
import logging
import logging.config
import os
import socket
import time
import zipfile
from pathlib import Path

import httpx
import pytest
from xlserver import ROOT, running_server, stop

SUBMISSIONS = ROOT / "examples" / "submissions"
LEDGER = ROOT / "examples" / "台账_2023.xlsx"
MARKER = "标记Zq7Xk9文件名"  # must never reach a log line
MARKER_TOKEN = "Zq7Xk9-not-a-real-token-Wv3"
SERVER_ENV = {
    "SUBSIDYKIT_MAX_UPLOAD_MB": "2",
    "SUBSIDYKIT_MAX_FILE_MB": "1",
    "SUBSIDYKIT_MAX_REQUEST_MB": "1",
    "SUBSIDYKIT_HEADER_TIMEOUT": "2",
    "SUBSIDYKIT_AUTH_FAILURES_PER_MINUTE": "5",
    "SUBSIDYKIT_WORKER_MEMORY_MB": "600",
    "SUBSIDYKIT_WORKER_TIMEOUT": "20",
    "SUBSIDYKIT_TEST_WORKER_FAULTS": "1",
    "SUBSIDYKIT_BODY_TIMEOUT": "2",
}
_ips = iter(f"198.51.100.{i}" for i in range(1, 250))


@pytest.fixture(scope="module")
def server():
    with running_server(SERVER_ENV) as base:
        yield base


def client_ip() -> str:
    """A client address of its own (the server trusts X-Forwarded-For from 127.0.0.1), so one
    test's failed tokens do not count against another's."""
    return next(_ips)


# --- helpers ------------------------------------------------------------------------------------
def raw_request(base, request: bytes, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """Send `request` byte for byte (like curl --path-as-is); (status, headers, body).

    A ``Connection: close`` header is added, so the server closes after its answer."""
    if b"\r\nconnection:" not in request.lower():
        request = request.replace(b"\r\n", b"\r\nConnection: close\r\n", 1)
    with socket.create_connection(("127.0.0.1", base.port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def read_response(s: socket.socket) -> bytes:
    """One response from `s` (head and a Content-Length body), without waiting for the close."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(ln.split(b":", 1)[1]) for ln in head.split(b"\r\n")[1:] if ln.lower().startswith(b"content-length:")), 0)
    while len(body) < length and (chunk := s.recv(65536)):
        body += chunk
    return head + b"\r\n\r\n" + body


def raw_get(base, path: str) -> tuple[int, dict[str, str], bytes]:
    return raw_request(base, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("latin-1"))


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def alive(base) -> bool:
    with httpx.Client(timeout=10) as c:
        return c.get(f"{base}/subsidykit/limits").status_code == 200


def leftovers(base) -> list[Path]:
    return list(base.tmpdir.rglob("*"))


def upload(base, path: str, files: list[tuple[str, bytes]], field: str = "files", data: dict | None = None, token: str | None = None, ip: str | None = None):
    multipart = [(field, (name, content, "application/octet-stream")) for name, content in files]
    headers = {"Authorization": f"Bearer {base.token if token is None else token}", "X-Forwarded-For": ip or client_ip()}
    return httpx.post(f"{base}{path}", files=multipart, data=data or {}, headers=headers, timeout=120)


def xlsx(sheet_xml: str | None, workbook_sheets: str = '<sheet name="Sheet1" sheetId="1" r:id="rId1"/>') -> bytes:
    """A minimal workbook; `sheet_xml` None leaves the sheet part out."""
    ct = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{workbook_sheets}</sheets></workbook>"
        if workbook_sheets
        else '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'
    )
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        if sheet_xml is not None:
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buf.getvalue()


SHEET_NS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
# one cell at the last address and no <dimension>: a reader that allocates the used rectangle asks for 512 GB
XFD_SHEET = SHEET_NS + '<sheetData><row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData></worksheet>'


def xfd_workbook() -> bytes:
    return xlsx(XFD_SHEET)


# === 1. static files ===============================================================================
TRAVERSALS = [
    "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fhostname",
    "/static/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fhostname",
    "/static/..%2f.env",
    "/static/..%2frouters%2fcustom.py",
    "/static/..%2fauth%2fcustom%2f__init__.py",
    "/static/..%5c.env",
    "/static/..\\.env",
    "/static/..%252f.env",
    "/static/%2e%2e/.env",
    "/static/%2e%2e%2f.env",
    "/static/.%2e/.env",
    "/static/%c0%ae%c0%ae%c0%af.env",
    "/static/..%00/.env",
    "/static/js/..%2f..%2f.env",
    "/static/.env",
    "/static/../.env",
    "/static/js/%2e%2e/%2e%2e/.env",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_static_paths_outside_the_static_folder_are_refused(server, path):
    status, headers, body = raw_get(server, path)
    assert status in (400, 404), (status, body[:200])
    text = body.decode("utf-8", "replace")
    assert "detail" in json.loads(text)  # the guard's JSON, not a file
    for leaked in ("XLWINGS_", "APIRouter", "sha256:", "validate_token", Path("/etc/hostname").read_text().strip() or "\0"):
        assert leaked not in text


def test_the_token_file_cannot_be_read_through_static(server):
    hops = "..%2f" * 12
    status, _, body = raw_get(server, "/static/" + hops + str(server.token_file).lstrip("/").replace("/", "%2f"))
    assert status in (400, 404)
    assert b"sha256:" not in body


def test_static_files_are_still_served(server):
    status, headers, body = raw_get(server, "/static/js/auth.js")
    assert status == 200 and b"token" in body.lower()
    status, _, body = raw_get(server, "/static/css/subsidykit.css")
    assert status == 200


def test_the_static_handler_itself_never_leaves_its_folder(tmp_path):
    """Second line: the handler mounted at /static refuses escapes even without the guard."""
    import asyncio

    from subsidykit.server.guard import SafeStaticFiles

    root = tmp_path / "static"
    (root / "js").mkdir(parents=True)
    (root / "js" / "a.js").write_text("ok")
    (root / ".hidden").write_text("secret")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    handler = SafeStaticFiles(root)

    def get(path: str) -> int:
        sent = []
        messages = iter([{"type": "http.request", "body": b"", "more_body": False}])

        async def receive():
            return next(messages, {"type": "http.disconnect"})

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode("utf-8", "surrogateescape"),
                 "root_path": "", "headers": [], "query_string": b""}
        try:
            asyncio.run(handler(scope, receive, send))
        except Exception as exc:  # starlette raises HTTPException(404) outside an app
            return getattr(exc, "status_code", 500)
        return sent[0]["status"]

    assert get("/js/a.js") == 200
    for path in ("/../secret.txt", "/js/../../secret.txt", "/.hidden", "/link.txt", "/js/..\\..\\secret.txt", "/js/a.js\x00", "/%2e%2e/secret.txt"):
        assert get(path) == 404, path


# === 6. work before the token ======================================================================
def test_an_unauthenticated_100_mb_body_is_refused_before_it_is_read(server):
    """Reported: 1.47 GB RSS and 10-13 s before the 401. Now: 401 at once, the body unread."""
    before = rss_mb(server.pid)
    size = 100 << 20
    for path in ("/xlwings/custom-functions-call", "/xlwings/custom-scripts-call/generate_summary"):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
            started = time.perf_counter()
            s.sendall(
                f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"X-Forwarded-For: {client_ip()}\r\nContent-Length: {size}\r\n\r\n".encode()
                + b'{"args": [' + b"1," * 32768
            )
            reply = read_response(s)
            elapsed = time.perf_counter() - started
        assert reply.startswith(b"HTTP/1.1 401"), reply[:100]
        body = json.loads(reply.partition(b"\r\n\r\n")[2])
        assert "访问令牌" in body["detail"]
        assert elapsed < 2
    assert rss_mb(server.pid) - before < 30
    assert alive(server)


def test_an_unauthenticated_body_of_any_size_gets_401_first(server):
    for headers in ({"Content-Length": "999999999999"}, {"Content-Length": "abc"}, {"Transfer-Encoding": "chunked"}):
        lines = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        status, _, body = raw_request(
            server, f"POST /xlwings/custom-functions-call HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: {client_ip()}\r\n{lines}\r\n".encode()
        )
        assert status in (400, 401), status  # 400 only from the HTTP parser itself (no app involved)
        if status == 401:
            assert "访问令牌" in json.loads(body)["detail"]
    for method, path in (("PUT", "/xlwings/custom-functions-call"), ("DELETE", "/subsidykit/validate"), ("POST", "/no/such/route"),
                         ("POST", "/xlwings/custom-scripts-call/no_such_script"), ("PATCH", "/static/js/auth.js")):
        status, _, body = raw_request(server, f"{method} {path} HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: {client_ip()}\r\nContent-Length: 2\r\n\r\n{{}}".encode())
        assert status == 401, (method, path, status)


def test_malformed_json_gives_401_without_a_token_and_a_clean_400_with_one(server):
    bad = b'{"func_name": "SUBSIDY_CAP", "args": [[[' + b"\xff\xfe" + b"]]]"
    for path in ("/xlwings/custom-functions-call", "/xlwings/custom-scripts-call/generate_summary"):
        r = httpx.post(f"{server}{path}", content=bad, headers={"Content-Type": "application/json", "X-Forwarded-For": client_ip()}, timeout=30)
        assert r.status_code == 401 and "访问令牌" in r.json()["detail"]
        r = httpx.post(f"{server}{path}", content=b"{not json" + MARKER.encode(), timeout=30,
                       headers={"Content-Type": "application/json", "Authorization": f"Bearer {server.token}", "X-Forwarded-For": client_ip()})
        assert r.status_code == 400, r.text
        assert r.json() == {"detail": "请求内容不是有效的 JSON。"}
        assert MARKER not in r.text
    # valid JSON of the wrong shape, or missing what the route needs: no input echoed, no traceback
    auth = {"Content-Type": "application/json", "Authorization": f"Bearer {server.token}", "X-Forwarded-For": client_ip()}
    r = httpx.post(f"{server}/xlwings/custom-functions-call", json=[MARKER], headers=auth, timeout=30)
    assert r.status_code == 422 and r.json() == {"detail": "请求内容格式不正确。"}
    r = httpx.post(f"{server}/xlwings/custom-functions-call", json={"x": MARKER}, headers=auth, timeout=30)
    assert r.status_code == 500 and "服务器内部错误" in r.json()["detail"] and MARKER not in r.text
    time.sleep(0.3)
    log = server.log()
    assert "Traceback" not in log and MARKER not in log
    assert "请求处理出错（KeyError）" in log


def test_oversize_bodies_with_a_token_are_capped_by_length_and_while_streaming(server):
    auth = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}
    # declared too large (cap 1 MB): refused before reading
    status, _, body = raw_request(
        server,
        f"POST /xlwings/custom-functions-call HTTP/1.1\r\nHost: x\r\nAuthorization: {auth['Authorization']}\r\n"
        f"X-Forwarded-For: {client_ip()}\r\nContent-Length: {5 << 20}\r\n\r\n".encode(),
    )
    assert status == 413 and "请求内容过大" in json.loads(body)["detail"]

    # chunked (no length): counted while it streams
    def chunks():
        for _ in range(3):
            yield b"[" + b"1," * (256 << 10)

    r = httpx.post(f"{server}/xlwings/custom-functions-call", content=chunks(), headers={**auth, "X-Forwarded-For": client_ip()}, timeout=30)
    assert r.status_code == 413, r.text
    assert "超过上限 1 MB" in r.json()["detail"]
    # uploads have their own (larger) cap, with the upload message
    r = upload(server, "/subsidykit/validate", [("大.xlsx", b"PK" + b"\0" * (3 << 20))])
    assert r.status_code == 413 and "上传内容过大" in r.json()["detail"]
    assert alive(server) and leftovers(server) == []


def test_a_stalled_body_is_given_up(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=15) as s:
        started = time.perf_counter()
        s.sendall(
            f"POST /xlwings/custom-functions-call HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.token}\r\n"
            f"X-Forwarded-For: {client_ip()}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"func".encode()
        )
        reply = read_response(s)
    assert reply.startswith(b"HTTP/1.1 408"), reply[:80]
    assert "超时" in json.loads(reply.partition(b"\r\n\r\n")[2])["detail"]
    assert time.perf_counter() - started < 8


def test_unauthenticated_writes_get_401_before_a_path_refusal(server):
    status, _, body = raw_request(server, f"POST /static/..%2f.env HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: {client_ip()}\r\nContent-Length: 0\r\n\r\n".encode())
    assert status == 401 and "访问令牌" in json.loads(body)["detail"]


def test_failed_tokens_are_rate_limited_per_client(server):
    ip = client_ip()
    codes = []
    for _ in range(7):
        r = httpx.post(f"{server}/subsidykit/whoami", json={}, headers={"Authorization": "Bearer wrong", "X-Forwarded-For": ip}, timeout=10)
        codes.append(r.status_code)
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert "稍后再试" in r.json()["detail"]
    # while blocked, even a valid token is not tried from that client ...
    r = httpx.post(f"{server}/subsidykit/whoami", json={}, headers={"Authorization": f"Bearer {server.token}", "X-Forwarded-For": ip}, timeout=10)
    assert r.status_code == 429
    # ... and other clients are not affected
    r = httpx.post(f"{server}/subsidykit/whoami", json={}, headers={"Authorization": f"Bearer {server.token}", "X-Forwarded-For": client_ip()}, timeout=10)
    assert r.status_code == 200 and r.json() == {"name": "测试科员"}


def test_half_open_connections_are_closed_after_the_header_timeout(server):
    """Reported: 800 connections sending half a request line stayed open for ever."""
    import selectors

    n = 800
    socks = []
    sel = selectors.DefaultSelector()
    try:
        for _ in range(n):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.sendall(b"GET /static/js/au")
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ)
            socks.append(s)
        started = time.perf_counter()
        assert alive(server)  # the server keeps answering meanwhile
        assert time.perf_counter() - started < 2
        deadline = time.monotonic() + 12  # header timeout 2 s in this server
        open_ = n
        while open_ and time.monotonic() < deadline:
            for key, _ in sel.select(timeout=0.5):
                try:
                    data = key.fileobj.recv(1024)
                except OSError:
                    data = b""
                if data == b"":
                    sel.unregister(key.fileobj)
                    open_ -= 1
        assert open_ == 0, f"{open_} of {n} connections still open"
    finally:
        sel.close()
        for s in socks:
            s.close()
    # also after a first request on a keep-alive connection
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(b"GET /subsidykit/limits HTTP/1.1\r\nHost: x\r\n\r\n")
        assert read_response(s).startswith(b"HTTP/1.1 200")
        s.sendall(b"GET /subsidykit/lim")
        started = time.perf_counter()
        while s.recv(1024):
            pass
        assert time.perf_counter() - started < 8


@pytest.mark.parametrize("kind", ["httptools", "h11"])
def test_both_http_protocols_close_a_connection_without_a_complete_header(kind, monkeypatch):
    import asyncio

    import uvicorn

    from subsidykit.server import http as server_http
    from xlserver import _free_port

    monkeypatch.setenv("SUBSIDYKIT_HEADER_TIMEOUT", "1")
    protocol = server_http.HttpToolsHeaderTimeout if kind == "httptools" else server_http.H11HeaderTimeout

    async def app(scope, receive, send):
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
            await send({"type": "http.response.body", "body": b"ok"})

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, http=protocol, lifespan="off", log_level="warning", timeout_keep_alive=30)
    server = uvicorn.Server(config)

    async def scenario():
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.05)
        try:
            # half a request line: closed after ~1 s
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /x HT")
            started = time.perf_counter()
            assert await asyncio.wait_for(reader.read(), 5) == b""
            assert 0.5 < time.perf_counter() - started < 3
            writer.close()
            # a full request, then half of the next one on the same (keep-alive 30 s) connection
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /x HTTP/1.1\r\nHost: x\r\n\r\n")
            assert (await asyncio.wait_for(reader.readuntil(b"ok"), 5)).startswith(b"HTTP/1.1 200")
            writer.write(b"GET /y HTTP/1.1\r\nHo")
            started = time.perf_counter()
            assert await asyncio.wait_for(reader.read(), 5) == b""
            assert time.perf_counter() - started < 3
            writer.close()
            # a slow but complete header within the timeout is served
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            for part in (b"GET /x HTTP/1.1\r\n", b"Host: x\r\n", b"\r\n"):
                writer.write(part)
                await asyncio.sleep(0.2)
            assert (await asyncio.wait_for(reader.readuntil(b"ok"), 5)).startswith(b"HTTP/1.1 200")
            writer.close()
        finally:
            server.should_exit = True
            await task

    asyncio.run(scenario())


def test_gunicorn_with_the_readme_command_runs_the_guarded_app(tmp_path):
    """The 多进程部署 command of the README, on 127.0.0.1, two workers, bounded in time."""
    import re
    import subprocess
    import sys

    from subsidykit.server.access import new_token
    from xlserver import PROJECT, _free_port

    pytest.importorskip("gunicorn")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^gunicorn (.+?)\\\n\s+(.+?)$", readme, re.M)
    args = (command.group(1) + " " + command.group(2)).split()
    port = _free_port()
    args[args.index("--bind") + 1] = f"127.0.0.1:{port}"
    args[args.index("--workers") + 1] = "2"
    token_file = tmp_path / "tokens"
    token = new_token("科员", token_file)
    env = {**os.environ, "XLWINGS_PROJECT_DIR": str(PROJECT), "XLWINGS_LICENSE_KEY": "noncommercial", "SUBSIDYKIT_TOKEN_FILE": str(token_file),
           "SUBSIDYKIT_HEADER_TIMEOUT": "2", "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    log = open(tmp_path / "gunicorn.log", "w+b")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", *args], cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/subsidykit/limits", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()
            time.sleep(0.3)

        class Base(str):
            pass

        base = Base(f"http://127.0.0.1:{port}")
        base.port = port
        assert raw_get(base, "/static/..%2f.env")[0] == 404
        r = httpx.post(f"{base}/subsidykit/whoami", json={}, timeout=10)
        assert r.status_code == 401
        r = httpx.post(f"{base}/subsidykit/whoami", json={}, headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert r.json() == {"name": "科员"}
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"GET /static/js/au")
            started = time.perf_counter()
            assert s.recv(1024) == b""
            assert time.perf_counter() - started < 6
    finally:
        stop(proc, log, timeout=20)
    assert token not in (tmp_path / "gunicorn.log").read_text(encoding="utf-8", errors="replace")


def test_the_gunicorn_worker_and_the_readme_name_the_guarded_app():
    pytest.importorskip("gunicorn")
    from subsidykit.server.http import HttpToolsHeaderTimeout
    from subsidykit.server.workers import UvicornWorker

    assert UvicornWorker.CONFIG_KWARGS["http"] is HttpToolsHeaderTimeout
    assert UvicornWorker.CONFIG_KWARGS["timeout_keep_alive"] > 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "gunicorn subsidykit.server.app:app --worker-class subsidykit.server.workers.UvicornWorker" in readme
    assert "xlwings_server.main:main_app --worker-class" not in readme
    for setting in ("client_max_body_size", "client_header_timeout", "proxy_read_timeout"):
        assert setting in readme


# === 4/7/8. uploads read in a child process ==========================================================
@pytest.mark.parametrize(("path", "field"), [("/subsidykit/validate", "files"), ("/subsidykit/summary", "ledger")])
def test_the_xfd1048576_workbook_cannot_take_the_server_down(server, path, field):
    """Reported: an 8.8 KB workbook with one cell at XFD1048576 and no <dimension> made calamine
    allocate 512 GB and killed the server; the upload stayed in /tmp."""
    data = xfd_workbook()
    assert b"<dimension" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    pid = server.pid
    r = upload(server, path, [("xfd.xlsx", data)], field=field, data={"year": "2023", "region": "示例市"})
    # the reader may flag it (200 / 400) or the child may die under its memory limit (422) - never 500
    assert r.status_code in (200, 400, 422), r.text
    if r.status_code != 200:
        assert any(word in r.json()["detail"] for word in ("进程异常退出", "无法", "超时"))
    assert alive(server) and server.pid == pid and rss_mb(pid) < 400
    assert leftovers(server) == []


@pytest.mark.parametrize(("path", "field"), [("/subsidykit/validate", "files"), ("/subsidykit/summary", "ledger")])
def test_the_xfd1048576_workbook_through_the_bare_reader_ends_only_the_child(server, path, field):
    """The second line of defence, whatever the reader's own checks: the child reads the XFD1048576
    workbook with python-calamine directly (no extent checks) under its 600 MB address-space limit."""
    pid, before = server.pid, rss_mb(server.pid)
    r = upload(server, path, [("__calamine__.xlsx", xfd_workbook())], field=field, data={"year": "2023"})
    assert r.status_code == 422, r.text
    assert "进程异常退出" in r.json()["detail"]
    assert alive(server) and server.pid == pid and rss_mb(pid) - before < 50
    assert leftovers(server) == []


@pytest.mark.parametrize(("fault", "expected"), [("__abort__", "进程异常退出"), ("__oom__", "进程异常退出")])
@pytest.mark.parametrize(("path", "field"), [("/subsidykit/validate", "files"), ("/subsidykit/summary", "ledger")])
def test_a_child_that_dies_gives_a_clean_answer_and_the_server_goes_on(server, fault, expected, path, field):
    before = rss_mb(server.pid)
    r = upload(server, path, [(f"{MARKER}/{fault}.xlsx", (SUBMISSIONS / "01_示例无锡华宇精密.xlsx").read_bytes())], field=field,
               data={"year": "2023"})
    assert r.status_code == 422, r.text
    assert expected in r.json()["detail"]
    assert leftovers(server) == []
    # the server answers the next request, a real one
    r = upload(server, "/subsidykit/summary", [("台账_2023.xlsx", LEDGER.read_bytes())], field="ledger", data={"year": "2023", "region": "示例市"})
    assert r.status_code == 200, r.text
    assert rss_mb(server.pid) - before < 100
    assert leftovers(server) == []


def test_a_child_that_hangs_is_stopped_at_the_timeout():
    with running_server({**SERVER_ENV, "SUBSIDYKIT_WORKER_TIMEOUT": "3"}) as base:
        started = time.perf_counter()
        r = upload(base, "/subsidykit/validate", [("__hang__.xlsx", b"PK")])
        assert r.status_code == 422 and "超时" in r.json()["detail"]
        assert time.perf_counter() - started < 15
        assert alive(base) and leftovers(base) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("no-sheets.xlsx", xlsx(None, workbook_sheets="")),
        ("truncated.xlsx", xlsx(SHEET_NS + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>企业名')),
        ("missing-sheet.xlsx", xlsx(None)),
        ("not-a-zip.xlsx", b"PK\x03\x04 this is not a workbook"),
        ("empty.xlsx", b""),
    ],
)
@pytest.mark.parametrize(("path", "field"), [("/subsidykit/validate", "files"), ("/subsidykit/summary", "ledger")])
def test_broken_workbooks_never_give_500(server, name, data, path, field):
    r = upload(server, path, [(name, data)], field=field, data={"year": "2023", "region": "示例市"})
    assert r.status_code in (200, 400, 422), r.text
    if r.status_code != 200:
        detail = r.json()["detail"]
        assert isinstance(detail, str) and any("\u4e00" <= ch <= "\u9fff" for ch in detail)
    assert leftovers(server) == []


def test_clashing_long_and_odd_names_never_give_500(server):
    form = (SUBMISSIONS / "01_示例无锡华宇精密.xlsx").read_bytes()
    names = [
        "sub.xlsx",
        "sub.xlsx/x.xlsx",  # a folder with a file's name
        "SUB.xlsx",
        "a/b.xlsx",
        "a.xlsx/c.xlsx",
        "a/b.xlsx/d.xlsx",
        "申" * 100 + ".xlsx",  # 300 bytes in UTF-8: over NAME_MAX
        "申" * 100 + "/" + "报" * 100 + ".xlsx",
        "x" * 300 + ".xlsx",
        "bad\x01\x1fname\u202e.xlsx",
        "../../etc/passwd.xlsx",
        "C:\\Users\\科员\\申报.xlsx",
        ".hidden.xlsx",
        "...xlsx",
        "/".join(["深"] * 20) + "/f.xlsx",
        "校验报告.xlsx",  # the report's own name
    ]
    r = upload(server, "/subsidykit/validate", [(n, form) for n in names], data={"year": "2023"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["files"] == len(names)
    shown = [row["file"] for row in body["by_file"]]
    assert len(set(shown)) == len(shown)
    assert all(".." not in s.split("/") and "\x01" not in s and max(len(p.encode()) for p in s.split("/")) <= 150 for s in shown)
    assert leftovers(server) == []


def test_safe_relpath_keeps_files_and_folders_apart():
    from subsidykit.server.uploads import Names, safe_relpath

    taken = Names()
    got = [safe_relpath(n, taken).as_posix() for n in ("sub.xlsx", "sub.xlsx/x.xlsx", "sub.xlsx/x.xlsx", "d/e.xlsx", "d", "d.xlsx")]
    assert got[0] == "sub.xlsx"
    assert got[1] == "sub（2）.xlsx/x.xlsx"
    assert got[2] == "sub（2）.xlsx/x（2）.xlsx"
    assert got[3] == "d/e.xlsx" and got[4] == "d（2）" and got[5] == "d.xlsx"
    long = safe_relpath("申" * 200 + ".xlsx", taken).as_posix()
    assert long.endswith(".xlsx") and len(long.encode()) <= 150
    again = safe_relpath("申" * 200 + ".xlsx", taken).as_posix()
    assert again != long and again.endswith("（2）.xlsx") and len(again.encode()) <= 150


def test_upload_folders_left_by_a_killed_server_are_swept_at_start(tmp_path):
    tmp = tmp_path / "tmp"
    stale = tmp / "subsidykit-uploads" / "u-stale"
    (stale / "upload").mkdir(parents=True)
    (stale / "upload" / "申报.xlsx").write_bytes(b"PK")
    old = time.time() - 3600
    for p in (stale / "upload" / "申报.xlsx", stale / "upload", stale):
        os.utime(p, (old, old))
    fresh = tmp / "subsidykit-uploads" / "u-fresh"
    fresh.mkdir()
    with running_server({"TMPDIR": str(tmp)}) as base:
        assert alive(base)
        assert not stale.exists()
        assert fresh.exists()  # may belong to a live upload of another worker


# === 10. logs ===================================================================================
def test_no_file_name_query_or_token_reaches_the_log(server):
    form = (SUBMISSIONS / "01_示例无锡华宇精密.xlsx").read_bytes()
    # a working upload, a failing one, a crashing one, names with the marker
    upload(server, "/subsidykit/validate", [(f"{MARKER}/{MARKER}.xlsx", form)])
    upload(server, "/subsidykit/validate", [(f"{MARKER}.xlsx", b"PK\x03\x04broken" + MARKER.encode())])
    upload(server, "/subsidykit/summary", [(f"{MARKER}.xlsx", xfd_workbook())], field="ledger")
    upload(server, "/subsidykit/validate", [(f"{MARKER}/__abort__.xlsx", form)])
    upload(server, "/subsidykit/validate", [(f"{MARKER}" * 40 + ".xlsx", form)])
    # a wrong token and the real one in headers, the marker in query strings and a bad path
    upload(server, "/subsidykit/validate", [(f"{MARKER}.xlsx", form)], token=MARKER_TOKEN)
    httpx.post(f"{server}/subsidykit/whoami", json={}, headers={"Authorization": f"Bearer {MARKER_TOKEN}", "X-Forwarded-For": client_ip()})
    httpx.get(f"{server}/subsidykit/limits", params={"name": MARKER, "token": MARKER_TOKEN})
    raw_get(server, "/static/..%2fsecret?x=" + MARKER_TOKEN)
    httpx.post(f"{server}/xlwings/custom-functions-call?f={MARKER_TOKEN}", content=b"{" + MARKER.encode(),
               headers={"Authorization": f"Bearer {server.token}", "X-Forwarded-For": client_ip(), "Content-Type": "application/json"})
    time.sleep(0.5)
    log = server.log()
    assert "批量校验" in log and "/subsidykit/validate" in log  # the calls were logged ...
    assert "进程异常退出" in log or "子进程异常退出" in log
    assert MARKER not in log and "Zq7Xk9" not in log  # ... without names, queries or tokens
    assert MARKER_TOKEN not in log and server.token not in log
    assert "Traceback" not in log


def test_the_log_filter_drops_tracebacks_and_exception_text():
    from subsidykit.server.logs import log_config

    names = ("", "uvicorn", "uvicorn.error", "uvicorn.access")
    saved = {n: (logging.getLogger(n).handlers[:], logging.getLogger(n).level, logging.getLogger(n).propagate) for n in names}
    stream = io.StringIO()
    config = log_config("info")
    config["handlers"]["default"]["stream"] = stream
    config["handlers"]["access"]["stream"] = stream
    try:
        logging.config.dictConfig(config)
        try:
            open(f"/nonexistent/{MARKER}.xlsx")  # noqa: SIM115
        except OSError:
            logging.getLogger("uvicorn.error").exception("Exception in ASGI application\n")
            logging.getLogger("xlwings_server.main").error(OSError(f"{MARKER}"))
            logging.getLogger("some.library").warning("failed: %s", OSError(MARKER))
        logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "GET", f"/x?name={MARKER}", "1.1", 200)
        logging.getLogger("uvicorn.error").info("header Authorization: Bearer %s", MARKER_TOKEN)
        logging.getLogger("some.library").info("Authorization: Bearer " + MARKER_TOKEN)
    finally:
        for n, (handlers, level, propagate) in saved.items():
            logger = logging.getLogger(n)
            logger.handlers[:] = handlers
            logger.setLevel(level)
            logger.propagate = propagate
    out = stream.getvalue()
    assert "Exception in ASGI application" in out and "FileNotFoundError" in out and "GET /x" in out
    assert MARKER not in out and MARKER_TOKEN not in out and "Traceback" not in out
