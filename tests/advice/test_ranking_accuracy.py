"""Top-1 / top-3 accuracy of the type ranking on the labelled descriptions (labelled_cases.toml)."""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from helper.advice import advise
from helper.models import TYPE_CODES, AdviceRequest

CASES = tomllib.loads(Path(__file__).with_name("labelled_cases.toml").read_text(encoding="utf-8"))["case"]

TOP1_FLOOR = 0.90  # top-1 counts when the first type is the expected one or an accepted alternative
STRICT_FLOOR = 0.85
TOP3_FLOOR = 0.97


def _score(make_request: Callable[..., AdviceRequest], cases: list[dict]) -> dict[str, object]:
    top1 = strict = top3 = 0
    misses = []
    for case in cases:
        request = make_request(case["text"], case["order"], case.get("item"),
                               symptoms=case.get("symptoms"), wanted=case.get("wanted"))
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
    print(f"\nlabelled set: n={result['n']} top-1={result['top1']:.3f} "
          f"strict top-1={result['strict']:.3f} top-3={result['top3']:.3f}")
    for miss in result["misses"]:  # type: ignore[attr-defined]
        print("  miss:", miss)
    assert result["top1"] >= TOP1_FLOOR
    assert result["strict"] >= STRICT_FLOOR
    assert result["top3"] >= TOP3_FLOOR


HELDOUT = tomllib.loads(Path(__file__).with_name("heldout_cases.toml").read_text(encoding="utf-8"))["case"]
# Measured once on new wording and deliberately not tuned on: a regression guard, not a target.
# (First measurement: top-1 0.690, strict 0.619, top-3 0.690; misses are mostly vocabulary gaps.)
HELDOUT_TOP1_FLOOR = 0.65
HELDOUT_TOP3_FLOOR = 0.65


def test_heldout_accuracy(make_request: Callable[..., AdviceRequest]) -> None:
    result = _score(make_request, HELDOUT)
    print(f"\nheld-out set: n={result['n']} top-1={result['top1']:.3f} "
          f"strict top-1={result['strict']:.3f} top-3={result['top3']:.3f}")
    for miss in result["misses"]:  # type: ignore[attr-defined]
        print("  miss:", miss)
    assert result["top1"] >= HELDOUT_TOP1_FLOOR
    assert result["top3"] >= HELDOUT_TOP3_FLOOR
