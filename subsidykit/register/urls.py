"""Which register to use, and its URL with the password hidden (standard library only).

Layer: register.  May import: the standard library only (imported at start-up by every
reviewing command; SQLAlchemy must not be loaded here).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

DEFAULT_PATH = "~/.subsidykit/register.db"
ENV_VAR = "SUBSIDYKIT_DB"
_OFF = {"", "off", "none", "no", "0", "false"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def resolve_url(db: str | None = None, env: Mapping[str, str] = os.environ) -> str | None:
    """The register URL: `db` (``--db``), else ``$SUBSIDYKIT_DB``, else the SQLite file at
    `DEFAULT_PATH` if it exists, else None.

    ``off``/``none``/``""`` (any case) → None (no register).  A bare path ``x.db`` →
    ``sqlite:///<absolute>/x.db``; ``~`` is expanded.  A URL with a scheme is returned as given
    (``postgresql+psycopg://…``, ``sqlite:///…``); ``postgresql://`` and ``postgres://`` are given
    the psycopg driver.
    """
    if db is not None:
        return _normalise(db)
    value = env.get(ENV_VAR)
    if value is not None:
        return _normalise(value)
    default = Path(DEFAULT_PATH).expanduser()
    if default.is_file():
        return "sqlite:///" + str(default.resolve())
    return None


def _normalise(value: str) -> str | None:
    text = value.strip()
    if text.lower() in _OFF:
        return None
    if _SCHEME.match(text):
        scheme, rest = text.split("://", 1)
        low = scheme.lower()
        if low in ("postgresql", "postgres"):
            return "postgresql+psycopg://" + rest
        if low == "sqlite" and rest.startswith("/~"):
            return "sqlite:///" + str(Path(rest[1:]).expanduser().resolve())
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL (None for another database or an in-memory SQLite)."""
    scheme, _, rest = url.partition("://")
    if not scheme.lower().startswith("sqlite"):
        return None
    path = rest[1:] if rest.startswith("/") else rest
    path = path.split("?", 1)[0]
    if path in ("", ":memory:"):
        return None
    return Path(path)


def redact(url: str) -> str:
    """`url` with its password replaced by ``***`` (also a ``password=`` query parameter)."""
    text = re.sub(r"^([A-Za-z][A-Za-z0-9+.\-]*://[^:/@?#]*):[^@/?#]*@", r"\1:***@", url)
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", text)


PASSWORD_ON_COMMAND_LINE = (
    "警告：--db 中含有密码；命令行参数本机其他用户可以看到（ps）。"
    "请改用环境变量 PGPASSWORD、~/.pgpass 文件或环境变量 SUBSIDYKIT_DB 提供密码"
)


def has_password(url: str | None) -> bool:
    """Whether `url` carries a password (``user:pw@`` or ``password=``)."""
    return bool(url) and redact(url) != url


def describe(url: str) -> str:
    """How a report names the register: ``登记簿 sqlite:///…/register.db`` (password hidden)."""
    return "登记簿 " + redact(url)
