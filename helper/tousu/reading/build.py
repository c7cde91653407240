"""Plain dicts a reader collected -> validated models, without ever failing the whole page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from tousu.models import Order, ReadingWarning

from .common import is_virtual_status, warning


class FieldBag(dict[str, Any]):
    """Order fields as a reader finds them, with where each came from.

    The first source to give a field wins (readers try the most reliable source first);
    `replace=True` is for the rare later fact that overrides an earlier one.
    """

    def __init__(self, default_source: str):
        super().__init__()
        self.default_source = default_source
        self.sources: dict[str, str] = {}

    def put(self, name: str, value: Any, source: str | None = None, *, replace: bool = False) -> None:
        if value is None or value == {} or value == [] or (name in self and not replace):
            return
        self[name] = value
        self.sources[name] = source or self.default_source

    def fields(self) -> dict[str, Any]:
        """The keyword arguments for make_order."""
        return {**self, "sources": dict(self.sources)}


def make_order(data: dict[str, Any], warnings: list[ReadingWarning]) -> Order | None:
    """The Order for data; a field that does not validate is dropped (with a warning) rather than
    losing the whole order. None only when the order id itself is unusable."""
    data = dict(data)
    if "virtual" not in data and is_virtual_status(data.get("status_text")):
        data["virtual"] = True
        data.setdefault("sources", {})["virtual"] = "derived"
    order_id = data.get("order_id")
    for _ in range(20):
        try:
            return _with_paid_amounts(Order.model_validate(data), warnings)
        except ValidationError as error:
            dropped = False
            # One problem per round: dropping a list entry shifts the indexes of the others.
            for problem in error.errors()[:1]:
                loc = problem.get("loc") or ()
                if not loc or loc[0] == "order_id":
                    return None
                field = str(loc[0])
                if field in ("items", "parcels") and len(loc) > 1 and isinstance(loc[1], int):
                    _drop_nested(data, field, loc)
                else:
                    data.pop(field, None)
                    data.get("sources", {}).pop(field, None)
                dropped = True
                warnings.append(
                    warning(
                        "field_unreadable",
                        f"订单里有一项没能读出（{field}），已略过。",
                        field=".".join(str(part) for part in loc),
                        order_id=order_id if isinstance(order_id, str) else None,
                    )
                )
            if not dropped:
                return None
    return None


def _drop_nested(data: dict[str, Any], field: str, loc: tuple[Any, ...]) -> None:
    """Clear one bad attribute of an item or parcel (or the whole entry if that is required)."""
    entries = list(data.get(field) or [])
    index = loc[1]
    if index >= len(entries):
        return
    entry = dict(entries[index])
    if len(loc) > 2 and loc[2] not in ("title",) and isinstance(loc[2], str):
        entry.pop(loc[2], None)
        entries[index] = entry
    else:
        entries.pop(index)
    data[field] = entries


def _with_paid_amounts(order: Order, warnings: list[ReadingWarning]) -> Order:
    """Fill `paid_amount` where the page's one 实付 belongs to one line, never by guessing.

    实付 (total_paid) is after every coupon and includes the freight, so for an order of exactly
    one item (pseudo lines such as 运费险 are charged too, hence "exactly one line") the line paid
    实付 - 运费. With several lines and no per-line 实付 the split is unknown: the amounts fall
    back to the unit price and the shopper is told so.
    """
    if not order.items or all(item.paid_amount is not None for item in order.items):
        return order
    if order.total_paid is None:
        return order
    if len(order.items) == 1:
        if order.freight is None:
            return order
        paid = Decimal(order.total_paid) - Decimal(order.freight)
        if paid < 0:
            return order
        item = order.items[0].model_copy(update={"paid_amount": f"{paid:.2f}"})
        order = order.model_copy(update={"items": [item]})
        order.sources["items.paid_amount"] = "derived"
        return order
    if len(order.goods) > 1 and all(item.paid_amount is None for item in order.goods):
        _note_unsplit(order.order_id, warnings)
    return order


def _note_unsplit(order_id: str, warnings: list[ReadingWarning]) -> None:
    """One paid_amount_unsplit note per reading: a list of thirty orders gives one note, naming
    the order only while there is just one."""
    for index, existing in enumerate(warnings):
        if existing.code == "paid_amount_unsplit":
            if existing.order_id not in (None, order_id):
                warnings[index] = warning(
                    "paid_amount_unsplit",
                    "有几笔订单包含多件宝贝，页面只显示整单实付款；金额按单价×数量估算，用了优惠券时会偏高。",
                    field="items.paid_amount",
                )
            return
    warnings.append(
        warning(
            "paid_amount_unsplit",
            "页面只显示整单实付款，没有每件宝贝的实付；金额按单价×数量估算，用了优惠券时会偏高。",
            field="items.paid_amount",
            order_id=order_id,
        )
    )


# Order-level fee rows that are not discounts even when negative: 购物金 is the buyer's own stored
# value (a way of paying), 退货宝/运费险 are services bought, 商品总价/实付款/运费 are totals.
_NOT_DISCOUNT = ("商品总价", "实付款", "实付", "运费", "购物金", "退货宝", "运费险", "合计", "总价")


def discount_rows(rows: list[tuple[str, str | None]]) -> list[dict[str, str]]:
    """Discounts from a detail page's (label, amount) fee rows: only rows the page itself shows
    as negative (官方立减 -￥27.00, 红包, 淘金币, 店铺优惠), never a difference we computed."""
    found: list[dict[str, str]] = []
    for label, amount in rows:
        name = (label or "").strip().rstrip(":：")
        if not name or amount is None or not amount.startswith("-") or amount == "-0.00":
            continue
        if name.startswith(_NOT_DISCOUNT):
            continue
        found.append({"name": name, "amount": amount})
    return found
