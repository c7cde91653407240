"""Dispute facts that split neighbouring types (rules/disputes.toml); own invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tousu.advice import advise
from tousu.advice.facts import dispute_facts
from tousu.advice.ranking import read_signals
from tousu.models import AdviceRequest, Problem


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("寄去品牌售后，人家检测后说不是他们家的产品", "brand_does_not_know_it"),
        ("瓶底没有激光码，官网也查不到这个批号", "brand_does_not_know_it"),
        ("和我在专柜买的那支一比，字体粗细都不一样", "differs_from_genuine"),
        ("外壳上的商标也是贴上去的", "differs_from_genuine"),
        ("送去鉴定，鉴定为正品，但是表带一周就断了", "confirmed_genuine"),
        ("说好送原装耳机，寄来的是个杂牌的", "gift_not_as_promised"),
        ("客服答应发顺丰，结果走的是普通快递，多等了四天", "delivery_promise_broken"),
        ("标题写的是纯棉，点火一烧结成了黑疙瘩", "material_not_as_listed"),
        ("鞋盒上标的是40码，我下单的是42码", "ordered_variant_differs"),
        ("店主把我的电话和住址贴在了店铺群里", "personal_data_exposed"),
        ("效果图是白色哑光，我收到的是亮面米色", "spec_differs"),
        ("配料表第一位居然是白砂糖", "material_not_as_listed"),
    ],
)
def test_facts_are_read(text: str, fact: str) -> None:
    features = read_signals(Problem(text=text)).features
    assert fact in features, features


def test_a_size_shortfall_is_not_a_missing_piece() -> None:
    assert "missing_item" not in read_signals(Problem(text="桌子比页面写的少了整整15厘米")).features
    assert "missing_item" in read_signals(Problem(text="少了两个螺丝")).features
    assert "missing_item" not in read_signals(Problem(text="卖家说邮费算少了，要我补10块")).features


def test_facts_give_their_substance() -> None:
    features = read_signals(Problem(text="品牌客服查了序列号，说不是他们家的机器")).features
    assert "fake" in dispute_facts(features, None).goods


@pytest.mark.parametrize(
    ("text", "preset", "item", "expected"),
    [
        ("寄回品牌售后，检测说不是他们家的产品，不给修", "completed_3d", None, "counterfeit"),
        ("专柜鉴定过是正品，可是鞋底穿了三天就开胶", "completed_3d", "运动鞋 男款", "quality_defect"),
        ("页面写包安装，师傅上门却说安装要另付200", "completed_3d", "壁挂空调", "broken_promise"),
        ("吊牌上是M码，我拍的是XL码", "shipped_signed_2d", "连帽卫衣", "wrong_or_missing_item"),
    ],
)
def test_facts_decide_between_neighbours(
    make_request: Callable[..., AdviceRequest], text: str, preset: str, item: str | None, expected: str
) -> None:
    assert advise(make_request(text, preset, item)).types[0].code == expected
