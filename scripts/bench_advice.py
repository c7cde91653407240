"""Benchmark: in-process advise() time against a floor measured in the same run.

The floor is a pydantic model_validate + model_dump of the same order, the least any request
handler does; the ratio says what the advice layer costs on top, independent of the machine.
Usage: .venv/bin/python scripts/bench_advice.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tousu.advice import advise, lint  # noqa: E402
from tousu.models import AdviceRequest, Order  # noqa: E402

ORDER = {
    "order_id": "3912345678901234567",
    "platform": "taobao",
    "shop": {"name": "声悦数码专营店"},
    "status": "completed",
    "status_text": "交易成功",
    "created_at": "2024-10-08T10:02:11",
    "paid_at": "2024-10-08T10:02:30",
    "shipped_at": "2024-10-08T18:00:00",
    "completed_at": "2024-10-11T09:00:00",
    "total_paid": "199.00",
    "items": [{"title": "无线蓝牙耳机 降噪 入耳式", "sku": "白色", "quantity": 1, "unit_price": "199.00"}],
    "parcels": [{"company": "中通快递", "tracking_no": "73500000000001", "signed_at": "2024-10-10T14:20:00"}],
}
TEXTS = [
    "左耳没有声音，充电也充不进去",
    "骗子！！！赔我一万块，不然我就曝光你，电话13812345678",
    "七天无理由退货，卖家拒绝了，说拆封了就不能退",
]


def per_call(fn: Callable[[], object], rounds: int) -> float:
    """Median seconds per call over `rounds` batches (after a warm-up)."""
    for _ in range(20):
        fn()
    batch = 50
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        times.append((time.perf_counter() - start) / batch)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    floor = per_call(lambda: Order.model_validate(ORDER).model_dump(mode="json"), args.rounds)
    print(f"floor (Order validate+dump): {floor * 1e3:8.3f} ms")
    for text in TEXTS:
        request = AdviceRequest.model_validate(
            {"order": ORDER, "problem": {"text": text}, "now": "2024-10-12T20:00:00+08:00"}
        )
        cost = per_call(lambda r=request: advise(r), args.rounds)
        print(f"advise  {cost * 1e3:8.3f} ms  ratio {cost / floor:6.1f}x  {text[:16]}")
        lint_cost = per_call(lambda t=text: lint(t, paid="199.00"), args.rounds)
        print(f"lint    {lint_cost * 1e3:8.3f} ms  ratio {lint_cost / floor:6.1f}x")


if __name__ == "__main__":
    main()
