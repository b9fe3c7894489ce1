"""validate_paths validates with the caller's catalog everywhere: in-process, in the worker
processes, and in the one-process-per-file recovery after a worker dies.

The catalog here is a copy of the package's data with the 2023 智能制造示范工厂项目's maximum
award lowered from 2000 to 100 万元 (000 lines 452-454 say 10%, 最高不超过2000万元): the clean
application asks 350 = 10% x 3500, within the real cap and above the changed one.
"""

from __future__ import annotations

import os
import pickle
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from subsidykit.catalog import DATA_DIR, load_catalog
from subsidykit.validation import pool
from subsidykit.validation.checks import validate_file
from subsidykit.validation.pool import validate_paths
from tests.submission_files import SMART, write

PROGRAM = "2023-smart-factory"
N_FILES = 9  # the parallel path needs at least 8 files


@pytest.fixture(scope="module")
def low_cap_catalog(tmp_path_factory):
    data = tmp_path_factory.mktemp("catalog")
    for f in DATA_DIR.glob("*.yaml"):
        shutil.copy(f, data / f.name)
    path = data / "000_2023.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    (prog,) = [p for p in doc["programs"] if p["id"] == PROGRAM]
    assert prog["cap"] == 2000
    prog["cap"] = 100
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    cat = load_catalog(data)
    assert cat.by_id[PROGRAM].cap == Decimal(100) and load_catalog().by_id[PROGRAM].cap == Decimal(2000)
    return cat


@pytest.fixture
def submissions(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(N_FILES):
        write(folder / f"s{i}.xlsx", {**SMART, "申报项目名称": f"智能制造示范工厂项目{i}"})
    return folder


def _caps(result) -> list[tuple[str, ...]]:
    return [tuple(f.code for f in r.findings if f.code == "CAP_EXCEEDED") for r in result.files]


def _in_worker(monkeypatch) -> None:
    """Mark each result with the process that made it (forked workers inherit the patch)."""
    real = pool.validate_file

    def marked(path, **kw):
        return replace(real(path, **kw), sha256=f"pid:{os.getpid()}")

    monkeypatch.setattr(pool, "validate_file", marked)


def test_the_default_catalog_finds_no_cap_exceeded(submissions):
    result = validate_paths([submissions], workers=2)
    assert len(result.files) == N_FILES and _caps(result) == [()] * N_FILES


def test_one_file_with_the_caller_catalog(submissions, low_cap_catalog):
    res = validate_file(submissions / "s0.xlsx", catalog=low_cap_catalog)
    assert [f.code for f in res.findings] == ["CAP_EXCEEDED"] and "100 万元" in res.findings[0].message
    # the same file, the default catalog again: the program remembered per catalog, not mixed up
    assert validate_file(submissions / "s0.xlsx").findings == []


@pytest.mark.parametrize("workers", [1, 2])
def test_the_workers_validate_with_the_caller_catalog(submissions, low_cap_catalog, monkeypatch, workers):
    _in_worker(monkeypatch)
    result = validate_paths([submissions], workers=workers, catalog=low_cap_catalog)
    pids = {r.sha256 for r in result.files}
    if workers > 1:  # the files were validated in the worker processes, not here
        assert f"pid:{os.getpid()}" not in pids
    else:
        assert pids == {f"pid:{os.getpid()}"}
    assert _caps(result) == [("CAP_EXCEEDED",)] * N_FILES
    assert all("100 万元" in r.findings[0].message for r in result.files)


def test_after_a_worker_dies_the_isolated_files_keep_the_caller_catalog(submissions, low_cap_catalog, monkeypatch):
    """The first file kills its worker: every later file is validated again in a process of its
    own (`pool._isolated`), still with the caller's catalog."""
    shutil.copy(submissions / "s0.xlsx", submissions / "a_crash.xlsx")  # sorted first
    real = pool.validate_file

    def dying(path, **kw):
        if Path(path).name == "a_crash.xlsx":
            import faulthandler

            faulthandler.disable()  # the abort is the point; keep pytest's output clean
            os.abort()
        return replace(real(path, **kw), sha256=f"pid:{os.getpid()}")

    monkeypatch.setattr(pool, "validate_file", dying)
    result = validate_paths([submissions], workers=2, catalog=low_cap_catalog)
    crashed, *rest = result.files
    assert Path(crashed.file).name == "a_crash.xlsx" and [f.field for f in crashed.findings] == ["crashed"]
    assert len(rest) == N_FILES and _caps(result)[1:] == [("CAP_EXCEEDED",)] * N_FILES
    assert len({r.sha256 for r in rest}) == N_FILES  # one process each
    assert f"pid:{os.getpid()}" not in {r.sha256 for r in rest}


def test_a_spawned_worker_gets_the_catalog_whole():
    """Where workers are spawned, not forked, the catalog crosses as a pickle (once per worker)."""
    cat = load_catalog()
    again = pickle.loads(pickle.dumps(cat))
    assert [p.id for p in again.programs] == [p.id for p in cat.programs]
    assert again.by_id[PROGRAM].cap == cat.by_id[PROGRAM].cap
