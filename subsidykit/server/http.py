"""uvicorn with a request-header timeout, and the uvicorn settings of `subsidykit serve`.

uvicorn closes idle keep-alive connections (``timeout_keep_alive``) but has no timeout for a
connection that sends half a request line and then nothing: each such connection stays open
for ever (a few hundred exhaust a worker's file descriptors). The protocols below start a
timer when the connection is made, and again after each response; unless a complete request
header has arrived within ``SUBSIDYKIT_HEADER_TIMEOUT`` seconds the connection is closed.
The same timer bounds how long a client may keep sending the unread rest of a body after
the guard has already answered (401/413).
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # pragma: no cover - httptools ships with uvicorn[standard]
    HttpToolsProtocol = None

from subsidykit.server import settings
from subsidykit.server.logs import log_config

APP = "subsidykit.server.app:app"


class _HeaderTimeout:
    """Mixin for uvicorn's HTTP protocols (both create ``self.cycle`` once a header is complete)."""

    _header_timer: asyncio.TimerHandle | None = None
    _waiting_cycle: object = None

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._waiting_cycle = self.cycle
        self._header_timer = self.loop.call_later(settings.header_timeout(), self._header_timed_out)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _header_timed_out(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._header_timer is not None and self.cycle is not self._waiting_cycle:
            self._cancel_header_timer()  # a new request's header is complete

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and not getattr(self, "pipeline", None):
            self._arm_header_timer()

    def connection_lost(self, exc) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)


class H11HeaderTimeout(_HeaderTimeout, H11Protocol):
    pass


if HttpToolsProtocol is not None:

    class HttpToolsHeaderTimeout(_HeaderTimeout, HttpToolsProtocol):
        pass

else:  # pragma: no cover
    HttpToolsHeaderTimeout = None


def protocol() -> type:
    """The httptools protocol when httptools is installed (uvicorn's "auto"), else h11."""
    return HttpToolsHeaderTimeout or H11HeaderTimeout


def uvicorn_kwargs(log_level: str = "info") -> dict:
    """What `subsidykit serve` (and the gunicorn worker, and the tests) give uvicorn."""
    return {
        "http": protocol(),
        "timeout_keep_alive": settings.keep_alive_timeout(),
        "limit_concurrency": settings.limit_concurrency(),
        "h11_max_incomplete_event_size": 16 * 1024,
        "proxy_headers": True,
        "server_header": False,
        "log_config": log_config(log_level),
        "log_level": log_level,
    }


def run(host: str, port: int, workers: int = 1, log_level: str = "info") -> None:
    """Serve the guarded app (`subsidykit.server.app:app`) with uvicorn."""
    import uvicorn

    uvicorn.run(APP, host=host, port=port, workers=workers, **uvicorn_kwargs(log_level))

