"""Numbered schema migrations (migrations/NNNN_name.sql), applied in order when the store opens."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from .errors import SchemaTooNew

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The package's migrations, checked to be numbered 1, 2, 3... with no gap or duplicate."""
    found = []
    for entry in resources.files("tousu.store.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"store migrations must be numbered 1..N without gaps: {versions}")
    return found


def split_statements(sql: str) -> list[str]:
    """Split a script into single statements, using SQLite's own tokenizer to find the ends.

    `executescript` would be simpler but commits any open transaction first, and a migration
    must run inside one transaction together with its bookkeeping row.
    """
    statements: list[str] = []
    buffer = ""
    parts = sql.split(";")
    for part in parts[:-1]:
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    rest = buffer + parts[-1]
    lines = (line.strip() for line in rest.splitlines())
    if any(line and not line.startswith("--") for line in lines):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {rest.strip()!r}")
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute(_BOOKKEEPING)
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[int]:
    """Bring the database up to the latest migration; returns the versions applied now.

    Each migration runs in its own IMMEDIATE transaction with its bookkeeping row, so a failure
    leaves the database at the previous version, and two processes opening the same database at
    once (the helper and `tousu export`) apply each migration exactly once.
    """
    migrations = load_migrations() if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    current = schema_version(conn)
    if current > latest:
        raise SchemaTooNew(
            "schema_too_new",
            f"This data was written by a newer Tousu (schema {current}; this one knows {latest}). "
            "Upgrade Tousu instead of opening it with an older version.",
        )
    applied = []
    for migration in migrations:
        if migration.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
            ).fetchone()
            if not done:
                for statement in split_statements(migration.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                # Mirrors the version where generic SQLite tools look for it.
                conn.execute(f"PRAGMA user_version = {int(migration.version)}")
                applied.append(migration.version)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return applied
