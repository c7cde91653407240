"""The big-list generator and the URL mapping of the routing helper."""

from __future__ import annotations

from tousu_testing.mockshop import create_mock_app
from tousu_testing.mockshop.biglist import big_list_spec
from tousu_testing.mockshop.biglist_page import big_list_html
from tousu_testing.mockshop.routing import mock_url


def test_big_list_spec_is_valid_and_unique():
    spec = big_list_spec(300)
    ids = [i.sub_id for o in spec.orders for i in o.items]
    assert len(spec.orders) == 300 and len(ids) == len(set(ids))
    assert all(len(o.id) == 19 for o in spec.orders)


def test_big_list_html_embeds_everything(decode):
    html = big_list_html(120, "2025-10-20T12:00:00+08:00").decode("gbk")
    data = decode(html)
    assert len(data["mainOrders"]) == 120
    assert data["page"]["totalNumber"] == 120


def test_served_big_list_pages_like_the_real_site(decode):
    app = create_mock_app({"SCENARIOS": ["big_list_120"], "NOW": "2025-10-20T12:00:00+08:00"})
    html = (
        app.test_client()
        .get("/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm")
        .data.decode("gbk")
    )
    data = decode(html)
    assert len(data["mainOrders"]) == 50 and data["page"]["totalPage"] == 3


def test_mock_url():
    base = "http://127.0.0.1:5000"
    assert mock_url("https://rights.taobao.com/complaint/redirect.jhtml?bizId=1", base) == (
        "http://127.0.0.1:5000/rights.taobao.com/complaint/redirect.jhtml?bizId=1"
    )
    assert mock_url("https://trade.tmall.com/", base) == "http://127.0.0.1:5000/trade.tmall.com/"
    assert mock_url("https://example.com/", base) is None
    assert mock_url("https://taobao.com.evil.example/", base) is None
