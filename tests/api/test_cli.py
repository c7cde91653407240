"""`tousu export | import | wipe`: the shopper's data out, back in, or gone."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tousu.cli import main
from tousu.models.case import CaseCreate, EvidenceCreate
from tousu.security import PairingStore
from tousu.store import DB_NAME, add_evidence, create_case, open_store

PNG = b"\x89PNG\r\n\x1a\n" + b"tousu-test-image"
ORDER = {
    "order_id": "3141592653589793238",
    "platform": "tmall",
    "shop": {"name": "示例旗舰店"},
    "status": "completed",
    "total_paid": "199.00",
    "items": [
        {
            "sub_order_id": "3141592653589793239",
            "title": "示例 TWS 真无线蓝牙耳机",
            "quantity": 1,
            "unit_price": "199.00",
        }
    ],
}


def _seed(data_dir: Path) -> dict:
    """One case with an event trail and one stored evidence file; returns what a test checks."""
    store = open_store(data_dir)
    try:
        case = create_case(
            store,
            CaseCreate.model_validate({"order": ORDER, "problem": "左耳没有声音", "type": "quality_defect"}),
        )
        evidence, _ = add_evidence(
            store,
            case.id,
            EvidenceCreate(
                code="defect_photo",
                file_name="左耳.png",
                media_type="image/png",
                content_base64=base64.b64encode(PNG).decode(),
            ),
        )
    finally:
        store.close()
    pairing = PairingStore(data_dir / "pairing.sqlite3")
    token = pairing.redeem(pairing.issue_code(), "khmieohggomiimlkifljoeeehncpephg").token
    return {"case_id": case.id, "sha256": evidence.sha256, "token": token}


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def seeded(tmp_path) -> tuple[Path, dict]:
    data_dir = tmp_path / "data"
    return data_dir, _seed(data_dir)


def test_export_prints_cases_with_evidence_hashes(seeded):
    data_dir, facts = seeded
    result = _run("export", "--data-dir", str(data_dir))
    assert result.exit_code == 0, result.output
    bundle = json.loads(result.stdout)
    assert bundle["format"] == "tousu.cases"
    (case,) = bundle["cases"]
    assert case["id"] == facts["case_id"]
    assert case["order"]["order_id"] == "3141592653589793238"  # a string, never a number
    assert case["evidence"][0]["sha256"] == facts["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert "左耳没有声音" in result.stdout  # Chinese as text, not \\u escapes


def test_export_to_a_private_file(seeded, tmp_path):
    data_dir, facts = seeded
    target = tmp_path / "out" / "cases.json"
    target.parent.mkdir()
    result = _run("export", "--data-dir", str(data_dir), "-o", str(target))
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary == {"ok": True, "file": str(target.resolve()), "cases": 1, "evidence": 1, "damaged": []}
    assert json.loads(target.read_text("utf-8"))["cases"][0]["id"] == facts["case_id"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["cases.json"]  # no temp file left


def test_export_of_a_missing_data_dir_fails_without_creating_it(tmp_path):
    missing = tmp_path / "nowhere"
    result = _run("export", "--data-dir", str(missing))
    assert result.exit_code == 1
    assert "没有 Tousu 的数据" in result.stderr and "no Tousu data" in result.stderr
    assert not missing.exists()


def test_import_is_idempotent(seeded, tmp_path):
    data_dir, facts = seeded
    export = tmp_path / "cases.json"
    assert _run("export", "--data-dir", str(data_dir), "-o", str(export)).exit_code == 0
    fresh = tmp_path / "fresh"

    first = _run("import", str(export), "--data-dir", str(fresh))
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["cases_added"] == 1 and summary["evidence_added"] == 1
    assert summary["events_added"] >= 2  # created + evidence_added
    # The export holds hashes, not bytes: the file is named as missing.
    assert summary["evidence_files_missing"] == 1

    second = json.loads(_run("import", str(export), "--data-dir", str(fresh)).stdout)
    assert second == {
        "cases_added": 0,
        "cases_skipped": 1,
        "events_added": 0,
        "evidence_added": 0,
        "evidence_files_missing": 0,
    }
    again = json.loads(_run("export", "--data-dir", str(fresh)).stdout)
    assert [c["id"] for c in again["cases"]] == [facts["case_id"]]


def test_import_from_standard_input(seeded, tmp_path):
    data_dir, _ = seeded
    export = _run("export", "--data-dir", str(data_dir)).stdout
    result = _run("import", "-", "--data-dir", str(tmp_path / "fresh"), input=export)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cases_added"] == 1


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        '{"format": "something.else", "cases": []}',
        '{"format": "tousu.cases", "format_version": 1, "schema_version": 1, "app_version": "0",'
        ' "exported_at": "2026-01-01T00:00:00+08:00", "cases": [{"id": "nope"}]}',
    ],
)
def test_import_refuses_what_is_not_an_export(tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    data_dir = tmp_path / "data"
    result = _run("import", str(bad), "--data-dir", str(data_dir))
    assert result.exit_code == 1
    assert "不是 Tousu 的案件导出文件" in result.stderr
    assert "Error:" in result.stderr and "Traceback" not in result.output
    assert result.stdout == ""
    store = open_store(data_dir)
    try:
        assert store.connection().execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0
    finally:
        store.close()


def test_wipe_asks_first_and_no_keeps_everything(seeded):
    data_dir, facts = seeded
    result = _run("wipe", "--data-dir", str(data_dir), input="n\n")
    assert result.exit_code == 1
    assert "撤销所有配对" in result.stderr and "revokes every pairing" in result.stderr
    assert facts["case_id"] in _run("export", "--data-dir", str(data_dir)).stdout
    assert PairingStore(data_dir / "pairing.sqlite3").extension_for(facts["token"]) is not None


def test_wipe_deletes_cases_evidence_and_pairings(seeded):
    data_dir, facts = seeded
    result = _run("wipe", "--data-dir", str(data_dir), input="y\n")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary == {"ok": True, "cases": 1, "events": 2, "evidence": 1, "files": 1, "pairings_revoked": 1}
    assert json.loads(_run("export", "--data-dir", str(data_dir)).stdout)["cases"] == []
    assert list((data_dir / "evidence").iterdir()) == []
    assert PairingStore(data_dir / "pairing.sqlite3").extension_for(facts["token"]) is None


def test_wipe_yes_does_not_ask(seeded):
    data_dir, _ = seeded
    result = _run("wipe", "--data-dir", str(data_dir), "--yes")
    assert result.exit_code == 0, result.output
    assert "Continue?" not in result.output
    assert json.loads(result.stdout)["cases"] == 1


def test_wipe_of_a_missing_data_dir_fails(tmp_path):
    result = _run("wipe", "--data-dir", str(tmp_path / "nowhere"), "--yes")
    assert result.exit_code == 1
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.slow  # starts real processes
def test_round_trip_through_the_real_command(seeded, tmp_path):
    # export -> wipe -> import with `python -m helper`, as a shopper would run it.
    data_dir, facts = seeded
    export = tmp_path / "backup.json"

    def tousu(*args: str) -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "tousu", *args, "--data-dir", str(data_dir)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    assert tousu("export", "-o", str(export))["cases"] == 1
    before = json.loads(export.read_text("utf-8"))
    assert tousu("wipe", "--yes")["cases"] == 1
    assert tousu("import", str(export))["cases_added"] == 1
    after = tousu("export")["cases"]
    # Everything comes back except the evidence bytes: an export carries hashes, not files.
    assert after[0]["evidence"][0].pop("stored") is False
    assert before["cases"][0]["evidence"][0].pop("stored") is True
    assert after == before["cases"]
    assert (data_dir / DB_NAME).is_file()
