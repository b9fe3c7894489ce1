"""The task pane in a real browser: headless Chromium (Debian's chromium + chromedriver) via Selenium.

The page is loaded from the real xlwings Server on 127.0.0.1 (outside Excel, where the
task pane also serves clerks who only upload). The clerk's path is followed by clicks:
save a token, check it, pick a folder of submissions, validate, download the report.
Screenshots go to out/test-artifacts/ (the README's pictures are copies of them).
"""

from __future__ import annotations

import shutil
import time

import openpyxl
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from xlserver import ROOT, running_server

from subsidykit.validation.pool import validate_paths

SUBMISSIONS = ROOT / "examples" / "submissions"
ARTIFACTS = ROOT / "out" / "test-artifacts"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def server():
    with running_server({"SUBSIDYKIT_MAX_FILES": "12"}) as base:
        yield base


@pytest.fixture
def browser(tmp_path):
    assert CHROMIUM and CHROMEDRIVER, "需要 Debian 的 chromium 和 chromium-driver（.ci/run 会安装）"
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=420,1000", "--lang=zh-CN"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def _wait_text(driver, element_id: str, text: str, timeout: float = 60) -> str:
    try:
        WebDriverWait(driver, timeout).until(EC.text_to_be_present_in_element((By.ID, element_id), text))
    except Exception as exc:
        shown = driver.find_element(By.ID, element_id).text
        raise AssertionError(f"#{element_id} 没有出现「{text}」，实际为「{shown}」") from exc
    return driver.find_element(By.ID, element_id).text


def _shot(driver, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"taskpane-{name}.png"))


def _own_script_errors(driver) -> list[dict]:
    """Console errors from this add-in's own scripts (xlwings' Office-only code may complain
    outside Excel; ours must not)."""
    own = ("subsidykit.js", "ribbon.js", "auth.js")
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and any(s in e["message"] for s in own)]


def _save_token(driver, base, token: str) -> None:
    driver.get(f"{base}/taskpane.html?view=settings")
    # the page may still be loading on a busy machine (a CI run once found no field yet): wait for it
    field = WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "token-input")))
    field.clear()
    field.send_keys(token)
    driver.find_element(By.ID, "region-input").send_keys("示例市")
    driver.find_element(By.ID, "settings-save").click()


def test_settings_check_the_token_against_the_server(server, browser):
    browser.get(f"{server}/taskpane.html")
    assert browser.title
    assert browser.find_element(By.ID, "sk-token-missing").is_displayed()  # first visit: asked for a token
    assert browser.find_element(By.ID, "view-settings").is_displayed()
    _save_token(browser, server, "不是令牌")  # pasted wrong: not even a token's characters
    assert "令牌格式不对" in _wait_text(browser, "settings-status", "令牌格式不对")
    _save_token(browser, server, "wrong-token-0123456789")
    browser.find_element(By.ID, "token-check").click()
    assert "访问令牌" in _wait_text(browser, "settings-status", "未授权")
    _save_token(browser, server, server.token)
    browser.find_element(By.ID, "token-check").click()
    assert _wait_text(browser, "settings-status", "令牌有效") == "令牌有效（测试科员）。"
    assert not browser.find_element(By.ID, "sk-token-missing").is_displayed()
    _shot(browser, "settings")
    assert _own_script_errors(browser) == []


def test_a_folder_is_validated_end_to_end_and_the_report_downloads(server, browser, tmp_path):
    folder = tmp_path / "申报材料"
    folder.mkdir()
    chosen = sorted(SUBMISSIONS.glob("*.xlsx"))[6:16]  # 07-10 clean, 11-16 with planted problems
    for p in chosen:
        shutil.copy(p, folder / p.name)
    (folder / "说明.txt").write_text("非工作簿，应跳过", encoding="utf-8")
    # what the pane uploads: the workbooks (validate over the folder would also list 说明.txt as 不是工作簿)
    expected = validate_paths([folder / p.name for p in chosen], year="2023", workers=1)
    n_bad = sum(not r.valid for r in expected.files)
    n_findings = sum(len(r.findings) for r in expected.files)
    assert 0 < n_bad < len(chosen)  # the sample mixes clean and faulty submissions

    _save_token(browser, server, server.token)
    browser.get(f"{server}/taskpane.html?view=validate")
    browser.execute_script("window.__still_same_page = true")
    browser.find_element(By.ID, "folder-input").send_keys(str(folder))
    assert "已选择 10 个工作簿" in browser.find_element(By.ID, "selection-info").text
    assert "1 个非 Excel 文件将跳过" in browser.find_element(By.ID, "selection-info").text
    browser.find_element(By.ID, "validate-year").send_keys("2023")
    browser.find_element(By.ID, "validate-button").click()
    _wait_text(browser, "validate-status", "校验完成")
    summary = browser.find_element(By.ID, "validate-summary").text
    assert summary.startswith(f"共 10 个文件：无错误 {10 - n_bad} 个，有错误 {n_bad} 个")
    assert f"问题 {n_findings} 条" in summary
    rows = browser.find_elements(By.CSS_SELECTOR, "#validate-files tr")
    assert [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows] == [f"申报材料/{p.name}" for p in chosen]
    _shot(browser, "validate")

    link = browser.find_element(By.ID, "report-link")
    assert link.get_attribute("download") == "校验报告.xlsx" and link.get_attribute("href").startswith("blob:")
    link.click()
    target = browser.downloads / "校验报告.xlsx"
    deadline = time.monotonic() + 30
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    report = openpyxl.load_workbook(target)
    files = [c.value for c in report["文件"]["A"][1:]]
    assert files == [f"申报材料/{p.name}" for p in chosen]
    assert browser.execute_script("return window.__still_same_page === true")  # no reload loop outside Excel
    assert not browser.find_element(By.ID, "xlwings-office-ready-error").is_displayed()
    assert _own_script_errors(browser) == []
    assert list(server.tmpdir.rglob("*")) == []  # the server kept nothing


def test_too_many_files_are_refused_in_the_page_with_a_message(server, browser, tmp_path):
    folder = tmp_path / "多"
    folder.mkdir()
    for p in sorted(SUBMISSIONS.glob("*.xlsx"))[:13]:  # the server allows 12
        shutil.copy(p, folder / p.name)
    _save_token(browser, server, server.token)
    browser.get(f"{server}/taskpane.html?view=validate")
    browser.find_element(By.ID, "folder-input").send_keys(str(folder))
    browser.find_element(By.ID, "validate-button").click()
    assert "一次最多上传 12 个文件" in _wait_text(browser, "validate-status", "文件过多")


def test_the_summary_view_offers_the_print_ready_file(server, browser):
    _save_token(browser, server, server.token)
    browser.get(f"{server}/taskpane.html?view=summary")
    browser.find_element(By.ID, "ledger-input").send_keys(str(ROOT / "examples" / "台账_2023.xlsx"))
    browser.find_element(By.ID, "summary-button").click()
    assert "年度" in _wait_text(browser, "summary-status", "无法生成汇总表")  # the ledger has no year column
    browser.find_element(By.ID, "summary-year").send_keys("2023")
    browser.find_element(By.ID, "summary-button").click()
    status = _wait_text(browser, "summary-status", "年度汇总表")
    assert status.startswith("2023 年度汇总表：2-1 智能化改造数字化转型")
    link = browser.find_element(By.ID, "summary-link")
    assert link.is_displayed() and link.get_attribute("download") == "附件2汇总表_2023.xlsx"
    # the buttons that act on the open workbook need Excel: disabled in a plain browser
    assert not browser.find_element(By.CSS_SELECTOR, '[xw-click="generate_summary"]').is_enabled()
    _shot(browser, "summary")
    assert _own_script_errors(browser) == []


def test_the_summary_view_names_the_ledger_columns_it_could_not_read(server, browser, tmp_path):
    """Issue 13: the task pane shows the same unmapped-column warning as the console and 审核."""
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from ledgers import HEADER, PROJECTS, write_ledger

    header = [*HEADER, "招商引资对接人"]  # nothing in the vocabulary is called that
    ledger = write_ledger(tmp_path / "台账.xlsx", [[*PROJECTS[0], "王五"]], header=header)
    _save_token(browser, server, server.token)
    browser.get(f"{server}/taskpane.html?view=summary")
    browser.find_element(By.ID, "ledger-input").send_keys(str(ledger))
    browser.find_element(By.ID, "summary-year").send_keys("2023")
    browser.find_element(By.ID, "summary-button").click()
    status = _wait_text(browser, "summary-status", "年度汇总表")
    assert status.startswith("[警告] 台账有 1 列未能识别") and "招商引资对接人" in status
