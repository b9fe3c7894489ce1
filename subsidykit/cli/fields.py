"""`subsidykit fields [PROGRAM]`: the field names to type after `check PROGRAM`, with units.

Without PROGRAM, the whole vocabulary (catalog/fields.yaml and every catalog condition):
canonical name, unit, the other wordings accepted for it and how many programs use it,
grouped by what is typed (金额、比例、日期、数量与年限、是/否、文字).  With PROGRAM, only the
fields its conditions (its 子类's, the guide's general ones) and its cap's base use, each with
its unit, an example of the value, the conditions it decides (with their clauses) and a
`subsidykit check PROGRAM 字段=数值 …` line to paste (one per 子类 where their conditions differ).

Exit codes as everywhere: 0 done, 2 unknown program or bad argument.
"""

from __future__ import annotations

import sys
from collections import Counter
from functools import lru_cache

# The groups of the vocabulary listing, by what is typed after 字段=
GROUPS: tuple[tuple[str, str], ...] = (
    ("amount", "金额（万元）"),
    ("ratio", "比例"),
    ("date", "日期"),
    ("count", "数量与年限"),
    ("yesno", "是/否"),
    ("text", "文字"),
)
_GROUP_OF_UNIT = {"万元": "amount", "比例": "ratio", "日期": "date", "是否": "yesno", "文本": "text"}
_SHELL_SPECIAL = set(" \t\n\"'\\$`;&|<>()*?[]#~!{}")


def group_of(unit: str) -> str:
    return _GROUP_OF_UNIT.get(unit, "count")


@lru_cache(maxsize=1)
def _yaml_fields() -> dict[str, list[str]]:
    """Canonical name -> aliases, in the order of catalog/fields.yaml."""
    from subsidykit.rules.vocabulary import field_specs

    return {name: [str(a) for a in spec.get("aliases") or []] for name, spec in field_specs().items()}


def _bases(program, variant=None) -> list[tuple[str | None, str]]:
    """(子类 or None for every 子类, canonical field) of the cap's base(s): the program's, a
    子类's own, and those of its stages or components."""
    from subsidykit.rules.vocabulary import canonical_field

    out: list[tuple[str | None, str]] = []

    def add(vname, name) -> None:
        if name and (vname, canonical_field(name)) not in out:
            out.append((vname, canonical_field(name)))

    add(None, program.base)
    for part in [*program.stages, *program.components]:
        add(None, part.base)
    for v in program.variants:
        if variant is None or v.name == variant.name:
            add(v.name, v.base)
            for part in [*v.stages, *v.components]:
                add(v.name, part.base)
    return [(vname, name) for vname, name in out if vname is None or (None, name) not in out]


@lru_cache(maxsize=1)
def usage_counts() -> tuple[Counter, frozenset[str]]:
    """How many programs use each field in their own conditions (any 子类, `when`/`unless`
    included) or as their cap's base; and the fields of the guides' general conditions."""
    from subsidykit.catalog import load_catalog
    from subsidykit.rules.vocabulary import canonical_field

    cat = load_catalog()
    counts: Counter = Counter()
    for p in cat.programs:
        names: set[str] = set()
        for t in [*p.thresholds, *(t for v in p.variants for t in v.thresholds)]:
            names.update(canonical_field(c.field) for c in [t, *t.when, *t.unless])
        names.update(name for _v, name in _bases(p))
        counts.update(names)
    general = frozenset(
        canonical_field(c.field) for d in cat.documents for t in d.general_thresholds for c in [t, *t.when, *t.unless]
    )
    return counts, general


def vocabulary_rows() -> list[dict]:
    """Every field of the vocabulary: {field, unit, group, input, aliases, programs, general,
    derived_from}, grouped (GROUPS order), the most used first within a group."""
    from subsidykit.rules.programs import input_hint
    from subsidykit.rules.vocabulary import field_units
    from subsidykit.rules.vocabulary import DERIVED_FROM, known_fields

    yaml_fields = _yaml_fields()
    order = {name: i for i, name in enumerate(yaml_fields)}
    units = field_units()
    counts, general = usage_counts()
    group_rank = {key: i for i, (key, _title) in enumerate(GROUPS)}
    rows = []
    for name in known_fields():
        unit = units.get(name, "文本")
        rows.append(
            {
                "field": name,
                "unit": unit,
                "group": group_of(unit),
                "input": f"{name}={input_hint(unit)}",
                "aliases": yaml_fields.get(name, []),
                "programs": counts.get(name, 0),
                "general": name in general,
                "derived_from": list(DERIVED_FROM.get(name, ())),
            }
        )
    rows.sort(key=lambda r: (group_rank[r["group"]], -r["programs"], order.get(r["field"], len(order)), r["field"]))
    return rows


def most_used_fields(n: int = 12) -> list[dict]:
    """The `n` fields most programs use (for `check --help`)."""
    rows = [r for r in vocabulary_rows() if r["programs"]]
    return sorted(rows, key=lambda r: -r["programs"])[:n]


def check_help_epilog() -> str:
    """The end of `check --help`: where options may stand, the most used fields, where to find the rest."""
    from subsidykit.rules.programs import INPUT_EXAMPLE

    common = "、".join(f"{r['field']}（{'是/否' if r['unit'] == '是否' else r['unit']}）" for r in most_used_fields())
    ex = INPUT_EXAMPLE
    return (
        "选项可放在任何位置，例如：\n"
        "  subsidykit check 2023/高端化改造升级项目 --variant 重大技术改造 项目总投入=1.2亿 手续完备=是\n"
        f"金额按万元（{ex['万元']}）；比例如 {ex['比例']}；日期如 {ex['日期']}；是否写 是 或 否。\n"
        f"最常用的字段：{common}\n"
        "某个项目要填哪些字段（含单位和可粘贴的示例行）：subsidykit fields PROGRAM\n"
        "全部字段、单位和别名：subsidykit fields"
    )


def _shell_word(text: str) -> str:
    return f"'{text}'" if any(ch in _SHELL_SPECIAL for ch in text) else text


def _applies_to(c: dict, names: list[str]) -> set[str | None]:
    """The 子类 a condition entry binds ({None}: a program without 子类)."""
    if c["variant"] is not None:
        return {c["variant"]}
    if not names:
        return {None}
    return {n for n in names if n not in c["exempt"]}


def program_field_rows(sel) -> dict:
    """The fields `sel` (a program, or one of its 子类) uses, one entry per field: unit, what
    to type, the conditions it decides (`program_fields` entries), whether it is the cap's
    base, the 子类 that need it (`variants`, None: all); and the `check` lines to paste,
    one per 子类 where the 子类 have conditions of their own."""
    from subsidykit.catalog import load_catalog
    from subsidykit.rules.programs import INPUT_EXAMPLE, input_hint, program_fields, rule_value_text
    from subsidykit.rules.vocabulary import field_units

    p = sel.program
    names = [v.name for v in p.variants] if sel.variant is None else [sel.variant.name]
    entries = program_fields(p, load_catalog(), sel.variant)
    units = field_units()
    yaml_fields = _yaml_fields()
    by_field: dict[str, dict] = {}
    needed: dict[str, set[str | None]] = {}

    def row(name: str, unit: str) -> dict:
        if name not in by_field:
            by_field[name] = {
                "field": name,
                "unit": unit,
                "input": f"{name}={input_hint(unit)}",
                "example": INPUT_EXAMPLE.get(unit),
                "aliases": yaml_fields.get(name, []),
                "base": False,
                "optional": True,  # only an `unless` exemption uses it
                "conditions": [],
            }
            needed[name] = set()
        return by_field[name]

    for e in entries:
        r = row(e["field"], e["unit"])
        r["conditions"].append({k: e[k] for k in ("op", "value", "variant", "general", "role", "exempt", "label", "source")})
        if e["unit"] == "文本" and r["example"] is None:  # the words the clause accepts
            r["example"] = rule_value_text(e["unit"], e["op"], e["value"])
        if e["role"] != "unless":
            r["optional"] = False
            needed[e["field"]] |= _applies_to(e, names)
    for vname, name in _bases(p, sel.variant):
        r = row(name, units.get(name, "万元"))
        r["base"], r["optional"] = True, False
        needed[name] |= {vname} if vname is not None else set(names) or {None}
    fields = list(by_field.values())
    for r in fields:  # None: every 子类 (or the program has none); else the 子类 that need it
        need = needed[r["field"]]
        r["variants"] = None if not need or None in need or set(names) <= need else [n for n in names if n in need]
    own = any(v.thresholds for v in p.variants) or any(r["variants"] for r in fields)
    lines = []
    for vname in names if names and (own or sel.variant is not None) else [None]:
        words = ["subsidykit", "check", p.id]
        if vname is not None:
            words += ["--variant", _shell_word(vname)]
        words += [
            _shell_word(r["input"])
            for r in fields
            if not r["optional"] and (r["variants"] is None or vname in r["variants"])
        ]
        lines.append(" ".join(words))
    return {
        "program": p.id,
        "title": p.title,
        "year": p.year,
        "variant": sel.variant.name if sel.variant else None,
        "variants": [v.name for v in p.variants],
        "fields": fields,
        "check": lines,
    }


def _condition_text(c: dict, unit: str) -> str:
    from subsidykit.rules.programs import OP_ZH, rule_value_text

    op = "=" if c["op"] == "==" else OP_ZH.get(c["op"], c["op"])
    where = "[通用] " if c["general"] else f"[{c['variant']}] " if c["variant"] else ""
    rule = f"{op} {rule_value_text(unit, c['op'], c['value'])}"
    not_for = f"（不适用于子类：{'、'.join(c['exempt'])}）" if c["exempt"] and c["role"] == "condition" else ""
    src = c["source"]
    a, b = src["lines"]
    cited = f"{src['file']} 第{a}行" if a == b else f"{src['file']} 第{a}-{b}行"
    if c["role"] == "when":
        return f"{where}{rule} 时适用：{c['label']}（{cited}）"
    if c["role"] == "unless":
        return f"{where}{rule} 时不受此条件限制：{c['label']}（{cited}）"
    return f"{where}{rule} — {c['label']}{not_for}（{cited}）"


def render_program(data: dict) -> str:
    from subsidykit.rules.vocabulary import DERIVED_FROM

    head = f"{data['year']}/{data['title']}" + (f"/{data['variant']}" if data["variant"] else "")
    out = [f"{head}（{data['program']}）核对时输入的字段："]
    if not data["fields"]:
        out.append("  （本项目没有可核对的量化条件）")
    names = data["variants"] if data["variant"] is None else [data["variant"]]

    def show(r: dict, only: str | None = None) -> None:
        unit = "是/否" if r["unit"] == "是否" else "文字" if r["unit"] == "文本" else r["unit"]
        example = f"，如 {r['example']}" if r["example"] else ""
        extra = "（可选：满足时不受相关条件限制）" if r["optional"] else ""
        out.append(f"  {r['input']}    （{unit}{example}）{extra}")
        if r["aliases"]:
            out.append(f"      也可写作：{'、'.join(r['aliases'][:6])}{' 等' if len(r['aliases']) > 6 else ''}")
        if r["field"] in DERIVED_FROM:
            out.append(f"      或给出 {'、'.join(DERIVED_FROM[r['field']])}，自动推算")
        if r["base"]:
            out.append("      补助计算基数：最高补助按此测算")
        for c in r["conditions"]:
            if only is None or only in _applies_to(c, names):
                out.append(f"      {_condition_text(c, r['unit'])}")

    for r in data["fields"]:
        if r["variants"] is None:
            show(r)
    for name in names:
        mine = [r for r in data["fields"] if r["variants"] and name in r["variants"]]
        if mine:
            out.append(f"子类「{name}」另需：")
            for r in mine:
                show(r, name)
    out.append("复制后把 数值/日期/是/否/文字 换成实际值：")
    out += [f"  {line}" for line in data["check"]]
    return "\n".join(out)


def render_vocabulary(rows: list[dict]) -> str:
    from subsidykit.rules.programs import INPUT_EXAMPLE

    out: list[str] = []
    for key, title in GROUPS:
        mine = [r for r in rows if r["group"] == key]
        if not mine:
            continue
        example = {"amount": INPUT_EXAMPLE["万元"], "ratio": INPUT_EXAMPLE["比例"], "date": INPUT_EXAMPLE["日期"],
                   "yesno": INPUT_EXAMPLE["是否"], "count": "3、12", "text": "省级、江苏省南京市"}[key]  # fmt: skip
        out.append(f"{title} — {len(mine)} 个，写法如 {example}")
        for r in mine:
            bits = []
            if r["group"] == "count":
                bits.append(r["unit"])
            if r["programs"]:
                bits.append(f"{r['programs']} 个项目")
            if r["general"]:
                bits.append("通用条件")
            if not r["programs"] and not r["general"]:
                bits.append("台账/申报表")
            if r["derived_from"]:
                bits.append(f"可由 {'、'.join(r['derived_from'])} 推算")
            line = f"  {r['field']}（{'，'.join(bits)}）"
            if r["aliases"]:
                line += f"  也可写作：{'、'.join(r['aliases'])}"
            out.append(line)
    out.append("某个项目要填的字段：subsidykit fields PROGRAM")
    return "\n".join(out)


def cmd_fields(args) -> int:
    from subsidykit.rules.lookup import find_program
    from subsidykit.workbooks.outputs import json_text

    if args.program is None:
        if args.variant:
            from subsidykit.errors import BadInputError

            raise BadInputError("--variant 须与项目一起使用：subsidykit fields PROGRAM --variant 子类")
        rows = vocabulary_rows()
        if args.year:  # the fields that year's programs use
            from subsidykit.errors import BadInputError
            from subsidykit.rules.programs import list_programs

            try:
                progs = list_programs(args.year)
            except ValueError:
                raise BadInputError(f"无法识别的年度「{args.year}」") from None
            keep = {r["field"] for p in progs for r in program_field_rows(find_program(p.id))["fields"]}
            rows = [r for r in rows if r["field"] in keep]
        if args.json:
            print(json_text(rows))
        else:
            print(render_vocabulary(rows))
            print(f"共 {len(rows)} 个字段", file=sys.stderr)
        return 0
    sel = find_program(args.program, year=args.year, variant=args.variant)
    data = program_field_rows(sel)
    print(json_text(data) if args.json else render_program(data))
    return 0


def register(sub) -> None:
    p = sub.add_parser("fields", help="核对时输入的字段名和单位（全部，或某个项目要填的）")
    p.add_argument("program", nargs="?", help="项目编号或名称；省略时列出全部字段")
    p.add_argument("--year", help="年度，如 2023")
    p.add_argument("--variant", help="子类，如 重大技术改造项目")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_fields)


__all__ = ["check_help_epilog", "cmd_fields", "most_used_fields", "program_field_rows", "register", "vocabulary_rows"]
