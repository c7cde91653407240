"""Complaint and refund forms: redirects, labelled controls, validation, recording, the lists."""

from __future__ import annotations

import io
import json
import re

from tousu_testing.mockshop.pages import assets
from tousu_testing.mockshop.pages.forms import (
    COMPLAINT_REASONS,
    REFUND_REASONS,
    REFUND_TYPES,
)

ORDER = "3100000000000002001"
RIGHTS = "/rights.taobao.com/complaint"
REFUND = "/refund2.taobao.com/dispute"


def _labels(html: str) -> dict[str, str]:
    """label text -> id of the control it names."""
    return {text: for_id for for_id, text in re.findall(r'<label for="([^"]+)"[^>]*>([^<]+)</label>', html)}


def _options(html: str, control_id: str) -> list[str]:
    select = re.search(rf'<select id="{control_id}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="[^"]*"[^>]*>([^<]+)</option>', select)


def test_complaint_entry_redirects_to_the_form(client):
    response = client.get(f"{RIGHTS}/redirect.jhtml?bizId={ORDER}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"applyRouter.htm?bizId={ORDER}"


def test_complaint_form_carries_the_bpass_fields(client):
    html = client.get(f"{RIGHTS}/applyRouter.htm?bizId={ORDER}").data.decode()
    assert "投诉卖家" in html and ORDER in html and "示例数码专营店" in html
    config = _form_config(html)
    assert config["kind"] == "complaint" and config["orderId"] == ORDER
    assert [r["name"] for r in config["reasons"]] == COMPLAINT_REASONS
    late = next(r for r in config["reasons"] if r["name"] == "未按约定时间发货")
    assert late["code"] == "11" and [(x["code"], x["name"]) for x in late["subs"]] == [
        ("111", "未按约定时间发货"),
        ("112", "缺货"),
    ]
    assert all(r["subs"] for r in config["reasons"])
    assert [t["subOrderId"] for t in config["targets"]] == [ORDER]
    assert "*" in config["phone"] and config["uploadLimit"] == 9 and config["descMax"] == 1000
    assert '<script src="//g.alicdn.com/tousu-mock/forms/complaint.js"></script>' in html
    assert COMPLAINT_REASONS[6] == "收到商品少件/错发"


def test_complaint_on_a_multi_item_order_records_the_chosen_items(client):
    multi = "3100000000000009010"
    config = _form_config(client.get(f"{RIGHTS}/applyRouter.htm?bizId={multi}").data.decode())
    assert [(t["subOrderId"], t["quantity"]) for t in config["targets"]][:2] == [
        ("3100000000000009011", 1),
        ("3100000000000009012", 2),
    ]
    form = {
        "bizId": multi,
        "complaintReason": "收到商品少件/错发",
        "subReason": "少件/漏发",
        "content": "少发了一个。",
        "complaintTargets": '[{"subOrderId": "3100000000000009012", "quantity": 1}]',
    }
    too_many = dict(form, complaintTargets='[{"subOrderId": "3100000000000009012", "quantity": 3}]')
    assert "投诉商品或数量不正确" in client.post(f"{RIGHTS}/applySubmit.htm", data=too_many).data.decode()
    wrong_sub = dict(form, subReason="缺货")
    assert "请选择具体原因" in client.post(f"{RIGHTS}/applySubmit.htm", data=wrong_sub).data.decode()
    assert client.post(f"{RIGHTS}/applySubmit.htm", data=form).status_code == 303
    (case,) = client.get("/_admin/cases?kind=complaint").json["cases"]
    assert case["sub_order_id"] == "3100000000000009012" and case["amount"] == "99.00"
    assert case["sub_reason"] == "少件/漏发"
    assert [(i["subOrderId"], i["quantity"]) for i in case["items"]] == [("3100000000000009012", 1)]


def test_unknown_order_shows_the_error_page(client):
    html = client.get(f"{RIGHTS}/applyRouter.htm?bizId=3100000000000009999").data.decode()
    assert "订单不存在" in html and "__tousuFormConfig" not in html


def test_complaint_needs_reason_and_description(client):
    response = client.post(
        f"{RIGHTS}/applySubmit.htm?bizId={ORDER}", data={"bizId": ORDER, "complaintReason": "", "content": ""}
    )
    html = response.data.decode()
    assert response.status_code == 200
    assert "请选择投诉原因" in html and "请填写问题描述" in html
    assert client.get("/_admin/submissions").json["submissions"] == []


def test_complaint_is_recorded_and_listed(client):
    response = client.post(
        f"{RIGHTS}/applySubmit.htm?bizId={ORDER}",
        data={
            "bizId": ORDER,
            "complaintReason": "商品质量问题",
            "content": "左耳无声，重新配对无效。",
            "appeal": "退货退款",
            "proofDesc": "1. 商品照片\n2. 聊天记录截图",
            "contactPhone": "13000000000",
            "proofFiles": [(io.BytesIO(b"fake"), "left.jpg"), (io.BytesIO(b"fake"), "chat.png")],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    done = client.get(f"{RIGHTS}/{response.headers['Location']}").data.decode()
    assert "投诉已提交" in done and "等待卖家处理" in done
    (sub,) = client.get("/_admin/submissions").json["submissions"]
    assert sub["kind"] == "complaint" and sub["case_id"].startswith("TS")
    assert sub["form"]["complaintReason"] == "商品质量问题"
    assert sub["form"]["appeal"] == "退货退款"
    assert sub["files"] == ["left.jpg", "chat.png"]
    assert sub["url"].startswith("https://rights.taobao.com/complaint/applySubmit.htm")
    listing = client.get(f"{RIGHTS}/buyerList.htm").data.decode()
    row = re.search(rf'data-complaint-id="{sub["case_id"]}".*?</tr>', listing, re.S).group(0)
    assert f"bizOrderId={ORDER}" in row
    assert '<span class="rights-wait">等待卖家处理</span>' in row
    assert re.search(r'<span class="time">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d</span>', row)


def test_refund_entries_lead_to_the_form(client):
    response = client.get(f"{REFUND}/applyRouter.htm?bizOrderId={ORDER}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"apply.htm?bizOrderId={ORDER}&type=1"
    after = client.get(f"{REFUND}/taobaoAfterDisputeRedirect.htm?tradeId=3100000000000002002")
    assert after.headers["Location"] == "apply.htm?bizOrderId=3100000000000002002&type=2"
    html = client.get(f"{REFUND}/apply.htm?bizOrderId={ORDER}&type=1").data.decode()
    # The form is a React app (static/forms/after_sales.js) fed by this config.
    config = _form_config(html)
    assert config["subOrderId"] == ORDER and config["type"] == "1"
    assert [t["name"] for t in config["types"]] == REFUND_TYPES
    assert set(config["reasons"]) == set(REFUND_TYPES)
    only_refund = config["reasons"]["仅退款"]
    assert [o["name"] for o in only_refund] == REFUND_REASONS
    assert only_refund[0]["disabled"] is True and only_refund[1]["desc"]
    assert config["maxAmount"] == "199.00"
    assert config["submitUrl"] == f"applySubmit.htm?bizOrderId={ORDER}"
    assert '<div id="App"' in html and "<select" not in html
    for script in ("vendor/react.js", "vendor/react-dom.js", "forms/after_sales.js"):
        assert f'<script src="//g.alicdn.com/tousu-mock/{script}"></script>' in html
    # Browsed directly (the index sets tousu_direct), the scripts come from the mock's own path.
    client.set_cookie("tousu_direct", "1", domain="localhost")
    direct = client.get(f"{REFUND}/apply.htm?bizOrderId={ORDER}&type=1").data.decode()
    assert '<script src="/g.alicdn.com/tousu-mock/forms/after_sales.js"></script>' in direct


def _form_config(html: str) -> dict:
    match = re.search(r"window\.__tousuFormConfig = (\{.*?\});</script>", html)
    assert match, "no form config in the page"
    return json.loads(match.group(1))


def test_form_scripts_and_react_are_served(client):
    react = client.get("/g.alicdn.com/tousu-mock/vendor/react.js")
    assert react.status_code == 200 and react.mimetype == "text/javascript"
    assert b"createElement" in react.data
    assert client.get("/g.alicdn.com/tousu-mock/vendor/react-dom.js").status_code == 200
    for name, marker in (
        ("skins.js", b"__tousuSkins"),
        ("common.js", b"__tousuMockForm"),
        ("after_sales.js", b"LaterFields"),
    ):
        script = client.get(f"/g.alicdn.com/tousu-mock/forms/{name}")
        assert script.status_code == 200 and marker in script.data
    assert client.get("/g.alicdn.com/tousu-mock/vendor/jquery.js").status_code == 404
    assert client.get("/g.alicdn.com/tousu-mock/forms/..%2Fmock.css").status_code == 404


def test_missing_react_names_the_npm_command(client, monkeypatch, tmp_path):
    monkeypatch.setattr(assets, "NODE_MODULES", tmp_path)
    script = client.get("/g.alicdn.com/tousu-mock/vendor/react.js")
    assert script.status_code == 503 and b"npm ci" in script.data
    html = client.get(f"{REFUND}/apply.htm?bizOrderId={ORDER}&type=1").data.decode()
    assert 'id="J_ReactMissing"' in html and "npm ci" in html and "tousu-testing/" in html


def test_refund_closed_order_is_refused(client):
    html = client.get(f"{REFUND}/apply.htm?bizOrderId=3100000000000002003").data.decode()
    assert "交易已关闭" in html and "<form" not in html


def test_refund_is_validated_recorded_and_listed(client):
    bad = client.post(
        f"{REFUND}/applySubmit.htm?bizOrderId={ORDER}",
        data={"bizOrderId": ORDER, "refundType": "退货退款", "reason": "质量问题", "refundFee": "500"},
    )
    assert "退款金额应大于0且不超过199.00元" in bad.data.decode()
    response = client.post(
        f"{REFUND}/applySubmit.htm?bizOrderId={ORDER}",
        data={
            "bizOrderId": ORDER,
            "type": "1",
            "refundType": "退货退款",
            "reason": "质量问题",
            "refundFee": "199.00",
            "desc": "左耳无声",
        },
    )
    assert response.status_code == 303
    detail = client.get(f"{REFUND}/{response.headers['Location']}").data.decode()
    assert "退款申请已提交" in detail and "等待卖家处理" in detail
    (sub,) = client.get("/_admin/submissions?kind=refund").json["submissions"]
    listing = client.get(f"{REFUND}/buyerDisputeList.htm").data.decode()
    for column in (
        "订单号",
        "退款编号",
        "店铺名称",
        "商品名称",
        "退款金额",
        "申请时间",
        "服务类型",
        "退款状态",
    ):
        assert f"<th>{column}</th>" in listing
    row = re.search(rf'<td class="refund-id">{sub["case_id"]}</td>.*?</tr>', listing, re.S)
    assert row and "等待卖家处理" in row.group(0) and "￥199.00" in row.group(0)
    # The scenario's own finished refund is listed too.
    assert "200000000000002003" in listing and "退款成功" in listing


APPLY = f"{REFUND}/apply.htm?bizOrderId={ORDER}&type=1"


def test_skin_and_form_faults_reach_the_form_config(client):
    assert _form_config(client.get(APPLY).data.decode())["skin"] == "kit"
    config = _form_config(
        client.get(f"{APPLY}&tousu_skin=antd&tousu_form=storm&tousu_late=900").data.decode()
    )
    assert config["skin"] == "antd" and config["storm"] > 0 and config["late"] == 900
    client.set_cookie("tousu_faults", "skin=fusion", domain="localhost")
    assert _form_config(client.get(APPLY).data.decode())["skin"] == "fusion"
    bad = client.get(f"{APPLY}&tousu_skin=bootstrap")
    assert bad.status_code == 400 and "kit" in bad.data.decode()


def test_challenge_fault_shows_a_verification_page_instead_of_the_form(client):
    html = client.get(f"{APPLY}&tousu_form=challenge").data.decode()
    assert "安全验证" in html and 'id="nc_1_wrapper"' in html and "__tousuFormConfig" not in html


def test_other_order_fault_serves_a_form_for_a_different_sub_order(client):
    config = _form_config(client.get(f"{APPLY}&tousu_form=other").data.decode())
    assert config["subOrderId"] != ORDER and config["submitUrl"].endswith(config["subOrderId"])


def test_iframe_fault_puts_the_form_in_a_same_origin_frame(client):
    html = client.get(f"{APPLY}&tousu_form=iframe&tousu_skin=fusion").data.decode()
    assert "__tousuFormConfig" not in html
    src = re.search(r'<iframe id="J_FormFrame"[^>]* src="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert src.startswith("https://refund2.taobao.com/dispute/apply.htm?") and "framed=1" in src
    inner = client.get("/refund2.taobao.com" + src.removeprefix("https://refund2.taobao.com")).data.decode()
    assert _form_config(inner)["skin"] == "fusion"


def _refund_case(client) -> str:
    response = client.post(
        f"{REFUND}/applySubmit.htm?bizOrderId={ORDER}",
        data={
            "bizOrderId": ORDER,
            "type": "1",
            "refundType": "退货退款",
            "reason": "质量问题",
            "refundFee": "199.00",
        },
    )
    return response.headers["Location"].split("disputeId=")[1]


def test_intervention_is_reached_from_the_refund_detail_and_moves_the_case(client):
    dispute = _refund_case(client)
    detail = client.get(f"{REFUND}/detail.htm?disputeId={dispute}").data.decode()
    link = f"/dispute/applyIntervention.htm?disputeId={dispute}"
    assert f'href="{link}">申请淘宝介入</a>' in detail
    config = _form_config(client.get(f"/refund2.taobao.com{link}").data.decode())
    assert config["kind"] == "intervention" and config["disputeId"] == dispute
    assert "卖家拒绝退款" in [r["name"] for r in config["reasons"]]
    submit = f"{REFUND}/applyInterventionSubmit.htm?disputeId={dispute}"
    assert "请选择介入原因" in client.post(submit, data={"reason": "卖家拒绝退款"}).data.decode()
    done = client.post(
        submit, data={"disputeId": dispute, "reason": "卖家拒绝退款", "memo": "卖家拒绝退货。"}
    )
    assert done.status_code == 303
    case = next(c for c in client.get("/_admin/cases?kind=refund").json["cases"] if c["case_id"] == dispute)
    assert case["status_text"] == "淘宝介入处理中"
    (sub,) = client.get("/_admin/submissions?kind=intervention").json["submissions"]
    assert sub["form"]["memo"] == "卖家拒绝退货。" and sub["case_id"] == dispute
    # Escalated once: the link and the form are gone.
    assert "申请淘宝介入" not in client.get(f"{REFUND}/detail.htm?disputeId={dispute}").data.decode()
    assert "不能申请淘宝介入" in client.get(f"/refund2.taobao.com{link}").data.decode()
