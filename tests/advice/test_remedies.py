"""Amounts (Decimal, never float) and when a punitive demand may be proposed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tousu.advice import AdviceSettings, advise
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
