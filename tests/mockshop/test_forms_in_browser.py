"""The React after-sales form in a real Chromium: controlled inputs, the cascade, the uploader, the
disabled-until-valid submit (what a filler has to cope with on the real refund2 page)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e
APPLY = "https://refund2.taobao.com/dispute/apply.htm?bizOrderId=3100000000000002001&type=1"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32

# The full sequence a person's click produces; some Taobao widgets react to nothing less.
POINTER_CLICK = """el => {
  const r = el.getBoundingClientRect();
  const o = {bubbles: true, cancelable: true, view: window, button: 0,
             clientX: r.x + r.width / 2, clientY: r.y + r.height / 2};
  el.dispatchEvent(new PointerEvent('pointerdown', o));
  el.dispatchEvent(new MouseEvent('mousedown', o));
  el.dispatchEvent(new PointerEvent('pointerup', o));
  el.dispatchEvent(new MouseEvent('mouseup', o));
  el.dispatchEvent(new MouseEvent('click', o));
}"""
SET_MEMO = (
    "el => Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(el, '左耳无声')"
)
ATTACH = """(input, name) => {
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array([137, 80, 78, 71])], name, {type: 'image/png'}));
  input.files = dt.files;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
}"""


def _open(browser_context, query: str = "", ready: str = "#refundTypeSelect_1 .selected-wrap"):
    browser_context.clear_cookies()
    browser_context.add_cookies(
        [{"name": "tousu_scenario", "value": "earphones_left_silent", "domain": ".taobao.com", "path": "/"}]
    )
    page = browser_context.new_page()
    page.goto(APPLY + query)
    if ready:
        page.wait_for_selector(ready)
    return page


@pytest.fixture()
def form(browser_context):
    page = _open(browser_context)
    yield page
    page.close()


def _state(page) -> dict:
    return page.evaluate("window.__tousuMockForm.state()")


def _choose(page, select_id: str, option: str) -> None:
    root = page.locator(f"#{select_id}")
    root.locator(".selected-wrap").evaluate(POINTER_CLICK)
    root.locator(".options-item", has_text=option).first.evaluate(POINTER_CLICK)


def _choose_type(page, option: str) -> None:
    _choose(page, "refundTypeSelect_1", option)
    page.wait_for_selector("#reasonSelect_1")


def test_a_pointer_sequence_selects_and_the_shown_value_follows(form):
    assert form.locator("#refundTypeSelect_1 .selected-wrap").inner_text().strip() == "请选择"
    _choose_type(form, "退货退款")
    assert form.locator("#refundTypeSelect_1 .selected-wrap").inner_text().strip() == "退货退款"
    assert _state(form)["refundType"] == "退货退款"
    # Options come from the "adjust" answer: 七天无理由退换 is offered for 退货退款 ...
    _choose(form, "reasonSelect_1", "七天无理由退换")
    assert _state(form)["reason"] == "七天无理由退换"
    _choose_type(form, "仅退款")
    _choose(form, "reasonSelect_1", "七天无理由退换")
    assert _state(form)["reason"] == ""  # ... and disabled (not choosable) for 仅退款


def test_a_dom_only_write_is_lost_at_the_next_render(form):
    _choose_type(form, "退货退款")
    memo = form.locator("textarea.textarea")
    # The native setter with no event: the DOM shows it, React never hears of it.
    memo.evaluate(SET_MEMO)
    assert memo.input_value() == "左耳无声" and _state(form)["desc"] == ""
    _choose(form, "reasonSelect_1", "质量问题")  # any state change re-renders the form
    assert _state(form)["reason"] == "质量问题"
    assert memo.input_value() == "" and _state(form)["desc"] == ""
    # The setter plus the input event React listens to: it sticks, and the counter follows.
    memo.evaluate(SET_MEMO)
    memo.evaluate("el => el.dispatchEvent(new Event('input', {bubbles: true}))")
    assert _state(form)["desc"] == "左耳无声"
    assert form.locator(".textarea-count").inner_text() == "4/500"


def test_choosing_the_service_type_replaces_the_later_fields(form):
    _choose_type(form, "退货退款")
    _choose(form, "reasonSelect_1", "质量问题")
    old_reason = form.locator("#reasonSelect_1").element_handle()
    _choose(form, "refundTypeSelect_1", "换货")
    assert _state(form)["adjusting"] is True
    form.wait_for_function("!window.__tousuMockForm.state().adjusting")
    assert old_reason.evaluate("el => el.isConnected") is False
    assert _state(form)["reason"] == "" and _state(form)["refundType"] == "换货"
    assert form.locator("#reasonSelect_1 .selected-wrap").inner_text().strip() == "请选择"


def test_the_uploader_takes_one_file_at_a_time_up_to_its_limit(form):
    _choose_type(form, "退货退款")
    for n in range(1, 4):
        before = form.locator("input[name=photoUploader]").element_handle()
        before.evaluate(ATTACH, f"photo{n}.png")
        form.wait_for_function(f"window.__tousuMockForm.state().files.length === {n}")
        form.wait_for_selector(".uploading", state="detached")
        assert before.evaluate("el => el.isConnected") is False  # the input is replaced
    assert form.locator(".upload-thumb img").count() == 3
    assert form.locator(".upload-count").inner_text() == "3/3"
    assert form.locator("input[name=photoUploader]").count() == 0  # full: no more input
    assert [f["name"] for f in _state(form)["files"]] == ["photo1.png", "photo2.png", "photo3.png"]


def test_submit_stays_disabled_until_valid_and_records_its_own_handler(form):
    button = form.locator("#submitButtonContainer_1 .button-item")
    assert "disabled" in button.get_attribute("class")
    button.click()
    assert form.evaluate("window.__tousuMockForm.submitted") is False
    _choose_type(form, "退货退款")
    _choose(form, "reasonSelect_1", "质量问题")
    fee = form.locator("#applyRefundFeeInput_1-input")
    assert fee.input_value() == "199.00"
    fee.fill("500")
    assert "disabled" in button.get_attribute("class")
    assert "不能超过" in form.locator(".input-error").inner_text()
    fee.fill("120.50")
    assert "disabled" not in button.get_attribute("class")
    assert _state(form)["valid"] is True and _state(form)["refundFee"] == "120.50"
    with form.expect_navigation():
        button.click()
    assert "/dispute/detail.htm?disputeId=" in form.url


def test_fusion_skin_popup_in_body_and_radios_that_change_on_click_only(browser_context):
    page = _open(browser_context, "&tousu_skin=fusion", "#refundTypeSelect_1-item .next-radio-group")
    radio = page.locator("#refundTypeSelect_1-item input[type=radio][value='退货退款']")
    # Setting .checked and dispatching change is what a native-form filler does: React ignores it.
    radio.evaluate("el => { el.checked = true; el.dispatchEvent(new Event('change', {bubbles: true})); }")
    page.locator("#refundTypeSelect_1-item .next-radio-label").first.click()  # any re-render
    assert _state(page)["refundType"] == "仅退款" and radio.is_checked() is False
    page.locator("label.next-radio-wrapper", has_text="退货退款").click()
    page.wait_for_selector("#reasonSelect_1-item")
    assert _state(page)["refundType"] == "退货退款"
    page.locator("#reasonSelect_1-item .next-select-trigger").click()
    listbox = page.locator("body > .next-overlay-wrapper ul[role=listbox]")
    assert listbox.is_visible()
    listbox.locator("li[role=option][title='质量问题']").click()
    assert _state(page)["reason"] == "质量问题"
    assert page.locator("#reasonSelect_1-item em[title]").get_attribute("title") == "质量问题"
    assert page.locator(".next-overlay-wrapper").count() == 0
    page.close()


def test_antd_skin_opens_on_mousedown_only_and_renders_ten_rows(browser_context):
    page = _open(browser_context, "&tousu_skin=antd", "#refundTypeSelect_1-item .ant-select-selector")
    selector = page.locator("#refundTypeSelect_1-item .ant-select-selector")
    selector.evaluate("el => el.click()")  # a bare click only focuses
    assert page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").count() == 0
    selector.evaluate(POINTER_CLICK)
    page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) [title='退货退款']").click()
    page.wait_for_selector("#reasonSelect_1-item .ant-select-selector")
    page.locator("#reasonSelect_1-item .ant-select-selector").evaluate(POINTER_CLICK)
    dropdown = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
    assert dropdown.locator(".ant-select-item-option").count() == 10  # of 15 reasons
    assert dropdown.locator("[title='其他']").count() == 0  # the last one is not rendered yet
    dropdown.locator(".rc-virtual-list-holder").evaluate("el => { el.scrollTop = el.scrollHeight; }")
    dropdown.locator("[title='其他']").click()
    assert _state(page)["reason"] == "其他"
    assert page.locator("#reasonSelect_1-item .ant-select-selection-item").get_attribute("title") == "其他"
    # The submit acts only on a click that follows a mousedown, as Taobao H5 buttons do.
    submit = page.locator(".ant-btn-primary")
    submit.evaluate("el => el.click()")
    assert page.evaluate("window.__tousuMockForm.submitted") is False
    with page.expect_navigation():
        submit.evaluate(POINTER_CLICK)
    assert "/dispute/detail.htm?disputeId=" in page.url
    page.close()


def test_storm_late_and_iframe_faults(browser_context):
    page = _open(browser_context, "&tousu_form=storm", "#refundTypeSelect_1")
    _choose_type(page, "退货退款")
    renders = page.evaluate("window.__tousuMockForm.renders")
    page.wait_for_function(f"window.__tousuMockForm.renders > {renders + 5}")
    page.close()
    page = _open(browser_context, "&tousu_late=1500", ready="")
    assert page.locator(".mod-select-pc").count() == 0
    page.wait_for_selector(".mod-select-pc", timeout=5000)
    page.close()
    page = _open(browser_context, "&tousu_form=iframe", ready="#J_FormFrame")
    frame = page.frame_locator("#J_FormFrame")
    frame.locator("#refundTypeSelect_1 .selected-wrap").click()
    assert page.locator(".mod-select-pc").count() == 0
    page.close()


def test_complaint_form_two_level_reason_items_and_quantities(browser_context):
    browser_context.clear_cookies()
    browser_context.add_cookies(
        [{"name": "tousu_scenario", "value": "wrong_or_missing_item", "domain": ".taobao.com", "path": "/"}]
    )
    page = browser_context.new_page()
    page.goto("https://rights.taobao.com/complaint/applyRouter.htm?bizId=3100000000000009010")
    page.wait_for_selector("#complaintReason_1 .selected-wrap")
    _choose(page, "complaintReason_1", "收到商品少件/错发")
    page.wait_for_selector("#complaintSubReason_1")
    old_sub = page.locator("#complaintSubReason_1").element_handle()
    _choose(page, "complaintSubReason_1", "少件/漏发")
    row = page.locator(".target-item[data-sub-order-id='3100000000000009012']")
    row.locator(".target-checkbox").click()
    row.locator(".quantity-minus").evaluate(POINTER_CLICK)
    page.locator("textarea").fill("少发了一个。")
    state = _state(page)
    assert (state["reasonCode"], state["subReason"]) == ("26", "少件/漏发")
    targets = [(t["subOrderId"], t["quantity"]) for t in state["complaintTargets"]]
    assert targets == [("3100000000000009012", 1)]
    assert state["contact"] == {"phoneNumber": "130****0000", "desensitized": True} and state["valid"]
    # Another level-1 reason remounts the level-2 select and clears its value.
    _choose(page, "complaintReason_1", "描述不符")
    page.wait_for_function("!window.__tousuMockForm.state().adjusting")
    assert old_sub.evaluate("el => el.isConnected") is False
    assert _state(page)["subReason"] == "" and _state(page)["valid"] is False
    assert "disabled" in page.locator(".button-item").get_attribute("class")
    page.close()


def test_intervention_form_from_the_refund_detail_page(browser_context):
    page = _open(browser_context, "", ready="")
    # The skin set by the fault cookie holds for every page, as a scenario's would.
    browser_context.add_cookies(
        [{"name": "tousu_faults", "value": "skin=fusion", "domain": ".taobao.com", "path": "/"}]
    )
    page.goto(APPLY)
    page.locator("label.next-radio-wrapper", has_text="退货退款").click()
    page.locator("#reasonSelect_1-item .next-select-trigger").click()
    page.locator("li[role=option][title='质量问题']").click()
    with page.expect_navigation():
        page.locator(".next-btn-primary").click()
    page.locator("#J_ApplyIntervention").click()
    page.wait_for_selector("#interventionReason_1-item .next-select-trigger")
    assert page.evaluate("window.__tousuMockForm.kind") == "intervention"
    page.locator("#interventionReason_1-item .next-select-trigger").click()
    page.locator("li[role=option][title='卖家拒绝退款']").click()
    page.locator("#interventionMemo_1-item textarea").fill("卖家拒绝退货。")
    page.locator("input[name=file]").evaluate(ATTACH, "refusal.png")
    page.wait_for_function("window.__tousuMockForm.state().files.length === 1")
    assert _state(page)["valid"] is True
    with page.expect_navigation():
        page.locator(".next-btn-primary").click()
    assert "淘宝介入处理中" in page.locator(".refund-status").inner_text()
    page.close()


def test_variant_skin_counts_a_click_only_after_a_mousedown(browser_context):
    """The variant skin: classes of no known kit, the same labels. Its combobox ignores a
    bare .click() and opens on a person's full click; its 退款原因 picker has no semantics."""
    page = _open(browser_context, "&tousu_skin=variant", ready="[role=combobox][aria-label='服务类型']")
    box = page.locator("[role=combobox][aria-label='服务类型']")
    assert page.locator(".mod-select-pc, .next-select, .ant-select").count() == 0
    box.evaluate("el => el.click()")
    assert box.get_attribute("aria-expanded") == "false"
    box.evaluate(POINTER_CLICK)
    listbox = page.locator("body > [role=listbox]")
    assert box.get_attribute("aria-expanded") == "true" and listbox.is_visible()
    option = listbox.locator("[role=option]", has_text="退货退款")
    option.evaluate("el => el.click()")
    assert _state(page)["refundType"] == ""
    option.evaluate(POINTER_CLICK)
    page.wait_for_function("window.__tousuMockForm.state().refundType === '退货退款'")
    assert box.inner_text().strip() == "退货退款"
    # The picker: a row labelled 退款原因 with chips and no role, no form element.
    row = page.locator("#reasonSelect_1-row")
    row.wait_for()
    assert row.locator("label").inner_text().strip().endswith("退款原因")
    assert row.locator("input, select, [role]").count() == 0
    row.get_by_text("质量问题", exact=True).click()
    assert _state(page)["reason"] == "质量问题"
    page.close()
