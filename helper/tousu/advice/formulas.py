"""The statutory amounts, from rules/formulas.toml (punitive) and the settings (late shipment).

Written once: remedies.py offers these amounts and lint.py judges a demand against them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .facts import CENT
from .rulefiles import rule_files
from .schemas import PunitiveFormula
from .settings import AdviceSettings


def punitive_formula(code: str) -> PunitiveFormula:
    """The formula of fraud_triple (消法 55) or food_tenfold (食品安全法 148)."""
    formula: PunitiveFormula = rule_files()["formulas"].punitive[code]
    return formula


def punitive_amount(code: str, paid: Decimal) -> Decimal:
    """The extra compensation on top of the refund: max(multiple x price paid, minimum)."""
    formula = punitive_formula(code)
    return max(paid * formula.multiple, formula.minimum).quantize(CENT)


def fraud_triple(paid: Decimal) -> Decimal:
    """消法 55: three times the price, at least 500 yuan."""
    return punitive_amount("fraud_triple", paid)


def food_tenfold(paid: Decimal) -> Decimal:
    """食品安全法 148: ten times the price, at least 1000 yuan (the 3x-loss branch needs a loss figure)."""
    return punitive_amount("food_tenfold", paid)


def late_shipment_compensation(paid: Decimal, platform: str, settings: AdviceSettings) -> Decimal:
    """The platform's late-shipment compensation: a share of the price paid, between a floor and a cap."""
    if platform == "tmall":
        rate, low = settings.late_ship_rate_tmall, settings.late_ship_min_tmall
        high = settings.late_ship_max_tmall
    else:
        rate, low = settings.late_ship_rate_taobao, settings.late_ship_min_taobao
        high = settings.late_ship_max_taobao
    amount = (paid * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    return min(max(amount, low), high)


def statutory_ceiling(paid: Decimal, food: bool) -> tuple[Decimal, str]:
    """The most a shopper can lawfully ask in all (refund + the punitive amount that fits the goods)
    and how to name that basis."""
    code = "food_tenfold" if food else "fraud_triple"
    return paid + punitive_amount(code, paid), punitive_formula(code).basis_short
