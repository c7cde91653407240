"""A headed Chromium for developers: extension loaded, helper started and paired, and the mock
shop behind the real Taobao/Tmall URLs. Closing the window stops everything."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .browser import launch_extension_context
from .processes import HelperProcess, MockShopProcess

START_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


def run(start_url: str = START_URL, headless: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="tousu-dev-") as tmp:
        root = Path(tmp)
        with (
            HelperProcess(root / "helper") as helper,
            MockShopProcess(root / "mock.log") as shop,
            sync_playwright() as playwright,
        ):
            browser = launch_extension_context(
                playwright, root / "profile", headless=headless, shop=shop, helper=helper
            )
            browser.pair_directly(helper)
            page = browser.open_shop_page(start_url)
            print(f"helper {helper.url} · mock shop {shop.url} · close the window to stop")
            page.wait_for_event("close", timeout=0)
            browser.context.close()
