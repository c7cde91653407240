"""Ids for cases, events and evidence."""

from __future__ import annotations

import secrets
import time


def new_id() -> str:
    """32 hex digits: milliseconds since the epoch, then 80 random bits.

    Time first so ids sort by creation (and survive export/import unchanged); random enough that
    two helpers, or an import, never collide.
    """
    return f"{time.time_ns() // 1_000_000:012x}{secrets.token_hex(10)}"
