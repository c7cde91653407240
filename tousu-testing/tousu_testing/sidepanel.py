"""The moves a shopper makes in the side panel, in one place (its ids live here).

Headless Chromium cannot show a side panel as browser UI, so tests open the panel's page in a
tab of its own; the panel still follows the shop tab the shopper looks at (it asks chrome.tabs,
never its own tab), so `look_at(shop)` is how a test "switches tabs".

    panel = open_panel(tousu)
    look_at(shop)
    pick_order(panel, "3100000000000002001")
    analyze(panel, "左耳没有声音")
    assert current_step(panel) == "type"
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

PANEL_PATH = "sidepanel/sidepanel.html"
STEPS = ["order", "problem", "type", "evidence", "remedy", "draft", "fill"]


def open_panel(browser) -> Page:
    """The panel's page, in a tab of the browser's context (an ExtensionBrowser)."""
    panel = browser.context.new_page()
    panel.goto(browser.url(PANEL_PATH))
    return panel


def look_at(page: Page) -> None:
    """The shopper switches to this tab (the panel follows)."""
    page.bring_to_front()


def current_step(panel: Page) -> str:
    """The step the flow shows ("" when the panel shows a state, the fill report or cases)."""
    if not panel.locator("#flow").is_visible():
        return ""
    return panel.locator("#steps button[aria-current=step]").get_attribute("data-step") or ""


def wait_step(panel: Page, step: str, timeout: float = 20000) -> None:
    shown = panel.locator(f'#steps button[aria-current=step][data-step="{step}"]')
    expect(shown).to_be_visible(timeout=timeout)
    expect(panel.locator(f'.step[data-step="{step}"]')).to_be_visible()


def pick_order(panel: Page, order_id: str, timeout: float = 20000) -> None:
    """Pick the order on its card (when the page had several); the flow moves to 问题."""
    loaded = '#order-cards button[data-order-id]:visible, .step[data-step="problem"]:visible'
    panel.locator(loaded).first.wait_for(timeout=timeout)
    if not panel.locator('.step[data-step="problem"]').is_visible():
        panel.locator(f'#order-cards button[data-order-id="{order_id}"]').click()
    wait_step(panel, "problem", timeout)


def analyze(panel: Page, text: str, timeout: float = 20000) -> None:
    """Type the problem and press 分析问题; answers a clarifying question with its first choice."""
    panel.locator("#problem-text").fill(text)
    panel.locator("#analyze").click()
    panel.locator('.step[data-step="type"]:visible, #question:visible').first.wait_for(timeout=timeout)
    if panel.locator("#question").is_visible():
        panel.locator("#question-choices input").first.check()
        panel.locator("#question-answer").click()
    wait_step(panel, "type", timeout)


def next_step(panel: Page) -> None:
    """Press the step's own 下一步 (its first action)."""
    panel.locator(".step:visible button.next").click()


def top_type(panel: Page) -> str:
    return panel.locator("#type-main strong[data-code]").get_attribute("data-code") or ""


def fill_complaint(panel: Page) -> None:
    """On 预填并核对: press 预填投诉单 (the form opens in a new tab)."""
    panel.locator("#fill-complaint").click()


def fill_report(panel: Page) -> dict[str, list[str]]:
    """What the panel shows for a filled form: filled, left to the shopper, missing evidence."""
    expect(panel.locator("#fill-report-body")).to_be_visible(timeout=30000)

    def texts(sel: str) -> list[str]:
        return [t.strip() for t in panel.locator(f"{sel} li").all_inner_texts()]

    return {"filled": texts("#fr-filled"), "left": texts("#fr-left"), "evidence": texts("#fr-evidence")}
