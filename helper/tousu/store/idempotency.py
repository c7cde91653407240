"""Idempotency keys: a write sent twice with the same key happens once.

The browser sometimes sends a request twice (the same trap Joplin's `nounce` guards against).
The response to the first request is stored in the same transaction as the write itself, so a
crash can never leave the write without its record (which would let a retry write again), and
a concurrent duplicate waits on the write lock and then finds the record.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from .db import Store
from .errors import Conflict, InvalidData

# Browsers and the IETF draft use UUIDs; anything printable of a sane length is accepted.
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")
RETENTION_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Outcome:
    status: int
    body: str
    replayed: bool


def check_key(key: str) -> str:
    if not _KEY.match(key):
        raise InvalidData(
            "invalid_idempotency_key",
            "The Idempotency-Key header must be 1 to 255 printable ASCII characters.",
        )
    return key


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What makes two requests "the same": method, path and the body's JSON value (so key
    order and whitespace do not matter)."""
    try:
        value = json.loads(body) if body else None
        canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        payload = canonical.encode()
    except (ValueError, RecursionError):
        # Not JSON, or nested too deep to canonicalise: the exact bytes identify the request.
        payload = body
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), payload):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def run_once(
    store: Store,
    *,
    scope: str,
    key: str,
    fingerprint: str,
    action: Callable[[], tuple[int, str]],
) -> Outcome:
    """Run `action` (which returns status and JSON body) once per (scope, key).

    A repeat with the same fingerprint gets the stored response; a repeat with another
    fingerprint is a client bug and raises Conflict.
    """
    check_key(key)
    with store.write() as conn:
        now = store.now().timestamp()
        conn.execute("DELETE FROM idempotency_keys WHERE created_at < ?", (now - RETENTION_SECONDS,))
        row = conn.execute(
            "SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = ? AND key = ?",
            (scope, key),
        ).fetchone()
        if row is not None:
            if row["fingerprint"] != fingerprint:
                raise Conflict(
                    "idempotency_key_reused",
                    "This Idempotency-Key was already used for a different request; "
                    "use a new key for each action.",
                )
            return Outcome(row["status"], row["body"], replayed=True)
        status, body = action()
        conn.execute(
            "INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (scope, key, fingerprint, status, body, now),
        )
    return Outcome(status, body, replayed=False)
