"""The server's log filter: counts, timings, statuses and token names only.

Uploaded file names, cell contents and tokens must never reach a log line. They can hide in
exception text and tracebacks (an ``OSError`` quotes the path, a function error quotes the
cell) and in query strings, so the filter, on every handler of the server's loggers:

* drops ``exc_info``/``stack_info`` and keeps only the exception's type;
* replaces an exception used as the message or as an argument by its type;
* strips the query string from the access log's path;
* masks anything after ``Bearer`` (a token pasted into a message).
"""

from __future__ import annotations

import logging
import re

LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "xlwings_server", "xlwings", "gunicorn.error", "gunicorn.access", "subsidykit")
_TOKENISH = re.compile(r"(?i)(bearer\s+)\S+")


def _type_name(exc: BaseException | None) -> str:
    return type(exc).__name__ if exc is not None else "Exception"


class RedactFilter(logging.Filter):
    """Edits the record in place (one record reaches several handlers; editing twice is harmless)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_subsidykit_redacted", False):
            return True
        record._subsidykit_redacted = True
        if record.exc_info:
            exc = record.exc_info[1]
            record.exc_info = None
            record.exc_text = None
            record.msg = f"{self._message(record)}（{_type_name(exc)}；详情不记入日志）"
            record.args = ()
        record.stack_info = None
        if isinstance(record.msg, BaseException):
            record.msg = f"{_type_name(record.msg)}（错误内容不记入日志）"
            record.args = ()
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, path, version, status = record.args
            record.args = (client, method, str(path).split("?", 1)[0], version, status)
        elif isinstance(record.args, tuple) and record.args:
            record.args = tuple(f"{_type_name(a)}（错误内容不记入日志）" if isinstance(a, BaseException) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: (_type_name(v) if isinstance(v, BaseException) else v) for k, v in record.args.items()}
        if isinstance(record.msg, str) and "earer " in record.msg:
            record.msg = _TOKENISH.sub(r"\1***", record.msg)
        return True

    @staticmethod
    def _message(record: logging.LogRecord) -> str:
        msg = record.msg if isinstance(record.msg, str) else _type_name(record.msg if isinstance(record.msg, BaseException) else None)
        # the format string only: its arguments may be the failing request's data
        return msg.replace("%", "%%") if not record.args else msg.split("%", 1)[0].strip() or "错误"


FILTER = RedactFilter()


def install() -> None:
    """Attach the filter to the server's loggers and every handler they (or the root) have."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if FILTER not in logger.filters:
            logger.addFilter(FILTER)
        for handler in logger.handlers:
            if FILTER not in handler.filters:
                handler.addFilter(FILTER)


def log_config(level: str = "info") -> dict:
    """uvicorn's ``log_config``: its usual format, every handler filtered, the root included."""
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": "subsidykit.server.logs.RedactFilter"}},
        "formatters": {
            "default": {"()": "uvicorn.logging.DefaultFormatter", "fmt": "%(levelprefix)s %(message)s", "use_colors": None},
            "access": {
                "()": "uvicorn.logging.AccessFormatter",
                "fmt": '%(levelprefix)s %(client_addr)s - "%(request_line)s" %(status_code)s',
            },
        },
        "handlers": {
            "default": {"formatter": "default", "class": "logging.StreamHandler", "stream": "ext://sys.stderr", "filters": ["redact"]},
            "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stdout", "filters": ["redact"]},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": ["access"], "level": level, "propagate": False},
        },
        "root": {"handlers": ["default"], "level": level},
    }
