"""Complaint and refund forms: redirects, labelled controls, validation, recording, the lists."""

from __future__ import annotations

import io
import json
import re

from tousu_testing.mockshop.pages import assets
from tousu_testing.mockshop.pages.forms import (
    COMPLAINT_DEMANDS,
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


def test_complaint_form_has_labelled_controls(client):
    html = client.get(f"{RIGHTS}/applyRouter.htm?bizId={ORDER}").data.decode()
    assert "投诉卖家" in html and ORDER in html and "示例数码专营店" in html
    labels = _labels(html)
    assert set(labels) == {"投诉原因", "问题描述", "你的诉求", "凭证说明", "上传凭证", "联系电话"}
    assert _options(html, labels["投诉原因"]) == ["请选择", *COMPLAINT_REASONS]
    assert _options(html, labels["你的诉求"]) == ["请选择", *COMPLAINT_DEMANDS]
    assert f'<textarea id="{labels["问题描述"]}"' in html and 'maxlength="1000"' in html
    assert re.search(rf'<input type="file" id="{labels["上传凭证"]}"[^>]* multiple', html)
    assert re.search(rf'<input type="text" id="{labels["联系电话"]}"', html)
    assert ">提交投诉</button>" in html
    assert COMPLAINT_REASONS[6] == "收到商品少件/错发"


def test_unknown_order_shows_the_error_page(client):
    html = client.get(f"{RIGHTS}/applyRouter.htm?bizId=3100000000000009999").data.decode()
    assert "订单不存在" in html and "<form" not in html


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
