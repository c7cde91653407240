"""Page snapshots (from the extension) and readings (what the helper made of them)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import IdString, Model, StrictModel
from .locator import FieldLocator
from .order import Order

PageKind = Literal[
    "order_list",
    "order_detail",
    "complaint_form",
    "refund_form",
    "complaint_list",
    "refund_list",
    "login",
    "verification",
    "other",
]


class PageSnapshot(StrictModel):
    """What the content script takes from a tab: its URL and its serialised DOM."""

    url: str = Field(min_length=1, max_length=8192)
    html: str
    title: str | None = Field(default=None, max_length=4096)


class ReadingWarning(Model):
    code: str
    message: str
    field: str | None = None
    order_id: str | None = None


class FormOption(Model):
    value: str
    text: str


class FormField(Model):
    """A control on a complaint or refund form, found by its visible label."""

    label: str
    control: Literal["select", "textarea", "text", "checkbox", "radio", "file"]
    name: str | None = None
    options: list[FormOption] = Field(default_factory=list)
    required: bool = False
    # How the extension reaches this control (widget kind, component kit, element).
    locator: FieldLocator | None = None


class FormInfo(Model):
    order_id: IdString | None = None
    fields: list[FormField] = Field(default_factory=list)


class CaseRow(Model):
    """One row of the complaint or refund list: what tracking reads."""

    order_id: IdString | None = None
    case_id: str | None = None
    status_text: str
    updated_at: str | None = None


class Reading(Model):
    kind: PageKind
    url: str
    orders: list[Order] = Field(default_factory=list)
    warnings: list[ReadingWarning] = Field(default_factory=list)
    form: FormInfo | None = None
    cases: list[CaseRow] = Field(default_factory=list)
