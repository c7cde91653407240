from __future__ import annotations

import pytest

from tousu.filling import FillError, plan_fill
from tousu.models import FillInput, FormField, FormInfo, FormOption, Reading

ORDER = "3100000000000002001"
REASONS = [
    "商品质量问题",
    "描述不符",
    "出售假冒商品",
    "违背承诺",
    "未按约定时间发货",
    "未收到货",
    "收到商品少件/错发",
    "恶意骚扰",
    "未按成交价格进行交易",
    "食品安全问题",
    "其他",
]
DEMANDS = ["退货退款", "换货", "维修", "补寄", "仅退款", "赔偿", "其他"]


def options(texts):
    return [FormOption(value="", text="请选择")] + [
        FormOption(value=f"v{i}", text=t) for i, t in enumerate(texts)
    ]


def complaint_form(order_id=ORDER, **overrides) -> Reading:
    fields = [
        FormField(label="投诉原因：", control="select", options=options(REASONS), required=True),
        FormField(label="问题描述", control="textarea", required=True),
        FormField(label="你的诉求", control="select", options=options(DEMANDS)),
        FormField(label="凭证说明", control="textarea"),
        FormField(label="上传凭证", control="file"),
        FormField(label="联系电话", control="text"),
    ]
    return Reading(
        kind="complaint_form",
        url="https://rights.taobao.com/complaint/applyRouter.htm",
        form=FormInfo(order_id=order_id, fields=fields),
        **overrides,
    )


def case(**changes) -> FillInput:
    data = {
        "order_id": ORDER,
        "type": "quality_defect",
        "description": "左耳无声。",
        "remedy": "return_refund",
        "evidence": ["商品问题照片或视频", "开箱视频"],
    }
    return FillInput(**(data | changes))


def test_complaint_form_gets_type_description_demand_and_evidence():
    plan = plan_fill(complaint_form(), case())
    values = {step.label: step.value for step in plan.steps}
    assert values == {
        "投诉原因：": "商品质量问题",
        "问题描述": "左耳无声。",
        "你的诉求": "退货退款",
        "凭证说明": "1. 商品问题照片或视频\n2. 开箱视频",
    }
    assert plan.left_for_shopper == ["上传凭证", "联系电话"]
    assert plan.warnings == []


def test_a_form_for_another_order_is_never_filled():
    with pytest.raises(FillError) as err:
        plan_fill(complaint_form(order_id="3100000000000009999"), case())
    assert err.value.code == "wrong_order"


def test_refund_forms_accept_the_sub_order_id():
    sub = "3100000000000002011"
    reading = complaint_form(order_id=sub)
    plan = plan_fill(reading, case(sub_order_ids=[sub]))
    assert plan.order_id == sub


def test_missing_option_falls_back_to_other_with_a_warning():
    reading = complaint_form()
    reading.form.fields[0].options = options(["描述不符", "其他"])
    plan = plan_fill(reading, case())
    assert plan.steps[0].value == "其他"
    assert "请核对" in plan.warnings[0]


def test_not_a_form_page():
    with pytest.raises(FillError) as err:
        plan_fill(Reading(kind="order_list", url="https://buyertrade.taobao.com/"), case())
    assert err.value.code == "not_a_form"


def test_refund_form_gets_request_type_and_reason():
    fields = [
        FormField(
            label="申请类型",
            control="select",
            options=options(["仅退款", "退货退款", "换货", "维修", "补寄"]),
        ),
        FormField(
            label="申请原因", control="select", options=options(["七天无理由退换", "质量问题", "其他"])
        ),
        FormField(label="退款金额", control="text"),
        FormField(label="申请说明", control="textarea"),
    ]
    reading = Reading(
        kind="refund_form",
        url="https://refund2.taobao.com/dispute/apply.htm",
        form=FormInfo(order_id=ORDER, fields=fields),
    )
    values = {s.label: s.value for s in plan_fill(reading, case()).steps}
    assert values == {"申请类型": "退货退款", "申请原因": "质量问题", "申请说明": "左耳无声。"}


def test_the_routes_request_type_and_reason_override_the_defaults():
    fields = [
        FormField(label="申请类型", control="select", options=options(["仅退款", "退货退款", "补寄"])),
        FormField(label="申请原因", control="select", options=options(["少件/漏发", "质量问题"])),
    ]
    reading = Reading(
        kind="refund_form",
        url="https://refund2.taobao.com/dispute/apply.htm",
        form=FormInfo(order_id=ORDER, fields=fields),
    )
    plan = plan_fill(reading, case(type="wrong_or_missing_item", request_type="补寄", reason="少件/漏发"))
    assert {s.label: s.value for s in plan.steps} == {"申请类型": "补寄", "申请原因": "少件/漏发"}


@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("verification", "https://refund2.taobao.com/dispute/apply.htm?bizOrderId=" + ORDER),
        ("login", "https://login.taobao.com/member/login.jhtml"),
    ],
)
def test_a_check_in_place_of_the_form_is_named_not_waited_for(kind, url):
    with pytest.raises(FillError) as err:
        plan_fill(Reading(kind=kind, url=url), case())
    assert err.value.code == kind
