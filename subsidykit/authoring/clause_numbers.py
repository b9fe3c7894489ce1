"""Numbers as the guides write them: amounts, shares, counts, dates — and the counting words.

Everything here reads `Doc.norm` (half-width, no white space, so "2 000 万元" is "2000万元") and
returns positions into it, so the caller quotes the very characters a number came from.

* Amounts are Decimal 万元: 亿元 × 10000, 元 ÷ 10000, 千元 ÷ 10; "2000万" (no 元) is 万元 with a
  note (DOMAIN.md).  Shares are Decimal fractions: "10%" -> Decimal("0.1").
* Counting words (DOMAIN.md, 民法典 第一千二百五十九条): 以上、以下、以内 include the number;
  不满、超过 exclude it; 不低于/不少于 at least; 不超过 at most; "（含）" includes.
* Dates are ISO strings; "YYYY年底" is 12-31, "YYYY年M月底" the month's last day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal

NUM = r"(?<![\d.])\d+(?:\.\d+)?(?![\d])"
# a number in words: "三", "十五", "一百五十", "二千", "一千二百" (it starts with a digit word or 十)
CN_NUM = r"(?:[一二两三四五六七八九十][一二两三四五六七八九十百千零〇]{0,6})"
# the financial numerals (大写) of a sum written out in full, "人民币叁拾万元（¥300,000.00）", read as
# the common ones one character for one (a run of them before its unit only: 陆 alone is land)
_DAXIE = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", "一二二三三四五六六七八九十百千")
_DAXIE_RUN = re.compile(r"[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟零〇]{1,8}(?=[万亿元圆]|分之)")


def small_numerals(text: str) -> str:
    """`text` with the 大写 numerals of every sum written out ("伍拾万元") as the common ones
    ("五十万元"), one character for one; a run of 陆 alone, or with no unit after it, is left."""
    if not re.search(r"[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]", text):
        return text
    return _DAXIE_RUN.sub(lambda m: m.group(0).translate(_DAXIE) if re.search(r"[^陆陸零〇]", m.group(0)) else m.group(0), text)


_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_PLACE = {"十": 10, "百": 100, "千": 1000}


def dec(value: Decimal | int | str) -> Decimal:
    """A Decimal without a trailing exponent or zeros: 4000, 0.1, 0.05 (never 4E+3, 0.10)."""
    d = Decimal(value).normalize()
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d


def cn_number(text: str) -> int | None:
    """A number in words below 10000 ("五", "十五", "一百五十", "二千", "一千零五十"; 两 = 2), else
    None (a digit word without its place, "二五", reads as nothing)."""
    if not text or any(ch not in _CN and ch not in _CN_PLACE and ch not in "零〇" for ch in text):
        return None
    total, cur, last_place = 0, None, 10000
    for ch in text:
        if ch in "零〇":
            if cur is not None:
                return None
            continue
        if ch in _CN:
            if cur is not None:
                return None  # two digit words in a row
            cur = _CN[ch]
            continue
        place = _CN_PLACE[ch]
        if place >= last_place:
            return None  # "十百", "二十十"
        total += (1 if cur is None else cur) * place
        cur, last_place = None, place
    return total + (cur or 0)


# --- amounts --------------------------------------------------------------------------------
MONEY = re.compile(rf"(?:(?P<num>{NUM}|(?<!\d)\d{{1,3}}(?:,\d{{3}})+(?=[万亿元千]))|(?<![一二两三四五六七八九十百千零〇第])(?P<cn>{CN_NUM}))(?P<unit>亿元|万元|千元|元|(?:亿|万)(?!项|名|场|类|款|种|座|套|所|条|届|美元|美金|欧元|港元|港币|日元|英镑))(?!人(?!民币)|户|次|个|家|件|台|吨|平方|千瓦|标准煤)")


@dataclass
class Money:
    start: int
    end: int
    value: Decimal  # 万元
    raw: str  # as printed, e.g. "1亿元"
    note: str | None


def money_value(num: str, unit: str) -> tuple[Decimal, str | None]:
    n = Decimal(num.replace(",", ""))
    if re.fullmatch(r"0+[1-9]\d*", num):
        num = num.lstrip("0")  # "300,000" as the parsers read it ("0300000"), shown without the zero
    if unit in ("亿元", "亿"):
        return dec(n * 10000), f"{num}{unit} = {dec(n * 10000)}万元"
    if unit == "元":
        return dec(n / 10000), f"{num}元 = {dec(n / 10000)}万元"
    if unit == "千元":
        return dec(n / 10), f"{num}千元 = {dec(n / 10)}万元"
    if unit == "万":
        return dec(n), f"原文“{num}万”未写“元”，按万元读。"
    return dec(n), None


def find_money(norm: str, a: int, b: int) -> list[Money]:
    out = []
    for m in MONEY.finditer(norm, a, b):
        num = m.group("num")
        if num is None:
            v = cn_number(m.group("cn"))
            if v is None:
                continue
            if re.match(r"[一二两三四五六七八九十百千零〇]", norm[m.end() : m.end() + 1]) or re.search(r"[数几]$|[一二两三四五六七八九十百千零〇][万亿]$", norm[max(0, m.start() - 2) : m.start()]):
                continue  # "三万五千元", "十二万五千元" (a number in words going on), "数十万元": not read
            value, note = money_value(str(v), m.group("unit"))
            note = f"{m.group(0)} = {value}万元" if note is None or note.startswith(str(v)) else note
            out.append(Money(m.start(), m.end(), value, m.group(0), note))
            continue
        if "," in num and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", num):
            continue
        value, note = money_value(num, m.group("unit"))
        if value <= 0:
            continue
        out.append(Money(m.start(), m.end(), value, m.group(0), note))
    return out


# "15%", and in words "百分之十五" (1..99: a share a guide spells out; the verifier reads 十五 as 15)
# "百分之十二", and a share per thousand: "千分之五", "3‰"
CN_PCT = (
    rf"(?:(?P<cnper>百|千)分之(?P<cnpct>{CN_NUM})(?![一二两三四五六七八九十百千点])"
    rf"|(?P<permil>{NUM})\s*‰"
    # "按实际支付利息的三成给予贴息": tenths, after 的 (never 成本, 成果, 成员, 成立…)
    r"|(?<=的)(?P<tenth>[一二两三四五六七八九])成(?![本果员立就功为效交绩型熟])"
    r")"
)
PCT = re.compile(rf"(?P<num>{NUM})%|{CN_PCT}")


def pct_value(num: str) -> Decimal:
    return dec(Decimal(num) / 100)


def pct_of(m: re.Match, group: str = "num") -> Decimal | None:
    """The share a PCT-like match gives: "12%" (group `group`) or "百分之十二" (group cnpct)."""
    raw = m.groupdict().get(group)
    if raw:
        return pct_value(raw)
    if m.groupdict().get("permil"):
        return dec(Decimal(m.group("permil")) / 1000)
    if m.groupdict().get("tenth"):
        return dec(Decimal(cn_number(m.group("tenth"))) / 10)
    cn = m.groupdict().get("cnpct")
    v = cn_number(cn) if cn else None
    return dec(Decimal(v) / (1000 if m.groupdict().get("cnper") == "千" else 100)) if v else None


def pct_text(m: re.Match, group: str = "num") -> str:
    """The percentage as printed ("12%" or "百分之十二")."""
    raw = m.groupdict().get(group)
    if raw:
        return f"{raw}%"
    if m.groupdict().get("permil"):
        return f"{m.group('permil')}‰"
    if m.groupdict().get("tenth"):
        return f"{m.group('tenth')}成"
    return f"{m.groupdict().get('cnper') or '百'}分之{m.group('cnpct')}"


# --- counts -------------------------------------------------------------------------------------
# unit as printed -> the schema's unit (and a note when they differ)
COUNT_UNITS = {
    "个月": "月", "个": "个", "款": "个", "种": "个", "所": "个", "座": "个", "条": "个",
    "家": "家", "户": "家", "人": "人", "名": "人", "项": "项", "次": "次", "场": "次", "届": "次",
    "件": "项", "类": "项", "笔": "次", "台套": "台套", "台(套)": "台套", "台": "台套", "套": "台套", "年": "年", "月": "月", "吨标准煤": "吨标准煤",
    # an age: "35周岁以下" is 年龄 <= 35 年
    "周岁": "年", "岁": "年",
    # "经营满五周年": years counted as anniversaries
    "周年": "年",
    # physical quantities (兆瓦 and 万千瓦时 are converted, see UNIT_FACTORS)
    "家次": "家", "人次": "人", "场次": "次",
    "兆瓦": "千瓦", "MW": "千瓦", "千瓦": "千瓦", "kW": "千瓦", "KW": "千瓦",
    "千瓦时": "千瓦时", "kWh": "千瓦时", "度电": "千瓦时", "兆瓦时": "千瓦时", "MWh": "千瓦时",
    "吨": "吨", "平方米": "平方米", "㎡": "平方米", "m2": "平方米", "亩": "亩",
    "立方米": "立方米", "m³": "立方米", "m3": "立方米", "千伏安": "千伏安", "kVA": "千伏安", "兆伏安": "千伏安", "MVA": "千伏安",
    "天": "天", "小时": "小时", "学时": "小时", "TB": "TB", "PB": "PB",
    "辆": "辆", "艘": "艘", "公斤": "公斤", "千克": "公斤", "kg": "公斤", "车次": "次", "批次": "次",
    # foreign trade and investment in US dollars: "500万美元" -> 500 万美元 (never turned into 万元)
    "美元": "万美元", "美金": "万美元",
}
# a raw unit that is a multiple of its schema unit: 1兆瓦 = 1000千瓦
UNIT_FACTORS = {"兆瓦": 1000, "MW": 1000, "兆瓦时": 1000, "MWh": 1000, "兆伏安": 1000, "MVA": 1000}
_COUNT_ALT = "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True))
# "1万吨标准煤", "3亿次": 万/亿 multiply a count as they do an amount (not a duration: "万年" is no count)
COUNT = re.compile(rf"(?P<num>{NUM}|(?<![一二两三四五六七八九十百千零〇第]){CN_NUM})(?P<mul>万|亿)?(?P<unit>{_COUNT_ALT})(?!性)(?![A-Za-z])")
_MULTIPLIER = {"万": 10000, "亿": 100000000}


@dataclass
class Count:
    start: int
    end: int
    value: Decimal
    unit: str  # schema unit
    raw: str
    note: str | None


def find_counts(norm: str, a: int, b: int) -> list[Count]:
    out = []
    for m in COUNT.finditer(norm, a, b):
        num, unit = m.group("num"), m.group("unit")
        if num[0].isdigit():
            value = Decimal(num)
            if unit == "年" and re.fullmatch(YEAR, num):
                continue  # a year, not a count of years
            if unit in ("月",) and m.end() < b and norm[m.end()] in "0123456789底末":
                continue  # a date
        else:
            v = cn_number(num)
            if v is None:
                continue
            value = Decimal(v)
        schema_unit = COUNT_UNITS[unit]
        note = None
        if unit in UNIT_FACTORS and num[0].isdigit():
            value = value * UNIT_FACTORS[unit]
            note = f"{m.group(0)} = {dec(value)}{schema_unit}。"
        elif schema_unit != unit and unit not in ("个月", "台(套)"):
            note = f"原文单位“{unit}”，按“{schema_unit}”计。"
        mul = m.group("mul")
        if schema_unit == "万美元":
            value = value * _MULTIPLIER.get(mul or "", 1) / 10000
            note = None if mul == "万" else f"{m.group(0)} = {dec(value)}万美元。"
        elif mul:
            if schema_unit in ("年", "月"):
                continue
            value = value * _MULTIPLIER[mul]
            note = (note or "") + f"{m.group(0)} = {dec(value)}{schema_unit}。"
        out.append(Count(m.start(), m.end(), dec(value), schema_unit, m.group(0), note))
    return out


# --- dates -----------------------------------------------------------------------------------------
# a year as a guide writes it (19xx-21xx: a fictional or far-future guide's years too)
YEAR = r"(?:19|2\d)\d\d"
_Y = r"(?P<{0}y>" + YEAR + r")年"
DATE_FULL = (r"(?P<{0}y>" + YEAR + r")(?:年(?P<{0}m>\d{{1,2}})月(?:(?P<{0}d>\d{{1,2}})日|(?P<{0}me>底|末))|[-./](?P<{0}m2>\d{{1,2}})[-./](?P<{0}d2>\d{{1,2}})(?!\d)"
             # a month without its day ("2055年1月至2056年6月"): its first day where a period
             # starts, its last where one ends (the caller says which)
             r"|年(?P<{0}mo>\d{{1,2}})月(?:份)?(?![\d日号底末]))")
DATE_YEAR_END = r"(?P<{0}y>" + YEAR + r")年(?:底|末)"


def _date_pattern(tag: str, year_end: bool = True) -> str:
    alts = [DATE_FULL.format(tag)]
    if year_end:
        alts.append(DATE_YEAR_END.format(tag + "e"))
    return "(?:" + "|".join(alts) + ")"


def date_of(m: re.Match, tag: str, end: bool = False) -> str | None:
    """The ISO date a _date_pattern(tag) match names (None if not a real date); a month without
    its day is the month's first day, or its last when `end`."""
    g = m.groupdict()
    if g.get(tag + "mo") and g.get(tag + "y"):
        year, month = int(g[tag + "y"]), int(g[tag + "mo"])
        if not 1 <= month <= 12:
            return None
        return f"{year:04d}-{month:02d}-{(calendar.monthrange(year, month)[1] if end else 1):02d}"
    if tag == "a" and g.get("amy"):  # "截至2023年12月": to the end of that month
        year, month = int(g["amy"]), int(g["amm"])
        if not 1 <= month <= 12:
            return None
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if g.get(tag + "ey"):
        return f"{int(g[tag + 'ey']):04d}-12-31"
    y = g.get(tag + "y")
    if not y:
        return None
    mo = g.get(tag + "m") or g.get(tag + "m2")
    d = g.get(tag + "d") or g.get(tag + "d2")
    year, month = int(y), int(mo)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if g.get(tag + "me"):
        return f"{year:04d}-{month:02d}-{last:02d}"
    day = int(d)
    if not 1 <= day <= last:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_INC = r"(?P<{0}inc>\(含\))?"
WINDOW = re.compile(
    r"(?:自|从|在|于|介于)?"
    + _date_pattern("a")
    + _INC.format("a")
    # ("介于2030年1月1日与2030年12月31日之间": two days joined by 与/和)
    + r"(?:起)?(?:至|到|~|-|—|－|–|与|和)"
    + r"(?:" + _date_pattern("b") + r"|(?P<bsame>\d{1,2})月(?:(?P<bsamed>\d{1,2})日|(?P<bsamee>底|末))?(?![\d日号]))"
    + _INC.format("b")
    + r"(?P<tail>止|期间|之间|以内|内)?"
)
DEADLINE = re.compile(
    r"(?:在|于)?" + _date_pattern("a") + r"(?P<inc>\(含\)|\(不含\))?(?P<word>之前|以前|前)"
)
START = re.compile(
    r"(?:在|于|自|从)?" + _date_pattern("a", year_end=False) + r"(?P<inc>\(含\)|\(不含\))?(?P<word>之后|以后|后|以来|起)"
)
# "投产日期不晚于2030年3月31日", "起始时间不早于2030年1月1日": the word before the date
BOUND_DATE = re.compile(r"(?P<word>不晚于|不迟于|不早于|晚于|早于)" + _date_pattern("a"))
YEAR_SINCE = re.compile(r"(?:自|从)?(?P<y>" + YEAR + r")年(?:度)?(?P<inc>\(含\))?(?P<word>以来|起)")
YEAR_IN = re.compile(
    # ("2097年度经省主管部门新认定", "2096年度足额缴纳后投保")
    r"(?P<y>" + YEAR + r")年度?(?=(?:内)?(?:首次|[新省市首被]|实际|实施|正式|足额|经[^,;。:\d]{0,16}?){0,2}"
    r"(?P<act1>获得|获批|取得|认定|入选|评定|授予|获|纳入|列入|竣工|完工|投产|建成|发放|签订|评价|上市|挂牌|并网|购置|采购|购买|完成"
    r"|开工|通过|引进|聘任|举办|启动|入围|获奖|发布|实现|授权|签约|新设|设立|增资|招用|投保|参加|参展|订阅|备案|上线|入规|入统|评为"
    r"|投入运行|投入使用|投运|交付使用|验收|开业|批复)"
    # "2032年度与本区数据服务商签订": a few words between the year and the act
    # (after "首次" too: "2097年度首次在区内产生")
    # ("2097年度作为牵头单位参与制定": the part it played, then the act)
    r"|(?:首次)?(?:作为|[与同向在从为])[^,;。:\d]{1,12}?(?P<act2>签订|竣工|完工|投产|建成|并网|上线|注册|设立|落户|举办|参展|投保|产生|招用|新设|制定|起草))"
)
# "入选2055年度…名单", "列入2054年度…清单": the year after the act
# "认定为2030年度…", "上述评定年度须为2030年" (a note over several items): within that year
# ("入选国家部委2055年度…名单": the body that lists, a few words, between the act and the year)
# "获批（认定）时间在2173年度内": the year after the act's date
YEAR_AFTER = re.compile(r"(?P<act>入选|列入|纳入|获评|被评为|评为|认定为|(?:认定|评定|获评|入选|纳入)年度(?:均|须|应)?为"
                        r"|(?:获批|认定|评定|获评|批准|立项|授牌)(?:\((?:认定|评定|获评|批准|立项|授牌)\))?(?:时间|日期)(?:均|须|应)?(?:在|为))"
                        r"(?:[\u4e00-\u9fff]{2,12}?(?:部|厅|局|委|办|政府)(?=" + YEAR + r"年))?"
                        r"(?P<y>" + YEAR + r")年度?(?![\d月])")
AS_OF = re.compile(r"(?:截至|截止到|截止至|截止|到)(?:" + _date_pattern("a") + r"|(?P<amy>" + YEAR + r")年(?P<amm>\d{1,2})月(?![\d底末]))")

# --- counting words -------------------------------------------------------------------------------------
# before a number (longest first); value: the operator
PRE_OPS = {
    "最高不超过": "<=", "一般不超过": "<=", "原则上不超过": "<=", "不得超过": "<=", "不超过": "<=", "不高于": "<=", "不多于": "<=",
    "不大于": "<=", "最多": "<=", "至多": "<=", "控制在": "<=",
    "不得低于": ">=", "不得少于": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=", "至少": ">=", "达到": ">=", "达": ">=", "满": ">=", "突破": ">=",
    "迈上": ">=", "跨上": ">=", "站上": ">=",
    "超过": ">", "高于": ">", "大于": ">", "多于": ">",
    "不满": "<", "未满": "<", "不足": "<", "未达到": "<", "低于": "<", "少于": "<", "小于": "<",
}
PRE_OP_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, PRE_OPS), key=len, reverse=True)) + r")(?:为|在|有)?$")
POST_OP_RE = re.compile(r"(?P<inc1>\(含\))?(?P<word>及以上|以上|及以下|以下|以内|之内)?(?P<inc2>\(含\)|\(不含\))?")


def operator(pre: str | None, post_word: str | None, inclusive: bool, exclusive: bool = False) -> str | None:
    """The operator of a counting phrase, or None when the wording states none."""
    op = PRE_OPS.get(pre) if pre else None
    if post_word in ("以上", "及以上"):
        op = ">=" if op in (None, ">=", ">") else op
    elif post_word in ("以下", "及以下", "以内", "之内"):
        op = "<=" if op in (None, "<=", "<") else op
    if op is None:
        return None
    if inclusive and op in (">", "<"):
        op = op + "="
    if exclusive and op in (">=", "<="):
        op = op[0]
    return op
