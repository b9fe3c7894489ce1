"""Reading a built .xlam back: the structural checks of `subsidykit addin check`."""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from subsidykit.xlam import ovba, ribbon
from subsidykit.xlam.package import CT_ADDIN

CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _rels_targets(zf: zipfile.ZipFile, rels_name: str) -> list[tuple[str, str]]:
    base = posixpath.dirname(posixpath.dirname(rels_name))
    out = []
    for rel in ET.fromstring(zf.read(rels_name)).iter(REL_NS + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.append((rel.get("Type", ""), path))
    return out


def read_vba(bin_data: bytes) -> dict:
    """{"codepage", "modules": {name: text}, "records"} decoded with this package's own code."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(bin_data))
    records = ovba.parse_dir(ovba.decompress(ole.openstream("VBA/dir").read()))
    codepage = next(int.from_bytes(d, "little") for r, d in records if r == 0x0003)
    enc = f"cp{codepage}"
    modules: dict[str, str] = {}
    name = offset = None
    for rid, data in records:
        if rid == 0x001A:
            name = data.decode(enc)
        elif rid == 0x0031:
            offset = int.from_bytes(data, "little")
        elif rid == 0x002B and name is not None:
            raw = ole.openstream(f"VBA/{name}").read()
            modules[name] = ovba.decompress(raw[offset or 0 :]).decode(enc)
            name = None
    return {"codepage": codepage, "modules": modules, "records": records, "ole": ole}


def check_file(path: Path) -> list[str]:
    problems: list[str] = []
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return ["不是 zip 文件（OOXML 包）"]
    names = set(zf.namelist())
    for n in names:
        if n.endswith((".xml", ".rels")):
            try:
                ET.fromstring(zf.read(n))
            except ET.ParseError as exc:
                problems.append(f"{n}：XML 格式错误：{exc}")
    if "[Content_Types].xml" not in names:
        return problems + ["缺少 [Content_Types].xml"]
    types = ET.fromstring(zf.read("[Content_Types].xml"))
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType") for o in types.iter(CT_NS + "Override")}
    for part in overrides:
        if part not in names:
            problems.append(f"[Content_Types].xml 列出的部件不存在：{part}")
    if overrides.get("xl/workbook.xml") != CT_ADDIN:
        problems.append(f"xl/workbook.xml 的内容类型须为 {CT_ADDIN}")
    for n in sorted(names):
        if n.endswith(".rels"):
            for rtype, target in _rels_targets(zf, n):
                if target not in names:
                    problems.append(f"{n}：关系目标不存在：{target}")
    root_rels = _rels_targets(zf, "_rels/.rels") if "_rels/.rels" in names else []
    ui = [t for r, t in root_rels if r == ribbon.REL_TYPE]
    if not ui:
        problems.append("缺少功能区（customUI14.xml）关系")
    for part in ui:
        problems += [f"{part}：{p}" for p in ribbon.validate(zf.read(part))]
    if "xl/vbaProject.bin" not in names:
        return problems + ["缺少 xl/vbaProject.bin"]
    try:
        vba = read_vba(zf.read("xl/vbaProject.bin"))
    except Exception as exc:  # noqa: BLE001 - any decoding failure is a finding, not a crash
        return problems + [f"VBA 工程无法读取：{exc}"]
    sources = "\n".join(vba["modules"].values())
    for part in ui:
        for control, attr, target in ribbon.callbacks(zf.read(part)):
            module, _, proc = target.rpartition(".")
            text = vba["modules"].get(module, "") if module else sources
            if not re.search(rf"(?im)^\s*(Public\s+)?Sub\s+{re.escape(proc)}\s*\(\s*control\s+As\s+IRibbonControl\s*\)", text):
                problems.append(f"{control} 的 {attr}=\"{target}\" 在 VBA 中没有对应的 Sub {proc}(control As IRibbonControl)")
    return problems
