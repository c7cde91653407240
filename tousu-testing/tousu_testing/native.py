"""A Chromium profile prepared for native messaging, and the helper the native host starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tousu.native.launch import LOG_FILE, free_port, ping
from tousu.native.state import pid_alive, read_state


@dataclass
class NativeSetup:
    profile_dir: Path
    data_dir: Path
    port: int  # the port the host tries first
    env: dict = field(default_factory=dict)

    @classmethod
    def prepare(cls, tmp_path: Path, idle_timeout: float = 600) -> NativeSetup:
        """Run `tousu install --profile-dir` as a shopper would, into a fresh profile."""
        profile, data = tmp_path / "chromium-profile", tmp_path / "native-data"
        done = subprocess.run(
            [sys.executable, "-m", "tousu", "install", "--profile-dir", str(profile)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0:
            raise RuntimeError(f"tousu install failed: {done.stdout}{done.stderr}")
        port = free_port()
        env = {"TOUSU_DATA_DIR": str(data), "TOUSU_PORT": str(port), "TOUSU_IDLE_TIMEOUT": str(idle_timeout)}
        return cls(profile, data, port, env)

    @property
    def log_path(self) -> Path:
        return self.data_dir / LOG_FILE

    def helper(self) -> dict | None:
        """The state of the helper the host started, if one answers."""
        state = read_state(self.data_dir)
        if state is None or not pid_alive(state.get("pid")) or ping(state["port"]) is None:
            return None
        return state

    def kill_helper(self, sig: int = signal.SIGKILL, timeout: float = 10) -> None:
        state = read_state(self.data_dir)
        if not state or not pid_alive(state.get("pid")):
            return
        os.kill(state["pid"], sig)
        deadline = time.monotonic() + timeout
        while ping(state["port"], timeout=0.3) is not None:
            if time.monotonic() > deadline:
                raise TimeoutError(f"helper pid {state['pid']} still answers")
            time.sleep(0.05)

    def stop_helper(self) -> None:
        self.kill_helper(signal.SIGTERM)
