"""The Order contract takes every field the corpus orders carry, and its twin fields agree."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tousu.models import Order

ORDER_ID = "3100000000000000100"


def full_order() -> dict:
    """An order with every contract addition, values invented."""
    return {
        "order_id": ORDER_ID,
        "platform": "tmall",
        "status": "completed",
        "paid_at": "2026-11-01T10:00:00+08:00",
        "total_paid": "281.00",
        "freight": "6.00",
        "discounts": [{"name": "店铺满减（满300减30）", "amount": "-30.00"}],
        "payments": [{"method": "购物金", "amount": "100.00"}, {"method": "支付宝", "amount": "181.00"}],
        "shipping_rule": {"free_shipping_threshold": "99.00", "standard_freight": "6.00"},
        "services": ["退货宝"],
        "items": [
            {
                "sub_order_id": "3100000000000000101",
                "title": "示例套装（主机+支架）",
                "quantity": 1,
                "unit_price": "200.00",
                "paid_amount": "180.00",
                "kind": "goods",
                "ship_within_hours": 48,
                "ship_promise": "付款后48小时内发货",
                "components": [{"name": "主机"}, {"name": "支架", "declared_value": "20.00"}],
            },
            {
                "sub_order_id": "3100000000000000102",
                "title": "示例围巾",
                "quantity": 1,
                "unit_price": "100.00",
                "paid_amount": "90.00",
                "kind": "goods",
                "custom_made": True,
            },
            {
                "sub_order_id": "3100000000000000103",
                "title": "赠品：收纳袋",
                "quantity": 1,
                "unit_price": "0.00",
                "paid_amount": "0.00",
                "kind": "gift",
                "declared_value": "15.00",
            },
            {
                "sub_order_id": "3100000000000000104",
                "title": "购物金充值 5元",
                "quantity": 1,
                "unit_price": "5.00",
                "paid_amount": "5.00",
                "kind": "pseudo",
            },
        ],
        "parcels": [
            {
                "company": "中通快递",
                "tracking_no": "78900000000100",
                "contents": [
                    {"sub_order_id": "3100000000000000101", "quantity": 1, "component": "主机"},
                    {"sub_order_id": "3100000000000000102", "quantity": 1},
                ],
                "first_scan_at": "2026-11-02T09:00:00+08:00",
                "signed_at": "2026-11-04T12:00:00+08:00",
            }
        ],
    }


def test_an_order_with_every_addition_is_accepted_and_keeps_them() -> None:
    order = Order.model_validate(full_order())
    first, scarf, gift, top_up = order.items
    assert first.paid_amount == "180.00" and first.ship_within_hours == 48
    assert first.components[1].declared_value == "20.00"
    assert scarf.custom_made is True
    assert gift.gift and gift.declared_value == "15.00"
    assert top_up.pseudo and top_up.kind == "pseudo"
    assert [i.title for i in order.goods] == ["示例套装（主机+支架）", "示例围巾", "赠品：收纳袋"]
    assert order.discounts[0].amount == "-30.00" and order.payments[0].method == "购物金"
    assert order.shipping_rule is not None and order.shipping_rule.standard_freight == "6.00"
    assert order.services == ["退货宝"]
    [parcel] = order.parcels
    assert parcel.first_scan_at is not None and parcel.contents[0].component == "主机"
    # The older field follows the newer one: readers that know only sub_order_ids still work.
    assert parcel.sub_order_ids == ["3100000000000000101", "3100000000000000102"]
    # What the helper prints it takes back unchanged.
    again = Order.model_validate(order.model_dump(mode="json"))
    assert again == order


def test_freight_and_shipping_fee_are_one_field() -> None:
    with_freight = Order.model_validate({"order_id": ORDER_ID, "freight": "8.00"})
    assert with_freight.shipping_fee == "8.00"
    with_fee = Order.model_validate({"order_id": ORDER_ID, "shipping_fee": "8"})
    assert with_fee.freight == "8.00"
    assert Order.model_validate({"order_id": ORDER_ID, "freight": "8.00", "shipping_fee": "8.00"})
    with pytest.raises(ValidationError, match="disagree"):
        Order.model_validate({"order_id": ORDER_ID, "freight": "8.00", "shipping_fee": "0.00"})


def test_kind_pseudo_and_pseudo_true_mean_the_same() -> None:
    by_kind = Order.model_validate({"order_id": ORDER_ID, "items": [{"title": "运费险", "kind": "pseudo"}]})
    by_flag = Order.model_validate({"order_id": ORDER_ID, "items": [{"title": "运费险", "pseudo": True}]})
    assert by_kind.items[0].pseudo and by_flag.items[0].kind == "pseudo"
    assert by_kind.goods == [] and by_flag.goods == []
    plain = Order.model_validate({"order_id": ORDER_ID, "items": [{"title": "示例水杯"}]})
    assert plain.items[0].kind == "goods" and not plain.items[0].pseudo
    with pytest.raises(ValidationError, match="pseudo"):
        Order.model_validate(
            {"order_id": ORDER_ID, "items": [{"title": "x", "pseudo": True, "kind": "gift"}]}
        )


def test_unknown_fields_are_still_refused() -> None:
    with pytest.raises(ValidationError):
        Order.model_validate({"order_id": ORDER_ID, "items": [{"title": "x", "paid": "1.00"}]})
