"""The Tmall order detail (§3.2): ``var detailData = {…}`` on one line, looked up by key."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, Response, request

from .. import context, links
from ..encoding import compact_json
from ..scenarios import TMALL_STATUS_TEXT, Order
from ..timeutil import epoch_ms, fmt
from . import detail_common as common
from .tm1_data import AUTO_CONFIRM, SERVICE_ICON_URLS, drop_path

bp = Blueprint("detail_tmall", __name__)


def _label(text: str) -> dict[str, str]:
    return {"type": "label", "text": text}


def _sub(order: Order, index: int) -> dict[str, Any]:
    item = order.spec.items[index]
    return {
        "itemInfo": {
            "title": item.title,
            "pic": item.pic or links.pic(item.item_id, order.spec.shop.seller_id),
            "auctionUrl": f"//detail.tmall.com/item.htm?id={item.item_id}",
            "snapUrl": f"//trade.taobao.com/trade/detail/tradeSnap.htm?tradeID={item.sub_id}",
            "skuText": [{"key": k, "content": [_label(v)]} for k, v in item.sku.items()],
            "extra": [{"name": "商家编码", "value": f"SJ-{item.item_id[-6:]}"}],
            "serviceIcons": [{"title": n, "url": SERVICE_ICON_URLS.get(n, "")} for n in item.service_icons],
        },
        "priceInfo": [_label(f"￥{item.unit_price}")]
        + ([{"type": "line-through", "text": f"￥{item.original_price}"}] if item.original_price else []),
        "quantity": str(item.quantity),
    }


def _status_info(order: Order, now: datetime, index: int) -> list[dict[str, Any]]:
    item = order.spec.items[index]
    text = item.refund.status_text if item.refund else common.TMALL_SUB_STATUS[order.spec.status]
    info: list[dict[str, Any]] = [_label(text)]
    if order.spec.status == "WAIT_BUYER_CONFIRM_GOODS" and order.shipped:
        info.append(
            {
                "type": "countdown",
                "serverTime": epoch_ms(now),
                "targetTime": epoch_ms(order.shipped + AUTO_CONFIRM),
            }
        )
    return info


def _orders(order: Order, now: datetime) -> dict[str, Any]:
    entries = []
    groups = (
        [(p, p.sub_ids) for p in order.parcels]
        if order.parcels
        else [(None, [i.sub_id for i in order.spec.items])]
    )
    for number, (parcel, sub_ids) in enumerate(groups, start=1):
        indexes = [i for i, item in enumerate(order.spec.items) if item.sub_id in sub_ids]
        entry: dict[str, Any] = {
            "status": [
                {
                    "statusInfo": _status_info(order, now, indexes[0]),
                    "subOrders": [_sub(order, i) for i in indexes],
                }
            ]
        }
        if parcel is not None:
            entry["logistic"] = {
                "content": [
                    {
                        "type": "logistic",
                        "text": f"包裹{number}",
                        "companyName": parcel.company,
                        "mailNo": parcel.tracking_no,
                        "url": (
                            "//detail.i56.taobao.com/call/query_trace_un_login.do?tradeId="
                            f"{order.id}&dimension=TRADE_ID&appName=TMALL_BUY&digest=mock"
                        ),
                    }
                ]
            }
        entries.append(entry)
    return {"id": int(order.id), "list": entries}


def _more(order: Order) -> dict[str, Any]:
    more = []
    if order.paid:
        more.append({"key": "支付宝交易号", "content": [{"text": common.alipay_no(order)}]})
    more.append({"key": "成交时间", "content": [{"text": fmt(order.created)}]})
    if order.paid:
        more.append({"key": "付款时间", "content": [{"text": fmt(order.paid)}]})
    if order.shipped:
        more.append({"key": "发货时间", "content": [{"text": fmt(order.shipped)}]})
    if order.completed:
        more.append({"key": "确认收货时间", "content": [{"text": fmt(order.completed)}]})
    return {"type": "more", "moreList": more}


def _operate(order: Order) -> list[dict[str, Any]]:
    oid = order.id
    status = order.spec.status
    ops: list[dict[str, Any]] = []
    if status == "WAIT_BUYER_CONFIRM_GOODS":
        ops.append(
            {"id": "CONFIRM_GOODS", "text": "确认收货", "action": "b1", "url": links.confirm_goods(oid, True)}
        )
        ops.append(
            {
                "id": "BUYER_DELAY_CONFIRM",
                "text": "延长收货时间",
                "action": "b5",
                "dataUrl": "//trade.tmall.com/order/buyer_delay_confirm_goods_time.htm?"
                f"biz_order_id={oid}&has_refund=false&is_neu=true",
            }
        )
    ops.append({"id": "ADD_BUYER_MEMO", "text": "备忘", "action": "b5"})
    if status == "TRADE_FINISHED":
        ops.append({"id": "applyInvoice", "text": "申请开票", "action": "b4", "url": links.invoice(oid)})
    ops.append({"id": "COMPLAIN", "text": "投诉商家", "action": "b4", "dataUrl": links.complaint(oid)})
    return ops


def detail_data(order: Order, now: datetime) -> dict[str, Any]:
    spec = order.spec
    header = TMALL_STATUS_TEXT[spec.status]
    count_rows = [
        {"content": [{"data": {"titleLink": {"text": fee.name}, "money": {"text": fee.value}}}]}
        for fee in common.fees(order)
    ]
    count_rows.append(
        {"content": [{"data": {"titleLink": {"text": "实付款"}, "money": {"text": f"￥{spec.total_paid}"}}}]}
    )
    wangwang = (
        f'<span class="J_WangWang" data-nick="{spec.shop.nick}" data-display="inline">'
        f'</span><a href="{links.shop(spec.shop.seller_id)}">{spec.shop.name}</a>'
    )
    steps = [
        ("拍下商品", order.created),
        ("付款到支付宝", order.paid),
        ("卖家发货", order.shipped),
        ("确认收货", order.completed),
        ("评价", None),
    ]
    prompt: list[dict[str, Any]] = []
    if order.parcels and spec.status == "WAIT_BUYER_CONFIRM_GOODS":
        parcel = order.parcels[0]
        prompt.append(
            {
                "key": "配送时间",
                "content": [
                    {"text": "已签收" if parcel.signed else "运输中"},
                    {"type": "logistic", "companyName": parcel.company, "mailNo": parcel.tracking_no},
                ],
            }
        )
    return {
        "ad": {},
        "amount": {"count": [count_rows], "promotion": []},
        "basic": {
            "lists": [
                {"key": "收货地址", "content": [_label(common.address_line(tmall=True))]},
                {"key": "买家留言", "content": [{"text": spec.buyer_message or "-"}]},
                {"key": "订单编号", "content": [_label(spec.id), _more(order)]},
                {"key": "商家", "content": [{"type": "html", "text": wangwang}]},
            ]
        },
        "bizCode": "ali.china.tmall",
        "orders": _orders(order, now),
        "other": {},
        "overStatus": {
            "status": {"content": [{"type": "html", "text": f"<h3>订单状态: {header}</h3>"}]},
            "operate": [{"content": _operate(order)}],
            "prompt": prompt,
        },
        "stepbar": {
            "current": sum(1 for _, at in steps if at is not None),
            "options": [{"content": text, **({"time": fmt(at)} if at else {})} for text, at in steps],
        },
        "top": {
            "hotline": "天猫客服热线：0000-0000000（示例）",
            "crumbs": [
                {"text": "我的淘宝", "url": "//i.taobao.com/myTaobao.htm"},
                {"text": "已买到的宝贝", "url": links.list_page()},
            ],
        },
        "traceId": f"0b{order.id[-10:]}tmall",
        "tradeStatus": spec.status,
    }


@bp.route("/trade.tmall.com/detail/orderDetail.htm")
def order_detail() -> Response:
    order_id = request.args.get("bizOrderId") or request.args.get("biz_order_id", "")
    order = context.shop().find_order(order_id)
    if order is None or not order.tmall:
        from .forms import _error_page

        return _error_page("订单不存在，或您无权查看该订单。", "订单详情")
    faults = context.faults()
    data = detail_data(order, context.shop().now())
    for path in faults.missing:
        drop_path(data, path)
    literal = compact_json(data).replace("</", "<\\/")
    return context.respond(
        "detail_tmall.html",
        "gbk",
        title="订单详情",
        literal=literal,
        late=faults.late,
        render_js=context.static_text("tmall_render.js"),
    )
