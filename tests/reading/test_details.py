from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from tousu.models import CHINA_TZ

from .conftest import FIXTURE_URLS, read_fixture


def t(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=CHINA_TZ)


def test_taobao_detail_shipped_earphones():
    reading = read_fixture("taobao_detail.html")
    assert reading.kind == "order_detail" and reading.warnings == []
    [order] = reading.orders
    assert order.order_id == "3100000000000001234"
    assert (order.platform, order.status, order.status_text) == ("taobao", "shipped", "卖家已发货")
    assert order.shop.name == "示例数码专营店" and order.shop.seller_nick == "示例数码"
    assert order.created_at == t(2025, 10, 8, 20, 15, 3)
    assert order.paid_at == t(2025, 10, 8, 20, 15, 40)
    assert order.shipped_at == t(2025, 10, 9, 11, 2, 17)
    assert order.received_at is None and order.completed_at is None
    assert (order.total_paid, order.shipping_fee) == ("199.00", "0.00")
    [item] = order.items
    assert item.sub_order_id == "3100000000000001234"
    assert item.title == "示例蓝牙耳机 \"降噪版\" 无线\\入耳式 <Pro> & 'Lite' 2025款"
    assert item.sku == "颜色分类：黑色；套餐类型：官方标配"
    assert (item.quantity, item.unit_price, item.ship_promise) == (1, "199.00", "10月10日 20:15前发货")
    assert item.snapshot_url == (
        "https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=3100000000000001234"
    )
    [parcel] = order.parcels
    assert (parcel.company, parcel.tracking_no) == ("示例快递", "SL1234567890")
    assert order.links.detail == FIXTURE_URLS["taobao_detail.html"]
    assert order.links.confirm_receipt == (
        "https://trade.taobao.com/trade/confirmGoods.htm?bizOrderId=3100000000000001234"
    )
    assert order.links.refund == (
        "https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId=3100000000000001234"
    )


def test_taobao_detail_multi_parcel_completed():
    reading = read_fixture("taobao_detail_multi_parcel.html")
    [order] = reading.orders
    assert order.order_id == "3100000000000020000"
    # Two lines, one 实付 for the whole order: the split is not invented, and the shopper is told.
    assert [(w.code, w.order_id) for w in reading.warnings] == [("paid_amount_unsplit", order.order_id)]
    assert [item.paid_amount for item in order.items] == [None] * len(order.items)
    assert (order.status, order.status_text) == ("completed", "交易成功")
    assert order.shipped_at == t(2025, 9, 2, 9, 0, 0)  # from the timeline: no 发货时间 line
    assert order.received_at == t(2025, 9, 10, 18, 30, 0)
    assert order.completed_at == t(2025, 9, 10, 18, 30, 0)
    assert (order.total_paid, order.shipping_fee) == ("51.20", "8.00")
    assert [i.sub_order_id for i in order.items] == [
        "3100000000000020001",
        "3100000000000020002",
        "3100000000000020003",
    ]
    assert [(i.quantity, i.unit_price) for i in order.items] == [(3, "7.90"), (2, "12.00"), (1, "0.50")]
    assert order.items[1].title == "示例笔记本 A5 \\ 方格"
    assert order.items[1].refund_text == "退款成功"
    assert order.items[2].pseudo is True
    first, second = order.parcels
    assert (first.label, first.company, first.tracking_no, first.shipped_at) == (
        "包裹1",
        "示例快递",
        "SL0000000001",
        t(2025, 9, 2, 9, 0, 0),
    )
    assert first.sub_order_ids == ["3100000000000020001", "3100000000000020003"]
    assert (second.company, second.tracking_no, second.sub_order_ids) == (
        "示例速递",
        "SD0000000002",
        ["3100000000000020002"],
    )


def test_detail_for_another_order_is_flagged():
    url = "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000099999"
    reading = read_fixture("taobao_detail.html", url)
    assert [w.code for w in reading.warnings] == ["order_id_mismatch"]


def test_tmall_detail_lists_found_by_key():
    reading = read_fixture("tmall_detail.html")
    [order] = reading.orders
    assert order.order_id == "3100000000000030000"
    assert [w.code for w in reading.warnings] == ["paid_amount_unsplit"]
    assert order.platform == "tmall"
    assert order.shop.model_dump() == {
        "name": "示例天猫旗舰店",
        "seller_nick": "示例天猫旗舰店",
        "url": "https://shop100000001.taobao.com",
    }
    assert order.status_text == "商家已发货"
    assert order.status == "refunding"  # one sub-order is 退款中
    assert order.created_at == t(2025, 11, 5, 21, 10, 8)
    assert order.paid_at == t(2025, 11, 5, 21, 10, 30)
    assert order.shipped_at == t(2025, 11, 6, 10, 0, 0)
    assert (order.total_paid, order.shipping_fee) == ("360.80", "0.00")
    fryer, paper, clip = order.items
    assert fryer.sub_order_id == "3100000000000030001"  # only from snapUrl's tradeID
    assert (fryer.unit_price, fryer.original_price, fryer.sku) == (
        "349.00",
        "399.00",
        "颜色分类：奶白色；容量：4.5L",
    )
    assert (paper.quantity, paper.unit_price, paper.sku) == (2, "9.90", None)
    assert clip.refund_text == "退款中"
    one, two = order.parcels
    assert (one.label, one.company, one.tracking_no, one.sub_order_ids) == (
        "包裹1",
        "示例快递",
        "SL3000000001",
        ["3100000000000030001", "3100000000000030002"],
    )
    assert (two.label, two.tracking_no, two.sub_order_ids) == (
        "包裹2",
        "SD3000000002",
        ["3100000000000030003"],
    )
    assert order.links.confirm_receipt == (
        "https://trade.tmall.com/order/confirmGoods.htm?biz_order_id=3100000000000030000"
    )


def test_tmall_order_opened_through_the_taobao_url():
    url = "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000030000"
    reading = read_fixture("tmall_detail.html", url)
    assert reading.orders[0].platform == "tmall" and reading.orders[0].items


def test_new_detail_dom():
    reading = read_fixture("new_detail.html")
    [order] = reading.orders
    assert order.order_id == "3100000000000040000" and reading.warnings == []
    assert (order.platform, order.status, order.status_text) == ("taobao", "shipped", "卖家已发货")
    assert order.shop.model_dump() == {
        "name": "示例数码专营店",
        "seller_nick": "示例数码",
        "url": "https://shop100000002.taobao.com",
    }
    assert order.created_at == t(2025, 10, 8, 20, 15, 3)
    assert order.paid_at == t(2025, 10, 8, 20, 15, 40)
    assert order.shipped_at == t(2025, 10, 9, 11, 2, 17)
    # The page's 实付款 includes the 运费 and is after the shop coupon, which it lists as a row.
    assert (order.total_paid, order.shipping_fee, order.freight) == ("237.00", "8.00", "8.00")
    assert [(d.name, d.amount) for d in order.discounts] == [("店铺优惠", "-20.00")]
    first, second = order.items
    assert first.model_dump() == {
        "sub_order_id": "3100000000000040001",
        "item_id": "600000040001",
        "title": "示例蓝牙耳机 降噪版",
        "sku": "颜色分类：黑色；套餐类型：官方标配",
        "quantity": 1,
        "unit_price": "199.00",
        "original_price": None,
        "pseudo": False,
        # The line's own 实付 (after the coupon), not the unit price and not a split we computed.
        "paid_amount": "184.00",
        "kind": "goods",
        "ship_within_hours": None,
        "declared_value": None,
        "components": [],
        "custom_made": None,
        "snapshot_url": "https://buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID=3100000000000040001&snapShot=true",
        "image_url": "https://img.alicdn.com/bao/uploaded/i3/O1CN01new600000040001.jpg_120x120.jpg",
        "ship_promise": None,
        "refund_text": None,
    }
    assert (second.sub_order_id, second.unit_price, second.quantity, second.paid_amount) == (
        "3100000000000040002",
        "25.00",
        2,
        "45.00",
    )
    # The corpus invariants hold on what was read: Σ单价×数量 + 优惠 = Σ实付, 实付款 = Σ实付 + 运费.
    goods = sum(Decimal(i.unit_price or 0) * i.quantity for i in order.items)
    lines = sum(Decimal(i.paid_amount or 0) for i in order.items)
    assert goods + sum(Decimal(d.amount) for d in order.discounts) == lines
    assert lines + Decimal(order.freight or 0) == Decimal(order.total_paid or 0)
    [parcel] = order.parcels
    assert (parcel.label, parcel.company, parcel.tracking_no) == ("包裹1", "示例快递", "SL4000000001")
    assert parcel.signed_at == t(2025, 10, 11, 9, 12, 0)
    assert [e.time for e in parcel.events] == [
        t(2025, 10, 11, 9, 12, 0),
        t(2025, 10, 10, 18, 40, 0),
        t(2025, 10, 9, 11, 2, 0),
    ]
    assert parcel.events[0].text == "您的包裹已签收，签收人：[已隐藏]。如有疑问请联系派件员 [电话已隐藏]"
    assert order.sources["order_id"] == "dom" and order.sources["links"] == "url"


def test_archive_detail():
    reading = read_fixture("archive_detail.html")
    [order] = reading.orders
    assert order.order_id == "3100000000000050000" and reading.warnings == []
    assert (order.status, order.status_text) == ("completed", "交易成功")
    assert order.shop.model_dump() == {"name": "示例老字号小店", "seller_nick": "示例老店", "url": None}
    assert order.created_at == t(2019, 6, 1, 12, 0, 0)
    assert order.paid_at == t(2019, 6, 1, 12, 1, 0)
    assert order.shipped_at == t(2019, 6, 2, 9, 0, 0)
    assert order.received_at == t(2019, 6, 5, 20, 0, 0)
    assert (order.total_paid, order.shipping_fee) == ("138.00", "10.00")
    [item] = order.items
    assert (item.sub_order_id, item.item_id, item.title, item.sku, item.quantity, item.unit_price) == (
        "3100000000000050000",
        "500000050001",
        "示例复古台灯 黄铜",
        "颜色：古铜",
        1,
        "128.00",
    )
    [parcel] = order.parcels
    assert (parcel.company, parcel.tracking_no) == ("示例快递", "SL5000000001")


def test_tmall_struck_price_marked_by_type():
    from tousu.reading.tmall_detail import _prices

    assert _prices([{"text": "￥139.00", "type": "label"}, {"text": "￥199.00", "type": "line-through"}]) == (
        "139.00",
        "199.00",
    )
    assert _prices([{"text": "￥9.90"}]) == ("9.90", None)


def test_taobao_detail_fee_rows_give_the_coupon_as_a_discount():
    # feeMess: 商品总价 48.20, 运费 8.00, 官方立减 -5.00 -> only the negative row is a discount.
    [order] = read_fixture("taobao_detail_multi_parcel.html").orders
    assert [(d.name, d.amount) for d in order.discounts] == [("官方立减", "-5.00")]


def test_tmall_detail_amount_rows_give_the_coupon_as_a_discount():
    [order] = read_fixture("tmall_detail.html").orders
    assert [(d.name, d.amount) for d in order.discounts] == [("官方立减", "-23.00")]
    assert (order.total_paid, order.freight) == ("360.80", "0.00")


def test_single_line_taobao_detail_has_no_invented_discount():
    [order] = read_fixture("taobao_detail.html").orders
    assert order.discounts == []  # 退货宝 ￥0.00 and 运费 are not discounts
