"""One-time pairing codes and the long tokens they are exchanged for.

Codes and tokens live in their own small SQLite file so that `tousu pair` (another process) can
issue a code the running helper accepts. Nothing secret is stored in the clear:

- a code is kept only as HMAC-SHA256 under a random key (`pairing.key`, 0600 in the 0700 data
  directory), so a copy of the pairing file alone cannot be searched offline for the code;
- a token is kept as its SHA-256 (a 256-bit random token cannot be searched for), which is also
  the key of the ping proof the extension checks.

Only one code is live at a time: issuing one forgets every unused code. A wrong code slows its
own answer down; there is no lockout, so another process guessing cannot keep the right code out.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .private import FILE_MODE, private_dir, private_file

# No 0/O/1/I/L: the shopper types the code by hand from a terminal.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
# Beside the case store in the data directory, but its own file: wiping cases is a separate act.
FILE_NAME = "pairing.sqlite3"
KEY_NAME = "pairing.key"
# A token nobody used for this long stops working (the extension pairs again).
TOKEN_IDLE_SECONDS = 90 * 24 * 3600
# last_used_at is written at most this often per token: a read-only request stays read-only.
_TOUCH_EVERY = 60.0
# Each wrong code waits this long before its answer; no count of failures ever refuses a code.
FAILURE_DELAY_SECONDS = 0.25

_SCHEMA = """
DROP TABLE IF EXISTS pairing_failure;
DROP TABLE IF EXISTS pairing_code;
CREATE TABLE IF NOT EXISTS pairing_code_mac (
    code_mac TEXT PRIMARY KEY,
    expires_at REAL NOT NULL,
    used_at REAL
);
CREATE TABLE IF NOT EXISTS pairing_token (
    token_hash TEXT PRIMARY KEY,
    extension_id TEXT NOT NULL,
    created_at REAL NOT NULL,
    revoked_at REAL
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


def normalise_code(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


def _load_key(path: Path) -> bytes:
    """The code key, created once (atomically: a second process reads the finished file)."""
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except FileNotFoundError:
        pass
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another process won the race: use its key
        except OSError:
            os.replace(temp, path)  # no hard links here (some file systems)
    finally:
        temp.unlink(missing_ok=True)
    return path.read_bytes()


@dataclass(frozen=True)
class IssuedToken:
    token: str
    # Public handle of the token: the extension names it (never the token) in a challenge.
    token_id: str


@dataclass(frozen=True)
class PairResult:
    ok: bool
    token: str | None = None
    reason: str | None = None  # "invalid_code"
    token_id: str | None = None


@dataclass(frozen=True)
class TokenInfo:
    token_id: str
    extension_id: str
    via: str
    created_at: float
    last_used_at: float | None
    expires_at: float


class PairingStore:
    def __init__(
        self,
        path: Path,
        *,
        code_ttl: int = 600,
        max_failures: int = 5,  # accepted for older callers; wrong codes are slowed, never counted
        failure_window: int = 60,
        failure_delay: float = FAILURE_DELAY_SECONDS,
        token_idle: float = TOKEN_IDLE_SECONDS,
        clock=time.time,
        sleep=time.sleep,
    ):
        self.path = Path(path)
        private_dir(self.path.parent)
        private_file(self.path)  # before SQLite opens it: the WAL and SHM inherit 0600
        self._key = _load_key(self.path.with_name(KEY_NAME))
        self.code_ttl = code_ttl
        self.failure_delay = failure_delay
        self.token_idle = token_idle
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        with self._db() as db:
            db.executescript(_SCHEMA)
            have = {row[1] for row in db.execute("PRAGMA table_info(pairing_token)")}
            for name, kind in _TOKEN_COLUMNS.items():
                if name not in have:
                    db.execute(f"ALTER TABLE pairing_token ADD COLUMN {name} {kind}")
            # Tokens from before expiry existed start their idle clock now.
            db.execute(
                "UPDATE pairing_token SET expires_at = ? WHERE expires_at IS NULL",
                (self._clock() + self.token_idle,),
            )

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            yield db
        finally:
            db.close()

    def _mac(self, code: str) -> str:
        return hmac.new(self._key, normalise_code(code).encode(), hashlib.sha256).hexdigest()

    # ------------------------------------------------------------------ codes

    def issue_code(self) -> str:
        """A new code; every code issued before and not yet used stops working."""
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        with self._lock, self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "DELETE FROM pairing_code_mac WHERE used_at IS NULL OR expires_at < ?", (self._clock(),)
            )
            db.execute(
                "INSERT INTO pairing_code_mac (code_mac, expires_at) VALUES (?, ?)",
                (self._mac(code), self._clock() + self.code_ttl),
            )
            db.execute("COMMIT")
        return code

    def redeem(self, code: str, extension_id: str) -> PairResult:
        """Exchange a code for a token bound to `extension_id`; each code works once."""
        now = self._clock()
        mac = self._mac(code)
        with self._lock, self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute(
                    "SELECT expires_at FROM pairing_code_mac WHERE code_mac = ? AND used_at IS NULL",
                    (mac,),
                ).fetchone()
                issued = None
                if row is not None and row[0] >= now:
                    db.execute("UPDATE pairing_code_mac SET used_at = ? WHERE code_mac = ?", (now, mac))
                    issued = self._insert_token(db, extension_id, via="code", now=now)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        if issued is None:
            # Outside the lock: a guesser slows itself down, never the shopper's right code.
            self._sleep(self.failure_delay)
            return PairResult(False, reason="invalid_code")
        return PairResult(True, token=issued.token, token_id=issued.token_id)

    def clear_codes(self) -> int:
        """Forget every code not yet used (after a wipe, a code printed earlier must not pair)."""
        with self._lock, self._db() as db:
            return db.execute("DELETE FROM pairing_code_mac WHERE used_at IS NULL").rowcount

    # ------------------------------------------------------------------ tokens

    def issue_token(self, extension_id: str, *, via: str) -> IssuedToken:
        """A new token bound to `extension_id` without a code: for a caller whose identity the
        browser itself vouched for (the native messaging host, `via="native"`)."""
        with self._lock, self._db() as db:
            return self._insert_token(db, extension_id, via=via, now=self._clock())

    def _insert_token(
        self, db: sqlite3.Connection, extension_id: str, *, via: str, now: float
    ) -> IssuedToken:
        issued = IssuedToken(token=secrets.token_urlsafe(32), token_id=secrets.token_hex(8))
        db.execute(
            "INSERT INTO pairing_token (token_hash, extension_id, created_at, token_id, via, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (_hash(issued.token), extension_id, now, issued.token_id, via, now + self.token_idle),
        )
        return issued

    def _live_row(self, db: sqlite3.Connection, column: str, value: str, now: float):
        return db.execute(
            f"SELECT token_hash, extension_id, token_id, last_used_at FROM pairing_token "  # noqa: S608
            f"WHERE {column} = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
            (value, now),
        ).fetchone()

    def proof(self, token_id: str, challenge: str) -> str | None:
        """The answer to `challenge` for a live token, or None when `token_id` names none."""
        with self._db() as db:
            row = self._live_row(db, "token_id", token_id, self._clock())
        return None if row is None else proof_for(row[0], challenge)

    def token_id_for(self, token: str) -> str | None:
        with self._db() as db:
            row = self._live_row(db, "token_hash", _hash(token), self._clock())
        return None if row is None else row[2]

    def extension_for(self, token: str) -> str | None:
        """The extension id a live token is bound to, or None. Records the use (at most once a
        minute) and moves the token's idle expiry on."""
        wanted = _hash(token)
        now = self._clock()
        with self._db() as db:
            row = self._live_row(db, "token_hash", wanted, now)
            if row is None or not hmac.compare_digest(row[0], wanted):
                return None
            if row[3] is None or now - row[3] >= _TOUCH_EVERY:
                db.execute(
                    "UPDATE pairing_token SET last_used_at = ?, expires_at = ? WHERE token_hash = ?",
                    (now, now + self.token_idle, wanted),
                )
        return row[1]

    def tokens(self) -> list[TokenInfo]:
        """Every live token (never the secret), newest first."""
        with self._db() as db:
            rows = db.execute(
                "SELECT token_id, extension_id, COALESCE(via, 'code'), created_at, last_used_at, expires_at "
                "FROM pairing_token WHERE revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC",
                (self._clock(),),
            ).fetchall()
        return [TokenInfo(*row) for row in rows]

    def revoke_id(self, token_id: str) -> bool:
        """Revoke the live token with this public id; False when there is none."""
        with self._lock, self._db() as db:
            cur = db.execute(
                "UPDATE pairing_token SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
                (self._clock(), token_id),
            )
            return cur.rowcount > 0

    def revoke(self, token: str | None = None) -> int:
        """Revoke one token, or every token when none is given. Returns how many."""
        with self._lock, self._db() as db:
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

    def paired_extensions(self) -> list[str]:
        return sorted({info.extension_id for info in self.tokens()})
