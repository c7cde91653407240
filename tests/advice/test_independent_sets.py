"""The independent sets (tests/advice/independent/) stay well-formed: every label is a code the
engine knows and every order a preset conftest builds. Only their shape is checked here; they are
scored by scripts/eval_independent.py, never asserted on, so that nobody tunes on them."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tousu.models import AdviceRequest
from tousu.models.advice import TYPE_CODES

SETS = Path(__file__).parent / "independent"
LINT_CODES = {"emotional_language", "threat", "unreasonable_demand", "personal_data", "vague"}


def _rows(prefix: str, table: str) -> list[dict]:
    rows: list[dict] = []
    for path in sorted(SETS.glob(f"{prefix}_*.toml")):
        with path.open("rb") as handle:
            rows += tomllib.load(handle)[table]
    return rows


@pytest.mark.parametrize(("prefix", "table"), [("stories", "story"), ("voices", "case")])
def test_advice_sets_name_known_types_and_buildable_orders(
    prefix: str, table: str, make_request: Callable[..., AdviceRequest]
) -> None:
    rows = _rows(prefix, table)
    assert rows
    for row in rows:
        labels = [row.get("primary") or row["expected"], *row.get("alts", [])]
        labels += [part for other in row.get("secondary", []) for part in other.split("|")]
        assert set(labels) <= set(TYPE_CODES), row["text"]
        make_request(row["text"], row["order"], row.get("item"))  # raises on an unknown preset


def test_lint_sets_mark_spans_that_are_in_the_text() -> None:
    rows = _rows("lint", "case")
    assert rows
    for row in rows:
        assert set(row["codes"]) <= LINT_CODES, row["text"]
        for code, words in row.get("spans", []):
            assert code in row["codes"] and words in row["text"], (code, words)
