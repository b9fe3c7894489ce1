"""Helpers for the per-clause tests: expected values are written by hand from the seed text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from subsidykit.amounts import cap
from subsidykit.errors import NoAmountError
from subsidykit.lookup import find_program
from subsidykit.thresholds import canonical_field, check


def amount(name: str, base=None, *, variant=None, count=None, bases=None) -> Decimal:
    return cap(name, base, variant=variant, count=count, bases=bases).amount


def assert_cap(name: str, base, expected, *, variant=None, count=None, bases=None) -> None:
    got = amount(name, base, variant=variant, count=count, bases=bases)
    assert got == Decimal(str(expected)), f"{name} {variant or ''} base={base} count={count}: {got} != {expected}"


def assert_no_amount(name: str, *, variant=None) -> None:
    with pytest.raises(NoAmountError):
        cap(name, 1000, variant=variant, count=1)


def assert_threshold(name: str, field: str, value, status: str, *, variant=None, extra: dict | None = None) -> None:
    """One field's verdict ("pass"/"fail") for `value`; `extra` supplies fields a `when` needs."""
    values = {field: value, **(extra or {})}
    report = check(name, values, variant=variant, only_given=True, include_general=False)
    got = [r for r in report.results if r.field == canonical_field(field)]
    assert got, f"{name}: no condition on {field}"
    statuses = {r.status for r in got}
    want = {status} if status == "pass" else {"fail"}
    if status == "pass":
        assert statuses == want, f"{name} {field}={value}: {[r.message for r in got]}"
    else:
        assert "fail" in statuses, f"{name} {field}={value}: {[r.message for r in got]}"


def program(name: str, variant=None):
    return find_program(name, variant=variant)


def flatten(table):
    """[(name, variant, [(input, expected), ...]), ...] -> [(name, variant, input, expected), ...]."""
    return [(name, variant, given, expected) for name, variant, pairs in table for given, expected in pairs]
