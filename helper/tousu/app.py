"""The helper's application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import config, errors, security
from .security import PairingStore


def create_app(test_config: dict | None = None) -> Flask:
    """Build the helper. `test_config` replaces the environment overlay entirely."""
    app = Flask(__name__)
    app.config.from_mapping(config.defaults())
    app.config.from_mapping(test_config if test_config is not None else config.from_environment())
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]

    data_dir = Path(app.config["DATA_DIR"])
    data_dir.mkdir(parents=True, exist_ok=True)
    app.extensions["tousu.pairing"] = PairingStore(
        data_dir / security.PAIRING_FILE,
        code_ttl=app.config["PAIRING_CODE_TTL"],
        max_failures=app.config["PAIRING_MAX_FAILURES"],
        failure_window=app.config["PAIRING_FAILURE_WINDOW"],
    )

    from . import store

    store.init_app(app)
    errors.init_app(app)
    security.init_app(app)

    from .api import register_blueprints

    register_blueprints(app)
    return app
