"""Checking a program's quantitative conditions (支持条件 / 申报条件) against given values."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from decimal import Decimal

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.records import Condition, Source, Threshold
from subsidykit.catalog.cite import cite, source_json
from subsidykit.catalog.frozen import Record
from subsidykit.errors import BadInputError, VariantRequiredError
from subsidykit.rules.lookup import Selection, find_program
from subsidykit.rules.regions import province_of
from subsidykit.rules.vocabulary import DERIVED_FROM, canonical_field, closest_fields, is_known_field
from subsidykit.rules.parsing import (
    fmt_ratio,
    fmt_wan,
    is_blank,
    parse_amount_wan,
    parse_bool,
    parse_date,
    parse_number,
    parse_ratio,
)

Status = str  # "pass" | "fail" | "missing" | "invalid" (no typing import at start-up)
STATUS_ZH = {"pass": "通过", "fail": "不通过", "missing": "缺少数据", "invalid": "无法识别"}
Verdict = str  # "pass" | "fail" | "incomplete"
# The three outcomes, the same words on every surface (check, cells, 审核, validate):
#   通过   every condition of the program (and variant) was checked and met (with only_given:
#          every given one, and at least one was given);
#   不通过 at least one condition was checked and not met;
#   待核实 nothing failed, but some conditions could not be checked (missing or unreadable data).
VERDICT_ZH = {"pass": "通过", "fail": "不通过", "incomplete": "待核实"}
class UnknownFieldError(BadInputError):
    """A field name nobody knows: neither the vocabulary nor any condition of the catalog."""

    code = "UNKNOWN_FIELD"

    SUGGESTED = 5  # close names are worked out for the first few only (a 20,000-label row stays fast)

    def __init__(self, names: list[str]):
        parts = []
        for name in names[: self.SUGGESTED]:
            near = closest_fields(name)
            parts.append(f"「{name}」" + (f"（是否指：{'、'.join(near)}）" if near else ""))
        rest = len(names) - self.SUGGESTED
        more = f"；另有 {rest} 个无法识别的字段（{'、'.join(names[self.SUGGESTED : self.SUGGESTED + 20])}{'等' if rest > 20 else ''}）" if rest > 0 else ""
        super().__init__(f"无法识别的字段：{'；'.join(parts)}{more}")
        self.names = names


def normalise_values(values: Mapping[str, object]) -> dict[str, object]:
    """Values keyed by canonical field name; blanks dropped."""
    out: dict[str, object] = {}
    for k, v in values.items():
        if not is_blank(v):
            out[canonical_field(k)] = v
    return out


PERIOD_TOLERANCE_YEARS = Decimal("0.5")  # a stated period this far from the dates contradicts them
RATIO_TOLERANCE = Decimal("0.05")


def years_between(start: dt.date, end: dt.date) -> Decimal:
    """Calendar years from `start` to `end` (2020-01-01 -> 2023-01-01 is 3), the part year
    as days over that year's length, to 0.01."""
    if end < start:
        return -years_between(end, start)

    def plus(d: dt.date, years: int) -> dt.date:
        try:
            return d.replace(year=d.year + years)
        except ValueError:  # 29 February
            return d.replace(year=d.year + years, day=28)

    whole = end.year - start.year
    while whole > 0 and plus(start, whole) > end:
        whole -= 1
    base = plus(start, whole)
    # the year after 9999 has no dates (an end date of 9999-12-31 crashed every command): 365 days
    span = 365 if base.year >= dt.MAXYEAR else (plus(start, whole + 1) - base).days
    return (Decimal(whole) + Decimal((end - base).days) / Decimal(span)).quantize(Decimal("0.01"))


def _settle(vals, notes, conflicts, name, derived, note, parse, tolerance, show, mismatch) -> None:
    """Put a derived value in place of a stated one (the parts are the facts), noting a stated
    value that is off by more than `tolerance`."""
    stated = vals.get(name)
    if stated is not None:
        try:
            given = parse(stated)
        except BadInputError:
            given = None
        if given is not None and abs(given - derived) > tolerance:
            conflicts.append(f"填写的{name} {show(given)} {mismatch}（{note}）")
    vals[name] = derived
    notes[name] = note


class Derived(Record):
    values: dict[str, object]
    notes: dict[str, str]  # field -> how it was derived (said in the message)
    conflicts: tuple[str, ...]  # a stated value contradicting the derived one
    _fields = ('values', 'notes', 'conflicts')

    def __init__(self, values: dict[str, object], notes: dict[str, str], conflicts: tuple[str, ...]) -> None:
        _set = object.__setattr__
        _set(self, 'values', values)
        _set(self, 'notes', notes)
        _set(self, 'conflicts', conflicts)


def derive(values: Mapping[str, object]) -> Derived:
    """Values with the derived quantities added (or replacing a stated one: the parts are the
    facts), how each was derived, and the contradictions found."""
    vals = dict(values)
    notes: dict[str, str] = {}
    conflicts: list[str] = []
    start, end = vals.get("开工日期"), vals.get("完工日期")
    if start is not None and end is not None:
        try:
            d0, d1 = parse_date(start), parse_date(end)
        except BadInputError:
            d0 = d1 = None
        if d0 is not None and d1 is not None:
            if d1 < d0:
                conflicts.append(f"完工日期 {_show('日期', d1)} 早于开工日期 {_show('日期', d0)}")
            else:
                years = years_between(d0, d1)
                note = f"由开工日期 {_show('日期', d0)}、完工日期 {_show('日期', d1)} 推算为 {format(years.normalize(), 'f')} 年"
                _settle(
                    vals, notes, conflicts, "项目实施周期", years, note, parse_number, PERIOD_TOLERANCE_YEARS,
                    lambda v: f"{format(v.normalize(), 'f')} 年", "与日期不符",
                )  # fmt: skip
    done, total = vals.get("已完成投资"), vals.get("项目总投入")
    if done is not None and total is not None:
        try:
            a, b = parse_amount_wan(done), parse_amount_wan(total)
        except BadInputError:
            a = b = None
        if a is not None and b:
            share = (a / b).quantize(Decimal("0.0001"))
            note = f"由已完成投资 {fmt_wan(a)} 万元、项目总投入 {fmt_wan(b)} 万元推算为 {fmt_ratio(share)}"
            _settle(vals, notes, conflicts, "已投入比例", share, note, parse_ratio, RATIO_TOLERANCE, fmt_ratio, "与金额不符")
    return Derived(vals, notes, tuple(conflicts))


class Result(Record):
    field: str
    status: Status
    message: str
    source: Source | None
    label: str
    general: bool  # a condition of the whole guide, not of this program only
    _fields = ('field', 'status', 'message', 'source', 'label', 'general')

    def __init__(self, field: str, status: Status, message: str, source: Source | None, label: str = "", general: bool = False) -> None:
        _set = object.__setattr__
        _set(self, 'field', field)
        _set(self, 'status', status)
        _set(self, 'message', message)
        _set(self, 'source', source)
        _set(self, 'label', label)
        _set(self, 'general', general)

    def to_json(self) -> dict:
        return {
            "field": self.field,
            "status": self.status,
            "message": self.message,
            "label": self.label,
            "general": self.general,
            "source": source_json(self.source),
        }


class CheckReport(Record):
    selection: Selection
    results: tuple[Result, ...]
    only_given: bool
    left_out: tuple[str, ...]  # with only_given: the conditions (fields) not checked
    unused: tuple[str, ...]  # given fields that are no condition of this program
    notes: tuple[str, ...]  # values derived from others
    conflicts: tuple[str, ...]  # given values contradicting each other
    _fields = ('selection', 'results', 'only_given', 'left_out', 'unused', 'notes', 'conflicts')

    def __init__(self, selection: Selection, results: tuple[Result, ...], only_given: bool = False, left_out: tuple[str, ...] = (), unused: tuple[str, ...] = (), notes: tuple[str, ...] = (), conflicts: tuple[str, ...] = ()) -> None:
        _set = object.__setattr__
        _set(self, 'selection', selection)
        _set(self, 'results', results)
        _set(self, 'only_given', only_given)
        _set(self, 'left_out', left_out)
        _set(self, 'unused', unused)
        _set(self, 'notes', notes)
        _set(self, 'conflicts', conflicts)

    @property
    def verdict(self) -> Verdict:
        if any(r.status == "fail" for r in self.results):
            return "fail"
        if not self.results or self.conflicts or any(r.status != "pass" for r in self.results):
            return "incomplete"  # contradicting inputs are never 通过
        return "pass"

    @property
    def passed(self) -> bool:
        """True only when every condition was checked and met (see `verdict`)."""
        return self.verdict == "pass"

    @property
    def failures(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.status == "fail")

    @property
    def unchecked(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.status in ("missing", "invalid"))

    @property
    def invalid(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.status == "invalid")

    def to_fill(self) -> list[str]:
        """The fields to fill for the unchecked conditions, each once."""
        out: list[str] = []
        for r in self.unchecked:
            if r.field not in out:
                out.append(r.field)
        return out

    def headline(self) -> str:
        """The verdict in words, with what it rests on: "通过", "不通过（2 项条件不满足）",
        "待核实：3 项条件无法核对（请填写：…）"."""
        v = self.verdict
        if v == "pass":
            text = "通过"
            if self.only_given and self.left_out:
                text += f"（只核对了给出的 {len(self.results)} 项；另有 {len(self.left_out)} 项条件未核对）"
            return text
        if v == "fail":
            return f"不通过（{len(self.failures)} 项条件不满足）"
        if self.conflicts and not self.unchecked:
            return "待核实：" + "；".join(self.conflicts)
        if not self.results:
            return "待核实：没有给出可核对的条件" + (f"（本项目的条件涉及：{'、'.join(self.left_out[:8])}）" if self.left_out else "")
        return f"待核实：{len(self.unchecked)} 项条件无法核对（请填写：{'、'.join(self.to_fill())}）"

    def summary(self) -> str:
        """One line for a cell: 通过, or the verdict and every condition that failed or could not be checked."""
        if self.verdict == "pass":
            return self.headline()
        if self.verdict == "fail":  # each message starts with 不通过：
            text = "；".join(r.message for r in self.failures)
        else:
            text = "待核实：" + "；".join([*self.conflicts, *(r.message for r in self.unchecked)])
        if self.verdict == "fail" and self.unchecked:
            text += f"；另有 {len(self.unchecked)} 项条件无法核对"
        if not self.results:
            text = self.headline()
        return text

    def to_json(self) -> dict:
        return {
            "program": self.selection.program.id,
            "title": self.selection.program.title,
            "year": self.selection.program.year,
            "variant": self.selection.variant.name if self.selection.variant else None,
            "passed": self.passed,
            "verdict": self.verdict,
            "verdict_zh": VERDICT_ZH[self.verdict],
            "headline": self.headline(),
            "results": [r.to_json() for r in self.results],
            "left_out": list(self.left_out),
            "unused": list(self.unused),
            "derived": list(self.notes),
            "conflicts": list(self.conflicts),
        }


def _text(value: object) -> str:
    """Text categories compare without width or spaces ("化学药品 1 类" is "化学药品1类")."""
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def value_key(value: object) -> tuple | None:
    """A key equal for two values only when every reading of them is the same, or None (not
    remembered): text, whole numbers, yes/no, dates, naive datetimes, and floats other than
    zero (0.0 and -0.0 are equal but print differently) and NaN."""
    cls = value.__class__
    if cls is str:
        return (cls, value) if len(value) <= 200 else None  # type: ignore[arg-type]
    if cls is int or cls is bool or cls is dt.date:
        return (cls, value)
    if cls is float:
        return (cls, value) if value == value and value != 0 else None
    if cls is dt.datetime:
        return (cls, value) if value.tzinfo is None else None  # type: ignore[attr-defined]
    if cls is Decimal:
        return (cls, str(value))  # sign, digits and exponent: 2.5 and 2.50 stay apart
    return None


# (unit, value_key) -> what parse_value read (Decimal, date, bool or str: never changed by
# anyone); what cannot be read is not remembered, so its error is raised afresh
_PARSED: dict[tuple[str, tuple], object] = {}


def parse_value(unit: str, value: object):
    """A value in the catalog's unit (万元 / 比例 / 日期 / 是否 / 文本 / counts); BadInputError if unreadable."""
    key = value_key(value)
    if key is not None:
        hit = _PARSED.get((unit, key))
        if hit is not None:
            return hit
    out = _parse_value(unit, value)
    if key is not None:
        if len(_PARSED) >= 50000:
            _PARSED.clear()
        _PARSED[(unit, key)] = out
    return out


def _parse_value(unit: str, value: object):
    if unit == "万元":
        amount = parse_amount_wan(value)
        if amount < 0:  # as in `cap`: an amount is never negative
            raise BadInputError(f"金额不能为负数：{value}")
        return amount
    if unit == "比例":  # may be negative (a growth rate)
        return parse_ratio(value)
    if unit == "日期":
        return parse_date(value)
    if unit == "是否":
        return parse_bool(value)
    if unit == "文本":
        return _text(value)
    number = parse_number(value)
    if number < 0:  # counts, years, people: never negative
        raise BadInputError(f"{unit}数不能为负数：{value}")
    return number


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


def is_exempt(t: Threshold, sel: Selection | None) -> bool:
    if sel is None or not t.exempt:
        return False
    refs = {sel.program.id}
    if sel.variant is not None:
        refs.add(f"{sel.program.id}/{sel.variant.name}")
    return bool(refs & set(t.exempt))


LEVELS = ("国家级", "省级", "市级", "县级")


def level_of(text: object) -> str | None:
    """"国家级" / "国家" / "工信部" / "国家级示范" -> "国家级"; "省级" / "江苏省级" -> "省级"; None if unclear."""
    if not isinstance(text, str):
        return None
    t = _text(text)
    if t in LEVELS:
        return t
    for words, level in (
        (("国家", "部级", "工信部", "工业和信息化部", "国务院"), "国家级"),
        (("省级", "省工信厅", "省政府", "江苏省", "省"), "省级"),
        (("市级", "设区市", "市"), "市级"),
        (("县级", "区级", "县", "区"), "县级"),
    ):
        if any(w in t for w in words):
            return level
    return None


def _read_text(t: Threshold, want, raw: object):
    """A text value compared by meaning where the rule names a place or a level: the value
    the rule's words stand for, or BadInputError when the text says neither."""
    wants = want if isinstance(want, list) else [want]
    if all(w in LEVELS for w in wants):
        level = level_of(raw)
        if level is None:
            raise BadInputError(f"无法识别的级别「{raw}」（请填国家级、省级、市级或县级）")
        return level
    if len(wants) == 1 and _province(wants[0]) == wants[0] or len(wants) == 1 and wants[0] in ("江苏", "江苏省"):
        got = _province(raw if isinstance(raw, str) else str(raw))
        if got is None:
            raise BadInputError(f"无法判断「{raw}」所在的省份（请写明省或设区市，如“江苏省南京市”）")
        return _text(want) if got == _province(wants[0]) else _text(got)
    return parse_value(t.unit, raw)


_PROVINCE_OF: dict[str, str | None] = {}


def _province(text: str) -> str | None:
    """`province_of(text)`, remembered per text (a place's province does not change)."""
    if text.__class__ is not str or len(text) > 200:
        return province_of(text)
    try:
        return _PROVINCE_OF[text]
    except KeyError:
        pass
    got = province_of(text)
    if len(_PROVINCE_OF) >= 50000:
        _PROVINCE_OF.clear()
    _PROVINCE_OF[text] = got
    return got


# id(threshold) -> (the threshold, its canonical field, "（label；出处）", [its rule value once
# read], the fields its when/unless conditions read, {answer key: its Result}): what a condition
# says is worked out once, not for every file (the threshold is held, so that its id is never
# another's while the entry lives)
_STATIC: dict[int, tuple[Threshold, str, str, list, tuple[str, ...], dict]] = {}
_ABSENT = object()  # a field not given, in an answer key
ANSWERS_KEPT = 20000  # answers remembered over all conditions (then they start again)
_ANSWERS = [0]


def _static(t: Threshold) -> tuple[Threshold, str, str, list, tuple[str, ...], dict]:
    deciding = tuple(canonical_field(c.field) for c in [*t.unless, *t.when])
    static = (t, canonical_field(t.field), f"（{t.label}；{cite(t.source)}）", [], deciding, {})
    if len(_STATIC) >= 10000:
        _STATIC.clear()
    _STATIC[id(t)] = static
    return static


def _answer_key(values: Mapping[str, object], name: str, deciding: tuple[str, ...], general: bool, notes) -> tuple | None:
    """Everything check_threshold's answer depends on besides the threshold and the exemption:
    `general`, the note on the field, and the value (or absence) of the field and of every
    field its conditions read; None when one of these values has no exact key (`value_key`)."""
    key: list = [general, notes[name] if notes and name in notes else _ABSENT]
    for f in (name, *deciding):
        if f in values:
            k = value_key(values[f])
            if k is None:
                return None
            key.append(k)
        else:
            key.append(_ABSENT)
    return tuple(key)


def check_threshold(
    t: Threshold,
    values: Mapping[str, object],
    *,
    general: bool = False,
    selection: Selection | None = None,
    notes: Mapping[str, str] | None = None,
) -> Result | None:
    """One condition against the values (canonical keys); None when it does not apply.

    A value that cannot be read is status "invalid" (an input error, not 不通过); `notes`
    says how a derived value was obtained (it goes into the message)."""
    static = _STATIC.get(id(t))
    if static is None or static[0] is not t:
        static = _static(t)
    _t, name, where, wants, deciding, answers = static
    if is_exempt(t, selection):
        return None
    # the same answers (是, 江苏省, the same dates ...) in many files: the Result (frozen) once
    key = _answer_key(values, name, deciding, general, notes)
    if key is not None:
        try:
            return answers[key]
        except (KeyError, TypeError):  # not seen yet; a note that cannot be a key
            pass
    result = _check_threshold(t, values, general, notes, name, where, wants)
    if key is not None:
        if _ANSWERS[0] >= ANSWERS_KEPT:
            for entry in list(_STATIC.values()):
                entry[5].clear()
            _ANSWERS[0] = 0
        try:
            answers[key] = result
            _ANSWERS[0] += 1
        except TypeError:
            pass
    return result


def _check_threshold(
    t: Threshold, values: Mapping[str, object], general: bool, notes: Mapping[str, str] | None, name: str, where: str, wants: list
) -> Result | None:
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
                name, "invalid", f"无法识别：{deciding}：{exc.message}，无法判断是否适用：{t.label}{where}", t.source, t.label, general
            )
        if applies is False:
            return None
        if applies is None:
            return Result(name, "missing", f"缺少{canonical_field(cond.field)}，无法判断是否适用：{t.label}{where}", t.source, t.label, general)
    if name not in values:
        return Result(name, "missing", f"缺少{name}，无法核对{where}", t.source, t.label, general)
    raw = values[name]
    if not wants:
        wants.append(_rule_value(t.unit, t.value))
    want = wants[0]
    try:
        got = _read_text(t, want, raw) if t.unit == "文本" else parse_value(t.unit, raw)
    except BadInputError as exc:
        return Result(name, "invalid", f"无法识别：{name}：{exc.message}{where}", t.source, t.label, general)
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
    shown_got = _show(t.unit, got)
    if t.unit == "文本" and _text(raw) != got:
        shown_got = f"“{raw}”（即{_show(t.unit, got)}）"
    how = f"（{notes[name]}）" if notes and name in notes else ""
    msg = f"{verdict}：{name} {shown_got}{how}，{relation}{where}"
    return Result(name, "pass" if ok else "fail", msg, t.source, t.label, general)


def conditions_of(sel: Selection, cat: Catalog, include_general: bool = True) -> list[tuple[Threshold, bool]]:
    """(condition, general) of every condition `check` applies to `sel`, in its order: the guide's
    general ones, the program's, the variant's."""
    items: list[tuple[Threshold, bool]] = []
    if include_general:
        items += [(t, True) for t in cat.general_thresholds(sel.program)]
    items += [(t, False) for t in sel.program.thresholds]
    if sel.variant is not None:
        items += [(t, False) for t in sel.variant.thresholds]
    return items


def fields_read(items: list[tuple[Threshold, bool]]) -> set[str]:
    """The fields conditions read: each one's field, its when/unless fields, the parts of a derived one."""
    out: set[str] = set()
    for t, _general in items:
        out.add(canonical_field(t.field))
        out.update(canonical_field(c.field) for c in [*t.when, *t.unless])
    for target, parts in DERIVED_FROM.items():
        if target in out:
            out.update(parts)
    return out


# the ids of a program's conditions -> (those conditions, held so that no id is reused while the
# entry lives; fields_read of them)
_USED: dict[tuple, tuple[tuple, set[str]]] = {}


def _used_fields(items: list[tuple[Threshold, bool]]) -> set[str]:
    """`fields_read(items)` (read only), once per list of conditions."""
    key = tuple(id(t) for t, _general in items)
    hit = _USED.get(key)
    if hit is None:
        hit = (tuple(t for t, _general in items), fields_read(items))
        if len(_USED) >= 1000:
            _USED.clear()
        _USED[key] = hit
    return hit[1]


def check(
    program: str | Selection,
    values: Mapping[str, object],
    *,
    variant: str | None = None,
    year: object = None,
    include_general: bool = True,
    only_given: bool = False,
    catalog: Catalog | None = None,
    strict: bool = True,
) -> CheckReport:
    """Every quantitative condition of the program (its variant, and the guide's general ones).

    With `only_given`, conditions whose field was not given are left out (for checking one
    number at a time) and counted in `left_out`; otherwise they are reported missing.
    `strict`: a field name nobody knows raises UnknownFieldError (naming the closest known
    ones) instead of being dropped.  Quantities the guides define from others (实施周期 from
    the dates, 已投入比例 from the amounts) are derived when their parts are given.
    """
    cat = catalog or load_catalog()
    sel = program if isinstance(program, Selection) else find_program(program, year=year, variant=variant, catalog=cat)
    vals = given = normalise_values(values)
    if strict:
        unknown = [k for k in values if not is_blank(values[k]) and not is_known_field(k)]
        if unknown:
            raise UnknownFieldError([str(k) for k in unknown])
    derived = derive(vals)
    vals = derived.values
    items = conditions_of(sel, cat, include_general)
    results: list[Result] = []
    if sel.variant is None and any(v.thresholds for v in sel.program.variants):
        names = "、".join(v.name for v in sel.program.variants)
        by_variant = fields_read([(t, False) for v in sel.program.variants for t in v.thresholds])
        variant_only = by_variant - fields_read(items)
        # the 子类 decides a given field (or, without only_given, some condition): never 通过 without it
        needs_variant = not only_given or any(k in by_variant for k in vals)
        if strict and (not only_given or any(k in variant_only for k in vals)):  # nothing to check without it
            raise VariantRequiredError(
                f"{sel.label} 分为{names}，条件不同，请指定子类（如 {sel.label}/{sel.program.variants[0].name}）",
                [f"{sel.label}/{v.name}" for v in sel.program.variants],
            )
        if needs_variant:
            results.append(
                Result("子类", "missing", f"{sel.label} 分为{names}，条件不同，请指定子类后再核对", sel.program.source, "子类")
            )
    left_out: list[str] = [] if sel.variant is not None or not any(v.thresholds for v in sel.program.variants) else ["子类"]
    for t, general in items:
        if only_given and canonical_field(t.field) not in vals:
            if canonical_field(t.field) not in left_out:
                left_out.append(canonical_field(t.field))
            continue
        r = check_threshold(t, vals, general=general, selection=sel, notes=derived.notes)
        if r is not None:
            results.append(r)
    used = _used_fields(items)
    unused = tuple(k for k in given if k not in used)  # derive() left `given` as it was
    notes = [n for f, n in derived.notes.items() if f in used]
    for target, parts in DERIVED_FROM.items():  # a part alone derives nothing: say so
        have = [p for p in parts if p in vals]
        if target in used and have and len(have) < len(parts) and target not in vals:
            lacking = "、".join(p for p in parts if p not in vals)
            notes.append(f"给出了{'、'.join(have)}，还缺{lacking}，无法推算{target}")
    notes = tuple(notes)
    return CheckReport(sel, tuple(results), only_given, tuple(left_out), unused, notes, derived.conflicts)
