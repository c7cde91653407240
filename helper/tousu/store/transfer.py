"""Export, import and wipe: the shopper's data out, back in, or gone."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from .. import __version__
from ..models.case import Case, CaseCreate, EventCreate, ExportBundle, ImportSummary, WipeSummary
from .cases import case_from_row, detail_json, insert_case
from .db import Store, iso
from .errors import InvalidData
from .files import has_blob, remove_all


def export_all(store: Store, damaged: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Every case with its events and evidence metadata (hashes, not bytes), as plain JSON data.

    A case the models cannot read (a row damaged by an older version, or by hand) is left out
    and described in `damaged` (when given) instead of failing the whole export."""
    version = store.schema_version
    cases = []
    with store.read() as conn:
        rows = conn.execute("SELECT * FROM cases ORDER BY created_at, id").fetchall()
        for row in rows:
            try:
                cases.append(case_from_row(conn, row))
            except (ValidationError, ValueError, OverflowError) as exc:
                problems = _problems(exc) if isinstance(exc, ValidationError) else [str(exc)]
                if damaged is not None:
                    damaged.append({"id": row["id"], "order_id": row["order_id"], "problems": problems})
    bundle = ExportBundle(
        schema_version=version, app_version=__version__, exported_at=store.now(), cases=cases
    )
    return bundle.model_dump(mode="json")


def _problems(exc: ValidationError) -> list[str]:
    return [f"{'.'.join(str(p) for p in e['loc']) or 'export'}: {e['msg']}" for e in exc.errors()[:20]]


def _case_values(case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "order_id": case.order.order_id,
        "platform": case.order.platform,
        "order_json": case.order.model_dump_json(),
        "problem": case.problem,
        "type": case.type,
        "remedy": case.remedy,
        "demand": case.demand,
        "demand_amount": case.demand_amount,
        "draft": case.draft,
        "status": case.status,
        "status_text": case.status_text,
        "platform_case_id": case.platform_case_id,
        "next_action": case.next_action,
        # Exports made before next steps were codes carry none: the status implies it.
        "next_code": case.next_step.code if case.next_step else None,
        "due_at": iso(case.due_at) if case.due_at else None,
        "evidence_ticks": json.dumps(case.evidence_ticks),
        "notes": case.notes,
        "created_at": iso(case.created_at),
        "updated_at": iso(case.updated_at),
    }


_CASE_FIELDS = (
    "order",
    "problem",
    "type",
    "remedy",
    "demand",
    "demand_amount",
    "draft",
    "evidence_ticks",
    "status",
    "platform_case_id",
    "next_action",
    "due_at",
    "notes",
)


def _over_api_limits(bundle: ExportBundle) -> list[str]:
    """What in the export the API would refuse: each case through the create body's limits, each
    event through the event body's (reserved types are the case's own history from Tousu, and
    kept), so an import cannot put into the store what a request cannot."""
    problems: list[str] = []
    for case in bundle.cases:
        values = case.model_dump(mode="json", include=set(_CASE_FIELDS))
        try:
            CaseCreate.model_validate(values)
        except ValidationError as exc:
            problems.extend(f"case {case.id}: {line}" for line in _problems(exc))
        for event in case.events:
            try:
                EventCreate.model_validate({"type": event.type, "at": event.at, "detail": event.detail})
                detail_json(event.detail)
            except ValidationError as exc:
                problems.extend(f"event {event.id}: {line}" for line in _problems(exc))
            except InvalidData as exc:
                problems.append(f"event {event.id}: {exc.message}")
    return problems[:50]


def import_all(store: Store, data: dict[str, Any] | str | bytes) -> ImportSummary:
    """Add what an export holds and this store lacks; nothing is overwritten.

    Cases, events and evidence keep their ids, so importing the same export twice (or an export
    of this very store) adds nothing. A case that exists here keeps its local fields: the shopper
    may have moved it on since the export.
    """
    try:
        if isinstance(data, str | bytes):
            bundle = ExportBundle.model_validate_json(data)
        else:
            bundle = ExportBundle.model_validate(data)
    except ValidationError as exc:
        raise InvalidData(
            "invalid_import", "This is not a Tousu case export, or it is damaged.", _problems(exc)
        ) from None
    except OverflowError:
        raise InvalidData("invalid_import", "The export holds a time out of range.") from None

    problems = _over_api_limits(bundle)
    if problems:
        raise InvalidData(
            "invalid_import", "The export holds values the helper's API would refuse.", problems
        )

    summary = ImportSummary()
    with store.write() as conn:
        for case in bundle.cases:
            if insert_case(conn, _case_values(case), or_ignore=True):
                summary.cases_added += 1
            else:
                summary.cases_skipped += 1
            for event in case.events:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO case_events (id, case_id, type, at, detail) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (event.id, case.id, event.type, iso(event.at), detail_json(event.detail)),
                )
                summary.events_added += cursor.rowcount
            for item in case.evidence:
                stored = has_blob(store, item.sha256)
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO evidence (id, case_id, code, file_name, sha256, size, "
                    "media_type, captured_at, source_url, note, stored, added_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        item.id,
                        case.id,
                        item.code,
                        item.file_name,
                        item.sha256,
                        item.size,
                        item.media_type,
                        iso(item.captured_at) if item.captured_at else None,
                        item.source_url,
                        item.note,
                        int(stored),
                        iso(item.added_at),
                    ),
                )
                summary.evidence_added += cursor.rowcount
                if cursor.rowcount and not stored:
                    summary.evidence_files_missing += 1
    return summary


def wipe(store: Store) -> WipeSummary:
    """Delete every case, event, evidence record and evidence file, and compact the database so
    the deleted text does not linger in free pages or the WAL."""
    with store.write() as conn:
        counts = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("cases", "case_events", "evidence")
        }
        for table in ("evidence", "case_events", "cases", "idempotency_keys"):
            conn.execute(f"DELETE FROM {table}")
    # Under the write lock, so no evidence write can slip a new file in mid-removal.
    with store.write():
        files = remove_all(store)
    conn = store.connection()
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return WipeSummary(
        cases=counts["cases"], events=counts["case_events"], evidence=counts["evidence"], files=files
    )
