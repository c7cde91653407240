"""`tousu doctor` tells per browser whether the native host is registered."""

import pytest

from tousu.config import DEFAULT_EXTENSION_ID
from tousu.doctor import diagnose
from tousu.native.browsers import Target
from tousu.native.install import install
from tousu.native.launch import free_port


def test_doctor_reports_registration_per_browser(tmp_path):
    home = tmp_path / "home"
    (home / ".config" / "microsoft-edge").mkdir(parents=True)
    target = Target("linux", home, home / ".local" / "share" / "tousu" / "native-host")
    report = diagnose(free_port(), tmp_path / "data", target)
    assert {r["browser"]: r["registered"] for r in report["native_host"]} == {
        "Google Chrome": False,
        "Chromium": False,
        "Microsoft Edge": False,
    }
    install(target, [DEFAULT_EXTENSION_ID], ["/usr/bin/tousu"])
    rows = {r["browser"]: r for r in diagnose(free_port(), tmp_path / "data", target)["native_host"]}
    assert rows["Microsoft Edge"]["registered"] and rows["Microsoft Edge"]["launcher_exists"]
    assert rows["Microsoft Edge"]["allowed_origins"] == [f"chrome-extension://{DEFAULT_EXTENSION_ID}/"]
    assert not rows["Google Chrome"]["found"]


@pytest.mark.slow  # starts real processes
def test_doctor_finds_a_helper_the_host_started_on_its_own_port(host, monkeypatch):
    import json

    from click.testing import CliRunner

    from tousu.cli import main

    from .conftest import ORIGIN, frame

    answer, _ = host.run(frame({"type": "connect"}), ORIGIN)
    monkeypatch.delenv("TOUSU_PORT", raising=False)
    result = CliRunner().invoke(main, ["doctor", "--data-dir", str(host.data_dir)])
    report = json.loads(result.stdout)
    assert report["port"] == answer["port"] and report["helper_is_tousu"] is True
    assert report["state"] == "ready"  # the native token counts as a live pairing
