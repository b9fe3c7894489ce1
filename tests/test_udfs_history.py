"""=APPLICANT_HISTORY(uscc, [years]) (issue 18): the register's projects of an enterprise in cells.

The register is filled the way a clerk fills it: `subsidykit register import` (a real process) of
a supported list and an acceptance list written here; the function is then called directly, in
the cells of a real xlsx through the `formulas` engine, and over HTTP on the real xlwings Server
with the server's own register (SUBSIDYKIT_DB)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula
from xlserver import post_json, running_server

import udfs
from udfs.formulas_engine import evaluate, value_at
from udfs.history import APPLICANT_HISTORY, HISTORY_HEADER, NO_REGISTER, parse_years

ROOT = Path(__file__).resolve().parents[1]
A = "913201004JURQ28308"  # valid check characters (rules.uscc.make)
B = "91320200MA1N2P3Q4R"


def _valid_b() -> str:
    from subsidykit.rules.uscc import check_char

    body = "91320200MA1N2P3Q4"
    return body + check_char(body)


B = _valid_b()


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "subsidykit.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> str:
    d = tmp_path_factory.mktemp("history")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["2022年度省工业和信息产业转型升级专项资金支持项目名单"])
    ws.append(["序号", "企业名称", "统一社会信用代码", "项目名称", "支持金额（万元）"])
    ws.append([1, "江苏甲科技有限公司", A, "年产10万台智能装备数字化车间项目", 500])
    ws.append([2, "无锡乙材料有限公司", B, "新材料中试线项目", 300])
    wb.save(d / "支持名单_2022.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "验收"
    ws.append(["企业名称", "统一社会信用代码", "项目名称", "验收结论", "验收时间"])
    ws.append(["无锡乙材料有限公司", B, "新材料中试线项目", "通过", "2023-11-20"])
    wb.save(d / "验收结果_2022.xlsx")
    url = f"sqlite:///{d / 'register.db'}"
    r = run("register", "import", str(d / "支持名单_2022.xlsx"), "--kind", "supported", "--year", "2022", "--db", url)
    assert r.returncode == 0, r.stdout + r.stderr
    r = run("register", "import", str(d / "验收结果_2022.xlsx"), "--kind", "accepted", "--year", "2022", "--db", url)
    assert r.returncode == 0, r.stdout + r.stderr
    return url


@pytest.fixture
def with_register(register, monkeypatch):
    monkeypatch.setenv("SUBSIDYKIT_DB", register)
    return register


def test_spills_the_supported_project_with_its_award_and_source(with_register):
    table = APPLICANT_HISTORY(A)
    assert table[0] == HISTORY_HEADER
    assert len(table) == 2
    row = dict(zip(HISTORY_HEADER, table[1]))
    assert row["年度"] == 2022
    assert row["申报单位"] == "江苏甲科技有限公司"
    assert row["项目名称"] == "年产10万台智能装备数字化车间项目"
    assert row["状态"] == "已支持"
    assert row["支持金额（万元）"] == 500.0
    assert row["验收"] == "未验收或未知"
    assert row["来源"].startswith("支持名单_2022.xlsx · 名单 · 第 3 行")


def test_an_accepted_project_shows_the_result_and_date(with_register):
    row = dict(zip(HISTORY_HEADER, APPLICANT_HISTORY(B)[1]))
    assert row["验收"] == "通过"
    assert row["验收日期"] == "2023-11-20"
    assert row["支持金额（万元）"] == 300.0


@pytest.mark.parametrize("years", ["2022", 2022, 2022.0, "2021-2023", "2020至2022", "2022,2025", [[2021], [2022]]])
def test_years_that_include_2022(with_register, years):
    assert len(APPLICANT_HISTORY(A, years)) == 2


@pytest.mark.parametrize("years", ["2023", "2023-2025", [[2021], [2023]]])
def test_years_without_2022_are_not_available(with_register, years):
    out = APPLICANT_HISTORY(A, years)
    assert out == "#N/A" and "没有" in out.message and A in out.message


def test_unknown_enterprise_is_not_available_naming_the_register(with_register):
    from subsidykit.rules.uscc import check_char

    other = "91320500MA1ABCDEF" + check_char("91320500MA1ABCDEF")
    out = APPLICANT_HISTORY(other)
    assert out == "#N/A" and other in out.message and "登记簿" in out.message


def test_no_register_is_not_available_with_how_to_configure(monkeypatch):
    monkeypatch.setenv("SUBSIDYKIT_DB", "off")
    out = APPLICANT_HISTORY(A)
    assert out == "#N/A" and out.message == NO_REGISTER


def test_the_ribbon_setting_names_the_register(register, monkeypatch):
    """On the desktop the address saved in 设置 (REGISTER) is used before SUBSIDYKIT_DB."""
    from udfs.settings import user_config_path

    monkeypatch.setenv("SUBSIDYKIT_DB", "off")
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(f'"YEAR","2023"\r\n"REGISTER","{register}"\r\n'.encode("gbk"))
    assert len(APPLICANT_HISTORY(A)) == 2


@pytest.mark.parametrize(
    "code, words",
    [("9132010", "18 位"), ("913201004JURQ28309", "校验"), ("91320100\x004JURQ2830", "")],
)
def test_a_wrong_code_is_a_value_error(with_register, code, words):
    out = APPLICANT_HISTORY(code)
    assert out == "#VALUE!" and words in out.message


@pytest.mark.parametrize("years", ["二〇二二", "2023-2021", "1000-3000", "abc"])
def test_unreadable_years_are_a_value_error(with_register, years):
    assert APPLICANT_HISTORY(A, years) == "#VALUE!"


def test_a_range_of_codes_is_a_value_error(with_register):
    assert APPLICANT_HISTORY([[A], [B]]) == "#VALUE!"


def test_a_blank_code_stays_empty(with_register):
    assert APPLICANT_HISTORY(None) is None


def test_a_corrupt_register_is_a_value_error_not_a_crash(tmp_path, monkeypatch):
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("SUBSIDYKIT_DB", str(bad))
    out = APPLICANT_HISTORY(A)
    assert out == "#VALUE!" and out.message


def test_parse_years_reads_ranges_lists_and_cells():
    assert parse_years(None) is None
    assert parse_years("2021-2023") == (2021, 2022, 2023)
    assert parse_years("2022，2024") == (2022, 2024)
    assert parse_years([[2021.0], [None], ["2023"]]) == (2021, 2023)


def test_registered_with_chinese_help():
    assert "APPLICANT_HISTORY" in udfs.__all__
    doc = APPLICANT_HISTORY.__doc__
    assert doc.startswith("登记簿中该企业的项目") and len(doc) <= 255


def test_formulas_engine_spills_the_history_in_cells(with_register, tmp_path):
    path = tmp_path / "历史.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "查询"
    ws["A1"] = A
    ws["A2"] = B
    ws["A4"] = ArrayFormula("A4:K5", "=APPLICANT_HISTORY(A1)")
    ws["M1"] = "=INDEX(APPLICANT_HISTORY(A2,2022),2,9)"
    ws["M2"] = "=ISNA(APPLICANT_HISTORY(A1,2024))"
    wb.save(path)
    results = evaluate(path)
    assert [value_at(results, "查询", f"{c}4") for c in "ABG"] == ["年度", "申报单位", "状态"]
    assert value_at(results, "查询", "A5") == 2022
    assert value_at(results, "查询", "H5") == 500.0
    assert value_at(results, "查询", "M1") == "通过"
    assert value_at(results, "查询", "M2") is True


def test_server_uses_its_own_register(register):
    with running_server({"SUBSIDYKIT_DB": register}) as base:
        payload = {
            "client": "Office.js",
            "func_name": "APPLICANT_HISTORY",
            "args": [[[A]], None],
            "caller_address": "[查询.xlsx]查询!A4",
            "culture_info_name": "zh-CN",
            "date_format": "yyyy/m/d",
            "version": __import__("xlwings").__version__,
            "runtime": "1.4",
            "session_id": "test-session",
        }
        status, body = post_json(f"{base}/xlwings/custom-functions-call", payload)
        assert status == 200, body
        table = body["result"]
        assert table[0] == HISTORY_HEADER
        assert table[1][0] == 2022 and table[1][7] == 500.0


# --- =CHECK_ROW consults the same register (the cells flag prior support with its source) ----------

ROW_LABELS = [["统一社会信用代码", "单位名称", "申报年度", "项目总投入", "完工日期", "软件投入"]]
ROW_VALUES = [["91320102PHQ46PN614", "示例北辰电子科技有限公司", 2023, 3500, "2022-06-30", 350]]


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory) -> str:
    """examples/登记簿 imported (examples/make_register_lists.py): 北辰 supported in 2022 (300 万元),
    no acceptance record."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cells-register') / 'register.db'}"
    lists = ROOT / "examples" / "登记簿"
    for f in ("2022_支持项目名单.xlsx", "2022_验收结果.xlsx"):
        r = run("register", "import", str(lists / f), "--db", url)
        assert r.returncode == 0, r.stdout + r.stderr
    return url


def test_check_row_names_the_unaccepted_prior_project(demo_register, monkeypatch):
    from udfs import CHECK_ROW

    monkeypatch.setenv("SUBSIDYKIT_DB", demo_register)
    text = CHECK_ROW("2023/智能制造示范工厂项目", ROW_LABELS, ROW_VALUES, 2023, True)
    assert text.startswith("不通过")
    assert "本专项资金已支持项目未完成验收" in text  # 000:91-97
    assert "[错误] 已获本专项资金支持但尚未完成验收：2022 年度「北辰数字化车间改造项目」" in text
    assert "2022_支持项目名单.xlsx · 支持项目 · 第 3 行" in text


def test_check_row_without_a_register_stays_as_declared(monkeypatch):
    from udfs import CHECK_ROW

    monkeypatch.setenv("SUBSIDYKIT_DB", "off")
    text = CHECK_ROW("2023/智能制造示范工厂项目", ROW_LABELS, ROW_VALUES, 2023, True)
    assert text == "通过"  # only the given fields are checked: the two history conditions are not given


def test_formulas_engine_check_row_with_the_register(demo_register, monkeypatch, tmp_path):
    monkeypatch.setenv("SUBSIDYKIT_DB", demo_register)
    path = tmp_path / "核对.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(ROW_LABELS[0])
    ws.append(ROW_VALUES[0])
    ws["H2"] = '=CHECK_ROW("2023/智能制造示范工厂项目",A1:F1,A2:F2,2023,TRUE)'
    wb.save(path)
    text = value_at(evaluate(path), "台账", "H2")
    assert text.startswith("不通过") and "北辰数字化车间改造项目" in text
