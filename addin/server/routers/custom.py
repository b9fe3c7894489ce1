"""The task pane's uploads: a folder of submissions -> the validation report; a ledger -> the
print-ready 附件2 workbook. Registered by xlwings Server (``routers/custom.py`` of the project).

Security (issue: no anonymous writes, bounded uploads, nothing kept, nothing identifying logged):
* every POST needs the access token (the ``dep.User`` dependency runs before the body is read);
* the declared size and the number of files are checked before anything is stored, each
  file's size while it is copied; the limits come from ``SUBSIDYKIT_MAX_UPLOAD_MB``,
  ``SUBSIDYKIT_MAX_FILES`` and ``SUBSIDYKIT_MAX_FILE_MB``;
* uploads are written to a fresh temporary folder that is deleted before the response is
  sent; the report travels back in the response, so no worker keeps anything;
* the log gets counts and timings only (no file or company names), and xlwings' own error
  log lines are redacted (a function's error text can quote a cell).
"""

from __future__ import annotations

import base64
import logging
import os
import re
import tempfile
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

from subsidykit.errors import SubsidyError

logger = logging.getLogger("subsidykit.server")
router = APIRouter(prefix=f"{settings.app_path}/subsidykit")

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
CHUNK = 1 << 20


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def limits() -> dict[str, float]:
    return {
        "max_upload_mb": _env_number("SUBSIDYKIT_MAX_UPLOAD_MB", 100),
        "max_files": int(_env_number("SUBSIDYKIT_MAX_FILES", 300)),
        "max_file_mb": _env_number("SUBSIDYKIT_MAX_FILE_MB", 20),
    }


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
        raise _too_large(f"上传内容过大：{size_mb:.1f} MB，超过上限 {lim['max_upload_mb']:g} MB。请分批上传。")
    try:
        return await request.form(max_files=max_files, max_fields=20)
    except StarletteHTTPException as exc:  # starlette's own limits (raised as its HTTPException)
        if "Too many files" in str(exc.detail):
            raise _too_large(f"文件过多：一次最多上传 {max_files} 个文件。请分批上传。") from None
        raise HTTPException(status_code=400, detail="上传内容无法解析") from None


def _safe_relpath(name: str, taken: set[str]) -> PurePosixPath:
    """The browser's relative path (folder uploads send it) without .., drive letters or oddities."""
    parts = [p for p in re.split(r"[\\/]+", name or "") if p not in ("", ".", "..")]
    parts = [re.sub(r'[\x00-\x1f<>:"|?*]', "_", p)[:120] for p in parts][-6:] or ["未命名.xlsx"]
    rel = PurePosixPath(*parts)
    stem, suffix, n = rel.stem, rel.suffix, 2
    while rel.as_posix().lower() in taken:
        rel = rel.with_name(f"{stem}（{n}）{suffix}")
        n += 1
    taken.add(rel.as_posix().lower())
    return rel


async def _store(upload: UploadFile, target: Path, max_bytes: float) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    out = await run_in_threadpool(open, target, "wb")
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


# --- routes ---------------------------------------------------------------------------------------
@router.get("/limits")
async def upload_limits():
    """What the task pane checks before uploading (public: carries no data)."""
    return {**limits(), "extensions": list(EXCEL_SUFFIXES)}


@router.post("/whoami")
async def whoami(current_user: dep.User):
    """The task pane's 验证令牌 button."""
    return {"name": current_user.name}


def _validate_folder(folder: Path, year: str | None) -> tuple[dict, Path]:
    from subsidykit.checks import ERROR, validate_paths
    from subsidykit.report import relative_names, write_report

    result = relative_names(validate_paths([folder], year=year, workers=1), folder)
    report = write_report(result, folder / "校验报告.xlsx", link_base=folder)
    errors = sum(f.severity == ERROR for r in result.files for f in r.findings)
    findings = sum(len(r.findings) for r in result.files)
    summary = {
        "files": len(result.files),
        "valid": sum(r.valid for r in result.files),
        "with_errors": sum(not r.valid for r in result.files),
        "unreadable": sum(not r.readable for r in result.files),
        "findings": findings,
        "errors": errors,
        "warnings": findings - errors,
        "by_file": [
            {
                "file": r.file,
                "valid": r.valid,
                "errors": sum(f.severity == ERROR for f in r.findings),
                "warnings": sum(f.severity != ERROR for f in r.findings),
            }
            for r in result.files
        ],
        "batch": [{"code": b.code, "severity": b.severity, "message": b.message} for b in result.batch],
    }
    return summary, report


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
            raise HTTPException(status_code=400, detail="没有收到 Excel 工作簿（.xlsx/.xlsm/.xls）")
        with tempfile.TemporaryDirectory(prefix="subsidykit-") as tmp:
            folder = Path(tmp) / "upload"
            taken: set[str] = set()
            for upload in workbooks:
                await _store(upload, folder / _safe_relpath(upload.filename, taken), lim["max_file_mb"] * (1 << 20))
            try:
                summary, report = await run_in_threadpool(_validate_folder, folder, year)
            except SubsidyError as exc:
                raise HTTPException(status_code=400, detail=exc.message) from None
            summary["skipped"] = len(uploads) - len(workbooks)
            summary["report"] = _attachment(report, "校验报告.xlsx")
    finally:
        await form.close()
    logger.info(
        "批量校验：%d 个文件，%d 个有错误，用时 %.2f 秒", summary["files"], summary["with_errors"], time.perf_counter() - started
    )
    return summary


def _summary_file(ledger: Path, year: str | None, region: str, out: Path) -> dict:
    from subsidykit.summary import build_from_file

    summary = build_from_file(ledger, year=year, region=region)
    summary.write_xlsx(out)
    return {
        "year": summary.year,
        "tables": {c.sheet_name: len(summary.tables.get(c.number, [])) for c in summary.categories if summary.tables.get(c.number)},
        "unmatched": len(summary.unmatched),
    }


@router.post("/summary")
async def summary_file(request: Request, current_user: dep.User):
    """生成汇总表（打印版）: multipart ``ledger`` (one workbook) + ``year`` + ``region`` -> 附件2 xlsx."""
    lim = limits()
    started = time.perf_counter()
    form = await _form(request, 1)
    try:
        uploads = _files(form, "ledger")
        if not uploads or Path(uploads[0].filename).suffix.lower() not in EXCEL_SUFFIXES:
            raise HTTPException(status_code=400, detail="请上传一个台账工作簿（.xlsx/.xlsm）")
        year = str(form.get("year") or "").strip() or None
        region = str(form.get("region") or "").strip()
        with tempfile.TemporaryDirectory(prefix="subsidykit-") as tmp:
            ledger = Path(tmp) / ("台账" + Path(uploads[0].filename).suffix.lower())
            await _store(uploads[0], ledger, lim["max_file_mb"] * (1 << 20))
            out = Path(tmp) / "附件2汇总表.xlsx"
            try:
                info = await run_in_threadpool(_summary_file, ledger, year, region, out)
            except SubsidyError as exc:
                raise HTTPException(status_code=400, detail=f"无法生成汇总表：{exc.message}") from None
            info["file"] = _attachment(out, f"附件2汇总表_{info['year']}.xlsx")
    finally:
        await form.close()
    logger.info("汇总表：%d 张表，用时 %.2f 秒", len(info["tables"]), time.perf_counter() - started)
    return info
