"""Complaint and refund forms: each control with the visible label a shopper would read.

The filling layer locates fields by label text, never by selector, so the label is found the way
a person pairs them: `<label for>`, a wrapping `<label>`, or the label element that precedes the
control in the same form row. Hidden inputs (tokens) and buttons are not fields.
"""

from __future__ import annotations

import re

from tousu.models import FormField, FormInfo, FormOption, ReadingWarning

from . import dom
from .common import as_id, clean, url_id
from .dom import Node

_NOT_FIELDS = {"hidden", "submit", "button", "image", "reset"}
_ROW_DEPTH = 4


def read(html: str, url: str, warnings: list[ReadingWarning]) -> FormInfo | None:
    root = dom.parse(html)
    order_id = url_id(url, "bizId", "bizOrderId", "biz_order_id", "tradeId", "orderId")
    if order_id is None:
        hidden = root.find(
            lambda n: n.tag == "input" and (n.get("name") or "") in ("bizId", "bizOrderId", "biz_order_id")
        )
        order_id = as_id(hidden.get("value")) if hidden else None
    fields = read_fields(root)
    if not fields:
        return None
    return FormInfo(order_id=order_id, fields=fields)


def read_fields(root: Node) -> list[FormField]:
    labels_for = {node.get("for"): node for node in root.by_tag("label") if node.get("for")}
    fields: list[FormField] = []
    groups: dict[str, FormField] = {}
    for control in root.find_all(lambda n: n.tag in ("input", "select", "textarea")):
        kind = _control(control)
        if kind is None:
            continue
        name = control.get("name") or control.get("id") or None
        if kind in ("radio", "checkbox") and name and name in groups:
            option = _option(control, labels_for)
            if option:
                groups[name].options.append(option)
            continue
        label = _label(control, labels_for, grouped=kind in ("radio", "checkbox"))
        if not label:
            continue
        required = _required(control, label)
        field = FormField(
            label=_clean_label(label),
            control=kind,
            name=name,
            options=_select_options(control) if kind == "select" else [],
            required=required,
        )
        if not field.label:
            continue
        if kind in ("radio", "checkbox"):
            option = _option(control, labels_for)
            if option:
                field.options.append(option)
            if name:
                groups[name] = field
        fields.append(field)
    return fields


def _control(node: Node) -> str | None:
    if node.tag == "select":
        return "select"
    if node.tag == "textarea":
        return "textarea"
    kind = (node.get("type") or "text").lower()
    if kind in _NOT_FIELDS:
        return None
    if kind in ("radio", "checkbox", "file"):
        return kind
    return "text"


def _label(control: Node, labels_for: dict[str | None, Node], *, grouped: bool) -> str | None:
    # A radio's own <label> names the option; the group's name is the row label before it.
    if not grouped:
        explicit = labels_for.get(control.get("id")) if control.get("id") else None
        if explicit is not None:
            return explicit.text()
        wrapping = next((a for a in control.ancestors() if a.tag == "label"), None)
        if wrapping is not None:
            return wrapping.text()
    row_label = _row_label(control)
    if row_label:
        return row_label
    if grouped:
        explicit = labels_for.get(control.get("id")) if control.get("id") else None
        wrapping = next((a for a in control.ancestors() if a.tag == "label"), None)
        if explicit is not None or wrapping is not None:
            return (explicit or wrapping).text()  # type: ignore[union-attr]
    return control.get("aria-label") or control.get("placeholder") or control.get("title")


def _row_label(control: Node) -> str | None:
    """The last label-like element before the control inside its form row.

    Climbing stops at the first ancestor where another field sits between that label and the
    control: beyond that point the nearest label belongs to a different row.
    """
    group = control.get("name")
    node = control
    for _ in range(_ROW_DEPTH):
        parent = node.parent
        if parent is None:
            return None
        before: Node | None = None
        crossed = False
        for child in parent.iter():
            if child is control:
                break
            if (
                child.tag in ("input", "select", "textarea")
                and _control(child) is not None
                and (not group or child.get("name") != group)
            ):
                before, crossed = None, True
            elif (
                _is_label(child)
                and not _contains_control(child)
                and child.get("for") in (None, "", control.get("id"))
            ):
                before = child
        if before is not None and clean(before.text()):
            return before.text()
        if crossed:
            return None
        node = parent
    return None


def _is_label(node: Node) -> bool:
    if node.tag == "label":
        return True
    return any(
        token == "label"
        or token.startswith(("label-", "label--", "field-label", "form-label", "next-form-item-label"))
        for token in node.classes
    )


def _contains_control(node: Node) -> bool:
    return node.find(lambda n: n.tag in ("input", "select", "textarea")) is not None


def _option(control: Node, labels_for: dict[str | None, Node]) -> FormOption | None:
    label = labels_for.get(control.get("id")) if control.get("id") else None
    if label is None:
        label = next((a for a in control.ancestors() if a.tag == "label"), None)
    text = clean(label.text()) if label is not None else None
    if text is None:
        sibling_text = _next_text(control)
        text = clean(sibling_text)
    value = control.get("value") or text
    if not value and not text:
        return None
    return FormOption(value=value or "", text=text or value or "")


def _next_text(control: Node) -> str | None:
    parent = control.parent
    if parent is None:
        return None
    seen = False
    for child in parent.children:
        if child is control:
            seen = True
            continue
        if seen:
            text = child if isinstance(child, str) else child.text()
            if clean(text):
                return text
    return None


def _select_options(select: Node) -> list[FormOption]:
    options = []
    for option in select.by_tag("option"):
        text = clean(option.text()) or ""
        value = option.get("value")
        options.append(FormOption(value=value if value is not None else text, text=text))
    return options


def _required(control: Node, label: str) -> bool:
    if "required" in control.attrs or control.get("aria-required") == "true":
        return True
    return label.strip().startswith("*") or label.strip().endswith("*")


def _clean_label(label: str) -> str:
    text = clean(label) or ""
    text = re.sub(r"^[*＊]\s*|\s*[*＊]$", "", text)
    return text.rstrip(":：").strip()
