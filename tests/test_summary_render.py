"""Render: LibreOffice prints the 汇总表 to PDF; the pages, the title text and a PNG are checked.

Needs `soffice` (Debian libreoffice-calc-nogui), `pdftotext`/`pdftoppm` (poppler-utils) and
fonts-noto-cjk; `scripts/system-deps.sh` (run by make test and .ci/run) installs them.
The PNGs stay in out/test-artifacts/ for a person to look at.
"""

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from ledgers import write_ledger

from subsidykit.workbooks.ledger import read_ledger
from subsidykit.summary.build import build

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "out" / "test-artifacts"


def _tools() -> None:
    missing = [t for t in ("soffice", "pdftotext", "pdftoppm", "pdfinfo") if shutil.which(t) is None]
    if missing:
        pytest.fail(
            f"缺少 {'、'.join(missing)}：请运行 scripts/system-deps.sh（make test 会运行，安装 libreoffice-calc-nogui、poppler-utils、fonts-noto-cjk）"
        )


def to_pdf(xlsx: Path, tmp: Path) -> Path:
    _tools()
    profile = tmp / "lo-profile"
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(xlsx)],
        check=False, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = tmp / (xlsx.stem + ".pdf")
    assert proc.returncode == 0 and pdf.exists(), proc.stderr
    return pdf


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", out.stdout)


def png(pdf: Path, name: str) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(ARTIFACTS / name)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def test_summary_prints_one_page_per_table_plus_audit(tmp_path):
    ledger = write_ledger(tmp_path / "台账.xlsx")
    out = tmp_path / "summary_2023.xlsx"
    build(read_ledger(ledger), year=2023, region="示例市", date=dt.date(2022, 12, 5)).write_xlsx(out)
    pdf = to_pdf(out, tmp_path)
    assert pages(pdf) >= 7  # 2-1 … 2-5 on one landscape A4 page each; 审核 on its own pages, two pages wide
    first = text(pdf, 1)
    assert "2023年度江苏省工业和信息产业转型升级专项资金" in first
    assert "（智能化改造数字化转型）入库项目汇总表" in first
    assert "地区：示例市" in first and "汇总时间：2022年12月5日" in first
    assert "示例甲智造有限公司" in first and "示例乙精工有限公司" in first
    assert "市、县（市）工业和信息化主管部门（盖章）" in first and "市、县（市）财政局（盖章）" in first
    assert "（产业支撑体系建设）入库项目汇总表" in text(pdf, 5)
    assert text(pdf, 6).startswith("审核")
    images = png(pdf, "summary_2023")
    assert len(images) == pages(pdf) and all(p.stat().st_size > 5000 for p in images)


def test_templates_print_one_page_per_category(tmp_path):
    for year, n, title in (
        (2023, 5, "（智能化改造数字化转型）入库项目汇总表"),
        (2026, 4, "（重点产业技术创新项目）入库项目汇总表"),
    ):
        src = ROOT / "templates" / f"附件2_推荐项目汇总表_{year}.xlsx"
        copy = tmp_path / f"template_{year}.xlsx"
        shutil.copyfile(src, copy)
        pdf = to_pdf(copy, tmp_path)
        assert pages(pdf) == n
        assert title in text(pdf, 1) and f"{year - 2}年基本情况" in text(pdf, 1)
        png(pdf, f"template_{year}")


def test_long_ledger_repeats_the_header_on_every_page(tmp_path):
    from ledgers import PROJECTS

    rows = []
    for i in range(60):
        r = list(PROJECTS[0])
        r[1] = f"示例{i:02d}号智造有限公司"
        rows.append(r)
    out = tmp_path / "long.xlsx"
    build(read_ledger(write_ledger(tmp_path / "a.xlsx", rows)), year=2023, date=dt.date(2022, 12, 5)).write_xlsx(out)
    pdf = to_pdf(out, tmp_path)
    texts = [text(pdf, p) for p in range(1, pages(pdf) + 1)]
    # the pages of table 2-1 (the 审核 pages cite the seed files; the other tables are empty)
    first_table_pages = [i for i, t in enumerate(texts, 1) if "智造有限公司" in t and "审核（内部核对用" not in t]
    assert len(first_table_pages) >= 2
    for p in first_table_pages:
        assert "单位名称" in texts[p - 1] and "项目结束时间" in texts[p - 1]  # print titles (rows 5-6) on each page
    png(pdf, "summary_long")
