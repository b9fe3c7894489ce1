"""`subsidykit validate`: batch validation of submitted application workbooks.

Exit codes: 0 no finding of severity 错误, 1 at least one, 2 bad usage (missing path,
no workbook found, bad year, report path not .xlsx).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import BadInputError

EXIT_OK, EXIT_ERRORS, EXIT_BAD = 0, 1, 2


def cmd_validate(args) -> int:
    from .checks import collect_files, validate_paths
    from .report import render_text, to_json, write_annotated, write_report

    if args.report and Path(args.report).suffix.lower() != ".xlsx":
        raise BadInputError(f"报告文件须为 .xlsx：{args.report}")
    if args.workers is not None and args.workers < 1:
        raise BadInputError("--workers 须为正整数")
    files = collect_files(args.paths)
    if not files:
        raise BadInputError(f"在 {'、'.join(args.paths)} 中没有找到 Excel 工作簿（.xlsx/.xlsm/.xls）")
    bar = None
    show = not args.json and not args.no_progress and sys.stderr.isatty()
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(files), desc="校验", unit="个", file=sys.stderr)
    try:
        result = validate_paths(files, year=args.year, workers=args.workers, progress=(lambda _r: bar.update(1)) if bar else None)
    finally:
        if bar is not None:
            bar.close()
    annotated = write_annotated(result, args.annotate) if args.annotate else {}
    if args.report:
        write_report(result, args.report, annotated)
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print(render_text(result))
        if args.report:
            print(f"报告已写入 {args.report}")
        if args.annotate:
            print(f"标注副本 {len(annotated)} 个已写入 {args.annotate}")
    return EXIT_ERRORS if result.has_errors else EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("validate", help="批量校验申报表（文件或文件夹）")
    p.add_argument("paths", nargs="+", metavar="PATH", help="申报表文件或文件夹（递归查找 .xlsx/.xlsm/.xls）")
    p.add_argument("--year", help="申报年度（表中未填写年度时使用），如 2023")
    p.add_argument("--report", metavar="OUT.xlsx", help="写出校验报告工作簿")
    p.add_argument("--annotate", metavar="DIR", help="在此文件夹写出标注问题单元格的副本（原文件不变）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--workers", type=int, help="并行进程数（默认为 CPU 核数）")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")
    p.set_defaults(func=cmd_validate)
