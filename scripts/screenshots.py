"""Screenshots of every screen of the extension against the mock shop, into docs/screenshots/.

Starts a real helper, the mock shop and Debian's Chromium with the extension (the same pieces
as the e2e fixtures, from tousu_testing), walks a shopper's story from first run to an
escalated case, and saves one PNG per screen.
Then the side panel: every step of the guided flow, the fill report beside the filled form and
我的投诉 in the panel, in both locales (panel-zh_CN-*.png, panel-en-*.png), at 360 px wide.
Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--headed] [--panel-only]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

import tousu_testing.browser as plugin_browser  # noqa: E402
from tousu_testing.popup import popup_on_toolbar  # noqa: E402
from tousu_testing.processes import HelperProcess, MockShopProcess  # noqa: E402
from tousu_testing.sidepanel import analyze, look_at, next_step, open_panel, pick_order, wait_step  # noqa: E402

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
COMPLAINT_LIST = "https://rights.taobao.com/complaint/buyerList.htm"
ORDER_ID = "3100000000000002001"
TITLE = "示例 TWS 真无线蓝牙耳机"
POPUP_SIZE = {"width": 420, "height": 600}


class Shots:
    def __init__(self, out: Path):
        self.out = out
        self.out.mkdir(parents=True, exist_ok=True)
        self.taken: list[str] = []

    def __call__(self, page: Page, name: str, *, full: bool = True) -> None:
        page.wait_for_timeout(150)  # let fonts and the last render settle
        path = self.out / f"{name}.png"
        size = page.viewport_size
        if full and size and size["width"] == POPUP_SIZE["width"]:
            # The popup's action bar is sticky to the bottom of the viewport: grow the viewport
            # to the whole page so the bar sits where the shopper finds it, at the end.
            page.set_viewport_size(
                {"width": size["width"], "height": page.evaluate("document.body.scrollHeight")}
            )
        page.screenshot(path=path, full_page=full)
        if size:
            page.set_viewport_size(size)
        self.taken.append(path.name)
        print(path)


def popup_for(browser, shop: Page) -> Page:
    popup = browser.open_popup(shop)
    popup.set_viewport_size(POPUP_SIZE)
    return popup


def set_fault(browser, fault: str | None) -> None:
    browser.context.clear_cookies(name="tousu_faults")
    if fault:
        browser.context.add_cookies(
            [
                {"name": "tousu_faults", "value": f"fault={fault}", "domain": f".{d}", "path": "/"}
                for d in ("taobao.com", "tmall.com")
            ]
        )


def run(out: Path, headed: bool) -> list[str]:
    shot = Shots(out)
    work = Path(tempfile.mkdtemp(prefix="tousu-shots-"))
    helper = HelperProcess(work / "helper")
    shop_process = MockShopProcess(work / "mock.log")
    with sync_playwright() as playwright:
        browser = plugin_browser.launch_extension_context(
            playwright, work / "profile", headless=not headed, shop=shop_process, helper=helper
        )
        try:
            browser.set_helper_port(helper.port)
            options = browser.open_options()
            shot(options, "01-options-first-run")

            browser.use_scenario("earphones_left_silent")
            shop = browser.open_shop_page(LIST_URL)
            popup = popup_for(browser, shop)
            expect(popup.locator("#state-text")).to_contain_text("配对")
            shot(popup, "02-popup-not-paired")
            popup.close()

            options.get_by_role("textbox", name="配对码").fill(helper.pairing_code)
            options.get_by_role("button", name="配对", exact=True).click()
            expect(options.locator("#status")).to_contain_text("配对成功")
            shot(options, "03-options-paired")
            options.close()

            for fault, name, text in (
                ("login", "04-popup-login", "登录"),
                ("verify", "05-popup-verification", "安全验证"),
            ):
                set_fault(browser, fault)
                page = browser.open_shop_page(LIST_URL)
                popup = popup_for(browser, page)
                expect(popup.locator("#state-text")).to_contain_text(text)
                shot(popup, name)
                popup.close()
                page.close()
            set_fault(browser, None)

            popup = popup_for(browser, shop)
            expect(popup.locator("#orders-count")).to_contain_text("3")
            shot(popup, "06-popup-order-cards")
            popup.get_by_role("button", name=TITLE).first.click()
            popup.locator('#symptoms button[data-code="no_sound"]').click()
            popup.get_by_label("遇到了什么问题？").fill("左耳没有声音，充电也充不进去")
            shot(popup, "07-popup-problem-chips", full=False)
            popup.get_by_role("button", name="分析问题").click()
            expect(popup.locator("#type-main strong")).to_be_visible()
            shot(popup, "08-popup-advice")

            draft = popup.locator("#draft")
            original = draft.input_value()
            draft.fill(original + "\n骗子！！！不退款就给差评，电话13000000000")
            expect(popup.locator('#draft-marked mark[data-code="personal_data"]')).to_be_visible()
            popup.locator('#draft-marked mark[data-code="personal_data"]').evaluate(
                "(m) => m.scrollIntoView({block: 'center'})"
            )
            shot(popup, "09-popup-draft-marked", full=False)
            draft.fill(original)

            popup.get_by_label("开箱视频").check()
            popup.get_by_role("button", name="保存案件").click()
            expect(popup.locator("#case-status")).to_contain_text("案件已保存")
            popup_on_toolbar(browser)
            browser.click_toolbar_button(shop)
            popup.bring_to_front()
            popup.get_by_role("button", name="截图存证").click()
            expect(popup.locator("#case-status")).to_contain_text("已截图存证", timeout=15000)
            popup.locator("#evidence").scroll_into_view_if_needed()
            shot(popup, "10-popup-saved-and-captured", full=False)

            with browser.context.expect_page() as opened:
                popup.get_by_role("button", name="预填投诉单").click()
            form = opened.value
            expect(popup.locator("#fill-result")).to_contain_text("已在新标签页预填", timeout=20000)
            popup.bring_to_front()
            popup.locator("#fill-result").scroll_into_view_if_needed()
            shot(popup, "11-popup-fill-result", full=False)
            form.bring_to_front()
            shot(form, "12-shop-form-prefilled")
            form.get_by_role("button", name="提交投诉").click()
            expect(form.get_by_text("投诉已提交")).to_be_visible()

            complaints = browser.open_shop_page(COMPLAINT_LIST)
            tracking = popup_for(browser, complaints)
            expect(tracking.locator("#sync-changes")).to_contain_text("已提交")
            shot(tracking, "13-popup-status-synced")
            tracking.close()
            cases_rows = shop_process.admin("GET", "cases?kind=complaint")["cases"]
            row = next(c for c in cases_rows if c["order_id"] == ORDER_ID)
            shop_process.admin("POST", f"cases/{row['case_id']}/status", {"status": "rejected"})
            complaints.reload()
            tracking = popup_for(browser, complaints)
            expect(tracking.locator("#sync-changes")).to_contain_text("已结束")
            tracking.close()

            cases = browser.context.new_page()
            cases.goto(browser.url("cases/cases.html"))
            expect(cases.locator("#case-rows tr")).to_have_count(1)
            shot(cases, "14-cases-list")
            cases.locator("#case-rows button").first.click()
            expect(cases.locator("#escalation")).to_be_visible()
            shot(cases, "15-case-view-escalation")
            with browser.context.expect_page() as opened:
                cases.get_by_role("button", name="打印案件材料").click()
            printable = opened.value
            expect(printable.locator("#file-title")).to_contain_text("案件材料")
            shot(printable, "16-case-file-printable")

            helper.stop()
            popup = popup_for(browser, shop)
            expect(popup.locator("#state-text")).to_contain_text("tousu serve")
            shot(popup, "17-popup-helper-down")
        finally:
            browser.context.close()
            helper.stop()
            shop_process.stop()
    return shot.taken


PANEL_SIZE = {"width": 360, "height": 720}
LOCALES = {"zh_CN": ("zh-CN", "zh_CN:zh", "zh_CN.UTF-8"), "en": ("en-US", "en_US:en", "en_US.UTF-8")}


def launch_in(playwright, profile: Path, locale: str, headed: bool, shop, helper):
    """The plugin's browser, in the given UI language (Chromium on Linux takes it from the
    environment, so the extension's locale follows)."""
    lang, language, lang_env = LOCALES[locale]
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=plugin_browser.chromium_path(),
        headless=not headed,
        args=plugin_browser.chromium_args(plugin_browser.EXTENSION_DIR),
        locale=lang,
        timezone_id="Asia/Shanghai",
        env={**os.environ, "LANGUAGE": language, "LANG": lang_env},
        viewport={"width": 1280, "height": 900},
    )
    plugin_browser.route_shop_to_mock(context, shop)
    worker = next((w for w in context.service_workers if "chrome-extension://" in w.url), None)
    worker = worker or context.wait_for_event("serviceworker", timeout=15000)
    extension_id = worker.url.split("/")[2]
    for page in context.pages:
        if page.url.startswith(f"chrome-extension://{extension_id}/options"):
            page.close()
    return plugin_browser.ExtensionBrowser(context, extension_id, helper=helper, shop=shop)


def run_panel(out: Path, headed: bool, locale: str) -> list[str]:
    shot = Shots(out)
    work = Path(tempfile.mkdtemp(prefix="tousu-panel-shots-"))
    helper = HelperProcess(work / "helper")
    shop_process = MockShopProcess(work / "mock.log")
    with sync_playwright() as playwright:
        browser = launch_in(playwright, work / "profile", locale, headed, shop_process, helper)
        try:
            browser.pair_directly(helper)
            browser.use_scenario("earphones_left_silent")
            shop = browser.open_shop_page(LIST_URL)
            panel = open_panel(browser)
            panel.set_viewport_size(PANEL_SIZE)
            look_at(shop)
            name = lambda n, step: f"panel-{locale}-{n:02d}-{step}"  # noqa: E731
            expect(panel.locator("#order-cards button").first).to_be_visible(timeout=20000)
            shot(panel, name(1, "order"))
            pick_order(panel, ORDER_ID)
            panel.locator('#symptoms button[data-code="no_sound"]').click()
            panel.locator("#problem-text").fill("左耳没有声音，充电也充不进去")
            shot(panel, name(2, "problem"))
            analyze(panel, "左耳没有声音，充电也充不进去")
            panel.locator(".step:visible details").first.evaluate("(d) => { d.open = true; }")
            shot(panel, name(3, "type"))
            next_step(panel)
            wait_step(panel, "evidence")
            panel.locator('#evidence input[id="ev-unboxing_video"]').check()
            shot(panel, name(4, "evidence"))
            next_step(panel)
            wait_step(panel, "remedy")
            shot(panel, name(5, "remedy"))
            next_step(panel)
            wait_step(panel, "draft")
            shot(panel, name(6, "draft"))
            next_step(panel)
            wait_step(panel, "fill")
            shot(panel, name(7, "fill"))
            with browser.context.expect_page() as opened:
                panel.locator("#fill-complaint").click()
            opened.value.wait_for_load_state()
            expect(panel.locator("#fill-report-body")).to_be_visible(timeout=30000)
            shot(panel, name(8, "fill-report"))
            look_at(shop)
            wait_step(panel, "fill")
            panel.locator("#open-cases").click()
            expect(panel.locator("#case-list button").first).to_be_visible()
            shot(panel, name(9, "cases"))
            panel.locator("#case-list button").first.click()
            expect(panel.locator("#case-one-events li").first).to_be_visible()
            shot(panel, name(10, "case-timeline"))
        finally:
            browser.context.close()
            helper.stop()
            shop_process.stop()
    return shot.taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--headed", action="store_true")
    parser.add_argument("--panel-only", action="store_true", help="only the side panel's screenshots")
    args = parser.parse_args()
    taken = [] if args.panel_only else run(args.out, args.headed)
    for locale in LOCALES:
        taken += run_panel(args.out, args.headed, locale)
    print(f"{len(taken)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
