"""POST /advice (order + problem -> advice) and POST /lint (text -> findings)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, jsonify
from pydantic import ValidationError

from .. import preferences
from ..errors import APIError
from ..models import AdviceRequest, LintRequest, LintResult
from .body import json_response, parse_body

bp = Blueprint("advice", __name__)

# The advice layer is imported by the handlers, not here: `tousu serve` loads it in a start-up
# thread (tousu.advice.warm) so /ping answers first; a request that comes sooner waits for it.


@bp.post("/advice")
def advice():
    from ..advice import advise

    request = parse_body(AdviceRequest)
    # Read per request: a correction made with `tousu settings` applies without a restart.
    settings, _ = preferences.load(Path(current_app.config["DATA_DIR"]))
    try:
        result = advise(request, settings)
    except (ValidationError, OverflowError, ValueError) as exc:
        # A deadline computed from the order (a 999-day ship promise on a late payment) that falls
        # outside the years the helper keeps: the input's fault, said as such, never a 500.
        current_app.logger.info("advice out of range: %s", exc)
        raise APIError(
            400,
            "out_of_range",
            "订单里的时间或承诺超出了可计算的范围。 / A time computed from this order is out of range.",
        ) from None
    return json_response(result)


@bp.post("/lint")
def lint_text():
    from ..advice import lint
    from ..advice.lint_order import lint_request

    request = parse_body(LintRequest)
    if request.order is None:
        return json_response(LintResult(findings=lint(request.text, type_code=request.type)))
    settings, _ = preferences.load(Path(current_app.config["DATA_DIR"]))
    try:
        findings = lint_request(request, settings)
    except (ValidationError, OverflowError, ValueError) as exc:
        current_app.logger.info("lint out of range: %s", exc)
        raise APIError(
            400,
            "out_of_range",
            "订单里的时间或承诺超出了可计算的范围。 / A time computed from this order is out of range.",
        ) from None
    return json_response(LintResult(findings=findings))


@bp.get("/advice/symptoms")
def symptoms():
    """The quick symptom chips the popup offers: {code, label_zh, label_en, types}."""
    from ..advice import symptoms_catalog

    return jsonify(symptoms=symptoms_catalog())
