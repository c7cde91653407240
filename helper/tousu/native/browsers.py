"""Where each Chromium-family browser looks for native messaging hosts, per operating system.

Linux and macOS: a NativeMessagingHosts folder in the browser's per-user data directory.
Windows: a per-user registry key whose default value is the manifest's path (no admin rights).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs


@dataclass(frozen=True)
class Browser:
    name: str
    # Relative to the home directory (Linux, macOS) or to %LOCALAPPDATA% (Windows).
    data_dir: str
    registry_key: str = ""  # Windows only: the browser's key under HKCU


BROWSERS = {
    "linux": (
        Browser("Google Chrome", ".config/google-chrome"),
        Browser("Chromium", ".config/chromium"),
        Browser("Microsoft Edge", ".config/microsoft-edge"),
    ),
    "darwin": (
        Browser("Google Chrome", "Library/Application Support/Google/Chrome"),
        Browser("Chromium", "Library/Application Support/Chromium"),
        Browser("Microsoft Edge", "Library/Application Support/Microsoft Edge"),
    ),
    "win32": (
        Browser("Google Chrome", "Google/Chrome/User Data", r"Software\Google\Chrome"),
        Browser("Chromium", "Chromium/User Data", r"Software\Chromium"),
        Browser("Microsoft Edge", "Microsoft/Edge/User Data", r"Software\Microsoft\Edge"),
    ),
}


def system_of(platform: str) -> str:
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return "linux"  # and the BSDs, whose Chromium ports use the same layout


@dataclass
class Target:
    """The machine being registered on; tests build one with a fake home and registry."""

    system: str
    home: Path
    launcher_dir: Path
    local_app_data: Path | None = None
    registry: Any = None  # the winreg module, or a stand-in (untyped: winreg exists only on Windows)
    environ: dict = field(default_factory=dict)

    @classmethod
    def current(cls) -> Target:
        system = system_of(sys.platform)
        registry = None
        local = None
        if system == "win32":
            import winreg

            registry = winreg
            local = Path(platformdirs.user_data_dir(appauthor=False, roaming=False))
        launcher = Path(platformdirs.user_data_dir("tousu", appauthor=False)) / "native-host"
        return cls(system, Path.home(), launcher, local, registry, dict(os.environ))

    def browsers(self) -> tuple[Browser, ...]:
        return BROWSERS[self.system]

    def browser_dir(self, browser: Browser) -> Path:
        if self.system == "win32":
            return (self.local_app_data or self.home / "AppData" / "Local") / browser.data_dir
        return self.home / browser.data_dir

    def hosts_dir(self, browser: Browser) -> Path:
        return self.browser_dir(browser) / "NativeMessagingHosts"
