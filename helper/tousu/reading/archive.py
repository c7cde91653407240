"""Archived orders (`tradearchive.taobao.com`): the classic server-rendered detail table.

Labels sit in `td.label` ("物流公司：", "运单号：", "订单编号：") with the value in the next cell;
goods are table rows linking to the item page. 收货地址 rows are skipped.
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
    is_pseudo_title,
    parse_money,
    parse_time,
    status_from,
    url_id,
)
from .dom import Node

_TIMES = {
    "创建时间": "created_at",
    "成交时间": "created_at",
    "付款时间": "paid_at",
    "发货时间": "shipped_at",
    "确认时间": "received_at",
    "确认收货时间": "received_at",
}
_STATUS = re.compile(r"(?:当前)?订单状态\s*[:：]\s*([^\s，,。]+)")


def read(html: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    root = dom.parse(html)
    order = make_order(_order_fields(root, url), warnings)
    return [order] if order is not None else []


def labelled_cells(root: Node) -> dict[str, str]:
    """{label: value} for every `td.label` / `th` label cell and the cell after it."""
    found: dict[str, str] = {}
    for cell in root.find_all(
        lambda n: n.tag in ("td", "th", "dt", "span") and (n.has_class("label") or n.tag in ("th", "dt"))
    ):
        label = (clean(cell.text()) or "").rstrip(":：").strip()
        if not label or label in found or len(label) > 12:
            continue
        siblings = [c for c in (cell.parent.children if cell.parent else []) if isinstance(c, Node)]
        index = siblings.index(cell)
        if index + 1 < len(siblings):
            value = clean(siblings[index + 1].text())
            if value:
                found[label] = value
    return found


def _order_fields(root: Node, base: str) -> dict[str, Any]:
    fields = FieldBag("dom")
    put = fields.put

    cells = labelled_cells(root)
    put("order_id", as_id(re.sub(r"\D", "", cells.get("订单编号", "")) or None))
    put("order_id", url_id(base, "bizOrderId", "biz_order_id"), "url")
    for label, field in _TIMES.items():
        put(field, parse_time(cells.get(label)))
    text = root.text()
    status = _STATUS.search(text)
    status_text = clean(status.group(1)) if status else None
    put("status_text", status_text)
    put("status", status_from(None, status_text) if status_text else None)
    paid = cells.get("实付款") or _after(text, "实付款")
    put("total_paid", parse_money(paid))
    fee = cells.get("运费") or _after(text, "含运费")
    put("shipping_fee", parse_money(fee) if fee else None)
    seller_cell = _cell_after(root, "卖家")
    seller_link = seller_cell.find(lambda n: n.tag == "a") if seller_cell else None
    shop_link = seller_link if seller_link is not None and "shop" in (seller_link.get("href") or "") else None
    shop = {
        # "卖家：" is the shop when it links to one, the seller's nick otherwise.
        "name": cells.get("店铺名称")
        or cells.get("店铺")
        or (clean(shop_link.text()) if shop_link else None),
        "seller_nick": cells.get("卖家昵称") or (cells.get("卖家") if shop_link is None else None),
        "url": abs_url(shop_link.get("href"), base) if shop_link else None,
    }
    put("shop", {k: v for k, v in shop.items() if v} or None)
    put("platform", "taobao", "derived")
    company = cells.get("物流公司")
    number = cells.get("运单号") or cells.get("运单号码")
    if company or number:
        put("parcels", [{k: v for k, v in {"company": company, "tracking_no": number}.items() if v}])
    put("items", [item for item in (_item(row, base) for row in _item_rows(root)) if item])
    if base.startswith("http"):
        put("links", {"detail": base}, "url")
    return fields.fields()


def _item_rows(root: Node) -> list[Node]:
    rows = [
        row
        for row in root.by_tag("tr")
        if any(_is_goods_link(a.get("href")) for a in row.by_tag("a"))
        and not any(c.tag == "th" for c in row.children if isinstance(c, Node))
    ]
    # Layout tables nest: keep only the innermost rows that link to goods.
    marked = {id(row) for row in rows}
    return [row for row in rows if not any(id(d) in marked for d in row.iter() if d.tag == "tr")]


def _is_goods_link(href: str | None) -> bool:
    return bool(href) and ("item.htm" in href or "tradeSnap" in href)  # type: ignore[operator]


def _columns(row: Node) -> dict[str, int]:
    """Header names -> cell index, from the nearest preceding row of <th> cells."""
    table = next((a for a in row.ancestors() if a.tag == "table"), None)
    if table is None:
        return {}
    for candidate in table.by_tag("tr"):
        heads = [c for c in candidate.children if isinstance(c, Node) and c.tag == "th"]
        if heads:
            return {clean(h.text()) or "": i for i, h in enumerate(heads)}
    return {}


def _item(row: Node, base: str) -> dict[str, Any] | None:
    links = [a for a in row.by_tag("a") if _is_goods_link(a.get("href"))]
    titled = [a for a in links if clean(a.text()) and "快照" not in (a.text() or "")]
    link = next((a for a in titled if "item.htm" in (a.get("href") or "")), None) or next(iter(titled), None)
    if link is None:
        return None
    title = clean(link.text())
    if not title:
        return None
    snapshot = next(
        (abs_url(a.get("href"), base) for a in links if "tradeSnap" in (a.get("href") or "")), None
    )
    item_link = next((a for a in links if "item.htm" in (a.get("href") or "")), None)
    cells = [c for c in row.children if isinstance(c, Node) and c.tag == "td"]
    columns = _columns(row)

    def cell(css: str, *headers: str) -> Node | None:
        found = next((c for c in cells if c.has_class(css)), None)
        if found is not None:
            return found
        for name, index in columns.items():
            if any(h in name for h in headers) and index < len(cells):
                return cells[index]
        return None

    price = cell("price", "单价", "价格")
    quantity = cell("num", "数量")
    sku = next(
        (
            clean(n.text())
            for n in row.find_all(lambda n: n.has_class("sku") or n.has_class("props"))
            if clean(n.text())
        ),
        None,
    )
    item = {
        "sub_order_id": url_id(snapshot, "trade_id", "tradeID"),
        "item_id": url_id(abs_url(item_link.get("href"), base), "id") if item_link else None,
        "title": title,
        "sku": sku,
        "quantity": as_int(quantity.text(), 1) if quantity else 1,
        "unit_price": parse_money(price.text()) if price else None,
        "pseudo": is_pseudo_title(title),
        "snapshot_url": snapshot,
    }
    return {k: v for k, v in item.items() if v is not None}


def _cell_after(root: Node, label: str) -> Node | None:
    for cell in root.find_all(lambda n: n.tag == "td" and n.has_class("label")):
        if (clean(cell.text()) or "").rstrip(":：") == label and cell.parent is not None:
            siblings = [c for c in cell.parent.children if isinstance(c, Node)]
            index = siblings.index(cell)
            return siblings[index + 1] if index + 1 < len(siblings) else None
    return None


def _after(text: str, label: str) -> str | None:
    match = re.search(re.escape(label) + r"\s*+(?:[:：]\s*+)?((?:[￥¥]\s*+)?[\d,]++(?:\.\d+)?)", text)
    return match.group(1) if match else None
