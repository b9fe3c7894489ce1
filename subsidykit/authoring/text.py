"""A guide as numbered lines, exactly as they are cited: read a .txt, .pdf or .docx.

The citation check (`catalog.sources.quote_problem`) reads the cited file as UTF-8 and splits it
with `str.splitlines`; the lines here are made the same way, so a line number found here is the
line number the verifier reads.  A UTF-8 .txt is cited as it is.  Everything else (a PDF's
extracted text, a .docx's paragraphs, a GB18030 .txt) is text this module made: `extracted` is
True and `file` is the name to save it under beside the draft (`NAME.txt`, `NAME.utf8.txt` for a
re-encoded text file); `write(folder)` saves it there so that the citations stand.

PDF: poppler's `pdftotext -layout` (columns and line breaks kept, so a clause is cited at the
lines a reader sees), else pypdf's layout mode when installed.  DOCX: the paragraphs of
word/document.xml in order (Word's automatic list numbers "一、" / "（一）" / "1." rebuilt from
numbering.xml, table rows as one line each with the cells separated by a tab, so that a
table's columns can be told apart as in a text conversion).
"""

from __future__ import annotations

import bisect
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from subsidykit.catalog.sources import normalise
from subsidykit.errors import BadInputError

__all__ = ["GuideText", "read_guide"]


@dataclass(frozen=True)
class GuideText:
    """The guide as numbered lines: 1-based line i is `lines[i - 1]`."""

    file: str  # the name written into `source.file`
    lines: tuple[str, ...]
    origin: Path | None = None  # the file that was read
    extracted: bool = False  # the text is not the origin file itself: save it as `file` beside the draft
    _index: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts, parts, pos = [], [], 0
        for line in self.lines:
            starts.append(pos)
            norm = normalise(line)
            parts.append(norm)
            pos += len(norm)
        object.__setattr__(self, "_index", (tuple(starts), "".join(parts), tuple(parts)))

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def quote(self, first: int, last: int) -> str:
        """The text of lines first..last (1-based, inclusive) joined without line breaks."""
        return "".join(self.lines[first - 1 : last])

    def find(self, text: str, near: int | None = None) -> tuple[int, int] | None:
        """The line range where `text` stands, white space ignored (as `catalog.locate`); the
        occurrence nearest to line `near` when there are several."""
        starts, hay, parts = self._index
        needle = normalise(text)
        if not needle:
            return None
        best, at = None, hay.find(needle)
        while at >= 0:
            first = bisect.bisect_right(starts, at) - 1
            last = bisect.bisect_right(starts, at + len(needle) - 1) - 1
            while first < len(parts) - 1 and not parts[first]:
                first += 1
            hit = (first + 1, last + 1)
            if near is None:
                return hit
            if best is None or abs(hit[0] - near) < abs(best[0] - near):
                best = hit
            at = hay.find(needle, at + 1)
        return best

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def write(self, folder: Path) -> Path:
        """Save the lines as `folder / file` (UTF-8), where the draft's citations point."""
        target = Path(folder) / self.file
        target.write_text(self.text(), encoding="utf-8")
        return target


def read_guide(path: Path) -> GuideText:
    """The guide at `path` (.txt/.md in UTF-8 or GB18030, .pdf, .docx) as numbered lines."""
    path = Path(path)
    if not path.is_file():
        raise BadInputError(f"找不到指南文件：{path}")
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md", ".text"):
        return _read_text(path)
    if suffix == ".pdf":
        return _made(path, _pdf_text(path))
    if suffix == ".docx":
        return _made(path, _docx_text(path))
    raise BadInputError(f"不支持的指南格式「{path.suffix}」：请提供 .txt、.pdf 或 .docx 文件")


# A guide is a notice of some tens of pages (the seeds: 50-230 KB); a text file far larger is
# not a guide (a log, a database dump, a wrong file) and would only exhaust the memory.
MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_TEXT_CHARS = 4_000_000
# control characters other than tab, line breaks and form feed: a binary file, not text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _too_big(name: str, size: int, what: str) -> BadInputError:
    return BadInputError(
        f"{name} 过大（{what}约 {size / 1024 / 1024:.1f} MB，上限 {MAX_TEXT_BYTES // 1024 // 1024} MB）："
        "指南通常不超过几百 KB，请确认选择的是指南文件"
    )


def _checked_text(name: str, text: str) -> str:
    """The text of a guide, or a clear refusal: no text, binary content, or far too long."""
    if len(text) > MAX_TEXT_CHARS:
        raise BadInputError(f"{name} 的文字过长（{len(text)} 个字符，上限 {MAX_TEXT_CHARS} 个）：请确认选择的是指南文件")
    if not text.strip():
        raise BadInputError(f"{name} 是空文件（没有文字），无法起草")
    sample = text[:200_000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise BadInputError(f"{name} 不是文本文件（含二进制内容），请提供指南的 .txt、.pdf 或 .docx 文件")
    return text


def _read_text(path: Path) -> GuideText:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise _too_big(path.name, size, "")
    data = path.read_bytes()
    if b"\x00" in data[:200_000]:
        raise BadInputError(f"{path.name} 不是文本文件（含二进制内容），请提供指南的 .txt、.pdf 或 .docx 文件")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise BadInputError(
                f"{path.name} 不是可读的文本：既不是 UTF-8 也不是 GB18030 编码（第 {exc.start + 1} 个字节无法解码）"
            ) from None
        text = _checked_text(path.name, text)
        lines = tuple(line.rstrip() for line in text.splitlines())
        return GuideText(file=f"{path.stem}.utf8.txt", lines=lines, origin=path, extracted=True)
    text = _checked_text(path.name, text)
    return GuideText(file=path.name, lines=tuple(text.splitlines()), origin=path, extracted=False)


def _made(path: Path, text: str) -> GuideText:
    if len(text) > MAX_TEXT_CHARS:
        raise BadInputError(f"{path.name} 的文字过长（{len(text)} 个字符，上限 {MAX_TEXT_CHARS} 个）：请确认选择的是指南文件")
    lines = tuple(line.rstrip() for line in text.splitlines())
    if not any(line.strip() for line in lines):
        raise BadInputError(f"{path.name} 中没有可提取的文字（扫描件须先做文字识别）")
    return GuideText(file=f"{path.stem}.txt", lines=lines, origin=path, extracted=True)


# ───────────────────────────── PDF ─────────────────────────────


def _pdf_text(path: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe:
        proc = subprocess.run(
            [exe, "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=300
        )
        if proc.returncode == 0:
            return proc.stdout.decode("utf-8", errors="replace")
        why = proc.stderr.decode("utf-8", errors="replace").strip()
    else:
        why = "未安装 poppler-utils（pdftotext）"
    try:
        import pypdf  # optional
    except ImportError:
        raise BadInputError(f"无法提取 {path.name} 的文字：{why}，也未安装 pypdf") from None
    try:
        reader = pypdf.PdfReader(str(path))
        pages = []
        for page in reader.pages:
            try:
                pages.append(page.extract_text(extraction_mode="layout"))
            except TypeError:  # pypdf before 3.17 has no layout mode
                pages.append(page.extract_text())
        return "\n".join(pages)
    except Exception as exc:  # a damaged file: say so, in the clerk's words
        raise BadInputError(f"无法提取 {path.name} 的文字：{exc}") from exc


# ───────────────────────────── DOCX ─────────────────────────────

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int) -> str:
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + s, n - v
    return out


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt.startswith("decimalEnclosedCircle"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _Numbering:
    """Word's automatic list numbers (numbering.xml), counted in document order."""

    def __init__(self, root) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for ab in root.iter(f"{_W}abstractNum"):
            lv = {}
            for lvl in ab.iter(f"{_W}lvl"):
                start = lvl.find(f"{_W}start")
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                lv[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                )
            self.levels[ab.get(f"{_W}abstractNumId")] = lv
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.abstract_of[num.get(f"{_W}numId")] = ref.get(f"{_W}val")

    def label(self, num_id: str, ilvl: int) -> str:
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(abstract, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else levels[ilvl][0]
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return ""

        def one(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            start, kfmt, _ = levels.get(k, (1, "decimal", ""))
            return _format(counts[k] or start, kfmt)

        return re.sub(r"%(\d)", one, text)


def _run_text(p) -> list[str]:
    """A paragraph's text; a manual line break (w:br) starts a new line."""
    out = [""]
    for el in p.iter():
        tag = el.tag
        if tag == f"{_W}t" and el.text:
            out[-1] += el.text
        elif tag == f"{_W}tab":
            out[-1] += "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("")
        elif tag == f"{_W}noBreakHyphen":
            out[-1] += "-"
    return out


def _docx_text(path: Path) -> str:
    from defusedxml import ElementTree as ET

    try:
        with zipfile.ZipFile(path) as zf:
            body_xml = zf.read("word/document.xml")
            names = set(zf.namelist())
            numbering_xml = zf.read("word/numbering.xml") if "word/numbering.xml" in names else None
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise BadInputError(f"{path.name} 不是有效的 .docx 文件：{exc}") from exc
    try:
        root = ET.fromstring(body_xml)
        numbering = _Numbering(ET.fromstring(numbering_xml) if numbering_xml else None)
    except Exception as exc:
        raise BadInputError(f"{path.name} 的内容无法解析：{exc}") from exc
    body = root.find(f"{_W}body")
    lines: list[str] = []

    def paragraph(p) -> list[str]:
        texts = _run_text(p)
        ppr = p.find(f"{_W}pPr")
        num = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num is not None:
            ilvl, nid = num.find(f"{_W}ilvl"), num.find(f"{_W}numId")
            label = numbering.label(
                nid.get(f"{_W}val") if nid is not None else "",
                int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0,
            )
            texts[0] = label + texts[0]
        return texts

    def walk(parent) -> None:
        for el in parent:
            if el.tag == f"{_W}p":
                lines.extend(paragraph(el))
            elif el.tag == f"{_W}tbl":
                for tr in el.iter(f"{_W}tr"):
                    cells = []
                    for tc in tr.findall(f"{_W}tc"):
                        cell = "".join("".join(paragraph(p)) for p in tc.iter(f"{_W}p")).strip()
                        if cell:
                            cells.append(cell)
                    lines.append("\t".join(cells))
            elif el.tag == f"{_W}sdt":
                content = el.find(f"{_W}sdtContent")
                if content is not None:
                    walk(content)

    if body is not None:
        walk(body)
    return "\n".join(lines)
