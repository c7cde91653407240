from __future__ import annotations

import pytest

from tousu.app import create_app
from tousu.config import DEFAULT_EXTENSION_ID

PORT = 47321
BASE_URL = f"http://127.0.0.1:{PORT}"
ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}"


class Client:
    """Talks like the paired extension unless told otherwise."""

    def __init__(self, app, token: str | None = None):
        self.app = app
        self.client = app.test_client()
        self.token = token

    def request(self, method: str, path: str, *, json=None, headers=None, base_url=BASE_URL, data=None):
        hdrs = {"Origin": ORIGIN}
        if self.token:
            hdrs["X-Tousu-Token"] = self.token
        hdrs.update(headers or {})
        hdrs = {k: v for k, v in hdrs.items() if v is not None}
        return self.client.open(
            path if path.startswith("/") else f"/api/v1/{path}",
            method=method,
            json=json,
            data=data,
            headers=hdrs,
            base_url=base_url,
        )

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, json=None, **kw):
        return self.request("POST", path, json=json, **kw)

    def patch(self, path, json=None, **kw):
        return self.request("PATCH", path, json=json, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def put(self, path, json=None, **kw):
        return self.request("PUT", path, json=json, **kw)


def make_app(tmp_path, **extra):
    return create_app(
        {"DATA_DIR": str(tmp_path), "PORT": PORT, "EXTENSION_IDS": [DEFAULT_EXTENSION_ID], **extra}
    )


def paired(app) -> Client:
    code = app.extensions["tousu.pairing"].issue_code()
    response = Client(app).post("pairing", json={"code": code})
    assert response.status_code == 201, response.get_data(as_text=True)
    return Client(app, response.get_json()["token"])


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path / "data")


@pytest.fixture
def api(app) -> Client:
    return paired(app)


def assert_envelope(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body is not None, response.get_data(as_text=True)
    assert body["ok"] is False and body["status"] == status
    if code is not None:
        assert body["error"]["code"] == code, body
    assert "Traceback" not in response.get_data(as_text=True)
    return body


PHONE = "13000000002"
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
    "problem": f"杯子收到时有裂纹。联系电话 {PHONE}",
    "type": "quality_defect",
    "remedy": "return_refund",
    "evidence_ticks": ["order_detail"],
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 100


def create_case(api: Client, body: dict | None = None, **headers) -> dict:
    response = api.post("cases", json=body or NEW_CASE, headers=headers or None)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def add_screenshot(api: Client, case_id: str) -> dict:
    import base64
    import hashlib

    shot = {
        "code": "defect_media",
        "file_name": "crack.png",
        "media_type": "image/png",
        "sha256": hashlib.sha256(PNG).hexdigest(),
        "content_base64": "data:image/png;base64," + base64.b64encode(PNG).decode(),
    }
    response = api.post(f"cases/{case_id}/evidence", json=shot)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()
