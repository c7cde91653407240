"""`tousu doctor` names each state a shopper can be in, against real processes on real ports."""

from __future__ import annotations

import json
import os
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from tousu import API_VERSION
from tousu.cli import main
from tousu.doctor import diagnose
from tousu_testing import HelperProcess, free_port

# Starts real helper processes and servers: the slow layer (see tests/conftest.py).
pytestmark = pytest.mark.slow


def _doctor(port: int, data_dir) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, ["doctor", "--port", str(port), "--data-dir", str(data_dir)])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_not_running(tmp_path):
    port = free_port()
    code, report, said = _doctor(port, tmp_path / "data")
    assert code == 1
    assert report["state"] == "not_running" and report["ready"] is False
    assert report["helper_running"] is False and report["port_holder"] is None
    assert "tousu serve" in report["advice_zh"] and "tousu serve" in report["advice_en"]
    # Chinese first, then English, on stderr for the shopper.
    assert said.index("助手没有") < said.index("The helper is not running")
    assert not (tmp_path / "data").exists()  # looking does not create a data directory


@pytest.fixture(scope="module")
def helper(tmp_path_factory):
    with HelperProcess(tmp_path_factory.mktemp("doctor") / "data") as process:
        yield process


def test_running_ours_but_not_paired_then_paired(helper):
    # One helper process for both states (starting one costs a second of CI time).
    code, report, said = _doctor(helper.port, helper.data_dir)
    assert code == 1
    assert report["state"] == "not_paired"
    assert report["helper_is_tousu"] is True
    assert report["helper_api_version"] == API_VERSION
    assert report["helper_version"] == report["cli_version"]
    assert "tousu pair" in said and "配对" in said
    assert report["port_holder"] and "tousu serve" in report["port_holder"]

    helper.pair()
    code, report, said = _doctor(helper.port, helper.data_dir)
    assert code == 0, report
    assert report["state"] == "ready" and report["ready"] is True
    assert report["paired_extensions"] == ["khmieohggomiimlkifljoeeehncpephg"]
    assert "一切正常" in said


def test_pairing_in_another_data_dir_is_explained(helper, tmp_path):
    # Doctor looked in a data directory the running helper does not use.
    report = diagnose(helper.port, tmp_path / "elsewhere")
    assert report["state"] == "not_paired"
    assert "--data-dir" in report["advice_zh"] and "--data-dir" in report["advice_en"]


def test_port_taken_by_a_plain_socket(tmp_path):
    # Accepts connections and never says a word, like many a stuck program.
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        code, report, said = _doctor(port, tmp_path)
    assert code == 1
    assert report["state"] == "port_taken"
    assert report["helper_is_tousu"] is False
    assert f"pid {os.getpid()}" in report["port_holder"]  # this very test process
    assert f"pid {os.getpid()}" in said
    assert report["ping_error"]


class _Imitation(BaseHTTPRequestHandler):
    """Answers /api/v1/ping like some web server, or like a Tousu helper of another API version."""

    reply: dict = {}
    headers_out: dict = {}

    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = json.dumps(self.reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        for name, value in self.headers_out.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(reply: dict, headers: dict):
    handler = type("Handler", (_Imitation,), {"reply": reply, "headers_out": headers})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_port_taken_by_another_web_server(tmp_path):
    server = _serve({"ok": True, "hello": "world"}, {})
    try:
        report = diagnose(server.server_address[1], tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert report["state"] == "port_taken"
    assert report["helper_running"] is False


def test_version_mismatch(tmp_path):
    newer = API_VERSION + 1
    server = _serve(
        {"ok": True, "service": "tousu-helper", "version": "9.0.0", "api_version": newer, "paired": False},
        {"X-Tousu-Helper": "tousu-helper/9.0.0", "X-Tousu-API-Version": str(newer)},
    )
    try:
        code, report, said = _doctor(server.server_address[1], tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert code == 1
    assert report["state"] == "version_mismatch"
    assert report["helper_api_version"] == newer and report["cli_api_version"] == API_VERSION
    assert report["helper_version"] == "9.0.0"
    assert f"API 版本 {newer}" in said and "Update the helper and the extension" in said
