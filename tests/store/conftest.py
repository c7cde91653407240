from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tousu.models import CHINA_TZ, Order
from tousu.models.case import CaseCreate
from tousu.store import Store

ORDER_ID = "3851234567890123456"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 20, 9, 30, tzinfo=CHINA_TZ))


@pytest.fixture
def store(tmp_path, clock):
    opened = Store(tmp_path / "data", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def order() -> Order:
    return Order.model_validate(
        {
            "order_id": ORDER_ID,
            "platform": "tmall",
            "shop": {"name": "某某旗舰店"},
            "status": "completed",
            "status_text": "交易成功",
            "total_paid": "47.40",
            "items": [
                {"title": "运费险", "pseudo": True, "unit_price": "0.50"},
                {
                    "sub_order_id": "3851234567890123457",
                    "title": "陶瓷马克杯 350ml",
                    "quantity": 2,
                    "unit_price": "23.45",
                },
            ],
        }
    )


@pytest.fixture
def new_case(order):
    def make(**fields) -> CaseCreate:
        data = {"order": order, "problem": "杯子收到时有裂纹。", "type": "quality_defect"}
        data.update(fields)
        return CaseCreate.model_validate(data)

    return make
