"""The gunicorn worker class of the bureau server (README, 多进程部署)::

    gunicorn subsidykit.server.app:app --worker-class subsidykit.server.workers.UvicornWorker …

uvicorn's worker with the settings `subsidykit serve` uses: the header-timeout protocol,
keep-alive timeout, concurrency limit, h11 event-size limit and the redacting log filter.
"""

from __future__ import annotations

import warnings

with warnings.catch_warnings():  # uvicorn points to the separate uvicorn-worker package; this one still works
    warnings.simplefilter("ignore", DeprecationWarning)
    from uvicorn.workers import UvicornWorker as _UvicornWorker

from subsidykit.server.http import uvicorn_kwargs
from subsidykit.server.logs import install


def _config_kwargs() -> dict:
    kwargs = uvicorn_kwargs()
    kwargs.pop("log_config")  # gunicorn owns the handlers; the filter is installed on them below
    kwargs.pop("log_level")
    kwargs.pop("proxy_headers")  # gunicorn's --forwarded-allow-ips decides
    return kwargs


class UvicornWorker(_UvicornWorker):
    CONFIG_KWARGS = {"loop": "auto", **_config_kwargs()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        install()
