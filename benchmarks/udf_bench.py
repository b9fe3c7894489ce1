"""Speed of =SUBSIDY_CAP, as ratios to bare Python arithmetic measured in the same run.

    python benchmarks/udf_bench.py [--rows 10000]

Scalar: the per-call time of SUBSIDY_CAP(program, base) against `min(rate*base, cap)`
(inline, and wrapped in a function so both sides pay a call). Range: one call of
SUBSIDY_CAP(program, column) over a 10,000-row column against a list comprehension of the
same arithmetic producing the same 2-D column. Targets: scalar within 20x, range within 3x.

Ledger (issue 15): one call of SUBSIDY_CAP(A2:A10001, D2:D10001), a column of program names
and a column of bases as a ledger lays them out (four programs mixed in random order), against
bare Python over the same data: a dict from program name to (rate, cap) and a list
comprehension of min(rate × base, cap) giving the same 2-D column. Target: within 2x.
"""

from __future__ import annotations

import argparse
import random
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from udfs import SUBSIDY_CAP

PROGRAM = "2023/智能制造示范工厂项目"
RATE, CAP = 0.1, 2000.0  # 000 lines 452-454, written out for the baseline
MIXED = ["2023/智能制造示范工厂项目", "2023/数据产品化项目", "2023/绿色化改造升级项目", "2023/工业互联网平台项目"]
MIXED_RULES = {MIXED[0]: (0.1, 2000.0), MIXED[1]: (0.2, 500.0), MIXED[2]: (0.2, 2000.0), MIXED[3]: (0.1, 500.0)}
# the ledger measure's programs (issue 15), rate and cap written out for the baseline
LEDGER_RULES = {
    "2023/智能制造示范工厂项目": (0.1, 2000.0),
    "2023/高端化改造升级项目/重大技术改造项目": (0.1, 4000.0),
    "2021/高端化改造升级项目": (0.2, 4000.0),
    "2023/工业互联网标杆工厂项目": (0.1, 1000.0),
}


def best(fn, number: int, repeat: int = 7) -> float:
    """Seconds per run of fn (best of `repeat`), each run timed `number` times."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    args = ap.parse_args()
    rng = random.Random(7)
    data = [round(rng.uniform(500, 40000), 2) for _ in range(args.rows)]
    column = [[b] for b in data]
    programs = [[MIXED[i % len(MIXED)]] for i in range(args.rows)]

    # warm the catalog and the per-program cache, and check both sides agree
    assert SUBSIDY_CAP(PROGRAM, column) == [[min(round(RATE * b, 4), CAP)] for b in data]

    def scalar_udf():
        f = SUBSIDY_CAP
        for b in data:
            f(PROGRAM, b)

    def scalar_inline():
        for b in data:
            min(RATE * b, CAP)

    def bare(base):
        return min(RATE * base, CAP)

    def scalar_func():
        for b in data:
            bare(b)

    t_udf, t_inline, t_func = (best(f, 5) / len(data) for f in (scalar_udf, scalar_inline, scalar_func))

    t_range = best(lambda: SUBSIDY_CAP(PROGRAM, column), 10)
    t_range_bare = best(lambda: [[min(RATE * row[0], CAP)] for row in column], 10)

    def mixed_bare():
        out = []
        for p, row in zip(programs, column):
            rate, top = MIXED_RULES[p[0]]
            out.append([min(rate * row[0], top)])
        return out

    t_mixed = best(lambda: SUBSIDY_CAP(programs, column), 5)
    t_mixed_bare = best(mixed_bare, 5)

    # the ledger: a program column and a base column, programs mixed in random order
    names = list(LEDGER_RULES)
    ledger_programs = [[rng.choice(names)] for _ in range(args.rows)]

    def ledger_bare():
        rules = LEDGER_RULES
        return [[min(rate * row[0], top)] for (name,), row in zip(ledger_programs, column) for rate, top in (rules[name],)]

    want = [[min(round(rate * b, 4), top)] for (name,), b in zip(ledger_programs, data) for rate, top in (LEDGER_RULES[name],)]
    assert SUBSIDY_CAP(ledger_programs, column) == want
    assert len(ledger_bare()) == len(want)
    t_ledger = best(lambda: SUBSIDY_CAP(ledger_programs, column), 10)
    t_ledger_bare = best(ledger_bare, 10)

    n = len(data)
    print(f"SUBSIDY_CAP 基准（{n} 行，同一次运行内对比）")
    print(f"  单元格调用     {t_udf * 1e9:8.0f} ns/次   对比 内联 min(rate*base, cap) {t_inline * 1e9:6.0f} ns：{t_udf / t_inline:5.1f} 倍"
          f"（目标 ≤ 3 倍）；对比 函数调用 {t_func * 1e9:6.0f} ns：{t_udf / t_func:5.1f} 倍")
    print(f"  整列（一个项目） {n / t_range:10,.0f} 行/秒   对比 列表推导 {n / t_range_bare:10,.0f} 行/秒：{t_range / t_range_bare:5.2f} 倍（目标 ≤ 2 倍）")
    print(f"  整列（四个项目） {n / t_mixed:10,.0f} 行/秒   对比 按项目查表 {n / t_mixed_bare:10,.0f} 行/秒：{t_mixed / t_mixed_bare:5.2f} 倍")
    print(f"  台账（项目列 + 基数列，四个项目混排）{t_ledger * 1e3:6.2f} ms   对比 按项目查表的列表推导 {t_ledger_bare * 1e3:6.2f} ms："
          f"{t_ledger / t_ledger_bare:5.2f} 倍（目标 ≤ 2 倍）")


if __name__ == "__main__":
    main()
