"""Item categories from titles and text, and their effect on the advice."""

from __future__ import annotations

from collections.abc import Callable

from tousu.advice import advise
from tousu.advice.categories import categories_for
from tousu.models import AdviceRequest


def test_the_title_decides_over_the_text() -> None:
    found = categories_for(["20000毫安充电宝 快充"], "充电宝鼓包了，像过期的罐头一样")
    assert [c.code for c in found] == ["durable"]


def test_the_text_speaks_when_the_title_is_silent() -> None:
    found = categories_for(["中秋礼盒"], "月饼发霉了")
    assert [c.code for c in found] == ["food"] and found[0].words == ("月饼",)


def test_virtual_second_hand_custom_fresh() -> None:
    assert categories_for(["话费充值100元"], "")[0].code == "virtual"
    assert categories_for(["95新 二手相机"], "")[0].code == "second_hand"
    assert categories_for(["定制刻字钢笔"], "")[0].code == "custom"
    assert categories_for(["新鲜车厘子 2斤"], "")[0].code == "fresh"


def test_advice_reports_the_category(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("充电宝鼓包发烫，不敢用了", "completed_3d", "20000毫安充电宝"))
    assert advice.category is not None and advice.category.code == "durable"
    assert advice.category.source == "title"
    assert advice.types[0].code != "food_safety"


def test_a_machine_or_container_named_after_food_is_not_food(
    make_request: Callable[..., AdviceRequest],
) -> None:
    # The shopper would read "食品" as the rule applied: a coffee machine is not food.
    for title in ("半自动咖啡机", "家用面包机", "奶粉分装盒套装"):
        assert "food" not in {c.code for c in categories_for([title], "")}, title
    assert [c.code for c in categories_for(["挂耳咖啡 50包"], "")] == ["food"]
    advice = advise(make_request("用了三天就不出水了 一直报错", "completed_3d", "半自动咖啡机"))
    assert advice.category is None or advice.category.code != "food"
    assert advice.types[0].code == "quality_defect"
