"""The task pane's 政策匹配 view in a real browser (headless Chromium via Selenium, as
tests/test_taskpane_browser.py), loaded from the real xlwings Server on 127.0.0.1.

Outside Excel the button that acts on the open workbook is shown but disabled; the year the
clerk saves in 设置 is what the button sends to the script (its xw-args). The script itself is
tested over HTTP in tests/test_macros_match.py.
"""

from __future__ import annotations

import json

from selenium.webdriver.common.by import By
from test_taskpane_browser import _own_script_errors, _save_token, _shot, browser  # noqa: F401  (browser: a fixture)


def test_the_match_view_offers_the_button_with_the_saved_year(xlwings_server, browser):  # noqa: F811
    _save_token(browser, xlwings_server, xlwings_server.token)
    browser.find_element(By.ID, "year-input").send_keys("2023")
    browser.find_element(By.ID, "settings-save").click()
    browser.get(f"{xlwings_server}/taskpane.html?view=match")
    view = browser.find_element(By.ID, "view-match")
    assert view.is_displayed() and not browser.find_element(By.ID, "view-validate").is_displayed()
    assert browser.find_element(By.ID, "h-match").text == "政策匹配"
    active = browser.find_element(By.CSS_SELECTOR, ".sk-nav .nav-link.active")
    assert active.text == "政策匹配" and active.get_attribute("data-view") == "match"
    button = browser.find_element(By.ID, "match-button")
    assert button.get_attribute("xw-click") == "match_programs"
    assert json.loads(button.get_attribute("xw-args")) == [2023]  # the year of 设置
    assert not button.is_enabled() and button.get_attribute("title") == "在 Excel 中打开本任务窗格后可用"
    assert "ELIGIBLE_PROGRAMS" in view.text and "BEST_PROGRAM" in view.text
    _shot(browser, "match")
    assert _own_script_errors(browser) == []


def test_the_nav_switches_to_the_match_view(xlwings_server, browser):  # noqa: F811
    _save_token(browser, xlwings_server, xlwings_server.token)
    browser.get(f"{xlwings_server}/taskpane.html?view=validate")
    browser.find_element(By.CSS_SELECTOR, '.sk-nav [data-view="match"]').click()
    assert browser.find_element(By.ID, "view-match").is_displayed()
    assert not browser.find_element(By.ID, "view-validate").is_displayed()
    assert json.loads(browser.find_element(By.ID, "match-button").get_attribute("xw-args")) == [None]  # no year saved
    assert _own_script_errors(browser) == []
