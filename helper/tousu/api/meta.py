"""Identity of the helper (ping). Its OpenAPI document is served by api.openapi."""

from __future__ import annotations

import re

from flask import Blueprint, current_app, jsonify, request
from pydantic import BaseModel, Field

from .. import API_VERSION, SERVICE_NAME, __version__

bp = Blueprint("meta", __name__)


_CHALLENGE = re.compile(r"[0-9a-f]{32,128}")
_TOKEN_ID = re.compile(r"[0-9a-f]{16}")


class PingQuery(BaseModel):
    challenge: str | None = Field(default=None, description="32-128 lowercase hex digits")
    token_id: str | None = Field(default=None, description="the token_id pairing returned")


@bp.get("/ping")
def ping():
    """Who answers on this port. With `?challenge=<hex>&token_id=<id>` a helper holding that
    token proves it (`proof`), so the extension checks the helper before it sends the token."""
    pairing = current_app.extensions["tousu.pairing"]
    body: dict = {"ok": True, "service": SERVICE_NAME, "version": __version__, "api_version": API_VERSION}
    challenge, token_id = request.args.get("challenge", ""), request.args.get("token_id", "")
    proof = None
    if _CHALLENGE.fullmatch(challenge) and _TOKEN_ID.fullmatch(token_id):
        proof = pairing.proof(token_id, challenge)
    # Never the token header: /ping answers whoever is on the port, so the extension proves
    # nothing and sends nothing secret here; `paired` comes only from the challenge.
    body["paired"] = proof is not None
    if proof is not None:
        body["proof"] = proof
    return jsonify(body)
