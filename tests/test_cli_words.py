"""Finding the words (issue 13, item 6): `show` and `fields` say which field names and units to
type, `check --help` names the common ones, and options may stand anywhere on the `check` and
`cap` command lines.  Run as a real process, like tests/test_cli.py."""

import json
import shlex
from cli_process import run




def test_show_puts_the_field_to_type_under_each_condition():
    code, out, _ = run("show", "2023/智能制造示范工厂项目")
    assert code == 0
    lines = out.splitlines()
    i = lines.index("        项目总投入（万元）≥ 3000 — 输入：项目总投入=数值")
    assert "项目总投入不低于3000万元" in lines[i - 1] and "第442行" in lines[i - 1]  # with the clause it comes from
    assert "        完工日期 介于 2021-01-01 至 2022-06-30 — 输入：完工日期=日期" in lines
    assert any(line.strip().startswith("手续完备 = 是 — 输入：手续完备=是/否") for line in lines)
    # a derived quantity says what else may be given
    assert any("项目实施周期=数值（或 开工日期=日期 完工日期=日期，自动推算）" in line for line in lines)
    assert "subsidykit fields 2023-smart-factory" in lines[-1]


def test_show_lists_fields_per_variant_and_only_the_chosen_one():
    code, out, _ = run("show", "2023/高端化改造升级项目")
    assert code == 0
    assert "[重大技术改造项目] 重大技术改造项目总投入不低于1亿元" in out and "项目总投入（万元）≥ 10000" in out
    assert "[产业基础再造项目] 产业基础再造项目总投入不低于5000万元" in out and "项目总投入（万元）≥ 5000" in out
    code, out, _ = run("show", "2023/高端化改造升级项目", "--variant", "重大技术改造")
    assert code == 0
    assert "≥ 10000" in out and "≥ 5000" not in out and "产业基础再造" not in out


def test_show_json_has_a_fields_list():
    code, out, _ = run("show", "2023/高端化改造升级项目", "--json")
    assert code == 0
    fields = json.loads(out)["fields"]
    for f in fields:
        assert {"field", "unit", "op", "value", "variant", "general", "role", "label", "source"} <= set(f)
    total = [(f["variant"], f["value"]) for f in fields if f["field"] == "项目总投入"]
    assert total == [("重大技术改造项目", 10000), ("产业基础再造项目", 5000)]
    assert {"field": "手续完备", "unit": "是否", "op": "==", "value": True, "variant": None}.items() <= next(
        f for f in fields if f["field"] == "手续完备"
    ).items()
    assert any(f["general"] and f["field"] == "严重失信行为" for f in fields)
    code, out, _ = run("show", "2023/高端化改造升级项目/产业基础再造项目", "--json")
    assert code == 0
    assert [f["value"] for f in json.loads(out)["fields"] if f["field"] == "项目总投入"] == [5000]


def test_fields_lists_the_whole_vocabulary_grouped():
    code, out, err = run("fields")
    assert code == 0 and "个字段" in err
    lines = out.splitlines()
    heads = [line for line in lines if not line.startswith(" ")]
    assert [h.split(" — ")[0] for h in heads[:-1]] == ["金额（万元）", "比例", "日期", "数量与年限", "是/否", "文字"]
    amounts = lines[: lines.index(heads[1])]
    assert amounts[1].startswith("  项目总投入（") and "项目总投资" in amounts[1]  # the most used first, with its aliases
    assert "subsidykit fields PROGRAM" in lines[-1]
    code, out, _ = run("fields", "--json")
    rows = json.loads(out)
    names = [r["field"] for r in rows]
    assert len(names) == len(set(names)) > 300
    total = next(r for r in rows if r["field"] == "项目总投入")
    assert total["unit"] == "万元" and total["group"] == "amount" and "总投资" in total["aliases"] and total["programs"] > 10
    period = next(r for r in rows if r["field"] == "项目实施周期")
    assert period["derived_from"] == ["开工日期", "完工日期"]
    assert next(r for r in rows if r["field"] == "单位名称")["programs"] == 0  # a form field, no condition


def test_fields_of_a_program_json_and_the_line_to_paste_works():
    code, out, _ = run("fields", "2023/智能制造示范工厂项目", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["program"] == "2023-smart-factory" and data["variant"] is None
    by = {r["field"]: r for r in data["fields"]}
    assert {"项目总投入", "软件投入", "完工日期", "项目实施周期", "手续完备", "成立日期"} <= set(by)
    assert "营业收入" not in by  # only the fields this program uses
    total = by["项目总投入"]
    assert total["unit"] == "万元" and total["input"] == "项目总投入=数值" and total["base"] is True
    assert [(c["op"], c["value"]) for c in total["conditions"]] == [(">=", 3000)]
    assert by["“i创杯”大赛获奖"]["optional"] is True  # an exemption only
    (line,) = data["check"]
    words = shlex.split(line)
    assert words[:3] == ["subsidykit", "check", "2023-smart-factory"]
    filled = {"数值": "3500", "日期": "2022-3-1", "是/否": "是"}
    args = []
    for w in words[2:]:
        key, _, hint = w.partition("=")
        args.append(f"{key}={filled.get(hint) or by[key]['example'].split('、')[0]}" if hint else w)
    assert "软件投入=3500" in args and "示范级别=省级" in args and "“i创杯”大赛获奖=是/否" not in line
    code, out, err = run("check", *args)
    assert code in (0, 1, 3), err  # every name and value of the line is understood


def test_fields_of_a_program_with_variants_gives_one_line_per_variant():
    code, out, _ = run("fields", "2026-relocation-into-parks", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["check"]) == len(data["variants"]) > 1
    assert all("--variant" in line for line in data["check"])
    equipment = next(r for r in data["fields"] if r["field"] == "设备投入")
    assert {c["variant"] for c in equipment["conditions"]} >= {"化工项目", "电镀项目"}
    code, out, _ = run("fields", "2026-relocation-into-parks", "--variant", "电镀")
    assert code == 0
    assert "[电镀项目] ≥ 500" in out and "化工项目" not in out
    assert out.splitlines()[-1].startswith("  subsidykit check 2026-relocation-into-parks --variant 电镀项目 ")
    code, _, err = run("fields", "2023/不存在的项目")
    assert code == 2 and "错误" in err


def test_options_may_stand_between_the_program_and_its_fields():
    code, out, err = run("check", "2026-relocation-into-parks", "--variant", "电镀", "设备投入=800万元", "--only-given", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["variant"] == "电镀项目" and [r["field"] for r in data["results"]] == ["设备投入"]
    code, out, err = run("check", "2023/智能制造示范工厂项目", "项目总投入=2500", "--only-given", "软件投入=400", "--json")
    assert code == 1, err
    assert [r["status"] for r in json.loads(out)["results"]] == ["fail", "pass"]
    code, out, err = run("check", "--json", "--year", "2023", "智能制造示范工厂项目", "项目总投入=3000", "--only-given")
    assert code == 0 and json.loads(out)["passed"] is True, err
    code, out, err = run("cap", "2023/智能制造示范工厂项目", "--json", "2.5亿")  # the base after an option
    assert code == 0 and json.loads(out)["amount_wan"] == 2000, err


def test_check_help_ends_with_the_common_fields_and_points_to_fields():
    code, out, _ = run("check", "--help")
    assert code == 0
    common = next(line for line in out.splitlines() if line.startswith("最常用的字段："))
    assert "项目总投入（万元）" in common and "完工日期（日期）" in common and "手续完备（是/否）" in common
    assert "subsidykit fields PROGRAM" in out.split("最常用的字段：")[1]
    assert "--variant 重大技术改造 项目总投入=" in out  # options anywhere, shown
