"""Matching every row of a clerk's ledger against the year's programs, and the one sheet it writes.

    lm = match_ledger_file("台账.xlsx", year=2023)        # or match_ledger(read_ledger(...))
    lm.notes()          # what was not used: columns, rows, unreadable values (never silent)
    lm.table()          # a row per (ledger row, program) of the asked statuses
    data = lm.xlsx_bytes()

The ledger is read by the one reader (`workbooks.ledger`: any column order and wording, title
rows, amounts in 元, dates in any form); each row's values go to the one engine
(`rules.matching.match`).  Left out of a row's values, and said in the notes: the values the
reader could not read (the conditions on them stay 待补充), and the ledger's own choice
(申报项目类别, 项目子类, 申报年度: shown in the sheet, never a condition).

Order of the sheet: the ledger's rows in their order; within a row, the engine's order —
符合 first, then 待补充, each by the maximum award, highest first (not computable last) — so a
clerk reads one project's options together, best first.  Excel's filter on the header sorts
the whole sheet by amount when wanted.

Year: the one given; else the year most rows give in 申报年度; else the newest year of the
catalog (said in the notes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.cite import cite
from subsidykit.errors import BadInputError, SubsidyError
from subsidykit.rules.findings import ERROR
from subsidykit.rules.matching import ELIGIBLE, UNKNOWN, MatchResult, match, years
from subsidykit.rules.parsing import optional_year, parse_year
from subsidykit.matching import table as T
from subsidykit.workbooks.ledger import Ledger, LedgerRow, read_ledger

SHEET_NAME = "政策匹配"
# the ledger's own choice of program and year: shown, never a condition of another program
CHOICE_FIELDS = ("申报项目类别", "项目子类", "申报年度")
# who and what: shown in their own columns of the sheet (given to the engine, never listed as unused)
SHOWN_FIELDS = ("单位名称", "申报项目名称")
COLUMNS = (
    "台账行号",
    "申报单位",
    "项目名称",
    "台账所报类别",
    T.H_PROJECT,
    T.H_VARIANT,
    T.H_STATUS,
    T.H_AMOUNT,
    "最优",
    T.H_GAPS,
    "说明",
    "出处",
)
WIDTHS = (9, 28, 30, 24, 34, 22, 8, 14, 6, 48, 60, 30)
# the reader's findings that are about matching's input (the others, e.g. a missing 申报项目类别
# column, do not change a match)
_SHEET_CODES_SKIPPED = {"MISSING_COLUMN"}


class RowResult:
    """One ledger row: what the engine said (`result`) or why it could not (`error`)."""

    __slots__ = ("row", "result", "error", "unread", "refused", "year_note")

    def __init__(
        self,
        row: LedgerRow,
        result: MatchResult | None,
        error: str | None,
        unread: tuple[str, ...],
        year_note: str | None,
        refused: tuple[tuple[str, str], ...] = (),
    ):
        self.row, self.result, self.error, self.unread, self.year_note = row, result, error, unread, year_note
        self.refused = refused  # (field, the engine's message): values the reader kept but a condition cannot read

    @property
    def unit(self) -> str:
        return _text(self.row.values.get("单位名称"))

    @property
    def project(self) -> str:
        return _text(self.row.values.get("申报项目名称"))

    @property
    def chosen(self) -> str:
        kind, sub = _text(self.row.values.get("申报项目类别")), _text(self.row.values.get("项目子类"))
        return f"{kind}/{sub}" if kind and sub else kind or sub


def _text(value: object) -> str:
    return "" if value is None else str(value)


class LedgerMatch:
    """The matches of a whole ledger (`match_ledger`)."""

    def __init__(self, ledger: Ledger, year: int, rows: list[RowResult], statuses: tuple[str, ...], year_note: str, source: str | None = None):
        self.ledger, self.year, self.rows, self.statuses = ledger, year, rows, statuses
        self.year_note = year_note
        self.source = source  # the ledger file's name, for the title
        self._table: list[list] | None = None
        self._notes: list[str] | None = None

    # --- the table -------------------------------------------------------------------------

    def shown(self, r: RowResult) -> list:
        """The row's matches of the asked statuses, in the engine's order."""
        return r.result.of_status(*self.statuses) if r.result is not None else []

    def table(self) -> list[list]:
        """The data rows of the sheet (COLUMNS), ledger order, each row's matches best first."""
        if self._table is not None:
            return self._table
        out = []
        for r in self.rows:
            best = r.result.best if r.result is not None else None
            for m in self.shown(r):
                out.append(
                    [
                        r.row.row,
                        r.unit,
                        r.project,
                        r.chosen,
                        T.program_title(m, self.year),
                        m.variant or "",
                        T.status_text(m),
                        T.amount_value(m),
                        "是" if T.is_best(m, best) else "",
                        T.gaps_text(m),
                        "；".join(T.remarks(m, best)),
                        cite(m.source) if m.source is not None else "",
                    ]
                )
        self._table = out
        return out

    def counts(self) -> dict[str, int]:
        c = Counter(m.status for r in self.rows for m in self.shown(r))
        return {s: c.get(s, 0) for s in self.statuses}

    # --- never silent ------------------------------------------------------------------------

    def unused_columns(self) -> list[str]:
        """Ledger columns read into a field no program of the year uses (their headers)."""
        matched = [r.result for r in self.rows if r.result is not None]
        if not matched:
            return []
        used_somewhere: set[str] = set()
        given: set[str] = set()
        for r in self.rows:
            if r.result is None:
                continue
            vals = set(_values_of(r.row, r.unread)) - {name for name, _ in r.refused}
            given |= vals
            used_somewhere |= vals - set(r.result.unused)
        return [
            c.header
            for c in self.ledger.columns
            if c.field and c.field not in CHOICE_FIELDS and c.field not in SHOWN_FIELDS and c.field in given and c.field not in used_somewhere
        ]

    def notes(self) -> list[str]:
        """Everything the sheet does not show by itself, in Chinese, one line each."""
        if self._notes is None:
            self._notes = self._make_notes()
        return self._notes

    def _make_notes(self) -> list[str]:
        lg = self.ledger
        out = [self.year_note]
        n_rows = len(self.rows)
        shown_rows = sum(1 for r in self.rows if self.shown(r))
        words = "、".join(f"{_STATUS_WORD[s]} {n} 个" for s, n in self.counts().items())
        out.append(f"台账「{lg.sheet}」共 {n_rows} 个项目（第{lg.header_row}行为表头）；{shown_rows} 个有匹配结果，共 {len(self.table())} 行：{words or '无'}")
        out.append(f"排序：按台账行的顺序；同一台账行内{_ORDER_TEXT}")
        for i in lg.issues:
            if i.code in _SHEET_CODES_SKIPPED:
                continue
            where = f"{i.cell}：" if i.cell else ""
            out.append(f"{where}{_reword(i.message)}")
        if lg.skipped:
            out.append(f"跳过的行（空行、合计行、重复的表头或落款）：第{'、'.join(map(str, lg.skipped))}行")
        chosen = [c.header for c in lg.columns if c.field in CHOICE_FIELDS]
        if chosen:
            out.append(f"列「{'」「'.join(chosen)}」是台账所报的类别或年度：列在「台账所报类别」中，匹配时不作为条件")
        unused = self.unused_columns()
        if unused:
            out.append(f"未用于匹配的列（不是 {self.year} 年度任何项目的条件）：{'、'.join(unused)}")
        for r in self.rows:
            who = f"第{r.row.row}行" + (f"（{r.unit}）" if r.unit else "")
            if r.year_note:
                out.append(f"{who}：{r.year_note}")
            for i in r.row.issues:
                dropped = i.severity == ERROR and i.field in r.unread
                tail = "；未用于匹配，相关条件按待补充" if dropped else ""
                out.append(f"{who}{' ' + i.cell if i.cell else ''}：{i.message}{tail}")
            for name, message in r.refused:
                cell = r.row.cells.get(name)
                out.append(f"{who}{' ' + cell if cell else ''}：{message}；未用于匹配，相关条件按待补充")
            if r.error is not None:
                out.append(f"{who}：未能匹配：{r.error}")
            elif not self.shown(r):
                out.append(f"{who}：没有{'或'.join(_STATUS_WORD[s] for s in self.statuses)}的项目")
        return out

    # --- outputs -----------------------------------------------------------------------------

    def xlsx_bytes(self) -> bytes:
        """The one sheet: a title, the notes, a blank row, then the table (header frozen and
        filtered), written directly (`matching.xlsx`: 27,000 rows in about a second)."""
        from subsidykit.matching.xlsx import table_xlsx

        title = f"政策匹配结果（{self.year} 年度）" + (f"：{self.source}" if self.source else "")
        return table_xlsx(SHEET_NAME, title, self.notes(), COLUMNS, WIDTHS, self.table())

    @property
    def header_row(self) -> int:
        """The sheet row of COLUMNS (below the title, the notes and a blank row)."""
        return len(self.notes()) + 3

    def to_json(self) -> dict:
        rows = []
        for r in self.rows:
            item = {"row": r.row.row, "unit": r.unit, "project": r.project, "chosen": r.chosen}
            if r.result is None:
                item["error"] = r.error
                item["programs"], item["best"] = [], None
            else:
                data = r.result.to_json()
                keep = {m.label for m in self.shown(r)}
                by_label = [m.label for m in r.result.matches]
                item["programs"] = [p for p, label in zip(data["programs"], by_label) if label in keep]
                item["best"] = data["best"]
                item["unused"] = data.get("unused", [])
            item["unread"] = [*r.unread, *(name for name, _ in r.refused)]
            rows.append(item)
        return {
            "year": self.year,
            "sheet": self.ledger.sheet,
            "header_row": self.ledger.header_row,
            "statuses": list(self.statuses),
            "counts": self.counts(),
            "skipped_rows": list(self.ledger.skipped),
            "unused_columns": self.unused_columns(),
            "notes": self.notes(),
            "rows": rows,
        }


_STATUS_WORD = {ELIGIBLE: "符合", UNKNOWN: "待补充", "ineligible": "不符合"}
_ORDER_TEXT = "符合在前、待补充在后（按所选结论的顺序），各按最高补助从高到低，无法测算的在后"


def _reword(message: str) -> str:
    """The reader's words are about the 汇总表; here the ledger is matched."""
    return message.replace("未读入汇总表", "未读入（不用于匹配）").replace("填入汇总表", "用于匹配")


def _values_of(row: LedgerRow, unread: Collection[str]) -> dict[str, object]:
    """The values the engine gets: all the row's fields but the unreadable ones and the ledger's choice."""
    return {k: v for k, v in row.values.items() if k not in unread and k not in CHOICE_FIELDS}


def _unread(row: LedgerRow) -> tuple[str, ...]:
    """Fields the reader could not read (kept as typed, reported as an 错误 on the cell)."""
    return tuple(dict.fromkeys(i.field for i in row.issues if i.severity == ERROR and i.field and i.field in row.values and i.code.startswith("BAD_")))


def _match_row(values: dict[str, object], year: int | None, cat: Catalog) -> tuple[MatchResult, tuple[tuple[str, str], ...]]:
    """`match` of one row; a value the reader kept as text but a condition cannot read (示范级别
    「很高」) is left out and said (the engine's lenient mode), as the reader's unreadable values
    are, rather than losing the row."""
    res = match(values, year, catalog=cat, lenient=True)
    return res, res.refused


def _row_year(row: LedgerRow) -> int | None:
    y = row.values.get("申报年度")
    if y is None:
        return None
    try:
        return parse_year(y)
    except SubsidyError:
        return None


def _choose_year(rows: Sequence[LedgerRow], year: object, catalog: Catalog) -> tuple[int, str]:
    """(the year, the note saying where it came from); a year the catalog has no guide for is
    refused before any row is matched."""
    have = years(catalog)
    given = optional_year(year)
    if given is not None:
        y, note = given, f"匹配年度：{given}（--year）"
    else:
        counted = Counter(y for y in map(_row_year, rows) if y is not None)
        if counted:
            y, n = counted.most_common(1)[0]
            note = f"匹配年度：{y}（台账「申报年度」列，{n} 个项目）"
        else:
            y, note = have[-1], f"匹配年度：{have[-1]}（未指定年度，台账也没有「申报年度」列：按政策目录最新年度）"
    if y not in have:
        where = "" if given is not None else "（台账「申报年度」列）"
        raise BadInputError(f"政策目录中没有 {y} 年度{where}的指南；可选年度：{'、'.join(map(str, have))}；请用 --year 指定")
    return y, note


def match_ledger(
    ledger: Ledger,
    *,
    year: object = None,
    statuses: Sequence[str] = (ELIGIBLE, UNKNOWN),
    catalog: Catalog | None = None,
    source: str | None = None,
) -> LedgerMatch:
    """Every row of `ledger` matched against the year's programs (`rules.matching.match`)."""
    cat = catalog or load_catalog()
    y, year_note = _choose_year(ledger.rows, year, cat)
    results: list[RowResult] = []
    for row in ledger.rows:
        unread = _unread(row)
        own = _row_year(row)
        note = f"申报年度为 {own}，按 {y} 年度匹配" if own is not None and own != y else None
        refused: tuple[tuple[str, str], ...] = ()
        try:
            (res, refused), err = _match_row(_values_of(row, unread), y, cat), None
        except SubsidyError as exc:
            res, err = None, exc.message
        results.append(RowResult(row, res, err, unread, note, refused))
    return LedgerMatch(ledger, y, results, tuple(statuses), year_note, source)


def match_ledger_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    year: object = None,
    mapping=None,
    statuses: Sequence[str] = (ELIGIBLE, UNKNOWN),
    catalog: Catalog | None = None,
) -> LedgerMatch:
    """`match_ledger` of the ledger sheet `sheet` (default: the first) of a file (xlsx/xls/ods/csv)."""
    p = Path(path)
    return match_ledger(read_ledger(p, sheet=sheet, mapping=mapping), year=year, statuses=statuses, catalog=catalog, source=p.name)


__all__ = ["CHOICE_FIELDS", "COLUMNS", "SHEET_NAME", "LedgerMatch", "RowResult", "match_ledger", "match_ledger_file"]
