"""The plan names the exact control for each value (the reader's locator), and decides limits,
files and items once, in the helper."""

from __future__ import annotations

import pytest

from tousu.filling import FillError, plan_fill
from tousu.models import FillInput, FormField, FormInfo, FormOption, Reading
from tousu.models.fill import AffectedItem, Attachment
from tousu.models.locator import ElementRef, FieldLocator

ORDER = "3100000000000009010"
SUB_A, SUB_B = "3100000000000009011", "3100000000000009012"
URL = f"https://refund2.taobao.com/dispute/apply.htm?bizOrderId={SUB_B}"


def loc(widget, selector, ordinal=0, **extra):
    return FieldLocator(
        widget=widget,
        target=ElementRef(selector=selector, ordinal=ordinal),
        label=extra.pop("label", "x"),
        **extra,
    )


def opts(*texts):
    return [FormOption(value=t, text=t) for t in texts]


def refund_form(order_id=SUB_B, extra=()):
    fields = [
        FormField(label="服务类型", control="select", options=opts("仅退款", "退货退款", "补寄"),
                  locator=loc("custom_select", ".mod-select-pc", kit="ultron")),
        FormField(label="退款原因", control="select",
                  locator=loc("custom_select", ".next-select", kit="fusion")),
        FormField(label="退款金额", control="text", locator=loc("text", "#fee", max_amount="99.00")),
        FormField(label="补充描述", control="textarea", locator=loc("textarea", "textarea", max_length=10)),
        FormField(label="上传凭证", control="file", locator=loc("file", "input[type=file]", max_files=2)),
        FormField(label="联系电话", control="text", locator=loc("text", "#phone")),
        *extra,
    ]  # fmt: skip
    return Reading(kind="refund_form", url=URL, form=FormInfo(order_id=order_id, fields=fields))


def sha(n: int) -> str:
    return f"{n:064x}"


def att(n: int, name: str, code: str, available: bool = True) -> Attachment:
    return Attachment(sha256=sha(n), file_name=name, media_type="image/png", code=code, available=available)


def case(**changes) -> FillInput:
    data = {
        "order_id": ORDER,
        "sub_order_ids": [SUB_A, SUB_B],
        "type": "wrong_or_missing_item",
        "description": "只收到一盒滤芯，少了一盒。",
        "request_type": "补寄",
        "reason": "少件/漏发",
        "amount": "120.00",
        "evidence_codes": ["received_goods_photos", "order_detail"],
        "attachments": [
            att(1, "详情.png", "order_detail"),
            att(2, "开箱.png", "received_goods_photos"),
            att(3, "旧机.png", "order_detail", available=False),
            att(4, "面单.png", "received_goods_photos"),
        ],
    }  # fmt: skip
    return FillInput(**(data | changes))


def steps(plan):
    return {s.label: s for s in plan.steps}


def test_each_step_carries_the_readers_locator():
    reading = refund_form()
    plan = plan_fill(reading, case(), [AffectedItem(sub_order_id=SUB_B, quantity=1)])
    by_label = steps(plan)
    assert by_label["服务类型"].value == "补寄"
    assert by_label["服务类型"].locator == reading.form.fields[0].locator
    # Options in a popup are not in the snapshot: the text, with 其他 as the fallback.
    assert by_label["退款原因"].value == "少件/漏发" and by_label["退款原因"].alternatives == ["其他"]


def test_limits_the_page_shows_are_respected_and_reported():
    plan = plan_fill(refund_form(), case())
    by_label = steps(plan)
    assert by_label["退款金额"].value == "99.00" and by_label["退款金额"].note == "above_max"
    assert by_label["补充描述"].value == "只收到一盒滤芯，少了" and by_label["补充描述"].note == "too_long"
    assert any("最多 10 字" in w for w in plan.warnings)


def test_files_go_in_checklist_order_within_the_limit():
    plan = plan_fill(refund_form(), case())
    files = steps(plan)["上传凭证"].files
    assert [f.file_name for f in files] == ["开箱.png", "面单.png"]
    left = {item.label: item.reason for item in plan.left}
    assert left["详情.png"] == "limit_reached"
    assert left["旧机.png"] == "no_file_bytes"
    assert left["联系电话"] == "shopper_only"
    assert "联系电话" in plan.left_for_shopper


def test_no_files_leaves_the_uploader_to_the_shopper():
    plan = plan_fill(refund_form(), case(attachments=[]))
    assert "上传凭证" not in steps(plan)
    assert "上传凭证" in plan.left_for_shopper


def test_after_sales_must_be_the_chosen_items_form():
    with pytest.raises(FillError) as err:
        plan_fill(refund_form(order_id=SUB_A), case(), [AffectedItem(sub_order_id=SUB_B, quantity=1)])
    assert err.value.code == "wrong_item"


def test_an_unknown_widget_is_left_with_its_reason():
    unknown = FormField(label="退款原因", control="text", locator=loc("unknown", "label", label="退款原因"))
    reading = refund_form()
    reading.form.fields[1] = unknown
    plan = plan_fill(reading, case())
    assert "退款原因" not in steps(plan)
    assert {"label": "退款原因", "reason": "unknown_widget"} in [f.model_dump() for f in plan.left]


def test_radio_choice_points_at_the_chosen_input():
    radio = FormField(
        label="货物状态", control="radio", options=opts("未收到货", "已收到货"),
        locator=loc("radio", 'input[type="radio"][name="goods"]', ordinal=3),
    )  # fmt: skip
    reading = Reading(kind="refund_form", url=URL, form=FormInfo(order_id=SUB_B, fields=[radio]))
    reading.form.fields[0].label = "服务类型"
    reading.form.fields[0].options = opts("仅退款", "补寄")
    plan = plan_fill(reading, case())
    assert plan.steps[0].choice == ElementRef(selector='input[type="radio"][name="goods"]', ordinal=4)


def test_complaint_carries_the_chosen_items_and_quantities():
    items = FormField(
        label="投诉商品", control="checkbox",
        options=[FormOption(value=SUB_A, text="净水器"), FormOption(value=SUB_B, text="滤芯")],
        locator=loc("checkbox", 'input[type="checkbox"][name="targets"]'),
    )  # fmt: skip
    qty = FormField(label="滤芯 数量", control="text", locator=loc("text", ".qty", 1, option="滤芯"))
    reading = Reading(
        kind="complaint_form",
        url=f"https://rights.taobao.com/complaint/applyRouter.htm?bizId={ORDER}",
        form=FormInfo(order_id=ORDER, fields=[items, qty]),
    )
    plan = plan_fill(reading, case(), [AffectedItem(sub_order_id=SUB_B, quantity=2)])
    assert [(s.label, s.value) for s in plan.steps] == [("投诉商品", "滤芯"), ("滤芯 数量", "2")]
    assert plan.steps[0].choice.ordinal == 1


# Read from HTML by the real reader: what the page itself says beats what its URL says.
OTHER_SUB = "3100000000000004401"
STEPPER_FORM = f"""<html><body><div id="App">
<input type="hidden" name="bizOrderId" value="{{page_id}}">
<div class="row"><label>投诉商品</label><div class="target-list">
  <div class="target-item"><label><input type="checkbox" name="complaintTargets" value="{SUB_A}">
    <span>示例厨下净水器</span></label>
    <span role="button">−</span><input type="text" class="quantity-input" value="0">
    <span role="button">+</span></div>
  <div class="target-item"><label><input type="checkbox" name="complaintTargets" value="{SUB_B}">
    <span>示例替换滤芯</span></label>
    <span role="button">−</span><input type="text" class="quantity-input" value="0">
    <span role="button">+</span></div>
</div></div>
<div class="row"><label>问题描述</label><textarea maxlength="100"></textarea></div>
</div></body></html>"""


def read(html: str, url: str) -> Reading:
    from tousu.reading import read_page

    return read_page(url, html)


def test_a_form_whose_page_names_another_order_is_refused_whatever_its_url():
    url = f"https://refund2.taobao.com/dispute/apply.htm?bizOrderId={SUB_B}"
    reading = read(STEPPER_FORM.format(page_id=OTHER_SUB), url)
    assert reading.form is not None and reading.form.order_id == OTHER_SUB
    with pytest.raises(FillError) as err:
        plan_fill(reading, case(), [AffectedItem(sub_order_id=SUB_B, quantity=1)])
    assert err.value.code == "wrong_order"


def test_a_text_stepper_in_an_items_line_is_that_items_quantity():
    url = f"https://rights.taobao.com/complaint/apply.htm?bizId={ORDER}"
    reading = read(STEPPER_FORM.format(page_id=ORDER), url)
    plan = plan_fill(
        reading,
        case(item_titles={SUB_A: "示例厨下净水器", SUB_B: "示例替换滤芯"}),
        [AffectedItem(sub_order_id=SUB_B, quantity=2)],
    )
    quantity = [s for s in plan.steps if s.locator and s.locator.option]
    assert [(s.value, s.locator.target.ordinal) for s in quantity] == [("2", 1)], plan.steps
