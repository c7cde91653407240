"""Property-based API testing with schemathesis: every documented operation, generated inputs
(valid and invalid), paired like the extension. No 5xx, every status and body as documented.
(Speed is not asserted here: tests/advice/test_lint.py guards the patterns that made long inputs
slow, and scripts/bench_load.py measures the server.)

Runs the WSGI app in-process (no socket, no waitress); tests/e2e and scripts/bench_load.py cover
the real server. The fast layer fuzzes every operation with a few inputs; the `slow` run with
MAX_EXAMPLES (and test_schemathesis_slow.py adds the boundary values of the coverage phase).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from ..support.fuzz import call, load

# Fuzzed examples per operation. Enough to find shape mismatches, bounded so the whole file
# stays well under a minute on CI's two cores.
MAX_EXAMPLES = 12
# The fast layer's share: the explicit examples plus a few random inputs per operation, enough
# that a route answering a 5xx or off its schema for ordinary input is caught within seconds.
QUICK_EXAMPLES = 3

# Explicit examples, then random valid and invalid inputs: every operation.
fuzzing = load(["examples", "fuzzing"], MAX_EXAMPLES)
quick_fuzzing = load(["examples", "fuzzing"], QUICK_EXAMPLES)


@pytest.mark.slow
@fuzzing.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_conform(case):
    call(case)


@pytest.mark.quick_twin_of("test_fuzzed_requests_conform")
@quick_fuzzing.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_conform_quickly(case):
    call(case)


def test_every_operation_is_exercised():
    labels = {op.ok().label for op in fuzzing.get_all_operations()}
    # The document's own route is left out by schemathesis (it was loaded from it).
    assert len(labels) >= 18, labels
    assert "POST /api/v1/cases/{case_id}/evidence" in labels
