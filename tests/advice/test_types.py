"""Per-type advice: data completeness, routes, evidence, drafts, warnings; and the earphones story."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tousu.advice import advise, lint, remedy_info, symptom_codes, type_info
from tousu.advice.rules import AFTER_SALES_REASONS, AFTER_SALES_REQUEST_TYPES, COMPLAINT_CATEGORIES
from tousu.models import TYPE_CODES, AdviceRequest

RULES = Path(__file__).resolve().parents[2] / "helper" / "tousu" / "advice" / "rules"

# A description per type that the ranking should put first, in an order state that fits it.
EXAMPLES = {
    "quality_defect": ("左耳没有声音，充电也充不进去", "completed_3d", None),
    "not_as_described": ("颜色和图片完全不一样，尺寸也小了一圈", "completed_3d", "针织开衫"),
    "false_advertising": ("宣传说续航40小时，实际只有8小时，虚假宣传", "completed_3d", None),
    "counterfeit": ("专柜鉴定是假货，防伪码查不到", "completed_3d", "耐克运动鞋"),
    "late_shipment": ("付款四天了还没发货", "unshipped_4d", None),
    "not_received": ("物流五天不动了，一直没收到", "shipped_transit", None),
    "wrong_or_missing_item": ("少发了一件，只收到一件", "shipped_signed_2d", "袜子"),
    "damaged_in_transit": ("快递箱子压扁了，杯子碎了", "shipped_signed_2d", "玻璃杯"),
    "after_sales_refused": ("退货寄回去一周了，卖家签收了就是不退款", "refunding_12d", None),
    "seven_day_return_refused": ("七天无理由退货被卖家拒绝", "refunding_3d", None),
    "broken_promise": ("好评返现20元，卖家不认了", "completed_3d", None),
    "price_dispute": ("拍下后卖家要我补50元差价才发货", "unshipped_1d", None),
    "harassment": ("给了差评后卖家天天打电话骚扰我", "completed_20d", None),
    "food_safety": ("坚果里吃出虫子，还有霉味", "food_completed_2d", None),
}
PHONE = re.compile(r"1[3-9]\d{9}")


def test_every_type_has_complete_data() -> None:
    assert set(EXAMPLES) == set(TYPE_CODES)
    for code in TYPE_CODES:
        info = type_info(code)
        assert info.name and re.search(r"[\u4e00-\u9fff]", info.name)
        assert info.complaint_category in COMPLAINT_CATEGORIES
        assert info.after_sales_request_type in (*AFTER_SALES_REQUEST_TYPES, None)
        assert info.after_sales_reason in (*AFTER_SALES_REASONS, None)
        assert any(e.required for e in info.evidence)
        assert info.remedies and info.clocks and info.steps
        assert info.confidence in ("High", "Med", "Low") and info.source and info.checked


def test_suggested_category_mapping() -> None:
    assert type_info("quality_defect").name == "商品质量问题"
    assert type_info("false_advertising").complaint_category == "描述不符"
    assert type_info("damaged_in_transit").complaint_category == "商品质量问题"
    for code in ("after_sales_refused", "seven_day_return_refused", "broken_promise"):
        assert type_info(code).complaint_category == "违背承诺"
    assert type_info("wrong_or_missing_item").complaint_category == "收到商品少件/错发"


def test_remedy_names_are_form_labels() -> None:
    labels = {
        "return_refund": "退货退款",
        "exchange": "换货",
        "repair": "维修",
        "resend": "补寄",
        "refund_only": "仅退款",
        "fraud_triple": "赔偿",
        "food_tenfold": "赔偿",
        "late_shipment_compensation": "赔偿",
    }
    for code, label in labels.items():
        assert remedy_info(code).name == label


def test_every_rule_file_entry_has_provenance() -> None:
    for name in ("types", "evidence", "remedies", "clocks", "routes", "settings"):
        data = tomllib.loads((RULES / f"{name}.toml").read_text(encoding="utf-8"))
        for key, entry in data.items():
            assert {"source", "confidence", "checked"} <= set(entry), (name, key)
    for name, table in (("signals", "warning"), ("lint", "rule")):
        data = tomllib.loads((RULES / f"{name}.toml").read_text(encoding="utf-8"))
        for entry in data[table]:
            assert {"source", "confidence", "checked"} <= set(entry), (name, entry)


def test_symptom_codes_are_data() -> None:
    symptoms = symptom_codes()
    assert {"no_power", "broken", "fake", "not_shipped", "harassed", "spoiled_food"} <= set(symptoms)


@pytest.mark.parametrize("code", TYPE_CODES)
def test_each_type_advice(code: str, make_request: Callable[..., AdviceRequest]) -> None:
    text, preset, item = EXAMPLES[code]
    advice = advise(make_request(text, preset, item))
    assert advice.types[0].code == code, [t.code for t in advice.types]
    assert advice.types[0].reasons
    assert [t.score for t in advice.types] == sorted((t.score for t in advice.types), reverse=True)
    info = type_info(code)
    assert advice.route.venue == info.first_step
    assert [s.code for s in advice.route.steps] == list(info.steps)
    assert advice.evidence and all(e.why and e.basis for e in advice.evidence)
    required = [e.required for e in advice.evidence]
    assert required == sorted(required, reverse=True)
    assert advice.remedies and all(r.basis and r.venue for r in advice.remedies)
    assert {c.code for c in advice.clocks} == set(info.clocks)
    draft = advice.draft.text
    assert "3912345678901234567" in draft and not PHONE.search(draft)
    assert not [f for f in lint(draft) if f.severity != "info"], draft


def test_pinned_type_wins(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("左耳没有声音", "completed_3d", type="broken_promise"))
    assert advice.types[0].code == "broken_promise"
    assert "quality_defect" in [t.code for t in advice.types]


def test_variant_changes_the_after_sales_request(make_request: Callable[..., AdviceRequest]) -> None:
    missing = advise(make_request("少发了一件", "shipped_signed_2d"))
    assert (missing.route.request_type, missing.route.reason) == ("补寄", "少件/漏发")
    assert missing.remedies[0].code == "resend"
    wrong = advise(make_request("发错货了，拍的黑色收到白色", "shipped_signed_2d"))
    assert (wrong.route.request_type, wrong.route.reason) == ("换货", "卖家发错货")


def test_complaint_route_names_the_category(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("付款四天了还没发货", "unshipped_4d"))
    assert advice.route.venue == "complaint"
    assert advice.route.request_type is None and advice.route.reason == "未按约定时间发货"


def test_earphones_story(make_request: Callable[..., AdviceRequest]) -> None:
    for preset in ("completed_3d", "shipped_signed_2d"):
        advice = advise(make_request("左耳没有声音，充电也充不进去", preset, price="199.00"))
        top = advice.types[0]
        assert (top.code, top.name) == ("quality_defect", "商品质量问题")
        assert top.reasons and re.search(r"[\u4e00-\u9fff]", top.reasons[0])
        evidence = {e.name: e for e in advice.evidence}
        assert evidence["商品问题照片或视频"].required
        assert evidence["订单详情截图"].required
        assert not evidence["开箱视频"].required
        assert "与卖家的聊天记录" in evidence
        refund = advice.remedies[0]
        assert (refund.code, refund.name, refund.amount) == ("return_refund", "退货退款", "199.00")
        assert "第二十四条" in refund.basis and "卖家" in (refund.note or "")
        assert refund.venue == "after_sales"
        route = advice.route
        assert (route.venue, route.name, route.request_type, route.reason) == (
            "after_sales",
            "申请售后/退款",
            "退货退款",
            "质量问题",
        )
        assert [s.code for s in route.steps][:5] == [
            "after_sales",
            "platform_intervention",
            "complaint",
            "regulator_12315",
            "court",
        ]
        draft = advice.draft.text
        for fact in ("3912345678901234567", "无线蓝牙耳机", "左耳没有声音", "退货退款", "第二十四条", "签收"):
            assert fact in draft
        assert not [f for f in lint(draft) if f.severity != "info"]


def test_draft_drops_insults_threats_and_personal_data(make_request: Callable[..., AdviceRequest]) -> None:
    text = "骗子！！！左耳没有声音，赔我一万，不然我就曝光你，电话13000000001"
    advice = advise(make_request(text, "completed_3d", price="199.00"))
    draft = advice.draft.text
    for bad in ("骗子", "！！！", "一万", "曝光", "13000000001"):
        assert bad not in draft
    assert "左耳没有声音" in draft
    found = {f.code for f in advice.findings}
    assert {"emotional_language", "unreasonable_demand", "threat", "personal_data"} <= found
    assert "bad_review_for_money" in {w.code for w in advice.warnings}


def test_used_item_seven_day_warning(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("衣服穿过两次了，吊牌也剪了，七天无理由退货卖家拒绝", "refunding_3d"))
    assert advice.types[0].code == "seven_day_return_refused"
    assert "used_item_seven_day" in {w.code for w in advice.warnings}


def test_seven_day_passed_warning(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("七天无理由退货被拒", "refunding_12d", type="seven_day_return_refused"))
    assert "seven_day_window_passed" in {w.code for w in advice.warnings}


def test_do_not_confirm_receipt_warning(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("快递箱子压扁了，杯子碎了", "shipped_signed_2d", "玻璃杯"))
    assert "do_not_confirm_receipt" in {w.code for w in advice.warnings}


def test_someone_elses_name_warning(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("帮朋友投诉，耳机左耳没有声音", "completed_3d"))
    assert "someone_elses_name" in {w.code for w in advice.warnings}


def test_empty_problem_still_advises(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("", "completed_3d"))
    assert advice.types and advice.draft.text and advice.findings == []


def test_the_advice_names_the_clock_to_act_by(make_request):
    advice = advise(make_request("左耳没有声音，充电也充不进去"))
    running = [c for c in advice.clocks if c.state in ("open", "due_soon")]
    assert running, "a recently received order has clocks running"
    earliest = min(running, key=lambda c: c.due_at)
    assert advice.first_clock == earliest.code
