"""The add-in's saved settings (设置): year, region and the register's address, as saved by the
ribbon's VBA, read by the ribbon's macros and by the worksheet functions that need them
(=APPLICANT_HISTORY reads the register's address).

The VBA writes them with xlwings' ``SaveConfigToFile`` into the add-in's user config file
(``%USERPROFILE%\\.subsidykit\\subsidykit.conf`` on Windows; on a Mac
``~/Library/Containers/com.microsoft.Excel/Data/subsidykit.conf``): one ``"KEY","VALUE"``
line per setting, in the system's ANSI code page (GBK on Chinese Windows).
On xlwings Server the task pane sends year and region with each call instead, and the register
is the server's own (``SUBSIDYKIT_DB``).

Layer: adapter (udfs); standard library only.  `macros.settings` re-exports it.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

PROJECT_NAME = "subsidykit"  # PROJECT_NAME in addin/desktop/vba/xlwings.bas


def user_config_path() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / f"{PROJECT_NAME}.conf"
    home = os.environ.get("USERPROFILE") or str(Path.home())
    return Path(home) / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf"


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_settings(path: Path | None = None) -> dict[str, str]:
    """KEY -> value (keys upper-cased); empty when there is no config file yet."""
    path = path or user_config_path()
    try:
        text = _decode(path.read_bytes())
    except OSError:
        return {}
    out: dict[str, str] = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) >= 2 and row[0].strip():
            out[row[0].strip().upper()] = row[1].strip()
    return out


def saved(name: str) -> str | None:
    """The saved setting `name` (None when unset or empty)."""
    return read_settings().get(name.upper(), "") or None
