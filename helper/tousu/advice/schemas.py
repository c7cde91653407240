"""Strict schemas of the rule files (rules/*.toml): one pydantic model per file.

Unknown keys are refused and every code a rule can name (a check, an anchor, a remedy, a clock,
an evidence item, a fact) is an enumeration, so a typo fails loudly at import instead of quietly
changing the law. Cross-file references (a type's clocks, a rule's sources) are checked by
rulefiles.py once every file has parsed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, model_validator

from tousu.models.advice import FindingCode, Severity, TypeCode
from tousu.models.order import OrderStatus


class RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Confidence = Literal["High", "Med", "Low"]
IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
# `document` or `document.article` of sources.toml: art55, art148_2 (paragraph), arts65-72 (range).
SourceKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.arts?\d+(_\d+|-\d+)?)?$")]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
ARTICLE_KEY = re.compile(r"arts?\d+(_\d+|-\d+)?")
Weights = dict[TypeCode, float]

RemedyCode = Literal[
    "return_refund",
    "exchange",
    "repair",
    "resend",
    "refund_only",
    "partial_refund",
    "price_difference_refund",
    "promise_performance",
    "stop_harassment",
    "late_shipment_compensation",
    "fraud_triple",
    "food_tenfold",
    "freight_refund",
]
PunitiveCode = Literal["fraud_triple", "food_tenfold"]
AmountKind = Literal["none", "paid", "fraud_triple", "food_tenfold", "late_shipment", "freight"]
VenueCode = Literal[
    "after_sales", "platform_intervention", "complaint", "report", "regulator_12315", "court", "police"
]
LinkCode = Literal["after_sales", "refund_detail", "complaint"]
EvidenceCode = Literal[
    "order_detail",
    "chat_records",
    "defect_media",
    "unboxing_video",
    "test_report",
    "listing_snapshot",
    "comparison_photos",
    "measurements",
    "page_archive",
    "brand_photos",
    "authentication",
    "tracking",
    "courier_record",
    "ship_promise",
    "received_photos",
    "waybill_weight",
    "damage_at_door",
    "after_sales_record",
    "sign_off_time",
    "return_eligibility",
    "intact_photos",
    "return_tracking",
    "promise_proof",
    "call_records",
    "sms_photos",
    "food_product",
    "food_label",
    "medical_records",
    "household_quantity",
]
ClockCode = Literal[
    "seven_day_return",
    "quality_return",
    "ship_by",
    "auto_confirm_receipt",
    "after_sales_window",
    "seller_refund_after_return",
    "seller_delay_15_days",
    "unshipped_refund_response",
    "not_received_refund_response",
    "durable_defect_presumption",
    "complaint_12315",
]
ClockAnchor = Literal[
    "sign_off", "paid", "shipped", "completed", "knowledge", "return_received", "after_sales_request",
    "refund_request",
]  # fmt: skip
ClockKind = Literal["next_midnight", "plus_hours", "plus_days", "calendar_months", "calendar_years"]
SettingName = Literal[
    "ship_by_hours",
    "due_soon_hours",
    "auto_confirm_days",
    "after_sales_days",
    "unshipped_refund_response_hours",
    "not_received_refund_response_hours",
    "seller_response_days_after_shipment",
    "buyer_return_days",
    "late_ship_rate_taobao",
    "late_ship_min_taobao",
    "late_ship_max_taobao",
    "late_ship_rate_tmall",
    "late_ship_min_tmall",
    "late_ship_max_tmall",
    "household_quantity",
]
# Order facts (facts.py) and "quiet" (ranking.py: no text feature matched).
Fact = Literal[
    "unshipped", "past_ship_by", "shipped_late", "in_transit", "signed", "within_7d", "after_7d",
    "is_food", "is_durable", "completed", "refunding", "quiet",
]  # fmt: skip
FactCondition = Literal[
    "unshipped", "past_ship_by", "shipped_late", "in_transit", "signed", "within_7d", "after_7d",
    "is_food", "is_durable", "completed", "refunding", "quiet",
    "!unshipped", "!past_ship_by", "!shipped_late", "!in_transit", "!signed", "!within_7d", "!after_7d",
    "!is_food", "!is_durable", "!completed", "!refunding", "!quiet",
]  # fmt: skip
LintCheck = Literal[
    "id_number", "bank_card", "threat", "money_demand", "multiple", "address", "claimed",
    "medical_without_record", "punitive_without_finding", "food_statute_not_food", "person_name",
    "beside_refund",
]  # fmt: skip
SignalCheck = Literal[
    "quantity_over", "punitive_unsupported", "threat_for_money", "punitive_offered", "vague_problem"
]
WarningCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
ARTICLE_KEY = re.compile(r"arts?\d+(_\d+|-\d+)?")
Patterns = Annotated[list[str], Field(min_length=1)]


class Sourced(RuleModel):
    source: Annotated[list[SourceKey], Field(min_length=1)]
    confidence: Confidence
    checked: IsoDate


# --- sources.toml -----------------------------------------------------------------------------


class SourceDocument(BaseModel):
    """A document; its other keys are the cited articles (art55 = "art. 55")."""

    model_config = ConfigDict(extra="allow", frozen=True, strict=True)

    title: str
    kind: Literal[
        "law",
        "regulation",
        "judicial_interpretation",
        "platform_rule",
        "web_page",
        "guidance",
        "product_choice",
    ]
    confidence: Confidence
    revision: IsoDate | None = None
    checked: IsoDate | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] | None = None
    where: str | None = None
    note: str | None = None

    def articles(self) -> dict[str, str]:
        return dict(self.model_extra or {})


SourcesFile = RootModel[dict[Code, SourceDocument]]


# --- types.toml -------------------------------------------------------------------------------


class EvidenceNeedRule(RuleModel):
    code: EvidenceCode
    required: bool


class VariantRule(RuleModel):
    features: Annotated[list[Code], Field(min_length=1)]
    after_sales_request_type: str | None = None
    after_sales_reason: str | None = None
    remedies: list[RemedyCode] | None = None


class PunitiveRule(RuleModel):
    code: PunitiveCode
    any: list[Code] = []
    none: list[Code] = []
    food: bool = False
    why_not: str
    why_not_en: str  # the same reason in English (AdviceWarning.message_en)


class RemedyOverrideRule(RuleModel):
    basis: str | None = None
    note: str | None = None
    seller_pays_transport: bool | None = None


class TypeRule(Sourced):
    name: str
    complaint_category: str
    after_sales_request_type: str | None = None
    after_sales_reason: str | None = None
    first_step: VenueCode
    steps: list[VenueCode]
    problem: str
    evidence: list[EvidenceNeedRule]
    remedies: list[RemedyCode]
    punitive: list[PunitiveRule] = []
    clocks: list[ClockCode]
    variant: list[VariantRule] = []
    remedy_override: dict[RemedyCode, RemedyOverrideRule] = {}


TypesFile = RootModel[dict[TypeCode, TypeRule]]


# --- remedies.toml, formulas.toml -------------------------------------------------------------


class RemedyRule(Sourced):
    name: str
    label: str
    amount: AmountKind
    basis: str
    venue: VenueCode
    note: str
    # The seller bears the transport of goods sent back (消法 24): the draft says so.
    seller_pays_transport: bool = False
    note_after_seven_days: str | None = None
    note_tmall: str | None = None


RemediesFile = RootModel[dict[RemedyCode, RemedyRule]]


class PunitiveFormula(Sourced):
    """Extra compensation on top of the refund: max(multiple x base, minimum)."""

    multiple: Annotated[int, Field(ge=1)]
    minimum: Decimal = Field(strict=False)
    food_only: bool
    basis_short: str  # how the linter names the statute to the shopper
    # Why not, said for the case at hand: feature code -> the shopper's reason (instead of the
    # type's general why_not), e.g. food that went off only after sign-off.
    why_not_when: dict[str, str] = Field(default_factory=dict)
    # The same reasons in English, by the same feature codes.
    why_not_when_en: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _every_reason_in_english(self) -> PunitiveFormula:
        if set(self.why_not_when) != set(self.why_not_when_en):
            raise ValueError("why_not_when and why_not_when_en must name the same features")
        return self


RefundPartCode = Literal[
    "return_freight", "outbound_freight", "lost_discount", "gift_value", "freight_deduction"
]


class RefundPart(Sourced):
    """One part a refund adds to or takes from the price paid for the affected goods."""

    sign: Literal["add", "subtract"]
    label: str
    patterns: list[str]
    none_patterns: list[str]
    none_services: list[str]


class LateShipmentFormula(Sourced):
    agreement_patterns: Patterns
    # A sum the seller promised for late shipment; each names it by the group `amount`.
    promise_patterns: Patterns
    # Words before a promise pattern's sum (in or just before the match): the shopper's demand.
    promise_demand_words: Patterns


class FraudProofPolicy(Sourced):
    """When fraud_triple is offered: a written document with a finding of deception."""

    documents: Patterns
    negations: list[str]
    after_negations: list[str]
    findings: Patterns
    disclosed: Patterns
    knew_before: Patterns
    expired: Patterns
    why_not: str
    why_not_en: str


class NoReasonReturn(Sourced):
    """A 7-day no-reason return the shopper names, whatever type ranks first: its figure follows
    the no-reason rules (暂行办法 arts 17-18)."""

    # "七天无理由退掉": the return is named as no-reason.
    patterns: Patterns
    # Just before a pattern: "不是无理由", "不走七天无理由" (a fault return, not no-reason).
    negations: list[str]
    # The shopper's own reason, which a no-reason return needs ("不喜欢", "拍错了").
    own_reasons: Patterns


class FoodByTitle(Sourced):
    """Words that tell unsafe food only when an item title says the goods are food ("一层绿毛" on a
    pastry is mould; on a coat it is fluff): they count as food_unsafe for the tenfold's gate."""

    # Text features that are unsafe food on a food title (a foreign object in the food).
    features: list[Code]
    patterns: Patterns


class FormulasFile(RuleModel):
    punitive: dict[PunitiveCode, PunitiveFormula]
    refund_parts: dict[RefundPartCode, RefundPart]
    late_shipment: LateShipmentFormula
    fraud_proof: FraudProofPolicy
    no_reason_return: NoReasonReturn
    food_by_title: FoodByTitle


# --- evidence.toml, clocks.toml, routes.toml, settings.toml, items.toml -------------------------


class EvidenceRule(Sourced):
    name: str
    why: str
    basis: str


EvidenceFile = RootModel[dict[EvidenceCode, EvidenceRule]]


class ClockRule(Sourced):
    name: str
    anchor: ClockAnchor
    kind: ClockKind
    basis: str
    hours: int | None = None
    days: int | None = None
    months: int | None = None
    years: int | None = None
    setting: SettingName | None = None
    only_for: Literal["durable"] | None = None
    # Item categories (advice/categories.toml codes) the clock does not apply to, with the reason.
    not_for: dict[Literal["virtual", "custom", "fresh"], str] | None = None


ClocksFile = RootModel[dict[ClockCode, ClockRule]]


class RouteRule(Sourced):
    name: str
    detail: str
    when: str
    link: LinkCode | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None


RoutesFile = RootModel[dict[VenueCode, RouteRule]]


class SettingRule(Sourced):
    value: int | Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)?$")]
    description: str


SettingsFile = RootModel[dict[SettingName, SettingRule]]


class ItemKindRule(Sourced):
    patterns: Patterns
    not_food: list[str] = []


class ItemsFile(RuleModel):
    food: ItemKindRule
    durable: ItemKindRule


# --- features.toml, lexicon.toml, context.toml, exemplars.toml ----------------------------------


class FeatureRule(RuleModel):
    code: Code
    reason: str
    weights: Weights
    patterns: Patterns
    negatable: bool = False


class FeaturesFile(RuleModel):
    feature: list[FeatureRule]


# --- disputes.toml ----------------------------------------------------------------------------

# The DisputeFacts goods kinds (facts.SUBSTANCE's values) a dispute fact may be evidence of.
SubstanceKind = Literal[
    "defect",
    "damage",
    "mismatch",
    "advertising",
    "fake",
    "delivery",
    "wrong",
    "food",
    "price",
    "harassment",
    "promise",
]


class DisputeFactRule(FeatureRule):
    substance: SubstanceKind
    with_any: list[Code] = []
    source: list[SourceKey] = []


class DisputesFile(RuleModel):
    fact: list[DisputeFactRule]


class NegationRule(RuleModel):
    window: Annotated[int, Field(ge=1, le=12)]
    cues: Patterns


# --- negation.toml ------------------------------------------------------------------------------


class AfterNegation(RuleModel):
    window: Annotated[int, Field(ge=0, le=12)]
    cues: Patterns


class RhetoricalQuestion(RuleModel):
    after: Patterns
    before: Patterns


class InsideNegation(RuleModel):
    cues: Patterns


class ScopeNegation(RuleModel):
    # Each pattern names the denied stretch as the group `neg` (checked when the rules load).
    patterns: Patterns


class ClauseNegation(RuleModel):
    conceded: str
    contrast_not: str
    contrast_but: str
    english: str


class GramNegation(RuleModel):
    span: Annotated[int, Field(ge=1, le=12)]
    cues: Patterns


class NegationFile(RuleModel):
    after: AfterNegation
    rhetorical: RhetoricalQuestion
    inside: InsideNegation
    scope: ScopeNegation
    clause: ClauseNegation
    grams: GramNegation


class TypoRule(RuleModel):
    pairs: list[Annotated[list[str], Field(min_length=2, max_length=2)]]


class LexiconFile(RuleModel):
    group: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z_]*$")], Patterns]
    negation: NegationRule
    typo: TypoRule | None = None


class ContextRuleRule(RuleModel):
    code: Code
    weights: Weights
    reason: str | None = None
    status: list[OrderStatus] = []
    facts: list[FactCondition] = []
    any: list[Code] = []
    all: list[Code] = []
    none: list[Code] = []


class SymptomRule(RuleModel):
    name: str
    name_en: str
    weights: Weights
    features: list[Code] = []


class WantedRule(RuleModel):
    weights: Weights


class ExemplarRule(RuleModel):
    k: Annotated[int, Field(ge=1)]
    weight: float = Field(strict=False)
    min_similarity: float = Field(strict=False, ge=0, le=1)


class ContextFile(RuleModel):
    rule: list[ContextRuleRule]
    symptom: dict[Code, SymptomRule]
    wanted: dict[RemedyCode, WantedRule]
    exemplar: ExemplarRule


class ExemplarEntry(RuleModel):
    text: Annotated[str, StringConstraints(min_length=1)]
    type: TypeCode


class ExemplarsFile(RuleModel):
    exemplar: list[ExemplarEntry]


# --- lint.toml, signals.toml ------------------------------------------------------------------


class LintExtra(RuleModel):
    not_food: str | None = None
    label_flaw: str | None = None
    refund_words: str | None = None  # beside_refund: the match stands only when the draft asks a refund


class LintRuleRule(Sourced):
    code: FindingCode
    severity: Severity
    message: str
    suggestion: str
    replacement: str = ""
    check: LintCheck | None = None
    patterns: Patterns
    lead_words: list[str] = []
    extra: LintExtra | None = None
    skip_quoted: bool = False  # a match inside quotation marks (someone else's words) does not count


class VagueRuleRule(Sourced):
    concrete_patterns: Patterns  # a figure, date, time, model or quoted page text: never vague
    defect_patterns: Patterns  # what is wrong, beyond the ranking's problem features
    generic_item_patterns: Patterns  # "东西", "商品": a defect of these alone names nothing
    generic_features: list[Code]
    severity_what: Severity
    message_what: str
    suggestion_what: str


class DemandRule(Sourced):
    """How a demanded sum or remedy is judged against what the problem allows."""

    no_punitive_types: list[TypeCode]  # problems no punitive remedy (消法55, 食品安全法148) exists for
    paid_pattern: str  # what the draft says was paid, as (?P<amount>...)
    min_unfounded: Annotated[int, Field(ge=0)]  # compensation from this sum up, with no basis, is flagged
    absurd_without_price: Annotated[int, Field(ge=0)]  # no ordinary purchase reaches this, report aside
    basis_no_punitive: str
    message_no_punitive: str
    ask_patterns: Patterns  # words that make a sum a demand on the seller, with or without 赔
    basis_patterns: Patterns  # a stated basis (a law, a rule, a formula): the sum is argued, not asked
    reported_patterns: list[str] = []  # the seller's offer reported ("卖家说给我100元"): no demand


class LearnedLintRule(Sourced):
    """What a finding of the learned scorer (lint_model.py) says; its span is the whole clause."""

    code: FindingCode
    severity: Severity
    message: str  # must stay true of a clause flagged by a score: "may", not "is"
    suggestion: str
    lawful: str | None = None  # a clause naming a lawful channel (12315, 平台介入) is a right: not flagged
    facts_only: bool = False  # a clause naming a defect (the vague rule's defect words) is not flagged


class LintFile(RuleModel):
    rule: list[LintRuleRule]
    learned: list[LearnedLintRule] = []
    vague: VagueRuleRule
    demand: DemandRule


class WarningRuleRule(Sourced):
    code: WarningCode
    message: str
    message_en: str  # the same warning in English, with the same {placeholders}
    types: list[TypeCode] = []
    status: list[OrderStatus] = []
    facts: list[Fact] = []
    any: list[Code] = []
    none: list[Code] = []
    text: Patterns | None = None
    check: SignalCheck | None = None


class SignalsFile(RuleModel):
    warning: list[WarningRuleRule]


# --- discourse.toml ---------------------------------------------------------------------------


class DiscourseCues(RuleModel):
    openers: Patterns
    main: Patterns
    side: Patterns
    plays_down_before: Patterns


class DemandCue(RuleModel):
    patterns: Patterns
    types: Annotated[list[TypeCode], Field(min_length=1)]


class ConsequencePair(RuleModel):
    goods: Annotated[list[TypeCode], Field(min_length=1)]
    refusals: Annotated[list[TypeCode], Field(min_length=1)]


class SameStory(RuleModel):
    """Two kinds that, told inside one episode, are one event read two ways (a refusal while
    negotiating a defect is part of the defect story)."""

    a: Annotated[list[TypeCode], Field(min_length=1)]
    b: Annotated[list[TypeCode], Field(min_length=1)]
    # Under a primary of `a`, a strong event of `b` is its own issue all the same (the refusal
    # of what the shopper asked for, told after the goods problem); under `b`, `a` is its story.
    b_stands_under_a: bool = False


class SecondaryRules(RuleModel):
    """When a text names a secondary issue (issues.py): a separate event of another kind."""

    min_score: Annotated[float, Field(gt=0)]
    in_story_min: Annotated[float, Field(gt=0)]
    in_story_min_for: dict[TypeCode, Annotated[float, Field(gt=0)]] = {}
    weak_features: list[str]
    same_story: list[SameStory]


class DiscourseWeights(RuleModel):
    main: Annotated[float, Field(gt=0)]
    side: Annotated[float, Field(gt=0)]
    first: Annotated[float, Field(gt=0)]
    demand: Annotated[float, Field(gt=0)]
    story: Annotated[float, Field(ge=0)]
    min_confidence: Annotated[float, Field(ge=0, le=1)]
    model_only: Annotated[float, Field(ge=0, le=1)]
    min_chars: Annotated[int, Field(ge=0)]


class DiscourseFile(RuleModel):
    """How a text with several problems is split into episodes and its primary issue voted
    (episodes.py): reading cues, not law, so no sources."""

    cues: DiscourseCues
    demand: Annotated[list[DemandCue], Field(min_length=1)]
    consequence: ConsequencePair
    secondary: SecondaryRules
    weights: DiscourseWeights


# Every rule file and its schema; a file in rules/ that is not listed here is refused.
SCHEMAS: dict[str, type[BaseModel]] = {
    "sources": SourcesFile,
    "types": TypesFile,
    "remedies": RemediesFile,
    "formulas": FormulasFile,
    "evidence": EvidenceFile,
    "clocks": ClocksFile,
    "routes": RoutesFile,
    "settings": SettingsFile,
    "items": ItemsFile,
    "features": FeaturesFile,
    "disputes": DisputesFile,
    "lexicon": LexiconFile,
    "negation": NegationFile,
    "context": ContextFile,
    "exemplars": ExemplarsFile,
    "lint": LintFile,
    "signals": SignalsFile,
    "discourse": DiscourseFile,
}
