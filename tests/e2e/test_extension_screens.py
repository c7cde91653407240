"""Issue 7: every screen the shopper meets, in Chinese, keyboard-reachable, and with no serious
or critical axe-core violation: first run, the popup's states, symptom chips and the draft
editor that marks what the lint found."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tousu.advice import symptoms_catalog

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
TITLE = "示例 TWS 真无线蓝牙耳机"


def set_fault(tousu, fault: str) -> None:
    tousu.context.add_cookies(
        [
            {"name": "tousu_faults", "value": f"fault={fault}", "domain": f".{d}", "path": "/"}
            for d in ("taobao.com", "tmall.com")
        ]
    )


def test_first_run_and_every_state_message(tousu_unpaired, tousu_helper, tousu_mock_shop, assert_accessible):
    browser = tousu_unpaired
    options = browser.open_options()
    expect(options.get_by_role("heading", name="第一步：启动本地助手")).to_be_visible()
    expect(options.get_by_role("button", name="我的投诉")).to_be_visible()
    assert_accessible(options, "options, first run")

    browser.use_scenario("earphones_left_silent")
    shop = browser.open_shop_page(LIST_URL)
    popup = browser.open_popup(shop)
    expect(popup.locator("#state-text")).to_contain_text("配对")
    assert_accessible(popup, "popup, not paired")
    popup.close()

    # Pairing through the options page, then the shop's own obstacles.
    options.get_by_role("textbox", name="配对码").fill(tousu_helper.pairing_code)
    options.get_by_role("button", name="配对", exact=True).click()
    expect(options.locator("#status")).to_have_text(re.compile("配对成功"))
    assert_accessible(options, "options, paired")

    for fault, text in (("login", "先登录"), ("verify", "安全验证")):
        set_fault(browser, fault)
        page = browser.open_shop_page(LIST_URL)
        popup = browser.open_popup(page)
        expect(popup.locator("#state-text")).to_contain_text(text)
        expect(popup.get_by_role("button", name="重试")).to_be_visible()
        assert_accessible(popup, f"popup, {fault}")
        popup.close()
        page.close()

    tousu_helper.stop()
    popup = browser.open_popup(shop)
    expect(popup.locator("#state-text")).to_contain_text("tousu serve")
    expect(popup.get_by_role("button", name="打开设置")).to_be_visible()
    assert_accessible(popup, "popup, helper down")
    cases = browser.context.new_page()
    cases.goto(browser.url("cases/cases.html"))
    expect(cases.locator("#page-state")).to_contain_text("tousu serve")
    assert_accessible(cases, "cases page, helper down")


def test_chips_keyboard_and_marked_draft(tousu, tousu_mock_shop, assert_accessible):
    tousu.use_scenario("earphones_left_silent")
    shop = tousu.open_shop_page(LIST_URL)
    popup = tousu.open_popup(shop)
    expect(popup.locator("#orders-count")).to_have_text("本页读到 3 个订单")
    assert_accessible(popup, "popup, order cards")
    popup.get_by_role("button", name=re.compile(TITLE)).click()

    # Chips are toggle buttons reached with Tab from the problem box; chips alone can start.
    expect(popup.locator("#problem-text")).to_be_focused()
    popup.keyboard.press("Tab")
    first_chip = popup.locator("#symptoms button").first
    expect(first_chip).to_be_focused()
    # The chips are the helper's catalogue (GET /advice/symptoms), in its order and words.
    chips = {s["code"]: s["label_zh"] for s in symptoms_catalog()}
    expect(first_chip).to_have_text(next(iter(chips.values())))
    popup.keyboard.press("Enter")
    expect(first_chip).to_have_attribute("aria-pressed", "true")
    popup.get_by_role("button", name=chips["no_sound"]).press("Space")
    popup.get_by_role("button", name="分析问题").click()
    expect(popup.locator("#type-main strong")).to_have_text("商品质量问题")
    expect(popup.locator("#type-main")).to_contain_text("你选择了")
    assert_accessible(popup, "popup, advice")

    # Editing the draft: what the lint finds is marked in the text and can be jumped to.
    draft = popup.locator("#draft")
    draft.fill("骗子！！！不退款就给差评，电话13000000000")
    marked = popup.locator("#draft-marked mark")
    expect(popup.locator("#draft-marked mark", has_text="13000000000")).to_be_visible()
    codes = set(marked.evaluate_all("(ms) => ms.map((m) => m.dataset.code)"))
    assert {"emotional_language", "personal_data"} <= codes, codes
    phone = popup.locator("#draft-marked mark", has_text="13000000000")
    expect(phone).to_have_attribute("title", re.compile(".+"))
    jump = popup.locator('#findings li[data-code="personal_data"] button')
    jump.click()
    expect(draft).to_be_focused()
    selected = popup.evaluate(
        "() => { const d = document.getElementById('draft');"
        " return d.value.slice(d.selectionStart, d.selectionEnd); }"
    )
    assert "13000000000" in selected
    assert_accessible(popup, "popup, marked draft")

    # A calm text loses those marks.
    draft.fill("订单中的耳机左耳无声，请求退货退款。")
    for code in ("personal_data", "emotional_language", "threat"):
        expect(popup.locator(f'#draft-marked mark[data-code="{code}"]')).to_have_count(0)
        expect(popup.locator(f'#findings li[data-code="{code}"]')).to_have_count(0)
