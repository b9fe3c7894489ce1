"""Attacks on the issue-18 surfaces: `subsidykit register import|list|export|delete`, the `--db`
URLs of every command, the city roll-up and =APPLICANT_HISTORY — each a case a careful clerk
expects to end in a message, never a traceback, a lost input or a raw escape on the terminal.

Every command runs as a process of its own under an address-space limit (`run`: 1.5 GiB, set in
preexec_fn), its peak resident memory read with `os.wait4`; HOME is a fresh folder and
SUBSIDYKIT_DB is unset unless a case sets it, so no test touches the user's register.

Found and fixed here (see /work/notes/status_attack.md): formulas reaching outside the workbook
(DDE, links to other files) were imported by their saved values and other formulas silently; an
Excel error value could become a company name; a name cut at 2,000 characters was not said;
`register export --force` wrote over an imported list and over the register's own file; an
in-memory SQLite URL "imported" into nothing; /dev/null as the register gave "disk I/O error";
a register path with control characters reached the terminal raw; the register file given as
a list was "not a workbook"; =APPLICANT_HISTORY split a 10 MB years text and turned an error
value into "年度应为数字", and on the server named the database in its #N/A message.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from hostile_corpus import _rows, xlsx  # noqa: E402

LIMIT = 3 << 29  # 1.5 GiB of address space for every command run here
COUNTIES = ROOT / "examples" / "县区台账"
USCC = ("91320102PHQ46PN614", "91320124YL52EYH459", "91320181DQ94BLLU6C", "913201001234567890",
        "91320100MA1234567X", "91320100MA1234568X", "91320100MA1234569X")
RAW_ESCAPES = ("\x1b", "\x07", "\x00", "\u202e", "\x9b")


def _limit():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def run(*args, env: dict | None = None, drop_root: bool = False, timeout: float = 300, code: str | None = None):
    """(exit code, stdout, stderr, peak resident MB) of `python -m subsidykit.cli ARGS` (or of the
    script `code`), in a process of its own under RLIMIT_AS."""
    home = tempfile.mkdtemp(prefix="sk-home-")
    full_env = {k: v for k, v in os.environ.items() if k != "SUBSIDYKIT_DB"}
    full_env.update({"HOME": home, "PYTHONPATH": str(ROOT), **(env or {})})
    argv = [sys.executable, "-c", code, *map(str, args)] if code else [sys.executable, "-m", "subsidykit.cli", *map(str, args)]
    if drop_root and os.geteuid() == 0:  # root without the capabilities that override file modes
        argv = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *argv]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=full_env, cwd=ROOT, preexec_fn=_limit)
        start = time.monotonic()
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                pytest.fail(f"timed out: {args}")
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "surrogateescape")
        stderr = err.read().decode("utf-8", "surrogateescape")
    shutil.rmtree(home, ignore_errors=True)
    assert "Traceback" not in stderr, stderr[-3000:]
    return proc.returncode, stdout, stderr, usage.ru_maxrss // 1024


def sha(p: Path) -> str:
    return hashlib.sha256(Path(p).read_bytes()).hexdigest()


def no_raw_escapes(text: str) -> bool:
    return not any(ch in text for ch in RAW_ESCAPES)


def _t(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


HEAD = '<row r="1">' + _t("A1", "企业名称") + _t("B1", "信用代码") + _t("C1", "项目名称") + _t("D1", "补助金额（万元）") + _t("E1", "年度") + "</row>"


def _row(n: int, name: str, uscc: str, project: str, award: int) -> str:
    return f'<row r="{n}">' + _t(f"A{n}", name) + _t(f"B{n}", uscc) + _t(f"C{n}", project) + f'<c r="D{n}"><v>{award}</v></c><c r="E{n}"><v>2022</v></c></row>'


def code_of(i: int) -> str:
    """A valid 统一社会信用代码 (its check character computed), one per number."""
    from subsidykit.rules.uscc import check_char

    body = f"91320100MA{i:07d}"
    return body + check_char(body)


def good_list(path: Path, rows: int = 1, first: int = 0) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名单")
    ws.append(["企业名称", "信用代码", "项目名称", "补助金额（万元）", "年度"])
    for i in range(first, first + rows):
        ws.append([f"示例{i:05d}科技有限公司", code_of(i), f"第{i}号智能化改造项目", 10 + i % 90, 2022])
    wb.save(path)
    return path


def list_json(db: Path | str) -> list[dict]:
    code, out, err, _ = run("register", "list", "--json", "--db", db)
    assert code == 0, err
    return json.loads(out)["projects"]


# ------------------------------------------------------------------ (a) a sparse sheet at XFD1048576


def test_a_cell_at_xfd1048576_without_dimension_is_a_finding_and_the_other_files_import(tmp_path):
    # one cell at XFD1048576 and no <dimension>: calamine would reserve the whole rectangle
    # (~17 G cells, ~512 GB); the safe reader refuses it from the XML before anything allocates
    sparse = tmp_path / "稀疏_支持名单_2022.xlsx"
    sparse.write_bytes(xlsx(_rows(HEAD + _row(2, "示例甲科技有限公司", USCC[0], "甲项目", 100)
                                  + '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>')))
    good = good_list(tmp_path / "支持名单_2022.xlsx")
    before = {p: sha(p) for p in (sparse, good)}
    db = tmp_path / "r.db"
    start = time.monotonic()
    code, out, err, peak = run("register", "import", sparse, good, "--db", db)
    assert code == 2, err  # a file could not be imported: exit 2, the others are in
    assert "稀疏_支持名单_2022.xlsx：无法导入" in out and "过大" in out and "1048576" in out
    assert "支持名单_2022.xlsx（支持名单，年度 2022）：新增 1" in out
    assert peak < 400 and time.monotonic() - start < 60, (peak, time.monotonic() - start)
    assert [p["统一社会信用代码"] for p in list_json(db)] == [code_of(0)]
    assert {p: sha(p) for p in (sparse, good)} == before


# ------------------------------------------------------------------ (b) formulas, DDE, error values


def test_formulas_dde_and_error_values_in_a_supported_list(tmp_path):
    cells = (
        # a name by formula with a saved value; an amount by DDE (its saved 300 is the sender's)
        '<row r="2"><c r="A2" t="str"><f>"示例乙"&amp;"有限公司"</f><v>示例乙有限公司</v></c>' + _t("B2", USCC[1]) + _t("C2", "乙项目")
        + "<c r=\"D2\"><f>cmd|' /C calc'!A0</f><v>300</v></c><c r=\"E2\"><v>2022</v></c></row>"
        # a name by HYPERLINK out, an amount from another workbook
        + '<row r="3"><c r="A3" t="str"><f>HYPERLINK("http://x.invalid","示例丙有限公司")</f><v>示例丙有限公司</v></c>'
        + _t("B3", USCC[2]) + _t("C3", "丙项目") + '<c r="D3"><f>[1]Sheet1!A1*2</f><v>50</v></c><c r="E3"><v>2022</v></c></row>'
        # formulas never calculated: the name and the amount are blank, said
        + '<row r="4"><c r="A4"><f>CONCAT("示例丁","公司")</f></c>' + _t("B4", USCC[3]) + _t("C4", "丁项目")
        + '<c r="D4"><f>1+1</f></c><c r="E4"><v>2022</v></c></row>'
        # a plain formula with its saved value: used, with a note
        + '<row r="5">' + _t("A5", "示例戊有限公司") + _t("B5", USCC[4]) + _t("C5", "戊项目")
        + '<c r="D5"><f>SUM(100,20)</f><v>120</v></c><c r="E5"><v>2022</v></c></row>'
        # an error value where the name should be
        + '<row r="6"><c r="A6" t="e"><v>#REF!</v></c>' + _t("B6", USCC[5]) + _t("C6", "己项目")
        + '<c r="D6"><v>10</v></c><c r="E6"><v>2022</v></c></row>'
    )
    lst = tmp_path / "公式_支持名单.xlsx"
    lst.write_bytes(xlsx(_rows(HEAD + cells)))
    digest = sha(lst)
    db = tmp_path / "r.db"
    code, out, err, _ = run("register", "import", lst, "--db", db)
    assert code == 0, err
    assert "新增 3" in out and "跳过 2" in out, out
    assert "D2「支持金额」的公式含DDE" in out and "cmd|' /C calc'!A0" in out
    assert "A3「单位名称」的公式含超链接" in out and "D3「支持金额」的公式含外部链接" in out
    assert "A4「单位名称」、D4「支持金额」 为未计算的公式" in out and "按空白读取" in out
    assert "1 个单元格为公式（申报表!D5），已按文件保存的计算结果读取" in out  # A2's row was skipped
    assert "「单位名称」为错误值 #REF!，按空白读取" in out
    projects = {p["统一社会信用代码"]: p for p in list_json(db)}
    assert set(projects) == {USCC[3], USCC[4], USCC[5]}  # never the DDE row, never the linked one
    assert projects[USCC[4]]["支持金额"] == "120.0000"
    assert projects[USCC[3]]["单位名称"] == "" and projects[USCC[3]]["支持金额"] is None
    assert projects[USCC[5]]["单位名称"] == ""  # not "#REF!"
    for p in projects.values():
        assert not any(w in json.dumps(p, ensure_ascii=False) for w in ("cmd|", "HYPERLINK", "CONCAT", "#REF!", "=")), p
    assert sha(lst) == digest
    # the same file again: nothing changes, and it says so
    code, out, _, _ = run("register", "import", lst, "--db", db, "--json")
    assert code == 0 and json.loads(out)["files"][0]["already_imported"] is True


# ------------------------------------------------------------------ (c) the register given as a list


def test_the_register_file_given_as_an_input_is_refused_by_name(tmp_path):
    db = tmp_path / "登记簿.db"
    good = good_list(tmp_path / "支持名单_2022.xlsx")
    assert run("register", "import", good, "--db", db)[0] == 0
    link = tmp_path / "看起来像名单.xlsx"
    link.symlink_to(db)
    digest = sha(db)
    other = good_list(tmp_path / "支持名单2_2022.xlsx", first=1)
    code, out, err, _ = run("register", "import", db, link, other, "--db", db)
    assert code == 2, err
    assert out.count("这是登记簿文件本身，不是名单文件") == 2, out
    assert "支持名单2_2022.xlsx（支持名单，年度 2022）：新增 1" in out  # the list beside them goes in
    assert len(list_json(db)) == 2
    assert sha(db) != digest  # (the register changed by the other file only: it still opens)
    # another register's file is not a list either: a finding, not a traceback
    code, out, _, _ = run("register", "import", db, "--db", tmp_path / "另一个.db")
    assert code == 2 and "无法导入" in out and "不是工作簿" in out


# ------------------------------------------------------------------ (d) long names, control characters


def _esc(s: str) -> str:
    """Text for an inline string: characters XML 1.0 cannot hold written as Excel writes them."""
    import html

    return "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 and ch not in "\t\n\r" else html.escape(ch) for ch in s)


def test_a_32000_character_name_and_terminal_escapes_are_stored_safely_and_printed_escaped(tmp_path):
    long = "长" * 31_996 + "有限公司"
    names = [long, "示例\x1b[31m红色\x1b[0m有限公司", "示例\u202e反向\u202c有限公司", "示例\x07铃\x08有限公司\r\n（盖章）", "示例\x00零有限公司"]
    rows = "".join(
        _row(i, _esc(n), USCC[i - 2], _esc(f"项目\x1b]0;标题\x07{i}"), 10) for i, n in enumerate(names, start=2)
    )
    lst = tmp_path / "名称_支持名单_2022.xlsx"
    lst.write_bytes(xlsx(_rows(HEAD + rows)))
    csv_ = tmp_path / "名称_支持名单_2022.csv"
    csv_.write_text("企业名称,信用代码,项目名称,补助金额（万元）,年度\n示例\x00零\x1b[2J有限公司,91320100MA1234569X,清屏项目,5,2022\n", encoding="utf-8")
    db = tmp_path / "r.db"
    code, out, err, peak = run("register", "import", lst, csv_, "--db", db)
    assert code == 2, err  # the csv holding a NUL byte is refused as binary: said, the xlsx imported
    assert "名称_支持名单_2022.xlsx（支持名单，年度 2022）：新增 5" in out
    assert "名称_支持名单_2022.csv：无法导入" in out and "二进制" in out
    assert "「单位名称」有 32000 个字符，登记簿只保存前 2000 个" in out
    assert no_raw_escapes(out + err) and peak < 500
    projects = {p["统一社会信用代码"]: p for p in list_json(db)}
    assert len(projects[USCC[0]]["单位名称"]) == 2000
    names_stored = [projects[u]["单位名称"] for u in USCC[1:5]]
    assert names_stored == ["示例[31m红色[0m有限公司", "示例\u202e反向\u202c有限公司", "示例铃有限公司 （盖章）", "示例零有限公司"]
    assert all(no_raw_escapes(projects[u]["申报项目名称"].replace("\u202e", "")) for u in USCC[:5])
    code, out, err, _ = run("register", "list", "--db", db)
    assert code == 0 and no_raw_escapes(out + err)
    assert "示例\\u202e反向\\u202c有限公司" in out  # a bidi override shown, not obeyed
    code, out, _, _ = run("register", "list", "--json", "--db", db)
    assert no_raw_escapes(out) and "\\u202e" in out


# ------------------------------------------------------------------ (e) export targets


def test_export_never_over_an_input_or_the_register_and_says_why_elsewhere(tmp_path):
    lst = good_list(tmp_path / "支持名单_2022.xlsx", rows=3)
    db = tmp_path / "登记簿.json"  # a register whose file name an export could take for its own
    assert run("register", "import", lst, "--db", db)[0] == 0
    digest = sha(lst)
    for force in ((), ("--force",)):
        code, out, err, _ = run("register", "export", "--out", lst, "--db", db, *force)
        assert code == 2 and "是导入过登记簿的名单文件，不能覆盖输入文件" in err and out == "", err
        code, out, err, _ = run("register", "export", "--out", db, "--db", db, *force)
        assert code == 2 and "就是登记簿文件本身" in err and out == "", err
    assert sha(lst) == digest and len(list_json(db)) == 3  # the list and the register untouched
    link = tmp_path / "指向名单.xlsx"
    link.symlink_to(lst)
    code, _, err, _ = run("register", "export", "--out", link, "--db", db, "--force")
    assert code == 2 and "不能覆盖输入文件" in err and sha(lst) == digest
    folder = tmp_path / "导出.xlsx"
    folder.mkdir()
    code, _, err, _ = run("register", "export", "--out", folder, "--db", db, "--force")
    assert code == 2 and "是一个文件夹" in err
    code, _, err, _ = run("register", "export", "--out", "/dev/null", "--db", db, "--force")
    assert code == 2 and "不是普通文件" in err and Path("/dev/null").is_char_device()
    readonly = tmp_path / "只读"
    readonly.mkdir()
    readonly.chmod(0o555)
    try:
        code, _, err, _ = run("register", "export", "--out", readonly / "登记簿.xlsx", "--db", db, drop_root=True)
        assert code == 2 and "没有写入权限" in err, err
        assert list(readonly.iterdir()) == []  # no temporary file left behind
    finally:
        readonly.chmod(0o755)
    out_file = tmp_path / "登记簿导出.csv"
    code, out, err, _ = run("register", "export", "--out", out_file, "--db", db)
    assert code == 0 and "已导出 3 个项目" in out and (out_file.stat().st_mode & 0o777) == 0o600
    code, _, err, _ = run("register", "export", "--out", out_file, "--db", db)
    assert code == 2 and "已存在" in err  # an existing export needs --force


# ------------------------------------------------------------------ (f) --db URLs


def test_an_unreachable_postgresql_server_exits_2_in_chinese_without_the_password(tmp_path):
    url = "postgresql+psycopg://u:s3cret@127.0.0.1:1/x"
    lst = good_list(tmp_path / "支持名单_2022.xlsx")
    sub = ROOT / "examples" / "submissions" / "03_示例常州远泰新材.xlsx"
    for args in (("register", "list", "--db", url), ("register", "where", "--db", url), ("register", "import", lst, "--db", url),
                 ("register", "export", "--out", tmp_path / "x.csv", "--db", url),
                 ("validate", sub, "--no-progress", "--db", url), ("check", "2023/智能制造示范工厂项目", "项目总投入=3500", "--db", url),
                 ("register", "list", "--db", "postgresql://u@127.0.0.1:1/x?password=s3cret")):
        code, out, err, _ = run(*args)
        assert code == 2, (args, out, err)
        assert "无法打开登记簿" in err and "s3cret" not in out + err, (args, err)
    code, out, err, _ = run("validate", sub, "--no-progress", env={"SUBSIDYKIT_DB": "mysql://u:s3cret@h/x"})
    assert code == 2 and "不支持的登记簿地址" in err and "s3cret" not in out + err


def test_sqlite_urls_at_a_folder_a_device_memory_and_garbage(tmp_path):
    lst = good_list(tmp_path / "支持名单_2022.xlsx")
    folder = tmp_path / "文件夹"
    folder.mkdir()
    cases = [
        (f"sqlite:///{folder}", "是一个文件夹"),
        (str(folder), "是一个文件夹"),
        ("sqlite:////dev/null", "不是普通文件"),
        ("/dev/null", "不是普通文件"),
        ("sqlite://", "内存中的 SQLite"),  # before: "新增 1" into a database gone at exit
        ("sqlite:///:memory:", "内存中的 SQLite"),
    ]
    for url, said in cases:
        for args in (("register", "import", lst), ("register", "list")):
            code, out, err, _ = run(*args, "--db", url)
            assert code == 2 and said in err, (url, args, out, err)
    assert Path("/dev/null").is_char_device() and list(folder.iterdir()) == []
    # garbage in SUBSIDYKIT_DB: a reviewing command stops with the reason, before any work
    sub = ROOT / "examples" / "submissions" / "03_示例常州远泰新材.xlsx"
    for garbage in ("garbage%%://??", "sqlite:///nonexistent/dir/x.db", "::::"):
        code, out, err, _ = run("validate", sub, "--no-progress", env={"SUBSIDYKIT_DB": garbage})
        assert code == 2 and "登记簿" in err and out == "", (garbage, out, err)
    # SUBSIDYKIT_DB=off: no register, said in the report
    code, out, err, _ = run("validate", sub, "--no-progress", env={"SUBSIDYKIT_DB": "off"})
    assert code in (0, 1) and "未配置登记簿" in out + err


def test_a_register_path_with_dot_dot_and_control_characters_is_created_and_printed_escaped(tmp_path):
    lst = good_list(tmp_path / "支持名单_2022.xlsx")
    (tmp_path / "a").mkdir()
    url = f"sqlite:///{tmp_path}/a/../b/登记\x1b[31m\x07簿.db"
    code, out, err, _ = run("register", "import", lst, "--db", url)
    assert code == 0, err
    assert no_raw_escapes(out + err) and "\\x1b[31m\\x07" in out
    made = tmp_path / "b" / "登记\x1b[31m\x07簿.db"
    assert made.is_file() and (made.stat().st_mode & 0o777) == 0o600
    for sub in ("where", "list", "upgrade"):
        code, out, err, _ = run("register", sub, "--db", url)
        assert code == 0 and no_raw_escapes(out + err), (sub, out, err)
    code, out, err, _ = run("register", "delete", "--year", "2022", "--yes", "--db", url)
    assert code == 0 and no_raw_escapes(out) and "已删除 2022 年度的 1 个项目" in out


# ------------------------------------------------------------------ (g) delete without --yes


def test_delete_without_yes_deletes_nothing(tmp_path):
    db = tmp_path / "r.db"
    assert run("register", "import", good_list(tmp_path / "支持名单_2022.xlsx", rows=4), "--db", db)[0] == 0
    digest = sha(db)
    code, out, err, _ = run("register", "delete", "--year", "2022", "--db", db)
    assert code == 2 and "确认请加 --yes" in err and "2022" in err and out == ""
    code, _, err, _ = run("register", "delete", "--year", "2021-2023", "--yes", "--db", db)
    assert code == 2 and "只能给一个年度" in err
    assert sha(db) == digest and len(list_json(db)) == 4


# ------------------------------------------------------------------ (h) the city roll-up


def test_city_roll_up_with_a_hostile_sheet_the_output_as_input_and_a_symlink(tmp_path):
    a, b = (shutil.copy(COUNTIES / n, tmp_path / n) for n in ("丰县_2021年度申报台账.xlsx", "台账B_2021.xlsx"))
    a, b = Path(a), Path(b)
    hostile = tmp_path / "睢宁县台账_2021.xlsx"
    hostile.write_bytes(xlsx(_rows('<row r="1">' + _t("A1", "单位名称") + "</row>"
                                   '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>')))
    out = tmp_path / "徐州市_附件2.xlsx"
    base = ("--level", "city", "--region", "徐州市", "--year", "2021", "--db", "off")
    digests = {p: sha(p) for p in (a, b, hostile)}
    code, stdout, err, peak = run("summary", a, b, hostile, *base, "--out", out)
    assert code == 1, err  # written, one input left out
    assert "睢宁县台账_2021.xlsx：文件无法读取" in stdout + err and "未并入" in stdout + err
    assert "已写入" in stdout and out.is_file() and peak < 500
    # the output given as an input: refused before anything is read, the file unchanged
    written = sha(out)
    code, stdout, err, _ = run("summary", a, b, out, *base, "--out", out, "--force")
    assert code == 2 and "就是输入文件" in err and sha(out) == written
    # a symlink to another input: the same file twice is refused (it would count twice)
    link = tmp_path / "沛县链接.xlsx"
    link.symlink_to(b)
    code, _, err, _ = run("summary", a, b, link, *base, "--out", tmp_path / "x.xlsx")
    assert code == 2 and "是同一个文件" in err and not (tmp_path / "x.xlsx").exists()
    # the output a symlink to an input
    code, _, err, _ = run("summary", a, hostile, b, *base, "--out", link, "--force")
    assert code == 2 and "就是输入文件" in err
    # a symlink to a file that is no input: --force replaces the link, never the file it points to
    code, _, err, _ = run("summary", a, hostile, *base, "--out", link, "--force")
    assert code == 1 and not link.is_symlink() and sha(b) == digests[b], err
    assert {p: sha(p) for p in (a, b, hostile)} == digests


# ------------------------------------------------------------------ (i) =APPLICANT_HISTORY


HISTORY_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    import udfs.history as h
    from udfs.cells import XlErr
    db, uscc = sys.argv[1], sys.argv[2]
    h.register_url = lambda d=None: db
    out = {}
    for label, args in [
        ("ok", (uscc,)),
        ("uscc 10MB", ("9" * 10_000_000,)),
        ("years 10MB", (uscc, "2022," * 2_000_000)),
        ("uscc error", (XlErr("#REF!"),)),
        ("years error", (uscc, XlErr("#N/A"))),
        ("years error in a column", (uscc, [[2022], [XlErr("#DIV/0!")]])),
        ("years huge range", (uscc, "1000-9999")),
        ("years 50 and more", (uscc, "2000-2099")),
        ("years 1e308", (uscc, 1e308)),
        ("years column 1M", (uscc, [[2022]] * 1_000_000)),
    ]:
        t = time.monotonic()
        v = h.APPLICANT_HISTORY(*args)
        out[label] = {"value": v if isinstance(v, list) else str(v), "message": getattr(v, "message", None),
                      "seconds": time.monotonic() - t}
    print(json.dumps(out, ensure_ascii=False))
    """
)


def test_applicant_history_with_megabytes_error_values_and_huge_ranges(tmp_path):
    db = tmp_path / "r.db"
    assert run("register", "import", good_list(tmp_path / "支持名单_2022.xlsx"), "--db", db)[0] == 0
    uscc = code_of(0)
    code, out, err, peak = run(f"sqlite:///{db}", uscc, code=HISTORY_SCRIPT)
    assert code == 0, err
    r = json.loads(out)
    assert r["ok"]["value"][1][0] == 2022 and r["ok"]["value"][1][2] == "第0号智能化改造项目"
    assert r["uscc 10MB"]["value"] == "#VALUE!" and "文字过长" in r["uscc 10MB"]["message"]
    assert r["years 10MB"]["value"] == "#VALUE!" and "文字过长" in r["years 10MB"]["message"]  # before: split, 3.4 s
    assert r["uscc error"]["value"] == "#REF!"
    assert r["years error"]["value"] == "#N/A" and r["years error in a column"]["value"] == "#DIV/0!"  # passed on
    assert r["years huge range"]["value"] == "#VALUE!" and r["years 50 and more"]["value"] == "#VALUE!"
    assert r["years 1e308"]["value"] == "#VALUE!"
    assert r["years column 1M"]["value"][1][0] == 2022
    assert all(v["seconds"] < 5 for v in r.values()), r
    assert peak < 600 and all(len(v["message"] or "") < 2100 for v in r.values())


def test_applicant_history_on_the_server_never_names_the_database(tmp_path, monkeypatch):
    import udfs.history as h

    db = tmp_path / "r.db"
    assert run("register", "import", good_list(tmp_path / "支持名单_2022.xlsx"), "--db", db)[0] == 0
    url = f"postgresql+psycopg://clerk:s3cret@10.0.0.9:1/register?connect_timeout=1"
    monkeypatch.setattr(h, "ON_SERVER", True)
    monkeypatch.setattr(h, "register_url", lambda d=None: f"sqlite:///{db}")
    monkeypatch.setattr(h, "finish", lambda values, shape, single: values[0] if single else values)
    missing = h.APPLICANT_HISTORY("913201004JURQ28308")
    assert missing == "#N/A" and "本服务器的登记簿中没有" in missing.message and str(db) not in missing.message
    monkeypatch.setattr(h, "register_url", lambda d=None: url)
    broken = h.APPLICANT_HISTORY("913201004JURQ28308")
    assert broken == "#VALUE!" and "本服务器的登记簿无法读取" in broken.message
    assert "10.0.0.9" not in broken.message and "s3cret" not in broken.message


# ------------------------------------------------------------------ (j) 10,000 rows, twice


def test_a_10000_row_list_twice_and_its_copy_import_once_within_bounds(tmp_path):
    lst = good_list(tmp_path / "支持名单_2022.xlsx", rows=10_000)
    copy = tmp_path / "支持名单_2022_副本.xlsx"
    shutil.copy(lst, copy)
    db = tmp_path / "r.db"
    start = time.monotonic()
    code, out, err, peak = run("register", "import", lst, lst, copy, "--db", db)
    took = time.monotonic() - start
    assert code == 0, err
    assert "支持名单_2022.xlsx（支持名单，年度 2022）：新增 10000" in out
    assert out.count("已导入过（文件内容相同），登记簿未改变") == 2  # the same file again, and its copy
    assert took < 120 and peak < 700, (took, peak)
    code, out, _, _ = run("register", "where", "--json", "--db", db)
    counts = json.loads(out)["counts"]
    assert counts["项目"] == 10_000 and counts["导入文件"] == 1
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from source").fetchone()[0] == 10_000  # no row stored twice
    con.close()
