"""Evidence attached to a case: metadata always, the bytes when the extension sends them."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any

from ..models.case import Evidence, EvidenceCreate, EvidenceList
from .cases import append_event, evidence_from_row, require_case, touch
from .db import Store, iso
from .errors import InvalidData, TooLarge
from .files import has_blob, put_blob
from .ids import new_id

# chrome.tabs.captureVisibleTab answers with a data: URL; plain base64 is accepted as well.
_DATA_URL = re.compile(r"^data:(?P<type>[^;,]*)(?:;[^;,]*)*;base64,", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")
# Cheap checks that the bytes are what the declared type says (a mislabelled file is a bug).
_MAGIC = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "application/pdf": (b"%PDF-",),
}


def decode_content(text: str, media_type: str, max_bytes: int) -> bytes:
    match = _DATA_URL.match(text)
    if match:
        declared = match["type"].strip().lower()
        if declared and declared != media_type:
            raise InvalidData(
                "media_type_mismatch",
                f"The data URL says {declared} but media_type says {media_type}.",
            )
        text = text[match.end() :]
    payload = _WHITESPACE.sub("", text)
    # Refuse before decoding: base64 is 4 characters per 3 bytes.
    if len(payload) > (max_bytes + 2) // 3 * 4:
        raise TooLarge("evidence_too_large", f"Evidence files are limited to {max_bytes} bytes.")
    try:
        content = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidData("invalid_base64", "content_base64 is not valid base64.") from None
    if not content:
        raise InvalidData("empty_evidence", "The evidence file is empty.")
    if len(content) > max_bytes:
        raise TooLarge("evidence_too_large", f"Evidence files are limited to {max_bytes} bytes.")
    magic = _MAGIC.get(media_type)
    if magic and not content.startswith(magic):
        raise InvalidData("media_type_mismatch", f"The bytes are not {media_type}.")
    return content


def add_evidence(store: Store, case_id: str, data: EvidenceCreate) -> tuple[Evidence, bool]:
    """Record a piece of evidence; returns it and whether it is new.

    The same file proving the same thing for the same case is not recorded twice. Recording
    evidence ticks its code on the case's checklist.
    """
    content = None
    sha256, size = data.sha256, data.size
    if data.content_base64 is not None:
        content = decode_content(data.content_base64, data.media_type, store.max_evidence_bytes)
        actual = hashlib.sha256(content).hexdigest()
        if sha256 is not None and sha256 != actual:
            raise InvalidData(
                "hash_mismatch",
                "The bytes do not match the declared sha256 (damaged in transit?).",
                [f"declared {sha256}", f"actual {actual}"],
            )
        if size is not None and size != len(content):
            raise InvalidData("size_mismatch", f"Declared {size} bytes, received {len(content)}.")
        sha256, size = actual, len(content)
    if sha256 is None:  # EvidenceCreate already refuses this; kept for direct callers
        raise InvalidData("missing_hash", "Give the bytes or their sha256.")

    now = store.now()
    with store.write() as conn:
        case = require_case(conn, case_id)
        existing = conn.execute(
            "SELECT * FROM evidence WHERE case_id = ? AND sha256 = ? AND code = ?",
            (case_id, sha256, data.code),
        ).fetchone()
        if existing is not None:
            if content is not None and not existing["stored"]:
                put_blob(store, sha256, content)
                conn.execute("UPDATE evidence SET stored = 1 WHERE id = ?", (existing["id"],))
                existing = conn.execute("SELECT * FROM evidence WHERE id = ?", (existing["id"],)).fetchone()
            return evidence_from_row(existing), False

        if content is not None:
            put_blob(store, sha256, content)
        evidence_id = new_id()
        conn.execute(
            "INSERT INTO evidence (id, case_id, code, file_name, sha256, size, media_type, "
            "captured_at, source_url, note, stored, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                evidence_id,
                case_id,
                data.code,
                data.file_name,
                sha256,
                size,
                data.media_type,
                iso(data.captured_at) if data.captured_at else None,
                data.source_url,
                data.note,
                # Bytes sent now, or the same bytes already kept for another case.
                int(content is not None or has_blob(store, sha256)),
                iso(now),
            ),
        )
        ticks = json.loads(case["evidence_ticks"])
        detail: dict[str, Any] = {
            "evidence_id": evidence_id,
            "code": data.code,
            "sha256": sha256,
            "file_name": data.file_name,
        }
        if data.code not in ticks:
            conn.execute(
                "UPDATE cases SET evidence_ticks = ? WHERE id = ?", (json.dumps([*ticks, data.code]), case_id)
            )
            detail["ticked"] = True
        append_event(conn, case_id, "evidence_added", now, detail)
        touch(conn, case_id, now)
        row = conn.execute("SELECT * FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
    return evidence_from_row(row), True


def list_evidence(store: Store, case_id: str) -> EvidenceList:
    with store.read() as conn:
        require_case(conn, case_id)
        rows = conn.execute(
            "SELECT * FROM evidence WHERE case_id = ? ORDER BY added_at, seq", (case_id,)
        ).fetchall()
    return EvidenceList(evidence=[evidence_from_row(r) for r in rows])
