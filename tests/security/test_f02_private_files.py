"""Finding 2 (High): another local user could read the cases (data dir 0755, -wal/-shm 0644,
pairing file never chmodded, evidence 0644). Now: 0700 / 0600 from the first byte."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from ..support.api import make_app, pair
from .conftest import PHONE, add_screenshot, create_case

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root")


def _world_traversable_dir() -> Path:
    # pytest's tmp_path is 0700 itself, which would hide the data directory's own modes.
    base = Path(tempfile.mkdtemp(prefix="tousu-f02-"))
    base.chmod(0o755)
    return base


def _as_nobody(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", "nobody", "--", *argv], capture_output=True, timeout=30)


def _case_with_evidence(app) -> None:
    api = pair(app)
    add_screenshot(api, create_case(api)["id"])


def test_f02_nobody_reads_no_file_in_the_data_directory():
    base = _world_traversable_dir()
    try:
        control = base / "control.txt"
        control.write_text(PHONE)
        control.chmod(0o644)
        # The check can fail: a world-readable file beside the data directory is read by nobody.
        assert _as_nobody("cat", str(control)).stdout.decode() == PHONE

        data = base / "data"
        app = make_app(data)
        _case_with_evidence(app)  # the store stays open: its -wal and -shm exist now
        files = [p for p in data.rglob("*") if p.is_file()]
        names = {p.name for p in files}
        assert {"tousu.sqlite3", "tousu.sqlite3-wal", "pairing.sqlite3"} <= names, names
        assert any(p.parent.name == "evidence" for p in files)
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
            result = _as_nobody("cat", str(path))
            assert result.returncode != 0 and PHONE.encode() not in result.stdout, path
        assert _as_nobody("ls", str(data)).returncode != 0
        assert _as_nobody("ls", str(data / "evidence")).returncode != 0
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_f02_modes_are_rechecked_at_every_start():
    base = _world_traversable_dir()
    try:
        data = base / "data"
        make_app(data)
        # An older version (or a careless copy) left everything readable.
        data.chmod(0o755)
        for path in data.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        make_app(data)
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        for path in data.rglob("*"):
            assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_f02_journals_are_private_even_with_a_wide_umask():
    base = _world_traversable_dir()
    old = os.umask(0o022)
    try:
        data = base / "data"
        app = make_app(data)
        _case_with_evidence(app)
        for name in ("tousu.sqlite3-wal", "tousu.sqlite3-shm", "pairing.sqlite3-wal"):
            path = data / name
            if path.exists():
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    finally:
        os.umask(old)
        shutil.rmtree(base, ignore_errors=True)
