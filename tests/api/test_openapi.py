"""The OpenAPI document: valid 3.1, complete (every /api/v1 route), and truthful on status codes."""

from __future__ import annotations

import re

import pytest
from openapi_spec_validator import validate

from tousu.api import PREFIX
from tousu.api.openapi import build_openapi, declared_operations

from ..support.api import assert_error


def _routes(app) -> set[tuple[str, str]]:
    """(method, OpenAPI path) of every API rule the app really serves."""
    return {
        (method.lower(), re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule))
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(PREFIX + "/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def _documented(document: dict) -> set[tuple[str, str]]:
    return {(method, path) for path, item in document["paths"].items() for method in item}


def test_the_document_is_valid_openapi_3_1():
    document = build_openapi()
    assert document["openapi"].startswith("3.1")
    validate(document)  # raises with the first problem


def test_every_route_is_documented_and_nothing_else(app):
    served = _routes(app)
    assert len(served) >= 19  # the walk found the real table, not an empty one
    documented = _documented(build_openapi())
    assert served - documented == set(), "routes missing from tousu/api/openapi.py"
    assert documented - served == set(), "documented operations the helper does not serve"


def test_the_route_walk_can_fail(app):
    # Proves the completeness test above is not vacuous: a new route shows up as undocumented.
    app.add_url_rule(f"{PREFIX}/forgotten/<thing_id>", "forgotten", lambda thing_id: "", methods=["PUT"])
    assert ("put", f"{PREFIX}/forgotten/{{thing_id}}") in _routes(app) - _documented(build_openapi())


def _operation(method: str, path: str) -> dict:
    return build_openapi()["paths"][PREFIX + path][method]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("post", "/pairing", "201"),
        ("post", "/cases", "201"),
        ("post", "/cases/{case_id}/events", "201"),
        ("post", "/cases/{case_id}/evidence", "201"),
        ("get", "/cases", "200"),
        ("post", "/advice", "200"),
        ("delete", "/cases/{case_id}", "200"),
    ],
)
def test_success_status_is_declared(method, path, status):
    successes = {code for code in _operation(method, path)["responses"] if code.startswith("2")}
    assert status in successes
    if status == "201" and path != "/cases/{case_id}/evidence":
        # A create answers 201 only; evidence also answers 200 when it was already attached.
        assert successes == {"201"}


def test_path_and_query_parameters_are_declared():
    def names(method, path, where):
        return {p["name"] for p in _operation(method, path)["parameters"] if p["in"] == where}

    for method, path in declared_operations_with_case_id():
        assert names(method, path, "path") == {"case_id"}
    assert names("get", "/cases", "query") == {"status", "order_id", "limit", "offset"}
    assert names("get", "/cases/due", "query") == {"before", "limit"}
    assert names("post", "/advice", "query") == set()


def declared_operations_with_case_id():
    return [(op.method, op.path) for op in declared_operations() if "{case_id}" in op.path]


def test_errors_use_the_one_envelope():
    document = build_openapi()
    for path, item in document["paths"].items():
        for method, op in item.items():
            errors = {code: r for code, r in op["responses"].items() if code[0] in "45"}
            assert {"403", "412"} <= set(errors), (method, path)
            for response in errors.values():
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, (method, path)


def test_only_ping_and_pairing_are_public():
    public = {(op.method, op.path) for op in declared_operations() if op.public}
    assert public == {("get", "/ping"), ("post", "/pairing")}
    for method, path in public:
        assert _operation(method, path)["security"] == []
    assert build_openapi()["security"] == [{"token": []}]


def test_the_helper_serves_the_document(api, anonymous):
    response = api.get("/openapi.json")
    assert response.status_code == 200
    assert response.json["paths"].keys() == build_openapi()["paths"].keys()
    # The document tells what the routes are; it is still behind the token like them.
    assert_error(anonymous.get("/openapi.json"), 401, "not_paired")


def test_declared_201s_match_the_running_helper(api):
    # The codes in the document are the codes the views answer with.
    order = {
        "order_id": "1234567890123456789",
        "platform": "taobao",
        "shop": {"name": "店"},
        "status": "completed",
        "items": [],
    }
    created = api.post("/cases", json={"order": order, "problem": "左耳没有声音", "type": "quality_defect"})
    assert created.status_code == 201, created.json
    case_id = created.json["id"]
    event = api.post(f"/cases/{case_id}/events", json={"type": "called_seller"})
    assert event.status_code == 201, event.json
    evidence = {
        "code": "order_screenshot",
        "file_name": "order.png",
        "sha256": "ab" * 32,
        "size": 10,
        "media_type": "image/png",
    }
    first = api.post(f"/cases/{case_id}/evidence", json=evidence)
    assert first.status_code == 201, first.json
    again = api.post(f"/cases/{case_id}/evidence", json=evidence)
    assert again.status_code in (200, 201)
    assert again.status_code == 200 or again.json["id"] != first.json["id"]
    assert api.get(f"/cases/{case_id}").status_code == 200
