"""The walking skeleton's story, as a shopper lives it, in real Chromium with the real helper."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tousu_testing.forms import choose_if_empty, settled_state, submit, was_submitted

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
ORDER_ID = "3100000000000002001"
TITLE = "示例 TWS 真无线蓝牙耳机"


def test_earphones_with_a_silent_left_bud(tousu_unpaired, tousu_helper, tousu_mock_shop):
    browser = tousu_unpaired

    # First run: pair with the code `tousu serve` printed.
    options = browser.pair_via_options(tousu_helper)
    expect(options.locator("#status")).to_have_text(re.compile("配对成功"))
    options.close()

    # 1. On 已买到的宝贝 the popup reads the orders; the shopper picks the earphones.
    browser.use_scenario("earphones_left_silent")
    shop_page = browser.open_shop_page(LIST_URL)
    expect(shop_page.get_by_text(TITLE).first).to_be_visible()
    popup = browser.open_popup(shop_page)
    expect(popup.locator("#orders-count")).to_have_text("本页读到 3 个订单")
    popup.get_by_role("button", name=re.compile(TITLE)).click()

    facts = popup.locator("#order-facts")
    expect(facts.locator('[data-field="orderId"]')).to_have_text(ORDER_ID)
    expect(facts.locator('[data-field="shop"]')).to_have_text("示例数码专营店")
    expect(facts.locator('[data-field="totalPaid"]')).to_have_text("¥199.00")
    expect(facts.locator('[data-field="status"]')).to_have_text("卖家已发货")
    expect(facts.locator('[data-field="createdAt"]')).to_have_text(
        re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
    )
    expect(popup.locator("#order-items")).to_contain_text(f"{TITLE}")
    expect(popup.locator("#order-items")).to_contain_text("× 1")

    # 2. The shopper says what is wrong and gets advice.
    popup.get_by_label("遇到了什么问题？").fill("左耳没有声音，充电也充不进去")
    popup.get_by_role("button", name="分析问题").click()

    expect(popup.locator("#type-main strong")).to_have_text("商品质量问题")
    expect(popup.locator("#type-main li").first).not_to_be_empty()
    evidence = popup.locator("#evidence")
    expect(evidence.locator("li", has_text="商品问题照片或视频")).to_contain_text("必需")
    expect(evidence.locator("li", has_text="开箱视频")).to_contain_text("建议")
    expect(evidence).to_contain_text("聊天记录")
    expect(evidence.locator("li", has_text="订单详情截图")).to_contain_text("必需")
    remedy = popup.locator("#remedies li").first
    expect(remedy).to_contain_text("退货退款")
    expect(remedy).to_contain_text("第二十四条")
    expect(remedy).to_contain_text("运费")
    expect(popup.locator("#clocks")).to_contain_text("剩余")
    draft = popup.locator("#draft")
    expect(draft).to_have_value(re.compile(ORDER_ID))
    expect(draft).to_have_value(re.compile("耳机"))
    draft_text = draft.input_value()

    # 3. 预填投诉单 opens that order's complaint form and pre-fills it; nothing is submitted.
    with browser.context.expect_page() as opened:
        popup.get_by_role("button", name="预填投诉单").click()
    form = opened.value
    # The complaint form as its submit schema has it: reason, sub-reason, the items, the memo and
    # the evidence; the masked phone is the account's. No screenshot was captured, so the
    # uploader is the shopper's to fill, and the popup says so.
    expect(popup.locator("#fill-result")).to_contain_text("已在新标签页预填 3 项", timeout=20000)
    expect(popup.locator("#fill-result")).to_contain_text("上传凭证")
    assert form.url.startswith("https://rights.taobao.com/complaint/")
    assert f"bizId={ORDER_ID}" in form.url

    state = settled_state(form)
    assert state["reason"] == "商品质量问题", state
    assert state["proofTask"]["memo"] == draft_text[:1000], state
    assert [t["orderId"] for t in state["complaintTargets"]] == [ORDER_ID], state
    assert not was_submitted(form)
    assert tousu_mock_shop.submissions() == []

    # The shopper can still edit everything, and only their click submits.
    form.locator("#complaintMemo_1 textarea").fill(draft_text[:900] + "\n补充：已拍视频。")
    choose_if_empty(form, "#complaintSubReason_1")
    submit(form)
    expect(form.get_by_text("投诉已提交")).to_be_visible()
    [submitted] = tousu_mock_shop.submissions()
    assert f"bizId={ORDER_ID}" in submitted["url"]
    assert "补充：已拍视频。" in str(submitted["form"])
