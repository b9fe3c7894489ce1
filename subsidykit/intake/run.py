"""Importing files into the register and the per-file report.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.register`, `subsidykit.rules`,
`subsidykit.errors`.
"""

from __future__ import annotations

import os
from pathlib import Path

from subsidykit.errors import SubsidyError
from subsidykit.register.ingest import KIND_TEXT, Batch, Outcome

SHOW = 20  # rows listed per heading in the text report (all of them in --json)


class FileFailure:
    """A file that could not be read (the others are still imported)."""

    def __init__(self, file: str, message: str):
        self.file, self.message = file, message

    def as_json(self) -> dict:
        return {"file": self.file, "error": self.message}


def _same_file(a, b) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def import_files(register, files, *, kind: str | None = None, year: int | None = None,
                 county: str | None = None, register_file: str | os.PathLike | None = None) -> list:
    """Import each file (one transaction a file): a list of `Outcome` (or `FileFailure` for a
    file that cannot be read, or that is the register's own SQLite file `register_file`) in the
    order given."""
    from subsidykit.intake.reading import read_batch

    out: list = []
    own = [register_file, f"{register_file}-wal", f"{register_file}-journal"] if register_file else []
    for f in files:
        if any(_same_file(f, x) for x in own):
            out.append(FileFailure(str(f), "这是登记簿文件本身，不是名单文件"))
            continue
        try:
            batch: Batch = read_batch(f, kind=kind, year=year, county=county)
        except SubsidyError as exc:
            out.append(FileFailure(str(f), exc.message))
            continue
        except OSError as exc:
            out.append(FileFailure(str(f), f"无法读取：{exc.strerror or exc}"))
            continue
        out.append(register.import_rows(batch))
    return out


def _where(sheet: str, row: int | None) -> str:
    return f"{sheet} 第 {row} 行" if row else (sheet or "全文件")


def report_text(results: list, where: str) -> str:
    lines = [f"导入到{where}"]
    for r in results:
        if isinstance(r, FileFailure):
            lines.append(f"\n{Path(r.file).name}：无法导入：{r.message}")
            continue
        assert isinstance(r, Outcome)
        name = Path(r.file).name
        if r.already:
            lines.append(f"\n{name}（{KIND_TEXT[r.kind]}）：已导入过（文件内容相同），登记簿未改变")
            if r.unmatched or r.skipped:
                lines.append(f"  其中仍未匹配 {len(r.unmatched)} 行、跳过 {len(r.skipped)} 行（--json 列出）")
            continue
        c = r.counts
        years = "、".join(str(y) for y in r.years) or "—"
        lines.append(
            f"\n{name}（{KIND_TEXT[r.kind]}，年度 {years}）：新增 {c['新增']}，合并 {c['合并']}，"
            f"更新结果 {c['更新结果']}，未匹配 {c['未匹配']}，跳过 {c['跳过']}"
        )
        for title, items in (("未匹配", r.unmatched), ("跳过", r.skipped), ("说明", r.notes), ("合并", r.merged),
                             ("更新结果", r.updated)):
            if not items:
                continue
            lines.append(f"  {title}：")
            for sheet, row, msg in items[:SHOW]:
                lines.append(f"    {_where(sheet, row)}：{msg}")
            if len(items) > SHOW:
                lines.append(f"    …… 另有 {len(items) - SHOW} 行（--json 列出全部）")
    return "\n".join(lines)
