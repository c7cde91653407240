"""POST /fill-targets: which form pages to open for an order; POST /fill-plans: the form page the
extension opened + the case -> what to put where."""

from __future__ import annotations

from flask import Blueprint

from ..cases.next_step import form_targets
from ..errors import APIError
from ..filling import FillError, plan_fill
from ..models import FillPlanRequest, FillTarget, FillTargets, FillTargetsRequest
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


@bp.post("/fill-targets")
def fill_targets():
    body = parse_body(FillTargetsRequest)
    subs = [item.sub_order_id for item in body.affected_items]
    pages = form_targets(body.order, body.form, subs)
    targets = [FillTarget(url=url, sub_order_id=sub) for url, sub in pages]
    return json_response(FillTargets(targets=targets))
