"""The ribbon action 生成汇总表: through the real xlwings Server, and on a desktop workbook.

Server: the JSON book Office.js sends goes to /xlwings/custom-scripts-call/generate_summary;
the answer is the list of actions the add-in then carries out in the open workbook.
Desktop Excel itself cannot run here, so the desktop path gets a stand-in for the three
things it touches (the active sheet's values, the workbook's path, opening a file).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jsonbook
import openpyxl
import pytest
from xlserver import get_json, post_json

from subsidykit.summary.build import build_from_file
from subsidykit.workbooks.cells import col_letters

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "台账_2023.xlsx"
SHEETS = ["2-1 智能化改造数字化转型", "2-2 关键核心技术（装备）工程化攻关", "2-3 自主品牌企业培育", "2-4 绿色化改造提升", "2-5 产业支撑体系建设", "审核"]


def _run(base: str, payload: dict) -> dict:
    status, body = post_json(f"{base}/xlwings/custom-scripts-call/generate_summary", payload)
    assert status == 200, body
    return body


def _values_by_sheet(actions: list[dict]) -> dict[str, list[list[object]]]:
    names = {a["args"][0]: a["args"][1] for a in actions if a["func"] == "addSheet"}
    return {names[a["sheet_position"]]: a["values"] for a in actions if a["func"] == "setValues"}


def test_script_is_published_with_its_chinese_name(xlwings_server):
    meta = get_json(f"{xlwings_server}/xlwings/custom-scripts-meta")
    entry = next(m for m in meta if m["function_name"] == "generate_summary")
    assert entry["name"] == "生成汇总表"


def test_generate_summary_adds_the_tables_to_the_open_workbook(xlwings_server):
    body = _run(xlwings_server, jsonbook.from_xlsx(LEDGER, args=[2023, "示例市"]))
    actions = body["actions"]
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == SHEETS
    values = _values_by_sheet(actions)
    first = values[SHEETS[0]]
    # the official title (000 lines 4571-4576) and the 地区 line
    assert first[0][0] == "附件2-1"
    assert first[1][0] == "2023年度江苏省工业和信息产业转型升级专项资金"
    assert first[2][0] == "（智能化改造数字化转型）入库项目汇总表"
    assert first[3][0] == "地区：示例市"
    assert first[5][1:4] == ["单位名称", "单位主要经营地址", "所属行业"]
    # merged header cells and the message to the clerk
    assert any(a["func"] == "rangeMerge" and a["sheet_position"] == 1 for a in actions)
    alert = next(a for a in actions if a["func"] == "alert")
    assert alert["args"][0].startswith("已生成 2023 年度汇总表") and alert["args"][1] == "专项资金助手"


def test_the_server_tables_equal_the_command_line_tables(xlwings_server):
    actions = _run(xlwings_server, jsonbook.from_xlsx(LEDGER, args=[2023, "示例市"]))["actions"]
    values = _values_by_sheet(actions)
    expected = build_from_file(LEDGER, year=2023, region="示例市").for_excel()
    for spec in expected:
        if spec["kind"] != "table":
            continue
        got = values[spec["name"]]
        rows = [[("" if v is None else v) for v in r] for r in spec["values"]]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        # dates travel as ISO text (xlwings' remote protocol; Excel reads them as dates)
        for g, e in zip(got, rows, strict=True):
            for gv, ev in zip(g, e, strict=True):
                assert gv == (ev.isoformat() if hasattr(ev, "isoformat") else ev)


def test_ledger_text_that_looks_like_a_formula_stays_text(xlwings_server):
    rows = [
        ["单位名称", "统一社会信用代码", "申报项目类别", "申报项目名称", "申报项目总投入（万元）", "项目申请补助资金（万元）"],
        ['=HYPERLINK("http://example.invalid","点我")', "91350100M000100Y43", "智能制造示范工厂项目", "+cmd|' /C calc'!A0", 3500, 300],
        ["示例乙有限公司", "91110000600037341L", "智能制造示范工厂项目", "@SUM(1+1)*cmd", 4000, 350],
    ]
    payload = jsonbook.book("台账.xlsx", [jsonbook.sheet("台账", rows)], args=[2023, ""])
    values = _values_by_sheet(_run(xlwings_server, payload)["actions"])
    cells = [v for r in values[SHEETS[0]] for v in r if isinstance(v, str)]
    assert "'=HYPERLINK(\"http://example.invalid\",\"点我\")" in cells
    assert "'+cmd|' /C calc'!A0" in cells and "'@SUM(1+1)*cmd" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_an_empty_sheet_is_explained_not_crashed(xlwings_server):
    payload = jsonbook.book("空.xlsx", [jsonbook.sheet("Sheet1", [[""]])], args=[2023, ""])
    actions = _run(xlwings_server, payload)["actions"]
    alert = next(a for a in actions if a["func"] == "alert")
    assert alert["args"][0].startswith("无法生成汇总表：")
    assert not any(a["func"] == "addSheet" for a in actions)


# --- desktop ------------------------------------------------------------------------------


class _Range:
    def __init__(self, values):
        self._values = values
        self.address = f"$A$1:${col_letters(len(values[0]) - 1)}${len(values)}"

    def options(self, **_):
        return self

    @property
    def value(self):
        return self._values


class _DesktopBook:
    """Stands in for desktop Excel's workbook: the active sheet, its path, opening a file."""

    def __init__(self, path: Path):
        wb = openpyxl.load_workbook(path, data_only=True)
        ws = wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        active = type("Sheet", (), {"name": ws.title, "used_range": _Range(rows)})()
        self.sheets = type("Sheets", (), {"active": active})()
        self.fullname, self.name = str(path), path.name
        self.opened, self.alerts = [], []
        engine = type("Engine", (), {"type": "desktop"})()
        books = type("Books", (), {"open": lambda _self, p: self.opened.append(Path(p))})()
        self.app = type("App", (), {"engine": engine, "books": books, "alert": lambda _self, m, title=None: self.alerts.append(m)})()


def test_desktop_saves_next_to_the_ledger_and_opens_it(tmp_path):
    import macros

    ledger = tmp_path / "我的台账.xlsx"
    ledger.write_bytes(LEDGER.read_bytes())
    before = hashlib.sha256(ledger.read_bytes()).hexdigest()
    book = _DesktopBook(ledger)
    message = macros.generate_summary(book, 2023, "示例市")
    out = tmp_path / "我的台账_附件2汇总表_2023.xlsx"
    assert book.opened == [out] and out.exists()
    assert message.startswith("已生成 2023 年度汇总表") and book.alerts == [message]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:5] == SHEETS[:5]
    assert wb.worksheets[0]["A2"].value == "2023年度江苏省工业和信息产业转型升级专项资金"
    forms = tmp_path / "我的台账_附件3附件4_2023"
    assert sorted(p.name for p in forms.iterdir()) == ["附件3_信用承诺书.xlsx", "附件4_真实性核查表.xlsx"]
    assert hashlib.sha256(ledger.read_bytes()).hexdigest() == before  # the ledger is never touched
    # a second click does not overwrite the first result
    macros.generate_summary(book, 2023, "示例市")
    assert book.opened[-1] == tmp_path / "我的台账_附件2汇总表_2023（2）.xlsx"


@pytest.mark.parametrize("year", [2023, 2023.0, "2023"])
def test_year_from_a_cell_or_setting(tmp_path, year):
    import macros

    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(LEDGER.read_bytes())
    book = _DesktopBook(ledger)
    assert macros.generate_summary(book, year, "").startswith("已生成 2023 年度汇总表")
