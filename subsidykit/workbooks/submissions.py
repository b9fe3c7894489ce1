"""Reading a submitted application workbook (项目申报表) into named fields.

Each field is found by its **label text wherever it stands** on a visible sheet, not by
a fixed address, so the official template, 附件3-style forms, 附件2-style column forms
and older versions all read:

- a label is a short text cell whose wording is a field name or alias of the shared
  vocabulary (``catalog/fields.yaml``) or a field a catalog threshold uses, recognised by the
  one matcher every reader shares (`subsidykit.rules.vocabulary`: spaces, brackets, colons, units
  such as （万元）, a trailing "*", leading numbering, a year or period prefix ignored);
- its value is the next non-empty cell to the right in the same row (after the label's
  merged range; unit cells such as "万元" are skipped); when the right-hand neighbour is
  another label, or nothing follows, the form is column-style and the value is the next
  non-empty cell below (within three rows);
- a cell that is itself a label is never a value (so a blank answer stays blank).

The first occurrence with a value wins; a later occurrence with a different value is kept
as a conflict.  Every value keeps its sheet and cell address.  The same logic serves a
file (values via :mod:`subsidykit.workbooks.safe`) and in-memory sheets (an Excel macro on
xlwings Server passes ``{sheet name: 2-D list of values}``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from subsidykit.rules.parsing import is_blank
from subsidykit.rules.vocabulary import canonical_field, field_key
from subsidykit.rules.vocabulary import match as match_field
from subsidykit.workbooks.cells import address, parse_address
from subsidykit.workbooks.form_model import REFERENCE_SHEETS
from subsidykit.workbooks.safe import (
    DEFAULT_LIMITS,
    EXCEL_ERRORS,
    ErrorValue,
    FormulaCell,
    Limits,
    RawSheet,
    RawWorkbook,
    UncachedFormula,
    read_workbook,
)

MAX_LABEL_CHARS = 40
BELOW_ROWS = 3
_UNIT_CELLS = {"万元", "元", "亿元", "%", "年", "月", "日", "个", "人", "家", "项", "次", "台套"}


_LABELS: dict[str, str | None] = {}  # cell text -> field (or None), remembered
_UNSEEN = object()
_ADDRESSES: dict[tuple[int, int], str] = {}


def _address(row: int, col: int) -> str:
    """cells.address, remembered for the cells of a form."""
    key = (row, col)
    text = _ADDRESSES.get(key)
    if text is None:
        text = address(row, col)
        if len(_ADDRESSES) < 100000:
            _ADDRESSES[key] = text
    return text


def label_field(text: object) -> str | None:
    """The canonical field a label cell names, or None when it is not a label."""
    if text.__class__ is not str:
        return None
    try:
        return _LABELS[text]
    except KeyError:
        pass
    found = None if len(text) > MAX_LABEL_CHARS or not text.strip() else match_field(text)
    if len(_LABELS) < 200000:
        _LABELS[text] = found
    return found


def _is_unit_cell(value: object) -> bool:
    return isinstance(value, str) and len(value) <= 8 and re.sub(r"[\s()（）]", "", value) in _UNIT_CELLS


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _labelish(value: object) -> bool:
    """A label of ours, or text that reads as some other label ("申报依据：")."""
    if not isinstance(value, str):
        return False
    if label_field(value) is not None:
        return True
    return isinstance(value, str) and len(value) <= MAX_LABEL_CHARS and value.strip().endswith((":", "："))


SKIP, LABELISH = 1, 2  # what label search sees in a cell: passed over (blank, a unit), or a label
_KINDS: dict[str, int] = {}  # cell text -> its kind, remembered (as _LABELS)


def _kind(value: object) -> int:
    """SKIP when `_empty` or `_is_unit_cell`, | LABELISH when `_labelish`: the two questions label
    search asks of a cell, answered once per text."""
    if value.__class__ is str:
        try:
            return _KINDS[value]  # type: ignore[index]
        except KeyError:
            pass
    elif value is None:
        return SKIP
    elif not isinstance(value, str):
        return 0  # a number, a date, an error value, an uncalculated formula
    kind = (SKIP if _empty(value) or _is_unit_cell(value) else 0) | (LABELISH if _labelish(value) else 0)
    if value.__class__ is str and len(value) <= 200 and len(_KINDS) < 200000:  # type: ignore[arg-type]
        _KINDS[value] = kind  # type: ignore[index]
    return kind


@dataclass(frozen=True)
class Located:
    """A field's value and where it stands; `cell` is where the value is (or should be)."""

    field: str
    value: object
    sheet: str
    cell: str | None
    label: str
    label_cell: str

    status: str = field(init=False, compare=False)
    """"value", "blank", "uncached" (formula never calculated) or "error" (#REF! ...)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", _status(self.value))


def _status(v: object) -> str:
    return "uncached" if isinstance(v, UncachedFormula) else "error" if isinstance(v, ErrorValue) else "blank" if is_blank(v) else "value"


def _located(name: str, value: object, sheet: str, cell: str | None, label: str, label_cell: str) -> Located:
    """`Located(name, value, sheet, cell, label, label_cell)`, made without the frozen
    dataclass's one-attribute-at-a-time __init__: the same attributes, in the same order."""
    loc = object.__new__(Located)
    loc.__dict__.update(field=name, value=value, sheet=sheet, cell=cell, label=label, label_cell=label_cell, status=_status(value))
    return loc


@dataclass
class Submission:
    file: str
    fields: dict[str, Located] = field(default_factory=dict)
    conflicts: list[tuple[Located, Located]] = field(default_factory=list)
    sheets: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    has_macros: bool = False
    sha256: str = ""  # of the file's bytes as read (empty for in-memory sheets)
    formulas: tuple[FormulaCell, ...] = ()
    external_links: tuple[str, ...] = ()

    def get(self, name: str) -> Located | None:
        hit = self.fields.get(name)
        return hit if hit is not None else self.fields.get(canonical_field(name))

    def value(self, name: str) -> object | None:
        """The field's value when it is a real value (not blank, error or uncached)."""
        loc = self.get(name)
        return loc.value if loc is not None and loc.status == "value" else None

    def values(self) -> dict[str, object]:
        """Canonical field name -> value, real values only (what the engine checks)."""
        return {k: v.value for k, v in self.fields.items() if v.status == "value"}


def _cell(value: object) -> object:
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        return ErrorValue(value.strip())
    return value


MERGED_CELLS_BUDGET = 200_000  # cells covered by merges that label search follows, per sheet


def _merge_map(merged: Sequence[tuple[int, int, int, int]]) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Merged ranges by their top-left cell; huge ranges (a form's merges are small) are left out,
    and so is everything past a budget, so hostile merges cannot make label search quadratic."""
    out = {}
    budget = MERGED_CELLS_BUDGET
    for r0, c0, r1, c1 in merged:
        area = (r1 - r0 + 1) * (c1 - c0 + 1)
        if area <= 10000 and area <= budget:
            out[(r0, c0)] = (r0, c0, r1, c1)
            budget -= area
    return out


# a sheet's merged ranges (exactly) -> (their _merge_map, each covered cell -> its range's top-left):
# the copies of one form carry the same merges
_MERGES: dict[tuple, tuple[dict, dict]] = {}
_MERGES_CELLS = [0]  # covered cells held in _MERGES (it starts again past MERGES_CACHE_CELLS)
MERGES_CACHE_CELLS = 200_000


def _merges_of(merged: Sequence[tuple[int, int, int, int]]) -> tuple[dict, dict]:
    """`_merge_map(merged)` and the owner of every cell the kept ranges cover (shared: read only)."""
    key = None
    try:  # remembered for ranges given as tuples of whole numbers (2.0 == 2, but range() refuses it)
        if len(merged) <= 1000 and all(type(m) is tuple for m in merged) and not {type(x) for m in merged for x in m} - {int}:
            key = tuple(merged)
    except TypeError:  # not ranges at all: worked out (and refused) as before
        key = None
    if key is not None:
        hit = _MERGES.get(key)
        if hit is not None:
            return hit
    merges = _merge_map(merged)
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in merges.values():
        for rr in range(r0, r1 + 1):
            for cc in range(c0, c1 + 1):
                owner[(rr, cc)] = (r0, c0)
    if key is not None and len(owner) <= 20000:
        if len(_MERGES) >= 256 or _MERGES_CELLS[0] + len(owner) > MERGES_CACHE_CELLS:
            _MERGES.clear()
            _MERGES_CELLS[0] = 0
        _MERGES[key] = (merges, owner)
        _MERGES_CELLS[0] += len(owner)
    return merges, owner


def _find_value(rows: list[list], r: int, c: int, span: tuple[int, int, int, int] | None, left_label: bool):
    """(row, col, value) of the label's value, or (row, col, None) for where it should be.

    `left_label`: the cell just left of the label is a label too (a header row).
    """
    r1, c1 = (span[2], span[3]) if span else (r, c)
    row = rows[r]
    first = c1 + 1
    adjacent_label = False
    for cc in range(first, len(row)):
        v = row[cc]
        kind = _kind(v)
        if kind & SKIP:  # _empty(v) or _is_unit_cell(v)
            continue
        if kind & LABELISH:
            if cc != first:  # row-style form, the answer between two labels left blank
                return r, first, None
            adjacent_label = True
            break
        return r, cc, v
    if not adjacent_label and not left_label:
        return r, first, None
    # column-style form: a label right next to a label (a header row): look below
    for rr in range(r1 + 1, min(len(rows), r1 + 1 + BELOW_ROWS)):
        below = rows[rr]
        v = below[c] if c < len(below) else None
        kind = _kind(v)
        if kind & SKIP:
            continue
        if kind & LABELISH:
            break
        return rr, c, v
    return (r1 + 1, c, None) if adjacent_label else (r, first, None)


def read_grid_sheets(sheets: Sequence[RawSheet], file: str, has_macros: bool = False) -> Submission:
    sub = Submission(
        file=file,
        sheets=tuple(s.name for s in sheets),
        hidden=tuple(s.name for s in sheets if s.hidden),
        has_macros=has_macros,
    )
    for sheet in sheets:
        if sheet.hidden or sheet.name in REFERENCE_SHEETS:
            continue
        rows = [[_cell(v) if isinstance(v, str) and v[:1] == "#" else v for v in row] for row in sheet.rows]
        merges, owner = _merges_of(sheet.merged)
        labels = _LABELS
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text.__class__ is not str:
                    continue
                name = labels.get(text, _UNSEEN)  # label_field(text), remembered
                if name is _UNSEEN:
                    name = label_field(text)
                if name is None:
                    continue
                lr, lc = owner.get((r, c - 1), (r, c - 1))
                left_label = c > 0 and lc < len(rows[lr]) and _kind(rows[lr][lc]) & LABELISH
                vr, vc, value = _find_value(rows, r, c, merges.get((r, c)), left_label)
                found = _located(name, value, sheet.name, _address(vr, vc), str(text).strip().rstrip("*＊").strip(), _address(r, c))
                old = sub.fields.get(name)
                if old is None or (old.status == "blank" and found.status != "blank"):
                    sub.fields[name] = found
                elif found.status != "blank" and not _same(old.value, found.value):
                    sub.conflicts.append((old, found))
    return sub


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return field_key(a) == field_key(b)  # two wordings of one answer
    return a == b


def read_submission(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Submission:
    """A submission file (.xlsx/.xlsm, .xls, .ods or .csv, read by the one safe reader with the
    same limits; a .csv's sheet is named after the file); raises workbooks.UnreadableWorkbook."""
    raw: RawWorkbook = read_workbook(path, limits)
    sub = read_grid_sheets(raw.sheets, str(path), raw.has_macros)
    sub.sha256, sub.formulas, sub.external_links = raw.sha256, tuple(raw.formulas), tuple(raw.external_links)
    return sub


def read_sheets(
    sheets: Mapping[str, Sequence[Sequence[object]]],
    *,
    file: str = "当前工作簿",
    hidden: Collection[str] = (),
    origins: Mapping[str, str] | None = None,
    merged: Mapping[str, Sequence[str]] | None = None,
) -> Submission:
    """In-memory sheets ``{name: 2-D values}`` (e.g. from xlwings), read the same way.

    `origins` gives each sheet's top-left cell when the values do not start at A1
    (``{"申报表": "B2"}``); `merged` lists merged ranges per sheet (``["A1:B1"]``) when known.
    """
    raws: list[RawSheet] = []
    for name, values in sheets.items():
        r0, c0 = parse_address((origins or {}).get(name, "A1"))
        rows: list[list] = [[] for _ in range(r0)]
        for row in values or []:
            cells = list(row) if isinstance(row, (list, tuple)) else [row]
            rows.append([""] * c0 + ["" if v is None else v for v in cells])
        spans = []
        for ref in (merged or {}).get(name, ()):
            a, _, b = ref.partition(":")
            ra, ca = parse_address(a)
            rb, cb = parse_address(b or a)
            spans.append((ra, ca, rb, cb))
        raws.append(RawSheet(str(name), rows, name in hidden, spans))
    return read_grid_sheets(raws, file)
