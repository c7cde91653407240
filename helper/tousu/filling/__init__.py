"""Reading of a complaint/after-sales form + the case -> a fill plan the content script applies.

Controls are found by their visible label (labels.json), and select values by the option text
the form actually offers, so a renamed class or a reordered form does not break filling.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..advice import remedy_info, type_info
from ..models import FillInput, FillPlan, FillStep, FormField, Reading


class FillError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@cache
def _labels() -> dict:
    return json.loads(resources.files(__package__).joinpath("labels.json").read_text("utf-8"))


def _norm(text: str) -> str:
    return "".join(text.split()).rstrip(":：*").lstrip("*")


def _find(fields: list[FormField], synonyms: list[str]) -> FormField | None:
    wanted = [_norm(s) for s in synonyms]
    for field in fields:
        if _norm(field.label) in wanted:
            return field
    for field in fields:
        if any(w in _norm(field.label) for w in wanted):
            return field
    return None


def _option(field: FormField, text: str | None, warnings: list[str]) -> str | None:
    """The option text on this form that best matches `text`, else the form's 其他."""
    if not text:
        return None
    texts = [o.text for o in field.options if o.value or o.text]
    for candidate in texts:
        if _norm(candidate) == _norm(text):
            return candidate
    for candidate in texts:
        if _norm(text) in _norm(candidate) or (_norm(candidate) and _norm(candidate) in _norm(text)):
            return candidate
    fallback = _labels()["fallback_option"]
    if fallback in texts:
        warnings.append(f"「{field.label}」没有「{text}」这一项，已选「{fallback}」，请核对。")
        return fallback
    warnings.append(f"「{field.label}」没有「{text}」这一项，请手动选择。")
    return None


def _step(field: FormField, value: str | None) -> FillStep | None:
    if value is None or field.control == "file":
        return None
    return FillStep(label=field.label, control=field.control, value=value)


def _evidence_text(names: list[str]) -> str:
    return "\n".join(f"{i}. {name}" for i, name in enumerate(names, 1))


def plan_fill(reading: Reading, case: FillInput) -> FillPlan:
    if reading.kind not in ("complaint_form", "refund_form") or reading.form is None:
        raise FillError("not_a_form", "This page is not a complaint or after-sales form.")
    form = reading.form
    accepted = {case.order_id, *case.sub_order_ids}
    if form.order_id is not None and form.order_id not in accepted:
        # Filling another order's form is the one mistake that must never happen.
        raise FillError("wrong_order", f"The form is for order {form.order_id}, not {case.order_id}.")

    labels = _labels()[reading.kind]
    info = type_info(case.type)
    remedy = remedy_info(case.remedy).name if case.remedy else None
    warnings: list[str] = []
    if form.order_id is None:
        warnings.append("表单上没有找到订单号，请确认这是要投诉的订单。")

    wanted: list[tuple[str, str | None]]
    if reading.kind == "complaint_form":
        wanted = [
            ("reason", info.complaint_category),
            ("description", case.description),
            ("demand", remedy),
            ("evidence", _evidence_text(case.evidence) if case.evidence else None),
        ]
    else:
        wanted = [
            ("request_type", case.request_type or info.after_sales_request_type or remedy),
            ("reason", case.reason or info.after_sales_reason),
            ("description", case.description),
        ]

    steps: list[FillStep] = []
    for role, value in wanted:
        field = _find(form.fields, labels[role])
        if field is None:
            if value:
                warnings.append(f"表单上没有找到「{labels[role][0]}」，请手动填写。")
            continue
        if field.control in ("select", "radio"):
            value = _option(field, value, warnings)
        step = _step(field, value)
        if step is not None:
            steps.append(step)

    left = [f.label for f in form.fields if _find([f], labels["shopper_only"]) is not None]
    return FillPlan(
        kind=reading.kind,
        order_id=form.order_id or case.order_id,
        steps=steps,
        left_for_shopper=left,
        warnings=warnings,
    )
