"""`subsidykit` command line. Exit codes, the same in every command: 0 通过 / done, 1 不通过 or
错误 found, 2 bad input (unreadable value, unknown field or program, 子类 required, an argument
that does not apply, no computable amount), 3 待核实 (nothing failed, some conditions not checkable).

A usage error, a refused output or a file-system error (permission, read-only folder, name
too long) is a Chinese message on stderr and exit 2, never a traceback; text echoed from
the command line or from files is shown with control characters escaped (`outputs.term`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from subsidykit import __version__
from subsidykit.errors import BadInputError, NoAmountError, SubsidyError, UnknownProgramError
from subsidykit.workbooks.outputs import json_text, os_error_text, term

# Each command imports the rules it uses when it runs: a clerk's `subsidykit cap` should not wait
# for the modules of `check`, `show` or `summary` (start-up is most of a command's time).

from subsidykit.cli import addin as _addin
from subsidykit.cli import fields as _fields
from subsidykit.cli import serve as _serve
from subsidykit.cli import summary as _summary
from subsidykit.cli import validate as _validate
from subsidykit.cli import match as _match
from subsidykit.cli import catalog as _catalog
from subsidykit.cli import register as _register
from subsidykit.cli.exits import EXIT_BAD, EXIT_INCOMPLETE, EXIT_NOT_MET, EXIT_OK
from subsidykit.cli.values import add_mixed as _add_mixed  # options anywhere among 字段=数值 (check, cap, match)
from subsidykit.cli.values import field_values
from subsidykit.cli.values import named as _named
from subsidykit.cli.db_args import add_db_argument  # --db URL (the project register)

# Commands kept in their own modules (each imports openpyxl and friends only when it runs).
_COMMAND_MODULES = {"summary": _summary, "validate": _validate, "serve": _serve, "addin": _addin, "fields": _fields, "match": _match, "catalog": _catalog, "register": _register}
COMMANDS = ("programs", "show", "cap", "check", "sample", "docs", *_COMMAND_MODULES)


def _terminal_width() -> int:
    """The columns help is wrapped to, as shutil.get_terminal_size finds them ($COLUMNS, the
    terminal, else 80) without importing shutil: argparse imports it for every parser it makes,
    and a command's start-up is most of its time."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 80


_FORMATTERS: dict[type, type] = {}


def _formatter(cls: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """`cls` with its width from `_terminal_width` (argparse's own default costs shutil's import)."""
    if cls not in _FORMATTERS:

        class Formatter(cls):  # type: ignore[valid-type, misc]
            def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
                super().__init__(prog, indent_increment, max_help_position, _terminal_width() - 2 if width is None else width)

        _FORMATTERS[cls] = Formatter
    return _FORMATTERS[cls]


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter, **kwargs) -> None:
        super().__init__(*args, formatter_class=_formatter(formatter_class), **kwargs)

    def error(self, message: str) -> None:  # argparse's own errors, in Chinese and exit 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD, f"参数错误：{term(message)}\n")


def _check_epilog() -> str:
    from subsidykit.cli.fields import check_help_epilog

    return check_help_epilog()


def _emit(data) -> None:
    print(json_text(data))


def cmd_programs(args) -> int:
    from subsidykit.rules.programs import KIND_ZH, amount_text, list_programs, program_json

    progs = list_programs(args.year, args.keyword)
    if args.json:
        _emit([program_json(p) for p in progs])
        return EXIT_OK
    from subsidykit.rules.drafts import mark

    for p in progs:
        flag = ("［免申］" if p.no_application else "") + mark(p)  # ［草稿］: review: draft, amounts refused
        print(f"{p.id}\t{p.year}\t{p.title}{flag}\t{KIND_ZH[p.kind]}\t{amount_text(p)}")
    print(f"共 {len(progs)} 个项目", file=sys.stderr)
    return EXIT_OK


def cmd_show(args) -> int:
    from subsidykit.rules.lookup import find_program
    from subsidykit.rules.programs import describe, program_fields, program_json

    sel = find_program(args.program, year=args.year, variant=args.variant)
    if args.json:
        data = program_json(sel.program)
        if sel.variant is not None:  # the fields of this 子类 (and of every 子类)
            data["fields"] = program_fields(sel.program, variant=sel.variant)
        _emit(data)
    else:
        print(describe(sel.program, variant=sel.variant))
    return EXIT_OK


def cmd_cap(args) -> int:
    from subsidykit.rules.amounts import cap

    try:
        award = cap(
            args.program,
            args.base,
            variant=args.variant,
            count=args.count,
            year=args.year,
            bases=_named(args.part, "分项基数"),
            strict=True,  # an argument that does not apply is refused, never dropped
        )
    except NoAmountError as exc:
        if args.json:
            from subsidykit.rules.lookup import find_program

            sel = find_program(args.program, year=args.year, variant=args.variant)
            src = sel.field("source")
            _emit(
                {
                    "program": sel.program.id,
                    "variant": sel.variant.name if sel.variant else None,
                    "amount_wan": None,
                    "explanation": exc.message,
                    "source": {"file": src.file, "lines": list(src.lines), "text": src.text} if src else None,
                }
            )
        else:
            print(exc.message, file=sys.stderr)
        return EXIT_BAD
    if args.json:
        _emit(award.to_json())
    else:
        print(f"最高补助：{award.amount.normalize():f} 万元")
        print(award.explanation)
    return EXIT_OK


def cmd_check(args) -> int:
    from subsidykit.rules.lookup import find_program
    from subsidykit.rules.review import OTHER_THAN_CONDITIONS, review_project
    from subsidykit.rules.thresholds import STATUS_ZH

    from subsidykit.cli.db_args import ReviewRegister

    values = field_values(args.values)  # one reading of 字段=数值 (cli/values.py), shared with match
    sel = find_program(args.program, year=args.year, variant=args.variant)
    with ReviewRegister.of(args) as reg:  # --db / $SUBSIDYKIT_DB: the applicant's earlier projects
        history = reg.history_for(values, sel, year=args.year)
    # the one review (review.review_project): the same verdict, cap and findings as validate, 审核 and the cells
    rv = review_project(sel, values, strict=True, only_given=args.only_given, history=history)
    report = rv.report
    if report.invalid:  # an unreadable value is an input error (exit 2), not 不通过
        reasons = "；".join(r.message for r in report.invalid)
        raise BadInputError(reasons)
    if args.json:
        _emit({**report.to_json(), **rv.to_json(), **reg.to_json()})
    else:
        print(f"{report.selection.label}：{report.headline()}")
        if reg.configured or reg.applies(sel):  # which register answered, or that none did
            print(f"  [登记簿] {term(reg.line())}")
        for r in report.results:
            print(f"  [{STATUS_ZH[r.status]}] {r.message}")
        for f in rv.findings:
            if f.code.startswith("HISTORY_"):  # the register's findings (rules.history)
                print(f"  {f.text()}")
        for c in report.conflicts:
            print(f"  [不一致] {c}")
        for n in report.notes:
            print(f"  [推算] {n}")
        unused = list(report.unused)
        if history is not None:  # who the applicant is: read to ask the register, not a condition
            asked = [u for u in unused if u in ("统一社会信用代码", "单位名称", "申报年度", "地区")]
            unused = [u for u in unused if u not in asked]
            if asked:
                print(f"  [登记簿] 按 {'、'.join(asked)} 查询登记簿")
        if unused:
            print(f"  [未使用] {'、'.join(term(u) for u in unused)}：不是本项目的条件，未核对")
        if args.only_given and report.left_out:
            print(f"  [未核对] 只核对给出的字段（--only-given）；未给出的条件 {len(report.left_out)} 项：{'、'.join(report.left_out)}")
        for f in rv.findings:
            if f.code in OTHER_THAN_CONDITIONS:
                print(f"  {f.text()}")
    return {"pass": EXIT_OK, "fail": EXIT_NOT_MET, "incomplete": EXIT_INCOMPLETE}[report.verdict]


def cmd_sample(args) -> int:
    from subsidykit.rules.sampling import sample_size

    s = sample_size(args.n, year=args.year)
    if args.json:
        _emit({"n": s.n, "sample_size": s.size, "explanation": s.explanation, "source": {"file": s.rule.source.file, "lines": list(s.rule.source.lines)}})
    else:
        print(f"需核查 {s.size} 个：{s.explanation}")
    return EXIT_OK


def cmd_docs(args) -> int:
    from subsidykit.catalog import load_catalog
    from subsidykit.cli.docs import render_catalog_md
    from subsidykit.workbooks.atomic import write_text_atomic

    text = render_catalog_md()
    out = Path(args.out)
    if args.check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(f"{term(out)} 已过期，请运行 subsidykit docs 重新生成", file=sys.stderr)
            return EXIT_NOT_MET
        print(f"{term(out)} 是最新的")
        return EXIT_OK
    write_text_atomic(out, text)
    print(f"已写入 {term(out)}（{len(load_catalog().programs)} 个项目）")
    return EXIT_OK


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; `only`: build just that sub-command (main() passes the command typed
    first, so a clerk's `subsidykit cap …` does not build the parsers of the others)."""
    ap = _Parser(prog="subsidykit", description="专项资金助手：政策目录、补助测算与条件核对")
    ap.add_argument("--version", action="version", version=f"subsidykit {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)

    if only in (None, "programs"):
        p = sub.add_parser("programs", help="列出政策目录中的项目")
        p.add_argument("--year", help="年度，如 2023")
        p.add_argument("--keyword", help="按名称关键词筛选")
        p.add_argument("--json", action="store_true", help="输出 JSON")
        p.set_defaults(func=cmd_programs)

    if only in (None, "show"):
        p = sub.add_parser("show", help="显示一个项目的补助标准、条件和出处")
        p.add_argument("program", help="项目编号或名称，如 2023/智能制造示范工厂项目")
        p.add_argument("--year")
        p.add_argument("--variant")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_show)

    if only in (None, "cap"):
        p = _add_mixed(sub, "cap", help="计算最高补助金额（万元）")
        p.add_argument("program")
        p.add_argument("base", nargs="?", help="计算基数（万元，可写 1.2亿、3000万元）；定额项目可省略")
        p.add_argument("--year")
        p.add_argument("--variant", help="子类，如 重大技术改造项目")
        p.add_argument("--count", help="数量：按数量补助的项目，或金额按单个计的项目（单个装备、每家企业…），金额乘以数量")
        p.add_argument(
            "--part", action="append", metavar="名称=数值",
            help="分项基数（多项合计或分期项目），名称写分项名或其基数名，可重复；只给一项时其余分项按 0 计",
        )
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_cap)

    if only in (None, "check"):
        p = _add_mixed(sub, "check", help="核对项目的量化条件", formatter_class=argparse.RawDescriptionHelpFormatter)
        p.epilog_fn = _check_epilog  # the most used field names, and where to find the others
        p.add_argument("program", help="项目编号或名称，如 2023/智能制造示范工厂项目")
        p.add_argument("values", nargs="*", metavar="字段=数值", help="如 项目总投入=3500 完工日期=2022-6-30（字段名见 subsidykit fields PROGRAM）")
        p.add_argument("--year")
        p.add_argument("--variant")
        p.add_argument("--only-given", action="store_true", help="只核对给出的字段")
        p.add_argument("--json", action="store_true")
        add_db_argument(p)
        p.set_defaults(func=cmd_check)

    if only in (None, "sample"):
        p = sub.add_parser("sample", help="真实性核查须核查的项目数")
        p.add_argument("n", help="推荐（申报）项目数")
        p.add_argument("--year")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_sample)

    if only in (None, "docs"):
        p = sub.add_parser("docs", help="由政策目录生成 docs/catalog.md")
        p.add_argument("--out", default="docs/catalog.md")
        p.add_argument("--check", action="store_true", help="只检查是否过期")
        p.set_defaults(func=cmd_docs)

    for name, module in _COMMAND_MODULES.items():  # each adds its own sub-command: register(sub)
        if only in (None, name):
            module.register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # Windows consoles default to a legacy code page
        except (AttributeError, ValueError):
            pass
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `subsidykit programs | head`: the reader went away, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except UnknownProgramError as exc:
        if getattr(args, "json", False):
            _emit({"error": exc.code, "message": exc.message, "candidates": exc.candidates})
        print(f"错误：{term(exc.message)}", file=sys.stderr)
        return EXIT_BAD
    except SubsidyError as exc:
        if getattr(args, "json", False):
            _emit({"error": exc.code, "message": exc.message})
        print(f"错误：{term(exc.message)}", file=sys.stderr)
        return EXIT_BAD
    except OSError as exc:  # permission, read-only or full disk, name too long, ...: a message, not a traceback
        message = f"无法读写文件：{os_error_text(exc)}"
        if getattr(args, "json", False):
            _emit({"error": "OS_ERROR", "message": message})
        print(f"错误：{message}", file=sys.stderr)
        return EXIT_BAD


if __name__ == "__main__":
    sys.exit(main())
