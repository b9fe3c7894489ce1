"""Building a summary from a ledger: match each row's 申报项目类别 to the year's programs, review
each project (`review.review_project`, as validate and check), count the per-city quotas and run
the batch checks (`rules.batch`, as validate).  Every rule comes from the catalog.  Where a
project fails its chosen program, a 提示 (FITS_OTHER_PROGRAMS) names the programs of the year it
does qualify for (`matching.qualifying_others`), as validate does; what the clerk chose stands.

    summary = build(read_ledger("台账.xlsx"), year=2023, region="某某市")
    summary = build_from_file("台账.xlsx", year=2023)            # the CLI and the server
    summary = build_from_values(used_range_values, origin="A1")  # a macro
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from subsidykit.summary.audit import CONDITION_CODES
from subsidykit.summary.table import QuotaCount, Review, Summary
from subsidykit.workbooks import summary_layout as L
from subsidykit.rules import batch as B
from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.cite import cite
from subsidykit.catalog.records import Source
from subsidykit.errors import BadInputError, SubsidyError
from subsidykit.workbooks.ledger import Ledger, issue, LedgerRow, read_ledger, read_values
from subsidykit.rules.lookup import Selection, find_program, name_key
from subsidykit.rules.matching import other_programs_finding
from subsidykit.rules.parsing import optional_year
from subsidykit.rules.regions import city_of_text, city_of_uscc
from subsidykit.rules.findings import ERROR, INFO, WARNING, BatchFinding, Finding
from subsidykit.rules.review import review_project
from subsidykit.rules.thresholds import VERDICT_ZH
from subsidykit.rules.uscc import normalise as uscc_normalise
from subsidykit.rules.uscc import problem as uscc_problem


class _Matcher:
    """Ledger 申报项目类别 text -> (category, selection, note), cached (ledgers repeat the same texts)."""

    def __init__(self, year: int, doc, cats: list[L.Category], catalog: Catalog):
        self.year, self.doc, self.cats, self.catalog = year, doc, cats, catalog
        self.by_program = {pid: c for c in cats for pid in c.programs}
        self.cache: dict[tuple[str, str], tuple[L.Category | None, Selection | None, str, bool]] = {}

    def __call__(self, text: object, variant: object) -> tuple[L.Category | None, Selection | None, str, bool]:
        key = (str(text or ""), str(variant or ""))
        if key not in self.cache:
            self.cache[key] = self._match(*key)
        return self.cache[key]

    def _match(self, text: str, variant: str) -> tuple[L.Category | None, Selection | None, str, bool]:
        """(category, selection, note, unknown?)"""
        if not text.strip():
            return None, None, "台账未填申报项目类别", True
        error = ""
        try:
            sel = find_program(text, year=self.year, variant=variant or None, catalog=self.catalog)
            cat = self.by_program.get(sel.program.id)
            if cat is not None:
                return cat, sel, "", False
            error = f"「{text}」是 {sel.program.year}/{self.catalog.doc_of[sel.program.id].fund} 的项目，不属于本汇总表"
        except SubsidyError as exc:
            error = exc.message
            if variant:  # the sub-case may be the culprit: match the program alone, and say so
                try:
                    sel = find_program(text, year=self.year, catalog=self.catalog)
                    cat = self.by_program.get(sel.program.id)
                    if cat is not None:
                        return cat, sel, f"子类「{variant}」未能识别：{exc.message}", False
                except SubsidyError:
                    pass
        key = name_key(text)
        for cat in self.cats:  # the category itself typed ("绿色化改造提升")
            ck = name_key(cat.name)
            if key == ck or (len(ck) >= 4 and ck in key):
                return cat, None, f"按类别「{cat.name}」归入，未能对应到具体项目：{error}", False
        return None, None, error, True


def _review(r: Review, catalog: Catalog, history=None) -> None:
    """The project's review (`review.review_project`, the same as validate, check and the cells),
    formatted for the 审核 line; `history(values, selection)`: the project register's
    `rules.history.History` of the row's applicant, or None."""
    sel, row = r.selection, r.row
    if sel is None:
        return
    unreadable = {i.field for i in row.issues if i.severity == ERROR and i.field and i.code.startswith("BAD_")}
    try:
        rv = review_project(
            sel, row.values, row.cells, catalog=catalog, unreadable=unreadable, stated_units=row.stated_units,
            counted={"申报项目数量": 1},  # this row is one project; the batch counts the unit's others
            history=history(row.values, sel) if history is not None else None,
        )  # fmt: skip
    except SubsidyError as exc:
        r.check_status = "无法核对"
        r.check_lines = [exc.message]
        return
    r.cap, r.cap_text, r.request_text = rv.cap, rv.cap_text, rv.request_text
    r.findings = list(rv.findings)
    r.verdict = rv.verdict
    report = rv.report
    r.check_status = VERDICT_ZH[rv.verdict]
    passed = sum(x.status == "pass" for x in report.results)
    r.check_lines = [report.headline() + (f"；已核对通过 {passed} 项" if passed and rv.verdict != "pass" else "")]
    missing = [f for f in rv.findings if f.code == "CONDITION_MISSING"]
    for f in rv.findings:
        if f.code in CONDITION_CODES and f.code != "CONDITION_MISSING":
            r.check_lines.append(f.text())
    if missing:  # one line: the fields to fill
        names = "、".join(dict.fromkeys(f.field or "" for f in missing))
        r.check_lines.append(f"[{WARNING}] 缺少数据，无法核对：{names}")
    r.check_lines += [f"[推算] {n}" for n in report.notes]
    if rv.verdict == "fail":
        _other_programs(r, {k: v for k, v in row.values.items() if k not in unreadable}, catalog)


def _other_programs(r: Review, values: dict, catalog: Catalog) -> None:
    """FITS_OTHER_PROGRAMS (提示) on the 审核 line of a project whose review says 不通过 (never
    待核实): with the values the review used (the row's, less those the ledger reader found
    unreadable) the project meets every condition of other programs of the year
    (`matching.qualifying_others`); named in 台账提示 on the row's 申报项目类别 cell.
    Information only: the program matched, the verdict, the cap and the tables stay as they
    are (a 提示 never flags a row).  Computed here once per failing row, as validate does per
    failing file (`validation.checks.check_other_programs`); the words are the engine's
    (`matching.other_programs_finding`)."""
    try:
        hint = other_programs_finding(r.selection, values, catalog=catalog, cell=r.row.cells.get("申报项目类别"))
    except SubsidyError:  # a hint never stands in the way of the review
        return
    if hint is not None:
        r.findings.append(hint)


def _project(r: Review, region: str, city_of=None) -> B.Project:
    values, sel = r.row.values, r.selection
    code = values.get("统一社会信用代码")
    city = (city_of(r.row) if city_of is not None else None) or city_of_text(values.get("地区")) \
        or city_of_text(values.get("所在地")) or city_of_uscc(code) or city_of_text(region)

    def text(name: str) -> str | None:
        v = values.get(name)
        return None if v is None else str(v).strip() or None

    return B.Project(
        year=sel.program.year if sel else None,
        program=sel.program.id if sel else None,
        variant=sel.variant.name if sel and sel.variant else None,
        label=sel.label if sel else None,
        applicant=text("单位名称"),
        uscc=uscc_normalise(code) if isinstance(code, str) and uscc_problem(code) is None else None,
        project=text("申报项目名称"),
        city=city,
    )


def _batch(
    region: str, reviews: list[Review], doc, catalog: Catalog, projects: dict[int, B.Project]
) -> tuple[list[QuotaCount], list[BatchFinding]]:
    """The batch checks of `batch.py` (the same as validate's): duplicates and per-city limits
    counted over the ledger; their notes go to the rows they name.  `projects`: by review index."""
    items = [(r.row.where, projects[i]) for i, r in enumerate(reviews) if r.selection is not None]
    notes = list(B.duplicates(items, catalog))
    quotas: list[QuotaCount] = []
    for c in B.city_counts(items, catalog, programs=[p for p in doc.programs if p.city_limits]):
        place = c.city or (region if not c.members else "（无法确定设区市）")
        quotas.append(QuotaCount(place, c.label, c.limit.label, c.limit.value, c.count, cite(c.limit.source)))
    notes += list(B.city_limits(items, catalog))
    by_member = {r.row.where: r for r in reviews}
    for n in notes:
        for m in n.members:
            if m in by_member:
                by_member[m].findings.append(Finding(n.code, n.severity, n.message, None, m, n.source))
    return quotas, notes


def _infer_year(rows: Sequence[LedgerRow]) -> int:
    years = Counter()
    for r in rows:
        y = r.values.get("申报年度")
        if isinstance(y, Decimal) and y == y.to_integral_value():
            years[int(y)] += 1
    if not years:
        raise BadInputError("请指定年度（--year），台账中也没有「申报年度」列")
    return years.most_common(1)[0][0]


def build(
    rows: Ledger | Sequence[LedgerRow],
    *,
    year: int | str | None = None,
    region: str = "",
    fund: str | None = None,
    date: dt.date | None = None,
    catalog: Catalog | None = None,
    city_of=None,
    history=None,
) -> Summary:
    """The 汇总表 of the year's guide(s) and the 审核 sheet from ledger rows.  `city_of(row)`: the
    设区市 a row counts for in the per-city limits, where the caller knows it (the city roll-up:
    the county file's city); None or a None answer: read from the row (地区, 所在地, 统一社会信用代码).
    `history(values, selection)`: the project register's History of a row's applicant (None:
    no register, the review as without one)."""
    cat = catalog or load_catalog()
    ledger = rows if isinstance(rows, Ledger) else None
    items = list(ledger.rows if ledger else rows)
    y = optional_year(year)  # blank: the ledger's 申报年度
    if y is None:
        y = _infer_year(items)
    doc = L.document_for(y, fund, cat)
    cats = L.categories(y, fund, cat)
    match = _Matcher(y, doc, cats, cat)
    prefetch = getattr(history, "prefetch", None)
    if prefetch is not None:  # the register asked once for every row (register.review.RowHistory)
        prefetch([row.values for row in items], y)
    reviews: list[Review] = []
    tables: dict[str, list[Review]] = defaultdict(list)
    for row in items:
        category, sel, note, unknown = match(row.values.get("申报项目类别"), row.values.get("项目子类"))
        rv = Review(row, category, sel, note, issues=list(row.issues))
        if unknown:
            typed = row.values.get("申报项目类别")
            rv.issues.append(
                issue(
                    "UNKNOWN_CATEGORY",
                    WARNING,
                    f"申报项目类别「{typed or ''}」未能对应到 {y} 年度指南的项目，未列入汇总表：{note}",
                    row.cells.get("申报项目类别", f"{row.sheet}!第{row.row}行"),
                    "申报项目类别",
                )
            )
        elif category is not None:
            tables[category.number].append(rv)
            rv.table_seq = len(tables[category.number])
        _review(rv, cat, history)
        reviews.append(rv)
    projects = {i: _project(r, region or "", city_of) for i, r in enumerate(reviews) if r.selection is not None or r.category is not None}
    quotas, notes = _batch(region or "", reviews, doc, cat, projects)
    tabled = [(r.row.where, projects[i]) for i, r in enumerate(reviews) if r.category is not None]
    s = B.sample(tabled, cat, y, what="列入汇总表的项目", unit="行")
    sample_text, size = s.note.message, s.size
    return Summary(
        y,
        doc.fund,
        region or "",
        date or dt.date.today(),
        cats,
        dict(tables),
        reviews,
        sample_text,
        size,
        quotas,
        ledger,
        notes,
    )


def build_from_values(
    values: Sequence[Sequence[object]],
    *,
    sheet: str = "Sheet1",
    origin: str | tuple[int, int] = "A1",
    year: int | str | None = None,
    region: str = "",
    fund: str | None = None,
    mapping=None,
    date: dt.date | None = None,
    history=None,
) -> Summary:
    """For a macro: the active sheet's values (`used_range.value`, its first cell as `origin`);
    `history` as for :func:`build`."""
    return build(
        read_values(values, sheet=sheet, origin=origin, mapping=mapping), year=year, region=region, fund=fund, date=date,
        history=history,
    )


def build_from_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    year: int | str | None = None,
    region: str = "",
    fund: str | None = None,
    mapping=None,
    date: dt.date | None = None,
    history=None,
) -> Summary:
    summary = build(read_ledger(path, sheet=sheet, mapping=mapping), year=year, region=region, fund=fund, date=date, history=history)
    summary.ledger_path = str(path)
    return summary
