"""Archived orders (tradearchive.taobao.com): the old server-rendered table (§1.3, §4.1)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from .. import context, links
from ..timeutil import fmt
from . import detail_common as common

bp = Blueprint("archive", __name__)


@bp.route("/tradearchive.taobao.com/trade/detail/trade_item_detail.htm")
def archived_detail() -> Response:
    order = context.shop().find_order(request.args.get("bizOrderId", ""))
    if order is None:
        from .forms import _error_page

        return _error_page("订单不存在，或已超过可查询的期限。", "交易详情")
    return context.respond(
        "archive.html",
        "gbk",
        title="交易详情",
        order=order,
        fmt=fmt,
        status=common.DETAIL_STATUS[order.spec.status],
        parcel=order.parcels[0] if order.parcels else None,
        shop_url=links.shop(order.spec.shop.seller_id),
        address=common.address_line(),
        snapshot=links.snapshot,
    )
