"""The linter: findings with spans, severity and a suggested rewrite, for any shopper text.

Patterns are data (rules/lint.toml); this module adds the tests a pattern cannot do alone:
ID-number and bank-card checksums, comparing a demanded amount with what the law allows for the
price paid, and whether a threat is tied to money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

import opencc

from tousu.models.advice import Finding

from . import lint_model
from .alternation import Alternation
from .amounts import read_sum
from .facts import FOOD_RE
from .formulas import statutory_ceiling
from .normalise import canonical
from .rulefiles import rule_files
from .rules import rulebook
from .text import bounded, normalise

_MONEY_NEAR = re.compile(r"赔|钱|红包|补偿|返现|退款|元|块|¥|￥|现金|转账")
_NOT_CARD_CONTEXT = re.compile(r"(订单|单号|快递|物流|运单|编号|序列号|串号|sn|imei|条码|批号)")
_CARD_CONTEXT = re.compile(
    r"(卡号|银行|账号|账户|转账|打款|开户|信用卡|储蓄卡|借记卡|行卡|农行|工行|建行|中行|招行|交行|邮储|农商行|打到|转到|退到)"
)
_FOOD_WORDS = re.compile(r"吃|喝|食用|食品|饮料|零食")
# Names of statutes are not food: "食品安全法" says nothing about the goods.
_STATUTE_NAMES = re.compile(r"食品安全法|食品药品|食品安全标准")
_DISCLAIMED = re.compile(
    r"(不|不会|并不|暂不|无意)(主张|要求|索要|追究)|了解.{0,8}需要|需要.{0,4}(鉴定|证明)|如(果)?(取得|有|拿到)"
)
_MEDICAL_PROOF = re.compile(r"就医|就诊|门诊|病历|医院|诊断|发票|票据|处方|住院")
_ID_CONTEXT = re.compile(r"身份证|证件")
# A written report or statement the shopper holds (the punitive ask may rest on it).
_WRITTEN = re.compile(r"(鉴定|检测|检验|鉴别)(报告|证书|结论|单|函)|书面|盖章|cma|cnas")
_ENGLISH_TIMES = {
    w: Decimal(n)
    for w, n in zip(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "hundred"),
        (2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 100),
        strict=True,
    )
}
# Where an address's place names begin to show (its first 省, 市, 区, 路…): the words before it
# may be the shopper's own ("我家地址", "请把配件寄到").
_PLACE_MARKER = re.compile(r"省|自治区|市|区|县|镇|乡|村|路|街|大道|巷|弄|胡同|小区")
_QUOTES = {"'": "'", "‘": "’", "“": "”", "「": "」", '"': '"'}


@dataclass(frozen=True)
class LintRule:
    code: str
    severity: str
    message: str
    suggestion: str
    replacement: str
    check: str | None
    pattern: Alternation
    lead_words: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    skip_quoted: bool = False


@dataclass(frozen=True)
class VagueRule:
    raw: dict[str, Any]
    concrete: re.Pattern[str]
    defect: re.Pattern[str]
    generic_item: re.Pattern[str]
    generic: frozenset[str]


@cache
def _rules() -> tuple[tuple[LintRule, ...], VagueRule]:
    data = rule_files().raw["lint"]
    rules = tuple(
        LintRule(
            code=r["code"],
            severity=r["severity"],
            message=r["message"],
            suggestion=r["suggestion"],
            replacement=r.get("replacement", ""),
            check=r.get("check"),
            pattern=Alternation([bounded(p) for p in r["patterns"]]),
            lead_words=tuple(r.get("lead_words", ())),
            extra={k: v for k, v in r.get("extra", {}).items() if v is not None},
            skip_quoted=bool(r.get("skip_quoted", False)),
        )
        for r in data["rule"]
    )
    vague = data["vague"]
    return rules, VagueRule(
        raw=vague,
        concrete=re.compile("|".join(f"(?:{bounded(p)})" for p in vague["concrete_patterns"])),
        defect=re.compile("|".join(f"(?:{bounded(p)})" for p in vague["defect_patterns"])),
        generic_item=re.compile("|".join(f"(?:{bounded(p)})" for p in vague["generic_item_patterns"])),
        generic=frozenset(vague["generic_features"]),
    )


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=256)
def lint_view(text: str) -> str:
    """The text the rules read: full-width folded, lower-cased and in simplified characters, with
    the same length as `text` so that a match at i..j is i..j in the shopper's own text."""
    folded = normalise(text)
    simple: str = _t2s().convert(folded)
    if len(simple) == len(folded):
        return simple
    # A phrase conversion changed the length: convert character by character instead.
    return "".join(c if len(t := _t2s().convert(c)) != 1 else t for c in folded)


def chinese_number(text: str) -> Decimal | None:
    """A number written as digits, Chinese numerals or a mix ("1万", "两千", "5k", "三百五"): the
    one reader of sums (amounts.read_sum), so the linter and the amounts read a figure alike."""
    return read_sum(text)


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
    # The chosen complaint type, when known: some remedies do not exist for some problems.
    type_code: str | None = None
    # What the computed remedies (other than the refund) come to for this order, when known.
    remedies_total: Decimal | None = None
    # Whether `paid` was read from the draft itself rather than from the order.
    paid_from_text: bool = False

    @property
    def punitive_possible(self) -> bool:
        return self.type_code is None or self.type_code not in _demand()["no_punitive_types"]


@cache
def _demand() -> dict[str, Any]:
    demand: dict[str, Any] = rule_files().raw["lint"]["demand"]
    return demand


@cache
def _asked() -> re.Pattern[str]:
    return re.compile("|".join(_demand()["ask_patterns"]))


@cache
def _argued() -> re.Pattern[str]:
    return re.compile("|".join(_demand()["basis_patterns"]))


def paid_in_text(norm: str) -> Decimal | None:
    """What the draft says was paid ("实付39元", "花了39块买的", "39元的T恤"), if it says so once."""
    values = set()
    for match in re.finditer(_demand()["paid_pattern"], norm):
        value = chinese_number(match.group("amount") or match.group("amount2") or "")
        if value:
            values.add(value)
    return values.pop() if len(values) == 1 else None


def _multiple(match: re.Match[str]) -> Decimal | None:
    for group in ("n", "n2", "n3", "n4"):
        value = match.groupdict().get(group)
        if value:
            return chinese_number(value)
    if word := match.groupdict().get("n5"):
        return _ENGLISH_TIMES[word]
    return Decimal(2)  # 双倍 / 翻倍


def _check(rule: LintRule, match: re.Match[str], text: str, context: Context) -> tuple[bool, str | None, str]:
    """Whether the match stands, and any message override / severity override."""
    start, end = match.span()
    if rule.check in (None, "address"):
        # An address is decided by its pattern (lead_words trim the span below).
        return True, None, rule.severity
    if rule.check == "id_number":
        said = bool(_ID_CONTEXT.search(text[max(0, start - 10) : start]))
        return said or _id_number_ok(re.sub(r"[ -]", "", match.group())), None, rule.severity
    if rule.check == "bank_card":
        digits = re.sub(r"[ -]", "", match.group())
        before = text[max(0, start - 12) : start]
        if _NOT_CARD_CONTEXT.search(before):
            return False, None, rule.severity
        if _CARD_CONTEXT.search(before):
            return True, None, rule.severity  # the shopper says it is a card number, checksum or not
        return _luhn_ok(digits) and digits.startswith("62"), None, rule.severity
    if rule.check == "threat":
        near = text[max(0, start - 20) : end + 20]
        # A threat tied to money is the extortion pattern: the strongest finding.
        return True, None, "error" if _MONEY_NEAR.search(near) else rule.severity
    if rule.check == "money_demand":
        groups = match.groupdict()
        unit = groups.get("unit") or ""
        scale = unit if unit in ("万", "千", "w", "k") else ""
        amount = chinese_number((groups.get("amount") or "") + scale)
        if amount is None:
            return False, None, rule.severity
        # English puts the verb further before the sum ("pay me 3000 yuan"): a wider look back.
        words = text[max(0, start - 12) : end + 16]
        before = text[max(0, start - 12) : start]
        if any(re.search(p, before) for p in _demand().get("reported_patterns", [])):
            return False, None, rule.severity  # the seller's offer, reported: no demand of the shopper's
        asked = bool(_asked().search(words))
        if context.paid is None:
            # No price to compute a ceiling from: compensation with no basis at all stands out, and
            # so does a sum no statute reaches for ordinary goods unless a written finding backs it.
            unfounded = asked and not _argued().search(text) and amount >= _demand()["min_unfounded"]
            absurd = asked and amount >= _demand()["absurd_without_price"] and not _WRITTEN.search(text)
            return bool(unfounded or absurd), None, rule.severity
        ceiling, basis = statutory_ceiling(context.paid, context.food)
        if not context.punitive_possible:
            # No punitive remedy for this problem: the refund and the computed remedies are the most.
            ceiling, basis = (
                context.paid + (context.remedies_total or Decimal(0)),
                _demand()["basis_no_punitive"],
            )
        if amount <= ceiling:
            return False, None, rule.severity
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
        # The only lawful multiples are the statutory formulas' (3x fraud; 10x for food only).
        food_only = {f.multiple: f.food_only for f in rule_files()["formulas"].punitive.values()}
        if times in food_only and not context.punitive_possible:
            return True, _demand()["message_no_punitive"], rule.severity
        if times in food_only and (context.food or not food_only[times]):
            return False, None, rule.severity
        if times in food_only:
            return True, rule.extra["not_food"], rule.severity
        return True, None, rule.severity
    if rule.check == "claimed":
        return not _DISCLAIMED.search(text[max(0, start - 12) : start]), None, rule.severity
    if rule.check == "medical_without_record":
        return not _MEDICAL_PROOF.search(text), None, rule.severity
    if rule.check == "punitive_without_finding":
        if _DISCLAIMED.search(text[max(0, start - 12) : end + 12]):
            return False, None, rule.severity
        if not context.punitive_possible:
            return True, _demand()["message_no_punitive"], rule.severity
        written = next(f for f in rulebook().features if f.code == "authenticated")
        return not (written.pattern.hits(text) or _WRITTEN.search(text)), None, rule.severity
    if rule.check == "food_statute_not_food":
        if not context.food or not context.punitive_possible:
            return True, None, rule.severity
        # A harmless label flaw (a typo, a unit format) on safe food is no ground for the tenfold either.
        present = {f.code for f in rulebook().features if f.pattern.hits(text)}
        harmless = "label_flaw" in present and not present & {"food_unsafe", "expired"}
        return harmless, (rule.extra.get("label_flaw") if harmless else None), rule.severity
    if rule.check == "beside_refund":
        # "再寄一件" alone asks for the replacement; beside a refund it asks for the goods twice.
        return bool(re.search(rule.extra["refund_words"], text)), None, rule.severity
    if rule.check == "person_name":
        return True, None, rule.severity
    raise ValueError(f"lint.toml: unknown check {rule.check!r}")  # the schema refuses it first


def _apostrophe(text: str, index: int) -> bool:
    return (
        0 < index < len(text) - 1
        and text[index - 1].isascii()
        and text[index - 1].isalpha()
        and text[index + 1].isascii()
        and text[index + 1].isalpha()
    )


def _quoted(text: str, position: int) -> bool:
    """Whether `position` lies inside a quotation (an open quote before it not yet closed)."""
    depth_open: str | None = None
    for index, char in enumerate(text[:position]):
        if char == "'" and _apostrophe(text, index):
            continue  # "i'll", "don't": an apostrophe inside a word opens no quotation
        if depth_open is None and char in _QUOTES:
            depth_open = _QUOTES[char]
        elif depth_open is not None and char == depth_open:
            depth_open = None
    return depth_open is not None


def _defect_only(clause: str) -> bool:
    """Whether a clause states a defect (the vague rule's defect words) and no known abuse word."""
    _, vague = _rules()
    return bool(vague.defect.search(canonical(clause)))


@lru_cache(maxsize=8)
def _lawful(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _learned(norm: str, taken: list[tuple[int, int, str]]) -> list[Finding]:
    """Clauses the learned scorer flags for a code the lexicon has not already marked there."""
    messages = {r["code"]: r for r in rule_files().raw["lint"].get("learned", [])}
    found = []
    for code, start, end, _ in lint_model.flagged_clauses(norm):
        rule = messages.get(code)
        if rule is None or any(s < end and start < e and c == code for s, e, c in taken):
            continue
        if rule.get("lawful") and _lawful(rule["lawful"]).search(norm[start:end]):
            # "不处理就去12315投诉你们" names the lawful next step: a right, whatever the score says.
            continue
        if rule.get("facts_only") and _defect_only(norm[start:end]):
            # "箱子被压扁了", "碎成渣了": a clause that states a defect is a fact, however blunt.
            continue
        found.append(
            Finding(
                code=code,
                start=start,
                end=end,
                severity=rule["severity"],
                message=rule["message"],
                suggestion=rule["suggestion"],
            )
        )
    return found


def _vague(text: str, norm: str, masked: list[tuple[int, int]]) -> list[Finding]:
    """One finding when the draft carries no concrete fact: no figure, date or model, and no
    recognisable defect of a named thing. Read on the canonical text so that Cantonese, English and
    traditional drafts reach the same features as Mandarin ones."""
    _, vague = _rules()
    # A phone number or a demanded sum is no fact about the problem: blank them out first.
    chars = list(norm)
    for start, end in masked:
        chars[start:end] = " " * (end - start)
    norm = "".join(chars)
    if vague.concrete.search(norm):
        return []  # most drafts carry a figure or a date: no need to fold the text at all
    canon = canonical(norm)
    if vague.concrete.search(canon):
        return []
    # Whether any feature outside the generic ones matches: the first hit answers (no full scan).
    named = any(f.pattern.hits(canon) for f in rulebook().features if f.code not in vague.generic)
    problem = named or bool(vague.defect.search(canon))
    size = sum(1 for c in norm if "\u4e00" <= c <= "\u9fff") + len(re.findall(r"[a-z]+", norm))
    # A very short text names a defect of nothing in particular ("东西坏了") unless it names the part.
    if problem and (size > 6 or not vague.generic_item.search(canon)):
        return []
    raw = vague.raw
    return [
        Finding(
            code="vague",
            start=0,
            end=len(text),
            severity=raw["severity_what"],
            message=raw["message_what"],
            suggestion=raw["suggestion_what"],
        )
    ]


# More findings than this help nobody read a text, and checking each new span against the ones
# already taken is linear, so an absurd input (10 000 insults) would make the linter quadratic.
MAX_FINDINGS = 200


def lint_spans(
    text: str,
    *,
    paid: Decimal | str | None = None,
    food: bool | None = None,
    type_code: str | None = None,
    remedies_total: Decimal | None = None,
    learned: bool = True,
) -> list[tuple[Finding, str]]:
    """Findings with the replacement the draft cleaner should use for each span. `learned=False`
    leaves the learned scorer out (the lexicon alone, for measurement and training)."""
    if not text.strip():
        return []
    norm = lint_view(text)
    if food is None:
        goods_words = _STATUTE_NAMES.sub("", norm)
        food = bool(FOOD_RE.search(goods_words) or _FOOD_WORDS.search(goods_words))
    price = Decimal(paid) if paid is not None else paid_in_text(norm)
    # advise() lints the text twice (its findings, and the draft's cleaning) with the same
    # reading; the second costs nothing. Keyed on the price's text, as messages quote it.
    found = _spans(
        text, norm, None if price is None else str(price), food, type_code,
        None if remedies_total is None else str(remedies_total),
        paid is None and price is not None, learned,
    )  # fmt: skip
    return list(found)


@lru_cache(maxsize=256)
def _spans(
    text: str,
    norm: str,
    paid: str | None,
    food: bool,
    type_code: str | None,
    remedies_total: str | None,
    paid_from_text: bool,
    learned: bool,
) -> tuple[tuple[Finding, str], ...]:
    context = Context(
        paid=None if paid is None else Decimal(paid),
        food=food,
        type_code=type_code,
        remedies_total=None if remedies_total is None else Decimal(remedies_total),
        paid_from_text=paid_from_text,
    )
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
            if rule.skip_quoted and _quoted(norm, start):
                continue
            ok, message, severity = _check(rule, match, norm, context)
            if not ok:
                continue
            if rule.check == "person_name":
                start, end = match.span("name")
            if rule.lead_words:
                # A road name has no fixed start; drop the verbs and labels that run into it.
                text_here = norm[start:end]
                marker = _PLACE_MARKER.search(text_here)
                head = text_here[: marker.start()] if marker else text_here
                start += max((head.rfind(w) + len(w) for w in rule.lead_words if w in head), default=0)
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
    if learned and len(found) < MAX_FINDINGS:
        found.extend((finding, "") for finding in _learned(norm, taken))
    masked = [(f.start, f.end) for f, _ in found if f.code in ("personal_data", "unreasonable_demand")]
    found.extend((finding, "") for finding in _vague(text, norm, masked))
    found.sort(key=lambda pair: (pair[0].start, pair[0].end))
    return tuple(found)


def lint(
    text: str,
    *,
    paid: Decimal | str | None = None,
    food: bool | None = None,
    type_code: str | None = None,
    remedies_total: Decimal | None = None,
    learned: bool = True,
) -> list[Finding]:
    """Findings for a shopper's text. `paid` (price paid) and `food` let amounts be judged; the
    complaint type and the computed remedies' total (from the order) say which remedies exist."""
    found = lint_spans(
        text, paid=paid, food=food, type_code=type_code, remedies_total=remedies_total, learned=learned
    )
    return [finding for finding, _ in found]
