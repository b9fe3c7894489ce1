"""Policy matching (issue 16): which of a year's programs a project fits, and for how much.

    res = match({"项目总投入": 5000, "软件投入": 600, ...}, 2023)
    res.matches           # every program / variant: eligible, unknown or ineligible, amount desc
    res.best              # the single best eligible grant (同一申报单位原则上只能申报一个项目)
    res.of_status("eligible", "unknown")

Every verdict is the one review's (:func:`review.review_project`, which calls
:func:`thresholds.check`), every amount its cap (:func:`amounts.cap` through the review):
this module only enumerates the candidates, runs that review on each and sorts.

* Candidates (`candidates_of`).  A program without variants is one candidate.  A program with
  variants (子类) is matched per variant when the variants differ — a tiered program (金额按
  类别), or variants that carry their own conditions or their own amount clause; variants that
  are mere names (no condition, no amount of their own: 2023 头雁型软件企业's three kinds of
  applicant) leave the program one candidate, as the review checks it without a variant.
  A variant with no condition of its own (2024 购房券 博士/硕士/本科: the catalog cannot tell
  them apart) is matched on its program's conditions and says so in `note`.
* Status.  eligible = the review's verdict 通过 (every condition checked and met);
  ineligible = 不通过 (`failed`: every failing condition, in the order of the seed text — the
  notice's general conditions, then the guide's clauses by line); unknown = 待核实
  (`missing`: the fields to fill, `CheckReport.to_fill` but naming the deciding field where a
  condition's `when` cannot be decided; or given values contradicting each other:
  `conflicts`).  A condition whose field is not given is reported missing, never passed and
  never failed: the review runs with ``only_given=False``.  A candidate with no checkable
  condition at all is unknown (`note` says so).
* Counted values (`COUNTED`).  One match is about one project: 申报项目数量 is 1 unless given
  (as validation and the 审核 sheet pass it; the batch counts an applicant's several).
* Amounts.  `amount` is the review's cap (万元) or None, `amount_text` its explanation or why
  not (a base not given, a 认定 without money, a loan limit …).  Loan / guarantee / investment
  limits (``Program.grant`` False) carry their limit in `amount_text` only and never take part
  in `best`.  A per-item award (每个 / 每月 …, kind per_unit without a base) has no amount: the
  count is no field of the values (`review.award_cap` says so).
* Best (同一申报单位原则上只能申报一个项目; `exclusivity` cites the clause where the year's
  notice states it, found in the data as the general condition on 申报项目数量).  Among the
  eligible grants whose kind has money (not 认定 / 另行通知, not a loan limit): a computed
  amount before none, the larger amount first; on a tie, a candidate the catalog's own
  conditions confirm (`confirmed`) before one that passed on general conditions or its
  program's alone, then the one the guide lists first (catalog order: documents, programs,
  variants) — stable, and something the clerk can find in the guide.  免申直达 candidates
  take part like any other (they are flagged `exempt_application`).
* `matches` are sorted eligible, unknown, ineligible; amount desc (None last); label; guide order.
* Year.  None -> the newest year of the catalog.
* `match` is strict like `check` on the command line (a field name nobody knows, a value that
  cannot be read: errors); `qualifying_others`, a hint for 审核 and validation, is lenient.
* Year from the profile.  Without a year, a 申报年度 among the values is the year (`values_year`):
  the command line, the cells and the ledger match the same profile in the same year.
* Quick paths (the one rule, never a second copy of it).  The review's verdict is `check`'s with
  contradictions added, so `check_threshold` on the values derived once (`_screen`) already
  tells a candidate 不符合 (a condition failed) or 待补充 (one not checkable, or a candidate the
  catalog cannot confirm) without its review; only the rest can be 符合.  `best_of` (BEST_PROGRAM
  over a column) reviews only those; `match(…, statuses=…)` (a ledger showing 符合 or 不符合 only)
  leaves unreviewed the candidates certain to have a status not asked for.
* Per catalog (keyed by the Catalog object, like lookup): the candidates of each year, their
  typing labels, the exclusivity clause and the amount bases are worked out once.

Engine layer: imports catalog, errors and rules modules only.
"""

from __future__ import annotations

import _thread
from collections.abc import Iterable, Mapping
from decimal import Decimal

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.cite import cite, source_json
from subsidykit.catalog.frozen import Record
from subsidykit.catalog.records import Program, Source, Variant
from subsidykit.errors import BadInputError
from subsidykit.rules.lookup import Selection, typing_label
from subsidykit.rules.parsing import fmt_wan, is_blank, optional_year, shown
from subsidykit.rules.review import ProjectReview, review_project
from subsidykit.rules.drafts import review_note
from subsidykit.rules.findings import CODES, Finding
from subsidykit.rules.thresholds import UnknownFieldError, check_threshold, conditions_of, derive, fields_read, is_exempt, normalise_values
from subsidykit.rules.vocabulary import canonical_field, is_known_field

ELIGIBLE, UNKNOWN, INELIGIBLE = "eligible", "unknown", "ineligible"
STATUSES = (ELIGIBLE, UNKNOWN, INELIGIBLE)
STATUS_ZH = {ELIGIBLE: "符合", UNKNOWN: "待补充", INELIGIBLE: "不符合"}
_VERDICT_STATUS = {"pass": ELIGIBLE, "incomplete": UNKNOWN, "fail": INELIGIBLE}
_STATUS_WORDS = {
    **{s: s for s in STATUSES},
    **{zh: s for s, zh in STATUS_ZH.items()},
    "待核实": UNKNOWN,
    "通过": ELIGIBLE,
    "不通过": INELIGIBLE,
}
# the 申报项目数量 of one project (the batch counts an applicant's several): as validation and 审核 pass it
COUNTED: dict[str, int] = {"申报项目数量": 1}
EXCLUSIVITY_FIELD = "申报项目数量"
YEAR_FIELD = "申报年度"  # the year a profile may carry itself (a ledger's 申报年度 column, a cell)
NO_MONEY_KINDS = frozenset({"recognition", "none"})
# fields the review reads besides conditions and bases (the request, compared with the cap)
_REVIEW_READS = frozenset({"申请补助资金"})


def parse_statuses(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """"eligible,unknown", "符合,待补充", ["eligible"], None -> the statuses (STATUSES order);
    None or blank -> (ELIGIBLE, UNKNOWN); an unknown word -> BadInputError listing the choices."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return (ELIGIBLE, UNKNOWN)
    if isinstance(text, str):
        words = text.replace("，", ",").replace("、", ",").replace(";", ",").replace("；", ",").split(",")
    else:
        words = [str(w) for w in text]
    got: set[str] = set()
    bad: list[str] = []
    for w in words:
        key = w.strip()
        if not key:
            continue
        status = _STATUS_WORDS.get(key.lower()) or _STATUS_WORDS.get(key)
        if status is None:
            bad.append(key)
        else:
            got.add(status)
    if bad:
        choices = "、".join(f"{s}（{STATUS_ZH[s]}）" for s in STATUSES)
        listed = "、".join(shown(b) for b in bad[:5]) + (f" 等 {len(bad)} 个" if len(bad) > 5 else "")
        raise BadInputError(f"无法识别的匹配结论：{listed}；可选：{choices}")
    if not got:
        return (ELIGIBLE, UNKNOWN)
    return tuple(s for s in STATUSES if s in got)


class Failure(Record):
    """One failing condition: its field, the review's message and the clause (frozen, compared
    and hashed by its fields: `frozen.Record`)."""

    _fields = ("field", "message", "source")

    def __init__(self, field: str | None, message: str, source: Source | None) -> None:
        _set = object.__setattr__
        _set(self, "field", field)
        _set(self, "message", message)
        _set(self, "source", source)

    def __repr__(self) -> str:
        return f"Failure(field={self.field!r}, message={self.message!r}, source={cite(self.source) if self.source else None!r})"

    def to_json(self) -> dict:
        return {
            "field": self.field,
            "message": self.message,
            "source": cite(self.source) if self.source is not None else None,
            "source_detail": source_json(self.source),
        }


def _amount_json(amount: Decimal | None) -> int | float | None:
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


class ProgramMatch:
    """One program, or one variant (子类) of a program, against the values."""

    __slots__ = (
        "selection",
        "status",
        "amount",
        "amount_text",
        "grant",
        "exempt_application",
        "missing",
        "failed",
        "source",
        "review",
        "conflicts",
        "note",
        "order",
        "typing",
    )

    def __init__(
        self,
        selection: Selection,
        status: str,
        amount: Decimal | None,
        amount_text: str,
        grant: bool,
        exempt_application: bool,
        missing: tuple[str, ...],
        failed: tuple[Failure, ...],
        source: Source | None,
        review: ProjectReview,
        conflicts: tuple[str, ...] = (),
        note: str = "",
        order: int = 0,
        typing: str = "",
    ) -> None:
        self.selection = selection
        self.status = status
        self.amount = amount
        self.amount_text = amount_text
        self.grant = grant
        self.exempt_application = exempt_application
        self.missing = missing
        self.failed = failed
        self.source = source
        self.review = review  # None once a ledger keeps the match (matching.ledger releases the reviews)
        self.conflicts = conflicts  # given values contradicting each other (unknown without `missing`)
        self.note = note  # why a status says little (no checkable condition in the catalog)
        self.order = order  # the candidate's place in the guide (catalog order): the tie-break
        self.typing = typing or selection.label  # what a clerk types to name it (unique; lookup.typing_label)

    @property
    def program(self) -> str:
        p = self.selection.program
        return f"{p.year}/{p.title}"

    @property
    def variant(self) -> str | None:
        v = self.selection.variant
        return v.name if v is not None else None

    @property
    def label(self) -> str:
        return self.selection.label

    @property
    def status_zh(self) -> str:
        return STATUS_ZH[self.status]

    @property
    def money(self) -> bool:
        """A grant whose kind has an amount (not a 认定 or 另行通知, not a loan limit)."""
        return self.grant and self.selection.field("kind") not in NO_MONEY_KINDS

    def __repr__(self) -> str:
        return f"ProgramMatch({self.label!r}, {self.status}, amount={self.amount})"

    def to_json(self) -> dict:
        return {
            "program": self.program,
            "program_id": self.selection.program.id,
            "variant": self.variant,
            "label": self.label,
            "typing": self.typing,
            "status": self.status,
            "status_zh": self.status_zh,
            "amount_wan": _amount_json(self.amount),
            "amount_text": self.amount_text,
            "missing": list(self.missing),
            "failed": [f.to_json() for f in self.failed],
            "conflicts": list(self.conflicts),
            "note": self.note,
            "exempt_application": self.exempt_application,
            "grant": self.grant,
            "source": cite(self.source) if self.source is not None else None,
            "source_detail": source_json(self.source),
        }


class MatchResult:
    __slots__ = ("year", "matches", "best", "exclusivity", "unused", "refused")

    def __init__(
        self,
        year: int,
        matches: tuple[ProgramMatch, ...],
        best: ProgramMatch | None,
        exclusivity: Source | None,
        unused: tuple[str, ...],
        refused: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.year = year
        self.matches = matches
        self.best = best
        self.exclusivity = exclusivity
        self.unused = unused
        # lenient matching: (field, why) of the given values a condition could not read; they were
        # left out, so the conditions on them are 待补充 (strict matching raises instead)
        self.refused = refused

    def of_status(self, *statuses: str) -> list[ProgramMatch]:
        """The matches with one of `statuses` (words as `parse_statuses` reads them; none: all)."""
        wanted = set(parse_statuses(statuses)) if statuses else set(STATUSES)
        return [m for m in self.matches if m.status in wanted]

    def __repr__(self) -> str:
        counts = {s: sum(1 for m in self.matches if m.status == s) for s in STATUSES}
        return f"MatchResult({self.year}, {counts}, best={self.best.label if self.best else None!r})"

    def to_json(self) -> dict:
        b = self.best
        return {
            "year": self.year,
            "programs": [m.to_json() for m in self.matches],
            "best": None if b is None else {"program": b.program, "variant": b.variant, "label": b.label, "amount_wan": _amount_json(b.amount)},
            "exclusivity": cite(self.exclusivity) if self.exclusivity is not None else None,
            "unused": list(self.unused),
            "refused": [{"field": f, "message": why} for f, why in self.refused],
        }


# --- the candidates of a year, once per catalog --------------------------------------------------


class _Year:
    """What matching needs of one year, worked out once per catalog."""

    __slots__ = ("year", "selections", "typing", "exclusivity", "bases", "read")

    def __init__(
        self, year: int, selections: tuple[Selection, ...], typing: tuple[str, ...], exclusivity: Source | None, bases: frozenset[str]
    ) -> None:
        self.year = year
        self.selections = selections
        self.typing = typing  # lookup.typing_label of each selection (2024 has titles printed twice)
        self.exclusivity = exclusivity
        self.bases = bases  # the amount bases of the year's candidates (canonical): used fields
        self.read: frozenset[str] | None = None  # the fields some candidate's conditions read (`_read_by`)


_AMOUNT_FIELDS = ("kind", "base", "rate", "cap", "fixed", "unit_amount", "stages", "components")


def _variant_differs(v: Variant) -> bool:
    return bool(v.thresholds) or any(getattr(v, f) not in (None, [], ()) for f in _AMOUNT_FIELDS)


def candidates_of(program: Program) -> list[Selection]:
    """The candidates a program is matched as: each variant where the variants differ (tiered,
    or a variant with its own conditions or amount), else the program alone."""
    if program.variants and (program.kind == "tiered" or any(_variant_differs(v) for v in program.variants)):
        return [Selection(program, v) for v in program.variants]
    return [Selection(program, None)]


def _bases_of(sel: Selection) -> set[str]:
    out = set()
    for b in [sel.field("base"), *(p.base for p in sel.field("stages") or sel.field("components") or [])]:
        if b:
            out.add(canonical_field(b))
    return out


_memos: dict[int, tuple[Catalog, dict]] = {}
_memo_lock = _thread.allocate_lock()  # threading.Lock itself, without importing threading (start-up)


def _memo_for(cat: Catalog) -> dict:
    entry = _memos.get(id(cat))
    if entry is None or entry[0] is not cat:  # the entry holds `cat`: its id is not reused meanwhile
        with _memo_lock:
            if len(_memos) >= 4:
                _memos.pop(next(iter(_memos)))
            entry = _memos[id(cat)] = (cat, {})
    return entry[1]


def years(catalog: Catalog | None = None) -> tuple[int, ...]:
    """The years the catalog has guides for, oldest first."""
    cat = catalog or load_catalog()
    memo = _memo_for(cat)
    got = memo.get("#years")
    if got is None:
        got = memo["#years"] = tuple(sorted({d.year for d in cat.documents}))
    return got


def _year_of(year: object, cat: Catalog) -> int:
    have = years(cat)
    y = optional_year(year)
    if y is None:
        return have[-1]
    if y not in have:
        raise BadInputError(f"政策目录中没有 {y} 年度的指南；可选年度：{'、'.join(map(str, have))}")
    return y


def _year_data(cat: Catalog, year: int) -> _Year:
    memo = _memo_for(cat)
    got = memo.get(year)
    if got is None:
        sels: list[Selection] = []
        exclusivity: Source | None = None
        for d in cat.documents:
            if d.year != year:
                continue
            for p in d.programs:
                sels.extend(candidates_of(p))
            if exclusivity is None:
                exclusivity = next((t.source for t in d.general_thresholds if canonical_field(t.field) == EXCLUSIVITY_FIELD), None)
        bases: set[str] = set()
        for s in sels:
            bases |= _bases_of(s)
        typing = tuple(typing_label(cat, s.program, s.variant) for s in sels)
        got = _Year(year, tuple(sels), typing, exclusivity, frozenset(bases))
        with _memo_lock:
            memo[year] = got
    return got


def selections(year: object = None, *, catalog: Catalog | None = None) -> tuple[Selection, ...]:
    """Every candidate (program or variant) of the year's guides, in catalog order."""
    cat = catalog or load_catalog()
    return _year_data(cat, _year_of(year, cat)).selections


# --- matching ------------------------------------------------------------------------------------


def _status_of(review: ProjectReview) -> str:
    return _VERDICT_STATUS[review.verdict]


def _clause_order(r) -> tuple:
    """Where a condition stands in the seed: the notice's general conditions before the
    guide's, and within a guide the order it prints its clauses."""
    src = r.source
    return (0, src.file, src.lines[0], src.lines[1]) if src is not None else (1, "", 0, 0)


def confirmed(sel: Selection) -> bool:
    """Whether the catalog lists conditions that tell this candidate apart: the program's own
    (not only the notice's general ones) and, for a variant, the variant's own."""
    if sel.variant is not None:
        return bool(sel.variant.thresholds)
    return bool(sel.program.thresholds)


def _to_fill(sel: Selection, report, cat: Catalog, given: frozenset[str]) -> tuple[str, ...]:
    """`CheckReport.to_fill`, except that a condition whose own field is known (given or
    derived: `given`) but whose `when` cannot be decided (项目总投入 ≥ 8000 when 项目实施周期 > 2)
    names the deciding field (项目实施周期), not the known one."""
    out: list[str] = []
    for r in report.unchecked:
        names = [r.field]
        if r.status == "missing" and r.field in given:
            ts = [*cat.general_thresholds(sel.program), *sel.program.thresholds, *(sel.variant.thresholds if sel.variant else ())]
            deciding = [
                canonical_field(c.field)
                for t in ts
                if canonical_field(t.field) == r.field and t.label == r.label and t.source == r.source
                for c in t.when
                if canonical_field(c.field) not in given
            ]
            names = deciding or names
        for n in names:
            if n not in out:
                out.append(n)
    return tuple(out)


def _one(
    sel: Selection, vals: Mapping[str, object], known: frozenset[str], cat: Catalog, order: int, typing: str, history=None
) -> ProgramMatch:
    rv = review_project(sel, vals, catalog=cat, only_given=False, strict=False, counted=COUNTED, history=history)
    report = rv.report
    status = _status_of(rv)
    if status == ELIGIBLE and not confirmed(sel):
        # passed only the notice's general conditions (or its program's, for a variant the catalog
        # cannot tell apart): its own were not checked, so it is not 符合 but 待补充, with the note
        status = UNKNOWN
    draft = review_note(sel)  # a draft entry of the catalog: its conditions are not yet reviewed
    if draft and status == ELIGIBLE:
        status = UNKNOWN
    missing: tuple[str, ...] = ()
    failed: tuple[Failure, ...] = ()
    conflicts: tuple[str, ...] = ()
    note = ""
    if status == INELIGIBLE:
        failed = tuple(Failure(r.field, r.message, r.source) for r in sorted(report.failures, key=_clause_order))
    elif status == UNKNOWN:
        missing = _to_fill(sel, report, cat, known)
        conflicts = tuple(report.conflicts)
    if not report.results:
        note = "政策目录未列出本项目可核对的量化条件，请对照指南原文逐条核实"
    elif sel.variant is not None and not sel.variant.thresholds:
        note = f"子类「{sel.variant.name}」的归属未核对（政策目录未列出区分各子类的条件），请核实申报主体属于该子类"
    elif not confirmed(sel):
        note = "政策目录只列出了通知的基本条件，本项目自身的申报条件请对照指南原文核实"
    amount, amount_text = rv.cap, rv.cap_text  # a per-item award without its count: None (review.award_cap)
    if draft:
        note = f"{draft}；{note}" if note else draft
    return ProgramMatch(
        sel,
        status,
        amount,
        amount_text,
        bool(sel.program.grant),
        bool(sel.program.no_application),
        missing,
        failed,
        rv.cap_source,
        rv,
        conflicts,
        note,
        order,
        typing,
    )


def _sort_key(m: ProgramMatch) -> tuple:
    return (STATUSES.index(m.status), m.amount is None, -(m.amount or 0), m.label, m.order)


def _rank(m: ProgramMatch) -> tuple:
    """Best first: a computed amount before none, the larger amount first; on a tie, a candidate
    the catalog's own conditions confirm (see `confirmed`) before one that passed on general
    conditions only, then the guide's order."""
    return (m.amount is None, -(m.amount or 0), not confirmed(m.selection), m.order)


def _best(matches: Iterable[ProgramMatch]) -> ProgramMatch | None:
    pool = [m for m in matches if m.status == ELIGIBLE and m.money]
    return min(pool, key=_rank) if pool else None


def _given(values: Mapping[str, object], strict: bool) -> dict[str, object]:
    """The non-blank values; with `strict`, a field name nobody knows is refused (as `check`)."""
    given = {k: v for k, v in values.items() if not is_blank(v)}
    unknown = [str(k) for k in given if not is_known_field(k)]
    if unknown:
        if strict:
            raise UnknownFieldError(unknown)
        given = {k: v for k, v in given.items() if is_known_field(k)}
    return given


def values_year(values: Mapping[str, object]) -> int | None:
    """The year a profile carries itself: its 申报年度 (in any wording), None when not given; an
    unreadable one raises BadInputError (as the year argument would)."""
    for key, value in values.items():
        if not is_blank(value) and canonical_field(str(key)) == YEAR_FIELD:
            try:
                return optional_year(value)
            except BadInputError as exc:
                raise BadInputError(f"{YEAR_FIELD}：{exc.message}") from None
    return None


def _profile_year(values: Mapping[str, object], year: object, refused: dict[str, str] | None = None) -> object:
    """The year to match in: the argument, else the profile's own 申报年度 (`values_year`), else
    None (the newest).  With `refused` (lenient), an unreadable 申报年度 is listed there, not raised."""
    if optional_year(year) is not None:
        return year
    try:
        return values_year(values)
    except BadInputError as exc:
        if refused is None:
            raise
        refused[YEAR_FIELD] = exc.message
        return None


def _match(
    values: Mapping[str, object], year: object, cat: Catalog, strict: bool, wanted: frozenset[str] | None = None, history=None
) -> MatchResult:
    """Strict: an unknown field or an unreadable value raises.  Lenient: unknown fields are
    dropped, and a value a condition cannot read is left out (and listed in `refused`), so that
    every condition on it is 待补充 rather than the whole match lost."""
    refused: dict[str, str] = {}
    year = _profile_year(values, year, None if strict else refused)
    while True:
        res = _match_once({k: v for k, v in values.items() if canonical_field(k) not in refused}, year, cat, strict, wanted, history)
        bad = {} if strict else {r.field: r.message for m in res.matches for r in m.review.report.invalid if r.field not in refused}
        if not bad:
            res.refused = tuple(refused.items())
            return res
        refused.update(bad)


def _read_by(yd: _Year, cat: Catalog) -> frozenset[str]:
    """The fields `check` counts as used by some candidate of the year (`thresholds.fields_read`,
    the one definition: each condition's field, its when/unless fields, and the parts of a
    derived one): a given field outside these is in every candidate's `report.unused`."""
    if yd.read is None:
        read: set[str] = set()
        for sel in yd.selections:
            read |= fields_read(conditions_of(sel, cat))
        yd.read = frozenset(read)
    return yd.read


def _certain(sel: Selection, verdict: str) -> str | None:
    """The status a `_screen` verdict decides without the review, None when the review decides
    (a pass the catalog confirms: a contradiction can still make it 待补充; an unreadable value)."""
    if verdict == "fail":
        return INELIGIBLE
    if verdict == "incomplete" or (verdict == "pass" and not confirmed(sel)):
        return UNKNOWN
    return None


def _match_once(
    values: Mapping[str, object], year: object, cat: Catalog, strict: bool, wanted: frozenset[str] | None = None, history=None
) -> MatchResult:
    yd = _year_data(cat, _year_of(year, cat))
    hist = history(yd.year) if history is not None else None  # the register's History for the year matched
    if hist is not None:
        wanted = None  # the screen does not know the register's answers: every candidate is reviewed
    given = _given(values, strict)
    canon = {canonical_field(k) for k in given}
    # the fields known after derivation (实施周期 from the dates …), for naming what to fill
    known = frozenset(derive(normalise_values({**COUNTED, **given})).values)
    if wanted is None:
        out = [_one(sel, given, known, cat, i, yd.typing[i], hist) for i, sel in enumerate(yd.selections)]
    else:
        # only the candidates that can have a wanted status (or are 符合: `best`) are reviewed
        derived = derive(normalise_values({**given, **{k: n for k, n in COUNTED.items() if k not in canon}}))
        out = []
        seen: dict = {}
        for i, sel in enumerate(yd.selections):
            certain = _certain(sel, _screen(sel, derived, cat, seen))
            if certain is None or certain in wanted:
                out.append(_one(sel, given, known, cat, i, yd.typing[i]))
    if strict:
        for m in out:
            bad = m.review.report.invalid
            if bad:
                raise BadInputError(bad[0].message)
    used = set(yd.bases) | _REVIEW_READS | set(COUNTED)
    if YEAR_FIELD in canon and _quiet_year(given) == yd.year:
        used.add(YEAR_FIELD)  # it chose the year (or agrees with the one given): not unused
    if wanted is None:
        unused_everywhere = set(canon)
        for m in out:
            unused_everywhere &= set(m.review.report.unused)
    else:  # not every candidate was reviewed: the same set from the conditions (`_read_by`)
        unused_everywhere = canon - _read_by(yd, cat) if yd.selections else set(canon)
    unused = tuple(k for k in dict.fromkeys(canonical_field(k) for k in given) if k in unused_everywhere and k not in used)
    out.sort(key=_sort_key)
    return MatchResult(yd.year, tuple(out), _best(out), yd.exclusivity, unused)


def _quiet_year(values: Mapping[str, object]) -> int | None:
    try:
        return values_year(values)
    except BadInputError:
        return None


def match(
    values: Mapping[str, object],
    year: object = None,
    *,
    catalog: Catalog | None = None,
    lenient: bool = False,
    statuses: Iterable[str] | None = None,
    history=None,
) -> MatchResult:
    """Every program and variant of the year's guides against `values` (field -> value as typed).

    year None -> the profile's own 申报年度 when it gives one (`values_year`: the command line,
    the cells and the ledger agree), else the newest year of the catalog.  A field name nobody knows raises
    `UnknownFieldError` (with the closest names); a value that cannot be read raises
    BadInputError naming the field.  `lenient` (a ledger row, the hint of 审核): unknown fields
    are dropped and unreadable values left out and listed in `refused` instead.

    `statuses` (a ledger that shows only some): where 待补充 is not among them, a candidate whose
    status is certain without its review (`_screen`, the one rule on every condition: a failed
    condition is 不符合, one not checkable is 待补充) and not among them is left out of `matches`
    unreviewed; `best`, `unused`, `refused` and the errors are those of the whole match.

    `history(year)`: the project register's `rules.history.History` of the applicant for the
    year matched (None: no register), put into every candidate's review."""
    cat = catalog or load_catalog()
    wanted = None if statuses is None else frozenset(parse_statuses(list(statuses)))
    if wanted is not None and UNKNOWN in wanted:
        # 待补充 is most candidates of a ledger row: screening them all costs about what the
        # few it spares would (measured), so every candidate is reviewed
        wanted = None
    return _match(values, year, cat, strict=not lenient, wanted=wanted, history=history)


class MatchSummary:
    """What `best_of` answers: the year, the best single program (as `MatchResult.best`) and
    how many candidates have each status (as ``len(MatchResult.of_status(s))``)."""

    __slots__ = ("year", "best", "counts")

    def __init__(self, year: int, best: ProgramMatch | None, counts: dict[str, int]) -> None:
        self.year, self.best, self.counts = year, best, counts

    @classmethod
    def of(cls, result: MatchResult) -> MatchSummary:
        return cls(result.year, result.best, {s: len(result.of_status(s)) for s in STATUSES})

    def __repr__(self) -> str:
        return f"MatchSummary({self.year}, {self.counts}, best={self.best.label if self.best else None!r})"


def _screen(sel: Selection, derived, cat: Catalog, seen: dict | None = None) -> str:
    """`check`'s verdict for `sel` on values normalised and derived once: "fail", "incomplete" or
    "pass" by the one rule (`check_threshold`) on every condition `check` applies, or "invalid"
    when one of them cannot read its value (then `match` decides: strict, it raises).  `seen`
    (one set of values): each condition's answer, asked once for all candidates (it depends on
    the candidate only through the waiver, `thresholds.is_exempt`) — the notice's general
    conditions stand in every candidate."""
    statuses: set[str] = set()
    if sel.variant is None and any(v.thresholds for v in sel.program.variants):
        statuses.add("missing")  # check's 子类 result (no candidate is such a selection: candidates_of)
    for t, general in conditions_of(sel, cat):
        if seen is None:
            r = check_threshold(t, derived.values, general=general, selection=sel, notes=derived.notes)
        elif t.exempt and is_exempt(t, sel):
            r = None  # as check_threshold answers for a candidate the condition waives
        else:
            key = (id(t), general)
            if key in seen:
                r = seen[key]
            else:  # the answer does not depend on the candidate (only the waiver above does)
                r = seen[key] = check_threshold(t, derived.values, general=general, selection=None, notes=derived.notes)
        if r is not None:
            statuses.add(r.status)
    if "invalid" in statuses:
        return "invalid"
    if "fail" in statuses:
        return "fail"
    if not statuses or derived.conflicts or statuses != {"pass"}:
        return "incomplete"
    return "pass"


def best_of(values: Mapping[str, object], year: object = None, *, catalog: Catalog | None = None) -> MatchSummary:
    """`match(values, year)`'s year, best and counts (strict, as `match`), reviewing only the
    candidates that can be 符合 (BEST_PROGRAM over a whole ledger column: about a tenth of the
    time of `match`).  A candidate whose conditions (the one rule, `_screen`) fail is 不符合; one
    with a condition not checkable, or that the catalog cannot confirm (`confirmed`), is 待补充 —
    exactly as the review would say (its verdict is `check`'s with contradictions added: never a
    pass that `check` did not give); the others are reviewed (`_one`) for their status and amount.
    A value some condition cannot read: `match` itself answers (and, strict, raises)."""
    cat = catalog or load_catalog()
    year = _profile_year(values, year)
    yd = _year_data(cat, _year_of(year, cat))
    given = _given(values, strict=True)
    canon = {canonical_field(k) for k in given}
    vals = {**given, **{k: n for k, n in COUNTED.items() if k not in canon}}  # what review_project checks
    derived = derive(normalise_values(vals))
    seen: dict = {}
    verdicts = [_screen(sel, derived, cat, seen) for sel in yd.selections]
    if "invalid" in verdicts:
        return MatchSummary.of(match(values, year, catalog=cat))
    counts = dict.fromkeys(STATUSES, 0)
    pool: list[ProgramMatch] = []
    known: frozenset[str] | None = None
    for i, (sel, verdict) in enumerate(zip(yd.selections, verdicts)):
        if verdict == "fail":
            counts[INELIGIBLE] += 1
        elif verdict != "pass" or not confirmed(sel):
            counts[UNKNOWN] += 1
        else:
            if known is None:
                known = frozenset(derive(normalise_values({**COUNTED, **given})).values)
            m = _one(sel, given, known, cat, i, yd.typing[i])
            counts[m.status] += 1
            if m.status == ELIGIBLE and m.money:
                pool.append(m)
    return MatchSummary(yd.year, min(pool, key=_rank) if pool else None, counts)


def _same_selection(candidate: Selection, chosen: Selection) -> bool:
    """Whether a candidate is the program chosen (without a 子类 chosen, its variants are not
    "other programs" either)."""
    if candidate.program.id != chosen.program.id:
        return False
    if chosen.variant is None:
        return True
    return candidate.variant is None or candidate.variant.name == chosen.variant.name


def qualifying_others(selection: Selection, values: Mapping[str, object], *, catalog: Catalog | None = None) -> list[ProgramMatch]:
    """The ELIGIBLE programs / variants of the selection's year other than `selection` itself,
    best first (for the 提示 FITS_OTHER_PROGRAMS of 审核 and validation when the chosen program
    fails).  Lenient, as a hint must be: field names nobody knows are left out, unreadable
    values leave the programs that need them unknown (never an error)."""
    cat = catalog or load_catalog()
    yd = _year_data(cat, _year_of(selection.program.year, cat))
    given = _given(values, strict=False)
    vals = dict(given)  # what review_project checks: the values and the counted ones not given
    canon = {canonical_field(k) for k in given}
    vals.update({k: n for k, n in COUNTED.items() if k not in canon})
    derived = derive(normalise_values(vals))
    seen: dict = {}
    known: frozenset[str] | None = None
    others: list[ProgramMatch] = []
    for i, sel in enumerate(yd.selections):
        # only a candidate the catalog's own conditions confirm can be 符合 (see `_one`), and only
        # one whose conditions all pass (`_screen`, check's verdict by the one rule): the review's
        # verdict is check's with contradictions added, never a pass check did not give
        if not confirmed(sel) or _same_selection(sel, selection) or _screen(sel, derived, cat, seen) != "pass":
            continue
        if known is None:
            known = frozenset(derive(normalise_values({**COUNTED, **given})).values)
        m = _one(sel, given, known, cat, i, yd.typing[i])
        if m.status == ELIGIBLE:
            others.append(m)
    return sorted(others, key=lambda m: (not m.money, *_rank(m)))


HINT_LISTED = 3  # programs named in the FITS_OTHER_PROGRAMS 提示, best first; the rest are counted


def other_programs_finding(
    selection: Selection,
    values: Mapping[str, object],
    *,
    catalog: Catalog | None = None,
    cell: str | None = None,
) -> Finding | None:
    """The 提示 FITS_OTHER_PROGRAMS of a project whose chosen program fails (审核 and validate:
    the one wording): the programs of the year it does qualify for with the very values its
    review used (`qualifying_others`), at most HINT_LISTED, best first, with the maximum award
    where one is computed and "等 N 个" when there are more; on the 申报项目类别 field (`cell`),
    citing the first program's amount clause.  None when nothing qualifies.  Information only:
    the caller changes nothing else (the program chosen, the verdict, the cap, the exit code)."""
    named = [m for m in qualifying_others(selection, values, catalog=catalog) if not m.note]
    if not named:
        return None
    shown = named[:HINT_LISTED]
    names = "、".join(f"{m.typing}（{fmt_amount(m)}）" if m.amount is not None else m.typing for m in shown)
    more = f"等 {len(named)} 个" if len(named) > len(shown) else ""
    text = f"按所填数据，本项目符合：{names}{more}；申报项目以申报单位选择为准"
    return Finding("FITS_OTHER_PROGRAMS", CODES["FITS_OTHER_PROGRAMS"][0], text, "申报项目类别", cell, shown[0].source)


def fmt_amount(m: ProgramMatch) -> str:
    """The amount in a short phrase: "最高 400 万元", or "—" where none is computed."""
    return f"最高 {fmt_wan(m.amount)} 万元" if m.amount is not None else "—"


__all__ = [
    "COUNTED",
    "ELIGIBLE",
    "INELIGIBLE",
    "STATUSES",
    "STATUS_ZH",
    "UNKNOWN",
    "YEAR_FIELD",
    "Failure",
    "MatchResult",
    "MatchSummary",
    "ProgramMatch",
    "best_of",
    "candidates_of",
    "confirmed",
    "fmt_amount",
    "match",
    "parse_statuses",
    "qualifying_others",
    "selections",
    "values_year",
    "years",
]
