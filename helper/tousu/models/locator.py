"""Where a form control is, as the reader found it: the content script applies this, it never
searches for a control by label itself.

A selector plus an ordinal (the index among the selector's matches in document order) names one
element of the snapshot. Cascading forms replace their later fields, so the extension snapshots
and asks for a new plan after each step that changes the page: the ordinals always describe the
DOM the content script is about to touch.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model

WidgetKind = Literal[
    "text", "textarea", "custom_select", "native_select", "radio", "checkbox", "file", "unknown"
]
# Which component kit drew a custom widget: it decides how the widget opens and where its
# options live (inside the root, or in a popup attached to body).
WidgetKit = Literal["native", "ultron", "fusion", "antd", "aria"]


class ElementRef(Model):
    selector: str = Field(max_length=500)
    ordinal: int = Field(default=0, ge=0)


class FieldLocator(Model):
    widget: WidgetKind
    kit: WidgetKit = "native"
    # The control itself: the input/textarea/select, the custom select's root, the radio or
    # checkbox input to click, the file input (re-resolved before each file: it is replaced).
    target: ElementRef
    # The form row the label was found in: counters, hints and thumbnails are read there.
    scope: ElementRef | None = None
    label: str
    max_length: int | None = Field(default=None, ge=0)
    max_files: int | None = Field(default=None, ge=0)
    max_amount: str | None = None
    multiple: bool = False
    # For a control that belongs to one option of a group (an item's quantity stepper).
    option: str | None = None
