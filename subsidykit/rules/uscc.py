"""统一社会信用代码 (GB 32100-2015): the check digit, and making valid codes for fictional examples.

The 18 characters: 登记管理部门码 (1), 机构类别码 (1), 登记管理机关行政区划码 (6),
主体标识码 (组织机构代码, 9, itself ending in a GB 11714 check character) and the
校验码 (1). Characters are 0-9 and the capital letters except I, O, S, V, Z.
"""

from __future__ import annotations

import random
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters; value = index
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 11714-1997 组织机构代码: 8 characters then a check character
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def normalise(code: object) -> str:
    """Full-width to half-width, spaces and dashes out, upper case."""
    text = unicodedata.normalize("NFKC", "" if code is None else str(code))
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-－").upper()


def check_char(body17: str) -> str:
    """The 18th character for the first 17 (GB 32100-2015 5.2)."""
    if len(body17) != 17 or any(c not in _VALUE for c in body17):
        raise ValueError(f"not a 17-character USCC body: {body17!r}")
    total = sum(_VALUE[c] * w for c, w in zip(body17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def _org_value(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def org_check_char(body8: str) -> str:
    """The 9th character of a 组织机构代码 (GB 11714-1997)."""
    total = sum(_org_value(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    c9 = 11 - total % 11
    return "X" if c9 == 10 else "0" if c9 == 11 else str(c9)


def problem(code: object) -> str | None:
    """None when the code is a well-formed 统一社会信用代码, else the reason in Chinese."""
    text = normalise(code)
    if not text:
        return "统一社会信用代码为空"
    if len(text) != 18:
        return f"统一社会信用代码应为 18 位，实为 {len(text)} 位：{text}"
    bad = sorted({c for c in text if c not in _VALUE})
    if bad:
        return f"统一社会信用代码含有不允许的字符 {'、'.join(bad)}（不使用 I、O、S、V、Z）：{text}"
    want = check_char(text[:17])
    if text[17] != want:
        return f"统一社会信用代码校验位错误：{text} 的第 18 位应为 {want}，实为 {text[17]}（GB 32100-2015）"
    return None


def is_valid(code: object) -> bool:
    return problem(code) is None


def make(rng: random.Random, region: str = "320100") -> str:
    """A valid code for a fictional enterprise (91 = 工商登记的企业) registered in `region`."""
    org8 = "".join(rng.choice(ALPHABET) for _ in range(8))
    org = org8 + org_check_char(org8)  # 0-9 or X, all in ALPHABET
    body = "91" + region + org
    return body + check_char(body)
