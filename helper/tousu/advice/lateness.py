"""Late shipment: which units shipped late, measured the way the platform measures it.

The ship-by deadline of a line is paid_at + its `ship_within_hours` (else the page's promise, else
the default hours); a later date the shopper agreed to replaces it. A parcel is late when the
carrier's first record (`first_scan_at`, not the seller's 点击发货) comes after the deadline of what
it carries (争议处理规则 art. 25); a parcel split off and sent late is a late shipment even when
the first one left on time. The compensation's base is what was paid for the late units only (a
combination's sub-item by its declared value, arts 60, 63), never freight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cache

from tousu.models.base import CHINA_TZ
from tousu.models.order import Item, Order, Parcel

from .amounts import AffectedLine, goods_lines, line_amount, read_sum, sum_pattern
from .facts import parse_ship_promise
from .rulefiles import rule_files
from .text import normalise
from .variants import simplified


@dataclass(frozen=True)
class Lateness:
    late: bool
    units: tuple[AffectedLine, ...]  # the late units; empty when none or unknown
    agreed: datetime | None = None  # a later deadline the shopper agreed to


@cache
def _agreement_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in rule_files()["formulas"].late_shipment.agreement_patterns)


def agreed_deadline(text: str, paid: datetime) -> datetime | None:
    """The end of a later ship-by day the shopper agreed to ("问能不能11月25日前发，我回复可以")."""
    norm = normalise(text)
    for pattern in _agreement_patterns():
        match = pattern.search(norm)
        if not match:
            continue
        local = paid.astimezone(CHINA_TZ)
        try:
            day = datetime(local.year, int(match["month"]), int(match["day"]), tzinfo=CHINA_TZ)
        except ValueError:
            return None
        if day < local - timedelta(days=31):
            day = day.replace(year=local.year + 1)
        return day + timedelta(days=1)
    return None


@cache
def _promise_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(sum_pattern(p)) for p in rule_files()["formulas"].late_shipment.promise_patterns)


def promised_sum(text: str) -> Decimal | None:
    """The highest sum the seller promised for shipping late ("客服说延迟发货赔10块", 页面"延迟发货赔5元")."""
    norm = simplified(normalise(text))
    demand = rule_files()["formulas"].late_shipment.promise_demand_words
    sums: list[Decimal] = []
    for pattern in _promise_patterns():
        for match in pattern.finditer(norm):
            before = norm[max(0, match.start() - 8) : match.start("amount")]
            if any(word in before for word in demand):
                continue
            value = read_sum(match["amount"])
            if value is not None and value > 0:
                sums.append(value)
    return max(sums, default=None)


def item_deadline(item: Item, paid: datetime, default_hours: int) -> datetime:
    if item.ship_within_hours is not None:
        return paid + timedelta(hours=item.ship_within_hours)
    if item.ship_promise:
        due = parse_ship_promise(item.ship_promise, paid)
        if due is not None:
            return due
    return paid + timedelta(hours=default_hours)


def first_record(parcel: Parcel, order: Order) -> datetime | None:
    """The carrier's first record of a parcel (the seller's click only when nothing better is shown)."""
    if parcel.first_scan_at is not None:
        return parcel.first_scan_at
    if parcel.shipped_at is not None:
        return parcel.shipped_at
    times = [e.time for e in parcel.events if e.time is not None]
    if times:
        return min(times)
    return order.shipped_at if len(order.parcels) == 1 else None


def _parcel_units(parcel: Parcel, order: Order) -> list[tuple[int, int, str | None]]:
    """(item index, quantity, component) a parcel carries; every goods line when it does not say."""
    index = {item.sub_order_id: i for i, item in enumerate(order.items) if item.sub_order_id}
    if parcel.contents:
        return [
            (index[c.sub_order_id], c.quantity, c.component)
            for c in parcel.contents
            if c.sub_order_id in index
        ]
    if parcel.sub_order_ids:
        return [(index[s], order.items[index[s]].quantity, None) for s in parcel.sub_order_ids if s in index]
    return [(order.items.index(item), item.quantity, None) for item in goods_lines(order)]


def lateness(order: Order, now: datetime, text: str, default_hours: int) -> Lateness:
    paid = order.paid_at or order.created_at
    goods = goods_lines(order)
    if paid is None or not goods:
        return Lateness(False, ())
    agreed = agreed_deadline(text, paid)

    def deadline(item: Item) -> datetime:
        due = item_deadline(item, paid, default_hours)
        return max(due, agreed) if agreed is not None else due

    late: list[AffectedLine] = []
    carried: set[str | None] = set()
    for parcel in order.parcels:
        record = first_record(parcel, order)
        for index, quantity, component in _parcel_units(parcel, order):
            item = order.items[index]
            carried.add(item.sub_order_id)
            if item.pseudo or record is None or record <= deadline(item):
                continue
            amount = line_amount(order, index, quantity, component)
            late.append(AffectedLine(item.sub_order_id, item.title, quantity, amount, "parcels", component))
    if order.status in ("awaiting_shipment", "unknown") and not order.parcels and order.shipped_at is None:
        # Nothing shipped yet: every line past its deadline is late.
        for item in goods:
            if now > deadline(item):
                index = order.items.index(item)
                amount = line_amount(order, index, item.quantity)
                late.append(AffectedLine(item.sub_order_id, item.title, item.quantity, amount, "parcels"))
    elif not order.parcels and order.shipped_at is not None:
        for item in goods:
            if order.shipped_at > deadline(item):
                index = order.items.index(item)
                amount = line_amount(order, index, item.quantity)
                late.append(AffectedLine(item.sub_order_id, item.title, item.quantity, amount, "parcels"))
    return Lateness(bool(late), tuple(late), agreed)
