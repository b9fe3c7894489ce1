"""`subsidykit register …`: the project register (issue 18).

    register import FILE… [--kind ledger|summary|supported|accepted] [--year Y] [--county C] [--json]
    register list [--uscc CODE] [--year Y[,Y…]] [--json]
    register export --out FILE.xlsx|.csv|.json [--year Y[,Y…]] [--force]
    register delete --year Y --yes
    register upgrade
    register where

Every sub-command takes ``--db URL`` (else ``$SUBSIDYKIT_DB``, else ``~/.subsidykit/register.db``);
``import`` and ``upgrade`` create that SQLite file (0600, folder 0700) when none exists.  The URL's
password is never printed.  Exit codes: 0 done, 2 bad argument, unreadable file or register.
"""

from __future__ import annotations

import os
from pathlib import Path

from subsidykit.cli.exits import EXIT_BAD, EXIT_OK

DB_HELP = (
    "登记簿：SQLite 文件路径、sqlite:///… 或 postgresql+psycopg://…；省略时取环境变量 SUBSIDYKIT_DB，"
    "再取 ~/.subsidykit/register.db"
)
KIND_HELP = "名单类型：ledger 申报台账、summary 附件2 汇总表、supported 支持名单、accepted 验收结果（省略时按表头判断）"


def _years(text: str | None) -> list[int] | None:
    if not text:
        return None
    from subsidykit.errors import BadInputError

    out = []
    for part in str(text).replace("，", ",").split(","):
        part = part.strip()
        if "-" in part[1:] or "–" in part:
            a, b = part.replace("–", "-").split("-", 1)
            if not (a.strip().isdigit() and b.strip().isdigit()) or int(b) - int(a) > 100:
                raise BadInputError(f"无法识别的年度「{text}」")
            out.extend(range(int(a), int(b) + 1))
        elif part.isdigit() and 1990 <= int(part) <= 2100:
            out.append(int(part))
        else:
            raise BadInputError(f"无法识别的年度「{text}」：写 2023 或 2021,2022 或 2021-2023")
    return out


def _one_year(text: str | None) -> int | None:
    years = _years(text)
    if years is None:
        return None
    if len(years) != 1:
        from subsidykit.errors import BadInputError

        raise BadInputError(f"这里只能给一个年度：「{text}」")
    return years[0]


def _url(args, *, write: bool) -> str:
    """The register URL; a command that writes falls back to ~/.subsidykit/register.db."""
    from subsidykit.cli.db_args import register_url
    from subsidykit.errors import RegisterError
    from subsidykit.register import DEFAULT_PATH, resolve_url
    from subsidykit.register.urls import ENV_VAR

    url = register_url(args)  # --db (a password in it is warned about), else SUBSIDYKIT_DB, else the default file
    if url:
        return url
    if args.db is None and os.environ.get(ENV_VAR) is None:
        if write:
            return resolve_url(DEFAULT_PATH, env={})
        raise RegisterError(f"还没有登记簿（{DEFAULT_PATH} 不存在）：先用 subsidykit register import 导入名单，或用 --db 指定")
    raise RegisterError(f"登记簿已关闭（{'--db' if args.db is not None else ENV_VAR}={args.db if args.db is not None else os.environ.get(ENV_VAR)}）：请用 --db 指定登记簿")


def _emit(data) -> None:
    from subsidykit.workbooks.outputs import json_text

    print(json_text(data, default=str))


def _say(text: str) -> None:
    """Print a report line by line, control characters and bidi overrides shown as escapes (a
    name or path from a list or a URL never reaches the terminal raw)."""
    from subsidykit.workbooks.outputs import term

    for line in text.split("\n"):
        print(term(line))


def cmd_import(args) -> int:
    from subsidykit.errors import RegisterError
    from subsidykit.intake import import_files, report_text
    from subsidykit.intake.run import FileFailure
    from subsidykit.register import open_register
    from subsidykit.register.urls import sqlite_path

    year = _one_year(args.year)
    url = _url(args, write=True)
    with open_register(url, create=True) as reg:
        try:
            results = import_files(reg, args.files, kind=args.kind, year=year, county=args.county,
                                   register_file=sqlite_path(url))
        except MemoryError:
            raise RegisterError("内存不足：名单过大，请拆分后分批导入（已导入的文件保留，未完成的文件未写入）") from None
        where = reg.where
    if args.json:
        _emit({"register": where, "files": [r.as_json() for r in results]})
    else:
        _say(report_text(results, where))
    return EXIT_BAD if any(isinstance(r, FileFailure) for r in results) else EXIT_OK


def cmd_list(args) -> int:
    from subsidykit.register import open_register

    years = _years(args.year)
    with open_register(_url(args, write=False)) as reg:
        rows = reg.list_projects(uscc=args.uscc, years=years)
        where = reg.where
    if args.json:
        _emit({"register": where, "projects": rows})
        return EXIT_OK
    from decimal import Decimal

    from subsidykit.rules.parsing import fmt_wan
    from subsidykit.workbooks.outputs import term

    print(term(f"{where}：{len(rows)} 个项目"))
    for r in rows:
        parts = [str(r["年度"]), r["统一社会信用代码"] or "（无信用代码）", r["单位名称"], f"「{r['申报项目名称']}」",
                 r["申报项目类别"], r["县（市、区）"], r["状态"]]
        if r["支持金额"] is not None:
            parts.append(f"支持 {fmt_wan(Decimal(str(r['支持金额'])))} 万元")
        if r["验收结论"]:
            parts.append(f"验收：{r['验收结论']}")
        print(term("  ".join(p for p in parts if p)))
    return EXIT_OK


def cmd_export(args) -> int:
    from subsidykit.errors import BadInputError

    from subsidykit.intake.export import write_rows
    from subsidykit.register import open_register
    from subsidykit.register.urls import sqlite_path
    from subsidykit.workbooks.outputs import Inputs, check_output_file, term

    years = _years(args.year)
    url = _url(args, write=False)
    with open_register(url) as reg:
        # never over the register itself nor over a list imported into it (inputs are sacred,
        # --force or not); a folder, a device or an existing file without --force is refused
        db = sqlite_path(url)
        own = [db, Path(f"{db}-wal"), Path(f"{db}-journal")] if db is not None else []
        if db is not None and Inputs(own).is_input(args.out):
            raise BadInputError(f"导出文件 {term(args.out)} 就是登记簿文件本身，不能覆盖；请换一个文件名")
        if Inputs(reg.imported_files()).is_input(args.out):
            raise BadInputError(f"导出文件 {term(args.out)} 是导入过登记簿的名单文件，不能覆盖输入文件；请换一个文件名")
        check_output_file(args.out, Inputs(), what="导出文件", force=args.force)
        n = reg.export(args.out, years=years, write=lambda path, rows: write_rows(path, rows, force=args.force))
    print(f"已导出 {n} 个项目到 {term(args.out)}")
    return EXIT_OK


def cmd_delete(args) -> int:
    from subsidykit.errors import BadInputError
    from subsidykit.register import open_register

    year = _one_year(args.year)
    if year is None:
        raise BadInputError("请用 --year 指定要删除的年度")
    if not args.yes:
        raise BadInputError(f"将删除登记簿中 {year} 年度的全部项目及其来源记录：确认请加 --yes")
    with open_register(_url(args, write=False)) as reg:
        n = reg.delete_year(year)
        where = reg.where
    _say(f"{where}：已删除 {year} 年度的 {n} 个项目")
    return EXIT_OK


def cmd_upgrade(args) -> int:
    from subsidykit.register.store import upgrade_register
    from subsidykit.register.urls import describe

    url = _url(args, write=True)
    before, after = upgrade_register(url)
    if before == after:
        _say(f"{describe(url)}：已是最新版本（{after}）")
    else:
        _say(f"{describe(url)}：已升级 {before or '（空）'} → {after}")
    return EXIT_OK


def cmd_where(args) -> int:
    from subsidykit.cli.db_args import register_url
    from subsidykit.register import DEFAULT_PATH, open_register
    from subsidykit.register.urls import ENV_VAR, describe

    url = register_url(args)
    if args.db is not None:
        origin = "--db"
    elif os.environ.get(ENV_VAR) is not None:
        origin = f"环境变量 {ENV_VAR}"
    else:
        origin = f"默认位置 {DEFAULT_PATH}"
    if url is None:
        data = {"register": None, "origin": origin, "message": f"未配置登记簿（{origin}）"}
        if args.json:
            _emit(data)
        else:
            _say(data["message"])
        return EXIT_OK
    with open_register(url) as reg:
        counts = reg.counts()
        covered = reg.covered_years()
    if args.json:
        _emit({"register": describe(url), "origin": origin, "counts": counts, "supported_years": list(covered)})
    else:
        _say(f"{describe(url)}（来自{origin}）")
        print("  " + "，".join(f"{k} {v}" for k, v in counts.items()))
        print(f"  已导入支持名单的年度：{'、'.join(map(str, covered)) or '无'}")
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("register", help="项目登记簿：导入历年名单、查询、导出、按年度删除",
                       description="项目登记簿：历年申报、入库、支持和验收结果，用于核对已支持未验收、同一项目已获支持等条件。")
    rs = p.add_subparsers(dest="register_command", required=True, parser_class=type(p))

    def common(q) -> None:
        q.add_argument("--db", metavar="URL", help=DB_HELP)

    q = rs.add_parser("import", help="导入台账、附件2 汇总表、支持名单或验收结果（同一文件重复导入不改变登记簿）")
    q.add_argument("files", nargs="+", metavar="FILE", help="xlsx/xls/csv 名单文件（只读取，不改动）")
    q.add_argument("--kind", choices=("ledger", "summary", "supported", "accepted"), help=KIND_HELP)
    q.add_argument("--year", help="年度（名单中没有年度列时必填；验收结果：被验收项目的年度）")
    q.add_argument("--county", help="县（市、区）：名单中没有地区列时填写")
    q.add_argument("--json", action="store_true", help="输出 JSON（列出全部行）")
    common(q)
    q.set_defaults(func=cmd_import)

    q = rs.add_parser("list", help="列出登记簿中的项目")
    q.add_argument("--uscc", help="只列出该统一社会信用代码的企业")
    q.add_argument("--year", help="年度：2023、2021,2022 或 2021-2023")
    q.add_argument("--json", action="store_true")
    common(q)
    q.set_defaults(func=cmd_list)

    q = rs.add_parser("export", help="导出登记簿（xlsx、csv、json）")
    q.add_argument("--out", required=True, metavar="FILE", help="输出文件：.xlsx、.csv 或 .json")
    q.add_argument("--year", help="只导出这些年度")
    q.add_argument("--force", action="store_true", help="输出文件已存在时覆盖")
    common(q)
    q.set_defaults(func=cmd_export)

    q = rs.add_parser("delete", help="按年度删除（保存期限到期的数据）")
    q.add_argument("--year", required=True)
    q.add_argument("--yes", action="store_true", help="确认删除")
    common(q)
    q.set_defaults(func=cmd_delete)

    q = rs.add_parser("upgrade", help="升级登记簿的数据库结构（Alembic）")
    common(q)
    q.set_defaults(func=cmd_upgrade)

    q = rs.add_parser("where", help="显示使用的登记簿（密码隐去）和其中的数量")
    q.add_argument("--json", action="store_true")
    common(q)
    q.set_defaults(func=cmd_where)


__all__ = ["register"]
