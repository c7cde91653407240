"""What the shop and the helper do to the shopper mid-way, and what the popup then says.

Login wall, slider verification, a blocked (RGV587) answer, an empty list, a helper that dies
after the page was read, and Chrome stopping the service worker between reading and advice.
The wording comes from the extension's locale file (stateLogin, stateVerification, ...).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tousu_testing import HelperProcess
from tousu_testing.popup import analyze, message, pick_order, top_type, wait_loaded
from tousu_testing.scenarios import LIST_URL

EARPHONES = "earphones_left_silent"
LOGIN_URL = re.compile(r"^https://login\.taobao\.com/member/login\.jhtml\?redirectURL=")
PUNISH_URL = re.compile(r"^https://buyertrade\.taobao\.com/_____tmd_____/punish\?")


def test_login_page_says_log_in_then_retry(tousu, tousu_mock_shop):
    scenario = tousu.use_scenario(EARPHONES)
    # Taobao's session ran out: every shop page sends the shopper to log in.
    tousu_mock_shop.admin("POST", "faults", {"fault": "login"})
    page = tousu.open_shop_page(LIST_URL)
    expect(page).to_have_url(LOGIN_URL)
    popup = tousu.open_popup(page)
    expect(popup.locator("#state-text")).to_have_text(message("stateLogin"))
    assert "登录后重试" in message("stateLogin")
    expect(popup.get_by_role("button", name="重试")).to_be_visible()

    # The shopper logs in on the page (which takes them back to the list) and retries.
    page.get_by_label("账号名").fill("示例买家")
    page.get_by_label("登录密码").fill("invented-password")
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(LIST_URL)
    popup.get_by_role("button", name="重试").click()
    expect(popup.locator("#orders-count")).to_have_text(f"本页读到 {len(scenario.order_ids)} 个订单")


def test_slider_page_says_verify_then_retry(tousu, tousu_mock_shop):
    tousu.use_scenario(EARPHONES)
    page = tousu.open_shop_page(f"{LIST_URL}?tousu_fault=verify")
    expect(page).to_have_url(PUNISH_URL)
    popup = tousu.open_popup(page)
    expect(popup.locator("#state-text")).to_have_text(message("stateVerification"))
    assert "完成验证后重试" in message("stateVerification")

    # Drag the slider to the end: the page goes back to the list.
    knob = page.locator("#nc_1_n1z")
    track = page.locator("#nc_1__scale_text").bounding_box()
    box = knob.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(track["x"] + track["width"] + 20, box["y"] + box["height"] / 2, steps=10)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"/trade/itemlist/list_bought_items\.htm"))
    popup.get_by_role("button", name="重试").click()
    expect(popup.locator("#orders-count")).to_have_text("本页读到 3 个订单")


@pytest.mark.parametrize(
    "url",
    [
        f"{LIST_URL}?tousu_fault=blocked",
        "https://trade.taobao.com/trade/detail/trade_order_detail.htm"
        "?biz_order_id=3100000000000002001&tousu_fault=blocked",
    ],
    ids=["list", "detail"],
)
def test_blocked_answer_says_verify(tousu, tousu_mock_shop, url):
    # The shop answers an anti-robot JSON (FAIL_SYS_USER_VALIDATE / RGV587) instead of the page.
    tousu.use_scenario(EARPHONES)
    page = tousu.open_shop_page(url)
    expect(page.locator("body")).to_contain_text("RGV587")
    popup = tousu.open_popup(page)
    expect(popup.locator("#state-text")).to_have_text(message("stateVerification"))


@pytest.mark.parametrize("route_to", ["tm1", "tm2"])
def test_empty_list_says_so(tousu, tousu_mock_shop, route_to):
    tousu.use_scenario(EARPHONES)
    page = tousu.open_shop_page(f"{LIST_URL}?route_to={route_to}&tousu_fault=empty")
    expect(page.get_by_text(re.compile("没有符合条件的订单|暂无订单")).first).to_be_visible()
    popup = tousu.open_popup(page)
    expect(popup.locator("#state-text")).to_have_text(message("stateEmpty"))


def test_helper_dies_after_reading_then_comes_back(tousu, tousu_helper, tousu_mock_shop):
    scenario = tousu.use_scenario(EARPHONES)
    page = tousu.open_scenario_list(scenario)
    popup = tousu.open_popup(page)
    pick_order(popup, scenario.story.order_id)

    tousu_helper.kill()  # a crash, not a polite stop
    analyze_button = popup.get_by_role("button", name="分析问题")
    popup.get_by_label("遇到了什么问题？").fill(scenario.story.text)
    analyze_button.click()
    expect(popup.locator("#state-text")).to_have_text(message("stateHelperDown"))
    expect(popup.locator("#state-text")).to_contain_text("tousu serve")
    expect(popup.get_by_role("button", name="重试")).to_be_visible()

    # The shopper runs `tousu serve` again (same port, same data: still paired) and retries.
    restarted = HelperProcess(
        tousu_helper.data_dir, port=tousu_helper.port, log_path=tousu_helper.data_dir / "helper-restarted.log"
    )
    try:
        popup.get_by_role("button", name="重试").click()
        pick_order(popup, scenario.story.order_id)
        analyze(popup, scenario.story.text)
        assert top_type(popup) == scenario.story.expected_type
    finally:
        restarted.stop()


def test_service_worker_stopped_between_reading_and_advice(tousu, tousu_mock_shop):
    scenario = tousu.use_scenario(EARPHONES)
    page = tousu.open_scenario_list(scenario)
    popup = tousu.open_popup(page)
    assert wait_loaded(popup) == "orders"
    pick_order(popup, scenario.story.order_id)

    # Chrome stops an idle worker; the popup stays open and the next message revives it.
    tousu.stop_service_worker()
    analyze(popup, scenario.story.text)
    assert top_type(popup) == scenario.story.expected_type
    expect(popup.locator("#draft")).to_have_value(re.compile(scenario.story.order_id))

    tousu.stop_service_worker()
    with tousu.context.expect_page() as opened:
        popup.get_by_role("button", name="预填投诉单").click()
    form = opened.value
    expect(popup.locator("#fill-result")).to_contain_text("已在新标签页预填", timeout=20000)
    assert f"bizId={scenario.story.order_id}" in form.url
    expect(form.get_by_label("问题描述")).not_to_have_value("")
