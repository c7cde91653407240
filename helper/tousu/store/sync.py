"""Status from the platform: rows of the complaint or refund list update the matching cases."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..cases import next_step as steps
from ..models.case import SyncChange, SyncResult, SyncRow
from .cases import append_event
from .db import Store, iso
from .status import FINISHED, status_for_text


def _match(conn: sqlite3.Connection, row: SyncRow) -> sqlite3.Row | None:
    """The case a list row is about: by the platform's case number, else the order's newest
    open case that is not already tied to another platform case."""
    if row.case_id:
        found = conn.execute(
            "SELECT * FROM cases WHERE platform_case_id = ? ORDER BY created_at DESC, id DESC",
            (row.case_id,),
        ).fetchone()
        if found is not None:
            return found
    if row.order_id is None:
        return None
    finished = sorted(FINISHED)
    return conn.execute(
        "SELECT * FROM cases WHERE order_id = ? AND (platform_case_id IS NULL OR ? IS NULL) "
        f"ORDER BY status IN ({', '.join('?' * len(finished))}), created_at DESC, id DESC",
        (row.order_id, row.case_id, *finished),
    ).fetchone()


def sync_statuses(store: Store, rows: Sequence[SyncRow], *, kind: str | None = None) -> SyncResult:
    """Apply what the platform's list says.

    A case moves only when the platform's text differs from the text last read: re-reading an
    unchanged list never undoes a status the shopper corrected by hand.
    """
    result = SyncResult()
    now = store.now()
    with store.write() as conn:
        for row in rows:
            case = _match(conn, row)
            if case is None:
                result.unmatched.append(row)
                continue
            text = row.status_text.strip()
            if case["status_text"] == text:
                if case["id"] not in result.unchanged:
                    result.unchanged.append(case["id"])
                continue
            target = status_for_text(text)
            if target is None and text not in result.unrecognized:
                result.unrecognized.append(text)
            new_status = target or case["status"]
            platform_case_id = case["platform_case_id"] or row.case_id
            conn.execute(
                "UPDATE cases SET status = ?, status_text = ?, platform_case_id = ?, "
                "updated_at = ? WHERE id = ?",
                (new_status, text, platform_case_id, iso(now), case["id"]),
            )
            if new_status != case["status"]:
                # The next step and its reminder move with the status (decided here, once).
                step = steps.step_for(new_status)
                due_at = steps.reminder(step, now)
                conn.execute(
                    "UPDATE cases SET next_code = ?, due_at = ? WHERE id = ?",
                    (step.code, iso(due_at) if due_at else None, case["id"]),
                )
            detail = {
                "from": case["status"],
                "to": new_status,
                "status_text": text,
                "previous_status_text": case["status_text"],
            }
            if kind:
                detail["kind"] = kind
            if platform_case_id != case["platform_case_id"]:
                detail["platform_case_id"] = platform_case_id
            append_event(conn, case["id"], "synced", now, detail)
            result.changed.append(
                SyncChange(
                    case_id=case["id"],
                    order_id=case["order_id"],
                    platform_case_id=platform_case_id,
                    from_status=case["status"],
                    to_status=new_status,
                    previous_status_text=case["status_text"],
                    status_text=text,
                )
            )
    return result
