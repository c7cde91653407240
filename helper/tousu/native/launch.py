"""Find the helper serving a data directory, or start one detached and wait until it answers."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .. import SERVICE_NAME
from .state import pid_alive, read_state

START_TIMEOUT = 20.0
LOG_FILE = "helper.log"
START_LOCK = "helper-starting.lock"


class LaunchError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def ping(port: int, timeout: float = 1.5, query: str = "") -> dict | None:
    """The ping body when something calling itself the Tousu helper answers, else None."""
    try:
        with urllib.request.urlopen(  # noqa: S310 (loopback only)
            f"http://127.0.0.1:{port}/api/v1/ping{query}", timeout=timeout
        ) as response:
            if not response.headers.get("X-Tousu-Helper", "").startswith(SERVICE_NAME):
                return None
            body = json.loads(response.read())
    except (OSError, ValueError, urllib.error.URLError):
        return None
    return body if isinstance(body, dict) and body.get("service") == SERVICE_NAME else None


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def proving_ping(token: str, token_id: str):
    """A check that the helper on a port holds this token: the same challenge the extension
    makes, so a program squatting on a stale state file's port is never taken for the helper."""

    def check(port: int) -> dict | None:
        challenge = secrets.token_hex(16)
        body = ping(port, query=f"?challenge={challenge}&token_id={token_id}")
        key = hashlib.sha256(token.encode("utf-8")).digest()
        expected = hmac.new(key, challenge.encode("ascii"), hashlib.sha256).hexdigest()
        if body is None or not hmac.compare_digest(str(body.get("proof", "")), expected):
            return None
        return body

    return check


def running_helper(data_dir: Path, check=ping) -> dict | None:
    """The state of the live helper for this data directory, checked by `check(port)`."""
    state = read_state(data_dir)
    if state is None or not pid_alive(state.get("pid")):
        return None
    body = check(state["port"])
    if body is None:
        return None
    return {**state, "version": body.get("version", state.get("version"))}


def _detached() -> dict:
    """Popen options so the helper outlives the host: Chrome ends the host (and on Windows its
    job) as soon as the answer is read."""
    if sys.platform == "win32":
        flags = 0x00000008 | 0x00000200 | 0x01000000  # DETACHED | NEW_PROCESS_GROUP | BREAKAWAY_FROM_JOB
        return {"creationflags": flags}
    return {"start_new_session": True}


def start_helper(
    data_dir: Path, preferred_port: int, extension_ids: list[str], idle_timeout: float
) -> subprocess.Popen:
    port = preferred_port if port_free(preferred_port) else free_port()
    command = [sys.executable, "-m", "tousu", "serve", "--port", str(port), "--data-dir", str(data_dir)]
    for extension_id in extension_ids:
        command += ["--extension-id", extension_id]
    command += ["--idle-timeout", str(idle_timeout)]
    data_dir.mkdir(parents=True, exist_ok=True)
    log = open(data_dir / LOG_FILE, "ab")  # noqa: SIM115 (handed to the child)
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            close_fds=True,
            **_detached(),
        )
    finally:
        log.close()


def _take_start_lock(data_dir: Path) -> bool:
    """One host starts the helper; a second connect at the same moment waits for it instead."""
    lock = data_dir / START_LOCK
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        try:
            if time.time() - lock.stat().st_mtime > START_TIMEOUT * 2:
                lock.unlink()  # left by a host that died mid-start
                return _take_start_lock(data_dir)
        except OSError:
            pass
        return False
    os.close(fd)
    return True


def ensure_helper(
    data_dir: Path,
    preferred_port: int,
    extension_ids: list[str],
    idle_timeout: float,
    timeout: float = START_TIMEOUT,
    check=ping,
) -> dict:
    """{port, pid, version, started: bool} of a helper that passes `check`, starting one if
    needed (on a free port when the preferred one is taken, e.g. by whatever failed the check)."""
    found = running_helper(data_dir, check)
    if found is not None:
        return {**found, "started": False}
    data_dir.mkdir(parents=True, exist_ok=True)
    owner = _take_start_lock(data_dir)
    process = None
    try:
        if owner:
            process = start_helper(data_dir, preferred_port, extension_ids, idle_timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = running_helper(data_dir, check)
            if found is not None:
                return {**found, "started": owner}
            if process is not None and process.poll() is not None:
                raise LaunchError(
                    "start_failed",
                    f"助手启动失败（退出码 {process.returncode}），详见 {data_dir / LOG_FILE}。"
                    f" / The helper exited with status {process.returncode}; see {data_dir / LOG_FILE}.",
                )
            time.sleep(0.05)
    finally:
        if owner:
            with contextlib.suppress(OSError):
                (data_dir / START_LOCK).unlink()
    raise LaunchError(
        "start_timeout",
        f"助手在 {timeout:.0f} 秒内没有启动，详见 {data_dir / LOG_FILE}。"
        f" / The helper did not start within {timeout:.0f} s; see {data_dir / LOG_FILE}.",
    )
