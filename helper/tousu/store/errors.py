"""Store errors: a stable code, a message, and the HTTP status the API will answer with.

The store never imports Flask; the cases blueprint turns these into the one error envelope.
"""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    status = 400

    def __init__(self, code: str, message: str, details: list[Any] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details or []


class InvalidData(StoreError):
    status = 400


class NotFound(StoreError):
    status = 404


class Conflict(StoreError):
    status = 409


class TooLarge(StoreError):
    status = 413


class SchemaTooNew(StoreError):
    """The database was written by a newer Tousu; opening it could lose data."""

    status = 500
