"""Denied mentions (negation.py): one reader for the rule features, the dispute facts, the
warnings and the model's n-grams. Sentences are the team's own, invented for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tousu.advice import advise, model, negation
from tousu.advice.ranking import read_signals
from tousu.models import AdviceRequest, Problem


def _features(text: str) -> dict[str, str]:
    return read_signals(Problem(text=text)).features


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("破损倒是没有，就是颜色跟图上差很多", "damaged"),  # denied after the hit
        ("数量并没有少，是里面的盘子裂了", "missing_item"),  # 并没有 scope
        ("倒不是少了，而是两只碗都碎了", "missing_item"),  # contrast: 不是 X，而是 Y
        ("我不是被多收了钱，是答应的赠品一直不发", "price_change"),
        ("我没被多收一分钱，问题是原价是编的", "fee_against_promise"),
        ("不存在质量问题，是尺码发错了", "broke_in_use"),
        ("外箱也没压坏，打开瓶子是空的", "packaging_broken"),  # denial inside the hit
        ("外箱没有破，打开发现少了一个", "packaging_broken"),
        ("一开始以为是假货，拿去专柜看说是正品，就是开胶了", "fake"),  # a corrected belief
        ("少发了一个？不对，是那个碗摔成两半了", "missing_item"),  # a retraction
        ("还在路上，到了估计也坏了", "no_function"),  # a guess about later
    ],
)
def test_denied_mentions_do_not_count(text: str, absent: str) -> None:
    features = _features(text)
    assert absent not in features, features


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("这不是假货是什么", "fake"),  # a rhetorical question asserts it
        ("难道不是假货吗", "fake"),
        ("坏了没人管，打了三次电话", "no_function"),  # 没人管 is about the seller, not the fault
        ("芯片和原装的完全不一样", "differs_from_genuine"),  # 完全不一样 is the complaint itself
        ("不是少了一个，是少了三个", "missing_item"),  # the second half keeps it
    ],
)
def test_mentions_that_only_look_negated_still_count(text: str, present: str) -> None:
    features = _features(text)
    assert present in features, features


def test_english_negation_scopes_over_the_phrase() -> None:
    features = _features("nothing missing, the box was not damaged, but the colour is wrong")
    assert "missing_item" not in features and "damaged" not in features, features


def test_negated_answers_span_by_span() -> None:
    text = "外箱没有破，可是打开里面的杯子碎了"
    broken = text.index("碎了")
    assert not negation.negated(text, broken, broken + 2)
    denied = text.index("破")
    assert negation.negated(text, denied, denied + 1)


def test_the_model_reads_conceded_and_contrasted_clauses_as_negated() -> None:
    # The clause rules moved from model.py to negation.toml: same n-gram names as before.
    grams = model.grams("不是物流压的，是本身就有裂缝")
    assert "g:物流" not in grams and "n:物流" in grams
    assert "n:破损" in model.grams("没有破损")
    assert negation.clause_scope("快递慢就算了", "") == "conceded"
    assert negation.clause_scope("倒不是价格的事", "是东西不对") == "contrast"


def test_a_denial_changes_the_first_type(make_request: Callable[..., AdviceRequest]) -> None:
    said = advise(make_request("倒不是少发了，而是盘子碎成好几块", "shipped_signed_2d", "陶瓷盘子"))
    assert said.types[0].code == "damaged_in_transit"
    plain = advise(make_request("少发了一个盘子", "shipped_signed_2d", "陶瓷盘子"))
    assert plain.types[0].code == "wrong_or_missing_item"
