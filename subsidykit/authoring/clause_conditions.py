"""支持条件 / 申报条件 -> thresholds (see `clauses` for the contract).

Per sentence, in this order (a span one reading used is not read again):

1. dates: windows "2021年1月1日（含）至2022年6月30日（含）期间完工" (between), deadlines
   "须在2023年12月31日前建设完成" (<=, "前" on or before), starts "2026年1月1日（含）之后" (>=),
   "2018年以来" (>= 1 January), "2021年新认定的" (within that year), "实施期截至2023年6月底"
   (<=); the field from the words around the date (完工, 开工, 成立, 认定, 投保, 购置, …);
   "截至2022年6月30日" elsewhere is a reference date, kept in the label only;
2. amounts / shares / counts / years with an operator from the wording (DOMAIN.md): before the
   number (不低于, 超过, 至少, 不满, …, also "至少实现一个"), after it (以上, 以下, 以内, （含）),
   ranges "1-2家" (between), "X不少于总投入的20%" (a share of X in the other);
   "X的，Y" makes X a `when` of Y ("周期在N年以内的，投入须达M万元");
3. in clauses without numbers: levels ("省级（含）以上…示范" -> 示范级别 in [省级, 国家级]), the
   place ("项目实施地在江苏省域内" -> 项目实施地省份 == 江苏省) and yes/no statements ("…不予支持",
   "未…", "无…", "具有…", "须通过…", and fields.yaml's 是否 fields such as 手续完备).

A sentence nothing was read from is a todo; one read in part is a todo with a note naming the
clauses left.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal

from subsidykit.authoring.clause_common import (
    TIER_LIST,
    long_note,
    too_long,
    LEAD_IN,
    Parsed,
    Section,
    _LEAD_WORDS,
    _join,
    _sentences,
    _strip_brackets,
    _todo,
    _vocab,
    _vocab_unit,
    field_name,
)
from subsidykit.authoring.clause_numbers import (
    AS_OF,
    BOUND_DATE,
    _date_pattern,
    COUNT_UNITS,
    DEADLINE,
    NUM,
    PCT,
    POST_OP_RE,
    PRE_OPS,
    START,
    WINDOW,
    YEAR,
    YEAR_AFTER,
    YEAR_IN,
    YEAR_SINCE,
    Money,
    cn_number,
    date_of,
    dec,
    find_counts,
    find_money,
    money_value,
    operator,
    pct_of,
    pct_value,
)
from subsidykit.authoring.clause_text import Doc

# "…的，不予支持" after a reading: the refused case (the condition is its opposite)
_REFUSED = re.compile(
    # (after the reading: a unit per something "3万元/亩", whom it is "的企业", then the refusal)
    r"(?:\(含\))?(?:以上|以下)?(?:\(含\))?(?:/[\u4e00-\u9fff]{1,3})?"
    r"(?:的(?:企业|项目|单位|产品|主体|申报主体|申报单位|申报企业|园区|平台|机构|设备)?)?[,;]?"
    r"(?P<what>(?:一律|均|则|将|原则上)?(?:(?:不予|不得|不能|不再|不)(?:支持|补助|奖励|受理|兑现|补贴|奖补|资助|申报|立项|纳入|享受|列入|推荐|认定|安排)"
    r"|不(?:在|属于)(?:本次|本项|本政策)?(?:支持|奖励|补助|申报|资助)?范围))"
)
# a list of alternatives before a year of an act: "包括…、…", "…或…", "以下之一"
_ALTERNATIVE = re.compile(r"包括|或|之一|任一|其一|下列情形")
_OPPOSITE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_DATE_FIELDS = [
    (re.compile(r"(?:建设|创建)?(?:完成|完工|竣工|建成|结束|办结|投产|验收|上线|投运|投入运行|投入使用|交付使用)"), "完工日期"),
    (re.compile(r"开工|开始|启动|起始|实施期起"), "开工日期"),
    (re.compile(r"成立|注册|登记"), "成立日期"),
    (re.compile(r"获批|批复|认定|入选|评定|授予|获得|取得|列入|命名|获评"), "认定日期"),
    (re.compile(r"投保"), "投保日期"),
    (re.compile(r"购置|采购|购买"), "购置日期"),
    (re.compile(r"签订|签署|签约"), "签订日期"),
    (re.compile(r"引进|招引"), "引进日期"),
    (re.compile(r"发生|支付|投入|新增|发放"), "发生日期"),
    (re.compile(r"纳入"), "纳入日期"),
    (re.compile(r"评价"), "评价日期"),
    (re.compile(r"上市|挂牌"), "上市日期"),
    (re.compile(r"并网"), "并网日期"),
]
_SUBJECT_DATE = [
    (re.compile(r"(?:起始|开始|开工)(?:时间|日期)"), "开工日期"),
    (re.compile(r"(?:结束|完成|完工|竣工)(?:时间|日期)"), "完工日期"),
    (re.compile(r"成立(?:时间|日期)|注册(?:时间|日期)"), "成立日期"),
]
# a period whose end "截至" names: "实施期截至2030年3月底" -> 完工日期 <= 2030-03-31
_PERIOD_SUBJECT = re.compile(r"(?:实施|建设|创建|执行|攻关)(?:期|周期|期限)$")
OPEN_WINDOW = re.compile(
    r"(?:自|从|在|于)?" + _date_pattern("a") + r"(?:\(含\))?(?:起)?(?:至|到)(?P<until>[\u4e00-\u9fff《》“”]{2,16}?)(?:前|以前|之前)?(?:期间|止|之间|内)"
)
_OPS_ALT = "|".join(sorted(map(re.escape, PRE_OPS), key=len, reverse=True))
_OP_AT_END = re.compile(r"(?P<op>" + _OPS_ALT + r")(?:为|在|有)?$")
# "至少实现一个…", "至少满足N项…", "不少于省内N个…": a verb or place between
# the act a count of years is counted from ("毕业3年内", "离校两年以内", "工作5年以上")
_SINCE_ACT = re.compile(r"(?:毕业|离校|退役|退伍|就业|创业|入职|回国|参加工作|工作)$")
_OP_GAP = re.compile(r"(?P<op>" + _OPS_ALT + r")(?P<gap>实现|满足|符合|有|开展|完成|提供|获得|引进|建成|形成|拥有|覆盖|省内|市内|国内)$")
_COUNT_ALT = "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True))
RANGE = re.compile(
    rf"(?P<a>{NUM})(?P<ua>亿元|万元|元|%|{_COUNT_ALT})?(?P<ia>\((?:不)?含\))?(?:-|~|至|到|—|–)(?P<b>{NUM})(?P<ub>亿元|万元|元|%|{_COUNT_ALT})"
)
_JOIN = re.compile(r"(?:并且|而且|且|并)(?=开展|在|能|实现|完成|已|具有|具备|通过|形成|提供|建成|取得|获得|达到|满足|保障|拥有|有|须|应|于|由|上线|接入|累计)")
_DATE_WORDS = re.compile(
    YEAR + r"[-—~至]" + YEAR + r"年度?|(?:原则上)?(?:在|于)?" + YEAR + r"年度?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?:前|以前|之前)?"
)
_YEAR_FROM = re.compile(r"(?P<y0>" + YEAR + r")年度?(?:\(含\))?(?:至|到|-|—|~)$")
_DEFINITION = re.compile(r"特指|是指|系指|指的是|^[\u4e00-\u9fff、]{2,12}?指(?![标南定导数引])|以下简称|包括但不限于")
_OPTIONAL = re.compile(r"^(?:可以|可|鼓励|优先|原则上可)|可通过|可以通过|可不受")
# "只能申报一个项目", "限报1个项目", "最多申请2项": at most that many applications
_ONLY = re.compile(r"(?P<w>只能|仅能|仅可|只可|限|最多|至多)(?P<verb>申报|申请|推荐|报送|报)$")
_ACT_VOLUME = re.compile(r"(?:解析|访问|调用|浏览|点击|下载|查询|交易)(?:量|次数)$")
_VERB_END = re.compile(r"(?:来自|覆盖|涉及|包括|包含|拥有|具备|具有|实现|开展|提供|服务|满足|有)$")


def _date_field(doc: Doc, before: str, after_at: int, sent_end: int) -> tuple[str | None, int]:
    """The date field a date phrase bounds, from the words around it; and where those words end
    (the quote runs on to a verb that follows in the same clause: "…期间完工")."""
    for pat, name in _SUBJECT_DATE:
        if pat.search(before):
            return name, after_at
    hit = _vocab(_strip_brackets(before)) if before else None
    if hit and _vocab_unit(hit) == "日期":
        return hit, after_at
    n = doc.norm
    k = after_at
    same_clause = True
    while k < sent_end and n[k] in ",:":
        k += 1
        same_clause = False
    seg_end = k
    while seg_end < sent_end and n[seg_end] not in ",;。":
        seg_end += 1
    window = n[k:seg_end]
    best = None
    for pat, name in _DATE_FIELDS:
        m = pat.search(window)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    if best:
        end = k + best[1]
        return best[2], (end if same_clause and best[0] <= 6 else after_at)
    for pat, name in _DATE_FIELDS:
        if pat.search(before):
            return name, after_at
    return None, after_at


def _verb_date_field(doc: Doc, after_at: int, sent_end: int) -> tuple[str | None, int]:
    """"2030年6月30日（含）前迁入本省的…": a field named by the words after the date."""
    n = doc.norm
    # ("…以后新引进、年龄在…的": the act, then the next attribute after a "、")
    m = re.match(r"(?:须|应|已)?(?P<w>[\u4e00-\u9fff]{2,10}?)(?=的|并|且|和|,|;|。|、|$)", n[after_at:sent_end])
    if not m:
        return None, after_at
    return m.group("w") + "日期", after_at + m.end("w")


@dataclass
class _Item:
    start: int  # quote span
    end: int
    data: dict
    covers: tuple[int, int]  # the words the reading used


class _Conditions:
    def __init__(self, doc: Doc):
        self.doc = doc

    def clause_at(self, clauses: list[tuple[int, int]], p: int) -> tuple[int, int]:
        for c in clauses:
            if c[0] <= p < c[1]:
                return c
        return clauses[-1]

    def subject_start(self, clause: tuple[int, int], items: list[_Item], p: int) -> int:
        """Where the words naming what a number at p bounds begin: the clause start, inside a
        bracket still open at p ("（其中重点方向1…不少于…20%，…）"), after the last comma at that
        depth, after an earlier reading in the same clause and after a conjunction."""
        n = self.doc.norm
        s = clause[0]
        stack: list[int] = []
        start = s
        seps: list[tuple[int, int]] = []  # (position after a separator, depth)
        for i in range(s, p):
            ch = n[i]
            if ch in "([【":
                stack.append(i)
            elif ch in ")]】":
                if stack:
                    stack.pop()
            elif ch in ",;" :
                seps.append((i + 1, len(stack)))
        depth = len(stack)
        if stack:
            start = stack[-1] + 1
        for pos, d in seps:
            if d == depth and pos > start:
                start = pos
        after_item = False
        for it in items:
            if start <= it.covers[1] <= p:
                start = max(start, it.covers[1])
                after_item = True
        if after_item and "、" in n[start:p]:
            # "2030年度竣工投产、年节能量达到…": the words after the reading before and its "、"
            start = start + n[start:p].rindex("、") + 1
        # a joining word, not the first character of a word it opens ("并购", "和解", "及时")
        m = re.match(r"(?:其中|并且|并(?![购联入网表列存])|且|同时|或者|或|以及|及(?!时)|和(?!解)|另外|的|,|、|:)+", n[start:p])
        if m:
            start += m.end()
        # "建成…展示体验区（中心）并开展…场次": the last of joined verb phrases
        depth = 0
        last = start
        for i in range(start, p):
            ch = n[i]
            if ch in "([【":
                depth += 1
            elif ch in ")]】":
                depth = max(0, depth - 1)
            elif depth == 0 and i > start:
                m2 = _JOIN.match(n, i)
                if m2:
                    last = m2.end()
        return last

    def threshold(self, fld: str, op: str, value, unit: str, qa: int, qb: int, note: str | None = None) -> dict:
        doc = self.doc
        qa, qb = doc.trim(qa, qb)
        label = doc.quote(qa, qb).replace("……", "")
        t = {"field": fld, "op": op, "value": value, "unit": unit, "label": label, "source": doc.source(qa, qb)}
        if note:
            t["note"] = note
        return t

    def sentence(self, a: int, b: int) -> list[_Item]:
        """The conditions of one sentence body."""
        n = self.doc.norm
        clauses = self.doc.clauses(a, b) or [(a, b)]
        items: list[_Item] = []
        taken: list[tuple[int, int]] = []
        self.dates(a, b, clauses, items, taken)
        self.quantities(a, b, clauses, items, taken)
        for c in clauses:
            lv = self.level(c, items)
            if lv:
                items.append(lv)
                taken.append(lv.covers)
            for reader in (self.rank, self.grade):
                got = reader(c, items)
                if got:
                    items.append(got)
                    taken.append(got.covers)
            if any(c[0] <= it.covers[0] < c[1] or it.start < c[1] and c[0] < it.end for it in items):
                continue
            if re.search(r"\d", n[c[0] : c[1]]):
                continue
            got = self.statement(c, clauses)
            if got:
                items.append(got)
                taken.append(got.covers)
        items.sort(key=lambda it: it.start)
        return self.refused(self.conditional(items), b)

    def refused(self, items: list[_Item], b: int) -> list[_Item]:
        """"年节水量不足2000吨的，不予支持", "负债率高于70%的，不予支持": what is refused,
        so the condition is its opposite (>= 2000, <= 70%), never the refused case itself."""
        n = self.doc.norm
        for it in items:
            t = it.data
            if t.get("op") not in _OPPOSITE or t.get("unit") in ("是否", "文本"):
                continue
            after = n[it.end : b]
            m = _REFUSED.match(after)
            if not m:
                continue
            t["op"] = _OPPOSITE[t["op"]]
            t["note"] = _join(t.get("note"), f"原文为不予支持的情形（“{self.doc.chars[it.end + m.start('what') : it.end + m.end()]}”），按其反面写为条件。")
        return items

    # ----------------------------------------------------------------------------------------
    def dates(self, a, b, clauses, items, taken) -> None:
        doc, n = self.doc, self.doc.norm

        def free(x: int, y: int) -> bool:
            return not any(x < q and p < y for p, q in taken)

        def add(s: int, qend: int, t: dict, covers: tuple[int, int]) -> None:
            items.append(_Item(s, qend, t, covers))
            taken.append(covers)

        for m in WINDOW.finditer(n, a, b):
            lo, hi = date_of(m, "a"), date_of(m, "b", end=True)
            if m.group("bsame") and lo:
                # "2056年1月至12月": the end in the start's year
                y, mo = int(lo[:4]), int(m.group("bsame"))
                day = m.group("bsamed")
                hi = None
                if 1 <= mo <= 12:
                    last = calendar.monthrange(y, mo)[1]
                    d = int(day) if day else last
                    hi = f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= d <= last else None
                if m.group("amo") is None and m.group("am") is None and m.group("am2") is None:
                    hi = None  # a year alone before it ("2056年至12月"): not read
            if not (lo and hi) or lo > hi or not free(m.start(), m.end()):
                continue
            clause = self.clause_at(clauses, m.start())
            s = self.subject_start(clause, items, m.start())
            subject = re.sub(r"(?:应|须|需|均)?(?:在|于|为)?$", "", _strip_brackets(_LEAD_WORDS.sub("", n[s : m.start()])))
            if _PERIOD_SUBJECT.search(subject):
                # "实施期应在2026年1月1日（含）至2027年12月31日（含）之间": starts and ends inside
                qend = m.end()
                note = "读法：实施期在此区间内，即开工不早于起点、完工不晚于终点。"
                add(s, qend, self.threshold("开工日期", ">=", lo, "日期", s, qend, note), (m.start(), m.start() + 1))
                add(s, qend, self.threshold("完工日期", "<=", hi, "日期", s, qend, note), (m.start() + 1, qend))
                continue
            fld, qend = _date_field(doc, _strip_brackets(n[s : m.start()]), m.end(), b)
            note = None
            if fld is None:
                fld, note = "发生日期", "期间所指的事项须审阅。"
            qend = max(qend, m.end())
            add(s, qend, self.threshold(fld, "between", [lo, hi], "日期", s, qend, note), (m.start(), qend))
        # "2030年1月1日至通知发布前期间…": from a day to an event without a date
        for m in OPEN_WINDOW.finditer(n, a, b):
            lo = date_of(m, "a")
            if not lo or not free(m.start(), m.end()):
                continue
            clause = self.clause_at(clauses, m.start())
            s = self.subject_start(clause, items, m.start())
            fld, qend = _date_field(doc, _strip_brackets(n[s : m.start()]), m.end(), b)
            if fld in (None, "完工日期"):
                fld = "开工日期"
            qend = max(qend, m.end())
            note = f"读法：起点{lo}（含）；终点“{m.group('until')}”无具体日期，未写入。"
            add(s, qend, self.threshold(fld, ">=", lo, "日期", s, qend, note), (m.start(), qend))
        # "实施期截至2023年6月底": the period ends by then
        for m in AS_OF.finditer(n, a, b):
            day = date_of(m, "a", end=True)  # "截至2023年12月": to the month's end
            if not day or not free(m.start(), m.end()):
                continue
            clause = self.clause_at(clauses, m.start())
            s = self.subject_start(clause, items, m.start())
            subject = _strip_brackets(_LEAD_WORDS.sub("", n[s : m.start()]))
            if day and _PERIOD_SUBJECT.search(subject):
                note = "读法：实施期截至该日，即完工日期不晚于该日。"
                add(s, m.end(), self.threshold("完工日期", "<=", day, "日期", s, m.end(), note), (m.start(), m.end()))
            else:
                taken.append((m.start(), m.end()))  # a reference date: in the label only
        for pat, kind in ((DEADLINE, "before"), (START, "after")):
            for m in pat.finditer(n, a, b):
                day = date_of(m, "a", end=kind == "before")
                if not day or not free(m.start(), m.end()):
                    continue
                inc, word = m.group("inc"), m.group("word")
                if kind == "before" and m.group("amo") and inc != "(含)":
                    continue  # "2056年6月前": before June, or by its end? not read (todo)
                note = None
                if kind == "before":
                    op = "<" if inc == "(不含)" else "<="
                    if inc is None:
                        note = f"读法：“{word}”含当日（…前 为当日或之前）。"
                elif inc == "(含)" or word in ("以后", "以来", "起"):
                    op = ">="
                else:
                    op = ">"
                    if inc is None:
                        note = f"读法：“{word}”未写（含），按不含当日读。"
                clause = self.clause_at(clauses, m.start())
                s = self.subject_start(clause, items, m.start())
                fld, qend = _date_field(doc, _strip_brackets(n[s : m.start()]), m.end(), b)
                if fld is None:
                    fld, qend = _verb_date_field(doc, m.end(), clause[1])
                    if fld is None:
                        continue
                qend = max(qend, m.end())
                add(s, qend, self.threshold(fld, op, day, "日期", s, qend, note), (m.start(), qend))
        for m in BOUND_DATE.finditer(n, a, b):
            word = m.group("word")
            op = {"不晚于": "<=", "不迟于": "<=", "不早于": ">=", "晚于": ">", "早于": "<"}[word]
            day = date_of(m, "a", end=op in ("<=", ">"))
            if not day or not free(m.start(), m.end()):
                continue
            clause = self.clause_at(clauses, m.start())
            s = self.subject_start(clause, items, m.start())
            # (the subject stands before the word: only its own clause after the date)
            fld, qend = _date_field(doc, _strip_brackets(n[s : m.start()]), m.end(), clause[1])
            if fld is None:
                fld, qend = _verb_date_field(doc, m.end(), clause[1])
                if fld is None:
                    continue
            qend = max(qend, m.end())
            add(s, qend, self.threshold(fld, op, day, "日期", s, qend), (m.start(), qend))
        for m in YEAR_SINCE.finditer(n, a, b):
            if not free(m.start(), m.end()):
                continue
            clause = self.clause_at(clauses, m.start())
            s = self.subject_start(clause, items, m.start())
            fld, qend = _date_field(doc, _strip_brackets(n[s : m.start()]), m.end(), b)
            y = m.group("y")
            note = f"读法：“{y}年{m.group('word')}”含{y}年全年，即不早于{y}年1月1日。"
            qend = max(qend, m.end())
            add(s, qend, self.threshold(fld or "认定日期", ">=", f"{y}-01-01", "日期", s, qend, note), (m.start(), qend))
        for m in YEAR_IN.finditer(n, a, b):
            if not free(m.start(), m.end()):
                continue
            clause = self.clause_at(clauses, m.start())
            if _ALTERNATIVE.search(n[clause[0] : m.start()]):
                # "包括获甲奖、乙奖或N年度首次入围…的企业": one of several ways to qualify, no
                # window every applicant must meet
                continue
            s = self.subject_start(clause, items, m.start())
            fld, qend = _date_field(doc, "", m.end(), b)
            note = None
            if fld is None:
                # "2054年度通过清洁生产审核": an act the vocabulary has no date field for
                verb = "act1" if m.group("act1") else "act2"
                fld, qend = "发生日期", m.end(verb)
                note = f"“{m.group(verb)}”的年份；所指的事项须审阅。"
            y = m.group("y")
            qend = max(qend, m.end())
            y0, at = y, m.start()
            # "2103年至2105年认定": the years from the first to the last, not the last alone
            since = _YEAR_FROM.search(n, max(a, m.start() - 12), m.start())
            if since and int(since.group("y0")) < int(y):
                y0, at = since.group("y0"), since.start()
                s = min(s, at)
            t = self.threshold(fld, "between", [f"{y0}-01-01", f"{y}-12-31"], "日期", s, qend,
                               _join(f"读法：{y}年内。" if y0 == y else f"读法：{y0}年1月1日至{y}年12月31日。", note))
            add(s, qend, t, (at, qend))
        for m in YEAR_AFTER.finditer(n, a, b):
            if not free(m.start(), m.end()):
                continue
            clause = self.clause_at(clauses, m.start())
            if re.search(r"优先|鼓励|可以|可(?=[申获参享])", n[clause[0] : m.start()]):
                continue  # "优先支持列入2021年度…清单的项目": a preference, no condition
            s = m.start()
            y = m.group("y")
            fld = "认定日期"
            t = self.threshold(fld, "between", [f"{y}-01-01", f"{y}-12-31"], "日期", s, m.end(), f"读法：“{m.group('act')}{y}年度”，{y}年内。")
            add(s, m.end(), t, (m.start(), m.end()))

    # ----------------------------------------------------------------------------------------
    def quantities(self, a, b, clauses, items, taken) -> None:
        n = self.doc.norm
        for m in RANGE.finditer(n, a, b):
            if any(m.start() < y and x < m.end() for x, y in taken):
                continue
            for got in self.range_item(self.clause_at(clauses, m.start()), items, m) or []:
                items.append(got)
                taken.append(got.covers)
        cands: list[tuple[int, int, str, object]] = []
        for mo in find_money(n, a, b):
            cands.append((mo.start, mo.end, "money", mo))
        for m in PCT.finditer(n, a, b):
            cands.append((m.start(), m.end(), "pct", m))
        for c in find_counts(n, a, b):
            cands.append((c.start, c.end, "count", c))
        cands.sort(key=lambda x: (x[0], -x[1]))
        for p, q, kind, obj in cands:
            if any(p < y and x < q for x, y in taken):
                continue
            got = self.quantity(self.clause_at(clauses, p), clauses, items, p, q, kind, obj)
            if got:
                items.append(got)
                taken.append(got.covers)

    def _value(self, kind: str, obj, subject: str):
        """(value, unit, note) of a number in a condition."""
        if kind == "pct":
            return pct_of(obj), "比例", None
        if kind == "count":
            return obj.value, obj.unit, obj.note
        mo: Money = obj
        bare = mo.raw[-1] if mo.raw.endswith(("亿", "万")) else ""
        if bare and not re.search(r"投入|投资|收入|金额|资金|预算|额|费|利润|税|资产|产值|销售|营收|贷款|利息|成本|支出|价|资本", subject):
            num = mo.raw[:-1]
            value = dec(Decimal(num) * (100000000 if bare == "亿" else 10000))
            # a volume of acts ("累计标识解析量不低于1亿"; the guides write "日均解析量达3亿次") is
            # counted in 次, a stock of things ("标识注册量") in 个
            unit = "次" if _ACT_VOLUME.search(_strip_brackets(subject)) else "个"
            return value, unit, f"{mo.raw} = {value}；原文未写单位，按“{unit}”计。"
        return mo.value, "万元", mo.note

    def _post(self, q: int, end: int):
        """The counting words after a number: "以上", "（含）", "（次）以上"."""
        n = self.doc.norm
        k = q
        am = re.match(r"\((?:次|个|家|项|人|名|场|款|件)\)", n[k:end])
        if am:
            k += am.end()
        post = POST_OP_RE.match(n, k)
        return post, (post.end() if post and post.end() > k else (k if am else q))

    def quantity(self, clause, clauses, items, p, q, kind, obj) -> _Item | None:
        doc, n = self.doc, self.doc.norm
        s = self.subject_start(clause, items, p)
        pre = n[s:p]
        if kind == "count":
            om = _ONLY.search(pre)
            if om:
                # "同一申报单位原则上只能申报一个项目": at most that many
                after = re.match(r"项目|产品|企业|单位", n[q : clause[1]])
                noun = after.group(0) if after else ""
                qend = q + (after.end() if after else 0)
                note = _join(f"“{om.group('w')}{om.group('verb')}”：至多。", "“原则上”：例外可能存在。" if "原则上" in pre else None)
                verb = "申报" if om.group("verb") == "报" else om.group("verb")
                fld = f"{verb}{noun}数量"
                t = self.threshold(_vocab(fld) or fld, "<=", obj.value, obj.unit, s, qend, note)
                return _Item(s, qend, t, (p, qend))
        op_text = None
        ratio_of = None
        gap = ""
        m = _OP_AT_END.search(pre)
        if m:
            op_text = m.group("op")
            op_at = m.start()
        else:
            m = _OP_GAP.search(pre)
            if m and kind == "count":
                op_text, gap, op_at = m.group("op"), m.group("gap"), m.start()
            elif kind == "pct":
                m = re.search(r"(?P<op>" + _OPS_ALT + r")(?P<of>[^,;。]{1,24}?)的$", pre)
                if m:
                    op_text, ratio_of, op_at = m.group("op"), m.group("of"), m.start()
        if op_text is None:
            op_at = len(pre)
            if re.search(r"[\u4e00-\u9fff]为$", pre):  # "实施期为N年"
                op_text, op_at = "为", len(pre) - 1
        post, qend = self._post(q, clause[1])
        word = post.group("word") if post else None
        inc = bool(post and "(含)" in ((post.group("inc1") or "") + (post.group("inc2") or "")))
        exc = bool(post and post.group("inc2") == "(不含)")
        op = "==" if op_text == "为" and not word else operator(op_text if op_text != "为" else None, word, inc, exc)
        within = None
        if op is None and kind == "count" and obj.unit in ("年", "月") and n[q : q + 1] == "内" and _SINCE_ACT.search(pre):
            # "毕业两年内": the years since the act, at most (年内 = 年以内, DOMAIN.md: 以内 includes)
            op, qend = "<=", q + 1
            within = f"“{obj.raw}内”即“{obj.raw}以内”，含本数。"
        inherited = None
        if op is None and kind in ("count", "money") and p > 0 and n[p - 1] == "、":
            # "不少于N家企业、M个行业的…": one counting word for the listed counts; "收入首次突破
            # 5000万元、2亿元、5亿元的，分别给予…": one for the listed sums (a threshold per tier)
            units = COUNT_UNITS.values() if kind == "count" else ("万元",)
            inherited = next((it for it in items if it.end == p - 1 and it.data.get("unit") in units), None)
            if inherited is not None:
                op, s, pre = inherited.data["op"], p, ""
                if kind == "money":
                    # "首次突破1亿元、5亿元、10亿元": the listed sums of one measure are its tiers'
                    # thresholds, one of which is met (the drafter puts them on the tiers)
                    inherited.data[TIER_LIST] = inherited.data.get(TIER_LIST) or f"{inherited.start}:{inherited.data['label']}"
        if op is None:
            return None
        bm = re.match(r"\([^()\d]{1,40}\)", n[qend : clause[1]])
        if bm:
            qend += bm.end()
        subject = n[s : s + op_at]
        for am in AS_OF.finditer(subject):  # "截至2022年6月30日已投入" -> "已投入"
            subject = subject[am.end() :]
        # "X率提高N%或达到M%以上": the other way to meet it goes to the note
        orm = re.search(r"(?:提高|下降|增长|降低|增加|减少)?[\d.]+%?(?:以上)?或$", subject)
        or_note = None
        if orm:
            or_note = f"或：{doc.chars[s + orm.start() : s + orm.end() - 1]}（另一种满足方式，未写入）。"
            subject = subject[: orm.start()]
        # "在2021年3月底投入": a date in the subject is when, not what
        subject = _DATE_WORDS.sub("", subject)
        value, unit, note = self._value(kind, obj, subject)
        want = unit if unit in ("万元", "比例", "日期", "年") else "个"
        fld, fnote = "", None
        subject_clean = _strip_brackets(_LEAD_WORDS.sub("", subject)).strip(",、")
        subject_clean = re.sub(r"(?:分别|各|均)$", "", subject_clean)
        if subject_clean != _strip_brackets(_LEAD_WORDS.sub("", subject)).strip(",、"):
            note = _join(note, "“分别”：各自须满足。")
        qa = s
        if ratio_of:
            fld, fnote = field_name(subject_clean + "比例", "比例")
            if not _vocab(fld):
                fld, fnote = f"{subject_clean}占{ratio_of}比例", None
            note = _join(note, f"读法：{subject_clean}÷{ratio_of}。")
        elif subject_clean and not (kind == "count" and (_VERB_END.search(subject_clean) and not obj.raw.endswith("次")
                                                          or gap not in ("", "有", "省内", "市内", "国内"))):
            # ("开展咨询不少于20人次": 家次/人次 count the service itself)
            fld, fnote = field_name(subject, want)
        if kind == "count" and obj.raw.endswith("岁"):
            # "年龄不超过35周岁", "45周岁以下的": an age, whatever the words before name
            fld, fnote = (fld, fnote) if fld and "年龄" in fld else ("年龄", None)
        elif unit == "年" and fld and _SINCE_ACT.search(fld):
            # "（申报人须为）毕业3年以内": the years since graduating
            fld, fnote = f"{_SINCE_ACT.search(fld).group(0)}年限", _join(fnote, f"原文为「{fld}」。" if not _SINCE_ACT.fullmatch(fld) else None)
        note = _join(note, within)
        if not fld and not subject_clean:
            # "员工人数不少于80人且不超过300人": the same field as the reading just before
            prev = [it for it in items if clause[0] <= it.covers[0] < p and it.data.get("unit") == unit]
            if prev:
                fld = prev[-1].data["field"]
                qa = prev[-1].start if prev[-1].end <= s + 2 else s
        if not fld and kind == "count":
            # "至少有N项（含）指标比…提升", "不少于省内N个…市": the counted thing follows
            after = re.match(r"([\u4e00-\u9fff]{2,10}?)(?=的|比|,|、|;|。|$|\(|在|中|上|为|采用|使用|应用|通过|实现)", n[qend : clause[1]])
            if after:
                fld = after.group(1) + "数量"
                qend = qend + after.end()
                # "至少N项工序采用…管控": what the counted things do names them
                vm = re.match(r"(?:采用|使用|应用|通过|实现)[\u4e00-\u9fff]{1,10}(?=[,;。]|$)", n[qend : clause[1]])
                if vm:
                    fld = f"{vm.group(0)}的{after.group(1)}数量"
                    qend += vm.end()
            elif re.search(r"(?:服务|提供[\u4e00-\u9fff]{0,8}服务|诊断|培训|辅导)$", subject_clean) and unit in ("家", "个", "人"):
                # "为企业提供免费诊断服务不少于20家": the count of those served
                fld = f"{subject_clean}对象数"
                note = _join(note, "读法：所数的是服务的对象（家、个、人）。")
        if not fld and unit == "年" and subject_clean == "":
            # "经省批复试点建设的省级制造业创新中心，未满3年": the clause before names it
            i = clauses.index(clause) if clause in clauses else 0
            if i > 0:
                pa, pb = clauses[i - 1]
                prev = _strip_brackets(_LEAD_WORDS.sub("", n[pa:pb]))
                # "实施期截至2030年3月底，不超过N年": the period, not its end date
                am = AS_OF.search(prev)
                if am and am.start() > 0:
                    prev = prev[: am.start()]
                if prev and not re.search(r"\d", prev):
                    name, _ = field_name(prev)
                    if name:
                        fld = name if re.search(r"年限|期|周期|时间", name) else name + "年限"
                        fnote = f"原文为「{doc.chars[pa:pb]}，{doc.chars[s:qend]}」。"
                        qa = pa
        if not fld:
            return None
        if unit == "年" and re.search(r"(?:经营|运营|成立|注册)(?:时间|年限)?(?:满)?$", fld):
            fld = "正常经营年限"
        lead = re.search(r"原则上|一般", subject)
        if lead:
            note = _join(note, f"“{lead.group(0)}”：例外可能存在。")
        if gap and gap not in ("有",):
            note = _join(note, f"原文“{op_text}{gap}…”。")
        note = _join(note, or_note)
        if inherited is not None:
            note = _join(note + ("" if note.endswith(("。", "；")) else "；") if note else None,
                         f"并列的数量，运算同前一项（{inherited.data['label']}）。")
        t = self.threshold(fld, op, value, unit, qa, max(qend, q), _join(fnote, note))
        if inherited is not None and inherited.data.get(TIER_LIST):
            t[TIER_LIST] = inherited.data[TIER_LIST]
        return _Item(qa, max(qend, q), t, (p, max(qend, q)))

    def range_item(self, clause, items, m: re.Match) -> list[_Item] | None:
        """"1-2家", "100万元至500万元": between, both ends inclusive; an end marked （不含）
        ("300万元（含）至2000万元（不含）") makes two conditions, ">= 300" and "< 2000"."""
        n = self.doc.norm
        ua, ub = m.group("ua") or m.group("ub"), m.group("ub")
        money = ("亿元", "万元", "元")
        if ua != ub and not (ua in money and ub in money):
            return None
        s = self.subject_start(clause, items, m.start())
        subject = re.sub(r"(?:在|为|达到|介于|约)$", "", n[s : m.start()])
        if ub == "%":
            v1, v2, unit, note = pct_value(m.group("a")), pct_value(m.group("b")), "比例", None
        elif ub in money:
            (v1, n1), (v2, n2) = money_value(m.group("a"), ua), money_value(m.group("b"), ub)
            unit, note = "万元", _join(n1, n2)
        else:
            v1, v2 = dec(Decimal(m.group("a"))), dec(Decimal(m.group("b")))
            unit = COUNT_UNITS[ub]
            note = f"原文单位“{ub}”，按“{unit}”计。" if unit != ub and ub not in ("个月",) else None
        if v1 > v2:
            return None
        fld, fnote = field_name(subject, unit if unit in ("万元", "比例", "年") else "个")
        if not fld:
            return None
        end = m.end()
        tail = re.match(r"(?P<ib>\((?:不)?含\))?(?:之间|以内|内)?(?P<ib2>\((?:不)?含\))?", n[end:])
        end += tail.end() if tail else 0
        low_open = m.group("ia") == "(不含)"
        high_said = ((tail.group("ib") or "") + (tail.group("ib2") or "")) if tail else ""
        high_open = "(不含)" in high_said
        # "300万元（含）至800万元之间": only the lower end marked included, so the upper is not
        # (the next class starts there: "800万元以上")
        high_implied = m.group("ia") == "(含)" and not high_said
        high_open = high_open or high_implied
        if not (low_open or high_open):
            t = self.threshold(fld, "between", [v1, v2], unit, s, end, _join(fnote, note))
            return [_Item(s, end, t, (m.start(), end))]
        said = "（不含）：该端不含本数。"
        lo_end = m.end("ia") if m.group("ia") else (m.end("ua") if m.group("ua") else m.end("a"))
        lo = self.threshold(fld, ">" if low_open else ">=", v1, unit, s, lo_end, _join(_join(fnote, note), said if low_open else None))
        said_hi = "只有下限标明（含），上限按不含本数读。" if high_implied else said
        hi = self.threshold(fld, "<" if high_open else "<=", v2, unit, s, end, _join(_join(fnote, note), said_hi if high_open else None))
        return [_Item(s, end, lo, (m.start(), end)), _Item(s, end, hi, (m.start(), end))]

    # ----------------------------------------------------------------------------------------
    def conditional(self, items: list[_Item]) -> list[_Item]:
        """"X的，Y": X is a `when` of Y, not a condition of its own."""
        n = self.doc.norm
        out: list[_Item] = []
        pending: list[_Item] = []
        for it in items:
            t = it.data
            tail = n[it.end : it.end + 2]
            if tail.startswith("的,") and t["unit"] not in ("是否",) and not isinstance(t["value"], list) and t["op"] not in ("in",):
                pending.append(it)
                continue
            if pending and (re.search(r"给予|予以|奖励|补助|补贴|资助|奖补|贴息", n[pending[-1].end : it.start])
                            or n.startswith("的,按", pending[-1].end)):
                # ("…之间的，按不超过投入额的6%…": what follows "的，按" is the award's basis)
                # "投入在600万元（含）至1800万元（不含）的，按…给予资助，每个项目至多…": the lead-in
                # says who is awarded; what follows the award is the award's, not a case of it
                out.extend(pending)
                pending = []
            if pending:
                t.setdefault("when", [])
                for w in pending:
                    wt = w.data
                    t["when"].append({"field": wt["field"], "op": wt["op"], "value": wt["value"], "unit": wt["unit"]})
                a = min(w.start for w in pending)
                t["source"] = self.doc.source(a, it.end)
                t["label"] = t["source"]["text"].replace("……", "")
                it.start = a
                pending = []
            out.append(it)
        out.extend(pending)
        return out

    # ----------------------------------------------------------------------------------------
    _NEG_TAIL = re.compile(
        r"^(?P<x>.*?)的?(?:不予支持|不予受理|不予立项|不予推荐|不得申报|不再申报|不再予以支持|不再支持|不予补助|不予奖励"
        r"|不在支持范围|不在本政策支持范围|不再作为.*|不须重复申报.*|不得重复申报.*|不列入.*|除外)$"
    )
    _NEG_HEAD = re.compile(
        r"^(?P<pre>近[一二两三四五六七八九十\d]{1,2}年(?:内)?|近年来|申报单位|申报时|企业|项目)?(?:未发生|未曾|未被|未|无|没有|不存在|不得有)(?P<x>.{2,})$"
    )
    _POS_HEAD = re.compile(r"^(?P<subj>[^须应需]{0,30}?)(?:须|应|必须|需)?(?:为)?(?P<verb>具有|具备|拥有|建有|已经|已|通过|取得|获得|签订|完成)(?P<x>.{2,})$")
    _LEVEL = re.compile(r"(?<!设区)(?<!区)(?P<lvl>国家级|省级|市级)(?P<inc>\(含\))?(?:及)?以上(?=[^,;。]{0,16}(?:示范|标杆|工厂|平台|中心|基地|企业|称号|认定|名单|小巨人|专精特新))")
    _PLACE = re.compile(r"^(?P<subj>.*?)(?:须|应)?(?:在|位于|注册于|注册在)(?P<place>江苏省|江苏)(?:省)?(?:域内|境内|行政区域内|内)?(?:依法)?(?P<reg>注册|登记)?(?:成立)?$")
    _LEVELS = ["县级", "市级", "省级", "国家级"]

    def level(self, c: tuple[int, int], items: list[_Item]) -> _Item | None:
        """"省级（含）以上…示范/企业/认定" -> 示范级别 in [省级, 国家级]."""
        n = self.doc.norm
        m = self._LEVEL.search(n, c[0], c[1])
        if not m or any(it.covers[0] < m.end() and m.start() < it.covers[1] for it in items):
            return None
        if any(it.data.get("field") == "示范级别" and it.start < c[1] and c[0] < it.end for it in items):
            return None
        levels = self._LEVELS[self._LEVELS.index(m.group("lvl")) :]
        a, b = self.doc.trim(c[0], c[1])
        lead = _LEAD_WORDS.match(n[a:b])
        if lead:
            a += lead.end()
        while b > a and n[b - 1] in "。.;":
            b -= 1
        t = self.threshold("示范级别", "in", levels, "文本", a, b, "认定级别；“以上”含本级。")
        return _Item(a, b, t, (m.start(), m.end()))

    _RANK = re.compile(
        r"(?P<lead>排名|排在|排位|位列|位居|名列|列)?(?:全[国省市县区]|本[省市县区]|同行业|行业)?(?:排名)?前\s*"
        r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?P<u>位|名|强)?(?:以内|之内|\(含\))?"
    )

    def rank(self, c: tuple[int, int], items: list[_Item]) -> _Item | None:
        """"亩均税收全县排名前10名", "起草单位排名前3位", "（排名前三）" -> …排名 <= N (名)."""
        n = self.doc.norm
        m = self._RANK.search(n, c[0], c[1])
        if not m or not (m.group("lead") or m.group("u") or "排名" in m.group(0)):
            return None
        if any(it.covers[0] < m.end() and m.start() < it.covers[1] for it in items):
            return None
        value = cn_number(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
        if not value:
            return None
        a, b, subject = self._subject_of(c, m, r"^(?:且|并|其|在|为|须|应|要求|作为|属于)+|(?:的|在|为|须|应|中|里)+$")
        fld = (subject if subject.endswith("排名") else f"{subject}排名") if 0 < len(subject) <= 20 else "排名"
        t = self.threshold(fld, "<=", Decimal(value), "名", a, max(b, m.end()), f"“前{m.group('n')}{m.group('u') or ''}”：名次不超过{value}。")
        return _Item(a, max(b, m.end()), t, (m.start(), m.end()))

    def _subject_of(self, c: tuple[int, int], m: re.Match, strip: str) -> tuple[int, int, str]:
        """(start, end, subject) of clause c read as a bound on what stands before match m: the
        clause without its lead words and its full stop, the subject's words without `strip`."""
        n = self.doc.norm
        a, b = self.doc.trim(c[0], c[1])
        lead = _LEAD_WORDS.match(n[a:b])
        if lead:
            a += lead.end()
        subject = re.sub(strip, "", re.sub(r"[()（）\s]", "", self.doc.chars[a : m.start()]))
        while b > a and n[b - 1] in "。.;":
            b -= 1
        return a, b, subject

    _GRADE = re.compile(r"(?P<n>[一二三四五六七八九]|\d)\s*级\s*(?:\(含\))?\s*(?:及|或)?\s*以上")

    def grade(self, c: tuple[int, int], items: list[_Item]) -> _Item | None:
        """"数字化水平达到二级及以上", "成熟度等级3级（含）以上" -> …等级 >= N (级)."""
        n = self.doc.norm
        m = self._GRADE.search(n, c[0], c[1])
        if not m or any(it.covers[0] < m.end() and m.start() < it.covers[1] for it in items):
            return None
        value = int(m.group("n")) if m.group("n").isdigit() else cn_number(m.group("n"))
        if not value:
            return None
        # "四级及以上、三级评估的企业" (grades as alternatives), "达到四级及以上的，奖励…" (whom an
        # amount is for): no bound every applicant must meet
        if re.match(r"\s*(?:[、,或和及]\s*(?:[一二三四五六七八九]|\d)级|的(?:[,;:。]|$))", n[m.end() : c[1]] + n[c[1] : c[1] + 1]):
            return None
        a, b, subject = self._subject_of(c, m, r"^(?:且|并|其|在|为|须|应|要求|经)+|(?:均|须|应|已|需)?(?:达到|为|在|达|是)?$")
        if not (2 <= len(subject) <= 20) or re.search(r"\d", subject):
            return None
        fld = subject if subject.endswith(("等级", "级别")) else f"{subject}等级"
        t = self.threshold(fld, ">=", Decimal(value), "级", a, max(b, m.end()), f"“{m.group(0)}”：{value}级含本级。")
        return _Item(a, max(b, m.end()), t, (m.start(), m.end()))

    def statement(self, c: tuple[int, int], clauses) -> _Item | None:
        """A level, place or yes/no condition in a clause without numbers."""
        n = self.doc.norm
        a, b = c
        text = n[a:b]
        lead = _LEAD_WORDS.match(text)
        off = lead.end() if lead else 0
        core = text[off:].rstrip("。.;")
        if len(core) < 3:
            return None
        qa, qb = a + off, a + off + len(core)
        m = self._PLACE.match(_strip_brackets(core))
        if m:
            subj = m.group("subj")
            fld = f"{subj}省份" if subj else ("注册地省份" if m.group("reg") else "所在地省份")
            t = self.threshold(fld, "==", "江苏省", "文本", qa, qb, "按省份填写（“江苏省”）。")
            return _Item(qa, qb, t, (qa, qb))
        value = True
        x = _strip_brackets(core)
        if _DEFINITION.search(x) or _OPTIONAL.search(x):
            return None  # "印染园区特指…的园区", "可通过…": a definition or a permission, not a condition
        if x.endswith("的"):
            return None  # "已有…通过认定的": who, not a condition
        m = self._NEG_TAIL.match(x)
        if m:
            value, x = False, m.group("x")
            if not x:
                # "X…，不再…支持": the thing is the clause before
                i = clauses.index(c)
                if i == 0:
                    return None
                pa, pb = clauses[i - 1]
                x = _strip_brackets(_LEAD_WORDS.sub("", n[pa:pb]))
                if re.search(r"\d", x):
                    return None
                qa = pa
        elif (m := self._NEG_HEAD.match(x)) is not None:
            value, x = False, (m.group("pre") or "") + m.group("x")
            x = re.sub(r"^(?:申报单位|企业)", "", x)
            if re.search(r"的(?:单位|企业|项目|主体)", x):
                return None  # "未完成验收的单位…": who, not a condition
        elif (m := self._POS_HEAD.match(x)) is not None and not re.search(r"的(?:单位|企业|项目|主体)$", x):
            if re.search(r"不再|不得|不须|不予|不能|不可|未|无", x):
                return None  # a negation the patterns above do not know: left to the reviewer
            x = m.group("x") if m.group("verb") in ("具有", "具备", "拥有") else m.group("verb") + m.group("x")
        else:
            negated = re.search(r"未|无(?!需)|没有|不存在|不得有", x)
            x = re.sub(r"(?:工作|情况)$", "", x)
            hit = _vocab(x)
            if not (hit and _vocab_unit(hit) == "是否"):
                hit = self._bool_tail(x)
            if not hit:
                return None
            x = hit
            if negated:
                value = False
        if not x or len(x) < 2 or len(x) > 40:
            return None
        x = re.sub(r"(?:工作|情况)$", "", x)
        hit = _vocab(x) or _vocab(re.sub(r"^(?:已经|已)", "", x)) or self._bool_tail(x)
        if hit and _vocab_unit(hit) == "是否":
            x = hit
        t = self.threshold(x, "==", value, "是否", qa, qb)
        return _Item(qa, qb, t, (qa, qb))

    def _bool_tail(self, x: str) -> str | None:
        for i in range(0, max(0, len(x) - 3)):
            hit = _vocab(x[i:])
            if hit and _vocab_unit(hit) == "是否":
                return hit
        return None


def read_conditions(doc: Doc, a: int, b: int, dates_only: bool = False) -> list[dict]:
    """The thresholds of chars[a:b] of a Doc (for the award parser: its dated windows)."""
    reader = _Conditions(doc)
    if dates_only:
        clauses = doc.clauses(a, b) or [(a, b)]
        items: list[_Item] = []
        reader.dates(a, b, clauses, items, [])
        return [it.data for it in sorted(items, key=lambda it: it.start)]
    return [it.data for it in reader.sentence(a, b)]


def parse_conditions(section: Section, file: str) -> Parsed:
    """支持条件 / 申报条件: the quantitative and yes/no conditions as `data["thresholds"]`."""
    doc = Doc.build(section, file)
    reader = _Conditions(doc)
    out = Parsed()
    thresholds: list[dict] = []
    for s in _sentences(doc):
        if s.empty:
            continue
        if too_long(s):
            out.todo.append(_todo(doc, s, long_note(s)))
            continue
        body_text = doc.norm[s.body : s.b]
        if LEAD_IN.search(body_text.rstrip("。")) and not re.search(r"\d", body_text):
            continue
        items = reader.sentence(s.body, s.b)
        foreign = _foreign_units(doc, s.body, s.b, items)
        if not items:
            out.todo.append(_todo(doc, s, foreign))
            continue
        thresholds.extend(it.data for it in items)
        left = _unused_clauses(doc, s.body, s.b, items)
        if left:
            out.todo.append(_todo(doc, s, _join("已解析部分条件；未解析：" + "；".join(left), foreign and "（" + foreign + "）")))
    if thresholds:
        out.data["thresholds"] = thresholds
    return out


def _unused_clauses(doc: Doc, a0: int, b0: int, items: list[_Item]) -> list[str]:
    """Substantive clauses of a sentence that none of its items quote."""
    left = []
    for a, b in doc.clauses(a0, b0):
        a, b = doc.trim(a, b)
        text = doc.norm[a:b].rstrip("。.;")
        if len(_strip_brackets(text)) < 4:
            continue
        if any(it.start < b and a < it.end for it in items):
            continue
        if _REFUSED.fullmatch(text) and any(it.end <= a for it in items):
            continue  # "…的，不予支持": said by the condition before it, turned to its opposite
        left.append(doc.quote(a, b).rstrip("。;；"))
    return left



# a quantity in a unit the catalog has no unit for (schema.Unit; the counting words of
# clause_numbers.COUNT_UNITS are read): "出口带宽200Gbps以上", "年处理危废5000立方米以上" — left as
# a todo that says why, never written in a wrong unit
_FOREIGN_ALT = (r"(?:万|亿|千)?(?:(?!TB|PB|MW|kW|KW)[A-Za-z]{1,8}(?![A-Za-z])|课时|平米|"
                r"千伏安|公里|千米|立方米|升)")
# "不少于N天" (the word before) or "N万吨以上" (the counting word after the unit)
_FOREIGN_UNIT = re.compile(
    r"(?P<op>" + _OPS_ALT + r")(?:为|在|有)?(?P<num>" + NUM + r")(?P<unit>" + _FOREIGN_ALT + r")"
    r"|(?P<num2>" + NUM + r")(?P<unit2>" + _FOREIGN_ALT + r")(?:\(含\))?(?:以上|以下|以内)"
)


def _foreign_units(doc: Doc, a: int, b: int, items: list[_Item]) -> str | None:
    """Why a counting phrase of chars[a:b] was not written: its unit is not one of the catalog's."""
    said = []
    for m in _FOREIGN_UNIT.finditer(doc.norm, a, b):
        if any(it.covers[0] < m.end() and m.start() < it.covers[1] for it in items):
            continue
        u = "unit" if m.group("unit") else "unit2"
        said.append(f"“{doc.chars[m.start():m.end()]}”的单位“{doc.chars[m.start(u):m.end(u)]}”")
    if not said:
        return None
    return "、".join(dict.fromkeys(said)) + "不在目录的计量单位中（万元、比例、日期、年、月、个、人、项、次、家、台套、吨标准煤、吨、千瓦、千瓦时、平方米、立方米、千伏安、万美元、亩、辆、艘、公斤、天、小时、TB、PB），未写入，须人工处理。"
