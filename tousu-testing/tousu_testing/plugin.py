"""The Tousu pytest plugin (entry point `pytest11`): fixtures for QA teams.

    from tousu_testing.popup import analyze, pick_order, top_type

    def test_story(tousu, tousu_mock_shop):
        scenario = tousu.use_scenario("earphones_left_silent")
        page = tousu.open_scenario_list(scenario)
        popup = tousu.open_popup(page)
        pick_order(popup, scenario.story.order_id)
        analyze(popup, scenario.story.text)
        assert top_type(popup) == scenario.story.expected_type

Fixtures (names are stable):

`tousu_helper` (function)
    A real `tousu serve` (`HelperProcess`) on a free loopback port with its own data directory
    under the test's tmp_path. Always stopped. If it dies on its own during the test, the test
    fails with the process's captured output; the output is also attached to any failed test's
    report ("tousu serve output").
`tousu_mock_shop` (function; one `tousu mock` process per session, i.e. per xdist worker)
    The mock Taobao (`MockShopProcess`), reset before each test (submissions, cases, faults and
    "now"). `tousu_mock_shop.admin(method, path, body)`, `.submissions()`, `.mock_url(real_url)`.
    If the process has died, the next test fails with its output.
`tousu` (function)
    `ExtensionBrowser`: Chromium (persistent context, own profile under tmp_path) with the
    extension loaded, paired directly with `tousu_helper`, and the mock shop served under the
    real Taobao/Tmall URLs (everything else external is blocked). Methods: `use_scenario(name)`
    (returns the `Scenario`), `open_scenario_list(scenario)`, `open_shop_page(url)`,
    `open_popup(page)`, `open_options()`, `pair_via_options(helper)`, `stop_service_worker()`.
`tousu_unpaired` (function)
    The same browser before pairing (the helper port is set, no token).
`tousu_scenarios` (session)
    Every scenario file, `{name: Scenario}` (story text, expected type, order ids, list URL).
`tousu_scenario` (function)
    A factory: `tousu_scenario("not_received")` returns that `Scenario` (and selects it in the
    browser if the test also uses `tousu`/`tousu_unpaired`). For parametrising at collection
    time use `tousu_testing.scenarios.scenario_names()`.
`tousu_playwright` (session)
    The sync Playwright driver the fixtures use; launch other browsers with it (e.g. a plain
    Chromium for a hostile web page) rather than starting a second driver.

`tousu_extension_dir` (session)
    The extension directory the browsers load: a snapshot of extension/ taken once per session
    (per worker), so edits made while tests run never mix two versions; `--tousu-extension DIR`
    loads another unpacked build instead.

Artifacts: for every failed test that used a browser, a Playwright trace (`trace.zip`, open with
`playwright show-trace`), a full-page screenshot of every open page and the helper's log are
saved under test-results/<test id>/ (or --tousu-artifacts). Nothing is kept for passing tests.

Deprecated names (one release, each warns): `helper_server` = `tousu_helper`, `mock_shop` =
`tousu_mock_shop`, `scenario` = `tousu_scenario`. A plugin that every pytest run on the machine
loads must not own generic fixture names.

Options: --tousu-headed, --tousu-slowmo MS, --tousu-artifacts DIR, --tousu-extension DIR.
Parallel runs (`-n 2`, pytest-xdist) need nothing more: each worker has its own mock shop, and
each test its own helper, data directory, ports and Chromium profile.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .processes import HelperProcess, MockShopProcess
from .scenarios import Scenario, get_scenario, load_scenarios

HELPER_SECTION = "tousu serve output"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("tousu")
    group.addoption("--tousu-headed", action="store_true", help="Show the browser window.")
    group.addoption("--tousu-slowmo", type=float, default=None, help="Slow each action (ms).")
    group.addoption(
        "--tousu-artifacts",
        default="test-results",
        help="Where traces and screenshots of failed tests go (default test-results).",
    )
    group.addoption(
        "--tousu-extension",
        default=None,
        help="Load this unpacked extension directory instead of a snapshot of the package's extension/.",
    )


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
    if report.failed and report.when in ("setup", "call"):
        helper = getattr(item, "funcargs", {}).get("tousu_helper")
        if isinstance(helper, HelperProcess):
            with contextlib.suppress(OSError):
                report.sections.append((HELPER_SECTION, helper.output()[-20000:]))
    return report


def _failed(request: pytest.FixtureRequest) -> bool:
    return any(
        getattr(getattr(request.node, f"tousu_rep_{when}", None), "failed", False)
        for when in ("setup", "call")
    )


def _artifact_dir(request: pytest.FixtureRequest) -> Path:
    root = Path(request.config.getoption("--tousu-artifacts"))
    if not root.is_absolute():
        root = Path(request.config.invocation_params.dir) / root
    name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[:150]
    path = root / name
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def tousu_helper(tmp_path: Path) -> Iterator[HelperProcess]:
    helper = HelperProcess(tmp_path / "helper-data")
    try:
        yield helper
    finally:
        died = helper.died()
        report = helper.death_report() if died else ""
        helper.stop()
    if died:
        pytest.fail(report, pytrace=False)


@pytest.fixture(scope="session")
def _mock_shop_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockShopProcess]:
    log = tmp_path_factory.mktemp("mockshop") / "mockshop.log"
    shop = MockShopProcess(log)
    try:
        yield shop
    finally:
        shop.stop()


@pytest.fixture
def tousu_mock_shop(_mock_shop_process: MockShopProcess) -> MockShopProcess:
    if not _mock_shop_process.alive():
        raise RuntimeError(_mock_shop_process.death_report())
    _mock_shop_process.admin("POST", "reset")
    return _mock_shop_process


@pytest.fixture(scope="session")
def tousu_scenarios() -> dict[str, Scenario]:
    return load_scenarios()


@pytest.fixture
def tousu_scenario(request: pytest.FixtureRequest) -> Callable[[str], Scenario]:
    def select(name: str) -> Scenario:
        for browser_fixture in ("tousu", "tousu_unpaired", "tousu_native"):
            if browser_fixture in request.fixturenames:
                return request.getfixturevalue(browser_fixture).use_scenario(name)
        return get_scenario(name)

    return select


@pytest.fixture(scope="session")
def tousu_extension_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = request.config.getoption("--tousu-extension")
    if chosen:
        return Path(chosen).resolve()
    from .browser import snapshot_extension

    return snapshot_extension(tmp_path_factory.mktemp("extension-snapshot") / "extension")


def _launch(request, playwright, tmp_path, helper, shop, extension_dir, env=None):
    from .browser import launch_extension_context

    return launch_extension_context(
        playwright,
        tmp_path / "chromium-profile",
        env=env,
        headless=not request.config.getoption("--tousu-headed"),
        slow_mo=request.config.getoption("--tousu-slowmo"),
        shop=shop,
        helper=helper,
        extension_dir=extension_dir,
    )


@pytest.fixture(scope="session")
def tousu_playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def _save_artifacts(request, browser) -> None:
    out = _artifact_dir(request)
    for index, page in enumerate(browser.context.pages):
        # A crashed page must not hide the real failure.
        with contextlib.suppress(Exception):
            page.screenshot(path=out / f"page-{index}.png", full_page=True)
    with contextlib.suppress(Exception):
        (out / "pages.txt").write_text(
            "\n".join(f"page-{i}: {p.url}" for i, p in enumerate(browser.context.pages)), "utf-8"
        )
    browser.context.tracing.stop(path=out / "trace.zip")
    if browser.helper is not None:
        with contextlib.suppress(OSError):
            shutil.copyfile(browser.helper.log_path, out / "helper.log")


@pytest.fixture
def tousu_unpaired(request, tousu_playwright, tmp_path, tousu_helper, tousu_mock_shop, tousu_extension_dir):
    browser = _launch(request, tousu_playwright, tmp_path, tousu_helper, tousu_mock_shop, tousu_extension_dir)
    try:
        browser.context.tracing.start(screenshots=True, snapshots=True)
        # As a shopper who has typed the helper's port but not yet the pairing code.
        browser.set_helper_port(tousu_helper.port)
        yield browser
    finally:
        try:
            if _failed(request):
                _save_artifacts(request, browser)
            else:
                with contextlib.suppress(Exception):
                    browser.context.tracing.stop()
        finally:
            browser.context.close()


@pytest.fixture
def tousu_native(request, tousu_playwright, tmp_path, tousu_mock_shop, tousu_extension_dir):
    """A fresh profile whose NativeMessagingHosts folder holds what `tousu install --profile-dir`
    writes, and no helper running at launch: the extension must start and pair it through the
    native host (its install-time badge check may already do so while the test begins).
    `browser.native` names the data directory and the port the host tries first."""
    from .native import NativeSetup

    native = NativeSetup.prepare(tmp_path)
    browser = _launch(
        request, tousu_playwright, tmp_path, None, tousu_mock_shop, tousu_extension_dir, native.env
    )
    browser.native = native
    try:
        browser.context.tracing.start(screenshots=True, snapshots=True)
        yield browser
    finally:
        try:
            if _failed(request):
                _save_artifacts(request, browser)
                with contextlib.suppress(OSError):
                    shutil.copyfile(native.log_path, _artifact_dir(request) / "helper.log")
            else:
                with contextlib.suppress(Exception):
                    browser.context.tracing.stop()
        finally:
            browser.context.close()
            native.stop_helper()


@pytest.fixture
def tousu(tousu_unpaired, tousu_helper):
    tousu_unpaired.pair_directly(tousu_helper)
    return tousu_unpaired


def _deprecated_alias(new: str, old: str):
    @pytest.fixture(name=old)
    def alias(request: pytest.FixtureRequest):
        import warnings

        warnings.warn(
            f"the fixture {old!r} is deprecated; use {new!r} (tousu-testing 0.2 drops it)",
            DeprecationWarning,
            stacklevel=2,
        )
        return request.getfixturevalue(new)

    alias.__doc__ = f"Deprecated alias of `{new}`."
    return alias


helper_server = _deprecated_alias("tousu_helper", "helper_server")
mock_shop = _deprecated_alias("tousu_mock_shop", "mock_shop")
scenario = _deprecated_alias("tousu_scenario", "scenario")
