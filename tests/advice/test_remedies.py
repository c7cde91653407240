"""Amounts (Decimal, never float) and when a punitive demand may be proposed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tests.advice.conftest import NOW
from tousu.advice import AdviceSettings, advise
from tousu.advice.facts import order_facts
from tousu.advice.remedies import food_tenfold, fraud_triple, late_shipment_compensation
from tousu.models import AdviceRequest


@pytest.mark.parametrize(
    ("paid", "extra"),
    [
        ("0.01", "500.00"),
        ("100.00", "500.00"),
        ("166.66", "500.00"),
        ("166.67", "500.01"),
        ("199.00", "597.00"),
        ("47.40", "500.00"),
        ("1000.10", "3000.30"),
    ],
)
def test_fraud_triple(paid: str, extra: str) -> None:
    assert fraud_triple(Decimal(paid)) == Decimal(extra)


@pytest.mark.parametrize(
    ("paid", "extra"),
    [
        ("9.90", "1000.00"),
        ("100.00", "1000.00"),
        ("100.01", "1000.10"),
        ("258.00", "2580.00"),
    ],
)
def test_food_tenfold(paid: str, extra: str) -> None:
    assert food_tenfold(Decimal(paid)) == Decimal(extra)


@pytest.mark.parametrize(
    ("paid", "platform", "amount"),
    [
        ("47.40", "taobao", "5.00"),  # 2.37 -> minimum 5
        ("199.00", "taobao", "9.95"),
        ("999.00", "taobao", "30.00"),  # 49.95 -> maximum 30
        ("10.00", "tmall", "5.00"),
        ("199.00", "tmall", "59.70"),
        ("5000.00", "tmall", "500.00"),
    ],
)
def test_late_shipment_compensation(paid: str, platform: str, amount: str) -> None:
    assert late_shipment_compensation(Decimal(paid), platform, AdviceSettings()) == Decimal(amount)


def test_late_shipment_compensation_follows_settings() -> None:
    settings = AdviceSettings(late_ship_rate_taobao=Decimal("0.1"), late_ship_max_taobao=Decimal("100"))
    assert late_shipment_compensation(Decimal("199.00"), "taobao", settings) == Decimal("19.90")


def remedies(advice) -> dict:  # type: ignore[no-untyped-def]
    return {r.code: r for r in advice.remedies}


def test_late_shipment_remedy_in_advice(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("还没发货", "unshipped_4d", price="199.00"))
    found = remedies(advice)
    assert found["late_shipment_compensation"].amount == "9.95"
    assert found["late_shipment_compensation"].venue == "complaint"
    assert found["refund_only"].amount == "199.00"
    tmall = advise(make_request("还没发货", "unshipped_4d", price="199.00", platform="tmall"))
    assert remedies(tmall)["late_shipment_compensation"].amount == "59.70"


def test_no_late_compensation_before_the_deadline(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("什么时候发货", "unshipped_1d", type="late_shipment"))
    assert "late_shipment_compensation" not in remedies(advice)


def test_price_paid_excludes_shipping_and_pseudo_items(make_request: Callable[..., AdviceRequest]) -> None:
    request = make_request(
        "鉴定结果是假货，专柜确认不是正品",
        "completed_3d",
        "耐克运动鞋",
        total_paid="215.00",
        shipping_fee="10.00",
        items=[
            {"title": "耐克运动鞋", "unit_price": "200.00"},
            {"title": "运费险", "unit_price": "5.00", "pseudo": True},
        ],
    )
    advice = advise(request)
    assert advice.types[0].code == "counterfeit"
    assert remedies(advice)["fraud_triple"].amount == "600.00"
    assert remedies(advice)["fraud_triple"].venue == "regulator_12315"


def test_counterfeit_without_authentication_gets_no_triple(
    make_request: Callable[..., AdviceRequest],
) -> None:
    advice = advise(make_request("感觉是假货，要求退一赔三", "completed_3d", "耐克运动鞋"))
    assert advice.types[0].code == "counterfeit"
    assert "fraud_triple" not in remedies(advice)
    codes = {w.code for w in advice.warnings}
    assert {"counterfeit_without_authentication", "punitive_not_supported"} <= codes


def test_food_tenfold_only_for_unsafe_food(make_request: Callable[..., AdviceRequest]) -> None:
    unsafe = advise(make_request("坚果发霉了", "food_completed_2d", price="58.00"))
    assert unsafe.types[0].code == "food_safety"
    assert remedies(unsafe)["food_tenfold"].amount == "1000.00"
    assert "statutory_outside_taobao" in {w.code for w in unsafe.warnings}
    label = advise(make_request("包装上的配料表顺序印错了，要求十倍赔偿", "food_completed_2d", price="58.00"))
    assert "food_tenfold" not in remedies(label)
    assert "punitive_from_label_flaw" in {w.code for w in label.warnings}


def test_quality_defect_never_offers_punitive(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("左耳没有声音，要求退一赔三", "completed_3d"))
    assert not {"fraud_triple", "food_tenfold"} & set(remedies(advice))


def test_wanted_remedy_goes_first(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("左耳没有声音", "completed_3d", wanted="换货"))
    assert advice.remedies[0].code == "exchange"
    advice = advise(make_request("左耳没有声音", "completed_3d", wanted="repair"))
    assert advice.remedies[0].code == "repair"


def test_quality_return_after_seven_days_prefers_exchange_or_repair(
    make_request: Callable[..., AdviceRequest],
) -> None:
    advice = advise(make_request("左耳没有声音", "completed_20d"))
    assert advice.remedies[0].code in ("exchange", "repair")
    assert "七日" in (remedies(advice)["return_refund"].note or "")


def test_seven_day_return_freight_is_the_buyers(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("七天无理由退货被卖家拒绝", "refunding_3d"))
    assert advice.types[0].code == "seven_day_return_refused"
    refund = remedies(advice)["return_refund"]
    assert "第二十五条" in refund.basis and "买家" in (refund.note or "")


def test_quantity_beyond_household_warns(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("坚果发霉了，要十倍赔偿", "food_completed_2d", quantity=50))
    assert "quantity_beyond_household" in {w.code for w in advice.warnings}


def test_money_is_a_decimal_string(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("左耳没有声音", "completed_3d", price="47.40"))
    assert remedies(advice)["return_refund"].amount == "47.40"
    dumped = advice.model_dump(mode="json")
    assert isinstance(dumped["remedies"][0]["amount"], str)


# --- the punitive base: the affected goods only --------------------------------------------------

TWO_LINES = {
    "total_paid": "337.00",
    "shipping_fee": "10.00",
    "items": [
        {"sub_order_id": "1000000000000000001", "title": "玫瑰淡香水 50ml", "unit_price": "268.00"},
        {"sub_order_id": "1000000000000000002", "title": "玫瑰身体乳 200ml", "unit_price": "59.00"},
    ],
}


def _facts(order, text: str = "", affected=None):  # type: ignore[no-untyped-def]
    return order_facts(order, NOW, AdviceSettings(), text=text, affected=affected)


def test_base_is_the_affected_line_only_never_freight_or_the_other_line(make_order) -> None:  # type: ignore[no-untyped-def]
    order = make_order("completed_3d", **TWO_LINES)
    assert _facts(order).price_paid == Decimal("327.00")  # all goods, freight out
    named = _facts(order, "香水是假的，品牌方书面鉴定函确认非正品；身体乳品牌方确认是正品")
    assert named.price_paid == Decimal("268.00")
    assert [(a.sub_order_id, a.quantity, a.source) for a in named.affected] == [
        ("1000000000000000001", 1, "inferred")
    ]
    given = _facts(order, "", [("1000000000000000002", 1)])
    assert given.price_paid == Decimal("59.00") and given.affected[0].source == "shopper"


def test_base_counts_only_the_affected_quantity(make_order) -> None:  # type: ignore[no-untyped-def]
    line = {
        "sub_order_id": "1000000000000000001",
        "title": "65W 快充充电器",
        "unit_price": "89.00",
        "quantity": 3,
    }
    order = make_order("completed_3d", price="267.00", items=[line])
    assert _facts(order, "官方售后书面检测报告写明其中2个为仿冒品").price_paid == Decimal("178.00")
    assert _facts(order, "", [("1000000000000000001", 1)]).price_paid == Decimal("89.00")


def test_a_coupon_is_shared_out_over_the_lines(make_order) -> None:  # type: ignore[no-untyped-def]
    order = make_order("completed_3d", total_paid="270.00", items=[
        {"sub_order_id": "1000000000000000001", "title": "羽绒马甲", "unit_price": "200.00"},
        {"sub_order_id": "1000000000000000002", "title": "羊毛围巾", "unit_price": "100.00"},
    ])  # fmt: skip
    assert _facts(order, "", [("1000000000000000002", 1)]).price_paid == Decimal("90.00")


def test_a_free_gift_line_is_not_goods(make_order) -> None:  # type: ignore[no-untyped-def]
    order = make_order("completed_3d", total_paid="699.00", items=[
        {"sub_order_id": "1000000000000000001", "title": "无线降噪耳机", "unit_price": "699.00"},
        {"sub_order_id": "1000000000000000002", "title": "赠品：耳机保护套", "unit_price": "0.00"},
    ])  # fmt: skip
    facts = _facts(order, "耳机是假的")
    assert facts.price_paid == Decimal("699.00")


@pytest.mark.parametrize(
    "text",
    [
        "第三方鉴定报告结论非正品",
        "品牌售后检测确认不是正品",
        "专柜鉴定并出具书面说明：该包非本品牌产品",
        "官方客服邮件书面回复：该耳机非本品牌正品",
        "送检后CMA检测报告显示羊绒含量0%",
    ],
)
def test_written_findings_in_their_phrasings_support_the_triple(
    make_request: Callable[..., AdviceRequest], text: str
) -> None:
    advice = advise(make_request(text + "，卖家页面写着正品", "completed_3d", "品牌羊绒围巾 正品"))
    assert "fraud_triple" in remedies(advice), [t.code for t in advice.types]


@pytest.mark.parametrize(
    "text",
    ["专柜店员看了说是假的，但不肯出书面说明，也没有鉴定单", "品牌官网查询序列号显示无效"],
)
def test_no_written_finding_no_triple(make_request: Callable[..., AdviceRequest], text: str) -> None:
    assert "fraud_triple" not in remedies(advise(make_request(text, "completed_3d", "品牌链条包")))


def test_food_tenfold_whatever_type_ranks_first(make_request: Callable[..., AdviceRequest]) -> None:
    # A price complaint that also shows unsafe food: the tenfold is offered all the same.
    text = "卖家涨价了还不退差价；另外送检报告结论：甜蜜素超出GB 2760规定的最大使用量，判定不合格"
    advice = advise(make_request(text, "food_completed_2d", "话梅蜜饯 268g", price="59.80"))
    assert remedies(advice)["food_tenfold"].amount == "1000.00"


def test_pet_food_is_not_food(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(
        make_request("猫粮打开发现结块发霉，猫吃了以后呕吐，要十倍赔偿", "completed_3d", "全价成猫粮 2kg")
    )
    assert "food_tenfold" not in remedies(advice)


def test_a_promised_sum_beats_the_platform_figure(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("客服承诺超时未发货赔偿20元，结果晚发了", "shipped_late", price="150.00"))
    assert remedies(advice)["late_shipment_compensation"].amount == "20.00"


def test_affected_items_in_the_request_contract() -> None:
    from pydantic import ValidationError

    from tousu.models.advice import Advice

    body = {"order": {"order_id": "1000000000000000001"}, "problem": {"text": "x"}}
    ok = AdviceRequest.model_validate({**body, "affected_items": [{"sub_order_id": "1", "quantity": 2}]})
    assert ok.affected_items is not None and ok.affected_items[0].quantity == 2
    with pytest.raises(ValidationError):
        AdviceRequest.model_validate({**body, "affected_items": [{"sub_order_id": "1", "quantity": 0}]})
    assert Advice.model_fields["affected_items"].default_factory is not None


def test_a_refund_carries_the_freight_the_seller_owes(make_request: Callable[..., AdviceRequest]) -> None:
    unshipped = advise(
        make_request(
            "付款一周了还没发货，我想取消订单",
            "unshipped_5d",
            total_paid="94.00",
            shipping_fee="6.00",
            items=[{"title": "抽纸 2提", "unit_price": "88.00"}],
        )  # fmt: skip
    )
    assert remedies(unshipped)["refund_only"].amount == "94.00"  # never shipped: the freight comes back
    quality = advise(make_request("屏幕频繁闪烁，品牌售后检测单写排线故障，我寄回的顺丰运费18元是我垫付的"))
    assert remedies(quality)["return_refund"].amount == "217.00"  # 199 + the return postage advanced


def test_affected_items_say_what_the_amounts_used(make_order) -> None:  # type: ignore[no-untyped-def]
    from tousu.advice.amounts import affected_items

    order = make_order("completed_3d", **TWO_LINES)
    items = affected_items(_facts(order, "", [("1000000000000000001", 1)]).affected)
    assert [i.model_dump() for i in items] == [
        {
            "sub_order_id": "1000000000000000001",
            "title": "玫瑰淡香水 50ml",
            "quantity": 1,
            "amount": "268.00",
            "source": "shopper",
            "component": None,
        }
    ]
