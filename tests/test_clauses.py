"""The clause tests: every row of tests/clauses/<seed>.yaml (format: tests/clauses/README.md).

A row names a clause of a seed document (`lines`, `quote`) and what the engine must say about
it (`expect`), written by hand from the text.  For each row this runner checks, in one test:

1. the quote stands at the cited lines of the seed (white space ignored, "……" for gaps: the
   catalog's own citation check, subsidykit.catalog.sources.quote_problem);
2. the engine agrees: the maximum award (`cap`), no computable amount (`no_amount`), a sub-case
   is needed (`variant_required`), a condition's verdict (`threshold`), a catalog value
   (`field`) or a fact about a group of programs (`programs`).

Amounts are compared as Decimals, exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from subsidykit.catalog import Source, load_catalog
from subsidykit.catalog.sources import normalise, quote_problem, seeds_dir
from subsidykit.errors import NoAmountError, SubsidyError, VariantRequiredError
from subsidykit.rules.amounts import cap
from subsidykit.rules.lookup import Selection, find_program
from subsidykit.rules.thresholds import check
from subsidykit.rules.vocabulary import canonical_field

CLAUSES = Path(__file__).with_name("clauses")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

COMMON = {"kind", "program", "variant", "seed", "lines", "quote", "id", "note"}
MATCHERS = {"expect", "not", "has", "lacks", "starts", "same", "covers", "len", "all", "sum", "groups", "each", "any"}
KEYS = {
    "cap": COMMON | {"inputs", "expect", "first_payment", "parts"},
    "no_amount": COMMON | {"inputs", "limit", "message"},
    "variant_required": COMMON | {"inputs"},
    "threshold": COMMON | {"inputs", "field", "expect", "scope", "only_given", "passed"},
    "field": COMMON | {"get"} | MATCHERS,
    "programs": COMMON - {"program", "variant"} | {"select", "programs", "count"} | MATCHERS,
}
INPUTS = {"base", "count", "bases"}
STATUSES = {"pass", "fail", "missing", "none", "no fail"}


# ------------------------------------------------------------------------------------------
# loading
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    file: str  # tests/clauses/<stem>.yaml
    line: int  # where the row starts in that file
    seed: str  # the seed file the row cites
    row: dict

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def seed_of(stem: str) -> str:
    """`002_2021` -> the seed file whose name starts with `002_`."""
    prefix = stem.split("_", 1)[0]
    hits = sorted(p.name for p in seeds_dir().glob(f"{prefix}_*.txt"))
    if len(hits) != 1:
        raise ValueError(f"tests/clauses/{stem}.yaml: no single seed file {prefix}_*.txt in {seeds_dir()}: {hits}")
    return hits[0]


def load_cases(path: Path) -> list[Case]:
    loader = Loader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        rows = loader.construct_document(node) if node is not None else []
    finally:
        loader.dispose()
    if not isinstance(rows, list):
        raise ValueError(f"{path}: a clause file is a list of rows")
    seed = seed_of(path.stem)
    name = f"tests/clauses/{path.name}"
    return [Case(name, item.start_mark.line + 1, row.get("seed", seed), row) for item, row in zip(node.value, rows)]


@lru_cache(maxsize=None)
def _program_id(name: str) -> str:
    try:
        return find_program(name).program.id
    except SubsidyError:
        return name


def _short(value) -> str:
    if value == {}:
        return "-"
    if isinstance(value, dict):
        return ",".join(f"{k}={_short(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "[" + ",".join(_short(v) for v in value) + "]"
    return str(value)


def case_id(case: Case) -> str:
    row = case.row
    parts = [case.file.rsplit("/", 1)[-1].removesuffix(".yaml")]
    if row.get("program"):
        parts.append(_program_id(row["program"]))
    if row.get("variant"):
        parts.append(row["variant"])
    parts.append(row.get("kind", "?"))
    if row.get("id"):
        parts.append(row["id"])
    elif row.get("kind") == "field":
        parts.append(row.get("get", "selection"))
    elif row.get("kind") == "programs":
        parts.append(_short(row.get("select") or f"{len(row.get('programs', []))} named"))
    else:
        detail = _short(row.get("inputs", {}))
        if row.get("field"):
            detail += f"@{row['field']}"
        if "expect" in row:
            detail += f"->{_short(row['expect'])}"
        parts.append(detail)
    return "/".join(parts)


def all_cases() -> list[Case]:
    return [c for path in sorted(CLAUSES.glob("*.yaml")) for c in load_cases(path)]


CASES = all_cases()


# ------------------------------------------------------------------------------------------
# paths and matchers (field / programs rows)
# ------------------------------------------------------------------------------------------
_SEG = re.compile(r"([^.\[\]]+)(?:\[([^=\]]+)=([^\]]+)\])?(?:\.|$)")


def _segments(path: str) -> list[tuple[str, str | None, str | None]]:
    out, pos = [], 0
    while pos < len(path):
        m = _SEG.match(path, pos)
        if not m:
            raise ValueError(f"bad path {path!r}")
        out.append(m.groups())
        pos = m.end()
    return out


def _is_selection(obj) -> bool:
    return hasattr(obj, "program") and hasattr(obj, "variant") and callable(getattr(obj, "field", None))


def _is_program(obj) -> bool:
    return load_catalog().by_id.get(getattr(obj, "id", None)) is obj


def _attr(obj, name: str):
    cat = load_catalog()
    if isinstance(obj, (list, tuple)):
        if name.isdigit():
            return obj[int(name)]
        return [_attr(o, name) for o in obj]
    if _is_selection(obj):
        if name in ("program", "variant", "label"):
            return getattr(obj, name)
        if name == "thresholds":  # the program's conditions and its sub-case's
            return list(obj.program.thresholds) + (list(obj.variant.thresholds) if obj.variant else [])
        if name == "notes":  # the program's note and its sub-case's
            return (obj.program.note or "") + ((obj.variant.note or "") if obj.variant else "")
        if name in ("general_thresholds", "document"):
            return _attr(obj.program, name)
        return obj.field(name)  # the sub-case's value where it sets one, else the program's
    if _is_program(obj):
        if name == "general_thresholds":
            return cat.general_thresholds(obj)
        if name == "document":
            return cat.doc_of[obj.id]
    if not hasattr(obj, name):
        raise AssertionError(f"{type(obj).__name__} has no {name!r}")
    return getattr(obj, name)


def resolve(obj, path: str | None):
    if not path or path == ".":
        return obj
    for name, key, value in _segments(path):
        obj = _attr(obj, name)
        if key is not None:
            hits = [o for o in obj if str(getattr(o, key)) == value]
            assert len(hits) == 1, f"{path}: {len(hits)} entries with {key}={value}"
            obj = hits[0]
    return obj


def equal(got, want) -> bool:
    if want is None:
        return got is None
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, dict):
        return all(equal(resolve(got, k), v) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, (list, tuple)) and len(got) == len(want) and all(map(equal, got, want))
    if isinstance(got, (Decimal, int, float)) and isinstance(want, (int, float, str)):
        try:
            return Decimal(str(got)) == Decimal(str(want))
        except ArithmeticError:
            return False
    if isinstance(want, str) and not isinstance(got, str):
        return str(got) == want
    return got == want


def _items(want) -> list:
    return want if isinstance(want, list) else [want]


def _contains(got, item) -> bool:
    if isinstance(got, str):
        return normalise(str(item)) in normalise(got)
    return any(equal(g, item) for g in (got or []))


def _check_matchers(obj, spec: dict, where: str) -> None:
    """Every matcher of `spec` holds for `obj` (paths are relative to `obj`)."""
    for how, want in spec.items():
        if how not in MATCHERS:
            continue
        # {path: value, ...} checks values found along paths; anything else checks `obj` itself
        pairs = want.items() if isinstance(want, dict) and how not in ("each", "any") else [(None, want)]
        for path, value in pairs:
            got = resolve(obj, path)
            label = f"{where}: {how} {path or ''}".rstrip()
            if how == "expect":
                assert equal(got, value), f"{label}: got {got!r}, want {value!r}"
            elif how == "not":
                assert not equal(got, value), f"{label}: got {got!r}, which it must not be"
            elif how == "has":
                missing = [i for i in _items(value) if not _contains(got, i)]
                assert not missing, f"{label}: {missing!r} not in {got!r}"
            elif how == "lacks":
                present = [i for i in _items(value) if _contains(got, i)]
                assert not present, f"{label}: {present!r} found in {got!r}"
            elif how == "starts":
                assert isinstance(got, str) and got.startswith(value), f"{label}: {got!r} does not start with {value!r}"
            elif how == "same":
                assert got is not None and set(map(str, got)) == set(map(str, value)), (
                    f"{label}: got {sorted(map(str, got or []))}, want {sorted(map(str, value))}")
            elif how == "covers":
                first, last = got
                assert first <= value <= last, f"{label}: line {value} not within {got}"
            elif how == "len":
                assert got is not None and len(got) == value, f"{label}: length {len(got or [])}, want {value}"
            elif how == "all":
                assert all(equal(g, value) for g in got), f"{label}: got {got!r}, want every one {value!r}"
            elif how == "sum":
                total = sum(Decimal(str(g)) for g in got)
                assert total == Decimal(str(value)), f"{label}: sum {total}, want {value}"
            elif how == "groups":
                sizes = sorted(Counter(map(str, got)).values())
                assert sizes == sorted(value), f"{label}: group sizes {sizes}, want {sorted(value)}"
            elif how == "each":
                for i, one in enumerate(got):
                    _check_matchers(one, value, f"{where}: each[{i}]")
            elif how == "any":
                errors = []
                for block in value:
                    try:
                        _check_matchers(obj, block, where)
                        break
                    except AssertionError as exc:
                        errors.append(str(exc))
                else:
                    raise AssertionError(f"{where}: none of the alternatives holds: {errors}")


# ------------------------------------------------------------------------------------------
# the kinds
# ------------------------------------------------------------------------------------------
def _cap_args(inputs: dict | None, where: str) -> dict:
    inputs = dict(inputs or {})
    unknown = set(inputs) - INPUTS
    assert not unknown, f"{where}: unknown inputs {sorted(unknown)} (use {sorted(INPUTS)})"
    return {"base": inputs.get("base"), "count": inputs.get("count"), "bases": inputs.get("bases")}


def run_cap(row: dict, where: str) -> None:
    name, variant = row["program"], row.get("variant")
    if "parts" in row:  # a holder with several items: the awards add up
        total = Decimal(0)
        for part in row["parts"]:
            extra = set(part) - {"variant", "inputs"}
            assert not extra, f"{where}: unknown keys in a part: {sorted(extra)}"
            total += cap(name, variant=part.get("variant", variant), **_cap_args(part.get("inputs"), where)).amount
        assert total == Decimal(str(row["expect"])), f"{where}: total {total} != {row['expect']}"
        return
    award = cap(name, variant=variant, **_cap_args(row.get("inputs"), where))
    assert "expect" in row or "first_payment" in row, f"{where}: a cap row needs expect or first_payment"
    if "expect" in row:
        assert award.amount == Decimal(str(row["expect"])), f"{where}: {award.amount} != {row['expect']}"
    if "first_payment" in row:
        want = row["first_payment"]
        got = award.first_payment
        assert (got is None) if want is None else (got == Decimal(str(want))), f"{where}: first payment {got} != {want}"


def run_no_amount(row: dict, where: str) -> None:
    with pytest.raises(NoAmountError) as exc:
        cap(row["program"], variant=row.get("variant"), **_cap_args(row.get("inputs"), where))
    if "limit" in row:
        assert exc.value.limit == Decimal(str(row["limit"])), f"{where}: limit {exc.value.limit} != {row['limit']}"
    if "message" in row:
        assert row["message"] in exc.value.message, f"{where}: {row['message']!r} not in {exc.value.message!r}"


def run_variant_required(row: dict, where: str) -> None:
    with pytest.raises(VariantRequiredError):
        cap(row["program"], variant=row.get("variant"), **_cap_args(row.get("inputs"), where))


def run_threshold(row: dict, where: str) -> None:
    inputs = dict(row.get("inputs") or {})
    scope = row.get("scope", "own")
    assert scope in ("own", "general", "all"), f"{where}: scope is own, general or all"
    report = check(row["program"], inputs, variant=row.get("variant"), include_general=scope != "own",
                   only_given=row.get("only_given", True))
    results = [r for r in report.results if scope != "general" or r.general]
    if "passed" in row:
        assert report.passed is row["passed"], f"{where}: passed is {report.passed}: {report.summary()}"
    if "expect" not in row:
        assert "passed" in row, f"{where}: a threshold row needs expect or passed"
        return
    field = row.get("field") or next(iter(inputs))
    if field != "*":  # the field as written or its catalog name
        results = [r for r in results if r.field in (field, canonical_field(field))]
    got = [r.status for r in results]
    want = row["expect"]
    shown = f"{where}: {field}: {got} {[r.message for r in results]}"
    if isinstance(want, list):
        assert got == want, shown
    elif want == "pass":
        assert got and set(got) == {"pass"}, shown
    elif want in ("fail", "missing"):
        assert want in got, shown
    elif want == "none":
        assert not got, shown
    elif want == "no fail":
        assert "fail" not in got, shown
    else:
        raise AssertionError(f"{where}: expect is one of {sorted(STATUSES)} or a list of statuses")


def run_field(row: dict, where: str) -> None:
    sel = find_program(row["program"], variant=row.get("variant"))
    obj = resolve(sel, row.get("get"))
    assert MATCHERS & set(row), f"{where}: a field row needs one of {sorted(MATCHERS)}"
    _check_matchers(obj, row, where)


def run_programs(row: dict, where: str) -> None:
    cat = load_catalog()
    named = []
    for entry in row.get("programs", []):
        prog, variant = (entry, None) if isinstance(entry, str) else (entry["program"], entry.get("variant"))
        named.append(find_program(prog, variant=variant))
    if "select" in row:
        sel = row["select"]
        unknown = set(sel) - {"year", "file"}
        assert not unknown, f"{where}: select by year or file, not {sorted(unknown)}"
        chosen = [p for p in cat.programs
                  if ("year" not in sel or p.year == sel["year"]) and ("file" not in sel or cat.doc_of[p.id].file == sel["file"])]
        items = [Selection(p) for p in chosen]
        if named:
            got, want = {s.program.id for s in named}, {p.id for p in chosen}
            assert got == want, f"{where}: named but not selected {sorted(got - want)}, selected but not named {sorted(want - got)}"
    else:
        items = named
    if "count" in row:
        distinct = {(s.program.id, s.variant.name if s.variant else None) for s in (named or items)}
        assert len(items) == len(distinct) == row["count"], f"{where}: {len(items)} programs ({len(distinct)} distinct), want {row['count']}"
    _check_matchers(items, row, where)


RUN = {
    "cap": run_cap,
    "no_amount": run_no_amount,
    "variant_required": run_variant_required,
    "threshold": run_threshold,
    "field": run_field,
    "programs": run_programs,
}


def check_quote(case: Case) -> None:
    row = case.row
    lines = row.get("lines")
    assert row.get("quote") and lines, f"{case.where}: every row cites its clause: lines and quote"
    lines = (lines, lines) if isinstance(lines, int) else tuple(lines)
    problem = quote_problem(Source(file=case.seed, lines=lines, text=row["quote"]))
    assert problem is None, f"{case.where}: {problem}"


def unique_ids(cases: list[Case]) -> list[str]:
    ids = [case_id(c) for c in cases]
    seen = Counter(ids)
    return [i if seen[i] == 1 else f"{i}@{c.line}" for i, c in zip(ids, cases)]


@pytest.mark.parametrize("case", CASES, ids=unique_ids(CASES))
def test_clause(case: Case):
    row = case.row
    kind = row.get("kind")
    assert kind in RUN, f"{case.where}: kind must be one of {sorted(RUN)}, not {kind!r}"
    unknown = set(row) - KEYS[kind]
    assert not unknown, f"{case.where}: unknown keys {sorted(unknown)} for kind {kind}"
    check_quote(case)
    RUN[kind](row, case.where)
