"""The browser launch survives a Chromium that never answers (tousu_testing.browser)."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tousu_testing import browser


class _Chromium:
    def __init__(self, hangs: int, profile) -> None:
        self.hangs, self.calls, self.profile = hangs, [], profile

    def launch_persistent_context(self, user_data_dir, timeout, **options):
        self.calls.append(timeout)
        if len(self.calls) <= self.hangs:
            (self.profile / "SingletonLock").write_text("stale")
            raise PlaywrightTimeoutError("Timeout exceeded")
        assert not (self.profile / "SingletonLock").exists()
        return "context"


class _Playwright:
    def __init__(self, chromium) -> None:
        self.chromium = chromium


def test_a_hung_launch_is_retried_on_a_clean_profile(tmp_path):
    chromium = _Chromium(hangs=2, profile=tmp_path)
    assert browser._launch_persistent(_Playwright(chromium), tmp_path, {}) == "context"
    assert chromium.calls == [browser.LAUNCH_TIMEOUT_MS] * 3


def test_a_browser_that_never_starts_still_fails(tmp_path):
    chromium = _Chromium(hangs=browser.LAUNCH_ATTEMPTS, profile=tmp_path)
    with pytest.raises(PlaywrightTimeoutError):
        browser._launch_persistent(_Playwright(chromium), tmp_path, {})
