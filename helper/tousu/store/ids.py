"""Ids for cases, events and evidence."""

from __future__ import annotations

import secrets
import threading
import time

_lock = threading.Lock()
_last_ms = 0


def new_id() -> str:
    """32 hex digits: milliseconds since the epoch, then 80 random bits.

    Time first so ids sort by creation (and survive export/import unchanged); random enough that
    two helpers, or an import, never collide. Two ids made in the same millisecond by this process
    take the next millisecond, so creation order holds even then.
    """
    global _last_ms
    with _lock:
        _last_ms = max(time.time_ns() // 1_000_000, _last_ms + 1)
        stamp = _last_ms
    return f"{stamp:012x}{secrets.token_hex(10)}"
