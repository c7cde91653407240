"""Build the zip a browser store accepts from extension/.

- manifest.json without "key" (a store assigns its own id; the key pins the unpacked id only);
- the manifest's version must equal pyproject.toml's (the helper and the extension ship together);
- only the files the extension uses: everything reachable from the manifest through the HTML,
  JS and CSS references, plus every locale's messages.json; nothing else (notes, editor files);
- deterministic (sorted entries, fixed timestamps), so two builds of one commit are identical.

The store gives the extension another id than the unpacked one: let the helper accept it with
`tousu install --extension-id <store id>` (also allows it in the host manifest) or
TOUSU_EXTENSION_IDS=<store id> for `tousu serve`.

    .venv/bin/python scripts/package_extension.py [--out dist/] [--extension-dir extension/]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = re.compile(r"""["'`]((?:\.{1,2}/)?[\w./-]+\.(?:js|mjs|html|css|png|svg|json))(?=[?#"'`$])""")
TEXT_SUFFIXES = {".js", ".mjs", ".html", ".css"}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class PackageError(Exception):
    pass


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _resolve(root: Path, source: Path, ref: str) -> Path | None:
    candidates = [source.parent / ref]
    if not ref.startswith("."):
        candidates.append(root / ref)  # chrome.runtime.getURL / scripting files: root-relative
    for candidate in candidates:
        path = candidate.resolve()
        if path.is_file() and path.is_relative_to(root.resolve()):
            return path
    return None


def used_files(extension_dir: Path) -> set[Path]:
    root = extension_dir.resolve()
    manifest = json.loads((root / "manifest.json").read_text("utf-8"))
    found = {root / "manifest.json", *root.glob("_locales/*/messages.json")}
    queue = [root / s for s in _strings(manifest) if (root / s).is_file()]
    while queue:
        path = queue.pop().resolve()
        if path in found:
            continue
        found.add(path)
        if path.suffix in TEXT_SUFFIXES:
            for ref in REFERENCE.findall(path.read_text("utf-8")):
                target = _resolve(root, path, ref)
                if target is not None and target not in found:
                    queue.append(target)
    return {p.resolve() for p in found}


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]


def build(extension_dir: Path, out_dir: Path, version: str | None = None) -> Path:
    extension_dir = Path(extension_dir).resolve()
    manifest = json.loads((extension_dir / "manifest.json").read_text("utf-8"))
    expected = version or project_version()
    if manifest.get("version") != expected:
        raise PackageError(
            f"manifest.json version {manifest.get('version')!r} differs from pyproject's {expected!r}"
        )
    manifest.pop("key", None)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"tousu-extension-{expected}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(used_files(extension_dir)):
            name = path.relative_to(extension_dir).as_posix()
            data = path.read_bytes()
            if name == "manifest.json":
                data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extension-dir", type=Path, default=ROOT / "extension")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    try:
        target = build(args.extension_dir, args.out)
    except PackageError as exc:
        print(f"错误 / Error: {exc}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(target) as archive:
        count = len(archive.namelist())
    print(f"{target} ({count} files)")
    print("商店分配扩展 ID 后运行 / Once the store assigns the id: tousu install --extension-id <id>")
    return 0


if __name__ == "__main__":
    sys.exit(main())
