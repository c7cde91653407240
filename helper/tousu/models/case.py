"""Cases the shopper tracks: the order, the complaint, its lifecycle, events and evidence."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, model_validator

from .advice import TypeCode
from .base import ChinaTime, IdString, Model, Money, StrictModel
from .order import Item, Order, Platform

CaseStatus = Literal[
    "draft",
    "filed",
    "seller_responded",
    "platform_intervening",
    "resolved",
    "escalated",
    "closed",
]
CASE_STATUSES: tuple[str, ...] = CaseStatus.__args__  # type: ignore[attr-defined]

# What the shopper does next (tousu.cases.next_step decides it; the extension localises the code).
NextCode = Literal[
    "file",
    "submit_form",
    "wait_seller",
    "seller_answered",
    "platform",
    "resolved",
    "escalated",
    "closed",
]
NEXT_CODES: tuple[str, ...] = NextCode.__args__  # type: ignore[attr-defined]

# Evidence, remedy and event codes share the snake_case shape of the advice rule files.
Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
# Time-ordered hex ids (see store.ids): sortable, and never mistaken for an order id.
CaseId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
Sha256 = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else v),
    StringConstraints(pattern=r"^[0-9a-f]{64}$"),
]
MediaType = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else v),
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$"),
]

_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


def _file_name(value: str) -> str:
    # The name is only a label, but it ends up in exports and on screen: no paths, no controls,
    # and none of the invisible ones (U+202E turns "photo\u202egnp.exe" into "photoexe.png" on
    # screen; zero-width and bidi marks make two names look alike): Unicode categories C*, Zl, Zp.
    if (
        _UNSAFE_NAME.search(value)
        or value in (".", "..")
        or any(unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp") for ch in value)
    ):
        raise ValueError("a file name without path separators, control or invisible characters")
    return value


FileName = Annotated[str, StringConstraints(min_length=1, max_length=255), AfterValidator(_file_name)]

# Far beyond any evidence file, and within SQLite's 64-bit integers.
MAX_SIZE = 10**15

# Small, free-form JSON attached to an event; the size is checked by the store.
EventDetail = dict[str, Any]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


EvidenceTicks = Annotated[list[Code], Field(max_length=100), AfterValidator(_unique)]


class CaseEvent(Model):
    """One dated entry in a case's history; every change to a case appends one."""

    id: CaseId
    case_id: CaseId
    type: Code
    at: ChinaTime
    detail: EventDetail = Field(default_factory=dict)


class Evidence(Model):
    """A piece of evidence: what it proves, where it came from, and its hash."""

    id: CaseId
    case_id: CaseId
    code: Code
    file_name: FileName
    sha256: Sha256
    size: int | None = Field(default=None, ge=0, le=MAX_SIZE)
    media_type: MediaType
    captured_at: ChinaTime | None = None
    source_url: str | None = Field(default=None, max_length=8192)
    note: str | None = Field(default=None, max_length=2000)
    # True when the bytes are kept under DATA_DIR/evidence/<sha256>.
    stored: bool = False
    added_at: ChinaTime


class NextStep(Model):
    """The shopper's next step as a code, when to remind them, and values for its sentence."""

    code: NextCode
    due_at: ChinaTime | None = None
    params: dict[str, Any] = Field(default_factory=dict)


class EscalationReason(Model):
    code: Literal["closed", "refused", "overdue", "clock_passed"]
    params: dict[str, Any] = Field(default_factory=dict)


class Escalation(Model):
    """Whether to offer going further (客服介入 / 12315), why, and where."""

    offered: bool = False
    reasons: list[EscalationReason] = Field(default_factory=list)
    # False once the platform is already involved: asking it to step in again is pointless.
    platform_open: bool = True
    platform_url: str | None = None
    can_mark_escalated: bool = True


class Case(Model):
    id: CaseId
    order_id: IdString
    platform: Platform
    status: CaseStatus
    # The platform's own words for the status, as last read from a complaint or refund list.
    status_text: str | None = None
    # The platform's complaint or refund number (投诉编号 / 退款编号), once known.
    platform_case_id: str | None = None
    type: TypeCode
    problem: str
    remedy: Code | None = None
    demand: str | None = None
    demand_amount: Money | None = None
    draft: str | None = None
    evidence_ticks: list[Code] = Field(default_factory=list)
    next_action: str | None = None
    due_at: ChinaTime | None = None
    notes: str | None = None
    order: Order
    created_at: ChinaTime
    updated_at: ChinaTime
    events: list[CaseEvent] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    # Decided by the helper (tousu.cases.next_step); the extension only renders them.
    next_step: NextStep | None = None
    finished: bool = False
    overdue: bool = False
    escalation: Escalation | None = None
    title: str | None = None
    goods: list[Item] = Field(default_factory=list)
    lifecycle: list[CaseStatus] = Field(default_factory=list)
    complaint_url: str | None = None
    after_sales_url: str | None = None
    # The after-sales form per goods sub-order (sub_order_id -> URL), so the extension only opens
    # what the helper decided.
    after_sales_urls: dict[str, str] = Field(default_factory=dict)


class CaseSummary(Model):
    """A row of the case list: enough for the popup to show what needs doing."""

    id: CaseId
    order_id: IdString
    platform: Platform
    shop_name: str | None = None
    title: str | None = None
    type: TypeCode
    status: CaseStatus
    status_text: str | None = None
    next_action: str | None = None
    due_at: ChinaTime | None = None
    created_at: ChinaTime
    updated_at: ChinaTime
    next_step: NextStep | None = None
    finished: bool = False
    overdue: bool = False


class CaseList(Model):
    cases: list[CaseSummary]
    total: int


class DueCases(Model):
    before: ChinaTime
    cases: list[CaseSummary]
    total: int


class EvidenceList(Model):
    evidence: list[Evidence]


class Deleted(Model):
    ok: Literal[True] = True
    id: CaseId


# Request bodies ------------------------------------------------------------------------------

_Problem = Annotated[str, StringConstraints(min_length=1, max_length=5000)]
_Demand = Annotated[str, StringConstraints(max_length=2000)]
_Draft = Annotated[str, StringConstraints(max_length=20000)]
_Short = Annotated[str, StringConstraints(max_length=500)]
_Notes = Annotated[str, StringConstraints(max_length=20000)]
_PlatformCaseId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class CaseCreate(StrictModel):
    order: Order
    problem: _Problem
    type: TypeCode
    remedy: Code | None = None
    demand: _Demand | None = None
    demand_amount: Money | None = None
    draft: _Draft | None = None
    evidence_ticks: EvidenceTicks = Field(default_factory=list)
    # A shopper who already filed on the platform can start tracking at "filed".
    status: CaseStatus = "draft"
    platform_case_id: _PlatformCaseId | None = None
    next_action: _Short | None = None
    due_at: ChinaTime | None = None
    notes: _Notes | None = None
    # The next step when it is not the one the status implies (a form was pre-filled).
    next_code: NextCode | None = None
    # The advice's first running deadline: the helper caps the reminder by it (not stored).
    deadline: ChinaTime | None = None


# Fields PATCH may set but never clear: a case always has them.
_NOT_NULLABLE = ("status", "problem", "type", "evidence_ticks", "order")


class CasePatch(StrictModel):
    """A partial update: absent fields stay as they are, null clears an optional field."""

    status: CaseStatus | None = None
    # Lets the shopper make a transition the lifecycle would refuse ("I clicked the wrong one").
    correction: bool = False
    problem: _Problem | None = None
    type: TypeCode | None = None
    remedy: Code | None = None
    demand: _Demand | None = None
    demand_amount: Money | None = None
    draft: _Draft | None = None
    evidence_ticks: EvidenceTicks | None = None
    platform_case_id: _PlatformCaseId | None = None
    next_action: _Short | None = None
    due_at: ChinaTime | None = None
    notes: _Notes | None = None
    # A fresh reading of the same order (e.g. it has since been signed for).
    order: Order | None = None
    next_code: NextCode | None = None
    deadline: ChinaTime | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> CasePatch:
        given = self.model_fields_set
        cleared = [f for f in _NOT_NULLABLE if f in given and getattr(self, f) is None]
        if cleared:
            raise ValueError(f"cannot be cleared: {', '.join(cleared)}")
        return self


class EventCreate(StrictModel):
    type: Code
    at: ChinaTime | None = None
    detail: EventDetail = Field(default_factory=dict)


class EvidenceCreate(StrictModel):
    """Evidence metadata, optionally with its bytes (base64, or the data: URL that
    chrome.tabs.captureVisibleTab returns)."""

    code: Code
    file_name: FileName
    media_type: MediaType
    sha256: Sha256 | None = None
    size: int | None = Field(default=None, ge=0, le=MAX_SIZE)
    captured_at: ChinaTime | None = None
    source_url: str | None = Field(default=None, max_length=8192)
    note: str | None = Field(default=None, max_length=2000)
    content_base64: str | None = None

    @model_validator(mode="after")
    def _hash_or_bytes(self) -> EvidenceCreate:
        if self.content_base64 is None and self.sha256 is None:
            raise ValueError("give the bytes (content_base64) or at least their sha256")
        return self


class SyncRow(StrictModel):
    """A row of the platform's complaint or refund list (the shape of a reading's `cases`)."""

    order_id: IdString | None = None
    case_id: str | None = Field(default=None, max_length=64)
    status_text: str = Field(min_length=1, max_length=200)
    updated_at: str | None = Field(default=None, max_length=64)


class SyncRequest(StrictModel):
    cases: list[SyncRow] = Field(max_length=1000)
    kind: Literal["complaint_list", "refund_list"] | None = None


class SyncChange(Model):
    case_id: CaseId
    order_id: IdString
    platform_case_id: str | None = None
    from_status: CaseStatus
    to_status: CaseStatus
    previous_status_text: str | None = None
    status_text: str


class SyncResult(Model):
    changed: list[SyncChange] = Field(default_factory=list)
    # Case ids whose platform status text had not changed since the last sync.
    unchanged: list[CaseId] = Field(default_factory=list)
    # Rows that match no case (no case was opened in Tousu for that order).
    unmatched: list[SyncRow] = Field(default_factory=list)
    # Platform texts with no lifecycle mapping: the text is recorded, the status left alone.
    unrecognized: list[str] = Field(default_factory=list)


# Export and import ---------------------------------------------------------------------------

EXPORT_FORMAT: Literal["tousu.cases"] = "tousu.cases"


class ExportBundle(Model):
    format: Literal["tousu.cases"] = EXPORT_FORMAT
    format_version: Literal[1] = 1
    schema_version: int
    app_version: str
    exported_at: ChinaTime
    cases: list[Case]


class ImportSummary(Model):
    cases_added: int = 0
    cases_skipped: int = 0
    events_added: int = 0
    evidence_added: int = 0
    # Evidence whose bytes are not in this data directory (an export carries hashes, not files).
    evidence_files_missing: int = 0


class WipeSummary(Model):
    cases: int
    events: int
    evidence: int
    files: int
