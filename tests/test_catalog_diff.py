"""Issue 17: `catalog diff OLD NEW` — programs added, removed, renamed, and every changed number
and condition with both citations.  Expected values are written by hand from the two small
documents below (and, for `diff 2023 2026`, from the installed catalog's entries and seed lines)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]

OLD = """\
file: guide_2026.txt
title: 2026年度示例专项资金项目申报指南
year: 2026
fund: 示例专项资金
guides: [2026年度示例专项资金项目申报指南]
general_thresholds:
  - {field: 成立日期, op: "<=", value: "2025-06-30", unit: 日期, label: 正常经营1年以上, source: {file: guide_2026.txt, lines: [4, 4], text: 正常经营1年以上（截至2026年6月30日）}}
general_applies_to: [2026年度示例专项资金项目申报指南]
programs:
  - id: 2026-smart-upgrade
    year: 2026
    fund: 示例专项资金
    guide: 2026年度示例专项资金项目申报指南
    path: [一、智能化改造]
    title: 智能化改造项目
    kind: rate_cap
    base: 项目总投入
    rate: 0.10
    cap: 2000
    source: {file: guide_2026.txt, lines: [12, 12], text: 按不超过项目总投入的10%予以补助，最高不超过2000万元}
    first_payment: {share: 0.5, source: {file: guide_2026.txt, lines: [13, 13], text: 首次拨付补助资金总额的50%}}
    quota: {value: 30, source: {file: guide_2026.txt, lines: [15, 15], text: 支持数量。不超过30个。}}
    thresholds:
      - {field: 项目总投入, op: ">=", value: 3000, unit: 万元, label: 项目总投入不低于3000万元, source: {file: guide_2026.txt, lines: [10, 10], text: 项目总投入不低于3000万元}}
  - id: 2026-first-set
    year: 2026
    fund: 示例专项资金
    guide: 2026年度示例专项资金项目申报指南
    path: [二、首台套]
    title: 首台（套）装备示范应用项目
    kind: cap_only
    cap: 200
    source: {file: guide_2026.txt, lines: [20, 20], text: 单个装备支持额度最高不超过200万元}
  - id: 2026-service-manufacturing
    year: 2026
    fund: 示例专项资金
    guide: 2026年度示例专项资金项目申报指南
    path: [三、服务型制造]
    title: 服务型制造示范项目
    kind: fixed
    fixed: 50
    source: {file: guide_2026.txt, lines: [30, 30], text: 给予50万元定额奖励}
  - id: 2026-iip
    year: 2026
    fund: 示例专项资金
    guide: 2026年度示例专项资金项目申报指南
    path: [四、工业互联网]
    title: 工业互联网平台项目
    kind: rate_cap
    base: 项目总投入
    rate: 0.20
    cap: 500
    source: {file: guide_2026.txt, lines: [40, 40], text: 按不超过项目总投入的20%予以补助，最高不超过500万元}
"""

NEW = """\
file: guide_2027.txt
title: 2027年度示例专项资金项目申报指南
year: 2027
fund: 示例专项资金
guides: [2027年度示例专项资金项目申报指南]
review: draft
general_thresholds:
  - {field: 成立日期, op: "<=", value: "2026-06-30", unit: 日期, label: 正常经营1年以上, source: {file: guide_2027.txt, lines: [5, 5], text: 正常经营1年以上（截至2027年6月30日）}}
general_applies_to: [2027年度示例专项资金项目申报指南]
programs:
  - id: 2027-smart-upgrade
    year: 2027
    fund: 示例专项资金
    guide: 2027年度示例专项资金项目申报指南
    path: [一、智能化改造]
    title: 智能化改造项目
    kind: rate_cap
    base: 项目总投入
    rate: 0.15
    cap: 3000
    source: {file: guide_2027.txt, lines: [14, 15], text: 按不超过项目总投入的15%予以补助，最高不超过3000万元}
    first_payment: {share: 0.6, source: {file: guide_2027.txt, lines: [15, 15], text: 首次拨付补助资金总额的60%}}
    quota: {value: 20, source: {file: guide_2027.txt, lines: [17, 17], text: 支持数量。不超过20个。}}
    thresholds:
      - {field: 项目总投入, op: ">=", value: 5000, unit: 万元, label: 项目总投入不低于5000万元, source: {file: guide_2027.txt, lines: [11, 11], text: 项目总投入不低于5000万元}}
      - {field: 完工日期, op: between, value: ["2025-01-01", "2026-06-30"], unit: 日期, label: 2025年1月1日（含）至2026年6月30日（含）期间完工, source: {file: guide_2027.txt, lines: [12, 12], text: 2025年1月1日（含）至2026年6月30日（含）期间完工}}
  - id: 2027-first-set
    year: 2027
    fund: 示例专项资金
    guide: 2027年度示例专项资金项目申报指南
    path: [三、首台套推广]
    title: 首台(套)装备示范应用项目
    kind: cap_only
    cap: 200
    source: {file: guide_2027.txt, lines: [22, 22], text: 单个装备支持额度最高不超过200万元}
  - id: 2027-iip-cultivation
    year: 2027
    fund: 示例专项资金
    guide: 2027年度示例专项资金项目申报指南
    path: [四、工业互联网]
    title: 工业互联网平台培育项目
    kind: rate_cap
    base: 项目总投入
    rate: 0.20
    cap: 500
    source: {file: guide_2027.txt, lines: [42, 42], text: 按不超过项目总投入的20%予以补助，最高不超过500万元}
  - id: 2027-data-elements
    year: 2027
    fund: 示例专项资金
    guide: 2027年度示例专项资金项目申报指南
    path: [五、数据要素]
    title: 数据要素应用项目
    kind: rate_cap
    base: 项目总投入
    rate: 0.20
    cap: 400
    source: {file: guide_2027.txt, lines: [50, 50], text: 按不超过项目总投入的20%予以补助，最高不超过400万元}
"""


@pytest.fixture
def sides(tmp_path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def _changes(d) -> list[tuple]:
    return [(c.old_id, c.new_id, c.what, c.item, c.status, c.old, c.new,
             c.old_source and (c.old_source.file, tuple(c.old_source.lines)),
             c.new_source and (c.new_source.file, tuple(c.new_source.lines))) for c in d.changes]  # fmt: skip


# every change, by hand: (old id, new id, 内容, item, status, old, new, old citation, new citation)
WANT = [
    ("2026-smart-upgrade", "2027-smart-upgrade", "比例", "", "changed", "10%", "15%", ("guide_2026.txt", (12, 12)), ("guide_2027.txt", (14, 15))),
    ("2026-smart-upgrade", "2027-smart-upgrade", "上限", "", "changed", "最高 2000 万元", "最高 3000 万元", ("guide_2026.txt", (12, 12)), ("guide_2027.txt", (14, 15))),
    ("2026-smart-upgrade", "2027-smart-upgrade", "首次拨付", "", "changed", "补助资金的 50%", "补助资金的 60%", ("guide_2026.txt", (13, 13)), ("guide_2027.txt", (15, 15))),
    ("2026-smart-upgrade", "2027-smart-upgrade", "支持数量", "", "changed", "不超过 30 个", "不超过 20 个", ("guide_2026.txt", (15, 15)), ("guide_2027.txt", (17, 17))),
    ("2026-smart-upgrade", "2027-smart-upgrade", "条件", "项目总投入", "changed", "项目总投入 ≥ 3000 万元", "项目总投入 ≥ 5000 万元", ("guide_2026.txt", (10, 10)), ("guide_2027.txt", (11, 11))),
    ("2026-smart-upgrade", "2027-smart-upgrade", "条件", "完工日期", "added", None, "完工日期 介于 2025-01-01 至 2026-06-30", None, ("guide_2027.txt", (12, 12))),
    ("2026-first-set", "2027-first-set", "位置", "", "changed", "二、首台套", "三、首台套推广", ("guide_2026.txt", (20, 20)), ("guide_2027.txt", (22, 22))),
    ("", "", "条件", "成立日期", "changed", "成立日期 ≤ 2025-06-30", "成立日期 ≤ 2026-06-30", ("guide_2026.txt", (4, 4)), ("guide_2027.txt", (5, 5))),
]


def test_diff_of_two_hand_written_documents(sides):
    from subsidykit.authoring.diff import diff, load_side

    (old_docs, old_label), (new_docs, new_label) = load_side(sides[0]), load_side(sides[1])
    assert old_label == "old.yaml（2026 年度）" and new_label == "new.yaml（2027 年度，草稿）"
    d = diff(old_docs, new_docs, old_label=old_label, new_label=new_label)
    assert [p.id for p in d.added] == ["2027-data-elements"]
    assert [p.id for p in d.removed] == ["2026-service-manufacturing"]
    assert [(r.old.id, r.new.id, r.how) for r in d.renamed] == [("2026-iip", "2027-iip-cultivation", "title")]
    assert round(d.renamed[0].score, 3) == round(2 * 7 / (7 + 9), 3)  # 工业互联网平台 / 工业互联网平台培育
    assert sorted((a.id, b.id) for a, b in d.matched) == [("2026-first-set", "2027-first-set"), ("2026-iip", "2027-iip-cultivation"),
                                                          ("2026-smart-upgrade", "2027-smart-upgrade")]  # fmt: skip
    assert _changes(d) == WANT
    cap = d.changes[1]
    assert cap.old_source.text == "按不超过项目总投入的10%予以补助，最高不超过2000万元"
    assert cap.new_source.text == "按不超过项目总投入的15%予以补助，最高不超过3000万元"
    assert d.summary() == {"old_programs": 4, "new_programs": 4, "matched": 3, "added": 1, "removed": 1, "renamed": 1,
                           "changes": 8, "changed_programs": 3}  # fmt: skip


def test_the_briefing_text(sides):
    from subsidykit.authoring.diff import diff_specs

    text = diff_specs(*sides).to_text()
    lines = text.splitlines()
    assert lines[0] == "政策目录变化简报：old.yaml（2026 年度） → new.yaml（2027 年度，草稿）"
    assert lines[2] == "新增 1 个，取消 1 个，更名 1 个；补助标准和条件变化 8 处，涉及 3 个项目。"
    assert "  1. 数据要素应用项目（2027-data-elements；五、数据要素）：20%，最高 400 万元（guide_2027.txt 第50行）" in lines
    assert "  1. 服务型制造示范项目（2026-service-manufacturing；三、服务型制造）：定额 50 万元（guide_2026.txt 第30行）" in lines
    assert "  1. 「工业互联网平台项目」→「工业互联网平台培育项目」（2026-iip → 2027-iip-cultivation；名称相似度 0.88）" in lines
    at = lines.index("    - 上限：最高 2000 万元 → 最高 3000 万元")
    assert lines[at + 1] == "        旧：guide_2026.txt 第12行「按不超过项目总投入的10%予以补助，最高不超过2000万元」"
    assert lines[at + 2] == "        新：guide_2027.txt 第14-15行「按不超过项目总投入的15%予以补助，最高不超过3000万元」"
    assert "    - 新增条件（完工日期）：完工日期 介于 2025-01-01 至 2026-06-30" in lines
    assert "  （3）（通用条件）" in lines


def test_an_unchanged_document_has_no_changes(sides):
    from subsidykit.authoring.diff import diff_specs

    d = diff_specs(sides[0], sides[0])
    assert (d.added, d.removed, d.renamed, d.changes) == ([], [], [], []) and len(d.matched) == 4


def test_the_xlsx_reads_back(sides, tmp_path):
    from subsidykit.authoring.diff import diff_specs

    out = diff_specs(*sides).to_xlsx(tmp_path / "变化.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["概要", "新增", "取消", "更名", "变化"]
    rows = list(wb["变化"].iter_rows(values_only=True))
    assert rows[0] == ("序号", "项目名称", "旧编号", "新编号", "内容", "子类/分项/字段", "变化", "旧值", "新值", "旧出处", "旧原文", "新出处", "新原文")
    assert rows[2] == (2, "智能化改造项目", "2026-smart-upgrade", "2027-smart-upgrade", "上限", None, "变更", "最高 2000 万元", "最高 3000 万元",
                       "guide_2026.txt 第12行", "按不超过项目总投入的10%予以补助，最高不超过2000万元",
                       "guide_2027.txt 第14-15行", "按不超过项目总投入的15%予以补助，最高不超过3000万元")  # fmt: skip
    assert len(rows) == 1 + 8
    assert [r[1] for r in wb["新增"].iter_rows(min_row=2, values_only=True)] == ["2027-data-elements"]
    assert [r[1] for r in wb["取消"].iter_rows(min_row=2, values_only=True)] == ["2026-service-manufacturing"]
    assert list(wb["更名"].iter_rows(min_row=2, values_only=True)) == [(1, "2026-iip", "工业互联网平台项目", "2027-iip-cultivation", "工业互联网平台培育项目", "名称相似度 0.88")]


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "subsidykit.cli", *map(str, args)], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)


def test_catalog_diff_2023_2026_as_a_process(tmp_path):
    out = tmp_path / "变化.xlsx"
    proc = _run("catalog", "diff", "2023", "2026", "--json", "--out", out)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"old", "new", "summary", "added", "removed", "renamed", "changes"}
    assert data["old"] == "2023 年度（000_e236479adaf7e68e.txt）" and data["new"] == "2026 年度（004_4f6895fa74c99952.txt）"
    assert set(data["summary"]) == {"old_programs", "new_programs", "matched", "added", "removed", "renamed", "changes", "changed_programs"}
    assert (data["summary"]["old_programs"], data["summary"]["new_programs"]) == (29, 23)  # the catalog's 2023 and 2026 entries
    for key in ("added", "removed"):
        assert all(set(p) == {"id", "year", "title", "path", "kind", "amount", "source"} for p in data[key])
    # 2023's 智能制造示范工厂项目 has no 2026 counterpart; 2026's 工业大模型建设项目 is new
    assert "2023-smart-factory" in {p["id"] for p in data["removed"]}
    assert "2026-industrial-large-model" in {p["id"] for p in data["added"]}
    large = next(p for p in data["added"] if p["id"] == "2026-industrial-large-model")
    assert large["amount"] == "20%，最高 2000 万元" and large["source"]["file"] == "004_4f6895fa74c99952.txt"
    # 中小企业公共服务示范平台项目 (2023) → 中小企业公共服务体系建设项目 (2026): 支持数量。不超过20个。 (line 1419) is gone
    pair = {(r["old"]["id"], r["new"]["id"]) for r in data["renamed"]}
    assert ("2023-sme-public-service-platform", "2026-sme-public-service-system") in pair
    quota = [c for c in data["changes"] if c["old_id"] == "2023-sme-public-service-platform" and c["what"] == "支持数量"]
    assert quota == [{"old_id": "2023-sme-public-service-platform", "new_id": "2026-sme-public-service-system", "title": "中小企业公共服务体系建设项目",
                      "what": "支持数量", "item": "", "status": "removed", "old": "不超过 20 个", "new": None,
                      "old_source": {"file": "000_e236479adaf7e68e.txt", "lines": [1419, 1419], "text": "支持数量。不超过20个。"},
                      "new_source": None}]  # fmt: skip
    assert all(set(c) == {"old_id", "new_id", "title", "what", "item", "status", "old", "new", "old_source", "new_source"} for c in data["changes"])
    assert "变化表已写入" in proc.stderr
    wb = load_workbook(out)
    assert wb["概要"]["A1"].value == "政策目录变化简报：2023 年度（000_e236479adaf7e68e.txt） → 2026 年度（004_4f6895fa74c99952.txt）"
    assert wb["变化"].max_row == 1 + len(data["changes"]) and wb["新增"].max_row == 1 + len(data["added"])
    proc = _run("catalog", "diff", "2023", "2026", "--out", out)  # exists: refused without --force
    assert proc.returncode == 2 and "已存在" in proc.stderr


def test_catalog_diff_refuses_what_is_neither_a_year_nor_a_catalog_file(tmp_path):
    proc = _run("catalog", "diff", "2019", "2026")
    assert proc.returncode == 2 and "没有 2019 年度" in proc.stderr
    proc = _run("catalog", "diff", tmp_path / "none.yaml", "2026")
    assert proc.returncode == 2 and "找不到文件" in proc.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("file: x\nprograms: [1]\n", encoding="utf-8")
    proc = _run("catalog", "diff", bad, "2026")
    assert proc.returncode == 2 and "格式错误" in proc.stderr


def test_a_condition_under_another_field_name_is_one_change_when_the_clause_is_the_same(tmp_path):
    from subsidykit.authoring.diff import diff_specs

    old = tmp_path / "a.yaml"
    new = tmp_path / "b.yaml"
    old.write_text(OLD, encoding="utf-8")
    # the same file and clause (line 10), the field named otherwise; a yes/no condition from another line added
    new.write_text(OLD.replace("{field: 项目总投入, op:", "{field: 项目建设投入, op:").replace(
        "  - id: 2026-first-set\n",
        "      - {field: 规模以上工业企业, op: \"==\", value: true, unit: 是否, label: 规上企业, source: {file: guide_2026.txt, lines: [11, 11], text: 规模以上工业企业}}\n"
        "  - id: 2026-first-set\n"), encoding="utf-8")  # fmt: skip
    d = diff_specs(old, new)
    assert [(c.what, c.item, c.status, c.old, c.new) for c in d.changes] == [
        ("条件", "项目总投入 → 项目建设投入", "changed", "项目总投入 ≥ 3000 万元", "项目建设投入 ≥ 3000 万元"),
        ("条件", "规模以上工业企业", "added", None, "规模以上工业企业 = 是"),
    ]
    # a name the vocabulary knows as the same field (项目总投资 = 项目总投入) is no change at all
    new.write_text(OLD.replace("{field: 项目总投入, op:", "{field: 项目总投资, op:"), encoding="utf-8")
    assert diff_specs(old, new).changes == []
