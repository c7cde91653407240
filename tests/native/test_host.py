"""The native host run as Chrome runs it, without a browser."""

import hashlib
import hmac
import json
import secrets
import urllib.request

import pytest

from tousu import __version__
from tousu.native.state import read_state

from .conftest import ORIGIN, frame

# Every test runs `tousu native-host` as a process (most start a helper from it too).
pytestmark = pytest.mark.slow


def _ping(port, **query):
    qs = "&".join(f"{k}={v}" for k, v in query.items())
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/ping?{qs}", timeout=5) as response:
        return json.loads(response.read())


def test_connect_starts_the_helper_and_hands_over_a_token_it_proves(host):
    answer, status = host.run(frame({"type": "connect"}), ORIGIN)
    assert status == 0
    assert answer["ok"] is True, answer
    assert answer["version"] == __version__
    assert answer["started"] is True
    assert read_state(host.data_dir)["port"] == answer["port"]
    challenge = secrets.token_hex(16)
    ping = _ping(answer["port"], challenge=challenge, token_id=answer["token_id"])
    key = hashlib.sha256(answer["token"].encode()).digest()
    assert ping["paired"] is True
    assert ping["proof"] == hmac.new(key, challenge.encode(), hashlib.sha256).hexdigest()

    again, _ = host.run(frame({"type": "connect"}), ORIGIN)
    assert again["ok"] and again["port"] == answer["port"] and again["started"] is False
    assert again["token"] != answer["token"]


def test_a_taken_default_port_gets_the_helper_its_own_port(host, tmp_path):
    import socket

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", int(host.env["TOUSU_PORT"])))
        squatter.listen()
        answer, _ = host.run(frame({"type": "connect"}), ORIGIN)
    assert answer["ok"], answer
    assert answer["port"] != int(host.env["TOUSU_PORT"])


def test_a_killed_helper_is_started_again(host):
    first, _ = host.run(frame({"type": "connect"}), ORIGIN)
    host.stop_helper()
    second, _ = host.run(frame({"type": "connect"}), ORIGIN)
    assert second["ok"] and second["started"] is True


def test_a_foreign_origin_is_refused_and_nothing_starts(host):
    answer, status = host.run(frame({"type": "connect"}), "chrome-extension://" + "a" * 32 + "/")
    assert status == 2
    assert answer["ok"] is False and answer["error"]["code"] == "origin_not_allowed"
    assert "扩展" in answer["error"]["message"]
    assert read_state(host.data_dir) is None


def test_no_origin_at_all_is_refused(host):
    answer, _ = host.run(frame({"type": "connect"}))
    assert answer["error"]["code"] == "origin_not_allowed"


def test_an_extra_allowed_id_from_the_environment_is_served(tmp_path):
    from .conftest import Host

    other = "b" * 32
    runner = Host(tmp_path / "d", 1, {"TOUSU_EXTENSION_IDS": other})
    answer, _ = runner.run(frame({"type": "nope"}), f"chrome-extension://{other}/", "--parent-window=0")
    assert answer["error"]["code"] == "unknown_type"


def test_a_malformed_frame_gets_a_clear_error(host):
    answer, status = host.run(frame(b"{not json"), ORIGIN)
    assert status == 2 and answer["error"]["code"] == "bad_message"
    answer, _ = host.run(b"\x05\x00", ORIGIN)
    assert answer["error"]["code"] == "bad_message"
    answer, _ = host.run(frame([1, 2]), ORIGIN)
    assert answer["error"]["code"] == "bad_message"
    assert read_state(host.data_dir) is None


def test_a_helper_with_an_idle_timeout_stops_by_itself_and_clears_its_state(tmp_path):
    import subprocess
    import sys
    import time

    from tousu.native.launch import free_port

    port = free_port()
    command = [sys.executable, "-m", "tousu", "serve", "--port", str(port), "--data-dir", str(tmp_path)]
    process = subprocess.Popen([*command, "--idle-timeout", "1.5"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while read_state(tmp_path) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert read_state(tmp_path)["port"] == port
        assert process.wait(timeout=20) == 0
        assert read_state(tmp_path) is None
    finally:
        process.kill()


def test_a_stale_state_file_pointing_at_an_impostor_starts_a_real_helper(host):
    import http.server
    import os
    import threading

    from tousu.native.state import state_path

    class Impostor(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = json.dumps({"ok": True, "service": "tousu-helper", "paired": True, "proof": "0" * 64})
            self.send_response(200)
            self.send_header("X-Tousu-Helper", "tousu-helper/0.1.0")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(host.env["TOUSU_PORT"])), Impostor)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host.data_dir.mkdir(parents=True)
    # A live pid (this test's) and the impostor's port: what a reused pid or a zombie looks like.
    state_path(host.data_dir).write_text(json.dumps({"port": server.server_address[1], "pid": os.getpid()}))
    try:
        answer, _ = host.run(frame({"type": "connect"}), ORIGIN)
    finally:
        server.shutdown()
        server.server_close()
    assert answer["ok"] and answer["started"] is True, answer
    assert answer["port"] != server.server_address[1]
