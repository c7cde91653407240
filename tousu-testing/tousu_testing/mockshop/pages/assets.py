"""Placeholder images for the CDN hosts, so a routed page shows grey boxes, not broken icons."""

from __future__ import annotations

from flask import Blueprint, Response

bp = Blueprint("assets", __name__)

_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80" viewBox="0 0 80 80">'
    '<rect width="80" height="80" fill="#eeeeee"/><text x="40" y="45" font-size="12" '
    'text-anchor="middle" fill="#aaaaaa">示例</text></svg>'
)


@bp.route("/<any('img.alicdn.com','gtd.alicdn.com','gw.alicdn.com'):host>/<path:rest>")
def placeholder(host: str, rest: str) -> Response:
    return Response(
        _SVG, content_type="image/svg+xml; charset=utf-8", headers={"Cache-Control": "max-age=3600"}
    )
