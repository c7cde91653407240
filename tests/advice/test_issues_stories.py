"""Stories: several problems in one text. The issue the shopper seeks redress for comes first
(types[0] and issues[0]; route, evidence and demand follow it), the others are named with their
own words and get one sentence each in the draft, wherever and however they are told."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

from tousu.advice import advise
from tousu.advice.episodes import split
from tousu.models import TYPE_CODES, AdviceRequest
from tousu.models.advice import Advice

from ..support.corpus import copied_runs

STORIES = Path(__file__).with_name("stories_own.toml")
OTHERS_LINE = "另外，本订单还存在"


def _stories() -> list[dict]:
    return tomllib.loads(STORIES.read_text(encoding="utf-8"))["story"]


def _secondary(advice: Advice) -> list[str]:
    return [i.type for i in advice.issues if i.role == "secondary"]


def test_own_stories_are_labelled_with_known_types_and_vary_the_order() -> None:
    stories = _stories()
    assert len(stories) >= 60
    for story in stories:
        secondary = {code for codes in story["secondary"] for code in codes.split("|")}
        assert story["primary"] in TYPE_CODES and story["primary"] not in secondary, story
        assert secondary | set(story.get("alts", [])) <= set(TYPE_CODES), story
    # Every type is somebody's primary, and the main point is not always told first.
    assert {s["primary"] for s in stories} == set(TYPE_CODES)
    second = [
        s for s in stories if re.search("主要|最重要|关键是|重点是|我只想|main issue|我投诉的是", s["text"])
    ]
    assert len(second) >= 8


def test_own_stories_are_our_words() -> None:
    for story in _stories():
        copied = copied_runs(story["text"])
        assert not copied, (story["text"], copied[:1])


def test_a_new_matter_opens_an_episode_but_a_step_of_the_same_one_does_not() -> None:
    assert len(split("台灯开关失灵了，按了没反应。另外快递员把包裹扔在楼下")) == 2
    assert len(split("充电宝充不进电，also the seller shipped it late")) == 2
    # 然后/结果 tell what followed from the same problem: one episode.
    assert len(split("台灯开关失灵了，然后我找客服，结果客服让我自己修")) == 1


def test_the_main_point_told_second_is_the_primary_issue(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = (
        "等了快一个礼拜才发货，盒子也旧旧的。"
        "不过这些都是小事，我主要投诉的是剃须刀用了两天就不转了，充满电也没反应"
    )
    advice = advise(make_request(text, "completed_3d", "电动剃须刀"))
    assert advice.types[0].code == "quality_defect"
    assert advice.issues[0].role == "primary" and advice.issues[0].type == "quality_defect"
    assert "late_shipment" in _secondary(advice)


def test_a_side_remark_after_the_problem_does_not_take_over(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = (
        "吸尘器用了三天吸力就没了，电机嗡嗡响但什么都吸不上来，我要求换一台。"
        "顺便说一下，卖家发货比承诺的晚了三天"
    )
    advice = advise(make_request(text, "completed_3d", "无线吸尘器"))
    assert advice.types[0].code == "quality_defect"
    assert "late_shipment" in _secondary(advice)


def test_a_part_the_shopper_accepts_gives_way_to_the_next(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "卖家不给退货我也认了，不想再扯。现在的问题是卖家拿到我号码以后天天打电话骂我，还说要上门找我"
    advice = advise(make_request(text, "completed_20d", "瑜伽垫"))
    assert advice.types[0].code == "harassment"


def test_route_evidence_and_demand_follow_the_primary_not_the_side_matter(
    make_request: Callable[..., AdviceRequest],
) -> None:
    main = "保温杯用了一周就不保温了，早上灌的开水中午就凉透，我要求退货退款"
    story = advise(
        make_request(main + "。另外，我给了中评以后卖家打了好几个电话让我改评价", "completed_20d", "保温杯")
    )
    alone = advise(make_request(main, "completed_20d", "保温杯"))
    assert story.types[0].code == alone.types[0].code == "quality_defect"
    assert story.route == alone.route
    assert [e.code for e in story.evidence] == [e.code for e in alone.evidence]
    assert [r.code for r in story.remedies] == [r.code for r in alone.remedies]
    assert "harassment" in _secondary(story)


def test_each_secondary_issue_gets_one_sentence_with_its_own_words(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = (
        "扫地机器人开机就报错，轮子也不转，要求换新。另外卖家拖了四天才发货。"
        "还有我给了差评后客服天天打电话让我删评"
    )
    advice = advise(make_request(text, "completed_20d", "扫地机器人"))
    assert advice.types[0].code == "quality_defect"
    others = [i for i in advice.issues if i.role == "secondary"]
    assert {"late_shipment", "harassment"} <= {i.type for i in others}
    lines = [line for line in advice.draft.text.splitlines() if line.startswith(OTHERS_LINE)]
    assert len(lines) == len(others)
    for issue, line in zip(others, lines, strict=True):
        assert issue.name in line and issue.evidence_words
        assert all(w in text for w in issue.evidence_words[:1]), issue


def test_one_problem_told_in_steps_names_no_second_issue(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "耳机左边没声音。然后我换了手机试，结果还是只有右边响，后来重新配对也一样"
    advice = advise(make_request(text, "completed_3d", "蓝牙耳机"))
    assert advice.types[0].code == "quality_defect"
    assert _secondary(advice) == []
    assert OTHERS_LINE not in advice.draft.text
