"""Generates `records.py`: the catalog's runtime classes, from the schema (`schema.py`).

The pydantic schema is the one definition of a catalog entry: it validates the YAML when the
catalog is built.  Commands then run on plain frozen dataclasses with the same names, fields
and properties, read from a cache (`subsidykit.catalog.cache`) without importing pydantic or
PyYAML.  `python -m subsidykit.catalog.codegen` rewrites records.py; a test fails when it is
stale.
"""

from __future__ import annotations

import inspect
import sys
import textwrap
from pathlib import Path

RECORDS = Path(__file__).with_name("records.py")

HEADER = '''"""The catalog's runtime classes: GENERATED from schema.py by `python -m subsidykit.catalog.codegen`.

Do not edit: change schema.py and regenerate (tests/test_catalog_cache.py fails when this file
is stale).  Same class names, fields and properties as the schema; no validation here — the
schema validated the data before it was cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field
from decimal import Decimal  # noqa: F401 - named in the annotations
from typing import Literal, Union  # noqa: F401 - named in the annotations

'''


def _models():
    from pydantic import BaseModel

    from subsidykit.catalog import schema

    out = []
    for name, obj in vars(schema).items():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == schema.__name__:
            out.append(obj)
    return out


def _field_line(cls, name: str, annotation: str) -> str:
    info = cls.model_fields[name]
    if info.default_factory is not None:
        factory = info.default_factory.__name__
        return f"    {name}: {annotation} = _field(default_factory={factory})"
    if not info.is_required():
        return f"    {name}: {annotation} = {info.default!r}"
    return f"    {name}: {annotation}"


def render() -> str:
    from pydantic import BaseModel

    from subsidykit.catalog import schema

    parts = [HEADER]
    for alias in ("Kind", "Op", "Unit", "Scalar"):
        if hasattr(schema, alias):
            parts.append(f"{alias} = object  # schema.{alias}: checked by the schema when the catalog is built\n")
    parts.append("\n")
    for cls in _models():
        bases = [b for b in cls.__bases__ if issubclass(b, BaseModel) and b.__module__ == schema.__name__]
        base = f"({bases[0].__name__})" if bases else ""
        doc = inspect.getdoc(cls)
        lines = ["", "@dataclass(frozen=True, slots=True, kw_only=True)", f"class {cls.__name__}{base}:"]
        if doc and doc != inspect.getdoc(BaseModel):
            lines.append(textwrap.indent(f'"""{doc}"""', "    "))
        own = cls.__dict__.get("__annotations__", {})
        for name, annotation in own.items():
            if name.startswith("_") or name == "model_config":
                continue
            lines.append(_field_line(cls, name, str(annotation)))
        for name, member in cls.__dict__.items():
            if isinstance(member, property):
                lines.append("")
                lines.append("    @property")
                src = textwrap.dedent(inspect.getsource(member.fget))
                lines.append(textwrap.indent(src.rstrip(), "    "))
        if len(lines) == 3:
            lines.append("    pass")
        parts.append("\n".join(lines) + "\n\n")
    return "".join(parts).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if RECORDS.read_text(encoding="utf-8") != text:
            print(f"{RECORDS} 已过期：请运行 python -m subsidykit.catalog.codegen", file=sys.stderr)
            return 1
        return 0
    RECORDS.write_text(text, encoding="utf-8")
    print(RECORDS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
