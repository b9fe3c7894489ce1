"""A minimal writer of compound files (MS-CFB version 3, 512-byte sectors).

Streams shorter than 4096 bytes live in the mini stream (64-byte sectors, miniFAT);
the rest in regular sectors. Siblings are sorted the CFB way (shorter name first, then
upper-case comparison) and chained to the right, all black — the shape Excel itself
wrote in the reference vbaProject.bin. No timestamps, no CLSIDs: the output depends only
on the names and the bytes.
"""

from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


@dataclass
class Stream:
    name: str
    data: bytes


@dataclass
class Storage:
    name: str
    children: list = field(default_factory=list)

    def add_stream(self, name: str, data: bytes) -> None:
        self.children.append(Stream(name, data))


def name_key(name: str) -> tuple[int, str]:
    """CFB ordering (2.6.4): shorter names first, then by upper-cased UTF-16 code units."""
    return (len(name.encode("utf-16-le")), name.upper())


def _check_name(name: str) -> None:
    if not name or len(name) > 31 or any(c in name for c in "/\\:!"):
        raise ValueError(f"复合文件中的名称无效：{name!r}")


def write_compound_file(root: Storage) -> bytes:
    # 1. flatten the tree: entries[i] = (object, parent index); directory ids in this order
    entries: list[Storage | Stream] = []
    children_ids: dict[int, list[int]] = {}

    def visit(obj) -> int:
        sid = len(entries)
        entries.append(obj)
        if isinstance(obj, Storage):
            names = [c.name for c in obj.children]
            if len({n.upper() for n in names}) != len(names):
                raise ValueError(f"存储 {obj.name} 中有重名的项")
            ids = []
            for child in sorted(obj.children, key=lambda c: name_key(c.name)):
                _check_name(child.name)
                ids.append(visit(child))
            children_ids[sid] = ids
        return sid

    visit(root)

    # 2. payload layout: mini stream first, then big streams
    mini_stream = bytearray()
    minifat: list[int] = []
    placement: dict[int, tuple[int, int]] = {}  # sid -> (start sector / mini sector, size)
    big: list[tuple[int, bytes]] = []
    for sid, obj in enumerate(entries):
        if isinstance(obj, Stream):
            if len(obj.data) == 0:
                placement[sid] = (ENDOFCHAIN, 0)
            elif len(obj.data) < MINI_CUTOFF:
                first = len(minifat)
                n = -(-len(obj.data) // MINI_SECTOR)
                minifat += [first + i + 1 for i in range(n - 1)] + [ENDOFCHAIN]
                mini_stream += obj.data.ljust(n * MINI_SECTOR, b"\x00")
                placement[sid] = (first, len(obj.data))
            else:
                big.append((sid, obj.data))

    fat: list[int] = []

    def allocate(n: int) -> int:
        if n == 0:
            return ENDOFCHAIN
        first = len(fat)
        fat.extend(first + i + 1 for i in range(n - 1))
        fat.append(ENDOFCHAIN)
        return first

    body = bytearray()

    def put(data: bytes) -> int:
        n = -(-len(data) // SECTOR)
        start = allocate(n)
        body.extend(data.ljust(n * SECTOR, b"\x00"))
        return start

    mini_start = put(bytes(mini_stream)) if mini_stream else ENDOFCHAIN
    for sid, data in big:
        placement[sid] = (put(data), len(data))
    minifat_bytes = b"".join(struct.pack("<I", x) for x in minifat)
    minifat_bytes += b"\xff" * (-len(minifat_bytes) % SECTOR)
    minifat_start = put(minifat_bytes) if minifat else ENDOFCHAIN
    n_minifat = len(minifat_bytes) // SECTOR

    # 3. directory
    def entry(obj, sid: int, left: int, right: int, child: int) -> bytes:
        name = obj.name.encode("utf-16-le") + b"\x00\x00"
        kind = 5 if sid == 0 else (1 if isinstance(obj, Storage) else 2)
        if sid == 0:
            start, size = (mini_start, len(mini_stream))
        elif isinstance(obj, Storage):
            start, size = 0, 0
        else:
            start, size = placement[sid]
        return (
            name.ljust(64, b"\x00")
            + struct.pack("<HBB", len(name), kind, 1)  # colour 1: black
            + struct.pack("<III", left, right, child)
            + bytes(16)  # CLSID
            + struct.pack("<I", 0)  # state bits
            + bytes(16)  # creation and modification time: none
            + struct.pack("<IQ", start, size)
        )

    right_of: dict[int, int] = {}
    child_of: dict[int, int] = {}
    for sid, ids in children_ids.items():
        child_of[sid] = ids[0] if ids else NOSTREAM
        for a, b in itertools.pairwise(ids):
            right_of[a] = b
    directory = bytearray()
    for sid, obj in enumerate(entries):
        directory += entry(obj, sid, NOSTREAM, right_of.get(sid, NOSTREAM), child_of.get(sid, NOSTREAM))
    empty = bytes(64) + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + bytes(52)
    while len(directory) % SECTOR:
        directory += empty
    dir_start = put(bytes(directory))

    # 4. FAT: its own sectors are part of what it describes
    n_fat = 1
    while n_fat * (SECTOR // 4) < len(fat) + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("复合文件过大（需要 DIFAT），不支持")
    fat_start = len(fat)
    fat.extend([FATSECT] * n_fat)
    fat.extend([FREESECT] * (n_fat * (SECTOR // 4) - len(fat)))
    body += b"".join(struct.pack("<I", x) for x in fat)

    difat = [fat_start + i for i in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (
        SIGNATURE
        + bytes(16)
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, MINI_CUTOFF, minifat_start, n_minifat, ENDOFCHAIN, 0)
        + b"".join(struct.pack("<I", x) for x in difat)
    )
    assert len(header) == SECTOR
    return header + bytes(body)
