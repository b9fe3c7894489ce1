"""The float fast paths answer exactly as the Decimal rule, or defer to it.

`amounts.cap` is the definition of every amount. `amounts.fast_cap(sel)` is generated from
the selection's own kind, rate and cap: `amount(base)` for one base, `amounts(bases)` for a
column. For every program and every variant of every year that has one, and for bases from
0 to well above the cap's edge (floats with many decimals, integers, typed cents, the edge
itself and half a yuan either side, half-yuan ties, huge, infinite, NaN, negative and
non-number values), each answers float(cap(sel, base).amount) or None ("ask cap()"), and
the column answers cell by cell as the scalar does. Which kinds go fast, and which programs
of those kinds do not, is written out below: a new kind cannot go fast unnoticed.
"""

from __future__ import annotations

import math
import random
import typing
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subsidykit.catalog import load_catalog
from subsidykit.catalog.schema import Kind
from subsidykit.errors import SubsidyError
from subsidykit.rules.amounts import LINEAR_KINDS, cap, cap_values, fast_cap, fast_cap_named
from subsidykit.rules.lookup import Selection, typing_label

CAT = load_catalog()

# the kinds whose amount is min(rate × base, cap), and the kinds that never go fast
FAST_KINDS = {"rate_cap", "actual_cost"}
SLOW_KINDS = {"fixed", "cap_only", "per_unit", "tiered", "two_stage", "combined", "none", "recognition"}
# selections of a fast kind without a fast path, (program id, variant): cap() gives no amount from a base
NO_FAST_PATH = {
    ("2024-pengcheng-graduate-traineeship-allowance", None): "指南只规定了下限（不低于 70 万元）",
}

ALL = [Selection(p, None) for p in CAT.programs] + [Selection(p, v) for p in CAT.programs for v in p.variants]
FAST = [s for s in ALL if fast_cap(s) is not None]
IDS = [s.label for s in FAST]


def _key(sel: Selection) -> tuple[str, str | None]:
    return sel.program.id, sel.variant.name if sel.variant else None


def _same(a: object, b: object) -> bool:
    """The same answer: None for None, the same float (repr tells -0.0 from 0.0)."""
    return repr(a) == repr(b)


def _decimal_rule(sel: Selection, base: object) -> float | None:
    """float(cap(sel, base).amount), or None where cap() refuses the base."""
    try:
        return float(cap(sel, base).amount)
    except SubsidyError:
        return None


def _check_one(sel: Selection, base: object) -> float | None:
    got = fast_cap(sel).amount(base)
    want = _decimal_rule(sel, base)
    if want is None:
        assert got is None, f"{sel.label}: {base!r} -> {got!r}, but cap() refuses it"
    elif got is not None:
        assert _same(got, want), f"{sel.label}: {base!r} -> {got!r}, cap() says {want!r}"
    return got


# --- which selections go fast -----------------------------------------------------------------


def test_every_kind_is_either_fast_or_listed_as_never_fast():
    kinds = set(typing.get_args(Kind))
    assert set(LINEAR_KINDS) == FAST_KINDS  # a kind added to the fast paths must be added here
    assert FAST_KINDS | SLOW_KINDS == kinds and not FAST_KINDS & SLOW_KINDS  # a new kind must be classified


def test_the_selections_without_a_fast_path_are_exactly_the_listed_ones():
    assert FAST, "no fast path at all"
    for sel in ALL:
        if sel.field("kind") in SLOW_KINDS:
            assert fast_cap(sel) is None, sel.label
    slow = {_key(s) for s in ALL if s.field("kind") in FAST_KINDS and fast_cap(s) is None}
    assert slow == set(NO_FAST_PATH)
    for pid, variant in NO_FAST_PATH:  # and cap() indeed gives no amount for them
        sel = Selection(CAT.by_id[pid], next(v for v in CAT.by_id[pid].variants if v.name == variant) if variant else None)
        with pytest.raises(SubsidyError):
            cap(sel, 100)


def test_a_name_typed_in_a_cell_gets_the_fast_path_of_what_it_denotes():
    cat = load_catalog()  # the catalog served now (another test may have reloaded it since CAT)
    for sel in FAST:
        if sel.variant is None:
            now = Selection(cat.by_id[sel.program.id])
            assert fast_cap_named(typing_label(cat, now.program)) is fast_cap(now), sel.label
    assert fast_cap_named("没有这个项目") is None
    assert fast_cap_named("2024/支持青年人才实习择业") is None  # a minimum only: no amount from a base


# --- the property: the Decimal rule's answer, or none ------------------------------------------

BAD = [
    float("nan"), float("inf"), -float("inf"), -1.0, -1e-9, -5e-324, 1e12 + 0.5, 1e12 * (1 + 1e-15), 1e13, 1e300,
    10**12 + 1, 10**13, 10**400, -(10**400), True, False, Decimal("100"), Decimal("NaN"), "100", "1.2亿", "", None,
]
EDGES = [0.0, -0.0, 5e-324, 1e-9, 0.00005, 0.0001, 1e12, 10**12, 0, 1]


def _sure(sel: Selection) -> tuple[Decimal, Decimal | None, float]:
    rate = LINEAR_KINDS[sel.field("kind")](sel)
    top = sel.field("cap")
    high = float(top / rate * 3) if top is not None else 1e6
    return rate, top, high


NUMBERS = [x for x in EDGES + BAD if type(x) in (float, int)]
NOT_NUMBERS = [x for x in BAD if type(x) not in (float, int)]
_STRATEGIES: dict[tuple[str, str | None, str], st.SearchStrategy] = {}


def _strategy(sel: Selection, what: str) -> st.SearchStrategy:
    """Bases for `sel`: "numbers" (floats and ints, good and bad), "bases" (with text, blanks,
    bools, Decimals), and columns of each ("column", "mixed column")."""
    key = (*_key(sel), what)
    if key not in _STRATEGIES:
        if what == "numbers":
            made = _numbers(sel)
        elif what == "bases":
            made = st.one_of(_strategy(sel, "numbers"), st.sampled_from(NOT_NUMBERS))
        elif what == "column":
            made = st.lists(_strategy(sel, "numbers"), min_size=1, max_size=60)
        else:
            made = st.lists(_strategy(sel, "bases"), min_size=1, max_size=60)
        _STRATEGIES[key] = made
    return _STRATEGIES[key]


def _numbers(sel: Selection) -> st.SearchStrategy:
    rate, top, high = _sure(sel)
    half = Decimal("0.00005")  # half a yuan, in 万元
    ties = st.integers(0, int(Decimal(high) * rate * 10000)).map(
        lambda k: float((Decimal(k) + Decimal("0.5")) / (rate * 10000))  # rate × base × 10000 = k + 0.5
    )
    parts = [
        st.floats(0, high),  # many decimals
        st.integers(0, int(high)),
        st.decimals(0, high, places=2).map(float),  # typed cents
        st.decimals(0, high, places=4).map(float),  # typed yuan
        st.decimals(0, high, places=5).map(float),  # half yuan: ties at rate 1
        ties,
        st.floats(0, 1e12),  # as large as cap() reads
        st.sampled_from(NUMBERS),
    ]
    if top is not None:
        edge = top / rate
        at_edge = [float(edge), float(edge - half), float(edge + half), float(edge - 2 * half), float(edge + 2 * half)]
        at_edge += [math.nextafter(float(edge), 0), math.nextafter(float(edge), math.inf)]
        parts += [st.sampled_from(at_edge), st.floats(float(edge) * (1 - 1e-9), float(edge) * (1 + 1e-9))]
        if edge == int(edge):
            parts.append(st.sampled_from([int(edge), int(edge) - 1, int(edge) + 1]))
    return st.one_of(parts)


@pytest.mark.parametrize("sel", FAST, ids=IDS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_scalar_fast_path_is_the_decimal_rule_or_defers(sel, data):
    _check_one(sel, data.draw(_strategy(sel, "bases"), label="base"))


@pytest.mark.parametrize("sel", FAST, ids=IDS)
def test_the_edges_and_ties_of_every_fast_selection(sel):
    """The cases the floats must not decide, each checked, not sampled."""
    rate, top, _ = _sure(sel)
    for base in EDGES + BAD:
        _check_one(sel, base)
    if top is not None:
        edge = top / rate
        for d in range(-3, 4):
            _check_one(sel, float(edge + d * Decimal("0.00005")))
            _check_one(sel, float(edge) + d * 1e-12 * float(edge))
    for k in (0, 1, 12345, 99_999_999):
        _check_one(sel, float((Decimal(k) + Decimal("0.5")) / (rate * 10000)))


@pytest.mark.parametrize("sel", FAST, ids=IDS)
def test_the_fast_path_answers_almost_every_ordinary_base(sel):
    """Deferring is allowed, not deferring everything: typed cents are answered in floats."""
    _, _, high = _sure(sel)
    rng = random.Random(sel.label)
    bases = [round(rng.uniform(0, high), 2) for _ in range(800)] + [rng.randint(0, int(high)) for _ in range(200)]
    answered = [b for b in bases if _check_one(sel, b) is not None]
    assert len(answered) >= 0.99 * len(bases), f"{sel.label}: only {len(answered)} of {len(bases)} answered"
    column = fast_cap(sel).amounts(bases)
    assert sum(v is not None for v in column) == len(answered)


# --- the column: cell by cell the scalar's answer ---------------------------------------------

@pytest.mark.parametrize("sel", FAST, ids=IDS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_the_vectorised_path_is_the_scalar_path_on_whole_columns(sel, data):
    fast = fast_cap(sel)
    for what in ("column", "mixed column"):  # numbers only (numpy), and with text, blanks, bools, Decimals
        bases = data.draw(_strategy(sel, what), label=what)
        column = fast.amounts(bases)
        one_by_one = [fast.amount(b) for b in bases]
        assert list(map(repr, column)) == list(map(repr, one_by_one))
        # and the range form answers what cap() answers for each cell (None for a blank)
        want = [None if b is None or b == "" else _decimal_rule(sel, b) for b in bases]
        got = cap_values(sel, bases, on_error=lambda exc: None)
        assert list(map(repr, got)) == list(map(repr, want))


def test_the_vectorised_path_on_a_long_column_with_bad_cells():
    sel = FAST[0]
    fast = fast_cap(sel)
    _, _, high = _sure(sel)
    rng = random.Random(7)
    bases: list[object] = [rng.uniform(0, high) for _ in range(5000)]
    for i, bad in enumerate([x for x in BAD if type(x) in (float, int) and abs(x) < 10**300]):
        bases[i * 97] = bad
    column = fast.amounts(bases)
    assert list(map(repr, column)) == list(map(repr, (fast.amount(b) for b in bases)))
    bases[100] = 10**400  # beyond any float: numpy cannot take the column, the scalar does
    assert list(map(repr, fast.amounts(bases))) == list(map(repr, (fast.amount(b) for b in bases)))
