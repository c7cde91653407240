"""Issue 12: the fill operates widgets. With the real extension and the real helper, the mock
shop's React forms (after-sales, complaint, 申请淘宝介入) in each skin (the refund kit,
Fusion-like, antd-like, and a variant whose classes match none of them) are filled for the
chosen item of a multi-item order. Values are asserted in the form's own component state (what
it would submit); the shopper's files arrive in the uploader in the checklist's order within
its limit; the form's own submit handler never runs; the popup's per-field report says what was
filled and verified and what was left, with the reason. The form faults (re-render storm, late
loading, a verification page, another order's form, the form in an iframe) are driven the
same way."""

from __future__ import annotations

import hashlib
import struct
import time
import zlib

import pytest
from playwright.sync_api import Page, expect

from tousu_testing.popup import analyze, message, pick_order, popup_on_toolbar

SKINS = ("kit", "fusion", "antd", "variant")
SCENARIO = "wrong_or_missing_item"
ORDER_ID = "3100000000000009010"
PURIFIER = "3100000000000009011"
FILTERS = "3100000000000009012"
FILTERS_TITLE = "示例净水器替换滤芯 PP棉 一盒"
STORY = "一个订单买了净水器和两盒滤芯，收到后只有一盒滤芯，少了一盒。要求补寄。"
# The mock forms' limits (docs/mockshop.md): description length and uploader count.
AFTER_SALES_DESC_MAX, COMPLAINT_DESC_MAX, INTERVENTION_DESC_MAX = 500, 1000, 500
VERIFIED = message("fillStatusVerified")
LEFT = message("fillStatusLeft")

# What the side panel does on a form the shopper opened themselves: the service worker's
# form/fill for that tab, with the case and advice the popup saved.
FILL_IN_TAB = """async ({ tabId, form, fill, items }) => {
  const all = await chrome.storage.session.get(null);
  const state = Object.values(all).find((s) => s && s.advice && s.caseId);
  const advice = state.advice;
  const saved = await chrome.runtime.sendMessage({ type: 'case/get', caseId: state.caseId });
  const body = {
    type: advice.types[0].code, remedy: advice.remedies[0]?.code ?? null,
    evidence: advice.evidence.map((e) => e.name), evidence_codes: advice.evidence.map((e) => e.code),
    description: fill.description,
  };
  const reply = await chrome.runtime.sendMessage({
    type: 'form/fill', tabId, form, caseId: state.caseId, order: saved.data.order,
    affectedItems: items, fill: body,
  });
  const stored = await chrome.runtime.sendMessage({ type: 'fill/result', tabId });
  return { reply, stored };
}"""

# The shopper filed a refund for the filters earlier (the form posted as the shop's own page
# would): its detail page offers 申请淘宝介入. Returns the intervention form's URL.
FILED_REFUND = """async (sub) => {
  const body = new FormData();
  for (const [k, v] of Object.entries({ bizOrderId: sub, type: '1', refundType: '补寄',
    reason: '少件/漏发', refundFee: '99.00', desc: '少了一盒。' })) body.append(k, v);
  const reply = await fetch(`https://refund2.taobao.com/dispute/applySubmit.htm?bizOrderId=${sub}`,
    { method: 'POST', body });
  const page = new DOMParser().parseFromString(await reply.text(), 'text/html');
  return page.querySelector('#J_ApplyIntervention').href;
}"""


def png(seed: int) -> bytes:
    """A tiny valid PNG, different per seed (invented content)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes([seed * 40 % 256, 90, 200 - seed]) * 4 for _ in range(4))
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def api(tousu_helper, method, path):
    token = getattr(tousu_helper, "_test_token", None) or tousu_helper.pair()
    tousu_helper._test_token = token
    status, _, data = tousu_helper.request(method, f"/api/v1{path}", None, {"X-Tousu-Token": token})
    assert status < 300, data
    return data


def use_faults(tousu, **faults: str) -> None:
    """The mock shop's fault cookie (skin=…, form=…, late=…) for every later page."""
    value = "&".join(f"{k}={v}" for k, v in faults.items())
    cookie = {"name": "tousu_faults", "value": value, "domain": ".taobao.com", "path": "/"}
    tousu.context.add_cookies([cookie])


def state(form) -> dict:
    form.wait_for_function("window.__tousuMockForm && !window.__tousuMockForm.state().adjusting")
    return form.evaluate("window.__tousuMockForm.state()")


def names(files: list[dict]) -> list[str]:
    return [f["name"] for f in files]


def never_submitted(form) -> None:
    assert form.evaluate("window.__tousuMockForm.submitted") is False


def fill_report(popup: Page) -> dict[str, str]:
    # (fill() waited for the result line: the rows are rendered with it.)
    assert popup.locator("#fill-fields li").count(), popup.locator("#fill-result").inner_text()
    rows = popup.locator("#fill-fields li").all_inner_texts()
    return dict(row.split("：", 1) for row in rows)


def left_because(report: dict[str, str], label: str, reason: str) -> bool:
    return report.get(label) == f"{LEFT}（{message('fillReason_' + reason)}）"


def start(tousu, tmp_path, capture: bool = True) -> tuple[Page, list]:
    """The shopper's way to 预填: the order, the words, the chosen item (the filters, two of
    them), 截图存证 and their own photos."""
    shop = tousu.open_scenario_list(SCENARIO)
    popup = tousu.open_popup(shop)
    pick_order(popup, ORDER_ID)
    analyze(popup, STORY)
    items = popup.locator("#fill-items")
    expect(items).to_be_visible()
    items.get_by_label("示例厨下净水器 RO反渗透 600G", exact=True).uncheck()
    items.get_by_label("示例净水器替换滤芯 PP棉 一盒", exact=True).check()
    items.get_by_label("示例净水器替换滤芯 PP棉 一盒 的数量").fill("2")
    if capture:
        # (Headless Chromium shows no side panel: the toolbar button opens the popup, as in a
        # browser without side panels, and the click grants activeTab for the capture.)
        popup_on_toolbar(tousu)
        tousu.click_toolbar_button(shop)
        popup.bring_to_front()
        popup.get_by_role("button", name="截图存证").click()
        expect(popup.locator("#case-status")).to_contain_text("已截图存证「订单详情截图」", timeout=15000)
    # The shopper's photos are saved after the capture but prove an item the checklist names
    # first: the uploader gets them first.
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


def fill(tousu, popup: Page, button: str, expect_text: str = "已在新标签页预填") -> Page:
    started = time.monotonic()
    popup.locator("#fill-fields").evaluate("(el) => { el.replaceChildren(); el.hidden = true; }")
    popup.locator("#fill-result").evaluate("(el) => { el.textContent = ''; }")
    with tousu.context.expect_page(timeout=20000) as opened:
        popup.get_by_role("button", name=button).click()
    form = opened.value
    expect(popup.locator("#fill-result")).to_contain_text(expect_text, timeout=60000)
    print(f"\n{button}: {time.monotonic() - started:.1f} s from click to report")
    return form


# The fields a shopper fills on each mock form (the masked phone is shown, not filled).
FIELDS = {
    "after_sales": ("服务类型", "退款原因", "退款金额", "补充描述", "上传凭证"),
    "complaint": ("投诉原因", "具体原因", "投诉商品", f"{FILTERS_TITLE} 数量", "问题描述", "上传凭证"),
    "intervention": ("介入原因", "问题说明", "上传凭证"),
}


def tally(skin: str, form: str, report: dict[str, str]) -> None:
    """Every field of the form is in the report, and the figure docs/filling.md tabulates:
    fields filled and verified / fields on the form."""
    fields = FIELDS[form]
    assert set(fields) <= set(report), (form, report)
    verified = sum(1 for f in fields if report[f] == VERIFIED)
    print(f"\nFILLED {form:<12} {skin:<8} {verified}/{len(fields)} verified  {report}")


@pytest.mark.parametrize("skin", SKINS)
def test_every_form_in_every_skin(tousu, tousu_helper, tousu_mock_shop, skin, tmp_path):
    popup, paths = start(tousu, tmp_path)
    use_faults(tousu, skin=skin)
    [summary] = api(tousu_helper, "GET", "/cases")["cases"]
    evidence = api(tousu_helper, "GET", f"/cases/{summary['id']}/evidence")["evidence"]
    [capture] = [e for e in evidence if e["code"] == "order_detail"]
    checklist = [p.name for p in paths] + [capture["file_name"]]
    draft = popup.locator("#draft").input_value()

    # After-sales opens for the chosen sub-order only and is filled through the cascade.
    form = fill(tousu, popup, "预填售后申请")
    report = fill_report(popup)
    assert f"bizOrderId={FILTERS}" in form.url
    got = state(form)
    assert got["bizOrderId"] == FILTERS and got["refundType"] == "补寄", (skin, got, report)
    if skin == "variant":
        # Chips with no semantics at all: left to the shopper, and the popup says so.
        assert got["reason"] == "" and left_because(report, "退款原因", "unknown_widget"), report
    else:
        assert got["reason"] == "少件/漏发" and report["退款原因"] == VERIFIED, (skin, got, report)
    assert got["desc"] == draft[:AFTER_SALES_DESC_MAX]
    assert names(got["files"]) == checklist, (skin, got, report)  # the kit's limit is 3
    assert report["服务类型"] == report["补充描述"] == report["上传凭证"] == VERIFIED, report
    assert left_because(report, "退款金额", "shopper_only"), report
    assert got["refundFee"] == "198.00"  # the page's own maximum, untouched
    never_submitted(form)
    tally(skin, "after_sales", report)
    form.close()

    # The complaint carries the chosen item and its quantity, not the whole order.
    form = fill(tousu, popup, "预填投诉单")
    report = fill_report(popup)
    got = state(form)
    assert got["reason"] == "收到商品少件/错发" and report["投诉原因"] == VERIFIED, (skin, got, report)
    targets = [(t["subOrderId"], t["quantity"]) for t in got["complaintTargets"]]
    assert targets == [(FILTERS, 2)], (skin, got, report)
    assert got["proofTask"]["memo"] == draft[:COMPLAINT_DESC_MAX]
    assert names(got["proofTask"]["voucherList"]) == checklist, (skin, got)
    assert left_because(report, "具体原因", "no_value"), str(report)
    assert got["contact"]["phoneNumber"].count("*") == 4  # the masked phone is not Tousu's to touch
    never_submitted(form)
    tally(skin, "complaint", report)
    form.close()

    # 申请淘宝介入 is filled where the shopper opened it (from the refund's detail page).
    shop_tab = tousu.open_shop_page("https://refund2.taobao.com/dispute/buyerDisputeList.htm")
    intervene = tousu.open_shop_page(shop_tab.evaluate(FILED_REFUND, FILTERS))
    expect(intervene.locator("#interventionRoot_1")).to_be_visible()
    wanted = {"description": "卖家拒绝补寄，申请淘宝介入。"}
    items = [{"sub_order_id": FILTERS, "quantity": 2}]
    result = popup.evaluate(
        FILL_IN_TAB,
        {"tabId": tousu.tab_id(intervene), "form": "intervention", "fill": wanted, "items": items},
    )
    assert result["reply"]["ok"], result
    assert result["stored"]["data"]["fields"] == result["reply"]["data"]["fields"]
    got = state(intervene)
    # No 介入原因 matches the type's refund reason: the plan takes 其他, as a person would.
    assert got["reason"] == "其他" and got["memo"] == wanted["description"], (skin, got)
    assert names(got["files"]) == checklist, got
    statuses = {f["label"]: f["status"] for f in result["reply"]["data"]["fields"]}
    assert set(statuses.values()) == {"filled_verified"}, statuses
    never_submitted(intervene)
    tally(skin, "intervention", {k: VERIFIED if v == "filled_verified" else v for k, v in statuses.items()})

    # The case records which files went to which form, with their SHA-256.
    case = api(tousu_helper, "GET", f"/cases/{summary['id']}")
    attached = [e["detail"] for e in case["events"] if e["type"] == "evidence_attached"]
    assert [a["form"] for a in attached] == ["after_sales", "complaint", "intervention"]
    hashes = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] + [capture["sha256"]]
    assert all([f["sha256"] for f in a["files"]] == hashes for a in attached), attached
    assert [f["code"] for f in attached[1]["files"]] == ["received_photos"] * 2 + ["order_detail"]


def test_storm_and_late_loading_values_survive(tousu, tousu_helper, tousu_mock_shop, tmp_path):
    """The form appears 2 s late and then re-renders every 120 ms: what the fill wrote is in the
    component's state, so it survives every render."""
    popup, paths = start(tousu, tmp_path, capture=False)
    use_faults(tousu, skin="antd", form="storm", late="2000")
    draft = popup.locator("#draft").input_value()
    form = fill(tousu, popup, "预填售后申请")
    report = fill_report(popup)
    first = state(form)
    renders = form.evaluate("window.__tousuMockForm.renders")
    form.wait_for_function(f"window.__tousuMockForm.renders > {renders + 5}")
    again = state(form)
    assert again == first, (first, again)
    assert first["refundType"] == "补寄" and first["reason"] == "少件/漏发", (first, report)
    assert first["desc"] == draft[:AFTER_SALES_DESC_MAX] and names(first["files"]) == [p.name for p in paths]
    assert report["服务类型"] == report["退款原因"] == report["补充描述"] == VERIFIED, report
    never_submitted(form)


def test_a_verification_page_is_reported_and_touched_not(tousu, tousu_helper, tousu_mock_shop, tmp_path):
    popup, _ = start(tousu, tmp_path, capture=False)
    use_faults(tousu, form="challenge")
    page = fill(tousu, popup, "预填售后申请", expect_text=message("fillError_verification")[:12])
    assert page.evaluate("window.__tousuMockForm") is None
    assert page.locator("[data-tousu-filled]").count() == 0
    assert page.evaluate("[...document.querySelectorAll('input')].every((i) => i.value === i.defaultValue)")


def test_another_orders_form_is_refused(tousu, tousu_helper, tousu_mock_shop, tmp_path):
    popup, _ = start(tousu, tmp_path, capture=False)
    use_faults(tousu, skin="fusion", form="other")
    form = fill(tousu, popup, "预填售后申请", expect_text=message("fillError_wrong_order")[:12])
    got = state(form)
    assert got["bizOrderId"] not in (FILTERS, PURIFIER), got
    assert (got["refundType"], got["reason"], got["desc"], got["files"]) == ("", "", "", [])
    assert form.locator("[data-tousu-filled]").count() == 0
    never_submitted(form)


def test_a_form_inside_an_iframe_is_filled_in_its_frame(tousu, tousu_helper, tousu_mock_shop, tmp_path):
    popup, paths = start(tousu, tmp_path, capture=False)
    use_faults(tousu, skin="kit", form="iframe")
    draft = popup.locator("#draft").input_value()
    shell = fill(tousu, popup, "预填投诉单")
    report = fill_report(popup)
    inner = shell.frame_locator("#J_FormFrame").locator("#complaintRoot_1")
    expect(inner).to_be_visible()
    frame = next(f for f in shell.frames if f.parent_frame is not None)
    got = state(frame)
    assert got["reason"] == "收到商品少件/错发", (got, report)
    assert [(t["subOrderId"], t["quantity"]) for t in got["complaintTargets"]] == [(FILTERS, 2)]
    assert got["proofTask"]["memo"] == draft[:COMPLAINT_DESC_MAX]
    assert names(got["proofTask"]["voucherList"]) == [p.name for p in paths]
    assert report["投诉原因"] == report["问题描述"] == report["上传凭证"] == VERIFIED, report
    assert shell.evaluate("window.__tousuMockForm") is None  # the shell itself has no form
    never_submitted(frame)


def test_an_upload_the_page_has_not_confirmed_is_reported_so(tousu, tousu_helper, tousu_mock_shop, tmp_path):
    """The uploader's server answers after 10 s, longer than the fill waits for a thumbnail:
    the files were handed over but not seen arriving, and the popup says so (not 'verified')."""
    popup, paths = start(tousu, tmp_path, capture=False)
    use_faults(tousu, skin="kit", form="slowupload")
    form = fill(tousu, popup, "预填售后申请")
    report = fill_report(popup)
    unconfirmed = f"{message('fillStatusUnconfirmed')}（{message('fillReason_not_verified')}）"
    assert report["上传凭证"] == unconfirmed, report
    assert report["服务类型"] == report["补充描述"] == VERIFIED, report
    # The page did take them in the end, in order, one at a time.
    form.wait_for_function("window.__tousuMockForm.state().files.length === 2", timeout=30000)
    assert names(state(form)["files"]) == [p.name for p in paths]
    never_submitted(form)
