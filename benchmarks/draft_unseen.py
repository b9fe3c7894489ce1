"""Benchmark (issue 17): the drafter on a guide it has never seen, scored against a truth file
written by hand from that guide's text.

    .venv/bin/python benchmarks/draft_unseen.py [--guide G.txt --truth T.yaml] [--misses]

Without --guide: every benchmarks/unseen/guide_*.txt with its truth_*.yaml (--dir: another folder,
e.g. benchmarks/practice).  The guides (fictional notices of 2027-2042) and their truths were
written by helpers that read the five seeds and DOMAIN.md but none of the drafter's code, tests or
benchmarks, so the drafter was not shaped to them; each was first scored with the drafter as it
stood (benchmarks/unseen/README.md, benchmarks/practice/README.md).  The truth lists, per program, every number with its role, value, line and
quote, and every quantitative condition.  Once the drafter is changed after seeing these misses
the guide is no longer unseen: a new one must be written for the next measurement.

Scores (the issue's targets for an unseen guide in brackets):
  programs      truth titles matched one to one by a drafted title (same text, or bigram
                similarity ≥ 0.8)                                                  [≥ 95%]
  amounts       truth numbers found in the draft with the same value, a compatible role and a
                citation overlapping the truth's line with a shared run of quote  [≥ 95%]
                (strict: in the matched program; by value: anywhere in the draft)
  conditions    truth conditions found as a drafted threshold with the same operator and value
                (dates as ISO, ratios as fractions, amounts in 万元) at an overlapping line [≥ 80%]
  cited         drafted sources whose quote stands at their lines                  [100%]
  invented      drafted numbers not standing in their own quote                    [0]
"""

from __future__ import annotations

import argparse
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402

from draft_bench import _lines, _source, facts_of, one_to_one, overlap, similar  # noqa: E402
from subsidykit.authoring.draft import draft_guide, invented_numbers, iter_sources  # noqa: E402
from subsidykit.catalog.sources import normalise, quote_problem  # noqa: E402

# truth role -> the draft roles (benchmarks/draft_bench.facts_of) that may carry it
ROLES = {
    "rate": ("rate",),
    "cap": ("cap",),
    "fixed": ("fixed", "unit_amount"),
    "per_unit": ("unit_amount", "fixed"),
    "tier": ("fixed", "cap", "unit_amount"),
    "first_payment": ("first_payment.share", "first_payment.amount"),
    "quota": ("quota",),
}


def drafted_facts(prog: dict) -> list:
    """A drafted program's numbers (draft_bench.facts_of), and its limits per 设区市 (each city's,
    or one named city's from a table of places), which a truth writes as quotas."""
    return facts_of(prog) + [("quota", lim["value"], _lines(lim)) for lim in prog.get("city_limits") or []]


def truth_value(item: dict) -> Decimal:
    v = Decimal(str(item["value"]))
    if item.get("unit") == "%" and item["role"] in ("rate", "first_payment"):
        return v / 100
    return v


def truth_facts(prog: dict) -> list[tuple[str, Decimal, tuple[int, int, str]]]:
    return [(a["role"], truth_value(a), (int(a["line"]), int(a["line"]), normalise(str(a["text"])))) for a in prog.get("amounts") or []]


def fact_hit(fact, pool) -> bool:
    role, value, lines = fact
    for r, v, ls in pool:
        if r not in ROLES[role] or ls is None:
            continue
        try:
            same = Decimal(str(v)) == value
        except Exception:
            same = False
        if same and (overlap(lines, ls) or _cell_quote_hit(lines, ls)):
            return True
    return False


def _cell_quote_hit(truth, drafted) -> bool:
    """A truth quote with no word in it ("200 50": the neighbouring cells of a flattened table row)
    cannot tell one benefit from another: the same value and role cited at the same line is the
    same fact, whatever the drafted quote's wording.  So is a truth quote of one table row's
    cells and a drafted quote of cells of that row ("一等奖……30": cells apart on one line)."""
    if truth is None or drafted is None or not (truth[0] <= drafted[1] and drafted[0] <= truth[1]):
        return False
    one_row = truth[0] == truth[1] == drafted[0] == drafted[1] and "……" in drafted[2]
    if one_row or (truth[0] == truth[1] and re.search(r"\||</td>|\t", truth[2]) and re.search(r"\||</td>|\t|……", drafted[2])):
        # one row of a table ("首次突破100亿元 | 500"), quoted by other cells of that row
        # ("第一档……500"): the same cell's value
        return True
    return not re.search(r"[\u4e00-\u9fffA-Za-z]", truth[2])


# a power or an energy in 兆瓦 is the drafter's 千瓦 (the same quantity: "1兆瓦" is written 1000 with a note)
_KILO = {"兆瓦": 1000, "MW": 1000, "兆瓦时": 1000, "MWh": 1000}


def cond_value(c: dict):
    v = c["value"]
    if c.get("unit") in _KILO and not isinstance(v, (list, str)):
        return Decimal(str(v)) * _KILO[c["unit"]]
    if c.get("unit") == "%":
        return [Decimal(str(x)) / 100 for x in v] if isinstance(v, list) else Decimal(str(v)) / 100
    if isinstance(v, list):  # a date window (ISO strings) or a range of amounts (numbers)
        return [str(x) if isinstance(x, str) else Decimal(str(x)) for x in v]
    if isinstance(v, str):
        return v
    return Decimal(str(v))


def drafted_thresholds(doc: dict) -> list[dict]:
    out = list(doc.get("general_thresholds") or [])
    for p in doc.get("programs") or []:
        out += list(p.get("thresholds") or [])
        for v in p.get("variants") or []:
            out += list(v.get("thresholds") or [])
    return out


def _year_window(c: dict) -> list[str] | None:
    """"2030年度新认定" written as 认定年度 == 2030: the same reading as the window
    [2030-01-01, 2030-12-31] (both ends included), which a draft may give instead."""
    v = c.get("value")
    if c.get("op") == "==" and isinstance(v, int) and 1900 < v < 3000:
        return [f"{v}-01-01", f"{v}-12-31"]
    return None


def cond_hit(c: dict, pool: list[dict]) -> bool:
    window = _year_window(c)
    if window is not None:
        c = {**c, "op": "between", "value": window}
    if _cond_hit(c, pool):
        return True
    # "实施期在A（含）至B（含）之间" as a window, or as its two ends: a start not before A and an
    # end not after B, both cited at the line (the drafter's reading of a period, with its note)
    if c["op"] == "between" and isinstance(c.get("value"), list) and len(c["value"]) == 2 \
            and all(isinstance(x, str) for x in c["value"]):
        a, b = c["value"]
        return _cond_hit({**c, "op": ">=", "value": a}, pool) and _cond_hit({**c, "op": "<=", "value": b}, pool)
    return False


def _cond_hit(c: dict, pool: list[dict]) -> bool:
    want = cond_value(c)
    line = int(c["line"])
    for t in pool:
        src = t.get("source") or {}
        lines = src.get("lines") or [0, 0]
        if not (lines[0] - 1 <= line <= lines[-1] + 1):
            continue
        if t.get("op") != c["op"]:
            continue
        v = t.get("value")
        try:
            if isinstance(want, list):
                got = [str(x) if isinstance(x, str) else Decimal(str(x)) for x in v] if isinstance(v, list) else None
            elif isinstance(want, str):
                got = str(v)
            else:
                got = Decimal(str(v))
        except Exception:
            continue
        if got == want:
            return True
    return False


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--guide", help="a guide (.txt); default: every benchmarks/unseen/guide_*.txt")
    ap.add_argument("--truth", help="its truth (.yaml); default: truth_<year>.yaml beside the guide")
    ap.add_argument("--dir", help="score every guide_*.txt in this folder (e.g. benchmarks/practice)")
    ap.add_argument("--misses", action="store_true", help="list every truth number and condition not found")
    args = ap.parse_args(argv)
    if args.dir:
        pairs = [(g, g.with_name(g.name.replace("guide_", "truth_")).with_suffix(".yaml")) for g in sorted(Path(args.dir).glob("guide_*.txt"))]
    elif args.guide:
        pairs = [(Path(args.guide), Path(args.truth) if args.truth else Path(args.guide).with_name(Path(args.guide).name.replace("guide_", "truth_")).with_suffix(".yaml"))]
    else:
        pairs = [(g, g.with_name(g.name.replace("guide_", "truth_")).with_suffix(".yaml")) for g in sorted((HERE / "unseen").glob("guide_*.txt"))]
    rc = 0
    for guide, truth in pairs:
        rc |= score(guide, truth, args.misses)
        print()
    return rc


def score(guide_path: Path, truth_path: Path, show_misses: bool) -> int:
    args = argparse.Namespace(guide=str(guide_path), truth=str(truth_path), misses=show_misses)
    truth = yaml.safe_load(Path(args.truth).read_text(encoding="utf-8"))
    try:
        d = draft_guide(Path(args.guide), year=int(truth.get("year") or 0) or None)
    except Exception as exc:  # a crash is the result on an unseen guide: say it, never hide it
        print(f"drafter crashed on {args.guide}: {type(exc).__name__}: {exc}")
        return 1
    doc = d.document
    drafted = doc.get("programs") or []
    tprogs = truth.get("programs") or []

    # programs, one to one
    pairs = sorted(((similar(t["title"], p["title"]), i, j) for i, t in enumerate(tprogs) for j, p in enumerate(drafted)), reverse=True)
    match = one_to_one((i, j) for s, i, j in pairs if s >= 0.8)
    misses: list[str] = []

    # a truth program whose numbered items are programs of their own (the contract's reading)
    # may be kept by its writer as a program too, or not: the drafter writes it as the `path` of
    # its items.  Such a program, when it has no amount of its own but a quota, is found as the
    # parent of the drafted programs under it.
    parents: dict[int, list[int]] = {}
    for i, t in enumerate(tprogs):
        if i in match or any(a["role"] != "quota" for a in t.get("amounts") or []):
            continue
        kids = [j for j, p in enumerate(drafted)
                if p.get("path") and similar(re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?\s*", "", str(p["path"][-1])), t["title"]) >= 0.8]
        if kids:
            parents[i] = kids
    for i, t in enumerate(tprogs):
        if i not in match and i not in parents:
            misses.append(f"项目 {t['title']}（第 {t.get('heading_line')} 行）：草稿中无此项目")
    all_facts = [f for p in drafted for f in drafted_facts(p)]
    strict = value = total = 0
    by_role: dict[str, list[int]] = {}
    for i, t in enumerate(tprogs):
        own = drafted_facts(drafted[match[i]]) if i in match else [f for j in parents.get(i, []) for f in drafted_facts(drafted[j])]
        for fact in truth_facts(t):
            total += 1
            row = by_role.setdefault(fact[0], [0, 0])
            row[1] += 1
            hit_strict = fact_hit(fact, own)
            hit_value = hit_strict or fact_hit(fact, all_facts)
            strict += hit_strict
            value += hit_value
            row[0] += hit_value
            if not hit_value:
                misses.append(f"金额 {t['title']}: {fact[0]} {fact[1]} 第 {fact[2][0]} 行「{fact[2][2][:40]}」")
            elif not hit_strict:
                misses.append(f"金额（在别的项目中找到）{t['title']}: {fact[0]} {fact[1]} 第 {fact[2][0]} 行「{fact[2][2][:40]}」")
    # drafted numbers that no truth number stands for (same value, overlapping lines): an amount
    # read from a threshold, or a number the truth does not count; listed, not a target
    truth_pool = [f for t in tprogs for f in truth_facts(t)]
    extra = []
    for role, v, lines in all_facts:
        if lines is None:
            continue
        try:
            dv = Decimal(str(v))
        except Exception:
            continue
        if not any(dv == tv and tl[0] <= lines[1] and lines[0] <= tl[1] for _, tv, tl in truth_pool):
            extra.append((role, v, lines))
            misses.append(f"多写 {role} {v} 第 {lines[0]}-{lines[1]} 行「{lines[2][:40]}」")
    pool = drafted_thresholds(doc)
    conds = [c for t in tprogs for c in (t.get("conditions") or [])] + list((truth.get("general") or {}).get("conditions") or [])
    found_c = 0
    for c in conds:
        if cond_hit(c, pool):
            found_c += 1
        else:
            misses.append(f"条件 {c['field']} {c['op']} {c['value']} 第 {c['line']} 行「{c['text'][:40]}」")

    guide = Path(args.guide)
    sources = list(iter_sources(doc))
    cited = sum(1 for _, src in sources if quote_problem(_source(src), root=guide.parent) is None)
    invented = invented_numbers(doc)
    todo = d.todo
    text = guide.read_text(encoding="utf-8").splitlines()

    print(f"unseen guide: {Path(args.guide).name} ({len(text)} lines), truth {Path(args.truth).name}")
    print("| measure | measured | target |")
    print("|---|---|---|")
    as_parent = f"; {len(parents)} of them as the parent of drafted items" if parents else ""
    print(f"| programs found | {pct(len(match) + len(parents), len(tprogs))} (drafted {len(drafted)}{as_parent}) | ≥ 95% |")
    print(f"| amounts and quotas, strict (in the matched program) | {pct(strict, total)} | ≥ 95% |")
    print(f"| amounts and quotas, by value and line | {pct(value, total)} | |")
    for role, (a, b) in sorted(by_role.items()):
        print(f"|   {role} | {pct(a, b)} | |")
    print(f"| quantitative conditions found | {pct(found_c, len(conds))} | ≥ 80% |")
    print(f"| drafted sources cited at their lines | {pct(cited, len(sources))} | 100% |")
    print(f"| numbers invented (not in their quote) | {len(invented)} | 0 |")
    print(f"| drafted amounts and quotas no truth number stands for | {len(extra)} of {len(all_facts)} | |")
    print(f"| catalog schema errors (the draft must load) | {len(d.schema_errors)} | 0 |")
    print(f"| todo sentences | {todo} | |")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
