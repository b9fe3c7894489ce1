"""Upload folders, safe relative names, and the child process that reads an upload.

An upload is read by a child process (`subsidykit.server.worker`) with an address-space
limit (``SUBSIDYKIT_WORKER_MEMORY_MB``), a CPU limit and a wall-clock timeout
(``SUBSIDYKIT_WORKER_TIMEOUT``): a workbook that makes the reader allocate without bound, loop,
or crash takes down that child only; the server answers 422 in Chinese and keeps serving.

Every upload gets its own folder under ``<tempdir>/subsidykit-uploads`` and the folder is
removed on every path (``upload_folder`` is a context manager); folders a killed server left
behind are swept when a server process starts.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from subsidykit.server import settings

logger = logging.getLogger("subsidykit.server")

BASE_NAME = "subsidykit-uploads"
STALE_SECONDS = 15 * 60
MAX_SEGMENT_BYTES = 150  # well under NAME_MAX (255 bytes); a Chinese character is 3 bytes in UTF-8
MAX_DEPTH = 6
TEST_FAULTS_ENV = "SUBSIDYKIT_TEST_WORKER_FAULTS"  # tests only: "1" lets files named like FAULT_NAMES trigger faults
FAULT_NAMES = ("__abort__", "__hang__", "__oom__", "__calamine__")
REPORT_NAME = "校验报告.xlsx"  # written by the worker next to the uploaded files
ROOT = Path(__file__).resolve().parents[2]


def base_dir() -> Path:
    return Path(tempfile.gettempdir()) / BASE_NAME


# --- folders --------------------------------------------------------------------------------------
@contextmanager
def upload_folder():
    """A fresh private folder for one upload; removed (with the base folder, if empty) afterwards."""
    base = base_dir()
    folder = None
    for _ in range(5):  # another request may remove the empty base folder in between
        try:
            base.mkdir(mode=0o700, exist_ok=True)
            folder = Path(tempfile.mkdtemp(prefix="u-", dir=base))
            break
        except FileNotFoundError:
            continue
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="subsidykit-u-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        try:
            base.rmdir()
        except OSError:
            pass


def sweep_stale(max_age: float | None = None) -> int:
    """Remove upload folders older than `max_age` seconds (left by a killed server); their count."""
    base = base_dir()
    max_age = max(STALE_SECONDS, 2 * settings.worker_timeout()) if max_age is None else max_age
    removed = 0
    try:
        entries = list(base.iterdir())
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        try:
            if now - entry.lstat().st_mtime < max_age:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed += 1
        except OSError:
            continue
    try:
        base.rmdir()
    except OSError:
        pass
    if removed:
        logger.info("已清理 %d 个遗留的上传临时文件夹", removed)
    return removed


# --- names ----------------------------------------------------------------------------------------
def _clip(segment: str, limit: int = MAX_SEGMENT_BYTES) -> str:
    """`segment` shortened to `limit` UTF-8 bytes, keeping its suffix (".xlsx")."""
    if len(segment.encode("utf-8")) <= limit:
        return segment
    stem, dot, suffix = segment.rpartition(".")
    if not dot or not stem or len(suffix) > 10:
        stem, suffix, dot = segment, "", ""
    room = limit - len((dot + suffix).encode("utf-8"))
    out = ""
    for ch in stem:
        if len((out + ch).encode("utf-8")) > room:
            break
        out += ch
    return out + dot + suffix


def _clean_segment(part: str) -> str:
    part = unicodedata.normalize("NFC", part)
    part = "".join("_" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c for c in part)
    part = re.sub(r'[<>:"|?*]', "_", part).strip().rstrip(".")
    if part.startswith("."):
        part = "_" + part[1:]
    return _clip(part)


def _numbered(segment: str, n: int) -> str:
    stem, dot, suffix = segment.rpartition(".")
    if not dot or not stem:
        stem, dot, suffix = segment, "", ""
    tail = f"（{n}）{dot}{suffix}"
    return _clip(stem, MAX_SEGMENT_BYTES - len(tail.encode("utf-8"))) + tail


class Names:
    """What an upload has placed so far (lower-cased posix paths): files and folders."""

    files: set[str]
    folders: set[str]

    def __init__(self, reserved: list[str] = ()) -> None:
        self.files, self.folders = {r.lower() for r in reserved}, set()


def safe_relpath(name: str, taken: Names) -> PurePosixPath:
    """The browser's relative path (folder uploads send it) made safe and unique in the upload.

    No ``..``, drive letters, control characters or dot-names; each segment at most
    `MAX_SEGMENT_BYTES` bytes, at most `MAX_DEPTH` deep; a file never takes the name of a
    folder already used, nor a folder the name of a file (``sub.xlsx`` and ``sub.xlsx/x.xlsx``
    in one upload), and equal names are numbered （2）, （3）…"""
    raw = [p for p in re.split(r"[\\/]+", name or "") if p not in ("", ".", "..")]
    parts = [p for p in (_clean_segment(p) for p in raw) if p not in ("", ".", "..")][-MAX_DEPTH:] or ["未命名.xlsx"]
    placed: list[str] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        candidate, n = part, 2
        while True:
            key = "/".join([*placed, candidate]).lower()
            clash = (key in taken.folders) if last else (key in taken.files)
            if last and key in taken.files:
                clash = True
            if not clash:
                break
            candidate, n = _numbered(part, n), n + 1
        placed.append(candidate)
    for depth in range(1, len(placed)):
        taken.folders.add("/".join(placed[:depth]).lower())
    taken.files.add("/".join(placed).lower())
    return PurePosixPath(*placed)


# --- the child process ----------------------------------------------------------------------------
class WorkerFailed(Exception):
    """The child could not finish: `status` and a Chinese `detail` for the response."""

    def __init__(self, status: int, detail: str):
        super().__init__(status)
        self.status, self.detail = status, detail


CRASHED = "处理上传文件时进程异常退出（文件可能过大、损坏或结构异常），未能完成。服务器仍在正常运行；请检查文件后重试。"
TIMED_OUT = "处理上传文件超时（超过 {seconds:g} 秒），已中止。请检查文件或分批上传。"
FAILED = "无法处理上传的文件（{kind}）：文件可能已损坏或格式不符。"

_semaphore: asyncio.Semaphore | None = None


def _child_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["TMPDIR"] = str(folder)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[name] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["SUBSIDYKIT_WORKER_MEMORY_MB"] = str(settings.worker_memory_mb())
    env["SUBSIDYKIT_WORKER_TIMEOUT"] = str(settings.worker_timeout())
    return env


def test_fault(filenames: list[str]) -> str | None:
    """Tests only (``SUBSIDYKIT_TEST_WORKER_FAULTS=1``): a file named __abort__, __hang__, __oom__ or
    __calamine__ (read with the bare reader, bypassing subsidykit's checks) makes the child fail so."""
    if os.environ.get(TEST_FAULTS_ENV) != "1":
        return None
    for name in filenames:
        stem = PurePosixPath(str(name).replace("\\", "/")).stem
        if stem in FAULT_NAMES:
            return stem.strip("_")
    return None


def _run_child(folder: Path, job: dict) -> subprocess.CompletedProcess | None:
    job_file = folder / "job.json"
    job_file.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    try:
        return subprocess.run(
            [sys.executable, "-P", "-m", "subsidykit.server.worker", str(job_file)],
            cwd=folder,
            env=_child_env(folder),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,  # the child's output may quote a file: never logged
            stderr=subprocess.DEVNULL,
            timeout=settings.worker_timeout(),
            close_fds=True,
            check=False,
        )
    except subprocess.TimeoutExpired:  # subprocess.run has killed the child
        return None


async def run_job(folder: Path, job: dict) -> dict:
    """Run `job` in a child process inside `folder`; its result (``result.json``) or `WorkerFailed`."""
    from starlette.concurrency import run_in_threadpool

    global _semaphore
    if _semaphore is None:
        _semaphore = asyncio.Semaphore(settings.worker_concurrency())
    started = time.perf_counter()
    async with _semaphore:
        done = await run_in_threadpool(_run_child, folder, job)
    seconds = time.perf_counter() - started
    if done is None:
        logger.warning("上传处理子进程超时（%.1f 秒），已终止", seconds)
        raise WorkerFailed(422, TIMED_OUT.format(seconds=settings.worker_timeout()))
    result_file = folder / "result.json"
    if done.returncode != 0 or not result_file.is_file():
        how = f"信号 {-done.returncode}" if done.returncode < 0 else f"退出码 {done.returncode}"
        logger.warning("上传处理子进程异常退出（%s，%.1f 秒）", how, seconds)
        raise WorkerFailed(422, CRASHED)
    try:
        result = json.loads(result_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise WorkerFailed(422, CRASHED) from None
    if not result.get("ok"):
        if "message" in result:  # a SubsidyError: its Chinese message is meant for the clerk
            raise WorkerFailed(400, str(result["message"]))
        logger.warning("上传处理出错（%s）", result.get("error_type", "?"))
        raise WorkerFailed(422, FAILED.format(kind=result.get("error_type", "未知错误")))
    return result["data"]
