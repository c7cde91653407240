import pytest
from axe_playwright_python.sync_playwright import Axe


def pytest_collection_modifyitems(items):
    # Everything under tests/e2e drives Chromium: mark it so `-m "not e2e"` gives a fast run.
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def assert_accessible():
    """axe-core on a screen: no serious or critical violation (the extension's a11y bar)."""

    def check(page, screen: str) -> None:
        results = Axe().run(page)
        bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"{screen}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in bad
        )

    return check
