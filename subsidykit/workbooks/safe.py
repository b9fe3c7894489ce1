"""Opening a submitted workbook file safely and reading its cell values.

Files arrive from Excel, WPS and online converters: .xlsx/.xlsm, old .xls, .ods and .csv;
some broken, some encrypted, some hostile.  Before anything parses a file we look at it from
outside:

- the first bytes: an OLE compound file is either an encrypted workbook (streams
  ``EncryptionInfo``/``EncryptedPackage``) or a legacy .xls, whose BIFF records are walked
  for cell positions, DIMENSIONS, the SST count, FILEPASS (a password) and SUPBOOK (links to
  other files, DDE); anything else not a zip is not a workbook, except a ``.csv`` (read with
  the csv module, line by line under a line-length cap, rows/columns/cells counted while
  reading; UTF-8 or GBK, with or without BOM, delimiter sniffed);
- the zip directory: member count, declared sizes and compression ratios (zip bombs);
- the first bytes of every XML part: a ``<!DOCTYPE``/``<!ENTITY`` declaration is refused
  (billion laughs); the parts we parse ourselves go through ``defusedxml``;
- each worksheet's ``<dimension>``: rows and columns above the limits are refused.

Values are then read with python-calamine (fast, never runs macros).  Calamine reads a
formula that was never calculated as an empty string and drops error values (#REF!), so
the worksheet XML is scanned for those two (only when it contains ``<f`` or ``t="e"``),
and the grid gets :class:`UncachedFormula` / :class:`ErrorValue` markers instead of blanks.

Every refusal is an :class:`UnreadableWorkbook` with a reason code and a Chinese message.
The input file is only ever opened for reading.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import stat
import struct
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from xml.etree.ElementTree import iterparse

import defusedxml.ElementTree as SafeET
import python_calamine

from subsidykit.errors import SubsidyError
from subsidykit.workbooks.cells import address, col_index, parse_address

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)

REASONS: dict[str, str] = {
    "missing": "文件不存在或无法打开",
    "corrupt": "文件已损坏（压缩包、内部 XML 或 .xls 数据无法解析）",
    "encrypted": "工作簿已加密（设有打开密码），请去除密码后重新提交",
    "legacy_xls": "旧版 .xls 工作簿无法读取（数据不完整、已损坏或版本过旧），请在 Excel/WPS 中另存为 .xlsx 后重新提交",
    "zip_bomb": "压缩比异常（疑似压缩炸弹），已拒绝读取",
    "xml_entities": "内部 XML 含实体声明（DOCTYPE/ENTITY，疑似 XML 炸弹），已拒绝读取",
    "too_large": "文件或工作表过大，超出可安全读取的范围",
    "not_workbook": "不是工作簿（可读取 .xlsx/.xlsm/.xls/.ods/.csv）",
    "not_regular": "不是普通文件",
    "changed": "文件在校验之后被改动",
}


class UnreadableWorkbook(SubsidyError):
    """A file that is refused or cannot be read; `reason` is a key of REASONS."""

    code = "FILE_UNREADABLE"

    def __init__(self, reason: str, detail: str = ""):
        text = REASONS.get(reason, reason) + (f"：{detail}" if detail else "")
        super().__init__(text)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_members: int = 2000
    max_member_bytes: int = 30 * 1024 * 1024  # uncompressed, one zip member
    max_total_bytes: int = 100 * 1024 * 1024  # uncompressed, all members
    max_ratio: float = 100.0  # uncompressed / compressed ...
    ratio_floor_bytes: int = 1024 * 1024  # ... for members at least this large
    max_rows: int = 20000
    max_cols: int = 300
    max_cells: int = 2_000_000  # rows x columns of a sheet's used rectangle (calamine allocates it whole)
    max_merged: int = 20000  # merged ranges in one sheet


DEFAULT_LIMITS = Limits()
# a clerk's ledger: more rows than a form, the same guard on memory
LEDGER_LIMITS = Limits(max_file_bytes=50 * 1024 * 1024, max_total_bytes=200 * 1024 * 1024, max_member_bytes=150 * 1024 * 1024,
                       max_rows=200_000, max_cols=1000, max_cells=5_000_000)


@dataclass(frozen=True)
class ErrorValue:
    """An Excel error value (#REF!, #N/A, ...) standing in a cell."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class UncachedFormula:
    """A formula saved without its calculated value (the workbook was never recalculated)."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}"


@dataclass
class RawSheet:
    name: str
    rows: list[list]  # values from A1 (row 0, column 0)
    hidden: bool = False
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 (0-based, inclusive)


@dataclass(frozen=True)
class FormulaCell:
    """A formula found in a worksheet: where, its text, whether a value was saved with it, and
    why it reaches outside the workbook (``external``: "DDE", "外部链接", "超链接"; None when not)."""

    sheet: str
    cell: str
    text: str
    cached: bool
    external: str | None = None


@dataclass
class RawWorkbook:
    path: str
    sheets: list[RawSheet]
    has_macros: bool = False
    sha256: str = ""  # of the exact bytes read: a later re-read (annotation) refuses a changed file
    formulas: list[FormulaCell] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)  # externalLink parts (DDE or other workbooks)


# --- OLE compound files -------------------------------------------------------------


def cfb_stream_names(data: bytes) -> set[str]:
    """Names in an OLE compound file's directory (best effort; empty when malformed)."""
    names: set[str] = set()
    try:
        sector_size = 1 << struct.unpack_from("<H", data, 30)[0]
        if sector_size not in (512, 4096):
            return names
        n_fat = struct.unpack_from("<I", data, 44)[0]
        first_dir = struct.unpack_from("<I", data, 48)[0]
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 76)[: min(n_fat, 109)]]
        fat: list[int] = []
        for s in fat_sectors:
            off = (s + 1) * sector_size
            fat.extend(struct.unpack_from(f"<{sector_size // 4}I", data, off))
        sector, seen = first_dir, set()
        while sector < 0xFFFFFFFA and sector not in seen and len(seen) < 10000:
            seen.add(sector)
            off = (sector + 1) * sector_size
            for i in range(sector_size // 128):
                entry = data[off + i * 128 : off + (i + 1) * 128]
                if len(entry) < 128:
                    break
                length = struct.unpack_from("<H", entry, 64)[0]
                if 2 <= length <= 64:
                    names.add(entry[: length - 2].decode("utf-16-le", "replace"))
            sector = fat[sector] if sector < len(fat) else 0xFFFFFFFE
    except (struct.error, IndexError):
        pass
    return names


def _sniff_ole(data: bytes) -> UnreadableWorkbook:
    names = {n.lower() for n in cfb_stream_names(data)}
    if not names:  # unreadable directory: fall back on the stream names' bytes
        if "EncryptionInfo".encode("utf-16-le") in data:
            names.add("encryptioninfo")
        elif "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            names.add("workbook")
    if names & {"encryptioninfo", "encryptedpackage"}:
        return UnreadableWorkbook("encrypted")
    if names & {"workbook", "book"}:
        return UnreadableWorkbook("legacy_xls")
    if not names:
        return UnreadableWorkbook("corrupt", "OLE 复合文档（.xls 等）不完整或已损坏，读不出其中的内容")
    return UnreadableWorkbook("not_workbook", "OLE 复合文档，但不是 Excel 工作簿")


# --- zip checks --------------------------------------------------------------------

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
_DECL = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CALAMINE_PARTS = ("sharedStrings.xml", "styles.xml", "workbook.xml", ".rels", "[Content_Types].xml")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_WB_RELS = "xl/_rels/workbook.xml.rels"


def _check_members(zf: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise UnreadableWorkbook("too_large", f"压缩包内有 {len(infos)} 个文件")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):  # never in a real workbook: a reader might take the copy the checks never saw
        twice = sorted({n for n in names if names.count(n) > 1})
        raise UnreadableWorkbook("corrupt", f"压缩包内有重名的部件（{'、'.join(twice[:5])}）")
    total = 0
    for info in infos:
        size, packed = info.file_size, max(info.compress_size, 1)
        if size >= limits.ratio_floor_bytes and size / packed > limits.max_ratio:
            raise UnreadableWorkbook("zip_bomb", f"{info.filename} 压缩比 {size / packed:.0f}:1，解压后 {size // 1024 // 1024} MB")
        total += size
    for info in infos:
        if info.file_size > limits.max_member_bytes:
            raise UnreadableWorkbook("too_large", f"{info.filename} 解压后 {info.file_size // 1024 // 1024} MB")
    if total > limits.max_total_bytes:
        raise UnreadableWorkbook("too_large", f"解压后共 {total // 1024 // 1024} MB")
    return infos


def _read_head(zf: zipfile.ZipFile, name: str, n: int = 4096) -> bytes:
    with zf.open(name) as fh:
        return fh.read(n)


# workbook.xml + workbook.xml.rels (their exact bytes) -> _sheet_parts' answer: the files of
# one template carry the same two parts, parsed once
_SHEET_PARTS: dict[tuple[bytes, bytes | None], tuple[dict[str, str], dict[str, bool]]] = {}


def _sheet_parts(zf: zipfile.ZipFile, parts_read: dict[str, bytes] | None = None) -> tuple[dict[str, str], dict[str, bool]]:
    """Sheet name -> worksheet part path; sheet name -> hidden, from workbook.xml and its rels
    (`parts_read`: members already read, by name, so that none is decompressed twice)."""
    got = parts_read or {}
    wb_xml = got["xl/workbook.xml"] if "xl/workbook.xml" in got else zf.read("xl/workbook.xml")
    try:
        rels_xml = got[_WB_RELS] if _WB_RELS in got else zf.read(_WB_RELS)
    except KeyError:
        rels_xml = None
    key = (wb_xml, rels_xml)
    hit = _SHEET_PARTS.get(key)
    if hit is not None:  # the same bytes parsed before: the same answer (copies: callers may change them)
        return dict(hit[0]), dict(hit[1])
    wb = SafeET.fromstring(wb_xml)
    rels = SafeET.fromstring(rels_xml) if rels_xml is not None else None
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            targets[rel.get("Id", "")] = path
    parts, hidden = {}, {}
    for sh in wb.iter(f"{_NS_MAIN}sheet"):
        name = sh.get("name", "")
        rid = sh.get(f"{_NS_REL}id", "")
        if rid in targets:
            parts[name] = targets[rid]
        hidden[name] = sh.get("state", "visible") != "visible"
    if len(wb_xml) + len(rels_xml or b"") <= 16384:
        if len(_SHEET_PARTS) >= 256:
            _SHEET_PARTS.clear()
        _SHEET_PARTS[key] = (dict(parts), dict(hidden))
    return parts, hidden


_FORMULA_HINT = re.compile(rb"<(?:\w+:)?f[\s>/]")
_EXTERNAL = (
    ("DDE", re.compile(r"[A-Za-z0-9_.]+\|")),  # cmd|' /C calc'!A0, =DDE-style links
    ("外部链接", re.compile(r"\[\d+\]|\[[^\]]*\.(?:xl[a-z]*|et|csv)\]|'?(?:[A-Za-z]:\\|\\\\|https?://|file:)", re.IGNORECASE)),
    ("外部调用", re.compile(r"\b(?:WEBSERVICE|FILTERXML|RTD|CALL|REGISTER\.ID|EXEC|IMAGE|DDE|DDELINK)\s*\(", re.IGNORECASE)),
)
_LITERAL = re.compile(r'"(?:[^"]|"")*"')
_HYPERLINK = re.compile(r"\bHYPERLINK\s*\(\s*(\"?)([^,)]*)", re.IGNORECASE)


def external_kind(formula: str) -> str | None:
    """Why a formula reaches outside the workbook (DDE, a link to another file, a web call, a
    hyperlink that does not point into the workbook itself), or None."""
    text = formula or ""
    bare = _LITERAL.sub('""', text)  # string literals may hold any character
    for kind, pattern in _EXTERNAL:
        if pattern.search(bare):
            return kind
    for m in _HYPERLINK.finditer(text):
        quoted, target = m.group(1), m.group(2).strip()
        if not (quoted and target.startswith("#")):
            return "超链接"
    return None


def _scan_formulas(xml: bytes, sheet: str) -> tuple[dict[tuple[int, int], object], list[FormulaCell]]:
    """Markers for the grid (formulas without a cached value, error values) and every formula."""
    out: dict[tuple[int, int], object] = {}
    formulas: list[FormulaCell] = []
    # (a formula tag is "<f" or "<prefix:f": without either string the hint cannot match)
    if not ((b"<f" in xml or b":f" in xml) and _FORMULA_HINT.search(xml)) and b't="e"' not in xml:
        return out, formulas
    shared: dict[str, str] = {}
    for _event, el in iterparse(io.BytesIO(xml), events=("end",)):
        tag = el.tag.rsplit("}", 1)[-1]
        if tag != "c":
            continue
        ref = el.get("r")
        f_el = v_el = None
        for child in el:
            t = child.tag.rsplit("}", 1)[-1]
            if t == "f":
                f_el = child
            elif t == "v":
                v_el = child
        if ref:
            pos = parse_address(ref)
            cached = v_el is not None and (v_el.text or "") != ""
            if el.get("t") == "e" and cached:
                out[pos] = ErrorValue(v_el.text.strip())
            if f_el is not None:
                text = f_el.text or ""
                si = f_el.get("si")
                if f_el.get("t") == "shared" and si is not None:
                    text = shared.setdefault(si, text) if text else shared.get(si, "")
                if not cached and (el.get("t") != "str" or v_el is None):
                    out[pos] = UncachedFormula(text)
                if len(formulas) < 100000:
                    formulas.append(FormulaCell(sheet, ref.upper(), text, cached, external_kind(text)))
        el.clear()
    return out, formulas


_TAG = re.compile(rb"<(/?)(?:\w+:)?(row|c)\b([^>]*?)(/?)>")
_R_ATTR = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]*)\$?(\d*)[\"']")


_ANY_R = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]*)\$?(\d+)[\"']")
# _ANY_R over the XML with every whitespace byte (what \s matches in a bytes pattern: space, \t,
# \n, \r, \v, \f) made a space: the same matches at the same places with the same groups (no
# other part of the pattern matches whitespace), found faster (the pattern starts with " r")
_SPACES = bytes(32 if b in b" \t\n\r\x0b\x0c" else b for b in range(256))
_ANY_R_SPACED = re.compile(rb" r *= *[\"']\$?([A-Za-z]*)\$?(\d+)[\"']")
# every "<c " "<c>" "<c/>" "<row " "<row>" "<row/>" (a row or cell tag); its group is " " where
# the tag starts with its position ('<c r="', '<row r="'), else empty.  One pass counts both as
# bytes.count would count each string: no two of them can stand at one "<" and none holds
# another "<", so no occurrence is skipped; the groups are one-byte (shared) objects.
_ROW_OR_CELL = re.compile(rb'<(?:c|row)(?:( )r="|[ >]|/>)')


_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_FAST_EXTENT_BYTES = 4 * 1024 * 1024


def _used_extent(xml: bytes) -> tuple[int, int]:
    """(last row, last column), 1-based, of every cell the sheet XML places, with or without
    ``r`` attributes (OOXML allows both; calamine allocates the whole rectangle)."""
    if len(xml) <= _FAST_EXTENT_BYTES:  # a form: the same answers, in fewer passes over the XML
        refs = _ANY_R_SPACED.findall(xml.translate(_SPACES))  # = _ANY_R.findall(xml)
        found = _ROW_OR_CELL.findall(xml)
        tags = len(found)  # = the occurrences of each of the six tags, counted one by one
        leading = found.count(b" ")  # = the occurrences of '<c r="' and of '<row r="'
        del found
    else:  # a large sheet: no copy of it, no list of its tags
        refs = _ANY_R.findall(xml)
        tags = sum(xml.count(t) for t in (b"<c ", b"<c>", b"<c/>", b"<row ", b"<row>", b"<row/>"))
        leading = xml.count(b'<c r="') + xml.count(b'<row r="')
    if len(refs) == tags == leading:
        # every row and cell starts with its position and no other r= stands anywhere: the
        # common case (Excel, WPS, openpyxl), read in C

        last_row = max(map(int, set(map(_SECOND, refs))), default=0)
        letters = {c.upper() for c in set(map(_FIRST, refs)) if c}  # each spelling once
        longest = max(map(len, letters), default=0)
        last_col = col_index(max(c for c in letters if len(c) == longest).decode()) + 1 if letters else 0
        return last_row, last_col
    # some rows or cells carry no r, or use a namespace prefix: follow the positions one by one
    last_row = last_col = row = col = 0
    for m in _TAG.finditer(xml):
        closing, tag, attrs, _selfclosing = m.groups()
        if closing:
            continue
        r = _R_ATTR.search(attrs)
        if tag == b"row":
            row = int(r.group(2)) if r and r.group(2) else row + 1
            col = 0
            last_row = max(last_row, row)
        else:
            if r and r.group(1):
                col = col_index(r.group(1).upper().decode()) + 1
                if r.group(2):
                    last_row = max(last_row, int(r.group(2)))
            else:
                col += 1
            last_col = max(last_col, col)
    return last_row, last_col


def _dimension(head: bytes) -> tuple[int, int] | None:
    m = _DIMENSION.search(head)
    if not m:
        return None
    last_col = m.group(3) or m.group(1)
    last_row = m.group(4) or m.group(2)
    if not last_col or not last_row:
        return None
    return int(last_row), col_index(last_col.decode()) + 1


_SST_COUNT = re.compile(rb"<(?:\w+:)?sst\b[^>]*>")
_COUNT_ATTR = re.compile(rb"\b(count|uniqueCount)\s*=\s*[\"'](\d+)[\"']")
_SI_TAG = re.compile(rb"<(?:\w+:)?si[\s/>]")


def _check_shared_strings(xml: bytes, limits: Limits) -> None:
    """calamine reserves memory for the declared count of shared strings before reading them."""
    head = _SST_COUNT.search(xml[:65536])
    if not head:
        return
    declared = {k.decode(): int(v) for k, v in _COUNT_ATTR.findall(head.group(0))}
    unique = declared.get("uniqueCount", 0)
    if unique > limits.max_cells or unique > len(_SI_TAG.findall(xml)) + 1000 or declared.get("count", 0) > 50 * limits.max_cells:
        raise UnreadableWorkbook("too_large", f"共享字符串表声明 {unique} 项，与实际内容不符或超出上限")


def _check_extent(where: str, rows: int, cols: int, limits: Limits) -> None:
    if rows > limits.max_rows or cols > limits.max_cols or rows * cols > limits.max_cells:
        raise UnreadableWorkbook(
            "too_large", f"{where} 用到第 {rows} 行、第 {cols} 列（上限 {limits.max_rows} 行 × {limits.max_cols} 列）"
        )


def _grid(values: list[list], start: tuple[int, int]) -> list[list]:
    """Calamine's rows start at the used range's top-left; shift them to A1."""
    r0, c0 = start
    if c0:
        values = [[""] * c0 + list(row) for row in values]
    else:
        values = [list(row) for row in values]
    return [[] for _ in range(r0)] + values


def load_bytes(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a regular file of at most ``limits.max_file_bytes``, read once.

    Devices, FIFOs, sockets and folders are refused by type before anything is read (a FIFO
    swapped in after the check cannot block: the file is opened non-blocking and checked
    again on the open descriptor); a file that grows past the limit while being read is
    refused too.  Raises :class:`UnreadableWorkbook`.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise UnreadableWorkbook("missing", exc.strerror or type(exc).__name__) from None
    _require_regular(st)
    if st.st_size > limits.max_file_bytes:
        raise UnreadableWorkbook("too_large", f"文件 {st.st_size / 1048576:.1f} MB（上限 {limits.max_file_bytes / 1048576:.0f} MB）")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise UnreadableWorkbook("missing", exc.strerror or type(exc).__name__) from None
    try:
        _require_regular(os.fstat(fd))
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > limits.max_file_bytes:
                raise UnreadableWorkbook("too_large", f"文件超过 {limits.max_file_bytes / 1048576:.0f} MB")
            chunks.append(chunk)
    except OSError as exc:
        raise UnreadableWorkbook("missing", exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _require_regular(st: os.stat_result) -> None:
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return
    kind = (
        "文件夹" if stat.S_ISDIR(mode) else "管道（FIFO）" if stat.S_ISFIFO(mode) else "设备文件" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "套接字" if stat.S_ISSOCK(mode) else "特殊文件"
    )
    raise UnreadableWorkbook("not_regular", f"{kind}不是工作簿文件")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS, *, legacy: bool = True) -> RawWorkbook:
    """The visible and hidden sheets' values of an .xlsx/.xlsm, .xls, .ods or .csv, or
    UnreadableWorkbook.  The file is read once; every limit is checked on the bytes before a
    parser allocates anything.  (`legacy` is kept for old callers: every format is read
    everywhere, the same way.)"""
    return read_workbook_bytes(load_bytes(path, limits), str(path), limits)


CSV_SUFFIXES = (".csv",)


def read_workbook_bytes(data: bytes, name: str = "", limits: Limits = DEFAULT_LIMITS, *, legacy: bool = True) -> RawWorkbook:
    """As :func:`read_workbook`, from bytes already in memory (`name` tells a .csv apart)."""
    if len(data) > limits.max_file_bytes:
        raise UnreadableWorkbook("too_large", f"文件 {len(data) // 1024 // 1024} MB")
    digest = sha256_of(data)
    if data[:8] == OLE_MAGIC:
        refusal = _sniff_ole(data)
        if refusal.reason != "legacy_xls":
            raise refusal
        formulas, links = _check_biff(data, limits)
        macros = any(n.lower() in ("_vba_project_cur", "vba") for n in cfb_stream_names(data))
        raw = RawWorkbook(name, [], macros, digest, formulas, links)
        return _calamine_sheets(data, raw, {}, limits, xls=True)
    if not data:
        raise UnreadableWorkbook("not_workbook", "空文件")
    if data[:4] not in (ZIP_MAGIC, EMPTY_ZIP_MAGIC):
        if Path(name).suffix.lower() in CSV_SUFFIXES:
            return _read_csv(data, name, digest, limits)
        raise UnreadableWorkbook("not_workbook", "文件内容不是 .xlsx/.xls/.ods 工作簿（可能是改了扩展名的其他文件）")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableWorkbook("corrupt", f"压缩包无法打开（{exc}）") from None
    with zf:
        try:
            raw, special, merges = _check_package(zf, name, digest, limits, data)
        except UnreadableWorkbook:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, OSError) as exc:
            raise UnreadableWorkbook("corrupt", str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - defusedxml refusals, ParseError, zlib errors
            kind = type(exc).__name__
            if "Entities" in kind or "DTD" in kind:
                raise UnreadableWorkbook("xml_entities", kind) from None
            raise UnreadableWorkbook("corrupt", f"{kind}: {exc}") from None
    return _calamine_sheets(data, raw, special, limits, merges=merges)


_READ_AGAIN = frozenset({"xl/workbook.xml", _WB_RELS, "xl/sharedStrings.xml"})
_ZIP_LOCAL = struct.Struct("<4s22xHH")  # a local file header: signature ... name length, extra length
# Members met before, checked clean: what zipfile.read returns for a member is decided by its
# entry in the central directory (name, method, flags, CRC, sizes) and the bytes it reads (the
# local header, name, extra field and the stored data), all of them the key; so a member of one
# file equal in all of these to one already read and scanned (the theme, styles, docProps and
# rels a template carries into every copy) has the same content, already found free of
# DOCTYPE/ENTITY, and is neither decompressed nor scanned again.  Worksheets, shared strings
# and content.xml (the data, different in every file) are not kept.
_MEMBERS: dict[tuple, bytes] = {}
_MEMBERS_BYTES = 0
MEMBER_CACHE_BYTES = 4 * 1024 * 1024  # uncompressed bytes kept at most (then it starts again)
_MEMBER_CACHE_ONE = 256 * 1024  # a larger member is not kept


def _member_key(data: bytes, info: zipfile.ZipInfo) -> tuple | None:
    """Everything `zf.read(info.filename)` depends on (`data`: the bytes the zip was opened
    from), or None when the stored bytes are not where the directory says (zipfile then reports
    the damage as before)."""
    off = info.header_offset
    if off < 0 or off + _ZIP_LOCAL.size > len(data):
        return None
    sig, n_name, n_extra = _ZIP_LOCAL.unpack_from(data, off)
    end = off + _ZIP_LOCAL.size + n_name + n_extra + info.compress_size
    if sig != b"PK\x03\x04" or end > len(data):
        return None
    # where a zipfile checks that members do not overlap, the answer depends on where the next one starts
    bounds = (off, info._end_offset) if getattr(info, "_end_offset", None) is not None else None
    return (info.orig_filename, info.compress_type, info.flag_bits, info.CRC, info.file_size, info.compress_size, bounds, data[off:end])


def _read_scanned(zf: zipfile.ZipFile, part: str, data: bytes | None) -> bytes:
    """`zf.read(part)`, refused when it declares a DTD or entities; a member identical to one
    read and found clean before (see _MEMBERS) is taken from there."""
    global _MEMBERS_BYTES
    info = zf.getinfo(part)  # the entry zf.read(part) reads (the last of that name)
    keep = info.file_size <= _MEMBER_CACHE_ONE and not (
        part.startswith("xl/worksheets/") or part in ("xl/sharedStrings.xml", "content.xml")
    )
    key = _member_key(data, info) if keep and data is not None else None
    if key is not None:
        hit = _MEMBERS.get(key)
        if hit is not None:
            return hit
    content = zf.read(part)
    if b"<!" in content and _DECL.search(content):  # the declaration starts with "<!" (no case to fold)
        raise UnreadableWorkbook("xml_entities", part)
    if key is not None:
        if _MEMBERS_BYTES + len(content) > MEMBER_CACHE_BYTES:
            _MEMBERS.clear()
            _MEMBERS_BYTES = 0
        _MEMBERS[key] = content
        _MEMBERS_BYTES += len(content)
    return content


def _check_package(
    zf: zipfile.ZipFile, name: str, digest: str, limits: Limits, data: bytes | None = None
) -> tuple[RawWorkbook, dict, dict]:
    """Every check of an OOXML or ODS package before calamine sees it: the workbook (without
    values yet), markers per sheet and (ODS) merged ranges per sheet.  `data`: the bytes `zf`
    was opened from (members met before in other files are then not read again)."""
    infos = _check_members(zf, limits)
    names = {i.filename for i in infos}
    # no XML part may declare a DTD or entities (billion laughs), wherever the declaration stands
    xml_parts: dict[str, bytes] = {}
    kept: dict[str, bytes] = {}  # parts read again below (workbook, rels, shared strings): read once
    for info in infos:
        part = info.filename
        if part.lower().endswith((".xml", ".rels", ".vml")):
            content = _read_scanned(zf, part, data)
            if part.startswith("xl/worksheets/") and part.endswith(".xml") or part == "content.xml":
                xml_parts[part] = content
            elif part in _READ_AGAIN:
                kept[part] = content
    if "xl/workbook.xml" not in names:
        if "content.xml" in names and b"opendocument.spreadsheet" in (zf.read("mimetype")[:100] if "mimetype" in names else b""):
            formulas, special, merges, links = _check_ods(xml_parts["content.xml"], limits)
            macros = any(n.lower().startswith("basic/") and not n.endswith("/") for n in names)
            return RawWorkbook(name, [], macros, digest, formulas, links), special, merges
        if "xl/workbook.bin" in names:
            raise UnreadableWorkbook("not_workbook", "不支持 .xlsb 二进制工作簿，请另存为 .xlsx")
        raise UnreadableWorkbook("not_workbook", "压缩包中没有 xl/workbook.xml")
    if "xl/sharedStrings.xml" in names:
        sst = kept.pop("xl/sharedStrings.xml", None)  # not held while the sheets are scanned
        _check_shared_strings(sst if sst is not None else zf.read("xl/sharedStrings.xml"), limits)
        del sst
    parts, _hidden = _sheet_parts(zf, kept)
    sheet_of = {part: sheet for sheet, part in parts.items()}
    special: dict[str, dict] = {}
    formulas: list[FormulaCell] = []
    for part, xml in sorted(xml_parts.items()):
        if part == "content.xml":
            continue
        where = f"工作表「{sheet_of.get(part, part)}」"
        dim = _dimension(xml[:4096])
        if dim:
            _check_extent(where, dim[0], dim[1], limits)
        _check_extent(where, *_used_extent(xml), limits)
        marks, found = _scan_formulas(xml, sheet_of.get(part, part))
        if marks and part in sheet_of:
            special[sheet_of[part]] = marks
        formulas += found
    external_links = sorted(n for n in names if n.lower().startswith("xl/externallinks/") and n.lower().endswith(".xml"))
    has_macros = any(n.lower().endswith("vbaproject.bin") for n in names)
    return RawWorkbook(name, [], has_macros, digest, formulas, external_links), special, {}


def _calamine_sheets(
    data: bytes, raw: RawWorkbook, special: dict, limits: Limits, *, merges: dict | None = None, xls: bool = False
) -> RawWorkbook:
    """The sheets' values, read by calamine from bytes that passed every check.  `merges`:
    merged ranges per sheet where calamine gives none (ODS); `xls`: a BIFF file calamine cannot
    read is reported as such (reason legacy_xls)."""
    broken = "legacy_xls" if xls else "corrupt"
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise UnreadableWorkbook("encrypted") from None
    except Exception as exc:  # noqa: BLE001 - CalamineError, ZipError, XmlError ...
        raise UnreadableWorkbook(broken, f"{type(exc).__name__}: {exc}") from None
    try:
        for meta in wb.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sh = wb.get_sheet_by_name(meta.name)
            if sh.height > limits.max_rows or sh.width > limits.max_cols:
                raise UnreadableWorkbook("too_large", f"工作表「{meta.name}」有 {sh.height} 行 × {sh.width} 列")
            rows = _grid(sh.to_python(skip_empty_area=True), sh.start or (0, 0)) if sh.height else []
            for (r, c), marker in special.get(meta.name, {}).items():
                while len(rows) <= r:
                    rows.append([])
                row = rows[r]
                if len(row) <= c:
                    row.extend([""] * (c + 1 - len(row)))
                if row[c] in ("", None) or isinstance(marker, ErrorValue):
                    row[c] = marker
            spans = sh.merged_cell_ranges
            if spans is None:
                spans = (merges or {}).get(meta.name, [])
            if len(spans) > limits.max_merged:
                raise UnreadableWorkbook("too_large", f"工作表「{meta.name}」有 {len(spans)} 个合并区域")
            # a merge reaching past the limits is cut there (nothing can stand beyond them)
            merged = [
                (a[0], a[1], min(b[0], limits.max_rows - 1), min(b[1], limits.max_cols - 1))
                for a, b in spans
                if a[0] < limits.max_rows and a[1] < limits.max_cols
            ]
            is_hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            raw.sheets.append(RawSheet(meta.name, rows, is_hidden, merged))
    except UnreadableWorkbook:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever calamine raises, the file is unreadable
        raise UnreadableWorkbook(broken, f"{type(exc).__name__}: {exc}") from None
    finally:
        wb.close()
    if xls and not raw.sheets:
        raise UnreadableWorkbook("legacy_xls", "没有可读取的工作表")
    return raw


# --- legacy .xls (BIFF8 in an OLE compound file) and .ods --------------------------------------

_BIFF_CELLS = frozenset({0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6, 0x0406})
_BIFF_MULTI = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: row, first col, ..., last col


def _biff_text(body: bytes, at: int, cch: int) -> str:
    """An XLUnicodeString's characters (its flags byte at `at`), best effort."""
    if at >= len(body):
        return ""
    wide = body[at] & 1
    raw = body[at + 1 : at + 1 + cch * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def _supbook_link(body: bytes) -> str | None:
    """What a SUPBOOK record links to outside the workbook (None: the workbook itself or add-in functions)."""
    if len(body) < 4:
        return None
    ctab, cch = struct.unpack_from("<HH", body, 0)
    if cch in (0x0401, 0x3A01):  # this workbook's own sheets; add-in functions
        return None
    path = _biff_text(body, 4, cch)
    shown = re.sub(r"[\x00-\x1f]", lambda m: "|" if m.group(0) == "\x03" else "/", path).strip("/|") or "?"
    return f"{'DDE/OLE 链接' if ctab == 0 else '引用其他工作簿'}：{shown}"


def _check_biff(data: bytes, limits: Limits) -> tuple[list[FormulaCell], list[str]]:
    """Every cell position, DIMENSIONS and the SST's declared count of an .xls, before calamine;
    a FILEPASS record (an open password) is refused.  Returns the formula cells (their text is
    not decompiled: values are read as cached) and the links to outside (SUPBOOK records
    naming another file or a DDE/OLE source)."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream_name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if stream_name is None:
                raise UnreadableWorkbook("not_workbook", "OLE 复合文档中没有工作簿数据")
            if ole.get_size(stream_name) > limits.max_total_bytes:
                raise UnreadableWorkbook("too_large", "工作簿数据流过大")
            stream = ole.openstream(stream_name).read()
    except UnreadableWorkbook:
        raise
    except Exception as exc:  # noqa: BLE001 - olefile's errors on damaged compound files
        raise UnreadableWorkbook("corrupt", f"{type(exc).__name__}: {exc}") from None
    pos, n = 0, len(stream)
    last_row = last_col = 0
    unpack = struct.unpack_from
    sheet_at: dict[int, str] = {}  # BOF offset of each sheet's substream -> its name (BOUNDSHEET)
    sheet = ""
    formulas: list[FormulaCell] = []
    links: list[str] = []
    while pos + 4 <= n:
        rtype, rlen = unpack("<HH", stream, pos)
        body = pos + 4
        if body + rlen > n:
            break
        if pos in sheet_at:
            sheet = sheet_at[pos]
        if rtype in _BIFF_CELLS and rlen >= 4:
            row, col = unpack("<HH", stream, body)
            last_row, last_col = max(last_row, row + 1), max(last_col, col + 1)
            if rtype == 0x0006 and len(formulas) < 100000:
                formulas.append(FormulaCell(sheet, address(row, col), "（.xls 公式，未解析）", True))
        elif rtype in _BIFF_MULTI and rlen >= 6:
            row = unpack("<H", stream, body)[0]
            col = unpack("<H", stream, body + rlen - 2)[0]
            last_row, last_col = max(last_row, row + 1), max(last_col, col + 1)
        elif rtype == 0x0200 and rlen >= 14:  # DIMENSIONS (BIFF8): first row, last row + 1, first col, last col + 1
            _r0, r1, _c0, c1 = unpack("<IIHH", stream, body)
            last_row, last_col = max(last_row, r1), max(last_col, c1)
        elif rtype == 0x00FC and rlen >= 8:  # SST: total and unique string counts
            _total, unique = unpack("<II", stream, body)
            if unique > limits.max_cells or unique > n // 3:
                raise UnreadableWorkbook("too_large", f"共享字符串表声明 {unique} 项，与实际内容不符或超出上限")
        elif rtype == 0x002F:  # FILEPASS: the workbook is encrypted with a password
            raise UnreadableWorkbook("encrypted")
        elif rtype == 0x0085 and rlen >= 8:  # BOUNDSHEET: substream offset, state, type, name
            at = unpack("<I", stream, body)[0]
            sheet_at[at] = _biff_text(stream[body : body + rlen], 7, stream[body + 6])
        elif rtype == 0x01AE and len(links) < 100:  # SUPBOOK
            link = _supbook_link(stream[body : body + rlen])
            if link:
                links.append(link)
        pos = body + rlen
    _check_extent("工作表", last_row, last_col, limits)
    return formulas, links


_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_ODS_REPEAT = re.compile(rb"table:number-(?:rows|columns)-repeated\s*=\s*[\"'](\d+)[\"']")
_ODS_ATTR = re.compile(rb"table:(name|formula|number-columns-spanned|number-rows-spanned)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ODS_LINKS = re.compile(rb"<table:(dde-source|dde-link|table-source|cell-range-source)\b")


def _check_ods(xml: bytes, limits: Limits) -> tuple[list[FormulaCell], dict, dict, list[str]]:
    """The last row and column holding something in any table of an .ods content.xml
    (repeated rows and cells count as often as they repeat), checked against the limits.
    Returns the formulas (with their text, so DDE and links to other files are found), markers
    for formulas saved without a value, merged ranges per table and links to outside."""
    from html import unescape

    row = col = 0
    last_row = last_col = 0
    row_repeat = 1
    table = ""
    formulas: list[FormulaCell] = []
    special: dict[str, dict] = {}
    merges: dict[str, list] = {}
    for m in _ODS_TAG.finditer(xml):
        closing, tag, attrs, selfclosing = m.groups()
        if tag == b"table":
            row = 0
            if not closing:
                named = {k: (a or b) for k, a, b in _ODS_ATTR.findall(attrs)}
                table = unescape(named.get(b"name", b"").decode("utf-8", "replace"))
            continue
        if closing:
            if tag == b"table-row":
                row += row_repeat
            continue
        rep = _ODS_REPEAT.search(attrs)
        k = int(rep.group(1)) if rep else 1
        if tag == b"table-row":
            row_repeat, col = k, 0
            if selfclosing:
                row += k
            continue
        has_content = not selfclosing or b"value-type" in attrs or b"formula" in attrs
        first_col = col
        col += k
        if has_content:
            last_col = max(last_col, col)
            last_row = max(last_row, row + row_repeat)
        if tag == b"table-cell" and b"table:" in attrs and (b"formula" in attrs or b"spanned" in attrs):
            named = {key: (a or b) for key, a, b in _ODS_ATTR.findall(attrs)}
            ref = address(row, first_col)
            if b"formula" in named and len(formulas) < 100000:
                text = unescape(named[b"formula"].decode("utf-8", "replace"))
                text = re.sub(r"^[a-z]+:", "", text).removeprefix("=")
                cached = b"value-type" in attrs
                formulas.append(FormulaCell(table, ref, text, cached, external_kind(text)))
                if not cached and row < limits.max_rows and first_col < limits.max_cols:
                    special.setdefault(table, {})[(row, first_col)] = UncachedFormula(text)
            cs = int(named.get(b"number-columns-spanned", b"1") or 1)
            rs = int(named.get(b"number-rows-spanned", b"1") or 1)
            if (cs > 1 or rs > 1) and len(merges.setdefault(table, [])) <= limits.max_merged:
                merges[table].append(((row, first_col), (row + rs - 1, first_col + cs - 1)))
    _check_extent("工作表", last_row, last_col, limits)
    links = sorted({f"外部数据（{m.group(1).decode()}）" for m in _ODS_LINKS.finditer(xml)})
    return formulas, special, merges, links


# --- .csv ---------------------------------------------------------------------------------------

CSV_LINE_CHARS = 1 << 20  # one physical line longer than this is refused before it is split
_CSV_DELIMITERS = (",", "\t", ";", "|")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _csv_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GBK (as GB 18030, its superset)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 BOM before GBK text (editors that add one blindly): decoded below, never replaced
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    if b"\x00" in data[:65536]:
        raise UnreadableWorkbook("not_workbook", "扩展名为 .csv，但内容是二进制数据")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise UnreadableWorkbook("not_workbook", "CSV 文件的编码既不是 UTF-8 也不是 GBK") from None


def _csv_lines(text: str, cap: int = CSV_LINE_CHARS):
    """Physical lines (line ends kept, as the csv module wants), none longer than `cap`."""
    buf = io.StringIO(text, newline="")
    number = 0
    while line := buf.readline(cap + 1):
        number += 1
        if len(line) > cap:
            raise UnreadableWorkbook("too_large", f"CSV 第 {number} 行超过 {cap} 个字符")
        yield line


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits most of the first lines into more than one field, consistently
    (",", tab, ";" or "|"; "," when nothing splits)."""
    import csv
    from itertools import islice

    sample = list(islice(_csv_lines(text[:65536]), 50))
    best, best_score = ",", (0, 0)
    for d in _CSV_DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(sample, delimiter=d) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        multi = [w for w in widths if w > 1]
        if not multi:
            continue
        score = (len(multi), max(multi.count(w) for w in set(multi)))
        if score > best_score:
            best, best_score = d, score
    return best




def csv_sheet_name(name: str) -> str:
    """A .csv file's one sheet: named after the file, as Excel names it (31 characters, no []:*?/\\)."""
    stem = _SHEET_BAD.sub("_", Path(name).stem if name else "") or "Sheet1"
    return stem[:31]


def _read_csv(data: bytes, name: str, digest: str, limits: Limits) -> RawWorkbook:
    """A .csv as one sheet: rows, columns and cells counted while reading (a line longer than
    CSV_LINE_CHARS, a row wider than the columns limit, too many rows or cells: refused as soon
    as they are seen)."""
    import csv

    text = _csv_text(data)
    sheet = csv_sheet_name(name)
    rows: list[list] = []
    formulas: list[FormulaCell] = []
    width = 0
    delimiter = _sniff_delimiter(text)
    record: list[str] = []  # the physical lines of the record being read (an unclosed quote is found on the last one)

    def lines():
        for line in _csv_lines(text):
            record.append(line)
            yield line

    blank = 0  # empty rows not yet kept: trailing ones (an export's 10^6 empty lines) never count against the limits
    last: list[str] = []
    try:
        for r, fields in enumerate(csv.reader(lines(), delimiter=delimiter)):
            last, record[:] = record[:], []
            if len(fields) > limits.max_cols:
                _check_extent(f"工作表「{sheet}」", r + 1, len(fields), limits)
            while fields and not fields[-1].strip():
                fields.pop()
            if not fields:
                blank += 1
                continue
            if r >= limits.max_rows:
                _check_extent(f"工作表「{sheet}」", r + 1, len(fields), limits)
            rows.extend([] for _ in range(blank))
            blank = 0
            width = max(width, len(fields))
            if (r + 1) * width > limits.max_cells:
                _check_extent(f"工作表「{sheet}」", r + 1, width, limits)
            values = fields  # text, as written: numbers and dates are parsed where a field is read (as for text cells of an .xlsx)
            for c, v in enumerate(values):
                # a cell Excel would run as a formula when the .csv is opened
                if isinstance(v, str) and v[:1] in "=+-@" and len(formulas) < 100000:
                    kind = external_kind(v.lstrip("=+-@"))
                    if kind:
                        formulas.append(FormulaCell(sheet, address(r, c), v, True, kind))
            rows.append(values)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise UnreadableWorkbook("too_large", f"CSV 第 {len(rows) + blank + 1} 行起有一格超过 {csv.field_size_limit()} 个字符（或引号没有闭合）") from None
        raise UnreadableWorkbook("corrupt", f"CSV 无法解析：{exc}") from None
    try:  # a quote opened and never closed swallows the rest of the file into one cell: refused, not read
        for _ in csv.reader(last, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise UnreadableWorkbook("corrupt", f"CSV 第 {len(rows) + blank} 行的引号没有闭合（其后内容都会落进一格）") from None
    return RawWorkbook(name, [RawSheet(sheet, rows)], False, digest, formulas)
