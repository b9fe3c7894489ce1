"""Which project register the worksheet functions consult, opened once per process.

The address saved in the ribbon's 设置 (REGISTER, desktop only), else ``SUBSIDYKIT_DB``, else
``~/.subsidykit/register.db`` if it exists (`register.resolve_url`); on xlwings Server the
server's own (its environment), never a setting of the clerk's.  Used by =CHECK_ROW (the
history checks of the one review) and =APPLICANT_HISTORY.

Layer: adapter (udfs).  May import: `subsidykit.register` (SQLAlchemy only once a register is
configured and asked), this package's settings and cells.
"""

from __future__ import annotations

import threading

from subsidykit.register import resolve_url

from .cells import ON_SERVER
from .settings import saved

_open: dict[str, object] = {}  # url -> register.review.ReviewRegister, opened once
_lock = threading.Lock()


def register_url(db: str | None = None) -> str | None:
    """The register the cells use (see the module docstring); None for none."""
    if db is None and not ON_SERVER:
        db = saved("REGISTER")
    return resolve_url(db)


def review_register(url: str):
    """The open `register.review.ReviewRegister` of `url` (RegisterError if it cannot be opened)."""
    with _lock:
        reg = _open.get(url)
        if reg is None:
            from subsidykit.register.review import ReviewRegister

            reg = ReviewRegister(url)
            reg.open()
            _open[url] = reg
        return reg


__all__ = ["register_url", "review_register"]
