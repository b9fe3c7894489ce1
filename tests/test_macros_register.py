"""The ribbon's reviews consult the project register saved in 设置 (REGISTER, issue 18): the
desktop buttons 生成汇总表, 批量校验 and 政策匹配 with a register of last year's lists imported by
`subsidykit register import` (a real process), and without one (the two conditions stay 待核实)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from test_macros_summary import _DesktopBook as _LedgerBook
from test_macros_validation import _DesktopBook as _FolderBook

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "examples" / "登记簿"
LEDGER = ROOT / "examples" / "台账_2023.xlsx"
SUBMISSION = ROOT / "examples" / "submissions" / "01_示例无锡华宇精密.xlsx"


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('ribbon-register') / 'register.db'}"
    for f in ("2022_支持项目名单.xlsx", "2022_验收结果.xlsx"):
        r = subprocess.run([sys.executable, "-m", "subsidykit.cli", "register", "import", str(LISTS / f), "--db", url],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "SUBSIDYKIT_DB": "off"}, timeout=120)
        assert r.returncode == 0, r.stdout + r.stderr
    return url


def _save_setting(url: str) -> None:
    from udfs.settings import user_config_path

    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(f'"YEAR","2023"\r\n"REGION","示例市"\r\n"REGISTER","{url}"\r\n'.encode("gbk"))


def _audit_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c) for row in wb["审核"].iter_rows(values_only=True) for c in row if c)


def test_summary_button_flags_prior_support_from_the_saved_register(register, tmp_path):
    import macros

    _save_setting(register)
    ledger = tmp_path / "台账.xlsx"
    shutil.copy(LEDGER, ledger)
    book = _LedgerBook(ledger)
    macros.generate_summary(book)
    text = _audit_text(book.opened[0])
    # examples/make_register_lists.py: 北辰 supported in 2022, not accepted; 明月 the same project
    assert "已获本专项资金支持但尚未完成验收" in text and "北辰数字化车间改造项目" in text
    assert "同一项目已获支持" in text and "2022_支持项目名单.xlsx · 支持项目 · 第 4 行" in text


def test_summary_button_without_a_register_leaves_the_conditions_to_verify(tmp_path):
    import macros

    ledger = tmp_path / "台账.xlsx"
    shutil.copy(LEDGER, ledger)
    book = _LedgerBook(ledger)
    macros.generate_summary(book, 2023, "示例市")
    text = _audit_text(book.opened[0])
    assert "已获本专项资金支持但尚未完成验收" not in text and "同一项目已获支持" not in text


def test_validate_button_flags_the_failed_acceptance(register, tmp_path):
    import macros

    _save_setting(register)
    folder = tmp_path / "申报材料"
    folder.mkdir()
    shutil.copy(SUBMISSION, folder / SUBMISSION.name)
    book = _FolderBook(tmp_path / "台账.xlsx")
    macros.validate_submissions(book, str(folder), 2023)
    rows = list(openpyxl.load_workbook(book.opened[0])["问题清单"].iter_rows(min_row=2, values_only=True))
    hits = [r for r in rows if r[4] == "HISTORY_UNACCEPTED"]
    assert len(hits) == 1 and "华宇精密铸件绿色化改造项目" in str(hits[0]) and "验收未通过" in hits[0][6]


def test_a_broken_saved_register_is_a_message_not_a_crash(tmp_path):
    import macros

    bad = tmp_path / "broken.db"
    bad.write_bytes(b"not a database" * 50)
    _save_setting(str(bad))
    ledger = tmp_path / "台账.xlsx"
    shutil.copy(LEDGER, ledger)
    book = _LedgerBook(ledger)
    message = macros.generate_summary(book)
    assert message.startswith("无法生成汇总表") and "登记簿" in message and book.opened == []
