"""Input parsing shared by every adapter: amounts to 万元, dates, ratios, counts."""

import datetime as dt
from decimal import Decimal

import pytest

from subsidykit.errors import BadInputError
from subsidykit.rules.parsing import (
    parse_amount_wan,
    parse_bool,
    parse_date,
    parse_number,
    parse_ratio,
    round_yuan,
)


@pytest.mark.parametrize(
    "text, wan",
    [
        ("1.2亿", "12000"),
        ("1.2亿元", "12000"),
        ("3000万元", "3000"),
        ("3000万", "3000"),
        ("12,000", "12000"),
        ("１２０００", "12000"),
        ("１２，０００万元", "12000"),
        ("3,500.5万", "3500.5"),
        ("500000元", "50"),
        ("1元", "0.0001"),
        (" 2 000 万元 ", "2000"),
        ("￥300万", "300"),
        (3000, "3000"),
        (3000.25, "3000.25"),
        (0.1, "0.1"),
        (Decimal("7.5"), "7.5"),
        ("0", "0"),
    ],
)
def test_amounts_read_as_wan(text, wan):
    assert parse_amount_wan(text) == Decimal(wan)


def test_numbers_can_be_taken_in_yuan():
    assert parse_amount_wan(1234567, default_unit="元") == Decimal("123.4567")


@pytest.mark.parametrize("bad", ["", "   ", None, "abc", "1.2.3万", "万元", True, float("nan"), "12亿亿"])
def test_unreadable_amounts_raise_a_chinese_error(bad):
    with pytest.raises(BadInputError) as exc:
        parse_amount_wan(bad)
    assert "金额" in exc.value.message


@pytest.mark.parametrize(
    "text",
    ["2022年6月30日", "2022-6-30", "2022-06-30", "2022.06.30", "2022/6/30", "２０２２年６月３０日", "20220630",
     "2022-06-30 00:00:00", "2022年6月30号"],
)
def test_dates_in_the_common_forms(text):
    assert parse_date(text) == dt.date(2022, 6, 30)


def test_dates_from_excel_serials_and_datetimes():
    assert parse_date(44742) == dt.date(2022, 6, 30)  # Excel shows 44742 as 2022-06-30
    assert parse_date(44742.75) == dt.date(2022, 6, 30)  # the time of day is dropped
    assert parse_date("44742") == dt.date(2022, 6, 30)
    assert parse_date(1) == dt.date(1900, 1, 1)
    assert parse_date(61) == dt.date(1900, 3, 1)  # after Excel's fictitious 1900-02-29
    assert parse_date(dt.datetime(2021, 1, 1, 8, 30)) == dt.date(2021, 1, 1)
    assert parse_date(dt.date(2021, 1, 1)) == dt.date(2021, 1, 1)


@pytest.mark.parametrize("bad", ["2022-2-30", "2022年13月1日", "明年", "", 0, -5, 60, 99999999])
def test_impossible_dates_raise(bad):
    with pytest.raises(BadInputError):
        parse_date(bad)


@pytest.mark.parametrize(
    "text, frac",
    [("50%", "0.5"), ("５０％", "0.5"), (0.5, "0.5"), ("0.35", "0.35"), (35, "0.35"), ("3.5%", "0.035"), (1, "1"), ("5‰", "0.005")],
)
def test_ratios_as_fractions(text, frac):
    assert parse_ratio(text) == Decimal(frac)


def test_growth_rates_may_be_negative_or_above_100_percent():
    assert parse_ratio("-5%") == Decimal("-0.05")
    assert parse_ratio("150%") == Decimal("1.5")


@pytest.mark.parametrize("bad", ["150", "一半", None])
def test_bad_ratios_raise(bad):
    with pytest.raises(BadInputError):
        parse_ratio(bad)


def test_counts_and_yes_no():
    assert parse_number("１２个") == 12
    assert parse_number("1,200人") == 1200
    assert parse_bool("是") is True and parse_bool("否") is False and parse_bool(1) is True
    with pytest.raises(BadInputError):
        parse_bool("也许")


def test_rounding_is_half_up_to_the_yuan():
    assert round_yuan(Decimal("1.00005")) == Decimal("1.0001")
    assert round_yuan(Decimal("1.00004999")) == Decimal("1.0000")
    assert round_yuan(Decimal("2.00015")) == Decimal("2.0002")  # not banker's rounding


# --- bounds: every reader refuses what Python's int()/Decimal() would take ------------------

from subsidykit.rules.parsing import (  # noqa: E402
    MAX_AMOUNT_WAN,
    MAX_TEXT,
    OutOfRangeError,
    parse_count,
    parse_year,
    shown,
)


@pytest.mark.parametrize(
    "parse, text",
    [
        (parse_amount_wan, "1_000"),
        (parse_amount_wan, "1_000万元"),
        (parse_number, "1_000"),
        (parse_count, "1_0"),
        (parse_ratio, "5_0%"),
        (parse_ratio, "0.5_0"),
        (parse_year, "2_023"),
        (parse_date, "2022_06_30"),
        (parse_date, "2_022-6-30"),
        (parse_date, "4_4742"),
    ],
)
def test_underscores_are_not_digit_separators(parse, text):
    with pytest.raises(BadInputError):
        parse(text)


@pytest.mark.parametrize("parse", [parse_amount_wan, parse_number, parse_ratio, parse_year, parse_date, parse_count])
def test_digits_of_other_scripts_are_refused(parse):
    with pytest.raises(BadInputError):  # Decimal("٢٠٢٣") == 2023, int("²") fails; a clerk's Excel reads neither
        parse("٢٠٢٣")


@pytest.mark.parametrize(
    "value",
    [1e24, -1e24, float("inf"), float("-inf"), 10**400, 10**5000, Decimal("Infinity"), "1" + "0" * 400, "1" + "0" * 13 + "亿元",
     "-" + "9" * 900],
    ids=lambda v: shown(v, 20),
)
def test_amounts_beyond_the_bound_are_out_of_range(value):
    with pytest.raises(OutOfRangeError) as exc:
        parse_amount_wan(value)
    assert "超出范围" in exc.value.message and len(exc.value.message) < 200


def test_amount_bound_and_zero():
    assert parse_amount_wan(10**12) == MAX_AMOUNT_WAN
    assert parse_amount_wan("1000000000000元") == Decimal(10**8)
    assert str(parse_amount_wan(-0.0)) == "0" and str(parse_amount_wan("-0")) == "0"
    for bad in (float("nan"), Decimal("NaN"), Decimal("sNaN")):
        with pytest.raises(BadInputError):
            parse_amount_wan(bad)
    with pytest.raises(BadInputError) as exc:
        parse_amount_wan("9" * (MAX_TEXT + 1))
    assert "文字过长" in exc.value.message and not isinstance(exc.value, OutOfRangeError)
    with pytest.raises(OutOfRangeError):
        parse_amount_wan("9" * MAX_TEXT)
    assert round_yuan(parse_amount_wan("0." + "0" * 900 + "1")) == 0  # tiny: 0 at the yuan, no error


def test_counts_years_ratios_numbers_are_bounded():
    assert parse_count("１２个") == 12 and parse_count(1e6) == 10**6
    for bad in (10**6 + 1, 2.5, -1, 1e29, 10**400, True, float("nan"), "十"):
        with pytest.raises(BadInputError):
            parse_count(bad)
    assert [parse_year(y) for y in (2023, 2023.0, "2023", "2023年", "２０２３年度", Decimal(2023), 1900, 2100)] == [2023] * 6 + [1900, 2100]
    for bad in (1899, 2101, True, 2023.5, "9" * 5000, "²", "明年", None, float("inf"), dt.date(2023, 1, 1)):
        with pytest.raises(BadInputError):
            parse_year(bad)
    with pytest.raises(OutOfRangeError):
        parse_number(1e13)
    with pytest.raises(OutOfRangeError):
        parse_ratio("9" * 20 + "%")
    assert parse_ratio("1000000%") == 10000


@pytest.mark.parametrize(
    "value",
    [1e308, float("inf"), float("nan"), 10**400, 10**5000, Decimal("Infinity"), Decimal("NaN"), "9" * 999, "1" * 5000],
    ids=lambda v: shown(v, 20),
)
def test_dates_from_hostile_numbers_raise_bad_input(value):
    with pytest.raises(BadInputError):
        parse_date(value)


def test_shown_quotes_values_short_and_printable():
    assert shown("a\x00b") == "a?b"
    assert len(shown("x" * 10**6)) == 60
    assert "10^5000" in shown(10**5000)  # no str() of a 5000-digit int (Python refuses beyond 4300)
