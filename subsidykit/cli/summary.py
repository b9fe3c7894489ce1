"""`subsidykit summary`: 附件2 入库项目汇总表 (and 附件3/附件4 forms) from a clerk's ledger.

    subsidykit summary 台账.xlsx [--sheet S] [--year Y] [--region 地区] [--out OUT.xlsx]
                       [--mapping 对照.yaml] [--forms DIR] [--paper A4|A3] [--date 2024-01-05] [--force] [--json]

A ledger column nothing maps, and an official 附件2 column no ledger column fills, are said
first (stderr), with ready-to-paste --mapping lines (the same list opens the 审核 sheet).

Exit codes as for the other commands: 0 written, 2 bad input (file, sheet, header, year), an
output that would replace the ledger, an existing output without --force, or a folder that
cannot be written.  Explicit outputs are checked before the ledger is read; the default
output (its name has the year) right after, before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from subsidykit.cli.ledger_args import ledger_arguments
from subsidykit.cli.exits import EXIT_BAD, EXIT_OK
from subsidykit.errors import BadInputError
from subsidykit.rules.parsing import parse_date


def _default_out(ledger: Path, year: int) -> Path:
    return ledger.with_name(f"{ledger.stem}_附件2_入库项目汇总表_{year}.xlsx")


def _check_outputs(paths: list[tuple[Path, str]], inputs, *, force: bool) -> None:
    from subsidykit.workbooks.outputs import check_output_file, check_writable

    for p, what in paths:
        check_output_file(p, inputs, what=what, force=force)
    for folder in dict.fromkeys(p.parent for p, _ in paths):
        check_writable(folder, what="输出文件")


def cmd_summary(args) -> int:
    from subsidykit.summary.forms import form_paths, write_forms
    from subsidykit.workbooks.atomic import write_bytes_atomic
    from subsidykit.workbooks.ledger import load_mapping
    from subsidykit.workbooks.outputs import check_output_dir, json_text, term
    from subsidykit.summary.build import build_from_file

    ledger, inputs, out = ledger_arguments(args)  # the ledger a regular file, the output an .xlsx
    forms = form_paths(args.forms) if args.forms else []
    if out is not None and any(out.resolve() == f.resolve() for f in forms):
        raise BadInputError(f"输出文件 {out} 与附件3/附件4 的文件同名，请换一个文件名")
    planned = ([(out, "输出文件")] if out is not None else []) + [(f, "附件3/附件4 文件") for f in forms]
    if ledger.exists():  # a missing ledger: its own message from the reader
        if args.forms:
            check_output_dir(args.forms, inputs, what="附件3/附件4 文件夹")
        _check_outputs(planned, inputs, force=args.force)
    mapping = load_mapping(args.mapping) if args.mapping else None
    date = parse_date(args.date) if args.date else None
    summary = build_from_file(
        ledger, sheet=args.sheet, year=args.year, region=args.region or "", fund=args.fund, mapping=mapping, date=date
    )
    if out is None:
        out = _default_out(ledger, summary.year)
        if any(out.resolve() == f.resolve() for f in forms):
            raise BadInputError(f"输出文件 {out} 与附件3/附件4 的文件同名，请用 --out 另指定")
        _check_outputs([(out, "输出文件")], inputs, force=args.force)
    if inputs.is_input(out):  # the ledger replaced by a link to it meanwhile
        raise BadInputError("输出文件不能与台账文件相同（台账不会被改动）")
    try:
        written = [write_bytes_atomic(out, summary.xlsx_bytes(paper=args.paper), overwrite=args.force)]
        if args.forms:
            written += write_forms(summary, args.forms, overwrite=args.force)
    except FileExistsError as exc:
        raise BadInputError(f"{exc.filename} 已存在（生成期间被创建）；如确需覆盖，请加 --force") from None
    gaps = summary.header_gaps
    for line in gaps.lines():  # first: ledger columns not read, 附件2 columns left empty (also atop 审核)
        print(term(line), file=sys.stderr)
    if args.json:
        data = summary.to_json()
        data["written"] = [str(p) for p in written]
        print(json_text(data, default=str))
        return EXIT_OK
    for cat in summary.categories:
        n = len(summary.tables.get(cat.number, []))
        print(f"附件{cat.number}（{cat.name}）：{n} 个项目")
    unmatched = summary.unmatched
    flagged = [r for r in summary.reviews if r.flagged]
    for line in gaps.notes():
        print(term(line))
    for i in summary.ledger.issues if summary.ledger else []:
        if i.code == "COLUMN_UNIT_CONVERTED":
            print(term(i.text()))
    print(f"真实性核查：{term(summary.sample_text)}")
    for q in summary.quotas:
        print(f"限报名额：{term(q.text())}")
    if unmatched:
        print(f"未能归类 {len(unmatched)} 个（未列入汇总表，见「审核」工作表）：", file=sys.stderr)
        for r in unmatched:
            name = term(r.row.get("单位名称") or "")
            kind = term(r.row.get("申报项目类别") or "（未填类别）")
            print(f"  第{r.row.row}行 {name}：{kind}", file=sys.stderr)
    if flagged:
        print(f"有错误或警告的项目 {len(flagged)} 个，详见「审核」工作表", file=sys.stderr)
    for p in written:
        print(f"已写入 {term(p)}")
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("summary", help="由台账生成附件2 入库项目汇总表（及审核表、附件3/附件4）")
    p.add_argument("ledger", metavar="LEDGER.xlsx", help="台账文件（只读取，不改动）")
    p.add_argument("--sheet", help="工作表名称或序号（默认第一个）")
    p.add_argument("--year", help="指南年度，如 2023；省略时取台账「申报年度」列")
    p.add_argument("--fund", help="专项资金名称（同一年度有多份指南时）")
    p.add_argument("--region", help="地区，填在表头「地区：」处")
    p.add_argument("--date", help="汇总时间（默认今天），如 2024-01-05")
    p.add_argument("--out", help="输出文件（默认与台账同目录：<台账名>_附件2_入库项目汇总表_<年度>.xlsx）")
    p.add_argument("--mapping", metavar="FILE", help="列名对照文件（YAML/JSON：表头文字: 字段名）")
    p.add_argument("--forms", metavar="DIR", help="同时在此目录生成附件3 信用承诺书、附件4 真实性核查表")
    p.add_argument("--paper", choices=["A4", "A3"], default="A4", help="纸张（横向，默认 A4）")
    p.add_argument("--force", action="store_true", help="输出文件（汇总表、附件3/附件4）已存在时覆盖（台账永不覆盖）")
    p.add_argument("--json", action="store_true", help="输出 JSON（各表项目数、审核结果）")
    p.set_defaults(func=cmd_summary)


__all__ = ["EXIT_BAD", "cmd_summary", "register"]
