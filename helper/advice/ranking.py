"""Ranks the 14 complaint types for a problem: text features + symptoms + wanted + order context.

A linear score: every matched feature, chosen symptom, wanted outcome and applicable context rule
adds its weights (all from data). Reasons come from the contributions that pushed a type up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helper.models.advice import Problem, TypeScore

from .facts import OrderFacts
from .rules import ContextRule, rulebook, wanted_code
from .text import normalise

# A type is shown when it reaches this raw score and this share of the best one.
MIN_SCORE = 1.0
MIN_SHARE = 0.25
MAX_REASONS = 3


@dataclass
class Signals:
    """What the text and symptoms say, for ranking and for the checks after it."""

    features: dict[str, str] = field(default_factory=dict)  # code -> first matched words
    symptoms: list[str] = field(default_factory=list)
    wanted: str | None = None


def read_signals(problem: Problem) -> Signals:
    book = rulebook()
    text = normalise(problem.text)
    signals = Signals(wanted=wanted_code(problem.wanted))
    for feature in book.features:
        match = feature.pattern.search(text)
        if match:
            signals.features[feature.code] = problem.text[match.start():match.end()]
    for code in problem.symptoms:
        symptom = book.symptoms.get(code)
        if symptom is None:
            continue
        signals.symptoms.append(code)
        for feature_code in symptom.features:
            signals.features.setdefault(feature_code, symptom.name)
    return signals


def _applies(rule: ContextRule, facts: OrderFacts, present: set[str]) -> bool:
    if rule.status and facts.status not in rule.status:
        return False
    if any(f not in facts.flags for f in rule.facts_true):
        return False
    if any(f in facts.flags for f in rule.facts_false):
        return False
    if rule.any_of and not rule.any_of & present:
        return False
    if not rule.all_of <= present:
        return False
    return not rule.none_of & present


def rank(signals: Signals, facts: OrderFacts, pinned: str | None = None) -> list[TypeScore]:
    book = rulebook()
    scores: dict[str, float] = dict.fromkeys(book.types, 0.0)
    reasons: dict[str, list[tuple[float, str]]] = {code: [] for code in book.types}

    def add(weights: dict[str, float], reason: str | None) -> None:
        for code, weight in weights.items():
            scores[code] += weight
            if reason and weight >= 1.0:
                reasons[code].append((weight, reason))

    features = {f.code: f for f in book.features}
    for code, hit in signals.features.items():
        feature = features[code]
        add(feature.weights, feature.reason.format(hit=hit))
    for code in signals.symptoms:
        symptom = book.symptoms[code]
        add(symptom.weights, f"你选择了“{symptom.name}”")
    if signals.wanted in book.wanted:
        add(book.wanted[signals.wanted], None)

    present = set(signals.features)
    flags = set(facts.flags)
    if not present:
        flags.add("quiet")
    facts_view = facts if flags == facts.flags else _with_flags(facts, flags)
    for rule in book.context:
        if _applies(rule, facts_view, present):
            reason = rule.reason.format_map(_Defaults(facts.values)) if rule.reason else None
            add(rule.weights, reason)

    best = max(scores.values())
    ranked = sorted(book.types, key=lambda c: (-scores[c], c))
    shown = [c for c in ranked if scores[c] >= MIN_SCORE and scores[c] >= MIN_SHARE * best]
    if pinned:
        shown = [pinned] + [c for c in shown if c != pinned]
        reasons[pinned].insert(0, (99.0, "你指定了这个投诉类型"))
    if not shown:
        # Nothing recognisable: offer the usual type for the order's state rather than nothing.
        shown = [_fallback(facts)]
        reasons[shown[0]].append((0.0, "描述中没有识别出具体问题，按订单状态给出最常见的类型，请补充说明"))
    total = sum(max(scores[c], 0.0) for c in shown) or 1.0
    result = []
    for code in shown:
        ordered = sorted(reasons[code], key=lambda r: -r[0])
        unique = list(dict.fromkeys(text for _, text in ordered))[:MAX_REASONS]
        result.append(TypeScore(code=code, name=book.types[code].name,
                                score=round(max(scores[code], 0.0) / total, 3), reasons=unique))
    return result


def _fallback(facts: OrderFacts) -> str:
    if facts.status == "awaiting_shipment":
        return "late_shipment"
    if "in_transit" in facts.flags:
        return "not_received"
    return "quality_defect"


class _Defaults(dict[str, str]):
    """format_map source that leaves an unknown placeholder visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "?"


def _with_flags(facts: OrderFacts, flags: set[str]) -> OrderFacts:
    from dataclasses import replace

    return replace(facts, flags=frozenset(flags))
