from __future__ import annotations

from tousu.reading import read_page

from .conftest import read_fixture


def _fields(name: str):
    reading = read_fixture(name)
    assert reading.form is not None
    return reading, [(f.label, f.control, f.name, f.required) for f in reading.form.fields]


def test_complaint_form_fields_by_label():
    reading, fields = _fields("complaint_form.html")
    assert reading.kind == "complaint_form" and reading.orders == []
    assert reading.form.order_id == "3100000000000001234"
    assert fields == [
        ("投诉原因", "select", "reasonId", True),
        ("期望结果", "radio", "expect", False),
        ("问题描述", "textarea", "content", True),
        ("上传凭证", "file", "evidence", False),
        ("联系电话", "text", "phone", False),
        ("我已阅读并同意《投诉规则》", "checkbox", "agree", False),
    ]
    reason, expect = reading.form.fields[:2]
    assert [(o.value, o.text) for o in reason.options][1:] == [
        ("101", "商品质量问题"),
        ("102", "描述不符"),
        ("103", "未按约定时间发货"),
        ("104", "虚假宣传"),
    ]
    assert [(o.value, o.text) for o in expect.options] == [
        ("refund", "退货退款"),
        ("exchange", "换货"),
        ("compensate", "赔偿"),
    ]


def test_refund_form_fields_by_label():
    reading, fields = _fields("refund_form.html")
    assert reading.kind == "refund_form"
    assert reading.form.order_id == "3100000000000001234"
    assert fields == [
        ("服务类型", "radio", "refundType", False),
        ("货物状态", "select", "goodsStatus", False),
        ("退款原因", "select", "reasonId", True),
        ("退款金额", "text", "refundFee", True),
        ("退款说明", "textarea", "reasonText", False),
        ("上传凭证", "file", "pics", False),
    ]
    assert [o.text for o in reading.form.fields[0].options] == ["仅退款", "退货退款"]


def test_form_page_without_a_form():
    url = "https://rights.taobao.com/complaint/applyRouter.htm?bizId=3100000000000001234"
    reading = read_page(url, "<html><body><div id='app'></div></body></html>")
    assert reading.kind == "complaint_form" and reading.form is None
    assert [w.code for w in reading.warnings] == ["form_not_found"]


def test_complaint_list_rows():
    reading = read_fixture("complaint_list.html")
    assert reading.kind == "complaint_list"
    assert [c.model_dump() for c in reading.cases] == [
        {
            "order_id": "3100000000000001234",
            "case_id": "7000000000001",
            "status_text": "处理中",
            "updated_at": "2025-10-12 10:00:00",
        },
        {
            "order_id": "3100000000000003456",
            "case_id": "7000000000002",
            "status_text": "投诉成立",
            "updated_at": "2025-08-20 16:30:00",
        },
        {
            "order_id": "3100000000000002660",
            "case_id": "7000000000003",
            "status_text": "投诉已完结",
            "updated_at": "2025-09-05 09:15:00",
        },
    ]


def test_refund_list_rows():
    reading = read_fixture("refund_list.html")
    assert reading.kind == "refund_list"
    assert [c.model_dump() for c in reading.cases] == [
        {
            "order_id": "3100000000000003456",
            "case_id": "8000000000001",
            "status_text": "退款成功",
            "updated_at": "2025-08-16 09:00:00",
        },
        {
            "order_id": "3100000000000001234",
            "case_id": "8000000000002",
            "status_text": "待商家处理",
            "updated_at": "2025-10-12 11:00:00",
        },
    ]


def test_empty_case_list_is_normal():
    reading = read_page(
        "https://rights.taobao.com/complaint/buyerList.htm", "<html><body><table></table></body></html>"
    )
    assert reading.kind == "complaint_list" and reading.cases == [] and reading.warnings == []
