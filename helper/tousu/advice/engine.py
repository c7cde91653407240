"""advise(): order + problem -> Advice, composing the small modules in one pass."""

from __future__ import annotations

from datetime import datetime

from tousu.cases.next_step import first_running_clock
from tousu.models.advice import Advice, AdviceRequest, Clock, ItemCategory
from tousu.models.base import CHINA_TZ
from tousu.models.order import Order

from .amounts import affected_items
from .categories import categories_for
from .clocks import clock_categories, clocks_for
from .draft import build_draft
from .episodes import story_boosts, vote
from .evidence import evidence_for
from .facts import order_facts, yuan
from .issues import issues_for
from .lint import lint
from .questions import boosts_for, question_for
from .ranking import model_inputs, rank, read_signals
from .remedies import plan_remedies
from .route import route_for, variant_for
from .rules import rulebook
from .settings import DEFAULT_SETTINGS, AdviceSettings
from .signals import asked_punitive, warnings_for

PUNITIVE = {"fraud_triple", "food_tenfold"}


def advise(request: AdviceRequest, settings: AdviceSettings | None = None) -> Advice:
    settings = settings or DEFAULT_SETTINGS
    now = (request.now or datetime.now(CHINA_TZ)).astimezone(CHINA_TZ).replace(microsecond=0)
    order, problem = request.order, request.problem
    # The amounts count only the goods the problem concerns: the shopper's choice, else the text's.
    chosen = [(a.sub_order_id, a.quantity, a.component) for a in request.affected_items or []] or None
    facts = order_facts(order, now, settings, text=problem.text, affected=chosen)
    signals = read_signals(problem)
    found = categories_for([i.title for i in order.goods], problem.text)
    codes = [c.code for c in found]
    boosts = boosts_for(problem.answers)
    types = rank(signals, facts, pinned=request.type, categories=codes, boosts=boosts)
    # Several problems in one text: the episodes vote for the one the shopper seeks redress for.
    story = vote(problem.text, facts, codes)
    lift = story_boosts(story, types[0].code if types else None)
    if lift:
        merged = {c: boosts.get(c, 0.0) + lift.get(c, 0.0) for c in {*boosts, *lift}}
        types = rank(signals, facts, pinned=request.type, categories=codes, boosts=merged)
    issues = issues_for(types, signals, facts, story)
    categories = [
        ItemCategory(
            code=c.code, name=c.name, words=list(c.words), source="title" if c.from_title else "text"
        )
        for c in found
    ]
    info = rulebook().types[types[0].code]
    variant = variant_for(info, signals)
    ordinary = variant.remedies if variant and variant.remedies else info.remedies
    asked = asked_punitive(problem.text)
    in_titles = {c.code for c in found if c.from_title}
    plan = plan_remedies(
        info, ordinary, signals, facts, order.platform, settings, asked,
        order=order, now=now, text=problem.text, categories=clock_categories(order, in_titles),
    )  # fmt: skip
    punitive = {r.code for r in plan.remedies} & PUNITIVE
    evidence = evidence_for(info, signals, facts, punitive)
    clocks = clocks_for(
        info.clocks, facts, now, settings, order.completed_at, clock_categories(order, in_titles)
    )
    findings = lint(
        problem.text,
        paid=yuan(facts.price_paid) if facts.price_paid is not None else None,
        food=facts.is_food or None,
    )
    warnings = warnings_for(
        info.code, problem.text, signals, facts, settings, findings, plan.refused_punitive, bool(punitive)
    )
    return Advice(
        types=types,
        route=route_for(info, variant, order, statutory=bool(punitive)),
        evidence=evidence,
        remedies=plan.remedies,
        clocks=clocks,
        draft=build_draft(order, facts, info, problem.text, evidence, plan.remedies, issues[1:]),
        findings=findings,
        warnings=warnings,
        now=now,
        category=categories[0] if categories else None,
        categories=categories,
        issues=issues,
        question=None if request.type else question_for(types, signals.vague, problem.answers),
        affected_items=affected_items(facts.affected),
        first_clock=getattr(first_running_clock(clocks), "code", None),
    )


def case_clocks(
    order: Order, problem_text: str, type_code: str, now: datetime, settings: AdviceSettings | None = None
) -> list[Clock]:
    """The clocks `advise()` gives a case whose type is already chosen, without ranking, remedies,
    draft and lint: the case routes need only these to decide escalation and reminders."""
    settings = settings or DEFAULT_SETTINGS
    now = now.astimezone(CHINA_TZ).replace(microsecond=0)
    facts = order_facts(order, now, settings, text=problem_text)
    in_titles = {c.code for c in categories_for([i.title for i in order.goods], "") if c.from_title}
    return clocks_for(
        rulebook().types[type_code].clocks,
        facts,
        now,
        settings,
        order.completed_at,
        clock_categories(order, in_titles),
    )


def ranking_inputs(request: AdviceRequest, settings: AdviceSettings | None = None) -> dict[str, float]:
    """What the learned model reads for this request (scripts/train_advice.py trains on these)."""
    settings = settings or DEFAULT_SETTINGS
    now = (request.now or datetime.now(CHINA_TZ)).astimezone(CHINA_TZ).replace(microsecond=0)
    facts = order_facts(request.order, now, settings)
    signals = read_signals(request.problem)
    found = categories_for([i.title for i in request.order.goods], request.problem.text)
    return model_inputs(signals, facts, [c.code for c in found])
