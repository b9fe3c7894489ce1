"""`subsidykit match`: which of a year's programs a project fits, and for how much (政策匹配).

    subsidykit match [--year Y] 字段=数值 ... [--status eligible,unknown] [--json]
    subsidykit match --ledger 台账.xlsx [--sheet S] [--year Y] [--mapping 对照.yaml]
                     [--status …] [--out 匹配结果.xlsx] [--force] [--json]

With values: every program and 子类 of the year's guides is checked by the one engine
(`rules.matching.match`, the same review as `check`), and those of the asked statuses
(default 符合 and 待补充) are shown in a table — 项目, 子类, 结论, 最高补助（万元）, 待补字段 /
未满足条件 with the clause — then the best single program (同一申报单位原则上只能申报一个项目),
免申直达 programs marked, loan/guarantee limits marked as not grants.  `--json` prints
`MatchResult.to_json()` with `programs` filtered by --status (keys are only ever added).

With --ledger: every row of the ledger (any column order and wording, as `summary` reads it)
is matched and ONE sheet is written (`subsidykit.matching.ledger`): a row per (ledger row,
program) of the asked statuses, the ledger's rows in order and, within a row, 符合 before
待补充, each by the maximum award, highest first.  Columns not used, rows skipped and values
not readable are printed and listed above the table.  The output is written atomically,
never over the ledger, and an existing file is replaced only with --force.

Exit codes (as the other commands): with values, 0 at least one program 符合; 3 none 符合 but
some 待补充 (fill the fields listed); 1 every program 不符合; whatever --status shows.  With
--ledger, 0 written.  Both: 2 bad input — an unknown field (with the closest names), an
unreadable value, a bad --status word (the choices listed), a ledger that cannot be read, an
output that would replace the ledger, exists without --force, or cannot be written.
"""

from __future__ import annotations

import argparse

from subsidykit.cli.db_args import add_db_argument
from subsidykit.cli.ledger_args import ledger_arguments
from subsidykit.cli.exits import EXIT_INCOMPLETE, EXIT_NOT_MET, EXIT_OK
from subsidykit.errors import BadInputError

EPILOG = """结论：符合（每个条件都已核对并满足）、待补充（没有不满足的条件，但有条件缺少数据：列出待补字段）、
不符合（有条件不满足：列出第一个不满足的条件及出处）。--status 可写 eligible,unknown,ineligible
或 符合,待补充,不符合（默认 eligible,unknown）。

退出码：0 至少一个项目符合；3 没有符合的项目，但有待补充的；1 全部不符合；
2 输入错误（无法识别的字段或数值、--status 写错、台账无法读取、输出文件与台账相同或已存在而未加 --force）。
--ledger 模式写出文件后退出码为 0。退出码按全部项目计算，与 --status 显示哪些无关。

例：
  subsidykit match --year 2023 项目总投入=3500 完工日期=2022-6-30 软件投入=350 示范级别=省级
  subsidykit match --year 2023 项目总投入=3500 --status 符合,待补充,不符合 --json
  subsidykit match --ledger 台账.xlsx --year 2023 --out 匹配结果.xlsx
字段名见 subsidykit fields（某个项目的字段：subsidykit fields PROGRAM）。"""

_LEDGER_ONLY = (("sheet", "--sheet"), ("out", "--out"), ("mapping", "--mapping"), ("force", "--force"))


def cmd_match(args) -> int:
    from subsidykit.rules.matching import parse_statuses

    statuses = parse_statuses(args.status)  # a bad word: BadInputError listing the choices (exit 2)
    if args.ledger is not None:
        if args.values:
            raise BadInputError(f"--ledger 与 字段=数值 不能同时使用（台账的每一行就是一组数值）：{_shown(args.values)}")
        return _ledger_mode(args, statuses)
    given = [flag for attr, flag in _LEDGER_ONLY if getattr(args, attr)]
    if given:
        raise BadInputError(f"{'、'.join(given)} 只用于台账模式（--ledger 台账.xlsx）")
    if not args.values:
        raise BadInputError("请给出 字段=数值（如 项目总投入=3500 完工日期=2022-6-30），或用 --ledger 指定台账；字段名见 subsidykit fields")
    return _values_mode(args, statuses)


def _shown(words) -> str:
    from subsidykit.workbooks.outputs import term

    return term(" ".join(words))[:200]


# --- values ------------------------------------------------------------------------------------


def _values_mode(args, statuses: tuple[str, ...]) -> int:
    from subsidykit.cli.values import field_values
    from subsidykit.rules.matching import ELIGIBLE, UNKNOWN, match

    from subsidykit.cli.db_args import ReviewRegister

    values = field_values(args.values)  # the same reading as `check` (cli/values.py)
    with ReviewRegister.of(args) as reg:  # --db / $SUBSIDYKIT_DB: the applicant's earlier projects, in every review
        history = (lambda year: reg.history_for(values, at_year=year)) if reg.configured else None
        result = match(values, args.year, history=history)  # without --year: the values' own 申报年度, else the newest guide
    if args.json:
        from subsidykit.workbooks.outputs import json_text

        print(json_text({**result_json(result, statuses), **reg.to_json()}))
    else:
        print(render_text(result, statuses, _year_note(values, result.year)))
        print(f"[登记簿] {reg.line()}")
    if result.of_status(ELIGIBLE):
        return EXIT_OK
    if result.of_status(UNKNOWN):
        return EXIT_INCOMPLETE
    return EXIT_NOT_MET


def _year_note(values, year: int) -> str | None:
    """A 申报年度 among the values that is not the year matched (--year given): said, not just
    listed as unused."""
    from subsidykit.rules.matching import values_year

    own = values_year(values)
    return f"[年度] 所填申报年度为 {own}，按 --year 指定的 {year} 年度匹配" if own is not None and own != year else None


def result_json(result, statuses: tuple[str, ...]) -> dict:
    """`MatchResult.to_json()` with `programs` kept to `statuses` (and `statuses`, `counts` added)."""
    from subsidykit.rules.matching import STATUSES

    data = result.to_json()
    data["programs"] = [p for p in data["programs"] if p["status"] in statuses]
    data["statuses"] = list(statuses)
    data["counts"] = {s: len(result.of_status(s)) for s in STATUSES}
    return data


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _last_column(m, common: tuple[str, ...]) -> str:
    """待补字段 / 未满足条件, then the engine's caveat and, where no amount is shown, why (or the loan limit)."""
    from subsidykit.matching import table as T

    parts = [T.gaps_text(m, common)]
    if m.note:
        parts.append(f"注：{m.note}")
    if m.amount is None and m.amount_text:
        parts.append(m.amount_text)
    return "；".join(p for p in parts if p)


def render_text(result, statuses: tuple[str, ...], year_note: str | None = None) -> str:
    """The table a clerk reads: one line per program/子类 of the asked statuses, then the best one
    (`year_note`: a 申报年度 among the values that is not the year matched)."""
    from subsidykit.catalog.cite import cite
    from subsidykit.matching import table as T
    from subsidykit.rules.matching import STATUS_ZH, STATUSES
    from subsidykit.rules.parsing import fmt_wan
    from subsidykit.workbooks.outputs import term

    counts = "，".join(f"{STATUS_ZH[s]} {len(result.of_status(s))} 个" for s in STATUSES)
    shown = result.of_status(*statuses)
    out = [f"{result.year} 年度政策匹配：共 {len(result.matches)} 个项目/子类，{counts}（显示：{'、'.join(STATUS_ZH[s] for s in statuses)}）"]
    common = T.common_missing(shown)
    if common:
        out.append(f"共同待补字段（下表各待补充项目都需要）：{'、'.join(common)}")
    if shown:
        rows = [(T.H_PROJECT, T.H_VARIANT, T.H_STATUS, T.H_AMOUNT, T.H_GAPS)]
        for m in shown:
            title = T.program_title(m, result.year) + (T.EXEMPT_MARK if m.exempt_application else "")
            rows.append((title, m.variant or "—", T.status_text(m), T.amount_text(m), _last_column(m, common)))
        widths = [min(44, max(_width(r[i]) for r in rows)) for i in range(4)]
        for r in rows:
            out.append(("  " + "  ".join(_pad(term(r[i]), widths[i]) for i in range(4)) + "  " + term(r[4])).rstrip())
    else:
        out.append("  （没有所选结论的项目）")
    best = result.best
    if best is not None:
        why = f"（{cite(result.exclusivity)}）" if result.exclusivity is not None else ""
        amount = f"，最高补助 {fmt_wan(best.amount)} 万元" if best.amount is not None else f"，最高补助无法测算：{best.amount_text}"
        variant = f"（{best.variant}）" if best.variant else ""
        out.append(f"最优：{T.program_title(best, result.year)}{variant}{amount}——同一申报单位原则上只能申报一个项目{why}")
    else:
        out.append("最优：没有符合条件的补助项目")
    if any(m.exempt_application for m in shown):
        out.append(f"{T.EXEMPT_MARK}{T.EXEMPT_TEXT}")
    if any(not m.grant for m in shown):
        out.append(f"{T.NOT_GRANT_MARK}{T.NOT_GRANT_TEXT}")
    unused = [u for u in result.unused if not (year_note and u == "申报年度")]
    if year_note:
        out.append(year_note)
    if unused:
        out.append(f"[未使用] {'、'.join(term(u) for u in unused)}：不是 {result.year} 年度任何项目的条件，未核对")
    return "\n".join(out)


# --- ledger ------------------------------------------------------------------------------------


def _default_out(ledger, year: int):
    """<台账名>_政策匹配_<年度>.xlsx beside the ledger: the ledger's name without control or bidi
    characters, shortened to fit a file name (255 bytes) with the suffix."""
    from subsidykit.workbooks.outputs import fit_name, safe_stem

    return ledger.with_name(fit_name(safe_stem(ledger.stem), f"_政策匹配_{year}.xlsx", reserve=0))


def _ledger_mode(args, statuses: tuple[str, ...]) -> int:
    from pathlib import Path

    from subsidykit.matching.ledger import SHEET_NAME, match_ledger_file
    from subsidykit.workbooks.atomic import write_bytes_atomic
    from subsidykit.workbooks.ledger import load_mapping
    from subsidykit.workbooks.outputs import check_output_file, check_writable, term

    ledger, inputs, out = ledger_arguments(args)  # the ledger a regular file, the output an .xlsx

    def check(path: Path) -> None:
        check_output_file(path, inputs, what="输出文件", force=args.force)
        check_writable(path.parent, what="输出文件")

    if ledger.exists():  # before the ledger is read (a missing one: the reader's message)
        if out is not None:
            check(out)
        else:  # the default name waits for the year; its folder is known now (a read-only one: said before matching)
            check_writable(ledger.parent, what="输出文件")
    from subsidykit.cli.db_args import ReviewRegister

    mapping = load_mapping(args.mapping) if args.mapping else None
    with ReviewRegister.of(args) as reg:  # --db / $SUBSIDYKIT_DB: each row's applicant's earlier projects
        history = (lambda values, y: reg.history_for(values, at_year=y, source_file=str(ledger))) if reg.configured else None
        lm = match_ledger_file(ledger, sheet=args.sheet, year=args.year, mapping=mapping, statuses=statuses, history=history)
    if out is None:
        out = _default_out(ledger, lm.year)
        check(out)
    if inputs.is_input(out):  # the ledger replaced by a link to it meanwhile
        raise BadInputError("输出文件不能与台账文件相同（台账不会被改动）")
    try:
        write_bytes_atomic(out, lm.xlsx_bytes(), overwrite=args.force)
    except FileExistsError:
        raise BadInputError(f"{term(out)} 已存在（匹配期间被创建）；如确需覆盖，请加 --force") from None
    if args.json:
        _print_ledger_json(lm, out)
        return EXIT_OK
    for line in lm.notes():
        print(term(line))
    print(f"登记簿：{term(reg.line())}")
    print(f"已写入 {term(out)}（工作表「{SHEET_NAME}」，{lm.n_table_rows()} 行）")
    return EXIT_OK


def _print_ledger_json(lm, out) -> None:
    """`lm.to_json()` with "written" added, as `json_text` prints it, written row by row (the
    JSON of a 10,000-row ledger is some 500 MB: never one text in memory)."""
    import sys

    from subsidykit.workbooks.outputs import json_text

    head = json_text(lm.json_head(), default=str)  # "{\n  …\n}"
    write = sys.stdout.write
    write(head[:-2] + ',\n  "rows": [')
    first = True
    for item in lm.json_rows():
        write(("\n" if first else ",\n") + "\n".join("    " + line for line in json_text(item, default=str).split("\n")))
        first = False
    write(("\n  ]" if not first else "]") + ",\n  \"written\": " + json_text(str(out)) + "\n}\n")


def register(sub) -> None:
    from subsidykit.cli.values import add_mixed

    p = add_mixed(
        sub,
        "match",
        help="政策匹配：项目（或台账每一行）符合本年度哪些项目、最高补助多少",
        description="政策匹配：按给出的数值（或台账的每一行）核对本年度全部项目和子类的条件，列出符合、待补充的项目和最高补助。",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EPILOG,
    )
    p.add_argument("values", nargs="*", metavar="字段=数值", help="如 项目总投入=3500 完工日期=2022-6-30（字段名见 subsidykit fields）")
    p.add_argument("--year", help="指南年度，如 2023（默认：所填的「申报年度」，没有则为政策目录最新年度；台账模式默认取「申报年度」列）")
    p.add_argument("--status", help="显示哪些结论：eligible,unknown,ineligible 或 符合,待补充,不符合（默认 eligible,unknown）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    add_db_argument(p)
    p.add_argument("--ledger", metavar="台账.xlsx", help="台账模式：逐行匹配台账，写出匹配结果工作簿（台账只读取，不改动）")
    p.add_argument("--sheet", help="台账模式：工作表名称或序号（默认第一个）")
    p.add_argument("--mapping", metavar="FILE", help="台账模式：列名对照文件（YAML/JSON：表头文字: 字段名）")
    p.add_argument("--out", metavar="匹配结果.xlsx", help="台账模式：输出文件（默认与台账同目录：<台账名>_政策匹配_<年度>.xlsx）")
    p.add_argument("--force", action="store_true", help="台账模式：输出文件已存在时覆盖（台账永不覆盖）")
    p.set_defaults(func=cmd_match)


__all__ = ["EPILOG", "cmd_match", "register", "render_text", "result_json"]
