"""Advice: order + problem -> ranked complaint types, route, evidence, remedies, clocks, draft.

The rules are data (rules/*.toml, each with its source, confidence and date checked), loaded and
compiled once at import; the modules here only apply them. No Flask, no store, no network.
"""

from . import lint as _lint
from . import signals as _signals
from . import similar as _similar
from .engine import advise
from .lint import lint
from .rules import remedy_info, rulebook, symptom_codes, symptoms_catalog, type_info
from .settings import AdviceSettings, setting_sources

# Load, check and compile all rule data at import, not on the first request.
rulebook()
_lint._rules()
_signals._rules()
_similar._index()

__all__ = [
    "AdviceSettings",
    "advise",
    "lint",
    "remedy_info",
    "setting_sources",
    "symptom_codes",
    "symptoms_catalog",
    "type_info",
]
