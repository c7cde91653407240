from __future__ import annotations

from datetime import datetime

import pytest

from tousu.reading.common import (
    abs_url,
    as_id,
    as_int,
    parse_money,
    parse_time,
    redact,
    status_from,
    status_from_text,
)


@pytest.mark.parametrize(
    ("raw", "money"),
    [
        ("47.40", "47.40"),
        ("￥47.4", "47.40"),
        ("¥ 1,299.00", "1299.00"),
        ("-￥27.00", "-27.00"),
        ("实付款￥199.00", "199.00"),
        (47, "47.00"),
        ("0.5", "0.50"),
        ("abc", None),
        (None, None),
        (47.4, None),
        (True, None),
        ("1e400", "1.00"),
    ],
)
def test_parse_money(raw, money):
    assert parse_money(raw) == money


def test_ids_never_pass_through_floats():
    assert as_id(3100000000000001234) == "3100000000000001234"
    assert as_id(" 3100000000000001234 ") == "3100000000000001234"
    assert as_id(3.1e18) is None and as_id("31000x") is None and as_id(True) is None
    assert as_id(-1) is None


def test_as_int():
    assert as_int("3") == 3 and as_int({"count": 2}) == 2 and as_int("x3") == 3
    assert as_int(None, 1) == 1 and as_int("99999999999", 1) == 1


def test_parse_time():
    assert parse_time("2025-10-08 20:15:03") == datetime(2025, 10, 8, 20, 15, 3)
    assert parse_time("2025/10/08 20:15") == datetime(2025, 10, 8, 20, 15)
    assert parse_time("2025年10月8日") == datetime(2025, 10, 8)
    assert parse_time("1762400000000") == datetime(2025, 11, 6, 11, 33, 20)
    assert parse_time("2025-13-40 00:00:00") is None and parse_time("soon") is None


def test_abs_url():
    assert abs_url("//a.taobao.com/x?y=1&amp;z=2") == "https://a.taobao.com/x?y=1&z=2"
    assert abs_url("/trade/x.htm", "https://buyertrade.taobao.com/trade/itemlist/l.htm") == (
        "https://buyertrade.taobao.com/trade/x.htm"
    )
    assert abs_url("javascript:void(0)") is None and abs_url("/x") is None and abs_url(3) is None


@pytest.mark.parametrize(
    ("code", "text", "status"),
    [
        ("WAIT_BUYER_CONFIRM_GOODS", "卖家已发货", "shipped"),
        ("TRADE_FINISHED", "交易成功", "completed"),
        ("CREATE_CLOSED_OF_TAOBAO", "交易关闭", "closed"),
        ("WAIT_SELLER_SEND_GOODS", "买家已付款", "awaiting_shipment"),
        ("WAIT_BUYER_PAY", "等待买家付款", "awaiting_payment"),
        ("WAIT_BUYER_CONFIRM_GOODS", "卖家已发货，退款中", "refunding"),
        ("TRADE_CLOSED", "退款中", "closed"),
        (None, "商家已发货，等待买家确认", "shipped"),
        (None, "预售", "unknown"),
        ("SOMETHING_NEW", "交易成功", "completed"),
    ],
)
def test_status(code, text, status):
    assert status_from(code, text) == status


def test_status_from_text_empty():
    assert status_from_text(None) == "unknown"


def test_redact():
    assert redact("签收人：张三，电话13000000000") == "签收人：[已隐藏]，电话[电话已隐藏]"
    assert redact("派件员 0755-12345678") == "派件员 [电话已隐藏]"
    assert redact("运单号 SL1234567890123 已揽收") == "运单号 SL1234567890123 已揽收"


def test_line_paid_reads_only_a_labelled_amount():
    from tousu.reading.common import line_paid

    paid, rest = line_paid("￥199.00 x1 实付：￥184.00 退款")
    assert paid == "184.00" and "184" not in rest and "199.00" in rest
    assert line_paid("￥199.00 x1")[0] is None  # an unlabelled amount is the unit price
