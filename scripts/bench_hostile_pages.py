"""Hostile pages against the reader and the real helper (issue 15, finding 1).

Part 1, in process: time per KB of each hostile page (1 MB by default) divided by the time per KB
of a plain page of the same size, read in the same run. Linear reading keeps every ratio small;
the old regexes and html.parser's close() made them grow with the size.

Part 2, a real `tousu serve`: hostile pages posted from several threads at once while /ping is
called; prints ping latency under that load divided by idle ping latency, and how each hostile
request ended (read, or refused over the budget).

Usage: .venv/bin/python scripts/bench_hostile_pages.py [--kb 1024] [--clients 6] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tousu.config import DEFAULT_EXTENSION_ID  # noqa: E402
from tousu.reading import read_page  # noqa: E402
from tousu_testing import HelperProcess  # noqa: E402

SHOP = "https://shop123.taobao.com/"
LIST = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
PATTERNS = ["<script>", "<a", "<a href='", "<!--", "<div></x>", "<iframe src='", "a<", "<div>"]
PLAIN_UNIT = (
    '<div class="item"><span>商品标题 耳机</span><a href="https://item.taobao.com/i1.htm">链接</a></div>'
)


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def best(fn, *args, repeat: int = 2) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def in_process(size: int) -> list[dict]:
    rows = []
    for url in (SHOP, LIST):
        plain = best(read_page, url, fill(PLAIN_UNIT, size))
        for pattern in PATTERNS:
            hostile = best(read_page, url, fill(pattern, size))
            rows.append(
                {
                    "url": url,
                    "pattern": pattern,
                    "plain_ms": round(plain * 1000, 1),
                    "hostile_ms": round(hostile * 1000, 1),
                    "ratio": round(hostile / max(plain, 1e-6), 2),
                }
            )
    return rows


def against_server(size: int, clients: int) -> dict:
    origin = {"Origin": f"chrome-extension://{DEFAULT_EXTENSION_ID}"}
    with tempfile.TemporaryDirectory(prefix="tousu-bench-hostile-") as tmp:
        helper = HelperProcess(Path(tmp) / "data")
        try:
            _, _, paired = helper.request("POST", "/api/v1/pairing", {"code": helper.pairing_code}, origin)
            headers = {**origin, "X-Tousu-Token": paired["token"]}

            def ping_ms() -> float:
                start = time.perf_counter()
                helper.request("GET", "/api/v1/ping")
                return (time.perf_counter() - start) * 1000

            idle = [ping_ms() for _ in range(30)]
            outcomes: list[str] = []
            running = threading.Event()
            running.set()

            def post(pattern: str) -> None:
                status, _, body = helper.request(
                    "POST", "/api/v1/pages/read", {"url": LIST, "html": fill(pattern, size)}, headers
                )
                outcomes.append(f"{status} {body.get('kind') or body.get('error', {}).get('code')}")

            threads = [
                threading.Thread(target=post, args=(PATTERNS[i % len(PATTERNS)],)) for i in range(clients)
            ]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            loaded = []
            while any(t.is_alive() for t in threads):
                loaded.append(ping_ms())
                time.sleep(0.02)
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - start
        finally:
            helper.stop()
    idle_p50 = statistics.median(idle)
    loaded_p50 = statistics.median(loaded) if loaded else idle_p50
    loaded_max = max(loaded) if loaded else idle_p50
    return {
        "hostile_requests": clients,
        "kb_each": size // 1024,
        "all_done_s": round(elapsed, 2),
        "outcomes": sorted(outcomes),
        "pings_during_load": len(loaded),
        "ping_idle_p50_ms": round(idle_p50, 2),
        "ping_loaded_p50_ms": round(loaded_p50, 2),
        "ping_loaded_max_ms": round(loaded_max, 2),
        "ping_p50_ratio": round(loaded_p50 / idle_p50, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", type=int, default=1024)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    size = args.kb * 1024
    result = {"in_process": in_process(size), "server": against_server(size, args.clients)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"Reading {args.kb} KB pages in process: hostile time / plain time (same size, same run)")
    for row in result["in_process"]:
        print(
            f"  {row['url'][:40]:40} {row['pattern']!r:16} plain {row['plain_ms']:8.1f} ms  "
            f"hostile {row['hostile_ms']:8.1f} ms  ratio {row['ratio']:6.2f}"
        )
    server = result["server"]
    print(f"\nReal helper, {server['hostile_requests']} hostile {server['kb_each']} KB pages at once:")
    print(f"  all answered in {server['all_done_s']} s: {', '.join(server['outcomes'])}")
    print(
        f"  /ping p50 idle {server['ping_idle_p50_ms']} ms, under load {server['ping_loaded_p50_ms']} ms "
        f"(ratio {server['ping_p50_ratio']}), max {server['ping_loaded_max_ms']} ms "
        f"over {server['pings_during_load']} pings"
    )


if __name__ == "__main__":
    main()
