"""The helper and mock-shop processes of the plugin: started, reported, always stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import pytest

from tousu_testing import HelperProcess, MockShopProcess

# Starts and kills real processes: the slow layer (see tests/conftest.py).
pytestmark = pytest.mark.slow


def _gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        # A zombie still answers kill(0); it has exited all the same.
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().split(") ")[1].startswith("Z"):
                    return True
        except (FileNotFoundError, IndexError):
            return True
        time.sleep(0.05)
    return False


def _matching(marker: str) -> list[str]:
    out = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout
    return out.split()


def test_helper_starts_pings_and_stops_leaving_nothing(tmp_path):
    with HelperProcess(tmp_path / "data") as helper:
        assert helper.request("GET", "/api/v1/ping")[0] == 200
        assert len(helper.pairing_code) == 8
        assert _matching(f"tousu serve.*{tmp_path}")
        assert helper.alive() and not helper.died()
    assert not helper.alive()
    assert _matching(f"tousu serve.*{tmp_path}") == []


def test_helper_that_cannot_start_fails_with_its_output(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(RuntimeError) as failure:
            HelperProcess(tmp_path / "data", port=port)
    message = str(failure.value)
    assert message.startswith("tousu serve exited with")
    assert str(port) in message  # the helper's own words about the taken port
    assert _matching(f"tousu serve.*{tmp_path}") == []


def test_a_crash_is_told_apart_from_a_deliberate_kill(tmp_path):
    crashed = HelperProcess(tmp_path / "a")
    try:
        os.kill(crashed.pid, signal.SIGKILL)
        assert _gone(crashed.pid)
        crashed.process.wait(5)
        assert crashed.died()
        report = crashed.death_report()
        assert "tousu serve" in report and "died unexpectedly" in report
        assert "Pairing code" in report  # the captured output is part of the report
    finally:
        crashed.stop()

    killed = HelperProcess(tmp_path / "b")
    killed.kill()
    killed.stop()
    assert not killed.died()


def test_children_die_with_a_killed_test_process(tmp_path):
    # A pytest process killed with SIGKILL runs no teardown; the children must still go.
    script = textwrap.dedent(f"""
        import os, signal, sys
        from pathlib import Path
        from tousu_testing import HelperProcess, MockShopProcess
        helper = HelperProcess(Path({str(tmp_path)!r}) / "data")
        shop = MockShopProcess(Path({str(tmp_path)!r}) / "mock.log")
        print(helper.pid, shop.pid, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=os.getcwd()
    )
    helper_pid, shop_pid = map(int, out.stdout.split())
    assert _gone(helper_pid), "tousu serve outlived the killed test process"
    assert _gone(shop_pid), "tousu mock outlived the killed test process"


def test_mock_shop_starts_resets_and_stops(tmp_path):
    with MockShopProcess(tmp_path / "mock.log") as shop:
        assert shop.admin("POST", "reset")["ok"] is True
        assert shop.submissions() == []
        assert shop.mock_url("https://rights.taobao.com/complaint/buyerList.htm") == (
            f"{shop.url}/rights.taobao.com/complaint/buyerList.htm"
        )
    assert not shop.alive()
    assert _gone(shop.pid)
