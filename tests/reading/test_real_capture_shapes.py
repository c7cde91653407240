"""What real captures taught the reader (issue 12, item 5): fixtures with invented values in the
real shapes (tests/fixtures/pages/make_fixtures.py, write_real_capture_shapes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tousu.reading import read_page
from tousu.reading.common import parse_money

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
LIST = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
REFUNDS = "https://refund2.taobao.com/dispute/buyerDisputeList.htm"


def _orders():
    reading = read_page(LIST, (PAGES / "tm1_list_virtual.html").read_bytes())
    assert reading.kind == "order_list"
    return {order.order_id: order for order in reading.orders}


def test_an_empty_refund_list_is_a_refund_list_not_a_login_page():
    reading = read_page(REFUNDS, (PAGES / "refund_list_empty.html").read_text("utf-8"))
    assert reading.kind == "refund_list"
    assert reading.cases == []
    assert not any(w.code == "login_required" for w in reading.warnings)


def test_a_real_login_page_on_the_refund_url_is_still_a_login():
    reading = read_page(REFUNDS, (PAGES / "login.html").read_text("utf-8"))
    assert reading.kind == "login"


def test_virtual_goods_are_read_with_their_status_and_marked_virtual():
    orders = _orders()
    topup, card = orders["310000000000007001"], orders["3100000000000007002"]
    assert (topup.status, topup.status_text, topup.virtual) == ("completed", "充值成功", True)
    assert (card.status, card.virtual) == ("completed", True)
    assert topup.total_paid == "49.80"
    assert orders["3100000000000007003"].virtual is False


def test_an_18_digit_order_id_reads_like_a_19_digit_one():
    orders = _orders()
    assert "310000000000007001" in orders
    assert orders["310000000000007001"].items[0].title.startswith("示例移动话费")


def test_money_in_another_currency_or_with_a_decimal_comma_is_not_read_as_yuan():
    foreign = _orders()["3100000000000007003"]
    assert foreign.total_paid is None
    assert foreign.items[0].unit_price is None


@pytest.mark.parametrize(
    "text",
    [
        "HK$128.00",
        "US$12.50",
        "$9.99",
        "€12,50",
        "12,50",
        "1.234,56",
        "NT$300",
        "JPY 1200",
        "128港币",
        "12.5 USD",
    ],
)
def test_foreign_and_decimal_comma_amounts_are_refused(text):
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("￥1,299.00", "1299.00"),
        ("1,299", "1299.00"),
        ("¥47.4", "47.40"),
        ("-￥27.00", "-27.00"),
        ("58.00元", "58.00"),
    ],
)
def test_yuan_amounts_still_read(text, amount):
    assert parse_money(text) == amount
