"""The moves a shopper makes in the popup, in one place (the screens' ids live here, so a
rebuilt popup means one file to update, not every test).

    popup = tousu.open_popup(page)
    pick_order(popup, "3100000000000002001")
    analyze(popup, "左耳没有声音")
    assert top_type(popup) == "quality_defect"
"""

from __future__ import annotations

import functools
import json

from playwright.sync_api import Page, expect

# Whatever the popup shows once it has read the page: the order cards, the picked order with
# the problem box, or a state message with its actions.
LOADED = "#orders:visible, #problem:visible, #state-actions:visible"


def wait_loaded(popup: Page, timeout: float = 20000) -> str:
    """Wait until the popup has read the page; returns "orders", "order" or "state"."""
    popup.locator(LOADED).first.wait_for(timeout=timeout)
    if popup.locator("#orders").is_visible():
        return "orders"
    if popup.locator("#problem").is_visible():
        return "order"
    return "state"


def pick_order(popup: Page, order_id: str, timeout: float = 20000) -> None:
    """Pick the order on its card (when the page had several) and check the facts show it."""
    if wait_loaded(popup, timeout) == "orders":
        popup.locator(f'#order-cards button[data-order-id="{order_id}"]').click()
    expect(popup.locator('#order-facts [data-field="orderId"]')).to_have_text(order_id)


def analyze(popup: Page, text: str, timeout: float = 20000) -> None:
    """Type the problem, press 分析问题 and wait for the advice."""
    popup.get_by_label("遇到了什么问题？").fill(text)
    popup.get_by_role("button", name="分析问题").click()
    popup.locator("#type-main strong[data-code]").wait_for(timeout=timeout)


def top_type(popup: Page) -> str:
    """The code of the complaint type ranked first."""
    return popup.locator("#type-main strong[data-code]").get_attribute("data-code") or ""


@functools.cache
def _messages(locale: str) -> dict[str, dict]:
    from .browser import EXTENSION_DIR

    path = EXTENSION_DIR / "_locales" / locale / "messages.json"
    return json.loads(path.read_text("utf-8"))


def message(key: str, locale: str = "zh_CN") -> str:
    """The extension's own wording for a message key (what the shopper reads), so tests follow
    the locale file instead of copying its sentences."""
    return _messages(locale)[key]["message"]


def popup_on_toolbar(browser) -> None:
    """Make the toolbar button open the popup, as it does in a browser without side panels.

    Where Chrome has a side panel the worker points the button at the panel, and headless
    Chromium cannot show a panel, so a test of the popup's toolbar click (activeTab for 截图存证)
    restores the popup first."""
    browser.service_worker.evaluate(
        """async () => {
          await chrome.sidePanel?.setPanelBehavior({openPanelOnActionClick: false});
          await chrome.action.setPopup({popup: 'popup/popup.html'});
        }"""
    )
