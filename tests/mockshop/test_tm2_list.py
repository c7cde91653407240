"""The new list (tm2): shell page, the mtop payload it loads, scenario generation switch."""

from __future__ import annotations

LIST_URL = "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
MTOP = "/h5api.m.taobao.com/h5/mtop.taobao.order.queryboughtlistv2/1.0/"


def test_tm2_scenario_serves_the_shell(client):
    client.set_cookie("tousu_scenario", "not_as_described")
    response = client.get(LIST_URL)
    assert response.headers["Content-Type"] == "text/html; charset=UTF-8"
    html = response.data.decode()
    assert 'id="tbpc-trade-container"' in html
    assert "3100000000000004001" not in html  # orders arrive over mtop, not in the HTML
    assert "mtop.taobao.order.queryboughtlistV2" in html
    assert "var data = JSON.parse" not in html


def test_route_to_overrides_the_generation(client, decode):
    client.set_cookie("tousu_scenario", "not_as_described")
    data = decode(client.get(LIST_URL, query_string={"route_to": "tm1"}).data.decode("gbk"))
    assert len(data["mainOrders"]) == 3
    assert (
        "tbpc-trade-container"
        in client.get(
            "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm?route_to=tm2"
        ).data.decode()
    )


def test_mtop_payload(client):
    client.set_cookie("tousu_scenario", "not_as_described")
    response = client.get(
        MTOP, query_string={"data": '{"page":1}'}, headers={"Origin": "https://buyertrade.taobao.com"}
    )
    assert response.headers["Access-Control-Allow-Origin"] == "https://buyertrade.taobao.com"
    body = response.json
    assert body["ret"] == ["SUCCESS::调用成功"]
    comps = body["data"]["data"]
    oid = "3100000000000004001"
    shop = comps[f"shopInfo_{oid}"]["fields"]
    assert shop["shopName"] == "示例女装工作室" and shop["tradeTitle"] == "卖家已发货"
    item = comps[f"orderItemInfo_{oid}_{oid}"]["fields"]["item"]
    assert item["priceInfo"]["actualTotalFee"] == "￥459.00"
    assert item["skuText"] == "颜色分类：驼色；尺码：M"
    assert comps[f"orderPayment_{oid}"]["fields"]["actualFee"] == {"prefix": "实付款", "value": "￥459.00"}
    assert comps["pagination"]["fields"] == {
        "currentPage": 1,
        "hasMore": False,
        "pageSize": 30,
        "totalNum": 3,
    }
    assert body["data"]["hierarchy"]["structure"]["root"][0] == "3100000000000004003"
    assert comps["orderDeliverTime_3100000000000004003"]["fields"]["title"] == "待发货"


def test_mtop_scenario_by_query_and_same_host_fallback(client):
    response = client.get(
        "/buyertrade.taobao.com/h5/mtop.taobao.order.queryboughtlistv2/1.0/",
        query_string={"tousu_scenario": "late_shipment"},
    )
    roots = response.json["data"]["hierarchy"]["structure"]["root"]
    assert roots == ["3100000000000007003", "3100000000000007001", "3100000000000007002"]
