"""Identity of the helper (ping) and its OpenAPI document."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from .. import API_VERSION, SERVICE_NAME, __version__
from ..security.guard import TOKEN_HEADER

bp = Blueprint("meta", __name__)


@bp.get("/ping")
def ping():
    token = request.headers.get(TOKEN_HEADER)
    paired = bool(token) and current_app.extensions["tousu.pairing"].extension_for(token) is not None
    return jsonify(ok=True, service=SERVICE_NAME, version=__version__, api_version=API_VERSION, paired=paired)


@bp.get("/openapi.json")
def openapi():
    from ..openapi import build_openapi

    return jsonify(build_openapi())
