"""The command line: contracts (JSON keys, exit codes) and Chinese messages, run as a real process."""

import json

import pytest
from cli_process import run




def test_programs_json_has_the_contract_keys():
    code, out, _ = run("programs", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) > 100
    keys = {"id", "year", "fund", "guide", "title", "kind", "base", "rate", "cap_wan", "fixed_wan", "quota",
            "first_payment", "variants", "thresholds", "source"}
    for item in data:
        assert keys <= set(item), item["id"]
        for v in item["variants"]:
            assert {"name", "rate", "cap_wan", "fixed_wan"} <= set(v)
        for t in item["thresholds"]:
            assert {"field", "op", "value", "unit"} <= set(t)
        if item["source"]:
            assert set(item["source"]) >= {"file", "lines"} and len(item["source"]["lines"]) == 2
    smart = next(i for i in data if i["id"] == "2023-smart-factory")
    assert smart["rate"] == 0.1 and smart["cap_wan"] == 2000 and smart["quota"] == 15


def test_programs_filter_by_year():
    code, out, _ = run("programs", "--year", "2021", "--json")
    assert code == 0 and {i["year"] for i in json.loads(out)} == {2021}


def test_cap_json_contract_and_value():
    code, out, _ = run("cap", "2023/智能制造示范工厂项目", "2.5亿", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"program", "variant", "amount_wan", "explanation", "source"} <= set(data)
    assert data["amount_wan"] == 2000  # 25000 x 10% = 2500 > cap 2000
    assert data["source"]["lines"] == [452, 454]


def test_cap_with_variant_option():
    code, out, _ = run("cap", "高端化改造升级", "12,000", "--year", "2023", "--variant", "重大技术改造", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["amount_wan"] == 1200 and data["variant"] == "重大技术改造项目"


def test_check_json_contract_and_exit_codes():
    code, out, _ = run("check", "2023/智能制造示范工厂项目", "项目总投入=2500", "--only-given", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["passed"] is False
    (res,) = data["results"]
    assert {"field", "status", "message", "source"} <= set(res)
    assert res["status"] == "fail" and "2500" in res["message"] and "3000" in res["message"]
    code, out, _ = run("check", "2023/智能制造示范工厂项目", "项目总投入=3000", "--only-given", "--json")
    assert code == 0 and json.loads(out)["passed"] is True


@pytest.mark.parametrize(
    "args",
    [
        ("cap", "2023/不存在的项目", "100"),
        ("cap", "2023/智能制造示范工厂项目", "很多"),
        ("show", "智能制造示范"),
        ("check", "2023/智能制造示范工厂项目", "项目总投入"),
        ("cap",),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(args):
    code, out, err = run(*args)
    assert code == 2
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err), err


def test_unknown_program_lists_candidates():
    code, _, err = run("cap", "2023/智能制造示范厂", "100")
    assert code == 2 and "智能制造示范工厂项目" in err


def test_sample_size_command():
    code, out, _ = run("sample", "47", "--json")
    assert code == 0 and json.loads(out)["sample_size"] == 26
