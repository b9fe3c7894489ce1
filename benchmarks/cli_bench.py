"""Whole-process benchmarks, as a clerk runs the commands (issue 15's table).

Each figure is the median of several runs of a whole process (`subsidykit …` started from the
shell), against a baseline measured in the same run:
  - `subsidykit cap/show/check/sample` vs `python -c pass`;
  - `subsidykit validate DIR` (N generated submissions) vs a bare openpyxl loop and a bare
    python-calamine loop over the same files, each a whole process too;
  - `subsidykit summary LEDGER` (a generated 1,000-row ledger) vs a bare openpyxl script that
    reads the ledger and writes the same number of cells.
Ratios are printed beside the targets; nothing is asserted.

Usage: python benchmarks/cli_bench.py [--n 2000] [--rows 1000] [--runs 5] [--dir DIR] [--startup-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
SUBSIDYKIT = [str(BIN / "subsidykit")] if (BIN / "subsidykit").exists() else [sys.executable, "-m", "subsidykit.cli"]

BARE_OPENPYXL = """
import sys, openpyxl
from pathlib import Path
for f in sorted(Path(sys.argv[1]).glob('*.xlsx')):
    openpyxl.load_workbook(f).close()
"""
BARE_CALAMINE = """
import sys, python_calamine
from pathlib import Path
for f in sorted(Path(sys.argv[1]).glob('*.xlsx')):
    wb = python_calamine.CalamineWorkbook.from_path(str(f))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()
    wb.close()
"""
BARE_SUMMARY = """
import sys, openpyxl
src, out = sys.argv[1], sys.argv[2]
rows = [list(r) for r in openpyxl.load_workbook(src, read_only=True).active.iter_rows(values_only=True)]
wb = openpyxl.Workbook(); ws = wb.active
for i, row in enumerate(rows, 1):
    for j, v in enumerate(row[:15], 1):
        ws.cell(row=i + 6, column=j, value=v)
wb.save(out)
"""


def run(cmd: list[str], runs: int, env=None) -> float:
    """Median wall time of `runs` whole processes (one warm-up run first)."""
    times = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        if i:
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def line(label: str, t: float, base: float, base_label: str, target: str, ok: bool) -> None:
    print(f"  {label:<44} {t * 1000:8.0f} ms   对比 {base_label} {base * 1000:7.0f} ms：{t / base:6.2f} 倍  （目标 {target}）{'达标' if ok else '未达标'}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="submissions for validate")
    ap.add_argument("--rows", type=int, default=1000, help="ledger rows for summary")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", type=Path, help="keep generated files here")
    ap.add_argument("--startup-only", action="store_true", help="only the start-up figures (cap/show/check/sample)")
    args = ap.parse_args(argv)
    work = args.dir or Path(tempfile.mkdtemp(prefix="subsidykit-clibench-"))
    work.mkdir(parents=True, exist_ok=True)
    # as installed on a clerk's machine: pip compiles the package to bytecode at install time
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TQDM_DISABLE"] = "1"
    subprocess.run([sys.executable, "-m", "compileall", "-q", *(str(ROOT / d) for d in ("subsidykit", "udfs", "macros"))], check=False)

    print(f"整进程基准（每项取 {args.runs} 次的中位数；CPU {os.cpu_count()} 核）")
    base = run([sys.executable, "-c", "pass"], args.runs * 2, env)
    commands = {
        "subsidykit cap（智能制造示范工厂，2.5 亿）": ["cap", "2023/智能制造示范工厂项目", "2.5亿"],
        "subsidykit show": ["show", "2023/智能制造示范工厂项目"],
        "subsidykit check": ["check", "2023/智能制造示范工厂项目", "项目总投入=3500", "完工日期=2022-06-30", "--only-given"],
        "subsidykit sample 47": ["sample", "47"],
    }
    for label, cmd in commands.items():
        t = run([*SUBSIDYKIT, *cmd], args.runs, env)
        line(label, t, base, "python -c pass", "≤ 3 倍", t / base <= 3)
    if args.startup_only:
        return 0

    sys.path.insert(0, str(HERE))
    import validate_bench  # the same generated submissions as the in-process benchmark

    folder = work / "submissions"
    files = validate_bench.generate(folder, args.n, os.cpu_count() or 1)
    runs = max(1, args.runs // 2)
    t_val = run([*SUBSIDYKIT, "validate", str(folder), "--no-progress"], runs, env)
    t_opx = run([sys.executable, "-c", BARE_OPENPYXL, str(folder)], 1)
    t_cal = run([sys.executable, "-c", BARE_CALAMINE, str(folder)], runs)
    print(f"  validate {len(files)} 个申报表（整进程）: {t_val:.2f} s；openpyxl 裸循环 {t_opx:.2f} s；calamine 裸循环 {t_cal:.2f} s")
    print(f"  {'':<44} 比 openpyxl 快 {t_opx / t_val:5.1f} 倍（目标 ≥ 8 倍）{'达标' if t_opx / t_val >= 8 else '未达标'}")
    print(f"  {'':<44} 为 calamine 裸读的 {t_val / t_cal:5.2f} 倍（目标 ≤ 4 倍）{'达标' if t_val / t_cal <= 4 else '未达标'}")

    import summary_bench  # the same generated ledger as the in-process benchmark

    ledger = work / f"ledger_{args.rows}.xlsx"
    if not ledger.exists():
        summary_bench.ledger_file(args.rows, work)
    out = work / "附件2.xlsx"
    t_sum = run([*SUBSIDYKIT, "summary", str(ledger), "--year", "2023", "--region", "示例市", "--out", str(out), "--force"], runs, env)
    t_bare = run([sys.executable, "-c", BARE_SUMMARY, str(ledger), str(work / "bare.xlsx")], runs)
    line(f"subsidykit summary {args.rows} 行", t_sum, t_bare, "openpyxl 读写", "≤ 1.5 倍", t_sum / t_bare <= 1.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
