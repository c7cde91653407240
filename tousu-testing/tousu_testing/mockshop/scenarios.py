"""Scenario files: the schema a developer writes against, the loader, and resolution to a world.

A scenario is one TOML file in ``tousu_testing/mockshop/scenarios/``. The schema is strict (unknown keys
are errors) so that a typo in a hand-written file is reported with the file name and the field,
instead of silently giving an order without, say, a ship time.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tousu.models.advice import TypeCode

from .timeutil import check_time, resolve

SCENARIO_DIR = Path(__file__).parent / "scenarios"

TradeStatus = Literal[
    "WAIT_BUYER_PAY",
    "WAIT_SELLER_SEND_GOODS",
    "SELLER_CONSIGNED_PART",
    "WAIT_BUYER_CONFIRM_GOODS",
    "TRADE_FINISHED",
    "TRADE_CLOSED",
    "CREATE_CLOSED_OF_TAOBAO",
]
STATUS_TEXT: dict[str, str] = {
    "WAIT_BUYER_PAY": "等待买家付款",
    "WAIT_SELLER_SEND_GOODS": "买家已付款",
    "SELLER_CONSIGNED_PART": "部分发货",
    "WAIT_BUYER_CONFIRM_GOODS": "卖家已发货",
    "TRADE_FINISHED": "交易成功",
    "TRADE_CLOSED": "交易关闭",
    "CREATE_CLOSED_OF_TAOBAO": "交易关闭",
}
# Tmall words some states differently on its own pages.
TMALL_STATUS_TEXT: dict[str, str] = {
    **STATUS_TEXT,
    "WAIT_SELLER_SEND_GOODS": "买家已付款，等待商家发货",
    "WAIT_BUYER_CONFIRM_GOODS": "商家已发货，等待买家确认",
}
DetailPage = Literal["taobao_old", "taobao_new", "tmall", "archive"]
Generation = Literal["tm1", "tm2"]


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message names the file and the field."""


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _digits(value: str, length: int | None, what: str) -> str:
    if not isinstance(value, str) or not value.isdigit():
        raise ValueError(f"{what} must be a string of digits (quote it in TOML), got {value!r}")
    if length is not None and len(value) != length:
        raise ValueError(f"{what} must have {length} digits, got {len(value)}: {value!r}")
    return value


def _money(value: str) -> str:
    try:
        amount = Decimal(value)
    except Exception:
        raise ValueError(f'money must be a decimal string like "47.40", got {value!r}') from None
    return f"{amount:.2f}"


class ShopSpec(_Spec):
    name: str
    nick: str
    seller_id: int = Field(ge=10**11, lt=10**14, description="numeric seller id, ~13 digits")


class RefundSpec(_Spec):
    """A refund already open or finished on an item before the story starts."""

    status_text: str = Field(examples=["退款中", "退款成功", "退款关闭", "卖家拒绝退款"])
    refund_id: str | None = None


class ItemSpec(_Spec):
    sub_id: str
    item_id: str
    title: str
    sku: dict[str, str] = Field(default_factory=dict)
    unit_price: str
    original_price: str | None = None
    quantity: int = Field(default=1, ge=1, le=999)
    paid_amount: str | None = Field(
        default=None, description="the line's own 实付 after coupons, as the new detail page shows it"
    )
    pic: str | None = None
    ship_promise: str | None = Field(default=None, description="relative time: 发货时间 promise")
    service_icons: list[str] = Field(default_factory=lambda: ["七天退换", "如实描述"])
    seller_promise: str | None = Field(default=None, description="a promise shown with the item")
    refund: RefundSpec | None = None
    pseudo: bool = Field(default=False, description="运费险/保险服务: listed but not goods")

    _sub = field_validator("sub_id")(lambda v: _digits(v, 19, "sub_id"))
    _item = field_validator("item_id")(lambda v: _digits(v, None, "item_id"))
    _price = field_validator("unit_price", "original_price", "paid_amount")(
        lambda v: None if v is None else _money(v)
    )
    _promise = field_validator("ship_promise")(lambda v: None if v is None else check_time(v))


class EventSpec(_Spec):
    at: str
    text: str

    _at = field_validator("at")(check_time)


class ParcelSpec(_Spec):
    company: str
    tracking_no: str
    shipped: str
    signed: str | None = None
    items: list[str] = Field(default_factory=list, description="sub ids; empty = all items")
    events: list[EventSpec] = Field(default_factory=list)

    _times = field_validator("shipped", "signed")(lambda v: None if v is None else check_time(v))


class OrderSpec(_Spec):
    id: str
    platform: Literal["taobao", "tmall"] = "taobao"
    status: TradeStatus
    status_text: str | None = None
    category: str = ""
    shop: ShopSpec
    created: str
    paid: str | None = None
    shipped: str | None = None
    signed: str | None = None
    completed: str | None = None
    closed: str | None = None
    total_paid: str
    postage: str = "0.00"
    discount: str | None = Field(default=None, description="order-level 官方立减, positive")
    items: list[ItemSpec] = Field(min_length=1)
    parcels: list[ParcelSpec] = Field(default_factory=list)
    detail_page: DetailPage | None = None
    archived: bool = False
    mobile_order: bool = True
    buyer_message: str | None = None
    close_reason: str | None = None

    _id = field_validator("id")(lambda v: _digits(v, 19, "order id"))
    _money = field_validator("total_paid", "postage", "discount")(lambda v: None if v is None else _money(v))
    _times = field_validator("created", "paid", "shipped", "signed", "completed", "closed")(
        lambda v: None if v is None else check_time(v)
    )

    @model_validator(mode="after")
    def _consistent(self) -> OrderSpec:
        paid_states = {
            "WAIT_SELLER_SEND_GOODS",
            "SELLER_CONSIGNED_PART",
            "WAIT_BUYER_CONFIRM_GOODS",
            "TRADE_FINISHED",
        }
        shipped_states = {"SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_FINISHED"}
        if self.status in paid_states and self.paid is None:
            raise ValueError(f"status {self.status} needs a 'paid' time")
        if self.status in shipped_states and self.shipped is None:
            raise ValueError(f"status {self.status} needs a 'shipped' time")
        if self.status == "WAIT_SELLER_SEND_GOODS" and self.shipped is not None:
            raise ValueError("status WAIT_SELLER_SEND_GOODS (not shipped) cannot have 'shipped'")
        if self.status == "TRADE_FINISHED" and self.completed is None:
            raise ValueError("status TRADE_FINISHED needs a 'completed' time (成交/确认收货)")
        if self.status in {"TRADE_CLOSED", "CREATE_CLOSED_OF_TAOBAO"} and self.closed is None:
            raise ValueError(f"status {self.status} needs a 'closed' time")
        subs = [item.sub_id for item in self.items]
        if len(set(subs)) != len(subs):
            raise ValueError("items have duplicate sub_id")
        if len(self.items) == 1 and subs[0] != self.id:
            # The real list does this: a single-item order's sub id equals the main id.
            raise ValueError("a single-item order's sub_id must equal the order id")
        for parcel in self.parcels:
            unknown = set(parcel.items) - set(subs)
            if unknown:
                raise ValueError(f"parcel {parcel.tracking_no} lists unknown items {unknown}")
        if self.detail_page == "tmall" and self.platform != "tmall":
            raise ValueError("detail_page 'tmall' needs platform = \"tmall\"")
        # Times must run forward; checked against an arbitrary "now" since all are relative to it.
        probe = datetime.fromisoformat("2030-01-01T12:00:00+08:00")
        order = ["created", "paid", "shipped", "signed"]
        last_name, last = None, None
        for name in order:
            text = getattr(self, name)
            if text is None:
                continue
            moment = resolve(text, probe)
            if last is not None and moment < last:
                raise ValueError(f"'{name}' ({text}) is before '{last_name}'")
            last_name, last = name, moment
        return self


class CaseSpec(_Spec):
    """A complaint or refund that already exists when the scenario starts."""

    kind: Literal["complaint", "refund"]
    order_id: str
    sub_id: str | None = None
    case_id: str | None = None
    status: str = "pending_seller"
    reason: str
    demand: str | None = None
    description: str = ""
    amount: str | None = None
    created: str = "-1d"
    seller_reply: str | None = None

    _created = field_validator("created")(check_time)


class StorySpec(_Spec):
    """The shopper's problem, for tests that iterate over scenarios."""

    text: str = Field(min_length=4)
    expected_type: TypeCode
    order_id: str
    wanted: str | None = None
    symptoms: list[str] = Field(default_factory=list)


class ScenarioSpec(_Spec):
    name: str
    title: str
    description: str = ""
    generation: Generation = "tm1"
    story: StorySpec | None = None
    orders: list[OrderSpec] = Field(min_length=1)
    cases: list[CaseSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> ScenarioSpec:
        ids = {order.id for order in self.orders}
        if len(ids) != len(self.orders):
            raise ValueError("duplicate order id within the scenario")
        if self.story is not None and self.story.order_id not in ids:
            raise ValueError(f"story.order_id {self.story.order_id} is not one of the orders")
        for case in self.cases:
            if case.order_id not in ids:
                raise ValueError(f"case order_id {case.order_id} is not one of the orders")
        return self


# ---------------------------------------------------------------- resolved world


@dataclass
class Parcel:
    company: str
    tracking_no: str
    shipped: datetime
    signed: datetime | None
    sub_ids: list[str]
    events: list[tuple[datetime, str]]


@dataclass
class Order:
    """An order with concrete times, as every page builder consumes it."""

    spec: OrderSpec
    scenario: str
    created: datetime
    paid: datetime | None
    shipped: datetime | None
    signed: datetime | None
    completed: datetime | None
    closed: datetime | None
    parcels: list[Parcel] = field(default_factory=list)
    ship_promises: dict[str, datetime] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def tmall(self) -> bool:
        return self.spec.platform == "tmall"

    @property
    def status_text(self) -> str:
        if self.spec.status_text:
            return self.spec.status_text
        return STATUS_TEXT[self.spec.status]

    @property
    def detail_page(self) -> str:
        if self.spec.detail_page:
            return self.spec.detail_page
        if self.spec.archived:
            return "archive"
        return "tmall" if self.tmall else "taobao_old"

    def item(self, sub_id: str) -> ItemSpec | None:
        return next((i for i in self.spec.items if i.sub_id == sub_id), None)

    @property
    def goods_total(self) -> Decimal:
        return sum((Decimal(i.unit_price) * i.quantity for i in self.spec.items), Decimal("0"))


def _default_events(
    parcel: ParcelSpec, shipped: datetime, signed: datetime | None, company: str
) -> list[tuple[datetime, str]]:
    from datetime import timedelta

    events = [
        (shipped - timedelta(hours=2), "您的订单开始处理"),
        (shipped, f"【某市】{company} 已揽收"),
        (shipped + timedelta(hours=9), "【某市】快件已到达 某市转运中心"),
        (shipped + timedelta(hours=20), "【某市】快件已发往 某区示例营业部"),
    ]
    if signed is not None:
        events.append((signed - timedelta(hours=3), "【某市】快件正在派送中，派送员：示例快递员"))
        events.append((signed, "【某市】快件已签收，签收人：本人，感谢使用"))
    return events


def resolve_order(spec: OrderSpec, scenario: str, now: datetime) -> Order:
    def at(text: str | None) -> datetime | None:
        return None if text is None else resolve(text, now)

    created = resolve(spec.created, now)
    order = Order(
        spec=spec,
        scenario=scenario,
        created=created,
        paid=at(spec.paid),
        shipped=at(spec.shipped),
        signed=at(spec.signed),
        completed=at(spec.completed),
        closed=at(spec.closed),
    )
    all_subs = [item.sub_id for item in spec.items]
    for p in spec.parcels:
        shipped = resolve(p.shipped, now)
        signed = at(p.signed)
        events = [(resolve(e.at, now), e.text) for e in p.events] or _default_events(
            p, shipped, signed, p.company
        )
        order.parcels.append(
            Parcel(p.company, p.tracking_no, shipped, signed, list(p.items) or all_subs, sorted(events))
        )
    for item in spec.items:
        if item.ship_promise:
            order.ship_promises[item.sub_id] = resolve(item.ship_promise, now)
    return order


# ---------------------------------------------------------------- loading


def _describe(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        where = ".".join(str(part) for part in err["loc"]) or "(file)"
        lines.append(f"  {where}: {err['msg']}")
    return "\n".join(lines)


def parse_scenario(text: str, source: str = "<text>") -> ScenarioSpec:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{source}: not valid TOML: {exc}") from None
    try:
        return ScenarioSpec.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioError(f"{source}: invalid scenario\n{_describe(exc)}") from None


def load_file(path: Path) -> ScenarioSpec:
    spec = parse_scenario(path.read_text(encoding="utf-8"), str(path))
    if spec.name != path.stem:
        raise ScenarioError(f"{path}: name {spec.name!r} must equal the file name {path.stem!r}")
    return spec


def load_all(directory: Path | None = None) -> dict[str, ScenarioSpec]:
    """Every scenario in the directory, checked together (ids must be unique across files)."""
    directory = directory or SCENARIO_DIR
    specs: dict[str, ScenarioSpec] = {}
    owner: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        spec = load_file(path)
        for order in spec.orders:
            for oid in {order.id, *(i.sub_id for i in order.items)}:
                if oid in owner and owner[oid] != spec.name:
                    raise ScenarioError(
                        f"{path}: id {oid} is already used by scenario {owner[oid]!r}; "
                        "ids must be unique so that all scenarios can be shown together"
                    )
                owner[oid] = spec.name
        specs[spec.name] = spec
    return specs


def select(
    specs: dict[str, ScenarioSpec],
    names: list[str] | None,
    big_list: Callable[[int], ScenarioSpec] | None = None,
) -> dict[str, ScenarioSpec]:
    """The named scenarios; ``big_list_<N>`` is generated by `big_list` (see biglist.py, which
    imports this module, so it is passed in rather than imported here)."""
    if names is None:
        return dict(specs)
    unknown = [n for n in names if n not in specs and not n.startswith("big_list_")]
    if unknown:
        raise ScenarioError(f"unknown scenarios {unknown}; known: {sorted(specs)}")
    chosen: dict[str, ScenarioSpec] = {}
    for name in names:
        if name in specs:
            chosen[name] = specs[name]
        elif big_list is None:
            raise ScenarioError(f"{name}: generated scenarios are not available here")
        else:
            chosen[name] = big_list(int(name.removeprefix("big_list_")))
    return chosen
