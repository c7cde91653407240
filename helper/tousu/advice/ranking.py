"""Ranks the 14 complaint types for a problem: text features + symptoms + wanted + order context.

A linear score: every matched feature, chosen symptom, wanted outcome and applicable context rule
adds its weights (all from data). Features are written with concept lexicons (lexicon.toml), so
one pattern covers the many ways shoppers say a thing; a denied hit ("没有破损", "破损倒没有",
"不是少，是碎了": negation.py) does not count for features marked negatable. Reasons come from
the contributions that pushed a type up. When nothing in the text is recognised the answer is
marked uncertain (reason + warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tousu.models.advice import Problem, TypeScore

from . import model, negation
from .facts import OrderFacts, dispute_facts
from .normalise import canonical
from .rules import ContextRule, Feature, rulebook, wanted_code
from .similar import Neighbour, nearest, votes
from .text import normalise

# A type is shown when it reaches this raw score and this share of the best one.
MIN_SCORE = 1.0
MIN_SHARE = 0.25
MAX_REASONS = 3
# The reason a symptom chip gives (the shopper chose it: shown whatever the model weighs).
CHOSEN = "你选择了“{}”"
CHOSEN_PREFIX = CHOSEN.split("{")[0]


@dataclass
class Signals:
    """What the text and symptoms say, for ranking and for the checks after it."""

    features: dict[str, str] = field(default_factory=dict)  # code -> first matched words
    symptoms: list[str] = field(default_factory=list)
    wanted: str | None = None
    neighbours: list[Neighbour] = field(default_factory=list)  # most similar labelled descriptions
    text: str = ""  # the canonical text (normalise.canonical) the features and the model read
    rule_scores: dict[str, float] = field(default_factory=dict)  # set by rank(), read by issues

    @property
    def vague(self) -> bool:
        """Nothing in the text or the chosen symptoms was recognised."""
        return not self.features and not self.symptoms


def match_text(text: str) -> str:
    """The shopper's text as the features see it: normalised and with common typos folded
    (same length, so a hit's offsets are offsets into the original)."""
    folded = normalise(text)
    for wrong, right in rulebook().lexicon.typos:
        if wrong in folded:
            folded = folded.replace(wrong, right)
    return folded


def _first_hit(feature: Feature, text: str) -> re.Match[str] | None:
    if not feature.negatable:
        return feature.pattern.search(text)
    return negation.first_affirmed(feature.pattern, text)


@lru_cache(maxsize=512)
def possible_features(text: str) -> frozenset[str]:
    """The features any stretch of the folded `text` can show: those with a hit somewhere in it,
    and those whose hits depend on the characters around them (Feature.local)."""
    return frozenset(f.code for f in rulebook().features if not f.local or f.pattern.hits(text))


@lru_cache(maxsize=2048)
def feature_hits(text: str, candidates: frozenset[str] | None = None) -> tuple[tuple[str, int, int], ...]:
    """Every feature the folded text (match_text) shows, with its first affirmed hit's span;
    only `candidates` are tried when given (possible_features of a text this one is a stretch of).

    Cached on the text: the whole description, its episodes (read by the vote and by the
    issues) and its clause windows are read again and again for one advice, and the pattern scan
    is nearly all of what a read costs.
    """
    found: dict[str, tuple[int, int]] = {}
    for feature in rulebook().features:
        if candidates is not None and feature.code not in candidates:
            continue
        if feature.with_any and not feature.with_any & found.keys():
            continue  # a compound dispute fact without the fact it qualifies
        match = _first_hit(feature, text)
        if match:
            found[feature.code] = match.span()
    return tuple((code, start, end) for code, (start, end) in found.items())


def read_signals(
    problem: Problem, *, neighbours: bool = True, within: frozenset[str] | None = None
) -> Signals:
    """What the text says. For a stretch of a text already read (issues.py: its episodes and
    clauses, cut from Signals.text, so already folded) whose features alone are wanted, `within`
    is that text's possible_features and `neighbours=False` skips the exemplar search."""
    book = rulebook()
    text = problem.text if within is not None else match_text(canonical(problem.text))
    signals = Signals(wanted=wanted_code(problem.wanted), text=text)
    # Quote the shopper's own words when the canonical text kept their positions (typos,
    # traditional characters); after a word-for-word rewrite quote the canonical words.
    quote = problem.text if len(text) == len(problem.text) else text
    for code, start, end in feature_hits(text, within):
        signals.features[code] = quote[start:end]
    if neighbours and problem.text.strip() and book.exemplar.weight > 0:
        signals.neighbours = nearest(text, book.exemplar.k)
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


def rule_scores(
    signals: Signals, facts: OrderFacts
) -> tuple[dict[str, float], dict[str, list[tuple[float, str]]]]:
    """The hand-written part: every matched feature, symptom, wanted outcome, exemplar vote and
    applicable context rule adds its weights; reasons keep the contributions of 1.0 or more."""
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
        add(symptom.weights, CHOSEN.format(symptom.name))
    if signals.wanted in book.wanted:
        add(book.wanted[signals.wanted], None)
    blend = book.exemplar
    for code, share in votes(signals.neighbours, blend.min_similarity).items():
        example = next(n.text for n in signals.neighbours if n.code == code)
        add({code: blend.weight * share}, f"你的描述与“{_clip(example)}”这类情况相近")

    present = set(signals.features)
    flags = set(facts.flags)
    if not present:
        flags.add("quiet")
    facts_view = facts if flags == facts.flags else _with_flags(facts, flags)
    for rule in book.context:
        if _applies(rule, facts_view, present):
            reason = rule.reason.format_map(_Defaults(facts.values)) if rule.reason else None
            add(rule.weights, reason)
    return scores, reasons


def model_inputs(signals: Signals, facts: OrderFacts, categories: list[str]) -> dict[str, float]:
    scores, _ = rule_scores(signals, facts)
    return _inputs(signals, facts, categories, scores)


_SUMMARY = {"procedural_only", "no_facts"}


def _inputs(
    signals: Signals, facts: OrderFacts, categories: list[str], scores: dict[str, float]
) -> dict[str, float]:
    # Only the two summary facts reach the model: the goods x seller pairs and groups overfit one
    # writer's habits (writer-to-writer top-1 0.759/0.769 without them, 0.733/0.755 with them).
    dispute = [n for n in dispute_facts(signals.features, signals.wanted).names() if n in _SUMMARY]
    return model.inputs(
        signals.text, signals.features, facts.flags, facts.status, categories, scores, signals.wanted, dispute
    )


def rank(
    signals: Signals,
    facts: OrderFacts,
    pinned: str | None = None,
    categories: list[str] | None = None,
    boosts: dict[str, float] | None = None,
) -> list[TypeScore]:
    book = rulebook()
    scores, reasons = rule_scores(signals, facts)
    signals.rule_scores = scores
    learned = model.active()
    # With no words at all the model has nothing to read: the order-state fallback decides.
    if learned is not None and (signals.text.strip() or signals.symptoms):
        return _rank_learned(learned, signals, facts, scores, reasons, categories or [], boosts or {}, pinned)
    best = max(scores.values())
    ranked = sorted(book.types, key=lambda c: (-scores[c], c))
    shown = [c for c in ranked if scores[c] >= MIN_SCORE and scores[c] >= MIN_SHARE * best]
    if pinned:
        shown = [pinned] + [c for c in shown if c != pinned]
        reasons[pinned].insert(0, (99.0, "你指定了这个投诉类型"))
    if signals.vague and shown:
        reasons[shown[0]].insert(0, (100.0, UNCERTAIN_SIMILAR))
    if not shown:
        # Nothing recognisable: offer the likeliest type for the order's state rather than nothing,
        # and say plainly that it is a guess (warnings_for adds the ask for details).
        shown = [_fallback(facts)]
        reasons[shown[0]].append((0.0, UNCERTAIN_REASON.format(state=_state_words(facts))))
    total = sum(max(scores[c], 0.0) for c in shown) or 1.0
    result = []
    for code in shown:
        ordered = sorted(reasons[code], key=lambda r: -r[0])
        unique = list(dict.fromkeys(text for _, text in ordered))[:MAX_REASONS]
        result.append(
            TypeScore(
                code=code,
                name=book.types[code].name,
                score=round(max(scores[code], 0.0) / total, 3),
                reasons=unique,
            )
        )
    return result


# The rule scores join the model's logits on their own absolute scale (RULE_UNIT = one clear
# feature), not divided by the best one: strong explicit evidence (a serial the brand does not
# know, a refused warranty repair) can then override a weak model, and weak hints stay weak.
RULE_UNIT = 3.0
RULE_CAP = 4.0  # in units: beyond this, more matched words are no more evidence


def rule_logit(score: float) -> float:
    return min(max(score, 0.0) / RULE_UNIT, RULE_CAP)


SHOW_PROB = 0.05  # a type beyond the first three is shown from this probability
MAX_SHOWN = 5


def _rank_learned(
    learned: model.LinearModel,
    signals: Signals,
    facts: OrderFacts,
    scores: dict[str, float],
    reasons: dict[str, list[tuple[float, str]]],
    categories: list[str],
    boosts: dict[str, float],
    pinned: str | None,
) -> list[TypeScore]:
    book = rulebook()
    inputs = _inputs(signals, facts, categories, scores)
    logits = learned.logits(inputs)
    for code, score in scores.items():
        logits[code] += learned.rule_weight * rule_logit(score)
    for code, boost in boosts.items():
        logits[code] = logits.get(code, 0.0) + boost
    probs = model.softmax(logits)
    ranked = sorted(book.types, key=lambda c: (-probs.get(c, 0.0), c))
    shown = [c for i, c in enumerate(ranked[:MAX_SHOWN]) if i < 3 or probs[c] >= SHOW_PROB]
    if pinned:
        shown = [pinned] + [c for c in shown if c != pinned]
    result = []
    for code in shown:
        why = _learned_reasons(learned, inputs, code, signals, reasons[code], categories)
        if pinned == code:
            why.insert(0, "你指定了这个投诉类型")
        if code in boosts and boosts[code] > 0:
            why.insert(0, "按你对补充问题的回答")
        if signals.vague and code == shown[0]:
            why.insert(
                0,
                UNCERTAIN_SIMILAR
                if signals.text.strip()
                else UNCERTAIN_REASON.format(state=_state_words(facts)),
            )
        result.append(
            TypeScore(
                code=code,
                name=book.types[code].name,
                score=round(probs[code], 3),
                reasons=list(dict.fromkeys(why))[:MAX_REASONS],
            )
        )
    return result


FACT_LIFT = 0.4
STRONG = 3.5  # a feature weight that is explicit evidence for a type on its own
_HAN = re.compile(r"[\u4e00-\u9fff]")  # only Chinese n-grams read as words in a reason
_FACT_WORDS = {
    "unshipped": "订单还未发货",
    "past_ship_by": "已超过发货时限",
    "shipped_late": "发货晚于承诺时间",
    "in_transit": "包裹已发出但未签收",
    "within_7d": "签收未满七天",
    "after_7d": "签收已超过七天",
    "refunding": "订单正在退款/售后中",
    "is_food": "商品是食品",
}


def _learned_reasons(
    learned: model.LinearModel,
    inputs: dict[str, float],
    code: str,
    signals: Signals,
    rule_reasons: list[tuple[float, str]],
    categories: list[str],
) -> list[str]:
    """The strongest true facts behind `code`: matched features with the shopper's words, the
    order facts, the item category and the words the model weighs most."""
    from .categories import category_names

    features = {f.code: f for f in rulebook().features}
    names = category_names()
    out: list[str] = []
    words: list[str] = []
    rule_texts = [text for _, text in sorted(rule_reasons, key=lambda r: -r[0])]
    # What the shopper chose themselves (a symptom chip) is always a true reason for the types
    # it speaks for, whatever the model weighs.
    out.extend(text for text in rule_texts if text.startswith(CHOSEN_PREFIX))
    # Strong explicit evidence written for this type (a refused warranty repair, a serial the
    # brand does not know) is the first thing the shopper should read, whatever else the model weighs.
    strong = sorted(
        (f for f in signals.features if features.get(f) and features[f].weights.get(code, 0) >= STRONG),
        key=lambda f: -features[f].weights[code],
    )
    out.extend(features[f].reason.format(hit=signals.features[f]) for f in strong[:1])
    for name, lift in learned.explain(inputs, code)[:12]:
        kind, _, key = name.partition(":")
        if kind in ("x", "cat") and lift < FACT_LIFT:
            continue  # a true fact that barely moved this type is no reason for it
        # A feature's reason text describes the types it was written for: shown only for those.
        if (
            kind == "f"
            and key in signals.features
            and features.get(key)
            and features[key].weights.get(code, 0) >= 1
        ):
            out.append(features[key].reason.format(hit=signals.features[key]))
        elif kind in ("rs", "r1") and key == code and rule_texts:
            out.append(rule_texts[0])
        elif kind == "x" and key in _FACT_WORDS:
            out.append(f"订单情况：{_FACT_WORDS[key]}")
        elif kind == "cat" and key in names:
            out.append(f"商品类别：{names[key]}")
        elif (
            kind == "g"
            and len(key) >= 2
            and _HAN.search(key)
            and len(words) < 2
            and not any(key in w or w in key for w in words)
        ):
            words.append(key)
    if words:
        out.append("你的描述中有" + "".join(f"“{w}”" for w in words) + "，与这类投诉的说法相符")
    return out[: MAX_REASONS + 1] or rule_texts[:MAX_REASONS]


UNCERTAIN_SIMILAR = "不确定：描述中没有识别出明确的问题，这是按相似案例和订单状态推测的，请补充说明"
UNCERTAIN_REASON = "不确定：描述中没有识别出具体问题，只是按订单状态（{state}）推测的最常见类型，请补充说明"


def _fallback(facts: OrderFacts) -> str:
    if facts.status == "awaiting_shipment":
        return "late_shipment"
    if "in_transit" in facts.flags:
        return "not_received"
    if facts.status == "refunding":
        return "seven_day_return_refused" if "within_7d" in facts.flags else "after_sales_refused"
    return "quality_defect"


def _state_words(facts: OrderFacts) -> str:
    if facts.status == "awaiting_shipment":
        return "还未发货"
    if "in_transit" in facts.flags:
        return "已发货、未签收"
    if facts.status == "refunding":
        return "退款/售后中"
    if "signed" in facts.flags:
        return "已签收"
    return "订单状态不明"


def _clip(text: str, size: int = 16) -> str:
    return text if len(text) <= size else text[:size] + "…"


class _Defaults(dict[str, str]):
    """format_map source that leaves an unknown placeholder visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "?"


def _with_flags(facts: OrderFacts, flags: set[str]) -> OrderFacts:
    from dataclasses import replace

    return replace(facts, flags=frozenset(flags))
