"""The ribbon action 批量校验: through the real xlwings Server, and on a desktop folder.

Server: the open workbook (the JSON book Office.js sends) is validated and the findings are
written to a sheet 校验结果. Desktop Excel cannot run here: a stand-in supplies the two
things the desktop path touches (the workbook's path, opening the report).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import jsonbook
import openpyxl
from xlserver import get_json, post_json

ROOT = Path(__file__).resolve().parents[1]
BATCH = ROOT / "examples" / "submissions"
MANIFEST = json.loads((BATCH.with_name("submissions_manifest.json")).read_text(encoding="utf-8"))


def _planted(code: str) -> dict:
    return next(f for f in MANIFEST["files"] if f["code"] == code)


def _clean() -> dict:
    return next(f for f in MANIFEST["files"] if f["code"] is None and f["layout"] == "template")


def _run(base: str, path: Path) -> list[dict]:
    payload = jsonbook.from_xlsx(path, args=[2023])
    status, body = post_json(f"{base}/xlwings/custom-scripts-call/validate_submissions", payload)
    assert status == 200, body
    return body["actions"]


def _result_rows(actions: list[dict]) -> list[list[object]]:
    added = {a["args"][0]: a["args"][1] for a in actions if a["func"] == "addSheet"}
    pos = next(p for p, name in added.items() if name == "校验结果")
    return next(a["values"] for a in actions if a["func"] == "setValues" and a["sheet_position"] == pos)


def test_script_is_published_with_its_chinese_name(xlwings_server):
    meta = get_json(f"{xlwings_server}/xlwings/custom-scripts-meta")
    assert next(m for m in meta if m["function_name"] == "validate_submissions")["name"] == "批量校验"


def test_the_open_workbook_gets_a_findings_sheet_pointing_at_the_cell(xlwings_server):
    planted = _planted("USCC_CHECKSUM")
    actions = _run(xlwings_server, BATCH / planted["file"])
    rows = _result_rows(actions)
    assert rows[0] == ["文件", "工作表", "单元格", "字段", "代码", "级别", "说明", "出处"]
    hits = [r for r in rows[1:] if r[4] == "USCC_CHECKSUM"]
    assert len(hits) == 1 and hits[0][3] == "统一社会信用代码" and hits[0][5] == "错误"
    # the cell named is the cell holding the code in the submission
    wb = openpyxl.load_workbook(BATCH / planted["file"])
    value = wb[hits[0][1]][hits[0][2]].value
    assert isinstance(value, str) and len(value) == 18
    alert = next(a for a in actions if a["func"] == "alert")
    assert "错误 " in alert["args"][0] and "校验结果" in alert["args"][0]


def test_a_clean_submission_says_so(xlwings_server):
    actions = _run(xlwings_server, BATCH / _clean()["file"])
    assert _result_rows(actions) == [["文件", "工作表", "单元格", "字段", "代码", "级别", "说明", "出处"]]
    assert next(a for a in actions if a["func"] == "alert")["args"][0].endswith("未发现问题。")


class _DesktopBook:
    def __init__(self, path: Path):
        self.fullname, self.name = str(path), path.name
        self.opened, self.alerts = [], []
        engine = type("Engine", (), {"type": "desktop"})()
        books = type("Books", (), {"open": lambda _self, p: self.opened.append(Path(p))})()
        self.app = type("App", (), {"engine": engine, "books": books, "alert": lambda _self, m, title=None: self.alerts.append(m)})()


def test_desktop_validates_a_folder_and_opens_the_report(tmp_path):
    import macros

    folder = tmp_path / "申报材料"
    folder.mkdir()
    picked = [_clean()["file"], _planted("CAP_EXCEEDED")["file"], _planted("FILE_UNREADABLE")["file"]]
    for name in picked:
        shutil.copy(BATCH / name, folder / name)
    hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    book = _DesktopBook(tmp_path / "台账.xlsx")
    message = macros.validate_submissions(book, str(folder), 2023)
    report = tmp_path / "申报材料_校验报告.xlsx"
    assert book.opened == [report] and report.exists()
    assert message.startswith("已校验 3 个文件，2 个有错误")
    codes = {row[4] for row in openpyxl.load_workbook(report)["问题清单"].iter_rows(min_row=2, values_only=True)}
    assert {"CAP_EXCEEDED", "FILE_UNREADABLE"} <= codes
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()} == hashes


def test_desktop_missing_folder_is_explained(tmp_path):
    import macros

    book = _DesktopBook(tmp_path / "台账.xlsx")
    assert macros.validate_submissions(book, str(tmp_path / "没有这个文件夹"), 2023).startswith("无法校验：文件夹不存在")
