"""schemathesis against the in-process helper, paired like the extension: the app, the loaded
document and the call every fuzz test makes (tests/api/test_schemathesis*.py)."""

from __future__ import annotations

import hashlib
import tempfile

import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tousu.config import DEFAULT_EXTENSION_ID
from tousu.models.case import CaseCreate
from tousu.store import create_case, get_store

from .api import BASE_URL, make_app

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
# request.node._nodeid, which pytest 9.2 no longer has.) One app for every fuzz module.
_DATA_DIR = tempfile.TemporaryDirectory(prefix="tousu-schemathesis-")
HELPER = Helper(
    # Fuzzed pairing codes are all wrong: their slowdown (tests/security) would only make the
    # fuzzing slow.
    make_app(_DATA_DIR.name, PAIRING_FAILURE_DELAY=0)
)


def load(phases: list[str], max_examples: int):
    # The document is read from the helper itself (behind the token, like every route).
    loaded = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json",
        HELPER.app,
        base_url=BASE_URL,
        headers={"X-Tousu-Token": HELPER.token},
    )
    loaded.config.generation.update(max_examples=max_examples)
    loaded.config.phases.update(phases=phases)
    return loaded


def _aim_at_a_real_case(case) -> None:
    # Random 32-hex ids only ever reach the 404 branch; half the time use a case that exists
    # (a fresh one, since DELETE and PATCH change it).
    case_id = (case.path_parameters or {}).get("case_id")
    if isinstance(case_id, str) and int(hashlib.sha256(case_id.encode()).hexdigest(), 16) % 2:
        case.path_parameters["case_id"] = HELPER.new_case_id()


def call(case) -> None:
    _aim_at_a_real_case(case)
    # DELETE /pairing revokes the token it is sent with: give it one of its own.
    revoking = case.method.upper() == "DELETE" and case.path.endswith("/pairing")
    token = HELPER.new_token() if revoking else HELPER.token
    case.call_and_validate(base_url=BASE_URL, headers={"X-Tousu-Token": token}, checks=CHECKS)
