"""The learned ranking model: the shipped weights load under their schema, the inputs are named
as the weights, negated n-grams are their own inputs, and the explanations are real."""

from __future__ import annotations

import json

import pytest

from tousu.advice import model
from tousu.models import TYPE_CODES

from ..support.corpus import corpus_dir


def test_shipped_weights_load_and_cover_every_type() -> None:
    data = json.loads(model.WEIGHTS.read_text(encoding="utf-8"))
    parsed = model.WeightFile.model_validate(data)
    assert parsed.classes == list(TYPE_CODES)
    assert len(parsed.values) == len(parsed.keys) * len(TYPE_CODES)
    assert len(model.from_file(parsed).weights) == len(parsed.keys)
    # Trained on the repo's sets and both writers' dev parts (never their held-out quarters).
    assert set(parsed.trained_on) == {"repo", "a", "b"}
    assert model.WEIGHTS.stat().st_size < 1_000_000


def test_weight_file_schema_is_strict() -> None:
    data = json.loads(model.WEIGHTS.read_text(encoding="utf-8"))
    data["extra"] = 1
    with pytest.raises(ValueError):
        model.WeightFile.model_validate(data)


def test_negated_grams_get_their_own_names() -> None:
    grams = model.grams("箱子没有破损")
    assert "n:破损" in grams and "g:破损" not in grams
    assert "g:破损" in model.grams("箱子破损")


def test_explain_lists_only_inputs_that_lift_the_type() -> None:
    learned = model.active()
    assert learned is not None
    inputs = model.inputs("吃了拉肚子，面包发霉", [], [], "completed", ["food"], {}, None)
    lifts = learned.explain(inputs, "food_safety")
    assert lifts and all(value > 0 for _, value in lifts)
    assert max(learned.logits(inputs), key=learned.logits(inputs).get) == "food_safety"


def test_use_installs_and_removes_other_weights() -> None:
    shipped = model.active()
    model.use(None, off=True)
    assert model.active() is None
    model.use(None)
    assert model.active() is shipped


def test_shipped_weights_never_saw_the_held_out_quarters() -> None:
    import hashlib

    corpus = corpus_dir()
    data = json.loads(model.WEIGHTS.read_text(encoding="utf-8"))
    for writer in ("a", "b"):
        lines = (corpus / f"complaints-{writer}.jsonl").read_text(encoding="utf-8").splitlines()
        ids = [json.loads(line)["id"] for line in lines]
        dev = [i for i in ids if int(hashlib.sha256(i.encode()).hexdigest(), 16) % 4 != 0]
        assert data["trained_on"][writer] == len(dev) < len(ids)


def test_a_conceded_clause_is_not_read_as_the_complaint() -> None:
    grams = model.grams("快递慢点就算了，杯子是裂的")
    assert "g:快递" not in grams and "n:快递" in grams
    assert "g:裂的" in grams


def test_in_not_a_but_b_only_b_counts_and_counts_more() -> None:
    grams = model.grams("不是物流压坏的，是本身就有裂缝")
    assert "g:物流" not in grams and "n:物流" in grams
    assert grams["g:裂缝"] > model.grams("本身就有裂缝")["g:裂缝"]


def test_a_focus_marker_weighs_its_clause_more() -> None:
    assert model.grams("最气的是客服不理人")["g:客服"] > model.grams("客服不理人")["g:客服"]


def test_english_and_cantonese_negations_are_scoped() -> None:
    grams = model.grams("nothing broken, wrong colour")
    assert "g:bro" not in grams and "n:bro" in grams and "g:col" in grams
    assert "g:寄错" not in model.grams("冇寄错")
