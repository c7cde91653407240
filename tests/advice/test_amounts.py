"""Exact amounts from the order contract: the affected goods' 实付, late units by the carrier's
first record, refund parts, and the one evidence policy of fraud_triple. All values invented."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tousu.advice import advise
from tousu.advice.amounts import read_sum
from tousu.advice.lint import chinese_number
from tousu.models import AdviceRequest, Order

NOW = "2026-11-28T12:00:00+08:00"
OID = "3100000000000000200"
A, B, C = "3100000000000000201", "3100000000000000202", "3100000000000000203"


def line(sub: str, title: str, price: str, paid: str | None = None, qty: int = 1, **kw: Any) -> dict:
    return {"sub_order_id": sub, "title": title, "quantity": qty, "unit_price": price,
            "paid_amount": paid or f"{float(price) * qty:.2f}", "kind": "goods", **kw}  # fmt: skip


def order(items: list[dict], *, freight: str = "0.00", signed: str | None = "2026-11-25T12:00:00+08:00",
          parcels: list[dict] | None = None, status: str = "shipped", **kw: Any) -> dict:  # fmt: skip
    goods_paid = sum(float(i["paid_amount"]) for i in items)
    default_parcel = {
        "company": "中通快递",
        "tracking_no": "78900000000200",
        "contents": [{"sub_order_id": i["sub_order_id"], "quantity": i["quantity"]} for i in items],
        "first_scan_at": "2026-11-21T12:00:00+08:00",
        "signed_at": signed,
    }
    return {
        "order_id": OID,
        "platform": kw.pop("platform", "taobao"),
        "status": status,
        "paid_at": "2026-11-20T10:00:00+08:00",
        "received_at": signed,
        "total_paid": f"{goods_paid + float(freight):.2f}",
        "freight": freight,
        "items": items,
        "parcels": [default_parcel] if parcels is None else parcels,
        **kw,
    }


def amounts(body: dict, text: str, **request: Any) -> dict[str, str | None]:
    advice = advise(
        AdviceRequest.model_validate({"order": body, "problem": {"text": text}, "now": NOW, **request})
    )
    return {r.code: r.amount for r in advice.remedies}


TWO = [line(A, "示例真丝睡衣 女款", "500.00", "450.00"), line(B, "示例棉袜 三双装", "50.00", "45.00")]


def test_the_triple_counts_the_affected_line_at_its_paid_amount_never_the_freight() -> None:
    body = order(TWO, freight="12.00", discounts=[{"name": "店铺优惠券", "amount": "-55.00"}])
    text = "睡衣送到检测机构，检测报告写明面料是涤纶，不是真丝；棉袜没问题"
    got = amounts(body, text)
    assert got["fraud_triple"] == "1350.00"  # 3 x 450, the sock line and the freight left out
    shopper = amounts(body, "面料不对", affected_items=[{"sub_order_id": A, "quantity": 1}])
    assert "fraud_triple" not in shopper  # no written finding: the items alone prove nothing


@pytest.mark.parametrize(
    "finding",
    [
        "鉴定中心出具了书面鉴定证书，结论：非该品牌正品",
        "品牌方发来盖章的声明函，说明这件不是他们生产的产品",
        "专柜给了加盖专柜章的书面说明，认定为仿冒品",
        "有CNAS资质的实验室检验报告显示羊毛含量为0%",
        "品牌授权售后的检测单显示这台机器早已激活，有维修记录",
        "送去第三方鑑定，鑑定書結果為仿冒品",
        "品牌客服发了正式回函，说这个序列号不是他们出的货",
        "CNAS认可的检测报告显示羊毛含量只有百分之五，页面写的是纯羊毛",
    ],
)
def test_written_findings_in_many_wordings_support_the_triple(finding: str) -> None:
    body = order([line(A, "示例品牌羊毛大衣", "800.00")])
    assert amounts(body, finding)["fraud_triple"] == "2400.00"


@pytest.mark.parametrize(
    "doubt",
    [
        "摸起来手感很差，价格也便宜得离谱，肯定是假的，要退一赔三",
        "专柜柜员口头说不是正品，但不肯出具书面说明，要退一赔三",
        "官网查询防伪码显示无效，要求退一赔三",
        "鉴定报告也没有，就是觉得不对，要退一赔三",
    ],
)
def test_doubts_without_a_written_finding_get_no_triple(doubt: str) -> None:
    assert "fraud_triple" not in amounts(order([line(A, "示例品牌羊毛大衣", "800.00")]), doubt)


def test_a_replica_disclosed_in_the_title_never_gets_the_triple() -> None:
    body = order([line(A, "复刻款 示例腕表 非正品 介意勿拍", "300.00")])
    assert "fraud_triple" not in amounts(body, "鉴定机构出具鉴定报告：非正品，要退一赔三")


def test_late_shipment_counts_the_late_parcel_by_the_carriers_first_scan() -> None:
    items = [
        line(A, "示例台灯", "100.00", ship_within_hours=48),
        line(B, "示例显示器", "900.00", ship_within_hours=48),
    ]
    parcels = [
        {"tracking_no": "78900000000201", "contents": [{"sub_order_id": A, "quantity": 1}],
         "first_scan_at": "2026-11-21T09:00:00+08:00", "signed_at": "2026-11-23T09:00:00+08:00"},
        # The seller clicked 发货 on time, the carrier first saw it three days later.
        {"tracking_no": "78900000000202", "contents": [{"sub_order_id": B, "quantity": 1}],
         "shipped_at": "2026-11-21T10:00:00+08:00", "first_scan_at": "2026-11-25T09:00:00+08:00"},
    ]  # fmt: skip
    body = order(items, freight="10.00", parcels=parcels, shipped_at="2026-11-21T09:00:00+08:00")
    assert amounts(body, "显示器拖了好几天")["late_shipment_compensation"] == "30.00"  # min(5% x 900, 30)
    tmall = {**body, "platform": "tmall"}
    assert amounts(tmall, "显示器拖了好几天")["late_shipment_compensation"] == "270.00"  # 30% x 900


def test_a_combinations_sub_item_counts_at_its_declared_value() -> None:
    item = line(A, "示例露营套装（帐篷+睡袋）", "1000.00", ship_within_hours=24,
                components=[{"name": "帐篷"}, {"name": "睡袋", "declared_value": "300.00"}])  # fmt: skip
    tent = [{"sub_order_id": A, "quantity": 1, "component": "帐篷"}]
    bag = [{"sub_order_id": A, "quantity": 1, "component": "睡袋"}]
    parcels = [
        {"tracking_no": "78900000000203", "contents": tent, "first_scan_at": "2026-11-20T18:00:00+08:00"},
        {"tracking_no": "78900000000204", "contents": bag, "first_scan_at": "2026-11-24T18:00:00+08:00"},
    ]  # fmt: skip
    body = order([item], parcels=parcels, signed=None)
    assert amounts(body, "睡袋晚了几天才寄出")["late_shipment_compensation"] == "15.00"  # 5% x 300
    picked = [{"sub_order_id": A, "quantity": 1, "component": "睡袋"}]
    assert amounts(body, "晚发", affected_items=picked)["late_shipment_compensation"] == "15.00"


def test_a_later_date_the_shopper_agreed_to_is_the_deadline() -> None:
    parcels = [{"tracking_no": "78900000000205", "contents": [{"sub_order_id": A, "quantity": 1}],
                "first_scan_at": "2026-11-24T10:00:00+08:00"}]  # fmt: skip
    body = order([line(A, "示例书柜", "400.00", ship_within_hours=48)], parcels=parcels, signed=None)
    assert amounts(body, "为什么这么久才发货")["late_shipment_compensation"] == "20.00"
    agreed = "卖家问能否11月26日前发货，我回复了可以。现在想要晚发赔偿"
    assert amounts(body, agreed, type="late_shipment").get("late_shipment_compensation") is None


def test_return_postage_comes_back_when_the_seller_is_at_fault_unless_insurance_paid_it() -> None:
    text = "收到的尺码和页面标的不一样，想退掉睡衣，寄回运费15元是我垫付的"
    assert amounts(order(TWO), text)["return_refund"] == "465.00"  # 450 + 15
    insured = order(TWO, services=["退货宝"])
    assert amounts(insured, text)["return_refund"] == "450.00"


def test_outbound_freight_only_when_the_whole_order_failed() -> None:
    single = order([line(A, "示例音箱", "128.00")], freight="8.00")
    assert amounts(single, "拆开是个空盒子，里面什么都没有")["refund_only"] == "136.00"
    partial = order(TWO, freight="8.00")
    assert amounts(partial, "睡衣有破洞，寄回运费10元", type="quality_defect")["return_refund"] == "460.00"


def test_missing_units_are_refunded_without_a_return() -> None:
    body = order([line(A, "示例纸巾 10包装", "5.00", qty=10)])
    assert amounts(body, "拆开箱子里只有7包")["refund_only"] == "15.00"


def test_no_reason_return_loses_the_kept_goods_discount_and_a_kept_gift() -> None:
    items = [line(A, "示例羽绒背心", "200.00", "180.00"), line(B, "示例毛线帽", "100.00", "90.00"),
             {"sub_order_id": C, "title": "赠品：示例手套", "quantity": 1, "unit_price": "0.00",
              "paid_amount": "0.00", "kind": "gift", "declared_value": "25.00"}]  # fmt: skip
    body = order(items, discounts=[{"name": "满300减30", "amount": "-30.00"}])
    pick = [{"sub_order_id": B, "quantity": 1}]
    got = amounts(body, "不想要了，七天无理由退货", type="seven_day_return_refused", affected_items=pick)
    assert got["return_refund"] == "70.00"  # 90 less the 20 the kept vest loses
    kept_gift = "不想要了，七天无理由退货，赠品手套已经用了"
    got = amounts(body, kept_gift, type="seven_day_return_refused", affected_items=pick)
    assert got["return_refund"] == "45.00"


def test_no_reason_return_deducts_the_freight_of_a_lost_free_shipping_threshold() -> None:
    body = order(TWO, shipping_rule={"free_shipping_threshold": "99.00", "standard_freight": "6.00"})
    pick = [{"sub_order_id": A, "quantity": 1}]
    got = amounts(body, "七天无理由退货", type="seven_day_return_refused", affected_items=pick)
    assert got["return_refund"] == "444.00"  # the socks alone (50) no longer ship free


def test_no_reason_return_has_no_amount_after_the_window_or_for_custom_goods() -> None:
    late = order([line(A, "示例外套", "259.00")], signed="2026-11-15T10:00:00+08:00")
    assert amounts(late, "不喜欢，想七天无理由退货", type="seven_day_return_refused")["return_refund"] is None
    custom = order([line(A, "示例钢笔 刻字", "168.00", custom_made=True)])
    assert (
        amounts(custom, "不喜欢，想七天无理由退货", type="seven_day_return_refused")["return_refund"] is None
    )
    fine = order([line(A, "示例外套", "259.00")])
    assert (
        amounts(fine, "不喜欢，想七天无理由退货", type="seven_day_return_refused")["return_refund"]
        == "259.00"
    )


def test_a_broken_carrier_promise_refunds_the_freight() -> None:
    body = order([line(A, "示例茶具", "300.00", ship_promise="默认发顺丰")], freight="12.00")
    body["parcels"][0]["company"] = "中通快递"
    assert amounts(body, "说好发顺丰结果发了中通")["freight_refund"] == "12.00"


def test_affected_items_report_what_the_amounts_used() -> None:
    body = order(TWO)
    request = {"order": body, "problem": {"text": "睡衣起球严重，棉袜没问题"}, "now": NOW}
    advice = advise(AdviceRequest.model_validate(request))
    assert [(i.sub_order_id, i.quantity, i.amount) for i in advice.affected_items] == [(A, 1, "450.00")]
    assert Order.model_validate(body).items[0].paid_amount == "450.00"


@pytest.mark.parametrize(
    "finding",
    [
        "拿去第三方鑑定機構，出具了書面鑑定報告，結論係仿冒品",  # traditional, Cantonese 係
        "The brand emailed me back: this is NOT genuine",
        "送去CMA检测，检测报告显示羊毛0%",  # no 含量
        "检测结果为聚酯纤维，页面写的羊毛",
        "大衣送检，结论不合格，和页面写的成分对不上，有书面报告",
    ],
)
def test_findings_in_other_scripts_and_without_the_word_content_support_the_triple(finding: str) -> None:
    body = order([line(A, "示例品牌羊毛大衣", "800.00")])
    assert amounts(body, finding)["fraud_triple"] == "2400.00"


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("五盒中的两盒发霉了", 2),
        ("兩盒里有一盒發霉了", 1),
        ("六盒里面有一半发霉了", 3),
        ("其中three盒发霉", 3),
        ("发霉了，其他四盒没问题", 2),
        ("十二盒当中十盒发霉", 10),
    ],
)
def test_quantities_in_words_become_the_affected_units(text: str, units: int) -> None:
    body = order([line(A, "示例手工月饼 单盒", "20.00", qty=6 if "十" not in text else 12)])
    # food_tenfold is max(10 x base, 1000); refund_only refunds the affected units only.
    got = amounts(body, text)
    assert got["food_tenfold"] == f"{max(10 * 20 * units, 1000):.2f}"


def test_a_lost_parcel_of_two_lines_refunds_what_it_held_of_each() -> None:
    items = [line(A, "示例电饭煲", "300.00"), line(B, "示例大米 5kg", "40.00", qty=3)]
    parcels = [
        {"company": "中通快递", "tracking_no": "78900000000301", "first_scan_at": "2026-11-21T12:00:00+08:00",
         "signed_at": None,
         "contents": [{"sub_order_id": A, "quantity": 1}, {"sub_order_id": B, "quantity": 2}]},
        {"company": "韵达快递", "tracking_no": "4312345600302", "first_scan_at": "2026-11-21T13:00:00+08:00",
         "signed_at": "2026-11-24T12:00:00+08:00", "contents": [{"sub_order_id": B, "quantity": 1}]},
    ]  # fmt: skip
    got = amounts(order(items, parcels=parcels), "有一个包裹丢了，快递说找不到，要求退款")
    assert got["refund_only"] == "380.00"  # 300 + 2 x 40; the bag of rice that arrived is not refunded


def test_a_line_the_shopper_says_to_ignore_is_not_the_one_at_fault() -> None:
    items = [line(A, "示例降噪耳机", "89.00"), line(B, "示例耳机保护套", "9.90")]
    got = amounts(order(items), "耳机做了第三方鉴定，鉴定证书写的是高仿。同单买的保护套不用管")
    assert got["fraud_triple"] == "500.00" and got["return_refund"] == "89.00"


LATE = [{"tracking_no": "78900000000206", "contents": [{"sub_order_id": A, "quantity": 1}],
         "first_scan_at": "2026-11-25T10:00:00+08:00"}]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("五天才发出来，当时客服讲延迟发货赔12块", "12.00"),  # the promise, higher than 5% x 100
        ("下单页面写着“晚发货补偿八元”，结果拖了五天", "8.00"),  # numerals in words
        ("拖了五天，客服承诺超时发货补偿3元", "5.00"),  # lower than the floor: the platform's figure
        ("拖了五天才发，我要求延迟发货赔50元", "5.00"),  # the shopper's own demand is no promise
    ],
)
def test_a_sum_the_seller_promised_for_late_shipment_wins_when_higher(text: str, want: str) -> None:
    body = order([line(A, "示例收纳箱", "100.00", ship_within_hours=48)], parcels=LATE, signed=None)
    assert amounts(body, text)["late_shipment_compensation"] == want


def test_promised_sums_are_read_only_for_late_shipment_breaches() -> None:
    from tousu.advice.lateness import promised_sum

    assert promised_sum("卖家答应质量问题赔20元") is None
    assert promised_sum("说好延期发货的话赔付20元，后来又说只给10元") == 20


FOOD = [line(A, "示例纯牛奶 整箱", "60.00")]


@pytest.mark.parametrize(
    "text",
    [
        "签收时保质期内好好的，囤在柜子里三个礼拜才过期，能要十倍吗",
        "到货后一直没喝放着，上周过期了",
        "我忘了放冰箱，两天就坏了，可以十倍赔偿吗",
    ],
)
def test_food_that_went_bad_after_delivery_earns_no_tenfold(text: str) -> None:
    got = amounts(order(FOOD), text)
    assert got.get("food_tenfold") is None


@pytest.mark.parametrize("text", ["一收到就发现已经过期了，要十倍", "拆开就是发霉的，要求十倍赔偿"])
def test_food_expired_or_spoiled_on_arrival_keeps_the_tenfold(text: str) -> None:
    assert amounts(order(FOOD), text)["food_tenfold"] == "1000.00"


def test_a_shoppers_word_for_a_line_that_is_not_in_its_title_names_the_line() -> None:
    # 茶叶 for an oolong tea, 枣子 for a jujube: the head noun names the line, so the tenfold and
    # the refund count the jujube line only (10 x 40 is under the 1000 floor).
    items = [line(A, "示例高山乌龙茶 罐装", "200.00"), line(B, "示例和田骏枣 500g", "40.00")]
    text = "茶叶是好的，那包枣子长毛了，要十倍"
    body = {"order": order(items), "problem": {"text": text}, "now": NOW}
    advice = advise(AdviceRequest.model_validate(body))
    assert [a.sub_order_id for a in advice.affected_items] == [B]
    assert {r.code: r.amount for r in advice.remedies}["food_tenfold"] == "1000.00"
    heavy = [line(A, "示例高山乌龙茶 罐装", "200.00"), line(B, "示例和田骏枣 礼盒", "150.00")]
    assert amounts(order(heavy), text)["food_tenfold"] == "1500.00"  # not 10 x 350


def test_a_packaging_word_does_not_name_a_line() -> None:
    from tousu.advice.categories import head_names

    assert head_names("新疆灰枣") == {"枣子", "枣儿", "枣叶"}
    assert head_names("节日礼盒") == set()


@pytest.mark.parametrize(
    "text",
    [
        "两样一起买的，沐浴露到了整瓶漏空了，退沐浴露的钱就行",
        "沐浴露压坏了已经扔掉了",
        "沐浴露瓶子裂了，只退款不退货",
    ],
)
def test_a_unit_with_nothing_to_send_back_is_refunded_without_a_return(text: str) -> None:
    items = [line(A, "示例沐浴露 1L", "39.00"), line(B, "示例浴球", "6.00")]
    assert amounts(order(items), text)["refund_only"] == "39.00"


@pytest.mark.parametrize(
    ("written", "value"),
    [("12", "12"), ("12.5", "12.5"), ("1.2k", "1200"), ("3万", "30000"), ("2万5", "25000"),
     ("十二", "12"), ("九十九", "99"), ("一百二十", "120"), ("一百二", "120"), ("两千五", "2500"),
     ("一百零五", "105"), ("一万二", "12000"), ("三百五", "350"), ("1,200", "1200"), ("three", "3"),
     # A spoken range asks for its upper end.
     ("两三千", "3000"), ("七八十", "80"), ("三五百", "500")],
)  # fmt: skip
def test_one_reader_reads_sums_in_digits_and_words_beyond_ninety_nine(written: str, value: str) -> None:
    assert read_sum(written) == Decimal(value)
    assert chinese_number(written) == Decimal(value)  # the linter reads a figure the same way


@pytest.mark.parametrize("not_a_number", ["一二", "二一", "一五千", "百二", "", "abc"])
def test_a_run_of_numerals_that_is_no_number_reads_as_none(not_a_number: str) -> None:
    assert read_sum(not_a_number) is None


def _late(platform: str, price: str) -> dict:
    body = order([line(A, "示例电暖器", price)], platform=platform, signed=None)
    body["parcels"][0]["first_scan_at"] = "2026-11-24T12:00:00+08:00"  # paid 11-20 10:00, 48 h
    return body


def test_a_late_shipment_sum_the_seller_promised_in_words_wins_when_higher() -> None:
    tmall = _late("tmall", "300.00")  # the rule: 30% of 300 = 90
    assert (
        amounts(tmall, "店铺写明晚发赔一百二十元，结果四天后才揽件")["late_shipment_compensation"] == "120.00"
    )
    taobao = _late("taobao", "320.00")  # the rule: 5% of 320 = 16
    got = amounts(taobao, "客服答应超时不发货赔五十块，拖了四天才揽收")
    assert got["late_shipment_compensation"] == "50.00"
    assert amounts(taobao, "拖了四天才揽收，客服说赔三块")["late_shipment_compensation"] == "16.00"


def test_return_postage_written_in_words_comes_back() -> None:
    text = "睡衣用了一次就开线了，质量问题退货，退回去的快递费二十五块我先垫了"
    assert amounts(order(TWO), text, type="quality_defect")["return_refund"] == "475.00"  # 450 + 25


def test_a_named_no_reason_return_keeps_its_figure_whatever_type_ranks_first() -> None:
    items = [line(A, "示例羽绒背心", "200.00", "180.00"), line(B, "示例毛线帽", "100.00", "90.00")]
    body = order(items, discounts=[{"name": "满300减30", "amount": "-30.00"}])
    text = "帽子不喜欢，想七天无理由退掉，背心留下"
    assert amounts(body, text, type="false_advertising")["return_refund"] == "70.00"  # 90 - 20
    fault = "帽子开线了，不是七天无理由，是质量问题，寄回运费10元"
    assert amounts(body, fault, type="quality_defect")["return_refund"] == "100.00"  # 90 + 10


def test_unsafe_food_is_refunded_without_a_return_for_the_spoiled_units_only() -> None:
    body = order([line(A, "示例鲜肉粽 礼盒", "12.50", qty=4)])
    got = amounts(body, "外箱压扁了，打开粽子有霉斑，四个里面坏了两个")
    assert got["food_tenfold"] == "1000.00"
    assert got["refund_only"] == "25.00"  # two of the four, not sent back


def test_units_only_partly_delivered_are_refunded() -> None:
    body = order([line(A, "示例矿泉水 24瓶", "42.00", qty=4)])
    assert amounts(body, "订了4箱，只送来3箱，少的那一箱退钱")["refund_only"] == "42.00"


def test_food_that_went_off_after_sign_off_is_told_why_there_is_no_tenfold() -> None:
    body = order([line(A, "示例草莓 3斤", "89.00")], status="completed")
    for text in (
        "收到时是好的，放了一周才发霉，能要十倍赔偿吗",
        "快递压扁了，收到时是好的，放了一周才发霉，我要十倍赔偿",
    ):
        advice = advise(AdviceRequest.model_validate({"order": body, "problem": {"text": text}, "now": NOW}))
        assert "food_tenfold" not in {r.code for r in advice.remedies}
        said = " ".join(w.message for w in advice.warnings)
        assert "收到以后才过期或变质" in said, text  # the reason for this case, not the label-flaw one


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("电水壶漏水，质量问题退货，寄回去花了12块钱运费", "112.00"),
        ("发错颜色了，退回去运费花了十五", "115.00"),
        ("水壶漏水 return shipping cost me 12 yuan", "112.00"),
        ("水壶漏水，退货运费：12元（我垫付）", "112.00"),
        ("水壶漏水，寄回运费一十二元，退货宝已经赔了", "100.00"),  # insurance paid it
    ],
)
def test_return_postage_in_the_ways_shoppers_write_it(text: str, want: str) -> None:
    body = order([line(A, "示例电水壶", "100.00")], freight="8.00")
    assert amounts(body, text, type="quality_defect")["return_refund"] == want  # never the outbound 8


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("48小时不发货赔20元，结果四天才揽收", "20.00"),
        ("说好的延迟发货赔偿金一百元呢", "100.00"),
        ("seller promised 40 yuan if late shipment", "40.00"),
        ("我要求延迟发货赔50元", "16.00"),  # the shopper's own demand is no promise: 5% of 320
    ],
)
def test_late_shipment_promises_in_more_phrasings(text: str, want: str) -> None:
    assert amounts(_late("taobao", "320.00"), text)["late_shipment_compensation"] == want
