"""The base of every amount: the price actually paid for the affected goods only.

Never separately charged freight, never the order's other lines, never gift or pseudo lines
(运费险, 购物金充值), only the affected quantity; coupons and 满减 are shared out over the goods in
proportion to their prices when the page does not show each line's 实付 (法释〔2024〕9号 art. 1:
the base is the price actually paid). The affected lines come from the shopper when given,
otherwise from the text (the line it names as faulty, "其中2个") and else every goods line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tousu.models.advice import AffectedItem
from tousu.models.order import Item, Order

from .text import normalise

CENT = Decimal("0.01")
_NUMBER = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_UNIT = r"(?:个|件|只|支|瓶|罐|袋|包|盒|箱|双|条|片|台|套|本|桶|块|根|张|把|副|听|杯|颗)"
# "其中2个为仿冒品" / "4瓶瓶盖胀起": how many of a line's units the problem concerns.
_SOME = re.compile(rf"(?:其中|里面|里头|有)(?:的)?\s*(\d{{1,3}}|[一两二三四五六七八九十])\s*{_UNIT}")
# A line the text clears: "身体乳是正品", "帽子没问题", "其他两件没问题".
_FINE = re.compile(r"^.{0,8}?(?:没(?:有)?问题|没事|正常|完好|是正品|确认是正品|留下|不退|没坏|好好的)")


@dataclass(frozen=True)
class AffectedLine:
    sub_order_id: str | None
    title: str
    quantity: int
    amount: Decimal | None  # what was paid for these units
    source: str  # "shopper" | "inferred"


def _goods(order: Order) -> list[Item]:
    """Lines that are goods: not pseudo, not a free gift."""
    return [i for i in order.items if not i.pseudo and not getattr(i, "gift", False) and i.quantity > 0]


def _list_price(item: Item) -> Decimal | None:
    return Decimal(item.unit_price) * item.quantity if item.unit_price is not None else None


def line_paid(order: Order) -> dict[int, Decimal | None]:
    """What was paid for each goods line (index into order.items)."""
    goods = _goods(order)
    out: dict[int, Decimal | None] = {}
    shown = {id(i): getattr(i, "paid_amount", None) for i in goods}
    listed = [(_list_price(i) or Decimal(0)) for i in goods]
    goods_paid: Decimal | None = None
    if order.total_paid is not None:
        goods_paid = Decimal(order.total_paid)
        if order.shipping_fee is not None:
            goods_paid -= Decimal(order.shipping_fee)
        for item in order.items:
            if item.pseudo and item.unit_price is not None:
                goods_paid -= Decimal(item.unit_price) * item.quantity
        goods_paid = max(goods_paid, Decimal(0))
    total_listed = sum(listed, Decimal(0))
    for item, price in zip(goods, listed, strict=True):
        index = order.items.index(item)
        paid_shown = shown[id(item)]
        if paid_shown is not None:
            out[index] = Decimal(paid_shown)
        elif item.unit_price is None:
            out[index] = None
        elif goods_paid is not None and total_listed > 0 and goods_paid < total_listed:
            # Discounts shared out in proportion to the listed prices.
            out[index] = (goods_paid * price / total_listed).quantize(CENT, rounding=ROUND_HALF_UP)
        else:
            out[index] = price
    return out


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER.get(word, 0)


def _names(title: str) -> list[str]:
    """Words of a title a shopper would use for it: its CJK runs and their 2-4 character tails."""
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", normalise(title))
    names = set()
    for run in runs:
        for size in (4, 3, 2):
            for start in range(len(run) - size + 1):
                names.add(run[start : start + size])
    return sorted(names, key=len, reverse=True)


def _mentions(text: str, title: str) -> list[int]:
    found: list[int] = []
    for name in _names(title):
        found.extend(m.end() for m in re.finditer(re.escape(name), text))
    return sorted(set(found))


def _inferred_lines(order: Order, text: str) -> list[tuple[int, int]]:
    goods = _goods(order)
    norm = normalise(text)
    chosen = goods
    if len(goods) > 1 and norm:
        mentioned = {id(i): _mentions(norm, i.title) for i in goods}
        faulty = [
            i
            for i in goods
            if mentioned[id(i)] and not all(_FINE.match(norm[end:]) for end in mentioned[id(i)])
        ]
        cleared = [i for i in goods if mentioned[id(i)] and i not in faulty]
        if faulty:
            chosen = faulty
        elif cleared:
            chosen = [i for i in goods if i not in cleared]
        # "其他两件没问题" clears every line but the one named.
        if len(chosen) > 1 and re.search(r"(其他|其余|另外)(的)?.{0,3}(都|也)?(没(有)?问题|正常|没事)", norm):
            named = [i for i in chosen if mentioned[id(i)]]
            chosen = named[:1] or chosen
    out = []
    for item in chosen:
        quantity = item.quantity
        if len(chosen) == 1 and item.quantity > 1:
            some = _SOME.search(norm)
            if some and 0 < _count(some.group(1)) < item.quantity:
                quantity = _count(some.group(1))
        out.append((order.items.index(item), quantity))
    return out


def affected_lines(
    order: Order, text: str = "", requested: list[tuple[str, int]] | None = None
) -> list[AffectedLine]:
    """The affected goods and what was paid for them; `requested` = [(sub_order_id, quantity)]."""
    paid = line_paid(order)
    picks: list[tuple[int, int]] = []
    source = "inferred"
    if requested:
        by_id = {item.sub_order_id: index for index, item in enumerate(order.items) if item.sub_order_id}
        picks = [(by_id[s], q) for s, q in requested if s in by_id and by_id[s] in paid]
        source = "shopper" if picks else source
    if not picks:
        picks = _inferred_lines(order, text)
    out = []
    for index, quantity in picks:
        item = order.items[index]
        quantity = min(quantity, item.quantity)
        line = paid.get(index)
        amount = None
        if line is not None:
            amount = (line * quantity / item.quantity).quantize(CENT, rounding=ROUND_HALF_UP)
        out.append(AffectedLine(item.sub_order_id, item.title, quantity, amount, source))
    return out


def affected_base(lines: list[AffectedLine]) -> Decimal | None:
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
            source=line.source,
        )
        for line in lines
    ]
