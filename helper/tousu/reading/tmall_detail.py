"""The Tmall order detail (`trade.tmall.com/detail/orderDetail.htm`): `var detailData = {…}`.

`basic.lists` entries are found by their `key`: their order shifts between order types (天猫超市
puts them elsewhere), so an index is never trusted. Sub-order ids exist only in `snapUrl`'s
tradeID. The 收货地址 entry (name, phone, address) is never read.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from tousu.models import Order, ReadingWarning

from . import markup
from .build import FieldBag, discount_rows, make_order
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
    real_text,
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
_REFUND_STATE = re.compile(r"退款中|退款成功|退款关闭|已退款|退货退款|仅退款|售后中|售后成功")


def read(html: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    found = find_object_literal(html, "detailData")
    if found is None or not isinstance(found[0], dict):
        if "detailData" in html:
            warnings.append(
                warning(
                    "embedded_data_unreadable",
                    "页面里的订单数据不完整或格式不对，没能读出。请刷新页面后再试。",
                )
            )
        return []
    order = make_order(_order_fields(found[0], url), warnings)
    if order is None:
        return []
    wanted = url_id(url, "bizOrderId", "biz_order_id")
    if wanted and wanted != order.order_id:
        warnings.append(
            warning(
                "order_id_mismatch",
                "页面上的订单号和地址栏里的不一致，请确认打开的是要投诉的订单。",
                order_id=order.order_id,
            )
        )
    return [order]


def _order_fields(data: dict[str, Any], base: str) -> dict[str, Any]:
    fields = FieldBag("embedded")
    put = fields.put

    lists = {
        clean(entry.get("key")): entry
        for entry in as_list(as_dict(data.get("basic")).get("lists"))
        if isinstance(entry, dict) and clean(entry.get("key"))
    }
    id_entry = as_dict(lists.get("订单编号"))
    id_content = as_list(id_entry.get("content"))
    put("order_id", as_id(as_dict(id_content[0]).get("text")) if id_content else None)
    put("order_id", as_id(as_dict(data.get("orders")).get("id")))
    for part in id_content[1:]:
        for more in as_list(as_dict(part).get("moreList")):
            more = as_dict(more)
            field = _MORE_TIMES.get(clean(more.get("key")) or "")
            if field:
                put(field, parse_time(_first_text(more.get("content"))))
    for step in as_list(as_dict(data.get("stepbar")).get("options")):
        step = as_dict(step)
        field = _STEP_TIMES.get(clean(step.get("content")) or "")
        if field:
            put(field, parse_time(step.get("time")))

    put("platform", "tmall", "url" if "tmall.com" in base else "derived")
    shop_entry = as_dict(lists.get("商家") or lists.get("店铺"))
    shop_html = " ".join(str(as_dict(part).get("text") or "") for part in as_list(shop_entry.get("content")))
    nick = markup.quoted_attribute(shop_html, "data-nick")
    shop = {
        "name": clean(strip_tags(_anchor_text(shop_html) or shop_html)),
        "seller_nick": clean(nick) if nick else None,
        "url": abs_url(_href(shop_html), base),
    }
    put("shop", {k: v for k, v in shop.items() if v} or None)

    over = as_dict(data.get("overStatus"))
    header = _first_text(as_dict(over.get("status")).get("content"))
    status_text = short_status(strip_tags(header or "")) if header else None
    put("status", status_from(data.get("tradeStatus"), status_text))
    put("status_text", status_text)

    fee_rows: list[tuple[str, str | None]] = []
    for title, money in _amount_rows(data.get("amount")):
        fee_rows.append((title, parse_money(money)))
        if title.startswith("实付款"):
            put("total_paid", parse_money(money))
        elif title.startswith("运费"):
            put("shipping_fee", parse_money(money))
    put("discounts", discount_rows(fee_rows))

    links: dict[str, str] = {}
    if base.startswith("http"):
        links["detail"] = base
    for operate in as_list(over.get("operate")):
        for op in as_list(as_dict(operate).get("content")):
            op = as_dict(op)
            target = abs_url(op.get("url"), base) or abs_url(op.get("dataUrl"), base)
            if not target:
                continue
            if op.get("id") == "CONFIRM_GOODS" or clean(op.get("text")) == "确认收货":
                links.setdefault("confirm_receipt", target)

    items: list[dict[str, Any]] = []
    parcels: list[dict[str, Any]] = []
    for index, entry in enumerate(as_list(as_dict(data.get("orders")).get("list")), start=1):
        entry = as_dict(entry)
        parcel_subs: list[str] = []
        for status in as_list(entry.get("status")):
            status = as_dict(status)
            sub_status = " ".join(
                clean(as_dict(s).get("text")) or "" for s in as_list(status.get("statusInfo"))
            ).strip()
            for sub in as_list(status.get("subOrders")):
                item = _item(as_dict(sub), base, sub_status, links)
                if item is not None:
                    items.append(item)
                    if item.get("sub_order_id"):
                        parcel_subs.append(item["sub_order_id"])
        for logistic in as_list(as_dict(entry.get("logistic")).get("content")):
            logistic = as_dict(logistic)
            company = real_text(logistic.get("companyName"))
            number = real_text(logistic.get("mailNo"))
            if company or number:
                parcels.append(
                    {
                        k: v
                        for k, v in {
                            "label": clean(logistic.get("text")) or f"包裹{index}",
                            "company": company,
                            "tracking_no": number,
                            "sub_order_ids": parcel_subs,
                        }.items()
                        if v
                    }
                )
    put("items", items)
    put("parcels", parcels)
    put("links", {k: v for k, v in links.items() if v} or None)
    if fields.get("status") in ("shipped", "awaiting_shipment") and any(
        "退款中" in (item.get("refund_text") or "") for item in items
    ):
        fields["status"] = "refunding"
    return fields.fields()


def _item(sub: dict[str, Any], base: str, sub_status: str, links: dict[str, str]) -> dict[str, Any] | None:
    info = as_dict(sub.get("itemInfo"))
    title = clean(info.get("title"))
    if not title:
        return None
    snapshot = abs_url(info.get("snapUrl"), base) or abs_url(info.get("itemUrl"), base)
    if snapshot and "tradeSnap" not in snapshot:
        snapshot = None
    item_url = abs_url(info.get("auctionUrl"), base)
    sku_parts = []
    for entry in as_list(info.get("skuText")):
        entry = as_dict(entry)
        key = (clean(entry.get("key")) or "").rstrip(":：")
        value = _first_text(entry.get("content"))
        if value:
            sku_parts.append(f"{key}：{value}" if key else value)
    unit_price, original = _prices(sub.get("priceInfo"))
    for op in as_list(sub.get("operations")) + as_list(info.get("operations")):
        op = as_dict(op)
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
        "image_url": image_url(info.get("pic"), base),
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
    for entry in as_list(entries) if isinstance(entries, list) else [{"text": entries}]:
        entry = as_dict(entry)
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
    stack = [as_dict(amount).get("count")]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(reversed(current))
        elif isinstance(current, dict):
            data = current.get("data")
            if isinstance(data, dict) and "titleLink" in data:
                title = clean(as_dict(data.get("titleLink")).get("text")) or ""
                money = clean(as_dict(data.get("money")).get("text")) or ""
                rows.append((title, money))
            else:
                stack.extend(reversed([v for v in current.values() if isinstance(v, dict | list)]))
    return rows


def _first_text(content: Any) -> str | None:
    for part in as_list(content):
        text = clean(as_dict(part).get("text"))
        if text:
            return text
    return None


def _anchor_text(fragment: str) -> str | None:
    # The entry also holds the Wangwang button ("和我联系"): the shop name is the link text.
    return markup.first_anchor_text(fragment)


def _href(fragment: str) -> str | None:
    return markup.quoted_attribute(fragment, "href")
