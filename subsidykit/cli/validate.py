"""`subsidykit validate`: batch validation of submitted application workbooks.

Exit codes: 0 no finding of severity 错误, 1 at least one, 2 bad usage (missing path,
no workbook found, bad year, report path not .xlsx, an output that would replace an input
or an existing report without --force, a folder that cannot be written).

Every output is checked before any file is validated: the report is not an input (by path,
symlink or hardlink), not inside a folder being validated, and not an existing file unless
--force; the annotation folder is not a validated folder (nor inside one) and is writable.
Annotated copies never replace a file: they take the first free name.
"""

from __future__ import annotations

import sys
from pathlib import Path

from subsidykit.errors import BadInputError

from subsidykit.cli.db_args import add_db_argument
from subsidykit.cli.exits import EXIT_ERRORS, EXIT_OK


def cmd_validate(args) -> int:
    from subsidykit.validation.pool import collect_files, validate_paths
    from subsidykit.workbooks.outputs import Inputs, check_output_dir, check_output_file, check_writable, json_text, term
    from subsidykit.validation.report import render_text, to_json, write_annotated, write_report

    report = Path(args.report) if args.report else None
    if report is not None and report.suffix.lower() != ".xlsx":
        raise BadInputError(f"报告文件须为 .xlsx：{args.report}")
    if args.workers is not None and args.workers < 1:
        raise BadInputError("--workers 须为正整数")
    files = collect_files(args.paths)
    if not files:
        raise BadInputError(f"在 {'、'.join(args.paths)} 中没有找到工作簿（.xlsx/.xlsm/.xls/.ods/.csv）")
    inputs = Inputs.of_paths(args.paths, files)
    if report is not None:
        check_output_file(report, inputs, what="报告文件", force=args.force)
        check_writable(report.parent, what="报告")
    if args.annotate:
        check_output_dir(args.annotate, inputs, what="标注副本文件夹")
        check_writable(args.annotate, what="标注副本")
    bar = None
    show = not args.json and not args.no_progress and sys.stderr.isatty()
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(files), desc="校验", unit="个", file=sys.stderr)
    from subsidykit.cli.db_args import ReviewRegister

    reg = ReviewRegister.of(args)  # --db / $SUBSIDYKIT_DB: each applicant's earlier projects (rules.history)
    try:
        result = validate_paths(
            files, year=args.year, workers=args.workers, progress=(lambda _r: bar.update(1)) if bar else None, register_url=reg.url
        )
    finally:
        if bar is not None:
            bar.close()
    skipped: dict[str, str] = {}
    annotated = {}
    if args.annotate:
        annotated = write_annotated(result, args.annotate, taken=[report] if report else (), skipped=skipped)
    if report is not None:
        try:
            write_report(result, report, annotated, overwrite=args.force)
        except FileExistsError:
            raise BadInputError(f"报告文件 {term(report)} 已存在（校验期间被创建）；如确需覆盖，请加 --force") from None
    if args.json:
        print(json_text({**to_json(result), **reg.to_json()}))
    else:
        print(f"登记簿：{term(reg.line())}")  # first: the last line stays the counts
        print(render_text(result))
        if report is not None:
            print(f"报告已写入 {term(report)}")
        if args.annotate:
            print(f"标注副本 {len(annotated)} 个已写入 {term(args.annotate)}")
    for file, why in skipped.items():
        print(f"{term(file)}：{term(why)}", file=sys.stderr)
    return EXIT_ERRORS if result.has_errors else EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("validate", help="批量校验申报表（文件或文件夹）")
    p.add_argument("paths", nargs="+", metavar="PATH", help="申报表文件或文件夹（递归查找 .xlsx/.xlsm/.xls/.ods/.csv；其他文件列为“不是工作簿”）")
    p.add_argument("--year", help="申报年度（表中未填写年度时使用），如 2023")
    p.add_argument("--report", metavar="OUT.xlsx", help="写出校验报告工作簿（不能是输入文件，也不能在被校验的文件夹内）")
    p.add_argument("--annotate", metavar="DIR", help="在此文件夹写出标注问题单元格的副本（原文件不变；不能是被校验的文件夹）")
    p.add_argument("--force", action="store_true", help="报告文件已存在时覆盖它（输入文件永不覆盖）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--workers", type=int, help="并行进程数（默认为 CPU 核数）")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")
    add_db_argument(p)
    p.set_defaults(func=cmd_validate)
