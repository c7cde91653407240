"""The helper and the mock shop as real processes on free loopback ports, always stopped."""

from __future__ import annotations

import contextlib
import ctypes
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tousu.config import DEFAULT_EXTENSION_ID

CODE_RE = re.compile(r"Pairing code: ([0-9A-Z]{8})")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover (runs in the child between fork and exec)
    """Linux: the child gets SIGTERM if the test process dies (even by SIGKILL), so a killed
    pytest run leaves no `tousu serve`/`tousu mock` behind."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class _Process:
    """A child process logging to a file, with readiness polling and a guaranteed stop."""

    name = "process"

    def __init__(self, args: list[str], log_path: Path, port: int):
        self.port = port
        self.log_path = Path(log_path)
        self.args = args
        self._stopping = False
        self._log = open(log_path, "w+b")  # noqa: SIM115 (closed in stop())
        # PDEATHSIG fires when the *thread* that forked exits, so only from the main thread.
        parent_watch = (
            sys.platform.startswith("linux") and threading.current_thread() is threading.main_thread()
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tousu", *args],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent if parent_watch else None,  # noqa: PLW1509
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def died(self) -> bool:
        """True if the process ended without the test stopping or killing it (a crash)."""
        return not self._stopping and self.process.poll() is not None

    def death_report(self) -> str:
        return (
            f"{self.name} (pid {self.pid}, port {self.port}) died unexpectedly (exit "
            f"code {self.process.returncode}). Its output ({self.log_path}):\n{self.output()}"
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")

    def _ready(self) -> bool:
        raise NotImplementedError

    def wait_ready(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.output()}")
            if self._ready():
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} not ready after {timeout}s:\n{self.output()}")

    def stop(self) -> None:
        self._stopping = True
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._log.close()

    def kill(self) -> None:
        """SIGKILL: what a crash looks like (a deliberate one: `died()` stays False)."""
        self._stopping = True
        self.process.kill()
        self.process.wait(5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class HelperProcess(_Process):
    """`tousu serve` on a free port with its own data directory."""

    name = "tousu serve"

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        log_path: Path | None = None,
        extension_ids: list[str] | None = None,
    ):
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        port = port or free_port()
        args = ["serve", "--port", str(port), "--data-dir", str(self.data_dir)]
        for ext in extension_ids or []:
            args += ["--extension-id", ext]
        super().__init__(args, log_path or self.data_dir / "helper.log", port)
        self.wait_ready()

    def _ready(self) -> bool:
        if not CODE_RE.search(self.output()):
            return False
        try:
            return self.request("GET", "/api/v1/ping")[0] == 200
        except OSError:
            return False

    @property
    def pairing_code(self) -> str:
        """The one-time code the helper printed at start-up."""
        match = CODE_RE.search(self.output())
        assert match, self.output()
        return match.group(1)

    def new_pairing_code(self) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "tousu", "pair", "--data-dir", str(self.data_dir)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        match = CODE_RE.search(out)
        assert match, out
        return match.group(1)

    def request(
        self, method: str, path: str, body: object = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict, dict]:
        """A raw request with the helper's own Host; returns (status, headers, json body)."""
        data = None if body is None else json.dumps(body).encode()
        hdrs = {"Content-Type": "application/json"} if data is not None else {}
        hdrs.update(headers or {})
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, dict(response.headers), json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            return exc.code, dict(exc.headers), json.loads(raw) if raw else {}

    def pair(self, extension_id: str = DEFAULT_EXTENSION_ID) -> str:
        """Pair as a non-browser client and return the token (the UI flow is tested separately)."""
        status, _, body = self.request(
            "POST", "/api/v1/pairing", {"code": self.new_pairing_code(), "extension_id": extension_id}
        )
        assert status == 201, body
        return body["token"]


class MockShopProcess(_Process):
    """`tousu mock` on a free port."""

    name = "tousu mock"

    def __init__(
        self,
        log_path: Path,
        port: int | None = None,
        now: str | None = None,
        scenarios: list[str] | None = None,
        state_file: Path | None = None,
    ):
        port = port or free_port()
        args = ["mock", "--port", str(port)]
        if now:
            args += ["--now", now]
        for name in scenarios or []:
            args += ["--scenario", name]
        if state_file:
            args += ["--state", str(state_file)]
        super().__init__(args, log_path, port)
        self.wait_ready()

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/_admin/scenarios", timeout=2):  # noqa: S310
                return True
        except OSError:
            return False

    def admin(self, method: str, path: str, body: object = None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/_admin/{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"} if data else {},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read() or b"null")

    def submissions(self) -> list[dict]:
        return self.admin("GET", "submissions")["submissions"]

    def mock_url(self, real_url: str) -> str:
        """The mock-shop address that serves a real Taobao/Tmall URL."""
        scheme, _, rest = real_url.partition("://")
        return f"{self.url}/{rest}"
