"""What a clerk's one-line command imports (issue 15): `cap`, `show`, `check` and `sample` answer
from the cached catalog and vocabulary without the modules that cost start-up.

Not a timing test (benchmarks/cli_bench.py measures): it fails when an import creeps back onto
the path of these commands, e.g. an `@dataclass` in the engine (dataclasses imports inspect,
≈8 ms), pydantic or PyYAML (the cache was not used), shutil (argparse's terminal width), or a
workbook library.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# dataclasses/inspect/typing: the engine's records are plain classes; shutil: argparse's width;
# pydantic/yaml: the catalog and fields.yaml come from the cache; the rest: workbook commands only
# (sqlalchemy/alembic/psycopg: `check` without a register, SUBSIDYKIT_DB=off in conftest)
NOT_AT_START = (
    "dataclasses", "inspect", "typing", "shutil", "difflib", "threading", "pydantic", "yaml",
    "openpyxl", "pandas", "numpy", "xlwings", "python_calamine", "formulas", "tempfile", "json",
    "sqlalchemy", "alembic", "psycopg",  # the project register: only when one is configured (issue 18)
)  # fmt: skip

PROBE = """
import contextlib, io, json, sys
before = set(sys.modules)
from subsidykit.cli.app import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
loaded = sorted(set(sys.modules) - before)
print(json.dumps({"code": code, "out": out.getvalue(), "loaded": loaded}, ensure_ascii=False))
"""

COMMANDS = {
    "cap": ["cap", "2023/智能制造示范工厂项目", "2.5亿"],
    "show": ["show", "2023/智能制造示范工厂项目"],
    "check": ["check", "2023/智能制造示范工厂项目", "项目总投入=3500", "完工日期=2022-06-30", "--only-given"],
    "sample": ["sample", "47"],
}


def _run(argv: list[str], env: dict) -> dict:
    # `json` is imported by the probe only after the command ran (it is in `before` otherwise)
    probe = PROBE.replace("import contextlib, io, json, sys", "import contextlib, io, sys").replace(
        "print(json.dumps(", "import json\nprint(json.dumps("
    )
    proc = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, encoding="utf-8", env=env, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("startup-cache")
    env = {**os.environ, "SUBSIDYKIT_CACHE_DIR": str(folder), "COLUMNS": "100"}
    env.pop("SUBSIDYKIT_CACHE", None)
    _run(COMMANDS["check"], env)  # fills the catalog and vocabulary caches
    return env


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_one_line_command_imports_nothing_heavy(env, name):
    got = _run(COMMANDS[name], env)
    assert got["code"] == 0, got["out"]
    assert got["out"].strip(), "the command printed nothing"
    heavy = [m for m in NOT_AT_START if m in got["loaded"]]
    assert heavy == [], f"subsidykit {name} imported {heavy}"


def test_the_probe_would_see_a_heavy_import(env):
    """The probe is not blind: `programs --json` imports json after the probe started watching."""
    got = _run(["programs", "--year", "2023", "--json"], env)
    assert "json" in got["loaded"]


def test_a_first_run_without_cache_builds_it_with_the_schema(tmp_path):
    env = {**os.environ, "SUBSIDYKIT_CACHE_DIR": str(tmp_path / "cold")}
    env.pop("SUBSIDYKIT_CACHE", None)
    got = _run(COMMANDS["check"], env)
    assert got["code"] == 0
    assert "pydantic" in got["loaded"] and "yaml" in got["loaded"]  # validated, then cached
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cold").glob("*.pickle")) == ["catalog", "vocabulary"]
    again = _run(COMMANDS["check"], env)
    assert "pydantic" not in again["loaded"] and again["out"] == got["out"]
