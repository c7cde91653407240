from __future__ import annotations

import codecs

from tousu.reading.decode import declared_charset, decode_html


def test_declared_gbk_is_decoded_as_gb18030():
    page = '<html><head><meta charset="gbk"><title>已买到的宝贝</title>'.encode("gbk")
    assert "已买到的宝贝" in decode_html(page)
    assert declared_charset(page) == "gb18030"


def test_http_equiv_content_type():
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'
    page = (meta + "你好").encode("gb2312")
    assert decode_html(page).endswith("你好")


def test_bom_wins():
    assert decode_html(codecs.BOM_UTF8 + "<p>订单</p>".encode()) == "<p>订单</p>"
    assert decode_html(codecs.BOM_UTF16_LE + "<p>订单</p>".encode("utf-16-le")) == "<p>订单</p>"


def test_utf8_saved_page_with_stale_gbk_meta():
    page = '<meta charset="gbk"><p>交易成功，卖家已发货</p>'.encode()
    assert "交易成功，卖家已发货" in decode_html(page)


def test_undeclared_gbk_falls_back_to_gb18030():
    assert decode_html("<p>订单详情</p>".encode("gbk")) == "<p>订单详情</p>"


def test_unknown_charset_and_garbage_never_raise():
    assert isinstance(decode_html(b'<meta charset="x-klingon">\xff\xfe\xfa'), str)
    assert isinstance(decode_html(bytes(range(256)) * 3), str)
    assert decode_html(b"") == ""


def test_str_is_used_as_is():
    assert decode_html("<p>已发货</p>") == "<p>已发货</p>"
