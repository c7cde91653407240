"""The cases blueprint over HTTP: shapes, status codes, idempotency, and the error envelope."""

from __future__ import annotations

import base64
import hashlib
import threading

import pytest

from ..support.api import assert_error

ORDER = {
    "order_id": "3851234567890123456",
    "platform": "taobao",
    "shop": {"name": "某某小店"},
    "status": "completed",
    "total_paid": "47.40",
    "items": [{"title": "陶瓷马克杯", "quantity": 1, "unit_price": "47.40"}],
}
NEW_CASE = {
    "order": ORDER,
    "problem": "杯子收到时有裂纹。",
    "type": "quality_defect",
    "remedy": "return_refund",
    "evidence_ticks": ["order_detail"],
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 100


def _create(api, body=None, **headers):
    response = api.post("/cases", json=body or NEW_CASE, headers=headers or None)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def test_cases_need_the_pairing_token(anonymous):
    assert_error(anonymous.get("/cases"), 401, "not_paired")
    assert_error(anonymous.post("/cases", json=NEW_CASE), 401, "not_paired")


def test_create_then_read_and_list(api):
    case = _create(api)
    assert case["status"] == "draft"
    assert case["order_id"] == ORDER["order_id"]
    assert case["created_at"].endswith("+08:00")
    assert [e["type"] for e in case["events"]] == ["created"]
    assert api.get(f"/cases/{case['id']}").get_json() == case
    listing = api.get("/cases").get_json()
    assert listing["total"] == 1
    assert listing["cases"][0]["id"] == case["id"]
    assert listing["cases"][0]["title"] == "陶瓷马克杯"


def test_list_filters_by_status_and_order(api):
    draft = _create(api)
    filed = _create(api, {**NEW_CASE, "status": "filed"})
    assert [c["id"] for c in api.get("/cases?status=filed").get_json()["cases"]] == [filed["id"]]
    both = api.get("/cases?status=filed,draft").get_json()
    assert both["total"] == 2 and both["cases"][0]["id"] == filed["id"]  # newest first
    assert api.get("/cases?status=draft&status=filed").get_json()["total"] == 2
    assert api.get(f"/cases?order_id={ORDER['order_id']}").get_json()["total"] == 2
    assert api.get("/cases?order_id=1111").get_json()["total"] == 0
    assert draft["id"] in {c["id"] for c in both["cases"]}


@pytest.mark.parametrize("query", ["status=lost", "limit=0", "limit=x", "order_id=abc", "colour=red"])
def test_bad_list_queries_are_400(api, query):
    assert_error(api.get(f"/cases?{query}"), 400, "invalid_query")


@pytest.mark.parametrize("case_id", ["0" * 32, "not-an-id", "due-tomorrow"])
def test_unknown_cases_are_404(api, case_id):
    assert_error(api.get(f"/cases/{case_id}"), 404, "case_not_found")
    assert_error(api.request("PATCH", f"/cases/{case_id}", json={"notes": "x"}), 404, "case_not_found")
    assert_error(api.request("DELETE", f"/cases/{case_id}"), 404, "case_not_found")
    assert_error(api.post(f"/cases/{case_id}/events", json={"type": "note"}), 404, "case_not_found")
    assert_error(api.get(f"/cases/{case_id}/evidence"), 404, "case_not_found")


def test_create_validates_the_body(api):
    body = assert_error(api.post("/cases", json={**NEW_CASE, "priority": 1}), 400, "invalid_body")
    assert "Invalid keys: priority" in body["error"]["details"]
    assert_error(api.post("/cases", json={**NEW_CASE, "type": "bad_vibes"}), 400, "invalid_body")
    float_id = {**NEW_CASE, "order": {**ORDER, "order_id": 3851234567890123456}}
    assert_error(api.post("/cases", json=float_id), 400, "invalid_body")
    assert_error(
        api.request("POST", "/cases", data=b"{", content_type="application/json"), 400, "invalid_json"
    )
    assert_error(
        api.request("POST", "/cases", data=b"{}", content_type="text/plain"), 415, "unsupported_media_type"
    )


def test_patch_moves_the_case_and_appends_events(api):
    case = _create(api)
    path = f"/cases/{case['id']}"
    moved = api.request(
        "PATCH",
        path,
        json={"status": "filed", "next_action": "等待卖家处理", "due_at": "2026-12-01T10:00:00+08:00"},
    )
    assert moved.status_code == 200
    body = moved.get_json()
    assert body["status"] == "filed" and body["due_at"] == "2026-12-01T10:00:00+08:00"
    assert [e["type"] for e in body["events"]] == ["created", "status_changed", "updated"]

    body = assert_error(api.request("PATCH", path, json={"status": "draft"}), 409, "invalid_transition")
    assert "correction" in body["error"]["message"]
    fixed = api.request("PATCH", path, json={"status": "draft", "correction": True})
    assert fixed.get_json()["status"] == "draft"
    assert_error(api.request("PATCH", path, json={"status": None}), 400, "invalid_body")


def test_events_are_added_with_their_date(api):
    case = _create(api)
    response = api.post(
        f"/cases/{case['id']}/events",
        json={"type": "contacted_seller", "at": "2026-11-20 21:00:00", "detail": {"text": "已联系"}},
    )
    assert response.status_code == 201
    assert response.get_json()["at"] == "2026-11-20T21:00:00+08:00"
    assert_error(
        api.post(f"/cases/{case['id']}/events", json={"type": "created"}), 400, "reserved_event_type"
    )
    assert_error(
        api.post(f"/cases/{case['id']}/events", json={"type": "note", "detail": {"t": "长" * 9000}}),
        400,
        "detail_too_large",
    )


def test_nan_in_event_detail_is_a_400_not_a_500(api):
    case = _create(api)
    response = api.request(
        "POST",
        f"/cases/{case['id']}/events",
        data=b'{"type": "note", "detail": {"x": NaN}}',
        content_type="application/json",
    )
    assert response.status_code == 400


def test_evidence_upload_checks_and_lists(api, app):
    case = _create(api)
    path = f"/cases/{case['id']}/evidence"
    sha = hashlib.sha256(PNG).hexdigest()
    shot = {
        "code": "defect_media",
        "file_name": "crack.png",
        "media_type": "image/png",
        "sha256": sha,
        "captured_at": "2026-11-20T09:00:00+08:00",
        "source_url": "https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm",
        "content_base64": "data:image/png;base64," + base64.b64encode(PNG).decode(),
    }
    first = api.post(path, json=shot)
    assert first.status_code == 201
    item = first.get_json()
    assert item["stored"] is True and item["size"] == len(PNG) and item["sha256"] == sha
    store = app.extensions["tousu.store"]
    assert (store.evidence_dir / sha).read_bytes() == PNG
    assert api.post(path, json=shot).status_code == 200  # the same evidence again
    assert api.get(path).get_json() == {"evidence": [item]}
    assert api.get(f"/cases/{case['id']}").get_json()["evidence_ticks"] == ["order_detail", "defect_media"]

    body = assert_error(api.post(path, json={**shot, "sha256": "f" * 64}), 400, "hash_mismatch")
    assert len(body["error"]["details"]) == 2
    assert_error(api.post(path, json={**shot, "content_base64": "%%%"}), 400, "invalid_base64")
    no_hash = {k: v for k, v in shot.items() if k not in ("sha256", "content_base64")}
    assert_error(api.post(path, json=no_hash), 400, "invalid_body")


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/cases", {**NEW_CASE, "due_at": "9999-12-31T23:59:59-12:00"}),
        ("POST", "/cases", {**NEW_CASE, "order": {**ORDER, "paid_at": "0001-01-01T00:00:00+14:00"}}),
        ("GET", "/cases?offset=100000000000000000000000", None),
        ("GET", "/cases/due?before=9999-12-31T23:59:59-12:00", None),
        (
            "POST",
            "/cases/{id}/evidence",
            {"code": "a", "file_name": "a", "media_type": "a/b", "sha256": "0" * 64, "size": 10**30},
        ),
        (
            "POST",
            "/cases/{id}/evidence",
            {"code": "a", "file_name": "a", "media_type": "text/plain", "content_base64": ""},
        ),
        ("POST", "/cases/sync", {"cases": [{"order_id": "1", "status_text": "x", "updated_at": "9" * 100}]}),
    ],
)
def test_out_of_range_input_is_a_400_never_a_500(api, method, path, body):
    case = _create(api)
    response = api.request(method, path.replace("{id}", case["id"]), json=body)
    assert response.status_code == 400, response.get_data(as_text=True)


def test_evidence_over_the_cap_is_413(tmp_path):
    from tousu.app import create_app
    from tousu.config import DEFAULT_EXTENSION_ID

    from ..support.api import BASE_URL, Api

    app = create_app(
        {
            "DATA_DIR": str(tmp_path),
            "PORT": 47321,
            "EVIDENCE_MAX_BYTES": 64,
            "EXTENSION_IDS": [DEFAULT_EXTENSION_ID],
        }
    )
    code = app.extensions["tousu.pairing"].issue_code()
    client = app.test_client()
    token = client.post(
        "/api/v1/pairing", json={"code": code, "extension_id": DEFAULT_EXTENSION_ID}, base_url=BASE_URL
    ).get_json()["token"]
    api = Api(client, token)
    case = _create(api)
    response = api.post(
        f"/cases/{case['id']}/evidence",
        json={
            "code": "defect_media",
            "file_name": "big.png",
            "media_type": "image/png",
            "content_base64": base64.b64encode(PNG).decode(),
        },
    )
    assert_error(response, 413, "evidence_too_large")


def test_delete_removes_the_case(api):
    case = _create(api)
    response = api.request("DELETE", f"/cases/{case['id']}")
    assert response.status_code == 200
    assert response.get_json() == {"ok": True, "id": case["id"]}
    assert_error(api.get(f"/cases/{case['id']}"), 404, "case_not_found")


def test_sync_maps_platform_texts(api):
    case = _create(api, {**NEW_CASE, "status": "filed"})
    rows = [
        {"order_id": ORDER["order_id"], "case_id": "TS1", "status_text": "淘宝处理中"},
        {"order_id": "2222222222222222222", "case_id": None, "status_text": "退款成功", "updated_at": None},
    ]
    result = api.post("/cases/sync", json={"cases": rows, "kind": "complaint_list"}).get_json()
    assert result["changed"] == [
        {
            "case_id": case["id"],
            "order_id": ORDER["order_id"],
            "platform_case_id": "TS1",
            "from_status": "filed",
            "to_status": "platform_intervening",
            "previous_status_text": None,
            "status_text": "淘宝处理中",
        }
    ]
    assert [r["order_id"] for r in result["unmatched"]] == ["2222222222222222222"]
    # A bare list (a reading's `cases`) works too; nothing changed since the last read.
    again = api.post("/cases/sync", json=rows)
    assert again.status_code == 200 and again.get_json()["unchanged"] == [case["id"]]
    assert_error(api.post("/cases/sync", json=[{"status_text": ""}]), 400, "invalid_body")
    assert_error(api.post("/cases/sync", json={"rows": []}), 400, "invalid_body")


def test_due_lists_cases_to_act_on(api):
    due = _create(api, {**NEW_CASE, "next_action": "催卖家", "due_at": "2026-11-21T09:00:00+08:00"})
    _create(api, {**NEW_CASE, "next_action": "等", "due_at": "2026-12-21T09:00:00+08:00"})
    result = api.get("/cases/due?before=2026-11-22T00:00:00%2B08:00").get_json()
    assert [c["id"] for c in result["cases"]] == [due["id"]]
    assert result["before"] == "2026-11-22T00:00:00+08:00"
    # "+" unencoded in a query string arrives as a space.
    assert api.get("/cases/due?before=2026-11-22T00:00:00+08:00").get_json()["total"] == 1
    assert api.get("/cases/due").status_code == 200
    assert_error(api.get("/cases/due?before=tomorrow"), 400, "invalid_query")


# Idempotency ---------------------------------------------------------------------------------


def test_a_repeated_create_with_the_same_key_writes_once(api):
    first = api.post("/cases", json=NEW_CASE, headers={"Idempotency-Key": "create-1"})
    second = api.post("/cases", json=NEW_CASE, headers={"Idempotency-Key": "create-1"})
    assert first.status_code == second.status_code == 201
    assert first.get_json() == second.get_json()
    assert "Idempotent-Replayed" not in first.headers
    assert second.headers["Idempotent-Replayed"] == "true"
    assert api.get("/cases").get_json()["total"] == 1


def test_the_same_key_with_another_body_or_route_is_409(api):
    case = api.post("/cases", json=NEW_CASE, headers={"Idempotency-Key": "k"}).get_json()
    other = {**NEW_CASE, "problem": "另一个问题"}
    body = assert_error(
        api.post("/cases", json=other, headers={"Idempotency-Key": "k"}), 409, "idempotency_key_reused"
    )
    assert "Idempotency-Key" in body["error"]["message"]
    assert_error(
        api.request("PATCH", f"/cases/{case['id']}", json={"notes": "x"}, headers={"Idempotency-Key": "k"}),
        409,
        "idempotency_key_reused",
    )
    assert api.get("/cases").get_json()["total"] == 1


def test_idempotent_patch_event_and_delete(api):
    case = _create(api)
    path = f"/cases/{case['id']}"
    for _ in range(2):
        api.request("PATCH", path, json={"status": "filed"}, headers={"Idempotency-Key": "p"})
        api.post(
            f"{path}/events",
            json={"type": "note", "detail": {"text": "一次"}},
            headers={"Idempotency-Key": "e"},
        )
    events = api.get(path).get_json()["events"]
    assert [e["type"] for e in events] == ["created", "status_changed", "note"]
    first = api.request("DELETE", path, headers={"Idempotency-Key": "d"})
    again = api.request("DELETE", path, headers={"Idempotency-Key": "d"})
    assert first.status_code == again.status_code == 200


def test_a_malformed_key_is_400(api):
    assert_error(
        api.post("/cases", json=NEW_CASE, headers={"Idempotency-Key": "é" * 3}),
        400,
        "invalid_idempotency_key",
    )


def test_concurrent_double_sends_create_one_case(api):
    barrier = threading.Barrier(4)
    statuses = []

    def send():
        barrier.wait()
        response = api.post("/cases", json=NEW_CASE, headers={"Idempotency-Key": "double"})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * 4
    assert api.get("/cases").get_json()["total"] == 1


def test_cases_routes_are_in_the_openapi_document(api):
    paths = api.get("/openapi.json").get_json()["paths"]
    assert {"/api/v1/cases", "/api/v1/cases/{case_id}", "/api/v1/cases/sync"} <= set(paths)
    assert "patch" in paths["/api/v1/cases/{case_id}"]


def _recent_order(days_ago: int) -> dict:
    from datetime import datetime, timedelta

    from tousu.models import CHINA_TZ

    done = (datetime.now(CHINA_TZ) - timedelta(days=days_ago)).replace(microsecond=0).isoformat()
    return {**ORDER, "paid_at": done, "received_at": done, "completed_at": done}


def test_a_new_draft_is_reminded_by_the_first_running_clock(api):
    order = _recent_order(2)
    advice = api.post("/advice", json={"order": order, "problem": {"text": NEW_CASE["problem"]}}).get_json()
    running = [c["due_at"] for c in advice["clocks"] if c["state"] in ("open", "due_soon") and c["due_at"]]
    case = _create(api, {**NEW_CASE, "order": order})
    assert case["next_step"]["code"] == "file" and case["next_action"] is None
    assert running and case["due_at"] == min(running)
    assert case["finished"] is False and case["escalation"]["offered"] is False


def test_a_passed_clock_on_a_filed_case_offers_escalation(api):
    case = _create(api, {**NEW_CASE, "order": _recent_order(400), "status": "filed"})
    reasons = api.get(f"/cases/{case['id']}").get_json()["escalation"]["reasons"]
    assert "clock_passed" in [r["code"] for r in reasons]


def test_a_prefilled_form_becomes_the_next_step(api):
    case = _create(api)
    saved = api.request("PATCH", f"/cases/{case['id']}", json={"next_code": "submit_form"}).get_json()
    assert saved["next_step"]["code"] == "submit_form" and saved["due_at"]
    bad = api.request("PATCH", f"/cases/{case['id']}", json={"next_code": "call_the_seller"})
    assert_error(bad, 400, "invalid_body")
