"""The store's SQLite database: one connection per thread, transactions, and where files live."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..models.base import CHINA_TZ
from ..security.private import private_dir, private_file
from .migrate import Migration, migrate, schema_version

log = logging.getLogger(__name__)

DB_NAME = "tousu.sqlite3"
EVIDENCE_DIR = "evidence"
DEFAULT_MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
BUSY_TIMEOUT_SECONDS = 10.0


def iso(value: datetime) -> str:
    """The stored form of a time: China time, whole seconds, so stored times compare as text."""
    return value.astimezone(CHINA_TZ).replace(microsecond=0).isoformat(timespec="seconds")


def _journal_wal(conn: sqlite3.Connection, deadline: float) -> str:
    # Switching a new file to WAL takes a lock SQLite does not wait for (the busy handler is not
    # called), so threads opening a fresh store together get "database is locked" at once: retry
    # until the busy timeout. Once the file is in WAL mode the switch is a no-op read.
    delay = 0.002
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    # Autocommit mode: transactions are opened explicitly (BEGIN IMMEDIATE for writes), never
    # implicitly by the sqlite3 module, so their extent is exactly what the code says.
    # check_same_thread is off only so close() can run from another thread; each connection is
    # still used by the one thread that opened it.
    conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    mode = _journal_wal(conn, time.monotonic() + busy_timeout)
    if mode.lower() != "wal":
        conn.close()
        raise RuntimeError(f"SQLite refused WAL mode for {path} (got {mode!r})")
    # FULL syncs the WAL on every commit: an acknowledged write survives a kill or a power cut.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
    # Deleted cases hold orders and personal text: overwrite their pages instead of freeing them.
    conn.execute("PRAGMA secure_delete=ON")
    return conn


def _close_all(connections: list[sqlite3.Connection], lock: threading.Lock) -> None:
    with lock:
        for conn in connections:
            conn.close()
        connections.clear()


class Store:
    """The case store under one data directory.

    Safe to share between threads (waitress serves each request on a pool thread): every thread
    gets its own connection, and writers serialise on SQLite's write lock.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] | None = None,
        max_evidence_bytes: int = DEFAULT_MAX_EVIDENCE_BYTES,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        migrations: list[Migration] | None = None,
    ):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_NAME
        self.evidence_dir = self.data_dir / EVIDENCE_DIR
        self.max_evidence_bytes = max_evidence_bytes
        self._clock = clock or (lambda: datetime.now(CHINA_TZ))
        self._busy_timeout = busy_timeout
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        # Connections belong to pool threads that outlive requests; close them with the store.
        self._finalizer = weakref.finalize(self, _close_all, self._connections, self._lock)
        # Orders, drafts and evidence are the shopper's own: not readable by other users. The
        # database file exists 0600 before SQLite opens it, so its -wal and -shm are 0600 too.
        private_dir(self.data_dir)
        private_dir(self.evidence_dir)
        private_file(self.path)
        migrate(self.connection(), migrations)

    # Connections and transactions -------------------------------------------------------------

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path, self._busy_timeout)
            with self._lock:
                self._connections.append(conn)
            self._local.conn = conn
            self._local.depth = 0
            self._local.on_commit = []
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested calls join the outer one (so a caller can wrap several
        store functions, and an idempotency record, in one atomic unit)."""
        conn = self.connection()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield conn
            finally:
                self._local.depth -= 1
            return
        if conn.in_transaction:
            raise RuntimeError("a write cannot start inside a read transaction")
        # IMMEDIATE takes the write lock up front: a deferred transaction that reads first and
        # writes later can fail with SQLITE_BUSY instead of waiting for the busy timeout.
        conn.execute("BEGIN IMMEDIATE")
        self._local.depth = 1
        self._local.on_commit = []
        try:
            yield conn
        except BaseException:
            self._local.depth = 0
            self._local.on_commit = []
            conn.execute("ROLLBACK")
            raise
        self._local.depth = 0
        callbacks, self._local.on_commit = self._local.on_commit, []
        try:
            conn.execute("COMMIT")
        except BaseException:
            # A failed COMMIT (disk full, I/O error) may leave the transaction open; this
            # thread's connection must not stay stuck inside it.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        for callback in callbacks:
            try:
                callback()
            except Exception:
                # The transaction is durable; a failed clean-up must not turn it into an error.
                log.exception("store: after-commit clean-up failed")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for reads spanning several queries (a case and its events)."""
        conn = self.connection()
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def on_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the current write transaction has committed (file clean-up that
        must not happen if the transaction rolls back)."""
        if not getattr(self._local, "depth", 0):
            callback()
            return
        self._local.on_commit.append(callback)

    def close(self) -> None:
        self._finalizer()

    # Time and schema -------------------------------------------------------------------------

    def now(self) -> datetime:
        return self._clock().astimezone(CHINA_TZ).replace(microsecond=0)

    @property
    def schema_version(self) -> int:
        return schema_version(self.connection())
