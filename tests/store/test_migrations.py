from __future__ import annotations

import sqlite3
import threading
from contextlib import closing

import pytest

from tousu.store import DB_NAME, SchemaTooNew, Store
from tousu.store.migrate import Migration, load_migrations, migrate, split_statements


def _versions(path) -> list[int]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")]


def _tables(path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_migrations_are_numbered_from_one_without_gaps():
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "initial"


def test_fresh_database_gets_every_migration(tmp_path):
    store = Store(tmp_path)
    latest = load_migrations()[-1].version
    assert store.schema_version == latest
    assert _versions(tmp_path / DB_NAME) == list(range(1, latest + 1))
    assert {"cases", "case_events", "evidence", "idempotency_keys"} <= _tables(tmp_path / DB_NAME)
    user_version = store.connection().execute("PRAGMA user_version").fetchone()[0]
    assert user_version == latest
    store.close()


def test_database_at_an_older_version_upgrades_and_keeps_its_data(tmp_path):
    old = Store(tmp_path, migrations=load_migrations()[:1])
    old.connection().execute(
        "INSERT INTO cases (id, order_id, platform, order_json, problem, type, status, created_at,"
        " updated_at) VALUES ('0123456789abcdef0123456789abcdef', '1', 'taobao', "
        "'{\"order_id\": \"1\"}', 'p', 'quality_defect', 'draft', 't', 't')"
    )
    old.close()
    assert _versions(tmp_path / DB_NAME) == [1]
    assert "idempotency_keys" not in _tables(tmp_path / DB_NAME)

    upgraded = Store(tmp_path)
    assert _versions(tmp_path / DB_NAME) == [m.version for m in load_migrations()]
    assert "idempotency_keys" in _tables(tmp_path / DB_NAME)
    assert upgraded.connection().execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 1
    upgraded.close()


def test_reopening_applies_nothing(tmp_path):
    Store(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / DB_NAME)) as conn:
        before = conn.execute("SELECT * FROM schema_migrations").fetchall()
        assert migrate(conn) == []
        assert conn.execute("SELECT * FROM schema_migrations").fetchall() == before


def test_a_failing_migration_leaves_the_previous_version(tmp_path):
    broken = Migration(
        len(load_migrations()) + 1,
        "broken",
        "CREATE TABLE half_done (a INTEGER);\nINSERT INTO no_such_table VALUES (1);\n",
    )
    with pytest.raises(sqlite3.OperationalError):
        Store(tmp_path, migrations=[*load_migrations(), broken])
    assert _versions(tmp_path / DB_NAME) == [m.version for m in load_migrations()]
    assert "half_done" not in _tables(tmp_path / DB_NAME)


def test_a_database_from_a_newer_tousu_is_refused(tmp_path):
    Store(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    with pytest.raises(SchemaTooNew):
        Store(tmp_path)


def test_concurrent_opens_apply_each_migration_once(tmp_path):
    errors: list[BaseException] = []
    stores: list[Store] = []
    barrier = threading.Barrier(4)

    def open_it():
        barrier.wait()
        try:
            stores.append(Store(tmp_path))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert errors == []
    assert _versions(tmp_path / DB_NAME) == [m.version for m in load_migrations()]


def test_connections_are_durable_and_checked(store):
    conn = store.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_each_thread_gets_its_own_connection(store):
    seen = []
    thread = threading.Thread(target=lambda: seen.append(store.connection()))
    thread.start()
    thread.join()
    assert seen[0] is not store.connection()


def test_split_statements_uses_sqlite_tokenizer():
    sql = """
    -- a comment; with a semicolon
    CREATE TABLE t (a TEXT DEFAULT ';');
    CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN
        UPDATE t SET a = 'x;y' WHERE rowid = new.rowid;
    END; CREATE INDEX t_a ON t (a);
    -- trailing comment
    """
    statements = split_statements(sql)
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(ValueError):
        split_statements("CREATE TABLE t (a)")
