"""Reading a 附件2 入库项目汇总表 back: the output of `subsidykit summary` (or the official form
filled by hand) as ledger rows, for the city roll-up (`summary.city`).

A sheet is a 附件2 table when one of its first rows carries the form's column headings
(`summary_layout.COLUMNS`, at least `MIN_HEADINGS` of the 14 by their wording, in any order);
every column is read through that wording (a user mapping of exactly those headings), so each
附件2 column comes back as the field it was written from.  Above the headings: 附件2-x (the
table's number), the title with its year (2021年度…) and the 地区：… line.  The stamp line and
the note below the data end the table.

Our own workbook also has 审核: by (汇总表, 表内序号) it gives back what the official table has
no column for — the 统一社会信用代码, the 子类 of the program matched (匹配的政策项目, 项目编号)
and, for a city's 附件2, the row's 县（市、区）.  A 附件2 without 审核 is read all the same.

Layer: workflow (reads cell values through `workbooks.ledger.read_values`; no file access).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from subsidykit.catalog import Catalog
from subsidykit.rules.findings import INFO, WARNING, Finding
from subsidykit.rules.parsing import is_blank
from subsidykit.summary.audit import AUDIT_SHEET
from subsidykit.workbooks import summary_layout as L
from subsidykit.workbooks.ledger import Ledger, LedgerRow, issue, read_values

MIN_HEADINGS = 12  # of the 14 headings under 序号: a hand-edited table may have lost one or two
HEADER_SCAN_ROWS = 12
COUNTY_HEADER = "县（市、区）"  # the column a city's 审核 adds (summary.city)
SOURCE_HEADER = "来源文件"
_HEADINGS = {c.header: c.field for c in L.COLUMNS if c.field}
_STAMPS = (L.STAMP_LEFT, L.STAMP_RIGHT, L.NOTE[:3])


def _text(v: object) -> str:
    return "" if is_blank(v) else "".join(unicodedata.normalize("NFKC", str(v)).split())


_KEYS = {_text(h): h for h in _HEADINGS}


def heading_row(rows: Sequence[Sequence[object]]) -> tuple[int, dict[int, str]] | None:
    """(0-based row, {0-based column: 附件2 heading}) of the row with the form's headings."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cols = {j: _KEYS[t] for j, v in enumerate(row) if (t := _text(v)) in _KEYS}
        if len(set(cols.values())) >= MIN_HEADINGS:
            return i, cols
    return None


@dataclass
class Attachment2:
    """A 附件2 workbook read back: its tables' rows as ledgers, and what its headings say."""

    year: int | None
    region: str  # the 地区：… line ("" when blank)
    ledgers: list[Ledger]  # one per table sheet
    issues: list[Finding] = field(default_factory=list)
    audited: bool = False  # a 审核 sheet was found and read

    @property
    def rows(self) -> list[LedgerRow]:
        return [r for ledger in self.ledgers for r in ledger.rows]


def is_attachment2(sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> bool:
    """Has at least one sheet with the 附件2 headings."""
    return any(heading_row(rows) is not None for _name, rows in sheets)


def _header_lines(rows: Sequence[Sequence[object]], upto: int) -> list[str]:
    return [_text(v) for row in rows[:upto] for v in row if not is_blank(v)]


def _year_of(lines: Sequence[str]) -> int | None:
    for t in lines:
        if "汇总表" in t or "专项资金" in t or "年度" in t:
            m = re.match(r"(\d{4})年度?", t)
            if m:
                return int(m.group(1))
    return None


def _region_of(lines: Sequence[str]) -> str | None:
    for t in lines:
        m = re.match(r"地区[:：](.*)$", t)
        if m:
            return m.group(1)
    return None


def _number_of(lines: Sequence[str]) -> str | None:
    for t in lines:
        m = re.fullmatch(r"附件(2-\d+)", t)
        if m:
            return m.group(1)
    return None


def _audit_index(rows: Sequence[Sequence[object]]) -> dict[tuple[str, int], dict[str, object]]:
    """审核 by (汇总表, 表内序号): its columns by heading."""
    for i, row in enumerate(rows[:60]):
        heads = [_text(v) for v in row]
        if "汇总表" in heads and "表内序号" in heads and "单位名称" in heads:
            out: dict[tuple[str, int], dict[str, object]] = {}
            for k, data in enumerate(rows[i + 1 :], i + 2):
                rec = {h: data[j] for j, h in enumerate(heads) if h and j < len(data)}
                table, seq = rec.get("汇总表"), rec.get("表内序号")
                if is_blank(table) or is_blank(seq):
                    continue
                try:
                    key = (_text(table), int(float(seq)))  # type: ignore[arg-type]
                except (TypeError, ValueError):
                    continue
                rec["_row"] = k
                out[key] = rec
            return out
    return {}


def _variant(program_id: object, matched: object, catalog: Catalog) -> str | None:
    """The 子类 named in 匹配的政策项目 of a program with variants (项目编号 its id)."""
    prog = catalog.by_id.get(str(program_id)) if not is_blank(program_id) else None
    if prog is None or not prog.variants or not isinstance(matched, str):
        return None
    text = _text(matched)
    names = [v.name for v in prog.variants if _text(f"{prog.title}/{v.name}") in text]
    return max(names, key=len) if names else None


def read_attachment2(
    sheets: Sequence[tuple[str, Sequence[Sequence[object]]]], *, label: str, catalog: Catalog
) -> Attachment2:
    """Every 附件2 table of a workbook (`sheets`: (name, values from A1)) as ledger rows whose
    sheet is "<label> · <sheet name>"; enriched from 审核 where it is there."""
    audit = next((rows for name, rows in sheets if name == AUDIT_SHEET), None)
    index = _audit_index(audit) if audit is not None else {}
    ledgers: list[Ledger] = []
    issues: list[Finding] = []
    years: list[int] = []
    regions: list[str] = []
    for name, rows in sheets:
        found = heading_row(rows)
        if found is None:
            continue
        h, cols = found
        lines = _header_lines(rows, h)
        number = _number_of(lines) or (m.group(1) if (m := re.match(r"(2-\d+)", _text(name))) else None)
        if (y := _year_of(lines)) is not None:
            years.append(y)
        if (reg := _region_of(lines)) is not None:
            regions.append(reg)
        missing = [head for head in _HEADINGS if head not in cols.values()]
        where = f"{label} · {name}"
        if missing:
            issues.append(issue("MISSING_COLUMN", WARNING, f"附件2「{name}」缺少列：{'、'.join(missing)}", f"{where}!第{h + 1}行"))
        end = len(rows)
        for k in range(h + 1, len(rows)):
            first = next((_text(v) for v in rows[k] if not is_blank(v)), "")
            if first.startswith(tuple(_text(s) for s in _STAMPS)):
                end = k
                break
        seq_col = next((j for j, v in enumerate(rows[h - 1] if h else ()) if _text(v) == "序号"), None)
        grid = [list(r) for r in rows[:end]]
        ledger = read_values(grid, sheet=where, mapping={head: _HEADINGS[head] for head in cols.values()})
        ledger.issues[:] = [i for i in ledger.issues if i.code not in ("MISSING_COLUMN", "NO_ROWS")]
        for r in ledger.rows:
            seq = rows[r.row - 1][seq_col] if seq_col is not None and seq_col < len(rows[r.row - 1]) else None
            rec = None
            try:
                rec = index.get((number or "", int(float(seq)))) if not is_blank(seq) else None
            except (TypeError, ValueError):
                rec = None
            if rec is None:
                continue
            at = f"{label} · {AUDIT_SHEET}!第{rec['_row']}行"
            code = rec.get("统一社会信用代码")
            if not is_blank(code) and "统一社会信用代码" not in r.values:
                r.values["统一社会信用代码"] = _text(code)
                r.raw["统一社会信用代码"] = code
                r.cells["统一社会信用代码"] = at
            variant = _variant(rec.get("项目编号"), rec.get("匹配的政策项目"), catalog)
            if variant and "项目子类" not in r.values:
                r.values["项目子类"] = variant
                r.cells["项目子类"] = at
                r.issues.append(issue("SUBCASE_FROM_AUDIT", INFO, f"子类「{variant}」取自审核表（附件2 没有子类列）", at, "项目子类"))
            county = rec.get(_text(COUNTY_HEADER))
            if not is_blank(county) and "地区" not in r.values:
                r.values["地区"] = _text(county)
                r.cells["地区"] = at
        ledgers.append(ledger)
    year = max(set(years), key=years.count) if years else None
    region = next((r for r in regions if r), "")
    return Attachment2(year, region, ledgers, issues, bool(index))


def mapping_of_headings() -> Mapping[str, str]:
    """附件2 heading -> field (the mapping the tables are read with)."""
    return dict(_HEADINGS)
