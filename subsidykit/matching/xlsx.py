"""The match workbook written directly as SpreadsheetML: one sheet — a title, notes, then a table.

    data = table_xlsx("政策匹配", title, notes, columns, widths, rows)

A 1,000-row ledger makes some 27,000 match rows (330,000 cells); openpyxl spends ~25 µs a cell
building and serialising cell objects (8 s for that sheet), this writer about one second.
What it writes is small and fixed: inline strings (every text stays text: a name starting with
"=" is never a formula), numbers, three styles (title, header, plain), column widths, the
header row frozen and filtered.  Text is made storable: characters XML 1.0 cannot hold are
dropped, lone surrogates become U+FFFD, a literal ``_xHHHH_`` is escaped so Excel does not
decode it, and a text is cut at Excel's 32,767 characters.

The worksheet is written into the package as it is made, a thousand rows at a time (the rows
may be an iterator: a sheet of a million rows is never held as one text), and each distinct
text is made storable once (the same program names, statuses and remarks repeat on every row).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from xml.sax.saxutils import escape

from subsidykit.workbooks.cells import col_letters
from subsidykit.workbooks.reproducible import FIXED_TIME

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_CHAR = re.compile("_(x[0-9A-Fa-f]{4}_)")  # OOXML's own escape: a literal one is escaped in turn
MAX_TEXT = 32767  # characters a cell holds
EXCEL_ROWS = 1_048_576  # rows a worksheet holds
_CHUNK_ROWS = 1000  # rows of XML made, then compressed, at a time
_ZIP64_ROWS = 300_000  # from this many rows the sheet part may pass 2 GB uncompressed: Zip64 sizes
TITLE, HEADER = 1, 2  # cellXfs indexes below (0: plain)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG}/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>subsidykit</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>'
)
_WB_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_FONT = '<sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/>'
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{_MAIN}">'
    f'<fonts count="3"><font>{_FONT}</font><font><b/>{_FONT.replace("11", "14")}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def storable(text: str) -> str:
    """`text` as a cell can hold it (see the module docstring)."""
    if not text.isprintable():
        text = _ILLEGAL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    if "_x" in text:
        text = _ESCAPED_CHAR.sub(r"_x005F_\1", text)
    return text[:MAX_TEXT]


def _cell(ref: str, value: object, style: int = 0, texts: dict[str, str] | None = None) -> str:
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    raw = str(value)
    text = texts.get(raw) if texts is not None else None
    if text is None:
        text = escape(storable(raw))
        if texts is not None:
            texts[raw] = text
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def table_xlsx(
    sheet: str,
    title: str,
    notes: Sequence[str],
    columns: Sequence[str],
    widths: Sequence[float],
    rows: Iterable[Sequence[object]],
    n_rows: int | None = None,
) -> bytes:
    """One sheet: `title` in A1, each note in column A below it, a blank row, then `columns`
    (bold, filled, frozen, with a filter) and `rows` — a sequence, or an iterator of exactly
    `n_rows` rows.  ValueError when the sheet would pass Excel's EXCEL_ROWS rows."""
    if n_rows is None:
        rows = rows if isinstance(rows, Sequence) else list(rows)
        n_rows = len(rows)
    letters = [col_letters(i) for i in range(len(columns))]
    header = len(notes) + 3
    last_row = header + max(n_rows, 1)
    if header + n_rows > EXCEL_ROWS:
        raise ValueError(f"{header + n_rows} rows: more than a worksheet holds ({EXCEL_ROWS})")
    ref = f"A{header}:{letters[-1]}{last_row}"
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, start=1))
    head = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<dimension ref="A1:{letters[-1]}{last_row}"/>'
        f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{header}" topLeftCell="A{header + 1}" activePane="bottomLeft" state="frozen"/>'
        f'<selection pane="bottomLeft" activeCell="A{header + 1}" sqref="A{header + 1}"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
    )
    tail = f'</sheetData><autoFilter ref="{ref}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'

    def parts() -> Iterator[str]:
        yield head
        out = [f'<row r="1">{_cell("A1", title, TITLE)}</row>']
        for i, note in enumerate(notes, start=2):
            out.append(f'<row r="{i}">{_cell(f"A{i}", note)}</row>')
        out.append(f'<row r="{header}">' + "".join(_cell(f"{c}{header}", v, HEADER) for c, v in zip(letters, columns)) + "</row>")
        yield "".join(out)
        texts: dict[str, str] = {}
        out, written = [], 0
        for i, row in enumerate(rows, start=header + 1):
            out.append(f'<row r="{i}">' + "".join(_cell(f"{c}{i}", v, 0, texts) for c, v in zip(letters, row)) + "</row>")
            written += 1
            if len(out) == _CHUNK_ROWS:
                yield "".join(out)
                out = []
                if len(texts) > 100_000:  # mostly names of single rows: keep the cache small
                    texts.clear()
        if written != n_rows:
            raise ValueError(f"{written} rows given, {n_rows} announced")
        out.append(tail)
        yield "".join(out)

    name = escape(storable(sheet)[:31], {'"': "&quot;"})
    quoted = "'" + storable(sheet)[:31].replace("'", "''") + "'"
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<bookViews><workbookView/></bookViews><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f'{escape(quoted)}!$A${header}:${letters[-1]}${last_row}</definedName></definedNames></workbook>'
    )
    members = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/core.xml", _CORE),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", _WB_RELS),
        ("xl/styles.xml", _STYLES),
        ("xl/worksheets/sheet1.xml", parts()),
    ]
    return _package(members, zip64=n_rows >= _ZIP64_ROWS)


def _info(name: str) -> zipfile.ZipInfo:
    """A member dated, permitted and attributed as `workbooks.reproducible.reproducible_zip` does."""
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def _package(members: Sequence[tuple[str, str | Iterable[str]]], *, zip64: bool) -> bytes:
    """The zip of `members` (a text, or the parts of one written as they come), reproducible."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in members:
            if isinstance(body, str):
                dst.writestr(_info(name), body.encode("utf-8"))
                continue
            with dst.open(_info(name), "w", force_zip64=zip64) as fh:
                for part in body:
                    fh.write(part.encode("utf-8"))
    return buf.getvalue()


__all__ = ["MAX_TEXT", "storable", "table_xlsx"]
