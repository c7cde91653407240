"""Test tooling shipped with Tousu: live helper and mock-shop processes, and a Chromium context
with the extension loaded and the mock shop behind the real Taobao/Tmall URLs."""

from .browser import ExtensionBrowser, launch_extension_context
from .processes import HelperProcess, MockShopProcess, free_port

__all__ = [
    "ExtensionBrowser", "HelperProcess", "MockShopProcess", "free_port", "launch_extension_context",
]
