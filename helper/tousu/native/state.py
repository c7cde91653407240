"""The running helper's state file: which port and pid serve a data directory.

`tousu serve` writes it once it listens and removes it when it stops, so the native host finds
the helper for the same data directory instead of starting a second one. Private (0600): it names
a port, not a secret, but nobody else's business either.
"""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path

STATE_FILE = "helper-state.json"


def state_path(data_dir: Path) -> Path:
    return Path(data_dir) / STATE_FILE


def write_private(path: Path, text: str) -> None:
    """Atomic write readable by this user only (on Windows the profile folder's ACL does that)."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temp, path)


def read_state(data_dir: Path) -> dict | None:
    try:
        data = json.loads(state_path(data_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("port"), int):
        return None
    return data


@contextmanager
def announced(data_dir: Path, port: int, version: str):
    """Hold the state file for as long as the helper serves."""
    path = state_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {"port": port, "pid": os.getpid(), "version": version, "started_at": time.time()}
    write_private(path, json.dumps(record))
    try:
        yield record
    finally:
        current = read_state(data_dir)
        # A newer helper may have replaced the file: only remove our own record.
        if current is not None and current.get("pid") == os.getpid():
            with suppress(OSError):
                path.unlink()


def pid_alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
