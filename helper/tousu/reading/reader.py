"""read_page: snapshot -> Reading. Picks the family reader, then explains an empty result."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from tousu.models import CaseRow, FormInfo, Order, Reading, ReadingWarning
from tousu.models.reading import PageKind

from . import archive, case_lists, forms, kinds, new_detail, taobao_detail, tm1_list, tm2_list, tmall_detail
from .common import warning
from .decode import decode_html
from .embedded import loads

log = logging.getLogger(__name__)

# Above this the DOM readers only look at the head of the page: html.parser is linear, but a
# pasted 100 MB blob should not stall the helper. Embedded-JSON pages are scanned in full.
MAX_DOM_CHARS = 8_000_000

MESSAGES: dict[str, str] = {
    "login_required": "需要先登录淘宝。请在浏览器里登录后，重新打开订单页面再读取。",
    "verification_required": "淘宝要求完成安全验证（滑块）。请在页面上完成验证并刷新后再读取。",
    "empty_list": "当前列表里没有订单（没有符合条件的订单）。",
    "not_order_page": "这不是订单页面。请打开“已买到的宝贝”列表或某个订单的详情页再读取。",
    "no_orders_found": "这个页面上没有读到订单。页面可能还没加载完，请等页面完全显示后再读取。",
    "internal_error": "读取页面时出错，已停止。请刷新页面后再试。",
}

OrderReader = Callable[[str, str, list[ReadingWarning]], list[Order]]


def _message(code: str) -> ReadingWarning:
    return warning(code, MESSAGES[code])


def read_page(url: str, html: str | bytes, *, title: str | None = None) -> Reading:
    """The reading of one page snapshot. Never raises: the worst case is kind "other" with a
    warning saying why."""
    safe_url = url if isinstance(url, str) else ""
    try:
        return _read(safe_url, html, title)
    except Exception:  # noqa: BLE001 - a reader bug must not take the popup down with it
        log.exception("reading failed for %s", safe_url[:200])
        return Reading(kind="other", url=safe_url, warnings=[_message("internal_error")])


def _read(url: str, html: Any, title: str | None) -> Reading:
    if isinstance(html, bytes | bytearray | memoryview):
        text = decode_html(html)
    elif isinstance(html, str):
        text = html
    else:
        text = ""
    warnings: list[ReadingWarning] = []
    family = kinds.family(url, text)

    if family == kinds.LOGIN:
        return Reading(kind="login", url=url, warnings=[_message("login_required")])
    if family == kinds.VERIFICATION:
        return Reading(kind="verification", url=url, warnings=[_message("verification_required")])
    if family == kinds.JSON_BODY:
        return _read_json_body(url, text, warnings)

    kind: PageKind = kinds.FAMILY_KIND[family]
    orders: list[Order] = []
    form: FormInfo | None = None
    cases: list[CaseRow] = []

    reader = _ORDER_READERS.get(family)
    if reader is not None:
        orders = reader(_dom_slice(text, family, warnings), url, warnings)
    elif family in (kinds.COMPLAINT_FORM, kinds.REFUND_FORM):
        form = forms.read(_dom_slice(text, family, warnings), url, warnings)
    elif family in (kinds.COMPLAINT_LIST, kinds.REFUND_LIST):
        cases = case_lists.read(_dom_slice(text, family, warnings), url, family, warnings)

    if orders or form is not None or cases:
        return Reading(kind=kind, url=url, orders=orders, warnings=warnings, form=form, cases=cases)
    return _explain_nothing(url, text, kind, family, warnings, title)


def _explain_nothing(
    url: str, text: str, kind: PageKind, family: str, warnings: list[ReadingWarning], title: str | None
) -> Reading:
    """Why a page gave no data. Only now are verification and login markers believed."""
    if kinds.looks_like_verification(text):
        return Reading(kind="verification", url=url, warnings=[_message("verification_required")])
    if kind in ("complaint_list", "refund_list") and kinds.looks_like_case_list(text):
        # A list with no rows is a normal state: the hidden login popup does not make it a login.
        return Reading(kind=kind, url=url, warnings=warnings)
    if kinds.looks_like_login(text) or (title and "登录" in title and "淘宝" in title):
        return Reading(kind="login", url=url, warnings=[_message("login_required")])
    if kind == "order_list" and (
        any(w.code == "empty_list" for w in warnings) or kinds.looks_like_empty_list(text)
    ):
        kept = [w for w in warnings if w.code != "empty_list"]
        return Reading(kind="order_list", url=url, warnings=[_message("empty_list"), *kept])
    if family == kinds.UNKNOWN:
        return Reading(kind="other", url=url, warnings=[_message("not_order_page"), *warnings])
    if kind in ("complaint_list", "refund_list"):
        # An empty case list is a normal state, not a failure.
        return Reading(kind=kind, url=url, warnings=warnings)
    if kind in ("complaint_form", "refund_form"):
        return Reading(
            kind=kind,
            url=url,
            form=None,
            warnings=[
                *warnings,
                warning("form_not_found", "页面上没有找到可填写的表单。页面可能还没加载完，请稍后再试。"),
            ],
        )
    return Reading(kind=kind, url=url, warnings=[*warnings, _message("no_orders_found")])


def _read_json_body(url: str, text: str, warnings: list[ReadingWarning]) -> Reading:
    """A JSON answer where a page was expected: blocked requests, or a captured list response."""
    if kinds.is_blocked_body(text):
        return Reading(kind="verification", url=url, warnings=[_message("verification_required")])
    if kinds.is_session_expired_body(text):
        return Reading(kind="login", url=url, warnings=[_message("login_required")])
    try:
        data = loads(text.strip())
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict) and isinstance(data.get("mainOrders"), list):
        # The old list's asyncBought.htm answers with the same root object as the page.
        orders = tm1_list.read_root(data, url, warnings)
        if orders:
            return Reading(kind="order_list", url=url, orders=orders, warnings=warnings)
        return Reading(kind="order_list", url=url, warnings=[_message("empty_list"), *warnings])
    return Reading(kind="other", url=url, warnings=[_message("not_order_page")])


def _dom_slice(text: str, family: str, warnings: list[ReadingWarning]) -> str:
    if family in (kinds.TM1_LIST, kinds.TAOBAO_DETAIL, kinds.TMALL_DETAIL):
        return text
    if len(text) <= MAX_DOM_CHARS:
        return text
    warnings.append(warning("page_truncated", "页面过大，只读取了前面的部分。"))
    return text[:MAX_DOM_CHARS]


def _tm1(text: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    orders, root = tm1_list.read(text, url, warnings)
    if root is not None and not orders and not any(w.code == "list_paged" for w in warnings):
        warnings.append(_message("empty_list"))
    return orders


def _list_any(text: str, url: str, warnings: list[ReadingWarning]) -> list[Order]:
    """A list URL whose content matched neither generation: try both."""
    return _tm1(text, url, warnings) or tm2_list.read(text, url, warnings)


_ORDER_READERS: dict[str, OrderReader] = {
    kinds.TM1_LIST: _tm1,
    kinds.LIST: _list_any,
    # A static registry: one reader module per page family, imported like any other.
    kinds.TM2_LIST: tm2_list.read,
    kinds.TAOBAO_DETAIL: taobao_detail.read,
    kinds.TMALL_DETAIL: tmall_detail.read,
    kinds.NEW_DETAIL: new_detail.read,
    kinds.ARCHIVE_DETAIL: archive.read,
}


def classify(url: str, html: str | bytes) -> PageKind:
    """The page kind alone. Cheaper than read_page only for pages that need no reading; for
    order pages it reads them, since 'verification' depends on finding no orders."""
    return read_page(url, html).kind
