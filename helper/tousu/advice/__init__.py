"""Advice: order + problem -> ranked complaint types, route, evidence, remedies, clocks, draft.

The rules are data (rules/*.toml, each with its source, confidence and date checked), loaded,
checked and compiled once by `warm()`, not on the first request: the first use of any public
name below (`from tousu.advice import advise`) runs it, and `tousu serve` runs it in a thread at
start-up, so /ping answers before the rules are compiled and the first advice does not pay for
them. Importing the package alone (as tousu.models does for AdviceSettings) loads nothing. The
modules here only apply the rules. No Flask, no store, no network.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import advise, case_clocks
    from .lint import lint
    from .rules import remedy_info, rulebook, symptom_codes, symptoms_catalog, type_info
    from .settings import AdviceSettings, setting_sources

# Public name -> the module that defines it.
_EXPORTS = {
    "AdviceSettings": "settings",
    "advise": "engine",
    "case_clocks": "engine",
    "lint": "lint",
    "remedy_info": "rules",
    "rulebook": "rules",
    "setting_sources": "settings",
    "symptom_codes": "rules",
    "symptoms_catalog": "rules",
    "type_info": "rules",
}

_lock = threading.Lock()
_warm = False


def warm() -> None:
    """Load, check and compile all rule data, the weights and OpenCC (once; thread-safe). A
    broken rule file raises rulefiles.RuleFileError here."""
    global _warm
    if _warm:
        return
    with _lock:
        if _warm:
            return
        module = importlib.import_module
        module(".rulefiles", __name__).rule_files()
        module(".rules", __name__).rulebook()
        module(".lint", __name__)._rules()
        module(".signals", __name__)._rules()
        module(".similar", __name__)._index()
        weights = module(".model", __name__).active()
        if weights is not None:
            weights.row_means  # noqa: B018 (computed once, here, not on the first request)
        module(".normalise", __name__).canonical("預熱")  # OpenCC's dictionaries, the voice tables
        module(".categories", __name__).category_names()
        module(".questions", __name__).boosts_for({})
        module(".engine", __name__)
        for name, source in _EXPORTS.items():
            globals()[name] = getattr(module("." + source, __name__), name)
        _warm = True


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warm()
    return globals()[name]


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        # Importing the submodule `lint` binds it on the package, over the public function of
        # the same name; the function wins (as `from .lint import lint` did at import before).
        if name == "lint" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "AdviceSettings",
    "advise",
    "case_clocks",
    "lint",
    "remedy_info",
    "rulebook",
    "setting_sources",
    "symptom_codes",
    "symptoms_catalog",
    "type_info",
    "warm",
]
