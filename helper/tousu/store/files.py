"""Evidence bytes, content-addressed: DATA_DIR/evidence/<sha256>.

The same screenshot attached to two cases is stored once; a file goes when no evidence row
refers to it any more.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from ..security.private import open_private
from .db import Store


def blob_path(store: Store, sha256: str) -> Path:
    return store.evidence_dir / sha256


def has_blob(store: Store, sha256: str) -> bool:
    return blob_path(store, sha256).is_file()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def put_blob(store: Store, sha256: str, content: bytes) -> Path:
    """Write the bytes durably before the row that refers to them commits.

    Written to a temporary name and renamed, so a crash never leaves a truncated file under a
    hash name (a reader could otherwise trust a file that does not match its name).
    """
    path = blob_path(store, sha256)
    if path.is_file() and path.stat().st_size == len(content):
        return path
    temp = store.evidence_dir / f".{sha256}.{secrets.token_hex(4)}.tmp"
    try:
        with os.fdopen(open_private(temp), "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    _fsync_dir(store.evidence_dir)
    return path


def remove_unreferenced(store: Store, hashes: Iterable[str]) -> int:
    """Delete the files among `hashes` that no evidence row refers to; returns how many.

    Runs under the write lock: an evidence write stores its file inside its own transaction, so
    no file can gain a reference between the check and the unlink.
    """
    removed = 0
    with store.write() as conn:
        for sha256 in set(hashes):
            used = conn.execute("SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1", (sha256,))
            if used.fetchone():
                continue
            path = blob_path(store, sha256)
            if path.is_file():
                path.unlink()
                removed += 1
    return removed


def remove_all(store: Store) -> int:
    removed = 0
    for path in store.evidence_dir.iterdir():
        if path.is_file():
            path.unlink()
            removed += 1
    return removed
