"""Top-1 / top-3 accuracy of the type ranking.

Training (tuning may look at these misses): labelled_cases.toml, labelled_extra.toml.
Held-out (never tuned on; figures only): heldout_cases.toml (first batch of 42) and heldout_v2.toml
(149, written before the generalisation work and scored once before and once after it).
Every floor is the last measured figure minus a small margin: a regression guard, not a target.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tousu.advice import advise
from tousu.models import TYPE_CODES, AdviceRequest

CASES = tomllib.loads(Path(__file__).with_name("labelled_cases.toml").read_text(encoding="utf-8"))["case"]

# top-1 counts when the first type is the expected one or an accepted alternative.
TOP1_FLOOR = 0.97  # measured 1.000
STRICT_FLOOR = 0.92  # measured 0.945
TOP3_FLOOR = 0.98  # measured 1.000
EXTRA = tomllib.loads(Path(__file__).with_name("labelled_extra.toml").read_text(encoding="utf-8"))["case"]


def _score(make_request: Callable[..., AdviceRequest], cases: list[dict]) -> dict[str, object]:
    top1 = strict = top3 = 0
    misses = []
    for case in cases:
        request = make_request(
            case["text"],
            case["order"],
            case.get("item"),
            symptoms=case.get("symptoms"),
            wanted=case.get("wanted"),
        )
        codes = [t.code for t in advise(request).types]
        accepted = {case["expected"], *case.get("alts", [])}
        strict += codes[0] == case["expected"]
        top1 += codes[0] in accepted
        top3 += case["expected"] in codes[:3]
        if codes[0] not in accepted or case["expected"] not in codes[:3]:
            misses.append((case["text"], case["order"], case["expected"], codes[:3]))
    n = len(cases)
    return {"n": n, "top1": top1 / n, "strict": strict / n, "top3": top3 / n, "misses": misses}


def test_labelled_set_covers_every_type() -> None:
    per_type = Counter(case["expected"] for case in CASES)
    assert len(CASES) >= 200
    assert set(per_type) == set(TYPE_CODES)
    assert min(per_type.values()) >= 12, per_type


def test_ranking_accuracy(make_request: Callable[..., AdviceRequest]) -> None:
    result = _score(make_request, CASES)
    print(
        f"\nlabelled set: n={result['n']} top-1={result['top1']:.3f} "
        f"strict top-1={result['strict']:.3f} top-3={result['top3']:.3f}"
    )
    for miss in result["misses"]:  # type: ignore[attr-defined]
        print("  miss:", miss)
    assert result["top1"] >= TOP1_FLOOR
    assert result["strict"] >= STRICT_FLOOR
    assert result["top3"] >= TOP3_FLOOR


def test_extra_training_set(make_request: Callable[..., AdviceRequest]) -> None:
    per_type = Counter(case["expected"] for case in EXTRA)
    assert set(per_type) == set(TYPE_CODES) and min(per_type.values()) >= 8, per_type
    result = _score(make_request, EXTRA)
    print(
        f"\nextra training set: n={result['n']} top-1={result['top1']:.3f} "
        f"strict top-1={result['strict']:.3f} top-3={result['top3']:.3f}"
    )
    for miss in result["misses"]:  # type: ignore[attr-defined]
        print("  miss:", miss)
    assert result["top1"] >= 0.97  # measured 1.000 (before the lexicon work: 0.775)
    assert result["strict"] >= 0.95  # measured 0.984
    assert result["top3"] >= 0.98  # measured 1.000


HELDOUT = tomllib.loads(Path(__file__).with_name("heldout_cases.toml").read_text(encoding="utf-8"))["case"]
# First held-out batch. Not tuned on, but its misses were known while the lexicons were written,
# so it is no longer a clean estimate; heldout_v2 is. (First measurement: top-1 0.690, strict
# 0.619, top-3 0.690; after the lexicon/negation/exemplar work: 0.929, 0.881, 0.952.)
HELDOUT_TOP1_FLOOR = 0.88
HELDOUT_TOP3_FLOOR = 0.90


def test_heldout_accuracy(make_request: Callable[..., AdviceRequest]) -> None:
    result = _score(make_request, HELDOUT)
    print(
        f"\nheld-out set: n={result['n']} top-1={result['top1']:.3f} "
        f"strict top-1={result['strict']:.3f} top-3={result['top3']:.3f}"
    )
    for miss in result["misses"]:  # type: ignore[attr-defined]
        print("  miss:", miss)
    assert result["top1"] >= HELDOUT_TOP1_FLOOR
    assert result["top3"] >= HELDOUT_TOP3_FLOOR


HELDOUT_V2 = tomllib.loads(Path(__file__).with_name("heldout_v2.toml").read_text(encoding="utf-8"))["case"]
# FROZEN: never tune on heldout_v2.toml. Scored before the generalisation work (top-1 0.725,
# strict 0.651, top-3 0.718) and once after it (top-1 0.980, strict 0.960, top-3 0.987).
# The same author wrote it and the lexicons, so real shoppers will score lower than this.
HELDOUT_V2_TOP1_FLOOR = 0.95
HELDOUT_V2_STRICT_FLOOR = 0.92
HELDOUT_V2_TOP3_FLOOR = 0.95


def test_heldout_v2_accuracy(make_request: Callable[..., AdviceRequest]) -> None:
    per_type = Counter(case["expected"] for case in HELDOUT_V2)
    assert set(per_type) == set(TYPE_CODES) and min(per_type.values()) >= 8, per_type
    result = _score(make_request, HELDOUT_V2)
    print(
        f"\nheld-out v2: n={result['n']} top-1={result['top1']:.3f} "
        f"strict top-1={result['strict']:.3f} top-3={result['top3']:.3f}"
    )
    assert result["top1"] >= HELDOUT_V2_TOP1_FLOOR
    assert result["strict"] >= HELDOUT_V2_STRICT_FLOOR
    assert result["top3"] >= HELDOUT_V2_TOP3_FLOOR
