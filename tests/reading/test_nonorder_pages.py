from __future__ import annotations

import pytest

from tousu.reading import classify, read_page

from .conftest import FIXTURE_URLS, LIST_URL, page_bytes, read_fixture


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("login.html", "login", "login_required"),
        ("punish.html", "verification", "verification_required"),
        ("blocked_user_validate.json", "verification", "verification_required"),
        ("blocked_rgv587.json", "verification", "verification_required"),
        ("tm1_empty_list.html", "order_list", "empty_list"),
        ("unrelated.html", "other", "not_order_page"),
    ],
)
def test_page_kind_and_warning(name: str, kind: str, code: str):
    reading = read_fixture(name)
    assert reading.kind == kind
    assert reading.orders == []
    assert reading.warnings[0].code == code
    assert reading.warnings[0].message  # a Chinese sentence the popup shows as is
    assert classify(FIXTURE_URLS[name], page_bytes(name)) == kind


def test_login_and_punish_found_by_content_on_the_list_url():
    # The snapshot URL can still be the list when the page swapped itself for a login or slider.
    assert read_page(LIST_URL, page_bytes("login.html")).kind == "login"
    assert read_page(LIST_URL, page_bytes("punish.html")).kind == "verification"
    assert read_page("file:///tmp/x.html", page_bytes("punish.html")).kind == "verification"


def test_login_url_alone_is_enough():
    reading = read_page("https://login.taobao.com/member/login.jhtml?redirectURL=x", "")
    assert reading.kind == "login"


def test_mini_login_layer_on_a_list_page_without_orders():
    html = (
        '<html><body><div id="J_bought_main"></div><iframe src="https://login.taobao.com/member/'
        'login.jhtml?style=mini&full_redirect=true"></iframe></body></html>'
    )
    assert read_page(LIST_URL, html).kind == "login"


def test_site_nav_login_link_alone_is_not_a_login_page():
    html = page_bytes("unrelated.html").decode() + (
        '<a href="https://login.taobao.com/member/login.jhtml?redirectURL=x">请登录</a>'
    )
    assert read_page("https://www.example.com/", html).kind == "other"


def test_list_url_with_nothing_readable():
    reading = read_page(LIST_URL, "<html><body><div id='J_bought_main'></div></body></html>")
    assert reading.kind == "order_list"
    assert [w.code for w in reading.warnings] == ["no_orders_found"]


def test_other_json_bodies():
    assert read_page("https://x.taobao.com/a", '{"isSuccess":"false"}').kind == "other"
    reading = read_page("https://h5api.m.taobao.com/x", '{"ret":["FAIL_SYS_SESSION_EXPIRED::x"]}')
    assert reading.kind == "login"


def test_app_bundle_strings_are_not_page_states():
    # An unrendered SPA shell: its script mentions 暂无订单 and 请完成验证, the page shows neither.
    html = (
        '<html><body><div id="tbpc-trade-container"><div class="loading">加载中...</div></div>'
        '<script>var EMPTY = "暂无订单"; var SLIDER = "请完成验证"; var ID = "nc_1_wrapper";'
        "</script></body></html>"
    )
    reading = read_page(LIST_URL, html)
    assert reading.kind == "order_list"
    assert [w.code for w in reading.warnings] == ["no_orders_found"]
