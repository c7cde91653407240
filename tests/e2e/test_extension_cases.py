"""Issue 7: a complaint from the advice view to a resolved (or escalated) case, as the shopper
sees it: 保存案件, 截图存证, the ticks, 预填, tracking from the complaint list, 我的投诉, the
case view with its escalation to 12315, the printable case file and the toolbar badge."""

from __future__ import annotations

import hashlib
import re

import pytest
from playwright.sync_api import Page, expect

from tousu_testing.forms import choose_if_empty, submit
from tousu_testing.popup import popup_on_toolbar

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
COMPLAINT_LIST = "https://rights.taobao.com/complaint/buyerList.htm"
ORDER_ID = "3100000000000002001"
TITLE = "示例 TWS 真无线蓝牙耳机"
PROBLEM = "左耳没有声音，充电也充不进去"
# The chips are the helper's catalogue (GET /advice/symptoms): found by code, not by label.
NO_SOUND_CHIP = '#symptoms button[data-code="no_sound"]'


def api(tousu_helper, method, path, body=None):
    token = getattr(tousu_helper, "_test_token", None) or tousu_helper.pair()
    tousu_helper._test_token = token
    status, _, data = tousu_helper.request(method, f"/api/v1{path}", body, {"X-Tousu-Token": token})
    assert status < 300, data
    return data


def advice_for_earphones(tousu, popup: Page) -> None:
    popup.get_by_role("button", name=re.compile(TITLE)).click()
    popup.locator(NO_SOUND_CHIP).click()
    popup.get_by_label("遇到了什么问题？").fill(PROBLEM)
    popup.get_by_role("button", name="分析问题").click()
    expect(popup.locator("#type-main strong")).to_have_text("商品质量问题")


def test_save_tick_capture_and_reopen(tousu, tousu_helper, tousu_mock_shop, assert_accessible):
    tousu.use_scenario("earphones_left_silent")
    shop = tousu.open_shop_page(LIST_URL)
    popup = tousu.open_popup(shop)
    advice_for_earphones(tousu, popup)
    expect(popup.locator(NO_SOUND_CHIP)).to_have_attribute("aria-pressed", "true")

    # A tick before saving is kept and goes into the case.
    popup.get_by_label(re.compile("^开箱视频")).check()
    popup.get_by_role("button", name="保存案件").click()
    expect(popup.locator("#case-status")).to_contain_text("案件已保存")
    # Saving again updates the same case.
    popup.get_by_role("button", name="保存案件").click()
    expect(popup.locator("#case-status")).to_contain_text("案件已保存")
    [summary] = api(tousu_helper, "GET", "/cases")["cases"]
    case = api(tousu_helper, "GET", f"/cases/{summary['id']}")
    assert case["order_id"] == ORDER_ID and case["type"] == "quality_defect"
    assert case["evidence_ticks"] == ["unboxing_video"]
    # Next steps are the helper's codes now (issue 10), not sentences the extension stored.
    assert case["next_step"]["code"] == "file"
    assert case["draft"].startswith(popup.locator("#draft").input_value()[:20])

    # A tick after saving is saved at once.
    popup.get_by_label(re.compile("^与卖家的聊天记录")).check()
    for _ in range(40):
        if "chat_records" in api(tousu_helper, "GET", f"/cases/{case['id']}")["evidence_ticks"]:
            break
        popup.wait_for_timeout(100)
    else:
        pytest.fail("the tick was not saved")

    # 截图存证: the shopper clicked the toolbar icon on this page, then captures it.
    popup_on_toolbar(tousu)
    tousu.click_toolbar_button(shop)
    popup.bring_to_front()
    popup.get_by_role("button", name="截图存证").click()
    expect(popup.locator("#case-status")).to_contain_text("已截图存证「订单详情截图」", timeout=15000)
    order_item = popup.locator('#evidence li[data-code="order_detail"]')
    expect(order_item.locator(".captured")).to_contain_text("已截图")
    expect(order_item.get_by_role("checkbox")).to_be_checked()
    saved = api(tousu_helper, "GET", f"/cases/{case['id']}")
    [evidence] = saved["evidence"]
    assert set(saved["evidence_ticks"]) == {"unboxing_video", "chat_records", "order_detail"}
    assert evidence["media_type"] == "image/png" and evidence["source_url"] == LIST_URL
    stored = (tousu_helper.data_dir / "evidence" / evidence["sha256"]).read_bytes()
    assert stored[:8] == b"\x89PNG\r\n\x1a\n"
    assert hashlib.sha256(stored).hexdigest() == evidence["sha256"]
    expect(popup.locator("#case-status")).to_contain_text(evidence["sha256"])
    assert_accessible(popup, "advice view with a saved case")

    # Reopening the popup brings back the case, its ticks and what was captured.
    popup.close()
    again = tousu.open_popup(shop)
    expect(again.locator("#type-main strong")).to_have_text("商品质量问题")
    expect(again.locator("#case-status")).to_contain_text("案件已保存")
    for code in ("unboxing_video", "chat_records", "order_detail"):
        expect(again.locator(f"#ev-{code}")).to_be_checked()
    expect(again.locator('#evidence li[data-code="order_detail"] .captured')).to_contain_text("已截图")
    assert api(tousu_helper, "GET", "/cases")["total"] == 1


def test_capture_without_a_toolbar_click_says_how(tousu, tousu_helper, tousu_mock_shop):
    tousu.use_scenario("earphones_left_silent")
    shop = tousu.open_shop_page(LIST_URL)
    popup = tousu.open_popup(shop)
    advice_for_earphones(tousu, popup)
    popup.get_by_role("button", name="截图存证").click()
    expect(popup.locator("#case-status")).to_contain_text("工具栏里的淘宝投诉助手图标")


def test_fill_submit_track_escalate_and_print(tousu, tousu_helper, tousu_mock_shop, assert_accessible):
    tousu.use_scenario("earphones_left_silent")
    shop = tousu.open_shop_page(LIST_URL)
    popup = tousu.open_popup(shop)
    advice_for_earphones(tousu, popup)

    # 预填投诉单 saves the case and records the fill; the shopper submits the form.
    with tousu.context.expect_page() as opened:
        popup.get_by_role("button", name="预填投诉单").click()
    form = opened.value
    expect(popup.locator("#fill-result")).to_contain_text("已在新标签页预填", timeout=20000)
    expect(popup.locator("#case-status")).to_contain_text("案件已更新")
    [summary] = api(tousu_helper, "GET", "/cases")["cases"]
    case = api(tousu_helper, "GET", f"/cases/{summary['id']}")
    assert case["status"] == "draft" and case["next_step"]["code"] == "submit_form"
    assert [e["type"] for e in case["events"]][-1] == "form_prefilled"
    choose_if_empty(form, "#complaintSubReason_1")
    submit(form)
    expect(form.get_by_text("投诉已提交")).to_be_visible()

    # On 投诉管理 the popup syncs the case and says what changed.
    complaints = tousu.open_shop_page(COMPLAINT_LIST)
    tracking = tousu.open_popup(complaints)
    expect(tracking.locator("#state-text")).to_have_text("投诉状态已更新：1 个案件有变化。")
    changes = tracking.locator("#sync-changes")
    expect(changes).to_contain_text(f"订单 {ORDER_ID}：草稿 → 已提交（等待卖家处理）")
    assert_accessible(tracking, "popup after a sync")
    case = api(tousu_helper, "GET", f"/cases/{case['id']}")
    assert case["status"] == "filed" and case["next_step"]["code"] == "wait_seller" and case["due_at"]
    tracking.close()
    again = tousu.open_popup(complaints)
    expect(again.locator("#state-text")).to_have_text("投诉状态没有变化。")
    again.close()

    # The platform rejects the complaint: the next sync closes the case.
    [row] = [
        c for c in tousu_mock_shop.admin("GET", "cases?kind=complaint")["cases"] if c["order_id"] == ORDER_ID
    ]
    tousu_mock_shop.admin("POST", f"cases/{row['case_id']}/status", {"status": "rejected"})
    complaints.reload()
    tracking = tousu.open_popup(complaints)
    expect(tracking.locator("#sync-changes")).to_contain_text("已提交 → 已结束（投诉不成立）")

    # 我的投诉 lists it with its status and next step.
    with tousu.context.expect_page() as opened:
        tracking.get_by_role("button", name="我的投诉").first.click()
    cases = opened.value
    row = cases.locator(f'#case-rows tr[data-case="{case["id"]}"]')
    expect(row).to_contain_text("已结束")
    expect(row).to_contain_text("投诉不成立")
    expect(row).to_contain_text("商品质量问题")
    expect(row).to_contain_text("如对结果不满意，可向 12315 投诉")
    expect(cases.locator("#page-state")).to_have_text("共 1 个案件")
    assert_accessible(cases, "cases list")

    # The case view: history, evidence, and the way further (客服介入 / 12315).
    row.get_by_role("button", name=TITLE).click()
    expect(cases.locator("#case-title")).to_contain_text(TITLE)
    events = cases.locator("#case-events")
    expect(events).to_contain_text("从平台同步状态：已提交 → 已结束（投诉不成立）")
    # (投诉原因, 投诉商品 and 问题描述: the complaint form as its submit schema has it.)
    expect(events).to_contain_text("预填表单：预填了 3 项")
    expect(events).to_contain_text("建立案件")
    expect(cases.locator("#case-checklist li")).not_to_have_count(0)
    escalation = cases.locator("#escalation")
    expect(escalation).to_be_visible()
    expect(escalation).to_contain_text("平台已结束这个投诉或退款（投诉不成立）")
    fields = cases.locator("#fields-12315")
    expect(fields.locator('[data-field="orderId"]')).to_have_text(ORDER_ID)
    expect(fields.locator('[data-field="amount"]')).to_have_text("¥199.00")
    expect(fields.locator('[data-field="goodsName"]')).to_contain_text(TITLE)
    expect(fields.locator('[data-field="respondent"]')).to_contain_text("示例数码专营店")
    expect(fields.locator('[data-field="purchaseDate"]')).to_have_text(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    expect(fields.locator('[data-field="request"]')).to_contain_text("退货退款")
    expect(fields.locator('[data-field="factsReasons"]')).to_contain_text(ORDER_ID)
    expect(cases.get_by_role("button", name="复制「订单号」")).to_be_visible()
    assert_accessible(cases, "case view with escalation")
    cases.get_by_role("button", name="标记为已升级").click()
    expect(cases.locator('[data-field="caseStatus"]')).to_contain_text("已升级")
    assert api(tousu_helper, "GET", f"/cases/{case['id']}")["status"] == "escalated"

    # The printable case file.
    with tousu.context.expect_page() as opened:
        cases.get_by_role("button", name="打印案件材料").click()
    printable = opened.value
    expect(printable.locator("#file-title")).to_contain_text(f"案件材料：{TITLE}")
    expect(printable.locator('#file-fields [data-field="orderId"]')).to_have_text(ORDER_ID)
    expect(printable.locator("#file-meta")).to_contain_text("已升级")
    expect(printable.get_by_role("button", name="打印")).to_be_visible()
    assert_accessible(printable, "printable case file")


def test_badge_counts_due_cases_and_survives_a_worker_restart(tousu, tousu_helper, tousu_mock_shop):
    order = {
        "order_id": ORDER_ID,
        "platform": "taobao",
        "shop": {"name": "示例数码专营店"},
        "total_paid": "199.00",
        "items": [{"title": TITLE, "sub_order_id": ORDER_ID}],
    }
    case = api(
        tousu_helper,
        "POST",
        "/cases",
        {
            "order": order,
            "problem": PROBLEM,
            "type": "quality_defect",
            "status": "filed",
            "next_action": "查看卖家是否已处理",
            "due_at": "2020-01-01T10:00:00+08:00",
        },
    )

    cases = tousu.context.new_page()
    cases.goto(tousu.url("cases/cases.html"))
    row = cases.locator(f'#case-rows tr[data-case="{case["id"]}"]')
    expect(row).to_contain_text("已逾期")
    badge = "() => chrome.action.getBadgeText({})"
    cases.wait_for_function(f"async () => (await ({badge})()) === '1'")

    # The worker is stopped (as Chrome does when idle): the alarm is still there and, when it
    # fires, the revived worker recomputes the badge from the helper.
    tousu.stop_service_worker()
    assert cases.evaluate("async () => Boolean(await chrome.alarms.get('tousu-due-check'))")
    cases.evaluate("() => chrome.action.setBadgeText({text: ''})")
    cases.evaluate(
        "() => chrome.alarms.create('tousu-due-check', {delayInMinutes: 0.01, periodInMinutes: 30})"
    )
    cases.wait_for_function(f"async () => (await ({badge})()) === '1'", timeout=15000)
    title = cases.evaluate("() => chrome.action.getTitle({})")
    assert "1 个案件需要跟进" in title

    # Resolved: no more reminder.
    api(tousu_helper, "PATCH", f"/cases/{case['id']}", {"status": "resolved"})
    cases.reload()
    expect(row).to_contain_text("已解决")
    cases.wait_for_function(f"async () => (await ({badge})()) === ''")
