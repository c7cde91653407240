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
