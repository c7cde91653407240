"""Build tests/advice/remedy_own_cases_2.jsonl: a second own remedy set, written before round 3's changes.

    .venv/bin/python scripts/build_own_remedy_cases_2.py

Invented orders and texts in the corpus's shape (the Case helper of build_own_remedy_cases.py), aimed at
what round 2 did not cover: real-shopper voices, several lines and quantities, coupons and freight,
authentication reports in many phrasings and languages, food unsafe at sale against food spoiled after
delivery, mouldy food told as another complaint, late shipment with a promised sum, virtual, second-hand
and custom goods, and sums written in words (一百二十, 两千五, 1.2k, 三百来块). Amounts follow the corpus
amount rules (remedies-dev README).
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_own_remedy_cases import Case, t  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "advice" / "remedy_own_cases_2.jsonl"
F, FT, LS, RR, RO = (
    "fraud_triple",
    "food_tenfold",
    "late_shipment_compensation",
    "return_refund",
    "refund_only",
)


def late(c: Case, paid: str, scan: str | None) -> None:
    c.paid_at, c.shipped_at, c.first_scan, c.signed = paid, scan, scan, None


def cases() -> list[dict]:  # noqa: PLR0915 - one case after another
    Case.n = 100  # ids own101…, order ids distinct from the first own set
    out: list[dict] = []

    # --- fraud_triple ---------------------------------------------------------------------
    c = Case(F, "两千五买的那个包，拿去做了鉴定，鉴定报告上明明白白写着非正品。同单的钥匙扣不用退。")
    a = c.item("蔻琳 链条单肩包 正品", 1, "2500.00")
    c.item("皮革钥匙扣", 1, "39.00")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "2500.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(
        F,
        "Sent the sneakers to an independent authentication lab, their written report says counterfeit. "
        "Refund plus 3x please.",
    )
    a = c.item("飞跃者 篮球鞋 官方正品", 1, "1200.00", paid="1100.00")
    c.discounts = [{"name": "店铺优惠券", "amount": "-100.00"}]
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "1100.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(F, "鉴定结果出来了：假的。找的是正规鉴定所，报告上盖了章。耳机一对，1.2k买的。")
    a = c.item("声图 真无线耳机 正品国行", 1, "1200.00")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "1200.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    c = Case(F, "品牌客服发了正式回函，说这个序列号不是他们出的货。三百来块买的，要求退一赔三。")
    a = c.item("安薇 修护精华 50ml 正品", 1, "329.00")
    out.append(c.emit([(a, 1)], F, other=[(RR, "329.00")], facts={"fraud_evidence": "brand_written"}))

    c = Case(F, "買咗三支唇膏，其中一支寄去品牌方，佢哋書面回覆話係假貨，另外兩支未驗。")
    a = c.item("星芒 丝绒唇膏 正品", 3, "220.00")
    out.append(c.emit([(a, 1)], F, other=[(RR, "220.00")], facts={"fraud_evidence": "brand_written"}))

    c = Case(
        F,
        "面料送去做了CNAS认可的检测，报告显示羊毛含量只有百分之五，页面写的是纯羊毛。两件都一样。满减优惠了四十。",
    )
    a = c.item("纯羊毛 双面呢大衣", 2, "400.00", paid="760.00")
    c.discounts = [{"name": "满减", "amount": "-40.00"}]
    out.append(c.emit([(a, 2)], F, other=[(RR, "760.00")], facts={"fraud_evidence": "test_report"}))

    c = Case(F, "二手平台买的说是正品的相机镜头，送品牌售后检测，检测单写的是仿制件不是原厂。")
    a = c.item("二手 95新 原厂定焦镜头 保真", 1, "1800.00")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "1800.00")], facts={"fraud_evidence": "brand_after_sales_record"})
    )

    c = Case(F, "平台鉴别结果是“鉴别为假”，运费我另外付了十块。手表一只。")
    a = c.item("时辰 石英手表 正品", 1, "650.00")
    c.freight = Decimal("10.00")
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "650.00")], facts={"fraud_evidence": "platform_authentication"})
    )

    c = Case(F, "看着就像假的，logo歪的，线头也多，一百二十块钱能买到正品？我要三倍赔偿")
    a = c.item("飞跃者 运动短袖 正品", 1, "120.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "none"}))

    c = Case(F, "店里的导购口头说这个不像他们家的，没给任何书面的东西，可以退一赔三吗")
    a = c.item("璐珈 钱包 正品", 1, "460.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "verbal_only"}))

    c = Case(F, "扫了瓶子上的码，官网提示查无此码。其他证据暂时没有。")
    a = c.item("蔚蓝之境 香水 50ml 正品", 1, "399.00")
    out.append(c.emit([(a, 1)], F, offered=False, facts={"fraud_evidence": "serial_query_only"}))

    c = Case(F, "送去第三方鑑定，鑑定書結果為仿冒品。同一張訂單還買了兩雙襪子，沒問題。")
    c.item("棉袜 两双装", 1, "30.00")
    a = c.item("飞跃者 复古跑鞋 正品", 1, "699.00", paid="679.00")
    c.discounts = [{"name": "店铺优惠券", "amount": "-20.00"}]
    out.append(
        c.emit([(a, 1)], F, other=[(RR, "679.00")], facts={"fraud_evidence": "third_party_authentication"})
    )

    # --- food_tenfold ---------------------------------------------------------------------
    c = Case(FT, "刚拆的快递，一整箱橙子一半烂了长了绿毛。卖家还不给退，说让我自己挑，气死了。")
    a = c.item("赣南脐橙 10斤装", 1, "59.90")
    out.append(c.emit([(a, 1)], FT, other=[(RO, "59.90")], facts={"food_issue": "mould"}))

    c = Case(FT, "客服一直推脱不处理，我要投诉他们售后态度差！买的三袋全麦面包，收到时有两袋已经发霉了。")
    a = c.item("全麦吐司 400g", 3, "18.00")
    out.append(c.emit([(a, 2)], FT, other=[(RO, "36.00")], facts={"food_issue": "mould"}))

    c = Case(FT, "外箱压扁了，里面的粽子包装袋都破了，打开有霉斑，有的长毛。四个里面坏了两个。")
    a = c.item("鲜肉粽 礼盒 4只", 4, "12.50")
    out.append(c.emit([(a, 2)], FT, other=[(RO, "25.00")], facts={"food_issue": "mould"}))

    c = Case(FT, "收到的时候酸奶就已经过了保质期两天，一共六瓶全是这样。")
    a = c.item("原味酸奶 200g", 6, "8.00")
    c.signed = t(17, "12:00")
    out.append(
        c.emit(
            [(a, 6)], FT, other=[(RO, "48.00")], facts={"food_issue": "expired", "expires_on": "2026-11-15"}
        )
    )

    c = Case(FT, "吃饺子吃到一根铁丝。同一单还买了醋和辣椒油，那两样没事。用了五块的券。")
    a = c.item("手工水饺 1kg", 1, "45.00", paid="40.00")
    c.item("陈醋 500ml", 1, "12.00")
    c.item("辣椒油 200g", 1, "15.00")
    c.discounts = [{"name": "店铺优惠券", "amount": "-5.00"}]
    out.append(c.emit([(a, 1)], FT, other=[(RO, "40.00")], facts={"food_issue": "foreign_matter"}))

    c = Case(
        FT,
        "The honey jar has no production date, no manufacturer, no licence number on it at all. "
        "Two jars, both blank.",
    )
    a = c.item("野生百花蜜 500g", 2, "68.00")
    out.append(c.emit([(a, 2)], FT, other=[(RO, "136.00")], facts={"food_issue": "no_label"}))

    c = Case(FT, "拿到快递后放在阳台忘了，一个多星期后才打开，草莓全烂了。这个能按十倍赔吗？")
    a = c.item("丹东草莓 3斤", 1, "89.00")
    out.append(c.emit([(a, 1)], FT, offered=False, facts={"food_issue": "spoiled_after_delivery"}))

    c = Case(FT, "牛奶签收时还在保质期内，我一直没喝，后来过期了，能要一千块赔偿吗？")
    a = c.item("纯牛奶 250ml*12", 1, "49.00")
    out.append(
        c.emit(
            [(a, 1)],
            FT,
            offered=False,
            facts={"food_issue": "expired_after_delivery", "expires_on": "2026-11-22"},
        )
    )

    c = Case(FT, "狗零食里有发霉的，想让卖家按十倍赔")
    a = c.item("宠物鸡肉干 狗零食 500g", 1, "39.00")
    out.append(c.emit([(a, 1)], FT, offered=False, facts={"food_issue": "not_food"}))

    c = Case(FT, "检测机构出了报告，这批辣条的添加剂超过国家标准了，总共买了十包。")
    a = c.item("麻辣条 108g", 10, "3.50")
    out.append(c.emit([(a, 10)], FT, other=[(RO, "35.00")], facts={"food_issue": "additive_over_limit"}))

    # --- late_shipment_compensation -------------------------------------------------------
    c = Case(LS, "下单前客服答应超时不发货赔五十块，结果拖了五天才揽收，详情页承诺两天内发出。")
    a = c.item("实木小书架", 1, "320.00")
    late(c, t(15, "10:00"), t(20, "14:00"))
    out.append(c.emit([(a, 1)], LS, amount="50.00", facts={"late": True}, calc={"seller_promise": "50.00"}))

    c = Case(LS, "天猫店承诺晚发必赔二十元，付款后第四天才有揽收记录。", platform="tmall")
    a = c.item("加湿器 大容量", 1, "180.00")
    late(c, t(16, "09:00"), t(20, "11:00"))
    out.append(c.emit([(a, 1)], LS, facts={"late": True}, calc={"seller_promise": "20.00"}))

    c = Case(LS, "两件衣服一起下的单，用了满三百减三十，快一个礼拜才发出来，还收了我八块运费。")
    a = c.item("羊羔绒外套", 1, "200.00", paid="180.00")
    b = c.item("打底衫", 1, "100.00", paid="90.00")
    c.discounts = [{"name": "满300减30", "amount": "-30.00"}]
    c.freight = Decimal("8.00")
    late(c, t(14, "10:00"), t(20, "16:00"))
    out.append(c.emit([(a, 1), (b, 1)], LS, facts={"late": True}))

    c = Case(LS, "买的游戏点卡，写着付款后一小时内自动发货，等了两天才给卡密。", platform="tmall")
    a = c.item("游戏点卡 100元面值 自动发货", 1, "98.00", hours=1, ship_promise="付款后1小时内发货")
    late(c, t(20, "10:00"), t(22, "10:00"))
    c.parcels = []
    c.extra = {}
    case = c.emit([(a, 1)], LS, facts={"late": True})
    out.append(case)

    c = Case(LS, "淘宝小店，十一月十八号付的款，二十二号才揽收。客服说赔三块钱打发我。")
    a = c.item("手工香皂 3块装", 1, "45.00")
    late(c, t(18, "10:00"), t(22, "12:00"))
    out.append(c.emit([(a, 1)], LS, facts={"late": True}, calc={"seller_promise": "3.00"}))

    c = Case(LS, "天猫旗舰店下单时写明晚发赔一百二十元，付款后过了三天多才揽件。", platform="tmall")
    a = c.item("电暖器 家用", 1, "300.00")
    late(c, t(19, "09:00"), t(22, "15:00"))
    out.append(c.emit([(a, 1)], LS, amount="120.00", facts={"late": True}, calc={"seller_promise": "120.00"}))

    c = Case(LS, "订制的刻字钢笔，页面写7天内发货，第6天发了，客服说晚了会赔，到底算不算晚？")
    a = c.item(
        "定制刻字钢笔", 1, "158.00", hours=168, ship_promise="定制商品付款后7天内发货", custom_made=True
    )
    late(c, t(14, "10:00"), t(20, "10:00"))
    out.append(c.emit([(a, 1)], LS, offered=False, facts={"late": False}))

    # --- return_refund / refund_only -------------------------------------------------------
    c = Case(RR, "电热毯用了一晚就不热了，质量问题退货，退回去的快递费二十五块我先垫了。")
    a = c.item("双人电热毯", 1, "169.00")
    out.append(
        c.emit(
            [(a, 1)],
            RR,
            amount="194.00",
            calc={"base": "affected", "add": [{"what": "return_freight", "amount": "25.00"}]},
        )
    )

    c = Case(RR, "两台风扇一台转不起来，另一台没问题，坏的那台退货，寄回运费十二元。")
    a = c.item("台式小风扇", 2, "65.00")
    out.append(
        c.emit(
            [(a, 1)],
            RR,
            amount="77.00",
            calc={"base": "affected", "add": [{"what": "return_freight", "amount": "12.00"}]},
        )
    )

    c = Case(RR, "定做的窗帘尺寸做错了，我给的是两米八，做成了两米二，要退货退款。")
    a = c.item("定制遮光窗帘 按尺寸定做", 1, "420.00", custom_made=True)
    out.append(c.emit([(a, 1)], RR, calc={"base": "affected"}))

    c = Case(RR, "定做的T恤印好了，我不想要了，七天无理由能退吗？")
    a = c.item("个性定制印花T恤", 1, "79.00", custom_made=True)
    c.signed = t(24, "12:00")
    out.append(
        c.emit(
            [(a, 1)],
            RR,
            offered=False,
            calc={"base": "affected", "reason": "no_reason"},
            facts={"seven_day_window_end": "2026-12-02T00:00:00+08:00"},
        )
    )

    c = Case(RO, "订了4箱矿泉水，只送来3箱，少的那一箱退钱。一共优惠了八块。")
    a = c.item("天然矿泉水 550ml*24", 4, "42.00", paid="160.00")
    c.discounts = [{"name": "店铺优惠券", "amount": "-8.00"}]
    out.append(c.emit([(a, 1)], RO, calc={"base": "affected"}))

    c = Case(RR, "二手手机说的电池健康九十，收到只有七十几，卖家同意退我一部分，但我想全退。这单没发票。")
    a = c.item("二手 手机 128G 电池90%", 1, "1500.00")
    out.append(c.emit([(a, 1)], RR, calc={"base": "affected"}))

    return out


def main() -> None:
    rows = cases()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} cases -> {OUT}")


if __name__ == "__main__":
    main()
