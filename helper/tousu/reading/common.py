"""Small value helpers every page reader shares: ids, money, times, URLs, status words."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from tousu.models import ReadingWarning

# ---------------------------------------------------------------- ids

_DIGITS = re.compile(r"^[0-9]{1,40}$")  # ASCII only: "１２３" is no Taobao id


def as_id(value: Any) -> str | None:
    """An id as its exact digit string; None for anything that is not one.

    Floats are refused: a 19-digit id that became a float has already lost digits.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value) if value >= 0 else None
    if isinstance(value, str):
        text = value.strip()
        return text if _DIGITS.match(text) else None
    return None


def as_int(value: Any, default: int | None = None) -> int | None:
    if isinstance(value, bool) or value is None:
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        # Some list variants wrap the quantity: {"count": 2}.
        return as_int(value.get("count"), default)
    if isinstance(value, str):
        match = re.search(r"\d+", value)
        if match and len(match.group()) < 10:
            return int(match.group())
    return default


# ---------------------------------------------------------------- money

_PLAIN_MONEY = re.compile(r"^[￥¥]?(\d+)(?:\.(\d{1,2}))?$")
_FOREIGN_MONEY = re.compile(
    r"[$€£₩₹₽฿₫円]|\b(?:USD|HKD|TWD|NTD|JPY|EUR|GBP|KRW|SGD|AUD|CAD|MOP|MYR|THB)\b|美元|港币|港元|台币|日元|欧元|英镑|韩元",
    re.I,
)
# A comma followed by one or two digits and then no more digits: "12,50", "1.234,56", "0,5".
_DECIMAL_COMMA = re.compile(r"\d,\d{1,2}(?!\d)")
_MONEY_NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")


def parse_money(value: Any) -> str | None:
    """A yuan amount as a two-decimal string, from "￥47.40", "47.4", "-¥27.00", "1,299.00"."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        # Fast path for what embedded data nearly always holds: "47.40" or "￥47.40".
        plain = _PLAIN_MONEY.match(value)
        if plain:
            whole, cents = plain.groups()
            if len(whole) <= 12:
                return f"{int(whole)}.{(cents or '').ljust(2, '0')}"
    if isinstance(value, int | Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        return None
    text = text.replace("\u00a0", " ").replace("－", "-")
    if _FOREIGN_MONEY.search(text):
        # US$12.50, HK$, €, 円...: not yuan, and the helper converts no currency.
        return None
    if _DECIMAL_COMMA.search(text):
        # "12,50" or "1.234,56": a decimal comma, not a thousands separator; reading it as
        # 1250 yuan would be a hundred times wrong.
        return None
    # "-￥27.00": the minus sits before the currency symbol.
    negative = bool(re.match(r"\s*-\s*[￥¥]", text))
    text = re.sub(r"[￥¥\s]|CNY|RMB|元", "", text)
    match = _MONEY_NUM.search(text)
    if not match:
        return None
    raw = match.group().replace(",", "")
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        return None
    if negative and amount > 0:
        amount = -amount
    if not amount.is_finite() or abs(amount) >= Decimal("1e12"):
        return None
    return f"{amount.quantize(Decimal('0.01')):.2f}"


# ---------------------------------------------------------------- times

_TIME = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[T ]?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


def parse_time(value: Any) -> datetime | None:
    """A naive China-time datetime from "2025-10-08 20:15:03" and its common variants.

    Epoch milliseconds (Tmall countdown fields) are accepted too. Naive means +08:00 to the
    models, which is what every Taobao page prints.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int) or (isinstance(value, str) and re.fullmatch(r"\d{12,13}", value)):
        try:
            from tousu.models import CHINA_TZ

            return datetime.fromtimestamp(int(value) / 1000, CHINA_TZ).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    match = _TIME.search(value)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None


# ---------------------------------------------------------------- urls


# Links that leave the reader are opened by the extension ("file a complaint", the shop): only
# https on the shop's own hosts. Images may come from the shop's CDNs too.
SHOP_HOST_SUFFIXES = ("taobao.com", "tmall.com", "tmall.hk")
IMAGE_HOST_SUFFIXES = (*SHOP_HOST_SUFFIXES, "alicdn.com", "taobaocdn.com", "tbcdn.cn")


def _on_hosts(host: str, suffixes: tuple[str, ...]) -> bool:
    return any(host == suffix or host.endswith("." + suffix) for suffix in suffixes)


def _absolute(value: Any, base: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    url = value.strip().replace("&amp;", "&")
    if not url or url.startswith("#"):
        return None
    if url.startswith("//"):
        return "https:" + url
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme:
        return url
    if base:
        try:
            return urljoin(base, url)
        except ValueError:
            return None
    return None


def _checked(url: str | None, suffixes: tuple[str, ...]) -> str | None:
    """`url` if it is https on one of the hosts (http upgraded), else None."""
    if url is None or any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url):
        # Tabs and newlines are dropped by URL parsers ("java\tscript:" is "javascript:"),
        # spaces and controls have no place in a real link: refused rather than repaired.
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("https", "http") or parts.username is not None or parts.password is not None:
        return None
    if port not in (None, 443 if scheme == "https" else 80) or not _on_hosts(host, suffixes):
        return None
    if scheme == "http":
        return "https" + url[len(parts.scheme) :]
    return url


def abs_url(value: Any, base: str | None = None) -> str | None:
    """An absolute https link on a Taobao/Tmall host, from the page's protocol-relative or
    relative links; None for anything else (javascript:, file:, chrome:, other hosts...)."""
    return _checked(_absolute(value, base), SHOP_HOST_SUFFIXES)


def image_url(value: Any, base: str | None = None) -> str | None:
    """An absolute https image URL on a Taobao/Tmall host or their CDNs (alicdn.com...)."""
    return _checked(_absolute(value, base), IMAGE_HOST_SUFFIXES)


def query_param(url: str | None, *names: str) -> str | None:
    """The first of the named query parameters present in url (case-insensitive names)."""
    if not url:
        return None
    try:
        query = parse_qs(urlsplit(url).query)
    except ValueError:
        return None
    lowered = {key.lower(): values for key, values in query.items()}
    for name in names:
        values = lowered.get(name.lower())
        if values:
            return values[0]
    return None


def url_id(url: str | None, *names: str) -> str | None:
    return as_id(query_param(url, *names))


def host_of(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def path_of(url: str) -> str:
    try:
        return urlsplit(url.strip()).path
    except ValueError:
        return ""


# ---------------------------------------------------------------- text

_WS = re.compile(r"\s+")


def clean(value: Any) -> str | None:
    """Collapsed whitespace, or None for empty and non-text values."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def strip_tags(value: str) -> str:
    from .markup import strip_tags as linear_strip_tags

    return linear_strip_tags(value)


_PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_SIGNER = re.compile(r"(签收人|收件人|收货人)\s*[:：]?\s*[^\s，,。;；)）]{1,12}")


def redact(text: str | None) -> str | None:
    """Logistics lines quote the signer's name and couriers' or recipients' phones: personal
    data the reading must not carry. Numbers and names are replaced, the event stays."""
    if not text:
        return text
    text = _PHONE.sub("[电话已隐藏]", text)
    text = _SIGNER.sub(lambda m: f"{m.group(1)}：[已隐藏]", text)
    return clean(text)


# ---------------------------------------------------------------- status

TRADE_STATUS_CODES: dict[str, str] = {
    "TRADE_NO_CREATE_PAY": "awaiting_payment",
    "WAIT_BUYER_PAY": "awaiting_payment",
    "PAY_PENDING": "awaiting_payment",
    "WAIT_PRE_AUTH_CONFIRM": "awaiting_payment",
    "WAIT_SELLER_SEND_GOODS": "awaiting_shipment",
    "SELLER_CONSIGNED_PART": "shipped",
    "WAIT_BUYER_CONFIRM_GOODS": "shipped",
    "TRADE_BUYER_SIGNED": "shipped",
    "TRADE_FINISHED": "completed",
    "TRADE_SUCCESS": "completed",
    "TRADE_CLOSED": "closed",
    "TRADE_CLOSED_BY_TAOBAO": "closed",
    "CREATE_CLOSED_OF_TAOBAO": "closed",
}

# Order matters: the first pattern found in the text wins, so the refund words come before the
# shipping words they are often combined with ("卖家已发货，退款中").
_STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("退款中", "refunding"),
    ("售后中", "refunding"),
    ("退货退款中", "refunding"),
    ("仅退款中", "refunding"),
    ("等待买家付款", "awaiting_payment"),
    ("付款确认中", "awaiting_payment"),
    ("待付款", "awaiting_payment"),
    ("买家已付款", "awaiting_shipment"),
    ("等待卖家发货", "awaiting_shipment"),
    ("待发货", "awaiting_shipment"),
    ("部分发货", "shipped"),
    ("卖家已发货", "shipped"),
    ("商家已发货", "shipped"),
    ("等待买家确认", "shipped"),
    ("待确认收货", "shipped"),
    ("待收货", "shipped"),
    ("未确认收货", "shipped"),
    ("已发货", "shipped"),
    ("已签收", "shipped"),
    # Virtual goods: the top-up or card is the delivery (see VIRTUAL_STATUS_WORDS).
    ("充值失败", "closed"),
    ("充值成功", "completed"),
    ("已充值", "completed"),
    ("充值中", "awaiting_shipment"),
    ("等待充值", "awaiting_shipment"),
    ("卡密已发放", "completed"),
    ("交易成功", "completed"),
    ("交易完成", "completed"),
    ("交易关闭", "closed"),
    ("订单关闭", "closed"),
    ("交易取消", "closed"),
    ("订单已取消", "closed"),
    ("已取消", "closed"),
)


# Status words only virtual-goods orders show: the order is marked `virtual`.
VIRTUAL_STATUS_WORDS = ("充值成功", "充值失败", "充值中", "已充值", "等待充值", "卡密已发放", "自动发货")


def is_virtual_status(text: str | None) -> bool:
    return text is not None and any(word in text for word in VIRTUAL_STATUS_WORDS)


def status_from_text(text: str | None) -> str:
    if not text:
        return "unknown"
    for word, code in _STATUS_WORDS:
        if word in text:
            return code
    return "unknown"


def status_from(code: Any, text: str | None) -> str:
    """The status code from the page's machine status, with its Chinese text as fallback.

    A refund in progress is only visible in the text, so it overrides an open-order code.
    """
    by_text = status_from_text(text)
    by_code = "unknown"
    if isinstance(code, str):
        by_code = TRADE_STATUS_CODES.get(code.strip().upper(), "unknown")
    if by_text == "refunding" and by_code not in ("completed", "closed"):
        return "refunding"
    return by_code if by_code != "unknown" else by_text


# ---------------------------------------------------------------- pseudo items

PSEUDO_TITLE_WORDS = ("运费险", "保险服务", "增值服务", "购物金", "买家秀")


def is_pseudo_title(title: str | None) -> bool:
    return title is not None and bool(title) and any(word in title for word in PSEUDO_TITLE_WORDS)


# ---------------------------------------------------------------- warnings


def warning(
    code: str, message: str, *, field: str | None = None, order_id: str | None = None
) -> ReadingWarning:
    return ReadingWarning(code=code, message=message, field=field, order_id=order_id)


PLACEHOLDERS = frozenset({"", "—", "-", "--", "无"})


def real_text(value: Any) -> str | None:
    """Cleaned text, or None for the placeholders pages print for "nothing" (—, 无...)."""
    text = clean(value)
    return None if text is None or text in PLACEHOLDERS else text


def as_dict(value: Any) -> dict[str, Any]:
    """`value` if the page gave an object there, else an empty one (pages are not trusted)."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


_LINE_PAID = re.compile(r"(?:实付款?|实付金额)\s*[:：]?\s*([￥¥]?\s*[\d,]+(?:\.\d+)?)")


def line_paid(text: str) -> tuple[str | None, str]:
    """A sub-order's own 实付 from an item row's text ("实付 ￥86.00", "实付：¥86"), and the text
    without it, so the unit price is not read from the 实付 amount.

    Only a label on the line itself counts: an unlabelled amount is the unit price.
    """
    match = _LINE_PAID.search(text or "")
    if not match:
        return None, text
    return parse_money(match.group(1)), text[: match.start()] + " " + text[match.end() :]
