"""Build tests/advice/remedy_own_cases_3.jsonl: a third own remedy set, written before session 6's changes.

    .venv/bin/python scripts/build_own_remedy_cases_3.py

Invented orders and texts in the corpus's shape (the Case helper of build_own_remedy_cases.py), aimed at
what the first two sets lack: refund wordings (a gift kept or sent back, a 满额包邮 or 满减 threshold lost by
a partial no-reason return, a refund without a return when sending back is impossible), coupon shares split
over lines (also on a page that shows no per-line 实付), 购物金 and red-packet payments, several parcels, a
combination's sub-item, quantities in words (两件, 一打, 半斤装), sums written with 元/块/¥/RMB/k, a price in
the text that the order contradicts, authentication told in new words, food known only from the title, the
500 and 1000 minimums at their edges, and demands no statutory remedy supports.

Every amount is computed here from the order by the corpus amount rules (remedies-dev README): the base is
what was paid for the affected units; refund parts are added or taken off by `refund()` from the order
(the 满减 the kept goods lose, a gift's declared value, the standard freight of a lost 满额包邮, the order's
freight when the whole order failed) or from the sum the shopper states they advanced for return postage.

First run, before any engine change (engine at 1712405, `scripts/eval_remedies.py --own3 --cases`):
shipped 21/37 (food_tenfold 3/6, fraud_triple 5/9, late 3/4, refund_only 3/6, return_refund 7/12),
shopper 24/37. Misses: a kept gift and a lost 满额包邮 not taken off; a red packet payment and a
component left out; sums after ¥ / RMB; 一打; a lost parcel signed for by nobody; 半斤装 read as half;
a test certificate, a 鉴别结论, a letter with a seal and an English written statement not read as
proof; food known only from its title; a 仿真蛋糕模型 taken for food; a promised ¥15 not read.
The file's first line (`#`) records the same. After the first run one text was corrected, not the engine:
own211 said the 韵达 parcel "显示签收了" while its order shows it unsigned; it now says it never arrived.
After the fixes (categories, not sentences): 37/37 in both modes; own, own2 and dev stay 100%.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_own_remedy_cases import Case, money, t  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "advice" / "remedy_own_cases_3.jsonl"
FIRST_RUN = "first run, engine at 1712405 before any session-6 change: shipped 21/37, shopper 24/37"
F, FT, LS, RR, RO = (
    "fraud_triple",
    "food_tenfold",
    "late_shipment_compensation",
    "return_refund",
    "refund_only",
)
_THRESHOLD = re.compile(r"满\s*(\d+)\s*减\s*(\d+)")


def _list(item: dict, qty: int) -> Decimal:
    return Decimal(item["unit_price"]) * qty


def refund(c: Case, affected, *, postage: Decimal | None = None, whole_order: bool = False,
           no_reason: bool = False, gift_kept: bool = False) -> tuple[Decimal, dict]:  # fmt: skip
    """The refund and its calc: base, plus return postage / outbound freight (seller at fault, whole
    order failed), minus, for a no-reason return, the 满减 the kept goods lose (暂行办法 art. 17), a
    gift kept (争议处理规则 arts 61, 63), the standard freight of a 满额包邮 no longer met (art. 18)."""
    base = c.base(affected)
    add, sub = [], []
    if postage:
        add.append({"what": "return_freight", "amount": money(postage)})
    if whole_order and c.freight:
        add.append({"what": "outbound_freight", "amount": money(c.freight)})
    if no_reason:
        returned = dict(affected)
        goods = [i for i in c.items if i["kind"] == "goods"]
        kept = [(i, i["quantity"] - returned.get(i["sub_order_id"], 0)) for i in goods]
        kept = [(i, q) for i, q in kept if q > 0]
        before = sum((_list(i, i["quantity"]) for i in goods), Decimal(0))
        after = sum((_list(i, q) for i, q in kept), Decimal(0))
        for d in c.discounts:
            m = _THRESHOLD.search(d["name"])
            if m and before >= Decimal(m.group(1)) > after:
                shares = (
                    (_list(i, i["quantity"]) - Decimal(i["paid_amount"])) * q / i["quantity"] for i, q in kept
                )
                lost = sum(shares, Decimal(0))
                sub.append({"what": "lost_discount", "amount": money(lost)})
        if gift_kept:
            value = sum((Decimal(i["declared_value"]) for i in c.items if i["kind"] == "gift"), Decimal(0))
            sub.append({"what": "gift_value", "amount": money(value)})
        rule = c.extra.get("shipping_rule")
        if rule and kept and before >= Decimal(rule["free_shipping_threshold"]) > after:
            sub.append({"what": "freight_deduction", "amount": rule["standard_freight"]})
    total = base + sum((Decimal(a["amount"]) for a in add), Decimal(0))
    total -= sum((Decimal(s["amount"]) for s in sub), Decimal(0))
    calc: dict = {"base": "affected"}
    if no_reason:
        calc["reason"] = "no_reason"
    if add:
        calc["add"] = add
    if sub:
        calc["subtract"] = sub
    return total, calc


def late_compensation(platform: str, base: Decimal) -> Decimal:
    if platform == "tmall":
        return min(max(base * Decimal("0.30"), Decimal(5)), Decimal(500))
    return min(max(base * Decimal("0.05"), Decimal(5)), Decimal(30))


def late(c: Case, paid: str, scan: str | None) -> None:
    c.paid_at, c.shipped_at, c.first_scan, c.signed = paid, scan, scan, None


def no_reason_window(c: Case) -> None:
    """Signed on the 24th: the no-reason window (00:00 of the 25th + 168 h) is still open on the 28th."""
    c.signed = t(24, "12:00")


def cases() -> list[dict]:  # noqa: PLR0915 - one case after another
    Case.n = 200  # ids own201…, order ids distinct from the other own sets
    out: list[dict] = []

    # --- refunds: gifts, thresholds, impossible returns ------------------------------------
    c = Case(RR, "耳机还没拆封，不想要了，按七天无理由退。送的那根编织数据线我已经拆开在用了，就不寄回了。")
    a = c.item("降噪头戴耳机", 1, "399.00")
    c.item("赠品：编织数据线", 1, "0.00", kind="gift", declared_value="29.00")
    no_reason_window(c)
    amount, calc = refund(c, [(a, 1)], no_reason=True, gift_kept=True)
    out.append(c.emit([(a, 1)], RR, amount=amount, calc=calc))

    c = Case(RR, "台灯颜色跟家里不搭，申请无理由退货，附赠的灯泡原样装回盒子里，跟台灯一块儿寄回去。")
    a = c.item("北欧风 床头台灯", 1, "159.00")
    c.item("赠品 LED灯泡", 1, "0.00", kind="gift", declared_value="15.00")
    no_reason_window(c)
    amount, calc = refund(c, [(a, 1)], no_reason=True)
    out.append(c.emit([(a, 1)], RR, amount=amount, calc=calc))

    c = Case(RR, "店里满88包邮，我买了拖鞋和帽子正好凑够。拖鞋穿着不合适，想七天无理由退掉，帽子留着。")
    a = c.item("居家棉拖鞋", 1, "49.00")
    c.item("针织毛线帽", 1, "45.00")
    c.extra = {"shipping_rule": {"free_shipping_threshold": "88.00", "standard_freight": "8.00"}}
    no_reason_window(c)
    amount, calc = refund(c, [(a, 1)], no_reason=True)
    out.append(c.emit([(a, 1)], RR, amount=amount, calc=calc))

    c = Case(RR, "参加了满200减20，卫衣和围巾一起拍的。围巾买了以后后悔了，七天无理由退掉，卫衣我留下。")
    c.item("加绒连帽卫衣", 1, "120.00", paid="108.00")
    b = c.item("格纹羊毛围巾", 1, "80.00", paid="72.00")
    c.discounts = [{"name": "店铺满减（满200减20）", "amount": "-20.00"}]
    no_reason_window(c)
    amount, calc = refund(c, [(b, 1)], no_reason=True)
    out.append(c.emit([(b, 1)], RR, amount=amount, calc=calc))

    c = Case(RO, "花瓶到的时候碎成好几块了，快递员看过说碎片不用寄回，直接扔掉，我只要退钱。")
    a = c.item("手工陶瓷花瓶 大号", 1, "138.00")
    amount, calc = refund(c, [(a, 1)])
    out.append(c.emit([(a, 1)], RO, amount=amount, calc=calc))

    c = Case(RO, "鲜切玫瑰送到时已经全部蔫了发黑，这种东西没法退回去，申请只退款。")
    a = c.item("鲜切玫瑰 19枝 同城配送", 1, "168.00")
    amount, calc = refund(c, [(a, 1)])
    out.append(c.emit([(a, 1)], RO, amount=amount, calc=calc))

    # --- refunds: coupons over lines, 购物金 and red packets ---------------------------------
    c = Case(RR, "跨店满减后三样东西一起付的。保温杯漏水，退这个杯子就行，另外两样没问题。")
    a = c.item("真空保温杯 500ml", 1, "150.00", paid="135.00")
    c.item("硅胶杯套", 1, "30.00", paid="27.00")
    c.item("杯刷 两支装", 1, "20.00", paid="18.00")
    c.discounts = [{"name": "跨店满减", "amount": "-20.00"}]
    amount, calc = refund(c, [(a, 1)])
    out.append(c.emit([(a, 1)], RR, amount=amount, calc=calc))

    # The page shows no per-line 实付: the 30 coupon is shared out in proportion to the listed prices.
    c = Case(RR, "鞋子开胶了要退货，同一单还买了一双鞋垫，鞋垫没事。下单用了30块的店铺券。")
    a = c.item("复古德训鞋", 1, "270.00", paid="243.00")
    c.item("记忆棉鞋垫", 1, "30.00", paid="27.00")
    c.discounts = [{"name": "店铺优惠券", "amount": "-30.00"}]
    amount, calc = refund(c, [(a, 1)])
    case = c.emit([(a, 1)], RR, amount=amount, calc=calc)
    for item in case["order"]["items"]:
        del item["paid_amount"]
    case["note"] = "invented order and text; the page shows no per-line 实付 (coupon shared by list price)"
    out.append(case)

    c = Case(RR, "搅拌机用了一次电机就冒烟，质量问题退货退款。当时付款用了两百购物金，剩下的走的花呗。")
    a = c.item("多功能料理搅拌机", 1, "459.00")
    c.payments = [{"method": "购物金", "amount": "200.00"}, {"method": "花呗", "amount": "259.00"}]
    amount, calc = refund(c, [(a, 1)])
    out.append(c.emit([(a, 1)], RR, amount=amount, calc=calc))

    c = Case(RR, "羽绒服钻毛特别严重，要退货。付款时抵了一个十块的淘宝红包，其余是支付宝付的。")
    a = c.item("白鸭绒短款羽绒服", 1, "369.00")
    c.payments = [{"method": "淘宝红包", "amount": "10.00"}, {"method": "支付宝", "amount": "359.00"}]
    amount, calc = refund(c, [(a, 1)])
    case = c.emit([(a, 1)], RR, amount=amount, calc=calc)
    case["note"] = "invented order and text; a red packet spent as payment is part of the price paid"
    out.append(case)

    # --- refunds: parcels, combinations, quantities, sums ------------------------------------
    c = Case(
        RO,
        (
            "分两个包裹发的，韵达那个一直没送到，物流好几天不动了，里面是两罐奶粉，"
            "顺丰那个收到了，是另外一罐。"
        ),
    )
    a = c.item("婴儿配方奶粉 800g", 3, "228.00")
    c.parcels = [
        {
            "company": "韵达快递",
            "tracking_no": "4312345670203",
            "contents": [{"sub_order_id": a, "quantity": 2}],
            "first_scan_at": t(15, "18:00"),
            "signed_at": None,
        },
        {
            "company": "顺丰速运",
            "tracking_no": "SF1234567890203",
            "contents": [{"sub_order_id": a, "quantity": 1}],
            "first_scan_at": t(15, "19:00"),
            "signed_at": t(17, "12:00"),
        },
    ]
    amount, calc = refund(c, [(a, 2)])
    out.append(c.emit([(a, 2)], RO, amount=amount, calc=calc))

    c = Case(
        RO,
        ("买的是烧烤套装，说好含一个折叠烤架和一套烤串签，结果箱子里只有烤架，烤串签没给，退签子那部分钱。"),
    )
    a = c.item("户外烧烤套装（折叠烤架+烤串签）", 1, "199.00")
    c.items[-1]["components"] = [{"name": "折叠烤架"}, {"name": "烤串签", "declared_value": "25.00"}]
    case = c.emit([(a, 1)], RO, amount=Decimal("25.00"), calc={"base": "component"})
    case["affected"][0].update(component="烤串签", component_value="25.00")
    case["features"].append("combination_component")
    out.append(case)

    c = Case(RR, "一打袜子到手，一打里有三双脚后跟是破的，这三双退货，其余的留着穿。")
    a = c.item("纯棉中筒袜 一打装", 12, "5.00")
    amount, calc = refund(c, [(a, 3)])
    out.append(c.emit([(a, 3)], RR, amount=amount, calc=calc))

    c = Case(RR, "两件衬衫洗了一次都掉色染了别的衣服，两件都要退，寄回的邮费是¥14。")
    a = c.item("商务免烫衬衫", 2, "99.00")
    amount, calc = refund(c, [(a, 2)], postage=Decimal("14"))
    out.append(c.emit([(a, 2)], RR, amount=amount, calc=calc))

    c = Case(RR, "路由器插上电就一直红灯，退货退款，返寄快递我自己出了RMB 18。")
    a = c.item("千兆双频无线路由器", 1, "239.00")
    amount, calc = refund(c, [(a, 1)], postage=Decimal("18"))
    out.append(c.emit([(a, 1)], RR, amount=amount, calc=calc))

    c = Case(RR, "花1999买的扫地机，用了三天就不充电了，质量问题退货，运费险会赔寄回的运费。")
    a = c.item("智能扫地机器人", 1, "1899.00")
    c.extra = {"services": ["运费险"]}
    amount, calc = refund(c, [(a, 1)])
    case = c.emit([(a, 1)], RR, amount=amount, calc=calc)
    case["note"] = "invented order and text; the text's 1999 is a slip, the order shows 1899"
    out.append(case)

    c = Case(RO, "四袋半斤装的红枣，拆开两袋全是虫眼，这两袋不想寄了，退两袋的钱。")
    a = c.item("新疆骏枣 半斤装", 4, "22.50")
    amount, calc = refund(c, [(a, 2)])
    out.append(c.emit([(a, 2)], RO, amount=amount, calc=calc))

    c = Case(RO, "付款九天了一直显示待发货，客服说厂家断货，整单退款，运费6块也一起退。")
    a = c.item("陶瓷餐具 四件套", 1, "88.00")
    c.freight = Decimal("6.00")
    c.paid_at, c.shipped_at, c.first_scan, c.signed = t(19, "10:00"), None, None, None
    amount, calc = refund(c, [(a, 1)], whole_order=True)
    out.append(c.emit([(a, 1)], RO, amount=amount, calc=calc))

    # --- fraud_triple: proof in new words ------------------------------------------------------
    c = Case(F, "项链送去国检中心出了证书，写的是合成立方氧化锆，根本不是钻石，页面卖的是天然钻石。")
    a = c.item("18K金 天然钻石项链 0.3克拉", 1, "3280.00")
    out.append(c.emit([(a, 1)], F, other=[(RR, "3280.00")], facts={"fraud_evidence": "test_report"}))

    c = Case(F, "球鞋放到得物上鉴别，给的鉴别结论：不符正品特征。1.5k买的，想退一赔三。")
    a = c.item("飞跃者 高帮篮球鞋 正品保障", 1, "1500.00")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "1500.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(F, "品牌总部给我回了一封盖着公章的信，说这款包的编码他们从来没有发行过。")
    a = c.item("璐珈 手提公文包 正品", 1, "1680.00", paid="1600.00")
    c.discounts = [{"name": "店铺优惠券", "amount": "-80.00"}]
    out.append(c.emit([(a, 1)], F, other=[(RR, "1600.00")], facts={"fraud_evidence": "brand_written"}))

    c = Case(
        F,
        (
            "the perfume box says authentic, but the brand's official service centre "
            "put it in writing: not their product."
        ),
    )
    a = c.item("蔚蓝之境 淡香水 100ml 正品", 1, "599.00")
    out.append(c.emit([(a, 1)], F, other=[(RR, "599.00")], facts={"fraud_evidence": "brand_written"}))

    c = Case(F, "鉴定所出具的报告说是假货。只买了一条99块的皮带，这种能要多少？")
    a = c.item("时辰 牛皮腰带 正品", 1, "99.00")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "99.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(F, "第三方鉴定机构的书面报告结论：仿冒。钱包是用购物金加红包付的。")
    a = c.item("星芒 短款钱包 正品", 1, "166.66")
    c.payments = [{"method": "购物金", "amount": "100.00"}, {"method": "淘宝红包", "amount": "66.66"}]
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "166.66")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(F, "标题写着高仿复刻，我知道不是正品才买的，现在想要三倍赔偿行不行？")
    a = c.item("复刻 潮流双肩包 高仿", 1, "260.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "disclosed_replica"}))

    c = Case(F, "衣服尺码偏小一号，跟尺码表不一样，这算欺诈吧？我要退一赔三。")
    a = c.item("修身羊毛针织衫", 1, "239.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "none"}))

    c = Case(F, "还没拿去鉴定，就是觉得手感不对，跟我朋友那只比轻了不少，能不能先要三倍？")
    a = c.item("时辰 陶瓷腕表 正品", 1, "880.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "none"}))

    # --- food_tenfold: food known from the title, minimums, no remedy ---------------------------
    c = Case(FT, "拆开就看到表面一层绿毛，三盒都这样。")
    a = c.item("手工桃酥 300g 盒装", 3, "19.90")
    out.append(c.emit([(a, 3)], FT, other=[(RO, "59.70")], facts={"food_issue": "mould"}))

    c = Case(FT, "啃到一半发现里面夹着一截塑料绳。")
    a = c.item("卤味鸭脖 麻辣 400g", 1, "35.00")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "35.00")], facts={"food_issue": "foreign_matter"}))

    c = Case(FT, "签收当天看了下包装，保质期到11月20号，我21号收到的，两袋都过期了。")
    a = c.item("即食燕麦片 1kg", 2, "50.01")
    c.signed = t(21, "15:00")
    out.append(
        c.emit(
            [(a, 2)], FT, other=[(RO, "100.02")], facts={"food_issue": "expired", "expires_on": "2026-11-20"}
        )
    )

    c = Case(FT, "坚果礼盒里有一包已经哈喇味了，明显变质，一共买了两盒，只有这一包有问题，一盒里六包。")
    a = c.item("每日坚果 礼盒 6包/盒", 2, "99.99")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "99.99")], facts={"food_issue": "spoiled"}))

    c = Case(FT, "蛋糕模型摆了一个月，底下发霉了，能不能按食品十倍赔？")
    a = c.item("仿真蛋糕模型 橱窗摆件", 1, "75.00")
    out.append(c.emit([(a, 1)], FT, offered=False, facts={"food_issue": "not_food"}))

    c = Case(FT, "包装上的配料表把“白砂糖”写成了“白沙糖”，东西本身吃着没问题，能拿十倍吗？")
    a = c.item("手工牛轧糖 500g", 1, "45.00")
    out.append(c.emit([(a, 1)], FT, offered=False, facts={"food_issue": "label_flaw"}))

    # --- late shipment: a combination's sub-item, two parcels, promised sums -------------------
    c = Case(LS, "天猫买的露营套装，帐篷两天内就发了，配套的地垫拖到第六天才揽收。", platform="tmall")
    a = c.item("露营套装（帐篷+防潮地垫）", 1, "699.00")
    c.items[-1]["components"] = [{"name": "帐篷"}, {"name": "防潮地垫", "declared_value": "80.00"}]
    c.paid_at, c.shipped_at, c.signed = t(14, "20:00"), t(15, "16:00"), None
    c.first_scan = t(15, "18:00")
    c.parcels = [
        {
            "company": "中通快递",
            "tracking_no": "78901234560233",
            "contents": [{"sub_order_id": a, "quantity": 1, "component": "帐篷"}],
            "first_scan_at": t(15, "18:00"),
            "signed_at": None,
        },
        {
            "company": "中通快递",
            "tracking_no": "78901234560234",
            "contents": [{"sub_order_id": a, "quantity": 1, "component": "防潮地垫"}],
            "first_scan_at": t(20, "11:00"),
            "signed_at": None,
        },
    ]
    amount = late_compensation("tmall", Decimal("80.00"))
    case = c.emit([(a, 1)], LS, amount=amount, facts={"late": True})
    case["affected"][0].update(component="防潮地垫", component_value="80.00")
    case["features"].append("combination_component")
    out.append(case)

    c = Case(LS, "一单两样，锅当天就发了，另外的锅铲隔了五天才有揽收记录，详情页标着两天内发。")
    a = c.item("不粘炒锅 32cm", 1, "189.00")
    b = c.item("硅胶锅铲", 1, "29.00")
    c.paid_at, c.shipped_at, c.signed = t(14, "20:00"), t(15, "09:00"), None
    c.parcels = [
        {
            "company": "圆通速递",
            "tracking_no": "YT1234567890235",
            "contents": [{"sub_order_id": a, "quantity": 1}],
            "first_scan_at": t(15, "10:00"),
            "signed_at": None,
        },
        {
            "company": "圆通速递",
            "tracking_no": "YT1234567890236",
            "contents": [{"sub_order_id": b, "quantity": 1}],
            "first_scan_at": t(19, "21:00"),
            "signed_at": None,
        },
    ]
    out.append(c.emit([(b, 1)], LS, facts={"late": True}))

    c = Case(LS, "店铺首页写着超时未发货赔¥15，付款以后过了四天才有揽件信息。")
    a = c.item("加厚保暖窗帘", 1, "210.00")
    late(c, t(16, "09:00"), t(20, "13:00"))
    amount = max(late_compensation("taobao", c.base([(a, 1)])), Decimal(15))
    out.append(c.emit([(a, 1)], LS, amount=amount, facts={"late": True}, calc={"seller_promise": "15.00"}))

    c = Case(LS, "客服跟我说好了11月20号之前发货我同意了，结果19号就揽收了，还能要延迟发货赔偿吗？")
    a = c.item("手工羊毛地毯 定制尺寸", 1, "560.00")
    late(c, t(14, "10:00"), t(19, "14:00"))
    out.append(c.emit([(a, 1)], LS, offered=False, facts={"late": False, "agreed_date": "2026-11-20"}))
    return out


def main() -> None:
    rows = cases()
    header = f"# built by scripts/build_own_remedy_cases_3.py; {FIRST_RUN}\n"
    OUT.write_text(header + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} cases -> {OUT}")


if __name__ == "__main__":
    main()
