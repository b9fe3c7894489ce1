"""Reading the values clerks type: amounts to 万元, dates, ratios, counts, yes/no.

Shared by the engine, the worksheet functions, the ledger reader and the
submission checks, so that "1.2亿", "3,500.5万" and "１２０００" mean the same
everywhere.  Every function returns a value or raises BadInputError with a
Chinese message.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import BadInputError

YUAN = Decimal("0.0001")  # one yuan in 万元
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
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def round_yuan(amount: Decimal) -> Decimal:
    """万元 rounded half-up to the yuan (4 decimals)."""
    return amount.quantize(YUAN, rounding=ROUND_HALF_UP)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # full-width digits, commas, percent signs
    return re.sub(r"[\s,，_'’￥¥]", "", text).replace("RMB", "").replace("人民币", "")


def _decimal(text: str, original: object, what: str) -> Decimal:
    if not _NUMBER.match(text):
        raise BadInputError(f"无法识别的{what}「{original}」")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        raise BadInputError(f"无法识别的{what}「{original}」") from None


def _from_number(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))  # the shortest repr: 0.1 -> Decimal("0.1")
    return None


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
        return num * factor_default
    if not isinstance(value, str) or is_blank(value):
        raise BadInputError(f"无法识别的金额「{'' if value is None else value}」")
    text = _clean(value)
    for word, factor in _AMOUNT_UNITS:
        if text.endswith(word):
            return _decimal(text[: -len(word)], value, "金额") * factor
    return _decimal(text, value, "金额") * factor_default


def parse_number(value: object, what: str = "数值") -> Decimal:
    """A plain number (counts, years): accepts numbers and text such as "１２" or "1,200"."""
    num = _from_number(value)
    if num is not None:
        return num
    if not isinstance(value, str) or is_blank(value):
        raise BadInputError(f"无法识别的{what}「{'' if value is None else value}」")
    text = _clean(value)
    text = re.sub(r"(个|家|人|项|次|年|月|台套|台|套|件)$", "", text)
    return _decimal(text, value, what)


def parse_ratio(value: object) -> Decimal:
    """A share as a fraction: "50%" -> 0.5, 0.5 -> 0.5.

    A bare number above 1 (and up to 100) is read as percentage points, since a
    share cannot exceed the whole: 35 -> 0.35.  Text "1" means 100%.  Negative
    values are allowed (a growth rate can fall); above 100% write the percent sign.
    """
    num = _from_number(value)
    if num is None:
        if not isinstance(value, str) or is_blank(value):
            raise BadInputError(f"无法识别的比例「{'' if value is None else value}」")
        text = _clean(value)
        if text.endswith("%"):
            return _decimal(text[:-1], value, "比例") / 100
        if text.endswith("‰"):
            return _decimal(text[:-1], value, "比例") / 1000
        num = _decimal(text, value, "比例")
    if abs(num) > 1:
        if abs(num) > 100:
            raise BadInputError(f"比例「{value}」超过 100%，如确实如此请写成带 % 的形式")
        return num / 100
    return num


_DATE_PATTERNS = [
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def excel_serial_to_date(serial: Decimal | float | int) -> dt.date:
    serial_d = Decimal(str(serial))
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
        raise BadInputError(f"无法识别的日期「{'' if value is None else value}」")
    text = unicodedata.normalize("NFKC", value).strip()
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"(T|)(\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)$", "", text)  # a trailing time of day
    if re.fullmatch(r"\d+(\.\d+)?", text) and len(text) != 8:
        return excel_serial_to_date(Decimal(text))
    for pat in _DATE_PATTERNS:
        m = pat.match(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return dt.date(y, mo, d)
            except ValueError:
                raise BadInputError(f"日期「{value}」不存在") from None
    raise BadInputError(f"无法识别的日期「{value}」（请写成 2022年6月30日 或 2022-6-30）")


_TRUE = {"是", "有", "yes", "y", "true", "t", "1", "√", "✓", "✔", "通过"}
_FALSE = {"否", "无", "没有", "no", "n", "false", "f", "0", "×", "✗", "✘", "不是"}


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    num = _from_number(value)
    if num is not None and num in (0, 1):
        return bool(num)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise BadInputError(f"无法识别的是/否「{value}」（请填“是”或“否”）")


def fmt_wan(amount: Decimal) -> str:
    """万元 for messages: no trailing zeros, at most 4 decimals ("2000", "1234.5")."""
    q = round_yuan(amount).normalize()
    text = format(q, "f")
    return text


def fmt_ratio(ratio: Decimal) -> str:
    pct = (ratio * 100).normalize()
    return f"{format(pct, 'f')}%"
