"""The old bought-items list ("tm1"): `var data = JSON.parse('…')` holding `mainOrders`."""

from __future__ import annotations

import re
from typing import Any

from tousu.models import Order, ReadingWarning

from .build import FieldBag, make_order
from .common import (
    abs_url,
    as_dict,
    as_id,
    as_int,
    as_list,
    clean,
    image_url,
    is_pseudo_title,
    parse_money,
    parse_time,
    status_from,
    url_id,
    warning,
)
from .embedded import parse_json_parse

MARKER = "mainOrders"

# Item-level texts that report a refund's state (shown in Item.refund_text), as opposed to the
# buttons that start one ("退款/退货", "申请售后").
_REFUND_STATE = re.compile(
    r"查看退款|退款中|退款成功|退款关闭|已退款|退货退款|仅退款|售后中|售后成功|退款完成"
    r"|待商家处理|待买家退货"
)

# Orders the browser has actually rendered: the React tree keys every order by its id.
# Only 16-20 digit values: item and seller ids (12-13 digits) also sit in data-id attributes.
_RENDERED_ID = re.compile(r"\$order-(\d{16,20})\b|data-id=[\"'](\d{16,20})[\"']")


def looks_like(html: str) -> bool:
    return MARKER in html and "JSON.parse" in html


def read(html: str, url: str, warnings: list[ReadingWarning]) -> tuple[list[Order], dict[str, Any] | None]:
    """Orders of the embedded first page, and the root object (None if there was none)."""
    data, problem = parse_json_parse(html, "data")
    if not isinstance(data, dict) or not isinstance(data.get("mainOrders"), list):
        if (
            problem == "invalid"
            or (data is not None and problem is None)
            or (problem == "missing" and looks_like(html))
        ):
            warnings.append(
                warning(
                    "embedded_data_unreadable",
                    "页面里的订单数据不完整或格式不对，没能读出。请刷新页面后再试。",
                )
            )
        return [], None
    orders = _only_rendered(read_root(data, url, warnings), html, warnings)
    page = data.get("page")
    total_pages = as_int(page.get("totalPage"), 1) if isinstance(page, dict) else 1
    if orders and (total_pages or 1) > 1:
        warnings.append(
            warning(
                "more_pages",
                f"只读取了第一页的订单（共 {total_pages} 页）。其他订单请打开它的订单详情页再读取。",
            )
        )
    return orders, data


def read_root(data: dict[str, Any], url: str, warnings: list[ReadingWarning]) -> list[Order]:
    """Orders of a list root object (the embedded page data or an asyncBought.htm answer)."""
    orders: list[Order] = []
    for raw in as_list(data.get("mainOrders")):
        if not isinstance(raw, dict):
            continue
        order = make_order(_order_fields(raw, url), warnings)
        if order is not None:
            orders.append(order)
        else:
            warnings.append(warning("order_unreadable", "有一个订单没能读出，已略过。"))
    return orders


def _only_rendered(orders: list[Order], html: str, warnings: list[ReadingWarning]) -> list[Order]:
    """The embedded data is always the default first page; after paging or a search the
    rendered list shows other orders. Keep what the shopper sees, and say so."""
    if "$order-" not in html and "data-id=" not in html:
        return orders  # server HTML, or a snapshot taken before the list rendered
    rendered = {a or b for a, b in _RENDERED_ID.findall(html)}
    if not rendered:
        return orders
    embedded = {order.order_id for order in orders}
    if rendered <= embedded:
        return [order for order in orders if order.order_id in rendered] or orders
    warnings.append(
        warning(
            "list_paged",
            "列表已翻页或筛选，页面内嵌的数据只有默认第一页。请打开具体订单的详情页再读取，"
            "或回到第一页刷新。",
        )
    )
    return [order for order in orders if order.order_id in rendered]


def _order_fields(raw: dict[str, Any], base: str) -> dict[str, Any]:
    info = as_dict(raw.get("orderInfo"))
    seller = as_dict(raw.get("seller"))
    status_info = as_dict(raw.get("statusInfo"))
    pay = as_dict(raw.get("payInfo"))
    extra = as_dict(raw.get("extra"))
    fields = FieldBag("embedded")
    put = fields.put

    put("order_id", as_id(raw.get("id")) or as_id(info.get("id")) or as_id(extra.get("id")))

    links: dict[str, str] = {}
    for op in as_list(status_info.get("operations")):
        op = as_dict(op)
        text = op.get("text") or ""
        if op.get("id") == "viewDetail" or text == "订单详情":
            _first(links, "detail", _op_target(op, base))
        elif op.get("id") == "viewLogistic" or text == "查看物流":
            _first(links, "logistics", _op_target(op, base))
    _first(links, "detail", abs_url(status_info.get("url"), base))

    items: list[dict[str, Any]] = []
    for sub in as_list(raw.get("subOrders")):
        item, item_links = _item(as_dict(sub), base)
        if item is not None:
            items.append(item)
        for key, value in item_links.items():
            _first(links, key, value)
    for op in as_list(raw.get("tradeOperations")):
        op = as_dict(op)
        if op.get("id") == "confirmGood" or op.get("text") == "确认收货":
            target = abs_url(op.get("url"), base) or abs_url(op.get("dataUrl"), base)
            _first(links, "confirm_receipt", target)

    tmall = info.get("b2C") is True or "tmall.com" in (links.get("detail") or "")
    put("platform", "tmall" if tmall else "taobao", "embedded" if "b2C" in info else "derived")
    shop = {
        "name": clean(seller.get("shopName")),
        "seller_nick": clean(seller.get("nick")),
        "url": abs_url(seller.get("shopUrl"), base),
    }
    put("shop", {k: v for k, v in shop.items() if v} or None)
    status_text = clean(status_info.get("text"))
    status = status_from(extra.get("tradeStatus"), status_text)
    if status in ("shipped", "awaiting_shipment") and any(
        "退款中" in (item.get("refund_text") or "") or "售后中" in (item.get("refund_text") or "")
        for item in items
    ):
        status = "refunding"
    put("status", status)
    put("status_text", status_text)
    put("created_at", parse_time(info.get("createTime")) or parse_time(info.get("createDay")))
    put("total_paid", parse_money(pay.get("actualFee")))
    for fee in as_list(pay.get("postFees")):
        fee = as_dict(fee)
        if "运费" in (fee.get("prefix") or "") or "运费" in (fee.get("suffix") or ""):
            put("shipping_fee", parse_money(fee.get("value")))
            break
    put("items", items)
    put("links", links or None)
    return fields.fields()


def _item(sub: dict[str, Any], base: str) -> tuple[dict[str, Any] | None, dict[str, str]]:
    info = as_dict(sub.get("itemInfo"))
    price = as_dict(sub.get("priceInfo"))
    title = clean(info.get("title"))
    links: dict[str, str] = {}
    refund_texts: list[str] = []
    sub_id = as_id(sub.get("id"))
    for op in as_list(sub.get("operations")):
        op = as_dict(op)
        text = clean(op.get("text")) or ""
        url = abs_url(op.get("url"), base)
        data_url = abs_url(op.get("dataUrl"), base)
        target = url or data_url
        if text.startswith("投诉"):
            _first(links, "complaint", data_url or url)
        elif text == "申请售后" or "taobaoAfterDisputeRedirect" in (target or ""):
            _first(links, "after_sales", data_url or url)
        elif _REFUND_STATE.search(text):
            _first(links, "refund_detail", target)
            refund_texts.append(text)
        elif text.startswith("退款") or text in ("申请退款", "退换货") or "applyRouter" in (target or ""):
            _first(links, "refund", target)
        sub_id = sub_id or url_id(target, "bizOrderId", "tradeId", "biz_order_id")
    if title is None:
        return None, links
    snapshot = abs_url(info.get("snapUrl"), base) or abs_url(info.get("pcH5SnapUrl"), base)
    sub_id = sub_id or url_id(snapshot, "tradeID", "trade_id")
    item: dict[str, Any] = {
        "sub_order_id": sub_id,
        "item_id": as_id(info.get("id")) or url_id(info.get("itemUrl"), "id"),
        "title": title,
        "sku": sku_text(info.get("skuText")),
        "quantity": as_int(sub.get("quantity"), 1),
        "unit_price": parse_money(price.get("realTotal")),
        "original_price": parse_money(price.get("original")),
        "pseudo": is_pseudo_title(title),
        "snapshot_url": snapshot,
        "image_url": image_url(info.get("pic"), base),
        "ship_promise": _ship_promise(info.get("extra")),
        "refund_text": "；".join(refund_texts) or None,
    }
    return {k: v for k, v in item.items() if v is not None}, links


def sku_text(value: Any) -> str | None:
    """ "颜色分类：黑色；尺码：M" from the list's [{name, value}] (or an already-joined string)."""
    if isinstance(value, str):
        return clean(value)
    parts: list[str] = []
    for entry in as_list(value):
        entry = as_dict(entry)
        name = clean(entry.get("name"))
        text = clean(entry.get("value"))
        if text is None:
            continue
        parts.append(f"{name.rstrip(':：')}：{text}" if name else text)
    return "；".join(parts) or None


def _ship_promise(extra: Any) -> str | None:
    for entry in as_list(extra):
        entry = as_dict(entry)
        if "发货" in (entry.get("name") or ""):
            return clean(entry.get("value"))
    return None


def _op_target(op: dict[str, Any], base: str) -> str | None:
    return abs_url(op.get("url"), base) or abs_url(op.get("dataUrl"), base)


def _first(links: dict[str, str], key: str, value: str | None) -> None:
    if value and key not in links:
        links[key] = value
