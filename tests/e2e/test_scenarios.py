"""Every mock-shop scenario's story, end to end, as the shopper lives it.

One test per file in tousu_testing/mockshop/scenarios/ (a new file adds a test): open the scenario's
已买到的宝贝 page (tm1 or tm2, scrolled as a shopper would), read it in the popup, pick the story's
order, describe the problem, check the advice, pre-fill the form the advice routes to, submit it
as the shopper would, and find the new case on the mock's list page in 等待卖家处理.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tousu.advice.rules import rulebook
from tousu_testing.forms import choose_if_empty, submit
from tousu_testing.popup import analyze, pick_order, top_type
from tousu_testing.scenarios import scenario_names

COMPLAINT_LIST = "https://rights.taobao.com/complaint/buyerList.htm"
REFUND_LIST = "https://refund2.taobao.com/dispute/buyerDisputeList.htm"
PENDING = "等待卖家处理"
# "申请售后：退货退款（质量问题）": the route's first step, request type and reason.
ROUTE_LINE = re.compile(r"^(?P<name>[^：（]+)(?:：(?P<request>[^（]+))?(?:（(?P<reason>.+)）)?$")


# Confirmed bugs in code this suite does not own, by scenario name -> reason: the case is
# marked xfail(strict=True), so the day the bug is fixed it fails until the entry goes.
# (quality_defect and false_advertising were here until tousu.advice ranking fix.)
KNOWN_BUGS: dict[str, str] = {}


def _cases() -> list:
    return [
        pytest.param(
            name, marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=KNOWN_BUGS[name])
        )
        if name in KNOWN_BUGS
        else name
        for name in scenario_names()
    ]


@pytest.mark.parametrize("name", _cases())
def test_scenario_story(tousu, tousu_mock_shop, name):
    scenario = tousu.use_scenario(name)
    story = scenario.story
    order = scenario.order()

    # 1. The shopper opens 已买到的宝贝 (scrolling the tm2 list) and opens the popup.
    page = tousu.open_scenario_list(scenario)
    popup = tousu.open_popup(page)
    pick_order(popup, story.order_id)

    # 2. Describes the problem and gets advice.
    analyze(popup, story.text)
    code = top_type(popup)
    assert code in scenario.accepted_types, (
        f"{name}: ranked first {code!r} ({popup.locator('#type-main').inner_text()!r}), "
        f"expected {scenario.accepted_types}"
    )
    for section in ("#evidence", "#remedies", "#clocks"):
        expect(popup.locator(f"{section} li").first).to_be_visible()
        expect(popup.locator(f"{section} li").first).not_to_be_empty()
    draft = popup.locator("#draft")
    expect(draft).to_have_value(re.compile(story.order_id))
    draft_text = draft.input_value()

    # 3. The route names where to go first; that decides the form.
    book = rulebook()
    venue = book.types[code].first_step
    route_line = popup.locator("#route p").first.inner_text().strip()
    route = ROUTE_LINE.match(route_line)
    assert route and route["name"] == book.steps[venue].name, (venue, route_line)
    complaint = venue == "complaint"
    button = "预填投诉单" if complaint else "预填售后申请"
    with tousu.context.expect_page() as opened:
        popup.get_by_role("button", name=button).click()
    form = opened.value
    expect(popup.locator("#fill-result")).to_contain_text("已在新标签页预填", timeout=20000)
    fill_result = popup.locator("#fill-result").inner_text()
    assert tousu_mock_shop.submissions() == [], "pre-filling must never submit"

    if complaint:
        assert form.url.startswith("https://rights.taobao.com/complaint/applyRouter.htm"), form.url
        assert f"bizId={story.order_id}" in form.url, form.url
        # The React form's own state is what it would submit (a DOM value alone proves nothing).
        form.wait_for_function("window.__tousuMockForm && !window.__tousuMockForm.state().adjusting")
        state = form.evaluate("window.__tousuMockForm.state()")
        assert state["reason"] == book.types[code].complaint_category, (state, fill_result)
        assert state["proofTask"]["memo"] == draft_text[:1000], (state, fill_result)
        assert state["complaintTargets"], state
        assert form.evaluate("window.__tousuMockForm.submitted") is False
        # The shopper completes what the plan left to them (the sub-reason), then submits.
        choose_if_empty(form, "#complaintSubReason_1")
        submit(form)
        expect(form.get_by_text("投诉已提交")).to_be_visible()
        [submitted] = tousu_mock_shop.submissions()
        assert submitted["kind"] == "complaint"
        assert submitted["form"]["bizId"] == story.order_id
        list_url, list_row = COMPLAINT_LIST, story.order_id
    else:
        host = "refund2.tmall.com" if order.platform == "tmall" else "refund2.taobao.com"
        assert re.match(rf"^https://({host}|refund2\.taobao\.com)/dispute/apply\.htm\?", form.url), form.url
        sub_ids = [item.sub_id for item in order.items if not item.pseudo]
        assert any(f"bizOrderId={sub}" in form.url for sub in sub_ids), (form.url, sub_ids)
        # The React form's own state is what it would submit (a DOM value alone proves nothing).
        form.wait_for_function("window.__tousuMockForm && !window.__tousuMockForm.state().adjusting")
        state = form.evaluate("window.__tousuMockForm.state()")
        assert state["desc"] == draft_text[:500], (state, fill_result)
        # What the route told the shopper to choose is what the form holds.
        if route["request"]:
            assert state["refundType"] == route["request"].strip(), (state, fill_result)
        if route["reason"]:
            assert state["reason"] == route["reason"].strip(), (state, fill_result)
        assert form.evaluate("window.__tousuMockForm.submitted") is False
        # The shopper completes what the plan left to them, then submits.
        for select in ("#refundTypeSelect_1", "#reasonSelect_1"):
            choose_if_empty(form, select)
        submit(form)
        expect(form).to_have_url(re.compile(r"/dispute/detail\.htm\?disputeId="))
        [submitted] = tousu_mock_shop.submissions()
        assert submitted["kind"] == "refund", (submitted, fill_result)
        assert submitted["form"]["bizOrderId"] in sub_ids
        # A browser submits a textarea with CRLF line ends.
        assert submitted["form"]["desc"].replace("\r\n", "\n") == draft_text[:500]
        list_url, list_row = REFUND_LIST, submitted["case_id"]

    # 4. The new case is on the shop's own list, waiting for the seller.
    cases = tousu.open_shop_page(list_url)
    row = cases.locator("tr", has_text=list_row).filter(has_text=submitted["case_id"])
    expect(row).to_have_count(1)
    expect(row).to_contain_text(PENDING)
