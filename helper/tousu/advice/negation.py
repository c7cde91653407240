"""Whether a mention is denied: the one negation reader of the advice engine.

A hit of a rule feature or dispute fact (ranking.py), a warning's text pattern or a punitive
demand (signals.py) and the model's n-grams (model.py) are all read through here, so "没有破损",
"破损倒是没有", "倒不是少，而是碎了", "不存在质量问题", "包装也没破" and "nothing missing" are
denials everywhere at once. Four ways a mention is denied (data: lexicon.toml [negation] for the
backward cues, negation.toml for the rest):

  before  a cue ends the few characters before the hit ("没有破损")
  after   the hit's own clause then denies it ("破损倒是没有", "质量没问题")
  inside  the hit spans "subject ... fault" with a denial in between ("包装也没破")
  scope   the hit starts inside a denied stretch: a contrast ("不是X，是Y"), "不存在X",
          "没被X", an English "not X", or a conceded clause ("快递慢就算了")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .alternation import Finder
from .rulefiles import rule_files

_CLAUSE = re.compile(r"[^，,。！!？?；;\n]+[，,。！!？?；;\n]*")
_BREAK = re.compile(r"[，,。！!？?；;\n]")


@dataclass(frozen=True)
class NegationRules:
    before: re.Pattern[str]  # matches at the END of the window before a hit
    before_window: int
    after: re.Pattern[str]  # matches at the start of the text right after a hit
    after_window: int
    inside: re.Pattern[str]
    rhetorical_after: re.Pattern[str]
    rhetorical_before: re.Pattern[str]
    scopes: tuple[re.Pattern[str], ...]
    conceded: re.Pattern[str]
    contrast_not: re.Pattern[str]
    contrast_but: re.Pattern[str]
    english: re.Pattern[str]
    gram_cues: re.Pattern[str]
    gram_span: int


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@cache
def rules() -> NegationRules:
    raw = rule_files().raw
    lexicon, data = raw["lexicon"]["negation"], raw["negation"]
    scopes = tuple(re.compile(p) for p in data["scope"]["patterns"])
    for pattern in scopes:
        if "neg" not in pattern.groupindex:
            raise ValueError(f"negation.toml: scope pattern without a (?P<neg>...) group: {pattern.pattern}")
    clause = data["clause"]
    return NegationRules(
        before=re.compile(f"(?:{_alternation(lexicon['cues'])})$"),
        before_window=int(lexicon["window"]),
        after=re.compile(_alternation(data["after"]["cues"])),
        after_window=int(data["after"]["window"]),
        inside=re.compile(_alternation(data["inside"]["cues"])),
        rhetorical_after=re.compile(_alternation(data["rhetorical"]["after"])),
        rhetorical_before=re.compile(_alternation(data["rhetorical"]["before"])),
        scopes=scopes,
        conceded=re.compile(clause["conceded"]),
        contrast_not=re.compile(clause["contrast_not"]),
        contrast_but=re.compile(clause["contrast_but"]),
        english=re.compile(clause["english"]),
        gram_cues=re.compile("|".join(re.escape(c) for c in data["grams"]["cues"])),
        gram_span=int(data["grams"]["span"]),
    )


def clause_scope(body: str, following: str) -> str | None:
    """Why a whole clause is not the complaint, if it is not: "conceded" ("快递慢就算了"),
    "contrast" ("不是物流压的" when the next clause says what it is: "是本身就有裂缝"), or
    "english" ("nothing broken")."""
    r = rules()
    if r.conceded.search(body):
        return "conceded"
    if r.contrast_not.search(body) and r.contrast_but.search(following):
        return "contrast"
    if body.startswith(("nothing", "no ", "not ")) or r.english.match(body) is not None:
        return "english"
    return None


@lru_cache(maxsize=256)
def denied_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) stretches of `text` the shopper denies or concedes."""
    r = rules()
    spans: list[tuple[int, int]] = []
    for pattern in r.scopes:
        for match in pattern.finditer(text):
            spans.append(match.span("neg"))
    clauses = list(_CLAUSE.finditer(text))
    for i, match in enumerate(clauses):
        following = clauses[i + 1].group(0).strip() if i + 1 < len(clauses) else ""
        if clause_scope(match.group(0).strip(), following):
            spans.append(match.span())
    return tuple(sorted(spans))


def negated(text: str, start: int, end: int) -> bool:
    """Whether the mention text[start:end] is denied (see the module docstring)."""
    r = rules()
    stop = _BREAK.search(text, end)
    after = text[end : stop.end() if stop else len(text)]
    if r.rhetorical_after.match(after) or r.rhetorical_before.search(text, max(0, start - 8), start):
        return False  # "这不是假货是什么": a question that asserts the mention
    before = text[max(0, start - r.before_window) : start]
    if before and r.before.search(before):
        return True
    # After: within the hit's own clause ("破损倒是没有,"); the clause end is the pattern's `$`.
    if any(r.after.match(after, i) for i in range(min(r.after_window, len(after)) + 1)):
        return True
    # Inside: a denial after the hit's first character (the subject) with more of the hit after
    # it ("包装也没破"); one that ends the hit ("连泡沫都没") is the pattern's own wording.
    if any(m.end() < end for m in r.inside.finditer(text, start + 1, end)):
        return True
    return any(s <= start < e for s, e in denied_spans(text))


def first_affirmed(pattern: Finder, text: str) -> re.Match[str] | None:
    """The first hit of `pattern` in `text` that is not denied."""
    for match in pattern.finditer(text):
        if not negated(text, match.start(), match.end()):
            return match
    return None


def gram_mask(part: str) -> list[bool]:
    """Per character of `part` (one clause piece): whether it falls in the span after a gram cue
    (the model's n: grams)."""
    r = rules()
    mask = [False] * len(part)
    for m in r.gram_cues.finditer(part):
        for j in range(m.end(), min(len(part), m.end() + r.gram_span)):
            mask[j] = True
    return mask
