"""Frozen record classes without `dataclasses`: the one base of the catalog's runtime records
(`records.py`, generated) and of the engine's results (Selection, Award, Finding, CheckReport …).

Every command imports these classes, and `@dataclass` costs each process the import of
`inspect` (≈8 ms) plus code generation per class; a command that answers in a blink cannot pay
that.  A record class names its fields in `_fields` and sets them in a plain `__init__` with
`object.__setattr__`; the base makes it frozen, compares and hashes it by its fields (as a
frozen dataclass), and prints it as `Name(field=value, …)`.  Instances keep their fields in
`__dict__`, so pickle stores and rebuilds them without calling Python code (the catalog
cache, and findings sent back by validation workers).

`replace(obj, **changes)` is the copy-with-changes (as `dataclasses.replace`), `fields_of(obj)`
the field names (None for anything else).
"""

from __future__ import annotations


class Record:
    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name}")

    def __delattr__(self, name):
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name}")

    def _values(self) -> tuple:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self):
        return hash((self.__class__.__name__, self._values()))

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"


class IdentityRecord(Record):
    """A record compared and hashed by identity (as `@dataclass(eq=False)`)."""

    __slots__ = ()
    __eq__ = object.__eq__
    __hash__ = object.__hash__


def replace(record, **changes):
    """A copy of `record` with some fields changed (as dataclasses.replace, which it calls for a
    dataclass: the workflows' own result classes are dataclasses and hold records)."""
    if not isinstance(record, Record):
        import dataclasses

        return dataclasses.replace(record, **changes)
    unknown = set(changes) - set(record._fields)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field {sorted(unknown)}")
    return type(record)(**{f: changes.get(f, getattr(record, f)) for f in record._fields})


def fields_of(record) -> tuple[str, ...] | None:
    """The field names of a record, None for anything else."""
    return record._fields if isinstance(record, Record) else None
