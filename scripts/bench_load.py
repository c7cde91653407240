"""Load test: a real helper (`tousu serve`, waitress) under concurrent clients, on loopback only.

One helper process, three phases on it in the same run, each with the same number of clients
for an equal share of the time:
  ping   GET  /api/v1/ping        the bare floor: guard + a JSON reply
  read   POST /api/v1/pages/read  the earphones list page of the mock shop (about 50 KB of HTML)
  advice POST /api/v1/advice      the earphones order and 「左耳没有声音，充电也充不进去」
Prints throughput, p50/p95/p99 latency and errors per phase, and each realistic phase against
the bare one, so the figures compare across machines. Stops by itself.

Usage: .venv/bin/python scripts/bench_load.py [--clients 32] [--seconds 30] [--json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tousu_testing import HelperProcess  # noqa: E402

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
SCENARIO = "earphones_left_silent"
PROBLEM = "左耳没有声音，充电也充不进去"
NOW = "2026-11-20T20:00:00+08:00"
REQUEST_TIMEOUT = 30.0


@dataclass(frozen=True)
class Target:
    name: str
    method: str
    path: str
    body: bytes | None = None


@dataclass
class Result:
    name: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str | None = None

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def earphones_list_page() -> str:
    """The mock shop's 已买到的宝贝 page for the earphones scenario, rendered in-process, as
    the text the extension's snapshot carries (the page itself is GBK, like Taobao's)."""
    from tousu_testing.mockshop import create_mock_app

    client = create_mock_app({"SCENARIOS": None, "NOW": None, "STATE_FILE": None}).test_client()
    client.set_cookie("tousu_scenario", SCENARIO)
    response = client.get("/" + LIST_URL.removeprefix("https://"))
    assert response.status_code == 200, response.status_code
    return response.data.decode(response.mimetype_params.get("charset", "utf-8"))


def targets(helper: HelperProcess, token: str) -> list[Target]:
    html = earphones_list_page()
    read_body = json.dumps({"url": LIST_URL, "html": html}, ensure_ascii=False).encode()
    status, _, reading = helper.request(
        "POST", "/api/v1/pages/read", json.loads(read_body), headers={"X-Tousu-Token": token}
    )
    assert status == 200, reading
    order = next(o for o in reading["orders"] if "耳机" in o["items"][0]["title"])
    advice_body = json.dumps(
        {"order": order, "problem": {"text": PROBLEM}, "now": NOW}, ensure_ascii=False
    ).encode()
    return [
        Target("ping", "GET", "/api/v1/ping"),
        Target("read", "POST", "/api/v1/pages/read", read_body),
        Target("advice", "POST", "/api/v1/advice", advice_body),
    ]


def _client(
    port: int, token: str, target: Target, deadline: float, result: Result, lock: threading.Lock
) -> None:
    """One client: a keep-alive connection, requests back to back until the deadline."""
    headers = {"X-Tousu-Token": token, "Content-Type": "application/json"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    latencies: list[float] = []
    errors = 0
    first_error = None
    try:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request(target.method, target.path, body=target.body, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = 200 <= response.status < 300
                problem = None if ok else f"HTTP {response.status}"
            except (OSError, http.client.HTTPException) as exc:
                ok, problem = False, f"{type(exc).__name__}: {exc}"
                connection.close()  # reconnects on the next request
            if ok:
                latencies.append(time.perf_counter() - started)
            else:
                errors += 1
                first_error = first_error or problem
    finally:
        connection.close()
    with lock:
        result.latencies.extend(latencies)
        result.errors += errors
        result.first_error = result.first_error or first_error


def run_phase(port: int, token: str, target: Target, clients: int, seconds: float) -> Result:
    result = Result(target.name, seconds)
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + seconds
    threads = [
        threading.Thread(target=_client, args=(port, token, target, deadline, result, lock), daemon=True)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT + 5)
    # Requests in flight at the deadline finish after it: divide by the time really taken.
    result.seconds = time.monotonic() - started
    return result


def report(results: list[Result], clients: int) -> dict:
    bare = results[0]
    rows = {}
    for r in results:
        rows[r.name] = {
            "requests": len(r.latencies),
            "errors": r.errors,
            "first_error": r.first_error,
            "seconds": round(r.seconds, 2),
            "throughput_rps": round(r.throughput, 1),
            "p50_ms": round(r.percentile(50) * 1e3, 2),
            "p95_ms": round(r.percentile(95) * 1e3, 2),
            "p99_ms": round(r.percentile(99) * 1e3, 2),
            "mean_ms": round(statistics.fmean(r.latencies) * 1e3, 2) if r.latencies else None,
            "p50_vs_ping": round(r.percentile(50) / bare.percentile(50), 1),
            "throughput_vs_ping": round(r.throughput / bare.throughput, 3) if bare.throughput else None,
        }
    return {"clients": clients, "phases": rows}


def print_table(summary: dict) -> None:
    print(f"{summary['clients']} clients per phase, one helper process (waitress, 8 threads)")
    print(
        f"{'phase':<7} {'req':>7} {'err':>4} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'p50/ping':>9} {'rps/ping':>9}"
    )
    for name, row in summary["phases"].items():
        print(
            f"{name:<7} {row['requests']:>7} {row['errors']:>4} {row['throughput_rps']:>8} "
            f"{row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8} "
            f"{row['p50_vs_ping']:>9} {row['throughput_vs_ping']:>9}"
        )
        if row["first_error"]:
            print(f"        first error: {row['first_error']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument(
        "--seconds",
        type=float,
        default=30.0,
        help="Total measuring time, shared equally by the three phases.",
    )
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON too.")
    args = parser.parse_args()
    if args.clients < 1 or args.seconds <= 0:
        parser.error("--clients and --seconds must be positive")

    with (
        tempfile.TemporaryDirectory(prefix="tousu-bench-") as tmp,
        HelperProcess(Path(tmp) / "data") as helper,
    ):
        token = helper.pair()
        plan = targets(helper, token)
        share = args.seconds / len(plan)
        results = []
        for target in plan:
            run_phase(helper.port, token, target, clients=2, seconds=min(1.0, share / 5))  # warm-up
            results.append(run_phase(helper.port, token, target, args.clients, share))
    summary = report(results, args.clients)
    print_table(summary)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
