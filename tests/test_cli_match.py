"""`subsidykit match` (issue 16) run as a clerk runs it: real processes, real workbooks.

The expected programs, statuses and amounts are worked out by hand from the guide's text
(seed /work/shared/seeds/000_e236479adaf7e68e.txt, the 2023 notice and guide; catalog
subsidykit/catalog/data/000_2023.yaml), not from the engine:

* notice, lines 78-101 — the general conditions every 2023 program has: 在江苏省域内注册、具有独立的
  法人资格且正常经营1年以上（截至2022年6月30日）(78-83); 近三年未发生重大（含）以上安全、环保、质量
  事故, 无严重失信行为 (87-89); 同一申报单位原则上只能申报一个项目 (91); 已获支持但尚未完成验收的单位
  不得再申报 (91-97); 同一项目获得过国家和省级财政资金支持的，不再予以支持 (99-101).
* 智能制造示范工厂项目: 申报主体须为省级（含）以上智能制造示范工厂 (428); 手续完备 (430-432);
  实施周期不超过 3 年，2021年1月1日（含）至2022年6月30日（含）期间完工 (434-436), 完成验收
  (436-440); 项目总投入不低于 3000 万元 (442), 其中软件等投入不低于 300 万元 (448-450);
  按不超过项目总投入的10%予以补助，最高不超过2000万元 (452-454); 规模以上工业企业 (456).
* 服务化改造升级标杆示范项目: 手续完备 (577-579); 2021年1月1日（含）至2022年6月30日（含）期间完工
  (581-583) 并完成验收 (583-585); 项目总投入不低于 2000 万元 (587), 软件等投入不低于 300 万元
  (593-595); 按不超过项目总投入的10%予以补助，最高不超过500万元 (597-599).

So a 6000 万元 project meeting all of these fits both: 智能制造示范工厂 600 万元 (6000 × 10% < 2000),
服务化改造升级标杆示范 500 万元 (6000 × 10% = 600, capped at 500); the best single program is the
智能制造示范工厂 (同一申报单位原则上只能申报一个项目, line 91).  At 2500 万元 the first fails its
floor (442) and the second fits with 250 万元.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_process import run
from openpyxl import load_workbook

from tests.test_cli_hostile import _unprivileged, shared_dir  # noqa: F401 - a fixture, used by name
from tests.test_outputs_safety import chinese, run_cli

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_e236479adaf7e68e.txt"

# a 2023 applicant meeting every general condition (notice 78-101) and the two programs' own (above)
GENERAL = {
    "成立日期": "2015-03-01",  # 正常经营1年以上（截至2022年6月30日）, lines 78-83
    "注册地省份": "江苏省",  # 78
    "独立法人资格": "是",  # 78
    "近三年重大以上安全环保质量事故": "否",  # 87-89
    "严重失信行为": "否",  # 89
    "本专项资金已支持项目未完成验收": "否",  # 91-97
    "同一项目已获国家或省级财政资金支持": "否",  # 99-101
}
FACTORY = {
    "项目总投入": "6000",  # 442 (>= 3000) and 587 (>= 2000)
    "软件投入": "600",  # 448-450, 593-595 (>= 300)
    "开工日期": "2021-03-01",  # 实施周期 1.3 年 (434: 不超过 3 年)
    "完工日期": "2022-06-30",  # 434-436, 581-583: the last day of the window, included (（含）)
    "示范级别": "省级",  # 428
    "规模以上工业企业": "是",  # 456
    "手续完备": "是",  # 430-432, 577-579
    "已完成验收": "是",  # 436-440, 583-585
}
PROGRAM_KEYS = {"program", "variant", "status", "amount_wan", "missing", "failed", "exempt_application", "source"}


def words(values: dict[str, str]) -> list[str]:
    return [f"{k}={v}" for k, v in values.items()]


def by_program(data: dict) -> dict[str, dict]:
    return {p["program"] + (f"/{p['variant']}" if p["variant"] else ""): p for p in data["programs"]}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ values: text, JSON, exit codes


def test_2023_factory_of_6000_fits_smart_factory_600_and_service_benchmark_500():
    code, out, err = run("match", "--year", "2023", *words({**GENERAL, **FACTORY}), "--json")
    assert code == 0, err  # 0: at least one program 符合
    data = json.loads(out)
    assert {"year", "programs", "best"} <= set(data) and data["year"] == 2023
    for p in data["programs"]:
        assert PROGRAM_KEYS <= set(p), p
        assert p["status"] in ("eligible", "unknown")  # the default --status
    progs = by_program(data)
    smart, service = progs["2023/智能制造示范工厂项目"], progs["2023/服务化改造升级标杆示范项目"]
    assert smart["status"] == "eligible" and smart["amount_wan"] == 600  # 6000 × 10% < 2000 (452-454)
    assert smart["source"] == f"{SEED} 第452-454行" and smart["missing"] == [] and smart["failed"] == []
    assert service["status"] == "eligible" and service["amount_wan"] == 500  # 600 capped at 500 (597-599)
    assert service["source"] == f"{SEED} 第597-599行"
    assert data["best"]["program"] == "2023/智能制造示范工厂项目" and data["best"]["amount_wan"] == 600
    assert data["best"]["variant"] is None
    eligible = [p for p in data["programs"] if p["status"] == "eligible"]
    assert data["programs"][: len(eligible)] == eligible  # 符合 first
    amounts = [p["amount_wan"] for p in eligible if p["amount_wan"] is not None]
    assert amounts == sorted(amounts, reverse=True)  # then by amount


def test_the_text_table_names_the_columns_the_best_program_and_its_clause():
    code, out, err = run("match", "--year", "2023", *words({**GENERAL, **FACTORY}))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("2023 年度政策匹配")
    header = next(line for line in lines if "结论" in line)
    for col in ("项目", "子类", "结论", "最高补助（万元）", "待补字段 / 未满足条件"):
        assert col in header
    smart = next(line for line in lines if line.strip().startswith("智能制造示范工厂项目"))
    assert "符合" in smart and " 600 " in f"{smart} "
    best = next(line for line in lines if line.startswith("最优："))
    assert "智能制造示范工厂项目" in best and "600 万元" in best
    assert "同一申报单位原则上只能申报一个项目" in best and f"{SEED} 第91行" in best  # notice line 91


def test_2500_fails_the_smart_factory_floor_with_its_clause_and_fits_the_service_benchmark():
    values = {**GENERAL, **FACTORY, "项目总投入": "2500"}
    code, out, err = run("match", "--year", "2023", *words(values), "--status", "eligible,unknown,ineligible", "--json")
    assert code == 0, err
    progs = by_program(json.loads(out))
    smart = progs["2023/智能制造示范工厂项目"]
    assert smart["status"] == "ineligible"
    (first, *_) = smart["failed"]
    assert {"field", "message", "source"} <= set(first)
    assert first["field"] == "项目总投入" and first["source"] == f"{SEED} 第442行"  # 不低于 3000 万元
    assert "2500" in first["message"] and "3000" in first["message"]
    service = progs["2023/服务化改造升级标杆示范项目"]
    assert service["status"] == "eligible" and service["amount_wan"] == 250  # 2500 × 10% (597-599)
    assert json.loads(out)["best"]["program"] == "2023/服务化改造升级标杆示范项目"
    # the text shows the failed clause with its citation
    code, out, _ = run("match", "--year", "2023", *words(values), "--status", "不符合")
    smart_line = next(line for line in out.splitlines() if line.strip().startswith("智能制造示范工厂项目"))
    assert "不符合" in smart_line and "不通过：项目总投入 2500 万元" in smart_line
    assert smart_line.count(f"{SEED} 第442行") == 1  # the clause, cited once


def test_status_filters_the_programs_but_not_the_exit_code():
    values = words({**GENERAL, **FACTORY})
    code, out, _ = run("match", "--year", "2023", *values, "--status", "符合", "--json")
    data = json.loads(out)
    assert code == 0 and data["programs"] and {p["status"] for p in data["programs"]} == {"eligible"}
    code, out, _ = run("match", "--year", "2023", *values, "--status", "ineligible", "--json")
    data = json.loads(out)
    assert code == 0  # the exit code counts every program, whatever is shown
    assert {p["status"] for p in data["programs"]} == {"ineligible"}
    assert "2023/智能制造示范工厂项目" not in by_program(data)


def test_exit_3_when_nothing_fits_yet_but_fields_are_missing():
    code, out, err = run("match", "--year", "2023", "项目总投入=3500", "--json")
    assert code == 3, err
    data = json.loads(out)
    assert data["best"] is None
    smart = by_program(data)["2023/智能制造示范工厂项目"]
    assert smart["status"] == "unknown" and smart["amount_wan"] == 350  # 3500 × 10% (452-454)
    assert {"完工日期", "软件投入", "注册地省份"} <= set(smart["missing"])
    code, out, _ = run("match", "--year", "2023", "项目总投入=3500")
    assert code == 3 and "最优：没有符合条件的补助项目" in out and "共同待补字段" in out


def test_exit_1_when_every_program_fails():
    # 在江苏省域内注册 (notice line 78) binds every 2023 program: registered elsewhere, none fits
    code, out, err = run("match", "--year", "2023", "注册地省份=浙江省", "--status", "ineligible", "--json")
    assert code == 1, err
    data = json.loads(out)
    assert data["programs"] and all(p["status"] == "ineligible" for p in data["programs"])
    assert all(any(f["source"] == f"{SEED} 第78行" for f in p["failed"]) for p in data["programs"])
    code, out, _ = run("match", "--year", "2023", "注册地省份=浙江省")
    assert code == 1 and "没有所选结论的项目" in out


def test_options_may_stand_among_the_values_and_unused_fields_are_said():
    code, out, err = run("match", "项目总投入=3500", "--year", "2023", "联系电话=13900000000", "--json")
    assert code == 3, err
    data = json.loads(out)
    assert data["year"] == 2023 and "联系电话" in data["unused"]
    code, out, _ = run("match", "项目总投入=3500", "--year", "2023", "联系电话=13900000000")
    assert "[未使用] 联系电话" in out


def test_free_of_application_and_loan_limits_are_marked():
    # 2026 首台（套）装备示范应用项目 is printed with （免申直达） (seed 004, catalog no_application)
    code, out, err = run("match", "--year", "2026", "项目总投入=1000", "--status", "eligible,unknown,ineligible")
    assert code in (0, 1, 3), err
    assert any("首台（套）装备示范应用项目［免申直达］" in line for line in out.splitlines())
    assert "［免申直达］免申直达" in out
    # 2024 加大人才金融支持: a loan/guarantee/investment limit, never a grant (catalog grant: false)
    code, out, err = run("match", "--year", "2024", "项目总投入=1000", "--status", "eligible,unknown,ineligible", "--json")
    loans = [p for p in json.loads(out)["programs"] if p["grant"] is False]
    assert loans and all(p["program"] != (json.loads(out)["best"] or {}).get("program") for p in loans)
    code, out, _ = run("match", "--year", "2024", "项目总投入=1000", "--status", "eligible,unknown,ineligible")
    loan_line = next(line for line in out.splitlines() if "加大人才金融支持" in line and "［额度，非补助］" in line)
    assert "不计入补助" in loan_line
    assert "［额度，非补助］贷款、担保或投资额度，不是补助" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("项目总投人=3500",), ["无法识别的字段", "项目总投入"]),  # a typo: the closest names
        (("项目总投入=很多",), ["项目总投入"]),  # unreadable value, named
        (("项目总投入=3500", "--status", "eligible,maybe"), ["maybe", "eligible（符合）", "unknown（待补充）", "ineligible（不符合）"]),
        (("项目总投入=3500", "总投资=3500"), ["同一项"]),  # one field twice under two names (as check)
        (("项目总投入",), ["名称=数值"]),
        ((), ["字段=数值", "--ledger"]),
        (("项目总投入=3500", "--out", "x.xlsx"), ["--out", "--ledger"]),
        (("--year", "2019", "项目总投入=3500"), ["2019"]),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(args, said):
    code, out, err = run("match", *args)
    assert code == 2, (out, err)
    assert chinese(err) and "Traceback" not in err
    for word in said:
        assert word in err, err


def test_bad_input_with_json_is_json_too():
    code, out, err = run("match", "项目总投人=3500", "--json")
    assert code == 2
    data = json.loads(out)
    assert data["error"] == "UNKNOWN_FIELD" and "项目总投入" in data["message"]


def test_help_documents_the_exit_codes():
    code, out, _ = run("match", "--help")
    assert code == 0
    for text in ("退出码", "0 至少一个项目符合", "3 没有符合的项目", "1 全部不符合", "2 输入错误", "--ledger", "--status"):
        assert text in out, text


# ------------------------------------------------------------------ ledger mode on a real xlsx

# the clerk's own order and wording: 元 amounts, a column nothing maps, the key columns late
HEADER = ["经办人意见", "项目总投资(元)", "企业全称", "竣工日期", "开工时间", "软件和系统集成投入", "示范级别",
          "规模以上工业企业", "手续是否完备", "是否完成验收", "成立时间", "注册地省份", "是否独立法人", "近三年重大事故",
          "严重失信记录", "已获支持项目未验收", "已获国家或省级财政资金支持", "项目名称", "项目类别", "序号"]  # fmt: skip


def ledger_row(n: int, unit: str, total: object, done: object = "2022-06-30", project: str = "示范工厂项目") -> list:
    return ["已初审", total, unit, done, "2021年3月1日", 600, "省级", "是", "是", "是", "2015-03-01", "江苏省", "是",
            "否", "否", "否", "否", project, "智能制造示范工厂项目", n]  # fmt: skip


def write_ledger(path: Path, rows: list[list], header: list[str] = HEADER) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from ledgers import write_ledger as write

    return write(path, rows, header=header, title_rows=1)


def sheet_rows(path: Path) -> tuple[list[str], list[dict], list[str]]:
    """(notes above the table, table rows as dicts, the sheet names) of a match workbook."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    grid = [list(r) for r in ws.iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(grid) if r and r[0] == "台账行号")
    columns = grid[head]
    notes = [r[0] for r in grid[1:head] if r and r[0]]
    return notes, [dict(zip(columns, r)) for r in grid[head + 1 :]], wb.sheetnames


@pytest.fixture()
def ledger(tmp_path) -> Path:
    rows = [
        ledger_row(1, "示例甲智造有限公司", 60_000_000),  # 6000 万元 written in 元 (column header 元)
        ledger_row(2, "示例乙精工有限公司", "很多"),  # unreadable: left out, its conditions 待补充
        ledger_row(3, "示例丙材料有限公司", 25_000_000),  # 2500 万元: below the smart-factory floor (442)
        ledger_row(4, "示例丁纺织有限公司", 60_000_000, done="2022-07-01"),  # one day late (434-436, 581-583)
        [None, 170_000_000, "合计"] + [None] * (len(HEADER) - 3),
    ]
    return write_ledger(tmp_path / "台账.xlsx", rows)


def test_ledger_mode_writes_one_sheet_a_row_per_ledger_row_and_program(ledger, tmp_path):
    out = tmp_path / "匹配结果.xlsx"
    before = sha(ledger)
    code, stdout, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--out", out)
    assert code == 0, err
    assert sha(ledger) == before  # the ledger is only read
    notes, rows, sheets = sheet_rows(out)
    assert sheets == ["政策匹配"]
    assert {r["结论"] for r in rows} <= {"符合", "待补充"}
    first = [r for r in rows if r["台账行号"] == 4]  # title row, blank row, header row 3: data from row 4
    assert first and first[0]["申报单位"] == "示例甲智造有限公司" and first[0]["项目名称"] == "示范工厂项目"
    assert first[0]["台账所报类别"] == "智能制造示范工厂项目"
    top = {r["项目"]: r for r in first}
    smart, service = top["智能制造示范工厂项目"], top["服务化改造升级标杆示范项目"]
    assert (smart["结论"], smart["最高补助（万元）"], smart["最优"]) == ("符合", 600, "是")  # 452-454
    assert smart["出处"] == f"{SEED} 第452-454行"
    assert (service["结论"], service["最高补助（万元）"], service["最优"]) == ("符合", 500, None)  # 597-599
    # within a ledger row: 符合 before 待补充, each by amount, highest first
    statuses = [r["结论"] for r in first]
    assert statuses == sorted(statuses, key=lambda s: s != "符合")
    eligible = [r["最高补助（万元）"] for r in first if r["结论"] == "符合" and r["最高补助（万元）"] is not None]
    assert eligible[:2] == [600, 500] and eligible == sorted(eligible, reverse=True)
    # ledger order kept
    order = [r["台账行号"] for r in rows]
    assert order == sorted(order)
    # row 2: 项目总投入 unreadable -> not used, the smart factory 待补充 with 项目总投入 to fill
    second = {r["项目"]: r for r in rows if r["台账行号"] == 5}
    assert second["智能制造示范工厂项目"]["结论"] == "待补充"
    assert "项目总投入" in second["智能制造示范工厂项目"]["待补字段 / 未满足条件"]
    # row 3: 2500 万元 -> the smart factory fails (not listed), the service benchmark 250
    third = {r["项目"]: r for r in rows if r["台账行号"] == 6}
    assert "智能制造示范工厂项目" not in third
    assert (third["服务化改造升级标杆示范项目"]["结论"], third["服务化改造升级标杆示范项目"]["最高补助（万元）"]) == ("符合", 250)
    # row 4: completed 2022-07-01, outside both windows (（含）2022年6月30日)
    fourth = {r["项目"]: r for r in rows if r["台账行号"] == 7}
    assert "智能制造示范工厂项目" not in fourth and "服务化改造升级标杆示范项目" not in fourth
    # never silent: the unmapped column, the 元 conversion, the unreadable value, the 合计 row
    text = "\n".join(notes)
    for said in ("经办人意见", "已换算为万元", "合计行", "第5行（示例乙精工有限公司）", "未用于匹配，相关条件按待补充", "匹配年度：2023（--year）"):
        assert said in text, said
    for said in ("经办人意见", "第5行（示例乙精工有限公司）", "已写入"):
        assert said in stdout, said


def test_ledger_json_and_default_output_name(ledger, tmp_path):
    code, out, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--json")
    assert code == 0, err
    data = json.loads(out)
    written = Path(data["written"])
    assert written == ledger.with_name("台账_政策匹配_2023.xlsx") and written.exists()
    assert data["year"] == 2023 and data["statuses"] == ["eligible", "unknown"]
    row1 = next(r for r in data["rows"] if r["row"] == 4)
    assert row1["best"]["program"] == "2023/智能制造示范工厂项目" and row1["best"]["amount_wan"] == 600
    assert all(PROGRAM_KEYS <= set(p) for p in row1["programs"])
    assert "项目总投入" in next(r for r in data["rows"] if r["row"] == 5)["unread"]


def test_ledger_year_from_its_own_column(tmp_path):
    header = ["申报年度", *HEADER]
    path = write_ledger(tmp_path / "台账.xlsx", [[2023, *ledger_row(1, "示例甲智造有限公司", 60_000_000)]], header)
    code, out, err = run_cli("match", "--ledger", path, "--out", tmp_path / "o.xlsx")
    assert code == 0, err
    notes, rows, _ = sheet_rows(tmp_path / "o.xlsx")
    assert any("匹配年度：2023（台账「申报年度」列" in n for n in notes)
    assert any(r["项目"] == "智能制造示范工厂项目" and r["最高补助（万元）"] == 600 for r in rows)


def test_ledger_status_option_lists_failures_with_their_clause(ledger, tmp_path):
    out = tmp_path / "o.xlsx"
    code, _, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--status", "不符合", "--out", out)
    assert code == 0, err
    _, rows, _ = sheet_rows(out)
    smart = next(r for r in rows if r["台账行号"] == 6 and r["项目"] == "智能制造示范工厂项目")
    assert smart["结论"] == "不符合" and f"{SEED} 第442行" in smart["待补字段 / 未满足条件"]


# ------------------------------------------------------------------ ledger mode: hostile


def test_output_onto_the_ledger_is_refused_even_with_force(ledger, tmp_path):
    before = sha(ledger)
    link = tmp_path / "同一文件.xlsx"
    os.link(ledger, link)
    for target in (ledger, link):
        for extra in ([], ["--force"]):
            code, out, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--out", target, *extra)
            assert code == 2 and "输入文件" in err, err
    assert sha(ledger) == before


def test_existing_output_needs_force(ledger, tmp_path):
    out = tmp_path / "匹配结果.xlsx"
    out.write_bytes(b"clerk's own file")
    code, _, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--out", out)
    assert code == 2 and "已存在" in err and "--force" in err
    assert out.read_bytes() == b"clerk's own file"
    code, _, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--out", out, "--force")
    assert code == 0, err
    assert sheet_rows(out)[2] == ["政策匹配"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sk-")]  # no temporary file left


def test_output_must_be_xlsx_and_values_do_not_mix_with_a_ledger(ledger, tmp_path):
    code, _, err = run_cli("match", "--ledger", ledger, "--out", tmp_path / "o.csv")
    assert code == 2 and ".xlsx" in err
    code, _, err = run_cli("match", "--ledger", ledger, "项目总投入=3500")
    assert code == 2 and "--ledger" in err
    code, _, err = run_cli("match", "--ledger", tmp_path / "没有.xlsx", "--out", tmp_path / "o.xlsx")
    assert code == 2 and "找不到台账文件" in err
    code, _, err = run_cli("match", "--ledger", tmp_path, "--out", tmp_path / "o.xlsx")
    assert code == 2 and "不是普通文件" in err


def test_read_only_output_folder_is_a_clear_message(shared_dir):  # noqa: F811
    ledger = write_ledger(shared_dir / "台账.xlsx", [ledger_row(1, "示例甲智造有限公司", 60_000_000)])
    ledger.chmod(0o644)
    ro = shared_dir / "只读"
    ro.mkdir()
    ro.chmod(0o555)
    code, out, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--out", ro / "匹配.xlsx", drop_to=_unprivileged(shared_dir), cwd=shared_dir)
    assert code == 2 and "权限" in err, err
    assert out == "" and list(ro.iterdir()) == []


def test_a_ledger_with_a_cell_at_xfd1048576_is_refused_quickly(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_corpus import _rows, xlsx

    def text(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    body = _rows(
        '<row r="1">' + text("A1", "企业名称") + text("B1", "项目名称") + text("C1", "项目总投资") + "</row>"
        '<row r="2">' + text("A2", "示例甲有限公司") + text("B2", "甲项目") + '<c r="C2"><v>3500</v></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'
    )
    path = tmp_path / "巨大.xlsx"
    path.write_bytes(xlsx(body))
    code, out, err = run_cli("match", "--ledger", path, "--year", "2023", "--out", tmp_path / "o.xlsx", timeout=60)
    assert code == 2 and "过大" in err, err
    assert not (tmp_path / "o.xlsx").exists()


def test_control_characters_and_formulas_in_names_stay_text(tmp_path):
    rows = [
        ledger_row(1, "示例甲\n[符合] 伪造的一行\x1b[31m", "很多", project="\u202e目项甲"),  # a note names the row
        ledger_row(2, '=HYPERLINK("http://example.com","点我")', 60_000_000, project="@SUM(1)"),
    ]
    ledger = write_ledger(tmp_path / "台账.xlsx", [[v.replace("\x1b", "") if isinstance(v, str) else v for v in r] for r in rows])
    out = tmp_path / "o.xlsx"
    code, stdout, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--out", out)
    assert code == 0, err
    assert not any(line.startswith("[符合] 伪造的一行") for line in stdout.splitlines())  # the newline is shown as \n
    assert "示例甲\\n[符合] 伪造的一行" in stdout
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    formula = cells['=HYPERLINK("http://example.com","点我")']
    assert formula.data_type == "s"  # written as text, never a formula
    assert cells["@SUM(1)"].data_type == "s"
    assert "\u202e目项甲" in cells


def test_a_text_value_no_condition_can_read_is_left_out_and_said(tmp_path):
    # 示范级别 is typed as text; 「很高」 names no level (国家级/省级/市级/县级): the row is still matched
    row = ledger_row(1, "示例甲智造有限公司", 60_000_000)
    row[HEADER.index("示范级别")] = "很高"
    path = write_ledger(tmp_path / "台账.xlsx", [row])
    code, out, err = run_cli("match", "--ledger", path, "--year", "2023", "--out", tmp_path / "o.xlsx")
    assert code == 0, err
    assert "示范级别" in out and "很高" in out and "未用于匹配，相关条件按待补充" in out
    _, rows, _ = sheet_rows(tmp_path / "o.xlsx")
    smart = next(r for r in rows if r["项目"] == "智能制造示范工厂项目")
    assert smart["结论"] == "待补充" and "示范级别" in smart["待补字段 / 未满足条件"]  # 428: the level to fill
    service = next(r for r in rows if r["项目"] == "服务化改造升级标杆示范项目")
    assert (service["结论"], service["最高补助（万元）"]) == ("符合", 500)  # needs no level (577-599)


def test_a_year_without_a_guide_is_refused_before_anything_is_written(tmp_path):
    header = ["申报年度", *HEADER]
    path = write_ledger(tmp_path / "台账.xlsx", [[2019, *ledger_row(1, "示例甲智造有限公司", 60_000_000)]], header)
    code, _, err = run_cli("match", "--ledger", path)
    assert code == 2 and "2019" in err and "2023" in err and "--year" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]


def test_the_value_mode_loads_no_workbook_library():
    code = (
        "import sys, io, contextlib\n"
        "from subsidykit.cli.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    rc = main(['match', '--year', '2023', '项目总投入=3500'])\n"
        "heavy = [m for m in ('openpyxl', 'pandas', 'xlwings', 'numpy', 'python_calamine', 'subsidykit.workbooks.ledger') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stdout.strip() == "3 []", proc.stdout + proc.stderr


def test_a_literal_ooxml_escape_in_a_name_is_kept_as_typed(tmp_path):
    # "_x0041_" in a cell's text is OOXML's escape for "A": written as "_x005F_x0041_" so that Excel
    # (and calamine, the project's reader) show what the clerk typed
    import python_calamine

    # openpyxl writes text as given: the file must hold the escaped form for the text to be "_x0041_"
    ledger = write_ledger(tmp_path / "台账.xlsx", [ledger_row(1, "示例_x005F_x0041_有限公司", 60_000_000)])
    out = tmp_path / "o.xlsx"
    code, _, err = run_cli("match", "--ledger", ledger, "--year", "2023", "--out", out)
    assert code == 0, err
    grid = python_calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("政策匹配").to_python()
    assert any(r[1] == "示例_x0041_有限公司" for r in grid)
