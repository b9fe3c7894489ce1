"""The summary workbook written directly as SpreadsheetML, without openpyxl's per-cell objects.

    data = workbook_xlsx(summary.plans(paper="A4"))     # what Summary.xlsx_bytes() returns

A clerk's 1,000-row ledger makes some 32,000 styled cells (the 附件2 tables and 审核); openpyxl
spends most of a `subsidykit summary` run importing itself and building, styling and
serialising a cell object for each.  This writer turns the same `summary_layout.SheetPlan`s
that `summary_layout.render` gives openpyxl into the XML parts of the file directly.

The file is the one openpyxl writes for those plans (`Summary.to_workbook()` then `save`):
the same parts with the same XML, byte for byte, apart from the order of the ``mergeCell``
elements (openpyxl's comes from a set; here, the plan's) and the dates in the zip and in
docProps.  That includes openpyxl's handling of merged ranges (the cells of a range other
than the top-left one lose their own style and take the edge of the top-left cell's border)
and its order of style records (fonts and borders in the order they are first made, cell
formats in the order cells are written).  benchmarks/summary_bench.py --check compares
the two on generated ledgers.  Only what the plans use is supported: named styles from
`summary_layout.STYLES` (thin box border or none), a font override, merged ranges whose
top-left cell has the box border or none, frozen panes below and right of A1, one page setup.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from decimal import Decimal

from subsidykit.workbooks.theme import THEME_XML
from subsidykit.workbooks import summary_layout as L
from subsidykit.workbooks.cells import col_index, col_letters

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"

_EPOCH = dt.datetime(1899, 12, 30)  # Excel's (Windows) day 0
_MAX_TEXT = 32767  # characters a cell holds; openpyxl cuts longer texts here
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")  # control characters XML 1.0 cannot hold
_BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}
_FIRST_CUSTOM_FORMAT = 164
_DATETIME_FORMAT = "yyyy-mm-dd h:mm:ss"  # openpyxl's format for a datetime value

_SIDES = ("left", "right", "top", "bottom")
_DEFAULT_FONT = '<font><name val="Calibri" /><family val="2" /><color theme="1" /><sz val="11" /><scheme val="minor" /></font>'
_FILLS = '<fills count="2"><fill><patternFill /></fill><fill><patternFill patternType="gray125" /></fill></fills>'
_TABLE_STYLES = '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16" />'
# the 64 colours of the default indexed palette (openpyxl writes them into every styles.xml)
_PALETTE = (
    "00000000 00FFFFFF 00FF0000 0000FF00 000000FF 00FFFF00 00FF00FF 0000FFFF "
    "00000000 00FFFFFF 00FF0000 0000FF00 000000FF 00FFFF00 00FF00FF 0000FFFF "
    "00800000 00008000 00000080 00808000 00800080 00008080 00C0C0C0 00808080 "
    "009999FF 00993366 00FFFFCC 00CCFFFF 00660066 00FF8080 000066CC 00CCCCFF "
    "00000080 00FF00FF 00FFFF00 0000FFFF 00800080 00800000 00008080 000000FF "
    "0000CCFF 00CCFFFF 00CCFFCC 00FFFF99 0099CCFF 00FF99CC 00CC99FF 00FFCC99 "
    "003366FF 0033CCCC 0099CC00 00FFCC00 00FF9900 00FF6600 00666699 00969696 "
    "00003366 00339966 00003300 00333300 00993300 00993366 00333399 00333333"
).split()
_COLORS = "<colors><indexedColors>" + "".join(f'<rgbColor rgb="{c}" />' for c in _PALETTE) + "</indexedColors></colors>"
# docProps as openpyxl 3.1.5 writes them (the file is the one it would write; core.xml dated now)
_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Microsoft Excel Compatible / Openpyxl 3.1.5</Application><AppVersion>3.1</AppVersion></Properties>"
)
_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>openpyxl</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
)
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Type="{_REL}/officeDocument" Target="xl/workbook.xml" Id="rId1" />'
    '<Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml" Id="rId2" />'
    f'<Relationship Type="{_REL}/extended-properties" Target="docProps/app.xml" Id="rId3" /></Relationships>'
)


def _text(s: str) -> str:
    """Element text, escaped as ElementTree does."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


def _attr(s: str) -> str:
    """An attribute value, escaped as ElementTree does."""
    s = _text(s)
    for a, b in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if a in s:
            s = s.replace(a, b)
    return s


def _num(v: float | int | Decimal) -> str:
    """A number as openpyxl writes it (up to 16 significant digits; NaN and infinity empty)."""
    if math.isnan(v) or math.isinf(v):
        return ""
    return "%.16g" % v


def _serial(v: dt.date) -> float:
    """A date or datetime as an Excel serial number (openpyxl's `to_excel`, Windows epoch)."""
    if not isinstance(v, dt.datetime):
        v = dt.datetime.combine(v, dt.time())
    days = (v - _EPOCH).days
    if 0 < days <= 60:  # Excel's 1900-02-29
        days -= 1
    return days + (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 10**6) / 86400


def _cell(ref: str, s: int, v: object) -> str:
    """One <c> element: `s` the cell format (0: none), `v` the value (a text is always text)."""
    style = f' s="{s}"' if s else ""
    t = type(v)
    if t is str:
        v = v[:_MAX_TEXT]
        if not v.isprintable() and _ILLEGAL.search(v):
            v = _ILLEGAL.sub("", v)  # openpyxl refuses them; the file could not hold them
        if not v:
            return f'<c r="{ref}"{style} t="inlineStr" />'
        stripped = v.strip()
        space = ' xml:space="preserve"' if stripped and stripped != v else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_text(v)}</t></is></c>'
    if v is None:
        return f'<c r="{ref}"{style} t="n" />'
    if t is int:
        return f'<c r="{ref}"{style} t="n"><v>{"%.16g" % v}</v></c>'
    if t is bool:
        return f'<c r="{ref}"{style} t="b"><v>{int(v)}</v></c>'
    if isinstance(v, str):  # a str subclass
        return _cell(ref, s, str(v))
    if isinstance(v, (int, float, Decimal)):
        text = _num(v)
        return f'<c r="{ref}"{style} t="n"><v>{text}</v></c>' if text else f'<c r="{ref}"{style} t="n"><v /></c>'
    if isinstance(v, dt.date):
        return f'<c r="{ref}"{style} t="n"><v>{_num(_serial(v))}</v></c>'
    raise TypeError(f"无法写入单元格 {ref}：{type(v).__name__} {v!r}")


class _Styles:
    """The workbook's style records, in openpyxl's order: the named styles' fonts, borders and
    formats as registered (`summary_layout.register_styles`), then fonts and merged-cell
    borders as they are first made, cell formats (cellXfs) as cells are first written."""

    def __init__(self) -> None:
        self.fonts: list[str] = [_DEFAULT_FONT]
        self._font_ids: dict[tuple[str, float, bool], int] = {}
        self.borders: list[str] = ['<border><left /><right /><top /><bottom /><diagonal /></border>']
        # "box" / "none" (the named styles'), or a merged cell's drawn sides (frozenset(): none)
        self._border_ids: dict[str | frozenset[str], int] = {frozenset(): 0}
        self._box = {spec.name: spec.border for spec in L.STYLES}
        self.formats: list[str] = []  # custom number formats
        self.named: dict[str, tuple[int, int, int, str, int]] = {}  # name -> (numFmt, font, border, alignment, xfId)
        self.xfs: list[str] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0" />']
        self._xf_ids: dict[object, int] = {None: 0}
        for k, spec in enumerate(L.STYLES, 1):
            font = self.font(spec.font, spec.size, spec.bold)
            border = self._border(spec.border)
            if spec.fmt is None:
                fmt = 0
            elif spec.fmt in _BUILTIN_FORMATS:
                fmt = _BUILTIN_FORMATS[spec.fmt]
            else:
                fmt = self.number_format(spec.fmt)
            wrap = ' wrapText="1"' if spec.wrap else ""
            align = f'<alignment horizontal="{spec.h}" vertical="{spec.v}"{wrap} />'
            self.named[spec.name] = (fmt, font, border, align, k)

    def number_format(self, code: str) -> int:
        if code not in self.formats:
            self.formats.append(code)
        return _FIRST_CUSTOM_FORMAT + self.formats.index(code)

    def font(self, name: str, size: float, bold: bool) -> int:
        key = (name, float(size), bool(bold))
        if key not in self._font_ids:
            b = '<b val="1" />' if bold else ""
            self._font_ids[key] = len(self.fonts)
            self.fonts.append(f'<font><name val="{_attr(name)}" />{b}<sz val="{_num(float(size))}" /></font>')
        return self._font_ids[key]

    def _border(self, box: bool) -> int:
        key = "box" if box else "none"
        if key not in self._border_ids:
            self._border_ids[key] = len(self.borders)
            if box:
                side = f'<color rgb="00{L.BORDER_COLOR}" />'
                self.borders.append("<border>" + "".join(f'<{s} style="thin">{side}</{s}>' for s in _SIDES) + "</border>")
            else:
                self.borders.append("<border />")
        return self._border_ids[key]

    def merged_border(self, sides: frozenset[str]) -> None:
        """A merged cell's border (the sides of the range's edge it lies on) is made."""
        if sides not in self._border_ids:
            self._border_ids[sides] = len(self.borders)
            side = f'<color rgb="00{L.BORDER_COLOR}" />'
            inner = "".join(f'<{s} style="thin">{side}</{s}>' if s in sides else f"<{s} />" for s in _SIDES)
            self.borders.append(f"<border>{inner}<diagonal /></border>")

    def xf(self, key: object) -> int:
        """The cell format of a written cell: a named style, (named style, FontSpec) or a
        merged cell's sides."""
        xf = self._xf_ids.get(key)
        if xf is None:
            if isinstance(key, frozenset):
                body = f'<xf numFmtId="0" fontId="0" fillId="0" borderId="{self._border_ids[key]}" pivotButton="0" quotePrefix="0" xfId="0" />'
            else:
                name, font = key if isinstance(key, tuple) else (key, None)
                fmt, font_id, border, align, k = self.named[name]
                if font is not None:
                    font_id = self._font_ids[(font.name, float(font.size), bool(font.bold))]
                body = (
                    f'<xf numFmtId="{fmt}" fontId="{font_id}" fillId="0" borderId="{border}" applyAlignment="1" '
                    f'pivotButton="0" quotePrefix="0" xfId="{k}">{align}</xf>'
                )
            xf = self._xf_ids[key] = len(self.xfs)
            self.xfs.append(body)
        return xf

    def has_box(self, key: object) -> bool | None:
        """True: the thin box; False: no border (a named style without); None: a merged cell or none."""
        if key is None or isinstance(key, frozenset):
            return None
        return self._box[key[0] if isinstance(key, tuple) else key]

    def xml(self) -> bytes:
        fmts = "".join(
            f'<numFmt numFmtId="{_FIRST_CUSTOM_FORMAT + i}" formatCode="{_attr(code)}" />' for i, code in enumerate(self.formats)
        )
        style_xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" />']
        cell_styles = ['<cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" />']
        for name, (fmt, font, border, align, k) in self.named.items():
            style_xfs.append(f'<xf numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="{border}" applyAlignment="1">{align}</xf>')
            cell_styles.append(f'<cellStyle name="{_attr(name)}" xfId="{k}" hidden="0" />')
        return "".join(
            [
                f'<styleSheet xmlns="{_MAIN}">',
                f'<numFmts count="{len(self.formats)}">{fmts}</numFmts>',
                f'<fonts count="{len(self.fonts)}">{"".join(self.fonts)}</fonts>',
                _FILLS,
                f'<borders count="{len(self.borders)}">{"".join(self.borders)}</borders>',
                f'<cellStyleXfs count="{len(style_xfs)}">{"".join(style_xfs)}</cellStyleXfs>',
                f'<cellXfs count="{len(self.xfs)}">{"".join(self.xfs)}</cellXfs>',
                f'<cellStyles count="{len(cell_styles)}">{"".join(cell_styles)}</cellStyles>',
                _TABLE_STYLES,
                _COLORS,
                "</styleSheet>",
            ]
        ).encode()


def _bounds(ref: str) -> tuple[int, int, int, int]:
    """ "B5:D5" -> (min_row, min_col, max_row, max_col), 1-based."""
    m = re.fullmatch(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?", ref)
    if not m:
        raise ValueError(f"not a cell range: {ref}")
    c1, r1 = col_index(m.group(1)) + 1, int(m.group(2))
    c2, r2 = (col_index(m.group(3)) + 1, int(m.group(4))) if m.group(3) else (c1, r1)
    return r1, c1, r2, c2


class _Merged:
    """A cell of a merged range other than its top-left one: no value, and the sides of the
    top-left cell's border on the range's edge it lies on."""

    __slots__ = ("sides",)

    def __init__(self) -> None:
        self.sides: frozenset[str] = frozenset()


def _merge(grid: dict[int, dict[int, list | _Merged]], ref: str, styles: _Styles) -> None:
    """openpyxl's merge_cells: the cells other than the top-left one become merged cells (their
    values and styles dropped); those on the edge get the top-left cell's border there."""
    r1, c1, r2, c2 = _bounds(ref)
    start = grid.setdefault(r1, {}).setdefault(c1, [None, None])
    box = styles.has_box(start[1])
    end = grid.get(r2, {}).get(c2)
    if (r2, c2) != (r1, c1) and isinstance(end, list) and styles.has_box(end[1]) and not box:
        raise NotImplementedError(f"合并区域 {ref}：左上角单元格无边框而右下角有边框")  # the layouts never do this
    for r in range(r1, r2 + 1):
        row = grid.setdefault(r, {})
        for c in range(c1, c2 + 1):
            if (r, c) != (r1, c1):
                row[c] = _Merged()
    if not box:
        return  # no border to spread
    edges = {
        "top": [(r1, c) for c in range(c1, c2 + 1)],
        "left": [(r, c1) for r in range(r1, r2 + 1)],
        "right": [(r, c2) for r in range(r1, r2 + 1)],
        "bottom": [(r2, c) for c in range(c1, c2 + 1)],
    }
    for side in ("top", "left", "right", "bottom"):
        for r, c in edges[side]:
            cell = grid[r][c]
            if isinstance(cell, _Merged):
                cell.sides = cell.sides | {side}
                styles.merged_border(cell.sides)


def _absolute(span: str) -> str:
    """ "5:6" -> "$5:$6", "A:D" -> "$A:$D" (print titles)."""
    a, b = span.split(":")
    return f"${a}:${b}"


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _sheet_xml(plan: L.SheetPlan, styles: _Styles) -> bytes:
    grid: dict[int, dict[int, list | _Merged]] = {}  # row -> column -> [value, style] or a merged cell
    fonts = plan.fonts
    for r, c, v, style in plan.cells:
        row = grid.get(r)
        if row is None:
            row = grid[r] = {}
        row[c] = [v, (style, fonts[r, c]) if fonts and (r, c) in fonts else style]
        if type(v) is dt.datetime:  # openpyxl gives the cell a date-time format first (its style then replaces it)
            styles.number_format(_DATETIME_FORMAT)
    for f in fonts.values():
        styles.font(f.name, f.size, f.bold)
    for ref in plan.merges:
        _merge(grid, ref, styles)
    rows = sorted(grid.keys() | plan.heights.keys())
    cells_rows = [r for r in rows if grid.get(r)]
    if cells_rows:
        cols = [c for r in cells_rows for c in (min(grid[r]), max(grid[r]))]
        dim = f"{col_letters(min(cols) - 1)}{cells_rows[0]}:{col_letters(max(cols) - 1)}{cells_rows[-1]}"
    else:
        dim = "A1:A1"
    fr1, fc1, _, _ = _bounds(plan.freeze)
    if fr1 <= 1 or fc1 <= 1:
        raise NotImplementedError(f"冻结窗格须在 A1 右下方：{plan.freeze}")
    out = [
        f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" />'
        f'<pageSetUpPr fitToPage="1" /></sheetPr><dimension ref="{dim}" />'
        f'<sheetViews><sheetView workbookViewId="0"><pane xSplit="{fc1 - 1}" ySplit="{fr1 - 1}" '
        f'topLeftCell="{plan.freeze}" activePane="bottomRight" state="frozen" /><selection pane="topRight" />'
        '<selection pane="bottomLeft" /><selection pane="bottomRight" activeCell="A1" sqref="A1" /></sheetView>'
        '</sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15" /><cols>',
        *(f'<col width="{_num(float(w))}" customWidth="1" min="{i}" max="{i}" />' for i, w in enumerate(plan.widths, 1)),
        "</cols><sheetData>",
    ]
    letters = [col_letters(i) for i in range(max((max(row) for row in grid.values() if row), default=1))]
    xf, heights, merged, cell_xml = styles.xf, plan.heights, _Merged, _cell
    for r in rows:
        h = heights.get(r)
        out.append(f'<row r="{r}" ht="{_num(float(h))}" customHeight="1">' if h is not None else f'<row r="{r}">')
        row = grid.get(r)
        if row:
            for c in sorted(row):
                cell = row[c]
                if cell.__class__ is merged:
                    if cell.sides:
                        out.append(f'<c r="{letters[c - 1]}{r}" s="{xf(cell.sides)}" t="n" />')
                    continue
                v, key = cell
                if key is not None:
                    out.append(cell_xml(f"{letters[c - 1]}{r}", xf(key), v))
                elif v is not None:
                    out.append(cell_xml(f"{letters[c - 1]}{r}", 0, v))
        out.append("</row>")
    out.append("</sheetData>")
    if plan.merges:
        out.append(f'<mergeCells count="{len(plan.merges)}">')
        out += [f'<mergeCell ref="{m}" />' for m in plan.merges]
        out.append("</mergeCells>")
    p = plan.print_setup
    side, top, bottom, header, foot = L.MARGINS
    order = f' pageOrder="{p.page_order}"' if p.page_order else ""
    out.append(
        f'<printOptions horizontalCentered="{int(p.centered)}" />'
        f'<pageMargins left="{_num(side)}" right="{_num(side)}" top="{_num(top)}" bottom="{_num(bottom)}" '
        f'header="{_num(header)}" footer="{_num(foot)}" />'
        f'<pageSetup orientation="landscape" paperSize="{p.paper_size}" fitToHeight="0" fitToWidth="{p.fit_width}"{order} />'
        f"<headerFooter><oddHeader /><oddFooter>{_text('&C' + p.footer)}</oddFooter><evenHeader /><evenFooter />"
        "<firstHeader /><firstFooter /></headerFooter></worksheet>"
    )
    return "".join(out).encode()


def _workbook_xml(plans: Sequence[L.SheetPlan]) -> bytes:
    sheets = "".join(
        f'<sheet name="{_attr(p.name)}" sheetId="{i}" state="visible" r:id="rId{i}" />' for i, p in enumerate(plans, 1)
    )
    names = []
    for i, p in enumerate(plans):
        q, s = _quote(p.name), p.print_setup
        titles = [f"{q}!{_absolute(s.title_rows)}"] if s.title_rows else []
        if s.title_cols:
            titles.append(f"{q}!{_absolute(s.title_cols)}")
        if titles:
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{_text(",".join(titles))}</definedName>')
        area = f"{q}!$A$1:${s.last_col}${s.last_row}"
        names.append(f'<definedName name="_xlnm.Print_Area" localSheetId="{i}">{_text(area)}</definedName>')
    return (
        f'<workbook xmlns:r="{_REL}" xmlns="{_MAIN}"><workbookPr /><workbookProtection /><bookViews>'
        '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" '
        'showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1" /></bookViews>'
        f"<sheets>{sheets}</sheets><definedNames>{''.join(names)}</definedNames>"
        '<calcPr calcId="124519" fullCalcOnLoad="1" /></workbook>'
    ).encode()


def _workbook_rels(n: int) -> bytes:
    rels = [
        f'<Relationship Type="{_REL}/worksheet" Target="/xl/worksheets/sheet{i}.xml" Id="rId{i}" />' for i in range(1, n + 1)
    ]
    rels.append(f'<Relationship Type="{_REL}/styles" Target="styles.xml" Id="rId{n + 1}" />')
    rels.append(f'<Relationship Type="{_REL}/theme" Target="theme/theme1.xml" Id="rId{n + 2}" />')
    return f'<Relationships xmlns="{_PKG_REL}">{"".join(rels)}</Relationships>'.encode()


def _content_types(n: int) -> bytes:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.spreadsheetml.worksheet+xml" />'
        for i in range(1, n + 1)
    )
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />'
        '<Default Extension="xml" ContentType="application/xml" />'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml" />'
        f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_CT}.theme+xml" />'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />'
        f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml" />'
        f"{sheets}"
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml" /></Types>'
    ).encode()


def workbook_parts(plans: Sequence[L.SheetPlan], *, now: dt.datetime | None = None) -> list[tuple[str, bytes]]:
    """(zip member, body) of the workbook, in the order openpyxl writes them."""
    if not plans:
        raise ValueError("a workbook needs at least one sheet")
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    styles = _Styles()
    parts = [
        ("docProps/app.xml", _APP.encode()),
        ("docProps/core.xml", _CORE.format(now=stamp).encode()),
        ("xl/theme/theme1.xml", THEME_XML.encode()),
    ]
    parts += [(f"xl/worksheets/sheet{i}.xml", _sheet_xml(p, styles)) for i, p in enumerate(plans, 1)]
    parts += [
        ("xl/styles.xml", styles.xml()),
        ("_rels/.rels", _ROOT_RELS.encode()),
        ("xl/workbook.xml", _workbook_xml(plans)),
        ("xl/_rels/workbook.xml.rels", _workbook_rels(len(plans))),
        ("[Content_Types].xml", _content_types(len(plans))),
    ]
    return parts


def workbook_xlsx(plans: Sequence[L.SheetPlan]) -> bytes:
    """The .xlsx bytes of the planned sheets (deflated, as openpyxl saves)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in workbook_parts(plans):
            z.writestr(name, body)
    return buf.getvalue()
