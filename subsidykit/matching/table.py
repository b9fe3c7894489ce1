"""The words of one match in a table row: the command line's table and the ledger sheet show these.

    row = match_row(m, best=result.best)    # {"project", "variant", "status", "amount", ...}

Nothing is decided here: status, amount, missing fields, failed clauses and flags all come from
`rules.matching.ProgramMatch` (the one review); this module only words them.
"""

from __future__ import annotations

from subsidykit.catalog.cite import cite
from subsidykit.rules.matching import ELIGIBLE, INELIGIBLE, STATUS_ZH, UNKNOWN
from subsidykit.rules.parsing import fmt_wan

# the column headers (value-mode table and ledger sheet)
H_PROJECT, H_VARIANT, H_STATUS, H_AMOUNT = "项目", "子类", "结论", "最高补助（万元）"
H_GAPS = "待补字段 / 未满足条件"
EXEMPT_TEXT = "免申直达：无需申报，符合条件即可享受"
NOT_GRANT_TEXT = "贷款、担保或投资额度，不是补助：不与补助相加或比较"
NOT_GRANT_MARK = "［额度，非补助］"
EXEMPT_MARK = "［免申直达］"
BEST_TEXT = "最优：同一申报单位原则上只能申报一个项目"


def _without_year(label: str, year: int | None) -> str:
    head, sep, rest = label.partition("/")
    if sep and head.isdigit() and (year is None or int(head) == year):
        return rest
    return label


def program_title(m, year: int | None = None) -> str:
    """The program's name as printed, without its year ("智能制造示范工厂项目"; the year kept when it
    is not `year`), and where the guide prints one heading over several programs, the name that
    tells them apart (`ProgramMatch.typing`): "加大人才金融支持（人才贷）"."""
    title = _without_year(m.program, year)
    typed = _without_year(m.typing, year) if getattr(m, "typing", None) else title
    if m.variant and typed.endswith("/" + m.variant):
        typed = typed[: -len(m.variant) - 1]
    return title if typed == title or typed == _without_year(m.program, None) else f"{title}（{typed}）"


def amount_value(m) -> int | float | None:
    """The amount for a spreadsheet cell (万元), None when not computable."""
    if m.amount is None:
        return None
    q = m.amount
    return int(q) if q == q.to_integral_value() else float(fmt_wan(q))


def amount_text(m) -> str:
    """The amount for a terminal: "350", "—" (not computable), "500［额度，非补助］"."""
    shown = "—" if m.amount is None else fmt_wan(m.amount)
    return shown + (NOT_GRANT_MARK if not m.grant else "")


def failure_text(f) -> str:
    """One failed condition with its clause, as the review words it ("不通过：项目总投入 2500 万元，低于
    3000 万元（项目总投入不低于3000万元；000_….txt 第442行）"); the citation added where the message has none."""
    if f.source is None or cite(f.source) in f.message:
        return f.message
    return f"{f.message}（{cite(f.source)}）"


def gaps_text(m, common: tuple[str, ...] = ()) -> str:
    """What stands between the project and the program: the fields to fill and any values that
    contradict each other (待补充), the first failed condition with its clause (不符合); empty
    when eligible.  `common`: fields said once for every row (the table's own line), not repeated."""
    if m.status == UNKNOWN:
        parts = []
        if m.missing:
            own = [f for f in m.missing if f not in common]
            shared = "共同待补字段" if common and len(own) < len(m.missing) else ""
            parts.append("待补：" + "、".join([shared, *own] if shared else own))
        if m.conflicts:
            parts.append("数值矛盾：" + "；".join(m.conflicts))
        return "；".join(parts)
    if m.status == INELIGIBLE:
        if not m.failed:
            return ""
        text = failure_text(m.failed[0])
        return text if text.startswith("不通过") else f"不通过：{text}"
    return ""


def common_missing(matches) -> tuple[str, ...]:
    """The fields every 待补充 match of `matches` asks for (the notice's general conditions, mostly),
    in the order of the first; empty when fewer than two ask."""
    asking = [m for m in matches if m.status == UNKNOWN and m.missing]
    if len(asking) < 2:
        return ()
    shared = set(asking[0].missing)
    for m in asking[1:]:
        shared &= set(m.missing)
    return tuple(f for f in asking[0].missing if f in shared)


def missing_text(m) -> str:
    return "、".join(m.missing) if m.status == UNKNOWN else ""


def is_best(m, best) -> bool:
    return best is not None and m.label == best.label


def remarks(m, best=None) -> list[str]:
    """The notes of a row: best, 免申直达, not a grant, and how the amount was worked out (or why not)."""
    out = []
    if is_best(m, best):
        out.append(BEST_TEXT)
    if m.exempt_application:
        out.append(EXEMPT_TEXT)
    if not m.grant:
        out.append(NOT_GRANT_TEXT)
    if m.note:
        out.append(f"注：{m.note}")
    if m.amount_text:
        out.append(m.amount_text)
    return out


def status_text(m) -> str:
    return STATUS_ZH[m.status]


__all__ = [
    "BEST_TEXT",
    "ELIGIBLE",
    "EXEMPT_MARK",
    "EXEMPT_TEXT",
    "H_AMOUNT",
    "H_GAPS",
    "H_PROJECT",
    "H_STATUS",
    "H_VARIANT",
    "INELIGIBLE",
    "NOT_GRANT_MARK",
    "NOT_GRANT_TEXT",
    "UNKNOWN",
    "amount_text",
    "amount_value",
    "common_missing",
    "failure_text",
    "gaps_text",
    "is_best",
    "missing_text",
    "program_title",
    "remarks",
    "status_text",
]
