"""Build tests/advice/remedy_own_cases.jsonl: our own remedy cases, invented, in the corpus format.

    .venv/bin/python scripts/build_own_remedy_cases.py

Written before any engine change (issue 11) as an untouched judge with phrasings unlike the corpus:
real shoppers, traditional characters, English-mixed, numbers in words, multi-item orders, 购物金,
coupons, gifts, pseudo lines, parcels. Every amount is computed here from the order by the corpus
amount rules (remedies-dev README), so the orders satisfy the corpus invariants by construction.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "advice" / "remedy_own_cases.jsonl"
NOW = "2026-11-28T12:00:00+08:00"
CENT = Decimal("0.01")
TZ = "+08:00"


def t(day: int, hm: str = "10:00") -> str:
    return f"2026-11-{day:02d}T{hm}:00{TZ}"


def money(x: Decimal) -> str:
    return f"{x.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"


class Case:
    n = 0

    def __init__(self, group: str, text: str, platform: str = "taobao") -> None:
        Case.n += 1
        self.n = Case.n
        self.id = f"own{Case.n:03d}"
        self.group = group
        self.text = text
        self.platform = platform
        self.items: list[dict] = []
        self.freight = Decimal(0)
        self.discounts: list[dict] = []
        self.payments: list[dict] | None = None
        self.paid_at = t(14, "20:00")
        self.first_scan: str | None = t(15, "18:00")
        self.shipped_at: str | None = t(15, "16:00")
        self.signed: str | None = t(17, "12:00")
        self.parcels: list[dict] | None = None
        self.extra: dict = {}

    def item(self, title, qty, price, paid=None, kind="goods", **more) -> str:
        sid = f"52{self.n:03d}0000000000{len(self.items) + 1:04d}"  # 19 digits, as the corpus
        paid = Decimal(price) * qty if paid is None else Decimal(paid)
        self.items.append(
            {
                "sub_order_id": sid,
                "title": title,
                "sku": more.pop("sku", "默认"),
                "quantity": qty,
                "unit_price": money(Decimal(price)),
                "paid_amount": money(paid),
                "kind": kind,
                "ship_within_hours": more.pop("hours", 48),
                **more,
            }
        )
        return sid

    def order(self) -> dict:
        paid = sum((Decimal(i["paid_amount"]) for i in self.items), Decimal(0))
        listed = sum((Decimal(i["unit_price"]) * i["quantity"] for i in self.items), Decimal(0))
        disc = sum((Decimal(d["amount"]) for d in self.discounts), Decimal(0))
        assert listed + disc == paid, (self.id, listed, disc, paid)
        total = paid + self.freight
        if self.payments:
            assert sum(Decimal(p["amount"]) for p in self.payments) == total, self.id
        goods = [i for i in self.items if i["kind"] != "pseudo"]
        parcels = self.parcels
        if parcels is None:
            parcels = (
                [
                    {
                        "company": "中通快递",
                        "tracking_no": f"7890123456{self.n:04d}",
                        "contents": [
                            {"sub_order_id": i["sub_order_id"], "quantity": i["quantity"]} for i in goods
                        ],
                        "first_scan_at": self.first_scan,
                        "signed_at": self.signed,
                    }
                ]
                if self.first_scan
                else []
            )
        status = "completed" if self.signed else ("shipped" if self.first_scan else "awaiting_shipment")
        out = {
            "order_id": f"52{self.n:03d}00000000000000",
            "platform": self.platform,
            "shop": {"name": "自编测试小店"},
            "status": status,
            "status_text": {
                "completed": "交易成功",
                "shipped": "卖家已发货",
                "awaiting_shipment": "买家已付款",
            }[status],
            "created_at": self.paid_at.replace(":00+", ":00+").replace("T20:00", "T19:59"),
            "paid_at": self.paid_at,
            "shipped_at": self.shipped_at,
            "received_at": self.signed,
            "completed_at": self.signed,
            "total_paid": money(total),
            "freight": money(self.freight),
            "discounts": self.discounts,
            "items": self.items,
            "parcels": parcels,
        }
        if self.payments:
            out["payments"] = self.payments
        out.update(self.extra)
        if out["created_at"] > out["paid_at"]:
            out["created_at"] = out["paid_at"]
        return out

    def base(self, affected) -> Decimal:
        by = {i["sub_order_id"]: i for i in self.items}
        return sum((Decimal(by[s]["paid_amount"]) * q / by[s]["quantity"] for s, q in affected), Decimal(0))

    def emit(self, affected, remedy, offered=True, amount=None, other=(), facts=None, calc=None, venue=None):
        base = self.base(affected)
        if amount is None and offered:
            amount = {
                "fraud_triple": lambda: max(3 * base, Decimal(500)),
                "food_tenfold": lambda: max(10 * base, Decimal(1000)),
                "late_shipment_compensation": lambda: (
                    min(max(base * Decimal("0.05"), Decimal(5)), Decimal(30))
                    if self.platform == "taobao"
                    else min(max(base * Decimal("0.30"), Decimal(5)), Decimal(500))
                ),
            }.get(remedy, lambda: base)()
        venue = venue or {
            "fraud_triple": "12315_or_court",
            "food_tenfold": "12315_or_court",
            "late_shipment_compensation": "complaint",
        }.get(remedy, "after_sales")
        expect = {
            "remedy": remedy,
            "amount": money(Decimal(amount)) if offered else None,
            "offered": offered,
            "venue": venue,
        }
        if other:
            expect["other_remedies"] = [
                {"remedy": r, **({"amount": money(Decimal(a))} if a is not None else {})} for r, a in other
            ]
        order = self.order()
        if remedy == "late_shipment_compensation":
            facts = {**self.late_facts(order, affected), **(facts or {})}
        if remedy == "fraud_triple" and not offered and facts is not None:
            # The corpus lists what would prove the claim when the proof is missing.
            expect["evidence_needed"] = [
                "第三方鉴定机构的书面鉴定报告，或品牌方书面回复（函件、邮件）、专柜盖章说明",
                "下单时商品页面的截图（写着正品等宣传）",
            ]
        case = {
            "id": self.id,
            "group": self.group,
            "order": self.order(),
            "problem": {"text": self.text},
            "now": NOW,
            "affected": [{"sub_order_id": s, "quantity": q} for s, q in affected],
            "expect": expect,
            "calc": calc,
            "facts": facts,
            "basis": "own case; amounts by the remedies-dev README amount rules",
            "note": "invented order and text",
            "features": [],
        }
        case["order"] = order
        case["features"] = features(case)
        return case

    def late_facts(self, order: dict, affected) -> dict:
        """The late-shipment facts the corpus records: deadline, its source, the parcel and its scan."""
        by = {i["sub_order_id"]: i for i in self.items}
        hours = {by[s]["ship_within_hours"] for s, _ in affected}
        assert len(hours) == 1, self.id
        deadline = datetime.fromisoformat(order["paid_at"]) + timedelta(hours=hours.pop())
        wanted = {s for s, _ in affected}
        carrying = [p for p in order["parcels"] if wanted & {x["sub_order_id"] for x in p["contents"]}]
        parcel = max(carrying, key=lambda p: p["first_scan_at"] or "", default=None)
        scan = parcel["first_scan_at"] if parcel else None
        late = (datetime.fromisoformat(scan) if scan else datetime.fromisoformat(NOW)) > deadline
        return {
            "ship_deadline": deadline.isoformat(),
            "deadline_source": "ship_within_hours",
            "late_parcel": parcel["tracking_no"] if parcel else None,
            "first_carrier_scan": scan,
            "late": late,
        }


def features(case: dict) -> list[str]:
    """The corpus's feature tags, in its order: what makes a case more than one line bought once."""
    order = case["order"]
    goods = [i for i in order["items"] if i["kind"] == "goods"]
    quantities = {i["sub_order_id"]: i["quantity"] for i in order["items"]}
    tags = {
        "multi_item": len(goods) >= 2,
        "freight": Decimal(order["freight"]) > 0,
        "coupon": bool(order["discounts"]),
        "shopping_credit_payment": any(p.get("method") == "购物金" for p in order.get("payments", [])),
        "pseudo_item": any(i["kind"] == "pseudo" for i in order["items"]),
        "gift_item": any(i["kind"] == "gift" for i in order["items"]),
        "quantity_gt1": any(i["quantity"] > 1 for i in goods),
        "partial_quantity": any(
            a["quantity"] < quantities.get(a["sub_order_id"], 0) for a in case["affected"]
        ),
        "combination_component": any("component" in a for a in case["affected"]),
        "multi_parcel": len(order["parcels"]) >= 2,
        "tmall": order["platform"] == "tmall",
    }
    return [tag for tag, on in tags.items() if on]


def cases() -> list[dict]:
    out = []
    F, FT, LS, RR, RO = (
        "fraud_triple",
        "food_tenfold",
        "late_shipment_compensation",
        "return_refund",
        "refund_only",
    )

    # --- fraud_triple -------------------------------------------------------------------------
    c = Case(F, "這雙球鞋我拿去第三方鑑定機構驗了，出具了書面鑑定報告，結論係仿冒品，唔係正品。點樣索賠？")
    a = c.item("飞跃者 城市慢跑鞋 专柜正品", 1, "299.00")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "299.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(
        F,
        "Brand care wrote me an e-mail today — bag = fake, 不是他们家的货。我要退一赔三",
    )
    a = c.item("ORLANE 小方包 正品保证", 1, "860.00")
    out.append(c.emit([(a, 1)], F, other=[(RR, "860.00")], facts={"fraud_evidence": "brand_written"}))

    c = Case(
        F,
        "一起买了个包和一条围巾。包拿到商场专柜去看，专柜开了一张盖章的书面说明，确认包不是本品牌产品。围巾没问题。",
    )
    a = c.item("璐珈 真皮托特包 正品", 1, "1280.00")
    c.item("羊毛混纺围巾", 1, "99.00")
    out.append(c.emit([(a, 1)], F, other=[(RR, "1280.00")], facts={"fraud_evidence": "counter_written"}))

    c = Case(F, "用了满减券买的香水，官方客服邮件确认这个批号他们从没生产过，是假货。")
    a = c.item("蔚蓝之境 男士香水 100ml 正品", 1, "520.00", paid="470.00")
    c.discounts = [{"name": "店铺优惠券", "amount": "-50.00"}]
    out.append(c.emit([(a, 1)], F, other=[(RR, "470.00")], facts={"fraud_evidence": "brand_written"}))

    c = Case(F, "专柜小姐姐瞄了一下讲是假的，但是不肯写东西给我。我想要三倍赔偿")
    a = c.item("星芒 精华液 30ml 专柜正品", 1, "380.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "verbal_only"}))

    c = Case(F, "这么便宜的价格，做工又粗，闻着有股胶味，我觉得肯定是假货，能不能退一赔三？")
    a = c.item("飞跃者 帆布鞋 正品", 1, "159.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "none"}))

    c = Case(F, "页面写100%山羊绒，我寄给一家带CMA章的实验室，检测报告显示羊绒0%，全是腈纶。")
    a = c.item("纯山羊绒 圆领毛衣 女", 1, "459.00")
    out.append(c.emit([(a, 1)], F, other=[(RR, "459.00")], facts={"fraud_evidence": "test_report"}))

    c = Case(F, "标题写的桑蚕丝，CMA检测结果为聚酯纤维，根本不是真丝。两条都是这样。")
    a = c.item("100%桑蚕丝 真丝枕巾", 2, "128.00")
    out.append(c.emit([(a, 2)], F, other=[(RR, "256.00")], facts={"fraud_evidence": "test_report"}))

    c = Case(F, "买了四瓶护手霜，其中两瓶经品牌方书面确认是假的，另外两瓶是真的。")
    a = c.item("安薇 护手霜 50g 正品", 4, "75.00")
    out.append(c.emit([(a, 2)], F, other=[(RR, "150.00")], facts={"fraud_evidence": "brand_written"}))

    c = Case(F, "耳机拿去第三方鉴定中心做了鉴定，鉴定证书上写的是高仿。另外同单买的保护套不用管。")
    a = c.item("声图 降噪蓝牙耳机 官方正品", 1, "89.00")
    c.item("耳机保护套", 1, "9.90")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "89.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(F, "官网查防伪码显示无效，我怀疑是假的，想拿三倍。")
    a = c.item("安薇 面霜 50ml 正品", 1, "268.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "serial_query_only"}))

    c = Case(F, "用了购物金加支付宝付的款。拿到手表后送第三方鉴定，书面鉴定报告说是仿品。")
    a = c.item("时辰 机械手表 正品行货", 1, "999.00")
    c.payments = [{"method": "购物金", "amount": "300.00"}, {"method": "支付宝", "amount": "699.00"}]
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "999.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    # --- food_tenfold ---------------------------------------------------------------------
    c = Case(FT, "月饼打开就长毛了，一层白毛，发霉得很厉害。")
    a = c.item("流心奶黄月饼 礼盒", 1, "58.00")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "58.00")], facts={"food_issue": "mould"}))

    c = Case(FT, "買了兩盒曲奇，兩盒里有一盒發霉了，另一盒是好的。")
    a = c.item("黄油曲奇饼干 盒装", 2, "128.00")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "128.00")], facts={"food_issue": "mould"}))

    c = Case(FT, "收到的五包牛肉干，五包中的两包已经过期了，保质期到11月10日，我17号才拿到快递。")
    a = c.item("手撕牛肉干 250g", 5, "60.00")
    out.append(
        c.emit(
            [(a, 2)], FT, other=[(RO, "120.00")], facts={"food_issue": "expired", "expires_on": "2026-11-10"}
        )
    )

    c = Case(FT, "买了6罐黄桃罐头，一半都胀罐了，里面的东西已经变质发臭。")
    a = c.item("黄桃罐头 425g", 6, "15.00")
    out.append(c.emit([(a, 3)], FT, other=[(RO, "45.00")], facts={"food_issue": "spoiled"}))

    c = Case(FT, "吃麻花吃出来一块碎玻璃，差点划破嘴。")
    a = c.item("手工小麻花 500g", 1, "32.00")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "32.00")], facts={"food_issue": "foreign_matter"}))

    c = Case(FT, "这个蜂蜜瓶身上找不到生产日期，也没有SC编号，什么都没印，三无产品。")
    a = c.item("土蜂蜜 农家自产 1kg", 1, "88.00")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "88.00")], facts={"food_issue": "no_label"}))

    c = Case(FT, "标签上把“克”印成了“g”和“克”混用，还有个错别字，东西本身没问题，能要十倍吗？")
    a = c.item("原味坚果 罐装", 1, "69.00")
    out.append(c.emit([(a, 1)], FT, offered=False, facts={"food_issue": "label_flaw"}))

    c = Case(FT, "猫粮里发现虫子，想按食品安全法拿十倍。")
    a = c.item("全价成猫粮 2kg", 1, "99.00")
    out.append(c.emit([(a, 1)], FT, offered=False, facts={"food_issue": "not_food"}))

    c = Case(FT, "收到时日期是好的，放了两周才过期，这个可以十倍吗？")
    a = c.item("鲜牛奶 礼盒 12盒", 1, "79.00")
    out.append(
        c.emit(
            [(a, 1)],
            FT,
            offered=False,
            facts={"food_issue": "expired_after_delivery", "expires_on": "2026-11-25"},
        )
    )

    c = Case(FT, "两样一起买的，茶叶没问题，但是那袋枣子打开全是霉点。运费另付了8块。")
    c.item("明前绿茶 100g", 1, "120.00")
    a = c.item("新疆灰枣 1kg", 1, "45.00")
    c.freight = Decimal("8.00")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "45.00")], facts={"food_issue": "mould"}))

    # --- late_shipment_compensation -------------------------------------------------------
    c = Case(
        LS, "卖家11月16号就点了发货，可是物流一直没揽收，直到11月19号快递才第一次扫描。页面写了48小时发。"
    )
    a = c.item("加厚珊瑚绒睡衣", 1, "160.00")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(14, "20:00"), t(16, "09:00"), t(19, "15:00"), None
    out.append(c.emit([(a, 1)], LS, facts={"late": True}))

    c = Case(LS, "天猫店，页面写24小时发货，结果第三天才有物流信息。", platform="tmall")
    a = c.item("电动牙刷 声波款", 1, "199.00", hours=24, ship_promise="24小时内发货")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(20, "10:00"), t(22, "11:00"), t(22, "12:00"), None
    out.append(c.emit([(a, 1)], LS, facts={"late": True}))

    c = Case(LS, "预售款说15天内发货，我等了十天才发，这算延迟发货吗？")
    a = c.item("【预售】羽绒服 长款", 1, "699.00", hours=360, ship_promise="【预售】付款后15天内发货")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(10, "10:00"), t(20, "10:00"), t(20, "12:00"), None
    out.append(c.emit([(a, 1)], LS, offered=False, facts={"late": False}))

    c = Case(LS, "Page: 48h or less b4 posting, 但是过了四天才发出，客服还说延迟发货赔10块。")
    a = c.item("瑜伽垫 加厚", 1, "120.00")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(18, "10:00"), t(22, "10:00"), t(22, "11:00"), None
    out.append(c.emit([(a, 1)], LS, amount="10.00", facts={"late": True}, calc={"seller_promise": "10.00"}))

    c = Case(LS, "一单买了台灯和三个灯泡，付款五天后才发货，明明写的48小时。运费12元。")
    a = c.item("护眼台灯", 1, "260.00")
    b = c.item("LED灯泡", 3, "10.00")
    c.freight = Decimal("12.00")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(15, "10:00"), t(20, "10:00"), t(20, "12:00"), None
    out.append(c.emit([(a, 1), (b, 3)], LS, facts={"late": True}))

    c = Case(LS, "卖家说已经发货了，但快递是第二天才揽收的，还在48小时内，能要延迟发货赔偿吗？")
    a = c.item("保温杯 500ml", 1, "89.00")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(20, "10:00"), t(21, "09:00"), t(21, "18:00"), None
    out.append(c.emit([(a, 1)], LS, offered=False, facts={"late": False}))

    # --- return_refund ------------------------------------------------------------------------
    c = Case(RR, "吹风机用了两次就不出热风了，质量问题要退货退款，我自己垫付了12元退货运费。")
    a = c.item("负离子吹风机", 1, "219.00")
    out.append(
        c.emit(
            [(a, 1)],
            RR,
            amount="231.00",
            calc={"base": "affected", "add": [{"what": "return_freight", "amount": "12.00"}]},
        )
    )

    c = Case(RR, "three T-shirts 里面 one 有破洞，只退那一件就好，其他两件留下。")
    a = c.item("纯棉短袖T恤", 3, "49.00")
    out.append(c.emit([(a, 1)], RR, calc={"base": "affected"}))

    # --- refund_only ----------------------------------------------------------------------
    c = Case(RO, "买了四张贺卡，只有一张是坏的，折痕很深，不想寄回了，退那一张的钱吧。")
    a = c.item("手绘圣诞贺卡", 4, "12.00")
    out.append(c.emit([(a, 1)], RO, calc={"base": "affected"}))

    c = Case(RO, "包裹丢了！快递说找不到。里面是一个电饭煲和两包米，另外一包米在另一个包裹里已经收到了。")
    a = c.item("智能电饭煲 3L", 1, "299.00")
    b = c.item("东北大米 5kg", 3, "40.00")
    c.parcels = [
        {
            "company": "中通快递",
            "tracking_no": "78901234560701",
            "contents": [{"sub_order_id": a, "quantity": 1}, {"sub_order_id": b, "quantity": 2}],
            "first_scan_at": t(15, "18:00"),
            "signed_at": None,
        },
        {
            "company": "韵达快递",
            "tracking_no": "4312345678702",
            "contents": [{"sub_order_id": b, "quantity": 1}],
            "first_scan_at": t(15, "19:00"),
            "signed_at": t(17, "12:00"),
        },
    ]
    out.append(c.emit([(a, 1), (b, 2)], RO, calc={"base": "affected"}))

    c = Case(RO, "付款一个星期了还是没发货，客服说没货了，全部退款，运费也要退。")
    a = c.item("复古台历 2027", 2, "35.00")
    c.freight = Decimal("6.00")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(19, "10:00"), None, None, None
    out.append(
        c.emit(
            [(a, 2)],
            RO,
            amount="76.00",
            calc={"base": "affected", "add": [{"what": "outbound_freight", "amount": "6.00"}]},
        )
    )

    c = Case(RO, "订了5盒口罩，实际只收到三盒，少发了两盒，退少的那部分钱。送的赠品小镜子到了。")
    a = c.item("一次性医用口罩 50只/盒", 5, "20.00")
    c.item("赠品 小镜子", 1, "0.00", kind="gift")
    out.append(c.emit([(a, 2)], RO, calc={"base": "affected"}))

    c = Case(RO, "这单里有个购物金充值和一瓶洗洁精，洗洁精漏光了，只剩空瓶，退洗洁精的钱。")
    a = c.item("柠檬洗洁精 1.5kg", 1, "19.90")
    c.item("购物金充值 100元", 1, "100.00", kind="pseudo")
    out.append(c.emit([(a, 1)], RO, calc={"base": "affected"}))

    # --- freight_refund -------------------------------------------------------------------
    c = Case("freight_refund", "页面写着默认顺丰，我还多付了15块运费，结果发的是中通，要求退运费。")
    c.item("鲜花绿植 绿萝", 1, "39.00", ship_promise="默认发顺丰")
    c.freight = Decimal("15.00")
    out.append(
        c.emit(
            [],
            "freight_refund",
            amount="15.00",
            calc={"base": "none", "add": [{"what": "outbound_freight", "amount": "15.00"}]},
        )
    )
    return out


def main() -> None:
    rows = cases()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} cases -> {OUT}")


if __name__ == "__main__":
    main()
