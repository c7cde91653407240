"""Fill plans: what the fill content script puts into a complaint or after-sales form."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .advice import TypeCode
from .base import IdString, Model, StrictModel
from .reading import PageSnapshot


class FillInput(StrictModel):
    """The case facts a form is filled from (taken from the advice the shopper accepted)."""

    order_id: IdString
    # Refund forms are per sub-order (bizOrderId is a sub-order id): these are accepted too.
    sub_order_ids: list[IdString] = Field(default_factory=list, max_length=100)
    type: TypeCode
    description: str = Field(max_length=5000)
    remedy: str | None = Field(default=None, max_length=64)
    # The advice's route may name a better after-sales request than the type's default
    # (补寄 with 少件/漏发 for a missing item): these override the defaults when given.
    request_type: str | None = Field(default=None, max_length=32)
    reason: str | None = Field(default=None, max_length=64)
    evidence: list[str] = Field(default_factory=list, max_length=50)


class FillPlanRequest(StrictModel):
    page: PageSnapshot
    case: FillInput


class FillStep(Model):
    label: str
    control: Literal["select", "textarea", "text", "checkbox", "radio"]
    value: str | None = None
    values: list[str] = Field(default_factory=list)


class FillPlan(Model):
    kind: Literal["complaint_form", "refund_form"]
    order_id: IdString
    steps: list[FillStep]
    # Labels the plan leaves for the shopper (contact details, uploads): never filled by Tousu.
    left_for_shopper: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
