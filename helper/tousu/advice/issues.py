"""Several problems in one text: the primary issue (the top type, which the route, evidence and
demand follow) and the secondary ones the text tells as events of their own.

A secondary issue is a separate event of another kind, not a word of another type's vocabulary
inside the one story: "申请退货卖家不同意" while negotiating a defect is part of the defect story,
"说好包邮" next to the freight it was charged is the price event, "客服态度差" names no event at
all. So the text is read in stretches of one or two clauses; a stretch is an event of type T
when its own matched features show T more than any other type, with at least
discourse.toml's `secondary.min_score` of rule support, and more than they show the primary.
Inside the episode that tells the primary (episodes.py: where the shopper turns to another
matter, 另外/还有/PS…), the kinds discourse.toml calls the same story name no secondary; told as
another matter, they do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tousu.models.advice import Issue, Problem, TypeScore

from .episodes import StoryVote, split
from .facts import OrderFacts
from .ranking import Signals, possible_features, read_signals
from .rulefiles import rule_files
from .rules import rulebook

MAX_SECONDARY = 2
# Types that name the same problem: at most one of a family appears among the issues.
FAMILIES = ({"after_sales_refused", "seven_day_return_refused"}, {"not_received", "late_shipment"})
_CLAUSE = re.compile(r"[^，,。！!？?；;\n]+")


def _family(code: str) -> frozenset[str]:
    return next((frozenset(f) for f in FAMILIES if code in f), frozenset({code}))


@dataclass(frozen=True)
class _Rules:
    min_score: float
    in_story_min: float
    in_story_min_for: dict[str, float]
    weak: frozenset[str]
    same_story: tuple[tuple[frozenset[str], frozenset[str], bool], ...]

    def one_story(self, event: str, primary: str) -> bool:
        """Whether an event of kind `event` inside the primary's episode is the primary's story."""
        return any(
            (event in a and primary in b) or (event in b and primary in a and not b_stands)
            for a, b, b_stands in self.same_story
        )


@cache
def _rules() -> _Rules:
    data = rule_files()["discourse"].secondary
    return _Rules(
        data.min_score,
        data.in_story_min,
        dict(data.in_story_min_for),
        frozenset(data.weak_features),
        tuple((frozenset(p.a), frozenset(p.b), p.b_stands_under_a) for p in data.same_story),
    )


def _words_for(code: str, signals: Signals) -> list[str]:
    features = {f.code: f for f in rulebook().features}
    words = []
    for feature_code, hit in signals.features.items():
        feature = features.get(feature_code)
        if feature and feature.weights.get(code, 0.0) >= 1.0 and hit not in words:
            words.append(hit)
    return words[:4]


@dataclass(frozen=True)
class _Event:
    code: str
    score: float
    words: list[str]
    episode: int


def _feature_scores(signals: Signals) -> dict[str, float]:
    """The stretch's own evidence: its matched features' weights (no exemplar similarity, no
    order context: those read the whole order, not this event)."""
    features = {f.code: f for f in rulebook().features}
    rules = _rules()
    scores: dict[str, float] = {}
    strong = [c for c in signals.features if c not in rules.weak]
    for code in signals.features if strong else ():
        for type_code, weight in features[code].weights.items():
            scores[type_code] = scores.get(type_code, 0.0) + weight
    return scores


def _clip(text: str) -> list[str]:
    clip = text.strip("，,。.！!？?；; ")
    return [clip if len(clip) <= EPISODE_CLIP else clip[:EPISODE_CLIP] + "…"] if clip else []


EPISODE_CLIP = 16


def _events(text: str, primary: str, story: StoryVote | None) -> list[_Event]:
    """The events of another kind than the primary the text tells, in order."""
    rules = _rules()
    episodes = split(text) or []
    tops = list(story.tops) if story and story.share and len(story.tops) == len(episodes) else []
    out: list[_Event] = []
    possible = possible_features(text)  # every episode and window is a stretch of `text`
    for index, episode in enumerate(episodes):
        own_signals = read_signals(Problem(text=episode.text), neighbours=False, within=possible)
        own = _feature_scores(own_signals)
        top = tops[index] if tops else None
        # The episodes' vote read each episode with the model and the rules; without a vote (one
        # episode, or all of them pointing one way) the episode's own features say whose it is.
        primarys = top in _family(primary) if tops else own.get(primary, 0.0) >= rules.min_score
        if len(episodes) > 1 and not primarys:
            # Another matter, told as such (另外, 还有, PS…): its own type is its event.
            # Its own words name its kind, and so does the vote's reading of it (the model may
            # read "比承诺的晚了两天" as the promise, the words as the delay): both stand, the
            # stronger first; a kind of the primary's family is the primary itself.
            kinds = {c for c, v in own.items() if v >= rules.min_score} | ({top} if top else set())
            for best in sorted(kinds - _family(primary), key=lambda c: (-own.get(c, 0.0), c)):
                words = _words_for(best, own_signals) or _clip(episode.text)
                out.append(_Event(best, max(own.get(best, 0.0), rules.min_score), words, index))
            continue
        # The primary's own story: only a stretch that tells another event at length (a strong
        # feature or several) is one; a word of another vocabulary is how the story went.
        clauses = [m.group(0) for m in _CLAUSE.finditer(episode.text) if m.group(0).strip()]
        windows = [*clauses, *("，".join(p) for p in zip(clauses, clauses[1:], strict=False))]
        in_episode = possible_features(episode.text) & possible if len(windows) > 1 else possible
        for window in windows:
            signals = read_signals(Problem(text=window), neighbours=False, within=in_episode)
            scores = _feature_scores(signals)
            if not scores:
                continue
            best = max(scores, key=lambda c: scores[c])
            score = scores[best]
            if best in _family(primary) or score < rules.in_story_min_for.get(best, rules.in_story_min):
                continue
            if scores.get(primary, 0.0) >= score or rules.one_story(best, primary):
                continue
            words = _words_for(best, signals)
            if words:
                out.append(_Event(best, score, words, index))
    return out


def issues_for(
    types: list[TypeScore], signals: Signals, facts: OrderFacts, story: StoryVote | None = None
) -> list[Issue]:
    if not types:
        return []
    primary = types[0]
    names = {code: info.name for code, info in rulebook().types.items()}
    out = [
        Issue(
            role="primary",
            type=primary.code,
            name=primary.name,
            evidence_words=_words_for(primary.code, signals),
        )
    ]
    taken = set(out[0].evidence_words)
    # The strongest event of each kind, named in the order the text tells them.
    best: dict[str, _Event] = {}
    for event in _events(signals.text or "", primary.code, story):
        if event.code not in best or event.score > best[event.code].score:
            best[event.code] = event
    chosen = sorted(best.values(), key=lambda e: -e.score)
    named: list[_Event] = []
    for event in chosen:
        if len(named) >= MAX_SECONDARY:
            break
        if any(event.code in _family(e.code) for e in named):
            continue
        words = [w for w in event.words if w not in taken and not any(w in t for t in taken)]
        if not words:
            continue
        taken |= set(words)
        named.append(_Event(event.code, event.score, words, event.episode))
    for event in sorted(named, key=lambda e: e.episode):
        out.append(
            Issue(role="secondary", type=event.code, name=names[event.code], evidence_words=event.words)
        )
    return out
