"""The in-process helper as the extension sees it: an app, a client that talks like the paired
extension, and the checks of the one error envelope. Used by tests/api and tests/security."""

from __future__ import annotations

import os

from flask import Flask
from flask.testing import FlaskClient

from tousu.app import create_app
from tousu.config import DEFAULT_EXTENSION_ID

PORT = 47321
BASE_URL = f"http://127.0.0.1:{PORT}"
ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}"


def make_app(data_dir: str | os.PathLike[str], **extra) -> Flask:
    """The helper on its default port, serving the default extension, its files in `data_dir`."""
    return create_app(
        {"DATA_DIR": str(data_dir), "PORT": PORT, "EXTENSION_IDS": [DEFAULT_EXTENSION_ID], **extra}
    )


class Api:
    """A test client that talks like the paired extension unless told otherwise.

    Paths may be given as "/api/v1/cases", "/cases" or "cases". A header given as None is left
    out (so a test can drop the Origin)."""

    def __init__(self, target: Flask | FlaskClient, token: str | None = None):
        if isinstance(target, Flask):
            self.app, self.client = target, target.test_client()
        else:
            self.app, self.client = target.application, target
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
            _api_path(path),
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

    def patch(self, path, json=None, **kw):
        return self.request("PATCH", path, json=json, **kw)

    def put(self, path, json=None, **kw):
        return self.request("PUT", path, json=json, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


def _api_path(path: str) -> str:
    if path.startswith("/api"):
        return path
    return f"/api/v1{path}" if path.startswith("/") else f"/api/v1/{path}"


def pair(app: Flask) -> Api:
    """A client holding a fresh token, obtained the way the extension pairs."""
    code = app.extensions["tousu.pairing"].issue_code()
    response = Api(app).post("/pairing", json={"code": code})
    assert response.status_code == 201, response.get_data(as_text=True)
    return Api(app, response.get_json()["token"])


def assert_envelope(response, status: int, code: str | None = None) -> dict:
    """A failure in the one envelope: ok false, its status, its code (when given), no traceback."""
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body is not None, response.get_data(as_text=True)
    assert body["ok"] is False and body["status"] == status
    if code is not None:
        assert body["error"]["code"] == code, body
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def assert_error(response, status: int, code: str) -> dict:
    """The envelope in full: ok false, status, error {code, message, details}."""
    body = assert_envelope(response, status, code)
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], list)
    return body
