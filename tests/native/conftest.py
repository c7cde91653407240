import json
import os
import signal
import struct
import subprocess
import sys
import time

import pytest

from tousu.config import DEFAULT_EXTENSION_ID
from tousu.native.launch import free_port
from tousu.native.state import pid_alive, read_state

ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}/"


def frame(message) -> bytes:
    payload = message if isinstance(message, bytes) else json.dumps(message).encode()
    return struct.pack("=I", len(payload)) + payload


def unframe(raw: bytes) -> dict:
    (length,) = struct.unpack("=I", raw[:4])
    assert len(raw) == 4 + length, "exactly one framed answer"
    return json.loads(raw[4:].decode("utf-8"))


class Host:
    """Runs `tousu native-host` as the browser would: origin in argv, framing on the pipes."""

    def __init__(self, data_dir, port, environ=None):
        inherited = {k: v for k, v in os.environ.items() if k != "TOUSU_EXTENSION_IDS"}
        self.env = {
            **inherited,
            "TOUSU_DATA_DIR": str(data_dir),
            "TOUSU_PORT": str(port),
            "TOUSU_IDLE_TIMEOUT": "120",
            **(environ or {}),
        }
        self.data_dir = data_dir

    def run(self, stdin: bytes, *argv: str) -> tuple[dict, int]:
        done = subprocess.run(
            [sys.executable, "-m", "tousu", "native-host", *argv],
            input=stdin,
            capture_output=True,
            env=self.env,
            timeout=60,
        )
        return unframe(done.stdout), done.returncode

    def stop_helper(self) -> None:
        state = read_state(self.data_dir)
        if state and state["pid"] != os.getpid() and pid_alive(state["pid"]):
            os.kill(state["pid"], signal.SIGTERM)
            deadline = time.monotonic() + 10
            while pid_alive(state["pid"]) and time.monotonic() < deadline:
                time.sleep(0.05)


@pytest.fixture
def host(tmp_path):
    runner = Host(tmp_path / "data", free_port())
    yield runner
    runner.stop_helper()
