"""The register a review consults: opened lazily, once, and asked for one applicant's History.

    with ReviewRegister(resolve_url(db)) as reg:   # url None: no register, nothing imported
        h = reg.history_for(values, selection, source_file=…)   # rules.history.History or None
        print(reg.line())              # 已核对登记簿 sqlite:///… / 未配置登记簿：…

Used by every surface that reviews (the commands through `cli.db_args`, the bureau server's
worker, the ribbon's macros).  SQLAlchemy is imported only when a URL is given.

Layer: register (I/O: database).  May import: `subsidykit.rules`, `subsidykit.catalog`,
`subsidykit.errors`, this package.
"""

from __future__ import annotations

from collections.abc import Mapping

# the two conditions only a register can check (000:91-97, 000:99-101)
HISTORY_FIELDS = ("本专项资金已支持项目未完成验收", "同一项目已获国家或省级财政资金支持")
NO_REGISTER_TEXT = "未配置登记簿：已支持未验收、同一项目已获支持两项仍须人工核实"


class ReviewRegister:
    """The register a command reviews with, or none (`url` None): opened lazily, once."""

    def __init__(self, url: str | None):
        self.url = url
        self._reg = None
        self._known: dict[tuple, object] = {}  # (year, county, source_file, (uscc, applicant)) -> History

    def __enter__(self):
        self.open()  # a register that cannot be opened fails here, before any work, not row by row
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def configured(self) -> bool:
        return self.url is not None

    def open(self):
        """The open `Register` (RegisterError, exit 2, when it cannot be opened)."""
        if self._reg is None and self.url is not None:
            from subsidykit.register import open_register

            self._reg = open_register(self.url)
        return self._reg

    @property
    def where(self) -> str | None:
        if self.url is None:
            return None
        from subsidykit.register.urls import describe

        return describe(self.url)

    def line(self) -> str:
        """What a report says about the register: which one (password hidden), or that the two
        self-declared conditions remain for the clerk."""
        return f"已核对{self.where}" if self.url is not None else NO_REGISTER_TEXT

    def to_json(self) -> dict:
        return {"register": self.where, "register_note": None if self.url is not None else NO_REGISTER_TEXT}

    def history_for(
        self, values: Mapping[str, object], selection=None, *, year: object = None, at_year: int | None = None, source_file: str | None = None
    ):
        """The applicant's `History` from the register, None without a register or without a
        USCC or applicant name to look it up by.  The year reviewed: `at_year` (the year a match
        chose), else the values' 申报年度, else `year`, else the selection's."""
        if self.url is None:
            return None
        from subsidykit.rules.history import applicant_of

        uscc, applicant, y, county = applicant_of(values, selection, year)
        y = at_year if at_year is not None else y
        if y is None or not (uscc or applicant):
            return None
        known = self._known.get((y, county, source_file, (uscc, applicant)))
        if known is not None:
            return known
        return self.open().history(uscc=uscc, applicant=applicant, year=y, county=county, source_file=source_file)

    def for_rows(self, source_file: str | None = None):
        """The `history(values, selection)` a batch review takes (a summary's rows, a ledger's):
        None without a register; with one, a callable that can also `prefetch(rows, year)`
        (the batch asks once for all its rows).  `source_file`: the file the rows come from
        (its own rows in the register are not "another county's")."""
        return None if self.url is None else RowHistory(self, source_file)

    def for_files(self):
        """The `history(values, selection, file)` a validation takes (each submitted file its own
        source, one query a file): None without a register; `.register` is this register."""
        return None if self.url is None else FileHistory(self)

    def prefetch(self, rows, *, year: object = None, source_file: str | None = None) -> None:
        """Ask the register about many projects at once (`Register.histories`: a few queries per
        year and county instead of one per project); `history_for` then answers those from
        memory.  `rows`: each project's values; `year` as for `history_for`."""
        if self.url is None:
            return
        from collections import defaultdict

        from subsidykit.rules.history import applicant_of

        groups: dict[tuple, set] = defaultdict(set)
        for values in rows:
            uscc, applicant, y, county = applicant_of(values, None, year)
            if y is not None and (uscc or applicant):
                groups[(y, county)].add((uscc, applicant))
        reg = self.open()
        for (y, county), keys in groups.items():
            for key, h in reg.histories(sorted(keys, key=str), y, county=county, source_file=source_file).items():
                self._known[(y, county, source_file, key)] = h

    def applies(self, selection, catalog=None) -> bool:
        """Whether `selection`'s conditions include one only a register can check."""
        from subsidykit.rules.thresholds import conditions_of
        from subsidykit.rules.vocabulary import canonical_field

        if catalog is None:
            from subsidykit.catalog import load_catalog

            catalog = load_catalog()
        return any(canonical_field(t.field) in HISTORY_FIELDS for t, _general in conditions_of(selection, catalog))

    def close(self) -> None:
        if self._reg is not None:
            self._reg.close()
            self._reg = None


class RowHistory:
    """`ReviewRegister.for_rows`: history(values, selection) for the rows of one file."""

    def __init__(self, register: ReviewRegister, source_file: str | None):
        self.register, self.source_file = register, source_file

    def __call__(self, values: Mapping[str, object], selection=None):
        return self.register.history_for(values, selection, source_file=self.source_file)

    def prefetch(self, rows, year: object = None) -> None:
        self.register.prefetch(rows, year=year, source_file=self.source_file)


class FileHistory:
    """`ReviewRegister.for_files`: history(values, selection, file) for the files of a batch."""

    def __init__(self, register: ReviewRegister):
        self.register = register

    def __call__(self, values: Mapping[str, object], selection, file: str):
        return self.register.history_for(values, selection, source_file=file)


__all__ = ["FileHistory", "HISTORY_FIELDS", "NO_REGISTER_TEXT", "ReviewRegister", "RowHistory"]
