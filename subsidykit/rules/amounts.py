"""The maximum award (万元) a program's 补助标准 allows, with the formula and its clause.

`cap` is the one definition of every amount (Decimal 万元, half-up to the yuan). The float
forms a worksheet needs (`fast_cap`: one base, or a column with numpy) are generated from
the same selection's kind, rate and cap, and answer only where floats are sure to agree;
`cap_values` is the column form over both."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.frozen import IdentityRecord, Record
from subsidykit.catalog.records import Part, Source
from subsidykit.catalog.cite import cite, source_json
from subsidykit.errors import BadInputError, NoAmountError, SubsidyError, UnknownProgramError
from subsidykit.rules.lookup import Selection, find_program, name_key, require_variant
from subsidykit.rules.parsing import (
    MAX_AMOUNT_WAN,
    fmt_ratio,
    fmt_wan,
    is_blank,
    parse_amount_wan,
    parse_count,
    round_yuan,
)

class Award(Record):
    selection: Selection
    amount: Decimal  # 万元, rounded half-up to the yuan
    explanation: str
    source: Source | None
    steps: tuple[str, ...]
    first_payment: Decimal | None  # 万元 paid before acceptance, where the guide says
    _fields = ("selection", "amount", "explanation", "source", "steps", "first_payment")

    def __init__(
        self, selection: Selection, amount: Decimal, explanation: str, source: Source | None,
        steps: tuple[str, ...] = (), first_payment: Decimal | None = None,
    ) -> None:  # fmt: skip
        _set = object.__setattr__
        _set(self, "selection", selection)
        _set(self, "amount", amount)
        _set(self, "explanation", explanation)
        _set(self, "source", source)
        _set(self, "steps", steps)
        _set(self, "first_payment", first_payment)

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


def _part_label(part: Part) -> str:
    """How a part's base is best typed: its base where that is a short name, else the part's name."""
    return part.base if part.base and len(part.base) <= 12 else part.name


def match_part(parts: list[Part], given: str) -> Part | None:
    """The part a typed name denotes: its name or its base (as `name_key` compares them);
    else the one part whose name or base contains the typed words (“贷款利息” in a base
    printed as “经省级金融机构确认的企业实际支付…贷款利息（…）”); None when none or several."""
    key = name_key(str(given))
    if not key:
        return None
    exact = [p for p in parts if key in {name_key(p.name), name_key(p.base or "")}]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    loose = [p for p in parts if len(key) >= 2 and (key in name_key(p.name) or key in name_key(p.base or ""))]
    return loose[0] if len(loose) == 1 else None


def _parts_of(sel: Selection, kind: str) -> list[Part]:
    return list(sel.field("stages") if kind == "two_stage" else sel.field("components"))


def _parts_hint(parts: list[Part]) -> str:
    """How to give the parts, in words that work on the command line and in a cell."""
    rated = [p for p in parts if p.rate is not None]
    example = "；".join(f"{_part_label(p)}={v}" for p, v in zip(rated, ("1000", "100", "50", "10"), strict=False))
    each = "、".join(f"{p.name}（{p.base or p.name}）" for p in rated)
    return (
        f"须分别给出各分项的计算基数（万元）：{each}。写成「{example}」"
        f"（命令行 --part {_part_label(rated[0]) if rated else '名称'}=数值，可重复；工作表写在基数单元格中，"
        "或用 SUBSIDY_CAP 的分项名称、分项基数两个区域参数）；没有的分项可不写，按 0 计；"
        f"只计一个分项时把分项名称作为子类（如 子类「{rated[0].name if rated else ''}」）"
    )


def _resolve_parts(sel: Selection, parts: list[Part], named: Mapping[str, object]) -> dict[str, object]:
    """The named bases by part name; an unknown or doubled name is refused with the parts listed."""
    out: dict[str, object] = {}
    unknown: list[str] = []
    for given, value in named.items():
        part = match_part(parts, given)
        if part is None:
            unknown.append(str(given))
            continue
        if part.name in out:
            raise BadInputError(f"{sel.label} 的分项「{part.name}」给了两次，只能给一次")
        out[part.name] = value
    if unknown:
        choices = "、".join(f"{p.name}" + (f"（{p.base}）" if p.base else "") for p in parts)
        raise BadInputError(f"{sel.label} 没有分项「{'、'.join(unknown)}」；可用的分项：{choices}")
    return out


def _part_amount(
    part: Part, given: object, default: object, steps: list[str], *, zero_if_missing: bool, need: str
) -> Decimal:
    label = part.name
    if part.fixed is not None:
        steps.append(f"{label}：定额 {fmt_wan(part.fixed)} 万元")
        return part.fixed
    if part.rate is not None:
        if given is None or is_blank(given):
            if zero_if_missing:
                steps.append(f"{label}：未给出{part.base or part.name}，该分项按 0 计")
                return Decimal(0)
            if default is None or is_blank(default):
                if need:
                    raise BadInputError(need)
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


KIND_WORDS = {
    "rate_cap": "按比例补助",
    "fixed": "定额补助",
    "cap_only": "只规定最高额的补助",
    "per_unit": "按数量补助",
    "actual_cost": "据实补助",
    "two_stage": "分期补助",
    "combined": "多项合计补助",
}


def _refuse_count(sel: Selection, kind: str, count: object) -> None:
    """A count applies only where the clause gives an amount per item (per_unit, or `per`)."""
    if kind != "per_unit" and not sel.field("per") and not is_blank(count):
        raise BadInputError(
            f"{sel.label} 是{KIND_WORDS.get(kind, kind)}，指南没有按单个装备、产品、企业等给出的金额，"
            f"没有按数量计算的金额；给出的数量「{count}」不适用，请去掉"
        )


def _is_zero(value: object) -> bool:
    try:
        return parse_amount_wan(value) == 0
    except SubsidyError:
        return False


def _refuse_inapplicable(sel: Selection, kind: str, base: object, count: object, named: Mapping[str, object]) -> None:
    what = f"{sel.label} 是{KIND_WORDS.get(kind, kind)}"
    if kind in ("fixed", "cap_only") and not is_blank(base) and not _is_zero(base):  # 0: a placeholder before --count
        raise BadInputError(f"{what}，金额与计算基数无关；给出的计算基数「{base}」不适用，请去掉")
    _refuse_count(sel, kind, count)
    if named:
        if kind not in ("two_stage", "combined"):
            raise BadInputError(f"{what}，没有分项；给出的分项基数「{'、'.join(named)}」不适用，请去掉")
        _resolve_parts(sel, _parts_of(sel, kind), named)


_PART_SEPARATORS = re.compile(r"[；;，,、\r\n]+")


def _split_bases(base: object) -> tuple[object, dict[str, object]]:
    """"贴息=120；设备补助=3000" -> named bases (for combined programs typed in one cell).

    Items are separated by ；;，, 、 or line breaks; = may be full-width (＝)."""
    if isinstance(base, str) and ("=" in base or "＝" in base):
        named: dict[str, object] = {}
        for item in _PART_SEPARATORS.split(base.replace("＝", "=")):
            if item.strip():
                k, sep, v = item.partition("=")
                if not sep or not k.strip():
                    raise BadInputError(f"分项基数「{item.strip()}」应写成 名称=数值，多项用；分隔")
                if k.strip() in named:
                    raise BadInputError(f"分项「{k.strip()}」给了两次，只能给一次")
                named[k.strip()] = v.strip()
        return None, named
    return base, {}


def _select_part(
    program: str | Selection, variant: str | None, year: object, catalog: Catalog | None
) -> tuple[Selection, Part | None]:
    """The program and variant; a variant that names a part (分项) of a combined or two-stage
    program instead of a 子类 selects the program and that part."""
    if isinstance(program, Selection):
        return program, None
    try:
        return find_program(program, year=year, variant=variant, catalog=catalog), None
    except UnknownProgramError as exc:
        tries: list[tuple[str, str]] = []
        if variant is not None and str(variant).strip():
            tries.append((program, str(variant)))
        elif isinstance(program, str) and re.search(r"[/／]", program.strip()):
            rest, _, last = program.strip().replace("／", "/").rpartition("/")
            tries.append((rest, last))
        for name, part_name in tries:
            try:
                sel = find_program(name, year=year, catalog=catalog)
            except SubsidyError:
                continue
            kind = sel.field("kind")
            if sel.variant is None and kind in ("two_stage", "combined"):
                part = match_part(_parts_of(sel, kind), part_name)
                if part is not None:
                    return sel, part
        raise exc


def cap(
    program: str | Selection,
    base: object = None,
    *,
    variant: str | None = None,
    count: object = None,
    year: object = None,
    bases: Mapping[str, object] | None = None,
    catalog: Catalog | None = None,
    strict: bool = False,
    allow_draft: bool | None = None,
) -> Award:
    """The maximum award in 万元 for `program` given its base amount (万元) or count.

    `strict` (the command line): an argument that does not apply to the program's kind of
    award — a base for a fixed or capped amount, a count without a per-item amount, a named
    part the program does not have — is refused with the reason instead of being ignored.
    A draft entry (`review: draft`) is refused (DraftEntryError) unless `allow_draft` (default:
    the SUBSIDYKIT_ALLOW_DRAFT setting), and then its explanation says it is a draft."""
    sel, only = _select_part(program, variant, year, catalog)
    sel = require_variant(sel)
    draft = ""  # the words before a draft's explanation
    if sel.program.review != "done":  # a draft entry: rules.drafts refuses it, or says it is one
        from subsidykit.rules.drafts import amounts_note

        draft = amounts_note(sel, allow=allow_draft)
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
        raise NoAmountError(f"{draft}{msg}{'：' + note if note else ''}（{cite(src)}）")
    if strict:
        _refuse_inapplicable(sel, kind, base, count, named)
    elif sel.program.grant and not sel.program.minimum:  # else the clause has no amount to count (below)
        _refuse_count(sel, kind, count)
    if kind == "rate_cap":
        if rate is None:
            raise NoAmountError(f"{sel.label} 未给出补助比例（{cite(src)}）")
        amount = _rate_step(rate, _base_value(base, base_name), base_name, top, steps)
        head = f"按不超过{base_name}的{fmt_ratio(rate)}" + (f"，最高不超过 {fmt_wan(top)} 万元" if top else "（指南未设上限）")
    elif kind in ("fixed", "cap_only"):
        amount = sel.field("fixed") if kind == "fixed" else top
        head = f"定额 {fmt_wan(amount)} 万元" if kind == "fixed" else f"最高不超过 {fmt_wan(top)} 万元（按上限计）"
        per = sel.field("per")  # the clause gives the amount per item (单个装备, 每家企业 …): a count multiplies
        if per:
            head = f"单个{per}{head}"
            if not is_blank(count):
                n = Decimal(parse_count(count, f"数量（{per}）"))  # 0..MAX_COUNT: the product stays exact
                each, amount = amount, amount * n
                steps.append(f"单个{per} {fmt_wan(each)} 万元 × {n} = {fmt_wan(amount)} 万元")
    elif kind == "per_unit":
        unit_amount, unit = sel.field("unit_amount"), sel.field("unit") or "个"
        if is_blank(count):
            count = base  # one cell: the count typed where the base would be
        if is_blank(count):
            raise BadInputError(f"请提供数量（{unit}，非负整数）")
        n = Decimal(parse_count(count, f"数量（{unit}）"))  # 0..MAX_COUNT: the product stays exact
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
        parts = _parts_of(sel, kind)
        given = _resolve_parts(sel, parts, named)
        if only is not None:  # one part named as the 子类: that part alone, the others not counted
            steps.append(f"只计分项「{only.name}」，其余分项不计")
            if only.name not in given and not is_blank(base):
                given[only.name] = base
            parts, base = [only], None
        rated = [p for p in parts if p.rate is not None]
        shared = len({name_key(p.base or p.name) for p in rated}) <= 1  # one base serves all rated parts
        if strict and given and not shared and not is_blank(base):
            raise BadInputError(
                f"{sel.label} 各分项的计算基数不同：已按分项给出基数，另给的计算基数「{base}」不知属于哪一项；"
                "请把它也写成 名称=数值，或去掉"
            )
        need = "" if shared else f"{sel.label} 是多项合计补助，各分项的计算基数不同，" + (
            f"一个数「{base}」不能同时作为各分项的基数；" if not is_blank(base) else ""
        ) + _parts_hint(parts)
        amount = sum(
            (
                _part_amount(p, given.get(p.name), base if shared else None, steps, zero_if_missing=bool(given) and not (shared and not is_blank(base)), need=need)
                for p in parts
            ),
            Decimal(0),
        )
        steps.append(f"合计 {fmt_wan(amount)} 万元")
        if top is not None and amount > top:
            steps.append(f"超过合计上限 {fmt_wan(top)} 万元，按 {fmt_wan(top)} 万元计")
            amount = top
        if kind == "two_stage":
            head = "分期安排（后期资金根据绩效评价确定，此处按最高额计）"
        else:
            head = "多项合计" + (f"，合计不超过 {fmt_wan(top)} 万元" if top else "")
        if only is not None:
            head += f"；分项「{only.name}」"
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
    explanation = f"{draft}{sel.label}：{head}。{calc}最高补助 {fmt_wan(amount)} 万元（{cite(src)}）"
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


# --- single figures: the rate and the per-project maximum -------------------------------


class Figure(Record):
    """One number of a program's 补助标准 (a rate or a cap), with its clause."""

    selection: Selection
    value: Decimal
    source: Source | None
    _fields = ("selection", "value", "source")

    def __init__(self, selection: Selection, value: Decimal, source: Source | None) -> None:
        _set = object.__setattr__
        _set(self, "selection", selection)
        _set(self, "value", value)
        _set(self, "source", source)


def _select(program: str | Selection, variant: str | None, year: object, catalog: Catalog | None) -> Selection:
    sel = program if isinstance(program, Selection) else find_program(program, year=year, variant=variant, catalog=catalog)
    sel = require_variant(sel)
    if sel.program.review != "done":  # a draft entry's figures are refused unless drafts are allowed
        from subsidykit.rules.drafts import amounts_note

        amounts_note(sel)
    return sel


def _not_a_grant(sel: Selection, what: str, value: Decimal, src: Source | None) -> None:
    if not sel.program.grant:
        raise NoAmountError(
            f"{sel.label} 不是补助资金（为贷款、担保或投资等额度）：{what} {fmt_wan(value)} 万元（{cite(src)}）", limit=value
        )
    if sel.program.minimum:
        raise NoAmountError(f"{sel.label} 指南只规定了下限（不低于 {fmt_wan(value)} 万元），未规定最高额（{cite(src)}）", limit=value)


def rate_of(
    program: str | Selection, *, variant: str | None = None, year: object = None, catalog: Catalog | None = None
) -> Figure:
    """The 补助比例 of a program (a fraction: 0.1 for 10%); NoAmountError when it has none."""
    sel = _select(program, variant, year, catalog)
    rate, src = sel.field("rate"), sel.field("source")
    if rate is None:
        parts = [p for p in (sel.field("stages") or sel.field("components") or []) if p.rate is not None]
        if len(parts) == 1:
            return Figure(sel, parts[0].rate, parts[0].source or src)
        kind = sel.field("kind")
        if kind in ("none", "recognition"):
            raise NoAmountError(f"{sel.label} 未规定补助金额（{cite(src)}）")
        raise NoAmountError(f"{sel.label} 不按单一比例补助（{cite(src)}）")
    return Figure(sel, rate, src)


def limit_of(
    program: str | Selection, *, variant: str | None = None, year: object = None, catalog: Catalog | None = None
) -> Figure:
    """The 单个项目最高 amount (万元): the cap, or the fixed amount of a 定额 program."""
    sel = _select(program, variant, year, catalog)
    src = sel.field("source")
    value = sel.field("cap")
    if value is None and sel.field("kind") == "fixed":
        value = sel.field("fixed")
    if value is None:
        raise NoAmountError(f"{sel.label} 指南未规定单个项目最高额（{cite(src)}）")
    _not_a_grant(sel, "额度最高", value, src)
    return Figure(sel, value, src)


# --- fast paths: the same amounts in floats, where floats are sure --------------------------
#
# `cap` above is the definition. A worksheet asks for it millions of times, so for the kinds
# whose amount is min(rate × base, cap) this section generates, from the selection's own kind,
# rate and cap (nothing typed twice), a float function and its vectorised twin, and checks
# them against `cap` on a few bases before they are used. Each answers exactly
# float(cap(sel, base).amount) or None, "ask cap()": tests/test_fast_paths.py proves it for
# every program and variant that has one.
#
# Why the floats are exact where they answer: cap() reads a float base as the decimal of its
# repr; the float product rate × base × 10000 differs from the Decimal one by at most 4
# roundings (repr → binary, rate, ×, ×10000), i.e. x · 4.5e-16. Half-up rounding to the yuan
# can only differ at a half-yuan tie, so a product within 1e-6 + x · 1e-15 yuan of one is
# left to cap(), as is one within 1e-12 (relative) of the cap; above 10^12 万元 cap() refuses the
# base, and from x ≈ 5·10^14 yuan on every non-integral product counts as near a tie.
# n / 10000.0 is the float nearest n/10000, as float(Decimal) of that amount is.

# kind -> the rate of the min(rate × base, cap) it is, read from the selection.
# A kind not listed has no fast path: cap() answers every base.
LINEAR_KINDS: dict[str, Callable[[Selection], Decimal | None]] = {
    "rate_cap": lambda sel: sel.field("rate"),  # 按比例补助：补助比例 × 计算基数
    "actual_cost": lambda sel: Decimal(1),  # 据实补助：the base itself
}
_MAX_BASE = float(MAX_AMOUNT_WAN)  # larger bases: cap() refuses them
_TIE = 1e-6  # yuan: how close a float product may come to a half-yuan tie (plus x · 1e-15) before cap() decides
_EDGE = 1e-12  # relative: how close a product may come to the cap before cap() decides
_FAST_SIZE = 4096
_VECTOR_TYPES = frozenset({float, int, type(None)})  # cells numpy reads (None as NaN: unsure, as for `amount`)
# rows: a shorter mixed column is quicker cell by cell (measured: numpy wins from 64-96 rows). A
# one-selection column (FastCap.amounts) goes through numpy however short, so the short
# columns of tests/test_fast_paths.py keep proving the vectorised form against `amount`.
_VECTOR_FROM = 64


def _scalar(rate: float, hi: float, lo: float, top: float) -> Callable[[object], float | None]:
    """The float amount for one base, or None (see FastCap); `hi`/`lo` bracket the cap edge."""
    max_base, tie = _MAX_BASE, _TIE

    def amount(base: object) -> float | None:
        t = type(base)
        if (t is not float and t is not int) or not 0 <= base <= max_base:  # type: ignore[operator]
            return None  # NaN, inf, negatives, beyond 10^12 万元, not a number: cap() decides
        raw = rate * base  # type: ignore[operator]
        if raw > hi:
            return top
        if raw >= lo:
            return None
        x = raw * 10000.0
        whole = float(int(x))
        frac = x - whole
        if abs(frac - 0.5) < tie * (1.0 + x * 1e-9):
            return None
        return (whole + (frac > 0.5)) / 10000.0

    return amount


class FastCap(IdentityRecord):
    """`cap(selection, base)` in floats for number bases: `amount(base)` for one, `amounts(bases)` for a column.

    Each answers float(cap(selection, base).amount) exactly, or None where floats cannot be
    sure (the caller then asks `cap`): a base that is not a float or int, NaN, negative,
    infinite or beyond 10^12 万元, a product within a hair of a half-yuan tie or of the cap.
    `amounts` answers exactly as `amount` does, cell by cell. Made by `fast_cap` only."""

    selection: Selection
    rate: float
    hi: float  # products above it are over the cap
    lo: float  # products from it up to `hi` are at the cap's edge: cap() decides
    top: float  # the amount over the cap (the cap, rounded to the yuan); inf without a cap
    amount: Callable[[object], float | None]
    _fields = ("selection", "rate", "hi", "lo", "top", "amount")

    def __init__(self, selection: Selection, rate: float, hi: float, lo: float, top: float, amount: Callable[[object], float | None]) -> None:
        _set = object.__setattr__
        _set(self, "selection", selection)
        _set(self, "rate", rate)
        _set(self, "hi", hi)
        _set(self, "lo", lo)
        _set(self, "top", top)
        _set(self, "amount", amount)

    def amounts(self, bases: Sequence[object]) -> list[float | None]:
        return self._column(bases)[0]

    def _column(self, bases: Sequence[object]) -> tuple[list[float | None], list[int]]:
        """(answers, the indices answered None)."""
        return fast_amounts((self,), None, bases)


def _vector(arr, rate, hi, lo, top):  # type: ignore[no-untyped-def]
    """`_scalar`'s amount for a float array (parameters scalars or arrays of its length): (values, unsure)."""
    import numpy as np

    with np.errstate(all="ignore"):  # inf/NaN/huge cells are unsure and go to cap()
        raw = arr * rate
        x = raw * 10000.0
        whole = np.floor(x)
        frac = x - whole
        above = raw > hi
        values = np.where(above, top, (whole + (frac > 0.5)) / 10000.0)
        unsure = ~((arr >= 0) & (arr <= _MAX_BASE)) | (
            ~above & ((raw >= lo) | (np.abs(frac - 0.5) < _TIE * (1.0 + x * 1e-9)))
        )
    return values, unsure


def fast_amounts(
    fasts: Sequence[FastCap], which: Sequence[int] | None, bases: Sequence[object]
) -> tuple[list[float | None], list[int]]:
    """`fasts[which[i]].amount(bases[i])` for each row of a column whose rows may belong to
    different selections (a ledger's program column), with the indices answered None.

    `which` None: every row is fasts[0]'s; a row whose which[i] is negative has no fast path
    and is answered None. Cell by cell the answer is exactly `amount`'s. The column is computed
    with numpy in one pass (a cell that is not a float or int read as NaN: unsure, as `amount`
    answers None for it); a mixed column shorter than _VECTOR_FROM rows cell by cell."""
    n = len(bases)
    arr = None
    if n >= (_VECTOR_FROM if which is not None else 1):
        import numpy as np

        numbers = bases
        if not set(map(type, bases)) <= _VECTOR_TYPES:  # text, bools, Decimals...
            numbers = [b if type(b) is float or type(b) is int else None for b in bases]
        try:
            arr = np.array(numbers, dtype=float)
        except OverflowError:  # an int beyond any float: one by one
            arr = None
    if arr is None:
        if which is None:
            amount = fasts[0].amount
            out = [amount(b) for b in bases]
        else:
            amounts = [f.amount for f in fasts]
            out = [amounts[w](b) if w >= 0 else None for w, b in zip(which, bases, strict=True)]
        return out, [i for i, v in enumerate(out) if v is None]
    if which is None:
        f = fasts[0]
        values, unsure = _vector(arr, f.rate, f.hi, f.lo, f.top)
    else:
        # each row's parameters; a row without a fast path takes a last, unused set
        k = np.fromiter(which, dtype=np.intp, count=n)
        none = k < 0
        k[none] = len(fasts)
        rate, hi, lo, top = (np.array([*(getattr(f, p) for f in fasts), 0.0])[k] for p in ("rate", "hi", "lo", "top"))
        values, unsure = _vector(arr, rate, hi, lo, top)
        unsure |= none
    out = values.tolist()
    todo = np.flatnonzero(unsure).tolist()
    for i in todo:
        out[i] = None
    return out, todo


def _make_fast_cap(sel: Selection) -> FastCap | None:
    from subsidykit.rules.drafts import is_draft

    if is_draft(sel):
        return None  # a draft's amount is refused or explained as a draft: cap() answers every base
    rate_of_kind = LINEAR_KINDS.get(sel.field("kind"))
    rate = rate_of_kind(sel) if rate_of_kind is not None else None
    if rate is None or rate <= 0:
        return None
    top: Decimal | None = sel.field("cap")
    edge = top / rate if top is not None else None  # the base at which the cap is reached
    probes = [Decimal(0), Decimal(1), Decimal("1234.5678")]
    if edge is not None:
        probes += [round_yuan(edge), round_yuan(edge * 2)]
    try:
        answers = [cap(sel, p).amount for p in probes]
    except SubsidyError:
        return None  # cap() gives no amount for a base here (a loan, a minimum, a 子类 to choose)
    cap_f = float(top) if top is not None else float("inf")
    hi, lo = cap_f * (1 + _EDGE), cap_f * (1 - _EDGE)
    top_f = float(round_yuan(top)) if top is not None else float("inf")
    rate_f = float(rate)
    fast = FastCap(sel, rate_f, hi, lo, top_f, _scalar(rate_f, hi, lo, top_f))
    for p, want in zip(probes, answers, strict=True):
        got = fast.amount(float(p))
        if got is not None and got != float(want):  # the data is not the min(rate × base, cap) it looks like
            return None
    return fast


_FAST_BY_SEL: dict[tuple[int, int], tuple[object, object, FastCap | None]] = {}


def fast_cap(sel: Selection) -> FastCap | None:
    """The float form of `cap(sel, base)` (see FastCap), generated from the selection's kind,
    rate and cap; None where its kind has none (LINEAR_KINDS) or cap() gives no amount for a base."""
    key = (id(sel.program), id(sel.variant))
    hit = _FAST_BY_SEL.get(key)
    if hit is not None and hit[0] is sel.program and hit[1] is sel.variant:  # the entry keeps both alive
        return hit[2]
    made = _make_fast_cap(sel)
    if len(_FAST_BY_SEL) >= _FAST_SIZE:
        _FAST_BY_SEL.clear()
    _FAST_BY_SEL[key] = (sel.program, sel.variant, made)
    return made


_FAST_BY_NAME: dict[object, FastCap | None] = {}  # keyed by the name, or (name, variant, year)
_FAST_BY_NAME_OF: list[object] = [None]  # the Catalog the names were resolved in: a reload forgets them


def fast_cap_named(name: str, variant: str | None = None, year: int | None = None) -> FastCap | None:
    """`fast_cap` of the program `name` denotes (with the 子类 and year arguments, as `cap_values`
    reads them; without them, the single-cell worksheet form), remembered per name and catalog;
    None also where the name denotes nothing."""
    cat = load_catalog()
    if _FAST_BY_NAME_OF[0] is not cat or len(_FAST_BY_NAME) >= _FAST_SIZE:
        _FAST_BY_NAME.clear()
        _FAST_BY_NAME_OF[0] = cat
    key: object = name if variant is None and year is None else (name, variant, year)
    try:
        return _FAST_BY_NAME[key]
    except KeyError:
        pass
    try:
        made = fast_cap(find_program(name, year=year, variant=variant, catalog=cat))
    except SubsidyError:
        made = None
    _FAST_BY_NAME[key] = made
    return made


# --- many amounts at once (the worksheet range form) -------------------------------------


def _cell(program, base, variant, year, catalog, on_error) -> object:
    """`cap()` of one cell of a column, as cap_values answers it."""
    if is_blank(base):
        return None
    try:
        return float(cap(program, base, variant=variant, year=year, catalog=catalog).amount)
    except SubsidyError as exc:
        return on_error(exc)


def cap_values(
    program: str | Selection,
    bases: list[object],
    *,
    variant: str | None = None,
    year: object = None,
    catalog: Catalog | None = None,
    on_error: Callable[[SubsidyError], object] = lambda exc: exc,
) -> list[object]:
    """`cap()` for a column of bases: a float (万元) per base, None for a blank, `on_error(error)` otherwise.

    Same results as calling `cap()` on each value: the program's FastCap answers what it is
    sure of (vectorised), `cap()` the rest.
    """
    try:
        sel = _select(program, variant, year, catalog)
    except SubsidyError as exc:
        part = None
        if isinstance(exc, UnknownProgramError):  # "program/分项": the part of a combined award, as cap() reads it
            try:
                part = _select_part(program, variant, year, catalog)[1]
            except SubsidyError:
                part = None
        if part is None:
            err = on_error(exc)
            return [None if is_blank(b) else err for b in bases]
        return [_cell(program, b, variant, year, catalog, on_error) for b in bases]
    fast = fast_cap(sel)
    if fast is not None:
        out, todo = fast._column(bases)
    else:
        out, todo = [None] * len(bases), range(len(bases))
    constant = sel.field("kind") in ("fixed", "cap_only")  # the amount does not depend on the base
    for i in todo:
        b = bases[i]
        if not constant and is_blank(b):
            continue
        try:
            out[i] = float(cap(sel, b).amount)
        except SubsidyError as exc:
            out[i] = on_error(exc)
    return out  # type: ignore[return-value]
