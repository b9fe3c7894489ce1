"""The .xlam package: OOXML parts around the generated vbaProject.bin.

Built from the text sources in ``addin/desktop`` (addin.toml, customUI14.xml, vba/*.bas
and *.cls) plus two generated inputs: the UDF wrapper module (from ``udfs``) and the rows
of the hidden 使用说明 sheet (``macros.help.help_rows()``, passed in by the CLI). Same sources, same bytes:
fixed zip timestamps, GUIDs derived from names, no clock anywhere.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from xml.sax.saxutils import escape

from subsidykit.workbooks.cells import col_letters
from subsidykit.workbooks.reproducible import reproducible_zip
from subsidykit.xlam import ovba, ribbon, udfgen

SOURCE_DIR = Path(__file__).resolve().parents[2] / "addin" / "desktop"

CT_ADDIN = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml"
CT_VBA = "application/vnd.ms-office.vbaProject"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

R_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_DOC = R_OFFICE + "/officeDocument"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_APP = R_OFFICE + "/extended-properties"
REL_SHEET = R_OFFICE + "/worksheet"
REL_STYLES = R_OFFICE + "/styles"
REL_SST = R_OFFICE + "/sharedStrings"
REL_THEME = R_OFFICE + "/theme"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class BuildError(ValueError):
    """A source problem, with a Chinese message."""


@dataclass(frozen=True)
class Sheet:
    name: str
    code_name: str
    rows: list[list[str]]
    widths: tuple[float, ...] = ()
    header: bool = False


@dataclass(frozen=True)
class BuildResult:
    data: bytes
    modules: list[ovba.Module]
    buttons: list[dict[str, str]]
    file_name: str
    title: str


def load_config(source_dir: Path = SOURCE_DIR) -> dict:
    path = Path(source_dir) / "addin.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"找不到加载项配置文件 {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(f"加载项配置文件 {path} 格式错误：{exc}") from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(f"找不到源文件 {path}") from None
    except UnicodeDecodeError:
        raise BuildError(f"源文件 {path} 须为 UTF-8 编码") from None


def collect_modules(source_dir: Path, config: dict, udf_module: ModuleType | None = None) -> list[ovba.Module]:
    """Every module of the project, in project order, with its stream text."""
    modules: list[ovba.Module] = []
    entries = config.get("modules", [])
    sheets = config.get("sheets", [])
    by_kind = {"module": ovba.PROCEDURAL, "class": ovba.CLASS, "document": ovba.DOCUMENT}
    for entry in entries:
        path = Path(source_dir) / "vba" / entry["file"]
        name = Path(entry["file"]).stem
        kind = by_kind.get(entry.get("kind", "module"))
        if kind is None:
            raise BuildError(f"模块 {entry['file']} 的 kind 须为 module、class 或 document")
        base = ovba.BASE_WORKBOOK if kind == ovba.DOCUMENT else ""
        text = _read(path)
        first = next((l for l in text.splitlines() if l.startswith("Attribute VB_Name = ")), "")
        if first != f'Attribute VB_Name = "{name}"':
            raise BuildError(f"{path.name}：Attribute VB_Name 须为 \"{name}\"（与文件名一致）")
        try:
            modules.append(ovba.Module(name, kind, ovba.stream_source(name, kind, text, base)))
        except ValueError as exc:
            raise BuildError(str(exc)) from None
    for sheet in sheets:
        code = sheet["code_name"]
        modules.append(ovba.Module(code, ovba.DOCUMENT, ovba.stream_source(code, ovba.DOCUMENT, "", ovba.BASE_WORKSHEET)))
    udf = config.get("udfs", {})
    if udf.get("module"):
        if udf_module is None or udf_module.__name__ != udf["module"]:
            given = "未提供" if udf_module is None else udf_module.__name__
            raise BuildError(f"addin.toml 的 [udfs] module 为「{udf['module']}」，构建时提供的函数模块为「{given}」")
        funcs = udfgen.collect(udf_module, config["addin"].get("category", "专项资金"))
        text = udfgen.wrapper_text(udf["module"], funcs, udf.get("vba_module", "xlwings_udfs"))
        modules.append(ovba.Module(udf.get("vba_module", "xlwings_udfs"), ovba.PROCEDURAL, text))
    names = [m.name for m in modules]
    for n in names:
        if not n.isascii() or not n.replace("_", "a").isalnum() or not n[0].isalpha() or len(n) > 31:
            raise BuildError(f"模块名「{n}」须为 31 个字符以内的英文标识符")
    if len({n.lower() for n in names}) != len(names):
        raise BuildError("模块名有重复")
    # document modules first (as Excel lists them), then the rest in configuration order
    return [m for m in modules if m.kind == ovba.DOCUMENT] + [m for m in modules if m.kind != ovba.DOCUMENT]


def _sheets(config: dict, help_rows: Sequence[Sequence[object]] | None) -> list[Sheet]:
    out = []
    for s in config.get("sheets", []):
        content = s.get("content")
        if content == "config":
            rows = [[str(k), str(v)] for k, v in config.get("config", {}).items()]
            out.append(Sheet(s["name"], s["code_name"], rows, (18, 24)))
        elif content == "help":
            if help_rows is None:
                raise BuildError(f"工作表 {s['name']} 为使用说明，构建时须提供其内容（macros.help.help_rows）")
            rows = [[("" if c is None else str(c)) for c in r] for r in help_rows]
            out.append(Sheet(s["name"], s["code_name"], rows, (12, 20, 44, 90), header=True))
        else:
            raise BuildError(f"工作表 {s['name']} 的 content 须为 config 或 help")
    return out


def _sheet_xml(sheet: Sheet, sst: dict[str, int], selected: bool) -> str:
    width = max((len(r) for r in sheet.rows), default=1)
    ref = f"A1:{col_letters(width - 1)}{max(len(sheet.rows), 1)}"
    tab = 'tabSelected="1" ' if selected else ""
    pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' if sheet.header else ""
    parts = [
        XML_HEAD,
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{R_OFFICE}">',
        f'<sheetPr codeName="{sheet.code_name}"/>',
        f'<dimension ref="{ref}"/>',
        f"<sheetViews><sheetView {tab}workbookViewId=\"0\">{pane}</sheetView></sheetViews>",
        '<sheetFormatPr defaultRowHeight="15"/>',
    ]
    if sheet.widths:
        parts.append("<cols>")
        for i, w in enumerate(sheet.widths):
            style = ' style="2"' if sheet.header and i == len(sheet.widths) - 1 else ""
            parts.append(f'<col min="{i + 1}" max="{i + 1}" width="{w}"{style} customWidth="1"/>')
        parts.append("</cols>")
    parts.append("<sheetData>")
    for r, row in enumerate(sheet.rows, start=1):
        parts.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            if value == "":
                continue
            if value not in sst:
                sst[value] = len(sst)
            style = 1 if sheet.header and r == 1 else (2 if sheet.header else 0)
            s = f' s="{style}"' if style else ""
            parts.append(f'<c r="{col_letters(c)}{r}"{s} t="s"><v>{sst[value]}</v></c>')
        parts.append("</row>")
    parts.append("</sheetData>")
    parts.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    parts.append("</worksheet>")
    return "".join(parts)


STYLES = (
    XML_HEAD
    + f'<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>'
    '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _rels(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{escape(target)}"/>' for i, t, target in rels)
    return XML_HEAD + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def build(
    source_dir: Path = SOURCE_DIR,
    *,
    udf_module: ModuleType | None = None,
    help_rows: Sequence[Sequence[object]] | None = None,
) -> BuildResult:
    """The .xlam bytes and what went into them.

    The worksheet functions (`udf_module`, the module addin.toml's [udfs] names) and the rows of
    the 使用说明 sheet are given by the caller (the CLI passes `udfs` and `macros.help.help_rows()`):
    this package builds files and imports no adapter."""
    source_dir = Path(source_dir)
    config = load_config(source_dir)
    addin = config.get("addin", {})
    for key in ("title", "file_name", "project_name", "vba_project"):
        if not addin.get(key):
            raise BuildError(f"addin.toml 缺少 [addin] {key}")
    codepage = int(addin.get("codepage", 936))
    ui = (source_dir / "customUI14.xml").read_bytes() if (source_dir / "customUI14.xml").exists() else None
    if ui is None:
        raise BuildError(f"找不到功能区文件 {source_dir / 'customUI14.xml'}")
    problems = ribbon.validate(ui)
    if problems:
        raise BuildError("customUI14.xml 不符合功能区架构：\n  " + "\n  ".join(problems))
    modules = collect_modules(source_dir, config, udf_module)
    xlwings_mod = next((m for m in modules if m.name == "xlwings"), None)
    if xlwings_mod and f'PROJECT_NAME As String = "{addin["project_name"]}"' not in xlwings_mod.text:
        raise BuildError(f"vba/xlwings.bas 中的 PROJECT_NAME 须为 \"{addin['project_name']}\"")
    try:
        vba_bin = ovba.vba_project_bin(addin["vba_project"], modules, codepage=codepage)
    except ValueError as exc:
        raise BuildError(str(exc)) from None
    sheets = _sheets(config, help_rows)
    conf_name = f"{addin['project_name']}.conf"
    if conf_name not in [s.name for s in sheets]:
        raise BuildError(f"缺少配置工作表 {conf_name}")

    sst: dict[str, int] = {}
    sheet_parts = [_sheet_xml(s, sst, i == 0) for i, s in enumerate(sheets)]
    sst_xml = (
        XML_HEAD
        + f'<sst xmlns="{MAIN_NS}" count="{len(sst)}" uniqueCount="{len(sst)}">'
        + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in sst)
        + "</sst>"
    )
    n = len(sheets)
    wb_rels = [(f"rId{i + 1}", REL_SHEET, f"worksheets/sheet{i + 1}.xml") for i in range(n)]
    wb_rels += [(f"rId{n + 1}", REL_STYLES, "styles.xml"), (f"rId{n + 2}", REL_SST, "sharedStrings.xml"),
                (f"rId{n + 3}", REL_THEME, "theme/theme1.xml"), (f"rId{n + 4}", REL_VBA, "vbaProject.bin")]
    workbook = (
        XML_HEAD
        + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{R_OFFICE}">'
        '<workbookPr codeName="ThisWorkbook"/>'
        '<bookViews><workbookView visibility="hidden" activeTab="0"/></bookViews><sheets>'
        + "".join(f'<sheet name="{escape(s.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, s in enumerate(sheets))
        + '</sheets><calcPr calcId="191029"/></workbook>'
    )
    title = escape(addin["title"])
    core = (
        XML_HEAD
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>subsidykit</dc:creator>"
        f"<dc:description>{title} {escape(str(addin.get('version', '')))}</dc:description></cp:coreProperties>"
    )
    app = (
        XML_HEAD
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><Company>{title}</Company>"
        f"<AppVersion>16.0300</AppVersion></Properties>"
    )
    from subsidykit.workbooks.theme import THEME_XML

    overrides = [("/xl/workbook.xml", CT_ADDIN)]
    overrides += [(f"/xl/worksheets/sheet{i + 1}.xml", CT_SHEET) for i in range(n)]
    overrides += [("/xl/styles.xml", CT_STYLES), ("/xl/sharedStrings.xml", CT_SST), ("/xl/theme/theme1.xml", CT_THEME),
                  ("/xl/vbaProject.bin", CT_VBA), ("/docProps/core.xml", CT_CORE), ("/docProps/app.xml", CT_APP)]
    content_types = (
        XML_HEAD
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )
    parts: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", content_types.encode()),
        ("_rels/.rels", _rels([("rId1", REL_DOC, "xl/workbook.xml"), ("rId2", REL_CORE, "docProps/core.xml"),
                               ("rId3", REL_APP, "docProps/app.xml"), ("rId4", ribbon.REL_TYPE, "customUI/customUI14.xml")]).encode()),
        ("docProps/core.xml", core.encode()),
        ("docProps/app.xml", app.encode()),
        ("xl/workbook.xml", workbook.encode()),
        ("xl/_rels/workbook.xml.rels", _rels(wb_rels).encode()),
        *[(f"xl/worksheets/sheet{i + 1}.xml", x.encode()) for i, x in enumerate(sheet_parts)],
        ("xl/styles.xml", STYLES.encode()),
        ("xl/sharedStrings.xml", sst_xml.encode()),
        ("xl/theme/theme1.xml", THEME_XML.encode()),
        ("xl/vbaProject.bin", vba_bin),
        ("customUI/customUI14.xml", ui),
    ]
    data = reproducible_zip(parts)  # fixed dates: same sources, same bytes
    return BuildResult(data, modules, ribbon.buttons(ui), addin["file_name"], addin["title"])
