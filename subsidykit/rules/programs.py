"""Listing and describing programs (for the CLI, the PROGRAMS() function and the docs)."""

from __future__ import annotations

from decimal import Decimal

from subsidykit.catalog import Catalog, Program, load_catalog
from subsidykit.catalog.records import Threshold, Variant
from subsidykit.catalog.cite import cite
from subsidykit.errors import BadInputError
from subsidykit.rules.lookup import Selection, keyword_matches, name_key
from subsidykit.rules.parsing import fmt_ratio, fmt_wan
from subsidykit.rules.vocabulary import canonical_field, field_units

KIND_ZH = {
    "rate_cap": "比例补助",
    "fixed": "定额",
    "cap_only": "限额",
    "per_unit": "按数量",
    "tiered": "分档",
    "two_stage": "分期",
    "combined": "合并限额",
    "actual_cost": "据实",
    "none": "另行通知",
    "recognition": "认定",
}
OP_ZH = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "between": "介于", "in": "属于"}


def num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _value_json(value):
    if isinstance(value, list):
        return [_value_json(v) for v in value]
    if isinstance(value, Decimal):
        return num(value)
    return value


def threshold_json(t: Threshold) -> dict:
    return {
        "field": t.field,
        "op": t.op,
        "value": _value_json(t.value),
        "unit": t.unit,
        "label": t.label,
        "when": [{"field": c.field, "op": c.op, "value": _value_json(c.value), "unit": c.unit} for c in t.when],
        "source": {"file": t.source.file, "lines": list(t.source.lines)},
    }


def _variant_json(v: Variant) -> dict:
    return {
        "name": v.name,
        "kind": v.kind,
        "rate": num(v.rate),
        "cap_wan": num(v.cap),
        "fixed_wan": num(v.fixed),
        "thresholds": [threshold_json(t) for t in v.thresholds],
    }


def program_json(p: Program) -> dict:
    fp = p.first_payment
    return {
        "id": p.id,
        "year": p.year,
        "fund": p.fund,
        "guide": p.guide,
        "path": list(p.path),
        "title": p.title,
        "kind": p.kind,
        "base": p.base,
        "rate": num(p.rate),
        "cap_wan": num(p.cap),
        "fixed_wan": num(p.fixed),
        "unit_amount_wan": num(p.unit_amount),
        "quota": num(p.quota.value) if p.quota else None,
        "first_payment": num(fp.share) if fp and fp.share is not None else None,
        "first_payment_wan": num(fp.amount) if fp and fp.amount is not None else None,
        "no_application": p.no_application,
        "grant": p.grant,
        "minimum": p.minimum,
        "variants": [_variant_json(v) for v in p.variants],
        "thresholds": [threshold_json(t) for t in p.thresholds],
        # every field its conditions (the 子类's and the guide's general ones too) decide on, as typed
        "fields": program_fields(p),
        "city_limits": [{"scope": c.scope, "value": num(c.value), "label": c.label} for c in p.city_limits],
        "office": p.office,
        "phone": p.phone,
        "note": p.note,
        "source": {"file": p.source.file, "lines": list(p.source.lines)} if p.source else None,
        "review": p.review,  # "draft": 草稿（未审核）, its amounts are refused (rules.drafts)
    }


def list_programs(year: object = None, keyword: str | None = None, catalog: Catalog | None = None) -> list[Program]:
    cat = catalog or load_catalog()
    out = list(cat.programs)
    if year not in (None, ""):
        out = [p for p in out if p.year == int(str(year).strip().removesuffix("年"))]
    if keyword:
        out = [p for p in out if keyword_matches(p, keyword)]  # titles, aliases, variants, headings
    return sorted(out, key=lambda p: (-p.year, p.id))


def amount_text(p: Program | Variant) -> str:
    """The amount rule in a few words ("10%，最高 2000 万元")."""
    kind = p.kind
    bits = []
    if kind == "none":
        return "另行通知"
    if kind == "recognition":
        return "认定（无直接资金）"
    if kind == "tiered":
        return "分档：" + "；".join(f"{v.name} {amount_text(v)}" for v in p.variants)  # type: ignore[union-attr]
    if p.rate is not None:
        bits.append(fmt_ratio(p.rate))
    if p.unit_amount is not None:
        bits.append(f"每{p.unit or '个'} {fmt_wan(p.unit_amount)} 万元")
    if p.fixed is not None:
        bits.append(f"定额 {fmt_wan(p.fixed)} 万元")
    parts = p.stages or p.components
    for part in parts:
        desc = part.name
        if part.rate is not None:
            desc += f" {fmt_ratio(part.rate)}"
        if part.cap is not None:
            desc += f" 最高 {fmt_wan(part.cap)} 万元"
        if part.fixed is not None:
            desc += f" {fmt_wan(part.fixed)} 万元"
        bits.append(desc)
    if p.cap is not None:
        bits.append(f"{'合计' if parts else ''}最高 {fmt_wan(p.cap)} 万元")
    return "，".join(bits) or KIND_ZH.get(kind or "", "")


# --- the fields a clerk types (show, fields, check --help) -------------------------------------

INPUT_HINT = {"万元": "数值", "比例": "百分比", "日期": "日期", "是否": "是/否", "文本": "文字"}  # 字段=<hint>
INPUT_EXAMPLE = {"万元": "3500、1.2亿、800万元", "比例": "15%、0.15", "日期": "2022-6-30", "是否": "是、否"}
_UNIT_SHOWN_WITH_VALUE = ("比例", "日期", "是否", "文本")  # the value says its unit: no （unit） after the name


def input_hint(unit: str) -> str:
    """What follows `字段=` for a unit: 数值, 百分比, 日期, 是/否, 文字."""
    return INPUT_HINT.get(unit, "数值")


def rule_value_text(unit: str, op: str, value) -> str:
    """A condition's value as the guide means it: 3000, 15%, 2022-06-30, 是, 国家级、省级."""
    if isinstance(value, list):
        return (" 至 " if op == "between" else "、").join(rule_value_text(unit, "==", v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if unit == "比例":
        return fmt_ratio(Decimal(str(value)))
    if unit in ("日期", "文本"):
        return str(value)
    return format(Decimal(str(value)).normalize(), "f")


def program_fields(p: Program, catalog: Catalog | None = None, variant: Variant | str | None = None) -> list[dict]:
    """The fields the program's conditions decide on, as the clerk types them (canonical names):
    one entry per condition, and one per `when`/`unless` clause deciding whether it applies
    (`role`), with the 子类 it belongs to (`variant`, None for every 子类), whether it is a
    condition of the whole guide (`general`), the 子类 it does not bind (`exempt`) and its clause.
    With `variant`, only the conditions of that 子类 (and those of every 子类)."""
    return [f for _t, rows in _conditions_typed(p, catalog or load_catalog(), variant) for f in rows]


def _conditions_typed(p: Program, cat: Catalog, variant: Variant | str | None) -> list[tuple[Threshold, list[dict]]]:
    """Each condition of `program_fields` (in the order `describe` shows them) with its entries."""
    only = variant.name if isinstance(variant, Variant) else variant
    items = [(None, False, t) for t in p.thresholds]
    items += [(v.name, False, t) for v in p.variants if only is None or v.name == only for t in v.thresholds]
    general = cat.general_thresholds(p) if p.id in cat.doc_of else []  # a program of another catalog: its own only
    items += [(None, True, t) for t in general if p.id not in t.exempt]
    out: list[tuple[Threshold, list[dict]]] = []
    for vname, general, t in items:
        exempt = [e.partition("/")[2] for e in t.exempt if e.startswith(f"{p.id}/")]
        if only is not None and only in exempt:
            continue
        rows = [
            {
                "field": canonical_field(c.field),
                "unit": c.unit,
                "op": c.op,
                "value": _value_json(c.value),
                "variant": vname,
                "general": general,
                "role": role,
                "exempt": exempt,
                "label": t.label,
                "source": {"file": t.source.file, "lines": list(t.source.lines)},
            }
            for role, c in [("condition", t), *(("when", c) for c in t.when), *(("unless", c) for c in t.unless)]
        ]
        out.append((t, rows))
    return out


def field_line(f: dict) -> str:
    """One entry of `program_fields` as typed: 项目总投入（万元）≥ 3000 — 输入：项目总投入=数值."""
    from subsidykit.rules.vocabulary import DERIVED_FROM

    unit = f["unit"]
    shown = " " if unit in _UNIT_SHOWN_WITH_VALUE else f"（{unit}）"
    op = "=" if f["op"] == "==" else OP_ZH.get(f["op"], f["op"])
    hint = f"{f['field']}={input_hint(unit)}"
    parts = DERIVED_FROM.get(f["field"])
    if parts:
        units = field_units()
        hint += f"（或 {' '.join(f'{x}={input_hint(units.get(x, unit))}' for x in parts)}，自动推算）"
    return f"{f['field']}{shown}{op} {rule_value_text(unit, f['op'], f['value'])} — 输入：{hint}"


def describe(p: Program, catalog: Catalog | None = None, variant: Variant | None = None) -> str:
    """A program as the clerk reads it: amounts, conditions and where each comes from, and
    under each condition the field to type (`field_line`); with `variant`, that 子类 only."""
    from subsidykit.rules.drafts import mark, review_note

    cat = catalog or load_catalog()
    lines = [
        f"{mark(p)}{p.title}（{p.id}）",
        f"  年度：{p.year}    资金：{p.fund}",
        f"  指南：{p.guide}",
        f"  位置：{' › '.join(p.path) or '—'}",
        f"  方式：{KIND_ZH[p.kind]}{'（免申直达）' if p.no_application else ''}{'' if p.grant else '（非补助资金：贷款/担保/投资额度）'}",
    ]
    draft = review_note(p)  # a draft entry: said before its amounts
    if draft:
        lines.append(f"  审核：{draft}")
    if p.base:
        lines.append(f"  计算基数：{p.base}")
    lines.append(f"  补助标准：{amount_text(p)}（{cite(p.source)}）")
    if p.first_payment:
        fp = p.first_payment
        what = fmt_ratio(fp.share) if fp.share is not None else f"{fmt_wan(fp.amount)} 万元"
        lines.append(f"  首次拨付：{what}（{cite(fp.source)}）")
    if p.quota:
        lines.append(f"  支持数量：不超过 {fmt_wan(p.quota.value)} 个（{cite(p.quota.source)}）")
    for c in p.city_limits:
        lines.append(f"  限报：{c.label}（{cite(c.source)}）")
    if p.office or p.phone:
        lines.append(f"  主办处室：{p.office or '—'}  联系电话：{p.phone or '—'}")
    if p.note:
        lines.append(f"  说明：{p.note}")
    for v in p.variants:
        if variant is None or v.name == variant.name:
            lines.append(f"  子类「{v.name}」：{amount_text(v) if v.kind or v.rate or v.cap or v.fixed else '金额同上'}" + (f"（{cite(v.source)}）" if v.source else ""))
    conds = _conditions_typed(p, cat, variant)  # with the fields to type, per condition
    if conds:
        lines.append("  条件（每项下为核对时输入的字段，subsidykit check 字段=数值）：")
        for t, rows in conds:
            head = rows[0]
            prefix = "[通用] " if head["general"] else f"[{head['variant']}] " if head["variant"] else ""
            lines.append(f"    - {prefix}{t.label}（{cite(t.source)}）")
            for f in rows:
                role = {"when": "适用前提：", "unless": "除非："}.get(f["role"], "")
                not_for = f"（不适用于子类：{'、'.join(f['exempt'])}）" if f["exempt"] and f["role"] == "condition" and variant is None else ""
                lines.append(f"        {role}{field_line(f)}{not_for}")
        lines.append(f"  可输入的全部字段（含单位、示例）：subsidykit fields {p.id}" + (f" --variant {variant.name}" if variant is not None else ""))
    return "\n".join(lines)


# --- one fact of a program, by its Chinese name (PROGRAM_INFO) ---------------------------

NOT_LISTED = "（指南未列明）"

# field name as a clerk writes it -> the fact; each entry: (names, getter)
_INFO_FIELDS: list[tuple[tuple[str, ...], str]] = [
    (("编号", "id"), "id"),
    (("年度", "year"), "year"),
    (("名称", "项目名称", "title"), "title"),
    (("子类", "类别", "variant"), "variant"),
    (("资金", "专项资金", "fund"), "fund"),
    (("指南", "guide"), "guide"),
    (("位置", "方向", "path"), "path"),
    (("补助方式", "方式", "kind"), "kind"),
    (("补助标准", "标准"), "standard"),
    (("计算基数", "基数", "base"), "base"),
    (("比例", "补助比例", "rate"), "rate"),
    (("最高", "最高金额", "上限", "单个项目最高", "cap"), "cap"),
    (("定额", "fixed"), "fixed"),
    (("单位金额", "每单位金额", "unit_amount"), "unit_amount"),
    (("名额", "支持数量", "quota"), "quota"),
    (("首次拨付", "first_payment"), "first_payment"),
    (("免申直达", "免申", "no_application"), "no_application"),
    (("限报", "限额", "city_limits"), "city_limits"),
    (("条件", "支持条件", "申报条件", "thresholds"), "thresholds"),
    (("来源", "出处", "依据", "source"), "source"),
    (("原文", "text"), "text"),
    (("主办处室", "处室", "office"), "office"),
    (("联系电话", "电话", "phone"), "phone"),
    (("说明", "备注", "note"), "note"),
]
_INFO_INDEX = {name_key(n): key for names, key in _INFO_FIELDS for n in names}
INFO_FIELD_NAMES = tuple(names[0] for names, _ in _INFO_FIELDS)


def program_info(sel: Selection, field: str | None = None, catalog: Catalog | None = None) -> str | int | float | bool:
    """One fact of a program (its variant where chosen) by a Chinese field name; a summary without one."""
    src = sel.field("source")
    if field is None or not str(field).strip():
        from subsidykit.rules.drafts import mark

        what = sel.variant if sel.variant is not None and sel.variant.kind else sel.program
        return f"{mark(sel)}{sel.label}：{KIND_ZH[sel.field('kind')]}，{amount_text(what)}（{cite(src)}）"
    key = _INFO_INDEX.get(name_key(str(field)))
    if key is None:
        raise BadInputError(f"没有信息项「{field}」；可选：{'、'.join(INFO_FIELD_NAMES)}")
    p = sel.program
    if key == "variant":
        return sel.variant.name if sel.variant else "、".join(v.name for v in p.variants) or NOT_LISTED
    if key in ("id", "year", "title", "fund", "guide", "no_application"):
        return getattr(p, key)
    if key == "path":
        return " › ".join(p.path)
    if key == "kind":
        return KIND_ZH[sel.field("kind")]
    if key == "standard":
        what = sel.variant if sel.variant is not None and sel.variant.kind else p
        return amount_text(what)
    if key in ("rate", "cap", "fixed", "unit_amount"):
        value = sel.field(key)
        return NOT_LISTED if value is None else num(value)
    if key == "base":
        return sel.field("base") or NOT_LISTED
    if key == "quota":
        return NOT_LISTED if p.quota is None else num(p.quota.value)
    if key == "first_payment":
        fp = sel.field("first_payment")
        if fp is None:
            return NOT_LISTED
        return fmt_ratio(fp.share) if fp.share is not None else f"{fmt_wan(fp.amount)} 万元"
    if key == "city_limits":
        return "；".join(c.label for c in p.city_limits) or NOT_LISTED
    if key == "thresholds":
        items = list(p.thresholds) + (list(sel.variant.thresholds) if sel.variant else [])
        return "；".join(t.label for t in items) or NOT_LISTED
    if key == "source":
        return f"{cite(src)}：{src.text}" if src is not None else NOT_LISTED
    if key == "text":
        return src.text if src is not None else NOT_LISTED
    if key in ("office", "phone"):
        return getattr(p, key) or NOT_LISTED
    if key == "note":
        return sel.field("note") or NOT_LISTED
    raise AssertionError(key)  # pragma: no cover - every key above is handled
