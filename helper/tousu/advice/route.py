"""Where to file: the first step (after-sales request, intervention or complaint) and the ladder."""

from __future__ import annotations

from tousu.models.advice import Route, RouteStep
from tousu.models.order import Order

from .ranking import Signals
from .rules import TypeInfo, Variant, rulebook


def variant_for(info: TypeInfo, signals: Signals) -> Variant | None:
    present = set(signals.features)
    return next((v for v in info.variants if set(v.features) & present), None)


def _link(order: Order, link: str | None) -> str | None:
    if link is None:
        return None
    links = order.links
    if link == "after_sales":
        return links.after_sales or links.refund
    if link == "refund_detail":
        return links.refund_detail or links.after_sales
    if link == "complaint":
        return links.complaint
    return None


def route_for(info: TypeInfo, variant: Variant | None, order: Order, statutory: bool) -> Route:
    book = rulebook()
    request_type, reason = info.after_sales_request_type, info.after_sales_reason
    if variant and variant.after_sales_request_type:
        request_type = variant.after_sales_request_type
    if variant and variant.after_sales_reason:
        reason = variant.after_sales_reason
    steps = []
    for code in info.steps:
        spec = book.steps[code]
        detail = spec.detail
        if code == "after_sales" and request_type:
            detail = f"{detail}售后类型选“{request_type}”，原因选“{reason}”。"
        elif code == "complaint":
            detail = f"{detail}投诉类型选“{info.complaint_category}”。"
        elif code == "regulator_12315" and statutory:
            detail = f"{detail}惩罚性赔偿只能在这里或法院主张。"
        steps.append(
            RouteStep(
                code=code,
                name=spec.name,
                detail=detail,
                url=_link(order, spec.link) or spec.url,
                when=spec.when,
            )
        )
    first = book.steps[info.first_step]
    on_platform = info.first_step in ("after_sales", "platform_intervention")
    if info.first_step == "complaint":
        # For a complaint the form's own choice is the category: it is the reason to select.
        request_type, reason = None, info.complaint_category
    elif not on_platform:
        request_type, reason = None, None
    return Route(
        venue=info.first_step,
        name=first.name,
        request_type=request_type,
        reason=reason,
        url=_link(order, first.link) or first.url,
        steps=steps,
    )
