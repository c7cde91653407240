"""The shared corpus beside the checkout (tests that need it skip on a machine without it), and
the check that the team's own sentences are not copied from it."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

SPAN = 8  # eight Chinese characters shared with the corpus would be a copied phrase, not a word


def corpus_dir() -> Path:
    corpus = next(
        (
            p / "shared" / "corpus"
            for p in Path(__file__).resolve().parents
            if (p / "shared" / "corpus").is_dir()
        ),
        None,
    )
    if corpus is None:
        pytest.skip("shared corpus not on this machine")
    return corpus


def corpus_texts() -> list[str]:
    """Every complaint description of both writers."""
    corpus = corpus_dir()
    return [
        json.loads(line)["problem"]["text"]
        for writer in ("a", "b")
        for line in (corpus / f"complaints-{writer}.jsonl").read_text(encoding="utf-8").splitlines()
    ]


def _han(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


@cache
def _joined() -> str:
    return "\n".join(_han(t) for t in corpus_texts())


def copied_runs(text: str) -> list[str]:
    """The runs of SPAN Chinese characters of `text` that also stand in the corpus."""
    han, corpus = _han(text), _joined()
    return [han[i : i + SPAN] for i in range(len(han) - SPAN + 1) if han[i : i + SPAN] in corpus]
