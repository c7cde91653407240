"""Configuration defaults, the environment overlay (TOUSU_*) and the data directory."""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import platformdirs

DEFAULT_PORT = 47321
# The id Chromium derives from the "key" in extension/manifest.json, so an unpacked copy of the
# extension has the same origin on every machine and the helper can allow exactly that origin.
DEFAULT_EXTENSION_ID = "khmieohggomiimlkifljoeeehncpephg"
LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")
# A helper the native host started stops itself after this long without a request; the next
# click starts it again. `tousu serve` run by hand never stops by itself unless asked.
DEFAULT_IDLE_TIMEOUT = 2 * 60 * 60


def extension_dir() -> Path:
    """The unpacked extension: $TOUSU_EXTENSION_DIR, this source checkout's extension/, or the
    copy a wheel installs under <prefix>/share/tousu/extension (so `pip install tousu-testing`
    gives QA the plugin and the extension it loads)."""
    if os.environ.get("TOUSU_EXTENSION_DIR"):
        return Path(os.environ["TOUSU_EXTENSION_DIR"])
    checkout = Path(__file__).resolve().parents[2] / "extension"
    if (checkout / "manifest.json").is_file():
        return checkout
    return Path(sysconfig.get_path("data")) / "share" / "tousu" / "extension"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("tousu", appauthor=False))


def defaults() -> dict:
    return {
        "HOST": "127.0.0.1",
        "PORT": DEFAULT_PORT,
        "DATA_DIR": str(default_data_dir()),
        "EXTENSION_IDS": [DEFAULT_EXTENSION_ID],
        # A 500-order list page is about 3 MB of HTML; leave room, refuse anything absurd.
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "PAIRING_CODE_TTL": 600,
        "PAIRING_MAX_FAILURES": 5,
        "PAIRING_FAILURE_WINDOW": 60,
        "IDLE_TIMEOUT": DEFAULT_IDLE_TIMEOUT,
    }


def from_environment(environ: os._Environ | dict | None = None) -> dict:
    """The TOUSU_* variables that override the defaults (TOUSU_PORT, TOUSU_DATA_DIR...)."""
    env = os.environ if environ is None else environ
    overlay: dict = {}
    if env.get("TOUSU_PORT"):
        overlay["PORT"] = int(env["TOUSU_PORT"])
    if env.get("TOUSU_DATA_DIR"):
        overlay["DATA_DIR"] = env["TOUSU_DATA_DIR"]
    if env.get("TOUSU_EXTENSION_IDS"):
        overlay["EXTENSION_IDS"] = [x.strip() for x in env["TOUSU_EXTENSION_IDS"].split(",") if x]
    if env.get("TOUSU_IDLE_TIMEOUT"):
        overlay["IDLE_TIMEOUT"] = float(env["TOUSU_IDLE_TIMEOUT"])
    return overlay
