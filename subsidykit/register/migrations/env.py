"""Alembic environment of the register: always run programmatically (`register.migrate`), with the
connection handed over in ``config.attributes["connection"]``."""

from __future__ import annotations

from alembic import context

from subsidykit.register.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the register never runs alembic from a command line
    raise RuntimeError("subsidykit register migrations run through `subsidykit register upgrade`")
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
