"""Names as readers write them (issue 13, item 1 and the keyword part of item 6).

Every case is written from the guides' text; the seed file and line are cited next to it.
Refusals (unknown or ambiguous names) list the exact strings to type, and each of them works.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from subsidykit.catalog import load_catalog
from subsidykit.errors import (
    AmbiguousProgramError,
    SubsidyError,
    UnknownProgramError,
    VariantRequiredError,
)
from subsidykit.rules.lookup import find_program, name_key, require_variant, typing_label
from subsidykit.rules.programs import list_programs

CAT = load_catalog()
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def resolves(name, **kw):
    sel = find_program(name, **kw)
    return sel.program.id, sel.variant.name if sel.variant else None


# --- 1. a program heading as printed ---------------------------------------------------------


@pytest.mark.parametrize(
    "printed, pid",
    [
        # 004 line 131: "四、首台（套）装备示范应用项目（免申直达）"
        ("四、首台（套）装备示范应用项目（免申直达）", "2026-first-set-equipment"),
        ("2026/四、首台（套）装备示范应用项目（免申直达）", "2026-first-set-equipment"),
        ("首台（套）装备示范应用（免申直达）", "2026-first-set-equipment"),
        ("首台(套)装备示范应用项目", "2026-first-set-equipment"),
        # 004 line 155: "六、首版次软件示范应用项目（免申直达）" (tiered: found, then a variant is asked for)
        ("六、首版次软件示范应用项目（免申直达）", "2026-first-version-software"),
        # 000 line 417: "1. 智能制造示范工厂项目。"
        ("2023/1. 智能制造示范工厂项目。", "2023-smart-factory"),
        ("2023/（1）智能制造示范工厂", "2023-smart-factory"),
        # 000 line 366: "（一）高端化改造升级项目。"
        ("2023/（一）高端化改造升级项目。", "2023-high-end-upgrade"),
        ("2023/一、（一）高端化改造升级", "2023-high-end-upgrade"),
        # 002 line 336: "（二）专精特新“小巨人”企业培育项目"
        ("2021/（二）专精特新“小巨人”企业培育项目", "2021-specialized-little-giant"),
        ("2021/专精特新小巨人企业培育", "2021-specialized-little-giant"),
        # 003 line 1210: "## 国家绿色制造名单"
        ("2024/国家绿色制造名单", "2024-national-green-manufacturing"),
    ],
)
def test_a_heading_as_printed(printed, pid):
    assert resolves(printed)[0] == pid


# --- 2. a parent heading plus a variant ------------------------------------------------------


def test_a_heading_split_into_several_programs_plus_the_variant():
    # 003 line 427: "1. 顶级支持“攀峰”领军人才。…创新类项目最高给予3000万元综合资助，创业类项目最高给予1亿元
    # 综合资助。…生活补贴…购房补贴" — one heading, three programs (funding, living allowance, housing)
    funding = ("2024-pengcheng-summit-talent-project-funding", "创新类项目")
    assert resolves("2024/顶级支持“攀峰”领军人才", variant="创新类项目") == funding
    assert resolves("2024/顶级支持“攀峰”领军人才/创新类项目") == funding
    assert resolves("2024/1. 顶级支持“攀峰”领军人才。/创新类") == funding
    assert resolves("顶级支持攀峰领军人才", variant="创业类项目")[1] == "创业类项目"


def test_the_bare_shared_heading_is_refused_with_the_strings_to_type():
    with pytest.raises(AmbiguousProgramError) as exc:
        find_program("2024/顶级支持“攀峰”领军人才")
    assert "2024/顶级支持“攀峰”领军人才/创新类项目" in exc.value.candidates
    assert "2024/顶级支持“攀峰”领军人才/创新类项目" in exc.value.message
    assert len(exc.value.candidates) == 4  # two variants of the funding + living allowance + housing
    got = {resolves(c) for c in exc.value.candidates}
    assert len(got) == 4


def test_a_path_heading_plus_a_program_under_it():
    # 000 lines 416-417: "（二）标杆示范项目" … "1. 智能制造示范工厂项目"
    assert resolves("2023/标杆示范项目/智能制造示范工厂项目")[0] == "2023-smart-factory"
    with pytest.raises(AmbiguousProgramError) as exc:
        find_program("2023/（二）标杆示范项目")
    assert "2023/智能制造示范工厂项目" in exc.value.candidates


# --- 3. a variant by its own core text --------------------------------------------------------


def test_a_variant_by_its_core_without_the_bracketed_qualifier():
    # 002 line 587: key direction 2 is "智慧江苏建设重点应用平台"; the catalog names the variant
    # "其他重点方向（智慧江苏建设重点应用平台）" (line 300: 公共服务平台项目 … 最高不超过 2000 万元)
    want = ("2021-digital-public-service-platform", "其他重点方向（智慧江苏建设重点应用平台）")
    assert resolves("2021/公共服务平台项目", variant="智慧江苏建设重点应用平台") == want
    assert resolves("2021/公共服务平台项目/智慧江苏建设重点应用平台项目") == want
    assert resolves("2021/公共服务平台/智慧江苏建设重点应用平台·其他重点方向") == want


def test_a_variant_with_a_trailing_xiangmu():
    # 002 line 406: "省级制造业创新中心重大共性技术开发，按不超过项目投入的20%予以补助"
    assert resolves("重大共性技术开发项目") == ("2021-manufacturing-innovation-center", "重大共性技术开发")
    assert resolves("2021/省级制造业创新中心建设发展项目", variant="重大共性技术开发项目")[1] == "重大共性技术开发"


@pytest.mark.parametrize(
    "typed",
    ["生产地址在我省·创新药", "创新药（生产地址在我省）", "创新药 生产地址在我省", "创新药-生产地址在我省",
     "（生产地址在我省）创新药", "创新药/生产地址在我省"],
)
def test_qualifiers_in_another_order_or_joined_differently(typed):
    # 004 line 171: "生产地址在我省的，创新药每个奖励不超过 1000 万元"
    assert resolves(f"2026/创新药和医疗器械奖励项目/{typed}") == (
        "2026-innovative-drug-device-award", "创新药（生产地址在我省）")
    if "/" not in typed:
        assert resolves(typed)[1] == "创新药（生产地址在我省）"


def test_a_core_shared_by_two_variants_is_refused_not_guessed():
    # 004 lines 171-173: 创新药 1000 万元 (in the province) vs 700 万元 (委托生产, out of it)
    with pytest.raises(AmbiguousProgramError) as exc:
        find_program("创新药")
    assert set(exc.value.candidates) == {
        "2026/创新药和医疗器械奖励项目/创新药（生产地址在我省）",
        "2026/创新药和医疗器械奖励项目/创新药（生产地址在省外）",
    }
    with pytest.raises(AmbiguousProgramError):
        find_program("2026/创新药和医疗器械奖励项目/生产地址在我省")


@pytest.mark.parametrize("typed", ["400万元档", "400万元", "400万", "补助额400万元"])
def test_a_tier_by_the_text_of_its_clause(typed):
    # 002 line 174: "单个项目补助额分为400、500万元两档"
    assert resolves("2021/工业互联网标识解析项目", variant=typed) == ("2021-identifier-resolution", "400万元档")


def test_an_unknown_variant_lists_the_whole_strings():
    with pytest.raises(UnknownProgramError) as exc:
        find_program("2023/高端化改造升级项目/技术改造")  # 000 line 366: 重大技术改造 和 产业基础再造
    assert exc.value.candidates == ["2023/高端化改造升级项目/重大技术改造项目", "2023/高端化改造升级项目/产业基础再造项目"]


# --- 4. short forms a clerk types (catalog aliases) ------------------------------------------


@pytest.mark.parametrize(
    "typed, pid",
    [
        ("首台套", "2026-first-set-equipment"),  # 004 line 131
        ("2026/首台套", "2026-first-set-equipment"),
        ("2024/首台套", "2024-js-first-set-major-equipment"),  # 003 line 744
        ("首批次", "2026-first-batch-new-material"),  # 004 line 143
        ("2024/首批次", "2024-new-material-first-batch-insurance"),  # 003 line 623
        ("首版次", "2026-first-version-software"),  # 004 line 155
        ("专精特新", "2024-js-specialized-sme"),  # 003 line 1104
        ("2023/专精特新", "2023-specialized-sme-capability"),  # 000 line 1075
        ("小巨人", "2024-little-giant"),  # 003 line 984
        ("2022/小巨人", "2022-little-giant-cultivation"),  # 001 line 197
        ("2021/小巨人", "2021-specialized-little-giant"),  # 002 line 336
        ("2024/智改数转示范企业", "2024-js-smart-digital-demo-enterprise"),  # 003 line 768
        ("2022/智改数转标杆示范", "2022-benchmark-demonstration"),  # quotes dropped: 001 “智改数转”标杆示范项目
        ("领航级智能工厂", "2026-national-leading-smart-factory"),  # 004 line 391
    ],
)
def test_short_forms(typed, pid):
    assert resolves(typed)[0] == pid


def test_a_short_form_naming_several_programs_is_refused_with_candidates():
    with pytest.raises(UnknownProgramError) as exc:
        find_program("智改数转")
    assert exc.value.candidates and all(find_program(c) for c in exc.value.candidates)


def test_every_new_alias_has_a_reason():
    for p in CAT.programs:
        for owner in [p, *p.variants]:
            for a in owner.aliases:
                if not isinstance(a, str):
                    assert a.note or a.source, (p.id, a.name)


# --- keyword search --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "keyword, pid",
    [
        ("首台套", "2026-first-set-equipment"),  # an alias, and 首台（套） without brackets
        ("首台套", "2024-js-first-set-major-equipment"),
        ("小巨人", "2021-specialized-little-giant"),  # 专精特新“小巨人” with the quotes dropped
        ("智慧江苏", "2021-digital-public-service-platform"),  # a variant's name
        ("标杆示范", "2023-smart-factory"),  # a path heading: （二）标杆示范项目
        ("生产地址在省外", "2026-innovative-drug-device-award"),
        ("委托生产", "2026-innovative-drug-device-award"),  # a variant's alias
    ],
)
def test_keyword_search_covers_titles_aliases_variants_and_headings(keyword, pid):
    assert pid in {p.id for p in list_programs(keyword=keyword)}


def test_cli_keyword_finds_first_set():
    proc = subprocess.run([sys.executable, "-m", "subsidykit.cli", "programs", "--keyword", "首台套", "--json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0
    assert "2026-first-set-equipment" in {i["id"] for i in json.loads(proc.stdout)}


# --- refusals: the exact strings, each of which works ---------------------------------------


def test_a_tiered_program_without_variant_names_the_whole_strings():
    # 003 line 1210 ff.: 国家绿色制造名单 — 绿色工厂 (100 万元), 绿色工业园区, 绿色供应链管理企业
    with pytest.raises(VariantRequiredError) as exc:
        require_variant(find_program("2024/国家绿色制造名单"))
    assert exc.value.candidates == [
        "2024/国家绿色制造名单/绿色工厂",
        "2024/国家绿色制造名单/绿色工业园区",
        "2024/国家绿色制造名单/绿色供应链管理企业",
    ]
    assert all(c in exc.value.message for c in exc.value.candidates)
    for c in exc.value.candidates:
        require_variant(find_program(c))


def test_cli_json_candidates_are_the_strings_and_work():
    for args in (["cap", "2024/顶级支持“攀峰”领军人才", "100", "--json"],
                 ["cap", "2024/国家绿色制造名单", "--json"],
                 ["show", "2023/智能制造示范厂", "--json"]):
        proc = subprocess.run([sys.executable, "-m", "subsidykit.cli", *args],
                              capture_output=True, text=True, encoding="utf-8")
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        data = json.loads(proc.stdout)
        assert data["candidates"], data
        for c in data["candidates"]:
            assert c in data["message"]
            find_program(c)


# --- catalog-wide properties ---------------------------------------------------------------


def _title_unique(p):
    return sum(1 for q in CAT.programs if q.year == p.year and name_key(q.title) == name_key(p.title)) == 1


def _check(name, program, variant):
    """`name` names (program, variant), or — where the guide prints it for several — is refused
    with candidates that include the string for it, each of which works."""
    try:
        sel = find_program(name)
    except AmbiguousProgramError as exc:
        label = typing_label(CAT, program, variant)
        assert label in exc.candidates or (
            variant is None and program.kind == "tiered"
            and all(typing_label(CAT, program, v) in exc.candidates for v in program.variants)
        ), (name, exc.candidates)
        assert not _title_unique(program), name
        for c in exc.candidates:
            find_program(c)
        return
    assert (sel.program, sel.variant) == (program, variant), name


ALL = [(p, None) for p in CAT.programs] + [(p, v) for p in CAT.programs for v in p.variants]


@pytest.mark.parametrize("program, variant", ALL, ids=[f"{p.id}/{v.name if v else ''}" for p, v in ALL])
def test_every_program_and_variant_by_year_title_variant_and_its_label(program, variant):
    base = f"{program.year}/{program.title}"
    _check(f"{base}/{variant.name}" if variant else base, program, variant)
    if variant:
        _check(f"{program.year}/（一）{program.title}（免申直达）/（1）{variant.name}。", program, variant)
        sel = find_program(base, variant=variant.name) if _title_unique(program) else None
        assert sel is None or sel.variant is variant
    label = typing_label(CAT, program, variant)
    sel = find_program(label)
    assert (sel.program, sel.variant) == (program, variant), label


def _printed_headings():
    """(program, the heading line as printed in its seed) for every program whose title starts a line."""
    num = r"(?:第[一二三四五六七八九十]+章\s*|[一二三四五六七八九十]+、\s*|[（(][一二三四五六七八九十\d]+[)）]\s*|\d+[.．、]\s*)*"
    out = []
    for p in CAT.programs:
        if p.source is None:
            continue
        text = (SEEDS / p.source.file).read_text(encoding="utf-8")
        core = p.title.removesuffix("项目")
        pat = re.compile(r"^#*\s*" + num + re.escape(core) + r"(?:项目)?(?:[（(]免申直达[)）])?。?")
        for raw in text.splitlines():
            for seg in re.split(r"<[^>]+>", raw):
                m = pat.match(seg.strip())
                if m and re.match(r"^#*\s*" + num, seg.strip()).group(0):  # numbered or a ## heading
                    out.append((p, m.group(0)))
                    break
            else:
                continue
            break
    return out


HEADINGS = _printed_headings()


def test_most_programs_have_a_printed_heading_found():
    assert len(HEADINGS) >= 100, len(HEADINGS)


@pytest.mark.parametrize("program, printed", HEADINGS, ids=[f"{p.id}:{h}" for p, h in HEADINGS])
def test_every_program_by_its_printed_heading(program, printed):
    _check(f"{program.year}/{printed}", program, None)


def _refusals():
    names = []
    for p in CAT.programs:
        names += [f"{p.year}/{p.title}", f"{p.year}/{p.title}/不存在的子类", f"{p.year}/{p.title[:-1]}x"]
        names += [f"{p.year}/{h}" for h in p.path]
    return sorted(set(names))


def test_every_candidate_of_every_refusal_resolves():
    seen = 0
    for name in _refusals():
        try:
            require_variant(find_program(name))
        except (UnknownProgramError, VariantRequiredError) as exc:
            for c in exc.candidates:
                seen += 1
                try:
                    find_program(c)
                except SubsidyError as bad:  # pragma: no cover - the assertion says which
                    raise AssertionError(f"{name!r}: candidate {c!r} does not resolve: {bad}") from None
        except SubsidyError:
            pass
    assert seen > 200
