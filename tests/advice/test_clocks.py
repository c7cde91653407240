"""Clock arithmetic: exact to the second in China time across month/year ends and leap days."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tousu.advice import AdviceSettings, advise
from tousu.advice.clocks import add_months, end_of_period
from tousu.advice.facts import next_midnight, parse_ship_promise
from tousu.models import CHINA_TZ, AdviceRequest, Order


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=CHINA_TZ)


def order(**fields: object) -> Order:
    base = {
        "order_id": "3912345678901234567",
        "total_paid": "99.00",
        "items": [{"title": "测试商品", "unit_price": "99.00"}],
    }
    base.update(fields)
    return Order.model_validate(base)


def clocks(o: Order, now: datetime, text: str = "左耳没有声音", **kw: object) -> dict:
    advice = advise(AdviceRequest(order=o, problem={"text": text}, now=now, **kw))
    return {c.code: c for c in advice.clocks}


@pytest.mark.parametrize(
    ("signed", "due"),
    [
        (at(2024, 2, 28, 15, 0), at(2024, 3, 7)),  # leap year: 29 Feb counts as a day
        (at(2024, 2, 29, 23, 59, 59), at(2024, 3, 8)),
        (at(2023, 2, 28, 10, 0), at(2023, 3, 8)),  # no 29 Feb
        (at(2024, 12, 31, 0, 0, 0), at(2025, 1, 8)),  # year end
        (at(2024, 12, 24, 23, 59, 59), at(2025, 1, 1)),
        (at(2024, 1, 31, 12, 0), at(2024, 2, 8)),  # month end
    ],
)
def test_seven_day_return_is_next_midnight_plus_168_hours(signed: datetime, due: datetime) -> None:
    assert next_midnight(signed) + timedelta(hours=168) == due
    o = order(
        status="completed",
        completed_at=signed + timedelta(hours=1),
        parcels=[{"signed_at": signed.isoformat()}],
    )
    result = clocks(o, now=signed + timedelta(hours=2))
    assert result["seven_day_return"].due_at == due
    assert result["quality_return"].due_at == due


def test_seconds_left_and_states_at_the_boundary() -> None:
    signed = at(2024, 2, 28, 15, 0)
    due = at(2024, 3, 7)
    o = order(status="completed", completed_at=signed, parcels=[{"signed_at": signed.isoformat()}])
    one_second_before = clocks(o, now=due - timedelta(seconds=1))["seven_day_return"]
    assert (one_second_before.state, one_second_before.seconds_left) == ("due_soon", 1)
    assert clocks(o, now=due)["seven_day_return"].state == "passed"
    assert clocks(o, now=due)["seven_day_return"].seconds_left == 0
    early = clocks(o, now=due - timedelta(hours=24, seconds=1))["seven_day_return"]
    assert early.state == "open" and early.seconds_left == 24 * 3600 + 1
    boundary = clocks(o, now=due - timedelta(hours=24))["seven_day_return"]
    assert boundary.state == "due_soon"


def test_due_soon_threshold_is_a_setting() -> None:
    signed = at(2024, 10, 10, 9, 0)
    o = order(status="completed", completed_at=signed, parcels=[{"signed_at": signed.isoformat()}])
    now = at(2024, 10, 16, 0, 0)  # 48 h before the due time
    request = AdviceRequest(order=o, problem={"text": "坏了"}, now=now)
    assert {c.code: c for c in advise(request).clocks}["seven_day_return"].state == "open"
    wide = advise(request, AdviceSettings(due_soon_hours=72))
    assert {c.code: c for c in wide.clocks}["seven_day_return"].state == "due_soon"


def test_ship_by_default_48_hours_and_setting() -> None:
    paid = at(2024, 12, 30, 22, 15, 5)
    o = order(status="awaiting_shipment", paid_at=paid.isoformat())
    result = clocks(o, now=paid + timedelta(hours=1), text="还没发货")
    assert result["ship_by"].due_at == at(2025, 1, 1, 22, 15, 5)
    assert result["ship_by"].state == "open"
    advice = advise(
        AdviceRequest(order=o, problem={"text": "还没发货"}, now=paid + timedelta(hours=1)),
        AdviceSettings(ship_by_hours=72),
    )
    assert {c.code: c for c in advice.clocks}["ship_by"].due_at == at(2025, 1, 2, 22, 15, 5)


def test_ship_by_passed_four_days_after_payment() -> None:
    paid = at(2024, 10, 1, 10, 0)
    o = order(status="awaiting_shipment", paid_at=paid.isoformat())
    advice = advise(AdviceRequest(order=o, problem={"text": ""}, now=paid + timedelta(days=4)))
    ship = {c.code: c for c in advice.clocks}["ship_by"]
    assert ship.state == "passed" and ship.seconds_left == 0
    assert advice.types[0].code == "late_shipment"


@pytest.mark.parametrize(
    ("promise", "paid", "due"),
    [
        ("10月10日 20:15前发货", at(2024, 10, 8, 9, 0), at(2024, 10, 10, 20, 15)),
        ("10月10日前发货", at(2024, 10, 8, 9, 0), at(2024, 10, 11)),
        ("1月5日前发货", at(2024, 12, 28, 9, 0), at(2025, 1, 6)),  # next year
        ("2月29日 12:00前发货", at(2024, 2, 20, 9, 0), at(2024, 2, 29, 12, 0)),
        ("付款后72小时内发货", at(2024, 2, 27, 9, 30), at(2024, 3, 1, 9, 30)),
        ("今日发货", at(2024, 12, 31, 10, 0), at(2025, 1, 1)),
        ("预售 15天内发货", at(2024, 2, 20, 8, 0), at(2024, 3, 6, 8, 0)),
    ],
)
def test_ship_promise_overrides_default(promise: str, paid: datetime, due: datetime) -> None:
    assert parse_ship_promise(promise, paid) == due
    o = order(
        status="awaiting_shipment",
        paid_at=paid.isoformat(),
        items=[{"title": "测试商品", "unit_price": "99.00", "ship_promise": promise}],
    )
    ship = clocks(o, now=paid, text="还没发货")["ship_by"]
    assert ship.due_at == due
    assert promise in (ship.reason or "")


def test_ship_by_after_shipping_on_time_or_late() -> None:
    paid = at(2024, 10, 1, 10, 0)
    on_time = order(
        status="shipped", paid_at=paid.isoformat(), shipped_at=(paid + timedelta(hours=47)).isoformat()
    )
    assert clocks(on_time, now=paid + timedelta(days=3), text="晚发")["ship_by"].state == "not_applicable"
    late = order(
        status="shipped", paid_at=paid.isoformat(), shipped_at=(paid + timedelta(hours=50)).isoformat()
    )
    result = advise(AdviceRequest(order=late, problem={"text": "发货太慢了"}, now=paid + timedelta(days=3)))
    ship = {c.code: c for c in result.clocks}["ship_by"]
    assert ship.state == "passed" and "2小时" in (ship.reason or "")


def test_calendar_periods_use_month_end_when_there_is_no_corresponding_day() -> None:
    assert add_months(at(2024, 2, 29), 12) == at(2025, 2, 28)
    assert add_months(at(2024, 8, 31), 6) == at(2025, 2, 28)
    assert add_months(at(2023, 8, 31), 6) == at(2024, 2, 29)
    assert end_of_period(at(2024, 2, 29, 13, 0), 36) == at(2027, 3, 1)  # ends 2027-02-28 24:00
    assert end_of_period(at(2024, 12, 31, 23, 59), 36) == at(2028, 1, 1)


def test_complaint_12315_three_years_from_sign_off() -> None:
    signed = at(2024, 2, 29, 13, 0)
    o = order(status="completed", completed_at=signed, parcels=[{"signed_at": signed.isoformat()}])
    result = clocks(o, now=at(2024, 3, 1))
    assert result["complaint_12315"].due_at == at(2027, 3, 1)
    assert result["complaint_12315"].state == "open"


def test_auto_confirm_and_after_sales_window_follow_settings() -> None:
    shipped = at(2024, 12, 25, 18, 0)
    in_transit = order(status="shipped", paid_at=at(2024, 12, 24).isoformat(), shipped_at=shipped.isoformat())
    result = clocks(in_transit, now=at(2024, 12, 27), text="物流一直不动")
    assert result["auto_confirm_receipt"].due_at == at(2025, 1, 4, 18, 0)
    completed = at(2024, 12, 20, 9, 0)
    done = order(
        status="completed",
        completed_at=completed.isoformat(),
        parcels=[{"signed_at": at(2024, 12, 19).isoformat()}],
    )
    advice = advise(
        AdviceRequest(order=done, problem={"text": "左耳没有声音"}, now=at(2024, 12, 21)),
        AdviceSettings(after_sales_days=30),
    )
    window = {c.code: c for c in advice.clocks}["after_sales_window"]
    assert window.due_at == at(2025, 1, 19, 9, 0)


def test_not_applicable_clocks_say_why() -> None:
    o = order(status="awaiting_shipment", paid_at=at(2024, 10, 1).isoformat())
    advice = advise(AdviceRequest(order=o, problem={"text": "还没发货"}, now=at(2024, 10, 1, 1)))
    for clock in advice.clocks:
        if clock.state == "not_applicable":
            assert clock.reason
    quality = advise(
        AdviceRequest(order=o, problem={"text": "坏了"}, now=at(2024, 10, 1, 1), type="quality_defect")
    )
    seven = {c.code: c for c in quality.clocks}["seven_day_return"]
    assert seven.state == "not_applicable" and "签收" in (seven.reason or "")


def test_estimated_sign_off_is_flagged() -> None:
    o = order(status="completed", completed_at=at(2024, 10, 10, 9).isoformat())
    seven = clocks(o, now=at(2024, 10, 11))["seven_day_return"]
    assert seven.due_at == at(2024, 10, 18)
    assert "估算" in (seven.reason or "")


def test_now_defaults_to_current_china_time() -> None:
    o = order(status="completed", completed_at=at(2024, 10, 10, 9).isoformat())
    advice = advise(AdviceRequest(order=o, problem={"text": "坏了"}))
    assert advice.now.utcoffset() == timedelta(hours=8)
    assert abs((advice.now - datetime.now(CHINA_TZ)).total_seconds()) < 60


@pytest.mark.parametrize("type_code", ["quality_defect", "late_shipment", "seven_day_return_refused"])
def test_case_clocks_are_the_advice_clocks_for_the_chosen_type(make_request, type_code):
    from tousu.advice import case_clocks

    request = make_request("左耳没有声音，充电也充不进去").model_copy(update={"type": type_code})
    advice = advise(request)
    assert case_clocks(request.order, request.problem.text, type_code, advice.now) == advice.clocks


def _signed_order(title: str, **item: object) -> Order:
    return order(
        status="completed",
        paid_at="2026-11-20T10:00:00+08:00",
        shipped_at="2026-11-21T10:00:00+08:00",
        received_at="2026-11-23T10:00:00+08:00",
        completed_at="2026-11-24T10:00:00+08:00",
        items=[{"title": title, "unit_price": "99.00", **item}],
    )


def test_custom_and_fresh_goods_have_no_seven_day_return() -> None:
    now = at(2026, 11, 25, 12)
    plain = clocks(_signed_order("示例棉质T恤"), now, "不想要了，七天无理由退货")["seven_day_return"]
    assert plain.state == "open" and plain.due_at == at(2026, 12, 1)
    for o in (_signed_order("示例钢笔 定制刻字"), _signed_order("示例钢笔", custom_made=True)):
        seven = clocks(o, now, "不想要了，七天无理由退货")["seven_day_return"]
        assert seven.state == "not_applicable" and seven.due_at is None
        assert seven.reason and "定制" in seven.reason
    fresh = clocks(_signed_order("示例新鲜草莓 2斤"), now, "不想要了，七天无理由退货")["seven_day_return"]
    assert fresh.state == "not_applicable" and fresh.reason and "鲜活易腐" in fresh.reason
    # The quality clock still runs for the same goods.
    quality = clocks(_signed_order("示例钢笔 定制刻字"), now, "笔尖是坏的，写不出字")
    assert quality["quality_return"].state == "open"


def test_virtual_goods_have_no_shipping_clocks() -> None:
    o = order(status="awaiting_shipment", paid_at="2026-11-20T10:00:00+08:00", virtual=True,
              items=[{"title": "示例视频会员 年卡", "unit_price": "99.00"}])  # fmt: skip
    found = clocks(o, at(2026, 11, 25, 12), "付款好几天了还没到账", type="late_shipment")
    assert found["ship_by"].state == "not_applicable" and found["ship_by"].due_at is None
    # A word in the shopper's text alone does not switch a clock off.
    goods = order(status="awaiting_shipment", paid_at="2026-11-20T10:00:00+08:00",
                  items=[{"title": "示例保温杯", "unit_price": "99.00"}])  # fmt: skip
    late = clocks(goods, at(2026, 11, 25, 12), "充值了会员也没用，还没发货", type="late_shipment")
    assert late["ship_by"].state == "passed"


def test_ship_within_hours_sets_the_ship_by_clock() -> None:
    o = order(status="awaiting_shipment", paid_at="2026-11-20T10:00:00+08:00",
              items=[{"title": "示例加湿器", "unit_price": "88.00", "ship_within_hours": 24}])  # fmt: skip
    ship_by = clocks(o, at(2026, 11, 20, 20), "什么时候发货", type="late_shipment")["ship_by"]
    assert ship_by.due_at == at(2026, 11, 21, 10)
