"""The helper and the mock shop as real processes on free loopback ports, always stopped."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..config import DEFAULT_EXTENSION_ID

CODE_RE = re.compile(r"Pairing code: ([0-9A-Z]{8})")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Process:
    """A child process logging to a file, with readiness polling and a guaranteed stop."""

    name = "process"

    def __init__(self, args: list[str], log_path: Path, port: int):
        self.port = port
        self.log_path = log_path
        self._log = open(log_path, "w+b")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "helper", *args],
            stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
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
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n"
                                   f"{self.output()}")
            if self._ready():
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} not ready after {timeout}s:\n{self.output()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._log.close()

    def kill(self) -> None:
        """SIGKILL: what a crash looks like."""
        self.process.kill()
        self.process.wait(5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class HelperProcess(_Process):
    """`tousu serve` on a free port with its own data directory."""

    name = "tousu serve"

    def __init__(self, data_dir: Path, port: int | None = None, log_path: Path | None = None,
                 extension_ids: list[str] | None = None):
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
            [sys.executable, "-m", "helper", "pair", "--data-dir", str(self.data_dir)],
            capture_output=True, text=True, check=True,
        ).stdout
        match = CODE_RE.search(out)
        assert match, out
        return match.group(1)

    def request(self, method: str, path: str, body: object = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict, dict]:
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

    def __init__(self, log_path: Path, port: int | None = None, now: str | None = None,
                 scenarios: list[str] | None = None, state_file: Path | None = None):
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
            f"{self.url}/_admin/{path}", data=data, method=method,
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
