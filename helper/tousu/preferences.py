"""The shopper's corrections to the uncertain platform figures (AdviceSettings), kept in the
data directory as JSON. Legal figures are not settings; only what the sources mark uncertain is.

A missing file means the defaults; a damaged file is reported and ignored, never fatal, so a
typo in a hand-edited file cannot stop the helper.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError, create_model

from .advice.settings import AdviceSettings
from .models import StrictModel

FILE_NAME = "advice-settings.json"

# Every setting optional, unknown names rejected: the body of PUT and the file's shape.
SettingsUpdate = create_model(  # type: ignore[call-overload]
    "SettingsUpdate",
    __base__=StrictModel,
    **{name: (info.annotation | None, None) for name, info in AdviceSettings.model_fields.items()},  # type: ignore[operator]
)


class PreferencesError(ValueError):
    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.details = details or []


def _path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def overrides(data_dir: Path) -> dict[str, Any]:
    """The shopper's stored corrections (JSON values), or {} when there are none."""
    path = _path(data_dir)
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text("utf-8"))
    return SettingsUpdate.model_validate(raw).model_dump(mode="json", exclude_none=True)


def load(data_dir: Path) -> tuple[AdviceSettings, str | None]:
    """The settings in force and, if the file was unusable, why it was ignored."""
    try:
        return AdviceSettings(**overrides(data_dir)), None
    except (ValueError, ValidationError) as exc:
        return AdviceSettings(), f"{_path(data_dir)} ignored: {exc}"


def update(data_dir: Path, changes: dict[str, Any]) -> AdviceSettings:
    """Merge `changes` (None removes a correction) and write the file atomically."""
    try:
        checked = SettingsUpdate.model_validate(changes)
        current = {**overrides(data_dir), **checked.model_dump(mode="json", exclude_unset=True)}
        current = {k: v for k, v in current.items() if v is not None}
        settings = AdviceSettings(**current)
    except ValidationError as exc:
        raise PreferencesError(
            "invalid settings",
            [f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()],
        ) from None
    path = _path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(current, ensure_ascii=False, indent=2), "utf-8")
    os.replace(temp, path)
    return settings


def reset(data_dir: Path) -> AdviceSettings:
    _path(data_dir).unlink(missing_ok=True)
    return AdviceSettings()
