"""Evidence the chosen type needs: required vs recommended, each with why and its rule."""

from __future__ import annotations

from tousu.models.advice import EvidenceItem

from .facts import OrderFacts
from .ranking import Signals
from .rules import TypeInfo, rulebook


def evidence_for(
    info: TypeInfo, signals: Signals, facts: OrderFacts, punitive: set[str]
) -> list[EvidenceItem]:
    book = rulebook()
    needs = {need.code: need.required for need in info.evidence}
    # A punitive demand rests on its own proof (消法 55 / 食品安全法 148): make that proof required.
    if "fraud_triple" in punitive:
        for code in ("authentication", "listing_snapshot"):
            if info.code == "counterfeit" or code == "listing_snapshot":
                needs[code] = True
    if "food_tenfold" in punitive:
        needs["food_label"] = True
    if "refund_after_return_delay" in signals.features:
        needs.setdefault("return_tracking", True)
    items = []
    for code, required in needs.items():
        spec = book.evidence[code]
        items.append(
            EvidenceItem(code=code, name=spec.name, required=required, why=spec.why, basis=spec.basis)
        )
    # Required first, keeping the data's order within each group.
    return sorted(items, key=lambda item: not item.required)
