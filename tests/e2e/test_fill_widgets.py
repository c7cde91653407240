"""Issue 12: the fill operates widgets. With the real extension and the real helper, each form
(after-sales, complaint, 申请淘宝介入) in each skin (the refund kit, Fusion-like, antd-like, and
a variant whose classes match none of them) is filled for the chosen item of a multi-item
order; the values are asserted in the form's own state, the shopper's files arrive in the
uploader in the checklist's order within its limit, and the form's submit never runs."""

from __future__ import annotations

import hashlib
import re
import time

import pytest
from playwright.sync_api import Page, expect

from tousu_testing.popup import analyze, pick_order, popup_on_toolbar

from .widget_forms import SKINS, png, route_forms

SCENARIO = "wrong_or_missing_item"
ORDER_ID = "3100000000000009010"
PURIFIER = "3100000000000009011"
FILTERS = "3100000000000009012"
ITEMS = [
    {"sub_order_id": PURIFIER, "title": "示例厨下净水器 RO反渗透 600G", "quantity": 1},
    {"sub_order_id": FILTERS, "title": "示例净水器替换滤芯 PP棉 一盒", "quantity": 2},
]
STORY = "一个订单买了净水器和两盒滤芯，收到后只有一盒滤芯，少了一盒。要求补寄。"


# What the side panel does on a form the shopper opened: the service worker's form/fill for a
# tab, with the case and advice the popup saved.
FILL_IN_TAB = """async ({ tabId, form, fill, items }) => {
  const all = await chrome.storage.session.get(null);
  const state = Object.values(all).find((s) => s && s.advice && s.caseId);
  const advice = state.advice;
  const saved = await chrome.runtime.sendMessage({ type: 'case/get', caseId: state.caseId });
  const base = {
    type: advice.types[0].code, remedy: advice.remedies[0]?.code ?? null,
    evidence: advice.evidence.map((e) => e.name), evidence_codes: advice.evidence.map((e) => e.code),
  };
  const body = fill.from_advice ? { ...base, description: fill.description } : fill;
  const reply = await chrome.runtime.sendMessage({
    type: 'form/fill', tabId, form, caseId: state.caseId, order: saved.data.order,
    affectedItems: items, fill: body,
  });
  const stored = await chrome.runtime.sendMessage({ type: 'fill/result', tabId });
  return { reply, stored };
}"""


def api(tousu_helper, method, path):
    token = getattr(tousu_helper, "_test_token", None) or tousu_helper.pair()
    tousu_helper._test_token = token
    status, _, data = tousu_helper.request(method, f"/api/v1{path}", None, {"X-Tousu-Token": token})
    assert status < 300, data
    return data


def form_state(form: Page) -> dict:
    return form.evaluate("window.__tousuMockForm.state()")


def never_submitted(form: Page) -> None:
    assert form.evaluate("[window.__tousuMockForm.submitted, window.__tousuMockForm.submitCount]") == [
        False,
        0,
    ]


def fill_report(popup: Page) -> dict[str, str]:
    expect(popup.locator("#fill-fields li").first).to_be_visible(timeout=30000)
    rows = popup.locator("#fill-fields li").all_inner_texts()
    return dict(row.split("：", 1) for row in rows)


def start(tousu, skin: str, tmp_path, routed: bool = True) -> tuple[Page, list]:
    if routed:
        route_forms(tousu.context, skin, ITEMS)
    shop = tousu.open_scenario_list(SCENARIO)
    popup = tousu.open_popup(shop)
    pick_order(popup, ORDER_ID)
    analyze(popup, STORY)
    # The problem concerns the filters only, two of them.
    items = popup.locator("#fill-items")
    expect(items).to_be_visible()
    items.get_by_label("示例厨下净水器 RO反渗透 600G", exact=True).uncheck()
    items.get_by_label("示例净水器替换滤芯 PP棉 一盒", exact=True).check()
    items.get_by_label("示例净水器替换滤芯 PP棉 一盒 的数量").fill("2")
    # 截图存证 first, then the shopper's own photos (filed with the case, kept for the uploader):
    # the uploader gets them in the checklist's order, not in the order they were saved.
    # (Headless Chromium shows no side panel: the toolbar button opens the popup, as it does in a
    # browser without side panels, so the click grants activeTab for the capture.)
    popup_on_toolbar(tousu)
    tousu.click_toolbar_button(shop)
    popup.bring_to_front()
    popup.get_by_role("button", name="截图存证").click()
    expect(popup.locator("#case-status")).to_contain_text("已截图存证「订单详情截图」", timeout=15000)
    popup.get_by_label("这些文件证明").select_option(label="收到的商品与面单照片")
    paths = []
    for i, name in enumerate(("开箱照片.png", "快递面单.png")):
        path = tmp_path / name
        path.write_bytes(png(i + 1))
        paths.append(path)
    # (Buffers, not paths: Chromium drops a path-based selection on an extension page here.)
    popup.locator("#fill-files").set_input_files(
        [{"name": p.name, "mimeType": "image/png", "buffer": p.read_bytes()} for p in paths]
    )
    expect(popup.locator("#case-status")).to_contain_text("已保存 2 个文件", timeout=15000)
    return popup, paths


def fill(tousu, popup: Page, button: str) -> tuple[Page, dict[str, str]]:
    started = time.monotonic()
    popup.locator("#fill-fields").evaluate("(el) => { el.replaceChildren(); el.hidden = true; }")
    with tousu.context.expect_page(timeout=20000) as opened:
        popup.get_by_role("button", name=button).click()
    form = opened.value
    expect(popup.locator("#fill-result")).to_contain_text("已在新标签页预填", timeout=60000)
    print(f"\n{button}: {time.monotonic() - started:.1f} s from click to report")
    return form, fill_report(popup)


@pytest.mark.parametrize("skin", SKINS)
def test_every_form_in_every_skin(tousu, tousu_helper, tousu_mock_shop, skin, tmp_path):
    popup, paths = start(tousu, skin, tmp_path)
    [summary] = api(tousu_helper, "GET", "/cases")["cases"]
    evidence = api(tousu_helper, "GET", f"/cases/{summary['id']}/evidence")["evidence"]
    [capture] = [e for e in evidence if e["code"] == "order_detail"]
    names = [p.name for p in paths] + [capture["file_name"]]
    draft = popup.locator("#draft").input_value()

    # After-sales opens for the chosen sub-order and fills it through the cascade.
    form, report = fill(tousu, popup, "预填售后申请")
    assert f"bizOrderId={FILTERS}" in form.url
    state = form_state(form)
    assert state["service"] == "补寄", (skin, state, report)
    if skin == "variant":
        # A picker with no semantics: left, and the popup says so.
        assert "reason" not in state
        assert report["退款原因"].startswith("请你自己填写（无法识别这个控件"), report
    else:
        assert state.get("reason") == "少件/漏发", (skin, state, report)
        assert report["退款原因"] == "已填写并核对", report
    assert state["description"] == draft[:200]
    assert state["files"] == names, (skin, state, report)
    assert report["服务类型"] == "已填写并核对"
    assert report["补充描述"] == "已填写并核对"
    assert report["联系电话"].startswith("请你自己填写")
    never_submitted(form)
    form.close()

    # The complaint carries the chosen item and its quantity.
    form, report = fill(tousu, popup, "预填投诉单")
    state = form_state(form)
    assert state["reason"] == "收到商品少件/错发", (skin, state, report)
    assert state["items"] == {FILTERS: 2}, (skin, state, report)
    assert state["description"] == draft[:500]
    assert state["files"] == names
    assert "sub_reason" not in state and report["具体原因"].startswith("请你自己填写")
    never_submitted(form)
    form.close()

    # 申请淘宝介入 is filled where the shopper opened it (from the refund's detail page).
    shop_tab = tousu.tab_id(popup)  # noqa: F841 - the popup page must stay open
    intervene = tousu.open_shop_page(
        f"https://refund2.taobao.com/dispute/applyIntervene.htm?bizOrderId={FILTERS}"
    )
    expect(intervene.locator("#form-root form")).to_be_visible()
    tab_id = tousu.tab_id(intervene)
    wanted = {"description": "卖家拒绝补寄，申请淘宝介入。", "from_advice": True}
    items = [{"sub_order_id": FILTERS, "quantity": 2}]
    result = popup.evaluate(
        FILL_IN_TAB, {"tabId": tab_id, "form": "intervention", "fill": wanted, "items": items}
    )
    assert result["reply"]["ok"], result
    assert result["stored"]["data"]["fields"] == result["reply"]["data"]["fields"]
    state = form_state(intervene)
    assert state["reason"] == "其他" and state["description"] == "卖家拒绝补寄，申请淘宝介入。", state
    assert state["files"] == names[:1], state  # the uploader takes one file
    never_submitted(intervene)

    # The case records which files went to which form, with their SHA-256.
    case = api(tousu_helper, "GET", f"/cases/{summary['id']}")
    attached = [e["detail"] for e in case["events"] if e["type"] == "evidence_attached"]
    assert [a["form"] for a in attached] == ["after_sales", "complaint", "intervention"]
    hashes = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] + [capture["sha256"]]
    assert [f["sha256"] for f in attached[0]["files"]] == hashes
    assert [f["code"] for f in attached[1]["files"]] == ["received_photos"] * 2 + ["order_detail"]
    assert [f["status"] for f in attached[2]["files"]] == ["filled_verified"]
    left = result["reply"]["data"]["left"]
    assert {"label": names[1], "reason": "limit_reached"} in left and {
        "label": names[2],
        "reason": "limit_reached",
    } in left
    print(f"\n[{skin}] verified:", {d["form"]: d["verified"] for d in _prefilled(case)})


def _prefilled(case: dict) -> list[dict]:
    return [e["detail"] for e in case["events"] if e["type"] == "form_prefilled"]


def test_fill_result_is_per_tab_and_never_for_another_order(tousu, tousu_helper, tousu_mock_shop, tmp_path):
    popup, _ = start(tousu, "ultron", tmp_path)
    other = tousu.open_shop_page(
        "https://refund2.taobao.com/dispute/apply.htm?bizOrderId=3100000000000099999"
    )
    expect(other.locator("#form-root form")).to_be_visible()
    tab_id = tousu.tab_id(other)
    fill = {"type": "wrong_or_missing_item", "description": "少了一盒。"}
    result = popup.evaluate(FILL_IN_TAB, {"tabId": tab_id, "form": "after_sales", "fill": fill, "items": []})
    reply = result["reply"]
    assert reply["ok"] is False and reply["error"]["code"] == "wrong_order", reply
    assert form_state(other) == {"files": [], "items": {}}
    never_submitted(other)
    assert re.search(r"fill", popup.url) is None


def test_a_form_inside_an_iframe_is_filled_in_its_frame(tousu, tousu_helper, tousu_mock_shop, tmp_path):
    popup, paths = start(tousu, "fusion", tmp_path)
    framed = tousu.open_shop_page(f"https://refund2.taobao.com/dispute/applyFramed.htm?bizOrderId={FILTERS}")
    frame = framed.frame_locator("iframe")
    expect(frame.locator("#form-root form")).to_be_visible()
    wanted = {"description": "少了一盒滤芯。", "from_advice": True}
    items = [{"sub_order_id": FILTERS, "quantity": 1}]
    tab_id = tousu.tab_id(framed)
    result = popup.evaluate(
        FILL_IN_TAB, {"tabId": tab_id, "form": "after_sales", "fill": wanted, "items": items}
    )
    assert result["reply"]["ok"], result
    inner = framed.frames[1]
    state = inner.evaluate("window.__tousuMockForm.state()")
    assert state["description"] == "少了一盒滤芯。", state
    assert state["files"][:2] == [p.name for p in paths] and len(state["files"]) == 3, state
    assert inner.evaluate("window.__tousuMockForm.submitted") is False


@pytest.mark.parametrize("skin", ["kit", "fusion", "antd"])
def test_mock_shops_react_after_sales_form(tousu, tousu_helper, tousu_mock_shop, skin, tmp_path):
    """The mock shop's own React after-sales form (engineer fillforms), in each of its skins."""
    tousu.context.add_cookies(
        [{"name": "tousu_faults", "value": f"skin={skin}", "domain": ".taobao.com", "path": "/"}]
    )
    popup, paths = start(tousu, skin, tmp_path, routed=False)
    draft = popup.locator("#draft").input_value()
    form, report = fill(tousu, popup, "预填售后申请")
    state = form_state(form)
    print(f"\n[react {skin}]", report, {k: v for k, v in state.items() if k != "desc"})
    assert state["bizOrderId"] == FILTERS
    assert state["refundType"] and report["服务类型"] == "已填写并核对", (state, report)
    assert state["desc"] == draft[:500]
    assert [f["name"] for f in state["files"]][:2] == [p.name for p in paths], state
    assert form.evaluate("window.__tousuMockForm.submitted") is False
