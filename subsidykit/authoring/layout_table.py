"""A table of programs as `pdftotext -layout` renders it (issue 17): a header row ("序号  奖补项目
奖补条件  奖补标准  责任单位"), then rows whose cells wrap over several lines, the cells of one
row interleaved on each line and told apart only by where they stand; rows parted by blank
lines, grouped under band rows ("一、技术改造类"), the header repeated after each page break.

`read_layout_tables(lines)` finds such tables in a guide's lines and returns, for each row, each
column's pieces as `(guide line, text)`: what a parser reads as the cell's text, each piece cited
at its own line (`CELL` before a piece tells the clause text model that the piece does not go on
from the one before it on the page: a quote across two pieces carries "……" there).

Rows need not be parted by blank lines: a word processor's table printed without them (each
cell wrapped over several lines, "1." / "（1）" in the 序号 column starting each row) is cut
before each index cell, where the index cells stand on their rows' first lines; a band row is
a group of its own wherever it stands; a row a page break cuts goes on after the page number,
the running header and the repeated header (one or two lines); a 备注 column is read as its
own role ("remark").

Columns are found from the rows, not from the header (a header's words are centred over their
column): the starting places of the rows' pieces, counted in display width (a CJK character is
two columns wide, as the layout was set) or in characters, whichever lines the pieces up better.
Pure: no file I/O."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from subsidykit.authoring.clause_text import CELL

_NAME = re.compile(r"^(?:奖补|奖励|补助|扶持|支持|政策|兑现)?(?:项目|事项|内容)(?:名称)?$|^项目名称$|^名称$|^政策名称$"
                   r"|^(?:奖补|奖励|补助|扶持|支持|政策)?(?:项目|事项)?(?:类别|类型|分类)$"
                   # "支持方向 | 支持对象及条件 | 支持标准": a 一览表 naming each row by its direction
                   r"|^(?:支持|扶持|重点|资助)方向$")
_AWARD = re.compile(r"^(?:奖补|奖励|补助|补贴|扶持|支持|兑现|资助)(?:标准|方式|额度|金额)$|^奖补内容$"
                    r"|^(?:奖补|奖励|补助|补贴|扶持|支持|兑现|资助)?(?:标准|方式|额度|金额)(?:及|和|与)(?:标准|方式|额度|金额|期限)$")
_COND = re.compile(r"^(?:奖补|奖励|补助|支持|申报|认定|享受|兑现)?条件$|^申报要求$|^支持对象$"
                   r"|^(?:奖补|奖励|补助|扶持|支持|申报)?(?:内容|对象|范围)(?:及|和|与)(?:申报|支持)?(?:条件|要求)$"
                   r"|^(?:奖补|奖励|补助|支持|申报|认定|享受|兑现)条件(?:及|和|与)要求$")
_DEPT = re.compile(r"^(?:责任|牵头|受理|主管|联系)(?:单位|部门|科室|处室)$")
_SERIAL = re.compile(r"^序号$|^编号$")
_MODE = re.compile(r"^(?:兑现|申报|办理)方式$")
_REMARK = re.compile(r"^备注$|^附注$|^说明$")
_QUOTA = re.compile(r"^(?:支持|立项|奖励|资助|扶持|拟支持|计划支持|年度)?(?:数量|名额|个数)(?:\((?:个|家|项)\)|（(?:个|家|项)）)?$")
# an index cell: "3", "3.", "3、", "(3)", "（3）"
_SERIAL_CELL = re.compile(r"\d{1,3}[.．、]?|[(（]\d{1,3}[)）]")
_GLUED = re.compile(r"(\d{1,3}[.．、]?|[(（]\d{1,3}[)）]) ([^\s\d].*)")
_BAND = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])[^。，,；;：:]{2,20}$")
_PAGE = re.compile(r"^(?:[-—–─‒―~•·]\s*\d{1,4}\s*[-—–─‒―~•·]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
_RUN = re.compile(r"\S+(?: \S+)*")


@dataclass
class Row:
    first: int
    last: int
    band: str | None
    serial: str | None
    cells: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass
class LayoutTable:
    title: str
    header: int  # the guide line of the (first) header row
    first: int
    last: int  # guide lines the table covers (header to last row)
    roles: list[str]  # the role of each column: name, award, cond, dept, serial, mode, other
    rows: list[Row]
    furniture: set[int] = field(default_factory=set)  # guide lines of running headers at page breaks
    header_texts: set[str] = field(default_factory=set)  # the header's line(s), white space out


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _runs(line: str, wide: bool) -> list[tuple[int, str]]:
    """(column, text) of each piece of a line (pieces parted by two spaces or more); the column
    in display width (wide) or in characters, added up as the pieces go (one pass)."""
    line = line.replace("\t", "    ")
    out, at, col = [], 0, 0
    for m in _RUN.finditer(line):
        col += _width(line[at : m.start()]) if wide else m.start() - at
        at = m.start()
        out.append((col, m.group(0)))
    return out


def _role(cell: str) -> str | None:
    flat = re.sub(r"\s+", "", cell)
    for role, pat in (("serial", _SERIAL), ("name", _NAME), ("mode", _MODE), ("award", _AWARD), ("cond", _COND), ("dept", _DEPT), ("remark", _REMARK),
                      ("quota", _QUOTA)):
        if pat.match(flat):
            return role
    return None


def _is_header(line: str) -> bool:
    if len(line) > 400 or "  " not in line.strip() and "\t" not in line:
        return False
    roles = [_role(c) for _p, c in _runs(line, True)]
    return len(roles) >= 3 and "name" in roles and "award" in roles


def _header_pieces(line: str, nxt: str | None, wide: bool) -> list[tuple[int, str]]:
    """The header's pieces; with `nxt`, a header whose words wrap onto a second line ("项目" /
    "类别", "支持内容及" / "条件"): each piece of the second line joined to the piece of the first
    it stands under (their middles within half the wider one), else a piece of its own."""
    first = [[p, c] for p, c in _runs(line, wide)]
    if nxt is None:
        return [(p, c) for p, c in first]
    size = (lambda c: _width(c)) if wide else len
    extra: list[list] = []
    for p, c in _runs(nxt, wide):
        mid = p + size(c) / 2
        near = [(abs(q + size(d) / 2 - mid), i) for i, (q, d) in enumerate(first)
                if abs(q + size(d) / 2 - mid) <= max(size(d), size(c)) / 2 + 2]
        if near:
            first[min(near)[1]][1] += c
        else:
            extra.append([p, c])
    return sorted((p, c) for p, c in first + extra)


def _header_lines(lines: list[str], k: int) -> int:
    """How many lines the table header at lines[k] takes: 1, 2 (its words wrap onto the next
    line, which holds short pieces of words and no number) or 0 (no header)."""
    if _is_header(lines[k]):
        return 1
    line = lines[k]
    nxt = lines[k + 1] if k + 1 < len(lines) else ""
    if len(line) > 400 or len(nxt) > 400 or "  " not in line.strip() or not nxt.strip() or re.search(r"\d", nxt):
        return 0
    pieces = _runs(nxt, True)
    if not pieces or any(len(c) > 8 for _p, c in pieces):
        return 0
    roles = [_role(c) for _p, c in _header_pieces(line, nxt, True)]
    return 2 if len(roles) >= 3 and "name" in roles and "award" in roles else 0


def _columns(body: list[str], wide: bool) -> list[int]:
    """Column starts: the places where two or more lines' pieces start (merged within 3)."""
    count: dict[int, int] = {}
    for line in body:
        for p, _c in _runs(line, wide):
            count[p] = count.get(p, 0) + 1
    starts = sorted(p for p, n in count.items() if n >= 2)
    merged: list[int] = []
    for p in starts:
        if merged and p - merged[-1] <= 3:
            continue
        merged.append(p)
    return merged


def _fit(body: list[str], cols: list[int], wide: bool) -> float:
    runs = [p for line in body for p, _c in _runs(line, wide)]
    if not runs or not cols:
        return 0.0
    return sum(1 for p in runs if any(abs(p - c) <= 3 for c in cols)) / len(runs)


_MAX_UNTAB = 40


def _untab(lines: list[str], k: int) -> list[str]:
    """The lines with the table's tab-separated lines from its header at k on set out in spaces
    (a word processor's table pasted as text: its cells parted by tabs, on some pages perhaps by
    spaces as a PDF lays them out): each field at the column its header word stands at on a
    page laid out in spaces (the header repeated there), else at columns as wide as the widest
    field of each, so that the cells line up as on a page."""
    head = lines[k].split("\t")
    flat_head = re.sub(r"\s+", "", lines[k])
    window = range(k, min(len(lines), k + 2000))
    spaced = next((lines[j] for j in window if j > k and "\t" not in lines[j] and re.sub(r"\s+", "", lines[j]) == flat_head), None)
    starts: list[int] = []
    if spaced is not None:
        runs = _runs(spaced, True)
        if len(runs) == len([h for h in head if h.strip()]):
            starts = [p for p, _c in runs]
            if head and not head[0].strip():  # (a header whose first field is blank: no column there)
                starts = []
    if not starts:
        widths = [0] * len(head)
        for j in window:
            if "\t" not in lines[j]:
                continue
            for i, f in enumerate(lines[j].split("\t")[: len(head)]):
                widths[i] = max(widths[i], _width(f.strip()))
        starts, at = [], 0
        for w in widths:
            starts.append(at)
            at += w + 4
    out = list(lines)
    for j in window:
        if "\t" not in lines[j]:
            continue
        fields = lines[j].split("\t")
        if len(fields) > len(starts):
            fields = fields[: len(starts) - 1] + ["  ".join(f.strip() for f in fields[len(starts) - 1 :])]
        text, col = "", 0
        for i, f in enumerate(fields):
            f = f.strip()
            if not f:
                continue
            pad = max(starts[i] - col, 2 if text else starts[i])
            text += " " * pad + f
            col += pad + _width(f)
        out[j] = text
    return out


def read_layout_tables(lines: list[str]) -> list[LayoutTable]:
    out: list[LayoutTable] = []
    k = 0
    n = len(lines)
    original = lines
    untabbed = 0  # (a bound on the work: a file of many tab-separated headers sets out a few)
    failed: tuple[frozenset, int] | None = None  # the header of the last scan that found no table, where it stopped
    while k < n:
        lines = original
        size = _header_lines(lines, k)
        if size and "\t" in lines[k] and untabbed < _MAX_UNTAB:
            untabbed += 1
            lines = _untab(lines, k)
            size = _header_lines(lines, k)
        if not size:
            k += 1
            continue
        heads = {re.sub(r"\s+", "", lines[x]) for x in range(k, k + size)}
        key = frozenset(heads)
        if failed is not None and failed[0] == key and k < failed[1]:
            # the same header inside the lines a scan from an earlier copy of it read and found
            # no table in: its scan reads a part of those lines, no table either (without this
            # skip a file of the header repeated is read in quadratic time)
            k += 1
            continue
        head = k
        head_runs = _runs(lines[k], True)
        margin = head_runs[0][0] if head_runs else 0
        span = max(1, _width(lines[k].rstrip()) - margin)  # the header's width: a cell is narrower
        # the body: up to the first line of prose (a line starting a paragraph at the margin
        # that is no band row and stands in no column) or a heading of the text after the table
        j = k + size
        body_idx: list[int] = []
        furniture: set[int] = set()
        tops = set(_title_lines(lines, k))
        while j < n:
            raw = lines[j]
            flat = re.sub(r"\s+", "", raw)
            if not flat or _PAGE.match(flat) or flat in heads or re.fullmatch(r"\d{1,4}", flat) and _before_header(lines, j, heads, tops):
                j += 1  # (a bare page number "4" counts when the header is repeated after it)
                continue
            if _running_header(lines, j, heads, tops):
                furniture.add(j + 1)
                j += 1
                continue
            runs = _runs(raw, True)
            lead = runs[0][0] - margin
            if re.match(r"^第[一二三四五六七八九十百\d]{1,4}[章节部分条]|^附件|^附表", flat) or len(raw) > 1000:
                break  # a heading of the text after the table
            if len(runs) == 1 and _BAND.match(flat) and flat[0] in "(（":
                # "（一）数字化转型类" is a band row only with a row under it that starts with its
                # index cell ("1.", "（1）"); else a heading of the text after the table
                nxt = ""
                for x in range(j + 1, min(n, j + 12)):  # (past a page break's furniture)
                    f = re.sub(r"\s+", "", lines[x])
                    if not f or _PAGE.match(f) or re.fullmatch(r"\d{1,4}", f) or f in heads or f in tops or _running_header(lines, x, heads, tops):
                        continue
                    nxt = lines[x]
                    break
                nruns = _runs(nxt, True)
                if len(nruns) >= 2 and (_SERIAL_CELL.fullmatch(nruns[0][1]) or _GLUED.match(nruns[0][1])):
                    body_idx.append(j)
                    j += 1
                    continue
                break
            if len(runs) == 1 and lead <= 6 and (len(flat) > 24 or "。" in flat or re.match(r"^[一二三四五六七八九十]{1,3}[、.．]", flat) and not _BAND.match(flat)
                                               or re.match(r"^[(（][一二三四五六七八九十\d]{1,3}[)）]", flat)):
                break
            if len(runs) == 1 and _width(runs[0][1]) > 0.45 * span and re.search(r"[。，,；;]", flat):
                break  # a paragraph as wide as half the table: prose after it, however indented
            if len(runs) == 1 and _BAND.match(flat):
                # a band row has rows under it; a heading of the text after the table, prose
                nxt = next((lines[x] for x in range(j + 1, min(n, j + 4)) if lines[x].strip() and not _PAGE.match(re.sub(r"\s+", "", lines[x]))), "")
                nruns = _runs(nxt, True)
                if nxt and len(nruns) == 1 and nruns[0][0] - margin <= 6 and (len(nxt.strip()) > 24 or "。" in nxt or re.match(r"^\s*[(（]", nxt)):
                    break
            body_idx.append(j)
            j += 1
        if len(body_idx) < 3:
            failed = (key, j)
            k += 1
            continue
        sample = [lines[i] for i in body_idx]
        best = None
        for wide in (True, False):
            cols = _columns(sample, wide)
            score = _fit(sample, cols, wide)
            if best is None or score > best[0]:
                best = (score, wide, cols)
        score, wide, cols = best
        if score < 0.8 or len(cols) < 3:
            failed = (key, j)
            k += 1
            continue
        # the header's words over their columns: each to the column its middle stands in
        roles = ["other"] * len(cols)
        for p, c in _header_pieces(lines[head], lines[head + 1] if size == 2 else None, wide):
            mid = p + (_width(c) if wide else len(c)) // 2
            idx = max((i for i, s in enumerate(cols) if s <= mid + 3), default=0)
            r = _role(c)
            if r and roles[idx] == "other":
                roles[idx] = r
        if "name" not in roles or "award" not in roles:
            failed = (key, j)
            k += 1
            continue
        if "serial" not in roles and roles[0] == "other":
            # an index column with no word over it: its pieces all index cells ("1", "2.", "（3）")
            # but band rows ("一、技术改造类"), two at least
            firsts = [r for i in body_idx for r in _runs(lines[i], wide)[:1] if r[0] <= cols[0] + 3]
            marks = [c for _p, c in firsts if not _BAND.match(c)]
            if len(marks) >= 2 and all(_SERIAL_CELL.fullmatch(c) for c in marks):
                roles[0] = "serial"
        title = ""
        for back in range(head - 1, max(-1, head - 4), -1):
            flat = re.sub(r"\s+", "", lines[back])
            if flat and not _PAGE.match(flat):
                if len(flat) <= 60 and "。" not in flat:
                    title = flat
                break
        wrapped = _title_lines(lines, head)
        if len(wrapped) > 1 and title and wrapped[-1] == title and len("".join(wrapped)) <= 60:
            title = "".join(wrapped)  # a title wrapped over two or three lines
        out.append(LayoutTable(title=title, header=head + 1, first=head + 1, last=body_idx[-1] + 1, roles=roles,
                               rows=_rows(lines, body_idx, cols, roles, wide, heads),
                               furniture={x for x in furniture if x <= body_idx[-1] + 1}, header_texts=heads))
        k = body_idx[-1] + 1
    return out


def _title_lines(lines: list[str], head: int) -> list[str]:
    """The table's title over its header, as the lines it wraps over (up to 3, no blank line
    between them: "2070年度示例市专项资金" / "申报指南"), white space out; [] without one (a
    paragraph, a page number or an 附件 line stands there)."""
    out: list[str] = []
    x = head - 1
    while x >= 0 and not lines[x].strip() and head - x <= 3 and not out:
        x -= 1
    while x >= 0 and len(out) < 3:
        raw = lines[x]
        flat = re.sub(r"\s+", "", raw)
        if not flat or len(_RUN.findall(raw)) != 1 or _PAGE.match(flat) or len(flat) > 60 or re.search(r"[。；;：:，,]", flat) \
                or re.match(r"^附件|^附表|^[一二三四五六七八九十]{1,3}[、.．]|^[(（]|^\d{1,2}[.、．]", flat) or x < 0:
            break
        out.insert(0, flat)
        x -= 1
    return out


def _running_header(lines: list[str], j: int, heads: set[str], tops: set[str]) -> bool:
    """Is lines[j] a running header at a page break inside a table: one piece of words just
    before the table's header repeated (the lines of a wrapped title between them), after a
    page number line ("— 4 —") or being a line of the table's title (`tops`); blank lines not
    counted.  (A line before a page number is no running footer: it may be a row's last line,
    "科）".)"""
    if len(_RUN.findall(lines[j])) != 1:
        return False
    here = re.sub(r"\s+", "", lines[j])
    if not _before_header(lines, j, heads, tops):
        return False
    if here in tops:
        return True
    x = j - 1
    while x >= 0 and j - x <= 8 and not lines[x].strip():
        x -= 1
    before = re.sub(r"\s+", "", lines[x]) if x >= 0 and j - x <= 8 else ""
    return bool(_PAGE.match(before) or re.fullmatch(r"\d{1,4}", before) and _before_header(lines, x, heads, tops))


def _before_header(lines: list[str], j: int, heads: set[str], tops: set[str]) -> bool:
    """Does the table's header stand repeated after lines[j] (blank lines, the lines of the
    table's title and one more line of one piece, a running header, between them)?"""
    x, other = j + 1, 0
    while x < len(lines) and x - j <= 8:
        flat = re.sub(r"\s+", "", lines[x])
        if flat in heads:
            return True
        if flat and flat not in tops:
            other += 1
            if other > 1 or len(_RUN.findall(lines[x])) != 1:
                return False
        x += 1
    return False


def _rows(lines: list[str], body_idx: list[int], cols: list[int], roles: list[str], wide: bool, heads: set[str]) -> list[Row]:
    """Rows: runs of body lines parted by a blank line; a band row names the rows under it; a
    row cut by a page break (a group without its serial number next to one across the break)
    is one row.  Rows not parted by blank lines are parted where an index cell ("3", "3.",
    "（3）") stands in the serial column: a run of lines holding two index cells or more is cut
    before each of them, and a band row standing in such a run is a group of its own."""
    serial_col = roles.index("serial") if "serial" in roles else None

    def col_of(p: int) -> int:
        return max((x for x, s in enumerate(cols) if s <= p + 3), default=0)

    def pieces(i: int) -> list[tuple[int, str]]:
        """The pieces of line i; an index cell one space from the next column's words ("3 数字
        化车间", a narrow serial column) two pieces, the words at the next column."""
        runs = _runs(lines[i], wide)
        if serial_col is None or serial_col + 1 >= len(cols) or not runs or col_of(runs[0][0]) != serial_col:
            return runs
        m = _GLUED.match(runs[0][1])
        if not m:
            return runs
        return [(runs[0][0], m.group(1)), (cols[serial_col + 1], m.group(2)), *runs[1:]]

    def index_at(i: int) -> str | None:
        """The index cell of line i in the serial column (None without a serial column)."""
        if serial_col is None:
            return None
        runs = pieces(i)
        if runs and col_of(runs[0][0]) == serial_col and _SERIAL_CELL.fullmatch(runs[0][1]):
            return runs[0][1]
        return None

    def is_band(i: int) -> bool:
        """A band row: one piece, at the table's left edge ("二、平台建设类") or centred over the
        table (at no column's start)."""
        runs = _runs(lines[i], wide)
        if len(runs) != 1 or not _BAND.match(re.sub(r"\s+", "", lines[i])):
            return False
        return col_of(runs[0][0]) == 0 or all(abs(runs[0][0] - c) > 3 for c in cols)

    def cut(run: list[int], broke: bool) -> list[tuple[list[int], bool]]:
        """A run of lines without blank lines: one group, a band row standing in it a group of
        its own, and (two index cells or more in it, index cells standing on their row's first
        line) a group per row."""
        rows_too = top_aligned and sum(1 for i in run if index_at(i)) >= 2
        if not rows_too and not any(is_band(i) for i in run):
            return [(run, broke)]
        out: list[tuple[list[int], bool]] = []
        for i in run:
            if not out or rows_too and index_at(i) or is_band(i) or is_band(out[-1][0][-1]):
                out.append(([i], broke if not out else False))
            else:
                out[-1][0].append(i)
        return out

    spans: list[tuple[list[int], bool]] = []  # runs of lines without blank lines, after a page break
    current: list[int] = []
    broke = False
    prev = None
    for i in body_idx:
        if prev is not None and i != prev + 1:
            between = [re.sub(r"\s+", "", lines[x]) for x in range(prev + 1, i)]
            page = any(_PAGE.match(b) or b in heads for b in between if b)
            if current:
                spans.append((current, broke))
            current, broke = [], page
        current.append(i)
        prev = i
    if current:
        spans.append((current, broke))
    # where a run holding one index cell has it: on its first line (cells aligned to the top),
    # or lower (the index centred in its row: a run with two of them is not cut, its rows'
    # bounds are not known)
    firsts = [run[0] == next(i for i in run if index_at(i)) for run, _b in spans if sum(1 for i in run if index_at(i)) == 1]
    top_aligned = 2 * sum(firsts) >= len(firsts)
    groups: list[tuple[list[int], bool]] = []  # (guide line indexes, after a page break)
    for run, after_break in spans:
        groups.extend(cut(run, after_break))
    # rows started by their index cells (runs cut at them): lines after a blank line with no
    # index cell and no band row go on with the row before (a blank line a cell's paragraph
    # spacing left inside a row)
    by_index = top_aligned and any(sum(1 for i in run if index_at(i)) >= 2 for run, _b in spans)

    def serial_of(idx: list[int]) -> str | None:
        for i in idx:
            for p, c in pieces(i):
                col = col_of(p)
                if (serial_col is None or col == serial_col) and re.fullmatch(r"\d{1,3}", c):
                    return c
                if serial_col is not None and col == serial_col and _SERIAL_CELL.fullmatch(c):
                    return re.sub(r"\D", "", c)
        return None

    merged: list[list[int]] = []
    for idx, after_break in groups:
        if merged and (after_break and (serial_of(idx) is None or serial_of(merged[-1]) is None)
                       or by_index and serial_of(idx) is None and not any(is_band(i) for i in idx)) \
                and not (len(merged[-1]) == 1 and _BAND.match(re.sub(r"\s+", "", lines[merged[-1][0]]))):
            merged[-1] = merged[-1] + idx
        else:
            merged.append(list(idx))
    rows: list[Row] = []
    band = None
    for idx in merged:
        flat = [re.sub(r"\s+", "", lines[i]) for i in idx]
        if len(idx) == 1 and _BAND.match(flat[0]) and len(_runs(lines[idx[0]], wide)) == 1:
            band = flat[0]
            continue
        row = Row(first=idx[0] + 1, last=idx[-1] + 1, band=band, serial=serial_of(idx))
        for i in idx:
            for p, c in pieces(i):
                col = max((x for x, s in enumerate(cols) if s <= p + 3), default=0)
                role = roles[col]
                if role == "serial" and _SERIAL_CELL.fullmatch(c):
                    continue
                row.cells.setdefault(role, []).append((i + 1, CELL + c))
        if row.cells.get("name") or row.cells.get("award"):
            rows.append(row)
    return rows


def read_csv_tables(lines: list[str]) -> list[LayoutTable]:
    """A table of programs exported as CSV text ("序号,政策名称,兑现条件,兑现标准,兑现方式,责任单位"
    then one record per line, a field with a comma or a line break in double quotes, "" for a
    quote inside): one row per record, each field's pieces cited at the lines they stand on; a
    record whose first field alone is filled ("一、技术改造类,,,,,") names the rows under it."""
    out: list[LayoutTable] = []
    k, n = 0, len(lines)
    while k < n:
        head = _csv_fields(lines[k])
        roles = [_role(f) or "other" for f in head] if head and len(head) >= 3 else []
        if not roles or "name" not in roles or "award" not in roles or len(lines[k]) > 300:
            k += 1
            continue
        rows: list[Row] = []
        band = None
        j = k + 1
        while j < n:
            if not lines[j].strip() or "," not in lines[j] and "，" not in lines[j][:1]:
                break
            record, j2 = _csv_record(lines, j, len(roles))
            if record is None:
                break
            texts = ["".join(t for _n, t in f).strip() for f in record]
            if texts[0] and not any(texts[1:]):
                band = texts[0]
            else:
                row = Row(first=j + 1, last=j2, band=band, serial=texts[0] if re.fullmatch(r"\d{1,3}", texts[0]) else None)
                for role, pieces in zip(roles, record):
                    if role == "serial":
                        continue
                    for no, t in pieces:
                        if t.strip():
                            row.cells.setdefault(role, []).append((no, CELL + t))
                if row.cells.get("name"):
                    rows.append(row)
            j = j2
        if len(rows) >= 2:
            title = re.sub(r"\s+", "", lines[k - 1]) if k > 0 and len(lines[k - 1]) <= 60 and "," not in lines[k - 1] else ""
            out.append(LayoutTable(title=title, header=k + 1, first=k + 1, last=j, roles=roles, rows=rows))
        k = max(j, k + 1)
    return out


def _csv_fields(line: str) -> list[str] | None:
    record, _ = _csv_record([line], 0, None)
    return ["".join(t for _n, t in f) for f in record] if record else None


_CSV_STOP = re.compile(r'[,"]')
_CSV_QUOTE = re.compile(r'"')


def _csv_record(lines: list[str], start: int, width: int | None) -> tuple[list[list[tuple[int, str]]] | None, int]:
    """The fields of the CSV record starting at lines[start] (a quoted field may run over line
    breaks), each as (1-based line, text) pieces with its quotes taken off (an inner "" is left
    as it stands: the quote must stand in the line); and the index after its last line."""
    fields: list[list[tuple[int, str]]] = [[]]
    quoted = False
    i = start
    while i < len(lines) and i < start + 12:
        line = lines[i]
        buf: list[str] = []  # (pieces, joined once: a long line costs linear time, never quadratic)
        p = 0
        if not quoted and line.startswith('"'):
            quoted, p = True, 1
        while p < len(line):
            if not quoted:
                # the run up to the next comma or quote at once
                m = _CSV_STOP.search(line, p)
                q = m.start() if m else len(line)
                buf.append(line[p:q])
                p = q
                if p >= len(line):
                    break
            ch = line[p]
            if quoted:
                if ch == '"' and line[p + 1 : p + 2] == '"':
                    buf.append('""')
                    p += 2
                    continue
                if ch == '"':
                    quoted = False
                    p += 1
                    continue
                m = _CSV_QUOTE.search(line, p)
                q = m.start() if m else len(line)
                buf.append(line[p:q])
                p = q
                continue
            elif ch == ",":
                fields[-1].append((i + 1, "".join(buf)))
                fields.append([])
                buf = []
                if line[p + 1 : p + 2] == '"':
                    quoted = True
                    p += 1
            else:
                buf.append(ch)
            p += 1
        fields[-1].append((i + 1, "".join(buf)))
        i += 1
        if not quoted:
            break
    if quoted or (width is not None and len(fields) != width):
        return None, i
    return fields, i
