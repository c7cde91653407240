"""Pairing: exchange the one-time code shown by `tousu serve` for a token; revoke it."""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, request
from pydantic import Field

from ..errors import APIError
from ..models import StrictModel
from ..security.guard import extension_id_of
from .body import parse_body

bp = Blueprint("pairing", __name__)


class PairRequest(StrictModel):
    code: str = Field(min_length=4, max_length=32)
    # Only for clients that are not a browser (which send no Origin): QA scripts, the CLI.
    extension_id: str | None = Field(default=None, max_length=64)


@bp.post("/pairing")
def pair():
    body = parse_body(PairRequest)
    origin = request.headers.get("Origin")
    extension = extension_id_of(origin) if origin else body.extension_id
    if extension is None or f"chrome-extension://{extension}" not in current_app.config["ALLOWED_ORIGINS"]:
        raise APIError(403, "bad_origin", "Only the Tousu extension can be paired.")
    result = current_app.extensions["tousu.pairing"].redeem(body.code, extension)
    if not result.ok:
        raise APIError(400, "invalid_code", "The pairing code is wrong, used or expired.")
    return jsonify(ok=True, token=result.token, token_id=result.token_id, extension_id=extension), 201


@bp.get("/pairing")
def status():
    return jsonify(ok=True, paired=True, extension_id=g.extension_id)


@bp.delete("/pairing")
def revoke():
    current_app.extensions["tousu.pairing"].revoke(g.token)
    return jsonify(ok=True, paired=False)
