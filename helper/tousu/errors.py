"""The one JSON error envelope: every failure the helper returns has this shape.

{"ok": false, "status": 400, "error": {"code": "invalid_body", "message": "...", "details": [...]}}
"""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException


class APIError(Exception):
    """An error the client can act on: a status, a stable code and a human message."""

    def __init__(self, status: int, code: str, message: str, details: list[Any] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []


def error_body(status: int, code: str, message: str, details: list[Any] | None = None) -> dict:
    return {
        "ok": False,
        "status": status,
        "error": {"code": code, "message": message, "details": details or []},
    }


def error_response(status: int, code: str, message: str, details: list[Any] | None = None):
    response = jsonify(error_body(status, code, message, details))
    response.status_code = status
    return response


def validation_details(exc: ValidationError) -> list[str]:
    """Human lines for a pydantic error: "Invalid keys: a, b" plus "loc: msg" for the rest."""
    extra = [".".join(str(p) for p in e["loc"]) for e in exc.errors() if e["type"] == "extra_forbidden"]
    lines = [f"Invalid keys: {', '.join(extra)}"] if extra else []
    for err in exc.errors():
        if err["type"] == "extra_forbidden":
            continue
        loc = ".".join(str(p) for p in err["loc"]) or "body"
        lines.append(f"{loc}: {err['msg']}")
    return lines


# Status -> stable code for errors raised by Werkzeug itself (routing, size limit...).
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
}


def init_app(app: Flask) -> None:
    @app.errorhandler(APIError)
    def _api_error(exc: APIError):
        return error_response(exc.status, exc.code, exc.message, exc.details)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        return error_response(status, _HTTP_CODES.get(status, "http_error"), exc.description or "")

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        # Never a stack trace to the client; the log keeps it for the developer.
        app.logger.exception("unhandled error")
        return error_response(500, "internal_error", "The helper hit an unexpected error.")
