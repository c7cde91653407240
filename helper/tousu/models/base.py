"""Shared pydantic bases and the value types every layer agrees on."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PlainSerializer

CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")


class StrictModel(BaseModel):
    """Base for request bodies: a misspelt field is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Model(BaseModel):
    """Base for values the helper produces (they are also accepted back as input)."""

    model_config = ConfigDict(extra="forbid")


_MONEY_RE = re.compile(r"^-?\d{1,12}(\.\d{1,2})?$")


def _normalise_money(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        # Floats are refused on purpose: money must never pass through binary floating point.
        raise ValueError('money must be a decimal string such as "47.40"')
    text = str(value).strip().replace(",", "")
    for symbol in ("￥", "¥", "CNY", "RMB"):
        text = text.replace(symbol, "")
    text = text.strip()
    if not _MONEY_RE.match(text):
        raise ValueError(f"not a money amount: {value!r}")
    return f"{Decimal(text):.2f}"


Money = Annotated[str, BeforeValidator(_normalise_money)]
"""A yuan amount as a two-decimal string ("47.40"); accepts ￥/¥ prefixes."""


# Every time the helper stores or computes with: an order, an event, a deadline. Outside this
# range a time is a typo or an attack ("0001-01-01" broke a case for good; "9999-12-31" plus a
# 999-day ship promise overflowed the advice), never a real Taobao order: refused on the way in,
# naive and aware alike, so every later computation has room (a clock adds at most a few years).
MIN_YEAR = 2000
MAX_YEAR = 2100


def _to_china_time(value: datetime) -> datetime:
    # Taobao pages print China time without an offset; a naive time means +08:00.
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA_TZ)
    else:
        try:
            value = value.astimezone(CHINA_TZ)
        except OverflowError:
            # 9999-12-31T23:59:59-12:00 has no China-time equivalent: a client error, not a crash.
            raise ValueError("time out of range") from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"time out of range: the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


ChinaTime = Annotated[datetime, AfterValidator(_to_china_time), PlainSerializer(_iso, return_type=str)]
"""An instant shown in China time, ISO 8601 with the +08:00 offset."""


_ASCII_DIGITS = re.compile(r"[0-9]{1,40}")


def _id_string(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str):
        # A 19-digit id that arrives as a number has already been through a float somewhere.
        raise ValueError("ids must be strings (19-digit ids do not survive float parsing)")
    text = value.strip()
    # ASCII digits only: str.isdigit() also takes "²³" and "１２３", which no Taobao id is.
    if not _ASCII_DIGITS.fullmatch(text):
        raise ValueError(f"not an order id: {value!r}")
    return text


IdString = Annotated[str, BeforeValidator(_id_string)]


def money(value: str | None) -> Decimal | None:
    """The Decimal of a Money string, or None."""
    return None if value is None else Decimal(value)
