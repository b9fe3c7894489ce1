"""The guarded bureau server: ``subsidykit.server.app:app`` (what `subsidykit serve` and gunicorn run).

xlwings Server (``xlwings_server.main``, reading ``XLWINGS_PROJECT_DIR``) with:

* the "static" mount's handler replaced by `SafeStaticFiles` (user folder first, then the
  package's), which never serves anything outside those folders or any dot-file;
* FastAPI's generic and validation error handlers replaced by JSON answers that echo no input
  and log the exception's type only;
* the redacting log filter on every handler;
* a sweep of upload folders a crashed process left behind;
* the `Guard` middleware around all of it.
"""

from __future__ import annotations

import json
import logging

from fastapi.exceptions import RequestValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount
from xlwings_server import main as _xlwings_main
from xlwings_server.config import PACKAGE_DIR, PROJECT_DIR, settings as _xlwings_settings

from subsidykit.server import logs, settings, uploads
from subsidykit.server.guard import Guard, SafeStaticFiles

logger = logging.getLogger("subsidykit.server")
fastapi_app = _xlwings_main.app


def _replace_static_mounts() -> int:
    replaced = 0
    for route in fastapi_app.routes:
        if isinstance(route, Mount) and route.name in ("static", "wasm", "custom_functions", "custom_scripts"):
            folder = route.name
            dist = PROJECT_DIR / "dist" / "static"
            if folder == "static" and dist.is_dir() and _xlwings_settings.environment != "dev":
                handler = SafeStaticFiles(dist)
            else:
                handler = SafeStaticFiles(PROJECT_DIR / folder, PACKAGE_DIR / folder)
            route._base_app = route.app = handler
            replaced += 1
    if not any(isinstance(r, Mount) and r.name == "static" for r in fastapi_app.routes):
        raise RuntimeError("xlwings Server has no 'static' mount to guard")
    return replaced


def _json(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    # the guard logs the exception's type once (it sees it re-raised); no text, no traceback
    return _json(500, settings.INTERNAL_ERROR)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    kinds = {e.get("type") for e in exc.errors() if isinstance(e, dict)}
    logger.info("请求内容不合格式（%s）", ", ".join(sorted(str(k) for k in kinds)) or "?")
    if "json_invalid" in kinds:
        return _json(400, settings.INVALID_JSON)
    return _json(422, settings.INVALID_REQUEST)


async def _bad_json(request: Request, exc: Exception) -> JSONResponse:
    logger.info("请求内容不是有效的 JSON（%s）", type(exc).__name__)
    return _json(400, settings.INVALID_JSON)


def _error_handlers() -> None:
    fastapi_app.add_exception_handler(Exception, _internal_error)
    fastapi_app.add_exception_handler(RequestValidationError, _validation_error)
    fastapi_app.add_exception_handler(json.JSONDecodeError, _bad_json)
    fastapi_app.add_exception_handler(UnicodeDecodeError, _bad_json)


_replace_static_mounts()
_error_handlers()
logs.install()
uploads.sweep_stale()

app = Guard(_xlwings_main.main_app, app_path=_xlwings_settings.app_path)
