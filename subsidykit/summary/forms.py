"""附件3 信用承诺书 and 附件4 真实性核查表, prefilled per project from the ledger rows.

Each is one workbook with one sheet (one printed A4 page) per project:
`附件3_信用承诺书.xlsx` for every project of the summary tables, `附件4_真实性核查表.xlsx`
for the projects to verify: those marked in the ledger's 是否核查 column when it has one,
otherwise every project of the tables (the clerk picks the sample; the 审核 sheet says how
many the notice requires).

Wording of the forms: 000_e236479adaf7e68e.txt lines 5026-5069 (附件3, written once in
`summary_layout`: COMMITMENT_*) and 5071-5124 (附件4, here).  The year, fund and the 经营年限
condition come from the catalog, not from this module.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from subsidykit.workbooks import summary_layout as L
from subsidykit.catalog import Catalog, load_catalog
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.ledger import LedgerRow
from subsidykit.workbooks.reproducible import workbook_bytes
from subsidykit.workbooks.summary_layout import COMMITMENT_LABELS, COMMITMENT_PLEDGES, COMMITMENT_SIGN, COMMITMENT_TITLE
from subsidykit.summary.table import Review, Summary

COMMITMENT_FILE = "附件3_信用承诺书.xlsx"
VERIFICATION_FILE = "附件4_真实性核查表.xlsx"

# 附件4 (lines 5071-5124)
VERIFICATION_TITLE_2 = "入库项目真实性核查表"  # line 5074
VERIFICATION_ITEMS = (  # lines 5082-5099; item 1's 经营年限 clause is the catalog's general condition
    "1. 申报主体是否在江苏省域内注册，具有独立的法人资格且{operating}。",
    "2. 项目备案（核准）、环评、能评、安评、规划、土地等手续是否完备，无需相关手续的项目是否有说明材料。",
    "3. 项目如有前期投入，已投入资金明细清单、设备发票（或付款凭证、合同、进货单等）和现场实物是否一致。",
    "4. 项目申报表中的经济指标与证明材料是否一致。",
    "5. 项目建设内容与实际是否相符。",
    "6. 根据专家评审意见等，需要核查的其他相关内容。",
)
VERIFICATION_TAIL = (  # lines 5101-5119
    "核查结论与建议：（可附不超过 100 字的文字说明）",
    "核查人员：（签字）",
    "核查负责人单位及职务：",
    "核查负责人联系电话：",
    "核查日期：       年      月     日",
)
# lines 5120-5124; the 操作流程 it names is that of the 转型升级 fund
VERIFICATION_NOTES_2023_FUND = (
    "说明：1. 项目真实性核查根据《江苏省工业和信息产业转型升级专项资金项目管理操作流程（2022 年修订）》要求开展，所有核查人员须现场签字；",
    "2. 项目核查表须扫描上传至专项资金项目库管理系统。",
)
VERIFICATION_NOTES_OTHER = ("说明：1. 所有核查人员须现场签字；", "2. 项目核查表须扫描上传至专项资金项目库管理系统。")
_OPERATION_FUND = "江苏省工业和信息产业转型升级专项资金"


def _operating_clause(summary: Summary, catalog: Catalog) -> str:
    """The 经营年限 condition of the year's notice as the catalog labels it ("正常经营1年以上（截至2022年6月30日）")."""
    doc = L.document_for(summary.year, summary.fund, catalog)
    for t in doc.general_thresholds:
        if t.field == "成立日期" and "经营" in t.label:
            return t.label
    return "正常经营"


def _amount_text(v: object) -> object:
    return v if isinstance(v, Decimal) else (v or None)


def _sheet_title(seq: int, row: LedgerRow, taken: list[str]) -> str:
    name = str(row.values.get("单位名称") or f"第{row.row}行")
    return L.safe_sheet_name(f"{seq:02d} {name}", taken)


def _font(size: float):
    from openpyxl.styles import Font

    return Font(name="方正小标宋简体", size=size, bold=True)


def _align(h: str, v: str, indent: int = 0):
    from openpyxl.styles import Alignment

    return Alignment(horizontal=h, vertical=v, wrap_text=True, indent=indent)


def _box(ws, cells: str) -> None:
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="000000")
    for line in ws[cells]:
        for c in line:
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)


def _put(ws, ref: str, value: object, style: str = "sk_text", merge: str | None = None) -> None:
    cell = ws[ref]
    if isinstance(value, str):
        L.set_text(cell, value)
    elif value is not None:
        cell.value = value
    cell.style = style
    if merge:
        ws.merge_cells(merge)
        if style in ("sk_text", "sk_head", "sk_amount", "sk_center"):
            _box(ws, merge)


def _portrait(ws, last_row: int, last_col: str) -> None:
    L.apply_print_setup(ws, paper="A4", last_row=last_row, last_col=last_col)
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToHeight = 1


def commitment_workbook(summary: Summary, reviews: Sequence[Review] | None = None):
    """附件3 信用承诺书: one sheet per project (default: every project of the tables)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    L.register_styles(wb)
    chosen = list(reviews) if reviews is not None else [r for r in summary.reviews if r.category is not None]
    taken: list[str] = []
    for i, rv in enumerate(chosen, 1):
        row = rv.row
        ws = wb.create_sheet(_sheet_title(i, row, taken))
        taken.append(ws.title)
        for col, w in zip("ABCDEF", (14, 22, 12, 16, 12, 18), strict=True):
            ws.column_dimensions[col].width = w
        _put(ws, "A1", "附件3", "sk_attach")
        _put(ws, "A2", COMMITMENT_TITLE.format(year=summary.year), "sk_title", "A2:F2")
        ws["A2"].font = _font(15)
        basis = ""
        if rv.selection is not None:
            basis = f"{rv.selection.program.guide}：{rv.selection.program.title}"
        elif rv.category is not None:
            basis = f"{summary.year}年度{summary.fund}（{rv.category.name}）"
        where = row.values.get("所在地") or row.values.get("地区") or summary.region
        label = COMMITMENT_LABELS  # field -> label as printed (lines 5030-5035)
        _put(ws, "A3", label["单位名称"], "sk_head")
        _put(ws, "B3", row.values.get("单位名称"), "sk_text", "B3:C3")
        _put(ws, "D3", label["统一社会信用代码"], "sk_head")
        _put(ws, "E3", row.values.get("统一社会信用代码"), "sk_text", "E3:F3")
        _put(ws, "A4", label["申报项目名称"], "sk_head")
        _put(ws, "B4", row.values.get("申报项目名称"), "sk_text", "B4:C4")
        _put(ws, "D4", label["申报依据"], "sk_head")
        _put(ws, "E4", basis, "sk_text", "E4:F4")
        _put(ws, "A5", label["项目总投入"], "sk_head")
        _put(ws, "B5", _amount_text(row.values.get("项目总投入")), "sk_amount", "B5:C5")
        _put(ws, "D5", label["申请补助资金"], "sk_head")
        _put(ws, "E5", _amount_text(row.values.get("申请补助资金")), "sk_amount", "E5:F5")
        for ref in ("B5", "E5"):
            ws[ref].number_format = '#,##0.00" 万元"'
        _put(ws, "A6", label["所在地"], "sk_head")
        _put(ws, "B6", where or None, "sk_text")
        _put(ws, "C6", label["项目责任人"], "sk_head")
        _put(ws, "D6", row.values.get("项目责任人"), "sk_text")
        _put(ws, "E6", label["联系电话"], "sk_head")
        _put(ws, "F6", row.values.get("联系电话"), "sk_text")
        _put(ws, "A7", "\n".join(COMMITMENT_PLEDGES), "sk_text", "A7:F7")
        ws["A7"].alignment = _align("left", "top")
        _put(ws, "A8", "\n\n".join(COMMITMENT_SIGN), "sk_text", "A8:F8")
        ws["A8"].alignment = _align("right", "center", indent=6)
        for r, h in ((2, 40), (7, 260), (8, 180)):
            ws.row_dimensions[r].height = h
        for r in (3, 4, 5, 6):  # label / value pairs: tall enough for the longest wrapped text
            texts = [ws.cell(row=r, column=c).value for c in range(1, 7)]
            widths = (14, 34, 12, 16, 30, 18) if r < 6 else (14, 22, 12, 16, 12, 18)
            ws.row_dimensions[r].height = max(30, L.row_height(texts, widths))
        _portrait(ws, 8, "F")
    return wb


def verification_rows(summary: Summary) -> list[Review]:
    """Projects that get a 核查表: those marked 是否核查 in the ledger, else all projects of the tables."""
    listed = [r for r in summary.reviews if r.category is not None]
    if any("是否核查" in r.row.values for r in summary.reviews):
        return [r for r in listed if r.row.values.get("是否核查") is True]
    return listed


def verification_workbook(summary: Summary, reviews: Sequence[Review] | None = None, *, catalog: Catalog | None = None):
    """附件4 真实性核查表: one sheet per project to verify."""
    from openpyxl import Workbook

    cat = catalog or load_catalog()
    wb = Workbook()
    wb.remove(wb.active)
    L.register_styles(wb)
    operating = _operating_clause(summary, cat)
    notes = VERIFICATION_NOTES_2023_FUND if summary.fund == _OPERATION_FUND else VERIFICATION_NOTES_OTHER
    chosen = list(reviews) if reviews is not None else verification_rows(summary)
    taken: list[str] = []
    for i, rv in enumerate(chosen, 1):
        row = rv.row
        ws = wb.create_sheet(_sheet_title(i, row, taken))
        taken.append(ws.title)
        for col, w in zip("ABC", (14, 50, 26), strict=True):
            ws.column_dimensions[col].width = w
        _put(ws, "A1", "附件4", "sk_attach")
        _put(ws, "A2", L.TITLE_1.format(year=summary.year, fund=summary.fund), "sk_title", "A2:C2")
        _put(ws, "A3", VERIFICATION_TITLE_2, "sk_title", "A3:C3")
        for ref in ("A2", "A3"):
            ws[ref].font = _font(14)
        kind = rv.category.name if rv.category else ""
        if rv.selection is not None:
            kind = f"{kind}／{rv.selection.program.title}"
        _put(ws, "A4", "申报主体", "sk_head")
        _put(ws, "B4", row.values.get("单位名称"), "sk_text", "B4:C4")
        _put(ws, "A5", "项目名称", "sk_head")
        _put(ws, "B5", row.values.get("申报项目名称"), "sk_text", "B5:C5")
        _put(ws, "A6", "所属类别", "sk_head")
        _put(ws, "B6", kind, "sk_text", "B6:C6")
        _put(ws, "A7", "具体核查内容", "sk_head", "A7:B7")
        _put(ws, "C7", "核查情况", "sk_head")
        r = 8
        for item in VERIFICATION_ITEMS:
            _put(ws, f"A{r}", item.format(operating=operating), "sk_text", f"A{r}:B{r}")
            _put(ws, f"C{r}", None, "sk_text")
            ws.row_dimensions[r].height = 42
            r += 1
        _put(ws, f"A{r}", VERIFICATION_TAIL[0], "sk_text", f"A{r}:C{r}")
        ws[f"A{r}"].alignment = _align("left", "top")
        ws.row_dimensions[r].height = 120
        r += 1
        for line in VERIFICATION_TAIL[1:]:
            _put(ws, f"A{r}", line, "sk_text", f"A{r}:C{r}")
            ws.row_dimensions[r].height = 28 if line != VERIFICATION_TAIL[1] else 44
            r += 1
        for line in notes:
            _put(ws, f"A{r}", line, "sk_note", f"A{r}:C{r}")
            ws.row_dimensions[r].height = 30
            r += 1
        for rr, h in ((2, 24), (3, 24), (4, 28), (5, 28), (6, 28), (7, 24)):
            ws.row_dimensions[rr].height = h
        _portrait(ws, r - 1, "C")
    return wb


FORM_FILES = (COMMITMENT_FILE, VERIFICATION_FILE)


def form_paths(folder: str | Path) -> list[Path]:
    """The files `write_forms` may write into `folder` (to check them before any work)."""
    return [Path(folder) / name for name in FORM_FILES]


def write_forms(summary: Summary, folder: str | Path, *, catalog: Catalog | None = None, overwrite: bool = True) -> list[Path]:
    """Write 附件3 and 附件4 workbooks into `folder` (atomically); returns the paths written.

    A form workbook with no project is not written (an xlsx needs at least one sheet).
    `overwrite=False`: an existing form file is not replaced (FileExistsError, nothing written)."""
    out: list[Path] = []
    folder = Path(folder)
    books = []
    for name, wb in (
        (COMMITMENT_FILE, commitment_workbook(summary)),
        (VERIFICATION_FILE, verification_workbook(summary, catalog=catalog)),
    ):
        if wb.worksheets:
            books.append((folder / name, wb))
    if not overwrite:
        for path, _wb in books:
            if path.exists() or path.is_symlink():
                raise FileExistsError(errno.EEXIST, "文件已存在", str(path))
    for path, wb in books:
        out.append(write_bytes_atomic(path, workbook_bytes(wb), overwrite=overwrite))
    return out
