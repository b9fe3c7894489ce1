"""Finding programs by the names clerks type."""

import pytest

from subsidykit.catalog import load_catalog
from subsidykit.errors import (
    AmbiguousProgramError,
    BadInputError,
    UnknownProgramError,
    VariantRequiredError,
)
from subsidykit.rules.lookup import find_program, name_key, require_variant

CAT = load_catalog()


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("2023-smart-factory", {}),
        ("2023/智能制造示范工厂项目", {}),
        ("2023/智能制造示范工厂", {}),
        ("2023年/智能制造示范工厂项目", {}),
        ("智能制造示范工厂项目", {"year": 2023}),
        ("智能制造示范工厂", {"year": "2023"}),
        (" 2023 / 智能制造示范工厂项目 ", {}),
        ("２０２３/智能制造示范工厂项目", {}),
    ],
)
def test_the_2023_smart_factory_by_any_usual_name(name, kwargs):
    assert find_program(name, **kwargs).program.id == "2023-smart-factory"


def test_variants_by_path_or_argument_with_optional_suffix():
    for name, variant in [
        ("2023/高端化改造升级项目/重大技术改造项目", None),
        ("2023/高端化改造升级/重大技术改造", None),
        ("2023/高端化改造升级项目", "重大技术改造项目"),
        ("高端化改造升级项目", "重大技术改造"),
    ]:
        sel = find_program(name, variant=variant, year=None if name.startswith("2023") else 2023)
        assert sel.program.id == "2023-high-end-upgrade"
        assert sel.variant is not None and sel.variant.name == "重大技术改造项目"


def test_unknown_variant_lists_the_printed_ones():
    with pytest.raises(UnknownProgramError) as exc:
        find_program("2023/高端化改造升级项目/技术改造")
    assert "产业基础再造项目" in exc.value.message


def test_unknown_program_lists_closest_candidates():
    with pytest.raises(UnknownProgramError) as exc:
        find_program("2023/智能制造示范厂")
    assert "2023/智能制造示范工厂项目" in exc.value.candidates
    assert "相近的项目" in exc.value.message


def test_a_title_not_in_that_year_is_refused():
    with pytest.raises(UnknownProgramError):
        find_program("2019/智能制造示范工厂项目")


def test_year_in_name_and_argument_must_agree():
    with pytest.raises(BadInputError):
        find_program("2023/智能制造示范工厂项目", year=2022)


@pytest.mark.parametrize("bad", ["", "   ", None, "2023/"])
def test_empty_names_are_refused(bad):
    with pytest.raises(BadInputError):
        find_program(bad)


def test_name_key_ignores_width_numbering_marker_and_suffix():
    assert name_key("（一）首台（套）装备示范应用项目（免申直达）") == name_key("首台(套)装备示范应用")
    assert name_key("1. 智能制造示范工厂项目") == name_key("智能制造示范工厂")


def test_tiered_programs_require_a_variant():
    tiered = [p for p in CAT.programs if p.kind == "tiered"]
    assert tiered, "the catalog has tiered programs"
    for p in tiered:
        with pytest.raises(VariantRequiredError) as exc:
            require_variant(find_program(p.id))
        assert all(v.name in exc.value.message for v in p.variants)


def test_same_title_in_one_year_is_ambiguous():
    seen = {}
    for p in CAT.programs:
        seen.setdefault((p.year, name_key(p.title)), []).append(p)
    dups = [v for v in seen.values() if len(v) > 1]
    for progs in dups:
        with pytest.raises(AmbiguousProgramError):
            find_program(f"{progs[0].year}/{progs[0].title}")
        # the id always works
        assert find_program(progs[0].id).program is progs[0]


def test_without_a_year_the_latest_guide_with_the_title():
    # 智能制造示范工厂项目 is printed in the 2021 and the 2023 guides
    assert find_program("智能制造示范工厂项目").program.id == "2023-smart-factory"
    assert find_program("智能制造示范工厂项目", year=2021).program.id == "2021-smart-factory"


def test_a_subcase_printed_under_a_shared_heading_is_found_by_its_own_name():
    # 001: the four 标杆示范 sub-cases share one 补助标准, so they are variants of one program
    sel = find_program("2022/智能制造示范工厂项目")
    assert sel.program.id == "2022-benchmark-demonstration"
    assert sel.variant is not None and sel.variant.name == "智能制造示范工厂项目"
