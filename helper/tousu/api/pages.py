"""POST /pages/read: a page snapshot from the extension -> a reading."""

from __future__ import annotations

from flask import Blueprint

from ..models import PageSnapshot
from ..reading import read_page
from .body import json_response, parse_body

bp = Blueprint("pages", __name__)


@bp.post("/pages/read")
def read():
    snapshot = parse_body(PageSnapshot)
    return json_response(read_page(snapshot.url, snapshot.html, title=snapshot.title))
