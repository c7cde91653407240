"""The story reading's mechanism (advice/episodes.py): where a text turns to another matter, how
the shopper marks the main point and the side remarks, and how the episodes' vote reaches the
ranking. The behaviour a shopper sees is in test_issues_stories.py."""

from __future__ import annotations

from collections.abc import Callable

from tousu.advice.episodes import Episode, StoryVote, split, story_boosts, vote
from tousu.advice.facts import order_facts
from tousu.advice.settings import DEFAULT_SETTINGS
from tousu.models import AdviceRequest


def _vote(make_request: Callable[..., AdviceRequest], text: str, order: str = "completed_3d") -> StoryVote:
    request = make_request(text, order)
    return vote(text, order_facts(request.order, request.now, DEFAULT_SETTINGS), [])


def test_a_part_played_down_afterwards_becomes_a_side_matter_and_the_next_the_main_one() -> None:
    episodes = split("快递晚到了两天，外盒也有点旧。不过这些都是小事，我主要投诉的是电水壶烧水漏水")
    assert [(e.main, e.side) for e in episodes] == [(False, True), (True, False)]


def test_a_side_remark_is_marked_and_a_connector_inside_a_clause_cuts_nothing() -> None:
    episodes = split("鞋底开胶了，还有一只鞋带少了。by the way, the courier was rude")
    # "还有" after "，" opens a matter; "by the way" is named as a side remark.
    assert len(episodes) == 3 and episodes[-1].side and not episodes[0].side
    assert len(split("盒子里还有一张卡片，写着五星好评返现")) == 1


def test_one_problem_told_in_several_sentences_gets_no_vote(
    make_request: Callable[..., AdviceRequest],
) -> None:
    story = _vote(make_request, "加湿器不出雾。插上电指示灯亮，但是水箱里的水一点没少。换了插座也一样")
    assert story.share == {}


def test_a_demand_lifts_the_matter_it_asks_redress_for(make_request: Callable[..., AdviceRequest]) -> None:
    told = "电动牙刷刷头转两下就停，充满电也一样。另外，我给了中评后店家每天打电话来骂人"
    plain = _vote(make_request, told)
    asked = _vote(make_request, told + "，我要求店家道歉并且别再打来")
    assert plain.share and asked.share
    # The demand's own words barely move that episode's type; the lift is the demand's.
    assert asked.share["harassment"] > plain.share["harassment"] + 0.05


def test_a_goods_problem_and_its_refusal_in_one_episode_are_left_to_the_context_rules() -> None:
    # The whole text ranked the refusal first (the refused return was owed); the episodes voted
    # for the goods problem, but the refusal was told inside that episode: neither is lifted
    # against the other, while a third matter still is held back.
    story = StoryVote(
        [Episode("尺码偏小，申请退货被拒"), Episode("另外客服态度差")],
        ["not_as_described", "harassment"],
        {"not_as_described": 0.6, "seven_day_return_refused": 0.1, "harassment": 0.3},
    )
    boosts = story_boosts(story, "seven_day_return_refused")
    assert boosts["not_as_described"] == boosts["seven_day_return_refused"] == 0.0
    assert boosts["harassment"] < 0.0
    # A refusal the shopper tells as a matter of its own votes like any other.
    apart = StoryVote(story.episodes, ["not_as_described", "seven_day_return_refused"], story.share)
    assert story_boosts(apart, "seven_day_return_refused")["seven_day_return_refused"] < 0.0
