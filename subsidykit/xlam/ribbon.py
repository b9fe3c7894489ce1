"""Structural validation of customUI14.xml (the Office 2010 ribbon schema, 2009/07).

Encodes the rules of Microsoft's customUI14.xsd for the elements a simple add-in uses
(rules read from the schema as published with the Office Custom UI Editor,
github.com/fernandreu/office-ribbonx-editor, CustomUIEditor/Schemas/customui14.xsd):
nesting customUI > ribbon > tabs > tab > group > controls, the allowed attributes of
each, ST_UniqueID / ST_ID (NCName, 1-1024 chars, ids unique in the file), ST_String
(1-1024 chars), ST_Size (normal | large), ST_Keytip (1-3 characters), xsd:boolean,
exactly one of id / idMso / idQ on tabs, groups and controls, and the mutually exclusive
label / getLabel, image / imageMso / getImage pairs. Anything else is reported.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

NS = "http://schemas.microsoft.com/office/2009/07/customui"
REL_TYPE = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"

NCNAME = re.compile(r"^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\-\u00B7\u00C0-\uFFFF]*$")
QNAME = re.compile(r"^([A-Za-z_][\w.\-]*:)?[A-Za-z_][\w.\-]*$")

_ID = {"id": "UniqueID", "idQ": "QID", "idMso": "ID", "tag": "String"}
_POSITION = {k: "ID" for k in ("insertAfterMso", "insertBeforeMso")} | {
    k: "QID" for k in ("insertAfterQ", "insertBeforeQ")
}
_VISIBLE = {"visible": "bool", "getVisible": "Delegate"}
_ENABLED = {"enabled": "bool", "getEnabled": "Delegate"}
_LABEL = {"label": "String", "getLabel": "Delegate"}
_IMAGE = {"image": "Uri", "imageMso": "ID", "getImage": "Delegate"}
_KEYTIP = {"keytip": "Keytip", "getKeytip": "Delegate"}
_TIPS = {"screentip": "String", "getScreentip": "Delegate", "supertip": "String", "getSupertip": "Delegate"}
_SHOW = {"showLabel": "bool", "getShowLabel": "Delegate", "showImage": "bool", "getShowImage": "Delegate"}

CONTROLS = ("button", "separator", "toggleButton", "checkBox", "labelControl", "menu", "splitButton", "box",
            "buttonGroup", "editBox", "comboBox", "dropDown", "gallery", "dynamicMenu", "control")

# element -> (attributes with their simple types, allowed children, needs one of id/idMso/idQ)
ELEMENTS: dict[str, tuple[dict[str, str], tuple[str, ...], bool]] = {
    "customUI": ({"onLoad": "Delegate", "loadImage": "Delegate"}, ("commands", "ribbon", "backstage", "contextMenus"), False),
    "ribbon": ({"startFromScratch": "bool"}, ("qat", "tabs", "contextualTabs"), False),
    "tabs": ({}, ("tab",), False),
    "tab": (_ID | _POSITION | _VISIBLE | _LABEL | _KEYTIP, ("group",), True),
    "group": (_ID | _POSITION | _VISIBLE | _LABEL | _IMAGE | _KEYTIP | _TIPS
              | {"autoScale": "bool", "centerVertically": "bool"}, CONTROLS + ("dialogBoxLauncher",), True),
    "button": (_ID | _POSITION | _VISIBLE | _ENABLED | _LABEL | _IMAGE | _KEYTIP | _TIPS | _SHOW
               | {"description": "LongString", "getDescription": "Delegate", "size": "Size", "getSize": "Delegate",
                  "onAction": "Delegate"}, (), True),
    "separator": ({"id": "UniqueID", "idQ": "QID", "tag": "String"} | _POSITION | _VISIBLE, (), False),
}
CALLBACK_ATTRS = frozenset(a for attrs, _, _ in ELEMENTS.values() for a, t in attrs.items() if t == "Delegate")
EXCLUSIVE = (("label", "getLabel"), ("image", "imageMso", "getImage"), ("visible", "getVisible"),
             ("enabled", "getEnabled"), ("screentip", "getScreentip"), ("supertip", "getSupertip"),
             ("keytip", "getKeytip"), ("size", "getSize"), ("description", "getDescription"))
ROOT_ORDER = {"customUI": ("commands", "ribbon", "backstage", "contextMenus"), "ribbon": ("qat", "tabs", "contextualTabs")}


def _type_error(kind: str, value: str) -> str | None:
    n = len(value)
    if kind in ("String", "Delegate", "Uri", "UniqueID", "ID", "QID") and not 1 <= n <= 1024:
        return "长度须为 1 至 1024 个字符"
    if kind == "LongString" and not 1 <= n <= 4096:
        return "长度须为 1 至 4096 个字符"
    if kind in ("UniqueID", "ID") and not NCNAME.match(value):
        return "须为 NCName（字母或下划线开头，不含冒号和空格）"
    if kind == "QID" and not QNAME.match(value):
        return "须为带前缀的限定名"
    if kind == "bool" and value not in ("true", "false", "1", "0"):
        return "须为 true/false/1/0"
    if kind == "Size" and value not in ("normal", "large"):
        return "须为 normal 或 large"
    if kind == "Keytip" and not (1 <= len(value.strip()) <= 3 and value == value.strip()):
        return "须为 1 至 3 个字符"
    return None


def validate(xml_bytes: bytes) -> list[str]:
    """Problems found (Chinese); an empty list means the file follows the schema's rules."""
    try:
        root = ET.fromstring(xml_bytes)
    except ET.ParseError as exc:
        return [f"XML 格式错误：{exc}"]
    problems: list[str] = []
    ids: dict[str, str] = {}

    def local(tag: str) -> str | None:
        if not tag.startswith("{" + NS + "}"):
            return None
        return tag[len(NS) + 2 :]

    def check(el, path: str, allowed: tuple[str, ...]) -> None:
        name = local(el.tag)
        here = f"{path}/{name or el.tag}"
        if name is None:
            problems.append(f"{here}：命名空间须为 {NS}")
            return
        if name not in allowed:
            problems.append(f"{here}：此处不允许 <{name}>（允许：{'、'.join(allowed) or '无子元素'}）")
            return
        if name not in ELEMENTS:
            problems.append(f"{here}：校验器未收录 <{name}>")
            return
        attrs, children, needs_id = ELEMENTS[name]
        for key, value in el.attrib.items():
            if key not in attrs:
                problems.append(f"{here}：不允许属性 {key}")
                continue
            err = _type_error(attrs[key], value)
            if err:
                problems.append(f"{here}：属性 {key}=\"{value[:40]}\" {err}")
        if needs_id:
            given = [k for k in ("id", "idMso", "idQ") if k in el.attrib]
            if len(given) != 1:
                problems.append(f"{here}：id、idMso、idQ 须恰有一个（现有 {len(given)} 个）")
        for group in EXCLUSIVE:
            present = [k for k in group if k in el.attrib]
            if len(present) > 1:
                problems.append(f"{here}：属性 {'、'.join(present)} 互斥")
        if "id" in el.attrib:
            if el.attrib["id"] in ids:
                problems.append(f"{here}：id「{el.attrib['id']}」重复（已用于 {ids[el.attrib['id']]}）")
            ids[el.attrib["id"]] = here
        kids = [local(c.tag) for c in el]
        order = ROOT_ORDER.get(name)
        if order:
            positions = [order.index(k) for k in kids if k in order]
            if positions != sorted(positions) or len(set(positions)) != len(positions):
                problems.append(f"{here}：子元素的顺序或次数不符合架构（{'、'.join(order)} 各至多一次、依此顺序）")
        if name == "tabs" and not kids:
            problems.append(f"{here}：<tabs> 至少要有一个 <tab>")
        if name == "group" and "dialogBoxLauncher" in kids and kids[-1] != "dialogBoxLauncher":
            problems.append(f"{here}：dialogBoxLauncher 须在最后")
        if el.text and el.text.strip():
            problems.append(f"{here}：不允许文本内容")
        label = el.attrib.get("id") or el.attrib.get("idMso") or el.attrib.get("idQ")
        for child in el:
            check(child, f"{here}[{label}]" if label else here, children)

    check(root, "", ("customUI",))
    return problems


def callbacks(xml_bytes: bytes) -> list[tuple[str, str, str]]:
    """(control id, attribute, "Module.Procedure" or "Procedure") for every callback attribute."""
    root = ET.fromstring(xml_bytes)
    out = []
    for el in root.iter():
        for key, value in el.attrib.items():
            if key in CALLBACK_ATTRS:
                out.append((el.attrib.get("id", ""), key, value))
    return out


def buttons(xml_bytes: bytes) -> list[dict[str, str]]:
    root = ET.fromstring(xml_bytes)
    return [dict(el.attrib) for el in root.iter(f"{{{NS}}}button")]
