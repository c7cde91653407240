"""AdviceSettings: the platform figures the sources mark uncertain, with defaults from data.

Legal figures (7 days, 3 years, 3x/10x) are fixed in the rule files; only platform practice that
changes or is unverified (see sources.toml) is a setting a shopper may correct.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

# Only settings.toml, parsed directly: tousu.models needs AdviceSettings at import, and loading
# every rule file (schemas, patterns) here put ~0.4 s on the helper's path to ready. The file is
# still validated against its schema with all the others by rulefiles.rule_files(), which the
# advice layer runs before it gives any advice (a misspelled key is refused there).
_RAW: dict[str, dict[str, Any]] = tomllib.loads(
    (Path(__file__).with_name("rules") / "settings.toml").read_text(encoding="utf-8")
)


def _field(key: str, **limits: Any) -> Any:
    raw = _RAW[key]
    value = raw["value"]
    default = Decimal(value) if isinstance(value, str) else value
    sources = "; ".join(raw["source"])
    description = f"{raw['description']} (source: {sources}; {raw['confidence']}; checked {raw['checked']})"
    return Field(default=default, description=description, **limits)


# Amounts in yuan: bounded, so "1E+100" is refused at the door instead of breaking every later
# late-shipment advice (issue 15, finding 7).
_YUAN: dict[str, Any] = {"le": Decimal("100000"), "decimal_places": 2}


class AdviceSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ship_by_hours: int = _field("ship_by_hours", ge=1, le=24 * 60)
    due_soon_hours: int = _field("due_soon_hours", ge=0, le=24 * 30)
    auto_confirm_days: int = _field("auto_confirm_days", ge=1, le=90)
    after_sales_days: int = _field("after_sales_days", ge=1, le=365)
    unshipped_refund_response_hours: int = _field("unshipped_refund_response_hours", ge=1, le=240)
    not_received_refund_response_hours: int = _field("not_received_refund_response_hours", ge=1, le=240)
    seller_response_days_after_shipment: int = _field("seller_response_days_after_shipment", ge=1, le=30)
    buyer_return_days: int = _field("buyer_return_days", ge=1, le=30)
    late_ship_rate_taobao: Decimal = _field("late_ship_rate_taobao", ge=0, le=1, decimal_places=4)
    late_ship_min_taobao: Decimal = _field("late_ship_min_taobao", ge=0, **_YUAN)
    late_ship_max_taobao: Decimal = _field("late_ship_max_taobao", ge=0, **_YUAN)
    late_ship_rate_tmall: Decimal = _field("late_ship_rate_tmall", ge=0, le=1, decimal_places=4)
    late_ship_min_tmall: Decimal = _field("late_ship_min_tmall", ge=0, **_YUAN)
    late_ship_max_tmall: Decimal = _field("late_ship_max_tmall", ge=0, **_YUAN)
    household_quantity: int = _field("household_quantity", ge=1, le=1000)


DEFAULT_SETTINGS = AdviceSettings()


def setting_sources() -> dict[str, dict[str, Any]]:
    """Each setting's default, description, source, confidence and date checked (for the options page)."""
    # `source` stays one string in the API: the sources.toml keys, "; "-separated.
    return {key: {**raw, "source": "; ".join(raw["source"])} for key, raw in _RAW.items()}
