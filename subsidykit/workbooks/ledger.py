"""Reading a clerk's ledger (台账) sheet into rows of canonical fields.

A ledger is the clerk's own table of the applications received: one project a
row, columns in the clerk's order and wording ("企业名称" / "单位名称"; "总投资(万元)"),
often with title rows (merged cells) above the header, numbers typed as text,
some amounts in 元 and dates written in several ways.

The reader finds the header row, maps each column to a field of the shared
vocabulary (`catalog/fields.yaml`, through `vocabulary.match`, the one matcher of
ledger headers, submission labels and threshold fields: "2021年营业收入（万元）",
"上年度纳税额", "利润(元)", "其中：设备投资" …) or of a user mapping file, and parses
each value with the engine's parsers.  A column nothing maps is reported
(UNMAPPED_COLUMN, a warning; `summary` lists them first with the closest fields); an amount column headed in 元 (千元, 亿元)
is converted to 万元 and the conversion reported (COLUMN_UNIT_CONVERTED).  Every value
keeps its source cell ("台账!B7").  Nothing is guessed silently: amounts that look
like 元 typed in a 万元 column are flagged (and kept as typed), unreadable values
are kept as text and flagged.

The same function (`read_values`) serves an xlsx file (`read_ledger`) and the 2-D
list of values a macro gets from xlwings (`sheet.used_range.value`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from subsidykit.errors import BadInputError
from subsidykit.rules.parsing import is_blank, parse_amount_wan, parse_bool, parse_date, parse_number
from subsidykit.rules.findings import CODES, ERROR, INFO, WARNING, Finding
from subsidykit.rules.review import unit_suspects
from subsidykit.rules.vocabulary import canonical_field, closest_fields, field_units
from subsidykit.rules.vocabulary import BOOKKEEPING, field_key, header_unit, nfkc
from subsidykit.rules.vocabulary import match as match_field
from subsidykit.rules.uscc import problem as uscc_problem
from subsidykit.workbooks.cells import col_index, col_letters


HEADER_SCAN_ROWS = 30  # the header is looked for in the first rows of the sheet
# A column must map to one of these for a row to count as the header.
KEY_FIELDS = ("单位名称", "申报项目名称")

_TOTAL_WORDS = {"合计", "小计", "总计", "合 计", "总 计"}
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def issue(code: str, severity: str, message: str, cell: str | None = None, field: str | None = None) -> Finding:
    """A finding about one value, column or row of the ledger (the one findings model;
    codes AMOUNT_LOOKS_LIKE_YUAN, AMOUNT_UNIT_CONVERTED, BAD_AMOUNT, BAD_DATE, UNMAPPED_COLUMN, ...)."""
    return Finding(code, severity, message, field=field, cell=cell)


@dataclass(frozen=True)
class Column:
    index: int  # 0-based within the values given
    letter: str  # sheet column letter
    header: str  # as typed
    field: str | None  # canonical field, None = not used
    unit: str | None = None  # explicit unit in the header ("元", "亿元") for amount columns
    by_user: bool = False  # decided by the user's mapping file

    @property
    def bookkeeping(self) -> bool:
        """序号, 备注 …: the ledger's own columns, never fields, never reported as unmapped."""
        return field_key(self.header) in BOOKKEEPING


@dataclass
class LedgerRow:
    """One project: values by canonical field, their source cells and the findings."""

    sheet: str
    row: int  # 1-based sheet row
    values: dict[str, object] = field(default_factory=dict)  # parsed: Decimal 万元, date, bool, str
    raw: dict[str, object] = field(default_factory=dict)  # as read from the cell
    cells: dict[str, str] = field(default_factory=dict)  # field -> "台账!B7"
    extra: dict[str, object] = field(default_factory=dict)  # unmapped columns: header -> raw value
    issues: list[Finding] = field(default_factory=list)
    stated_units: set[str] = field(default_factory=set)  # amount fields whose unit the header or the text states

    @property
    def where(self) -> str:
        return f"{self.sheet}!第{self.row}行"

    def get(self, name: str, default=None):
        return self.values.get(name, default)


@dataclass
class Ledger:
    sheet: str
    header_row: int  # 1-based sheet row of the column headers
    columns: list[Column]
    rows: list[LedgerRow]
    issues: list[Finding] = field(default_factory=list)  # about the sheet itself (unmapped columns, ...)
    skipped: list[int] = field(default_factory=list)  # sheet rows skipped (blank, 合计)

    @property
    def fields(self) -> list[str]:
        return [c.field for c in self.columns if c.field]

    @property
    def unmapped(self) -> list[Column]:
        """Columns nothing maps to a field (neither the vocabulary nor the user's mapping)."""
        return [c for c in self.columns if not c.field and not c.by_user and not c.bookkeeping]

    def cell_of(self, column: Column) -> str:
        """The header cell of a column ("台账!E3")."""
        return f"{self.sheet}!{column.letter}{self.header_row}"


# ---------------------------------------------------------------- helpers


def _parse_origin(origin: str | tuple[int, int]) -> tuple[int, int]:
    """ "B3" or "$B$3" or "B3:K40" -> (row 3, column index 1)."""
    if isinstance(origin, tuple):
        return int(origin[0]), int(origin[1])
    text = str(origin).split("!")[-1].split(":")[0].replace("$", "").upper()
    m = re.fullmatch(r"([A-Z]{1,3})(\d+)", text)
    if not m:
        raise BadInputError(f"无法识别的起始单元格「{origin}」")
    return int(m.group(2)), col_index(m.group(1))


def _header_text(value: object) -> str:
    """A cell's text as written, NFKC and without spaces: unlike `field_key` it keeps brackets,
    units and numbering, so that a repeated header row or a footer line is recognised by its wording."""
    if is_blank(value):
        return ""
    return re.sub(r"\s+", "", nfkc(value))


def suggest_mapping(header: str, prefer: tuple[str, ...] = (), n: int = 3) -> list[str]:
    """The fields closest to a header nothing maps (`thresholds.closest_fields`), `prefer` first."""
    return closest_fields(header, n, prefer)


MAPPING_MAX_BYTES = 1024 * 1024  # a mapping file is a few lines; a bigger one is refused before it is parsed


def _unique_key(p: Path, key: object, seen: set) -> None:
    try:
        if key in seen:
            raise BadInputError(f"列名对照文件 {p.name}：「{key}」写了两次，只能写一次")
        seen.add(key)
    except TypeError:  # an unhashable key: refused below (keys must be text)
        pass


def _mapping_loader(p: Path) -> type:
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last one silently)."""
    import yaml  # only a --mapping file needs it

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            if isinstance(node, yaml.MappingNode):
                self.flatten_mapping(node)
                seen: set = set()
                for key_node, _value in node.value:
                    _unique_key(p, self.construct_object(key_node, deep=deep), seen)
            return super().construct_mapping(node, deep=deep)

    return Loader


def _json_pairs(p: Path):
    def hook(pairs):
        seen: set = set()
        for k, _v in pairs:
            _unique_key(p, k, seen)
        return dict(pairs)

    return hook


def load_mapping(path: str | Path) -> dict[str, str | None]:
    """A user mapping file (YAML or JSON): {表头文字: 字段名}; 字段名 empty or null = ignore the column."""
    p = Path(path)
    try:
        if p.stat().st_size > MAPPING_MAX_BYTES:
            raise BadInputError(f"列名对照文件 {p.name} 过大（超过 {MAPPING_MAX_BYTES // 1024} KB），应只有表头文字与字段名的对照")
        with p.open("rb") as fh:
            raw = fh.read(MAPPING_MAX_BYTES + 1)
        if len(raw) > MAPPING_MAX_BYTES:
            raise BadInputError(f"列名对照文件 {p.name} 过大（超过 {MAPPING_MAX_BYTES // 1024} KB），应只有表头文字与字段名的对照")
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise BadInputError(f"无法读取列名对照文件 {p}：{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BadInputError(f"列名对照文件 {p.name} 不是 UTF-8 编码的文字，请另存为 UTF-8") from None
    import yaml  # only a mapping file needs it (not imported by every summary run)

    try:
        data = json.loads(text, object_pairs_hook=_json_pairs(p)) if p.suffix.lower() == ".json" else yaml.load(text, Loader=_mapping_loader(p))
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise BadInputError(f"列名对照文件 {p.name} 格式错误：{exc}") from None
    except RecursionError:
        raise BadInputError(f"列名对照文件 {p.name} 格式错误：嵌套层数过多") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise BadInputError(f"列名对照文件 {p.name} 应为「表头文字: 字段名」的对照表")
    out: dict[str, str | None] = {}
    for k, v in data.items():
        if v is not None and not isinstance(v, str):
            raise BadInputError(f"列名对照文件 {p.name}：「{k}」对应的字段名应为文字")
        out[k] = v.strip() if isinstance(v, str) and v.strip() else None
    first: dict[str, str] = {}
    for k, v in out.items():  # two spellings of one header mapped differently: neither is taken silently
        other = first.setdefault(field_key(k), k)
        if other != k and out[other] != v:
            raise BadInputError(f"列名对照文件 {p.name}：「{k}」与「{other}」是同一个表头，却对应不同的字段")
    return out


def _mapping_index(mapping: Mapping[str, str | None]) -> dict[str, str | None]:
    """The user mapping by normalised header (the first entry wins, as before): built once per ledger."""
    index: dict[str, str | None] = {}
    for k, v in mapping.items():
        index.setdefault(field_key(k), v)
    return index


def _map_header(header: str, index: Mapping[str, str | None]) -> tuple[bool, str | None]:
    """(decided by the user mapping?, field); `index` from _mapping_index."""
    if not header:
        return False, None
    key = field_key(header)
    if key in index:
        v = index[key]
        return True, (canonical_field(v) if v else None)
    return False, match_field(header)


def _find_header(
    grid: Sequence[Sequence[object]], mapping: Mapping[str, str | None]
) -> tuple[int, list[tuple[int, str, str | None, bool]]]:
    best: tuple[int, int] | None = None  # (score, index)
    best_cols: list[tuple[int, str, str | None, bool]] = []
    index = _mapping_index(mapping)
    for i, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        cols = []
        for j, v in enumerate(row):
            text = _header_text(v)
            if not text or len(text) > 60:
                continue
            by_user, name = _map_header(text, index)
            cols.append((j, text, name, by_user))
        names = {c[2] for c in cols if c[2]}
        if not any(k in names for k in KEY_FIELDS):
            continue
        score = len(names)
        if score >= 2 and (best is None or score > best[0]):
            best, best_cols = (score, i), cols
    if best is None:
        raise BadInputError(
            f"在前 {HEADER_SCAN_ROWS} 行中找不到表头：需要有「单位名称」（或 企业名称、申报单位）"
            "或「申报项目名称」等列名；列名不同时请用列名对照文件（--mapping）说明"
        )
    return best[1], best_cols


def _second_header(
    grid: Sequence[Sequence[object]], hi: int, cols: list[tuple[int, str, str | None, bool]], mapping: Mapping[str, str | None]
) -> list[tuple[int, str, str | None, bool]] | None:
    """The columns of a two-row header, or None.  A printed ledger often heads a group of columns
    with one merged cell ("投资情况（万元）" over 项目总投入 and 固定资产投资) and the others with
    cells merged over both rows: the values of a merged cell stand in its first cell only, so the
    row below the header holds the group's column names, under a blank or unmapped top cell.  That
    row is a second header when all its cells are text, at least one names a field, and none
    stands under a top cell that already names a field (that would be a data row).  Each column
    is named by its lower cell, else its upper; a group's unit (（元）) goes to its columns."""
    if hi + 1 >= len(grid):
        return None
    index = _mapping_index(mapping)
    top = {j: (text, name, by_user) for j, text, name, by_user in cols}
    below = []
    for j, v in enumerate(grid[hi + 1]):
        if is_blank(v):
            continue
        if not isinstance(v, str):
            return None  # a number or a date: a data row
        text = _header_text(v)
        if not text or len(text) > 60:
            return None
        if top.get(j, (None, None, None))[1] is not None:
            return None  # text under a header that names a field: a value
        by_user, name = _map_header(text, index)
        below.append((j, text, name, by_user))
    if not any(name for _j, _t, name, _u in below):
        return None
    out = {j: (j, text, name, by_user) for j, (text, name, by_user) in top.items()}
    group = ""
    row = grid[hi]
    for j, text, name, by_user in below:
        for k in range(j, -1, -1):  # the group's cell: this column's top cell, else the nearest on its left
            g = _header_text(row[k]) if k < len(row) else ""
            if g:
                group = g
                break
        unit = header_unit(group) if group and top.get(j, (None, None))[1] is None else None
        if unit and not header_unit(text):
            text = f"{text}（{unit}）"
            by_user, name = _map_header(text, index)
        out[j] = (j, text, name, by_user)
    return [out[j] for j in sorted(out)]


def _text_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 13912345678.0 from a number cell
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    text = _ILLEGAL_XML.sub("", str(value)).strip()
    return text


def _parse_cell(row: LedgerRow, col: Column, value: object, cell: str, unit: str) -> None:
    name = col.field
    assert name is not None
    try:
        if unit == "万元":
            if col.unit and not _explicit_unit(value):
                parsed = parse_amount_wan(value, default_unit=col.unit)
                row.issues.append(
                    issue(
                        "AMOUNT_UNIT_CONVERTED",
                        INFO,
                        f"{name}「{value}」按表头单位「{col.unit}」换算为 {parsed.normalize():f} 万元",
                        cell,
                        name,
                    )
                )
            else:
                parsed = parse_amount_wan(value, default_unit=col.unit or "万元")
                if isinstance(value, str) and re.search(r"(?<![万亿千])元\s*$", nfkc(value)):
                    row.issues.append(
                        issue(
                            "AMOUNT_UNIT_CONVERTED",
                            INFO,
                            f"{name}「{value}」写明以元为单位，已换算为 {parsed.normalize():f} 万元",
                            cell,
                            name,
                        )
                    )
        elif unit == "日期":
            parsed = parse_date(value)
        elif unit == "是否":
            parsed = parse_bool(value)
        elif unit in ("文本", None):
            parsed = _text_value(value)
        else:
            parsed = parse_number(value, name)
    except BadInputError as exc:
        code = {"万元": "BAD_AMOUNT", "日期": "BAD_DATE", "是否": "BAD_BOOL"}.get(unit, "BAD_VALUE")
        row.issues.append(issue(code, ERROR, f"{name}：{exc.message}（按原文照录）", cell, name))
        parsed = _text_value(value)  # kept as typed, never lost
    row.values[name] = parsed
    row.raw[name] = value
    row.cells[name] = cell


def _yuan_checks(row: LedgerRow, columns_with_unit: set[str]) -> None:
    """Flag amounts that look like 元 typed in a 万元 column (kept as typed): the engine's one
    rule set (`review.unit_suspects`), here without the program (the 审核 sheet adds it)."""
    row.stated_units = set(columns_with_unit) | {n for n in row.values if _explicit_unit(row.raw.get(n))}
    amounts = {k: v for k, v in row.values.items() if isinstance(v, Decimal)}
    for s in unit_suspects(amounts, stated=row.stated_units):
        severity = ERROR if CODES[s.code][0] == ERROR else WARNING
        row.issues.append(issue("AMOUNT_LOOKS_LIKE_YUAN", severity, s.message + "（已按原数照录）", row.cells.get(s.field), s.field))


def _is_footer(text: str) -> bool:
    t = _header_text(text)
    return "（盖章）" in t or "(盖章)" in t or t.startswith(("注：", "注:", "填表人", "制表人", "审核人"))


_UNIT_END = re.compile(r"(元|万|亿)\s*$")
_UNIT_CHARS = ("元", "万", "亿")


def _explicit_unit(raw: object) -> bool:
    if not isinstance(raw, str):
        return False
    if unicodedata.is_normalized("NFKC", raw):  # most texts: the same test without normalising
        return raw.rstrip()[-1:] in _UNIT_CHARS
    return bool(_UNIT_END.search(nfkc(raw)))


def _is_total(text: str) -> bool:
    """合计 / 小计 / 总计 (a 合计 row is skipped, said as TOTAL_ROW)."""
    if "计" not in text and unicodedata.is_normalized("NFKC", text):
        return False  # every total word has 计: the common case, without normalising the text
    t = _header_text(text)
    return t in _TOTAL_WORDS or t.startswith(("合计", "总计"))


def _repeats(row: Sequence[object], header_keys: Sequence[str]) -> bool:
    """The row is the header again (printed ledgers repeat it on every page)."""
    return len(row) == len(header_keys) and all(_header_text(v) == k for v, k in zip(row, header_keys))


# ---------------------------------------------------------------- reading


def read_values(
    values: Sequence[Sequence[object]],
    *,
    sheet: str = "Sheet1",
    origin: str | tuple[int, int] = "A1",
    mapping: Mapping[str, str | None] | None = None,
) -> Ledger:
    """Rows of a ledger given as a 2-D list of cell values (top-left cell at `origin`).

    This is what a macro has (`sheet.used_range.value`, origin = the range's first cell)
    and what `read_ledger` produces from a file.
    """
    if values is None or isinstance(values, (str, bytes)):
        raise BadInputError("台账内容为空")
    grid = [list(r) if isinstance(r, (list, tuple)) else [r] for r in values]
    if not any(not is_blank(v) for r in grid for v in r):
        raise BadInputError(f"工作表「{sheet}」是空的")
    row0, col0 = _parse_origin(origin)
    mapping = dict(mapping or {})
    hi, cols = _find_header(grid, mapping)
    units = field_units()

    ledger_issues: list[Finding] = []
    two = _second_header(grid, hi, cols, mapping)
    if two is not None:  # the column names stand in two rows: the data start below the second
        ledger_issues.append(issue(
            "TWO_ROW_HEADER", INFO, f"表头为两行（第{row0 + hi}–{row0 + hi + 1}行）：合并单元格下的列按第二行的列名读取",
            f"{sheet}!A{row0 + hi + 1}",
        ))  # fmt: skip
        hi, cols = hi + 1, two
    columns: list[Column] = []
    seen: dict[str, str] = {}
    for j, text, name, by_user in cols:
        letter = col_letters(col0 + j)
        if name and name in seen:
            ledger_issues.append(
                issue(
                    "DUPLICATE_COLUMN",
                    WARNING,
                    f"列「{text}」与列「{seen[name]}」都对应字段「{name}」，只读取前者",
                    f"{sheet}!{letter}{row0 + hi}",
                    name,
                )
            )
            name = None
        if name:
            seen[name] = text
        elif not by_user and field_key(text) not in BOOKKEEPING:
            ledger_issues.append(
                issue(
                    "UNMAPPED_COLUMN",
                    WARNING,
                    f"列「{text}」未对应任何字段，未读入汇总表；请在列名对照文件（--mapping）中指定",
                    f"{sheet}!{letter}{row0 + hi}",
                )
            )
        unit = header_unit(text) if name and units.get(name) == "万元" else None
        if unit:
            ledger_issues.append(
                issue(
                    "COLUMN_UNIT_CONVERTED",
                    INFO,
                    f"列「{text}」表头单位为{unit}，{name}已换算为万元填入汇总表",
                    f"{sheet}!{letter}{row0 + hi}",
                    name,
                )
            )
        columns.append(Column(j, letter, text, name, unit, by_user))
    missing = [k for k in ("单位名称", "申报项目名称", "申报项目类别") if k not in seen]
    for k in missing:
        ledger_issues.append(issue("MISSING_COLUMN", WARNING, f"台账中没有「{k}」列"))

    mapped = [c for c in columns if c.field]
    with_unit = {c.field for c in mapped if c.unit}
    header_keys = [_header_text(v) for v in grid[hi]]
    rows: list[LedgerRow] = []
    skipped: list[int] = []
    for i in range(hi + 1, len(grid)):
        r = grid[i]
        sheet_row = row0 + i
        cells = [(c, r[c.index] if c.index < len(r) else None) for c in mapped]
        if all(is_blank(v) for _, v in cells):
            if any(not is_blank(v) for v in r):  # only unmapped columns (a remark): keep nothing, say so
                ledger_issues.append(
                    issue("ROW_WITHOUT_DATA", INFO, "该行只有未读入的列，已跳过", f"{sheet}!A{sheet_row}")
                )
            skipped.append(sheet_row)
            continue
        if _repeats(r, header_keys):  # a repeated header (printed ledgers)
            skipped.append(sheet_row)
            continue
        texts = [v for _, v in cells if isinstance(v, str)]
        if any(_is_total(v) for v in texts):
            ledger_issues.append(issue("TOTAL_ROW", INFO, "合计行，已跳过", f"{sheet}!A{sheet_row}"))
            skipped.append(sheet_row)
            continue
        if texts and all(is_blank(v) or _is_footer(v) for v in texts):
            skipped.append(sheet_row)  # the stamp line or the note of a printed table
            continue
        row = LedgerRow(sheet, sheet_row)
        for c, v in cells:
            if is_blank(v):
                continue
            _parse_cell(row, c, v, f"{sheet}!{c.letter}{sheet_row}", units.get(c.field or "", "文本"))
        for c in columns:
            if not c.field and c.index < len(r) and not is_blank(r[c.index]):
                row.extra[c.header] = r[c.index]
        _yuan_checks(row, with_unit)
        code = row.values.get("统一社会信用代码")
        if isinstance(code, str) and (why := uscc_problem(code)):
            row.issues.append(
                issue("USCC_INVALID", WARNING, why, row.cells.get("统一社会信用代码"), "统一社会信用代码")
            )
        if "单位名称" not in row.values:
            row.issues.append(issue("MISSING_VALUE", WARNING, "缺少单位名称", f"{sheet}!第{sheet_row}行", "单位名称"))
        rows.append(row)
    if not rows:
        ledger_issues.append(issue("NO_ROWS", WARNING, f"表头（第{row0 + hi}行）下没有项目"))
    return Ledger(sheet, row0 + hi, columns, rows, ledger_issues, skipped)


def open_raw(p: Path, what: str = "台账文件"):
    """The `safe.RawWorkbook` of `p` read through the safe reader (limits checked before parsing;
    never written), or BadInputError in the clerk's words: missing, password, unreadable, no
    sheet.  `what` names the file in them (台账文件, 名单文件, …)."""
    from subsidykit.workbooks.safe import LEDGER_LIMITS, UnreadableWorkbook, read_workbook

    try:
        raw = read_workbook(p, LEDGER_LIMITS)
    except UnreadableWorkbook as exc:
        if exc.reason == "missing":
            raise BadInputError(f"找不到{what}：{p}（{exc.message}）") from None
        if exc.reason == "encrypted":
            raise BadInputError(f"{what} {p.name} 设有打开密码，请另存为无密码的文件后再试") from None
        raise BadInputError(f"无法打开{what} {p.name}：{exc.message}") from None
    if not raw.sheets:
        raise BadInputError(f"{what} {p.name} 中没有工作表")
    return raw


def plain_value(v: object) -> object:
    """A cell as the ledger readers take it: an error value as its code (#REF!), an uncalculated
    formula as blank (the readers say so where it matters), anything else as it is."""
    from subsidykit.workbooks.safe import ErrorValue, UncachedFormula

    if isinstance(v, ErrorValue):
        return v.code
    if isinstance(v, UncachedFormula):
        return ""
    return v


def sheet_values(path: str | Path, sheet: str | None = None) -> tuple[str, list[list[object]]]:
    """(sheet name, values from A1) of an xlsx/xlsm/xls/ods/csv file (a .csv's one sheet is named
    after the file), read through the safe reader (size, zip, XML, cell-position and, for csv,
    line/row/column limits checked before or while reading; never modified)."""
    name, values, _formulas = _sheet(path, sheet)
    return name, values


def _sheet(path: str | Path, sheet: str | None):
    """`sheet_values` and the formulas of that sheet (safe.FormulaCell)."""
    p = Path(path)
    raw = open_raw(p, "台账文件")
    names = [s.name for s in raw.sheets]
    if sheet is None:
        chosen = raw.sheets[0]
    elif sheet in names:
        chosen = raw.sheets[names.index(sheet)]
    elif sheet.isdigit() and 1 <= int(sheet) <= len(names):
        chosen = raw.sheets[int(sheet) - 1]
    else:
        raise BadInputError(f"台账文件 {p.name} 中没有工作表「{sheet}」；现有：{'、'.join(names)}")

    plain = plain_value
    width = max((len(r) for r in chosen.rows), default=0)
    values = [[plain(v) for v in r] + [""] * (width - len(r)) for r in chosen.rows]
    return chosen.name, values, [f for f in raw.formulas if f.sheet == chosen.name]


def row_formulas(ledger: Ledger, row: LedgerRow, by_cell: Mapping[str, object]):
    """(column, safe.FormulaCell) of every read column of `row` whose cell holds a formula;
    `by_cell`: the sheet's formulas by cell ("M6")."""
    for c in ledger.columns:
        if c.field:
            f = by_cell.get(f"{c.letter}{row.row}")
            if f is not None:
                yield c, f


def formula_notes(ledger: Ledger, formulas) -> None:
    """Say what the reader did with the formulas in the cells it read (never silent):
    a formula reaching outside the workbook (DDE, another file, a web call) was read by the value
    the file saved — a 警告 on its row; a formula saved without a value was read as blank — a 警告
    on its row; ordinary formulas were read by their saved results — one 提示 for the sheet."""
    by_cell = {f.cell.replace("$", "").upper(): f for f in formulas}
    if not by_cell:
        return
    ordinary = 0
    for row in ledger.rows:
        for c, f in row_formulas(ledger, row, by_cell):
            cell = f"{ledger.sheet}!{c.letter}{row.row}"
            text = f.text if len(f.text) <= 80 else f.text[:80] + "…"
            if f.external:
                row.issues.append(issue(
                    "FORMULA_EXTERNAL_VALUE", WARNING,
                    f"{c.field}为{f.external}公式（{text}），按文件保存的结果读取；链接的数据未经核实，请改填数值",
                    cell, c.field,
                ))  # fmt: skip
            elif not f.cached:
                row.issues.append(issue(
                    "FORMULA_UNCACHED", WARNING,
                    f"{c.field}为未计算的公式（{text}），文件中没有计算结果，按空白读取；请在 Excel 中打开、计算并保存后再试",
                    cell, c.field,
                ))  # fmt: skip
            else:
                ordinary += 1
    if ordinary:
        ledger.issues.append(issue(
            "FORMULAS_READ_AS_SAVED", INFO, f"台账中有 {ordinary} 个单元格为公式，已按文件保存的计算结果读取",
        ))  # fmt: skip


def read_ledger(
    path: str | Path, *, sheet: str | None = None, mapping: Mapping[str, str | None] | str | Path | None = None
) -> Ledger:
    """Rows of the ledger sheet `sheet` (default: the first) of an xlsx file."""
    if isinstance(mapping, (str, Path)):
        mapping = load_mapping(mapping)
    name, values, formulas = _sheet(path, sheet)
    ledger = read_values(values, sheet=name, origin="A1", mapping=mapping)
    formula_notes(ledger, formulas)
    return ledger
