"""Warnings (Advice.warnings): the malicious/unreasonable signals, from data (signals.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tousu.models.advice import AdviceWarning, Finding

from . import negation
from .facts import OrderFacts
from .ranking import Signals
from .rulefiles import rule_files
from .settings import AdviceSettings
from .text import bounded, normalise


@dataclass(frozen=True)
class WarningRule:
    code: str
    message: str
    message_en: str
    types: frozenset[str]
    status: frozenset[str]
    facts: tuple[str, ...]
    any_of: frozenset[str]
    none_of: frozenset[str]
    text: re.Pattern[str] | None
    check: str | None


@cache
def _rules() -> tuple[WarningRule, ...]:
    data = rule_files().raw["signals"]
    return tuple(
        WarningRule(
            code=w["code"],
            message=w["message"],
            message_en=w["message_en"],
            types=frozenset(w.get("types", [])),
            status=frozenset(w.get("status", [])),
            facts=tuple(w.get("facts", [])),
            any_of=frozenset(w.get("any", [])),
            none_of=frozenset(w.get("none", [])),
            text=re.compile("|".join(f"(?:{bounded(p)})" for p in w["text"])) if "text" in w else None,
            check=w.get("check"),
        )
        for w in data["warning"]
    )


ASKS_TRIPLE = re.compile(r"退一赔三|假一赔三|(三|3)倍")
ASKS_TENFOLD = re.compile(r"退一赔十|(十|10)倍")


def asked_punitive(text: str) -> set[str]:
    # "我不要求退一赔三" / "倒不是要十倍" is not a demand: denied mentions do not count.
    norm = normalise(text)
    asked = set()
    if negation.first_affirmed(ASKS_TRIPLE, norm):
        asked.add("fraud_triple")
    if negation.first_affirmed(ASKS_TENFOLD, norm):
        asked.add("food_tenfold")
    return asked


def warnings_for(
    type_code: str,
    text: str,
    signals: Signals,
    facts: OrderFacts,
    settings: AdviceSettings,
    findings: list[Finding],
    refused_punitive: list[tuple[str, str, str]],
    punitive_offered: bool,
) -> list[AdviceWarning]:
    norm = normalise(text)
    present = set(signals.features)
    out: list[AdviceWarning] = []
    for rule in _rules():
        if rule.types and type_code not in rule.types:
            continue
        if rule.status and facts.status not in rule.status:
            continue
        if any(f not in facts.flags for f in rule.facts):
            continue
        if rule.any_of and not rule.any_of & present:
            continue
        if rule.none_of & present:
            continue
        if rule.text is not None and not negation.first_affirmed(rule.text, norm):
            continue
        message, message_en = rule.message, rule.message_en
        if rule.check == "quantity_over":
            if facts.max_quantity <= settings.household_quantity:
                continue
            message = message.format(quantity=facts.max_quantity)
            message_en = message_en.format(quantity=facts.max_quantity)
        elif rule.check == "punitive_unsupported":
            if not refused_punitive:
                continue
            message = message.format(why_not="".join(why for _, why, _ in refused_punitive))
            message_en = message_en.format(why_not=" ".join(en for _, _, en in refused_punitive))
        elif rule.check == "threat_for_money":
            if not any(f.code == "threat" and f.severity == "error" for f in findings):
                continue
        elif rule.check == "punitive_offered" and not punitive_offered:
            continue
        if rule.check == "vague_problem" and not signals.vague:
            continue
        out.append(AdviceWarning(code=rule.code, message=message, message_en=message_en))
    return out
