"""The catalog cache: the schema validates, the cache only remembers, and is never trusted blindly."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import subprocess
import time
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from subsidykit.catalog import DATA_DIR, cache, load_catalog, load_document, records
from subsidykit.errors import CatalogError

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path = DATA_DIR) -> list[Path]:
    return sorted(Path(folder).glob("*.yaml"))


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SUBSIDYKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("SUBSIDYKIT_CACHE", raising=False)
    return folder


def test_records_py_is_generated_from_the_current_schema():
    proc = subprocess.run([sys.executable, "-m", "subsidykit.catalog.codegen", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_the_runtime_catalog_imports_neither_pydantic_nor_yaml_when_cached(cache_folder):
    cache.load(_files())  # fill the cache
    code = (
        "import sys; from subsidykit.catalog import load_catalog; c = load_catalog();"
        "print(len(c.programs), 'pydantic' in sys.modules, 'yaml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ}, check=True).stdout.split()
    assert out[1:] == ["False", "False"], out
    assert int(out[0]) > 100


def test_cached_records_equal_the_schema_validated_documents(cache_folder):
    first = cache.load(_files())  # validated and written
    assert list(cache_folder.glob("catalog-*.pickle"))
    again = cache.load(_files())  # read back
    fresh = tuple(cache.to_record(load_document(f)) for f in _files())
    assert again == fresh == first
    assert isinstance(again[0], records.Document)


def test_the_second_load_does_not_validate_again(cache_folder, monkeypatch):
    cache.load(_files())

    def refuse(files):
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(cache, "build", refuse)
    assert cache.load(_files())


def test_a_changed_data_file_is_validated_again(cache_folder, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    cache.load(_files(data))
    f = data / "000_2023.yaml"
    text = f.read_text(encoding="utf-8")
    assert "cap: 2000" in text
    f.write_text(text.replace("cap: 2000", "cap: 1999", 1), encoding="utf-8")
    docs = cache.load(_files(data))
    caps = {p.cap for d in docs for p in d.programs}
    assert Decimal("1999") in caps
    assert len(list(cache_folder.glob("catalog-*.pickle"))) == 2


def test_an_invalid_data_file_is_refused_whatever_the_cache(cache_folder, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    f = data / "000_2023.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("rate: 0.1", "rate: 10", 1), encoding="utf-8")
    with pytest.raises(CatalogError):
        cache.load(_files(data))
    assert not list(cache_folder.glob("catalog-*.pickle"))


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch " + str(Path(os.environ["SUBSIDYKIT_CACHE_DIR"]) / "PWNED"),))


def test_a_tampered_cache_file_is_refused_not_run(cache_folder):
    cache.load(_files())
    (path,) = cache_folder.glob("catalog-*.pickle")
    path.write_bytes(pickle.dumps(_Boom()))
    docs = cache.load(_files())  # refused, validated again, rewritten
    assert not (cache_folder / "PWNED").exists()
    assert isinstance(docs[0], records.Document)
    assert cache._read(path) is not None  # rewritten with good records


@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", b"x" * 1000])
def test_a_damaged_cache_file_costs_only_speed(cache_folder, damage):
    cache.load(_files())
    (path,) = cache_folder.glob("catalog-*.pickle")
    path.write_bytes(damage)
    assert cache.load(_files())[0].programs


def test_a_read_only_cache_folder_costs_only_speed(cache_folder):
    cache_folder.mkdir()
    cache_folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.geteuid() == 0:  # root writes anyway: point the cache at a path under a file instead
            os.environ["SUBSIDYKIT_CACHE_DIR"] = str(Path(os.devnull) / "cache")
        assert cache.load(_files())[0].programs
    finally:
        cache_folder.chmod(stat.S_IRWXU)


def test_the_cache_can_be_turned_off(cache_folder, monkeypatch):
    monkeypatch.setenv("SUBSIDYKIT_CACHE", "0")
    assert cache.load(_files())[0].programs
    assert not cache_folder.exists()


def test_load_catalog_serves_records():
    # (the process's own catalog: clearing it here would give later tests a different object)
    cat = load_catalog()
    assert all(isinstance(p, records.Program) for p in cat.programs)


def test_a_rule_command_loads_neither_pydantic_nor_yaml_nor_workbook_libraries(cache_folder):
    """`subsidykit cap` answers from the cached records: the schema, PyYAML, openpyxl, pandas and
    xlwings stay unloaded (they cost most of the start-up a clerk waits for)."""
    cache.load(_files())
    code = (
        "import sys, io, contextlib\n"
        "from subsidykit.cli.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    rc = main(['cap', '2023/智能制造示范工厂项目', '2.5亿'])\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'openpyxl', 'pandas', 'xlwings', 'numpy', 'python_calamine') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "0 []", out


def test_the_field_vocabulary_is_cached_and_reread_when_changed(cache_folder, tmp_path):
    from subsidykit.rules.vocabulary import FIELDS_FILE

    f = tmp_path / "fields.yaml"
    f.write_bytes(FIELDS_FILE.read_bytes())
    first = cache.load_yaml(f)
    assert "项目总投入" in first and list(cache_folder.glob("yaml-fields-*.pickle"))
    f.write_text(f.read_text(encoding="utf-8") + "\n新字段:\n  unit: 万元\n", encoding="utf-8")
    again = cache.load_yaml(f)
    assert again["新字段"] == {"unit": "万元"} and "新字段" not in first
    (cached,) = [p for p in cache_folder.glob("yaml-fields-*.pickle") if cache._read(p, valid=lambda d: "新字段" in d)]
    cached.write_bytes(pickle.dumps(_Boom()))  # tampered: refused, re-read, never run
    assert cache.load_yaml(f)["新字段"] == {"unit": "万元"}
    assert not (cache_folder / "PWNED").exists()


@pytest.mark.parametrize("kind", ["fifo", "folder", "device-link"])
def test_something_else_under_the_cache_name_is_ignored_without_blocking(cache_folder, kind):
    cache.load(_files())
    (path,) = cache_folder.glob("catalog-*.pickle")
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading would wait for a writer forever
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")  # endless bytes
    t0 = time.monotonic()
    assert cache._read(path) is None
    assert cache.load(_files())[0].programs  # validated again; the odd entry left as it is
    assert time.monotonic() - t0 < 30


def test_record_properties_work_as_the_schema_ones():
    """The generated records copy the schema's properties (alias_names): they answer as on the
    validated models (a doubled @property made them raise)."""
    docs = cache.load(_files())
    fresh = [load_document(f) for f in _files()]
    pairs = [(p, q) for d, e in zip(docs, fresh, strict=True) for p, q in zip(d.programs, e.programs, strict=True) if q.aliases]
    assert pairs
    for p, q in pairs:
        assert p.alias_names == q.alias_names
        for v, w in zip(p.variants, q.variants, strict=True):
            assert v.alias_names == w.alias_names
