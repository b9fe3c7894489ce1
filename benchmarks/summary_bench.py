"""Benchmark: ledger rows -> 附件2 汇总表 workbook, against writing the same cells with bare openpyxl.

    .venv/bin/python benchmarks/summary_bench.py [--check] [N ...]     # default: 1000 10000

For each N: a ledger of N rows is written (not timed), then timed in the same run:
  read      read_ledger (calamine, header search, parsing)
  build     build() (catalog matching, caps, thresholds, quotas)
  write     Summary.xlsx_bytes() (styled tables + 审核, written directly: summary/xlsx.py)
  openpyxl  the same workbook built and saved by openpyxl (Summary.to_workbook(), the former writer)
  bare      the same cell values written with a plain openpyxl Workbook, no styles, to bytes
Targets (issue 4): read+build+write under 2 s for 1,000 rows; write within 2x of bare.
--check: the file xlsx_bytes() writes is the one openpyxl saves from to_workbook(), part by
part (`same_workbook`; the order of mergeCell elements and the docProps dates aside).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "examples"))
sys.path.insert(0, str(ROOT / "tests"))

import make_ledger
from xlsx_parts import same_workbook  # tests/xlsx_parts.py: the same comparison the tests make
from openpyxl import Workbook

from subsidykit.catalog import load_catalog
from subsidykit.workbooks.ledger import read_ledger
from subsidykit.summary.build import build


def ledger_file(n: int, folder: Path) -> Path:
    def renamed():
        for i, row in enumerate(make_ledger.sample_rows(n, random.Random(n))):
            row[1] = f"{row[1][:-4]}{i}号有限公司"
            yield row

    return make_ledger.write_rows(folder / f"ledger_{n}.xlsx", renamed())


def bare_bytes(sheets) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s.name)
        for row in s.excel_values():
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def openpyxl_bytes(summary) -> bytes:
    buf = io.BytesIO()
    summary.to_workbook().save(buf)
    return buf.getvalue()


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main(argv: list[str]) -> int:
    check = "--check" in argv
    sizes = [int(a) for a in argv[1:] if a != "--check"] or [1000, 10000]
    load_catalog()  # loaded once per process (cached); not part of the per-ledger cost
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        print(
            f"{'行数':>6} {'读取':>7} {'汇总':>7} {'写出':>7} {'合计':>7} {'openpyxl写出':>11} {'裸openpyxl':>10} "
            f"{'写出/裸':>7} {'合计/裸':>7}"
        )
        for n in sizes:
            path = ledger_file(n, Path(tmp))
            ledger, t_read = timed(lambda p=path: read_ledger(p))
            summary, t_build = timed(
                lambda led=ledger: build(led, year=2023, region="示例市", date=dt.date(2022, 12, 5))
            )
            _, t_write = timed(summary.xlsx_bytes)
            _, t_openpyxl = timed(lambda s=summary: openpyxl_bytes(s))
            sheets = summary.sheets
            _, t_bare = timed(lambda s=sheets: bare_bytes(s))
            total = t_read + t_build + t_write
            print(f"{n:>6} {t_read:>6.2f}s {t_build:>6.2f}s {t_write:>6.2f}s {total:>6.2f}s {t_openpyxl:>10.2f}s "
                  f"{t_bare:>9.2f}s {t_write / t_bare:>6.2f}x {total / t_bare:>6.2f}x")  # fmt: skip
            if check:
                for paper in ("A4", "A3"):
                    diff = same_workbook(summary, paper)
                    failed |= bool(diff)
                    print(f"       {paper}：{'与 openpyxl 保存的文件相同' if not diff else '不同：' + '、'.join(diff)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
