"""The mock Taobao/Tmall shop: invented orders served in the real pages' structure.

``create_mock_app(config)`` builds the Flask app; scenario files live in ``scenarios/``.
See docs/mockshop.md.
"""

from .app import create_mock_app
from .scenarios import ScenarioError, ScenarioSpec, load_all

__all__ = ["ScenarioError", "ScenarioSpec", "create_mock_app", "load_all"]
