"""python -m subsidykit.catalog.verify FILE.yaml ...: schema + citation check of catalog files."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from subsidykit.catalog import records
from subsidykit.catalog.documents import read_yaml
from subsidykit.catalog.schema import Document, Source
from subsidykit.catalog.sources import quote_problem


def _field_names(obj) -> list[str] | None:
    """The fields of a schema model or a runtime record, None for anything else."""
    if isinstance(obj, BaseModel):
        return list(type(obj).model_fields)
    names = records.fields_of(obj)
    return None if names is None else list(names)


def iter_sources(obj, where="document"):
    """Every Source inside a model (schema-validated or a runtime record), with a readable location."""
    if isinstance(obj, (Source, records.Source)):
        yield where, obj
    elif (names := _field_names(obj)) is not None:
        for name in names:
            label = getattr(obj, "id", None) or getattr(obj, "name", None) or where
            yield from iter_sources(getattr(obj, name), f"{label}.{name}")
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from iter_sources(item, f"{where}[{i}]")


def check_file(path: Path) -> list[str]:
    try:
        doc = Document.model_validate(read_yaml(path.read_text(encoding="utf-8")))
    except (ValidationError, yaml.YAMLError) as exc:
        return [f"{path}: {exc}"]
    problems = []
    for where, src in iter_sources(doc):
        why = quote_problem(src)
        if why:
            problems.append(f"{path}: {where}: {why}")
    print(f"{path}: {len(doc.programs)} programs")
    return problems


def main(argv: list[str]) -> int:
    problems = [p for f in argv for p in check_file(Path(f))]
    for p in problems:
        print(p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
