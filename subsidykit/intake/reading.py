"""Reading a list for the register: a clerk's ledger, our own 附件2 summary, a published list of
supported projects or of acceptance results — all through the ledger reader and the one field
vocabulary (catalog/fields.yaml: 企业名称/申报单位 → 单位名称, 信用代码 → 统一社会信用代码,
补助金额（万元） → 支持金额, 验收结果 → 验收结论, 验收时间 → 验收日期 …).

The input file is only read (through `workbooks.safe`), never written.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.register`, `subsidykit.rules`,
`subsidykit.catalog`, `subsidykit.errors`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal
from pathlib import Path

from subsidykit.errors import BadInputError, SubsidyError
from subsidykit.register.ingest import KINDS, Batch, IncomingRow
from subsidykit.rules.parsing import is_blank
from subsidykit.rules.regions import city_of_text
from subsidykit.rules.vocabulary import field_key
from subsidykit.rules.regions import place_of
from subsidykit.rules.vocabulary import match as match_field
from subsidykit.workbooks.ledger import Ledger, read_values

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SUMMARY_TITLE = "入库项目汇总表"
_REGION = re.compile(r"^\s*地区[:：]\s*(.*?)\s*$")
_NEGATIVE = ("不通过", "未通过", "不合格", "不予通过", "未予通过", "不同意", "否", "失败", "撤销", "终止")
_PENDING = ("待", "暂缓", "整改", "延期", "未验收", "未完成", "尚未", "推迟", "复核")
_POSITIVE = ("通过", "合格", "同意", "是", "优秀", "良好", "完成")
_CELL_TEXT = 500  # characters of a cell kept as provenance
_SKIP_ISSUES = {"TOTAL_ROW": "合计行", "ROW_WITHOUT_DATA": "只有未读入的列"}


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def acceptance(value: object) -> bool | None:
    """验收结论 as True (通过/合格), False (不通过/不合格) or None (待验收, blank, unknown)."""
    if isinstance(value, bool):
        return value
    if is_blank(value):
        return None
    text = "".join(str(value).split())
    if any(w in text for w in _NEGATIVE):
        return False
    if any(w in text for w in _PENDING):
        return None
    if any(w in text for w in _POSITIVE):
        return True
    return None


def _region(text: object) -> tuple[str | None, str | None]:
    """(county, city) of a region's wording: 徐州市 → (None, 徐州市); 铜山区 → (铜山区, None)."""
    if is_blank(text):
        return None, None
    t = "".join(str(text).split())
    city = city_of_text(t)
    if city and t in (city, city[:-1], "江苏省" + city):
        return None, city
    return t, city


def _title_year(grid: list[list[object]], before: int) -> int | None:
    for row in grid[:before]:
        for v in row:
            if isinstance(v, str) and (m := _YEAR.search(v)):
                return int(m.group(1))
    return None


def _title_region(grid: list[list[object]], before: int) -> str | None:
    for row in grid[:before]:
        for v in row:
            if isinstance(v, str) and (m := _REGION.match(v)) and m.group(1):
                return m.group(1)
    return None


def detect_kind(path: Path, grids: list[tuple[str, list[list[object]]]]) -> str:
    """The kind of a list when --kind is not given: our 附件2 (its title), an acceptance list
    (a 验收结论 column), a supported list (a 支持金额 column), else a ledger."""
    fields: set[str] = set()
    for _name, grid in grids:
        for row in grid[:30]:
            for v in row:
                if isinstance(v, str):
                    if _SUMMARY_TITLE in v:
                        return "summary"
                    if len(v) <= 60 and (f := match_field(v)):
                        fields.add(f)
    if "验收结论" in fields or "验收日期" in fields:
        return "accepted"
    if "支持金额" in fields:
        return "supported"
    name = path.name
    if "验收" in name:
        return "accepted"
    if any(w in name for w in ("支持", "扶持", "下达", "立项", "公示")):
        return "supported"
    if "汇总表" in name:
        return "summary"
    return "ledger"


def _program(label: str | None, sub: str | None, year: int | None) -> tuple[str | None, str | None, str | None]:
    """(label, program id, variant) of a 申报项目类别 as written; unresolved → (the wording, None, sub)."""
    if not label:
        return None, None, sub
    if year is None:
        return label, None, sub
    from subsidykit.rules.lookup import find_program

    try:
        sel = find_program(label, year=year, variant=sub or None)
    except SubsidyError:
        try:
            sel = find_program(label, year=year)
        except SubsidyError:
            return label, None, sub
    return sel.label, sel.program.id, sel.variant.name if sel.variant is not None else sub


def _text(v: object) -> str | None:
    if is_blank(v):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip() or None


def _year_of(v: object) -> int | None:
    if isinstance(v, (int, Decimal)) and 1990 <= int(v) <= 2100:
        return int(v)
    if isinstance(v, float) and v.is_integer() and 1990 <= v <= 2100:
        return int(v)
    if isinstance(v, str) and (m := _YEAR_IN_NAME.search(v)):
        return int(m.group(1))
    return None


def _amount(v: object) -> Decimal | None:
    return v if isinstance(v, Decimal) else None


def _regions_of_row(ledger: Ledger, row) -> tuple[str | None, str | None]:
    """(county, city) from the row's 地区 column(s): a column headed 设区市 is the city, any other
    (县（市、区）, 所在县区, 地区) the county; a second such column (read as extra) is used too."""
    county = city = None
    for col in ledger.columns:
        if col.field == "地区" or (not col.field and match_field(col.header) == "地区"):
            v = row.raw.get("地区") if col.field == "地区" else row.extra.get(col.header)
            text = _text(v)
            if not text:
                continue
            if "设区市" in col.header or field_key(col.header) in ("市", "所属市", "地市"):
                city = city or text
            else:
                c, ct = _region(text)
                county = county or c
                city = city or ct
    if county is None:  # no 地区 column: the place the row names (所在地 "南京市江宁区"), by name only
        where = _text(row.values.get("所在地"))
        if where:
            ct, c = place_of(where, city)
            county, city = c, city or ct
    return county, city


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _formula_check(ledger: Ledger, r, formulas: dict, notes: list, cached: list) -> str | None:
    """`formulas`: the sheet's, by cell ("D2").  The reason to skip row `r` when a cell it is read from holds a formula reaching outside the
    workbook (DDE, another file, a web call: its saved value is whatever the sender's machine
    made of it); uncached formulas (read as blank) go to `notes`, cached ones to `cached`."""
    from subsidykit.workbooks.ledger import row_formulas

    ext, uncached, plain = [], [], []
    for c, f in row_formulas(ledger, r, formulas):
        if f.external:
            ext.append(f"{c.letter}{r.row}「{c.field}」的公式含{f.external}（{_clip(f.text)}）")
        elif f.cached:
            plain.append(f"{ledger.sheet}!{c.letter}{r.row}")
        else:
            uncached.append(f"{c.letter}{r.row}「{c.field}」")
    if ext:
        return ("跳过：" + "、".join(ext) + "，打开时可能执行程序或访问外部，保存的值不可靠，未读取；"
                "请改为直接填写数值后重新导入")
    cached.extend(plain)
    if uncached:
        notes.append((r.sheet, r.row, "、".join(uncached) + " 为未计算的公式（保存时没有计算结果），按空白读取"))
    return None


def _without_errors(r, notes: list) -> dict:
    """The row's values with Excel error values (#REF!, #N/A …) as blanks — never stored as a
    name or a code — each said in `notes`."""
    from subsidykit.workbooks.safe import EXCEL_ERRORS

    values = dict(r.values)
    bad = [f for f, v in values.items() if isinstance(v, str) and v.strip() in EXCEL_ERRORS]
    for f in bad:
        notes.append((r.sheet, r.row, f"{r.cells.get(f, f)}「{f}」为错误值 {values[f].strip()}，按空白读取"))
        values[f] = None
    return values


def _long_texts(r, values: dict, notes: list) -> None:
    from subsidykit.register.names import MAX_TEXT

    for f in ("单位名称", "申报项目名称"):
        v = values.get(f)
        if isinstance(v, str) and len(v.strip()) > MAX_TEXT:
            notes.append((r.sheet, r.row, f"{r.cells.get(f, f)}「{f}」有 {len(v.strip())} 个字符，登记簿只保存前 {MAX_TEXT} 个"))


def rows_of_sheet(ledger: Ledger, kind: str, *, year: int | None, county: str | None,
                  title_year: int | None, title_region: str | None, formulas: dict | None = None,
                  notes: list | None = None, cached: list | None = None) -> tuple[list[IncomingRow], list]:
    """The ledger's rows as `IncomingRow`s, and the rows skipped (sheet, row, reason).  `formulas`:
    {"sheet!A1": FormulaCell} of the file; what the clerk should know about a row's cells (a
    formula read by its saved value, an error value, a name cut) is added to `notes` /
    `cached`."""
    formulas = formulas or {}
    notes = notes if notes is not None else []
    cached = cached if cached is not None else []
    rows: list[IncomingRow] = []
    skipped: list[tuple[str, int | None, str]] = []
    for f in ledger.issues:
        if f.code in _SKIP_ISSUES and f.cell and not (kind == "summary" and f.code == "ROW_WITHOUT_DATA"):
            m = re.search(r"(\d+)$", f.cell)
            skipped.append((ledger.sheet, int(m.group(1)) if m else None, f"跳过：{f.message}"))
    region_county, region_city = _region(title_region)
    prefix = f"{ledger.sheet}!"
    here = {k[len(prefix):]: f for k, f in formulas.items() if k.startswith(prefix)}  # this sheet's, by cell
    for r in ledger.rows:
        if here and (why := _formula_check(ledger, r, here, notes, cached)):
            skipped.append((r.sheet, r.row, why))
            continue
        v = _without_errors(r, notes)
        _long_texts(r, v, notes)
        uscc = _text(v.get("统一社会信用代码"))
        applicant = _text(v.get("单位名称"))
        if not uscc and not applicant:
            skipped.append((r.sheet, r.row, "跳过：缺少单位名称和统一社会信用代码"))
            continue
        row_year = year
        if row_year is None:
            row_year = _year_of(v.get("申报年度"))
        if row_year is None and kind != "accepted":
            row_year = title_year
        row_county, row_city = _regions_of_row(ledger, r)
        cty = county or row_county or region_county
        city = row_city or region_city or (city_of_text(cty) if cty else None)
        label, pid, variant = _program(_text(v.get("申报项目类别")), _text(v.get("项目子类")), row_year)
        conclusion = v.get("验收结论")
        accepted_on = v.get("验收日期")
        if isinstance(accepted_on, dt.datetime):
            accepted_on = accepted_on.date()
        cells = {
            f: {"cell": addr, "value": str(r.raw.get(f, ""))[:_CELL_TEXT]} for f, addr in r.cells.items()
        }
        rows.append(IncomingRow(
            r.sheet, r.row, year=row_year, uscc=uscc, applicant=applicant,
            project=_text(v.get("申报项目名称")), code=_text(v.get("项目代码")),
            program_label=label, program_id=pid, variant=variant, county=cty, city=city,
            total_investment=_amount(v.get("项目总投入")), requested=_amount(v.get("申请补助资金")),
            award=_amount(v.get("支持金额")),
            accepted=acceptance(conclusion) if kind == "accepted" or not is_blank(conclusion) else None,
            accepted_on=accepted_on if isinstance(accepted_on, dt.date) else None,
            acceptance_text=_text(conclusion), cells=cells,
        ))
    return rows, skipped


def read_batch(path: str | Path, *, kind: str | None = None, year: int | None = None,
               county: str | None = None) -> Batch:
    """One file as a `Batch` for `Register.import_rows`: every sheet with a recognisable header
    (a ledger: its first sheet; 附件2: every category sheet, not 审核)."""
    p = Path(path)
    if p.is_dir():
        raise BadInputError(f"{p} 是一个文件夹，不是名单文件")
    if kind is not None and kind not in KINDS:
        raise BadInputError(f"未知的名单类型「{kind}」：可选 {'、'.join(KINDS)}")
    grids, raw = _grids(p)
    formulas = {f"{f.sheet}!{f.cell}": f for f in raw.formulas}
    notes: list[tuple[str, int | None, str]] = []
    cached: list[str] = []
    kind = kind or detect_kind(p, grids)
    if kind == "ledger":
        grids = grids[:1]
    name_year = None
    if kind != "accepted" and (m := _YEAR_IN_NAME.search(p.stem)):
        name_year = int(m.group(1))
    rows: list[IncomingRow] = []
    skipped: list[tuple[str, int | None, str]] = []
    read_any = False
    for sheet, grid in grids:
        if sheet == "审核" and kind == "summary":
            continue
        try:
            ledger = read_values(grid, sheet=sheet, origin="A1")
        except BadInputError as exc:
            if any(not is_blank(v) for r in grid for v in r):
                skipped.append((sheet, None, f"跳过工作表：{exc.message}"))
            continue
        read_any = True
        title_year = _title_year(grid, ledger.header_row - 1) if kind != "accepted" else None
        rs, sk = rows_of_sheet(
            ledger, kind, year=year, county=county, title_year=title_year or name_year,
            title_region=_title_region(grid, ledger.header_row - 1), formulas=formulas, notes=notes, cached=cached,
        )
        rows.extend(rs)
        skipped.extend(sk)
    if not read_any:
        raise BadInputError(
            f"{p.name}：没有找到表头（需要「单位名称」或「企业名称」「申报单位」以及「项目名称」等列）"
        )
    if cached:
        where = "、".join(cached[:5]) + ("等" if len(cached) > 5 else "")
        notes.insert(0, ("", None, f"{len(cached)} 个单元格为公式（{where}），已按文件保存的计算结果读取"))
    for part in raw.external_links:
        notes.insert(0, ("", None, f"工作簿含外部链接（{_clip(part)}）：引用外部文件的单元格已跳过，其余按保存的值读取"))
    return Batch(file=str(p.resolve()), sha256=raw.sha256 or file_sha256(p), kind=kind, rows=rows, year=year,
                 county=county, skipped=skipped, notes=notes)


def _grids(p: Path):
    """(every sheet's values, the `RawWorkbook` with its formulas), read once through the safe
    reader (limits checked before parsing; the file is never written)."""
    from subsidykit.workbooks.ledger import open_raw, plain_value as plain

    raw = open_raw(p, "名单文件")

    out = []
    for sheet in raw.sheets:
        width = max((len(r) for r in sheet.rows), default=0)
        out.append((sheet.name, [[plain(v) for v in r] + [""] * (width - len(r)) for r in sheet.rows]))
    return out, raw
