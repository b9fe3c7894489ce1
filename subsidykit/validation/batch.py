"""Checks across the files of one batch: the same applicant twice, the same project twice, the
2021 guide's per-city limits, and the 真实性核查 sample size.

The counting is :mod:`subsidykit.rules.batch`, shared with the 审核 sheet; here it is run over
the files' results (their :class:`~subsidykit.rules.batch.Project` facts), and its answers are
the :class:`~subsidykit.rules.findings.BatchFinding`s of the batch.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.rules import batch as rules_batch
from subsidykit.rules.batch import Project as Facts
from subsidykit.rules.findings import ERROR, BatchFinding
from subsidykit.rules.parsing import optional_year
from subsidykit.validation.results import FileResult


def _batch(results: Sequence[FileResult]) -> list[tuple[str, Facts | None]]:
    return [(r.file, r.facts) for r in results]


def check_duplicates(results: Sequence[FileResult], cat: Catalog) -> Iterator[BatchFinding]:
    """DUPLICATE_PROJECT / DUPLICATE_APPLICANT (`batch.duplicates`, the same as the 审核 sheet)."""
    yield from rules_batch.duplicates(_batch(results), cat)


def check_city_limits(results: Sequence[FileResult], cat: Catalog) -> Iterator[BatchFinding]:
    """CITY_LIMIT / CITY_UNKNOWN (`batch.city_limits`, the same counting as the 审核 sheet)."""
    yield from rules_batch.city_limits(_batch(results), cat)


def check_sample(
    results: Sequence[FileResult], cat: Catalog, year: object = None, excluded: frozenset[str] = frozenset()
) -> Iterator[BatchFinding]:
    """SAMPLE_SIZE: how many of the recommendable projects the notice's 真实性核查 requires.

    A project counts once however many files carry it, and a file with an 错误 (its own or
    the batch's, `excluded`) is not recommendable."""
    ok = [r for r in results if r.readable and r.valid and r.file not in excluded]
    y = optional_year(year)
    years = [r.facts.year for r in results if r.facts is not None and r.facts.year]
    if y is None and years:
        y = max(set(years), key=years.count)
    yield rules_batch.sample(_batch(ok), cat, y).note


BATCH_CHECKS = (check_duplicates, check_city_limits)


def check_batch(results: Sequence[FileResult], *, year: object = None, catalog: Catalog | None = None) -> list[BatchFinding]:
    """Every check across `results`, the sample size last (over the files without an 错误)."""
    cat = catalog or load_catalog()
    out: list[BatchFinding] = []
    for fn in BATCH_CHECKS:
        out.extend(fn(results, cat))
    excluded = frozenset(f for b in out if b.severity == ERROR for f in b.files)
    out.extend(check_sample(results, cat, year, excluded))
    return out


__all__ = ["BATCH_CHECKS", "check_batch", "check_city_limits", "check_duplicates", "check_sample"]
