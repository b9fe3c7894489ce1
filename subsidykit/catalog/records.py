"""The catalog's runtime classes: GENERATED from schema.py by `python -m subsidykit.catalog.codegen`.

Do not edit: change schema.py and regenerate (tests/test_catalog_cache.py fails when this file
is stale).  Same class names, fields and properties as the schema; no validation here — the
schema validated the data before it was cached.  Plain `frozen.Record` classes (no dataclass
processing at import: every command pays for this module): frozen, compared and hashed by their
fields like the schema's models, pickled as their fields' dict (rebuilt without Python code);
`replace(obj, **changes)` is the copy-with-changes.
"""

from __future__ import annotations

# The annotations name Decimal, Literal and Union: they stay strings (never evaluated), so this
# module imports neither `decimal` nor `typing` at run time (linters and type checkers see them).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from decimal import Decimal  # noqa: F401
    from typing import Literal, Union  # noqa: F401

from subsidykit.catalog.frozen import Record, fields_of, replace  # noqa: F401 - one home of record classes

Kind = object  # schema.Kind: checked by the schema when the catalog is built
Op = object  # schema.Op: checked by the schema when the catalog is built
Unit = object  # schema.Unit: checked by the schema when the catalog is built
Review = object  # schema.Review: checked by the schema when the catalog is built
Scalar = object  # schema.Scalar: checked by the schema when the catalog is built


class Source(Record):
    """Where a number comes from: seed file, 1-based inclusive line range, quoted text.

    `text` is quoted from those lines; line breaks and spaces of the seed may be
    dropped, and "……" may stand for an omitted stretch between quoted parts."""

    _fields = ('file', 'lines', 'text', 'note')

    def __init__(self, *, file: str, lines: tuple[int, int], text: str, note: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'file', file)
        _set(self, 'lines', lines)
        _set(self, 'text', text)
        _set(self, 'note', note)


class Todo(Record):
    """A sentence of a 补助标准 / 支持条件 the drafter could not turn into data, for the reviewer:
    the 1-based inclusive line range of the guide's text and the sentence as printed."""

    _fields = ('lines', 'text', 'note')

    def __init__(self, *, lines: tuple[int, int], text: str, note: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'lines', lines)
        _set(self, 'text', text)
        _set(self, 'note', note)


class Cited(Record):
    """A single number with its citation (quota, city limit, ...)."""

    _fields = ('value', 'source', 'note')

    def __init__(self, *, value: Decimal, source: Source, note: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'value', value)
        _set(self, 'source', source)
        _set(self, 'note', note)


class FirstPayment(Record):
    """首次拨付: a share of the award (0.5) or an amount in 万元."""

    _fields = ('share', 'amount', 'source', 'note')

    def __init__(self, *, share: Decimal | None = None, amount: Decimal | None = None, source: Source, note: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'share', share)
        _set(self, 'amount', amount)
        _set(self, 'source', source)
        _set(self, 'note', note)


class Condition(Record):
    """When a threshold applies (e.g. an R&D ratio that depends on the revenue band)."""

    _fields = ('field', 'op', 'value', 'unit')

    def __init__(self, *, field: str, op: Op, value: Union[Scalar, list[Scalar]], unit: Unit) -> None:
        _set = object.__setattr__
        _set(self, 'field', field)
        _set(self, 'op', op)
        _set(self, 'value', value)
        _set(self, 'unit', unit)


class Threshold(Record):
    """A quantitative 支持条件 / 申报条件: `field op value` in `unit`.

    `between` takes [low, high], both inclusive.  Dates are ISO strings."""

    _fields = ('field', 'op', 'value', 'unit', 'label', 'when', 'unless', 'exempt', 'source', 'note')

    def __init__(self, *, field: str, op: Op, value: Union[Scalar, list[Scalar]], unit: Unit, label: str, when: list[Condition] | None = None, unless: list[Condition] | None = None, exempt: list[str] | None = None, source: Source, note: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'field', field)
        _set(self, 'op', op)
        _set(self, 'value', value)
        _set(self, 'unit', unit)
        _set(self, 'label', label)
        _set(self, 'when', list() if when is None else when)
        _set(self, 'unless', list() if unless is None else unless)
        _set(self, 'exempt', list() if exempt is None else exempt)
        _set(self, 'source', source)
        _set(self, 'note', note)


class Part(Record):
    """One stage (two_stage) or one component (combined) of an award."""

    _fields = ('name', 'base', 'rate', 'cap', 'fixed', 'source', 'note')

    def __init__(self, *, name: str, base: str | None = None, rate: Decimal | None = None, cap: Decimal | None = None, fixed: Decimal | None = None, source: Source, note: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'name', name)
        _set(self, 'base', base)
        _set(self, 'rate', rate)
        _set(self, 'cap', cap)
        _set(self, 'fixed', fixed)
        _set(self, 'source', source)
        _set(self, 'note', note)


class Alias(Record):
    """Another name clerks type for a program or variant ("首台套" for 首台（套）装备示范应用项目),
    with the reason: a `note` or the `source` clause that uses the name. A plain string is also
    accepted in `aliases` (entries written before aliases carried reasons)."""

    _fields = ('name', 'note', 'source')

    def __init__(self, *, name: str, note: str | None = None, source: Source | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'name', name)
        _set(self, 'note', note)
        _set(self, 'source', source)


class Variant(Record):
    _fields = ('kind', 'base', 'rate', 'cap', 'fixed', 'unit_amount', 'unit', 'per', 'stages', 'components', 'first_payment', 'quota', 'thresholds', 'source', 'note', 'name', 'aliases')

    def __init__(self, *, kind: Kind | None = None, base: str | None = None, rate: Decimal | None = None, cap: Decimal | None = None, fixed: Decimal | None = None, unit_amount: Decimal | None = None, unit: str | None = None, per: str | None = None, stages: list[Part] | None = None, components: list[Part] | None = None, first_payment: FirstPayment | None = None, quota: Cited | None = None, thresholds: list[Threshold] | None = None, source: Source | None = None, note: str | None = None, name: str, aliases: list[Union[str, Alias]] | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'kind', kind)
        _set(self, 'base', base)
        _set(self, 'rate', rate)
        _set(self, 'cap', cap)
        _set(self, 'fixed', fixed)
        _set(self, 'unit_amount', unit_amount)
        _set(self, 'unit', unit)
        _set(self, 'per', per)
        _set(self, 'stages', list() if stages is None else stages)
        _set(self, 'components', list() if components is None else components)
        _set(self, 'first_payment', first_payment)
        _set(self, 'quota', quota)
        _set(self, 'thresholds', list() if thresholds is None else thresholds)
        _set(self, 'source', source)
        _set(self, 'note', note)
        _set(self, 'name', name)
        _set(self, 'aliases', list() if aliases is None else aliases)

    @property
    def alias_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.aliases]


class CityLimit(Record):
    """每个设区市限报 N 个 (and sub-limits such as 其中县（市）...)."""

    _fields = ('scope', 'value', 'shared_with', 'label', 'source', 'note')

    def __init__(self, *, scope: str, value: Decimal, shared_with: list[str] | None = None, label: str, source: Source, note: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'scope', scope)
        _set(self, 'value', value)
        _set(self, 'shared_with', list() if shared_with is None else shared_with)
        _set(self, 'label', label)
        _set(self, 'source', source)
        _set(self, 'note', note)


class Program(Record):
    _fields = ('kind', 'base', 'rate', 'cap', 'fixed', 'unit_amount', 'unit', 'per', 'stages', 'components', 'first_payment', 'quota', 'thresholds', 'source', 'note', 'id', 'year', 'fund', 'guide', 'path', 'title', 'no_application', 'grant', 'minimum', 'aliases', 'variants', 'city_limits', 'office', 'phone', 'contact_source', 'review', 'todo')

    def __init__(self, *, kind: Kind, base: str | None = None, rate: Decimal | None = None, cap: Decimal | None = None, fixed: Decimal | None = None, unit_amount: Decimal | None = None, unit: str | None = None, per: str | None = None, stages: list[Part] | None = None, components: list[Part] | None = None, first_payment: FirstPayment | None = None, quota: Cited | None = None, thresholds: list[Threshold] | None = None, source: Source | None = None, note: str | None = None, id: str, year: int, fund: str, guide: str, path: list[str], title: str, no_application: bool = False, grant: bool = True, minimum: bool = False, aliases: list[Union[str, Alias]] | None = None, variants: list[Variant] | None = None, city_limits: list[CityLimit] | None = None, office: str | None = None, phone: str | None = None, contact_source: Source | None = None, review: Review = 'done', todo: list[Todo] | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'kind', kind)
        _set(self, 'base', base)
        _set(self, 'rate', rate)
        _set(self, 'cap', cap)
        _set(self, 'fixed', fixed)
        _set(self, 'unit_amount', unit_amount)
        _set(self, 'unit', unit)
        _set(self, 'per', per)
        _set(self, 'stages', list() if stages is None else stages)
        _set(self, 'components', list() if components is None else components)
        _set(self, 'first_payment', first_payment)
        _set(self, 'quota', quota)
        _set(self, 'thresholds', list() if thresholds is None else thresholds)
        _set(self, 'source', source)
        _set(self, 'note', note)
        _set(self, 'id', id)
        _set(self, 'year', year)
        _set(self, 'fund', fund)
        _set(self, 'guide', guide)
        _set(self, 'path', path)
        _set(self, 'title', title)
        _set(self, 'no_application', no_application)
        _set(self, 'grant', grant)
        _set(self, 'minimum', minimum)
        _set(self, 'aliases', list() if aliases is None else aliases)
        _set(self, 'variants', list() if variants is None else variants)
        _set(self, 'city_limits', list() if city_limits is None else city_limits)
        _set(self, 'office', office)
        _set(self, 'phone', phone)
        _set(self, 'contact_source', contact_source)
        _set(self, 'review', review)
        _set(self, 'todo', list() if todo is None else todo)

    @property
    def alias_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.aliases]


class Sampling(Record):
    """The notice's 真实性核查 sampling rule: all up to `all_up_to`, then `extra_share` of the rest."""

    _fields = ('all_up_to', 'extra_share', 'rounding', 'source', 'note')

    def __init__(self, *, all_up_to: int, extra_share: Decimal, rounding: Literal['ceil', 'half_up', 'floor'], source: Source, note: str) -> None:
        _set = object.__setattr__
        _set(self, 'all_up_to', all_up_to)
        _set(self, 'extra_share', extra_share)
        _set(self, 'rounding', rounding)
        _set(self, 'source', source)
        _set(self, 'note', note)


class Document(Record):
    _fields = ('file', 'title', 'year', 'fund', 'guides', 'general_thresholds', 'general_applies_to', 'sampling', 'programs', 'review', 'todo')

    def __init__(self, *, file: str, title: str, year: int, fund: str, guides: list[str], general_thresholds: list[Threshold] | None = None, general_applies_to: list[str] | None = None, sampling: Sampling | None = None, programs: list[Program], review: Review = 'done', todo: list[Todo] | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'file', file)
        _set(self, 'title', title)
        _set(self, 'year', year)
        _set(self, 'fund', fund)
        _set(self, 'guides', guides)
        _set(self, 'general_thresholds', list() if general_thresholds is None else general_thresholds)
        _set(self, 'general_applies_to', list() if general_applies_to is None else general_applies_to)
        _set(self, 'sampling', sampling)
        _set(self, 'programs', programs)
        _set(self, 'review', review)
        _set(self, 'todo', list() if todo is None else todo)
