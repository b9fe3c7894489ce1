"""附件2 汇总表 from a ledger: round trip, official layout, 审核, injection, forms, CLI — on real files.

Expected texts and structures are written by hand from 000_e236479adaf7e68e.txt lines 4571-5124.
"""

import datetime as dt
import hashlib
import json
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from ledgers import HEADER, PROJECTS, write_ledger
from openpyxl import load_workbook

from subsidykit.errors import BadInputError
from subsidykit.summary.forms import write_forms
from subsidykit.workbooks.ledger import read_ledger, read_values
from subsidykit.summary.build import build, build_from_file, build_from_values
from cli_process import run

ROOT = Path(__file__).resolve().parents[1]
DATE = dt.date(2022, 12, 5)

# lines 4573-4575, 4640-4642, 4709-4711, 4778-4780, 4847-4849: the five categories of 2023
CATEGORIES_2023 = [
    "智能化改造数字化转型",
    "关键核心技术（装备）工程化攻关",
    "自主品牌企业培育",
    "绿色化改造提升",
    "产业支撑体系建设",
]
# lines 4578-4602, the PDF's line breaks joined
HEADERS = ["单位名称", "单位主要经营地址", "所属行业", "主营业务收入（万元）", "实缴税金（万元）", "利润总额（万元）",
           "申报项目类别", "申报项目名称", "申报项目总投入（万元）", "其中：固定资产投资（万元）", "项目开始时间",
           "项目结束时间", "项目申请补助资金（万元）", "是否为省先进制造业集群中的项目"]  # fmt: skip
STAMP_LEFT = "市、县（市）工业和信息化主管部门（盖章）"
STAMP_RIGHT = "市、县（市）财政局（盖章）"
NOTE = "注：此表系统内自动生成，各设区市（县、市）工信部门、财政部门或省属企业（单位）及其主管部门加盖单位公章。"


def merged_for(n: int) -> set[str]:
    """Merged ranges of a table with n data rows (data from row 7; a spacer; stamp; note)."""
    stamp, note = 6 + n + 2, 6 + n + 3
    return {"A2:O2", "A3:O3", "A4:G4", "H4:O4", "A5:A6", "B5:D5", "E5:G5", "H5:O5",
            f"A{stamp}:G{stamp}", f"H{stamp}:O{stamp}", f"A{note}:O{note}"}  # fmt: skip


@pytest.fixture()
def summary_file(tmp_path):
    ledger = write_ledger(tmp_path / "台账.xlsx")
    out = tmp_path / "out" / "汇总表.xlsx"
    summary = build_from_file(ledger, year=2023, region="示例市", date=DATE)
    summary.write_xlsx(out)
    return ledger, out, summary


def test_round_trip_every_cell_equals_the_ledger(summary_file):
    ledger_path, out, _ = summary_file
    wb = load_workbook(out)
    # by hand: project i goes to table i (projects 5 and 6: 2-4 and 2-5; project 4 is 2-3)
    tables = ["2-1 智能化改造数字化转型", "2-1 智能化改造数字化转型", "2-2 关键核心技术（装备）工程化攻关", "2-3 自主品牌企业培育",
              "2-4 绿色化改造提升", "2-5 产业支撑体系建设"]  # fmt: skip
    seqs = [1, 2, 1, 1, 1, 1]
    src = load_workbook(ledger_path).active
    hdr = [c.value for c in src[4]]
    for k, (sheet, seq) in enumerate(zip(tables, seqs, strict=True)):
        ledger_row = {h: c.value for h, c in zip(hdr, src[5 + k], strict=True)}
        got = [c.value for c in wb[sheet][6 + seq]]
        expected = [seq, ledger_row["企业名称"], ledger_row["经营地址"], ledger_row["行业"], ledger_row["主营业务收入"],
                    ledger_row["实缴税金"], ledger_row["利润总额"], ledger_row["项目类别"], ledger_row["项目名称"],
                    ledger_row["总投资(万元)"], ledger_row["固定资产投入"], ledger_row["开工时间"], ledger_row["竣工时间"],
                    ledger_row["申请补助(万元)"], ledger_row["是否集群"]]  # fmt: skip
        got = [g.date() if isinstance(g, dt.datetime) else g for g in got]
        expected = [e.date() if isinstance(e, dt.datetime) else e for e in expected]
        assert got == expected, sheet


def test_layout_equals_the_official_form(summary_file):
    _, out, _ = summary_file
    wb = load_workbook(out)
    assert wb.sheetnames == [f"2-{i} {c}" for i, c in enumerate(CATEGORIES_2023, 1)] + ["审核"]
    ws = wb["2-1 智能化改造数字化转型"]
    assert ws["A1"].value == "附件2-1"
    assert ws["A2"].value == "2023年度江苏省工业和信息产业转型升级专项资金"
    assert ws["A3"].value == "（智能化改造数字化转型）入库项目汇总表"
    assert ws["A4"].value == "地区：示例市" and ws["H4"].value == "汇总时间：2022年12月5日"
    assert [ws["A5"].value, ws["B5"].value, ws["E5"].value, ws["H5"].value] == [
        "序号",
        "项目申报单位",
        "2021年基本情况",
        "项目基本情况",
    ]
    assert [c.value for c in ws[6]][1:] == HEADERS
    assert {str(r) for r in ws.merged_cells.ranges} == merged_for(2)
    assert ws["A10"].value == STAMP_LEFT and ws["H10"].value == STAMP_RIGHT and ws["A11"].value == NOTE
    assert ws["A9"].value is None  # the spacer row
    for ref in ("A5", "O6", "A7", "O8", "H8"):
        border = ws[ref].border
        assert all(getattr(border, side).style == "thin" for side in ("left", "right", "top", "bottom")), ref
    ps = ws.page_setup
    assert ps.orientation == "landscape" and ps.paperSize == 9  # A4
    assert ps.fitToWidth == 1 and ps.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$5:$6"
    assert ws.print_area == "'2-1 智能化改造数字化转型'!$A$1:$O$11"
    assert ws.column_dimensions["B"].width >= 20 and ws.column_dimensions["A"].width <= 6
    assert ws["N7"].number_format == "#,##0.00" and ws["L7"].number_format == "yyyy-mm-dd"
    empty = wb["2-2 关键核心技术（装备）工程化攻关"]
    assert {str(r) for r in empty.merged_cells.ranges} == merged_for(1)


def test_a3_paper_option(tmp_path):
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx")), year=2023, date=DATE)
    summary.write_xlsx(tmp_path / "a3.xlsx", paper="A3")
    assert load_workbook(tmp_path / "a3.xlsx").worksheets[0].page_setup.paperSize == 8


def test_templates_are_the_official_form_and_up_to_date(tmp_path):
    sys.path.insert(0, str(ROOT / "templates"))
    import build_summary_template as tpl

    for year in (2023, 2026):
        path = ROOT / "templates" / f"附件2_推荐项目汇总表_{year}.xlsx"
        assert path.read_bytes() == tpl.build(year), f"{path.name} 已过期：请运行 templates/build_summary_template.py"
    wb = load_workbook(ROOT / "templates" / "附件2_推荐项目汇总表_2023.xlsx")
    assert [ws["A3"].value for ws in wb.worksheets] == [f"（{c}）入库项目汇总表" for c in CATEGORIES_2023]
    assert [ws["A1"].value for ws in wb.worksheets] == ["附件2-1", "附件2-2", "附件2-3", "附件2-4", "附件2-5"]
    ws = wb.worksheets[4]
    assert {str(r) for r in ws.merged_cells.ranges} == merged_for(7)  # seven blank rows as printed
    assert ws["A15"].value == STAMP_LEFT and ws["A16"].value == NOTE
    assert ws["O13"].border.bottom.style == "thin" and ws["B13"].value is None
    wb26 = load_workbook(ROOT / "templates" / "附件2_推荐项目汇总表_2026.xlsx")
    # 004_4f6895fa74c99952.txt lines 5, 281, 367, 580: the four guides
    assert [ws["A3"].value for ws in wb26.worksheets] == [
        "（重点产业技术创新项目）入库项目汇总表", "（产业转型升级项目）入库项目汇总表",
        "（智改数转网联项目）入库项目汇总表", "（服务体系建设项目）入库项目汇总表",
    ]  # fmt: skip
    assert wb26.worksheets[0]["A2"].value == "2026年度江苏省制造强省建设专项资金"
    assert wb26.worksheets[0]["E5"].value == "2024年基本情况"


def test_injection_texts_arrive_as_plain_text(tmp_path):
    nasty = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "=1+1"]
    rows = []
    for i, text in enumerate(nasty):
        r = list(PROJECTS[0])
        r[1] = text
        r[7] = f"=A{i}"  # 项目名称 too
        r[18] = "=1*2"  # 电话 (a form field)
        rows.append(r)
    path = write_ledger(tmp_path / "a.xlsx", rows)
    summary = build(read_ledger(path), year=2023, date=DATE)
    out = summary.write_xlsx(tmp_path / "out.xlsx")
    forms = write_forms(summary, tmp_path / "forms")
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert [ws.cell(row=7 + i, column=2).value for i in range(len(nasty))] == nasty
    for f in [out, *forms]:
        book = load_workbook(f)
        assert not [
            c.coordinate for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"
        ], f
        with zipfile.ZipFile(f) as z:  # no formula element anywhere in the file
            assert not [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]
    excel = summary.for_excel()[0]["values"]
    assert excel[6][1] == "'" + nasty[0] and excel[9][1] == "'-2+3"  # Excel's text marker for a live workbook


def test_audit_sheet_reports_program_cap_thresholds_and_flags(tmp_path):
    rows = [list(PROJECTS[0]), list(PROJECTS[1]), list(PROJECTS[2])]
    rows[0][8], rows[0][12] = 2500, 300  # smart factory: 2500 < 3000 floor; cap 10% = 250
    rows[1][12] = 30000000  # 元 typed in a 万元 column (row 6 of the sheet)
    rows[2][5] = "数字孪生工厂项目"  # not a 2023 program
    path = write_ledger(tmp_path / "a.xlsx", rows)
    summary = build(read_ledger(path), year=2023, date=DATE)
    first, second, third = summary.reviews
    assert first.selection.program.id == "2023-smart-factory"
    assert first.cap == Decimal(250)  # 2500 × 10% (000_e236479adaf7e68e.txt 452-454)
    assert first.request_text.startswith("超过最高补助 50 万元")
    assert first.check_status == "不通过"  # issue 12: one vocabulary: 通过 / 不通过 / 待核实
    assert any("项目总投入 2500 万元，低于 3000 万元" in line for line in first.check_lines)
    assert second.selection.label == "2023/高端化改造升级项目/重大技术改造项目"
    assert any(i.code == "AMOUNT_LOOKS_LIKE_YUAN" and i.cell == "台账!M6" for i in second.issues)
    assert third.category is None and any(i.code == "UNKNOWN_CATEGORY" for i in third.issues)
    assert [len(v) for v in summary.tables.values()] == [2]  # the unknown one is not in any table
    out = summary.write_xlsx(tmp_path / "out.xlsx")
    ws = load_workbook(out)["审核"]
    header_row = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "序号")
    cols = {ws.cell(row=header_row, column=c).value: c for c in range(1, ws.max_column + 1)}
    line = {h: ws.cell(row=header_row + 2, column=c).value for h, c in cols.items()}
    assert "疑似以元填写" in line["台账提示"] and "台账!M6" in line["台账提示"]
    assert line["申请补助资金（万元）"] == 30000000  # kept as typed, not divided
    unknown = {h: ws.cell(row=header_row + 3, column=c).value for h, c in cols.items()}
    assert unknown["汇总表"] == "未归类" and "数字孪生工厂项目" in unknown["台账提示"]
    top = "\n".join(str(ws.cell(row=r, column=1).value) for r in range(1, header_row))
    assert "须核查 2 个" in top  # 2 projects in the tables, up to 20: all (000_… 250-255)


def test_sample_size_beyond_twenty(tmp_path):
    rows = [list(PROJECTS[4]) for _ in range(25)]
    for i, r in enumerate(rows):
        r[1] = f"示例{i}号有限公司"
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows)), year=2023, date=DATE)
    assert summary.sample_size == 21  # 20 + ⌈20% × 5⌉


def test_same_company_twice_fails_the_one_project_rule(tmp_path):
    rows = [list(PROJECTS[0]), list(PROJECTS[4])]
    rows[1][1], rows[1][2] = rows[0][1], rows[0][2]
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows)), year=2023, date=DATE)
    # issue 12 (one review): as in validate, the batch check DUPLICATE_APPLICANT (警告) says it on
    # both rows; each row's own review counts that row as one project
    assert all(
        any(f.code == "DUPLICATE_APPLICANT" and f.severity == "警告" and "申报项目数量 2 个" in f.message for f in r.findings)
        for r in summary.reviews
    )


def test_2021_city_quota_counts(tmp_path):
    # 002_1632e1bcc76db33b.txt line 28: 每个设区市限报6个，其中产业链现代化提升项目限报4个、产业基础再造项目限报2个
    rows = []
    for i in range(7):
        r = list(PROJECTS[1])
        r[1], r[5] = f"示例{i}号有限公司", "高端化改造升级项目"
        r[6] = "产业链现代化提升项目" if i < 5 else "产业基础再造项目"
        rows.append(r)
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows)), year=2021, region="示例市", date=DATE)
    got = {(q.label, q.count, q.exceeded) for q in summary.quotas}
    assert got == {
        ("每个设区市（含所辖县、市、区）限报6个", 7, True),
        ("其中，产业链现代化提升项目限报4个", 5, True),
        ("产业基础再造项目限报2个", 2, False),
    }


def test_2026_tables_are_the_guides(tmp_path):
    rows = [list(PROJECTS[0])]
    rows[0][5] = "国家领航级智能工厂奖励项目"
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows)), year=2026, date=DATE)
    assert [c.name for c in summary.categories] == [
        "重点产业技术创新项目",
        "产业转型升级项目",
        "智改数转网联项目",
        "服务体系建设项目",
    ]
    assert list(summary.tables) == ["2-3"]
    assert summary.reviews[0].cap is not None  # a fixed award
    assert summary.sample_size is None and "未规定" in summary.sample_text


def test_category_typed_instead_of_program_goes_to_its_table(tmp_path):
    rows = [list(PROJECTS[4])]
    rows[0][5] = "绿色化改造提升"
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows)), year=2023, date=DATE)
    assert list(summary.tables) == ["2-4"] and summary.reviews[0].selection is None


def test_macro_api_from_values_matches_the_file(tmp_path):
    path = write_ledger(tmp_path / "a.xlsx", title_rows=0)
    ws = load_workbook(path).active
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    a = build_from_values(values, sheet="台账", year=2023, region="示例市", date=DATE)
    b = build_from_file(path, year=2023, region="示例市", date=DATE)
    assert [s.values for s in a.sheets] == [s.values for s in b.sheets]
    sheets = a.for_excel()
    assert [s["name"] for s in sheets][-1] == "审核"
    assert sheets[0]["values"][5][1:] == HEADERS and sheets[0]["merges"][0] == "A2:O2"
    assert isinstance(sheets[0]["values"][6][4], int)  # 万元 as numbers, not Decimal
    assert a.xlsx_bytes()[:2] == b"PK"


def test_forms_one_sheet_per_project(tmp_path):
    path = write_ledger(tmp_path / "a.xlsx")
    summary = build(read_ledger(path), year=2023, region="示例市", date=DATE)
    c_path, v_path = write_forms(summary, tmp_path / "forms")
    commit = load_workbook(c_path)
    assert len(commit.worksheets) == 6
    ws = commit.worksheets[0]
    assert ws["A2"].value == "2023年度省级财政专项资金项目申报信用承诺书"  # line 5028
    assert ws["B3"].value == "示例甲智造有限公司" and ws["E3"].value == PROJECTS[0][2]
    assert ws["B5"].value == 3500 and ws["E5"].value == 400 and ws["D6"].value == "张明"
    assert "7. 如违背以上承诺" in ws["A7"].value
    verify = load_workbook(v_path).worksheets[0]
    assert verify["A3"].value == "入库项目真实性核查表"
    # item 1 carries the catalog's 经营年限 condition: 正常经营1年以上（截至2022年6月30日）(lines 5082-5083)
    assert (
        verify["A8"].value
        == "1. 申报主体是否在江苏省域内注册，具有独立的法人资格且正常经营1年以上（截至2022年6月30日）。"
    )
    assert verify["B6"].value == "智能化改造数字化转型／智能制造示范工厂项目"


def test_forms_only_for_projects_marked_for_verification(tmp_path):
    header = HEADER + ["是否核查"]
    rows = [list(p) + (["是"] if i in (1, 3) else ["否"]) for i, p in enumerate(PROJECTS)]
    summary = build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows, header=header)), year=2023, date=DATE)
    _, v_path = write_forms(summary, tmp_path / "forms")
    assert [ws["B4"].value for ws in load_workbook(v_path).worksheets] == ["示例乙精工有限公司", "示例丁软件有限公司"]


def test_bad_year_is_a_clear_error():
    with pytest.raises(BadInputError, match="没有 1999 年度"):
        build(read_values([["单位名称", "项目名称"], ["示例", "p"]]).rows, year=1999)


def test_output_never_overwrites_the_ledger(tmp_path):
    path = write_ledger(tmp_path / "a.xlsx")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    summary = build_from_file(path, year=2023, date=DATE)
    with pytest.raises(BadInputError, match="不能与台账文件相同"):
        summary.write_xlsx(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_example_ledger_is_reproducible_and_messy(tmp_path):
    sys.path.insert(0, str(ROOT / "examples"))
    import make_ledger

    out = tmp_path / "台账.xlsx"
    make_ledger.main(["make_ledger", str(out)])
    assert out.read_bytes() == (ROOT / "examples" / "台账_2023.xlsx").read_bytes(), "请运行 examples/make_ledger.py"
    led = read_ledger(out)
    assert led.header_row == 4 and len(led.rows) == 40
    summary = build(led, year=2023, date=DATE)
    assert len(summary.unmatched) == 1
    assert sum(len(v) for v in summary.tables.values()) == 39
    flagged = [i for r in summary.reviews for i in r.issues if i.code == "AMOUNT_LOOKS_LIKE_YUAN"]
    assert len(flagged) == 2


# ---------------------------------------------------------------- CLI




def test_cli_writes_the_summary_and_forms(tmp_path):
    ledger = write_ledger(tmp_path / "台账.xlsx")
    before = hashlib.sha256(ledger.read_bytes()).hexdigest()
    out = tmp_path / "汇总.xlsx"
    code, stdout, stderr = run(
        "summary",
        str(ledger),
        "--year",
        "2023",
        "--region",
        "示例市",
        "--out",
        str(out),
        "--forms",
        str(tmp_path / "f"),
    )
    assert code == 0, stderr
    assert "附件2-1（智能化改造数字化转型）：2 个项目" in stdout
    assert (
        out.exists()
        and (tmp_path / "f" / "附件3_信用承诺书.xlsx").exists()
        and (tmp_path / "f" / "附件4_真实性核查表.xlsx").exists()
    )
    assert hashlib.sha256(ledger.read_bytes()).hexdigest() == before


def test_cli_json(tmp_path):
    ledger = write_ledger(tmp_path / "台账.xlsx")
    code, stdout, _ = run("summary", str(ledger), "--year", "2023", "--out", str(tmp_path / "o.xlsx"), "--json")
    assert code == 0
    data = json.loads(stdout)
    assert {"year", "fund", "tables", "projects", "sample_size", "quotas", "written"} <= set(data)
    assert [t["count"] for t in data["tables"]] == [2, 1, 1, 1, 1]


@pytest.mark.parametrize(
    "args, message",
    [
        (["{dir}/无此文件.xlsx", "--year", "2023"], "找不到台账文件"),
        (["{ledger}", "--year", "1999"], "没有 1999 年度"),
        (["{ledger}", "--year", "2023", "--sheet", "汇总"], "没有工作表"),
        (["{ledger}"], "请指定年度"),
        (["{ledger}", "--year", "2023", "--out", "{dir}/x.csv"], "须为 .xlsx"),
        (["{ledger}", "--year", "2023", "--paper", "B5"], "参数错误"),
        (["{empty}", "--year", "2023"], "找不到表头"),
    ],
)
def test_cli_bad_input_exits_2_with_a_chinese_message(tmp_path, args, message):
    ledger = write_ledger(tmp_path / "台账.xlsx")
    empty = tmp_path / "空.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "无关内容"
    wb.save(empty)
    args = [a.format(dir=tmp_path, ledger=ledger, empty=empty) for a in args]
    code, _, stderr = run("summary", *args)
    assert code == 2 and message in stderr
