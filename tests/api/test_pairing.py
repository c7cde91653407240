from __future__ import annotations

import sqlite3

from tousu.security import PairingStore

from ..support.api import assert_error


def test_pairing_returns_a_long_token_once(app, anonymous):
    code = app.extensions["tousu.pairing"].issue_code()
    first = anonymous.post("/pairing", json={"code": code})
    assert first.status_code == 201
    assert len(first.json["token"]) >= 40
    assert_error(anonymous.post("/pairing", json={"code": code}), 400, "invalid_code")


def test_codes_are_forgiving_about_case_and_dashes(app, anonymous):
    code = app.extensions["tousu.pairing"].issue_code()
    messy = f" {code[:4].lower()}-{code[4:]} "
    assert anonymous.post("/pairing", json={"code": messy}).status_code == 201


def test_wrong_codes_are_slowed_but_never_lock_out_the_right_one(app, anonymous):
    for _ in range(5):
        assert_error(anonymous.post("/pairing", json={"code": "WRONGCOD"}), 400, "invalid_code")
    code = app.extensions["tousu.pairing"].issue_code()
    assert anonymous.post("/pairing", json={"code": code}).status_code == 201


def test_codes_expire(tmp_path):
    now = [1000.0]
    store = PairingStore(tmp_path / "p.sqlite3", code_ttl=600, clock=lambda: now[0])
    code = store.issue_code()
    now[0] += 601
    assert store.redeem(code, "ext").reason == "invalid_code"


def test_only_hashes_are_stored(app, anonymous, tmp_path):
    code = app.extensions["tousu.pairing"].issue_code()
    token = anonymous.post("/pairing", json={"code": code}).json["token"]
    db = sqlite3.connect(app.extensions["tousu.pairing"].path)
    dump = "\n".join(db.iterdump())
    assert token not in dump and code not in dump


def test_revoked_token_stops_working(api):
    assert api.get("/pairing").status_code == 200
    assert api.request("DELETE", "/pairing").json["paired"] is False
    assert_error(api.get("/pairing"), 401, "not_paired")


def test_pairing_needs_the_extension_origin_or_id(anonymous, app):
    code = app.extensions["tousu.pairing"].issue_code()
    response = anonymous.post("/pairing", json={"code": code}, headers={"Origin": None})
    assert_error(response, 403, "bad_origin")
    ok = anonymous.post(
        "/pairing",
        headers={"Origin": None},
        json={"code": code, "extension_id": "khmieohggomiimlkifljoeeehncpephg"},
    )
    assert ok.status_code == 201


def test_clear_codes_forgets_unused_codes(tmp_path):
    store = PairingStore(tmp_path / "p.sqlite3")
    code = store.issue_code()
    assert store.clear_codes() == 1
    assert store.redeem(code, "ext").reason == "invalid_code"
