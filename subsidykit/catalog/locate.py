"""python -m subsidykit.catalog.locate FILE TEXT [--near LINE]: the line range where TEXT stands.

A tool for writing catalog entries: white space and line breaks are ignored,
as in the citation check.  Prints `first last` for each occurrence.
"""

from __future__ import annotations

import argparse
import bisect

from subsidykit.catalog.sources import normalise, seeds_dir


def locate(file: str, text: str) -> list[tuple[int, int]]:
    lines = (seeds_dir() / file).read_text(encoding="utf-8").splitlines()
    starts, joined = [], []
    pos = 0
    for line in lines:
        starts.append(pos)
        norm = normalise(line)
        joined.append(norm)
        pos += len(norm)
    hay = "".join(joined)
    needle = normalise(text)
    found, at = [], hay.find(needle)
    while needle and at >= 0:
        first = bisect.bisect_right(starts, at) - 1
        last = bisect.bisect_right(starts, at + len(needle) - 1) - 1
        # skip back over blank lines so that `first` is the line holding the first char
        while first < len(lines) - 1 and not joined[first]:
            first += 1
        found.append((first + 1, last + 1))
        at = hay.find(needle, at + 1)
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("text")
    args = ap.parse_args()
    hits = locate(args.file, args.text)
    for a, b in hits:
        print(a, b)
    if not hits:
        print("not found")


if __name__ == "__main__":
    main()
