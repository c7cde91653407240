"""Fault switches: login, verification, blocked JSON, empty, delay, late, charset, by every route."""

from __future__ import annotations

import time
from urllib.parse import quote

LIST_URL = "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
REAL_LIST = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


def test_login_redirect(client):
    response = client.get(LIST_URL, query_string={"tousu_fault": "login"})
    assert response.status_code == 302
    assert response.headers["Location"] == (
        "https://login.taobao.com/member/login.jhtml?redirectURL=" + quote(REAL_LIST, safe="")
    )
    page = client.get(
        "/login.taobao.com/member/login.jhtml", query_string={"redirectURL": REAL_LIST}
    ).data.decode()
    assert "密码登录" in page and "fm-login-id" in page


def test_admin_login_fault_ends_with_a_login(client):
    client.post("/_admin/faults", json={"fault": "login"})
    assert client.get(LIST_URL).status_code == 302
    done = client.post("/login.taobao.com/member/login.jhtml", data={"redirectURL": REAL_LIST})
    assert done.headers["Location"] == REAL_LIST
    assert client.get(LIST_URL).status_code == 200


def test_verification_page_and_solving_it(client):
    response = client.get(LIST_URL, query_string={"tousu_fault": "verify"})
    location = response.headers["Location"]
    assert location.startswith("../../_____tmd_____/punish?x5secdata=")
    assert "x5step=2" in location
    page = client.get("/buyertrade.taobao.com/_____tmd_____/punish?" + location.split("?", 1)[1])
    html = page.data.decode()
    for marker in ('id="baxia-dialog-content"', 'id="nc_1_wrapper"', "nc-container", "滑块", "安全验证"):
        assert marker in html
    solved = client.get("/buyertrade.taobao.com/_____tmd_____/slide?" + location.split("?", 1)[1])
    assert solved.headers["Location"] == REAL_LIST
    assert client.get(LIST_URL, query_string={"tousu_fault": "verify"}).status_code == 200


def test_blocked_json(client):
    response = client.get(
        "/trade.taobao.com/trade/detail/trade_order_detail.htm",
        query_string={"biz_order_id": "3100000000000002001", "tousu_fault": "blocked"},
    )
    assert response.status_code == 200 and response.is_json
    assert response.json["ret"][0] == "FAIL_SYS_USER_VALIDATE"
    assert "RGV587_ERROR::SM::" in response.json["ret"][1]
    assert "_____tmd_____/punish" in response.json["data"]["url"]
    async_bought = client.post(
        "/buyertrade.taobao.com/trade/itemlist/asyncBought.htm", query_string={"tousu_fault": "blocked"}
    )
    assert b'"rgv587_flag0":"sm"' in async_bought.data


def test_empty_list(client, decode):
    html = client.get(LIST_URL, query_string={"tousu_fault": "empty"}).data.decode("gbk")
    assert decode(html)["mainOrders"] == []


def test_delay_and_late(client):
    start = time.monotonic()
    html = client.get(LIST_URL, query_string={"tousu_delay": "300", "tousu_late": "1500"})
    assert time.monotonic() - start >= 0.3
    assert "window.__tm1Late = 1500;" in html.data.decode("gbk")


def test_fault_cookie_and_charset(client):
    client.set_cookie("tousu_faults", "charset=gbk")
    response = client.get("/rights.taobao.com/complaint/applyRouter.htm?bizId=3100000000000002001")
    assert response.headers["Content-Type"] == "text/html; charset=GBK"
    assert '<meta charset="gbk">' in response.data.decode("gbk")


def test_bad_fault_is_a_400(client):
    response = client.get(LIST_URL, query_string={"tousu_fault": "meltdown"})
    assert response.status_code == 400
    assert client.post("/_admin/faults", json={"fault": "meltdown"}).status_code == 400


def test_admin_faults_roundtrip(client):
    assert client.post("/_admin/faults", json={"delay": 10, "build": "x"}).json["faults"] == {
        "delay": 10,
        "build": "x",
    }
    assert client.get("/_admin/faults").json["faults"]["build"] == "x"
    assert client.delete("/_admin/faults").json["faults"] == {}


def test_direct_mode_redirects_stay_on_the_mock(client):
    client.set_cookie("tousu_direct", "1")
    response = client.get(LIST_URL, query_string={"tousu_fault": "login"})
    assert response.headers["Location"].startswith("/login.taobao.com/member/login.jhtml?")
