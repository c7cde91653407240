"""A refund's figure: the price paid for the affected goods plus or minus the parts each rule adds
(rules/formulas.toml [refund_parts]), and whether a no-reason return is still available.

* return postage the shopper advanced, when the seller is at fault (消法 art. 24; 争议处理规则
  art. 49), unless 退货宝/运费险 paid it;
* the order's outbound freight, only when the whole order failed (never shipped, an empty parcel,
  sent without consent after a refund request and refused);
* for a no-reason return (消法 art. 25; 暂行办法): less the 满减 the kept goods lose, a gift not
  sent back, the standard freight of a 满额包邮 threshold no longer met; none after the window
  (00:00 of the day after sign-off + 168 h) or for custom-made or virtual goods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cache

from tousu.models.order import Order

from .amounts import AffectedLine, goods_lines, is_gift, line_paid, read_sum, sum_pattern
from .facts import OrderFacts, next_midnight
from .rulefiles import rule_files
from .rules import rulebook
from .schemas import RefundPart
from .text import normalise

_THRESHOLD = re.compile(r"满\s*(\d+(?:\.\d+)?)\s*(?:元)?\s*减\s*(\d+(?:\.\d+)?)")
# Sent without the shopper's consent after a refund request, and refused at the door.
_REFUSED_AFTER_REQUEST = (
    re.compile(r"拒收|拒签|拒绝签收"),
    re.compile(r"(申请|要求|提交)(了)?(仅)?退款|退款申请"),
)
_CARRIERS = ("顺丰", "京东", "EMS", "邮政", "中通", "圆通", "申通", "韵达", "极兔", "德邦", "百世", "菜鸟")


@dataclass(frozen=True)
class RefundFigure:
    amount: Decimal | None
    parts: tuple[tuple[str, Decimal], ...] = ()  # (the shopper's label, signed amount)
    refused: str | None = None  # why the refund is not available (a no-reason return too late)


def part(code: str) -> RefundPart:
    rule: RefundPart = rule_files()["formulas"].refund_parts[code]
    return rule


@cache
def _patterns(code: str) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    rule = part(code)
    return tuple(re.compile(sum_pattern(p)) for p in rule.patterns), tuple(
        re.compile(p) for p in rule.none_patterns
    )


def _ruled_out(code: str, text: str, order: Order) -> bool:
    _, none = _patterns(code)
    services = " ".join(order.services)
    return any(p.search(text) for p in none) or any(s in services for s in part(code).none_services)


def return_postage(text: str, order: Order) -> Decimal | None:
    """The return postage the shopper says they advanced (None when not said or already covered)."""
    norm = normalise(text)
    found, _ = _patterns("return_freight")
    if _ruled_out("return_freight", norm, order):
        return None
    for pattern in found:
        match = pattern.search(norm)
        value = read_sum(match["amount"]) if match else None
        if value:
            return value.quantize(Decimal("0.01"))
    return None


def whole_order_fails(order: Order, facts: OrderFacts, text: str, empty_parcel: bool) -> bool:
    """The whole order failed: its outbound freight comes back too."""
    if not facts.whole_order:
        return False
    if facts.status == "awaiting_shipment" or empty_parcel:
        return True
    norm = normalise(text)
    return all(p.search(norm) for p in _REFUSED_AFTER_REQUEST)


def broken_carrier(order: Order) -> bool:
    """The page promised a carrier (默认发顺丰) and the parcels went with another."""
    promised = {c for item in order.goods for c in _CARRIERS if c in (item.ship_promise or "")}
    used = {c for p in order.parcels for c in _CARRIERS if c in (p.company or "")}
    return bool(promised and used and not promised & used)


def _list(order: Order, index: int, quantity: int) -> Decimal:
    item = order.items[index]
    return Decimal(item.unit_price or 0) * quantity


def _kept(order: Order, lines: tuple[AffectedLine, ...]) -> list[tuple[int, int]]:
    """(item index, kept quantity) of the goods not sent back."""
    returned: dict[str | None, int] = {}
    for line in lines:
        returned[line.sub_order_id] = returned.get(line.sub_order_id, 0) + line.quantity
    kept = []
    for item in goods_lines(order):
        left = item.quantity - returned.get(item.sub_order_id, 0)
        if left > 0:
            kept.append((order.items.index(item), left))
    return kept


def _lost_discount(order: Order, lines: tuple[AffectedLine, ...]) -> Decimal:
    """The discount share of the kept goods when the return drops the order below a 满减 threshold."""
    kept = _kept(order, lines)
    before = sum((_list(order, order.items.index(i), i.quantity) for i in goods_lines(order)), Decimal(0))
    after = sum((_list(order, index, qty) for index, qty in kept), Decimal(0))
    lost = Decimal(0)
    paid = line_paid(order)
    for discount in order.discounts:
        match = _THRESHOLD.search(discount.name or "")
        if not match or not before >= Decimal(match.group(1)) > after:
            continue
        for index, qty in kept:
            item = order.items[index]
            line = paid.get(index)
            if line is None or not item.quantity:
                continue
            lost += (_list(order, index, item.quantity) - line) * qty / item.quantity
    return lost.quantize(Decimal("0.01"))


def _gift_value(order: Order, text: str) -> Decimal:
    found, _ = _patterns("gift_value")
    norm = normalise(text)
    if not any(p.search(norm) for p in found) or _ruled_out("gift_value", norm, order):
        return Decimal(0)
    return sum(
        (Decimal(i.declared_value) for i in order.items if is_gift(i) and i.declared_value), Decimal(0)
    )


def _freight_deduction(order: Order, lines: tuple[AffectedLine, ...]) -> Decimal:
    rule = order.shipping_rule
    if rule is None or rule.free_shipping_threshold is None or rule.standard_freight is None:
        return Decimal(0)
    kept = _kept(order, lines)
    before = sum((_list(order, order.items.index(i), i.quantity) for i in goods_lines(order)), Decimal(0))
    after = sum((_list(order, index, qty) for index, qty in kept), Decimal(0))
    if kept and before >= Decimal(rule.free_shipping_threshold) > after:
        return Decimal(rule.standard_freight)
    return Decimal(0)


def no_reason_refused(order: Order, facts: OrderFacts, now: datetime, categories: set[str]) -> str | None:
    """Why a no-reason return is not available, or None."""
    codes = {line.sub_order_id for line in facts.affected}
    if any(i.custom_made for i in order.items if i.sub_order_id in codes or not i.sub_order_id):
        categories = categories | {"custom"}
    # The same exclusions, in the same words, as the seven-day clock (clocks.toml not_for).
    excluded = rulebook().clocks["seven_day_return"].not_for or {}
    for category in ("custom", "fresh", "virtual"):
        if category in categories and category in excluded:
            return excluded[category]
    if facts.sign_off is not None:
        end = next_midnight(facts.sign_off) + timedelta(hours=168)
        if now >= end:
            return (
                f"七天无理由退货已于{end:%Y-%m-%d %H:%M}截止（签收次日零时起168小时）；"
                "有质量问题仍可按质量问题退换。"
            )
    return None


def refund_figure(
    code: str,
    order: Order,
    facts: OrderFacts,
    text: str,
    *,
    now: datetime,
    no_reason: bool,
    seller_at_fault: bool,
    empty_parcel: bool,
    categories: set[str],
) -> RefundFigure:
    base = facts.price_paid
    if base is None:
        return RefundFigure(None)
    parts: list[tuple[str, Decimal]] = []
    if code == "return_refund" and no_reason:
        refused = no_reason_refused(order, facts, now, categories)
        if refused:
            return RefundFigure(None, refused=refused)
        for what, value in (
            ("lost_discount", _lost_discount(order, facts.affected)),
            ("gift_value", _gift_value(order, text)),
            ("freight_deduction", _freight_deduction(order, facts.affected)),
        ):
            if value:
                parts.append((part(what).label, -value))
    else:
        freight = facts.shipping_fee or Decimal(0)
        if (
            code in ("refund_only", "return_refund")
            and freight
            and whole_order_fails(order, facts, text, empty_parcel)
        ):
            parts.append((part("outbound_freight").label, freight))
        postage = return_postage(text, order) if code == "return_refund" and seller_at_fault else None
        if postage:
            parts.append((part("return_freight").label, postage))
    return RefundFigure(max(base + sum((v for _, v in parts), Decimal(0)), Decimal(0)), tuple(parts))
