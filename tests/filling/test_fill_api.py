"""POST /fill-plans takes the advice's affected_items and answers with located steps."""

from __future__ import annotations

from tousu.app import create_app
from tousu.config import DEFAULT_EXTENSION_ID

from ..reading.test_form_widgets import ULTRON, URL

ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}"
BASE = "http://127.0.0.1:47321"


def client(tmp_path):
    app = create_app({"DATA_DIR": str(tmp_path), "PORT": 47321, "EXTENSION_IDS": [DEFAULT_EXTENSION_ID]})
    test = app.test_client()
    code = app.extensions["tousu.pairing"].issue_code()
    token = test.post("/api/v1/pairing", json={"code": code}, headers={"Origin": ORIGIN}, base_url=BASE).json[
        "token"
    ]
    return test, {"Origin": ORIGIN, "X-Tousu-Token": token}


def body(**extra):
    return {
        "page": {"url": URL, "html": ULTRON},
        "case": {"order_id": "3100000000000009010", "sub_order_ids": ["3100000000000009012"],
                 "type": "wrong_or_missing_item", "description": "少了一盒。", "request_type": "补寄"},
        **extra,
    }  # fmt: skip


def test_plan_with_affected_items(tmp_path):
    test, headers = client(tmp_path)
    items = [{"sub_order_id": "3100000000000009012", "quantity": 1}]
    response = test.post(
        "/api/v1/fill-plans", json=body(affected_items=items), headers=headers, base_url=BASE
    )
    assert response.status_code == 200, response.json
    first = response.json["steps"][0]
    assert first["label"] == "服务类型" and first["value"] == "补寄"
    assert first["locator"]["kit"] == "ultron" and first["locator"]["target"]["ordinal"] == 0


def test_a_form_for_another_item_is_refused(tmp_path):
    test, headers = client(tmp_path)
    items = [{"sub_order_id": "3100000000000009011", "quantity": 1}]
    response = test.post(
        "/api/v1/fill-plans", json=body(affected_items=items), headers=headers, base_url=BASE
    )
    assert response.status_code == 422 and response.json["error"]["code"] == "wrong_item"


def test_bad_affected_items_get_the_error_envelope(tmp_path):
    test, headers = client(tmp_path)
    bad = [{"sub_order_id": 3100000000000009012, "quantity": 0}]
    response = test.post("/api/v1/fill-plans", json=body(affected_items=bad), headers=headers, base_url=BASE)
    assert response.status_code in (400, 422) and "error" in response.json


def test_fill_targets_are_decided_by_the_helper(tmp_path):
    test, headers = client(tmp_path)
    order = {
        "order_id": "3100000000000009010",
        "platform": "tmall",
        "items": [
            {"title": "绿茶 250g", "sub_order_id": "3100000000000009011"},
            {"title": "茶杯", "sub_order_id": "3100000000000009012"},
        ],
    }
    items = [{"sub_order_id": "3100000000000009012", "quantity": 1}]
    response = test.post(
        "/api/v1/fill-targets",
        json={"order": order, "form": "after_sales", "affected_items": items},
        headers=headers,
        base_url=BASE,
    )
    assert response.status_code == 200, response.json
    assert response.json["targets"] == [
        {
            "url": "https://refund2.tmall.com/dispute/applyRouter.htm?bizOrderId=3100000000000009012",
            "sub_order_id": "3100000000000009012",
        }
    ]
    complaint = test.post(
        "/api/v1/fill-targets", json={"order": order, "form": "complaint"}, headers=headers, base_url=BASE
    )
    assert [t["sub_order_id"] for t in complaint.json["targets"]] == [None]
    assert complaint.json["targets"][0]["url"].startswith("https://rights.taobao.com/complaint/")
    unknown = test.post(
        "/api/v1/fill-targets", json={"order": order, "form": "refund"}, headers=headers, base_url=BASE
    )
    assert unknown.status_code == 400
    assert unknown.json["error"]["code"]
