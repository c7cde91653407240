"""The two distributions, built as wheels and installed into fresh virtualenvs as a user would.

`pip install tousu` is the shopper's install: it must not carry the QA toolkit, must not
register a pytest plugin, and must leave pytest working in an unrelated folder.
`pip install tousu-testing` is QA's: it brings the plugin, the mock shop and Tousu itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "TOUSU_"))}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    if check and done.returncode != 0:
        raise AssertionError(f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="module")
def wheels(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("wheels")
    for source in (ROOT, ROOT / "tousu-testing"):
        _run(sys.executable, "-m", "build", "--wheel", "--outdir", out, source)
    built = {p.name.split("-")[0]: p for p in out.glob("*.whl")}
    assert set(built) == {"tousu", "tousu_testing"}, built
    return built


def _fresh_venv(path: Path) -> Path:
    venv.create(path, with_pip=True)
    return path / ("Scripts" if os.name == "nt" else "bin")


def test_the_product_wheel_carries_no_toolkit_and_no_plugin(wheels):
    with zipfile.ZipFile(wheels["tousu"]) as wheel:
        names = wheel.namelist()
        entry_points = next((n for n in names if n.endswith(".dist-info/entry_points.txt")), None)
        declared = wheel.read(entry_points).decode() if entry_points else ""
    assert not [n for n in names if n.startswith("tousu_testing/") or "mockshop" in n]
    assert not [n for n in names if n.split("/")[0] == "helper"], "no top-level package named helper"
    assert "pytest11" not in declared
    assert any(n.endswith("/extension/manifest.json") for n in names), "the shopper loads this extension"


def test_pytest_still_works_elsewhere_with_only_the_product_installed(wheels, tmp_path):
    bin_dir = _fresh_venv(tmp_path / "venv")
    _run(bin_dir / "python", "-m", "pip", "install", "-q", wheels["tousu"], "pytest")
    empty = tmp_path / "unrelated-project"
    empty.mkdir()
    collected = _run(bin_dir / "python", "-m", "pytest", "-q", cwd=empty, check=False)
    assert collected.returncode == 5, collected.stdout + collected.stderr  # "no tests collected"
    assert "Error" not in collected.stdout + collected.stderr
    # The toolkit's commands say exactly what to install instead of a traceback.
    mock = _run(bin_dir / "tousu", "mock", "--help", check=False)
    assert mock.returncode == 0
    started = _run(bin_dir / "tousu", "mock", "--port", "0", check=False)
    assert started.returncode != 0
    assert "pip install tousu-testing" in started.stderr and "Traceback" not in started.stderr


def test_the_toolkit_wheel_brings_the_plugin_and_the_product(wheels, tmp_path):
    bin_dir = _fresh_venv(tmp_path / "venv")
    _run(
        bin_dir / "python",
        "-m",
        "pip",
        "install",
        "-q",
        "--find-links",
        wheels["tousu"].parent,
        wheels["tousu_testing"],
    )
    options = _run(bin_dir / "python", "-m", "pytest", "--help", cwd=tmp_path)
    assert "--tousu-headed" in options.stdout
    fixtures = _run(bin_dir / "python", "-m", "pytest", "--fixtures", "-q", cwd=tmp_path)
    assert "tousu_mock_shop" in fixtures.stdout and "tousu_helper" in fixtures.stdout
    imported = _run(bin_dir / "python", "-c", "import tousu, tousu_testing.mockshop; print('ok')")
    assert imported.stdout.strip() == "ok"
