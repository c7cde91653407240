"""`tousu doctor`: the facts a shopper (or a support thread) needs when "it doesn't connect".

One state, decided in this order: nothing on the port -> not_running; something that is not
Tousu -> port_taken; Tousu speaking another API version -> version_mismatch; no live pairing in
the data directory -> not_paired; else ready. The advice is Chinese first, then English.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

from . import API_VERSION, SERVICE_NAME, __version__
from .ports import port_holder

PING_TIMEOUT = 2.0


def _ping(port: int) -> tuple[dict | None, dict[str, str], str | None]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/ping")
    try:
        with urllib.request.urlopen(request, timeout=PING_TIMEOUT) as response:  # noqa: S310 (loopback only)
            body = json.loads(response.read())
            return (body if isinstance(body, dict) else None), dict(response.headers), None
    except urllib.error.HTTPError as exc:
        return None, dict(exc.headers), f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        # OSError covers refused, reset and timed out; ValueError a reply that is not JSON.
        return None, {}, str(exc) or type(exc).__name__


def _advice(state: str, port: int, holder: str | None, helper_api: object, data_dir: Path) -> tuple[str, str]:
    who = holder or "未知程序"
    who_en = holder or "an unknown program"
    if state == "not_running":
        return (
            f"助手没有在端口 {port} 运行。请运行 tousu serve（或 scripts/run.sh）。",
            f"The helper is not running on port {port}. Start it: tousu serve (or scripts/run.sh).",
        )
    if state == "port_taken":
        return (
            f"端口 {port} 被其他程序占用（{who}）。请关闭它，或用 tousu serve --port N 换一个端口，"
            f"并在扩展设置里填同一个端口。",
            f"Port {port} is held by {who_en}, not Tousu. Stop it, or run tousu serve --port N "
            f"and enter the same port in the extension's options.",
        )
    if state == "version_mismatch":
        return (
            f"正在运行的助手使用 API 版本 {helper_api}，本命令是版本 {API_VERSION}。"
            f"请同时更新助手和扩展，然后重启助手。",
            f"The running helper speaks API version {helper_api}; this tousu speaks "
            f"{API_VERSION}. Update the helper and the extension together, then restart it.",
        )
    if state == "not_paired":
        return (
            f"助手在运行，但 {data_dir} 里没有有效的配对。运行 tousu pair，把配对码填到扩展设置页。"
            f"（如果助手是用 --data-dir 启动的，doctor 也要加同样的 --data-dir。）",
            f"The helper is running but {data_dir} holds no live pairing. Run tousu pair and "
            f"enter the code on the extension's options page. (If the helper was started with "
            f"--data-dir, give doctor the same --data-dir.)",
        )
    return ("一切正常：助手在运行，扩展已配对。", "All good: the helper is running and paired.")


def diagnose(port: int, data_dir: Path, target=None) -> dict:
    """`target` (a tousu.native.browsers.Target) adds the native host's registration per browser."""
    from .native.state import read_state
    from .security import PAIRING_FILE, PairingStore

    body, headers, error = _ping(port)
    identity = headers.get("X-Tousu-Helper", "")
    ours = identity.startswith(SERVICE_NAME) or (body or {}).get("service") == SERVICE_NAME
    holder = port_holder(port)
    pairing_file = data_dir / PAIRING_FILE
    # Read-only look: doctor must not create a data directory where there was none.
    paired = PairingStore(pairing_file).paired_extensions() if pairing_file.exists() else []
    running_version = body.get("version") if body else None
    api = body.get("api_version") if body else None
    if api is None and ours:
        # Our helper answered, but not with a ping body: trust the header it always sends.
        api = _int_or_none(headers.get("X-Tousu-API-Version"))
    if body is None and not ours and holder is None:
        state = "not_running"
    elif not ours:
        state = "port_taken"
    elif api != API_VERSION:
        state = "version_mismatch"
    elif not paired:
        state = "not_paired"
    else:
        state = "ready"
    advice_zh, advice_en = _advice(state, port, holder, api, data_dir)
    return {
        "ready": state == "ready",
        "state": state,
        "advice": f"{advice_zh}\n{advice_en}",
        "advice_zh": advice_zh,
        "advice_en": advice_en,
        "port": port,
        "port_holder": holder,
        "helper_running": ours,
        "helper_is_tousu": ours,
        "helper_version": running_version,
        "helper_api_version": api,
        "cli_version": __version__,
        "cli_api_version": API_VERSION,
        "paired_extensions": paired,
        "data_dir": str(data_dir),
        "ping_error": error,
        # A helper the native host started may listen on another port: its state file says which.
        "state_file": read_state(data_dir),
        "native_host": _native_host(target),
    }


def _native_host(target) -> list[dict] | None:
    if target is None:
        return None
    from .native.install import registrations

    try:
        return registrations(target)
    except OSError as exc:  # an unreadable registry or folder is a finding, not a crash
        return [{"error": str(exc)}]


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
