"""`tousu native-host`: what the browser runs when the extension calls
chrome.runtime.sendNativeMessage('com.tousu.helper', {type: 'connect'}).

The browser passes the caller's origin as the first argument; only Tousu's extension ids are
served. Every answer is {"ok": true, ...} or {"ok": false, "error": {code, message}}, Chinese
first in the message, so the extension can show it as it is.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import BinaryIO

from .. import __version__, config
from .framing import FramingError, read_message, write_message
from .launch import LaunchError, ensure_helper, proving_ping

_ORIGIN = re.compile(r"chrome-extension://([a-p]{32})/?")


def _error(code: str, zh: str, en: str) -> dict:
    return {"ok": False, "error": {"code": code, "message": f"{zh} / {en}"}}


def caller_extension_id(argv: list[str]) -> str | None:
    """The extension id in the origin argument (Windows adds --parent-window=... after it)."""
    for arg in argv:
        match = _ORIGIN.fullmatch(arg)
        if match:
            return match.group(1)
    return None


def connect(extension_id: str, settings: dict) -> dict:
    from ..security import PAIRING_FILE, PairingStore

    data_dir = Path(settings["DATA_DIR"])
    data_dir.mkdir(parents=True, exist_ok=True)
    # The token first: the helper (which reads the same pairing file) must prove it holds it.
    issued = PairingStore(data_dir / PAIRING_FILE).issue_token(extension_id, via="native")
    try:
        helper = ensure_helper(
            data_dir,
            settings["PORT"],
            settings["EXTENSION_IDS"],
            settings["IDLE_TIMEOUT"],
            check=proving_ping(issued.token, issued.token_id),
        )
    except LaunchError as exc:
        return {"ok": False, "error": {"code": exc.code, "message": exc.message}}
    return {
        "ok": True,
        "port": helper["port"],
        "token": issued.token,
        "token_id": issued.token_id,
        "version": helper.get("version") or __version__,
        "started": helper["started"],
    }


def answer(message: dict, extension_id: str, settings: dict) -> dict:
    kind = message.get("type")
    if kind == "connect":
        return connect(extension_id, settings)
    return _error("unknown_type", f"不认识的消息类型：{kind!r}。", f"unknown message type {kind!r}.")


def host_settings(environ=None) -> dict:
    settings = {**config.defaults(), **config.from_environment(environ)}
    return settings


def run(argv: list[str], stdin: BinaryIO, stdout: BinaryIO, environ=None) -> int:
    settings = host_settings(environ)
    extension_id = caller_extension_id(argv)
    if extension_id is None or extension_id not in settings["EXTENSION_IDS"]:
        write_message(
            stdout,
            _error(
                "origin_not_allowed",
                "只有淘宝投诉助手扩展可以连接本地助手。",
                f"only Tousu's extension may connect; the caller was {argv[:1] or 'unnamed'}.",
            ),
        )
        return 2
    try:
        message = read_message(stdin)
    except FramingError as exc:
        write_message(
            stdout, _error("bad_message", "扩展发来的消息无法读取。", f"unreadable message: {exc}.")
        )
        return 2
    if message is None:
        return 0
    write_message(stdout, answer(message, extension_id, settings))
    return 0


def main(argv: list[str] | None = None) -> int:
    if sys.platform == "win32":
        import msvcrt

        # Text mode would turn the length prefix's 0x0A bytes into CR LF.
        msvcrt.setmode(sys.stdin.fileno(), os.O_BINARY)
        msvcrt.setmode(sys.stdout.fileno(), os.O_BINARY)
    return run(list(sys.argv[1:] if argv is None else argv), sys.stdin.buffer, sys.stdout.buffer)
