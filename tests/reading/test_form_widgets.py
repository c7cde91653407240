"""The form reader finds custom widgets (refund kit, Fusion, antd, ARIA) and gives every control
a locator the content script applies as is. Markup follows taobao-forms.md §3; values invented."""

from __future__ import annotations

from tousu.reading import read_page

URL = "https://refund2.taobao.com/dispute/apply.htm?bizOrderId=3100000000000009012&type=2"

ULTRON = """<html><body><div id="root">
<div id="serviceType_1"><div class="mod-select-pc"><div class="select-title">*服务类型</div>
  <div class="selected-wrap">请选择<i class="arrow-down"></i></div>
  <div class="options-list">
  <div class="options-item">仅退款<span class="desc">未收到货</span></div>
  <div class="options-item">退货退款</div><div class="options-item">补寄</div></div></div></div>
<div id="reason_1"><div class="mod-select-pc"><div class="select-title">退款原因</div>
  <div class="selected-wrap">少件/漏发<i class="arrow-down"></i></div>
  <div class="options-list"><div class="options-item">少件/漏发</div>
  <div class="options-item">其他</div></div></div></div>
<div class="form-line"><label>退款金额</label><input id="applyRefundFeeInput_1-input" value="99.00">
  <span class="hint">最多 ￥99.00</span></div>
<div class="form-line"><label>补充描述</label><textarea class="textarea"></textarea><span>0/200</span></div>
<div class="form-line"><label>上传凭证</label><div class="uploader"><div class="upload-btn">
  <input type="file" name="photoUploader" style="display:none"></div><span>0/3</span></div></div>
<div id="submitButtonContainer_1"><div class="button-item center highlight disabled">提交</div></div>
</div></body></html>"""

FUSION = """<html><body><form>
<div class="next-form-item"><label class="next-form-item-label">服务类型</label>
 <div class="next-form-item-control">
 <span class="next-select next-select-trigger" aria-haspopup="true" aria-expanded="false">
 <span class="next-input next-select-inner"><input role="combobox" readonly></span>
  <span class="next-select-values"><em title="补寄">补寄</em></span></span></div></div>
<div class="next-form-item"><label class="next-form-item-label">退款原因</label>
 <div class="next-form-item-control"><span class="next-select next-select-trigger"><span
  class="next-select-values"></span></span></div></div>
<div class="next-form-item"><label class="next-form-item-label">补充描述</label>
 <div class="next-form-item-control"><span class="next-input next-input-textarea"><textarea
  maxlength="500"></textarea></span></div></div>
</form></body></html>"""

ANTD_AND_VARIANT = """<html><body><form>
<div class="ant-form-item"><div class="ant-form-item-label"><label>服务类型</label></div>
 <div class="ant-select"><div class="ant-select-selector">
 <span class="ant-select-selection-search"><input role="combobox" readonly></span>
 <span class="ant-select-selection-item" title="补寄">补寄</span></div></div></div>
<div class="qq-row"><label class="qq-cap">退款原因</label><div class="zz-drop">请选择</div></div>
<div class="qq-row"><label class="qq-cap">货物状态</label>
 <div class="qq-pick" role="combobox">已收到货</div></div>
<div class="qq-row"><label class="qq-cap">投诉商品</label>
 <div class="item-line">
   <label><input type="checkbox" name="targets" value="3100000000000009011">净水器</label>
   <input type="number" class="qty" value="1"></div>
 <div class="item-line">
   <label><input type="checkbox" name="targets" value="3100000000000009012">滤芯</label>
   <input type="number" class="qty" value="1"></div></div>
</form></body></html>"""


def fields(html: str) -> dict:
    reading = read_page(URL, html)
    assert reading.kind == "refund_form"
    return {f.label: f for f in reading.form.fields}


def test_refund_kit_selects_are_custom_selects_with_their_options_and_ordinals():
    found = fields(ULTRON)
    assert list(found) == ["服务类型", "退款原因", "退款金额", "补充描述", "上传凭证"]
    service, reason = found["服务类型"], found["退款原因"]
    assert service.required and service.control == "select"
    # The option's name, not its desc line: that is what the site shows once chosen.
    assert [o.text for o in service.options] == ["仅退款", "退货退款", "补寄"]
    assert service.locator.widget == "custom_select" and service.locator.kit == "ultron"
    assert (service.locator.target.selector, service.locator.target.ordinal) == (
        '*[class~="mod-select-pc"]',
        0,
    )
    assert reason.locator.target.ordinal == 1


def test_limits_the_page_shows_are_read_next_to_the_control():
    found = fields(ULTRON)
    amount = found["退款金额"].locator
    assert amount.target.selector == 'input[id="applyRefundFeeInput_1-input"]'
    assert amount.max_amount == "99.00"
    assert found["补充描述"].locator.max_length == 200
    upload = found["上传凭证"].locator
    assert upload.widget == "file" and upload.max_files == 3
    assert upload.target.selector == 'input[type="file"][name="photoUploader"]'
    # The form row, where thumbnails and counters are read.
    assert upload.scope is not None and upload.scope.selector.startswith("div")


def test_fusion_selects_take_the_form_item_label_and_hide_their_inner_input():
    found = fields(FUSION)
    assert list(found) == ["服务类型", "退款原因", "补充描述"]
    assert found["服务类型"].locator.kit == "fusion"
    assert found["退款原因"].locator.target.ordinal == 1
    assert found["补充描述"].locator.max_length == 500


def test_antd_aria_unknown_widgets_and_item_quantities():
    found = fields(ANTD_AND_VARIANT)
    assert found["服务类型"].locator.kit == "antd"
    assert found["货物状态"].locator.kit == "aria"
    # A picker with no semantics: listed so the fill can say it left it to the shopper.
    assert found["退款原因"].locator.widget == "unknown"
    items = found["投诉商品"]
    assert items.control == "checkbox" and [o.value for o in items.options] == [
        "3100000000000009011",
        "3100000000000009012",
    ]
    quantity = found["滤芯 数量"].locator
    assert quantity.option == "滤芯" and quantity.target.ordinal == 1
