"""Facts every detail page shows in its own way: status words, times, fees, the invented address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ..scenarios import Order
from ..timeutil import fmt

# Invented recipient: the reader must drop these (reference §3.7); never a real person.
RECIPIENT = "张三"
PHONE = "13000000000"
ADDRESS = "某省 某市 某区 示例路1号"
POSTCODE = "000000"

DETAIL_STATUS = {
    "WAIT_BUYER_PAY": "当前订单状态：等待买家付款",
    "WAIT_SELLER_SEND_GOODS": "当前订单状态：买家已付款，等待卖家发货",
    "SELLER_CONSIGNED_PART": "当前订单状态：卖家部分发货，请查看页面下方物流信息了解宝贝寄送情况",
    "WAIT_BUYER_CONFIRM_GOODS": "当前订单状态：卖家已发货，请查看页面下方物流信息了解宝贝寄送情况",
    "TRADE_FINISHED": "当前订单状态：交易成功",
    "TRADE_CLOSED": "当前订单状态：交易关闭",
    "CREATE_CLOSED_OF_TAOBAO": "当前订单状态：交易关闭",
}
SUB_STATUS = {
    "WAIT_BUYER_PAY": "等待买家付款",
    "WAIT_SELLER_SEND_GOODS": "等待卖家发货",
    "SELLER_CONSIGNED_PART": "未确认收货",
    "WAIT_BUYER_CONFIRM_GOODS": "未确认收货",
    "TRADE_FINISHED": "交易成功",
    "TRADE_CLOSED": "交易关闭",
    "CREATE_CLOSED_OF_TAOBAO": "交易关闭",
}
TMALL_SUB_STATUS = {
    **SUB_STATUS,
    "WAIT_SELLER_SEND_GOODS": "待发货",
    "SELLER_CONSIGNED_PART": "待确认收货",
    "WAIT_BUYER_CONFIRM_GOODS": "待确认收货",
    "TRADE_CLOSED": "已取消",
}


def address_line(tmall: bool = False) -> str:
    if tmall:
        return f"{RECIPIENT}，86-{PHONE}，{ADDRESS}，{POSTCODE}"
    return f"{RECIPIENT}，86-{PHONE}，{ADDRESS} ，{POSTCODE}"


def alipay_no(order: Order) -> str:
    return f"{order.created:%Y%m%d}2200110000000{order.id[-12:]}"[:28]


@dataclass
class Fee:
    name: str
    value: str
    highlight: bool = False


def fees(order: Order) -> list[Fee]:
    spec = order.spec
    lines = [Fee("商品总价", f"￥{order.goods_total:.2f}"), Fee("运费", f"￥{spec.postage}")]
    if spec.discount:
        lines.append(Fee("官方立减", f"-￥{spec.discount}", True))
    return lines


def timeline(order: Order) -> list[tuple[str, datetime | None]]:
    """The four steps of the order bar, with the time each was reached (or None)."""
    return [
        ("拍下宝贝", order.created),
        ("付款到支付宝", order.paid),
        ("卖家发货", order.shipped),
        ("确认收货", order.completed),
    ]


def times(order: Order) -> list[tuple[str, str]]:
    """Label/value pairs of the order-info block, only for the steps that happened."""
    pairs = [("创建时间", fmt(order.created))]
    if order.paid:
        pairs.append(("付款时间", fmt(order.paid)))
    if order.shipped:
        pairs.append(("发货时间", fmt(order.shipped)))
    if order.completed:
        pairs.append(("成交时间", fmt(order.completed)))
    return pairs


def item_total(order: Order, index: int) -> Decimal:
    item = order.spec.items[index]
    return Decimal(item.unit_price) * item.quantity
