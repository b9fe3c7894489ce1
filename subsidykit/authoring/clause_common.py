"""What the clause parsers share: `Parsed`, sentences without their heading words, todo
entries, and field names from the vocabulary (see `clauses` for the contract)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from subsidykit.authoring.clause_text import BULLET_MARK, ENUMERATOR, Doc

Section = list[tuple[int, str]]


@dataclass
class Parsed:
    """What a clause parser made of a section: `data` (catalog fields), `todo` (sentences not
    turned into data) and, from parse_quota, `sub_quotas`."""

    data: dict = field(default_factory=dict)
    todo: list[dict] = field(default_factory=list)
    sub_quotas: list[dict] = field(default_factory=list)


# ------------------------------------------------------------------------------------------
# sentences with their heading words taken off
# ------------------------------------------------------------------------------------------
LABEL = re.compile(
    r"(?:支持条件|申报条件|基本条件|具体条件|申报要求|补助标准|支持标准|奖励标准|奖补标准|扶持标准|资助标准|补贴标准|"
    r"支持方式|补助方式|扶持方式|资金安排|支持数量|申报数量|入库数量|支持名额|奖励名额|立项数量|奖励数量|资助数量|政策优惠|优惠政策|支持内容|支持方向|支持重点|"
    r"申报主体|支持主体|支持对象|补助对象)(?:[。.:])?"
)
LEAD_IN = re.compile(r"(?:以下|如下|下列)(?:基本)?(?:条件|要求)[^。]{0,6}:?$|条件[:]$|[:]$")


@dataclass
class Sent:
    a: int  # the sentence, enumerator and label included
    b: int
    body: int  # where its content starts

    @property
    def empty(self) -> bool:
        return self.body >= self.b


# A sentence longer than this is not parsed (listed to do): the longest in the seeds and the
# measured guides is under 800 characters, and the readers' work grows with a sentence's square
LONG_SENTENCE = 2000


def too_long(s: Sent) -> bool:
    return s.b - s.body > LONG_SENTENCE


def long_note(s: Sent) -> str:
    return f"句子过长（{s.b - s.body} 字，超过 {LONG_SENTENCE} 字），未解析，须人工处理。"


def _sentences(doc: Doc) -> list[Sent]:
    out = []
    for a, b in doc.sentences():
        body = a
        m = BULLET_MARK.match(doc.norm, body)
        if m:
            body = m.end()
        m = ENUMERATOR.match(doc.norm, body)
        if m:
            body = m.end()
        m = LABEL.match(doc.norm, body)
        # a heading word: followed by 。/:, or alone on its line ("（四）支持数量" then the text)
        if m and (doc.norm[m.end() - 1] in "。.:" or m.end() >= b or doc.line_start[m.end()]):
            body = m.end()
        while body < b and doc.norm[body] in "。.:,;、 ":
            body += 1
        s = Sent(a, b, body)
        if not s.empty and _is_terminator_only(doc.norm[body:b]):
            s.body = b
        out.append(s)
    return out


def _is_terminator_only(text: str) -> bool:
    return not text.strip("。.;:,、!?”’)】 ")


def _todo(doc: Doc, s: Sent, note: str | None = None) -> dict:
    a, b = doc.trim(s.body, s.b)
    t = {"lines": doc.lines_of(a, b), "text": doc.quote(a, b)}
    if note:
        t["note"] = note
    return t


# ------------------------------------------------------------------------------------------
# field names
# ------------------------------------------------------------------------------------------
def _vocab(text: str) -> str | None:
    """The canonical field fields.yaml gives a wording, or None."""
    from subsidykit.rules.vocabulary import alias_index, candidates

    idx = alias_index()
    if text in LOCAL_ALIASES:
        return LOCAL_ALIASES[text]
    for variant in dict.fromkeys([text, text.replace("、", ""), text.replace("的", ""), text.replace("、", "").replace("的", "")]):
        if not variant:
            continue
        for k in candidates(variant):
            hit = idx.get(k)
            if hit is not None:
                return hit
    return None


def _vocab_unit(name: str) -> str | None:
    from subsidykit.rules.vocabulary import field_specs

    spec = field_specs().get(name)
    return spec.get("unit") if spec else None


_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）|\[[^\[\]]*\]|【[^【】]*】")
# "（免申直达）", "（免申即享）", "(免于申报)": the program is granted without an application
# the key a condition carries while it is one of a list of tier thresholds ("首次突破1亿元、5亿元、
# 10亿元"); the drafter moves such a list onto the program's tiers and drops the key
TIER_LIST = "_tier_list"

NO_APPLICATION = re.compile(
    r"[（(]\s*(?:免\s*申\s*(?:直\s*达|即\s*[享得办兑报]|报)|免\s*[于予]\s*申\s*报|无\s*需\s*申\s*报|无\s*需\s*申\s*请)\s*[）)]"
)
_LEAD_WORDS = re.compile(r"^(?:第[一二三四五六七八九十百零〇两\d]{1,6}条\s*(?:【[^】]{0,30}】)?(?:\((?:免申[^)]{0,6})\))?|其中|并且|并(?![购网])|且|同时|或者|或|以及|及(?!时)|和|须|需|应当|应|必须|要求|另外|此外|均|对(?![外口标])|其(?![他它余]))+")
_TRAIL_WORDS = re.compile(r"(?:原则上|一般|平均|均|须|需|应当|应|必须|要|需要|的|为|在|达到|达|累计|合计|首次)+$")
# Wordings fields.yaml does not list yet, for quantities it names: {wording: canonical field}.
#
# They belong in fields.yaml, under 项目实施周期's `aliases` (which lists 实施周期 and 建设周期
# only today): the guides name a project's period 实施期 / 建设期 / 创建实施期 / 项目执行期 …
# ("实施期为N年", "建设期截至…，不超过N年").  They stay here, read by the clause
# parsers only, because fields.yaml is the one vocabulary of every ledger reader
# (rules/vocabulary.py: ledger headers, submission labels, CHECK_ROW labels) and the same words
# also name the period's dates, not its length: "实施期应在…（含）至…（含）之间" (a window of
# dates, in the 2026 guides).  A clause parser sees which it is from the wording around it (为2年 /
# 不超过2年 -> 项目实施周期; 在…至…之间 -> 开工日期/完工日期, `clause_conditions._PERIOD_SUBJECT`);
# a ledger column headed "实施期" gives no such hint, so adding them to fields.yaml is the decision
# of its owner, with a ledger test for such a column.  Until then a drafted threshold on one of
# these wordings is named 项目实施周期 and its note gives the guide's wording.
LOCAL_ALIASES = {
    "实施期": "项目实施周期", "建设期": "项目实施周期", "创建实施期": "项目实施周期", "项目实施期": "项目实施周期",
    "项目建设期": "项目实施周期", "创建期": "项目实施周期", "执行期": "项目实施周期", "项目执行期": "项目实施周期",
    "项目建设周期": "项目实施周期", "实施期限": "项目实施周期",
}
_BOUNDARY_END = ("的", "年", "度", "内", "期", "中", "项目", "企业", "单位", "主体", "备案", "新增", "累计", "实际", "其")


def _strip_brackets(text: str) -> str:
    prev = None
    while prev != text:
        prev, text = text, _BRACKETED.sub("", text)
    return text


def field_name(subject: str, want_unit: str | None = None) -> tuple[str, str | None]:
    """(field, note) for the wording in front of a counting phrase.

    The vocabulary's name when the wording (or a tail of it after a qualifier such as
    "重大技术改造" or "申报企业") is known; else the wording after its last "的", without notes
    in brackets.  The note keeps the guide's own subject when the field differs from it."""
    raw = re.sub(r"^(?:[①-⑳]|\(\d{1,2}\)|\d{1,2}[.、](?!\d))", "", subject.strip(",;:、 "))
    raw = _LEAD_WORDS.sub("", raw)
    raw = re.sub(r"^(?:拥有|具有|具备|有)(?=[\u4e00-\u9fff]{2})", "", raw)
    raw = _TRAIL_WORDS.sub("", raw).strip(",;:、 ")
    bare = _strip_brackets(raw)
    if not bare:
        return "", None

    def ok(name: str | None) -> bool:
        if not name:
            return False
        unit = _vocab_unit(name)
        return want_unit is None or unit is None or unit == want_unit or (want_unit == "个" and unit in ("个", "家", "项", "人", "次"))

    hit = _vocab(bare)
    if ok(hit):
        return hit, (None if hit == bare else f"原文为「{raw}」。")
    for i in range(1, len(bare) - 1):
        head, tail = bare[:i], bare[i:]
        if len(tail) < 2:
            break
        if not (head.endswith(_BOUNDARY_END) or tail.startswith(("项目", "总"))):
            continue
        hit = _vocab(tail)
        if ok(hit):
            return hit, f"原文为「{raw}」。"
    name = bare
    if "的" in name:
        tail = name.rsplit("的", 1)[1]
        # "研发人员占职工总数的比例": a generic tail keeps the whole wording
        if len(tail) >= 2 and not re.fullmatch(r"比例|比重|占比|数量|金额|总额|规模|数|额|人数|次数", tail):
            name = tail
    # "提供创业辅导、创新支持、…等服务功能": the items listed before 等 are examples of what follows
    if "、" in name and "等" in name:
        tail = name.rsplit("等", 1)[1]
        if 2 <= len(tail) <= 10:
            name = tail
    name = name.strip(",;:、 ")
    return name, (None if name == raw else f"原文为「{raw}」。")


def _join(a: str | None, b: str | None) -> str | None:
    parts = [p for p in (a, b) if p]
    return "".join(parts) if parts else None


