"""`subsidykit summary`: 附件2 入库项目汇总表 (and 附件3/附件4 forms) from a clerk's ledger.

    subsidykit summary 台账.xlsx [--sheet S] [--year Y] [--region 地区] [--out OUT.xlsx]
                       [--mapping 对照.yaml] [--forms DIR] [--paper A4|A3] [--date 2024-01-05] [--force] [--json]

A ledger column nothing maps, and an official 附件2 column no ledger column fills, are said
first (stderr), with ready-to-paste --mapping lines (the same list opens the 审核 sheet).

    subsidykit summary 台账或附件2.xlsx… --level city --region 徐州市 [--year Y] --out OUT.xlsx [--force] [--json]

The city roll-up (`summary.city`): counties' ledgers and 附件2 workbooks (any mix) merged into
the 设区市's 附件2; exit 0 written with every input merged, 1 written but some input left out
(unreadable, neither kind, another 设区市 or year: a finding in 审核 and on stderr), 2 refused.

Exit codes as for the other commands: 0 written, 2 bad input (file, sheet, header, year), an
output that would replace the ledger, an existing output without --force, or a folder that
cannot be written.  Explicit outputs are checked before the ledger is read; the default
output (its name has the year) right after, before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from subsidykit.cli.db_args import add_db_argument
from subsidykit.cli.ledger_args import ledger_arguments
from subsidykit.cli.exits import EXIT_BAD, EXIT_NOT_MET, EXIT_OK
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

    if getattr(args, "level", "county") == "city":
        return _cmd_city(args)
    if len(args.ledger) > 1:
        raise BadInputError(f"县级汇总只读取一个台账（给了 {len(args.ledger)} 个）；合并多个县（市、区）的名单请加 --level city --region 设区市")
    args.ledger = args.ledger[0]
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
    from subsidykit.cli.db_args import ReviewRegister

    with ReviewRegister.of(args) as reg:  # --db / $SUBSIDYKIT_DB: each row's applicant's earlier projects
        history = reg.for_rows(source_file=str(ledger))  # None without a register
        summary = build_from_file(
            ledger, sheet=args.sheet, year=args.year, region=args.region or "", fund=args.fund, mapping=mapping, date=date,
            history=history,
        )  # fmt: skip
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
        data.update(reg.to_json())
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
    print(f"登记簿：{term(reg.line())}")
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


def _cmd_city(args) -> int:
    """`summary … --level city`: the 设区市's 附件2 from its counties' files (`summary.city`)."""
    from subsidykit.summary.city import build_city, input_paths
    from subsidykit.workbooks.atomic import write_bytes_atomic
    from subsidykit.workbooks.ledger import load_mapping
    from subsidykit.workbooks.outputs import Inputs, json_text, term

    if args.forms:
        raise BadInputError("--forms 只用于县级汇总（一个台账）；设区市汇总不生成附件3/附件4")
    if not args.region:
        raise BadInputError("设区市汇总须用 --region 指定设区市，如 --region 徐州市")
    if not args.out:
        raise BadInputError("设区市汇总须用 --out 指定输出文件（.xlsx）")
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise BadInputError(f"输出文件须为 .xlsx：{term(out)}")
    paths = input_paths(args.ledger)  # regular files, none listed twice
    inputs = Inputs([*paths, *([args.mapping] if args.mapping else [])])
    _check_outputs([(out, "输出文件")], inputs, force=args.force)  # before anything is read
    mapping = load_mapping(args.mapping) if args.mapping else None
    date = parse_date(args.date) if args.date else None
    from subsidykit.cli.db_args import ReviewRegister

    with ReviewRegister.of(args) as reg:  # --db / $SUBSIDYKIT_DB, as for one ledger
        history = (lambda values, sel, source: reg.history_for(values, sel, source_file=source)) if reg.configured else None
        summary = build_city(
            paths, region=args.region, year=args.year, sheet=args.sheet, fund=args.fund, mapping=mapping, date=date,
            history=history,
        )  # fmt: skip
    if inputs.is_input(out):  # an input replaced by a link to the output meanwhile
        raise BadInputError("输出文件不能是任何一个输入文件（输入文件不会被改动）")
    try:
        write_bytes_atomic(out, summary.xlsx_bytes(paper=args.paper), overwrite=args.force)
    except FileExistsError as exc:
        raise BadInputError(f"{exc.filename} 已存在（生成期间被创建）；如确需覆盖，请加 --force") from None
    code = EXIT_NOT_MET if summary.refused else EXIT_OK
    for f in summary.refused:  # first: the files left out
        print(term(f"[{f.refused.severity}] {f.refused.message}"), file=sys.stderr)
    if args.json:
        data = summary.to_json()
        data.update(reg.to_json())
        data["written"] = [str(out)]
        print(json_text(data, default=str))
        return code
    print(f"登记簿：{term(reg.line())}")
    for line in summary.header_gaps.lines():  # 附件2 columns no input fills (also atop 审核)
        print(term(line), file=sys.stderr)
    for line in summary.input_lines():
        print(term(f"文件：{line}"))
    for cat in summary.categories:
        print(f"附件{cat.number}（{cat.name}）：{len(summary.tables.get(cat.number, []))} 个项目")
    sample = summary.sample_text
    print(term(sample if sample.startswith("真实性核查") else f"真实性核查：{sample}"))
    for q in summary.quotas:
        print(f"限报名额：{term(q.text())}")
    for b in summary.batch:
        if b.code in ("CITY_LIMIT", "CROSS_COUNTY_APPLICANT", "DUPLICATE_PROJECT"):
            print(term(f"[{b.severity}] {b.message}"), file=sys.stderr)
    flagged = [r for r in summary.reviews if r.flagged]
    if summary.unmatched:
        print(f"未能归类 {len(summary.unmatched)} 个（未列入汇总表，见「审核」工作表）", file=sys.stderr)
    if flagged:
        print(f"有错误或警告的项目 {len(flagged)} 个，详见「审核」工作表", file=sys.stderr)
    if summary.refused:
        print(f"有 {len(summary.refused)} 个文件未并入（见上，及「审核」工作表开头）", file=sys.stderr)
    print(f"已写入 {term(out)}")
    return code


def register(sub) -> None:
    p = sub.add_parser("summary", help="由台账生成附件2 入库项目汇总表（及审核表、附件3/附件4）")
    p.add_argument(
        "ledger", metavar="LEDGER_OR_SUMMARY.xlsx", nargs="+",
        help="台账文件（只读取，不改动）；--level city 时为各县（市、区）的台账或附件2 汇总表，可混合",
    )  # fmt: skip
    p.add_argument(
        "--level", choices=["county", "city"], default="county",
        help="county（默认）：一个台账生成本级附件2；city：合并各县（市、区）的台账或附件2 为设区市附件2（须 --region 设区市、"
        "--out）。设区市汇总时：限报名额按合并后的名单计，同一单位在两个县（市、区）申报为警告，审核表列出每行的县（市、区）"
        "和来源文件；同一文件列两次或两个文件内容相同则拒绝（退出码 2）；无法读取、既非台账也非附件2、属于其他设区市或年度"
        "的文件记为问题、不并入，其余照常汇总并写出（退出码 1；全部并入为 0）",
    )  # fmt: skip
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
    add_db_argument(p)
    p.set_defaults(func=cmd_summary)


__all__ = ["EXIT_BAD", "cmd_summary", "register"]
