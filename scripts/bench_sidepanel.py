"""Benchmark: the side panel, from opening to the orders shown and to the advice shown, against
the same panel page doing only a ping (its page load, its tab query, one panel -> worker ->
helper round trip), all in the same run and the same Chromium.

Headless Chromium cannot show a side panel as browser UI, so "toolbar click" is the panel page
opening in a tab (what the click loads); the panel then finds the shop tab through chrome.tabs.
Usage: .venv/bin/python scripts/bench_sidepanel.py [--rounds N]
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
from tousu_testing.sidepanel import PANEL_PATH  # noqa: E402

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
ORDER_ID = "3100000000000002001"
PROBLEM = "左耳没有声音，充电也充不进去"
PING = """async () => {
  const reply = await chrome.runtime.sendMessage({type: 'helper/status'});
  if (!reply.ok || reply.data.state !== 'ready') throw new Error(JSON.stringify(reply));
}"""
FORGET = """async () => {
  const all = await chrome.storage.local.get(null);
  await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('panel:')));
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tousu-bench-panel-"))
    helper = HelperProcess(work / "helper")
    shop = MockShopProcess(work / "mock.log")
    floor, orders, advised, total = [], [], [], []
    with sync_playwright() as playwright:
        browser = launch_extension_context(playwright, work / "profile", shop=shop, helper=helper)
        try:
            browser.pair_directly(helper)
            browser.use_scenario("earphones_left_silent")
            blank = browser.context.new_page()  # a tab that is not a shop page: nothing to read
            page = browser.open_shop_page(LIST_URL)
            url = browser.url(PANEL_PATH)
            for round_ in range(args.rounds + 1):  # round 0 warms up
                # Floor: the same panel page beside a non-shop tab, plus one ping.
                blank.bring_to_front()
                panel = browser.context.new_page()
                t0 = time.perf_counter()
                panel.goto(url)
                panel.evaluate(PING)
                t1 = time.perf_counter()
                panel.evaluate(FORGET)
                panel.close()

                page.bring_to_front()
                panel = browser.context.new_page()
                t2 = time.perf_counter()
                panel.goto(url)
                expect(panel.locator(f'#order-cards button[data-order-id="{ORDER_ID}"]')).to_be_visible()
                t3 = time.perf_counter()
                panel.locator(f'#order-cards button[data-order-id="{ORDER_ID}"]').click()
                panel.locator("#problem-text").fill(PROBLEM)
                t4 = time.perf_counter()
                panel.locator("#analyze").click()
                expect(panel.locator("#type-main strong")).to_be_visible()
                t5 = time.perf_counter()
                panel.evaluate(FORGET)
                panel.close()
                if round_:
                    floor.append((t1 - t0) * 1000)
                    orders.append((t3 - t2) * 1000)
                    advised.append((t5 - t4) * 1000)
                    total.append((t3 - t2 + t5 - t4) * 1000)
        finally:
            browser.context.close()
            helper.stop()
            shop.stop()
    med = statistics.median
    print(f"rounds: {args.rounds}")
    print(f"floor: panel open + ping (page -> worker -> helper):  median {med(floor):7.1f} ms")
    print(f"panel open -> orders shown (read the shop tab):      median {med(orders):7.1f} ms")
    print(f"分析问题 click -> advice shown:                       median {med(advised):7.1f} ms")
    print(f"panel open -> advice shown (without pick and typing): median {med(total):7.1f} ms")
    print(f"ratio (open -> orders) / floor: {med(orders) / med(floor):.1f}x")
    print(f"ratio (open -> advice) / floor: {med(total) / med(floor):.1f}x")


if __name__ == "__main__":
    main()
