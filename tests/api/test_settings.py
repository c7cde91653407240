"""The shopper can correct the uncertain platform figures, and the advice follows."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tousu.cli import main

from ..support.api import assert_error

UNSHIPPED = {
    "order_id": "3100000000000009001",
    "platform": "taobao",
    "status": "awaiting_shipment",
    "status_text": "买家已付款",
    "created_at": "2025-10-01T10:00:00+08:00",
    "paid_at": "2025-10-01T10:00:00+08:00",
    "total_paid": "59.00",
    "items": [
        {"sub_order_id": "3100000000000009001", "title": "示例保温杯", "quantity": 1, "unit_price": "59.00"}
    ],
}


def ship_by(api) -> str:
    advice = api.post(
        "/advice",
        json={"order": UNSHIPPED, "problem": {"text": "一直不发货"}, "now": "2025-10-02T10:00:00+08:00"},
    ).get_json()
    return next(c for c in advice["clocks"] if c["code"] == "ship_by")["due_at"]


def test_defaults_come_with_their_sources(api):
    body = api.get("/settings/advice").get_json()
    assert body["values"]["ship_by_hours"] == 48
    assert body["corrected"] == []
    assert body["sources"]["ship_by_hours"]["source"]
    assert body["warning"] is None


def test_a_correction_changes_the_advice_and_can_be_undone(api):
    assert ship_by(api) == "2025-10-03T10:00:00+08:00"
    changed = api.request("PUT", "/settings/advice", json={"ship_by_hours": 72}).get_json()
    assert changed["values"]["ship_by_hours"] == 72 and changed["corrected"] == ["ship_by_hours"]
    assert ship_by(api) == "2025-10-04T10:00:00+08:00"
    api.request("DELETE", "/settings/advice")
    assert ship_by(api) == "2025-10-03T10:00:00+08:00"


def test_out_of_range_and_unknown_settings_are_refused(api):
    assert_error(api.request("PUT", "/settings/advice", json={"ship_by_hours": 0}), 400, "invalid_settings")
    assert_error(api.request("PUT", "/settings/advice", json={"ship_by": 72}), 400, "invalid_body")
    assert api.get("/settings/advice").get_json()["corrected"] == []


def test_a_damaged_file_is_reported_and_ignored(api, app, tmp_path):
    (tmp_path / "advice-settings.json").write_text("{not json", "utf-8")
    body = api.get("/settings/advice").get_json()
    assert body["values"]["ship_by_hours"] == 48
    assert "ignored" in body["warning"]
    assert ship_by(api) == "2025-10-03T10:00:00+08:00"


def test_the_cli_corrects_and_resets(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["settings", "--data-dir", str(tmp_path), "set", "ship_by_hours=72"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["values"]["ship_by_hours"] == 72
    bad = runner.invoke(main, ["settings", "--data-dir", str(tmp_path), "set", "ship_by_hours=0"])
    assert bad.exit_code == 1 and "设置无效" in bad.stderr
    reset = runner.invoke(main, ["settings", "--data-dir", str(tmp_path), "reset"])
    assert json.loads(reset.output)["values"]["ship_by_hours"] == 48
