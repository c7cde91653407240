from __future__ import annotations

import pytest

from tousu.models import Reading

from .conftest import read_fixture

SHIPPED, DONE, CLOSED = "3100000000000011234", "3100000000000012345", "3100000000000013456"


@pytest.fixture(scope="module", params=["tm2_list.html", "tm2_list_rehashed.html"])
def reading(request) -> Reading:
    return read_fixture(request.param)


def test_orders_and_kind(reading: Reading):
    assert reading.kind == "order_list"
    assert [o.order_id for o in reading.orders] == [SHIPPED, DONE, CLOSED]
    assert [(w.code, w.order_id) for w in reading.warnings] == [("paid_amount_unsplit", SHIPPED)]


def test_recommendation_strip_and_feed_yield_no_items(reading: Reading):
    titles = [item.title for order in reading.orders for item in order.items]
    assert not any("推荐" in t or "猜你喜欢" in t for t in titles)
    assert [len(o.items) for o in reading.orders] == [2, 2, 1]


def test_shipped_order_fields(reading: Reading):
    order = reading.orders[0]
    assert order.platform == "taobao"
    assert order.shop.model_dump() == {
        "name": "示例数码专营店",
        "seller_nick": "示例数码",
        "url": "https://store.taobao.com/shop/view_shop.htm?user_number_id=2200000000011",
    }
    assert (order.status, order.status_text) == ("shipped", "卖家已发货")
    assert order.created_at is None  # the list prints a day only; no invented midnight
    assert (order.total_paid, order.shipping_fee) == ("208.40", "0.00")
    first, second = order.items
    assert first.model_dump() == {
        "sub_order_id": "3100000000000011235",
        "item_id": "600000000101",
        "title": '示例降噪耳机 "旗舰款" & 收纳包',
        "sku": "颜色分类：曜石黑；套餐类型：官方标配",
        "quantity": 1,
        "unit_price": "199.00",
        "original_price": "299.00",
        "pseudo": False,
        # Order-contract additions the page does not show (paid_amount is read where it does).
        "paid_amount": None,
        "kind": "goods",
        "ship_within_hours": None,
        "declared_value": None,
        "components": [],
        "custom_made": None,
        "snapshot_url": "https://buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID=3100000000000011235&snapShot=true",
        "image_url": "https://img.alicdn.com/imgextra/i2/O1CN01tm2600000000101.jpg_200x200.jpg",
        "ship_promise": None,
        "refund_text": None,
    }
    assert (second.quantity, second.unit_price, second.sku) == (2, "4.70", None)
    assert order.links.model_dump() == {
        "detail": f"https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id={SHIPPED}",
        "logistics": f"https://market.m.taobao.com/app/dinamic/pc-trade-logistics/home.html?orderId={SHIPPED}&entrance=pc",
        "after_sales": None,
        "refund": "https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId=3100000000000011235",
        "refund_detail": None,
        "complaint": f"https://rights.taobao.com/complaint/redirect.jhtml?bizId={SHIPPED}",
        "confirm_receipt": f"https://trade.taobao.com/trade/confirmGoods.htm?biz_order_id={SHIPPED}",
    }
    [parcel] = order.parcels
    assert (parcel.label, parcel.company, parcel.tracking_no) == ("已发货", "示例快递", None)
    assert set(order.sources.values()) <= {"dom", "derived"}


def test_tmall_completed_order_with_refund_and_insurance(reading: Reading):
    order = reading.orders[1]
    assert order.platform == "tmall"
    assert (order.status, order.status_text, order.total_paid) == ("completed", "交易成功", "39.90")
    goods, insurance = order.items
    assert goods.refund_text == "退款成功" and goods.sku == "颜色分类：白色"
    assert insurance.pseudo and insurance.title == "运费险"
    assert order.links.after_sales == (
        f"https://refund2.taobao.com/dispute/taobaoAfterDisputeRedirect.htm?tradeId={DONE}"
    )
    assert order.links.refund_detail == (
        f"https://refund2.taobao.com/dispute/detail.htm?bizOrderId={DONE}&disputeType=1"
    )


def test_closed_order(reading: Reading):
    order = reading.orders[2]
    assert (order.status, order.status_text, order.total_paid) == ("closed", "交易关闭", "89.00")


def test_lazy_rendered_list_is_flagged():
    reading = read_fixture("tm2_list_lazy.html")
    assert [o.order_id for o in reading.orders] == [SHIPPED, DONE]
    assert [w.code for w in reading.warnings] == ["paid_amount_unsplit", "lazy_rendered"]


def test_a_row_that_labels_its_own_paid_amount_gives_paid_amount_not_unit_price():
    from tousu.reading import dom, tm2_list

    row = dom.parse(
        '<div class="itemInfo--x"><a class="title--x" href="//item.taobao.com/item.htm?id=600000000009">'
        '<span class="titleText--x">示例台灯</span></a><div class="itemInfoColPrice--x">'
        '<div class="trade-price-container"><span class="trade-price-symbol">￥</span>'
        '<span class="trade-price-integer">89</span><span class="trade-price-point">.</span>'
        '<span class="trade-price-decimal">00</span></div>'
        '<div class="trade-price-container"><span class="trade-price-label">实付</span>'
        '<span class="trade-price-symbol">￥</span><span class="trade-price-integer">79</span>'
        '<span class="trade-price-point">.</span><span class="trade-price-decimal">00</span></div>'
        '<div class="quantity--x">x1</div></div></div>'
    )
    item, _ = tm2_list._item(row, "https://buyertrade.taobao.com/")
    assert item is not None
    assert (item["unit_price"], item["paid_amount"]) == ("89.00", "79.00")
