"""Chromium with the unpacked extension loaded, and the mock shop behind the real shop URLs."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, Worker
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tousu.config import DEFAULT_EXTENSION_ID, extension_dir

from .mockshop.routing import REAL_URL_PATTERN, route_handler
from .processes import HelperProcess, MockShopProcess
from .scenarios import Scenario, get_scenario

EXTENSION_DIR = extension_dir()
# Everything that is not loopback and not the shop is aborted, so a test never depends on the
# network.
EXTERNAL_URL = re.compile(r"^https?://(?!(127\.0\.0\.1|localhost|\[::1\])[:/])", re.I)


def chromium_path() -> str:
    path = os.environ.get("TOUSU_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError(
            "Chromium not found. Install Debian's chromium (apt-get install chromium) or set "
            "TOUSU_CHROMIUM; Playwright's own browser download is not used."
        )
    return path


def chromium_args(extension_dir: Path) -> list[str]:
    args = [
        f"--disable-extensions-except={extension_dir}",
        f"--load-extension={extension_dir}",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-sync",
        "--lang=zh-CN",
        # Lets CDP's Extensions.triggerAction press the toolbar button: the only way a test gets
        # the activeTab grant a real click gives (captureVisibleTab needs it).
        "--enable-unsafe-extension-debugging",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return args


def route_shop_to_mock(context: BrowserContext, shop: MockShopProcess) -> None:
    """Serve the mock shop under the real Taobao/Tmall URLs; abort every other external request."""
    context.route(EXTERNAL_URL, lambda route: route.abort("blockedbyclient"))
    # Registered last, so it is consulted first for the shop's own hosts.
    context.route(REAL_URL_PATTERN, route_handler(shop.url))


@dataclass
class ExtensionBrowser:
    """A persistent Chromium context with Tousu loaded, plus the moves tests make with it."""

    context: BrowserContext
    extension_id: str
    helper: HelperProcess | None = None
    shop: MockShopProcess | None = None
    profile_dir: Path | None = None
    native: object | None = None  # a tousu_testing.native.NativeSetup (the tousu_native fixture)
    _control_page: Page | None = None

    @property
    def service_worker(self) -> Worker:
        for worker in self.context.service_workers:
            if self.extension_id in worker.url:
                return worker
        return self.context.wait_for_event("serviceworker", timeout=10000)

    def url(self, path: str) -> str:
        return f"chrome-extension://{self.extension_id}/{path}"

    def use_scenario(self, name: str) -> Scenario:
        """Show only this mock-shop scenario's orders (the mock reads a cookie on the shop's
        own domains, so the pages keep their real URLs). Returns the scenario's story and ids."""
        scenario = get_scenario(name)
        self.context.add_cookies(
            [
                {"name": "tousu_scenario", "value": name, "domain": f".{domain}", "path": "/"}
                for domain in ("taobao.com", "tmall.com")
            ]
        )
        return scenario

    def open_scenario_list(self, scenario: Scenario | str, timeout: float = 15000) -> Page:
        """Select the scenario and open its 已买到的宝贝 page (tm1 or tm2 by its generation),
        scrolled as a shopper would until every order is on the page (tm2 renders two orders,
        then more as the list's end scrolls into view)."""
        if isinstance(scenario, str):
            scenario = self.use_scenario(scenario)
        else:
            self.use_scenario(scenario.name)
        page = self.open_shop_page(scenario.list_url)
        show_all_orders(page, scenario, timeout)
        return page

    def open_shop_page(self, url: str) -> Page:
        page = self.context.new_page()
        page.goto(url)
        return page

    def tab_id(self, page: Page) -> int:
        """The chrome.tabs id of a page, as the extension sees it."""
        evaluator = self._control_page or self.service_worker
        query = (
            "async (url) => (await chrome.tabs.query({})).filter((t) => t.url === url)"
            ".map((t) => ({id: t.id, active: t.active}))"
        )
        tabs = evaluator.evaluate(query, page.url)
        if len(tabs) > 1:
            # Several tabs show this URL (two scenarios' lists in one browser): the one
            # brought to the front is this page.
            page.bring_to_front()
            tabs = [t for t in evaluator.evaluate(query, page.url) if t["active"]] or tabs[-1:]
        if not tabs:
            raise LookupError(f"no tab shows {page.url}")
        return tabs[0]["id"]

    def open_popup(self, for_page: Page) -> Page:
        """The toolbar popup, opened as a page aimed at `for_page` (a toolbar click can't be
        automated)."""
        popup = self.context.new_page()
        popup.goto(self.url(f"popup/popup.html?tab={self.tab_id(for_page)}"))
        return popup

    def click_toolbar_button(self, page: Page) -> None:
        """What the shopper's click on the Tousu icon does for `page`: grant activeTab and open
        the real popup."""
        page.bring_to_front()  # the icon is clicked on the tab the shopper is looking at
        cdp = self.context.browser.new_browser_cdp_session()
        try:
            tabs = cdp.send("Target.getTargets", {"filter": [{"type": "tab"}]})["targetInfos"]
            target = next(t["targetId"] for t in tabs if t["url"] == page.url)
            cdp.send("Extensions.triggerAction", {"id": self.extension_id, "targetId": target})
        finally:
            cdp.detach()

    def open_options(self) -> Page:
        page = self.context.new_page()
        page.goto(self.url("options/options.html"))
        return page

    def pair_via_options(self, helper: HelperProcess, code: str | None = None) -> Page:
        """Pair the way a shopper does: type the port and the printed code on the options page."""
        page = self.open_options()
        port_box = page.get_by_role("spinbutton", name=re.compile("^(助手端口|Helper port)$"))
        port_box.fill(str(helper.port))
        code_box = page.get_by_role("textbox", name=re.compile("^(配对码|Pairing code)$"))
        code_box.fill(code or helper.pairing_code)
        page.get_by_role("button", name=re.compile("^(配对|Pair)$")).click()
        page.locator("#status[data-state]").wait_for()
        return page

    def set_helper_port(self, port: int) -> None:
        self.service_worker.evaluate("(port) => chrome.storage.local.set({helperPort: port})", port)

    def pair_directly(self, helper: HelperProcess) -> None:
        """Pair without the UI (for tests about something else)."""
        status, _, body = helper.request(
            "POST", "/api/v1/pairing", {"code": helper.new_pairing_code(), "extension_id": self.extension_id}
        )
        assert status == 201, body
        # The token_id too: the extension proves the helper by a challenge before using the token.
        self.service_worker.evaluate(
            "([port, token, id]) => chrome.storage.local.set("
            "{helperPort: port, helperToken: token, helperTokenId: id, helperVia: 'code'})",
            [helper.port, body["token"], body["token_id"]],
        )

    def stop_service_worker(self, timeout: float = 10.0) -> None:
        """Stop the worker the way Chrome does when idle; the next message must revive it.

        Playwright keeps no usable handle to a revived worker, so afterwards `tab_id` asks an
        extension page instead of the worker.
        """
        page = self.open_options()
        cdp = self.context.new_cdp_session(page)
        statuses: list[str] = []
        cdp.on(
            "ServiceWorker.workerVersionUpdated",
            lambda event: statuses.extend(v["runningStatus"] for v in event["versions"]),
        )
        try:
            cdp.send("ServiceWorker.enable")
            cdp.send("ServiceWorker.stopAllWorkers")
            deadline = time.monotonic() + timeout
            while "stopped" not in statuses:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"service worker did not stop: {statuses}")
                page.wait_for_timeout(50)
        finally:
            cdp.detach()
        self._control_page = page


def show_all_orders(page: Page, scenario: Scenario, timeout: float = 15000) -> None:
    """Wait until the list shows every order of the scenario, scrolling the tm2 list."""
    any_order = re.compile("|".join(scenario.order_ids))
    page.get_by_text(any_order).first.wait_for(timeout=timeout)
    if scenario.generation != "tm2":
        return
    containers = page.locator("[id^=shopOrderContainer_]")
    deadline = time.monotonic() + timeout / 1000
    while containers.count() < len(scenario.order_ids):
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"tm2 list shows {containers.count()} of {len(scenario.order_ids)} orders after scrolling"
            )
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(100)
    page.evaluate("window.scrollTo(0, 0)")


def _manifest_key(extension_dir: Path) -> str | None:
    return json.loads((Path(extension_dir) / "manifest.json").read_text("utf-8")).get("key")


def snapshot_extension(destination: Path, source: Path = EXTENSION_DIR) -> Path:
    """A copy of the unpacked extension, so a test run loads one consistent version even while
    someone edits extension/ (Chromium reads some files, e.g. _locales, lazily from disk)."""
    destination = Path(destination)
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns(".*", "*~", "*.swp"))
    return destination


LAUNCH_ATTEMPTS = 3
LAUNCH_TIMEOUT_MS = 60_000


def _launch_persistent(playwright: Playwright, user_data_dir: Path, options: dict) -> BrowserContext:
    # A Chromium that never opens its DevTools pipe is rare but happens on a loaded machine (seen
    # once in a full CI run: launched, then silent for 180 s). Playwright kills it on timeout; a
    # fresh launch on the same profile (its stale Singleton* lock files removed) then starts.
    for attempt in range(1, LAUNCH_ATTEMPTS + 1):
        try:
            return playwright.chromium.launch_persistent_context(
                str(user_data_dir), timeout=LAUNCH_TIMEOUT_MS, **options
            )
        except PlaywrightTimeoutError:
            if attempt == LAUNCH_ATTEMPTS:
                raise
            for lock in user_data_dir.glob("Singleton*"):
                lock.unlink(missing_ok=True)
    raise AssertionError("unreachable")


FIRST_RUN_OPTIONS_WAIT_S = 10.0
RELAUNCH_OPTIONS_WAIT_S = 2.0


def _close_first_run_options(context: BrowserContext, extension_id: str, *, wait: bool) -> None:
    """Close the options page the first install opens; tests open their own pages. Chromium may
    open it in a new tab or navigate the blank tab the context starts with, so the pages' URLs
    are watched rather than a page event."""
    prefix = f"chrome-extension://{extension_id}/options"
    deadline = time.monotonic() + (FIRST_RUN_OPTIONS_WAIT_S if wait else RELAUNCH_OPTIONS_WAIT_S)
    while True:
        found = [page for page in context.pages if page.url.startswith(prefix)]
        if found or time.monotonic() >= deadline:
            break
        if context.pages:
            context.pages[0].wait_for_timeout(50)  # lets Playwright take in navigations
        else:
            time.sleep(0.05)
    for page in found:
        if len(context.pages) == 1:
            # Closing a persistent context's last page would leave nothing to evaluate in.
            page.goto("about:blank")
        else:
            page.close()


def launch_extension_context(
    playwright: Playwright,
    user_data_dir: Path,
    *,
    headless: bool = True,
    extension_dir: Path = EXTENSION_DIR,
    shop: MockShopProcess | None = None,
    helper: HelperProcess | None = None,
    slow_mo: float | None = None,
    env: dict[str, str] | None = None,
) -> ExtensionBrowser:
    """`user_data_dir` may be prepared before launch (e.g. its NativeMessagingHosts folder);
    `env` is added to the browser's environment, which native hosts it starts inherit."""
    options = {
        "executable_path": chromium_path(),
        "headless": headless,
        "args": chromium_args(extension_dir),
        "locale": "zh-CN",
        "timezone_id": "Asia/Shanghai",
        # On Linux Chromium takes its UI language (and so the extension's locale) from the
        # environment, not from --lang.
        "env": {**os.environ, "LANGUAGE": "zh_CN:zh", "LANG": "zh_CN.UTF-8", **(env or {})},
        "viewport": {"width": 1280, "height": 900},
        "slow_mo": slow_mo,
    }
    # The install's onInstalled opens the options page: it must be waited for, or it lands in
    # the first tab a test opens and interrupts that tab's navigation (seen in CI). A profile
    # run before opens it too (the unpacked extension is installed again), but not always.
    first_install = not (Path(user_data_dir) / "Default" / "Preferences").exists()
    context = _launch_persistent(playwright, Path(user_data_dir), options)
    if shop is not None:
        route_shop_to_mock(context, shop)
    worker = next((w for w in context.service_workers if "chrome-extension://" in w.url), None)
    worker = worker or context.wait_for_event("serviceworker", timeout=15000)
    extension_id = worker.url.split("/")[2]
    if extension_id != DEFAULT_EXTENSION_ID and _manifest_key(extension_dir) == _manifest_key(EXTENSION_DIR):
        raise RuntimeError(f"unexpected extension id {extension_id}: is manifest.json's key intact?")
    _close_first_run_options(context, extension_id, wait=first_install)
    return ExtensionBrowser(context, extension_id, helper=helper, shop=shop, profile_dir=Path(user_data_dir))
