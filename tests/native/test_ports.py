"""The port-owner lookup on systems without /proc: psutil when present, else a bare connect."""

import socket
import sys
import types

from tousu import ports


def _listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def test_linux_names_the_process_through_proc():
    with _listener() as sock:
        holder = ports.port_holder(sock.getsockname()[1])
    assert holder.startswith("pid ")


def test_without_proc_or_psutil_a_listener_is_still_seen(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "psutil", None)  # import psutil -> ImportError
    with _listener() as sock:
        port = sock.getsockname()[1]
        assert ports.port_holder(port, proc_root=str(tmp_path)) == ports.UNKNOWN
    assert ports.port_holder(port, proc_root=str(tmp_path)) is None


def test_psutil_is_used_where_there_is_no_proc(monkeypatch, tmp_path):
    addr = types.SimpleNamespace(port=4242)
    fake = types.SimpleNamespace(
        CONN_LISTEN="LISTEN",
        AccessDenied=PermissionError,
        Error=Exception,
        net_connections=lambda kind: [types.SimpleNamespace(status="LISTEN", laddr=addr, pid=77)],
        Process=lambda pid: types.SimpleNamespace(cmdline=lambda: ["node", "server.js"]),
    )
    monkeypatch.setitem(sys.modules, "psutil", fake)
    assert ports.port_holder(4242, proc_root=str(tmp_path)) == "pid 77: node server.js"
    assert ports.port_holder(4243, proc_root=str(tmp_path)) is None


def test_psutil_refused_falls_back_to_connect(monkeypatch, tmp_path):
    def refuse(kind):
        raise PermissionError("macOS wants root")

    fake = types.SimpleNamespace(AccessDenied=PermissionError, net_connections=refuse)
    monkeypatch.setitem(sys.modules, "psutil", fake)
    with _listener() as sock:
        assert ports.port_holder(sock.getsockname()[1], proc_root=str(tmp_path)) == ports.UNKNOWN
