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

from subsidykit.catalog import load_catalog
from subsidykit.catalog.cache import load_yaml

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


@lru_cache(maxsize=1)
def field_specs() -> dict[str, dict]:
    """fields.yaml: canonical name -> {unit, aliases, form_stand_in?}."""
    data = load_yaml(FIELDS_FILE) or {}
    return {str(k): dict(v or {}) for k, v in data.items()}


@lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """field_key(wording) -> canonical name, from fields.yaml."""
    out: dict[str, str] = {}
    for canonical, spec in field_specs().items():
        for name in [canonical, *(spec.get("aliases") or [])]:
            out[field_key(name)] = canonical
    out.pop("", None)
    return out


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


@lru_cache(maxsize=1)
def index() -> dict[str, str]:
    """field_key(wording) -> canonical name: fields.yaml and every field a catalog condition
    (or a derived quantity) uses."""
    out = dict(alias_index())
    names = [n for n, _unit in condition_fields(load_catalog())]
    names += [*DERIVED_FROM, *(p for parts in DERIVED_FROM.values() for p in parts)]
    for name in names:
        key = field_key(name)
        if key and key not in out:
            out[key] = _lookup(name, alias_index()) or str(name).strip()
    return out


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


@lru_cache(maxsize=1)
def field_units() -> dict[str, str]:
    """Canonical field name -> unit: every catalog condition's, then fields.yaml's (which wins)."""
    units: dict[str, str] = {}
    for name, unit in condition_fields(load_catalog()):
        units.setdefault(canonical_field(name), unit)
    for name, spec in field_specs().items():
        units[name] = spec.get("unit", "文本")
    return units


@lru_cache(maxsize=1)
def known_fields() -> frozenset[str]:
    """Every canonical field name the project knows: fields.yaml, every catalog condition and the
    derived quantities with their parts."""
    names = set(alias_index().values())
    names.update(canonical_field(name) for name, _unit in condition_fields(load_catalog()))
    names.update(DERIVED_FROM)
    for parts in DERIVED_FROM.values():
        names.update(parts)
    return frozenset(names)


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
