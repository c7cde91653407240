"""Item categories from the titles and the text: food, fresh produce, virtual goods, second-hand,
custom-made, durable goods. The ranking reads them (a swelling power bank is not food_safety) and
the advice reports them so the shopper sees which rules were applied."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .normalise import canonical

DATA = Path(__file__).with_name("categories.toml")


class CategoryRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z_]+$")
    name: str
    source: str
    patterns: list[str] = Field(min_length=1)
    # A hit followed by this is another kind of goods ("咖啡" in 咖啡机 names a machine).
    not_followed_by: str | None = None


class LineNames(BaseModel):
    """How a shopper names a line by its head noun ("枣子" for 新疆灰枣)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    suffixes: list[str] = Field(min_length=1)
    not_heads: list[str]


class CategoryFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: list[CategoryRule]
    line_names: LineNames


@dataclass(frozen=True)
class Found:
    code: str
    name: str
    words: tuple[str, ...]
    from_title: bool


@cache
def _file() -> CategoryFile:
    with DATA.open("rb") as handle:
        return CategoryFile.model_validate(tomllib.load(handle))


def head_names(run: str) -> set[str]:
    """The shopper's names for a title word by its head noun: 灰枣 -> 枣子, 绿茶 -> 茶叶."""
    names = _file().line_names
    head = run[-1:]
    if not head or head in names.not_heads:
        return set()
    return {head + suffix for suffix in names.suffixes}


@cache
def _rules() -> tuple[tuple[CategoryRule, re.Pattern[str]], ...]:
    out = []
    for rule in _file().category:
        pattern = "|".join(f"(?:{p})" for p in rule.patterns)
        if rule.not_followed_by:
            pattern = f"(?:{pattern})(?!{rule.not_followed_by})"
        out.append((rule, re.compile(pattern)))
    return tuple(out)


def category_names() -> dict[str, str]:
    return {rule.code: rule.name for rule, _ in _rules()}


def categories_for(titles: list[str], text: str) -> list[Found]:
    """Every category shown by the titles (first) or the text, in the order of categories.toml.
    The title decides when it speaks: a title naming a power bank is not food however the text
    reads; the text only adds categories when no title matched any."""
    title = canonical(" ".join(titles))
    body = canonical(text)
    found: list[Found] = []
    for rule, pattern in _rules():
        hits = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(title)))
        if hits:
            found.append(Found(rule.code, rule.name, hits[:3], True))
    if any(f.from_title for f in found):
        return found
    for rule, pattern in _rules():
        hits = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(body)))
        if hits:
            found.append(Found(rule.code, rule.name, hits[:3], False))
    return found
