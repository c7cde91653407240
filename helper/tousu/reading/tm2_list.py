"""The new bought-items list ("tm2"): a rendered SPA, read from the DOM only.

Each order is `#shopOrderContainer_<id>`. CSS-module classes carry a per-build hash
(`title--pLEC2yiw`), so they are matched by prefix; the unhashed `trade-*` classes, ids and
text anchors (订单号, 实付款, 含运费) are what stays stable across builds. The 常买常逛 strip
(`extBlank--` / `extItems--`) sits inside every order container and must never yield items.
"""

from __future__ import annotations

import re
from typing import Any

from tousu.models import Order, ReadingWarning

from . import dom
from .build import FieldBag, make_order
from .common import (
    abs_url,
    as_id,
    as_int,
    clean,
    image_url,
    is_pseudo_title,
    parse_money,
    parse_time,
    status_from,
    url_id,
    warning,
)
from .dom import Node

_CONTAINER_ID = re.compile(r"^shopOrderContainer_(\d{6,25})$")
_ORDER_NO = re.compile(r"订单号[:：]?\s*(\d{6,25})")
_TMALL_BADGE = "TB1aJQKFVXXXXamXFXXEDhGGXXX"
_RECOMMENDATIONS = ("extBlank--", "extItems--")
_LOADING = re.compile(r"加载中|skeleton|loading--|正在加载", re.I)


def read(html: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    root = dom.parse(html)
    containers = root.find_all(lambda n: bool(_CONTAINER_ID.match(n.id)))
    orders: list[Order] = []
    placeholders = 0
    for container in containers:
        fields = _order_fields(container, url)
        if not fields.get("items"):
            placeholders += 1
        order = make_order(fields, warnings)
        if order is not None:
            orders.append(order)
    if orders and _looks_lazy(root, html, len(orders), placeholders):
        warnings.append(
            warning(
                "lazy_rendered",
                "列表只显示了前几个订单，其余的还没加载。请把页面滚动到底部，等订单都出现后再读取。",
            )
        )
    return orders


def _looks_lazy(root: Node, html: str, count: int, placeholders: int) -> bool:
    if placeholders:
        return True
    if count > 2:
        return False
    if _LOADING.search(html):
        return True
    # A next-page button that is enabled while only one or two orders show.
    for button in root.find_all(lambda n: n.has_class("trade-button") or n.tag == "button"):
        if (
            "下一页" in button.text()
            and not any("disabled" in token for token in button.classes)
            and "disabled" not in button.attrs
        ):
            return True
    return False


def _is_recommendation(node: Node) -> bool:
    return any(node.has_class_prefix(prefix) for prefix in _RECOMMENDATIONS)


def _order_fields(container: Node, base: str) -> dict[str, Any]:
    match = _CONTAINER_ID.match(container.id)
    order_id = match.group(1) if match else None
    fields = FieldBag("dom")
    put = fields.put

    # Drop the recommendation strip before reading anything else from the container.
    _prune(container, _is_recommendation)

    header = container.first_class_prefix("shopInfo--") or container
    shown = _ORDER_NO.search((header.first_class_prefix("shopInfoOrderId--") or header).text())
    if shown and order_id and shown.group(1) != order_id:
        order_id = None  # the id in the element id and the printed one disagree: trust neither
    put("order_id", order_id or (shown.group(1) if shown else None))

    shop_link = header.first_class_prefix("shopInfoName--")
    nick_node = header.find(lambda n: bool(n.attrs.get("data-nick")))
    shop = {
        "name": clean(shop_link.text()) if shop_link else None,
        "seller_nick": clean(nick_node.attrs.get("data-nick")) if nick_node else None,
        "url": abs_url(shop_link.get("href"), base) if shop_link else None,
    }
    if shop["seller_nick"] is None:
        wangwang = header.find(lambda n: "amos.alicdn.com" in (n.get("href") or ""))
        shop["seller_nick"] = url_id_text(wangwang.get("href")) if wangwang else None
    put("shop", {k: v for k, v in shop.items() if v} or None)

    status_node = header.first_class_prefix("shopInfoStatus--")
    status_text = clean(status_node.text()) if status_node else None
    put("status_text", status_text)
    put("status", status_from(None, status_text) if status_text else None)

    time_node = header.first_class_prefix("shopInfoOrderTime--")
    created = parse_time(time_node.text()) if time_node else None
    if created is not None and ":" in (time_node.text() if time_node else ""):
        # The list prints only the day; a midnight would be an invented time, so a date alone
        # is left out (the detail page has the real creation time).
        put("created_at", created)

    links: dict[str, str] = {}
    detail = header.first_class_prefix("shopInfoOrderDetail--")
    _first(links, "detail", abs_url(detail.get("href"), base) if detail else None)

    items = []
    for row in container.find_all(
        lambda n: n.has_class_prefix("itemInfo--") or n.has_class("trade-bought-list-order-info")
    ):
        item, item_links = _item(row, base)
        if item is not None:
            items.append(item)
        for key, value in item_links.items():
            _first(links, key, value)
    put("items", items)

    for payment in container.by_class_prefix("payment--"):
        for price in payment.find_all(lambda n: n.has_class("trade-price-container")):
            text = price.text()
            if "实付款" in text:
                put("total_paid", parse_money(text.split("实付款", 1)[1]))
            elif "运费" in text:
                put("shipping_fee", parse_money(text.split("运费", 1)[1]))
    if "total_paid" not in fields:
        # Older builds print the label next to, not inside, the price container.
        for payment in container.by_class_prefix("payment--"):
            found = re.search(r"实付款[:：]?\s*+((?:[￥¥]\s*+)?[\d,]++(?:\.\d+)?)", payment.text())
            if found:
                put("total_paid", parse_money(found.group(1)))

    for operations in container.by_class_prefix("operations--"):
        for node in operations.find_all(lambda n: n.tag == "a" or n.has_class("trade-button")):
            _operation_link(links, clean(node.text()) or "", node, base)
    put("links", links or None)

    parcels = _label_parcel(container)
    put("parcels", parcels)

    tmall = "tmall.com" in (links.get("detail") or "") or any(
        _TMALL_BADGE in (img.get("src") or "") or "天猫" in (img.get("alt") or "") + (img.get("title") or "")
        for img in header.by_tag("img")
    )
    put("platform", "tmall" if tmall else "taobao", "derived")
    refunding = any("退款中" in (item.get("refund_text") or "") for item in items)
    if refunding and fields.get("status") in ("shipped", "awaiting_shipment"):
        put("status", "refunding", replace=True)
    return fields.fields()


def _item(row: Node, base: str) -> tuple[dict[str, Any] | None, dict[str, str]]:
    links: dict[str, str] = {}
    title_link = row.first_class_prefix("title--")
    title_text = row.first_class_prefix("titleText--")
    title_node = title_text or title_link
    title = clean(title_node.text()) if title_node else None
    if title:
        title = clean(title.replace("[交易快照]", ""))
    if not title:
        return None, links
    href = title_link.get("href") if title_link else None
    snapshot = None
    for anchor in row.by_tag("a"):
        target = anchor.get("href") or ""
        if "tradeSnap" in target or "snapshot" in target.lower():
            snapshot = abs_url(target, base)
            break
    image = row.first_class_prefix("image--")
    picture = image_url(dom.background_url(image.get("style")), base) if image else None
    if picture is None:
        img = row.find(lambda n: n.tag == "img")
        picture = image_url(img.get("src"), base) if img else None
    sku_parts = [
        clean(node.text())
        for node in row.by_class_prefix("info--")
        if not node.has_class("trade-clamp-wrap") and not node.by_class_prefix("info--")
    ]
    sku = "；".join(part for part in sku_parts if part and ("：" in part or ":" in part)) or None
    price_col = row.first_class_prefix("itemInfoColPrice--") or row
    unit_price = original = None
    paid = None
    for price in price_col.find_all(lambda n: n.has_class("trade-price-container")):
        label = price.find(lambda n: n.has_class("trade-price-label"))
        if label is not None and (clean(label.text()) or "").startswith("实付"):
            # A per-line 实付 (after coupons), labelled as such; unlabelled prices are 单价.
            paid = paid or parse_money(price.text().replace(label.text(), "", 1))
        elif price.has_class("trade-price-strike"):
            original = original or parse_money(price.text())
        else:
            unit_price = unit_price or parse_money(price.text())
    quantity_node = row.first_class_prefix("quantity--")
    refund_node = row.first_class_prefix("refundStatus--")
    refund_text = clean(refund_node.text()) if refund_node else None
    sub_id = url_id(snapshot, "tradeID", "trade_id")
    for operate in row.by_class_prefix("operate--"):
        for node in operate.find_all(lambda n: n.tag == "a" or n.has_class("trade-button")):
            operation = _operation_link(links, clean(node.text()) or "", node, base)
            sub_id = sub_id or url_id(operation, "bizOrderId", "tradeId")
    item = {
        "sub_order_id": sub_id,
        "item_id": url_id(href, "id") or _item_id_from_path(href),
        "title": title,
        "sku": sku,
        "quantity": as_int(quantity_node.text(), 1) if quantity_node else 1,
        "unit_price": unit_price,
        "original_price": original,
        "paid_amount": paid,
        "pseudo": is_pseudo_title(title),
        "snapshot_url": snapshot,
        "image_url": picture,
        "refund_text": refund_text,
    }
    return {k: v for k, v in item.items() if v is not None}, links


def _operation_link(links: dict[str, str], text: str, node: Node, base: str) -> str | None:
    target = abs_url(node.get("href"), base) or abs_url(node.get("data-url"), base)
    if not target:
        anchor = node.find(lambda n: n.tag == "a" and bool(n.get("href")))
        target = abs_url(anchor.get("href"), base) if anchor else None
    if not target:
        return None
    if text.startswith("投诉"):
        _first(links, "complaint", target)
    elif "售后" in text:
        _first(links, "after_sales", target)
    elif "查看退款" in text or "退款成功" in text or "退款中" in text:
        _first(links, "refund_detail", target)
    elif text.startswith("退款") or text.startswith("退换") or text == "申请退款":
        _first(links, "refund", target)
    elif "物流" in text:
        _first(links, "logistics", target)
    elif "确认收货" in text:
        _first(links, "confirm_receipt", target)
    elif "订单详情" in text:
        _first(links, "detail", target)
    return target


def _label_parcel(container: Node) -> list[dict[str, Any]]:
    title = container.first_class_prefix("labelTitle--")
    subtitle = container.first_class_prefix("labelSubTitle--")
    if not title and not subtitle:
        return []
    label = clean(title.text()) if title else None
    sub = clean(subtitle.text()) if subtitle else ""
    company = None
    for part in re.split(r"[·•]", sub or ""):
        part = part.strip()
        if re.search(r"(快递|速递|物流|快运|EMS|邮政)$", part):
            company = part
    if company is None:
        return []
    return [{"label": label, "company": company}]


def _prune(node: Node, match: Any) -> None:
    """Remove matching subtrees in place (the recommendation strip)."""
    stack = [node]
    while stack:
        current = stack.pop()
        kept: list[Node | str] = []
        for child in current.children:
            if isinstance(child, Node) and match(child):
                continue
            kept.append(child)
            if isinstance(child, Node):
                stack.append(child)
        current.children = kept


def _item_id_from_path(href: str | None) -> str | None:
    match = re.search(r"/i(\d{6,15})\.htm", href or "")
    return as_id(match.group(1)) if match else None


def url_id_text(url: str | None) -> str | None:
    from .common import query_param

    return clean(query_param(url, "uid"))


def _first(links: dict[str, str], key: str, value: str | None) -> None:
    if value and key not in links:
        links[key] = value
