"""Issue 12: 通过 only when every condition was checked and met — a property of the whole catalog.

For every program and variant: all its condition fields at passing values give 通过;
dropping any one field never gives 通过; setting any one to a failing value gives 不通过.
The passing and failing values are made from each condition's own operator and bound (not
from the engine's verdicts); a condition the generator cannot satisfy is a test failure
naming it, never a silent skip.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest

from subsidykit.catalog import load_catalog
from subsidykit.rules.lookup import Selection
from subsidykit.rules.thresholds import LEVELS, is_exempt, check
from subsidykit.rules.vocabulary import DERIVED_FROM, canonical_field

CAT = load_catalog()
ONE_DAY = dt.timedelta(days=1)
STEP = {"比例": Decimal("0.01")}


def _selections() -> list[Selection]:
    out = []
    for p in CAT.programs:
        if any(v.thresholds for v in p.variants):
            out += [Selection(p, v) for v in p.variants]
        else:
            out.append(Selection(p, None))
    return out


def _conditions(sel: Selection):
    items = [*CAT.general_thresholds(sel.program), *sel.program.thresholds]
    if sel.variant is not None:
        items += sel.variant.thresholds
    return [t for t in items if not is_exempt(t, sel)]


def _num(unit, v):
    return dt.date.fromisoformat(str(v)) if unit == "日期" else Decimal(str(v))


def _step(unit):
    return ONE_DAY if unit == "日期" else STEP.get(unit, Decimal(1))


def _satisfy(unit, rules):
    """A value meeting every (op, value) in `rules` on one field, or None when none exists."""
    if unit in ("文本", "是否"):
        want = None
        for op, value in rules:
            cand = value[0] if op == "in" else value
            if want is not None and want != cand and not (op == "in" and want in value):
                return None
            want = cand if want is None else want
        return ("是" if want else "否") if unit == "是否" else want
    low = high = None
    for op, value in rules:
        if op == "between":
            a, b = _num(unit, value[0]), _num(unit, value[1])
            low = a if low is None else max(low, a)
            high = b if high is None else min(high, b)
            continue
        v = _num(unit, value)
        if op in (">=", ">"):
            v = v if op == ">=" else v + _step(unit)
            low = v if low is None else max(low, v)
        elif op in ("<=", "<"):
            v = v if op == "<=" else v - _step(unit)
            high = v if high is None else min(high, v)
        elif op == "==":
            low = v if low is None else max(low, v)
            high = v if high is None else min(high, v)
        elif op == "in":
            return value[0]
    if low is not None and high is not None and low > high:
        return None
    got = low if low is not None else high
    return got.isoformat() if unit == "日期" else got


def _violate(unit, op, value):
    """A value breaking one (op, value)."""
    if unit == "是否":
        return "否" if value else "是"
    if unit == "文本":
        wants = value if isinstance(value, list) else [value]
        if all(w in LEVELS for w in wants):  # a level below every one allowed
            return next(lv for lv in reversed(LEVELS) if lv not in wants)
        return "不属于任何一类的文字" if op == "in" else ("上海市" if value in ("江苏省", "江苏") else "其他类别")
    if op == "between":
        v = _num(unit, value[1]) + _step(unit)
    else:
        v = _num(unit, value)
        v = v - _step(unit) if op in (">=", ">", "==") else v + _step(unit)
        if op == ">":
            v = _num(unit, value)
        if op == "<":
            v = _num(unit, value)
    return v.isoformat() if unit == "日期" else v


def _passing(sel):
    """Values passing every condition of `sel` (the deciding fields of `when` set so it applies)."""
    rules = defaultdict(list)
    units = {}
    for t in _conditions(sel):
        if t.when and any(canonical_field(c.field) in rules for c in t.when):
            continue  # another band of the same deciding field already chosen
        for c in t.when:
            rules[canonical_field(c.field)].append((c.op, c.value))
            units[canonical_field(c.field)] = c.unit
    for t in _conditions(sel):
        f = canonical_field(t.field)
        if t.when and not all(canonical_field(c.field) in rules and (c.op, c.value) in rules[canonical_field(c.field)] for c in t.when):
            continue
        rules[f].append((t.op, t.value))
        units[f] = t.unit
    values = {}
    for f, rs in rules.items():
        v = _satisfy(units[f], rs)
        assert v is not None, f"{sel.label}: no value meets every condition on {f}: {rs}"
        values[f] = v
    return values


SELECTIONS = [s for s in _selections() if _conditions(s)]


@pytest.mark.parametrize("sel", SELECTIONS, ids=[s.label for s in SELECTIONS])
def test_all_conditions_met_is_pass_dropping_one_never_is_failing_one_is_fail(sel):
    values = _passing(sel)
    report = check(sel, values)
    assert report.verdict == "pass", [r.message for r in report.results if r.status != "pass"]
    for field in values:
        if all(part in values for part in DERIVED_FROM.get(field, ("-",))):
            continue  # derived from the fields still given (实施周期 from the dates): not missing
        dropped = {k: v for k, v in values.items() if k != field}
        assert check(sel, dropped).verdict != "pass", f"{sel.label}: 通过 without {field}"
    for t in _conditions(sel):
        f = canonical_field(t.field)
        if t.when or f not in values or len([x for x in _conditions(sel) if canonical_field(x.field) == f]) > 1:
            continue  # banded or doubly bounded fields: one breaking value per field is checked above
        broken = {**values, f: _violate(t.unit, t.op, t.value)}
        got = check(sel, broken)
        if all(part in values for part in DERIVED_FROM.get(f, ("-",))):  # contradicts the dates
            assert got.verdict == "incomplete" and got.conflicts, f"{sel.label}: {f}={broken[f]}: {got.summary()}"
            continue
        assert got.verdict == "fail", f"{sel.label}: {f}={broken[f]} gave {got.verdict}: {got.summary()}"
