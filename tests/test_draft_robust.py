"""The drafter never crashes (issue 17, helper PARSER2).

* Hypothesis drafts random damage of the five seed guides and of the unseen 2027 guide — lines
  deleted, shuffled, duplicated, cut in the middle, characters swapped for their full-/half-width
  twins, page-number lines put in, sections emptied, headings with nothing under them — and
  checks that drafting raises nothing, that every drafted quote stands at its lines (the
  citation check passes) and that no drafted number is missing from its own quote.
* `subsidykit catalog draft` on an empty file, a binary file, a 20 MB file (in a subprocess under
  a memory limit) and a file of headings only ends with a message in Chinese, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from subsidykit.authoring.draft import draft_guide, invented_numbers, iter_sources
from subsidykit.catalog.records import Source
from subsidykit.catalog.sources import quote_problem, seeds_dir
from subsidykit.errors import BadInputError

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "benchmarks" / "unseen" / "guide_2027.txt"


def _guides() -> dict[str, list[str]]:
    out = {}
    seeds = seeds_dir()
    if seeds.is_dir():
        for f in sorted(seeds.glob("[0-9][0-9][0-9]_*.txt")):
            out[f.name] = f.read_text(encoding="utf-8").splitlines()
    if UNSEEN.is_file():
        out[UNSEEN.name] = UNSEEN.read_text(encoding="utf-8").splitlines()
    return out


GUIDES = _guides()
NAMES = sorted(GUIDES)

# full-width <-> half-width twins, and a few look-alikes the guides mix
_TWINS = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_TWINS.update({v: k for k, v in list(_TWINS.items())})
_TWINS.update({"。": ".", "、": ",", "（": "(", "）": ")", " ": "\u3000", "\u3000": " ", "—": "-", "％": "%"})
PAGE_LINES = ["— 12 —", "- 3 -", "第 7 页", "第 2 页 共 9 页", "17", "4/20", "－ 5 －"]
NOISE = "0123456789%％万元亿个家（）()、，。；：不超过以上以下含年月日第页—-一二三十百分之半"
EMPTY_HEADINGS = ["（三）支持数量", "2. 补助标准。", "二、申报条件", "（二）支持条件：", "四、", "3．支持名额", "（一）"]


def _damage(lines: list[str], ops: list[tuple], window: tuple[int, int]) -> list[str]:
    a, n = window
    if lines:
        a %= len(lines)
        lines = lines[a : a + n] if n else lines[a:]
    lines = list(lines)
    for op, i, j, k in ops:
        if not lines:
            lines = [EMPTY_HEADINGS[k % len(EMPTY_HEADINGS)]]
        i %= len(lines)
        if op == "delete":
            del lines[i : i + 1 + j % 5]
        elif op == "duplicate":
            lines[i:i] = lines[i : i + 1 + j % 4]
        elif op == "shuffle":
            block = lines[i : i + 2 + j % 6]
            block = block[k % max(1, len(block)) :] + block[: k % max(1, len(block))]
            lines[i : i + len(block)] = block
        elif op == "cut":
            line = lines[i]
            c = j % (len(line) + 1)
            lines[i : i + 1] = [line[:c], line[c:]] if k % 2 else [line[:c]]
        elif op == "twins":
            line = lines[i]
            lines[i] = "".join(_TWINS.get(ch, ch) if (p + j) % (1 + k % 3) == 0 else ch for p, ch in enumerate(line))
        elif op == "page":
            lines.insert(i, PAGE_LINES[j % len(PAGE_LINES)])
        elif op == "empty_section":
            # a heading keeps its place, what stood under it (up to the next blank line) goes
            end = i + 1
            while end < len(lines) and lines[end].strip() and end - i < 12:
                end += 1
            del lines[i + 1 : end]
        elif op == "bare_heading":
            lines.insert(i, EMPTY_HEADINGS[j % len(EMPTY_HEADINGS)])
        elif op == "blank":
            lines[i] = ""
        elif op == "noise":
            # a few characters of the line replaced by digits, units, brackets, counting words
            line = list(lines[i])
            for step in range(1 + k % 4):
                if line:
                    line[(j + 7 * step) % len(line)] = NOISE[(j + k + step) % len(NOISE)]
            lines[i] = "".join(line)
        elif op == "join":
            lines[i : i + 2] = ["".join(lines[i : i + 2])]
    return lines


OPS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "shuffle", "cut", "twins", "page", "empty_section", "bare_heading", "blank", "noise", "join"]),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=24,
)
# a stretch of the guide (its start, its length in lines; 0 = to the end), so that the examples
# stay fast and every part of every guide gets its turn
WINDOW = st.tuples(st.integers(0, 5_000), st.sampled_from([0, 40, 80, 160, 320]))


def _check_draft(lines: list[str], year: int | None = 2027) -> None:
    with tempfile.TemporaryDirectory(prefix="robust-") as tmp:
        path = Path(tmp) / "guide.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        if not "".join(lines).strip():
            # nothing left: refused with a message, not drafted
            with pytest.raises(BadInputError, match="空文件"):
                draft_guide(path, year=year)
            return
        draft = draft_guide(path, year=year)
        doc = draft.document
        draft.to_yaml()
        assert draft.problems == [], draft.problems[:3]
        for where, s in iter_sources(doc):
            problem = quote_problem(Source(file=s["file"], lines=tuple(s["lines"]), text=s["text"]), root=Path(tmp))
            assert problem is None, f"{where}: {problem}"
        assert invented_numbers(doc) == []
        for holder in [doc, *doc.get("programs", [])]:
            for t in holder.get("todo") or []:
                problem = quote_problem(Source(file=path.name, lines=tuple(t["lines"]), text=t["text"]), root=Path(tmp))
                assert problem is None or "原句未能逐字核实" in (t.get("note") or ""), problem


pytestmark = pytest.mark.skipif(not GUIDES, reason="no guides to damage")
# the same examples every run (CI time stays bounded), no shrinking (a failing example is printed
# as generated: shrinking a whole guide can take minutes), no deadline (a whole seed takes ~0.3 s)
_FAST = dict(
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@settings(max_examples=200, **_FAST)
@given(name=st.sampled_from(NAMES or ["-"]), window=WINDOW, ops=OPS)
def test_damaged_guides_draft_without_errors_and_every_quote_stands(name, window, ops):
    _check_draft(_damage(GUIDES[name], ops, window))


@settings(max_examples=60, **_FAST)
@given(
    name=st.sampled_from(NAMES or ["-"]),
    window=WINDOW,
    noise=st.lists(st.text(alphabet="一二三四五六七八九十（）()、.．。，；：%％万元亿个家不超过以上以下含年月日第页—-0123456789 \u3000", max_size=30), max_size=8),
    at=st.lists(st.integers(0, 10_000), min_size=8, max_size=8),
)
def test_guides_with_random_lines_put_in_draft_without_errors(name, window, noise, at):
    lines = _damage(GUIDES[name], [], window)
    for k, extra in enumerate(noise):
        lines.insert(at[k] % (len(lines) + 1), extra)
    _check_draft(lines)


def test_whole_guides_damaged_the_same_way_every_run():
    # every guide whole, once, with every kind of damage
    ops = [(op, 37 * k, 11 * k, k) for k, op in enumerate(
        ["delete", "duplicate", "shuffle", "cut", "twins", "page", "empty_section", "bare_heading", "blank", "noise", "join"] * 3
    )]
    for name in NAMES:
        _check_draft(_damage(GUIDES[name], ops, (0, 0)))


# ------------------------------------------------------------------------------------------
# the command on files that are no guide
# ------------------------------------------------------------------------------------------
_LIMITED = """
import resource, sys
limit = int(sys.argv[1]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from subsidykit.cli.app import main
sys.exit(main(sys.argv[2:]))
"""


def _run(args: list[str], mem_mb: int = 2048) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, str(mem_mb), *args],
        capture_output=True, text=True, timeout=180, cwd=ROOT, env=env,
    )


def _says_in_chinese(proc: subprocess.CompletedProcess, *words: str) -> None:
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out[-2000:]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out), out
    for w in words:
        assert w in out, out


def test_the_command_on_an_empty_file(tmp_path):
    (tmp_path / "空.txt").write_text("", encoding="utf-8")
    proc = _run(["catalog", "draft", str(tmp_path / "空.txt"), "--out", str(tmp_path / "a.yaml")])
    assert proc.returncode != 0
    _says_in_chinese(proc, "空文件")
    (tmp_path / "白.txt").write_text("\n  \n\u3000\n", encoding="utf-8")
    proc = _run(["catalog", "draft", str(tmp_path / "白.txt"), "--year", "2027", "--out", str(tmp_path / "b.yaml")])
    assert proc.returncode != 0
    _says_in_chinese(proc, "空文件")
    assert not (tmp_path / "b.yaml").exists()


def test_the_command_on_a_binary_file(tmp_path):
    import random

    rnd = random.Random(7)
    (tmp_path / "x.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(5000)))
    proc = _run(["catalog", "draft", str(tmp_path / "x.txt"), "--year", "2027", "--out", str(tmp_path / "a.yaml")])
    assert proc.returncode != 0
    _says_in_chinese(proc, "不是")
    # bytes that decode but are control characters: not text either
    (tmp_path / "y.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06" * 500)
    proc = _run(["catalog", "draft", str(tmp_path / "y.txt"), "--year", "2027", "--out", str(tmp_path / "b.yaml")])
    assert proc.returncode != 0
    _says_in_chinese(proc, "不是文本文件")


def test_the_command_on_a_20_mb_file_under_a_memory_limit(tmp_path):
    text = (UNSEEN if UNSEEN.is_file() else next(seeds_dir().glob("*.txt"))).read_text(encoding="utf-8")
    big = tmp_path / "大.txt"
    with big.open("w", encoding="utf-8") as f:
        written = 0
        while written < 20 * 1024 * 1024:
            f.write(text)
            written += len(text.encode("utf-8"))
    proc = _run(["catalog", "draft", str(big), "--year", "2027", "--out", str(tmp_path / "a.yaml")], mem_mb=1024)
    assert proc.returncode != 0
    _says_in_chinese(proc, "过大")
    assert not (tmp_path / "a.yaml").exists()


def test_the_command_on_a_file_of_headings_only(tmp_path):
    (tmp_path / "h.txt").write_text("\n".join(["一、支持条件", "", "（一）补助标准", "2. 支持数量。", "二、申报条件", "（二）"]) + "\n", encoding="utf-8")
    proc = _run(["catalog", "draft", str(tmp_path / "h.txt"), "--year", "2027", "--out", str(tmp_path / "a.yaml")])
    _says_in_chinese(proc, "项目 0 个")
    assert proc.returncode == 0
