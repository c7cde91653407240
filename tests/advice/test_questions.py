"""The clarifying question: asked when the evidence is thin, and its answer re-ranks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tousu.advice import advise
from tousu.advice.questions import QuestionFile, _questions
from tousu.models import AdviceRequest, Problem


def test_a_vague_text_gets_a_question_with_chips(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("东西有问题", "completed_3d"))
    question = advice.question
    assert question is not None and question.code == "goods_problem"
    assert question.text and question.text_en and len(question.choices) >= 3
    assert all(c.text and c.text_en for c in question.choices)


def test_the_answer_reranks_and_is_not_asked_again(make_request: Callable[..., AdviceRequest]) -> None:
    request = make_request("东西有问题", "completed_3d")
    answered = request.model_copy(
        update={"problem": Problem(text="东西有问题", answers={"goods_problem": "wrong_missing"})}
    )
    advice = advise(answered)
    assert advice.types[0].code == "wrong_or_missing_item"
    assert "按你对补充问题的回答" in advice.types[0].reasons
    assert advice.question is None or advice.question.code != "goods_problem"


def test_a_clear_text_gets_no_question(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("吃了这个面包拉肚子，面包上有绿色的霉斑", "food_completed_3d"))
    assert advice.question is None


def test_unknown_answers_are_ignored_and_oversized_ones_refused() -> None:
    assert Problem(text="x", answers={"nope": "nope"}).answers == {"nope": "nope"}
    with pytest.raises(ValueError):
        Problem(text="x", answers={"k" * 65: "v"})


def test_question_file_is_strict() -> None:
    data = {"question": [q.model_dump() for q in _questions().values()]}
    data["question"][0]["extra"] = True
    with pytest.raises(ValueError):
        QuestionFile.model_validate(data)
