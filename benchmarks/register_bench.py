"""Benchmark (issue 18): a register of 10,000 earlier projects, and 1,000 applications reviewed
against it, each printed against the same work without the register, measured in this run.

    .venv/bin/python benchmarks/register_bench.py [--projects 10000] [--applications 1000]
                                                  [--db URL | --postgres] [--runs 3]

Default register: a fresh SQLite file in a temporary folder; `--db postgresql+psycopg://…` runs
the same on PostgreSQL (the database should be empty: the bench imports into it); `--postgres`
starts a throwaway local cluster for the run (tests/pg.py, Debian's postgresql).

Printed:
  import       `subsidykit register import` of a supported list (N rows, 2021–2022) and an
               acceptance list (60% of them), whole processes, and the rows per second
  review       the 1,000 applications of a 2023 ledger (a third of them by enterprises in the
               register), in process: the summary build (one `review_project` a row) with each
               row's History fetched from the register (asked once for all rows, as `summary` does,
               included in the time) against the same build without — per application, and the ratio
  summary      `subsidykit summary LEDGER --db URL` against `subsidykit summary LEDGER`, whole
               processes (what a clerk runs), and the ratio
Nothing is asserted; the figures are printed as they are.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "examples"))

import make_ledger  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from subsidykit.rules.uscc import make as make_uscc  # noqa: E402

SUBSIDYKIT = [sys.executable, "-m", "subsidykit.cli"]
PROGRAMS = [p[0] for p in make_ledger.PROJECTS]


def supported_list(path: Path, n: int, rng: random.Random) -> list[tuple[str, str, str, int]]:
    """A published list of supported projects (two years), header wording as lists print it."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("支持项目")
    ws.append(["2021-2022年度省工业和信息产业转型升级专项资金支持项目名单"])
    ws.append(["序号", "年度", "企业名称", "统一社会信用代码", "项目名称", "所在地", "支持金额（万元）"])
    out = []
    companies = [(f"示例{rng.choice(make_ledger.WORDS)}{i}号科技有限公司", make_uscc(rng)) for i in range(int(n * 0.8))]
    for i in range(n):
        name, code = companies[i % len(companies)]
        year = 2021 + (i % 2)
        project = f"{rng.choice(PROGRAMS)}{i}期"
        ws.append([i + 1, year, name, code, project, "江苏省示例市示例区", rng.choice([100, 200, 300, 500, 800])])
        out.append((name, code, project, year))
    wb.save(path)
    return out


def acceptance_list(path: Path, rows: list[tuple[str, str, str, int]], share: float, rng: random.Random) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("验收结果")
    ws.append(["企业名称", "统一社会信用代码", "项目名称", "验收结论", "验收时间"])
    for name, code, project, year in rows[: int(len(rows) * share)]:
        ws.append([name, code, project, rng.choice(["通过", "通过", "通过", "不通过"]), f"{year + 1}-10-15"])
    wb.save(path)


def ledger(path: Path, n: int, known: list[tuple[str, str, str, int]], rng: random.Random) -> None:
    """A 2023 ledger of `n` applications; a third by enterprises the register knows."""
    def mixed():
        for i, row in enumerate(make_ledger.sample_rows(n, rng)):
            if i % 3 == 0:
                name, code, _project, _year = rng.choice(known)
                row[1], row[2] = name, code
            else:
                row[1], row[2] = f"示例{rng.choice(make_ledger.WORDS)}新{i}号有限公司", make_uscc(rng)
            yield row

    make_ledger.write_rows(path, mixed())


def timed(cmd: list[str], runs: int, env: dict | None = None) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)
        times.append(time.perf_counter() - t)
        if r.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} 失败（{r.returncode}）：{r.stderr[-2000:]}")
    return statistics.median(times)


def in_process(ledger_path: Path, url: str, runs: int) -> tuple[float, float, int, int]:
    """Seconds for the summary build of every ledger row (the same reviews `summary` makes)
    without and with the register — each row's History one query, as the commands do — and how
    many rows had an earlier project."""
    from subsidykit.catalog import load_catalog
    from subsidykit.summary.build import build
    from subsidykit.workbooks.ledger import read_ledger

    cat = load_catalog()
    led = read_ledger(ledger_path)
    from subsidykit.register.review import ReviewRegister

    reg = ReviewRegister(url)
    reg.open()
    hits = 0

    class Counting:  # the summary's own history (register.review.RowHistory), counting answers with priors
        def __init__(self):
            self.inner = reg.for_rows()

        def __call__(self, values, sel):
            nonlocal hits
            h = self.inner(values, sel)
            hits += bool(h is not None and h.priors)
            return h

        def prefetch(self, rows, year):
            self.inner.prefetch(rows, year)

    t0 = min(_time(lambda: build(led, year=2023, catalog=cat)) for _ in range(runs))
    t1 = min(_time(lambda: build(led, year=2023, catalog=cat, history=Counting())) for _ in range(runs))
    reg.close()
    return t0, t1, hits // runs, len(led.rows)


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--projects", type=int, default=10000)
    ap.add_argument("--applications", type=int, default=1000)
    ap.add_argument("--db", help="register URL (default: a fresh SQLite file)")
    ap.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL cluster (tests/pg.py)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    if args.postgres:
        sys.path.insert(0, str(ROOT / "tests"))
        from pg import Cluster

        cluster = Cluster()
        cluster.start()
        try:
            args.db = cluster.url(cluster.create_db())
            return bench(args)
        finally:
            cluster.stop()
    return bench(args)


def bench(args) -> int:
    rng = random.Random(18)
    with tempfile.TemporaryDirectory(prefix="register-bench-") as tmp:
        d = Path(tmp)
        url = args.db or f"sqlite:///{d / 'register.db'}"
        known = supported_list(d / "支持名单.xlsx", args.projects, rng)
        acceptance_list(d / "验收结果.xlsx", known, 0.6, rng)
        ledger(d / "台账_2023.xlsx", args.applications, known, rng)
        env = {"SUBSIDYKIT_DB": "off"}
        print(f"登记簿：{url.split('@')[-1]}；支持名单 {args.projects} 行，验收名单 {int(args.projects * 0.6)} 行，台账 {args.applications} 行")
        t = time.perf_counter()
        r = subprocess.run([*SUBSIDYKIT, "register", "import", str(d / "支持名单.xlsx"), "--kind", "supported", "--db", url],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env})
        t_sup = time.perf_counter() - t
        if r.returncode != 0:
            raise SystemExit(r.stdout + r.stderr)
        t = time.perf_counter()
        r = subprocess.run([*SUBSIDYKIT, "register", "import", str(d / "验收结果.xlsx"), "--kind", "accepted", "--db", url],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env})
        t_acc = time.perf_counter() - t
        if r.returncode not in (0, 1):
            raise SystemExit(r.stdout + r.stderr)
        t = time.perf_counter()
        subprocess.run([*SUBSIDYKIT, "register", "import", str(d / "支持名单.xlsx"), "--kind", "supported", "--db", url],
                       capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env})
        t_again = time.perf_counter() - t
        print("| measure | measured |")
        print("|---|---|")
        print(f"| import supported list, {args.projects} rows (whole process) | {t_sup:.2f} s ({args.projects / t_sup:,.0f} rows/s) |")
        print(f"| import acceptance list, {int(args.projects * 0.6)} rows | {t_acc:.2f} s |")
        print(f"| the same supported list again (idempotent: nothing changes) | {t_again:.2f} s |")
        t0, t1, hits, n = in_process(d / "台账_2023.xlsx", url, args.runs)
        print(f"| review of {n} applications, in process, without register | {t0 * 1000 / n:.2f} ms each |")
        print(f"| the same with the register ({hits} with earlier projects; asked once for all rows) | {t1 * 1000 / n:.2f} ms each: **{t1 / t0:.2f}x** |")
        s0 = timed([*SUBSIDYKIT, "summary", str(d / "台账_2023.xlsx"), "--year", "2023", "--out", str(d / "a.xlsx"), "--force"], args.runs, env)
        s1 = timed([*SUBSIDYKIT, "summary", str(d / "台账_2023.xlsx"), "--year", "2023", "--out", str(d / "b.xlsx"), "--force", "--db", url], args.runs, env)
        print(f"| `summary` of the ledger, whole process, without / with `--db` | {s0:.2f} s / {s1:.2f} s: **{s1 / s0:.2f}x** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
