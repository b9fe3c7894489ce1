"""Shared fixtures."""

from __future__ import annotations

import os

import pytest

from xlserver import running_server

# the throwaway PostgreSQL cluster (tests/pg.py): one per session, for every module that asks
pytest_plugins = ["pg"]

# A developer's ~/.subsidykit/register.db must never change results: no register unless a test
# asks for one (--db, or SUBSIDYKIT_DB set by the test itself).
os.environ.setdefault("SUBSIDYKIT_DB", "off")


@pytest.fixture(scope="session")
def xlwings_server():
    """Base URL of the real xlwings Server (addin/server) running on 127.0.0.1."""
    with running_server() as base:
        yield base


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path_factory, monkeypatch):
    """The desktop macros read the clerk's 设置 from %USERPROFILE%; tests start with none."""
    monkeypatch.setenv("USERPROFILE", str(tmp_path_factory.mktemp("userprofile")))
