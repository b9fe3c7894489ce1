"""Checking a program's quantitative conditions (支持条件 / 申报条件) against given values."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from .catalog import Catalog, load_catalog
from .catalog.schema import Condition, Source, Threshold
from .cite import cite, source_json
from .errors import BadInputError
from .lookup import Selection, find_program
from .parsing import (
    fmt_ratio,
    fmt_wan,
    is_blank,
    parse_amount_wan,
    parse_bool,
    parse_date,
    parse_number,
    parse_ratio,
)

Status = Literal["pass", "fail", "missing"]
STATUS_ZH = {"pass": "通过", "fail": "不通过", "missing": "缺少数据"}
FIELDS_FILE = Path(__file__).with_name("catalog") / "fields.yaml"


@lru_cache(maxsize=1)
def field_aliases() -> dict[str, str]:
    """Alias (normalised) -> canonical field name, from catalog/fields.yaml."""
    data = yaml.safe_load(FIELDS_FILE.read_text(encoding="utf-8")) or {}
    out: dict[str, str] = {}
    for canonical, spec in data.items():
        for name in [canonical, *((spec or {}).get("aliases") or [])]:
            out[_key(name)] = canonical
    return out


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", str(name))
    for ch in " \t\r\n（）()：:":
        text = text.replace(ch, "")
    return text.replace("万元", "").replace("元", "")


@lru_cache(maxsize=4096)
def canonical_field(name: str) -> str:
    return field_aliases().get(_key(name), str(name).strip())


def normalise_values(values: Mapping[str, object]) -> dict[str, object]:
    """Values keyed by canonical field name; blanks dropped."""
    out: dict[str, object] = {}
    for k, v in values.items():
        if not is_blank(v):
            out[canonical_field(k)] = v
    return out


@dataclass(frozen=True)
class Result:
    field: str
    status: Status
    message: str
    source: Source | None
    label: str = ""
    general: bool = False  # a condition of the whole guide, not of this program only

    def to_json(self) -> dict:
        return {
            "field": self.field,
            "status": self.status,
            "message": self.message,
            "label": self.label,
            "general": self.general,
            "source": source_json(self.source),
        }


@dataclass(frozen=True)
class CheckReport:
    selection: Selection
    results: tuple[Result, ...]

    @property
    def passed(self) -> bool:
        """True only when every condition was checked and met."""
        return all(r.status == "pass" for r in self.results)

    @property
    def failures(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.status == "fail")

    def summary(self) -> str:
        if self.passed:
            return "通过"
        bad = [r for r in self.results if r.status != "pass"]
        return "；".join(r.message for r in bad)

    def to_json(self) -> dict:
        return {
            "program": self.selection.program.id,
            "title": self.selection.program.title,
            "year": self.selection.program.year,
            "variant": self.selection.variant.name if self.selection.variant else None,
            "passed": self.passed,
            "results": [r.to_json() for r in self.results],
        }


def _text(value: object) -> str:
    """Text categories compare without width or spaces ("化学药品 1 类" is "化学药品1类")."""
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def parse_value(unit: str, value: object):
    """A value in the catalog's unit (万元 / 比例 / 日期 / 是否 / 文本 / counts); BadInputError if unreadable."""
    if unit == "万元":
        return parse_amount_wan(value)
    if unit == "比例":
        return parse_ratio(value)
    if unit == "日期":
        return parse_date(value)
    if unit == "是否":
        return parse_bool(value)
    if unit == "文本":
        return _text(value)
    return parse_number(value)


def _rule_value(unit: str, value: object):
    if isinstance(value, list):
        return [_rule_value(unit, v) for v in value]
    if unit == "日期":
        return dt.date.fromisoformat(str(value))
    if unit == "文本":
        return _text(value)
    if unit == "是否":
        return bool(value)
    return Decimal(str(value))


def _show(unit: str, value) -> str:
    if isinstance(value, list):
        sep = " 至 " if unit == "日期" else "、"
        return sep.join(_show(unit, v) for v in value)
    if unit == "万元":
        return f"{fmt_wan(value)} 万元"
    if unit == "比例":
        return fmt_ratio(value)
    if unit == "日期":
        return f"{value.year}年{value.month}月{value.day}日"
    if unit == "是否":
        return "是" if value else "否"
    if unit == "文本":
        return f"“{value}”"
    return f"{format(Decimal(value).normalize(), 'f')} {unit}"


def _holds(op: str, got, want) -> bool:
    if op == ">=":
        return got >= want
    if op == ">":
        return got > want
    if op == "<=":
        return got <= want
    if op == "<":
        return got < want
    if op == "==":
        return got == want
    if op == "between":
        return want[0] <= got <= want[1]
    if op == "in":
        return got in want
    raise ValueError(op)


_FAIL_WORD = {">=": "低于", ">": "未超过", "<=": "超过", "<": "未低于", "==": "不等于", "between": "不在", "in": "不属于"}
_PASS_WORD = {">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于", "==": "等于", "between": "在", "in": "属于"}
_DATE_FAIL = {">=": "早于", ">": "不晚于", "<=": "晚于", "<": "不早于"}
_DATE_PASS = {">=": "不早于", ">": "晚于", "<=": "不晚于", "<": "早于"}


def _condition_applies(cond: Condition, values: Mapping[str, object]) -> bool | None:
    """True/False, or None when the value deciding it is missing."""
    name = canonical_field(cond.field)
    if name not in values:
        return None
    return _holds(cond.op, parse_value(cond.unit, values[name]), _rule_value(cond.unit, cond.value))


def _exempt(t: Threshold, sel: Selection | None) -> bool:
    if sel is None or not t.exempt:
        return False
    refs = {sel.program.id}
    if sel.variant is not None:
        refs.add(f"{sel.program.id}/{sel.variant.name}")
    return bool(refs & set(t.exempt))


def check_threshold(
    t: Threshold, values: Mapping[str, object], *, general: bool = False, selection: Selection | None = None
) -> Result | None:
    """One condition against the values (canonical keys); None when it does not apply."""
    name = canonical_field(t.field)
    where = f"（{t.label}；{cite(t.source)}）"
    if _exempt(t, selection):
        return None
    for cond in t.unless:
        try:
            if _condition_applies(cond, values):
                return None
        except BadInputError:
            pass  # an unreadable exemption value does not exempt
    for cond in t.when:
        try:
            applies = _condition_applies(cond, values)
        except BadInputError as exc:
            deciding = canonical_field(cond.field)
            return Result(
                name, "fail", f"不通过：{deciding}：{exc.message}，无法判断是否适用：{t.label}{where}", t.source, t.label, general
            )
        if applies is False:
            return None
        if applies is None:
            return Result(name, "missing", f"缺少{canonical_field(cond.field)}，无法判断是否适用：{t.label}{where}", t.source, t.label, general)
    if name not in values:
        return Result(name, "missing", f"缺少{name}，无法核对{where}", t.source, t.label, general)
    raw = values[name]
    try:
        got = parse_value(t.unit, raw)
    except BadInputError as exc:
        return Result(name, "fail", f"不通过：{name}：{exc.message}{where}", t.source, t.label, general)
    want = _rule_value(t.unit, t.value)
    ok = _holds(t.op, got, want)
    if t.unit == "日期" and t.op in _DATE_FAIL:
        word = (_DATE_PASS if ok else _DATE_FAIL)[t.op]
    else:
        word = (_PASS_WORD if ok else _FAIL_WORD)[t.op]
    if t.op == "between":
        span = "期间" if t.unit == "日期" else "之间"
        relation = f"{'在' if ok else '不在'} {_show(t.unit, want)}（含）{span}"
    else:
        relation = f"{word} {_show(t.unit, want)}"
    verdict = "通过" if ok else "不通过"
    msg = f"{verdict}：{name} {_show(t.unit, got)}，{relation}{where}"
    return Result(name, "pass" if ok else "fail", msg, t.source, t.label, general)


def check(
    program: str | Selection,
    values: Mapping[str, object],
    *,
    variant: str | None = None,
    year: object = None,
    include_general: bool = True,
    only_given: bool = False,
    catalog: Catalog | None = None,
) -> CheckReport:
    """Every quantitative condition of the program (its variant, and the guide's general ones).

    With `only_given`, conditions whose field was not given are left out
    (for checking one number at a time); otherwise they are reported missing.
    """
    cat = catalog or load_catalog()
    sel = program if isinstance(program, Selection) else find_program(program, year=year, variant=variant, catalog=cat)
    vals = normalise_values(values)
    items: list[tuple[Threshold, bool]] = []
    if include_general:
        items += [(t, True) for t in cat.general_thresholds(sel.program)]
    items += [(t, False) for t in sel.program.thresholds]
    results: list[Result] = []
    if sel.variant is not None:
        items += [(t, False) for t in sel.variant.thresholds]
    elif any(v.thresholds for v in sel.program.variants):
        names = "、".join(v.name for v in sel.program.variants)
        results.append(
            Result("子类", "missing", f"{sel.label} 分为{names}，条件不同，请指定子类后再核对", sel.program.source, "子类")
        )
    for t, general in items:
        if only_given and canonical_field(t.field) not in vals:
            continue
        r = check_threshold(t, vals, general=general, selection=sel)
        if r is not None:
            results.append(r)
    return CheckReport(sel, tuple(results))
