"""The Tousu pytest plugin (entry point `pytest11`): fixtures for QA teams.

    def test_story(tousu, mock_shop):
        page = tousu.open_shop_page(LIST_URL)
        popup = tousu.open_popup(page)
        ...

Fixtures: `helper_server` (a real `tousu serve`), `mock_shop` (a real `tousu mock`, reset per
test), `tousu` (Chromium with the extension, paired with `helper_server`, shop routed under
the real URLs), `tousu_unpaired` (the same before pairing). A Playwright trace and screenshots
of every open page are saved for each failed test under test-results/ (or --tousu-artifacts).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .processes import HelperProcess, MockShopProcess


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("tousu")
    group.addoption("--tousu-headed", action="store_true", help="Show the browser window.")
    group.addoption("--tousu-slowmo", type=float, default=None, help="Slow each action (ms).")
    group.addoption("--tousu-artifacts", default="test-results",
                    help="Where traces and screenshots of failed tests go (default test-results).")


def pytest_report_header(config: pytest.Config) -> str | None:
    try:
        from .browser import chromium_path

        return f"tousu: chromium {chromium_path()}"
    except RuntimeError as exc:
        return f"tousu: {exc}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    setattr(item, f"tousu_rep_{report.when}", report)
    return report


def _failed(request: pytest.FixtureRequest) -> bool:
    return any(
        getattr(getattr(request.node, f"tousu_rep_{when}", None), "failed", False)
        for when in ("setup", "call")
    )


def _artifact_dir(request: pytest.FixtureRequest) -> Path:
    root = Path(request.config.getoption("--tousu-artifacts"))
    name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[:150]
    path = root / name
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def helper_server(tmp_path: Path) -> Iterator[HelperProcess]:
    helper = HelperProcess(tmp_path / "helper-data")
    try:
        yield helper
    finally:
        helper.stop()


@pytest.fixture(scope="session")
def _mock_shop_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockShopProcess]:
    log = tmp_path_factory.mktemp("mockshop") / "mockshop.log"
    shop = MockShopProcess(log)
    try:
        yield shop
    finally:
        shop.stop()


@pytest.fixture
def mock_shop(_mock_shop_process: MockShopProcess) -> MockShopProcess:
    _mock_shop_process.admin("POST", "reset")
    return _mock_shop_process


def _launch(request, playwright, tmp_path, helper, shop):
    from .browser import launch_extension_context

    return launch_extension_context(
        playwright, tmp_path / "chromium-profile",
        headless=not request.config.getoption("--tousu-headed"),
        slow_mo=request.config.getoption("--tousu-slowmo"),
        shop=shop, helper=helper,
    )


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture
def tousu_unpaired(request, _playwright, tmp_path, helper_server, mock_shop):
    browser = _launch(request, _playwright, tmp_path, helper_server, mock_shop)
    # As a shopper who has typed the helper's port but not yet the pairing code.
    browser.set_helper_port(helper_server.port)
    browser.context.tracing.start(screenshots=True, snapshots=True)
    try:
        yield browser
    finally:
        if _failed(request):
            out = _artifact_dir(request)
            for index, page in enumerate(browser.context.pages):
                # A crashed page must not hide the real failure.
                with contextlib.suppress(Exception):
                    page.screenshot(path=out / f"page-{index}.png", full_page=True)
            browser.context.tracing.stop(path=out / "trace.zip")
        else:
            browser.context.tracing.stop()
        browser.context.close()


@pytest.fixture
def tousu(tousu_unpaired, helper_server):
    tousu_unpaired.pair_directly(helper_server)
    return tousu_unpaired
