"""Test tooling shipped with Tousu: live helper and mock-shop processes, and a Chromium context
with the extension loaded and the mock shop behind the real Taobao/Tmall URLs.

The pytest fixtures are in `tousu_testing.plugin` (see its docstring); the popup moves in
`tousu_testing.popup`; the scenario files as test data in `tousu_testing.scenarios`.
"""

from .browser import ExtensionBrowser, launch_extension_context, snapshot_extension
from .processes import HelperProcess, MockShopProcess, free_port
from .scenarios import Scenario, get_scenario, load_scenarios, scenario_names

__all__ = [
    "ExtensionBrowser",
    "HelperProcess",
    "MockShopProcess",
    "Scenario",
    "free_port",
    "get_scenario",
    "launch_extension_context",
    "load_scenarios",
    "scenario_names",
    "snapshot_extension",
]
