"""Registration per OS with the OS layer replaced: fake homes, a fake registry, sys.platform."""

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from tousu.cli import main
from tousu.config import DEFAULT_EXTENSION_ID
from tousu.native import HOST_NAME
from tousu.native.browsers import Target, system_of
from tousu.native.install import install, registrations, uninstall

from .fake_winreg import FakeRegistry

COMMAND = ["/opt/tousu/bin/tousu"]
ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}/"


def tree(root: Path) -> dict:
    """Every path under root with its kind, mode and bytes: "left as it was" means equal trees."""
    found = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        body = path.read_bytes() if path.is_file() else None
        found[str(path.relative_to(root))] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), body)
    return found


def posix_target(home: Path, system: str) -> Target:
    share = "Library/Application Support" if system == "darwin" else ".local/share"
    return Target(system, home, home / share / "tousu" / "native-host")


@pytest.mark.parametrize(
    ("system", "chrome_dir"),
    [("linux", ".config/google-chrome"), ("darwin", "Library/Application Support/Google/Chrome")],
)
def test_posix_install_registers_found_browsers_and_uninstall_restores_home(tmp_path, system, chrome_dir):
    home = tmp_path / "home"
    (home / chrome_dir / "Default").mkdir(parents=True)
    (home / ".bashrc").write_text("# mine\n")
    before = tree(home)
    target = posix_target(home, system)

    report = install(target, [DEFAULT_EXTENSION_ID], COMMAND)
    manifest_path = home / chrome_dir / "NativeMessagingHosts" / f"{HOST_NAME}.json"
    data = json.loads(manifest_path.read_text())
    assert data["name"] == HOST_NAME and data["type"] == "stdio"
    assert data["allowed_origins"] == [ORIGIN]
    launcher = Path(data["path"])
    assert launcher.is_file() and os.access(launcher, os.X_OK)
    assert "exec /opt/tousu/bin/tousu native-host" in launcher.read_text()
    assert any("Chromium" in line and "未找到" in line for line in report.lines)
    rows = {row["browser"]: row for row in registrations(target)}
    assert rows["Google Chrome"]["registered"] and rows["Google Chrome"]["launcher_exists"]
    assert not rows["Chromium"]["found"] and not rows["Chromium"]["registered"]

    again = install(target, [DEFAULT_EXTENSION_ID], COMMAND)
    assert any("已是最新" in line for line in again.lines)
    uninstall(target)
    assert tree(home) == before


def test_windows_install_writes_hkcu_keys_and_uninstall_removes_exactly_them(tmp_path):
    home, local = tmp_path / "home", tmp_path / "AppData" / "Local"
    (local / "Microsoft" / "Edge" / "User Data").mkdir(parents=True)
    registry = FakeRegistry([r"Software\Google\Chrome", r"Software\Microsoft"])
    before_keys, before_files = registry.snapshot(), tree(tmp_path)
    target = Target("win32", home, local / "tousu" / "native-host", local, registry)

    install(target, [DEFAULT_EXTENSION_ID, "b" * 32], [r"C:\Users\me\pipx\venvs\tousu\Scripts\tousu.exe"])
    chrome_key = rf"software\google\chrome\nativemessaginghosts\{HOST_NAME}"
    edge_key = rf"software\microsoft\edge\nativemessaginghosts\{HOST_NAME}"
    manifest_path = Path(registry.keys[chrome_key][""][0])
    assert registry.keys[edge_key][""][0] == str(manifest_path)
    assert not any(k.startswith(r"software\chromium") for k in registry.keys)
    data = json.loads(manifest_path.read_text())
    assert data["path"].endswith(".bat")
    assert data["allowed_origins"] == [ORIGIN, f"chrome-extension://{'b' * 32}/"]
    bat = Path(data["path"]).read_bytes().decode()
    assert '"C:\\Users\\me\\pipx\\venvs\\tousu\\Scripts\\tousu.exe" native-host %*' in bat
    assert "\r\n" in bat
    rows = {row["browser"]: row for row in registrations(target)}
    assert rows["Google Chrome"]["registered"] and rows["Microsoft Edge"]["registered"]
    assert not rows["Chromium"]["registered"]

    uninstall(target)
    assert registry.snapshot() == before_keys
    assert tree(tmp_path) == before_files


def test_profile_dir_install_writes_only_into_that_profile(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    profile = tmp_path / "profile"
    target = posix_target(home, "linux")
    install(target, [DEFAULT_EXTENSION_ID], COMMAND, profile_dirs=[profile])
    assert (profile / "NativeMessagingHosts" / f"{HOST_NAME}.json").is_file()
    assert not (home / ".config").exists()
    launcher = json.loads((profile / "NativeMessagingHosts" / f"{HOST_NAME}.json").read_text())["path"]
    assert Path(launcher).parent == profile / "NativeMessagingHosts"
    uninstall(target, profile_dirs=[profile])
    assert not (profile / "NativeMessagingHosts").exists()
    assert tree(home) == {}


def test_platform_names():
    assert system_of("win32") == "win32"
    assert system_of("darwin") == "darwin"
    assert system_of("linux") == "linux"
    assert system_of("freebsd14") == "linux"


def test_cli_install_then_uninstall_leaves_a_temporary_home_as_it_was(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".config" / "chromium" / "Default").mkdir(parents=True)
    (home / ".config" / "chromium" / "Default" / "Preferences").write_text("{}")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "TOUSU_EXTENSION_IDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    before = tree(home)
    runner = CliRunner()
    result = runner.invoke(main, ["install"])
    assert result.exit_code == 0, result.output
    assert "已为 Chromium 注册" in result.output
    assert (home / ".config" / "chromium" / "NativeMessagingHosts" / f"{HOST_NAME}.json").is_file()
    result = runner.invoke(main, ["uninstall"])
    assert result.exit_code == 0, result.output
    assert "已删除" in result.output
    assert tree(home) == before
    assert "无需删除" in runner.invoke(main, ["uninstall"]).output
