from __future__ import annotations

import json
from datetime import datetime

from tousu.models import CHINA_TZ, Reading
from tousu.reading import read_page
from tousu.reading.embedded import parse_json_parse
from tousu.reading.jsliteral import encode_js_string

from .conftest import LIST_URL, page_bytes, serialized

EARPHONES = "3100000000000001234"
MULTI = "3100000000000002660"
CLOSED = "3100000000000003456"
PAID = "3100000000000004567"
UNPAID = "3100000000000005678"


def _order(reading: Reading, order_id: str):
    return next(order for order in reading.orders if order.order_id == order_id)


def test_kind_and_order_ids(tm1_reading: Reading):
    assert tm1_reading.kind == "order_list"
    assert tm1_reading.url == LIST_URL
    assert [o.order_id for o in tm1_reading.orders] == [EARPHONES, MULTI, CLOSED, PAID, UNPAID]
    # The two-item order shows one 实付 only: its lines keep paid_amount unset, with a warning.
    assert [(w.code, w.order_id) for w in tm1_reading.warnings] == [
        ("paid_amount_unsplit", MULTI),
        ("more_pages", None),
    ]


def test_shipped_earphones_order_every_field(tm1_reading: Reading):
    order = _order(tm1_reading, EARPHONES)
    assert order.platform == "taobao"
    assert order.shop.model_dump() == {
        "name": "示例数码专营店",
        "seller_nick": "示例数码",
        "url": "https://store.taobao.com/shop/view_shop.htm?user_number_id=2200000000001",
    }
    assert order.status == "shipped"
    assert order.status_text == "卖家已发货"
    assert order.created_at == datetime(2025, 10, 8, 20, 15, 3, tzinfo=CHINA_TZ)
    assert order.paid_at is None and order.shipped_at is None and order.received_at is None
    assert order.completed_at is None
    assert order.total_paid == "199.00"
    assert order.shipping_fee == "0.00"
    assert order.parcels == []
    [item] = order.items
    assert item.model_dump() == {
        "sub_order_id": EARPHONES,
        "item_id": "600000000001",
        "title": "示例蓝牙耳机 \"降噪版\" 无线\\入耳式 <Pro> & 'Lite' 2025款",
        "sku": "颜色分类：黑色；套餐类型：官方标配",
        "quantity": 1,
        "unit_price": "199.00",
        "original_price": "299.00",
        "pseudo": False,
        # One line: its 实付 is actualFee 199.00 minus the (含运费 ¥0.00).
        "paid_amount": "199.00",
        "kind": "goods",
        "ship_within_hours": None,
        "declared_value": None,
        "components": [],
        "custom_made": None,
        "snapshot_url": f"https://buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID={EARPHONES}&snapShot=true",
        "image_url": "https://img.alicdn.com/imgextra/i1/2200000000001/O1CN01example600000000001_!!2200000000001.jpg_80x80.jpg",
        "ship_promise": "10月10日 20:15前发货",
        "refund_text": None,
    }
    assert order.links.model_dump() == {
        "detail": f"https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={EARPHONES}&route_to=tm1",
        "logistics": f"https://market.m.taobao.com/app/dinamic/pc-trade-logistics/home.html?orderId={EARPHONES}&entrance=pc",
        "after_sales": None,
        "refund": f"https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId={EARPHONES}",
        "refund_detail": None,
        "complaint": f"https://rights.taobao.com/complaint/redirect.jhtml?bizId={EARPHONES}",
        "confirm_receipt": f"https://trade.taobao.com/trade/confirmGoods.htm?biz_order_id={EARPHONES}",
    }
    assert order.sources == {
        "order_id": "embedded",
        "platform": "derived",
        "shop": "embedded",
        "status": "embedded",
        "status_text": "embedded",
        "created_at": "embedded",
        "total_paid": "embedded",
        "shipping_fee": "embedded",
        "items": "embedded",
        "links": "embedded",
        # Worked out from 实付 - 运费, not shown: the shopper can tell a reading from a sum.
        "items.paid_amount": "derived",
    }


def test_tmall_multi_item_completed_order(tm1_reading: Reading):
    order = _order(tm1_reading, MULTI)
    assert order.platform == "tmall"
    assert order.sources["platform"] == "embedded"
    assert order.status == "completed" and order.status_text == "交易成功"
    assert order.total_paid == "126.80" and order.shipping_fee == "6.00"
    assert [i.sub_order_id for i in order.items] == [
        "3100000000000002661",
        "3100000000000002662",
        "3100000000000002663",
    ]
    first, second, insurance = order.items
    assert (first.title, first.quantity, first.unit_price, first.sku) == (
        "示例收纳盒 三件套",
        2,
        "39.90",
        "颜色分类：白色；尺码：M",
    )
    assert (second.quantity, second.unit_price, second.original_price, second.sku) == (
        1,
        "64.00",
        "80.00",
        None,
    )
    assert insurance.title == "运费险" and insurance.pseudo is True
    assert [i.title for i in order.goods] == ["示例收纳盒 三件套", "示例衣架 10只装"]
    assert order.links.after_sales == (
        "https://refund2.taobao.com/dispute/taobaoAfterDisputeRedirect.htm?tradeId=3100000000000002661"
    )
    assert order.links.complaint == f"https://rights.taobao.com/complaint/redirect.jhtml?bizId={MULTI}"
    assert (
        order.links.detail
        == f"https://trade.tmall.com/detail/orderDetail.htm?bizOrderId={MULTI}&route_to=tm1"
    )
    assert order.links.refund is None and order.links.confirm_receipt is None


def test_closed_order_with_refund(tm1_reading: Reading):
    order = _order(tm1_reading, CLOSED)
    assert order.status == "closed" and order.status_text == "交易关闭"
    assert order.items[0].refund_text == "查看退款"
    assert order.links.refund_detail == (
        f"https://refund2.taobao.com/dispute/detail.htm?bizOrderId={CLOSED}&disputeType=1"
    )
    assert order.links.logistics is None and order.links.refund is None


def test_awaiting_shipment_and_payment(tm1_reading: Reading):
    paid = _order(tm1_reading, PAID)
    assert (paid.status, paid.status_text, paid.total_paid, paid.shipping_fee) == (
        "awaiting_shipment",
        "买家已付款",
        "35.50",
        "5.00",
    )
    assert paid.items[0].ship_promise == "48小时内发货"
    unpaid = _order(tm1_reading, UNPAID)
    assert (unpaid.status, unpaid.status_text) == ("awaiting_payment", "等待买家付款")
    assert unpaid.links.complaint is None


def test_slider_words_in_titles_do_not_mean_verification(tm1_reading: Reading):
    assert "滑块" in _order(tm1_reading, PAID).items[0].title
    assert tm1_reading.kind == "order_list"


def test_bare_19_digit_ids_stay_exact():
    html = page_bytes("tm1_list.html").decode("gb18030")
    # The fixture really has them bare, as the server does.
    assert '\\"id\\":3100000000000002661' in html
    data, problem = parse_json_parse(html, "data")
    assert problem is None
    sub = data["mainOrders"][1]["subOrders"][0]
    assert sub["id"] == "3100000000000002661"
    assert data["mainOrders"][0]["extra"]["id"] == EARPHONES


def test_str_snapshot_reads_the_same_as_bytes(tm1_reading: Reading):
    text = page_bytes("tm1_list.html").decode("gb18030")
    assert read_page(LIST_URL, text) == tm1_reading


def test_privacy_buyer_data_absent(tm1_reading: Reading):
    text = serialized(tm1_reading)
    for secret in ("示例买家小明", "2200099999999", "buyerId", "update_buy_memo"):
        assert secret not in text


def test_paged_list_keeps_only_rendered_orders():
    html = page_bytes("tm1_list.html").decode("gb18030")
    rendered = f'<div class="js-order-container" data-reactid=".0.7:$order-{PAID}">x</div>'
    paged = html.replace('<div id="J_bought_main">', '<div id="J_bought_main">' + rendered, 1)
    reading = read_page(LIST_URL, paged)
    assert [o.order_id for o in reading.orders] == [PAID]
    other = html.replace(
        '<div id="J_bought_main">', '<div id="J_bought_main"><div data-id="3100000000000009999"></div>', 1
    )
    reading = read_page(LIST_URL, other)
    assert reading.orders == [] and reading.kind == "order_list"
    assert "list_paged" in [w.code for w in reading.warnings]


def test_async_bought_json_response():
    html = page_bytes("tm1_list.html").decode("gb18030")
    data, _ = parse_json_parse(html, "data")
    body = json.dumps(data, ensure_ascii=False).encode("gbk")
    reading = read_page(
        "https://buyertrade.taobao.com/trade/itemlist/asyncBought.htm?action=itemlist/BoughtQueryAction", body
    )
    assert reading.kind == "order_list"
    assert [o.order_id for o in reading.orders][:2] == [EARPHONES, MULTI]


def test_quantity_object_and_missing_fields_are_tolerated():
    root = {
        "mainOrders": [
            {
                "id": "3100000000000007777",
                "subOrders": [{"itemInfo": {"title": "示例"}, "quantity": {"count": "3"}}],
            },
            {"id": 12.5},
            {"id": "3100000000000008888", "payInfo": {"actualFee": "abc"}, "statusInfo": {"text": "退款中"}},
            "junk",
        ]
    }
    literal = encode_js_string(json.dumps(root, ensure_ascii=False))
    reading = read_page(LIST_URL, f"<script>var data = JSON.parse({literal});</script>")
    assert [o.order_id for o in reading.orders] == ["3100000000000007777", "3100000000000008888"]
    assert reading.orders[0].items[0].quantity == 3
    assert reading.orders[1].total_paid is None and reading.orders[1].status == "refunding"
