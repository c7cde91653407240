"""Demands: the ordinary remedies of the type, amounts, and punitive ones only when supported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from tousu.models.advice import Remedy
from tousu.models.order import Order

from .amounts import SUM, affected_base, missing_units, read_sum
from .facts import OrderFacts, yuan
from .formulas import food_tenfold, fraud_triple, late_shipment_compensation
from .lateness import Lateness, lateness, promised_sum
from .proof import fraud_proven, policy
from .ranking import Signals
from .refunds import RefundFigure, broken_carrier, refund_figure
from .rulefiles import rule_files
from .rules import PunitiveGate, TypeInfo, remedy_info, rulebook
from .settings import AdviceSettings
from .text import normalise
from .variants import simplified

_NEEDS_GOODS = {"return_refund", "exchange", "repair", "partial_refund"}
_UNSHIPPED = {"awaiting_shipment", "awaiting_payment"}

__all__ = ["food_tenfold", "fraud_triple", "late_shipment_compensation", "plan_remedies"]


@dataclass(frozen=True)
class RemedyPlan:
    remedies: list[Remedy]
    refused_punitive: list[tuple[str, str, str]]  # (remedy code, why not, why not in English): warnings


def punitive_supported(gate: PunitiveGate, signals: Signals, facts: OrderFacts) -> bool:
    present = set(signals.features)
    if gate.food and not facts.is_food and (facts.non_food_title or "food_words" not in present):
        return False
    if gate.food and facts.is_food and _unsafe_by_title(signals, present):
        present.add("food_unsafe")
    return bool(gate.any_of & present) and not gate.none_of & present


def _unsafe_by_title(signals: Signals, present: set[str]) -> bool:
    """Words that are unsafe food on a food title only ("一层绿毛", a foreign object): formulas.toml."""
    rule = rule_files()["formulas"].food_by_title
    norm = simplified(normalise(signals.text))
    return bool(set(rule.features) & present) or any(re.search(p, norm) for p in rule.patterns)


_SUM = re.compile(rf"({SUM})\s*(?:元|块)")
# The goods (or some of them) never reached the shopper: a refund without a return.
_NOT_ARRIVED = {"empty_parcel", "missing_item", "out_of_stock"}
_REFUSED_AT_DOOR = re.compile(r"拒收|拒签|拒绝签收")


def _why_not(gate: PunitiveGate, present: set[str]) -> tuple[str, str]:
    """Why the punitive demand is refused, in Chinese and English: the formula's reason for this
    case, else the type's."""
    formula = rule_files()["formulas"].punitive.get(gate.code)
    if formula is not None:
        for feature, why in formula.why_not_when.items():
            if feature in present:
                return why, formula.why_not_when_en[feature]
    return gate.why_not, gate.why_not_en


def named_no_reason(text: str) -> bool:
    """The shopper names a no-reason return and gives a change of mind ("不喜欢，想七天无理由退掉")."""
    rule = rule_files()["formulas"].no_reason_return
    norm = simplified(normalise(text))
    if not any(re.search(p, norm) for p in rule.own_reasons):
        return False
    for pattern in rule.patterns:
        for match in re.finditer(pattern, norm):
            before = norm[max(0, match.start() - 4) : match.start()]
            if not any(re.search(n, before) for n in rule.negations):
                return True
    return False


def _promised(signals: Signals) -> Decimal | None:
    hit = signals.features.get("compensation_promised")
    match = _SUM.search(hit or "")
    return read_sum(match.group(1)) if match else None


@dataclass(frozen=True)
class _Context:
    """What every amount of one advice reads."""

    order: Order | None
    facts: OrderFacts
    text: str
    now: datetime | None
    platform: str
    settings: AdviceSettings
    late: Lateness
    no_reason: bool
    empty_parcel: bool
    categories: set[str] = field(default_factory=set)


def _late_amount(ctx: _Context, promised: Decimal | None) -> Decimal | None:
    shopper = [line for line in ctx.facts.affected if line.source == "shopper"]
    base = affected_base(shopper) if shopper else affected_base(ctx.late.units) if ctx.late.units else None
    if base is None:
        base = ctx.facts.price_paid
    if base is None:
        return None
    # A sum the seller promised for the same breach wins when higher (就高, 争议处理规则 art. 15):
    # a promise for late shipment in so many words, or a promised compensation the text names.
    promises = [p for p in (promised, promised_sum(ctx.text)) if p is not None]
    return max([late_shipment_compensation(base, ctx.platform, ctx.settings), *promises])


def _refund(code: str, ctx: _Context) -> RefundFigure:
    if ctx.order is None or ctx.now is None:
        return RefundFigure(ctx.facts.price_paid)
    return refund_figure(
        code,
        ctx.order,
        ctx.facts,
        ctx.text,
        now=ctx.now,
        no_reason=ctx.no_reason,
        seller_at_fault=not ctx.no_reason,
        empty_parcel=ctx.empty_parcel,
        categories=ctx.categories,
    )


def _amount(code: str, ctx: _Context, promised: Decimal | None) -> tuple[str | None, RefundFigure | None]:
    kind = remedy_info(code).amount
    paid = ctx.facts.price_paid
    if kind == "none":
        return None, None
    if kind == "freight":
        fee = ctx.facts.shipping_fee
        return (yuan(fee) if fee else None), None
    if kind == "late_shipment":
        value = _late_amount(ctx, promised)
        return (yuan(value) if value is not None else None), None
    if paid is None:
        return None, None
    if kind == "paid":
        figure = _refund(code, ctx)
        return (yuan(figure.amount) if figure.amount is not None else None), figure
    if kind == "fraud_triple":
        return yuan(fraud_triple(paid)), None
    if kind == "food_tenfold":
        return yuan(food_tenfold(paid)), None
    return None, None


def _note(base_note: str, figure: RefundFigure | None, paid: Decimal | None) -> str:
    """The shopper reads what the figure holds: the goods' price and each part added or taken off."""
    if figure is None:
        return base_note
    if figure.refused:
        return figure.refused
    if not figure.parts or paid is None:
        return base_note
    pieces = "".join(f"{'+' if v > 0 else '−'}{label}{yuan(abs(v))}元" for label, v in figure.parts)
    return f"{base_note}（金额=货款{yuan(paid)}元{pieces}）"


def plan_remedies(
    info: TypeInfo,
    ordinary: tuple[str, ...],
    signals: Signals,
    facts: OrderFacts,
    platform: str,
    settings: AdviceSettings,
    asked_punitive: set[str],
    *,
    order: Order | None = None,
    now: datetime | None = None,
    text: str = "",
    categories: frozenset[str] | set[str] | None = None,
) -> RemedyPlan:
    present = set(signals.features)
    late = (
        lateness(order, now, text, settings.ship_by_hours)
        if order is not None and now is not None
        else Lateness(bool({"past_ship_by", "shipped_late"} & facts.flags), ())
    )
    ctx = _Context(
        order=order,
        facts=facts,
        text=text,
        now=now,
        platform=platform,
        settings=settings,
        late=late,
        no_reason=info.code == "seven_day_return_refused" or named_no_reason(text),
        empty_parcel="empty_parcel" in present,
        categories=set(categories or ()),
    )
    codes = list(ordinary)
    if facts.status in _UNSHIPPED:
        codes = [c for c in codes if c not in _NEEDS_GOODS] or ["refund_only"]
    if info.code == "late_shipment" and not late.late:
        # Not late (yet, or by a later date the shopper agreed to): compensation has no basis.
        codes = [c for c in codes if c != "late_shipment_compensation"] or ["refund_only"]
    if info.code == "quality_defect" and "after_7d" in facts.flags:
        # 消法 24: after 7 days a return needs grounds to terminate; exchange or repair otherwise.
        codes = [c for c in codes if c != "return_refund"] + ["return_refund"]
    # A combination's sub-item priced alone (its declared value) is one that did not come.
    sub_item = any(line.component for line in facts.affected)
    never_arrived = _NOT_ARRIVED & present or missing_units(text) or _REFUSED_AT_DOOR.search(text) or sub_item
    if never_arrived and "refund_only" not in codes:
        # Goods that never arrived are refunded without a return (争议处理规则 arts 27, 38).
        codes.append("refund_only")
    if "refund_without_return" in present and "refund_only" not in codes and facts.status not in _UNSHIPPED:
        # Units emptied, broken and thrown away, or kept by choice: their price back without a
        # return (消法 art. 24; 民法典 art. 582), at what was paid for those units.
        codes.append("refund_only")
    if "return_request" in present and "return_refund" not in codes and facts.status not in _UNSHIPPED:
        # The shopper asks to send the goods back ("要退货"): the return is figured whatever type
        # ranks first (a payment detail may pull the ranking towards a price dispute).
        codes.append("return_refund")
    refused: list[tuple[str, str, str]] = []
    food_offered = False
    for gate in info.punitive:
        if gate.code == "fraud_triple":
            continue  # one evidence policy for every type, below
        if punitive_supported(gate, signals, facts):
            codes.append(gate.code)
            food_offered = food_offered or gate.code == "food_tenfold"
        elif gate.code in asked_punitive or signals.wanted == gate.code:
            refused.append((gate.code, *_why_not(gate, present)))
    if "food_tenfold" not in codes:
        # Unsafe food earns the tenfold whatever type ranks first (食品安全法 148).
        food_gate = next(g for g in rulebook().types["food_safety"].punitive if g.code == "food_tenfold")
        if punitive_supported(food_gate, signals, facts):
            codes.append("food_tenfold")
            food_offered = True
            refused = [reason for reason in refused if reason[0] != "food_tenfold"]
        elif ("food_tenfold" in asked_punitive or signals.wanted == "food_tenfold") and all(
            reason[0] != "food_tenfold" for reason in refused
        ):
            # Asked for under another type (a damaged parcel, a refusal): say why not all the same.
            refused.append(("food_tenfold", *_why_not(food_gate, present)))
    if food_offered and "refund_only" not in codes and facts.status not in _UNSHIPPED:
        # Unsafe food is not sent back to be resold: its price is refunded without a return, beside
        # the tenfold (法释〔2024〕9号 art. 1: the price paid, and the damages on top).
        codes.append("refund_only")
    titles = [item.title for item in order.goods] if order is not None else []
    if not food_offered and fraud_proven(text or signals.text, titles, facts.is_food):
        codes.append("fraud_triple")
    elif "fraud_triple" in asked_punitive or signals.wanted == "fraud_triple":
        triple = next((g for g in info.punitive if g.code == "fraud_triple"), None)
        if triple is not None:
            refused.append(("fraud_triple", triple.why_not, triple.why_not_en))
        else:
            refused.append(("fraud_triple", policy().why_not, policy().why_not_en))
    if late.late and "late_shipment_compensation" not in codes:
        # Shipped late by the carrier's record: the compensation is owed whatever the shopper
        # calls the complaint (a broken promise, a counterfeit claim, a refund).
        codes.append("late_shipment_compensation")
    if order is not None and broken_carrier(order) and facts.shipping_fee:
        codes.append("freight_refund")
    wanted = signals.wanted
    if wanted in codes:
        codes.remove(wanted)
        codes.insert(0, wanted)
    promised = _promised(signals)
    remedies = []
    for code in dict.fromkeys(codes):
        base = remedy_info(code)
        override = info.remedy_override.get(code)
        note = override.note if override and override.note else base.note
        if code == "return_refund" and info.code == "quality_defect" and "after_7d" in facts.flags:
            note = base.extra["note_after_seven_days"]
        if code == "late_shipment_compensation" and platform == "tmall":
            note = base.extra["note_tmall"].format(
                rate=f"{settings.late_ship_rate_tmall * 100:.0f}", cap=settings.late_ship_max_tmall
            )
        amount, figure = _amount(code, ctx, promised)
        remedies.append(
            Remedy(
                code=code,
                name=base.title,
                amount=amount,
                basis=override.basis if override and override.basis else base.basis,
                venue=base.venue,
                note=_note(note, figure, facts.price_paid),
            )
        )
    return RemedyPlan(remedies=remedies, refused_punitive=refused)
