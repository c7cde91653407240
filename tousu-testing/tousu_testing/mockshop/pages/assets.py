"""Placeholder images for the CDN hosts, so a routed page shows grey boxes, not broken icons."""

from __future__ import annotations

from pathlib import Path

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


# React for the mock forms comes from the npm registry (tousu-testing/package.json), never from
# the repository; the form scripts are ours. Both are served under a CDN-like host.
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"
VENDOR = {
    "react.js": "react/umd/react.production.min.js",
    "react-dom.js": "react-dom/umd/react-dom.production.min.js",
}
FORM_SCRIPTS = Path(__file__).resolve().parents[1] / "static" / "forms"
MISSING_REACT = (
    "The mock shop's forms need React from npm: run `npm ci` in tousu-testing/ (scripts/setup.sh does this)."
)


@bp.route("/g.alicdn.com/tousu-mock/vendor/<name>")
def vendor(name: str) -> Response:
    if name not in VENDOR:
        return Response("not found", status=404, mimetype="text/plain")
    path = NODE_MODULES / VENDOR[name]
    if not path.is_file():
        return Response(
            f"/* {MISSING_REACT} */ throw new Error({MISSING_REACT!r});",
            status=503,
            mimetype="text/javascript",
        )
    return Response(path.read_bytes(), mimetype="text/javascript")


@bp.route("/g.alicdn.com/tousu-mock/forms/<name>")
def form_script(name: str) -> Response:
    path = FORM_SCRIPTS / name
    if "/" in name or not name.endswith(".js") or not path.is_file():
        return Response("not found", status=404, mimetype="text/plain")
    return Response(path.read_bytes(), mimetype="text/javascript")


def react_missing() -> bool:
    return not all((NODE_MODULES / rel).is_file() for rel in VENDOR.values())
