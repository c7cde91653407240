"""Finding 3 (Medium) and Lows 8 and 9: pairing could be cracked offline (unsalted SHA-256 codes
in a readable file, old codes kept valid), jammed (a global persisted lockout), and tokens never
expired, could not be listed, and were read by /ping."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat

from click.testing import CliRunner

from tousu.cli import main
from tousu.security import PairingStore
from tousu.security.pairing import CODE_ALPHABET, CODE_LENGTH

from ..support.api import ORIGIN, Api, assert_envelope, make_app, pair

EXT = ORIGIN.removeprefix("chrome-extension://")


def _store(tmp_path, **kw) -> PairingStore:
    return PairingStore(tmp_path / "pairing.sqlite3", failure_delay=0, **kw)


def test_f03_codes_are_stored_as_a_keyed_hash_not_plain_sha256(tmp_path):
    store = _store(tmp_path)
    code = store.issue_code()
    dump = "\n".join(sqlite3.connect(store.path).iterdump())
    assert code not in dump
    # An offline search of the pairing file alone (the old attack) finds nothing.
    assert hashlib.sha256(code.encode()).hexdigest() not in dump
    key = tmp_path / "pairing.key"
    assert len(key.read_bytes()) == 32 and stat.S_IMODE(key.stat().st_mode) == 0o600
    # `tousu pair` (another process, same data dir) shares the key: its code is accepted here.
    other = _store(tmp_path)
    assert store.redeem(other.issue_code(), EXT).ok


def test_f03_issuing_a_code_invalidates_the_previous_one(tmp_path):
    store = _store(tmp_path)
    first = store.issue_code()
    second = store.issue_code()
    assert store.redeem(first, EXT).reason == "invalid_code"
    assert store.redeem(second, EXT).ok


def test_f08_wrong_codes_never_block_the_right_code(tmp_path):
    sleeps: list[float] = []
    store = PairingStore(tmp_path / "pairing.sqlite3", failure_delay=0.25, sleep=sleeps.append)
    code = store.issue_code()
    wrong = next(c * CODE_LENGTH for c in CODE_ALPHABET if c * CODE_LENGTH != code)
    for _ in range(50):
        assert store.redeem(wrong, EXT).reason == "invalid_code"
    # Each wrong code slowed its own answer; none of them locked the right one out.
    assert sleeps == [0.25] * 50
    assert store.redeem(code, EXT).ok
    # Nor across a restart.
    again = PairingStore(tmp_path / "pairing.sqlite3", failure_delay=0)
    assert again.redeem(again.issue_code(), EXT).ok


def test_f08_wrong_codes_over_http_do_not_lock_out(tmp_path):
    app = make_app(tmp_path, PAIRING_FAILURE_DELAY=0)
    client = Api(app)
    for _ in range(10):
        assert_envelope(client.post("pairing", json={"code": "WRONGCOD"}), 400, "invalid_code")
    code = app.extensions["tousu.pairing"].issue_code()
    assert client.post("pairing", json={"code": code}).status_code == 201


def test_f09_tokens_have_last_use_and_expiry_and_expire_when_idle(tmp_path):
    now = [1_000_000.0]
    store = _store(tmp_path, clock=lambda: now[0], token_idle=3600)
    issued = store.issue_token(EXT, via="native")
    [info] = store.tokens()
    assert info.token_id == issued.token_id and info.last_used_at is None
    assert info.expires_at == now[0] + 3600
    now[0] += 1800
    assert store.extension_for(issued.token) == EXT
    [info] = store.tokens()
    assert info.last_used_at == now[0] and info.expires_at == now[0] + 3600
    now[0] += 3601
    assert store.extension_for(issued.token) is None
    assert store.proof(issued.token_id, "ab" * 16) is None
    assert store.tokens() == []


def test_f09_tokens_are_listed_and_revoked_one_by_one_over_http(tmp_path):
    app = make_app(tmp_path)
    first, second = pair(app), pair(app)
    listed = first.get("tokens")
    assert listed.status_code == 200
    rows = listed.get_json()["tokens"]
    assert len(rows) == 2 and all(r["extension_id"] == EXT and r["via"] == "code" for r in rows)
    assert all(first.token not in json.dumps(r) for r in rows)
    mine = next(r for r in rows if r["current"])
    other = next(r for r in rows if not r["current"])
    assert mine["last_used_at"] is not None and mine["expires_at"]
    gone = first.delete(f"tokens/{other['token_id']}")
    assert gone.status_code == 200 and gone.get_json()["revoked"] is True
    assert_envelope(second.get("pairing"), 401, "not_paired")
    assert first.get("pairing").status_code == 200
    assert_envelope(first.delete(f"tokens/{other['token_id']}"), 404, "token_not_found")
    assert_envelope(first.delete("tokens/not-an-id"), 404, "token_not_found")
    assert_envelope(Api(app).get("tokens"), 401, "not_paired")


def test_f09_tousu_tokens_lists_and_revokes(tmp_path):
    app = make_app(tmp_path)
    api = pair(app)
    runner = CliRunner()
    listed = runner.invoke(main, ["tokens", "--data-dir", str(tmp_path)])
    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.output)["tokens"]
    revoked = runner.invoke(main, ["tokens", "--data-dir", str(tmp_path), "revoke", row["token_id"]])
    assert revoked.exit_code == 0, revoked.output
    assert_envelope(api.get("pairing"), 401, "not_paired")
    again = runner.invoke(main, ["tokens", "--data-dir", str(tmp_path), "revoke", row["token_id"]])
    assert again.exit_code == 1 and "Traceback" not in again.output


def test_f09_ping_ignores_the_token_header(tmp_path):
    app = make_app(tmp_path)
    api = pair(app)
    # The token sent to /ping (to whatever holds the port) no longer makes it say "paired".
    body = api.get("ping").get_json()
    assert body["paired"] is False and "proof" not in body
    token_id = next(r["token_id"] for r in api.get("tokens").get_json()["tokens"])
    proved = Api(app).get(f"ping?challenge={'ab' * 16}&token_id={token_id}").get_json()
    assert proved["paired"] is True and len(proved["proof"]) == 64
