"""`subsidykit serve`: the bureau's xlwings Server (Office.js add-in, functions, ribbon, task pane).

Serves the project in ``addin/server`` with uvicorn, behind the guard of `subsidykit.server`
(the app ``subsidykit.server.app:app``: path checks, the token before the body, body caps,
header timeout, uploads read in a child process, redacted logs). Every write needs an access
token from the token file (see `subsidykit.server.access`); the first start creates one and shows
it once. For several workers behind a reverse proxy use gunicorn with the worker class
``subsidykit.server.workers.UvicornWorker`` (README, 多进程部署).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from subsidykit.errors import BadInputError

from subsidykit.cli.exits import EXIT_OK

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PROJECT = ROOT / "addin" / "server"


def project_dir(given: str | None) -> Path:
    path = Path(given or os.environ.get("XLWINGS_PROJECT_DIR") or DEFAULT_PROJECT).resolve()
    if not (path / "custom_functions").is_dir() or not (path / "custom_scripts").is_dir():
        raise BadInputError(f"{path} 不是 xlwings Server 项目（缺少 custom_functions/ 或 custom_scripts/）；请用 --project 指定 addin/server")
    return path


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def server_env(args, project: Path) -> dict[str, str]:
    """The environment the server processes get (settings are read from it at import)."""
    env = {
        "XLWINGS_PROJECT_DIR": str(project),
        "XLWINGS_LICENSE_KEY": os.environ.get("XLWINGS_LICENSE_KEY", "noncommercial"),
        "SUBSIDYKIT_TOKEN_FILE": str(args.token_file),
    }
    for flag, name in (("max_upload_mb", "SUBSIDYKIT_MAX_UPLOAD_MB"), ("max_files", "SUBSIDYKIT_MAX_FILES"), ("max_file_mb", "SUBSIDYKIT_MAX_FILE_MB")):
        value = getattr(args, flag)
        if value is not None:
            if value <= 0:
                raise BadInputError(f"--{flag.replace('_', '-')} 须为正数")
            env[name] = str(value)
    if args.hostname:
        env["XLWINGS_HOSTNAME"] = args.hostname
    if args.environment:
        env["XLWINGS_ENVIRONMENT"] = args.environment
    return env


def cmd_serve(args) -> int:
    from subsidykit.server.access import TokenStore, default_token_file, new_token, revoke

    args.token_file = Path(args.token_file) if args.token_file else default_token_file()
    if args.new_token:
        token = new_token(args.new_token, args.token_file)
        print(f"已为「{args.new_token}」生成访问令牌（只显示这一次，请转交本人）：\n{token}")
        print(f"令牌文件：{args.token_file}（只存哈希）", file=sys.stderr)
        return EXIT_OK
    if args.revoke_token:
        if not revoke(args.revoke_token, args.token_file):
            raise BadInputError(f"令牌文件中没有「{args.revoke_token}」")
        print(f"已撤销「{args.revoke_token}」的令牌（服务器无需重启）")
        return EXIT_OK
    if args.list_tokens:
        for entry in TokenStore(args.token_file).entries():
            print(entry.name)
        return EXIT_OK

    project = project_dir(args.project)
    env = server_env(args, project)
    import importlib.util

    if importlib.util.find_spec("xlwings_server") is None or importlib.util.find_spec("uvicorn") is None:
        raise BadInputError("未安装 xlwings Server：请先执行 pip install \"subsidykit[server]\"")
    if not TokenStore(args.token_file).entries() and not args.dry_run:
        token = new_token("管理员", args.token_file)
        print(f"首次启动：已生成访问令牌（只显示这一次）：{token}\n令牌文件：{args.token_file}；增加科员令牌用 subsidykit serve --new-token 姓名", file=sys.stderr)
    if not _loopback(args.host):
        print("提示：对外提供服务时请放在 HTTPS 反向代理之后（Office 加载项只接受 HTTPS），见 README「部署」。", file=sys.stderr)
    os.environ.update(env)
    base = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}"
    print(f"专项资金助手服务器：{base}  清单（manifest）：{base}/manifest  任务窗格：{base}/taskpane.html", file=sys.stderr)
    if args.dry_run:
        for key in sorted(env):
            print(f"{key}={env[key]}")
        return EXIT_OK
    from subsidykit.server.http import run

    run(args.host, args.port, workers=args.workers, log_level=args.log_level)
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("serve", help="启动本局的 xlwings Server（网页版/365 加载项、函数、按钮和任务窗格）")
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机）")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.add_argument("--workers", type=int, default=1, help="工作进程数（默认 1；多进程部署见 README 的 gunicorn 配置）")
    p.add_argument("--project", help="xlwings Server 项目目录（默认本仓库 addin/server）")
    p.add_argument("--token-file", help="访问令牌文件（默认 $SUBSIDYKIT_TOKEN_FILE 或 ~/.subsidykit/server-tokens）")
    p.add_argument("--new-token", metavar="名称", help="为一名科员（或一台电脑）生成访问令牌并退出")
    p.add_argument("--revoke-token", metavar="名称", help="撤销该名称的令牌并退出")
    p.add_argument("--list-tokens", action="store_true", help="列出令牌名称并退出")
    p.add_argument("--max-upload-mb", type=float, help="一次上传的总大小上限（MB，默认 100）")
    p.add_argument("--max-files", type=int, help="一次上传的文件数上限（默认 300）")
    p.add_argument("--max-file-mb", type=float, help="单个文件大小上限（MB，默认 20）")
    p.add_argument("--hostname", help="对外域名（写入 manifest 的 https 地址），如 zxzj.example.gov.cn")
    p.add_argument("--environment", choices=("dev", "qa", "uat", "staging", "prod"), help="环境（默认 prod）")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.add_argument("--dry-run", action="store_true", help="只检查配置并打印环境变量，不启动")
    p.set_defaults(func=cmd_serve)
