"""The CLI prints exactly what the HTTP API returns (`tousu read` = POST /pages/read, ...)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tousu.cli import main

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
CASES = [
    ("tm1_list.html", LIST_URL),
    (
        "taobao_detail.html",
        "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000001234",
    ),
    ("punish.html", "https://buyertrade.taobao.com/_____tmd_____/punish?x5secdata=x"),
]


def cli(*args: str) -> dict:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(("name", "url"), CASES)
def test_read_matches_the_api(api, name, url):
    path = PAGES / name
    if not path.exists():
        pytest.skip(f"fixture {name} not generated")
    # The browser sends text; the CLI reads bytes in the page's declared charset.
    from tousu.reading.decode import decode_html

    over_http = api.post("/pages/read", json={"url": url, "html": decode_html(path.read_bytes())})
    assert over_http.status_code == 200
    assert cli("read", str(path), "--url", url) == over_http.json


def test_advise_matches_the_api(api, tmp_path):
    reading = cli("read", str(PAGES / "tm1_list.html"), "--url", LIST_URL)
    order_file = tmp_path / "reading.json"
    order_file.write_text(json.dumps(reading, ensure_ascii=False), "utf-8")
    order = reading["orders"][0]
    now = "2025-10-12T10:00:00+08:00"
    problem = "收到就是坏的，开不了机"
    # The same data dir as the app, so the same (default) settings.
    from_cli = cli(
        "advise", "--order", str(order_file), "--problem", problem, "--now", now, "--data-dir", str(tmp_path)
    )
    over_http = api.post("/advice", json={"order": order, "problem": {"text": problem}, "now": now})
    assert over_http.status_code == 200
    assert from_cli == over_http.json
    assert from_cli["types"][0]["code"]


def test_lint_matches_the_api(api):
    text = "骗子！！！不退款就给差评，电话13000000000"
    from_cli = cli("lint", text)
    assert from_cli == api.post("/lint", json={"text": text}).json
    assert {f["code"] for f in from_cli["findings"]} >= {"emotional_language", "threat", "personal_data"}
