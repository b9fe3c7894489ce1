"""Check that a catalog citation really stands at the cited lines of its seed file."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from subsidykit.catalog.records import Source

# what a quote may leave out of the lines it cites: white space (the seeds break words across
# lines), bold markup ("**", <b>), HTML character entities ("&nbsp;", "&ldquo;", "&#8220;") of a
# guide saved from a web page, and ">" quote marks opening a line of a forwarded e-mail
ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# an e-mail's quote marks at a line's start ("> > 00万元" of a forwarded notice re-wrapped with "> ")
MAIL_QUOTE = re.compile(r"(?:^|\n)[ \t\u3000]*(?:>[ \t\u3000]*)+")
# and the control picture "␞" (U+241E), which stands for no word (the drafter marks a table's cells with it)
MARKUP = re.compile(MAIL_QUOTE.pattern + r"|\s+|\*\*|</?b>|\u241e|" + ENTITY.pattern)
_ELLIPSIS = re.compile(r"……|…|\.\.\.")


def seeds_dir() -> Path:
    """Where the seed texts are: $SUBSIDYKIT_SEEDS, else ../shared/seeds beside the checkout."""
    env = os.environ.get("SUBSIDYKIT_SEEDS")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared" / "seeds"
        if cand.is_dir():
            return cand
    return here.parents[3] / "shared" / "seeds"


def normalise(text: str) -> str:
    """Drop what a quote may leave out (`MARKUP`)."""
    return MARKUP.sub("", text)


def _lines(path: str) -> tuple[str, ...]:
    """The file's lines, cached while the file is unchanged (a guide edited and drafted again in
    the same process is read again)."""
    try:
        st = os.stat(path)
        key = (st.st_mtime_ns, st.st_size)
    except OSError:
        key = (0, 0)
    return _lines_at(path, key)


@lru_cache(maxsize=16)
def _lines_at(path: str, _key: tuple[int, int]) -> tuple[str, ...]:
    return tuple(Path(path).read_text(encoding="utf-8").splitlines())


def cited_text(src: Source, root: Path | None = None) -> str:
    lines = _lines(str((root or seeds_dir()) / src.file))
    first, last = src.lines
    if last > len(lines):
        raise ValueError(f"{src.file} 只有 {len(lines)} 行，引用到第 {last} 行")
    return "\n".join(lines[first - 1 : last])


def quote_problem(src: Source, root: Path | None = None) -> str | None:
    """None if `src.text` stands (in order, "……" for gaps) within the cited lines; else why not."""
    try:
        hay = normalise(cited_text(src, root))
    except (OSError, ValueError) as exc:
        return str(exc)
    pos = 0
    for part in _ELLIPSIS.split(src.text):
        needle = normalise(part)
        if not needle:
            continue
        found = hay.find(needle, pos)
        if found < 0:
            return f"{src.file}:{src.lines[0]}-{src.lines[1]} 中找不到「{part.strip()}」"
        pos = found + len(needle)
    return None
