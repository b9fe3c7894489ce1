"""The catalog's runtime classes: GENERATED from schema.py by `python -m subsidykit.catalog.codegen`.

Do not edit: change schema.py and regenerate (tests/test_catalog_cache.py fails when this file
is stale).  Same class names, fields and properties as the schema; no validation here — the
schema validated the data before it was cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field
from decimal import Decimal  # noqa: F401 - named in the annotations
from typing import Literal, Union  # noqa: F401 - named in the annotations

Kind = object  # schema.Kind: checked by the schema when the catalog is built
Op = object  # schema.Op: checked by the schema when the catalog is built
Unit = object  # schema.Unit: checked by the schema when the catalog is built
Scalar = object  # schema.Scalar: checked by the schema when the catalog is built


@dataclass(frozen=True, slots=True, kw_only=True)
class _Strict:
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(_Strict):
    """Where a number comes from: seed file, 1-based inclusive line range, quoted text.

    `text` is quoted from those lines; line breaks and spaces of the seed may be
    dropped, and "……" may stand for an omitted stretch between quoted parts."""
    file: str
    lines: tuple[int, int]
    text: str
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Cited(_Strict):
    """A single number with its citation (quota, city limit, ...)."""
    value: Decimal
    source: Source
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FirstPayment(_Strict):
    """首次拨付: a share of the award (0.5) or an amount in 万元."""
    share: Decimal | None = None
    amount: Decimal | None = None
    source: Source
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition(_Strict):
    """When a threshold applies (e.g. an R&D ratio that depends on the revenue band)."""
    field: str
    op: Op
    value: Union[Scalar, list[Scalar]]
    unit: Unit


@dataclass(frozen=True, slots=True, kw_only=True)
class Threshold(_Strict):
    """A quantitative 支持条件 / 申报条件: `field op value` in `unit`.

    `between` takes [low, high], both inclusive.  Dates are ISO strings."""
    field: str
    op: Op
    value: Union[Scalar, list[Scalar]]
    unit: Unit
    label: str
    when: list[Condition] = _field(default_factory=list)
    unless: list[Condition] = _field(default_factory=list)
    exempt: list[str] = _field(default_factory=list)
    source: Source
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Part(_Strict):
    """One stage (two_stage) or one component (combined) of an award."""
    name: str
    base: str | None = None
    rate: Decimal | None = None
    cap: Decimal | None = None
    fixed: Decimal | None = None
    source: Source
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Alias(_Strict):
    """Another name clerks type for a program or variant ("首台套" for 首台（套）装备示范应用项目),
    with the reason: a `note` or the `source` clause that uses the name. A plain string is also
    accepted in `aliases` (entries written before aliases carried reasons)."""
    name: str
    note: str | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Amounts(_Strict):
    """The fields a program and a variant share; a variant overrides its program."""
    kind: Kind | None = None
    base: str | None = None
    rate: Decimal | None = None
    cap: Decimal | None = None
    fixed: Decimal | None = None
    unit_amount: Decimal | None = None
    unit: str | None = None
    per: str | None = None
    stages: list[Part] = _field(default_factory=list)
    components: list[Part] = _field(default_factory=list)
    first_payment: FirstPayment | None = None
    quota: Cited | None = None
    thresholds: list[Threshold] = _field(default_factory=list)
    source: Source | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Variant(_Amounts):
    """The fields a program and a variant share; a variant overrides its program."""
    name: str
    aliases: list[Union[str, Alias]] = _field(default_factory=list)

    @property
    @property
    def alias_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.aliases]


@dataclass(frozen=True, slots=True, kw_only=True)
class CityLimit(_Strict):
    """每个设区市限报 N 个 (and sub-limits such as 其中县（市）...)."""
    scope: str
    value: Decimal
    shared_with: list[str] = _field(default_factory=list)
    label: str
    source: Source
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Program(_Amounts):
    """The fields a program and a variant share; a variant overrides its program."""
    id: str
    year: int
    fund: str
    guide: str
    path: list[str]
    title: str
    kind: Kind
    no_application: bool = False
    grant: bool = True
    minimum: bool = False
    aliases: list[Union[str, Alias]] = _field(default_factory=list)
    variants: list[Variant] = _field(default_factory=list)
    city_limits: list[CityLimit] = _field(default_factory=list)
    office: str | None = None
    phone: str | None = None
    contact_source: Source | None = None

    @property
    @property
    def alias_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.aliases]


@dataclass(frozen=True, slots=True, kw_only=True)
class Sampling(_Strict):
    """The notice's 真实性核查 sampling rule: all up to `all_up_to`, then `extra_share` of the rest."""
    all_up_to: int
    extra_share: Decimal
    rounding: Literal['ceil', 'half_up', 'floor']
    source: Source
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Document(_Strict):
    file: str
    title: str
    year: int
    fund: str
    guides: list[str]
    general_thresholds: list[Threshold] = _field(default_factory=list)
    general_applies_to: list[str] = _field(default_factory=list)
    sampling: Sampling | None = None
    programs: list[Program]
