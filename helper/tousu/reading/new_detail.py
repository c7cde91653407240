"""The new Taobao order detail (2025+), DOM only: label rows, parcel headers, item rows.

No public tool found embedded JSON on this page; everything is read by text labels
(订单编号, 创建时间, 实付款…) and class-name prefixes, so hash changes between builds do not
matter. The same generic reading serves the Tmall page when it is served without detailData.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from tousu.models import Order, ReadingWarning

from . import dom
from .build import FieldBag, discount_rows, make_order
from .common import (
    abs_url,
    as_id,
    as_int,
    clean,
    host_of,
    image_url,
    is_pseudo_title,
    line_paid,
    parse_money,
    parse_time,
    query_param,
    redact,
    status_from,
    status_from_text,
    url_id,
)
from .dom import Node

_TIME_LABELS = {
    "创建时间": "created_at",
    "下单时间": "created_at",
    "付款时间": "paid_at",
    "发货时间": "shipped_at",
    "确认收货时间": "received_at",
    "收货时间": "received_at",
    "成交时间": "completed_at",
}
_TIMELINE = {
    "拍下宝贝": "created_at",
    "拍下商品": "created_at",
    "付款到支付宝": "paid_at",
    "买家付款": "paid_at",
    "卖家发货": "shipped_at",
    "商家发货": "shipped_at",
    "确认收货": "received_at",
}
_TIMELINE_RE = re.compile(
    r"(" + "|".join(_TIMELINE) + r")\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)"
)
_EVENT_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})\s*(\d{1,2}):(\d{2})(?::\d{2})?\s+(.+)$")
_FULL_EVENT_RE = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s+(.+)$")
_PARCEL_HEAD = re.compile(r"(包裹\s*\d+)")
_REFUND_WORDS = re.compile(r"退款中|退款成功|退款关闭|已退款|退货退款|仅退款|售后中|售后成功|查看退款")


def read(html: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    root = dom.parse(html)
    order = make_order(_order_fields(root, url), warnings)
    return [order] if order is not None else []


def info_rows(root: Node) -> dict[str, str]:
    """{label: value} from the info panel rows (label leaf, value, and a 复制 button)."""
    rows: dict[str, str] = {}
    for row in root.by_class_prefix("detailInfoContent--"):
        texts = [t for t in _leaf_texts(row) if t not in ("复制", "查看", "展开")]
        if len(texts) < 2:
            continue
        label = texts[0].rstrip(":：").strip()
        if label and label not in rows:
            rows[label] = " ".join(texts[1:])
    return rows


def _order_fields(root: Node, base: str) -> dict[str, Any]:
    fields = FieldBag("dom")
    put = fields.put

    rows = info_rows(root)
    put("order_id", as_id(re.sub(r"\D", "", rows.get("订单编号", "")) or None))
    put("order_id", url_id(base, "bizOrderId", "biz_order_id", "orderId"), "url")
    for label, field in _TIME_LABELS.items():
        put(field, parse_time(rows.get(label)))
    for match in _TIMELINE_RE.finditer(root.text()):
        put(_TIMELINE[match.group(1)], parse_time(match.group(2)))
    put("total_paid", parse_money(rows.get("实付款")))
    if "total_paid" not in fields:
        paid = root.find(lambda n: n.has_class_prefix("paid") or "实付款" in n.own_text())
        if paid is not None:
            container = paid.parent or paid
            put("total_paid", parse_money(container.text().split("实付款", 1)[-1]))
    shipping = rows.get("运费")
    put("shipping_fee", parse_money(shipping) if shipping else None)
    put("discounts", discount_rows([(label, parse_money(value)) for label, value in rows.items()]))

    header = dom.by_id(root, "headerContainer") or dom.by_id(root, "headerP1Container")
    status_text = None
    if header is not None:
        status_text = next(
            (t for t in _leaf_texts(header) if status_from_text(t) != "unknown" and len(t) <= 30),
            None,
        )
    put("status_text", status_text)
    put("status", status_from(None, status_text) if status_text else None)

    shop_link = root.first_class_prefix("shopInfoName--") or root.first_class_prefix("shopName--")
    nick_node = root.find(lambda n: bool(n.get("data-nick")))
    nick = clean(nick_node.get("data-nick")) if nick_node else None
    if nick is None:
        amos = root.find(lambda n: "amos.alicdn.com/getcid.aw" in (n.get("href") or ""))
        nick = clean(query_param(amos.get("href"), "uid")) if amos else None
    shop = {
        "name": clean(shop_link.text()) if shop_link else None,
        "seller_nick": nick,
        "url": abs_url(shop_link.get("href"), base) if shop_link else None,
    }
    put("shop", {k: v for k, v in shop.items() if v} or None)
    put("platform", "tmall" if host_of(base).endswith("tmall.com") else "taobao", "url")

    items = [_item(row, base) for row in _item_rows(root)]
    put("items", [item for item in items if item])
    put("parcels", _parcels(root, fields.get("created_at") or fields.get("paid_at")))
    if base.startswith("http"):
        put("links", {"detail": base}, "url")
    if fields.get("status") in ("shipped", "awaiting_shipment") and any(
        _REFUND_WORDS.search(item.get("refund_text") or "") for item in fields.get("items", [])
    ):
        fields["status"] = "refunding"
    return fields.fields()


def _item_rows(root: Node) -> list[Node]:
    rows = root.find_all(lambda n: n.has_class("trade-order-detail-order-info"))
    if rows:
        return rows
    # Fallback: the nearest block around each item title link.
    titles = root.find_all(lambda n: n.tag == "a" and n.has_class_prefix("title--"))
    return [title.parent or title for title in titles]


def _item(row: Node, base: str) -> dict[str, Any] | None:
    title_node = row.find(lambda n: n.tag == "a" and n.has_class_prefix("title--")) or row.first_class_prefix(
        "title--"
    )
    title = clean(title_node.text()) if title_node else None
    if title:
        title = clean(title.replace("[交易快照]", ""))
    if not title:
        return None
    href = title_node.get("href") if title_node else None
    item_id = url_id(abs_url(href, base), "id")
    if item_id is None and href:
        match = re.search(r"/i(\d{6,15})\.htm", href)
        item_id = match.group(1) if match else None
    left = row.first_class_prefix("baseInfoLeft--") or row
    sku = "；".join(t for t in (clean(n.text()) for n in left.by_class_prefix("info--")) if t) or None
    quantity = row.find(lambda n: any("quantity" in c.lower() for c in n.classes))
    right = row.first_class_prefix("baseInfoRight--")
    snapshot = next(
        (
            abs_url(a.get("href"), base)
            for a in row.by_tag("a")
            if "tradeSnap" in (a.get("href") or "") or "snapshot" in (a.get("href") or "")
        ),
        None,
    )
    refund = next((t for t in _leaf_texts(row) if _REFUND_WORDS.search(t)), None)
    img = row.find(lambda n: n.tag == "img")
    # The line's own 实付 (after coupons) where the row shows one; the rest is "￥单价 x数量".
    paid, price_text = line_paid(right.text() if right else "")
    if paid is None:
        paid, _ = line_paid(row.text())
    item = {
        "sub_order_id": url_id(snapshot, "tradeID", "trade_id", "bizOrderId"),
        "item_id": item_id,
        "title": title,
        "sku": sku,
        "quantity": as_int(quantity.text(), 1) if quantity else 1,
        "unit_price": parse_money(price_text.split("x")[0].split("×")[0]) if price_text.strip() else None,
        "paid_amount": paid,
        "pseudo": is_pseudo_title(title),
        "snapshot_url": snapshot,
        "image_url": image_url(img.get("src"), base) if img else None,
        "refund_text": refund,
    }
    return {k: v for k, v in item.items() if v is not None}


def _parcels(root: Node, reference: datetime | None) -> list[dict[str, Any]]:
    parcels: list[dict[str, Any]] = []
    for header in root.by_class_prefix("logisticsPackageHeader--"):
        company_node = header.first_class_prefix("logisticsPackageEXTxt--")
        number_node = header.first_class_prefix("logisticsPackageNo--")
        head_text = header.text()
        label = _PARCEL_HEAD.search(head_text)
        parcel: dict[str, Any] = {
            "label": clean(label.group(1)) if label else None,
            "company": clean(company_node.text()) if company_node else None,
            "tracking_no": clean(re.sub(r"复制", "", number_node.text())) if number_node else None,
        }
        block = header.parent or header
        events = _events(block, reference)
        if events:
            parcel["events"] = events
            signed = next((e for e in events if "签收" in e["text"] and e.get("time")), None)
            if signed:
                parcel["signed_at"] = signed["time"]
        if parcel["company"] or parcel["tracking_no"]:
            parcels.append({k: v for k, v in parcel.items() if v})
    return parcels


def _events(block: Node, reference: datetime | None) -> list[dict[str, Any]]:
    """Timeline lines (date, time, text; the year omitted) as events, in page order.

    A line is either separate leaves ("10-11", "09:12", "…") or one text "10-11 09:12 …".
    """
    events: list[dict[str, Any]] = []
    claimed: set[int] = set()
    for node in block.iter():
        if id(node) in claimed or node.has_class_prefix("logisticsPackageHeader--"):
            continue
        leaves = _leaf_texts(node)
        event = _event_from_leaves(leaves, reference) if len(leaves) >= 3 else None
        if event is None and len(leaves) == 1:
            event = _event_from_text(leaves[0], reference)
        if event is None:
            continue
        # The smallest node holding one whole line wins; a wrapper holds several.
        if any(_event_from_leaves(_leaf_texts(c), reference) for c in node.children if isinstance(c, Node)):
            continue
        claimed.update(id(d) for d in node.iter())
        events.append(event)
    return events


_DATE_ONLY = re.compile(r"^(\d{4}[-/.])?(\d{1,2})[-/.](\d{1,2})$")
_TIME_ONLY = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")


def _event_from_leaves(leaves: list[str], reference: datetime | None) -> dict[str, Any] | None:
    if len(leaves) < 3:
        return None
    date, clock = _DATE_ONLY.match(leaves[0]), _TIME_ONLY.match(leaves[1])
    if not (date and clock):
        return None
    text = redact(" ".join(leaves[2:]))
    if date.group(1):
        time = parse_time(f"{leaves[0]} {leaves[1]}")
    else:
        time = _with_year(
            int(date.group(2)), int(date.group(3)), int(clock.group(1)), int(clock.group(2)), reference
        )
    return {k: v for k, v in {"time": time, "text": text}.items() if v is not None}


def _event_from_text(text: str, reference: datetime | None) -> dict[str, Any] | None:
    full = _FULL_EVENT_RE.match(text)
    if full:
        return {
            k: v
            for k, v in {"time": parse_time(full.group(1)), "text": redact(full.group(2))}.items()
            if v is not None
        }
    short = _EVENT_RE.match(text)
    if short:
        month, day, hour, minute, desc = short.groups()
        time = _with_year(int(month), int(day), int(hour), int(minute), reference)
        return {k: v for k, v in {"time": time, "text": redact(desc)}.items() if v is not None}
    return None


def _with_year(month: int, day: int, hour: int, minute: int, reference: datetime | None) -> datetime | None:
    """The page omits the year: take the order's year, or the next one if the date would
    fall before the order was placed (a December order delivered in January)."""
    if reference is None:
        return None
    try:
        candidate = datetime(reference.year, month, day, hour, minute)
        if candidate < reference.replace(tzinfo=None) - _DAY:
            candidate = candidate.replace(year=reference.year + 1)
        return candidate
    except ValueError:
        return None


def _leaf_texts(node: Node) -> list[str]:
    """Texts of the innermost elements, in order (labels and values are separate leaves)."""
    out: list[str] = []
    for child in node.iter():
        if child.tag in dom.RAW_TEXT:
            continue
        if not any(isinstance(c, Node) and c.tag not in ("br",) for c in child.children):
            text = clean(child.text())
            if text:
                out.append(text)
    return out


_DAY = datetime(2000, 1, 2) - datetime(2000, 1, 1)
