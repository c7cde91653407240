"""The old Taobao order detail (`trade_order_detail.htm`): `var data = JSON.parse('…')`.

Everything lives in nested "lines" of `{type, content}` parts; labels carry a trailing colon
("订单编号:"). The delivery block also holds the recipient's name, phone and address: only the
carrier and tracking number are taken from it.
"""

from __future__ import annotations

import re
from typing import Any

from tousu.models import Order, ReadingWarning

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
    url_id,
    warning,
)
from .embedded import parse_json_parse

# orderInfo label -> Order field. 支付宝交易号 is deliberately absent (personal payment record).
_INFO_TIMES = {
    "创建时间": "created_at",
    "付款时间": "paid_at",
    "发货时间": "shipped_at",
    "成交时间": "completed_at",
    "确认收货时间": "received_at",
}
# orderBar (timeline) node text -> Order field.
_BAR_TIMES = {
    "拍下宝贝": "created_at",
    "拍下商品": "created_at",
    "付款到支付宝": "paid_at",
    "卖家发货": "shipped_at",
    "确认收货": "received_at",
}
_REFUND_STATE = re.compile(r"退款中|退款成功|退款关闭|已退款|退货退款|仅退款|售后中|售后成功|查看退款")


def read(html: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    data, problem = parse_json_parse(html, "data")
    if not isinstance(data, dict) or not isinstance(data.get("mainOrder"), dict):
        if problem == "invalid":
            warnings.append(
                warning(
                    "embedded_data_unreadable",
                    "页面里的订单数据不完整或格式不对，没能读出。请刷新页面后再试。",
                )
            )
        return []
    order = make_order(_order_fields(data, url), warnings)
    if order is None:
        return []
    _check_url_id(order, url, warnings)
    return [order]


def _check_url_id(order: Order, url: str, warnings: list[ReadingWarning]) -> None:
    wanted = url_id(url, "biz_order_id", "bizOrderId")
    if wanted and wanted != order.order_id:
        warnings.append(
            warning(
                "order_id_mismatch",
                "页面上的订单号和地址栏里的不一致，请确认打开的是要投诉的订单。",
                order_id=order.order_id,
            )
        )


def _order_fields(data: dict[str, Any], base: str) -> dict[str, Any]:
    main = as_dict(data.get("mainOrder"))
    fields = FieldBag("embedded")
    put = fields.put

    info = _namevalues(main.get("orderInfo"))
    put("order_id", as_id(main.get("id")) or as_id(info.get("订单编号")))
    for label, field in _INFO_TIMES.items():
        put(field, parse_time(info.get(label)))
    bar = as_dict(data.get("orderBar"))
    for node in as_list(bar.get("nodes")):
        node = as_dict(node)
        bar_field = _BAR_TIMES.get(clean(node.get("text")) or "")
        if bar_field:
            put(bar_field, parse_time(node.get("date")))

    seller = as_dict(main.get("seller"))
    shop = {
        "name": clean(seller.get("shopName")),
        "seller_nick": clean(seller.get("nick"))
        or clean(as_dict(data.get("deliveryInfo")).get("sellerNick")),
        "url": abs_url(seller.get("shopUrl"), base),
    }
    put("shop", {k: v for k, v in shop.items() if v} or None)

    extra = as_dict(data.get("detailExtra"))
    tmall = extra.get("b2c") is True or "tmall" in str(main.get("bizCode") or "")
    put("platform", "tmall" if tmall else "taobao", "embedded" if "b2c" in extra else "derived")

    status_text = short_status(as_dict(main.get("statusInfo")).get("text"))
    put("status", status_from(main.get("tradeStatus"), status_text))
    put("status_text", status_text)

    pay = as_dict(main.get("payInfo"))
    put("total_paid", parse_money(as_dict(pay.get("actualFee")).get("value")))
    fee_rows: list[tuple[str, str | None]] = []
    for fee in as_list(pay.get("feeMess")):
        fee = as_dict(fee)
        fee_rows.append((clean(fee.get("name")) or "", parse_money(fee.get("value"))))
        if fee_rows[-1][0].startswith("运费"):
            put("shipping_fee", fee_rows[-1][1])
    put("discounts", discount_rows(fee_rows))

    links: dict[str, str] = {}
    if base.startswith("http"):
        links["detail"] = base
    items = []
    for sub in as_list(main.get("subOrders")):
        item = _item(as_dict(sub), base, links)
        if item is not None:
            items.append(item)
    put("items", items)
    _operation_links(data.get("operationsGuide"), base, links)
    for sub in as_list(main.get("subOrders")):
        _operation_links(as_dict(sub).get("operations"), base, links)

    parcels = _parcels(data, base)
    put("parcels", parcels)
    if parcels and "shipped_at" not in fields:
        put("shipped_at", next((p["shipped_at"] for p in parcels if p.get("shipped_at")), None))
    put("links", links or None)
    if fields.get("status") in ("shipped", "awaiting_shipment") and any(
        "退款中" in (item.get("refund_text") or "") for item in items
    ):
        fields["status"] = "refunding"
    return fields.fields()


def short_status(text: Any) -> str | None:
    """ "卖家已发货" from "当前订单状态：卖家已发货，请查看页面下方物流信息…"."""
    text = clean(text)
    if not text:
        return None
    text = re.sub(r"^(当前)?订单状态\s*[:：]\s*", "", text)
    return clean(re.split(r"[，,。]", text, maxsplit=1)[0]) or text


def _item(sub: dict[str, Any], base: str, links: dict[str, str]) -> dict[str, Any] | None:
    info = as_dict(sub.get("itemInfo"))
    title = clean(info.get("title"))
    if not title:
        return None
    snapshot = abs_url(info.get("auctionUrl"), base) or abs_url(info.get("snapUrl"), base)
    sub_id = as_id(sub.get("idStr")) or as_id(sub.get("id")) or url_id(snapshot, "trade_id", "tradeID")
    price = sub.get("priceInfo")
    unit_price = parse_money(price.get("realTotal") if isinstance(price, dict) else price)
    original = parse_money(price.get("original")) if isinstance(price, dict) else None
    status_texts = _texts(sub.get("tradeStatus"))
    refund = [t for t in status_texts if _REFUND_STATE.search(t)]
    item_url = info.get("itemUrl") or (
        info.get("auctionUrl") if "item.htm" in str(info.get("auctionUrl") or "") else None
    )
    item = {
        "sub_order_id": sub_id,
        "item_id": as_id(info.get("id")) or url_id(abs_url(item_url, base), "id"),
        "title": title,
        "sku": _sku(info.get("skuText")),
        "quantity": as_int(sub.get("quantity"), 1),
        "unit_price": unit_price,
        "original_price": original,
        "pseudo": is_pseudo_title(title),
        "snapshot_url": snapshot if snapshot and "tradeSnap" in snapshot else None,
        "image_url": image_url(info.get("pic"), base),
        "ship_promise": _ship_promise(info.get("extra")),
        "refund_text": "；".join(refund) or None,
    }
    return {k: v for k, v in item.items() if v is not None}


def _parcels(data: dict[str, Any], base: str) -> list[dict[str, Any]]:
    parcels: list[dict[str, Any]] = []
    packages = data.get("packageInfos")
    package_list = as_list(as_dict(packages).get("list")) if isinstance(packages, dict) else as_list(packages)
    for index, package in enumerate(package_list, start=1):
        package = as_dict(package)
        subs = []
        for detail in as_list(package.get("details")):
            sub_id = url_id(abs_url(as_dict(detail).get("snapUrl"), base), "trade_id", "tradeID")
            if sub_id and sub_id not in subs:
                subs.append(sub_id)
        parcel = {
            "label": clean(package.get("packageName")) or f"包裹{index}",
            "company": real_text(package.get("companyName")),
            "tracking_no": real_text(package.get("invoiceNo")) or real_text(package.get("mailNo")),
            "shipped_at": parse_time(package.get("consignTime")),
            "sub_order_ids": subs,
        }
        if parcel["company"] or parcel["tracking_no"]:
            parcels.append({k: v for k, v in parcel.items() if v})
    if parcels:
        return parcels
    delivery = as_dict(data.get("deliveryInfo"))
    company = real_text(delivery.get("logisticsName"))
    number = real_text(delivery.get("logisticsNum"))
    if company or number:
        parcels.append({k: v for k, v in {"company": company, "tracking_no": number}.items() if v})
    return parcels


def _operation_links(value: Any, base: str, links: dict[str, str]) -> None:
    """Buttons anywhere in a nested operations structure: {text, url|dataUrl} objects."""
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(reversed(current))
            continue
        if not isinstance(current, dict):
            continue
        text = clean(current.get("text")) or ""
        target = abs_url(current.get("url"), base) or abs_url(current.get("dataUrl"), base)
        if target and text:
            key = _link_key(text, target)
            if key and key not in links:
                links[key] = target
        stack.extend(v for v in current.values() if isinstance(v, dict | list))


def _link_key(text: str, target: str) -> str | None:
    if text.startswith("投诉"):
        return "complaint"
    if "申请售后" in text or "AfterDispute" in target:
        return "after_sales"
    if "查看退款" in text:
        return "refund_detail"
    if text.startswith("退款") or "申请退款" in text or "applyRouter" in target:
        return "refund"
    if "确认收货" in text and "confirmGoods" in target:
        return "confirm_receipt"
    if "物流" in text:
        return "logistics"
    return None


def _namevalues(value: Any) -> dict[str, str]:
    """{label without colon: text} for every namevalue part in a "lines" group."""
    found: dict[str, str] = {}
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(reversed(current))
        elif isinstance(current, dict):
            if current.get("type") == "namevalue" and isinstance(current.get("value"), dict):
                pair = current["value"]
                name = (clean(pair.get("name")) or "").rstrip(":：").strip()
                text = (
                    " ".join(_texts(pair.get("value")))
                    if not isinstance(pair.get("value"), str)
                    else clean(pair.get("value"))
                )
                if name and text and name not in found:
                    found[name] = text
            else:
                stack.extend(v for v in current.values() if isinstance(v, dict | list))
    return found


def _texts(value: Any) -> list[str]:
    """All `text` values in a lines structure, in order."""
    out: list[str] = []
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            text = clean(current)
            if text:
                out.append(text)
        elif isinstance(current, list):
            stack.extend(reversed(current))
        elif isinstance(current, dict):
            if current.get("type") == "text" and isinstance(current.get("value"), str):
                stack.append(current["value"])
            else:
                stack.extend(reversed([v for v in current.values() if isinstance(v, dict | list)]))
    return out


def _sku(value: Any) -> str | None:
    if isinstance(value, str):
        return clean(value)
    parts: list[str] = []
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(reversed(current))
        elif isinstance(current, dict):
            pair = current.get("value") if current.get("type") == "namevalue" else current
            if isinstance(pair, dict) and "name" in pair and isinstance(pair.get("value"), str):
                name = (clean(pair.get("name")) or "").rstrip(":：")
                text = clean(pair.get("value"))
                if text:
                    parts.append(f"{name}：{text}" if name else text)
            elif current.get("type") != "namevalue":
                stack.extend(reversed([v for v in current.values() if isinstance(v, dict | list)]))
    return "；".join(parts) or None


def _ship_promise(extra: Any) -> str | None:
    for entry in as_list(extra):
        entry = as_dict(entry)
        if "发货" in (entry.get("name") or ""):
            return clean(entry.get("value"))
    return None
