"""How the real pages encode things: the JS string literal around embedded JSON, GBK bodies."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Response

_JS_ESCAPES = {"\\": "\\\\", '"': '\\"', "'": "\\'", "/": "\\/", "\n": "\\n", "\r": "\\r"}


def compact_json(value: Any) -> str:
    # Python ints stay bare numbers here, which is exactly the big-integer hazard we want.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def js_single_quoted(text: str) -> str:
    """The body of a JS '…' literal as the real server writes it: \\" \\/ and all non-ASCII \\uXXXX."""
    out: list[str] = []
    for ch in text:
        if ch in _JS_ESCAPES:
            out.append(_JS_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def json_parse_call(value: Any) -> str:
    """``JSON.parse('…')`` for a value, byte-for-byte the shape the old list and detail embed."""
    return "JSON.parse('" + js_single_quoted(compact_json(value)) + "')"


def html_response(html: str, charset: str = "utf-8", status: int = 200) -> Response:
    charset = charset.lower()
    if charset in {"gbk", "gb2312", "gb18030"}:
        # xmlcharrefreplace keeps a stray non-GBK character readable instead of failing the page.
        body = html.encode("gbk", errors="xmlcharrefreplace")
        label = "GBK"
    else:
        body = html.encode("utf-8")
        label = "UTF-8"
    return Response(body, status=status, content_type=f"text/html; charset={label}")


def json_response(value: Any, charset: str = "utf-8", status: int = 200) -> Response:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if charset.lower() == "gbk":
        return Response(
            text.encode("gbk", errors="xmlcharrefreplace"),
            status=status,
            content_type="application/json;charset=GBK",
        )
    return Response(text.encode("utf-8"), status=status, content_type="application/json;charset=UTF-8")


_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def build_hash(build: str, name: str, length: int = 8) -> str:
    """A CSS-module style hash suffix that is stable for one build and changes with the build."""
    digest = hashlib.sha256(f"{build}:{name}".encode()).digest()
    return "".join(_ALPHABET[b % len(_ALPHABET)] for b in digest[:length])


class Classes:
    """Hashed class names for one build: ``cls('shopInfo')`` -> ``shopInfo--Ab3dEf9K``."""

    def __init__(self, build: str, style: str = "tm2") -> None:
        self.build = build
        self.style = style

    def __call__(self, name: str) -> str:
        if self.style == "tm1":
            # Old CSS modules: "bought-wrapper-mod__trade-order___2lrzV".
            return f"{name}___{build_hash(self.build, name, 5)}"
        return f"{name}--{build_hash(self.build, name, 8)}"
