"""The store zip: no key, the project's version, exactly the files the extension uses."""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
import shutil
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("package_extension", ROOT / "scripts" / "package_extension.py")
package = importlib.util.module_from_spec(spec)
spec.loader.exec_module(package)


@pytest.fixture
def extension(tmp_path):
    copy = tmp_path / "extension"
    shutil.copytree(ROOT / "extension", copy)
    return copy


def test_the_zip_holds_the_used_files_and_a_manifest_without_key(extension, tmp_path):
    (extension / "NOTES.md").write_text("scratch")
    (extension / "popup" / "old-view.js").write_text("export const unused = 1;\n")
    (extension / "popup" / ".popup.js.swp").write_bytes(b"\0")
    built = package.build(extension, tmp_path / "dist")
    with zipfile.ZipFile(built) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        html = archive.read("popup/popup.html").decode()
    assert "key" not in manifest
    assert manifest["version"] == package.project_version()
    assert "nativeMessaging" in manifest["permissions"]
    for needed in (
        "background/service-worker.js",
        "background/helper-client.js",
        "popup/popup.html",
        "options/options.html",
        "cases/print.html",  # reached only through a getURL template string
        "content/snapshot.js",
        "content/fill.js",
        "_locales/zh_CN/messages.json",
        "_locales/en/messages.json",
        "icons/icon128.png",
    ):
        assert needed in names
    assert not names & {"NOTES.md", "popup/old-view.js", "popup/.popup.js.swp"}
    assert "popup.js" in html
    # Every file of the real extension is used: nothing in extension/ is left out by mistake.
    tracked = {
        p.relative_to(ROOT / "extension").as_posix() for p in (ROOT / "extension").rglob("*") if p.is_file()
    }
    assert names == {n for n in tracked if not n.startswith(".") and "/." not in n}


def test_every_reference_inside_the_zip_resolves_inside_the_zip(extension, tmp_path):
    built = package.build(extension, tmp_path / "dist")
    with zipfile.ZipFile(built) as archive:
        names = set(archive.namelist())
        for name in names:
            if not name.endswith((".js", ".html")):
                continue
            for ref in re.findall(
                r"""(?:from|import\(|src=|href=)\s*["'](\.{1,2}/[\w./-]+)["']""", archive.read(name).decode()
            ):
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), ref))
                assert resolved in names, f"{name} -> {ref}"


def test_builds_are_identical_and_a_version_mismatch_is_refused(extension, tmp_path):
    first = package.build(extension, tmp_path / "a").read_bytes()
    assert package.build(extension, tmp_path / "b").read_bytes() == first
    manifest = json.loads((extension / "manifest.json").read_text())
    manifest["version"] = "9.9.9"
    (extension / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(package.PackageError, match="9.9.9"):
        package.build(extension, tmp_path / "c")
