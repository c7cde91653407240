"""The linter's learned scorer: per finding code, a character 1-3-gram logistic regression over one
clause at a time, for the wordings no lexicon lists (an insult or a threat in words nobody wrote
down). Weights are data (lint_model.json, written by scripts/train_lint.py); scoring is pure Python.

A clause is the text between two separators (，。！？；… and English sentence ends). Text inside
quotation marks is someone else's words: it is blanked before scoring and its separators do not
split, so a seller's quoted abuse is never the shopper's.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("lint_model.json")
QUOTED = "□"  # stands for a quoted passage in the text the scorer reads

_QUOTES = {"'": "'", "‘": "’", "“": "”", "「": "」", '"': '"', "『": "』"}
_SEPARATOR = re.compile(r"[，,。！!？?；;：:\n…~～]+|(?<=[a-z])\.(?=\s|$)|\s[-—]+\s")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_QUOTED_RUN = re.compile(QUOTED + "+")
# A clause needs some words: a lone number or a bracket says nothing the scorer could judge.
_WORDY = re.compile(r"[\u4e00-\u9fff]|[a-z]{2,}")
# Nor does a bare address ("卖家，", "Hi,"): too few words for a score to mean anything, and the
# short insults ("垃圾！") are the lexicon's. Counted as CJK characters plus English words.
MIN_WORDS = 3
_WORD = re.compile(r"[\u4e00-\u9fff]|[a-z]+")


def _in_word(text: str, index: int) -> bool:
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


def mask_quotes(norm: str) -> str:
    """`norm` with the inside of every closed quotation replaced by QUOTED (same length)."""
    chars = list(norm)
    index = 0
    while index < len(chars):
        close = _QUOTES.get(chars[index])
        if close == "'" and _in_word(norm, index):
            close = None  # "i'll", "don't": an apostrophe inside a word opens no quotation
        end = norm.find(close, index + 1) if close else -1
        if end > index + 1:
            chars[index + 1 : end] = QUOTED * (end - index - 1)
            index = end
        index += 1
    return "".join(chars)


def clauses(masked: str) -> list[tuple[int, int]]:
    """Offsets of the clauses of an already quote-masked text, stripped of surrounding blanks."""
    found = []
    start = 0
    for match in [*_SEPARATOR.finditer(masked), None]:
        end = match.start() if match else len(masked)
        piece = masked[start:end]
        lead = len(piece) - len(piece.lstrip())
        tail = len(piece.rstrip())
        if tail > lead and _WORDY.search(piece):
            found.append((start + lead, start + tail))
        if match:
            start = match.end()
    return found


def grams(clause: str) -> set[str]:
    """The 1-3-grams of a clause; digits are one symbol (numbers say nothing about tone)."""
    text = _QUOTED_RUN.sub(QUOTED, _SPACES.sub(" ", _DIGIT.sub("0", clause.strip())))
    text = f"^{text}$"
    return {text[i : i + n] for n in (1, 2, 3) for i in range(len(text) - n + 1)}


@dataclass(frozen=True)
class CodeModel:
    bias: float
    threshold: float  # a probability: calibrated on held-back folds so clean drafts stay unflagged
    weights: dict[str, float]

    def probability(self, clause: str) -> float:
        return self.of_grams(grams(clause))

    def of_grams(self, found: set[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(g, 0.0) for g in found)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


@cache
def models() -> dict[str, CodeModel]:
    """The shipped per-code models (an absent file means no learned findings)."""
    if not WEIGHTS.exists():
        return {}
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {
        code: CodeModel(float(part["bias"]), float(part["threshold"]), dict(part["weights"]))
        for code, part in data["codes"].items()
    }


def flagged_clauses(norm: str) -> list[tuple[str, int, int, float]]:
    """(code, start, end, probability) for every clause a model scores at or above its threshold."""
    learned = models()
    if not learned:
        return []
    masked = mask_quotes(norm)
    found = []
    for start, end in clauses(masked):
        if len(_WORD.findall(masked[start:end])) < MIN_WORDS:
            continue
        found_grams = grams(masked[start:end])
        for code, model in learned.items():
            probability = model.of_grams(found_grams)
            if probability >= model.threshold:
                found.append((code, start, end, probability))
    return found
