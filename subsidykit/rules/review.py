"""One review of one project: the verdict, the cap and the findings every surface shows.

    rv = review_project(selection, {"项目总投入": 3500, "申请补助资金": 400}, {"申请补助资金": "台账!M6"})
    rv.verdict            # "pass" / "fail" / "incomplete" (thresholds.check)
    rv.cap, rv.cap_text   # the maximum award from the program's own base, or None and why (待核实)
    rv.findings           # Finding(code, severity 错误/警告/提示, message, field, cell, source)

`check`, `CHECK_ROW`/`CHECK_THRESHOLD`, the 审核 sheet of `summary`, `validate` (and the
macros and task pane, which call those) all call :func:`review_project` and only format its
result, so the same project gets the same verdict, cap and findings everywhere.

The severities (错误/警告/提示), the codes and the `Finding` are the one vocabulary of
:mod:`subsidykit.rules.findings`.

Engine layer: imports catalog, findings, thresholds, amounts, parsing, lookup — never workbooks,
openpyxl or the workflows (summary, checks, report, cli).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from decimal import Decimal
from functools import lru_cache


from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.frozen import Record, replace
from subsidykit.catalog.records import Source, Threshold
from subsidykit.errors import BadInputError, NoAmountError, SubsidyError
from subsidykit.rules.findings import CODES, ERROR, Finding
from subsidykit.rules.lookup import Selection
from subsidykit.rules.parsing import fmt_wan
from subsidykit.rules.thresholds import VERDICT_ZH, CheckReport, Verdict, check, parse_value
from subsidykit.rules.vocabulary import canonical_field, field_units

TYPE_CHECKING = False  # no `typing` import at start-up
if TYPE_CHECKING:
    from subsidykit.rules.history import History

# findings about the amounts and dates rather than a condition: shown beside the verdict by the
# surfaces that list conditions separately (check, CHECK_ROW, 审核's 台账提示)
OTHER_THAN_CONDITIONS = frozenset({"CAP_EXCEEDED", "FIXED_GT_TOTAL", "DATE_ORDER", "UNIT_SUSPECT", "AMOUNT_ORDER", "VARIANT_MISSING", "DRAFT_ENTRY"})

# --- the one 元-instead-of-万元 heuristic (was checks.check_amounts and ledger._yuan_checks) ---
# parts of the total investment printed as "其中" on the forms (form structure, not a rule)
PARTS_OF_TOTAL = ("固定资产投资", "设备投入", "软件投入", "研发设备及配套软件投入", "申请补助资金")
UNIT_FACTOR = Decimal(100)  # a part >= 100x the total, or a request >= 100x the maximum award
UNIT_FACTOR_TOTAL = Decimal(10000)  # a total >= 10000x the request or the program's investment floor
# Plausibility ceilings (万元) above which a bare number in 万元 reads as 元 (heuristics, not rules).
YUAN_CEILING_WAN: dict[str, Decimal] = {
    "申请补助资金": Decimal(10000),  # 1 亿元
    "项目总投入": Decimal(1000000),  # 100 亿元
    "固定资产投资": Decimal(1000000),
    "实缴税金": Decimal(1000000),
    "利润总额": Decimal(1000000),
    "主营业务收入": Decimal(100000000),  # 1 万亿元
    "营业收入": Decimal(100000000),
}
# (smaller, larger): the first cannot exceed the second when both are in 万元 (AMOUNT_ORDER;
# 固定资产投资 > 项目总投入 is the rule FIXED_GT_TOTAL instead)
YUAN_RELATIONS: tuple[tuple[str, str], ...] = (
    ("申请补助资金", "项目总投入"),
    ("实缴税金", "主营业务收入"),
    ("利润总额", "主营业务收入"),
)
AMOUNT_FIELDS = tuple(dict.fromkeys([*PARTS_OF_TOTAL, "项目总投入", *YUAN_CEILING_WAN]))


class ProjectReview(Record):
    selection: Selection
    report: CheckReport  # thresholds.check, with the amounts' contradictions added to its conflicts
    cap: Decimal | None  # the maximum award, None when it cannot be computed (cap_text says why)
    cap_text: str
    cap_source: Source | None
    ceiling: Decimal | None  # what the request is compared with: the cap, or the program's flat maximum
    request: Decimal | None
    request_text: str
    findings: tuple[Finding, ...]
    _fields = ('selection', 'report', 'cap', 'cap_text', 'cap_source', 'ceiling', 'request', 'request_text', 'findings')

    def __init__(self, selection: Selection, report: CheckReport, cap: Decimal | None, cap_text: str, cap_source: Source | None, ceiling: Decimal | None, request: Decimal | None, request_text: str, findings: tuple[Finding, ...]) -> None:
        _set = object.__setattr__
        _set(self, 'selection', selection)
        _set(self, 'report', report)
        _set(self, 'cap', cap)
        _set(self, 'cap_text', cap_text)
        _set(self, 'cap_source', cap_source)
        _set(self, 'ceiling', ceiling)
        _set(self, 'request', request)
        _set(self, 'request_text', request_text)
        _set(self, 'findings', findings)

    @property
    def verdict(self) -> Verdict:
        return self.report.verdict

    @property
    def verdict_zh(self) -> str:
        return VERDICT_ZH[self.verdict]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == ERROR)

    def keys(self) -> set[tuple[str, str, str | None]]:
        """{(code, severity, field)}: what every surface must agree on."""
        return {f.key() for f in self.findings}

    def to_json(self) -> dict:
        return {
            "verdict": self.verdict,
            "verdict_zh": self.verdict_zh,
            "cap_wan": None if self.cap is None else float(self.cap),
            "cap": self.cap_text,
            "request": self.request_text,
            "findings": [f.to_json() for f in self.findings],
        }


# --- reading -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _amount_names() -> frozenset[str]:
    """Every field in 万元: the vocabulary's and every catalog condition's."""
    return frozenset({name for name, unit in field_units().items() if unit == "万元"} | set(AMOUNT_FIELDS))


_UNIT_AT_END = re.compile(r"(元|万|亿)\s*$")
_EXPLICIT: dict[str, bool] = {}  # text -> _explicit_unit(text), remembered


def _explicit_unit(raw: object) -> bool:
    if raw.__class__ is str and len(raw) <= 200:  # type: ignore[arg-type]
        hit = _EXPLICIT.get(raw)  # type: ignore[arg-type]
        if hit is None:
            hit = bool(_UNIT_AT_END.search(unicodedata.normalize("NFKC", raw)))  # type: ignore[arg-type]
            if len(_EXPLICIT) >= 50000:
                _EXPLICIT.clear()
            _EXPLICIT[raw] = hit  # type: ignore[index]
        return hit
    return isinstance(raw, str) and bool(_UNIT_AT_END.search(unicodedata.normalize("NFKC", raw)))


def amounts_of(values: Mapping[str, object], extra: Collection[str] = ()) -> dict[str, Decimal]:
    """The readable, non-negative amounts (万元) among `values` (canonical keys); `extra`: more
    fields to read as amounts (a program's own base)."""
    out: dict[str, Decimal] = {}
    for name, v in values.items():
        if name not in _amount_names() and name not in extra:
            continue
        try:
            amount = parse_value("万元", v)
        except (BadInputError, ArithmeticError, ValueError, TypeError):
            continue
        out[name] = amount
    return out


class Suspect(Record):
    code: str  # UNIT_SUSPECT / AMOUNT_ORDER
    field: str
    message: str
    source: Source | None
    _fields = ('code', 'field', 'message', 'source')

    def __init__(self, code: str, field: str, message: str, source: Source | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'code', code)
        _set(self, 'field', field)
        _set(self, 'message', message)
        _set(self, 'source', source)


def _yuan(name: str, v: Decimal, why: str) -> str:
    return f"{name} {fmt_wan(v)} 万元{why}，疑似以元填写（折合 {fmt_wan(v / 10000)} 万元）；金额单位应为万元，请核实"


def unit_suspects(
    amounts: Mapping[str, Decimal],
    *,
    stated: Collection[str] = (),
    ceiling: tuple[Decimal, Source | None] | None = None,
    floors: Collection[Decimal] = (),
) -> list[Suspect]:
    """Amounts that read as 元 typed where 万元 is meant, each field at most once.

    `stated`: fields whose unit was written (a 「（元）」 header, 「500000元」): never suspect of the
    ceiling rule.  `ceiling`: the maximum award (and its source); `floors`: the program's
    investment floors (项目总投入 ≥ …).  Values are kept as typed; the finding says what they
    would be in 万元."""
    out: list[Suspect] = []
    flagged: set[str] = set()

    def add(code: str, name: str, message: str, source: Source | None = None) -> None:
        if name not in flagged:
            flagged.add(name)
            out.append(Suspect(code, name, message, source))

    total = amounts.get("项目总投入")
    if total:
        for name in PARTS_OF_TOTAL:
            part = amounts.get(name)
            if part is not None and part >= total * UNIT_FACTOR:
                add("UNIT_SUSPECT", name, _yuan(name, part, f"是项目总投入 {fmt_wan(total)} 万元的 {part / total:.0f} 倍"))
    request = amounts.get("申请补助资金")
    if request is not None and ceiling is not None and ceiling[0] > 0 and request >= ceiling[0] * UNIT_FACTOR:
        top, src = ceiling
        add("UNIT_SUSPECT", "申请补助资金", _yuan("申请补助资金", request, f"是最高补助 {fmt_wan(top)} 万元的 {request / top:.0f} 倍"), src)
    if total and "项目总投入" not in flagged:
        refs = ([("申请补助资金", request)] if request and "申请补助资金" not in flagged else []) + [("该项目的投入门槛", f) for f in floors]
        for what, ref in refs:
            if ref > 0 and total >= ref * UNIT_FACTOR_TOTAL:
                add("UNIT_SUSPECT", "项目总投入", _yuan("项目总投入", total, f"是{what} {fmt_wan(ref)} 万元的 {total / ref:.0f} 倍"))
                break
    for name, top in YUAN_CEILING_WAN.items():
        v = amounts.get(name)
        if v is not None and name not in stated and v >= top:
            add("UNIT_SUSPECT", name, _yuan(name, v, f"超过 {fmt_wan(top)} 万元，按万元计数额异常"))
    for small, large in YUAN_RELATIONS:
        a, b = amounts.get(small), amounts.get(large)
        if a is not None and b and a > b and small not in flagged and large not in flagged:
            add(
                "AMOUNT_ORDER",
                small,
                f"{small} {fmt_wan(a)} 万元大于{large} {fmt_wan(b)} 万元，疑似单位不一致（元/万元）；已按原数照录，请核实",
            )
    return out


# --- the cap -------------------------------------------------------------------------------------


class CapResult(Record):
    amount: Decimal | None
    text: str
    source: Source | None
    ceiling: Decimal | None  # amount, or the program's flat maximum when the amount needs a missing base
    _fields = ('amount', 'text', 'source', 'ceiling')

    def __init__(self, amount: Decimal | None, text: str, source: Source | None, ceiling: Decimal | None) -> None:
        _set = object.__setattr__
        _set(self, 'amount', amount)
        _set(self, 'text', text)
        _set(self, 'source', source)
        _set(self, 'ceiling', ceiling)


def award_cap(sel: Selection, amounts: Mapping[str, Decimal], *, catalog: Catalog | None = None) -> CapResult:
    """The maximum award from the program's own base (研发设备及配套软件投入, 贷款利息 …);
    项目总投入 stands in only where it *is* the program's base (or the program names none).
    Without its base the cap is 待核实, naming the base."""
    from subsidykit.rules.amounts import cap

    kind = sel.field("kind")
    src = sel.field("source")
    base: object = None
    named: dict[str, object] = {}
    lacking = ""
    if kind == "per_unit" and not sel.field("base"):
        # 每{unit} N 万元: the count is no field of a ledger or form, and 项目总投入 is never one
        unit, each, top = sel.field("unit") or "个", sel.field("unit_amount"), sel.field("cap")
        rule = f"每{unit} {fmt_wan(each)} 万元" if each is not None else "按数量计算"
        if top is not None:
            rule += f"，最高不超过 {fmt_wan(top)} 万元"
        text = f"待核实：{sel.label} 按数量补助（{rule}），所填字段中没有数量（{unit}），无法测算最高补助"
        return CapResult(None, text, src, top if top is not None and top > 0 else None)
    if kind not in ("fixed", "cap_only", "none", "recognition"):
        for p in sel.field("stages") or sel.field("components") or []:
            if p.base and canonical_field(p.base) in amounts:
                named[p.name] = amounts[canonical_field(p.base)]
        own = canonical_field(sel.field("base") or "")
        if own and own in amounts:
            base = amounts[own]
        elif own and own != "项目总投入":
            lacking = own
        else:
            base = amounts.get("项目总投入")
    try:
        award = cap(sel, base, bases=named, catalog=catalog)
        return CapResult(award.amount, award.explanation, award.source, award.amount)
    except NoAmountError as exc:
        return CapResult(None, exc.message, src, None)
    except SubsidyError as exc:
        text = exc.message
        if lacking:
            text = (
                f"待核实：本项目按「{sel.field('base')}」计算补助，没有「{lacking}」（或未填写），"
                f"无法测算最高补助；项目总投入不是本项目的计算基数"
            )
        top = sel.field("cap")
        return CapResult(None, text, src, top if top is not None and top > 0 else None)


def _floors(sel: Selection, name: str) -> list[Decimal]:
    ts = [*sel.program.thresholds, *(sel.variant.thresholds if sel.variant else [])]
    return [
        Decimal(str(t.value))
        for t in ts
        if canonical_field(t.field) == name and t.op in (">=", ">") and not t.when and not isinstance(t.value, (list, bool))
    ]


def _unit_of(sel: Selection, catalog: Catalog) -> dict[tuple[str, str, tuple[int, ...]], str]:
    ts: list[Threshold] = [*catalog.general_thresholds(sel.program), *sel.program.thresholds]
    if sel.variant is not None:
        ts += list(sel.variant.thresholds)
    return {(canonical_field(t.field), t.label, tuple(t.source.lines)): t.unit for t in ts}


# --- the review ----------------------------------------------------------------------------------


def review_project(
    selection: Selection,
    values: Mapping[str, object],
    cells: Mapping[str, str] | None = None,
    *,
    catalog: Catalog | None = None,
    only_given: bool = False,
    strict: bool = False,
    unreadable: Collection[str] = (),
    stated_units: Collection[str] = (),
    counted: Mapping[str, int] | None = None,
    history: History | None = None,
) -> ProjectReview:
    """Review one project of `selection` (its program and 子类) with `values` (field -> value as
    typed or parsed) and where each came from (`cells`, field -> cell).

    `unreadable`: fields the reader already reported as unreadable (left out here, not
    reported twice); `stated_units`: amount fields whose unit was written; `counted`: values
    the batch decides (申报项目数量: this file is one project) used where not given;
    `strict`/`only_given` as in :func:`thresholds.check` (the command line, cells).

    `history`: what the project register knows of the applicant (`rules.history.History`): its
    answers to 已支持未验收 / 同一项目已获支持 (and another county this year) go into the values and
    findings before the check (:func:`rules.history.history_checks`); None (no register): the
    self-declared values as given, exactly as without it."""
    cat = catalog or load_catalog()
    cells = {canonical_field(k): v for k, v in (cells or {}).items()}
    unreadable = {canonical_field(k) for k in unreadable}
    vals = {k: v for k, v in values.items() if canonical_field(k) not in unreadable}
    canon = {canonical_field(k): v for k, v in vals.items()}
    for name, n in (counted or {}).items():
        if name not in canon:
            vals[name] = canon[name] = n
    stated = set(stated_units) | {k for k, v in canon.items() if _explicit_unit(v)}
    bases = [selection.field("base"), *(p.base for p in selection.field("stages") or selection.field("components") or [])]
    amounts = amounts_of(canon, {canonical_field(b) for b in bases if b})
    capr = award_cap(selection, amounts, catalog=cat)
    suspects = unit_suspects(
        amounts,
        stated=stated,
        ceiling=(capr.ceiling, capr.source) if capr.ceiling is not None else None,
        floors=_floors(selection, "项目总投入"),
    )
    suspect = {s.field for s in suspects}
    said = suspect | unreadable  # findings on these fields are already made (here or by the reader)
    told: tuple[Finding, ...] = ()  # the register's findings (history)
    if history is not None:
        from subsidykit.rules.history import history_checks

        hist = history_checks(selection, vals, history, catalog=cat, unreadable=unreadable)
        vals, told = hist.values, hist.findings
    report = check(selection, vals, catalog=cat, strict=strict, only_given=only_given)
    # an amount read as 元 contradicts the others: never 通过 with it
    report = replace(report, conflicts=report.conflicts + tuple(s.message for s in suspects))
    findings: list[Finding] = []

    def add(code: str, message: str, field: str | None, source: Source | None = None) -> None:
        findings.append(Finding(code, CODES[code][0], message, field, cells.get(field) if field else None, source))

    if selection.program.review != "done":  # a draft entry (rules.drafts): said first, on every surface of the review
        from subsidykit.rules.drafts import review_note

        add("DRAFT_ENTRY", review_note(selection), None, selection.field("source"))
    for s in suspects:
        add(s.code, s.message, s.field, s.source)
    fixed, total = amounts.get("固定资产投资"), amounts.get("项目总投入")
    if fixed is not None and total is not None and fixed > total and not {"固定资产投资", "项目总投入"} & suspect:
        add("FIXED_GT_TOTAL", f"其中：固定资产投资 {fmt_wan(fixed)} 万元大于项目总投入 {fmt_wan(total)} 万元", "固定资产投资")
    date_order = False
    try:
        start, end = canon.get("开工日期"), canon.get("完工日期")
        if start is not None and end is not None:
            d0, d1 = parse_value("日期", start), parse_value("日期", end)
            if d1 < d0:
                date_order = True
                add("DATE_ORDER", f"项目结束时间 {d1:%Y年%m月%d日} 早于项目开始时间 {d0:%Y年%m月%d日}", "完工日期")
    except BadInputError:
        pass
    units = _unit_of(selection, cat)
    for f in told:  # the register's findings, with the cell of the field where the caller said
        findings.append(replace(f, cell=cells.get(f.field)) if f.field and f.field in cells else f)
    said = said | {f.field for f in told if f.severity == ERROR}  # the register explains these failures
    for r in report.results:
        if r.status == "pass" or r.field in said:
            continue
        if r.field == "子类":
            add("VARIANT_MISSING", f"未写明子类：{r.message}", "子类", r.source)
        elif r.status == "missing":
            add("CONDITION_MISSING", r.message, r.field, r.source)
        elif r.status == "invalid":
            add("VALUE_INVALID", r.message, r.field, r.source)
        else:
            unit = units.get((r.field, r.label, tuple(r.source.lines) if r.source else ()), "")
            add("DATE_WINDOW" if unit == "日期" else "BELOW_THRESHOLD", r.message, r.field, r.source)
    for c in report.conflicts[: len(report.conflicts) - len(suspects)]:
        if date_order and c.startswith("完工日期") and "早于开工日期" in c:
            continue  # DATE_ORDER says it
        add("VALUE_CONFLICT", c, next((f for f in ("项目实施周期", "已投入比例") if f in c), None))
    request = amounts.get("申请补助资金")
    request_text = _request_text(canon, request, capr, "申请补助资金" in suspect)
    if request is not None and capr.ceiling is not None and request > capr.ceiling and "申请补助资金" not in suspect:
        how = capr.text if capr.amount is not None else f"最高不超过 {fmt_wan(capr.ceiling)} 万元；{capr.text}"
        add(
            "CAP_EXCEEDED",
            f"申请补助资金 {fmt_wan(request)} 万元，超过可申请的最高补助 {fmt_wan(capr.ceiling)} 万元。{how}",
            "申请补助资金",
            capr.source,
        )
    return ProjectReview(selection, report, capr.amount, capr.text, capr.source, capr.ceiling, request, request_text, tuple(findings))


def _request_text(values: Mapping[str, object], request: Decimal | None, capr: CapResult, suspect: bool) -> str:
    """申请补助资金 against the cap, in words (the 审核 column 申请与最高补助)."""
    if request is None:
        return "未填申请补助资金" if values.get("申请补助资金") is None else "申请补助资金无法识别"
    if suspect:
        return f"申请 {fmt_wan(request)} 万元疑似以元填写，请核实后再与最高补助比较"
    if capr.amount is None:
        if capr.ceiling is not None and request > capr.ceiling:
            return f"超过最高补助 {fmt_wan(request - capr.ceiling)} 万元（申请 {fmt_wan(request)} > 最高 {fmt_wan(capr.ceiling)} 万元）"
        return f"申请 {fmt_wan(request)} 万元；最高补助无法测算：{capr.text}"
    if request <= capr.amount:
        return f"未超过最高补助（申请 {fmt_wan(request)} ≤ {fmt_wan(capr.amount)} 万元）"
    return f"超过最高补助 {fmt_wan(request - capr.amount)} 万元（申请 {fmt_wan(request)} > {fmt_wan(capr.amount)} 万元）"


__all__ = [
    "CapResult",
    "ProjectReview",
    "award_cap",
    "review_project",
    "unit_suspects",
]
