"""Time click -> advice when the helper is not running (cold: the native host starts it) against
the same with the helper running (warm), in one Chromium and the same run.

The profile is prepared by `tousu install --profile-dir` as the tousu_native fixture does. Each
round: kill the helper, click the toolbar button on 已买到的宝贝, pick the order, 分析问题 until
the advice shows (cold); close the popup and do it again (warm). Prints the medians and
cold/warm.

    .venv/bin/python scripts/bench_native.py [--repeat 5] [--headed]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tousu_testing import MockShopProcess, launch_extension_context  # noqa: E402
from tousu_testing.browser import snapshot_extension  # noqa: E402
from tousu_testing.native import NativeSetup  # noqa: E402
from tousu_testing.popup import analyze, pick_order  # noqa: E402

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
ORDER_ID = "3100000000000002001"


def _click_to_advice(browser, shop) -> float:
    start = time.perf_counter()
    browser.click_toolbar_button(shop)
    popup = browser.open_popup(shop)
    pick_order(popup, ORDER_ID, timeout=60000)
    analyze(popup, "左耳没有声音", timeout=60000)
    elapsed = time.perf_counter() - start
    popup.close()
    return elapsed


def bench(repeat: int, headless: bool) -> tuple[list[float], list[float]]:
    cold, warm = [], []
    with tempfile.TemporaryDirectory(prefix="tousu-bench-native-") as tmp:
        root = Path(tmp)
        extension = snapshot_extension(root / "extension")
        native = NativeSetup.prepare(root)
        with MockShopProcess(root / "mock.log") as shop_process, sync_playwright() as playwright:
            browser = launch_extension_context(
                playwright,
                native.profile_dir,
                headless=headless,
                shop=shop_process,
                extension_dir=extension,
                env=native.env,
            )
            try:
                browser.use_scenario("earphones_left_silent")
                shop = browser.open_shop_page(LIST_URL)
                shop.get_by_text(ORDER_ID).first.wait_for()
                _click_to_advice(browser, shop)  # warm-up: the browser's own one-off costs
                for _ in range(repeat):
                    native.kill_helper()
                    cold.append(_click_to_advice(browser, shop))
                    warm.append(_click_to_advice(browser, shop))
            finally:
                browser.context.close()
                native.stop_helper()
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--headed", action="store_true")
    args = parser.parse_args()
    cold, warm = bench(args.repeat, not args.headed)
    cold_s, warm_s = statistics.median(cold), statistics.median(warm)
    print(f"click -> advice, median of {args.repeat}")
    print(f"  cold (helper not running, started by the native host): {cold_s * 1000:7.0f} ms")
    print(f"  warm (helper running, token proven)                  : {warm_s * 1000:7.0f} ms")
    print(f"  cold / warm: {cold_s / warm_s:.2f}")
    print(f"  runs cold: {[round(x * 1000) for x in cold]}  warm: {[round(x * 1000) for x in warm]}")


if __name__ == "__main__":
    main()
