"""The old bought-items list (tm1): the GBK page with ``var data = JSON.parse('…')``, and its
asyncBought and transit_step endpoints."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, request

from .. import context
from ..encoding import Classes, json_parse_call, json_response
from ..timeutil import fmt
from . import tm1_data

bp = Blueprint("tm1_list", __name__)

# Module names follow the real CSS modules (§4.2); only the hash part changes with the build.
TM1_CLASS_NAMES = {
    "orderContainer": "index-mod__order-container",
    "tradeOrder": "bought-wrapper-mod__trade-order",
    "table": "bought-table-mod__table",
    "wrapperTable": "bought-wrapper-mod__table",
    "head": "bought-wrapper-mod__head",
    "headInfo": "bought-wrapper-mod__head-info-cell",
    "createTime": "bought-wrapper-mod__create-time",
    "sellerContainer": "bought-wrapper-mod__seller-container",
    "headOps": "bought-wrapper-mod__thead-operations-container",
    "sellerBox": "seller-mod__container",
    "sellerName": "seller-mod__name",
    "noBr": "sol-mod__no-br",
    "production": "suborder-mod__production",
    "pic": "production-mod__pic",
    "itemBody": "production-mod__production",
    "title": "production-mod__title",
    "snap": "production-mod__snapshot",
    "sku": "production-mod__sku-item",
    "extraLine": "production-mod__extra",
    "icons": "production-mod__service-icons",
    "icon": "production-mod__icon",
    "priceCell": "suborder-mod__price",
    "price": "price-mod__price",
    "strike": "price-mod__strike",
    "quantity": "quantity-mod__quantity",
    "subOps": "suborder-mod__operations",
    "subRow": "suborder-mod__item",
    "payCell": "bought-wrapper-mod__pay-cell",
    "postFee": "price-mod__post-fee",
    "payIcon": "price-mod__withIcon",
    "statusCell": "bought-wrapper-mod__status-cell",
    "statusText": "text-mod__status",
    "tradeOps": "bought-wrapper-mod__trade-operations",
    "countdown": "text-mod__countdown",
    "link": "text-mod__link",
    "primary": "button-mod__button",
    "tabs": "tabs-mod__container",
    "tab": "tabs-mod__tab",
    "tabSelected": "tabs-mod__selected",
    "columns": "bought-table-mod__columns",
    "empty": "bought-list-mod__empty",
    "pager": "pagination-mod__container",
}

LIST = "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


def tm1_classes(build: str) -> dict[str, str]:
    cls = Classes(build, "tm1")
    return {key: cls(name) for key, name in TM1_CLASS_NAMES.items()}


def _orders() -> list[tm1_data.Order]:
    if context.faults().fault == "empty":
        return []
    return context.shop().orders(context.selected_names())


def render_tm1(data: dict, build: str = "20251101", late: int = 0) -> Response:
    return context.respond(
        "tm1_list.html",
        "gbk",
        data_call=json_parse_call(data),
        classes=tm1_classes(build),
        late=late,
        render_js=context.static_text("tm1_render.js"),
    )


@bp.route(LIST, methods=["GET", "POST"])
def list_bought_items() -> Response:
    generation = request.args.get("route_to")
    if generation not in {"tm1", "tm2"}:
        names = context.selected_names()
        selected = context.selected_scenario()
        generation = "tm1"
        if selected and len(names) == 1:
            generation = context.shop().specs[names[0]].generation
    if generation == "tm2":
        from .tm2_list import render_tm2

        return render_tm2()
    faults = context.faults()
    data = tm1_data.root(
        _orders(), context.shop().now(), tab=request.args.get("tabCode", "all"), missing=faults.missing
    )
    return render_tm1(data, faults.build, faults.late)


@bp.route("/trade.taobao.com/trade/itemlist/listBoughtItems.htm")
def legacy_alias() -> Response:
    return redirect(context.cross_host("//buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"))


@bp.route("/buyertrade.taobao.com/trade/itemlist/asyncBought.htm", methods=["GET", "POST"])
def async_bought() -> Response:
    values = request.values
    if values.get("action", "").startswith("itemlist/RecyleAction"):
        return json_response({"isSuccess": "true"}, "gbk")

    def number(name: str, default: int) -> int:
        try:
            return int(values.get(name, default))
        except ValueError:
            return default

    faults = context.faults()
    size = max(1, min(number("pageSize", tm1_data.PAGE_SIZE), 100))
    data = tm1_data.root(
        _orders(),
        context.shop().now(),
        number("pageNum", 1),
        size,
        values.get("tabCode", "all") or "all",
        faults.missing,
    )
    return json_response(data, "gbk")


@bp.route("/buyertrade.taobao.com/trade/json/transit_step.do")
def transit_step() -> Response:
    order = context.shop().find_order(request.args.get("bizOrderId", ""))
    if order is None or not order.parcels:
        return json_response({"isSuccess": "false"}, "gbk")
    parcel = order.parcels[0]
    steps = [{"place": text, "time": fmt(at)} for at, text in reversed(parcel.events)]
    return json_response(
        {
            "isSuccess": "true",
            "expressName": parcel.company,
            "expressId": parcel.tracking_no,
            "address": steps,
        },
        "gbk",
    )
