"""Kill the real helper mid-stream: every write it acknowledged is on disk, and the file is sound.

Starts `tousu serve` as a process, pairs like a QA script (no Origin, extension_id in the body),
streams case writes from two threads, SIGKILLs the helper, then reads the database directly.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing

import pytest

from tousu.config import DEFAULT_EXTENSION_ID

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

ORDER = {"order_id": "3851234567890123456", "items": [{"title": "陶瓷马克杯"}]}
STARTUP_TIMEOUT = 20.0
STREAM_SECONDS = 1.5


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_helper(port: int, data_dir, log) -> tuple[subprocess.Popen, str]:
    # `python -m tousu` runs tousu.cli.main (helper/tousu/__main__.py).
    process = subprocess.Popen(
        [sys.executable, "-m", "tousu", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        encoding="utf-8",
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump():
        # Keep draining stdout so the helper never blocks on a full pipe.
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if "Pairing code:" in line:
            return process, line.rsplit(":", 1)[1].strip()
    process.kill()
    process.wait()
    pytest.fail("the helper printed no pairing code:\n" + "".join(seen))


def _call(conn: http.client.HTTPConnection, method: str, path: str, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-Tousu-Token"] = token
    payload = json.dumps(body).encode() if body is not None else None
    conn.request(method, f"/api/v1{path}", body=payload, headers=headers)
    response = conn.getresponse()
    return response.status, json.loads(response.read() or b"null")


def _pair(port: int, code: str) -> str:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        try:
            with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=5)) as conn:
                status, body = _call(
                    conn, "POST", "/pairing", {"code": code, "extension_id": DEFAULT_EXTENSION_ID}
                )
            assert status == 201, body
            return body["token"]
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.mark.slow  # starts real processes
def test_acknowledged_writes_survive_sigkill(tmp_path):
    data_dir = tmp_path / "data"
    port = _free_port()
    with open(tmp_path / "helper.log", "w") as log:
        process, code = _start_helper(port, data_dir, log)
        try:
            token = _pair(port, code)
            created: list[str] = []
            filed: list[str] = []
            lock = threading.Lock()
            stop = threading.Event()

            def stream(worker: int):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                n = 0
                try:
                    while not stop.is_set():
                        n += 1
                        status, body = _call(
                            conn,
                            "POST",
                            "/cases",
                            {
                                "order": ORDER,
                                "problem": f"worker {worker} case {n}",
                                "type": "quality_defect",
                            },
                            token,
                        )
                        assert status == 201, body
                        with lock:
                            created.append(body["id"])
                        status, body = _call(
                            conn, "PATCH", f"/cases/{body['id']}", {"status": "filed"}, token
                        )
                        assert status == 200, body
                        with lock:
                            filed.append(body["id"])
                except (OSError, http.client.HTTPException):
                    pass  # the helper is gone: whatever was in flight is unacknowledged
                finally:
                    conn.close()

            # The helper answers /ping before its advice rules finish loading (a case's clocks need
            # them): one write first, with a generous timeout, so the stream measures durability
            # and not the warm-up on a loaded machine.
            first = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                warm_up = {"order": ORDER, "problem": "warm-up", "type": "quality_defect"}
                status, body = _call(first, "POST", "/cases", warm_up, token)
            finally:
                first.close()
            assert status == 201, body
            created.append(body["id"])
            writers = [threading.Thread(target=stream, args=(w,)) for w in range(2)]
            for writer in writers:
                writer.start()
            time.sleep(STREAM_SECONDS)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            stop.set()
            for writer in writers:
                writer.join(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

    assert process.returncode == -signal.SIGKILL
    assert len(created) >= 5, "too few writes were acknowledged to prove anything"
    with closing(sqlite3.connect(data_dir / "tousu.sqlite3")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(db.execute("SELECT id, status FROM cases").fetchall())
        events = {
            row[0] for row in db.execute("SELECT case_id FROM case_events WHERE type = 'status_changed'")
        }
    missing = [case_id for case_id in created if case_id not in stored]
    assert missing == [], f"{len(missing)} acknowledged cases lost"
    assert all(stored[case_id] == "filed" for case_id in filed)
    assert set(filed) <= events
