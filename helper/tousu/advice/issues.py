"""Several problems in one text: the primary issue (the top type, which the route, evidence and
demand follow) and the secondary ones the text also shows with its own words."""

from __future__ import annotations

from tousu.models.advice import Issue, Problem, TypeScore

from .episodes import StoryVote
from .facts import OrderFacts
from .ranking import Signals, read_signals, rule_scores
from .rules import rulebook

# A secondary issue needs this much support from the hand-written rules (matched features and
# order context, the same scale as context.toml) and words of its own the primary does not use.
# Measured on the story variants (eval_advice.py --robust): 1.5 names the second issue a little
# more often than 2.0 (A->B .785 vs .778) with no single-problem text gaining a spurious one.
SECONDARY_RULE_MIN = 1.5
MAX_SECONDARY = 2
# Types that name the same problem: at most one of a family appears among the issues.
FAMILIES = ({"after_sales_refused", "seven_day_return_refused"}, {"not_received", "late_shipment"})


def _family(code: str) -> frozenset[str]:
    return next((frozenset(f) for f in FAMILIES if code in f), frozenset({code}))


def _words_for(code: str, signals: Signals) -> list[str]:
    features = {f.code: f for f in rulebook().features}
    words = []
    for feature_code, hit in signals.features.items():
        feature = features.get(feature_code)
        if feature and feature.weights.get(code, 0.0) >= 1.0 and hit not in words:
            words.append(hit)
    return words[:4]


def _episode_words(code: str, episode_text: str) -> list[str]:
    """The words of one episode that show `code`: its matched features, else the episode itself
    (clipped), which is the shopper's own account of that event."""
    words = _words_for(code, read_signals(Problem(text=episode_text)))
    if words:
        return words
    clip = episode_text.strip("，,。.！!？?；; ")
    return [clip if len(clip) <= EPISODE_CLIP else clip[:EPISODE_CLIP] + "…"] if clip else []


EPISODE_CLIP = 16


def issues_for(
    types: list[TypeScore], signals: Signals, facts: OrderFacts, story: StoryVote | None = None
) -> list[Issue]:
    if not types:
        return []
    primary = types[0]
    names = {code: info.name for code, info in rulebook().types.items()}
    scores = signals.rule_scores or rule_scores(signals, facts)[0]
    candidates = sorted((c for c in scores if c != primary.code), key=lambda c: -scores[c])
    # The episodes of a story name their own types first, with their own words.
    told: dict[str, str] = {}
    for episode, top in zip(story.episodes, story.tops, strict=True) if story and story.share else ():
        if top and top != primary.code and top not in told:
            told[top] = episode.text
    out = [
        Issue(
            role="primary",
            type=primary.code,
            name=primary.name,
            evidence_words=_words_for(primary.code, signals),
        )
    ]
    taken = set(out[0].evidence_words)
    for code, text in told.items():
        if len(out) > MAX_SECONDARY:
            break
        if any(code in _family(i.type) for i in out):
            continue
        words = [w for w in _episode_words(code, text) if w not in taken]
        if words:
            taken |= set(words)
            out.append(Issue(role="secondary", type=code, name=names[code], evidence_words=words))
    for code in candidates:
        if len(out) > MAX_SECONDARY or scores[code] < SECONDARY_RULE_MIN:
            break
        if any(code in _family(i.type) for i in out):
            continue
        words = [w for w in _words_for(code, signals) if w not in taken and not any(w in t for t in taken)]
        if not words:
            continue
        taken |= set(words)
        out.append(Issue(role="secondary", type=code, name=names[code], evidence_words=words))
    return out
