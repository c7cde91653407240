"""A shopper who ran `tousu install` once: the toolbar click starts and pairs the helper through
native messaging, no terminal, no code; a killed helper comes back on the next click."""

from __future__ import annotations

import http.server
import json
import re
import subprocess
import sys
import threading

from playwright.sync_api import expect

from tousu.native import HOST_NAME
from tousu.native.state import read_state
from tousu_testing.popup import analyze, pick_order, top_type

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
ORDER_ID = "3100000000000002001"


def click_for_popup(browser, page):
    """The shopper's click on the toolbar button for `page`, and its popup. Headless Chromium
    shows no popup window for Extensions.triggerAction, so the popup is opened aimed at the tab
    the click was on, as every popup test does."""
    browser.click_toolbar_button(page)
    return browser.open_popup(page)


def orders_then_advice(popup) -> None:
    pick_order(popup, ORDER_ID, timeout=40000)
    analyze(popup, "左耳没有声音", timeout=40000)
    assert top_type(popup) == "quality_defect"


def test_a_click_starts_and_pairs_the_helper_and_brings_it_back_after_a_kill(tousu_native):
    browser, native = tousu_native, tousu_native.native
    assert native.helper() is None, "no helper runs before the first click"
    browser.use_scenario("earphones_left_silent")
    shop = browser.open_shop_page(LIST_URL)
    expect(shop.get_by_text(ORDER_ID).first).to_be_visible()

    popup = click_for_popup(browser, shop)
    orders_then_advice(popup)
    first = native.helper()
    assert first is not None and first["port"] == native.port
    stored = browser.service_worker.evaluate("() => chrome.storage.local.get(null)")
    assert stored["helperVia"] == "native" and stored["helperPort"] == first["port"]
    assert re.fullmatch(r"[0-9a-f]{16}", stored["helperTokenId"])

    options = browser.open_options()
    expect(options.locator("#via")).to_have_text("连接方式：原生连接（浏览器自动启动助手）")
    options.close()
    popup.close()

    native.kill_helper()
    assert native.helper() is None
    popup = click_for_popup(browser, shop)
    orders_then_advice(popup)
    second = native.helper()
    assert second is not None and second["pid"] != first["pid"]


def test_the_installed_host_refuses_an_origin_that_is_not_tousus(tousu_native, tmp_path):
    manifest_path = tousu_native.native.profile_dir / "NativeMessagingHosts" / f"{HOST_NAME}.json"
    manifest = json.loads(manifest_path.read_text())
    assert manifest["allowed_origins"] == [f"chrome-extension://{tousu_native.extension_id}/"]
    request = json.dumps({"type": "connect"}).encode()
    framed = len(request).to_bytes(4, sys.byteorder) + request
    # A data directory of its own: the extension's badge check may start the real helper in the
    # profile's one at any moment, which says nothing about this caller.
    data_dir = tmp_path / "foreign-caller-data"
    done = subprocess.run(
        [manifest["path"], "chrome-extension://" + "a" * 32 + "/"],
        input=framed,
        capture_output=True,
        env={**tousu_native.native.env, "TOUSU_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    answer = json.loads(done.stdout[4:])
    assert answer["ok"] is False and answer["error"]["code"] == "origin_not_allowed"
    assert "token" not in answer
    assert read_state(data_dir) is None  # no helper was started for it


class _Impostor(http.server.BaseHTTPRequestHandler):
    """Something that took the helper's port and claims to be it, without the token."""

    seen: list[dict] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).seen.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
        body = json.dumps(
            {
                "ok": True,
                "service": "tousu-helper",
                "version": "0.1.0",
                "api_version": 1,
                "paired": True,
                "proof": "0" * 64,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Tousu-Helper", "tousu-helper/0.1.0")
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_an_impostor_on_the_port_never_sees_the_token(tousu_native):
    browser, native = tousu_native, tousu_native.native
    browser.use_scenario("earphones_left_silent")
    shop = browser.open_shop_page(LIST_URL)
    orders_then_advice(click_for_popup(browser, shop))
    native.kill_helper()

    _Impostor.seen = []
    impostor = http.server.ThreadingHTTPServer(("127.0.0.1", native.port), _Impostor)
    thread = threading.Thread(target=impostor.serve_forever, daemon=True)
    thread.start()
    try:
        orders_then_advice(click_for_popup(browser, shop))
    finally:
        impostor.shutdown()
        impostor.server_close()
    assert _Impostor.seen, "the extension did ask the old port first"
    assert all("x-tousu-token" not in request for request in _Impostor.seen)
    assert all(request["path"].startswith("/api/v1/ping?challenge=") for request in _Impostor.seen)
    moved = native.helper()
    assert moved is not None and moved["port"] != native.port
