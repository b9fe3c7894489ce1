"""The project register (issue 18): the same tests on SQLite and on a real PostgreSQL
(`register_url` is parametrised: ids sqlite, postgresql; tests/pg.py starts the cluster and a
failure to start FAILS the tests, never skips them).

Imports of the example ledger and our own 附件2, a supported list and an acceptance list written
here with the varied wording of published lists; idempotency; the matching rules (USCC; name
only when one side has no USCC; never two USCCs that differ); history and histories; export and
delete by year; Alembic; the 10,000-row import timing.
"""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from subsidykit.errors import RegisterError
from subsidykit.intake import import_files
from subsidykit.intake.export import write_rows
from subsidykit.register import open_register
from subsidykit.register.ingest import Batch, IncomingRow

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "台账_2023.xlsx"
# Three enterprises of the example ledger (examples/台账_2023.xlsx rows 5-7)
BEICHEN = ("91320102PHQ46PN614", "示例北辰电子科技有限公司", "北辰智能制造示范工厂建设项目")
MINGYUE = ("91320124YL52EYH459", "示例明月新材料有限公司", "明月生产线高端化改造项目")
NANLING = ("91320181DQ94BLLU6C", "示例南岭智能装备有限公司", "南岭关键基础件产业化项目")


@pytest.fixture(scope="module")
def summary_2023(tmp_path_factory) -> Path:
    """Our own 附件2 of the example ledger (`subsidykit summary`, as `make demo` writes it)."""
    from subsidykit.cli.app import main

    out = tmp_path_factory.mktemp("summary") / "附件2_入库项目汇总表_2023.xlsx"
    assert main(["summary", str(LEDGER), "--year", "2023", "--out", str(out)]) in (0, 1)
    return out


@pytest.fixture
def reg(register_url):
    r = open_register(register_url, create=True)
    yield r
    r.close()


def write_list(path: Path, header: list[str], rows: list[list], *, title: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    if title:
        ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def supported_2022(tmp_path: Path) -> Path:
    """A published list of 2022 supported projects: 企业名称 / 信用代码 / 补助金额（万元）."""
    return write_list(
        tmp_path / "2022年度支持项目名单.xlsx",
        ["序号", "企业名称", "信用代码", "项目名称", "项目类别", "补助金额（万元）", "县（市、区）"],
        [
            [1, BEICHEN[1], BEICHEN[0], "北辰智能工厂一期项目", "智能制造示范工厂项目", 300, "青山区"],
            [2, MINGYUE[1], MINGYUE[0], "明月数字化车间项目", "智能化改造数字化转型项目", "150", "云溪县"],
            [3, "示例无码科技有限公司", None, "无码技术改造项目", "", 80, "青山区"],
        ],
        title="2022年度江苏省工业和信息产业转型升级专项资金支持项目名单",
    )


def accepted_list(tmp_path: Path, name: str = "验收结果.xlsx") -> Path:
    """Acceptance results: 申报单位 / 统一社会信用代码 / 验收结论 / 验收时间."""
    return write_list(
        tmp_path / name,
        ["申报单位", "统一社会信用代码", "项目名称", "年度", "验收结论", "验收时间"],
        [
            [BEICHEN[1], BEICHEN[0], "北辰智能工厂一期项目", 2022, "通过", "2023-12-20"],
            [MINGYUE[1], MINGYUE[0], "明月数字化车间项目", 2022, "不通过", "2023-12-21"],
            ["示例查无此企业有限公司", "91320100MA1XXXXX0X", "不存在的项目", 2022, "合格", "2023-12-22"],
        ],
    )


# ------------------------------------------------------------------ opening and migrations


def test_sqlite_file_is_private_and_migrated(tmp_path):
    url = f"sqlite:///{tmp_path}/new/folder/register.db"
    with open_register(url, create=True) as r:
        assert r.counts() == {"企业": 0, "项目": 0, "来源": 0, "导入文件": 0}
    db = tmp_path / "new" / "folder" / "register.db"
    assert db.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "new" / "folder").stat().st_mode & 0o777 == 0o700


def test_missing_sqlite_file_without_create_is_a_register_error(tmp_path):
    with pytest.raises(RegisterError, match="登记簿文件不存在"):
        open_register(f"sqlite:///{tmp_path}/none.db")
    assert not (tmp_path / "none.db").exists()


def test_models_and_migration_0001_agree(register_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from subsidykit.register.models import Base

    open_register(register_url, create=True).close()
    engine = create_engine(register_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_unknown_revision_asks_for_a_newer_program(register_url):
    from sqlalchemy import create_engine, text

    open_register(register_url, create=True).close()
    engine = create_engine(register_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(RegisterError, match="比本程序新"):
        open_register(register_url)


def test_uninitialised_database_asks_for_upgrade_then_upgrade_works(register_url, tmp_path):
    from sqlalchemy import create_engine, text

    from subsidykit.register.store import upgrade_register

    (tmp_path / "reg").mkdir()
    engine = create_engine(register_url)
    with engine.begin() as conn:  # a database that holds something else, not yet a register
        conn.execute(text("CREATE TABLE other_table (x integer)"))
    engine.dispose()
    with pytest.raises(RegisterError, match="register upgrade"):
        open_register(register_url)
    assert upgrade_register(register_url) == (None, "0001")
    assert upgrade_register(register_url) == ("0001", "0001")
    with open_register(register_url) as r:
        assert r.counts()["项目"] == 0


# ------------------------------------------------------------------ imports


def test_ledger_then_our_summary_merge_and_reimport_changes_nothing(reg, summary_2023):
    summary = summary_2023
    first = import_files(reg, [LEDGER, summary])
    led, summ = first
    assert led.kind == "ledger" and summ.kind == "summary"
    assert led.counts["新增"] == 40 and led.counts["未匹配"] == 0
    assert led.years == [2023] and summ.years == [2023]
    # our 附件2 carries no USCC: its rows merge into the ledger's by name (the ledger has the USCC)
    assert summ.counts["新增"] == 0 and summ.counts["合并"] >= 30
    before = reg.counts()
    again = import_files(reg, [LEDGER, summary, LEDGER])
    assert all(r.already for r in again)
    assert reg.counts() == before
    rows = reg.export_rows(uscc=BEICHEN[0])
    assert len(rows) == 1
    assert rows[0]["状态"] == "已推荐（入库）"  # the summary (recommended) outranks the ledger (applied)
    assert rows[0]["申报项目类别"] == "2023/智能制造示范工厂项目"
    assert "ledger:台账_2023.xlsx · 申报台账 · 第 5 行" in rows[0]["来源"]


def test_same_file_twice_in_one_command_is_imported_once(reg, tmp_path):
    path = supported_2022(tmp_path)
    a, b = import_files(reg, [path, path])
    assert not a.already and b.already
    assert reg.counts()["项目"] == 3


def test_supported_list_with_other_wording_sets_status_award_and_coverage(reg, tmp_path):
    (out,) = import_files(reg, [supported_2022(tmp_path)])
    assert out.kind == "supported" and out.counts["新增"] == 3 and out.years == [2022]
    (p,) = reg.projects(BEICHEN[0])
    assert (p.year, p.status, p.award, p.county, p.accepted) == (2022, "supported", Decimal("300"), "青山区", None)
    assert p.program.startswith("2022/") and p.program.endswith("/智能制造示范工厂项目")  # the catalog's label
    assert p.source == "2022年度支持项目名单.xlsx · Sheet1 · 第 3 行"
    assert reg.covered_years() == (2022,)


def test_acceptance_list_updates_results_and_lists_what_it_cannot_attach(reg, tmp_path):
    import_files(reg, [supported_2022(tmp_path)])
    (out,) = import_files(reg, [accepted_list(tmp_path)])
    assert out.kind == "accepted"
    assert out.counts["更新结果"] == 2 and out.counts["新增"] == 0
    assert [(r, "登记簿中没有该企业" in m) for _s, r, m in out.unmatched] == [(4, True)]
    (beichen,) = reg.projects(BEICHEN[0])
    (mingyue,) = reg.projects(MINGYUE[0])
    assert beichen.accepted is True and str(beichen.accepted_on) == "2023-12-20"
    assert mingyue.accepted is False
    assert "验收结果.xlsx · Sheet1 · 第 3 行" in mingyue.source


def test_an_acceptance_list_imported_too_early_attaches_when_imported_again(reg, tmp_path):
    acc = accepted_list(tmp_path)
    (first,) = import_files(reg, [acc])
    assert first.counts["更新结果"] == 0 and len(first.unmatched) == 3
    before = reg.counts()
    (same,) = import_files(reg, [acc])
    assert same.already and len(same.unmatched) == 3 and reg.counts() == before  # nothing changed
    import_files(reg, [supported_2022(tmp_path)])
    (later,) = import_files(reg, [acc])
    assert not later.already and later.counts["更新结果"] == 2 and len(later.unmatched) == 1
    assert reg.projects(BEICHEN[0])[0].accepted is True
    (last,) = import_files(reg, [acc])
    assert last.already


def test_same_name_with_a_different_uscc_is_never_merged(reg, tmp_path):
    import_files(reg, [supported_2022(tmp_path)])
    other = write_list(
        tmp_path / "2023支持名单.xlsx",
        ["单位名称", "统一社会信用代码", "项目名称", "支持金额（万元）", "年度"],
        [[BEICHEN[1], "91320102MA2AAAAA1X", "另一个项目", 100, 2023]],
    )
    (out,) = import_files(reg, [other])
    assert len(out.unmatched) == 1 and "名称相同但信用代码不同" in out.unmatched[0][2]
    assert [p.year for p in reg.projects(BEICHEN[0])] == [2022]  # untouched
    assert [p.year for p in reg.projects("91320102MA2AAAAA1X")] == [2023]
    # an acceptance row with the differing USCC attaches to nothing
    acc = write_list(tmp_path / "验收.xlsx", ["企业名称", "信用代码", "项目名称", "验收结果"],
                     [[BEICHEN[1], "91320102MA2BBBBB2X", "北辰智能工厂一期项目", "通过"]])
    (out,) = import_files(reg, [acc])
    assert out.counts["更新结果"] == 0 and "名称相同但信用代码不同" in out.unmatched[0][2]
    assert reg.projects(BEICHEN[0])[0].accepted is None


def test_name_only_rows_match_by_name_and_gain_the_uscc(reg, tmp_path):
    import_files(reg, [supported_2022(tmp_path)])  # 示例无码科技有限公司 has no USCC
    later = write_list(
        tmp_path / "台账_2024.xlsx",
        ["企业名称", "统一社会信用代码", "项目名称", "申报年度"],
        [["示例无码科技 有限公司", "91320102MA3CCCCC3X", "无码二期项目", 2024]],
    )
    (out,) = import_files(reg, [later], kind="ledger")
    assert out.counts["新增"] == 1 and out.unmatched == []
    assert [p.year for p in reg.projects("91320102MA3CCCCC3X")] == [2022, 2024]


# ------------------------------------------------------------------ history


def test_history_priors_same_year_and_coverage(reg, tmp_path):
    import_files(reg, [supported_2022(tmp_path), accepted_list(tmp_path)])
    import_files(reg, [LEDGER])  # 2023 applications, each with its county
    h = reg.history(uscc=MINGYUE[0], applicant=None, year=2023, county="云溪县")
    assert [(p.year, p.status, p.accepted) for p in h.priors] == [(2022, "supported", False)]
    assert h.same_year == ()  # its own 2023 entry is in 云溪县, the county under review
    assert h.covered_years == (2022,) and h.where.startswith("登记簿 ")
    other_county = reg.history(uscc=MINGYUE[0], applicant=None, year=2023, county="青山区")
    assert [p.county for p in other_county.same_year] == ["云溪县"]
    by_file = reg.history(uscc=MINGYUE[0], applicant=None, year=2023, source_file="台账_2023.xlsx")
    assert by_file.same_year == ()
    # by name: the query without USCC finds the enterprise; an unknown one has nothing
    by_name = reg.history(uscc=None, applicant="示例明月新材料有限公司", year=2023, county="云溪县")
    assert by_name.priors == h.priors
    nobody = reg.history(uscc="91320100MA9ZZZZZ9X", applicant="示例明月新材料有限公司", year=2023)
    assert nobody.priors == () and nobody.same_year == ()  # a different USCC never matches by name


def test_histories_batch_equals_one_by_one(reg, tmp_path):
    import_files(reg, [supported_2022(tmp_path), accepted_list(tmp_path), LEDGER])
    keys = [(BEICHEN[0], BEICHEN[1]), (None, MINGYUE[1]), (NANLING[0], None), (None, "示例无码科技有限公司"),
            ("91320100MA9ZZZZZ9X", None)]
    batch = reg.histories(keys, 2023, county="青山区")
    assert list(batch) == keys
    for k in keys:
        assert batch[k] == reg.history(uscc=k[0], applicant=k[1], year=2023, county="青山区")
    assert batch[(BEICHEN[0], BEICHEN[1])].priors[0].accepted is True


# ------------------------------------------------------------------ export, delete


def test_export_three_formats_and_refuse_overwrite(reg, tmp_path):
    import_files(reg, [supported_2022(tmp_path)])
    for suffix in (".json", ".csv", ".xlsx"):
        out = tmp_path / f"export{suffix}"
        n = reg.export(out, write=lambda p, rows: write_rows(p, rows))
        assert n == 3 and out.exists()
        assert out.stat().st_mode & 0o777 == 0o600  # enterprise data: readable by its owner only
    data = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    assert {d["统一社会信用代码"] for d in data} >= {BEICHEN[0], MINGYUE[0]}
    assert (tmp_path / "export.csv").read_text(encoding="utf-8-sig").startswith("年度,统一社会信用代码")
    from subsidykit.errors import BadInputError

    with pytest.raises(BadInputError, match="已存在"):
        reg.export(tmp_path / "export.csv", write=lambda p, rows: write_rows(p, rows))


def test_delete_year_removes_projects_sources_and_coverage(reg, tmp_path):
    import_files(reg, [supported_2022(tmp_path), LEDGER])
    assert reg.delete_year(2022) == 3
    assert reg.covered_years() == ()
    assert all(r["年度"] == 2023 for r in reg.export_rows())
    assert reg.counts()["企业"] == 40  # the enterprises of the 2023 ledger remain, 示例无码 is gone


# ------------------------------------------------------------------ scale


def test_import_of_10000_rows_takes_seconds(reg, capsys):
    rows = [IncomingRow("Sheet1", i + 2, year=2021 + i % 3, uscc=f"91320100MA{i:07d}X",
                        applicant=f"示例企业{i}有限公司", project=f"项目{i}", county="青山区",
                        award=Decimal("100"), cells={"单位名称": {"cell": f"Sheet1!B{i + 2}", "value": "x"}})
            for i in range(10_000)]
    t = time.perf_counter()
    out = reg.import_rows(Batch(file="/x/支持名单.xlsx", sha256="b" * 64, kind="supported", rows=rows))
    took = time.perf_counter() - t
    assert out.counts["新增"] == 10_000
    t = time.perf_counter()
    hs = reg.histories([(f"91320100MA{i:07d}X", None) for i in range(0, 10_000, 10)], 2024)
    lookup = time.perf_counter() - t
    assert all(len(h.priors) == 1 for h in hs.values())
    with capsys.disabled():
        print(f"\n[{reg.url.split(':')[0]}] import 10,000 rows: {took:.2f} s; histories of 1,000: {lookup:.3f} s")
    assert took < 60 and lookup < 10


# ------------------------------------------------------------------ URLs, packaging (no database)


def test_resolve_url_order_and_forms(tmp_path, monkeypatch):
    from subsidykit.register import resolve_url

    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_url(None, env={}) is None  # no --db, no SUBSIDYKIT_DB, no ~/.subsidykit/register.db
    default = tmp_path / ".subsidykit" / "register.db"
    default.parent.mkdir()
    default.touch()
    assert resolve_url(None, env={}) == f"sqlite:///{default}"
    assert resolve_url(None, env={"SUBSIDYKIT_DB": "OFF"}) is None
    assert resolve_url("none", env={"SUBSIDYKIT_DB": "x.db"}) is None
    assert resolve_url("", env={}) is None
    assert resolve_url(None, env={"SUBSIDYKIT_DB": "postgresql://u:p@h/db"}) == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("~/r.db", env={"SUBSIDYKIT_DB": "other.db"}) == f"sqlite:///{tmp_path}/r.db"
    monkeypatch.chdir(tmp_path)
    assert resolve_url("x.db", env={}) == f"sqlite:///{tmp_path}/x.db"
    assert resolve_url("sqlite:////abs/r.db", env={}) == "sqlite:////abs/r.db"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://clerk:pa:ss@db.example:5432/reg", "postgresql+psycopg://clerk:***@db.example:5432/reg"),
        ("postgresql+psycopg://clerk@db/reg?password=secret&sslmode=require", "postgresql+psycopg://clerk@db/reg?password=***&sslmode=require"),
        ("sqlite:////home/a/register.db", "sqlite:////home/a/register.db"),
    ],
)
def test_redact_hides_the_password(url, shown):
    from subsidykit.register import redact

    assert redact(url) == shown


def test_importing_the_register_package_does_not_load_sqlalchemy():
    import subprocess
    import sys

    code = "import sys, subsidykit.register as r; r.resolve_url(None); print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_migrations_ship_as_package_data():
    import fnmatch
    import tomllib

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["subsidykit.register"]
    pkg = ROOT / "subsidykit" / "register"
    files = [p.relative_to(pkg).as_posix() for p in (pkg / "migrations").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert "migrations/versions/0001_initial.py" in files and "migrations/env.py" in files
    assert all(any(fnmatch.fnmatch(f, g) for g in globs) for f in files), files


def test_the_head_revision_constant_is_alembics_head():
    """migrate.HEAD lets a register open without importing Alembic; it must name the newest
    revision shipped in register/migrations/versions."""
    from subsidykit.register import migrate

    assert migrate.HEAD == migrate.head_revision()


# ------------------------------------------------------------------ review findings (fixed)


def test_counties_files_of_the_same_name_still_show_the_other_countys_entry(reg, tmp_path):
    """Counties often all send 台账.xlsx: the application's own entry is known by its file's
    content and county, so another county's same-named file is still another county's."""
    head = ["序号", "申报单位", "统一社会信用代码", "申报项目名称", "申报项目类别", "申报年度", "县（市、区）"]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = write_list(tmp_path / "a" / "台账.xlsx", head, [[1, MINGYUE[1], MINGYUE[0], "甲项目", "智能制造示范工厂项目", 2024, "青山区"]])
    b = write_list(tmp_path / "b" / "台账.xlsx", head, [[1, MINGYUE[1], MINGYUE[0], "甲扩建项目", "智能制造示范工厂项目", 2024, "云溪县"]])
    import_files(reg, [a, b], kind="ledger")
    h = reg.history(uscc=MINGYUE[0], applicant=MINGYUE[1], year=2024, county="青山区", source_file=str(a))
    assert [(p.county, p.project) for p in h.same_year] == [("云溪县", "甲扩建项目")]
    # the application's own file and county: not "another"
    h = reg.history(uscc=MINGYUE[0], applicant=MINGYUE[1], year=2024, county="云溪县", source_file=str(b))
    assert [(p.county, p.project) for p in h.same_year] == [("青山区", "甲项目")]


def test_an_acceptance_without_a_year_goes_to_the_supported_project_not_a_later_application(reg, tmp_path):
    sup = write_list(tmp_path / "2022年度支持项目名单.xlsx", ["序号", "企业名称", "信用代码", "项目名称", "项目类别", "补助金额（万元）"],
                     [[1, NANLING[1], NANLING[0], "南岭智能工厂项目", "智能制造示范工厂项目", 300]],
                     title="2022年度江苏省工业和信息产业转型升级专项资金支持项目名单")
    led = write_list(tmp_path / "台账_2024.xlsx", ["序号", "申报单位", "统一社会信用代码", "申报项目名称", "申报项目类别", "申报年度"],
                     [[1, NANLING[1], NANLING[0], "南岭智能工厂项目", "智能制造示范工厂项目", 2024]])
    acc = write_list(tmp_path / "验收结果.xlsx", ["申报单位", "统一社会信用代码", "项目名称", "验收结论", "验收时间"],
                     [[NANLING[1], NANLING[0], "南岭智能工厂项目", "通过", "2023-12-20"]])
    import_files(reg, [sup, led, acc])
    by_year = {p.year: p for p in reg.projects(NANLING[0])}
    assert (by_year[2022].status, by_year[2022].accepted) == ("supported", True)
    assert (by_year[2024].status, by_year[2024].accepted) == ("applied", None)  # never raised to 已支持
    h = reg.history(uscc=NANLING[0], applicant=NANLING[1], year=2024)
    assert [(p.year, p.accepted) for p in h.priors] == [(2022, True)]
