"""The child process that validates or summarises one upload: ``python -m subsidykit.server.worker JOB``.

`JOB` is ``job.json`` in the upload's folder; the child limits its own address space
(``SUBSIDYKIT_WORKER_MEMORY_MB``) and CPU time *before* importing the readers, does the job,
and writes ``result.json`` (``{"ok": true, "data": …}`` or ``{"ok": false, "message"|"error_type": …}``)
next to it. Anything it prints is discarded by the server (it may quote a file name).

Jobs:
* ``{"kind": "validate", "year": …}`` – the workbooks in ``upload/``; the report to ``upload/校验报告.xlsx``
  (a name `uploads.safe_relpath` keeps free);
* ``{"kind": "summary", "ledger": "台账.xlsx", "year": …, "region": …}`` – the 附件2 workbook to
  ``out/附件2汇总表.xlsx``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

TEST_FAULTS_ENV = "SUBSIDYKIT_TEST_WORKER_FAULTS"
REPORT_NAME = "校验报告.xlsx"


from subsidykit.workbooks import rlimits  # noqa: E402 - standard library only
from subsidykit.server.settings import number as _number  # noqa: E402 - settings imports nothing heavy


def limit_resources() -> None:
    rlimits.cap(
        memory_bytes=int(_number(rlimits.WORKER_MEMORY_ENV, 2048) * rlimits.MB),
        cpu_seconds=int(_number("SUBSIDYKIT_WORKER_TIMEOUT", 300)) + 5,
        no_core=True,
        lock=True,
    )


def _fault(job: dict, folder: Path) -> None:
    """Tests only: make this child crash, hang or run out of memory on purpose."""
    if os.environ.get(TEST_FAULTS_ENV) != "1":
        return
    fault = job.get("fault")
    if fault == "abort":
        os.abort()
    elif fault == "hang":
        time.sleep(3600)
    elif fault == "oom":
        hog = []
        while True:
            hog.append(bytearray(64 << 20))
    elif fault == "calamine":  # the bare reader on every uploaded workbook, none of subsidykit's checks
        import python_calamine

        for path in sorted(folder.rglob("*.xls*")):
            book = python_calamine.CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def validate(folder: Path, year: str | None) -> dict:
    from subsidykit.rules.findings import ERROR
    from subsidykit.validation.pool import validate_paths
    from subsidykit.validation.report import relative_names, write_report

    upload = folder / "upload"
    reg = _register()  # the server's own register (SUBSIDYKIT_DB), never one named by the request
    result = relative_names(validate_paths([upload], year=year, workers=1, register_url=reg.url), upload)
    # next to the files (its links are relative to it); the upload's names never take this one
    write_report(result, upload / REPORT_NAME, link_base=upload)
    errors = sum(f.severity == ERROR for r in result.files for f in r.findings)
    findings = sum(len(r.findings) for r in result.files)
    st = result.stats()  # the same counts as the report and the console
    return {
        "files": st["files"],
        "valid": st["valid"],
        "with_errors": st["invalid"],
        "unreadable": st["unreadable"],
        "batch_errors": st["batch_errors"],
        "findings": findings,
        "errors": errors,
        "warnings": findings - errors,
        "by_file": [
            {
                "file": r.file,
                "valid": result.is_valid(r),
                "errors": sum(f.severity == ERROR for f in r.findings),
                "warnings": sum(f.severity != ERROR for f in r.findings),
            }
            for r in result.files
        ],
        "batch": [{"code": b.code, "severity": b.severity, "message": b.message} for b in result.batch],
        **_register_json(reg),
    }


def _register_json(reg) -> dict:
    """What the task pane is told about the register: whether the server has one (never its
    address or path: the clerk's browser gets no server path)."""
    from subsidykit.register.review import NO_REGISTER_TEXT

    if reg.configured:
        return {"register": "已核对本服务器的项目登记簿", "register_note": None}
    return {"register": None, "register_note": NO_REGISTER_TEXT}


def _register():
    """The bureau server's project register: ``SUBSIDYKIT_DB`` of the server's environment (else
    the service user's ~/.subsidykit/register.db if it exists), as `register.review.ReviewRegister`."""
    from subsidykit.register import resolve_url
    from subsidykit.register.review import ReviewRegister

    return ReviewRegister(resolve_url(None))


def summary(folder: Path, ledger: str, year: str | None, region: str) -> dict:
    from subsidykit.summary.build import build_from_file

    with _register() as reg:
        history = reg.for_rows(source_file=ledger)  # None without a register
        built = build_from_file(folder / ledger, year=year, region=region, history=history)
    (folder / "out").mkdir(exist_ok=True)
    built.write_xlsx(folder / "out" / "附件2汇总表.xlsx")
    return {
        **_register_json(reg),
        "year": built.year,
        "tables": {c.sheet_name: len(built.tables.get(c.number, [])) for c in built.categories if built.tables.get(c.number)},
        "unmatched": len(built.unmatched),
        "unmapped": built.unmapped_json(),  # ledger columns not read, 附件2 columns left empty
    }


def run(job: dict, folder: Path) -> dict:
    if job.get("kind") == "validate":
        return validate(folder, job.get("year"))
    if job.get("kind") == "summary":
        return summary(folder, str(job["ledger"]), job.get("year"), str(job.get("region") or ""))
    raise ValueError("unknown job")


def main(argv: list[str]) -> int:
    limit_resources()
    job_file = Path(argv[0])
    folder = job_file.parent
    job = json.loads(job_file.read_text(encoding="utf-8"))
    _fault(job, folder)
    from subsidykit.errors import SubsidyError

    try:
        out = {"ok": True, "data": run(job, folder)}
    except SubsidyError as exc:
        out = {"ok": False, "message": exc.message}
    except MemoryError:
        return 70  # reported as an abnormal exit
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - a reader's panic too; the type only (the text may quote the file)
        out = {"ok": False, "error_type": type(exc).__name__}
    tmp = folder / "result.json.tmp"
    tmp.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / "result.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
