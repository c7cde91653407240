"""The refund / after-sales form (refund2); the complaint form lives in ``complaint.py``.

The form is a React app in the refund kit's shape (``static/forms/after_sales.js``; DOM in
docs/mockshop.md). The server keeps the real entry URLs, validates the post, records the
submission with a new case id, and shows the result. Tousu itself never submits: tests do.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import Blueprint, Response, redirect, request

from .. import context, links
from ..scenarios import ItemSpec, Order
from ..timeutil import fmt
from . import assets

bp = Blueprint("forms", __name__)

COMPLAINT_REASONS = [
    "商品质量问题",
    "描述不符",
    "出售假冒商品",
    "违背承诺",
    "未按约定时间发货",
    "未收到货",
    "收到商品少件/错发",
    "恶意骚扰",
    "未按成交价格进行交易",
    "食品安全问题",
    "其他",
]
COMPLAINT_DEMANDS = ["退货退款", "换货", "维修", "补寄", "仅退款", "赔偿", "其他"]
REFUND_TYPES = ["仅退款", "退货退款", "换货", "维修", "补寄"]
REFUND_REASONS = [
    "七天无理由退换",
    "退运费",
    "包装/商品破损/污渍/裂痕/变形",
    "材质与商品描述不符",
    "大小/尺寸与商品描述不符",
    "颜色/图案/款式与商品描述不符",
    "质量问题",
    "做工粗糙/有瑕疵",
    "少件/漏发",
    "卖家发错货",
    "生产日期/保质期与商品描述不符",
    "假冒品牌",
    "未按约定时间发货",
    "快递/物流一直未送到",
    "其他",
]
DESCRIPTION_MAX = 1000
# Limits on the real refund form are server data (reference §0.8): these are the mock's defaults.
REFUND_DESC_MAX = 500
UPLOAD_LIMIT = 3
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
ADJUST_DELAY_MS = 600
UPLOAD_DELAY_MS = 300
STORM_MS = 120
# Fault "slowupload": each upload answers after this long (a slow connection), longer than a
# fill waits for a thumbnail.
SLOW_UPLOAD_MS = 10_000
PHONE_RE = re.compile(r"^[0-9+\- ]{5,20}$")
COMPLAINT_BASE = "/rights.taobao.com/complaint"


def _files() -> list[str]:
    return [f.filename for key in request.files for f in request.files.getlist(key) if f.filename]


def _form_values(*names: str) -> dict[str, str]:
    return {name: request.form.get(name, "").strip() for name in names}


def _error_page(message: str, title: str = "出错了") -> Response:
    return context.respond("error.html", title=title, message=message)


# ------------------------------------------------------------ refund / after-sales


def _refund_max(order: Order, item: ItemSpec) -> Decimal:
    goods = Decimal(item.unit_price) * item.quantity
    if len(order.spec.items) == 1:
        return Decimal(order.spec.total_paid)
    return min(goods, Decimal(order.spec.total_paid))


def _refund_target(sub_id: str) -> tuple[Order, ItemSpec] | Response:
    shop = context.shop()
    found = shop.find_sub(sub_id)
    if found is None:
        order = shop.find_order(sub_id)
        if order is not None and len(order.spec.items) > 1:
            # A main id on a multi-item order: the shopper picks the item first.
            return context.respond("refund_choose.html", title="选择要退款的宝贝", order=order)
        return _error_page("订单不存在，或该订单不支持申请退款。", "申请退款")
    order, item = found
    if order.spec.status == "WAIT_BUYER_PAY":
        return _error_page("订单尚未付款，不能申请退款。", "申请退款")
    if order.spec.status in {"TRADE_CLOSED", "CREATE_CLOSED_OF_TAOBAO"}:
        return _error_page("交易已关闭，不能申请退款。", "申请退款")
    return order, item


def _refund_options(service_type: str) -> list[dict[str, Any]]:
    """The 退款原因 options the "adjust" round trip returns for one 服务类型 (disabled and desc
    entries included, as the Ultron select schema allows)."""
    options: list[dict[str, Any]] = [{"name": r} for r in REFUND_REASONS]
    if service_type == "仅退款":
        options[0] = {"name": REFUND_REASONS[0], "disabled": True, "desc": "仅退款不支持七天无理由"}
    options[1]["desc"] = "退还您支付的运费"
    return options


def _refund_config(order: Order, item: ItemSpec, after_sales: bool) -> dict[str, Any]:
    return {
        "subOrderId": item.sub_id,
        "type": "2" if after_sales else "1",
        "token": "mocktoken0001",
        "submitUrl": f"applySubmit.htm?bizOrderId={item.sub_id}",
        "types": [{"name": t} for t in REFUND_TYPES],
        "reasons": {t: _refund_options(t) for t in REFUND_TYPES},
        "maxAmount": f"{_refund_max(order, item):.2f}",
        "descMax": REFUND_DESC_MAX,
        "uploadLimit": UPLOAD_LIMIT,
        "uploadMaxBytes": UPLOAD_MAX_BYTES,
        "adjustDelay": ADJUST_DELAY_MS,
        "uploadDelay": UPLOAD_DELAY_MS,
        **_form_faults("refund"),
    }


def _form_faults(kind: str) -> dict[str, Any]:
    faults = context.faults()
    return {
        "kind": kind,
        "skin": faults.skin,
        "late": faults.late,
        "storm": STORM_MS if faults.form == "storm" else 0,
        **({"uploadDelay": SLOW_UPLOAD_MS} if faults.form == "slowupload" else {}),
    }


def _refund_form(
    order: Order, item: ItemSpec, values: dict[str, str], errors: list[str], after_sales: bool
) -> Response:
    return context.respond(
        "refund_form.html",
        title="申请售后" if after_sales else "申请退款",
        order=order,
        item=item,
        values=values,
        errors=errors,
        types=REFUND_TYPES,
        reasons=REFUND_REASONS,
        max_amount=f"{_refund_max(order, item):.2f}",
        max_len=DESCRIPTION_MAX,
        after_sales=after_sales,
        form_config=_refund_config(order, item, after_sales),
        react_missing=assets.MISSING_REACT if assets.react_missing() else "",
    )


@bp.route("/refund2.taobao.com/dispute/applyRouter.htm")
@bp.route("/refund2.tmall.com/dispute/applyRouter.htm")
def refund_router() -> Response:
    sub_id = request.args.get("bizOrderId", "")
    return redirect(context.same_host(f"/dispute/apply.htm?bizOrderId={sub_id}&type=1"))


@bp.route("/refund2.taobao.com/dispute/apply.htm")
@bp.route("/refund2.tmall.com/dispute/apply.htm")
def refund_form() -> Response:
    target = _refund_target(request.args.get("bizOrderId", ""))
    if isinstance(target, Response):
        return target
    order, item = target
    shown = _form_fault_page("申请退款")
    if shown is not None:
        return shown
    if context.faults().form == "other":
        # The page answers for a different order than the URL names (a stale tab, a redirect).
        order, item = _another_item(order, item)
    return _refund_form(order, item, {}, [], request.args.get("type") == "2")


def _another_item(order: Order, item: ItemSpec) -> tuple[Order, ItemSpec]:
    # Another order's item, never a sibling sub-order: the fault is a form for another order.
    shop = context.shop()
    for other in shop.orders(list(shop.specs)):
        for candidate in other.spec.items:
            if other.id != order.id and not candidate.pseudo:
                return other, candidate
    return order, item


def _form_fault_page(title: str) -> Response | None:
    """The form faults that replace the whole page: a verification page, or an iframe shell."""
    fault = context.faults().form
    if fault == "challenge":
        return context.respond("punish.html", title="安全验证", back=context.real_url(), x5secdata="0" * 24)
    if fault == "iframe" and not request.args.get("framed"):
        here = context.real_url(drop_mock_params=False)
        inner = here + ("&" if "?" in here else "?") + "framed=1"
        return context.respond("form_frame.html", title=title, src=inner)
    return None


@bp.route("/refund2.taobao.com/dispute/taobaoAfterDisputeRedirect.htm")
def after_sales_redirect() -> Response:
    sub_id = request.args.get("tradeId", "")
    return redirect(context.same_host(f"/dispute/apply.htm?bizOrderId={sub_id}&type=2"))


@bp.route("/refund2.taobao.com/dispute/applySubmit.htm", methods=["POST"])
@bp.route("/refund2.tmall.com/dispute/applySubmit.htm", methods=["POST"])
def refund_submit() -> Response:
    shop = context.shop()
    target = _refund_target(request.form.get("bizOrderId") or request.args.get("bizOrderId", ""))
    if isinstance(target, Response):
        return target
    order, item = target
    after_sales = request.form.get("type") == "2"
    values = _form_values("refundType", "reason", "refundFee", "desc")
    errors = []
    if values["refundType"] not in REFUND_TYPES:
        errors.append("请选择申请类型")
    if values["reason"] not in REFUND_REASONS:
        errors.append("请选择申请原因")
    limit = _refund_max(order, item)
    try:
        amount = Decimal(values["refundFee"] or "0")
        money_only = values["refundType"] in {"仅退款", "退货退款"}
        if amount < 0 or amount > limit or (money_only and amount == 0):
            errors.append(f"退款金额应大于0且不超过{limit:.2f}元")
    except InvalidOperation:
        errors.append("退款金额格式不正确")
        amount = Decimal("0")
    if len(values["desc"]) > REFUND_DESC_MAX:
        errors.append(f"补充描述不能超过{REFUND_DESC_MAX}字")
    if errors:
        return _refund_form(order, item, values, errors, after_sales)
    case = shop.state.record(
        "refund",
        url=context.real_url(),
        form={"bizOrderId": item.sub_id, "type": "2" if after_sales else "1", **values},
        files=_files(),
        now=shop.now(),
        case={
            "scenario": order.scenario,
            "order_id": order.id,
            "sub_order_id": item.sub_id,
            "shop_name": order.spec.shop.name,
            "item_title": item.title,
            "reason": values["reason"],
            "demand": values["refundType"],
            "service_type": values["refundType"],
            "description": values["desc"],
            "amount": f"{amount:.2f}",
            "after_sales": after_sales,
        },
    )
    return redirect(context.same_host(f"/dispute/detail.htm?disputeId={case['case_id']}"), code=303)


def _scenario_refund(refund_id: str | None, sub_id: str) -> dict[str, Any] | None:
    """A refund written into the scenario itself (``refund = {...}`` on an item)."""
    for order in context.shop().orders(list(context.shop().specs)):
        for item in order.spec.items:
            refund = item.refund
            matches = (refund_id and refund and refund.refund_id == refund_id) or (
                sub_id and item.sub_id == sub_id
            )
            if refund is None or not matches:
                continue
            return {
                "case_id": refund.refund_id or "",
                "order_id": order.id,
                "sub_order_id": item.sub_id,
                "shop_name": order.spec.shop.name,
                "item_title": item.title,
                "status_text": refund.status_text,
                "amount": item.unit_price,
                "service_type": "仅退款",
                "reason": "",
                "created_at": fmt(order.closed or order.paid or order.created),
                "kind": "refund",
                "history": [],
                "seeded": True,
            }
    return None


@bp.route("/refund2.taobao.com/dispute/detail.htm")
@bp.route("/refund2.tmall.com/dispute/detail.htm")
def refund_detail() -> Response:
    shop = context.shop()
    dispute_id = request.args.get("disputeId")
    case: dict[str, Any] | None = None
    sub_id = request.args.get("bizOrderId", "")
    if dispute_id:
        case = shop.state.case(dispute_id)
    else:
        case = next((c for c in shop.state.cases("refund") if c["sub_order_id"] == sub_id), None)
    if case is None:
        case = _scenario_refund(dispute_id, sub_id)
    if case is None or case["kind"] != "refund":
        return _error_page("退款记录不存在。", "退款详情")
    return context.respond(
        "refund_detail.html",
        title="退款详情",
        case=case,
        order_link=links.detail_from_list(case["order_id"], False),
        intervene_url=links.intervention_entry(case),
    )
