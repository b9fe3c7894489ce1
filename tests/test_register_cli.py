"""`subsidykit register …` as a clerk runs it, on SQLite and PostgreSQL, and the hostile inputs:
a 100,000-row list under a memory limit, control characters and 32k-character names, a file
given twice, a read-only folder, a folder where the database should be, a corrupt SQLite file
(→ a clear message and exit 2, never a traceback), and the URL's password never printed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from pg import PASSWORD
from subsidykit.cli.app import main

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "台账_2023.xlsx"


def run_main(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args, env=None, drop_root: bool = False, limit_bytes: int | None = None, cwd=None):
    """The command in a process of its own (optionally under RLIMIT_AS; `drop_root`: as root
    without the capabilities that override file permissions, so a read-only folder is one)."""
    code = "import sys; from subsidykit.cli.app import main; sys.exit(main(sys.argv[1:]))"
    if limit_bytes:
        code = (f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({limit_bytes}, {limit_bytes})); " + code)
    argv = [sys.executable, "-c", code, *map(str, args)]
    if drop_root and os.geteuid() == 0:
        argv = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *argv]
    full_env = {**os.environ, "SUBSIDYKIT_DB": "off", "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=full_env, timeout=600, cwd=cwd)


def supported_list(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["企业名称", "信用代码", "项目名称", "补助金额（万元）", "年度", "县（市、区）"])
    ws.append(["示例北辰电子科技有限公司", "91320102PHQ46PN614", "北辰智能工厂一期项目", 300, 2022, "青山区"])
    ws.append(["示例明月新材料有限公司", "91320124YL52EYH459", "明月数字化车间项目", 150, 2022, "云溪县"])
    wb.save(path)
    return path


# ------------------------------------------------------------------ the commands, both databases


def test_register_commands_end_to_end(register_url, tmp_path, capsys):
    lst = supported_list(tmp_path / "支持名单_2022.xlsx")
    digest = hashlib.sha256(lst.read_bytes()).hexdigest()
    code, out, err = run_main(capsys, "register", "import", LEDGER, lst, lst, "--db", register_url)
    assert code == 0, err
    assert "台账_2023.xlsx（申报台账，年度 2023）：新增 40" in out
    assert "支持名单_2022.xlsx（支持名单，年度 2022）：新增 2" in out
    assert "已导入过" in out  # the same file given twice in one command
    assert hashlib.sha256(lst.read_bytes()).hexdigest() == digest  # the input is never modified

    code, out, err = run_main(capsys, "register", "import", lst, "--db", register_url, "--json")
    data = json.loads(out)
    assert code == 0 and data["files"][0]["already_imported"] is True

    code, out, _ = run_main(capsys, "register", "list", "--uscc", "91320102PHQ46PN614", "--db", register_url)
    assert code == 0 and "2022" in out and "2023" in out and "支持 300" in out

    code, out, _ = run_main(capsys, "register", "list", "--year", "2022", "--json", "--db", register_url)
    assert len(json.loads(out)["projects"]) == 2

    target = tmp_path / "登记簿导出.xlsx"
    code, out, _ = run_main(capsys, "register", "export", "--out", target, "--db", register_url)
    assert code == 0 and "已导出 42 个项目" in out
    assert len(list(load_workbook(target).active.iter_rows())) == 43
    code, _, err = run_main(capsys, "register", "export", "--out", target, "--db", register_url)
    assert code == 2 and "已存在" in err
    code, _, _ = run_main(capsys, "register", "export", "--out", target, "--year", "2022", "--force", "--db", register_url)
    assert code == 0 and len(list(load_workbook(target).active.iter_rows())) == 3

    code, _, err = run_main(capsys, "register", "delete", "--year", "2022", "--db", register_url)
    assert code == 2 and "--yes" in err
    code, out, _ = run_main(capsys, "register", "delete", "--year", "2022", "--yes", "--db", register_url)
    assert code == 0 and "已删除 2022 年度的 2 个项目" in out

    code, out, _ = run_main(capsys, "register", "where", "--db", register_url)
    assert code == 0 and "项目 40" in out
    code, out, _ = run_main(capsys, "register", "upgrade", "--db", register_url)
    assert code == 0 and "已是最新版本（0001）" in out


def test_the_password_is_never_printed(postgres_server, capsys):  # noqa: F811
    good = postgres_server.url(postgres_server.create_db(), password=PASSWORD)
    bad = postgres_server.url("no_such_database", password=PASSWORD)
    outputs = []
    for args in (("register", "upgrade", "--db", good), ("register", "where", "--db", good),
                 ("register", "where", "--db", bad), ("register", "list", "--db", bad, "--json")):
        code, out, err = run_main(capsys, *args)
        outputs.append((code, out + err))
    assert [c for c, _ in outputs] == [0, 0, 2, 2]
    assert all(PASSWORD not in text for _, text in outputs)
    assert "postgres:***@127.0.0.1" in outputs[1][1] and "no_such_database" in outputs[2][1]


def test_where_without_a_register_and_list_without_one(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    code, out, _ = run_main(capsys, "register", "where")
    assert code == 0 and "未配置登记簿" in out
    code, _, err = run_main(capsys, "register", "list")
    assert code == 2 and "登记簿已关闭" in err  # SUBSIDYKIT_DB=off for the whole test session


# ------------------------------------------------------------------ hostile inputs (SQLite)


def test_a_corrupt_sqlite_file_is_a_clear_error(tmp_path):
    db = tmp_path / "register.db"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    for args in (("register", "list"), ("register", "import", LEDGER)):
        proc = run_process(*args, "--db", db)
        assert proc.returncode == 2, proc.stderr
        assert "已损坏或不是 SQLite 数据库" in proc.stderr and "Traceback" not in proc.stderr
    assert db.read_bytes() == before


def test_a_folder_where_the_database_should_be(tmp_path):
    (tmp_path / "register.db").mkdir()
    proc = run_process("register", "import", LEDGER, "--db", tmp_path / "register.db")
    assert proc.returncode == 2 and "是一个文件夹" in proc.stderr and "Traceback" not in proc.stderr


def test_a_read_only_folder_for_the_database():
    base = Path(tempfile.mkdtemp(prefix="skro"))
    try:
        ro = base / "ro"
        ro.mkdir()
        lst = supported_list(base / "支持名单_2022.xlsx")
        os.chmod(base, 0o755)
        os.chmod(lst, 0o644)
        os.chmod(ro, 0o555)
        proc = run_process("register", "import", lst, "--db", ro / "sub" / "register.db", drop_root=True,
                           env={"HOME": str(base)}, cwd=base)
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "无法创建登记簿文件" in proc.stderr and "Traceback" not in proc.stderr
        assert list(ro.iterdir()) == []
    finally:
        os.chmod(base / "ro", 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_control_characters_and_32k_names(tmp_path, capsys):
    path = tmp_path / "支持名单_2022.csv"
    long_name = "示例" + "长" * 32_000 + "有限公司"
    path.write_text(
        "企业名称,信用代码,项目名称,补助金额（万元）,年度\n"
        f"示例\x01控制\x1f字符有限公司,91320102MA1AAAAA1X,项目\x07一,10,2022\n"
        f"{long_name},91320102MA1BBBBB2X,{'项' * 32_000},20,2022\n",
        encoding="utf-8",
    )
    db = tmp_path / "r.db"
    code, out, err = run_main(capsys, "register", "import", path, "--db", db)
    assert code == 0, err
    assert "新增 2" in out
    code, out, _ = run_main(capsys, "register", "list", "--json", "--db", db)
    rows = {r["统一社会信用代码"]: r for r in json.loads(out)["projects"]}
    assert rows["91320102MA1AAAAA1X"]["单位名称"] == "示例控制字符有限公司"
    assert rows["91320102MA1AAAAA1X"]["申报项目名称"] == "项目一"
    assert 0 < len(rows["91320102MA1BBBBB2X"]["单位名称"]) <= 2000
    code, _, err = run_main(capsys, "register", "export", "--out", tmp_path / "e.xlsx", "--db", db)
    assert code == 0, err


def test_a_100000_row_list_under_a_memory_limit(tmp_path):
    path = tmp_path / "支持名单_2021.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("企业名称,信用代码,项目名称,补助金额（万元）,年度,县（市、区）\n")
        for i in range(100_000):
            fh.write(f"示例企业{i}有限公司,91320100MA{i:07d}X,项目{i},100,2021,青山区\n")
    db = tmp_path / "r.db"
    proc = run_process("register", "import", path, "--db", db, limit_bytes=2 * 1024**3)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "新增 100000" in proc.stdout
    again = run_process("register", "import", path, "--db", db, limit_bytes=2 * 1024**3)
    assert again.returncode == 0 and "已导入过" in again.stdout


def test_a_password_on_the_command_line_is_warned_about_and_never_shown(tmp_path):
    """Credentials belong in the environment (PGPASSWORD, ~/.pgpass, SUBSIDYKIT_DB): a password in
    --db is visible to the machine's other users, so every command says so (and still hides it)."""
    import subprocess
    import sys

    url = "postgresql+psycopg://clerk:s3cret-cli@127.0.0.1:1/register"
    for args in (["register", "where", "--db", url], ["check", "2023/智能制造示范工厂项目", "项目总投入=3500", "--db", url]):
        r = subprocess.run([sys.executable, "-m", "subsidykit.cli", *args], capture_output=True, text=True, timeout=120)
        assert "命令行参数本机其他用户可以看到" in r.stderr and "PGPASSWORD" in r.stderr
        assert "s3cret-cli" not in r.stdout + r.stderr
