"""The hand-written truths of the drafter's measured guides (issue 17) — benchmarks/unseen (each
measured once while the drafter had never seen it) and benchmarks/practice (the guides the
drafter was improved on) — must hold: every quote stands on the line it names, and every program
title on its heading line (or that line and the next, when the title wraps, or in order down a
column table's cell), or the drafter's
score against them means nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
UNSEEN = BENCH / "unseen"
PRACTICE = BENCH / "practice"
GUIDES = sorted(UNSEEN.glob("guide_*.txt")) + sorted(PRACTICE.glob("guide_*.txt"))


def _items(truth: dict):
    for c in (truth.get("general") or {}).get("conditions") or []:
        yield "通用条件", c
    for p in truth["programs"]:
        for item in [*(p.get("amounts") or []), *(p.get("conditions") or [])]:
            yield p["title"], item
        if p.get("no_amount"):
            yield p["title"], p["no_amount"]


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("guide", GUIDES, ids=[f"{g.parent.name}-{g.stem}" for g in GUIDES])
def test_every_quote_stands_on_its_line(guide):
    lines = guide.read_text(encoding="utf-8").splitlines()
    truth = yaml.safe_load(guide.with_name(guide.name.replace("guide_", "truth_")).with_suffix(".yaml").read_text(encoding="utf-8"))
    bad = [(title, item["line"], item["text"]) for title, item in _items(truth) if item["text"] not in lines[item["line"] - 1]]
    assert bad == []

    def heading(no: int) -> str:
        return _flat(lines[no - 1] + (lines[no] if no < len(lines) else ""))

    def in_a_cell(title: str, no: int) -> bool:
        # a title wrapped inside a column table's cell: its pieces stand in order on the heading
        # line and the lines below, other columns between them
        t, below = _flat(title), iter(_flat("".join(lines[no - 1 : no + 7])))
        return _flat(lines[no - 1]).find(t[:2]) >= 0 and all(ch in below for ch in t)

    heads = [(p["title"], p["heading_line"]) for p in truth["programs"]
             if p.get("heading_line") and _flat(p["title"]) not in heading(p["heading_line"])
             and not in_a_cell(p["title"], p["heading_line"])]
    assert heads == []
    assert len(truth["programs"]) >= 20


def test_the_measured_guides_are_all_here():
    assert [g.name for g in sorted(UNSEEN.glob("guide_*.txt"))] == [
        "guide_2027.txt", "guide_2028.txt", "guide_2029.txt", "guide_2034.txt", "guide_2035.txt", "guide_2039.txt", "guide_2040.txt",
        "guide_2041.txt", "guide_2042.txt", "guide_2043.txt", "guide_2044.txt", "guide_2045.txt", "guide_2046.txt", "guide_2047.txt",
            "guide_2053.txt", "guide_2054.txt", "guide_2055.txt", "guide_2056.txt", "guide_2057.txt",
            "guide_2063.txt", "guide_2064.txt", "guide_2065.txt", "guide_2066.txt", "guide_2067.txt",
            "guide_2081.txt", "guide_2082.txt", "guide_2083.txt", "guide_2084.txt", "guide_2085.txt",
            "guide_2091.txt", "guide_2092.txt", "guide_2093.txt", "guide_2094.txt", "guide_2095.txt",
            "guide_2101.txt", "guide_2102.txt", "guide_2103.txt", "guide_2104.txt", "guide_2105.txt",
            "guide_2111.txt", "guide_2112.txt", "guide_2113.txt", "guide_2114.txt", "guide_2115.txt",
            "guide_2121.txt", "guide_2122.txt", "guide_2123.txt", "guide_2124.txt", "guide_2125.txt",
            "guide_2131.txt", "guide_2132.txt", "guide_2133.txt", "guide_2134.txt", "guide_2135.txt",
            "guide_2141.txt", "guide_2142.txt", "guide_2143.txt", "guide_2144.txt", "guide_2145.txt",
            "guide_2151.txt", "guide_2152.txt", "guide_2153.txt", "guide_2154.txt", "guide_2155.txt",
            "guide_2161.txt", "guide_2162.txt", "guide_2163.txt", "guide_2164.txt", "guide_2165.txt",
            "guide_2171.txt", "guide_2172.txt", "guide_2173.txt", "guide_2174.txt", "guide_2175.txt",
            "guide_2181.txt", "guide_2182.txt", "guide_2183.txt", "guide_2184.txt", "guide_2185.txt",
            "guide_2191.txt", "guide_2192.txt", "guide_2193.txt", "guide_2194.txt", "guide_2195.txt",
            "guide_2201.txt", "guide_2202.txt", "guide_2203.txt", "guide_2204.txt", "guide_2205.txt",
            "guide_2211.txt", "guide_2212.txt", "guide_2213.txt", "guide_2214.txt", "guide_2215.txt",
            "guide_2221.txt", "guide_2222.txt", "guide_2223.txt", "guide_2224.txt", "guide_2225.txt",
            "guide_2231.txt", "guide_2232.txt", "guide_2233.txt", "guide_2234.txt", "guide_2235.txt",
            "guide_2241.txt", "guide_2242.txt", "guide_2243.txt", "guide_2244.txt", "guide_2245.txt",
            "guide_2251.txt", "guide_2252.txt", "guide_2253.txt", "guide_2254.txt", "guide_2255.txt",
            "guide_2261.txt", "guide_2262.txt", "guide_2263.txt", "guide_2264.txt", "guide_2265.txt"]
    assert [g.name for g in sorted(PRACTICE.glob("guide_*.txt"))] == [
        "guide_2030.txt", "guide_2031.txt", "guide_2032.txt", "guide_2033.txt", "guide_2036.txt", "guide_2037.txt", "guide_2038.txt"]
