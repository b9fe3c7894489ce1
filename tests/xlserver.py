"""Start the real xlwings Server (project addin/server) on 127.0.0.1 for the tests.

The server is started exactly as a bureau starts it: ``subsidykit serve`` (the guarded app
``subsidykit.server.app:app`` with the header-timeout protocol and the redacting log config).
It refuses writes without an access token, so each started server gets its own token file
and `post_json` sends that server's token unless told otherwise (`auth=False`). The tests
send many wrong tokens on purpose, so the failed-token rate limit is raised unless a test
sets ``SUBSIDYKIT_AUTH_FAILURES_PER_MINUTE`` itself.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "addin" / "server"

TOKENS: dict[str, str] = {}  # base URL -> the token its server accepts


class Server(str):
    """The base URL, with the server's token, token file, temp folder, log file and process id."""

    token: str
    pid: int
    port: int
    token_file: Path
    tmpdir: Path
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_bytes().decode("utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(extra_env: dict[str, str] | None = None, timeout: float = 60.0, workers: int = 1):
    """Yield the base URL (a `Server`) of an xlwings Server serving this repo's project; stop it after.

    The server gets a fresh token file with one token, and its own TMPDIR (to check that
    uploads leave nothing behind)."""
    from subsidykit.server.access import new_token

    port = _free_port()
    home = Path(tempfile.mkdtemp(prefix=f"xlserver-{port}-"))
    token_file = home / "tokens"
    token = new_token("测试科员", token_file)
    server_tmp = home / "tmp"
    server_tmp.mkdir()
    env = dict(os.environ)
    env.update(
        {
            "XLWINGS_PROJECT_DIR": str(PROJECT),
            "XLWINGS_LICENSE_KEY": "noncommercial",
            "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
            "PYTHONUNBUFFERED": "1",
            "SUBSIDYKIT_TOKEN_FILE": str(token_file),
            "TMPDIR": str(server_tmp),
            "SUBSIDYKIT_AUTH_FAILURES_PER_MINUTE": "100000",
        }
    )
    env.update(extra_env or {})
    log_path = home / "server.log"
    log = open(log_path, "w+b")  # noqa: SIM115
    cmd = [sys.executable, "-m", "subsidykit.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--project", str(PROJECT), "--token-file", str(token_file), "--log-level", "info"]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = Server(f"http://127.0.0.1:{port}")
    base.token, base.token_file, base.tmpdir, base.log_path = token, token_file, server_tmp, log_path
    base.pid, base.port = proc.pid, port
    TOKENS[base] = token
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"xlwings Server exited early:\n{log.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{base}/xlwings/custom-functions-meta", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError("xlwings Server did not start in time") from None
                time.sleep(0.2)
        yield base
    finally:
        TOKENS.pop(base, None)
        stop(proc, log)


def stop(proc: subprocess.Popen, log, timeout: float = 10) -> None:
    """End a server process (terminate, then kill if it lingers) and close its log."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()
    log.close()


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def auth_header(url: str) -> dict[str, str]:
    """The Authorization header of the test server `url` belongs to."""
    for base, token in TOKENS.items():
        if url.startswith(base):
            return {"Authorization": f"Bearer {token}"}
    return {}


def post_json(url: str, payload: dict, headers: dict[str, str] | None = None, auth: bool = True) -> tuple[int, object]:
    """(status, body): the body parsed as JSON when it is JSON, else the text.

    Sends the server's access token unless `auth` is False or `headers` has its own."""
    data = json.dumps(payload).encode()
    sent = {"Content-Type": "application/json", **(auth_header(url) if auth else {}), **(headers or {})}
    req = urllib.request.Request(url, data=data, method="POST", headers=sent)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            status, body = resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    text = body.decode("utf-8", errors="replace")
    try:
        return status, json.loads(text)
    except json.JSONDecodeError:
        return status, text
