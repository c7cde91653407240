"""Clocks: due time, seconds left and state for each deadline that applies, in China time.

China has no daylight saving, so fixed +08:00 arithmetic is exact to the second; calendar periods
(months, years) follow 民法典 arts 201-203: the corresponding date, or the month's last day when
there is none (29 Feb), ending at 24:00 of that day.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from tousu.models.advice import Clock
from tousu.models.base import CHINA_TZ
from tousu.models.order import Order

from .facts import OrderFacts, next_midnight
from .rules import ClockSpec, rulebook
from .settings import AdviceSettings

# Anchors a local order page never shows; the clock is explained instead of computed.
_UNKNOWN_ANCHORS = {
    "return_received": "卖家收到你寄回商品的时间未知：请以退货物流的签收时间为起点，七日内应退款。",
    "after_sales_request": (
        "售后申请时间未知：从你提出售后申请（或卖家收到退货）起超过15日仍不处理的，属于故意拖延。"
    ),
    "refund_request": "还没有退款申请时间：申请后卖家超过时限不处理，系统会自动退款。",
}


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the month's last day if it has no such day), same time."""
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def end_of_period(start: datetime, months: int) -> datetime:
    """24:00 of the period's last day, i.e. 00:00 of the day after the corresponding date."""
    local = start.astimezone(CHINA_TZ)
    day = datetime(local.year, local.month, local.day, tzinfo=CHINA_TZ)
    return add_months(day, months) + timedelta(days=1)


def _duration(spec: ClockSpec, settings: AdviceSettings) -> int:
    if spec.setting:
        return int(getattr(settings, spec.setting))
    return int(spec.hours or spec.days or spec.months or spec.years or 0)


def due_time(spec: ClockSpec, anchor: datetime, settings: AdviceSettings) -> datetime:
    amount = _duration(spec, settings)
    if spec.kind == "next_midnight":
        return next_midnight(anchor) + timedelta(hours=amount)
    if spec.kind == "plus_hours":
        return anchor + timedelta(hours=amount)
    if spec.kind == "plus_days":
        return anchor + timedelta(days=amount)
    if spec.kind == "calendar_months":
        return end_of_period(anchor, amount)
    if spec.kind == "calendar_years":
        return end_of_period(anchor, 12 * amount)
    raise ValueError(f"unknown clock kind {spec.kind!r}")


def _anchor(
    spec: ClockSpec, facts: OrderFacts, completed_at: datetime | None
) -> tuple[datetime | None, str | None]:
    """The start of the clock, or None with the reason it does not apply."""
    if spec.anchor == "sign_off":
        if facts.sign_off is None:
            return None, "尚未签收，期限从签收次日零时起算"
        return facts.sign_off, None
    if spec.anchor == "paid":
        if facts.paid_at is None:
            return None, "订单没有付款时间"
        return facts.paid_at, None
    if spec.anchor == "shipped":
        if facts.status != "shipped":
            if facts.status == "completed":
                return None, "已确认收货"
            return None, "卖家尚未发货" if facts.shipped_at is None else "订单不在待收货状态"
        if facts.shipped_at is None:
            return None, "页面上没有发货时间"
        return facts.shipped_at, None
    if spec.anchor == "completed":
        if completed_at is None:
            return None, "交易尚未成功（确认收货后开始计算）"
        return completed_at, None
    if spec.anchor == "knowledge":
        # When the shopper knew of the harm: sign-off for goods received, else the missed
        # ship-by, else payment. An early estimate only ever shortens the time shown.
        for moment in (facts.sign_off, facts.ship_by.due if facts.ship_by else None, facts.paid_at):
            if moment is not None:
                return moment, None
        return None, "订单没有可用的日期"
    return None, _UNKNOWN_ANCHORS.get(spec.anchor, "缺少起算时间")


def _state(due: datetime, now: datetime, settings: AdviceSettings) -> tuple[str, int]:
    left = int((due - now).total_seconds())
    if left <= 0:
        return "passed", 0
    if left <= settings.due_soon_hours * 3600:
        return "due_soon", left
    return "open", left


def _days_hours(seconds: int) -> str:
    days, rest = divmod(abs(seconds), 86400)
    hours = rest // 3600
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    return f"{hours}小时" if hours else f"{max(1, rest // 60)}分钟"


def clock_categories(order: Order, title_categories: set[str]) -> frozenset[str]:
    """The item categories that switch clocks off: read from the titles (never from the shopper's
    words alone), the order's own virtual flag and the items marked custom-made."""
    found = set(title_categories) & {"virtual", "custom", "fresh"}
    goods = order.goods
    if order.virtual:
        found.add("virtual")
    if goods and all(item.custom_made for item in goods):
        found.add("custom")
    return frozenset(found)


def one_clock(
    code: str,
    facts: OrderFacts,
    now: datetime,
    settings: AdviceSettings,
    completed_at: datetime | None = None,
    categories: frozenset[str] = frozenset(),
) -> Clock:
    spec = rulebook().clocks[code]
    excluded = next((why for category, why in (spec.not_for or {}).items() if category in categories), None)
    if excluded:
        return Clock(code=code, name=spec.name, state="not_applicable", basis=spec.basis, reason=excluded)
    if spec.only_for == "durable" and not facts.is_durable:
        return Clock(
            code=code,
            name=spec.name,
            state="not_applicable",
            basis=spec.basis,
            reason="只适用于电脑、电视、冰箱、空调、洗衣机等耐用商品",
        )
    anchor, missing = _anchor(spec, facts, completed_at)
    if anchor is None:
        return Clock(code=code, name=spec.name, state="not_applicable", basis=spec.basis, reason=missing)
    due = due_time(spec, anchor, settings)
    state, left = _state(due, now, settings)
    reason = None
    if code == "ship_by":
        return _ship_by(spec, facts, due, now, settings)
    if state == "passed":
        reason = f"已于{due:%Y-%m-%d %H:%M}到期（已过{_days_hours(int((now - due).total_seconds()))}）"
    elif state == "due_soon":
        reason = f"还剩{_days_hours(left)}，请尽快处理"
    if spec.anchor == "sign_off" and facts.sign_off_estimated:
        note = "页面上没有签收时间，按确认收货时间估算，实际期限可能更早"
        reason = f"{reason}；{note}" if reason else note
    return Clock(
        code=code, name=spec.name, due_at=due, seconds_left=left, state=state, basis=spec.basis, reason=reason
    )


def _ship_by(
    spec: ClockSpec, facts: OrderFacts, due: datetime, now: datetime, settings: AdviceSettings
) -> Clock:
    if facts.ship_by is not None:
        due = facts.ship_by.due  # the page's own promise overrides the default hours
    promised = facts.ship_by.promised if facts.ship_by else None
    source = f"商品页承诺“{promised}”" if promised else f"默认付款后{settings.ship_by_hours}小时内发货"
    if facts.shipped_at is not None:
        late = int((facts.shipped_at - due).total_seconds())
        shipped = f"{facts.shipped_at:%Y-%m-%d %H:%M}"
        if late > 0:
            return Clock(
                code="ship_by",
                name=spec.name,
                due_at=due,
                seconds_left=0,
                state="passed",
                basis=spec.basis,
                reason=f"卖家于{shipped}发货，比期限晚{_days_hours(late)}（{source}）",
            )
        return Clock(
            code="ship_by",
            name=spec.name,
            due_at=due,
            seconds_left=None,
            state="not_applicable",
            basis=spec.basis,
            reason=f"卖家已按时发货（{facts.shipped_at:%Y-%m-%d %H:%M}）",
        )
    if facts.status not in ("awaiting_shipment", "unknown"):
        return Clock(
            code="ship_by",
            name=spec.name,
            due_at=due,
            state="not_applicable",
            basis=spec.basis,
            reason="订单不在待发货状态",
        )
    state, left = _state(due, now, settings)
    if state == "passed":
        reason = f"已超过发货期限{_days_hours(int((now - due).total_seconds()))}（{source}）"
    else:
        reason = source
    return Clock(
        code="ship_by",
        name=spec.name,
        due_at=due,
        seconds_left=left,
        state=state,
        basis=spec.basis,
        reason=reason,
    )


def clocks_for(
    codes: tuple[str, ...],
    facts: OrderFacts,
    now: datetime,
    settings: AdviceSettings,
    completed_at: datetime | None,
    categories: frozenset[str] = frozenset(),
) -> list[Clock]:
    return [one_clock(code, facts, now, settings, completed_at, categories) for code in codes]
