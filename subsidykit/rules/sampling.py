"""The notice's 真实性核查 sampling rule: how many recommended projects must be verified."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.records import Sampling
from subsidykit.catalog.cite import cite
from subsidykit.catalog.frozen import Record
from subsidykit.errors import NoAmountError
from subsidykit.rules.parsing import is_blank, parse_count, parse_year

_ROUNDING = {"ceil": ROUND_CEILING, "half_up": ROUND_HALF_UP, "floor": ROUND_FLOOR}


class SampleSize(Record):
    n: int
    size: int
    explanation: str
    rule: Sampling
    _fields = ('n', 'size', 'explanation', 'rule')

    def __init__(self, n: int, size: int, explanation: str, rule: Sampling) -> None:
        _set = object.__setattr__
        _set(self, 'n', n)
        _set(self, 'size', size)
        _set(self, 'explanation', explanation)
        _set(self, 'rule', rule)


def sample_size(n: object, *, year: object = None, catalog: Catalog | None = None) -> SampleSize:
    """Projects to verify out of `n` recommended ones, by the catalog's sampling rule."""
    cat = catalog or load_catalog()
    yr = None if is_blank(year) else parse_year(year)
    doc = cat.sampling_document(yr)
    if doc is None:
        raise NoAmountError(f"{yr or ''} 年度的通知未规定真实性核查比例")
    rule = doc.sampling
    draft = ""
    if doc.review != "done":  # a drafted notice: its rule is refused unless drafts are allowed
        from subsidykit.rules.drafts import amounts_note

        draft = amounts_note(doc)
    total = parse_count(n, "项目数量")  # an integer 0..MAX_COUNT
    if total <= rule.all_up_to:
        size = total
        how = f"{total} 个项目不超过 {rule.all_up_to} 个，全部核查"
    else:
        extra = Decimal(total - rule.all_up_to) * rule.extra_share
        more = int(extra.quantize(Decimal(1), rounding=_ROUNDING[rule.rounding]))
        size = rule.all_up_to + more
        how = (
            f"{rule.all_up_to} 个全部核查，另对超出的 {total - rule.all_up_to} 个按 "
            f"{format((rule.extra_share * 100).normalize(), 'f')}% 累加核查 {more} 个，共 {size} 个"
        )
    return SampleSize(total, size, f"{draft}{how}（{cite(rule.source)}；{rule.note}）", rule)
