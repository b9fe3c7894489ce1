"""`subsidykit catalog`: a new guide into the catalog — draft, review, accept — and what changed.

    subsidykit catalog draft GUIDE [--year Y] [--fund F] --out FILE.yaml [--force]
    subsidykit catalog review FILE.yaml --out 审阅.xlsx|审阅.html [--force]
    subsidykit catalog accept FILE.yaml --sheet 审阅.xlsx (--out NEW.yaml [--force] | --in-place)
    subsidykit catalog diff OLD NEW [--out 变化.xlsx] [--force] [--json]     (OLD/NEW: YAML files or years)

Exit codes (`exits.py`): 0 done; 1 `draft` wrote a file with citation problems (a quote not
found at its lines); 2 bad input or a refused output; 3 `accept` wrote the file but some entries
are still drafts (rows not ticked, or changed since the sheet was made).

Outputs are written atomically, never over an input (the guide, the YAML file, the sheet) unless
asked (`accept --in-place` writes back into FILE.yaml), and an existing output only with --force.
"""

from __future__ import annotations

import sys
from pathlib import Path

from subsidykit.cli.exits import EXIT_INCOMPLETE, EXIT_NOT_MET, EXIT_OK
from subsidykit.errors import BadInputError

AMOUNT_WHAT = frozenset({"比例", "上限", "定额", "单位金额", "分期", "分项", "首次拨付", "支持数量", "限报", "抽样"})


def _check_out(path: str | Path, inputs: list, *, what: str, force: bool, suffixes: tuple[str, ...]) -> Path:
    from subsidykit.workbooks.outputs import Inputs, check_output_file, check_writable

    out = Path(path)
    if out.suffix.lower() not in suffixes:
        raise BadInputError(f"{what}须为 {' 或 '.join(suffixes)} 文件：{out}")
    check_output_file(out, Inputs([Path(p) for p in inputs]), what=what, force=force)
    check_writable(out.parent, what=what)
    return out


def _emit(data) -> None:
    from subsidykit.workbooks.outputs import json_text

    print(json_text(data))


def _say(text: str) -> None:
    """Lines made from files' contents, each safe for a terminal (`outputs.term`)."""
    from subsidykit.workbooks.outputs import term

    print("\n".join(term(line) for line in text.split("\n")))


def _todo_count(document: dict) -> int:
    progs = [p for p in document.get("programs") or [] if isinstance(p, dict)]
    return len(document.get("todo") or []) + sum(len(p.get("todo") or []) for p in progs)


def _drafter():
    try:
        from subsidykit.authoring.draft import draft_guide
    except ImportError as exc:  # pragma: no cover - the drafter ships with the package
        raise BadInputError(f"起草模块不可用：{exc}") from None
    return draft_guide


def cmd_draft(args) -> int:
    from subsidykit.authoring.review import review_rows
    from subsidykit.workbooks.atomic import write_text_atomic
    from subsidykit.workbooks.outputs import term

    guide = Path(args.guide)
    if not guide.is_file():
        raise BadInputError(f"找不到指南文件：{args.guide}")
    out = _check_out(args.out, [guide], what="草稿文件", force=args.force, suffixes=(".yaml", ".yml"))
    year = None
    if args.year is not None:
        from subsidykit.rules.parsing import parse_year

        year = parse_year(args.year)
    draft = _drafter()(guide, year=year, fund=args.fund)
    text_out, same = None, False
    if getattr(draft.text, "extracted", False):  # a .pdf/.docx/GB18030 guide: its text is cited, saved beside the draft
        text_out = out.with_name(draft.text.file)
        same = text_out.is_file() and text_out.read_bytes() == draft.text.text().encode("utf-8")  # kept as it is
        _check_out(text_out, [guide], what="提取的指南文字", force=args.force or same, suffixes=(".txt",))
    yaml_text = draft.to_yaml()
    if text_out is not None and not same:
        write_text_atomic(text_out, draft.text.text(), overwrite=args.force)
    write_text_atomic(out, yaml_text, overwrite=args.force)
    document = draft.document
    rows, _todo = review_rows(document)
    numbers = sum(1 for r in rows if r.what in AMOUNT_WHAT)
    conditions = sum(1 for r in rows if r.what == "条件")
    programs = len([p for p in document.get("programs") or [] if isinstance(p, dict)])
    todo = _todo_count(document)
    # a quote not standing at its lines, or data the schema refuses: the draft must be fixed by hand
    problems = [*draft.problems, *getattr(draft, "schema_errors", ())]
    if args.json:
        _emit({"out": str(out), "text": None if text_out is None else str(text_out), "programs": programs,
               "numbers": numbers, "conditions": conditions, "todo": todo, "problems": problems})  # fmt: skip
    else:
        if text_out is not None:
            print(f"指南文字{'与已有的' if same else '已写入'} {term(text_out)}{' 相同' if same else ''}（引文的行号以此文件为准）")
        print(f"草稿已写入 {term(out)}：项目 {programs} 个，数值 {numbers} 个，条件 {conditions} 个，"
              f"待处理语句 {todo} 句，引文问题 {len(problems)} 处")  # fmt: skip
        for p in problems:
            print(f"  [引文问题] {term(p)}")
        print(f"下一步：subsidykit catalog review {term(out)} --out 审阅.xlsx（逐项核对后 catalog accept）")
    return EXIT_NOT_MET if problems else EXIT_OK


def cmd_review(args) -> int:
    from subsidykit.authoring.review import review_sheet
    from subsidykit.workbooks.outputs import term

    src = Path(args.file)
    if not src.is_file():
        raise BadInputError(f"找不到文件：{args.file}")
    out = _check_out(args.out, [src], what="审阅表", force=args.force, suffixes=(".xlsx", ".html", ".htm"))
    sheet = review_sheet(src, out, overwrite=args.force)
    if args.json:
        _emit({"out": str(out), "programs": sheet.programs, "drafts": sheet.drafts, "rows": len(sheet.rows), "todo": len(sheet.todo)})
    else:
        _say(sheet.summary())
        if out.suffix.lower() == ".xlsx":
            print(f"逐行核对后在「审核」列填 ✓ 或 是，再运行：subsidykit catalog accept {term(src)} --sheet {term(out)} --out 审核后.yaml")
    return EXIT_OK


def cmd_accept(args) -> int:
    from subsidykit.authoring.review import accept
    from subsidykit.workbooks.outputs import Inputs, term

    src, sheet = Path(args.file), Path(args.sheet)
    for p, what in ((src, "YAML 文件"), (sheet, "审阅表")):
        if not p.is_file():
            raise BadInputError(f"找不到{what}：{p}")
    if args.out is None and not args.in_place:
        raise BadInputError("请用 --out 指定写出的 YAML 文件，或加 --in-place 写回原文件")
    out = Path(args.out) if args.out is not None else src
    if Inputs([src]).is_input(out):
        if not args.in_place:
            raise BadInputError(f"{term(out)} 就是输入的 YAML 文件；写回原文件须加 --in-place（或用 --out 写到另一个文件）")
    else:
        _check_out(out, [src, sheet], what="YAML 文件", force=args.force, suffixes=(".yaml", ".yml"))
    result = accept(src, sheet, out, in_place=args.in_place, overwrite=args.force)
    if args.json:
        _emit(result.to_json())
    else:
        _say(result.summary())
    still = bool(result.pending)
    return EXIT_INCOMPLETE if still else EXIT_OK


def cmd_diff(args) -> int:
    from subsidykit.authoring.diff import diff_specs
    from subsidykit.workbooks.outputs import term

    inputs = [Path(s) for s in (args.old, args.new) if Path(s).exists()]
    out = _check_out(args.out, inputs, what="变化表", force=args.force, suffixes=(".xlsx",)) if args.out else None
    d = diff_specs(args.old, args.new)
    if out is not None:
        d.to_xlsx(out, overwrite=args.force)
    if args.json:
        _emit(d.to_json())
    else:
        _say(d.to_text())
    if out is not None:
        print(f"变化表已写入 {term(out)}", file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("catalog", help="新指南入目录：起草、审阅、确认，及两版指南的变化")
    cmds = p.add_subparsers(dest="catalog_command", required=True, parser_class=type(p), metavar="{draft,review,accept,diff}")

    d = cmds.add_parser("draft", help="由指南文字（.txt/.pdf/.docx）起草目录文件（全部条目为草稿）")
    d.add_argument("guide", metavar="GUIDE", help="指南文件：.txt、.pdf 或 .docx")
    d.add_argument("--year", help="年度（默认从指南标题读取）")
    d.add_argument("--fund", help="专项资金名称（默认从指南标题读取）")
    d.add_argument("--out", required=True, metavar="FILE.yaml", help="写出的草稿目录文件")
    d.add_argument("--force", action="store_true", help="输出文件已存在时覆盖（输入文件永不覆盖）")
    d.add_argument("--json", action="store_true", help="输出 JSON")
    d.set_defaults(func=cmd_draft)

    r = cmds.add_parser("review", help="生成审阅表：每个数值或条件一行，附原文引文和打勾列")
    r.add_argument("file", metavar="FILE.yaml", help="草稿目录文件")
    r.add_argument("--out", required=True, metavar="审阅.xlsx", help="审阅表（.xlsx，或 .html 只读版）")
    r.add_argument("--force", action="store_true", help="审阅表已存在时覆盖")
    r.add_argument("--json", action="store_true", help="输出 JSON")
    r.set_defaults(func=cmd_review)

    a = cmds.add_parser("accept", help="按打勾的审阅表把全部行已核对的项目改为 review: done")
    a.add_argument("file", metavar="FILE.yaml", help="草稿目录文件")
    a.add_argument("--sheet", required=True, metavar="审阅.xlsx", help="已打勾的审阅表")
    a.add_argument("--out", metavar="NEW.yaml", help="写出的目录文件（与输入相同时须加 --in-place）")
    a.add_argument("--in-place", action="store_true", help="写回 FILE.yaml 本身（只改 review 行，其余内容逐字节不变）")
    a.add_argument("--force", action="store_true", help="--out 文件已存在时覆盖")
    a.add_argument("--json", action="store_true", help="输出 JSON")
    a.set_defaults(func=cmd_accept)

    f = cmds.add_parser("diff", help="两版指南的变化：新增、取消、更名的项目，及比例、上限、名额、条件等的变化（附两处出处）")
    f.add_argument("old", metavar="OLD", help="旧版：目录 YAML 文件，或已收录的年度（如 2023）")
    f.add_argument("new", metavar="NEW", help="新版：目录 YAML 文件，或已收录的年度（如 2026）")
    f.add_argument("--out", metavar="变化.xlsx", help="另写出 Excel 变化表")
    f.add_argument("--force", action="store_true", help="变化表已存在时覆盖")
    f.add_argument("--json", action="store_true", help="输出 JSON")
    f.set_defaults(func=cmd_diff)


__all__ = ["register"]
