"""Benchmark: the real helper process (`python -m tousu serve`) from start to answering /ping,
and its RSS once everything is loaded (after the first advice), against floors from the same run.

Floors: `python -c pass` (the interpreter) and `python -c "import flask"` (the web framework
alone); the ratios say what the helper adds on top, independent of the machine's load.
Every process runs with byte-code caches (in a temporary PYTHONPYCACHEPREFIX, written by an
untimed first run), as an installed helper has them, whatever PYTHONDONTWRITEBYTECODE says.
Usage: .venv/bin/python scripts/bench_ready.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HELPER = Path(__file__).resolve().parents[1] / "helper"
sys.path.insert(0, str(HELPER))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_advice import ORDER_REQUEST, cold_start  # noqa: E402

from tousu_testing.processes import free_port  # noqa: E402

READY_BUDGET = 0.5  # seconds, issue 11
RSS_BUDGET = 120.0  # MB, issue 11


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=HELPER, env=_ENV)
    return time.perf_counter() - start


def _get(url: str, timeout: float = 5.0) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback)
        return int(response.status)


def _post(url: str, body: object, headers: dict[str, str] | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode()
    hdrs = {"Content-Type": "application/json", **(headers or {})}
    request = urllib.request.Request(url, data=data, method="POST", headers=hdrs)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return int(response.status), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def helper_once(advise: bool) -> tuple[float, float, float]:
    """(seconds to /ping, seconds to the first advice after ping, RSS MB after it)."""
    port = free_port()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as data_dir:
        args = [sys.executable, "-m", "tousu", "serve", "--port", str(port), "--data-dir", data_dir]
        start = time.perf_counter()
        process = subprocess.Popen(
            args, cwd=HELPER, env=_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        base = f"http://127.0.0.1:{port}/api/v1"
        try:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"helper exited: {process.stdout.read() if process.stdout else ''}")
                try:
                    if _get(base + "/ping", timeout=1.0) == 200:
                        break
                except OSError:
                    time.sleep(0.005)
            ready = time.perf_counter() - start
            if not advise:
                return ready, 0.0, _rss_mb(process.pid)
            code = None
            assert process.stdout is not None
            for line in process.stdout:
                if "Pairing code:" in line:
                    code = line.split("Pairing code:")[1].strip()
                    break
            status, body = _post(base + "/pairing", {"code": code, "extension_id": _extension_id()})
            assert status == 201, body
            token = {"X-Tousu-Token": body["token"]}
            t = time.perf_counter()
            status, body = _post(base + "/advice", ORDER_REQUEST, token)
            assert status == 200, body
            first = time.perf_counter() - t
            return ready, first, _rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(10)


def _extension_id() -> str:
    from tousu.config import DEFAULT_EXTENSION_ID

    return DEFAULT_EXTENSION_ID


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as cache:
        _ENV["PYTHONPYCACHEPREFIX"] = cache
        helper_once(advise=True)  # writes the byte-code caches; not timed
        _run("import flask")
        measure(args.rounds)


def measure(rounds: int) -> None:
    python = statistics.median(_run("pass") for _ in range(rounds))
    flask = statistics.median(_run("import flask") for _ in range(rounds))
    runs = [helper_once(advise=True) for _ in range(rounds)]
    ready = statistics.median(r[0] for r in runs)
    first = statistics.median(r[1] for r in runs)
    rss = max(r[2] for r in runs)
    print(f"floor python -c pass      {python:6.3f} s")
    print(f"floor import flask        {flask:6.3f} s")
    print(
        f"helper start to /ping     {ready:6.3f} s  (budget {READY_BUDGET} s)  "
        f"ratio {ready / python:5.1f}x python, {ready / flask:5.1f}x flask"
    )
    print(f"first /advice after ping  {first:6.3f} s")
    in_process, peak = cold_start()
    print(
        f"in process: import to first advice {in_process:6.3f} s  ratio {in_process / python:5.1f}x python, "
        f"{in_process / flask:5.1f}x flask; peak RSS {peak:5.1f} MB"
    )
    print(f"helper RSS after advice   {rss:6.1f} MB (budget {RSS_BUDGET:.0f} MB)")


if __name__ == "__main__":
    main()
