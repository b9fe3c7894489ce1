"""Benchmark: batch validation of 1,000 generated submissions against two bare reads.

Prints workbooks per second for
  - subsidykit validate (process pool, as the CLI runs it), and in one process,
  - openpyxl.load_workbook of the same files (one process),
  - a bare python_calamine read of every sheet of the same files (one process),
and the ratios, all in the same run.  Targets (issue 15): >= 8x faster than openpyxl, <= 4x bare
calamine — measured as whole processes by benchmarks/cli_bench.py; here in one process, for profiling.

Usage: python benchmarks/validate_bench.py [--n 1000] [--dir DIR] [--workers N] [--repeat 3]
(--dir keeps the generated files for another run.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import openpyxl
import python_calamine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
from form_fixtures import LAYOUTS, write_form  # noqa: E402 - examples/form_fixtures.py
from subsidykit.catalog import load_catalog
from subsidykit.validation.pool import validate_paths
from subsidykit.rules.uscc import make

BASE = {
    "申报年度": 2023,
    "地区": "苏州市",
    "申报项目类别": "2023/智能制造示范工厂项目",
    "是否集群项目": "否",
    "所属行业": "通用设备制造业",
    "主营业务收入": 52000,
    "项目责任人": "张建国",
    "联系电话": "13812345678",
    "所在地": "苏州市吴中区",
    "开工日期": dt.date(2020, 3, 1),
    "完工日期": dt.date(2022, 6, 30),
    "成立日期": dt.date(2010, 5, 1),
    "注册地省份": "江苏省",
    "独立法人资格": "是",
    "近三年重大以上安全环保质量事故": "否",
    "严重失信行为": "否",
    "本专项资金已支持项目未完成验收": "否",
    "同一项目已获国家或省级财政资金支持": "否",
    "项目实施周期": 2.5,
    "示范级别": "省级",
    "规模以上工业企业": "是",
}


def _one(args: tuple[int, str]) -> None:
    i, folder = args
    rng = random.Random(i)
    total = rng.randint(2500, 30000)
    values = {
        **BASE,
        "单位名称": f"苏州示例{i:04d}号制造有限公司",
        "统一社会信用代码": make(rng, "320500"),
        "单位主要经营地址": f"苏州市吴中区示例路{i}号",
        "申报项目名称": f"示例{i:04d}号智能制造示范工厂项目",
        "项目总投入": total,
        "固定资产投资": int(total * 0.7),
        "软件投入": rng.randint(250, 900),
        "申请补助资金": round(total * rng.choice([0.08, 0.1, 0.12]), 2),
    }
    Path(folder, f"{i:04d}.xlsx").write_bytes(write_form(values, LAYOUTS[i % 3]))


def generate(folder: Path, n: int, workers: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    todo = [(i, str(folder)) for i in range(n) if not (folder / f"{i:04d}.xlsx").exists()]
    if todo:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_one, todo, chunksize=16))
    return sorted(folder.glob("*.xlsx"))[:n]


def timed(fn, repeat: int = 1) -> float:
    """The best of `repeat` runs (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def bare_calamine(files: list[Path]) -> None:
    for f in files:
        wb = python_calamine.CalamineWorkbook.from_path(str(f))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()
        wb.close()


def bare_openpyxl(files: list[Path]) -> None:
    for f in files:
        openpyxl.load_workbook(f).close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (openpyxl: one run)")
    args = ap.parse_args(argv)
    tmp = None
    folder = args.dir
    if folder is None:
        tmp = tempfile.TemporaryDirectory(prefix="subsidykit-bench-")
        folder = Path(tmp.name)
    t_gen = timed(lambda: generate(folder, args.n, args.workers))
    files = generate(folder, args.n, args.workers)
    n = len(files)
    load_catalog()
    print(f"{n} 个申报表（{sum(f.stat().st_size for f in files) // n} 字节/个），生成用时 {t_gen:.1f} s；CPU {os.cpu_count()} 核", flush=True)

    bare_calamine(files[:20])  # warm the page cache and the libraries
    result = {}
    t_pool = timed(lambda: result.__setitem__("pool", validate_paths(files, workers=args.workers)), args.repeat)
    t_serial = timed(lambda: validate_paths(files, workers=1), args.repeat)
    t_cal = timed(lambda: bare_calamine(files), args.repeat)
    t_opx = timed(lambda: bare_openpyxl(files))
    batch = result["pool"]
    assert len(batch.files) == n and all(r.readable for r in batch.files)

    rate = {k: n / t for k, t in (("pool", t_pool), ("serial", t_serial), ("calamine", t_cal), ("openpyxl", t_opx))}
    print(f"subsidykit validate（{args.workers} 进程）: {rate['pool']:8.0f} 个/秒  ({t_pool:.2f} s)")
    print(f"subsidykit validate（单进程）    : {rate['serial']:8.0f} 个/秒  ({t_serial:.2f} s)")
    print(f"openpyxl.load_workbook（单进程）  : {rate['openpyxl']:8.0f} 个/秒  ({t_opx:.2f} s)")
    print(f"python_calamine 裸读（单进程）    : {rate['calamine']:8.0f} 个/秒  ({t_cal:.2f} s)")
    vs_opx = rate["pool"] / rate["openpyxl"]
    vs_cal = t_pool / t_cal
    print(f"相对 openpyxl：{vs_opx:.1f} 倍（目标 ≥ 8 倍，整进程见 cli_bench）{'达标' if vs_opx >= 8 else '未达标'}")
    print(f"用时为 calamine 裸读的 {vs_cal:.2f} 倍（目标 ≤ 4 倍，整进程见 cli_bench）{'达标' if vs_cal <= 4 else '未达标'}")
    print(f"单进程：相对 openpyxl {rate['serial'] / rate['openpyxl']:.1f} 倍，为 calamine 裸读用时的 {t_serial / t_cal:.2f} 倍")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
