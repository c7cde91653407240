"""The OpenAPI document, generated from the pydantic models the routes use."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import API_VERSION, __version__
from .api import PREFIX
from .api.pairing import PairRequest
from .models import (
    Advice,
    AdviceRequest,
    FillPlan,
    FillPlanRequest,
    LintRequest,
    LintResult,
    PageSnapshot,
    Reading,
)

# (method, path, summary, request model, response model). Routes owned by other modules add
# themselves through EXTRA_OPERATIONS so the document grows with the API.
OPERATIONS: list[tuple[str, str, str, type[BaseModel] | None, type[BaseModel] | None]] = [
    ("post", "/pairing", "Exchange a one-time pairing code for a token", PairRequest, None),
    ("post", "/pages/read", "Read a page snapshot", PageSnapshot, Reading),
    ("post", "/advice", "Advise on an order and a problem", AdviceRequest, Advice),
    ("post", "/lint", "Check a text for tone, threats and personal data", LintRequest, LintResult),
    ("post", "/fill-plans", "Plan how to pre-fill a complaint or after-sales form",
     FillPlanRequest, FillPlan),
]
EXTRA_OPERATIONS: list[tuple[str, str, str, type[BaseModel] | None, type[BaseModel] | None]] = []

ERROR_SCHEMA = {
    "type": "object",
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


@cache
def build_openapi() -> dict:
    from .api import cases  # noqa: F401 (its routes add themselves to EXTRA_OPERATIONS)

    operations = OPERATIONS + EXTRA_OPERATIONS
    models = {m for op in operations for m in op[3:] if m is not None}
    keyed = [(m, "validation") for m in models] + [(m, "serialization") for m in models]
    refs, defs = models_json_schema(keyed, ref_template="#/components/schemas/{model}")
    schemas = dict(defs.get("$defs", {}))
    schemas["Error"] = ERROR_SCHEMA
    error_ref = {"$ref": "#/components/schemas/Error"}
    errors = {
        str(code): {"description": text, "content": {"application/json": {"schema": error_ref}}}
        for code, text in [(400, "Invalid body"), (401, "Not paired"), (403, "Refused"),
                           (413, "Body too large"), (415, "Not JSON")]
    }
    paths: dict = {
        f"{PREFIX}/ping": {"get": {"summary": "Identify the helper", "security": [],
                                   "responses": {"200": {"description": "The helper"}}}},
    }
    for method, path, summary, request, response in operations:
        op: dict = {"summary": summary, "responses": dict(errors)}
        if request is not None:
            op["requestBody"] = {"required": True, "content": {
                "application/json": {"schema": refs[(request, "validation")]}}}
        ok = {"description": "OK"}
        if response is not None:
            ok["content"] = {"application/json": {"schema": refs[(response, "serialization")]}}
        op["responses"]["200" if path != "/pairing" else "201"] = ok
        paths.setdefault(f"{PREFIX}{path}", {})[method] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tousu helper", "version": __version__,
                 "x-api-version": API_VERSION},
        "servers": [{"url": "http://127.0.0.1:47321"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"token": {"type": "apiKey", "in": "header", "name": "X-Tousu-Token"}},
        },
        "security": [{"token": []}],
    }
