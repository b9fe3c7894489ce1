"""What the application workbook (项目申报表) asks: its sections, fields, sheets and choices.

The model only (no workbook library): the readers (`submissions`) and the checks need the
sheet names, REQUIRED_FIELDS and BATCH_COUNTED without loading openpyxl;
`application_form` builds the template from it.  The fields are those of 附件2 (入库项目汇总表,
000_e236479adaf7e68e.txt lines 4571-4661; headings from `summary_layout.COLUMNS`) and 附件3
(信用承诺书, lines 5026-5039), plus 申报年度, 申报项目类别 and the fields the catalog's
conditions use.  The condition fields and the choices (programs, years) are taken from the
catalog; nothing here states a rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.rules.regions import CITIES
from subsidykit.rules.vocabulary import canonical_field
from subsidykit.workbooks.summary_layout import COMMITMENT_LABELS, column_header, is_fund_guide

# counted by the batch (one file = one project), never asked on the form
BATCH_COUNTED = ("申报项目数量",)
OTHER_ROWS = 12  # blank label/answer rows of 六、其他申报条件
FORM_SHEET = "项目申报表"
LIST_SHEET = "_lists"
GUIDE_SHEET = "各项目申报条件"
REFERENCE_SHEETS = (LIST_SHEET, GUIDE_SHEET)  # the template's own lists: never read as answers


@dataclass(frozen=True)
class FormField:
    name: str  # canonical field name (catalog/fields.yaml)
    label: str  # as printed on the form
    unit: str = "文本"
    required: bool = False
    choices: str | None = None  # a list of `choice_lists`: programs, years, cities, yesno, fields
    wide: bool = False  # the answer takes the whole row


def _att2(name: str, unit: str = "文本", required: bool = False, choices: str | None = None, *, wide: bool = False) -> FormField:
    """A field labelled with its 附件2 column heading."""
    return FormField(name, column_header(name), unit, required, choices, wide)


# 附件2 column headings (lines 4571-4661) and 附件3 (lines 5026-5039), with 申报年度/类别.
FIXED_SECTIONS: tuple[tuple[str, tuple[FormField, ...]], ...] = (
    (
        "一、申报信息",
        (
            FormField("申报年度", "申报年度", "年", True, "years"),
            FormField("地区", "地区（设区市）", "文本", False, "cities"),
            _att2("申报项目类别", "文本", True, "programs", wide=True),
            _att2("是否集群项目", "是否", False, "yesno"),
        ),
    ),
    (
        "二、项目申报单位基本情况",
        (
            _att2("单位名称", "文本", True, wide=True),
            FormField("统一社会信用代码", COMMITMENT_LABELS["统一社会信用代码"], "文本", True),
            _att2("所属行业"),
            _att2("单位主要经营地址", wide=True),
            _att2("主营业务收入", "万元"),
            _att2("实缴税金", "万元"),
            _att2("利润总额", "万元"),
            FormField("项目责任人", COMMITMENT_LABELS["项目责任人"], "文本", True),
            FormField("联系电话", COMMITMENT_LABELS["联系电话"], "文本", True),
        ),
    ),
    (
        "三、项目基本情况",
        (
            _att2("申报项目名称", "文本", True, wide=True),
            FormField("所在地", COMMITMENT_LABELS["所在地"]),
            _att2("项目总投入", "万元", True),
            _att2("固定资产投资", "万元"),
            _att2("开工日期", "日期"),
            _att2("完工日期", "日期"),
            _att2("申请补助资金", "万元", True),
        ),
    ),
)
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for _, fs in FIXED_SECTIONS for f in fs if f.required)


def _conditions(cat: Catalog):
    for doc in cat.documents:
        for t in doc.general_thresholds:
            yield doc, None, t
        for p in doc.programs:
            for t in p.thresholds:
                yield doc, p, t
            for v in p.variants:
                for t in v.thresholds:
                    yield doc, p, t


def condition_sections(cat: Catalog | None = None) -> tuple[tuple[str, tuple[FormField, ...]], ...]:
    """四、申报基本条件 (the notices' general conditions) and 五、常用项目条件 (fields used by at
    least three programs' conditions in the provincial guides), from the catalog."""
    cat = cat or load_catalog()
    fixed = {f.name for _, fs in FIXED_SECTIONS for f in fs}
    general: dict[str, str] = {}
    counts: Counter[str] = Counter()
    units: dict[str, str] = {}
    for doc, prog, t in _conditions(cat):
        name = canonical_field(t.field)
        units.setdefault(name, t.unit)
        if prog is None:
            general.setdefault(name, t.unit)
            for c in t.unless:
                general.setdefault(canonical_field(c.field), c.unit)
        elif is_fund_guide(doc) or prog.fund.startswith("江苏省"):
            counts[name] += 1
    gen = tuple(
        FormField(n, n, u, False, "yesno" if u == "是否" else None)
        for n, u in general.items()
        if n not in fixed and n not in BATCH_COUNTED
    )
    common = sorted((n for n, k in counts.items() if k >= 3 and n not in fixed and n not in general), key=lambda n: (-counts[n], n))
    com = tuple(FormField(n, n, units[n], False, "yesno" if units[n] == "是否" else None) for n in common)
    return (("四、申报基本条件（通知）", gen), ("五、项目条件（按所选项目的支持条件填写）", com))


def all_sections(cat: Catalog | None = None):
    return (*FIXED_SECTIONS, *condition_sections(cat))


def program_choices(cat: Catalog | None = None) -> list[str]:
    """"2023/智能制造示范工厂项目", and "年度/项目/子类" for programs with variants: the programs
    of the 专项资金 guides that take applications."""
    cat = cat or load_catalog()
    compiled = {p.id for d in cat.documents if not is_fund_guide(d) for p in d.programs}
    out: list[str] = []
    for p in sorted(cat.programs, key=lambda p: (-p.year, cat.programs.index(p))):
        if p.no_application or p.kind == "recognition" or p.id in compiled:
            continue
        out.append(f"{p.year}/{p.title}")
        out += [f"{p.year}/{p.title}/{v.name}" for v in p.variants]
    return out


def condition_field_names(cat: Catalog | None = None) -> list[str]:
    cat = cat or load_catalog()
    names = {canonical_field(t.field) for _, _, t in _conditions(cat)}
    return sorted(n for n in names if n not in BATCH_COUNTED)


def choice_lists(cat: Catalog | None = None) -> dict[str, list[str]]:
    """The drop-down lists of the form (FormField.choices), in the order of the template's list sheet."""
    cat = cat or load_catalog()
    return {
        "programs": program_choices(cat),
        "years": [str(y) for y in sorted({d.year for d in cat.documents if is_fund_guide(d) and d.programs}, reverse=True)],
        "cities": list(CITIES),
        "yesno": ["是", "否"],
        "fields": condition_field_names(cat),
    }
