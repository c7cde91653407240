"""Fixtures for the mock shop tests: a pinned clock, a test client, a JS-literal decoder."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tousu_testing.mockshop import create_mock_app

NOW = "2025-10-20T12:00:00+08:00"
LIST_URL = "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
_LITERAL = re.compile(r"var data = JSON\.parse\('((?:[^'\\]|\\.)*)'\);")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def js_unescape(body: str) -> str:
    """JS string-literal semantics, written here independently of tousu.reading on purpose."""

    def one(match: re.Match[str]) -> str:
        esc = match.group(1)
        if esc[0] in "ux" and len(esc) > 1:
            return chr(int(esc[1:], 16))
        return _SIMPLE.get(esc, esc)

    text = _ESCAPE.sub(one, body)
    # \uD83D\uDE00 pairs arrive as two surrogates: join them.
    return text.encode("utf-16", "surrogatepass").decode("utf-16")


def embedded_data(html: str, pattern: re.Pattern[str] = _LITERAL) -> dict[str, Any]:
    match = pattern.search(html)
    assert match, "no var data = JSON.parse('…') in the page"
    # Python's json keeps 19-digit integers exact, unlike JavaScript.
    return json.loads(js_unescape(match.group(1)))


@pytest.fixture()
def app() -> Flask:
    return create_mock_app({"NOW": NOW})


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def decode() -> Callable[[str], dict[str, Any]]:
    return embedded_data


@pytest.fixture()
def now() -> datetime:
    return datetime.fromisoformat(NOW)


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser_context(tousu_playwright) -> Iterator[object]:
    # The plugin's Playwright driver: a second sync driver in the same worker is refused.
    if not CHROMIUM.exists():
        pytest.skip("needs /usr/bin/chromium")
    from werkzeug.serving import make_server

    from tousu_testing.mockshop import create_mock_app
    from tousu_testing.mockshop.routing import route_handler

    server = make_server("127.0.0.1", 0, create_mock_app({"NOW": "2025-10-20T12:00:00+08:00"}), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser = tousu_playwright.chromium.launch(executable_path=str(CHROMIUM))
    context = browser.new_context()
    context.route("**/*", route_handler(f"http://127.0.0.1:{server.server_port}"))
    try:
        yield context
    finally:
        browser.close()
        server.shutdown()
