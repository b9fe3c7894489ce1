"""Issue 16: the property test over the catalog.

For every candidate of `match` (a program, or a variant of one) of every year whose conditions
include a quantitative one (万元, 比例, 日期, counts): a profile built from the candidate's own
conditions — the notice's general conditions that apply to it, the program's and the variant's —
at their boundary values (the least passing value: ≥ 3000 -> 3000, > 0.1 -> 0.101, a date window
-> its first day) makes it ELIGIBLE; pushing one quantitative value just past its boundary
(3000 -> 2999.99, the day before the window …) makes it INELIGIBLE with exactly that clause cited
among the failures.  A second test draws passing values from inside the bounds (hypothesis).

The profile is built from the catalog's data here, with its own small solver (a field bound by
several conditions takes a value meeting all of them; a `when` field takes a value that makes
the condition apply; `unless` fields are left out, so the condition applies); the verdicts
come from `match`.  Derived quantities (项目实施周期 from the dates, 已投入比例 from the amounts)
are left to the engine where their parts are given, and then pushed through their parts only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from subsidykit.catalog import load_catalog
from subsidykit.catalog.records import Condition, Threshold
from subsidykit.rules.lookup import Selection
from subsidykit.rules.matching import COUNTED, ELIGIBLE, INELIGIBLE, UNKNOWN, confirmed, match, selections, years
from subsidykit.rules.vocabulary import DERIVED_FROM, canonical_field

QUANTITATIVE = ("万元", "比例", "日期")  # and every count unit (年, 个, 人 …): everything but 是否 / 文本
INTEGER_UNITS = ("个", "人", "家", "项", "次", "台套")


def quantitative(t: Threshold | Condition) -> bool:
    return t.unit not in ("是否", "文本")


def step(unit: str):
    if unit == "日期":
        return dt.timedelta(days=1)
    if unit == "万元":
        return Decimal("0.01")
    if unit == "比例":
        return Decimal("0.001")
    if unit in INTEGER_UNITS:
        return Decimal(1)
    return Decimal("0.01")  # 年, 吨标准煤


def rule(unit: str, value: object):
    if isinstance(value, list):
        return [rule(unit, v) for v in value]
    if unit == "日期":
        return dt.date.fromisoformat(str(value))
    if unit in ("是否", "文本"):
        return value
    return Decimal(str(value))


def holds(op: str, got, want) -> bool:
    return {
        ">=": lambda: got >= want,
        ">": lambda: got > want,
        "<=": lambda: got <= want,
        "<": lambda: got < want,
        "==": lambda: got == want,
        "between": lambda: want[0] <= got <= want[1],
        "in": lambda: got in want,
    }[op]()


def typed(unit: str, value) -> object:
    """The value as a clerk types it."""
    if unit == "日期":
        return value.isoformat()
    if unit == "是否":
        return "是" if value else "否"
    if unit == "比例":
        return f"{format((value * 100).normalize(), 'f')}%"  # never a bare number (35 would read as 35%)
    if unit == "文本":
        return str(value)
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def solve(unit: str, constraints: list[tuple[str, object]], pick: str = "low", draw=None):
    """A value meeting every (op, value) of one field, or None when none does."""
    eq = [v for op, v in constraints if op == "=="]
    ins = [v for op, v in constraints if op == "in"]
    if unit in ("是否", "文本") or eq or ins:
        cands = eq[:1] or ins[0][:1] if (eq or ins) else []
        if not cands:
            return None
        value = cands[0]
        return value if all(holds(op, value, v) for op, v in constraints) else None
    lo = hi = None  # (value, strict)
    for op, v in constraints:
        if op == "between":
            lo = max(lo or (v[0], False), (v[0], False))
            hi = min(hi or (v[1], False), (v[1], False))
        elif op in (">=", ">"):
            cand = (v, op == ">")
            lo = cand if lo is None or cand > lo else lo
        elif op in ("<=", "<"):
            cand = (v, op == "<")
            hi = cand if hi is None or (cand[0], not cand[1]) < (hi[0], not hi[1]) else hi
    s = step(unit)
    low = None if lo is None else lo[0] + s if lo[1] else lo[0]
    high = None if hi is None else hi[0] - s if hi[1] else hi[0]
    if draw is not None and low is not None and high is not None and low < high:
        value = draw(low, high)
    elif draw is not None and low is not None and high is None:
        value = draw(low, None)
    elif pick == "low" and low is not None:
        value = low
    elif high is not None:
        value = high
    else:
        value = low
    if value is None:
        return None
    if unit not in ("日期",) and value < 0:
        return None
    return value if all(holds(op, value, v) for op, v in constraints) else None


def conditions_of(sel: Selection) -> list[Threshold]:
    """The conditions `check` applies to this candidate: the notice's general ones that are not
    waived for it (`exempt`), the program's and the variant's."""
    cat = load_catalog()
    refs = {sel.program.id} | ({f"{sel.program.id}/{sel.variant.name}"} if sel.variant else set())
    out = [t for t in cat.general_thresholds(sel.program) if not set(t.exempt) & refs]
    out += [t for t in sel.program.thresholds if not set(t.exempt) & refs]
    if sel.variant is not None:
        out += [t for t in sel.variant.thresholds if not set(t.exempt) & refs]
    return out


class Profile:
    """Passing values for one candidate, with the conditions they were built from."""

    def __init__(self, sel: Selection, draw=None):
        self.sel = sel
        self.conditions = conditions_of(sel)
        self.units: dict[str, str] = {}
        self.values: dict[str, object] = {}  # field -> rule-typed value (Decimal, date, bool, str)
        self.active: list[Threshold] = []
        self.infeasible: list[str] = []
        direct = [t for t in self.conditions if not t.when]
        self._solve(direct, draw)
        # a `when` field takes a value making the condition apply (unless it is bound already)
        for t in self.conditions:
            for c in t.when:
                name = canonical_field(c.field)
                if name not in self.values:
                    got = solve(c.unit, [(c.op, rule(c.unit, c.value))])
                    if got is None:
                        self.infeasible.append(f"when {c.field}")
                        continue
                    self.values[name], self.units[name] = got, c.unit
        applying = [
            t for t in self.conditions
            if t.when and all(holds(c.op, self.values[canonical_field(c.field)], rule(c.unit, c.value)) for c in t.when)
        ]  # fmt: skip
        self._solve(direct + applying, draw)

    def _solve(self, ts: list[Threshold], draw) -> None:
        by_field: dict[str, list[Threshold]] = {}
        for t in ts:
            by_field.setdefault(canonical_field(t.field), []).append(t)
        for name, group in by_field.items():
            unit = group[0].unit
            got = solve(unit, [(t.op, rule(t.unit, t.value)) for t in group], draw=(draw and (lambda lo, hi, u=unit: draw(u, lo, hi))))
            if got is None:
                self.infeasible.append(name)
                continue
            self.values[name], self.units[name] = got, unit
        self.active = ts

    def derived_from_parts(self) -> set[str]:
        """Derived quantities whose parts are all in the profile: the engine derives them."""
        return {target for target, parts in DERIVED_FROM.items() if all(p in self.values for p in parts)}

    def typed(self, overrides: dict[str, object] | None = None) -> dict[str, object]:
        vals = {**self.values, **(overrides or {})}
        skip = self.derived_from_parts()
        return {k: typed(self.units[k], v) for k, v in vals.items() if k not in skip}

    def pushes(self):
        """(threshold, field, value just past its boundary) for each quantitative condition."""
        skip = self.derived_from_parts()
        for t in self.active:
            name = canonical_field(t.field)
            if not quantitative(t) or name in skip or name not in self.values:
                continue
            want, s = rule(t.unit, t.value), step(t.unit)
            if t.op == "between":
                outs = [want[0] - s, want[1] + s]
            elif t.op in (">=", "=="):
                outs = [want - s]
            elif t.op == "<=":
                outs = [want + s]
            else:  # ">" and "<": the boundary itself
                outs = [want]
            for v in outs:
                if t.unit != "日期" and v < 0:
                    continue  # a count or amount is never negative: that side has no boundary to cross
                yield t, name, v


def candidates() -> list[Selection]:
    out = []
    for y in years():
        for sel in selections(y):
            if any(quantitative(t) for t in conditions_of(sel)):
                out.append(sel)
    return out


CANDIDATES = candidates()


def match_of(sel: Selection, values: dict[str, object]):
    res = match(values, sel.program.year)
    hits = [m for m in res.matches if m.selection.program is sel.program and m.selection.variant is sel.variant]
    assert len(hits) == 1
    return hits[0]


def passing(sel: Selection) -> str:
    """What passing values give: 符合 where the catalog's own conditions tell the candidate
    apart, else 待补充 (with its note: only the notice's, or its program's, conditions were checked)."""
    return ELIGIBLE if confirmed(sel) else UNKNOWN


def why(m) -> str:
    return f"{m.label}: {m.status} missing={m.missing} failed={[f.message for f in m.failed]} conflicts={m.conflicts}"


def test_there_are_candidates_every_year():
    assert {s.program.year for s in CANDIDATES} == set(years())
    assert len(CANDIDATES) > 150


def test_boundary_values_are_eligible_and_one_step_past_is_ineligible_with_that_clause():
    not_eligible, not_failing, pushed = [], [], 0
    for sel in CANDIDATES:
        prof = Profile(sel)
        assert not prof.infeasible, (sel.label, prof.infeasible)
        # 申报项目数量 (2023 notice, line 91) is left to `match`, which counts one project
        base = {k: v for k, v in prof.typed().items() if k not in COUNTED}
        m = match_of(sel, base)
        if m.status != passing(sel) or m.missing or m.failed:
            not_eligible.append(why(m))
            continue
        for t, name, v in prof.pushes():
            pushed += 1
            out = match_of(sel, prof.typed({name: v}))
            cited = {(f.field, f.source) for f in out.failed}
            if out.status != INELIGIBLE or (name, t.source) not in cited:
                not_failing.append(f"{t.label} {name}={typed(t.unit, v)}: {why(out)}")
    assert not_eligible == []
    assert not_failing == []
    assert pushed > 300


def _draw(data):
    def draw(unit, lo, hi):
        if unit == "日期":
            span = 3650 if hi is None else (hi - lo).days
            return lo + dt.timedelta(days=data.draw(st.integers(0, span)))
        if unit in INTEGER_UNITS:
            top = int(lo) + 1000 if hi is None else int(hi)
            return Decimal(data.draw(st.integers(int(lo), top)))
        s = step(unit)
        n = int((((hi if hi is not None else lo * 3 + 100) - lo) / s))
        return lo + s * data.draw(st.integers(0, max(n, 0)))

    return draw


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_values_inside_the_bounds_are_eligible(data):
    sel = data.draw(st.sampled_from(CANDIDATES))
    prof = Profile(sel, draw=_draw(data))
    assume(not prof.infeasible)  # a drawn value that closes another field's range: not this property
    values = prof.typed()
    start, end = prof.values.get("开工日期"), prof.values.get("完工日期")
    # each date is drawn inside its own window; a start after the end contradicts itself (the
    # review says so, 待核实) and is no profile of a project
    assume(start is None or end is None or start <= end)
    m = match_of(sel, values)
    assert m.status == passing(sel) and not m.missing and not m.failed, why(m)
