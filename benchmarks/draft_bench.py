"""Benchmark (issue 17): draft the catalog from each seed guide, then compare with the hand catalog.

    .venv/bin/python benchmarks/draft_bench.py [--seeds DIR] [--only 004] [--misses] [--holdout]
                                               [--json FILE] [--damage]

Phase 1 drafts every seed with `authoring.draft.draft_guide` and nothing else: the hand catalog
(subsidykit/catalog/data/*.yaml) is not opened until every draft is made.  Phase 2 reads the hand
catalog and compares, per seed, in two ways.

Table 1, STRICT (per program: the program structure must agree with the hand catalog):

  programs found     hand programs matched by a drafted one (same guide text title, white space,
                     quotes and a trailing 项目 ignored; else the most similar title ≥ 0.8), one to
                     one; between equal titles the path, then the amounts they share at the same
                     lines, then their order among the programs of that title decide;
                     `extra` = drafted programs matching none
  amounts            rate / cap / fixed / unit_amount of the program and of its variants (matched
                     by name), each counted where the hand catalog has it: equal, different, or
                     missing in the draft; `spurious` = a value the hand catalog does not have
  quotas, first pay  quota value, first payment share/amount: the same counts
  thresholds found   hand thresholds with a quantity (unit not 是否/文本): found when a drafted
                     threshold of the matched program (or the document) has the same op, unit
                     and value
  cited              drafted sources whose quote stands at their lines (catalog.sources.
                     quote_problem, re-run here) / all drafted sources
  invented           numbers in the draft that do not stand in their own quote (must be 0)
  todo               sentences listed under todo:

Table 2, BY VALUE AND LINE (independent of how the programs are cut): every number of the hand
catalog with its role — rate, cap, fixed, unit_amount (of a program, a variant, a stage or a
component), quota (of a program or a variant), first payment share or amount — is found when
the draft has the same value in the same role anywhere, cited at lines that overlap the hand
citation's lines with quotes that share a run of six characters (a line of an HTML digest holds
a whole paragraph: lines alone would let one benefit's number count for its neighbour's).  So a measure the draft splits into programs differently (or keeps as one
tiered program where the hand catalog has several, or the reverse) still counts when the right
numbers are at the right lines; a number the draft gives another role (a cap read as fixed)
does not.  `unmatched` = drafted numbers that match no hand number that way (shown, not scored).

Holdout (every run prints one line per seed; --holdout lists the hits): the issue's targets are
for a guide the drafter has never seen, so no drafter rule may be specific to a seed.  The
drafter's code (authoring/draft.py, text.py, clauses.py, clause_*.py) is searched for
  * a seed's program titles, variant names, path headings and quoted clauses: any run of 8
    characters of them that stands in the code and in no other seed's text (a phrase two guides
    share is a convention, not a seed's);
  * line numbers: "第N行" / "line N" / "lines [N" in the code's text, and integer literals of
    100 or more that are a line the seed's hand catalog cites (listed for a person to judge:
    most such literals are limits such as 100 or 400 characters).

Targets from the issue: ≥95% programs, ≥95% amounts and quotas exactly right, 100% cited,
0 invented, ≥80% conditions.  Nothing is asserted; the figures are printed as they are.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from subsidykit.authoring.draft import draft_guide, invented_numbers, iter_sources, longest_common_run  # noqa: E402
from subsidykit.catalog.sources import normalise, quote_problem, seeds_dir  # noqa: E402

DATA = ROOT / "subsidykit" / "catalog" / "data"
QUANT_UNITS_EXCLUDED = ("是否", "文本")


def norm_title(s: str) -> str:
    s = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in s)
    s = re.sub(r"[\s“”\"'‘’《》]", "", s)
    return re.sub(r"项目$", "", s)


def bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)}


def similar(a: str, b: str) -> float:
    a, b = norm_title(a), norm_title(b)
    if a == b:
        return 1.0
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def dec(v):
    if v is None or isinstance(v, bool):
        return v
    try:
        return Decimal(str(v))
    except Exception:
        return v


def same_value(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return False
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return dec(a) == dec(b)


def match_programs(hand: list[dict], drafted: list[dict]) -> dict[int, int]:
    """hand index -> drafted index (greedy by score: title, path, then — between programs of the
    same title — the numbers they share at the same lines, then their order within that title)."""
    def rank(progs: list[dict]) -> list[int]:
        seen: dict[str, int] = {}
        out = []
        for p in progs:
            key = norm_title(p["title"])
            out.append(seen.get(key, 0))
            seen[key] = seen.get(key, 0) + 1
        return out

    hr, dr = rank(hand), rank(drafted)
    dfacts = [facts_of(d) for d in drafted]
    pairs = []
    for i, h in enumerate(hand):
        hf = None
        for j, d in enumerate(drafted):
            s = similar(h["title"], d["title"])
            if s < 0.8:
                continue
            path = similar("/".join(h.get("path") or []), "/".join(d.get("path") or [])) if (h.get("path") or d.get("path")) else 1.0
            if hf is None:
                hf = facts_of(h)
            shared = sum(1 for f in hf if fact_found(f, dfacts[j]))
            pairs.append((s, path, shared, -abs(hr[i] - dr[j]), -abs(i - j), i, j))
    pairs.sort(reverse=True)
    return one_to_one((i, j) for *_, i, j in pairs)


def one_to_one(ranked) -> dict[int, int]:
    """Greedy one-to-one pairing: (i, j) pairs in order of preference, each side used once."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for i, j in ranked:
        if i in out or j in used:
            continue
        out[i] = j
        used.add(j)
    return out


class Tally:
    def __init__(self) -> None:
        self.c: dict[str, list[int]] = {}

    def add(self, key: str, hand_value, draft_value) -> None:
        """Counts [equal, different, missing, spurious] for one field."""
        row = self.c.setdefault(key, [0, 0, 0, 0])
        if hand_value is None:
            if draft_value is not None:
                row[3] += 1
            return
        if draft_value is None:
            row[2] += 1
        elif same_value(hand_value, draft_value):
            row[0] += 1
        else:
            row[1] += 1

    def ratio(self, keys) -> tuple[int, int]:
        eq = sum(self.c.get(k, [0] * 4)[0] for k in keys)
        total = sum(sum(self.c.get(k, [0] * 4)[:3]) for k in keys)
        return eq, total


AMOUNT_FIELDS = ("rate", "cap", "fixed", "unit_amount")
ROLES = (*AMOUNT_FIELDS, "quota", "first_payment.share", "first_payment.amount")


def _lines(item: dict | None):
    """(first, last, quote) of an item's citation, None without one."""
    src = (item or {}).get("source")
    if isinstance(src, dict) and src.get("lines"):
        a, b = src["lines"][0], src["lines"][-1]
        return (int(a), int(b), normalise(str(src.get("text") or "")))
    return None


def facts_of(prog: dict) -> list[tuple[str, object, tuple[int, int, str] | None]]:
    """(role, value, cited lines) of every number of a program: its own amounts, its variants',
    stages' and components', quotas (program and variants) and first payments.  An amount is
    cited by its item's source, else by the program's; a first payment by its own source."""
    out = []
    plines = _lines(prog)

    def amounts(item: dict, lines) -> None:
        for f in AMOUNT_FIELDS:
            if item.get(f) is not None:
                out.append((f, item[f], lines))
        for part in [*(item.get("stages") or []), *(item.get("components") or [])]:
            for f in ("rate", "cap", "fixed"):
                if part.get(f) is not None:
                    out.append((f, part[f], _lines(part) or lines))
        q = item.get("quota") or {}
        if q.get("value") is not None:
            out.append(("quota", q["value"], _lines(q)))
        fp = item.get("first_payment") or {}
        for k in ("share", "amount"):
            if fp.get(k) is not None:
                out.append((f"first_payment.{k}", fp[k], _lines(fp) or lines))

    amounts(prog, plines)
    for v in prog.get("variants") or []:
        amounts(v, _lines(v) or plines)
    # the same number at the same lines counts once
    seen, uniq = set(), []
    for role, value, lines in out:
        key = (role, str(dec(value)), tuple(lines) if lines else None)  # same number, same quote
        if key not in seen:
            seen.add(key)
            uniq.append((role, value, lines))
    return uniq


def overlap(a, b) -> bool:
    """Two citations at overlapping lines whose quotes share a run of 6 characters or more (a
    guide line may hold a whole paragraph: the lines alone would let one benefit's number count
    for another's on the same line)."""
    if a is None or b is None or not (a[0] <= b[1] and b[0] <= a[1]):
        return False
    x, y = a[2].replace("……", "\n"), b[2].replace("……", "\n")
    return not x or not y or longest_common_run(x, y) >= min(6, len(x), len(y))


def fact_found(fact, pool, lines_matter: bool = True) -> bool:
    role, value, lines = fact
    return any(r == role and same_value(value, v) and (overlap(lines, ls) or not lines_matter) for r, v, ls in pool)


def compare_by_value(hand_progs: list[dict], draft_progs: list[dict], lines_matter: bool = True) -> tuple[dict, list[str], int]:
    """Table 2: {role: [found, total]}, the hand numbers not found, and how many drafted numbers
    match no hand number.  `lines_matter` False (a damaged copy, whose lines are not the hand
    catalog's): value and role only."""
    hand_facts = [(p["title"], f) for p in hand_progs for f in facts_of(p)]
    draft_facts = [f for p in draft_progs for f in facts_of(p)]
    counts: dict[str, list[int]] = {r: [0, 0] for r in ROLES}
    missing = []
    seen = set()
    for title, fact in hand_facts:
        key = (fact[0], str(dec(fact[1])), fact[2][:2] if fact[2] else None)
        if key in seen:
            continue  # one number at one place, whichever programs repeat it
        seen.add(key)
        counts[fact[0]][1] += 1
        if fact_found(fact, draft_facts, lines_matter):
            counts[fact[0]][0] += 1
        else:
            missing.append(f"{title}: {fact[0]} {fact[1]}（第 {fact[2][0]}-{fact[2][1]} 行「{fact[2][2][:40]}」）" if fact[2] else f"{title}: {fact[0]} {fact[1]}")
    pool = [f for _, f in hand_facts]
    unmatched = sum(1 for f in draft_facts if not fact_found(f, pool, lines_matter))
    return counts, missing, unmatched


def pair_variants(hand_variants: list[dict], draft_variants: list[dict]) -> dict[int, int]:
    """hand variant index -> drafted variant index, one to one, most similar names first."""
    pairs = sorted(
        ((similar(h.get("name", ""), d.get("name", "")), i, j) for i, h in enumerate(hand_variants) for j, d in enumerate(draft_variants)),
        reverse=True,
    )
    return one_to_one((i, j) for s, i, j in pairs if s >= 0.5)


def compare_amounts(h: dict, d: dict, tally: Tally, misses: list[str], label: str, subs: list[dict] = ()) -> None:
    """Program amounts; a hand variant's amounts against the drafted variant of that name, or,
    where the draft has none, against the drafted program's own (a variant inherits them).
    `subs`: the drafted programs under this one (path ending with its title) — a class the hand
    catalog writes as a variant, the draft may write as a program of its own under it (the same
    fact, the guide's numbered sub-item)."""
    hv = list(h.get("variants", []) or [])
    dv = list(d.get("variants", []) or [])
    taken = {norm_title(v.get("name", "")) for v in dv}
    dv += [s for s in subs if norm_title(s.get("title", "")) not in taken]
    dv = [dict(v, name=v.get("name") or v.get("title", "")) for v in dv]
    for f in AMOUNT_FIELDS:
        if h.get(f) is None and hv:
            continue  # the amounts are the variants' (compared below)
        tally.add(f, h.get(f), d.get(f))
        if h.get(f) is not None and not same_value(h.get(f), d.get(f)):
            misses.append(f"{label}: {f} 手工 {h.get(f)} / 草稿 {d.get(f)}")
    pairs = pair_variants(hv, dv)
    for i, v in enumerate(hv):
        best = dv[pairs[i]] if i in pairs else None
        for f in AMOUNT_FIELDS:
            want = v.get(f) if v.get(f) is not None else h.get(f)
            if want is None:
                continue
            got = best.get(f) if best is not None and best.get(f) is not None else d.get(f)
            tally.add(f, want, got)
            if not same_value(want, got):
                misses.append(f"{label}/{v.get('name')}: {f} 手工 {want} / 草稿 {got}")


def quantitative(t: dict) -> bool:
    return t.get("unit") not in QUANT_UNITS_EXCLUDED


def thresholds_of(p: dict) -> list[dict]:
    out = list(p.get("thresholds", []) or [])
    for v in p.get("variants", []) or []:
        out += list(v.get("thresholds", []) or [])
    return out


def threshold_found(t: dict, pool: list[dict]) -> bool:
    for d in pool:
        if d.get("op") == t.get("op") and d.get("unit") == t.get("unit") and same_value(t.get("value"), d.get("value")):
            return True
    return False


def damage(text: str, width: int = 27, page: int = 40) -> str:
    """The seed as a worse PDF conversion would give it: every line longer than `width` broken
    into pieces of `width` characters (inside words and numbers too), and every `page` lines a
    page number "- N -" and a running header."""
    out: list[str] = []
    n = 1
    for line in text.splitlines():
        pieces = [line[i : i + width] for i in range(0, len(line), width)] or [""]
        for piece in pieces:
            out.append(piece)
            if len(out) % page == 0:
                out += ["", f"- {n} -", "", "示例省专项资金文件汇编", ""]
                n += 1
    return "\n".join(out) + "\n"


def bench(seeds: Path, only: str | None, show_misses: bool, damaged: Path | None = None) -> dict:
    files = sorted(p for p in seeds.glob("*.txt") if re.match(r"\d{3}_", p.name))
    if only:
        files = [f for f in files if f.name.startswith(only)]
    if damaged is not None:
        copies = []
        for f in files:
            target = damaged / f.name
            target.write_text(damage(f.read_text(encoding="utf-8")), encoding="utf-8")
            copies.append(target)
        files, seeds = copies, damaged
    # ── phase 1: draft, the hand catalog untouched ──
    drafts = {}
    for f in files:
        t0 = time.perf_counter()
        draft = draft_guide(f)
        drafts[f.name] = (draft, time.perf_counter() - t0)
    # ── phase 2: compare with the hand catalog ──
    import yaml

    hand_docs = {}
    for y in sorted(DATA.glob("*.yaml")):
        doc = yaml.safe_load(y.read_text(encoding="utf-8"))
        hand_docs[doc["file"]] = doc
    results = {}
    for name, (draft, secs) in drafts.items():
        hand = hand_docs.get(name)
        if hand is None:
            continue
        doc = draft.document
        hp, dp = hand["programs"], doc["programs"]
        pairs = match_programs(hp, dp)
        tally = Tally()
        misses: list[str] = []
        th_total = th_found = 0
        for i, h in enumerate(hp):
            if i not in pairs:
                misses.append(f"未找到项目：{'/'.join(h.get('path') or [])} | {h['title']}")
                continue
            d = dp[pairs[i]]
            label = h["title"]
            subs = [x for x in dp if x is not d and (x.get("path") or [""])[-1].endswith(d["title"])]
            compare_amounts(h, d, tally, misses, label, subs)
            tally.add("quota", (h.get("quota") or {}).get("value"), (d.get("quota") or {}).get("value"))
            if (h.get("quota") or {}).get("value") is not None and not same_value(h["quota"]["value"], (d.get("quota") or {}).get("value")):
                misses.append(f"{label}: quota 手工 {h['quota']['value']} / 草稿 {(d.get('quota') or {}).get('value')}")
            hf, df = h.get("first_payment") or {}, d.get("first_payment") or {}
            for k in ("share", "amount"):
                tally.add("first_payment", hf.get(k), df.get(k) if hf.get(k) is not None or df.get(k) is not None else None)
                if hf.get(k) is not None and not same_value(hf.get(k), df.get(k)):
                    misses.append(f"{label}: 首次拨付{k} 手工 {hf.get(k)} / 草稿 {df.get(k)}")
            pool = thresholds_of(d) + list(doc.get("general_thresholds", []) or [])
            for t in thresholds_of(h):
                if quantitative(t):
                    th_total += 1
                    if threshold_found(t, pool):
                        th_found += 1
                    elif show_misses:
                        misses.append(f"{label}: 条件未找到 {t.get('field')} {t.get('op')} {t.get('value')} {t.get('unit')}（{t['source']['lines']}）")
        for t in hand.get("general_thresholds", []) or []:
            if quantitative(t):
                th_total += 1
                if threshold_found(t, list(doc.get("general_thresholds", []) or [])):
                    th_found += 1
                elif show_misses:
                    misses.append(f"通用条件未找到 {t.get('field')} {t.get('op')} {t.get('value')} {t.get('unit')}")
        by_value, by_value_missing, unmatched = compare_by_value(hp, dp, lines_matter=damaged is None)
        sources = list(iter_sources(doc))
        cited = sum(1 for _, s in sources if quote_problem(_source(s), root=seeds) is None)
        invented = invented_numbers(doc)
        results[name] = {
            "seconds": round(secs, 2),
            "programs_hand": len(hp),
            "programs_found": len(pairs),
            "programs_extra": len(dp) - len(pairs),
            "fields": tally.c,
            "amounts": tally.ratio(AMOUNT_FIELDS),
            "quotas": tally.ratio(["quota"]),
            "first_payments": tally.ratio(["first_payment"]),
            "amounts_and_quotas": tally.ratio([*AMOUNT_FIELDS, "quota", "first_payment"]),
            "spurious": sum(v[3] for v in tally.c.values()),
            "thresholds": (th_found, th_total),
            "cited": (cited, len(sources)),
            "invented": len(invented),
            "invented_list": invented,
            "todo": draft.todo,
            "problems": len(draft.problems),
            "requoted": draft.requoted,
            "demoted": len(draft.demoted),
            "misses": misses,
            "by_value": by_value,
            "by_value_missing": by_value_missing,
            "unmatched": unmatched,
        }
    held = holdout(seeds_dir() if damaged is not None else seeds, hand_docs)
    for name, r in results.items():
        r["holdout"] = held.get(name, {"rules": [], "docs": [], "lines": [], "literals": []})
    return results


# ───────────────────────────── holdout ─────────────────────────────

CODE = [ROOT / "subsidykit" / "authoring" / n for n in ("draft.py", "text.py", "clauses.py")]
CODE += sorted((ROOT / "subsidykit" / "authoring").glob("clause_*.py"))
WINDOW = 8


def _flat(s: str) -> str:
    s = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in s)
    return re.sub(r"[\s“”\"'‘’《》〈〉*]|</?b>", "", s)


def _cjk(s: str) -> int:
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


def _windows(s: str) -> set[str]:
    return {s[i : i + WINDOW] for i in range(len(s) - WINDOW + 1) if _cjk(s[i : i + WINDOW]) >= 6}


def _cited_lines(obj, out: set[int]) -> set[int]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("source", "contact_source") and isinstance(v, dict) and v.get("lines"):
                a, b = int(v["lines"][0]), int(v["lines"][-1])
                out.update(range(a, b + 1))
            else:
                _cited_lines(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _cited_lines(v, out)
    return out


def _strings(doc: dict) -> tuple[list[str], list[str]]:
    """(names, quotes) of a hand document: program titles, variant names, path headings (their
    numbering dropped); every quoted clause's parts."""
    names, quotes = [], []
    for p in doc["programs"]:
        names.append(p["title"])
        names += [re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?", "", h) for h in p.get("path") or []]
        names += [v.get("name", "") for v in p.get("variants") or []]

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k in ("source", "contact_source") and isinstance(v, dict):
                    quotes.extend(re.split(r"……|…", v.get("text", "")))
                else:
                    walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(doc)
    return [n for n in names if n], [q for q in quotes if q]


def _code_pieces(path: Path) -> tuple[list[tuple[int, str, bool]], list[tuple[int, int]]]:
    """(line, text, is documentation) of every string literal and comment of a Python file (a
    docstring or a comment is documentation; any other string — a regex, a word list — is a rule),
    and (line, value) of its integer literals of 100 or more."""
    import io
    import tokenize

    pieces, numbers = [], []
    prev = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.COMMENT:
            pieces.append((tok.start[0], tok.string, True))
        elif tok.type == tokenize.STRING:
            doc = prev in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING)
            pieces.append((tok.start[0], tok.string, doc))
        elif tok.type == tokenize.NUMBER and re.fullmatch(r"\d+", tok.string) and int(tok.string) >= 100:
            numbers.append((tok.start[0], int(tok.string)))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            prev = tok.type
    return pieces, numbers


def holdout(seeds: Path, hand_docs: dict[str, dict]) -> dict[str, dict[str, list[str]]]:
    """Seed file -> {"rules": its own words in the drafter's rules (string literals that are not
    documentation), "docs": its own words in docstrings and comments, "lines": its line numbers
    written in the code, "literals": integer literals equal to a line it cites} (see the module
    docstring); "rules", "docs" and "lines" are warnings, "literals" is for a person to judge."""
    pieces: list[tuple[str, int, str, bool]] = []  # (file, line, flat text, is documentation)
    raws: list[tuple[str, int, str]] = []
    literals: list[tuple[str, int, int]] = []
    for path in CODE:
        if not path.is_file():
            continue
        rel = str(path.relative_to(ROOT))
        ps, nums = _code_pieces(path)
        for no, text, doc in ps:
            pieces.append((rel, no, _flat(text), doc))
            raws.append((rel, no, text))
        literals += [(rel, no, v) for no, v in nums]
    windows: dict[str, list[tuple[str, int, bool]]] = {}
    for rel, no, flat, doc in pieces:
        for w in _windows(flat):
            windows.setdefault(w, []).append((rel, no, doc))
    texts = {}
    for f in sorted(seeds.glob("*.txt")):
        if re.match(r"\d{3}_", f.name):
            texts[f.name] = _flat(f.read_text(encoding="utf-8"))
    domain = seeds.parent / "DOMAIN.md"
    shared = _flat(domain.read_text(encoding="utf-8")) if domain.is_file() else ""
    out: dict[str, dict[str, list[str]]] = {}
    for name, doc in hand_docs.items():
        if name not in texts:
            continue
        others = [t for n, t in texts.items() if n != name] + [shared]
        names, quotes = _strings(doc)
        flat_names = {_flat(n) for n in names}
        found: dict[tuple[str, int, bool], set[str]] = {}
        for s in flat_names | {_flat(q) for q in quotes}:
            if len(s) < WINDOW:  # a short name: the whole of it
                if s in flat_names and len(s) >= 4 and _cjk(s) >= 4 and not any(s in o for o in others):
                    for rel, no, flat, is_doc in pieces:
                        if s in flat:
                            found.setdefault((rel, no, is_doc), set()).add(s)
                continue
            for w in _windows(s):
                for rel, no, is_doc in windows.get(w, []):
                    if not any(w in o for o in others):
                        found.setdefault((rel, no, is_doc), set()).add(w)
        rules, docs = [], []
        for (rel, no, is_doc), ws in sorted(found.items()):
            (docs if is_doc else rules).append(f"{rel}:{no}: 「{'」「'.join(sorted(ws)[:3])}」")
        cited = _cited_lines(doc, set())
        line_hits = []
        for rel, no, raw in raws:
            for m in re.finditer(r"第\s*(\d{2,5})\s*行|\blines?\s*[:=]?\s*[\[(]\s*(\d{2,5})|\bline\s+(\d{2,5})", raw):
                n = int(next(g for g in m.groups() if g))
                if n in cited:
                    line_hits.append(f"{rel}:{no}: 行号 {n}（本种子手工目录引用了该行）")
        lits = sorted({(rel, no, v) for rel, no, v in literals if v in cited})
        out[name] = {"rules": rules, "docs": docs, "lines": line_hits,
                     "literals": [f"{v}@{rel.rsplit('/', 1)[-1]}:{no}" for rel, no, v in lits]}
    return out


def holdout_unseen(guides: list[Path], seeds: Path) -> dict[str, list[str]]:
    """Unseen guide file -> the places in the drafter's code (strings and comments) holding a run
    of WINDOW characters of that guide's text that no seed and not DOMAIN.md has: once a guide
    has been measured its sentences must not be pasted into the drafter either."""
    pieces: list[tuple[str, int, str]] = []
    for path in CODE:
        if path.is_file():
            rel = str(path.relative_to(ROOT))
            pieces += [(rel, no, _flat(text)) for no, text, _doc in _code_pieces(path)[0]]
    windows: dict[str, list[tuple[str, int]]] = {}
    for rel, no, flat in pieces:
        for w in _windows(flat):
            windows.setdefault(w, []).append((rel, no))
    others = [_flat(f.read_text(encoding="utf-8")) for f in sorted(seeds.glob("*.txt")) if re.match(r"\d{3}_", f.name)]
    domain = seeds.parent / "DOMAIN.md"
    if domain.is_file():
        others.append(_flat(domain.read_text(encoding="utf-8")))
    out: dict[str, list[str]] = {}
    for g in guides:
        found: dict[tuple[str, int], set[str]] = {}
        for w in _windows(_flat(g.read_text(encoding="utf-8"))):
            for rel, no in windows.get(w, []):
                if not any(w in o for o in others):
                    found.setdefault((rel, no), set()).add(w)
        out[g.name] = [f"{rel}:{no}: 「{'」「'.join(sorted(ws)[:3])}」" for (rel, no), ws in sorted(found.items())]
    return out


def _source(s: dict):
    from subsidykit.catalog.records import Source

    return Source(file=s["file"], lines=tuple(s["lines"]), text=s["text"])


def pct(pair) -> str:
    a, b = pair
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "—"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=None, help="种子文本目录（默认 ../shared/seeds）")
    ap.add_argument("--only", help="只跑文件名以此开头的种子，如 004")
    ap.add_argument("--misses", action="store_true", help="列出每个未找到的项目、不同的数值和未找到的条件")
    ap.add_argument("--json", type=Path, help="把结果写成 JSON")
    ap.add_argument("--damage", action="store_true", help="先把种子文本改坏（每 27 字断行、加页码和页眉）再起草")
    ap.add_argument("--holdout", action="store_true", help="列出起草程序代码中每一处某个种子独有的文字或行号")
    args = ap.parse_args(argv)
    seeds = args.seeds or seeds_dir()
    if args.damage:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="draft-bench-") as tmp:
            results = bench(seeds, args.only, args.misses, damaged=Path(tmp))
    else:
        results = bench(seeds, args.only, args.misses)
    cols = ["种子", "项目", "多出", "金额", "数量", "首拨", "金额+数量合计", "多写", "条件", "引文", "编造", "todo", "秒"]
    rows = []
    total = {"p": [0, 0], "extra": 0, "am": [0, 0], "q": [0, 0], "fp": [0, 0], "aq": [0, 0], "sp": 0, "th": [0, 0], "ci": [0, 0], "inv": 0, "todo": 0}
    for name, r in results.items():
        rows.append([
            name[:3], pct((r["programs_found"], r["programs_hand"])), str(r["programs_extra"]), pct(r["amounts"]),
            pct(r["quotas"]), pct(r["first_payments"]), pct(r["amounts_and_quotas"]), str(r["spurious"]),
            pct(r["thresholds"]), pct(r["cited"]), str(r["invented"]), str(r["todo"]), str(r["seconds"]),
        ])
        for key, src in (("p", (r["programs_found"], r["programs_hand"])), ("am", r["amounts"]), ("q", r["quotas"]),
                         ("fp", r["first_payments"]), ("aq", r["amounts_and_quotas"]), ("th", r["thresholds"]), ("ci", r["cited"])):
            total[key][0] += src[0]
            total[key][1] += src[1]
        total["extra"] += r["programs_extra"]
        total["sp"] += r["spurious"]
        total["inv"] += r["invented"]
        total["todo"] += r["todo"]
    rows.append([
        "合计", pct(total["p"]), str(total["extra"]), pct(total["am"]), pct(total["q"]), pct(total["fp"]), pct(total["aq"]),
        str(total["sp"]), pct(total["th"]), pct(total["ci"]), str(total["inv"]), str(total["todo"]), "",
    ])
    print("草稿对照手工目录（起草时未读取手工目录）" + ("；种子先改坏：每 27 字断行，每 40 行加页码与页眉" if args.damage else ""))
    print()
    print("表一 逐项目严格对照（项目须与手工目录同样划分：按标题配对，再比金额、数量、首拨、条件）")
    print(" | ".join(cols))
    for row in rows:
        print(" | ".join(row))
    print()
    lines_note = "（改坏的副本行号与手工目录不同：只比数值与角色）" if args.damage else "，且引文行与手工目录的引文行重叠"
    print("表二 按数值与行对照（不论项目如何划分：手工目录每个数值，草稿中任一处有同一角色、同一数值" + lines_note + "即算找到）")
    cols2 = ["种子", "比例", "上限", "定额", "单位金额", "数量", "首拨比例", "首拨金额", "金额+数量合计", "草稿未对上的数值"]
    print(" | ".join(cols2))
    t2 = {r: [0, 0] for r in ROLES}
    t2_un = 0
    for name, r in results.items():
        bv = r["by_value"]
        tot = (sum(v[0] for v in bv.values()), sum(v[1] for v in bv.values()))
        print(" | ".join([name[:3], *(pct(tuple(bv[k])) for k in ROLES), pct(tot), str(r["unmatched"])]))
        for k in ROLES:
            t2[k][0] += bv[k][0]
            t2[k][1] += bv[k][1]
        t2_un += r["unmatched"]
    tot = (sum(v[0] for v in t2.values()), sum(v[1] for v in t2.values()))
    print(" | ".join(["合计", *(pct(tuple(t2[k])) for k in ROLES), pct(tot), str(t2_un)]))
    print()
    print("留出检查（起草程序中不得有某个种子独有的文字或行号）：")
    for name, r in results.items():
        h = r["holdout"]
        if h["rules"] or h["lines"] or h["docs"]:
            print(f"  警告 {name}: 本种子独有的文字在规则（非注释的字符串）中 {len(h['rules'])} 处、在注释/文档字符串中 "
                  f"{len(h['docs'])} 处；行号 {len(h['lines'])} 处" + ("" if args.holdout else "（--holdout 列出）"))
        else:
            print(f"  {name}: 代码中没有本种子独有的文字或行号")
        if h["literals"]:
            print(f"     另有 {len(h['literals'])} 个整数常量恰等于本种子引用的某一行（多为长度、金额等界限，请人工判断）"
                  + ("：" + "，".join(h["literals"]) if args.holdout else ""))
        if args.holdout:
            for x in h["rules"]:
                print("      规则:", x)
            for x in h["lines"]:
                print("      行号:", x)
            for x in h["docs"]:
                print("      注释:", x)
    # every held-out guide (benchmarks/unseen/; a new one is added there once first measured)
    held: dict[str, Path] = {g.name: g for g in sorted((HERE / "unseen").glob("guide_*.txt"))}
    for gname, hits in holdout_unseen(sorted(held.values()), seeds).items():
        if hits:
            print(f"  警告 {gname}（留出指南）: 其独有的文字在代码中 {len(hits)} 处" + ("" if args.holdout else "（--holdout 列出）"))
            if args.holdout:
                for x in hits:
                    print("      ", x)
        else:
            print(f"  {gname}（留出指南）: 代码中没有该指南独有的文字")
    print()
    print("目标：项目 ≥95%，金额与数量完全一致 ≥95%，引文 100%，编造 0，条件 ≥80%。")
    for name, r in results.items():
        print(f"{name}: 字段明细 [一致, 不同, 缺失, 多写] " + ", ".join(f"{k}={v}" for k, v in sorted(r["fields"].items()))
              + f"；引文修补 {r['requoted']}，撤下数值 {r['demoted']}，引文问题 {r['problems']}")
        for x in r["invented_list"][:5]:
            print("   编造:", x)
        if args.misses:
            for m in r["misses"]:
                print("   ", m)
            for m in r["by_value_missing"]:
                print("    表二未找到:", m)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
