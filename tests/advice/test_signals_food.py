"""Food facts in the words shoppers use: spoiled on arrival, spoiled later, and damage that is not
spoilage (features.toml, lexicon.toml SPOILED, normalise.toml); own invented sentences."""

from __future__ import annotations

import pytest

from tousu.advice.ranking import read_signals
from tousu.models import Problem


def _features(text: str) -> set[str]:
    return set(read_signals(Problem(text=text)).features)


@pytest.mark.parametrize(
    "text",
    ["收到的草莓一半烂了", "蛋糕长了绿毛", "面包长出一层白毛", "苹果好几个都坏了",
     "The honey has no production date and no manufacturer"],
)  # fmt: skip
def test_spoiled_or_unlabelled_food_is_unsafe_food(text: str) -> None:
    assert "food_unsafe" in _features(text)


@pytest.mark.parametrize("text", ["快递压坏了", "盒子摔坏了", "箱子被砸坏掉了"])
def test_goods_broken_in_transit_are_not_spoiled_food(text: str) -> None:
    assert "food_unsafe" not in _features(text)


def test_food_forgotten_after_delivery_spoiled_later() -> None:
    assert "spoiled_after_delivery" in _features("放在阳台忘了，一个多星期后才打开，已经坏了")
    assert "spoiled_after_delivery" in _features("两周后才拆开，发现发霉了")
    assert "spoiled_after_delivery" not in _features("一打开就发霉了")


def test_a_box_that_is_empty_is_an_empty_parcel() -> None:
    assert "empty_parcel" in _features("拆开一看箱子是空的")
    assert "empty_parcel" in _features("快递盒里面居然是空的")
