"""The maximum award (万元) a program's 补助标准 allows, with the formula and its clause."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .catalog import Catalog
from .catalog.schema import Part, Source
from .cite import cite, source_json
from .errors import BadInputError, NoAmountError
from .lookup import Selection, find_program, name_key, require_variant
from .parsing import (
    fmt_ratio,
    fmt_wan,
    is_blank,
    parse_amount_wan,
    parse_number,
    round_yuan,
)


@dataclass(frozen=True)
class Award:
    selection: Selection
    amount: Decimal  # 万元, rounded half-up to the yuan
    explanation: str
    source: Source | None
    steps: tuple[str, ...] = field(default=())
    first_payment: Decimal | None = None  # 万元 paid before acceptance, where the guide says

    def to_json(self) -> dict:
        sel = self.selection
        return {
            "program": sel.program.id,
            "title": sel.program.title,
            "year": sel.program.year,
            "variant": sel.variant.name if sel.variant else None,
            "amount_wan": float(self.amount),
            "amount_text": fmt_wan(self.amount),
            "explanation": self.explanation,
            "first_payment_wan": None if self.first_payment is None else float(self.first_payment),
            "source": source_json(self.source),
        }


def _base_value(value: object, what: str) -> Decimal:
    if value is None or is_blank(value):
        raise BadInputError(f"请提供{what}（万元）")
    amount = parse_amount_wan(value)
    if amount < 0:
        raise BadInputError(f"{what}不能为负数：{value}")
    return amount


def _rate_step(rate: Decimal, base: Decimal, base_name: str, cap: Decimal | None, steps: list[str]) -> Decimal:
    raw = rate * base
    steps.append(f"{base_name} {fmt_wan(base)} 万元 × {fmt_ratio(rate)} = {fmt_wan(raw)} 万元")
    if cap is not None and raw > cap:
        steps.append(f"超过最高 {fmt_wan(cap)} 万元，按 {fmt_wan(cap)} 万元计")
        return cap
    return raw


def _part_amount(
    part: Part, bases: Mapping[str, object], default: object, shared_base: bool, steps: list[str]
) -> Decimal:
    label = part.name
    if part.fixed is not None:
        steps.append(f"{label}：定额 {fmt_wan(part.fixed)} 万元")
        return part.fixed
    if part.rate is not None:
        keys = {name_key(part.name), name_key(part.base or "")}
        given = next((v for k, v in bases.items() if name_key(k) in keys), None)
        if given is None:
            if not shared_base:
                raise BadInputError(
                    f"各分项的计算基数不同，请分别提供，例如「{part.name}=数值」（{part.base or part.name}，万元）"
                )
            given = default
        base = _base_value(given, f"{label}的计算基数（{part.base or part.name}）")
        sub: list[str] = []
        value = _rate_step(part.rate, base, part.base or part.name, part.cap, sub)
        steps.append(f"{label}：" + "，".join(sub))
        return value
    if part.cap is not None:
        steps.append(f"{label}：最高不超过 {fmt_wan(part.cap)} 万元")
        return part.cap
    raise NoAmountError(f"{label}的金额未在指南中给出")


def _split_bases(base: object) -> tuple[object, dict[str, object]]:
    """"贴息=120;设备补助=3000" -> named bases (for combined programs typed in one cell)."""
    if isinstance(base, str) and "=" in base:
        named: dict[str, object] = {}
        for item in base.replace("；", ";").replace("，", ";").replace(",", ";").split(";"):
            if item.strip():
                k, _, v = item.partition("=")
                named[k.strip()] = v.strip()
        return None, named
    return base, {}


def cap(
    program: str | Selection,
    base: object = None,
    *,
    variant: str | None = None,
    count: object = None,
    year: object = None,
    bases: Mapping[str, object] | None = None,
    catalog: Catalog | None = None,
) -> Award:
    """The maximum award in 万元 for `program` given its base amount (万元) or count."""
    sel = program if isinstance(program, Selection) else find_program(program, year=year, variant=variant, catalog=catalog)
    sel = require_variant(sel)
    base, named = _split_bases(base)
    named.update(bases or {})
    kind = sel.field("kind")
    src: Source | None = sel.field("source")
    base_name = sel.field("base") or "计算基数"
    rate, top = sel.field("rate"), sel.field("cap")
    steps: list[str] = []

    if kind in ("none", "recognition"):
        note = (sel.field("note") or "").split("。")[0]  # the reason; the rest stays in `show`
        if kind == "recognition":
            msg = f"{sel.label} 是资格认定，指南未规定直接的资金额度"
        else:
            msg = f"{sel.label} 的补助金额指南未明确（另行通知或另有规定），无法计算"
        raise NoAmountError(f"{msg}{'：' + note if note else ''}（{cite(src)}）")
    if kind == "rate_cap":
        if rate is None:
            raise NoAmountError(f"{sel.label} 未给出补助比例（{cite(src)}）")
        amount = _rate_step(rate, _base_value(base, base_name), base_name, top, steps)
        head = f"按不超过{base_name}的{fmt_ratio(rate)}" + (f"，最高不超过 {fmt_wan(top)} 万元" if top else "（指南未设上限）")
    elif kind == "fixed":
        amount = sel.field("fixed")
        head = f"定额 {fmt_wan(amount)} 万元"
    elif kind == "cap_only":
        amount = top
        head = f"最高不超过 {fmt_wan(top)} 万元（按上限计）"
    elif kind == "per_unit":
        unit_amount, unit = sel.field("unit_amount"), sel.field("unit") or "个"
        if is_blank(count):
            count = base  # one cell: the count typed where the base would be
        n = None if is_blank(count) else parse_number(count, "数量")
        if n is None or n < 0 or n != n.to_integral_value():
            raise BadInputError(f"请提供数量（{unit}，非负整数）")
        amount = unit_amount * n
        steps.append(f"每{unit} {fmt_wan(unit_amount)} 万元 × {n} {unit} = {fmt_wan(amount)} 万元")
        if top is not None and amount > top:
            steps.append(f"超过最高 {fmt_wan(top)} 万元，按 {fmt_wan(top)} 万元计")
            amount = top
        head = f"每{unit} {fmt_wan(unit_amount)} 万元"
    elif kind == "actual_cost":
        cost = _base_value(base, base_name)
        steps.append(f"{base_name} {fmt_wan(cost)} 万元")
        amount = cost
        if top is not None and cost > top:
            steps.append(f"超过最高 {fmt_wan(top)} 万元，按 {fmt_wan(top)} 万元计")
            amount = top
        head = f"按{base_name}据实补助" + (f"，最高不超过 {fmt_wan(top)} 万元" if top else "")
    elif kind in ("two_stage", "combined"):
        parts = sel.field("stages") if kind == "two_stage" else sel.field("components")
        rated = [p for p in parts if p.rate is not None]
        shared = len({name_key(p.base or p.name) for p in rated}) <= 1  # one base serves all rated parts
        amount = sum((_part_amount(p, named, base, shared, steps) for p in parts), Decimal(0))
        steps.append(f"合计 {fmt_wan(amount)} 万元")
        if top is not None and amount > top:
            steps.append(f"超过合计上限 {fmt_wan(top)} 万元，按 {fmt_wan(top)} 万元计")
            amount = top
        if kind == "two_stage":
            head = "分期安排（后期资金根据绩效评价确定，此处按最高额计）"
        else:
            head = "多项合计" + (f"，合计不超过 {fmt_wan(top)} 万元" if top else "")
    else:  # pragma: no cover - the schema lists every kind
        raise NoAmountError(f"未知的补助方式 {kind}")

    amount = round_yuan(amount)
    if not sel.program.grant:
        raise NoAmountError(
            f"{sel.label} 不是补助资金（为贷款、担保或投资等额度），不计入补助：额度最高 {fmt_wan(amount)} 万元（{cite(src)}）",
            limit=amount,
        )
    if sel.program.minimum:
        raise NoAmountError(
            f"{sel.label} 指南只规定了下限（不低于 {fmt_wan(amount)} 万元），未规定最高额（{cite(src)}）",
            limit=amount,
        )
    calc = "；".join(steps) + "。" if steps else ""
    explanation = f"{sel.label}：{head}。{calc}最高补助 {fmt_wan(amount)} 万元（{cite(src)}）"
    first = _first_payment(sel, amount, steps)
    if first is not None:
        explanation += f"；{steps[-1]}"
    return Award(sel, amount, explanation, src, tuple(steps), first)


def _first_payment(sel: Selection, amount: Decimal, steps: list[str]) -> Decimal | None:
    fp = sel.field("first_payment")
    if fp is None:
        return None
    if fp.share is not None:
        value = round_yuan(amount * fp.share)
        steps.append(f"首次拨付 {fmt_ratio(fp.share)}，即 {fmt_wan(value)} 万元（{cite(fp.source)}）")
        return value
    value = min(fp.amount, amount)
    steps.append(f"首次拨付 {fmt_wan(value)} 万元（{cite(fp.source)}）")
    return value
