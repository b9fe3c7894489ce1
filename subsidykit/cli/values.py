"""The `名称=数值` arguments of the command line, read in one place.

`named` reads `--part 软硬件投入=1000` (cap) and `字段=数值` (check, match); `field_values` adds the
rule of `check` and `match`: a field given twice, under one name or two names of one field
(项目总投入=3500 总投资=3500), is refused rather than one of them kept silently.  `add_mixed`
makes a sub-command whose options may stand anywhere among those words.

Light on purpose (imported when the command line starts): the vocabulary is imported only
when `field_values` runs.
"""

from __future__ import annotations

from collections.abc import Sequence

from subsidykit.errors import BadInputError
from subsidykit.workbooks.outputs import term


def named(items: Sequence[str] | None, what: str) -> dict[str, str]:
    """`名称=数值` words -> {名称: 数值} (stripped); a word without `=` or a name given twice: BadInputError."""
    out: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise BadInputError(f"{what}「{term(item)}」应写成 名称=数值")
        if key.strip() in out:  # never the last one silently: 项目总投入=3500 项目总投入=100
            raise BadInputError(f"{what}「{term(key.strip())}」给了两次，只能给一次")
        out[key.strip()] = value.strip()
    return out


def field_values(items: Sequence[str] | None, what: str = "条件") -> dict[str, str]:
    """`字段=数值` words of `check` and `match`: `named`, and two names of one field refused.
    The names are kept as typed (the engine maps them and names an unknown one with the closest)."""
    from subsidykit.rules.vocabulary import canonical_field

    values = named(items, what)
    seen: dict[str, str] = {}
    for key in values:
        canonical = canonical_field(key)
        if canonical in seen:
            raise BadInputError(f"字段「{term(key)}」与「{term(seen[canonical])}」是同一项（{canonical}），只能给一次")
        seen[canonical] = key
    return values


class MixedArguments:
    """A sub-command whose options may stand anywhere among its `字段=数值` words
    (`check P --variant 电镀 设备投入=800万元`, `match 项目总投入=3500 --year 2023 完工日期=…`):
    argparse's intermixed parsing.  `epilog_fn` gives the epilog when help is shown (it may
    read the catalog).  Mixed into the command line's own parser class by `add_mixed`."""

    epilog_fn = None
    _mixing = False

    def parse_known_args(self, args=None, namespace=None):
        if self._mixing:  # parse_known_intermixed_args comes back here for each of its passes
            return super().parse_known_args(args, namespace)
        self._mixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._mixing = False

    def format_help(self) -> str:
        if self.epilog is None and self.epilog_fn is not None:
            self.epilog = self.epilog_fn()
        return super().format_help()


_MIXED: dict[type, type] = {}


def add_mixed(sub, name: str, **kwargs):
    """`sub.add_parser(name, …)` of a parser that takes its options anywhere (`MixedArguments`
    over the sub-parsers' own class, so its errors read as the others')."""
    base = sub._parser_class
    cls = _MIXED.get(base) or _MIXED.setdefault(base, type("MixedParser", (MixedArguments, base), {}))
    saved, sub._parser_class = sub._parser_class, cls
    try:
        return sub.add_parser(name, **kwargs)
    finally:
        sub._parser_class = saved


__all__ = ["MixedArguments", "add_mixed", "field_values", "named"]
