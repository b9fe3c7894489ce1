"""The worksheet functions over the Office.js protocol: the real xlwings Server on 127.0.0.1.

The payloads are those the add-in's custom-functions JavaScript posts (every argument a
matrix, omitted optional arguments null, the client's culture and runtime version).
"""

from __future__ import annotations

import inspect

import pytest
import xlwings as xw
from xlserver import get_json, post_json

import udfs

SMART = "2023/智能制造示范工厂项目"


def call(base: str, func: str, *args, runtime: str = "1.4") -> tuple[int, object]:
    payload = {
        "client": "Office.js",
        "func_name": func,
        "args": list(args),
        "caller_address": "[台账.xlsx]台账!G2",
        "culture_info_name": "zh-CN",
        "date_format": "yyyy/m/d",
        "version": xw.__version__,
        "runtime": runtime,
        "session_id": "test-session",
    }
    return post_json(f"{base}/xlwings/custom-functions-call", payload)


def result(base: str, func: str, *args, runtime: str = "1.4") -> object:
    status, body = call(base, func, *args, runtime=runtime)
    assert status == 200, body
    return body["result"]


VALUE_ERROR = {"type": "Error", "errorType": "Value"}
NAME_ERROR = {"type": "Error", "errorType": "Name"}
NA_ERROR = {"type": "Error", "errorType": "NotAvailable"}


# --- metadata ------------------------------------------------------------------------------


def test_meta_lists_every_function_with_chinese_help_and_parameters(xlwings_server):
    meta = get_json(f"{xlwings_server}/xlwings/custom-functions-meta")
    funcs = {f["id"]: f for f in meta["functions"]}
    assert set(funcs) == set(udfs.__all__)
    for name, f in funcs.items():
        assert f["name"] == name  # ASCII upper case; the manifest adds the ZXZJ namespace
        assert any("\u4e00" <= ch <= "\u9fff" for ch in f["description"]), name
        params = inspect.signature(getattr(udfs, name)).parameters
        assert [p["name"] for p in f["parameters"]] == list(params), name
        for p in f["parameters"]:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in p["description"]), (name, p["name"])
            optional = params[p["name"]].default is not inspect.Parameter.empty
            assert p.get("optional", False) is optional, (name, p["name"])
        assert f["result"] == {"dimensionality": "matrix", "type": "any"}


def test_meta_describes_subsidy_cap_as_the_clerk_reads_it(xlwings_server):
    meta = get_json(f"{xlwings_server}/xlwings/custom-functions-meta")
    cap = next(f for f in meta["functions"] if f["id"] == "SUBSIDY_CAP")
    assert cap["description"].startswith("按年度指南计算项目的最高补助金额（万元")
    names = [(p["name"], p.get("optional", False)) for p in cap["parameters"]]
    assert names == [
        ("program", False), ("base", False), ("variant", True), ("count", True), ("year", True),
        ("part_labels", True), ("part_values", True),
    ]
    assert cap["parameters"][1]["description"].startswith("计算基数（万元）")


def test_functions_code_associates_every_function(xlwings_server):
    import urllib.request

    with urllib.request.urlopen(f"{xlwings_server}/xlwings/custom-functions-code", timeout=30) as resp:
        js = resp.read().decode()
    for name in udfs.__all__:
        assert f'CustomFunctions.associate("{name}", {name});' in js


# --- calls ---------------------------------------------------------------------------------


def test_scalar_call(xlwings_server):
    # 000 lines 452-454: 10%, 最高 2000 万元
    assert result(xlwings_server, "SUBSIDY_CAP", [[SMART]], [[2500]], None, None, None) == [[250.0]]
    assert result(xlwings_server, "SUBSIDY_CAP", [[SMART]], [["1.2亿"]], None, None, None) == [[1200.0]]
    assert result(xlwings_server, "SUBSIDY_CAP", [["智能制造示范工厂项目"]], [[35000]], None, None, [[2023]]) == [[2000.0]]


def test_range_call_spills_a_column_with_native_errors(xlwings_server):
    out = result(xlwings_server, "SUBSIDY_CAP", [[SMART]], [[2500], [""], ["abc"], [30000]], None, None, None)
    assert out == [[250.0], [""], [VALUE_ERROR], [2000.0]]
    programs = [[SMART], ["2023/不存在"], ["2023/免费诊断服务项目"], [""]]
    out = result(xlwings_server, "SUBSIDY_CAP", programs, [[2500], [1], [1], [1]], None, None, None)
    assert out == [[250.0], [NAME_ERROR], [NA_ERROR], [""]]


def test_old_runtimes_get_error_strings(xlwings_server):
    out = result(xlwings_server, "SUBSIDY_CAP", [[SMART]], [[2500], ["abc"]], None, None, None, runtime="1.3")
    assert out == [[250.0], ["#VALUE!"]]


def test_single_cell_error_carries_the_reason(xlwings_server):
    # the add-in shows this text on the #VALUE! cell's error flag (HTTP 400: no retry)
    status, body = call(xlwings_server, "SUBSIDY_CAP", [["2023/智能制造示范工程"]], [[3000]], None, None, None)
    assert status == 400 and "2023 年度的指南中没有项目「智能制造示范工程」" in body
    status, body = call(xlwings_server, "SUBSIDY_CAP", [["2023/免费诊断服务项目"]], [[100]], None, None, None)
    assert status == 400 and "另行通知" in body
    status, body = call(xlwings_server, "TO_WAN", [["三千万"]], None)
    assert status == 400 and "无法识别的金额「三千万」" in body


def test_empty_cells_stay_empty(xlwings_server):
    assert result(xlwings_server, "SUBSIDY_CAP", [[SMART]], [[""]], None, None, None) == [[""]]
    assert result(xlwings_server, "SUBSIDY_CAP", [[""]], [[2500]], None, None, None) == [[""]]
    assert result(xlwings_server, "USCC_VALID", [["91350100M000100Y43"], [""], ["x"]]) == [[True], [""], [False]]


def test_text_functions_and_tables(xlwings_server):
    out = result(xlwings_server, "CHECK_THRESHOLD", [[SMART]], [["项目总投入"]], [[2500], [3000]], None)
    assert out[1] == ["通过"] and out[0][0].startswith("不通过：项目总投入 2500 万元，低于 3000 万元")
    # an Excel date serial: 44742 = 2022-06-30 (000 lines 434-436: 至2022年6月30日（含）)
    assert result(xlwings_server, "CHECK_THRESHOLD", [[SMART]], [["完工日期"]], [[44742]], None) == [["通过"]]
    labels = [["项目总投入", "软件投入", "完工日期"]]
    out = result(xlwings_server, "CHECK_ROW", [[SMART]], labels, [[3500, 350, 44742]], None, [[True]])
    assert out == [["通过"]]
    table = result(xlwings_server, "PROGRAMS", [[2023]], [["智能制造"]])
    assert table[0][:3] == ["编号", "年度", "项目名称"] and table[1][:3] == ["2023-smart-factory", 2023, "智能制造示范工厂项目"]
    assert result(xlwings_server, "PROGRAM_INFO", [[SMART]], [["联系电话"]]) == [["025-69652756"]]
    assert result(xlwings_server, "VERIFY_SAMPLE_SIZE", [[47]], None) == [[26]]
    assert result(xlwings_server, "SUBSIDY_RATE", [[SMART]], None, None) == [[0.1]]
    assert result(xlwings_server, "SUBSIDY_LIMIT", [[SMART]], None, None) == [[2000.0]]
    assert result(xlwings_server, "TO_WAN", [["1.2亿"], ["6,001,000元"]], None) == [[12000.0], [600.1]]
    text = result(xlwings_server, "SUBSIDY_EXPLAIN", [[SMART]], [[2500]], None, None, None)[0][0]
    assert "000_e236479adaf7e68e.txt 第452-454行" in text


@pytest.mark.parametrize("n", [1, 200])
def test_a_whole_ledger_column_in_one_call(xlwings_server, n):
    bases = [[1000.0 + 100 * i] for i in range(n)]
    out = result(xlwings_server, "SUBSIDY_CAP", [[SMART]], bases, None, None, None)
    expected = [[min(round((1000.0 + 100 * i) * 0.1, 4), 2000.0)] for i in range(n)]  # 10%, max 2000
    assert out == expected
