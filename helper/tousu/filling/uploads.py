"""Which saved files go to a form's uploader: the checklist's order, within the shown limit."""

from __future__ import annotations

from ..models.fill import Attachment, FillInput


def choose_files(
    case: FillInput, limit: int | None
) -> tuple[list[Attachment], list[Attachment], list[Attachment]]:
    """(files to upload, files without bytes in the extension, files beyond the limit)."""
    rank = {code: i for i, code in enumerate(case.evidence_codes)}
    indexed = list(enumerate(case.attachments))
    # Checklist order first; files proving the same item keep the order they were saved in.
    indexed.sort(key=lambda pair: (rank.get(pair[1].code, len(rank)), pair[0]))
    seen: set[str] = set()
    ready: list[Attachment] = []
    missing: list[Attachment] = []
    for _, item in indexed:
        if item.sha256 in seen:
            continue
        seen.add(item.sha256)
        (ready if item.available else missing).append(item)
    if limit is not None and len(ready) > limit:
        return ready[:limit], missing, ready[limit:]
    return ready, missing, []
