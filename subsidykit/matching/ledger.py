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

Bounded whatever the ledger (a reader-accepted ledger has up to 200,000 rows): each row keeps
the matches of the asked statuses only, with their reviews released; the sheet is refused
(before a byte is written) when it would pass Excel's 1,048,576 rows, as soon as the rows
matched so far make that certain; a unit's or project's name is shown with at most
`NAME_SHOWN` characters (a name repeats on every match row of its ledger row: a 4 KB ledger of
200 rows with one 32,000-character shared string made a 3 GB sheet); and a note that would
repeat for many rows (an amount converted from 元 in every row, thousands of blank rows
skipped) is said once with the row numbers as ranges.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.cite import cite
from subsidykit.errors import BadInputError, SubsidyError
from subsidykit.rules.findings import ERROR, INFO
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
EXCEL_ROWS = 1_048_576  # the rows of an Excel worksheet
NAME_SHOWN = 200  # characters of a unit's or project's name (or the ledger's choice) shown in a sheet row or a note
SAME_NOTES_LISTED = 5  # an information note repeated on more rows: these are listed, the rest said once
# the reader's information notes about one row each (a 合计 row, a row of remarks only, an amount
# converted from 元): past SAME_NOTES_LISTED of one kind, the rest are said in one line with their rows
_SAID_ONCE = {"TOTAL_ROW", "ROW_WITHOUT_DATA", "AMOUNT_UNIT_CONVERTED"}
RANGES_LISTED = 100  # row ranges named in one note ("第3–9、12、15–20行"), then "等"


def shown_name(text: str) -> str:
    """A name as the sheet and the notes show it: at most NAME_SHOWN characters, a longer one cut
    with "…" (the ledger's cell keeps it whole; `--json` gives it whole)."""
    return text if len(text) <= NAME_SHOWN else text[: NAME_SHOWN - 1] + "…"


def row_ranges(rows: Sequence[int]) -> str:
    """[3, 4, 5, 7, 9, 10] -> "3–5、7、9–10" (at most RANGES_LISTED ranges, then "等")."""
    spans: list[str] = []
    ordered = sorted(set(rows))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        spans.append(str(ordered[i]) if i == j else f"{ordered[i]}–{ordered[j]}")
        i = j + 1
        if len(spans) == RANGES_LISTED and i < len(ordered):
            spans.append("等")
            break
    return "、".join(spans)


class SheetTooLarge(BadInputError):
    """The match sheet would pass Excel's row limit."""


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
    def who(self) -> str:
        """The row as the notes name it: 第N行（unit）, the unit's name cut (`shown_name`)."""
        return f"第{self.row.row}行" + (f"（{shown_name(self.unit)}）" if self.unit else "")

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
        if self._table is None:
            self._table = list(self.iter_table())
        return self._table

    def n_table_rows(self) -> int:
        """len(table()), without making the table."""
        return sum(len(self.shown(r)) for r in self.rows)

    def iter_table(self):
        """The rows of `table`, one at a time (the sheet is written from these: never all at once)."""
        for r in self.rows:
            best = r.result.best if r.result is not None else None
            unit, project, chosen = shown_name(r.unit), shown_name(r.project), shown_name(r.chosen)
            for m in self.shown(r):
                yield (
                    [
                        r.row.row,
                        unit,
                        project,
                        chosen,
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
        out.append(
            f"台账「{lg.sheet}」共 {n_rows} 个项目（第{lg.header_row}行为表头）；{shown_rows} 个有匹配结果，共 {self.n_table_rows()} 行：{words or '无'}"
        )
        out.append(f"排序：按台账行的顺序；同一台账行内{_ORDER_TEXT}")
        if any(len(r.unit) > NAME_SHOWN or len(r.project) > NAME_SHOWN or len(r.chosen) > NAME_SHOWN for r in self.rows):
            out.append(f"单位名称、项目名称或所报类别超过 {NAME_SHOWN} 个字的，表中只显示前 {NAME_SHOWN - 1} 个字并以“…”结尾（台账本身不变）")
        sheet_issues = [i for i in lg.issues if i.code not in _SHEET_CODES_SKIPPED]
        for i, more in _said_once(sheet_issues, lambda i: _row_of_cell(i.cell)):
            if more is not None:
                if more:
                    out.append(more)
                continue  # past the first few of one kind: said by that line
            where = f"{i.cell}：" if i.cell else ""
            out.append(f"{where}{_reword(i.message)}")
        if lg.skipped:
            out.append(f"跳过的行（空行、合计行、重复的表头或落款）：第{row_ranges(lg.skipped)}行（共 {len(lg.skipped)} 行）")
        chosen = [c.header for c in lg.columns if c.field in CHOICE_FIELDS]
        if chosen:
            out.append(f"列「{'」「'.join(chosen)}」是台账所报的类别或年度：列在「台账所报类别」中，匹配时不作为条件")
        unused = self.unused_columns()
        if unused:
            out.append(f"未用于匹配的列（不是 {self.year} 年度任何项目的条件）：{'、'.join(unused)}")
        row_of = {id(i): r.row.row for r in self.rows for i in r.row.issues}
        info_said = {id(i): more for i, more in _said_once([i for r in self.rows for i in r.row.issues], lambda i: row_of[id(i)])}
        for r in self.rows:
            who = r.who
            if r.year_note:
                out.append(f"{who}：{r.year_note}")
            for i in r.row.issues:
                more = info_said.get(id(i))
                if more is not None:
                    if more:
                        out.append(more)
                    continue  # past the first few of one kind: said by that line
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

    def check_size(self) -> None:
        """SheetTooLarge when the sheet (title, notes, a blank row, the header, the table) would
        pass Excel's rows."""
        n = self.n_table_rows()
        if self.header_row + n > EXCEL_ROWS:
            raise SheetTooLarge(_too_large(self.header_row + n))

    def xlsx_bytes(self) -> bytes:
        """The one sheet: a title, the notes, a blank row, then the table (header frozen and
        filtered), written directly (`matching.xlsx`: 27,000 rows in about a second) and row by
        row; SheetTooLarge beyond Excel's rows (`check_size`)."""
        from subsidykit.matching.xlsx import table_xlsx

        self.check_size()
        title = f"政策匹配结果（{self.year} 年度）" + (f"：{self.source}" if self.source else "")
        if self._table is not None:
            return table_xlsx(SHEET_NAME, title, self.notes(), COLUMNS, WIDTHS, self._table)
        return table_xlsx(SHEET_NAME, title, self.notes(), COLUMNS, WIDTHS, self.iter_table(), n_rows=self.n_table_rows())

    @property
    def header_row(self) -> int:
        """The sheet row of COLUMNS (below the title, the notes and a blank row)."""
        return len(self.notes()) + 3

    def json_rows(self):
        """The items of `to_json()["rows"]`, one ledger row at a time (a 10,000-row ledger's JSON is
        some 500 MB: the command line writes it row by row)."""
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
            yield item

    def json_head(self) -> dict:
        """`to_json()` but its "rows"."""
        return {
            "year": self.year,
            "sheet": self.ledger.sheet,
            "header_row": self.ledger.header_row,
            "statuses": list(self.statuses),
            "counts": self.counts(),
            "skipped_rows": list(self.ledger.skipped),
            "unused_columns": self.unused_columns(),
            "notes": self.notes(),
        }

    def to_json(self) -> dict:
        return {**self.json_head(), "rows": list(self.json_rows())}


_STATUS_WORD = {ELIGIBLE: "符合", UNKNOWN: "待补充", "ineligible": "不符合"}


def _too_large(rows: int, ledger_row: int | None = None) -> str:
    where = f"（到台账第{ledger_row}行已有 {rows:,} 行）" if ledger_row is not None else f"（共 {rows:,} 行）"
    return (
        f"匹配结果超过 Excel 工作表的上限 {EXCEL_ROWS:,} 行{where}，无法写成一个工作表；"
        "请只列出符合的项目（--status 符合），或把台账分成几份分别匹配"
    )


def _row_of_cell(cell: str | None) -> int | None:
    """The sheet row of a cell reference ("台账!A7" -> 7), None when it names none."""
    if not cell:
        return None
    tail = cell.rsplit("!", 1)[-1]
    digits = tail.lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return int(digits) if digits.isdigit() else None


def _said_once(issues, row_of) -> list:
    """(issue, None) for each issue to list as it is, and (issue, the line saying the rest) for
    the first of the information notes past SAME_NOTES_LISTED of one kind (code, field); the
    others of that kind are left out of the list (said by that line, with their rows)."""
    kinds: dict[tuple, list] = {}
    place: dict[int, int] = {}  # id(issue) -> its place among those of its kind
    for i in issues:
        if i.severity == INFO and i.code in _SAID_ONCE:
            group = kinds.setdefault((i.code, i.field), [])
            place[id(i)] = len(group)
            group.append(i)
    out = []
    for i in issues:
        group = kinds.get((i.code, i.field)) if id(i) in place else None
        if group is None or len(group) <= SAME_NOTES_LISTED:
            out.append((i, None))
            continue
        at = place[id(i)]
        if at < SAME_NOTES_LISTED:
            out.append((i, None))
        elif at == SAME_NOTES_LISTED:
            rest = group[SAME_NOTES_LISTED:]
            rows = [x for x in (row_of(g) for g in rest) if x is not None]
            where = f"第{row_ranges(rows)}行" if rows else "其余各处"
            out.append((i, f"另有 {len(rest)} 处同类提示（如：{_reword(group[0].message)}）：{where}"))
        else:
            out.append((i, False))
    return out


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


def _match_row(
    values: dict[str, object], year: int | None, cat: Catalog, statuses: Sequence[str] | None = None, history=None
) -> tuple[MatchResult, tuple[tuple[str, str], ...]]:
    """`match` of one row; a value the reader kept as text but a condition cannot read (示范级别
    「很高」) is left out and said (the engine's lenient mode), as the reader's unreadable values
    are, rather than losing the row.  `statuses`: the candidates certain to have another status
    are not reviewed (the engine's `statuses`); `history(values, year)`: the register's History
    of the row's applicant."""
    of_year = (lambda y: history(values, y)) if history is not None else None
    res = match(values, year, catalog=cat, lenient=True, statuses=statuses, history=of_year)
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
    history=None,
) -> LedgerMatch:
    """Every row of `ledger` matched against the year's programs (`rules.matching.match`).

    Each row's result keeps the matches of `statuses` only, their `review` released (None);
    SheetTooLarge as soon as the rows to show pass Excel's rows."""
    cat = catalog or load_catalog()
    y, year_note = _choose_year(ledger.rows, year, cat)
    results: list[RowResult] = []
    wanted = tuple(statuses)
    n_shown = 0
    for row in ledger.rows:
        unread = _unread(row)
        own = _row_year(row)
        note = f"申报年度为 {own}，按 {y} 年度匹配" if own is not None and own != y else None
        refused: tuple[tuple[str, str], ...] = ()
        try:
            (res, refused), err = _match_row(_values_of(row, unread), y, cat, wanted, history), None
        except SubsidyError as exc:
            res, err = None, exc.message
        if res is not None:
            _keep(res, wanted)
            n_shown += len(res.matches)
            if n_shown > EXCEL_ROWS:  # certain already: say so now, not after the whole ledger
                raise SheetTooLarge(_too_large(n_shown, row.row))
        results.append(RowResult(row, res, err, unread, note, refused))
    return LedgerMatch(ledger, y, results, wanted, year_note, source)


def _keep(result: MatchResult, statuses: Sequence[str]) -> None:
    """A row's result as the ledger keeps it: the matches of `statuses` only (the table and the
    JSON show no others), each without its review (350,000 reviews of a 10,000-row ledger took
    over 2 GB); `best`, `unused` and `refused` as the engine gave them."""
    wanted = set(statuses)
    for m in result.matches:
        m.review = None
    if result.best is not None:
        result.best.review = None
    result.matches = tuple(m for m in result.matches if m.status in wanted)


def match_ledger_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    year: object = None,
    mapping=None,
    statuses: Sequence[str] = (ELIGIBLE, UNKNOWN),
    catalog: Catalog | None = None,
    history=None,
) -> LedgerMatch:
    """`match_ledger` of the ledger sheet `sheet` (default: the first) of a file (xlsx/xls/ods/csv);
    `history(values, year)`: the project register's History of a row's applicant, or None."""
    p = Path(path)
    return match_ledger(
        read_ledger(p, sheet=sheet, mapping=mapping), year=year, statuses=statuses, catalog=catalog, source=p.name, history=history
    )


__all__ = [
    "CHOICE_FIELDS",
    "COLUMNS",
    "EXCEL_ROWS",
    "NAME_SHOWN",
    "SHEET_NAME",
    "LedgerMatch",
    "RowResult",
    "SheetTooLarge",
    "match_ledger",
    "match_ledger_file",
    "row_ranges",
    "shown_name",
]
