"""The old list page (tm1): GBK, the embedded literal, bare big ids, the scenario's values."""

from __future__ import annotations

import re
from datetime import timedelta

LIST_URL = "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"

EARPHONES = "3100000000000002001"


def _page(client, **params):
    client.set_cookie("tousu_scenario", "earphones_left_silent")
    response = client.get(LIST_URL, query_string=params)
    assert response.status_code == 200
    return response


def test_body_is_gbk_and_says_so(client):
    response = _page(client)
    assert response.headers["Content-Type"] == "text/html; charset=GBK"
    html = response.data.decode("gbk")
    assert '<meta charset="gbk">' in html
    with_bytes = "已买到的宝贝".encode("gbk")
    assert with_bytes in response.data  # really GBK bytes, not UTF-8
    assert '<body id="list-bought-items" class="bought">' in html
    assert 'id="J_bought_main"' in html


def test_inline_script_starts_with_the_literal(client):
    html = _page(client).data.decode("gbk")
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    assert script.startswith("var data = JSON.parse('")
    assert "window.canUpgrade2Tm2 = JSON.parse('false');" in script
    literal = re.search(r"JSON\.parse\('(.*?)'\);", script, re.S).group(1)
    assert literal.isascii()
    assert '\\"mainOrders\\"' in literal
    assert "\\/\\/rights.taobao.com\\/complaint\\/redirect.jhtml?bizId=" in literal
    assert re.search(r'(?<!\\)"', literal) is None  # every " is escaped


def test_sub_and_extra_ids_are_bare_numbers(client):
    html = _page(client).data.decode("gbk")
    assert f'\\"subOrders\\":[{{\\"id\\":{EARPHONES},' in html
    assert f'\\"tradeStatus\\":\\"WAIT_BUYER_CONFIRM_GOODS\\",\\"id\\":{EARPHONES},' in html
    assert f'\\"id\\":\\"{EARPHONES}\\"' in html  # the main id stays a string


def test_decodes_to_the_scenario_values(client, decode, now):
    data = decode(_page(client).data.decode("gbk"))
    assert set(data) == {"error", "extra", "mainOrders", "page", "query", "tabs"}
    orders = {o["id"]: o for o in data["mainOrders"]}
    assert len(orders) == 3
    order = orders[EARPHONES]
    assert order["payInfo"]["actualFee"] == "199.00"
    assert order["statusInfo"]["text"] == "卖家已发货"
    assert order["extra"]["tradeStatus"] == "WAIT_BUYER_CONFIRM_GOODS"
    assert order["extra"]["id"] == int(EARPHONES)
    assert order["seller"]["shopName"] == "示例数码专营店"
    assert order["orderInfo"]["createTime"] == (now - timedelta(days=5)).strftime("%Y-%m-%d %H:%M:%S")
    sub = order["subOrders"][0]
    assert sub["id"] == 3100000000000002001  # exact: Python json keeps big ints
    assert sub["quantity"] == "1"
    assert sub["priceInfo"]["realTotal"] == "199.00"
    assert "耳机" in sub["itemInfo"]["title"]
    texts = {op["text"]: op for op in sub["operations"]}
    assert texts["退款/退货"]["url"] == (
        f"//refund2.taobao.com/dispute/applyRouter.htm?bizOrderId={EARPHONES}"
    )
    assert texts["投诉卖家"]["action"] == "a3"
    assert texts["投诉卖家"]["dataUrl"] == (f"//rights.taobao.com/complaint/redirect.jhtml?bizId={EARPHONES}")
    status_ops = {op.get("id"): op for op in order["statusInfo"]["operations"]}
    assert {"viewDetail", "viewLogistic"} <= set(status_ops)
    trade_ops = [op["text"] for op in order["tradeOperations"]]
    assert "确认收货" in trade_ops and trade_ops[0].startswith("还剩")


def test_other_orders_have_their_status_operations(client, decode):
    data = decode(_page(client).data.decode("gbk"))
    orders = {o["id"]: o for o in data["mainOrders"]}
    done = orders["3100000000000002002"]
    assert done["statusInfo"]["text"] == "交易成功"
    assert done["extra"]["finish"] is True
    after = [op for op in done["subOrders"][0]["operations"] if op["text"] == "申请售后"][0]
    assert after["dataUrl"] == (
        "//refund2.taobao.com/dispute/taobaoAfterDisputeRedirect.htm?tradeId=3100000000000002002"
    )
    assert '"速干款"' in done["subOrders"][0]["itemInfo"]["title"]
    closed = orders["3100000000000002003"]
    assert closed["statusInfo"]["text"] == "交易关闭"
    assert closed["extra"]["closed"] is True
    assert [op["text"] for op in closed["subOrders"][0]["operations"]] == ["查看退款", "投诉卖家"]
    assert any(op.get("id") == "delOrder" for op in closed["operations"])


def test_async_bought_returns_the_same_root_in_gbk(client, decode):
    client.set_cookie("tousu_scenario", "earphones_left_silent")
    response = client.post(
        "/buyertrade.taobao.com/trade/itemlist/asyncBought.htm", data={"pageNum": "1", "pageSize": "2"}
    )
    assert "GBK" in response.headers["Content-Type"]
    import json

    data = json.loads(response.data.decode("gbk"))
    assert data["page"] == {**data["page"], "currentPage": 1, "pageSize": 2, "totalNumber": 3, "totalPage": 2}
    assert len(data["mainOrders"]) == 2


def test_missing_field_fault_removes_it(client, decode):
    data = decode(_page(client, tousu_missing="payInfo.actualFee").data.decode("gbk"))
    assert all("actualFee" not in o["payInfo"] for o in data["mainOrders"])


def test_build_changes_the_hashes(client):
    one = _page(client).data.decode("gbk")
    two = _page(client, tousu_build="another").data.decode("gbk")
    first = re.search(r"bought-wrapper-mod__trade-order___\w+", one).group(0)
    second = re.search(r"bought-wrapper-mod__trade-order___\w+", two).group(0)
    assert first != second
