"""Login redirect, the x5sec "punish" slider page, and the blocked-request JSON (§5.3)."""

from __future__ import annotations

import secrets
import time
from urllib.parse import quote

from flask import Blueprint, Response, redirect, request

from .. import context
from ..encoding import json_response

bp = Blueprint("security", __name__)

SOLVED_COOKIE = "x5sec"
PUNISH = "/_____tmd_____/punish"


def _x5secdata() -> str:
    return secrets.token_hex(24)


def punish_path(back: str) -> str:
    return (
        f"{PUNISH}?x5secdata={_x5secdata()}&x5step=2&action=captcha&pureCaptcha="
        f"&x5referer={quote(back, safe='')}"
    )


def blocked_payload(host: str) -> dict:
    return {
        "api": "mtop.taobao.trade.detail",
        "v": "1.0",
        "ret": ["FAIL_SYS_USER_VALIDATE", "RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试"],
        "data": {
            "url": f"https://{host}:443//{PUNISH.lstrip('/')}?x5secdata={_x5secdata()}"
            f"&x5step=2&x5referer={quote(context.real_url(), safe='')}"
        },
    }


def apply_faults() -> Response | None:
    """before_request: the fault switches that replace a page with something else."""
    host, rest = context.host_and_path()
    if not context.is_real_host(host):
        return None
    try:
        faults = context.faults()
    except (ValueError, TypeError) as exc:
        return Response(f"bad tousu fault setting: {exc}", status=400, mimetype="text/plain")
    if faults.delay:
        time.sleep(faults.delay / 1000)
    if host == "login.taobao.com" or rest.startswith("/_____tmd_____"):
        return None
    if faults.fault == "login":
        target = quote(context.real_url(), safe="")
        return redirect(context.cross_host(f"//login.taobao.com/member/login.jhtml?redirectURL={target}"))
    if faults.fault == "verify" and not request.cookies.get(SOLVED_COOKIE):
        return redirect(context.same_host(punish_path(context.real_url())))
    if faults.fault == "blocked":
        if rest.endswith("asyncBought.htm"):
            return json_response(
                {
                    "rgv587_flag0": "sm",
                    "url": "https://sec.taobao.com/query.htm?"
                    "action=QueryAction&event_submit_do_login=ok&smApp=tradeplatform"
                    "&smPolicy=tradeplatform-buyer-anti_Spider-checklogin",
                },
                "gbk",
            )
        return json_response(blocked_payload(host))
    return None


@bp.route("/<host>/_____tmd_____/punish")
def punish(host: str) -> Response:
    back = request.args.get("x5referer", "")
    return context.respond(
        "punish.html", title="安全验证", back=back, x5secdata=request.args.get("x5secdata", "")
    )


@bp.route("/<host>/_____tmd_____/slide")
def slide_done(host: str) -> Response:
    back = request.args.get("x5referer") or f"https://{host}/"
    response = redirect(context.cross_host(back))
    response.set_cookie(SOLVED_COOKIE, secrets.token_hex(8), samesite="Lax")
    return response


@bp.route("/login.taobao.com/member/login.jhtml", methods=["GET", "POST"])
def login() -> Response:
    back = request.values.get("redirectURL", "https://i.taobao.com/my_taobao.htm")
    if request.method == "POST":
        shop = context.shop()
        faults = shop.state.faults()
        if faults.get("fault") == "login":
            # Logging in ends an admin-set "login" fault, as a real login would.
            faults.pop("fault")
            shop.state.set_faults(faults)
        return redirect(context.cross_host(back))
    return context.respond("login.html", title="淘宝网 - 淘！我喜欢", back=back)
