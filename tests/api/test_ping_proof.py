"""The helper proves it holds the extension's token before the extension sends it."""

from __future__ import annotations

import hashlib
import hmac

from tousu.security.pairing import PairingStore, proof_for


def _expected(token: str, challenge: str) -> str:
    key = hashlib.sha256(token.encode()).digest()
    return hmac.new(key, challenge.encode(), hashlib.sha256).hexdigest()


def test_proof_is_hmac_keyed_with_the_token_hash(tmp_path):
    store = PairingStore(tmp_path / "pairing.sqlite3")
    issued = store.issue_token("khmieohggomiimlkifljoeeehncpephg", via="native")
    challenge = "ab" * 16
    assert store.proof(issued.token_id, challenge) == _expected(issued.token, challenge)
    assert proof_for(hashlib.sha256(issued.token.encode()).hexdigest(), challenge) == _expected(
        issued.token, challenge
    )


def test_a_revoked_or_unknown_token_proves_nothing(tmp_path):
    store = PairingStore(tmp_path / "pairing.sqlite3")
    issued = store.issue_token("khmieohggomiimlkifljoeeehncpephg", via="native")
    assert store.proof("0" * 16, "ab" * 16) is None
    store.revoke(issued.token)
    assert store.proof(issued.token_id, "ab" * 16) is None


def test_ping_answers_the_challenge_without_the_token(app, anonymous):
    code = app.extensions["tousu.pairing"].issue_code()
    paired = anonymous.post("/pairing", json={"code": code}).json
    challenge = "5f" * 16
    body = anonymous.get(f"/ping?challenge={challenge}&token_id={paired['token_id']}").json
    assert body["paired"] is True
    assert body["proof"] == _expected(paired["token"], challenge)
    stranger = anonymous.get(f"/ping?challenge={challenge}&token_id={'0' * 16}").json
    assert stranger["paired"] is False and "proof" not in stranger
    malformed = anonymous.get(f"/ping?challenge=xyz&token_id={paired['token_id']}").json
    assert malformed["paired"] is False and "proof" not in malformed
