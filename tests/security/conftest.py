from __future__ import annotations

import pytest

# The app and the client are tests/support/api.py's, shared with tests/api.
from ..support.api import Api, make_app, pair


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path / "data")


@pytest.fixture
def api(app) -> Api:
    return pair(app)


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


def create_case(api: Api, body: dict | None = None, **headers) -> dict:
    response = api.post("cases", json=body or NEW_CASE, headers=headers or None)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def add_screenshot(api: Api, case_id: str) -> dict:
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
