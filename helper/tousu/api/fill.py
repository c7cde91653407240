"""POST /fill-plans: the form page the extension opened + the case -> what to put where."""

from __future__ import annotations

from flask import Blueprint

from ..errors import APIError
from ..filling import FillError, plan_fill
from ..models import FillPlanRequest
from ..reading import read_page
from .body import json_response, parse_body

bp = Blueprint("fill", __name__)


@bp.post("/fill-plans")
def fill_plan():
    body = parse_body(FillPlanRequest)
    reading = read_page(body.page.url, body.page.html, title=body.page.title)
    try:
        plan = plan_fill(reading, body.case, body.affected_items)
    except FillError as exc:
        raise APIError(422, exc.code, str(exc)) from None
    return json_response(plan)
