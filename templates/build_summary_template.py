"""Build the empty 附件2 入库项目汇总表 templates (reproducible: same bytes on every run).

    .venv/bin/python templates/build_summary_template.py                 # 2023 and 2026
    .venv/bin/python templates/build_summary_template.py --year 2023 [--fund 名称] [--paper A3] [--out FILE]

One sheet per category (2023: 附件2-1 … 2-5, 000_e236479adaf7e68e.txt lines 4571-5025;
2026: one per 制造强省 guide, same layout), seven empty bordered rows each as in the official
form.  The layout itself lives in `subsidykit.workbooks.summary_layout` (shared with `subsidykit summary`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.reproducible import workbook_bytes
from subsidykit.workbooks.summary_layout import template_workbook

DEFAULT_YEARS = (2023, 2026)


def template_path(year: int) -> Path:
    return ROOT / "templates" / f"附件2_推荐项目汇总表_{year}.xlsx"


def build(year: int, fund: str | None = None, paper: str = "A4") -> bytes:
    return workbook_bytes(template_workbook(year, fund, paper=paper), reproducible=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="生成附件2 入库项目汇总表模板")
    ap.add_argument("--year", type=int, action="append", help="年度（可重复；默认 2023 和 2026）")
    ap.add_argument("--fund", help="专项资金名称（同一年度有多份文件时）")
    ap.add_argument("--paper", choices=["A4", "A3"], default="A4")
    ap.add_argument("--out", help="输出文件（只生成一个年度时）")
    args = ap.parse_args(argv)
    years = args.year or list(DEFAULT_YEARS)
    if args.out and len(years) != 1:
        ap.error("--out 只能与一个 --year 一起使用")
    for year in years:
        out = Path(args.out) if args.out else template_path(year)
        write_bytes_atomic(out, build(year, args.fund, args.paper))
        print(f"已写入 {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
