"""Normalised names: the keys an enterprise or a project is matched by (standard library only).

`name_key` ignores full-width/half-width (NFKC), case, spaces, control characters, brackets and
punctuation, so 「示例（南京）科技有限公司」 and 「示例(南京)科技 有限公司」 are one key.  Nothing else
is dropped: 有限公司 / 股份有限公司 stay distinct.  Keys are capped at `MAX_KEY` characters (a
32k-character name is kept as written, but indexed by its first characters).

Layer: register.  May import: the standard library and `rules.batch` (the one name key).
"""

from __future__ import annotations

import re
import unicodedata

from subsidykit.rules.batch import norm_name

MAX_KEY = 200
MAX_TEXT = 2000  # longest name or label stored as written (a longer one is cut, said in the report)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINES = re.compile(r"[ \t]*[\r\n][\s]*")


def name_key(text: object) -> str:
    """`rules.batch.norm_name` (the one name key: the history checks compare names with it too),
    capped at `MAX_KEY` characters for the index."""
    if text is None:
        return ""
    return norm_name(str(text))[:MAX_KEY]


def clean_text(text: object, limit: int = MAX_TEXT) -> str | None:
    """A name or label as stored: control characters removed, line breaks made one space, spaces
    trimmed, at most `limit` characters (`intake` says when a name is cut)."""
    if text is None:
        return None
    t = _LINES.sub(" ", _CONTROL.sub("", str(text))).strip()  # a line break in a cell: one space
    return t[:limit] or None


def clean_uscc(code: object) -> str | None:
    """A 统一社会信用代码 as stored: NFKC, upper case, no spaces; None when empty or implausible
    (longer than 18 characters after cleaning is kept only if it is not 18: reported by the caller)."""
    if code is None:
        return None
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(code))).upper()
    t = _CONTROL.sub("", t)
    return t[:40] or None
