"""Chrome's native messaging framing: a 4-byte length in native byte order, then UTF-8 JSON."""

from __future__ import annotations

import json
import struct
from typing import BinaryIO

_LENGTH = struct.Struct("=I")
# Chrome allows 1 MB from the host; a connect request is a few bytes, so refuse anything large.
MAX_MESSAGE = 1024 * 1024


class FramingError(Exception):
    """The bytes on stdin are not one well-formed message."""


def read_message(stream: BinaryIO) -> dict | None:
    """The next message, or None when the browser closed the pipe before a new one."""
    header = stream.read(_LENGTH.size)
    if not header:
        return None
    if len(header) < _LENGTH.size:
        raise FramingError("truncated length prefix")
    (length,) = _LENGTH.unpack(header)
    if length > MAX_MESSAGE:
        raise FramingError(f"message of {length} bytes is larger than {MAX_MESSAGE}")
    payload = stream.read(length)
    if len(payload) < length:
        raise FramingError("truncated message")
    try:
        message = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FramingError(f"not UTF-8 JSON: {exc}") from None
    if not isinstance(message, dict):
        raise FramingError("a message must be a JSON object")
    return message


def write_message(stream: BinaryIO, message: dict) -> None:
    payload = json.dumps(message, ensure_ascii=False).encode("utf-8")
    stream.write(_LENGTH.pack(len(payload)) + payload)
    stream.flush()
