"""Shared by the eval scripts: read the shared corpus and turn its orders into the Order contract.

The corpus orders carry fields the Order contract does not have yet (freight, discounts,
items[].kind, items[].paid_amount, parcels[].contents ...): they are mapped where the contract has a
field (freight -> shipping_fee, kind pseudo -> pseudo) and dropped otherwise, so the product sees
what a page reader would give it.
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


CORPUS = _corpus()

_ITEM = {
    "sub_order_id",
    "item_id",
    "title",
    "sku",
    "quantity",
    "unit_price",
    "original_price",
    "ship_promise",
}
_PARCEL = {"label", "company", "tracking_no", "shipped_at", "signed_at", "events", "sub_order_ids"}
_ORDER = {
    "order_id", "platform", "shop", "status", "status_text", "created_at", "paid_at", "shipped_at",
    "received_at", "completed_at", "total_paid",
}  # fmt: skip


def read(name: str) -> list[dict[str, Any]]:
    with (CORPUS / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def held_out(case_id: str) -> bool:
    """~30% of the cases, chosen by a stable hash of the id, kept untouched while tuning."""
    return zlib.crc32(case_id.encode()) % 10 < 3


def order_contract(raw: dict[str, Any]) -> dict[str, Any]:
    order = {k: v for k, v in raw.items() if k in _ORDER}
    if raw.get("freight") is not None:
        order["shipping_fee"] = raw["freight"]
    items = []
    for item in raw.get("items", []):
        out = {k: v for k, v in item.items() if k in _ITEM}
        if item.get("kind") == "pseudo":
            out["pseudo"] = True
        if item.get("paid_amount") is not None:
            out["paid_amount"] = item["paid_amount"]
        if item.get("kind") == "gift":
            out["gift"] = True
        items.append(out)
    order["items"] = items
    parcels = []
    for parcel in raw.get("parcels", []):
        out = {k: v for k, v in parcel.items() if k in _PARCEL}
        if "shipped_at" not in out and parcel.get("first_scan_at"):
            out["shipped_at"] = parcel["first_scan_at"]
        if parcel.get("contents"):
            out["sub_order_ids"] = [c["sub_order_id"] for c in parcel["contents"]]
        parcels.append(out)
    order["parcels"] = parcels
    return order


def strip_unknown(order: dict[str, Any], item_fields: set[str]) -> dict[str, Any]:
    """Drop the item fields the installed Order contract does not know (paid_amount, gift)."""
    return {**order, "items": [{k: v for k, v in i.items() if k in item_fields} for i in order["items"]]}
