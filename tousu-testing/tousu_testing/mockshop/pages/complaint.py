"""The complaint form (投诉卖家, rights.taobao.com): fields real, DOM invented.

The fields follow the bpass complaint submit schema (taobao-forms.md §2.5, S7): a two-level
reason (reasonCode -> subReasonCode), the complaint targets (items and quantities), proof
(images + memo) and a masked contact phone. The real form's DOM is not public: the React app
(``static/forms/complaint.js``) uses the same skins as the after-sales form.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from flask import Blueprint, Response, redirect, request

from .. import context
from ..scenarios import Order
from . import assets
from .forms import (
    COMPLAINT_BASE,
    COMPLAINT_DEMANDS,
    COMPLAINT_REASONS,
    DESCRIPTION_MAX,
    PHONE_RE,
    UPLOAD_MAX_BYTES,
    _error_page,
    _files,
    _form_fault_page,
    _form_faults,
    _form_values,
)

bp = Blueprint("complaint", __name__)

COMPLAINT_UPLOAD_LIMIT = 9
# Level-2 reasons per level-1 reason. Only 未按约定时间发货 -> 111/112 is seen in real code; the
# other sub-reasons and every code but 11/111/112 are invented.
SUB_REASONS: dict[str, list[str]] = {
    "商品质量问题": ["商品有瑕疵/破损", "商品无法正常使用", "商品存在安全隐患"],
    "描述不符": ["材质与描述不符", "尺寸/规格与描述不符", "功能与描述不符"],
    "出售假冒商品": ["假冒品牌", "无授权销售"],
    "违背承诺": ["未履行七天无理由退换", "未履行赠品/服务承诺", "未履行运费险承诺"],
    "未按约定时间发货": ["未按约定时间发货", "缺货"],
    "未收到货": ["物流显示签收但未收到", "物流长时间未更新"],
    "收到商品少件/错发": ["少件/漏发", "卖家发错货"],
    "恶意骚扰": ["电话/短信骚扰", "辱骂威胁"],
    "未按成交价格进行交易": ["要求加价", "拒绝按拍下价格发货"],
    "食品安全问题": ["过期/临期食品", "食品变质/有异物"],
    "其他": ["其他"],
}
MASKED_PHONE = "130****0000"  # invented


def _codes() -> list[dict[str, Any]]:
    tree = []
    for i, reason in enumerate(COMPLAINT_REASONS):
        code = "11" if reason == "未按约定时间发货" else f"{20 + i}"
        subs = [{"name": sub, "code": f"{code}{j + 1}"} for j, sub in enumerate(SUB_REASONS[reason])]
        tree.append({"name": reason, "code": code, "subs": subs})
    return tree


def _targets(order: Order) -> list[dict[str, Any]]:
    return [
        {
            "subOrderId": item.sub_id,
            "itemId": item.item_id,
            "title": item.title,
            "sku": " ".join(f"{k}：{v}" for k, v in item.sku.items()),
            "unitPrice": item.unit_price,
            "quantity": item.quantity,
        }
        for item in order.spec.items
        if not item.pseudo
    ]


def _config(order: Order) -> dict[str, Any]:
    return {
        **_form_faults("complaint"),
        "orderId": order.id,
        "token": "mocktoken0001",
        "submitUrl": f"applySubmit.htm?bizId={order.id}",
        "reasons": _codes(),
        "targets": _targets(order),
        "descMax": DESCRIPTION_MAX,
        "uploadLimit": COMPLAINT_UPLOAD_LIMIT,
        "uploadMaxBytes": UPLOAD_MAX_BYTES,
        "adjustDelay": 400,
        "uploadDelay": 300,
        "phone": MASKED_PHONE,
    }


@bp.route(f"{COMPLAINT_BASE}/redirect.jhtml")
def complaint_redirect() -> Response:
    biz_id = request.args.get("bizId", "")
    return redirect(context.same_host(f"/complaint/applyRouter.htm?bizId={biz_id}"))


@bp.route("/rights.m.taobao.com/complaint/m/applyRouter.htm")
def complaint_mobile() -> Response:
    biz_id = request.args.get("bizId", "")
    return redirect(context.cross_host(f"//rights.taobao.com/complaint/applyRouter.htm?bizId={biz_id}"))


def _complaint_form(order: Order, errors: list[str]) -> Response:
    return context.respond(
        "complaint_form.html",
        title="投诉卖家",
        order=order,
        errors=errors,
        seller_word="商家" if order.tmall else "卖家",
        form_config=_config(order),
        react_missing=assets.MISSING_REACT if assets.react_missing() else "",
    )


@bp.route(f"{COMPLAINT_BASE}/applyRouter.htm")
def complaint_form() -> Response:
    order = context.shop().find_order(request.args.get("bizId", ""))
    if order is None:
        return _error_page("订单不存在，或您无权对该订单发起投诉。", "投诉卖家")
    return _form_fault_page("投诉卖家") or _complaint_form(order, [])


def _chosen(order: Order, raw: str, errors: list[str]) -> list[dict[str, Any]]:
    """``complaintTargets`` (JSON [{subOrderId, quantity}]) checked against the order."""
    if not raw:
        return []
    try:
        wanted = json.loads(raw)
        items = {item.sub_id: item for item in order.spec.items if not item.pseudo}
        chosen = []
        for target in wanted:
            item = items[str(target["subOrderId"])]
            quantity = int(target["quantity"])
            if not 1 <= quantity <= item.quantity:
                raise ValueError(quantity)
            amount = Decimal(item.unit_price) * quantity
            chosen.append(
                {
                    "orderId": order.id,
                    "subOrderId": item.sub_id,
                    "itemId": item.item_id,
                    "title": item.title,
                    "quantity": quantity,
                    "amount": f"{amount:.2f}",
                }
            )
        return chosen
    except (ValueError, KeyError, TypeError, AttributeError):
        errors.append("投诉商品或数量不正确")
        return []


@bp.route(f"{COMPLAINT_BASE}/applySubmit.htm", methods=["POST"])
def complaint_submit() -> Response:
    shop = context.shop()
    biz_id = request.form.get("bizId") or request.args.get("bizId", "")
    order = shop.find_order(biz_id)
    if order is None:
        return _error_page("订单不存在，或您无权对该订单发起投诉。", "投诉卖家")
    values = _form_values(
        "complaintReason", "subReason", "reasonCode", "subReasonCode", "content", "appeal", "proofDesc",
        "contactPhone", "complaintTargets",
    )  # fmt: skip
    errors = []
    if values["complaintReason"] not in COMPLAINT_REASONS:
        errors.append("请选择投诉原因")
    elif values["subReason"] and values["subReason"] not in SUB_REASONS[values["complaintReason"]]:
        errors.append("请选择具体原因")
    if not values["content"]:
        errors.append("请填写问题描述")
    elif len(values["content"]) > DESCRIPTION_MAX:
        errors.append(f"问题描述不能超过{DESCRIPTION_MAX}字")
    if values["appeal"] and values["appeal"] not in COMPLAINT_DEMANDS:
        errors.append("请选择正确的诉求")
    if values["contactPhone"] and not PHONE_RE.match(values["contactPhone"]):
        errors.append("联系电话格式不正确")
    targets = _chosen(order, values.pop("complaintTargets"), errors)
    if errors:
        return _complaint_form(order, errors)
    first = next((i for i in order.spec.items if targets and i.sub_id == targets[0]["subOrderId"]), None)
    item = first or order.spec.items[0]
    amount = sum((Decimal(t["amount"]) for t in targets), Decimal(0)) if targets else None
    total = Decimal(order.spec.total_paid)
    case = shop.state.record(
        "complaint",
        url=context.real_url(),
        form={"bizId": order.id, **values, "complaintTargets": targets},
        files=_files(),
        now=shop.now(),
        case={
            "scenario": order.scenario,
            "order_id": order.id,
            "sub_order_id": item.sub_id,
            "shop_name": order.spec.shop.name,
            "item_title": item.title,
            "reason": values["complaintReason"],
            "sub_reason": values["subReason"] or None,
            "items": targets,
            "demand": values["appeal"] or None,
            "description": values["content"],
            "evidence_text": values["proofDesc"],
            "amount": f"{min(amount, total):.2f}" if amount is not None else order.spec.total_paid,
        },
    )
    return redirect(context.same_host(f"/complaint/applySuccess.htm?complaintId={case['case_id']}"), code=303)


@bp.route(f"{COMPLAINT_BASE}/applySuccess.htm")
def complaint_done() -> Response:
    case = context.shop().state.case(request.args.get("complaintId", ""))
    if case is None or case["kind"] != "complaint":
        return _error_page("投诉单不存在。", "投诉卖家")
    return context.respond("complaint_done.html", title="投诉已提交", case=case)
