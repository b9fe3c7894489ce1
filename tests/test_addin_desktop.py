"""The desktop add-in (.xlam) built from the text sources in addin/desktop, read back
with independent tools: zipfile/ElementTree, openpyxl, olefile, oletools' olevba
(an independent MS-OVBA decoder) and, when installed, LibreOffice."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import olefile
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream

from subsidykit.xlam import SOURCE_DIR, ovba, ribbon
from subsidykit.xlam.check import check_file, read_vba
from subsidykit.xlam.package import CT_ADDIN, load_config

REFERENCE = Path(__import__("xlwings").__file__).parent / "quickstart_addin_ribbon.xlam"
VBA_DIR = SOURCE_DIR / "vba"
RIBBON_XML = (SOURCE_DIR / "customUI14.xml").read_bytes()
BUTTONS = ["生成汇总表", "批量校验", "政策匹配", "插入台账模板", "项目目录", "设置", "帮助"]


def run(*args, env=None):
    proc = subprocess.run(
        [sys.executable, "-m", "subsidykit.cli", *args], capture_output=True, text=True, encoding="utf-8", env=env, check=False
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def xlam(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "subsidykit.xlam"
    code, stdout, stderr = run("addin", "build", "--out", str(out))
    assert code == 0, stderr
    assert str(out) in stdout and "7 个按钮" in stdout and "VBA 模块" in stdout
    return out


@pytest.fixture(scope="module")
def vba(xlam):
    with zipfile.ZipFile(xlam) as zf:
        return read_vba(zf.read("xl/vbaProject.bin"))


# --- the CLI ---------------------------------------------------------------------------------


def test_build_is_byte_identical_twice(xlam, tmp_path):
    again = tmp_path / "again.xlam"
    assert run("addin", "build", "--out", str(again))[0] == 0
    assert again.read_bytes() == xlam.read_bytes()


def test_build_refuses_a_non_xlam_name_in_chinese(tmp_path):
    code, _, err = run("addin", "build", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and "须以 .xlam 结尾" in err


def test_check_command_passes_on_the_build(xlam):
    code, out, _ = run("addin", "check", str(xlam))
    assert code == 0 and "结构检查通过" in out


def _home_env(home: Path) -> dict:
    env = dict(os.environ, HOME=str(home), USERPROFILE=str(home))
    return env


def test_install_into_a_folder_copies_and_creates_the_user_config(xlam, tmp_path):
    home, target = tmp_path / "home", tmp_path / "XLSTART"
    code, out, err = run("addin", "install", "--file", str(xlam), "--dir", str(target), env=_home_env(home))
    assert code == 0, err
    assert (target / "subsidykit.xlam").read_bytes() == xlam.read_bytes()
    conf = (home / "Library/Containers/com.microsoft.Excel/Data/subsidykit.conf") if sys.platform == "darwin" \
        else home / ".subsidykit" / "subsidykit.conf"
    assert conf.exists() and "已创建用户配置" in out
    assert conf.read_bytes().startswith(b'"INTERPRETER_')


def test_install_never_overwrites_an_existing_user_config(xlam, tmp_path):
    home = tmp_path / "home"
    conf = home / ".subsidykit" / "subsidykit.conf"
    conf.parent.mkdir(parents=True)
    conf.write_bytes('"YEAR","2023"\r\n"REGION","徐州市"\r\n'.encode("gbk"))
    before = conf.read_bytes()
    code, out, _ = run("addin", "install", "--file", str(xlam), "--dir", str(tmp_path / "t"), env=_home_env(home))
    assert code == 0 and "未改动" in out
    assert conf.read_bytes() == before


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin", reason="Linux: no desktop Excel")
def test_install_without_dir_on_linux_explains_in_chinese(tmp_path):
    code, out, _ = run("addin", "install", env=_home_env(tmp_path))
    assert code == 0 and "没有桌面版 Excel" in out and "subsidykit serve" in out
    assert not (tmp_path / ".subsidykit").exists()


def test_install_with_a_missing_file_is_a_chinese_error(tmp_path):
    code, _, err = run("addin", "install", "--file", str(tmp_path / "nope.xlam"), "--dir", str(tmp_path))
    assert code == 2 and "找不到加载项文件" in err


# --- the OOXML package -----------------------------------------------------------------------


def test_package_parts_content_types_and_relationships(xlam):
    assert check_file(xlam) == []
    with zipfile.ZipFile(xlam) as zf:
        names = set(zf.namelist())
        types = zf.read("[Content_Types].xml").decode()
        assert f'PartName="/xl/workbook.xml" ContentType="{CT_ADDIN}"' in types
        assert 'PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"' in types
        rels = zf.read("_rels/.rels").decode()
        assert f'Type="{ribbon.REL_TYPE}" Target="customUI/customUI14.xml"' in rels
        assert zf.read("customUI/customUI14.xml") == RIBBON_XML
        wb = zf.read("xl/workbook.xml").decode()
        assert 'codeName="ThisWorkbook"' in wb and 'visibility="hidden"' in wb
        assert "专项资金助手" in zf.read("docProps/core.xml").decode("utf-8")
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/vbaProject.bin"} <= names


def as_xlsm(xlam: Path, target: Path) -> Path:
    """The same package with the workbook content type of an .xlsm: openpyxl and LibreOffice
    do not load add-ins (LibreOffice refuses xlwings' Excel-made reference .xlam as well)."""
    with zipfile.ZipFile(xlam) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(CT_ADDIN.encode(), b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            dst.writestr(info, data)
    return target


def test_openpyxl_reads_the_config_and_help_sheets(xlam, tmp_path):
    copy = as_xlsm(xlam, tmp_path / "addin.xlsm")
    wb = openpyxl.load_workbook(copy, keep_vba=True)
    assert wb.sheetnames == ["subsidykit.conf", "使用说明"]
    conf = wb["subsidykit.conf"]
    assert conf["A1"].value == "UDF Modules" and conf["B1"].value == "udfs"
    assert conf.max_row == 1  # nothing the user should override (no interpreter)
    assert conf.sheet_properties.codeName == "ConfigSheet"
    help_sheet = wb["使用说明"]
    assert help_sheet.sheet_properties.codeName == "HelpSheet"
    from macros.help import help_rows

    rows = [[c if c is not None else "" for c in r] for r in help_sheet.iter_rows(values_only=True)]
    expected = [[str(c) if c is not None else "" for c in r] for r in help_rows()]
    assert [r[: len(e)] for r, e in zip(rows, expected)] == expected and len(rows) == len(expected)
    assert any(r[1] == "SUBSIDY_CAP" for r in rows) and [r[1] for r in rows[1:8]] == BUTTONS


def test_libreoffice_opens_the_addin(xlam, tmp_path):
    # never skipped: make test installs LibreOffice first (scripts/system-deps.sh)
    if shutil.which("soffice") is None:
        pytest.fail("缺少 soffice（libreoffice-calc-nogui）：请运行 scripts/system-deps.sh / run scripts/system-deps.sh")
    src = as_xlsm(xlam, tmp_path / "addin.xlsm")
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
         "--outdir", str(tmp_path / "csv"), str(src)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    outputs = list((tmp_path / "csv").glob("*.csv"))
    assert outputs, proc.stderr + proc.stdout
    text = "\n".join(p.read_text(encoding="utf-8") for p in outputs)
    assert text.startswith("类别,名称,用法,说明") and "SUBSIDY_CAP" in text  # sheet 2: 使用说明


# --- the ribbon ------------------------------------------------------------------------------


def test_ribbon_follows_the_schema_rules_and_has_the_seven_buttons():
    assert ribbon.validate(RIBBON_XML) == []
    buttons = ribbon.buttons(RIBBON_XML)
    assert [b["label"] for b in buttons] == BUTTONS
    assert all(b.get("imageMso") and b.get("screentip") and b.get("supertip") for b in buttons)
    assert [b["label"] for b in buttons if b.get("size") == "large"] == ["生成汇总表", "批量校验", "政策匹配"]
    assert '<tab id="zxzjTab" label="专项资金"'.encode() in RIBBON_XML
    assert RIBBON_XML.count(ribbon.NS.encode()) == 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('size="large"', 'size="huge"', "normal 或 large"),
        ('id="zxzjHelp"', 'id="zxzjSettings"', "重复"),
        ('id="zxzjHelp"', 'id="zxzj Help"', "NCName"),
        ('id="zxzjHelp"', 'idMso="Help" id="zxzjHelp"', "恰有一个"),
        ('id="zxzjHelp"', "", "恰有一个"),
        ('label="帮助"', 'label="' + "长" * 1025 + '"', "1024"),
        ('label="帮助"', 'label=""', "1024"),
        ('onAction="Ribbon.ShowHelp"', 'onAction="Ribbon.ShowHelp" onClick="x"', "不允许属性 onClick"),
        ('imageMso="Help"', 'imageMso="Help" image="help.png"', "互斥"),
        ("<tabs>", "<tabs><group id=\"g0\" label=\"x\"/>", "不允许 <group>"),
        ('keytip="ZX"', 'keytip="ZXZJ"', "1 至 3"),
        ("http://schemas.microsoft.com/office/2009/07/customui", "http://schemas.microsoft.com/office/2006/01/customui", "命名空间"),
        ("</customUI>", "", "XML 格式错误"),
    ],
)
def test_ribbon_validator_rejects_broken_variants(old, new, message):
    broken = RIBBON_XML.decode("utf-8").replace(old, new, 1).encode("utf-8")
    assert broken != RIBBON_XML
    problems = ribbon.validate(broken)
    assert any(message in p for p in problems), problems


def _vba_source(module: str) -> str:
    path = next(VBA_DIR.glob(f"{module}.*"))
    return path.read_text(encoding="utf-8")


def test_every_ribbon_callback_is_a_sub_taking_the_control():
    callbacks = ribbon.callbacks(RIBBON_XML)
    assert len(callbacks) == 7
    for control, attr, target in callbacks:
        module, _, proc = target.partition(".")
        text = _vba_source(module)
        assert re.search(rf"(?m)^Public Sub {proc}\(control As IRibbonControl\)$", text), (control, target)


def test_runpython_targets_exist_in_macros():
    text = _vba_source("Ribbon")
    targets = re.findall(r'RunPython "import macros; macros\.(\w+)\(\)"', text)
    assert targets == ["generate_summary", "validate_submissions", "match_programs", "insert_ledger_template", "insert_program_catalog"]
    macros = importlib.import_module("macros")
    missing = [t for t in targets if not callable(getattr(macros, t, None))]
    assert not missing, f"macros lacks {missing}"


def test_settings_and_help_are_pure_vba_with_the_config_keys():
    text = _vba_source("Ribbon")
    body = text[text.index("Public Sub ShowSettings") : text.index("Public Sub ShowHelp")]
    assert "RunPython" not in body and "RunPython" not in text[text.index("Public Sub ShowHelp") :]
    for key in ('"YEAR"', '"REGION"', '"REGISTER"', '"INTERPRETER_WIN"', '"INTERPRETER_MAC"'):
        assert key in body
    assert body.count("SaveConfigToFile GetConfigFilePath(),") == 4
    assert body.count("If VarType(answer) = vbBoolean Then Exit Sub") == 4  # cancel: nothing saved
    # the register's address is never saved with a password in it (issue 18: credentials from the environment)
    assert "If Not HasPassword(registerValue) Then Exit Do" in body
    assert body.index("Exit Sub") < body.index("SaveConfigToFile")
    assert 'ThisWorkbook.Worksheets(HELP_SHEET).Copy' in text and 'HELP_SHEET As String = "使用说明"' in text
    assert "IsValidYear = (CLng(text) >= 2021 And CLng(text) <= 2030)" in text


def test_xlwings_module_is_upstream_with_only_the_project_name_changed():
    upstream = (Path(__import__("xlwings").__file__).parent / "xlwings_custom_addin.bas").read_text(encoding="utf-8")
    ours = _vba_source("xlwings")
    diff = [(a, b) for a, b in zip(upstream.replace("\r\n", "\n").split("\n"), ours.split("\n")) if a != b]
    assert diff == [('Public Const PROJECT_NAME As String = "myaddin"', 'Public Const PROJECT_NAME As String = "subsidykit"')]
    assert "BSD 3-clause" in ours and "'Version: " + __import__("xlwings").__version__ in ours
    assert load_config()["addin"]["project_name"] == "subsidykit"


# --- the VBA project -------------------------------------------------------------------------


def _expected_modules() -> dict[str, str]:
    """Module name -> source text, as checked in (generated ones excluded)."""
    return {p.stem: p.read_text(encoding="utf-8") for p in VBA_DIR.iterdir() if p.suffix in (".bas", ".cls")}


def _body(text: str) -> list[str]:
    """Lines after the module header (VERSION block and module-level Attribute lines)."""
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    if lines[0].startswith("VERSION "):
        i = lines.index("END") + 1
    while i < len(lines) and lines[i].startswith("Attribute "):
        i += 1
    return lines[i:]


def test_module_list_is_the_sources_plus_sheets_and_generated_udfs(vba):
    assert set(vba["modules"]) == set(_expected_modules()) | {"ConfigSheet", "HelpSheet", "xlwings_udfs"}
    assert vba["codepage"] == 936


def test_module_streams_decode_to_the_sources_with_olevba_and_our_decoder(xlam, vba):
    parser = VBA_Parser(str(xlam))
    by_olevba = {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    parser.close()
    for name, source in _expected_modules().items():
        ours = vba["modules"][name]
        assert by_olevba[name] == ours, name  # olevba decodes with the dir stream's code page
        assert "\r\n" in ours and "\n" not in ours.replace("\r\n", "")
        if source.startswith("Attribute VB_Name"):  # .bas: identical text
            assert ours == source.replace("\n", "\r\n"), name
        else:  # .cls: the VERSION block dropped, Excel's attribute block, same body
            assert _body(ours) == _body(source), name
            assert ours.startswith(f'Attribute VB_Name = "{name}"\r\nAttribute VB_Base = "0{{')
    assert "专项资金助手" in vba["modules"]["Ribbon"]  # cp936 round trip of Chinese text


def test_class_and_document_attributes_are_written_as_excel_does(vba):
    ref = olefile.OleFileIO(zipfile.ZipFile(REFERENCE).open("xl/vbaProject.bin"))
    ref_dir = ovba.parse_dir(bytes(decompress_stream(bytearray(ref.openstream("VBA/dir").read()))))
    offsets, name = {}, None
    for rid, data in ref_dir:
        if rid == 0x001A:
            name = data.decode("cp1252")
        if rid == 0x0031:
            offsets[name] = int.from_bytes(data, "little")

    def ref_text(module):
        raw = ref.openstream(f"VBA/{module}").read()
        return bytes(decompress_stream(bytearray(raw[offsets[module]:]))).decode("cp1252")

    def attrs(text):
        return [l.split(" = ")[0] for l in text.split("\r\n") if l.startswith("Attribute VB_") and "." not in l.split(" = ")[0]]

    assert vba["modules"]["ThisWorkbook"].split("\r\n")[:8] == ref_text("ThisWorkbook").split("\r\n")[:8]
    assert vba["modules"]["ConfigSheet"] == ref_text("Sheet2").replace("Sheet2", "ConfigSheet")
    assert attrs(vba["modules"]["Dictionary"]) == attrs(ref_text("Dictionary"))
    assert vba["modules"]["Dictionary"].split("\r\n")[:9] == ref_text("Dictionary").split("\r\n")[:9]


def test_dir_stream_has_the_reference_record_sequence(vba):
    ref = olefile.OleFileIO(zipfile.ZipFile(REFERENCE).open("xl/vbaProject.bin"))
    ref_ids = [r for r, _ in ovba.parse_dir(ovba.decompress(ref.openstream("VBA/dir").read()))]
    ours = [r for r, _ in vba["records"]]

    def shape(ids):  # the reference's references are an MSForms control + Office; ours stdole + Office
        head = ids[: ids.index(0x0016)]
        modules = ids[ids.index(0x000F) :]
        return head, modules

    assert shape(ours)[0] == shape(ref_ids)[0]
    per_module = [0x19, 0x47, 0x1A, 0x32, 0x1C, 0x48, 0x31, 0x1E, 0x2C]
    assert ours[ours.index(0x000F) :][:2] == [0x000F, 0x0013]
    body = ours[ours.index(0x0013) + 1 : -1]
    assert len(body) == 11 * len(vba["modules"])
    for i in range(0, len(body), 11):
        assert body[i : i + 9] == per_module and body[i + 9] in (0x21, 0x22) and body[i + 10] == 0x2B
    records = dict(vba["records"])
    assert int.from_bytes(records[0x0003], "little") == 936
    assert b"stdole2.tlb" in vba["records"][ours.index(0x000D)][1]
    assert [r for r, _ in vba["records"]].count(0x000D) == 2
    kinds = {}
    name = None
    for rid, data in vba["records"]:
        if rid == 0x0019:
            name = data.decode("cp936")
        if rid in (0x21, 0x22):
            kinds[name] = rid
    assert kinds["ThisWorkbook"] == kinds["Dictionary"] == kinds["HelpSheet"] == 0x22
    assert kinds["Ribbon"] == kinds["xlwings"] == kinds["xlwings_udfs"] == 0x21


def test_project_streams(vba, xlam):
    ole = vba["ole"]
    assert ole.openstream("VBA/_VBA_PROJECT").read() == b"\xcc\x61\xff\xff\x00\x01\x00"
    project = ole.openstream("PROJECT").read().decode("cp936")
    assert project.startswith('ID="{') and "\r\n" in project
    assert "Document=ThisWorkbook/&H00000000" in project and "Class=Dictionary" in project
    assert "Module=Ribbon" in project and 'Name="subsidykit"' in project
    pid = re.search(r'ID="(\{[^}]+\})"', project).group(1)
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', project, re.MULTILINE))
    assert ovba.decrypt(values["CMG"])[0] == b"\x00\x00\x00\x00"  # not protected
    assert ovba.decrypt(values["DPB"])[0] == b"\x00"  # no password
    assert ovba.decrypt(values["GC"])[0] == b"\xff"  # visible
    assert ovba.decrypt(values["GC"])[1] == sum(pid.encode()) & 0xFF
    wm = ole.openstream("PROJECTwm").read()
    assert wm.endswith(b"\x00\x00") and b"Ribbon\x00R\x00i\x00b\x00" in wm


def test_compound_file_directory_is_sorted_the_cfb_way(vba):
    ole = vba["ole"]
    assert ole.sector_size == 512 and ole.minisectorcutoff == 4096
    entries = [e for e in ole.direntries if e is not None]
    for storage in (e for e in entries if e.entry_type in (1, 5)):
        chain, sid = [], storage.sid_child
        while sid != 0xFFFFFFFF:
            chain.append(ole.direntries[sid].name)
            sid = ole.direntries[sid].sid_right
        assert chain == sorted(chain, key=lambda n: (len(n), n.upper()))
    assert all(e.createTime == 0 and e.modifyTime == 0 for e in entries)


def test_generated_udf_wrappers_mirror_xlwings_and_avoid_vba_keywords(vba):
    import udfs
    from subsidykit.xlam.udfgen import VBA_RESERVED

    text = vba["modules"]["xlwings_udfs"]
    for name in udfs.__all__:
        assert re.search(rf"(?m)^Function {name}\(", text)
        assert f'{name} = XLPy.CallUDF("udfs", "{name}", Array(' in text
        assert f'RegisterOne "{name}", ' in text
    for sig in re.findall(r"(?m)^Function \w+\((.*)\)\r?$", text):
        for param in sig.split(", "):
            assert param.split()[-1].lower() not in VBA_RESERVED
    assert "Optional variant_" in text and "Optional variant," not in text
    assert '"专项资金"' in text and "ArgumentDescriptions:=argDocs" in text
    assert "RegisterSubsidyFunctions" in vba["modules"]["ThisWorkbook"]
    assert all(len(l) <= 1023 for l in text.split("\r\n"))


# --- MS-OVBA compression -------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=9000))
def test_compression_round_trips_any_bytes(data):
    packed = ovba.compress(data)
    out = ovba.decompress(packed)
    assert out[: len(data)] == data
    assert out[len(data) :] == b"\x00" * (len(out) - len(data))  # only a raw last chunk is padded
    assert bytes(decompress_stream(bytearray(packed))) == out


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \r\n专项资金=()\"'"), max_size=12000))
def test_compression_round_trips_text_exactly(text):
    data = text.encode("cp936")
    assert ovba.decompress(ovba.compress(data)) == data


@pytest.mark.parametrize("size", [4095, 4096, 4097, 8192, 3 * 4096 + 1])
def test_chunk_boundaries_and_incompressible_chunks(size):
    compressible = (b"Attribute VB_Name = \"x\"\r\n" * 1000)[:size]
    assert ovba.decompress(ovba.compress(compressible)) == compressible
    random = __import__("random").Random(size).randbytes(size)
    packed = ovba.compress(random)
    assert ovba.decompress(packed)[:size] == random
    if size % 4096 == 0:
        assert ovba.decompress(packed) == random  # whole raw chunks: no padding
        assert len(packed) == 1 + (size // 4096) * 4098


def test_our_decompressor_agrees_with_olevba_on_the_reference_file():
    ref = olefile.OleFileIO(zipfile.ZipFile(REFERENCE).open("xl/vbaProject.bin"))
    dir_raw = ref.openstream("VBA/dir").read()
    assert ovba.decompress(dir_raw) == bytes(decompress_stream(bytearray(dir_raw)))
    offsets, name = {}, None
    for rid, data in ovba.parse_dir(ovba.decompress(dir_raw)):
        if rid == 0x001A:
            name = data.decode("cp1252")
        if rid == 0x0031:
            offsets[name] = int.from_bytes(data, "little")
    assert len(offsets) == 5
    for module, offset in offsets.items():
        raw = ref.openstream(f"VBA/{module}").read()[offset:]
        assert ovba.decompress(raw) == bytes(decompress_stream(bytearray(raw))), module


def test_encryption_reproduces_the_reference_cmg_dpb_gc():
    pid = "{318BEE36-5BE1-492A-826D-473DB19B0F30}"  # the reference PROJECT's ID, its CMG/DPB/GC
    assert ovba.encrypt(b"\x00\x00\x00\x00", pid, 0x5D, bytes([155, 255])) == "5D5F8AADDAA8DEA8DEA8DEA8DE"
    assert ovba.encrypt(b"\x00", pid, 0x5D, bytes([155, 255])) == "5D5F8AADDAADDBADDBAD"
    assert ovba.encrypt(b"\xff", pid, 0x5D, bytes([155, 255])) == "5D5F8AADDAADDBADDB52"


def test_built_file_is_readable_by_others_like_any_output(tmp_path):
    """Atomic writes go through a private temp file; the result must not stay 0600."""
    out = tmp_path / "subsidykit.xlam"
    code, _, err = run("addin", "build", "--out", str(out))
    assert code == 0, err
    assert out.stat().st_mode & 0o777 == 0o644
