"""Benchmark: the popup, from opening to the advice shown, against a bare ping round trip.

Both are measured in the same run and the same Chromium (tousu_testing starts the helper,
the mock shop and the extension), so the ratio says what reading and advising cost on top of
one popup -> worker -> helper round trip, whatever the machine.
Usage: .venv/bin/python scripts/bench_popup.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tousu_testing.browser import launch_extension_context  # noqa: E402
from tousu_testing.processes import HelperProcess, MockShopProcess  # noqa: E402

DETAIL_URL = "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000002001"
PROBLEM = "左耳没有声音，充电也充不进去"
PING = """async () => {
  const t0 = performance.now();
  const reply = await chrome.runtime.sendMessage({type: 'helper/status'});
  if (!reply.ok || reply.data.state !== 'ready') throw new Error(JSON.stringify(reply));
  return performance.now() - t0;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tousu-bench-"))
    helper = HelperProcess(work / "helper")
    shop = MockShopProcess(work / "mock.log")
    opened, advised, total, pings = [], [], [], []
    with sync_playwright() as playwright:
        browser = launch_extension_context(playwright, work / "profile", shop=shop, helper=helper)
        try:
            browser.pair_directly(helper)
            browser.use_scenario("earphones_left_silent")
            page = browser.open_shop_page(DETAIL_URL)
            tab = browser.tab_id(page)
            control = browser.open_options()
            for round_ in range(args.rounds + 1):  # round 0 warms up
                control.evaluate("() => chrome.storage.session.clear()")
                ping = control.evaluate(PING)
                popup = browser.context.new_page()
                t0 = time.perf_counter()
                popup.goto(browser.url(f"popup/popup.html?tab={tab}"))
                expect(popup.locator("#problem")).to_be_visible()
                t1 = time.perf_counter()
                popup.locator("#problem-text").fill(PROBLEM)
                t2 = time.perf_counter()
                popup.locator("#analyze").click()
                expect(popup.locator("#type-main strong")).to_be_visible()
                t3 = time.perf_counter()
                popup.close()
                if round_:
                    pings.append(ping)
                    opened.append((t1 - t0) * 1000)
                    advised.append((t3 - t2) * 1000)
                    total.append((t1 - t0 + t3 - t2) * 1000)
        finally:
            browser.context.close()
            helper.stop()
            shop.stop()
    med = statistics.median
    print(f"rounds: {args.rounds}")
    print(f"ping round trip (page -> worker -> helper /ping): median {med(pings):7.1f} ms")
    print(f"popup open -> order shown (read page):            median {med(opened):7.1f} ms")
    print(f"分析问题 click -> advice shown:                    median {med(advised):7.1f} ms")
    print(f"popup open -> advice shown (without typing):      median {med(total):7.1f} ms")
    print(f"ratio (open -> advice) / ping: {med(total) / med(pings):.1f}x")


if __name__ == "__main__":
    main()
