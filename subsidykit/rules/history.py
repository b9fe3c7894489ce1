"""Checks from history: what a project register knows about the applicant's earlier projects.

Three of the notice's general conditions can only be checked against earlier years' lists
(000_e236479adaf7e68e.txt lines 91-101):

* 已获得…专项资金支持但尚未完成验收的单位，本次不得再申报项目 (000:91-97, field
  ``本专项资金已支持项目未完成验收``): rule A, a supported prior not accepted;
* 同一项目获得过国家和省级财政资金支持的，不再予以支持 (000:99-101, field
  ``同一项目已获国家或省级财政资金支持``): rule B, the same project funded before;
* 同一申报单位原则上只能申报一个项目 (000:91): rule C, the same enterprise in another
  county's list this year.

The register (``subsidykit.register``, database layer) builds a :class:`History` for an
applicant; :func:`history_checks` turns it into values and findings, and
``review.review_project(..., history=…)`` applies them.  Without a register (history None)
the two self-declared conditions stay as the applicant declared them (待核实 when not given).

Engine layer: pure records and functions; imports catalog and rules only (never SQLAlchemy).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.cite import cite
from subsidykit.catalog.frozen import Record
from subsidykit.errors import BadInputError
from subsidykit.rules.batch import norm_name
from subsidykit.rules.findings import CODES, Finding
from subsidykit.rules.lookup import Selection, loose_key
from subsidykit.rules.parsing import fmt_wan, is_blank, optional_year, parse_bool
from subsidykit.rules.thresholds import conditions_of, is_exempt
from subsidykit.rules.vocabulary import canonical_field


class PriorProject(Record):
    """One project of the register: an earlier year's (or another county's) entry."""

    year: int  # 申报/支持年度
    uscc: str | None
    applicant: str | None  # name as written in that list
    project: str | None  # 项目名称
    project_code: str | None  # 项目代码 (备案/赋码), if any
    program: str | None  # "2023/智能制造示范工厂项目" or the list's own wording
    county: str | None  # 县（市、区）
    city: str | None  # 设区市
    status: str  # "applied" | "recommended" | "supported"
    award: Decimal | None  # 万元, supported amount if known
    accepted: bool | None  # 验收通过 True, 未通过 False, unknown/not yet None
    accepted_on: date | None
    source: str  # "支持名单_2022.xlsx · Sheet1 · 第 7 行"
    _fields = (
        "year", "uscc", "applicant", "project", "project_code", "program", "county", "city",
        "status", "award", "accepted", "accepted_on", "source",
    )

    def __init__(
        self,
        year: int,
        uscc: str | None = None,
        applicant: str | None = None,
        project: str | None = None,
        project_code: str | None = None,
        program: str | None = None,
        county: str | None = None,
        city: str | None = None,
        status: str = "supported",
        award: Decimal | None = None,
        accepted: bool | None = None,
        accepted_on: date | None = None,
        source: str = "",
    ) -> None:
        _set = object.__setattr__
        _set(self, "year", year)
        _set(self, "uscc", uscc)
        _set(self, "applicant", applicant)
        _set(self, "project", project)
        _set(self, "project_code", project_code)
        _set(self, "program", program)
        _set(self, "county", county)
        _set(self, "city", city)
        _set(self, "status", status)
        _set(self, "award", award)
        _set(self, "accepted", accepted)
        _set(self, "accepted_on", accepted_on)
        _set(self, "source", source)


class History(Record):
    """What the register knows about one applicant, for the review of one year's project."""

    uscc: str | None
    applicant: str | None
    year: int  # the year under review
    priors: tuple[PriorProject, ...]  # this enterprise's projects of EARLIER years
    same_year: tuple[PriorProject, ...]  # this year's entries of the same enterprise in OTHER counties/files
    covered_years: tuple[int, ...]  # years for which a supported list was imported
    where: str  # "登记簿 sqlite:///…/register.db" (password redacted)
    _fields = ("uscc", "applicant", "year", "priors", "same_year", "covered_years", "where")

    def __init__(
        self,
        uscc: str | None,
        applicant: str | None,
        year: int,
        priors: tuple[PriorProject, ...] = (),
        same_year: tuple[PriorProject, ...] = (),
        covered_years: tuple[int, ...] = (),
        where: str = "登记簿",
    ) -> None:
        _set = object.__setattr__
        _set(self, "uscc", uscc)
        _set(self, "applicant", applicant)
        _set(self, "year", year)
        _set(self, "priors", tuple(priors))
        _set(self, "same_year", tuple(same_year))
        _set(self, "covered_years", tuple(covered_years))
        _set(self, "where", where)



# --- the checks ----------------------------------------------------------------------------------

UNACCEPTED_FIELD = "本专项资金已支持项目未完成验收"  # 000:91-97 (rule A)
FUNDED_FIELD = "同一项目已获国家或省级财政资金支持"  # 000:99-101 (rule B)
COUNT_FIELD = "申报项目数量"  # 000:91 同一申报单位原则上只能申报一个项目 (rule C)
SAME_PROJECT_SIMILARITY = 0.85  # normalised project names this similar (difflib ratio) are the same project
SIMILAR_PROJECT_SIMILARITY = 0.60  # from here up to SAME_PROJECT_SIMILARITY: shown for the clerk to confirm
SAME_CATEGORY_WORD = "同类别"  # 2024: 本次不得再申报同类别项目 (only a prior of the same program bars)
NAME_FIELD = "申报项目名称"
CODE_FIELDS = ("项目代码", "备案代码", "项目备案代码")


class HistoryResult(Record):
    values: dict  # the values with the register's answers put in (canonical keys for those)
    findings: tuple  # Finding, ...
    _fields = ("values", "findings")

    def __init__(self, values: dict, findings: tuple = ()) -> None:
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "findings", tuple(findings))


def similarity(a: str | None, b: str | None) -> float:
    """How alike two project names are (0..1): difflib's ratio of the names without width,
    spaces, brackets or punctuation (`batch.norm_name`); 0 when either is missing."""
    x, y = norm_name(a or ""), norm_name(b or "")
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def years_text(years) -> str:
    """2021, 2022, 2023 -> "2021–2023"; 2021, 2023 -> "2021、2023"."""
    ys = sorted(set(years))
    if not ys:
        return ""
    if len(ys) > 1 and ys[-1] - ys[0] == len(ys) - 1:
        return f"{ys[0]}–{ys[-1]}"
    return "、".join(str(y) for y in ys)


def _code_key(text: object) -> str:
    return norm_name(str(text)).upper() if text is not None else ""


def _same_enterprise(p, history: History) -> bool:
    """A prior the register gave as this enterprise's counts unless both sides have a USCC and
    they differ: an enterprise is never matched on its name alone against another USCC."""
    a, b = _code_key(p.uscc), _code_key(history.uscc)
    return not (a and b and a != b)


def _program_key(text: str | None) -> str:
    """A program label without its year: "2023/智能制造示范工厂项目" and "智能制造示范工厂" agree."""
    parts = [x for x in re.split(r"[/／]", text or "") if x.strip() and not re.fullmatch(r"\s*(19|20)\d{2}\s*(年度?)?\s*", x)]
    return loose_key(parts[0]) if parts else ""


def same_program(p, selection) -> bool:
    key = _program_key(p.program)
    return bool(key) and key == _program_key(selection.program.title)


def _name(p) -> str:
    return f"「{p.project}」" if p.project else "（未写项目名称）"


def _prior_text(p) -> str:
    """2022 年度「…」（2022/智能制造示范工厂项目，支持 300 万元）"""
    bits = [b for b in (p.program, f"支持 {fmt_wan(p.award)} 万元" if p.award is not None else "", p.county or "") if b]
    return f"{p.year} 年度{_name(p)}" + (f"（{'，'.join(bits)}）" if bits else "")


def _declared(values, name: str):
    """(given, bool or None): whether the applicant gave `name`, and what it reads as."""
    for k, v in values.items():
        if canonical_field(k) == name and not is_blank(v):
            try:
                return True, parse_bool(v)
            except BadInputError:
                return True, None
    return False, None


def _put(values: dict, name: str, value: bool) -> None:
    """Set `name` (canonical) in `values`, dropping any other spelling of it."""
    for k in [k for k in values if k != name and canonical_field(k) == name]:
        del values[k]
    values[name] = value


def applicant_of(
    values: Mapping[str, object], selection: Selection | None = None, year: object = None
) -> tuple[str | None, str | None, int | None, str | None]:
    """(uscc, applicant, year, county) a register is asked about, from a project's values (any
    spelling of the names): 统一社会信用代码, 单位名称 (申报单位), 申报年度 (else `year`, else the
    program's year), 地区 (else 所在地)."""
    canon: dict[str, object] = {}
    for k, v in values.items():
        if not is_blank(v):
            canon.setdefault(canonical_field(k), v)

    def text(name: str) -> str | None:
        v = canon.get(name)
        return None if v is None else str(v).strip() or None

    code = text("统一社会信用代码")
    uscc = _code_key(code) or None
    y = None
    for v in (canon.get("申报年度"), year):
        try:
            y = optional_year(v)
        except BadInputError:
            y = None
        if y is not None:
            break
    if y is None and selection is not None:
        y = selection.program.year
    return uscc, text("单位名称"), y, text("地区") or text("所在地")


def history_checks(
    selection: Selection,
    values: Mapping[str, object],
    history: History,
    *,
    catalog: Catalog | None = None,
    unreadable: Collection[str] = (),
) -> HistoryResult:
    """The register's answers to the three history conditions of `selection`'s guide.

    Rule A (000:91-97, 本专项资金已支持项目未完成验收): an earlier supported project not accepted
    makes the condition fail (HISTORY_UNACCEPTED, 错误) unless the program is exempt; where the
    guide says 同类别 (2024) a prior of another program is a 警告 (HISTORY_UNACCEPTED_OTHER).
    Rule B (000:99-101, 同一项目已获国家或省级财政资金支持): a supported prior with the same 项目代码,
    or the same enterprise's project named alike (≥ SAME_PROJECT_SIMILARITY) fails it
    (HISTORY_FUNDED, 错误); a name alike from SIMILAR_PROJECT_SIMILARITY is HISTORY_FUNDED_SIMILAR
    (警告).  Nothing found and the register covering an earlier year: a value the applicant did
    not give becomes 否 (HISTORY_CLEAR, 提示).  Rule C (000:91): the same enterprise in another
    county's list this year, HISTORY_OTHER_COUNTY (警告).

    `unreadable`: fields the reader could not read (given, so never filled in here)."""
    cat = catalog or load_catalog()
    vals = dict(values)
    findings: list = []

    def add(code: str, message: str, field: str | None, t) -> None:
        findings.append(Finding(code, CODES[code][0], message, field, None, t.source if t is not None else None))

    rules: dict[str, object] = {}
    for t, _general in conditions_of(selection, cat):
        name = canonical_field(t.field)
        if name in (UNACCEPTED_FIELD, FUNDED_FIELD, COUNT_FIELD) and name not in rules:
            rules[name] = t
    unreadable = {canonical_field(k) for k in unreadable}
    year = history.year
    mine = [p for p in history.priors if p.year < year and _same_enterprise(p, history)]
    supported = [p for p in mine if p.status == "supported"]
    earlier = sorted(y for y in set(history.covered_years) if y < year)
    where = "登记簿"  # which register is said once by the report (History.where), not in every finding

    def clear(name: str, t, what: str) -> None:
        given, _ = _declared(vals, name)
        if given or name in unreadable or not earlier:
            return
        _put(vals, name, False)
        add(
            "HISTORY_CLEAR",
            f"{where} {years_text(earlier)} 年度支持名单中未见{what}，按“否”核对：{t.label}（{cite(t.source)}）",
            name,
            t,
        )

    # rule A: a supported project of an earlier year, not (yet) accepted
    t = rules.get(UNACCEPTED_FIELD)
    if t is not None and not is_exempt(t, selection):
        same_kind = SAME_CATEGORY_WORD in (t.label or "") or SAME_CATEGORY_WORD in (t.source.text if t.source else "")
        open_ = [p for p in supported if p.accepted is not True]
        barring = [p for p in open_ if not same_kind or same_program(p, selection)]
        other = [p for p in open_ if p not in barring]
        given, said = _declared(vals, UNACCEPTED_FIELD)
        for p in barring:
            state = "验收未通过" if p.accepted is False else "尚无验收通过记录"
            contra = "；申报填写为“否”，与登记簿不符" if given and said is False else ""
            add(
                "HISTORY_UNACCEPTED",
                f"已获本专项资金支持但尚未完成验收：{_prior_text(p)}{state}（来源：{p.source}，{where}）{contra}。"
                f"{t.label}（{cite(t.source)}）",
                UNACCEPTED_FIELD,
                t,
            )
        for p in other:
            state = "验收未通过" if p.accepted is False else "尚无验收通过记录"
            add(
                "HISTORY_UNACCEPTED_OTHER",
                f"已获本专项资金支持但尚未完成验收的另一项目：{_prior_text(p)}{state}（来源：{p.source}，{where}）；"
                f"本次只限同类别项目，请核实是否同类别。{t.label}（{cite(t.source)}）",
                UNACCEPTED_FIELD,
                t,
            )
        if barring:
            _put(vals, UNACCEPTED_FIELD, True)
        elif not other:
            done = [p for p in supported if p.accepted is True]
            clear(UNACCEPTED_FIELD, t, "已支持未验收的项目" + (f"（已支持的 {len(done)} 个项目均已验收）" if done else ""))

    # rule B: the same project funded before
    t = rules.get(FUNDED_FIELD)
    if t is not None:
        _, own_name = next(((k, v) for k, v in vals.items() if canonical_field(k) == NAME_FIELD), (None, None))
        own_code = next((_code_key(v) for k, v in vals.items() if canonical_field(k) in CODE_FIELDS and _code_key(v)), "")
        funded: list[tuple[str, object]] = []
        alike: list[tuple[float, object]] = []
        for p in supported:
            if own_code and _code_key(p.project_code) == own_code:
                funded.append((f"项目代码 {p.project_code} 相同", p))
                continue
            s = similarity(str(own_name) if own_name is not None else None, p.project)
            if s >= SAME_PROJECT_SIMILARITY:
                funded.append((f"相似度 {s:.2f}", p))
            elif s >= SIMILAR_PROJECT_SIMILARITY:
                alike.append((s, p))
        given, said = _declared(vals, FUNDED_FIELD)
        for why, p in funded:
            contra = "；申报填写为“否”，与登记簿不符" if given and said is False else ""
            add(
                "HISTORY_FUNDED",
                f"同一项目已获支持（{why}）：{_prior_text(p)}，来源 {p.source}（{where}）{contra}。{t.label}（{cite(t.source)}）",
                FUNDED_FIELD,
                t,
            )
        for s, p in alike:
            add(
                "HISTORY_FUNDED_SIMILAR",
                f"项目名称与已获支持的项目相近（相似度 {s:.2f}）：{_prior_text(p)}，来源 {p.source}（{where}）；"
                f"请核实是否同一项目。{t.label}（{cite(t.source)}）",
                FUNDED_FIELD,
                t,
            )
        if funded:
            _put(vals, FUNDED_FIELD, True)
        elif not alike:
            clear(FUNDED_FIELD, t, "同一项目")

    # rule C: the same enterprise in another county's (or file's) list this year
    others = [p for p in history.same_year if _same_enterprise(p, history)]
    if others:
        t = rules.get(COUNT_FIELD)
        each = "；".join(f"{p.county or '（未写县区）'}{_name(p)}，来源 {p.source}" for p in others)
        clause = f"同一申报单位原则上只能申报一个项目（{cite(t.source)}）" if t is not None else "同一申报单位原则上只能申报一个项目"
        add(
            "HISTORY_OTHER_COUNTY",
            f"同一单位本年度还出现在其他县（市、区）或文件的申报中：{each}（{where}）。{clause}",
            COUNT_FIELD if t is not None else None,
            t,
        )
    return HistoryResult(vals, tuple(findings))


__all__ = [
    "FUNDED_FIELD",
    "SAME_PROJECT_SIMILARITY",
    "SIMILAR_PROJECT_SIMILARITY",
    "UNACCEPTED_FIELD",
    "History",
    "applicant_of",
    "HistoryResult",
    "PriorProject",
    "history_checks",
    "similarity",
]
