"""Test layers. `pytest -m "not e2e"` is the fast layer: no browser and no real process.

Tests that start real processes (the helper, the mock shop, `tousu serve`, inner pytest runs)
carry the `slow` mark and run with the e2e layer: a slow test is also marked `e2e` here, so
`-m "not e2e"` leaves them out and `-m e2e` (or no filter) runs them. `-m slow` selects only them.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") is not None and item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.e2e)
