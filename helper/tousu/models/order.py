"""The order as read from a page: the contract every layer and every script reads."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

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
# goods | gift (a free line, 赠品) | pseudo (运费险, 购物金充值: listed but not goods).
ItemKind = Literal["goods", "gift", "pseudo"]


class Shop(Model):
    name: str | None = None
    seller_nick: str | None = None
    url: str | None = None


class Component(Model):
    """A sub-item of a combination listing (套装内的三脚架): its value as the seller declared it,
    which prices a problem with that sub-item alone (争议处理规则 arts 60, 63)."""

    name: str
    declared_value: Money | None = None
    quantity: int | None = Field(default=None, ge=0)


class Item(Model):
    sub_order_id: IdString | None = None
    item_id: IdString | None = None
    title: str
    sku: str | None = None
    quantity: int = Field(default=1, ge=0)
    unit_price: Money | None = None
    original_price: Money | None = None
    # What the buyer actually paid for the whole line after item and order-level discounts (the
    # sub-order's 实付): the base of every amount when the page shows it.
    paid_amount: Money | None = None
    # 运费险, 保险服务, 购物金充值...: listed as items on the page but not goods. `pseudo` and
    # `kind == "pseudo"` always agree (either one sets both).
    pseudo: bool = False
    kind: ItemKind = "goods"
    snapshot_url: str | None = None
    image_url: str | None = None
    # The page's own promise, e.g. "10月10日 20:15前发货"; it overrides the default ship-by clock.
    ship_promise: str | None = None
    # The same promise as a number of hours after payment (24, 48, 360 for 预售 15 天).
    ship_within_hours: int | None = Field(default=None, ge=0, le=24 * 400)
    # A gift's value as the seller declared it (kept gifts are deducted from a no-reason refund).
    declared_value: Money | None = None
    components: list[Component] = Field(default_factory=list)
    # Made to the buyer's order (刻字, 定制): no seven-day no-reason return (消法 art. 25).
    custom_made: bool | None = None
    refund_text: str | None = None

    @model_validator(mode="after")
    def _kind_and_pseudo(self) -> Item:
        if self.kind == "pseudo":
            self.pseudo = True
        elif self.pseudo:
            if "kind" in self.model_fields_set:
                raise ValueError(f"pseudo is true but kind is {self.kind!r}")
            self.kind = "pseudo"
        return self

    @property
    def gift(self) -> bool:
        return self.kind == "gift"


class ParcelEvent(Model):
    time: ChinaTime | None = None
    text: str


class ParcelContent(Model):
    """What one parcel carries of a sub-order: units, or one sub-item of a combination."""

    sub_order_id: IdString
    quantity: int = Field(default=1, ge=0)
    component: str | None = None


class Parcel(Model):
    label: str | None = None
    company: str | None = None
    tracking_no: str | None = None
    # The seller's 点击发货; first_scan_at is the first record in the carrier's own system, which
    # is what decides a late shipment (争议处理规则 art. 25).
    shipped_at: ChinaTime | None = None
    first_scan_at: ChinaTime | None = None
    signed_at: ChinaTime | None = None
    events: list[ParcelEvent] = Field(default_factory=list)
    sub_order_ids: list[IdString] = Field(default_factory=list)
    contents: list[ParcelContent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ids_from_contents(self) -> Parcel:
        if self.contents and not self.sub_order_ids:
            self.sub_order_ids = list(dict.fromkeys(c.sub_order_id for c in self.contents))
        return self


class OrderLinks(Model):
    detail: str | None = None
    logistics: str | None = None
    after_sales: str | None = None
    refund: str | None = None
    refund_detail: str | None = None
    complaint: str | None = None
    confirm_receipt: str | None = None


class Discount(Model):
    """An order-level discount as the page lists it: a negative amount ("-30.00")."""

    name: str | None = None
    amount: Money
    sub_order_id: IdString | None = None


class Payment(Model):
    """One way the total was paid (支付宝, 购物金 ...): 购物金 is the buyer's own money, not a discount."""

    method: str
    amount: Money


class ShippingRule(Model):
    """满额包邮: free shipping from a threshold, else the standard freight."""

    free_shipping_threshold: Money | None = None
    standard_freight: Money | None = None


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
    # Separately charged outbound freight. `freight` is the same field under the corpus's name:
    # either one sets both, and they may not disagree.
    shipping_fee: Money | None = None
    freight: Money | None = None
    discounts: list[Discount] = Field(default_factory=list)
    payments: list[Payment] = Field(default_factory=list)
    shipping_rule: ShippingRule | None = None
    # Services bought with the order, as the page names them (退货宝, 运费险).
    services: list[str] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    parcels: list[Parcel] = Field(default_factory=list)
    links: OrderLinks = Field(default_factory=OrderLinks)
    # Virtual goods (phone top-ups, game cards, coupons): nothing is shipped, so the shipping
    # clocks and remedies do not apply. Read from the status words such orders show (充值成功...).
    virtual: bool = False
    # Where each field came from, so the shopper (and QA) can check it: {"total_paid": "embedded"}.
    sources: dict[str, Source] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_freight(self) -> Order:
        if self.freight is None:
            self.freight = self.shipping_fee
        elif self.shipping_fee is None:
            self.shipping_fee = self.freight
        elif self.freight != self.shipping_fee:
            raise ValueError(f"freight {self.freight} and shipping_fee {self.shipping_fee} disagree")
        return self

    @property
    def goods(self) -> list[Item]:
        """The real goods, without insurance and other pseudo-items."""
        return [item for item in self.items if not item.pseudo]
