"""Round 2 of hostile input: .csv decoding and quoting, repeated names on the command line and
in CHECK_ROW, and hostile --mapping files.  Each test is a finding that was fixed."""

from __future__ import annotations

import time

import pytest

from subsidykit.cli.app import main
from subsidykit.errors import BadInputError
from subsidykit.workbooks.ledger import MAPPING_MAX_BYTES, _find_header, load_mapping
from subsidykit.workbooks.safe import LEDGER_LIMITS, UnreadableWorkbook, read_workbook_bytes

HEADER = "单位名称,申报项目名称,项目总投入\n"
ROW = "甲公司,智能工厂,3500\n"


def _rows(data: bytes, limits=LEDGER_LIMITS) -> list[list]:
    return read_workbook_bytes(data, "台账.csv", limits).sheets[0].rows


# --- .csv -------------------------------------------------------------------------------------


def test_a_utf8_bom_before_gbk_text_is_read_as_gbk_not_replaced():
    # was: decoded as UTF-8 with "replace": every Chinese header became U+FFFD, header not found
    rows = _rows(b"\xef\xbb\xbf" + (HEADER + ROW).encode("gbk"))
    assert rows[0] == ["单位名称", "申报项目名称", "项目总投入"]
    assert rows[1][0] == "甲公司"


def test_a_quote_never_closed_is_refused_not_read_as_one_cell():
    # was: the rest of the file silently became one cell of the row where the quote opened
    with pytest.raises(UnreadableWorkbook, match="引号没有闭合"):
        _rows((HEADER + '甲公司,"智能工厂,3500\n' + ROW * 50).encode())
    assert _rows((HEADER + '甲公司,"智能,工厂",3500\n').encode())[1] == ["甲公司", "智能,工厂", "3500"]


def test_a_million_trailing_empty_lines_do_not_count_against_the_row_limit():
    # was: refused as too large ("用到第 200001 行、第 0 列") though only 2 rows hold anything
    rows = _rows((HEADER + ROW).encode() + b"\n" * 1_000_000 + b",,,\r\n" * 1000)
    assert rows == [["单位名称", "申报项目名称", "项目总投入"], ["甲公司", "智能工厂", "3500"]]
    # empty lines in the middle keep their place
    assert _rows((HEADER + "\n\n" + ROW).encode())[3][0] == "甲公司"
    # data after the row limit is still refused
    with pytest.raises(UnreadableWorkbook) as exc:
        _rows((HEADER).encode() + b"\n" * 300_000 + ROW.encode())
    assert exc.value.reason == "too_large"


def test_a_cell_over_the_field_limit_is_too_large_with_a_chinese_reason():
    # was: reason "corrupt" (文件已损坏) with the csv module's English message
    with pytest.raises(UnreadableWorkbook) as exc:
        _rows(HEADER.encode() + b"x" * 900_000 + b"\n")
    assert exc.value.reason == "too_large" and "field limit" not in str(exc.value)


# --- names given twice ----------------------------------------------------------------------


P = "2023/智能制造示范工厂项目"
PARTS = "2022/技术改造贷款贴息和设备补助项目"


def test_the_same_field_twice_on_the_command_line_is_refused(capsys):
    # was: 项目总投入=3500 项目总投入=100 silently checked 100 (an alias twice was already refused)
    assert main(["check", P, "项目总投入=3500", "项目总投入=100"]) == 2
    assert "给了两次" in capsys.readouterr().err
    # was: the last --part won: 贷款利息 99999 instead of 100
    assert main(["cap", PARTS, "--part", "贷款利息=100", "--part", "贷款利息=99999"]) == 2
    assert "给了两次" in capsys.readouterr().err


def test_check_row_refuses_one_field_in_two_columns():
    from udfs.functions import CHECK_ROW

    # was: the last column silently won (3500 then 100 -> 不通过 on 100), by name or by alias
    for labels in (["项目总投入", "项目总投入"], ["项目总投入", "总投资"]):
        out = CHECK_ROW(P, [labels], [[3500, 100]])
        assert out == "#VALUE!" and "只能有一列" in out.message, repr(out)


# --- --mapping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("m.yaml", b"\xff\xfe\x00a: b\n", "UTF-8"),  # was: UnicodeDecodeError traceback
        ("m.json", b"[" * 100_000 + b"]" * 100_000, "嵌套"),  # was: RecursionError traceback
        ("m.yaml", b"a: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "嵌套"),
        ("m.yaml", "申报单位: 单位名称\n申报单位: 申报项目名称\n".encode(), "两次"),  # was: the last one, silently
        ("m.json", '{"申报单位": "单位名称", "申报单位": "申报项目名称"}'.encode(), "两次"),
        ("m.yaml", "申报单位: 单位名称\n申报单位（）: 申报项目名称\n".encode(), "同一个表头"),
    ],
)
def test_hostile_mapping_files_are_bad_input(tmp_path, name, content, words):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(BadInputError, match=words):
        load_mapping(p)


def test_a_huge_mapping_file_is_refused_and_a_big_one_stays_fast(tmp_path):
    # was: a 16 MB mapping ran for minutes (every header compared with every entry, normalised each time)
    big = tmp_path / "big.yaml"
    big.write_text("".join(f"列{i}: 单位名称\n" for i in range(700_000)), encoding="utf-8")
    with pytest.raises(BadInputError, match="过大"):
        load_mapping(big)
    lines, size, i = [], 0, 0
    while size < MAPPING_MAX_BYTES - 100:
        line = f"列{i}: 单位名称\n"
        lines.append(line)
        size += len(line.encode())
        i += 1
    ok = tmp_path / "ok.yaml"
    ok.write_text("".join(lines), encoding="utf-8")
    mapping = load_mapping(ok)
    grid = [[f"表头{r}-{c}" for c in range(40)] for r in range(20)] + [["列7", "项目总投入"]]
    start = time.perf_counter()
    _find_header(grid, mapping)
    assert time.perf_counter() - start < 10


def test_a_row_of_twenty_thousand_unknown_labels_is_refused_quickly():
    """CHECK_ROW with 20,000 unknown labels took 44 s working out close names for each: the
    suggestions are made for the first few only."""
    import time

    from udfs import CHECK_ROW

    n = 20000
    started = time.perf_counter()
    out = CHECK_ROW("2023/智能制造示范工厂项目", [[f"近似字段{i}" for i in range(n)]], [[1] * n])
    assert time.perf_counter() - started < 10
    assert str(out) == "#NAME?" and f"另有 {n - 5} 个无法识别的字段" in out.message


def test_a_workbook_with_two_members_of_one_name_is_refused(tmp_path):
    """A zip may hold two entries named xl/worksheets/sheet1.xml; the checks read one of them and
    a reader might take the other (a DOCTYPE or a huge extent hidden in the copy never scanned)."""
    import io
    import warnings
    import zipfile

    import openpyxl

    from subsidykit.validation.checks import validate_file
    from subsidykit.workbooks.safe import UnreadableWorkbook, read_workbook

    wb = openpyxl.Workbook()
    wb.active["A1"] = "单位名称"
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        z.writestr("xl/worksheets/sheet1.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>')
        for info in src.infolist():
            z.writestr(info, src.read(info.filename))
    path = tmp_path / "twice.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(UnreadableWorkbook) as exc:
        read_workbook(path)
    assert "重名" in exc.value.message and "xl/worksheets/sheet1.xml" in exc.value.message
    result = validate_file(path)
    assert [f.code for f in result.findings] == ["FILE_UNREADABLE"]
