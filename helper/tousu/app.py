"""The helper's application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import config, errors, security
from .security import PairingStore
from .security.private import harden


def create_app(test_config: dict | None = None) -> Flask:
    """Build the helper. `test_config` replaces the environment overlay entirely."""
    app = Flask(__name__)
    app.config.from_mapping(config.defaults())
    app.config.from_mapping(test_config if test_config is not None else config.from_environment())
    # A page is read in a worker process within this budget (reading/worker.py).
    app.config.setdefault("READ_BUDGET_SECONDS", 8.0)
    app.config.setdefault("READ_WORKERS", 2)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    # "/api//v1/..." was answered with an HTML 308 to the merged path: no redirects, every
    # answer is the JSON envelope (here a 404).
    app.url_map.merge_slashes = False

    data_dir = Path(app.config["DATA_DIR"])
    # Before the first file is opened: the directory 0700, every file in it 0600 (re-checked at
    # every start, a directory left readable by an older version is closed again).
    harden(data_dir)
    app.extensions["tousu.pairing"] = PairingStore(
        data_dir / security.PAIRING_FILE,
        code_ttl=app.config["PAIRING_CODE_TTL"],
        max_failures=app.config["PAIRING_MAX_FAILURES"],
        failure_window=app.config["PAIRING_FAILURE_WINDOW"],
        failure_delay=float(app.config.get("PAIRING_FAILURE_DELAY", 0.25)),
    )

    from . import store

    store.init_app(app)
    errors.init_app(app)
    security.init_app(app)

    from .api import register_blueprints

    register_blueprints(app)
    return app
