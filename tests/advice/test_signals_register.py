"""Real shoppers' register read as plain statements (normalise.toml); own invented sentences."""

from __future__ import annotations

from tousu.advice.normalise import canonical
from tousu.advice.ranking import read_signals
from tousu.models import Problem


def _features(text: str) -> set[str]:
    return set(read_signals(Problem(text=text)).features)


def test_a_question_frame_adds_nothing() -> None:
    plain = "卖家收了钱一直不发货"
    assert canonical("请问这种情况能投诉吗？" + plain).endswith(plain)
    assert _features("想问一下，" + plain + "，该怎么办") == _features(plain)


def test_a_pricing_glitch_is_not_an_insect() -> None:
    assert "foreign_object" not in _features("卖家说我用了bug券，要我补钱")
    assert "foreign_object" in _features("饼干里吃出一只bug")


def test_buck_passing_slang_reads_as_a_refusal() -> None:
    assert "refused" in _features("客服一直打太极")
    assert "refused" in _features("店家和厂家互相踢皮球")


def test_all_pinyin_posts_are_read() -> None:
    assert {"damaged"} <= _features("xiang zi po le, wan sui le")
    assert "return_request" in _features("maijia bu gei tuikuan, hai la hei le wo")


def test_shipping_that_came_days_late_reads_as_not_shipped_on_time() -> None:
    assert "not_shipped" in _features("卖家晚了四天才发货")
    assert "not_shipped" in _features("迟了两个多星期才寄出")


def test_a_record_of_what_arrived_counts_the_missing_units() -> None:
    # "两包实收一包": the 黑猫-style record's count, not a description mismatch.
    assert "missing_item" in _features("购买纸尿裤两包，实收一包")
    assert "missing_item" not in _features("购买纸尿裤两包，都收到了")


def test_an_overblown_claim_is_advertising() -> None:
    assert "ad_claim" in _features("主图写续航一百小时 一天半就没电了 宣传太夸张了")
    assert "ad_claim" in _features("客服吹牛说能用十年")
