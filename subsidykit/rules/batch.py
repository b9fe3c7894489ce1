"""Checks across the projects of one batch, in one place for `validate` and the 审核 sheet.

A batch is a list of ``(member, Project)``: the member names where the project came from
(a submitted file, a ledger row); the checks answer with
:class:`~subsidykit.rules.findings.BatchFinding`s naming members.

* :func:`duplicates` — the same applicant with several projects (against the guide's
  申报项目数量 condition), the same project twice;
* :func:`city_counts` / :func:`city_limits` — the guide's 每个设区市限报 N 个, counted per
  设区市 (read by meaning from 地区/所在地/统一社会信用代码, so 江宁区 and 南京市 are one city)
  and per 子类 where the limit names one;
* :func:`sample` — how many of the recommendable projects the 真实性核查 requires, each
  project counted once however many members carry it.

Engine layer: catalog, findings, thresholds, sampling, lookup, vocabulary only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from subsidykit.catalog import Catalog
from subsidykit.catalog.records import CityLimit, Program, Threshold
from subsidykit.catalog.cite import cite
from subsidykit.errors import BadInputError, NoAmountError
from subsidykit.rules.findings import ERROR, INFO, WARNING, BatchFinding
from subsidykit.rules.lookup import name_key
from subsidykit.rules.parsing import fmt_wan
from subsidykit.rules.sampling import sample_size
from subsidykit.rules.thresholds import check_threshold
from subsidykit.rules.vocabulary import canonical_field


@dataclass(frozen=True)
class Project:
    """What the batch checks need from one project."""

    year: int | None = None
    program: str | None = None  # program id
    variant: str | None = None
    label: str | None = None  # "2021/高端化改造升级项目/产业基础再造项目"
    applicant: str | None = None
    uscc: str | None = None
    project: str | None = None
    city: str | None = None  # 设区市 ("苏州市"), by meaning


Batch = Sequence[tuple[str, Project | None]]


# what a name's key ignores: white space, control characters, brackets and punctuation
_NAME_DROP = re.compile(r"[\s\x00-\x1f\x7f()\[\]{}（）【】〔〕《》<>「」『』\"'“”‘’·・,，.。、;；:：!！?？\-—_/\\|]+")


def norm_name(text: str) -> str:
    """The one key of an enterprise's or a project's name (the batch's duplicates, the history
    checks' similarity, the register's matching): NFKC (full/half width), lower case, without
    white space, brackets or punctuation — 「示例（南京）科技 有限公司」 and 「示例(南京)科技有限公司」,
    「MES—ERP系统集成」 and 「mes erp系统集成」 are one.  Nothing else is dropped (有限公司 stays)."""
    return _NAME_DROP.sub("", unicodedata.normalize("NFKC", text).lower())


def _rule(cat: Catalog, p: Project, name: str) -> Threshold | None:
    """The catalog's condition on `name` (e.g. 申报项目数量) for this project's program."""
    if p.program is None:
        return None
    prog = cat.by_id[p.program]
    ts = [*cat.general_thresholds(prog), *prog.thresholds]
    return next((t for t in ts if canonical_field(t.field) == name), None)


def duplicates(batch: Batch, cat: Catalog) -> Iterator[BatchFinding]:
    """DUPLICATE_PROJECT (the same applicant's same project twice) and DUPLICATE_APPLICANT (one
    applicant, several projects: a 警告 where the guide limits the number, else a 提示)."""
    groups: dict[tuple, list[tuple[str, Project]]] = defaultdict(list)
    for member, p in batch:
        if p is None or not (p.uscc or p.applicant):
            continue
        groups[(p.year, p.uscc or norm_name(p.applicant or ""))].append((member, p))
    for (year, _key), items in groups.items():
        if len(items) < 2:
            continue
        who = items[0][1].applicant or items[0][1].uscc
        projects: dict[str, list[tuple[str, Project]]] = defaultdict(list)
        for member, p in items:
            projects[norm_name(p.project or "")].append((member, p))
        for pname, same in projects.items():
            if len(same) > 1 and pname:
                yield BatchFinding(
                    "DUPLICATE_PROJECT",
                    ERROR,
                    tuple(m for m, _ in same),
                    f"{who} 的项目「{same[0][1].project}」在本批次中出现 {len(same)} 次，请只保留一份",
                )
        if len(projects) < 2:
            continue
        members = tuple(m for m, _ in items)
        rule = next((t for _m, p in items if (t := _rule(cat, p, "申报项目数量"))), None)
        n = len(projects)
        if rule is not None:
            res = check_threshold(rule, {"申报项目数量": n})
            if res is not None and res.status == "fail":
                yield BatchFinding("DUPLICATE_APPLICANT", WARNING, members, f"{who}（{year} 年度）申报了 {n} 个项目：{res.message}", rule.source)
        else:
            yield BatchFinding(
                "DUPLICATE_APPLICANT",
                INFO,
                members,
                f"{who}（{year} 年度）申报了 {n} 个项目；政策目录中该年度指南未限制同一单位的申报数量，请核实",
            )


def limit_variant(prog: Program, lim: CityLimit) -> str | None:
    """The 子类 a limit counts, when its scope or label names one of the program's 子类
    (其中，产业链现代化提升项目限报4个); None: every project of the program (and `shared_with`).

    This is validate's former matching, kept over the 审核 sheet's: it reads both the scope and
    the label, by name key (width, spaces, brackets ignored), and names one 子类."""
    for v in prog.variants:
        key = name_key(v.name)
        if key and (key in name_key(lim.scope) or key in name_key(lim.label)):
            return v.name
    return None


def limit_city(lim: CityLimit) -> str | None:
    """The one 设区市 a limit is for, when its scope names it (a guide's table of places per city:
    "南京市 200"); None: the limit holds for every 设区市 ("每个设区市限报 N 个")."""
    from subsidykit.rules.regions import CITIES

    # "南京市（含江北新区）", "南京": the city, a remark of what it includes left aside
    scope = name_key(re.sub(r"[（(]\s*(?:含|包括|包含)[^（）()]*[）)]", "", lim.scope or ""))
    return next((c for c in CITIES if scope in (name_key(c), name_key(c[:-1]))), None)


@dataclass(frozen=True)
class CityCount:
    program: Program
    limit: CityLimit
    variant: str | None
    city: str | None  # None: the projects whose 设区市 could not be told
    members: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def exceeded(self) -> bool:
        return self.city is not None and self.count > self.limit.value

    @property
    def label(self) -> str:
        return f"{self.program.year}/{self.program.title}{'/' + self.variant if self.variant else ''}"


def city_counts(batch: Batch, cat: Catalog, programs: Sequence[Program] | None = None) -> list[CityCount]:
    """Per city limit and 设区市: the members counted.  `programs`: the programs whose limits to
    count (the 审核 sheet: every program of the guide, zero counts included); default: those of
    the batch."""
    if programs is None:
        ids = {p.program for _m, p in batch if p is not None and p.program}
        programs = [q for q in cat.programs if q.city_limits and (q.id in ids or any(set(lim.shared_with) & ids for lim in q.city_limits))]
    out: list[CityCount] = []
    for prog in programs:
        for lim in prog.city_limits:
            ids = {prog.id, *lim.shared_with}
            variant = limit_variant(prog, lim)
            by_city: dict[str | None, list[str]] = defaultdict(list)
            for member, p in batch:
                if p is None or p.program not in ids:
                    continue
                if variant is not None and p.variant != variant:
                    continue
                by_city[p.city].append(member)
            only = limit_city(lim)
            if only is not None:
                # a limit for one named city counts that city's projects only (those whose city
                # could not be told are listed as such)
                out.append(CityCount(prog, lim, variant, only, tuple(by_city.get(only, ()))))
                if by_city.get(None):
                    out.append(CityCount(prog, lim, variant, None, tuple(by_city[None])))
                continue
            for city in sorted(by_city, key=lambda c: (c is None, c or "")):
                out.append(CityCount(prog, lim, variant, city, tuple(by_city[city])))
            if not by_city:
                out.append(CityCount(prog, lim, variant, None, ()))
    return out


def city_limits(batch: Batch, cat: Catalog) -> Iterator[BatchFinding]:
    """CITY_LIMIT: 每个设区市限报 N 个 (catalog `city_limits`) exceeded; CITY_UNKNOWN: projects
    a limit applies to whose 设区市 could not be told."""
    unknown: list[str] = []
    for c in city_counts(batch, cat):
        if c.city is None:
            unknown += [m for m in c.members if m not in unknown]
        elif c.exceeded:
            yield BatchFinding(
                "CITY_LIMIT",
                ERROR,
                c.members,
                f"{c.city}：{c.label} 本批次 {c.count} 个，超过「{c.limit.label}」（{fmt_wan(c.limit.value)} 个；{cite(c.limit.source)}）",
                c.limit.source,
            )
    if unknown:
        yield BatchFinding(
            "CITY_UNKNOWN",
            INFO,
            tuple(unknown),
            "这些项目适用设区市限报名额，但无法从地区、项目所在地或统一社会信用代码确定所属设区市",
        )


def project_key(member: str, p: Project | None) -> tuple:
    """The same project however many members carry it: applicant and project name."""
    who = (p.uscc or norm_name(p.applicant or "")) if p else ""
    return (who, norm_name((p.project if p else "") or "")) if who or (p and p.project) else (member,)


@dataclass(frozen=True)
class SampleNote:
    note: BatchFinding
    size: int | None
    distinct: int


def sample(
    batch: Batch, cat: Catalog, year: int | None = None, *, what: str = "本批次可推荐（无错误）的项目", unit: str = "个文件"
) -> SampleNote:
    """SAMPLE_SIZE over the recommendable projects given (the caller decides which: validate the
    files without an 错误, the 审核 sheet the projects in its tables), each project once."""
    distinct = len({project_key(m, p) for m, p in batch})
    if year is None:
        years = [p.year for _m, p in batch if p is not None and p.year]
        year = max(set(years), key=years.count) if years else None
    try:
        s = sample_size(distinct, year=year, catalog=cat)
    except (NoAmountError, BadInputError) as exc:
        return SampleNote(BatchFinding("SAMPLE_SIZE", INFO, (), f"真实性核查：{exc.message}"), None, distinct)
    twice = f"（{len(batch)} {unit}，同一项目只计一次）" if distinct != len(batch) else ""
    return SampleNote(
        BatchFinding("SAMPLE_SIZE", INFO, (), f"{what} {distinct} 个{twice}，真实性核查须核查 {s.size} 个：{s.explanation}", s.rule.source),
        s.size,
        distinct,
    )
