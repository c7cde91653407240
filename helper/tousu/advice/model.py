"""The learned part of the ranking: a multinomial logistic regression over the canonical text's
character n-grams, the rule features that matched, the order facts, the item categories and the
rule scores. Trained at build time by scripts/train_advice.py on labelled development data; the
weights ship as ranking_model.json (learned data, pruned and rounded). Inference is a sparse dot
product in pure Python. `explain()` returns the inputs that pushed a type up, so the reasons the
shopper reads are the model's real evidence.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from . import negation

WEIGHTS = Path(__file__).with_name("ranking_model.json")
SCALE = 1000  # weights are stored as integers: value * SCALE
_SPLIT = re.compile(r"[\s,，。.！!？?、；;：:“”\"'（）()\[\]【】~～…\-—/]+")
# (n, weight) of the character n-grams: what the shipped weights were trained on.
GRAM_SIZES = ((1, 0.5), (2, 1.0), (3, 1.0))


class WeightFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    classes: list[str] = Field(min_length=2)
    bias: list[int]
    # Row-major: the weights of keys[i] are values[i * len(classes) : (i + 1) * len(classes)]
    # (flat, so the file parses and validates in a few milliseconds at start-up).
    keys: list[str]
    values: list[int]
    trained_on: dict[str, int]
    # How much the hand-written rule scores (scaled to the best one) add to the logits; chosen
    # by the writer-to-writer figures (scripts/eval_advice.py --cross), not fitted.
    rule_weight: float = Field(default=0.0, ge=0.0, le=10.0)


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    rule_weight: float = 0.0

    def logits(self, inputs: dict[str, float]) -> dict[str, float]:
        out = list(self.bias)
        weights = self.weights
        for name, value in inputs.items():
            row = weights.get(name)
            if row is None:
                continue
            # The same additions in the same order as a per-class loop, without its indexing.
            out = [o + w * value for o, w in zip(out, row, strict=True)]
        return dict(zip(self.classes, out, strict=True))

    @cached_property
    def row_means(self) -> dict[str, float]:
        # Each row's mean, computed as explain() did per call (the same floats), once per model.
        return {name: sum(row) / len(row) for name, row in self.weights.items()}

    def explain(self, inputs: dict[str, float], code: str) -> list[tuple[str, float]]:
        """The inputs pushing `code` up, strongest first (contribution above the class mean)."""
        i = self.classes.index(code)
        out = []
        means = self.row_means
        for name, value in inputs.items():
            row = self.weights.get(name)
            if row is None:
                continue
            lift = (row[i] - means[name]) * value
            if lift > 0:
                out.append((name, lift))
        return sorted(out, key=lambda p: -p[1])


def from_file(data: WeightFile) -> LinearModel:
    width = len(data.classes)
    if len(data.bias) != width or len(data.values) != width * len(data.keys):
        raise ValueError("weight file: bias/values do not match classes x keys")
    scaled = [v / SCALE for v in data.values]
    return LinearModel(
        classes=tuple(data.classes),
        bias=tuple(b / SCALE for b in data.bias),
        weights={k: tuple(scaled[i * width : (i + 1) * width]) for i, k in enumerate(data.keys)},
        rule_weight=data.rule_weight,
    )


_override: LinearModel | None = None
_off = False


@cache
def _shipped() -> LinearModel | None:
    if not WEIGHTS.exists():
        return None
    return from_file(WeightFile.model_validate(json.loads(WEIGHTS.read_text(encoding="utf-8"))))


def active() -> LinearModel | None:
    """The model in use: the shipped weights, or weights an evaluation installed with `use()`."""
    if _off:
        return None
    return _override if _override is not None else _shipped()


def use(model: LinearModel | None, *, off: bool = False) -> None:
    """Install other weights (writer-to-writer evaluation); None returns to the shipped ones;
    off=True ranks with the hand-written rules alone (the baseline)."""
    global _override, _off
    _override, _off = model, off


# "另外 / 此外 / 顺便 / btw" opens a side matter: what follows counts less than the main story.
_ASIDE = re.compile(r"另外|此外|顺便(说|提)?一?(下|句)?|还有(就是|一点|一件事)|btw|by the way")
ASIDE_WEIGHT = 0.6


# Discourse scope. What a shopper concedes ("快递慢就算了", "价格倒无所谓") or denies in a
# contrast ("不是物流压的，是…", "不是少，是碎了") is not the complaint: the whole clause is read
# as negated (n: grams, which the model learns apart and never shows as a reason). What a focus
# marker introduces ("重点是", "最气的是", "而是…") is the complaint: its grams weigh FOCUS_WEIGHT.
_CLAUSE = re.compile(r"[^，,。！!？?；;\n]+[，,。！!？?；;\n]*")
_FOCUS = re.compile(
    r"(重点是|主要是|关键是|问题是|最气的是|最离谱的是|最过分的是|最重要的是|真正的问题是|"
    r"the (real )?(problem|issue|point) is)"
)
FOCUS_WEIGHT = 1.5


def _clauses(text: str) -> list[tuple[str, float, bool]]:
    """(clause, weight, negated) in order: the discourse scope of each clause."""
    parts = [m.group(0) for m in _CLAUSE.finditer(text)] or [text]
    out: list[tuple[str, float, bool]] = []
    focus_left = 0
    for i, part in enumerate(parts):
        body = part.strip()
        weight, negated = 1.0, False
        nxt = parts[i + 1].strip() if i + 1 < len(parts) else ""
        scope = negation.clause_scope(body, nxt)
        if scope:
            negated = True
        if scope == "contrast":
            focus_left = max(focus_left, 2)  # "不是A，是B": B is the complaint
        marker = _FOCUS.search(body)
        if marker:
            # The marker's own clause (from the marker on) and the one after it are the focus.
            out.append((body[: marker.start()], weight, negated))
            body, negated, focus_left = body[marker.end() :], False, 2
        if focus_left and not negated:
            weight = FOCUS_WEIGHT
        focus_left = max(0, focus_left - 1)
        out.append((body, weight, negated))
    return out


def grams(text: str) -> dict[str, float]:
    """Character 1-3 grams of canonical text; grams right after a negation cue get their own
    names (n:), so "没有破损" does not read as 破损; so do the grams of a conceded or contrasted-
    away clause; grams of a focus clause weigh FOCUS_WEIGHT, of an aside ASIDE_WEIGHT."""
    out: dict[str, float] = {}
    aside = _ASIDE.search(text)
    main, side = (text[: aside.start()], text[aside.end() :]) if aside else (text, "")
    for chunk, scale in ((main, 1.0), (side, ASIDE_WEIGHT)):
        for clause, weight, negated in _clauses(chunk):
            _add_grams(out, clause, scale * weight, negated)
    # Sub-linear counts: a word said five times is not five times the evidence.
    return {k: 1.0 + math.log(v) if v >= 1 else v for k, v in out.items()}


def _add_grams(out: dict[str, float], text: str, scale: float, negated: bool = False) -> None:
    for part in _SPLIT.split(text):
        if not part:
            continue
        mask = [True] * len(part) if negated else negation.gram_mask(part)
        for size, weight in GRAM_SIZES:
            for i in range(len(part) - size + 1):
                gram = part[i : i + size]
                prefix = "n:" if size > 1 and all(mask[i : i + size]) else "g:"
                key = prefix + gram
                out[key] = out.get(key, 0.0) + weight * scale


def inputs(
    text: str,
    features: Iterable[str],
    flags: Iterable[str],
    status: str,
    categories: Iterable[str],
    rule_scores: dict[str, float],
    wanted: str | None,
    dispute: Iterable[str] = (),
) -> dict[str, float]:
    """Everything the model reads, by name (the names are the weight file's keys). `dispute` are
    the structured dispute facts (facts.DisputeFacts.names: goods, seller, their pairs)."""
    out = grams(text)
    for code in features:
        out["f:" + code] = 1.0
    for name in dispute:
        out["d:" + name] = 1.0
    for flag in flags:
        out["x:" + flag] = 1.0
    out["st:" + status] = 1.0
    for code in categories:
        out["cat:" + code] = 1.0
    if wanted:
        out["w:" + wanted] = 1.0
    top = max(rule_scores.values(), default=0.0)
    if top > 0:
        for code, score in rule_scores.items():
            if score > 0:
                out["rs:" + code] = score / max(top, 1.0)
        best = max(rule_scores, key=lambda c: rule_scores[c])
        out["r1:" + best] = 1.0
    if not text.strip():
        out["empty"] = 1.0
    return out


def softmax(logits: dict[str, float]) -> dict[str, float]:
    top = max(logits.values())
    exp = {k: math.exp(v - top) for k, v in logits.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}
