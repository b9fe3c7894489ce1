"""Every reader of the project over the whole hostile corpus (tests/hostile_corpus.py), each in a
process of its own under a 1.5 GB address-space limit, so a reader that allocates without
bound fails the test instead of the machine.

Issue 11, findings 3, 4, 5, 7 and 8 (reader part): a refusal is a clear message (an
UnreadableWorkbook reason, a FILE_UNREADABLE finding, a BadInputError), quickly, never a
crash, a hang or a traceback; the corpus files are never changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import write_corpus, write_special

ROOT = Path(__file__).resolve().parents[1]
MEMORY = 1536 * 1024 * 1024

READERS = r"""
import json, sys, time, traceback
from pathlib import Path
from subsidykit.errors import SubsidyError
from subsidykit.workbooks.safe import UnreadableWorkbook, read_workbook
from subsidykit.validation.checks import validate_file
from subsidykit.workbooks.ledger import sheet_values
from subsidykit.summary.build import build_from_file

def run(reader, path):
    t = time.perf_counter()
    try:
        if reader == "read_workbook":
            raw = read_workbook(path)
            out = {"outcome": "read", "sheets": len(raw.sheets), "formulas": [(f.cell, f.external) for f in raw.formulas]}
        elif reader == "read_workbook_legacy":
            raw = read_workbook(path, legacy=True)
            out = {"outcome": "read", "sheets": len(raw.sheets)}
        elif reader == "validate_file":
            res = validate_file(path)
            codes = [f.code for f in res.findings]
            out = {"outcome": "read" if res.readable else "refused", "codes": codes,
                   "messages": [f.message for f in res.findings if f.code == "FILE_UNREADABLE"]}
        elif reader == "sheet_values":
            name, values = sheet_values(path)
            out = {"outcome": "read", "rows": len(values)}
        elif reader == "summary":
            s = build_from_file(path, year=2023)
            out = {"outcome": "read"}
    except UnreadableWorkbook as exc:
        out = {"outcome": "refused", "reason": exc.reason, "message": exc.message}
    except SubsidyError as exc:
        out = {"outcome": "refused", "message": exc.message}
    except BaseException as exc:
        out = {"outcome": "crash", "error": type(exc).__name__, "trace": traceback.format_exc()[-800:]}
    out.update(reader=reader, file=Path(path).name, seconds=round(time.perf_counter() - t, 3))
    print(json.dumps(out, ensure_ascii=False), flush=True)

reader = sys.argv[1]
for path in sys.argv[2:]:
    run(reader, path)
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _run_reader(reader: str, paths: list[Path], timeout: float = 240) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", READERS, reader, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 0, f"{reader} ended with {proc.returncode}:\n{proc.stderr[-3000:]}"
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    cases = write_corpus(folder)
    digests = {name: hashlib.sha256((folder / name).read_bytes()[:1 << 20]).hexdigest() for name in cases}
    yield folder, cases
    for name, digest in digests.items():  # inputs are sacred
        assert hashlib.sha256((folder / name).read_bytes()[:1 << 20]).hexdigest() == digest, name


@pytest.mark.parametrize("reader", ["read_workbook", "read_workbook_legacy", "validate_file", "sheet_values", "summary"])
def test_every_reader_refuses_the_hostile_corpus_quickly_without_crashing(corpus, reader):
    folder, cases = corpus
    results = _run_reader(reader, [folder / name for name in cases])
    assert len(results) == len(cases)
    for res in results:
        case = cases[res["file"]]
        assert res["outcome"] != "crash", res
        assert res["seconds"] < 10, res
        if not case.readable:
            assert res["outcome"] == "refused", res


def test_far_cell_without_dimension_is_refused_before_calamine_allocates(corpus):
    """Finding 4: XFD1048576 and no <dimension>: calamine would abort the process (exit 134)."""
    folder, _cases = corpus
    (res,) = _run_reader("read_workbook", [folder / "xfd_no_dimension.xlsx"])
    assert res["reason"] == "too_large" and "1048576" in res["message"], res
    (res,) = _run_reader("validate_file", [folder / "xfd_no_dimension.xlsx"])
    assert res["codes"] == ["FILE_UNREADABLE"], res


def test_formula_far_down_is_refused_in_a_blink(corpus):
    """Finding 5: a formula at row 30,000,000 took 55 s and 4.3 GB; at 900,000,000 MemoryError."""
    folder, _cases = corpus
    results = _run_reader("validate_file", [folder / "formula_row_30m.xlsx", folder / "formula_row_900m.xlsx"])
    for res in results:
        assert res["outcome"] == "refused" and res["seconds"] < 2, res
        assert "30000000" in res["messages"][0] or "900000000" in res["messages"][0]


def test_ledger_edge_cases_are_messages(corpus):
    """Finding 7: `<sheets/>` and a truncated sheet gave tracebacks; a 2 GB ledger was read into memory."""
    folder, _cases = corpus
    results = {r["file"]: r for r in _run_reader("sheet_values", [folder / n for n in ("no_sheets.xlsx", "truncated_sheet.xlsx", "padded_2gb.xlsx")])}
    assert "没有工作表" in results["no_sheets.xlsx"]["message"]
    assert "损坏" in results["truncated_sheet.xlsx"]["message"]
    assert "过大" in results["padded_2gb.xlsx"]["message"] and results["padded_2gb.xlsx"]["seconds"] < 1


def test_legacy_and_ods_ledgers_are_checked_before_reading(corpus):
    """.xls and .ods ledgers are read through the same limits (BIFF cell records, repeated ODS rows)."""
    folder, cases = corpus
    names = ["ods_repeated_rows.ods"] + (["xls_far_cell.xls"] if "xls_far_cell.xls" in cases else [])
    for res in _run_reader("sheet_values", [folder / n for n in names]):
        assert res["outcome"] == "refused" and "过大" in res["message"], res


def test_hostile_csv_is_refused_by_every_reader_with_the_limit_it_breaks(corpus):
    """Issue 13 item 5: a 100 MB line (size), a 10 MB line (line-length cap), 10^6 columns and
    300,000 rows (counted while reading), for forms and ledgers alike."""
    folder, _cases = corpus
    names = ["csv_line_100mb.csv", "csv_long_line.csv", "csv_million_columns.csv", "csv_many_rows.csv"]
    for reader in ("read_workbook", "sheet_values"):
        results = {r["file"]: r for r in _run_reader(reader, [folder / n for n in names])}
        for name in names:
            res = results[name]
            assert res["outcome"] == "refused" and res["seconds"] < 3, res
            assert "过大" in res["message"] or "超过" in res["message"] or "上限" in res["message"], res
        assert "1000000 列" in results["csv_million_columns.csv"]["message"] or "1000000" in results["csv_million_columns.csv"]["message"]
        assert "个字符" in results["csv_long_line.csv"]["message"]


def test_dde_and_outside_links_are_errors_even_with_a_cached_value(corpus):
    """Finding 3: `cmd|' /C calc'!A0` with a cached value was 通过 with no finding."""
    folder, _cases = corpus
    (res,) = _run_reader("read_workbook", [folder / "dde_formula.xlsx"])
    assert sorted(res["formulas"]) == [["A3", "外部链接"], ["B1", "DDE"], ["B2", "超链接"]]
    (res,) = _run_reader("validate_file", [folder / "dde_formula.xlsx"])
    assert res["codes"].count("FORMULA_EXTERNAL") == 3


def test_fifo_and_devices_are_refused_by_type_without_blocking(tmp_path):
    """Finding 8: `validate /dev/zero` read to MemoryError; a FIFO hung."""
    special = write_special(tmp_path)
    results = _run_reader("validate_file", [special["fifo"], Path("/dev/zero")], timeout=30)
    for res in results:
        assert res["outcome"] == "refused" and "不是普通文件" in res["messages"][0], res


def _cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "subsidykit.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_cli_validate_over_the_corpus_reports_every_file(corpus):
    """Finding 4 (CLI): exit 134 and no report; with a process pool BrokenProcessPool and empty output."""
    folder, cases = corpus
    proc = _cli("validate", str(folder), "--json", "--workers", "2", "--no-progress")
    assert proc.returncode == 1, proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    by_name = {Path(f["file"]).name: f for f in data["files"]}
    expected = set(cases)  # every file of the folder is listed (read, refused or not a workbook)
    assert expected <= set(by_name)
    for name in expected:
        if not cases[name].readable:
            assert [x["code"] for x in by_name[name]["findings"]] == ["FILE_UNREADABLE"], name
    assert "Traceback" not in proc.stderr


def test_cli_summary_of_a_hostile_ledger_is_exit_2_with_a_message(corpus):
    folder, _cases = corpus
    for name in ("xfd_no_dimension.xlsx", "no_sheets.xlsx", "truncated_sheet.xlsx"):
        proc = _cli("summary", str(folder / name), "--year", "2023", "--out", str(folder / f"out_{name}"))
        assert proc.returncode == 2, (name, proc.stderr[-1500:])
        assert "Traceback" not in proc.stderr and proc.stderr.startswith("错误："), proc.stderr


def test_a_worker_that_dies_costs_one_file_not_the_batch(tmp_path, monkeypatch):
    """A file that kills its worker process (however: abort in native code) is FILE_UNREADABLE;
    every other file of the batch is still validated."""
    import shutil

    from subsidykit.validation import pool as checks
    examples = sorted((ROOT / "examples" / "submissions").glob("*.xlsx"))[:9]
    for p in examples:
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "zz_crash.xlsx").write_bytes(examples[0].read_bytes())
    real = checks.validate_file

    def dying(path, **kw):
        if Path(path).name == "zz_crash.xlsx":
            import faulthandler

            faulthandler.disable()  # the abort is the point; keep pytest's output clean
            os.abort()
        return real(path, **kw)

    monkeypatch.setattr(checks, "validate_file", dying)  # forked workers inherit the patch
    result = checks.validate_paths([tmp_path], workers=2)
    by_name = {Path(r.file).name: r for r in result.files}
    assert len(by_name) == len(examples) + 1
    crashed = by_name["zz_crash.xlsx"]
    assert [f.code for f in crashed.findings] == ["FILE_UNREADABLE"] and "异常退出" in crashed.findings[0].message
    assert all(r.readable for n, r in by_name.items() if n != "zz_crash.xlsx")
