"""The case lifecycle and the platform's status words, as data."""

from __future__ import annotations

import re

from .errors import Conflict

NAMES: dict[str, str] = {
    "draft": "草稿",
    "filed": "已提交",
    "seller_responded": "卖家已回应",
    "platform_intervening": "平台介入中",
    "resolved": "已解决",
    "escalated": "已升级",
    "closed": "已结束",
}

# The moves a case makes on its own course. Anything else needs `correction: true`.
TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"filed", "closed"}),
    "filed": frozenset({"seller_responded", "platform_intervening", "resolved", "escalated", "closed"}),
    "seller_responded": frozenset({"platform_intervening", "resolved", "escalated", "closed"}),
    "platform_intervening": frozenset({"seller_responded", "resolved", "escalated", "closed"}),
    # A resolution the seller does not honour goes further.
    "resolved": frozenset({"escalated", "closed"}),
    "escalated": frozenset({"platform_intervening", "resolved", "closed"}),
    # 投诉不成立 closes the complaint; the shopper may still take it to 12315.
    "closed": frozenset({"escalated"}),
}

# Statuses that no longer need the shopper: no reminders for them.
FINISHED = frozenset({"resolved", "closed"})

# Texts seen on the complaint list (投诉管理) and the refund list (退款管理). Sources:
# reference/complaint-rules.md (2015 complaint statuses), reference/taobao-pages.md (refund
# texts). Matching is exact first, then by the longest text contained in the row.
PLATFORM_TEXTS: dict[str, str] = {
    # Waiting for the seller: what a freshly filed complaint or request shows.
    "等待卖家处理": "filed",
    "等待商家处理": "filed",
    "待卖家处理": "filed",
    "待商家处理": "filed",
    "等待卖家同意": "filed",
    "等待商家同意": "filed",
    "退款中": "filed",
    "退货退款中": "filed",
    "仅退款中": "filed",
    "售后中": "filed",
    "退款申请中": "filed",
    # The seller has answered; the ball is with the buyer.
    "卖家已处理": "seller_responded",
    "商家已处理": "seller_responded",
    "卖家已回复": "seller_responded",
    "商家已回复": "seller_responded",
    "等待买家处理": "seller_responded",
    "待买家处理": "seller_responded",
    "举证中": "seller_responded",
    "待买家举证": "seller_responded",
    "卖家已同意": "seller_responded",
    "商家已同意": "seller_responded",
    "卖家已拒绝": "seller_responded",
    "商家已拒绝": "seller_responded",
    "卖家拒绝退款": "seller_responded",
    "商家拒绝退款": "seller_responded",
    "待买家退货": "seller_responded",
    "等待买家退货": "seller_responded",
    # Taobao or Tmall staff (小二) are handling it.
    "淘宝处理中": "platform_intervening",
    "天猫处理中": "platform_intervening",
    "小二处理中": "platform_intervening",
    "等待小二处理": "platform_intervening",
    "小二介入": "platform_intervening",
    "小二介入中": "platform_intervening",
    "淘宝介入": "platform_intervening",
    "淘宝介入中": "platform_intervening",
    "天猫介入中": "platform_intervening",
    "平台介入中": "platform_intervening",
    "平台处理中": "platform_intervening",
    "客服介入中": "platform_intervening",
    # Decided in the shopper's favour.
    "投诉成立": "resolved",
    "退款成功": "resolved",
    "退货退款成功": "resolved",
    "仅退款成功": "resolved",
    "售后成功": "resolved",
    "退款完成": "resolved",
    "已退款": "resolved",
    "换货成功": "resolved",
    # Over, whatever the outcome.
    "投诉不成立": "closed",
    "投诉已完结": "closed",
    "投诉已撤销": "closed",
    "投诉已关闭": "closed",
    "已撤销": "closed",
    "退款关闭": "closed",
    "退款已关闭": "closed",
    "售后关闭": "closed",
    "售后已关闭": "closed",
}

_BY_LENGTH = sorted(PLATFORM_TEXTS, key=len, reverse=True)
_NOISE = re.compile(r"\s+|^(当前)?(投诉|退款|售后)?状态[:：]")


def normalise_text(text: str) -> str:
    return _NOISE.sub("", text.strip())


def status_for_text(text: str) -> str | None:
    """Our lifecycle status for a platform status text, or None when the text is unknown."""
    clean = normalise_text(text)
    if clean in PLATFORM_TEXTS:
        return PLATFORM_TEXTS[clean]
    for known in _BY_LENGTH:
        if known in clean:
            return PLATFORM_TEXTS[known]
    return None


def check_transition(current: str, new: str, *, correction: bool) -> None:
    if new == current or correction or new in TRANSITIONS[current]:
        return
    allowed = ", ".join(sorted(TRANSITIONS[current]))
    raise Conflict(
        "invalid_transition",
        f"A case cannot go from {current} to {new} (next: {allowed}). "
        'Send "correction": true to fix a status set by mistake.',
    )
