"""The Tmall order detail (`trade.tmall.com/detail/orderDetail.htm`): `var detailData = {…}`.

`basic.lists` entries are found by their `key`: their order shifts between order types (天猫超市
puts them elsewhere), so an index is never trusted. Sub-order ids exist only in `snapUrl`'s
tradeID. The 收货地址 entry (name, phone, address) is never read.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from helper.models import Order, ReadingWarning

from .build import make_order
from .common import (
    abs_url,
    as_id,
    as_int,
    clean,
    is_pseudo_title,
    parse_money,
    parse_time,
    status_from,
    strip_tags,
    url_id,
    warning,
)
from .embedded import find_object_literal
from .taobao_detail import short_status

_MORE_TIMES = {
    # On Tmall 成交时间 is when the order was placed (there is no 创建时间 line).
    "成交时间": "created_at",
    "创建时间": "created_at",
    "付款时间": "paid_at",
    "发货时间": "shipped_at",
    "确认收货时间": "received_at",
}
_STEP_TIMES = {
    "拍下商品": "created_at",
    "拍下宝贝": "created_at",
    "付款到支付宝": "paid_at",
    "卖家发货": "shipped_at",
    "商家发货": "shipped_at",
    "确认收货": "received_at",
}
_NICK = re.compile(r"data-nick=[\"']([^\"']+)[\"']")
_REFUND_STATE = re.compile(r"退款中|退款成功|退款关闭|已退款|退货退款|仅退款|售后中|售后成功")
_PLACEHOLDER = {"", "—", "-", "--", "无"}


def read(html: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    found = find_object_literal(html, "detailData")
    if found is None or not isinstance(found[0], dict):
        if "detailData" in html:
            warnings.append(warning(
                "embedded_data_unreadable",
                "页面里的订单数据不完整或格式不对，没能读出。请刷新页面后再试。",
            ))
        return []
    order = make_order(_order_fields(found[0], url), warnings)
    if order is None:
        return []
    wanted = url_id(url, "bizOrderId", "biz_order_id")
    if wanted and wanted != order.order_id:
        warnings.append(warning(
            "order_id_mismatch",
            "页面上的订单号和地址栏里的不一致，请确认打开的是要投诉的订单。",
            order_id=order.order_id,
        ))
    return [order]


def _order_fields(data: dict[str, Any], base: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def put(name: str, value: Any, source: str = "embedded") -> None:
        if value is not None and value != {} and value != [] and name not in fields:
            fields[name] = value
            sources[name] = source

    lists = {
        clean(entry.get("key")): entry
        for entry in _list(_dict(data.get("basic")).get("lists"))
        if isinstance(entry, dict) and clean(entry.get("key"))
    }
    id_entry = _dict(lists.get("订单编号"))
    id_content = _list(id_entry.get("content"))
    put("order_id", as_id(_dict(id_content[0]).get("text")) if id_content else None)
    put("order_id", as_id(_dict(data.get("orders")).get("id")))
    for part in id_content[1:]:
        for more in _list(_dict(part).get("moreList")):
            more = _dict(more)
            field = _MORE_TIMES.get(clean(more.get("key")) or "")
            if field:
                put(field, parse_time(_first_text(more.get("content"))))
    for step in _list(_dict(data.get("stepbar")).get("options")):
        step = _dict(step)
        field = _STEP_TIMES.get(clean(step.get("content")) or "")
        if field:
            put(field, parse_time(step.get("time")))

    put("platform", "tmall", "url" if "tmall.com" in base else "derived")
    shop_entry = _dict(lists.get("商家") or lists.get("店铺"))
    shop_html = " ".join(
        str(_dict(part).get("text") or "") for part in _list(shop_entry.get("content"))
    )
    nick = _NICK.search(shop_html)
    shop = {
        "name": clean(strip_tags(_anchor_text(shop_html) or shop_html)),
        "seller_nick": clean(nick.group(1)) if nick else None,
        "url": abs_url(_href(shop_html), base),
    }
    put("shop", {k: v for k, v in shop.items() if v} or None)

    over = _dict(data.get("overStatus"))
    header = _first_text(_dict(over.get("status")).get("content"))
    status_text = short_status(strip_tags(header or "")) if header else None
    put("status", status_from(data.get("tradeStatus"), status_text))
    put("status_text", status_text)

    for row in _amount_rows(data.get("amount")):
        title, money = row
        if title.startswith("实付款"):
            put("total_paid", parse_money(money))
        elif title.startswith("运费"):
            put("shipping_fee", parse_money(money))

    links: dict[str, str] = {}
    if base.startswith("http"):
        links["detail"] = base
    for operate in _list(over.get("operate")):
        for op in _list(_dict(operate).get("content")):
            op = _dict(op)
            target = abs_url(op.get("url"), base) or abs_url(op.get("dataUrl"), base)
            if not target:
                continue
            if op.get("id") == "CONFIRM_GOODS" or clean(op.get("text")) == "确认收货":
                links.setdefault("confirm_receipt", target)

    items: list[dict[str, Any]] = []
    parcels: list[dict[str, Any]] = []
    for index, entry in enumerate(_list(_dict(data.get("orders")).get("list")), start=1):
        entry = _dict(entry)
        parcel_subs: list[str] = []
        for status in _list(entry.get("status")):
            status = _dict(status)
            sub_status = " ".join(
                clean(_dict(s).get("text")) or "" for s in _list(status.get("statusInfo"))
            ).strip()
            for sub in _list(status.get("subOrders")):
                item = _item(_dict(sub), base, sub_status, links)
                if item is not None:
                    items.append(item)
                    if item.get("sub_order_id"):
                        parcel_subs.append(item["sub_order_id"])
        for logistic in _list(_dict(entry.get("logistic")).get("content")):
            logistic = _dict(logistic)
            company = _real(logistic.get("companyName"))
            number = _real(logistic.get("mailNo"))
            if company or number:
                parcels.append({k: v for k, v in {
                    "label": clean(logistic.get("text")) or f"包裹{index}",
                    "company": company,
                    "tracking_no": number,
                    "sub_order_ids": parcel_subs,
                }.items() if v})
    put("items", items)
    put("parcels", parcels)
    put("links", {k: v for k, v in links.items() if v} or None)
    if fields.get("status") in ("shipped", "awaiting_shipment") and any(
        "退款中" in (item.get("refund_text") or "") for item in items
    ):
        fields["status"] = "refunding"
    fields["sources"] = sources
    return fields


def _item(sub: dict[str, Any], base: str, sub_status: str,
          links: dict[str, str]) -> dict[str, Any] | None:
    info = _dict(sub.get("itemInfo"))
    title = clean(info.get("title"))
    if not title:
        return None
    snapshot = abs_url(info.get("snapUrl"), base) or abs_url(info.get("itemUrl"), base)
    if snapshot and "tradeSnap" not in snapshot:
        snapshot = None
    item_url = abs_url(info.get("auctionUrl"), base)
    sku_parts = []
    for entry in _list(info.get("skuText")):
        entry = _dict(entry)
        key = (clean(entry.get("key")) or "").rstrip(":：")
        value = _first_text(entry.get("content"))
        if value:
            sku_parts.append(f"{key}：{value}" if key else value)
    unit_price, original = _prices(sub.get("priceInfo"))
    for op in _list(sub.get("operations")) + _list(info.get("operations")):
        op = _dict(op)
        text = clean(op.get("text")) or ""
        target = abs_url(op.get("url"), base) or abs_url(op.get("dataUrl"), base)
        if target and text.startswith("投诉"):
            links.setdefault("complaint", target)
        elif target and ("售后" in text or "AfterDispute" in target):
            links.setdefault("after_sales", target)
        elif target and "查看退款" in text:
            links.setdefault("refund_detail", target)
        elif target and (text.startswith("退款") or "applyRouter" in target):
            links.setdefault("refund", target)
    refund = _REFUND_STATE.search(sub_status or "")
    item = {
        "sub_order_id": url_id(snapshot, "tradeID", "trade_id"),
        "item_id": url_id(item_url, "id"),
        "title": title,
        "sku": "；".join(sku_parts) or None,
        "quantity": as_int(sub.get("quantity"), 1),
        "unit_price": unit_price,
        "original_price": original,
        "pseudo": is_pseudo_title(title),
        "snapshot_url": snapshot,
        "image_url": abs_url(info.get("pic"), base),
        "refund_text": clean(sub_status) if refund else None,
    }
    return {k: v for k, v in item.items() if v is not None}


def _prices(entries: Any) -> tuple[str | None, str | None]:
    """(paid unit price, struck-through original) from priceInfo labels.

    A `line-through`/strike type marks the original; without one, the larger of two amounts
    is the original (a discount never raises the price).
    """
    paid: list[str] = []
    struck: list[str] = []
    for entry in _list(entries) if isinstance(entries, list) else [{"text": entries}]:
        entry = _dict(entry)
        amount = parse_money(entry.get("text"))
        if amount is None:
            continue
        kind = str(entry.get("type") or "") + str(entry.get("style") or "")
        (struck if re.search(r"line-through|strike|del|origin", kind) else paid).append(amount)
    if not struck and len(paid) > 1:
        ordered = sorted(paid[:2], key=Decimal)
        paid, struck = [ordered[0]], [ordered[1]] if ordered[1] != ordered[0] else []
    return (paid[0] if paid else None), (struck[0] if struck else None)


def _amount_rows(amount: Any) -> list[tuple[str, str]]:
    """(title, money) pairs from amount.count: a list of row groups of {content:[{data}]}."""
    rows: list[tuple[str, str]] = []
    stack = [_dict(amount).get("count")]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(reversed(current))
        elif isinstance(current, dict):
            data = current.get("data")
            if isinstance(data, dict) and "titleLink" in data:
                title = clean(_dict(data.get("titleLink")).get("text")) or ""
                money = clean(_dict(data.get("money")).get("text")) or ""
                rows.append((title, money))
            else:
                stack.extend(reversed([v for v in current.values() if isinstance(v, dict | list)]))
    return rows


def _first_text(content: Any) -> str | None:
    for part in _list(content):
        text = clean(_dict(part).get("text"))
        if text:
            return text
    return None


def _anchor_text(fragment: str) -> str | None:
    # The entry also holds the Wangwang button ("和我联系"): the shop name is the link text.
    match = re.search(r"<a\b[^>]*>(.*?)</a>", fragment, re.S)
    return match.group(1) if match else None


def _href(fragment: str) -> str | None:
    match = re.search(r"href=[\"']([^\"']+)[\"']", fragment)
    return match.group(1) if match else None


def _real(value: Any) -> str | None:
    text = clean(value)
    return None if text is None or text in _PLACEHOLDER else text


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
