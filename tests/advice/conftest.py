"""Order builders for the advice tests: presets with times relative to one fixed `now`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from tousu.models import CHINA_TZ, AdviceRequest, Order

NOW = datetime(2024, 10, 20, 20, 0, 0, tzinfo=CHINA_TZ)
ORDER_ID = "3912345678901234567"

FOOD_TITLE = "每日坚果混合果仁礼盒"
DEFAULT_TITLE = "无线蓝牙耳机 降噪 入耳式"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def build_order(
    preset: str = "completed_3d",
    item: str | None = None,
    *,
    price: str = "199.00",
    quantity: int = 1,
    platform: str = "taobao",
    now: datetime = NOW,
    **overrides: Any,
) -> Order:
    """An order in a named state; `now` anchors every time so the facts are deterministic."""
    food = preset.startswith("food_")
    kind = preset.removeprefix("food_")
    title = item or (FOOD_TITLE if food else DEFAULT_TITLE)
    paid = shipped = signed = completed = None
    status = "unknown"
    parts = kind.split("_")
    if kind.startswith("unshipped"):
        days = {"1d": timedelta(hours=20), "4d": timedelta(days=4), "5d": timedelta(days=5)}[parts[1]]
        paid, status = now - days, "awaiting_shipment"
    elif kind == "shipped_transit":
        paid, shipped, status = now - timedelta(days=5), now - timedelta(days=4, hours=12), "shipped"
    elif kind.startswith("shipped_signed"):
        days = int(parts[2].removesuffix("d"))
        signed = now - timedelta(days=days, hours=3)
        paid, shipped, status = signed - timedelta(days=3), signed - timedelta(days=2), "shipped"
    elif kind == "shipped_late":
        signed = now - timedelta(days=2)
        paid, shipped = signed - timedelta(days=9), signed - timedelta(days=2)
        completed, status = signed + timedelta(hours=5), "completed"
    elif kind.startswith("completed") or kind.startswith("refunding"):
        days = int(parts[1].removesuffix("d"))
        signed = now - timedelta(days=days, hours=2)
        paid, shipped = signed - timedelta(days=3), signed - timedelta(days=2)
        if kind.startswith("completed"):
            completed, status = signed + timedelta(hours=20), "completed"
        else:
            status = "refunding"
    else:
        raise ValueError(preset)
    data: dict[str, Any] = {
        "order_id": ORDER_ID,
        "platform": platform,
        "shop": {"name": "示例旗舰店"},
        "status": status,
        "created_at": _iso(paid - timedelta(minutes=1)) if paid else None,
        "paid_at": _iso(paid),
        "shipped_at": _iso(shipped),
        "completed_at": _iso(completed),
        "total_paid": price,
        "items": [{"title": title, "quantity": quantity, "unit_price": price}],
        "parcels": [
            {
                "company": "中通快递",
                "tracking_no": "73500000000001",
                "shipped_at": _iso(shipped),
                "signed_at": _iso(signed),
            }
        ]
        if shipped
        else [],
    }
    data.update(overrides)
    return Order.model_validate(data)


def build_request(
    text: str = "",
    preset: str = "completed_3d",
    item: str | None = None,
    *,
    symptoms: list[str] | None = None,
    wanted: str | None = None,
    now: datetime = NOW,
    type: str | None = None,
    **order_kw: Any,
) -> AdviceRequest:
    return AdviceRequest(
        order=build_order(preset, item, now=now, **order_kw),
        problem={"text": text, "symptoms": symptoms or [], "wanted": wanted},
        now=now,
        type=type,
    )


@pytest.fixture
def make_order() -> Callable[..., Order]:
    return build_order


@pytest.fixture
def make_request() -> Callable[..., AdviceRequest]:
    return build_request
