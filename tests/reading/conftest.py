"""Shared helpers for the reading tests: fixture pages by name, and their URLs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tousu.models import Reading
from tousu.reading import read_page

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"

# Every fixture page with the URL the browser would show for it.
FIXTURE_URLS: dict[str, str] = {
    "tm1_list.html": LIST_URL,
    "tm1_empty_list.html": LIST_URL,
    "tm1_list_virtual.html": LIST_URL,
    "login.html": "https://login.taobao.com/member/login.jhtml?redirectURL=https%3A%2F%2Fbuyertrade.taobao.com%2Ftrade%2Fitemlist%2Flist_bought_items.htm",
    "punish.html": "https://buyertrade.taobao.com//_____tmd_____/punish?x5secdata=example&x5step=1",
    "blocked_user_validate.json": "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000001234",
    "blocked_rgv587.json": "https://buyertrade.taobao.com/trade/itemlist/asyncBought.htm?action=itemlist/BoughtQueryAction&event_submit_do_query=1&_input_charset=utf8",
    "unrelated.html": "https://www.example.com/novel/1.html",
    "tm2_list.html": LIST_URL,
    "tm2_list_rehashed.html": LIST_URL,
    "tm2_list_lazy.html": LIST_URL,
    "taobao_detail.html": "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000001234",
    "taobao_detail_multi_parcel.html": "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000020000&route_to=tm1",
    "tmall_detail.html": "https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=3100000000000030000",
    "new_detail.html": "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000040000",
    "archive_detail.html": "https://tradearchive.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3100000000000050000",
    "complaint_form.html": "https://rights.taobao.com/complaint/applyRouter.htm?bizId=3100000000000001234",
    "refund_form.html": "https://refund2.taobao.com/dispute/apply.htm?bizOrderId=3100000000000001234&type=1",
    "complaint_list.html": "https://rights.taobao.com/complaint/buyerList.htm",
    "refund_list.html": "https://refund2.taobao.com/dispute/buyerDisputeList.htm",
    "refund_list_empty.html": "https://refund2.taobao.com/dispute/buyerDisputeList.htm",
}

# The invented personal data the fixture generator plants (make_fixtures.py): never read.
PERSONAL = (
    "示例买家小明",
    "2200099999999",
    "张示例",
    "13000000000",
    "示例省",
    "示例路1号",
    "518057",
    "2025100822001100000000000001",
    "example_token_value",
    "buyerId",
)


def page_bytes(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def read_fixture(name: str, url: str | None = None) -> Reading:
    return read_page(url or FIXTURE_URLS[name], page_bytes(name))


def serialized(reading: Reading) -> str:
    return json.dumps(reading.model_dump(mode="json"), ensure_ascii=False)


@pytest.fixture(scope="session")
def tm1_reading() -> Reading:
    return read_fixture("tm1_list.html")
