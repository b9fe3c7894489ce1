"""How a citation reads in messages: seed file and line range."""

from __future__ import annotations

from subsidykit.catalog.records import Source


def cite(src: Source | None) -> str:
    if src is None:
        return "（无出处）"
    a, b = src.lines
    lines = f"第{a}行" if a == b else f"第{a}-{b}行"
    return f"{src.file} {lines}"


def source_json(src: Source | None) -> dict | None:
    if src is None:
        return None
    return {"file": src.file, "lines": [src.lines[0], src.lines[1]], "text": src.text}
