"""Several problems in one text: primary first, the others named with their own words."""

from __future__ import annotations

from collections.abc import Callable

from tousu.advice import advise
from tousu.models import AdviceRequest


def test_primary_issue_is_the_top_type_and_others_are_named(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "衣服尺码小了，申请退货卖家不同意，我给了差评后卖家天天打电话骂我让我改评价"
    advice = advise(make_request(text, "completed_3d", "纯棉T恤 短袖"))
    assert advice.issues[0].role == "primary" and advice.issues[0].type == advice.types[0].code
    assert advice.issues[0].evidence_words
    secondary = [i for i in advice.issues if i.role == "secondary"]
    assert secondary and all(i.evidence_words for i in secondary)
    # Every secondary issue gets its one sentence in the draft.
    for issue in secondary:
        assert issue.name in advice.draft.text


def test_a_single_problem_has_one_issue(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("左耳没有声音，右耳正常", "completed_3d"))
    assert [i.role for i in advice.issues] == ["primary"]
    assert "另外，本订单还存在" not in advice.draft.text
