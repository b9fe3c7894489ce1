"""The drafter (issue 17) on a 实施细则 whose articles run several programs together in one
paragraph: enumerated as 一是/二是, 第一/第二, (a)/(b), or sentence by sentence ("对认定为甲的，给予…；
对乙的，给予…"), and on the one-character numberings ㈠ ⑴ and a Roman Ⅰ、 list.  Grades of one
class stay tiers of one program; an article titled for one benefit stays one program.

Every fragment here was written for these tests (none is a seed's or a measured guide's text);
the expected values are read off the fragment by hand."""

from __future__ import annotations

import resource
import time
from decimal import Decimal as D

from test_draft_guides import assert_cited, by_title, validates, write

from subsidykit.authoring.draft import _enumerated_items, _run_title, draft_guide

RULES = """\
示范县促进工业发展若干措施实施细则

第一条　适用范围

本细则适用于在示范县注册的工业企业。

第二条　鼓励设备更新

对2060年度完成设备更新的项目，按设备投资额分档补助：一是
甲类更新项目。设备投资额在2000万元以上的，按设备投资额的7%给予补助，最高
400万元；二是乙类更新项目。设备投资额不低于300万元的，按设备投资额的5%给予补助，最高100万元。以上项目首次拨付补助资金的70%，验收合格后拨付剩余资金。年度支持项目合计不超过30个，其中甲类更新项目不超过8个。

第三条　鼓励企业升级

第一，对2060年度首次认定为示范县科技小巨人企业的，给予一次性奖励15万元。第二，对产值首次突破5亿元的工业企业，奖励10万元。第三，对成长快的规上企业，按销售额增量每5000万元奖励4万元，最高20万元。

第四条　推广新产品

对认定为首台示范农机的，每台奖励12万元；对认定为首批次示范涂料的，每个产品奖励6万元。以上认定年度均为2060年度。对示范农机保险投保企业，按保费的40%给予补贴，最高8万元。

第五条　支持创新平台建设

对新认定为国家级示范实验室的，奖励60万元；对新认定为省级示范实验室的，奖励20万元。

第六条　示范展会奖励

对参加境外示范展会的企业，每次奖励2万元；对参加境内示范展会的企业，每次奖励1万元。

第七条　发展服务业态

(a)示范服务平台。对新获评的示范服务平台奖励9万元。(b)示范设计机构。对新获评的示范设计机构奖励7万元。（c）示范咨询机构。对新获评的示范咨询机构奖励4万元。

第八条　推进绿色制造

⑴绿色示范车间。对新获评的绿色示范车间奖励11万元。

⑵节水示范企业。对新获评的节水示范企业奖励3万元。

⑶余热利用项目。对项目投资额不低于200万元、年节约标准煤800吨以上的余热利用项目，按每吨标准煤200元给予补助，单个项目最高40万元。

第九条　强化人才支撑

㈠技能人才补贴。对新引进的高级技师，按每人1.5万元给予补贴。

㈡人才培训补助。对企业开展订单式培训的，支持办法另行通知。

第十条　附则

本细则自2061年1月1日起施行。

附件2

免申即享事项清单

Ⅰ、示范稳岗奖励（免申即享）

对2060年度员工人数增长的工业企业，每家奖励2万元。

Ⅱ、示范入规奖励（免申即享）

对2060年度新纳入规模以上工业统计的企业，奖励4万元。
"""


def _draft(tmp_path):
    path = write(tmp_path, "示范细则.txt", RULES)
    draft = draft_guide(path, year=2061)
    assert_cited(draft, tmp_path)
    validates(draft)
    return draft


def test_enumerated_items_are_programs_with_the_shared_lead_and_note(tmp_path):
    progs = by_title(_draft(tmp_path))
    a, b = progs["甲类更新项目"], progs["乙类更新项目"]
    assert a["path"] == b["path"] == ["鼓励设备更新"]
    assert (a["rate"], a["cap"]) == (D("0.07"), D("400"))
    assert (b["rate"], b["cap"]) == (D("0.05"), D("100"))
    for p in (a, b):
        # the note after the items is every item's: its first payment, the total or its own part
        assert p["first_payment"]["share"] == D("0.7")
        assert not p.get("variants")
    assert a["quota"]["value"] == 8
    assert b["quota"]["value"] == 30
    assert "鼓励设备更新" not in progs


def test_first_second_items_are_titled_by_their_class(tmp_path):
    progs = by_title(_draft(tmp_path))
    assert progs["示范县科技小巨人企业"]["fixed"] == D("15")
    assert progs["产值首次突破5亿元的工业企业"]["fixed"] == D("10")
    assert progs["示范县科技小巨人企业"]["path"] == ["鼓励企业升级"]
    # "每5000万元" is the step of the base, not an amount: 4万元 per 5000万元, at most 20万元
    fast = progs["成长快的规上企业"]
    assert (fast["kind"], fast["unit_amount"], fast["cap"]) == ("per_unit", D("4"), D("20"))
    assert not fast.get("variants")


def test_sentences_naming_different_classes_are_programs(tmp_path):
    progs = by_title(_draft(tmp_path))
    assert {"首台示范农机", "首批次示范涂料", "示范农机保险投保企业"} <= set(progs)
    ins = progs["示范农机保险投保企业"]
    assert (ins["rate"], ins["cap"]) == (D("0.4"), D("8"))
    # the note "以上认定年度…" covers the two before it, not the insurance after it
    window = ["2060-01-01", "2060-12-31"]
    for title in ("首台示范农机", "首批次示范涂料"):
        assert any(c["value"] == window for c in progs[title].get("thresholds") or []), title
    assert not any(c["value"] == window for c in ins.get("thresholds") or [])
    assert "推广新产品" not in progs


def test_grades_of_one_class_and_a_benefit_title_stay_one_program(tmp_path):
    progs = by_title(_draft(tmp_path))
    assert "支持创新平台建设" in progs
    assert not any("示范实验室" == t for t in progs)
    assert "示范展会奖励" in progs


def test_lettered_items_and_one_character_numberings(tmp_path):
    progs = by_title(_draft(tmp_path))
    assert progs["示范服务平台"]["fixed"] == D("9")
    assert progs["示范设计机构"]["fixed"] == D("7")
    assert progs["示范咨询机构"]["fixed"] == D("4")
    assert progs["绿色示范车间"]["fixed"] == D("11")
    assert progs["节水示范企业"]["fixed"] == D("3")
    # "投资额不低于N万元、…" is a bound on who, not a second benefit: one program
    heat = [p for p in _draft(tmp_path).programs if p["title"] == "余热利用项目"]
    assert len(heat) == 1 and heat[0]["cap"] == D("40") and heat[0]["unit_amount"] == D("0.02")
    assert progs["技能人才补贴"]["unit_amount"] == D("1.5")
    # under a titled article, its title (not "第九条…") is the path
    assert progs["技能人才补贴"]["path"] == ["强化人才支撑"]
    assert progs["人才培训补助"]["kind"] == "none"
    assert progs["示范稳岗奖励"].get("no_application") is True
    assert progs["示范入规奖励"]["fixed"] == D("4")


def test_helpers():
    t = "对甲类的，分类补助：一是甲类项目。奖励1万元；二是乙类项目。奖励2万元；三是丙类。"
    got = _enumerated_items(t)
    assert [t[a:b] for _s, (a, b) in got] == ["甲类项目", "乙类项目", "丙类"]
    assert _enumerated_items("一是甲类项目。奖励1万元；三是乙类项目。") == []  # no count from one
    for u in ("其一，甲类项目。奖励1万元；其二，乙类项目。奖励2万元。",
              "分两类：①甲类项目。奖励1万元；②乙类项目。奖励2万元。",
              "分两类：(A)甲类项目：奖励1万元；(B)乙类项目：奖励2万元。",
              "分两类：㈠甲类项目。奖励1万元。⑴丙。㈡乙类项目。奖励2万元。"):
        assert [u[a:b] for _s, (a, b) in _enumerated_items(u)] == ["甲类项目", "乙类项目"], u
    # a list of conditions is no run of named items
    assert _enumerated_items("须满足：①年营业收入不低于1000万元；②研发投入占比3%以上。") == []
    assert _run_title("2060年度首次获评国家级、省级示范工厂的") == "示范工厂"
    assert _run_title("新认定为市级示范中心的企业（免申即享）") == "示范中心"
    assert _run_title("国家示范中心") == "国家示范中心"


def test_long_inputs_finish_in_linear_time(tmp_path):
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, hard))
    try:
        line = "第二条　鼓励X\n\n" + "对甲类企业的，奖励1万元；" * 80_000 + "\n"
        body = "".join(f"第{i % 9 + 1}条　措施{i}\n\n对甲{i}企业的，奖励1万元；对乙{i}中心，奖励2万元。一是丙。奖励3万元；二是丁。奖励4万元。\n\n"
                       for i in range(4000))
        for name, text in (("long.txt", line), ("many.txt", body)):
            path = write(tmp_path, name, text)
            t0 = time.time()
            draft_guide(path, year=2061)
            assert time.time() - t0 < 60, name
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
