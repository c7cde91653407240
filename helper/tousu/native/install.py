"""`tousu install` / `tousu uninstall`: register the native messaging host with the browsers found.

Install writes a launcher (the manifest's `path`: a shell script or a .bat that runs this
tousu), one manifest per browser (Linux, macOS) or one manifest plus per-user registry keys
(Windows), and a record of every folder and key it created, so uninstall removes exactly those
and leaves the machine as it was.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import config
from . import HOST_NAME
from .browsers import Browser, Target

RECORD_FILE = "install-record.json"
MANIFEST_FILE = f"{HOST_NAME}.json"
HKCU_HOSTS = "NativeMessagingHosts"
LAUNCHERS = {False: "tousu-native-host", True: "tousu-native-host.bat"}


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    browsers: list[dict] = field(default_factory=list)

    def say(self, zh: str, en: str) -> None:
        self.lines.append(f"{zh} / {en}")


def manifest(launcher: Path, extension_ids: list[str]) -> dict:
    return {
        "name": HOST_NAME,
        "description": "Tousu helper (淘宝投诉助手本地助手)",
        "path": str(launcher),
        "type": "stdio",
        "allowed_origins": [f"chrome-extension://{ext}/" for ext in extension_ids],
    }


def tousu_command() -> list[str]:
    """The installed tousu: its console script beside this Python, else `python -m tousu`."""
    scripts = Path(sys.executable).parent
    for name in ("tousu.exe", "tousu"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    return [sys.executable, "-m", "tousu"]


def launcher_text(system: str, command: list[str], extension_ids: list[str]) -> str:
    ids = ",".join(extension_ids)
    if system == "win32":
        quoted = " ".join(f'"{part}"' for part in command)
        return (
            "@echo off\r\n"
            f'if not defined TOUSU_EXTENSION_IDS set "TOUSU_EXTENSION_IDS={ids}"\r\n'
            f"{quoted} native-host %*\r\n"
        )
    return (
        "#!/bin/sh\n# Written by `tousu install`; removed by `tousu uninstall`.\n"
        f': "${{TOUSU_EXTENSION_IDS:={ids}}}"\nexport TOUSU_EXTENSION_IDS\n'
        f'exec {shlex.join(command)} native-host "$@"\n'
    )


# Folders and registry keys: created ones are recorded ------------------------------------------


def _read_record(target: Target) -> dict:
    try:
        data = json.loads((target.launcher_dir / RECORD_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        data = {}
    return {"dirs": list(data.get("dirs", [])), "keys": list(data.get("keys", []))}


def _make_dirs(path: Path, record: dict) -> None:
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir()
        if str(folder) not in record["dirs"]:
            record["dirs"].append(str(folder))


def _write(path: Path, text: str, record: dict, mode: int = 0o644) -> bool:
    """Write if different; True when the file changed."""
    _make_dirs(path.parent, record)
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    path.write_text(text, "utf-8", newline="")
    path.chmod(mode)
    return True


def _key_exists(reg, path: str) -> bool:
    try:
        reg.CloseKey(reg.OpenKey(reg.HKEY_CURRENT_USER, path))
    except OSError:
        return False
    return True


def _create_key(reg, path: str, record: dict) -> None:
    parts = path.split("\\")
    for depth in range(1, len(parts) + 1):
        sub = "\\".join(parts[:depth])
        if not _key_exists(reg, sub):
            reg.CloseKey(reg.CreateKey(reg.HKEY_CURRENT_USER, sub))
            if sub not in record["keys"]:
                record["keys"].append(sub)


def _registered_value(reg, path: str) -> str | None:
    try:
        key = reg.OpenKey(reg.HKEY_CURRENT_USER, path)
    except OSError:
        return None
    try:
        return reg.QueryValueEx(key, "")[0]
    except OSError:
        return None
    finally:
        reg.CloseKey(key)


def _set_default(reg, path: str, value: str) -> None:
    key = reg.OpenKey(reg.HKEY_CURRENT_USER, path, 0, reg.KEY_SET_VALUE)
    try:
        reg.SetValueEx(key, "", 0, reg.REG_SZ, value)
    finally:
        reg.CloseKey(key)


def _host_key(browser: Browser) -> str:
    return f"{browser.registry_key}\\{HKCU_HOSTS}\\{HOST_NAME}"


def found(target: Target, browser: Browser) -> bool:
    """A browser counts as installed when its per-user data (or, on Windows, its key) exists."""
    if target.browser_dir(browser).is_dir():
        return True
    return target.system == "win32" and _key_exists(target.registry, browser.registry_key)


# Install and uninstall --------------------------------------------------------------------------


def install(
    target: Target,
    extension_ids: list[str] | None = None,
    command: list[str] | None = None,
    profile_dirs: list[Path] | None = None,
) -> Report:
    ids = list(dict.fromkeys(extension_ids or [config.DEFAULT_EXTENSION_ID]))
    if profile_dirs:
        # A given user-data-dir gets everything (launcher and record too) in its own
        # NativeMessagingHosts folder: nothing outside the profile changes.
        report = Report()
        for folder in profile_dirs:
            inside = replace(target, launcher_dir=Path(folder) / "NativeMessagingHosts")
            one = _install(inside, ids, command, [(f"profile {folder}", inside.launcher_dir / MANIFEST_FILE)])
            report.lines += one.lines
            report.browsers += one.browsers
        return report
    return _install(target, ids, command, None)


def _install(target: Target, ids: list[str], command: list[str] | None, targets) -> Report:
    report = Report()
    record = _read_record(target)
    launcher = target.launcher_dir / (
        "tousu-native-host.bat" if target.system == "win32" else "tousu-native-host"
    )
    changed = _write(launcher, launcher_text(target.system, command or tousu_command(), ids), record, 0o700)
    report.say(
        f"启动脚本{'已写入' if changed else '已是最新'}：{launcher}",
        f"launcher {'written' if changed else 'up to date'}: {launcher}",
    )
    text = json.dumps(manifest(launcher, ids), indent=2) + "\n"
    if targets is None:
        targets = []
        for browser in target.browsers():
            if not found(target, browser):
                report.say(f"未找到 {browser.name}，跳过", f"{browser.name} not found, skipped")
                report.browsers.append({"browser": browser.name, "found": False, "registered": False})
                continue
            if target.system == "win32":
                targets.append((browser.name, None))
            else:
                targets.append((browser.name, target.hosts_dir(browser) / MANIFEST_FILE))
    shared = target.launcher_dir / MANIFEST_FILE
    for name, path in targets:
        if path is None:  # Windows: one manifest, a registry key per browser
            browser = next(b for b in target.browsers() if b.name == name)
            _write(shared, text, record)
            _create_key(target.registry, _host_key(browser), record)
            key = target.registry.OpenKey(
                target.registry.HKEY_CURRENT_USER, _host_key(browser), 0, target.registry.KEY_SET_VALUE
            )
            try:
                target.registry.SetValueEx(key, "", 0, target.registry.REG_SZ, str(shared))
            finally:
                target.registry.CloseKey(key)
            where = f"HKCU\\{_host_key(browser)}"
        else:
            changed = _write(path, text, record)
            where = str(path)
        report.say(f"已为 {name} 注册：{where}", f"registered for {name}: {where}")
        report.browsers.append({"browser": name, "found": True, "registered": True, "where": where})
    if not targets:
        report.say(
            "没有找到 Chrome、Chromium 或 Edge：安装浏览器后再运行 tousu install。",
            "no Chrome, Chromium or Edge found: run tousu install again after installing one.",
        )
    _write(target.launcher_dir / RECORD_FILE, json.dumps(record, indent=2) + "\n", record)
    return report


def _remove_file(path: Path, report: Report) -> None:
    if path.is_file():
        path.unlink()
        report.say(f"已删除 {path}", f"removed {path}")


def uninstall(target: Target, profile_dirs: list[Path] | None = None) -> Report:
    if profile_dirs:
        report = Report()
        for folder in profile_dirs:
            inside = replace(target, launcher_dir=Path(folder) / "NativeMessagingHosts")
            report.lines += _uninstall(inside, browsers=False).lines
        return report
    return _uninstall(target, browsers=True)


def _uninstall(target: Target, browsers: bool) -> Report:
    report = Report()
    record = _read_record(target)
    for browser in target.browsers() if browsers else ():
        if target.system == "win32":
            reg = target.registry
            if _key_exists(reg, _host_key(browser)):
                reg.DeleteKey(reg.HKEY_CURRENT_USER, _host_key(browser))
                report.say(f"已删除 HKCU\\{_host_key(browser)}", f"removed HKCU\\{_host_key(browser)}")
        else:
            _remove_file(target.hosts_dir(browser) / MANIFEST_FILE, report)
    for name in (*LAUNCHERS.values(), MANIFEST_FILE, RECORD_FILE):
        _remove_file(target.launcher_dir / name, report)
    # Only what install created, deepest first, and only when nothing else lives there now.
    for key in sorted(record["keys"], key=len, reverse=True):
        with contextlib.suppress(OSError):
            target.registry.DeleteKey(target.registry.HKEY_CURRENT_USER, key)
    for folder in sorted(record["dirs"], key=len, reverse=True):
        with contextlib.suppress(OSError):
            Path(folder).rmdir()
    if not report.lines:
        report.say("没有找到已注册的原生连接，无需删除。", "nothing was registered; nothing to remove.")
    return report


def registrations(target: Target) -> list[dict]:
    """Per browser: found, registered, where, and whether the launcher it names exists."""
    rows = []
    for browser in target.browsers():
        row = {"browser": browser.name, "found": found(target, browser), "registered": False}
        if target.system == "win32":
            manifest_path = _registered_value(target.registry, _host_key(browser))
        else:
            candidate = target.hosts_dir(browser) / MANIFEST_FILE
            manifest_path = str(candidate) if candidate.is_file() else None
        if manifest_path:
            row["registered"] = True
            row["manifest"] = manifest_path
            try:
                data = json.loads(Path(manifest_path).read_text("utf-8"))
                row["launcher"] = data.get("path")
                row["launcher_exists"] = Path(data.get("path", "")).is_file()
                row["allowed_origins"] = data.get("allowed_origins", [])
            except (OSError, ValueError):
                row["launcher_exists"] = False
        rows.append(row)
    return rows
