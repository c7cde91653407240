"""Pydantic types shared by every layer (see ARCHITECTURE: "Contracts worth keeping stable")."""

from .advice import (
    TYPE_CODES,
    Advice,
    AdviceRequest,
    AdviceWarning,
    Clock,
    Draft,
    EvidenceItem,
    Finding,
    LintRequest,
    LintResult,
    Problem,
    Remedy,
    Route,
    RouteStep,
    TypeScore,
)
from .base import CHINA_TZ, ChinaTime, IdString, Model, Money, StrictModel, money
from .fill import FillInput, FillPlan, FillPlanRequest, FillStep
from .order import Item, Order, OrderLinks, Parcel, ParcelEvent, Shop
from .reading import (
    CaseRow,
    FormField,
    FormInfo,
    FormOption,
    PageSnapshot,
    Reading,
    ReadingWarning,
)

__all__ = [
    "CHINA_TZ", "TYPE_CODES", "Advice", "AdviceRequest", "AdviceWarning", "CaseRow", "ChinaTime",
    "Clock", "Draft", "EvidenceItem", "FillInput", "FillPlan", "FillPlanRequest", "FillStep",
    "Finding", "FormField", "FormInfo", "FormOption", "IdString", "Item", "LintRequest",
    "LintResult", "Model", "Money", "Order", "OrderLinks", "PageSnapshot", "Parcel", "ParcelEvent",
    "Problem", "Reading", "ReadingWarning", "Remedy", "Route", "RouteStep", "Shop", "StrictModel",
    "TypeScore", "money",
]
