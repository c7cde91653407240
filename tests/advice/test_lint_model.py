"""The linter's learned scorer: the shipped weights are what the trainer makes of the tuning data,
scoring is deterministic with exact clause spans, and a wording no lexicon lists is still caught
while clean, lawful and quoted text is not."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tousu.advice import lint, lint_model

ROOT = Path(__file__).resolve().parents[2]


def _learned(text: str) -> list[tuple[str, str]]:
    lexicon = {(f.code, f.start, f.end) for f in lint(text, learned=False)}
    return [(f.code, text[f.start : f.end]) for f in lint(text) if (f.code, f.start, f.end) not in lexicon]


def test_shipped_weights_load_small_and_calibrated() -> None:
    data = json.loads(lint_model.WEIGHTS.read_text(encoding="utf-8"))
    assert set(data["codes"]) == {"emotional_language", "threat"}
    # Never the held-out parts nor the untouched sets (fresh3, fresh4, fresh5, fresh7): those measure
    # what the scorer does on unseen writers, clean false alarms first.
    assert set(data["trained_on"]) == {
        "corpus tune",
        "own tune",
        "own fresh",
        "own fresh6",
        "own indep",
        "own indep2",
        "own fresh2",
        "own fresh8",
    }
    for part in data["codes"].values():
        assert 0.5 < part["threshold"] < 1
        assert part["weights"]
    assert lint_model.WEIGHTS.stat().st_size < 300_000


def test_scoring_is_deterministic_and_spans_are_the_clause() -> None:
    text = "你们这群只知道数钱的木头人，12月5日到的电水壶盖子合不上。"
    first = lint(text)
    assert first == lint(text)
    assert _learned(text) == [("emotional_language", "你们这群只知道数钱的木头人")]
    probability = lint_model.models()["emotional_language"].probability("你们这群只知道数钱的木头人")
    assert probability == lint_model.models()["emotional_language"].probability("你们这群只知道数钱的木头人")


def test_an_insult_in_words_no_lexicon_lists_is_caught() -> None:
    text = "你们这群只知道数钱的木头人，12月5日到的电水壶盖子合不上。"
    assert not {f.code for f in lint(text, learned=False)}  # the lexicon alone misses it
    assert {f.code for f in lint(text)} == {"emotional_language"}


def test_a_threat_in_words_no_lexicon_lists_is_caught() -> None:
    # Round 6 raised the threshold by a margin; "我会把你们客服的工号和照片发到各个群里" (0.94) now sits
    # just under it, a picket at their door far above.
    text = "不给说法我就天天去你们门口举着牌子站着，12月2日收到的鞋子开胶。"
    assert not {f.code for f in lint(text, learned=False)}
    assert _learned(text) == [("threat", "不给说法我就天天去你们门口举着牌子站着")]
    found = next(f for f in lint(text) if f.code == "threat")
    assert "可能" in found.message  # a score is no proof: the message says "may"


@pytest.mark.parametrize(
    "text",
    [
        "12月2日收到的台灯不亮，申请换货。",
        "卖家在聊天里说‘你这种人活该被骗’，我只是问物流。",
        "卖家承诺48小时内发货，11月29日付款至今未发货，如仍不处理我将向12315投诉。",
        "I received the kettle on Dec 3 and it leaks from the base. Please send a replacement.",
    ],
)
def test_objective_lawful_and_quoted_text_is_not_flagged(text: str) -> None:
    assert lint(text) == []


def test_clean_drafts_stay_clear_of_the_threshold() -> None:
    # Round 6: the threshold sits a margin (log-odds) above the clean drafts' highest out-of-fold
    # score; a clean, firm draft in new words scores well below it, not just under it.
    models = lint_model.models()
    for clause in (
        "这正常吗",
        "我很失望，但还是希望换一台正常的",
        "i will report this to 12315 if it is not fixed",
    ):
        for model in models.values():
            assert model.probability(clause) < model.threshold - 0.05, clause


def test_quoted_passages_are_blanked_and_do_not_split_clauses() -> None:
    norm = "客服说'滚，别烦我'，我只是问物流"
    masked = lint_model.mask_quotes(norm)
    assert len(masked) == len(norm) and "滚" not in masked
    assert [masked[s:e] for s, e in lint_model.clauses(masked)] == ["客服说'□□□□□'", "我只是问物流"]


@pytest.mark.skipif(
    importlib.util.find_spec("numpy") is None, reason="the trainer needs numpy (build time only)"
)
def test_shipped_weights_are_what_the_trainer_produces() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_lint  # type: ignore[import-not-found]
    except SystemExit:  # no corpus beside this checkout
        pytest.skip("corpus not found")
    assert train_lint.dump(train_lint.train()) == lint_model.WEIGHTS.read_text(encoding="utf-8")
