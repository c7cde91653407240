"""``/_admin/...`` (JSON, for tests and the CLI) and the developer's index page at ``/``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, redirect, request

from .. import context
from ..context import DIRECT_COOKIE, FAULT_KINDS, Faults
from ..shop import COOKIE
from ..state import STATUS_TEXTS, StateError

bp = Blueprint("admin", __name__)


def _error(message: str, status: int = 400) -> tuple[Response, int]:
    return jsonify({"error": message}), status


def scenario_summary(name: str) -> dict[str, Any]:
    spec = context.shop().specs[name]
    focus = spec.story.order_id if spec.story else spec.orders[0].id
    order = next(o for o in spec.orders if o.id == focus)
    entry: dict[str, Any] = {
        "name": name,
        "title": spec.title,
        "description": spec.description,
        "generation": spec.generation,
        "story": spec.story.model_dump() if spec.story else None,
        "orders": [
            {
                "id": o.id,
                "platform": o.platform,
                "status": o.status,
                "total_paid": o.total_paid,
                "shop": o.shop.name,
                "items": [i.title for i in o.items],
            }
            for o in spec.orders
        ],
        "urls": {
            "list": "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm",
            "complaint": f"https://rights.taobao.com/complaint/redirect.jhtml?bizId={focus}",
            "refund": (
                f"https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId={order.items[0].sub_id}"
            ),
        },
    }
    if order.platform == "tmall":
        entry["urls"]["detail"] = f"https://trade.tmall.com/detail/orderDetail.htm?bizOrderId={focus}"
    else:
        entry["urls"]["detail"] = (
            f"https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id={focus}"
        )
    return entry


@bp.route("/_admin/scenarios")
def scenarios() -> Response:
    shop = context.shop()
    return jsonify({"scenarios": [scenario_summary(n) for n in shop.specs], "now": shop.now().isoformat()})


@bp.route("/_admin/submissions")
def submissions() -> Response:
    state = context.shop().state
    kind = request.args.get("kind")
    rows = [s for s in state.submissions() if kind is None or s["kind"] == kind]
    return jsonify({"submissions": rows})


@bp.route("/_admin/cases")
def cases() -> Response:
    kind = request.args.get("kind")
    if kind not in (None, "complaint", "refund"):
        return _error("kind must be complaint or refund")[0]
    return jsonify(
        {
            "cases": context.shop().state.cases(kind),  # type: ignore[arg-type]
            "statuses": STATUS_TEXTS,
        }
    )


@bp.route("/_admin/cases/<case_id>/status", methods=["POST"])
def move_case(case_id: str) -> Response | tuple[Response, int]:
    body = request.get_json(silent=True) or request.form.to_dict()
    status = body.get("status")
    if not status:
        return _error('body needs {"status": ...}; codes: ' + str(STATUS_TEXTS))
    shop = context.shop()
    try:
        case = shop.state.move(case_id, status, shop.now(), body.get("note"))
    except KeyError:
        return _error(f"no case {case_id}", 404)
    except StateError as exc:
        return _error(str(exc))
    return jsonify({"case": case})


@bp.route("/_admin/reset", methods=["POST"])
def reset() -> Response:
    body = request.get_json(silent=True) or {}
    context.shop().reset(body.get("now"))
    return jsonify({"ok": True, "now": context.shop().now().isoformat()})


@bp.route("/_admin/faults", methods=["GET", "POST", "DELETE"])
def faults() -> Response | tuple[Response, int]:
    state = context.shop().state
    if request.method == "DELETE":
        return jsonify({"faults": state.set_faults({})})
    if request.method == "POST":
        body = request.get_json(silent=True) or {}
        try:
            Faults.merge(body)
        except (ValueError, TypeError) as exc:
            return _error(str(exc))
        return jsonify({"faults": state.set_faults(body)})
    return jsonify({"faults": state.faults(), "kinds": list(FAULT_KINDS)})


@bp.route("/_admin/use")
def use() -> Response | tuple[Response, int]:
    name = request.args.get("scenario", "")
    shop = context.shop()
    if name and name not in shop.specs:
        return _error(f"unknown scenario {name!r}; known: {sorted(shop.specs)}", 404)
    target = request.args.get("next") or "/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
    if not target.startswith("/") or target.startswith("//"):
        return _error("next must be a mock path like /buyertrade.taobao.com/...")
    response = redirect(target)
    if name:
        response.set_cookie(COOKIE, name, samesite="Lax")
    else:
        response.delete_cookie(COOKIE)
    response.set_cookie(DIRECT_COOKIE, "1", samesite="Lax")
    return response


@bp.route("/")
def index() -> Response:
    shop = context.shop()
    entries = [scenario_summary(n) for n in shop.specs]
    for entry in entries:
        for key, url in list(entry["urls"].items()):
            entry["urls"][key] = {"real": url, "mock": "/" + url.split("//", 1)[1]}
    html = context.page(
        "index.html",
        title="Tousu 模拟淘宝",
        entries=entries,
        selected=context.selected_scenario(),
        now=shop.now().isoformat(),
    )
    response = Response(html, content_type="text/html; charset=utf-8")
    # The index is only ever opened on the mock's own address: from here on, rewrite links.
    response.set_cookie(DIRECT_COOKIE, "1", samesite="Lax")
    return response
