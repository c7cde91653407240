"""Advice: order + problem -> ranked complaint types, route, evidence, remedies, clocks, draft.

The rules are data (rules/*.toml, each with its source, confidence and date checked), loaded and
compiled once at import; the modules here only apply them. No Flask, no store, no network.
"""

from . import categories as _categories
from . import lint as _lint
from . import model as _model
from . import normalise as _normalise
from . import questions as _questions
from . import signals as _signals
from . import similar as _similar
from .engine import advise, case_clocks
from .lint import lint
from .rules import remedy_info, rulebook, symptom_codes, symptoms_catalog, type_info
from .settings import AdviceSettings, setting_sources

# Load, check and compile all rule data at import, not on the first request.
rulebook()
_lint._rules()
_signals._rules()
_similar._index()
_model.active()
_normalise.canonical("預熱")  # loads OpenCC's dictionaries and the voice tables
_categories.category_names()
_questions.boosts_for({})

__all__ = [
    "AdviceSettings",
    "advise",
    "case_clocks",
    "lint",
    "remedy_info",
    "setting_sources",
    "symptom_codes",
    "symptoms_catalog",
    "type_info",
]
