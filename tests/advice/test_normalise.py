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
