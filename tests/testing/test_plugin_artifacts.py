"""The plugin's failure reporting, proved on deliberately failing inner test runs (pytester).

The artifact tests start Chromium, so they carry the e2e mark."""

from __future__ import annotations

import zipfile

import pytest

# Inner pytest runs that start real processes: the slow layer (see tests/conftest.py).
pytestmark = pytest.mark.slow

pytest_plugins = ["pytester"]

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


@pytest.mark.e2e
def test_failed_test_leaves_trace_screenshots_and_helper_log(pytester):
    pytester.makepyfile(f"""
        def test_fails(tousu, tousu_mock_shop):
            tousu.use_scenario("earphones_left_silent")
            page = tousu.open_shop_page("{LIST_URL}")
            tousu.open_popup(page)
            assert False, "deliberate"

        def test_passes(tousu, tousu_mock_shop):
            tousu.open_shop_page("{LIST_URL}")
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--tousu-artifacts", "out")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*tousu serve output*", "*Pairing code*"])
    folders = sorted(p.name for p in (pytester.path / "out").iterdir())
    assert folders == ["test_failed_test_leaves_trace_screenshots_and_helper_log.py_test_fails"]
    out = pytester.path / "out" / folders[0]
    names = sorted(p.name for p in out.iterdir())
    assert {"trace.zip", "helper.log", "pages.txt"} <= set(names)
    shots = [n for n in names if n.endswith(".png")]
    assert len(shots) >= 2  # the shop page and the popup
    for shot in shots:
        assert (out / shot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with zipfile.ZipFile(out / "trace.zip") as trace:
        listing = trace.namelist()
        assert "trace.trace" in listing and "trace.network" in listing
        assert any(name.startswith("resources/") for name in listing)  # screenshots/snapshots
        assert b"list_bought_items.htm" in trace.read("trace.network")
    pages = (out / "pages.txt").read_text("utf-8")
    assert LIST_URL in pages and "popup/popup.html?tab=" in pages


@pytest.mark.e2e
def test_setup_failure_also_leaves_artifacts(pytester):
    pytester.makepyfile("""
        import pytest

        @pytest.fixture
        def broken(tousu):
            raise RuntimeError("deliberate setup failure")

        def test_setup_fails(broken):
            pass
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--tousu-artifacts", "out")
    result.assert_outcomes(errors=1)
    [folder] = (pytester.path / "out").iterdir()
    assert (folder / "trace.zip").is_file()


def test_helper_that_dies_fails_the_test_with_its_output(pytester):
    pytester.makepyfile("""
        import os, signal

        def test_helper_crashes(tousu_helper):
            os.kill(tousu_helper.pid, signal.SIGKILL)  # not tousu_helper.kill(): a real crash
            tousu_helper.process.wait(5)

        def test_deliberate_kill_is_fine(tousu_helper):
            tousu_helper.kill()
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_helper_crashes*",
            "*tousu serve (pid *, port *) died unexpectedly (exit code -9)*",
            "*Pairing code: *",
        ]
    )


def test_mock_shop_that_died_fails_the_next_test_with_its_output(pytester):
    pytester.makepyfile("""
        import os, signal

        def test_crash_the_shop(tousu_mock_shop):
            os.kill(tousu_mock_shop.pid, signal.SIGKILL)
            tousu_mock_shop.process.wait(5)

        def test_next(tousu_mock_shop):
            pass
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*tousu mock (pid *) died unexpectedly*"])
