"""Canonical text: traditional, full-width, Cantonese, slang, pinyin and English reach Mandarin."""

from __future__ import annotations

import pytest

from tousu.advice.normalise import NormaliseTables, canonical, tables
from tousu.advice.ranking import read_signals
from tousu.models import Problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("賣家說發貨了", "卖家说发货了"),  # OpenCC t2s
        ("ＮＩＫＥ鞋３天", "nike鞋3天"),  # NFKC + lower-case
        ("冇收到貨", "没有收到货"),  # Cantonese particle, then t2s
        ("佢唔退款", "他不退款"),
        ("已读不回", "不回复"),
        ("mai jia bu fahuo", "卖家 不 发货"),
        ("The seller refused my refund", "the 卖家 拒绝 my 退款"),
    ],
)
def test_canonical_text(text: str, expected: str) -> None:
    assert canonical(text) == expected


def test_latin_words_match_only_whole_words() -> None:
    # "le" is pinyin for 了 but must not fire inside "sale" or "lost" inside "almost".
    assert canonical("sale almost") == "sale almost"


def test_tables_are_strict() -> None:
    data = tables().model_dump()
    data["unknown"] = {}
    with pytest.raises(ValueError):
        NormaliseTables.model_validate(data)


def test_traditional_and_cantonese_texts_reach_the_features() -> None:
    plain = read_signals(Problem(text="没有收到货，物流一直不动"))
    other = read_signals(Problem(text="冇收到貨，物流一直唔郁"))
    assert "not_received" in plain.features and "not_received" in other.features


def test_a_complaint_record_keeps_its_problem_and_demand_not_its_labels() -> None:
    record = (
        "投诉对象：某母婴店\n投诉问题：购买纸尿裤两包，实收一包\n投诉要求：补发缺少的商品\n投诉进度：处理中"
    )
    text = canonical(record)
    assert "投诉" not in text and "处理中" not in text and "母婴店" not in text
    assert "实收一包" in text and "要求补发" in text
    # One line with 。 between the labels keeps what follows the object.
    assert canonical("投诉对象:某卤味店。投诉问题:吃了拉肚子").startswith("吃了拉肚子")


def test_a_news_report_reads_as_the_shopper_without_the_merchant_reply() -> None:
    report = "消费者周女士反映，她买的除湿机用了十几天就开不了机。对此，商家回应称已安排售后联系。"
    assert canonical(report) == "我买的除湿机用了十几天就开不了机。"
    assert canonical("据吴先生介绍，他收到的是仿冒的耳机") == "我收到的是仿冒的耳机"
    # Without a reporting frame 他 is someone else (the seller, the courier).
    assert canonical("他说不给退") == "他说不给退"


def test_the_courier_and_shop_named_in_passing_are_dropped_not_what_they_did() -> None:
    assert canonical("在一家小店买的 圆通送来的 用了五天就坏了") == "  用了五天就坏了"
    assert "顺丰送来的时候" in canonical("顺丰送来的时候箱子破了")
    assert "中通那边也查不到" in canonical("快递是中通 中通那边也查不到")


@pytest.mark.parametrize(
    "framed",
    [
        "投诉对象：某数码店\n投诉问题：没有收到货，物流一直不动\n投诉要求：退款",
        "记者了解到，王女士反映她没有收到货，物流一直不动。对此，店铺回应称已经发货。",
        "家人们谁懂啊 #快递 没有收到货，物流一直不动 请问这种情况该找谁",
    ],
)
def test_framed_texts_reach_the_same_features_as_the_plain_text(framed: str) -> None:
    plain = read_signals(Problem(text="没有收到货，物流一直不动")).features
    assert set(read_signals(Problem(text=framed)).features) >= set(plain)


def test_a_carrier_other_than_the_promised_one_is_still_read() -> None:
    assert "邮政" in canonical("说好发顺丰 结果快递是邮政 路上走了五天")
    assert "中通" in canonical("说好顺丰 实际中通发的")
