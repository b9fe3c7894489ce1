"""设置 of the desktop add-in: the VBA saves year and region into the user config file
(xlwings' SaveConfigToFile: `Write #` lines in the ANSI code page); the Python side of the
ribbon reads them when the button passes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
from test_macros_summary import LEDGER, _DesktopBook

from macros.settings import read_settings, setting, user_config_path


def _write_vba_config(pairs: dict[str, str]) -> Path:
    """As VBA's `Write #f, name, value` writes them on Chinese Windows: quoted, CRLF, GBK."""
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("".join(f'"{k}","{v}"\r\n' for k, v in pairs.items()).encode("gbk"))
    return path


def test_config_path_follows_the_vba():
    # GetConfigFilePath: Environ("USERPROFILE") & "\." & PROJECT_NAME & "\" & PROJECT_NAME & ".conf"
    assert user_config_path() == Path(os.environ["USERPROFILE"]) / ".subsidykit" / "subsidykit.conf"


def test_settings_written_by_vba_are_read():
    _write_vba_config({"INTERPRETER_WIN": r"C:\Python311\python.exe", "YEAR": "2023", "REGION": "南京市"})
    assert read_settings() == {"INTERPRETER_WIN": r"C:\Python311\python.exe", "YEAR": "2023", "REGION": "南京市"}
    assert setting("YEAR") == "2023"
    assert setting("year", 2022) == 2022  # an explicit argument wins
    assert setting("MISSING") is None


def test_no_config_file_means_no_settings():
    assert read_settings() == {}
    assert setting("YEAR") is None


def test_the_desktop_button_uses_the_saved_year_and_region(tmp_path):
    import macros

    _write_vba_config({"YEAR": "2023", "REGION": "示例市"})
    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(LEDGER.read_bytes())
    book = _DesktopBook(ledger)
    message = macros.generate_summary(book)  # what RunPython "import macros; macros.generate_summary()" does
    assert message.startswith("已生成 2023 年度汇总表")
    wb = openpyxl.load_workbook(book.opened[0])
    assert "地区：示例市" in str(wb.worksheets[0]["A4"].value)
