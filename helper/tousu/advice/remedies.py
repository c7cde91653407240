"""Demands: the ordinary remedies of the type, amounts, and punitive ones only when supported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tousu.models.advice import Remedy

from .facts import OrderFacts, yuan
from .formulas import food_tenfold, fraud_triple, late_shipment_compensation
from .ranking import Signals
from .rules import PunitiveGate, TypeInfo, remedy_info, rulebook
from .settings import AdviceSettings

_NEEDS_GOODS = {"return_refund", "exchange", "repair", "partial_refund"}
_UNSHIPPED = {"awaiting_shipment", "awaiting_payment"}

__all__ = ["food_tenfold", "fraud_triple", "late_shipment_compensation", "plan_remedies"]


@dataclass(frozen=True)
class RemedyPlan:
    remedies: list[Remedy]
    refused_punitive: list[tuple[str, str]]  # (remedy code, why not) for the warnings


def punitive_supported(gate: PunitiveGate, signals: Signals, facts: OrderFacts) -> bool:
    present = set(signals.features)
    if gate.food and not facts.is_food and (facts.non_food_title or "food_words" not in present):
        return False
    return bool(gate.any_of & present) and not gate.none_of & present


_SUM = re.compile(r"(\d+(?:\.\d+)?)\s*(?:元|块)")


def _sum_in(signals: Signals, feature: str) -> Decimal | None:
    match = _SUM.search(signals.features.get(feature) or "")
    return Decimal(match.group(1)) if match else None


def _refund_extra(
    code: str, info: TypeInfo, signals: Signals, facts: OrderFacts, order_fails: bool
) -> Decimal:
    """Freight a refund carries: the outbound freight when the whole order failed (never shipped, an
    empty parcel), and return postage the shopper paid when the seller is at fault."""
    extra = Decimal(0)
    if code in ("refund_only", "return_refund") and order_fails and facts.shipping_fee:
        extra += facts.shipping_fee
    if code == "return_refund" and info.code != "seven_day_return_refused":
        extra += _sum_in(signals, "return_postage_paid") or Decimal(0)
    return extra


def _promised(signals: Signals) -> Decimal | None:
    hit = signals.features.get("compensation_promised")
    match = _SUM.search(hit or "")
    return Decimal(match.group(1)) if match else None


def _amount(
    code: str,
    facts: OrderFacts,
    platform: str,
    settings: AdviceSettings,
    promised: Decimal | None = None,
    extra: Decimal = Decimal(0),
) -> str | None:
    kind = remedy_info(code).amount
    paid = facts.price_paid
    if paid is None or kind == "none":
        return None
    if kind == "paid":
        return yuan(paid + extra)
    if kind == "fraud_triple":
        return yuan(fraud_triple(paid))
    if kind == "food_tenfold":
        return yuan(food_tenfold(paid))
    if kind == "late_shipment":
        # A sum the seller promised for the same breach wins when higher (就高, 争议处理规则 art. 15).
        return yuan(max(late_shipment_compensation(paid, platform, settings), promised or Decimal(0)))
    return None


def plan_remedies(
    info: TypeInfo,
    ordinary: tuple[str, ...],
    signals: Signals,
    facts: OrderFacts,
    platform: str,
    settings: AdviceSettings,
    asked_punitive: set[str],
) -> RemedyPlan:
    codes = list(ordinary)
    if facts.status in _UNSHIPPED:
        codes = [c for c in codes if c not in _NEEDS_GOODS] or ["refund_only"]
    if info.code == "late_shipment" and not ({"past_ship_by", "shipped_late"} & facts.flags):
        # Not late (yet): compensation has no basis; a refund request stays open.
        codes = [c for c in codes if c != "late_shipment_compensation"] or ["refund_only"]
    if info.code == "quality_defect" and "after_7d" in facts.flags:
        # 消法 24: after 7 days a return needs grounds to terminate; exchange or repair otherwise.
        codes = [c for c in codes if c != "return_refund"] + ["return_refund"]
    refused: list[tuple[str, str]] = []
    for gate in info.punitive:
        if punitive_supported(gate, signals, facts):
            codes.append(gate.code)
        elif gate.code in asked_punitive or signals.wanted == gate.code:
            refused.append((gate.code, gate.why_not))
    if "food_tenfold" not in codes:
        # Unsafe food earns the tenfold whatever type ranks first (食品安全法 148).
        food_gate = next(g for g in rulebook().types["food_safety"].punitive if g.code == "food_tenfold")
        if punitive_supported(food_gate, signals, facts):
            codes.append("food_tenfold")
            refused = [(code, why) for code, why in refused if code != "food_tenfold"]
    if (
        "late_shipment_compensation" not in codes
        and {"past_ship_by", "shipped_late"} & facts.flags
        and _promised(signals) is not None
    ):
        # The seller promised a sum for shipping late and the order did ship late: the
        # compensation (the higher of the promise and the platform figure, 争议处理规则 第十五条)
        # is owed whether the shopper tells it as a late shipment or as a broken promise.
        codes.append("late_shipment_compensation")
    wanted = signals.wanted
    if wanted in codes:
        codes.remove(wanted)
        codes.insert(0, wanted)
    fails = facts.whole_order and (facts.status == "awaiting_shipment" or "empty_parcel" in signals.features)
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
        freight = _refund_extra(code, info, signals, facts, fails)
        if freight and facts.price_paid is not None:
            # The shopper reads what the figure holds: the goods' price and the freight owed back.
            note = f"{note}（金额含货款{yuan(facts.price_paid)}元和运费{yuan(freight)}元）"
        remedies.append(
            Remedy(
                code=code,
                name=base.title,
                amount=_amount(code, facts, platform, settings, _promised(signals), freight),
                basis=override.basis if override and override.basis else base.basis,
                venue=base.venue,
                note=note,
            )
        )
    return RemedyPlan(remedies=remedies, refused_punitive=refused)
