"""The one findings model and the one severity vocabulary, for every surface.

Three severities, one meaning each (README, "Three severities"):
  错误  blocks the recommendation: a condition not met, a rule broken, a value unreadable;
  警告  must be confirmed by the clerk: missing data, a suspicious value;
  提示  information only.

:data:`CODES` is the registry of every finding code, code -> (severity, short title): a
submitted file's (FILE_UNREADABLE, FORMULA_*, …), one project's review (BELOW_THRESHOLD,
CAP_EXCEEDED, …) and the batch's (DUPLICATE_*, CITY_*, SAMPLE_SIZE).  A :class:`Finding` is
about one project (`review.review_project`, the 审核 sheet) or one submitted file
(`subsidykit.validation`, which fills in file and sheet); a :class:`BatchFinding` names the
members of a batch it is about (files, ledger rows).

Engine layer: imports the catalog only.
"""

from __future__ import annotations

from subsidykit.catalog.cite import source_json
from subsidykit.catalog.frozen import Record
from subsidykit.catalog.records import Source

ERROR, WARNING, INFO = "错误", "警告", "提示"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_MEANING = {
    ERROR: "不能推荐：条件不满足、违反规则或数值无法读取",
    WARNING: "须科员核实：缺少数据、数值可疑",
    INFO: "仅供参考",
}

# code -> (severity, short title): the stable vocabulary of findings
CODES: dict[str, tuple[str, str]] = {
    # --- a submitted file (subsidykit.validation) ---
    "FILE_UNREADABLE": (ERROR, "文件无法读取"),
    "CHECK_FAILED": (ERROR, "校验出错"),
    "FORMULA_UNCACHED": (ERROR, "公式未计算"),
    "FORMULA_EXTERNAL": (ERROR, "外部链接或 DDE 公式"),
    "FORMULA_PRESENT": (INFO, "含公式（按保存的计算结果读取）"),
    "CELL_ERROR": (ERROR, "单元格错误值"),
    "REQUIRED_MISSING": (ERROR, "必填项缺失"),
    "USCC_CHECKSUM": (ERROR, "统一社会信用代码错误"),
    "PHONE_FORMAT": (WARNING, "联系电话格式"),
    "PROGRAM_UNKNOWN": (ERROR, "申报项目无法识别"),
    "YEAR_MISMATCH": (WARNING, "申报年度不一致"),
    "FIELD_CONFLICT": (WARNING, "同一字段填写不一致"),
    "MACROS_PRESENT": (INFO, "含宏（未执行）"),
    # --- one project's review (review.review_project); VALUE_INVALID also for a file's cell ---
    "BELOW_THRESHOLD": (ERROR, "未达申报条件"),
    "DATE_WINDOW": (ERROR, "日期不在规定期间"),
    "CONDITION_MISSING": (WARNING, "条件数据缺失"),
    "VALUE_INVALID": (ERROR, "数值无法识别"),
    "VALUE_CONFLICT": (WARNING, "填写的数值互相矛盾"),
    "VARIANT_MISSING": (ERROR, "未写明子类"),
    # 错误, not 警告: the guide's maximum is a rule; a request above it cannot be recommended as
    # it stands (the clerk has it lowered), which is what 错误 means.  validate always said so;
    # the 审核 sheet said 警告 and so let the same project through on one surface only.
    "CAP_EXCEEDED": (ERROR, "申请金额超过上限"),
    "FIXED_GT_TOTAL": (ERROR, "固定资产投资大于总投入"),
    "DATE_ORDER": (ERROR, "结束早于开始"),
    # the amount cannot be meant in 万元 (100x what it is part of, over any cap, ...): unreadable as typed
    "UNIT_SUSPECT": (ERROR, "疑似以元填报"),
    # one amount larger than another it should not exceed: possibly mixed units, for the clerk to confirm
    "AMOUNT_ORDER": (WARNING, "金额大小关系异常"),
    # the chosen program fails, but the project meets every condition of another of the year's
    # programs (matching.qualifying_others): information only, the clerk's choice stands
    "FITS_OTHER_PROGRAMS": (INFO, "符合其他项目条件"),
    # the program is a draft of the catalog (review: draft, rules.drafts): its conditions and
    # amounts are not yet checked against the guide, so the verdict rests on unreviewed data
    "DRAFT_ENTRY": (WARNING, "草稿条目（未审核）"),
    # --- one project against the register's earlier years (rules.history, 000:91-101) ---
    "HISTORY_UNACCEPTED": (ERROR, "已获支持项目未完成验收"),
    "HISTORY_UNACCEPTED_OTHER": (WARNING, "另有已获支持项目未验收（请核实是否同类别）"),
    "HISTORY_FUNDED": (ERROR, "同一项目已获支持"),
    "HISTORY_FUNDED_SIMILAR": (WARNING, "与已获支持项目名称相近"),
    "HISTORY_CLEAR": (INFO, "登记簿未见已支持记录"),
    "HISTORY_OTHER_COUNTY": (WARNING, "同一单位本年度在其他县区申报"),
    # --- across the projects of a batch (batch.py) ---
    "DUPLICATE_APPLICANT": (WARNING, "同一单位多个项目"),
    "DUPLICATE_PROJECT": (ERROR, "同一项目重复申报"),
    "CITY_LIMIT": (ERROR, "超过设区市限报数"),
    "CITY_UNKNOWN": (INFO, "无法确定设区市"),
    "CROSS_COUNTY_APPLICANT": (WARNING, "同一单位在多个县区申报"),
    # city roll-up (summary.city): an input file of another 设区市 or year is left out of the
    # city's table (错误: the table is incomplete); a row whose 县（市、区） cannot be told
    "REGION_MISMATCH": (ERROR, "不属于本设区市（未并入）"),
    "INPUT_YEAR_MISMATCH": (ERROR, "文件年度与汇总年度不同（未并入）"),
    "COUNTY_UNKNOWN": (WARNING, "无法确定县（市、区）"),
    "SAMPLE_SIZE": (INFO, "真实性核查抽样数"),
}


def severity_of(code: str) -> str:
    """The registered severity of `code` (KeyError for an unknown code: codes are vocabulary)."""
    return CODES[code][0]


def title_of(code: str) -> str:
    """The short title of `code`, "" for a code not registered."""
    return CODES.get(code, ("", ""))[1]


class Finding(Record):
    """One finding about one project or one submitted file: the same on every surface.

    `cell` is where the value came from ("台账!M6", "E18"), when the caller said; a submitted
    file's finding also names the `file` and the `sheet` of the cell."""

    code: str
    severity: str  # 错误 / 警告 / 提示
    message: str
    field: str | None
    cell: str | None
    source: Source | None
    file: str
    sheet: str | None
    _fields = ('code', 'severity', 'message', 'field', 'cell', 'source', 'file', 'sheet')

    def __init__(self, code: str, severity: str, message: str, field: str | None = None, cell: str | None = None, source: Source | None = None, file: str = "", sheet: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'code', code)
        _set(self, 'severity', severity)
        _set(self, 'message', message)
        _set(self, 'field', field)
        _set(self, 'cell', cell)
        _set(self, 'source', source)
        _set(self, 'file', file)
        _set(self, 'sheet', sheet)

    @property
    def title(self) -> str:
        return title_of(self.code)

    def text(self) -> str:
        where = f"{self.cell}：" if self.cell else ""
        return f"[{self.severity}] {where}{self.message}"

    def key(self) -> tuple[str, str, str | None]:
        return (self.code, self.severity, self.field)

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "field": self.field,
            "message": self.message,
            "source": source_json(self.source),
            "title": self.title,
        }


class BatchFinding(Record):
    """A finding across the projects of a batch, naming its `members` (files, ledger rows)."""

    code: str
    severity: str
    members: tuple[str, ...]
    message: str
    source: Source | None
    _fields = ('code', 'severity', 'members', 'message', 'source')

    def __init__(self, code: str, severity: str, members: tuple[str, ...], message: str, source: Source | None = None) -> None:
        _set = object.__setattr__
        _set(self, 'code', code)
        _set(self, 'severity', severity)
        _set(self, 'members', members)
        _set(self, 'message', message)
        _set(self, 'source', source)

    @property
    def files(self) -> tuple[str, ...]:
        """The members, where they are submitted files (validate)."""
        return self.members

    @property
    def title(self) -> str:
        return title_of(self.code)

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "files": list(self.members),
            "message": self.message,
            "source": source_json(self.source),
            "title": self.title,
        }


__all__ = [
    "CODES",
    "ERROR",
    "INFO",
    "SEVERITIES",
    "SEVERITY_MEANING",
    "WARNING",
    "BatchFinding",
    "Finding",
    "severity_of",
    "title_of",
]
