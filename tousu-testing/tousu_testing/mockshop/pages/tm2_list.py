"""The new bought-items list (tm2, §2.6 and §4.3).

The page is an empty shell; its script asks the mtop gateway for ``queryboughtlistV2`` (so an
extension that copies the page's own responses sees a real-looking one) and renders
``#shopOrderContainer_<id>`` blocks with ``name--hash`` classes, two orders first, the rest on
scroll, a 常买常逛 strip inside each container and a pager that re-renders in place.
"""

from __future__ import annotations

import json
import math
from typing import Any

from flask import Blueprint, Response, request

from .. import context, links
from ..encoding import Classes, json_response
from ..scenarios import Order
from ..timeutil import fmt, fmt_day
from .tm1_data import CLOSED, drop_path

bp = Blueprint("tm2_list", __name__)

PAGE_SIZE = 30
API = "mtop.taobao.order.queryboughtlistV2"
TM2_CLASS_NAMES = [
    "shopInfo",
    "shopInfoLeft",
    "shopInfoOrderTime",
    "shopInfoOrderId",
    "shopInfoIcon",
    "shopInfoNameContainer",
    "shopInfoName",
    "shopInfoWangwang",
    "shopInfoOrderDetail",
    "shopInfoRight",
    "shopInfoStatus",
    "shopInfoFlag",
    "itemInfo",
    "itemInfoColItem",
    "imageContainer",
    "image",
    "content",
    "title",
    "titleText",
    "titleSnapshot",
    "info",
    "operate",
    "itemInfoColPrice",
    "quantity",
    "refundStatus",
    "label",
    "labelTitle",
    "labelSubTitle",
    "payment",
    "mobileOrder",
    "operations",
    "extBlank",
    "extItems",
    "extItem",
    "pager",
    "guessLike",
    "guessItem",
    "empty",
]
DELIVER_TITLE = {"WAIT_SELLER_SEND_GOODS": "待发货", "WAIT_BUYER_PAY": "待付款"}


def _yuan(value: str) -> str:
    return f"￥{value}"


def _item_operations(order: Order, index: int) -> list[dict[str, str]]:
    item = order.spec.items[index]
    status = order.spec.status
    if item.pseudo:
        return []
    if item.refund is not None:
        return [{"text": "查看退款", "url": links.refund_detail(item.sub_id)}]
    if status in {"WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS"}:
        return [{"text": "退款", "url": links.refund_apply(item.sub_id, order.tmall)}]
    if status == "TRADE_FINISHED":
        return [
            {"text": "申请售后", "url": links.after_sales(item.sub_id)},
            {"text": "加入购物车", "url": links.item(item.item_id, order.tmall)},
        ]
    return []


def _order_operations(order: Order) -> list[dict[str, str]]:
    oid = order.id
    status = order.spec.status
    ops: list[dict[str, str]] = []
    if status == "WAIT_BUYER_PAY":
        ops.append(
            {
                "text": "立即付款",
                "url": f"//buyertrade.taobao.com/trade/pay.htm?bizOrderId={oid}",
                "style": "primary",
            }
        )
    if status in {"SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS"}:
        ops.append({"text": "确认收货", "url": links.confirm_goods(oid, order.tmall), "style": "primary"})
        ops.append(
            {
                "text": "延长收货",
                "url": f"//trade.taobao.com/trade/buyerDelayConfirmGoodsTime.htm?"
                f"biz_order_id={oid}&biz_type=200&has_refund=false",
            }
        )
    if order.parcels:
        ops.append({"text": "查看物流", "url": links.logistics_page(oid, order.spec.shop.seller_id)})
    if status == "TRADE_FINISHED":
        ops.append({"text": "申请开票", "url": links.invoice(oid)})
    if status != "WAIT_BUYER_PAY":
        ops.append({"text": "投诉商家" if order.tmall else "投诉卖家", "url": links.complaint(oid)})
    ops.append({"text": "再买一单", "url": links.item(order.spec.items[0].item_id, order.tmall)})
    return ops


def _label(order: Order) -> dict[str, str] | None:
    if not order.parcels or order.spec.status in CLOSED:
        return None
    parcel = order.parcels[-1]
    if parcel.signed is not None:
        return {"title": "已签收", "subTitle": "您的包裹已签收", "company": parcel.company}
    return {"title": "已发货", "subTitle": f"运输中 · {parcel.company}", "company": parcel.company}


def components(order: Order) -> dict[str, Any]:
    spec = order.spec
    oid = spec.id
    detail = (
        links.archive_detail(oid)
        if spec.archived
        else f"//trade.tmall.com/detail/orderDetail.htm?bizOrderId={oid}"
        if order.tmall
        else f"//trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id={oid}"
    )
    found: dict[str, Any] = {
        f"shopInfo_{oid}": {
            "tag": "shopInfo",
            "id": oid,
            "type": "biz",
            "fields": {
                "orderId": oid,
                "createTime": fmt(order.created),
                "createDay": fmt_day(order.created),
                "shopName": spec.shop.name,
                "sellerNick": spec.shop.nick,
                "shopUrl": links.shop(spec.shop.seller_id),
                "tradeTitle": order.status_text,
                "isTmall": order.tmall,
                "detailUrl": detail,
                "wangwangUrl": links.wangwang(spec.shop.nick),
            },
        },
    }
    for index, item in enumerate(spec.items):
        fields: dict[str, Any] = {
            "item": {
                "title": item.title,
                "itemId": item.item_id,
                "quantity": str(item.quantity),
                "priceInfo": {
                    "actualTotalFee": _yuan(item.unit_price),
                    **({"original": _yuan(item.original_price)} if item.original_price else {}),
                },
                "skuText": "；".join(f"{k}：{v}" for k, v in item.sku.items()),
                "pic": item.pic or links.pic(item.item_id, spec.shop.seller_id),
                "itemUrl": links.item(item.item_id, order.tmall) + f"&mi_id=mock{item.item_id}",
                "snapUrl": links.snapshot(item.sub_id),
                "serviceText": " ".join(item.service_icons),
            },
            "operations": _item_operations(order, index),
        }
        if item.refund is not None:
            fields["refundStatus"] = item.refund.status_text
        found[f"orderItemInfo_{oid}_{item.sub_id}"] = {"tag": "orderItemInfo", "fields": fields}
    found[f"orderPayment_{oid}"] = {
        "tag": "orderPayment",
        "fields": {
            "actualFee": {"prefix": "实付款", "value": _yuan(spec.total_paid)},
            "postFee": {"prefix": "含运费:", "value": _yuan(spec.postage)},
            "mobileOrder": spec.mobile_order,
        },
    }
    status_fields: dict[str, Any] = {"title": order.status_text}
    label = _label(order)
    if label:
        status_fields.update(label=label, mailNo=order.parcels[-1].tracking_no)
    found[f"orderStatus_{oid}"] = {"tag": "orderStatus", "fields": status_fields}
    if spec.status in DELIVER_TITLE:
        found[f"orderDeliverTime_{oid}"] = {
            "tag": "orderDeliverTime",
            "fields": {"title": DELIVER_TITLE[spec.status]},
        }
    found[f"operations_{oid}"] = {"tag": "operations", "fields": {"operations": _order_operations(order)}}
    return found


def payload(orders: list[Order], page: int, missing: list[str] | None = None) -> dict[str, Any]:
    total = len(orders)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = max(1, min(page, pages))
    window = orders[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    data: dict[str, Any] = {}
    for order in window:
        data.update(components(order))
    for path in missing or []:
        for value in data.values():
            drop_path(value, path)
    data["pagination"] = {
        "tag": "pagination",
        "fields": {"currentPage": page, "hasMore": page < pages, "pageSize": PAGE_SIZE, "totalNum": total},
    }
    return {
        "api": API,
        "v": "1.0",
        "ret": ["SUCCESS::调用成功"],
        "data": {
            "data": data,
            "hierarchy": {"root": "root", "structure": {"root": [o.id for o in window]}},
            "endpoint": {"mode": "pc", "page": "boughtList"},
        },
    }


def render_tm2() -> Response:
    faults = context.faults()
    cls = Classes(faults.build)
    config = {
        "late": faults.late,
        "scenario": context.selected_scenario() or "",
        "mockParams": {k: v for k, v in request.args.items() if k.startswith("tousu_")},
    }
    return context.respond(
        "tm2_list.html",
        title="已买到的宝贝",
        classes={name: cls(name) for name in TM2_CLASS_NAMES},
        config=config,
        render_js=context.static_text("tm2_render.js"),
    )


@bp.route("/<host>/h5/mtop.taobao.order.queryboughtlistv2/1.0/", methods=["GET", "POST"])
def mtop_list(host: str) -> Response:
    try:
        params = json.loads(request.values.get("data", "{}"))
    except json.JSONDecodeError:
        params = {}
    faults = context.faults()
    orders = [] if faults.fault == "empty" else context.shop().orders(context.selected_names())
    tab = params.get("tabCode", "all")
    wanted = {
        "waitPay": "WAIT_BUYER_PAY",
        "waitSend": "WAIT_SELLER_SEND_GOODS",
        "waitConfirm": "WAIT_BUYER_CONFIRM_GOODS",
        "waitRate": "TRADE_FINISHED",
    }.get(tab)
    if wanted:
        orders = [o for o in orders if o.spec.status == wanted]
    response = json_response(payload(orders, int(params.get("page", 1) or 1), faults.missing))
    origin = request.headers.get("Origin")
    if origin:
        # The page on buyertrade.taobao.com calls h5api.m.taobao.com: a credentialed CORS call.
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response
