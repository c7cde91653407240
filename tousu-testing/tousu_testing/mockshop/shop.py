"""The mock shop's registry: configured scenarios, the clock and the state, per app."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from .biglist import big_list_spec
from .scenarios import ItemSpec, Order, ScenarioSpec, load_all, resolve_order, select
from .state import STATUS_TEXTS, MockState, status_code
from .timeutil import fmt, parse_now, resolve

COOKIE = "tousu_scenario"


class MockShop:
    def __init__(self, config: dict[str, Any]) -> None:
        directory = config.get("SCENARIO_DIR")
        self.all_specs = load_all(Path(directory) if directory else None)
        self.specs: dict[str, ScenarioSpec] = select(self.all_specs, config.get("SCENARIOS"), big_list_spec)
        self._fixed_now = config.get("NOW")
        # Without NOW, times are anchored when the shop starts (and on reset), so that the list
        # and the detail page of one test agree to the second.
        self._anchor = parse_now(self._fixed_now)
        self.state = MockState(config.get("STATE_FILE"))
        if not self.state.cases() and not self.state.submissions():
            self.state.reset(self.seed_cases(self.now()), None)

    # ------------------------------------------------------------ clock

    def now(self) -> datetime:
        override = self.state.now_override()
        if override:
            return parse_now(override)
        return self._anchor

    def reset(self, now: str | None = None) -> None:
        """Forget submissions and cases, re-seed them, and re-anchor the clock (or pin it)."""
        if self._fixed_now is None:
            self._anchor = parse_now(None)
        seed_now = parse_now(now) if now else self._anchor
        self.state.reset(self.seed_cases(seed_now), now)

    # ------------------------------------------------------------ scenarios and orders

    def names(self, selected: str | None) -> list[str]:
        if selected:
            return [n for n in selected.split(",") if n in self.specs]
        return list(self.specs)

    def orders(self, names: list[str]) -> list[Order]:
        now = self.now()
        found = [resolve_order(o, name, now) for name in names for o in self.specs[name].orders]
        return sorted(found, key=lambda o: o.created, reverse=True)

    def find_order(self, order_id: str) -> Order | None:
        now = self.now()
        for name, spec in self.specs.items():
            for order in spec.orders:
                if order.id == order_id:
                    return resolve_order(order, name, now)
        return None

    def find_sub(self, sub_id: str) -> tuple[Order, ItemSpec] | None:
        now = self.now()
        for name, spec in self.specs.items():
            for order in spec.orders:
                for item in order.items:
                    if item.sub_id == sub_id:
                        return resolve_order(order, name, now), item
        return None

    def scenario_of(self, name: str) -> ScenarioSpec | None:
        return self.specs.get(name)

    # ------------------------------------------------------------ cases

    def seed_cases(self, now: datetime) -> list[dict[str, Any]]:
        seeds: list[dict[str, Any]] = []
        counter = 0
        for name, spec in self.specs.items():
            for case in spec.cases:
                counter += 1
                order = next(o for o in spec.orders if o.id == case.order_id)
                item = next((i for i in order.items if i.sub_id == case.sub_id), order.items[0])
                code = status_code(case.kind, case.status)
                created = fmt(resolve(case.created, now))
                default_id = (
                    f"TS{now:%Y%m%d}{900000 + counter:06d}"
                    if case.kind == "complaint"
                    else f"{now:%Y%m%d}{9000000000 + counter:010d}"
                )
                amount = case.amount or f"{Decimal(item.unit_price) * item.quantity:.2f}"
                seeds.append(
                    {
                        "case_id": case.case_id or default_id,
                        "kind": case.kind,
                        "scenario": name,
                        "order_id": order.id,
                        "sub_order_id": item.sub_id,
                        "shop_name": order.shop.name,
                        "item_title": item.title,
                        "reason": case.reason,
                        "demand": case.demand,
                        "description": case.description,
                        "amount": amount,
                        "status": code,
                        "status_text": STATUS_TEXTS[case.kind][code],
                        "seller_reply": case.seller_reply,
                        "created_at": created,
                        "updated_at": created,
                        "history": [
                            {"status": code, "status_text": STATUS_TEXTS[case.kind][code], "at": created}
                        ],
                        "seeded": True,
                    }
                )
        return seeds
