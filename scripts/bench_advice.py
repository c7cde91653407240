"""Benchmark: in-process advise() time against a floor measured in the same run.

advise() is timed on a text the per-text caches have not seen (what a shopper's new description
costs: the budget, 5 ms) and on the same text again (a re-advice after an answer or a settings
change). The floor is a pydantic model_validate + model_dump of the same order, the least any request
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helper"))

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
    "骗子！！！赔我一万块，不然我就曝光你，电话13000000001",
    "七天无理由退货，卖家拒绝了，说拆封了就不能退",
    "買咗件衫，尺碼唔啱，賣家話唔退，仲成日打電話嚟叫我改負評",
    "The seller refused my refund and the earphones are fake, brand site says serial invalid",
    "10月3日下单，10月5日才发货，10月8日签收，打开发现左耳没声音，联系客服说是我自己弄坏的，"
    "要求我先寄回检测，运费自理，检测了两周也没有结果，现在客服已读不回，我给了差评以后还收到陌生电话骚扰",
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


def _forget_texts() -> None:
    """Empty the per-text caches, so a call pays what a text never seen before costs."""
    import importlib

    from tousu.advice import normalise, ranking, text, variants

    lint_module = importlib.import_module("tousu.advice.lint")  # the package's `lint` is the function

    cached = [normalise.canonical, text.normalise, variants.simplified, lint_module.lint_view]
    # getattr: the script also runs against older checkouts (the before/after figures).
    optional = [getattr(lint_module, "_spans", None), getattr(ranking, "feature_hits", None)]
    optional.append(getattr(ranking, "possible_features", None))
    for function in [*cached, *optional]:
        if function is not None:
            function.cache_clear()


def per_new_text(fn: Callable[[], object], rounds: int) -> float:
    """Median seconds of one call on a text the caches have not seen (cleared before each call)."""
    for _ in range(5):
        fn()
    times = []
    for _ in range(rounds * 10):
        _forget_texts()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpus_median(floor: float) -> None:
    """The budget's own measure: the median over every corpus description, each a new text."""
    from corpus_orders import read

    try:
        rows = read("complaints-a.jsonl") + read("complaints-b.jsonl")
    except SystemExit:
        print("corpus median: skipped (no shared corpus; set TOUSU_CORPUS)")
        return
    requests = [
        AdviceRequest.model_validate({"order": r["order"], "problem": r["problem"], "now": r["now"]})
        for r in rows
    ]
    advise(requests[0])
    times = []
    for request in requests:
        _forget_texts()
        start = time.perf_counter()
        advise(request)
        times.append(time.perf_counter() - start)
    times.sort()
    median, p90 = statistics.median(times), times[int(0.9 * len(times))]
    print(
        f"advise  {median * 1e3:8.3f} ms  ratio {median / floor:6.1f}x  (median of {len(times)} corpus"
        f" descriptions, new text; budget 5; p90 {p90 * 1e3:.1f} ms)"
    )


def cold_start() -> tuple[float, float]:
    """Seconds from a fresh interpreter to the first advice (imports, rules, weights, OpenCC),
    and that process's peak RSS in MB: the in-process part of the helper's ready budget."""
    import json
    import subprocess

    code = (
        "import time,resource,json;t=time.perf_counter();"
        "from tousu.advice import advise;from tousu.models import AdviceRequest;"
        f"r=AdviceRequest.model_validate(json.loads({json.dumps(json.dumps(ORDER_REQUEST))!s}));advise(r);"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


ORDER_REQUEST = {"order": ORDER, "problem": {"text": TEXTS[0]}, "now": "2024-10-12T20:00:00+08:00"}


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
        fresh = per_new_text(lambda r=request: advise(r), args.rounds)
        print(f"advise  {fresh * 1e3:8.3f} ms  ratio {fresh / floor:6.1f}x  (new text; budget 5) {text[:12]}")
        cost = per_call(lambda r=request: advise(r), args.rounds)
        print(f"advise  {cost * 1e3:8.3f} ms  ratio {cost / floor:6.1f}x  (same text again)")
        lint_cost = per_call(lambda t=text: lint(t, paid="199.00"), args.rounds)
        print(f"lint    {lint_cost * 1e3:8.3f} ms  ratio {lint_cost / floor:6.1f}x")
    corpus_median(floor)
    seconds, rss = cold_start()
    print(
        f"cold start to first advice {seconds:6.3f} s (budget 0.5 s), peak RSS {rss:6.1f} MB (budget 120 MB)"
    )


if __name__ == "__main__":
    main()
