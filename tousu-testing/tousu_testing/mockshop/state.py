"""The mock's mutable state: recorded form submissions, complaint/refund cases, admin faults.

In memory by default. With a state file every access re-reads the file when it changed and every
change rewrites it atomically, so a second process (``tousu mock`` CLI) can move a case on while
the server runs.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from .timeutil import fmt

Kind = Literal["complaint", "refund"]

COMPLAINT_STATUS: dict[str, str] = {
    "pending_seller": "等待卖家处理",
    "seller_responded": "卖家已处理",
    "platform_intervening": "淘宝处理中",
    "upheld": "投诉成立",
    "rejected": "投诉不成立",
    "closed": "投诉已完结",
}
REFUND_STATUS: dict[str, str] = {
    "pending_seller": "等待卖家处理",
    "seller_responded": "卖家已处理",
    "seller_refused": "卖家拒绝退款",
    "awaiting_return": "待买家退货",
    "platform_intervening": "淘宝介入处理中",
    "upheld": "退款成功",
    "rejected": "退款关闭",
    "closed": "退款关闭",
}
STATUS_TEXTS: dict[str, dict[str, str]] = {"complaint": COMPLAINT_STATUS, "refund": REFUND_STATUS}


class StateError(ValueError):
    pass


def status_code(kind: str, status: str) -> str:
    """Accept a status code or its Chinese text; return the code."""
    table = STATUS_TEXTS[kind]
    if status in table:
        return status
    for code, text in table.items():
        if text == status:
            return code
    raise StateError(
        f"unknown {kind} status {status!r}; use one of {list(table)} or {list(dict.fromkeys(table.values()))}"
    )


def _empty() -> dict[str, Any]:
    return {"submissions": [], "cases": {}, "faults": {}, "counter": 0, "now": None}


class MockState:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._path = Path(path) if path else None
        self._lock = threading.RLock()
        self._data = _empty()
        self._mtime: float | None = None
        if self._path is not None and self._path.exists():
            self._read()

    # ------------------------------------------------------------ persistence

    def _read(self) -> None:
        assert self._path is not None
        try:
            self._data = {**_empty(), **json.loads(self._path.read_text(encoding="utf-8"))}
            self._mtime = self._path.stat().st_mtime_ns
        except (OSError, json.JSONDecodeError) as exc:
            raise StateError(f"cannot read mock state file {self._path}: {exc}") from exc

    def _write(self) -> None:
        assert self._path is not None
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".mockstate-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._data, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, self._path)
        self._mtime = self._path.stat().st_mtime_ns

    @contextlib.contextmanager
    def _txn(self, write: bool) -> Iterator[dict[str, Any]]:
        with self._lock:
            path = self._path
            if path is not None and path.exists() and path.stat().st_mtime_ns != self._mtime:
                self._read()
            yield self._data
            if write and self._path is not None:
                self._write()

    # ------------------------------------------------------------ reading

    def snapshot(self) -> dict[str, Any]:
        with self._txn(write=False) as data:
            return copy.deepcopy(data)

    def submissions(self) -> list[dict[str, Any]]:
        with self._txn(write=False) as data:
            return copy.deepcopy(data["submissions"])

    def cases(self, kind: Kind | None = None) -> list[dict[str, Any]]:
        with self._txn(write=False) as data:
            rows = [c for c in data["cases"].values() if kind is None or c["kind"] == kind]
            return copy.deepcopy(sorted(rows, key=lambda c: c["created_at"], reverse=True))

    def case(self, case_id: str) -> dict[str, Any] | None:
        with self._txn(write=False) as data:
            found = data["cases"].get(case_id)
            return copy.deepcopy(found) if found else None

    def faults(self) -> dict[str, Any]:
        with self._txn(write=False) as data:
            return dict(data["faults"])

    def now_override(self) -> str | None:
        with self._txn(write=False) as data:
            return data.get("now")

    # ------------------------------------------------------------ changing

    def reset(self, seed_cases: list[dict[str, Any]], now: str | None = None) -> None:
        with self._txn(write=True) as data:
            data.clear()
            data.update(_empty())
            data["now"] = now
            for case in seed_cases:
                data["cases"][case["case_id"]] = case

    def set_faults(self, faults: dict[str, Any]) -> dict[str, Any]:
        with self._txn(write=True) as data:
            data["faults"] = {k: v for k, v in faults.items() if v not in (None, "", [], False)}
            return dict(data["faults"])

    def set_now(self, now: str | None) -> None:
        with self._txn(write=True) as data:
            data["now"] = now

    def _next_id(self, data: dict[str, Any], kind: Kind, now: datetime) -> str:
        data["counter"] += 1
        n = data["counter"]
        if kind == "complaint":
            return f"TS{now:%Y%m%d}{n:06d}"
        # Refund numbers are plain digits on the real refund list.
        return f"{now:%Y%m%d}{n:010d}"

    def record(
        self,
        kind: Kind,
        *,
        url: str,
        form: dict[str, Any],
        files: list[str],
        case: dict[str, Any],
        now: datetime,
    ) -> dict[str, Any]:
        """Record one submitted form and open its case in status 等待卖家处理."""
        with self._txn(write=True) as data:
            case_id = self._next_id(data, kind, now)
            stamp = fmt(now)
            record = {
                **case,
                "case_id": case_id,
                "kind": kind,
                "status": "pending_seller",
                "status_text": STATUS_TEXTS[kind]["pending_seller"],
                "created_at": stamp,
                "updated_at": stamp,
                "history": [
                    {
                        "status": "pending_seller",
                        "status_text": STATUS_TEXTS[kind]["pending_seller"],
                        "at": stamp,
                    }
                ],
            }
            data["cases"][case_id] = record
            data["submissions"].append(
                {
                    "seq": len(data["submissions"]) + 1,
                    "kind": kind,
                    "case_id": case_id,
                    "url": url,
                    "at": stamp,
                    "form": form,
                    "files": files,
                }
            )
            return copy.deepcopy(record)

    def intervene(
        self, case_id: str, *, url: str, form: dict[str, Any], files: list[str], now: datetime
    ) -> dict[str, Any]:
        """Record a 申请淘宝介入 submission on a refund case and move it to 淘宝介入处理中."""
        with self._txn(write=True) as data:
            data["submissions"].append(
                {
                    "seq": len(data["submissions"]) + 1,
                    "kind": "intervention",
                    "case_id": case_id,
                    "url": url,
                    "at": fmt(now),
                    "form": form,
                    "files": files,
                }
            )
        case = self.move(case_id, "platform_intervening", now)
        return case

    def move(self, case_id: str, status: str, now: datetime, note: str | None = None) -> dict[str, Any]:
        with self._txn(write=True) as data:
            case = data["cases"].get(case_id)
            if case is None:
                raise KeyError(case_id)
            code = status_code(case["kind"], status)
            text = STATUS_TEXTS[case["kind"]][code]
            stamp = fmt(now)
            case.update(status=code, status_text=text, updated_at=stamp)
            if note:
                case["seller_reply"] = note
            case.setdefault("history", []).append(
                {"status": code, "status_text": text, "at": stamp, **({"note": note} if note else {})}
            )
            return copy.deepcopy(case)
