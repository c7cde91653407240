"""Time the popup flow per scenario against a bare Playwright load of the same page.

For each mock-shop scenario, in one Chromium (extension loaded and paired, one helper, one mock
shop) and in the same run:

  bare   a new tab, goto the scenario's 已买到的宝贝 page, wait until its orders are on screen
         (scrolling the tm2 list as a shopper would);
  flow   with that page open: open the popup, it reads the page, pick the story's order, type
         the story, 分析问题, until the advice is shown.

Prints the median of --repeat runs per scenario, the ratio flow/bare and the median ratio.

    .venv/bin/python scripts/bench_e2e.py [--repeat 3] [--headed] [scenario ...]
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

from tousu_testing import HelperProcess, MockShopProcess, launch_extension_context  # noqa: E402
from tousu_testing.browser import show_all_orders, snapshot_extension  # noqa: E402
from tousu_testing.popup import analyze, pick_order  # noqa: E402
from tousu_testing.scenarios import load_scenarios, scenario_names  # noqa: E402


def bench(names: list[str], repeat: int, headless: bool) -> list[tuple[str, float, float]]:
    scenarios = load_scenarios()
    rows = []
    with tempfile.TemporaryDirectory(prefix="tousu-bench-") as tmp:
        root = Path(tmp)
        extension = snapshot_extension(root / "extension")
        with (
            HelperProcess(root / "helper") as helper,
            MockShopProcess(root / "mock.log") as shop,
            sync_playwright() as playwright,
        ):
            browser = launch_extension_context(
                playwright,
                root / "profile",
                headless=headless,
                shop=shop,
                helper=helper,
                extension_dir=extension,
            )
            try:
                browser.pair_directly(helper)
                # Warm-up: the first page and the first advice pay one-off costs.
                _one(browser, scenarios[names[0]])
                for name in names:
                    runs = [_one(browser, scenarios[name]) for _ in range(repeat)]
                    bare = statistics.median(r[0] for r in runs)
                    flow = statistics.median(r[1] for r in runs)
                    rows.append((name, bare, flow))
                    print(
                        f"{name:28} {scenarios[name].generation}  flow {flow * 1000:7.0f} ms   "
                        f"bare load {bare * 1000:6.0f} ms   ratio {flow / bare:5.2f}",
                        flush=True,
                    )
            finally:
                browser.context.close()
    return rows


def _one(browser, scenario) -> tuple[float, float]:
    browser.use_scenario(scenario.name)
    start = time.perf_counter()
    page = browser.context.new_page()
    page.goto(scenario.list_url)
    show_all_orders(page, scenario)
    bare = time.perf_counter() - start

    start = time.perf_counter()
    popup = browser.open_popup(page)
    pick_order(popup, scenario.story.order_id)
    analyze(popup, scenario.story.text)
    flow = time.perf_counter() - start
    popup.close()
    page.close()
    return bare, flow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenarios", nargs="*", help="default: every scenario with a story")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--headed", action="store_true")
    args = parser.parse_args()
    names = args.scenarios or scenario_names()
    rows = bench(names, args.repeat, headless=not args.headed)
    ratios = [flow / bare for _, bare, flow in rows]
    print(
        f"\n{len(rows)} scenarios, median of {args.repeat} runs each; "
        f"median flow {statistics.median(f for *_, f in rows) * 1000:.0f} ms, "
        f"median bare load {statistics.median(b for _, b, _ in rows) * 1000:.0f} ms, "
        f"median ratio {statistics.median(ratios):.2f} "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f})"
    )


if __name__ == "__main__":
    main()
