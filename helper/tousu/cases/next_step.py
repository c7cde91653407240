"""Next steps, reminders, "finished", escalation and the platform's form addresses of a case.

The hours are reminder intervals chosen for follow-up, not platform deadlines: the deadlines
themselves are the advice clocks, and a reminder never falls after the deadline it is about.
Every value leaves the helper as a code (plus dates and numbers); the extension localises it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ..models.case import CASE_STATUSES
from ..models.case import NEXT_CODES as _MODEL_CODES
from ..models.order import Item, Order

# The lifecycle, in the order a case moves along it (the case page lists it so).
LIFECYCLE: tuple[str, ...] = CASE_STATUSES

# Statuses that no longer need the shopper: no reminders, no escalation for an overdue step.
FINISHED = frozenset({"resolved", "closed"})


@dataclass(frozen=True)
class Step:
    code: str
    hours: int | None


# What the shopper does next in each status, and after how long to remind them.
STEPS: dict[str, Step] = {
    "draft": Step("file", None),
    "filed": Step("wait_seller", 48),
    "seller_responded": Step("seller_answered", 24),
    "platform_intervening": Step("platform", 72),
    "resolved": Step("resolved", None),
    "escalated": Step("escalated", 24 * 7),
    "closed": Step("closed", None),
}
# Set when a form was pre-filled for the case: the shopper still has to check and submit it.
SUBMIT_FORM = Step("submit_form", 24)
NEXT_CODES: tuple[str, ...] = (*dict.fromkeys(s.code for s in STEPS.values()), SUBMIT_FORM.code)
STEP_BY_CODE: dict[str, Step] = {s.code: s for s in (*STEPS.values(), SUBMIT_FORM)}
# The models name the same codes for the API schema; they must not drift apart.
assert set(NEXT_CODES) == set(_MODEL_CODES), "models.case.NextCode and cases.next_step disagree"

# Platform words that mean the complaint or request was turned down.
_REFUSED = re.compile(r"拒绝|不成立|关闭")
# Statuses in which the platform route (客服介入) is already taken.
_ON_PLATFORM = frozenset({"platform_intervening", "escalated"})


def is_finished(status: str) -> bool:
    return status in FINISHED


def reminder(step: Step, now: datetime, deadline: datetime | None = None) -> datetime | None:
    """When to remind the shopper of `step`: its interval from now, capped by `deadline`."""
    due = None if step.hours is None else now + timedelta(hours=step.hours)
    if deadline is not None and (due is None or deadline < due):
        due = deadline
    return due


def step_for(status: str) -> Step:
    return STEPS.get(status, STEPS["draft"])


def next_code(status: str, stored: str | None) -> str:
    """The stored next step when it is still one of ours, else the one the status implies."""
    return stored if stored in STEP_BY_CODE else step_for(status).code


def first_running_clock(clocks: Sequence[Any]) -> Any | None:
    """The earliest clock still running (open or due soon): the one to act by."""
    running = [c for c in clocks if c.state in ("open", "due_soon") and c.due_at is not None]
    return min(running, key=lambda c: c.due_at, default=None)


def first_deadline(clocks: Sequence[Any]) -> datetime | None:
    """The date to file a draft by: the earliest running clock's."""
    clock = first_running_clock(clocks)
    return None if clock is None else clock.due_at


def is_overdue(status: str, due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and due_at < now and not is_finished(status)


def goods(order: Order) -> list[Item]:
    """The goods bought: the order's items without pseudo items (shipping insurance, fees)."""
    return order.goods


def title(order: Order) -> str:
    items = goods(order) or order.items
    return items[0].title if items and items[0].title else order.order_id


def complaint_url(order: Order) -> str:
    if order.links.complaint:
        return order.links.complaint
    return f"https://rights.taobao.com/complaint/redirect.jhtml?bizId={quote(order.order_id, safe='')}"


def after_sales_url(order: Order) -> str:
    if order.links.after_sales:
        return order.links.after_sales
    if order.links.refund:
        return order.links.refund
    first = next(iter(goods(order)), None)
    sub = (first.sub_order_id if first is not None else None) or order.order_id
    host = "refund2.tmall.com" if order.platform == "tmall" else "refund2.taobao.com"
    return f"https://{host}/dispute/applyRouter.htm?bizOrderId={quote(sub, safe='')}"


def after_sales_urls(order: Order) -> dict[str, str]:
    """The 申请售后 form of each goods line, by sub-order id: after-sales is per sub-order, so a
    page link made for one sub-order is re-aimed (bizOrderId / tradeId) at each of the others; a
    link that names none of them is left to the order-level `after_sales_url`."""
    link = order.links.after_sales or order.links.refund
    host = "refund2.tmall.com" if order.platform == "tmall" else "refund2.taobao.com"
    urls: dict[str, str] = {}
    for item in goods(order):
        sub = item.sub_order_id
        if not sub:
            continue
        url = _aimed(link, sub) if link else None
        urls[sub] = url or f"https://{host}/dispute/applyRouter.htm?bizOrderId={quote(sub, safe='')}"
    return urls


def _aimed(link: str, sub: str) -> str | None:
    parts = urlsplit(link)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query = [(k, sub if k in ("bizOrderId", "tradeId") else v) for k, v in query]
    if not any(v == sub for _, v in query):
        return None
    return urlunsplit(parts._replace(query=urlencode(query)))


def form_targets(order: Order, form: str, sub_order_ids: Sequence[str] = ()) -> list[tuple[str, str | None]]:
    """The pages a fill opens, with the sub-order each is for: the complaint once; after-sales once
    per chosen goods line (a line not in the order is skipped), else the order's own form."""
    if form == "complaint":
        return [(complaint_url(order), None)]
    per_line = after_sales_urls(order)
    chosen: list[tuple[str, str | None]] = [
        (per_line[sub], sub) for sub in dict.fromkeys(sub_order_ids) if sub in per_line
    ]
    return chosen or [(after_sales_url(order), None)]


def platform_url(order: Order) -> str:
    """Where to ask the platform to step in: the open refund, else the complaint entry."""
    return order.links.refund_detail or complaint_url(order)


def escalation_reasons(
    status: str,
    status_text: str | None,
    due_at: datetime | None,
    code: str,
    now: datetime,
    clocks: Sequence[Any] = (),
) -> list[dict[str, Any]]:
    """Why the platform route is over or late, as {code, params}: the case page offers
    escalation (客服介入 / 12315) when there is any."""
    reasons: list[dict[str, Any]] = []
    text = status_text or ""
    if status == "closed":
        reasons.append({"code": "closed", "params": {"status_text": text}})
    if _REFUSED.search(text) and status != "closed":
        reasons.append({"code": "refused", "params": {"status_text": text}})
    if due_at is not None and is_overdue(status, due_at, now):
        reasons.append({"code": "overdue", "params": {"next_step": code, "due_at": due_at.isoformat()}})
    for clock in clocks:
        if clock.state == "passed" and status != "draft":
            reasons.append({"code": "clock_passed", "params": {"clock": clock.code, "name": clock.name}})
    return reasons


def escalation(
    status: str,
    status_text: str | None,
    due_at: datetime | None,
    code: str,
    order: Order,
    now: datetime,
    clocks: Sequence[Any] = (),
) -> dict[str, Any]:
    reasons = escalation_reasons(status, status_text, due_at, code, now, clocks)
    return {
        "offered": bool(reasons),
        "reasons": reasons,
        # 客服介入 is worth offering only while the platform has not stepped in yet.
        "platform_open": status not in _ON_PLATFORM,
        "platform_url": platform_url(order),
        "can_mark_escalated": status != "escalated",
    }
