"""SQLite case store: cases, their events and evidence, migrations, export/import/wipe.

Only `init_app` and `get_store` know about Flask; everything else takes a `Store`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .cases import add_event, create_case, delete_case, due_cases, get_case, list_cases, update_case
from .db import DB_NAME, Store
from .errors import Conflict, InvalidData, NotFound, SchemaTooNew, StoreError, TooLarge
from .evidence import add_evidence, list_evidence
from .sync import sync_statuses
from .transfer import export_all, import_all, wipe

if TYPE_CHECKING:
    from flask import Flask

EXTENSION_KEY = "tousu.store"


def open_store(data_dir, **options) -> Store:
    """The store under `data_dir` (created and migrated if needed). Close it when done."""
    return Store(data_dir, **options)


def init_app(app: Flask) -> None:
    options: dict[str, Any] = {}
    if "EVIDENCE_MAX_BYTES" in app.config:
        options["max_evidence_bytes"] = int(app.config["EVIDENCE_MAX_BYTES"])
    app.extensions[EXTENSION_KEY] = Store(app.config["DATA_DIR"], **options)


def get_store() -> Store:
    from flask import current_app

    return current_app.extensions[EXTENSION_KEY]


__all__ = [
    "DB_NAME",
    "Conflict",
    "InvalidData",
    "NotFound",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "TooLarge",
    "add_event",
    "add_evidence",
    "create_case",
    "delete_case",
    "due_cases",
    "export_all",
    "get_case",
    "get_store",
    "import_all",
    "init_app",
    "list_cases",
    "list_evidence",
    "open_store",
    "sync_statuses",
    "update_case",
    "wipe",
]
