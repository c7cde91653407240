"""Which page family a snapshot is, from its URL first and its content second.

Content checks are plain substring and regex scans: classifying must stay cheap on a 5 MB list.
Verification and login markers are only trusted when a page yields no orders (see reader.py):
product titles can contain 滑块 or 验证码, and every page's site nav links to the login page.
"""

from __future__ import annotations

import re

from tousu.models.reading import PageKind

from . import markup as raw_markup
from .common import host_of, path_of

# Families: one per reader module, plus the pages that carry no data.
TM1_LIST = "tm1_list"
TM2_LIST = "tm2_list"
LIST = "list"  # a list URL whose content matches neither generation (yet)
TAOBAO_DETAIL = "taobao_detail"
TMALL_DETAIL = "tmall_detail"
NEW_DETAIL = "new_detail"
ARCHIVE_DETAIL = "archive_detail"
COMPLAINT_FORM = "complaint_form"
REFUND_FORM = "refund_form"
COMPLAINT_LIST = "complaint_list"
REFUND_LIST = "refund_list"
LOGIN = "login"
VERIFICATION = "verification"
JSON_BODY = "json_body"
UNKNOWN = "unknown"

FAMILY_KIND: dict[str, PageKind] = {
    TM1_LIST: "order_list",
    TM2_LIST: "order_list",
    LIST: "order_list",
    TAOBAO_DETAIL: "order_detail",
    TMALL_DETAIL: "order_detail",
    NEW_DETAIL: "order_detail",
    ARCHIVE_DETAIL: "order_detail",
    COMPLAINT_FORM: "complaint_form",
    REFUND_FORM: "refund_form",
    COMPLAINT_LIST: "complaint_list",
    REFUND_LIST: "refund_list",
    LOGIN: "login",
    VERIFICATION: "verification",
    JSON_BODY: "other",
    UNKNOWN: "other",
}

_LOGIN_HOSTS = ("login.taobao.com", "login.tmall.com", "login.m.taobao.com", "passport.taobao.com")
_VERIFY_HOSTS = ("sec.taobao.com",)

_TM1_EMBEDDED = re.compile(r"\bdata\s*=\s*JSON\.parse\(")
_DETAIL_EMBEDDED = re.compile(r"\bvar\s+detailData\s*=\s*\{")


def family_from_url(url: str) -> str | None:
    host = host_of(url)
    path = path_of(url).lower()
    if not host:
        return None
    if host in _LOGIN_HOSTS or (host.endswith("taobao.com") and path.startswith("/member/login")):
        return LOGIN
    if "_____tmd_____" in url or host in _VERIFY_HOSTS or "/punish" in path:
        return VERIFICATION
    if host.startswith("tradearchive."):
        return ARCHIVE_DETAIL
    if "/trade/itemlist/" in path and ("bought" in path or "recyled" in path):
        return LIST
    if host.endswith("tmall.com") and path.startswith("/detail/orderdetail"):
        return TMALL_DETAIL
    if "/trade/detail/trade_order_detail" in path or "/trade/detail/trade_item_detail" in path:
        return TAOBAO_DETAIL
    if host.startswith("rights.") and "/complaint/" in path:
        return COMPLAINT_LIST if "buyerlist" in path else COMPLAINT_FORM
    if host.startswith("refund2.") and "/dispute/" in path:
        if "buyerdisputelist" in path:
            return REFUND_LIST
        if "apply" in path or "afterdispute" in path:
            return REFUND_FORM
    return None


def family_from_content(html: str) -> str:
    head = html[:2048].lstrip()
    if head.startswith(("{", "[")) or re.match(r"^[\w$.]*\s*\(\s*\{", head):
        return JSON_BODY
    if "mainOrders" in html and _TM1_EMBEDDED.search(html):
        return TM1_LIST
    if _DETAIL_EMBEDDED.search(html):
        return TMALL_DETAIL
    if "mainOrder" in html and _TM1_EMBEDDED.search(html):
        return TAOBAO_DETAIL
    if "shopOrderContainer_" in html or "trade-bought-list-order-container" in html:
        return TM2_LIST
    if _has_new_detail_marks(html):
        return NEW_DETAIL
    if "buyerDisputeList" in html and "disputeListGrid" in html:
        return REFUND_LIST
    return UNKNOWN


def _has_new_detail_marks(html: str) -> bool:
    marks = ("detailInfoContent--", "tbpc-order-detail", "logisticsPackageHeader--")
    return any(mark in html for mark in marks)


def family(url: str, html: str) -> str:
    """The reader family for a snapshot. The URL decides the page; the content decides which
    generation of it (old embedded JSON or new DOM), and stands in when the URL says nothing."""
    by_url = family_from_url(url)
    by_content = family_from_content(html)
    if by_url in (LOGIN, VERIFICATION):
        return by_url
    if by_content == JSON_BODY:
        return JSON_BODY
    if by_url == LIST:
        if by_content in (TM1_LIST, TM2_LIST):
            return by_content
        return LIST
    if by_url == TAOBAO_DETAIL:
        # Tmall orders opened through the Taobao URL land on the Tmall renderer.
        if by_content in (TMALL_DETAIL, NEW_DETAIL):
            return by_content
        # A detail URL is never a list: list class names there come from a shared stylesheet.
        if by_content == TM2_LIST and _has_new_detail_marks(html):
            return NEW_DETAIL
        return TAOBAO_DETAIL
    if by_url == TMALL_DETAIL:
        return by_content if by_content in (NEW_DETAIL, TAOBAO_DETAIL) else TMALL_DETAIL
    if by_url is not None:
        return by_url
    return by_content


# ---------------------------------------------------------------- pages without data

# Plain substrings first (C speed on a multi-megabyte page); regexes only where needed.
_VERIFY_MARKS = ("baxia-dialog", "nc_1_wrapper", "nc-container")
_VERIFY_TEXT = (
    "拖动滑块",
    "拖动下方滑块",
    "滑动验证",
    "请完成验证",
    "请完成安全验证",
    "安全验证",
    "请按住滑块",
)
_BLOCKED_BODY = re.compile(r"FAIL_SYS_USER_VALIDATE|RGV587_ERROR|rgv587_flag")
_SESSION_BODY = re.compile(r"FAIL_SYS_SESSION_EXPIRED|FAIL_SYS_LOGIN|SESSION_EXPIRED")
_LOGIN_MARKS = ("fm-login-id", "fm-login-password", "TPL_username_1", "J_LoginBox", "login-form")
_LOGIN_TEXT = ("密码登录", "扫码登录", "短信登录", "请登录后", "亲，请登录")
_EMPTY_LIST = ("没有符合条件的订单", "暂无订单", "没有符合条件的宝贝", "您还没有已买到的宝贝")


def is_blocked_body(html: str) -> bool:
    return bool(_BLOCKED_BODY.search(html[:20000]))


def is_session_expired_body(html: str) -> bool:
    return bool(_SESSION_BODY.search(html[:20000]))


_URL_MARKS = ("_____tmd_____", "x5secdata")


def without_scripts(html: str) -> str:
    """The markup without inline scripts: an app bundle's strings ("暂无订单", "请完成验证",
    element ids) describe states the page may never be in."""
    return raw_markup.without_scripts(html)


def looks_like_verification(html: str) -> bool:
    # The punish URL is only ever in the punish page's own config (a script): checked in full.
    if any(mark in html for mark in _URL_MARKS):
        return True
    markup = without_scripts(html)
    if any(mark in markup for mark in _VERIFY_MARKS) or any(w in markup for w in _VERIFY_TEXT):
        return True
    return "<iframe" in markup and any(
        "captcha" in src or "punish" in src for src in raw_markup.iframe_sources(markup)
    )


def looks_like_login(html: str) -> bool:
    markup = without_scripts(html)
    if any(mark in markup for mark in _LOGIN_MARKS) or any(w in markup for w in _LOGIN_TEXT):
        return True
    return "<iframe" in markup and any(_is_mini_login(src) for src in raw_markup.iframe_sources(markup))


def _is_mini_login(src: str) -> bool:
    at = src.find("login.taobao.com/member/login.jhtml")
    return at >= 0 and "mini" in src[at:]


# A case list's own frame: the refund list's React grid ids, or its column header.
_CASE_LIST_MARKS = ("disputeListGrid", "buyerDisputeList", "bottomContainer_1", "complaintList")
_CASE_LIST_COLUMNS = (
    ("订单号", "退款状态"),
    ("订单号", "投诉状态"),
    ("退款编号", "退款状态"),
    ("投诉编号", "状态"),
)


def looks_like_case_list(html: str) -> bool:
    """The page is a refund or complaint list (perhaps with no rows): its frame or its header is
    in the markup. Checked before login markers: every My-Taobao page carries a hidden mini-login
    popup whose 密码登录/扫码登录 would otherwise make an empty list a login page."""
    markup = without_scripts(html)
    if any(mark in markup for mark in _CASE_LIST_MARKS):
        return True
    return any(a in markup and b in markup for a, b in _CASE_LIST_COLUMNS)


def looks_like_empty_list(html: str) -> bool:
    markup = without_scripts(html)
    return any(word in markup for word in _EMPTY_LIST)
