"""The order as read from a page: the contract every layer and every script reads."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import ChinaTime, IdString, Model, Money

Platform = Literal["taobao", "tmall"]
OrderStatus = Literal[
    "awaiting_payment",
    "awaiting_shipment",
    "shipped",
    "completed",
    "closed",
    "refunding",
    "unknown",
]
Source = Literal["embedded", "dom", "url", "derived"]


class Shop(Model):
    name: str | None = None
    seller_nick: str | None = None
    url: str | None = None


class Item(Model):
    sub_order_id: IdString | None = None
    item_id: IdString | None = None
    title: str
    sku: str | None = None
    quantity: int = Field(default=1, ge=0)
    unit_price: Money | None = None
    original_price: Money | None = None
    # 运费险, 保险服务, 购物金充值...: listed as items on the page but not goods.
    pseudo: bool = False
    snapshot_url: str | None = None
    image_url: str | None = None
    # The page's own promise, e.g. "10月10日 20:15前发货"; it overrides the default ship-by clock.
    ship_promise: str | None = None
    refund_text: str | None = None


class ParcelEvent(Model):
    time: ChinaTime | None = None
    text: str


class Parcel(Model):
    label: str | None = None
    company: str | None = None
    tracking_no: str | None = None
    shipped_at: ChinaTime | None = None
    signed_at: ChinaTime | None = None
    events: list[ParcelEvent] = Field(default_factory=list)
    sub_order_ids: list[IdString] = Field(default_factory=list)


class OrderLinks(Model):
    detail: str | None = None
    logistics: str | None = None
    after_sales: str | None = None
    refund: str | None = None
    refund_detail: str | None = None
    complaint: str | None = None
    confirm_receipt: str | None = None


class Order(Model):
    order_id: IdString
    platform: Platform = "taobao"
    shop: Shop = Field(default_factory=Shop)
    status: OrderStatus = "unknown"
    status_text: str | None = None
    created_at: ChinaTime | None = None
    paid_at: ChinaTime | None = None
    shipped_at: ChinaTime | None = None
    received_at: ChinaTime | None = None
    completed_at: ChinaTime | None = None
    total_paid: Money | None = None
    shipping_fee: Money | None = None
    items: list[Item] = Field(default_factory=list)
    parcels: list[Parcel] = Field(default_factory=list)
    links: OrderLinks = Field(default_factory=OrderLinks)
    # Virtual goods (phone top-ups, game cards, coupons): nothing is shipped, so the shipping
    # clocks and remedies do not apply. Read from the status words such orders show (充值成功...).
    virtual: bool = False
    # Where each field came from, so the shopper (and QA) can check it: {"total_paid": "embedded"}.
    sources: dict[str, Source] = Field(default_factory=dict)

    @property
    def goods(self) -> list[Item]:
        """The real goods, without insurance and other pseudo-items."""
        return [item for item in self.items if not item.pseudo]
