"""Same input, same bytes: the one writer of reproducible zip packages (.xlsx, .xlsm, .xlam).

Every generated template, example and add-in is written through `reproducible_zip`: each
member gets the same fixed date (`FIXED_TIME`), permissions and host system whatever the
machine and clock, and the created/modified dates of ``docProps/core.xml`` are set to
`FIXED_TIME`.  `workbook_bytes` saves an openpyxl workbook, reproducibly when asked.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping

# the one timestamp of reproducible files (zip entries, docProps): the earliest date a zip entry holds
FIXED_TIME = dt.datetime(1980, 1, 1)

_CORE = "docProps/core.xml"
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_UNIX = 3  # ZipInfo.create_system: stated, not left to the host (0 on Windows, 3 elsewhere)


def reproducible_zip(
    source: bytes | Iterable[tuple[str, bytes]],
    extra: Mapping[str, bytes] | None = None,
    *,
    fixed_time: dt.datetime = FIXED_TIME,
) -> bytes:
    """A deflated zip of `source` (the bytes of a zip, or ``(name, body)`` members in order),
    `extra` members appended, every member dated `fixed_time` (and so are the docProps dates)."""
    if isinstance(source, (bytes, bytearray)):
        with zipfile.ZipFile(io.BytesIO(source)) as src:
            members = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    else:
        members = list(source)
    stamp = fixed_time.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in [*members, *(extra or {}).items()]:
            if name == _CORE:
                body = _CORE_DATES.sub(rb"\g<1>" + stamp + rb"\g<2>", body)
            info = zipfile.ZipInfo(name, date_time=fixed_time.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = _UNIX
            dst.writestr(info, body)
    return out.getvalue()


def workbook_bytes(wb, *, reproducible: bool = False) -> bytes:
    """The xlsx bytes of an openpyxl workbook; `reproducible` fixes every timestamp inside it
    (creator "subsidykit", `FIXED_TIME`), so that a generated template or example is
    byte-identical from run to run."""
    if reproducible:
        wb.properties.creator = "subsidykit"
        wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return reproducible_zip(buf.getvalue()) if reproducible else buf.getvalue()
