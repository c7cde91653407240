from __future__ import annotations

import pytest

from tousu.app import create_app
from tousu.config import DEFAULT_EXTENSION_ID

PORT = 47321
BASE_URL = f"http://127.0.0.1:{PORT}"
ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}"


class Api:
    """A test client that talks like the paired extension unless told otherwise."""

    def __init__(self, client, token: str | None = None):
        self.client = client
        self.token = token

    def request(
        self,
        method: str,
        path: str,
        *,
        json=None,
        headers=None,
        base_url=BASE_URL,
        data=None,
        content_type=None,
    ):
        hdrs = {"Origin": ORIGIN}
        if self.token:
            hdrs["X-Tousu-Token"] = self.token
        hdrs.update(headers or {})
        hdrs = {k: v for k, v in hdrs.items() if v is not None}
        return self.client.open(
            path if path.startswith("/api") else f"/api/v1{path}",
            method=method,
            json=json,
            data=data,
            headers=hdrs,
            base_url=base_url,
            content_type=content_type,
        )

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, json=None, **kw):
        return self.request("POST", path, json=json, **kw)


@pytest.fixture
def app(tmp_path):
    return create_app({"DATA_DIR": str(tmp_path), "PORT": PORT, "EXTENSION_IDS": [DEFAULT_EXTENSION_ID]})


@pytest.fixture
def anonymous(app) -> Api:
    return Api(app.test_client())


@pytest.fixture
def api(app, anonymous) -> Api:
    code = app.extensions["tousu.pairing"].issue_code()
    response = anonymous.post("/pairing", json={"code": code})
    assert response.status_code == 201, response.json
    return Api(app.test_client(), response.json["token"])


def assert_error(response, status: int, code: str) -> dict:
    """Every failure is the one envelope: ok false, status, error {code, message, details}."""
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["ok"] is False
    assert body["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], list)
    assert "Traceback" not in response.get_data(as_text=True)
    return body
