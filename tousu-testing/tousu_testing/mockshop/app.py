"""The mock shop's Flask app factory."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response

from .pages import (
    admin,
    archive,
    assets,
    complaint,
    detail_new,
    detail_taobao,
    detail_tmall,
    forms,
    intervention,
    lists,
    security,
    tm1_list,
    tm2_list,
)
from .shop import MockShop

DEFAULTS: dict[str, Any] = {
    "SCENARIOS": None,  # list of scenario names, or None for all
    "NOW": None,  # ISO time the relative dates count from; None = when the app starts / resets
    "STATE_FILE": None,  # JSON file for submissions and cases; None = memory
    "DELAY": 0,  # ms added to every real-host page
    "BUILD": "20251101",  # seed of the hashed class names
    "FAULTS": None,  # default fault switches, e.g. {"late": 800}
    "SCENARIO_DIR": None,  # another directory of scenario files (tests, experiments)
}


def create_mock_app(config: dict[str, Any] | None = None) -> Flask:
    """A mock Taobao/Tmall site: every page at ``/<real host>/<real path>``.

    Raises ``ScenarioError`` (with the file and field) when a scenario file is invalid.
    """
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["tousu_mock"] = MockShop(app.config)
    app.before_request(security.apply_faults)
    for module in (
        admin,
        assets,
        security,
        tm1_list,
        tm2_list,
        detail_taobao,
        detail_tmall,
        detail_new,
        archive,
        forms,
        complaint,
        intervention,
        lists,
    ):
        app.register_blueprint(module.bp)

    @app.after_request
    def _no_store(response: Response) -> Response:
        # A routed browser must never answer a later test from its cache.
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    return app
