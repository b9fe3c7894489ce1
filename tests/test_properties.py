"""Properties that hold for every program: never negative, never above the cap, monotonic in the base."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subsidykit.rules.amounts import cap
from subsidykit.catalog import load_catalog
from subsidykit.rules.lookup import Selection

CAT = load_catalog()


def _selections():
    for p in CAT.programs:
        if p.kind == "tiered":
            yield from (Selection(p, v) for v in p.variants)
        elif p.kind not in ("none", "recognition"):
            yield Selection(p, None)
            yield from (Selection(p, v) for v in p.variants)


SELECTIONS = [s for s in _selections() if s.field("kind") not in ("none", "recognition") and s.program.grant and not s.program.minimum]
IDS = [s.label for s in SELECTIONS]
bases = st.decimals(min_value=0, max_value=10_000_000, places=4, allow_nan=False, allow_infinity=False)


def _award(sel, base):
    kind = sel.field("kind")
    if kind == "per_unit":
        return cap(sel, count=min(int(base), 100_000)).amount
    parts = sel.field("components") or sel.field("stages")
    return cap(sel, base, bases={p.name: base for p in parts}).amount


def _ceiling(sel):
    """The largest amount the clause allows, where it states one."""
    if sel.field("kind") == "fixed":
        return sel.field("fixed")
    top = sel.field("cap")
    if top is None:
        parts = sel.field("stages") or sel.field("components")
        if parts and all(p.cap is not None or p.fixed is not None for p in parts):
            top = sum((p.cap if p.cap is not None else p.fixed) for p in parts)
    return top


@pytest.mark.parametrize("sel", SELECTIONS, ids=IDS)
@settings(max_examples=40, deadline=None)
@given(a=bases, b=bases)
def test_award_is_bounded_and_monotonic(sel, a, b):
    lo, hi = sorted((a, b))
    x, y = _award(sel, lo), _award(sel, hi)
    assert x >= 0 and y >= 0
    assert x <= y, f"not monotonic: {lo}->{x}, {hi}->{y}"
    top = _ceiling(sel)
    if top is not None:
        assert y <= top
    assert y == y.quantize(Decimal("0.0001")), "rounded to the yuan"


@pytest.mark.parametrize("sel", [s for s in SELECTIONS if s.field("kind") == "rate_cap"], ids=lambda s: s.label)
@settings(max_examples=25, deadline=None)
@given(base=bases)
def test_rate_awards_never_exceed_rate_times_base(sel, base):
    assert cap(sel, base).amount <= (sel.field("rate") * base).quantize(Decimal("0.0001"), rounding="ROUND_HALF_UP")
