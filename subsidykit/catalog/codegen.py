"""Generates `records.py`: the catalog's runtime classes, from the schema (`schema.py`).

The pydantic schema is the one definition of a catalog entry: it validates the YAML when the
catalog is built.  Commands then run on plain frozen classes with the same names, fields
and properties (plain `frozen.Record` classes), read from a cache (`subsidykit.catalog.cache`) without importing pydantic or
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
schema validated the data before it was cached.  Plain `frozen.Record` classes (no dataclass
processing at import: every command pays for this module): frozen, compared and hashed by their
fields like the schema's models, pickled as their fields' dict (rebuilt without Python code);
`replace(obj, **changes)` is the copy-with-changes.
"""

from __future__ import annotations

# The annotations name Decimal, Literal and Union: they stay strings (never evaluated), so this
# module imports neither `decimal` nor `typing` at run time (linters and type checkers see them).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from decimal import Decimal  # noqa: F401
    from typing import Literal, Union  # noqa: F401

from subsidykit.catalog.frozen import Record, fields_of, replace  # noqa: F401 - one home of record classes

'''


def _models():
    from pydantic import BaseModel

    from subsidykit.catalog import schema

    out = []
    for name, obj in vars(schema).items():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == schema.__name__:
            out.append(obj)
    return out


def _aliases(schema) -> list[str]:
    """The schema's type aliases (Kind = Literal[…], Scalar = Union[…]): named in annotations."""
    import typing

    return [
        name for name, obj in vars(schema).items()
        if not name.startswith("_") and typing.get_origin(obj) in (typing.Literal, typing.Union)
    ]  # fmt: skip


def _param(cls, name: str, annotation: str) -> tuple[str, str]:
    """(signature parameter, assignment) of one field."""
    info = cls.model_fields[name]
    if info.default_factory is not None:
        factory = info.default_factory.__name__
        return f"{name}: {annotation} | None = None", f"_set(self, {name!r}, {factory}() if {name} is None else {name})"
    if not info.is_required():
        return f"{name}: {annotation} = {info.default!r}", f"_set(self, {name!r}, {name})"
    return f"{name}: {annotation}", f"_set(self, {name!r}, {name})"


def render() -> str:
    from pydantic import BaseModel

    from subsidykit.catalog import schema

    parts = [HEADER]
    for alias in _aliases(schema):
        parts.append(f"{alias} = object  # schema.{alias}: checked by the schema when the catalog is built\n")
    parts.append("\n")
    for cls in _models():
        if cls.__name__.startswith("_"):  # bases: their fields are in the subclasses
            continue
        names = list(cls.model_fields)
        base = "Record"
        lines = ["", f"class {cls.__name__}({base}):"]
        doc = inspect.getdoc(cls)
        if doc and doc != inspect.getdoc(BaseModel) and cls.__doc__ is not None and "__doc__" in cls.__dict__:
            lines.append(textwrap.indent(f'"""{doc}"""', "    "))
            lines.append("")
        lines.append(f"    _fields = {tuple(names)!r}")
        params, sets = [], []
        for name in names:
            annotation = _annotation(cls, name)
            p, a = _param(cls, name, annotation)
            params.append(p)
            sets.append(a)
        lines.append("")
        lines.append(f"    def __init__(self, *, {', '.join(params)}) -> None:")
        lines.append("        _set = object.__setattr__")
        lines += [f"        {a}" for a in sets]
        for klass in cls.__mro__:
            for pname, member in klass.__dict__.items():
                if isinstance(member, property) and klass.__module__ == schema.__name__:
                    lines.append("")
                    src = textwrap.dedent(inspect.getsource(member.fget))  # with its @property line
                    if not src.lstrip().startswith("@property"):
                        lines.append("    @property")
                    lines.append(textwrap.indent(src.rstrip(), "    "))
        parts.append("\n".join(lines) + "\n\n")
    return "".join(parts).rstrip() + "\n"


def _annotation(cls, name: str) -> str:
    """The field's annotation as written in schema.py (inherited fields from their base)."""
    for klass in cls.__mro__:
        ann = klass.__dict__.get("__annotations__", {})
        if name in ann:
            return str(ann[name])
    return "object"


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
