"""Comparing two .xlsx files part by part: the direct 附件2 writer against openpyxl's save."""

from __future__ import annotations

import io
import re
import zipfile

_MERGES = re.compile(rb'<mergeCells count="\d+">(.*?)</mergeCells>')
_MERGE = re.compile(rb'<mergeCell ref="[^"]+" />')
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        out = []
        for info in z.infolist():
            body = z.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(rb"\1\2", body)  # the time of writing
            m = _MERGES.search(body)
            if m:  # openpyxl keeps merged ranges in a set: its order is not the file's content
                body = body[: m.start(1)] + b"".join(sorted(_MERGE.findall(m.group(1)))) + body[m.end(1) :]
            out.append((info.filename, body))
        return out


def same_workbook(summary, paper: str = "A4") -> list[str]:
    """The parts in which Summary.xlsx_bytes() differs from to_workbook() saved by openpyxl
    (mergeCell order and the docProps dates aside): [] when they are the same file."""
    buf = io.BytesIO()
    summary.to_workbook(paper=paper).save(buf)
    ours, theirs = _parts(summary.xlsx_bytes(paper=paper)), _parts(buf.getvalue())
    if [n for n, _ in ours] != [n for n, _ in theirs]:
        return ["（部件清单不同）"]
    return [n for (n, a), (_, b) in zip(ours, theirs, strict=True) if a != b]
