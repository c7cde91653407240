"""A story in episodes: several problems told in one text ("尺码不对，退货被拒，差评后又被骚扰").

The whole-text ranking reads every word at once, so a long second problem can drown the one the
shopper seeks redress for. Here the text is split into episodes where the shopper turns to
another matter (另外, 还有, 对了, PS, by the way…, at a clause start), each episode is ranked
with the same model and rules, and the episodes vote for the primary issue with a weight from
discourse evidence: a main-point marker (主要是, 我投诉的是, 我只想…) weighs most, a side remark
(顺便, 另外说一下, by the way) or a part played down afterwards (这些都是小事) least, a demand
(要求退款 → the goods; 要求道歉 → the harassment) lifts the episodes of the types it asks
redress for, and the first matter told is a weak prior. The vote joins the whole-text logits as
boosts (ranking.rank's `boosts`), so one decision still ranks the types.

Narrative steps (然后, 结果, 后来) do not cut: "退货，结果被拒" is one matter told in steps, and
between a goods problem and the refusal to put it right the context rules decide (was the
refused thing owed?): the vote never moves the top between those two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tousu.models.advice import Problem

from . import model
from .facts import OrderFacts
from .ranking import model_inputs, read_signals, rule_logit, rule_scores
from .rulefiles import rule_files

_CLAUSE_GAP = "，,、 ：:。！!？?；;\n"
# A sentence ends at a Chinese stop or a Latin full stop before a space ("fine. The main…").
_SENTENCE = re.compile(r"(?:[^。！!？?；;\n.]|\.(?!\s))+(?:[。！!？?；;\n]+|\.\s+|$)")


@dataclass(frozen=True)
class _Cues:
    openers: re.Pattern[str]  # another matter, the main point or a playing-down begins
    main: re.Pattern[str]
    side: re.Pattern[str]
    plays_down_before: re.Pattern[str]
    demands: tuple[tuple[re.Pattern[str], frozenset[str]], ...]
    goods: frozenset[str]
    refusals: frozenset[str]
    weights: dict[str, float]


def _join(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def cues() -> _Cues:
    """discourse.toml, compiled once."""
    data = rule_files()["discourse"]
    return _Cues(
        # Naming the main point or playing down what came before also turns to another matter.
        openers=_join([*data.cues.openers, *data.cues.main, *data.cues.plays_down_before]),
        main=_join(data.cues.main),
        side=_join(data.cues.side),
        plays_down_before=_join(data.cues.plays_down_before),
        demands=tuple((_join(d.patterns), frozenset(d.types)) for d in data.demand),
        goods=frozenset(data.consequence.goods),
        refusals=frozenset(data.consequence.refusals),
        weights=data.weights.model_dump(),
    )


@dataclass(frozen=True)
class Episode:
    text: str
    main: bool = False
    side: bool = False


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    for sentence in (m.group(0) for m in _SENTENCE.finditer(text)):
        # A connector opens an episode only at a clause start (after a comma, a stop or a space).
        cuts = [
            m.start()
            for m in cues().openers.finditer(sentence)
            if m.start() > 0 and sentence[m.start() - 1] in _CLAUSE_GAP
        ]
        bounds = [0, *cuts, len(sentence)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            part = sentence[a:b]
            opens = a > 0 or bool(cues().openers.match(part.lstrip()))
            if pieces and not opens:
                pieces[-1] += part  # the same matter goes on in the next sentence
            elif part.strip():
                pieces.append(part)
    return pieces


def split(text: str) -> list[Episode]:
    """The text's episodes in order, with their main/side markers."""
    cue = cues()
    least = int(cue.weights["min_chars"])
    episodes: list[Episode] = []
    for piece in _pieces(text):
        body = piece.strip()
        main = bool(cue.main.search(body))
        down = cue.plays_down_before.search(body)
        if down:
            # Everything said before is a side matter; this episode too when its own problem
            # precedes the words ("尺码偏小，这些都是小事"), unless it names the main point.
            episodes = [Episode(e.text, main=False, side=True) for e in episodes]
            own_before = len(re.sub(r"\W", "", body[: down.start()])) > least + 2
            episodes.append(Episode(body, main=main, side=not main and own_before))
            continue
        episodes.append(Episode(body, main=main, side=not main and bool(cue.side.search(body))))
    return _merge_short(episodes, least)


def _merge_short(episodes: list[Episode], least: int) -> list[Episode]:
    """A fragment of a few characters is no matter of its own: it joins the next one."""
    out: list[Episode] = []
    carry: Episode | None = None
    for e in episodes:
        if carry is not None:
            e = Episode(carry.text + e.text, main=carry.main or e.main, side=carry.side and e.side)
            carry = None
        if len(re.sub(r"\W", "", e.text)) < least:
            carry = e
            continue
        out.append(e)
    if carry is not None:
        if out:
            last = out[-1]
            out[-1] = Episode(last.text + carry.text, main=last.main or carry.main, side=last.side)
        else:
            out.append(carry)
    return out


def _episode_probs(text: str, facts: OrderFacts, categories: list[str]) -> tuple[dict[str, float], bool]:
    """The episode's type probabilities by the same model and rules as the whole text, and
    whether any rule feature matched in it."""
    signals = read_signals(Problem(text=text))
    scores, _ = rule_scores(signals, facts)
    learned = model.active()
    if learned is None:
        total = sum(max(v, 0.0) for v in scores.values())
        if total <= 0:
            return {}, False
        return {c: max(v, 0.0) / total for c, v in scores.items()}, bool(signals.features)
    logits = learned.logits(model_inputs(signals, facts, categories))
    for code, score in scores.items():
        logits[code] += learned.rule_weight * rule_logit(score)
    return model.softmax(logits), bool(signals.features)


@dataclass(frozen=True)
class StoryVote:
    episodes: list[Episode]
    tops: list[str | None]  # each episode's best type (None: no clear problem)
    share: dict[str, float]  # the weighted vote, summing to 1 (empty: not a story)


def vote(text: str, facts: OrderFacts, categories: list[str]) -> StoryVote:
    """Each episode's type, and the discourse-weighted vote over them. A text whose episodes
    all point the same way (or only one does) tells one problem: no vote."""
    episodes = split(text)
    if len(episodes) < 2:
        return StoryVote(episodes, [None] * len(episodes), {})
    cue = cues()
    w = cue.weights
    # The types the shopper's demands ask redress for ("要求退款" -> the goods; "要求道歉" -> conduct).
    demanded = frozenset().union(*(types for pattern, types in cue.demands if pattern.search(text)))
    tops: list[str | None] = []
    share: dict[str, float] = {}
    first_seen = False
    for episode in episodes:
        probs, grounded = _episode_probs(episode.text, facts, categories)
        best = max(probs, key=lambda c: probs[c]) if probs else None
        if best is None or probs[best] < (w["min_confidence"] if grounded else w["model_only"]):
            tops.append(None)
            continue
        tops.append(best)
        weight = w["main"] if episode.main else w["side"] if episode.side else 1.0
        if not first_seen:
            weight *= w["first"]
            first_seen = True
        if best in demanded:
            weight *= w["demand"]
        for code, p in probs.items():
            share[code] = share.get(code, 0.0) + weight * p
    if len({t for t in tops if t}) < 2:
        return StoryVote(episodes, tops, {})
    total = sum(share.values()) or 1.0
    return StoryVote(episodes, tops, {c: v / total for c, v in share.items()})


def story_boosts(story: StoryVote, whole_top: str | None) -> dict[str, float]:
    """The vote as logit boosts. Between a goods problem and the refusal of it the context rules
    decide (was the refused thing owed?): the vote then lifts neither against the other."""
    if not story.share:
        return {}
    # Shifted so that the best is 0: the vote only holds types back, and never reads as a
    # positive boost (rank() gives a positively boosted type the answered-question reason).
    top = max(story.share.values())
    cue = cues()
    boosts = {c: cue.weights["story"] * (p - top) for c, p in story.share.items()}
    voted = max(story.share, key=lambda c: story.share[c])
    if whole_top is None:
        return boosts
    pair = {voted, whole_top}
    # Only when the refusal is told inside the goods problem's own episode ("坏了，申请售后被拒"):
    # a refusal the shopper tells as another matter (另外…) is an episode of its own and votes.
    if whole_top not in story.tops and pair & cue.goods and pair & cue.refusals:
        level = max(boosts.get(c, 0.0) for c in pair)
        for c in pair:
            boosts[c] = level
    return boosts
