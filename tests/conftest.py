"""Test layers and where tests keep their files.

Layers (markers in pyproject.toml, the long form in CONTRIBUTING.md):

- `pytest -m "not e2e and not slow"`: the fast layer, in-process only (no browser, no process
  started, no wheel built, fuzzing bounded).
- `pytest -m "not e2e"`: adds the `slow` tests (real helper processes, `tousu serve`, inner pytest
  runs, wheel builds, the full schemathesis runs); still no browser.
- `pytest -m e2e` (or no filter): the real extension in Chromium.

A test carries `slow` when it starts a process or a server socket, builds a distribution, or is
the full-strength run of a bounded fast test (`quick_twin_of`, below). A module named
`test_*_slow.py` holds only slow tests whose collection alone is costly: it is not imported when
the `-m` expression leaves slow tests out.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Every store commit is fsynced (synchronous=FULL, WAL): on this machine's shared disk that made
# creating an app cost ~0.17 s, on tmpfs ~0.03 s. The suite asserts what is written and its
# permissions, never that it reached a platter, so test files live in memory when the machine
# has a tmpfs. TOUSU_TEST_TMP names another root ("" keeps the system's temporary directory).
_MEMORY_ROOTS = ("/dev/shm",)


def _temp_root() -> Path | None:
    chosen = os.environ.get("TOUSU_TEST_TMP")
    if chosen is not None:
        return Path(chosen) if chosen else None
    for root in map(Path, _MEMORY_ROOTS):
        if root.is_dir() and os.access(root, os.W_OK | os.X_OK):
            return root
    return None


def pytest_configure(config: pytest.Config) -> None:
    root = _temp_root()
    # Before any tmp_path or module-level TemporaryDirectory exists (basetemp is made lazily);
    # an explicit --basetemp or PYTEST_DEBUG_TEMPROOT still wins.
    if root is not None and not os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        tempfile.tempdir = str(root)


def _runs_slow_tests(config: pytest.Config) -> bool:
    """Would a test marked only `slow` pass this run's -m expression?"""
    expression = config.option.markexpr
    if not expression:
        return True
    try:
        from _pytest.mark.expression import Expression

        return Expression.compile(expression).evaluate(lambda name, **kwargs: name == "slow" and not kwargs)
    except Exception:  # another pytest's internals: collect, and let -m deselect as usual
        return True


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name.startswith("test_") and collection_path.name.endswith("_slow.py"):
        return None if _runs_slow_tests(config) else True
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # trylast: after -m and -k have deselected, so "runs too" means "is still selected".
    selected = {(item.path, item.name.partition("[")[0]) for item in items}
    twins = []
    for item in items:
        marker = item.get_closest_marker("quick_twin_of")
        if marker is not None and (item.path, marker.args[0]) in selected:
            twins.append(item)
    if twins:
        config.hook.pytest_deselected(items=twins)
        keep = set(map(id, twins))
        items[:] = [item for item in items if id(item) not in keep]
