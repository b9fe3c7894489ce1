"""Benchmark (issue 16): `subsidykit match` against `subsidykit check` of one program.

    .venv/bin/python benchmarks/match_bench.py [--rows 1000] [--runs 5] [--years 2023 2024 …] [--dir DIR]

Two measures, each printed as a ratio to `check` of one program (2023/智能制造示范工厂项目, the
same profile):
  whole processes  `subsidykit match --year Y 字段=数值 …` for every year of the catalog, and
                   `subsidykit match --ledger L --year 2023 --out … --force` on a generated
                   ledger of N rows (benchmarks/summary_bench.py's, from examples/make_ledger.py),
                   each the median of several runs (as benchmarks/cli_bench.py);
  in process       `rules.matching.match` for one profile over all programs of a year, against
                   `review_project` of one program (what `check` runs); and the ledger's
                   read / match / write times.
Nothing is asserted; the figures are printed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
from cli_bench import SUBSIDYKIT, run  # noqa: E402 - whole processes measured one way (median, one warm-up)

PROGRAM = "2023/智能制造示范工厂项目"
# an applicant meeting the 2023 notice's general conditions and the smart factory's own
# (seed 000_e236479adaf7e68e.txt lines 78-101, 428-456): the profile of tests/test_cli_match.py
PROFILE = {
    "项目总投入": "6000",
    "软件投入": "600",
    "开工日期": "2021-03-01",
    "完工日期": "2022-06-30",
    "示范级别": "省级",
    "规模以上工业企业": "是",
    "手续完备": "是",
    "已完成验收": "是",
    "成立日期": "2015-03-01",
    "注册地省份": "江苏省",
    "独立法人资格": "是",
    "近三年重大以上安全环保质量事故": "否",
    "严重失信行为": "否",
    "本专项资金已支持项目未完成验收": "否",
    "同一项目已获国家或省级财政资金支持": "否",
}


def per_call(fn, repeat: int) -> float:
    fn()  # warm: the catalog, the year's candidates, the parsers' caches
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - t0) / repeat


def line(label: str, t: float, base: float, unit: str = "ms") -> None:
    shown = f"{t * 1000:9.1f} ms" if unit == "ms" else f"{t:9.2f} s "
    print(f"  {label:<48} {shown}   为 check 的 {t / base:7.1f} 倍", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1000, help="ledger rows")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--years", type=int, nargs="*", help="years to match (default: every year of the catalog)")
    ap.add_argument("--dir", type=Path, help="keep generated files here")
    args = ap.parse_args(argv)
    work = args.dir or Path(tempfile.mkdtemp(prefix="subsidykit-matchbench-"))
    work.mkdir(parents=True, exist_ok=True)

    from subsidykit.catalog import load_catalog
    from subsidykit.matching.ledger import match_ledger
    from subsidykit.rules.lookup import find_program
    from subsidykit.rules.matching import match, selections, years
    from subsidykit.rules.review import review_project
    from subsidykit.workbooks.ledger import read_ledger

    cat = load_catalog()
    all_years = list(args.years or years(cat))
    words = [f"{k}={v}" for k, v in PROFILE.items()]

    # --- in process -------------------------------------------------------------------------------
    print(f"进程内（每项取多次的平均；CPU {os.cpu_count()} 核）")
    sel = find_program(PROGRAM)
    t_check = per_call(lambda: review_project(sel, PROFILE, strict=True), 200)
    print(f"  {'check（review_project，' + PROGRAM + '）':<48} {t_check * 1000:9.2f} ms")
    for y in all_years:
        n = len(selections(y, catalog=cat))
        t = per_call(lambda y=y: match(PROFILE if y == 2023 else {"项目总投入": "6000"}, y), 20)
        line(f"match {y}（{n} 个项目/子类）", t, t_check)

    import summary_bench  # the same generated ledger as the summary benchmark

    ledger_path = work / f"ledger_{args.rows}.xlsx"
    if not ledger_path.exists():
        ledger_path = summary_bench.ledger_file(args.rows, work)
    t0 = time.perf_counter()
    led = read_ledger(ledger_path)
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    lm = match_ledger(led, year=2023)
    t_match = time.perf_counter() - t0
    t0 = time.perf_counter()
    data = lm.xlsx_bytes()
    t_write = time.perf_counter() - t0
    rows = len(lm.table())
    print(f"  台账 {args.rows} 行（2023）：读取 {t_read:.2f} s，匹配 {t_match:.2f} s（每行 {t_match / args.rows * 1000:.1f} ms），"
          f"写出 {rows} 行 {t_write:.2f} s（{len(data) // 1024} KB）")  # fmt: skip
    line(f"台账 {args.rows} 行合计", t_read + t_match + t_write, t_check, unit="s")

    # --- whole processes --------------------------------------------------------------------------
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode compiled
    env["TQDM_DISABLE"] = "1"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "subsidykit")], check=False)
    print(f"整进程（每项取 {args.runs} 次的中位数）")
    t_proc = run([*SUBSIDYKIT, "check", PROGRAM, *words], args.runs, env)
    print(f"  {'subsidykit check（一个项目）':<48} {t_proc * 1000:9.1f} ms")
    for y in all_years:
        t = run([*SUBSIDYKIT, "match", "--year", str(y), *(words if y == 2023 else ["项目总投入=6000"])], args.runs, env)
        line(f"subsidykit match --year {y}", t, t_proc)
    out = work / "匹配结果.xlsx"
    t = run([*SUBSIDYKIT, "match", "--ledger", str(ledger_path), "--year", "2023", "--out", str(out), "--force"], max(1, args.runs // 2), env)
    line(f"subsidykit match --ledger（{args.rows} 行）", t, t_proc, unit="s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
