"""Hostile and broken files: each becomes FILE_UNREADABLE with its reason, quickly; inputs never change."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from tests.example_forms import write_form
from subsidykit.validation.checks import validate_file
from subsidykit.validation.pool import validate_paths
from tests.submission_files import SMART, cfb, digest, replace_members

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    + b']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    b"<si><t>&lol9;</t></si></sst>"
)


def _truncated() -> bytes:
    return write_form(SMART)[:2500]


def _zip_bomb() -> bytes:
    buf = io.BytesIO(write_form(SMART))
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z, z.open("xl/media/image1.png", "w") as fh:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):  # 64 MB of zeros, ~64 KB packed
            fh.write(chunk)
    return buf.getvalue()


def _laughs() -> bytes:
    return replace_members(write_form(SMART), {"xl/sharedStrings.xml": LAUGHS})


def _million_rows() -> bytes:
    """A sheet of 1,000,000 rows, its XML written directly (no spreadsheet library)."""
    data = write_form(SMART)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info.filename))
        with dst.open("xl/worksheets/sheet1.xml", "w") as fh:
            fh.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<dimension ref="A1:B1000000"/><sheetData>'
            )
            for start in range(1, 1_000_001, 20000):
                fh.write(b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(start, start + 20000)))
            fh.write(b"</sheetData></worksheet>")
    return out.getvalue()


def _encrypted() -> bytes:
    # what Excel writes for a workbook with an open password: an OLE file with these two streams
    return cfb({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x00" * 6000})


def _legacy_xls() -> bytes:
    # BIFF8 BOF record (0x0809) at the start of the Workbook stream
    return cfb({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\x00" * 12})


HOSTILE = {
    "truncated.xlsx": (_truncated, "corrupt"),
    "bomb.xlsx": (_zip_bomb, "zip_bomb"),
    "laughs.xlsx": (_laughs, "xml_entities"),
    "encrypted.xlsx": (_encrypted, "encrypted"),
    "old.xls": (_legacy_xls, "legacy_xls"),
    "text.xlsx": (lambda: "项目申报单位,统一社会信用代码\n示例公司,123\n".encode(), "not_workbook"),
    "million.xlsx": (_million_rows, "too_large"),
    "empty.xlsx": (lambda: b"", "not_workbook"),
    "docx.xlsx": (lambda: replace_members(b"PK\x05\x06" + b"\0" * 18, {"word/document.xml": b"<w/>"}), "not_workbook"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, (make, _reason) in HOSTILE.items():
        (folder / name).write_bytes(make())
    return folder


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_file_is_refused_quickly_with_its_reason(corpus, name):
    path = corpus / name
    before = digest(path)
    t0 = time.perf_counter()
    result = validate_file(path)
    elapsed = time.perf_counter() - t0
    print(f"{name}: {elapsed * 1000:.0f} ms, {path.stat().st_size} bytes")
    assert [(f.code, f.field) for f in result.findings] == [("FILE_UNREADABLE", HOSTILE[name][1])]
    assert result.findings[0].severity == "错误" and not result.valid
    assert elapsed < 2.0
    assert digest(path) == before


def test_the_batch_goes_on_past_bad_files(corpus, tmp_path):
    good = tmp_path / "good.xlsx"
    good.write_bytes(write_form(SMART))
    before = {p.name: digest(p) for p in [*corpus.iterdir(), good]}
    t0 = time.perf_counter()
    result = validate_paths([corpus, good], workers=2)
    assert time.perf_counter() - t0 < 20
    by_name = {r.file.rsplit("/", 1)[-1]: r for r in result.files}
    assert by_name["good.xlsx"].findings == []
    assert sum(not r.readable for r in result.files) == len(HOSTILE)
    assert {p.name: digest(p) for p in [*corpus.iterdir(), good]} == before


def test_a_zip_member_lying_about_its_size_is_corrupt(tmp_path):
    data = bytearray(write_form(SMART))
    # shrink the declared size of the worksheet in the central directory: reading it fails its check
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1 and data[at + 46 : at + 46 + len(name)] != name:
        at = data.find(b"PK\x01\x02", at + 4)
    assert at != -1
    data[at + 24 : at + 28] = (10).to_bytes(4, "little")
    (tmp_path / "lie.xlsx").write_bytes(bytes(data))
    result = validate_file(tmp_path / "lie.xlsx")
    assert [f.code for f in result.findings] == ["FILE_UNREADABLE"]
