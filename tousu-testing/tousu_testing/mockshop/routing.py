"""Serving the mock under the real URLs in a Playwright browser (for the harness and dev tools).

``context.route(REAL_URL_PATTERN, route_handler(base))`` sends every Taobao/Tmall/alicdn request
to the mock at ``base`` (``http://127.0.0.1:PORT``). Redirects need care: Chromium does not route
the follow-up request of a 3xx that a route handler fulfilled (it goes to the real network). So a
navigation answered by a redirect is fulfilled with a tiny page that calls ``location.replace``
with the real target (the browser then routes that URL as usual, and the address bar and the
extension see the real URL); other requests have their redirects followed here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

REAL_URL_PATTERN = re.compile(r"^https?://([a-z0-9.-]+\.)?(taobao|tmall|alicdn)\.com(:\d+)?/")
_REDIRECTS = {301, 302, 303, 307, 308}
# Tells the mock the request came through a route (so it never answers in "direct" mode).
ROUTED_HEADER = "x-tousu-routed"


def mock_url(real_url: str, base: str) -> str | None:
    """``https://rights.taobao.com/a?b`` -> ``{base}/rights.taobao.com/a?b``; None if not real."""
    if not REAL_URL_PATTERN.match(real_url):
        return None
    parts = urlsplit(real_url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{base.rstrip('/')}/{parts.hostname}{parts.path or '/'}{query}"


def route_handler(base: str, max_hops: int = 10) -> Callable[[Any], None]:
    """A Playwright route handler (sync API) forwarding real URLs to the mock shop."""

    def handle(route: Any) -> None:
        request = route.request
        url = request.url
        first = True
        for _ in range(max_hops):
            target = mock_url(url, base)
            if target is None:
                route.abort()
                return
            # all_headers() keeps the browser's cookies for the real host (scenario, x5sec...).
            headers = {**request.all_headers(), ROUTED_HEADER: "1"}
            if first:
                response = route.fetch(url=target, headers=headers, max_redirects=0)
            else:
                headers.pop("content-type", None)
                response = route.fetch(url=target, method="GET", headers=headers, max_redirects=0)
            first = False
            if response.status not in _REDIRECTS:
                route.fulfill(response=response)
                return
            url = urljoin(url, response.headers.get("location", "/"))
            if request.is_navigation_request():
                body = (
                    f'<!DOCTYPE html><meta charset="utf-8"><script>location.replace('
                    f"{json.dumps(url)})</script>"
                )
                headers = {k: v for k, v in response.headers.items() if k.lower() == "set-cookie"}
                route.fulfill(
                    status=200,
                    body=body,
                    headers={
                        **headers,
                        "content-type": "text/html; charset=utf-8",
                        "cache-control": "no-store",
                    },
                )
                return
        route.abort()

    return handle
