"""Lint a draft against its order: the ceiling of a demand comes from what the order's remedies
compute (via advise), and which remedies exist comes from the complaint type.

Kept apart from lint.py because it composes the whole engine (engine.py already uses lint.py).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from tousu.models.advice import AdviceRequest, Finding, LintRequest, Problem
from tousu.models.base import CHINA_TZ

from .engine import advise
from .facts import order_facts
from .lint import lint
from .settings import DEFAULT_SETTINGS, AdviceSettings

# The remedies whose amount is the price (or part of it) itself: already counted as the refund.
_REFUNDS = {"return_refund", "refund_only", "partial_refund", "price_difference_refund"}
_PROBLEM_MAX = 5000  # Problem.text's limit; the amounts depend on the opening of a long draft


def lint_request(request: LintRequest, settings: AdviceSettings | None = None) -> list[Finding]:
    """Findings for the draft; with an order, demands are judged against that order's remedies."""
    if request.order is None:
        return lint(request.text, type_code=request.type)
    settings = settings or DEFAULT_SETTINGS
    now = datetime.now(CHINA_TZ).replace(microsecond=0)
    text = request.text[:_PROBLEM_MAX]
    chosen = [(a.sub_order_id, a.quantity) for a in request.affected_items or []] or None
    facts = order_facts(request.order, now, settings, text=text, affected=chosen)
    advice = advise(
        AdviceRequest(
            order=request.order,
            problem=Problem(text=text),
            now=now,
            type=request.type,
            affected_items=request.affected_items,
        ),
        settings,
    )
    extra = sum(
        (Decimal(r.amount) for r in advice.remedies if r.amount is not None and r.code not in _REFUNDS),
        Decimal(0),
    )
    return lint(
        request.text,
        paid=facts.price_paid,
        food=facts.is_food,
        type_code=request.type or advice.types[0].code,
        remedies_total=extra,
    )
