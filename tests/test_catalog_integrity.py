"""The catalog loads, covers the five seed documents, and every citation stands where it says."""

from pathlib import Path

import pytest

from subsidykit.catalog import records
from subsidykit.catalog import DATA_DIR, load_catalog
from subsidykit.catalog.sources import quote_problem, seeds_dir
from subsidykit.catalog.verify import iter_sources
from subsidykit.cli.docs import render_catalog_md

ROOT = Path(__file__).resolve().parents[1]
CAT = load_catalog()
SEED_FILES = {
    "000_e236479adaf7e68e.txt": 2023,
    "001_e4a129325442ddc7.txt": 2022,
    "002_1632e1bcc76db33b.txt": 2021,
    "003_7a2f4ff3c5f69e6c.txt": 2024,
    "004_4f6895fa74c99952.txt": 2026,
}
ALL_SOURCES = [(f"{doc.file}:{where}", src) for doc in CAT.documents for where, src in iter_sources(doc)]


def test_the_seeds_are_beside_the_checkout():
    for name in SEED_FILES:
        assert (seeds_dir() / name).is_file(), f"missing seed {name} in {seeds_dir()}"


def test_one_data_file_per_seed_document():
    assert sorted(d.file for d in CAT.documents) == sorted(SEED_FILES)
    assert len(list(DATA_DIR.glob("*.yaml"))) == len(SEED_FILES)
    for doc in CAT.documents:
        assert doc.year == SEED_FILES[doc.file]
        assert doc.programs, f"{doc.file} has no programs"


@pytest.mark.parametrize("where, src", ALL_SOURCES, ids=[w for w, _ in ALL_SOURCES])
def test_every_quoted_clause_stands_at_its_cited_lines(where, src):
    assert quote_problem(src) is None, quote_problem(src)


def test_a_misquoted_clause_is_caught():
    src = CAT.by_id["2023-smart-factory"].source
    wrong = records.replace(src, text=src.text.replace("2000", "3000"))
    assert quote_problem(wrong) is not None
    moved = records.replace(src, lines=(src.lines[0] + 40, src.lines[1] + 40))
    assert quote_problem(moved) is not None


def test_citations_point_into_their_own_document():
    for doc in CAT.documents:
        for where, src in iter_sources(doc):
            assert src.file == doc.file, f"{where} cites {src.file} inside {doc.file}"


def test_every_program_with_an_amount_cites_its_clause():
    for p in CAT.programs:
        if p.kind not in ("recognition", "tiered"):
            assert p.source is not None, p.id
        for v in p.variants:
            if v.kind or v.rate or v.cap or v.fixed:
                assert (v.source or p.source) is not None, f"{p.id}/{v.name}"


def test_program_ids_carry_their_year():
    for p in CAT.programs:
        assert p.id.startswith(f"{p.year}-"), p.id


def test_titles_are_printed_without_numbering_or_marker():
    for p in CAT.programs:
        assert "免申直达" not in p.title, p.id
        assert not p.title[:1].isdigit() and not p.title.startswith("（"), p.id


def test_docs_catalog_md_is_up_to_date():
    current = (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8")
    assert current == render_catalog_md(), "docs/catalog.md 已过期：运行 make docs"


def test_docs_list_every_program():
    text = render_catalog_md()
    for p in CAT.programs:
        assert f"`{p.id}`" in text


def _conditions():
    for doc in CAT.documents:
        for t in doc.general_thresholds:
            yield doc.file, t
        for p in doc.programs:
            for t in [*p.thresholds, *(t for v in p.variants for t in v.thresholds)]:
                yield p.id, t


def test_a_field_has_one_unit_across_the_catalog():
    import yaml

    from subsidykit.rules.vocabulary import FIELDS_FILE, canonical_field

    vocab = yaml.safe_load(FIELDS_FILE.read_text(encoding="utf-8"))
    units: dict[str, set] = {}
    for where, t in _conditions():
        for name, unit in [(t.field, t.unit), *((c.field, c.unit) for c in [*t.when, *t.unless])]:
            units.setdefault(canonical_field(name), set()).add((unit, where))
    for name, seen in units.items():
        kinds = {u for u, _ in seen}
        assert len(kinds) == 1, f"{name}: {sorted(seen)}"
        if name in vocab:
            assert kinds == {vocab[name]["unit"]}, f"{name}: catalog {kinds}, fields.yaml {vocab[name]['unit']}"


def test_exemptions_name_real_programs():
    from subsidykit.catalog import Catalog
    from subsidykit.errors import CatalogError

    doc = CAT.doc_of["2023-smart-factory"]
    general = list(doc.general_thresholds)
    general[0] = records.replace(general[0], exempt=["2023-no-such-program"])
    broken = records.replace(doc, general_thresholds=general)
    with pytest.raises(CatalogError):
        Catalog(tuple(broken if d is doc else d for d in CAT.documents))
