"""Reading a request body into a strict pydantic model, with every failure as an APIError."""

from __future__ import annotations

from typing import TypeVar

from flask import request
from pydantic import BaseModel, ValidationError

from ..errors import APIError, validation_details

M = TypeVar("M", bound=BaseModel)


def parse_body(model: type[M]) -> M:
    """Validate the JSON body against `model` (unknown keys rejected, sizes enforced upstream)."""
    if not request.is_json:
        # Also what stops text/plain "simple" cross-site POSTs from ever reaching a handler.
        raise APIError(415, "unsupported_media_type", "Send the body as application/json.")
    data = request.get_data(cache=False)
    if not data:
        raise APIError(400, "invalid_body", "The request body is empty.")
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        json_broken = any(e["type"] == "json_invalid" for e in exc.errors())
        if json_broken:
            raise APIError(400, "invalid_json", "The body is not valid UTF-8 JSON.") from None
        raise APIError(
            400,
            "invalid_body",
            "The body does not match the expected shape.",
            validation_details(exc),
        ) from None


def json_response(model: BaseModel, status: int = 200):
    """Serialise a pydantic model as the response (no envelope on success: the model is it)."""
    from flask import current_app

    return current_app.response_class(model.model_dump_json(), status=status, mimetype="application/json")
