"""Every failure mode a client can provoke returns the one JSON envelope, never a trace."""

from __future__ import annotations

from ..support.api import assert_error


def test_unknown_route(api):
    assert_error(api.get("/nope"), 404, "not_found")


def test_wrong_method(api):
    assert_error(api.request("DELETE", "/advice"), 405, "method_not_allowed")


def test_invalid_json(api):
    response = api.request("POST", "/pages/read", data=b"{not json", content_type="application/json")
    assert_error(response, 400, "invalid_json")


def test_invalid_utf8(api):
    response = api.request(
        "POST", "/pages/read", data=b'{"url": "\xff\xfe", "html": ""}', content_type="application/json"
    )
    assert_error(response, 400, "invalid_json")


def test_empty_body(api):
    response = api.request("POST", "/pages/read", data=b"", content_type="application/json")
    assert_error(response, 400, "invalid_body")


def test_unknown_keys_are_named(api):
    response = api.post("/pages/read", json={"url": "https://x.taobao.com/", "html": "", "htlm": 1})
    body = assert_error(response, 400, "invalid_body")
    assert "Invalid keys: htlm" in body["error"]["details"]


def test_wrong_types_are_named(api):
    body = assert_error(api.post("/lint", json={"text": 5}), 400, "invalid_body")
    assert any(line.startswith("text:") for line in body["error"]["details"])


def test_body_must_be_an_object(api):
    assert_error(api.post("/lint", json=["text"]), 400, "invalid_body")


def test_float_order_ids_are_refused(api):
    order = {"order_id": 3100000000000001234}
    body = assert_error(
        api.post("/advice", json={"order": order, "problem": {"text": "坏了"}}), 400, "invalid_body"
    )
    assert any("order.order_id" in line for line in body["error"]["details"])


def test_symptom_catalogue_is_listed(api):
    body = api.get("/advice/symptoms").get_json()
    codes = {s["code"] for s in body["symptoms"]}
    assert len(codes) >= 10
    first = body["symptoms"][0]
    assert first["label_zh"] and first["label_en"] and first["types"]
