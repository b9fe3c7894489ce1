"""The held-out guides' truths (benchmarks/unseen, issue 17) are written by hand: every quote
must stand on the line it names, and every program title on its heading line, or the drafter's
score against them means nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

UNSEEN = Path(__file__).resolve().parents[1] / "benchmarks" / "unseen"
GUIDES = sorted(UNSEEN.glob("guide_*.txt"))


def _items(truth: dict):
    for c in (truth.get("general") or {}).get("conditions") or []:
        yield "通用条件", c
    for p in truth["programs"]:
        for item in [*(p.get("amounts") or []), *(p.get("conditions") or [])]:
            yield p["title"], item


@pytest.mark.parametrize("guide", GUIDES, ids=[g.stem for g in GUIDES])
def test_every_quote_stands_on_its_line(guide):
    lines = guide.read_text(encoding="utf-8").splitlines()
    truth = yaml.safe_load(guide.with_name(guide.name.replace("guide_", "truth_")).with_suffix(".yaml").read_text(encoding="utf-8"))
    bad = [(title, item["line"], item["text"]) for title, item in _items(truth) if item["text"] not in lines[item["line"] - 1]]
    assert bad == []
    heads = [(p["title"], p["heading_line"]) for p in truth["programs"] if p.get("heading_line") and p["title"] not in lines[p["heading_line"] - 1]]
    assert heads == []
    assert len(truth["programs"]) >= 20


def test_there_are_three_guides():
    assert [g.name for g in GUIDES] == ["guide_2027.txt", "guide_2028.txt", "guide_2029.txt"]
