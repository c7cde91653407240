"""The data directory is the shopper's alone: 0700, and every file in it 0600, from the first byte.

SQLite gives a database's -wal and -shm files the mode of the database file itself, so creating
the database file 0600 before the first connection keeps the journals private too; the process
umask is narrowed as well for anything else a library creates. The modes are re-checked at every
start, so a data directory left readable by an older version is closed again.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
PRIVATE_UMASK = 0o077
# Directories inside the data directory whose files are private too (evidence blobs).
_DEPTH = 2


def _posix() -> bool:
    return os.name == "posix"


def narrow_umask() -> None:
    """Files a library creates without asking (a temporary file, a journal) get 0600."""
    if _posix():
        os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    path = Path(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if _posix():
        st = os.lstat(path)
        if stat.S_ISDIR(st.st_mode) and stat.S_IMODE(st.st_mode) != DIR_MODE:
            os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty and 0600 if missing (never following a symlink), else narrow it."""
    path = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, FILE_MODE)
    try:
        if _posix() and stat.S_IMODE(os.fstat(fd).st_mode) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def open_private(path: Path, *, exclusive: bool = True) -> int:
    """A new file for writing, 0600, refusing to follow a symlink or (exclusive) reuse a file
    someone else created: the descriptor of a file only this user can have made."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_EXCL if exclusive else os.O_TRUNC
    return os.open(path, flags, FILE_MODE)


def harden(data_dir: Path) -> list[str]:
    """Make the data directory 0700 and everything in it private; returns what was changed."""
    data_dir = private_dir(Path(data_dir))
    if not _posix():
        return []
    changed: list[str] = []
    stack = [(data_dir, 0)]
    while stack:
        directory, depth = stack.pop()
        for entry in os.scandir(directory):
            if entry.is_symlink():
                continue  # never chmod through a link: it may point outside the data directory
            mode = stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode)
            if entry.is_dir(follow_symlinks=False):
                if mode != DIR_MODE:
                    os.chmod(entry.path, DIR_MODE)
                    changed.append(entry.path)
                if depth + 1 < _DEPTH:
                    stack.append((Path(entry.path), depth + 1))
            elif entry.is_file(follow_symlinks=False) and mode & 0o077:
                os.chmod(entry.path, mode & 0o700)
                changed.append(entry.path)
    return changed
