"""Several problems in one text: the primary issue (the top type, which the route, evidence and
demand follow) and the secondary ones the text also shows with its own words."""

from __future__ import annotations

from tousu.models.advice import Issue, TypeScore

from .ranking import Signals
from .rules import rulebook

SECONDARY_MIN = 0.12  # a secondary issue needs this probability and words of its own
MAX_SECONDARY = 2


def _words_for(code: str, signals: Signals) -> list[str]:
    features = {f.code: f for f in rulebook().features}
    words = []
    for feature_code, hit in signals.features.items():
        feature = features.get(feature_code)
        if feature and feature.weights.get(code, 0.0) >= 1.0 and hit not in words:
            words.append(hit)
    return words[:4]


def issues_for(types: list[TypeScore], signals: Signals) -> list[Issue]:
    if not types:
        return []
    primary = types[0]
    out = [
        Issue(
            role="primary",
            type=primary.code,
            name=primary.name,
            evidence_words=_words_for(primary.code, signals),
        )
    ]
    taken = set(out[0].evidence_words)
    for other in types[1:]:
        if len(out) > MAX_SECONDARY or other.score < SECONDARY_MIN:
            break
        words = [w for w in _words_for(other.code, signals) if w not in taken]
        if not words:
            continue
        taken |= set(words)
        out.append(Issue(role="secondary", type=other.code, name=other.name, evidence_words=words))
    return out
