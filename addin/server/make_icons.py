"""Writes static/images/icons/subsidykit-{16,32,64,80}.png: the add-in's own ribbon icon
(a blue tile with three white bars), drawn without any imaging library. Deterministic."""

import struct
import zlib
from pathlib import Path

BLUE, WHITE, CLEAR = (0x1F, 0x5F, 0xA8, 255), (255, 255, 255, 255), (0, 0, 0, 0)


def pixel(x: float, y: float) -> tuple[int, int, int, int]:
    """Colour at (x, y) in the unit square."""
    r = 0.18  # rounded corners
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return CLEAR
    for left, top in ((0.2, 0.55), (0.42, 0.38), (0.64, 0.22)):  # rising bars
        if left <= x <= left + 0.16 and top <= y <= 0.8:
            return WHITE
    return BLUE


def png(size: int) -> bytes:
    rows = b""
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            row.extend(pixel((i + 0.5) / size, (j + 0.5) / size))
        rows += bytes(row)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    head = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).parent / "static" / "images" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 64, 80):
        (out / f"subsidykit-{size}.png").write_bytes(png(size))
