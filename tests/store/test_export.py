from __future__ import annotations

import base64
import hashlib
import json
import shutil

import pytest

from tousu.models.case import CasePatch, EventCreate, EvidenceCreate
from tousu.store import (
    InvalidData,
    Store,
    add_event,
    add_evidence,
    create_case,
    export_all,
    import_all,
    list_cases,
    update_case,
    wipe,
)
from tousu.store.migrate import load_migrations

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def filled(store, new_case):
    case = create_case(
        store,
        new_case(
            remedy="return_refund", demand="退货退款", demand_amount="47.40", evidence_ticks=["order_detail"]
        ),
    )
    update_case(
        store,
        case.id,
        CasePatch(status="filed", next_action="等卖家处理", due_at="2026-11-22T09:30:00+08:00"),
    )
    add_event(store, case.id, EventCreate(type="contacted_seller", detail={"text": "已留言"}))
    add_evidence(
        store,
        case.id,
        EvidenceCreate(
            code="defect_media",
            file_name="crack.png",
            media_type="image/png",
            content_base64=base64.b64encode(PNG).decode(),
        ),
    )
    create_case(store, new_case(type="late_shipment"))
    return store


def _without_time(export: dict) -> dict:
    return {k: v for k, v in export.items() if k != "exported_at"}


def test_export_is_plain_json_with_hashes_and_schema_version(filled):
    export = export_all(filled)
    assert json.loads(json.dumps(export, ensure_ascii=False)) == export
    assert export["format"] == "tousu.cases"
    assert export["schema_version"] == load_migrations()[-1].version
    assert export["exported_at"].endswith("+08:00")
    first = export["cases"][0]
    assert first["order"]["order_id"] == "3851234567890123456"  # a string, never a float
    assert [e["type"] for e in first["events"]] == [
        "created",
        "status_changed",
        "updated",
        "contacted_seller",
        "evidence_added",
    ]
    assert first["evidence"][0]["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert "content_base64" not in json.dumps(export)


def test_import_into_a_fresh_store_reproduces_the_export(filled, tmp_path, clock):
    export = export_all(filled)
    other = Store(tmp_path / "other", clock=clock)
    summary = import_all(other, export)
    assert summary.cases_added == 2 and summary.events_added == 6 and summary.evidence_added == 1
    # An export carries hashes, not files.
    assert summary.evidence_files_missing == 1
    again = export_all(other)
    for case in again["cases"]:
        for item in case["evidence"]:
            item["stored"] = True
    assert _without_time(again) == _without_time(export)
    other.close()


def test_importing_twice_adds_nothing(filled, tmp_path, clock):
    export = export_all(filled)
    assert import_all(filled, export).model_dump() == {
        "cases_added": 0,
        "cases_skipped": 2,
        "events_added": 0,
        "evidence_added": 0,
        "evidence_files_missing": 0,
    }
    other = Store(tmp_path / "other", clock=clock)
    import_all(other, json.dumps(export))
    second = import_all(other, json.dumps(export).encode())
    assert (second.cases_added, second.events_added, second.evidence_added) == (0, 0, 0)
    assert list_cases(other).total == 2
    other.close()


def test_imported_evidence_is_stored_when_its_file_is_there(filled, tmp_path, clock):
    export = export_all(filled)
    other = Store(tmp_path / "other", clock=clock)
    sha = hashlib.sha256(PNG).hexdigest()
    shutil.copy(filled.evidence_dir / sha, other.evidence_dir / sha)
    assert import_all(other, export).evidence_files_missing == 0
    assert export_all(other)["cases"][0]["evidence"][0]["stored"] is True
    other.close()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {
            "format": "something.else",
            "schema_version": 2,
            "app_version": "x",
            "exported_at": "2026-11-20T09:30:00+08:00",
            "cases": [],
        },
        "not json",
        b"[1, 2]",
    ],
)
def test_import_refuses_what_is_not_an_export(store, data):
    with pytest.raises(InvalidData) as err:
        import_all(store, data)
    assert err.value.code == "invalid_import" and err.value.details


def test_import_refuses_a_damaged_case_and_adds_nothing(filled, tmp_path, clock):
    export = export_all(filled)
    export["cases"][1]["order"]["order_id"] = 3851234567890123456  # through a float somewhere
    other = Store(tmp_path / "other", clock=clock)
    with pytest.raises(InvalidData):
        import_all(other, export)
    assert list_cases(other).total == 0
    other.close()


def test_wipe_deletes_everything_including_files(filled):
    summary = wipe(filled)
    assert (summary.cases, summary.events, summary.evidence, summary.files) == (2, 6, 1, 1)
    assert list_cases(filled).total == 0
    assert list(filled.evidence_dir.iterdir()) == []
    conn = filled.connection()
    for table in ("cases", "case_events", "evidence", "idempotency_keys"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    # The text is gone from the file itself, not just unreachable.
    assert "陶瓷马克杯".encode() not in filled.path.read_bytes()
    assert export_all(filled)["cases"] == []
