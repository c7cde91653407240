"""Complaint list (投诉管理) and refund list (退款管理): where tracking reads case status."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response

from .. import context, links
from ..timeutil import fmt

bp = Blueprint("lists", __name__)

# Class suffix of the status span per status code: the reader keys on "rights-" only.
RIGHTS_CLASS = {
    "pending_seller": "rights-wait",
    "seller_responded": "rights-doing",
    "platform_intervening": "rights-doing",
    "upheld": "rights-success",
    "rejected": "rights-fail",
    "closed": "rights-closed",
}


def _visible(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = set(context.selected_names())
    return [c for c in cases if c.get("scenario") in names]


@bp.route("/rights.taobao.com/complaint/buyerList.htm")
def complaint_list() -> Response:
    rows = _visible(context.shop().state.cases("complaint"))
    for row in rows:
        row["css"] = RIGHTS_CLASS.get(row["status"], "rights-doing")
        row["detail"] = links.detail_from_list(row["order_id"], False)
    return context.respond("complaint_list.html", title="投诉管理", rows=rows)


def _scenario_refunds() -> list[dict[str, Any]]:
    """Refunds that exist in the scenario data itself (an item with ``refund = {...}``)."""
    shop = context.shop()
    rows = []
    for order in shop.orders(context.selected_names()):
        for item in order.spec.items:
            if item.refund is None:
                continue
            at = order.closed or order.paid or order.created
            rows.append(
                {
                    "case_id": item.refund.refund_id or "",
                    "order_id": order.id,
                    "sub_order_id": item.sub_id,
                    "shop_name": order.spec.shop.name,
                    "item_title": item.title,
                    "amount": item.unit_price,
                    "created_at": fmt(at),
                    "service_type": "仅退款",
                    "status_text": item.refund.status_text,
                }
            )
    return rows


@bp.route("/refund2.taobao.com/dispute/buyerDisputeList.htm")
def refund_list() -> Response:
    rows = _visible(context.shop().state.cases("refund")) + _scenario_refunds()
    rows.sort(key=lambda r: r["created_at"], reverse=True)
    for row in rows:
        row.setdefault("service_type", row.get("demand") or "仅退款")
        row["detail"] = f"//refund2.taobao.com/dispute/detail.htm?disputeId={row['case_id']}"
    return context.respond("refund_list.html", title="退款管理", rows=rows)
