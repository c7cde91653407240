"""Issue 11: demands judged against the order (its price, goods and the type's remedies), through
the library, `tousu lint --order` (and TEXT from stdin) and POST /api/v1/lint."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tousu.advice.lint_order import lint_request
from tousu.app import create_app
from tousu.cli import main
from tousu.config import DEFAULT_EXTENSION_ID
from tousu.models import LintRequest


def codes(text: str, **fields: object) -> set[str]:
    return {f.code for f in lint_request(LintRequest(text=text, **fields))}


def test_a_sum_far_beyond_the_price_paid_is_flagged(make_order) -> None:
    case = make_order(item="透明硅胶手机壳", price="29.90")
    assert "unreasonable_demand" in codes("手机壳有一道划痕，要求赔偿10000元。", order=case)
    # Within refund + the statutory minimum (消法55: max(3x, 500)) the sum is not absurd.
    assert "unreasonable_demand" not in codes("手机壳有一道划痕，要求赔偿300元。", order=case)


def test_no_punitive_remedy_exists_for_a_late_shipment(make_order) -> None:
    case = make_order("shipped_late", item="纯棉短袖T恤", price="59.00")
    found = lint_request(LintRequest(text="晚发货了一周，要求退一赔三。", order=case, type="late_shipment"))
    demand = [f for f in found if f.code == "unreasonable_demand"]
    assert demand and "延迟发货" in demand[0].message
    # The same draft on a problem where fraud is possible (and without proof) is flagged for the proof.
    assert "unreasonable_demand" in codes("晚发货了一周，要求退一赔三。", order=case, type="counterfeit")
    # A late-shipment compensation far above what the platform rule computes for ¥59 is flagged too.
    assert "unreasonable_demand" in codes("晚发货了一周，要求赔偿500元。", order=case, type="late_shipment")


def test_the_food_statute_follows_the_goods_on_the_order(make_order) -> None:
    shirt = make_order(item="纯棉短袖T恤", price="59.00")
    assert "unreasonable_demand" in codes("衣服有异味，依据食品安全法要求十倍赔偿。", order=shirt)
    nuts = make_order("food_completed_3d", price="89.00")
    text = "坚果发霉（照片已附），依据食品安全法第一百四十八条要求退款并赔偿1000元。"
    assert "unreasonable_demand" not in codes(text, order=nuts, type="food_safety")


def test_without_an_order_the_price_the_draft_states_is_the_basis(make_order) -> None:
    assert "unreasonable_demand" in codes("饼干过期了（实付15元），依据食品安全法要求赔偿10万元。")
    assert "unreasonable_demand" not in codes("饼干过期了（实付15元），依据食品安全法要求赔偿1000元。")


def _cli(*args: str, stdin: str | None = None) -> dict:
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_reads_stdin_and_an_order_file(make_order, tmp_path) -> None:
    text = "手机壳有一道划痕，要求赔偿10000元，电话13800000000。"
    from_stdin = _cli("lint", "-", "--data-dir", str(tmp_path), stdin=text)
    assert {f["code"] for f in from_stdin["findings"]} >= {"personal_data"}
    order_file = tmp_path / "order.json"
    order_file.write_text(make_order(item="透明硅胶手机壳", price="29.90").model_dump_json(), "utf-8")
    with_order = _cli("lint", "-", "--order", str(order_file), "--data-dir", str(tmp_path), stdin=text)
    assert "unreasonable_demand" in {f["code"] for f in with_order["findings"]}
    spans = {text[f["start"] : f["end"]] for f in with_order["findings"]}
    assert "13800000000" in spans


def test_api_accepts_order_type_and_affected_items(make_order, tmp_path) -> None:
    app = create_app({"DATA_DIR": str(tmp_path), "PORT": 47321, "EXTENSION_IDS": [DEFAULT_EXTENSION_ID]})
    client = app.test_client()
    headers = {"Origin": f"chrome-extension://{DEFAULT_EXTENSION_ID}"}
    code = app.extensions["tousu.pairing"].issue_code()
    paired = client.post(
        "/api/v1/pairing", json={"code": code}, headers=headers, base_url="http://127.0.0.1:47321"
    )
    headers["X-Tousu-Token"] = paired.json["token"]
    case = make_order("shipped_late", item="纯棉短袖T恤", price="59.00")
    body = {
        "text": "晚发货了一周，要求退一赔三。",
        "order": json.loads(case.model_dump_json()),
        "type": "late_shipment",
        "affected_items": [{"sub_order_id": case.items[0].sub_order_id or case.order_id, "quantity": 1}],
    }
    response = client.post("/api/v1/lint", json=body, headers=headers, base_url="http://127.0.0.1:47321")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "unreasonable_demand" in {f["code"] for f in response.json["findings"]}
    plain = client.post(
        "/api/v1/lint", json={"text": "东西有问题"}, headers=headers, base_url="http://127.0.0.1:47321"
    )
    assert [f["code"] for f in plain.json["findings"]] == ["vague"]


def test_the_ceiling_scales_with_the_price_on_the_order(make_order) -> None:
    # Not food: refund + max(3x paid, 500); food: refund + max(10x paid, 1000).
    lamp = make_order(item="护眼台灯", price="300.00")
    assert "unreasonable_demand" not in codes("台灯灯罩有裂纹，要求赔偿1000元。", order=lamp)
    assert "unreasonable_demand" in codes("台灯灯罩有裂纹，要求赔偿1500元。", order=lamp)
    nuts = make_order("food_completed_3d", price="200.00")
    text = "坚果发霉（照片已附），依据食品安全法第一百四十八条要求退款并赔偿{}元。"
    assert "unreasonable_demand" not in codes(text.format(2000), order=nuts, type="food_safety")
    assert "unreasonable_demand" in codes(text.format(3000), order=nuts, type="food_safety")
