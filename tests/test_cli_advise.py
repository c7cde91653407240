"""`tousu advise` takes the affected goods (--affected) and whole requests (--request)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tousu.cli import main

NOW = "2026-11-28T12:00:00+08:00"
A, B = "3100000000000000301", "3100000000000000302"
ORDER = {
    "order_id": "3100000000000000300",
    "status": "completed",
    "paid_at": "2026-11-20T10:00:00+08:00",
    "received_at": "2026-11-23T10:00:00+08:00",
    "completed_at": "2026-11-24T10:00:00+08:00",
    "total_paid": "330.00",
    "freight": "10.00",
    "items": [
        {"sub_order_id": A, "title": "示例香水 50ml", "quantity": 2,
         "unit_price": "130.00", "paid_amount": "260.00"},
        {"sub_order_id": B, "title": "示例护手霜", "quantity": 1,
         "unit_price": "60.00", "paid_amount": "60.00"},
    ],
    "parcels": [{"tracking_no": "78900000000300", "signed_at": "2026-11-23T10:00:00+08:00",
                 "first_scan_at": "2026-11-21T10:00:00+08:00"}],
}  # fmt: skip
FINDING = "品牌方出具盖章的书面鉴定函，确认不是其生产的产品"


def run(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["advise", *args, "--data-dir", str(tmp_path)])
    return result.exit_code, result.output


def remedies(output: str) -> dict[str, str | None]:
    return {r["code"]: r["amount"] for r in json.loads(output)["remedies"]}


def test_affected_narrows_the_amounts_to_the_given_units(tmp_path: Path) -> None:
    order_file = tmp_path / "order.json"
    order_file.write_text(json.dumps(ORDER, ensure_ascii=False), "utf-8")
    base = ["--order", str(order_file), "--problem", FINDING, "--now", NOW]
    code, whole = run(tmp_path, *base)
    assert code == 0 and remedies(whole)["fraud_triple"] == "960.00"  # 3 x 320, freight left out
    code, one = run(tmp_path, *base, "--affected", f"{A}:1")
    assert code == 0 and remedies(one)["fraud_triple"] == "500.00"  # 3 x 130 is below the floor
    assert json.loads(one)["affected_items"][0]["source"] == "shopper"
    code, both = run(tmp_path, *base, "--affected", A, "--affected", B)
    assert code == 0 and remedies(both)["fraud_triple"] == "960.00"
    code, bad = run(tmp_path, *base, "--affected", "3100000000000000999")
    assert code != 0 and "no sub-order" in bad


def test_a_whole_request_file_is_the_api_body(tmp_path: Path) -> None:
    body = {"order": ORDER, "problem": {"text": FINDING}, "now": NOW,
            "affected_items": [{"sub_order_id": B, "quantity": 1}]}  # fmt: skip
    request_file = tmp_path / "request.json"
    request_file.write_text(json.dumps(body, ensure_ascii=False), "utf-8")
    code, out = run(tmp_path, "--request", str(request_file))
    assert code == 0 and remedies(out)["fraud_triple"] == "500.00"
    code, out = run(tmp_path, "--request", str(request_file), "--affected", f"{A}:2")
    assert code == 0 and remedies(out)["fraud_triple"] == "780.00"  # the option overrides the file
    code, out = run(tmp_path, "--request", str(request_file), "--problem", "感觉是假的")
    assert code == 0 and "fraud_triple" not in remedies(out)
    request_file.write_text(json.dumps({"order": ORDER}), "utf-8")
    code, out = run(tmp_path, "--request", str(request_file))
    assert code != 0 and "--problem" in out
