"""Canonical text for ranking: one script, one width, one voice.

NFKC folds full-width forms; OpenCC (t2s) turns traditional characters into simplified ones; the
tables in normalise.toml map Cantonese, net slang, pinyin and English words to the Mandarin the
features and the model know. Before the word tables, the `frames` patterns take away the frame of
a form of writing that says nothing about the complaint (a 黑猫投诉 record's labels, a news report's
"消费者王女士反映" and the merchant's reply, a post's hashtags and greetings, the courier or shop named
in passing); after a reporting frame the shopper's 他/她 is read as 我. Offsets are not kept: the
linter works on the shopper's own text, this is only what the ranking reads.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import opencc
from pydantic import BaseModel, ConfigDict

DATA = Path(__file__).with_name("normalise.toml")


class Frames(BaseModel):
    """Regular expressions over the folded text: `drop` -> replacement (applied in order), and the
    reporting frames after which a third person is the shopper."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    drop: dict[str, str]
    reported: list[str]
    reported_person: str


class NormaliseTables(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    frames: Frames
    cantonese: dict[str, str]
    slang: dict[str, str]
    english: dict[str, str]
    pinyin: dict[str, str]


@cache
def tables() -> NormaliseTables:
    with DATA.open("rb") as handle:
        return NormaliseTables.model_validate(tomllib.load(handle))


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _word_pattern(words: dict[str, str]) -> re.Pattern[str] | None:
    if not words:
        return None
    keys = sorted(words, key=len, reverse=True)
    parts = []
    for key in keys:
        escaped = re.escape(key)
        # Latin words only as whole words: "le" must not fire inside "sale".
        if key.isascii():
            escaped = rf"(?<![a-z]){escaped}(?![a-z])"
        parts.append(escaped)
    return re.compile("|".join(parts))


@cache
def _replacements() -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    data = tables()
    # Multi-character words first inside each table (by the pattern's order); tables in this order
    # so that English phrases are read before their single words.
    out = []
    for table in (data.english, data.pinyin, data.slang, data.cantonese):
        pattern = _word_pattern(table)
        if pattern:
            out.append((pattern, table))
    return tuple(out)


@cache
def _frames() -> tuple[tuple[tuple[re.Pattern[str], str], ...], re.Pattern[str], re.Pattern[str]]:
    frames = tables().frames
    drops = tuple((re.compile(p, re.MULTILINE), r) for p, r in frames.drop.items())
    reported = re.compile("|".join(f"(?:{p})" for p in frames.reported))
    return drops, reported, re.compile(frames.reported_person)


def strip_frames(folded: str) -> str:
    """The folded text without the frames of its form; a reported shopper speaks as 我."""
    drops, reported, person = _frames()
    was_reported = bool(reported.search(folded))
    for pattern, replacement in drops:
        folded = pattern.sub(replacement, folded)
    if was_reported:
        folded = person.sub("我", folded)
    return folded


@lru_cache(maxsize=512)
def canonical(text: str) -> str:
    """The shopper's text as the ranking reads it (lower-case, simplified, Mandarin)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = strip_frames(_converter().convert(folded))
    for pattern, table in _replacements():
        folded = pattern.sub(functools.partial(_replace, table), folded)
    return folded


def _replace(table: dict[str, str], match: re.Match[str]) -> str:
    return table[match.group(0)]
