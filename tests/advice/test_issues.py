"""Several problems in one text: primary first, the others named with their own words."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tousu.advice import advise
from tousu.advice.ranking import read_signals
from tousu.models import AdviceRequest
from tousu.models.advice import Problem


def test_primary_issue_is_the_top_type_and_others_are_named(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "衣服尺码小了，申请退货卖家不同意，我给了差评后卖家天天打电话骂我让我改评价"
    advice = advise(make_request(text, "completed_3d", "纯棉T恤 短袖"))
    assert advice.issues[0].role == "primary" and advice.issues[0].type == advice.types[0].code
    assert advice.issues[0].evidence_words
    secondary = [i for i in advice.issues if i.role == "secondary"]
    assert secondary and all(i.evidence_words for i in secondary)
    # Every secondary issue gets its one sentence in the draft.
    for issue in secondary:
        assert issue.name in advice.draft.text


def test_a_single_problem_has_one_issue(make_request: Callable[..., AdviceRequest]) -> None:
    advice = advise(make_request("左耳没有声音，右耳正常", "completed_3d"))
    assert [i.role for i in advice.issues] == ["primary"]
    assert "另外，本订单还存在" not in advice.draft.text


def _secondary(advice: object) -> list[str]:
    return [i.type for i in advice.issues if i.role == "secondary"]  # type: ignore[attr-defined]


def test_a_refusal_while_negotiating_the_defect_is_part_of_the_defect_story(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "电水壶用了五天底座就不通电了，申请换货卖家不同意，说是我自己摔的"
    advice = advise(make_request(text, "completed_20d", "电水壶"))
    assert advice.types[0].code in {"quality_defect", "after_sales_refused"}
    assert _secondary(advice) == []
    assert "另外，本订单还存在" not in advice.draft.text


def test_a_word_about_rude_service_is_no_issue_of_its_own(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "收到的台灯灯罩是裂的，箱子一角也瘪了，客服态度差，回一句就不理人了"
    advice = advise(make_request(text, "shipped_signed_2d", "台灯"))
    assert advice.types[0].code == "damaged_in_transit"
    assert _secondary(advice) == []


def test_an_extra_charge_against_a_promise_is_one_price_event(
    make_request: Callable[..., AdviceRequest],
) -> None:
    advice = advise(make_request("页面写着包邮，送到了却让我付二十块到付运费", "completed_3d", "收纳箱"))
    assert advice.types[0].code in {"price_dispute", "broken_promise"}
    assert _secondary(advice) == []


def test_another_matter_told_as_such_is_named_with_its_own_words(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "电水壶用了五天底座就不通电了，我要求换一个。另外，卖家拖了四天才发货"
    advice = advise(make_request(text, "completed_20d", "电水壶"))
    assert advice.types[0].code == "quality_defect"
    late = [i for i in advice.issues if i.type == "late_shipment"]
    assert late and late[0].role == "secondary" and all(w in text for w in late[0].evidence_words)


def test_the_issues_come_in_the_same_order_in_every_process() -> None:
    # Two kinds tied in one episode were ordered by set iteration, so the helper named them in a
    # different order (and so drafted differently) from one start to the next.
    code = (
        "import sys;sys.path.insert(0,'tests/advice');from conftest import build_request;"
        "from tousu.advice import advise;"
        "t='请教一下：买了一箱橙子，详情页标了坏果包赔，收到一箱有七八个烂的，拍照找客服，客服说坏果要超过一半才赔，"
        "拒绝赔付。这种能投诉吗。另外他家的橙子个头也比图片上小了一大圈。';"
        "print([i.type for i in advise(build_request(t,'food_completed_3d','赣南脐橙 5斤装')).issues])"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(outputs) == 1, outputs


def test_a_refusal_told_after_the_goods_problem_is_named_too(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = (
        "收到的羽绒服标的是白鸭绒90%，拆开一个角里面全是碎毛和杂质，和详情页完全不一样。"
        "申请退货退款，卖家拒绝了，说我拆坏了衣服"
    )
    advice = advise(make_request(text, "completed_3d", "羽绒服 女 白鸭绒"))
    assert advice.types[0].code == "not_as_described"
    assert _secondary(advice) == ["after_sales_refused"]
    assert "售后被拒" in advice.draft.text


def test_the_review_turns_a_goods_dispute_into_another_matter(
    make_request: Callable[..., AdviceRequest],
) -> None:
    text = "电饭煲用了一个月内胆涂层大片脱落，卖家说人为的不给换，我差评以后他们用小号天天加我微信骚扰"
    advice = advise(make_request(text, "completed_20d", "电饭煲"))
    named = {i.type for i in advice.issues}
    assert {"harassment", "quality_defect"} <= named


def test_a_vacuum_pack_is_no_empty_parcel_and_a_brand_repair_desk_no_authentication() -> None:
    vacuum = read_signals(Problem(text="床垫真空包装拆开以后一直有很重的胶水味"))
    assert "empty_parcel" not in vacuum.features and "substituted" not in vacuum.features
    assert "empty_parcel" in read_signals(Problem(text="打开是个空包裹")).features
    repair = read_signals(Problem(text="洗衣机噪音特别大，拿去官方售后检测说是轴承坏了"))
    assert "authenticity_check" not in repair.features
    assert "authenticity_check" in read_signals(Problem(text="拿去品牌方鉴定了")).features
