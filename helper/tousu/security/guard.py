"""The checks every request passes before any view runs.

Order matters: Host first (a DNS-rebinding page is same-origin with us, only Host betrays it),
then Origin (web pages, including never-preflighted "simple" POSTs), then the API version, then
the pairing token. A test walks the url_map and proves each rule on every route.
"""

from __future__ import annotations

from flask import Flask, current_app, g, request
from flask_cors import CORS

from .. import API_VERSION
from ..errors import APIError

TOKEN_HEADER = "X-Tousu-Token"
VERSION_HEADER = "X-Tousu-API-Version"
IDEMPOTENCY_HEADER = "Idempotency-Key"
# Endpoints reachable without a token. Ping identifies the helper; pairing obtains the token.
PUBLIC_ENDPOINTS = frozenset({"meta.ping", "pairing.pair"})


def allowed_hosts(port: int) -> frozenset[str]:
    return frozenset({f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"})


def allowed_origins(app: Flask) -> frozenset[str]:
    return frozenset(f"chrome-extension://{ext}" for ext in app.config["EXTENSION_IDS"])


def extension_id_of(origin: str) -> str:
    return origin.removeprefix("chrome-extension://")


BAD_HOST = (403, "bad_host", "Requests must be addressed to the helper on loopback.")
BAD_ORIGIN = (403, "bad_origin", "Only the paired Tousu extension may call the helper.")


def refusal(
    host: str | None,
    origin: str | None,
    fetch_site: str | None,
    hosts: frozenset[str],
    origins: frozenset[str],
) -> tuple[int, str, str] | None:
    """Why a request with these headers is refused, or None. Pure, so the server applies it to
    the headers before reading any body (security/server.py) and the app again to every request.

    The Host header is compared as sent: Werkzeug's request.host drops a trailing ":80", which
    let "localhost:P:80" through."""
    if host is None or host.strip().lower() not in hosts:
        return BAD_HOST
    if origin is not None:
        return None if origin in origins else BAD_ORIGIN
    # A browser always names the site behind a cross-site request in Sec-Fetch-Site; a request
    # from a web page that somehow lacks Origin is still refused.
    if fetch_site is not None and fetch_site not in ("none", "same-origin"):
        return BAD_ORIGIN
    return None


def _check_host_and_origin() -> None:
    found = refusal(
        request.environ.get("HTTP_HOST"),
        request.headers.get("Origin"),
        request.headers.get("Sec-Fetch-Site"),
        current_app.config["ALLOWED_HOSTS"],
        current_app.config["ALLOWED_ORIGINS"],
    )
    if found is not None:
        raise APIError(*found)


def _check_version() -> None:
    wanted = request.headers.get(VERSION_HEADER)
    if wanted is not None and wanted.strip() != str(API_VERSION):
        raise APIError(
            412,
            "version_mismatch",
            f"The extension speaks API version {wanted}; this helper speaks {API_VERSION}.",
        )


def _check_token() -> None:
    token = request.headers.get(TOKEN_HEADER, "")
    extension = current_app.extensions["tousu.pairing"].extension_for(token) if token else None
    if extension is None:
        raise APIError(401, "not_paired", "Pair the extension with the helper first.")
    origin = request.headers.get("Origin")
    if origin is not None and extension_id_of(origin) != extension:
        raise APIError(403, "bad_origin", "This token belongs to another extension.")
    g.token = token
    g.extension_id = extension


def guard() -> None:
    _check_host_and_origin()
    _check_version()
    if request.method == "OPTIONS" or request.endpoint in PUBLIC_ENDPOINTS:
        return
    _check_token()


def _identify(response):
    from .. import SERVICE_NAME, __version__

    # Lets a client tell "our helper" from "something else on the port" at a glance.
    response.headers["X-Tousu-Helper"] = f"{SERVICE_NAME}/{__version__}"
    response.headers[VERSION_HEADER] = str(API_VERSION)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    if request.method == "OPTIONS" and response.status_code < 400 and not response.is_json:
        # Flask's automatic OPTIONS answer is an empty text/html body: every answer is JSON.
        response.set_data(b'{"ok": true}')
        response.mimetype = "application/json"
    return response


def init_app(app: Flask) -> None:
    app.config["ALLOWED_HOSTS"] = allowed_hosts(app.config["PORT"])
    app.config["ALLOWED_ORIGINS"] = allowed_origins(app)
    app.before_request(guard)
    app.after_request(_identify)
    CORS(
        app,
        resources={r"/api/*": {"origins": sorted(app.config["ALLOWED_ORIGINS"])}},
        allow_headers=["Content-Type", TOKEN_HEADER, VERSION_HEADER, IDEMPOTENCY_HEADER],
        expose_headers=["X-Tousu-Helper", VERSION_HEADER, "Idempotent-Replayed"],
        max_age=600,
    )
