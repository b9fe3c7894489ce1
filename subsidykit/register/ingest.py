"""Storing one file's rows: matching enterprises and projects, merging, recording where each fact
came from.  `subsidykit.intake` reads the file and builds a `Batch`; `import_batch` stores it.

Matching an enterprise: by USCC; by normalised name only when the stored enterprise has no USCC
or the incoming row has none; never two USCCs that differ ("未匹配：名称相同但信用代码不同").
Matching a project of that enterprise: same year (an acceptance list: any year unless the row
or --year gives one) and the same 项目代码, else the same normalised project name, else a name
similarity ≥ `PROJECT_SIMILARITY`; a list without project names matches the enterprise's only
project of that year.

Idempotent: the key of a fact is (file sha256, kind, sheet, row) — unique in the sources table.
Importing a file again stores only the rows that did not go in before (an acceptance list
imported before its supported list: the rows then 未匹配 attach now); when nothing new goes in,
the register is left exactly as it was and the report says 已导入过.  One transaction a file.

Layer: register.  May import: SQLAlchemy, `subsidykit.errors`, the standard library.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from subsidykit.register.models import Enterprise, EnterpriseName, ImportRun, Project, Source
from subsidykit.register.names import clean_text, clean_uscc, name_key

KINDS = ("ledger", "summary", "supported", "accepted")
KIND_TEXT = {"ledger": "申报台账", "summary": "附件2 汇总表", "supported": "支持名单", "accepted": "验收结果"}
STATUS_OF_KIND = {"ledger": "applied", "summary": "recommended", "supported": "supported"}
STATUS_RANK = {"applied": 0, "recommended": 1, "supported": 2}
PROJECT_SIMILARITY = 0.85  # two spellings of one project name in two lists of the same year
DIFFERENT_USCC = "名称相同但信用代码不同"
CHUNK = 500


class IncomingRow:
    """One row of a list, as `intake` read it (amounts Decimal 万元; texts as written)."""

    __slots__ = (
        "sheet", "row", "year", "uscc", "applicant", "project", "code", "program_label", "program_id",
        "variant", "county", "city", "total_investment", "requested", "award", "accepted", "accepted_on",
        "acceptance_text", "cells",
    )

    def __init__(self, sheet: str, row: int, **values):
        self.sheet = sheet
        self.row = row
        for name in self.__slots__[2:]:
            setattr(self, name, values.get(name))
        self.cells = values.get("cells") or {}


class Batch:
    """One file to import: its rows, what it is (`kind`), and where it came from."""

    def __init__(self, *, file: str, sha256: str, kind: str, rows: list[IncomingRow],
                 year: int | None = None, county: str | None = None,
                 skipped: list[tuple[str, int | None, str]] | None = None,
                 notes: list[tuple[str, int | None, str]] | None = None):
        if kind not in KINDS:
            raise ValueError(kind)
        self.file, self.sha256, self.kind, self.rows = file, sha256, kind, rows
        self.year, self.county = year, county
        self.skipped = list(skipped or [])
        self.notes = list(notes or [])  # read, but with something to say: a formula, an error value, a name cut


class Outcome:
    """What an import did, row by row: 新增 / 合并 / 更新结果 / 未匹配 / 跳过, or 已导入过."""

    def __init__(self, batch: Batch):
        self.file, self.kind, self.sha256 = batch.file, batch.kind, batch.sha256
        self.already = False  # imported before and nothing new went in this time
        self.added: list[tuple[str, int, str]] = []  # (sheet, row, what)
        self.merged: list[tuple[str, int, str]] = []
        self.updated: list[tuple[str, int, str]] = []
        self.unmatched: list[tuple[str, int, str]] = []  # (sheet, row, reason)
        self.skipped: list[tuple[str, int | None, str]] = list(batch.skipped)
        self.notes: list[tuple[str, int | None, str]] = list(getattr(batch, "notes", []))
        self.years: list[int] = []

    @property
    def counts(self) -> dict[str, int]:
        return {"新增": len(self.added), "合并": len(self.merged), "更新结果": len(self.updated),
                "未匹配": len(self.unmatched), "跳过": len(self.skipped)}

    def as_json(self) -> dict:
        def rows(items):
            return [{"sheet": s, "row": r, "message": m} for s, r, m in items]

        return {"file": self.file, "kind": self.kind, "sha256": self.sha256, "already_imported": self.already,
                "years": self.years, "counts": self.counts, "added": rows(self.added), "merged": rows(self.merged),
                "updated": rows(self.updated), "unmatched": rows(self.unmatched), "skipped": rows(self.skipped),
                "notes": rows(self.notes)}


def _chunks(values, size: int = CHUNK):
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _label(r: IncomingRow) -> str:
    who = clean_text(r.applicant, 60) or r.uscc or "（无单位名称）"
    what = clean_text(r.project, 60)
    return f"{who}「{what}」" if what else who


class _E:
    """An enterprise while a batch is matched: `id` None until inserted."""

    __slots__ = ("id", "uscc", "name", "names", "projects", "dirty")

    def __init__(self, id: int | None, uscc: str | None, name: str | None):
        self.id, self.uscc, self.name = id, uscc, name
        self.names: dict[str, list] = {}  # key -> [id | None, name, first_year, last_year, dirty]
        self.projects: list[_P] = []
        self.dirty = False


_P_FIELDS = ("year", "applicant", "program_label", "program_id", "variant", "name", "name_key", "code", "county",
             "city", "total_investment", "requested", "status", "award", "accepted", "accepted_on", "acceptance_text")


class _P:
    """A project while a batch is matched: `id` None until inserted; `dirty` when a row changed it."""

    __slots__ = ("id", "ent", "dirty", *_P_FIELDS)

    def __init__(self, id: int | None, ent: _E, **values):
        self.id, self.ent, self.dirty = id, ent, False
        for f in _P_FIELDS:
            setattr(self, f, values.get(f))

    def values(self) -> dict:
        return {f: getattr(self, f) for f in _P_FIELDS}


class _Index:
    """The enterprises and projects this batch can touch, loaded in a few indexed queries (by
    USCC, by name key, then their names and projects), kept current as rows add to them."""

    def __init__(self, s: Session, rows: list[IncomingRow]):
        self.by_uscc: dict[str, _E] = {}
        self.by_name: dict[str, list[_E]] = defaultdict(list)
        self.new: list[_E] = []
        usccs = {r.uscc for r in rows if r.uscc}
        keys = {name_key(r.applicant) for r in rows if r.applicant} - {""}
        ents: dict[int, _E] = {}
        E, N, P = Enterprise.__table__.c, EnterpriseName.__table__.c, Project.__table__.c
        for chunk in _chunks(usccs):
            for i, u, n in s.execute(select(E.id, E.uscc, E.name).where(E.uscc.in_(chunk))):
                ents[i] = _E(i, u, n)
        ids_by_key: dict[str, set[int]] = defaultdict(set)
        for chunk in _chunks(keys):
            for k, i in s.execute(select(N.name_key, N.enterprise_id).where(N.name_key.in_(chunk))):
                ids_by_key[k].add(i)
        missing = {i for ids in ids_by_key.values() for i in ids} - set(ents)
        for chunk in _chunks(missing):
            for i, u, n in s.execute(select(E.id, E.uscc, E.name).where(E.id.in_(chunk))):
                ents[i] = _E(i, u, n)
        for chunk in _chunks(ents):
            q = select(N.id, N.enterprise_id, N.name_key, N.name, N.first_year, N.last_year).where(N.enterprise_id.in_(chunk))
            for nid, eid, k, n, first, last in s.execute(q):
                ents[eid].names[k] = [nid, n, first, last, False]
            q = select(P.id, P.enterprise_id, *(P[f] for f in _P_FIELDS)).where(P.enterprise_id.in_(chunk))
            for row in s.execute(q):
                e = ents[row[1]]
                e.projects.append(_P(row[0], e, **dict(zip(_P_FIELDS, row[2:]))))
        for e in ents.values():
            if e.uscc:
                self.by_uscc[e.uscc] = e
        for key, ids in ids_by_key.items():
            self.by_name[key].extend(ents[i] for i in sorted(ids))

    def add_name(self, e: _E, name: str | None, year: int | None) -> None:
        key = name_key(name)
        if not key:
            return
        n = e.names.get(key)
        if n is None:
            e.names[key] = [None, clean_text(name) or key, year, year, True]
            if e not in self.by_name[key]:
                self.by_name[key].append(e)
        elif year is not None:
            first = year if n[2] is None else min(n[2], year)
            last = year if n[3] is None else max(n[3], year)
            if (first, last) != (n[2], n[3]):
                n[2], n[3], n[4] = first, last, True
        if year is None or all((x[3] or 0) <= year for x in e.names.values()):
            text = clean_text(name)
            if text != e.name:
                e.name, e.dirty = text, True

    def new_enterprise(self, uscc: str | None) -> _E:
        e = _E(None, uscc, None)
        self.new.append(e)
        if uscc:
            self.by_uscc[uscc] = e
        return e


def _enterprise(ix: _Index, r: IncomingRow, create: bool) -> tuple[_E | None, str | None]:
    """(enterprise, note): note is a reason to list the row under 未匹配 (with or without an
    enterprise: a new enterprise is made for a differing USCC when the kind creates projects)."""
    key = name_key(r.applicant)
    same_name = list(ix.by_name.get(key, ())) if key else []
    if r.uscc:
        e = ix.by_uscc.get(r.uscc)
        if e is not None:
            return e, None
        without = [x for x in same_name if not x.uscc]
        differing = sorted({x.uscc for x in same_name if x.uscc and x.uscc != r.uscc})
        if len(without) == 1:
            e = without[0]
            e.uscc, e.dirty = r.uscc, True  # a name-only enterprise gets its USCC
            ix.by_uscc[r.uscc] = e
            return e, None
        note = None
        if differing:
            note = f"未匹配：{DIFFERENT_USCC}（登记簿中为 {'、'.join(differing[:3])}）"
        if not create:
            return None, note or "未匹配：登记簿中没有该企业"
        return ix.new_enterprise(r.uscc), (note + "，已另行登记，未合并") if note else None
    if not key:
        return None, "未匹配：既无统一社会信用代码也无单位名称"
    if len(same_name) == 1:
        return same_name[0], None
    if len(same_name) > 1:
        usccs = "、".join(sorted(x.uscc or "（无）" for x in same_name)[:3])
        return None, f"未匹配：名称对应登记簿中多家企业（信用代码 {usccs}），名单未写信用代码，无法确定"
    if not create:
        return None, "未匹配：登记簿中没有该企业"
    return ix.new_enterprise(None), None


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def _project(e: _E, r: IncomingRow, any_year: bool) -> tuple[_P | None, str | None]:
    """(project, None) | (None, None: none found) | (None, reason: ambiguous).

    `any_year` (an acceptance list without a year): only a supported project can have been
    accepted — never a later year's application of the same name — and one supported no later
    than the acceptance date; among several, one not yet accepted, the oldest first."""
    acceptance = any_year and r.year is None
    if acceptance:
        pool = [p for p in e.projects if p.status == "supported"
                and (r.accepted_on is None or p.year is None or p.year <= r.accepted_on.year)]
    else:
        pool = [p for p in e.projects if p.year == r.year]
    if not pool:
        return None, None
    if r.code:
        hits = [p for p in pool if p.code and p.code == r.code]
        if hits:
            return hits[-1], None
    key = name_key(r.project)
    if key:
        hits = [p for p in pool if p.name_key == key]
        if hits:
            if acceptance:
                return min(hits, key=lambda p: (p.accepted is True, p.year or 0)), None
            return max(hits, key=lambda p: (p.year, STATUS_RANK.get(p.status, 0))), None
        best = max(pool, key=lambda p: _similar(key, p.name_key or ""))
        if _similar(key, best.name_key or "") >= PROJECT_SIMILARITY:
            return best, None
        return None, None
    if len(pool) == 1:
        return pool[0], None
    if any_year:
        open_ = [p for p in pool if p.status == "supported" and p.accepted is None]
        if len(open_) == 1:
            return open_[0], None
    return None, f"未匹配：该企业有 {len(pool)} 个项目，名单未写项目名称或代码，无法确定是哪一个"


def _fill(p: _P, r: IncomingRow, kind: str) -> None:
    """Merge a row into a project: fill what the project lacks; a later list's status, award and
    acceptance win."""
    before = p.values()
    for attr in ("program_label", "program_id", "variant", "county", "city", "code", "total_investment", "requested"):
        v = getattr(r, attr)
        if v not in (None, "") and getattr(p, attr) in (None, ""):
            setattr(p, attr, clean_text(v, 300) if isinstance(v, str) else v)
    if r.project and not p.name:
        p.name, p.name_key = clean_text(r.project), name_key(r.project) or None
    if r.applicant:
        p.applicant = clean_text(r.applicant)
    status = "supported" if kind == "accepted" else STATUS_OF_KIND.get(kind)  # a project accepted was supported
    if status and STATUS_RANK[status] > STATUS_RANK.get(p.status, 0):
        p.status = status
    if kind == "supported" and r.award is not None:
        p.award = r.award
    if kind == "accepted":
        p.accepted = r.accepted
    elif r.accepted is not None:
        p.accepted = r.accepted
    if r.accepted_on is not None:
        p.accepted_on = r.accepted_on
    if r.acceptance_text:
        p.acceptance_text = clean_text(r.acceptance_text, 200)
    if p.values() != before:
        p.dirty = True


def _new_project(e: _E, r: IncomingRow, kind: str) -> _P:
    p = _P(
        None, e, year=r.year, applicant=clean_text(r.applicant), program_label=clean_text(r.program_label, 300),
        program_id=clean_text(r.program_id, 200), variant=clean_text(r.variant, 300), name=clean_text(r.project),
        name_key=name_key(r.project) or None, code=clean_text(r.code, 200), county=clean_text(r.county, 100),
        city=clean_text(r.city, 100), total_investment=r.total_investment, requested=r.requested,
        status=STATUS_OF_KIND.get(kind, "applied"), award=r.award if kind == "supported" else None,
        accepted=r.accepted, accepted_on=r.accepted_on, acceptance_text=clean_text(r.acceptance_text, 200),
    )
    e.projects.append(p)
    return p


def _insert_returning_ids(s: Session, model, rows: list[dict]) -> list[int]:
    """Bulk INSERT … RETURNING id (one statement per batch of rows, ids in the order given)."""
    ids: list[int] = []
    table = model.__table__
    for chunk in _chunks(rows, 1000):
        res = s.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), chunk)
        ids.extend(res.scalars().all())
    return ids


def _write(s: Session, ix: _Index, touched: list[_E], sources: list[tuple[_P, IncomingRow]], run_id: int,
           batch: Batch, now: dt.datetime) -> None:
    """Bulk writes in dependency order: enterprises, names, projects, sources."""
    E, N, P, S = (m.__table__ for m in (Enterprise, EnterpriseName, Project, Source))
    upd = [{"b_id": e.id, "uscc": e.uscc, "name": e.name} for e in touched if e.id is not None and e.dirty]
    if upd:
        s.execute(update(E).where(E.c.id == bindparam("b_id")).values(uscc=bindparam("uscc"), name=bindparam("name")), upd)
    if ix.new:
        for e, i in zip(ix.new, _insert_returning_ids(s, Enterprise, [{"uscc": e.uscc, "name": e.name} for e in ix.new])):
            e.id = i
    new_names, upd_names = [], []
    for e in touched:
        for k, (nid, name, first, last, dirty) in e.names.items():
            if nid is None:
                new_names.append({"enterprise_id": e.id, "name": name, "name_key": k, "first_year": first, "last_year": last})
            elif dirty:
                upd_names.append({"b_id": nid, "first_year": first, "last_year": last})
    for chunk in _chunks(new_names, 1000):
        s.execute(insert(N), chunk)
    if upd_names:
        s.execute(update(N).where(N.c.id == bindparam("b_id"))
                  .values(first_year=bindparam("first_year"), last_year=bindparam("last_year")), upd_names)
    new_p = [p for e in touched for p in e.projects if p.id is None]
    if new_p:
        for p, i in zip(new_p, _insert_returning_ids(s, Project, [{"enterprise_id": p.ent.id, **p.values()} for p in new_p])):
            p.id = i
    upd_p = [{"b_id": p.id, **p.values()} for e in touched for p in e.projects if p.dirty and p.id is not None]
    if upd_p:
        s.execute(update(P).where(P.c.id == bindparam("b_id")).values({f: bindparam(f) for f in _P_FIELDS}), upd_p)
    rows = [{"project_id": p.id, "import_run_id": run_id, "kind": batch.kind, "file": batch.file,
             "file_sha256": batch.sha256, "sheet": r.sheet[:200], "row": r.row, "cells": r.cells, "imported_at": now}
            for p, r in sources]
    for chunk in _chunks(rows, 1000):
        s.execute(insert(S), chunk)


class _NothingNew(Exception):
    """Rolls back a re-import that found nothing new to store."""


def import_batch(s: Session, batch: Batch) -> Outcome:
    out = Outcome(batch)
    try:
        _import(s, batch, out)
    except _NothingNew:
        out.already = True
    return out


def _import(s: Session, batch: Batch, out: Outcome) -> None:
    with s.begin():
        R, S = ImportRun.__table__, Source.__table__
        seen = s.scalar(select(R.c.id).where(R.c.file_sha256 == batch.sha256, R.c.kind == batch.kind).limit(1))
        rows = batch.rows
        if seen is not None:  # imported before: only the rows that did not go in then are tried again
            done = set(s.execute(select(S.c.sheet, S.c.row).where(S.c.file_sha256 == batch.sha256, S.c.kind == batch.kind)))
            rows = [r for r in rows if (r.sheet[:200], r.row) not in done]
            out.skipped = []
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
        for r in rows:
            r.uscc = clean_uscc(r.uscc)
            r.code = clean_text(r.code, 200)
        ix = _Index(s, rows)
        create = batch.kind != "accepted"
        years: set[int] = set()
        touched: dict[int, _E] = {}
        sources: list[tuple[_P, IncomingRow]] = []
        for r in rows:
            if r.year is None and create:
                out.skipped.append((r.sheet, r.row, "未知年度：表中没有年度，请用 --year 指定"))
                continue
            e, note = _enterprise(ix, r, create)
            if e is None:
                out.unmatched.append((r.sheet, r.row, f"{_label(r)}：{note}"))
                continue
            p, why = _project(e, r, any_year=not create)
            if why:
                out.unmatched.append((r.sheet, r.row, f"{_label(r)}：{why}"))
                continue
            if p is None and not create:
                out.unmatched.append((r.sheet, r.row, f"{_label(r)}：未匹配：登记簿中该企业没有对应的项目"))
                continue
            if note:
                out.unmatched.append((r.sheet, r.row, f"{_label(r)}：{note}"))
            touched[id(e)] = e
            ix.add_name(e, r.applicant, r.year if r.year is not None else (p.year if p else None))
            if p is None:
                p = _new_project(e, r, batch.kind)
                out.added.append((r.sheet, r.row, _label(r)))
            else:
                _fill(p, r, batch.kind)
                target = out.updated if batch.kind == "accepted" else out.merged
                target.append((r.sheet, r.row, f"{_label(r)} → {p.year} 年「{clean_text(p.name, 60) or '（无项目名称）'}」"))
            years.add(p.year)
            sources.append((p, r))
        if batch.kind == "supported" and batch.year is not None:
            years.add(batch.year)
        out.years = sorted(years)
        if seen is not None and not sources:  # nothing new: the register is left as it was
            raise _NothingNew
        run_id = _insert_returning_ids(s, ImportRun, [{
            "file": batch.file, "file_sha256": batch.sha256, "kind": batch.kind, "year": batch.year,
            "years": out.years, "county": batch.county, "counts": out.counts, "imported_at": now}])[0]
        _write(s, ix, list(touched.values()), sources, run_id, batch, now)
