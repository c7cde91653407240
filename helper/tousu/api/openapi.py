"""The OpenAPI 3.1 document, generated from the pydantic models the routes use.

Every /api/v1 operation is declared once in OPERATIONS with its success status, its parameters
and the errors it can answer with. tests/api/test_openapi.py walks app.url_map and fails when a
route is missing here, so a new route cannot be forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from flask import Blueprint, Response, jsonify
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .. import API_VERSION, SERVICE_NAME, __version__
from ..config import DEFAULT_PORT
from ..models import (
    Advice,
    AdviceRequest,
    FillPlan,
    FillPlanRequest,
    FillTargets,
    FillTargetsRequest,
    LintRequest,
    LintResult,
    PageSnapshot,
    Reading,
)
from ..models.case import (
    Case,
    CaseCreate,
    CaseEvent,
    CaseList,
    CasePatch,
    Deleted,
    DueCases,
    EventCreate,
    Evidence,
    EvidenceCreate,
    EvidenceList,
    SyncRequest,
    SyncResult,
)
from ..security.guard import IDEMPOTENCY_HEADER, VERSION_HEADER
from .prefix import PREFIX

# Response bodies built with jsonify rather than a model: described here so clients (and
# schemathesis) can check them. Never used to build responses.


class Ping(BaseModel):
    ok: Literal[True]
    service: Literal["tousu-helper"]
    version: str
    api_version: int
    paired: bool
    proof: str | None = None


class PairingToken(BaseModel):
    ok: Literal[True]
    token: str
    token_id: str
    extension_id: str


class PairingStatus(BaseModel):
    ok: Literal[True]
    paired: bool
    extension_id: str | None = None


class TokenInfo(BaseModel):
    token_id: str
    extension_id: str
    via: str
    created_at: str
    last_used_at: str | None
    expires_at: str
    current: bool


class TokenList(BaseModel):
    ok: Literal[True]
    tokens: list[TokenInfo]


class TokenRevoked(BaseModel):
    ok: Literal[True]
    token_id: str
    revoked: Literal[True]


class Symptom(BaseModel):
    code: str
    label_zh: str
    label_en: str
    types: list[str]


class SymptomCatalog(BaseModel):
    symptoms: list[Symptom]


class AdviceSettingsView(BaseModel):
    values: dict[str, Any]
    corrected: list[str]
    sources: dict[str, dict[str, Any]]
    warning: str | None


assert SERVICE_NAME == "tousu-helper"  # Ping.service above must follow a rename

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The one envelope every failure has.",
    "required": ["ok", "status", "error"],
    "properties": {
        "ok": {"const": False},
        "status": {"type": "integer"},
        "error": {
            "type": "object",
            "required": ["code", "message", "details"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "array"},
            },
        },
    },
}

ERROR_TEXT = {
    400: "Invalid body, query or JSON",
    401: "Not paired: no or unknown X-Tousu-Token",
    403: "Refused: wrong Host or Origin, or the token belongs to another extension",
    404: "No such case (or token)",
    409: "The change conflicts with the case's state",
    412: "The client speaks another API version",
    413: "Body (or evidence) too large",
    415: "Body is not application/json",
    422: "The page cannot be filled for this case, or could not be read within the budget",
    429: "Too many wrong pairing codes",
    503: "The case store or the page reader is busy; retry",
}
# Every route passes the guard (Host, Origin, version) before its view runs.
GUARD_ERRORS = (403, 412)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # under PREFIX, OpenAPI style: /cases/{case_id}
    summary: str
    request: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    # Extra success statuses with the same body (evidence: 201 created, 200 already there).
    also: tuple[int, ...] = ()
    query: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    public: bool = False  # reachable without the token
    idempotent_key: bool = False  # honours Idempotency-Key
    response_schema: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        return self.method, self.path


# Errors shared by groups of routes. The store's errors (404, 409, 413, 503) only on cases.
_BODY = (400, 413, 415)
_CASE = (404, 503)


@cache
def declared_operations() -> tuple[Operation, ...]:
    """Every documented operation (a test proves it equals the app's url_map). Built on first use,
    so importing this module does not import the blueprints."""
    from ..preferences import SettingsUpdate
    from .cases import CaseQuery, DueQuery
    from .meta import PingQuery
    from .pairing import PairRequest

    return (
        Operation(
            "get",
            "/ping",
            "Identify the helper (service, version, api_version, paired); prove it holds a token",
            response=Ping,
            query=PingQuery,
            public=True,
        ),
        Operation("get", "/openapi.json", "This document", response_schema={"type": "object"}, errors=(401,)),
        Operation(
            "post",
            "/pairing",
            "Exchange a one-time pairing code for a token",
            PairRequest,
            PairingToken,
            status=201,
            public=True,
            errors=_BODY,
        ),
        Operation(
            "get",
            "/pairing",
            "Whether this token is paired, and to which extension",
            response=PairingStatus,
            errors=(401,),
        ),
        Operation("delete", "/pairing", "Revoke this token", response=PairingStatus, errors=(401,)),
        Operation(
            "get", "/tokens", "Every live pairing token (never the secret)", response=TokenList, errors=(401,)
        ),
        Operation(
            "delete",
            "/tokens/{token_id}",
            "Revoke one pairing token",
            response=TokenRevoked,
            errors=(401, 404),
        ),
        Operation(
            "post",
            "/pages/read",
            "Read a page snapshot",
            PageSnapshot,
            Reading,
            errors=(*_BODY, 401, 422, 503),
        ),
        Operation(
            "post", "/advice", "Advise on an order and a problem", AdviceRequest, Advice, errors=(*_BODY, 401)
        ),
        Operation(
            "get",
            "/advice/symptoms",
            "The symptom chips the popup offers",
            response=SymptomCatalog,
            errors=(401,),
        ),
        Operation(
            "get",
            "/settings/advice",
            "The uncertain platform figures in force",
            response=AdviceSettingsView,
            errors=(401,),
        ),
        Operation(
            "put",
            "/settings/advice",
            "Correct some of them (null removes a correction)",
            SettingsUpdate,
            AdviceSettingsView,
            errors=(*_BODY, 401),
        ),
        Operation(
            "delete", "/settings/advice", "Back to the defaults", response=AdviceSettingsView, errors=(401,)
        ),
        Operation(
            "post",
            "/lint",
            "Check a text for tone, threats and personal data",
            LintRequest,
            LintResult,
            errors=(*_BODY, 401),
        ),
        Operation(
            "post",
            "/fill-targets",
            "Which form pages to open for an order (after-sales once per item)",
            FillTargetsRequest,
            FillTargets,
            errors=(*_BODY, 401),
        ),
        Operation(
            "post",
            "/fill-plans",
            "Plan how to pre-fill a complaint or after-sales form",
            FillPlanRequest,
            FillPlan,
            errors=(*_BODY, 401, 422),
        ),
        Operation(
            "post",
            "/cases",
            "Open a case for an order",
            CaseCreate,
            Case,
            status=201,
            errors=(*_BODY, 401, *_CASE),
            idempotent_key=True,
        ),
        Operation(
            "get",
            "/cases",
            "List cases, newest first",
            response=CaseList,
            query=CaseQuery,
            errors=(400, 401, 503),
        ),
        Operation(
            "get",
            "/cases/due",
            "Open cases whose next action is due",
            response=DueCases,
            query=DueQuery,
            errors=(400, 401, 503),
        ),
        Operation(
            "post",
            "/cases/sync",
            "Update cases from the complaint or refund list (a bare list of rows is accepted too)",
            SyncRequest,
            SyncResult,
            errors=(*_BODY, 401, 409, 503),
            idempotent_key=True,
        ),
        Operation(
            "get",
            "/cases/{case_id}",
            "A case with its events and evidence",
            response=Case,
            errors=(401, *_CASE),
        ),
        Operation(
            "patch",
            "/cases/{case_id}",
            "Change a case (status, next action, draft, ticks...)",
            CasePatch,
            Case,
            errors=(*_BODY, 401, 409, *_CASE),
            idempotent_key=True,
        ),
        Operation(
            "delete",
            "/cases/{case_id}",
            "Delete a case and its evidence",
            response=Deleted,
            errors=(401, *_CASE),
            idempotent_key=True,
        ),
        Operation(
            "post",
            "/cases/{case_id}/events",
            "Add a dated event",
            EventCreate,
            CaseEvent,
            status=201,
            errors=(*_BODY, 401, *_CASE),
            idempotent_key=True,
        ),
        Operation(
            "post",
            "/cases/{case_id}/evidence",
            "Attach evidence (metadata, optionally bytes); 200 when it was already attached",
            EvidenceCreate,
            Evidence,
            status=201,
            also=(200,),
            errors=(*_BODY, 401, *_CASE),
            idempotent_key=True,
        ),
        Operation(
            "get",
            "/cases/{case_id}/evidence",
            "The evidence of a case",
            response=EvidenceList,
            errors=(401, *_CASE),
        ),
    )


CASE_ID_PARAMETER = {
    "name": "case_id",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
    "description": "A case id (32 hex digits); any other value is answered 404.",
}
TOKEN_ID_PARAMETER = {
    "name": "token_id",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
    "description": "A token's public id (16 hex digits); any other value is answered 404.",
}
VERSION_PARAMETER = {
    "name": VERSION_HEADER,
    "in": "header",
    "required": False,
    "schema": {"type": "string", "enum": [str(API_VERSION)]},
    "description": "The API version the client speaks; another value is answered 412.",
}
IDEMPOTENCY_PARAMETER = {
    "name": IDEMPOTENCY_HEADER,
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
    "description": "A repeat with the same key gets the first response (Idempotent-Replayed: true).",
}


def all_operations() -> list[Operation]:
    return list(declared_operations())


def _query_parameters(model: type[BaseModel]) -> list[dict]:
    schema = model.model_json_schema()
    parameters = []
    for name, prop in schema["properties"].items():
        prop = _not_null({k: v for k, v in prop.items() if k != "title"})
        parameter = {
            "name": name,
            "in": "query",
            "required": name in schema.get("required", []),
            "schema": prop,
        }
        if prop.get("type") == "array":
            # ?status=filed&status=draft (a comma-separated list is accepted as well).
            parameter.update(style="form", explode=True)
        parameters.append(parameter)
    # Enums referenced by the query model live in its own $defs: inline them.
    defs = schema.get("$defs", {})
    return [_inline(p, defs) for p in parameters]


def _not_null(prop: dict) -> dict:
    """A query string has no null: `X | None = None` is simply an optional parameter."""
    branches = [b for b in prop.get("anyOf", []) if b.get("type") != "null"]
    if len(branches) != 1:
        return prop
    rest = {k: v for k, v in prop.items() if k != "anyOf" and not (k == "default" and v is None)}
    return {**branches[0], **rest}


def _inline(node: Any, defs: dict) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _operation(op: Operation, refs: dict) -> dict:
    doc: dict[str, Any] = {"summary": op.summary, "operationId": _operation_id(op)}
    parameters = []
    if "{case_id}" in op.path:
        parameters.append(CASE_ID_PARAMETER)
    if "{token_id}" in op.path:
        parameters.append(TOKEN_ID_PARAMETER)
    if op.query is not None:
        parameters.extend(_query_parameters(op.query))
    parameters.append(VERSION_PARAMETER)
    if op.idempotent_key:
        parameters.append(IDEMPOTENCY_PARAMETER)
    doc["parameters"] = parameters
    if op.request is not None:
        doc["requestBody"] = {"required": True, "content": _json(refs[(op.request, "validation")])}
    if op.public:
        doc["security"] = []
    content = None
    if op.response is not None:
        content = _json(refs[(op.response, "serialization")])
    elif op.response_schema is not None:
        content = _json(op.response_schema)
    responses: dict[str, Any] = {}
    for status in (op.status, *op.also):
        ok: dict[str, Any] = {"description": "Created" if status == 201 else "OK"}
        if content is not None:
            ok["content"] = content
        responses[str(status)] = ok
    error = _json({"$ref": "#/components/schemas/Error"})
    # A malformed Idempotency-Key is a 400; a reused one with another body is a conflict.
    conflict = (400, 409) if op.idempotent_key else ()
    for status in sorted({*GUARD_ERRORS, *op.errors, *conflict}):
        responses[str(status)] = {"description": ERROR_TEXT[status], "content": error}
    doc["responses"] = responses
    return doc


def _operation_id(op: Operation) -> str:
    words = [w.strip("{}") for w in op.path.replace("-", "_").replace(".", "_").split("/") if w]
    return "_".join([op.method, *words])


@cache
def build_openapi() -> dict:
    operations = all_operations()
    models = {m for op in operations for m in (op.request, op.response) if m is not None}
    modes: tuple[Literal["validation", "serialization"], ...] = ("validation", "serialization")
    keyed = [(m, mode) for mode in modes for m in models]
    refs, defs = models_json_schema(keyed, ref_template="#/components/schemas/{model}")
    schemas = dict(defs.get("$defs", {}))
    schemas["Error"] = ERROR_SCHEMA
    paths: dict = {}
    for op in operations:
        paths.setdefault(f"{PREFIX}{op.path}", {})[op.method] = _operation(op, refs)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tousu helper",
            "version": __version__,
            "x-api-version": API_VERSION,
            "description": "淘宝投诉助手 local helper. Loopback only; every failure is the Error envelope.",
        },
        "servers": [{"url": f"http://127.0.0.1:{DEFAULT_PORT}"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"token": {"type": "apiKey", "in": "header", "name": "X-Tousu-Token"}},
        },
        "security": [{"token": []}],
    }


# The document is served by its own blueprint, so api.meta (ping) and this module do not import
# each other.
bp = Blueprint("openapi", __name__)


@bp.get("/openapi.json")
def document() -> Response:
    return jsonify(build_openapi())
