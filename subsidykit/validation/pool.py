"""Many files: finding them under folders and validating them in parallel, then the batch checks.

:func:`collect_files` lists what was given (folders recursively); :func:`validate_paths` runs
:func:`~subsidykit.validation.checks.validate_file` on each, in worker processes when there
are enough files, with the caller's catalog, each worker's address space capped; a worker
that dies on a file costs that file (FILE_UNREADABLE), not the batch.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.errors import BadInputError
from subsidykit.rules.findings import ERROR, Finding
from subsidykit.rules.parsing import optional_year
from subsidykit.rules.vocabulary import field_units
from subsidykit.validation.batch import check_batch
from subsidykit.validation.checks import validate_file
from subsidykit.validation.results import BatchResult, FileResult

# operating-system litter in a copied folder (not submissions; listing them would be noise)
SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db"})


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every file under folders (recursively, sorted; symlinked folders not
    followed): workbooks are read, anything else (.docx, .pdf, .txt ...) is listed so that
    `validate_file` reports it (FILE_UNREADABLE, reason not_workbook) instead of dropping it
    silently.  Only Excel/WPS lock files (``~$x.xlsx``), macOS resource forks (``._x``) and
    system litter (.DS_Store, Thumbs.db, desktop.ini) are left out.  A pipe, device or socket
    is listed too, so that it is reported as unreadable (the reader refuses it by type without
    opening it)."""
    out: list[Path] = []
    for p in map(Path, paths):
        st = _stat(p)  # one stat answers both Path.is_dir() and Path.exists()
        if st is not None and stat.S_ISDIR(st.st_mode):
            found: list[Path] = []
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs.sort()
                for name in names:
                    if not name.startswith(("~$", "._")) and name.lower() not in SYSTEM_FILES:
                        found.append(Path(root) / name)
            out.extend(sorted(found))
        elif st is not None or p.is_symlink():
            out.append(p)
        else:
            raise BadInputError(f"找不到文件或文件夹：{p}")
    seen: set[Path | str] = set()
    unique = []
    real_dirs: dict[str, str | None] = {}
    for p in out:
        key = _real_path(p, real_dirs)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _stat(p: Path) -> os.stat_result | None:
    """`p.stat()`, None where Path.is_dir()/Path.exists() answer False (no such file, a symlink
    loop, a bad name); other errors raise as they do there."""
    try:
        return p.stat()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP) or getattr(exc, "winerror", None) in (21, 123, 1921):
            return None
        raise
    except ValueError:
        return None


def _real_path(p: Path, real_dirs: dict[str, str | None]) -> Path | str:
    """What tells two listed paths apart: `p.resolve()` (`p.absolute()` for a symlink loop), as
    text where paths compare as text (POSIX).

    A file that is not itself a symlink, in a folder whose resolved path is known (and exists),
    is that path joined with its name (what `resolve` makes of it, without resolving the
    folder again for every file in it); anything else goes through `resolve`."""
    if os.sep != "/":  # Windows: paths compare without case, as Path objects do
        try:
            return p.resolve()
        except (OSError, RuntimeError):
            return p.absolute()
    head, name = os.path.split(str(p))
    if name not in ("", ".", ".."):
        if head not in real_dirs:
            real = os.path.realpath(head or ".")
            real_dirs[head] = real if os.path.isdir(real) else None
        real = real_dirs[head]
        if real is not None:
            candidate = os.path.join(real, name)
            try:
                if not stat.S_ISLNK(os.lstat(candidate).st_mode):
                    return candidate
            except OSError:
                pass
    try:
        return str(p.resolve())
    except (OSError, RuntimeError):  # a symlink loop: listed, and reported unreadable
        return str(p.absolute())


# the catalog a worker process validates with: the caller's, set by the pool's initializer
# (None: the default catalog)
_CATALOG: Catalog | None = None
# the project register a worker asks about each file's applicant (opened in the worker from the
# caller's URL: a database connection is never shared across processes); None: no register
_HISTORY = None


def _worker(args: tuple[str, int | None]) -> FileResult:
    path, year = args
    return validate_file(path, year=year, catalog=_CATALOG, history=_HISTORY)


def open_history(url: str | None):
    """`Context.history` from the register at `url`, opened (RegisterError if it cannot be):
    one query a file, the file's own rows not another county's
    (`register.review.ReviewRegister.for_files`; `.register.close()` closes it).  None for no URL."""
    if url is None:
        return None
    from subsidykit.register.review import ReviewRegister

    reg = ReviewRegister(url)
    reg.open()
    return reg.for_files()


def _limit_memory() -> None:
    """Cap a worker's address space, so a file that makes a parser allocate without bound ends
    that worker (reported as unreadable), not the machine."""
    from subsidykit.workbooks import rlimits

    try:
        mb = int(os.environ.get(rlimits.WORKER_MEMORY_ENV, "2048"))
        if mb > 0:  # 0 or less: no cap
            rlimits.cap(memory_bytes=mb * rlimits.MB)
    except (ValueError, OSError):  # not a number, or a limit the platform will not take: run uncapped
        pass


def _init_worker(catalog: Catalog | None = None, register_url: str | None = None) -> None:
    """In each worker: the caller's catalog (forked: inherited as is; spawned: pickled once per
    worker, never per file), the memory cap, the tables loaded, the register opened."""
    global _CATALOG, _HISTORY
    _CATALOG = catalog
    _limit_memory()
    warm_up()
    _HISTORY = open_history(register_url)


def warm_up() -> None:
    """Load the catalog and the label tables once (before forking, the workers share them)."""
    from subsidykit.rules.vocabulary import index as label_index  # the labels submissions match

    load_catalog()
    field_units()
    label_index()


def _crashed(path: str) -> FileResult:
    return FileResult(
        path,
        [
            Finding(
                "FILE_UNREADABLE",
                ERROR,
                "文件无法读取：处理该文件的进程异常退出（内存或资源耗尽，疑似恶意构造的文件），已跳过",
                "crashed",
                file=path,
            )
        ],
    )


def _isolated(job: tuple[str, int | None], ctx, catalog: Catalog | None, register_url: str | None = None) -> FileResult:
    """One file in a process of its own: a crash there is that file's finding."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init_worker, initargs=(catalog, register_url)) as pool:
            return pool.submit(_worker, job).result()
    except BrokenProcessPool:
        return _crashed(job[0])


def validate_paths(
    paths: Iterable[str | Path],
    *,
    year: object = None,
    workers: int | None = None,
    progress: Callable[[FileResult], None] | None = None,
    catalog: Catalog | None = None,
    register_url: str | None = None,
) -> BatchResult:
    """Every file under `paths` (files or folders), in parallel, then the batch checks; every
    file is validated with `catalog` (default: the package's), in the workers too.

    `register_url`: the project register (`register.resolve_url`) each file's applicant is
    looked up in (rules.history); opened once in this process, or once in each worker.

    In parallel, a worker that dies on a file (however it dies) does not end the batch: the
    files not yet done are validated again one process each, and the one that kills its
    process is reported FILE_UNREADABLE."""
    cat = catalog or load_catalog()
    files = collect_files(paths)
    y = optional_year(year)
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    results: list[FileResult] = []
    jobs = [(str(p), y) for p in files]
    if n_workers <= 1 or len(jobs) < 8:
        history = open_history(register_url)
        try:
            for path, job_year in jobs:
                res = validate_file(path, year=job_year, catalog=catalog, history=history)
                results.append(res)
                if progress:
                    progress(res)
        finally:
            if history is not None:
                history.register.close()
    else:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        warm_up()
        if register_url is not None:  # SQLAlchemy loaded once here, shared by the forked workers
            open_history(register_url).register.close()  # and a register that cannot be opened says so once
        gc.freeze()  # forked workers then share the catalog's pages instead of copying them
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, min(32, len(jobs) // (n_workers * 4)))
        try:
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_init_worker, initargs=(catalog, register_url)) as pool:
                for res in pool.map(_worker, jobs, chunksize=chunk):
                    results.append(res)
                    if progress:
                        progress(res)
        except BrokenProcessPool:
            for job in jobs[len(results) :]:
                res = _isolated(job, ctx, catalog, register_url)
                results.append(res)
                if progress:
                    progress(res)
        finally:
            gc.unfreeze()
    return BatchResult(results, check_batch(results, year=y, catalog=cat))


__all__ = ["SYSTEM_FILES", "collect_files", "validate_paths", "warm_up"]
