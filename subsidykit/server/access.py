"""Access tokens of the bureau server (`subsidykit serve`): who may call it.

A token file holds one line per clerk or client: ``name<TAB>sha256:<hex>``; the tokens
themselves are shown once when created and never stored, so a leaked file does not
leak access. Lines starting with ``#`` are comments. The server re-reads the file when
it changes, so adding or revoking a clerk needs no restart.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from subsidykit.errors import BadInputError

TOKEN_FILE_ENV = "SUBSIDYKIT_TOKEN_FILE"
PREFIX = "sha256:"


def default_token_file() -> Path:
    env = os.environ.get(TOKEN_FILE_ENV)
    return Path(env) if env else Path.home() / ".subsidykit" / "server-tokens"


def digest(token: str) -> str:
    return PREFIX + hashlib.sha256(token.encode("utf-8")).hexdigest()


def _bare(presented: str) -> str:
    text = (presented or "").strip()
    if text[:7].lower() == "bearer ":
        text = text[7:].strip()
    return text


@dataclass(frozen=True)
class Entry:
    name: str
    hashed: str


def read_entries(path: Path) -> list[Entry]:
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, hashed = line.rpartition("\t")
        if not sep or not hashed.startswith(PREFIX) or not name.strip():
            raise BadInputError(f"令牌文件 {path} 第 {lineno} 行格式应为「名称<Tab>sha256:…」")
        out.append(Entry(name.strip(), hashed))
    return out


class TokenStore:
    """Verifies presented tokens against the file, re-reading it when it changes."""

    def __init__(self, path: Path | None = None):
        self.path = path or default_token_file()
        self._stamp: tuple[int, int] | None = None
        self._entries: list[Entry] = []

    def entries(self) -> list[Entry]:
        try:
            st = self.path.stat()
        except OSError:
            self._stamp, self._entries = None, []
            return []
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp != self._stamp:
            self._entries, self._stamp = read_entries(self.path), stamp
        return self._entries

    def verify(self, presented: str) -> str | None:
        """The name the token was issued to, or None. Constant-time per entry."""
        token = _bare(presented)
        if not token:
            return None
        hashed = digest(token)
        found = None
        for entry in self.entries():
            if hmac.compare_digest(entry.hashed, hashed):
                found = entry.name
        return found


def new_token(name: str, path: Path | None = None) -> str:
    """Create a token for `name`, append its hash to the file (created 0600), return the token."""
    name = " ".join(name.split())
    if not name or "\t" in name:
        raise BadInputError("令牌名称不能为空")
    path = path or default_token_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else "# 专项资金助手 访问令牌（只存哈希）：名称<Tab>sha256:…\n"
    if any(e.name == name for e in (read_entries(path) if path.exists() else [])):
        raise BadInputError(f"已有名为「{name}」的令牌；先用 --revoke-token 撤销")
    token = secrets.token_urlsafe(24)
    text = existing + ("" if existing.endswith("\n") else "\n") + f"{name}\t{digest(token)}\n"
    _atomic_write(path, text)
    return token


def revoke(name: str, path: Path | None = None) -> bool:
    path = path or default_token_file()
    if not path.exists():
        return False
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [ln for ln in lines if ln.startswith("#") or ln.rpartition("\t")[0].strip() != name]
    if len(kept) == len(lines):
        return False
    _atomic_write(path, "".join(kept))
    return True


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tokens-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
