"""Benchmark: read_page on the old bought-items list against a floor measured in the same run.

    .venv/bin/python scripts/bench_reading.py [--repeat N]

The floor is the least any reader of that page must do: find the `JSON.parse('…')` script,
decode the JS string literal and parse the JSON with the same big-int-safe parser. The ratio
read_page / floor is what the mapping to models costs on top (aim: <= 1.5x, linear in orders).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tousu.reading import read_page  # noqa: E402
from tousu.reading.embedded import loads  # noqa: E402
from tousu.reading.jsliteral import decode_js_string, find_literal_end  # noqa: E402

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


def _fixtures() -> Any:
    path = ROOT / "tests" / "fixtures" / "pages" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


STATUSES = [
    ("WAIT_BUYER_CONFIRM_GOODS", "卖家已发货"),
    ("TRADE_FINISHED", "交易成功"),
    ("TRADE_CLOSED", "交易关闭"),
    ("WAIT_SELLER_SEND_GOODS", "买家已付款"),
]
WORDS = [
    "示例",
    "耳机",
    "降噪",
    "无线",
    "蓝牙",
    "收纳盒",
    "三件套",
    "纯棉",
    "T恤",
    "男款",
    "加厚",
    "保温杯",
    "304不锈钢",
    "大容量",
    "儿童",
    "益智",
    "拼图",
    '"限定"',
    "A\\B款",
    "<新品>",
    "&",
]


def realistic_page(fx: Any, orders: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    mains = []
    for n in range(orders):
        main_id = str(3100000000000100000 + n * 10)
        status, text = STATUSES[n % len(STATUSES)]
        tmall = n % 3 == 0
        subs = []
        for k in range(1 + rng.randrange(3)):
            sub_id = main_id if k == 0 and n % 2 else str(int(main_id) + k + 1)
            title = " ".join(rng.choice(WORDS) for _ in range(8 + rng.randrange(10)))
            ops = [fx.complaint_op(main_id, tmall)]
            if status == "WAIT_BUYER_CONFIRM_GOODS":
                ops.insert(0, fx.refund_op(sub_id, tmall))
            elif status == "TRADE_FINISHED":
                ops.insert(0, fx.after_sales_op(sub_id))
            elif status == "TRADE_CLOSED":
                ops.insert(0, fx.view_refund_op(sub_id))
            subs.append(
                fx.tm1_sub(
                    sub_id,
                    title=title,
                    item_id=600000100000 + n * 10 + k,
                    real_total=f"{rng.randrange(100, 99900) / 100:.2f}",
                    quantity=str(1 + rng.randrange(3)),
                    sku=[("颜色分类", rng.choice(["黑色", "白色", "蓝色"])), ("尺码", rng.choice("SMLX"))],
                    original=f"{rng.randrange(1000, 99900) / 100:.2f}" if rng.random() < 0.5 else None,
                    ship_promise="10月10日 20:15前发货" if rng.random() < 0.3 else None,
                    operations=ops,
                )
            )
        if rng.random() < 0.2:
            subs.append(
                fx.tm1_sub(
                    str(int(main_id) + 9),
                    title="运费险",
                    item_id=600009999999,
                    real_total="0.00",
                    pseudo=True,
                    operations=[],
                )
            )
        mains.append(
            fx.tm1_order(
                main_id,
                create_time=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d} 10:{n % 60:02d}:00",
                status=status,
                status_text=text,
                actual_fee=f"{rng.randrange(100, 99900) / 100:.2f}",
                shop_name=f"示例店铺{n}",
                seller_nick=f"示例卖家{n}",
                seller_id=2200000000000 + n,
                tmall=tmall,
                subs=subs,
                trade_ops=[fx.confirm_op(main_id, tmall)] if status == "WAIT_BUYER_CONFIRM_GOODS" else [],
            )
        )
    return fx.tm1_page(fx.tm1_root(mains, page_size=max(orders, 15)))


def floor(html: str) -> Any:
    start = html.find("var data = JSON.parse(")
    quote = html.index("'", start)
    end = find_literal_end(html, quote)
    return loads(decode_js_string(html[quote + 1 : end]))


def best(fns: list[Callable[[], Any]], repeat: int) -> list[float]:
    """The fastest of `repeat` runs of each function, interleaved so a noisy neighbour slows
    all of them alike rather than whichever happened to run during the noise."""
    times = [float("inf")] * len(fns)
    for _ in range(repeat):
        for index, fn in enumerate(fns):
            began = time.perf_counter()
            fn()
            times[index] = min(times[index], time.perf_counter() - began)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    fx = _fixtures()
    print(
        f"{'orders':>6} {'KB':>7} {'floor ms':>9} {'read str ms':>12} {'ratio':>6} "
        f"{'read bytes ms':>14} {'ms/order':>9}"
    )
    per_order = []
    for count in (50, 500):
        raw = realistic_page(fx, count)
        text = raw.decode("gb18030")
        reading = read_page(LIST_URL, text)
        assert len(reading.orders) == count, (len(reading.orders), reading.warnings)
        floor_s, read_s, bytes_s = best(
            [
                lambda text=text: floor(text),
                lambda text=text: read_page(LIST_URL, text),
                lambda raw=raw: read_page(LIST_URL, raw),
            ],
            args.repeat,
        )
        per_order.append(read_s / count)
        print(
            f"{count:>6} {len(raw) / 1024:>7.0f} {floor_s * 1000:>9.2f} {read_s * 1000:>12.2f} "
            f"{read_s / floor_s:>6.2f} {bytes_s * 1000:>14.2f} {read_s / count * 1000:>9.3f}"
        )
    print(f"linearity (ms/order at 500 / at 50): {per_order[1] / per_order[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
