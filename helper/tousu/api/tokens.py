"""The pairing tokens: listed (never the secret) and revoked one by one."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from flask import Blueprint, current_app, g, jsonify

from ..errors import APIError
from ..models.base import CHINA_TZ

bp = Blueprint("tokens", __name__)

_TOKEN_ID = re.compile(r"[0-9a-f]{16}")


def _when(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).astimezone(CHINA_TZ).replace(microsecond=0).isoformat()


def token_rows(pairing, current_token_id: str | None = None) -> list[dict]:
    return [
        {
            "token_id": info.token_id,
            "extension_id": info.extension_id,
            "via": info.via,
            "created_at": _when(info.created_at),
            "last_used_at": _when(info.last_used_at),
            "expires_at": _when(info.expires_at),
            "current": info.token_id == current_token_id,
        }
        for info in pairing.tokens()
    ]


@bp.get("/tokens")
def list_tokens():
    pairing = current_app.extensions["tousu.pairing"]
    return jsonify(ok=True, tokens=token_rows(pairing, pairing.token_id_for(g.token)))


@bp.delete("/tokens/<token_id>")
def revoke_token(token_id: str):
    if not _TOKEN_ID.fullmatch(token_id) or not current_app.extensions["tousu.pairing"].revoke_id(token_id):
        raise APIError(404, "token_not_found", "没有这个配对。 / No live token has this id.")
    return jsonify(ok=True, token_id=token_id, revoked=True)
