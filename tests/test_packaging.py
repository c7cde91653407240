"""The wheel carries the extension, so `pip install tousu[testing]` is enough for a QA team."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_extension_folder_is_installed_with_the_package():
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "data-files"
    ]
    installed = {Path(pattern).parent for patterns in data_files.values() for pattern in patterns}
    folders = {p.parent.relative_to(ROOT) for p in (ROOT / "extension").rglob("*") if p.is_file()}
    assert folders <= installed, sorted(map(str, folders - installed))
