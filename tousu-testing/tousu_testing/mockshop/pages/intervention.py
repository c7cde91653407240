"""申请淘宝介入: the escalation form reached from a refund's detail page.

The real button label and form are UNCONFIRMED (taobao-forms.md §2.3); this follows the kit's
in-page action form (reason + textarea.textarea + photoUploader + button-item confirm), built with
the same React widgets and skins (``static/forms/intervention.js``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, redirect, request

from .. import context, links

bp = Blueprint("intervention", __name__)

REASONS = [
    "卖家拒绝退款",
    "卖家未在约定时间内处理",
    "与卖家协商不一致",
    "卖家要求线下交易/私下退款",
    "其他",
]
MEMO_MAX = 500
UPLOAD_LIMIT = 5
PATH = links.INTERVENTION_PATH


def _case() -> dict[str, Any] | None:
    case = context.shop().state.case(request.values.get("disputeId", ""))
    return case if case is not None and case["kind"] == "refund" else None


def _config(case: dict[str, Any]) -> dict[str, Any]:
    from .forms import UPLOAD_MAX_BYTES, _form_faults

    return {
        **_form_faults("intervention"),
        "disputeId": case["case_id"],
        "token": "mocktoken0001",
        "submitUrl": f"applyInterventionSubmit.htm?disputeId={case['case_id']}",
        "reasons": [{"name": r} for r in REASONS],
        "descMax": MEMO_MAX,
        "uploadLimit": UPLOAD_LIMIT,
        "uploadMaxBytes": UPLOAD_MAX_BYTES,
        "uploadDelay": 300,
    }


@bp.route(f"/refund2.taobao.com{PATH}")
@bp.route(f"/refund2.tmall.com{PATH}")
def intervention_form() -> Response:
    from . import assets
    from .forms import _error_page, _form_fault_page

    case = _case()
    if case is None or links.intervention_entry(case) is None:
        return _error_page("该退款当前不能申请淘宝介入。", "申请淘宝介入")
    return _form_fault_page("申请淘宝介入") or context.respond(
        "intervention_form.html",
        title="申请淘宝介入",
        case=case,
        form_config=_config(case),
        react_missing=assets.MISSING_REACT if assets.react_missing() else "",
    )


@bp.route("/refund2.taobao.com/dispute/applyInterventionSubmit.htm", methods=["POST"])
@bp.route("/refund2.tmall.com/dispute/applyInterventionSubmit.htm", methods=["POST"])
def intervention_submit() -> Response:
    from .forms import _error_page, _files

    case = _case()
    if case is None or links.intervention_entry(case) is None:
        return _error_page("该退款当前不能申请淘宝介入。", "申请淘宝介入")
    reason = request.form.get("reason", "").strip()
    memo = request.form.get("memo", "").strip()
    if reason not in REASONS or not memo or len(memo) > MEMO_MAX:
        return _error_page("请选择介入原因并填写说明（500字以内）。", "申请淘宝介入")
    shop = context.shop()
    shop.state.intervene(
        case["case_id"],
        url=context.real_url(),
        form={"disputeId": case["case_id"], "reason": reason, "memo": memo},
        files=_files(),
        now=shop.now(),
    )
    return redirect(context.same_host(f"/dispute/detail.htm?disputeId={case['case_id']}"), code=303)
