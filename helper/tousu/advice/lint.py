"""The linter: findings with spans, severity and a suggested rewrite, for any shopper text.

Patterns are data (rules/lint.toml); this module adds the tests a pattern cannot do alone:
ID-number and bank-card checksums, comparing a demanded amount with what the law allows for the
price paid, and whether a threat is tied to money.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from tousu.models.advice import Finding

from .facts import FOOD_RE
from .rules import rulebook
from .text import bounded, normalise

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_MONEY_NEAR = re.compile(r"赔|钱|红包|补偿|返现|退款|元|块|¥|￥|现金|转账")
_NOT_CARD_CONTEXT = re.compile(r"(订单|单号|快递|物流|运单|编号|序列号|串号|sn|imei|条码|批号)")
_CARD_CONTEXT = re.compile(r"(卡号|银行|账号|账户|转账|打款|开户|信用卡|储蓄卡)")
_FOOD_WORDS = re.compile(r"吃|喝|食用|食品|饮料|零食")


@dataclass(frozen=True)
class LintRule:
    code: str
    severity: str
    message: str
    suggestion: str
    replacement: str
    check: str | None
    pattern: re.Pattern[str]
    lead_words: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class VagueRule:
    raw: dict[str, Any]
    when: re.Pattern[str]
    vague: re.Pattern[str]
    generic: frozenset[str]


@cache
def _rules() -> tuple[tuple[LintRule, ...], VagueRule]:
    data = tomllib.loads((Path(__file__).with_name("rules") / "lint.toml").read_text(encoding="utf-8"))
    rules = tuple(
        LintRule(
            code=r["code"],
            severity=r["severity"],
            message=r["message"],
            suggestion=r["suggestion"],
            replacement=r.get("replacement", ""),
            check=r.get("check"),
            pattern=re.compile("|".join(f"(?:{bounded(p)})" for p in r["patterns"])),
            lead_words=tuple(r.get("lead_words", ())),
            extra=dict(r.get("extra", {})),
        )
        for r in data["rule"]
    )
    vague = data["vague"]
    return rules, VagueRule(
        raw=vague,
        when=re.compile("|".join(f"(?:{bounded(p)})" for p in vague["when_patterns"])),
        vague=re.compile("|".join(f"(?:{bounded(p)})" for p in vague["vague_patterns"])),
        generic=frozenset(vague["generic_features"]),
    )


def chinese_number(text: str) -> Decimal | None:
    """A number written as digits, Chinese numerals or a mix ("1万", "两千", "5k", "三百五")."""
    text = text.strip().lower().replace(" ", "")
    scale = Decimal(1)
    if text and text[-1] in "kw万千":
        scale = {"k": Decimal(1000), "千": Decimal(1000), "w": Decimal(10000), "万": Decimal(10000)}[text[-1]]
        text = text[:-1]
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return Decimal(text) * scale
    total, section, digit = 0, 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        elif char.isdigit():
            digit = int(char)
        else:
            return None
    return Decimal(total + section + (digit or 0)) * scale


def _id_number_ok(value: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(value[:17], weights, strict=True))
    if "10X98765432"[total % 11] != value[17].upper():
        return False
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return 1900 <= int(value[6:10]) <= 2100


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char)
        if index % 2:
            number = number * 2 - 9 if number > 4 else number * 2
        total += number
    return total % 10 == 0


@dataclass(frozen=True)
class Context:
    paid: Decimal | None
    food: bool


def _statutory_ceiling(context: Context) -> Decimal | None:
    """The most a shopper can lawfully ask on top of the refund: the punitive amount for the price."""
    if context.paid is None:
        return None
    if context.food:
        return context.paid + max(context.paid * 10, Decimal(1000))
    return context.paid + max(context.paid * 3, Decimal(500))


def _multiple(match: re.Match[str]) -> Decimal | None:
    for group in ("n", "n2", "n3"):
        value = match.groupdict().get(group)
        if value:
            return chinese_number(value)
    return Decimal(2)  # 双倍 / 翻倍


def _check(rule: LintRule, match: re.Match[str], text: str, context: Context) -> tuple[bool, str | None, str]:
    """Whether the match stands, and any message override / severity override."""
    start, end = match.span()
    if rule.check is None:
        return True, None, rule.severity
    if rule.check == "id_number":
        return _id_number_ok(match.group()), None, rule.severity
    if rule.check == "bank_card":
        digits = re.sub(r"[ -]", "", match.group())
        before = text[max(0, start - 12) : start]
        if not _luhn_ok(digits) or _NOT_CARD_CONTEXT.search(before):
            return False, None, rule.severity
        return bool(_CARD_CONTEXT.search(before) or digits.startswith("62")), None, rule.severity
    if rule.check == "threat":
        near = text[max(0, start - 20) : end + 20]
        # A threat tied to money is the extortion pattern of reference §6: the strongest finding.
        return True, None, "error" if _MONEY_NEAR.search(near) else rule.severity
    if rule.check == "money_demand":
        amount = chinese_number(
            (match.group("amount") or "")
            + (match.group("unit") if match.group("unit") in ("万", "千", "w", "k") else "")
        )
        ceiling = _statutory_ceiling(context)
        if amount is None or ceiling is None or amount <= ceiling:
            return False, None, rule.severity
        basis = "十倍（食品安全法第一百四十八条）" if context.food else "退一赔三（消法第五十五条）"
        return (
            True,
            (
                f"要求的{amount.normalize():f}元超过了按实付{context.paid}元计算的最高法定赔偿"
                f"（{basis}，含退款共{ceiling}元）。"
            ),
            rule.severity,
        )
    if rule.check == "multiple":
        times = _multiple(match)
        if times == 3:
            return False, None, rule.severity
        if times == 10 and context.food:
            return False, None, rule.severity
        if times == 10:
            return True, rule.extra["not_food"], rule.severity
        return True, None, rule.severity
    return True, None, rule.severity


def _vague(text: str, norm: str) -> list[Finding]:
    _, vague = _rules()
    raw = vague.raw
    present = {f.code for f in rulebook().features if f.pattern.search(norm)}
    concrete = bool(present - vague.generic)
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    findings = []
    if not concrete and (cjk < 30 or vague.vague.search(norm)):
        findings.append(
            Finding(
                code="vague",
                start=0,
                end=len(text),
                severity=raw["severity_what"],
                message=raw["message_what"],
                suggestion=raw["suggestion_what"],
            )
        )
    if len(text.strip()) >= raw["min_chars_when"] and not vague.when.search(norm):
        findings.append(
            Finding(
                code="vague",
                start=0,
                end=len(text),
                severity=raw["severity_when"],
                message=raw["message_when"],
                suggestion=raw["suggestion_when"],
            )
        )
    return findings


# More findings than this help nobody read a text, and checking each new span against the ones
# already taken is linear, so an absurd input (10 000 insults) would make the linter quadratic.
MAX_FINDINGS = 200


def lint_spans(
    text: str, *, paid: Decimal | str | None = None, food: bool | None = None
) -> list[tuple[Finding, str]]:
    """Findings with the replacement the draft cleaner should use for each span."""
    if not text.strip():
        return []
    norm = normalise(text)
    if food is None:
        food = bool(FOOD_RE.search(norm) or _FOOD_WORDS.search(norm))
    context = Context(paid=Decimal(paid) if paid is not None else None, food=food)
    rules, _ = _rules()
    found: list[tuple[Finding, str]] = []
    taken: list[tuple[int, int, str]] = []
    for rule in rules:
        for match in rule.pattern.finditer(norm):
            if len(found) >= MAX_FINDINGS:
                break
            start, end = match.span()
            if start == end or any(s < end and start < e and c == rule.code for s, e, c in taken):
                continue
            ok, message, severity = _check(rule, match, norm, context)
            if not ok:
                continue
            if rule.lead_words:
                # A road name has no fixed start; drop the verbs and labels that run into it.
                text_here = norm[start:end]
                lead = next((w for w in rule.lead_words if text_here.startswith(w)), "")
                start += len(lead)
            taken.append((start, end, rule.code))
            found.append(
                (
                    Finding(
                        code=rule.code,
                        start=start,
                        end=end,
                        severity=severity,
                        message=message or rule.message,
                        suggestion=rule.suggestion,
                    ),
                    rule.replacement,
                )
            )
    found.extend((finding, "") for finding in _vague(text, norm))
    found.sort(key=lambda pair: (pair[0].start, pair[0].end))
    return found


def lint(text: str, *, paid: Decimal | str | None = None, food: bool | None = None) -> list[Finding]:
    """Findings for a shopper's text. `paid` (price paid) and `food` let amounts be judged."""
    return [finding for finding, _ in lint_spans(text, paid=paid, food=food)]
