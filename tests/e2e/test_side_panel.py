"""Issue 14: the side panel walks the shopper through the complaint, one decision per step,
beside the shop. Headless Chromium cannot show the panel as browser UI, so its page runs in a
tab of its own; it still follows the shop tab the shopper looks at (chrome.tabs, not its own
tab). The earphones story runs from the panel, the panel stays while the form opens and is
filled, shows the fill report, follows tab switches and resumes after the worker restarts."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tousu_testing.popup import message
from tousu_testing.sidepanel import (
    analyze,
    current_step,
    fill_complaint,
    fill_report,
    look_at,
    next_step,
    open_panel,
    pick_order,
    top_type,
    wait_step,
)

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
ORDER_ID = "3100000000000002001"
TITLE = "示例 TWS 真无线蓝牙耳机"


def no_horizontal_scroll(panel: Page) -> bool:
    return panel.evaluate(
        "() => { const d = document.documentElement; return d.scrollWidth <= d.clientWidth; }"
    )


def test_earphones_story_from_the_side_panel(tousu, tousu_mock_shop, assert_accessible):
    tousu.use_scenario("earphones_left_silent")
    shop = tousu.open_shop_page(LIST_URL)
    expect(shop.get_by_text(TITLE).first).to_be_visible()
    panel = open_panel(tousu)
    panel.set_viewport_size({"width": 320, "height": 700})
    look_at(shop)

    # 订单: the panel reads the tab the shopper looks at, not its own.
    expect(panel.locator("#orders-count")).to_have_text("本页读到 3 个订单")
    assert current_step(panel) == "order"
    assert_accessible(panel, "panel, 订单")
    pick_order(panel, ORDER_ID)

    # 问题: focus lands on the step's heading; the problem box is the next stop for Tab.
    expect(panel.locator("#h-problem")).to_be_focused()
    expect(panel.locator("#announce")).to_have_text("第 2 步，共 7 步：问题")
    panel.keyboard.press("Tab")
    expect(panel.locator("#problem-text")).to_be_focused()
    expect(panel.locator("#symptoms button").first).to_have_attribute("aria-pressed", "false")
    assert_accessible(panel, "panel, 问题")
    analyze(panel, "左耳没有声音，充电也充不进去")

    # 类型与去处: the answer first, the ladder folded.
    assert top_type(panel) == "quality_defect"
    expect(panel.locator("#type-main strong")).to_have_text("商品质量问题")
    expect(panel.locator("#route")).to_be_hidden()
    panel.get_by_text(message("routeLadder")).click()
    expect(panel.locator("#route li").first).to_be_visible()
    assert_accessible(panel, "panel, 类型与去处")
    next_step(panel)

    # 证据: what is needed; ticking is kept with the order's progress.
    wait_step(panel, "evidence")
    evidence = panel.locator("#evidence")
    expect(evidence.locator("li", has_text="商品问题照片或视频")).to_contain_text("必需")
    panel.get_by_label(re.compile("^开箱视频")).check()
    assert_accessible(panel, "panel, 证据")

    # A restarted worker (and a reopened panel) resumes the same step with the same ticks.
    tousu.stop_service_worker()
    look_at(shop)
    panel.reload()
    wait_step(panel, "evidence")
    expect(panel.get_by_label(re.compile("^开箱视频"))).to_be_checked()
    next_step(panel)

    # 诉求与时限: the demand first, its basis and the clocks folded.
    wait_step(panel, "remedy")
    expect(panel.locator("#remedy-main")).to_contain_text("退货退款")
    expect(panel.locator("#clocks")).to_be_hidden()
    assert_accessible(panel, "panel, 诉求与时限")
    next_step(panel)

    # 投诉文字: the draft, edited with its lint marks.
    wait_step(panel, "draft")
    draft = panel.locator("#draft")
    expect(draft).to_have_value(re.compile(ORDER_ID))
    assert_accessible(panel, "panel, 投诉文字")
    draft_text = draft.input_value()
    next_step(panel)

    # 预填并核对: the form opens in a tab of its own; the panel stays and follows it.
    wait_step(panel, "fill")
    assert_accessible(panel, "panel, 预填并核对")
    assert no_horizontal_scroll(panel), "the panel scrolls sideways at 320 px"
    with tousu.context.expect_page() as opened:
        fill_complaint(panel)
    form = opened.value
    report = fill_report(panel)
    assert form.url.startswith("https://rights.taobao.com/complaint/")
    # The complaint form as its submit schema has it: reason, the items, the memo (the uploader
    # stays the shopper's: nothing was captured in this story).
    assert {"投诉原因", "投诉商品", "问题描述"} <= set(report["filled"]), report
    assert any("商品问题照片或视频" in e for e in report["evidence"]), report
    expect(form.get_by_label("问题描述")).to_have_value(draft_text[:1000])
    assert tousu_mock_shop.submissions() == []
    assert_accessible(panel, "panel, 预填结果")

    # Back on the order list the panel is back at the order's step; on the form, the report again.
    look_at(shop)
    wait_step(panel, "fill")
    look_at(form)
    expect(panel.locator("#fill-report-body")).to_be_visible(timeout=20000)

    # 200% zoom at the narrowest width still reflows (no sideways scrolling).
    look_at(shop)
    wait_step(panel, "fill")
    panel.evaluate("() => { document.documentElement.style.zoom = '2'; }")
    assert no_horizontal_scroll(panel), "the panel scrolls sideways at 200% zoom"


def test_panel_cases_and_keyboard_steps(tousu, tousu_helper, tousu_mock_shop, assert_accessible):
    tousu.use_scenario("earphones_left_silent")
    shop = tousu.open_shop_page(LIST_URL)
    panel = open_panel(tousu)
    look_at(shop)
    pick_order(panel, ORDER_ID)
    analyze(panel, "左耳没有声音，充电也充不进去")
    next_step(panel)
    wait_step(panel, "evidence")
    panel.get_by_role("button", name=message("saveCase")).click()
    expect(panel.locator("#case-status")).to_contain_text(message("caseSaved"))

    # Back and forth by keyboard: 上一步, and the step list for the steps reached.
    panel.get_by_role("button", name=message("stepBack")).focus()
    panel.keyboard.press("Enter")
    wait_step(panel, "type")
    panel.locator('#steps button[data-step="evidence"]').focus()
    panel.keyboard.press("Enter")
    wait_step(panel, "evidence")
    expect(panel.locator('#steps button[data-step="fill"]')).to_be_disabled()

    # 我的投诉 in the panel: the case with what is due, then its timeline.
    panel.get_by_role("button", name=message("myCases")).first.click()
    expect(panel.locator("#cases-title")).to_be_focused()
    row = panel.locator("#case-list button").first
    expect(row).to_contain_text(TITLE)
    assert_accessible(panel, "panel, 我的投诉")
    row.click()
    expect(panel.locator("#case-one-events li").first).to_be_visible()
    assert_accessible(panel, "panel, one case")
    panel.get_by_role("button", name=message("allCases")).click()
    expect(panel.locator("#case-list button").first).to_be_visible()
    panel.get_by_role("button", name=message("panelCasesBack")).click()
    wait_step(panel, "evidence")
    expect(panel.locator("#open-cases")).to_be_focused()
    panel.get_by_role("button", name="下一步：诉求与时限").click()  # reachable again: not inert
    wait_step(panel, "remedy")
