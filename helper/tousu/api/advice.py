"""POST /advice (order + problem -> advice) and POST /lint (text -> findings)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, jsonify

from .. import preferences
from ..advice import advise, lint, symptoms_catalog
from ..models import AdviceRequest, LintRequest, LintResult
from .body import json_response, parse_body

bp = Blueprint("advice", __name__)


@bp.post("/advice")
def advice():
    request = parse_body(AdviceRequest)
    # Read per request: a correction made with `tousu settings` applies without a restart.
    settings, _ = preferences.load(Path(current_app.config["DATA_DIR"]))
    return json_response(advise(request, settings))


@bp.post("/lint")
def lint_text():
    return json_response(LintResult(findings=lint(parse_body(LintRequest).text)))


@bp.get("/advice/symptoms")
def symptoms():
    """The quick symptom chips the popup offers: {code, label_zh, label_en, types}."""
    return jsonify(symptoms=symptoms_catalog())
