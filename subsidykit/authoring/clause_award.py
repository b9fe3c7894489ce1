"""补助标准 / 支持方式 / 政策优惠 -> the amount fields of a program (see `clauses` for the contract).

The clause is read as *atoms* — a rate on a base ("按不超过X的10%"), an amount with its role
(cap "最高不超过N万元", fixed "补助N万元", per unit "每月N万元", floor "不低于N元", a condition
"未满N万元的"), actual cost ("按实际支出予以补助"), a list of tiers ("分为N、M万元两档"), a
first payment ("首次拨付…的N%", "首次拨付N万元") and stage markers (首期 / 后期) — and the
atoms are grouped into *units*: an amount closes a unit, so "按…10%…，单个项目…最高不超过N万元"
is one unit and "国家级…N万元；省级…M万元" two.

* one unit: rate_cap (rate + cap, or rate alone), combined (rates on two bases, one cap),
  cap_only, fixed, per_unit, actual_cost, or tiered (a list of tiers);
* stages with amounts each (首期 … 后期/二期 …): two_stage, the cap before them the total;
* rates in several units closed by a "合计/两者" cap: combined;
* several units otherwise: tiered, one variant per unit, named by the words in front of it
  ("单个A类产品…" -> A类产品; "A节点项目，单个项目补助N万元" -> the clause before; a "X的，"
  lead-in qualifies every unit of its sentence);
* one amount for every named case ("对A类给予N万元；对B类给予N万元"): the
  program's amount, the cases variants without amounts;
* "分别" lists ("对甲、乙分别给予N万元、M万元"): one variant per amount, named by the
  listed applicants when the counts match (`_enumerated_names`), else by the amount with a todo;
* no amount at all: none ("另行通知", "以…通知为准", "给予一定…支持", …), or recognition
  ("授予…称号/牌匾", "列入…名录/名单", "认定"; "以…通知为准" under a status heading, see
  `parse_award`).

A first payment goes to the unit it follows (the program when there is one unit or it follows
a list of tiers); one that names its sub-type ("其中，X项目首次拨付…") goes to the variant X.
Sentences without atoms, and numbers no atom used, are todo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from subsidykit.authoring.clause_common import (
    NO_APPLICATION,
    Parsed,
    Section,
    Sent,
    _join,
    _sentences,
    _todo,
    field_name,
    long_note,
    too_long,
)
from subsidykit.authoring.clause_numbers import (
    CN_PCT, PRE_OPS, WINDOW, YEAR, Money, cn_number, dec, find_money, money_value, operator, pct_of, pct_text, pct_value,
)
from subsidykit.authoring.clause_text import Doc

_NUMBER = r"\d+(?:\.\d+)?"

RATE = re.compile(
    r"(?P<lead>(?P<floor>(?:按照?|依照)?(?:不低于|不少于|不得低于))|(?:按照?|依照|参照)(?:一般|最高)?(?:不超过|不高于|不得超过)?|(?:一般|最高)?(?:不超过|不高于|不得超过)|(?:比例|标准)可?(?:提高|调整|上调|提升|上浮)?(?:到|至|为)"
    # "资助比例8%": the award's share said by its name, without "按…的"
    r"|(?:资助|补助|奖励|补贴|奖补|贴息|扶持)比例(?:为|按照?)?(?:一般|最高)?(?:不超过|不高于|不得超过)?(?!可?[提调上到至])"
    # "补助额度为核定项目总投入的10%", "可使用服务券抵扣合同金额的50%"
    r"|(?:资助|补助|奖励|补贴|奖补|扶持|支持)(?:额度|金额|资金|额)(?:为|按照?|以)(?:一般|最高)?(?:不超过|不高于)?|(?:抵扣|抵减|冲抵))"
    r"(?P<base>[^,;。%]{0,60}?)(?P<de>的)?(?:(?P<pct>" + _NUMBER + r")%|" + CN_PCT + r")(?P<tail>的?比例)?"
)
# "给予设备投入额10%的补助", "以首年度销售合同金额为基数，给予研发单位20%的奖励": a rate said
# after the verb, its base the words before the share (when they name a sum) or the 基数 named
GIVE_RATE = re.compile(
    r"(?:给予|予以)(?P<base>[^,;。%\d]{2,30}?)(?P<pct>" + _NUMBER + r")\s*%的?(?:补助|奖励|补贴|奖补|资助|支持)"
)
_BASIS = re.compile(r"以(?P<b>[^,;。]{2,30}?)为(?:计算)?(?:基数|基础)")
_SUM_WORD = re.compile(r"(?:额|投入|投资|金额|费用|收入|价款|总额|支出|成本|产值|销售额|营业额)$")
# "分别按其X的N%、M%给予补助", "按…的N%、M%分别给予…": one rate for each of the listed
RATIO_RATE = re.compile(
    r"按照?(?P<base>[^,;。:]{2,30}?)(?P<x>\d{1,2})\s*:\s*(?P<y>\d{1,2})(?:的)?比例(?=(?:给予|予以|进行)?(?:配套|补助|奖励|支持|资助|补贴|奖补))"
)
EACH_RATE = re.compile(
    r"(?P<lead>分别(?:按照?|依照)?|按照?)(?:一般|最高)?(?:不超过|不高于|不得超过)?(?P<base>[^,;。%]{0,60}?)(?P<de>的)?"
    r"(?P<list>" + _NUMBER + r"%(?:[、和及]" + _NUMBER + r"%)+)"
)
# the payment before acceptance: "首次拨付…", "首批拨付…", and "先（行/期）拨付…", "预拨…", "提前下达…" (a first
# payment by its timing words); the share as "50%", "百分之五十" or "一半"/"半数"
_FIRST_VERB = (
    r"(?:首次(?:拨付|兑付|兑现|按照?|安排|下达|预拨)|首(?:期|批)(?:资金)?(?:拨付|兑付|兑现|下达|预拨)|首(?:期|批)资金(?=按[^,;。]{0,24}?(?:一半|半数|\d[\d.]*%|[一二三四五六七八九]成)(?:预拨|拨付|下达|兑付|兑现))"
    # "首期拨款比例为60%"
    r"|首(?:期|批|笔)(?:资金)?(?:拨款|拨付|下达|兑付)比例|首笔(?!贷款|借款|融资|订单|合同|业务|交易)(?:资金|款项|补助|奖补)?|(?:首年|第一年|当年)(?:拨付|兑付|兑现|下达|发放)"
    r"|(?:先行|先期|预先|提前|(?<![优事首预率领])先)(?:拨付|下达|预拨|拨款|兑付|兑现)|(?<![不未])预拨"
    # "评审通过后拨付50%", "立项后拨付补助资金的40%": paid on an event before acceptance
    r"|(?:立项|评审通过|审核通过|认定|签订[^,;。]{0,8}|计划下达)后(?:即)?拨付"
    # "项目竣工投产后兑现奖励总额的50%", "获交易所受理后拨付40%": a share paid on an event
    # before the last (the rest follows: the 剩余 check below)
    r"|(?:竣工投产|竣工|投产|开工|签约|落户|受理|注册)后(?:即)?(?:拨付|兑付|兑现|发放)(?=[^。]{0,40}?(?:剩余|余下|其余|余额|尾款|另外|再拨付|再兑现)))"
)
FIRST_SHARE = re.compile(
    _FIRST_VERB + r"[^,;。%]{0,24}?(?:(?P<pct>" + _NUMBER + r")%|" + CN_PCT + r"|(?P<half>一半|半数)"
    # "按核定补助额的四成下达": tenths
    r"|(?<=的)(?P<cheng>[一二三四五六七八九])成(?![本果员立就功为效交])"
    r")"
)
_RATIO_PAID = re.compile(r"分(?:两|二|三|四|[234])(?:期|次|批|年)(?:按照?)?(?P<x>\d{1,2})\s*[:∶：]\s*(?P<y>\d{1,2}(?:\s*[:∶：]\s*\d{1,2}){0,2})(?:的)?比例(?:拨付|下达|兑付|兑现|安排)")
_SHARES_PAID = re.compile(r"分(?:两|二|三|四|五|[2345])(?:期|次|批|年)(?:按照?)?(?P<x>\d{1,2}(?:\.\d+)?)%(?:[、,]\d{1,2}(?:\.\d+)?%){1,4}的?比例(?:拨付|下达|兑付|兑现|安排)")
FIRST_AMOUNT = re.compile(_FIRST_VERB + r"(?:[^,;。%\d]{0,8}?)(?P<num>" + _NUMBER + r")(?P<unit>亿元|万元|元|万)")
# "境内展会按…", "参加境外展会的，按…": a case's name (no clause of its own), then its rate
_CASE_BEFORE_RATE = re.compile(r"[,;]?(?:参加|对于|对)?(?!其中|单个|每个|最高|一般|原则上)[\u4e00-\u9fff“”]{2,14}?(?:的,?)?")
# "甲类企业补助比例为6%": a case's words, then its rate's word (the rate follows)
_RATE_OF_CASE = re.compile(r"[\u4e00-\u9fff、]{2,30}?比例(?:为|是)\d")
STAGE_FIRST = re.compile(r"首期|第一期|一期")
STAGE_LATER = re.compile(r"后期|第二期|二期|尾期|后续")
TIER_LIST = re.compile(
    r"分为?(?P<list>" + _NUMBER + r"(?:(?:万元)?[、,和及]" + _NUMBER + r")+)(?P<unit>万元|万)(?P<count>[两二三四五六七八九十]|\d)档"
)
EACH_LIST = re.compile(
    r"(?P<cap0>最高|不超过)?分别(?:给予|发放|奖励|补助|补贴|资助|提高|为|按照?)?"
    # who receives it ("分别给予研制企业一次性奖励…", "分别给予企业经营团队奖励…")
    r"(?:(?:(?!每|最高|不超过|不高于|一次性)[\u4e00-\u9fff]){2,8}?(?=(?:一次性)?(?:奖励|补助|奖补|补贴|资助)?\d))?"
    r"(?:一次性)?(?P<cap>最高不超过|最高|不超过|不高于)?(?:给予|奖励|补助|奖补|补贴)?(?:每(?P<per>个月|月|年|人|名|项|个|家|户|台|套|件|次|款))?(?P<list>" + _NUMBER + r"(?:万元|万|元)(?:[、,和及]" + _NUMBER + r"(?:万元|万|元))+)"
)
ACTUAL = re.compile(
    r"按照?(?P<base>[^,;。]{0,30}?实际(?:总投入|总支出|支出|发生额|投入|费用|成本)[^,;。]{0,8}?)(?:予以|给予|进行)(?P<some>一定)?(?:的)?(?:补助|补贴|支持|奖励|奖补)"
)
NONE_WORDS = re.compile(
    r"另行(?:通知|制定|明确|发布)|以(?:当年|每年|年度)?(?:申报)?(?:通知|文件)为准|(?:给予|予以)一定(?:的)?(?:资金)?(?:支持|补助|奖励|补贴)"
    r"|一定(?:资金)?(?:支持|补助|奖励)|配套支持|切块|按照?[^。]{0,20}规定给予|按照?[^。]{0,12}要求配套|具体[^。]{0,12}为准|择优支持"
    r"|另行(?:研究|确定|下达|安排|核定)|一事一议|按照?上级(?:文件|政策|规定|要求)[^。]{0,6}执行|按照?(?:有关|相关|国家|省|市)?(?:《[^》]{1,60}》)?[^。]{0,24}?(?:有关|相关)?(?:规定|办法|政策|文件)(?:执行|确定|办理)"
    r"|据实(?:核定|安排|核拨|结算)|(?:根据|依据|按照?)(?:专家)?评审(?:结果|情况)?(?:确定|核定|安排)|(?:研究|会议)确定"
)
RECOGNITION_WORDS = re.compile(
    r"授予|称号|牌匾|列入《|(?:列入|纳入|入选).{0,12}(?:名录|名单|目录)|予以公告|获评|认定|命名为|优先支持"
)
AWARD_WORDS = re.compile(r"给予|予以|补助|奖励|资助|补贴|贴息|扶持|安排|发放|奖补|定额|支持额度|购房券|加奖|奖给")
MONEY_WORDS = re.compile(r"补助|奖励|资助|补贴|贴息|资金|奖补|扶持")
CAP_WORDS = re.compile(r"不超过|不高于|最高|上限|不得超过|封顶|以内|最多|至多|顶格")
# named sums listed as the award's standard: "按全国质量标杆50万元、省级质量标杆20万元的标准给予奖励"
_LIST_STANDARD = re.compile(
    r"按照?(?P<list>(?:[^,;。、\d]{2,16}?\d+(?:\.\d+)?(?:万元|元)、)+[^,;。、\d]{2,16}?\d+(?:\.\d+)?(?:万元|元))"
    r"的?(?:标准|额度)(?:分别)?(?:给予|予以)?(?:一次性)?(?:奖励|补助|奖补|资助|补贴|支持)")
# grades and their sums, nothing else: "国家级50万元,省级20万元"
_GRADE_SUMS = re.compile(r"(?:[\u4e00-\u9fff]{1,6}(?:级|档|等奖|类|星)\d+(?:\.\d+)?(?:万元|元)(?:/[\u4e00-\u9fff]{1,2})?[,、;]?){2,6}[。]?")
# the label of an award's field: "奖励标准", "补助金额"
_AWARD_LABEL = re.compile(r"(?:补助|支持|奖励|奖补|扶持|资助|补贴)(?:标准|金额|额度)")
# one item of a list of sums: "甲工厂200万元/家；"
_MONEY_ITEM = re.compile(r"[^;。:]{1,24}?\d[\d.]*(?:万元|亿元|元)[^;。\d]{0,6};")
# an item of names and sums only: "零碳工厂200万元/家;"
_NAMED_SUM = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z“”()]{1,20}?)\d[\d.]*(?:万元|亿元|元)(?:/[\u4e00-\u9fff]{1,2})?[;。]?")
_PAY_WORDS = re.compile(AWARD_WORDS.pattern + r"|拨付|兑现|兑付|下达|预拨|支付|再拨|达到|超过|不低于|以上")
# a sum of the applicant's own that a ceiling may bound ("单笔转贷金额不超过3000万元"), and a
# loan named after an amount ("最高30万元的创业担保贷款"): conditions, never an award's cap
# (unless the words name the award's money: _AWARD_MONEY)
_AWARD_MONEY = re.compile(r"补助|奖励|资助|补贴|贴息|奖补|扶持|(?:专项|财政|奖励|补助|扶持|奖补)资金")
_OWN_SUM = re.compile(r"(?:贷款|转贷|续贷|借款|融资|授信|担保|过桥(?:资金)?|周转(?:资金)?|投资|营业收入|销售收入|产值|合同)(?:金额|额度|总额|规模|本金|额)(?:原则上|一般)?(?:最高|不超过|不高于|不得超过|最多|至多)*$")
_LOAN_AFTER = re.compile(r"的(?P<loan>[\u4e00-\u9fff]{0,8}?(?:贷款|借款|授信|转贷资金))(?![\u4e00-\u9fff]{0,4}(?:贴息|补助|补贴|奖励))")
TOTAL_WORDS = re.compile(r"合计|两者|二者|累计|总计|总额")
# "每人每月", "每户每年": an amount or a limit for each person (household) and each period
_PER_PAIR = r"每(?P<a>人|名|户|家)每(?P<b>个月|月|年|天|日)"
PER_TIME = re.compile(r"每(?P<m>个月|月|年|人|名|天|日|户)")
PER_COUNT = re.compile(r"(?:按照?)每(?P<m>个|家|人|名|台\(套\)|台套|台|套|项|户)")
PER_BARE = re.compile(r"每(?P<m>个|家|项|台\(套\)|台套|台|套|名)(?=(?:给予|予以|奖励|补助|补贴|资助|支持|扶持|最高|不超过|发放|定额|安排|一次性)*$)")
PER_NOUN = re.compile(r"(?:单个|每个|每家|每一|每)(?:入选|获评|新)?(?P<noun>[^,;。\d]{1,14}?)(?:(?:给予|予以|奖励|补助|补贴|资助|支持|扶持|发放|安排|定额|最高|不超过|一次性|的)|支持额度|补助金额|补助额|补助资金|资金|额度|$)")
_BENEFIT = re.compile(r"(?:的)?(?P<w>[\u4e00-\u9fff]{0,6}(?:补贴|奖励|资助|补助|贴息|奖金|购房券|扶持资金))")
_DURATION = re.compile(r"(?:连续|最长不超过|最长|期限为?)(?:\d+|[一二两三四五六七八九十]{1,2})(?:年|个月)")
_TYPE_NOUN = re.compile(
    r"(?:对于|对|其中)?(?P<name>[^,;。]{2,40}?(?:项目|平台|企业|机构|基地|中心|服务商|提供商|单位|工厂|园区|软件|产品|装备|材料|人才|团队|城市))"
    r"(?=完成后|建成后|的|$|按|给予|予以|单个|每)"
)
BASIS = re.compile(r"以(?P<base>[^。;]{2,60}?)为(?:计算)?基数")
SOME_RATE = re.compile(r"按照?(?P<base>[^。;]{2,80}?)的一定比例")

# the step of a base an amount is paid for ("每增加1亿元奖励10万元", "每降低1个百分点奖励5万元")
_STEP = "增加|新增|净增|增长|提高|超出|多|降低|减少|下降|节约|节省"
# a split into grades before a list of their sums ("分三档", "分为两个档次", "按等级")
_GRADED = re.compile(r"分(?:为)?[两二三四五六七八九十\d]{0,2}(?:个)?(?:档|级|等|类)|档次|按(?:等级|级别|档次)")
_MEASURE_UNIT = re.compile(r"(?:吨标准煤|吨|千瓦时|千瓦|瓦|兆瓦|度电?|平方米|亩|立方米|人次|家次|场次|件|千克|公斤|TB|GB|kW|kWh)")
_UNIT_OF = {"个月": "月", "名": "人", "日": "天", "户": "家", "台": "台套", "套": "台套", "台(套)": "台套"}


@dataclass
class Atom:
    kind: str  # rate, cap, fixed, per, floor, cond, actual, tiers, each, none
    start: int
    end: int
    sent: int
    clause: tuple[int, int]
    value: Decimal | None = None
    base: str | None = None
    base_span: tuple[int, int] | None = None
    unit: str | None = None
    per: str | None = None
    note: str | None = None
    some: bool = False  # 一定补助: no amount
    tiers: list[tuple[str, Decimal]] = field(default_factory=list)
    data: dict | None = None  # a condition's threshold
    clause_text: str | None = None  # the clause, for notes
    floor: bool = False  # a rate "不低于N%": the least share, not the most
    rates: bool = False  # an "each" list of rates ("分别按…的N%、M%"), not of amounts
    cap: bool = False  # an "each" list of caps ("分别给予最高N万元、M万元")


@dataclass
class Unit:
    atoms: list[Atom]
    first_payment: dict | None = None

    @property
    def start(self) -> int:
        return min(a.start for a in self.atoms)

    @property
    def end(self) -> int:
        return max(a.end for a in self.atoms)

    def of(self, kind: str) -> list[Atom]:
        return [a for a in self.atoms if a.kind == kind]


class _Award:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.sents = [s for s in _sentences(doc)]
        self.live = [k for k, s in enumerate(self.sents) if not s.empty and not too_long(s)]
        self.atoms: list[Atom] = []
        # (start, end, sent, first_payment, the sub-type it is given for or None)
        self.firsts: list[tuple[int, int, int, dict, str | None]] = []
        self._standards: dict[int, list[tuple[int, int]]] = {}
        self.covered: list[tuple[int, int]] = []
        self.used_sents: set[int] = set()
        self.extra_todo: list[dict] = []  # notes on sentences read in a way the reviewer must check
        self.extra_todo.extend(_todo(self.doc, s, long_note(s)) for s in self.sents if not s.empty and too_long(s))
        self.heading: str | None = None  # the program's heading words (parse_award's `heading`)
        self.context: Doc | None = None  # who the measure is for, said before the clause (`context`)

    # ----------------------------------------------------------------------------------------
    def clause_of(self, k: int, p: int) -> tuple[int, int]:
        s = self.sents[k]
        for c in self.doc.clauses(s.body, s.b):
            if c[0] <= p < c[1]:
                return c
        return (s.body, s.b)

    def free(self, p: int, q: int) -> bool:
        return not any(p < y and x < q for x, y in self.covered)

    def scan(self) -> None:
        doc, n = self.doc, self.doc.norm
        for k in self.live:
            s = self.sents[k]
            a, b = s.body, s.b
            # "补助资金分两期按3∶7比例拨付": the first of two payments in a ratio
            for m in _RATIO_PAID.finditer(n, a, b):
                if not self.free(m.start(), m.end()):
                    continue
                x = Decimal(m.group("x"))
                y = sum(Decimal(p) for p in re.split(r"\s*[:∶：]\s*", m.group("y")))  # (the later parts: "4:3:3")
                if x <= 0 or y <= 0 or (x * 100) % (x + y):
                    continue  # (a share that is no whole percent, "1:2", is left to the reviewer)
                clause = self.clause_of(k, m.start())
                share = dec(x / (x + y))
                ratio = re.sub(r"\s*[:∶：]\s*", ":", f"{m.group('x')}:{m.group('y')}")
                fp = {"share": share, "source": doc.source(clause[0], b, f"原文为比例“{ratio}”，首期即{format((share * 100).normalize(), 'f')}%。")}
                self.first_payment(m, k, b, fp)
            # "分三年按30%、30%、40%的比例兑现": the first of the shares listed
            for m in _SHARES_PAID.finditer(n, a, b):
                if not self.free(m.start(), m.end()):
                    continue
                share = pct_value(m.group("x"))
                if not 0 < share < 1:
                    continue
                clause = self.clause_of(k, m.start())
                self.first_payment(m, k, b, {"share": share, "source": doc.source(clause[0], b)})
            # first payments: the share or amount paid before acceptance
            for m in list(FIRST_SHARE.finditer(n, a, b)) + list(FIRST_AMOUNT.finditer(n, a, b)):
                if not self.free(m.start(), m.end()):
                    continue
                clause = self.clause_of(k, m.start())
                qa, qb = clause[0], b
                if "pct" in m.groupdict():
                    share = Decimal("0.5") if m.group("half") else pct_of(m, "pct")
                    if m.group("cheng"):
                        share = dec(Decimal(cn_number(m.group("cheng"))) / 10)
                    if share is None or not (0 < share <= 1):
                        continue
                    fp = {"share": share, "source": doc.source(qa, qb)}
                else:
                    value, note = money_value(m.group("num"), m.group("unit"))
                    fp = {"amount": value, "source": doc.source(qa, qb, note)}
                # (an event that opens the payment, "…获交易所受理后拨付40%": its words before are
                # the event's, never a sub-type's)
                event = re.match(r"(?:竣工|投产|开工|签约|落户|受理|注册|立项|评审|审核|认定|签订|计划下达)", n[m.start() : m.end()])
                self.first_payment(m, k, b, fp, None if event else _first_payment_subject(doc, qa, m.start()))
            # lists of tiers: "分为400、500万元两档"
            for m in TIER_LIST.finditer(n, a, b):
                nums = re.findall(_NUMBER, m.group("list"))
                tiers = []
                for raw in nums:
                    v, _note = money_value(raw, m.group("unit"))
                    tiers.append((f"{raw}{'万元' if m.group('unit') == '万元' else '万'}", v))
                self.add(Atom("tiers", m.start(), m.end(), k, self.clause_of(k, m.start()), tiers=tiers))
            for m in EACH_LIST.finditer(n, a, b):
                tiers = []
                for mm in re.finditer(r"(" + _NUMBER + r")(万元|万|元)", m.group("list")):
                    v, _note = money_value(mm.group(1), mm.group(2))
                    tiers.append((mm.group(0), v))
                if tiers:  # (the same sum twice, "50万元、50万元、100万元", is two applicants' each)
                    per = _UNIT_OF.get(m.group("per"), m.group("per")) if m.group("per") else None
                    capped = bool(m.group("cap0") or m.group("cap")) and not per
                    self.add(Atom("each", m.start(), m.end(), k, self.clause_of(k, m.start()), tiers=tiers, unit=per, cap=capped))
            for m in EACH_RATE.finditer(n, a, b):
                clause = self.clause_of(k, m.start())
                sent = self.sents[k]
                if not self.free(m.start(), m.end()) or ("分别" not in n[clause[0] : clause[1]]
                                                          and not re.search(r"^[^。]*?分别(?:" + CAP_WORDS.pattern + r")", n[m.end() : sent.b])):
                    # ("按…的20%、10%给予奖励，最高分别不超过500万元、200万元": the 分别 of the caps
                    # pairs the rates too)
                    continue
                raws = re.findall(_NUMBER + "%", m.group("list"))
                tiers = [(raw, pct_value(raw[:-1])) for raw in raws]
                if len(set(raws)) != len(raws) or not all(0 < v <= 1 for _r, v in tiers):
                    continue
                base, span = self.base_of(k, m)
                self.add(Atom("each", m.start(), m.end(), k, clause, tiers=tiers, base=base, base_span=span, rates=True))
            # "按省级下拨专项资金2:1比例予以配套": a rate written as a ratio
            for m in RATIO_RATE.finditer(n, a, b):
                if not self.free(m.start(), m.end()):
                    continue
                x, y = Decimal(m.group("x")), Decimal(m.group("y"))
                if x <= 0 or not (0 < y / x <= 1):
                    continue
                bs, be = m.span("base")
                base = doc.chars[bs:be].strip()
                self.add(Atom("rate", m.start("x"), m.end("y"), k, self.clause_of(k, m.start()), value=y / x, base=base or None,
                              base_span=(bs, be) if base else None, note=f"原文为比例“{m.group('x')}:{m.group('y')}”，即{format((y * 100 / x).normalize(), 'f')}%。"))
            # rates
            for m in RATE.finditer(n, a, b):
                if not self.free(m.start(), m.end()):
                    continue
                share = pct_of(m, "pct")
                if share is None or not (0 < share <= 1):
                    continue
                clause = self.clause_of(k, m.start())
                floor = bool(m.group("floor"))
                if floor and re.match(r"的(?!比例|标准|补助|奖励|资助|补贴|奖补|贴息|扶持|支持|额度|资金)", n[m.end() : m.end() + 4]) \
                        and not re.search(r"(?:给予|提供|发放|按照?|予以)$", n[clause[0] : m.start()]) and not m.group("base"):
                    # "凡利润率达8%以上…" / "对…且毛利率不少于N%的单位予以…": who is awarded, not the rate
                    self.pct_cond_atom(k, clause, m, share)
                    continue
                if not floor and not m.group("base") and re.fullmatch(r"(?:一般|最高)?(?:不超过|不高于|不得超过)", m.group("lead")) \
                        and re.search(r"[\u4e00-\u9fff]{2}$", n[clause[0] : m.start()]) \
                        and not AWARD_WORDS.search(n[clause[0] : m.start()]) and not re.search(r"(?:提供|发放|按照?)$", n[clause[0] : m.start()]) \
                        and re.match(r"的(?!比例|标准|补助|奖励|资助|补贴|奖补|贴息|扶持|支持|额度|资金)", n[m.end() : m.end() + 4]):
                    # "且年化担保费率不高于1%的小微企业": a ceiling on the unit's own rate, who is awarded
                    self.pct_cond_atom(k, clause, m, share, "<=")
                    continue
                if floor and not AWARD_WORDS.search(n[m.end() : clause[1]]) and not re.search(r"(?:给予|提供|发放|按)$", n[clause[0] : m.start()]):
                    continue  # "自筹资金不低于总投资的30%": a condition, not the award
                base, span = self.base_of(k, m)
                note = "“一般不超过”：指南给出的上限，例外可能存在。" if "一般" in m.group("lead") else None
                if re.match(r"(?:比例|标准)(?:提高|调整|上调|提升|上浮)?(?:到|至|为)", m.group("lead")) and not m.group("base"):
                    # "资助比例上调至12%": a new rate of the base the rule before named
                    earlier = [x for x in self.atoms if x.kind == "rate" and x.base and x.start < m.start()]
                    base, span = (earlier[-1].base, None) if earlier else (None, None)
                    note = "原文为提高后的比例，基数同前文，须审阅。" if earlier else "原文未写比例的基数，须审阅。"
                if floor:
                    note = f"原文为下限（不低于{pct_text(m, 'pct')}）：比例是最低比例，不是上限，最高金额未定。"
                self.add(Atom("rate", m.start(), m.end(), k, clause, value=share, base=base, base_span=span, note=note, floor=floor))
            for m in GIVE_RATE.finditer(n, a, b):
                if not self.free(m.start(), m.end()):
                    continue
                share = pct_of(m, "pct")
                if share is None or not (0 < share <= 1):
                    continue
                bs, be = m.span("base")
                basis = None
                # (within the words just before: a sentence running on without a stop is not
                # searched from its start for every share in it)
                for basis in _BASIS.finditer(n, max(self.sents[k].body, m.start() - 80), m.start()):
                    pass
                if basis is not None:
                    bs, be = basis.span("b")
                elif not _SUM_WORD.search(n[bs:be]):
                    continue  # "给予企业10%的补助": a share of what, the text does not say (todo)
                self.add(Atom("rate", m.start("pct"), m.end("pct") + 1, k, self.clause_of(k, m.start()), value=share,
                              base=doc.chars[bs:be].strip(), base_span=(bs, be)))
            # actual cost
            for m in ACTUAL.finditer(n, a, b):
                if not self.free(m.start(), m.end()):
                    continue
                bs, be = m.span("base")
                base = doc.chars[bs:be]
                self.add(Atom("actual", m.start(), m.end(), k, self.clause_of(k, m.start()), base=base, base_span=(bs, be), some=bool(m.group("some"))))
            # amounts
            for mo in find_money(n, a, b):
                if not self.free(mo.start, mo.end):
                    continue
                self.money_atom(k, mo)
            # "不超过3年", "连续3年": durations belong to the unit's note, not to data
        self.atoms.sort(key=lambda x: x.start)

    def add(self, atom: Atom) -> None:
        self.atoms.append(atom)
        self.covered.append((atom.start, atom.end))
        if atom.base_span:
            self.covered.append(atom.base_span)

    def base_of(self, k: int, m: re.Match) -> tuple[str | None, tuple[int, int] | None]:
        doc, n = self.doc, self.doc.norm
        s = self.sents[k]
        bs, be = m.span("base")
        base = doc.chars[bs:be].strip()
        while base.endswith("的"):
            base, be = base[:-1], be - 1
        # "奖补资金＝上年度X×12%": a formula in words, the base the factor before the sign
        fm = re.search(r"[=＝](?P<f>[^=＝]{2,60}?)\s*[×xX*＊]\s*$", n[bs:be])
        if fm:
            bs, be = bs + fm.start("f"), bs + fm.end("f")
            base = doc.chars[bs:be].strip()
        # "以…X为基数，按最高不超过Y的N%": the base is the 以…为基数 one
        for bm in BASIS.finditer(n, s.body, m.start()):
            return doc.chars[bm.start("base") : bm.end("base")], bm.span("base")
        if base:
            return base, (bs, be)
        # "按照…X的一定比例…予以奖补（…最高不超过N%）": the base is X
        sm = None
        for sm in SOME_RATE.finditer(n, s.body, m.start()):
            pass
        if sm:
            return doc.chars[sm.start("base") : sm.end("base")], sm.span("base")
        # "对…X，按照不超过N%的比例…": the base is the clause before
        clauses = doc.clauses(s.body, s.b)
        here = self.clause_of(k, m.start())
        if here in clauses:
            i = clauses.index(here)
            if i > 0:
                pa, pb = doc.trim(*clauses[i - 1])
                if doc.norm[pa:pb].startswith("对"):
                    pa += 1
                wm = WINDOW.match(doc.norm, pa, pb)
                if wm:
                    pa = wm.end()
                    while pa < pb and doc.norm[pa] in ",、":
                        pa += 1
                text = doc.chars[pa:pb]
                if text and not re.search(r"\d{4}年", doc.norm[pa:pb]):
                    return text, (pa, pb)
        return None, None

    def money_atom(self, k: int, mo: Money) -> None:
        n = self.doc.norm
        clause = self.clause_of(k, mo.start)
        pre = n[clause[0] : mo.start]
        if re.search(r"\((?:单位[:：]?)?万元\)\s*$", pre):
            return  # "一次性奖励（万元）5亿元…": a table's header then its first cell, not an award
        if re.search(r"(?:亿元|万元|元)$", n[max(0, mo.start - 2) : mo.start]):
            return  # "5亿元3010亿元": two amounts glued by a broken layout; never read as one (todo)
        if re.search(r"(?:资金|预算|经费)(?:总额|总量|总规模|规模|盘子)(?:为|共|达|合计)?$", pre):
            return  # "每年安排X资金总额N万元，用完即止": the fund's size, no one's award (todo)
        if re.search(r"总额(?:度)?(?:最高)?(?:不超过|控制在|为|不高于)?$", pre) \
                and re.search(r"(?:用完|发完|额满|满额|兑完)(?:即止|为止)", n[mo.end : min(self.sents[k].b, mo.end + 40)]):
            return  # "创新券年度发放总额不超过600万元，额度用完即止": the pool, no one's cap (todo)
        # "计算结果高于600万元的，按600万元核定": the most the award may be, said as a bound then
        # the sum it is cut to (the bound itself is no condition of who is awarded)
        over = re.search(r"(?:高于|超过|大于|超出)$", pre)
        if over and re.match(r"(?:\(含\))?的[,，]?按照?" + re.escape(n[mo.start : mo.end]) + r"(?:核定|计算|执行|兑现|给予|拨付|确定)", n[mo.end : mo.end + 40]):
            self.covered.append((mo.start, mo.end))  # (read with the cap after it)
            return
        cut = re.match(r"按照?$", pre) and re.match(r"(?:核定|计算|执行|兑现|给予|拨付|确定)", n[mo.end : mo.end + 4])
        if cut and re.search(r"(?:高于|超过|大于|超出)" + re.escape(n[mo.start : mo.end]) + r"(?:\(含\))?的[,，]?$", n[self.sents[k].body : clause[0]]):
            self.add(Atom("cap", mo.start, mo.end, k, clause, value=mo.value,
                          note=_join(mo.note, f"原文“高于{mo.raw}的，按{mo.raw}核定”：上限。"), clause_text=n[clause[0] : clause[1]]))
            return
        # the part of the clause after any rate atom in it
        for at in self.atoms:
            if at.sent == k and clause[0] <= at.end <= mo.start:
                pre = n[at.end : mo.start]
        post = n[mo.end : mo.end + 6]
        op = re.search("(?P<op>" + "|".join(sorted(map(re.escape, PRE_OPS), key=len, reverse=True)) + r")(?:为|在)?$", pre)
        op_text = op.group("op") if op else None
        # "…X未满N万元的": a condition of the unit, not an amount
        pm_ = re.match(r"(?P<inc1>\(含\))?(?P<word>以上|以下|以内)?(?P<inc2>\(含\))?的", post)
        # "贷款金额不低于N万元的，按…", "首次突破N万元的，奖励…", "…突破N万元且增速…的企业":
        # a lead-in naming who is awarded, not an amount
        lead_in = bool(op_text) and not AWARD_WORDS.search(n[clause[0] : clause[1]])
        if not pm_ and lead_in and "的" in n[mo.end : clause[1]]:
            pm_ = re.match(r"(?P<inc1>\(含\))?(?P<word>以上|以下|以内)?(?P<inc2>\(含\))?(?=且|并且|同时|和)", post)
        # "首次突破10亿元的奖励50万元": an operator before the amount, "的" after it, the award
        # word only after that: the amount says who is awarded
        ahead = (bool(op_text) and PRE_OPS[op_text] in (">=", ">") and not AWARD_WORDS.search(n[clause[0] : mo.start])
                 and re.match(r"(?:\(含\))?的[,;]?(?:一次性)?(?:奖励|给予|补助|补贴|奖补|资助|予以)", n[mo.end : mo.end + 12]))
        if pm_ and (op_text and PRE_OPS[op_text] in (">", "<") or pm_.group("word") or lead_in or ahead):
            self.cond_atom(k, clause, mo, op, op_text, pm_)
            return
        if pm_ and re.match(r"(?:\(含\))?(?:以上|以下|以内)?(?:\(含\))?的[,;:]", post):
            # "产值首次迈过8亿元、4亿元的，分别给予…": an amount closing a "…的，" lead-in
            # says who is awarded, never what (left to todo when no operator stands before it)
            return
        bound = re.match(r"(?P<inc1>\(含\))?(?:及)?(?P<word>以上|以下)(?P<inc2>\(含\))?", post)
        # "发放的单户3000万元以下信用贷款": a bound on the thing the words after it name (never
        # an award: "给予100万元以下补助" names the award itself)
        named = bool(bound) and re.match(r"[\u4e00-\u9fff]", n[mo.end + bound.end() : mo.end + bound.end() + 1] or "") \
            and not re.match(r"的|" + AWARD_WORDS.pattern, n[mo.end + bound.end() : mo.end + bound.end() + 6])
        if bound and (named or not AWARD_WORDS.search(n[max(clause[0], mo.start - 6) : mo.start])):
            # "研发费用500万元以上、…": a bound on who, never an amount awarded
            self.cond_atom(k, clause, mo, op, op_text, bound)
            return
        if op_text and PRE_OPS[op_text] != "<=" and not re.search(
                r"(?:" + AWARD_WORDS.pattern + r")(?:的)?(?:额度|金额|资金|标准)?$|最高|最多|可$", pre[: op.start()]):
            # "募集资金不少于8 000万元", "营业收入突破1亿元": a floor on who is awarded, never the
            # award (left to todo when no condition reading took it)
            return
        # an amount inside brackets is a remark ("（…单个项目出资额须大于5000万元）"); a comparison
        # without an award word is a condition of the text, not an amount: both left to todo
        if self.depth_at(k, mo.start) > 0:
            return
        if re.search(rf"每(?:{_STEP})$", pre) or (pre.endswith("每") and re.match(r"[^,;。\d]{0,6}\d", post)):
            # "每增加1亿元奖励10万元", "按销售额每5000万元补助2万元": the step of the base, never an
            # amount awarded
            return
        if re.match(r"(?:\(含\))?(?:至|到|~|-|—|－)\d", post):
            return  # "支持额度在100万元至500万元之间": the low end of a range, no amount of its own
        rng = re.search(r"(?P<lo>\d+(?:\.\d+)?)(?:万元|万|亿元)?(?:至|到|~|-|—|－)$", pre)
        if rng and re.match(r"(?:之间|以内|内)", post):
            # its high end: the most an award may be
            atom = Atom("cap", mo.start, mo.end, k, clause, value=mo.value,
                        note=_join(mo.note, f"原文为区间（{rng.group('lo')}至{mo.raw}之间），写为上限；下限见原文。"),
                        clause_text=n[clause[0] : clause[1]])
            self.add(atom)
            return
        if re.search(r"\d+(?:\.\d+)?(?:万元|万|亿元|元)?(?:\(含\))?(?:至|到|~|-|—|－|–)$", pre):
            return  # "营业收入3000万元（含）—1亿元 4万元": a band's high end (who), no amount (todo)
        whole = n[clause[0] : clause[1]]
        awarding = AWARD_WORDS.search(pre) or AWARD_WORDS.search(post) or re.search(r"每|单个|(?:分别|给予|予以)?支持$", pre) \
            or (re.match(r"/(?:个|家|项|台|套|人|户|件|次)", post) and AWARD_WORDS.search(n[mo.end : clause[1]])) \
            or any(a <= mo.start and mo.end <= b for a, b in self.standards(k))
        graded = re.fullmatch(r"[、,;]?(?:" + _GRADE + r"|[\u4e00-\u9fff]{1,4}(?:级|档|等奖|类|星))", pre)
        if not awarding and graded and _GRADE_SUMS.fullmatch(n, self.sents[k].body, self.sents[k].b):
            # "国家级50万元,省级20万元" (a 支持标准 cell): grades and their sums, nothing else
            awarding = True
        if not awarding and graded:
            # "五星级上云企业奖励10万元，四星级5万元，三星级1万元": a grade and its amount after a
            # clause of the sentence that awarded a grade's amount
            s_ = self.sents[k]
            awarding = bool(re.search(r"(?:" + AWARD_WORDS.pattern + r")[^,;。]{0,6}?\d+(?:\.\d+)?(?:万元|亿元|元)[,;]", n[s_.body : clause[0]]))
        if not awarding and re.fullmatch(r"[\u4e00-\u9fffA-Za-z()“”]{1,24}:", n[self.sents[k].body : mo.start]) and self.listed_after_colon(k):
            # "…直接兑现奖励，无需申报：" / "🔸 国家级绿色工厂：100万元" / "🔸 省级绿色工厂：50万元":
            # names and their sums listed after the award's colon, one line each
            awarding = True
        if not awarding and re.fullmatch(r"[、,;]?[\u4e00-\u9fff“”]{1,12}的", pre) and not op_text \
                and AWARD_WORDS.search(n[self.sents[k].body : clause[0]]):
            # "给予运营补贴，评价为优秀的30万元，良好的15万元": grades after the award's clause
            awarding = True
        if not awarding and re.fullmatch(r"[、,;]?[\u4e00-\u9fffA-Za-z]{1,14}(?:\([^()]{1,10}\))?", pre):
            # "分级给予一次性奖补：甲档200万元，乙档120万元", "分两档支持：A档80万元、B档50万元",
            # "五级（优化级）80万元": the list after an award word, or a split into grades, and a colon
            s_ = self.sents[k]
            colon = n.rfind(":", s_.body, clause[0] + 1)
            if colon < 0 and self.under_award_label(k):
                # "奖励标准：国家级中心50万元，省级中心20万元", "奖励标准。甲工厂200万元/家；乙工厂
                # 120万元/家": names and their sums under the award's label
                awarding = True
            elif colon < 0:
                # "…给予一次性奖励：甲中心100万元；乙中心30万元；…": items parted by "；", each a
                # sentence of its own, the colon in the first (a list of a page at most: each
                # item looks back over the items before it)
                reach = max(0, s_.body - 1500)
                stop = n.rfind("。", reach, s_.body)
                c2 = n.rfind(":", max(stop + 1, reach), s_.body)
                if c2 >= 0 and re.fullmatch(r"(?:[^;。:]{1,24}?\d[\d.]*(?:万元|亿元|元)[;；])+", n[c2 + 1 : s_.body].replace(" ", "")):
                    colon = c2
                    j = k
                    while j > 0 and self.sents[j].body > c2:
                        j -= 1
                    s_ = self.sents[j] if self.sents[j].body <= c2 < self.sents[j].b else s_
            if colon >= 0 and (AWARD_WORDS.search(n[s_.body : colon]) or _GRADED.search(n[s_.body : colon])):
                awarding = True
        if op_text and PRE_OPS[op_text] in (">", "<"):
            return
        if CAP_WORDS.search(pre) and not AWARD_WORDS.search(n[clause[0] : mo.start]) and not _AWARD_MONEY.search(n[clause[0] : mo.start]):
            within = re.match(r"(?P<inc1>\(含\))?(?P<word>以内)?(?P<inc2>\(含\))?", post)
            before = n[self.sents[k].body : clause[0]]
            if _OWN_SUM.search(n[clause[0] : mo.start - (len(op_text) if op_text else 0)]) or (
                    clause[0] == mo.start - len(pre) and re.search(r"额度[,;]$", before)
                    and not AWARD_WORDS.search(before.split(",")[-2] if before.count(",") else before)
                    and _LOAN_AFTER.search(before)):
                # "单笔转贷金额不超过3000万元": a bound on the applicant's own loan or sum, who may
                # apply, never the most an award gives
                self.cond_atom(k, clause, mo, op, op_text or "最多", within,
                               subject=None if _OWN_SUM.search(n[clause[0] : mo.start]) else "贷款额度")
                return
            loan = _LOAN_AFTER.match(n, mo.end + within.end())
            if loan:
                # "可申请最高30万元的创业担保贷款": the size of a loan the applicant may take, not an award
                self.cond_atom(k, clause, mo, op, op_text or "最多", within, subject=loan.group("loan") + "额度")
                return
        if op_text in ("不低于", "不少于", "不得低于", "不得少于"):
            if not AWARD_WORDS.search(whole):
                return
            kind = "floor"
        elif CAP_WORDS.search(pre) or post.startswith("以内") or (re.match(r"为(?:上)?限", post) and pre.endswith("以")):
            kind = "cap"
        elif awarding:
            kind = "fixed"
        else:
            return
        atom = Atom(kind, mo.start, mo.end, k, clause, value=mo.value, note=mo.note, clause_text=n[clause[0] : clause[1]])
        slash = re.match(r"/(?P<u>个|家|项|台\(套\)|台套|台|套|人|户|件|次)", post)
        if slash and kind in ("fixed", "cap"):
            # "按25万元/项给予支持": an amount per unit written with a slash
            atom.kind, atom.unit = ("per" if kind == "fixed" else "cap"), _UNIT_OF.get(slash.group("u"), slash.group("u"))
            atom.end = mo.end + slash.end()
            if kind == "cap":
                atom.per = atom.unit
            self.add(atom)
            return
        each = re.search(r"每(?:[\u4e00-\u9fff]{1,3}?)?1(?P<u>台\(套\)|台套|套|台|个|家|件|项|人|名|点)(?!百分点)(?:\([^()]{1,4}\))?[^,;。\d]{0,6}$", pre)
        if each and kind in ("fixed", "cap"):
            # "每替换1套（点）补助5000元", "每引进1人奖励2万元": an amount for each one
            atom.kind = "per" if kind == "fixed" else "cap"
            atom.unit = _UNIT_OF.get(each.group("u"), each.group("u"))
            if kind == "cap":
                atom.per = atom.unit
            self.add(atom)
            return
        step = re.search(rf"每(?P<w>{_STEP})?(?P<n>\d+(?:\.\d+)?)(?P<u>亿元|万元|元|吨|台|个百分点|%)[^,;。\d]{{0,8}}$", pre)
        if step and kind == "fixed":
            # "每增加1亿元奖励10万元": an amount for each step of the base
            atom.kind, atom.unit = "per", f"{step.group('w') or ''}{step.group('n')}{step.group('u')}"
            atom.note = _join(atom.note, f"“{step.group(0)}”：按每一档增量计，不足一档的部分见原文。")
            self.add(atom)
            return
        pm = PER_TIME.search(pre) or PER_COUNT.search(pre) or PER_BARE.search(pre)
        if pm:
            atom.unit = _UNIT_OF.get(pm.group("m"), pm.group("m"))

            def pair(m: re.Match) -> str:  # "每人每月" -> "人·月"
                return f"{_UNIT_OF.get(m.group('a'), m.group('a'))}·{_UNIT_OF.get(m.group('b'), m.group('b'))}"

            cap_word = cw.group(0) if (cw := CAP_WORDS.search(pre)) else "以内"
            both = re.search(_PER_PAIR + "$", pre)
            if both and kind != "cap":
                # "每人每月1000元": an amount per person and month, both counted
                atom.unit = pair(both)
            two = re.search(_PER_PAIR, pre)
            if kind == "cap" and two:
                # "每人每年最高20万元": the most for one person (household) in one year, a cap
                # that the count of persons and years multiplies
                atom.per = pair(two)
                atom.note = _join(atom.note, f"“{two.group(0)}…{cap_word}”：每{atom.per.replace('·', '每')}的上限，不是定额。")
            elif kind == "cap" and atom.unit in ("家", "人") and re.fullmatch(r"每(?:户|家|人|名)(?:企业|单位)?(?:" + CAP_WORDS.pattern + r")+", pre[pm.start():]):
                # "…的30%给予贴息，每户封顶3万元": the most for one applicant, the program's cap
                atom.per = atom.unit
            elif kind == "cap" and atom.unit in ("年", "月", "天"):
                # "每年最高发放N万元": the most for each year, not an amount per year: a cap that
                # a count of years multiplies (per: 年).  "每个奖励不超过N万元" stays an amount per
                # item (per_unit), as the catalog writes it
                atom.per = atom.unit
                atom.note = _join(atom.note, f"“{pm.group(0)}…{cap_word}”：每{atom.unit}的上限，不是每{atom.unit}的定额。")
                if atom.unit in ("年", "月"):
                    s = self.sents[k]
                    dm = _DURATION.search(n, s.body, s.b)
                    atom.note += (f"原文“{self.doc.chars[dm.start():dm.end()]}”：期限；总额须按{atom.unit}数计，原文未写总额。" if dm else f"{atom.unit}数（总额）原文未写。")
            else:
                atom.kind = "per" if kind != "floor" else "floor"
                if atom.kind == "per" and "·" in (atom.unit or ""):
                    s = self.sents[k]
                    dm = _DURATION.search(n, s.body, s.b)
                    if dm and not _DURATION.search(atom.clause_text or ""):
                        lead = atom.note + "；" if atom.note and not atom.note.endswith("。") else atom.note
                        atom.note = _join(lead, f"原文“{self.doc.chars[dm.start():dm.end()]}”：期限，未计入金额上限。")
            if kind == "floor":
                atom.per = atom.unit
        else:
            nm = PER_NOUN.search(pre)
            if nm:
                noun = nm.group("noun")
                noun = re.sub(r"^(?:入选|获评|新)", "", noun)
                if noun and not noun.endswith("项目") and not re.fullmatch(r"(?:支持|补助|奖励|资助|补贴|扶持|给予)+", noun):
                    atom.per = noun
                    if kind == "fixed" and _MEASURE_UNIT.fullmatch(noun):
                        # "按每千瓦80元", "按每吨标准煤300元": an amount per unit of a quantity
                        atom.kind, atom.unit = "per", noun
        self.add(atom)

    def first_payment(self, m: re.Match, k: int, b: int, fp: dict, name: str | None = None) -> None:
        """A first payment read at match m of sentence k (its text to b covered: no amount there is
        read again), for the sub-type `name` or the award."""
        self.firsts.append((m.start(), m.end(), k, fp, name))
        self.covered.append((m.start(), b))
        self.used_sents.add(k)

    def listed_after_colon(self, k: int) -> bool:
        """Sentence k is an item of a list of "名称：N万元" lines that a sentence ending with a colon
        and naming the award opens ("…给予奖励：" / "国家级X：100万元" / "省级X：50万元")."""
        n = self.doc.norm
        j = k - 1
        while j >= 0 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z()“”]{1,24}:\d[\d.]*(?:万元|元)(?:/[\u4e00-\u9fff]{1,2})?[;。]?",
                                      n[self.sents[j].body : self.sents[j].b]):
            j -= 1
        if j < 0:
            return False
        lead = n[self.sents[j].body : self.sents[j].b].rstrip()
        return lead.endswith(":") and bool(AWARD_WORDS.search(lead) or re.search(r"兑现|标准", lead))

    def standards(self, k: int) -> list[tuple[int, int]]:
        """Spans of sentence k listing named sums as the award's standard ("按全国质量标杆50万元、
        省级质量标杆20万元的标准给予奖励"): each sum there is an award, its name the words before it."""
        if k not in self._standards:
            s = self.sents[k]
            self._standards[k] = [m.span("list") for m in _LIST_STANDARD.finditer(self.doc.norm, s.body, s.b)]
        return self._standards[k]

    def under_award_label(self, k: int) -> bool:
        """Sentence k stands under an award's label ("奖励标准：", "补助标准。" on its own): its
        own label, or the label sentence before a run of "名称N万元；" items that k closes."""
        n = self.doc.norm
        if _AWARD_LABEL.search(n[self.sents[k].a : self.sents[k].body]):
            return True
        j = k - 1
        while j >= 0 and not self.sents[j].empty and _MONEY_ITEM.fullmatch(n[self.sents[j].body : self.sents[j].b]):
            j -= 1
        if j < 0:
            # the run opens the section the drafter hands over as the award's (its label taken
            # off as a heading: "2. 奖励标准。甲工厂200万元/家；…"): two items at least
            # (each item a name and its sum only, "甲工厂200万元/家；", never a payment's words:
            # "认定后先行拨付15万元；期满考核合格的，再拨付25万元")
            def bare(x: int) -> bool:
                m = _NAMED_SUM.fullmatch(n[self.sents[x].body : self.sents[x].b])
                return bool(m) and not _PAY_WORDS.search(m.group("name"))

            if not bare(k):
                return False
            a, e = k, k
            while a > 0 and bare(a - 1):
                a -= 1
            while e + 1 < len(self.sents) and bare(e + 1):
                e += 1
            return a == 0 and e > a
        return j < k and _AWARD_LABEL.search(n[self.sents[j].a : self.sents[j].b]) is not None and self.sents[j].empty

    def depth_at(self, k: int, p: int) -> int:
        """How many brackets of sentence k are open at position p (never 【】: a label's or a
        highlight's, "单家企业年度贴息总额【最高100万元】", no remark)."""
        depth = 0
        for ch in self.doc.norm[self.sents[k].body : p]:
            if ch in "([〔":
                depth += 1
            elif ch in ")]〕":
                depth = max(0, depth - 1)
        return depth

    def pct_cond_atom(self, k: int, clause, m: re.Match, share, op: str = ">=") -> None:
        """"…并且出口占比不少于N%的单位": a share the applicant must reach (or, `op` "<=", not pass),
        a condition of the unit."""
        doc, n = self.doc, self.doc.norm
        a = clause[0]
        for at in self.atoms:  # after a condition before it in the same clause
            if at.sent == k and clause[0] <= at.end <= m.start():
                a = max(a, at.end)
        subject = n[a : m.start()]
        subject = re.split(r"且|并且|同时", subject)[-1] if re.search(r"(?:且|并且|同时)[\u4e00-\u9fff]{2}", subject) else subject
        fld, fnote = field_name(subject, "比例")
        end = m.end()
        a = m.start() - len(subject)
        atom = Atom("cond", a, end, k, clause, value=share, note=doc.quote(*doc.trim(a, end)))
        if fld:
            qa, qb = doc.trim(m.start() - len(subject), end)
            atom.data = {"field": fld, "op": op, "value": share, "unit": "比例",
                         "label": doc.quote(qa, qb).replace("……", ""), "source": doc.source(qa, qb)}
            if fnote:
                atom.data["note"] = fnote
        self.add(atom)

    def cond_atom(self, k: int, clause, mo: Money, op_m, op_text, post_m, subject: str | None = None) -> None:
        """"其X未满N万元的，给予…": a condition of the unit it stands in (`subject`: the words
        that name what is bounded, when they are not the clause's words before the amount)."""
        doc, n = self.doc, self.doc.norm
        inc = "(含)" in ((post_m.group("inc1") or "") + (post_m.group("inc2") or ""))
        op = operator(op_text, post_m.group("word"), inc)
        end = mo.end + post_m.end() - (1 if post_m.group(0).endswith("的") else 0)  # without the 的
        a = clause[0]
        if subject is None:
            subject = n[a : mo.start - len(op_m.group(0))] if op_m else n[a : mo.start]
        fld, fnote = field_name(subject, "万元")
        if not fld and op_text == "突破":
            # "突破N亿元的" after "产值突破…台阶": the quantity is named earlier in the section
            for name in reversed(re.findall(r"([\u4e00-\u9fff]{2,8}?)(?:首次)?突破", n[self.sents[0].body if self.sents else 0 : a])):
                fld, fnote = field_name(name, "万元")
                if fld:
                    fnote = _join(fnote, f"「{name}」见句首。")
                    break
            hm = re.search(r"([\u4e00-\u9fff]{2,8}?)(?:首次)?(?:突破|跨越|迈上)", self.heading or "") if not fld else None
            if hm:
                # "营业收入首次突破奖励" / "▲首次突破1亿元的，奖励10万元": the quantity the heading names
                fld, fnote = field_name(hm.group(1), "万元")
                if fld:
                    fnote = _join(fnote, f"「{hm.group(1)}」见标题。")
        atom = Atom("cond", a, end, k, clause, value=mo.value, note=doc.quote(*doc.trim(a, end)))
        if fld and op:
            qa, qb = doc.trim(a, end)
            atom.data = {
                "field": fld, "op": op, "value": mo.value, "unit": "万元", "label": doc.quote(qa, qb).replace("……", ""),
                "source": doc.source(qa, qb),
            }
            note = _join(fnote, mo.note)
            if note:
                atom.data["note"] = note
        self.add(atom)

    # ----------------------------------------------------------------------------------------
    def units(self) -> list[Unit]:
        """Atoms grouped into units: an amount (cap, fixed, per unit, floor, a list of tiers)
        closes a unit; actual cost waits for a cap in its sentence; a rate after a list of tiers
        in the same sentence belongs to the list ("分为N、M万元两档，比例不超过X的10%")."""
        units: list[Unit] = []
        cur: list[Atom] = []
        side_by_side = False  # the last rate began a case beside the one before
        for at in self.atoms:
            if cur and any(a.kind == "actual" for a in cur) and at.sent != cur[-1].sent:
                units.append(Unit(cur))
                cur = []
            # "对A类…按…N%给予补贴；对B类…给予M万元": a sentence naming other recipients closes the rate
            if (
                cur and at.sent != cur[-1].sent and any(a.kind == "rate" for a in cur) and at.kind in ("fixed", "per", "floor")
                and re.match(r"(?:其中,?)?对", self.doc.norm[self.sents[at.sent].body : self.sents[at.sent].b])
            ):
                units.append(Unit(cur))
                cur = []
            # "甲类活动的，按费用的30%给予补助；乙类活动的，按每场5000元给予补助":
            # after a semicolon, a case naming other recipients closes the rate too
            if cur and at.kind in ("fixed", "per") and any(a.kind == "rate" for a in cur) and not any(a.kind in ("cap", "fixed", "per") for a in cur):
                gap = self.doc.norm[cur[-1].end : at.start]
                semi = max(gap.rfind(";"), gap.rfind("；"))
                if semi >= 0 and re.match(r"(?:对)?[^,;。]{2,30}?的,", gap[semi + 1 :]):
                    units.append(Unit(cur))
                    cur = []
            # "按…的15%给予资助；其中…部分，资助比例上调至25%": a second rate after a stop is
            # another case, not a part of the first (parts are "分别"/"合计" in one clause)
            prev_rate = next((a for a in reversed(cur) if a.kind == "rate"), None)
            if at.kind == "rate" and prev_rate is not None:
                between = self.doc.norm[prev_rate.end : at.start]
                sent_text = self.doc.norm[self.sents[at.sent].body : self.sents[at.sent].b]
                if re.search(r"[;。]", between) and not re.search(r"分别|合计|两项|各项", sent_text):
                    units.append(Unit(cur))
                    cur = []
                elif (at.clause[0] > prev_rate.clause[0] and self.side_by_side(prev_rate, at)
                      # ("对制造业项目按…的1.5%、对现代服务业项目按…的1%给予奖励": cases parted by 、)
                      or at.clause[0] == prev_rate.clause[0] and re.fullmatch(r"、对[^,;。、]{2,30}", between)
                      and re.match(r"对", self.doc.norm[prev_rate.clause[0] : prev_rate.start])) \
                        and not re.search(r"分别|合计|两项|各项", sent_text):
                    units.append(Unit(cur))
                    cur = []
                    side_by_side = True
            # "…，单个项目最高不超过N万元" after cases side by side: a limit over every case
            # (or after a semicolon: "…比例为N%；每家单位全年补贴最多M万元")
            if (at.kind == "cap" and side_by_side and len(cur) == 1 and cur[0].kind == "rate"
                    and (cur[0].sent == at.sent or "。" not in self.doc.norm[cur[0].end : at.start])
                    and re.match(r"(?:单个|每个|单家|每家|单户|每户)", self.doc.norm[at.clause[0] : at.start])):
                units.append(Unit(cur))
                cur = []
            if at.kind == "rate" and not cur and units and units[-1].atoms[-1].kind in ("tiers",) and units[-1].atoms[-1].sent == at.sent:
                units[-1].atoms.append(at)
                continue
            # "每台（套）20万元，每家单位累计奖励不超过150万元": the cap of the per-unit amount
            # ("每个场景奖励12万元，单家企业累计不超过24万元": an amount for each thing named, capped)
            if (
                at.kind == "cap" and not cur and units and (
                    [a.kind for a in units[-1].atoms] == ["per"]
                    or [a.kind for a in units[-1].atoms] == ["fixed"] and units[-1].atoms[0].per
                    and re.search(r"每(?:个|项|件|场|次|批|款|条|台|套|座|艘|辆|份)", self.doc.norm[units[-1].atoms[0].clause[0] : units[-1].atoms[0].start]))
                and units[-1].atoms[-1].sent == at.sent
                and re.search(r"单个|每家|每个|累计|合计|总额|总计|年度|每年|最高", self.doc.norm[at.clause[0] : at.start])
            ):
                first = units[-1].atoms[0]
                if first.kind == "fixed":  # (the sum for each thing named: an amount per unit)
                    cls = re.match(r"[条台套座艘辆份项件]", first.per or "")
                    first.kind, first.unit = "per", (cls.group(0) if cls else first.per)
                    if cls:
                        first.per = None  # ("每条验收合格的产线": per 条, its words no noun)
                units[-1].atoms.append(at)
                continue
            # "分别按…的N%、M%给予资助，每家最高L万元": the cap of each listed rate
            # ("…的20%、10%给予奖励，最高分别不超过500万元、200万元": a cap for each listed rate)
            if (
                not cur and units and [a.kind for a in units[-1].atoms] == ["each"]
                and units[-1].atoms[0].rates and units[-1].atoms[0].sent == at.sent
                and (at.kind == "cap" or (at.kind == "each" and at.cap and len(at.tiers) == len(units[-1].atoms[0].tiers)))
            ):
                units[-1].atoms.append(at)
                continue
            cur.append(at)
            if at.kind in ("cap", "fixed", "per", "floor", "tiers", "each"):
                units.append(Unit(cur))
                cur = []
        if cur:
            if units and all(a.kind == "cond" for a in cur):
                units[-1].atoms.extend(cur)
            else:
                units.append(Unit(cur))
        return units

    def side_by_side(self, a: Atom, b: Atom) -> bool:
        """Rates a and b are two cases side by side, each clause naming its own in the same way:
        "对甲类项目按…的6%给予奖励，对乙类项目按…的8%…", "甲类企业补助比例为6%，乙类企业补助比例为8%",
        "境内展会按展位费的50%给予补贴，境外展会按展位费的70%…"."""
        n = self.doc.norm
        forms = (
            lambda x: re.match(r"对", n[x.clause[0] : x.start]),
            lambda x: _RATE_OF_CASE.match(n, x.clause[0], x.end),
            lambda x: _CASE_BEFORE_RATE.fullmatch(n, x.clause[0], x.start),
        )
        return any(f(a) and f(b) for f in forms)

    # ----------------------------------------------------------------------------------------
    def source_of_sentences(self, ks: list[int]) -> dict:
        ks = sorted(set(ks))
        a = self.sents[ks[0]].body
        b = self.sents[ks[-1]].b
        return self.doc.source(a, b)

    def unit_span(self, u: Unit, lead: int | None = None) -> tuple[int, int]:
        """The quote of a unit: from its name (`lead`) to the end of its last atom's clause
        ("…的10%予以补助"), or to the "、" before the next amount in that clause
        ("对A类奖励N万元、B类奖励M万元")."""
        a = lead if lead is not None else u.start
        last = max(u.atoms, key=lambda x: x.end)
        b = max(u.end, last.clause[1])
        after = [x.start for x in self.atoms if x not in u.atoms and last.end <= x.start < b]
        if after:
            cut = max((i for i in range(last.end, min(after)) if self.doc.norm[i] in "、,;"), default=None)
            b = cut if cut is not None else last.end
        return self.doc.trim(a, b)


def _amount_fields(u: Unit) -> tuple[dict, list[str]]:
    """kind and amount fields of one unit; notes."""
    rates = u.of("rate")
    caps = u.of("cap")
    fixed = u.of("fixed")
    per = u.of("per")
    floor = u.of("floor")
    actual = u.of("actual")
    notes = [a.note for a in u.atoms if a.note and a.kind != "cond"]
    notes += [f"条件：{a.note.rstrip('。')}。" for a in u.atoms if a.kind == "cond" and a.note]
    d: dict = {}
    if actual:
        at = actual[0]
        if at.some:
            d["kind"] = "none"
            notes.append("“予以一定补助”：金额未规定。")
            return d, notes
        d.update(kind="actual_cost", base=at.base)
        if caps:
            d["cap"] = caps[-1].value
        return d, notes
    bases = []
    for r in rates:
        if r.base not in bases:
            bases.append(r.base)
    if len(rates) >= 2 and len(bases) >= 2:
        d["kind"] = "combined"
        d["components"] = []  # filled by the caller (needs the doc for sources)
        if caps:
            d["cap"] = caps[-1].value
        return d, notes
    if rates:
        r = rates[0]
        d.update(kind="rate_cap", rate=r.value)
        if r.floor:
            d["minimum"] = True  # the schema's floor mark: no maximum is determined (never a cap)
        if r.base:
            d["base"] = r.base
        else:
            notes.append("原文未写比例的计算基数，须审阅。")
        if caps:
            d["cap"] = caps[-1].value
        elif fixed:
            d["cap"] = fixed[-1].value
            notes.append("金额读作上限，须审阅。")
        return d, notes
    if per:
        p = per[0]
        d.update(kind="per_unit", unit_amount=p.value, unit=p.unit)
        for a in u.atoms:
            m = _DURATION.search(a.clause_text or "")
            if m:
                notes.append(f"原文“{m.group(0)}”：期限，未计入金额上限。")
                break
        if p.per:
            d["per"] = p.per
        extra = [c for c in caps if c is not p]
        if extra:
            d["cap"] = extra[-1].value
        return d, notes
    if caps:
        c = caps[-1]
        d.update(kind="cap_only", cap=c.value)
        if c.per:
            d["per"] = c.per
        return d, notes
    if fixed:
        f = fixed[0]
        d.update(kind="fixed", fixed=f.value)
        if f.per:
            d["per"] = f.per
        return d, notes
    if floor:
        f = floor[0]
        d.update(kind="fixed", fixed=f.value, minimum=True)
        if f.per:
            d["per"] = f.per
        notes.append("原文为下限（不低于），最高金额未定。")
        return d, notes
    return {}, notes


_NAME_DROP = re.compile(
    r"(?:(?:给予|予以)(?:个人|企业|单位)|单个项目|每个项目|单个|每个|每家|每一|按照|按|对|给予|予以|安排|一次性|定额|补助资金总额|补助资金|补助金额|补助额|支持额度|支持金额|资金|额度|总额|"
    r"最高|一般|不超过|不高于|奖励|补助|补贴|资助|支持|扶持|的|为|其中|上限|封顶)+$"
)


def _clean_name(text: str) -> str:
    t = text.strip(",;:、 ")
    t = re.sub(r"^(?:对于|对|其中|另外|此外|并|且)", "", t)
    if re.fullmatch(r"(?:择优|分档|按档|统一|原则上|根据[^,;。]{0,20}?(?:结果|情况))(?:给予|予以)?", t):
        return ""  # how the award is decided, not whom it is for
    prev = None
    while prev != t:
        prev = t
        t = _NAME_DROP.sub("", t).strip(",;:、 ")
        t = re.sub(r"(?:单个|每个|每家)(?:[^,;。]{0,8})?$", lambda m: "" if len(m.group(0)) <= 8 else m.group(0), t)
        t = re.sub(r"(?:并且|且|同时)$", "", t)  # "…台阶且" before a condition read as data
    return t


def parse_award(section: Section, file: str, heading: str | None = None, context: Section | None = None) -> Parsed:
    """补助标准 / 支持方式 / 政策优惠: kind and amounts (see the module docstring).

    `heading`: the program's heading as printed, without its numbering (optional).  It is read
    for two things only, never for numbers: a first amount named by the heading itself
    ("X项目按不超过…N%…；Y的项目，按…实际支出…" under the heading X项目) is the program's own
    rule, the other named cases its variants; and a clause without any amount under a heading
    that names a status ("…认定", "…示范企业", "…公告", "…目录"), such as "具体优惠以…通知为
    准" or an empty section, is a recognition rather than a fund whose amount is unknown
    (a heading naming money — 资金, 补助, 贴息, 补偿 … — or a clause saying 另行通知 keeps none)."""
    doc = Doc.build(section, file)
    aw = _Award(doc)
    aw.heading = _heading_core(heading)
    aw.context = Doc.build(context, file) if context else None
    aw.scan()
    out = Parsed()
    if not aw.live:
        out.todo.extend(aw.extra_todo)  # sentences too long to read are listed, even when nothing else is
        if aw.heading and _recognition_heading(aw.heading) and not aw.extra_todo:
            out.data = {"kind": "recognition", "note": f"原文未写支持方式；据标题“{aw.heading}”按认定（资格）记，须审阅。"}
        return out
    units = [u for u in aw.units() if any(a.kind != "cond" for a in u.atoms)]
    stages = _two_stage(aw, units)
    used: set[int] = set()
    if stages:
        out.data, used_more = stages
        used |= used_more
    elif not units:
        out.data, used_more = _no_amount(aw)
        used |= used_more
    else:
        out.data, used_more = _with_units(aw, units)
        used |= used_more
        _paid_in_two_stages(out.data)
    _attach_named_first_payments(out.data, [(name, fp) for _s, _e, _k, fp, name in aw.firsts if name])
    if out.data:
        used |= aw.used_sents  # else a first payment had nothing to attach to: its sentence is todo
    # dated windows in the award clause ("对2021年1月1日(含)至2021年12月31日(含)期间…贷款利息")
    if out.data.get("kind") not in (None, "none", "recognition"):
        from subsidykit.authoring.clause_conditions import read_conditions

        for k in sorted(used):
            s = aw.sents[k]
            for t in read_conditions(doc, s.body, s.b, dates_only=True):
                out.data.setdefault("thresholds", []).append(t)
            for t in _lead_in_counts(aw, k):
                out.data.setdefault("thresholds", []).append(t)
    if out.data.get("kind") not in (None, "none", "recognition") and "quota" not in out.data:
        ks = sorted(used)
        _award_quota(aw, ks, out.data)
        used |= set(ks)
    # an amount in words the reader could not take ("三万五千元", "数十万元"): listed, never
    # passed over as "no amount"
    listed = {tuple(t["lines"]) + (t["text"],) for t in out.todo}
    for k in aw.live:
        s = aw.sents[k]
        words = re.search(r"[一二两三四五六七八九十百千零〇数几]+[万亿]?[一二两三四五六七八九十百千零〇]*(?:万元|亿元|元)", doc.norm[s.body : s.b])
        if words and not any(a.sent == k and a.kind in ("fixed", "cap", "per", "floor") for a in aw.atoms):
            t = _todo(doc, s, f"金额以汉字写出（“{words.group(0)}”），未能读出，须人工核对。")
            if tuple(t["lines"]) + (t["text"],) not in listed:
                out.todo.append(t)
                used.add(k)
    # what was not read
    out.todo.extend(aw.extra_todo)
    dropped = _dropped_atoms(aw, out.data)
    for k in aw.live:
        s = aw.sents[k]
        if k not in used:
            out.todo.append(_todo(doc, s))
            continue
        left = _left_numbers(aw, k)
        lost = [doc.chars[a.start : a.end] for a in dropped if a.sent == k]
        if left or lost:
            note = "；".join(x for x in (
                "已解析部分金额；未解析的数字：" + "、".join(left) if left else None,
                "识别出但未写入数据的金额：" + "、".join(lost) + "（须审阅）" if lost else None,
            ) if x)
            out.todo.append(_todo(doc, s, note))
    return out


def read_first_payment(section: Section, file: str) -> dict | None:
    """The first payment a section states on its own, with no amount to attach it to ("兑现方式：
    立项后先行拨付55%，验收后拨付余款。" in rules that detail an article whose
    amount stands elsewhere): `{share|amount, source}`, or None (none, or two of them)."""
    doc = Doc.build(section, file)
    aw = _Award(doc)
    aw.scan()
    found = [fp for _s, _e, _k, fp, name in aw.firsts if not name]
    return found[0] if len(found) == 1 else None


# "每年择优遴选N名青年骨干，给予…": how many the award clause itself says are chosen
_AWARD_QUOTA = re.compile(
    r"(?:择优)?(?:遴选|评选|选拔|择优支持|重点支持|重点培育)(?:出的?)?(?P<num>\d+)(?P<unit>名|个|家|项|户|人|所|支)(?!以上|以下|以内|及以上|\(含\))"
)
# "（本年度）立项数量最多N项", "资助名额：N家": a count the prose names as the quota, in a
# sentence of its own or at the end of the award sentence
_NAMED_QUOTA = re.compile(
    r"(?<![\u4e00-\u9fff])(?:(?:本|全|每)?年度?)?(?:支持|奖励|立项|资助|扶持|补助)(?:数量|名额|个数)(?:为|:)?(?:原则上|一般)?"
    r"(?:不超过|不多于|最多|至多|控制在)?(?P<num>\d+)(?P<unit>个|家|项|名|户|所|期|批)"
    # ("不超过15家单位": what is counted after the count)
    r"(?:企业|项目|单位|平台|机构)?(?![\u4e00-\u9fff\d])"
)


# the part of a named quota right after it: "（其中，A类项目不超过N个）", "，其中A类不超过N个"
_QUOTA_PART = re.compile(
    r"[(,;]?其中[,:]?(?P<name>[^,;:。()]{2,24}?)(?:不超过|不多于|最多|至多|控制在)(?P<num>\d+)(?P<unit>个|家|项|名|户)(?:以内)?(?=[),;。]|$)"
)


def _award_quota(aw: _Award, ks: list[int], data: dict) -> None:
    """A number chosen named in the award clause ("每年从…中遴选N名…对象") as the quota, when the
    clause names one such number (two would be two groups: left to the reviewer)."""
    doc, n = aw.doc, aw.doc.norm
    hits = []
    for k in ks:
        s = aw.sents[k]
        for m in _AWARD_QUOTA.finditer(n, s.body, s.b):
            if aw.free(m.start("num"), m.end("unit")) and aw.depth_at(k, m.start()) == 0:
                hits.append((k, m))
    if not hits:
        # the heading word may end a sentence of its own ("支持数量：" then "不超过N个。")
        named = [(k, m) for m in _NAMED_QUOTA.finditer(n) for k in aw.live
                 if aw.sents[k].body <= m.start("num") < aw.sents[k].b and aw.free(m.start("num"), m.end("unit"))]
        if len(named) == 1:
            k, m = named[0]
            if k not in ks:
                ks.append(k)
            qa, qb = doc.trim(m.start(), m.end())
            note = f"读法：“{doc.chars[qa:qb]}”为支持数量。"
            if re.search(r"年", n[m.start() : m.start("num")]):
                note += "原文为每年（本年度）的数量。"
            data["quota"] = {"value": dec(m.group("num")), "source": doc.source(qa, qb), "note": note}
            aw.covered.append((m.start("num"), m.end("unit")))
            # "支持数量：不超过9个（其中，甲类项目不超过3个）": the part a class is given
            pm = _QUOTA_PART.match(n, m.end())
            if pm:
                pa, pb = doc.trim(pm.start("name"), pm.end("unit"))
                data["quota_parts"] = [{"name": pm.group("name"), "value": dec(pm.group("num")), "source": doc.source(pa, pb)}]
                aw.covered.append((pm.start("num"), pm.end("unit")))
        return
    if len(hits) != 1:
        return
    k, m = hits[0]
    clause = aw.clause_of(k, m.start())
    if len(re.findall(r"\d+" + re.escape(m.group("unit")), n[clause[0] : clause[1]])) > 1:
        return  # "遴选20名A和50名B": two groups, no one quota
    qa, qb = doc.trim(clause[0], m.end())
    note = f"读法：补助标准中“{doc.chars[m.start():m.end()]}”为支持数量。"
    if re.search(r"每年|年度|每批", n[clause[0] : m.start()]):
        note += "原文为每年（每批）的数量。"
    data["quota"] = {"value": dec(m.group("num")), "source": doc.source(qa, qb), "note": note}
    aw.covered.append((m.start("num"), m.end("unit")))


# "对年培养N名以上技师的企业，按每人…": who the award is for, a count with a counting
# word of DOMAIN.md (以上/以下/以内 include; "N年内" = "N年以内"; 不超过 at most, 未满/不满
# below); "N周岁"/"N岁" is an age ("年龄不超过35周岁", "45周岁（含）以下")
_LEAD_COUNT = re.compile(
    r"(?P<subj>[\u4e00-\u9fff]{0,8}?)(?P<pre>不超过|不高于|不大于|不低于|不少于|未满|不满|超过|低于|小于)?(?:为|在)?"
    r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})(?P<unit>周岁|岁|名|人|家|个|项|年|个月)"
    r"(?P<inc1>\(含\))?(?P<word>以上|以下|以内|内)?(?P<inc2>\(含\)|\(不含\))?(?P<noun>[\u4e00-\u9fff]{0,10}?)(?=的|,|、|$)"
)


def _lead_in_counts(aw: _Award, k: int) -> list[dict]:
    """Counts in the "对…的" lead-in of sentence k (the words naming who gets the award) as
    thresholds of the program: "对年培养N名以上技师的企业" -> 年培养技师数量 >= N 人,
    "对N周岁以下…的" / "对年龄不超过N周岁的" -> 年龄 <= N 年, "对毕业N年内…的" -> 毕业年限 <= N 年."""
    from subsidykit.authoring.clause_numbers import COUNT_UNITS, cn_number, operator

    doc, n = aw.doc, aw.doc.norm
    s = aw.sents[k]
    lm = re.match(r"(?:其中,?)?(?:对于|对)", n[s.body : s.b])
    if not lm:
        return []
    a = s.body + lm.end()
    de = n.find("的", a, s.b)
    comma = min([i for i in (n.find(",", a, s.b), n.find(";", a, s.b)) if i >= 0] or [s.b])
    if de < 0 or de > comma:
        return []
    out = []
    for m in _LEAD_COUNT.finditer(n, a, de):
        unit_raw, word, pre = m.group("unit"), m.group("word"), m.group("pre")
        age = unit_raw in ("周岁", "岁")
        if not (word or pre):
            continue
        num = m.group("num")
        if not num[0].isdigit() and not (age or unit_raw in ("年", "个月")):
            continue  # "一家", "两个": words, not counts of who
        end = max(m.end(g) for g in ("unit", "inc1", "word", "inc2") if m.group(g))
        if not aw.free(m.start("num"), end):
            continue
        if word == "内" and unit_raw not in ("年", "个月"):
            continue
        if unit_raw == "年" and re.fullmatch(YEAR, num):
            continue  # "于2030年内并网": a year, not a count of years
        unit = "年" if age else COUNT_UNITS[unit_raw]
        inc = "(含)" in ((m.group("inc1") or "") + (m.group("inc2") or ""))
        op = operator(pre, "以内" if word == "内" else word, inc, m.group("inc2") == "(不含)")
        if op is None:
            continue
        subj, noun = m.group("subj"), m.group("noun")
        qa, qb = m.start(), m.end()
        if age:
            at = subj.rfind("年龄")
            qa = m.start("subj") + at if at >= 0 else m.start("pre" if pre else "num")
            fld, qb = "年龄", end
        elif unit in ("年", "月"):
            # "毕业5年内首次…就业的": the years since the act named before the number
            if not subj:
                continue
            fld, qb = f"{subj}年限", end
        else:
            fld = f"{subj}{noun}数量" if noun else (f"{subj}数量" if subj else "")
        if not fld:
            continue
        note = "读法：受奖对象的条件（“对…的”）。"
        if unit_raw != unit and unit_raw not in ("个月",):
            note += f"原文单位“{unit_raw}”，按“{unit}”计。"
        if word == "内":
            note += f"“{unit_raw}内”即“{unit_raw}以内”，含本数。"
        value = dec(num) if num[0].isdigit() else dec(cn_number(num))
        aw.covered.append((m.start("num"), end))
        out.append({
            "field": fld, "op": op, "value": value, "unit": unit,
            "label": doc.quote(qa, qb).replace("……", ""), "source": doc.source(qa, qb), "note": note,
        })
    return out


def _dropped_atoms(aw: _Award, data: dict) -> list[Atom]:
    """Amounts the scan read (a rate, cap, fixed or per-unit amount) whose value stands nowhere in
    the data made of them: never dropped in silence."""
    written: set[Decimal] = set()

    def walk(d) -> None:
        if isinstance(d, list):
            for x in d:
                walk(x)
        elif isinstance(d, dict):
            for key, v in d.items():
                if key in ("rate", "cap", "fixed", "unit_amount", "minimum", "share", "amount", "value") and isinstance(v, Decimal):
                    written.add(v)
                elif key not in ("source", "thresholds") and isinstance(v, (dict, list)):
                    walk(v)

    walk(data)
    if not data or data.get("kind") in (None, "none", "recognition"):
        return []
    return [a for a in aw.atoms if a.kind in ("rate", "cap", "fixed", "per") and isinstance(a.value, Decimal) and a.value not in written]


def _left_numbers(aw: _Award, k: int) -> list[str]:
    s = aw.sents[k]
    n = aw.doc.norm
    out = []
    for m in re.finditer(r"\d+(?:\.\d+)?", n[s.body : s.b]):
        p, q = s.body + m.start(), s.body + m.end()
        if any(x <= p and q <= y for x, y in aw.covered):
            continue
        # dates and years inside a base, a window or a condition are words here, not amounts
        if re.match(r"年|月|日", n[q : q + 1]) or re.match(YEAR + r"$", m.group(0)):
            continue
        out.append(aw.doc.chars[p:q] + (n[q] if q < s.b and n[q] in "%万亿元个年" else ""))
    return out


RECOGNITION_HEADING = re.compile(
    r"认定|称号|名单|名录|目录|公告|示范|评定|评选|遴选|培育|创建|标杆|领跑者|冠军|小巨人|专精特新|中心|基地|机构|遗产"
)
MONEY_HEADING = re.compile(r"资金|补助|奖励|补贴|贴息|补偿|奖补|基金|资助|保险|贷款|扶持|奖金|配套")  # 配套: matching funds
LATER_WORDS = re.compile(r"另行(?:通知|制定|明确|发布)")


def _heading_core(heading: str | None) -> str | None:
    """The heading's words: numbering, "（免申直达）", quotes and white space taken off."""
    if not heading:
        return None
    h = re.sub(r"\s+", "", heading)
    h = re.sub(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))", "", h)
    h = NO_APPLICATION.sub("", h).strip("。.:：，, ")
    return h or None


def _recognition_heading(heading: str) -> bool:
    return bool(RECOGNITION_HEADING.search(heading)) and not MONEY_HEADING.search(heading)


def _no_amount(aw: _Award) -> tuple[dict, set[int]]:
    """No amount in the clause: a recognition ("授予…称号", "列入…名录", "认定为…") or none
    ("另行通知", "以…通知为准", "给予一定…支持"); see `parse_award` for the heading."""
    doc, n = aw.doc, aw.doc.norm
    live = aw.live

    def body(k: int) -> str:
        return n[aw.sents[k].body : aw.sents[k].b]

    text = "".join(body(k) for k in live)
    trig = [k for k in live if NONE_WORDS.search(body(k))]
    rec = [k for k in live if RECOGNITION_WORDS.search(body(k))]
    numbers = [k for k in live if re.search(r"\d", body(k))]
    by_heading = (
        bool(aw.heading) and _recognition_heading(aw.heading)
        and not MONEY_WORDS.search(text) and not LATER_WORDS.search(text)
    )
    if rec and not trig:
        # "授予…牌匾；符合…的给予资金": the status is the benefit; money named
        # without an amount goes to the note
        ks = rec
        data = {"kind": "recognition"}
        money = [k for k in live if k not in rec and MONEY_WORDS.search(body(k))]
        money += [k for k in rec if MONEY_WORDS.search(body(k))]
        if money:
            data["note"] = "另提及资金，未给金额：" + "；".join(_plain(doc, aw.sents[k]) for k in sorted(set(money)))
            ks = sorted(set(rec) | set(money))
    elif trig and by_heading:
        # "具体优惠以…通知为准" under "…中心" / "…认定": a status, no amount
        ks = ([k for k in live if k <= max(trig) and k not in numbers] or trig) if len(live) <= 3 else trig
        data = {
            "kind": "recognition",
            "note": "未规定金额：" + "；".join(_plain(doc, aw.sents[k]) for k in trig)
            + f"；据标题“{aw.heading}”按认定（资格）记，须审阅。",
        }
    elif trig:
        ks = ([k for k in live if k <= max(trig) and k not in numbers] or trig) if len(live) <= 3 else trig
        data = {"kind": "none", "note": "未规定金额：" + "；".join(_plain(doc, aw.sents[k]) for k in trig)}
    elif not numbers:
        ks = live[:1]
        if by_heading:
            data = {"kind": "recognition", "note": f"原文未写金额；据标题“{aw.heading}”按认定（资格）记，须审阅。"}
        else:
            data = {"kind": "none", "note": "原文未写金额。"}
    else:
        return {}, set()
    ks = [k for k in ks if k not in numbers] or ks
    data["source"] = aw.source_of_sentences(_contiguous(ks))
    return data, set(_contiguous(ks))


def _contiguous(ks: list[int]) -> list[int]:
    """The first run of consecutive sentence indexes (a quote is one stretch)."""
    ks = sorted(set(ks))
    run = ks[:1]
    for k in ks[1:]:
        if k == run[-1] + 1:
            run.append(k)
        else:
            break
    return run


def _plain(doc: Doc, s: Sent) -> str:
    a, b = doc.trim(s.body, s.b)
    return doc.quote(a, b).replace("……", "").rstrip("。")


def _components(aw: _Award, rates: list[Atom]) -> list[dict]:
    doc = aw.doc
    out = []
    names = set()
    for r in rates:
        after = re.match(r"(?:的?比例)?(?:予以|给予|进行)?(?P<w>贴息|补助|补贴|奖励)?", doc.norm[r.end : r.clause[1]])
        if re.search(r"贴息|利息", r.base or "") or (after and after.group("w") == "贴息"):
            name = "贷款贴息"
        else:
            name = "设备补助" if re.search(r"设备", r.base or "") and len(r.base or "") > 8 else f"{r.base or ''}补助"
        if name in names:
            name = f"{name}（{len(names) + 1}）"
        names.add(name)
        a, b = doc.trim(r.start, r.end)
        tail = re.match(r"(?:予以|给予)(?:补助|贴息|补贴|奖励)", doc.norm[b : b + 4])
        if tail:
            b += tail.end()
        c = {"name": name, "rate": r.value, "source": doc.source(r.base_span[0] if r.base_span and r.base_span[0] < a else a, b)}
        if r.base:
            c = {"name": name, "base": r.base, "rate": r.value, "source": c["source"]}
        if r.note:
            c["note"] = r.note
        out.append(c)
    return out


def _with_units(aw: _Award, units: list[Unit]) -> tuple[dict, set[int]]:
    doc = aw.doc
    used = {a.sent for u in units for a in u.atoms}
    _attach_first_payments(aw, units)
    # rates in several units closed by a "合计" cap: one combined award
    last = units[-1]
    if len(units) >= 2 and [a.kind for a in last.atoms] == ["cap"] and TOTAL_WORDS.search(doc.norm[last.atoms[0].clause[0] : last.atoms[0].end]):
        if all(u.of("rate") and not (u.of("cap") or u.of("fixed")) for u in units[:-1]) or all(a.kind in ("rate", "cond") for u in units[:-1] for a in u.atoms):
            rates = [a for u in units[:-1] for a in u.of("rate")]
            if rates:
                cap = last.atoms[0]
                data = {"kind": "combined", "cap": cap.value, "components": _components(aw, rates)}
                k = cap.sent
                data["source"] = doc.source(*doc.trim(cap.clause[0], aw.sents[k].b), cap.note)
                if len(rates) < 2:
                    data["note"] = "只读出一个部分的比例，其余部分见 todo。"
                fps = [u.first_payment for u in units if u.first_payment]
                if fps:
                    data["first_payment"] = fps[0]
                return data, used
    if len(units) == 1:
        u = units[0]
        if u.of("tiers") or u.of("each"):
            d = {"source": aw.source_of_sentences(sorted({a.sent for a in u.atoms}))}
            if u.first_payment:
                d["first_payment"] = u.first_payment
            got = _tier_list(aw, u, d) if u.of("tiers") else _each_list(aw, u, d)
            for v in got["variants"]:
                v.pop("_listed", None)
            return got, used
        d, notes = _amount_fields(u)
        if not d:
            return {}, set()
        if d["kind"] == "combined":
            d["components"] = _components(aw, u.of("rate"))
        ks = sorted({a.sent for a in u.atoms})
        d["source"] = aw.source_of_sentences(ks)
        if u.first_payment:
            d["first_payment"] = u.first_payment
        if notes:
            d["note"] = "".join(dict.fromkeys(notes))
        _add_conditions(aw, u, d)
        _interest_part(aw, u, d)
        return d, used
    # several units: tiers of one program
    variants = []
    names: set[str] = set()
    prev_end: dict[int, int] = {}
    for i, u in enumerate(units):
        listed = u.of("tiers") or u.of("each")
        d, notes = _amount_fields(u) if not listed else ({"kind": "tiered"}, [])
        if not d:
            continue
        k = u.atoms[0].sent
        s = aw.sents[k]
        seg_start = prev_end.get(k, s.body)
        name, lead, qualifier = _unit_name(aw, u, seg_start)
        if qualifier:
            name = f"{name}（{qualifier}）" if name else qualifier
        a, b = aw.unit_span(u, lead)
        if listed:
            # "补助额分为N、M万元两档": one variant per tier
            sub = _tier_list(aw, u, {"source": doc.source(a, b)}) if u.of("tiers") else _each_list(aw, u, {"source": doc.source(a, b)})
            for j, v in enumerate(sub["variants"]):
                if v.pop("_listed", False):
                    # named by the list of applicants: the unit's words only tell two lists apart
                    if v["name"] in names:
                        v["name"] = f"{v['name']}（{name}）" if name else f"{v['name']}{_cn_index(i + 1)}"
                else:
                    v["name"] = f"{name}{v['name']}" if name else v["name"]
                if v["name"] in names:
                    v["name"] = f"{v['name']}{_cn_index(j + 1)}"
                names.add(v["name"])
                if u.first_payment and "first_payment" not in v:
                    v["first_payment"] = u.first_payment
                variants.append(v)
            prev_end[k] = max(prev_end.get(k, s.body), b + 1)
            continue
        unnamed = not name
        if not name or name in names:
            name = f"{name or '子类'}{_cn_index(i + 1)}"
        names.add(name)
        if d["kind"] == "combined":
            d["components"] = _components(aw, u.of("rate"))
        _add_conditions(aw, u, d)
        if d.get("per") and d["per"] in name:
            d.pop("per")
        v = {"name": name, **d, "source": doc.source(a, b)}
        if u.first_payment:
            v["first_payment"] = u.first_payment
        if notes:
            v["note"] = "".join(dict.fromkeys(notes))
        if "minimum" in v:
            v.pop("minimum")
            if v.get("kind") == "rate_cap":
                # a variant has no floor mark: a least share written as its rate would read as its
                # most; the share is left to the reviewer
                for key in ("rate", "cap", "base"):
                    v.pop(key, None)
                v["kind"] = "none"
                v["note"] = "原文为下限比例（不低于），目录的子类没有下限标记，比例未写入，见 todo。"
                aw.extra_todo.append(_todo_at(doc, a, b, "下限比例（不低于）：子类无下限标记，未写入，须审阅。"))
            else:
                v["note"] = _join(v.get("note"), "原文为下限（不低于）。")
        if unnamed:
            v["_unnamed"] = True
        variants.append(v)
        prev_end[k] = max(prev_end.get(k, s.body), b + 1)
    if not variants:
        return {}, set()
    ks = sorted({a.sent for u in units for a in u.atoms})
    # "累计奖励最高N万元", "同一单位当年奖补合计不超过N万元": a limit over the other amounts, not
    # a sub-class of its own
    scope = [v for v in variants if v.get("kind") == "cap_only" and (
        _SCOPE_NAME.search(v.get("name", ""))
        # "对甲类…6%…，对乙类…8%…，单个项目最高不超过N万元": unnamed, the limit of every case
        or (v.get("_unnamed") or re.fullmatch(r"(?:企业|项目|单位|机构|主体)?(?:年度|每年|当年)?", v.get("name", "")))
        and _SCOPE_TEXT.match(str((v.get("source") or {}).get("text", ""))))]
    # ("单个企业年度补贴最高不超过10万元": named "企业年度" by its words, still no case of its own)
    if scope and len(scope) < len(variants):
        rest = [v for v in variants if v not in scope]
        if len(rest) == 1 and rest[0].get("cap") is None and rest[0].get("kind") in ("per_unit", "rate_cap"):
            # "每人0.5万元……同一单位当年奖补合计不超过45万元": the one amount's cap
            only = {k: val for k, val in rest[0].items() if k not in ("_unnamed", "name")}
            only["cap"] = scope[0]["cap"]
            only["note"] = _join(only.get("note"), "上限原文：" + "；".join(str(x["source"]["text"]).rstrip("。；;") for x in scope) + "。")
            only["source"] = aw.source_of_sentences(ks)
            return only, used
        if len(rest) >= 2:
            data = _variants_data(aw, [dict(v) for v in rest], ks, used)
            if data.get("kind") == "tiered":
                for x in scope:  # a first payment that followed the limit is the program's
                    if x.get("first_payment") and "first_payment" not in data:
                        data["first_payment"] = x["first_payment"]
                return with_total_cap(data, scope), used
        if len(rest) == 1 and rest[0].get("_unnamed") and variants[0] in scope:
            # "同一用户单位年度累计…不超过250万元：（1）…按15%…单台最高120万元": the limit said
            # before the rule, read as when it follows it (the rule, the limit a case of it)
            variants = rest + scope
        # otherwise (a general rule with cases, an amount with its own cap) the limit stays one of
        # the cases, as the clause reads
    return _variants_data(aw, variants, ks, used), used


_SCOPE_TEXT = re.compile(r"(?:单个|每个|单家|每家|单户|每户)[^,，;；。]{0,12}?(?:最高|不超过|不得超过|上限)")
_SCOPE_NAME = re.compile(r"^(?:累计|合计|上述|以上|两项|各项|同一|单个(?:企业|单位)|单家|单户|每家企业|年度)")


def with_total_cap(data: dict, scope: list[dict]) -> dict:
    """The limit over all of a program's amounts as the tiered program's `cap`, cited by the
    program's quote (a variant's quote does not hold it, so no variant gets it); the engine pays a
    variant by its own amounts, so the note asks the reviewer to apply the limit."""
    cap = scope[0]["cap"]
    said = "；".join(str(x["source"]["text"]) for x in scope)
    if data.get("kind") == "tiered":
        data["cap"] = cap
        data["note"] = _join(data.get("note"), f"合计上限“{said}”写为项目 cap（各子类合计），子类金额不受其自动限制，须审阅。")
    else:
        data["note"] = _join(data.get("note"), f"合计上限“{said}”未写入（目录无跨子类上限），须审阅。")
    return data


def _variants_data(aw: _Award, variants: list[dict], ks: list[int], used: set[int]) -> dict:
    unnamed = [v for v in variants if v.pop("_unnamed", False)]
    if not unnamed and len(variants) >= 2 and _same_name(variants[0]["name"], aw.heading):
        # "X项目按不超过…N%…。Y的项目，按…" under the heading X项目: the heading's own rule
        unnamed = [variants[0]]
    if len(unnamed) == 1 and unnamed[0] is variants[0] and len(variants) >= 2:
        # "按不超过…20%…300万元。承担…公益类服务平台，按实际支出予以补助。": the general rule is
        # the program's own, the named cases are variants of it
        general = variants.pop(0)
        general.pop("name")
        general["note"] = _join(general.get("note"), "一般规定；下列子类另有规定，子类名称取自原文，须审阅。")
        general["variants"] = variants
        return general
    same = _shared_amount(variants)
    if same:
        # "对获得A的给予N万元；对获得B的给予N万元": one amount, named cases
        data = {**same, "source": aw.source_of_sentences(ks), "variants": [_case_only(v) for v in variants]}
        data["note"] = "各子类金额相同，写在项目上；子类名称取自原文，须审阅。"
        return data
    data = {"kind": "tiered", "variants": variants, "source": aw.source_of_sentences(ks)}
    data["note"] = "按子类给出金额；子类名称取自原文，须审阅。"
    return data


_AMOUNT_KEYS = ("kind", "base", "rate", "cap", "fixed", "unit_amount", "unit", "per", "components", "stages")


def _shared_amount(variants: list[dict]) -> dict | None:
    """The amount fields every variant has alike (kind and numbers), or None."""
    if len(variants) < 2:
        return None
    first = {k: variants[0][k] for k in _AMOUNT_KEYS if k in variants[0]}
    if first.get("kind") in (None, "none", "tiered") or not any(k in first for k in ("rate", "cap", "fixed", "unit_amount")):
        return None
    for v in variants[1:]:
        if {k: v[k] for k in _AMOUNT_KEYS if k in v} != first:
            return None
    return first


def _case_only(v: dict) -> dict:
    """A variant whose amounts moved to the program: its name, quote and the rest."""
    return {k: val for k, val in v.items() if k not in _AMOUNT_KEYS}


def _cn_index(i: int) -> str:
    return "一二三四五六七八九十"[i - 1] if 1 <= i <= 10 else str(i)


def _unit_name(aw: _Award, u: Unit, seg_start: int) -> tuple[str, int, str | None]:
    """(name, where the variant's quote starts, qualifier from a "X的，" lead-in)."""
    doc, n = aw.doc, aw.doc.norm
    first = min(u.atoms, key=lambda x: x.start)
    k = first.sent
    s = aw.sents[k]
    clauses = [c for c in doc.clauses(s.body, s.b)]
    # the atom's own clause: its words in front of the atom
    own = first.clause
    lead = max(own[0], seg_start)
    pre = doc.chars[lead : first.start]
    pre_n = n[lead : first.start]
    # per noun "A类工厂每家企业" -> A类工厂
    pre_n2 = re.split(r"单个|每个|每家|每一", pre_n)[0] if re.search(r"单个|每个|每家|每一", pre_n) else pre_n
    name = _clean_name(doc.chars[lead : lead + len(pre_n2)])
    if re.search(r"单个|每个|每家", pre_n) and not name:
        # "单个A类产品支持额度" -> A类产品
        tail = re.split(r"单个|每个|每家", pre)[-1]
        # ("单个奖励最多N万": the award's own words name no class)
        cand = _clean_name(re.sub(r"(?:奖励|补助|补贴|资助|奖补|支持)?(?:额度|金额)?(?:最多|最高|至多|不超过|上限)?$", "", tail))
        if cand and cand != "项目" and not cand.endswith("项目"):
            name = cand
    name = re.sub(r"^(?:给予|予以|由|向|按照|按)", "", name)
    # "从本地申报当选的科学院院士": how they were chosen qualifies the name; the name is who
    dm = re.fullmatch(r"(?:从[^()的]*|[^()的]*申报[^()的]*)的(?P<tail>[^()的]{4,})", name)
    if dm:
        name = dm.group("tail")
    if name in ("项目", "企业", "单位", "个人", "人才", "其") or re.search(r"^\d|每|连续", name):
        name = ""

    qualifier = None
    # clauses of the segment before the atom's clause: "重大展会项目完成后，以…为基数，按…"
    before = [c for c in clauses if seg_start <= c[0] and c[1] <= own[0]]
    before = [c for c in before if not BASIS.search(n[c[0] : c[1]]) and not re.search(r"\d", n[c[0] : c[1]])]
    if not name:
        # "第3至4名为二档，每市1200万元": the grade the clause before names
        for c in reversed([c for c in clauses if seg_start <= c[0] and c[1] <= own[0]]):
            gm = re.search(r"(?:为|属|是|列)(?P<g>[一二三四五六七八九十]{1,2}档|[A-Ea-e]档|第[一二三四五六七八九十]{1,2}档)[:：]?$", n[c[0] : c[1]])
            if gm:
                name, lead = doc.chars[c[0] + gm.start("g") : c[0] + gm.end("g")], c[0]
                break
            if re.search(r"\d", n[c[0] : c[1]]) is None:
                break
    if not name:
        for c in before:
            m = _TYPE_NOUN.match(n, c[0], c[1])
            if m:
                name, lead = _clean_name(doc.chars[m.start("name") : m.end("name")]), c[0]
                break
    if not name and before:
        c = before[-1]
        text = _clean_name(doc.chars[c[0] : c[1]])
        if text and not n[c[0] : c[1]].rstrip().endswith("的"):
            name, lead = text, c[0]
        elif n[c[0] : c[1]].rstrip().endswith("的") and clauses and c != clauses[0]:
            # "分档支持：评估为“优秀”的，支持200万元": the clause right before names whom this
            # amount is for (the sentence's first such clause qualifies all its units, below)
            at = c[0] + (n[c[0] : c[1]].rindex(":") + 1 if ":" in n[c[0] : c[1]] else 0)
            cand = _clean_name(doc.chars[at : c[1]].rstrip().removesuffix("的"))
            if cand and not re.search(r"\d", cand):
                name, lead = cand, at
    if not name:
        # "其中，设备投资额2000万元（含）以上的技改项目，资助比例上调至12%": the noun the bound
        # qualifies names the sub-class
        for c in reversed([c for c in clauses if seg_start <= c[0] <= own[0]]):
            m = re.search(r"的(?P<noun>[^\d,;:。的()]{2,12})[,;:]?$", n[c[0] : c[1]])
            if m and re.search(r"\d", n[c[0] : c[1]]):
                cand = _clean_name(doc.chars[c[0] + m.start("noun") : c[0] + m.end("noun")])
                if cand and cand not in ("项目", "企业", "单位"):
                    name = cand
                    break
    if not name:
        # "…每月给予5000元生活补贴": the benefit named after the amount
        last = max(u.atoms, key=lambda x: x.end)
        m = _BENEFIT.match(n, last.end, last.clause[1])
        if m:
            name = re.sub(r"^(?:给予|予以|发放|提供|进行|的)+", "", doc.chars[m.start("w") : m.end("w")])
            if re.fullmatch(r"(?:一次性)?(?:补贴|奖励|资助|补助|贴息|奖金|奖补)?", name):
                name = ""  # "…20%给予补助": the award itself, no sub-class
    # "X的，…": a lead-in of the sentence qualifies every unit in it
    sent_clauses = doc.clauses(s.body, s.b)
    if sent_clauses:
        c0 = sent_clauses[0]
        t0 = n[c0[0] : c0[1]]
        if c0[1] <= first.start and re.search(r"的(?:\([^()]*\))?$", t0) and not any(a.start < c0[1] and a.sent == k for a in aw.atoms if a.kind != "cond"):
            cut = re.search(r"的(?:\([^()]*\))?$", t0)
            qualifier = _clean_name(doc.chars[c0[0] : c0[0] + cut.start()]) or None
            if lead <= c0[1]:
                lead = min(lead, c0[0])
    return name, lead, qualifier


def _add_conditions(aw: _Award, u: Unit, d: dict) -> None:
    """A unit's conditions ("…未满3000万元的，给予…") as thresholds of the program or variant."""
    conds = [a.data for a in u.atoms if a.kind == "cond" and a.data]
    if conds:
        d.setdefault("thresholds", []).extend(conds)


_INTEREST = re.compile(r"(?:给予|予以|进行|实施)(?:财政)?贴息")


def _interest_part(aw: _Award, u: Unit, d: dict) -> None:
    """Interest on a loan "给予贴息" with no share, and an equipment share, under one "合计"
    cap: a combined award whose interest part states no share of its own (the component has a
    base and no rate)."""
    if d.get("kind") != "rate_cap" or "cap" not in d:
        return
    doc, n = aw.doc, aw.doc.norm
    caps = u.of("cap")
    if not caps or not TOTAL_WORDS.search(n[caps[-1].clause[0] : caps[-1].end]):
        return
    rate = u.of("rate")[0]
    if "利息" in (rate.base or "") or "贴息" in n[rate.clause[0] : rate.clause[1]]:
        return  # "…给予贴息支持，…按实际支付利息的40%给予贴息": the interest is the rate's own
    for k in aw.live:
        s = aw.sents[k]
        if s.b <= min(a.start for a in u.atoms) - 400 or s.body > caps[-1].end:
            continue
        clauses = doc.clauses(s.body, s.b)
        for i, c in enumerate(clauses):
            text = n[c[0] : c[1]]
            if not _INTEREST.search(text) or "%" in text or (rate.clause[0] <= c[0] < rate.clause[1]):
                continue
            a = c[0]
            base = None
            if i > 0:
                pa, pb = doc.trim(*clauses[i - 1])
                prev = doc.chars[pa:pb]
                if prev.startswith("对"):
                    pa, prev = pa + 1, prev[1:]
                if prev and not re.search(r"\d{4}年", n[pa:pb]):
                    base, a = prev, pa
            interest = {"name": "贷款贴息"}
            if base:
                interest["base"] = base
            interest["source"] = doc.source(*doc.trim(a, c[1]))
            interest["note"] = "原文未给贴息比例：" + doc.quote(*doc.trim(c[0], c[1])).replace("……", "") + "。"
            other = {"name": "设备补助" if "设备" in (rate.base or "") else f"{rate.base or ''}补助", "rate": rate.value}
            if rate.base:
                other = {"name": other["name"], "base": rate.base, "rate": rate.value}
            ra, rb = doc.trim(rate.base_span[0] if rate.base_span else rate.start, rate.clause[1])
            other["source"] = doc.source(ra, rb)
            aw.used_sents.add(k)
            d.pop("base", None)
            d.pop("rate", None)
            d["kind"] = "combined"
            d["components"] = [interest, other]
            cap = caps[-1]
            d["source"] = doc.source(*doc.trim(cap.clause[0], aw.sents[cap.sent].b), cap.note)
            return


def _tier_list(aw: _Award, u: Unit, d: dict) -> dict:
    """"分为400、500万元两档" (+ "支持比例不超过…的20%"): one variant per tier."""
    doc = aw.doc
    t = u.of("tiers")[0]
    rates = u.of("rate")
    src = doc.source(*doc.trim(t.start, max(a.end for a in u.atoms)))
    variants = []
    for raw, value in t.tiers:
        if rates:
            v = {"name": f"{raw}档", "kind": "rate_cap", "rate": rates[0].value, "cap": value, "source": src}
            if rates[0].base:
                v["base"] = rates[0].base
        else:
            v = {"name": f"{raw}档", "kind": "fixed", "fixed": value, "source": src}
        variants.append(v)
    out = {"kind": "tiered", "variants": variants, "source": d["source"], "note": "分档金额，按考核结果定档。"}
    if "first_payment" in d:
        out["first_payment"] = d["first_payment"]
    return out


def _each_list(aw: _Award, u: Unit, d: dict) -> dict:
    """"对甲、乙分别给予N万元、M万元奖励": one variant per amount, named by the applicants
    listed before "分别" when their count is the count of amounts (甲 N, 乙 M); else by the
    amount ("N万元档") with a todo note, so the reviewer pairs them."""
    doc = aw.doc
    t = u.of("each")[0]
    caps = u.of("cap")
    each_cap = next((x for x in u.of("each")[1:] if x.cap and t.rates), None)  # a cap for each rate, in order
    a, b = doc.trim(t.clause[0], max([t.clause[1]] + [c.clause[1] for c in caps + ([each_cap] if each_cap else [])]))
    listed = _enumerated_names(aw, t, len(t.tiers))
    if listed:
        names, la = listed
        src = doc.source(*doc.trim(min(la, a), b)) if la is not None else doc.source(a, b)
        if la is None:
            d = {**d, "note": "子类名称取自同一措施前文所列对象，须审阅。"}
    else:
        names = [f"{raw}档" for raw, _v in t.tiers]
        names = [nm if names.count(nm) == 1 else f"{nm}{_cn_index(j + 1)}" for j, nm in enumerate(names)]
        src = doc.source(a, b)
        aw.extra_todo.append(_todo_at(doc, a, b, "“分别”列出的金额未能与列举的对象一一对应，子类按金额命名，须审阅。"))
    variants = []
    for j, (name, (raw, value)) in enumerate(zip(names, t.tiers)):
        if t.rates:  # "分别按…的N%、M%给予补助（，最高不超过N万元）"
            v = {"name": name, "kind": "rate_cap", "rate": value}
            if t.base:
                v["base"] = t.base
            if each_cap:
                v["cap"] = each_cap.tiers[j][1]
            elif caps:
                v["cap"] = caps[-1].value
            v["source"] = src
        elif t.cap:  # "分别给予最高N万元、M万元"
            v = {"name": name, "kind": "cap_only", "cap": value, "source": src}
        elif t.unit:  # "分别给予每月N元、M元的…补贴"
            v = {"name": name, "kind": "per_unit", "unit_amount": value, "unit": t.unit, "source": src}
        else:
            v = {"name": name, "kind": "fixed", "fixed": value, "source": src}
        if listed:
            v["_listed"] = True
        variants.append(v)
    note = "“分别”列出的金额，按列举的对象依次对应；子类名称取自原文，须审阅。" if listed else "“分别”列出的金额；各档对应的对象见原文，须审阅。"
    if listed and d.get("note"):
        note += d["note"]
    out = {"kind": "tiered", "variants": variants, "source": d["source"], "note": note}
    if "first_payment" in d:
        out["first_payment"] = d["first_payment"]
    return out


def _todo_at(doc: Doc, a: int, b: int, note: str) -> dict:
    a, b = doc.trim(a, b)
    return {"lines": doc.lines_of(a, b), "text": doc.quote(a, b), "note": note}


# ------------------------------------------------------------------------------------------
# who a "分别" list of amounts is for: "对甲和丙类乙、丁、戊人员…分别…"
# ------------------------------------------------------------------------------------------
# (and the year the list is of: "对2096年度新获评甲、乙的，分别…")
_LIST_LEAD = re.compile(r"^(?:对于|对|其中|向|为|给予)+(?:在?\d{4}年度?(?:内|以来|以后|期间)?)?")
_LIST_GROUP = re.compile(r"以及|和|及|与")
_CN_ORDINAL = "一二三四五六七八九十"


def _enumerated_names(aw: _Award, t: Atom, count: int) -> tuple[list[str], int] | None:
    """The names a "分别" list of `count` amounts goes to, in order, and where the list starts.

    Looked for in the words before "分别" in its clause, then the clauses before it in the
    sentence, then the sentence before; the nearest list decides (a list of another count
    stops the search: the amounts cannot be paired honestly)."""
    doc = aw.doc
    k = t.sent
    s = aw.sents[k]
    segments = [(t.clause[0], t.start)]
    clauses = [c for c in doc.clauses(s.body, s.b) if c[1] <= t.clause[0]]
    segments += list(reversed(clauses))
    prev = [j for j in aw.live if j < k]
    if prev:
        ps = aw.sents[prev[-1]]
        segments += list(reversed(doc.clauses(ps.body, ps.b)))
    for a, b in segments:
        got = _split_list(doc, a, b)
        if got is None:
            continue
        names, start = got
        return (names, start) if len(names) == count else None
    ctx = aw.context
    if ctx is not None:
        # the recipients the measure named before this clause ("对…的甲、乙、丙，……；X分别提高N、M、L"):
        # names only, the quote stays the clause's own
        for c in reversed(ctx.clauses(0, len(ctx.norm))):
            got = _split_list(ctx, *c)
            if got is None:
                continue
            names, _start = got
            return (names, None) if len(names) == count else None
    return None


def _split_list(doc: Doc, a: int, b: int) -> tuple[list[str], int] | None:
    """The items of an enumeration in chars[a:b] ("甲和丙类乙、丁、戊人员"), a shared head or
    tail given to each item of a "、" group ("丙类乙、丁、戊人员" -> 丙类乙人员, 丙类丁人员,
    丙类戊人员; "X计划第一、二层次" -> X计划第一层次, X计划第二层次); None when there is no
    list."""
    n = doc.norm
    text = n[a:b]
    lead = _LIST_LEAD.match(text)
    off = lead.end() if lead else 0
    text = text[off:]
    end = len(text)
    while end and text[end - 1] in "的等,":
        end -= 1
    text = text[:end]
    # the list is what follows the last "的" outside brackets: "…就业的博士和…毕业生"
    depth, cut = 0, -1
    for i, ch in enumerate(text):
        if ch in "([【“":
            depth += 1
        elif ch in ")]】”":
            depth = max(0, depth - 1)
        elif ch == "的" and depth == 0:
            cut = i
    if cut >= 0 and cut + 1 < len(text):
        after = text[cut + 1 :]
        if "、" in after or _LIST_GROUP.search(after) or "、" not in text[:cut]:
            off += cut + 1
            text = after
        else:
            # the list qualifies the noun after "的": "新评上国家级、省级、市级示范车间的单位"
            text = text[:cut]
    if "、" not in text and not _LIST_GROUP.search(text):
        return None
    if re.search(r"\d", text):
        return None  # amounts or counts ("30万元、12万元"), not who they are for
    chars = doc.chars[a + off : a + off + len(text)]
    names: list[str] = []
    pos = 0
    for g_start, g_end in _top_level_splits(text, _LIST_GROUP) + [(len(text), len(text))]:
        group_n, group = text[pos:g_start], chars[pos:g_start]
        cuts = _top_level_splits(group_n, re.compile("、"))
        parts, q = [], 0
        for c0, c1 in cuts + [(len(group), len(group))]:
            parts.append(group[q:c0])
            q = c1
        items = _distribute(parts) if group else []
        if not items or any(not it or len(it) > 30 for it in items):
            return None
        names += items
        pos = g_end
    if len(names) < 2 or len(set(names)) < len(names):
        return None
    return names, a + off


def _top_level_splits(text: str, sep: re.Pattern) -> list[tuple[int, int]]:
    """Spans of `sep` in text outside brackets and quotes."""
    depth, out = 0, []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([【“《":
            depth += 1
        elif ch in ")]】”》":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = sep.match(text, i)
            if m and m.end() > i:
                out.append((m.start(), m.end()))
                i = m.end()
                continue
        i += 1
    return out


_GRADE = "国家级|省部级|省级|设区市级|市级|县级|区级|县（市、区）级|县\\(市、区\\)级|国际级|一级|二级|三级|四级|五级|五星级|四星级|三星级|二星级|一星级|五星|四星|三星|二星|一星|金牌|银牌|铜牌|一等奖|二等奖|三等奖|优秀奖"


def _distribute(items: list[str]) -> list[str]:
    """The head of the first item and the tail of the last given to every item of a "、" group
    whose inner items show the core's length: 2+ inner items of one length, or ordinals
    ("一、二层次")."""
    if len(items) < 2:
        return items
    first, last, inner = items[0], items[-1], items[1:-1]
    m1 = re.search(f"[{_CN_ORDINAL}]+$", first)
    m2 = re.match(f"[{_CN_ORDINAL}]+", last)
    if m1 and m2 and all(re.fullmatch(f"[{_CN_ORDINAL}]+", x) for x in inner) and m1.start() > 0:
        head, tail = first[: m1.start()], last[m2.end() :]
        return [head + first[m1.start() :] + tail] + [head + x + tail for x in inner] + [head + last[: m2.end()] + tail]
    # grades ("新评上国家级、省级、市级示范车间"): the core is the grade, whatever its length
    g1 = re.search(f"(?:{_GRADE})$", first)
    g2 = re.match(f"(?:{_GRADE})", last)
    if g1 and g2 and all(re.fullmatch(f"(?:{_GRADE})", x) for x in inner) and (g1.start() > 0 or g2.end() < len(last)):
        head, tail = first[: g1.start()], last[g2.end() :]
        return [first + tail] + [head + x + tail for x in inner] + [head + last]
    if not inner:
        # two items: the last item's tail goes to the first when the first item's last character
        # closes a core of about its length in the last ("省级、市级孵化载体" -> 省级孵化载体,
        # "博士、硕士研究生" -> 博士研究生); "高级技师、技师" and "市级、县级" have no tail
        p = last.find(first[-1]) if 2 <= len(first) <= 6 else -1
        if 0 < p < len(last) - 1 and p + 1 <= len(first) and not re.search(r"[的和及与或]", last[: p + 1]):
            return [first + last[p + 1 :], last]
        return items
    if inner and len({len(x) for x in inner}) == 1 and len(inner[0]) <= 4:
        # (short cores only: "国家级绿色低碳示范园区、省级绿色低碳示范园区、…" are whole names)
        size = len(inner[0])
        if len(inner) == 1 and (last[size:].startswith(inner[0]) or first[:-size].endswith(inner[0])):
            # "高级工、技师、高级技师职业…": cores of three lengths ("高级技师" holds "技师"),
            # which one inner item cannot show
            return items
        if len(first) > size and len(last) > size:
            head, tail = first[:-size], last[size:]
            return [first + tail] + [head + x + tail for x in inner] + [head + last]
        if len(first) > size:
            head = first[:-size]
            return [first] + [head + x for x in inner] + [head + last]
        if len(last) > size:
            tail = last[size:]
            return [first + tail] + [x + tail for x in inner] + [last]
    return items


# "其中，X项目首次拨付…": the words before the first payment name the sub-type it is for; a
# year ("2021年首次拨付100万元"), "项目" or "补助资金" alone names none
_FP_LEAD = re.compile(r"^(?:其中|对于|对|另外|此外|并|且|,|、)+")
_FP_TRAIL = re.compile(r"(?:的|均|须|应|可|将)?(?:于|在)?(?:补助资金|资金|补助|奖励)?$")
_FP_GENERIC = re.compile(
    r"(?:单个|每个|每家|该|本|各|入库|立项|获批|支持|申报)?(?:项目|企业|单位|主体|补助资金|资金)?"
    # the benefit's own noun ("资助资金首期拨付40%", "奖补资金分两次拨付"): names no class
    r"|(?:资助|补贴|奖补|补助|奖励|扶持)(?:资金)?"
    # every class of the text before ("上述两类项目均首次拨付…", "以上各类项目"): names none
    r"|(?:上述|以上|前述|所有|全部)?(?:各类|[两二三四五六七八九]类|各项|所列)?(?:项目|企业|单位)?"
)


def _first_payment_subject(doc: Doc, a: int, b: int) -> str | None:
    """The sub-type a first payment is given for: the words in its clause before "首次…"."""
    n = doc.norm
    text = _FP_LEAD.sub("", n[a:b])
    text = _FP_TRAIL.sub("", text)
    # a time ("立项后", "启动时", "中期评估阶段") says when, not for whom
    # nor does the schedule ("分三年拨付（首年拨付50%）")
    # ("授牌当年先行下达…", "次年拨付…": a year counted from an event, a time too)
    if re.search(YEAR + r"|\d+(?:年|月|日)|年度|(?:当|次|同|上|首)年|当期|当月|(?:[后前时]|之际|阶段|期间)$|验收|考核|通过|启动|签订|立项|开工|评估"
                 r"|兑现|兑付|拨付|分[两二三四五]?[年期次批]|[(（]$|(?:入选|认定|获评|获批|授牌|挂牌|上市|竣工|投产)$", text) or _FP_GENERIC.fullmatch(text) or len(text) < 2:
        return None
    if not re.search(r"[\u4e00-\u9fff]{2}", text):
        return None
    start = a + n[a:b].index(text)
    return doc.chars[start : start + len(text)]


def _attach_first_payments(aw: _Award, units: list[Unit]) -> None:
    """A first payment goes to the unit it follows (the first unit when none is before it); one
    that names a sub-type ("其中，X项目首次拨付…") goes to the variant of that name instead
    (`_attach_named_first_payments`)."""
    for start, _end, k, fp, name in aw.firsts:
        if name:
            continue
        before = [u for u in units if u.start < start]
        target = before[-1] if before else (units[0] if units else None)
        if target is not None and target.first_payment is None:
            target.first_payment = fp


def _attach_named_first_payments(data: dict, named: list[tuple[str, dict]]) -> None:
    """Each named first payment on the variant of that name, or on a new variant of that name
    (its amounts are the program's); never on the program, whose other sub-types it is not for."""
    if not named or not data.get("kind"):
        return
    variants = data.setdefault("variants", [])
    for name, fp in named:
        key = _name_key(name)
        hit = next((v for v in variants if key and (key == _name_key(v.get("name", "")) or key in _name_key(v.get("name", "")))), None)
        if hit is not None:
            hit.setdefault("first_payment", fp)
            continue
        variants.append({
            "name": name,
            "first_payment": fp,
            "note": "原文只为此子类规定首次拨付；金额按项目规定。",
        })


def _same_name(name: str, heading: str | None) -> bool:
    """Is a variant named by the program's heading ("公共服务平台项目" under "公共服务平台项目")?"""
    if not heading or not name:
        return False
    a, b = _name_key(name), _name_key(heading)
    return bool(a) and (a == b or (len(a) >= 4 and len(b) >= 4 and (a.endswith(b) or b.endswith(a))))


def _name_key(name: str) -> str:
    return re.sub(r"[\s“”\"'‘’《》()（）]|项目$", "", name)


_LATER_STAGE = re.compile(r"^(?:[^,;。，；]{0,30}的[,，])?再(?:安排|拨付|给予|补助|奖励|支持|下达|兑现)")


def _paid_in_two_stages(data: dict) -> None:
    """"单个园区资助合计最多N万元，分二期下达——挂牌当年先行拨付M万元，届满评估达标再给予最多
    L万元": read as two cases (the total with its first payment, the later amount), it is one
    award paid in two stages: the total is the cap, the first payment the first stage and the
    later amount ("再…") the second. Rewritten in place."""
    vs = data.get("variants") or []
    if data.get("kind") != "tiered" or len(vs) != 2:
        return
    first, later = vs
    fp = first.get("first_payment") or {}
    if not (first.get("kind") == "cap_only" and fp.get("amount") is not None and later.get("kind") == "cap_only"
            and later.get("cap") is not None and not later.get("first_payment")):
        return
    if not (_LATER_STAGE.match(later["source"]["text"]) and re.search(r"分[两二]期|分两次|分期", data["source"]["text"])):
        return
    stage_note = "后期金额取决于期满评估或验收，不能由申报材料算出；只给出上限。"
    new = {"kind": "two_stage", "cap": first["cap"], "source": data["source"], "first_payment": fp,
           "stages": [{"name": "首期", "fixed": fp["amount"], "source": fp["source"]},
                      {"name": "后期", "cap": later["cap"], "source": later["source"], "note": stage_note}],
           "note": "分两期拨付：总额为 cap，首期为先行拨付的金额，后期为其后再安排的上限，须审阅。"}
    if first.get("per"):
        new["per"] = first["per"]
    data.clear()
    data.update(new)


def _two_stage(aw: _Award, units: list[Unit]) -> tuple[dict, set[int]] | None:
    """首期 … 后期/二期 …, each with an amount: stages; the cap before them is the total."""
    doc, n = aw.doc, aw.doc.norm
    marks = []
    for k in aw.live:
        s = aw.sents[k]
        for m in STAGE_FIRST.finditer(n, s.body, s.b):
            marks.append((m.start(), m.group(0), k))
        for m in STAGE_LATER.finditer(n, s.body, s.b):
            marks.append((m.start(), m.group(0), k))
    marks.sort()
    firsts = [mk for mk in marks if STAGE_FIRST.fullmatch(mk[1])]
    laters = [mk for mk in marks if STAGE_LATER.fullmatch(mk[1])]
    if not firsts or not laters or laters[0][0] < firsts[0][0]:
        return None
    m1 = firsts[0]
    m2 = laters[0]
    amount_atoms = [a for a in aw.atoms if a.kind in ("rate", "cap", "fixed")]
    s1 = [a for a in amount_atoms if m1[0] <= a.start < m2[0]]
    # the later stage's amount: the first amount after the later marker (its clause or the next)
    s2 = [a for a in amount_atoms if a.start > max((x.end for x in s1), default=m1[0]) and a.start >= m2[0]]
    if not s1 or not s2:
        return None
    s2 = s2[:1] if s2[0].kind != "rate" else s2[:2]
    total = [a for a in amount_atoms if a.kind == "cap" and a.start < m1[0]]
    data: dict = {"kind": "two_stage"}
    used: set[int] = set()
    if total:
        t = total[-1]
        data["cap"] = t.value
        data["source"] = doc.source(*doc.trim(aw.sents[t.sent].body, aw.sents[t.sent].b), t.note)
        used.add(t.sent)
    stages = []
    s1_end = max(x.end for x in s1)
    for name, atoms, start in ((m1[1], s1, None), (m2[1], s2, s1_end)):
        d: dict = {"name": name}
        rates = [a for a in atoms if a.kind == "rate"]
        caps = [a for a in atoms if a.kind == "cap"]
        fixed = [a for a in atoms if a.kind == "fixed"]
        if rates:
            if rates[0].base:
                d["base"] = rates[0].base
            d["rate"] = rates[0].value
        if caps:
            d["cap"] = caps[0].value
        elif fixed:
            d["fixed"] = fixed[0].value
        first_atom = min(atoms, key=lambda x: x.start)
        last_atom = max(atoms, key=lambda x: x.end)
        if start is None:
            a = first_atom.clause[0]
            for c in doc.clauses(aw.sents[first_atom.sent].body, aw.sents[first_atom.sent].b):
                if c[0] <= m1[0] < c[1]:
                    a = min(a, c[0])
        else:
            a = start
            while a < len(n) and n[a] in ",;。、":
                a += 1
        b = last_atom.clause[1]
        if b < len(n) and n[b : b + 1] == "。":
            b += 1
        d["source"] = doc.source(*doc.trim(a, b))
        notes = [x.note for x in atoms if x.note]
        later_text = n[a:b]
        if start is not None and re.search(r"绩效|验收|考核|评价", later_text):
            notes.append(f"{name}金额取决于验收和绩效评价，不能由申报材料算出；只给出上限。")
        if notes:
            d["note"] = "".join(dict.fromkeys(notes))
        stages.append(d)
        used |= {x.sent for x in atoms}
    data["stages"] = stages
    if "source" not in data:
        data["source"] = stages[0]["source"]
    return data, used | {k for k in aw.live if any(x.sent == k for x in s1 + s2)}
