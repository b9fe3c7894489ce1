"""Hostile names and places: the CLI gives a Chinese message and exit 2 (or a FILE_UNREADABLE
finding), never a traceback, a hang, a broken report or a forged terminal line.

Real processes under an address-space limit and a timeout (see test_outputs_safety.run_cli).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook

from tests.test_outputs_safety import CLEAN, ERRORS, ROOT, as_user, chinese, run_cli

# ------------------------------------------------------------------ finding 8: crashes


def test_long_chinese_file_name_with_annotate(tmp_path):
    stem = "江苏省工业和信息产业转型升级专项资金项目申报表示例无锡华宇精密机械有限公司高端数控机床智能制造示范工厂项目申报材料最终版修改稿第三次" + "提交的正式版本再改稿"
    assert len(stem) == 76 and len(f"{stem}_校验标注.xlsx".encode()) == 246  # fits 255, its temporary file did not
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ERRORS, folder / f"{stem}.xlsx")
    shutil.copy(ERRORS, folder / f"{stem[:-1]}乙.xlsx")  # the same long prefix: the copies must stay apart
    ann = tmp_path / "ann"
    code, out, err = run_cli("validate", folder, "--annotate", ann, "--no-progress")
    assert code == 1, err
    copies = sorted(ann.iterdir())
    assert len(copies) == 2, out
    for p in copies:
        assert len(p.name.encode()) <= 255 and p.name.endswith("_校验标注.xlsx")
        assert load_workbook(p).sheetnames[0] == "校验结果"
    assert "标注副本 2 个" in out


@pytest.fixture()
def shared_dir():
    """A folder an unprivileged user can read (tmp_path's parents are private to root)."""
    d = Path(tempfile.mkdtemp(prefix="sk-ro-"))
    d.chmod(0o755)
    yield d
    for p in d.rglob("*"):
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(d)


def _unprivileged(cwd: Path) -> int | None:
    """None when not root; else a user id the CLI can run as (root ignores a read-only folder)."""
    if os.geteuid() != 0:
        return None
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: a read-only folder cannot be simulated")
    probe = subprocess.run(
        [*as_user(65534), sys.executable, "-c", "import subsidykit.cli.app"],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot run Python as an unprivileged user here: {probe.stderr[-200:]!r}")
    return 65534


def test_read_only_output_folder_is_a_clear_message(shared_dir):
    sub = shared_dir / "a.xlsx"
    shutil.copy(ERRORS, sub)
    sub.chmod(0o644)
    ro = shared_dir / "只读"
    ro.mkdir()
    ro.chmod(0o555)
    who = _unprivileged(shared_dir)
    cases = [
        ("validate", sub, "--annotate", ro, "--no-progress"),
        ("validate", sub, "--annotate", ro / "新建", "--no-progress"),
        ("validate", sub, "--report", ro / "报告.xlsx", "--no-progress"),
    ]
    for args in cases:
        code, out, err = run_cli(*args, drop_to=who, cwd=shared_dir)
        assert code == 2, (args, out, err)
        assert "无法在" in err and "权限" in err, err
        assert out == ""  # refused before validating: no findings printed
    assert list(ro.iterdir()) == []


def test_read_only_summary_output_is_a_clear_message(shared_dir):
    sys.path.insert(0, str(ROOT / "tests"))
    from ledgers import write_ledger

    ledger = write_ledger(shared_dir / "台账.xlsx")
    ledger.chmod(0o644)
    ro = shared_dir / "只读"
    ro.mkdir()
    ro.chmod(0o555)
    for extra in (["--out", ro / "汇总.xlsx"], ["--out", shared_dir / "汇总.xlsx", "--forms", ro]):
        code, out, err = run_cli("summary", ledger, "--year", "2023", *extra, drop_to=_unprivileged(shared_dir), cwd=shared_dir)
        assert code == 2 and "权限" in err, err
    assert list(ro.iterdir()) == [] and not (shared_dir / "汇总.xlsx").exists()


def test_dev_zero_is_a_finding_not_a_crash(tmp_path):
    code, out, err = run_cli("validate", "/dev/zero", "--no-progress", timeout=60)
    assert code == 1 and "FILE_UNREADABLE" in out and "设备" in out, err
    code, out, err = run_cli(
        "validate", "/dev/zero", "--report", tmp_path / "r.xlsx", "--annotate", tmp_path / "ann", "--json", timeout=60
    )
    assert code == 1, err
    data = json.loads(out)
    assert data["files"][0]["findings"][0]["code"] == "FILE_UNREADABLE"
    assert load_workbook(tmp_path / "r.xlsx")["文件"]["B2"].value == "无法读取"


def test_fifo_on_the_command_line_or_in_a_folder_does_not_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "a.xlsx")
    os.mkfifo(folder / "管道.xlsx")
    code, out, err = run_cli("validate", folder / "管道.xlsx", "--no-progress", timeout=60)
    assert code == 1 and "FILE_UNREADABLE" in out and "管道" in out, err
    code, out, err = run_cli("validate", folder, "--report", tmp_path / "r.xlsx", "--annotate", tmp_path / "ann", "--no-progress", timeout=60)
    assert code in (0, 1), err
    assert (tmp_path / "ann" / "a_校验标注.xlsx").exists()
    code, _, err = run_cli("summary", folder / "管道.xlsx", "--year", "2023", timeout=60)
    assert code == 2 and "不是普通文件" in err


def _xml_parts_parse(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                ET.fromstring(z.read(name))  # raises ParseError when not well-formed


NASTY = ["控制\x01字符.xlsx", "换行\n[通过] 假.xlsx", "百分号 %41 井号#1.xlsx", "引号\"<&>.xlsx", "退格\x08制表\t.xlsx"]


def test_control_characters_in_file_names_make_a_report_that_opens(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(NASTY):
        shutil.copy(ERRORS if i % 2 else CLEAN, folder / name)
    report = tmp_path / "报告.xlsx"
    ann = tmp_path / "ann"
    code, out, err = run_cli("validate", folder, "--report", report, "--annotate", ann, "--no-progress")
    assert code == 1, err
    _xml_parts_parse(report)
    wb = load_workbook(report)
    links = [c.hyperlink.target for c in wb["文件"]["A"][1:]]
    assert len(links) == len(NASTY)
    assert any("%01" in t for t in links) and any("%0A" in t for t in links)
    assert any("%2541" in t and "%231" in t for t in links)  # "%" and "#" of a name do not act as URI syntax
    for t in links:
        assert not any(ord(ch) < 0x20 for ch in t)
    issues = wb["问题清单"]
    assert any("#'" in (c.hyperlink.target if c.hyperlink else "") for c in issues["A"][1:])
    copies = sorted(ann.iterdir())
    assert len(copies) == len(NASTY)
    for p in copies:  # the copies' names carry no control characters
        assert not any(ord(ch) < 0x20 for ch in p.name), p.name
        _xml_parts_parse(p)
        load_workbook(p)


def test_usage_errors_exit_2_without_a_traceback(tmp_path):
    sub = tmp_path / "a.xlsx"
    shutil.copy(CLEAN, sub)
    (tmp_path / "文件").write_text("x")
    cases = [
        ("validate", tmp_path / ("长" * 120 + ".xlsx")),  # ENAMETOOLONG on the input
        ("validate", sub, "--report", tmp_path / "文件" / "r.xlsx"),  # parent is a file
        ("validate", sub, "--annotate", tmp_path / "文件"),
        ("validate", sub, "--report", tmp_path / ("长" * 90 + ".xlsx")),  # the report's own name too long
        ("validate", sub, "--report", "/dev/null", "--force"),
        ("summary", tmp_path, "--year", "2023"),  # a folder as the ledger
    ]
    for args in cases:
        code, _, err = run_cli(*args)
        assert code == 2, (args, err)
        assert "错误：" in err, err
        assert chinese(err)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# ------------------------------------------------------------------ finding 10: the terminal


def test_file_names_cannot_forge_or_colour_terminal_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    names = {
        "坏\n[通过] 伪造.xlsx": ERRORS,
        "\x1b[31m红色\x1b[0m.xlsx": ERRORS,
        "响铃\x07回车\r覆盖.xlsx": ERRORS,
        "\u202egnp.xlsx": CLEAN,
    }
    for name, src in names.items():
        shutil.copy(src, folder / name)
    code, out, err = run_cli("validate", folder, "--no-progress")
    assert code == 1, err
    raw = out + err
    for bad in ("\x1b", "\x07", "\r", "\u202e"):
        assert bad not in raw, repr(bad)
    lines = out.split("\n")
    assert not [line for line in lines if line.startswith("[通过]")]
    states = [line for line in lines if line.endswith(("：无错误", "：有错误", "：无法读取"))]
    assert len(states) == len(names)
    assert sum(line.endswith("：无错误") for line in states) == 1  # only the clean one
    assert any("坏\\n[通过] 伪造.xlsx：有错误" in line for line in states)
    assert any("\\x1b[31m红色\\x1b[0m.xlsx" in line for line in states)
    assert any("\\u202egnp.xlsx：无错误" in line for line in states)
    # JSON: the same names, escaped, and the exact names after decoding
    code, out, _ = run_cli("validate", folder, "--json")
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert {Path(f["file"]).name for f in json.loads(out)["files"]} == set(names)


def test_cli_messages_escape_file_names(tmp_path):
    code, out, err = run_cli("validate", tmp_path / "无此\x1b[2J文件\n[通过].xlsx")
    assert code == 2 and "\x1b" not in err and "\\x1b[2J" in err
    assert len([line for line in err.splitlines() if line]) == 1


def test_ledger_text_is_escaped_in_summary_messages(tmp_path):
    """Cell text reaches the terminal escaped: ESC and a newline in a company name (stored the
    way Excel stores control characters, ``_x001B_``) and a bidi override in a category."""
    sys.path.insert(0, str(ROOT / "tests"))
    from ledgers import PROJECTS, write_ledger

    rows = [list(r) for r in PROJECTS]
    rows[0][1] = "ESC[31m伪造公司\n  第9行 其他"
    rows[0][5] = "不存在的类别\u202e"
    ledger = write_ledger(tmp_path / "台账.xlsx", rows)
    with zipfile.ZipFile(ledger) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/") and name.endswith(".xml"):
            parts[name] = data.replace("ESC[31m".encode(), b"_x001B_[31m")
    with zipfile.ZipFile(ledger, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    code, out, err = run_cli("summary", ledger, "--year", "2023", "--out", tmp_path / "o.xlsx")
    assert code == 0, err
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert "[31m伪造公司\\n  第9行 其他：不存在的类别\\u202e" in err  # ESC itself is dropped or escaped by now
    assert not [line for line in err.splitlines() if line.startswith("  第9行")]
