"""Property-based API testing with schemathesis: every documented operation, generated inputs
(valid and invalid), paired like the extension. No 5xx, every status and body as documented.
(Speed is not asserted here: tests/advice/test_lint.py guards the patterns that made long inputs
slow, and scripts/bench_load.py measures the server.)

Runs the WSGI app in-process (no socket, no waitress) so it stays well under a minute on two
cores; tests/e2e and scripts/bench_load.py cover the real server.
"""

from __future__ import annotations

import hashlib
import tempfile

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tousu.app import create_app
from tousu.config import DEFAULT_EXTENSION_ID
from tousu.models.case import CaseCreate
from tousu.store import create_case, get_store

PORT = 47321
BASE_URL = f"http://127.0.0.1:{PORT}"
# Fuzzed examples per operation. Enough to find shape mismatches, bounded so the whole file
# stays well under a minute on CI's two cores.
MAX_EXAMPLES = 12
ORDER = {
    "order_id": "2718281828459045235",
    "platform": "taobao",
    "shop": {"name": "示例店"},
    "status": "completed",
    "total_paid": "47.40",
    "items": [
        {
            "sub_order_id": "2718281828459045236",
            "title": "示例 TWS 真无线蓝牙耳机",
            "quantity": 1,
            "unit_price": "47.40",
        }
    ],
}


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


class Helper:
    """The app under test and the ways to obtain credentials and cases for it."""

    def __init__(self, app):
        self.app = app
        self.token = self.new_token()

    def new_token(self) -> str:
        pairing = self.app.extensions["tousu.pairing"]
        return pairing.redeem(pairing.issue_code(), DEFAULT_EXTENSION_ID).token

    def new_case_id(self) -> str:
        with self.app.app_context():
            case = create_case(
                get_store(),
                CaseCreate.model_validate(
                    {"order": ORDER, "problem": "左耳没有声音", "type": "quality_defect"}
                ),
            )
        return case.id


# Built at import time: schemathesis parametrizes at collection. (Its lazy
# `schemathesis.pytest.from_fixture` would be neater but breaks on pytest 9.2: it sets
# request.node._nodeid, which pytest 9.2 no longer has.)
_DATA_DIR = tempfile.TemporaryDirectory(prefix="tousu-schemathesis-")
HELPER = Helper(
    create_app(
        {
            "DATA_DIR": _DATA_DIR.name,
            "PORT": PORT,
            "EXTENSION_IDS": [DEFAULT_EXTENSION_ID],
            # Fuzzed pairing codes are all wrong: their slowdown (tests/security) would only make
            # this file slow.
            "PAIRING_FAILURE_DELAY": 0,
        }
    )
)


def _load(phases: list[str]):
    # The document is read from the helper itself (behind the token, like every route).
    loaded = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json",
        HELPER.app,
        base_url=BASE_URL,
        headers={"X-Tousu-Token": HELPER.token},
    )
    loaded.config.generation.update(max_examples=MAX_EXAMPLES)
    loaded.config.phases.update(phases=phases)
    return loaded


# Explicit examples, then random valid and invalid inputs: every operation.
fuzzing = _load(["examples", "fuzzing"])
# Boundary values (max lengths, missing fields, wrong types, other content types).
coverage = _load(["coverage"])


def _aim_at_a_real_case(case) -> None:
    # Random 32-hex ids only ever reach the 404 branch; half the time use a case that exists
    # (a fresh one, since DELETE and PATCH change it).
    case_id = (case.path_parameters or {}).get("case_id")
    if isinstance(case_id, str) and int(hashlib.sha256(case_id.encode()).hexdigest(), 16) % 2:
        case.path_parameters["case_id"] = HELPER.new_case_id()


def _call(case) -> None:
    _aim_at_a_real_case(case)
    # DELETE /pairing revokes the token it is sent with: give it one of its own.
    revoking = case.method.upper() == "DELETE" and case.path.endswith("/pairing")
    token = HELPER.new_token() if revoking else HELPER.token
    case.call_and_validate(base_url=BASE_URL, headers={"X-Tousu-Token": token}, checks=CHECKS)


@fuzzing.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_conform(case):
    _call(case)


@coverage.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_boundary_requests_conform(case):
    _call(case)


def test_every_operation_is_exercised():
    labels = {op.ok().label for op in fuzzing.get_all_operations()}
    # The document's own route is left out by schemathesis (it was loaded from it).
    assert len(labels) >= 18, labels
    assert "POST /api/v1/cases/{case_id}/evidence" in labels
