"""Cases and their event history."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from ..cases import next_step as steps
from ..models import Order
from ..models.case import (
    Case,
    CaseCreate,
    CaseEvent,
    CaseList,
    CasePatch,
    CaseSummary,
    Deleted,
    DueCases,
    EventCreate,
    Evidence,
)
from .db import CHINA_TZ, Store, iso
from .errors import InvalidData, NotFound
from .files import remove_unreferenced
from .ids import new_id
from .status import FINISHED, check_transition

MAX_DETAIL_BYTES = 16 * 1024
MAX_LIST = 500
# Event types the store writes itself; a client posting one would forge the history.
RESERVED_EVENTS = frozenset({"created", "updated", "status_changed", "evidence_added", "synced", "imported"})
# Long texts are noted as changed in the history, without copying them into every event.
_TEXT_FIELDS = frozenset({"problem", "demand", "draft", "notes", "order"})

_SUMMARY_COLUMNS = """
    id, order_id, platform, type, status, status_text, next_action, next_code, due_at, created_at,
    updated_at, json_extract(order_json, '$.shop.name') AS shop_name,
    (SELECT json_extract(item.value, '$.title') FROM json_each(order_json, '$.items') AS item
     WHERE NOT COALESCE(json_extract(item.value, '$.pseudo'), 0) LIMIT 1) AS title
"""


def detail_json(detail: dict[str, Any]) -> str:
    try:
        text = json.dumps(detail, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise InvalidData("invalid_detail", "Event detail must be plain JSON (no NaN or Infinity).") from None
    if len(text.encode()) > MAX_DETAIL_BYTES:
        raise InvalidData("detail_too_large", f"Event detail is limited to {MAX_DETAIL_BYTES} bytes.")
    return text


def require_case(conn: sqlite3.Connection, case_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound("case_not_found", f"No case {case_id}.")
    return row


def append_event(
    conn: sqlite3.Connection, case_id: str, type_: str, at: datetime, detail: dict[str, Any]
) -> CaseEvent:
    event_id = new_id()
    conn.execute(
        "INSERT INTO case_events (id, case_id, type, at, detail) VALUES (?, ?, ?, ?, ?)",
        (event_id, case_id, type_, iso(at), detail_json(detail)),
    )
    return CaseEvent(id=event_id, case_id=case_id, type=type_, at=at, detail=detail)


def touch(conn: sqlite3.Connection, case_id: str, at: datetime) -> None:
    conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (iso(at), case_id))


# Reading -------------------------------------------------------------------------------------


def _event(row: sqlite3.Row) -> CaseEvent:
    return CaseEvent(
        id=row["id"], case_id=row["case_id"], type=row["type"], at=row["at"], detail=json.loads(row["detail"])
    )


def evidence_from_row(row: sqlite3.Row) -> Evidence:
    return Evidence(
        id=row["id"],
        case_id=row["case_id"],
        code=row["code"],
        file_name=row["file_name"],
        sha256=row["sha256"],
        size=row["size"],
        media_type=row["media_type"],
        captured_at=row["captured_at"],
        source_url=row["source_url"],
        note=row["note"],
        stored=bool(row["stored"]),
        added_at=row["added_at"],
    )


def _step(row: sqlite3.Row, now: datetime) -> dict[str, Any]:
    """The decided fields every case and summary carries (see tousu.cases.next_step)."""
    code = steps.next_code(row["status"], row["next_code"])
    due_at = datetime.fromisoformat(row["due_at"]) if row["due_at"] else None
    return {
        "next_step": {"code": code, "due_at": due_at, "params": {}},
        "finished": steps.is_finished(row["status"]),
        "overdue": steps.is_overdue(row["status"], due_at, now),
    }


def _now() -> datetime:
    return datetime.now(CHINA_TZ).replace(microsecond=0)


def case_from_row(conn: sqlite3.Connection, row: sqlite3.Row, now: datetime | None = None) -> Case:
    now = now or _now()
    order = Order.model_validate_json(row["order_json"])
    decided = _step(row, now)
    code = decided["next_step"]["code"]
    events = conn.execute(
        "SELECT * FROM case_events WHERE case_id = ? ORDER BY at, seq", (row["id"],)
    ).fetchall()
    evidence = conn.execute(
        "SELECT * FROM evidence WHERE case_id = ? ORDER BY added_at, seq", (row["id"],)
    ).fetchall()
    return Case(
        id=row["id"],
        order_id=row["order_id"],
        platform=row["platform"],
        status=row["status"],
        status_text=row["status_text"],
        platform_case_id=row["platform_case_id"],
        type=row["type"],
        problem=row["problem"],
        remedy=row["remedy"],
        demand=row["demand"],
        demand_amount=row["demand_amount"],
        draft=row["draft"],
        evidence_ticks=json.loads(row["evidence_ticks"]),
        next_action=row["next_action"],
        due_at=row["due_at"],
        notes=row["notes"],
        order=order,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        events=[_event(e) for e in events],
        evidence=[evidence_from_row(e) for e in evidence],
        **decided,
        escalation=steps.escalation(
            row["status"], row["status_text"], decided["next_step"]["due_at"], code, order, now
        ),
        title=steps.title(order),
        goods=steps.goods(order),
        lifecycle=list(steps.LIFECYCLE),
        complaint_url=steps.complaint_url(order),
        after_sales_url=steps.after_sales_url(order),
        after_sales_urls=steps.after_sales_urls(order),
    )


def checked_case(conn: sqlite3.Connection, case_id: str, now: datetime | None = None) -> Case:
    """The case as stored, read back inside the write that changed it: a write that would leave
    a case the models cannot read (and so every later GET, PATCH and export failing) is rolled
    back instead of committed."""
    try:
        return case_from_row(conn, require_case(conn, case_id), now)
    except (ValidationError, ValueError, OverflowError) as exc:
        details = _validation_lines(exc) if isinstance(exc, ValidationError) else [str(exc)]
        raise InvalidData(
            "invalid_data", "This change would leave the case unreadable; nothing was saved.", details
        ) from None


def _validation_lines(exc: ValidationError) -> list[str]:
    return [f"{'.'.join(str(p) for p in e['loc']) or 'case'}: {e['msg']}" for e in exc.errors()[:20]]


def get_case(store: Store, case_id: str) -> Case:
    with store.read() as conn:
        return case_from_row(conn, require_case(conn, case_id), store.now())


def _summary(row: sqlite3.Row, now: datetime) -> CaseSummary:
    values = dict(row)
    values.pop("next_code")
    return CaseSummary(**values, **_step(row, now))


def list_cases(
    store: Store,
    *,
    statuses: Sequence[str] = (),
    order_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> CaseList:
    """Newest first, optionally only some statuses or one order."""
    where: list[str] = []
    params: list[Any] = []
    if statuses:
        where.append(f"status IN ({', '.join('?' * len(statuses))})")
        params.extend(statuses)
    if order_id is not None:
        where.append("order_id = ?")
        params.append(order_id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    with store.read() as conn:
        total = conn.execute(f"SELECT COUNT(*) FROM cases {clause}", params).fetchone()[0]
        rows = conn.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM cases {clause} "
            "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            [*params, min(limit, MAX_LIST), offset],
        ).fetchall()
    return CaseList(cases=[_summary(r, store.now()) for r in rows], total=total)


def due_cases(store: Store, before: datetime, *, limit: int = 100) -> DueCases:
    """Open cases whose next action is due at or before `before`, most overdue first."""
    finished = sorted(FINISHED)
    clause = f"WHERE due_at IS NOT NULL AND due_at <= ? AND status NOT IN ({', '.join('?' * len(finished))})"
    params = [iso(before), *finished]
    with store.read() as conn:
        total = conn.execute(f"SELECT COUNT(*) FROM cases {clause}", params).fetchone()[0]
        rows = conn.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM cases {clause} ORDER BY due_at, id LIMIT ?",
            [*params, min(limit, MAX_LIST)],
        ).fetchall()
    return DueCases(before=before, cases=[_summary(r, store.now()) for r in rows], total=total)


# Writing -------------------------------------------------------------------------------------

CASE_COLUMNS = (
    "id",
    "order_id",
    "platform",
    "order_json",
    "problem",
    "type",
    "remedy",
    "demand",
    "demand_amount",
    "draft",
    "status",
    "status_text",
    "platform_case_id",
    "next_action",
    "next_code",
    "due_at",
    "evidence_ticks",
    "notes",
    "created_at",
    "updated_at",
)


def insert_case(conn: sqlite3.Connection, values: dict[str, Any], *, or_ignore: bool = False) -> bool:
    """Insert one case row (every column of CASE_COLUMNS); False if ignored as a duplicate."""
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    cursor = conn.execute(
        f"{verb} INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})",
        [values[column] for column in CASE_COLUMNS],
    )
    return cursor.rowcount == 1


def create_case(store: Store, data: CaseCreate) -> Case:
    now = store.now()
    case_id = new_id()
    step = steps.STEP_BY_CODE[data.next_code] if data.next_code else steps.step_for(data.status)
    due_at = data.due_at or steps.reminder(step, now, data.deadline)
    with store.write() as conn:
        insert_case(
            conn,
            {
                "id": case_id,
                "order_id": data.order.order_id,
                "platform": data.order.platform,
                "order_json": data.order.model_dump_json(),
                "problem": data.problem,
                "type": data.type,
                "remedy": data.remedy,
                "demand": data.demand,
                "demand_amount": data.demand_amount,
                "draft": data.draft,
                "status": data.status,
                "status_text": None,
                "platform_case_id": data.platform_case_id,
                "next_action": data.next_action,
                "next_code": step.code,
                "due_at": iso(due_at) if due_at else None,
                "evidence_ticks": json.dumps(data.evidence_ticks),
                "notes": data.notes,
                "created_at": iso(now),
                "updated_at": iso(now),
            },
        )
        append_event(conn, case_id, "created", now, {"status": data.status, "type": data.type})
        return checked_case(conn, case_id, now)


def _to_column(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "order":
        return value.model_dump_json()
    if name == "evidence_ticks":
        return json.dumps(value)
    if name == "due_at":
        return iso(value)
    return value


_COLUMNS = {
    "problem": "problem",
    "type": "type",
    "remedy": "remedy",
    "demand": "demand",
    "demand_amount": "demand_amount",
    "draft": "draft",
    "evidence_ticks": "evidence_ticks",
    "platform_case_id": "platform_case_id",
    "next_action": "next_action",
    "next_code": "next_code",
    "due_at": "due_at",
    "notes": "notes",
    "order": "order_json",
}


def _describe(name: str, old: Any, new: Any) -> Any:
    if name in _TEXT_FIELDS:
        return {"changed": True}
    if name == "evidence_ticks":
        before, after = json.loads(old), json.loads(new)
        return {
            "added": [t for t in after if t not in before],
            "removed": [t for t in before if t not in after],
        }
    return {"from": old, "to": new}


def _decide_next(patch: CasePatch, row: sqlite3.Row, now: datetime) -> dict[str, Any]:
    """Fields a status change or a named next step sets on its own: the next step and its
    reminder, unless the client set them itself."""
    given = patch.model_fields_set
    moved = "status" in given and patch.status is not None and patch.status != row["status"]
    if patch.next_code is not None:
        step = steps.STEP_BY_CODE[patch.next_code]
    elif moved and patch.status is not None:
        step = steps.step_for(patch.status)
    else:
        return {}
    decided: dict[str, Any] = {"next_code": step.code}
    if "due_at" not in given:
        decided["due_at"] = steps.reminder(step, now, patch.deadline)
    return decided


def update_case(store: Store, case_id: str, patch: CasePatch) -> Case:
    """Apply a partial update; a status change and the other changes each append an event."""
    now = store.now()
    with store.write() as conn:
        row = require_case(conn, case_id)
        decided = _decide_next(patch, row, now)
        fields = (patch.model_fields_set - {"correction", "status", "deadline"}) | decided.keys()
        if patch.order is not None and patch.order.order_id != row["order_id"]:
            raise InvalidData(
                "order_mismatch",
                f"This case is about order {row['order_id']}, not {patch.order.order_id}.",
            )
        updates: dict[str, Any] = {}
        changes: dict[str, Any] = {}
        for name in sorted(fields):
            column = _COLUMNS[name]
            new = _to_column(name, decided[name] if name in decided else getattr(patch, name))
            if new != row[column]:
                updates[column] = new
                if name in patch.model_fields_set:
                    # What the helper decided along with a status change is part of that change.
                    changes[name] = _describe(name, row[column], new)
        status_change = None
        if "status" in patch.model_fields_set and patch.status is not None and patch.status != row["status"]:
            check_transition(row["status"], patch.status, correction=patch.correction)
            updates["status"] = patch.status
            status_change = {"from": row["status"], "to": patch.status}
            if patch.correction:
                status_change["correction"] = True
        if updates:
            updates["updated_at"] = iso(now)
            # Column names come from _COLUMNS, never from the request.
            assignments = ", ".join(f"{column} = ?" for column in updates)
            conn.execute(f"UPDATE cases SET {assignments} WHERE id = ?", [*updates.values(), case_id])
            if status_change:
                append_event(conn, case_id, "status_changed", now, status_change)
            if changes:
                append_event(conn, case_id, "updated", now, {"changes": changes})
        return checked_case(conn, case_id, now)


def add_event(store: Store, case_id: str, data: EventCreate) -> CaseEvent:
    """A dated entry the shopper adds (called the seller, 12315 accepted the case...)."""
    if data.type in RESERVED_EVENTS:
        raise InvalidData("reserved_event_type", f"Event type {data.type!r} is written by Tousu itself.")
    now = store.now()
    with store.write() as conn:
        require_case(conn, case_id)
        event = append_event(conn, case_id, data.type, data.at or now, data.detail)
        touch(conn, case_id, now)
        checked_case(conn, case_id)
    return event


def delete_case(store: Store, case_id: str) -> Deleted:
    with store.write() as conn:
        require_case(conn, case_id)
        hashes = [
            r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM evidence WHERE case_id = ?", (case_id,))
        ]
        conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
        # Stored answers to earlier requests hold the whole case: a deleted case must not live
        # on there, nor come back from a replayed create (case ids are 32 hex digits: no false hits).
        conn.execute("DELETE FROM idempotency_keys WHERE instr(body, ?) > 0", (case_id,))

        # Only once the delete is durable: a rollback must not leave rows without their files.
        def remove_files() -> None:
            remove_unreferenced(store, hashes)

        store.on_commit(remove_files)
    return Deleted(id=case_id)
