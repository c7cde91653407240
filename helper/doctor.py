"""`tousu doctor`: the facts a shopper (or a support thread) needs when "it doesn't connect"."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

from . import API_VERSION, SERVICE_NAME, __version__
from .ports import port_holder


def _ping(port: int) -> tuple[dict | None, dict[str, str], str | None]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/ping")
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 (loopback only)
            return json.loads(response.read()), dict(response.headers), None
    except urllib.error.HTTPError as exc:
        return None, dict(exc.headers), f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        return None, {}, str(exc)


def diagnose(port: int, data_dir: Path) -> dict:
    from .security import PairingStore

    body, headers, error = _ping(port)
    ours = headers.get("X-Tousu-Helper", "").startswith(SERVICE_NAME)
    holder = port_holder(port)
    pairing_file = data_dir / "pairing.sqlite3"
    paired = PairingStore(pairing_file).paired_extensions() if pairing_file.exists() else []
    running_version = body.get("version") if body else None
    api = body.get("api_version") if body else None
    if body is None and holder is None:
        state, advice = "not_running", "Start it: tousu serve"
    elif not ours:
        state, advice = "port_taken", f"Port {port} is held by {holder}; stop it or use --port."
    elif api != API_VERSION:
        state, advice = "version_mismatch", "Update the helper and the extension together."
    elif not paired:
        state, advice = "not_paired", "Run `tousu pair` and enter the code on the options page."
    else:
        state, advice = "ready", "All good."
    return {
        "ready": state == "ready",
        "state": state,
        "advice": advice,
        "port": port,
        "port_holder": holder,
        "helper_running": body is not None,
        "helper_is_tousu": ours,
        "helper_version": running_version,
        "helper_api_version": api,
        "cli_version": __version__,
        "paired_extensions": paired,
        "data_dir": str(data_dir),
        "ping_error": error,
    }
