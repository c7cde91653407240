"""Builds the rule book from the rule files (rulefiles.py) once and answers type_info / remedy_info.

Everything the advice layer knows about the rules lives in the TOML files; this module only
compiles the validated data's patterns and hands out frozen views, so advise() never re-reads a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from tousu.models.advice import TYPE_CODES

from .alternation import Alternation
from .rulefiles import RULES_DIR as RULES_DIR  # re-exported: callers found the folder here
from .rulefiles import RuleFileError, RuleFiles, load_rule_files, rule_files
from .text import bounded

# The option texts of the 投诉卖家 form; a type mapped elsewhere is a data error caught at import.
COMPLAINT_CATEGORIES = (
    "商品质量问题",
    "描述不符",
    "出售假冒商品",
    "违背承诺",
    "未按约定时间发货",
    "未收到货",
    "收到商品少件/错发",
    "恶意骚扰",
    "未按成交价格进行交易",
    "食品安全问题",
    "其他",
)
AFTER_SALES_REQUEST_TYPES = ("仅退款", "退货退款", "换货", "维修", "补寄")
# Taobao app reasons (source: the app's list of return reasons, hacos.cn 2019).
AFTER_SALES_REASONS = (
    "多拍/错拍/不想要",
    "地址/电话信息填写错误",
    "未按约定时间发货",
    "缺货",
    "协商一致退款",
    "快递/物流一直未送到",
    "空包裹",
    "7天无理由退款",
    "其他",
    "七天无理由退换",
    "退运费",
    "包装/商品破损/污渍/裂痕/变形",
    "材质与商品描述不符",
    "大小/尺寸与商品描述不符",
    "颜色/图案/款式与商品描述不符",
    "质量问题",
    "做工粗糙/有瑕疵",
    "少件/漏发",
    "卖家发错货",
    "生产日期/保质期与商品描述不符",
    "假冒品牌",
)


@dataclass(frozen=True)
class EvidenceSpec:
    code: str
    name: str
    why: str
    basis: str
    source: str
    confidence: str
    checked: str


@dataclass(frozen=True)
class EvidenceNeed:
    code: str
    required: bool


@dataclass(frozen=True)
class Variant:
    features: tuple[str, ...]
    after_sales_request_type: str | None
    after_sales_reason: str | None
    remedies: tuple[str, ...] | None


@dataclass(frozen=True)
class PunitiveGate:
    """When the facts support a punitive demand: never from the type alone."""

    code: str
    any_of: frozenset[str]
    none_of: frozenset[str]
    food: bool
    why_not: str
    why_not_en: str = ""


@dataclass(frozen=True)
class RemedyOverride:
    basis: str | None
    note: str | None
    seller_pays_transport: bool | None = None


@dataclass(frozen=True)
class TypeInfo:
    code: str
    name: str
    complaint_category: str
    after_sales_request_type: str | None
    after_sales_reason: str | None
    first_step: str
    steps: tuple[str, ...]
    problem: str
    evidence: tuple[EvidenceNeed, ...]
    remedies: tuple[str, ...]
    punitive: tuple[PunitiveGate, ...]
    clocks: tuple[str, ...]
    variants: tuple[Variant, ...]
    remedy_override: dict[str, RemedyOverride]
    source: str
    confidence: str
    checked: str


@dataclass(frozen=True)
class RemedyInfo:
    """`name` is the demand option on the platform forms (what filling selects);
    `title` is the fuller wording the shopper reads in the advice."""

    code: str
    name: str
    title: str
    label: str
    amount: str
    basis: str
    venue: str
    note: str
    source: str
    confidence: str
    checked: str
    extra: dict[str, str] = field(default_factory=dict)  # situational notes (note_* keys)
    seller_pays_transport: bool = False  # the basis (消法 24) puts return transport on the seller


@dataclass(frozen=True)
class ClockSpec:
    code: str
    name: str
    anchor: str
    kind: str
    basis: str
    source: str
    confidence: str
    checked: str
    hours: int | None = None
    days: int | None = None
    months: int | None = None
    years: int | None = None
    setting: str | None = None
    only_for: str | None = None
    # Item categories the clock does not apply to, each with the reason shown (clocks.toml).
    not_for: dict[str, str] | None = None


@dataclass(frozen=True)
class StepSpec:
    code: str
    name: str
    detail: str
    when: str
    link: str | None
    url: str | None


@dataclass(frozen=True)
class Feature:
    code: str
    reason: str
    weights: dict[str, float]
    pattern: Alternation
    negatable: bool = False  # a hit right after 没/不/没有/不是... does not count ("没有破损")
    # A compound fact (disputes.toml): counts only when one of these features matched as well.
    with_any: frozenset[str] = frozenset()

    @cached_property
    def local(self) -> bool:
        """Whether a hit depends on nothing outside its own characters (no lookaround, no anchor):
        then a stretch of a text can hold a hit only where the whole text holds one."""
        return _CONTEXT_SYNTAX.search(self.pattern.pattern) is None


@dataclass(frozen=True)
class ContextRule:
    code: str
    weights: dict[str, float]
    reason: str | None
    status: frozenset[str] = frozenset()
    facts_true: tuple[str, ...] = ()
    facts_false: tuple[str, ...] = ()
    any_of: frozenset[str] = frozenset()
    all_of: frozenset[str] = frozenset()
    none_of: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Symptom:
    code: str
    name: str
    name_en: str
    weights: dict[str, float]
    features: tuple[str, ...]


@dataclass(frozen=True)
class RuleBook:
    types: dict[str, TypeInfo]
    remedies: dict[str, RemedyInfo]
    evidence: dict[str, EvidenceSpec]
    clocks: dict[str, ClockSpec]
    steps: dict[str, StepSpec]
    features: tuple[Feature, ...]
    context: tuple[ContextRule, ...]
    symptoms: dict[str, Symptom]
    wanted: dict[str, dict[str, float]]
    lexicon: Lexicon
    exemplar: ExemplarBlend
    remedy_by_label: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExemplarBlend:
    k: int
    weight: float
    min_similarity: float


@dataclass(frozen=True)
class Lexicon:
    """Concept word groups (lexicon.toml) that patterns use as {NAME}; negation cues; typo pairs."""

    groups: dict[str, str]
    negation: re.Pattern[str]  # matches at the END of the few characters before a hit
    negation_window: int
    typos: tuple[tuple[str, str], ...]


# Regex syntax whose match depends on the characters around it: lookarounds, anchors, \\b.
_CONTEXT_SYNTAX = re.compile(r"\(\?<?[=!]|\\[bBAZ]|\$|(?<!\[)\^")
_GROUP_REF = re.compile(r"\{([A-Z][A-Z_]*)\}")


def _expand(pattern: str, groups: dict[str, str]) -> str:
    """{NAME} -> (?:word|word|...); regex quantifiers ({0,6}) have digits and are left alone."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in groups:
            raise ValueError(f"inconsistent advice rule data: unknown lexicon group {{{name}}}")
        return groups[name]

    return _GROUP_REF.sub(sub, pattern)


def _lexicon(raw: dict[str, Any]) -> Lexicon:
    groups: dict[str, str] = {}
    for name, words in raw["group"].items():
        # A group may use groups defined before it.
        groups[name] = "(?:" + "|".join(_expand(w, groups) for w in words) + ")"
    negation = raw["negation"]
    typos = tuple((a, b) for a, b in raw.get("typo", {}).get("pairs", []))
    for wrong, right in typos:
        _require(len(wrong) == len(right), ("typo pair must keep the length", wrong, right))
    return Lexicon(
        groups=groups,
        negation=re.compile("(?:" + "|".join(negation["cues"]) + ")$"),
        negation_window=int(negation["window"]),
        typos=typos,
    )


def _compile(patterns: list[str], groups: dict[str, str] | None = None) -> Alternation:
    # One alternation per feature: its first (leftmost) hit is the reason's quote.
    return Alternation([bounded(_expand(p, groups or {})) for p in patterns])


def _type_info(code: str, raw: dict[str, Any]) -> TypeInfo:
    variants = tuple(
        Variant(
            features=tuple(v["features"]),
            after_sales_request_type=v.get("after_sales_request_type"),
            after_sales_reason=v.get("after_sales_reason"),
            remedies=tuple(v["remedies"]) if "remedies" in v else None,
        )
        for v in raw.get("variant", [])
    )
    return TypeInfo(
        code=code,
        name=raw["name"],
        complaint_category=raw["complaint_category"],
        after_sales_request_type=raw.get("after_sales_request_type"),
        after_sales_reason=raw.get("after_sales_reason"),
        first_step=raw["first_step"],
        steps=tuple(raw["steps"]),
        problem=raw["problem"],
        evidence=tuple(EvidenceNeed(e["code"], bool(e["required"])) for e in raw["evidence"]),
        remedies=tuple(raw["remedies"]),
        punitive=tuple(
            PunitiveGate(
                code=p["code"],
                any_of=frozenset(p.get("any", [])),
                none_of=frozenset(p.get("none", [])),
                food=bool(p.get("food", False)),
                why_not=p["why_not"],
                why_not_en=p["why_not_en"],
            )
            for p in raw.get("punitive", [])
        ),
        clocks=tuple(raw["clocks"]),
        variants=variants,
        remedy_override={
            code: RemedyOverride(
                basis=o.get("basis"), note=o.get("note"), seller_pays_transport=o.get("seller_pays_transport")
            )
            for code, o in raw.get("remedy_override", {}).items()
        },
        source=_source(raw["source"]),
        confidence=raw["confidence"],
        checked=raw["checked"],
    )


def _context_rule(raw: dict[str, Any]) -> ContextRule:
    facts = raw.get("facts", [])
    return ContextRule(
        code=raw["code"],
        weights={k: float(v) for k, v in raw["weights"].items()},
        reason=raw.get("reason"),
        status=frozenset(raw.get("status", [])),
        facts_true=tuple(f for f in facts if not f.startswith("!")),
        facts_false=tuple(f[1:] for f in facts if f.startswith("!")),
        any_of=frozenset(raw.get("any", [])),
        all_of=frozenset(raw.get("all", [])),
        none_of=frozenset(raw.get("none", [])),
    )


def _require(ok: bool, what: object) -> None:
    # Not `assert`: the check must also run under python -O.
    if not ok:
        raise ValueError(f"inconsistent advice rule data: {what}")


def _check(book: RuleBook) -> None:
    """Fail at import on inconsistent data, so a typo in a TOML file never reaches a shopper."""
    _require(set(book.types) == set(TYPE_CODES), set(TYPE_CODES) ^ set(book.types))
    feature_codes = {f.code for f in book.features}
    for info in book.types.values():
        _require(info.complaint_category in COMPLAINT_CATEGORIES, info.code)
        for request_type, reason in [(info.after_sales_request_type, info.after_sales_reason)] + [
            (v.after_sales_request_type, v.after_sales_reason) for v in info.variants
        ]:
            _require(request_type is None or request_type in AFTER_SALES_REQUEST_TYPES, info.code)
            _require(reason is None or reason in AFTER_SALES_REASONS, (info.code, reason))
        _require(all(e.code in book.evidence for e in info.evidence), info.code)
        punitive = tuple(p.code for p in info.punitive)
        _require(all(r in book.remedies for r in info.remedies + punitive), info.code)
        _require(all(r in book.remedies for r in info.remedy_override), info.code)
        _require(all(f in feature_codes for p in info.punitive for f in p.any_of | p.none_of), info.code)
        _require(all(c in book.clocks for c in info.clocks), info.code)
        _require(all(s in book.steps for s in info.steps), info.code)
        _require(all(f in feature_codes for v in info.variants for f in v.features), info.code)
        _require(info.confidence in ("High", "Med", "Low"), info.code)
    for remedy in book.remedies.values():
        _require(remedy.venue in book.steps, remedy.code)
    weighted = [f.weights for f in book.features] + [r.weights for r in book.context]
    weighted += [s.weights for s in book.symptoms.values()] + list(book.wanted.values())
    for weights in weighted:
        _require(set(weights) <= set(TYPE_CODES), weights)
    for rule in book.context:
        _require(rule.any_of | rule.all_of | rule.none_of <= feature_codes, rule.code)
    _require(len(feature_codes) == len(book.features), "duplicate feature code")
    for feature in book.features:
        _require(feature.with_any <= feature_codes, ("with_any", feature.code))
    for symptom in book.symptoms.values():
        _require(set(symptom.features) <= feature_codes, symptom.code)
        _require(bool(symptom.name) and len(symptom.name) <= 12, ("short label_zh", symptom.code))
        _require(bool(symptom.name_en) and len(symptom.name_en) <= 40, ("short label_en", symptom.code))
    _require(set(book.wanted) <= set(book.remedies), "wanted")


def _source(keys: list[str]) -> str:
    """A rule's sources as one string of sources.toml keys (resolve them with source_entry)."""
    return "; ".join(keys)


def build_rulebook(files: RuleFiles) -> RuleBook:
    """The in-memory rule book from validated rule files (RuleFileError / ValueError if not)."""
    types_raw = files.raw["types"]
    remedies_raw = files.raw["remedies"]
    lexicon = _lexicon(files.raw["lexicon"])
    features_raw = files.raw["features"]
    context_raw = files.raw["context"]
    remedies = {
        code: RemedyInfo(
            code=code,
            name=raw["label"],
            title=raw["name"],
            **{k: raw[k] for k in ("label", "amount", "basis", "venue", "note", "confidence", "checked")},
            source=_source(raw["source"]),
            extra={k: v for k, v in raw.items() if k.startswith("note_")},
            seller_pays_transport=bool(raw.get("seller_pays_transport", False)),
        )
        for code, raw in remedies_raw.items()
    }
    book = RuleBook(
        types={code: _type_info(code, raw) for code, raw in types_raw.items()},
        remedies=remedies,
        evidence={
            code: EvidenceSpec(code=code, **{**raw, "source": _source(raw["source"])})
            for code, raw in files.raw["evidence"].items()
        },
        clocks={
            code: ClockSpec(code=code, **{**raw, "source": _source(raw["source"])})
            for code, raw in files.raw["clocks"].items()
        },
        steps={
            code: StepSpec(
                code=code,
                name=raw["name"],
                detail=raw["detail"],
                when=raw["when"],
                link=raw.get("link"),
                url=raw.get("url"),
            )
            for code, raw in files.raw["routes"].items()
        },
        features=tuple(
            Feature(
                code=f["code"],
                reason=f["reason"],
                weights={k: float(v) for k, v in f["weights"].items()},
                pattern=_compile(f["patterns"], lexicon.groups),
                negatable=bool(f.get("negatable", False)),
                with_any=frozenset(f.get("with_any", ())),
            )
            # Dispute facts come last: a compound fact is checked against the plain features.
            for f in [*features_raw["feature"], *files.raw["disputes"]["fact"]]
        ),
        context=tuple(_context_rule(r) for r in context_raw["rule"]),
        symptoms={
            code: Symptom(
                code=code,
                name=raw["name"],
                name_en=raw["name_en"],
                weights={k: float(v) for k, v in raw["weights"].items()},
                features=tuple(raw.get("features", [])),
            )
            for code, raw in context_raw["symptom"].items()
        },
        wanted={
            code: {k: float(v) for k, v in raw["weights"].items()}
            for code, raw in context_raw["wanted"].items()
        },
        lexicon=lexicon,
        exemplar=ExemplarBlend(
            k=int(context_raw["exemplar"]["k"]),
            weight=float(context_raw["exemplar"]["weight"]),
            min_similarity=float(context_raw["exemplar"]["min_similarity"]),
        ),
    )
    # Forms speak in labels (退货退款), the API in codes: accept both for `wanted`.
    labels: dict[str, str] = {}
    for code, remedy in remedies.items():
        labels.setdefault(remedy.label, code)
        labels[remedy.title] = code
        labels[code] = code
    book.remedy_by_label.update(labels)
    _check(book)
    return book


@cache
def rulebook() -> RuleBook:
    """The package's rule book, built once (at import of the advice package)."""
    return build_rulebook(rule_files())


def check_rules(directory: Path | str | None = None) -> list[str]:
    """Every problem in the rule files of `directory` (default: the package's); [] when valid."""
    try:
        build_rulebook(load_rule_files(directory))
    except RuleFileError as error:
        return error.problems
    except (ValueError, re.error) as error:
        return [str(error)]
    return []


def seller_pays_transport(info: TypeInfo, code: str) -> bool:
    """Whether this type's basis for the remedy puts the transport of returned goods on the seller."""
    override = info.remedy_override.get(code)
    if override is not None and override.seller_pays_transport is not None:
        return override.seller_pays_transport
    remedy = rulebook().remedies.get(code)
    return bool(remedy and remedy.seller_pays_transport)


def source_entry(key: str) -> dict[str, str]:
    """What a source key cites: the document's fields plus `article` when the key names one."""
    document, _, article = key.partition(".")
    entry = rule_files()["sources"].root[document]
    out = {k: v for k, v in entry.model_dump(exclude_none=True).items() if not k.startswith("art")}
    if article:
        out["article"] = entry.articles()[article]
    return out


def type_info(code: str) -> TypeInfo:
    """The data of one complaint type (KeyError for an unknown code)."""
    return rulebook().types[code]


def remedy_info(code: str) -> RemedyInfo:
    """The data of one remedy (KeyError for an unknown code)."""
    return rulebook().remedies[code]


def symptom_codes() -> dict[str, str]:
    """Symptom code -> Chinese name, for the popup's choices."""
    return {code: s.name for code, s in rulebook().symptoms.items()}


def symptoms_catalog() -> list[dict[str, Any]]:
    """The symptom chips for the popup: code, short Chinese and English labels, and the types
    each one points to (strongest first), in the data's order."""
    return [
        {
            "code": code,
            "label_zh": s.name,
            "label_en": s.name_en,
            "types": [t for t, w in sorted(s.weights.items(), key=lambda kv: -kv[1]) if w > 0],
        }
        for code, s in rulebook().symptoms.items()
    ]


def wanted_code(value: str | None) -> str | None:
    """The remedy code for a wanted outcome given as a code or a Chinese label."""
    if not value:
        return None
    return rulebook().remedy_by_label.get(value.strip())
