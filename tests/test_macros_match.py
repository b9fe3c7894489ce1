"""The ribbon button 政策匹配 (issue 16): the selected ledger row -> a new sheet 政策匹配_行N.

Desktop Excel cannot run here: a stand-in workbook supplies what the macro touches (the active
sheet's values, the selection, the sheets, writing ranges, the alert) and keeps what is
written, so the sheet can be read back. Office.js: the JSON book the add-in sends (with the
active cell as its selection) goes to the real xlwings Server's custom-scripts-call.
Then the buttons themselves: the desktop ribbon XML, its VBA callback and the .xlam build,
the Office.js manifest and ribbon.js. Expected statuses and amounts come from the clauses
(seed file and lines), as in tests/test_udfs_match.py.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import urllib.request
import xml.etree.ElementTree as ET

import jsonbook
import pytest
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from xlserver import PROJECT, get_json, post_json

import macros
from macros.help import BUTTONS
from macros.matching import COLUMNS, HEADER_ROW
from subsidykit.xlam import SOURCE_DIR, ribbon
from subsidykit.workbooks.cells import col_letters

SMART = "2023/智能制造示范工厂项目"
SERVICE = "2023/服务化改造升级标杆示范项目"

# The 2023 applicant of tests/test_udfs_match.py as a ledger (000_e236479adaf7e68e.txt): general
# conditions lines 78-101; 智能制造示范工厂项目 lines 428-456, 10% 最高 2000 (452-454); 服务化改造升级标杆示范项目
# lines 577-599, 10% 最高 500.
LEDGER_HEADER = [
    "序号", "单位名称", "申报项目类别", "申报项目名称", "申报项目总投入（万元）", "软件投入（万元）", "完工日期",
    "项目实施周期（年）", "示范级别", "规模以上工业企业", "手续完备", "已完成验收", "成立日期", "注册地省份",
    "独立法人资格", "近三年重大以上安全环保质量事故", "严重失信行为", "本专项资金已支持项目未完成验收",
    "同一项目已获国家或省级财政资金支持",
]  # fmt: skip
GENERAL = [dt.datetime(2015, 1, 1), "江苏省", "是", "否", "否", "否", "否"]
SMART_ROW = [1, "示例甲智造有限公司", "智能制造示范工厂项目", "甲智能工厂", 6000, 350, dt.datetime(2022, 6, 30), 2, "省级", "是", "是", "是", *GENERAL]
LATE_ROW = [2, "示例乙精工有限公司", "智能制造示范工厂项目", "乙智能工厂", 6000, 350, dt.datetime(2022, 7, 1), 2, "省级", "是", "是", "是", *GENERAL]
BAD_ROW = [3, "=HYPERLINK(\"http://example.invalid\",\"点我\")", "智能制造示范工厂项目", "丙项目", "一大笔", 350, dt.datetime(2022, 6, 30), 2, "省级", "是", "是", "是", *GENERAL]
TOTAL_ROW = [None, "合计", None, None, 18000]
# rows 1-2: title and a blank row; header on row 3; projects on rows 4-6; 合计 on row 7
LEDGER = [["示例市 2023 年专项资金申报台账"], [None], LEDGER_HEADER, SMART_ROW, LATE_ROW, BAD_ROW, TOTAL_ROW]


# --- a desktop workbook stand-in ---------------------------------------------------------------


def _rc(ref: str) -> tuple[int, int]:
    col, row = coordinate_from_string(ref)
    return row, column_index_from_string(col)


class _Font:
    def __init__(self, sheet, cells):
        self._sheet, self._cells = sheet, cells

    @property
    def bold(self):
        return all(c in self._sheet.bold for c in self._cells)

    @bold.setter
    def bold(self, value):
        if value:
            self._sheet.bold.update(self._cells)


class _Range:
    """A rectangle of a stand-in sheet: writing a value or a 2-D list fills it from its top-left cell."""

    def __init__(self, sheet, first: tuple[int, int], last: tuple[int, int] | None = None, values=None):
        self.sheet, self.first, self.last = sheet, first, last or first
        self._values = values

    @property
    def row(self) -> int:
        return self.first[0]

    @property
    def address(self) -> str:
        (r1, c1), (r2, c2) = self.first, self.last
        return f"${col_letters(c1 - 1)}${r1}:${col_letters(c2 - 1)}${r2}"

    def options(self, **_):
        return self

    @property
    def cells(self):
        (r1, c1), (r2, c2) = self.first, self.last
        return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    @property
    def value(self):
        return self._values

    @value.setter
    def value(self, values):
        rows = values if isinstance(values, list) and values and isinstance(values[0], list) else [[values]]
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                self.sheet.cells[(self.first[0] + i, self.first[1] + j)] = v

    @property
    def font(self):
        return _Font(self.sheet, self.cells)

    @property
    def number_format(self):
        return {self.sheet.formats.get(c) for c in self.cells}

    @number_format.setter
    def number_format(self, fmt):
        for c in self.cells:
            self.sheet.formats[c] = fmt

    @property
    def column_width(self):
        return self.sheet.widths.get(self.first[1])

    @column_width.setter
    def column_width(self, width):
        self.sheet.widths[self.first[1]] = width


class _Sheet:
    def __init__(self, book, name: str, rows: list[list[object]] | None = None):
        self.book, self.name = book, name
        self.cells: dict[tuple[int, int], object] = {}
        self.bold: set[tuple[int, int]] = set()
        self.formats: dict[tuple[int, int], str] = {}
        self.widths: dict[int, float] = {}
        for r, row in enumerate(rows or [], start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    self.cells[(r, c)] = v

    @property
    def used_range(self) -> _Range:
        rows = max(r for r, _ in self.cells)
        cols = max(c for _, c in self.cells)
        values = [[self.cells.get((r, c)) for c in range(1, cols + 1)] for r in range(1, rows + 1)]
        return _Range(self, (1, 1), (rows, cols), values)

    def __getitem__(self, ref: str) -> _Range:
        return _Range(self, _rc(ref))

    def range(self, first, last=None) -> _Range:
        return _Range(self, first, last)

    def activate(self):
        self.book.active = self

    def grid(self) -> list[list[object]]:
        """What the sheet holds, as rows."""
        rows = max(r for r, _ in self.cells)
        cols = max(c for _, c in self.cells)
        return [[self.cells.get((r, c)) for c in range(1, cols + 1)] for r in range(1, rows + 1)]


class _Sheets:
    def __init__(self, book):
        self.book, self.items = book, []

    def __iter__(self):
        return iter(list(self.items))

    def __getitem__(self, i):
        return self.items[i]

    @property
    def active(self):
        return self.book.active

    def add(self, name, after=None):
        assert name not in [s.name for s in self.items], f"sheet {name} already exists"  # Excel refuses it too
        sheet = _Sheet(self.book, name)
        self.items.insert(self.items.index(after) + 1 if after is not None else 0, sheet)
        return sheet


class _DesktopBook:
    """Stands in for desktop Excel's workbook: its sheets, the active one, the selection, the alert."""

    def __init__(self, rows: list[list[object]], selected: str, sheet: str = "台账"):
        self.sheets = _Sheets(self)
        ledger = _Sheet(self, sheet, rows)
        self.sheets.items.append(ledger)
        self.active = ledger
        self.ledger = ledger
        self.fullname, self.name = "/nonexistent/台账.xlsx", "台账.xlsx"
        self.alerts: list[str] = []
        self._selected = selected
        engine = type("Engine", (), {"type": "desktop"})()
        self.app = type("App", (), {"engine": engine, "alert": lambda _self, m, title=None: self.alerts.append(m)})()

    @property
    def selection(self):
        return _Range(self.active, _rc(self._selected))

    def select(self, ref: str) -> None:
        self._selected = ref


def _table(sheet: _Sheet) -> list[list[object]]:
    rows = sheet.grid()[HEADER_ROW - 1 :]
    return [r[: len(COLUMNS)] for r in rows]


def _row(table, program, variant=None):
    return next(r for r in table[1:] if r[0] == program and r[1] == variant)


# --- desktop ------------------------------------------------------------------------------------


def test_desktop_writes_the_match_table_of_the_selected_row_to_a_new_sheet():
    book = _DesktopBook(LEDGER, "C4")
    before = dict(book.ledger.cells)
    message = macros.match_programs(book, 2023)
    assert [s.name for s in book.sheets] == ["台账", "政策匹配_行4"]
    sheet = book.sheets[1]
    assert book.active is sheet and book.alerts == [message]
    assert message.startswith("已插入工作表「政策匹配_行4」：第4行在 2023 年度符合 ")
    assert f"最优：{SMART}" in message
    grid = sheet.grid()
    assert grid[0][0] == "政策匹配：台账「台账」第4行（示例甲智造有限公司 / 甲智能工厂），2023 年度指南"
    # 600 (000 lines 452-454) > 500 (lines 597-599); 同一申报单位原则上只能申报一个项目 (line 91)
    assert grid[1][0] == f"最优项目：{SMART}，最高补助 600 万元（同一申报单位原则上只能申报一个项目，000_e236479adaf7e68e.txt 第91行）"
    assert grid[2][0].startswith("2023 年度：符合 ")
    assert "台账所报类别：智能制造示范工厂项目（不作为匹配条件" in grid[3][0]
    table = _table(sheet)
    assert table[0] == COLUMNS == ["项目", "子类", "结论", "最高补助（万元）", "待补字段", "未满足条件", "出处"]
    assert table[1] == [SMART, None, "符合", 600.0, None, None, "000_e236479adaf7e68e.txt 第452-454行"]
    assert table[2] == [SERVICE, None, "符合", 500.0, None, None, "000_e236479adaf7e68e.txt 第597-599行"]
    # every status is listed; the failing condition with its clause (000 line 382: 总投入不低于1亿元)
    major = _row(table, "2023/高端化改造升级项目", "重大技术改造项目")
    assert major[2:4] == ["不符合", 600.0]
    assert major[5].startswith("项目总投入 6000 万元，低于 10000 万元") and "第382行" in major[5]
    assert {r[2] for r in table[1:]} == {"符合", "待补充", "不符合"}
    assert all(sheet.formats[(HEADER_ROW + i, 4)] for i in range(1, len(table)))
    assert all((HEADER_ROW, c) in sheet.bold for c in range(1, len(COLUMNS) + 1))
    assert book.ledger.cells == before  # the ledger is never touched


def test_the_table_is_the_worksheet_function_with_more_columns():
    from udfs import ELIGIBLE_PROGRAMS

    book = _DesktopBook(LEDGER, "A4")
    macros.match_programs(book, 2023)
    table = _table(book.sheets[1])
    labels = [[h for h in LEDGER_HEADER if h != "序号"]]
    values = [[v for h, v in zip(LEDGER_HEADER, SMART_ROW, strict=True) if h != "序号"]]
    cells = ELIGIBLE_PROGRAMS(labels, values, 2023, "符合,待补充,不符合")
    assert [r[:5] for r in table[1:]] == [[c[0], c[1], c[2], c[3], c[4]] for c in cells[1:]]


def test_a_failing_row_has_no_best_program_and_names_the_clause():
    book = _DesktopBook(LEDGER, "B5")
    message = macros.match_programs(book, 2023)
    assert "没有全部条件均满足的补助项目" in message
    sheet = book.sheets[1]
    assert sheet.name == "政策匹配_行5"
    assert sheet.grid()[1][0].startswith("最优项目：无（没有全部条件均满足的补助项目）")
    smart = _row(_table(sheet), SMART)
    # 000 lines 434-436: 2021年1月1日（含）至2022年6月30日（含）期间完工
    assert smart[2] == "不符合" and "完工日期" in smart[5] and "第434-436行" in smart[5]


def test_a_second_run_never_overwrites_a_sheet():
    book = _DesktopBook(LEDGER, "C4")
    mine = _Sheet(book, "政策匹配_行4", [["科员自己的表"]])
    book.sheets.items.append(mine)
    macros.match_programs(book, 2023)
    book.ledger.activate()  # back to the ledger (the result sheet was activated)
    macros.match_programs(book, 2023)
    assert [s.name for s in book.sheets] == ["台账", "政策匹配_行4", "政策匹配_行4(2)", "政策匹配_行4(3)"]
    assert mine.grid() == [["科员自己的表"]]


def test_unreadable_cells_are_left_out_and_said_and_text_never_becomes_a_formula():
    book = _DesktopBook(LEDGER, "D6")
    macros.match_programs(book, 2023)
    grid = book.sheets[1].grid()
    assert grid[0][0] == '政策匹配：台账「台账」第6行（=HYPERLINK("http://example.invalid","点我") / 丙项目），2023 年度指南'
    assert "无法读取、未用于匹配的字段：项目总投入" in grid[3][0]
    smart = _row(_table(book.sheets[1]), SMART)
    assert smart[2] == "待补充" and "项目总投入" in smart[4]  # 000 line 442 cannot be checked without it
    written = [v for v in book.sheets[1].cells.values() if isinstance(v, str)]
    assert not any(v.startswith(("=", "+", "@")) for v in written)


@pytest.mark.parametrize(
    ("selected", "words"),
    [
        ("A3", "第3行在表头（第3行）之上或就是表头"),
        ("A1", "第1行在表头（第3行）之上或就是表头"),
        ("B7", "第7行是空行、合计行或重复的表头"),
        ("B20", "第20行不在台账的项目行中"),
    ],
)
def test_a_row_that_is_no_project_is_explained_and_nothing_is_added(selected, words):
    book = _DesktopBook(LEDGER, selected)
    message = macros.match_programs(book, 2023)
    assert message.startswith("无法进行政策匹配：") and words in message, message
    assert book.alerts == [message] and [s.name for s in book.sheets] == ["台账"]


def test_a_sheet_that_is_no_ledger_is_explained():
    book = _DesktopBook([["随便写的"], ["一些字"]], "A2")
    message = macros.match_programs(book, 2023)
    assert message.startswith("无法进行政策匹配：") and "找不到表头" in message


def test_year_from_the_setting_then_the_rows_declared_year(monkeypatch, tmp_path):
    # the row's 申报年度 when neither the call nor 设置 gives one
    header = [*LEDGER_HEADER, "申报年度"]
    book = _DesktopBook([header, [*SMART_ROW, 2023]], "A2")
    assert f"最优：{SMART}" in macros.match_programs(book)
    # 设置 (the desktop add-in's user config file) wins over the row: the 2022 guide has no such program
    conf = tmp_path / ".subsidykit" / "subsidykit.conf"
    conf.parent.mkdir()
    conf.write_bytes('"YEAR","2022"\r\n'.encode("gbk"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    book = _DesktopBook([header, [*SMART_ROW, 2023]], "A2")
    message = macros.match_programs(book)
    assert "在 2022 年度" in message and "没有全部条件均满足的补助项目" in message
    assert "申报年度为 2023，按 2022 年度匹配" in book.sheets[1].grid()[3][0]


# --- Office.js: the real xlwings Server ----------------------------------------------------------


def _script(base: str, payload: dict) -> list[dict]:
    status, body = post_json(f"{base}/xlwings/custom-scripts-call/match_programs", payload)
    assert status == 200, body
    return body["actions"]


def _payload(selected: str, year=2023) -> dict:
    payload = jsonbook.book("台账.xlsx", [jsonbook.sheet("台账", LEDGER)], args=[year])
    payload["book"]["selection"] = selected
    return payload


def test_server_script_is_published_with_its_chinese_name(xlwings_server):
    meta = get_json(f"{xlwings_server}/xlwings/custom-scripts-meta")
    assert next(m for m in meta if m["function_name"] == "match_programs")["name"] == "政策匹配"


def test_server_writes_the_match_table_of_the_active_row(xlwings_server):
    actions = _script(xlwings_server, _payload("E4"))
    added = {a["args"][0]: a["args"][1] for a in actions if a["func"] == "addSheet"}
    assert list(added.values()) == ["政策匹配_行4"]
    position = next(iter(added))
    writes = [a for a in actions if a["func"] == "setValues" and a["sheet_position"] == position]
    head = next(a["values"] for a in writes if a["start_row"] == 0)
    table = next(a["values"] for a in writes if a["start_row"] == HEADER_ROW - 1)
    assert head[1][0].startswith(f"最优项目：{SMART}，最高补助 600 万元")
    assert table[0] == COLUMNS
    assert table[1] == [SMART, "", "符合", 600.0, "", "", "000_e236479adaf7e68e.txt 第452-454行"]
    assert table[2][:4] == [SERVICE, "", "符合", 500.0]
    alert = next(a for a in actions if a["func"] == "alert")
    assert alert["args"][0].startswith("已插入工作表「政策匹配_行4」") and alert["args"][1] == "专项资金助手"


def test_server_a_header_cell_is_explained(xlwings_server):
    actions = _script(xlwings_server, _payload("B3:D3"))
    assert not any(a["func"] == "addSheet" for a in actions)
    alert = next(a for a in actions if a["func"] == "alert")
    assert alert["args"][0].startswith("无法进行政策匹配：第3行在表头")


# --- the buttons -------------------------------------------------------------------------------------

RIBBON_XML = (SOURCE_DIR / "customUI14.xml").read_bytes()


def test_desktop_ribbon_has_the_button_calling_the_python_macro():
    assert ribbon.validate(RIBBON_XML) == []
    button = next(b for b in ribbon.buttons(RIBBON_XML) if b["label"] == "政策匹配")
    assert button["onAction"] == "Ribbon.MatchPrograms" and button["imageMso"] and button["supertip"]
    vba = (SOURCE_DIR / "vba" / "Ribbon.bas").read_text(encoding="utf-8")
    body = re.search(r"(?ms)^Public Sub MatchPrograms\(control As IRibbonControl\)$(.*?)^End Sub$", vba).group(1)
    assert body.strip() == 'RunPython "import macros; macros.match_programs()"'
    assert callable(macros.match_programs) and "政策匹配" in dict(BUTTONS)


def test_the_addin_still_builds_and_checks_with_the_button(tmp_path):
    out = tmp_path / "subsidykit.xlam"
    proc = subprocess.run([sys.executable, "-m", "subsidykit.cli", "addin", "build", "--out", str(out)],
                          capture_output=True, text=True, encoding="utf-8", check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "7 个按钮（生成汇总表、批量校验、政策匹配、" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "subsidykit.cli", "addin", "check", str(out)],
                          capture_output=True, text=True, encoding="utf-8", check=False)  # fmt: skip
    assert proc.returncode == 0 and "结构检查通过" in proc.stdout


def test_office_js_ribbon_runs_the_script(xlwings_server):
    with urllib.request.urlopen(f"{xlwings_server}/manifest", timeout=30) as resp:
        root = ET.fromstring(resp.read())
    ns = {"v": "http://schemas.microsoft.com/office/taskpaneappversionoverrides", "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0"}
    strings = {s.get("id"): s.get("DefaultValue") for s in root.iterfind(".//bt:ShortStrings/bt:String", ns)}
    control = next(c for c in root.iterfind(".//v:Control", ns) if c.get("id") == "MatchPrograms")
    assert strings[control.find("v:Label", ns).get("resid")] == "政策匹配"
    assert control.find("v:Action/v:FunctionName", ns).text == "match-programs"
    ribbon_js = (PROJECT / "static" / "js" / "ribbon.js").read_text(encoding="utf-8")
    assert '"match-programs": (e) => subsidykitRun(e, "match_programs", [subsidykitYear()])' in ribbon_js
    with urllib.request.urlopen(f"{xlwings_server}/taskpane.html", timeout=30) as resp:
        page = resp.read().decode()
    assert 'id="view-match"' in page and 'xw-click="match_programs"' in page
