"""A big invented order history for benchmarks: ``big_list_spec(n)``.

The served scenario ``big_list_<N>`` (put it in SCENARIOS) pages like the real site: 50 orders
embedded, the rest through asyncBought. ``biglist_page.big_list_html`` embeds all N in one page,
which no real page does, to give the reader one large input.
"""

from __future__ import annotations

import random
from typing import Any

from .scenarios import ScenarioSpec

_SHOPS = [
    "示例数码专营店",
    "示例文具小店",
    "示例家居旗舰店",
    "示例女装工作室",
    "示例零食铺",
    "示例运动户外店",
    "示例母婴店",
    "示例图书专营店",
    "示例美妆小铺",
    "示例宠物用品店",
]
_GOODS = [
    "蓝牙耳机",
    "中性笔 12支装",
    "收纳盒 三件套",
    "羊毛围巾",
    "牛肉干 500g",
    "瑜伽垫",
    "婴儿湿巾 80抽×6",
    "散文集",
    "保湿面霜 50ml",
    "猫砂 10kg",
    "数据线 两条装",
    "保温杯",
    "帆布鞋",
    "台灯 护眼",
    "雨伞 折叠",
    "抽纸 24包",
]
_COLOURS = ["黑色", "白色", "灰色", "蓝色", "粉色", "标准款"]
_STATUSES = [
    ("TRADE_FINISHED", 60),
    ("WAIT_BUYER_CONFIRM_GOODS", 15),
    ("TRADE_CLOSED", 12),
    ("WAIT_SELLER_SEND_GOODS", 8),
    ("WAIT_BUYER_PAY", 5),
]


def _order(rng: random.Random, index: int, hours_ago: int) -> dict[str, Any]:
    status = rng.choices([s for s, _ in _STATUSES], [w for _, w in _STATUSES])[0]
    main = 3100000900000000000 + index * 10
    count = rng.choice([1, 1, 1, 1, 2, 3])
    shop_no = rng.randrange(len(_SHOPS))
    items = []
    total = 0
    for n in range(count):
        sub = str(main if count == 1 else main + n + 1)
        price = rng.randrange(590, 59900) / 100
        quantity = rng.choice([1, 1, 1, 2, 3])
        total += round(price * 100) * quantity
        items.append(
            {
                "sub_id": sub,
                "item_id": str(610000000000 + index * 10 + n),
                "title": f"示例{rng.choice(_GOODS)} {index:04d}",
                "sku": {"颜色分类": rng.choice(_COLOURS)},
                "unit_price": f"{price:.2f}",
                "quantity": quantity,
            }
        )
    order: dict[str, Any] = {
        "id": str(main),
        "status": status,
        "created": f"-{hours_ago}h",
        "total_paid": f"{total / 100:.2f}",
        "items": items,
        "shop": {"name": _SHOPS[shop_no], "nick": _SHOPS[shop_no][:4], "seller_id": 2200000090000 + shop_no},
    }
    if status != "WAIT_BUYER_PAY":
        order["paid"] = f"-{hours_ago}h+1m"
    if status in {"WAIT_BUYER_CONFIRM_GOODS", "TRADE_FINISHED"}:
        shipped = max(hours_ago - 20, 1)
        order["shipped"] = f"-{shipped}h"
        order["parcels"] = [
            {"company": "示例快递", "tracking_no": f"SL9{index:010d}", "shipped": f"-{shipped}h"}
        ]
        if status == "TRADE_FINISHED":
            order["completed"] = f"-{shipped}h+30m"
    if status == "TRADE_CLOSED":
        order["closed"] = f"-{hours_ago}h+30m"
    return order


def big_list_spec(n: int, seed: int = 20251101) -> ScenarioSpec:
    """``n`` invented orders, newest first, one every ~9 hours back from now."""
    if not 1 <= n <= 20000:
        raise ValueError("big list size must be between 1 and 20000")
    rng = random.Random(seed)
    orders = [_order(rng, i, 2 + i * 9) for i in range(n)]
    return ScenarioSpec.model_validate(
        {
            "name": f"big_list_{n}",
            "title": f"{n} 笔订单（基准测试）",
            "description": "为性能测试生成的虚构订单。",
            "generation": "tm1",
            "orders": orders,
        }
    )
