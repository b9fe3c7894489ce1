"""Finding a program (and variant) by the names clerks use.

Accepted: an id ("2023-smart-factory"); "2023/智能制造示范工厂项目"; a title with a
separate year; "2023/高端化改造升级项目/重大技术改造项目" or a separate variant.
The trailing "项目" is optional; without a year, the latest guide with the title.
"""

from __future__ import annotations

import copy
import difflib
import re
import threading
import unicodedata
from dataclasses import dataclass

from .catalog import Catalog, Program, Variant, load_catalog
from .errors import (
    AmbiguousProgramError,
    BadInputError,
    SubsidyError,
    UnknownProgramError,
    VariantRequiredError,
)


def name_key(name: str) -> str:
    """Compare names without width, spaces, quotes, a "（免申直达）" marker or a trailing 项目."""
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"[\s\"'“”‘’「」《》]", "", text)
    text = text.replace("(免申直达)", "")
    text = re.sub(r"^([0-9]+[.、]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)", "", text)
    if text.endswith("项目") and len(text) > 2:
        text = text[:-2]
    return text


@dataclass(frozen=True)
class Selection:
    """A program and, where chosen, one of its variants."""

    program: Program
    variant: Variant | None = None

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


def _parse_year(year: object) -> int | None:
    if year is None or (isinstance(year, str) and not year.strip()):
        return None
    try:
        y = int(str(year).strip().removesuffix("年").removesuffix("年度"))
    except ValueError:
        raise BadInputError(f"无法识别的年度「{year}」") from None
    if not 2000 <= y <= 2100:
        raise BadInputError(f"年度「{year}」不在合理范围")
    return y


def _split(name: str) -> tuple[int | None, str, str | None]:
    """"2023/标题/子类" -> (2023, 标题, 子类); also "标题/子类" and plain "标题"."""
    parts = [p.strip() for p in re.split(r"[/／]", name) if p.strip()]
    year = None
    if parts and re.fullmatch(r"\d{4}(年度?|)", parts[0]):
        year = _parse_year(parts.pop(0))
    if not parts:
        raise BadInputError(f"项目名称为空「{name}」")
    title = parts[0]
    variant = "/".join(parts[1:]) or None
    return year, title, variant


def _candidates(cat: Catalog, key: str, pool: list[Program]) -> list[str]:
    labels = {name_key(p.title): f"{p.year}/{p.title}" for p in pool}
    close = difflib.get_close_matches(key, list(labels), n=5, cutoff=0.3)
    contains = [k for k in labels if key and (key in k or k in key)]
    out: list[str] = []
    for k in contains + close:
        if labels[k] not in out:
            out.append(labels[k])
    return out[:5]


def find_variant(program: Program, variant: str | None) -> Variant | None:
    if variant is None or not str(variant).strip():
        return None
    key = name_key(str(variant))
    for v in program.variants:
        if key in {name_key(v.name), *(name_key(a) for a in v.aliases)}:
            return v
    names = "、".join(v.name for v in program.variants) or "（无子类）"
    raise UnknownProgramError(
        f"{program.year}/{program.title} 没有子类「{variant}」；可选：{names}",
        [v.name for v in program.variants],
    )


# --- resolved names, failures included ----------------------------------------------------
# A column of 10,000 cells naming one program (or one unknown name, whose error lists
# difflib's closest candidates) resolves it once. The memo belongs to the Catalog object
# it was computed from, so a reloaded catalog (load_catalog.cache_clear()) starts afresh;
# each memo holds at most _MEMO_SIZE names, and only names a person could have typed.

_MEMO_SIZE = 4096
_MEMO_NAME_CHARS = 200
_MEMO_TYPES = (str, int, float, type(None))
_memos: dict[int, tuple[Catalog, dict[tuple, Selection | SubsidyError]]] = {}
_memo_lock = threading.Lock()


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
        raise copy.copy(hit)  # a fresh exception each time: no traceback piles up on a shared one
    return hit


def _find_program(name: str, *, year: object, variant: str | None, catalog: Catalog) -> Selection:
    cat = catalog
    if not isinstance(name, str) or not name.strip():
        raise BadInputError("请提供项目名称，例如「2023/智能制造示范工厂项目」")
    name = name.strip()
    if name in cat.by_id:
        return Selection(cat.by_id[name], find_variant(cat.by_id[name], variant))
    y_in_name, title, v_in_name = _split(name)
    y_arg = _parse_year(year)
    if y_in_name and y_arg and y_in_name != y_arg:
        raise BadInputError(f"项目名称中的年度 {y_in_name} 与年度参数 {y_arg} 不一致")
    yr = y_in_name or y_arg
    if v_in_name and variant and name_key(v_in_name) != name_key(variant):
        raise BadInputError(f"项目名称中的子类「{v_in_name}」与子类参数「{variant}」不一致")
    variant = variant or v_in_name

    key = name_key(title)
    pool = [p for p in cat.programs if yr is None or p.year == yr]
    hits = [p for p in pool if key in {name_key(p.title), *(name_key(a) for a in p.aliases)}]
    if not hits and variant is None:
        # a sub-case printed under a shared heading ("2022/智能制造示范工厂项目" is a variant
        # of 2022's “智改数转”标杆示范项目): find it by its own name
        subs = [(p, v) for p in pool for v in p.variants if key in {name_key(v.name), *(name_key(a) for a in v.aliases)}]
        if subs and yr is None:
            latest = max(p.year for p, _ in subs)
            subs = [(p, v) for p, v in subs if p.year == latest]
        if len(subs) == 1:
            return Selection(*subs[0])
        if len(subs) > 1:
            labels = [f"{p.year}/{p.title}/{v.name}" for p, v in subs]
            raise AmbiguousProgramError(f"「{title}」对应多个子类，请写明项目：{'；'.join(labels)}", labels)
    if not hits:
        where = f"{yr} 年度" if yr else "任何年度"
        cands = _candidates(cat, key, pool or list(cat.programs))
        hint = f"；相近的项目：{'、'.join(cands)}" if cands else ""
        raise UnknownProgramError(f"{where}的指南中没有项目「{title}」{hint}", cands)
    if yr is None:
        latest = max(p.year for p in hits)
        hits = [p for p in hits if p.year == latest]
    if len(hits) > 1:
        labels = [f"{p.id}（{' › '.join(p.path)}）" for p in hits]
        raise AmbiguousProgramError(
            f"「{title}」对应多个项目，请改用项目编号：{'；'.join(labels)}", [p.id for p in hits]
        )
    program = hits[0]
    return Selection(program, find_variant(program, variant))


def require_variant(sel: Selection) -> Selection:
    """For programs whose amounts depend on the category (tiered), a variant must be chosen."""
    if sel.variant is None and sel.program.kind == "tiered":
        names = "、".join(v.name for v in sel.program.variants)
        raise VariantRequiredError(
            f"{sel.label} 按类别确定金额，请指定子类：{names}", [v.name for v in sel.program.variants]
        )
    return sel
