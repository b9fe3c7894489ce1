"""The task pane's uploads: a folder of submissions -> the validation report; a ledger -> the
print-ready 附件2 workbook. Registered by xlwings Server (``routers/custom.py`` of the project).

Security (issue: no anonymous writes, bounded uploads, nothing kept, nothing identifying logged):
* the guard in front of the app (`subsidykit.server.guard`) checks the access token and the
  declared size before any of the body is read, and caps the body while it streams; the
  ``dep.User`` dependency checks the token again;
* the number of files is checked before anything is stored, each file's size while it is
  copied; the limits come from ``SUBSIDYKIT_MAX_UPLOAD_MB``, ``SUBSIDYKIT_MAX_FILES`` and
  ``SUBSIDYKIT_MAX_FILE_MB``;
* uploads are written to a fresh folder (`subsidykit.server.uploads.upload_folder`) that is
  deleted before the response is sent, on every path; the report travels back in the
  response, so no worker keeps anything;
* the workbooks are read by a child process with memory, CPU and time limits
  (`subsidykit.server.uploads.run_job`): a hostile file can end that child, never the server;
* relative names are made safe and unique (`subsidykit.server.uploads.safe_relpath`);
* the log gets counts and timings only (no file or company names), and every log line passes
  `subsidykit.server.logs.RedactFilter` (no exception text or tracebacks).
"""

from __future__ import annotations

import base64
import logging
import time
from pathlib import Path, PurePosixPath

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from ribbon import RIBBON
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from xlwings_server import dependencies as dep
from xlwings_server.config import settings
from xlwings_server.templates import templates

from subsidykit.server import settings as server_settings
from subsidykit.server.uploads import REPORT_NAME, Names, WorkerFailed, run_job, safe_relpath, test_fault, upload_folder

logger = logging.getLogger("subsidykit.server")
router = APIRouter(prefix=f"{settings.app_path}/subsidykit")

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
CHUNK = 1 << 20


def limits() -> dict[str, float]:
    return server_settings.upload_limits()


# --- logging: xlwings logs the text of function/script errors; that text can quote a cell ------
class _RedactErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and isinstance(record.msg, Exception):
            record.msg = f"{type(record.msg).__name__}（错误内容不记入日志）"
            record.args = ()
        return True


logging.getLogger("xlwings_server.main").addFilter(_RedactErrors())

# templates/manifest.xml and taskpane.html render the ribbon from this one definition
templates.env.globals["ribbon"] = RIBBON


# --- receiving ----------------------------------------------------------------------------------
def _too_large(message: str) -> HTTPException:
    return HTTPException(status_code=413, detail=message)


async def _form(request: Request, max_files: int):
    lim = limits()
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise HTTPException(status_code=411, detail="上传须注明大小（Content-Length）")
    size_mb = int(length) / (1 << 20)
    if size_mb > lim["max_upload_mb"]:
        raise _too_large(server_settings.upload_too_large(size_mb, lim["max_upload_mb"]))
    try:
        return await request.form(max_files=max_files, max_fields=20)
    except StarletteHTTPException as exc:  # starlette's own limits (raised as its HTTPException)
        if "Too many files" in str(exc.detail):
            raise _too_large(f"文件过多：一次最多上传 {max_files} 个文件。请分批上传。") from None
        raise HTTPException(status_code=400, detail="上传内容无法解析") from None


def _safe_relpath(name: str, taken: Names) -> PurePosixPath:
    """The browser's relative path made safe and unique (see `subsidykit.server.uploads.safe_relpath`)."""
    return safe_relpath(name, taken)


async def _store(upload: UploadFile, target: Path, max_bytes: float) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    out = await run_in_threadpool(open, target, "xb")
    try:
        while chunk := await upload.read(CHUNK):
            written += len(chunk)
            if written > max_bytes:
                raise _too_large(f"文件「{target.name}」超过单个文件上限 {max_bytes / (1 << 20):g} MB")
            await run_in_threadpool(out.write, chunk)
    finally:
        out.close()


def _files(form, field: str) -> list[UploadFile]:
    return [f for f in form.getlist(field) if isinstance(f, UploadFile) and f.filename]


def _attachment(path: Path, name: str) -> dict[str, str]:
    return {"name": name, "content_base64": base64.b64encode(path.read_bytes()).decode("ascii")}


async def _run(folder: Path, job: dict) -> dict:
    try:
        return await run_job(folder, job)
    except WorkerFailed as exc:
        raise HTTPException(status_code=exc.status, detail=exc.detail) from None


# --- routes ---------------------------------------------------------------------------------------
@router.get("/limits")
async def upload_limits():
    """What the task pane checks before uploading (public: carries no data)."""
    return {**limits(), "extensions": list(EXCEL_SUFFIXES)}


@router.post("/whoami")
async def whoami(current_user: dep.User):
    """The task pane's 验证令牌 button."""
    return {"name": current_user.name}


@router.post("/validate")
async def validate(request: Request, current_user: dep.User):
    """批量校验: multipart ``files`` (a folder's workbooks, with their relative paths) + ``year``."""
    lim = limits()
    started = time.perf_counter()
    form = await _form(request, lim["max_files"])
    try:
        uploads = _files(form, "files")
        year = str(form.get("year") or "").strip() or None
        workbooks = [u for u in uploads if Path(u.filename).suffix.lower() in EXCEL_SUFFIXES]
        if not workbooks:
            raise HTTPException(status_code=400, detail="没有收到 Excel 工作簿（.xlsx/.xlsm/.xls/.ods/.csv）")
        with upload_folder() as tmp:
            folder = tmp / "upload"
            taken = Names(reserved=[REPORT_NAME])
            for upload in workbooks:
                await _store(upload, folder / _safe_relpath(upload.filename, taken), lim["max_file_mb"] * (1 << 20))
            job = {"kind": "validate", "year": year, "fault": test_fault([u.filename for u in workbooks])}
            summary = await _run(tmp, job)
            summary["skipped"] = len(uploads) - len(workbooks)
            summary["report"] = _attachment(folder / REPORT_NAME, REPORT_NAME)
    finally:
        await form.close()
    logger.info(
        "批量校验：%d 个文件，%d 个有错误，用时 %.2f 秒", summary["files"], summary["with_errors"], time.perf_counter() - started
    )
    return summary


@router.post("/summary")
async def summary_file(request: Request, current_user: dep.User):
    """生成汇总表（打印版）: multipart ``ledger`` (one workbook) + ``year`` + ``region`` -> 附件2 xlsx."""
    lim = limits()
    started = time.perf_counter()
    form = await _form(request, 1)
    try:
        uploads = _files(form, "ledger")
        if not uploads or Path(uploads[0].filename).suffix.lower() not in EXCEL_SUFFIXES:
            raise HTTPException(status_code=400, detail="请上传一个台账工作簿（.xlsx/.xlsm/.xls/.ods/.csv）")
        year = str(form.get("year") or "").strip() or None
        region = str(form.get("region") or "").strip()
        with upload_folder() as tmp:
            ledger = "台账" + Path(uploads[0].filename).suffix.lower()
            await _store(uploads[0], tmp / ledger, lim["max_file_mb"] * (1 << 20))
            job = {"kind": "summary", "ledger": ledger, "year": year, "region": region, "fault": test_fault([uploads[0].filename])}
            try:
                info = await _run(tmp, job)
            except HTTPException as exc:
                if exc.status_code == 400:
                    raise HTTPException(status_code=400, detail=f"无法生成汇总表：{exc.detail}") from None
                raise
            info["file"] = _attachment(tmp / "out" / "附件2汇总表.xlsx", f"附件2汇总表_{info['year']}.xlsx")
    finally:
        await form.close()
    logger.info("汇总表：%d 张表，用时 %.2f 秒", len(info["tables"]), time.perf_counter() - started)
    return info
