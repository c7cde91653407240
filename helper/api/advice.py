"""POST /advice (order + problem -> advice) and POST /lint (text -> findings)."""

from __future__ import annotations

from flask import Blueprint, jsonify

from ..advice import advise, lint, symptoms_catalog
from ..models import AdviceRequest, LintRequest, LintResult
from .body import json_response, parse_body

bp = Blueprint("advice", __name__)


@bp.post("/advice")
def advice():
    return json_response(advise(parse_body(AdviceRequest)))


@bp.post("/lint")
def lint_text():
    return json_response(LintResult(findings=lint(parse_body(LintRequest).text)))


@bp.get("/advice/symptoms")
def symptoms():
    """The quick symptom chips the popup offers: {code, label_zh, label_en, types}."""
    return jsonify(symptoms=symptoms_catalog())
