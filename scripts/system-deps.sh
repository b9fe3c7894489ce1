#!/usr/bin/env bash
# System packages that `make demo` and `make test` need, checked and installed in one place
# (the Makefile and .ci/run both call this script).
#
#   scripts/system-deps.sh           check; apt-get install what is missing (as root, or via sudo -n)
#   scripts/system-deps.sh --check   only report what is missing: exit 0 if nothing, 1 otherwise
#   scripts/system-deps.sh --demo    the same, for `make demo` only (make, Python 3.11+ with venv)
#
# What the tests need (Debian/Ubuntu package names):
#   make, python3-venv        the Makefile creates .venv with `python3 -m venv`
#   libreoffice-calc-nogui    soffice renders the workbooks to PDF (tests/test_summary_render.py, test_print.py)
#   poppler-utils             pdftoppm, pdftotext, pdfinfo read those PDFs
#   fonts-noto-cjk            Chinese text in the rendered PDFs
#   chromium, chromium-driver the task pane in headless Chromium (tests/test_taskpane_browser.py)
#   postgresql                initdb/pg_ctl for a throwaway cluster: the register tests run on PostgreSQL too (tests/pg.py)
# Exit codes: 0 nothing missing (or all installed), 1 missing (--check) or apt-get failed,
# 2 missing and cannot install (not root, no passwordless sudo, or no apt-get).
set -euo pipefail

PY="${PYTHON:-python3}"
mode=install
profile=test
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    --demo) profile=demo ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "用法 / usage: $0 [--check] [--demo]" >&2; exit 2 ;;
  esac
done

missing=()   # Debian packages
why=()       # what each is for
need() { missing+=("$1"); why+=("$1（$2）"); }

has_cjk_font() {
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" && return 0
  ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1
}

python_ok=1
if ! command -v "$PY" >/dev/null 2>&1; then
  need python3 "$PY 不存在 / $PY not found"
  need python3-venv "python3 -m venv"
  python_ok=0
elif ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
  python_ok=0
elif ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  need python3-venv "python3 -m venv / ensurepip"
fi
command -v make >/dev/null 2>&1 || need make "make"
if [ "$profile" = test ]; then
  command -v soffice >/dev/null 2>&1 || need libreoffice-calc-nogui "soffice：表格转 PDF / renders workbooks to PDF"
  { command -v pdftoppm && command -v pdftotext && command -v pdfinfo; } >/dev/null 2>&1 \
    || need poppler-utils "pdftoppm、pdftotext、pdfinfo"
  has_cjk_font || need fonts-noto-cjk "中文字体 / CJK fonts (Noto Sans CJK)"
  command -v chromium >/dev/null 2>&1 || need chromium "chromium：任务窗格浏览器测试 / task pane browser tests"
  command -v chromedriver >/dev/null 2>&1 || need chromium-driver "chromedriver"
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    || need postgresql "initdb、pg_ctl：登记簿测试的临时 PostgreSQL / a throwaway PostgreSQL for the register tests"
fi

if [ "$python_ok" = 0 ] && command -v "$PY" >/dev/null 2>&1; then
  echo "需要 Python 3.11 或更高版本，当前 $("$PY" --version 2>&1) / Python 3.11+ is required (found $("$PY" --version 2>&1));" >&2
  echo "请安装后用 make PYTHON=python3.11 … 指定 / install one and pass make PYTHON=python3.11 …" >&2
  exit 2
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "系统依赖齐全 / system dependencies present (${profile})"
  exit 0
fi

echo "缺少系统软件包 / missing system packages: ${missing[*]}"
for w in "${why[@]}"; do echo "  - $w"; done
if [ "$mode" = check ]; then
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "无法自动安装：本机没有 apt-get（脚本只支持 Debian/Ubuntu）。请用系统的包管理器安装上面列出的软件。" >&2
  echo "Cannot install automatically: no apt-get here (Debian/Ubuntu only). Install the packages listed above with your package manager." >&2
  exit 2
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "无法自动安装：需要 root 权限或免密码 sudo。请让管理员运行：" >&2
  echo "Cannot install automatically: needs root or passwordless sudo. Ask an administrator to run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  echo "（或以 root 运行 / or run as root: scripts/system-deps.sh）" >&2
  exit 2
fi

echo "正在安装 / installing: ${missing[*]}"
if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
  || ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "apt-get 安装失败 / apt-get install failed: ${missing[*]}" >&2
  exit 1
fi
echo "已安装 / installed: ${missing[*]}"
