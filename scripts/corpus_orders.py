"""Shared by the eval scripts: read the shared corpus and hand its orders to the helper as they are.

The corpus orders use the Order contract with its additions (freight, discounts, items[].kind,
items[].paid_amount, parcels[].contents ...); the contract has all of them, so a hidden-set order
is never refused or stripped.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any


def _corpus() -> Path:
    """$TOUSU_CORPUS, else the nearest `shared/corpus` beside the checkout or one of its parents."""
    if os.environ.get("TOUSU_CORPUS"):
        return Path(os.environ["TOUSU_CORPUS"])
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    raise SystemExit("corpus not found: set TOUSU_CORPUS to the folder holding remedies-dev.jsonl")


def read(name: str) -> list[dict[str, Any]]:
    # Found on first read, not at import: the own remedy sets need no corpus (their tests run on a
    # machine without it).
    with (_corpus() / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def held_out(case_id: str) -> bool:
    """~30% of the cases, chosen by a stable hash of the id, kept untouched while tuning."""
    return zlib.crc32(case_id.encode()) % 10 < 3


def order_contract(raw: dict[str, Any]) -> dict[str, Any]:
    """The corpus order as the helper takes it: the Order contract carries every corpus field
    (paid_amount, kind, freight, discounts, parcels[].contents, first_scan_at ...), so nothing is
    mapped or dropped; a copy, so a caller may change it."""
    return json.loads(json.dumps(raw))
