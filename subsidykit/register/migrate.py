"""Alembic, run programmatically: the revisions ship inside the package (`register/migrations`).

Layer: register.  May import: Alembic, SQLAlchemy, the standard library.
"""

from __future__ import annotations

from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions (tests/test_register.py checks it against Alembic's
# own head): opening a register compares with it without importing Alembic (≈0.1 s of every
# reviewing command that uses a register); Alembic is loaded only to migrate.
HEAD = "0001"


def _config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(connection) -> str | None:
    """The database's revision (Alembic's ``alembic_version`` table), None when it has none."""
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = [r[0] for r in connection.execute(text("SELECT version_num FROM alembic_version"))]
    if len(rows) > 1:  # branches: never made by this package; Alembic tells which
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return rows[0] if rows else None


def upgrade(connection) -> None:
    """``alembic upgrade head`` on `connection` (inside its transaction)."""
    from alembic import command

    command.upgrade(_config(connection), "head")
