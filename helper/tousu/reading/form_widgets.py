"""Custom form widgets and element references, for the form reader (forms.py).

Taobao's forms draw selects without a `<select>`: the refund kit's `.mod-select-pc` (options
inside the component), Fusion Next's `.next-select` and antd's `.ant-select` (options in a popup
attached to body), or anything with `role=combobox`. Each is found once here, and every control
gets an `ElementRef` (a selector the content script can query, plus the ordinal among its
matches) so the extension never has to pair labels with controls on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tousu.models.locator import ElementRef, FieldLocator, WidgetKind, WidgetKit

from .common import clean
from .dom import Node


@dataclass(frozen=True)
class Sel:
    """A selector both the reader (on the snapshot) and the browser (querySelectorAll) evaluate
    the same way: a tag, exact attribute values and at most one class."""

    tag: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()
    cls: str | None = None

    def css(self) -> str:
        out = self.tag or "*"
        for name, value in self.attrs:
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            out += f'[{name}="{escaped}"]'
        if self.cls:
            out += f'[class~="{self.cls}"]'
        return out

    def matches(self, node: Node) -> bool:
        if self.tag and node.tag != self.tag:
            return False
        if self.cls and self.cls not in node.classes:
            return False
        return all(node.get(name) == value for name, value in self.attrs)


def ref(root: Node, node: Node, sel: Sel) -> ElementRef:
    ordinal = 0
    for candidate in root.iter():
        if candidate is node:
            return ElementRef(selector=sel.css(), ordinal=ordinal)
        if sel.matches(candidate):
            ordinal += 1
    return ElementRef(selector=sel.css(), ordinal=0)


def _stable_class(node: Node) -> str | None:
    # Hashed CSS-module names (title--pLEC2yiw) change with every build: never a selector.
    for token in node.classes:
        if not re.search(r"--|__|_[A-Za-z0-9]{5,}$", token) and not token.startswith("tousu-"):
            return token
    return None


def element_ref(root: Node, node: Node) -> ElementRef:
    """The most stable reference to `node`: its id, its name, a plain class, or its tag."""
    if node.id and not node.id.isdigit():
        return ref(root, node, Sel(node.tag, (("id", node.id),)))
    if node.tag in ("input", "select", "textarea") and node.get("name"):
        attrs: tuple[tuple[str, str], ...] = (("name", node.get("name") or ""),)
        if node.tag == "input" and node.get("type"):
            attrs = (("type", node.get("type") or ""), *attrs)
        return ref(root, node, Sel(node.tag, attrs))
    cls = _stable_class(node)
    return ref(root, node, Sel(node.tag, cls=cls))


@dataclass
class CustomSelect:
    node: Node
    kit: WidgetKit
    label: str | None
    options: list[str]
    shown: str | None
    target: ElementRef


def _first_line(node: Node) -> str:
    # An option may carry a desc/subtitle line under its name: the name is what the site shows.
    for child in node.children:
        text = clean(child if isinstance(child, str) else child.text())
        if text:
            return text
    return ""


def _kit(node: Node) -> WidgetKit | None:
    classes = node.classes
    if "mod-select-pc" in classes:
        return "ultron"
    if "next-select" in classes and not node.inside(lambda a: "next-select" in a.classes):
        return "fusion"
    if "ant-select" in classes:
        return "antd"
    aria = node.get("role") == "combobox" or node.get("aria-haspopup") == "listbox"
    if aria and not node.inside(lambda a: _kit(a) is not None):
        return "aria"
    return None


def custom_selects(root: Node) -> list[CustomSelect]:
    found: list[CustomSelect] = []
    for node in root.iter():
        kit = _kit(node)
        if kit is None or node.inside(lambda a: _kit(a) is not None):
            continue
        if kit == "aria" and node.tag == "select":
            continue  # a native select with a role is still a native select
        label = None
        options: list[str] = []
        shown = None
        if kit == "ultron":
            title = node.find(lambda n: "select-title" in n.classes)
            label = title.text() if title else None
            options = [t for t in (_first_line(o) for o in node.find_all(_is_ultron_option)) if t]
            wrap = node.find(lambda n: "selected-wrap" in n.classes)
            shown = clean(wrap.text()) if wrap else None
            target = ref(root, node, Sel(cls="mod-select-pc"))
        elif kit == "fusion":
            target = ref(root, node, Sel(cls="next-select"))
            em = node.find(lambda n: n.tag == "em" and n.get("title") is not None)
            shown = em.get("title") if em else None
        elif kit == "antd":
            target = ref(root, node, Sel(cls="ant-select"))
            item = node.find(lambda n: "ant-select-selection-item" in n.classes)
            shown = (item.get("title") or clean(item.text())) if item else None
        else:
            sel = Sel(node.tag, (("role", "combobox"),)) if node.get("role") == "combobox" else None
            sel = sel or Sel(node.tag, (("aria-haspopup", "listbox"),))
            target = ref(root, node, sel)
            label = node.get("aria-label")
            shown = clean(node.text()) or node.get("value")
        found.append(CustomSelect(node, kit, label, options, shown, target))
    return found


def _is_ultron_option(node: Node) -> bool:
    return "options-item" in node.classes


def in_custom_select(node: Node) -> bool:
    return node.inside(lambda a: _kit(a) is not None) or (
        node.get("role") == "combobox" and node.tag == "input"
    )


_COUNTER = re.compile(r"(\d+)\s*/\s*(\d+)")
_MAX_CHARS = re.compile(r"(?:最多|不超过|限)\s*(\d+)\s*(?:个)?字|(\d+)\s*字以内")
_MAX_FILES = re.compile(r"(?:最多|不超过|至多)\s*(?:可?上传)?\s*(\d+)\s*(?:张|个|份)")
_MAX_AMOUNT = re.compile(r"最多\s*(?:可退)?\s*[￥¥]\s*([\d,]+(?:\.\d{1,2})?)")


def limit_from_text(kind: str, text: str) -> int | str | None:
    """A limit the page prints next to a control: characters, files or the refund maximum."""
    if kind == "chars":
        match = _MAX_CHARS.search(text)
        if match:
            return int(match.group(1) or match.group(2))
        counter = _COUNTER.search(text)
        return int(counter.group(2)) if counter else None
    if kind == "files":
        match = _MAX_FILES.search(text)
        if match:
            return int(match.group(1))
        counter = _COUNTER.search(text)
        return int(counter.group(2)) if counter else None
    match = _MAX_AMOUNT.search(text)
    return match.group(1).replace(",", "") if match else None


def _widget(kind: str) -> WidgetKind:
    if kind == "select":
        return "native_select"
    return kind  # type: ignore[return-value]


def locator_for(root: Node, control: Node, kind: str, label: str, scope: Node | None) -> FieldLocator:
    """A native control's locator, with the limits printed in its form row."""
    scope_text = scope.text() if scope is not None else ""
    max_length = None
    if kind in ("text", "textarea"):
        attr = control.get("maxlength")
        max_length = int(attr) if attr and attr.isdigit() else None
        if max_length is None and kind == "textarea":
            found = limit_from_text("chars", scope_text + " " + (control.get("placeholder") or ""))
            max_length = found if isinstance(found, int) else None
    max_files = None
    if kind == "file":
        attr = control.get("data-max") or control.get("data-limit")
        found = int(attr) if attr and attr.isdigit() else limit_from_text("files", scope_text)
        max_files = found if isinstance(found, int) else None
    max_amount = limit_from_text("amount", scope_text) if kind == "text" else None
    return FieldLocator(
        widget=_widget(kind),
        target=element_ref(root, control),
        scope=element_ref(root, scope) if scope is not None else None,
        label=label,
        max_length=max_length,
        max_files=max_files,
        max_amount=max_amount if isinstance(max_amount, str) else None,
        multiple="multiple" in control.attrs,
    )
