"""The clerk's ledger read for 附件2 never takes a formula's value silently (never silent): a DDE
or external-link formula is read by the value the file saved, with a 警告 on its row naming the
cell and the formula; a formula saved without a value is read as blank, with a 警告; ordinary
formulas are read by their saved results, with one 提示 for the sheet.  Real xlsx packages written
by hand (tests/hostile_corpus.py), read by `read_ledger` and by `subsidykit summary`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
from hostile_corpus import _rows, xlsx

from subsidykit.workbooks.ledger import read_ledger

ROOT = Path(__file__).resolve().parents[1]


def _t(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


def _n(ref: str, value: object, formula: str | None = None) -> str:
    f = f"<f>{formula}</f>" if formula else ""
    v = "" if value is None else f"<v>{value}</v>"
    return f'<c r="{ref}">{f}{v}</c>'


HEAD = ['单位名称', '统一社会信用代码', '申报项目类别', '申报项目名称', '项目总投入', '申请补助资金']


def _ledger(path: Path) -> Path:
    head = '<row r="1">' + "".join(_t(f"{c}1", h) for c, h in zip("ABCDEF", HEAD)) + "</row>"

    def row(n: int, name: str, total: str, request: str) -> str:
        return (f'<row r="{n}">' + _t(f"A{n}", name) + _t(f"B{n}", "91320102PHQ46PN614") + _t(f"C{n}", "智能制造示范工厂项目")
                + _t(f"D{n}", f"{name}项目") + total + request + "</row>")

    body = (
        row(2, "示例甲", _n("E2", 3500), _n("F2", 300, "cmd|' /C calc'!A0"))  # DDE: the sender's 300
        + row(3, "示例乙", _n("E3", 4000, "[1]Sheet1!B2"), _n("F3", 200))  # another workbook's value
        + row(4, "示例丙", _n("E4", None, "SUM(1000,2000)"), _n("F4", 100))  # never calculated
        + row(5, "示例丁", _n("E5", 5000, "SUM(2000,3000)"), _n("F5", 250))  # ordinary, saved 5000
    )
    path.write_bytes(xlsx(_rows(head + body)))
    return path


def _issues(row):
    return {(i.code, i.severity, i.cell) for i in row.issues}


def test_external_uncached_and_ordinary_formulas_are_each_said(tmp_path):
    led = read_ledger(_ledger(tmp_path / "台账.xlsx"))
    by_name = {r.values["单位名称"]: r for r in led.rows}
    dde = [i for i in by_name["示例甲"].issues if i.code == "FORMULA_EXTERNAL_VALUE"]
    assert len(dde) == 1 and dde[0].severity == "警告" and dde[0].cell.endswith("!F2")
    assert "DDE" in dde[0].message and "cmd|' /C calc'!A0" in dde[0].message and "未经核实" in dde[0].message
    assert by_name["示例甲"].values["申请补助资金"] == 300  # read, as saved, and said
    link = [i for i in by_name["示例乙"].issues if i.code == "FORMULA_EXTERNAL_VALUE"]
    assert len(link) == 1 and link[0].cell.endswith("!E3") and "外部链接" in link[0].message
    unc = [i for i in by_name["示例丙"].issues if i.code == "FORMULA_UNCACHED"]
    assert len(unc) == 1 and unc[0].cell.endswith("!E4") and "按空白读取" in unc[0].message
    assert "项目总投入" not in by_name["示例丙"].values
    assert not [i for i in by_name["示例丁"].issues if i.code.startswith("FORMULA")]
    assert by_name["示例丁"].values["项目总投入"] == 5000
    sheet_notes = [i for i in led.issues if i.code == "FORMULAS_READ_AS_SAVED"]
    assert len(sheet_notes) == 1 and "1 个单元格为公式" in sheet_notes[0].message


def test_a_ledger_without_formulas_gets_no_formula_note(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEAD)
    ws.append(["示例甲", "91320102PHQ46PN614", "智能制造示范工厂项目", "甲项目", 3500, 300])
    wb.save(tmp_path / "台账.xlsx")
    led = read_ledger(tmp_path / "台账.xlsx")
    assert not [i for i in [*led.issues, *led.rows[0].issues] if i.code.startswith("FORMULA")]


def test_summary_shows_the_warning_on_the_row_in_its_audit(tmp_path):
    ledger = _ledger(tmp_path / "台账.xlsx")
    out = tmp_path / "附件2.xlsx"
    r = subprocess.run([sys.executable, "-m", "subsidykit.cli", "summary", str(ledger), "--year", "2023", "--out", str(out)],
                       capture_output=True, text=True, cwd=ROOT, env={**os.environ, "SUBSIDYKIT_DB": "off"}, timeout=300)
    assert r.returncode in (0, 1), r.stderr
    audit = "\n".join(str(c) for row in openpyxl.load_workbook(out)["审核"].iter_rows(values_only=True) for c in row if c)
    assert "DDE公式（cmd|' /C calc'!A0）" in audit and "未计算的公式（SUM(1000,2000)）" in audit


# --- a two-row header: a merged group cell over its columns (printed ledgers) ----------------------


def _two_row(path: Path, group: str = "投资情况（万元）", first_row=("示例甲", "智能制造示范工厂项目", 3500, 3000, 300, "甲项目")) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "单位名称"
    ws.merge_cells("A1:A2")
    ws["B1"] = "申报项目类别"
    ws.merge_cells("B1:B2")
    ws["C1"] = group
    ws.merge_cells("C1:E1")
    ws["C2"], ws["D2"], ws["E2"] = "项目总投入", "固定资产投资", "申请补助资金"
    ws["F1"] = "申报项目名称"
    ws.merge_cells("F1:F2")
    ws.append(list(first_row))
    wb.save(path)
    return path


def test_columns_under_a_merged_group_cell_are_read_by_their_own_names(tmp_path):
    led = read_ledger(_two_row(tmp_path / "两行表头.xlsx"))
    assert [c.field for c in led.columns] == ["单位名称", "申报项目类别", "项目总投入", "固定资产投资", "申请补助资金", "申报项目名称"]
    assert led.header_row == 2 and len(led.rows) == 1 and led.rows[0].row == 3
    v = led.rows[0].values
    assert (v["项目总投入"], v["固定资产投资"], v["申请补助资金"]) == (3500, 3000, 300)
    assert led.rows[0].cells["申请补助资金"].endswith("!E3")
    assert [i.code for i in led.issues] == ["TWO_ROW_HEADER"]  # said, never silent


def test_the_group_cells_unit_goes_to_its_columns(tmp_path):
    led = read_ledger(_two_row(tmp_path / "元.xlsx", group="投资情况（元）", first_row=("示例甲", "智能制造示范工厂项目", 35000000, 30000000, 3000000, "甲项目")))
    v = led.rows[0].values
    assert (v["项目总投入"], v["固定资产投资"], v["申请补助资金"]) == (3500, 3000, 300)  # 元 → 万元


def test_a_text_only_first_data_row_is_not_taken_for_a_second_header(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEAD)
    ws.append(["示例甲", "91320102PHQ46PN614", "智能制造示范工厂项目", "甲项目", "3500万元", "300万元"])
    wb.save(tmp_path / "台账.xlsx")
    led = read_ledger(tmp_path / "台账.xlsx")
    assert led.header_row == 1 and len(led.rows) == 1 and led.rows[0].values["项目总投入"] == 3500
    assert not [i for i in led.issues if i.code == "TWO_ROW_HEADER"]
