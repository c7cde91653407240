"""schemathesis's coverage phase on every documented operation: boundary values (max lengths,
missing fields, wrong types, other content types). No 5xx, every answer as documented.

A `_slow.py` module: schemathesis computes every boundary case while it collects (seconds of CPU),
so the fast layer does not even import it (tests/conftest.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from ..support.fuzz import call, load

pytestmark = pytest.mark.slow

coverage = load(["coverage"], max_examples=12)


@coverage.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_boundary_requests_conform(case):
    call(case)
