"""The team's own remedy sets (tests/advice/remedy_own_cases*.jsonl, amounts computed by their build
scripts) stay exact in both modes: from the text alone, and with the shopper's affected items."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

from eval_remedies import OWN, OWN2, OWN3, judge, own_cases  # noqa: E402

CASES = [(path.name, case) for path in (OWN, OWN2, OWN3) for case in own_cases(path)]


@pytest.mark.parametrize("mode", ["shipped", "shopper"])
def test_every_own_remedy_case_is_exact(mode: str) -> None:
    misses = [
        f"{name} {case['id']}: {why}" for name, case in CASES for ok, why in [judge(case, mode)] if not ok
    ]
    assert not misses, "\n".join(misses)


def test_the_third_set_records_its_first_run() -> None:
    assert OWN3.read_text(encoding="utf-8").startswith("# ") and "first run" in OWN3.read_text(
        encoding="utf-8"
    )
