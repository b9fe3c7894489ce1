"""`subsidykit addin`: build and install the desktop Excel add-in (专项资金助手.xlam).

    subsidykit addin build [--out out/subsidykit.xlam]
    subsidykit addin install [--file PATH] [--dir DIR]
    subsidykit addin check FILE

Exit codes: 0 done, 1 `check` found problems, 2 bad input (sources, paths).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from subsidykit.cli.exits import EXIT_BAD, EXIT_NOT_MET, EXIT_OK

DEFAULT_OUT = Path("out") / "subsidykit.xlam"


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_BAD


def _build(out: Path):
    import udfs
    from macros.help import help_rows
    from subsidykit.workbooks.atomic import write_bytes_atomic
    from subsidykit.xlam import build

    result = build(udf_module=udfs, help_rows=help_rows())
    write_bytes_atomic(out, result.data)
    return result


def cmd_build(args) -> int:
    from subsidykit.xlam import BuildError

    out = Path(args.out)
    if out.suffix.lower() != ".xlam":
        return _fail(f"输出文件须以 .xlam 结尾：{out}")
    try:
        result = _build(out)
    except BuildError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"无法写入 {out}：{exc.strerror or exc}")
    print(out)
    names = "、".join(m.name for m in result.modules)
    labels = "、".join(b.get("label", "") for b in result.buttons)
    print(f"{result.title}：{len(result.modules)} 个 VBA 模块（{names}），{len(result.buttons)} 个按钮（{labels}），{len(result.data)} 字节")
    return EXIT_OK


def xlstart_dir() -> Path:
    """Excel's per-user startup folder on Windows, where `xlwings addin install` copies to."""
    return Path(os.environ["APPDATA"]) / "Microsoft" / "Excel" / "XLSTART"


def _write_user_config(path: Path) -> bool:
    """Create the user config (interpreter = this Python) unless it exists. True if created."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    key = "INTERPRETER_MAC" if sys.platform == "darwin" else "INTERPRETER_WIN"
    line = f'"{key}","{sys.executable}"\r\n'  # the format of VBA's `Write #`, as SaveConfigToFile writes it
    encoding = "mbcs" if os.name == "nt" else "gbk"  # VBA reads the file in the ANSI code page
    try:
        data = line.encode(encoding)
    except UnicodeEncodeError:
        data = b""  # a path the ANSI code page cannot spell: let the clerk set it with 设置
    with open(path, "xb") as fh:
        fh.write(data)
    return True


def _instructions() -> str:
    if sys.platform == "darwin":
        return (
            "macOS 上请手工安装：\n"
            "  1. 在本 Python 环境中运行 xlwings runpython install（允许 Excel 调用 Python）；\n"
            "  2. 运行 subsidykit addin build，把 out/subsidykit.xlam 复制到 Excel 的启动文件夹\n"
            "     （~/Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel），\n"
            "     或在 Excel「工具 > Excel 加载项」中浏览选择该文件；\n"
            "  3. 重启 Excel，在「专项资金」选项卡点「设置」填写 Python 解释器路径。\n"
            "也可用 subsidykit addin install --dir 文件夹 复制到指定位置。"
        )
    return (
        "此系统没有桌面版 Excel，无法安装 .xlam 加载项。\n"
        "请使用网页版：运行 subsidykit serve 启动 xlwings Server，并在 Excel 网页版或 Microsoft 365 中\n"
        "加载 Office.js 加载项（见 addin/server）。\n"
        "如只需复制文件，可用 subsidykit addin install --dir 文件夹。"
    )


def cmd_install(args) -> int:
    from subsidykit.xlam import BuildError

    if args.dir:
        target_dir = Path(args.dir)
    elif os.name == "nt":
        if not os.environ.get("APPDATA"):
            return _fail("找不到 APPDATA 环境变量，无法确定 Excel 启动文件夹；请用 --dir 指定")
        target_dir = xlstart_dir()
    else:
        print(_instructions())
        return EXIT_OK
    source = Path(args.file) if args.file else DEFAULT_OUT
    if not source.exists():
        if args.file:
            return _fail(f"找不到加载项文件：{source}")
        try:
            _build(source)
        except BuildError as exc:
            return _fail(f"构建加载项失败：{exc}")
        print(f"已构建 {source}")
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / source.name
        tmp = target_dir / f".{source.name}.tmp"
        import shutil

        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    except OSError as exc:
        return _fail(f"无法复制到 {target_dir}：{exc.strerror or exc}（Excel 打开着加载项时请先关闭 Excel）")
    print(f"已安装 {target}")

    from macros.settings import user_config_path

    conf = user_config_path()
    try:
        created = _write_user_config(conf)
    except OSError as exc:
        return _fail(f"无法创建用户配置 {conf}：{exc.strerror or exc}")
    if created:
        print(f"已创建用户配置 {conf}（Python 解释器：{sys.executable}）")
    else:
        print(f"用户配置已存在，未改动：{conf}")
    print("请重启 Excel，在「专项资金」选项卡点「设置」填写年度和地区。")
    return EXIT_OK


def cmd_check(args) -> int:
    from subsidykit.xlam.check import check_file

    path = Path(args.file)
    if not path.exists():
        return _fail(f"找不到文件：{path}")
    problems = check_file(path)
    for p in problems:
        print(f"  [问题] {p}")
    if problems:
        print(f"{path}：发现 {len(problems)} 个问题")
        return EXIT_NOT_MET
    print(f"{path}：结构检查通过（OOXML 包、功能区、VBA 工程）")
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("addin", help="桌面版 Excel 加载项：构建、安装、检查")
    addin = p.add_subparsers(dest="addin_command", required=True, parser_class=type(p))

    b = addin.add_parser("build", help="由 addin/desktop 的源文件构建 .xlam")
    b.add_argument("--out", default=str(DEFAULT_OUT), help=f"输出文件（默认 {DEFAULT_OUT}）")
    b.set_defaults(func=cmd_build)

    i = addin.add_parser("install", help="安装到 Excel 启动文件夹（Windows），并创建用户配置")
    i.add_argument("--file", help=f"已构建的 .xlam（默认 {DEFAULT_OUT}，不存在时先构建）")
    i.add_argument("--dir", help="安装到此文件夹（任何系统）")
    i.set_defaults(func=cmd_install)

    c = addin.add_parser("check", help="检查 .xlam 的结构（OOXML 包、功能区、VBA 工程）")
    c.add_argument("file", metavar="FILE.xlam")
    c.set_defaults(func=cmd_check)
