"""Who holds a TCP port: so "port taken" errors can name the process instead of guessing.

Linux reads /proc; elsewhere psutil when it is installed; else a plain connect tells whether
anything listens at all, without a name.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

UNKNOWN = "another process (its owner is not visible to this user)"


def _listening_inodes(port: int) -> set[str]:
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) < 10:
                continue
            local, state, inode = parts[1], parts[3], parts[9]
            # State 0A is LISTEN; the port is the hex after the colon.
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                inodes.add(inode)
    return inodes


def _proc_holder(port: int) -> str | None:
    inodes = _listening_inodes(port)
    if not inodes:
        return None
    targets = {f"socket:[{inode}]" for inode in inodes}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        fd_dir = Path("/proc", pid, "fd")
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd_dir / fd) in targets:
                    cmd = Path("/proc", pid, "cmdline").read_bytes().replace(b"\0", b" ")
                    return f"pid {pid}: {cmd.decode(errors='replace').strip()}"
            except OSError:
                continue
    return UNKNOWN


def _psutil_holder(psutil, port: int) -> str | None:
    try:
        connections = psutil.net_connections(kind="tcp")
    except (psutil.AccessDenied, OSError):
        return _connect_holder(port)  # macOS refuses this without root
    for conn in connections:
        if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port:
            if not conn.pid:
                return UNKNOWN
            try:
                return f"pid {conn.pid}: {' '.join(psutil.Process(conn.pid).cmdline())}"
            except (psutil.Error, OSError):
                return f"pid {conn.pid}"
    return None


def _connect_holder(port: int) -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return UNKNOWN if probe.connect_ex(("127.0.0.1", port)) == 0 else None


def port_holder(port: int, proc_root: str = "/proc") -> str | None:
    """A short description ("pid 123: python -m http.server") of the listener, if visible."""
    if Path(proc_root, "net", "tcp").exists():
        return _proc_holder(port)
    try:
        import psutil
    except ImportError:
        return _connect_holder(port)
    return _psutil_holder(psutil, port)
