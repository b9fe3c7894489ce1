"""Forms that print (issue 13 item 7) and the system packages on a fresh machine (item 8).

LibreOffice renders the application template, filled forms and a summary workbook to PDF;
the page counts, the text on each page (pdftotext) and the printed text size (pdftotext
-bbox) are checked, and the PNGs stay in out/test-artifacts/ for a person to look at.
"""

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from example_forms import write_form
from ledgers import write_ledger
from openpyxl import load_workbook
from submission_files import SMART
from test_summary_render import pages, png, text, to_pdf

from subsidykit.workbooks.application_form import build_template
from subsidykit.workbooks.form_model import FORM_SHEET, GUIDE_SHEET
from subsidykit.workbooks.reproducible import workbook_bytes
from subsidykit.workbooks.ledger import read_ledger
from subsidykit.summary.build import build
from subsidykit.summary.audit import AUDIT_SHEET

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "项目申报表.xlsx"
FORM_TITLE = "江苏省省级专项资金项目申报表"
AUDIT_FOOTER = "审核（内部核对用，报送时不打印）"


def words(pdf: Path, page: int) -> list[tuple[str, float]]:
    """(word, printed height in points) on one page."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', out)
    return [(w, float(y1) - float(y0)) for y0, y1, w in found]


def landscape(pdf: Path, page: int) -> bool:
    info = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)], capture_output=True, text=True, check=True)
    w, h = map(float, re.search(r"size:\s+([\d.]+) x ([\d.]+)", info.stdout).groups())
    return w > h


def _assert_a4_one_page_wide(ws, *, orientation: str) -> None:
    ps = ws.page_setup
    assert ps.paperSize == 9 and ps.orientation == orientation
    assert ps.fitToWidth == 1 and ps.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_area and ws.print_title_rows == "$1:$1"
    assert ws.page_margins.left >= 0.5 and ws.page_margins.top >= 0.5


# ----------------------------------------------------------- the application template


def test_the_committed_template_is_the_build_scripts_output():
    assert TEMPLATE.read_bytes() == workbook_bytes(build_template(), reproducible=True), (
        "templates/项目申报表.xlsx 已过期：请运行 python templates/build_application_template.py"
    )


def test_template_page_setup_and_number_formats():
    wb = load_workbook(TEMPLATE)
    form = wb[FORM_SHEET]
    _assert_a4_one_page_wide(form, orientation="portrait")
    assert form.print_area == f"'{FORM_SHEET}'!$A$1:$F${form.max_row}"
    _assert_a4_one_page_wide(wb[GUIDE_SHEET], orientation="landscape")
    labels = {c.value: c for row in form.iter_rows() for c in row if isinstance(c.value, str)}

    def answer(label):
        return form.cell(row=labels[label].row, column=labels[label].column + 1).number_format

    assert answer("申报年度*") == "0"  # 2023, not 2023.0
    assert answer("项目开始时间") == "yyyy-mm-dd" and answer("成立日期") == "yyyy-mm-dd"
    assert answer("申报项目总投入（万元）*") == "#,##0.00##"  # two decimals, to the 元 when given
    assert answer("项目实施周期") == "General"  # a duration: 3, 1.5


def test_template_prints_the_form_on_one_page_and_the_guide_landscape(tmp_path):
    copy = tmp_path / "template.xlsx"
    shutil.copyfile(TEMPLATE, copy)
    pdf = to_pdf(copy, tmp_path)
    n = pages(pdf)
    texts = [text(pdf, p) for p in range(1, n + 1)]
    guide = [i for i, t in enumerate(texts, 1) if t.startswith("申报项目类别") and "须填写的条件" in t]
    form_pages = guide[0] - 1
    assert 1 <= form_pages <= 2  # was 4 pages, two wide, the title cut
    assert FORM_TITLE in texts[0] and "项目申报责任人（签名）" in texts[form_pages - 1]
    assert not landscape(pdf, 1)
    # the reference list 各项目申报条件: landscape, its heading on every page, readable
    assert guide == list(range(form_pages + 1, n + 1)) and all(landscape(pdf, p) for p in guide)
    assert n < 40  # 92 pages without page setup
    heights = [h for w, h in words(pdf, guide[0]) if w.startswith("2026/")]
    assert heights and min(heights) >= 7  # 11-point text printed at 65 % or more
    png(pdf, "application_template")


# ----------------------------------------------------------- filled forms


def test_a_filled_form_prints_on_one_page_with_its_title(tmp_path):
    path = tmp_path / "filled.xlsx"
    path.write_bytes(write_form(SMART))
    ws = load_workbook(path)[FORM_SHEET]
    _assert_a4_one_page_wide(ws, orientation="portrait")
    pdf = to_pdf(path, tmp_path)
    assert pages(pdf) == 1  # was 4
    page = text(pdf, 1)
    assert page.startswith(FORM_TITLE)
    assert "2023" in page and "2023.0" not in page  # the year as a year
    assert "2022-06-30" in page and "3,500.00" in page  # dates yyyy-mm-dd, amounts with 2 decimals
    png(pdf, "application_filled")


def test_a_long_filled_form_prints_on_two_pages_the_title_first(tmp_path):
    values = dict(SMART) | {f"其他条件{i:02d}": f"说明{i:02d}" for i in range(60)}
    path = tmp_path / "long.xlsx"
    path.write_bytes(write_form(values))
    pdf = to_pdf(path, tmp_path)
    assert pages(pdf) == 2
    first, second = text(pdf, 1), text(pdf, 2)
    assert first.startswith(FORM_TITLE) and "一、申报信息" in first
    assert second.startswith(FORM_TITLE)  # the title row repeats
    assert "说明59" in second and "项目申报责任人（签名）" in second
    png(pdf, "application_long")


@pytest.mark.parametrize("layout", ["attachment3", "columns"])
def test_other_layouts_have_a_page_setup(layout, tmp_path):
    path = tmp_path / f"{layout}.xlsx"
    path.write_bytes(write_form(SMART, layout))
    wb = load_workbook(path)
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9 and ws.print_area and ws.page_setup.fitToHeight == 0
    pdf = to_pdf(path, tmp_path)
    assert "2023年度" in text(pdf, 1) and pages(pdf) <= 4


# ----------------------------------------------------------- 审核 of a summary workbook


def test_audit_prints_on_its_own_pages_at_a_readable_size(tmp_path):
    ledger = write_ledger(tmp_path / "台账.xlsx")
    out = tmp_path / "summary.xlsx"
    build(read_ledger(ledger), year=2023, region="示例市", date=dt.date(2022, 12, 5)).write_xlsx(out)
    ws = load_workbook(out)[AUDIT_SHEET]
    ps = ws.page_setup
    assert ps.orientation == "landscape" and ps.fitToWidth == 2 and ps.fitToHeight == 0
    assert ws.print_title_cols == "$A:$D" and ws.print_title_rows and ps.pageOrder == "overThenDown"
    pdf = to_pdf(out, tmp_path)
    n = pages(pdf)
    texts = [text(pdf, p) for p in range(1, n + 1)]
    # the five tables: one landscape page each, untouched by the 审核 setup
    for p in range(1, 6):
        assert texts[p - 1].startswith(f"附件2-{p}") and AUDIT_FOOTER not in texts[p - 1]
    audit = list(range(6, n + 1))
    assert len(audit) >= 2 and all(AUDIT_FOOTER in texts[p - 1] for p in audit)
    assert texts[5].startswith("审核：2023年度")
    assert all("单位名称" in texts[p - 1] for p in audit)  # 序号 … 单位名称 repeat on every page
    assert any("条件明细" in t for t in texts[5:]) and any("申请补助资金" in t for t in texts[5:])
    # the printed size: 10/11-point text at about 80 % (one page wide printed it at 47 %, 5 pt)
    heights = [h for p in audit for w, h in words(pdf, p) if w in ("单位名称", "条件明细") or w.startswith("地区：")]
    assert heights and min(heights) >= 7.5, heights
    png(pdf, "summary_audit")


# ----------------------------------------------------------- system packages


SCRIPT = ROOT / "scripts" / "system-deps.sh"


def test_system_deps_check_reports_nothing_missing():
    proc = subprocess.run(["bash", str(SCRIPT), "--check"], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "缺少" not in proc.stdout + proc.stderr and "system dependencies present" in proc.stdout


def _path_without(tmp_path: Path, *tools: str) -> str:
    """A PATH with every command of this one except `tools`."""
    fake = tmp_path / "bin"
    fake.mkdir()
    for d in reversed([d for d in os.environ["PATH"].split(":") if d and Path(d).is_dir()]):
        for f in Path(d).iterdir():
            if f.name not in tools:
                link = fake / f.name
                link.unlink(missing_ok=True)
                link.symlink_to(f)
    return str(fake)


def test_system_deps_check_names_the_missing_package(tmp_path):
    env = {"PATH": _path_without(tmp_path, "soffice", "chromedriver"), "HOME": str(tmp_path)}
    proc = subprocess.run(["bash", str(SCRIPT), "--check"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 1
    assert "libreoffice-calc-nogui" in proc.stdout and "chromium-driver" in proc.stdout
    assert "chromium（" not in proc.stdout and "poppler-utils" not in proc.stdout
    demo = subprocess.run(["bash", str(SCRIPT), "--check", "--demo"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert demo.returncode == 0  # make demo needs no LibreOffice


def test_system_deps_without_root_or_sudo_fails_with_a_clear_message():
    if os.geteuid() == 0:  # as in CI: run as nobody
        if not shutil.which("setpriv"):
            pytest.fail("as root this check needs setpriv (Debian util-linux) to run as nobody")
        prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    else:
        prefix = []
    with tempfile.TemporaryDirectory() as tmp:  # under /tmp, readable by nobody
        Path(tmp).chmod(0o755)
        env = {"PATH": _path_without(Path(tmp), "soffice", "sudo"), "HOME": tmp}
        proc = subprocess.run(
            [*prefix, "bash", str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60, check=False
        )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "libreoffice-calc-nogui" in proc.stdout
    assert "需要 root 权限或免密码 sudo" in proc.stderr and "needs root or passwordless sudo" in proc.stderr
    assert re.search(r"sudo apt-get install -y --no-install-recommends [^\n]*libreoffice-calc-nogui", proc.stderr)
