"""Rendering validation findings: a report workbook, annotated copies, JSON, text and a 2-D table.

Text that came from a submission (a company name "=HYPERLINK(...)") is always written as
text, never as a live formula, and characters XML cannot hold are dropped; links to the
submissions are percent-encoded where a file name holds characters a URI or XML cannot.
An annotated copy is made from the very bytes that were validated (refused when the file
changed since) and holds values only: no formula, external or DDE link, macro or link to
outside the workbook survives.  Text for a terminal has its control characters escaped.
Outputs are written atomically; the submitted files are only read.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from subsidykit.catalog.cite import cite
from subsidykit.catalog.frozen import replace
from subsidykit.errors import SubsidyError
from subsidykit.rules.findings import CODES, ERROR, INFO, WARNING, Finding
from subsidykit.validation.results import BatchResult, FileResult
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.outputs import fit_name, free_path, safe_stem, term

TABLE_HEADER = ("文件", "工作表", "单元格", "字段", "代码", "级别", "说明", "出处")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes of a file name: not storable in XML
_RANK = {ERROR: 0, WARNING: 1, INFO: 2}

if TYPE_CHECKING:
    from openpyxl import Workbook

# openpyxl (and the numpy it brings) is loaded when a workbook is written, not when the text or
# JSON of a result is wanted: `subsidykit validate` starts its workers without it


def load_workbook(*args, **kwargs):
    """openpyxl.load_workbook, imported when first needed."""
    from openpyxl import load_workbook as load  # noqa: PLC0415

    return load(*args, **kwargs)


@cache
def _fills() -> dict[str, object]:
    """Severity -> fill, and "head" -> the header fill."""
    from openpyxl.styles import PatternFill  # noqa: PLC0415

    return {
        ERROR: PatternFill("solid", fgColor="FFC7CE"),
        WARNING: PatternFill("solid", fgColor="FFEB9C"),
        INFO: PatternFill("solid", fgColor="DDEBF7"),
        "head": PatternFill("solid", fgColor="D9E1F2"),
    }


def _fill(severity: str):
    """The fill of a severity (an empty fill for anything else)."""
    from openpyxl.styles import PatternFill  # noqa: PLC0415

    return _fills().get(severity) if severity in _RANK else PatternFill()


def safe_text(value: object) -> object:
    """Strings without XML-illegal characters; other values unchanged."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", _ILLEGAL.sub("", value))
    return value


def put(ws, row: int, col: int, value: object):
    """Write a value; a string stays a string even when it starts with "="."""
    cell = ws.cell(row=row, column=col)
    value = safe_text(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def findings_table(result: FileResult | BatchResult | Iterable[Finding], *, header: bool = True) -> list[list]:
    """Findings as rows (文件, 工作表, 单元格, 字段, 代码, 级别, 说明, 出处), e.g. to write into a sheet."""
    if isinstance(result, BatchResult):
        findings = [f for r in result.files for f in r.findings]
        extra = [["；".join(b.files), "", "", "", b.code, b.severity, b.message, cite(b.source) if b.source else ""] for b in result.batch]
    elif isinstance(result, FileResult):
        findings, extra = result.findings, []
    else:
        findings, extra = list(result), []
    rows = [list(TABLE_HEADER)] if header else []
    for f in findings:
        rows.append(
            [
                f.file,
                f.sheet or "",
                f.cell or "",
                f.field or "",
                f.code,
                f.severity,
                f.message,
                cite(f.source) if f.source else "",
            ]
        )
    return rows + extra


def to_json(result: BatchResult) -> dict:
    return result.to_json()


def render_text(result: BatchResult) -> str:
    """The findings as lines for a terminal; text from the files (names, cell values) has its
    control characters and bidi overrides escaped, so it cannot forge or recolour a line."""
    lines: list[str] = []
    for r in result.files:
        state = "无法读取" if not r.readable else ("无错误" if result.is_valid(r) else "有错误")
        lines.append(f"{term(r.file)}：{state}")
        for f in sorted(r.findings, key=lambda f: _RANK.get(f.severity, 3)):
            where = f"{term(f.sheet)}!{term(f.cell)} " if f.sheet and f.cell else ""
            lines.append(f"  [{term(f.severity)}] {term(f.code)} {where}{term(f.message)}")
    if result.batch:
        lines.append("批次：")
        for b in result.batch:
            files = f"（{len(b.files)} 个文件：{'、'.join(term(Path(x).name) for x in b.files)}）" if b.files else ""
            lines.append(f"  [{term(b.severity)}] {term(b.code)} {term(b.message)}{files}")
    st = result.stats()
    lines.append(
        f"共 {st['files']} 个文件：无错误（可推荐）{st['valid']} 个，有错误 {st['invalid']} 个（其中无法读取 {st['unreadable']} 个）；"
        f"批次问题 {st['batch_findings']} 条（其中错误 {st['batch_errors']} 条）"
    )
    return "\n".join(lines)


# Characters a hyperlink target (a URI reference in the .rels part) must not carry as they are:
# controls, XML-illegal code points, URI delimiters ("#" would cut the file name short), "%".
_URI_UNSAFE = re.compile('[\x00-\x20\x7f-\x9f"#%<>\\\\^`{|}\ufffe\uffff\ud800-\udfff\u2028\u2029]')

_FRAGMENT_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")  # the sheet name after "#": only what XML cannot hold


def _pct(m: re.Match) -> str:
    """Percent-encoded (UTF-8; undecodable file-name bytes as themselves)."""
    return "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogateescape"))


def _uri_escape(text: str) -> str:
    return _URI_UNSAFE.sub(_pct, text)


def _link(from_dir: Path, target: str, sheet: str | None = None, cell: str | None = None, base: Path | None = None) -> str:
    """Link from the report's folder to `target` (a relative `target` is taken from `base`, else the cwd)."""
    path = Path(target)
    if base is not None and not path.is_absolute():
        path = base / path
    try:
        rel = os.path.relpath(path.resolve(), from_dir.resolve())
    except ValueError:  # another drive on Windows
        rel = str(path.resolve())
    rel = _uri_escape(rel.replace(os.sep, "/"))
    if sheet and cell:
        quoted = sheet.replace("'", "''")
        rel += "#" + _FRAGMENT_UNSAFE.sub(_pct, f"'{quoted}'!{cell}")
    return rel


def report_workbook(
    result: BatchResult, out_dir: Path, annotated: Mapping[str, Path] | None = None, link_base: Path | None = None
) -> Workbook:
    """`link_base`: the folder relative file names are relative to (default: the cwd)."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.chart import BarChart, Reference  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    head_fill = _fills()["head"]
    annotated = annotated or {}
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    st = result.stats()  # the same counts as the console, the JSON and the task pane
    put(ws, 1, 1, "申报材料批量校验报告").font = Font(bold=True, size=14)
    rows = [
        ("文件数", st["files"]),
        ("无错误（可推荐）", st["valid"]),
        ("有错误", st["invalid"]),
        ("其中无法读取", st["unreadable"]),
        ("批次问题", st["batch_findings"]),
        ("其中批次错误", st["batch_errors"]),
    ]
    for i, (k, v) in enumerate(rows, start=3):
        put(ws, i, 1, k).font = Font(bold=True)
        put(ws, i, 2, v)
    sample = next((b for b in result.batch if b.code == "SAMPLE_SIZE"), None)
    r0 = 3 + len(rows)
    if sample:
        put(ws, r0, 1, "真实性核查").font = Font(bold=True)
        put(ws, r0, 2, sample.message)
    r0 += 2
    for c, h in enumerate(("代码", "问题", "级别", "数量"), start=1):
        put(ws, r0, c, h).fill = head_fill
    counts = result.counts()
    for i, (code, count) in enumerate(counts.items(), start=r0 + 1):
        sev, title = CODES.get(code, ("", code))
        put(ws, i, 1, code)
        put(ws, i, 2, title)
        put(ws, i, 3, sev).fill = _fill(sev)
        put(ws, i, 4, count)
    if counts:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "按问题代码统计"
        chart.y_axis.title = "数量"
        chart.legend = None
        data = Reference(ws, min_col=4, min_row=r0, max_row=r0 + len(counts))
        cats = Reference(ws, min_col=2, min_row=r0 + 1, max_row=r0 + len(counts))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.height, chart.width = max(7.5, 0.6 * len(counts) + 3), 16
        ws.add_chart(chart, "F3")
    for col, width in zip("ABCD", (22, 60, 8, 8), strict=True):
        ws.column_dimensions[col].width = width

    fs = wb.create_sheet("文件")
    heads = ("文件", "结果", "单位名称", "申报项目名称", "申报项目", ERROR, WARNING, INFO, "标注副本")
    for c, h in enumerate(heads, start=1):
        put(fs, 1, c, h).fill = head_fill
    for i, r in enumerate(result.files, start=2):
        link = put(fs, i, 1, r.file)
        link.hyperlink = _link(out_dir, r.file, base=link_base)
        link.font = Font(color="0563C1", underline="single")
        ok = result.is_valid(r)
        state = "无法读取" if not r.readable else ("无错误" if ok else "有错误（批次）" if r.valid else "有错误")
        put(fs, i, 2, state).fill = _fills()[INFO if ok else ERROR]
        facts = r.facts
        put(fs, i, 3, facts.applicant if facts else "")
        put(fs, i, 4, facts.project if facts else "")
        put(fs, i, 5, facts.label if facts else "")
        for c, sev in enumerate((ERROR, WARNING, INFO), start=6):
            put(fs, i, c, sum(f.severity == sev for f in r.findings))
        if r.file in annotated:
            a = put(fs, i, 9, annotated[r.file].name)
            a.hyperlink = _link(out_dir, str(annotated[r.file]))
            a.font = Font(color="0563C1", underline="single")
    fs.freeze_panes = "A2"
    fs.auto_filter.ref = f"A1:I{max(1, len(result.files) + 1)}"

    ds = wb.create_sheet("问题清单")
    for c, h in enumerate(TABLE_HEADER, start=1):
        put(ds, 1, c, h).fill = head_fill
    row = 2
    for r in result.files:
        for f in sorted(r.findings, key=lambda f: _RANK.get(f.severity, 3)):
            values = findings_table([f], header=False)[0]
            for c, v in enumerate(values, start=1):
                put(ds, row, c, v)
            ds.cell(row=row, column=1).hyperlink = _link(out_dir, r.file, f.sheet, f.cell, base=link_base)
            ds.cell(row=row, column=1).font = Font(color="0563C1", underline="single")
            ds.cell(row=row, column=6).fill = _fill(f.severity)
            row += 1
    ds.freeze_panes = "A2"
    ds.auto_filter.ref = f"A1:H{max(1, row - 1)}"

    bs = wb.create_sheet("批次问题")
    for c, h in enumerate(("代码", "级别", "文件数", "文件", "说明", "出处"), start=1):
        put(bs, 1, c, h).fill = head_fill
    for i, b in enumerate(result.batch, start=2):
        for c, v in enumerate((b.code, b.severity, len(b.files), "；".join(b.files), b.message, cite(b.source) if b.source else ""), start=1):
            put(bs, i, c, v)
        bs.cell(row=i, column=2).fill = _fill(b.severity)
    for sheet, widths in ((ds, (40, 14, 8, 18, 20, 6, 90, 30)), (bs, (18, 6, 6, 60, 90, 30)), (fs, (40, 10, 30, 36, 40, 6, 6, 6, 30))):
        for i, w in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = w
    return wb


def _save(wb: Workbook, path: Path, *, overwrite: bool = True) -> Path:
    buf = io.BytesIO()
    wb.save(buf)
    return write_bytes_atomic(path, buf.getvalue(), overwrite=overwrite)


def write_report(
    result: BatchResult,
    out: str | os.PathLike,
    annotated: Mapping[str, Path] | None = None,
    link_base: Path | None = None,
    *,
    overwrite: bool = True,
) -> Path:
    """The report workbook (汇总 with a chart, 文件, 问题清单, 批次问题) at `out`.

    `overwrite=False`: FileExistsError rather than replacing an existing file."""
    path = Path(out)
    return _save(report_workbook(result, path.parent, annotated, link_base), path, overwrite=overwrite)


def _target(ws, ref: str):
    from openpyxl.cell.cell import MergedCell  # noqa: PLC0415

    cell = ws[ref]
    if isinstance(cell, MergedCell):
        for rng in ws.merged_cells.ranges:
            if ref in rng:
                return ws.cell(row=rng.min_row, column=rng.min_col)
    return cell


class AnnotationSkipped(SubsidyError):
    """No annotated copy for this file (changed since it was validated, or cannot be re-read)."""

    code = "ANNOTATION_SKIPPED"


def _checked_bytes(result: FileResult) -> bytes:
    """The file's bytes, read once through the same guard as validation, and only if they are
    the very bytes that were validated."""
    from subsidykit.workbooks.safe import load_bytes, sha256_of  # noqa: PLC0415 - the reader is only needed here

    try:
        data = load_bytes(result.file)
    except SubsidyError as exc:
        raise AnnotationSkipped(f"未生成标注副本：{exc.message}") from None
    if not result.sha256 or sha256_of(data) != result.sha256:
        raise AnnotationSkipped("未生成标注副本：文件在校验之后被改动（或无法确认未被改动），请重新校验")
    return data


_EXTERNAL_REF = re.compile(r"\[\d+\]|\||\(")  # [1]Book!A1, DDE app|topic!item, any function call


def _values_only(wb: Workbook) -> None:
    """Leave nothing in `wb` that computes or reaches outside: formulas (loaded data_only, so
    only cached values remain), links to other files or the web, defined names, formula-driven
    formatting and validation, calculated table columns, charts."""
    wb._external_links = []
    wb.template = False  # .xltx/.xltm in, a plain workbook out
    wb.vba_archive = None
    for name in list(wb.defined_names):
        del wb.defined_names[name]
    for ws in wb.worksheets:
        for name in list(getattr(ws, "defined_names", {}) or {}):
            del ws.defined_names[name]
        for cell in ws._cells.values():
            if cell.data_type == "f":  # not expected with data_only; never let one through
                cell._value = None
                cell.data_type = "n"
            elif isinstance(cell._value, str):
                cell.data_type = "s"  # "=..." read as a cached value stays text
            link = cell.hyperlink
            if link is not None and (link.target or link.id or not link.location):
                cell.hyperlink = None  # only links to a place inside this workbook stay
        ws._hyperlinks = []
        ws.conditional_formatting = type(ws.conditional_formatting)()
        dvs = ws.data_validations.dataValidation
        ws.data_validations.dataValidation = [
            dv for dv in dvs if not any(_EXTERNAL_REF.search(str(x or "")) for x in (dv.formula1, dv.formula2))
        ]
        for table in ws.tables.values():
            for col in table.tableColumns or ():
                col.calculatedColumnFormula = None
                col.totalsRowFormula = None
        ws._charts = []


def _is_ooxml(data: bytes) -> bool:
    """An .xlsx/.xlsm package (openpyxl can load it); False for .xls, .ods, .csv."""
    import zipfile

    if data[:4] != b"PK\x03\x04":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _workbook_of_values(data: bytes, name: str) -> Workbook:
    """A plain workbook holding the values of a non-OOXML submission, read from the validated
    bytes by the same safe reader (sheet names, cell addresses, merged ranges and hidden sheets
    as read, so every finding lands on its cell); error values and uncalculated formulas are
    written as their text."""
    from subsidykit.workbooks.safe import ErrorValue, UncachedFormula, read_workbook_bytes  # noqa: PLC0415

    from openpyxl import Workbook  # noqa: PLC0415

    raw = read_workbook_bytes(data, name)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in raw.sheets:
        ws = wb.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is None or v == "":
                    continue
                if isinstance(v, (ErrorValue, UncachedFormula)):
                    v = str(v)
                put(ws, r, c, v)
        for r0, c0, r1, c1 in sheet.merged:
            if (r1, c1) != (r0, c0):
                ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        if sheet.hidden:
            ws.sheet_state = "hidden"
    if not wb.worksheets:
        wb.create_sheet("Sheet1")
    return wb


def annotate_copy(result: FileResult, out_path: Path, *, overwrite: bool = False) -> Path | None:
    """A copy of the submission with offending cells filled and commented, plus a 校验结果 sheet.

    Made from the bytes that were validated (AnnotationSkipped when the file has changed or
    cannot be read again) and holding values only (see `_values_only`); macros are not
    carried over (the copy is a plain .xlsx; an .xls, .ods or .csv submission becomes an .xlsx
    built from the values read, never written over the original).  None when the file cannot be loaded
    (unreadable files have no copy).  An existing file at `out_path` is not replaced unless
    `overwrite` (FileExistsError).
    """
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    if not result.readable:
        return None
    data = _checked_bytes(result)
    try:
        if _is_ooxml(data):
            wb = load_workbook(io.BytesIO(data), data_only=True, keep_vba=False, keep_links=False, rich_text=False)
        else:  # .xls, .ods, .csv: a new .xlsx from the values the safe reader reads
            wb = _workbook_of_values(data, result.file)
    except Exception:  # noqa: BLE001 - the report still lists the findings
        return None
    _values_only(wb)
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for f in result.findings:
        if f.sheet and f.cell and f.sheet in wb.sheetnames:
            by_cell.setdefault((f.sheet, f.cell), []).append(f)
    for (sheet, ref), fs in by_cell.items():
        ws = wb[sheet]
        try:
            cell = _target(ws, ref)
        except ValueError:
            continue
        worst = min(fs, key=lambda f: _RANK.get(f.severity, 3)).severity
        cell.fill = _fill(worst)
        text = "\n".join(f"[{f.severity}] {f.code}：{safe_text(f.message)}" for f in fs)
        cell.comment = Comment(text[:30000], "专项资金助手")
        cell.comment.width, cell.comment.height = 420, min(600, 60 + 40 * len(fs))
    name = "校验结果"
    while name in wb.sheetnames:
        name += "_"
    rs = wb.create_sheet(name, 0)
    for r, row in enumerate(findings_table(result), start=1):
        for c, v in enumerate(row, start=1):
            put(rs, r, c, v)
    for i, w in enumerate((30, 14, 8, 18, 20, 6, 90, 30), start=1):
        rs.column_dimensions[get_column_letter(i)].width = w
    wb.active = 0
    return _save(wb, out_path, overwrite=overwrite)


ANNOTATED_SUFFIX = "_校验标注"


def write_annotated(
    result: BatchResult,
    out_dir: str | os.PathLike,
    *,
    taken: Iterable[str | os.PathLike] = (),
    skipped: dict[str, str] | None = None,
) -> dict[str, Path]:
    """Annotated copies of every readable submission in `out_dir` (originals untouched).

    Each copy gets the first free name ``x_校验标注.xlsx``, ``x_校验标注（2）.xlsx``… (``x``
    shortened to fit a file name, control characters replaced by "_"): an existing file is never replaced, nor a path in `taken` (e.g. the
    report about to be written).  Files that get no copy are put in `skipped` with the reason.
    """
    folder = Path(out_dir)
    used: set[str] = {str(p) for p in taken}
    out: dict[str, Path] = {}
    for r in result.files:
        if not r.readable:
            continue
        wanted = folder / fit_name(safe_stem(Path(r.file).stem), f"{ANNOTATED_SUFFIX}.xlsx")
        target = free_path(wanted, taken=used)
        try:
            for attempt in range(3):
                try:
                    path = annotate_copy(r, target, overwrite=False)
                    break
                except FileExistsError:  # the name was taken meanwhile: the next free one
                    if attempt == 2:
                        raise
                    target = free_path(wanted, taken=used)
        except AnnotationSkipped as exc:
            if skipped is not None:
                skipped[r.file] = exc.message
            continue
        used.add(str(target))
        if path is not None:
            out[r.file] = path
        elif skipped is not None:
            skipped[r.file] = "未生成标注副本：文件无法用于生成副本"
    return out


def write_json(result: BatchResult, out: str | os.PathLike) -> Path:
    import json

    return write_bytes_atomic(out, json.dumps(to_json(result), ensure_ascii=False, indent=2).encode("utf-8"))


__all__ = [
    "AnnotationSkipped",
    "annotate_copy",
    "findings_table",
    "render_text",
    "safe_text",
    "to_json",
    "write_annotated",
    "write_json",
    "write_report",
]



def relative_names(result: BatchResult, root: str | os.PathLike) -> BatchResult:
    """The same result with file names relative to `root` (an upload's temporary folder must
    not show in a report), findings included."""
    base = Path(root).resolve()

    def rel(name: str) -> str:
        try:
            return Path(name).resolve().relative_to(base).as_posix()
        except ValueError:
            return Path(name).name

    files = [
        replace(r, file=rel(r.file), findings=[replace(f, file=rel(f.file)) if f.file else f for f in r.findings]) for r in result.files
    ]
    batch = [replace(b, members=tuple(rel(x) for x in b.files)) for b in result.batch]
    return replace(result, files=files, batch=batch)
