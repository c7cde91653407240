from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tousu.cli import main

# Runs `tousu serve` as a real process: the slow layer (see tests/conftest.py).
pytestmark = pytest.mark.slow


def test_serve_refuses_a_non_loopback_address(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "only ever binds loopback" in result.output


def test_serve_fails_loudly_when_the_port_is_taken(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tousu", "serve", "--port", str(port), "--data-dir", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 3
    assert f"port {port}" in result.stderr
    # The holder is this very test process: the message names it.
    assert f"pid {os.getpid()}" in result.stderr
    assert "never moves to another port" in result.stderr


def test_serve_answers_advice_asked_right_after_ping(tmp_path):
    # The rules load in a start-up thread (/ping does not wait for them); advice asked at once
    # waits for that load and is complete, not an error or a half-loaded rulebook.
    from tousu_testing.processes import HelperProcess

    with HelperProcess(tmp_path / "data") as helper:
        token = helper.pair()
        order = {
            "order_id": "3900000000000000001",
            "platform": "taobao",
            "shop": {"name": "示例数码店"},
            "status": "completed",
            "total_paid": "99.00",
            "items": [{"title": "蓝牙耳机", "quantity": 1, "unit_price": "99.00"}],
        }
        body = {"order": order, "problem": {"text": "耳机左边没有声音"}}
        status, _, advice = helper.request("POST", "/api/v1/advice", body, {"X-Tousu-Token": token})
    assert status == 200, advice
    assert advice["types"][0]["code"] == "quality_defect"
    assert advice["draft"]
