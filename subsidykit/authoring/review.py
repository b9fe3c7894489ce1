"""The review of a drafted catalog file: a sheet a non-programmer signs off, and `accept`.

    rows = review_rows(data)                    # one row per parsed number or condition
    review_sheet("2027.yaml", "审阅.xlsx")       # the sheet (or "审阅.html": the same rows)
    result = accept("2027.yaml", "审阅.xlsx", out="2027.yaml", in_place=True)

The sheet 审阅 has one row per number or condition the data holds — 补助方式, 比例, 上限, 定额,
单位金额, 分期/分项, 首次拨付, 支持数量, 限报, 条件 (each threshold), 联系方式, and the document's
通用条件 and 抽样 — with the program, its 位置 (headings), the value as written in the data, how
it reads (读作), the quoted text with file and lines, a 审核 column to tick (✓ or 是) and a 意见
column.  The sheet 待处理语句 lists every `todo` sentence (what the drafter could not turn into
data), each with its own tick: a sentence is 已处理 when its content has been written into the
data by hand or judged not to be a rule.  The sheet 说明 says how to use it.

`accept` reads the ticked sheet back (as Excel or WPS saved it: .xlsx, .xls or .ods, read
through `workbooks.safe`) and flips to `review: done` every program whose rows (and `todo` sentences) are all
ticked and unchanged since the sheet was made; the others stay draft and are listed with why.
The document's own `review: draft` flips when its rows (通用条件, 抽样, its `todo`) are ticked
and no program would be left draft only through it.  Only the `review:` values are rewritten,
in the text, so every other byte of the file (comments, order, quoting, line ends) stays as it
was; the result is validated by the schema before it is written, atomically.  The input is
never overwritten unless asked (`in_place=True`, the command line's --in-place).

Workflow layer: imports workbooks, rules, catalog and errors; openpyxl only to write a sheet.
"""

from __future__ import annotations

import re

import html
import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from subsidykit.errors import BadInputError, CatalogError

DOC_ID = "（全文）"  # the 项目编号 of the document's own rows (通用条件, 抽样)
REVIEW_SHEET = "审阅"
TODO_SHEET = "待处理语句"
HELP_SHEET = "说明"
TICK_HEADER = "审核（填 ✓ 或 是）"
TODO_TICK_HEADER = "已处理（填 ✓ 或 是）"
KEY_HEADER = "定位（勿改）"
TICKS = frozenset({"✓", "✔", "√", "☑", "是", "对", "已审核", "已核对", "已处理", "通过", "y", "yes", "ok", "true", "1"})

# (header, width) of the 审阅 sheet; `ReviewRow.cells` gives the values in this order
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("项目编号", 30),
    ("项目名称", 26),
    ("项目位置", 22),
    ("子类/分项", 16),
    ("内容", 9),
    ("数据值", 18),
    ("读作", 30),
    ("原文引文", 60),
    ("文件", 26),
    ("行号", 9),
    (TICK_HEADER, 11),
    ("意见", 24),
    (KEY_HEADER, 36),
)
TODO_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("项目编号", 30),
    ("项目名称", 26),
    ("文件", 18),
    ("行号", 9),
    ("未转成数据的语句", 70),
    ("说明", 24),
    (TODO_TICK_HEADER, 11),
    ("意见", 24),
    (KEY_HEADER, 20),
)

KIND_WORDS = {
    "rate_cap": "按比例补助",
    "fixed": "定额补助",
    "cap_only": "只规定最高额",
    "per_unit": "按数量补助",
    "tiered": "分档（按子类）",
    "two_stage": "分期补助",
    "combined": "多项合计",
    "actual_cost": "据实补助",
    "none": "另行通知 / 未明确金额",
    "recognition": "资格认定（无直接资金）",
}
OP_WORDS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "between": "介于", "in": "属于"}


# --- reading a catalog file ------------------------------------------------------------------


def read_catalog_file(path: str | os.PathLike) -> tuple[str, dict, object]:
    """(text, YAML data, schema Document) of a catalog file, validated by the schema (drafts
    allowed).  The text is the file's exact characters (line ends kept)."""
    from pydantic import ValidationError

    from subsidykit.catalog import schema
    from subsidykit.catalog.documents import read_yaml

    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise BadInputError(f"找不到文件：{p}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogError(f"政策目录文件 {p.name} 不是 UTF-8 编码") from None
    import yaml

    try:
        data = read_yaml(text)
    except yaml.YAMLError as exc:
        raise CatalogError(f"政策目录文件 {p.name} 不是有效的 YAML：{exc}") from None
    if not isinstance(data, dict):
        raise CatalogError(f"政策目录文件 {p.name} 不是一份目录文件（顶层应为 file/title/year/…/programs）")
    try:
        model = schema.Document.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(f"政策目录文件 {p.name} 格式错误：\n{exc}") from None
    return text, data, model


# --- the rows --------------------------------------------------------------------------------


class ReviewRow:
    """One number or condition of the data, as the reviewer checks it against the quote."""

    __slots__ = ("key", "program", "title", "path", "item", "what", "value", "reading", "quote", "file", "lines")

    def __init__(
        self, key: str, program: str, title: str, path: str, item: str, what: str, value: str, reading: str,
        quote: str, file: str, lines: str,
    ) -> None:  # fmt: skip
        self.key = key
        self.program = program
        self.title = title
        self.path = path
        self.item = item
        self.what = what
        self.value = value
        self.reading = reading
        self.quote = quote
        self.file = file
        self.lines = lines

    def cells(self, number: int) -> list[object]:
        """The row's values in the order of COLUMNS (审核 and 意见 empty)."""
        return [number, self.program, self.title, self.path, self.item, self.what, self.value, self.reading,
                self.quote, self.file, self.lines, "", "", self.key]  # fmt: skip

    def fingerprint(self) -> tuple[str, str, str]:
        """What must still be the same when the ticked sheet comes back."""
        return (self.value, self.quote, self.lines)

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


class TodoRow:
    """One `todo` sentence: what the drafter could not turn into data."""

    __slots__ = ("key", "program", "title", "file", "lines", "text", "note")

    def __init__(self, key: str, program: str, title: str, file: str, lines: str, text: str, note: str) -> None:
        self.key = key
        self.program = program
        self.title = title
        self.file = file
        self.lines = lines
        self.text = text
        self.note = note

    def cells(self, number: int) -> list[object]:
        return [number, self.program, self.title, self.file, self.lines, self.text, self.note, "", "", self.key]

    def fingerprint(self) -> tuple[str, str, str]:
        return (self.text, "", self.lines)

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


def data_text(value: object) -> str:
    """A value as the data writes it: 0.1, 2000, true, 2025-01-01, [a, b]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(data_text(v) for v in value) + "]"
    if value is None:
        return ""
    return str(value)


def _dec(value: object) -> Decimal:
    return Decimal(str(value))


def _wan(value: object) -> str:
    from subsidykit.rules.parsing import fmt_wan

    return f"{fmt_wan(_dec(value))} 万元"


def _ratio(value: object) -> str:
    from subsidykit.rules.parsing import fmt_ratio

    return fmt_ratio(_dec(value))


def condition_text(c: dict) -> str:
    """A threshold or condition in words: 项目总投入 ≥ 3000 万元, 完工日期 介于 2021-01-01 至 2022-06-30."""
    unit, op, value = c.get("unit"), c.get("op"), c.get("value")

    def one(v: object) -> str:
        if isinstance(v, bool):
            return "是" if v else "否"
        if unit == "比例":
            try:
                return _ratio(v)
            except ArithmeticError:
                return data_text(v)
        if unit in ("日期", "文本", "是否"):
            return data_text(v)
        return f"{data_text(v)} {unit}"

    if isinstance(value, list):
        shown = (" 至 " if op == "between" else "、").join(one(v) for v in value)
    else:
        shown = one(value)
    return f"{c.get('field')} {OP_WORDS.get(str(op), op)} {shown}"


def _src(src: object) -> tuple[str, str, str]:
    """(quote, file, lines) of a `source` mapping."""
    if not isinstance(src, dict):
        return "", "", ""
    lines = src.get("lines") or []
    a, b = (list(lines) + [None, None])[:2]
    shown = "" if a is None else (f"{a}" if a == b or b is None else f"{a}-{b}")
    return str(src.get("text") or ""), str(src.get("file") or ""), shown


class _Rows:
    """Collects the rows of one document."""

    def __init__(self) -> None:
        self.rows: list[ReviewRow] = []
        self.todo: list[TodoRow] = []

    def add(self, key: str, prog: dict | None, item: str, what: str, value: str, reading: str, src: object) -> None:
        quote, file, lines = _src(src)
        if prog is None:
            pid, title, path = DOC_ID, "（全文通用）", ""
        else:
            pid, title, path = str(prog.get("id")), str(prog.get("title")), " › ".join(map(str, prog.get("path") or []))
        self.rows.append(ReviewRow(key, pid, title, path, item, what, value, reading, quote, file, lines))

    def amounts(self, key: str, prog: dict, a: dict, item: str) -> None:
        """The numbers of a program or a variant (`a`)."""
        src = a.get("source") or (prog.get("source") if a is not prog else None)
        if a.get("rate") is not None:
            base = a.get("base") or prog.get("base") or "计算基数"
            self.add(f"{key}/rate", prog, item, "比例", data_text(a["rate"]), f"按不超过{base}的{_ratio(a['rate'])}", src)
        if a.get("cap") is not None:
            per = a.get("per") if (a.get("kind") or prog.get("kind")) in ("fixed", "cap_only") else None
            self.add(f"{key}/cap", prog, item, "上限", data_text(a["cap"]), (f"单个{per}" if per else "") + f"最高不超过 {_wan(a['cap'])}", src)
        if a.get("fixed") is not None:
            per = a.get("per")
            self.add(f"{key}/fixed", prog, item, "定额", data_text(a["fixed"]), (f"单个{per}" if per else "") + f"定额 {_wan(a['fixed'])}", src)
        if a.get("unit_amount") is not None:
            unit = a.get("unit") or "个"
            self.add(f"{key}/unit_amount", prog, item, "单位金额", data_text(a["unit_amount"]), f"每{unit} {_wan(a['unit_amount'])}", src)
        for field, word in (("stages", "分期"), ("components", "分项")):
            for i, part in enumerate(a.get(field) or []):
                name = f"{item}·{part.get('name')}" if item else str(part.get("name"))
                bits, values = [], []
                if part.get("rate") is not None:
                    bits.append(f"按{part.get('base') or '计算基数'}的{_ratio(part['rate'])}")
                    values.append(f"rate {data_text(part['rate'])}")
                if part.get("cap") is not None:
                    bits.append(f"最高 {_wan(part['cap'])}")
                    values.append(f"cap {data_text(part['cap'])}")
                if part.get("fixed") is not None:
                    bits.append(f"{_wan(part['fixed'])}")
                    values.append(f"fixed {data_text(part['fixed'])}")
                self.add(f"{key}/{field}/{i}", prog, name, word, "；".join(values), "，".join(bits) or "（未给出金额）", part.get("source"))
        fp = a.get("first_payment")
        if isinstance(fp, dict):
            if fp.get("share") is not None:
                self.add(f"{key}/first_payment", prog, item, "首次拨付", f"share {data_text(fp['share'])}", f"首次拨付补助资金的 {_ratio(fp['share'])}", fp.get("source"))
            else:
                self.add(f"{key}/first_payment", prog, item, "首次拨付", f"amount {data_text(fp.get('amount'))}", f"首次拨付 {_wan(fp.get('amount'))}", fp.get("source"))
        quota = a.get("quota")
        if isinstance(quota, dict):
            self.add(f"{key}/quota", prog, item, "支持数量", data_text(quota.get("value")), f"不超过 {data_text(quota.get('value'))} 个", quota.get("source"))
        self.thresholds(f"{key}/thresholds", prog, item, a.get("thresholds") or [])

    def thresholds(self, key: str, prog: dict | None, item: str, items: list) -> None:
        for i, t in enumerate(items):
            if not isinstance(t, dict):
                continue
            reading = condition_text(t)
            extra = [f"适用前提：{condition_text(c)}" for c in t.get("when") or []]
            extra += [f"除非：{condition_text(c)}" for c in t.get("unless") or []]
            if t.get("exempt"):
                extra.append(f"不适用于：{'、'.join(map(str, t['exempt']))}")
            value = f"{t.get('field')} {t.get('op')} {data_text(t.get('value'))} {t.get('unit')}"
            label = str(t.get("label") or "")
            shown = f"{reading}（{label}）" if label else reading
            self.add(f"{key}/{i}", prog, item, "条件", value, "；".join([shown, *extra]), t.get("source"))

    def program(self, prog: dict) -> None:
        pid = str(prog.get("id"))
        kind = str(prog.get("kind"))
        words = KIND_WORDS.get(kind, kind)
        if prog.get("base"):
            words += f"，计算基数：{prog['base']}"
        if prog.get("no_application"):
            words += "（免申直达）"
        if prog.get("grant") is False:
            words += "（非补助资金：贷款/担保/投资额度）"
        if prog.get("minimum"):
            words += "（只规定下限）"
        self.add(f"{pid}/kind", prog, "", "补助方式", kind, words, prog.get("source"))
        self.amounts(pid, prog, prog, "")
        for j, v in enumerate(prog.get("variants") or []):
            if not isinstance(v, dict):
                continue
            vkey = f"{pid}/variants/{j}"
            if v.get("kind"):
                self.add(f"{vkey}/kind", prog, str(v.get("name")), "补助方式", str(v["kind"]), KIND_WORDS.get(v["kind"], v["kind"]), v.get("source"))
            self.amounts(vkey, prog, v, str(v.get("name")))
        for k, lim in enumerate(prog.get("city_limits") or []):
            if isinstance(lim, dict):
                self.add(f"{pid}/city_limits/{k}", prog, "", "限报", data_text(lim.get("value")), f"{lim.get('scope')}限报 {data_text(lim.get('value'))} 个（{lim.get('label')}）", lim.get("source"))
        if prog.get("office") or prog.get("phone"):
            value = f"{prog.get('office') or ''} / {prog.get('phone') or ''}"
            self.add(f"{pid}/contact", prog, "", "联系方式", value, f"主办处室 {prog.get('office') or '—'}，电话 {prog.get('phone') or '—'}", prog.get("contact_source"))
        self.todos(pid, prog, prog.get("todo") or [])

    def todos(self, pid: str, prog: dict | None, items: list) -> None:
        for i, t in enumerate(items):
            if not isinstance(t, dict):
                continue
            _quote, _file, lines = _src({"lines": t.get("lines")})
            title = DOC_ID if prog is None else str(prog.get("title"))
            self.todo.append(TodoRow(f"{pid}/todo/{i}", pid, title, "", lines, str(t.get("text") or ""), str(t.get("note") or "")))


def review_rows(data: dict) -> tuple[list[ReviewRow], list[TodoRow]]:
    """The rows of a catalog file's data (the YAML mapping): numbers and conditions, and todo sentences."""
    rows = _Rows()
    rows.thresholds(f"{DOC_ID}/general_thresholds", None, "", data.get("general_thresholds") or [])
    sampling = data.get("sampling")
    if isinstance(sampling, dict):
        reading = f"{data_text(sampling.get('all_up_to'))} 个以内全部核查，超过部分按 {_ratio(sampling.get('extra_share'))} 抽查（取整：{sampling.get('rounding')}）"
        value = f"all_up_to {data_text(sampling.get('all_up_to'))}；extra_share {data_text(sampling.get('extra_share'))}"
        rows.add(f"{DOC_ID}/sampling", None, "", "抽样", value, reading, sampling.get("source"))
    rows.todos(DOC_ID, None, data.get("todo") or [])
    for prog in data.get("programs") or []:
        if isinstance(prog, dict):
            rows.program(prog)
    file = str(data.get("file") or "")
    for t in rows.todo:
        t.file = file
    return rows.rows, rows.todo


# --- writing the sheet -----------------------------------------------------------------------


def _help_lines(yaml_name: str, data: dict, rows: list[ReviewRow], todo: list[TodoRow]) -> list[str]:
    progs = [p for p in data.get("programs") or [] if isinstance(p, dict)]
    drafts = sum(1 for p in progs if p.get("review") == "draft" or data.get("review") == "draft")
    return [
        f"审阅：{yaml_name}（{data.get('title') or ''}）",
        f"项目 {len(progs)} 个（其中草稿 {drafts} 个）；待核对的数值和条件 {len(rows)} 行；未转成数据的语句 {len(todo)} 句。",
        "",
        "怎样审阅：",
        f"1. 在「{REVIEW_SHEET}」表逐行对照「原文引文」（指南文件和行号）核对「读作」：数值、单位、比例、日期和“以上/以下/（含）”是否与原文一致。",
        f"2. 一致的行在「{TICK_HEADER.split('（')[0]}」列填 ✓ 或 是；不一致或有疑问的行不要打勾，在「意见」列写明原因（修改须直接改 YAML 文件，再重新生成本表）。",
        f"3. 在「{TODO_SHEET}」表逐句判断：已手工写入数据或确认不是规则的，在「已处理」列填 ✓ 或 是。",
        "4. 保存本表后运行：subsidykit catalog accept 文件.yaml --sheet 本表.xlsx --out 审核后.yaml（或 --in-place 写回原文件）。",
        "   只有全部行（及其待处理语句）都已打勾的项目改为 review: done，其余仍为草稿并列出原因；草稿项目不提供补助金额。",
        f"5. 「{KEY_HEADER.split('（')[0]}」列供程序对应数据，请勿修改；表格生成后若 YAML 又有改动，对应的行须重新生成审阅表。",
    ]


def _text_width(text: str) -> int:
    """Columns a text takes: 2 for a wide (CJK, full-width) character, 1 otherwise."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _height(values: list[object], columns: tuple[tuple[str, float], ...]) -> float:
    """A row height (points) that shows every wrapped cell of the row whole."""
    import math

    lines = 1
    for value, (_name, width) in zip(values, columns, strict=False):
        if value not in (None, ""):
            lines = max(lines, math.ceil(_text_width(str(value)) / max(width - 1, 1)))
    return min(409.0, 15.0 * lines + 2)


def _write_xlsx(rows: list[ReviewRow], todo: list[TodoRow], help_lines: list[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from subsidykit.workbooks.reproducible import workbook_bytes

    wb = Workbook()
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    tick_fill = PatternFill("solid", fgColor="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(ws, columns, body, tick_col: int) -> None:
        from subsidykit.workbooks.cells import col_letters

        for c, (name, width) in enumerate(columns, start=1):
            cell = ws.cell(row=1, column=c, value=name)
            cell.data_type = "s"
            cell.font, cell.fill, cell.alignment = head_font, head_fill, wrap
            ws.column_dimensions[col_letters(c - 1)].width = width
        ws.row_dimensions[1].height = _height([name for name, _w in columns], columns)
        for r, values in enumerate(body, start=2):
            for c, value in enumerate(values, start=1):
                if isinstance(value, str):
                    # a control character of the guide's text (ESC, NUL…) cannot stand in a
                    # worksheet: shown as "�", the quote in the YAML keeps it
                    value = _ILLEGAL_IN_SHEET.sub("\ufffd", value)
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # a quote beginning with "=" stays text
                cell.alignment = wrap
            ws.cell(row=r, column=tick_col).fill = tick_fill
            ws.row_dimensions[r].height = _height(values, columns)  # wrapped text: neither Excel nor WPS fits it on open
        ws.freeze_panes = "B2"
        ws.print_title_rows = "1:1"  # printed: landscape, all columns on one page width, the header on every page
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        if body:
            letter = col_letters(tick_col - 1)
            dv = DataValidation(type="list", formula1='"✓,是"', allow_blank=True, showErrorMessage=False)
            dv.add(f"{letter}2:{letter}{len(body) + 1}")
            ws.add_data_validation(dv)
            ws.auto_filter.ref = f"A1:{col_letters(len(columns) - 1)}{len(body) + 1}"

    ws = wb.active
    ws.title = REVIEW_SHEET
    sheet(ws, COLUMNS, [row.cells(i) for i, row in enumerate(rows, start=1)], 12)
    sheet(wb.create_sheet(TODO_SHEET), TODO_COLUMNS, [t.cells(i) for i, t in enumerate(todo, start=1)], 8)
    ws_help = wb.create_sheet(HELP_SHEET)
    ws_help.column_dimensions["A"].width = 120
    for r, line in enumerate(help_lines, start=1):
        cell = ws_help.cell(row=r, column=1, value=line)
        cell.data_type = "s"
        if r == 1:
            cell.font = head_font
    return workbook_bytes(wb, reproducible=True)


def _write_html(rows: list[ReviewRow], todo: list[TodoRow], help_lines: list[str]) -> bytes:
    esc = html.escape

    def table(columns, body) -> str:
        head = "".join(f"<th>{esc(name)}</th>" for name, _w in columns)
        trs = "".join("<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in values) + "</tr>" for values in body)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{trs}</tbody></table>"

    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{esc(help_lines[0])}</title>",
        "<style>body{font-family:sans-serif;font-size:14px}table{border-collapse:collapse;margin-bottom:2em}"
        "th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}th{background:#ddebf7}"
        "td:nth-child(9){max-width:40em}</style></head><body>",
        *(f"<p>{esc(line)}</p>" for line in help_lines if line),
        f"<h2>{esc(REVIEW_SHEET)}</h2>",
        table(COLUMNS, [row.cells(i) for i, row in enumerate(rows, start=1)]),
        f"<h2>{esc(TODO_SHEET)}</h2>",
        table(TODO_COLUMNS, [t.cells(i) for i, t in enumerate(todo, start=1)]),
        "</body></html>",
    ]
    return "\n".join(parts).encode("utf-8")


class ReviewSheet:
    """What `review_sheet` wrote: where, and its rows."""

    def __init__(self, out: Path, rows: list[ReviewRow], todo: list[TodoRow], programs: int, drafts: int) -> None:
        self.out = out
        self.rows = rows
        self.todo = todo
        self.programs = programs
        self.drafts = drafts

    def summary(self) -> str:
        return (
            f"已写入 {self.out}：项目 {self.programs} 个（草稿 {self.drafts} 个），"
            f"待核对的数值和条件 {len(self.rows)} 行，未转成数据的语句 {len(self.todo)} 句"
        )


def review_sheet(yaml_path: str | os.PathLike, out: str | os.PathLike, *, overwrite: bool = False) -> ReviewSheet:
    """Write the review sheet of a catalog file: `out` .xlsx (sheets 审阅, 待处理语句, 说明) or .html
    (the same rows).  `overwrite=False` never replaces an existing file (FileExistsError)."""
    from subsidykit.workbooks.atomic import write_bytes_atomic

    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".html", ".htm"):
        raise BadInputError(f"审阅表须为 .xlsx 或 .html：{target}")
    _text, data, _model = read_catalog_file(yaml_path)
    rows, todo = review_rows(data)
    help_lines = _help_lines(Path(yaml_path).name, data, rows, todo)
    body = _write_xlsx(rows, todo, help_lines) if suffix == ".xlsx" else _write_html(rows, todo, help_lines)
    write_bytes_atomic(target, body, overwrite=overwrite)
    progs = [p for p in data.get("programs") or [] if isinstance(p, dict)]
    drafts = sum(1 for p in progs if p.get("review") == "draft" or data.get("review") == "draft")
    return ReviewSheet(target, rows, todo, len(progs), drafts)


# --- accepting ------------------------------------------------------------------------------


def is_ticked(value: object) -> bool:
    """✓ ✔ √ 是 对 yes ok true 1 (and TRUE, 1.0) tick a row; anything else, blank included, does not."""
    if value is True:
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value == 1
    if isinstance(value, str):
        return value.strip().lower() in TICKS
    return False


class SheetEntry:
    """A row of the ticked sheet, read back: its tick and what it said."""

    __slots__ = ("ticked", "fingerprint", "row")

    def __init__(self, ticked: bool, fingerprint: tuple[str, str, str], row: int) -> None:
        self.ticked = ticked
        self.fingerprint = fingerprint
        self.row = row


_ILLEGAL_IN_SHEET = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_table(rows: list[list], tick_header: str, value_header: str, quote_header: str | None) -> dict[str, SheetEntry]:
    """{key: entry} of a sheet whose header row names the columns (found by name: a reviewer may
    move or hide columns)."""
    out: dict[str, SheetEntry] = {}
    header_at = None
    for i, r in enumerate(rows[:20]):
        names = [_cell_text(v).strip() for v in r]
        if KEY_HEADER in names:
            header_at, header = i, names
            break
    if header_at is None:
        return out

    def col(name: str) -> int | None:
        prefix = name.split("（")[0]
        for j, h in enumerate(header):
            if h == name or h.split("（")[0] == prefix:
                return j
        return None

    k, t, v, lines = col(KEY_HEADER), col(tick_header), col(value_header), col("行号")
    q = col(quote_header) if quote_header else None

    def at(r: list, j: int | None) -> object:
        return r[j] if j is not None and j < len(r) else None

    for n, r in enumerate(rows[header_at + 1 :], start=header_at + 2):
        key = _cell_text(at(r, k)).strip()
        if not key:
            continue
        fp = (_cell_text(at(r, v)), _cell_text(at(r, q)) if q is not None else "", _cell_text(at(r, lines)))
        entry = SheetEntry(is_ticked(at(r, t)), fp, n)
        if key in out:  # the same row twice (copied): ticked only if every copy is
            entry = SheetEntry(out[key].ticked and entry.ticked and out[key].fingerprint == fp, fp, out[key].row)
        out[key] = entry
    return out


def read_ticks(sheet_path: str | os.PathLike) -> tuple[dict[str, SheetEntry], dict[str, SheetEntry]]:
    """The 审阅 and 待处理语句 rows of a ticked sheet, by key (any format workbooks.safe reads)."""
    from subsidykit.workbooks.safe import UnreadableWorkbook, read_workbook

    try:
        wb = read_workbook(sheet_path)
    except UnreadableWorkbook as exc:
        raise BadInputError(f"审阅表无法读取：{exc.message}") from None
    except FileNotFoundError:
        raise BadInputError(f"找不到审阅表：{sheet_path}") from None
    by_name = {s.name: s for s in wb.sheets}
    main = by_name.get(REVIEW_SHEET) or (wb.sheets[0] if wb.sheets else None)
    if main is None:
        raise BadInputError(f"审阅表 {sheet_path} 中没有工作表")
    rows = _read_table(main.rows, TICK_HEADER, "数据值", "原文引文")
    if not rows and not any(KEY_HEADER in map(_cell_text, r) for r in main.rows[:20]):
        raise BadInputError(f"{sheet_path} 不是 subsidykit catalog review 生成的审阅表（没有「{KEY_HEADER}」列）")
    todo_sheet = by_name.get(TODO_SHEET)
    todo = _read_table(todo_sheet.rows, TODO_TICK_HEADER, "未转成数据的语句", None) if todo_sheet else {}
    return rows, todo


class AcceptResult:
    """What `accept` did: the programs flipped to done, those left draft (and why), the document's mark."""

    def __init__(self) -> None:
        self.accepted: list[str] = []  # flipped to done by this run
        self.already: list[str] = []  # done before
        self.pending: dict[str, list[str]] = {}  # program id (or DOC_ID) -> why it stays draft
        self.document: str = "done"  # the document's review after this run
        self.document_flipped = False
        self.text: str = ""
        self.out: Path | None = None
        self.stale_rows: int = 0

    def summary(self) -> str:
        lines = [f"改为 review: done 的项目 {len(self.accepted)} 个" + (f"：{'、'.join(self.accepted)}" if self.accepted else "")]
        if self.already:
            lines.append(f"原已审核的项目 {len(self.already)} 个")
        progs = {k: v for k, v in self.pending.items() if k != DOC_ID}
        lines.append(f"仍为草稿的项目 {len(progs)} 个" + ("：" if progs else ""))
        for pid, why in progs.items():
            lines.append(f"  {pid}：{'；'.join(why)}")
        if self.document_flipped:
            lines.append("文件级 review 改为 done")
        elif self.document == "draft":
            why = self.pending.get(DOC_ID) or []
            lines.append("文件级 review 仍为 draft" + (f"：{'；'.join(why)}" if why else ""))
        if self.out is not None:
            lines.append(f"已写入 {self.out}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "accepted": self.accepted,
            "already_done": self.already,
            "pending": {k: v for k, v in self.pending.items() if k != DOC_ID},
            "document_review": self.document,
            "document_pending": self.pending.get(DOC_ID, []),
            "out": None if self.out is None else str(self.out),
        }


def _why_not(rows: Iterable, ticks: dict[str, SheetEntry], what: str) -> tuple[list[str], int]:
    """Why these rows are not all signed off ([] when they are), and how many changed since the sheet."""
    missing = unticked = changed = 0
    for row in rows:
        entry = ticks.get(row.key)
        if entry is None:
            missing += 1
        elif entry.fingerprint != row.fingerprint():
            changed += 1
        elif not entry.ticked:
            unticked += 1
    why = []
    if unticked:
        why.append(f"{unticked} 行{what}未打勾")
    if changed:
        why.append(f"{changed} 行{what}与当前 YAML 不一致（审阅表生成后数据或表格被改动，请重新生成审阅表）")
    if missing:
        why.append(f"{missing} 行{what}不在审阅表中（请重新生成审阅表）")
    return why, changed


def _review_nodes(text: str) -> tuple[object | None, dict[str, object | None], list[str]]:
    """The document's `review` value node, each program's (None where it has no `review:` key), the
    program ids without one, from the text's node tree (positions of every value)."""
    import yaml

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    doc_node = None
    programs: dict[str, object | None] = {}
    if not isinstance(root, yaml.MappingNode):
        return None, programs, []
    for k, v in root.value:
        if k.value == "review":
            doc_node = v
        elif k.value == "programs" and isinstance(v, yaml.SequenceNode):
            for item in v.value:
                if not isinstance(item, yaml.MappingNode):
                    continue
                pid, review = None, None
                for pk, pv in item.value:
                    if pk.value == "id":
                        pid = pv.value
                    elif pk.value == "review":
                        review = pv
                if pid is not None:
                    programs[str(pid)] = review
    return doc_node, programs, [pid for pid, node in programs.items() if node is None]


def _set_value(text: str, node, value: str) -> tuple[int, int, str]:
    """The replacement (start, end, new text) that sets a scalar node to `value`, keeping its quotes."""
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    quote = old[0] if old[:1] in ("'", '"') else ""
    return start, end, f"{quote}{value}{quote}"


def accept(
    yaml_path: str | os.PathLike,
    sheet_path: str | os.PathLike,
    out: str | os.PathLike | None = None,
    *,
    in_place: bool = False,
    overwrite: bool = False,
    write: bool = True,
) -> AcceptResult:
    """Flip to `review: done` the programs whose rows are all ticked in the review sheet.

    The result goes to `out`; to write back into `yaml_path` itself, `in_place=True` (with `out`
    None or the same file).  `overwrite`: replace an existing `out` that is not the input.
    `write=False`: only work out what would change (`result.text` holds the new text)."""
    from subsidykit.catalog import schema
    from subsidykit.catalog.documents import read_yaml
    from subsidykit.workbooks.atomic import write_bytes_atomic
    from subsidykit.workbooks.outputs import Inputs

    src = Path(yaml_path)
    target = Path(out) if out is not None else None
    if write:
        if target is None and not in_place:
            raise BadInputError("请用 --out 指定写出的 YAML 文件，或加 --in-place 写回原文件")
        if target is not None and Inputs([src]).is_input(target) and not in_place:
            raise BadInputError(f"{target} 就是输入的 YAML 文件；写回原文件须加 --in-place")
        if target is not None and Inputs([sheet_path]).is_input(target):
            raise BadInputError(f"{target} 是审阅表本身，不能写入")
    text, data, _model = read_catalog_file(src)
    rows, todo = review_rows(data)
    ticks, todo_ticks = read_ticks(sheet_path)
    by_program: dict[str, list] = {}
    for row in rows:
        by_program.setdefault(row.program, []).append(row)
    todo_by: dict[str, list] = {}
    for t in todo:
        todo_by.setdefault(t.program, []).append(t)

    result = AcceptResult()
    doc_node, nodes, without_key = _review_nodes(text)
    edits: list[tuple[int, int, str]] = []
    why_of: dict[str, list[str]] = {}
    for pid in [*(str(p.get("id")) for p in data.get("programs") or [] if isinstance(p, dict)), DOC_ID]:
        what = ("通用条件或抽样规则", "全文的待处理语句") if pid == DOC_ID else ("数值或条件", "待处理语句")
        why, stale = _why_not(by_program.get(pid, []), ticks, what[0])
        why_todo, stale_todo = _why_not(todo_by.get(pid, []), todo_ticks, what[1])
        why_of[pid] = why + why_todo
        result.stale_rows += stale + stale_todo
    doc_draft = data.get("review") == "draft"
    through_doc: list[str] = []  # signed off, no review line of their own: done when the document is
    for prog in data.get("programs") or []:
        if not isinstance(prog, dict):
            continue
        pid = str(prog.get("id"))
        own = prog.get("review")
        if own == "done" or (own is None and not doc_draft):
            result.already.append(pid)
        elif why_of[pid]:
            result.pending[pid] = why_of[pid]
        elif own == "draft":
            edits.append(_set_value(text, nodes[pid], "done"))  # the program's own `review: draft`
            result.accepted.append(pid)
        else:
            through_doc.append(pid)
    if doc_draft:
        why = list(why_of[DOC_ID])
        # a program without a review line of its own is a draft only through the document: the
        # document stays draft while such a program is not signed off
        held = [pid for pid in without_key if why_of.get(pid)]
        if held:
            why.append(f"没有自己 review 行的项目尚未审核完：{'、'.join(held)}")
        if why or doc_node is None:
            result.document = "draft"
            result.pending[DOC_ID] = why
            for pid in through_doc:
                result.pending[pid] = ["本项目已全部打勾，但没有自己的 review 行，随文件级 review: draft 仍为草稿"]
        else:
            edits.append(_set_value(text, doc_node, "done"))
            result.document_flipped = True
            result.accepted += through_doc
    new = text
    for start, end, value in sorted(edits, reverse=True):
        new = new[:start] + value + new[end:]
    if edits:  # the result must still be a valid catalog file (and say what we meant)
        check = read_yaml(new)
        schema.Document.model_validate(check)
        flipped = {str(p.get("id")) for p in check.get("programs") or [] if isinstance(p, dict) and p.get("review", "done") == "done"}
        if not set(result.accepted) <= flipped:  # pragma: no cover - a node position that does not hold its value
            raise CatalogError("内部错误：改写 review 行后结果与预期不符，未写入")
    result.text = new
    if write:
        dest = target if target is not None else src
        same = Inputs([src]).is_input(dest)
        if not (same and not edits):  # in place and nothing to flip: the file is left untouched
            write_bytes_atomic(dest, new.encode("utf-8"), overwrite=overwrite or same)
        result.out = dest
    return result


__all__ = [
    "AcceptResult",
    "DOC_ID",
    "ReviewRow",
    "ReviewSheet",
    "TodoRow",
    "accept",
    "data_text",
    "is_ticked",
    "read_catalog_file",
    "read_ticks",
    "review_rows",
    "review_sheet",
]
