"""Finding a program (and variant) by the names clerks use.

Accepted: an id ("2023-smart-factory", "2024-…-funding/创新类项目"); "2023/智能制造示范工厂项目"; a
title with a separate year; "2023/高端化改造升级项目/重大技术改造项目" or a separate variant; a
heading as printed ("四、首台（套）装备示范应用项目（免申直达）"); a heading above the program
("2024/顶级支持“攀峰”领军人才/创新类项目", "2023/标杆示范项目/智能制造示范工厂项目"); a variant by
its core text or with its qualifiers in another order; a tier by its amount; catalog aliases.
The trailing "项目" is optional; without a year, the latest guide with the name. A name that
fits several programs or variants is refused with the exact strings to type (`typing_label`).
"""

from __future__ import annotations

import _thread
import re
import unicodedata

from subsidykit.catalog import Catalog, Program, Variant, load_catalog
from subsidykit.catalog.frozen import Record
from subsidykit.errors import (
    AmbiguousProgramError,
    BadInputError,
    SubsidyError,
    UnknownProgramError,
    VariantRequiredError,
)
from subsidykit.rules.parsing import optional_year, parse_year


_NUMBERING = re.compile(
    r"^(第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百]+\)"
    r"|\(\d{1,2}\)|\d{1,2}[.、](?!\d))"
)
_BRACKETS = "()[]【】〔〕〈〉<>"
_SEPARATORS = "·・•、,;:|/\\-—–_"
_SPLIT = re.compile("[" + re.escape(_BRACKETS + _SEPARATORS) + "]+")


def name_key(name: str) -> str:
    """Compare names without width, spaces, quotes, numbering, a "（免申直达）" marker or a trailing 项目.

    "四、首台（套）装备示范应用项目（免申直达）", "（1）首台(套)装备示范应用。" and "首台（套）装备示范应用"
    have one key: the numbering (一、（一）1.（1）第一章), the marker and the full stop after a
    heading as printed are not part of the name.
    """
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"\s", "", text).lstrip("#")  # "## 国家绿色制造名单" as the seed texts print headings
    for _ in range(4):  # "一、(一)1.(1)" stacked numbering; before quotes go: "3.“5G+…”" is not 3.5
        stripped = _NUMBERING.sub("", text, count=1)
        if stripped == text or not stripped:
            break
        text = stripped
    text = re.sub(r"[\"'“”‘’「」『』《》]", "", text)
    text = text.replace("(免申直达)", "")
    text = text.rstrip("。.:;,")
    if text.endswith("项目") and len(text) > 2:
        text = text[:-2]
    return text


def loose_key(name: str) -> str:
    """`name_key` without brackets and separators: 首台（套） = 首台套, 创新药 生产地址在我省 = 创新药（生产地址在我省）."""
    text = _SPLIT.sub("", name_key(name))
    if text.endswith("项目") and len(text) > 2:
        text = text[:-2]
    return text


def name_parts(name: str) -> frozenset[str]:
    """A name's core and qualifiers, in any order: 创新药（生产地址在我省） = 生产地址在我省·创新药."""
    out = set()
    for part in _SPLIT.split(name_key(name)):
        if part.endswith("项目") and len(part) > 2:
            part = part[:-2]
        if part:
            out.add(part)
    return frozenset(out)


def _tier_amount(key: str) -> str | None:
    """The amount a tier is named by: "400万元档", "400万元", "补助额400万元" -> "400"."""
    m = re.fullmatch(r"(?:单个项目)?(?:补助额?)?(\d+)(?:万元?)?(?:档|一档)?", key)
    return m.group(1) if m else None


def keyword_matches(program: Program, keyword: str) -> bool:
    """Keyword search: the title, aliases, variants (and their aliases), path headings and guide."""
    key = loose_key(keyword) or name_key(keyword)
    if not key:
        return True
    texts = [program.title, *_alias_names(program), *program.path, program.guide]
    for v in program.variants:
        texts += [v.name, *_alias_names(v)]
    return any(key in loose_key(t) for t in texts if t)


def _alias_names(obj) -> list[str]:
    return [a if isinstance(a, str) else a.name for a in getattr(obj, "aliases", ())]


class Selection(Record):
    """A program and, where chosen, one of its variants."""

    program: Program
    variant: Variant | None
    _fields = ("program", "variant")

    def __init__(self, program: Program, variant: Variant | None = None) -> None:
        object.__setattr__(self, "program", program)
        object.__setattr__(self, "variant", variant)

    def __hash__(self):  # the program's id (and the variant's name) names it: no deep hash
        return hash((self.program.id, self.variant.name if self.variant is not None else None))

    @property
    def label(self) -> str:
        base = f"{self.program.year}/{self.program.title}"
        return f"{base}/{self.variant.name}" if self.variant else base

    def field(self, name: str):
        """A field of the variant where it sets one, else the program's."""
        if self.variant is not None:
            value = getattr(self.variant, name, None)
            if value not in (None, [], ()):
                return value
        return getattr(self.program, name)


def _split(name: str) -> tuple[int | None, list[str]]:
    """"2023/标题/子类" -> (2023, [标题, 子类]); also "标题/子类" and plain "标题"."""
    parts = [p.strip() for p in re.split(r"[/／]", name) if p.strip()]
    year = None
    if parts and re.fullmatch(r"\d{4}(年度?|)", unicodedata.normalize("NFKC", parts[0])):
        year = parse_year(parts.pop(0))
    if not parts:
        raise BadInputError(f"项目名称为空「{name}」")
    return year, parts


# --- the names of every program and variant ------------------------------------------------


class _Entry(Record):
    """One thing a name can denote: a program, or one variant of it."""

    program: Program
    variant: Variant | None
    keys: frozenset[str]  # name_key of its own names (title or variant name, and aliases)
    loose: frozenset[str]  # loose_key of the same
    parts: tuple[frozenset[str], ...]  # name_parts of the same
    heads: frozenset[str]  # keys (and loose keys) of the headings above it
    _fields = ("program", "variant", "keys", "loose", "parts", "heads")

    def __init__(self, program, variant, keys, loose, parts, heads) -> None:
        _set = object.__setattr__
        _set(self, "program", program)
        _set(self, "variant", variant)
        _set(self, "keys", keys)
        _set(self, "loose", loose)
        _set(self, "parts", parts)
        _set(self, "heads", heads)


def _entries_of(cat: Catalog) -> list[_Entry]:
    return [e for p in cat.programs for e in _entries_of_program(p)]


def _entries_of_program(p: Program) -> list[_Entry]:
    own = [p.title, *_alias_names(p)]
    path = [*p.path, *own]  # a title shared by several programs is a heading too (2024)
    heads = frozenset({name_key(h) for h in path} | {loose_key(h) for h in path})
    out = [_Entry(p, None, frozenset(map(name_key, own)), frozenset(map(loose_key, own)),
                  tuple(map(name_parts, own)), heads)]
    for v in p.variants:
        vown = [v.name, *_alias_names(v)]
        out.append(_Entry(p, v, frozenset(map(name_key, vown)), frozenset(map(loose_key, vown)),
                          tuple(map(name_parts, vown)), heads))
    return out


def _stages(entries: list[_Entry], name: str, in_context: bool) -> list[_Entry]:
    """The entries a name denotes, by the first rule that matches any.

    1. the title or an alias of a program, 2. a variant's name or alias (both after `name_key`),
    3. the same without brackets and separators (首台套 = 首台（套）), 4. the same core and
    qualifiers in another order (生产地址在我省·创新药), 5. a tier named by its amount
    (400万元 = 400万元档), 6. a variant's core without its bracketed qualifier (创新药), and only
    where the program is named (`in_context`): 7. any part of a variant's name alone
    (智慧江苏建设重点应用平台 for 其他重点方向（智慧江苏建设重点应用平台）). More than one entry is an ambiguity, never a guess.
    """
    key, lk, parts = name_key(name), loose_key(name), name_parts(name)
    rules = [
        lambda e: e.variant is None and key in e.keys,
        lambda e: e.variant is not None and key in e.keys,
        lambda e: bool(lk) and lk in e.loose,
        lambda e: bool(parts) and parts in e.parts,
        lambda e: e.variant is not None and (amt := _tier_amount(key)) is not None
        and any(_tier_amount(k) == amt for k in e.keys if re.fullmatch(r"\d+万元?档", k)),
    ]
    rules.append(  # the core text, without its bracketed qualifier: 创新药 for 创新药（生产地址在我省）
        lambda e: e.variant is not None and any(_core(k) == key for k in e.keys)
    )
    if in_context:
        rules.append(
            lambda e: e.variant is not None and bool(parts) and all(len(x) >= 2 for x in parts)
            and any(parts < ps for ps in e.parts)
        )
    for rule in rules:
        hits = [e for e in entries if rule(e)]
        if hits:
            return hits
    return []


def _core(key: str) -> str | None:
    core = re.sub(r"\([^()]*\)", "", key)
    return core if core and core != key else None


def _under(entries: list[_Entry], heading: str) -> list[_Entry]:
    key, lk = name_key(heading), loose_key(heading)
    return [e for e in entries if key in e.heads or (lk and lk in e.heads)]


def _latest(hits: list[_Entry]) -> list[_Entry]:
    if not hits:
        return hits
    top = max(e.program.year for e in hits)
    return [e for e in hits if e.program.year == top]


def _index(cat: Catalog) -> dict:
    memo = _memo_for(cat)
    idx = memo.get(("#index",))
    if idx is None:
        idx = {"entries": _entries_of(cat), "labels": {}}
        with _memo_lock:
            memo[("#index",)] = idx
    return idx


def _entries(cat: Catalog, year: int | None) -> list[_Entry]:
    """The entries of one year's programs (built for that year alone: a command names one year,
    and building every year's keys costs more than the rest of its work), or of all years."""
    if year is None:
        return _index(cat)["entries"]
    memo = _memo_for(cat)
    got = memo.get(("#year", year))
    if got is None:
        every = memo.get(("#index",))  # already built for all years: take that year's from it
        got = (
            [e for e in every["entries"] if e.program.year == year]
            if every is not None
            else [e for p in cat.programs if p.year == year for e in _entries_of_program(p)]
        )
        with _memo_lock:
            memo[("#year", year)] = got
    return got


def _entry_of(cat: Catalog, program: Program, variant: Variant | None) -> _Entry:
    for e in _index(cat)["entries"]:
        if e.program is program and e.variant is variant:
            return e
    raise KeyError(program.id)  # pragma: no cover - every program of the catalog has entries


def typing_label(cat: Catalog, program: Program, variant: Variant | None = None) -> str:
    """The string a clerk types for this program (variant): `year/title[/variant]` when that is
    unique, else with an alias the catalog gives, else the id. Every candidate of a refusal is one."""
    labels = _index(cat)["labels"]
    k = (program.id, variant.name if variant else None)
    if k not in labels:
        y = program.year
        tries = [f"{y}/{t}" for t in [program.title, *_alias_names(program)]]
        tries = [f"{t}/{variant.name}" for t in tries] if variant else tries
        found = next((t for t in tries if _resolves_to(cat, t, program, variant)), None)
        labels[k] = found or (f"{program.id}/{variant.name}" if variant else program.id)
    return labels[k]


def _resolves_to(cat: Catalog, text: str, program: Program, variant: Variant | None) -> bool:
    """Whether `text` alone names exactly this program (variant): `_find_program`'s matching, no errors."""
    try:
        yr, segs = _split(text)
    except SubsidyError:
        return False
    entries = _entries(cat, yr)
    hits = _match(entries, segs)
    if not hits and len(segs) > 2:
        hits = _match(entries, [segs[0], "·".join(segs[1:])])
    hits = _latest(hits) if yr is None else hits
    return len(hits) == 1 and hits[0].program is program and hits[0].variant is variant


def _labels(cat: Catalog, hits: list[_Entry]) -> list[str]:
    """What to type for each of several entries; a tiered program is typed with one of its variants."""
    out: list[str] = []
    for e in hits:
        if e.variant is None and e.program.kind == "tiered":
            more = [typing_label(cat, e.program, v) for v in e.program.variants]
        else:
            more = [typing_label(cat, e.program, e.variant)]
        out += [m for m in more if m not in out]
    return out


def _candidates(cat: Catalog, key: str, pool: list[Program]) -> list[str]:
    labels: dict[str, Program] = {}
    for p in pool:
        for n in [p.title, *_alias_names(p)]:
            labels.setdefault(name_key(n), p)
    import difflib  # only a name nothing matched needs suggestions

    close = difflib.get_close_matches(key, list(labels), n=5, cutoff=0.3)
    lk = loose_key(key)
    contains = [k for k in labels if key and (key in k or k in key or (lk and lk in loose_key(k)))]
    out: list[str] = []
    for k in contains + close:
        label = typing_label(cat, labels[k])
        if label not in out:
            out.append(label)
    return out[:5]


def find_variant(program: Program, variant: str | None, catalog: Catalog | None = None) -> Variant | None:
    """The variant of `program` a name denotes (by name, alias, core text, tier amount), or an error."""
    if variant is None or not str(variant).strip():
        return None
    cat = catalog or load_catalog()
    entries = [e for e in _index(cat)["entries"] if e.program is program and e.variant is not None]
    if not entries and program.variants and cat.by_id.get(program.id) is not program:  # another catalog's
        entries = [e for e in _entries_of_program(program) if e.variant is not None]
    hits = _stages(entries, str(variant), in_context=True)
    if len(hits) == 1:
        return hits[0].variant
    label = typing_label(cat, program)
    if hits:
        labels = _labels(cat, hits)
        raise AmbiguousProgramError(f"{label} 的子类「{variant}」有多个，请写明：{'；'.join(labels)}", labels)
    labels = _labels(cat, entries)
    names = "；".join(labels) or "（无子类）"
    raise UnknownProgramError(f"{label} 没有子类「{variant}」；可选：{names}", labels)


# --- resolved names, failures included ----------------------------------------------------
# A column of 10,000 cells naming one program (or one unknown name, whose error lists
# difflib's closest candidates) resolves it once. The memo belongs to the Catalog object
# it was computed from, so a reloaded catalog (load_catalog.cache_clear()) starts afresh;
# each memo holds at most _MEMO_SIZE names, and only names a person could have typed.

_MEMO_SIZE = 4096
_MEMO_NAME_CHARS = 200
_MEMO_TYPES = (str, int, float, type(None))
_memos: dict[int, tuple[Catalog, dict[tuple, Selection | SubsidyError]]] = {}
_memo_lock = _thread.allocate_lock()  # threading.Lock itself, without importing threading


def _memo_for(cat: Catalog) -> dict[tuple, Selection | SubsidyError]:
    entry = _memos.get(id(cat))
    if entry is None or entry[0] is not cat:  # the entry keeps `cat` alive, so its id is not reused
        with _memo_lock:
            if len(_memos) >= 4:
                _memos.pop(next(iter(_memos)))
            entry = _memos[id(cat)] = (cat, {})
    return entry[1]


def clear_name_cache() -> None:
    """Forget every resolved name (tests; the catalog's own reload does this by itself)."""
    with _memo_lock:
        _memos.clear()


def find_program(
    name: str,
    *,
    year: object = None,
    variant: str | None = None,
    catalog: Catalog | None = None,
) -> Selection:
    """The program (and variant) a name denotes, or an error listing the closest candidates.

    Answers (and errors) are remembered per catalog: see `_memo_for`.
    """
    cat = catalog or load_catalog()
    if not (
        type(name) is str
        and len(name) <= _MEMO_NAME_CHARS
        and type(year) in _MEMO_TYPES
        and type(variant) in _MEMO_TYPES
        and (type(variant) is not str or len(variant) <= _MEMO_NAME_CHARS)
        and (type(year) is not str or len(year) <= _MEMO_NAME_CHARS)
    ):
        return _find_program(name, year=year, variant=variant, catalog=cat)
    memo = _memo_for(cat)
    key = (name, type(year), year, type(variant), variant)  # types: 2023 == 2023.0, 1 == True
    hit = memo.get(key)
    if hit is None:
        try:
            hit = _find_program(name, year=year, variant=variant, catalog=cat)
        except SubsidyError as exc:
            hit = exc
        with _memo_lock:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[key] = hit
    if isinstance(hit, SubsidyError):
        import copy

        raise copy.copy(hit)  # a fresh exception each time: no traceback piles up on a shared one
    return hit


def _find_program(name: str, *, year: object, variant: str | None, catalog: Catalog) -> Selection:
    cat = catalog
    if not isinstance(name, str) or not name.strip():
        raise BadInputError("请提供项目名称，例如「2023/智能制造示范工厂项目」")
    name = name.strip()
    if name in cat.by_id:
        return Selection(cat.by_id[name], find_variant(cat.by_id[name], variant, cat))
    y_in_name, segs = _split(name)
    y_arg = optional_year(year)
    if y_in_name and y_arg and y_in_name != y_arg:
        raise BadInputError(f"项目名称中的年度 {y_in_name} 与年度参数 {y_arg} 不一致")
    yr = y_in_name or y_arg
    if segs[0] in cat.by_id:  # "2024-…-funding/创新类项目"
        program = cat.by_id[segs[0]]
        v_in_name = "/".join(segs[1:]) or None
        if v_in_name and variant and name_key(v_in_name) != name_key(str(variant)):
            raise BadInputError(f"项目名称中的子类「{v_in_name}」与子类参数「{variant}」不一致")
        return Selection(program, find_variant(program, variant or v_in_name, cat))
    if variant is not None and str(variant).strip():
        variant = str(variant).strip()
        if len(segs) > 1 and name_key(segs[-1]) != name_key(variant) and name_key("/".join(segs[1:])) != name_key(variant):
            raise BadInputError(f"项目名称中的子类「{'/'.join(segs[1:])}」与子类参数「{variant}」不一致")
        if len(segs) == 1 or name_key(segs[-1]) != name_key(variant):
            segs = [*segs, variant]

    entries = _entries(cat, yr)
    title = segs[0]
    hits = _match(entries, segs)
    if not hits and len(segs) > 2:  # a variant with "/" in what was typed: "标题/创新药/生产地址在我省"
        hits = _match(entries, [segs[0], "·".join(segs[1:])])
    if yr is None:
        hits = _latest(hits)
    if len(hits) == 1:
        return Selection(hits[0].program, hits[0].variant)
    if len(hits) > 1:
        labels = _labels(cat, hits)
        raise AmbiguousProgramError(f"「{'/'.join(segs)}」对应多个项目，请写明：{'；'.join(labels)}", labels)
    # nothing matched: say what was wrong, with the strings that would work
    if len(segs) > 1:
        parents = _match(entries, segs[:-1])
        parents = _latest(parents) if yr is None else parents
        if len(parents) == 1 and parents[0].variant is None:
            find_variant(parents[0].program, segs[-1], cat)  # raises, listing the variants
        children = _latest(_under(entries, segs[-2]))
        if children:
            labels = _labels(cat, children)
            raise UnknownProgramError(f"「{segs[-2]}」下没有「{segs[-1]}」；可选：{'；'.join(labels)}", labels)
    elif (children := _under([e for e in entries if e.variant is None], title)):
        labels = _labels(cat, children if yr else _latest(children))
        raise AmbiguousProgramError(f"「{title}」下有多个项目，请写明：{'；'.join(labels)}", labels)
    where = f"{yr} 年度" if yr else "任何年度"
    pool = sorted({id(e.program): e.program for e in entries}.values(), key=lambda p: p.id) or list(cat.programs)
    cands = _candidates(cat, name_key(title), pool)
    hint = f"；相近的项目：{'、'.join(cands)}" if cands else ""
    raise UnknownProgramError(f"{where}的指南中没有项目「{title}」{hint}", cands)


def _match(entries: list[_Entry], segs: list[str]) -> list[_Entry]:
    """Entries named by the last segment and lying under every earlier one (a heading or the title)."""
    pool = entries
    for heading in segs[:-1]:
        pool = _under(pool, heading)
    return _stages(pool, segs[-1], in_context=len(segs) > 1)


def require_variant(sel: Selection) -> Selection:
    """For programs whose amounts depend on the category (tiered), a variant must be chosen.

    The refusal names the whole strings to type ("2024/国家绿色制造名单/绿色工厂"), each of which
    `find_program` resolves as is."""
    if sel.variant is None and sel.program.kind == "tiered":
        cat = load_catalog()
        if cat.by_id.get(sel.program.id) is sel.program:
            labels = [typing_label(cat, sel.program, v) for v in sel.program.variants]
        else:
            labels = [f"{sel.label}/{v.name}" for v in sel.program.variants]
        raise VariantRequiredError(f"{sel.label} 按类别确定金额，请指定子类，写作：{'；'.join(labels)}", labels)
    return sel
