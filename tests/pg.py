"""A throwaway PostgreSQL cluster for the register tests (Debian's `postgresql` package:
scripts/system-deps.sh installs it; CI runs these tests for real).

`initdb` into a temporary folder (as the `postgres` OS user when the tests run as root: the
folder is chown'ed to it and every server command runs through ``runuser -u postgres``), the
server listening on a unix socket in that folder and on 127.0.0.1 at a free port (trust
authentication, fsync off), stopped and removed at session end.  If the server cannot start
the tests FAIL — they never skip.

    postgres_server   session fixture: a `Cluster` (`.url(db)`, `.create_db()`, `.drop_db(name)`)
    register_url      parametrised (ids sqlite, postgresql): a fresh register URL per test — a
                      SQLite file not yet created, or a new empty database on the cluster (its
                      URL carries a password, so tests can prove it is never printed)
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PASSWORD = "s3cret-pw"  # trust authentication ignores it; it must never be printed


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self):
        self.bindir = _bindir()
        if self.bindir is None:
            pytest.fail("找不到 PostgreSQL（initdb）：请运行 scripts/system-deps.sh 安装 Debian 的 postgresql", pytrace=False)
        self.base = Path(tempfile.mkdtemp(prefix="skpg"))  # short: a unix socket path has ~100 bytes
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.started = False

    def _run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        argv = [str(self.bindir / cmd[0]), *cmd[1:]]
        if self.as_root:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, check=check, timeout=120, cwd=self.base)

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.base, "postgres", "postgres")
        try:
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                      "--locale=C", "--no-sync")
            opts = (f"-k {self.base} -c listen_addresses=127.0.0.1 -p {self.port} -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
            self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.log), "-w", "-t", "60", "start")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            detail = getattr(exc, "stderr", "") or ""
            self.stop()
            pytest.fail(f"PostgreSQL 无法启动：{exc}\n{detail}\n{log}", pytrace=False)
        self.started = True

    def url(self, db: str, *, password: str | None = None) -> str:
        auth = f"postgres:{password}" if password else "postgres"
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{db}"

    def _admin(self):
        import psycopg

        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True)

    def create_db(self) -> str:
        name = "reg_" + uuid.uuid4().hex[:12]
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_db(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    cluster = Cluster()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def register_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/reg/register.db"
        return
    cluster = request.getfixturevalue("postgres_server")
    name = cluster.create_db()
    try:
        yield cluster.url(name, password=PASSWORD)
    finally:
        cluster.drop_db(name)
