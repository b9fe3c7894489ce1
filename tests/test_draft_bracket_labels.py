"""The drafter on a guide copied from a PDF without `-layout` (issue 17): every physical line
ends in a space and is followed by an empty line, lines wrap at about 30 characters, page
numbers ("- 3 -") fall between lines, and each program's parts open with a label in 【】 —
alone on its line ("【申请条件】", repeated under every program, so as often as a running header)
or with its content after it ("【资助方式及额度】对…", "【计划立项数量】N项"). Years run past
2099 ("2105 年 1 月 1 日（含）至…"), a first payment is "首批拨付N%", a quota "N个左右".

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

import resource
import time
from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.draft import _after_word, draft_guide


def _pdf(lines: list[str]) -> str:
    """Each line with a trailing space and an empty line after it, as pdftotext writes."""
    return "".join(f"{ln} \n\n" for ln in lines)


PROGRAM = [
    "（{n}）{name}",
    "【申请条件】",
    "1.企业注册满 2 年。",
    "2.项目于 2105 年 1 月 1 日（含）至 2105 年 12 月 31 日（含）期",
    "间竣工。",
    "【资助方式及额度】对入选项目按投入的 {rate}%给予资助，单个项目最高",
    "{cap} 万元。资金分两次拨付，首批拨付 {first}%，验收合格后拨付余款。",
    "【计划立项数量】{quota} 个左右。",
]

NAMES = ["甲类车间改造项目", "乙类平台建设项目", "丙类园区提升项目", "丁类人才实训项目", "戊类设备更新项目"]


def _guide() -> str:
    lines = ["2106 年度某省小企业成长资金申报指南", "一、成长扶持"]
    for k, name in enumerate(NAMES):
        if k == 2:
            lines.append("- 3 -")
        lines += [x.format(n="一二三四五"[k], name=name, rate=10 + k, cap=100 + 10 * k, first=40 + k, quota=20 + k)
                  for x in PROGRAM]
    return _pdf(lines)


def test_bracket_labels_blank_lines(tmp_path):
    path = write(tmp_path, "成长资金指南.txt", _guide())
    d = draft_guide(path, year=2106)
    assert_cited(d, tmp_path)
    validates(d)
    progs = by_title(d)
    assert sorted(progs) == sorted(NAMES)  # every program, none named by its first condition
    for k, name in enumerate(NAMES):
        p = progs[name]
        assert p["kind"] == "rate_cap"
        assert D(str(p["rate"])) == D(10 + k) / 100 and D(str(p["cap"])) == 100 + 10 * k
        assert not p["source"]["text"].startswith(("和", "及", "额度"))  # the label's words off
        assert D(str(p["first_payment"]["share"])) == D(40 + k) / 100
        assert p["quota"]["value"] == 20 + k
        th = {t["field"]: t for t in p["thresholds"]}
        window = [t for t in p["thresholds"] if t["op"] == "between"]
        assert [t["value"] for t in window] == [["2105-01-01", "2105-12-31"]], th
        assert any(t["op"] == ">=" and t["value"] == 2 and t["unit"] == "年" for t in p["thresholds"])


def test_label_words_taken_off():
    assert _after_word("资助方式及额度】对入选项目给予补助") == "对入选项目给予补助"
    assert _after_word("【计划立项数量】12 项") == "12 项"
    assert _after_word("年度扶持名额：8 家") == "8 家"
    assert _after_word("补助方式及标准：按投入的 5%补助") == "按投入的 5%补助"
    assert _after_word("补助标准：按投入的 5%补助") == "按投入的 5%补助"
    # a sentence that merely opens with a word is not a label
    assert _after_word("按投入的 5%补助") == "按投入的 5%补助"


def test_colon_label_quota(tmp_path):
    text = _pdf([
        "2106 年度某市技改资金申报指南",
        "一、技术改造",
        "（一）智能产线项目",
        "申请条件：项目总投入不低于 600 万元。",
        "补助标准：按投入的 8%给予补助，最高 80 万元。",
        "计划立项数量：15 个左右。",
    ])
    path = write(tmp_path, "技改指南.txt", text)
    d = draft_guide(path, year=2106)
    assert_cited(d, tmp_path)
    p = by_title(d)["智能产线项目"]
    assert p["quota"]["value"] == 15 and D(str(p["cap"])) == 80


def test_linear_time(tmp_path):
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, hard))
    try:
        t0 = time.time()
        _after_word("【" + "资" * 1_000_000)
        _after_word("补助方式" + "及" * 1_000_000)
        body = []
        for k in range(700):
            body += [x.format(n="一", name=f"第{k}号改造项目", rate=10, cap=100, first=40, quota=20) for x in PROGRAM]
        path = write(tmp_path, "长指南.txt", _pdf(["2106 年度某省资金申报指南", "一、扶持"] + body[:10_000]))
        draft_guide(path, year=2106)
        long = _pdf(["2106 年度某省资金申报指南", "一、扶持", "（一）甲类项目", "【资助方式及额度" + "及" * 1_000_000,
                     "【计划立项数量】" + "约" * 1_000_000 + "5 个"])
        draft_guide(write(tmp_path, "长行.txt", long), year=2106)
        assert time.time() - t0 < 120
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# ───────────────────────────── award wordings ─────────────────────────────

from subsidykit.authoring.clause_award import parse_award  # noqa: E402


def _award(text: str) -> dict:
    return parse_award([(1, text)], "x.txt").data


def test_rates_of_cases_side_by_side():
    d = _award("按实际支付租金的一定比例给予补贴，其中初创企业补贴比例为60%，成长企业补贴比例为40%；单家企业年度补贴最高20万元。")
    assert d["kind"] == "tiered"
    assert [(v["name"], D(str(v["rate"]))) for v in d["variants"]] == [("初创企业", D("0.6")), ("成长企业", D("0.4"))]
    assert D(str(d["cap"])) == 20  # the limit over both cases
    # one case with its rate, and a share of it: still one rate
    d = _award("按设备投资额的10%给予补助，最高50万元。")
    assert d["kind"] == "rate_cap" and D(str(d["rate"])) == D("0.1")


def test_first_payment_then_later_stage():
    d = _award("每个园区补助总额不超过400万元，分两期安排：授牌当年先行拨付200万元；两年建设期满经考核合格的，再安排不超过200万元。")
    assert d["kind"] == "two_stage" and D(str(d["cap"])) == 400
    assert D(str(d["first_payment"]["amount"])) == 200
    assert [(s["name"], s.get("fixed"), s.get("cap")) for s in d["stages"]] == [("首期", D("200"), None), ("后期", None, D("200"))]
    # a first payment by a year counted from an event names no sub-type
    d = _award("每个项目补助不超过100万元，立项次年拨付50万元。")
    assert not d.get("variants")


def test_first_batch_share():
    d = _award("按投入的20%给予补助，最高300万元。补助资金分两次拨付，首批拨付70%，验收通过后拨付余款。")
    assert D(str(d["first_payment"]["share"])) == D("0.7")


# ───────────────────────────── condition wordings ─────────────────────────────

from subsidykit.authoring.clause_conditions import parse_conditions  # noqa: E402


def _conds(text: str) -> list[dict]:
    return parse_conditions([(1, text)], "x.txt").data.get("thresholds", [])


def test_years_from_to_an_act():
    (t,) = _conds("申报主体为 2103 年至 2105 年认定的示范企业。")
    assert (t["op"], t["value"]) == ("between", ["2103-01-01", "2105-12-31"])
    (t,) = _conds("申报主体为 2105 年认定的示范企业。")
    assert t["value"] == ["2105-01-01", "2105-12-31"]


def test_money_in_renminbi_and_counts_of_deals():
    (t,) = _conds("园区实际到位外资不低于 3 亿元人民币。")
    assert (t["op"], D(str(t["value"])), t["unit"]) == (">=", D(30000), "万元")
    (t,) = _conds("帮助上游企业融资不少于 80 笔。")
    assert (t["op"], D(str(t["value"]))) == (">=", D(80))
    # people are still no money
    (t,) = _conds("吸纳就业不少于 2 万人。")
    assert t["unit"] == "人"


def test_service_and_claim_sections(tmp_path):
    text = _pdf([
        "2106 年度某市中小企业服务资金申报指南",
        "一、服务提升",
        "（一）免费能效诊断服务项目",
        "由第三方机构为企业提供免费能效诊断。",
        "【服务对象】年综合能耗在 100 吨标准煤（含）至 800 吨标准煤（含）之间的工业企业。",
        "【支持方式和额度】按每家诊断企业 0.5 万元的标准向服务机构支付费用。",
        "（二）创新服务券项目",
        "【申领条件】企业上年度营业收入不低于 500 万元。",
        "【资助方式及额度】服务券按合同金额的 50%抵扣，每家企业最高 5 万元。",
    ])
    path = write(tmp_path, "服务指南.txt", text)
    d = draft_guide(path, year=2106)
    assert_cited(d, tmp_path)
    progs = by_title(d)
    (t,) = [t for t in progs["免费能效诊断服务项目"]["thresholds"] if t["op"] == "between"]
    assert [D(str(x)) for x in t["value"]] == [D(100), D(800)]
    (t,) = progs["创新服务券项目"]["thresholds"]
    assert (t["op"], D(str(t["value"]))) == (">=", D(500))


def test_year_after_the_listing_body():
    (t,) = _conds("申报企业须入选国家发展改革委 2105 年度数字化示范案例。")
    assert (t["op"], t["value"]) == ("between", ["2105-01-01", "2105-12-31"])
    (t,) = _conds("申报企业须列入省工信厅2105年度绿色工厂名单。")
    assert t["value"] == ["2105-01-01", "2105-12-31"]
