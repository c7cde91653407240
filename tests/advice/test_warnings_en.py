"""Every warning the helper emits carries its Chinese and its English text (AdviceWarning.message /
message_en): the side panel and the popup show the English one when the browser is not Chinese."""

from __future__ import annotations

import re

import pytest

from tests.advice.conftest import build_request
from tousu.advice import advise
from tousu.advice.rulefiles import rule_files
from tousu.advice.rules import rulebook

HAN = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _english(text: str) -> bool:
    return bool(text.strip()) and not HAN.search(text)


def test_every_warning_rule_has_english_with_the_same_placeholders() -> None:
    for rule in rule_files()["signals"].warning:
        assert rule.message and _english(rule.message_en), rule.code
        assert set(PLACEHOLDER.findall(rule.message)) == set(PLACEHOLDER.findall(rule.message_en)), rule.code


def test_every_reason_a_punitive_demand_is_refused_has_english() -> None:
    formulas = rule_files()["formulas"]
    assert _english(formulas.fraud_proof.why_not_en)
    for formula in formulas.punitive.values():
        assert all(_english(formulas_en) for formulas_en in formula.why_not_when_en.values())
    for info in rulebook().types.values():
        for gate in info.punitive:
            assert _english(gate.why_not_en), (info.code, gate.code)


# One request per warning code that makes the helper emit it (invented values).
TRIGGERS = {
    "quantity_beyond_household": dict(text="坚果发霉了，要十倍赔偿", preset="food_completed_3d", quantity=60),
    "punitive_from_label_flaw": dict(text="包装上的标签有个错别字，要求十倍赔偿", preset="food_completed_3d"),
    "punitive_not_supported": dict(text="看着像假的，做工粗糙，我要退一赔三", item="示例 运动鞋 正品"),
    "bad_review_for_money": dict(text="耳机坏了，不给我赔偿500就差评"),
    "counterfeit_without_authentication": dict(text="这是假货，logo都印歪了", item="示例 运动鞋 正品"),
    "used_item_seven_day": dict(text="衣服穿过两次，想七天无理由退货，卖家拒绝了", item="示例 针织衫"),
    "seven_day_window_passed": dict(
        text="不喜欢，想七天无理由退货，卖家不同意", item="示例 针织衫", preset="completed_20d"
    ),
    "someone_elses_name": dict(text="我帮朋友投诉一下，耳机左耳没有声音"),
    "already_settled": dict(text="之前已经协商好了退一半钱，我又不想要了，耳机没声音"),
    "knowingly_bought": dict(text="知假买假，明知是过期的还买了，要十倍", preset="food_completed_3d"),
    "statutory_outside_taobao": dict(text="坚果打开就发霉了，长了白毛", preset="food_completed_3d"),
    "do_not_confirm_receipt": dict(text="耳机左耳没有声音，充电也充不进去", preset="shipped_signed_1d"),
    "not_received_confirmed": dict(text="一直没收到货，订单却显示交易成功了", preset="completed_3d"),
    "vague_problem": dict(text="嗯"),
}


def test_the_triggers_cover_every_warning_rule() -> None:
    assert set(TRIGGERS) == {rule.code for rule in rule_files()["signals"].warning}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_every_emitted_warning_has_both_texts(code: str) -> None:
    kw = dict(TRIGGERS[code])
    advice = advise(build_request(kw.pop("text"), **kw))
    emitted = {w.code: w for w in advice.warnings}
    assert code in emitted, (code, sorted(emitted))
    for warning in advice.warnings:
        assert warning.message and HAN.search(warning.message), warning.code
        assert _english(warning.message_en), (warning.code, warning.message_en)
        assert "{" not in warning.message + warning.message_en, warning.code  # placeholders filled
