"""The city roll-up, `subsidykit summary … --level city --region 徐州市`: real files, real processes.

Expected numbers by hand from 002_1632e1bcc76db33b.txt line 28 (2021 高端化改造升级项目):
"每个设区市（含所辖县、市、区）限报6个，其中，产业链现代化提升项目限报4个，产业基础再造项目限报2个"
(catalog 002_2021.yaml, 2021-high-end-upgrade city_limits 6 / 4 / 2).  The three county ledgers
below hold 3 + 2 + 2 = 7 projects of that program (产业链 3 + 1 = 4, 基础再造 1 + 2 = 3): each
county alone is within every limit, the merged city list breaks the 6 (by 1) and the 2 (by 1)
and meets the 4 exactly (限报4个 includes 4).  徐州甲 applies in 丰县 and in 沛县.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

import pytest
from cli_process import run
from openpyxl import Workbook, load_workbook

from subsidykit.rules.findings import CODES, ERROR, WARNING
from subsidykit.rules.uscc import make
from subsidykit.summary.build import build_from_file

# the three county ledgers of the bundled example (examples/make_county_ledgers.py): one home
# for the data the demo shows and these tests check
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
from make_county_ledgers import BASE, FENG, HE, HEAD, PEI, PIZHOU, USCC, ledger, project  # noqa: E402

SHEET_21 = "2-1 技术改造升级"


NAMES = [r[1] for r in FENG + PEI + PIZHOU]


def write_ledger(path: Path, rows: list[list], *, title: str | None = None, head: list[str] = HEAD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ledger(rows, title=title, head=head))
    return path


@pytest.fixture()
def counties(tmp_path) -> list[Path]:
    """丰县: county from the file name; 沛县: from the 地区 line; 邳州: from a 县（市、区） column."""
    feng = write_ledger(tmp_path / "丰县台账.xlsx", FENG, title="2021年度专项资金申报台账")
    pei = write_ledger(tmp_path / "台账B.xlsx", PEI, title="地区：沛县")
    head = HEAD[:3] + ["县（市、区）"] + HEAD[3:]
    pizhou = write_ledger(tmp_path / "台账C.xlsx", [r[:3] + ["邳州市"] + r[3:] for r in PIZHOU], head=head)
    return [feng, pei, pizhou]


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def city(*inputs, out: Path, extra: tuple[str, ...] = ()) -> tuple[int, str, str]:
    return run("summary", *inputs, "--level", "city", "--region", "徐州市", "--out", out, *extra)


def audit(path: Path) -> tuple[list[str], list[dict]]:
    """(the lines above the table, the rows by heading) of 审核."""
    ws = load_workbook(path)["审核"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    h = next(i for i, r in enumerate(rows) if r[0] == "序号")
    lines = [r[0] for r in rows[1:h] if r[0]]
    heads = rows[h]
    return lines, [dict(zip(heads, r)) for r in rows[h + 1 :]]


def table(path: Path, sheet: str = SHEET_21) -> list[list]:
    ws = load_workbook(path)[sheet]
    out = []
    for r in ws.iter_rows(min_row=7, values_only=True):
        if r[0] is None or isinstance(r[0], str):
            break
        out.append(list(r))
    return out


def test_three_county_ledgers_2021_merge_with_city_limits_and_a_cross_county_applicant(counties, tmp_path):
    before = [digest(p) for p in counties]
    out = tmp_path / "out" / "徐州市_附件2.xlsx"
    code, stdout, stderr = city(*counties, out=out, extra=("--year", "2021"))
    assert code == 0, stderr
    assert [digest(p) for p in counties] == before  # inputs never modified
    rows = table(out)
    assert [r[1] for r in rows] == NAMES  # input order, one table for 技术改造升级
    assert [r[0] for r in rows] == list(range(1, 9))
    assert load_workbook(out)[SHEET_21]["A4"].value == "地区：徐州市"

    lines, audited = audit(out)
    assert [a["县（市、区）"] for a in audited] == ["丰县"] * 3 + ["沛县"] * 3 + ["邳州市"] * 2
    assert [a["来源文件"] for a in audited] == (
        [f"丰县台账.xlsx · 台账 · 第 {r} 行" for r in (4, 5, 6)]
        + [f"台账B.xlsx · 台账 · 第 {r} 行" for r in (4, 5, 6)]
        + [f"台账C.xlsx · 台账 · 第 {r} 行" for r in (2, 3)]
    )
    # 002:28, by hand: 7 of 6 (超出 1), 产业链 4 of 4 (未超出), 基础再造 3 of 2 (超出 1)
    quotas = [line for line in lines if line.startswith("限报名额：徐州市")]
    assert quotas == [
        "限报名额：徐州市｜2021/高端化改造升级项目｜每个设区市（含所辖县、市、区）限报6个｜已报 7 个｜超出 1 个（002_1632e1bcc76db33b.txt 第28行）",
        "限报名额：徐州市｜2021/高端化改造升级项目/产业链现代化提升项目｜其中，产业链现代化提升项目限报4个｜已报 4 个｜未超出（002_1632e1bcc76db33b.txt 第28行）",
        "限报名额：徐州市｜2021/高端化改造升级项目/产业基础再造项目｜产业基础再造项目限报2个｜已报 3 个｜超出 1 个（002_1632e1bcc76db33b.txt 第28行）",
    ]
    limit_lines = [line for line in lines if line.startswith("批次：[错误] 徐州市：2021/高端化改造升级项目")]
    assert len(limit_lines) == 2
    cross = [line for line in lines if "在 2 个县（市、区）的名单中申报" in line]
    assert len(cross) == 1
    assert cross[0].startswith(f"批次：[{WARNING}] 示例徐州甲科技有限公司（{USCC['甲']}）")
    assert "丰县（丰县台账.xlsx · 台账 · 第 4 行「甲产业链提升项目」）" in cross[0]
    assert "沛县（台账B.xlsx · 台账 · 第 4 行「甲沛县扩产项目」）" in cross[0]
    # on the rows: the cross-county warning on both 甲 rows only; the limit on the program's 7 rows, not on 戊
    notes = [a["台账提示"] or "" for a in audited]
    assert [("在 2 个县（市、区）" in n) for n in notes] == [True, False, False, True, False, False, False, False]
    assert [("限报6个" in n) for n in notes] == [True] * 5 + [False] + [True] * 2
    assert [("产业基础再造项目限报2个" in n) for n in notes] == [False] * 4 + [True, False, True, True]
    assert CODES["CROSS_COUNTY_APPLICANT"][0] == WARNING
    assert "丰县台账.xlsx｜台账｜县（市、区）：丰县（文件名）｜3 个项目" in stdout
    assert "台账B.xlsx｜台账｜县（市、区）：沛县（地区行）｜3 个项目" in stdout
    assert "在 2 个县（市、区）的名单中申报" in stderr


def test_each_county_alone_is_within_the_limits(counties):
    for path in counties:
        s = build_from_file(path, year=2021, region="徐州市")
        assert not [b for b in s.batch if b.code == "CITY_LIMIT"], path.name


def test_json_names_every_input_county_and_source(counties, tmp_path):
    code, stdout, _ = city(*counties, out=tmp_path / "x.xlsx", extra=("--year", "2021", "--json"))
    assert code == 0
    data = json.loads(stdout)
    assert data["level"] == "city" and data["year"] == 2021 and data["region"] == "徐州市"
    assert data["register"] is None and "未配置登记簿" in data["register_note"]  # SUBSIDYKIT_DB=off (conftest)
    assert [(f["label"], f["kind"], f["county"], f["county_from"], f["rows"], f["merged"]) for f in data["inputs"]] == [
        ("丰县台账.xlsx", "台账", "丰县", "文件名", 3, True),
        ("台账B.xlsx", "台账", "沛县", "地区行", 3, True),
        ("台账C.xlsx", "台账", None, None, 2, True),
    ]
    assert [p["county"] for p in data["projects"]] == ["丰县"] * 3 + ["沛县"] * 3 + ["邳州市"] * 2
    cross = [b for b in data["batch"] if b["code"] == "CROSS_COUNTY_APPLICANT"]
    assert [b["files"] for b in cross] == [["丰县台账.xlsx · 台账!第4行", "台账B.xlsx · 台账!第4行"]]


def test_without_year_and_without_a_year_in_the_files_asks_for_it(counties, tmp_path):
    code, _, stderr = city(*counties, out=tmp_path / "x.xlsx")
    assert code == 2 and "--year" in stderr


def test_a_summary_made_by_subsidykit_merges_with_two_ledgers(counties, tmp_path):
    feng, pei, pizhou = counties
    made = tmp_path / "丰县_附件2.xlsx"
    code, _, err = run("summary", feng, "--year", "2021", "--region", "徐州市丰县", "--out", made)
    assert code == 0, err
    three = tmp_path / "三个台账.xlsx"
    assert city(feng, pei, pizhou, out=three, extra=("--year", "2021"))[0] == 0
    before = digest(made)
    mixed = tmp_path / "附件2加台账.xlsx"
    code, stdout, stderr = city(made, pei, pizhou, out=mixed)  # the year from the 附件2's title
    assert code == 0, stderr
    assert digest(made) == before
    assert "丰县_附件2.xlsx｜附件2｜县（市、区）：丰县（地区行）｜3 个项目" in stdout
    # every 附件2 column came back: the city's table is the same as from the three ledgers
    assert table(mixed) == table(three)
    lines3, audit3 = audit(three)
    lines, audited = audit(mixed)
    assert [a["县（市、区）"] for a in audited] == [a["县（市、区）"] for a in audit3]
    assert [a["来源文件"] for a in audited][:3] == [f"丰县_附件2.xlsx · {SHEET_21} · 第 {r} 行" for r in (7, 8, 9)]
    # the 审核 of the 附件2 gave back the 统一社会信用代码 and the 子类: the same program, limits and findings
    for key in ("统一社会信用代码", "匹配的政策项目", "最高补助（万元）", "条件核对"):
        assert [a[key] for a in audited] == [a[key] for a in audit3], key
    assert [x for x in lines if x.startswith("限报名额")] == [x for x in lines3 if x.startswith("限报名额")]
    cross = [x for x in lines if "在 2 个县（市、区）的名单中申报" in x]
    assert len(cross) == 1 and f"丰县_附件2.xlsx · {SHEET_21} · 第 7 行「甲产业链提升项目」" in cross[0]


def test_the_city_summary_reads_back_with_its_counties(counties, tmp_path):
    first = tmp_path / "徐州.xlsx"
    assert city(*counties, out=first, extra=("--year", "2021"))[0] == 0
    again = tmp_path / "再汇总.xlsx"
    code, _, err = city(first, out=again)
    assert code == 0, err
    assert table(again) == table(first)
    assert [a["县（市、区）"] for a in audit(again)[1]] == ["丰县"] * 3 + ["沛县"] * 3 + ["邳州市"] * 2


# ---------------------------------------------------------------- hostile


def test_a_file_listed_twice_or_the_same_content_twice_is_refused(counties, tmp_path):
    out = tmp_path / "x.xlsx"
    code, _, err = city(counties[0], counties[1], counties[0], out=out)
    assert code == 2 and "列了两次" in err and not out.exists()
    link = tmp_path / "链接.xlsx"
    os.link(counties[1], link)
    code, _, err = city(counties[1], link, out=out)
    assert code == 2 and "是同一个文件" in err and not out.exists()
    copy = tmp_path / "副本" / "沛县副本.xlsx"
    copy.parent.mkdir()
    shutil.copy(counties[1], copy)
    code, _, err = city(counties[0], counties[1], copy, out=out, extra=("--year", "2021"))
    assert code == 2 and "内容完全相同" in err and "沛县副本.xlsx" in err and not out.exists()


def test_output_equal_to_an_input_is_refused_and_existing_output_needs_force(counties, tmp_path):
    before = digest(counties[1])
    code, _, err = city(*counties, out=counties[1], extra=("--year", "2021"))
    assert code == 2 and "输入文件" in err
    assert digest(counties[1]) == before
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"old")
    code, _, err = city(*counties, out=out, extra=("--year", "2021"))
    assert code == 2 and "--force" in err and out.read_bytes() == b"old"
    code, _, err = city(*counties, out=out, extra=("--year", "2021", "--force"))
    assert code == 0, err
    assert len(table(out)) == 8
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".sk-")]  # atomic: no temporary left


def test_an_unreadable_file_or_one_that_is_neither_is_a_finding_and_the_rest_is_merged(counties, tmp_path):
    broken = tmp_path / "睢宁县_损坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    neither = tmp_path / "新沂市_说明.xlsx"
    wb = Workbook()
    wb.active["A1"] = "这是一份说明，不是台账"
    wb.save(neither)
    out = tmp_path / "x.xlsx"
    code, stdout, stderr = city(*counties, broken, neither, out=out, extra=("--year", "2021"))
    assert code == 1  # written, but not every input is in it (--help says so)
    assert "睢宁县_损坏.xlsx：文件无法读取" in stderr
    assert "新沂市_说明.xlsx：既不是台账也不是附件2 汇总表" in stderr
    assert len(table(out)) == 8
    lines, _ = audit(out)
    assert lines[0] == "设区市汇总：徐州市，输入 5 个文件：并入 3 个，未并入 2 个"
    assert any(x.startswith(f"文件：[{ERROR}] 睢宁县_损坏.xlsx：文件无法读取") for x in lines)
    assert any(x.startswith(f"文件：[{ERROR}] 新沂市_说明.xlsx：既不是台账也不是附件2") for x in lines)


def test_only_unreadable_files_write_nothing(tmp_path):
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"\x00" * 100)
    out = tmp_path / "x.xlsx"
    code, _, err = city(broken, out=out, extra=("--year", "2021"))
    assert code == 2 and "没有可汇总的文件" in err and not out.exists()


def test_a_county_file_of_another_city_is_a_finding_not_merged(counties, tmp_path):
    suzhou = write_ledger(tmp_path / "台账D.xlsx", [project(1, "乙", HE, BASE, "苏州项目", 9000, 1000)], title="地区：苏州市吴中区")
    by_name = write_ledger(tmp_path / "吴中区台账.xlsx", [project(1, "丙", HE, BASE, "吴中项目", 9000, 1000)])
    out = tmp_path / "x.xlsx"
    code, _, stderr = city(*counties, suzhou, by_name, out=out, extra=("--year", "2021"))
    assert code == 1
    assert "台账D.xlsx：地区行「苏州市吴中区」属于苏州市，不属于徐州市；未并入" in stderr
    assert "吴中区台账.xlsx：文件名「吴中区台账」属于苏州市，不属于徐州市；未并入" in stderr
    names = [r[1] for r in table(out)]
    assert names == NAMES
    lines, _ = audit(out)
    assert any("台账D.xlsx：地区行「苏州市吴中区」属于苏州市" in x for x in lines)


def test_a_file_of_another_year_is_a_finding_not_merged(counties, tmp_path):
    head = HEAD + ["申报年度"]
    other = write_ledger(tmp_path / "铜山区台账.xlsx", [project(1, "乙", HE, BASE, "往年项目", 9000, 1000) + [2023]], head=head)
    code, _, stderr = city(*counties, other, out=tmp_path / "x.xlsx", extra=("--year", "2021"))
    assert code == 1 and "铜山区台账.xlsx：是 2023 年度的名单，不是 2021 年度；未并入" in stderr


def test_a_row_whose_county_cannot_be_told_is_said_not_guessed(counties, tmp_path):
    nameless = write_ledger(tmp_path / "名单.xlsx", [project(1, "乙", HE, BASE, "无名项目", 9000, 1000)])
    out = tmp_path / "x.xlsx"
    code, _, err = city(counties[0], nameless, out=out, extra=("--year", "2021"))
    assert code == 0, err
    _, audited = audit(out)
    assert audited[-1]["县（市、区）"] == "未能确定"
    assert "无法确定所属县（市、区）" in audited[-1]["台账提示"]
    assert audited[0]["县（市、区）"] == "丰县"


def test_usage_errors(counties, tmp_path):
    out = tmp_path / "x.xlsx"
    code, _, err = run("summary", *counties[:2], "--year", "2021", "--out", out)
    assert code == 2 and "--level city" in err  # the county form takes one ledger, as before
    code, _, err = run("summary", *counties, "--level", "city", "--year", "2021", "--out", out)
    assert code == 2 and "--region" in err
    code, _, err = run("summary", *counties, "--level", "city", "--region", "丰县", "--year", "2021", "--out", out)
    assert code == 2 and "设区市" in err
    code, _, err = run("summary", *counties, "--level", "city", "--region", "徐州市", "--year", "2021")
    assert code == 2 and "--out" in err
    code, _, err = city(*counties, out=out, extra=("--year", "2021", "--forms", str(tmp_path / "forms")))
    assert code == 2 and "--forms" in err
    code, _, err = city(counties[0], tmp_path / "没有.xlsx", out=out, extra=("--year", "2021"))
    assert code == 2 and "找不到输入文件" in err
    assert not out.exists()
    code, _, _ = run("summary", "--help")
    assert code == 0


def test_the_single_ledger_form_is_unchanged(counties, tmp_path):
    out = tmp_path / "丰县汇总.xlsx"
    code, stdout, err = run("summary", counties[0], "--year", "2021", "--region", "徐州市丰县", "--out", out)
    assert code == 0, err
    lines, audited = audit(out)
    assert "县（市、区）" not in audited[0] and "来源文件" not in audited[0]
    assert [a["台账行"] for a in audited] == ["第4行", "第5行", "第6行"]


def test_200_county_files(tmp_path):
    """200 folders each sending 台账.xlsx (one project): names told apart by their folder,
    counties as the 地区 line writes them, every project in the city's table, the limit counted."""
    paths = []
    for i in range(200):
        who = f"企业{i:03d}"
        row = [1, f"徐州{who}有限公司", make(random.Random(1000 + i), "320300"), HE, BASE, f"{who}项目", 6000, 4000,
               dt.date(2021, 3, 1), dt.date(2022, 12, 31), 1000, 1000, 10, 10, "否"]  # fmt: skip
        paths.append(write_ledger(tmp_path / f"县{i:03d}" / "台账.xlsx", [row], title=f"地区：徐州市第{i:03d}片区"))
    out = tmp_path / "徐州市.xlsx"
    started = time.monotonic()
    code, stdout, err = city(*paths, out=out, extra=("--year", "2021", "--json"))
    elapsed = time.monotonic() - started
    assert code == 0, err
    data = json.loads(stdout)
    assert [f["label"] for f in data["inputs"]][:2] == ["县000/台账.xlsx", "县001/台账.xlsx"]
    assert [f["county"] for f in data["inputs"]][:2] == ["第000片区", "第001片区"]
    assert len(table(out)) == 200
    limit = next(q for q in data["quotas"] if q["label"] == "产业基础再造项目限报2个")
    assert (limit["count"], limit["limit"], limit["exceeded"]) == (200, 2, True)
    assert elapsed < 120, elapsed


@pytest.mark.parametrize(
    ("text", "city", "expected"),
    [
        ("徐州市丰县", None, ("徐州市", "丰县")),
        ("2021年丰县申报台账", "徐州市", ("徐州市", "丰县")),
        ("邳州", None, ("徐州市", "邳州市")),  # a county-level city without 市
        ("鼓楼区", "徐州市", ("徐州市", "鼓楼区")),
        ("鼓楼区", None, (None, None)),  # 南京 and 徐州 both have one: not guessed
        ("南京市鼓楼区", "徐州市", ("南京市", "鼓楼区")),
        ("吴中区台账", "徐州市", ("苏州市", "吴中区")),
        ("丰县沛县", None, (None, None)),  # two counties: not guessed
        ("名单1", "徐州市", (None, None)),
    ],
)
def test_place_of_reads_names_only(text, city, expected):
    from subsidykit.rules.regions import place_of

    assert place_of(text, city) == expected


def test_a_title_names_the_county_and_a_city_in_free_title_text_refuses_nothing(tmp_path):
    titled = write_ledger(tmp_path / "名单A.xlsx", [project(1, "乙", HE, BASE, "乙项目", 9000, 1000)], title="邳州市2021年度申报汇总")
    other = write_ledger(tmp_path / "名单B.xlsx", [project(1, "丙", HE, BASE, "丙项目", 9000, 1000)], title="参照南京经验整理的申报台账")
    code, stdout, err = city(titled, other, out=tmp_path / "x.xlsx", extra=("--year", "2021", "--json"))
    assert code == 0, err
    data = json.loads(stdout)
    assert [(f["county"], f["county_from"], f["merged"]) for f in data["inputs"]] == [("邳州市", "标题", True), (None, None, True)]
