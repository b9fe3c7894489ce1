"""The text model under the clause parsers: a section of a guide as one searchable string.

A section is `[(line number, line text), ...]` as the drafter cut it from the guide.  `Doc`
joins it into `chars`: the text with white space and bold markup dropped exactly as
`catalog.sources.normalise` drops them (so any stretch of `chars` is a quote that passes the
citation check), page furniture left out (page numbers "— 12 —" / "- 3 -" / "第 3 页", running
headers "## » 第二章 …"), and beside it

* `norm`: the same characters, one for one, with full-width ASCII made half-width ("（" -> "(",
  "，" -> ",", "％" -> "%", "１" -> "1"), so one set of patterns reads every mixture;
* `line[i]`: the line number of `chars[i]`; `gap[i]`: page furniture was left out just before
  `chars[i]` (a quote across it gets "……" there, which the citation check reads as a gap).

Sentences end at 。 ；; ！!？? (the last four outside brackets), at a "." after a Chinese word,
at HTML tags (the 2024 compendium has <p>/<li> in the text), where a line starts with an
enumerator ("（2）", "②", "3.", "四、") and after a heading line ("（三）补助标准"), so a heading
without 。 stands alone.  Clauses are the comma pieces of a sentence outside brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from subsidykit.authoring.clause_numbers import YEAR, small_numerals
from subsidykit.catalog.sources import MARKUP as _MARKUP  # what the citation check ignores

_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_HALF.update({ord("﹪"): ord("%"), ord("﹐"): ord(","), ord("﹔"): ord(";"), ord("﹙"): ord("("), ord("﹚"): ord(")")})

_PAGE = re.compile(
    r"^(?:[-—–─‒―~•·]+\d{1,4}[-—–─‒―~•·]+"  # — 12 —, - 3 -
    r"|第\d{1,4}页(?:[,/]?共\d{1,4}页)?"  # 第 3 页（共 10 页）
    r"|\d{1,4}/\d{1,4})$"
)
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_RUNNING_HEADER = re.compile(r"^#{1,6}(?:»|>>|›)?第[一二三四五六七八九十]+章")
_UNIT_START = re.compile(r"^[万亿元个%年月日家人项次台套倍款场名]")

# an enumerator at the start of a line or sentence: （2） (二) 四、 ② 3. 3、 — "1.2025 年…" is "1." + a year
ENUMERATOR = re.compile(
    r"(?:\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|[一二三四五六七八九十]{1,3}、|[①-⑳]|\d{1,2}[.、](?=\D|" + YEAR + r"年))"
)
# a bullet at a line's start ("◆", "●", and a WeChat article's emoji "🔸 国家级绿色工厂：100万元"):
# an item of its own, as an enumerator starts one
BULLET_MARK = re.compile(r"(?:[◆◇●○▲△▶►■□◎★☆➤✦❖✔√]|[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff\U0001f000-\U0001faff]\ufe0f?)+")
# a heading line without 。: "（三）补助标准", "2. 支持条件" — it ends its sentence at the line end
_HEADING_LINE = re.compile(
    r"(?:\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|[一二三四五六七八九十]{1,3}、|[①-⑳]|\d{1,2}[.、])?"
    r"[\u4e00-\u9fff]{0,10}(?:条件|标准|方式|数量|名额|主体|优惠|方向|对象|内容|要求|材料|程序|时间|依据|部门|重点)[:]?"
)
_TAG = re.compile(r"<[^<>]{0,400}>")
# before a piece of a section's text: the piece is a cell of a table laid out in columns, which
# does not go on from the piece before it on the page (other columns stand between): a quote
# across the two gets "……" there
CELL = "\u241e"
_OPEN = "([【〔《"
_CLOSE = ")]】〕》"
_CLOSERS = "”’」』)]】〕》\"'"


# a number with thousands separators: "1,000万元", "12,500" (ASCII commas in the guide's text)
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d]|,\d|\.\d*,)")


def _ungrouped(norm: str, text: str) -> str:
    """`norm` with every "1,000" read as one number, one character for one: the separators are
    moved to the front as zeros ("1,000" -> "01000", "10,000" -> "010000"), so every pattern
    reads the number whole (and no clause ends at its comma) while the quote, taken from the
    guide's own characters, keeps "1,000"."""
    def one(m: re.Match) -> str:
        if any(text[i] != "," for i in range(m.start(), m.end()) if norm[i] == ","):
            return m.group(0)  # a full-width comma "，" is a list's, not a separator
        digits = m.group(0).replace(",", "")
        return "0" * (len(m.group(0)) - len(digits)) + digits

    return _GROUPED.sub(one, norm) if "," in norm else norm


def half(text: str) -> str:
    """Full-width ASCII made half-width, and 大写 numerals of a sum the common ones, one character
    for one."""
    return small_numerals(text.translate(_HALF))


_DIGIT = "0123456789０１２３４５６７８９"


def _apart(text: str, m: re.Match) -> bool:
    """Is white space m between two digits a gap between two cells ("1      7      100万元" of a
    table laid out in columns), not a space inside one number ("3 000万元")?  Three or more
    spaces or a tab; two, unless a group of three digits follows."""
    a, b = m.start(), m.end()
    if a == 0 or b >= len(text) or text[a - 1] not in _DIGIT or text[b] not in _DIGIT:
        return False
    gap = m.group(0)
    if "\t" in gap or "\u3000" in gap or len(gap) >= 3:
        return True
    if len(gap) == 2:
        return not re.match(r"[0-9０-９]{3}(?![0-9０-９])", text[b:])
    return False


def _compact(text: str) -> list[tuple[int, str]]:
    """(column, char) of the characters the citation check keeps; a gap between two cells'
    digits is kept as one space (which the citation check drops again), so the two numbers are
    never read as one."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.extend((i, text[i]) for i in range(pos, m.start()))
        if m.group(0).isspace() and _apart(text, m):
            out.append((m.start(), " "))
        pos = m.end()
    out.extend((i, text[i]) for i in range(pos, len(text)))
    return out


def page_furniture(lines: list[str], k: int) -> bool:
    """Is line k (0-based in `lines`) a page number or running header, not guide text?"""
    t = half("".join(ch for _c, ch in _compact(lines[k])))
    if not t:
        return False
    if _PAGE.match(t) or _RUNNING_HEADER.match(t):
        return True
    if _BARE_NUMBER.match(t):
        # a number alone on a line is a page number, unless the next text line goes on with a unit
        for j in range(k + 1, len(lines)):
            nxt = half("".join(ch for _c, ch in _compact(lines[j])))
            if nxt:
                return not _UNIT_START.match(nxt)
        return True
    return False


@dataclass
class Doc:
    """A section as one string (see the module docstring)."""

    file: str
    chars: str
    norm: str
    line: list[int]
    gap: list[bool]
    line_start: list[bool]

    @classmethod
    def build(cls, section: list[tuple[int, str]], file: str = "") -> "Doc":
        texts = [str(t or "") for _n, t in section]
        cells = [t.lstrip().startswith(CELL) for t in texts]
        texts = [t.replace(CELL, "") for t in texts]
        chars: list[str] = []
        line: list[int] = []
        gap: list[bool] = []
        start: list[bool] = []
        pending_gap = False
        for k, (number, _t) in enumerate(section):
            if page_furniture(texts, k):
                pending_gap = bool(chars)
                continue
            kept = _compact(texts[k])
            if cells[k] and chars:
                pending_gap = True
            for j, (_col, ch) in enumerate(kept):
                chars.append(ch)
                line.append(int(number))
                gap.append(pending_gap and j == 0)
                start.append(j == 0)
            if kept:
                pending_gap = False
        text = "".join(chars)
        return cls(file=file, chars=text, norm=_ungrouped(half(text), text), line=line, gap=gap, line_start=start)

    # --- quoting -----------------------------------------------------------------------------
    def quote(self, i: int, j: int) -> str:
        """chars[i:j] as a citation: "……" where page furniture was left out."""
        out = []
        for k in range(i, j):
            if k > i and self.gap[k]:
                out.append("……")
            out.append(self.chars[k])
        return "".join(out)

    def lines_of(self, i: int, j: int) -> list[int]:
        return [self.line[i], self.line[max(i, j - 1)]]

    def source(self, i: int, j: int, note: str | None = None) -> dict:
        i, j = self.trim(i, j)
        src = {"file": self.file, "lines": self.lines_of(i, j), "text": self.quote(i, j)}
        if note:
            src["note"] = note
        return src

    def trim(self, i: int, j: int) -> tuple[int, int]:
        """Without leading/trailing commas and enumerators' leftovers."""
        while i < j and self.norm[i] in ",、:;":
            i += 1
        while j > i and self.norm[j - 1] in ",、:":
            j -= 1
        return i, j

    # --- structure -----------------------------------------------------------------------------
    def sentences(self) -> list[tuple[int, int]]:
        """[start, end) of each sentence, tags left out, terminators kept."""
        n = len(self.norm)
        out: list[tuple[int, int]] = []
        s = 0
        depth = 0
        i = 0
        line_at = 0

        def close(end: int) -> None:
            a, b = s, end
            while a < b and self.norm[a] in ",、:;。.!?" + _CLOSERS:
                a += 1
            if a < b:
                out.append((a, b))

        while i < n:
            ch = self.norm[i]
            if ch == "<":
                m = _TAG.match(self.norm, i)
                if m:
                    close(i)
                    i = s = m.end()
                    depth = 0
                    continue
            if i > s and self.line_start[i]:
                if ENUMERATOR.match(self.norm, i) or BULLET_MARK.match(self.norm, i) or (line_at >= s and _HEADING_LINE.fullmatch(self.norm, line_at, i)):
                    close(i)
                    s = i
                    depth = 0
            if self.line_start[i]:
                line_at = i
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            end = False
            if ch == "。":
                end = True
            elif ch in ";!?" and depth == 0:
                end = True
            elif ch == "." and depth == 0 and i > 0 and _is_cjk(self.norm[i - 1]) and not (i + 1 < n and self.norm[i + 1].isdigit()):
                end = True
            if end:
                j = i + 1
                while j < n and self.norm[j] in _CLOSERS:
                    if self.norm[j] in _CLOSE:
                        if depth == 0:
                            break
                        depth -= 1
                    j += 1
                close(j)
                i = s = j
                depth = 0
                continue
            i += 1
        close(n)
        return out

    def clauses(self, a: int, b: int) -> list[tuple[int, int]]:
        """The comma pieces of chars[a:b] outside brackets."""
        out: list[tuple[int, int]] = []
        depth = 0
        s = a
        for i in range(a, b):
            ch = self.norm[i]
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif ch in ",;:" and depth == 0:
                if i > s:
                    out.append((s, i))
                s = i + 1
        if b > s:
            out.append((s, b))
        return out


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "）)】」』”"


def sentence_list(section: list[tuple[int, str]], file: str = "") -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each sentence: lines joined, page furniture skipped."""
    doc = Doc.build(section, file)
    out = []
    for a, b in doc.sentences():
        out.append((doc.line[a], doc.line[b - 1], doc.quote(a, b)))
    return out
