"""The old list's embedded ``data`` object (§2.2–2.5): real field names, invented values.

Ids that the real server emits as bare numbers (``subOrders[].id``, ``extra.id``, seller and item
ids) are Python ints here, so ``json.dumps`` writes them bare too.
"""

from __future__ import annotations

import copy
import math
from datetime import datetime, timedelta
from typing import Any

from .. import links
from ..scenarios import Order
from ..timeutil import fmt, fmt_day, fmt_promise

PAGE_SIZE = 50
TMALL_BADGE = "//gtd.alicdn.com/tps/i2/TB1aJQKFVXXXXamXFXXEDhGGXXX-32-32.png"
SERVICE_ICON_URLS = {
    "七天退换": "//img.alicdn.com/tps/i3/T1Vyl6FCBlXXaSQP_X-16-16.png",
    "正品保证": "//img.alicdn.com/tps/i4/T1SyeXFpliXXaSQP_X-16-16.png",
    "如实描述": "//img.alicdn.com/tps/i1/T1RyeXFpliXXaSQP_X-16-16.png",
    "保障卡": "//img.alicdn.com/tps/i2/card.png",
    "价保": "//img.alicdn.com/tps/i2/jiabao.png",
}
SHIPPED = {"SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_FINISHED"}
CLOSED = {"TRADE_CLOSED", "CREATE_CLOSED_OF_TAOBAO"}
AUTO_CONFIRM = timedelta(days=10)


def countdown_text(order: Order, now: datetime) -> str | None:
    if order.shipped is None:
        return None
    left = order.shipped + AUTO_CONFIRM - now
    if left.total_seconds() <= 0:
        return None
    hours = int(left.total_seconds() // 3600)
    return f"还剩{hours // 24}天{hours % 24}时"


def _sub_operations(order: Order, item_index: int) -> list[dict[str, Any]]:
    item = order.spec.items[item_index]
    status = order.spec.status
    ops: list[dict[str, Any]] = []
    if item.refund is not None:
        ops.append(
            {"style": "t8", "text": "查看退款", "type": "operation", "url": links.refund_detail(item.sub_id)}
        )
    elif status == "WAIT_SELLER_SEND_GOODS":
        ops.append(
            {
                "style": "t0",
                "text": "退款",
                "type": "operation",
                "url": links.refund_apply(item.sub_id, order.tmall),
            }
        )
    elif status in {"SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS"}:
        ops.append(
            {
                "style": "t0",
                "text": "退款/退换货" if order.tmall else "退款/退货",
                "type": "operation",
                "url": links.refund_apply(item.sub_id, order.tmall),
            }
        )
    elif status == "TRADE_FINISHED":
        ops.append(
            {
                "action": "a3",
                "style": "t0",
                "text": "申请售后",
                "type": "operation",
                "dataUrl": links.after_sales(item.sub_id),
            }
        )
    if status != "WAIT_BUYER_PAY" and not item.pseudo:
        ops.append(
            {
                "action": "a3",
                "style": "t0",
                "type": "operation",
                "text": "投诉商家" if order.tmall else "投诉卖家",
                "dataUrl": links.complaint(order.id),
            }
        )
    return ops


def _sub_order(order: Order, index: int) -> dict[str, Any]:
    item = order.spec.items[index]
    seller = order.spec.shop.seller_id
    extra: list[dict[str, Any]] = []
    promise = order.ship_promises.get(item.sub_id)
    if promise is not None:
        extra.append({"name": "发货时间", "value": fmt_promise(promise), "visible": "SOLID"})
    if item.seller_promise:
        extra.append({"name": "卖家承诺", "value": item.seller_promise, "visible": "SOLID"})
    sku_id = int("5" + item.item_id[-12:].rjust(12, "0"))
    price: dict[str, Any] = {"realTotal": item.unit_price, "currency": "CNY", "currencySymbol": "￥"}
    if item.original_price:
        price["original"] = item.original_price
    return {
        "id": int(item.sub_id),
        "itemInfo": {
            "id": int(item.item_id),
            "title": item.title,
            "pic": item.pic or links.pic(item.item_id, seller),
            "itemUrl": links.item(item.item_id, order.tmall),
            "snapUrl": links.snapshot(item.sub_id),
            "pcH5SnapUrl": (
                "https://market.m.taobao.com/app/tp/snapshot-m/pages/entry/"
                f"index.html?bizOrderId={item.sub_id}"
            ),
            "snapshotUseH5": False,
            "skuId": sku_id,
            "skuText": [{"name": k, "value": v, "visible": "SOLID"} for k, v in item.sku.items()],
            "extra": extra,
            "serviceIcons": [
                {
                    "linkTitle": name,
                    "title": name,
                    "name": name,
                    "type": 3,
                    "url": SERVICE_ICON_URLS.get(name, "//img.alicdn.com/tps/i1/service.png"),
                    "linkUrl": "//pages.tmall.com/wow/seller/act/seven-day",
                }
                for name in item.service_icons
            ],
            "xtCurrent": False,
        },
        "priceInfo": price,
        "quantity": str(item.quantity),
        "operations": _sub_operations(order, index),
        "returnAddressVO": {"historyShow": False},
    }


def _status_operations(order: Order) -> list[dict[str, Any]]:
    oid = order.id
    ops: list[dict[str, Any]] = [
        {
            "id": "viewDetail",
            "style": "t0",
            "text": "订单详情",
            "type": "operation",
            "url": (
                links.archive_detail(oid) if order.spec.archived else links.detail_from_list(oid, order.tmall)
            ),
        },
    ]
    if order.spec.status in SHIPPED and order.parcels:
        logistic: dict[str, Any] = {
            "id": "viewLogistic",
            "action": "a4",
            "style": "t1",
            "text": "查看物流",
            "type": "operation",
            "url": links.logistics_page(oid, order.spec.shop.seller_id),
        }
        if order.spec.status != "TRADE_FINISHED":
            logistic["dataUrl"] = links.transit_step(oid)
        ops.append(logistic)
    ops.append(
        {
            "action": "a2",
            "style": "t7",
            "text": "",
            "type": "operation",
            "dataUrl": f"/trade/json/getMessage.htm?biz_order_id={oid}&user_type=1&archive=false",
        }
    )
    if order.spec.status == "TRADE_FINISHED":
        ops.append(
            {
                "style": "t0",
                "text": "对方已评",
                "type": "operation",
                "url": f"//rate.taobao.com/RateDetailBuyer.htm?parent_trade_id={oid}",
            }
        )
    return ops


def _trade_operations(
    order: Order, now: datetime, subs: list[dict[str, Any]], extra: dict[str, Any]
) -> list[dict[str, Any]]:
    oid = order.id
    status = order.spec.status
    ops: list[dict[str, Any]] = []
    if status == "WAIT_BUYER_PAY":
        ops.append(
            {
                "id": "pay",
                "style": "t3",
                "text": "立即付款",
                "type": "operation",
                "url": f"//buyertrade.taobao.com/trade/pay.htm?bizOrderId={oid}",
            }
        )
        ops.append(
            {"id": "cancelOrder", "style": "t0", "text": "取消订单", "type": "operation", "action": "a1"}
        )
    if status in {"SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS"}:
        text = countdown_text(order, now)
        if text:
            ops.append({"style": "t5", "text": text, "type": "operation"})
        ops.append(
            {
                "id": "confirmGood",
                "style": "t3",
                "text": "确认收货",
                "type": "operation",
                "url": links.confirm_goods(oid, order.tmall),
            }
        )
    if status == "WAIT_SELLER_SEND_GOODS":
        ops.append(
            {"id": "remindSend", "style": "t0", "text": "提醒卖家发货", "type": "operation", "action": "a6"}
        )
    if status == "TRADE_FINISHED":
        ops.append(
            {"id": "rateOrder", "style": "t0", "text": "评价", "type": "operation", "url": links.rate(oid)}
        )
        ops.append(
            {
                "id": "applyInvoice",
                "action": "b4",
                "style": "t0",
                "text": "申请开票",
                "type": "operation",
                "url": links.invoice(oid),
            }
        )
    ops.append(
        {
            "action": "a28",
            "style": "t0",
            "text": "再次购买",
            "type": "operation",
            "mtopParams": {"api": "mtop.trade.addBag.batch", "v": "3.1", "data": {"bizOrderId": oid}},
        }
    )
    for op in ops:
        if op.get("style") != "t5":
            op["orderData"] = copy.deepcopy(subs)
            op["orderExtra"] = copy.deepcopy(extra)
    return ops


def main_order(order: Order, now: datetime) -> dict[str, Any]:
    spec = order.spec
    oid = spec.id
    shop = spec.shop
    status = spec.status
    subs = [_sub_order(order, i) for i in range(len(spec.items))]
    order_info: dict[str, Any] = {
        "id": oid,
        "createDay": fmt_day(order.created),
        "createTime": fmt(order.created),
    }
    if order.tmall:
        order_info["b2C"] = True
    seller: dict[str, Any] = {
        "id": shop.seller_id,
        "nick": shop.nick,
        "shopName": shop.name,
        "shopUrl": links.shop(shop.seller_id),
        "wangwangType": "nonAlipay",
        "alertStyle": 0,
        "guestUser": False,
        "notShowSellerInfo": False,
        "opeanSearch": False,
        "shopDisable": False,
    }
    if order.tmall:
        seller["shopImg"] = TMALL_BADGE
    icons: list[dict[str, Any]] = []
    if spec.mobile_order:
        icons.append({"linkTitle": "手机订单", "type": 3, "url": "//img.alicdn.com/tps/i1/mobile.png"})
    extra: dict[str, Any] = {
        "tradeStatus": status,
        "id": int(oid),
        "bizType": 200,
        "currency": "CNY",
        "currencySymbol": "￥",
        "allowBuyAgain": True,
        "batch": status in {"WAIT_BUYER_CONFIRM_GOODS"},
        "batchConfirm": status == "WAIT_BUYER_CONFIRM_GOODS",
        "batchGroup": "",
        "batchGroupTips": "",
        "batchMaxCount": 20,
        "inHold": False,
        "isShowSellerService": True,
        "needDisplay": True,
        "visibility": True,
    }
    if status == "TRADE_FINISHED":
        extra["finish"] = True
    if status in CLOSED:
        extra["closed"] = True
    header_ops: list[dict[str, Any]] = [
        {
            "id": "flag",
            "style": "thead",
            "text": "编辑标记信息，仅自己可见",
            "type": "operation",
            "url": f"//trade.taobao.com/trade/memo/update_buy_memo.htm?bizOrderId={oid}"
            "&buyerId=1000000001&user_type=0&pageNum=1",
        }
    ]
    if status in CLOSED or status == "TRADE_FINISHED":
        header_ops.append(
            {
                "id": "delOrder",
                "action": "a7",
                "style": "thead",
                "text": "删除订单",
                "type": "operation",
                "dataUrl": "/trade/itemlist/asyncBought.htm?action=itemlist/"
                "RecyleAction&event_submit_do_delete=1&_input_charset="
                f"utf8&order_ids={oid}&isArchive=false",
            }
        )
    return {
        "id": oid,
        "orderInfo": order_info,
        "seller": seller,
        "statusInfo": {
            "text": order.status_text,
            "type": "t0",
            "url": links.status_url(oid, order.tmall),
            "operations": _status_operations(order),
        },
        "payInfo": {
            "actualFee": spec.total_paid,
            "currency": "CNY",
            "currencySymbol": "￥",
            "postFees": [{"prefix": "(含运费", "value": f"￥{spec.postage}", "suffix": ")"}],
            "icons": icons,
        },
        "extra": extra,
        "operations": header_ops,
        "tradeOperations": _trade_operations(order, now, subs, extra),
        "subOrders": subs,
        "presentOrder": False,
    }


def drop_path(obj: Any, dotted: str) -> None:
    """The "missing field" fault: remove e.g. ``payInfo.actualFee`` (``subOrders.*.quantity``)."""
    head, _, rest = dotted.partition(".")
    if head == "*" and isinstance(obj, list):
        for entry in obj:
            if rest:
                drop_path(entry, rest)
        return
    if not isinstance(obj, dict) or head not in obj:
        return
    if rest:
        drop_path(obj[head], rest)
    else:
        del obj[head]


TABS = [
    ("all", "所有订单", "/trade/itemlist/list_bought_items.htm", "t1"),
    ("waitPay", "待付款", "WAIT_BUYER_PAY", "t1"),
    ("waitSend", "待发货", "WAIT_SELLER_SEND_GOODS", "t1"),
    ("waitConfirm", "待收货", "WAIT_BUYER_CONFIRM_GOODS", "t1"),
    ("waitRate", "待评价", "TRADE_FINISHED", "t1"),
    ("stepPay", "分阶段", "", "t2"),
    ("recycle", "订单回收站", "/trade/itemlist/list_recyled_items.htm", "t3"),
]


def _tabs(orders: list[Order], selected: str) -> list[dict[str, Any]]:
    tabs = []
    for code, text, match, kind in TABS:
        if code in {"all", "recycle"}:
            herf = match
        else:
            herf = (
                "/trade/itemlist/list_bought_items.htm?action=itemlist/BoughtQueryAction"
                f"&event_submit_do_query=1&tabCode={code}"
            )
        tab: dict[str, Any] = {"code": code, "text": text, "herf": herf, "type": kind}
        if code not in {"all", "recycle", "stepPay"}:
            count = sum(1 for o in orders if o.spec.status == match)
            if count:
                tab["count"] = count
        if code == selected:
            tab["selected"] = True
        tabs.append(tab)
    return tabs


TAB_STATUS = {code: match for code, _, match, _ in TABS if code not in {"all", "recycle", "stepPay"}}


def root(
    orders: list[Order],
    now: datetime,
    page_num: int = 1,
    page_size: int = PAGE_SIZE,
    tab: str = "all",
    missing: list[str] | None = None,
) -> dict[str, Any]:
    """The whole ``data`` object for one page of the list (the embedded first page or asyncBought)."""
    shown = orders
    if tab in TAB_STATUS:
        shown = [o for o in orders if o.spec.status == TAB_STATUS[tab]]
    total = len(shown)
    total_pages = max(1, math.ceil(total / page_size))
    page_num = max(1, min(page_num, total_pages))
    window = shown[(page_num - 1) * page_size : page_num * page_size]
    mains = [main_order(o, now) for o in window]
    for path in missing or []:
        for entry in mains:
            drop_path(entry, path)
    return {
        "error": "",
        "extra": {
            "asyncRequestUrl": "//buyertrade.taobao.com/trade/itemlist/asyncBought.htm",
            "carttaskServerPath": "//cart.taobao.com",
            "followModulePath": "//g.alicdn.com/tp/bought/3.5.17/follow",
            "hasPageList": True,
            "i18n": "zh-CN",
            "mainBizOrderIds": "-".join(o.id for o in window),
            "rateGift": "{showRateGift:false,rateGiftUrl:null}",
            "showB2BMenu": False,
            "tbskipModulePath": "//g.alicdn.com/tp/bought/3.5.17/tbskip",
        },
        "mainOrders": mains,
        "page": {
            "currentPage": page_num,
            "pageSize": page_size,
            "totalNumber": total,
            "totalPage": total_pages,
            "prefetchCount": min(total, page_size * 3),
            "queryForTitle": False,
            "globalCodes": [],
        },
        "query": {
            "pageNum": page_num,
            "pageSize": page_size,
            "canGetHistoryCount": False,
            "historyCount": 0,
            "needQueryHistory": False,
            "onlineCount": total,
            "queryForV2": False,
            "unionSearchPageNum": 0,
            "unionSearchTotalNum": 0,
            "cartItemDOList": [],
            "extra": {},
        },
        "tabs": _tabs(orders, tab),
    }
