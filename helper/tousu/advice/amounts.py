"""The base of every amount: the price actually paid for the affected goods only.

Never separately charged freight, never the order's other lines, never gift or pseudo lines
(运费险, 购物金充值), only the affected quantity; the line's 实付 (`paid_amount`) when the page shows
it, else coupons and 满减 shared out over the goods in proportion to their prices (法释〔2024〕9号
art. 1: the base is the price actually paid). A sub-item of a combination listing counts at its
declared value (争议处理规则 arts 60, 63). The affected lines come from the shopper when given,
otherwise from the text (the line it names as faulty or to send back, "其中2个", "只有3双") and
else every goods line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tousu.models.advice import AffectedItem
from tousu.models.order import Item, Order

from .categories import head_names
from .text import normalise
from .variants import simplified

CENT = Decimal("0.01")
_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "两": 2,
    "二": 2,
    "俩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ENGLISH = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# Digits, Chinese numerals (十二, 二十, 两, 一百二十), English words (one ... ten).
_EN_COUNT = "|".join(_ENGLISH)
_COUNT = rf"(\d{{1,3}}|[零〇一两二俩三四五六七八九十百]{{1,4}}|(?:{_EN_COUNT})(?![a-z]))"
_UNIT = r"(?:个|件|只|支|瓶|罐|袋|包|盒|箱|双|条|片|台|套|本|桶|块|根|张|把|副|听|杯|颗|枚|提|卷|对)"
# "其中2个为仿冒品" / "4瓶瓶盖胀起": how many of a line's units the problem concerns.
_SOME = re.compile(rf"(?:其中|里面|里头|有)(?:的)?\s*{_COUNT}\s*{_UNIT}")
# "五包中的两包", "两盒里有一盒", "三件当中一件", "10个里面3个", "四个里面坏了两个": the second
# count of a whole.
_OF = re.compile(
    rf"{_COUNT}\s*{_UNIT}?\s*(?:之中|当中|中间|里面|里头|中|里)(?:的|有|只有|就有|竟有|竟然有|[\u4e00-\u9fff]{{1,3}}了)?\s*{_COUNT}\s*{_UNIT}"
)
# "一半", "半数": half the line.
_HALF = re.compile(r"一半|半数|half")
# "其他两件留下", "剩下3个是好的": the units the text clears, so the rest are affected.
_REST_FINE = re.compile(
    rf"(?:其他|其余|另外|剩下|剩余|另)(?:的)?\s*{_COUNT}\s*{_UNIT}?(?:都|也|还)?(?:是)?(?:没(?:有)?问题|正常|没事|完好|留下|留着|保留|不退|好的|没坏|能用)"
)
# An English count before its noun ("one 有破洞", "2 of them"): no Chinese measure word.
_SOME_EN = re.compile(rf"(?:其中|里面|里头)\s*{_COUNT}(?=\s|有|是|坏|破)")
# "只有3双" / "实收2盒": how many arrived, so the rest are missing.
_ARRIVED = re.compile(
    rf"(?:只收到|只到了|只来了|只发了|只送来了?|只送到了?|只寄来了?|实收|实际收到|仅收到|收到(?:的)?(?:只有|仅有)|里(?:面|头)?(?:只有|仅有))\s*{_COUNT}\s*{_UNIT}"
)
# "少发了2盒" / "缺1个": how many are missing.
_MISSING = re.compile(rf"(?:少发了?|少寄了?|少了|缺了?|漏发了?)\s*{_COUNT}\s*{_UNIT}")
# A line the text clears in the same clause: "身体乳是正品", "帽子没问题", "马甲留下".
_FINE = re.compile(
    r"^[^，,。；;！!？?、\s]{0,8}?(?:没(?:有)?(?:任何)?问题|没事|正常|完好|是正品|确认是正品|留下|留着|不退|没坏|好好的|不用退|保留|不用管|不管|不用理|是好的|能用|没毛病)"
)
# "退掉洗发水", "想退围巾": the line the shopper wants to send back.
_TARGET = re.compile(r"(?:退掉|退回|退了|要退|想退|同意退|申请退|换掉|要换|想换|把)(?:这个|那个|其中的?)?$")
# "同一单还买了一把杯刷": a line named as a by-the-way purchase is not the one at fault.
_INCIDENTAL = re.compile(
    r"(还|另外|顺便|顺带|一起|同时|另|同单|同一单|同订单)(还|也)?(买|拍|下单|加购)(了)?.{0,8}$"
)
# "其他两件没问题": every line but the one named just before.
_OTHERS_FINE = re.compile(r"(其他|其余|另外|剩下)(的)?.{0,3}(都|也)?(没(有)?问题|正常|没事|完好)")
# The parcel went missing on the way: "包裹丢了", "丢件", "快递找不到了", "那个一直没送到".
_LOST = re.compile(
    r"丢件|丢了|丢失|寄丢|弄丢|遗失|找不到(了)?(包裹|快递|件)?|lost|一直(都)?没(有)?(送|收|寄)?到"
)
# A combination's sub-item named as never sent: "烤串签没给", "地垫没发", "少了三脚架".
_COMPONENT_MISSING_AFTER = re.compile(
    r"^[^，,。；;！!？?]{0,4}?(没给|没发|没有(给|发|寄|收到)?|没收到|没寄|少了|缺了?|漏发|不见了)"
)
_COMPONENT_MISSING_BEFORE = re.compile(r"(少了|缺了?|漏发了?|没给|没发)(一个|一套|一把|一条)?$")
# "这两袋", "退两袋的钱": the units the text points at.
_POINTED = re.compile(rf"(?:这|那|退(?:了|掉)?|坏了?|烂了?)\s*{_COUNT}\s*{_UNIT}")
# The text says some goods were never sent (缺货, 发不了): the lines in no parcel.
_UNSENT = re.compile(r"缺货|没(有)?发(货)?|未发(货)?|发不了|不发了|还没发|没有寄|断货")


@dataclass(frozen=True)
class AffectedLine:
    sub_order_id: str | None
    title: str
    quantity: int
    amount: Decimal | None  # what was paid for these units
    source: str  # "shopper" | "inferred" | "parcels"
    component: str | None = None  # a sub-item of a combination listing


def is_gift(item: Item) -> bool:
    """A free gift line: kind gift, or a zero-priced line titled 赠品."""
    return item.gift or (
        item.title.startswith("赠品") and item.unit_price is not None and not Decimal(item.unit_price)
    )


def goods_lines(order: Order) -> list[Item]:
    """Lines that are goods: not pseudo, not a free gift, at least one unit."""
    return [i for i in order.items if not i.pseudo and not is_gift(i) and i.quantity > 0]


def _list_price(item: Item) -> Decimal | None:
    return Decimal(item.unit_price) * item.quantity if item.unit_price is not None else None


def _goods_paid(order: Order) -> Decimal | None:
    """What the order's total paid for goods: less the freight and the pseudo lines."""
    if order.total_paid is None:
        return None
    paid = Decimal(order.total_paid)
    if order.shipping_fee is not None:
        paid -= Decimal(order.shipping_fee)
    for item in order.items:
        if item.pseudo:
            shown = item.paid_amount if item.paid_amount is not None else None
            if shown is not None:
                paid -= Decimal(shown)
            elif item.unit_price is not None:
                paid -= Decimal(item.unit_price) * item.quantity
    return max(paid, Decimal(0))


def line_paid(order: Order) -> dict[int, Decimal | None]:
    """What was paid for each goods line (index into order.items)."""
    goods = goods_lines(order)
    out: dict[int, Decimal | None] = {}
    listed = [(_list_price(i) or Decimal(0)) for i in goods]
    goods_paid = _goods_paid(order)
    total_listed = sum(listed, Decimal(0))
    for item, price in zip(goods, listed, strict=True):
        index = order.items.index(item)
        if item.paid_amount is not None:
            out[index] = Decimal(item.paid_amount)
        elif item.unit_price is None:
            out[index] = None
        elif goods_paid is not None and total_listed > 0 and goods_paid < total_listed:
            # Discounts shared out in proportion to the listed prices.
            out[index] = (goods_paid * price / total_listed).quantize(CENT, rounding=ROUND_HALF_UP)
        else:
            out[index] = price
    return out


_POWERS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_SHORTHAND = {"k": 1000, "千": 1000, "w": 10000, "万": 10000}
# Every sum or count a shopper writes, in one place: 12, 12.5, 1.2k, 3万, 十二, 一百二十, 两千五,
# 一百零五. Patterns in the rule files say `{sum}` where a sum goes (sum_pattern fills it in).
SUM = r"\d+(?:\.\d{1,2})?(?:\s*[kKwW千万](?![a-zA-Z]))?|[零〇一二两俩三四五六七八九十百千万]{1,8}"


# A sum marked as money, the currency before it or after it: 12元, 12块(钱), ¥12, ￥12, rmb 12, 12 rmb,
# 12 yuan. With a sign before it the unit after it is optional ("邮费是¥14。"); without one it is
# needed, so a bare number (a size, a count) is not read as money.
MONEY = (
    rf"(?:(?P<currency>[¥￥]|rmb|cny)\s*)?(?P<amount>{SUM})\s*"
    r"(?(currency)(?:元|块|rmb|yuan|cny)?|(?:元|块|rmb|yuan|cny))"
)


def sum_pattern(pattern: str) -> str:
    """A rule file's pattern with its `{sum}` slot (a number) or its `{money}` slot (a number marked
    as money, MONEY) as the named group `amount`."""
    return pattern.replace("{money}", MONEY).replace("{sum}", f"(?P<amount>{SUM})")


def _chinese(word: str) -> Decimal | None:
    """十二 -> 12, 一百二十 -> 120, 一百二 -> 120 (the spoken shorthand), 两千五 -> 2500, 一万二 -> 12000;
    a spoken range of two rising digits reads as its upper end (两三千 -> 3000, 七八十 -> 80), the most
    the words ask for."""
    total = Decimal(0)  # completed 万 groups
    group = Decimal(0)  # below 万
    digit: int | None = None
    last_power = 0
    ranged = False  # two digits in a row: a range, which must end in a power (两三千, not 一二)
    for char in word:
        if char in _DIGIT:
            if digit is not None:
                if _DIGIT[char] <= digit or _DIGIT[char] > digit + 2 or char in "零〇":
                    return None  # "二一", "一五": not a number
                ranged = True
            digit = _DIGIT[char]
            if char in "零〇":
                digit, last_power = None, 0  # 一百零五: the zero only marks a gap
            continue
        power = _POWERS[char]
        ranged = False
        if power == 10000:
            group += digit or 0
            total = (total + group) * power
            group, digit, last_power = Decimal(0), None, power
            continue
        if digit is None and not (power == 10 and not group):
            return None  # "百二": a power needs its digit (only 十 stands alone)
        group += (1 if digit is None else digit) * power
        digit, last_power = None, power
    if ranged:
        return None
    if digit is not None:
        # A trailing digit right after a power is one step down: 一百二 = 120, 两千五 = 2500.
        group += digit * (last_power // 10 if last_power >= 100 else 1)
    value = total + group
    return value if value > 0 or word in ("零", "〇") else None


def read_sum(word: str) -> Decimal | None:
    """A sum or count as written: digits (with k/千/w/万), Chinese numerals, English words one..ten."""
    word = word.strip().lower().replace(" ", "").replace(",", "")
    if not word:
        return None
    if word in _ENGLISH:
        return Decimal(_ENGLISH[word])
    if re.fullmatch(r"\d[十百千万]\d?", word):
        # "2万5", "3千": a single digit written among numerals reads as that numeral.
        word = "".join("零一二三四五六七八九"[int(c)] if c.isdigit() else c for c in word)
    if word[0].isdigit():
        unit = word[-1] if word[-1] in _SHORTHAND else ""
        number = word[:-1] if unit else word
        if not re.fullmatch(r"\d+(\.\d+)?", number):
            return None
        return Decimal(number) * _SHORTHAND.get(unit, 1)
    if all(c in _DIGIT or c in _POWERS for c in word):
        return _chinese(word)
    return None


def _count(word: str) -> int:
    """3, 三, 十二, 一百二十, two -> the number (0 when it is not a whole number)."""
    value = read_sum(word)
    return int(value) if value is not None and value == int(value) else 0


def _names(title: str) -> set[str]:
    """Words of a title a shopper would use for it: its CJK runs and their 2-4 character pieces."""
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", normalise(title))
    names = set()
    for run in runs:
        names |= head_names(run)
        for size in (4, 3, 2):
            for start in range(len(run) - size + 1):
                names.add(run[start : start + size])
    return names


def _mentions(text: str, names: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each place the text names the line, longest name first, no overlaps."""
    found: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if not any(s < m.end() and m.start() < e for s, e in found):
                found.append((m.start(), m.end()))
    return sorted(found)


def _pick_lines(order: Order, goods: list[Item], norm: str) -> list[Item]:
    """The lines the text says the problem concerns (all of them when it does not say)."""
    if len(goods) < 2 or not norm:
        return goods
    names = {id(i): _names(i.title) for i in goods}
    # A word two titles share ("咖啡" in 咖啡豆 and 挂耳咖啡) names neither.
    shared = {n for i in goods for j in goods if i is not j for n in names[id(i)] & names[id(j)]}
    spots = {id(i): _mentions(norm, names[id(i)] - shared) for i in goods}
    cleared = [
        i
        for i in goods
        if any(_FINE.match(norm[end:]) for _, end in spots[id(i)])
        or (spots[id(i)] and all(_INCIDENTAL.search(norm[max(0, s - 12) : s]) for s, _ in spots[id(i)]))
    ]
    candidates = [i for i in goods if i not in cleared] or goods
    targeted = [
        i for i in candidates if any(_TARGET.search(norm[max(0, s - 6) : s]) for s, _ in spots[id(i)])
    ]
    if targeted:
        return targeted
    others = _OTHERS_FINE.search(norm)
    if others:
        before = [
            (max((e for _, e in spots[id(i)] if e <= others.start()), default=-1), i) for i in candidates
        ]
        last = max(before, key=lambda pair: pair[0])
        if last[0] >= 0:
            return [last[1]]
    mentioned = [i for i in candidates if spots[id(i)]]
    if mentioned and (cleared or len(mentioned) < len(goods)):
        # Only some lines are named (or the rest are cleared): those the shopper writes about.
        return mentioned
    return candidates


def _unsent(order: Order, goods: list[Item], norm: str) -> list[Item]:
    """Goods lines no parcel carries, when the text says something was never sent."""
    if not order.parcels or not _UNSENT.search(norm):
        return []
    carried = {sid for p in order.parcels for sid in p.sub_order_ids}
    if not carried:
        return []
    return [i for i in goods if i.sub_order_id not in carried]


def missing_units(text: str) -> bool:
    """The text says only some units arrived ("只收到3双", "少发了2盒")."""
    norm = normalise(text)
    return bool(_ARRIVED.search(norm) or _MISSING.search(norm))


def _quantity(item: Item, norm: str) -> int:
    """How many of a line's units the text says the problem concerns."""
    if item.quantity <= 1:
        return item.quantity
    arrived = _ARRIVED.search(norm)
    if arrived and 0 <= _count(arrived.group(1)) < item.quantity:
        return item.quantity - _count(arrived.group(1))
    missing = _MISSING.search(norm)
    if missing and 0 < _count(missing.group(1)) < item.quantity:
        return _count(missing.group(1))
    for of in _OF.finditer(norm):
        whole, part = _count(of.group(1)), _count(of.group(2))
        if 0 < part < whole and whole <= item.quantity:
            return part
    some = _SOME.search(norm) or _SOME_EN.search(norm)
    if some and 0 < _count(some.group(1)) < item.quantity:
        return _count(some.group(1))
    rest = _REST_FINE.search(norm)
    if rest and 0 < _count(rest.group(1)) < item.quantity:
        return item.quantity - _count(rest.group(1))
    pointed = _POINTED.search(norm)
    if pointed and 0 < _count(pointed.group(1)) < item.quantity:
        return _count(pointed.group(1))
    if _HALF.search(norm) and item.quantity % 2 == 0:
        return item.quantity // 2
    return item.quantity


def _lost_parcel(order: Order, goods: list[Item], norm: str) -> list[tuple[int, int]]:
    """The contents of the parcel the text says was lost, when only some parcels arrived.

    A lost parcel that held two lines refunds what it held of each (争议处理规则 art. 38: not
    received); the units another parcel delivered are not part of it."""
    if len(order.parcels) < 2 or not _LOST.search(norm):
        return []
    lost = [p for p in order.parcels if p.signed_at is None and p.contents]
    if not lost or len(lost) == len(order.parcels):
        return []
    wanted = {id(i) for i in goods}
    held: dict[int, int] = {}
    for parcel in lost:
        for content in parcel.contents:
            index = next(
                (
                    n
                    for n, i in enumerate(order.items)
                    if i.sub_order_id == content.sub_order_id and id(i) in wanted
                ),
                None,
            )
            if index is not None and content.component is None:
                held[index] = held.get(index, 0) + content.quantity
    return [
        (index, min(quantity, order.items[index].quantity)) for index, quantity in held.items() if quantity
    ]


def _missing_component(order: Order, goods: list[Item], norm: str) -> list[tuple[int, int, str | None]]:
    """A combination's sub-item with a declared value that the text says never came: that sub-item
    alone, at its declared value (争议处理规则 arts 60, 63)."""
    out: list[tuple[int, int, str | None]] = []
    for item in goods:
        for component in item.components:
            if component.declared_value is None or not component.name:
                continue
            for m in re.finditer(re.escape(normalise(component.name)), norm):
                if _COMPONENT_MISSING_AFTER.match(norm[m.end() :]) or _COMPONENT_MISSING_BEFORE.search(
                    norm[max(0, m.start() - 6) : m.start()]
                ):
                    out.append((order.items.index(item), 1, component.name))
                    break
    return out


def _inferred_lines(order: Order, text: str) -> list[tuple[int, int, str | None]]:
    goods = goods_lines(order)
    norm = simplified(normalise(text))  # 兩盒里有一盒: the patterns are simplified
    lost = _lost_parcel(order, goods, norm)
    if lost:
        return [(index, quantity, None) for index, quantity in lost]
    component = _missing_component(order, goods, norm)
    if component:
        return component
    chosen = _unsent(order, goods, norm) or _pick_lines(order, goods, norm)
    single = len(chosen) == 1
    return [(order.items.index(i), _quantity(i, norm) if single else i.quantity, None) for i in chosen]


def component_value(item: Item, name: str | None) -> Decimal | None:
    """The declared value of a combination's sub-item, by name."""
    for component in item.components:
        if name and component.name == name and component.declared_value is not None:
            return Decimal(component.declared_value)
    return None


def line_amount(order: Order, index: int, quantity: int, component: str | None = None) -> Decimal | None:
    """What was paid for `quantity` units of a line (a sub-item by its declared value)."""
    item = order.items[index]
    if component is not None:
        value = component_value(item, component)
        if value is not None:
            return (value * quantity).quantize(CENT, rounding=ROUND_HALF_UP)
    line = line_paid(order).get(index)
    if line is None or not item.quantity:
        return None
    return (line * min(quantity, item.quantity) / item.quantity).quantize(CENT, rounding=ROUND_HALF_UP)


Requested = tuple[str, int] | tuple[str, int, str | None]


def affected_lines(
    order: Order, text: str = "", requested: Sequence[Requested] | None = None
) -> list[AffectedLine]:
    """The affected goods and what was paid for them.

    `requested` = [(sub_order_id, quantity, [component])], the shopper's choice."""
    paid = line_paid(order)
    picks: list[tuple[int, int, str | None]] = []
    source = "inferred"
    if requested:
        by_id = {item.sub_order_id: index for index, item in enumerate(order.items) if item.sub_order_id}
        for pick in requested:
            sub, quantity = pick[0], pick[1]
            component = pick[2] if len(pick) == 3 else None
            if sub in by_id and by_id[sub] in paid:
                picks.append((by_id[sub], quantity, component))
        source = "shopper" if picks else source
    if not picks:
        picks = _inferred_lines(order, text)
    out = []
    for index, quantity, component in picks:
        item = order.items[index]
        quantity = min(quantity, item.quantity)
        amount = line_amount(order, index, quantity, component)
        out.append(AffectedLine(item.sub_order_id, item.title, quantity, amount, source, component))
    return out


def affected_base(lines: list[AffectedLine] | tuple[AffectedLine, ...]) -> Decimal | None:
    """The price paid for the affected goods (None when a line's price is unknown)."""
    if not lines or any(line.amount is None for line in lines):
        return None
    return sum((line.amount for line in lines if line.amount is not None), Decimal(0))


def affected_items(lines: tuple[AffectedLine, ...] | list[AffectedLine]) -> list[AffectedItem]:
    """Advice.affected_items: which goods and quantities the amounts used."""
    return [
        AffectedItem(
            sub_order_id=line.sub_order_id,
            title=line.title,
            quantity=line.quantity,
            amount=f"{line.amount:.2f}" if line.amount is not None else None,
            source="shopper" if line.source == "shopper" else "inferred",
            component=line.component,
        )
        for line in lines
    ]
