"""The `Register`: opening (and migrating) a database, the queries the review asks (history,
histories, projects), export rows, delete by year, and the import of rows read by
`subsidykit.intake` (`Register.import_rows`, matching rules in `register.ingest`).

Layer: register.  May import: `subsidykit.rules`, `subsidykit.catalog`, `subsidykit.errors`,
SQLAlchemy, Alembic; never openpyxl, a workbook module, a workflow or an adapter.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, delete, event, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from subsidykit.errors import RegisterError
from subsidykit.register import migrate
from subsidykit.register.models import Enterprise, EnterpriseName, ImportRun, Project, Source
from subsidykit.register.names import clean_uscc, name_key
from subsidykit.register.urls import describe, redact, sqlite_path
from subsidykit.rules.history import History, PriorProject

Key = tuple  # (uscc | None, applicant | None)
CHUNK = 500  # values in one IN (…): well under every database's limit
STATUS_TEXT = {"applied": "已申报", "recommended": "已推荐（入库）", "supported": "已支持"}
UPGRADE_HINT = "请先运行 subsidykit register upgrade"


def _chunks(values: Collection, size: int = CHUNK):
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _reason(exc: BaseException, url: str) -> str:
    """An error's text without the URL's password (a driver may echo the connection string)."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    msg = text[0] if text else type(exc).__name__
    try:
        from sqlalchemy.engine import make_url

        password = make_url(url).password
    except Exception:  # an unparsable URL has no password to hide
        password = None
    if password:
        msg = msg.replace(str(password), "***")
    return redact(msg)[:300]


def _source_text(s) -> str:
    return f"{Path(s.file).name} · {s.sheet} · 第 {s.row} 行"


class Register:
    """An open register.  `url` is the full URL (keep it secret), `where` the redacted
    ``登记簿 sqlite:///…`` a report shows."""

    url: str
    where: str

    def __init__(self, engine, url: str):
        self._engine = engine
        self.url = url
        self.where = describe(url)

    def __repr__(self) -> str:
        return f"Register({redact(self.url)!r})"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ sessions

    def session(self) -> Session:
        return Session(self._engine, expire_on_commit=False)

    def _guard(self, what: str):
        return _Guard(self, what)

    # ------------------------------------------------------------------ queries

    def history(self, *, uscc: str | None, applicant: str | None, year: int,
                county: str | None = None, source_file: str | None = None) -> History:
        """The `rules.history.History` of one enterprise for the review of a `year` application.

        `priors`: its projects of earlier years, matched by USCC; by normalised name only when
        the register row or the query has no USCC; never a row whose USCC differs.
        `same_year`: this year's entries of the same enterprise in another county (`county`) or
        another file (`source_file`, a file name) than the application's own; with neither
        given, every entry of this year.
        `covered_years`: years for which a supported list was imported.
        """
        key = (uscc, applicant)
        return self.histories([key], year, county=county, source_file=source_file)[key]

    def histories(self, keys: Iterable[Key], year: int, *, county: str | None = None,
                  source_file: str | None = None) -> dict:
        """`history` for many ``(uscc, applicant)`` keys in a few queries (enterprises by USCC, by
        name, their projects, the projects' sources; each in chunks of 500): ``{key: History}``
        (every key given is in the answer)."""
        keys = list(dict.fromkeys(keys))
        wanted = {k: (clean_uscc(k[0]), name_key(k[1])) for k in keys}
        usccs = {u for u, _ in wanted.values() if u}
        names = {n for _, n in wanted.values() if n}
        with self._guard("读取"), self.session() as s:
            by_uscc: dict[str, int] = {}
            uscc_of: dict[int, str | None] = {}
            for chunk in _chunks(usccs):
                for eid, u in s.execute(select(Enterprise.id, Enterprise.uscc).where(Enterprise.uscc.in_(chunk))):
                    by_uscc[u] = eid
                    uscc_of[eid] = u
            by_name: dict[str, set[int]] = defaultdict(set)
            for chunk in _chunks(names):
                q = (select(EnterpriseName.name_key, Enterprise.id, Enterprise.uscc)
                     .join(Enterprise, Enterprise.id == EnterpriseName.enterprise_id)
                     .where(EnterpriseName.name_key.in_(chunk)))
                for k, eid, u in s.execute(q):
                    by_name[k].add(eid)
                    uscc_of[eid] = u
            projects = self._projects_of(s, uscc_of, max_year=year)
            covered = self._covered_years(s)
        own = _file_sha256(source_file)  # the application's own file, by content (names repeat: 台账.xlsx)
        out: dict = {}
        for key in keys:
            u, n = wanted[key]
            ids: set[int] = set()
            if u:
                if u in by_uscc:
                    ids.add(by_uscc[u])
                ids |= {e for e in by_name.get(n, ()) if uscc_of.get(e) is None}
            elif n:
                ids |= by_name.get(n, set())
            mine = sorted((p for e in ids for p in projects.get(e, ())), key=lambda x: (x[0].year, x[1]))
            priors = tuple(p for p, _, _ in mine if p.year < year)
            same = tuple(p for p, _, files in mine if p.year == year and _other(p, files, county, source_file, own))
            out[key] = History(
                uscc=u, applicant=key[1], year=year, priors=priors, same_year=same,
                covered_years=tuple(y for y in covered if y <= year) if covered else (), where=self.where,
            )
        return out

    def _projects_of(self, s: Session, uscc_of: dict[int, str | None], *, max_year: int | None = None,
                     years: Collection[int] | None = None) -> dict[int, list]:
        """{enterprise id: [(PriorProject, project id, {file names and sha256s})]} in two queries a chunk."""
        out: dict[int, list] = defaultdict(list)
        for chunk in _chunks(uscc_of):
            q = select(Project).where(Project.enterprise_id.in_(chunk))
            if max_year is not None:
                q = q.where(Project.year <= max_year)
            if years is not None:
                q = q.where(Project.year.in_(list(years)))
            rows = list(s.scalars(q))
            sources = self._sources_of(s, [p.id for p in rows])
            for p in rows:
                srcs = sources.get(p.id, [])
                out[p.enterprise_id].append(
                    (self._prior(p, uscc_of.get(p.enterprise_id), srcs), p.id,
                     {Path(x.file).name for x in srcs} | {x.file_sha256 for x in srcs if x.file_sha256})
                )
        return out

    @staticmethod
    def _sources_of(s: Session, ids: list[int]) -> dict[int, list]:
        out: dict[int, list] = defaultdict(list)
        for chunk in _chunks(ids):
            q = (select(Source.project_id, Source.kind, Source.file, Source.file_sha256, Source.sheet, Source.row)
                 .where(Source.project_id.in_(chunk)).order_by(Source.id))
            for row in s.execute(q):
                out[row.project_id].append(row)
        return out

    @staticmethod
    def _prior(p: Project, uscc: str | None, sources: list) -> PriorProject:
        # the supported list first (it is what rule A and B cite), then the rest, at most three
        ordered = sorted(sources, key=lambda x: {"supported": 0, "accepted": 1}.get(x.kind, 2))
        texts = list(dict.fromkeys(_source_text(x) for x in ordered))
        return PriorProject(
            year=p.year, uscc=uscc, applicant=p.applicant, project=p.name, project_code=p.code,
            program=p.program_label, county=p.county, city=p.city, status=p.status, award=p.award,
            accepted=p.accepted, accepted_on=p.accepted_on,
            source="；".join(texts[:3]) + ("；…" if len(texts) > 3 else ""),
        )

    @staticmethod
    def _covered_years(s: Session) -> tuple[int, ...]:
        years: set[int] = set()
        for run_year, run_years in s.execute(
            select(ImportRun.year, ImportRun.years).where(ImportRun.kind == "supported")
        ):
            years.update(int(y) for y in (run_years or ([run_year] if run_year else [])))
        return tuple(sorted(years))

    def imported_files(self) -> list[str]:
        """The paths of the files imported into the register (as they were when imported): an
        export never writes over one of them."""
        with self._guard("读取"), self.session() as s:
            return sorted(set(s.scalars(select(ImportRun.file).distinct())))

    def covered_years(self) -> tuple[int, ...]:
        """Years for which a supported list was imported."""
        with self._guard("读取"), self.session() as s:
            return self._covered_years(s)

    def projects(self, uscc: str, years: Collection[int] | None = None) -> list[PriorProject]:
        """The enterprise's projects (all years, or `years`), oldest first, as `PriorProject`s
        (for ``=APPLICANT_HISTORY``); an unknown USCC → []."""
        u = clean_uscc(uscc)
        if not u:
            return []
        with self._guard("读取"), self.session() as s:
            eid = s.scalar(select(Enterprise.id).where(Enterprise.uscc == u))
            if eid is None:
                return []
            found = self._projects_of(s, {eid: u}, years=years).get(eid, [])
        return [p for p, _, _ in sorted(found, key=lambda x: (x[0].year, x[1]))]

    def list_projects(self, *, uscc: str | None = None, years: Collection[int] | None = None) -> list[dict]:
        """`export_rows`, narrowed to one enterprise (`uscc`) and/or `years` (``register list``)."""
        return self.export_rows(years=years, uscc=uscc)

    def export_rows(self, *, years: Collection[int] | None = None, uscc: str | None = None) -> list[dict]:
        """Every project (of `years`) as a flat dict with its sources — what `export` writes.
        Keys (Chinese, the clerk reads them): 年度 统一社会信用代码 单位名称 申报项目名称 项目代码
        申报项目类别 县（市、区） 设区市 项目总投入 申请补助资金 状态 支持金额 验收结论 验收日期 来源."""
        with self._guard("读取"), self.session() as s:
            q = (select(Project, Enterprise.uscc, Enterprise.name)
                 .join(Enterprise, Enterprise.id == Project.enterprise_id)
                 .order_by(Project.year, Enterprise.uscc, Project.id))
            if years is not None:
                q = q.where(Project.year.in_(list(years)))
            if uscc:
                q = q.where(Enterprise.uscc == clean_uscc(uscc))
            rows = list(s.execute(q))
            sources = self._sources_of(s, [p.id for p, _, _ in rows])
        out = []
        for p, u, ename in rows:
            acc = {True: "通过", False: "未通过"}.get(p.accepted, "")
            out.append({
                "年度": p.year,
                "统一社会信用代码": u or "",
                "单位名称": p.applicant or ename or "",
                "申报项目名称": p.name or "",
                "项目代码": p.code or "",
                "申报项目类别": p.program_label or "",
                "县（市、区）": p.county or "",
                "设区市": p.city or "",
                "项目总投入": p.total_investment,
                "申请补助资金": p.requested,
                "状态": STATUS_TEXT.get(p.status, p.status),
                "支持金额": p.award,
                "验收结论": p.acceptance_text or acc,
                "验收日期": p.accepted_on,
                "来源": "；".join(f"{x.kind}:{_source_text(x)}" for x in sources.get(p.id, [])),
            })
        return out

    def export(self, out_path, *, years: Collection[int] | None = None,
               write: Callable[[object, list[dict]], object] | None = None) -> int:
        """Hand the projects (of `years`) to `write(out_path, rows)` — the caller's writer
        (``subsidykit.intake.export.write_rows``: xlsx/csv/json, atomic, refuses to overwrite);
        this layer writes no files.  Returns the number of projects."""
        if write is None:
            raise RegisterError("导出登记簿需要写出函数（subsidykit.intake.export.write_rows）")
        rows = self.export_rows(years=years)
        write(out_path, rows)
        return len(rows)

    # ------------------------------------------------------------------ writes

    def delete_year(self, year: int) -> int:
        """Delete every project of `year` (and its sources; enterprises left without a project and
        the import records of that year are removed).  Returns the number of projects deleted."""
        with self._guard("删除"), self.session() as s, s.begin():
            ids = list(s.scalars(select(Project.id).where(Project.year == year)))
            for chunk in _chunks(ids):
                s.execute(delete(Source).where(Source.project_id.in_(chunk)))
                s.execute(delete(Project).where(Project.id.in_(chunk)))
            orphans = select(Enterprise.id).where(~Enterprise.id.in_(select(Project.enterprise_id).distinct()))
            orphan_ids = list(s.scalars(orphans))
            for chunk in _chunks(orphan_ids):
                s.execute(delete(EnterpriseName).where(EnterpriseName.enterprise_id.in_(chunk)))
                s.execute(delete(Enterprise).where(Enterprise.id.in_(chunk)))
            for run in s.scalars(select(ImportRun)):
                years = [int(y) for y in (run.years or ([run.year] if run.year is not None else []))]
                if year in years:
                    rest = [y for y in years if y != year]
                    if rest:
                        run.years = rest
                        if run.year == year:
                            run.year = rest[0]
                    else:
                        s.delete(run)
        return len(ids)

    def import_rows(self, batch) -> object:
        """Store one file's rows (`ingest.Batch`) in one transaction: see `register.ingest`."""
        from subsidykit.register.ingest import import_batch

        with self._guard("写入"), self.session() as s:
            return import_batch(s, batch)

    def counts(self) -> dict[str, int]:
        """How many enterprises, projects, sources and imported files the register holds."""
        from sqlalchemy import func

        with self._guard("读取"), self.session() as s:
            return {
                name: s.scalar(select(func.count()).select_from(model))
                for name, model in (("企业", Enterprise), ("项目", Project), ("来源", Source), ("导入文件", ImportRun))
            }

    def close(self) -> None:
        """Release the connection pool."""
        self._engine.dispose()


def _other(p: PriorProject, files: set[str], county: str | None, source_file: str | None, own: str | None = None) -> bool:
    """A same-year entry that is not the application itself: another county's (a county that
    differs is never the application's, whatever its file is called — counties' files are often
    all named 台账.xlsx), else another file's (by content, `own` being the sha256 of the
    application's file; by name when that file cannot be read)."""
    if county and p.county and name_key(p.county) != name_key(county):
        return True
    if own is not None and own in files:
        return False
    if own is None and source_file and Path(source_file).name in files:
        return False
    if county and p.county:
        return False  # the same county
    return True


def _file_sha256(path: str | None) -> str | None:
    """The sha256 of a file (as `register import` stores it), None when there is none to read."""
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _sha256_cached(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=64)
def _sha256_cached(path: str, _mtime_ns: int, _size: int) -> str | None:
    """Keyed by the file's time and size too: a changed file is read again (one read per file
    and review, not one per row)."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


class _Guard:
    """Database errors → RegisterError (Chinese, password hidden), never a traceback."""

    def __init__(self, reg: Register, what: str):
        self.reg, self.what = reg, what

    def __enter__(self):
        return self

    def __exit__(self, tp, exc, tb):
        if exc is None or isinstance(exc, RegisterError):
            return False
        if isinstance(exc, (SQLAlchemyError, OSError)):
            raise RegisterError(f"登记簿{self.what}失败（{redact(self.reg.url)}）：{_reason(exc, self.reg.url)}") from None
        return False


# ---------------------------------------------------------------------- opening


def _engine_for(url: str):
    scheme = url.split("://", 1)[0].lower()
    if scheme.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    if scheme.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True)
    raise RegisterError(
        f"不支持的登记簿地址「{redact(url)[:200]}」：请用 SQLite 文件路径、sqlite:///… 或 postgresql+psycopg://…"
    )


def _prepare_sqlite(url: str, create: bool) -> None:
    path = sqlite_path(url)
    if path is None:  # sqlite:// or :memory: — what is imported would be gone when the command ends
        raise RegisterError(
            f"内存中的 SQLite（{redact(url)[:200]}）不能作登记簿：导入的内容在命令结束时即丢失；请给出登记簿文件的路径"
        )
    if path.is_dir():
        raise RegisterError(f"登记簿路径是一个文件夹，不是数据库文件：{path}")
    if path.exists():
        if not path.is_file():
            raise RegisterError(f"登记簿路径不是普通文件（设备、管道等），不能作数据库：{path}")
        if not os.access(path, os.R_OK):
            raise RegisterError(f"无权读取登记簿文件：{path}")
        return
    if not create:
        raise RegisterError(
            f"登记簿文件不存在：{path}。导入名单时会自动创建（subsidykit register import …），"
            "或用 --db 指定已有的登记簿"
        )
    try:
        parent = path.parent
        if not parent.exists():
            parent.mkdir(parents=True, mode=0o700)
            os.chmod(parent, 0o700)  # mkdir's mode is masked by the umask
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise RegisterError(f"无法创建登记簿文件 {path}：{exc.strerror or exc}") from None


def _check_revision(engine, url: str, create: bool) -> None:
    head = migrate.HEAD
    try:
        with engine.begin() as conn:
            current = migrate.current_revision(conn)
            if current is None:
                from sqlalchemy import inspect

                tables = set(inspect(conn).get_table_names())
                if create and not (tables & {"enterprise", "project"}):
                    migrate.upgrade(conn)
                    return
                raise RegisterError(f"登记簿尚未初始化（{redact(url)}）：{UPGRADE_HINT}")
    except RegisterError:
        raise
    except DBAPIError as exc:
        reason = _reason(exc, url)
        if "not a database" in reason or "malformed" in reason:
            raise RegisterError(f"登记簿文件已损坏或不是 SQLite 数据库（{redact(url)}）：{reason}") from None
        raise RegisterError(f"无法打开登记簿（{redact(url)}）：{reason}") from None
    except SQLAlchemyError as exc:
        raise RegisterError(f"无法打开登记簿（{redact(url)}）：{_reason(exc, url)}") from None
    if current != head:
        from alembic.script import ScriptDirectory

        known = {r.revision for r in ScriptDirectory.from_config(migrate._config()).walk_revisions()}
        if current not in known:
            raise RegisterError(
                f"登记簿的版本（{current}）比本程序新（{head}）：请升级 subsidykit 后再使用（{redact(url)}）"
            )
        raise RegisterError(f"登记簿的版本（{current}）较旧，当前为 {head}：{UPGRADE_HINT}（{redact(url)}）")


def open_register(url: str, *, create: bool = False) -> Register:
    """See `subsidykit.register.open_register`."""
    if not url:
        raise RegisterError("未配置登记簿：请用 --db 或环境变量 SUBSIDYKIT_DB 指定")
    engine = _engine_for(url)
    if url.split("://", 1)[0].lower().startswith("sqlite"):
        _prepare_sqlite(url, create)
    try:
        _check_revision(engine, url, create)
    except BaseException:
        engine.dispose()
        raise
    return Register(engine, url)


def upgrade_register(url: str) -> tuple[str | None, str]:
    """``alembic upgrade head`` (creating a SQLite file if none): (revision before, revision after)."""
    engine = _engine_for(url)
    if url.split("://", 1)[0].lower().startswith("sqlite"):
        _prepare_sqlite(url, True)
    try:
        with engine.begin() as conn:
            before = migrate.current_revision(conn)
            migrate.upgrade(conn)
            after = migrate.current_revision(conn)
        return before, after
    except SQLAlchemyError as exc:
        raise RegisterError(f"登记簿升级失败（{redact(url)}）：{_reason(exc, url)}") from None
    finally:
        engine.dispose()
