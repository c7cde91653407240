"""An objective Chinese complaint text built from the order's facts and the chosen advice.

Only facts from the order and the shopper's own description (cleaned by the linter) go in: no
contact details, no insults or threats, no demand beyond the remedies the rules support.
"""

from __future__ import annotations

import re
from datetime import datetime

from tousu.models.advice import Draft, EvidenceItem, Issue, Remedy
from tousu.models.order import Order

from .facts import OrderFacts, yuan
from .lint import lint_spans
from .rules import TypeInfo, seller_pays_transport

_CLEAN_CODES = {"emotional_language", "threat", "unreasonable_demand", "personal_data"}
# Threats, contact details and demands are dropped with their whole clause: removing only the
# span leaves fragments ("你", "电话") that read badly in a formal text.
_CLAUSE_CODES = {"threat", "unreasonable_demand", "personal_data"}
_CLAUSE_END = "，,。.！!？?；;\n"
# The draft states its own demand; a punitive demand in the shopper's words goes with its clause.
_PUNITIVE_ASK = re.compile(
    r"[^，,。.！!？?；;\n]*(退一赔三|退一赔十|假一赔三|[三十3]倍|10倍)[^，,。.！!？?；;\n]*"
)
_PUNCT_RUN = re.compile(r"[，,。.！!？?；;、\s]*([，,。.！!？?；;])[，,。.！!？?；;、\s]*")
_PLATFORM = {"taobao": "淘宝", "tmall": "天猫"}


def _day(moment: datetime | None) -> str | None:
    return f"{moment.year}年{moment.month}月{moment.day}日" if moment else None


def clean_text(text: str, *, paid: str | None = None, food: bool | None = None) -> str:
    """The shopper's description with flagged spans removed and punctuation tidied."""
    pieces, cursor = [], 0
    for finding, replacement in lint_spans(text, paid=paid, food=food):
        if finding.code not in _CLEAN_CODES or finding.start < cursor:
            continue
        start, end = finding.start, finding.end
        if finding.code in _CLAUSE_CODES:
            while start > cursor and text[start - 1] not in _CLAUSE_END:
                start -= 1
            while end < len(text) and text[end] not in _CLAUSE_END:
                end += 1
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    cleaned = _PUNITIVE_ASK.sub("", "".join(pieces)).strip()
    cleaned = _PUNCT_RUN.sub(lambda m: "，" if m.group(1) in "，,、" else "。", cleaned)
    cleaned = cleaned.strip("，,。.；; ")
    return cleaned


def _demand(remedy: Remedy, info: TypeInfo) -> str:
    basis = remedy.basis.split("（")[0]
    if remedy.amount and remedy.code in ("return_refund", "refund_only"):
        text = f"{remedy.name}，退还货款{remedy.amount}元"
    elif remedy.amount:
        text = f"{remedy.name}{remedy.amount}元"
    else:
        text = remedy.name
    if seller_pays_transport(info, remedy.code):
        text += "，运输费用由卖家承担"
    return f"{text}（依据：{basis}）"


def build_draft(
    order: Order,
    facts: OrderFacts,
    info: TypeInfo,
    problem_text: str,
    evidence: list[EvidenceItem],
    remedies: list[Remedy],
    others: list[Issue] | None = None,
) -> Draft:
    goods = order.goods
    lines = ["您好："]
    if goods:
        first = goods[0]
        sku = f"（{first.sku}）" if first.sku else ""
        quantity = f"，数量{first.quantity}" if first.quantity != 1 else ""
        more = f"等{len(goods)}件商品" if len(goods) > 1 else ""
        paid = f"，实付{yuan(facts.price_paid)}元" if facts.price_paid is not None else ""
        item = f"“{first.title}”{sku}{more}{quantity}{paid}"
    else:
        item = "该订单商品"
    platform = _PLATFORM.get(order.platform, "")
    shop = f"（店铺：{order.shop.name}）" if order.shop.name else ""
    bought = _day(facts.paid_at)
    lines.append(f"订单号{order.order_id}，我{'于' + bought if bought else ''}在{platform}购买{item}{shop}。")
    timeline = []
    if facts.shipped_at:
        timeline.append(f"卖家于{_day(facts.shipped_at)}发货")
    if facts.sign_off and not facts.sign_off_estimated:
        timeline.append(f"我于{_day(facts.sign_off)}签收")
    elif order.completed_at:
        timeline.append(f"于{_day(order.completed_at)}确认收货")
    if order.status == "awaiting_shipment":
        timeline.append("截至目前卖家尚未发货")
    if timeline:
        lines.append("，".join(timeline) + "。")
    problem = f"问题：{info.problem}。"
    paid_text = yuan(facts.price_paid) if facts.price_paid else None
    detail = clean_text(problem_text, paid=paid_text, food=facts.is_food)
    if sum(1 for c in detail if "\u4e00" <= c <= "\u9fff") >= 4:
        problem += f"具体情况：{detail}。"
    lines.append(problem)
    for other in others or []:
        words = "、".join(f"“{w}”" for w in other.evidence_words[:2])
        lines.append(f"另外，本订单还存在{other.name}的问题（{words}），一并请求处理。")
    held = [e.name for e in evidence if e.required]
    if held:
        lines.append(f"我可以提供：{'、'.join(held)}。")
    ordinary = [r for r in remedies if r.venue in ("after_sales", "complaint")]
    if ordinary:
        lines.append(f"诉求：{_demand(ordinary[0], info)}。")
    lines.append("请尽快核实处理。如协商不成，我将申请平台介入或向12315反映。谢谢。")
    return Draft(text="\n".join(lines))
