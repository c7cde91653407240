"""POST /pages/read: a page snapshot from the extension -> a reading."""

from __future__ import annotations

from flask import Blueprint, current_app

from ..errors import APIError
from ..models import PageSnapshot
from ..reading.worker import ReadingBusy, ReadingTimeout, shared_pool
from .body import json_response, parse_body

bp = Blueprint("pages", __name__)


@bp.post("/pages/read")
def read():
    snapshot = parse_body(PageSnapshot)
    budget = float(current_app.config["READ_BUDGET_SECONDS"])
    pool = shared_pool(int(current_app.config["READ_WORKERS"]))
    try:
        reading = pool.read(snapshot.url, snapshot.html, snapshot.title, budget)
    except ReadingTimeout:
        raise APIError(
            422,
            "page_too_complex",
            f"这个页面太复杂，{budget:g} 秒内没有读完，已停止读取。请打开订单列表或订单详情页再试。"
            f" / This page could not be read within {budget:g} s and was refused.",
        ) from None
    except ReadingBusy:
        raise APIError(
            503, "reader_busy", "正在读取其他页面，请稍后再试。 / The reader is busy; retry shortly."
        ) from None
    return json_response(reading)
