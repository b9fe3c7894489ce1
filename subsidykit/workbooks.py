"""Opening a submitted workbook file safely and reading its cell values.

Files arrive from Excel, WPS and online converters: some broken, some encrypted, some
old .xls, some hostile.  Before anything parses a file we look at it from outside:

- the first bytes: an OLE compound file is either an encrypted workbook (streams
  ``EncryptionInfo``/``EncryptedPackage``) or a legacy .xls; anything not a zip is not a
  workbook;
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

import io
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import iterparse

import defusedxml.ElementTree as SafeET
import python_calamine

from .errors import SubsidyError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)

REASONS: dict[str, str] = {
    "missing": "文件不存在或无法打开",
    "corrupt": "文件已损坏（压缩包或内部 XML 无法解析）",
    "encrypted": "工作簿已加密（设有打开密码），请去除密码后重新提交",
    "legacy_xls": "旧版 .xls 格式，请在 Excel/WPS 中另存为 .xlsx 后重新提交",
    "zip_bomb": "压缩比异常（疑似压缩炸弹），已拒绝读取",
    "xml_entities": "内部 XML 含实体声明（DOCTYPE/ENTITY，疑似 XML 炸弹），已拒绝读取",
    "too_large": "文件或工作表过大，超出申报表的合理范围",
    "not_workbook": "不是 Excel 工作簿（.xlsx/.xlsm）",
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


DEFAULT_LIMITS = Limits()


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


@dataclass
class RawWorkbook:
    path: str
    sheets: list[RawSheet]
    has_macros: bool = False


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
    return UnreadableWorkbook("not_workbook", "OLE 复合文档，但不是 Excel 工作簿")


# --- zip checks --------------------------------------------------------------------

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
_DECL = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CALAMINE_PARTS = ("sharedStrings.xml", "styles.xml", "workbook.xml", ".rels", "[Content_Types].xml")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def col_index(letters: str) -> int:
    """'A' -> 0, 'AB' -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


@lru_cache(maxsize=4096)
def col_letters(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def address(row: int, col: int) -> str:
    """0-based row and column -> "B3"."""
    return f"{col_letters(col)}{row + 1}"


_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


def parse_address(ref: str) -> tuple[int, int]:
    m = _CELL_REF.match(ref.replace("$", "").upper())
    if not m:
        raise ValueError(ref)
    return int(m.group(2)) - 1, col_index(m.group(1))


def _check_members(zf: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise UnreadableWorkbook("too_large", f"压缩包内有 {len(infos)} 个文件")
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


def _sheet_parts(zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, bool]]:
    """Sheet name -> worksheet part path; sheet name -> hidden, from workbook.xml and its rels."""
    wb = SafeET.fromstring(zf.read("xl/workbook.xml"))
    try:
        rels = SafeET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        rels = None
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
    return parts, hidden


def _scan_special(xml: bytes) -> dict[tuple[int, int], object]:
    """Cells holding a formula without a cached value, or an error value."""
    out: dict[tuple[int, int], object] = {}
    if b"<f" not in xml and b't="e"' not in xml:
        return out
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
            elif f_el is not None and not cached and el.get("t") != "str" or f_el is not None and not cached and el.get("t") == "str" and v_el is None:
                out[pos] = UncachedFormula(f_el.text or "")
        el.clear()
    return out


def _dimension(head: bytes) -> tuple[int, int] | None:
    m = _DIMENSION.search(head)
    if not m:
        return None
    last_col = m.group(3) or m.group(1)
    last_row = m.group(4) or m.group(2)
    if not last_col or not last_row:
        return None
    return int(last_row), col_index(last_col.decode()) + 1


def _grid(values: list[list], start: tuple[int, int]) -> list[list]:
    """Calamine's rows start at the used range's top-left; shift them to A1."""
    r0, c0 = start
    if c0:
        values = [[""] * c0 + list(row) for row in values]
    else:
        values = [list(row) for row in values]
    return [[] for _ in range(r0)] + values


def read_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> RawWorkbook:
    """The visible and hidden sheets' values of an .xlsx/.xlsm, or UnreadableWorkbook."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            raise UnreadableWorkbook("too_large", f"文件 {size // 1024 // 1024} MB")
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableWorkbook("missing", exc.strerror or str(exc)) from None
    return read_workbook_bytes(data, str(path), limits)


def read_workbook_bytes(data: bytes, name: str = "", limits: Limits = DEFAULT_LIMITS) -> RawWorkbook:
    if len(data) > limits.max_file_bytes:
        raise UnreadableWorkbook("too_large", f"文件 {len(data) // 1024 // 1024} MB")
    if data[:8] == OLE_MAGIC:
        raise _sniff_ole(data)
    if not data:
        raise UnreadableWorkbook("not_workbook", "空文件")
    if data[:4] not in (ZIP_MAGIC, EMPTY_ZIP_MAGIC):
        raise UnreadableWorkbook("not_workbook", "文件内容不是 .xlsx 压缩包（可能是改了扩展名的其他文件）")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableWorkbook("corrupt", f"压缩包无法打开（{exc}）") from None
    with zf:
        try:
            infos = _check_members(zf, limits)
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                if "xl/workbook.bin" in names:
                    raise UnreadableWorkbook("not_workbook", "不支持 .xlsb 二进制工作簿，请另存为 .xlsx")
                raise UnreadableWorkbook("not_workbook", "压缩包中没有 xl/workbook.xml")
            # parts calamine parses with its own XML reader: no DTD may stand in them
            for info in infos:
                if info.filename.endswith(_CALAMINE_PARTS) and _DECL.search(_read_head(zf, info.filename)):
                    raise UnreadableWorkbook("xml_entities", info.filename)
            sheet_xml: dict[str, bytes] = {}
            for part in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
                dim = _dimension(_read_head(zf, part))
                if dim and (dim[0] > limits.max_rows or dim[1] > limits.max_cols):
                    raise UnreadableWorkbook(
                        "too_large", f"{part} 有 {dim[0]} 行 × {dim[1]} 列（上限 {limits.max_rows} 行 × {limits.max_cols} 列）"
                    )
                xml = zf.read(part)
                if _DECL.search(xml[:4096]):
                    raise UnreadableWorkbook("xml_entities", part)
                sheet_xml[part] = xml
            special: dict[str, dict] = {}
            marked = {part: found for part, xml in sheet_xml.items() if (found := _scan_special(xml))}
            if marked:  # which sheet is which part: only needed to place the markers
                parts, _hidden = _sheet_parts(zf)
                special = {sheet: marked[part] for sheet, part in parts.items() if part in marked}
            has_macros = any(n.lower().endswith("vbaproject.bin") for n in names)
        except UnreadableWorkbook:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, OSError) as exc:
            raise UnreadableWorkbook("corrupt", str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - defusedxml refusals, ParseError, zlib errors
            kind = type(exc).__name__
            if "Entities" in kind or "DTD" in kind:
                raise UnreadableWorkbook("xml_entities", kind) from None
            raise UnreadableWorkbook("corrupt", f"{kind}: {exc}") from None

    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise UnreadableWorkbook("encrypted") from None
    except Exception as exc:  # noqa: BLE001 - CalamineError, ZipError, XmlError ...
        raise UnreadableWorkbook("corrupt", f"{type(exc).__name__}: {exc}") from None
    sheets: list[RawSheet] = []
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
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            is_hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            sheets.append(RawSheet(meta.name, rows, is_hidden, merged))
    except UnreadableWorkbook:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever calamine raises, the file is unreadable
        raise UnreadableWorkbook("corrupt", f"{type(exc).__name__}: {exc}") from None
    finally:
        wb.close()
    return RawWorkbook(name, sheets, has_macros)
