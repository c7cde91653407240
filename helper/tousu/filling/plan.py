"""plan_fill: which control gets which value, decided once for the content script."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..models import FillInput, FillPlan, FillStep, FormField, Reading
from ..models.fill import AffectedItem, LeftField
from ..models.locator import ElementRef
from .matching import find_field, labels, match_option, norm, option_texts
from .uploads import choose_files


class FillError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _evidence_text(names: list[str]) -> str:
    return "\n".join(f"{i}. {name}" for i, name in enumerate(names, 1))


class _Planner:
    def __init__(self, reading: Reading, case: FillInput, items: list[AffectedItem]):
        assert reading.form is not None
        self.kind = reading.kind
        self.fields = reading.form.fields
        self.case = case
        self.items = items
        self.labels = labels()[reading.kind]
        self.steps: list[FillStep] = []
        self.left: list[LeftField] = []
        self.warnings: list[str] = []
        self.taken: set[int] = set()

    def field(self, role: str) -> FormField | None:
        field = find_field(self.fields, self.labels.get(role, []), self.taken)
        if field is None:
            return None
        self.taken.add(id(field))
        if field.locator is not None and field.locator.widget == "unknown":
            # Its label is on the form but its control is of no kind Tousu knows how to operate.
            self.leave(field.label, "unknown_widget")
            self.warnings.append(f"「{field.label}」这个控件无法自动填写，请手动填写。")
            return None
        return field

    def _left_role(self, role: str) -> bool:
        wanted = {norm(s) for s in self.labels.get(role, [])}
        return any(norm(f.label) in wanted for f in self.left)

    def leave(self, label: str, reason: str) -> None:
        if all(f.label != label for f in self.left):
            self.left.append(LeftField(label=label, reason=reason))

    # ------------------------------------------------------------ by widget

    def choose(self, role: str, value: str | None) -> None:
        field = self.field(role)
        if field is None:
            if value and not self._left_role(role):
                self.warnings.append(f"表单上没有找到「{self.labels[role][0]}」，请手动填写。")
            return
        if not value:
            self.leave(field.label, "no_value")
            return
        texts = option_texts(field)
        fallback = labels()["fallback_option"]
        if not texts and field.control == "select":
            # Options in a popup (Fusion, antd) are not in the snapshot: the content script
            # matches the text when the list is open, and takes 其他 only if it is missing.
            self.steps.append(self._step(field, value, alternatives=[fallback]))
            return
        chosen = match_option(texts, value)
        if chosen is None and fallback in texts:
            self.warnings.append(f"「{field.label}」没有「{value}」这一项，已选「{fallback}」，请核对。")
            chosen = fallback
        if chosen is None:
            self.warnings.append(f"「{field.label}」没有「{value}」这一项，请手动选择。")
            self.leave(field.label, "no_option")
            return
        step = self._step(field, chosen)
        if field.control in ("radio", "checkbox") and field.locator is not None:
            index = texts.index(chosen)
            target = field.locator.target
            step.choice = ElementRef(selector=target.selector, ordinal=target.ordinal + index)
        self.steps.append(step)

    def write(self, role: str, value: str | None) -> None:
        field = self.field(role)
        if field is None:
            if value and not self._left_role(role):
                self.warnings.append(f"表单上没有找到「{self.labels[role][0]}」，请手动填写。")
            return
        if not value:
            self.leave(field.label, "no_value")
            return
        note = None
        limit = field.locator.max_length if field.locator else None
        if limit and len(value) > limit:
            value, note = value[:limit], "too_long"
            self.warnings.append(f"「{field.label}」最多 {limit} 字，已截断，请核对结尾。")
        step = self._step(field, value)
        step.note = note
        self.steps.append(step)

    def amount(self) -> None:
        field = self.field("amount")
        if field is None:
            return
        wanted = self.case.amount
        if wanted is None:
            self.leave(field.label, "shopper_only")
            return
        note = None
        maximum = field.locator.max_amount if field.locator else None
        try:
            if maximum is not None and Decimal(wanted) > Decimal(maximum):
                wanted, note = f"{Decimal(maximum):.2f}", "above_max"
                self.warnings.append(f"「{field.label}」最多 ¥{maximum}，已按最多填写。")
        except InvalidOperation:
            pass
        step = self._step(field, wanted)
        step.note = note
        self.steps.append(step)

    def uploads(self) -> None:
        field = self.field("uploads")
        if field is None:
            return
        limit = field.locator.max_files if field.locator else None
        ready, missing, cut = choose_files(self.case, limit)
        for item in missing:
            self.leave(item.file_name, "no_file_bytes")
        for item in cut:
            self.leave(item.file_name, "limit_reached")
        if cut:
            self.warnings.append(f"「{field.label}」最多 {limit} 个文件，另有 {len(cut)} 个未上传。")
        if not ready:
            self.leave(field.label, "shopper_only")
            return
        step = self._step(field, None)
        step.files = ready
        self.steps.append(step)

    def order_items(self) -> None:
        field = self.field("items")
        if field is None or not self.items:
            return
        texts = option_texts(field)
        values = {o.value: o.text for o in field.options}
        for item in self.items:
            title = self.case.item_titles.get(item.sub_order_id, "")
            chosen = values.get(item.sub_order_id) or (match_option(texts, title) if title else None)
            if chosen is None or field.locator is None:
                self.leave(title or item.sub_order_id, "no_option")
                continue
            step = self._step(field, chosen)
            target = field.locator.target
            step.choice = ElementRef(selector=target.selector, ordinal=target.ordinal + texts.index(chosen))
            self.steps.append(step)
            quantity = next((f for f in self.fields if _belongs_to(f, chosen)), None)
            if quantity is not None:
                self.taken.add(id(quantity))
                self.steps.append(self._step(quantity, str(item.quantity)))

    def _step(self, field: FormField, value: str | None, alternatives: list[str] | None = None) -> FillStep:
        return FillStep(
            label=field.label,
            control=field.control,
            value=value,
            locator=field.locator,
            alternatives=alternatives or [],
        )


def _belongs_to(field: FormField, option: str) -> bool:
    return bool(field.locator and field.locator.option and norm(field.locator.option) == norm(option))


def _check_order(reading: Reading, case: FillInput, items: list[AffectedItem]) -> None:
    form = reading.form
    assert form is not None
    accepted = {case.order_id, *case.sub_order_ids}
    if form.order_id is not None and form.order_id not in accepted:
        # Filling another order's form is the one mistake that must never happen.
        raise FillError("wrong_order", f"The form is for order {form.order_id}, not {case.order_id}.")
    chosen = {i.sub_order_id for i in items}
    if reading.kind == "refund_form" and chosen and form.order_id not in (None, *chosen):
        # After-sales is per sub-order: the form must be the chosen item's.
        raise FillError("wrong_item", f"The form is for sub-order {form.order_id}, not the chosen item.")


def plan_fill(
    reading: Reading, case: FillInput, affected_items: list[AffectedItem] | None = None
) -> FillPlan:
    if reading.kind in ("verification", "login"):
        # Taobao put a check in place of the form: only the shopper can pass it; waiting for a
        # form to appear would only delay telling them.
        raise FillError(reading.kind, "Taobao shows a verification or login page instead of the form.")
    if reading.kind not in ("complaint_form", "refund_form") or reading.form is None:
        raise FillError("not_a_form", "This page is not a complaint or after-sales form.")
    items = list(affected_items or [])
    _check_order(reading, case, items)
    form = reading.form
    planner = _Planner(reading, case, items)
    # Here, not at import: the advice rules load in tousu serve's start-up thread, off /ping's path.
    from ..advice.rules import remedy_info, type_info

    info = type_info(case.type)
    remedy = remedy_info(case.remedy).name if case.remedy else None
    if form.order_id is None:
        planner.warnings.append("表单上没有找到订单号，请确认这是要投诉的订单。")

    # Visual order: a choice made higher up re-renders the fields below it.
    if reading.kind == "complaint_form":
        planner.choose("reason", info.complaint_category)
        planner.choose("sub_reason", case.reason)
        planner.order_items()
        planner.write("description", case.description)
        planner.choose("demand", remedy)
        planner.write("evidence", _evidence_text(case.evidence) if case.evidence else None)
    else:
        planner.choose("request_type", case.request_type or info.after_sales_request_type or remedy)
        planner.choose("reason", case.reason or info.after_sales_reason)
        planner.amount()
        planner.write("description", case.description)
    planner.uploads()

    for field in form.fields:
        if id(field) in planner.taken:
            continue
        if field.locator is not None and field.locator.widget == "unknown":
            continue  # a label-like text with no control: reported only when a role needs it
        if find_field([field], planner.labels["shopper_only"], set()) is not None:
            planner.leave(field.label, "shopper_only")
        elif field.required:
            planner.leave(field.label, "no_value")
    on_form = {f.label for f in form.fields}
    return FillPlan(
        kind=reading.kind,
        order_id=form.order_id or case.order_id,
        steps=planner.steps,
        left_for_shopper=[f.label for f in planner.left if f.label in on_form],
        warnings=planner.warnings,
        left=planner.left,
    )
