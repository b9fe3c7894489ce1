"""Hostile arguments to the worksheet functions: never an exception, inf/NaN or a negative amount.

Each finding of the review is reproduced exactly (called directly, in the range form, and
through the `formulas` engine); then a property test throws hostile scalars at every
function. The README's contract: empty cells give empty results; errors are Excel error
values (#NAME? #N/A #VALUE!, and #NUM! for numbers beyond the documented bounds); an
error value passed in is passed on.

Inputs that could blow up memory (10^6-character text, a 10^5-digit int) run in a child
process under RLIMIT_AS, so a regression fails instead of swapping the machine.
"""

from __future__ import annotations


import datetime as dt
import logging
import math
import subprocess
import sys
import textwrap
import time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.formula import ArrayFormula

import udfs
from subsidykit.rules import lookup
from subsidykit.catalog import records
from subsidykit.catalog import load_catalog
from udfs import (
    APPLICANT_HISTORY,
    BEST_PROGRAM,
    CHECK_ROW,
    CHECK_THRESHOLD,
    ELIGIBLE_PROGRAMS,
    PROGRAM_INFO,
    PROGRAMS,
    SUBSIDY_CAP,
    SUBSIDY_EXPLAIN,
    SUBSIDY_LIMIT,
    SUBSIDY_RATE,
    TO_WAN,
    USCC_VALID,
    VERIFY_SAMPLE_SIZE,
)
from udfs.cells import XlErr
from udfs.formulas_engine import evaluate, value_at

ROOT = Path(__file__).resolve().parents[1]
SMART = "2023/智能制造示范工厂项目"  # 000 lines 452-454: 10%, 单个项目最高不超过2000万元
DATA = "2023/数据产品化项目"  # 000 lines 905-907: 20%, 不超过 500 万元
NO_CAP = "2024-pengcheng-graduate-traineeship-allowance"  # a rate, no cap: only a minimum (#N/A)
PER_UNIT = "2026-ai-manufacturing-diagnosis"  # 004 line 423: 每家企业 2 万元
HUGE_TEXT = "1" + "0" * 400
DOCUMENTED = {"#NAME?", "#N/A", "#VALUE!", "#NUM!"}


def is_err(value: object, code: str) -> bool:
    return isinstance(value, XlErr) and str(value) == code and bool(value.message)


# --- the findings, one by one ------------------------------------------------------------


def test_invalid_operation_no_longer_escapes_single_cells():
    # decimal.InvalidOperation used to escape from all four
    assert SUBSIDY_EXPLAIN(SMART, 1e24).startswith("#NUM! ")
    verdict = CHECK_THRESHOLD(SMART, "项目总投入", 1e24)  # CHECK_* answer in words
    assert isinstance(verdict, str) and verdict != "通过" and "项目总投入" in verdict and "超出范围" in verdict
    assert is_err(SUBSIDY_CAP(SMART, HUGE_TEXT), "#NUM!")
    assert is_err(SUBSIDY_CAP(SMART, 1e24), "#NUM!")  # the float fast path is bounded too
    assert is_err(VERIFY_SAMPLE_SIZE(1e29), "#VALUE!")  # a count: integers 0..1,000,000


def test_one_bad_value_in_a_column_is_an_error_in_that_row_only():
    col = [[2500], [HUGE_TEXT], [3000]]
    assert SUBSIDY_CAP(SMART, col)[0::2] == [[250.0], [300.0]]
    assert is_err(SUBSIDY_CAP(SMART, col)[1][0], "#NUM!")
    mixed = SUBSIDY_CAP([[SMART], [DATA], [SMART]], [[2500], [1e24], [3000]])  # several programs
    assert mixed[0] == [250.0] and is_err(mixed[1][0], "#NUM!") and mixed[2] == [300.0]
    explain = SUBSIDY_EXPLAIN(SMART, [[2500], [1e24], [None]])
    assert "= 250 万元" in explain[0][0] and explain[1][0].startswith("#NUM! ")
    checked = CHECK_THRESHOLD(SMART, "项目总投入", [[3000], [1e24], [None]])
    assert checked[0] == ["通过"] and "超出范围" in checked[1][0] and checked[2] == [None]
    sizes = VERIFY_SAMPLE_SIZE([[5], [1e29], [40]])
    assert sizes[0] == [5] and is_err(sizes[1][0], "#VALUE!") and sizes[2] == [24]
    wan = TO_WAN([["1.2亿"], [HUGE_TEXT], [-1], ["1_000"]])
    assert wan[0] == [12000.0] and is_err(wan[1][0], "#NUM!")
    assert is_err(wan[2][0], "#VALUE!") and is_err(wan[3][0], "#VALUE!")


def test_programs_year_text_of_5000_digits_is_a_value_error():
    assert is_err(PROGRAMS("9" * 5000), "#VALUE!")  # was ValueError (int() digit limit)
    assert is_err(PROGRAMS("9" * 20), "#VALUE!")
    assert is_err(PROGRAMS("²"), "#VALUE!")  # str.isdigit() says yes, int() says no
    assert is_err(PROGRAMS(1899), "#VALUE!") and is_err(PROGRAMS(2101), "#VALUE!")
    assert is_err(PROGRAMS(1999), "#N/A")  # a year in range without programs
    assert PROGRAMS("２０２３年")[1][1] == 2023


def test_to_wan_refuses_inf_negatives_and_underscores():
    assert is_err(TO_WAN(HUGE_TEXT), "#NUM!")  # was inf (the server then answered 500)
    assert is_err(TO_WAN(-1), "#VALUE!") and is_err(TO_WAN("-3000万元"), "#VALUE!")
    assert is_err(TO_WAN("1_000"), "#VALUE!")  # Python's Decimal("1_000") == 1000; a clerk's is not
    assert is_err(TO_WAN("1_000万元"), "#VALUE!") and is_err(TO_WAN(1, "1_0"), "#VALUE!")
    zero = TO_WAN(-0.0)
    assert zero == 0.0 and math.copysign(1, zero) == 1.0
    assert TO_WAN(10**12) == 1e12 and is_err(TO_WAN(10**12 + 1), "#NUM!")
    assert TO_WAN("1000000000000元") == 1e8  # 10^12 元 is well inside the bound


def test_nonfinite_and_huge_bases():
    for base in (float("inf"), -float("inf"), 1e308, 10**400, Decimal("Infinity"), Decimal("1E+30")):
        assert is_err(SUBSIDY_CAP(SMART, base), "#NUM!"), base
    assert is_err(SUBSIDY_CAP(SMART, float("nan")), "#VALUE!")
    assert is_err(SUBSIDY_CAP(SMART, Decimal("NaN")), "#VALUE!")
    out = SUBSIDY_CAP(SMART, [[1e300], [float("inf")], [float("nan")], [-0.0]])
    assert [str(r[0]) for r in out[:3]] == ["#NUM!", "#NUM!", "#VALUE!"] and out[3] == [0.0]
    assert math.copysign(1, SUBSIDY_CAP(SMART, -0.0)) == 1.0


def test_a_rate_without_a_cap_cannot_overflow_the_float_paths():
    # no such program in today's catalog: take 数据产品化 (20%) without its cap
    from subsidykit.rules.amounts import cap_values, fast_cap
    from subsidykit.rules.lookup import Selection
    from udfs.cells import error_for

    sel = Selection(records.replace(load_catalog().by_id[lookup.find_program(DATA).program.id], cap=None))
    fast = fast_cap(sel)
    assert fast.amount(1e300) is None and fast.amount(1e308) is None and fast.amount(float("inf")) is None  # was OverflowError / inf
    assert fast.amount(2500.0) == 500.0
    assert fast.amounts([1e300, 2500.0, float("inf")]) == [None, 500.0, None]  # no cap: the column is answered too
    out = cap_values(sel, [1e300, 2500.0, float("inf"), 1e12], on_error=error_for)  # the numpy path
    assert [str(x) for x in out] == ["#NUM!", "500.0", "#NUM!", "200000000000.0"]
    out = cap_values(sel, [1e300, "2500", None], on_error=error_for)  # the per-cell path
    assert str(out[0]) == "#NUM!" and out[1:] == [500.0, None]


@pytest.mark.parametrize("year", [1899, 2101, "1_999", "abc", True, 2023.5, float("nan"), "9" * 30, [[[2023]]], dt.date(2023, 1, 1)])
def test_years_outside_1900_2100_or_unreadable_are_value_errors(year):
    assert is_err(SUBSIDY_RATE("智能制造示范工厂项目", None, year), "#VALUE!")
    assert is_err(VERIFY_SAMPLE_SIZE(47, year), "#VALUE!")


def test_years_in_the_usual_forms():
    for year in (2023, 2023.0, "2023", "2023年", "２０２３年度", Decimal(2023)):
        assert SUBSIDY_RATE("智能制造示范工厂项目", None, year) == 0.1, year


@pytest.mark.parametrize("count", [1_000_001, 2.5, -1, "1_0", 1e29, True, "十"])
def test_counts_are_integers_up_to_a_million(count):
    assert is_err(SUBSIDY_CAP(PER_UNIT, None, None, count), "#VALUE!")
    assert is_err(VERIFY_SAMPLE_SIZE(count), "#VALUE!")


def test_counts_in_range():
    assert SUBSIDY_CAP(PER_UNIT, None, None, "１５家") == 30.0  # 004 line 423: 2 万元 × 15
    assert VERIFY_SAMPLE_SIZE(1_000_000) == 20 + math.ceil((1_000_000 - 20) * 0.2)


def test_excel_error_values_passed_in_are_passed_on():
    na, div = XlErr("#N/A"), XlErr("#DIV/0!")
    assert SUBSIDY_CAP(SMART, na) is na
    assert SUBSIDY_CAP(div, 2500) is div
    assert SUBSIDY_RATE(SMART, None, na) is na
    assert TO_WAN(div) is div and USCC_VALID(na) is na and PROGRAMS(na) is na
    assert SUBSIDY_EXPLAIN(SMART, na) is na and PROGRAM_INFO(SMART, na) is na
    assert CHECK_THRESHOLD(SMART, "项目总投入", na) is na
    assert CHECK_ROW(SMART, [["项目总投入", "软件投入"]], [[3500, na]], None, True) is na
    column = SUBSIDY_CAP(SMART, [[2500], [na], [3000]])
    assert column == [[250.0], [na], [300.0]]
    rows = SUBSIDY_CAP([[SMART], [div], [DATA]], [[2500], [100], [na]])
    assert rows[0] == [250.0] and rows[1][0] is div and rows[2][0] is na


def test_odd_cell_values_are_value_errors():
    for base in (True, dt.datetime(2023, 1, 1), dt.date(2023, 1, 1), b"2500", {"a": 1}, {1}, [[[2500]]], object()):
        assert is_err(SUBSIDY_CAP(SMART, base), "#VALUE!"), base
        assert is_err(TO_WAN(base), "#VALUE!"), base
    assert is_err(SUBSIDY_CAP(SMART, [[1, 2], [3]]), "#VALUE!")  # ragged range
    assert is_err(SUBSIDY_CAP(SMART, [[]]), "#VALUE!")  # an empty row
    assert is_err(SUBSIDY_RATE([[SMART, DATA], [SMART]]), "#VALUE!")
    assert is_err(CHECK_ROW(SMART, [["项目总投入", "软件投入"]], [[3500, 350], [3500]]), "#VALUE!")
    out = SUBSIDY_CAP(SMART, [[2500], [[2500]], [b"1"], [3000]])  # a nested list inside a column
    assert out[0] == [250.0] and is_err(out[1][0], "#VALUE!") and is_err(out[2][0], "#VALUE!") and out[3] == [300.0]


def test_full_width_digits_are_numbers_other_scripts_and_underscores_are_not():
    assert SUBSIDY_CAP(SMART, "２５００") == 250.0 and TO_WAN("１２，０００万元") == 12000.0
    assert is_err(TO_WAN("٢٥٠٠"), "#VALUE!")  # Arabic-Indic digits: Decimal() reads them, Excel does not
    assert is_err(SUBSIDY_CAP(SMART, "2_500"), "#VALUE!")


def test_control_characters_and_long_text_never_reach_a_cell():
    for fn in (PROGRAM_INFO, SUBSIDY_EXPLAIN):
        text = fn("2023/不存在\x00\x07项目")
        assert isinstance(text, str) and not any(ord(c) < 32 and c not in "\t\r\n" for c in text)
    err = SUBSIDY_CAP(SMART, "12\x0034")
    assert is_err(err, "#VALUE!") and "\x00" not in err.message
    long = "x" * 5000
    for result in (SUBSIDY_CAP(long, 1), SUBSIDY_CAP(SMART, long), TO_WAN(long), USCC_VALID(long), PROGRAM_INFO(SMART, long)):
        assert is_err(result, "#VALUE!") and len(result.message) < 200
    assert is_err(SUBSIDY_RATE("智能制造" * 60), "#NAME?")  # a name longer than 200 characters
    assert len(SUBSIDY_EXPLAIN(SMART, "9" * 999)) < 300  # the value is quoted shortened


def test_an_unexpected_exception_is_a_value_error_in_its_row_only(monkeypatch, caplog):
    from udfs import functions

    real = functions.rate_of

    def flaky(program, **kw):
        if program == DATA:
            raise ZeroDivisionError("boom")
        return real(program, **kw)

    monkeypatch.setattr(functions, "rate_of", flaky)
    with caplog.at_level(logging.ERROR, logger="udfs.cells"):
        out = SUBSIDY_RATE([[SMART], [DATA], [SMART]])
    assert out[0] == [0.1] and is_err(out[1][0], "#VALUE!") and out[2] == [0.1]
    assert any("ZeroDivisionError" in (r.exc_text or "") for r in caplog.records)


# --- speed: a column of unknown names ------------------------------------------------------


@pytest.mark.parametrize("fn", [SUBSIDY_RATE, PROGRAM_INFO, SUBSIDY_LIMIT, SUBSIDY_CAP, SUBSIDY_EXPLAIN])
def test_ten_thousand_unknown_names_are_quick(fn):
    load_catalog()  # the catalog load is not what is measured
    lookup.clear_name_cache()
    col = [["智能制造示范工程项目甲乙丙"]] * 9_900 + [[f"不存在的项目{i}"] for i in range(100)]
    start = time.perf_counter()
    out = fn(col, [[100]] * len(col)) if fn in (SUBSIDY_CAP, SUBSIDY_EXPLAIN) else fn(col)
    elapsed = time.perf_counter() - start
    assert elapsed < 3.0, f"{fn.__name__}: {elapsed:.2f} s for 10,000 unknown names (was 14-30 s)"
    cells = [r[0] for r in out]
    if fn is PROGRAM_INFO:  # PROGRAM_INFO answers with the reason as text
        assert all(c.startswith("错误：") and "没有项目" in c for c in cells)
    elif fn is SUBSIDY_EXPLAIN:
        assert all(c.startswith("#NAME? ") for c in cells)
    else:
        assert all(is_err(c, "#NAME?") for c in cells)
    assert "相近的项目：2021/智能制造示范工厂项目" in str(getattr(cells[0], "message", cells[0]))


def test_name_resolution_failures_are_resolved_once(monkeypatch):
    lookup.clear_name_cache()
    calls = []
    real = lookup._find_program

    def counted(*args, **kw):
        calls.append(args)
        return real(*args, **kw)

    monkeypatch.setattr(lookup, "_find_program", counted)
    out = SUBSIDY_RATE([["2023/不存在的项目"]] * 500 + [[SMART]] * 500)
    assert is_err(out[0][0], "#NAME?") and out[-1] == [0.1]
    assert len(calls) == 2
    # the cached error is a fresh exception each time, with its candidates
    with pytest.raises(lookup.UnknownProgramError) as one:
        lookup.find_program("2023/智能制造示范工程")
    with pytest.raises(lookup.UnknownProgramError) as two:
        lookup.find_program("2023/智能制造示范工程")
    assert one.value is not two.value and one.value.candidates == two.value.candidates != []
    # year types are part of the key: True is not 1
    assert is_err(SUBSIDY_RATE("智能制造示范工厂项目", None, True), "#VALUE!")


def test_a_reloaded_catalog_is_not_answered_from_the_old_cache(monkeypatch):
    """A reload gives a new Catalog object: names resolve afresh, float functions are rebuilt.

    Simulated without touching load_catalog's own cache (other tests hold its Catalog):
    the reloaded catalog is today's with 智能制造示范工厂 at 30% instead of 10%.
    """
    from subsidykit.catalog import Catalog
    from subsidykit.rules import amounts

    old = load_catalog()
    assert SUBSIDY_CAP(SMART, 2500) == 250.0 and SUBSIDY_RATE(SMART) == 0.1  # cached for `old`
    assert is_err(SUBSIDY_RATE("2023/智能制造示范工厂项目X"), "#NAME?")  # a cached failure
    docs = []
    for doc in old.documents:
        progs = [records.replace(p, rate=Decimal("0.3")) if p.id == "2023-smart-factory" else p for p in doc.programs]
        docs.append(records.replace(doc, programs=progs))
    reloaded = Catalog(tuple(docs))
    monkeypatch.setattr(lookup, "load_catalog", lambda: reloaded)
    monkeypatch.setattr(amounts, "load_catalog", lambda: reloaded)
    assert lookup.find_program(SMART).program is reloaded.by_id["2023-smart-factory"]
    assert SUBSIDY_CAP(SMART, 2500) == 750.0 and SUBSIDY_RATE(SMART) == 0.3  # 2500 × 30%
    assert SUBSIDY_CAP(SMART, [[2500], [10000]]) == [[750.0], [2000.0]]
    assert amounts._FAST_BY_NAME_OF[0] is reloaded
    assert lookup.find_program(SMART, catalog=old).program is old.by_id["2023-smart-factory"]  # kept apart
    monkeypatch.undo()
    assert SUBSIDY_CAP(SMART, 2500) == 250.0 and SUBSIDY_RATE(SMART) == 0.1


# --- through the `formulas` engine -----------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory) -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    values = [2500, 1e24, HUGE_TEXT, "1_000", -1, "-3000万元", "abc", 1e308]
    for r, value in enumerate(values, start=2):
        ws[f"A{r}"] = value
        ws[f"B{r}"] = f'=SUBSIDY_CAP("{SMART}",A{r})'
        ws[f"C{r}"] = f"=TO_WAN(A{r})"
        ws[f"D{r}"] = f'=SUBSIDY_EXPLAIN("{SMART}",A{r})'
        ws[f"E{r}"] = f'=CHECK_THRESHOLD("{SMART}","项目总投入",A{r})'
        ws[f"F{r}"] = f'=IFERROR(SUBSIDY_CAP("{SMART}",A{r}),"错")'
    ws["G2"] = ArrayFormula("G2:G9", f'=SUBSIDY_CAP("{SMART}",A2:A9)')
    ws["H2"] = ArrayFormula("H2:H9", "=TO_WAN(A2:A9)")
    ws["I2"] = "=VERIFY_SAMPLE_SIZE(1E+29)"
    ws["I3"] = '=PROGRAMS(REPT("9",5000))'
    ws["I4"] = f'=SUBSIDY_CAP("{SMART}",1/0)'
    ws["I5"] = '=SUBSIDY_RATE("智能制造示范工厂项目",,1899)'
    ws["I6"] = "=SUM(G2:G9)"
    ws["I7"] = '=SUBSIDY_RATE("2023/不存在的项目")'
    path = tmp_path_factory.mktemp("hostile") / "hostile.xlsx"
    wb.save(path)
    return evaluate(path)


def test_formulas_engine_single_cells(hostile_book):
    r = hostile_book

    def at(cell):
        return value_at(r, "S", cell)

    assert at("B2") == 250 and at("C2") == 2500
    assert [str(at(f"B{i}")) for i in range(3, 10)] == ["#NUM!", "#NUM!", "#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!", "#NUM!"]
    assert [str(at(f"C{i}")) for i in range(3, 10)] == ["#NUM!", "#NUM!", "#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!", "#NUM!"]
    assert at("D3").startswith("#NUM! ") and at("D5").startswith("#VALUE! ")
    assert "超出范围" in at("E3") and "超出范围" in at("E4") and "无法识别的金额「1_000」" in at("E5")
    assert [at(f"F{i}") for i in range(3, 10)] == ["错"] * 7
    assert str(at("I2")) == "#VALUE!" and str(at("I3")) == "#VALUE!"
    assert str(at("I4")) == "#DIV/0!" and str(at("I5")) == "#VALUE!" and str(at("I7")) == "#NAME?"


def test_formulas_engine_array_formula_errs_in_one_row_only(hostile_book):
    r = hostile_book
    spilled = [value_at(r, "S", f"G{i}") for i in range(2, 10)]
    assert spilled[0] == 250
    assert [str(v) for v in spilled[1:]] == ["#NUM!", "#NUM!", "#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!", "#NUM!"]
    wan = [value_at(r, "S", f"H{i}") for i in range(2, 10)]
    assert wan[0] == 2500 and all(isinstance(v, XlErr) for v in wan[1:])
    assert isinstance(value_at(r, "S", "I6"), XlErr)  # SUM propagates the error: no wrong total


def test_formulas_engine_wrapper_with_hostile_ranges():
    """The adapter `formulas` calls, fed numpy arrays as `formulas` does (ragged input cannot occur there)."""
    import numpy as np

    from udfs.formulas_engine import _wrap

    cap = _wrap(SUBSIDY_CAP)
    out = cap(SMART, np.array([[2500.0], [1e24], [float("nan")], [-0.0]], dtype=object))
    assert out.shape == (4, 1) and out[0, 0] == 250.0 and out[3, 0] == 0.0
    assert [str(out[i, 0]) for i in (1, 2)] == ["#NUM!", "#VALUE!"]
    assert str(_wrap(TO_WAN)(HUGE_TEXT)) == "#NUM!"


# --- the property test: hostile scalars at every function ----------------------------------

PROGRAM_NAMES = [SMART, DATA, NO_CAP, PER_UNIT, "2023/工业互联网标识解析项目", "2023/免费诊断服务项目",
                 "2023-specialized-sme-capability", "2023-talent-training-yingcai", "2023-xinchuang-lab",
                 "2024-pengcheng-student-startup-guaranteed-loan", "智能制造示范工厂项目"]
FIELDS = ["项目总投入", "软件投入", "完工日期", "已投入比例", "示范级别", "职工人数", "来源", "比例", "最高", "名额", "条件"]
NASTY_TEXT = [
    "1_000", HUGE_TEXT, "-3000万元", "1e24", "1E+400", "NaN", "inf", "-inf", "-0", "+0", "0e0", "²", "٢٠٢٣",
    "９" * 30, "2023年", "２０２３年度", "\x00", "\x07\x1b[31m", "\u200b", "\ufeff12", "12\u00a0000", "1,2,3", ".", "-",
    "%", "1e3%", "99999999999999999999%", "1" + "0" * 40 + "亿元", "-" + "9" * 900, "0." + "0" * 900 + "1", "#N/A",
    "=1+1", "'123", "1.2.3", "1..2", "１２，０００万元", "2022-02-30", "2022年13月1日", "20220630", "44742", "1900-02-29",
    "是", "否", "TRUE", "x" * 1001, "智能制造" * 60,
]
ERRORS = [XlErr(code) for code in ("#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#DIV/0!", "#NULL!")]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 10**6, 10**6 + 1, 10**12, 10**12 + 1, 10**18, 10**19, -(10**400), 10**400, 10**5000, -(10**5000), 2**63]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([-0.0, 1e308, -1e308, 5e-324, 1e24, 1e29, 2023.0, 2023.5, 44742.75, 1e12, 1e12 + 1]),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(NASTY_TEXT),
    st.datetimes(),
    st.dates(),
    st.sampled_from(ERRORS),
    st.sampled_from([b"2500", {"a": 1}, (), [], [[]], [[1, 2], [3]], [[[1]]], object()]),
)
programs = st.one_of(st.sampled_from(PROGRAM_NAMES), scalars)
fields = st.one_of(st.sampled_from(FIELDS), scalars)


def _passed_in(args: tuple) -> set[str]:
    """Error codes among the arguments (passed on as they are)."""
    found: set[str] = set()

    def walk(v):
        if isinstance(v, XlErr):
            found.add(str(v))
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)

    walk(args)
    return found


def assert_cell_ok(value: object, allowed: set[str]) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, XlErr):
        assert str(value) in allowed, value
        assert value.message and len(value.message) <= 2000
        return
    if isinstance(value, int):
        assert value >= 0, value
        return
    if isinstance(value, float):
        assert math.isfinite(value) and value >= 0 and math.copysign(1, value) == 1.0, value
        return
    assert type(value) is str, (type(value), value)
    assert value not in DOCUMENTED | {"#REF!", "#DIV/0!", "#NULL!"}, "an error code as plain text"
    assert len(value) <= 32767
    assert not any(ord(c) < 32 and c not in "\t\r\n" for c in value), repr(value)


def assert_result_ok(result: object, args: tuple) -> None:
    allowed = DOCUMENTED | _passed_in(args)
    if isinstance(result, list):
        assert result and all(isinstance(row, list) and row for row in result)
        for row in result:
            for cell in row:
                assert_cell_ok(cell, allowed)
    else:
        assert_cell_ok(result, allowed)


class _Fail(logging.Handler):
    """Any record from the worksheet boundary's safety net fails the property test."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def boundary_log():
    handler = _Fail()
    logger = logging.getLogger("udfs.cells")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

CALLS = {
    "SUBSIDY_CAP": (SUBSIDY_CAP, st.tuples(programs, scalars, scalars, scalars, scalars)),
    "SUBSIDY_EXPLAIN": (SUBSIDY_EXPLAIN, st.tuples(programs, scalars, scalars, scalars, scalars)),
    "SUBSIDY_RATE": (SUBSIDY_RATE, st.tuples(programs, scalars, scalars)),
    "SUBSIDY_LIMIT": (SUBSIDY_LIMIT, st.tuples(programs, scalars, scalars)),
    "CHECK_THRESHOLD": (CHECK_THRESHOLD, st.tuples(programs, fields, scalars, scalars)),
    "CHECK_ROW": (CHECK_ROW, st.tuples(programs, st.lists(fields, min_size=1, max_size=4), scalars, scalars, scalars)),
    "PROGRAMS": (PROGRAMS, st.tuples(scalars, scalars)),
    "PROGRAM_INFO": (PROGRAM_INFO, st.tuples(programs, fields)),
    "VERIFY_SAMPLE_SIZE": (VERIFY_SAMPLE_SIZE, st.tuples(scalars, scalars)),
    "USCC_VALID": (USCC_VALID, st.tuples(scalars)),
    "TO_WAN": (TO_WAN, st.tuples(scalars, st.one_of(st.sampled_from(["元", "万元", "亿元", "千元", "万", "亿"]), scalars))),
    "ELIGIBLE_PROGRAMS": (ELIGIBLE_PROGRAMS, st.tuples(st.lists(fields, min_size=1, max_size=4), scalars, scalars, scalars)),
    "BEST_PROGRAM": (BEST_PROGRAM, st.tuples(st.lists(fields, min_size=1, max_size=4), scalars, scalars)),
    # no register in the tests (SUBSIDYKIT_DB=off): codes and years are still read, and a valid
    # code is #N/A with how to configure one
    "APPLICANT_HISTORY": (APPLICANT_HISTORY, st.tuples(scalars, scalars)),
}


def test_every_function_is_in_the_property_test():
    assert set(CALLS) == set(udfs.__all__)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_hostile_scalars_never_escape(name, boundary_log):
    fn, args_strategy = CALLS[name]

    @PROPERTY
    @given(args_strategy)
    def run(args):
        if name == "CHECK_ROW":  # labels a row, values the same width
            program, labels, value, year, only = args
            args = (program, [labels], [[value] * len(labels)], year, only)
        elif name in ("ELIGIBLE_PROGRAMS", "BEST_PROGRAM"):  # labels a row, values the same width
            labels, value, *rest = args
            args = ([labels], [[value] * len(labels)], *rest)
        result = fn(*args)
        assert_result_ok(result, args)

    run()
    assert not boundary_log.records, [r.getMessage() for r in boundary_log.records]


@PROPERTY
@given(st.lists(scalars, min_size=2, max_size=8), st.sampled_from([SMART, DATA, NO_CAP, PER_UNIT]))
def test_hostile_columns_err_per_row_and_agree_with_single_cells(bases, program):
    column = SUBSIDY_CAP(program, [[b] for b in bases])
    assert len(column) == len(bases)
    for b, row in zip(bases, column, strict=True):
        assert_cell_ok(row[0], DOCUMENTED | _passed_in((b,)))
        single = SUBSIDY_CAP(program, b)
        if isinstance(b, (list, tuple)):
            continue  # a list as the single argument is a range (an empty one: a blank cell), not a cell
        if isinstance(single, XlErr) or isinstance(row[0], XlErr):
            assert str(single) == str(row[0]), (b, single, row[0])
        else:
            assert single == row[0], (b, single, row[0])
    many = SUBSIDY_CAP([[program], [SMART]] * (len(bases) // 2) + [[program]] * (len(bases) % 2), [[b] for b in bases])
    for row in many:
        assert_cell_ok(row[0], DOCUMENTED | _passed_in(tuple(bases)))


# --- inputs that could exhaust memory: in a child process with a memory limit ----------------

CHILD = textwrap.dedent(
    """
    import math, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (__LIMIT__, __LIMIT__))
    sys.set_int_max_str_digits(0)  # let str(int) be tried at any size: only our bounds should stop it
    from udfs import *
    from udfs.cells import XlErr
    P = "2023/智能制造示范工厂项目"
    giant_text = "9" * 10**6
    giant_int = 10 ** 100000
    args = [giant_text, "1" + "0" * 10**6 + "万元", "\\x00" * 10**6, "智" * 10**6, giant_int, -giant_int,
            "0." + "0" * 10**6 + "1", "2022-06-30" + " " * 10**6]
    start = time.time()
    for a in args:
        results = [SUBSIDY_CAP(P, a), SUBSIDY_CAP(a, 1), SUBSIDY_EXPLAIN(P, a), SUBSIDY_RATE(a), SUBSIDY_LIMIT(P, None, a),
                   CHECK_THRESHOLD(P, "项目总投入", a), CHECK_THRESHOLD(P, "完工日期", a), CHECK_THRESHOLD(P, a, 1),
                   CHECK_ROW(P, [["项目总投入", "完工日期"]], [[a, a]]), PROGRAMS(a), PROGRAMS(None, a), PROGRAM_INFO(a),
                   PROGRAM_INFO(P, a), VERIFY_SAMPLE_SIZE(a), VERIFY_SAMPLE_SIZE(5, a), USCC_VALID(a), TO_WAN(a), TO_WAN(1, a),
                   SUBSIDY_CAP(P, [[a]] * 1000)]
        for r in results:
            cells = [c for row in r for c in row] if isinstance(r, list) else [r]
            for c in cells:
                assert c is None or isinstance(c, (bool, XlErr)) or (isinstance(c, str) and len(c) < 5000), (type(a), repr(c)[:200])
    print("ok", round(time.time() - start, 2))
    """
)


def test_giant_inputs_in_a_memory_limited_child():
    limit = 3 * 1024**3  # address space: the interpreter, numpy and the catalog need well under this
    proc = subprocess.run(
        [sys.executable, "-c", CHILD.replace("__LIMIT__", str(limit))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.startswith("ok")
    assert float(proc.stdout.split()[1]) < 60
