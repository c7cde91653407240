"""Amounts on phrasings the third own set found (remedy_own_cases_3.jsonl): sums marked by ¥ or RMB,
a gift kept in new words, a combination's sub-item that never came, units pointed at, written
proof in new words, food known only from its title. All values invented; texts unlike the set's."""

from __future__ import annotations

import re

from tests.advice.test_amounts import A, B, amounts, line, order
from tousu.advice.amounts import read_sum, sum_pattern
from tousu.advice.proof import fraud_proven


def test_a_sum_marked_by_a_currency_sign_is_money_and_a_bare_number_is_not() -> None:
    money = re.compile(sum_pattern("运费{money}"))
    for text, value in (("运费¥12", "12"), ("运费￥8.5元", "8.5"), ("运费rmb 20", "20"), ("运费15块", "15")):
        match = money.search(text)
        assert match and read_sum(match["amount"]) == read_sum(value), text
    assert money.search("运费12") is None  # a bare number may be a size or a count


def test_return_postage_written_after_a_currency_sign_is_added() -> None:
    body = order([line(A, "示例电热水壶", "129.00")], status="completed")
    got = amounts(body, "水壶烧水漏电，质量问题退货，寄回的快递费是¥16。")
    assert got["return_refund"] == "145.00"


def test_a_promised_late_sum_after_a_currency_sign_wins_when_higher() -> None:
    body = order([line(A, "示例棉麻桌布", "90.00")], status="shipped", signed=None,
                 parcels=[{"company": "中通快递", "tracking_no": "78900000000201",
                           "contents": [{"sub_order_id": A, "quantity": 1}],
                           "first_scan_at": "2026-11-25T12:00:00+08:00", "signed_at": None}])  # fmt: skip
    assert amounts(body, "页面写超时未发货赔¥12，结果五天后才揽收。")["late_shipment_compensation"] == "12.00"


def test_a_gift_kept_in_use_comes_off_a_no_reason_refund_and_a_gift_sent_back_does_not() -> None:
    items = [
        line(A, "示例蓝牙音箱", "259.00"),
        {**line(B, "赠品：示例收纳袋", "0.00"), "kind": "gift", "declared_value": "19.00"},
    ]
    body = order(items, status="completed")
    kept = amounts(body, "音箱不想要了，七天无理由退货，送的收纳袋我拆开用上了，不打算寄回。")
    assert kept["return_refund"] == "240.00"
    back = amounts(body, "音箱不想要了，七天无理由退货，附赠的收纳袋原样放好，跟音箱一块儿寄回。")
    assert back["return_refund"] == "259.00"


def test_a_line_kept_in_other_words_is_not_returned() -> None:
    body = order([line(A, "示例羊毛手套", "60.00"), line(B, "示例加厚围脖", "40.00")], status="completed")
    assert amounts(body, "手套不合适，想七天无理由退掉，围脖我留着。")["return_refund"] == "60.00"


def test_a_sub_item_that_never_came_is_refunded_alone_at_its_declared_value() -> None:
    item = line(A, "示例画具套装（画架+颜料）", "320.00")
    item["components"] = [{"name": "画架"}, {"name": "颜料", "declared_value": "45.00"}]
    got = amounts(order([item], status="completed"), "套装到了，画架在，颜料没给，退颜料的钱。")
    assert got["refund_only"] == "45.00"


def test_the_units_the_text_points_at_are_the_affected_ones() -> None:
    body = order([line(A, "示例葡萄干 半斤装", "18.00", qty=5)], status="completed")
    assert amounts(body, "五袋葡萄干，打开后这两袋结成了硬块，退两袋的钱。").get("refund_only") == "36.00"


def test_written_proof_in_new_words_supports_the_triple() -> None:
    titles = ["示例 钻石戒指 正品"]
    assert fraud_proven("检测站给我开了证书，结论是莫桑石，不是钻石。", titles, food=False)
    assert fraud_proven("鉴别结论写的不符合正品特征。", titles, food=False)
    assert fraud_proven("品牌方寄来盖了公章的函，说这个批号从未生产过。", titles, food=False)
    assert fraud_proven(
        "The maker's service centre put it in writing: not their product.", titles, food=False
    )
    # No document: a feeling, a comparison with a friend's, an oral view.
    assert not fraud_proven("拿在手里感觉不对，肯定不是钻石。", titles, food=False)


def test_mould_in_colours_or_a_foreign_object_on_a_food_title_earns_the_tenfold() -> None:
    pastry = order([line(A, "示例手工桃酥 250g", "29.00")], status="completed")
    assert amounts(pastry, "打开盒子表面长了一层白色的毛。")["food_tenfold"] == "1000.00"
    snack = order([line(A, "示例卤味鸭脖 300g", "39.00")], status="completed")
    assert amounts(snack, "吃着吃着发现里面卡着一段塑料。")["food_tenfold"] == "1000.00"


def test_the_same_words_on_goods_that_are_not_food_earn_no_tenfold() -> None:
    coat = order([line(A, "示例羊羔绒外套", "299.00")], status="completed")
    assert amounts(coat, "外套表面长了一层白色的毛。").get("food_tenfold") is None
    model = order([line(A, "示例仿真面包模型 摆件", "49.00")], status="completed")
    assert amounts(model, "面包模型底下发霉了，按食品十倍赔。").get("food_tenfold") is None
