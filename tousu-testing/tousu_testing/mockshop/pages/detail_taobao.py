"""The old Taobao order detail (§3.1): GBK page, ``var data = JSON.parse('…')``, and the redirects
that lead to it (trade_item_detail -> trade_order_detail; Taobao URL of a Tmall order -> Tmall)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import Blueprint, Response, redirect, request

from .. import context, links
from ..encoding import json_parse_call
from ..scenarios import Order
from ..timeutil import epoch_ms, fmt, fmt_promise
from . import detail_common as common
from .tm1_data import AUTO_CONFIRM, SERVICE_ICON_URLS, drop_path

bp = Blueprint("detail_taobao", __name__)


def _text(value: str) -> dict[str, Any]:
    return {"type": "text", "value": value}


def _namevalue(name: str, value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        return {"type": "namevalue", "value": {"name": name, "value": value}}
    return {"type": "namevalue", "value": {"name": name, "value": value, "type": "text"}}


def _order_info(order: Order) -> dict[str, Any]:
    content = [_namevalue("订单编号:", [_text(order.id)])]
    if order.paid:
        content.append(_namevalue("支付宝交易号:", common.alipay_no(order)))
    content += [_namevalue(f"{label}:", value) for label, value in common.times(order)]
    return {"type": "group", "lines": [{"type": "line", "content": content}]}


def _sub_orders(order: Order) -> list[dict[str, Any]]:
    subs = []
    for item in order.spec.items:
        status = item.refund.status_text if item.refund else common.SUB_STATUS[order.spec.status]
        extra_lines = []
        promise = order.ship_promises.get(item.sub_id)
        if promise:
            extra_lines.append({"name": "发货时间：", "value": fmt_promise(promise), "highLight": False})
        if item.seller_promise:
            extra_lines.append({"name": "卖家承诺：", "value": item.seller_promise, "highLight": True})
        subs.append(
            {
                "id": int(item.sub_id),
                "idStr": item.sub_id,
                "priceInfo": f"￥{item.unit_price}",
                "quantity": str(item.quantity),
                "tradeStatus": [{"type": "line", "content": [_text(status)]}],
                "service": [],
                "extra": {
                    "payStatus": 2 if order.paid else 1,
                    "opWeiQuan": True,
                    "notSupportReturn": False,
                    "inRefund": bool(item.refund),
                },
                "itemInfo": {
                    "title": item.title,
                    "pic": (item.pic or links.pic(item.item_id, order.spec.shop.seller_id)).replace(
                        "_80x80.jpg", "_sum.jpg"
                    ),
                    "auctionUrl": f"//trade.taobao.com/trade/detail/tradeSnap.htm?trade_id={item.sub_id}",
                    "itemUrl": links.item(item.item_id, order.tmall),
                    "skuId": int("5" + item.item_id[-12:].rjust(12, "0")),
                    "skuText": [
                        {"type": "line", "content": [_namevalue(f"{k}：", v) for k, v in item.sku.items()]}
                    ]
                    if item.sku
                    else [],
                    "extra": extra_lines,
                    "serviceIcons": [
                        {
                            "title": name,
                            "url": SERVICE_ICON_URLS.get(name, "//img.alicdn.com/tps/i1/service.png"),
                            "type": 3,
                        }
                        for name in item.service_icons
                    ],
                },
            }
        )
    return subs


def _delivery(order: Order) -> dict[str, Any]:
    parcels = order.parcels
    info: dict[str, Any] = {
        "logisticsName": parcels[0].company if parcels else "—",
        "logisticsNum": parcels[0].tracking_no if parcels else "—",
        "shipType": "快递",
        "showLogistics": len(parcels) == 1,
        "asyncLogisticsUrl": (
            f"//detail.i56.taobao.com/call/queryTrace.do?dimension=TRADE_ID&tradeId={order.id}"
        ),
        "sellerNick": order.spec.shop.nick,
        "address": common.address_line(),
        "usePrivacytPhone": False,
        "privacytPhoneHasExpired": False,
        "showTSP": False,
        "tspInfo": {},
    }
    if parcels and parcels[0].signed is None and order.spec.status != "TRADE_FINISHED":
        info["arriveTime"] = "预计" + (parcels[0].shipped + timedelta(days=3)).strftime("%m月%d日") + "送达"
    return info


def _order_bar(order: Order) -> dict[str, Any]:
    nodes = []
    current = 0
    for index, (text, at) in enumerate(common.timeline(order), start=1):
        node: dict[str, Any] = {"index": index, "text": text}
        if at is not None:
            node["date"] = fmt(at)
            current = index
        nodes.append(node)
    return {"nodes": nodes, "currentIndex": current, "currentStepIndex": current}


def _operations_guide(order: Order, now: datetime) -> list[dict[str, Any]]:
    oid = order.id
    status = order.spec.status
    lines: list[dict[str, Any]] = []
    if status == "WAIT_BUYER_CONFIRM_GOODS" and order.shipped:
        left = max(order.shipped + AUTO_CONFIRM - now, timedelta())
        seconds = int(left.total_seconds())
        lines.append(
            {
                "type": "line",
                "content": [
                    _text("您还有"),
                    {
                        "type": "countdown",
                        "value": {
                            "day": seconds // 86400,
                            "hour": seconds % 86400 // 3600,
                            "minute": seconds % 3600 // 60,
                            "second": seconds % 60,
                            "countDown": seconds * 1000,
                        },
                    },
                    _text("来确认收货，超时订单自动确认收货"),
                ],
            }
        )
        ops = [
            ("确认收货", f"//trade.taobao.com/trade/confirmGoods.htm?bizOrderId={oid}"),
            (
                "延长收货时间",
                f"//trade.taobao.com/trade/buyerDelayConfirmGoodsTime.htm?"
                f"biz_order_id={oid}&biz_type=200&has_refund=false",
            ),
            ("申请退款", f"//refund2.taobao.com/dispute/applyRouter.htm?bizOrderId={oid}"),
        ]
    elif status == "WAIT_SELLER_SEND_GOODS":
        lines.append({"type": "line", "content": [_text("卖家正在备货，请耐心等待")]})
        ops = [
            ("申请退款", f"//refund2.taobao.com/dispute/applyRouter.htm?bizOrderId={oid}"),
            ("提醒卖家发货", ""),
        ]
    elif status == "TRADE_FINISHED":
        lines.append({"type": "line", "content": [_text("交易已成功，如有问题可申请售后")]})
        ops = [("申请售后", links.after_sales(order.spec.items[0].sub_id)), ("评价", links.rate(oid))]
    else:
        ops = []
    ops.append(("投诉卖家", links.complaint(oid)))
    lines.append(
        {
            "type": "line",
            "content": [
                {"type": "operation", "value": {"text": text, **({"url": url} if url else {})}}
                for text, url in ops
            ],
        }
    )
    return [{"type": "group", "lines": lines}]


def detail_data(order: Order, now: datetime) -> dict[str, Any]:
    spec = order.spec
    fee_lines = [
        {"name": f.name, "value": f.value, "visible": "SOLID", **({"highLight": True} if f.highlight else {})}
        for f in common.fees(order)
    ]
    data: dict[str, Any] = {
        "traceId": f"0b{order.id[-10:]}mock",
        "deliveryInfo": _delivery(order),
        "mainOrder": {
            "id": spec.id,
            "tradeStatus": spec.status,
            "bizCode": "ali.china.taobao",
            "columns": ["宝贝", "宝贝属性", "状态", "服务", "数量/单价"],
            "statusInfo": {
                "text": common.DETAIL_STATUS[spec.status]
                + (f"，{spec.close_reason}" if spec.close_reason else ""),
                "type": "t0",
            },
            "seller": {
                "id": spec.shop.seller_id,
                "nick": spec.shop.nick,
                "shopName": spec.shop.name,
                "shopUrl": links.shop(spec.shop.seller_id),
                "mail": "s***",
                "phoneNum": "0xxx-****xxxx-",
                "alipayAccount": "s***",
            },
            "orderInfo": _order_info(order),
            "payInfo": {
                "feeMess": fee_lines,
                "actualFee": {
                    "name": "实付款",
                    "value": f"￥{spec.total_paid}",
                    "visible": "SOLID",
                    "highLight": True,
                },
                "cod": False,
                "showPayDetail": True,
                "sendPromotions": [],
                "fullPromotion": {},
            },
            "subOrders": _sub_orders(order),
            "extra": {"id": int(spec.id), "tradeStatus": spec.status},
            "wirelessOrderInfo": {"mobileOrder": spec.mobile_order},
            "presentOrder": False,
        },
        "orderBar": _order_bar(order),
        "crumbs": [
            {"text": "我的淘宝", "url": "//i.taobao.com/myTaobao.htm"},
            {
                "text": "已买到的宝贝",
                "url": f"//trade.taobao.com/trade/itemlist/listBoughtItems.htm?nekot={epoch_ms(now)}",
            },
            {"text": "交易详情"},
        ],
        "operationsGuide": _operations_guide(order, now),
        "customService": {"text": "联系客服", "url": links.wangwang(spec.shop.nick)},
        "detailExtra": {
            "b2c": False,
            "inRefund": any(i.refund for i in spec.items),
            "refundByTb": False,
            "tradeEnd": spec.status in {"TRADE_FINISHED", "TRADE_CLOSED", "CREATE_CLOSED_OF_TAOBAO"},
            "success": spec.status == "TRADE_FINISHED",
            "sellerMemoInfo": {"flagPic": "", "flagId": 0},
        },
    }
    if spec.buyer_message:
        data["buyMessage"] = spec.buyer_message
    if len(order.parcels) > 1:
        data["packageInfos"] = {
            "list": [
                {
                    "companyName": parcel.company,
                    "invoiceNo": parcel.tracking_no,
                    "consignTime": fmt(parcel.shipped),
                    "details": [
                        {
                            "title": (order.item(sub) or spec.items[0]).title,
                            "snapUrl": f"//trade.taobao.com/trade/detail/tradeSnap.htm?trade_id={sub}",
                        }
                        for sub in parcel.sub_ids
                    ],
                }
                for parcel in order.parcels
            ]
        }
    return data


def _find(order_id: str) -> Order | None:
    return context.shop().find_order(order_id)


@bp.route("/buyertrade.taobao.com/trade/detail/trade_item_detail.htm")
@bp.route("/trade.taobao.com/trade/detail/trade_item_detail.htm")
def item_detail_redirect() -> Response:
    """The list's link; the real site redirects it to trade_order_detail (or to Tmall)."""
    order_id = request.args.get("bizOrderId") or request.args.get("biz_order_id", "")
    order = _find(order_id)
    if order is not None and order.tmall:
        return redirect(
            context.cross_host(
                f"//trade.tmall.com/detail/orderDetail.htm?biz_order_id={order_id}&forward_action="
            )
        )
    if order is not None and order.detail_page == "archive":
        return redirect(context.cross_host(links.archive_detail(order_id)))
    suffix = "&route_to=tm1" if request.args.get("route_to") == "tm1" else ""
    return redirect(context.cross_host(f"{links.taobao_detail(order_id)}{suffix}"))


@bp.route("/trade.taobao.com/trade/detail/trade_order_detail.htm")
def order_detail() -> Response:
    order_id = request.args.get("biz_order_id") or request.args.get("bizOrderId", "")
    order = _find(order_id)
    if order is None:
        from .forms import _error_page

        return _error_page("订单不存在，或您无权查看该订单。", "交易详情")
    if order.tmall:
        return redirect(
            context.cross_host(
                f"//trade.tmall.com/detail/orderDetail.htm?biz_order_id={order_id}&forward_action="
            )
        )
    route_to = request.args.get("route_to")
    use_new = route_to == "tm2" or (order.detail_page == "taobao_new" and route_to != "tm1")
    if use_new:
        from .detail_new import render_new_detail

        return render_new_detail(order)
    faults = context.faults()
    data = detail_data(order, context.shop().now())
    for path in faults.missing:
        drop_path(data, path)
    return context.respond(
        "detail_taobao.html",
        "gbk",
        title="交易详情",
        data_call=json_parse_call(data),
        late=faults.late,
        render_js=context.static_text("detail_render.js"),
    )
