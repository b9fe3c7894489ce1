"""The catalog schema: what a program entry may say, validated on load.

The catalog is data (YAML, one file per seed document); this module only
describes its shape so that a typo in a rate is a load error, not a wrong
payment.  Amounts are Decimal 万元, rates and shares are Decimal fractions
(0.1 for 10%).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    field_validator,
    model_validator,
)

Kind = Literal[
    "rate_cap",  # min(rate x base, cap); cap may be absent (rate only)
    "fixed",  # 定额: a fixed amount, no base needed
    "cap_only",  # only "最高不超过 N 万元": the maximum is the cap
    "per_unit",  # unit_amount x count, up to cap if any
    "tiered",  # amounts by category: the variants hold them, a variant is required
    "two_stage",  # stages (首期/后期), each with its own maximum, total up to cap
    "combined",  # components (贴息 + 设备补助 ...), each with its own maximum, total up to cap
    "actual_cost",  # the actual cost (base) up to cap
    "none",  # 另行通知 / not stated: no amount can be computed
    "recognition",  # a 认定 (qualification) without money of its own
]

Op = Literal[">=", ">", "<=", "<", "==", "between", "in"]

Unit = Literal[
    "万元",  # amounts (元 and 亿元 are converted to 万元 in the data)
    "比例",  # a fraction: 0.5 for 50%
    "日期",  # ISO date "2022-06-30"
    "年",
    "月",
    "个",
    "人",
    "项",
    "次",
    "家",
    "台套",
    "吨标准煤",
    "吨",
    "千瓦",  # 兆瓦 x 1000
    "千瓦时",
    "平方米",
    "立方米",  # water: "年节水量5万立方米以上" -> 50000 立方米
    "千伏安",  # transformer capacity (兆伏安 x 1000)
    "万美元",  # foreign trade and investment: "进出口额500万美元" (亿美元 x 10000, 美元 / 10000), never 万元
    "亩",
    "辆",  # vehicles: "申报车辆数量不少于10辆"
    "艘",  # ships
    "公斤",  # kilograms (千克, kg): "日加氢能力达到500公斤"
    "天",
    "小时",
    "TB",
    "PB",
    "名",  # a rank: "排名前10名" -> 名次 <= 10
    "级",  # a grade: "数字化水平达到二级及以上" -> 等级 >= 2
    "是否",  # yes/no conditions: value true/false
    "文本",  # a category that must be one of `value` (op "in") or equal (op "==")
]


def _ordered_lines(v: tuple[int, int]) -> tuple[int, int]:
    """A 1-based inclusive line range, first line first (a Source's and a Todo's)."""
    if v[0] < 1 or v[1] < v[0]:
        raise ValueError(f"行号范围无效: {v}")
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where a number comes from: seed file, 1-based inclusive line range, quoted text.

    `text` is quoted from those lines; line breaks and spaces of the seed may be
    dropped, and "……" may stand for an omitted stretch between quoted parts.
    """

    file: str
    lines: tuple[int, int]
    text: str
    note: str | None = None

    @field_validator("lines")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        return _ordered_lines(v)


Review = Literal[
    "draft",  # written by `subsidykit catalog draft`, not yet checked against the guide: no amounts served
    "done",  # checked by a person (every entry written by hand, and drafts after `catalog accept`)
]


class Todo(_Strict):
    """A sentence of a 补助标准 / 支持条件 the drafter could not turn into data, for the reviewer:
    the 1-based inclusive line range of the guide's text and the sentence as printed."""

    lines: tuple[int, int]
    text: str
    note: str | None = None

    @field_validator("lines")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        return _ordered_lines(v)


class Cited(_Strict):
    """A single number with its citation (quota, city limit, ...)."""

    value: Decimal
    source: Source
    note: str | None = None


class FirstPayment(_Strict):
    """首次拨付: a share of the award (0.5) or an amount in 万元."""

    share: Decimal | None = None
    amount: Decimal | None = None
    source: Source
    note: str | None = None

    @model_validator(mode="after")
    def _one(self) -> "FirstPayment":
        if (self.share is None) == (self.amount is None):
            raise ValueError("首次拨付须给出 share 或 amount 之一")
        if self.share is not None and not (0 < self.share <= 1):
            raise ValueError(f"首次拨付比例须在 0 到 1 之间: {self.share}")
        return self


# bool first but strict, so that YAML true/false stay booleans and 1/0 stay numbers
Scalar = Union[Annotated[bool, Strict()], Decimal, str]


class Condition(_Strict):
    """When a threshold applies (e.g. an R&D ratio that depends on the revenue band)."""

    field: str
    op: Op
    value: Union[Scalar, list[Scalar]]
    unit: Unit


class Threshold(_Strict):
    """A quantitative 支持条件 / 申报条件: `field op value` in `unit`.

    `between` takes [low, high], both inclusive.  Dates are ISO strings.
    """

    field: str
    op: Op
    value: Union[Scalar, list[Scalar]]
    unit: Unit
    label: str  # the condition in the guide's words, short (shown in messages)
    when: list[Condition] = Field(default_factory=list)
    # the condition does not bind when any of these holds (a missing value counts as not holding),
    # e.g. 正常经营1年以上 … “i创杯”大赛获奖 … 可不受经营年限限制
    unless: list[Condition] = Field(default_factory=list)
    # programs ("id") or sub-cases ("id/子类") the clause exempts by name
    exempt: list[str] = Field(default_factory=list)
    source: Source
    note: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> "Threshold":
        if self.op in ("between", "in"):
            if not isinstance(self.value, list) or (self.op == "between" and len(self.value) != 2):
                raise ValueError(f"{self.field}: {self.op} 需要列表值")
        elif isinstance(self.value, list):
            raise ValueError(f"{self.field}: {self.op} 不能用列表值")
        return self


class Part(_Strict):
    """One stage (two_stage) or one component (combined) of an award."""

    name: str
    base: str | None = None
    rate: Decimal | None = None
    cap: Decimal | None = None
    fixed: Decimal | None = None
    source: Source
    note: str | None = None


class Alias(_Strict):
    """Another name clerks type for a program or variant ("首台套" for 首台（套）装备示范应用项目),
    with the reason: a `note` or the `source` clause that uses the name. A plain string is also
    accepted in `aliases` (entries written before aliases carried reasons)."""

    name: str
    note: str | None = None
    source: Source | None = None

    @model_validator(mode="after")
    def _justified(self) -> "Alias":
        if not (self.note or self.source):
            raise ValueError(f"别名「{self.name}」须有 note 或 source 说明出处")
        return self


class _Amounts(_Strict):
    """The fields a program and a variant share; a variant overrides its program."""

    kind: Kind | None = None
    base: str | None = None
    rate: Decimal | None = None
    cap: Decimal | None = None
    fixed: Decimal | None = None
    unit_amount: Decimal | None = None
    unit: str | None = None  # what is counted for per_unit ("个", "家", ...)
    # fixed / cap_only: the clause gives the amount per item (单个装备, 每家入选企业 …), so a
    # count multiplies it; the item in the clause's words ("装备", "企业")
    per: str | None = None
    stages: list[Part] = Field(default_factory=list)
    components: list[Part] = Field(default_factory=list)
    first_payment: FirstPayment | None = None
    quota: Cited | None = None
    thresholds: list[Threshold] = Field(default_factory=list)
    source: Source | None = None  # the amount clause (补助标准)
    note: str | None = None

    @field_validator("rate")
    @classmethod
    def _fraction(cls, v: Decimal | None) -> Decimal | None:
        if v is not None and not (0 < v <= 1):
            raise ValueError(f"比例须为 0 到 1 之间的小数: {v}")
        return v

    @field_validator("cap", "fixed", "unit_amount")
    @classmethod
    def _positive(cls, v: Decimal | None) -> Decimal | None:
        if v is not None and v <= 0:
            raise ValueError(f"金额须为正数: {v}")
        return v


class Variant(_Amounts):
    name: str
    aliases: list[Union[str, Alias]] = Field(default_factory=list)

    @property
    def alias_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.aliases]


class CityLimit(_Strict):
    """每个设区市限报 N 个 (and sub-limits such as 其中县（市）...)."""

    scope: str  # who is limited, in the guide's words ("每个设区市")
    value: Decimal
    shared_with: list[str] = Field(default_factory=list)  # other program ids counted in the same limit
    label: str
    source: Source
    note: str | None = None


class Program(_Amounts):
    id: str = Field(pattern=r"^[0-9]{4}-[a-z0-9]+(-[a-z0-9]+)*$")
    year: int
    fund: str
    guide: str
    path: list[str]
    title: str
    kind: Kind  # required on a program
    no_application: bool = False
    # False: the amount is a loan, guarantee or investment limit, not money paid out
    grant: bool = True
    # True: the clause states a floor ("不低于1000元"), so the maximum award is not determined
    minimum: bool = False
    aliases: list[Union[str, Alias]] = Field(default_factory=list)  # other names; see Alias
    variants: list[Variant] = Field(default_factory=list)
    city_limits: list[CityLimit] = Field(default_factory=list)
    office: str | None = None
    phone: str | None = None
    contact_source: Source | None = None
    # "draft": drafted from the guide's text and not yet reviewed; the engine serves no amount
    # from it unless drafts are allowed (rules.drafts).  Hand-written entries default to "done".
    review: Review = "done"
    todo: list[Todo] = Field(default_factory=list)  # sentences the drafter could not turn into data

    @property
    def alias_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.aliases]

    @model_validator(mode="after")
    def _consistent(self) -> "Program":
        if self.kind == "tiered":
            if not self.variants:
                raise ValueError(f"{self.id}: tiered 须有 variants")
            for v in self.variants:
                if v.kind is None or v.kind == "tiered":
                    raise ValueError(f"{self.id}/{v.name}: tiered 的子类须给出自己的 kind")
        if self.source is None and self.kind not in ("none", "recognition", "tiered"):
            if not any(v.source for v in self.variants):
                raise ValueError(f"{self.id}: 缺少补助标准出处 source")
        names = [v.name for v in self.variants]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.id}: 子类名称重复")
        if (self.office or self.phone) and self.contact_source is None:
            raise ValueError(f"{self.id}: 主办处室/电话须有出处 contact_source")
        return self


class Sampling(_Strict):
    """The notice's 真实性核查 sampling rule: all up to `all_up_to`, then `extra_share` of the rest."""

    all_up_to: int
    extra_share: Decimal
    rounding: Literal["ceil", "half_up", "floor"]
    source: Source
    note: str


class Document(_Strict):
    file: str
    title: str
    year: int
    fund: str
    guides: list[str]
    general_thresholds: list[Threshold] = Field(default_factory=list)
    general_applies_to: list[str] = Field(default_factory=list)  # guide names; empty = none
    sampling: Sampling | None = None
    programs: list[Program]
    # "draft": the document-wide data (general_thresholds, sampling) is not yet reviewed, and
    # every program of the document counts as a draft (rules.drafts)
    review: Review = "done"
    todo: list[Todo] = Field(default_factory=list)  # document-wide sentences not turned into data

    @model_validator(mode="before")
    @classmethod
    def _draft_programs(cls, data):
        """A draft document's programs are drafts: its mark is carried down to each of them, so
        the engine asks a program only (rules.drafts)."""
        if isinstance(data, dict) and data.get("review") == "draft" and isinstance(data.get("programs"), list):
            data = {**data, "programs": [{**p, "review": "draft"} if isinstance(p, dict) else p for p in data["programs"]]}
        return data

    @model_validator(mode="after")
    def _guides_known(self) -> "Document":
        for p in self.programs:
            if p.guide not in self.guides:
                raise ValueError(f"{p.id}: guide「{p.guide}」不在本文件 guides 列表中")
        ids = [p.id for p in self.programs]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"程序 id 重复: {sorted(dup)}")
        return self
