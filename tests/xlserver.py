"""Start the real xlwings Server (project addin/server) on 127.0.0.1 for the tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "addin" / "server"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(extra_env: dict[str, str] | None = None, timeout: float = 60.0):
    """Yield the base URL of an xlwings Server serving this repo's project; stop it after."""
    port = _free_port()
    env = dict(os.environ)
    env.update(
        {
            "XLWINGS_PROJECT_DIR": str(PROJECT),
            "XLWINGS_LICENSE_KEY": "noncommercial",
            "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra_env or {})
    log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"xlwings-server-{port}.log", "w+b")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "xlwings_server.main:main_app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
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
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
        log.close()


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def post_json(url: str, payload: dict, headers: dict[str, str] | None = None) -> tuple[int, object]:
    """(status, body): the body parsed as JSON when it is JSON, else the text."""
    data = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json", **(headers or {})})
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
