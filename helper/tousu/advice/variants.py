"""Traditional (and Cantonese) characters folded to the simplified ones the rule patterns use.

Shoppers in Hong Kong, Macao and Taiwan write 鑑定報告, 發霉, 兩盒; Cantonese writes 係 for 是 and
唔 for 不. The amount and evidence patterns are written once, in simplified characters, so the text
is folded one character for one character (offsets are kept, like `text.normalise`). The table
holds the characters of shopping complaints, not a full converter: a character it lacks stays as
it is and simply matches nothing.
"""

from __future__ import annotations

from functools import lru_cache

# Pairs: traditional then simplified, in one run each so the table stays readable.
_TRADITIONAL = (
    "鑑鑒機構書報結論這雙驗點樣賠償買兩發黴過貨檢測證確認專櫃蓋說廠產質醫藥務為實際們個麼東來還沒錢應該"
    "讓對銷價錯誤變壞舊與將從後裡裏處張條號單運費貼碼無換當時間現電話網頁標註聲稱隻長異蟲頭髮壓爛餿幾數"
    "雖給帶讀寫辦郵鏈紅綠藍顏襪褲錶鐘鏡燈鍋壺盤筆紙開關門問題設計線斷漏盜僅種類屬於並塊盒裝罐"
    "嗎吃喝飲料餅乾麵粉糧蟲殼膠囊藥劑維護膚霜液噴瓶蓋禮團購優惠劵券滿減紀錄記錄圖片掃描攬收簽"
    "寄遞預訂訂單轉帳賬號碼據屆們雜戶廣告誇載詢問謝閱覽認證據鑒別區傳輸損壞傷勁劃碎鐵銀銅鋼纖維絲綿羊絨皮"
    "係唔冇啲咗嘅"
)
_SIMPLIFIED = (
    "鉴鉴机构书报结论这双验点样赔偿买两发霉过货检测证确认专柜盖说厂产质医药务为实际们个么东来还没钱应该"
    "让对销价错误变坏旧与将从后里里处张条号单运费贴码无换当时间现电话网页标注声称只长异虫头发压烂馊几数"
    "虽给带读写办邮链红绿蓝颜袜裤表钟镜灯锅壶盘笔纸开关门问题设计线断漏盗仅种类属于并块盒装罐"
    "吗吃喝饮料饼干面粉粮虫壳胶囊药剂维护肤霜液喷瓶盖礼团购优惠券券满减纪录记录图片扫描揽收签"
    "寄递预订订单转账账号码据届们杂户广告夸载询问谢阅览认证据鉴别区传输损坏伤劲划碎铁银铜钢纤维丝绵羊绒皮"
    "是不没些了的"
)
assert len(_TRADITIONAL) == len(_SIMPLIFIED), "variants table out of step"
_TABLE = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


@lru_cache(maxsize=256)
def simplified(text: str) -> str:
    """`text` with traditional and Cantonese characters folded, same length."""
    return text.translate(_TABLE)
