"""The evidence policy of fraud_triple, one for every case (rules/formulas.toml [fraud_proof]).

Deception is shown by a written finding: a document (an authentication report, the brand's or the
counter's written statement, an accredited test report, a brand after-sales record, the
platform's 鉴别) that concludes the goods are not genuine, not the material sold, or used goods
sold as new. Expired non-food goods are presumed fraud on their own (处罚办法 arts 5(2), 16). A
replica disclosed before the purchase never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .rulefiles import rule_files
from .schemas import FraudProofPolicy
from .text import normalise
from .variants import simplified


@dataclass(frozen=True)
class _Compiled:
    documents: re.Pattern[str]
    negations: tuple[re.Pattern[str], ...]
    after_negations: tuple[re.Pattern[str], ...]
    findings: re.Pattern[str]
    disclosed: re.Pattern[str]
    knew_before: re.Pattern[str]
    expired: re.Pattern[str]


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def policy() -> FraudProofPolicy:
    rule: FraudProofPolicy = rule_files()["formulas"].fraud_proof
    return rule


@cache
def _compiled() -> _Compiled:
    rule = policy()
    return _Compiled(
        documents=_any(rule.documents),
        negations=tuple(re.compile(p) for p in rule.negations),
        after_negations=tuple(re.compile(p) for p in rule.after_negations),
        findings=_any(rule.findings),
        disclosed=_any(rule.disclosed),
        knew_before=_any(rule.knew_before),
        expired=_any(rule.expired),
    )


def _has_document(text: str) -> bool:
    rules = _compiled()
    for match in rules.documents.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        after = text[match.end() : match.end() + 6]
        if any(n.search(before) for n in rules.negations) or any(
            n.search(after) for n in rules.after_negations
        ):
            continue  # "不肯出书面说明", "鉴定单也没有": no document
        return True
    return False


def disclosed_replica(text: str, titles: list[str]) -> bool:
    """The listing said it was not genuine, or the shopper knew before buying."""
    rules = _compiled()
    return any(rules.disclosed.search(normalise(t)) for t in titles) or bool(rules.knew_before.search(text))


def fraud_proven(text: str, titles: list[str], food: bool) -> bool:
    """Whether the text shows the written proof of deception the triple needs."""
    norm = simplified(normalise(text))  # 鑑定報告, 結論係仿冒品: the patterns are simplified
    if not norm or disclosed_replica(norm, titles):
        return False
    rules = _compiled()
    if not food and rules.expired.search(norm):
        return True
    return _has_document(norm) and bool(rules.findings.search(norm))
