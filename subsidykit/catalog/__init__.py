"""The policy catalog: one YAML file per seed document in `data/`, validated on load.

Layer: data (the bottom, above `subsidykit.errors` only).  May import: `subsidykit.errors`,
pydantic and PyYAML; never the rules, a workbook library, Excel or an adapter.  Holds the
schema (`schema`), the loader (here), where the seeds are (`sources`, `locate`), the quote
verifier (`verify`) and how a citation reads (`cite`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from subsidykit.catalog.documents import load_document, read_yaml
from subsidykit.catalog.frozen import IdentityRecord
from subsidykit.catalog.records import Document, Program, Source, Threshold, Variant
from subsidykit.errors import CatalogError

DATA_DIR = Path(__file__).with_name("data")

__all__ = ["Catalog", "Document", "Program", "Source", "Threshold", "Variant", "load_catalog", "load_document", "read_yaml", "DATA_DIR"]


class Catalog(IdentityRecord):
    """The documents, with their programs in order (`programs`), by id (`by_id`) and the
    document of each program id (`doc_of`).  Compared and hashed by identity: the engine's
    caches are keyed by the catalog object, never by hashing every program in it."""

    documents: tuple[Document, ...]
    programs: tuple[Program, ...]
    by_id: dict[str, Program]
    doc_of: dict[str, Document]
    _fields = ("documents",)

    def __init__(self, documents: tuple[Document, ...]) -> None:
        object.__setattr__(self, "documents", documents)
        progs = tuple(p for d in self.documents for p in d.programs)
        by_id: dict[str, Program] = {}
        doc_of: dict[str, Document] = {}
        for d in self.documents:
            for p in d.programs:
                if p.id in by_id:
                    raise CatalogError(f"项目 id 重复：{p.id}")
                by_id[p.id] = p
                doc_of[p.id] = d
        for p in progs:
            for lim in p.city_limits:
                for other in lim.shared_with:
                    if other not in by_id:
                        raise CatalogError(f"{p.id}: 限报名额 shared_with 指向不存在的项目 {other}")
        for doc in self.documents:
            for t in [*doc.general_thresholds, *(t for p in doc.programs for t in p.thresholds)]:
                for ref in t.exempt:
                    pid, _, variant = ref.partition("/")
                    if pid not in by_id or (variant and variant not in {v.name for v in by_id[pid].variants}):
                        raise CatalogError(f"{doc.file}: 条件「{t.label}」的豁免对象 {ref} 不存在")
        object.__setattr__(self, "programs", progs)
        object.__setattr__(self, "by_id", by_id)
        object.__setattr__(self, "doc_of", doc_of)

    def general_thresholds(self, program: Program) -> list[Threshold]:
        """The document-wide conditions (申报基本条件) that apply to this program's guide."""
        doc = self.doc_of[program.id]
        return list(doc.general_thresholds) if program.guide in doc.general_applies_to else []

    def sampling(self, year: int | None = None):
        """The 真实性核查 sampling rule (the newest document that states one, or that year's)."""
        doc = self.sampling_document(year)
        return doc.sampling if doc is not None else None

    def sampling_document(self, year: int | None = None) -> Document | None:
        """The document whose sampling rule `sampling` gives (None when none states one)."""
        docs = [d for d in self.documents if d.sampling and (year is None or d.year == year)]
        return max(docs, key=lambda d: d.year) if docs else None


@lru_cache(maxsize=4)
def load_catalog(data_dir: Path = DATA_DIR) -> Catalog:
    """The catalog of `data_dir`, validated by the schema (from the cache when nothing changed)."""
    from subsidykit.catalog import cache

    files = sorted(Path(data_dir).glob("*.yaml"))
    if not files:
        raise CatalogError(f"政策目录为空：{data_dir}")
    return Catalog(cache.load(files))
