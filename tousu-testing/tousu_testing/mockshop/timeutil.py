"""Scenario times: written relative to "now" so a scenario never goes stale."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from tousu.models import CHINA_TZ

_PART = re.compile(r"([+-])(\d+)([dhms])")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
RELATIVE_RE = re.compile(r"^(?:[+-]\d+[dhms])+$")


def is_relative(text: str) -> bool:
    return bool(RELATIVE_RE.match(text.replace(" ", "")))


def resolve(text: str, now: datetime) -> datetime:
    """ "-5d+1m" -> now minus five days plus one minute; an ISO string is taken as is."""
    compact = text.replace(" ", "")
    if is_relative(compact):
        delta = timedelta()
        for sign, amount, unit in _PART.findall(compact):
            step = timedelta(**{_UNITS[unit]: int(amount)})
            delta = delta + step if sign == "+" else delta - step
        return (now + delta).astimezone(CHINA_TZ)
    value = datetime.fromisoformat(compact)
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA_TZ)
    return value.astimezone(CHINA_TZ)


def check_time(text: str) -> str:
    """Validator: a relative offset or an ISO time, nothing else."""
    compact = text.replace(" ", "")
    if is_relative(compact):
        return compact
    try:
        datetime.fromisoformat(compact)
    except ValueError:
        raise ValueError(
            f'time {text!r} is neither relative (e.g. "-5d", "-5d+1m", "-3h") '
            'nor ISO 8601 (e.g. "2025-10-08T20:15:03+08:00")'
        ) from None
    return compact


def parse_now(value: str | datetime | None) -> datetime:
    if value is None:
        return datetime.now(CHINA_TZ).replace(microsecond=0)
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=CHINA_TZ)
    return moment.astimezone(CHINA_TZ).replace(microsecond=0)


def fmt(moment: datetime | None) -> str:
    """Taobao's own format: China time, no offset."""
    return "" if moment is None else moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")


def fmt_day(moment: datetime) -> str:
    return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d")


def fmt_promise(moment: datetime) -> str:
    local = moment.astimezone(CHINA_TZ)
    return f"{local.month:02d}月{local.day:02d}日 {local.hour:02d}:{local.minute:02d}前发货"


def epoch_ms(moment: datetime) -> str:
    return str(int(moment.timestamp() * 1000))
