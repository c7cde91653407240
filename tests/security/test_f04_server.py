"""Findings 4 and 5 (Medium) and the server half of Low 13: slowloris starved the helper, huge
bodies were spooled before Host/Origin were checked, waitress's own errors were text/plain."""

from __future__ import annotations

import json
import socket
import time

import pytest

from tousu_testing.processes import HelperProcess

from ..support.api import ORIGIN

# A real helper process behind waitress: slowloris and raw-socket requests need its server.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def helper(tmp_path_factory):
    process = HelperProcess(tmp_path_factory.mktemp("f04") / "data")
    yield process
    process.stop()


def _raw(helper, payload: bytes, *, timeout: float = 15.0) -> tuple[int, dict, bytes]:
    """Send raw bytes, return (status, headers, body) of the answer."""
    with socket.create_connection(("127.0.0.1", helper.port), timeout=timeout) as sock:
        sock.sendall(payload)
        data = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                headers = dict(
                    line.split(": ", 1) for line in head.decode("latin-1").split("\r\n")[1:] if ": " in line
                )
                length = int(headers.get("Content-Length", "-1"))
                if 0 <= length <= len(body):
                    break
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v for k, v in (line.split(": ", 1) for line in lines[1:] if ": " in line)}
    return status, headers, body


def _host(helper) -> str:
    return f"127.0.0.1:{helper.port}"


def test_f04_two_hundred_slow_connections_do_not_starve_a_normal_request(helper):
    slow = []
    try:
        for _ in range(200):
            sock = socket.create_connection(("127.0.0.1", helper.port), timeout=5)
            # A slowloris: the request line and one header, then nothing (a line every 20 s).
            sock.sendall(f"GET /api/v1/ping HTTP/1.1\r\nHost: {_host(helper)}\r\n".encode())
            slow.append(sock)
        time.sleep(0.5)
        start = time.monotonic()
        status, headers, body = _raw(
            helper, f"GET /api/v1/ping HTTP/1.1\r\nHost: {_host(helper)}\r\n\r\n".encode()
        )
        assert status == 200 and json.loads(body)["service"] == "tousu-helper"
        assert time.monotonic() - start < 10
    finally:
        for sock in slow:
            sock.close()


def test_f04_a_request_that_never_finishes_its_headers_is_closed(helper):
    with socket.create_connection(("127.0.0.1", helper.port), timeout=30) as sock:
        sock.sendall(f"GET /api/v1/ping HTTP/1.1\r\nHost: {_host(helper)}\r\n".encode())
        start = time.monotonic()
        closed = False
        while time.monotonic() - start < 25:
            sock.sendall(b"X-Slow: 1\r\n")  # one header line at a time, never the end
            try:
                sock.settimeout(2)
                if sock.recv(1) == b"":
                    closed = True
                    break
            except TimeoutError:
                continue
            except (ConnectionResetError, BrokenPipeError):
                closed = True
                break
        assert closed, "the helper kept a request that never finished its headers"
        assert time.monotonic() - start < 20


def test_f05_a_bad_origin_is_refused_before_the_body_is_read(helper):
    # 15 MB announced (under the limit), 64 KB sent: the refusal comes from the headers alone.
    head = (
        f"POST /api/v1/pages/read HTTP/1.1\r\nHost: {_host(helper)}\r\nOrigin: https://evil.com\r\n"
        f"Content-Type: text/plain\r\nContent-Length: {15 * 1024 * 1024}\r\n\r\n"
    ).encode()
    status, headers, body = _raw(helper, head + b"x" * 65536)
    assert status == 403 and headers["content-type"].startswith("application/json")
    assert json.loads(body)["error"]["code"] == "bad_origin"
    # The reproduction, 300 MB with a bad Origin: refused from its headers too, nothing spooled.
    head = head.replace(str(15 * 1024 * 1024).encode(), str(300 * 1024 * 1024).encode())
    status, _, body = _raw(helper, head + b"x" * 65536)
    assert status in (403, 413) and json.loads(body)["ok"] is False


def test_f05_a_bad_host_is_refused_before_the_body_is_read(helper):
    for host in ("evil.com", f"localhost:{helper.port}:80"):
        head = (
            f"POST /api/v1/pages/read HTTP/1.1\r\nHost: {host}\r\nOrigin: {ORIGIN}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {10 * 1024 * 1024}\r\n\r\n"
        ).encode()
        status, _, body = _raw(helper, head + b"{" * 4096)
        assert status == 403 and json.loads(body)["error"]["code"] == "bad_host", host


def test_f05_a_body_over_the_apps_limit_is_refused_from_its_length(helper):
    head = (
        f"POST /api/v1/pages/read HTTP/1.1\r\nHost: {_host(helper)}\r\nOrigin: {ORIGIN}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {17 * 1024 * 1024}\r\n\r\n"
    ).encode()
    status, headers, body = _raw(helper, head)
    assert status == 413 and headers["content-type"].startswith("application/json")
    assert json.loads(body)["error"]["code"] == "body_too_large"


def test_f13_waitress_errors_are_in_the_envelope(helper):
    for payload, status in (
        (b"GARBAGE\r\n\r\n", 400),
        (f"GET / HTTP/1.1\r\nHost: {_host(helper)}\r\nTransfer-Encoding: gzip\r\n\r\n".encode(), 501),
        (f"GET /api/v1/ping HTTP/1.1\r\nHost: {_host(helper)}\r\nX: {'a' * 70000}\r\n\r\n".encode(), 431),
    ):
        got, headers, body = _raw(helper, payload)
        assert got == status, (payload[:40], got, body[:200])
        assert headers["content-type"].startswith("application/json")
        envelope = json.loads(body)
        assert envelope["ok"] is False and envelope["status"] == status
