"""Low 12: the reader's link filter passed java\\tscript:, vbscript:, file:, chrome: and any https
host, and the extension opened them with chrome.tabs.create."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tousu.reading import read_page
from tousu.reading.common import abs_url, image_url

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"

HOSTILE = [
    "java\tscript:alert(1)",
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "chrome://settings",
    "chrome-extension://abc/options.html",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/complaint",
    "https://taobao.com.evil.example/",
    "https://eviltaobao.com/",
    "https://user:pw@rights.taobao.com/",
    "https://rights.taobao.com:8443/",
    "//evil.example/x",
    "ftp://rights.taobao.com/",
    "https://rights.taobao.com/\nx",
]
FINE = [
    (
        "//rights.taobao.com/complaint/apply.htm?bizOrderId=1",
        "https://rights.taobao.com/complaint/apply.htm?bizOrderId=1",
    ),
    ("https://detail.tmall.com/item.htm?id=1", "https://detail.tmall.com/item.htm?id=1"),
    ("http://shop123.taobao.com/", "https://shop123.taobao.com/"),
    (
        "/trade/detail/trade_order_detail.htm?biz_order_id=1",
        "https://buyertrade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=1",
    ),
]


@pytest.mark.parametrize("link", HOSTILE)
def test_f12_only_https_shop_links_leave_the_reader(link):
    assert abs_url(link, BASE) is None
    assert image_url(link, BASE) is None


@pytest.mark.parametrize(("link", "expected"), FINE)
def test_f12_shop_links_still_read(link, expected):
    assert abs_url(link, BASE) == expected


def test_f12_images_may_come_from_the_shop_cdn():
    assert image_url("//img.alicdn.com/bao/1.jpg", BASE) == "https://img.alicdn.com/bao/1.jpg"
    assert abs_url("//img.alicdn.com/bao/1.jpg", BASE) is None


def test_f12_a_read_page_carries_no_hostile_link():
    # The real list fixture with every link replaced by a hostile one, in turn.
    page = (ROOT / "tests/fixtures/pages/tm2_list.html").read_text("utf-8")
    links = iter(HOSTILE * 100)
    hostile_page = re.sub(r'href="[^"]*"', lambda _: f'href="{next(links)}"', page)
    reading = read_page(BASE, hostile_page)
    assert reading.orders, "the fixture still reads as orders"
    text = reading.model_dump_json().lower()
    for bad in ("javascript", "vbscript", "file:", "chrome", "evil.example", "8443", "pw@", "ftp:"):
        assert bad not in text, bad


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_f12_the_extension_checks_again_before_opening_a_tab(tmp_path):
    module = tmp_path / "tabs.mjs"
    module.write_text((ROOT / "extension/background/tabs.js").read_text())
    script = tmp_path / "run.mjs"
    script.write_text(
        "const opened = [];\n"
        "globalThis.chrome = { tabs: { create: async (o) => { opened.push(o.url); return { id: 1 }; } } };\n"
        "const { openShopTab } = await import('./tabs.mjs');\n"
        f"const links = {json.dumps(HOSTILE + ['https://rights.taobao.com/complaint/apply.htm'])};\n"
        "const refused = [];\n"
        "for (const url of links) { try { await openShopTab(url); } catch { refused.push(url); } }\n"
        "console.log(JSON.stringify({ opened, refused }));\n"
    )
    out = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=30, check=True)
    result = json.loads(out.stdout)
    assert result["opened"] == ["https://rights.taobao.com/complaint/apply.htm"]
    assert len(result["refused"]) == len(HOSTILE)
