"""Every rule (Host, Origin, token, body size, content type) proven on every route."""

from __future__ import annotations

import re
import tempfile

import pytest

from tousu.app import create_app
from tousu.config import DEFAULT_EXTENSION_ID
from tousu.security.guard import PUBLIC_ENDPOINTS

from ..support.api import BASE_URL, ORIGIN, PORT, assert_error

# Collected before any fixture exists: a private throwaway directory, never a shared fixed path
# (another checkout's newer schema there made collection fail).
_app = create_app({"DATA_DIR": tempfile.mkdtemp(prefix="tousu-url-map-"), "PORT": PORT})
ROUTES = sorted(
    (method, re.sub(r"<[^>]+>", "1", rule.rule), rule.endpoint)
    for rule in _app.url_map.iter_rules()
    if rule.rule.startswith("/api/")
    for method in rule.methods - {"HEAD", "OPTIONS"}
)
BODY_METHODS = {"POST", "PUT", "PATCH"}


def test_the_route_table_is_not_empty():
    assert len(ROUTES) >= 6
    assert ("GET", "/api/v1/ping", "meta.ping") in ROUTES


@pytest.mark.parametrize(("method", "path", "endpoint"), ROUTES)
@pytest.mark.parametrize(
    "host",
    [
        "evil.example:47321",  # DNS rebinding: the page's own name
        "127.0.0.1:1",  # the right address, another port
        "localhost",  # no port
        "127.0.0.1.nip.io:47321",
    ],
)
def test_wrong_host_is_refused_everywhere(guarded_api, method, path, endpoint, host):
    response = guarded_api.request(
        method, path, json={} if method in BODY_METHODS else None, headers={"Host": host}
    )
    assert_error(response, 403, "bad_host")


@pytest.mark.parametrize("host", ["127.0.0.1:47321", "localhost:47321", "[::1]:47321"])
def test_loopback_hosts_are_accepted(api, host):
    assert api.get("/ping", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(("method", "path", "endpoint"), ROUTES)
@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "null",
        "http://127.0.0.1:47321",
        "chrome-extension://abcdefghijklmnopabcdefghijklmnop",  # another extension
    ],
)
def test_foreign_origin_is_refused_everywhere(guarded_api, method, path, endpoint, origin):
    response = guarded_api.request(
        method, path, json={} if method in BODY_METHODS else None, headers={"Origin": origin}
    )
    assert_error(response, 403, "bad_origin")


@pytest.mark.parametrize(("method", "path", "endpoint"), ROUTES)
def test_cross_site_request_without_origin_is_refused(guarded_api, method, path, endpoint):
    response = guarded_api.request(
        method,
        path,
        json={} if method in BODY_METHODS else None,
        headers={"Origin": None, "Sec-Fetch-Site": "cross-site"},
    )
    assert_error(response, 403, "bad_origin")


@pytest.mark.parametrize(("method", "path", "endpoint"), [r for r in ROUTES if r[2] not in PUBLIC_ENDPOINTS])
@pytest.mark.parametrize("token", [None, "", "not-a-token", "x" * 43])
def test_every_route_but_ping_and_pairing_needs_the_token(guarded_anonymous, method, path, endpoint, token):
    response = guarded_anonymous.request(
        method, path, json={} if method in BODY_METHODS else None, headers={"X-Tousu-Token": token}
    )
    assert_error(response, 401, "not_paired")


@pytest.mark.parametrize(("method", "path", "endpoint"), [r for r in ROUTES if r[0] in BODY_METHODS])
def test_oversized_bodies_are_refused_everywhere(app, api, method, path, endpoint):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = api.request(
        method, path, data=b'{"x": "' + b"a" * 2048 + b'"}', content_type="application/json"
    )
    assert_error(response, 413, "body_too_large")


@pytest.mark.parametrize(("method", "path", "endpoint"), [r for r in ROUTES if r[0] in BODY_METHODS])
def test_simple_text_plain_posts_are_refused(guarded_api, method, path, endpoint):
    # A <form> or text/plain fetch from a web page is never preflighted: it must die here.
    response = guarded_api.request(method, path, data=b'{"code": "AAAA"}', content_type="text/plain")
    assert response.status_code in (415, 404)
    assert response.get_json()["ok"] is False


def test_token_in_query_string_is_not_accepted(api, anonymous):
    response = anonymous.get(f"/api/v1/pairing?token={api.token}")
    assert_error(response, 401, "not_paired")


def test_token_is_bound_to_its_extension(tmp_path):
    other = "abcdefghijklmnopabcdefghijklmnop"
    app = create_app(
        {"DATA_DIR": str(tmp_path), "PORT": PORT, "EXTENSION_IDS": [DEFAULT_EXTENSION_ID, other]}
    )
    client = app.test_client()
    code = app.extensions["tousu.pairing"].issue_code()
    token = client.post(
        "/api/v1/pairing", json={"code": code}, base_url=BASE_URL, headers={"Origin": ORIGIN}
    ).json["token"]
    stolen = client.get(
        "/api/v1/pairing",
        base_url=BASE_URL,
        headers={"Origin": f"chrome-extension://{other}", "X-Tousu-Token": token},
    )
    assert_error(stolen, 403, "bad_origin")


def test_version_mismatch_is_named(api):
    assert_error(api.get("/pairing", headers={"X-Tousu-API-Version": "2"}), 412, "version_mismatch")
    assert api.get("/pairing", headers={"X-Tousu-API-Version": "1"}).status_code == 200


def test_responses_identify_the_helper(api):
    response = api.get("/ping")
    assert response.headers["X-Tousu-Helper"].startswith("tousu-helper/")
    assert response.headers["X-Tousu-API-Version"] == "1"
    assert response.json["service"] == "tousu-helper"
    # /ping never reads the token header: `paired` comes only from the challenge (F09).
    assert response.json["paired"] is False


def test_cors_allows_exactly_the_extension(api):
    ok = api.request(
        "OPTIONS",
        "/advice",
        headers={
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-tousu-token",
        },
    )
    assert ok.headers.get("Access-Control-Allow-Origin") == ORIGIN
    evil = api.request(
        "OPTIONS",
        "/advice",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in evil.headers
    assert evil.status_code == 403
