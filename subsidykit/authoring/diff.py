"""What changed between two guides: the briefing a bureau writes when a new guide comes out.

    d = diff(old_documents, new_documents)      # records (the installed catalog) or schema models
    d = diff_specs("2023", "2026")              # years of the installed catalog, or YAML files
    print(d.to_text())                          # in Chinese, every change with both citations
    d.to_json(); d.to_xlsx("变化.xlsx")

Programs are matched by title and path (white space, width, numbering, quotes, brackets and a
trailing 项目 ignored: `rules.lookup.loose_key`), then by title alone (the program moved), then by
the id's words after the year, then fuzzily by title (a rename: similar title, the same last
heading or kind helping).  What is left is added or removed.

Of every matched program (and of each of its 子类, matched by name) the numbers are compared:
补助方式, 计算基数, 比例, 上限, 定额, 单位金额, each 分期/分项's rate, cap and fixed amount, 首次拨付,
支持数量, 限报, 免申直达, and every threshold (field + op + value + unit; thresholds on one field are
paired by their `when` and op).  The guide's general conditions are compared as one more entry.
Each change carries both citations (file, lines, quote).

Workflow layer: imports rules (names, wording), catalog and workbooks (atomic writes); openpyxl
only for `to_xlsx`.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from subsidykit.errors import BadInputError

GENERAL = "（通用条件）"  # the entry holding the documents' general thresholds
RENAME_THRESHOLD = 0.6  # title similarity (difflib ratio of the loose keys) from which a pair is a rename

KIND_WORDS = {
    "rate_cap": "按比例补助",
    "fixed": "定额补助",
    "cap_only": "只规定最高额",
    "per_unit": "按数量补助",
    "tiered": "分档",
    "two_stage": "分期补助",
    "combined": "多项合计",
    "actual_cost": "据实补助",
    "none": "另行通知",
    "recognition": "资格认定",
}
OP_WORDS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "between": "介于", "in": "属于"}
STATUS_WORDS = {"changed": "变更", "added": "新增", "removed": "删除"}


# --- small helpers ------------------------------------------------------------------------------


def _dec(value: object) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value))


def _wan(value: object) -> str:
    from subsidykit.rules.parsing import fmt_wan

    return f"{fmt_wan(Decimal(str(value)))} 万元"


def _ratio(value: object) -> str:
    from subsidykit.rules.parsing import fmt_ratio

    return fmt_ratio(Decimal(str(value)))


def _norm_text(text: object) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", str(text or "")))


def _scalar(value: object) -> object:
    """A condition value made comparable: numbers as Decimal (0.10 == 0.1), texts normalised."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value)).normalize()
    if isinstance(value, list):
        return tuple(_scalar(v) for v in value)
    text = str(value)
    try:
        return Decimal(text).normalize()
    except ArithmeticError:
        return _norm_text(text)


def _value_words(unit: str, value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if unit == "比例":
        try:
            return _ratio(value)
        except ArithmeticError:
            return str(value)
    if unit in ("日期", "文本", "是否"):
        return str(value)
    try:
        return f"{format(Decimal(str(value)).normalize(), 'f')} {unit}"
    except ArithmeticError:
        return f"{value} {unit}"


def condition_words(c) -> str:
    """field op value unit in words: 项目总投入 ≥ 3000 万元."""
    value = c.value
    if isinstance(value, (list, tuple)):
        shown = (" 至 " if c.op == "between" else "、").join(_value_words(c.unit, v) for v in value)
    else:
        shown = _value_words(c.unit, value)
    return f"{c.field} {OP_WORDS.get(c.op, c.op)} {shown}"


def _cite(src) -> str:
    if src is None:
        return "（无出处）"
    a, b = src.lines
    return f"{src.file} 第{a}行" if a == b else f"{src.file} 第{a}-{b}行"


def _src_json(src) -> dict | None:
    if src is None:
        return None
    return {"file": src.file, "lines": [src.lines[0], src.lines[1]], "text": src.text}


def _loose(text: str) -> str:
    from subsidykit.rules.lookup import loose_key

    return loose_key(text) or _norm_text(text)


def _slug(program_id: str) -> str:
    return program_id.split("-", 1)[1] if "-" in program_id else program_id


# --- facts: the comparable numbers of a program -----------------------------------------------


class Fact:
    """One comparable number or condition of a program: `key` pairs it across the two sides."""

    __slots__ = ("key", "what", "item", "value", "text", "source")

    def __init__(self, key: tuple, what: str, item: str, value: object, text: str, source) -> None:
        self.key = key
        self.what = what
        self.item = item
        self.value = value
        self.text = text
        self.source = source


def _amount_facts(a, item: str, program_source, out: list[Fact]) -> None:
    """The numbers of a program or a 子类 (`a`); `item`: the 子类's name ("" for the program)."""
    src = a.source or program_source
    k = ("amount", item)
    kind = a.kind
    if kind:  # a 子类 without a kind of its own has its program's
        out.append(Fact((*k, "kind"), "补助方式", item, kind, KIND_WORDS.get(kind, kind), src))
    if a.base:
        out.append(Fact((*k, "base"), "计算基数", item, _norm_text(a.base), a.base, src))
    if a.rate is not None:
        out.append(Fact((*k, "rate"), "比例", item, _dec(a.rate), _ratio(a.rate), src))
    if a.cap is not None:
        out.append(Fact((*k, "cap"), "上限", item, _dec(a.cap), f"最高 {_wan(a.cap)}", src))
    if a.fixed is not None:
        per = f"单个{a.per}" if a.per else ""
        out.append(Fact((*k, "fixed"), "定额", item, _dec(a.fixed), f"{per}{_wan(a.fixed)}", src))
    if a.unit_amount is not None:
        out.append(Fact((*k, "unit_amount"), "单位金额", item, _dec(a.unit_amount), f"每{a.unit or '个'} {_wan(a.unit_amount)}", src))
    for field, word in (("stages", "分期"), ("components", "分项")):
        for part in getattr(a, field) or []:
            name = f"{item}·{part.name}" if item else part.name
            pk = ("part", item, field, _loose(part.name))
            if part.rate is not None:
                out.append(Fact((*pk, "rate"), f"{word}比例", name, _dec(part.rate), _ratio(part.rate), part.source))
            if part.cap is not None:
                out.append(Fact((*pk, "cap"), f"{word}上限", name, _dec(part.cap), f"最高 {_wan(part.cap)}", part.source))
            if part.fixed is not None:
                out.append(Fact((*pk, "fixed"), f"{word}定额", name, _dec(part.fixed), _wan(part.fixed), part.source))
    fp = a.first_payment
    if fp is not None:
        if fp.share is not None:
            out.append(Fact((*k, "first_payment"), "首次拨付", item, ("share", _dec(fp.share)), f"补助资金的 {_ratio(fp.share)}", fp.source))
        else:
            out.append(Fact((*k, "first_payment"), "首次拨付", item, ("amount", _dec(fp.amount)), _wan(fp.amount), fp.source))
    if a.quota is not None:
        out.append(Fact((*k, "quota"), "支持数量", item, _dec(a.quota.value), f"不超过 {format(_dec(a.quota.value).normalize(), 'f')} 个", a.quota.source))


def _threshold_facts(thresholds: Iterable, item: str) -> list[tuple[tuple, object]]:
    """(group key, threshold): thresholds are paired within a group (field and `when`)."""
    from subsidykit.rules.vocabulary import canonical_field

    out = []
    for t in thresholds:
        when = tuple(sorted((canonical_field(c.field), c.op) for c in t.when))
        out.append((("cond", item, canonical_field(t.field), when), t))
    return out


def _threshold_value(t) -> tuple:
    return (t.op, _scalar(t.value), t.unit)


def _threshold_text(t) -> str:
    text = condition_words(t)
    if t.when:
        text += "（适用于：" + "；".join(condition_words(c) for c in t.when) + "）"
    return text


def program_facts(p) -> tuple[list[Fact], list[tuple[tuple, object]], dict[str, object]]:
    """(facts, thresholds by group, variants by loose name) of a program (record or schema model)."""
    facts: list[Fact] = []
    _amount_facts(p, "", p.source, facts)
    facts.append(Fact(("flag", "", "no_application"), "免申直达", "", bool(p.no_application), "是" if p.no_application else "否", p.source))
    for lim in p.city_limits:
        facts.append(Fact(("limit", _norm_text(lim.scope)), "限报", lim.scope, _dec(lim.value), f"{lim.scope}限报 {format(_dec(lim.value).normalize(), 'f')} 个", lim.source))
    conds = _threshold_facts(p.thresholds, "")
    variants = {}
    for v in p.variants:
        variants[_loose(v.name)] = v
    return facts, conds, variants


# --- results -------------------------------------------------------------------------------------


class ProgramRef:
    """A program as the briefing names it."""

    __slots__ = ("id", "year", "title", "path", "kind", "amount", "source", "file")

    def __init__(self, p, file: str = "") -> None:
        from subsidykit.rules.programs import amount_text

        self.id = p.id
        self.year = p.year
        self.title = p.title
        self.path = list(p.path)
        self.kind = p.kind
        try:
            self.amount = amount_text(p)
        except Exception:  # noqa: BLE001 - a briefing line, never a failure
            self.amount = KIND_WORDS.get(p.kind, p.kind)
        self.source = p.source
        self.file = file

    def label(self) -> str:
        where = " › ".join(self.path)
        return f"{self.title}（{self.id}{'；' + where if where else ''}）"

    def to_json(self) -> dict:
        return {"id": self.id, "year": self.year, "title": self.title, "path": self.path, "kind": self.kind,
                "amount": self.amount, "source": _src_json(self.source)}  # fmt: skip


class Change:
    """One changed number, condition, 子类 or position of a matched program, with both citations."""

    __slots__ = ("old_id", "new_id", "title", "what", "item", "status", "old", "new", "old_source", "new_source")

    def __init__(self, old_id: str, new_id: str, title: str, what: str, item: str, status: str, old: str | None,
                 new: str | None, old_source, new_source) -> None:  # fmt: skip
        self.old_id = old_id
        self.new_id = new_id
        self.title = title
        self.what = what
        self.item = item
        self.status = status  # changed / added / removed
        self.old = old
        self.new = new
        self.old_source = old_source
        self.new_source = new_source

    def line(self) -> str:
        what = f"{self.what}（{self.item}）" if self.item else self.what
        if self.status == "changed":
            return f"{what}：{self.old} → {self.new}"
        if self.status == "added":
            return f"新增{what}：{self.new}"
        return f"删除{what}：{self.old}"

    def to_json(self) -> dict:
        return {
            "old_id": self.old_id, "new_id": self.new_id, "title": self.title, "what": self.what, "item": self.item,
            "status": self.status, "old": self.old, "new": self.new,
            "old_source": _src_json(self.old_source), "new_source": _src_json(self.new_source),
        }  # fmt: skip


class Renamed:
    __slots__ = ("old", "new", "score", "how")

    def __init__(self, old: ProgramRef, new: ProgramRef, score: float, how: str) -> None:
        self.old = old
        self.new = new
        self.score = score
        self.how = how  # "id" (the same words after the year) or "title" (similar titles)

    def to_json(self) -> dict:
        return {"old": self.old.to_json(), "new": self.new.to_json(), "similarity": round(self.score, 3), "matched_by": self.how}


class CatalogDiff:
    """The programs added, removed and renamed, and every change of the matched ones."""

    def __init__(self, old_label: str, new_label: str, old_count: int, new_count: int) -> None:
        self.old_label = old_label
        self.new_label = new_label
        self.old_count = old_count
        self.new_count = new_count
        self.added: list[ProgramRef] = []
        self.removed: list[ProgramRef] = []
        self.renamed: list[Renamed] = []
        self.matched: list[tuple[ProgramRef, ProgramRef]] = []
        self.changes: list[Change] = []

    @property
    def changed_programs(self) -> list[str]:
        return list(dict.fromkeys(c.new_id or c.old_id for c in self.changes))

    def summary(self) -> dict:
        return {
            "old_programs": self.old_count,
            "new_programs": self.new_count,
            "matched": len(self.matched),
            "added": len(self.added),
            "removed": len(self.removed),
            "renamed": len(self.renamed),
            "changes": len(self.changes),
            "changed_programs": len(self.changed_programs),
        }

    def to_json(self) -> dict:
        return {
            "old": self.old_label,
            "new": self.new_label,
            "summary": self.summary(),
            "added": [p.to_json() for p in self.added],
            "removed": [p.to_json() for p in self.removed],
            "renamed": [r.to_json() for r in self.renamed],
            "changes": [c.to_json() for c in self.changes],
        }

    def to_text(self) -> str:
        s = self.summary()
        out = [
            f"政策目录变化简报：{self.old_label} → {self.new_label}",
            f"旧指南 {s['old_programs']} 个项目，新指南 {s['new_programs']} 个项目；对应上的 {s['matched']} 个。",
            f"新增 {s['added']} 个，取消 {s['removed']} 个，更名 {s['renamed']} 个；"
            f"补助标准和条件变化 {s['changes']} 处，涉及 {s['changed_programs']} 个项目。",
            "",
            f"一、新增项目（{len(self.added)} 个）",
        ]
        out += [f"  {i}. {p.label()}：{p.amount}（{_cite(p.source)}）" for i, p in enumerate(self.added, 1)] or ["  无"]
        out += ["", f"二、取消项目（{len(self.removed)} 个）"]
        out += [f"  {i}. {p.label()}：{p.amount}（{_cite(p.source)}）" for i, p in enumerate(self.removed, 1)] or ["  无"]
        out += ["", f"三、更名项目（{len(self.renamed)} 个）"]
        out += [
            f"  {i}. 「{r.old.title}」→「{r.new.title}」（{r.old.id} → {r.new.id}；"
            + ("编号相同" if r.how == "id" else f"名称相似度 {r.score:.2f}") + "）"
            for i, r in enumerate(self.renamed, 1)
        ] or ["  无"]
        out += ["", f"四、补助标准和条件的变化（{len(self.changes)} 处）"]
        if not self.changes:
            out.append("  无")
        current = None
        n = 0
        for c in self.changes:
            head = (c.old_id, c.new_id)
            if head != current:
                current = head
                n += 1
                ids = c.new_id if c.old_id == c.new_id else f"{c.old_id or '—'} → {c.new_id or '—'}"
                out.append(f"  （{n}）{c.title}" + (f"（{ids}）" if ids else ""))
            out.append(f"    - {c.line()}")
            if c.old_source is not None:
                out.append(f"        旧：{_cite(c.old_source)}「{c.old_source.text}」")
            if c.new_source is not None:
                out.append(f"        新：{_cite(c.new_source)}「{c.new_source.text}」")
        return "\n".join(out)

    def to_xlsx(self, path: str | os.PathLike, *, overwrite: bool = True) -> Path:
        """The briefing as a workbook: 概要, 新增, 取消, 更名, 变化 (every change with both citations)."""
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        from subsidykit.workbooks.atomic import write_bytes_atomic
        from subsidykit.workbooks.cells import col_letters
        from subsidykit.workbooks.reproducible import workbook_bytes

        wb = Workbook()
        bold, fill, wrap = Font(bold=True), PatternFill("solid", fgColor="DDEBF7"), Alignment(wrap_text=True, vertical="top")

        def put(ws, r: int, c: int, value: object):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a quote beginning with "=" stays text
            cell.alignment = wrap
            return cell

        def table(ws, columns: Sequence[tuple[str, float]], body: Iterable[Sequence[object]]) -> None:
            for c, (name, width) in enumerate(columns, start=1):
                cell = put(ws, 1, c, name)
                cell.font, cell.fill = bold, fill
                ws.column_dimensions[col_letters(c - 1)].width = width
            for r, values in enumerate(body, start=2):
                for c, value in enumerate(values, start=1):
                    put(ws, r, c, value)
            ws.freeze_panes = "A2"

        ws = wb.active
        ws.title = "概要"
        ws.column_dimensions["A"].width = 120
        for r, line in enumerate(self.to_text().split("\n")[:3], start=1):
            put(ws, r, 1, line).font = bold if r == 1 else Font()
        ref_cols = (("序号", 6), ("项目编号", 26), ("年度", 7), ("项目名称", 30), ("项目位置", 30), ("补助标准", 40), ("文件", 22), ("行号", 9), ("原文", 60))

        def ref_row(i: int, p: ProgramRef) -> list[object]:
            src = p.source
            return [i, p.id, p.year, p.title, " › ".join(p.path), p.amount, src.file if src else "",
                    _lines(src), src.text if src else ""]  # fmt: skip

        table(wb.create_sheet("新增"), ref_cols, [ref_row(i, p) for i, p in enumerate(self.added, 1)])
        table(wb.create_sheet("取消"), ref_cols, [ref_row(i, p) for i, p in enumerate(self.removed, 1)])
        table(
            wb.create_sheet("更名"),
            (("序号", 6), ("旧编号", 26), ("旧名称", 30), ("新编号", 26), ("新名称", 30), ("依据", 18)),
            [[i, r.old.id, r.old.title, r.new.id, r.new.title, "编号相同" if r.how == "id" else f"名称相似度 {r.score:.2f}"]
             for i, r in enumerate(self.renamed, 1)],
        )  # fmt: skip
        table(
            wb.create_sheet("变化"),
            (("序号", 6), ("项目名称", 28), ("旧编号", 24), ("新编号", 24), ("内容", 12), ("子类/分项/字段", 18), ("变化", 7),
             ("旧值", 26), ("新值", 26), ("旧出处", 24), ("旧原文", 50), ("新出处", 24), ("新原文", 50)),
            [[i, c.title, c.old_id, c.new_id, c.what, c.item, STATUS_WORDS[c.status], c.old or "", c.new or "",
              _cite(c.old_source) if c.old_source else "", c.old_source.text if c.old_source else "",
              _cite(c.new_source) if c.new_source else "", c.new_source.text if c.new_source else ""]
             for i, c in enumerate(self.changes, 1)],
        )  # fmt: skip
        return write_bytes_atomic(path, workbook_bytes(wb, reproducible=True), overwrite=overwrite)


def _lines(src) -> str:
    if src is None:
        return ""
    a, b = src.lines
    return f"{a}" if a == b else f"{a}-{b}"


# --- matching ------------------------------------------------------------------------------------


class _Side:
    def __init__(self, documents: Sequence) -> None:
        self.documents = list(documents)
        self.programs = [(p, d.file) for d in self.documents for p in d.programs]


def _match(old: list, new: list) -> tuple[list[tuple[int, int, str, float]], list[int], list[int]]:
    """Pairs (old index, new index, how, score), then the unmatched old and new indices."""
    import difflib

    def title(p) -> str:
        return _loose(p.title)

    def path(p) -> tuple[str, ...]:
        return tuple(_loose(h) for h in p.path)

    left, right = set(range(len(old))), set(range(len(new)))
    pairs: list[tuple[int, int, str, float]] = []

    def unique(key, how: str) -> None:
        by_old: dict[object, list[int]] = {}
        by_new: dict[object, list[int]] = {}
        for i in sorted(left):
            by_old.setdefault(key(old[i]), []).append(i)
        for j in sorted(right):
            by_new.setdefault(key(new[j]), []).append(j)
        for k, olds in by_old.items():
            news = by_new.get(k)
            if news and len(olds) == len(news) == 1:
                pairs.append((olds[0], news[0], how, 1.0))
                left.discard(olds[0])
                right.discard(news[0])

    unique(lambda p: (title(p), path(p)), "same")
    unique(lambda p: (title(p), path(p)[-1:] if p.path else ()), "same")
    unique(title, "moved")
    unique(lambda p: _slug(p.id), "id")
    scored = []
    for i in left:
        for j in right:
            ratio = difflib.SequenceMatcher(None, title(old[i]), title(new[j]), autojunk=False).ratio()
            if ratio < RENAME_THRESHOLD:
                continue
            bonus = (0.1 if path(old[i])[-1:] == path(new[j])[-1:] else 0.0) + (0.05 if old[i].kind == new[j].kind else 0.0)
            scored.append((ratio + bonus, ratio, i, j))
    for _total, ratio, i, j in sorted(scored, key=lambda s: (-s[0], s[2], s[3])):
        if i in left and j in right:
            pairs.append((i, j, "title", ratio))
            left.discard(i)
            right.discard(j)
    return sorted(pairs, key=lambda x: x[1]), sorted(left), sorted(right)


def _compare_facts(a: list[Fact], b: list[Fact], emit) -> None:
    old = {f.key: f for f in a}
    new = {f.key: f for f in b}
    for key, f in new.items():
        g = old.get(key)
        if g is None:
            emit(f.what, f.item, "added", None, f.text, None, f.source)
        elif g.value != f.value:
            emit(f.what, f.item, "changed", g.text, f.text, g.source, f.source)
    for key, g in old.items():
        if key not in new:
            emit(g.what, g.item, "removed", g.text, None, g.source, None)


def _compare_thresholds(a: list[tuple[tuple, object]], b: list[tuple[tuple, object]], emit) -> None:
    """Thresholds paired within a group (field and `when`): equal ones first, then the same
    operator (a changed value), then one each (a changed operator); what is left is paired across
    fields when op, value and unit are equal and the clauses cited overlap (the field renamed),
    else added or removed."""
    groups: dict[tuple, tuple[list, list]] = {}
    for key, t in a:
        groups.setdefault(key, ([], []))[0].append(t)
    for key, t in b:
        groups.setdefault(key, ([], []))[1].append(t)

    def name(item: str, field: str) -> str:
        return f"{item}·{field}" if item else field

    added: list[tuple[str, object]] = []
    removed: list[tuple[str, object]] = []
    for key, (olds, news) in groups.items():
        item, field = key[1], key[2]
        olds, news = list(olds), list(news)
        for t in list(news):  # unchanged ones first
            same = next((o for o in olds if _threshold_value(o) == _threshold_value(t)), None)
            if same is not None:
                olds.remove(same)
                news.remove(t)
        for t in list(news):  # then the same operator: a changed value
            o = next((o for o in olds if o.op == t.op), None)
            if o is None and len(olds) == 1 and len(news) == 1:
                o = olds[0]  # one condition each: the operator changed
            if o is not None:
                olds.remove(o)
                news.remove(t)
                emit("条件", name(item, field), "changed", _threshold_text(o), _threshold_text(t), o.source, t.source)
        added += [(item, t) for t in news]
        removed += [(item, o) for o in olds]
    def overlap(o, t) -> bool:  # cited from the same lines (of the same file)
        x, y = o.source, t.source
        return x.file == y.file and x.lines[0] <= y.lines[1] and y.lines[0] <= x.lines[1]

    for item, t in list(added):  # the same condition under another field name: same clause, op, value, unit
        match = next(((i, o) for i, o in removed if i == item and _threshold_value(o) == _threshold_value(t) and overlap(o, t)), None)
        if match is not None:
            removed.remove(match)
            added.remove((item, t))
            o = match[1]
            emit("条件", name(item, f"{o.field} → {t.field}"), "changed", _threshold_text(o), _threshold_text(t), o.source, t.source)
    for item, t in added:
        emit("条件", name(item, t.field), "added", None, _threshold_text(t), None, t.source)
    for item, o in removed:
        emit("条件", name(item, o.field), "removed", _threshold_text(o), None, o.source, None)


def _compare_programs(p, q, emit) -> None:
    pf, pc, pv = program_facts(p)
    qf, qc, qv = program_facts(q)
    for name in [n for n in qv if n in pv]:  # the 子类 of both (by name): their own numbers and conditions
        v, w = pv[name], qv[name]
        _amount_facts(v, w.name, p.source, pf)  # both sides under the new guide's name of the 子类
        _amount_facts(w, w.name, q.source, qf)
        pc += _threshold_facts(v.thresholds, w.name)
        qc += _threshold_facts(w.thresholds, w.name)
    _compare_facts(pf, qf, emit)
    _compare_thresholds(pc, qc, emit)
    from subsidykit.rules.programs import amount_text

    for name, w in qv.items():
        if name not in pv:
            emit("子类", w.name, "added", None, _variant_words(w, amount_text), None, w.source or q.source)
    for name, v in pv.items():
        if name not in qv:
            emit("子类", v.name, "removed", _variant_words(v, amount_text), None, v.source or p.source, None)


def _variant_words(v, amount_text) -> str:
    try:
        return f"{v.name}：{amount_text(v) if v.kind or v.rate or v.cap or v.fixed else '金额同项目'}"
    except Exception:  # noqa: BLE001 - a briefing line, never a failure
        return v.name


def _label_of(documents: Sequence) -> str:
    if not documents:
        return "（空）"
    years = sorted({d.year for d in documents})
    files = "、".join(d.file for d in documents)
    return f"{'、'.join(map(str, years))} 年度（{files}）"


def diff(old: Sequence, new: Sequence, *, old_label: str | None = None, new_label: str | None = None) -> CatalogDiff:
    """The changes from the `old` documents to the `new` ones (records or schema models)."""
    a, b = _Side(old), _Side(new)
    result = CatalogDiff(old_label or _label_of(a.documents), new_label or _label_of(b.documents), len(a.programs), len(b.programs))
    olds = [p for p, _f in a.programs]
    news = [p for p, _f in b.programs]
    pairs, removed, added = _match(olds, news)
    result.removed = [ProgramRef(olds[i], a.programs[i][1]) for i in removed]
    result.added = [ProgramRef(news[j], b.programs[j][1]) for j in added]
    for i, j, how, score in pairs:
        p, q = olds[i], news[j]
        old_ref, new_ref = ProgramRef(p, a.programs[i][1]), ProgramRef(q, b.programs[j][1])
        result.matched.append((old_ref, new_ref))
        if how in ("id", "title") and _loose(p.title) != _loose(q.title):
            result.renamed.append(Renamed(old_ref, new_ref, score, how))

        def emit(what, item, status, o, n, os_, ns_, p=p, q=q) -> None:
            result.changes.append(Change(p.id, q.id, q.title, what, item, status, o, n, os_, ns_))

        if tuple(map(_loose, p.path)) != tuple(map(_loose, q.path)) and (p.path or q.path):
            emit("位置", "", "changed", " › ".join(p.path) or "（无）", " › ".join(q.path) or "（无）", p.source, q.source)
        _compare_programs(p, q, emit)
    # the guides' general conditions, as one more entry
    gold = [(k, t) for d in a.documents for k, t in _threshold_facts(d.general_thresholds, "")]
    gnew = [(k, t) for d in b.documents for k, t in _threshold_facts(d.general_thresholds, "")]

    def emit_general(what, item, status, o, n, os_, ns_) -> None:
        result.changes.append(Change("", "", GENERAL, what, item, status, o, n, os_, ns_))

    _compare_thresholds(gold, gnew, emit_general)
    return result


# --- the two sides from the command line -------------------------------------------------------


_YEAR = re.compile(r"^\s*(\d{4})\s*年?度?\s*$")


def load_side(spec: str | os.PathLike) -> tuple[list, str]:
    """(documents, label) of OLD or NEW: a YAML file (validated by the schema; drafts allowed) or a
    year of the installed catalog ("2023")."""
    path = Path(spec)
    m = _YEAR.match(str(spec))
    if m and not path.exists():
        from subsidykit.catalog import load_catalog

        year = int(m.group(1))
        docs = [d for d in load_catalog().documents if d.year == year]
        if not docs:
            years = sorted({d.year for d in load_catalog().documents})
            raise BadInputError(f"政策目录中没有 {year} 年度的指南；已有年度：{'、'.join(map(str, years))}")
        return docs, _label_of(docs)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise BadInputError(f"「{spec}」既不是年度（如 2023），也不是 .yaml 目录文件")
    if not path.is_file():
        raise BadInputError(f"找不到文件：{spec}")
    from subsidykit.authoring.review import read_catalog_file

    _text, _data, model = read_catalog_file(path)
    return [model], f"{path.name}（{model.year} 年度{'，草稿' if model.review == 'draft' or any(p.review == 'draft' for p in model.programs) else ''}）"


def diff_specs(old: str | os.PathLike, new: str | os.PathLike) -> CatalogDiff:
    """`diff` of two command-line sides (years or YAML files)."""
    a, la = load_side(old)
    b, lb = load_side(new)
    return diff(a, b, old_label=la, new_label=lb)


__all__ = ["CatalogDiff", "Change", "ProgramRef", "Renamed", "condition_words", "diff", "diff_specs", "load_side", "program_facts"]
