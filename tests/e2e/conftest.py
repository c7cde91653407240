import pytest


def pytest_collection_modifyitems(items):
    # Everything under tests/e2e drives Chromium: mark it so `-m "not e2e"` gives a fast run.
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
