"""Findings 6 and 7 (Medium), and Lows 10, 11 and 13: input that broke a case, the export or the
advice for good, and answers outside the one envelope."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from click.testing import CliRunner

from tousu.cli import main

from ..support.api import assert_envelope
from .conftest import NEW_CASE, ORDER, create_case

BAD_TIMES = [
    "0001-01-01T00:00:00",
    "0001-01-01T00:00:00+08:00",
    "9999-12-31T23:59:59+08:00",
    "9999-12-31T23:59:59",
    "1899-12-31T23:59:59Z",
    "2101-01-01T00:00:00+08:00",
]


@pytest.mark.parametrize("at", BAD_TIMES)
def test_f06_an_event_at_year_1_is_refused_and_the_case_stays_readable(api, at):
    case = create_case(api)
    assert_envelope(api.post(f"cases/{case['id']}/events", json={"type": "note", "at": at}), 400)
    assert api.get(f"cases/{case['id']}").status_code == 200
    assert api.patch(f"cases/{case['id']}", json={"notes": "还能改"}).status_code == 200


def test_f06_export_reports_a_damaged_row_instead_of_dying(api, app, tmp_path):
    good = create_case(api)
    bad = create_case(api)
    # A row damaged outside the API (an older version, a hand edit): the models cannot read it.
    db = sqlite3.connect(os.path.join(app.config["DATA_DIR"], "tousu.sqlite3"))
    db.execute("UPDATE case_events SET at = '0001-01-01T00:00:00+08:00' WHERE case_id = ?", (bad["id"],))
    db.commit()
    db.close()
    out = tmp_path / "export.json"
    result = CliRunner().invoke(main, ["export", "--data-dir", app.config["DATA_DIR"], "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    summary = json.loads(result.stdout)
    assert summary["cases"] == 1 and [d["id"] for d in summary["damaged"]] == [bad["id"]]
    assert bad["id"] in result.stderr
    assert [c["id"] for c in json.loads(out.read_text())["cases"]] == [good["id"]]


def test_f06_import_refuses_the_same_times_the_api_refuses(api, app, tmp_path):
    create_case(api)
    out = tmp_path / "export.json"
    assert (
        CliRunner().invoke(main, ["export", "--data-dir", app.config["DATA_DIR"], "-o", str(out)]).exit_code
        == 0
    )
    bundle = json.loads(out.read_text())
    bundle["cases"][0]["events"][0]["at"] = "0001-01-01T00:00:00"
    bundle["cases"][0]["id"] = "f" * 32
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bundle))
    result = CliRunner().invoke(main, ["import", str(bad), "--data-dir", str(tmp_path / "other")])
    assert result.exit_code == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("field", ["created_at", "paid_at", "shipped_at"])
def test_f07_advice_with_an_extreme_order_time_is_a_400(api, field):
    order = {**ORDER, field: "9999-12-31T23:59:59+08:00"}
    assert_envelope(api.post("advice", json={"order": order, "problem": {"text": "一直不发货"}}), 400)


@pytest.mark.parametrize("paid_at", ["9999-01-01T00:00:00+08:00", "2099-12-31T23:59:59+08:00"])
def test_f07_a_long_ship_promise_on_a_late_payment_is_not_a_500(api, paid_at):
    order = {**ORDER, "status": "awaiting_shipment", "paid_at": paid_at}
    order["items"] = [{**ORDER["items"][0], "title": "陶瓷马克杯 999天内发货"}]
    response = api.post("advice", json={"order": order, "problem": {"text": "一直不发货，承诺999天内发货"}})
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    if paid_at.startswith("9999"):
        assert_envelope(response, 400)


@pytest.mark.parametrize("value", ["1E+100", "1e400", "100000.001", "Infinity", "NaN", "-1"])
def test_f07_decimal_settings_are_bounded(api, value):
    assert_envelope(api.put("settings/advice", json={"late_ship_min_taobao": value}), 400)
    # The late-shipment advice still works afterwards.
    order = {**ORDER, "status": "awaiting_shipment", "paid_at": "2025-10-01T10:00:00+08:00"}
    response = api.post(
        "advice", json={"order": order, "problem": {"text": "一直不发货"}, "now": "2025-10-09T10:00:00+08:00"}
    )
    assert response.status_code == 200, response.get_data(as_text=True)


def test_f07_delete_with_an_idempotency_key_and_a_deeply_nested_body_is_not_a_500(api):
    case = create_case(api)
    body = ("[" * 3000 + "]" * 3000).encode()
    response = api.request(
        "DELETE",
        f"cases/{case['id']}",
        data=body,
        headers={"Idempotency-Key": "k-nested", "Content-Type": "application/json"},
    )
    assert response.status_code < 500, response.get_data(as_text=True)


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00", "0001-01-01 00:00:00"])
def test_f07_cases_with_a_naive_year_1_time_are_a_400(api, at):
    assert_envelope(api.post("cases", json={**NEW_CASE, "due_at": at}), 400)
    case = create_case(api)
    assert_envelope(api.patch(f"cases/{case['id']}", json={"due_at": at}), 400)


def test_f10_a_deleted_case_is_forgotten_by_the_idempotency_store(api, app):
    case = create_case(api, None, **{"Idempotency-Key": "create-once"})
    assert api.delete(f"cases/{case['id']}").status_code == 200
    db = sqlite3.connect(os.path.join(app.config["DATA_DIR"], "tousu.sqlite3"))
    rows = db.execute("SELECT body FROM idempotency_keys").fetchall()
    db.close()
    assert not any(case["id"] in body for (body,) in rows)
    replay = api.post("cases", json=NEW_CASE, headers={"Idempotency-Key": "create-once"})
    assert replay.status_code == 201 and replay.get_json()["id"] != case["id"]


def test_f11_export_never_writes_through_a_precreated_temp_file(api, app, tmp_path):
    create_case(api)
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "cases.json"
    trap = shared / "trap.txt"
    trap.write_text("someone else's")
    # The old fixed temporary name, pre-created by another user as a symlink.
    (shared / ".cases.json.tmp").symlink_to(trap)
    result = CliRunner().invoke(main, ["export", "--data-dir", app.config["DATA_DIR"], "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert trap.read_text() == "someone else's"
    assert json.loads(target.read_text())["cases"]
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_f13_a_double_slash_path_is_an_envelope_not_an_html_redirect(api):
    response = api.get("/api//v1/cases")
    assert response.status_code == 404 and response.is_json
    assert_envelope(response, 404)


def test_f13_options_answers_in_json(api):
    response = api.request("OPTIONS", "cases")
    assert response.status_code < 400 and response.is_json
    assert response.get_json()["ok"] is True


def test_f13_host_with_a_second_port_is_refused(api):
    from ..support.api import PORT

    response = api.get("ping", headers={"Host": f"localhost:{PORT}:80"})
    assert_envelope(response, 403, "bad_host")


@pytest.mark.parametrize("order_id", ["²³", "１２３", "٣٤٥", "1²"])
def test_f13_ids_reject_unicode_digits(api, order_id):
    assert_envelope(api.post("cases", json={**NEW_CASE, "order": {**ORDER, "order_id": order_id}}), 400)


@pytest.mark.parametrize(
    "name", ["photo\u202egnp.exe", "a\u200bb.png", "x\u2066y.png", "\ufeffz.png", "a\u061cb.png"]
)
def test_f13_file_names_reject_bidi_and_invisible_controls(api, name):
    import base64
    import hashlib

    from .conftest import PNG

    case = create_case(api)
    shot = {
        "code": "defect_media",
        "file_name": name,
        "media_type": "image/png",
        "sha256": hashlib.sha256(PNG).hexdigest(),
        "content_base64": base64.b64encode(PNG).decode(),
    }
    assert_envelope(api.post(f"cases/{case['id']}/evidence", json=shot), 400)


def test_f13_sync_refuses_a_body_that_is_not_json(api):
    response = api.request(
        "POST", "cases/sync", data=b'[], "kind": "refund_list"', headers={"Content-Type": "application/json"}
    )
    assert_envelope(response, 400, "invalid_json")


def test_f13_import_goes_through_the_apis_limits(api, app, tmp_path):
    create_case(api)
    out = tmp_path / "export.json"
    runner = CliRunner()
    assert (
        runner.invoke(main, ["export", "--data-dir", app.config["DATA_DIR"], "-o", str(out)]).exit_code == 0
    )
    bundle = json.loads(out.read_text())
    bundle["cases"][0]["problem"] = "长" * 6000  # the API takes at most 5000
    bundle["cases"][0]["events"][0]["detail"] = {"x": "长" * 9000}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bundle, ensure_ascii=False))
    other = tmp_path / "other"
    result = runner.invoke(main, ["import", str(bad), "--data-dir", str(other)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "problem" in result.output and "detail" in result.output.lower()
    # The untouched export imports fine.
    assert runner.invoke(main, ["import", str(out), "--data-dir", str(other)]).exit_code == 0


@pytest.mark.parametrize("text", ["²³", "１２３", "٣٤٥"])
def test_f13_the_reader_takes_no_unicode_digits_as_an_id(text):
    from tousu.reading.common import as_id

    assert as_id(text) is None
    assert as_id("3851234567890123456") == "3851234567890123456"
