"""The mock shop's scenarios as test data: one `Scenario` per file in tousu_testing/mockshop/scenarios/.

    @pytest.mark.parametrize("name", scenario_names())
    def test_story(tousu, tousu_mock_shop, name):
        scenario = tousu.use_scenario(name)          # returns this module's Scenario
        page = tousu.open_scenario_list(scenario)     # tm1 or tm2 list, every order rendered
        popup = tousu.open_popup(page)
        pick_order(popup, scenario.story.order_id)
        ...

The files are read with the mock shop's own loader (`tousu_testing.mockshop.scenarios.load_all`), so a
new scenario file adds a case to every test parametrised with `scenario_names()`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .mockshop.scenarios import OrderSpec, ScenarioSpec, StorySpec, load_all

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


@dataclass(frozen=True)
class Scenario:
    """What a test needs to know about one scenario file."""

    name: str
    title: str
    generation: str
    spec: ScenarioSpec

    @property
    def story(self) -> StorySpec:
        if self.spec.story is None:
            raise LookupError(f"scenario {self.name!r} has no [story]")
        return self.spec.story

    @property
    def has_story(self) -> bool:
        return self.spec.story is not None

    @property
    def order_ids(self) -> list[str]:
        return [order.id for order in self.spec.orders]

    @property
    def list_url(self) -> str:
        """The 已买到的宝贝 URL this scenario shows on (the tm2 page for a tm2 scenario)."""
        return LIST_URL if self.generation == "tm1" else f"{LIST_URL}?route_to=tm2"

    @property
    def accepted_types(self) -> tuple[str, ...]:
        """The story's expected type first, then any alternative the story accepts
        (`accepted_types = [...]` in [story], if the schema ever grows one)."""
        extra = tuple(getattr(self.spec.story, "accepted_types", None) or ())
        return (self.story.expected_type, *(t for t in extra if t != self.story.expected_type))

    def order(self, order_id: str | None = None) -> OrderSpec:
        """The story's order (default) or the order with this id."""
        order_id = order_id or self.story.order_id
        for order in self.spec.orders:
            if order.id == order_id:
                return order
        raise LookupError(f"scenario {self.name!r} has no order {order_id}")

    def goods_title(self, order_id: str | None = None) -> str:
        """The title the popup shows on the order's card (first non-pseudo item)."""
        order = self.order(order_id)
        goods = [item for item in order.items if not item.pseudo]
        return (goods or order.items)[0].title


@functools.cache
def _load(directory: str | None) -> dict[str, Scenario]:
    specs = load_all(Path(directory) if directory else None)
    return {
        name: Scenario(name=name, title=spec.title, generation=spec.generation, spec=spec)
        for name, spec in specs.items()
    }


def load_scenarios(directory: Path | None = None) -> dict[str, Scenario]:
    """Every scenario file (validated by the mock shop's loader), by name."""
    return dict(_load(str(directory) if directory else None))


def scenario_names(*, with_story: bool = True, directory: Path | None = None) -> list[str]:
    """Names for `pytest.mark.parametrize` (at collection time, where fixtures can't be used)."""
    return [
        name for name, scenario in load_scenarios(directory).items() if scenario.has_story or not with_story
    ]


def get_scenario(name: str) -> Scenario:
    scenarios = load_scenarios()
    if name not in scenarios:
        raise LookupError(f"unknown scenario {name!r}; known: {sorted(scenarios)}")
    return scenarios[name]
