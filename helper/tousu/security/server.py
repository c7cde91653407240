"""The helper's waitress server, hardened against a neighbour on the same computer.

waitress's defaults suit a server behind a proxy, not one any local process or web page can
reach: 100 connections in all (99 half-open ones starved the helper for 120 s), bodies up to
1 GiB spooled to a temporary file before the app could look at Host or Origin, and text/plain
errors. Here:

- a request must finish its headers within HEADER_DEADLINE and its body within BODY_DEADLINE of
  its first byte; an idle keep-alive connection goes after IDLE_TIMEOUT;
- a peer holding more than PER_PEER_LIMIT connections that have not finished a request loses the
  oldest of them when it opens another, so a burst of slow connections never locks a fresh,
  fast request out (every local process is the same peer, 127.0.0.1: refusing the new
  connection would refuse the extension);
- the body limit is the app's own (MAX_CONTENT_LENGTH), bodies are kept in memory, and Host and
  Origin are refused as soon as the headers are in, before a byte of the body is read;
- waitress's own errors (400, 413, 431, 501...) are the helper's one JSON envelope.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask
from waitress.utilities import Error

from ..errors import error_body

HEADER_DEADLINE = 10.0
BODY_DEADLINE = 60.0
IDLE_TIMEOUT = 30.0
PER_PEER_LIMIT = 64
CONNECTION_LIMIT = 1000

Check = Callable[[dict[str, str]], "tuple[int, str, str] | None"]

_CODES = {400: "bad_request", 413: "body_too_large", 431: "headers_too_large", 501: "not_implemented"}


class Refused(Error):
    """A refusal decided from the headers alone (Host, Origin)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.code = status
        self.reason = {403: "Forbidden"}.get(status, "Refused")
        self.stable_code = code


class EnvelopeErrorTask(ErrorTask):
    """waitress's error responses, as the helper's JSON envelope."""

    def execute(self) -> None:
        error = self.request.error
        status = int(getattr(error, "code", 500))
        code = getattr(error, "stable_code", None) or _CODES.get(status, "http_error")
        message = str(getattr(error, "body", "") or getattr(error, "reason", "")) or "Bad request."
        body = json.dumps(error_body(status, code, message), ensure_ascii=False).encode()
        self.status = f"{status} {getattr(error, 'reason', 'Error')}"
        self.response_headers.extend(
            [
                ("Content-Type", "application/json"),
                ("X-Content-Type-Options", "nosniff"),
                ("Cache-Control", "no-store"),
            ]
        )
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class GuardedChannel(HTTPChannel):
    error_task_class = EnvelopeErrorTask
    request_started: float | None = None
    request: Any  # waitress sets it: the request being parsed, or None

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_started = time.monotonic()
        result = super().received(data)
        with self.requests_lock:
            pending = self.request
            if pending is None:
                self.request_started = None
            elif pending.headers_finished and not getattr(pending, "tousu_checked", False):
                pending.tousu_checked = True
                verdict = self.server.check_headers(pending.headers)
                if verdict is not None:
                    # Answer now: the body (perhaps 300 MB) is never read.
                    pending.error = Refused(*verdict)
                    pending.completed = True
                    self.requests.append(pending)
                    if len(self.requests) == 1:
                        self.server.add_task(self)
                    self.request = None
                    self.request_started = None
        return result


class GuardedServer(TcpWSGIServer):
    channel_class = GuardedChannel

    def __init__(self, application, *, check: Check, **kw) -> None:
        self.check = check
        super().__init__(application, **kw)

    def check_headers(self, headers: dict[str, str]) -> tuple[int, str, str] | None:
        try:
            return self.check(headers)
        except Exception:  # noqa: BLE001 - a check that fails refuses
            return (400, "bad_request", "Malformed headers.")

    def handle_accept(self) -> None:
        before = set(self.active_channels)
        super().handle_accept()
        for fd in set(self.active_channels) - before:
            self._limit_peer(self.active_channels[fd])

    def _limit_peer(self, new: HTTPChannel) -> None:
        peer = new.addr[0] if isinstance(new.addr, tuple) else new.addr
        waiting = [
            channel
            for channel in self.active_channels.values()
            if channel is not new
            and (channel.addr[0] if isinstance(channel.addr, tuple) else channel.addr) == peer
            and not channel.requests
            and not channel.will_close
        ]
        if len(waiting) >= PER_PEER_LIMIT:
            oldest = min(waiting, key=lambda c: c.creation_time)
            oldest.will_close = True
            oldest.handle_close()

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        clock = time.monotonic()
        for channel in list(self.active_channels.values()):
            started = getattr(channel, "request_started", None)
            pending = getattr(channel, "request", None)
            if started is None or pending is None or channel.requests:
                continue
            limit = BODY_DEADLINE if pending.headers_finished else HEADER_DEADLINE
            if clock - started > limit:
                channel.will_close = True


def create_server(app, *, host: str, port: int, threads: int, max_body: int, check: Check, **kw):
    return GuardedServer(
        app,
        check=check,
        host=host,
        port=port,
        threads=threads,
        ident="tousu",
        connection_limit=CONNECTION_LIMIT,
        channel_timeout=int(IDLE_TIMEOUT),
        cleanup_interval=1,
        max_request_body_size=max_body,
        # Bodies stay in memory up to the limit: a request never writes the shopper's data to a
        # temporary file outside the private data directory.
        inbuf_overflow=max_body + 1,
        max_request_header_size=64 * 1024,
        **kw,
    )


def app_check(app) -> Check:
    """The app's Host and Origin rules, over waitress's parsed headers (HOST, ORIGIN...)."""
    from .guard import refusal

    hosts = app.config["ALLOWED_HOSTS"]
    origins = app.config["ALLOWED_ORIGINS"]

    def check(headers: dict[str, str]) -> tuple[int, str, str] | None:
        return refusal(
            headers.get("HOST"), headers.get("ORIGIN"), headers.get("SEC_FETCH_SITE"), hosts, origins
        )

    return check
