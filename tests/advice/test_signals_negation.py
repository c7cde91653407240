"""Warnings and punitive demands read denials through negation.py (own invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from tousu.advice import advise
from tousu.advice.signals import asked_punitive
from tousu.models import AdviceRequest


def test_a_declined_punitive_demand_is_not_a_demand() -> None:
    assert asked_punitive("我要求退一赔三") == {"fraud_triple"}
    assert asked_punitive("我不要求退一赔三，把货款退了就行") == set()
    assert asked_punitive("倒不是要十倍赔偿，而是想退货") == set()


def test_an_unused_item_gets_no_used_item_warning(make_request: Callable[..., AdviceRequest]) -> None:
    used = advise(make_request("裙子穿过两次了，七天无理由退货卖家拒绝", "refunding_3d"))
    assert "used_item_seven_day" in {w.code for w in used.warnings}
    unused = advise(make_request("裙子一次都没有穿过，吊牌还在，七天无理由退货卖家拒绝", "refunding_3d"))
    assert unused.types[0].code == "seven_day_return_refused"
    assert "used_item_seven_day" not in {w.code for w in unused.warnings}
