"""The uncertain platform figures the advice uses, and the shopper's corrections to them."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, jsonify

from .. import preferences
from ..advice.settings import setting_sources
from ..errors import APIError
from .body import parse_body

bp = Blueprint("settings", __name__)


def _data_dir() -> Path:
    return Path(current_app.config["DATA_DIR"])


def _view(settings, warning: str | None = None):
    return jsonify(
        values=settings.model_dump(mode="json"),
        corrected=sorted(preferences.overrides(_data_dir())) if warning is None else [],
        sources=setting_sources(),
        warning=warning,
    )


@bp.get("/settings/advice")
def show():
    return _view(*preferences.load(_data_dir()))


@bp.put("/settings/advice")
def change():
    body = parse_body(preferences.SettingsUpdate)
    try:
        settings = preferences.update(_data_dir(), body.model_dump(exclude_unset=True))
    except preferences.PreferencesError as exc:
        raise APIError(400, "invalid_settings", "These settings are out of range.", exc.details) from None
    return _view(settings)


@bp.delete("/settings/advice")
def reset():
    return _view(preferences.reset(_data_dir()))
