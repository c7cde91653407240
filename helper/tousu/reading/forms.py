"""Complaint and refund forms: each control with the visible label a shopper would read.

The filling layer locates fields by label text, never by selector, so the label is found the way
a person pairs them: `<label for>`, a wrapping `<label>`, or the label element that precedes the
control in the same form row. Hidden inputs (tokens) and buttons are not fields.
"""

from __future__ import annotations

import functools
import operator
import re

from tousu.models import FormField, FormInfo, FormOption, ReadingWarning
from tousu.models.locator import FieldLocator

from . import dom
from .common import as_id, clean, url_id
from .dom import Node
from .form_widgets import custom_selects, element_ref, in_custom_select, locator_for

_NOT_FIELDS = {"hidden", "submit", "button", "image", "reset"}
_ROW_DEPTH = 6
_STEPPER_TYPES = ("number", "text", "tel")


def read(html: str, url: str, warnings: list[ReadingWarning]) -> FormInfo | None:
    root = dom.parse(html)
    # The id the page itself carries wins over the URL's: a stale tab or a redirect can show
    # another order's form under this order's URL, and the fill must then refuse.
    hidden = root.find(
        lambda n: n.tag == "input" and (n.get("name") or "") in ("bizId", "bizOrderId", "biz_order_id")
    )
    order_id = as_id(hidden.get("value")) if hidden else None
    order_id = order_id or url_id(url, "bizId", "bizOrderId", "biz_order_id", "tradeId", "orderId")
    fields = read_fields(root)
    if not fields:
        return None
    return FormInfo(order_id=order_id, fields=fields)


def read_fields(root: Node) -> list[FormField]:
    order = {id(node): i for i, node in enumerate(root.iter())}
    placed = [(order[id(n)], f) for n, f in _native_fields(root)]
    placed += [(order[id(n)], f) for n, f in _custom_fields(root)]
    used = {f.label for _, f in placed}
    placed += [(order[id(n)], f) for n, f in _unknown_widgets(root, used)]
    return [field for _, field in sorted(placed, key=lambda pair: pair[0])]


def _unknown_widgets(root: Node, used: set[str]) -> list[tuple[Node, FormField]]:
    """Labels with no control Tousu recognises in their row: a widget of an unknown kind. They
    are listed so the fill can tell the shopper which fields it left to them."""
    ids = {n.id for n in root.iter() if n.id}
    out = []
    for node in root.iter():
        if not _is_label(node) or _contains_control(node) or (node.get("for") or "") in ids:
            continue
        text = _clean_label(node.text())
        row = node.parent
        if not text or len(text) > 16 or text in used or row is None or row.tag in ("body", "form"):
            continue
        if _contains_control(row) or any(_is_custom_root(n) for n in row.iter()):
            continue
        locator = FieldLocator(widget="unknown", target=element_ref(root, node), label=text)
        out.append((node, FormField(label=text, control="text", locator=locator)))
        used.add(text)
    return out


def _quantity_fields(root: Node, group: list[Node], field: FormField) -> list[tuple[Node, FormField]]:
    """An item checkbox's quantity stepper: the number input in the checkbox's own line."""
    out = []
    for control, option in zip(group, field.options, strict=False):
        line = control
        while line.parent is not None and sum(1 for n in line.parent.iter() if n in group) == 1:
            line = line.parent
        # Steppers are number inputs or text inputs between −/+ buttons: in an item's own line
        # (one checkbox only) either is that item's quantity.
        stepper = line.find(lambda n: n.tag == "input" and (n.get("type") or "text") in _STEPPER_TYPES)
        if stepper is None:
            continue
        locator = FieldLocator(
            widget="text", target=element_ref(root, stepper), label=f"{option.text} 数量", option=option.text
        )
        out.append((stepper, FormField(label=f"{option.text} 数量", control="text", locator=locator)))
    return out


def _custom_fields(root: Node) -> list[tuple[Node, FormField]]:
    out = []
    for widget in custom_selects(root):
        label, scope = widget.label, None
        if not label:
            label, scope = _row_label(widget.node)
        elif widget.node.parent is not None:
            scope = widget.node
        text = _clean_label(label or "")
        if not text:
            continue
        options = [FormOption(value=o, text=o) for o in widget.options]
        locator = FieldLocator(
            widget="custom_select",
            kit=widget.kit,
            target=widget.target,
            scope=element_ref(root, scope) if scope is not None else None,
            label=text,
        )
        required = (label or "").strip().startswith(("*", "＊"))
        field = FormField(label=text, control="select", options=options, required=required, locator=locator)
        out.append((widget.node, field))
    return out


def _native_fields(root: Node) -> list[tuple[Node, FormField]]:
    labels_for = {node.get("for"): node for node in root.by_tag("label") if node.get("for")}
    fields: list[tuple[Node, FormField]] = []
    groups: dict[str, FormField] = {}
    members: dict[str, list[Node]] = {}
    for control in root.find_all(lambda n: n.tag in ("input", "select", "textarea")):
        kind = _control(control)
        if kind is None or in_custom_select(control):
            continue
        name = control.get("name") or control.get("id") or None
        if kind in ("radio", "checkbox") and name and name in groups:
            option = _option(control, labels_for)
            if option:
                groups[name].options.append(option)
                members[name].append(control)
            continue
        label, scope = _label(control, labels_for, grouped=kind in ("radio", "checkbox"))
        if not label:
            continue
        required = _required(control, label)
        text = _clean_label(label)
        if not text:
            continue
        field = FormField(
            label=text,
            control=kind,
            name=name,
            options=_select_options(control) if kind == "select" else [],
            required=required,
            locator=locator_for(root, control, kind, text, scope),
        )
        if kind in ("radio", "checkbox"):
            option = _option(control, labels_for)
            if option:
                field.options.append(option)
            if name:
                groups[name] = field
                members[name] = [control]
        fields.append((control, field))
    for name, field in groups.items():
        if field.control == "checkbox" and len(members[name]) > 1:
            extra = _quantity_fields(root, members[name], field)
            fields.extend(extra)
    return _without_duplicates(fields)


def _without_duplicates(fields: list[tuple[Node, FormField]]) -> list[tuple[Node, FormField]]:
    # A stepper read as a plain field too is kept once, as the item's quantity.
    bound = {id(node) for node, f in fields if f.locator and f.locator.option}
    return [(n, f) for n, f in fields if id(n) not in bound or (f.locator and f.locator.option)]


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


def _label(
    control: Node, labels_for: dict[str | None, Node], *, grouped: bool
) -> tuple[str | None, Node | None]:
    """The label text and the form row it was found in (where counters and hints sit)."""
    row_text, row = _row_label(control)
    # An uploader's input sits in its "+ 上传" button label: the field's name is the row's.
    if row_text and (control.get("type") or "").lower() == "file":
        return row_text, row
    # A radio's own <label> names the option; the group's name is the row label before it.
    if not grouped:
        explicit = labels_for.get(control.get("id")) if control.get("id") else None
        if explicit is not None:
            return explicit.text(), row or explicit.parent
        wrapping = next((a for a in control.ancestors() if a.tag == "label"), None)
        if wrapping is not None:
            return wrapping.text(), row or wrapping
    if row_text:
        return row_text, row
    if grouped:
        explicit = labels_for.get(control.get("id")) if control.get("id") else None
        wrapping = next((a for a in control.ancestors() if a.tag == "label"), None)
        if explicit is not None or wrapping is not None:
            return (explicit or wrapping).text(), None  # type: ignore[union-attr]
    return control.get("aria-label") or control.get("placeholder") or control.get("title"), None


def _row_label(control: Node) -> tuple[str | None, Node | None]:
    """The last label-like element before the control inside its form row.

    Climbing stops at the first ancestor where another field sits between that label and the
    control: beyond that point the nearest label belongs to a different row.
    """
    group = control.get("name")
    node = control
    for _ in range(_ROW_DEPTH):
        parent = node.parent
        if parent is None:
            return None, None
        before: Node | None = None
        crossed = False
        for child in parent.iter():
            if child is control:
                break
            if child is not control and (
                (
                    child.tag in ("input", "select", "textarea")
                    and _control(child) is not None
                    and (not group or child.get("name") != group)
                    and not control.inside(functools.partial(operator.is_, child))
                )
                or _is_custom_root(child)
            ):
                before, crossed = None, True
            elif (
                _is_label(child)
                and not _contains_control(child)
                and child.get("for") in (None, "", control.get("id"))
            ):
                before = child
        if before is not None and clean(before.text()):
            return before.text(), parent
        if crossed:
            return None, None
        node = parent
    return None, None


def _is_custom_root(node: Node) -> bool:
    classes = node.classes
    return "mod-select-pc" in classes or "ant-select" in classes or node.get("role") == "combobox"


def _is_label(node: Node) -> bool:
    if node.tag == "label":
        return True
    return any(
        token in ("label", "field-title", "upload-title", "item-title", "form-item-title")
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
