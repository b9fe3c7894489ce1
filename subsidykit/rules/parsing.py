"""Reading the values clerks type: amounts to 万元, dates, ratios, counts, yes/no.

Shared by the engine, the worksheet functions, the ledger reader and the
submission checks, so that "1.2亿", "3,500.5万" and "１２０００" mean the same
everywhere.  Every function returns a value or raises BadInputError with a
Chinese message.

Every value is bounded, so no caller meets an arithmetic error, an infinity or a
number with hundreds of digits: text longer than ``MAX_TEXT`` characters is not read;
digits are ASCII after NFKC (full-width ones are fine, ``1_000`` is not a number);
amounts beyond ``MAX_AMOUNT_WAN`` 万元, numbers beyond ``MAX_NUMBER`` and ratios beyond
``MAX_RATIO`` raise :class:`OutOfRangeError` (a BadInputError; Excel shows #NUM!);
years lie in ``YEAR_MIN``..``YEAR_MAX``; counts are integers 0..``MAX_COUNT``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from subsidykit.errors import BadInputError

YUAN = Decimal("0.0001")  # one yuan in 万元
MAX_TEXT = 1000  # characters: longer text is not a value anyone typed into one cell
MAX_AMOUNT_WAN = Decimal(10) ** 12  # 万元 (10^16 元): beyond it an amount is out of range
MAX_NUMBER = Decimal(10) ** 12
MAX_RATIO = Decimal(10000)  # 1,000,000 %
MAX_COUNT = 10**6  # projects, enterprises, persons...
YEAR_MIN, YEAR_MAX = 1900, 2100
_BIG_INT = 10**18  # ints beyond this are out of every range: no need to convert them
EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's 1900 date system, serial 60 = the fictitious 1900-02-29
MAX_EXCEL_SERIAL = 2958465  # 9999-12-31

# unit words -> factor to 万元, longest first so that "亿元" wins over "元"
_AMOUNT_UNITS = [
    ("亿元", Decimal(10000)),
    ("亿", Decimal(10000)),
    ("千万元", Decimal(1000)),
    ("千万", Decimal(1000)),
    ("百万元", Decimal(100)),
    ("百万", Decimal(100)),
    ("万元", Decimal(1)),
    ("万", Decimal(1)),
    ("千元", Decimal("0.1")),
    ("元", Decimal("0.0001")),
]
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")  # ASCII digits, no "_", no exponent


class OutOfRangeError(BadInputError):
    """A readable number beyond the bounds above (Excel shows it as #NUM!)."""

    code = "OUT_OF_RANGE"


def shown(value: object, limit: int = 60) -> str:
    """A typed value as quoted in a message: control characters out, at most `limit` characters."""
    if type(value) is int and not -_BIG_INT <= value <= _BIG_INT:  # type: ignore[operator]
        # str() of a huge int is quadratic, and refused beyond 4300 digits
        return f"{'-' if value < 0 else ''}约 10^{int(abs(value).bit_length() * 0.30103)} 的整数"  # type: ignore[operator]
    text = "" if value is None else str(value)
    if len(text) > limit * 4:
        text = text[: limit * 4]
    text = "".join(ch if ch.isprintable() or ch == " " else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_length(value: str, what: str) -> None:
    if len(value) > MAX_TEXT:
        raise BadInputError(f"无法识别的{what}：文字过长（{len(value)} 个字符，超过 {MAX_TEXT} 个）")


def round_yuan(amount: Decimal) -> Decimal:
    """万元 rounded half-up to the yuan (4 decimals)."""
    return amount.quantize(YUAN, rounding=ROUND_HALF_UP)


def _clean(text: str, what: str = "数值") -> str:
    _check_length(text, what)
    text = unicodedata.normalize("NFKC", text)  # full-width digits, commas, percent signs
    # "_" is not a separator: Python's int()/Decimal() accept "1_000", a clerk never types it
    return re.sub(r"[\s,，'’￥¥]", "", text).replace("RMB", "").replace("人民币", "")


def _decimal(text: str, original: object, what: str) -> Decimal:
    if not _NUMBER.fullmatch(text):
        raise BadInputError(f"无法识别的{what}「{shown(original)}」")
    try:
        num = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        raise BadInputError(f"无法识别的{what}「{shown(original)}」") from None
    return num.copy_abs() if num.is_zero() else num  # "-0" is 0


_INF = Decimal("Infinity")


def _from_number(value: object) -> Decimal | None:
    """A number cell as Decimal (±Infinity for ±inf and huge ints), None for NaN and non-numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        if value.is_nan():
            return None
        return value.copy_abs() if value.is_zero() else value
    if isinstance(value, int):
        if not -_BIG_INT <= value <= _BIG_INT:
            return _INF if value > 0 else -_INF
        return Decimal(value)
    if isinstance(value, float):
        if value != value:
            return None
        if value in (float("inf"), float("-inf")):
            return _INF if value > 0 else -_INF
        if value == 0:
            return Decimal(0)  # -0.0 too
        return Decimal(repr(value))  # the shortest repr: 0.1 -> Decimal("0.1")
    return None


def _bounded(num: Decimal, limit: Decimal, original: object, what: str, unit: str = "") -> Decimal:
    if not num.is_finite() or abs(num) > limit:
        raise OutOfRangeError(f"{what}「{shown(original)}」超出范围（绝对值不超过 {format(limit, ',f')}{unit}）")
    return num


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_amount_wan(value: object, *, default_unit: str = "万元") -> Decimal:
    """An amount as 万元: numbers are taken in `default_unit`; text may carry 元/万元/亿元.

    >>> parse_amount_wan("1.2亿"), parse_amount_wan("3,500.5万"), parse_amount_wan("１２０００")
    (Decimal('12000.0'), Decimal('3500.5'), Decimal('12000'))
    """
    factor_default = dict(_AMOUNT_UNITS).get(default_unit)
    if factor_default is None:
        raise ValueError(f"unknown unit {default_unit}")
    num = _from_number(value)
    if num is not None:
        return _bounded(num * factor_default, MAX_AMOUNT_WAN, value, "金额", " 万元")
    if not isinstance(value, str) or is_blank(value):
        raise BadInputError(f"无法识别的金额「{shown(value)}」")
    text = _clean(value, "金额")
    for word, factor in _AMOUNT_UNITS:
        if text.endswith(word):
            return _bounded(_decimal(text[: -len(word)], value, "金额") * factor, MAX_AMOUNT_WAN, value, "金额", " 万元")
    return _bounded(_decimal(text, value, "金额") * factor_default, MAX_AMOUNT_WAN, value, "金额", " 万元")


def parse_number(value: object, what: str = "数值") -> Decimal:
    """A plain number (counts, years): accepts numbers and text such as "１２" or "1,200"."""
    num = _from_number(value)
    if num is not None:
        return _bounded(num, MAX_NUMBER, value, what)
    if not isinstance(value, str) or is_blank(value):
        raise BadInputError(f"无法识别的{what}「{shown(value)}」")
    text = _clean(value, what)
    text = re.sub(r"(个|家|人|项|次|年|月|台套|台|套|件)$", "", text)
    return _bounded(_decimal(text, value, what), MAX_NUMBER, value, what)


def parse_count(value: object, what: str = "数量", maximum: int = MAX_COUNT) -> int:
    """A count of things: an integer from 0 to `maximum` (text such as "１２个" is fine)."""
    try:
        num = parse_number(value, what)
    except OutOfRangeError:
        num = None
    if num is None or num < 0 or num > maximum or num != num.to_integral_value():
        raise BadInputError(f"{what}须为 0 至 {maximum:,} 的整数：{shown(value)}")
    return int(num)


def parse_year(value: object) -> int:
    """A year (2023, 2023.0, "2023年", "２０２３年度") from YEAR_MIN to YEAR_MAX."""
    year: int | None = None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        num = _from_number(value)
        if num is not None and num.is_finite() and num == num.to_integral_value() and abs(num) < 10**6:
            year = int(num)
    elif isinstance(value, str) and len(value) <= 20:
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("年度").removesuffix("年").strip()
        if re.fullmatch(r"[0-9]{1,6}", text):
            year = int(text)
    if year is None:
        raise BadInputError(f"年度应为数字，如 2023：{shown(value)}")
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise BadInputError(f"年度「{shown(value)}」不在 {YEAR_MIN}–{YEAR_MAX} 之间")
    return year


def optional_year(value: object) -> int | None:
    """`parse_year`, or None for a blank argument (None, "", whitespace): "this year's catalog"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_year(value)


def parse_ratio(value: object) -> Decimal:
    """A share as a fraction: "50%" -> 0.5, 0.5 -> 0.5.

    A bare number above 1 (and up to 100) is read as percentage points, since a
    share cannot exceed the whole: 35 -> 0.35.  Text "1" means 100%.  Negative
    values are allowed (a growth rate can fall); above 100% write the percent sign.
    """
    num = _from_number(value)
    if num is None:
        if not isinstance(value, str) or is_blank(value):
            raise BadInputError(f"无法识别的比例「{shown(value)}」")
        text = _clean(value, "比例")
        if text.endswith("%"):
            return _bounded(_decimal(text[:-1], value, "比例") / 100, MAX_RATIO, value, "比例")
        if text.endswith("‰"):
            return _bounded(_decimal(text[:-1], value, "比例") / 1000, MAX_RATIO, value, "比例")
        num = _decimal(text, value, "比例")
    if abs(num) > 1:
        if abs(num) > 100:
            raise BadInputError(f"比例「{shown(value)}」超过 100%，如确实如此请写成带 % 的形式")
        return num / 100
    return num


_DATE_PATTERNS = [
    re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})[日号]?"),
    re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})"),
    re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})"),
]


def excel_serial_to_date(serial: Decimal | float | int) -> dt.date:
    try:
        serial_d = serial if isinstance(serial, Decimal) else Decimal(str(serial))
    except InvalidOperation:
        raise BadInputError(f"无法识别的日期序号「{shown(serial)}」") from None
    if not serial_d.is_finite() or not 0 <= serial_d <= MAX_EXCEL_SERIAL + 1:
        raise BadInputError(f"无法识别的日期序号「{shown(serial)}」")
    days = int(serial_d)  # the time of day is dropped
    if days < 1 or days > MAX_EXCEL_SERIAL:
        raise BadInputError(f"无法识别的日期序号「{serial}」")
    if days == 60:
        raise BadInputError("Excel 日期序号 60 是不存在的 1900年2月29日")
    if days < 60:  # Excel counts a 1900-02-29 that did not exist
        days += 1
    return EXCEL_EPOCH + dt.timedelta(days=days)


def parse_date(value: object) -> dt.date:
    """A date from a datetime, an Excel serial number, or text in the common Chinese forms."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    num = _from_number(value)
    if num is not None:
        return excel_serial_to_date(num)
    if not isinstance(value, str) or is_blank(value):
        raise BadInputError(f"无法识别的日期「{shown(value)}」")
    _check_length(value, "日期")
    text = unicodedata.normalize("NFKC", value).strip()
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"(T|)([0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)$", "", text)  # a trailing time of day
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text) and len(text) != 8:
        return excel_serial_to_date(Decimal(text))
    for pat in _DATE_PATTERNS:
        m = pat.fullmatch(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return dt.date(y, mo, d)
            except ValueError:
                raise BadInputError(f"日期「{shown(value)}」不存在") from None
    raise BadInputError(f"无法识别的日期「{shown(value)}」（请写成 2022年6月30日 或 2022-6-30）")


_TRUE = {"是", "有", "yes", "y", "true", "t", "1", "√", "✓", "✔", "通过"}
_FALSE = {"否", "无", "没有", "no", "n", "false", "f", "0", "×", "✗", "✘", "不是"}


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    num = _from_number(value)
    if num is not None and num in (0, 1):
        return bool(num)
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        text = unicodedata.normalize("NFKC", value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise BadInputError(f"无法识别的是/否「{shown(value)}」（请填“是”或“否”）")


def fmt_wan(amount: Decimal) -> str:
    """万元 for messages: no trailing zeros, at most 4 decimals ("2000", "1234.5")."""
    q = round_yuan(amount).normalize()
    text = format(q, "f")
    return text


def fmt_ratio(ratio: Decimal) -> str:
    pct = (ratio * 100).normalize()
    return f"{format(pct, 'f')}%"
