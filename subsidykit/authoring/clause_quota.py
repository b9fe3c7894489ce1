"""支持数量 -> quota (see `clauses` for the contract)."""

from __future__ import annotations

import re
from decimal import Decimal

from subsidykit.authoring.clause_common import LABEL, _LEAD_WORDS, Parsed, Section, _sentences, _todo, long_note, too_long
from subsidykit.authoring.clause_numbers import YEAR, cn_number, dec
from subsidykit.authoring.clause_text import ENUMERATOR, Doc

# ------------------------------------------------------------------------------------------
# quota
# ------------------------------------------------------------------------------------------
# the verb a quota may carry before or after its counting word: "拟支持不超过N个", "最多支持N个",
# "计划择优遴选N家"; a total: "合计不超过N个", "共计N个"; a named count: "支持名额N个", "数量为N个"
_VERB = r"(?:拟|计划|预计|将)?(?:完成)?(?:择优)?(?:支持|安排|遴选|立项|扶持|资助|奖励|认定|评选|培育|推荐|入选|确定|诊断|培训|服务|补助|补贴)?"
_QUOTA = re.compile(
    r"(?P<period>" + YEAR + r"年度?|全年|每年|本年度|年度|每批|每期)?(?P<pre>原则上|一般)?"
    # "两类合计不超过8个": the classes the total counts
    r"(?P<classes>(?:上述|以上)?[两二三四五六七八九十]类(?:项目)?(?=合计|共计|总计|共))?(?P<total>合计|共计|总计|总数|累计|共)?(?P<named>(?:支持|奖励|立项|资助|扶持|入选|遴选|认定|评选|入库)?(?:项目|企业)?(?:名额|数量|个数|规模)(?:为|共|合计)?)?"
    # what is counted, before the count ("诊断企业不超过600家"), and "原则上" after a name
    # (not a named part: "甲类平台支持数量不超过2个" is a part, see _own_parts)
    r"(?P<subject>(?!其中|单个|单家|同一|每)(?:(?!类|数量|名额|级)[\u4e00-\u9fff“”\"]){1,10}?(?=(?:原则上|一般)?(?:不超过|不多于|最多|至多|控制在)))?(?P<pre2>原则上|一般)?"
    r"(?P<verb1>" + _VERB + r")(?P<op>不超过|不多于|最多|至多|限额|限报|限|约|控制在)?(?P<verb2>" + _VERB + r")"
    # what is counted, between the verb and the count ("本批遴选平台12个")
    r"(?P<obj>(?<=[\u4e00-\u9fff])(?:企业|项目|单位|平台|机构|产品))?"
    r"(?P<num>\d+|[一二两三四五六七八九十]{1,3})(?P<unit>个|家|项|名|人|款|套|台套|件|条|期|批)?(?P<what>[\u4e00-\u9fff]{0,6}?)(?P<post>左右|以内)?(?=[,;。(]|$)"
)
_SUB = re.compile(
    r"(?P<name>(?:[^,;:。()]|\([^()]{1,12}\)){2,60}?)(?P<op>不超过|不多于|最多|不少于|不低于|至少|限报|单列|限)(?P<num>\d+|[一二两三四五六七八九十]{1,3})(?P<unit>个|家|项|名|人|款|套|件)?"
)


def parse_quota(section: Section, file: str) -> Parsed:
    """支持数量: the number of awards as `data["quota"]`; "其中…" parts in `sub_quotas` and the note.

    "不超过 30 个" / "30个" / "限报5家" / "不超过五个" give the quota; "约"/"根据…确定" and
    anything else are todo.  The quote starts at the heading word ("支持数量。不超过30个。").
    The parts may stand in the quota's sentence ("不超过N个（其中，A类不超过M个…）"), in the
    sentence after it ("不超过N个。其中，A类不超过M个，…"), or alone with no total ("A类支持
    数量不超过N个；B类…不超过M个。": parts only, no quota is written)."""
    doc = Doc.build(section, file)
    n = doc.norm
    out = Parsed()
    sents = _sentences(doc)
    notes: list[str] = []
    subs: list[str] = []
    alone: list[tuple] = []  # sentences of parts without a total, with their parts
    for k, s in enumerate(sents):
        if s.empty:
            continue
        if too_long(s):
            out.todo.append(_todo(doc, s, long_note(s)))
            continue
        if "quota" in out.data:
            zm = re.match(r"其中[,:]?", n[s.body : s.b])
            got = _subs(doc, out, s.body + zm.end(), s.b) if zm and not subs else []
            if got:
                subs += got
                quota = out.data["quota"]
                quota["note"] = "".join(x for x in (quota.get("note"), "其中：" + "；".join(got) + "。") if x)
                left = _left_after(doc, out.sub_quotas[-1]["_end"], s.b)
                if left:
                    out.todo.append(_todo(doc, s, "已解析“其中”部分；其后部分未解析。"))
            else:
                out.todo.append(_todo(doc, s))
            continue
        m = _QUOTA.match(n, s.body)
        if not (m and (m.group("op") or m.group("unit"))):
            # "以公布名单为准，预计不超过N个": the count in a later clause, after a lead without a number
            # ("每个设区市推荐不超过2个，全省不超过26个": a limit for every city, then the total)
            for c in doc.clauses(s.body, s.b)[1:]:
                if re.search(r"\d", _CITY_LIMIT.sub("", n[s.body : c[0]])):
                    break
                mc = _QUOTA.match(n, c[0])
                # (never a part naming its own class: "甲类据实支持，乙类不超过N个" is no total)
                if mc and mc.group("op") and mc.group("op") != "约" and re.fullmatch(r"(?:预计|计划|拟|共|合计|全年|年度|全省|全市|全区|全县)*", mc.group("subject") or ""):
                    m = mc
                    break
        value = _count(m.group("num")) if m and (m.group("op") or m.group("unit")) and m.group("op") != "约" else None
        if m and m.group("op") == "约" and _count(m.group("num")):
            # "约N家": an estimate, not a cap (a quota is read and shown as "不超过N个")
            out.todo.append(_todo(doc, s, f"“约{m.group('num')}{m.group('unit') or ''}”是约数，不是上限，未写入支持数量。"))
            continue
        if not value:
            # "A支持数量不超过N个；B支持数量不超过M个": parts without a total
            if _own_parts(doc, s.body, s.b):
                before = len(out.sub_quotas)
                _subs(doc, out, s.body, s.b)
                alone.append((s, out.sub_quotas[before:]))
                continue
            out.todo.append(_todo(doc, s))
            continue
        quota: dict = {"value": value, "source": doc.source(_quote_start(doc, sents, k), s.b)}
        what = m.group("what")
        if what and not re.fullmatch(r"(?:项目|单位|企业)?", what):
            notes.append(f"按{what}计。")
        subject = m.group("subject") or ""
        pre = m.group("pre") or m.group("pre2") or (subject if subject in ("原则上", "一般") else None)
        if subject and subject not in ("原则上", "一般"):
            notes.append(f"按{subject}计。")
        if pre:
            notes.append(f"“{pre}”：例外可能存在。")
        if m.group("period"):
            notes.append(f"原文为“{m.group('period')}”的数量。")
        if m.group("unit") in ("期", "批"):
            notes.append(f"按{m.group('unit')}计。")
        if m.group("post") or m.group("op") == "控制在":
            notes.append(f"原文“{doc.chars[m.start():m.end()]}”。")
        if m.group("total"):
            notes.append(f"原文“{m.group('total')}”：各类合计。")
        rest = m.end()
        zm = re.search(r"其中", n[rest : s.b])
        bm = re.match(r"\((?P<inside>[^()]*)\)", n[rest : s.b])
        if bm and not zm and _own_parts(doc, rest + 1, rest + bm.end() - 1):
            # "不超过N个（A类不超过M个）": the parts in brackets, without "其中"
            subs += _subs(doc, out, rest + 1, rest + bm.end() - 1)
            if subs:
                notes.append("其中：" + "；".join(subs) + "。")
            if re.search(r"\d", n[rest + bm.end() : s.b]):
                out.todo.append(_todo(doc, s, "已解析支持数量；其后部分未解析。"))
        elif zm:
            subs += _subs(doc, out, rest + zm.end(), s.b)
            if subs:
                notes.append("其中：" + "；".join(subs) + "。")
            else:
                out.todo.append(_todo(doc, s, "已解析支持数量；“其中”部分未解析。"))
        elif re.search(r"\d", n[rest : s.b]):
            out.todo.append(_todo(doc, s, "已解析支持数量；其后部分未解析。"))
        if notes:
            quota["note"] = "".join(notes)
        out.data["quota"] = quota
    if alone and "quota" not in out.data and sum(len(parts) for _s, parts in alone) < 2:
        # one named part and no total: not a list of parts, the reviewer reads it
        for s, parts in alone:
            out.sub_quotas = [q for q in out.sub_quotas if q not in parts]
            out.todo.append(_todo(doc, s))
    for q in out.sub_quotas:
        q.pop("_end", None)
    # "各设区市推荐不超过2个", "每个设区市限报3个": a limit for every city (catalog city_limits)
    for m in _CITY_LIMIT.finditer(n):
        v = _count(m.group("num"))
        if not v:
            continue
        a, b = doc.trim(m.start(), m.end())
        out.data.setdefault("city_limits", []).append({
            "scope": "每个设区市", "value": v, "label": doc.chars[a:b], "source": doc.source(a, b),
        })
    return out


_CITY_LIMIT = re.compile(
    r"(?:每个|各)设区市(?:原则上)?(?:限报|推荐|申报|报送|择优推荐)(?:项目)?(?:数量)?(?:原则上)?(?:不超过|不多于|最多|限)?"
    r"(?P<num>\d+|[一二两三四五六七八九十]{1,3})(?:个|家|项)(?!以上)"
)


_NAME_TAIL = re.compile(r"(?:的)?(?:支持数量|申报数量|入库数量|推荐数量|数量)?(?:原则上|一般)?$")


_SUB_BARE = re.compile(r"(?P<name>[^,;:。()、\d]{2,20}?)(?P<op>)(?P<num>\d+|[一二两三四五六七八九十]{1,3})(?P<unit>个|家|项|名)")


def _bare_parts(n: str, a: int, b: int) -> list[re.Match]:
    """"其中苏南地区3个、苏中地区3个、苏北地区6个": a list of parts without a comparison word (an
    allocation of the total), only when the list is nothing else."""
    got, pos = [], a
    for sm in _SUB_BARE.finditer(n, a, b):
        if n[pos : sm.start()].strip(",;:、 "):
            return []
        got.append(sm)
        pos = sm.end()
    return got if len(got) >= 2 and not n[pos:b].strip(",;:、。)） ") else []


def _subs(doc: Doc, out: Parsed, a: int, b: int) -> list[str]:
    """The "X 不超过 N 个" parts of chars[a:b] into `out.sub_quotas`; their words for the note
    (a list of parts without a comparison word, "其中A地区3个、B地区6个", is an allocation: each
    at most its number)."""
    n = doc.norm
    said: list[str] = []
    matches = list(_SUB.finditer(n, a, b)) or _bare_parts(n, a, b)
    for sm in matches:
        a2 = sm.start("name")
        while a2 < sm.end() and n[a2] in ",:;、":
            a2 += 1
        raw = doc.chars[a2 : sm.end("name")]
        name = _LEAD_WORDS.sub("", raw).strip(",:、，：；; ")
        name = _NAME_TAIL.sub("", name).strip(",:、，：；; ")
        sval = _count(sm.group("num"))
        if not sval or len(name) < 2 or _PER_ENTITY.match(name):
            continue
        op = ">=" if sm.group("op") in ("不少于", "不低于", "至少") else "<="
        out.sub_quotas.append({"name": name, "op": op, "value": sval, "source": doc.source(a2, sm.end()), "_end": sm.end()})
        said.append(f"{name}{sm.group('op')}{sm.group('num')}{sm.group('unit') or ''}" + ("（下限）" if op == ">=" else ""))
    return said


# "每个设区市推荐不超过3个": a limit per applicant or place, not a part of the quota
_PER_ENTITY = re.compile(r"(?:每|各|单个|单家|同一)")


def _own_parts(doc: Doc, a: int, b: int) -> bool:
    """Is chars[a:b] nothing but named parts ("A…不超过N个，B…不超过M个")?"""
    n = doc.norm
    pos, found = a, 0
    for sm in _SUB.finditer(n, a, b):
        if n[pos : sm.start()].strip(",;:、。 ") or _PER_ENTITY.match(n, sm.start("name")):
            return False
        pos, found = sm.end(), found + 1
    return found >= 1 and not n[pos:b].strip(",;:、。)） ")


def _left_after(doc: Doc, p: int, b: int) -> bool:
    """Are there words after the last part read (beyond punctuation)?"""
    return bool(doc.norm[p:b].strip(",;:、。)） "))


def _count(raw: str | None) -> Decimal | None:
    if not raw:
        return None
    v = int(raw) if raw.isdigit() else cn_number(raw)
    return dec(v) if v else None


def _quote_start(doc: Doc, sents: list, k: int) -> int:
    """Where the quote of sentence k starts: at its heading word, or the heading sentence's
    ("支持数量。") just before it; after the enumerator either way."""
    s = sents[k]
    first = s.a
    if k > 0 and sents[k - 1].empty and sents[k - 1].b == s.a:
        prev = sents[k - 1]
        em = ENUMERATOR.match(doc.norm, prev.a)
        at = em.end() if em else prev.a
        if LABEL.match(doc.norm, at):
            return at
    em = ENUMERATOR.match(doc.norm, first)
    return em.end() if em else first
