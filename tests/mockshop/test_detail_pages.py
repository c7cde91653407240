"""Detail pages: old Taobao (embedded literal), Tmall (detailData), new DOM, archive, redirects."""

from __future__ import annotations

import json
import re

TAOBAO = "/trade.taobao.com/trade/detail/trade_order_detail.htm"
MULTI = "3100000000000009010"


def _taobao(client, decode, order_id, **params):
    response = client.get(TAOBAO, query_string={"biz_order_id": order_id, **params})
    assert response.headers["Content-Type"] == "text/html; charset=GBK"
    html = response.data.decode("gbk")
    return html, decode(html)


def test_list_link_redirects_to_the_real_detail_url(client):
    response = client.get(
        "/buyertrade.taobao.com/trade/detail/trade_item_detail.htm",
        query_string={"bizOrderId": "3100000000000002001", "route_to": "tm1"},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == (
        "https://trade.taobao.com/trade/detail/"
        "trade_order_detail.htm?biz_order_id="
        "3100000000000002001&route_to=tm1"
    )


def test_tmall_order_through_a_taobao_url_goes_to_tmall(client):
    response = client.get(TAOBAO, query_string={"biz_order_id": "3100000000000003001"})
    assert response.headers["Location"] == (
        "https://trade.tmall.com/detail/orderDetail.htm?biz_order_id=3100000000000003001&forward_action="
    )


def test_old_detail_embeds_the_literal(client, decode):
    html, data = _taobao(client, decode, "3100000000000002001")
    assert '<body id="trade-order-detail" class="tm-buyer">' in html
    assert '<div id="detail-panel" class="grid-c"></div>' in html
    assert re.search(r"var data = JSON\.parse\('.*?'\);\nvar isSeller = false;", html, re.S)
    main = data["mainOrder"]
    assert main["id"] == "3100000000000002001"
    assert main["tradeStatus"] == "WAIT_BUYER_CONFIRM_GOODS"
    assert main["statusInfo"]["text"].startswith("当前订单状态：卖家已发货")
    assert main["payInfo"]["actualFee"] == {
        "name": "实付款",
        "value": "￥199.00",
        "visible": "SOLID",
        "highLight": True,
    }
    sub = main["subOrders"][0]
    assert sub["id"] == 3100000000000002001 and sub["idStr"] == "3100000000000002001"
    assert '\\"id\\":3100000000000002001,\\"idStr\\"' in html
    names = [c["value"]["name"] for c in main["orderInfo"]["lines"][0]["content"]]
    assert names == ["订单编号:", "支付宝交易号:", "创建时间:", "付款时间:", "发货时间:"]
    assert data["deliveryInfo"]["address"] == "张三，86-13000000000，某省 某市 某区 示例路1号 ，000000"
    assert data["deliveryInfo"]["logisticsName"] == "示例快递"
    assert [n["text"] for n in data["orderBar"]["nodes"]] == [
        "拍下宝贝",
        "付款到支付宝",
        "卖家发货",
        "确认收货",
    ]
    assert "packageInfos" not in data


def test_old_detail_multi_parcel(client, decode):
    _, data = _taobao(client, decode, MULTI, route_to="tm1")
    assert data["deliveryInfo"]["showLogistics"] is False
    parcels = data["packageInfos"]["list"]
    assert [p["invoiceNo"] for p in parcels] == ["SL1000000009011", "LS2000000009012"]
    assert parcels[1]["details"][0]["snapUrl"].endswith("trade_id=3100000000000009012")
    assert [s["idStr"] for s in data["mainOrder"]["subOrders"]] == [
        "3100000000000009011",
        "3100000000000009012",
        "3100000000000009013",
    ]
    fees = {f["name"]: f["value"] for f in data["mainOrder"]["payInfo"]["feeMess"]}
    assert fees == {"商品总价": "￥1097.00", "运费": "￥0.00", "官方立减": "-￥20.00"}


def test_tmall_detail_data(client):
    response = client.get("/trade.tmall.com/detail/orderDetail.htm?bizOrderId=3100000000000003001")
    html = response.data.decode("gbk")
    line = re.search(r"var detailData = (.*)", html).group(1)
    assert line.endswith(";")
    data = json.loads(line[:-1])
    assert data["orders"]["id"] == 3100000000000003001
    assert '"orders":{"id":3100000000000003001,' in html
    lists = {row["key"]: row["content"] for row in data["basic"]["lists"]}
    assert lists["订单编号"][0]["text"] == "3100000000000003001"
    more = {m["key"]: m["content"][0]["text"] for m in lists["订单编号"][1]["moreList"]}
    assert {"支付宝交易号", "成交时间", "付款时间", "发货时间"} <= set(more)
    assert 'data-nick="示例家电旗舰店"' in lists["商家"][0]["text"]
    assert "13000000000" in lists["收货地址"][0]["text"]
    sub = data["orders"]["list"][0]["status"][0]["subOrders"][0]
    assert sub["itemInfo"]["snapUrl"].endswith("tradeID=3100000000000003001")
    assert sub["priceInfo"][0] == {"type": "label", "text": "￥139.00"}
    rows = {
        r["content"][0]["data"]["titleLink"]["text"]: r["content"][0]["data"]["money"]["text"]
        for r in data["amount"]["count"][0]
    }
    assert rows["实付款"] == "￥129.00" and rows["官方立减"] == "-￥10.00"
    assert "交易成功" in data["overStatus"]["status"]["content"][0]["text"]


def test_new_detail_dom(client):
    html = client.get(TAOBAO, query_string={"biz_order_id": "3100000000000004001"}).data.decode()
    assert 'id="headerContainer"' in html and 'id="leftMainContentContainer"' in html
    assert "tbpc-order-detail-main-right-content-container" in html
    assert "var data" not in html
    labels = re.findall(r'class="detailInfoLabel--\w+">([^<]+)<', html)
    assert labels[:3] == ["收货信息", "订单编号", "支付宝交易号"] and "实付款" in labels
    assert re.search(r'class="shopInfoName--\w+" href="[^"]+">示例女装工作室</a>', html)
    assert re.search(r'class="logisticsPackageNo--\w+">SL1000000004001<', html)
    assert '<span class="trade-price-integer">459</span>' in html
    # The Wangwang nick is added by script later, not present in the server HTML.
    assert "data-nick" not in html.split("<script>")[0]


def test_archived_detail(client):
    response = client.get(
        "/buyertrade.taobao.com/trade/detail/trade_item_detail.htm",
        query_string={"bizOrderId": "3100000000000015002"},
    )
    assert response.headers["Location"].startswith("https://tradearchive.taobao.com/")
    html = client.get(
        "/tradearchive.taobao.com/trade/detail/trade_item_detail.htm",
        query_string={"bizOrderId": "3100000000000015002"},
    ).data.decode("gbk")
    assert '<td class="label">物流公司：</td><td>示例快递</td>' in html
    assert '<td class="label">运单号：</td><td>SL1000000015002</td>' in html


def test_unknown_detail(client):
    html = client.get(TAOBAO, query_string={"biz_order_id": "3100000000000000000"}).data.decode()
    assert "订单不存在" in html


def test_new_detail_shows_fees_and_per_line_paid_the_reader_takes(client):
    from tousu.reading import read_page

    url = "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000004002"
    html = client.get(TAOBAO, query_string={"biz_order_id": "3100000000000004002"}).data.decode()
    [order] = read_page(url, html).orders
    assert (order.total_paid, order.freight) == ("58.30", "6.00")
    assert [(d.name, d.amount) for d in order.discounts] == [("官方立减", "-7.50")]
    # Each line's own 实付 after the coupon, as the page states it, not the unit price.
    assert [(i.unit_price, i.paid_amount) for i in order.items] == [("39.90", "34.90"), ("19.90", "17.40")]
