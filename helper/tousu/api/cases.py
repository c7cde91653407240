"""Cases: create, list, read, update, events, evidence, platform sync, due reminders.

Every write honours an Idempotency-Key header: a repeat gets the first response, unchanged.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from flask import Blueprint, current_app, g, request
from pydantic import BaseModel, Field, ValidationError

from .. import preferences
from ..cases import next_step as steps
from ..errors import APIError, error_response, validation_details
from ..models import ChinaTime, IdString, Order, StrictModel
from ..models.advice import Clock
from ..models.case import (
    Case,
    CaseCreate,
    CasePatch,
    CaseStatus,
    Escalation,
    EventCreate,
    EvidenceCreate,
    SyncRequest,
)
from ..security.guard import IDEMPOTENCY_HEADER
from ..store import (
    StoreError,
    add_event,
    add_evidence,
    create_case,
    delete_case,
    due_cases,
    get_case,
    get_store,
    list_cases,
    list_evidence,
    sync_statuses,
    update_case,
)
from ..store.idempotency import fingerprint, run_once
from .body import json_response, parse_body

bp = Blueprint("cases", __name__)

REPLAYED_HEADER = "Idempotent-Replayed"
_CASE_ID = re.compile(r"^[0-9a-f]{32}$")


class CaseQuery(StrictModel):
    status: list[CaseStatus] = Field(default_factory=list)
    order_id: IdString | None = None
    limit: int = Field(default=100, ge=1, le=500)
    offset: int = Field(default=0, ge=0, le=10**9)


class DueQuery(StrictModel):
    before: ChinaTime | None = None
    limit: int = Field(default=100, ge=1, le=500)


# Plumbing ------------------------------------------------------------------------------------


@bp.before_request
def _keep_body() -> None:
    # Read (and cache) the raw body before parse_body consumes it: the idempotency fingerprint
    # is taken from the exact bytes the client sent.
    if request.method in ("POST", "PATCH", "PUT", "DELETE"):
        request.get_data()


@bp.errorhandler(StoreError)
def _store_error(exc: StoreError):
    return error_response(exc.status, exc.code, exc.message, exc.details)


@bp.errorhandler(sqlite3.OperationalError)
def _database_error(exc: sqlite3.OperationalError):
    current_app.logger.exception("store error")
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return error_response(503, "store_busy", "The case store is busy; try again in a moment.")
    return error_response(500, "internal_error", "The helper hit an unexpected error.")


M = TypeVar("M", bound=BaseModel)

_OUT_OF_RANGE = "A time or number is out of range."


def _body(model: type[M]) -> M:
    try:
        return parse_body(model)
    except OverflowError:
        # Times near year 1 or 9999 overflow when moved to +08:00 (a ValueError would have
        # become a 400 inside pydantic; OverflowError escapes it).
        raise APIError(400, "invalid_body", _OUT_OF_RANGE) from None


def _validate_query(model: type[M], values: Mapping[str, object]) -> M:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise APIError(
            400, "invalid_query", "The query string is not valid.", validation_details(exc)
        ) from None
    except OverflowError:
        raise APIError(400, "invalid_query", _OUT_OF_RANGE) from None


def _query(model: type[M], multi: tuple[str, ...] = ()) -> M:
    values: dict[str, object] = {}
    for name in request.args:
        if name in multi:
            values[name] = [v for raw in request.args.getlist(name) for v in raw.split(",") if v]
        else:
            values[name] = request.args.get(name)
    return _validate_query(model, values)


def _case_id(case_id: str) -> str:
    if not _CASE_ID.match(case_id):
        raise APIError(404, "case_not_found", f"No case {case_id}.")
    return case_id


def _write(action: Callable[[], tuple[BaseModel, int]]):
    """Run a write, once per Idempotency-Key when the client sends one."""
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is None:
        model, status = action()
        return json_response(model, status)

    def run() -> tuple[int, str]:
        model, status = action()
        return status, model.model_dump_json()

    outcome = run_once(
        get_store(),
        scope=g.get("extension_id") or "",
        key=key.strip(),
        fingerprint=fingerprint(request.method, request.path, request.get_data()),
        action=run,
    )
    response = current_app.response_class(outcome.body, status=outcome.status, mimetype="application/json")
    if outcome.replayed:
        response.headers[REPLAYED_HEADER] = "true"
    return response


# Routes --------------------------------------------------------------------------------------


@bp.post("/cases")
def create():
    body = _body(CaseCreate)
    if body.deadline is None and "due_at" not in body.model_fields_set:
        body = body.model_copy(update={"deadline": _deadline(body.order, body.problem, body.type)})
    return _write(lambda: (_with_clocks(create_case(get_store(), body)), 201))


@bp.get("/cases")
def index():
    query = _query(CaseQuery, multi=("status",))
    return json_response(
        list_cases(
            get_store(),
            statuses=query.status,
            order_id=query.order_id,
            limit=query.limit,
            offset=query.offset,
        )
    )


_OFFSET_SPACE = re.compile(r" (\d{2}:?\d{2})$")


@bp.get("/cases/due")
def due():
    args = request.args.to_dict()
    if "before" in args:
        # An unencoded "+08:00" in a query string arrives as " 08:00".
        args["before"] = _OFFSET_SPACE.sub(r"+\1", args["before"])
    query = _validate_query(DueQuery, args)
    store = get_store()
    return json_response(due_cases(store, query.before or store.now(), limit=query.limit))


@bp.post("/cases/sync")
def sync():
    data = request.get_data()
    if request.is_json and data.lstrip()[:1] == b"[":
        # A bare list of rows (a reading's `cases`) is accepted as well as {"cases": [...]}. It is
        # parsed as JSON first: pasting the bytes into '{"cases": ...}' let '[], "kind": ...'
        # (not JSON) through.
        try:
            rows = json.loads(data)
        except (ValueError, RecursionError):
            raise APIError(400, "invalid_json", "The body is not valid UTF-8 JSON.") from None
        try:
            body = SyncRequest.model_validate_json(json.dumps({"cases": rows}))
        except ValidationError as exc:
            if any(e["type"] == "json_invalid" for e in exc.errors()):
                raise APIError(400, "invalid_json", "The body is not valid UTF-8 JSON.") from None
            raise APIError(
                400, "invalid_body", "The body does not match the expected shape.", validation_details(exc)
            ) from None
        except OverflowError:
            raise APIError(400, "invalid_body", _OUT_OF_RANGE) from None
    else:
        body = _body(SyncRequest)
    return _write(lambda: (sync_statuses(get_store(), body.cases, kind=body.kind), 200))


def _clocks(order: Order, problem: str, type_: str) -> list[Clock]:
    """The advice clocks of a case, read with the same settings as GET /advice."""
    from ..advice import case_clocks  # loaded at start-up by tousu.advice.warm (api/advice.py)

    settings, _ = preferences.load(Path(current_app.config["DATA_DIR"]))
    return case_clocks(order, problem, type_, get_store().now(), settings)


def _with_clocks(case: Case) -> Case:
    """The case with its escalation re-decided against the advice clocks: a clock that has
    passed is a reason to escalate."""
    clocks = _clocks(case.order, case.problem, case.type)
    code = case.next_step.code if case.next_step else steps.next_code(case.status, None)
    now = get_store().now()
    decided = steps.escalation(case.status, case.status_text, case.due_at, code, case.order, now, clocks)
    return case.model_copy(update={"escalation": Escalation.model_validate(decided)})


def _deadline(order: Order, problem: str, type_: str) -> datetime | None:
    """The first running advice clock: a reminder about filing never falls after it."""
    return steps.first_deadline(_clocks(order, problem, type_))


@bp.get("/cases/<case_id>")
def show(case_id: str):
    return json_response(_with_clocks(get_case(get_store(), _case_id(case_id))))


@bp.patch("/cases/<case_id>")
def patch(case_id: str):
    case_id = _case_id(case_id)
    body = _body(CasePatch)
    if body.next_code is not None and body.deadline is None and "due_at" not in body.model_fields_set:
        saved = get_case(get_store(), case_id)
        body = body.model_copy(update={"deadline": _deadline(saved.order, saved.problem, saved.type)})
    return _write(lambda: (_with_clocks(update_case(get_store(), case_id, body)), 200))


@bp.delete("/cases/<case_id>")
def delete(case_id: str):
    case_id = _case_id(case_id)
    return _write(lambda: (delete_case(get_store(), case_id), 200))


@bp.post("/cases/<case_id>/events")
def events(case_id: str):
    case_id = _case_id(case_id)
    body = _body(EventCreate)
    return _write(lambda: (add_event(get_store(), case_id, body), 201))


@bp.post("/cases/<case_id>/evidence")
def evidence_add(case_id: str):
    case_id = _case_id(case_id)
    body = _body(EvidenceCreate)

    def action() -> tuple[BaseModel, int]:
        item, created = add_evidence(get_store(), case_id, body)
        return item, 201 if created else 200

    return _write(action)


@bp.get("/cases/<case_id>/evidence")
def evidence_index(case_id: str):
    return json_response(list_evidence(get_store(), _case_id(case_id)))
