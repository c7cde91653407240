"""The mock's own page scripts in a real Chromium, served under the real URLs via the routing
helper (the rest of the mock tests use Flask's test client and need no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
CHROMIUM = Path("/usr/bin/chromium")
LIST = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


def _use(context, scenario: str) -> None:
    context.clear_cookies()
    context.add_cookies([{"name": "tousu_scenario", "value": scenario, "domain": ".taobao.com", "path": "/"}])


def test_tm1_rows_render_from_data(browser_context):
    _use(browser_context, "earphones_left_silent")
    page = browser_context.new_page()
    page.goto(LIST)
    page.wait_for_selector(".js-order-container")
    assert page.locator(".js-order-container").count() == 3
    assert page.locator("[data-id='3100000000000002001']").inner_text().count("示例数码专营店") == 1
    assert page.evaluate("window.data.mainOrders[0].subOrders[0].id") == 3100000000000002000
    page.close()


def test_tm2_renders_two_then_the_rest_on_scroll(browser_context):
    _use(browser_context, "not_as_described")
    page = browser_context.new_page()
    page.goto(LIST)
    page.wait_for_selector("[id^=shopOrderContainer_]")
    assert page.locator("[id^=shopOrderContainer_]").count() == 2
    assert page.locator("#shopOrderContainer_3100000000000004003 [class^=extItems--]").count() == 1
    page.mouse.wheel(0, 5000)
    page.wait_for_function("document.querySelectorAll('[id^=shopOrderContainer_]').length === 3")
    page.close()


def test_redirects_land_on_real_urls(browser_context):
    _use(browser_context, "earphones_left_silent")
    page = browser_context.new_page()
    page.goto("https://rights.taobao.com/complaint/redirect.jhtml?bizId=3100000000000002001")
    page.wait_for_url("https://rights.taobao.com/complaint/applyRouter.htm?bizId=*")
    page.select_option("#complaintReason", "商品质量问题")
    page.fill("#content", "左耳无声")
    page.click("#J_Submit")
    page.wait_for_url("**/applySuccess.htm?complaintId=*")
    assert "投诉已提交" in page.content()
    page.close()
