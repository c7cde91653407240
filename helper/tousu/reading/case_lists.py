"""The complaint list (投诉管理) and refund list (退款管理): one CaseRow per case, for tracking.

Complaint rows link with `bizOrderId=` and show status in `span.rights-*` and a `span.time`.
Refund rows are a grid under headers 订单号 / 退款编号 / … / 退款状态; columns are found by
header text, and rows without a header fall back to their links.
"""

from __future__ import annotations

import re

from tousu.models import CaseRow, ReadingWarning

from . import dom, kinds
from .common import as_id, clean, url_id
from .dom import Node

_ROW_TAGS = ("tr", "li")
_CASE_ID = re.compile(r"(?:投诉编号|投诉单号|退款编号|编号)\s*[:：]?\s*(\d{6,25})")
_TIME = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def read(html: str, url: str, family: str, warnings: list[ReadingWarning]) -> list[CaseRow]:
    root = dom.parse(html)
    if family == kinds.REFUND_LIST:
        rows = _table_rows(root)
        if rows:
            return rows
    return _linked_rows(root, family)


def _table_rows(root: Node) -> list[CaseRow]:
    """Rows of a table or grid whose header has 订单号 and 退款状态 (or 状态)."""
    cases: list[CaseRow] = []
    for header in root.find_all(lambda n: n.tag in ("tr", "div") and _is_header(n)):
        cells = _cells(header)
        names = [clean(c.text()) or "" for c in cells]
        columns = {name: i for i, name in enumerate(names)}
        status_col = next((i for n, i in columns.items() if "状态" in n), None)
        if status_col is None:
            continue
        row = _next_sibling(header)
        while row is not None:
            values = [clean(c.text()) or "" for c in _cells(row)]
            if len(values) == len(names):
                order_id = as_id(_digits(values[columns["订单号"]])) if "订单号" in columns else None
                case_col = next((i for n, i in columns.items() if "退款编号" in n or n == "编号"), None)
                time_col = next((i for n, i in columns.items() if "时间" in n), None)
                if values[status_col]:
                    cases.append(
                        CaseRow(
                            order_id=order_id,
                            case_id=_digits(values[case_col]) if case_col is not None else None,
                            status_text=values[status_col],
                            updated_at=(values[time_col] or None) if time_col is not None else None,
                        )
                    )
            row = _next_sibling(row)
        if cases:
            return cases
    return cases


def _is_header(node: Node) -> bool:
    cells = _cells(node)
    if len(cells) < 3:
        return False
    names = [clean(c.text()) or "" for c in cells]
    return "订单号" in names and any("状态" in n for n in names)


def _cells(row: Node) -> list[Node]:
    if row.tag == "tr":
        return [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
    return [c for c in row.children if isinstance(c, Node)]


def _next_sibling(node: Node) -> Node | None:
    parent = node.parent
    if parent is None:
        return None
    siblings = [c for c in parent.children if isinstance(c, Node)]
    index = next(i for i, c in enumerate(siblings) if c is node)
    if index + 1 < len(siblings):
        return siblings[index + 1]
    # Header in <thead>, rows in the following <tbody>.
    if parent.tag == "thead":
        body = _next_sibling(parent)
        if body is not None and body.tag == "tbody":
            rows = [c for c in body.children if isinstance(c, Node)]
            return rows[0] if rows else None
    return None


def _linked_rows(root: Node, family: str) -> list[CaseRow]:
    keys = ("bizOrderId", "biz_order_id", "orderId")
    cases: list[CaseRow] = []
    seen: set[int] = set()
    for link in root.find_all(lambda n: n.tag == "a" and any(f"{k}=" in (n.get("href") or "") for k in keys)):
        row = next(
            (
                a
                for a in link.ancestors()
                if a.tag in _ROW_TAGS or any("item" in c.lower() or "row" in c.lower() for c in a.classes)
            ),
            None,
        )
        if row is None or id(row) in seen:
            continue
        seen.add(id(row))
        order_id = url_id(link.get("href"), *keys)
        status = row.find(lambda n: any(c.startswith("rights-") for c in n.classes)) or row.find(
            lambda n: any("status" in c.lower() for c in n.classes)
        )
        time_node = row.find(lambda n: n.has_class("time") or any("time" in c.lower() for c in n.classes))
        text = row.text()
        case_id = None
        for anchor in row.by_tag("a"):
            case_id = case_id or url_id(
                anchor.get("href"), "complaintId", "disputeId", "refundId", "caseId", "id"
            )
        match = _CASE_ID.search(text)
        case_id = case_id or (match.group(1) if match else None)
        time_text = clean(time_node.text()) if time_node else None
        if time_text is None:
            found = _TIME.search(text)
            time_text = found.group() if found else None
        status_text = clean(status.text()) if status else None
        if not status_text:
            continue
        cases.append(
            CaseRow(order_id=order_id, case_id=case_id, status_text=status_text, updated_at=time_text)
        )
    return cases


def _digits(text: str) -> str | None:
    match = re.search(r"\d{6,25}", text or "")
    return match.group() if match else None
