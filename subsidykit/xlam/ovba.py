"""MS-OVBA: the VBA project storage of an Office file, written from source text.

* the CompressedContainer of MS-OVBA 2.4.1 (`compress` / `decompress`);
* the data encryption of 2.4.3 used for the PROJECT stream's CMG / DPB / GC lines;
* the `dir` stream (2.3.4.2), the `PROJECT` text stream (2.3.1), `PROJECTwm` (2.3.3)
  and `_VBA_PROJECT` (2.3.4.1) without a performance cache, so Excel recompiles the
  project from the module sources on first load.

The record sequence of `dir` copies a project saved by Excel (xlwings'
quickstart_addin_ribbon.xlam). Everything is deterministic: no clock, no random seed.
"""

from __future__ import annotations

import struct
import uuid
from dataclasses import dataclass

CHUNK = 4096

# --- 2.4.1 compression ---------------------------------------------------------------------


def _copy_token_help(difference: int) -> tuple[int, int, int]:
    """(length_mask, offset_mask... as bit_count, maximum_length) of 2.4.1.3.19.1."""
    bit_count = 4
    while (1 << bit_count) < difference:
        bit_count += 1
    length_mask = 0xFFFF >> bit_count
    maximum_length = length_mask + 3
    return bit_count, length_mask, maximum_length


def _compress_chunk(data: bytes, start: int, end: int) -> bytes:
    out = bytearray()
    heads: dict[bytes, list[int]] = {}
    pos = start
    while pos < end:
        flag_index = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= end:
                break
            best_len, best_off = 0, 0
            if pos - start >= 1 and end - pos >= 3:
                bit_count, _, max_len = _copy_token_help(pos - start)
                limit = min(max_len, end - pos)
                for cand in reversed(heads.get(data[pos : pos + 3], ())[-256:]):
                    n = 3
                    while n < limit and data[cand + n] == data[pos + n]:
                        n += 1
                    if n > best_len:
                        best_len, best_off = n, pos - cand
                        if n == limit:
                            break
            if best_len >= 3:
                token = ((best_off - 1) << (16 - bit_count)) | (best_len - 3)
                out += struct.pack("<H", token)
                flags |= 1 << bit
                step = best_len
            else:
                out.append(data[pos])
                step = 1
            for p in range(pos, pos + step):
                if p + 3 <= end:
                    heads.setdefault(data[p : p + 3], []).append(p)
            pos += step
        out[flag_index] = flags
    return bytes(out)


def compress(data: bytes) -> bytes:
    """CompressedContainer (2.4.1.3.6): signature 0x01, then one chunk per 4096 bytes."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        end = min(start + CHUNK, len(data))
        body = _compress_chunk(data, start, end)
        if len(body) <= CHUNK:
            header = 0xB000 | (len(body) + 2 - 3)  # flag 1, signature 0b011, size - 3
            out += struct.pack("<H", header) + body
        else:  # 2.4.1.3.10: a raw chunk holds exactly 4096 bytes (the last one padded)
            out += struct.pack("<H", 0x3FFF) + data[start:end].ljust(CHUNK, b"\x00")
    return bytes(out)


class DecompressionError(ValueError):
    pass


def decompress(container: bytes) -> bytes:
    """Inverse of `compress` for any valid CompressedContainer (2.4.1.3.1)."""
    if not container or container[0] != 0x01:
        raise DecompressionError("压缩容器的签名字节不是 0x01")
    out = bytearray()
    pos = 1
    while pos < len(container):
        if pos + 2 > len(container):
            raise DecompressionError("压缩块头不完整")
        (header,) = struct.unpack_from("<H", container, pos)
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0b111 != 0b011:
            raise DecompressionError(f"压缩块头签名错误（位置 {pos}）")
        chunk_end = min(pos + size, len(container))
        pos += 2
        chunk_start_out = len(out)
        if not header & 0x8000:
            out += container[pos : pos + CHUNK]
            pos += CHUNK
            continue
        while pos < chunk_end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if not flags & (1 << bit):
                    out.append(container[pos])
                    pos += 1
                    continue
                if pos + 2 > chunk_end:
                    raise DecompressionError("复制标记不完整")
                (token,) = struct.unpack_from("<H", container, pos)
                pos += 2
                difference = len(out) - chunk_start_out
                if difference < 1:
                    raise DecompressionError("复制标记出现在块首")
                bit_count, length_mask, _ = _copy_token_help(difference)
                length = (token & length_mask) + 3
                offset = (token >> (16 - bit_count)) + 1
                if offset > difference:
                    raise DecompressionError("复制标记的偏移超出块首")
                src = len(out) - offset
                for i in range(length):
                    out.append(out[src + i])
        pos = chunk_end
    return bytes(out)


# --- 2.4.3 data encryption (CMG / DPB / GC) -----------------------------------------------


def encrypt(data: bytes, project_id: str, seed: int, ignored: bytes = b"") -> str:
    """Hex text of 2.4.3.2 with a fixed seed (determinism); `ignored` fills IgnoredEnc."""
    version = 2
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    out = bytearray([seed, seed ^ version, seed ^ proj_key])
    unencrypted_1, encrypted_1, encrypted_2 = proj_key, out[2], out[1]

    def put(byte: int) -> None:
        nonlocal unencrypted_1, encrypted_1, encrypted_2
        enc = byte ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        out.append(enc)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, enc, byte

    for byte in ignored.ljust((seed & 6) // 2, b"\x00")[: (seed & 6) // 2]:
        put(byte)
    for byte in struct.pack("<I", len(data)) + data:
        put(byte)
    return out.hex().upper()


def decrypt(text: str) -> tuple[bytes, int]:
    """(data, proj_key) of an encrypted CMG/DPB/GC value."""
    raw = bytes.fromhex(text)
    seed, version_enc, proj_key_enc = raw[0], raw[1], raw[2]
    if seed ^ version_enc != 2:
        raise ValueError("CMG/DPB/GC 版本字节错误")
    proj_key = seed ^ proj_key_enc
    unencrypted_1, encrypted_1, encrypted_2 = proj_key, proj_key_enc, version_enc
    plain = bytearray()
    for enc in raw[3:]:
        byte = enc ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        plain.append(byte)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, enc, byte
    ignored = (seed & 6) // 2
    body = plain[ignored:]
    (length,) = struct.unpack_from("<I", body)
    return bytes(body[4 : 4 + length]), proj_key


# --- modules ------------------------------------------------------------------------------

PROCEDURAL, CLASS, DOCUMENT = "module", "class", "document"

# VB_Base of Excel's document modules and of class modules, as Excel writes them
BASE_WORKBOOK = "0{00020819-0000-0000-C000-000000000046}"
BASE_WORKSHEET = "0{00020820-0000-0000-C000-000000000046}"
BASE_CLASS = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"


@dataclass(frozen=True)
class Module:
    name: str  # VBA module name (ASCII identifier), also its stream name
    kind: str  # PROCEDURAL, CLASS or DOCUMENT
    text: str  # source as stored in the stream (Attribute lines included), any line ends
    docstring: str = ""

    @property
    def crlf_text(self) -> str:
        return self.text.replace("\r\n", "\n").replace("\n", "\r\n")


def stream_source(name: str, kind: str, source: str, base: str = "") -> str:
    """Module text as Excel stores it, from an exported .bas/.cls text.

    A .bas keeps its text (it starts with ``Attribute VB_Name``). A .cls export starts with
    ``VERSION 1.0 CLASS`` / ``BEGIN`` … ``END`` and a few attributes; in the stream Excel
    drops that header and writes VB_Name, VB_Base, VB_GlobalNameSpace, VB_Creatable,
    VB_PredeclaredId, VB_Exposed, VB_TemplateDerived, VB_Customizable in this order,
    followed by any further module attributes (VB_Description, …).
    """
    lines = source.replace("\r\n", "\n").split("\n")
    if kind == PROCEDURAL:
        if not lines or not lines[0].startswith("Attribute VB_Name = "):
            raise ValueError(f"模块 {name} 的第一行须为 Attribute VB_Name = \"{name}\"")
        return "\n".join(lines)
    i = 0
    if lines and lines[0].startswith("VERSION "):
        i = 1
        if i < len(lines) and lines[i].strip() == "BEGIN":
            while i < len(lines) and lines[i].strip() != "END":
                i += 1
            i += 1
    given: dict[str, str] = {}
    order: list[str] = []
    while i < len(lines) and lines[i].startswith("Attribute "):
        key, _, value = lines[i][len("Attribute ") :].partition(" = ")
        given[key] = value
        order.append(key)
        i += 1
    document = kind == DOCUMENT
    fixed = {
        "VB_Name": f'"{name}"',
        "VB_Base": f'"{base or BASE_CLASS}"',
        "VB_GlobalNameSpace": "False",
        "VB_Creatable": "False",
        "VB_PredeclaredId": "True" if document else given.get("VB_PredeclaredId", "False"),
        "VB_Exposed": "True" if document else given.get("VB_Exposed", "False"),
        "VB_TemplateDerived": "False",
        "VB_Customizable": "True" if document else "False",
    }
    head = [f"Attribute {k} = {v}" for k, v in fixed.items()]
    head += [f"Attribute {k} = {given[k]}" for k in order if k not in fixed]
    return "\n".join(head + lines[i:])


# --- project streams ------------------------------------------------------------------------


def project_guid(name: str) -> str:
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"subsidykit-vba-project:{name}")).upper() + "}"


def _rec(rid: int, data: bytes) -> bytes:
    return struct.pack("<HI", rid, len(data)) + data


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


@dataclass(frozen=True)
class Reference:
    name: str
    libid: str  # *\G{GUID}#major.minor#lcid#path#description


STDOLE = Reference("stdole", r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\Windows\System32\stdole2.tlb#OLE Automation")
OFFICE = Reference(
    "Office",
    r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#C:\Program Files (x86)\Common Files\Microsoft Shared\OFFICE16\MSO.DLL#Microsoft Office 16.0 Object Library",
)


def dir_stream(
    project: str,
    modules: list[Module],
    *,
    codepage: int,
    lcid: int = 0x409,
    references: tuple[Reference, ...] = (STDOLE, OFFICE),
    version: tuple[int, int] = (1, 0),
    syskind: int = 1,
) -> bytes:
    """The decompressed `dir` stream (2.3.4.2), records in the order Excel writes them."""
    enc = f"cp{codepage}"
    out = bytearray()
    out += _rec(0x0001, struct.pack("<I", syskind))  # PROJECTSYSKIND (1 = 32-bit Windows)
    out += _rec(0x0002, struct.pack("<I", lcid))  # PROJECTLCID
    out += _rec(0x0014, struct.pack("<I", lcid))  # PROJECTLCIDINVOKE
    out += _rec(0x0003, struct.pack("<H", codepage))  # PROJECTCODEPAGE
    out += _rec(0x0004, project.encode(enc))  # PROJECTNAME
    out += _rec(0x0005, b"") + _rec(0x0040, b"")  # PROJECTDOCSTRING (+ Unicode)
    out += _rec(0x0006, b"") + _rec(0x003D, b"")  # PROJECTHELPFILEPATH (+ second path)
    out += _rec(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    out += _rec(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, version[0], version[1])  # PROJECTVERSION
    out += _rec(0x000C, b"") + _rec(0x003C, b"")  # PROJECTCONSTANTS (+ Unicode)
    for ref in references:
        out += _rec(0x0016, ref.name.encode(enc)) + _rec(0x003E, _utf16(ref.name))  # REFERENCENAME
        libid = ref.libid.encode(enc)
        body = struct.pack("<I", len(libid)) + libid + struct.pack("<IH", 0, 0)
        out += _rec(0x000D, body)  # REFERENCEREGISTERED
    out += _rec(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    out += _rec(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for m in modules:
        out += _rec(0x0019, m.name.encode(enc)) + _rec(0x0047, _utf16(m.name))  # MODULENAME(+UNICODE)
        out += _rec(0x001A, m.name.encode(enc)) + _rec(0x0032, _utf16(m.name))  # MODULESTREAMNAME
        out += _rec(0x001C, m.docstring.encode(enc)) + _rec(0x0048, _utf16(m.docstring))  # MODULEDOCSTRING
        out += _rec(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: no performance cache
        out += _rec(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        out += _rec(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        out += _rec(0x0021 if m.kind == PROCEDURAL else 0x0022, b"")  # MODULETYPE
        out += _rec(0x002B, b"")  # terminator
    out += _rec(0x0010, b"")  # dir terminator
    return bytes(out)


def parse_dir(data: bytes) -> list[tuple[int, bytes]]:
    """(record id, payload) pairs of a decompressed dir stream (PROJECTVERSION: 6 bytes)."""
    out = []
    pos = 0
    while pos < len(data):
        rid, size = struct.unpack_from("<HI", data, pos)
        if rid == 0x0009:
            size = 6
        out.append((rid, data[pos + 6 : pos + 6 + size]))
        pos += 6 + size
        if rid == 0x0010:
            break
    return out


def project_stream(project: str, modules: list[Module], *, codepage: int) -> bytes:
    """The PROJECT text stream (2.3.1) of an unprotected, visible project."""
    pid = project_guid(project)
    lines = [f'ID="{pid}"']
    for m in modules:
        if m.kind == DOCUMENT:
            lines.append(f"Document={m.name}/&H00000000")
        elif m.kind == CLASS:
            lines.append(f"Class={m.name}")
        else:
            lines.append(f"Module={m.name}")
    # Seeds fixed per line so that the file is reproducible (Excel draws them at random).
    cmg = encrypt(struct.pack("<I", 0), pid, seed=0x5D)  # ProjectProtectionState: none
    dpb = encrypt(b"\x00", pid, seed=0x5D)  # ProjectPassword: none
    gc = encrypt(b"\xff", pid, seed=0x5D)  # ProjectVisibilityState: visible
    lines += [
        f'Name="{project}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{cmg}"',
        f'DPB="{dpb}"',
        f'GC="{gc}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n").encode(f"cp{codepage}")


def projectwm_stream(modules: list[Module], *, codepage: int) -> bytes:
    out = bytearray()
    for m in modules:
        out += m.name.encode(f"cp{codepage}") + b"\x00" + _utf16(m.name) + b"\x00\x00"
    return bytes(out + b"\x00\x00")


# 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF (no cache: recompile), Reserved2 0x00,
# Reserved3 — 0x0001 as in the Excel-made reference file.
VBA_PROJECT_STREAM = b"\xcc\x61\xff\xff\x00\x01\x00"


def vba_project_bin(project: str, modules: list[Module], *, codepage: int = 936) -> bytes:
    """The compound file xl/vbaProject.bin."""
    from subsidykit.xlam.cfb import Storage, write_compound_file

    enc = f"cp{codepage}"
    vba = Storage("VBA")
    vba.add_stream("_VBA_PROJECT", VBA_PROJECT_STREAM)
    vba.add_stream("dir", compress(dir_stream(project, modules, codepage=codepage)))
    for m in modules:
        try:
            raw = m.crlf_text.encode(enc)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start : exc.end]
            raise ValueError(f"模块 {m.name} 含有代码页 {codepage} 无法表示的字符「{bad}」") from None
        vba.add_stream(m.name, compress(raw))
    root = Storage("Root Entry")
    root.children.append(vba)
    root.add_stream("PROJECT", project_stream(project, modules, codepage=codepage))
    root.add_stream("PROJECTwm", projectwm_stream(modules, codepage=codepage))
    return write_compound_file(root)
