"""Admin endpoints, scenario selection, state file."""

from __future__ import annotations

import json

from tousu_testing.mockshop import create_mock_app

LIST_URL = "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
ORDER = "3100000000000002001"


def _complain(client) -> str:
    client.post(
        f"/rights.taobao.com/complaint/applySubmit.htm?bizId={ORDER}",
        data={"bizId": ORDER, "complaintReason": "商品质量问题", "content": "左耳无声"},
    )
    return client.get("/_admin/submissions").json["submissions"][-1]["case_id"]


def test_status_moves_through_the_complaint_states(client):
    case_id = _complain(client)
    for status, text, css in [
        ("seller_responded", "卖家已处理", "rights-doing"),
        ("淘宝处理中", "淘宝处理中", "rights-doing"),
        ("upheld", "投诉成立", "rights-success"),
        ("closed", "投诉已完结", "rights-closed"),
    ]:
        response = client.post(f"/_admin/cases/{case_id}/status", json={"status": status})
        assert response.status_code == 200, response.json
        assert response.json["case"]["status_text"] == text
        listing = client.get("/rights.taobao.com/complaint/buyerList.htm").data.decode()
        assert f'<span class="{css}">{text}</span>' in listing
    history = client.get("/_admin/cases").json["cases"][0]["history"]
    assert [h["status_text"] for h in history][-1] == "投诉已完结"


def test_bad_status_and_unknown_case(client):
    case_id = _complain(client)
    assert client.post(f"/_admin/cases/{case_id}/status", json={"status": "nope"}).status_code == 400
    assert client.post("/_admin/cases/TS0/status", json={"status": "upheld"}).status_code == 404


def test_reset_forgets_submissions(client):
    _complain(client)
    assert client.post("/_admin/reset").json["ok"]
    assert client.get("/_admin/submissions").json["submissions"] == []


def test_scenario_cookie_selects_orders(client, decode):
    client.set_cookie("tousu_scenario", "earphones_left_silent")
    one = decode(client.get(LIST_URL).data.decode("gbk"))
    client.delete_cookie("tousu_scenario")
    everything = decode(client.get(LIST_URL).data.decode("gbk"))
    assert {o["id"] for o in one["mainOrders"]} < {o["id"] for o in everything["mainOrders"]}
    assert len(one["mainOrders"]) == 3


def test_use_sets_the_cookie_and_redirects(client):
    response = client.get("/_admin/use?scenario=earphones_left_silent")
    assert response.status_code == 302 and response.headers["Location"] == LIST_URL
    assert "tousu_scenario=earphones_left_silent" in response.headers.getlist("Set-Cookie")[0]
    assert client.get("/_admin/use?scenario=nope").status_code == 404


def test_scenarios_endpoint_and_index(client):
    listed = client.get("/_admin/scenarios").json["scenarios"]
    names = [s["name"] for s in listed]
    assert "earphones_left_silent" in names
    first = next(s for s in listed if s["name"] == "earphones_left_silent")
    assert first["story"]["expected_type"] == "quality_defect"
    html = client.get("/").data.decode()
    assert "earphones_left_silent" in html
    assert "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm" in html


def test_configured_subset_only(decode):
    app = create_mock_app({"SCENARIOS": ["earphones_left_silent"], "NOW": "2025-10-20T12:00:00"})
    html = app.test_client().get(LIST_URL).data.decode("gbk")
    assert len(decode(html)["mainOrders"]) == 3


def test_state_file_is_shared_between_processes(tmp_path):
    path = tmp_path / "state.json"
    server = create_mock_app({"STATE_FILE": str(path), "NOW": "2025-10-20T12:00:00+08:00"})
    client = server.test_client()
    case_id = _complain(client)
    # A second app on the same file stands in for the CLI moving the case on.
    cli = create_mock_app({"STATE_FILE": str(path)})
    cli.extensions["tousu_mock"].state.move(case_id, "upheld", cli.extensions["tousu_mock"].now())
    listing = client.get("/rights.taobao.com/complaint/buyerList.htm").data.decode()
    assert "投诉成立" in listing
    assert json.loads(path.read_text(encoding="utf-8"))["cases"][case_id]["status"] == "upheld"
