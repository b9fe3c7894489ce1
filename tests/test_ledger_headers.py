"""One field vocabulary for every reader (issue 13 item 4): the header wordings clerks use.

Ledgers headed with year/period prefixes, shortened names, qualifiers, units in any bracket
(or none, or 元) are read into a 附件2 whose cells are checked against the ledger (the xlsx is
read back with openpyxl); a column nothing maps is said first on the console and atop 审核,
with a ready-to-paste --mapping line; distinct concepts (净利润 / 利润总额) stay distinct.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from ledgers import PROJECTS, write_ledger

from subsidykit.workbooks import summary_layout as L
from subsidykit.workbooks.ledger import read_ledger, read_values
from subsidykit.workbooks.submissions import label_field
from subsidykit.summary.build import build, build_from_file
from subsidykit.summary.audit import AUDIT_SHEET
from subsidykit.rules.vocabulary import canonical_field
from subsidykit.rules.vocabulary import field_key, header_unit, match
from cli_process import run

DATE = dt.date(2024, 1, 5)

# The 附件2 fields, in the order of tests/ledgers.PROJECTS' values below.
FIELDS = ["单位名称", "统一社会信用代码", "单位主要经营地址", "所属行业", "申报项目类别", "申报项目名称", "项目总投入",
          "固定资产投资", "开工日期", "完工日期", "申请补助资金", "主营业务收入", "实缴税金", "利润总额", "是否集群项目"]  # fmt: skip
# PROJECTS columns: 序号 企业名称 信用代码 地址 行业 类别 子类 名称 总投资 固定资产 开工 竣工 申请 主营 税金 利润 集群 联系人 电话
SOURCE = {"单位名称": 1, "统一社会信用代码": 2, "单位主要经营地址": 3, "所属行业": 4, "申报项目类别": 5, "申报项目名称": 7,
          "项目总投入": 8, "固定资产投资": 9, "开工日期": 10, "完工日期": 11, "申请补助资金": 12, "主营业务收入": 13,
          "实缴税金": 14, "利润总额": 15, "是否集群项目": 16}  # fmt: skip

# Two county ledgers: each header as a clerk wrote it, the field it is, and the factor the
# ledger's value is written with (1 = 万元; 10000 = the column is in 元).
WORDINGS_A = [
    ("序号", None, 1),
    ("企业名称（全称）", "单位名称", 1),
    ("统一社会信用代码（18位）", "统一社会信用代码", 1),
    ("企业地址", "单位主要经营地址", 1),
    ("所属行业（国民经济行业分类）", "所属行业", 1),
    ("申报方向", "申报项目类别", 1),
    ("项目名称", "申报项目名称", 1),
    ("项目总投资 万元", "项目总投入", 1),
    ("设备等固定资产投资(万元)", "固定资产投资", 1),
    ("开工时间", "开工日期", 1),
    ("竣工日期", "完工日期", 1),
    ("拟申请补助资金（单位：万元）", "申请补助资金", 1),
    ("2021年营业收入（万元）", "主营业务收入", 1),  # 营业收入 stands in for 附件2's 主营业务收入 (fields.yaml)
    ("上年度纳税额（元）", "实缴税金", 10000),  # an 元 column: converted to 万元
    ("利润【万元】", "利润总额", 1),
    ("是否省集群项目", "是否集群项目", 1),
]
WORDINGS_B = [
    ("1.单位全称", "单位名称", 1),
    ("社会信用代码", "统一社会信用代码", 1),
    ("主要经营地址", "单位主要经营地址", 1),
    ("行业类别", "所属行业", 1),
    ("项目类别", "申报项目类别", 1),
    ("申报项目", "申报项目名称", 1),
    ("总投资额（万元）", "项目总投入", 1),
    ("其中:固定资产投资(万元)", "固定资产投资", 1),
    ("项目开始时间", "开工日期", 1),
    ("项目结束时间", "完工日期", 1),
    ("申请补助（元）", "申请补助资金", 10000),
    ("２０２１年度 主营业务收入（万元）", "主营业务收入", 1),  # full-width digits, a space
    ("2021年度实缴税金（万元）", "实缴税金", 1),
    ("2022年度利润总额(万元)", "利润总额", 1),
    ("是否集群", "是否集群项目", 1),
]


def _ledger_rows(wordings):
    rows = []
    for p in PROJECTS:
        row = []
        for _header, name, factor in wordings:
            if name is None:
                row.append(p[0])
                continue
            v = p[SOURCE[name]]
            row.append(v * factor if factor != 1 and v is not None else v)
        rows.append(row)
    return rows


def _tables(path: Path) -> dict[str, list]:
    """附件2 data rows of every table, by 单位名称 (read back from the written xlsx)."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        if ws.title == AUDIT_SHEET:
            continue
        assert [c.value for c in ws[L.ROW_HEADERS]][1:] == [c.header for c in L.COLUMNS[1:]]
        for r in ws.iter_rows(min_row=L.FIRST_DATA_ROW, values_only=True):
            if r[0] is None or not isinstance(r[0], int):
                continue
            out[r[1]] = list(r)
    return out


def _audit(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)[AUDIT_SHEET]
    return [r[0] for r in ws.iter_rows(values_only=True) if isinstance(r[0], str)]


def _same(got, want) -> bool:
    if isinstance(want, dt.date):
        return isinstance(got, dt.datetime) and got.date() == want
    if isinstance(want, (int, float, Decimal)):
        return got is not None and Decimal(str(got)) == Decimal(str(want))
    return got == want


@pytest.mark.parametrize("wordings", [WORDINGS_A, WORDINGS_B], ids=["county-a", "county-b"])
def test_every_wording_fills_its_summary_column(tmp_path, wordings):
    ledger = write_ledger(tmp_path / "台账.xlsx", _ledger_rows(wordings), header=[h for h, _, _ in wordings])
    led = read_ledger(ledger)
    assert [c.field for c in led.columns] == [
        n if n != "主营业务收入" or "营业收入" not in h or "主营" in h else "营业收入" for h, n, _ in wordings
    ]
    summary = build_from_file(ledger, year=2023, region="示例市", date=DATE)
    assert not summary.header_gaps  # nothing unmapped, no 附件2 column empty
    out = summary.write_xlsx(tmp_path / "附件2.xlsx")
    tables = _tables(out)
    assert len(tables) == len(PROJECTS)
    for p in PROJECTS:
        got = tables[p[1]]
        for col, value in zip(L.COLUMNS, got, strict=True):
            if col.field is None:
                continue
            want = p[SOURCE[col.field]]
            if col.kind == "bool":
                want = want or None
            assert _same(value, want), (p[1], col.header, value, want)
    audit = _audit(out)
    converted = [h for h, _, f in wordings if f != 1]
    for h in converted:  # the 元 column's conversion is said in 审核
        assert any(h.replace("（", "(").replace("）", ")") in line and "已换算为万元" in line for line in audit), audit[:12]
    if wordings is WORDINGS_A:  # 营业收入 standing in for 主营业务收入 is said too
        assert any("主营业务收入" in line and "2021年营业收入" in line for line in audit)


@pytest.mark.parametrize(
    ("wording", "field"),
    [
        ("2021年营业收入（万元）", "营业收入"),
        ("上年度纳税额", "实缴税金"),
        ("2022年度利润总额", "利润总额"),
        ("利润", "利润总额"),
        ("纳税", "实缴税金"),
        ("营收", "营业收入"),
        ("去年营收（万元）", "营业收入"),
        ("设备等固定资产投资", "固定资产投资"),
        ("其中：设备投资", "设备投入"),
        ("其中:设备投资(万元)", "设备投入"),
        ("利润（万元）", "利润总额"),
        ("利润(万元)", "利润总额"),
        ("利润万元", "利润总额"),
        ("利润（元）", "利润总额"),
        ("利润总额【万元】", "利润总额"),
        ("项目总投资（单位：万元）", "项目总投入"),
        ("营业收入（2021年）", "营业收入"),
        ("２０２１年营业收入", "营业收入"),
        ("本年度实缴税金（万元）", "实缴税金"),
        ("净利润（万元）", "净利润"),
        ("主营业务收入", "主营业务收入"),
    ],
)
def test_one_matcher_for_headers_labels_and_threshold_fields(wording, field):
    assert match(wording) == field
    assert canonical_field(wording) == field  # threshold fields, check and CHECK_ROW labels
    assert label_field(wording) == field  # submission labels
    got = read_values([["企业名称", wording], ["示例", 1]]).columns[1].field  # ledger headers
    assert got == field


def test_distinct_concepts_are_never_merged():
    for a, b in [("净利润", "利润总额"), ("营业收入", "主营业务收入"), ("营收", "主营业务收入"), ("税后利润", "利润总额")]:
        assert match(a) != match(b)
    # a period the vocabulary does not treat as one year is not stripped: 近三年营业收入 is not 营业收入
    assert match("近三年营业收入") is None
    assert field_key("（万元）营业收入") == field_key("营业收入(万元)") == "营业收入"


def test_units_in_any_bracket_or_none():
    assert [header_unit(h) for h in ["利润（元）", "利润(元)", "利润【元】", "利润/元", "利润元", "利润（单位：元）"]] == ["元"] * 6
    assert [header_unit(h) for h in ["利润（万元）", "利润万元", "利润", "利润（亿元）"]] == [None, None, None, "亿元"]


def test_net_profit_does_not_fill_total_profit(tmp_path):
    header = ["企业名称", "项目类别", "项目名称", "总投资(万元)", "申请补助(万元)", "净利润（万元）", "2021年营业收入"]
    rows = [[p[1], p[5], p[7], p[8], p[12], p[15], p[13]] for p in PROJECTS]
    ledger = write_ledger(tmp_path / "台账.xlsx", rows, header=header)
    led = read_ledger(ledger)
    assert led.rows[0].values["净利润"] == Decimal(PROJECTS[0][15])
    assert "利润总额" not in led.rows[0].values
    summary = build(led, year=2023, date=DATE)
    gaps = summary.header_gaps
    assert "利润总额" in [f for _, f in gaps.empty]  # said to be empty, not filled from 净利润
    assert not gaps.unmapped  # 净利润 is a field of its own: read, not "unmapped"
    out = summary.write_xlsx(tmp_path / "附件2.xlsx")
    profit = [c.header for c in L.COLUMNS].index("利润总额（万元）")
    income = [c.header for c in L.COLUMNS].index("主营业务收入（万元）")
    tables = _tables(out)
    for p in PROJECTS:
        assert tables[p[1]][profit] is None
        assert _same(tables[p[1]][income], p[13])  # 营业收入 stands in for 主营业务收入 (fields.yaml)


# ---------------------------------------------------------------- columns nothing maps


UNMAPPED_HEADER = ["序号", "企业名称", "行业门类", "项目类别", "项目名称", "总投资(万元)", "固定资产投入", "开工时间", "竣工时间",
                   "申请补助(万元)", "主营业务收入", "实缴税金", "利润额度（万元）", "是否集群", "纳税信用等级", "备注"]  # fmt: skip


def _unmapped_ledger(tmp_path: Path) -> Path:
    rows = [[p[0], p[1], p[4], p[5], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15], p[16], "A", ""] for p in PROJECTS]
    return write_ledger(tmp_path / "台账.xlsx", rows, header=UNMAPPED_HEADER)




def test_unmapped_columns_are_said_first_on_the_console_and_atop_audit(tmp_path):
    ledger = _unmapped_ledger(tmp_path)
    out = tmp_path / "附件2.xlsx"
    code, stdout, stderr = run("summary", str(ledger), "--year", "2023", "--out", str(out), "--date", "2024-01-05")
    assert code == 0, stderr
    lines = stderr.splitlines()
    # first, before anything else: the unmapped ledger columns (with their cells) ...
    assert lines[0].startswith("[警告] 台账有 3 列未能识别")
    for h, cell in [("行业门类", "台账!C4"), ("利润额度(万元)", "台账!M4"), ("纳税信用等级", "台账!O4")]:
        assert f"「{h}」（{cell}）" in lines[0]
    assert "序号" not in lines[0] and "备注" not in lines[0]  # the ledger's own bookkeeping columns
    # ... the 附件2 columns left empty ...
    assert lines[1] == "[警告] 附件2 有 3 列为空（台账中没有能对应的列）：单位主要经营地址、所属行业、利润总额（万元）"
    # ... and ready-to-paste --mapping lines, the closest field for each
    mapping_text = "\n".join(line for line in lines if line.startswith('  "'))
    suggested = yaml.safe_load(mapping_text)
    assert suggested["行业门类"] == "所属行业"
    assert suggested["利润额度(万元)"] == "利润总额"
    assert suggested["纳税信用等级"] != "实缴税金"  # a field already read is never suggested
    assert lines.index(next(x for x in lines if "--mapping" in x)) < len(lines)
    assert stdout.startswith("附件2-1")

    # 审核 opens with the same list
    audit = _audit(out)
    assert audit[0].startswith("审核：")
    head = [line.removeprefix("表头：") for line in audit[1 : 1 + len(lines)]]
    warning = [x for x in lines if x.startswith(("[警告]", '  "'))]
    assert head[: len(warning)] == warning

    # the suggested lines, pasted into a mapping file, fill the columns
    mapping = tmp_path / "对照.yaml"
    mapping.write_text(mapping_text.replace('"纳税信用等级": ', '"纳税信用等级": ""  #'), encoding="utf-8")
    code, _stdout, stderr = run("summary", str(ledger), "--year", "2023", "--out", str(out), "--force", "--mapping", str(mapping))
    assert code == 0, stderr
    assert "未能识别" not in stderr
    assert "附件2 有 1 列为空" in stderr and "单位主要经营地址" in stderr
    tables = _tables(out)
    industry = [c.field for c in L.COLUMNS].index("所属行业")
    profit = [c.field for c in L.COLUMNS].index("利润总额")
    for p in PROJECTS:
        assert tables[p[1]][industry] == p[4] and _same(tables[p[1]][profit], p[15])


def test_unmapped_columns_in_the_json_and_the_ribbon_message(tmp_path):
    ledger = _unmapped_ledger(tmp_path)
    summary = build_from_file(ledger, year=2023, date=DATE)
    data = summary.to_json()["unmapped"]
    assert [c["header"] for c in data["columns"]] == ["行业门类", "利润额度(万元)", "纳税信用等级"]
    assert [c["field"] for c in data["empty"]] == ["单位主要经营地址", "所属行业", "利润总额"]
    assert data["message"].splitlines()[0].startswith("[警告] 台账有 3 列未能识别")
    assert any(line.startswith('"行业门类": 所属行业') for line in data["mapping"])

    from macros.summary import _message

    message = _message(summary, "")
    assert message.startswith(data["message"])  # the same message, first


def test_a_clean_ledger_says_nothing(tmp_path):
    summary = build_from_file(write_ledger(tmp_path / "台账.xlsx"), year=2023, date=DATE)
    assert not summary.header_gaps and summary.header_gaps.lines() == []
    assert summary.to_json()["unmapped"]["message"] == ""
    audit = summary.sheets[-1].values
    assert not any(isinstance(r[0], str) and r[0].startswith("表头：") for r in audit)
