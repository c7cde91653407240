"""Order facts the rules depend on: sign-off, ship-by, what was paid, what kind of goods.

Everything here is derived from the order alone (plus `now`), in China time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from tousu.models.base import CHINA_TZ
from tousu.models.order import Order

from .amounts import AffectedLine, Requested, affected_base, affected_lines, goods_lines, line_paid
from .rulefiles import rule_files
from .settings import AdviceSettings

_ITEMS = rule_files().raw["items"]
FOOD_RE = re.compile("|".join(f"(?:{p})" for p in _ITEMS["food"]["patterns"]))
NOT_FOOD_RE = re.compile("|".join(f"(?:{p})" for p in _ITEMS["food"]["not_food"]) or "(?!)")
DURABLE_RE = re.compile("|".join(f"(?:{p})" for p in _ITEMS["durable"]["patterns"]), re.IGNORECASE)

CENT = Decimal("0.01")

_PROMISE_DATE = re.compile(
    r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})[日号]\s*"
    r"(?:(?P<hour>\d{1,2})[:：点](?P<minute>\d{2})?分?)?\s*(?:前|之前|以前)?(?:发货|发出)?"
)
_PROMISE_HOURS = re.compile(r"(?P<n>\d{1,3})\s*小时(?:内)?(?:发货|发出)")
_PROMISE_DAYS = re.compile(r"(?P<n>\d{1,3})\s*天(?:内)?(?:发货|发出)")
_PROMISE_TODAY = re.compile(r"(今日|今天|当天|当日)(发货|发出|发)")


def yuan(value: Decimal) -> str:
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP)}"


@dataclass(frozen=True)
class ShipBy:
    due: datetime
    promised: str | None  # the page's own words when they set the deadline


@dataclass(frozen=True)
class OrderFacts:
    status: str
    paid_at: datetime | None
    sign_off: datetime | None
    sign_off_estimated: bool
    ship_by: ShipBy | None
    shipped_at: datetime | None
    price_paid: Decimal | None
    is_food: bool
    is_durable: bool
    food_title: str | None
    max_quantity: int
    flags: frozenset[str]
    values: dict[str, str]
    # The goods (and quantities) price_paid covers; empty when the order lists no goods.
    affected: tuple[AffectedLine, ...] = ()
    non_food_title: bool = False  # named like food but not for people (pet food)
    shipping_fee: Decimal | None = None  # separately charged outbound freight
    whole_order: bool = True  # the affected goods are all the order's goods


def next_midnight(moment: datetime) -> datetime:
    """00:00 China time of the day after `moment` (Taobao's 7-day count starts there)."""
    local = moment.astimezone(CHINA_TZ)
    return datetime(local.year, local.month, local.day, tzinfo=CHINA_TZ) + timedelta(days=1)


def parse_ship_promise(text: str, paid_at: datetime) -> datetime | None:
    """The deadline a page's ship promise sets, e.g. "10月10日 20:15前发货" or "72小时内发货"."""
    paid = paid_at.astimezone(CHINA_TZ)
    match = _PROMISE_DATE.search(text)
    if match:
        month, day = int(match["month"]), int(match["day"])
        year = int(match["year"]) if match["year"] else paid.year
        try:
            if match["hour"] is not None:
                minute = int(match["minute"] or 0)
                due = datetime(year, month, day, int(match["hour"]), minute, tzinfo=CHINA_TZ)
            else:
                # "10月10日前发货" allows the whole of 10 October.
                due = datetime(year, month, day, tzinfo=CHINA_TZ) + timedelta(days=1)
        except ValueError:
            return None
        if not match["year"] and due < paid - timedelta(days=31):
            # A December order promising "1月5日" means next January.
            try:
                due = due.replace(year=year + 1)
            except ValueError:
                return None
        return due
    match = _PROMISE_HOURS.search(text)
    if match:
        return paid + timedelta(hours=int(match["n"]))
    match = _PROMISE_DAYS.search(text)
    if match:
        return paid + timedelta(days=int(match["n"]))
    if _PROMISE_TODAY.search(text):
        return next_midnight(paid)
    return None


def ship_by(order: Order, settings: AdviceSettings) -> ShipBy | None:
    paid = order.paid_at or order.created_at
    if paid is None:
        return None
    promised: list[tuple[datetime, str]] = []
    for item in order.goods:
        if item.ship_within_hours is not None:
            # The page's promise as a number of hours: exact, so it goes before the words.
            words = item.ship_promise or f"付款后{item.ship_within_hours}小时内发货"
            promised.append((paid + timedelta(hours=item.ship_within_hours), words))
        elif item.ship_promise:
            due = parse_ship_promise(item.ship_promise, paid)
            if due is not None:
                promised.append((due, item.ship_promise))
    if promised:
        # With several promises the earliest is the one already broken first.
        due, words = min(promised)
        return ShipBy(due=due, promised=words)
    return ShipBy(due=paid + timedelta(hours=settings.ship_by_hours), promised=None)


def sign_off(order: Order) -> tuple[datetime | None, bool]:
    """The sign-off time (电子商务法 art. 51: delivery = sign-off) and whether it is an estimate."""
    signed = [p.signed_at for p in order.parcels if p.signed_at is not None]
    if signed:
        # The earliest parcel starts the clock first; counting from it never overstates time left.
        return min(signed), False
    if order.received_at is not None:
        return order.received_at, False
    if order.completed_at is not None:
        # Confirmation comes after sign-off, so this can only overstate the time left: flagged.
        return order.completed_at, True
    return None, False


def shipped_at(order: Order) -> datetime | None:
    if order.shipped_at is not None:
        return order.shipped_at
    times = [p.shipped_at for p in order.parcels if p.shipped_at is not None]
    return min(times) if times else None


def price_paid(order: Order) -> Decimal | None:
    """What the shopper paid for the goods (the 价款 of 消法 55 and 食品安全法 148)."""
    if order.total_paid is not None:
        paid = Decimal(order.total_paid)
        if order.shipping_fee is not None:
            paid -= Decimal(order.shipping_fee)
        for item in order.items:
            if item.pseudo and item.unit_price is not None:
                paid -= Decimal(item.unit_price) * item.quantity
        return max(paid, Decimal(0))
    priced = [i for i in order.goods if i.unit_price is not None]
    if not priced:
        return None
    return sum((Decimal(i.unit_price or 0) * i.quantity for i in priced), Decimal(0))


def _whole(order: Order, lines: list[AffectedLine]) -> bool:
    """Whether the affected lines are all the order's goods, every unit."""
    goods = goods_lines(order)
    if any(line.component for line in lines):
        return False  # one sub-item of a combination, at its declared value
    taken = {(line.sub_order_id, line.title): line.quantity for line in lines}
    return not lines or all(taken.get((i.sub_order_id, i.title)) == i.quantity for i in goods)


def _paid_for_affected(order: Order, lines: list[AffectedLine]) -> Decimal | None:
    if _whole(order, lines):
        paid = line_paid(order)
        if (
            paid
            and all(v is not None for v in paid.values())
            and all(i.paid_amount for i in goods_lines(order))
        ):
            # Every line shows its 实付: their sum is the goods' price, to the cent.
            return sum((v for v in paid.values() if v is not None), Decimal(0))
        # The whole order's goods: what was paid less freight and pseudo lines, to the cent.
        return price_paid(order)
    return affected_base(lines)


def order_facts(
    order: Order,
    now: datetime,
    settings: AdviceSettings,
    *,
    text: str = "",
    affected: Sequence[Requested] | None = None,
) -> OrderFacts:
    """`text` (the shopper's words) and `affected` ([(sub_order_id, quantity)] the shopper gave)
    narrow the price paid to the affected goods."""
    status = order.status
    lines = affected_lines(order, text, affected)
    signed, estimated = sign_off(order)
    deadline = ship_by(order, settings)
    shipped = shipped_at(order)
    titles = [item.title for item in order.goods]
    food_title = next((t for t in titles if FOOD_RE.search(t) and not NOT_FOOD_RE.search(t)), None)
    non_food_title = any(NOT_FOOD_RE.search(t) for t in titles)
    is_durable = any(DURABLE_RE.search(t) for t in titles)
    flags: set[str] = set()
    values: dict[str, str] = {}
    paid = order.paid_at or order.created_at
    if paid is not None:
        hours = max(0, int((now - paid).total_seconds() // 3600))
        values["paid_hours"] = str(hours)
        values["paid_days"] = str(round(hours / 24, 1)).removesuffix(".0")
    if status == "awaiting_shipment":
        flags.add("unshipped")
    if deadline is not None:
        if shipped is None and status in ("awaiting_shipment", "unknown") and now > deadline.due:
            flags.add("past_ship_by")
        # 争议处理规则 art. 25: the carrier's own record is the shipping time, and a parcel split off
        # and sent late is a late shipment even when the first parcel left on time.
        carrier = [t for p in order.parcels if (t := p.first_scan_at or p.shipped_at) is not None]
        late_at = max(carrier) if carrier else shipped
        if late_at is not None and late_at > deadline.due and paid is not None:
            flags.add("shipped_late")
            values["ship_delay_hours"] = str(int((late_at - paid).total_seconds() // 3600))
    if signed is not None:
        flags.add("signed")
        seven = next_midnight(signed) + timedelta(hours=168)
        flags.add("within_7d" if now < seven else "after_7d")
        values["signed_days"] = str(max(1, (now - next_midnight(signed)).days + 1))
    elif status == "shipped":
        flags.add("in_transit")
    if status == "completed":
        flags.add("completed")
    if status == "refunding":
        flags.add("refunding")
    if food_title:
        flags.add("is_food")
        values["food_title"] = food_title
    if is_durable:
        flags.add("is_durable")
    return OrderFacts(
        status=status,
        paid_at=paid,
        sign_off=signed,
        sign_off_estimated=estimated,
        ship_by=deadline,
        shipped_at=shipped,
        price_paid=_paid_for_affected(order, lines),
        is_food=bool(food_title),
        is_durable=is_durable,
        food_title=food_title,
        max_quantity=max((i.quantity for i in order.goods), default=0),
        flags=frozenset(flags),
        values=values,
        affected=tuple(lines),
        non_food_title=non_food_title,
        shipping_fee=Decimal(order.shipping_fee) if order.shipping_fee is not None else None,
        whole_order=_whole(order, lines),
    )


# Structured dispute facts: what is wrong with the goods or the service (the substance), what the
# seller did (the procedure), what evidence the shopper holds. Keys are feature codes
# (rules/features.toml); a feature is one fact of one kind.
SUBSTANCE = {
    "no_function": "defect",
    "broke_in_use": "defect",
    "workmanship": "defect",
    "harmful_smell": "defect",
    "damaged": "damage",
    "packaging_broken": "damage",
    "desc_mismatch": "mismatch",
    "material_mismatch": "mismatch",
    "size_mismatch": "mismatch",
    "colour_mismatch": "mismatch",
    "date_mismatch": "mismatch",
    "second_hand": "mismatch",
    "claim_vs_received": "mismatch",
    "ad_claim": "advertising",
    "efficacy": "advertising",
    "fake_reviews": "advertising",
    "fake": "fake",
    "serial_unknown": "fake",
    "not_shipped": "delivery",
    "no_pickup": "delivery",
    "out_of_stock": "delivery",
    "not_received": "delivery",
    "signed_not_received": "delivery",
    "empty_parcel": "wrong",
    "wrong_item": "wrong",
    "missing_item": "wrong",
    "food_unsafe": "food",
    "expired": "food",
    "foreign_object": "food",
    "price_change": "price",
    "harass": "harassment",
    "bad_review_retaliation": "harassment",
    "gift_missing": "promise",
    "price_protection": "promise",
}
# The dispute facts (rules/disputes.toml) say which kind they are evidence of themselves.
SUBSTANCE.update({f["code"]: f["substance"] for f in rule_files().raw["disputes"]["fact"]})
SELLER = {
    "refused": "refused",
    "ignored": "ignored",
    "refund_after_return_delay": "refund_withheld",
    "promise_reneged": "reneged",
    "entitled_refused": "entitled_refused",
}
EVIDENCE = {
    "authenticated": "authentication",
    "authenticity_check": "authentication",
    "carrier_ruled_out": "carrier_ruled_out",
}


@dataclass(frozen=True)
class DisputeFacts:
    goods: frozenset[str]  # what is wrong: defect, damage, mismatch, fake, wrong, food, ...
    seller: frozenset[str]  # what the seller did: refused, ignored, reneged, ...
    evidence: frozenset[str]
    wanted: str | None

    @property
    def procedural_only(self) -> bool:
        """The seller's handling is all the text tells: the refusal itself is the grievance."""
        return bool(self.seller) and not self.goods

    def names(self) -> list[str]:
        """Model input names (model.py reads them as d: inputs and goods x seller pairs)."""
        out = [f"goods:{g}" for g in sorted(self.goods)] + [f"seller:{s}" for s in sorted(self.seller)]
        out += [f"ev:{e}" for e in sorted(self.evidence)]
        out += [f"{g}+{s}" for g in sorted(self.goods) for s in sorted(self.seller)]
        if self.procedural_only:
            out.append("procedural_only")
        if not self.goods and not self.seller:
            out.append("no_facts")
        return out


def dispute_facts(features: set[str] | dict[str, str], wanted: str | None) -> DisputeFacts:
    codes = set(features)
    goods = {SUBSTANCE[c] for c in codes if c in SUBSTANCE}
    if "carrier_ruled_out" in codes and "damage" in goods and "defect" not in goods:
        # "the box was intact / not crushed in transit": the damage is the goods' own defect.
        goods = (goods - {"damage"}) | {"defect"}
    return DisputeFacts(
        goods=frozenset(goods),
        seller=frozenset(SELLER[c] for c in codes if c in SELLER),
        evidence=frozenset(EVIDENCE[c] for c in codes if c in EVIDENCE),
        wanted=wanted,
    )
