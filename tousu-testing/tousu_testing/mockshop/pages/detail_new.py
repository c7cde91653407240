"""The new (2025+) Taobao order detail (§3.3): DOM only, hashed ``name--hash`` classes, the shop's
Wangwang nick arriving ~800 ms after the rest (as on the real page)."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Response

from .. import context, links
from ..encoding import Classes
from ..scenarios import Order
from ..timeutil import fmt, fmt_promise
from . import detail_common as common
from .tm1_data import AUTO_CONFIRM

bp = Blueprint("detail_new", __name__)

BANNER = {
    "WAIT_BUYER_PAY": ("等待买家付款", "请尽快完成付款"),
    "WAIT_SELLER_SEND_GOODS": ("买家已付款", "等待卖家发货"),
    "SELLER_CONSIGNED_PART": ("部分发货", "卖家已发出部分商品"),
    "WAIT_BUYER_CONFIRM_GOODS": ("卖家已发货", "已发货"),
    "TRADE_FINISHED": ("交易成功", "交易已完成"),
    "TRADE_CLOSED": ("交易关闭", "订单已关闭"),
    "CREATE_CLOSED_OF_TAOBAO": ("交易关闭", "订单已关闭"),
}


def _item_operations(order: Order, sub_id: str) -> list[tuple[str, str]]:
    status = order.spec.status
    item = order.item(sub_id)
    if item is not None and item.refund is not None:
        return [("查看退款", links.refund_detail(sub_id))]
    if status in {"WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS"}:
        return [("退款", links.refund_apply(sub_id, False))]
    if status == "TRADE_FINISHED":
        return [("申请售后", links.after_sales(sub_id))]
    return []


def _header_operations(order: Order) -> list[tuple[str, str]]:
    oid = order.id
    ops: list[tuple[str, str]] = []
    if order.spec.status == "WAIT_BUYER_CONFIRM_GOODS":
        ops += [
            ("确认收货", links.confirm_goods(oid, False)),
            (
                "延长收货",
                f"//trade.taobao.com/trade/buyerDelayConfirmGoodsTime.htm?"
                f"biz_order_id={oid}&biz_type=200&has_refund=false",
            ),
        ]
    if order.parcels:
        ops.append(("查看物流", links.logistics_page(oid, order.spec.shop.seller_id)))
    ops.append(("投诉卖家", links.complaint(oid)))
    ops.append(("再买一单", links.item(order.spec.items[0].item_id, False)))
    return ops


def render_new_detail(order: Order) -> Response:
    faults = context.faults()
    now = context.shop().now()
    title, subtitle = BANNER[order.spec.status]
    if order.spec.status == "WAIT_BUYER_CONFIRM_GOODS" and order.shipped:
        left = max(order.shipped + AUTO_CONFIRM - now, timedelta())
        hours = int(left.total_seconds() // 3600)
        subtitle = f"已发货 还剩{hours // 24}天{hours % 24}时自动确认收货"
    info_rows = [("订单编号", order.id)]
    if order.paid:
        info_rows.append(("支付宝交易号", common.alipay_no(order)))
    info_rows += common.times(order)
    # The fee rows the real page lists above 实付款 (商品总价, 运费, 官方立减 when a coupon was used).
    info_rows += [(fee.name, fee.value) for fee in common.fees(order)]
    info_rows += [
        ("实付款", f"¥{order.spec.total_paid}"),
        ("支付方式", "支付宝"),
        ("订单备注", order.spec.buyer_message or "无"),
    ]
    parcels = [
        {
            "label": f"包裹{n}",
            "count": sum((order.item(s).quantity if order.item(s) else 0) for s in p.sub_ids),
            "company": p.company,
            "tracking_no": p.tracking_no,
            "events": [(at.strftime("%m-%d"), at.strftime("%H:%M"), text) for at, text in reversed(p.events)],
        }
        for n, p in enumerate(order.parcels, start=1)
    ]
    items = [
        {
            "spec": item,
            "url": links.item(item.item_id, False),
            "pic": item.pic or links.pic(item.item_id, order.spec.shop.seller_id),
            "sku": "；".join(f"{k}：{v}" for k, v in item.sku.items()),
            "promise": fmt_promise(order.ship_promises[item.sub_id])
            if item.sub_id in order.ship_promises
            else None,
            "ops": _item_operations(order, item.sub_id),
            "integer": item.unit_price.split(".")[0],
            "decimal": item.unit_price.split(".")[1],
            "snapshot": links.snapshot(item.sub_id),
            # The line's own 实付, only when the scenario states it (the mock computes no split).
            "paid": item.paid_amount.split(".") if item.paid_amount else None,
        }
        for item in order.spec.items
    ]
    return context.respond(
        "detail_new.html",
        title="订单详情",
        order=order,
        c=Classes(faults.build),
        banner_title=title,
        banner_subtitle=subtitle,
        info_rows=info_rows,
        parcels=parcels,
        items=items,
        header_ops=_header_operations(order),
        nick_delay=faults.late or 800,
        shop_url=links.shop(order.spec.shop.seller_id),
        wangwang=links.wangwang(order.spec.shop.nick),
        address=common.address_line(),
        fmt=fmt,
    )
