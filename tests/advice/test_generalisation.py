"""The generalisation machinery: concept lexicons, negation, typo folding, exemplar similarity,
the uncertain fallback with its warning, and the symptom chips catalogue."""

from __future__ import annotations

import re
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tousu.advice import advise, symptoms_catalog
from tousu.advice.ranking import read_signals
from tousu.advice.rules import _compile, _expand, rulebook
from tousu.advice.similar import exemplar_codes, nearest
from tousu.models import TYPE_CODES, AdviceRequest, Problem

HERE = Path(__file__).parent


def _top(make_request: Callable[..., AdviceRequest], text: str, preset: str, item: str | None = None) -> str:
    return advise(make_request(text, preset, item)).types[0].code


def test_lexicon_groups_expand_and_unknown_groups_fail() -> None:
    groups = rulebook().lexicon.groups
    pattern = _compile(["{CONTAMINANT}"], groups)
    assert pattern.search("米里全是米虫") and pattern.search("吃出一截铁丝")
    # Quantifiers are not groups.
    assert _expand("a.{0,6}b", groups) == "a.{0,6}b"
    with pytest.raises(ValueError, match="unknown lexicon group"):
        _expand("{NO_SUCH_GROUP}", groups)


def test_every_feature_pattern_compiles_without_leftover_group_names() -> None:
    for feature in rulebook().features:
        assert not re.search(r"\{[A-Z_]+\}", feature.pattern.pattern), feature.code


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("没有破损，就是颜色跟图片不一样", "damaged"),
        ("东西不是假货，就是颜色和页面上的不一样", "fake"),
        ("面包没发霉，但是少发了两个", "food_unsafe"),
        ("卖家没骂人，也没威胁，就是一直不发货", "harass"),
    ],
)
def test_negated_mentions_do_not_count(text: str, absent: str) -> None:
    signals = read_signals(Problem(text=text))
    assert absent not in signals.features, signals.features


def test_negation_keeps_the_positive_mention_later_in_the_text() -> None:
    signals = read_signals(Problem(text="外箱没有破，可是打开里面的杯子碎了"))
    assert "damaged" in signals.features


def test_typos_are_folded_with_offsets_kept() -> None:
    signals = read_signals(Problem(text="木有收到货，物流也不动"))
    assert signals.features["not_received"].startswith("木有")  # the reason quotes the shopper


def test_negation_and_typos_change_the_ranking(make_request: Callable[..., AdviceRequest]) -> None:
    text = "没有破损，就是颜色跟图片不一样"
    assert _top(make_request, text, "shipped_signed_2d", "陶瓷杯") == "not_as_described"
    assert _top(make_request, "木有收到货", "shipped_transit") == "not_received"


def test_vague_text_is_marked_uncertain_and_asks_for_details(make_request) -> None:
    advice = advise(make_request("帮我看看这个怎么办", "completed_3d"))
    assert advice.types[0].reasons[0].startswith("不确定")
    assert "vague_problem" in {w.code for w in advice.warnings}
    clear = advise(make_request("耳机左边没有声音", "completed_3d"))
    assert "vague_problem" not in {w.code for w in clear.warnings}
    assert not any(r.startswith("不确定") for t in clear.types for r in t.reasons)


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("unshipped_4d", "late_shipment"),
        ("shipped_transit", "not_received"),
        ("refunding_3d", "seven_day_return_refused"),
        ("refunding_12d", "after_sales_refused"),
    ],
)
def test_fallback_follows_the_order_state(make_request, preset: str, expected: str) -> None:
    advice = advise(make_request("", preset))
    assert advice.types[0].code == expected
    assert "vague_problem" in {w.code for w in advice.warnings}


def test_exemplars_are_the_training_files_and_nothing_held_out() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("ranking_eval", HERE / "ranking_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = (HERE.parents[1] / "helper/tousu/advice/rules/exemplars.toml").read_text(encoding="utf-8")
    regenerate = "run: .venv/bin/python tests/advice/ranking_eval.py --export-exemplars"
    assert stored == module.exemplar_toml(), regenerate
    exemplars = {e["text"] for e in tomllib.loads(stored)["exemplar"]}
    for name in ("heldout_cases.toml", "heldout_v2.toml"):
        held = {c["text"] for c in tomllib.loads((HERE / name).read_text(encoding="utf-8"))["case"]}
        assert not (held - {""}) & exemplars, name
    assert exemplar_codes() == set(TYPE_CODES)


def test_nearest_never_returns_the_query_itself_and_is_plain_chinese(make_request) -> None:
    text = "坚果里吃出一只虫子，恶心死了"
    assert all(n.text != text for n in nearest(text, 5))
    assert nearest("米里有虫子", 3)[0].code == "food_safety"
    advice = advise(make_request("这个吸尘器用了不到一周就不转了", "completed_3d"))
    assert all(re.search(r"[\u4e00-\u9fff]", r) for t in advice.types for r in t.reasons)


def test_symptoms_catalog_has_short_labels_and_valid_types() -> None:
    catalog = symptoms_catalog()
    assert len(catalog) == len(rulebook().symptoms) >= 30
    for chip in catalog:
        assert set(chip) == {"code", "label_zh", "label_en", "types"}
        assert 0 < len(chip["label_zh"]) <= 12 and 0 < len(chip["label_en"]) <= 40
        assert chip["types"] and set(chip["types"]) <= set(TYPE_CODES)
    codes = [c["code"] for c in catalog]
    assert len(codes) == len(set(codes))
    assert {c["types"][0] for c in catalog} == set(TYPE_CODES)  # every type has a chip leading to it


def test_advise_stays_fast(make_request) -> None:
    text = "收到的货跟订单完全不一样，我买的是台灯来了个插排，客服也不回"
    request = make_request(text, "shipped_signed_2d")
    advise(request)
    start = time.perf_counter()
    for _ in range(20):
        advise(request)
    assert (time.perf_counter() - start) / 20 < 0.05  # generous: a few ms on a quiet machine
