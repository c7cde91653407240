"""One-time pairing codes and the long tokens they are exchanged for.

Codes and tokens live in their own small SQLite file so that `tousu pair` (another process) can
issue a code the running helper accepts. Only SHA-256 hashes are stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .private import private_dir, private_file

# No 0/O/1/I/L: the shopper types the code by hand from a terminal.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
# Beside the case store in the data directory, but its own file: wiping cases is a separate act.
FILE_NAME = "pairing.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pairing_code (
    code_hash TEXT PRIMARY KEY,
    expires_at REAL NOT NULL,
    used_at REAL
);
CREATE TABLE IF NOT EXISTS pairing_token (
    token_hash TEXT PRIMARY KEY,
    extension_id TEXT NOT NULL,
    created_at REAL NOT NULL,
    revoked_at REAL
);
CREATE TABLE IF NOT EXISTS pairing_failure (
    at REAL NOT NULL
);
"""
# Columns added after the first release; added in place to an older pairing file.
_TOKEN_COLUMNS = {"token_id": "TEXT", "via": "TEXT", "last_used_at": "REAL", "expires_at": "REAL"}


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def proof_for(token_hash_hex: str, challenge: str) -> str:
    """What the helper answers to a challenge: HMAC-SHA256 keyed with SHA-256(token), over the
    challenge's ASCII. The extension holds the token, so it can check the answer; a program that
    took the port while the helper was stopped holds neither the token nor its hash."""
    return hmac.new(bytes.fromhex(token_hash_hex), challenge.encode("ascii"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: str
    # Public handle of the token: the extension names it (never the token) in a challenge.
    token_id: str


@dataclass(frozen=True)
class PairResult:
    ok: bool
    token: str | None = None
    reason: str | None = None  # "invalid_code" | "rate_limited"
    token_id: str | None = None


class PairingStore:
    def __init__(
        self,
        path: Path,
        *,
        code_ttl: int = 600,
        max_failures: int = 5,
        failure_window: int = 60,
        clock=time.time,
    ):
        self.path = Path(path)
        private_dir(self.path.parent)
        private_file(self.path)  # before SQLite opens it: the WAL and SHM inherit 0600
        self.code_ttl = code_ttl
        self.max_failures = max_failures
        self.failure_window = failure_window
        self._clock = clock
        self._lock = threading.Lock()
        with self._connect() as db:
            db.executescript(_SCHEMA)
            have = {row[1] for row in db.execute("PRAGMA table_info(pairing_token)")}
            for name, kind in _TOKEN_COLUMNS.items():
                if name not in have:
                    db.execute(f"ALTER TABLE pairing_token ADD COLUMN {name} {kind}")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def issue_code(self) -> str:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT INTO pairing_code (code_hash, expires_at) VALUES (?, ?)",
                (_hash(code), self._clock() + self.code_ttl),
            )
        return code

    def redeem(self, code: str, extension_id: str) -> PairResult:
        """Exchange a code for a token bound to `extension_id`; each code works once."""
        now = self._clock()
        normalised = code.strip().upper().replace("-", "").replace(" ", "")
        with self._lock, self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                recent = db.execute(
                    "SELECT COUNT(*) FROM pairing_failure WHERE at > ?",
                    (now - self.failure_window,),
                ).fetchone()[0]
                if recent >= self.max_failures:
                    db.execute("COMMIT")
                    return PairResult(False, reason="rate_limited")
                row = db.execute(
                    "SELECT expires_at, used_at FROM pairing_code WHERE code_hash = ?",
                    (_hash(normalised),),
                ).fetchone()
                if row is None or row[1] is not None or row[0] < now:
                    db.execute("INSERT INTO pairing_failure (at) VALUES (?)", (now,))
                    db.execute("COMMIT")
                    return PairResult(False, reason="invalid_code")
                db.execute(
                    "UPDATE pairing_code SET used_at = ? WHERE code_hash = ?", (now, _hash(normalised))
                )
                issued = self._insert_token(db, extension_id, via="code", now=now)
                db.execute("DELETE FROM pairing_code WHERE expires_at < ?", (now,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return PairResult(True, token=issued.token, token_id=issued.token_id)

    def issue_token(self, extension_id: str, *, via: str) -> IssuedToken:
        """A new token bound to `extension_id` without a code: for a caller whose identity the
        browser itself vouched for (the native messaging host, `via="native"`)."""
        with self._lock, self._connect() as db:
            return self._insert_token(db, extension_id, via=via, now=self._clock())

    def _insert_token(
        self, db: sqlite3.Connection, extension_id: str, *, via: str, now: float
    ) -> IssuedToken:
        issued = IssuedToken(token=secrets.token_urlsafe(32), token_id=secrets.token_hex(8))
        db.execute(
            "INSERT INTO pairing_token (token_hash, extension_id, created_at, token_id, via) "
            "VALUES (?, ?, ?, ?, ?)",
            (_hash(issued.token), extension_id, now, issued.token_id, via),
        )
        return issued

    def proof(self, token_id: str, challenge: str) -> str | None:
        """The answer to `challenge` for a live token, or None when `token_id` names none."""
        with self._connect() as db:
            row = db.execute(
                "SELECT token_hash FROM pairing_token WHERE token_id = ? AND revoked_at IS NULL",
                (token_id,),
            ).fetchone()
        return None if row is None else proof_for(row[0], challenge)

    def extension_for(self, token: str) -> str | None:
        """The extension id a live token is bound to, or None."""
        wanted = _hash(token)
        with self._connect() as db:
            row = db.execute(
                "SELECT token_hash, extension_id FROM pairing_token "
                "WHERE token_hash = ? AND revoked_at IS NULL",
                (wanted,),
            ).fetchone()
        if row is None or not hmac.compare_digest(row[0], wanted):
            return None
        return row[1]

    def revoke(self, token: str | None = None) -> int:
        """Revoke one token, or every token when none is given. Returns how many."""
        with self._lock, self._connect() as db:
            if token is None:
                cur = db.execute(
                    "UPDATE pairing_token SET revoked_at = ? WHERE revoked_at IS NULL", (self._clock(),)
                )
            else:
                cur = db.execute(
                    "UPDATE pairing_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                    (self._clock(), _hash(token)),
                )
            return cur.rowcount

    def clear_codes(self) -> int:
        """Forget every code not yet used (after a wipe, a code printed earlier must not pair)."""
        with self._lock, self._connect() as db:
            return db.execute("DELETE FROM pairing_code WHERE used_at IS NULL").rowcount

    def paired_extensions(self) -> list[str]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT DISTINCT extension_id FROM pairing_token WHERE revoked_at IS NULL"
            ).fetchall()
        return [r[0] for r in rows]
