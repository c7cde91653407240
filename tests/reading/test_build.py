"""paid_amount from the page's one 实付: filled only where it belongs to one line."""

from __future__ import annotations

from typing import Any

from tousu.models import Order, ReadingWarning
from tousu.reading.build import discount_rows, make_order


def _order(items: list[dict[str, Any]], **fields: Any) -> tuple[Order, list[ReadingWarning]]:
    warnings: list[ReadingWarning] = []
    order = make_order({"order_id": "3100000000000090000", "items": items, **fields}, warnings)
    assert order is not None
    return order, warnings


def test_one_line_after_a_coupon_pays_total_minus_freight():
    # 2 x 60.00 listed, a 25.00 coupon, 8.00 freight: the buyer paid 103.00 in all, 95.00 for goods.
    order, warnings = _order(
        [{"title": "示例保温杯", "quantity": 2, "unit_price": "60.00"}],
        total_paid="103.00",
        freight="8.00",
    )
    assert order.items[0].paid_amount == "95.00"
    assert order.sources["items.paid_amount"] == "derived"
    assert warnings == []


def test_unknown_freight_leaves_paid_amount_unset():
    order, _ = _order([{"title": "示例保温杯", "unit_price": "60.00"}], total_paid="60.00")
    assert order.items[0].paid_amount is None


def test_a_charged_pseudo_line_keeps_the_split_unknown_without_a_warning():
    order, warnings = _order(
        [
            {"title": "示例保温杯", "unit_price": "60.00"},
            {"title": "运费险", "unit_price": "1.50", "pseudo": True},
        ],
        total_paid="61.50",
        freight="0.00",
    )
    assert [item.paid_amount for item in order.items] == [None, None]
    assert warnings == []


def test_several_goods_without_per_line_paid_are_flagged_not_split():
    order, warnings = _order(
        [{"title": "示例保温杯", "unit_price": "60.00"}, {"title": "示例杯刷", "unit_price": "9.90"}],
        total_paid="59.90",
        freight="0.00",
    )
    assert [item.paid_amount for item in order.items] == [None, None]
    assert [(w.code, w.order_id) for w in warnings] == [("paid_amount_unsplit", order.order_id)]


def test_a_page_that_shows_per_line_paid_is_kept_as_read():
    order, warnings = _order(
        [
            {"title": "示例保温杯", "unit_price": "60.00", "paid_amount": "50.00"},
            {"title": "示例杯刷", "unit_price": "9.90", "paid_amount": "9.90"},
        ],
        total_paid="59.90",
        freight="0.00",
    )
    assert [item.paid_amount for item in order.items] == ["50.00", "9.90"]
    assert warnings == []


def test_many_unsplit_orders_give_one_note_per_reading():
    warnings: list[ReadingWarning] = []
    two_lines = [{"title": "示例保温杯", "unit_price": "60.00"}, {"title": "示例杯刷", "unit_price": "9.90"}]
    for n in range(3):
        make_order(
            {
                "order_id": f"310000000000009000{n}",
                "items": two_lines,
                "total_paid": "59.90",
                "freight": "0.00",
            },
            warnings,
        )
    # One note for the popup, naming no single order since several are affected.
    assert [(w.code, w.order_id) for w in warnings] == [("paid_amount_unsplit", None)]


def test_discount_rows_keep_only_the_pages_own_negative_coupons():
    rows = [
        ("商品总价", "180.00"),
        ("运费", "0.00"),
        ("官方立减", "-27.00"),
        ("红包", "-3.00"),
        ("购物金", "-50.00"),  # the buyer's own stored value: a payment, not a discount
        ("退货宝", "0.00"),
        ("实付款", "100.00"),
        ("店铺优惠", "-0.00"),
    ]
    assert discount_rows(rows) == [
        {"name": "官方立减", "amount": "-27.00"},
        {"name": "红包", "amount": "-3.00"},
    ]
