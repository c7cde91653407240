"""The decisions about a case, made once in the helper: next steps, reminders, escalation, URLs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from tousu.cases import next_step as steps
from tousu.models import CHINA_TZ, Order
from tousu.models.case import CASE_STATUSES, NEXT_CODES

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=CHINA_TZ)


@dataclass
class FakeClock:
    code: str
    state: str
    due_at: datetime | None
    name: str = "七天无理由"


def _order(**fields) -> Order:
    data = {"order_id": "3851234567890123456", "items": [{"title": "运费险", "pseudo": True}]}
    data["items"].append({"title": "陶瓷马克杯", "sub_order_id": "3851234567890123457"})
    data.update(fields)
    return Order.model_validate(data)


def test_every_status_has_a_step_and_every_code_is_in_the_api_schema():
    assert set(steps.STEPS) == set(CASE_STATUSES)
    assert set(steps.NEXT_CODES) == set(NEXT_CODES)
    assert steps.LIFECYCLE == CASE_STATUSES


@pytest.mark.parametrize(
    ("status", "code", "hours"),
    [
        ("draft", "file", None),
        ("filed", "wait_seller", 48),
        ("seller_responded", "seller_answered", 24),
        ("platform_intervening", "platform", 72),
        ("escalated", "escalated", 168),
        ("resolved", "resolved", None),
        ("closed", "closed", None),
    ],
)
def test_each_status_names_its_step_and_reminder(status, code, hours):
    step = steps.step_for(status)
    assert step.code == code
    due = steps.reminder(step, NOW)
    assert due == (None if hours is None else NOW + timedelta(hours=hours))


def test_a_deadline_caps_the_reminder_and_gives_a_draft_one():
    soon = NOW + timedelta(hours=5)
    assert steps.reminder(steps.step_for("filed"), NOW, soon) == soon
    assert steps.reminder(steps.step_for("draft"), NOW, soon) == soon
    later = NOW + timedelta(days=30)
    assert steps.reminder(steps.step_for("filed"), NOW, later) == NOW + timedelta(hours=48)


def test_first_deadline_is_the_earliest_running_clock():
    clocks = [
        FakeClock("a", "passed", NOW - timedelta(days=1)),
        FakeClock("b", "open", NOW + timedelta(days=3)),
        FakeClock("c", "due_soon", NOW + timedelta(hours=2)),
        FakeClock("d", "not_applicable", None),
    ]
    assert steps.first_deadline(clocks) == NOW + timedelta(hours=2)
    assert steps.first_deadline([]) is None


def test_a_stored_unknown_code_falls_back_to_the_status():
    assert steps.next_code("filed", "submit_form") == "submit_form"
    assert steps.next_code("filed", None) == "wait_seller"
    assert steps.next_code("filed", "查看卖家是否已处理") == "wait_seller"


def test_finished_and_overdue():
    assert steps.is_finished("resolved") and steps.is_finished("closed")
    assert not steps.is_finished("escalated")
    past = NOW - timedelta(minutes=1)
    assert steps.is_overdue("filed", past, NOW)
    assert not steps.is_overdue("resolved", past, NOW)
    assert not steps.is_overdue("filed", None, NOW)


def test_escalation_reasons_name_what_went_wrong():
    order = _order()
    closed = steps.escalation("closed", "投诉不成立", None, "closed", order, NOW)
    assert [r["code"] for r in closed["reasons"]] == ["closed"]
    refused = steps.escalation("seller_responded", "卖家已拒绝", None, "seller_answered", order, NOW)
    assert [r["code"] for r in refused["reasons"]] == ["refused"]
    overdue = steps.escalation("filed", None, NOW - timedelta(hours=1), "wait_seller", order, NOW)
    assert overdue["offered"] and overdue["reasons"][0]["params"]["next_step"] == "wait_seller"
    clocks = [FakeClock("seven_day_return", "passed", NOW - timedelta(days=1))]
    passed = steps.escalation("filed", None, None, "wait_seller", order, NOW, clocks)
    assert passed["reasons"] == [
        {"code": "clock_passed", "params": {"clock": "seven_day_return", "name": "七天无理由"}}
    ]
    assert steps.escalation("draft", None, None, "file", order, NOW, clocks)["offered"] is False
    on_platform = steps.escalation("platform_intervening", None, None, "platform", order, NOW)
    assert on_platform["platform_open"] is False
    assert steps.escalation("escalated", None, None, "escalated", order, NOW)["can_mark_escalated"] is False


def test_goods_leave_out_pseudo_items_and_name_the_case():
    order = _order()
    assert [i.title for i in steps.goods(order)] == ["陶瓷马克杯"]
    assert steps.title(order) == "陶瓷马克杯"
    assert steps.title(Order.model_validate({"order_id": "3851234567890123456"})) == "3851234567890123456"


def test_form_addresses_prefer_the_page_and_fall_back_per_platform():
    order = _order()
    assert steps.complaint_url(order) == (
        "https://rights.taobao.com/complaint/redirect.jhtml?bizId=3851234567890123456"
    )
    assert steps.after_sales_url(order) == (
        "https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId=3851234567890123457"
    )
    tmall = _order(platform="tmall")
    assert steps.after_sales_url(tmall).startswith("https://refund2.tmall.com/")
    linked = _order(links={"after_sales": "https://x.example/a", "complaint": "https://x.example/c"})
    assert steps.after_sales_url(linked) == "https://x.example/a"
    assert steps.complaint_url(linked) == "https://x.example/c"
    assert steps.platform_url(linked) == "https://x.example/c"


def test_each_goods_sub_order_gets_its_own_after_sales_form():
    two = _order()
    two.items.append(two.items[1].model_copy(update={"title": "杯垫", "sub_order_id": "3851234567890123458"}))
    base = "https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId="
    # The 运费险 line is not goods: no form for it.
    assert steps.after_sales_urls(two) == {
        "3851234567890123457": base + "3851234567890123457",
        "3851234567890123458": base + "3851234567890123458",
    }
    # A page link for one sub-order is re-aimed at the other, keeping its other parameters.
    page = "https://refund2.tmall.com/dispute/apply.htm?bizOrderId=3851234567890123457&type=1"
    linked = two.model_copy(update={"links": two.links.model_copy(update={"after_sales": page})})
    assert steps.after_sales_urls(linked)["3851234567890123458"] == (
        "https://refund2.tmall.com/dispute/apply.htm?bizOrderId=3851234567890123458&type=1"
    )
    # A link that names no sub-order cannot be re-aimed: the built form is used instead.
    opaque = two.model_copy(
        update={"links": two.links.model_copy(update={"after_sales": "https://x.example/a"})}
    )
    assert steps.after_sales_urls(opaque)["3851234567890123458"] == base + "3851234567890123458"
    assert steps.platform_url(_order(links={"refund_detail": "https://x.example/r"})) == "https://x.example/r"


def test_form_targets_open_one_after_sales_form_per_chosen_line():
    two = _order()
    two.items.append(two.items[1].model_copy(update={"title": "杯垫", "sub_order_id": "3851234567890123458"}))
    base = "https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId="
    chosen = steps.form_targets(two, "after_sales", ["3851234567890123458", "3851234567890123458"])
    assert chosen == [(base + "3851234567890123458", "3851234567890123458")]
    # Nothing chosen, or only lines that are not goods of this order: the order's own form.
    assert steps.form_targets(two, "after_sales", []) == [(base + "3851234567890123457", None)]
    assert steps.form_targets(two, "after_sales", ["999"]) == [(base + "3851234567890123457", None)]
    assert steps.form_targets(two, "complaint", ["3851234567890123458"]) == [
        ("https://rights.taobao.com/complaint/redirect.jhtml?bizId=3851234567890123456", None)
    ]
