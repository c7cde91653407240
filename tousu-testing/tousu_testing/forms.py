"""Moves on the mock shop's React forms, as the shopper makes them after Tousu pre-filled.

The forms' DOM and their test hook are described in docs/mockshop.md: every form exposes
`window.__tousuMockForm` (`state()` is what it would submit, `submitted` whether its own submit
handler ran).
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

SUBMIT_LABELS = ("提交投诉", "提交申请", "提交")


def settled_state(form: Page) -> dict[str, Any]:
    """The form's own state once no cascade is re-rendering it."""
    form.wait_for_function("window.__tousuMockForm && !window.__tousuMockForm.state().adjusting")
    return form.evaluate("window.__tousuMockForm.state()")


def was_submitted(form: Page) -> bool:
    return bool(form.evaluate("window.__tousuMockForm.submitted"))


def choose_if_empty(form: Page, field: str) -> None:
    """The shopper's choice for a required kit select the plan left empty (its first option)."""
    root = form.locator(f"{field} .mod-select-pc, {field}.mod-select-pc").first
    if root.count() == 0 or root.locator(".selected-wrap").inner_text().strip() != "请选择":
        return
    root.locator(".selected-wrap").click()
    root.locator(".options-item:not(.disabled)").first.click()
    settled_state(form)


def submit(form: Page) -> None:
    """Press the form's own submit, as only the shopper does (kit skin)."""
    for label in SUBMIT_LABELS:
        button = form.locator(".button-item:not(.disabled)", has_text=label)
        if button.count():
            button.first.click()
            return
    raise AssertionError("no enabled submit on the form: a required field is still empty")
