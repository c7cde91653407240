"""Fill plans: what the fill content script puts into a complaint or after-sales form."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .advice import TypeCode
from .base import IdString, Model, Money, StrictModel
from .case import CaseId, Code, FileName, MediaType, Sha256
from .locator import ElementRef, FieldLocator
from .order import Order
from .reading import PageSnapshot


class AffectedItem(StrictModel):
    """One item of the order the problem concerns, and how many of it (the advice's contract)."""

    sub_order_id: IdString
    quantity: int = Field(default=1, ge=1, le=9999)


class Attachment(StrictModel):
    """A file saved on the case that the extension holds the bytes of, offered for an uploader."""

    sha256: Sha256
    file_name: FileName
    media_type: MediaType
    code: Code
    evidence_id: CaseId | None = None
    size: int | None = Field(default=None, ge=0)
    # False when the extension has only the metadata (captured on another machine, cleared).
    available: bool = True


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
    # The checklist's evidence codes in its order: attachments are uploaded in this order.
    evidence_codes: list[Code] = Field(default_factory=list, max_length=50)
    attachments: list[Attachment] = Field(default_factory=list, max_length=50)
    # The amount the advice asks back (never above what the form shows as the maximum).
    amount: Money | None = None
    # Items the problem concerns with their titles, for matching the form's item rows.
    item_titles: dict[str, str] = Field(default_factory=dict, max_length=100)


class FillPlanRequest(StrictModel):
    page: PageSnapshot
    case: FillInput
    affected_items: list[AffectedItem] = Field(default_factory=list, max_length=100)


class FillTargetsRequest(StrictModel):
    """Which form pages to open for an order: the complaint once, after-sales once per item."""

    order: Order
    form: Literal["complaint", "after_sales"]
    affected_items: list[AffectedItem] = Field(default_factory=list, max_length=100)


class FillTarget(Model):
    url: str
    # The goods line this after-sales form is for (None: the complaint, or the order's own link).
    sub_order_id: str | None = None


class FillTargets(Model):
    targets: list[FillTarget]


class FillStep(Model):
    label: str
    control: Literal["select", "textarea", "text", "checkbox", "radio", "file"]
    value: str | None = None
    values: list[str] = Field(default_factory=list)
    locator: FieldLocator | None = None
    # For a radio or checkbox: the input to click (the chosen option, not the group).
    choice: ElementRef | None = None
    # Option texts also acceptable when the value itself is not offered (其他).
    alternatives: list[str] = Field(default_factory=list)
    # Files for an uploader, in the checklist's order and within its limit.
    files: list[Attachment] = Field(default_factory=list)
    # Why the value was shortened or capped (too_long, above_max), for the fill report.
    note: str | None = None


FillReason = Literal[
    "not_on_form",
    "shopper_only",
    "no_option",
    "no_value",
    "unknown_widget",
    "not_found",
    "option_disabled",
    "not_verified",
    "limit_reached",
    "no_file_bytes",
    "upload_failed",
    "timeout",
]


class LeftField(Model):
    """A field Tousu did not fill, and why (the popup explains the reason code)."""

    label: str
    reason: FillReason


class FillPlan(Model):
    kind: Literal["complaint_form", "refund_form"]
    order_id: IdString
    steps: list[FillStep]
    # Labels the plan leaves for the shopper (contact details, uploads): never filled by Tousu.
    left_for_shopper: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    left: list[LeftField] = Field(default_factory=list)
