"""The guard in front of xlwings Server: a pure-ASGI middleware and a safe static-file handler.

For every HTTP request, before xlwings Server (or FastAPI) sees it:

1. **Token.** Every request other than GET/HEAD/OPTIONS needs a valid access token
   (`subsidykit.server.access.TokenStore`, constant-time) *before any of its body is read*; else 401
   with a Chinese reason, before any other refusal. A client (IP) with too many failed tokens
   in a minute gets 429 and ``Retry-After`` (the token is then not even checked).
2. **Path.** The raw path and the decoded path must not hold ``..``/``.`` or dot-file segments,
   encoded slashes, backslashes or dots (``%2f``, ``%5c``, ``%2e``), a second encoding
   (``%25``), NUL or control characters, or bytes that are not UTF-8 (overlong forms):
   404/400, the app is never called.
3. **Size.** The body is capped by its declared Content-Length and again while it streams
   (``receive`` counts the bytes): uploads (``/subsidykit/validate``, ``/subsidykit/summary``)
   by ``SUBSIDYKIT_MAX_UPLOAD_MB``, everything else by ``SUBSIDYKIT_MAX_REQUEST_MB``; 413 JSON.
   A body that stalls longer than ``SUBSIDYKIT_BODY_TIMEOUT`` gets 408.
4. **Errors.** Whatever the app raises becomes a JSON 500 without a traceback; only the
   exception's type is logged.

The responses of the guard are JSON ``{"detail": "<中文原因>"}``; the rest of the body is
left unread (uvicorn discards it; the header timeout of `subsidykit.server.http` bounds how
long a connection may keep sending it).
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import stat
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from urllib.parse import unquote_to_bytes

from starlette.staticfiles import StaticFiles

from subsidykit.server.access import TokenStore
from subsidykit.server import settings

logger = logging.getLogger("subsidykit.server")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_BAD_ENCODED = (b"%2f", b"%5c", b"%2e", b"%25", b"%00")
UPLOAD_ROUTES = ("/subsidykit/validate", "/subsidykit/summary")

Scope = dict
Message = dict
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


# --- paths ------------------------------------------------------------------------------------
def _bad_segment(segment: str) -> bool:
    return segment.startswith(".") or "\\" in segment or "%" in segment or any(ord(c) < 0x20 or ord(c) == 0x7F for c in segment)


def path_problem(raw_path: bytes, path: str) -> int | None:
    """The status to refuse the request with (404 traversal-like, 400 malformed), or None."""
    lowered = raw_path.lower()
    if any(bad in lowered for bad in _BAD_ENCODED) or b"\\" in raw_path:
        return 404
    if any(b < 0x20 or b == 0x7F for b in raw_path):
        return 400
    try:
        decoded = unquote_to_bytes(raw_path).decode("utf-8")
    except UnicodeDecodeError:  # overlong or otherwise invalid UTF-8 (%c0%af …)
        return 400
    for text in (decoded, path):
        if "\ufffd" in text or "\x00" in text:
            return 400
        if any(_bad_segment(s) for s in text.split("/") if s):
            return 404
    return None


class SafeStaticFiles(StaticFiles):
    """Static files from the first of `directories` that has the file, never outside them.

    The requested path is checked segment by segment (no dot-files or dot-folders, no ``..``,
    backslashes, NUL or control characters), then resolved (symlinks included) and served only
    if it is a regular file inside one of the folders."""

    def __init__(self, *directories: str | os.PathLike):
        roots = [Path(d).resolve() for d in directories if Path(d).is_dir()]
        super().__init__(directory=str(roots[0]) if roots else None, check_dir=False)
        self.roots = roots
        self.all_directories = [str(r) for r in roots]

    def get_path(self, scope: Scope) -> str:
        from starlette._utils import get_route_path

        route_path = get_route_path(scope)
        segments = [s for s in route_path.split("/") if s]
        if not segments or any(_bad_segment(s) or ":" in s for s in segments):
            return ""
        return "/".join(segments)

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        if not path:
            return "", None
        for root in self.roots:
            try:
                candidate = (root / path).resolve()
            except (OSError, ValueError, RuntimeError):
                return "", None
            if root not in candidate.parents:
                continue
            try:
                st = candidate.stat()
            except (OSError, ValueError):
                continue
            if stat.S_ISREG(st.st_mode):
                return str(candidate), st
        return "", None


# --- failed tokens ------------------------------------------------------------------------------
class FailureLimiter:
    """Failed token checks per client in a sliding window (bounded memory)."""

    def __init__(self, window: float = 60.0, max_clients: int = 10_000):
        self.window = window
        self.max_clients = max_clients
        self._failures: dict[str, deque[float]] = {}

    def retry_after(self, client: str, limit: int, now: float | None = None) -> int:
        """Seconds until `client` may try again (0: it may try now)."""
        now = time.monotonic() if now is None else now
        q = self._failures.get(client)
        if not q:
            return 0
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q:
            del self._failures[client]
            return 0
        return max(1, math.ceil(q[0] + self.window - now)) if len(q) >= limit else 0

    def fail(self, client: str, limit: int, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        q = self._failures.pop(client, None) or deque()
        q.append(now)
        while len(q) > limit:
            q.popleft()
        self._failures[client] = q  # most recent last
        if len(self._failures) > self.max_clients:
            for key in [k for k, v in self._failures.items() if v[-1] <= now - self.window]:
                del self._failures[key]
            while len(self._failures) > self.max_clients:
                del self._failures[next(iter(self._failures))]


# --- the body -----------------------------------------------------------------------------------
class BodyRefused(Exception):
    """Raised into the app when the body is over its cap or stalls."""

    def __init__(self, status: int, detail: str):
        super().__init__(status)
        self.status, self.detail = status, detail


class _Body:
    """``receive`` that counts the body and stops it at the cap or after a stall."""

    def __init__(self, receive: Receive, cap: int, cap_detail: str, timeout: float):
        self.receive, self.cap, self.cap_detail, self.timeout = receive, cap, cap_detail, timeout
        self.count = 0
        self.done = False
        self.refused: BodyRefused | None = None

    async def __call__(self) -> Message:
        if self.refused is not None:
            raise self.refused
        if self.done:  # after the body: waits for a disconnect, no timeout
            return await self.receive()
        try:
            message = await asyncio.wait_for(self.receive(), self.timeout)
        except asyncio.TimeoutError:
            self.refused = BodyRefused(408, settings.BODY_TIMEOUT)
            raise self.refused from None
        if message["type"] == "http.request":
            self.count += len(message.get("body", b""))
            if self.count > self.cap:
                self.refused = BodyRefused(413, self.cap_detail)
                raise self.refused
            if not message.get("more_body", False):
                self.done = True
        else:
            self.done = True
        return message


async def respond(send: Send, status: int, detail: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                (b"x-content-type-options", b"nosniff"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> bytes | None:
    values = [v for k, v in scope.get("headers", ()) if k.lower() == name]
    if len(values) > 1 and name == b"content-length":
        return b"invalid"
    return values[0] if values else None


class Guard:
    """The ASGI middleware (see the module's docstring)."""

    def __init__(self, app, *, app_path: str = "", tokens: TokenStore | None = None, limiter: FailureLimiter | None = None):
        self.app = app
        self.tokens = tokens or TokenStore()
        self.limiter = limiter or FailureLimiter()
        self.upload_paths = frozenset(f"{app_path}{route}" for route in UPLOAD_ROUTES)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in SAFE_METHODS:  # the token first: 401 before any other refusal
            client = (scope.get("client") or ("?", 0))[0]
            limit = settings.auth_failures_per_minute()
            wait = self.limiter.retry_after(client, limit)
            if wait:
                await respond(send, 429, settings.TOO_MANY_FAILURES.format(seconds=wait), [(b"retry-after", str(wait).encode())])
                return
            presented = (_header(scope, b"authorization") or b"").decode("latin-1")
            try:
                name = self.tokens.verify(presented)
            except Exception as exc:  # an unreadable token file: refuse, say why in the log only
                logger.error("令牌文件无法读取（%s）", type(exc).__name__)
                name = None
            if name is None:
                self.limiter.fail(client, limit)
                blocked = self.limiter.retry_after(client, limit)
                if blocked:
                    logger.warning("令牌错误次数过多：%s 的写请求暂停 %d 秒", client, blocked)
                await respond(send, 401, settings.UNAUTHORIZED, [(b"www-authenticate", b"Bearer")])
                return
        status = path_problem(scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape"), scope["path"])
        if status is not None:
            await respond(send, status, settings.NOT_FOUND if status == 404 else settings.BAD_PATH)
            return
        await self._capped(scope, receive, send)

    async def _capped(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["path"] in self.upload_paths:
            limit_mb = settings.upload_limits()["max_upload_mb"]
            too_large = settings.upload_too_large
        else:
            limit_mb = settings.max_request_mb()
            too_large = lambda size, limit: settings.REQUEST_TOO_LARGE.format(limit=limit)  # noqa: E731
        cap = int(limit_mb * settings.MB)
        length = _header(scope, b"content-length")
        if length is not None:
            if not length.isdigit() or len(length) > 18:
                await respond(send, 400, settings.BAD_LENGTH)
                return
            if int(length) > cap:
                await respond(send, 413, too_large(int(length) / settings.MB, limit_mb))
                return
        body = _Body(receive, cap, too_large(cap / settings.MB, limit_mb), settings.body_timeout())
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if body.refused is not None:
                return  # the app's answer to a refused body is replaced by ours
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, body, guarded_send)
        except BodyRefused:
            pass
        except Exception as exc:  # noqa: BLE001 - the last line: no traceback, no input echoed
            if body.refused is None:
                logger.error("请求处理出错（%s）", type(exc).__name__)
                if not started:
                    await respond(send, 500, settings.INTERNAL_ERROR)
                return
        if body.refused is not None and not started:
            await respond(send, body.refused.status, body.refused.detail)
