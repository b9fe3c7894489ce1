"""The one field vocabulary: how every reader recognises the wording of a field.

Ledger headers (`ledger`), submission labels (`submissions`), threshold fields and the values
given to `check` / `CHECK_ROW` (`thresholds.canonical_field`) all go through `field_key` (the
single normaliser) and `match` (the wordings clerks use), against one index: the canonical
names and aliases of `catalog/fields.yaml` and every field a catalog condition uses.

What is ignored or tried, in order (the exact wording always wins):

* full-width / half-width (NFKC), spaces, brackets of any kind, colons, a trailing "*",
  leading numbering ("1.", "（一）", "二、"), the unit words 万元 / 元 / % and a leading "其中";
* a bracketed note ("（不含税）", "(单位：万元)");
* a year or period prefix or suffix ("2021年", "2022年度", "上年度", "去年", "本年度", "（2021年）");
* a qualifier "X等" in front of the field ("设备等固定资产投资" -> 固定资产投资).

Shortened names (利润, 纳税, 营收) are aliases in fields.yaml.  Nothing is matched by
similarity: distinct concepts (净利润 / 利润总额, 营业收入 / 主营业务收入) stay distinct;
`closest` only *suggests* names for a wording nothing matched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from subsidykit.catalog import DATA_DIR, load_catalog
from subsidykit.catalog.cache import cached
from subsidykit.catalog.documents import read_yaml

FIELDS_FILE = Path(__file__).resolve().parents[1] / "catalog" / "fields.yaml"

_NUMBERING = re.compile(r"^(\d+[.、]|\(\d+\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)")
_BRACKETS = "()（）[]【】〔〕"
_BRACKETED = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]")
_PERIOD_PREFIX = re.compile(
    r"^(?:(?:19|20)\d{2}(?:年度|年末|年底|年|度)?|上一?年度?|去年度?|前一年度?|本年度?|当年度?|最近一年|近一年|年度)"
)
_PERIOD_SUFFIX = re.compile(r"(?:(?:19|20)\d{2}(?:年度|年)?|上一?年度?|本年度?|当年度?)$")
_QUALIFIER = re.compile(r"^[^等]{1,8}等(?=[^等]{2,}$)")  # "设备等固定资产投资"
# Columns a ledger has for its own bookkeeping: not fields, never reported as unmapped.
BOOKKEEPING = frozenset({"序号", "编号", "序", "排序", "排名", "备注", "说明", "其他说明", "备注说明"})
UNIT_WORDS = ("亿元", "千元", "万元", "元")


def nfkc(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text))


def field_key(text: object) -> str:
    """The single normaliser: the form in which two wordings of a field compare equal."""
    return _key(_WS.sub("", nfkc(text)))


_WS = re.compile(r"\s+")
_DROP = str.maketrans("", "", _BRACKETS + ":：*%")
_PERIOD_START = tuple("0123456789上去前本当最近年")
_PERIOD_END = tuple("0123456789年度")


def _key(t: str) -> str:
    """field_key of a text already NFKC-normalised and without spaces."""
    if t[:1].isdigit() or t[:1] in "(一二三四五六七八九十":
        t = _NUMBERING.sub("", t)
    t = t.strip("*:：").translate(_DROP)
    if "元" in t:
        t = t.replace("万元", "").replace("元", "")
    return t.removeprefix("其中")


def _strip_period(key: str) -> str:
    out = key
    if out.startswith(_PERIOD_START):
        out = _PERIOD_PREFIX.sub("", out, count=1).removeprefix("其中")
    if out.endswith(_PERIOD_END):
        out = _PERIOD_SUFFIX.sub("", out) or out
    return out


def candidates(text: object) -> list[str]:
    """The keys tried for a wording, the exact one first."""
    t = _WS.sub("", nfkc(text))
    out = [_key(t)]

    def add(k: str) -> None:
        if k and k not in out:
            out.append(k)

    if any(ch in t for ch in "([【〔"):
        bare = t
        while _BRACKETED.search(bare):
            bare = _BRACKETED.sub("", bare)
        if bare:
            add(_key(bare))
    for k in list(out):
        p = _strip_period(k)
        add(p)
        if "等" in k:
            for base in (k, p):
                q = _QUALIFIER.sub("", base)
                add(q)
                add(_strip_period(q))
    return [k for k in out if k]


# --- the vocabulary's tables: made from fields.yaml and the catalog, cached beside the catalog ---
# (fields.yaml, every catalog condition's field through `_lookup`: ~20 ms a process would pay at
# start-up; read back from the cache in well under 1 ms while the files and this module are unchanged)


def _make_tables() -> dict:
    data = read_yaml(FIELDS_FILE.read_text(encoding="utf-8")) or {}
    specs = {str(k): dict(v or {}) for k, v in data.items()}
    aliases: dict[str, str] = {}
    for canonical, spec in specs.items():
        for name in [canonical, *(spec.get("aliases") or [])]:
            aliases[field_key(name)] = canonical
    aliases.pop("", None)
    conditions = list(condition_fields(load_catalog()))
    idx = dict(aliases)
    names = [n for n, _unit in conditions]
    names += [*DERIVED_FROM, *(p for parts in DERIVED_FROM.values() for p in parts)]
    for name in names:
        key = field_key(name)
        if key and key not in idx:
            idx[key] = _lookup(name, aliases) or str(name).strip()

    def canonical(name: object) -> str:  # canonical_field, on the index being made
        return (_lookup(str(name), idx) if str(name).strip() else None) or str(name).strip()

    units: dict[str, str] = {}
    for name, unit in conditions:
        units.setdefault(canonical(name), unit)
    for name, spec in specs.items():
        units[name] = spec.get("unit", "文本")
    known = set(aliases.values())
    known.update(canonical(name) for name, _unit in conditions)
    known.update(DERIVED_FROM)
    for parts in DERIVED_FROM.values():
        known.update(parts)
    return {"specs": specs, "aliases": aliases, "index": idx, "units": units, "known": frozenset(known)}


@lru_cache(maxsize=1)
def _tables() -> dict:
    files = [*sorted(DATA_DIR.glob("*.yaml")), FIELDS_FILE, Path(__file__).resolve()]
    return cached("vocabulary", files, _make_tables, lambda d: isinstance(d, dict) and {"specs", "aliases", "index", "units", "known"} <= set(d))


def field_specs() -> dict[str, dict]:
    """fields.yaml: canonical name -> {unit, aliases, form_stand_in?}."""
    return _tables()["specs"]


def alias_index() -> dict[str, str]:
    """field_key(wording) -> canonical name, from fields.yaml."""
    return _tables()["aliases"]


def _lookup(text: object, index: dict[str, str]) -> str | None:
    for k in candidates(text):
        hit = index.get(k)
        if hit is not None:
            return hit
    return None


# Quantities the guides define from others: derived when the parts are given (thresholds.derive).
DERIVED_FROM: dict[str, tuple[str, ...]] = {
    "项目实施周期": ("开工日期", "完工日期"),
    "已投入比例": ("已完成投资", "项目总投入"),
}


def condition_fields(cat):
    """(field, unit) of every condition of the catalog: thresholds of the documents, programs
    and variants, and the fields their `when`/`unless` clauses decide on."""
    for doc in cat.documents:
        ts = [*doc.general_thresholds]
        for p in doc.programs:
            ts += [*p.thresholds, *(t for v in p.variants for t in v.thresholds)]
        for t in ts:
            yield t.field, t.unit
            yield from ((c.field, c.unit) for c in [*t.when, *t.unless])


def index() -> dict[str, str]:
    """field_key(wording) -> canonical name: fields.yaml and every field a catalog condition
    (or a derived quantity) uses."""
    return _tables()["index"]


@lru_cache(maxsize=8192)
def match(text: object) -> str | None:
    """The canonical field a wording names, or None when the vocabulary does not know it."""
    if text is None or not str(text).strip():
        return None
    return _lookup(str(text), index())


@lru_cache(maxsize=4096)
def canonical_field(text: str) -> str:
    """The canonical field a wording names (`match`: year/period prefixes, units in any bracket,
    qualifiers, aliases), or the wording itself (trimmed) when the vocabulary does not know it."""
    return match(text) or str(text).strip()


def field_units() -> dict[str, str]:
    """Canonical field name -> unit: every catalog condition's, then fields.yaml's (which wins)."""
    return _tables()["units"]


def known_fields() -> frozenset[str]:
    """Every canonical field name the project knows: fields.yaml, every catalog condition and the
    derived quantities with their parts."""
    return _tables()["known"]


def is_known_field(name: str) -> bool:
    return canonical_field(name) in known_fields()


def header_unit(header: object) -> str | None:
    """The unit a header states, in any bracket or none: "(元)", "【亿元】", "金额/元",
    "利润（单位：元）", "营业收入元"; None when 万元 or none."""
    text = re.sub(r"\s+", "", nfkc(header))
    m = re.search(r"[(\[【〔/](?:单位[:：]?)?(亿元|万元|千元|元)[)\]】〕]?$", text) or re.search(
        r"(?:单位[:：]?)?(亿元|万元|千元|元)$", text
    )
    if not m:
        return None
    unit = m.group(1)
    return None if unit == "万元" else unit


def unit_of(name: str) -> str:
    """The unit fields.yaml gives a canonical field ("文本" when it says none)."""
    return (field_specs().get(name) or {}).get("unit", "文本")


def form_stand_in(name: str) -> str | None:
    """The field fields.yaml lets stand in for `name` in a form column when a ledger has no
    `name` column (主营业务收入 <- 营业收入 for 附件2), or None."""
    v = (field_specs().get(name) or {}).get("form_stand_in")
    return str(v) if v else None


def closest_fields(text: object, n: int = 3, prefer: tuple[str, ...] = ()) -> list[str]:
    """Suggestions for a wording nothing matched: the known names (or their aliases) closest
    to it, the fields in `prefer` first when they are among the close ones."""
    import difflib

    words = {**alias_index(), **{field_key(f): f for f in known_fields()}}
    key = next((k for k in reversed(candidates(text)) if k), field_key(text))
    hits = difflib.get_close_matches(key, list(words), n=n * 4, cutoff=0.4)
    out: list[str] = []
    for h in hits:
        if words[h] not in out:
            out.append(words[h])
    if not out:  # shared characters: 项目总资 -> 项目总投入
        scored = sorted(known_fields(), key=lambda f: (-len(set(f) & set(key)), f))
        out = [f for f in scored[: n * 2] if set(f) & set(key)]
    if prefer:
        out = [f for f in out if f in prefer] + [f for f in out if f not in prefer]
    return out[:n]
