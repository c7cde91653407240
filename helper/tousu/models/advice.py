"""Advice: the ranked complaint types, route, evidence, remedies, clocks, draft and findings."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import ChinaTime, Model, Money, StrictModel
from .order import Order

TypeCode = Literal[
    "quality_defect",
    "not_as_described",
    "false_advertising",
    "counterfeit",
    "late_shipment",
    "not_received",
    "wrong_or_missing_item",
    "damaged_in_transit",
    "after_sales_refused",
    "seven_day_return_refused",
    "broken_promise",
    "price_dispute",
    "harassment",
    "food_safety",
]
TYPE_CODES: tuple[str, ...] = TypeCode.__args__  # type: ignore[attr-defined]

ClockState = Literal["open", "due_soon", "passed", "not_applicable"]
Severity = Literal["info", "warning", "error"]
FindingCode = Literal["emotional_language", "threat", "unreasonable_demand", "personal_data", "vague"]


class Problem(StrictModel):
    text: str = Field(default="", max_length=5000)
    symptoms: list[str] = Field(default_factory=list, max_length=30)
    wanted: str | None = Field(default=None, max_length=64)
    # Answers to the advice's clarifying question: {question code: choice code}; they re-rank.
    answers: dict[
        Annotated[str, StringConstraints(max_length=64)], Annotated[str, StringConstraints(max_length=64)]
    ] = Field(default_factory=dict, max_length=8)


class AffectedItemRequest(StrictModel):
    """One order line the problem concerns, and how many of its units (the shopper's correction)."""

    sub_order_id: str = Field(min_length=1, max_length=64)
    quantity: int = Field(ge=1, le=100000)
    # One sub-item of a combination listing (its name in the item's `components`).
    component: str | None = Field(default=None, max_length=200)


class AdviceRequest(StrictModel):
    order: Order
    problem: Problem
    now: ChinaTime | None = None
    # Lets the popup (or a QA test) pin the type instead of taking the best-ranked one.
    type: TypeCode | None = None
    # The goods the problem concerns; without it the helper infers them from the order and the text.
    affected_items: list[AffectedItemRequest] | None = Field(default=None, max_length=200)


class LintRequest(StrictModel):
    text: str = Field(max_length=20000)
    # With the order, a demand is judged against what its remedies compute for the price paid.
    order: Order | None = None
    # The complaint type (else ranked from the text and the order): which remedies exist at all.
    type: TypeCode | None = None
    # The goods the draft concerns, as in AdviceRequest; only used with an order.
    affected_items: list[AffectedItemRequest] | None = Field(default=None, max_length=200)


class TypeScore(Model):
    code: TypeCode
    name: str
    score: float
    reasons: list[str] = Field(default_factory=list)


class RouteStep(Model):
    code: str
    name: str
    detail: str | None = None
    url: str | None = None
    when: str | None = None


class Route(Model):
    venue: str
    name: str
    request_type: str | None = None
    reason: str | None = None
    url: str | None = None
    steps: list[RouteStep] = Field(default_factory=list)


class EvidenceItem(Model):
    code: str
    name: str
    required: bool
    why: str
    basis: str | None = None


class Remedy(Model):
    code: str
    name: str
    amount: Money | None = None
    basis: str
    venue: str
    note: str | None = None


class Clock(Model):
    code: str
    name: str
    due_at: ChinaTime | None = None
    seconds_left: int | None = None
    state: ClockState
    basis: str
    reason: str | None = None


class Draft(Model):
    text: str


class Finding(Model):
    code: FindingCode
    start: int
    end: int
    severity: Severity
    message: str
    suggestion: str | None = None


class AdviceWarning(Model):
    code: str
    message: str  # zh_CN, the shopper's first language
    # The same warning in English, for a browser whose UI language is not Chinese. Every warning
    # the helper emits fills it; "" only in advice stored before the field existed.
    message_en: str = ""


class AffectedItem(Model):
    """A line (and quantity) the amounts were computed from: what was paid for those units."""

    sub_order_id: str | None = None
    title: str
    quantity: int
    amount: Money | None = None
    source: Literal["shopper", "inferred"]
    component: str | None = None


class ItemCategory(Model):
    code: str
    name: str
    words: list[str] = Field(default_factory=list)
    source: Literal["title", "text"]


class Issue(Model):
    role: Literal["primary", "secondary"]
    type: TypeCode
    name: str
    evidence_words: list[str] = Field(default_factory=list)


class QuestionChoice(Model):
    code: str
    text: str
    text_en: str


class Question(Model):
    code: str
    text: str
    text_en: str
    choices: list[QuestionChoice]


class Advice(Model):
    types: list[TypeScore]
    route: Route
    evidence: list[EvidenceItem]
    remedies: list[Remedy]
    clocks: list[Clock]
    draft: Draft
    findings: list[Finding] = Field(default_factory=list)
    warnings: list[AdviceWarning] = Field(default_factory=list)
    now: ChinaTime
    # Which goods and quantities the amounts in `remedies` used (shopper-given or inferred).
    affected_items: list[AffectedItem] = Field(default_factory=list)
    # The main item category (title first, then text) and every category found.
    category: ItemCategory | None = None
    categories: list[ItemCategory] = Field(default_factory=list)
    # The problems the text tells, primary (the one the route, evidence and demand follow) first.
    issues: list[Issue] = Field(default_factory=list)
    # Asked when the evidence is thin; answer with problem.answers {code: choice code}.
    question: Question | None = None
    # The code of the earliest clock still running (open or due soon): the one to act by.
    first_clock: str | None = None


class LintResult(Model):
    findings: list[Finding]
