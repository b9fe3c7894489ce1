"""The project register: earlier years' projects, awards and 验收 results, in SQLite or PostgreSQL.

`resolve_url` finds which register to use (``--db URL``, else ``$SUBSIDYKIT_DB``, else the SQLite
file at ``DEFAULT_PATH`` if it exists, else none), `redact` hides a URL's password, `open_register`
opens one (creating and migrating a SQLite file when asked) and returns a `Register`, whose
`history`/`histories` answer the review's questions as pure `rules.history.History` records.

Module map: `urls` (resolution and redaction, standard library only — importing this package
never imports SQLAlchemy), `models` (SQLAlchemy 2 declarative tables), `store` (the `Register`
class and the write API used by `subsidykit.intake`), `migrate` (Alembic, run programmatically;
the revisions ship in `register/migrations/`), `names` (normalised enterprise and project names).

Layer: register (I/O: database), beside workbooks.  May import: `subsidykit.rules`,
`subsidykit.catalog`, `subsidykit.errors`, SQLAlchemy, Alembic, psycopg; never openpyxl, a
workbook module, a workflow or an adapter.
"""

from __future__ import annotations

from subsidykit.register.urls import DEFAULT_PATH, redact, resolve_url

__all__ = ["DEFAULT_PATH", "Register", "open_register", "redact", "resolve_url"]


def open_register(url: str, *, create: bool = False):
    """Open the register at `url` (as given by `resolve_url`) and return a `Register`.

    SQLite: with ``create=True`` the parent directory is made with mode 0700 and the file with
    0600, and Alembic ``upgrade head`` runs; a missing file with ``create=False`` is a
    `RegisterError`.  Any database at an older revision → `RegisterError` asking for
    ``subsidykit register upgrade``; a file that is not a database, a directory, or an
    unreachable server → `RegisterError` (Chinese message, password redacted).
    """
    from subsidykit.register.store import open_register as _open

    return _open(url, create=create)


def __getattr__(name: str):
    # `Register` lives in `store` (SQLAlchemy); imported only when asked for, so the commands
    # that never touch a register do not pay for SQLAlchemy at start-up.
    if name == "Register":
        from subsidykit.register.store import Register

        return Register
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
