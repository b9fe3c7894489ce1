"""A corpus of hostile and broken workbooks, made on the spot (nothing binary is committed).

Each entry is a file a bureau could receive: small on disk, built to make a reader allocate
without bound, hang, or run something.  `write_corpus(folder)` writes them all and returns
``{file name: Case}``; every reader of the project is run over all of them
(tests/test_hostile_corpus.py) under a memory limit.

Run as a script to write the corpus somewhere for a manual look:
``python tests/hostile_corpus.py OUT_DIR``.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "%s</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>%s</sheets></workbook>'
)
ONE_SHEET = '<sheet name="申报表" sheetId="1" r:id="rId1"/>'
WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "%s</Relationships>"
)
SST_REL = '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
SST_CT = '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'


def xlsx(sheet_xml: str | bytes, *, sheets: str = ONE_SHEET, sst: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .xlsx package written by hand (no spreadsheet library, so anything goes)."""
    body = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT % (SST_CT if sst else ""))
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK % sheets)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS % (SST_REL if sst else ""))
        z.writestr("xl/worksheets/sheet1.xml", b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="' + NS.encode() + b'">' + body + b"</worksheet>")
        if sst:
            z.writestr("xl/sharedStrings.xml", sst)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def _rows(cells: str) -> str:
    return f"<sheetData>{cells}</sheetData>"


def xfd_no_dimension() -> bytes:
    """Finding 4: one cell at XFD1048576 and no <dimension> (calamine would reserve ~512 GB)."""
    return xlsx(_rows('<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c></row>'
                      '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'))


def formula_at_row(row: int) -> bytes:
    """Finding 5: a formula without a cached value far down (the marker loop filled every row)."""
    return xlsx(_rows(f'<row r="{row}"><c r="A{row}"><f>1+1</f></c></row>'))


def cells_without_r() -> bytes:
    """Rows and cells without ``r`` attributes: positions are implicit (OOXML allows it)."""
    return xlsx(_rows("<row><c><v>1</v></c></row>" + '<row r="900000"><c><v>1</v></c></row>'))


def huge_dimension() -> bytes:
    return xlsx('<dimension ref="A1:XFD1048576"/>' + _rows('<row r="1"><c r="A1"><v>1</v></c></row>'))


def shared_strings_count() -> bytes:
    """A shared-string table declaring 4e9 strings (calamine reserves 96 GB before reading)."""
    sst = f'<?xml version="1.0"?><sst xmlns="{NS}" count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>'
    return xlsx(_rows('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst=sst)


def doctype_after_comment() -> bytes:
    """An entity declaration hidden behind a long comment (past the first 4 KB)."""
    body = b"<!--" + b"x" * 8000 + b'--><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    sst = body.decode() + f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>&a;</t></si></sst>'
    return xlsx(_rows('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst=sst)


def no_sheets() -> bytes:
    """Finding 7: ``<sheets/>``: a workbook without a single sheet."""
    buf = io.BytesIO(xlsx(_rows(""), sheets=""))
    return buf.getvalue()


def truncated_sheet() -> bytes:
    """Finding 7: the sheet's XML cut off in the middle of a cell."""
    return xlsx(b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>\xe5\x8d\x95\xe4\xbd\x8d')


def truncated_zip() -> bytes:
    return xfd_no_dimension()[:300]


def many_merges() -> bytes:
    merges = "".join(f'<mergeCell ref="A{i}:CV{i + 99}"/>' for i in range(1, 30001))
    return xlsx(_rows('<row r="1"><c r="A1"><v>1</v></c></row>') + f'<mergeCells count="30000">{merges}</mergeCells>')


def whole_sheet_merge() -> bytes:
    """One merge over the whole sheet: label search must not walk it."""
    return xlsx(_rows('<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c></row>')
                + '<mergeCells count="1"><mergeCell ref="B1:XFD1048576"/></mergeCells>')


def dde_formula() -> bytes:
    """Finding 3: a DDE formula with a cached value, a HYPERLINK out and a link to another workbook."""
    cells = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c>'
        "<c r=\"B1\"><f>cmd|' /C calc'!A0</f><v>0</v></c></row>"
        '<row r="2"><c r="A2" t="inlineStr"><is><t>联系电话</t></is></c>'
        '<c r="B2" t="str"><f>HYPERLINK("http://example.invalid/x","点此")</f><v>点此</v></c></row>'
        '<row r="3"><c r="A3"><f>[1]Sheet1!A1</f><v>3</v></c></row>'
    )
    return xlsx(_rows(cells))


def ods_repeated_rows() -> bytes:
    """An .ods whose one non-empty row repeats a million times."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet><table:table table:name=\"S\">"
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" '
        'table:number-columns-repeated="100"><text:p>1</text:p></table:table-cell></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
        )
    return buf.getvalue()


def xls_far_cell() -> bytes | None:
    """A legacy .xls with a cell at the last BIFF8 row and column (65536 x 256 cells); None
    without xlwt."""
    try:
        import xlwt
    except ImportError:  # pragma: no cover - xlwt is a test requirement
        return None
    wb = xlwt.Workbook()
    ws = wb.add_sheet("台账")
    ws.write(0, 0, "单位名称")
    ws.write(65535, 255, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_million_columns() -> bytes:
    """A .csv whose second line has 10^6 columns (1 MB of commas): refused by the column limit
    while reading, before a grid is built."""
    return "单位名称,统一社会信用代码\n".encode() + b"1" + b"," * 999_999 + b"\n"


def csv_long_line() -> bytes:
    """A .csv of one 10 MB line (under the size limit, far over the line-length cap)."""
    return "单位名称,".encode() + b"x" * (10 * 1024 * 1024)


def csv_many_rows() -> bytes:
    """300,000 short rows (600 KB): over the row limit of forms and of ledgers."""
    return "单位名称\n".encode() + b"1\n" * 300_000


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes | None  # None: made by `special` (sparse, FIFO, device)
    readable: bool = False  # True: a reader may read it (with findings); False: must refuse it
    note: str = ""


def cases() -> list[Case]:
    out = [
        Case("xfd_no_dimension.xlsx", xfd_no_dimension(), note="finding 4"),
        Case("formula_row_30m.xlsx", formula_at_row(30_000_000), note="finding 5"),
        Case("formula_row_900m.xlsx", formula_at_row(900_000_000), note="finding 5"),
        Case("cells_without_r.xlsx", cells_without_r()),
        Case("huge_dimension.xlsx", huge_dimension()),
        Case("shared_strings_count.xlsx", shared_strings_count()),
        Case("doctype_after_comment.xlsx", doctype_after_comment()),
        Case("no_sheets.xlsx", no_sheets(), readable=True, note="finding 7"),
        Case("truncated_sheet.xlsx", truncated_sheet(), note="finding 7"),
        Case("truncated_zip.xlsx", truncated_zip()),
        Case("many_merges.xlsx", many_merges()),
        Case("whole_sheet_merge.xlsx", whole_sheet_merge(), readable=True),
        Case("dde_formula.xlsx", dde_formula(), readable=True, note="finding 3"),
        Case("ods_repeated_rows.ods", ods_repeated_rows()),
        Case("empty.xlsx", b""),
        Case("not_a_zip.xlsx", b"<html>not a workbook</html>"),
        Case("padded_2gb.xlsx", None, note="finding 7: sparse 2 GB"),
        Case("csv_million_columns.csv", csv_million_columns(), note="issue 13 item 5"),
        Case("csv_long_line.csv", csv_long_line(), note="issue 13 item 5"),
        Case("csv_many_rows.csv", csv_many_rows(), note="issue 13 item 5"),
        Case("csv_line_100mb.csv", None, note="issue 13 item 5: one 100 MB line, sparse"),
    ]
    xls = xls_far_cell()
    if xls is not None:
        out.append(Case("xls_far_cell.xls", xls))
    return out


def write_corpus(folder: Path) -> dict[str, Case]:
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for case in cases():
        path = folder / case.name
        if case.data is not None:
            path.write_bytes(case.data)
        elif case.name.startswith("padded"):
            with open(path, "wb") as fh:  # sparse: 2 GB on paper, nothing on disk
                fh.write(xfd_no_dimension())
                fh.truncate(2 * 1024**3)
        elif case.name == "csv_line_100mb.csv":
            with open(path, "wb") as fh:  # one line of 100 MB, sparse: the reader must not load it
                fh.write("单位名称,".encode())
                fh.truncate(100 * 1024**2)
        written[case.name] = case
    return written


def write_special(folder: Path) -> dict[str, Path]:
    """A FIFO with a workbook's name (reading it would block forever)."""
    folder.mkdir(parents=True, exist_ok=True)
    fifo = folder / "pipe.xlsx"
    if not fifo.exists():
        os.mkfifo(fifo)
    return {"fifo": fifo}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "out/hostile")
    for name in write_corpus(target):
        print(target / name)
