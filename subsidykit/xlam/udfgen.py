"""VBA wrappers for the worksheet functions, generated at build time.

The text mirrors what ``xlwings.udfs.generate_vba_wrapper`` writes when xlwings imports
UDFs into an add-in (``ImportPythonUDFsToAddin``), so the add-in needs neither "Trust
access to the VBA project object model" nor a click on "Import Functions". That module
imports pythoncom and cannot run here, so its text generation is ported: the function
list comes from ``udfs.__all__``, the signatures from ``inspect`` and the ``xw.func`` /
``xw.arg`` arguments (category, doc, …) from the decorators in the source (outside
Windows ``xw.func`` is a no-op and keeps no metadata).

Two additions: parameter names that are VBA keywords (``variant``) get a trailing ``_``
(xlwings would write an uncompilable ``Optional variant``), and a
``RegisterSubsidyFunctions`` procedure registers descriptions, category and argument
help with ``Application.MacroOptions`` (what ``import_udfs`` does over COM).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from dataclasses import dataclass, field
from types import ModuleType

# Reserved identifiers of MS-VBAL 3.3.5.2 (marker keywords such as Base, Text are allowed).
VBA_RESERVED = frozenset(
    w.lower()
    for w in ["Abs", "AddressOf", "And", "Any", "As", "Attribute", "Boolean", "ByRef", "Byte", "ByVal", "Call", "Case", "CBool", "CByte", "CCur", "CDate", "CDbl", "CDec", "CInt", "CLng", "CLngLng", "CLngPtr", "Const", "CSng", "CStr", "Currency", "CVar", "CVErr", "Date", "Debug", "Decimal", "Declare", "DefBool", "DefByte", "DefCur", "DefDate", "DefDbl", "DefDec", "DefInt", "DefLng", "DefLngLng", "DefLngPtr", "DefObj", "DefSng", "DefStr", "DefVar", "Dim", "Do", "DoEvents", "Double", "Each", "Else", "ElseIf", "Empty", "End", "EndIf", "Enum", "Eqv", "Erase", "Error", "Event", "Exit", "False", "Fix", "For", "Friend", "Function", "Get", "Global", "GoSub", "GoTo", "If", "Imp", "Implements", "In", "Input", "InputB", "Int", "Integer", "Is", "LBound", "Len", "LenB", "Let", "Like", "LineInput", "Lock", "Long", "LongLong", "LongPtr", "Loop", "LSet", "Me", "Mod", "New", "Next", "Not", "Nothing", "Null", "Object", "On", "Open", "Option", "Optional", "Or", "ParamArray", "Preserve", "Print", "Private", "PSet", "Public", "Put", "RaiseEvent", "ReDim", "Rem", "Resume", "Return", "RSet", "Scale", "Seek", "Select", "Set", "Sgn", "Shared", "Single", "Spc", "Static", "Stop", "String", "Sub", "Tab", "Then", "To", "True", "Type", "TypeOf", "UBound", "Until", "Variant", "Wend", "While", "With", "WithEvents", "Write", "Xor", "Close", "Unlock", "Name"]
)

MAX_DOC = 255  # Application.MacroOptions: Description and each ArgumentDescription


@dataclass
class Arg:
    name: str
    optional: bool
    vararg: bool = False
    doc: str = ""

    @property
    def vba_name(self) -> str:
        return self.name + "_" if self.name.lower() in VBA_RESERVED else self.name


@dataclass
class Udf:
    name: str
    args: list[Arg]
    doc: str
    category: str
    volatile: bool = False
    call_in_wizard: bool = True
    options: dict = field(default_factory=dict)

    @property
    def description(self) -> str:
        return (self.doc.strip().splitlines() or [""])[0].strip()[:MAX_DOC]


def _decorator_kwargs(func, module) -> tuple[dict, dict[str, dict]]:
    """(xw.func kwargs, {arg: xw.arg kwargs}) read from the decorators in the source."""
    source = textwrap.dedent(inspect.getsource(func))
    node = ast.parse(source).body[0]
    env = vars(module)

    def value(expr):
        try:
            return ast.literal_eval(expr)
        except ValueError:
            if isinstance(expr, ast.Name) and expr.id in env:
                return env[expr.id]
            return ast.unparse(expr)

    func_kw: dict = {}
    arg_kw: dict[str, dict] = {}
    for dec in node.decorator_list:
        call = dec if isinstance(dec, ast.Call) else None
        target = ast.unparse(call.func if call else dec)
        if target.endswith(".func") or target == "func":
            if call:
                func_kw.update({k.arg: value(k.value) for k in call.keywords})
        elif target.endswith(".arg") and call and call.args:
            name = value(call.args[0])
            arg_kw[str(name).lstrip("*")] = {k.arg: value(k.value) for k in call.keywords}
    return func_kw, arg_kw


def collect(module: ModuleType, default_category: str) -> list[Udf]:
    """The worksheet functions `module.__all__` names (the CLI passes the `udfs` package)."""
    out = []
    for name in module.__all__:
        func = getattr(module, name)
        func_module = inspect.getmodule(func)
        func_kw, arg_kw = _decorator_kwargs(func, func_module)
        args = []
        for pos, p in enumerate(inspect.signature(func).parameters.values()):
            if p.kind is inspect.Parameter.VAR_POSITIONAL:
                args.append(Arg(p.name, False, vararg=True))
            elif p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
                args.append(Arg(p.name, p.default is not inspect.Parameter.empty))
            else:
                raise ValueError(f"函数 {name} 有 xlwings 不支持的关键字参数 {p.name}")
            args[-1].doc = str(arg_kw.get(p.name, {}).get("doc") or f"Positional argument {pos + 1}")
        category = func_kw.get("category", default_category)
        out.append(
            Udf(
                name=func.__name__,
                args=args,
                doc=inspect.getdoc(func) or "",
                category=str(category),
                volatile=bool(func_kw.get("volatile", False)),
                call_in_wizard=bool(func_kw.get("call_in_wizard", True)),
                options=arg_kw,
            )
        )
    return out


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""').replace("\r", " ").replace("\n", " ") + '"'


def wrapper_text(module_name: str, udfs: list[Udf], vba_module: str = "xlwings_udfs") -> str:
    """Module text (with Attribute VB_Name) in the shape of xlwings' generated module."""
    w: list[str] = [
        f'Attribute VB_Name = "{vba_module}"',
        "'Autogenerated code by xlwings - changes will be lost with next import!",
        """#Const App = "Microsoft Excel" 'Adjust when using outside of Excel""",
        "' 由 subsidykit addin build 从 udfs 包生成，请勿手工修改。",
    ]
    for f in udfs:
        if sum(a.vararg for a in f.args) and any(a.optional for a in f.args):
            raise ValueError(f"函数 {f.name} 同时有可选参数和可变参数，xlwings 不支持")
        sig = []
        vararg = ""
        for a in f.args:
            part = ("Optional " if a.optional else "ParamArray " if a.vararg else "") + a.vba_name
            if a.vararg:
                part += "()"
                vararg = a.vba_name
            sig.append(part)
        w.append(f"Function {f.name}({', '.join(sig)})")
        if not f.call_in_wizard:
            w.append('    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function')
        if f.volatile:
            w.append("    Application.Volatile")
        if vararg:
            fixed = [a.vba_name for a in f.args if not a.vararg]
            w += [
                "    Dim argsArray() As Variant",
                f"    argsArray = Array({', '.join(fixed)})",
                f"    ReDim Preserve argsArray(0 to UBound({vararg}) - LBound({vararg}) + {len(fixed)})",
                f"    For k = LBound({vararg}) To UBound({vararg})",
                f"    argsArray({len(fixed)} + k - LBound({vararg})) = {vararg}(k)",
                "    Next k",
            ]
            args_vba = "argsArray"
        else:
            args_vba = f"Array({', '.join(a.vba_name for a in f.args)})"
        call = f'XLPy.CallUDF("{module_name}", "{f.name}", {args_vba}'
        w += [
            '    #If App = "Microsoft Excel" Then',
            "        If TypeOf Application.Caller Is Range Then On Error GoTo failed",
            f"        {f.name} = {call}, ActiveWorkbook, Application.Caller)",
            "        Exit Function",
            "    #Else",
            f"        {f.name} = {call})",
            "        Exit Function",
            "    #End If",
            "failed:",
            f"    {f.name} = Err.Description",
            "End Function",
            "",
        ]
    w += [
        "Public Sub RegisterSubsidyFunctions()",
        "    ' 函数向导中的说明、类别和参数说明（Excel 2010 及以后）",
        "    On Error Resume Next",
    ]
    for f in udfs:
        docs = [a.doc[:MAX_DOC] for a in f.args]
        w.append(f"    RegisterOne {_quote(f.name)}, {_quote(f.description)}, {_quote(f.category)}, Array( _")
        for i, d in enumerate(docs):
            w.append(f"        {_quote(d)}{', _' if i < len(docs) - 1 else ')'}")
        if not docs:
            w[-1] = w[-1].replace("Array( _", "Array()")
    w += [
        "End Sub",
        "",
        "Private Sub RegisterOne(ByVal fnName As String, ByVal fnDescription As String, ByVal fnCategory As String, ByVal argDocs As Variant)",
        "    On Error Resume Next",
        "    If UBound(argDocs) >= LBound(argDocs) Then",
        """        Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!" & fnName, Description:=fnDescription, _""",
        "            Category:=fnCategory, ArgumentDescriptions:=argDocs",
        "    Else",
        """        Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!" & fnName, Description:=fnDescription, _""",
        "            Category:=fnCategory",
        "    End If",
        "End Sub",
        "",
    ]
    for line in w:
        if len(line) > 1023:
            raise ValueError(f"生成的 VBA 行超过 1023 个字符：{line[:60]}…")
    return "\n".join(w)
