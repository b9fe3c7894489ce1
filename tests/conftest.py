"""Shared fixtures."""

from __future__ import annotations

import pytest
from xlserver import running_server


@pytest.fixture(scope="session")
def xlwings_server():
    """Base URL of the real xlwings Server (addin/server) running on 127.0.0.1."""
    with running_server() as base:
        yield base


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path_factory, monkeypatch):
    """The desktop macros read the clerk's 设置 from %USERPROFILE%; tests start with none."""
    monkeypatch.setenv("USERPROFILE", str(tmp_path_factory.mktemp("userprofile")))
